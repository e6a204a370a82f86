//! Evaluative speech (CODING-GUIDE "Comments on a relationship", "Calling an act of B
//! a name"): a speech or naming verb whose content is an evaluation codes that
//! evaluation, aimed at the actor whose act is evaluated (the possessor "B's
//! decision", or the actor named in the content):
//!
//! - "A said B's decision was illegal / a mistake" -> A 111 B;
//! - "A called B's blockade piracy" -> A 111 B; "A called B's move lawful" -> A 052 B;
//! - "A said relations with B were at their worst" -> A 012 B; "improving" -> A 013 B;
//! - "B faced criticism from A", "B faced A's criticism", "B came under fire from A"
//!   -> A 111 B.
//!
//! Token heuristics today; the frames are the speech verb, its subject and its
//! `ccomp`/`xcomp` content, which a parse gives directly.

use super::emit::same_actor;
use super::mentions::Found;
use super::Coder;
use crate::tokens::Token;

/// An evaluation found in a sentence (mention indices).
pub(super) struct Evaluation {
    pub(super) source: usize,
    pub(super) target: usize,
    pub(super) code: &'static str,
    /// Which frame found it (for the event's `pattern` provenance).
    pub(super) frame: &'static str,
    /// Byte span of the speech or naming word.
    pub(super) span: [usize; 2],
    /// Tokens naming the evaluated act ("B's blockade" in "called B's blockade
    /// piracy"): a verb form there is a noun, not an event. Empty for other frames.
    pub(super) region: [usize; 2],
}

