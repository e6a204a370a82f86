//! The closed word classes of English news grammar that the extractors need:
//! titles, organisation heads, pronouns and function words (speech verbs are
//! core's one list, `herodotus_core::speech`, read through [`is_speech_verb`]).
//! These are grammar, not a lexicon of meanings: small, closed and reviewed here.

use herodotus_core::speech;

/// Words of titles and roles that precede or describe a person's name.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "ministers",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "economy",
    "trade",
    "health",
    "justice",
    "energy",
    "education",
    "secretary",
    "secretary-general",
    "undersecretary",
    "under",
    "general",
    "gen",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "pope",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "chief",
    "director",
    "director-general",
    "commander",
    "colonel",
    "col",
    // Abbreviated military and civil titles ("Cmdr. Rafael Ortiz", "Lt. Gen. X").
    "cmdr",
    "cdr",
    "superintendent",
    "brig",
    "cpl",
    "pvt",
    "amb",
    "insp",
    "supt",
    "lieutenant",
    "lt",
    "major",
    "maj",
    "captain",
    "capt",
    "admiral",
    "adm",
    "sergeant",
    "sgt",
    "marshal",
    "field",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "judge",
    "deputy",
    "speaker",
    "leader",
    "premier",
    "emir",
    "sheikh",
    "sultan",
    "supreme",
    "senior",
    "former",
    "acting",
    "state",
    "attorney",
    "house",
    "opposition",
    "party",
    "national",
    "security",
    "adviser",
    "advisor",
    "head",
    "ceo",
    "executive",
    "founder",
    "official",
    "officer",
    "diplomat",
    // Professions written as titles before a name ("Lawyer Ines Mora", "economist
    // Jane Roe"). Class: speakers behind titles (issue 10 item 5).
    "lawyer",
    "activist",
    "economist",
    "analyst",
    "journalist",
    "researcher",
    "scientist",
    "negotiator",
    // Trades and callings of the people feature stories quote ("Fisherman Tariq
    // Aziz", "nurse Ana Lima"). Class: speakers behind titles (issue 10 item 5, sixth
    // session, table news-forms.tsv).
    "fisherman",
    "teacher",
    "nurse",
    "doctor",
    "surgeon",
    "physician",
    "engineer",
    "pilot",
    "pastor",
    "priest",
    "historian",
    "novelist",
    "poet",
    "artist",
    "photographer",
    "filmmaker",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "shopkeeper",
    "singer",
    "actor",
    "actress",
    "musician",
    "rapper",
    "comedian",
    "athlete",
    "lawmaker",
    "legislator",
    "mp",
    // Titles of councils and police that name no role alone ("Cllr Megan Doyle");
    // the roles are in `ROLES`. Class: speakers behind titles of local and court news
    // (issue 10 item 5, eighth session, table article-forms.tsv).
    "constable",
    "cllr",
    "alderman",
    "president-elect",
    "leader",
    "coach",
    "cardinal",
    "archbishop",
    "bishop",
    "rabbi",
    "imam",
    "ayatollah",
    "grand",
    "high",
    "commissioner",
    "representative",
    "first",
    "lady",
    "dame",
    "sir",
    "lord",
    "baroness",
    "mrs",
    "madam",
    "rev",
    "reverend",
    "defence",
    "army",
    "navy",
    "air",
    "force",
    "staff",
    "joint",
    "central",
    "bank",
    "governor",
    "economic",
    "affairs",
    "home",
    "internal",
    "external",
    "agriculture",
    "labour",
    "labor",
    "transport",
    "culture",
    "environment",
    "development",
    "information",
    "communications",
    "commerce",
    "industry",
    "treasury",
    "homeland",
    "veterans",
    "public",
    "works",
    "tourism",
];

/// `w` as the word lists hold it: lower case, without a trailing full stop ("Gen.").
fn list_form(w: &str) -> String {
    w.trim_end_matches('.').to_lowercase()
}

/// True when `w` (any case, "Gen." as "gen") is in `list`.
fn listed(list: &[&str], w: &str) -> bool {
    list.contains(&list_form(w).as_str())
}