/// Naming verbs: "called B's blockade piracy"; their object "it" is the act named
/// ("called it a mistake", read by `anaphora.rs`). The one list for both.
pub(super) const NAMING: &[&str] = &[
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "branded",
    "brands",
    "labelled",
    "labeled",
    "dubbed",
    "termed",
];
/// Verbs of judgement that name an act with their object's complement: "considers
/// B's settlements illegal", "deemed the vote a sham" (issue 10 class "evaluative
/// content"). The same frame as [`NAMING`].
const DEEM: &[&str] = &["considers", "considered", "deems", "deemed"];
/// Verbs of judgement that need "as": "views B's move as a provocation", "saw the
/// vote as a sham" ("saw Israeli aggression" alone is not a judgement).
const VIEW_AS: &[&str] = &[
    "views",
    "viewed",
    "regards",
    "regarded",
    "sees",
    "saw",
    "characterised",
    "characterized",
    "portrayed",
];
/// Adjectives of condemnation; they count only as predicates ("was illegal").
const NEG_ADJ: &[&str] = &[
    "illegal",
    "unlawful",
    "illegitimate",
    "dangerous",
    "irresponsible",
    "unacceptable",
    "inappropriate",
    "wrong",
    "outrageous",
    "reckless",
    "provocative",
    "unjust",
    "unfair",
    "disgraceful",
    "shameful",
    "absurd",
    "ridiculous",
    "hypocritical",
    "misleading",
    "insulting",
    "counterproductive",
    "destabilising",
    "destabilizing",
    "deplorable",
    "regrettable",
    "scandalous",
    "invalid",
    "unconstitutional",
    "irregular",
    "unwarranted",
    "unjustified",
    "baseless",
    // Issue 10 class "evaluative content after said" (words of condemnation news
    // uses for an act: "called the move harmful", "said the law was biased").
    "adverse",
    "harmful",
    "hostile",
    "unhelpful",
    "destructive",
    "unfriendly",
    "biased",
    "discriminatory",
    "racist",
    "belligerent",
    "self-serving",
    // Issue 10 class "evaluative content after said" (helper evaluative): judgements of
    // an act's wisdom, measure or decency ("said the sanctions were misguided",
    // "called the response disproportionate").
    "improper",
    "unwise",
    "ill-advised",
    "misguided",
    "short-sighted",
    "shortsighted",
    "appalling",
    "excessive",
    "disproportionate",
    "inhumane",
    "barbaric",
    "reprehensible",
    "abhorrent",
    "unethical",
    "undemocratic",
];
/// Adjectives that condemn only under a negation (same class): "was not credible",
/// "not acceptable", "not appropriate" condemn; "was credible" praises nothing.
const NEG_WHEN_NOT: &[&str] = &["credible", "acceptable", "appropriate", "proper", "serious"];
/// What an attempt is made to do when naming it condemns the act (same class): "an
/// attempt to mislead voters", "a bid to undermine the talks".
const BAD_AIM: &[&str] = &[
    "mislead",
    "deceive",
    "distract",
    "divert",
    "undermine",
    "destabilise",
    "destabilize",
    "intimidate",
    "silence",
    "provoke",
    "sabotage",
    "derail",
    "manipulate",
    "interfere",
    "meddle",
    "blackmail",
    "discredit",
    "smear",
    "bully",
    "cover",
    "whitewash",
    "rig",
    "subvert",
];
/// Nouns of condemnation ("a mistake", "a sham", "piracy").
const NEG_NOUN: &[&str] = &[
    "mistake",
    "sham",
    "farce",
    "disgrace",
    "piracy",
    "betrayal",
    "provocation",
    "insult",
    "aggression",
    "interference",
    "meddling",
    "blackmail",
    "bullying",
    "charade",
    "travesty",
    "violation",
    "indictment",
    "hoax",
    "witch-hunt",
    "terrorism",
    "crime",
    // Issue 10 class "evaluative content after said": "called the dam a threat to
    // its survival", "an obstacle to peace", "a disaster".
    "threat",
    "obstacle",
    "disaster",
    "catastrophe",
    "scandal",
    "atrocity",
    "fraud",
    // Same class, helper evaluative: names for an act done for show or to hide
    // ("called the inquiry a whitewash", "a publicity stunt", "a power grab").
    "stunt",
    "whitewash",
    "cover-up",
    "smokescreen",
    "ploy",
    "grab",
];
/// Adjectives that condemn the act they qualify: "a brutal act", "a cowardly act"
/// (issue 10 class "naming an act": "called the shooting 'a brutal act'").
const HARSH_ACT: &[&str] = &[
    "brutal",
    "cowardly",
    "heinous",
    "criminal",
    "despicable",
    "terrorist",
    "barbaric",
    "barbarous",
    "savage",
    "vile",
    "senseless",
    "hostile",
    "aggressive",
    "unfriendly",
    "treacherous",
];
/// What "an act of ..." names when it condemns (same class): "an act of vengeance",
/// "an act of sabotage", "an act of war".
const ACT_OF: &[&str] = &[
    "vengeance",
    "revenge",
    "sabotage",
    "aggression",
    "war",
    "terror",
    "terrorism",
    "barbarism",
    "brutality",
    "piracy",
    "provocation",
    "intimidation",
    "repression",
    "cowardice",
    "hostility",
];
/// Nouns of condemnation for a naming verb's object only ("called the vote a
/// failure"; "the economy was in crisis" after "said" is no criticism).
const NAMING_NOUN: &[&str] = &[
    "crisis",
    "failure",
    "fiasco",
    "debacle",
    "embarrassment",
    "shambles",
];
/// Verdict nouns whose "of / within" phrase names the actor condemned when the
/// act named has none (issue 10 class "criticism that names an institution": "called
/// the death an indictment of B's prison system", "a crisis within B's agency").
const INDICTS: &[&str] = &[
    "indictment",
    "crisis",
    "failure",
    "fiasco",
    "debacle",
    "embarrassment",
    "disgrace",
    "scandal",
];
/// Nouns naming an accusation: "B's accusations were baseless" denies them (016).
const ACCUSATION: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "charge",
    "charges",
];
/// Predicates saying an accusation is untrue (issue 10 class "reject/dismiss
/// accusations -> 016").
const FALSITY: &[&str] = &[
    "false",
    "baseless",
    "groundless",
    "untrue",
    "unfounded",
    "fabricated",
    "fabrication",
    "lie",
    "lies",
    "nonsense",
    "fake",
    "fiction",
    "absurd",
    "ridiculous",
    "debunked",
];
/// ... and, negated, that it is untrue ("not credible").
const TRUTH: &[&str] = &["true", "credible", "accurate", "correct"];
/// Participles that condemn the act they describe, inside a naming frame only:
/// "viewed B's move as a measure contradicting international law".
const NEG_PARTICIPLE: &[&str] = &[
    "contradicting",
    "violating",
    "undermining",
    "flouting",
    "breaching",
    "threatening",
    "endangering",
];
/// Predicates of a verbal defence ("was lawful").
const DEFEND_ADJ: &[&str] = &[
    "lawful",
    "legal",
    "legitimate",
    "justified",
    "justifiable",
    "proportionate",
];
/// Predicates of praise ("B's decision was courageous"; issue 10 class "positive
/// evaluation"): 051.
const PRAISE_ADJ: &[&str] = &[
    "courageous",
    "brave",
    "wise",
    "correct",
    "right",
    "welcome",
    "positive",
    "constructive",
    "commendable",
    "admirable",
    "laudable",
    "praiseworthy",
    "encouraging",
    "helpful",
    // Issue 10 class "evaluative content after said" (helper evaluative): "said the
    // agreement was historic", "the visit was timely".
    "historic",
    "timely",
    "excellent",
];
/// Nouns of praise ("was a milestone", "a step in the right direction").
const PRAISE_NOUN: &[&str] = &["milestone", "achievement", "breakthrough", "landmark"];
/// Adjectives that make "step" praise ("an important step", "a positive step"; "a
/// step forward" too): same class.
const GOOD_STEP: &[&str] = &[
    "important",
    "significant",
    "positive",
    "major",
    "big",
    "crucial",
    "welcome",
    "good",
    "vital",
    "historic",
    "constructive",
    "encouraging",
];
/// Righting a wrong: "B has corrected an historic injustice" praises B (051).
const RIGHT_V: &[&str] = &[
    "corrected",
    "righted",
    "redressed",
    "undone",
    "undid",
    "repaired",
];
const WRONG_N: &[&str] = &[
    "injustice",
    "injustices",
    "wrong",
    "wrongs",
    "mistake",
    "error",
];
/// Deceit (issue 10 class "misconduct reported"): "A said B lied", "B had misled the
/// inspectors", "B was lying": A accuses B (112). The -ing forms count only after a
/// form of "be" ("bodies lying in the street" is no deceit).
const DECEIT_V: &[&str] = &["lied", "misled", "deceived", "cheated"];
const DECEIT_ING: &[&str] = &["lying", "misleading", "deceiving", "cheating"];
/// Sixteenth session, class "accusations inside a that-clause": predicates that blame
/// their subject ("said the Russian state was culpable for the attack", "was guilty of
/// war crimes", "was complicit in the killing"): A accuses B (112).
const GUILT_ADJ: &[&str] = &["culpable", "guilty", "complicit"];
/// Same class: harms that "B was behind" ("was behind the hack", "behind the
/// bombing"); "behind the talks" blames nobody.
const HARM_N: &[&str] = &[
    "attack",
    "attacks",
    "hack",
    "hacks",
    "hacking",
    "cyberattack",
    "cyberattacks",
    "bombing",
    "bombings",
    "blast",
    "blasts",
    "explosion",
    "explosions",
    "killing",
    "killings",
    "murder",
    "murders",
    "assassination",
    "poisoning",
    "plot",
    "coup",
    "violence",
    "unrest",
    "riots",
    "sabotage",
    "shooting",
    "abduction",
    "kidnapping",
    "massacre",
    "leak",
    "leaks",
    "disinformation",
    "downing",
    "sinking",
    "shelling",
    "ambush",
    "raid",
    "raids",
    "incursion",
    "strike",
    "strikes",
    "interference",
    "meddling",
];
/// Same class: what "B committed" when the speaker accuses B ("had committed
/// aggression", "committed war crimes", "an act of aggression").
const CRIME_N: &[&str] = &[
    "aggression",
    "crime",
    "crimes",
    "atrocity",
    "atrocities",
    "genocide",
    "violation",
    "violations",
    "abuses",
    "massacre",
    "massacres",
    "fraud",
    "terrorism",
    "treason",
    "espionage",
    "sabotage",
    "murder",
    "provocation",
    "provocations",
];
/// Same class: acts of wrongdoing whose subject the speaker accuses ("said B had
/// violated the ceasefire", "B orchestrated the attack"); the -ing forms after a form
/// of "be" ("B was meddling in the vote").
const WRONG_V: &[&str] = &[
    "violated",
    "breached",
    "rigged",
    "orchestrated",
    "masterminded",
    "sponsored",
    "plotted",
    "sabotaged",
    "meddled",
    "interfered",
    "harboured",
    "harbored",
];
const WRONG_ING: &[&str] = &[
    "violating",
    "breaching",
    "rigging",
    "orchestrating",
    "sponsoring",
    "plotting",
    "sabotaging",
    "meddling",
    "interfering",
    "harbouring",
    "harboring",
];
/// Same class: breaking a rule accuses only when the rule binds states ("violated the
/// ceasefire", "breached international law"; "violated their visa norms" is an
/// administrative matter of people, not an accusation between actors).
const BREACH_V: &[&str] = &["violated", "breached", "violating", "breaching"];
const RULE_N: &[&str] = &[
    "ceasefire",
    "truce",
    "armistice",
    "agreement",
    "deal",
    "accord",
    "treaty",
    "sovereignty",
    "airspace",
    "border",
    "territory",
    "waters",
    "resolution",
    "resolutions",
    "sanctions",
    "embargo",
    "international",
    "rights",
    "constitution",
    "commitments",
    "obligations",
    "protocol",
    "convention",
    "charter",
    "pledge",
    "promises",
];
/// Same class: armed groups whose funding or arming is a wrong ("said B was funding
/// the militants"; "funding the schools" blames nobody).
const ARMED_N: &[&str] = &[
    "militants",
    "militias",
    "militia",
    "rebels",
    "terrorists",
    "terrorism",
    "extremists",
    "insurgents",
    "separatists",
    "jihadists",
];

/// A verbal accusation at `e` (the same class and "misconduct reported"): deceit,
/// wrongdoing, "committed" a crime, "bore responsibility", "illegally entered". Its
/// target is its subject, the nearest actor before it.
fn verbal_accusation(tokens: &[Token], e: usize) -> bool {
    let w = tokens[e].norm.as_str();
    let next = |k: usize| tokens.get(e + k).map(|t| t.norm.as_str());
    let after_be = e >= 1 && (is_be(&tokens[e - 1].norm) || tokens[e - 1].norm == "been");
    // Up to four words of the object before the clause ends ("committed an act of
    // aggression", "was funding the Houthi militants").
    let object_has = |list: &[&str]| {
        (e + 1..tokens.len().min(e + 6))
            .take_while(|&k| !matches!(tokens[k].norm.as_str(), "," | ";" | "." | "and" | "but"))
            .any(|k| list.contains(&tokens[k].norm.as_str()))
    };
    // "the truce was violated by B", "talks sponsored by B": a passive names its
    // doer after "by", not before.
    let passive = after_be || next(1) == Some("by");
    DECEIT_V.contains(&w)
        || DECEIT_ING.contains(&w)
            && after_be
            && next(1).is_none_or(|n| !matches!(n, "in" | "on" | "at" | "down"))
        || WRONG_V.contains(&w) && !passive && (!BREACH_V.contains(&w) || object_has(RULE_N))
        || WRONG_ING.contains(&w) && after_be && (!BREACH_V.contains(&w) || object_has(RULE_N))
        || matches!(w, "committed" | "commits" | "committing") && object_has(CRIME_N)
        || matches!(
            w,
            "funded" | "financed" | "armed" | "funding" | "financing" | "arming"
        ) && object_has(ARMED_N)
        || matches!(w, "bore" | "bears" | "bear")
            && (next(1) == Some("responsibility")
                || next(2) == Some("responsibility") && next(1).is_some_and(|n| n != "no"))
        || matches!(w, "illegally" | "unlawfully")
            && tokens
                .get(e + 1)
                .is_some_and(|t| t.norm.ends_with("ed") && t.norm.len() > 4)
}
/// Nouns naming a relationship.
const RELATION: &[&str] = &["relations", "ties", "relationship"];
/// A relationship going badly (012) ...
const REL_BAD: &[&str] = &[
    "worst",
    "deteriorating",
    "deteriorated",
    "strained",
    "tense",
    "low",
    "lowest",
    "poor",
    "worsening",
    "worsened",
    "bad",
    "sour",
    "soured",
    "souring",
    "frayed",
    "damaged",
    "crisis",
];
/// ... or well (013).
const REL_GOOD: &[&str] = &[
    "improving",
    "improved",
    "good",
    "better",
    "best",
    "strong",
    "stronger",
    "warm",
    "warming",
    "warmer",
    "growing",
    "deepening",
];
/// Criticism received: "faced criticism from A".
const RECEIVE: &[&str] = &[
    "faced",
    "faces",
    "face",
    "facing",
    "drew",
    "draws",
    "drawn",
    "draw",
    "drawing",
    "received",
    "receives",
    "receiving",
];
const CRITICISM: &[&str] = &[
    "criticism",
    "criticisms",
    "condemnation",
    "condemnations",
    "rebuke",
    "rebukes",
    "censure",
    "backlash",
    "outrage",
];

/// Whether token `k` is in a coded mention, not a pronoun, that is not `speaker`'s
/// actor (another code, or another actor of the same code).
fn other_actor(owner: &[usize], mentions: &[Found], k: usize, speaker: usize) -> bool {
    let m = owner[k];
    m != usize::MAX
        && mentions[m].code.is_some()
        && !mentions[m].pronoun
        && (mentions[m].code != mentions[speaker].code
            || !same_actor(&mentions[m], &mentions[speaker]))
}

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "was" | "were" | "are" | "be" | "been" | "being" | "remain" | "remains" | "remained"
    )
}

fn negated_before(tokens: &[Token], e: usize) -> bool {
    (e.saturating_sub(3)..e)
        .any(|k| matches!(tokens[k].norm.as_str(), "not" | "n't" | "never" | "no"))
}

/// A predicative adjective: followed by the end of the clause or a conjunction, not
/// by the noun it would modify ("illegal settlements").
fn predicative(tokens: &[Token], e: usize) -> bool {
    tokens.get(e + 1).is_none_or(|t| {
        matches!(
            t.norm.as_str(),
            "," | "."
                | ";"
                | ":"
                | "\""
                | "and"
                | "or"
                | "under"
                | "because"
                | "in"
                | "for"
                | "to"
                | "since"
                | "as"
                | "by"
                | "at"
                | "!"
                | "?"
        )
    })
}

/// Whose act a noun group names (issue 10 class "evaluative content after said").
enum Owner {
    /// An actor other than the speaker: the possessor, modifier or agent of the act,
    /// or the group itself when it names an actor ("said Iran was irresponsible").
    Actor(usize),
    /// The speaker's own act ("its decision", "the Israeli strikes" said by Israel).
    Own,
    /// No actor owns it in the group ("the phone call with C": C is a partner).
    Unknown,
}

/// Words that end the head part of a noun group going right: prepositions and
/// relative words ("the call with C", "the move announced by B", "the strikes on C").
const POST: &[&str] = &[
    "with", "to", "against", "on", "over", "into", "between", "for", "from", "at", "about",
    "toward", "towards", "in", "by", "of", "under", "amid", "after", "during", "which", "that",
    "who", ",",
];
/// Act nouns whose "of" phrase is their agent ("the decision of B"); "the killing of
/// C" names the victim, so the list holds acts of choice and speech only.
const OWNER_OF: &[&str] = &[
    "decision",
    "decisions",
    "move",
    "policy",
    "policies",
    "position",
    "stance",
    "conduct",
    "behaviour",
    "behavior",
    "handling",
    "response",
    "actions",
    "statement",
    "remarks",
    "comments",
    "request",
    "plan",
    "proposal",
];

/// Whether mention `m` is the speaker or stands for it (same code and actor, or a
/// pronoun: "its decision" in the speaker's own words is its own).
fn is_self(mentions: &[Found], m: usize, speaker: usize) -> bool {
    m == speaker
        || mentions[m].pronoun
        || (mentions[m].code == mentions[speaker].code
            && same_actor(&mentions[m], &mentions[speaker]))
}