/// True when `w` (any case) is a title or role word.
pub fn is_title(w: &str) -> bool {
    listed(TITLES, w) || listed(ROLES, w)
}

/// Words of a ministry's portfolio, which "and" joins in an office's name
/// ("Department of Health and Social Care", "Ministry of Foreign Affairs and Trade",
/// "Fisheries and Oceans"); a name after "and" is another actor ("the Department of
/// Homeland Security and Alex Azar"). Class: organisation names (issue 10 item 5,
/// eighth session, table article-forms.tsv).
const PORTFOLIO: &[&str] = &[
    "affairs",
    "agriculture",
    "arts",
    "care",
    "climate",
    "commerce",
    "communications",
    "communities",
    "culture",
    "defence",
    "defense",
    "development",
    "digital",
    "economy",
    "education",
    "employment",
    "energy",
    "environment",
    "equality",
    "family",
    "finance",
    "fisheries",
    "food",
    "foreign",
    "forestry",
    "health",
    "heritage",
    "housing",
    "human",
    "industry",
    "infrastructure",
    "innovation",
    "investment",
    "justice",
    "labour",
    "labor",
    "local",
    "media",
    "mines",
    "natural",
    "oceans",
    "pensions",
    "planning",
    "public",
    "research",
    "resources",
    "rural",
    "science",
    "security",
    "services",
    "skills",
    "social",
    "sport",
    "technology",
    "tourism",
    "trade",
    "transport",
    "urban",
    "water",
    "welfare",
    "women",
    "works",
    "youth",
];

/// True when `w` (any case) is a word of a ministry's portfolio ("Trade", "Oceans").
pub fn is_portfolio(w: &str) -> bool {
    listed(PORTFOLIO, w)
}

/// Title heads that can stand for a person ("the minister said").
const PERSON_HEADS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "secretary-general",
    "chancellor",
    "senator",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "commander",
    "general",
    "leader",
    "premier",
    "emir",
    "sheikh",
    "sultan",
    "judge",
    "speaker",
    "negotiator",
    "adviser",
    "advisor",
    "congressman",
    "congresswoman",
    "lawmaker",
    "founder",
    "ceo",
    "executive",
    "head",
    "monarch",
    "ayatollah",
    "cardinal",
    "archbishop",
    "coach",
    "president-elect",
    "commissioner",
    "official",
    "diplomat",
    "officer",
    "man",
    "woman",
];

/// Roles of courts, councils, police and schools: titles before a name ("Prosecutor
/// Laila Haddad", "Detective Inspector Claire Munro", "Headteacher Sarah Okafor") and
/// heads that stand for the person named with them ("the prosecutor said", "the
/// coroner said"). Class: speakers behind titles of local and court news (issue 10
/// item 5, eighth session, table article-forms.tsv).
const ROLES: &[&str] = &[
    "prosecutor",
    "barrister",
    "solicitor",
    "detective",
    "inspector",
    "coroner",
    "headteacher",
    "headmaster",
    "headmistress",
    "manager",
    "councillor",
    "councilor",
];

/// True when `w` is a noun that names a person by role ("minister").
pub fn is_person_head(w: &str) -> bool {
    let w = w.to_lowercase();
    PERSON_HEADS.contains(&w.as_str()) || ROLES.contains(&w.as_str())
}

/// Nouns that describe a person already named, after "the": party members, standing
/// and wealth ("the Texas Republican said", "the billionaire said"). Class: definite
/// descriptions as speakers (issue 10 item 5, sixth session, table news-forms.tsv).
const PERSON_DESCRIPTIONS: &[&str] = &[
    "republican",
    "democrat",
    "conservative",
    "tory",
    "liberal",
    "socialist",
    "progressive",
    "populist",
    "nationalist",
    "centrist",
    "billionaire",
    "millionaire",
    "tycoon",
    "magnate",
    "mogul",
    "veteran",
    "politician",
    "statesman",
    "stateswoman",
    "incumbent",
    "challenger",
    "frontrunner",
    "front-runner",
    "nominee",
    "candidate",
    "retiree",
    "widow",
    "widower",
    "mother",
    "father",
    "grandmother",
    "grandfather",
];