/// The owner of the act the noun group [s, b) names: an actor in the group's head
/// part (a possessor "B's move", a modifier "the B decision", the group itself "B",
/// an inferred owner of "the decision" from context), else the agent of "by B", else
/// "of B" after an act noun; an actor after another preposition ("the call with C",
/// "the strikes on C") is no owner.
fn group_owner(
    tokens: &[Token],
    owner: &[usize],
    mentions: &[Found],
    s: usize,
    b: usize,
    speaker: usize,
) -> Owner {
    let norm = |k: usize| tokens[k].norm.as_str();
    let coded_at = |k: usize| owner[k] != usize::MAX && mentions[owner[k]].code.is_some();
    let p = (s..b)
        .find(|&k| POST.contains(&norm(k)) && owner[k] == usize::MAX)
        .unwrap_or(b);
    if let Some(k) = (s..p).find(|&k| coded_at(k)) {
        return if is_self(mentions, owner[k], speaker) {
            Owner::Own
        } else {
            Owner::Actor(owner[k])
        };
    }
    let agent = |from: usize| {
        (from..b)
            .find(|&k| coded_at(k))
            .filter(|&k| {
                (from..k).all(|j| owner[j] != usize::MAX || matches!(norm(j), "the" | "a"))
            })
            .map(|k| owner[k])
    };
    let by = (p..b).find(|&k| norm(k) == "by").and_then(|k| agent(k + 1));
    let of = (p < b && p > s && norm(p) == "of" && OWNER_OF.contains(&norm(p - 1)))
        .then(|| agent(p + 1))
        .flatten();
    match by.or(of) {
        Some(m) if is_self(mentions, m, speaker) => Owner::Own,
        Some(m) => Owner::Actor(m),
        None => Owner::Unknown,
    }
}

/// With no owner in the group: a definite act noun ("the move", "the decision") whose
/// doer is the one other actor named earlier in the sentence, before `before` ("After
/// B annexed the island, A said the move was illegal"). Two candidates, or none: no
/// owner.
fn earlier_owner(
    tokens: &[Token],
    owner: &[usize],
    mentions: &[Found],
    s: usize,
    b: usize,
    before: usize,
    speaker: usize,
) -> Option<usize> {
    let norm = |k: usize| tokens[k].norm.as_str();
    let p = (s..b).find(|&k| POST.contains(&norm(k))).unwrap_or(b);
    if p <= s
        || !super::anaphora::EVENT_NOUNS.contains(&norm(p - 1))
        || !matches!(norm(s), "the" | "this" | "that")
        || (s..b).any(|k| owner[k] != usize::MAX)
    {
        return None;
    }
    let mut found: Option<usize> = None;
    for &m in owner.iter().take(before.min(tokens.len())) {
        if m == usize::MAX || mentions[m].code.is_none() || is_self(mentions, m, speaker) {
            continue;
        }
        match found {
            Some(f) if mentions[f].code != mentions[m].code => return None,
            Some(_) => {}
            None => found = Some(m),
        }
    }
    found
}

/// "it was a mistake for B to V": the act is the infinitive's, its doer B (the
/// first actor after "for", right before "to"), unless B is the speaker.
fn extraposed(
    tokens: &[Token],
    owner: &[usize],
    mentions: &[Found],
    e: usize,
    b: usize,
    speaker: usize,
) -> Option<usize> {
    let norm = |k: usize| tokens[k].norm.as_str();
    let f = (e + 1..b.min(e + 3)).find(|&k| norm(k) == "for")?;
    let m = *owner.get(f + 1)?;
    if m == usize::MAX || mentions[m].code.is_none() || is_self(mentions, m, speaker) {
        return None;
    }
    let after = mentions[m].tok[1];
    (after < b && norm(after) == "to").then_some(m)
}

/// Where the evaluated group before the copula at `be` starts: after the last clause
/// boundary ("that", a comma, "whether") in [a, be), and after the addressee of "told
/// C ..." when no "that" follows it. A phrase set off by commas right before the copula
/// is inside the group.
fn group_start(tokens: &[Token], owner: &[usize], a: usize, be: usize, tell: bool) -> usize {
    let norm = |k: usize| tokens[k].norm.as_str();
    if let Some(k) = (a..be)
        .rev()
        .find(|&k| matches!(norm(k), "that" | "," | ";" | ":" | "whether" | "if") || is_be(norm(k)))
    {
        // "B's move, announced on Monday, was illegal": a phrase between commas
        // right before the copula belongs to the group; start before its comma.
        if k + 1 == be && norm(k) == "," {
            if let Some(j) = (a..k).rev().find(|&j| norm(j) == ",") {
                return group_start(tokens, owner, a, j, tell);
            }
        }
        return k + 1;
    }
    if tell {
        let first = if a < be && matches!(norm(a), "the") {
            a + 1
        } else {
            a
        };
        if first < be && owner[first] != usize::MAX {
            return (first..be)
                .find(|&k| owner[k] != owner[first])
                .unwrap_or(be);
        }
    }
    a
}

/// An evaluation the speaker does not assert: a question ("whether B's move was
/// legal", "if", a question mark) or a hedge or prediction on the copula ("would be a
/// mistake", "may have been illegal").
fn hedged(tokens: &[Token], a: usize, b: usize, e: usize) -> bool {
    let norm = |k: usize| tokens[k].norm.as_str();
    (a..b.min(tokens.len())).any(|k| matches!(norm(k), "whether" | "?"))
        || (a..e).any(|k| norm(k) == "if")
        || (a..e).rev().find(|&k| is_be(norm(k))).is_some_and(|be| {
            (be.saturating_sub(2)..be)
                .any(|k| matches!(norm(k), "would" | "could" | "may" | "might" | "will"))
        })
}

impl Coder {
    /// Evaluations in one sentence.
    pub(super) fn evaluations(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        quoted: Option<&Found>,
    ) -> Vec<Evaluation> {
        let mut out = Vec::new();
        let mut speech = false;
        let coded = |m: usize| mentions[m].code.is_some();
        let n = tokens.len();
        let norm = |j: usize| tokens[j].norm.as_str();
        // The subject of a word at `i`: the nearest coded mention ending within six
        // tokens before it.
        let nearest_before = |i: usize| -> Option<usize> {
            (i.saturating_sub(7)..i)
                .rev()
                .find(|&k| owner[k] != usize::MAX && coded(owner[k]))
                .map(|k| owner[k])
        };
        // ... where "A said it viewed ..." makes the pronoun A itself: the subject of
        // the speech verb right before the pronoun.
        let subject_before = |i: usize| -> Option<usize> {
            let m = nearest_before(i)?;
            let p = mentions[m].tok[0];
            if mentions[m].pronoun
                && p >= 1
                && crate::speech::is_speech(norm(p - 1), crate::speech::INDIRECT)
            {
                if let Some(a) = nearest_before(p - 1) {
                    return Some(a);
                }
            }
            Some(m)
        };
        // The first coded mention in [a, b) that is not `speaker`'s actor.
        let first_other = |a: usize, b: usize, speaker: usize| -> Option<(usize, usize)> {
            (a..b)
                .find(|&k| other_actor(owner, mentions, k, speaker))
                .map(|k| (owner[k], k))
        };
        for i in 0..n {
            if owner[i] != usize::MAX {
                continue;
            }
            let w = norm(i);
            let span = [tokens[i].start, tokens[i].end];
            if crate::speech::is_speech(w, crate::speech::CONTENT) {
                speech = true;
                // Backward frame: '"...," A said' / '..., A said.'.
                let quote_or_comma = (i.saturating_sub(8)..i)
                    .rev()
                    .find(|&k| matches!(norm(k), "," | "\""));
                // ... unless content follows the verb ("After B annexed the island, A
                // said the move was illegal": the comma ends a clause of background).
                let ends = tokens.get(i + 1).is_none_or(|t| {
                    matches!(
                        t.norm.as_str(),
                        "." | ","
                            | ";"
                            | "\""
                            | "!"
                            | "?"
                            | "on"
                            | "in"
                            | "at"
                            | "late"
                            | "earlier"
                            | "later"
                            | "yesterday"
                            | "today"
                            | "last"
                            | "this"
                    )
                });
                let (speaker, a, b) = match quote_or_comma {
                    Some(q) if ends && (q + 1..i).any(|k| owner[k] != usize::MAX) => {
                        let Some(s) = subject_before(i) else { continue };
                        (s, 0, q)
                    }
                    _ => {
                        let Some(s) = subject_before(i) else { continue };
                        let end = (i + 1..n).find(|&k| norm(k) == ";").unwrap_or(n);
                        (s, i + 1, end)
                    }
                };
                let tell = crate::speech::lemma_of(w) == Some("tell");
                self.content_evaluation(
                    tokens,
                    owner,
                    mentions,
                    speaker,
                    [a, b],
                    tell,
                    span,
                    &mut out,
                );
            } else if NAMING.contains(&w) || DEEM.contains(&w) || VIEW_AS.contains(&w) {
                if matches!(
                    tokens.get(i + 1).map(|t| t.norm.as_str()),
                    Some("for" | "on" | "upon" | "off" | "in")
                ) {
                    continue;
                }
                let Some(speaker) = subject_before(i) else {
                    continue;
                };
                // The named act and its name within 13 words ("called the shooting
                // by Hong Kong police 'a brutal act'").
                let end = (i + 2..n.min(i + 14)).find(|&k| matches!(norm(k), ";" | "."));
                let end = end.unwrap_or(n.min(i + 14));
                let as_needed = VIEW_AS.contains(&w);
                // "the Authority, which considers B biased, ...": a standing view in a
                // relative clause is background (CODING-GUIDE "Standing situations").
                if !NAMING.contains(&w) && i >= 1 && matches!(norm(i - 1), "which" | "who" | "that")
                {
                    continue;
                }
                for e in i + 2..end {
                    let Some(verdict) = eval_code(tokens, e, true) else {
                        continue;
                    };
                    if as_needed && !(i + 1..e).any(|k| norm(k) == "as") {
                        break;
                    }
                    let Some(code) = verdict_code(tokens, e, verdict) else {
                        break;
                    };
                    // The act named: the object group up to the verdict's article or
                    // "as" ("called B's move a mistake", "views B's move as ...").
                    let g_end = (i + 1..e)
                        .find(|&k| matches!(norm(k), "a" | "an" | "as"))
                        .unwrap_or(e);
                    let earlier = mentions[speaker].tok[0].min(i);
                    let named = match group_owner(tokens, owner, mentions, i + 1, g_end, speaker) {
                        Owner::Actor(t) => Some(t),
                        Owner::Own => None,
                        // "called the death an indictment of B's prison system": with
                        // no actor in the named act, the one the verdict noun names.
                        Owner::Unknown => {
                            earlier_owner(tokens, owner, mentions, i + 1, g_end, earlier, speaker)
                                .or_else(|| {
                                    if !INDICTS.contains(&norm(e)) || code != "111" {
                                        return None;
                                    }
                                    (e + 1..n.min(e + 6))
                                        .take_while(|&k| !matches!(norm(k), "," | ";" | "."))
                                        .filter(|&k| matches!(norm(k), "of" | "within"))
                                        .find_map(|k| first_other(k + 1, n.min(k + 5), speaker))
                                        .map(|x| x.0)
                                })
                        }
                    };
                    if let Some(t) = named {
                        out.push(Evaluation {
                            source: speaker,
                            target: t,
                            code,
                            frame: "naming an act",
                            span,
                            region: [i + 1, e],
                        });
                    }
                    break;
                }
            } else if RECEIVE.contains(&w)
                || (w == "under"
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| matches!(t.norm.as_str(), "fire" | "criticism")))
            {
                let Some(c) = (i + 1..n.min(i + 7))
                    .find(|&k| CRITICISM.contains(&norm(k)) || (w == "under" && k == i + 1))
                else {
                    continue;
                };
                let Some(target) = self.pick_source(ids, mentions, 0, i, None, false) else {
                    continue;
                };
                let mut sources: Vec<usize> = (i + 1..c)
                    .filter(|&k| owner[k] != usize::MAX && coded(owner[k]))
                    .map(|k| owner[k])
                    .collect();
                if let Some(f) = (c + 1..n.min(c + 4)).find(|&k| matches!(norm(k), "from" | "by")) {
                    if let Some(k) =
                        (f + 1..n.min(f + 4)).find(|&k| owner[k] != usize::MAX && coded(owner[k]))
                    {
                        sources.push(owner[k]);
                    }
                }
                sources.dedup();
                for s in sources {
                    if s != target {
                        out.push(Evaluation {
                            source: s,
                            target,
                            code: "111",
                            frame: "criticism received",
                            span,
                            region: [0, 0],
                        });
                    }
                }
            }
        }
        // A sentence that goes on with an earlier sentence's quotation and has no
        // speech verb of its own: its words are that speaker's ('"We condemn the
        // attack," A said. "B's decision is illegal."'; issue 10 class "quotations
        // over several sentences"). The speaker is numbered after the mentions.
        if let Some(q) = quoted.filter(|_| !speech && !tokens.is_empty()) {
            let mut with_speaker = mentions.to_vec();
            with_speaker.push(q.clone());
            let first = &tokens[0];
            self.content_evaluation(
                tokens,
                owner,
                &with_speaker,
                mentions.len(),
                [0, tokens.len()],
                false,
                [first.start, first.end],
                &mut out,
            );
        }
        out
    }

    /// The evaluation a speaker's words in tokens `[a, b)` make (the content of a
    /// speech verb, or a quotation that goes on from an earlier sentence): a comment on
    /// relations, a feeling about an act, the denial of an accusation, or a verdict
    /// on an act or an actor. `tell`: the speech verb is "tell" (its addressee is
    /// skipped as a target).
    #[allow(clippy::too_many_arguments)] // the sentence context is naturally wide
    fn content_evaluation(
        &self,
        tokens: &[Token],
        owner: &[usize],
        mentions: &[Found],
        speaker: usize,
        [a, b]: [usize; 2],
        tell: bool,
        span: [usize; 2],
        out: &mut Vec<Evaluation>,
    ) {
        let n = tokens.len();
        let norm = |j: usize| tokens[j].norm.as_str();
        let coded = |m: usize| mentions[m].code.is_some();
        // The first coded mention in [a, b) that is not `speaker`'s actor.
        let first_other = |a: usize, b: usize, speaker: usize| -> Option<(usize, usize)> {
            (a..b)
                .find(|&k| other_actor(owner, mentions, k, speaker))
                .map(|k| (owner[k], k))
        };
        if !coded(speaker) {
            return;
        }
        if let Some(ev) = self.relation_comment(tokens, a, b, speaker, &first_other) {
            out.push(Evaluation {
                source: speaker,
                target: ev.0,
                code: ev.1,
                frame: "relations comment",
                span,
                region: [0, 0],
            });
            return;
        }
        // "A said it was (\"very\") moved by B's announcement": approval 051,
        // displeasure 110 (issue 10 class "positive evaluation"; quotes around
        // the feeling end the dictionary pattern's clause, not this frame).
        if let Some(ev) = feeling(tokens, a, b, speaker, &first_other) {
            out.push(Evaluation {
                source: speaker,
                target: ev.0,
                code: ev.1,
                frame: "feeling about an act",
                span,
                region: [0, 0],
            });
            return;
        }
        // "A said B's decision was illegal": target before a "be" + evaluation.
        for e in a..b {
            // "A said B's accusations were baseless": A denies them (016) to
            // B; "the allegations against C are not credible" defends C (052).
            if let Some(acc) = denial(tokens, a, e) {
                if !(acc..e).any(|k| is_be(norm(k))) {
                    continue;
                }
                let against = (acc + 1..n.min(acc + 3))
                    .find(|&k| matches!(norm(k), "against" | "about"))
                    .and_then(|k| first_other(k + 1, e, speaker));
                let (target, code) = match against {
                    Some((t, _)) => (Some(t), "052"),
                    None => (first_other(a, acc + 1, speaker).map(|x| x.0), "016"),
                };
                if let Some(t) = target {
                    out.push(Evaluation {
                        source: speaker,
                        target: t,
                        code,
                        frame: "denial of an accusation",
                        span,
                        region: [0, 0],
                    });
                }
                break;
            }
            let Some(verdict) = eval_code(tokens, e, false) else {
                continue;
            };
            let Some(code) = verdict_code(tokens, e, verdict) else {
                break;
            };
            if hedged(tokens, a, b, e) {
                break;
            }
            let target = if RIGHT_V.contains(&norm(e)) {
                first_other(a, e, speaker).map(|x| x.0)
            } else if verbal_accusation(tokens, e) {
                // The deceiver or wrongdoer: the nearest actor before the verb,
                // within its clause ("A told C that B lied" skips the addressee C).
                (a.max(e.saturating_sub(6))..e)
                    .rev()
                    .take_while(|&k| !matches!(norm(k), "," | ";" | "that"))
                    .find(|&k| other_actor(owner, mentions, k, speaker))
                    .map(|k| owner[k])
            } else {
                // "A said B's decision was illegal": the owner of the group
                // before the copula (issue 10 class "evaluative content after
                // said"); "A told C that ..." skips the addressee C.
                let Some(be) = (a..e).rev().find(|&k| is_be(norm(k))) else {
                    break;
                };
                // The evaluation is the copula's predicate, not the object of
                // another verb ("should not be forced to endure this charade").
                if (be + 1..e).any(|k| norm(k) == "to" && !(k + 1 == e && norm(e) == "blame")) {
                    break;
                }
                let s = group_start(tokens, owner, a, be, tell);
                let earlier = if mentions[speaker].tok[0] < a {
                    mentions[speaker].tok[0]
                } else {
                    0
                };
                match group_owner(tokens, owner, mentions, s, be, speaker) {
                    _ if s + 1 == be && norm(s) == "it" => {
                        extraposed(tokens, owner, mentions, e, b, speaker)
                    }
                    Owner::Actor(t) => Some(t),
                    Owner::Own => None,
                    Owner::Unknown => {
                        earlier_owner(tokens, owner, mentions, s, be, earlier, speaker)
                    }
                }
            };
            if let Some(t) = target {
                out.push(Evaluation {
                    source: speaker,
                    target: t,
                    code,
                    frame: "evaluative speech",
                    span,
                    region: [0, 0],
                });
            }
            break;
        }
    }

    /// "relations with B were at their worst" in tokens [a, b): (B, 012 or 013).
    fn relation_comment(
        &self,
        tokens: &[Token],
        a: usize,
        b: usize,
        speaker: usize,
        first_other: &dyn Fn(usize, usize, usize) -> Option<(usize, usize)>,
    ) -> Option<(usize, &'static str)> {
        let r = (a..b).find(|&k| RELATION.contains(&tokens[k].norm.as_str()))?;
        let (t, tk) = first_other(r.saturating_sub(3), b.min(r + 8), speaker)?;
        for k in tk..b.min(tk + 12) {
            let w = tokens[k].norm.as_str();
            let neg = negated_before(tokens, k);
            if REL_BAD.contains(&w) {
                return Some((t, if neg { "013" } else { "012" }));
            }
            if REL_GOOD.contains(&w) {
                return Some((t, if neg { "012" } else { "013" }));
            }
        }
        None
    }
}