/// True when `w` (any case) describes a person already named ([`PERSON_DESCRIPTIONS`]).
pub fn is_person_description(w: &str) -> bool {
    listed(PERSON_DESCRIPTIONS, w)
}

/// Heads of organisation names and descriptions.
const ORG_HEADS: &[&str] = &[
    // "The Treasury said": the finance ministry of Britain, the US, South Africa and
    // others by its own name. Class: organisation names (issue 10 item 5, eighth
    // session).
    "treasury",
    "ministry",
    "department",
    "office",
    "kremlin",
    "government",
    "administration",
    "council",
    "party",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "committee",
    "commission",
    "agency",
    "bank",
    "court",
    "army",
    "military",
    "navy",
    "police",
    "forces",
    "force",
    "guard",
    "union",
    "organisation",
    "organization",
    "association",
    "alliance",
    "coalition",
    "front",
    "movement",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "bureau",
    "service",
    "services",
    "embassy",
    "mission",
    "cabinet",
    "presidency",
    "junta",
    "authority",
    "authorities",
    "institute",
    "university",
    "fund",
    "foundation",
    "federation",
    "league",
    "board",
    "network",
    "brigade",
    "brigades",
    "battalion",
    "militia",
    "command",
    "pentagon",
    "secretariat",
    "tribunal",
    "legislature",
    "duma",
    "knesset",
    "bundestag",
    "reuters",
    "times",
    "post",
    "news",
    "press",
    "channel",
    "television",
    "radio",
    "agency",
    "ministries",
    "confederation",
    "council",
    "chamber",
    "airline",
    "airlines",
    "group",
    "office",
    "forces",
    "military",
    "ministry",
];

/// True when `w` names an organisation kind ("ministry", "Party").
pub fn is_org_head(w: &str) -> bool {
    listed(ORG_HEADS, w)
}

/// Organisation heads that never stand for a person, used to classify names.
pub fn is_org_name_word(w: &str) -> bool {
    is_org_head(w)
}

/// True when `w` is a finite speech verb that tags a quotation or reported speech.
///
/// A capitalised form is no verb: it is a name's word ("United States", "Claims
/// Court") or a sentence's first word, where a tag does not stand.
pub fn is_speech_verb(w: &str) -> bool {
    // The one speech-verb list is core's.
    !w.starts_with(|c: char| c.is_uppercase()) && speech::is_speech(w, speech::TAG)
}

/// Verbs that attribute a short quotation to their subject without reporting
/// speech ("Lavrov called the move \"illegal\"").
const CHARACTERISING_VERBS: &[&str] = &[
    "called",
    "calls",
    "described",
    "describes",
    "denounced",
    "dismissed",
    "branded",
    "labelled",
    "labeled",
    "termed",
    "hailed",
    "praised",
    "criticised",
    "criticized",
    "condemned",
    "saying",
    "adding",
    "telling",
    "warning",
    "insisting",
    "noting",
    "arguing",
    "writing",
    "stressing",
    "calling",
    "describing",
    "accused",
    "slammed",
    "welcomed",
    "urging",
    "vowing",
    // Verbs that give a thing a name the quotation holds ("X dubbed it "the Gordon
    // problem""). Class: characterising verbs (issue 10 item 5).
    "dubbed",
    "nicknamed",
    "branding",
    "labelling",
    "labeling",
];

/// True when `w` attributes a quotation without being a finite speech verb
/// (lower case: a capitalised form is a name's word or a sentence's first word).
pub fn is_characterising_verb(w: &str) -> bool {
    CHARACTERISING_VERBS.contains(&w)
}

/// Personal pronouns that can be a speaker.
pub fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i"
    )
}