/// Feelings about an act: approval (051) and displeasure (110), as in the
/// dictionary's `say` patterns ("pleased with", "disappointed by").
const APPROVAL: &[&str] = &[
    "pleased",
    "delighted",
    "satisfied",
    "gratified",
    "grateful",
    "thankful",
    "moved",
    "heartened",
];
const DISPLEASURE: &[&str] = &[
    "disappointed",
    "dismayed",
    "displeased",
    "dissatisfied",
    "angered",
    "outraged",
    "appalled",
    "incensed",
    "frustrated",
];

/// "was (very) pleased with / moved by B's X" right after the speech verb's pronoun
/// or "be" (within six words of `a`), quotes and adverbs allowed between: (B, code).
fn feeling(
    tokens: &[Token],
    a: usize,
    b: usize,
    speaker: usize,
    first_other: &dyn Fn(usize, usize, usize) -> Option<(usize, usize)>,
) -> Option<(usize, &'static str)> {
    let norm = |k: usize| tokens[k].norm.as_str();
    let f = (a..b.min(a + 6))
        .find(|&k| APPROVAL.contains(&norm(k)) || DISPLEASURE.contains(&norm(k)))?;
    if !(a..f).any(|k| is_be(norm(k)) || norm(k) == "'s") {
        return None;
    }
    // "not pleased with" is displeasure; "not disappointed by" says nothing.
    let code = match (APPROVAL.contains(&norm(f)), negated_before(tokens, f)) {
        (true, false) => "051",
        (true, true) => "110",
        (false, false) => "110",
        (false, true) => return None,
    };
    // "pleased to see B ...": what is seen is B's act.
    let prep = (f + 1..b.min(f + 3)).find(|&k| {
        matches!(norm(k), "with" | "by" | "at" | "about" | "over" | "for")
            || (norm(k) == "see" && norm(k - 1) == "to")
    })?;
    if (f + 1..prep).any(|k| !matches!(norm(k), "\"" | "to")) {
        return None;
    }
    let (t, _) = first_other(prep + 1, b.min(prep + 5), speaker)?;
    Some((t, code))
}

/// What an evaluation word says, plain and under a negation ("not lawful").
#[derive(Clone, Copy)]
struct Verdict {
    /// The code of the plain evaluation: 111 condemnation, 052 defence; `None` when
    /// only its negation evaluates ("credible", "acceptable").
    code: Option<&'static str>,
    /// The code when negated ("not in line with the law" condemns), or `None` when
    /// a negation leaves no evaluation ("not illegal").
    negated: Option<&'static str>,
}

/// The evaluation a word at `e` gives: 111 for a condemnation, 052 for a defence.
/// Adjectives count as predicates ("was illegal"), or before a noun when
/// `attributive` (the object of a naming verb: "called it a dangerous provocation").
/// Conformity phrases flip under negation: "not in line with international law" is a
/// condemnation, "not inconsistent with international law" a defence.
fn eval_code(tokens: &[Token], e: usize, attributive: bool) -> Option<Verdict> {
    // A hyphenated word is three tokens ("ill", "-", "advised"): read it whole at its
    // last part, so the lists' "ill-advised", "self-serving", "cover-up" match.
    let joined = (e >= 2
        && tokens[e - 1].norm == "-"
        && !tokens[e - 1].space_before
        && !tokens[e].space_before)
        .then(|| format!("{}-{}", tokens[e - 2].norm, tokens[e].norm));
    let w = joined.as_deref().unwrap_or(tokens[e].norm.as_str());
    let next = |k: usize| tokens.get(e + k).map(|t| t.norm.as_str());
    let plain = |code| {
        Some(Verdict {
            code: Some(code),
            negated: None,
        })
    };
    let prev = |k: usize| (e >= k).then(|| tokens[e - k].norm.as_str());
    let predicate = attributive || predicative(tokens, e);
    // "an attempt to mislead", "a bid to undermine".
    let bad_aim = matches!(w, "attempt" | "attempts" | "bid" | "effort" | "efforts")
        && next(1) == Some("to")
        && next(2).is_some_and(|v| BAD_AIM.contains(&v));
    // "was politically motivated".
    let motivated = w == "motivated" && prev(1) == Some("politically") && predicate;
    // "a witch hunt", written as two words as often as with a hyphen.
    let witch_hunt = matches!(w, "hunt" | "hunts") && prev(1) == Some("witch");
    // "a brutal act", "an act of vengeance".
    let bad_act = matches!(w, "act" | "acts")
        && (prev(1).is_some_and(|a| HARSH_ACT.contains(&a) || NEG_ADJ.contains(&a))
            || next(1) == Some("of") && next(2).is_some_and(|n| ACT_OF.contains(&n)));
    if NEG_NOUN.contains(&w)
        || witch_hunt
        || bad_act
        || bad_aim
        || motivated
        || (attributive && NAMING_NOUN.contains(&w))
        || (NEG_ADJ.contains(&w) && predicate)
        || (attributive && NEG_PARTICIPLE.contains(&w))
    {
        return plain("111");
    }
    // "was lawful" defends; "was not legal" condemns.
    if DEFEND_ADJ.contains(&w) && predicate {
        return Some(Verdict {
            code: Some("052"),
            negated: Some("111"),
        });
    }
    if NEG_WHEN_NOT.contains(&w) && predicate {
        return Some(Verdict {
            code: None,
            negated: Some("111"),
        });
    }
    // "a step in the right direction" is praise; "right" alone must be a predicate.
    if (PRAISE_ADJ.contains(&w) && predicate)
        || PRAISE_NOUN.contains(&w)
        || (w == "direction" && e >= 1 && tokens[e - 1].norm == "right")
        || (matches!(w, "step" | "steps")
            && (prev(1).is_some_and(|p| GOOD_STEP.contains(&p)) || next(1) == Some("forward")))
    {
        return Some(Verdict {
            code: Some("051"),
            negated: Some("111"),
        });
    }
    // "B has corrected an historic injustice".
    if RIGHT_V.contains(&w)
        && (e + 1..tokens.len().min(e + 5)).any(|k| WRONG_N.contains(&tokens[k].norm.as_str()))
    {
        return plain("051");
    }
    // "said B lied", "B was lying to the public": an accusation of deceit, unless a
    // modal hedges it ("may have lied"); likewise wrongdoing ("B had violated the
    // ceasefire", "had committed aggression"; sixteenth session, class "accusations
    // inside a that-clause").
    let deceit = verbal_accusation(tokens, e);
    if deceit
        && !(e.saturating_sub(3)..e).any(|k| {
            matches!(
                tokens[k].norm.as_str(),
                "may" | "might" | "could" | "would" | "if" | "whether"
            )
        })
    {
        return Some(Verdict {
            code: Some("112"),
            negated: None,
        });
    }
    // "said B was responsible for the violence", "B is to blame": an accusation.
    if w == "responsible" && next(1) == Some("for")
        || w == "blame" && e >= 1 && tokens[e - 1].norm == "to"
    {
        return plain("112");
    }
    // Sixteenth session, class "accusations inside a that-clause": "B was culpable for
    // the attack", "was guilty of war crimes", "was behind the hack".
    if GUILT_ADJ.contains(&w) && (predicate || matches!(next(1), Some("of" | "for" | "in")))
        || w == "behind"
            && prev(1).is_some_and(is_be)
            && (e + 1..tokens.len().min(e + 6))
                .take_while(|&k| !matches!(tokens[k].norm.as_str(), "," | ";" | "." | "and"))
                .any(|k| HARM_N.contains(&tokens[k].norm.as_str()))
    {
        return plain("112");
    }
    // Conformity with a rule: "(in)consistent with", "in line with", "contrary to",
    // "a violation of", "in breach of".
    let conform = matches!(w, "consistent" | "compatible") && next(1) == Some("with")
        || w == "line" && e >= 1 && tokens[e - 1].norm == "in" && next(1) == Some("with")
        || w == "accordance" && next(1) == Some("with");
    let breach = matches!(w, "inconsistent" | "incompatible") && next(1) == Some("with")
        || w == "contrary" && next(1) == Some("to")
        || matches!(w, "violation" | "breach" | "contravention") && next(1) == Some("of");
    if conform {
        return Some(Verdict {
            code: Some("052"),
            negated: Some("111"),
        });
    }
    if breach {
        return Some(Verdict {
            code: Some("111"),
            negated: Some("052"),
        });
    }
    None
}