/// Function words that are capitalised only because they start a sentence,
/// and words never part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "if",
    "as",
    "for",
    "to",
    "of",
    "by",
    "with",
    "from",
    "after",
    "before",
    "while",
    "when",
    "since",
    "during",
    "this",
    "that",
    "these",
    "those",
    "there",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "some",
    "many",
    "most",
    "more",
    "all",
    "any",
    "no",
    "not",
    "yet",
    "so",
    "also",
    "still",
    "then",
    "now",
    "although",
    "though",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "last",
    "next",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "may",
    "according",
    "under",
    "over",
    "about",
    "against",
    "between",
    "despite",
    "without",
    "until",
    "both",
    "each",
    "every",
    "other",
    "such",
    "only",
    "even",
    "just",
    "speaking",
    "asked",
    "once",
    "because",
    "unlike",
    "like",
    "among",
    "amid",
    "across",
    "near",
    "into",
    "through",
    "instead",
    "here",
    "several",
    "few",
    "much",
    "very",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "ok",
    "yes",
    "thank",
    "thanks",
    "please",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Continents and world regions: places, but not in the gazetteer of countries,
/// divisions and cities, and never actors of their own.
const REGIONS: &[&str] = &[
    "Europe",
    "European",
    "Europeans",
    "Africa",
    "African",
    "Africans",
    "Asia",
    "Asian",
    "Asians",
    "Middle East",
    "Mideast",
    "Latin America",
    "Latin American",
    "North America",
    "South America",
    "Central America",
    "Caribbean",
    "Pacific",
    "Atlantic",
    "Arctic",
    "Balkans",
    "Balkan",
    "Sahel",
    "Gulf",
    "Persian Gulf",
    "Red Sea",
    "Black Sea",
    "Baltic",
    "Mediterranean",
    "Scandinavia",
    "Scandinavian",
    "Caucasus",
    "Horn of Africa",
    "West",
    "Western",
    "East",
    "Eastern",
    "Arab",
    "Arabs",
    "Muslim",
    "Muslims",
    "Christian",
    "Christians",
    "Jewish",
    "Jews",
    "Kurdish",
    "Kurds",
    "Sunni",
    "Shia",
    "Shiite",
    "Islamic",
    "Indo-Pacific",
    "Eurasia",
    "Oceania",
    "Antarctic",
];

/// True for continents, world regions and group adjectives ("Europe", "Western", "Sunni").
pub fn is_region(w: &str) -> bool {
    REGIONS.contains(&w)
}

/// True for function words, weekdays and months (any case).
pub fn is_function_word(w: &str) -> bool {
    // Acronyms are names ("WHO", "IT"), not function words.
    if crate::text::is_all_caps(w) {
        return false;
    }
    listed(FUNCTION_WORDS, w) || herodotus_core::tokens::is_calendar_word(&list_form(w))
}

/// Determiners and adverbs that may sit between a speaker and the verb or start
/// a description ("the minister", "Lavrov also said").
pub fn is_np_filler(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "also"
            | "later"
            | "then"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "again"
            | "previously"
            | "earlier"
            | "further"
            | "once"
            | "repeatedly"
            | "simply"
            | "recently"
            | "reportedly"
            | "separately"
            | "quickly"
            | "flatly"
            | "bluntly"
            | "only"
            | "just"
            | "first"
            | "finally"
            | "told"
            | "was"
            | "is"
            | "did"
            | "does"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "can"
            // Adverbs of attribution ("Novak allegedly told a supervisor").
            | "allegedly"
            | "publicly"
            | "privately"
            | "angrily"
            | "firmly"
            | "subsequently"
            | "initially"
            | "personally"
            | "still"
            | "now"
    )
}

/// Evidence of a person's gender from a title word: `Some(true)` female, `Some(false)` male.
pub fn title_gender(w: &str) -> Option<bool> {
    match list_form(w).as_str() {
        "mrs" | "ms" | "miss" | "queen" | "princess" | "spokeswoman" | "chairwoman" | "madam"
        | "congresswoman" | "lady" | "dame" | "baroness" | "businesswoman" | "woman" => Some(true),
        "mr" | "king" | "prince" | "spokesman" | "chairman" | "congressman" | "sir" | "lord"
        | "businessman" | "man" | "pope" | "emir" | "sultan" | "sheikh" => Some(false),
        _ => None,
    }
}