/// The verdict at `e` under its negation, if any: the code to emit, or `None`.
fn verdict_code(tokens: &[Token], e: usize, v: Verdict) -> Option<&'static str> {
    if negated_before(tokens, e) {
        v.negated
    } else {
        v.code
    }
}

/// "B's accusations were baseless", "the allegations against C are not credible":
/// an accusation noun in [a, e) and a predicate at `e` saying it is untrue.
fn denial(tokens: &[Token], a: usize, e: usize) -> Option<usize> {
    let w = tokens[e].norm.as_str();
    let untrue = (FALSITY.contains(&w) && !negated_before(tokens, e))
        || (TRUTH.contains(&w) && negated_before(tokens, e));
    if !untrue {
        return None;
    }
    (a..e)
        .rev()
        .find(|&k| ACCUSATION.contains(&tokens[k].norm.as_str()))
}

/// Sixteenth session, class "praise or criticism whose object is an event noun": acts
/// whose victim or object is named after the noun ("the strikes on C", "the invasion of
/// C", "sanctions against C"); the doer is never there.
const ASSAULT_N: &[&str] = &[
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "bombardment",
    "shelling",
    "raid",
    "raids",
    "invasion",
    "incursion",
    "incursions",
    "assault",
    "offensive",
    "killing",
    "killings",
    "shooting",
    "massacre",
    "ambush",
    "sanctions",
    "blockade",
    "embargo",
    "annexation",
    "occupation",
    "aggression",
    "assassination",
];
/// Same class: acts a state does to people in its hands ("the arrest of C", "the
/// release of C"): the person named after the noun is no doer when the speaker's own
/// national ("Canada welcomed the release of two Canadians").
const CUSTODY_N: &[&str] = &[
    "arrest",
    "arrests",
    "detention",
    "detentions",
    "release",
    "jailing",
    "sentencing",
    "execution",
    "executions",
    "expulsion",
    "expulsions",
    "deportation",
    "abduction",
    "kidnapping",
];

/// Whose act the object of an evaluating verb names (see [`event_object_owner`]).
pub(super) enum NounOwner {
    /// The doer: "the strikes on C by B", "the arrest of C by B's police".
    Owner(usize),
    /// The object names no doer, only the act's victim or object: no target.
    Victim,
    /// An actor object, or an owner the roles already take ("B's decision", "the B
    /// strikes", "the agreement between B and C"): as the roles found it.
    Keep,
}

/// The owner of the act named by a verb's object starting at `s` (before `end`), for a
/// verb that evaluates it (praise, criticism): the agent of "by B" after the noun;
/// else, for an act of force or sanction with no actor before its noun, none (its
/// victim after "on / of / against / into / in" is not whom the speaker evaluates);
/// for an act of custody ("the arrest of C"), not C when C is the speaker's own
/// national. Sixteenth session, class "praise or criticism whose object is an event
/// noun"; the group reading of [`group_owner`].
pub(super) fn event_object_owner(
    tokens: &[Token],
    owner: &[usize],
    mentions: &[Found],
    s: usize,
    end: usize,
    speaker: usize,
) -> NounOwner {
    let norm = |k: usize| tokens[k].norm.as_str();
    let end = end.min(tokens.len()).min(s + 16);
    let coded_at = |k: usize| owner[k] != usize::MAX && mentions[owner[k]].code.is_some();
    // The object is a noun group: a determiner (or a possessor) first.
    if s >= end
        || !(matches!(norm(s), "the" | "a" | "an" | "this" | "these" | "those") || coded_at(s))
    {
        return NounOwner::Keep;
    }
    // The head part, up to the first preposition or relative word outside a mention;
    // its last word is the noun.
    let Some(p) = (s + 1..end).find(|&k| owner[k] == usize::MAX && POST.contains(&norm(k))) else {
        return NounOwner::Keep;
    };
    let head = p - 1;
    if owner[head] != usize::MAX
        || !tokens[head]
            .norm
            .chars()
            .all(|c| c.is_alphabetic() || c == '-')
    {
        // "condemned Russia for ...": an actor is the object.
        return NounOwner::Keep;
    }
    // A plain noun group: up to four modifiers, words only, no participle before the
    // noun ('approved a "special law" recognizing victories by B' names no act of B).
    let plain = (s + 1..head).all(|k| {
        owner[k] != usize::MAX
            || tokens[k].kind == crate::tokens::TokenKind::Possessive
            || (tokens[k].kind == crate::tokens::TokenKind::Word
                && !tokens[k].norm.ends_with("ing"))
    });
    if head - s > 5 || !plain {
        return NounOwner::Keep;
    }
    // An actor in the head part ("B's strikes", "the B strikes", an act named
    // earlier: "the strikes" as B's) owns the act; the roles take it first.
    if (s..p).any(coded_at) {
        return NounOwner::Keep;
    }
    if matches!(norm(p), "between" | "with") {
        return NounOwner::Keep;
    }
    // The group ends at a clause boundary ("condemned the strikes on C as ...").
    let b = (p..end)
        .find(|&k| {
            owner[k] == usize::MAX
                && matches!(
                    norm(k),
                    "," | ";"
                        | ":"
                        | "."
                        | "as"
                        | "saying"
                        | "which"
                        | "who"
                        | "that"
                        | "because"
                        | "while"
                        | "but"
                        | "after"
                        | "and"
                )
        })
        .unwrap_or(end);
    // "the strikes on C by B", "the sanctions imposed on C by B".
    let by = (p..b)
        .find(|&k| norm(k) == "by" && owner[k] == usize::MAX)
        .and_then(|k| {
            (k + 1..b.min(k + 4))
                .find(|&j| coded_at(j))
                .filter(|&j| {
                    (k + 1..j).all(|i| owner[i] != usize::MAX || matches!(norm(i), "the" | "a"))
                })
                .map(|j| owner[j])
        });
    if let Some(m) = by {
        return if is_self(mentions, m, speaker) {
            NounOwner::Keep
        } else {
            NounOwner::Owner(m)
        };
    }
    let victim_prep = matches!(
        norm(p),
        "on" | "of" | "against" | "into" | "upon" | "at" | "in"
    );
    let first = (p..b).find(|&k| coded_at(k)).map(|k| owner[k]);
    let noun = |list: &[&str]| (s..p).any(|k| list.contains(&norm(k)));
    if victim_prep && first.is_some() && noun(ASSAULT_N) {
        return NounOwner::Victim;
    }
    let own_national = |m: usize| {
        let c = |x: usize| {
            mentions[x]
                .code
                .as_deref()
                .map(|c| crate::codes::ActorCode::new(c).country())
        };
        c(m).is_some() && c(m) == c(speaker)
    };
    if victim_prep && noun(CUSTODY_N) && first.is_some_and(own_national) {
        return NounOwner::Victim;
    }
    NounOwner::Keep
}
