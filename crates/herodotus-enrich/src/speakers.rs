//! Who is who in one article: the people and organisations it names, with the
//! titles it gives them, so that a speaker written as a surname ("Lavrov"), a
//! pronoun ("he") or a title ("the minister") resolves to the full name the
//! article gives ("Sergei Lavrov") and, via the coder's mentions, an actor code.

use crate::names;
use crate::text::{self, Tok};
use herodotus_core::{ActorKind, Mention};

/// A person or organisation named in the article.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Full name as the article first gives it, without titles ("Sergei Lavrov").
    pub name: String,
    /// Lower-cased title and role words seen with the name ("foreign", "minister").
    pub titles: Vec<String>,
    /// Gender evidence: `Some(true)` female, `Some(false)` male.
    pub female: Option<bool>,
    /// Actor code from the coder's mentions, if any.
    pub code: Option<String>,
    /// True for organisations, countries and groups; false for people.
    pub is_org: bool,
    /// True when the coder's dictionaries know the entry.
    pub known: bool,
    /// True for a country or place named alone ("China"), not an organisation.
    pub place: bool,
    /// True when the article also calls it by its last word alone ("Musk" for "Elon
    /// Musk"), as it does people and not firms ("Cascadia" for "Cascadia
    /// Outfitters"). Issue 10 class "organisations called by a description".
    pub by_surname: bool,
    /// Other names the article gives it in brackets after its name ("Kepsa" in "The
    /// Kenya Private Sector Alliance (Kepsa)"). Issue 10 class "colon introductions
    /// with an abbreviation in parentheses" (16th session).
    pub aliases: Vec<String>,
}

/// One place in the text where an entry is named.
#[derive(Clone, Copy, Debug)]
pub struct Occurrence {
    /// Byte span of the name (titles excluded).
    pub span: [usize; 2],
    /// Index into [`People::entries`].
    pub entry: usize,
    /// True when it is the first name in its sentence (a likely subject).
    pub subject: bool,
}

/// A resolved speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Speaker {
    /// Full name, when the speaker is named or refers to a named entry.
    pub name: Option<String>,
    /// Actor code, when known.
    pub code: Option<String>,
    /// Index of the entry it resolved to.
    pub entry: Option<usize>,
    /// For a speaker the article does not name ("a senior security official",
    /// "two people briefed on the talks"): the words that describe them.
    pub description: Option<String>,
}

/// The article's cast: entries and their occurrences in text order.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// People and organisations.
    pub entries: Vec<Entry>,
    /// Where they are named, in text order.
    pub occurrences: Vec<Occurrence>,
    /// Speakers attributed so far (position, entry), in text order.
    pub speakers: Vec<(usize, usize)>,
    /// Capitalised words that open a sentence as its subject but name no entry of
    /// the cast ("Tesla will also pay ...", "Eskom implemented ..."), as (span,
    /// word), in text order: a firm a later "the company" may refer to.
    pub bare_subjects: Vec<([usize; 2], String)>,
    /// Singular demonyms the article uses ("german", "briton"), lower case: after
    /// "the" they describe a person ("the German said"), not a country.
    pub demonyms: Vec<String>,
}

/// True when `w` is a singular demonym ("German", "Briton", "Nigerian"): a place
/// word whose plural is a place word too (a country's name has no plural in the
/// gazetteer: "Germany", "Sudan"). Issue 10 class "definite role descriptions".
fn is_demonym(w: &str, is_place: PlaceTest<'_>) -> bool {
    text::is_capitalised(w)
        && !w.ends_with('s')
        && !text::is_all_caps(w)
        && is_place(w)
        && is_place(&format!("{w}s"))
}

/// Tells whether a capitalised word is a place or nationality (so it is not a name).
pub type PlaceTest<'a> = &'a dyn Fn(&str) -> bool;

impl People {
    /// Reads the cast of an article. `units` are its quote-aware sentences and
    /// `inside` marks bytes inside quotations (names there are not antecedents).
    #[cfg(test)]
    pub fn build(
        text: &str,
        units: &[[usize; 2]],
        inside: &[bool],
        mentions: &[Mention],
        is_place: PlaceTest<'_>,
    ) -> People {
        People::build_with(
            text,
            &text::Words::of(text),
            units,
            inside,
            mentions,
            is_place,
        )
    }

    /// [`People::build`] on the words of `text` already read.
    pub fn build_with(
        text: &str,
        words: &text::Words,
        units: &[[usize; 2]],
        inside: &[bool],
        mentions: &[Mention],
        is_place: PlaceTest<'_>,
    ) -> People {
        let mut p = People::default();
        // Per unit: the entries it names and its pronoun evidence (female, male).
        let mut per_unit: Vec<(Vec<usize>, bool, bool)> = Vec::new();
        // Per unit: its first word, lower case.
        let mut opening: Vec<Option<String>> = Vec::new();
        // One index for every run's mention look-up (a scan per run was quadratic).
        let mention_index = text::SpanIndex::new(mentions.iter().map(|m| m.span));
        for &unit in units {
            let toks: Vec<Tok> = words
                .within(text, unit)
                .into_iter()
                .filter(|t| !inside.get(t.start).copied().unwrap_or(false))
                .collect();
            let mut first = true;
            let mut unit_entries = Vec::new();
            // Where the first name of the unit starts (a token index).
            let mut first_at = 0;
            let first_word = toks.iter().position(|t| t.is_word());
            for run in text::cap_runs(text, &toks) {
                if first {
                    first_at = run[0];
                }
                if let Some(e) = p.read_run(
                    text,
                    &toks,
                    run,
                    (mentions, &mention_index),
                    is_place,
                    first,
                ) {
                    first = false;
                    unit_entries.push(e);
                } else if first && Some(run[0]) == first_word && run[1] == run[0] + 1 {
                    // "Tesla will also pay a fine": a lone unknown word that opens the
                    // sentence before a lower-case verb (issue 10 class "organisations
                    // called by a description").
                    let w = toks[run[0]].s(text);
                    let verb_next = toks
                        .get(run[1])
                        .is_some_and(|t| t.is_word() && !text::is_capitalised(t.s(text)));
                    if verb_next
                        && !text::ends_possessive(w)
                        && !text::is_all_caps(w)
                        && !names::is_function_word(w)
                        && !names::is_title(w)
                        && !names::is_pronoun(w)
                        && !is_place(w)
                        && names::given_name_gender(w).is_none()
                    {
                        p.bare_subjects
                            .push(([toks[run[0]].start, toks[run[0]].end], w.to_string()));
                    }
                }
            }
            // Singular demonyms, for "the German said" (issue 10 class "definite
            // role descriptions"); few per article.
            for t in toks.iter().filter(|t| t.is_word()) {
                let w = t.s(text);
                if is_demonym(w, is_place) {
                    let low = w.to_lowercase();
                    if !p.demonyms.contains(&low) {
                        p.demonyms.push(low);
                    }
                }
            }
            p.read_descriptions(text, &toks, is_place);
            // Pronouns before the subject's name refer to someone named earlier ("Her
            // lawyer, Jorge Vidal, waited outside"): only those after it are evidence.
            let after_subject = if unit_entries.is_empty() {
                &toks[..]
            } else {
                &toks[first_at.min(toks.len())..]
            };
            // A word whose lower case is one of these pronouns is one of them in
            // ASCII letters of any case (no other character lower-cases to their
            // letters), so no word is lower-cased for the test.
            let any_of = |forms: &[&str]| {
                after_subject.iter().any(|t| {
                    let w = t.s(text);
                    forms.iter().any(|f| w.eq_ignore_ascii_case(f))
                })
            };
            let fem = any_of(&["she", "her", "herself"]);
            let mas = any_of(&["he", "his", "him", "himself"]);
            per_unit.push((unit_entries, fem, mas));
            opening.push(
                toks.iter()
                    .map(|t| t.s(text))
                    .find(|w| w.chars().any(char::is_alphanumeric))
                    .map(str::to_lowercase),
            );
        }
        p.occurrences.sort_by_key(|o| o.span[0]);
        // Gender of a sentence's subject from the pronouns of that sentence, or of
        // the next one when it names nobody new.
        for i in 0..per_unit.len() {
            let Some(&e) = per_unit[i].0.first() else {
                continue;
            };
            if p.entries[e].is_org || p.entries[e].female.is_some() {
                continue;
            }
            let (mut fem, mut mas) = (per_unit[i].1, per_unit[i].2);
            if !fem && !mas {
                if let Some(next) = per_unit.get(i + 1) {
                    if next.0.is_empty() {
                        fem = next.1;
                        mas = next.2;
                    }
                }
                // The next sentence opens with a pronoun: it takes up this subject
                // ("Zippy Duvall ... said ... He urged Mr. Trump to ...").
                match opening.get(i + 1).and_then(|w| w.as_deref()) {
                    Some("he") => (fem, mas) = (false, true),
                    Some("she") => (fem, mas) = (true, false),
                    _ => {}
                }
            }
            if fem != mas {
                p.entries[e].female = Some(fem);
            }
        }
        p
    }

    /// Registers one capitalised run; returns the entry it names.
    fn read_run(
        &mut self,
        text: &str,
        toks: &[Tok],
        [mut a, mut b]: [usize; 2],
        (mentions, mention_index): (&[Mention], &text::SpanIndex),
        is_place: PlaceTest<'_>,
        first: bool,
    ) -> Option<usize> {
        // Sentence-initial function words ("The", "In") are not names.
        while a < b && names::is_function_word(toks[a].s(text)) && !names::is_title(toks[a].s(text))
        {
            a += 1;
        }
        // A run of title words alone ("Foreign ministry spokesperson", "Interior
        // Minister said") names nobody, unless an organisation's head ends it
        // ("National Party", "Labour Party"; class: organisation names, issue 10 item
        // 5, eighth session); nor does the agency credited in a dateline.
        let titles_only = |a: usize| {
            (a..b).all(|j| !toks[j].is_word() || names::is_title(toks[j].s(text)))
                && !(b - a >= 2 && names::is_org_name_word(toks[b - 1].s(text)))
        };
        if a >= b
            || dateline_credit(text, [toks[a].start, toks[b - 1].end])
            || dateline_place(text, [toks[a].start, toks[b - 1].end])
            || titles_only(a)
            || law_named(text, toks, a, b)
        {
            return None;
        }
        // "Maya Singh of Stanford University": a person's name, then an affiliation
        // joined by "of" (not "Bank of England", "Secretary of State X").
        if let Some(of) = (a + 1..b).find(|&j| toks[j].s(text) == "of") {
            let plain = |j: usize| {
                let w = text::strip_possessive(toks[j].s(text));
                !names::is_org_name_word(w) && !names::is_title(w)
            };
            if of - a >= 2 && (a..of).all(plain) && !(of + 1..b).all(plain) {
                b = of;
            } else {
                // Issue 10 class "speakers after abbreviated titles" (16th session):
                // "Gov. Samuel Trevino of Nuevo Leon", "Prime Minister Ana Lopes of
                // Portugal", "Ana Lopes of Porto": two plain words after the titles
                // are a person's name when a title stands before them or a place
                // follows "of"; what follows "of" is where they serve. Not "Secretary
                // of State X" (no name before "of"), nor "Bank of England".
                let first_plain = (a..of).rev().find(|&j| !plain(j)).map_or(a, |j| j + 1);
                let titled = (first_plain > a
                    && (a..first_plain).all(|j| {
                        names::is_title(text::strip_possessive(toks[j].s(text)))
                            || !toks[j].is_word()
                    }))
                    || (a > 0 && names::is_title(toks[a - 1].s(text)))
                    || (a > 1
                        && toks[a - 1].s(text) == "."
                        && names::is_title(toks[a - 2].s(text)));
                let place_after = (of + 1..b).all(|j| {
                    !toks[j].is_word()
                        || is_place(text::strip_possessive(toks[j].s(text)))
                        || names::is_function_word(toks[j].s(text))
                });
                let person = of - first_plain >= 2
                    && (first_plain..of).all(|j| toks[j].is_word() && !is_place(toks[j].s(text)));
                if person && (titled || place_after) {
                    b = of;
                }
            }
        }
        let span = [toks[a].start, toks[b - 1].end];
        let mention = mention_index.first_overlap(span).map(|i| &mentions[i]);
        let word = |k: usize| text::strip_possessive(toks[k].s(text));
        let last_title = (a..b - 1).rev().find(|&j| names::is_title(word(j)));
        let org_after = |from: usize| (from..b).any(|j| names::is_org_name_word(word(j)));
        // A name joined by "for" is an organisation's or an office's ("Doctors for
        // Camp Closure"); a person's name has no "for".
        // "The Bank of Korea": a title word that is also an organisation's head
        // ("Bank") and the words after it are an organisation's name, not a person's.
        // Class: organisation names (issue 10 item 5, eighth session).
        let is_org_run = match last_title {
            Some(t) => {
                org_after(t + 1)
                    || names::is_org_name_word(word(t))
                    // "Department of Health and Social Care": an office by its portfolio.
                    || (a..t).any(|j| names::is_org_name_word(word(j)) && toks[j + 1].s(text) == "of")
            }
            None => org_after(a) || (a..b).any(|j| toks[j].s(text) == "for"),
        };
        // Titles before the name: lower-case just before the run, or inside it.
        let mut titles = Vec::new();
        let mut female = None;
        let mut i = a;
        loop {
            let title_at = |k: usize| toks[k].is_word() && names::is_title(toks[k].s(text));
            if i > 0 && title_at(i - 1) {
                i -= 1;
            } else if i > 1
                && toks[i - 1].s(text) == "."
                && toks[i - 2].end == toks[i - 1].start
                && title_at(i - 2)
            {
                // An abbreviated title ("Prof. Helena Marsh", "Lt. Gen. Omar Sadeghi").
                i -= 2;
            } else {
                break;
            }
        }
        for t in toks[i..a].iter().filter(|t| t.is_word()) {
            titles.push(t.s(text).to_lowercase());
            female = female.or(names::title_gender(t.s(text)));
        }
        let mut k = a;
        if !is_org_run {
            // "Indian captain Virat Kohli", "German coach Jurgen Klopp": the nationality
            // before the titles describes the person, as a later "the Indian said"
            // does (issue 10 class "definite role descriptions").
            if i > 0 && toks[i - 1].is_word() && is_demonym(toks[i - 1].s(text), is_place) {
                titles.push(toks[i - 1].s(text).to_lowercase());
            }
            // "The Inspector-General of Police, Mohammed Adamu,": a capitalised title
            // phrase in apposition before the name; its words are the person's titles,
            // and their initials the acronym a later "the IGP said" uses. Same class.
            titles.extend(title_phrase_before(text, toks, a));
            // "Russian Foreign Minister Sergei Lavrov": everything up to the last title goes.
            if let Some(lt) = last_title {
                for j in a..=lt {
                    if names::is_title(word(j)) {
                        titles.push(word(j).to_lowercase());
                        female = female.or(names::title_gender(word(j)));
                    } else if is_demonym(word(j), is_place) {
                        titles.push(word(j).to_lowercase());
                    }
                }
                k = lt + 1;
            }
            while k + 1 < b
                && mention.is_some_and(|m| {
                    m.kind != ActorKind::Person && toks[k].end <= m.span[1] && m.span[1] < span[1]
                })
            {
                k += 1;
            }
        }
        // "China's ambassador to Britain Liu Xiaming": a place that ends the title's
        // phrase is not part of the name that follows it.
        while !is_org_run && k + 2 < b && is_place(word(k)) {
            k += 1;
        }
        // "Boeing Co.", "Acme Inc": a firm's legal form is no part of the name the
        // article goes on to use ("Boeing said"). Issue 10 class "organisations
        // called by a description".
        let name_end = if is_org_run && b - k >= 2 && names::is_legal_form(word(b - 1)) {
            b - 1
        } else {
            b
        };
        let name_span = [
            toks[k].start,
            toks[name_end - 1].start + word(name_end - 1).len(),
        ];
        let name = text::collapse_ws(&text[name_span[0]..name_span[1]]);
        let n_words = name_end - k;
        // The kind and code are those of the name itself, not of a country before it
        // in the same run ("Britain" in "ambassador to Britain Liu Xiaming").
        let mention = if k > a {
            mentions
                .iter()
                .find(|m| m.span[0] < name_span[1] && name_span[0] < m.span[1])
        } else {
            mention
        };
        // Appositive titles: "Sergei Lavrov, Russia's foreign minister, said".
        if b < toks.len() && toks[b].s(text) == "," {
            let mut j = b + 1;
            let mut app = Vec::new();
            while j < toks.len() && j < b + 9 && !matches!(toks[j].s(text), "," | "." | ";" | ":") {
                app.push(toks[j].s(text).to_lowercase());
                j += 1;
            }
            // "with the BBC, the minister said": a clause, not an appositive.
            if app.iter().any(|w| names::is_person_head(w))
                && !app.iter().any(|w| names::is_speech_verb(w))
            {
                for w in app {
                    if names::is_title(&w) {
                        female = female.or(names::title_gender(&w));
                        titles.push(w);
                    }
                }
            }
        }
        // A given name that is also a place ("Interior Minister Sofia Lind", "Sen.
        // Georgia Hall"): after a person's title, a mention that covers only the
        // first words of the name is no actor of this name.
        // A person's mention that spans a longer phrase ("the Kremlin's spokesman
        // Dmitry Peskov") is the mention of the person it names, not of every name
        // in it: "Kremlin" is no person.
        let mention = mention.filter(|m| {
            m.kind != ActorKind::Person
                || m.name.split_whitespace().any(|w| {
                    w == text::strip_possessive(&name)
                        .split_whitespace()
                        .last()
                        .unwrap_or("")
                })
        });
        let mention = mention.filter(|m| {
            titles.is_empty()
                || n_words < 2
                || m.kind == ActorKind::Person
                || m.span[1] >= name_span[1]
        });
        // An acronym no dictionary knows as a person is an organisation ("BBC", "AFP").
        let acronym = n_words == 1 && name.chars().count() >= 2 && text::is_all_caps(&name);
        let is_org = match mention.map(|m| m.kind) {
            Some(ActorKind::Person) => false,
            Some(ActorKind::Country | ActorKind::Organisation | ActorKind::Group) => true,
            _ if acronym => true,
            // A country or city named alone ("China's ambassador ...") is no person.
            _ => is_org_run || (n_words == 1 && is_place(&name)),
        };
        let code = mention.and_then(|m| m.code.clone());
        let known = mention.is_some();
        // A common given name tells the gender when no title did ("Marcus Feld").
        let female = female.or_else(|| {
            (!is_org && n_words >= 2)
                .then(|| names::given_name_gender(word(k)))
                .flatten()
        });
        if let Some(e) = self.bracket_alias(text, toks, [k, b], &name) {
            return Some(e);
        }
        // "the Ministry said" after "the Ministry of Defence": a lone capitalised
        // organisation head after "the" is the organisation of that head named last.
        // Class: organisation names (issue 10 item 5, eighth session).
        let the_head = n_words == 1
            && k > 0
            && toks[k - 1].s(text).eq_ignore_ascii_case("the")
            && names::is_org_head(&name);
        let existing = the_head
            .then(|| {
                self.entries.iter().rposition(|e| {
                    e.is_org && e.name.contains(' ') && e.name.split_whitespace().any(|w| w == name)
                })
            })
            .flatten()
            .or_else(|| self.find_entry(&name, n_words, is_org));
        let entry = match existing {
            Some(e) => {
                let ent = &mut self.entries[e];
                if !is_org && n_words > 1 && ent.name.split_whitespace().count() == 1 {
                    ent.name = name.clone();
                }
                ent.by_surname |=
                    !is_org && n_words == 1 && ent.name.contains(' ') && surname(&ent.name) == name;
                // "chairman of Tesla" (an agent's phrase) first, "Tesla will pay"
                // (the dictionary's organisation) later: the name is the firm's.
                // Issue 10 class "organisations called by a description".
                if !ent.is_org
                    && ent.titles.is_empty()
                    && mention.is_some_and(|m| {
                        matches!(m.kind, ActorKind::Organisation | ActorKind::Group)
                            && m.span[0] <= name_span[0]
                            && name_span[1] <= m.span[1]
                    })
                {
                    ent.is_org = true;
                }
                ent.code = ent.code.clone().or(code);
                ent.known |= known;
                ent.female = ent.female.or(female);
                for t in titles {
                    if !ent.titles.contains(&t) {
                        ent.titles.push(t);
                    }
                }
                e
            }
            None => {
                let plausible = known
                    || is_org
                    || (n_words >= 2 && !(k..b).any(|j| is_place(word(j))))
                    || !titles.is_empty();
                if !plausible || (n_words == 1 && is_place(&name) && !known) {
                    return None;
                }
                let place = mention.is_some_and(|m| m.kind == ActorKind::Country)
                    || (is_org && !is_org_run && (k..b).all(|j| is_place(word(j))));
                self.entries.push(Entry {
                    name,
                    titles,
                    female,
                    code,
                    is_org,
                    known,
                    place,
                    by_surname: false,
                    aliases: Vec::new(),
                });
                self.entries.len() - 1
            }
        };
        self.occurrences.push(Occurrence {
            span: name_span,
            entry,
            subject: first,
        });
        Some(entry)
    }

    /// Issue 10 class "colon introductions with an abbreviation in parentheses" (16th
    /// session): one word in brackets right after an organisation's name ("The Kenya
    /// Private Sector Alliance (Kepsa) said:", "the Public Security Police (PSP)") is
    /// that organisation's other name: the occurrence is the organisation's, a later
    /// "Kepsa said" resolves to it, and an entry the article opened earlier under the
    /// abbreviation ("PSP spokesman Bruno Silva") takes the full name. The word is an
    /// acronym or shares the name's initial; a party after a person ("Juan Ruiz
    /// (Morena)") is no alias. `[k, b]` is the run, `name` its name.
    fn bracket_alias(
        &mut self,
        text: &str,
        toks: &[Tok],
        [k, b]: [usize; 2],
        name: &str,
    ) -> Option<usize> {
        if b != k + 1
            || k < 2
            || toks[k - 1].s(text) != "("
            || toks.get(b).is_none_or(|t| t.s(text) != ")")
        {
            return None;
        }
        let last = *self.occurrences.last()?;
        let between = text.get(last.span[1]..toks[k - 1].start)?;
        let owner = &self.entries[last.entry];
        if !between.trim().is_empty()
            || !owner.is_org
            || owner.place
            || !owner.name.contains(' ')
            || owner.name == name
        {
            return None;
        }
        let initial = |w: &str| w.chars().next().map(|c| c.to_ascii_uppercase());
        let fits = (text::is_all_caps(name) && (2..=8).contains(&name.len()))
            || (text::is_capitalised(name) && initial(name) == initial(&owner.name));
        if !fits {
            return None;
        }
        let full = owner.name.clone();
        if let Some(earlier) = self.find_entry(name, 1, true) {
            if earlier != last.entry && self.entries[earlier].is_org {
                self.entries[earlier].name = full;
            }
        }
        self.entries[last.entry].aliases.push(name.to_string());
        self.occurrences.push(Occurrence {
            span: [toks[k].start, toks[k].end],
            entry: last.entry,
            subject: false,
        });
        Some(last.entry)
    }

    /// The existing entry a name refers to: the same name; for a lone word, a
    /// person with that surname (or, failing that, first word: "Mao" for "Mao
    /// Ning"); for a full name, a person known so far by its surname alone; for an
    /// acronym, the organisation with those initials ("WHO").
    fn find_entry(&self, name: &str, n_words: usize, is_org: bool) -> Option<usize> {
        if let Some(e) = self
            .entries
            .iter()
            .position(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        {
            return Some(e);
        }
        if n_words == 1 && text::is_all_caps(name) && name.len() <= 6 {
            if let Some(e) = self
                .entries
                .iter()
                .position(|e| e.is_org && initials(&e.name) == name)
            {
                return Some(e);
            }
        }
        if is_org {
            return None;
        }
        let people = || self.entries.iter().enumerate().filter(|(_, e)| !e.is_org);
        if n_words == 1 {
            people()
                .rev()
                .find(|(_, e)| surname(&e.name) == name)
                .or_else(|| {
                    people()
                        .rev()
                        .find(|(_, e)| e.name.split_whitespace().next() == Some(name))
                })
                .map(|(i, _)| i)
        } else {
            let last = surname(name);
            people()
                .find(|(_, e)| !e.name.contains(' ') && e.name == last)
                .map(|(i, _)| i)
        }
    }

    /// Registers organisations described by a proper modifier and an institutional
    /// head: "Ukraine's air force", "the Congolese health ministry", "Macron's office".
    fn read_descriptions(&mut self, text: &str, toks: &[Tok], is_place: PlaceTest<'_>) {
        for i in 0..toks.len() {
            let w = toks[i].s(text);
            if !toks[i].is_word() || !text::is_capitalised(w) || names::is_function_word(w) {
                continue;
            }
            let base = text::strip_possessive(w);
            let proper = text::ends_possessive(w) || is_place(base);
            if !proper {
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && j <= i + 3 {
                let t = toks[j].s(text);
                if !toks[j].is_word() || text::is_capitalised(t) || names::is_function_word(t) {
                    break;
                }
                if is_institution(t) {
                    // "Senator Ruth Kane's office": the whole name before the
                    // possessive, without its title.
                    let mut first = i;
                    while text::ends_possessive(w)
                        && !is_place(base)
                        && first > 0
                        && i - first < 3
                        && toks[first - 1].is_word()
                        && toks[first - 1].end + 1 >= toks[first].start
                        && text::is_name_word(toks[first - 1].s(text))
                        && !names::is_title(toks[first - 1].s(text))
                        && !names::is_function_word(toks[first - 1].s(text))
                    {
                        first -= 1;
                    }
                    let span = [toks[first].start, toks[j].end];
                    let name = text::collapse_ws(&text[span[0]..span[1]]);
                    let entry = match self.entries.iter().position(|e| e.name == name) {
                        Some(e) => e,
                        None => {
                            self.entries.push(Entry {
                                name,
                                titles: Vec::new(),
                                female: None,
                                code: None,
                                is_org: true,
                                known: false,
                                place: false,
                                by_surname: false,
                                aliases: Vec::new(),
                            });
                            self.entries.len() - 1
                        }
                    };
                    self.occurrences.push(Occurrence {
                        span,
                        entry,
                        subject: false,
                    });
                    break;
                }
                j += 1;
            }
        }
    }

    /// Records that `entry` spoke at byte `pos`: a later "he said" may refer back to it.
    pub fn note_speaker(&mut self, pos: usize, entry: usize) {
        self.speakers.push((pos, entry));
    }

    /// Resolves the speaker noun phrase `np` (tokens outside quotations) found at byte `pos`.
    pub fn resolve(&self, text: &str, np: &[Tok], pos: usize, mentions: &[Mention]) -> Speaker {
        let words: Vec<&str> = np
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.s(text))
            .collect();
        if words.is_empty() {
            return Speaker::default();
        }
        // "Later the premier said", "Meanwhile the ministry said": an opening
        // adverb, capitalised by the sentence's start, is no part of the speaker.
        if np.len() > 1
            && np[0].is_word()
            && np[1].s(text) == "the"
            && text::is_capitalised(np[0].s(text))
            && at_sentence_start(text, np[0].start)
            && (matches!(
                np[0].s(text).to_lowercase().as_str(),
                "later"
                    | "meanwhile"
                    | "however"
                    | "earlier"
                    | "separately"
                    | "then"
                    | "now"
                    | "still"
                    | "also"
                    | "instead"
                    | "afterwards"
                    | "today"
                    | "yesterday"
            ) || herodotus_core::tokens::is_calendar_word(&np[0].s(text).to_lowercase()))
        {
            return self.resolve(text, &np[1..], pos, mentions);
        }
        let span = [np[0].start, np[np.len() - 1].end];
        let mention_code = || {
            mentions
                .iter()
                .find(|m| m.span[0] < span[1] && span[0] < m.span[1])
                .and_then(|m| m.code.clone())
        };
        // A pronoun alone.
        if words.len() == 1 && names::is_pronoun(words[0]) {
            // Resolved where the pronoun stands, not where the quote starts: in "She said
            // Ortega was tired, and that a term would "destroy his family"" the name
            // after the pronoun is no antecedent.
            let pos = pos.min(span[0]);
            return match words[0].to_lowercase().as_str() {
                "he" => self.by_pronoun(pos, Some(false)),
                "she" => self.by_pronoun(pos, Some(true)),
                // "it" and "they" stand for an organisation, a country or a group
                // ("The Taliban issued a statement. "...," they said").
                "it" | "they" => self.last_org(pos, None),
                _ => Speaker::default(),
            };
        }
        // The head phrase: up to a lower-case preposition ("Lawyers for Bolsonaro",
        // "a spokesman for the ministry", "the mayor of Lagos").
        let cut = np
            .iter()
            .enumerate()
            .position(|(i, t)| {
                t.is_word()
                    && (matches!(t.s(text), "for" | "at" | "from" | "with" | "in")
                        || (t.s(text) == "of"
                            && !(i > 0
                                && text::is_name_word(np[i - 1].s(text))
                                && !self.person_ends_at(np[i - 1].end))))
            })
            .unwrap_or(np.len());
        let core = &np[..cut.max(1)];
        let core_span = [core[0].start, core[core.len() - 1].end];
        let core_words: Vec<&str> = core
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.s(text))
            .collect();
        // A phrase of punctuation only ("\"inctrsion\", is{ for said", found by the
        // `api` fuzzer): no head word, no speaker.
        let Some(&head) = core_words.last() else {
            return Speaker::default();
        };
        if let Some(s) = self.by_document(text, np, cut, &core_words, pos, mentions) {
            return s;
        }
        // "the office of President Amara Diallo": the person whose office it is.
        if head.eq_ignore_ascii_case("office")
            && cut + 1 < np.len()
            && np[cut].s(text) == "of"
            && np[cut + 1..].iter().any(|t| text::is_name_word(t.s(text)))
        {
            let s = self.resolve(text, &np[cut + 1..], pos, mentions);
            if s.name.is_some() {
                return s;
            }
        }
        // An office named in full ("the United Nations High Commissioner for Human
        // Rights"): the whole phrase is the speaker's name.
        if cut + 1 < np.len()
            && matches!(np[cut].s(text), "for" | "of")
            && text::is_capitalised(np[cut + 1].s(text))
            && text::is_capitalised(head)
            && (names::is_title(head) || names::is_person_head(&head.to_lowercase()))
        {
            let start = np
                .iter()
                .position(|t| t.is_word() && !t.s(text).eq_ignore_ascii_case("the"))
                .unwrap_or(0);
            let end = np
                .iter()
                .rposition(|t| t.is_word())
                .map_or(np.len(), |p| p + 1);
            return Speaker {
                name: Some(text::collapse_ws(&text[np[start].start..np[end - 1].end])),
                code: mention_code(),
                entry: None,
                description: None,
            };
        }
        let occs: Vec<&Occurrence> = self
            .occurrences
            .iter()
            .filter(|o| o.span[0] < core_span[1] && core_span[0] < o.span[1])
            .collect();
        // Issue 10 class "definite role descriptions": "the German said" (a singular
        // demonym) and "the IGP said", "the PM said" (the initials of a person's
        // titles) stand for a person named earlier, not for a country or an
        // organisation called by the acronym (nor for the title phrase the acronym's
        // initials matched: "The Director General of Police, Ravi Menon ... the DGP").
        // Not with a complement ("the German of the year"), and an acronym only when
        // no dictionary gives it a code ("the UN said").
        if core_words[0].eq_ignore_ascii_case("the") && core_words.len() >= 2 && cut == np.len() {
            let lhead = head.to_lowercase();
            if self.demonyms.contains(&lhead) {
                let mods: Vec<String> = core_words[1..].iter().map(|w| w.to_lowercase()).collect();
                return self.by_descriptor(pos.min(span[0]), &lhead, &mods);
            }
            let acronym = core_words.len() == 2
                && text::is_all_caps(head)
                && (2..=4).contains(&head.chars().count())
                && mention_code().is_none();
            if acronym {
                if let Some(s) = self.by_title_initials(pos, &lhead) {
                    return s;
                }
            }
        }
        // A description occurrence that covers the head wins ("Macron's office"),
        // then people ("WHO spokeswoman Margaret Harris"), then organisations.
        let by_head = occs.iter().find(|o| {
            self.entries[o.entry].is_org && o.span[1] >= core_span[1] && o.span[0] < core_span[1]
        });
        let occ = by_head.copied().or_else(|| {
            occs.iter()
                .copied()
                // Of two people, the one at the head ("Red Crescent official
                // Mustafa Kemal": the last).
                .min_by_key(|o| (self.entries[o.entry].is_org, std::cmp::Reverse(o.span[0])))
        });
        let head_is_common = !text::is_name_word(head);
        if let Some(o) = occ {
            let e = &self.entries[o.entry];
            // "Qatar's foreign ministry spokesman", "a Ukrainian military source": the
            // name only modifies a common head, which is no name.
            let describes = head_is_common && o.span[1] < core_span[1];
            if !describes {
                return Speaker {
                    name: Some(e.name.clone()),
                    code: e.code.clone().or_else(mention_code),
                    entry: Some(o.entry),
                    description: None,
                };
            }
        }
        // "the Texas Republican said", "the 71-year-old billionaire said": a
        // definite description of a person by party, age or standing stands for the
        // person last named, as a pronoun would (a titled one first when the
        // description's head is among their titles).
        // Not with a complement: "the mother of one of the victims" is someone new.
        if core_words[0].eq_ignore_ascii_case("the")
            && core_words.len() >= 2
            && cut == np.len()
            && (names::is_person_description(head)
                || core_words.iter().any(|w| w.ends_with("-year-old")))
        {
            let lhead = head.to_lowercase();
            let mods: Vec<String> = core_words[1..].iter().map(|w| w.to_lowercase()).collect();
            let s = self.by_descriptor(pos.min(span[0]), &lhead, &mods);
            if s.name.is_some() {
                return s;
            }
        }
        // "the Ministry said" after "the Ministry of Defence": a capitalised head
        // alone after "the" is the organisation of that head the article named.
        // Class: organisation names (issue 10 item 5, eighth session).
        if core_words.len() == 2
            && core_words[0].eq_ignore_ascii_case("the")
            && cut == np.len()
            && text::is_capitalised(head)
            && (names::is_org_head(head) || is_institution(head))
        {
            let s = self.last_org(pos, Some(head));
            if s.name.is_some() {
                return s;
            }
            // "The Treasury said": a capitalised head is a name, not a description
            // that looks back for the last organisation named.
            return Speaker {
                name: Some(head.to_string()),
                code: mention_code(),
                entry: None,
                description: None,
            };
        }
        // A capitalised name the cast does not know (e.g. a lone surname).
        let lone_initial =
            core_words.len() == 1 && cut < np.len() && at_sentence_start(text, core[0].start);
        // "Diplomats said ...": a role noun capitalised at the start of a sentence.
        let role_noun = core_words.len() == 1
            && at_sentence_start(text, core[0].start)
            && anonymous_description(text, core).is_some();
        if text::is_name_word(head)
            && !names::is_function_word(head)
            && !names::is_title(head)
            && !lone_initial
            && !role_noun
        {
            let caps: Vec<&str> = core_words
                .iter()
                .copied()
                .skip_while(|w| {
                    !text::is_name_word(w) || names::is_title(w) || names::is_function_word(w)
                })
                .collect();
            // "Housing charity Threshold", "rights group OVD-Info": a lower-case
            // descriptor before the name; the name is the capitalised run that ends
            // the phrase (quote class "organisations introduced by a descriptor").
            let tail = caps
                .iter()
                .rposition(|w| !text::is_name_word(w))
                .map_or(&caps[..0], |p| &caps[p + 1..]);
            let caps = if caps.iter().all(|w| text::is_name_word(w)) {
                &caps[..]
            } else {
                tail
            };
            if !caps.is_empty() && caps.iter().all(|w| text::is_name_word(w)) {
                let name = caps
                    .iter()
                    .map(|w| text::strip_possessive(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                return Speaker {
                    name: Some(name),
                    code: mention_code(),
                    entry: None,
                    description: None,
                };
            }
        }
        // A description: "the minister", "the foreign minister", "the ministry".
        let definite = core_words[0].eq_ignore_ascii_case("the");
        let lhead = head.to_lowercase();
        // "the 34-year-old said": the person last named, as a pronoun would be.
        let core_text = &text[core_span[0]..core_span[1]];
        if definite && core_text.ends_with("-year-old") && core_text.split_whitespace().count() == 2
        {
            return self.by_pronoun(pos.min(span[0]), None);
        }
        if definite && names::is_person_head(&lhead) && lhead != "official" {
            let mods: Vec<String> = core_words[1..].iter().map(|w| w.to_lowercase()).collect();
            if let Some(s) = self.by_title(pos, &lhead, &mods) {
                return s;
            }
        }
        // "Cascadia Outfitters will close 40 stores ... the company said": a firm
        // whose name has no word of an organisation is still the one a definite
        // business noun refers to: the last name before it that is no person (no
        // title, no gender, no common given name first) and no place (quote class
        // "companies named without an organisation word"). Before the organisation
        // heads, so that "the company" is no regulator that spoke last; "the power
        // utility", "the Chicago-based planemaker" too, and a firm the article names
        // by one unknown word as a sentence's subject ("Tesla will pay ... the
        // company said"). Issue 10 class "organisations called by a description".
        if definite && is_business_head(&lhead) {
            let s = self.last_org(pos, Some(&lhead));
            if s.name.is_some() {
                return s;
            }
            if let Some(s) = self.last_firm(pos) {
                return s;
            }
        }
        if definite && (names::is_org_head(&lhead) || is_institution(&lhead)) {
            let s = self.last_org(pos, Some(&lhead));
            if s.name.is_some() {
                return s;
            }
            // "CBP announced ... the agency said": the organisation that spoke last,
            // else the last one named that is no place ("The Committee to Protect
            // Journalists condemned ... the group said").
            if let Some(&(_, e)) = self
                .speakers
                .iter()
                .rev()
                .find(|&&(p, e)| p < pos && self.entries[e].is_org)
            {
                return self.speaker_of(e);
            }
            // The subject of its sentence first: in "Al-Shabaab arrested members of
            // Islamic State. The group told reporters", the group is the one that
            // acted (issue 10 class "organisations called by a description").
            let org = |o: &&Occurrence| {
                o.span[0] < pos && self.entries[o.entry].is_org && !self.entries[o.entry].place
            };
            if let Some(last) = self.occurrences.iter().rev().find(org) {
                // Within a sentence or two of the last one named.
                let subject = self
                    .occurrences
                    .iter()
                    .rev()
                    .skip_while(|o| o.span[0] > last.span[0])
                    .take_while(|o| o.span[0] + ORG_SUBJECT_REACH >= last.span[0])
                    .filter(org)
                    .find(|o| o.subject);
                return self.speaker_of(subject.unwrap_or(last).entry);
            }
        }
        // "the doctors" for a group the article named by that word ("Doctors for
        // Camp Closure"): a plural head that is a word of an organisation's name.
        if definite && core_words.len() == 2 && lhead.len() > 3 && lhead.ends_with('s') {
            let s = self.last_org(pos, Some(&lhead));
            if s.name.is_some() {
                return s;
            }
        }
        // "the Congolese health ministry": an institution named by a proper modifier.
        if (names::is_org_head(&lhead) || is_institution(&lhead))
            && core_words
                .iter()
                .any(|w| text::is_capitalised(w) && !names::is_function_word(w))
        {
            let start = core
                .iter()
                .position(|t| {
                    t.is_word() && !matches!(t.s(text).to_lowercase().as_str(), "the" | "a" | "an")
                })
                .unwrap_or(0);
            return Speaker {
                name: Some(text::collapse_ws(&text[core[start].start..core_span[1]])),
                code: mention_code(),
                entry: None,
                description: None,
            };
        }
        Speaker {
            name: None,
            code: mention_code(),
            entry: None,
            description: anonymous_description(text, np),
        }
    }

    /// The entry named first in `unit` (a byte span) when it is the sentence's
    /// subject: who speaks next in a quotation with no tag.
    pub fn subject_in(&self, unit: [usize; 2]) -> Option<Speaker> {
        self.occurrences
            .iter()
            .find(|o| o.subject && unit[0] <= o.span[0] && o.span[1] <= unit[1])
            .map(|o| self.speaker_of(o.entry))
    }

    /// True when a person's name ends at byte `end`: "of" after it opens an
    /// affiliation ("Helena Marsh of the University of Leeds"), not a name ("Bank of
    /// England").
    fn person_ends_at(&self, end: usize) -> bool {
        self.occurrences
            .iter()
            .any(|o| o.span[1] == end && !self.entries[o.entry].is_org)
    }

    /// A speaker given by what they issued: "directives from Xi", "a statement by the
    /// ministry" speak for their author; "the statement said", "the letter says" for
    /// the author the article last named, that is the last speaker, else the last
    /// organisation.
    fn by_document(
        &self,
        text: &str,
        np: &[Tok],
        cut: usize,
        core_words: &[&str],
        pos: usize,
        mentions: &[Mention],
    ) -> Option<Speaker> {
        // "a statement released by the office of X", "a letter signed by X": the
        // document, a participle of issuing, its author.
        let issued_by = np
            .iter()
            .take(3)
            .position(|t| is_document(&t.s(text).to_lowercase()));
        if let Some(d) = issued_by {
            let low = |k: usize| np.get(k).map(|t| t.s(text).to_lowercase());
            let by = match low(d + 1).as_deref() {
                Some(
                    "released" | "issued" | "published" | "posted" | "signed" | "sent" | "put"
                    | "distributed",
                ) => (d + 2..np.len().min(d + 4)).find(|&k| low(k).as_deref() == Some("by")),
                _ => None,
            };
            if let Some(by) = by.filter(|&b| b + 1 < np.len()) {
                let s = self.resolve(text, &np[by + 1..], pos, mentions);
                if s.name.is_some() {
                    return Some(s);
                }
            }
        }
        let head = core_words.last()?.to_lowercase();
        if !is_document(&head) {
            return None;
        }
        if cut + 1 < np.len() && matches!(np[cut].s(text), "from" | "by" | "of") {
            let s = self.resolve(text, &np[cut + 1..], pos, mentions);
            if s.name.is_some() {
                return Some(s);
            }
        }
        if !matches!(
            core_words[0].to_lowercase().as_str(),
            "the" | "its" | "their"
        ) {
            return None;
        }
        // "President Ana Costa issued a decree. ... the decree said": the subject of
        // the sentence that last named the document issued it.
        let before = &text[..np[0].start.min(text.len())];
        let named_at = before
            .rmatch_indices(head.as_str())
            .map(|(i, _)| i)
            .find(|&i| {
                !before[..i].ends_with(|c: char| c.is_alphanumeric())
                    && !before[i + head.len()..].starts_with(|c: char| c.is_alphanumeric())
            });
        if let Some(at) = named_at {
            let last_speech = self.speakers.iter().rev().find(|s| s.0 < pos).map(|s| s.0);
            let issuer = self
                .occurrences
                .iter()
                .rev()
                .find(|o| o.subject && o.span[1] <= at && at - o.span[1] < 200);
            if let Some(o) = issuer.filter(|o| last_speech.is_none_or(|p| p < o.span[0])) {
                return Some(self.speaker_of(o.entry));
            }
        }
        if let Some(&(_, e)) = self.speakers.iter().rev().find(|s| s.0 < pos) {
            return Some(self.speaker_of(e));
        }
        let s = self.last_org(pos, None);
        if s.name.is_some() {
            return Some(s);
        }
        // "Toyota recalled 40,000 cars. "...," the statement added": no organisation
        // known as one, no speech before: the last subject named, not a place.
        self.occurrences
            .iter()
            .rev()
            .find(|o| o.subject && o.span[0] < pos && !self.entries[o.entry].place)
            .map(|o| self.speaker_of(o.entry))
    }

    fn speaker_of(&self, entry: usize) -> Speaker {
        let e = &self.entries[entry];
        Speaker {
            name: Some(e.name.clone()),
            code: e.code.clone(),
            entry: Some(entry),
            description: None,
        }
    }

    /// "he"/"she" (`female` given) or "the 34-year-old" (`None`): the most recent
    /// subject or speaker of a fitting gender, else the most recent person of a
    /// fitting gender.
    fn by_pronoun(&self, pos: usize, female: Option<bool>) -> Speaker {
        self.by_pronoun_where(pos, female, &|_| true)
    }

    /// [`People::by_pronoun`] among the people `ok` accepts.
    fn by_pronoun_where(
        &self,
        pos: usize,
        female: Option<bool>,
        ok: &dyn Fn(&Entry) -> bool,
    ) -> Speaker {
        let fits = |e: usize| {
            let ent = &self.entries[e];
            !ent.is_org
                && (female.is_none() || ent.female.is_none() || ent.female == female)
                && ok(ent)
        };
        let mut cands: Vec<(usize, usize, bool)> = self
            .occurrences
            .iter()
            .filter(|o| o.span[0] < pos)
            .map(|o| (o.span[0], o.entry, o.subject))
            .collect();
        cands.extend(
            self.speakers
                .iter()
                .filter(|s| s.0 < pos)
                .map(|&(p, e)| (p, e, true)),
        );
        cands.sort_by_key(|c| c.0);
        // Among the last three subjects that fit, one whose gender is known to match
        // beats a later one of unknown gender ("Carlineo ... Omar is one of the
        // first ... he said": Omar's gender is not known, Carlineo's is).
        let mut recent: Vec<usize> = Vec::new();
        for c in cands.iter().rev().filter(|c| c.2 && fits(c.1)) {
            if !recent.contains(&c.1) {
                recent.push(c.1);
                if recent.len() == 3 {
                    break;
                }
            }
        }
        // The one who spoke last, when that is the latest subject, stays the speaker.
        let last_speaker = self.speakers.iter().rev().find(|s| s.0 < pos).map(|s| s.1);
        let known = recent
            .iter()
            .find(|&&e| female.is_some() && self.entries[e].female == female)
            .filter(|_| recent.first() != last_speaker.as_ref());
        if let Some(&e) = known.or(recent.first()) {
            return self.speaker_of(e);
        }
        let pick = cands.iter().rev().find(|c| fits(c.1));
        pick.map(|c| self.speaker_of(c.1)).unwrap_or_default()
    }

    /// "the billionaire", "the German", "the skipper", "the former India captain":
    /// a definite description of a person named earlier. The most recent person
    /// whose titles hold the head ([`People::by_title`]), else the most recent
    /// subject or speaker whom the description fits: not one the article gave
    /// another nationality, not the holder of the head's office when the
    /// description says "former" (issue 10 class "definite role descriptions").
    fn by_descriptor(&self, pos: usize, head: &str, mods: &[String]) -> Speaker {
        if let Some(s) = self.by_title(pos, head, mods) {
            return s;
        }
        let demonym = self.demonyms.iter().any(|d| d == head);
        let former = mods.iter().any(|m| m == "former");
        let fits = |e: &Entry| {
            let other_nation = demonym
                && e.titles
                    .iter()
                    .any(|t| t != head && self.demonyms.contains(t));
            let incumbent = former
                && holds_title(&e.titles, head, mods)
                && !e.titles.iter().any(|t| t == "former");
            !other_nation && !incumbent
        };
        self.by_pronoun_where(pos, names::title_gender(head), &fits)
    }

    /// "the IGP", "the PM": the most recent person whose title words have the
    /// acronym's letters as initials ("Inspector-General of Police", "Prime
    /// Minister"). Issue 10 class "definite role descriptions".
    fn by_title_initials(&self, pos: usize, acronym: &str) -> Option<Speaker> {
        self.occurrences
            .iter()
            .rev()
            .filter(|o| o.span[0] < pos)
            .find(|o| {
                let e = &self.entries[o.entry];
                !e.is_org && title_initials(&e.titles).contains(acronym)
            })
            .map(|o| self.speaker_of(o.entry))
    }

    /// "the minister": the most recent person whose titles include the head
    /// (and most of the modifiers). "The former captain" is not the captain the
    /// article names without "former" (issue 10 class "definite role descriptions").
    fn by_title(&self, pos: usize, head: &str, mods: &[String]) -> Option<Speaker> {
        let mut best: Option<(usize, usize, usize)> = None; // (score, pos, entry)
        let former = mods.iter().any(|m| m == "former");
        for o in self.occurrences.iter().filter(|o| o.span[0] < pos) {
            let e = &self.entries[o.entry];
            if e.is_org
                || !holds_title(&e.titles, head, mods)
                || (former && !e.titles.iter().any(|t| t == "former"))
            {
                continue;
            }
            let score = mods.iter().filter(|m| e.titles.contains(m)).count();
            if best.is_none_or(|b| (score, o.span[0]) >= (b.0, b.1)) {
                best = Some((score, o.span[0], o.entry));
            }
        }
        best.map(|b| self.speaker_of(b.2))
    }

    /// The firm a business noun before `pos` refers to: the last entry named that
    /// reads as a firm (see [`People::resolve`]), or a later unknown word that
    /// opened a sentence as its subject ([`People::bare_subjects`]); an acronym no
    /// dictionary knows ("SEC", "FAA") only when nothing else fits, as it is more
    /// often an agency's. Issue 10 class "organisations called by a description".
    fn last_firm(&self, pos: usize) -> Option<Speaker> {
        // A firm the article is about opens a sentence as its subject.
        let firm_like = |o: &&Occurrence| {
            let e = &self.entries[o.entry];
            o.span[0] < pos
                && o.subject
                && !e.place
                && e.titles.is_empty()
                && e.female.is_none()
                && !e.by_surname
                && e.code.as_deref().is_none_or(|c| c.ends_with("BUS"))
                && (e.is_org || e.name.split_whitespace().count() >= 2)
                && e.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| names::given_name_gender(w).is_none())
                && !e.name.split_whitespace().any(is_public_body_word)
        };
        let unknown_acronym = |o: &&Occurrence| {
            let e = &self.entries[o.entry];
            !e.known && text::is_all_caps(&e.name) && !e.name.contains(' ')
        };
        let firm = self
            .occurrences
            .iter()
            .rev()
            .filter(firm_like)
            .find(|o| !unknown_acronym(o));
        let bare = self.bare_subjects[..self.bare_subjects.partition_point(|b| b.0[0] < pos)]
            .last()
            .filter(|b| firm.is_none_or(|o| o.span[0] < b.0[0]));
        if let Some((_, name)) = bare {
            return Some(Speaker {
                name: Some(name.clone()),
                ..Speaker::default()
            });
        }
        firm.or_else(|| self.occurrences.iter().rev().find(firm_like))
            .map(|o| self.speaker_of(o.entry))
    }

    fn last_org(&self, pos: usize, head: Option<&str>) -> Speaker {
        self.occurrences
            .iter()
            .rev()
            .filter(|o| o.span[0] < pos && self.entries[o.entry].is_org)
            .find(|o| {
                head.is_none_or(|h| {
                    self.entries[o.entry]
                        .name
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(h))
                })
            })
            .map(|o| self.speaker_of(o.entry))
            .unwrap_or_default()
    }
}

/// True when a person's `titles` hold the office `head` names, or another name of
/// it: "the premier" is the prime minister ("Prime Minister Shehbaz Sharif ... the
/// premier said"), and "the prime minister" the premier (quote class "titles by
/// another name"); "the skipper" is the captain and "the boss" the manager, coach
/// or chief (issue 10 class "definite role descriptions").
fn holds_title(titles: &[String], head: &str, mods: &[String]) -> bool {
    let has = |w: &str| titles.iter().any(|t| t == w);
    has(head)
        || match head {
            "premier" => has("prime") && has("minister"),
            "minister" => mods.iter().any(|m| m == "prime") && has("premier"),
            "skipper" => has("captain"),
            "captain" => has("skipper"),
            "boss" | "gaffer" => has("manager") || has("coach") || has("chief"),
            _ => false,
        }
}

/// How far (bytes) before the last organisation named its sentence's subject is
/// preferred as the one "the group" refers to.
const ORG_SUBJECT_REACH: usize = 300;

/// Nouns for a business that refer back to a firm named before ("the company said").
const BUSINESS_HEADS: &[&str] = &[
    "company",
    "firm",
    "retailer",
    "carmaker",
    "automaker",
    "airline",
    "chain",
    "manufacturer",
    "startup",
    "insurer",
    "lender",
    "brand",
    // Issue 10 class "organisations called by a description".
    "corporation",
    "utility",
    "operator",
    "carrier",
    "conglomerate",
    "producer",
    "supplier",
    "provider",
    "broadcaster",
    "exporter",
    "giant",
];

/// True when `w` (lower case) is a noun for a business that refers back to a firm
/// named before: [`BUSINESS_HEADS`], and the makers of a product ("the planemaker",
/// "the chipmaker", "the vaccine maker"). Issue 10 class "organisations called by a
/// description".
fn is_business_head(w: &str) -> bool {
    BUSINESS_HEADS.contains(&w)
        || w == "maker"
        || w.strip_suffix("maker").is_some_and(|product| {
            matches!(
                product,
                "car" | "auto" | "plane" | "jet" | "chip" | "drug" | "steel" | "toy" | "truck"
            )
        })
}

/// True when a word of an organisation's name makes it a public body, a party or
/// an association rather than a firm ("Securities and Exchange Commission",
/// "Environment Agency"). Issue 10 class "organisations called by a description".
fn is_public_body_word(w: &str) -> bool {
    let w = w.to_lowercase();
    (names::is_org_head(&w) || is_institution(&w))
        && !matches!(
            w.trim_end_matches('.'),
            "company"
                | "corporation"
                | "corp"
                | "inc"
                | "ltd"
                | "co"
                | "llc"
                | "plc"
                | "holdings"
                | "airlines"
                | "airways"
                | "group"
                | "bank"
                | "fund"
        )
}

/// The description of an unnamed source ("a senior security official", "diplomats",
/// "people familiar with the talks"): the phrase, when its head names a person by role.
fn anonymous_description(text: &str, np: &[Tok]) -> Option<String> {
    let is_head = |w: &str| {
        names::is_person_head(w)
            || matches!(
                w,
                "official"
                    | "officials"
                    | "source"
                    | "sources"
                    | "people"
                    | "person"
                    | "diplomat"
                    | "diplomats"
                    | "aide"
                    | "aides"
                    | "analyst"
                    | "analysts"
                    | "witness"
                    | "witnesses"
                    | "resident"
                    | "residents"
                    | "expert"
                    | "experts"
            )
            || is_ordinary_person(w)
    };
    let low: Vec<String> = np
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.s(text).to_lowercase())
        .collect();
    // The head is among the first words: "people familiar with the talks".
    let first_words = low.iter().take(4).any(|w| is_head(w));
    // Issue 10 class "anonymous sources" (16th session): or it ends the phrase
    // before its complement, after a long modifier ("A Kenya Red Cross official,
    // who asked not to be named, said").
    let ends_phrase = low
        .iter()
        .take_while(|w| {
            !matches!(
                w.as_str(),
                "of" | "for"
                    | "at"
                    | "from"
                    | "with"
                    | "in"
                    | "on"
                    | "close"
                    | "familiar"
                    | "briefed"
                    | "who"
                    | "which"
                    | "that"
            )
        })
        .last()
        .is_some_and(|w| is_head(w));
    // "one of them said", "two of those said": one of the unnamed sources just
    // described; the quote finder puts that description in (same class).
    let partitive = low.len() == 3
        && is_quantifier(&low[0])
        && low[1] == "of"
        && matches!(low[2].as_str(), "them" | "those");
    if !(first_words || ends_phrase || partitive) || np.is_empty() {
        return None;
    }
    Some(text::collapse_ws(&text[np[0].start..np[np.len() - 1].end]))
}

/// Words that count members of a group described before ("one of them", "two of
/// those"). Class: anonymous sources (issue 10, 16th session).
fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "one" | "two" | "three" | "some" | "several" | "another" | "each" | "both" | "all"
    )
}

/// Nouns for an ordinary person named by occupation, condition or kin, the usual
/// unnamed voices of news ("a farmer from the village said", "one soldier told
/// reporters", "a mother of two said"). Class: anonymous sources (issue 10 item 5).
fn is_ordinary_person(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    matches!(
        singular,
        "farmer"
            | "engineer"
            | "employee"
            | "miner"
            | "fisherman"
            | "trader"
            | "vendor"
            | "pilot"
            | "soldier"
            | "doctor"
            | "nurse"
            | "teacher"
            | "student"
            | "worker"
            | "driver"
            | "shopkeeper"
            | "villager"
            | "survivor"
            | "victim"
            | "protester"
            | "demonstrator"
            | "activist"
            | "refugee"
            | "fighter"
            | "mother"
            | "father"
            | "relative"
            | "neighbour"
            | "neighbor"
            | "parent"
    ) || matches!(w, "woman" | "women" | "man" | "men")
}

/// The lower-cased words of a capitalised title phrase that stands in apposition
/// just before the name starting at token `a` ("The Inspector-General of Police,
/// Mohammed Adamu"): at the start of the sentence or after "the", six words at most,
/// one of them (or of its hyphenated parts) a title; empty otherwise. Issue 10 class
/// "definite role descriptions".
fn title_phrase_before(text: &str, toks: &[Tok], a: usize) -> Vec<String> {
    if a < 2 || toks[a - 1].s(text) != "," {
        return Vec::new();
    }
    let joiner = |w: &str| matches!(w, "of" | "and" | "for");
    let mut j = a - 1;
    while j > 0
        && a - 1 - j < 6
        && toks[j - 1].is_word()
        && (text::is_capitalised(toks[j - 1].s(text)) || joiner(toks[j - 1].s(text)))
    {
        j -= 1;
    }
    let opens = j == 0 || toks[j - 1].s(text).eq_ignore_ascii_case("the");
    let phrase: Vec<&str> = toks[j..a - 1]
        .iter()
        .map(|t| t.s(text))
        .skip_while(|w| w.eq_ignore_ascii_case("the"))
        .collect();
    let titled = phrase.iter().any(|w| w.split('-').any(names::is_title));
    if !opens || phrase.is_empty() || !titled || joiner(phrase[0]) {
        return Vec::new();
    }
    phrase.iter().map(|w| w.to_lowercase()).collect()
}

/// The initials of a person's title words in order, hyphenated parts apart and
/// joining words left out: "inspector-general of police" gives "igp", "prime
/// minister" "pm". Issue 10 class "definite role descriptions".
fn title_initials(titles: &[String]) -> String {
    titles
        .iter()
        .flat_map(|t| t.split('-'))
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "the"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// True when `span` is the agency credited in the article's dateline (`ROME (Reuters)
/// -`, `LAGOS, March 3 (AFP) -`): a name in brackets on the first line, followed by a
/// dash. The agency wrote the article; it is no member of its cast, so "the ministry
/// said" cannot fall back on it. Class: datelines (issue 10 item 5, eighth session).
fn dateline_credit(text: &str, span: [usize; 2]) -> bool {
    let before = &text[..span[0]];
    before.len() < 120
        && !before.contains('\n')
        && before.ends_with('(')
        && text[span[1]..]
            .strip_prefix(')')
            .is_some_and(|rest| rest.trim_start().starts_with(['-', '—', '–']))
}

/// The place of a dateline ("SEATTLE (AP) —", "NEW DELHI:", "KYIV, Ukraine —"): an
/// upper-case run that opens the text, before a credit, a dash, a colon or a comma.
/// It names where the story was filed, nobody who speaks in it.
fn dateline_place(text: &str, span: [usize; 2]) -> bool {
    let run = &text[span[0]..span[1]];
    text[..span[0]].trim().is_empty()
        && run.chars().any(char::is_alphabetic)
        && !run.chars().any(char::is_lowercase)
        && text[span[1]..]
            .trim_start()
            .starts_with(['(', '-', '—', '–', ':', ','])
}

/// A law or a document named after "the" ("the Finance Bill", "the Patriot Act"): its
/// last word is no person's given name.
fn law_named(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    a >= 1
        && toks[a - 1].s(text).eq_ignore_ascii_case("the")
        && matches!(
            text::strip_possessive(toks[b - 1].s(text)),
            "Bill"
                | "Act"
                | "Law"
                | "Code"
                | "Treaty"
                | "Accord"
                | "Charter"
                | "Amendment"
                | "Decree"
                | "Convention"
                | "Protocol"
                | "Budget"
                | "Plan"
        )
}

/// True when only spaces and an opening mark separate `pos` from a sentence end or the text start.
fn at_sentence_start(text: &str, pos: usize) -> bool {
    let before = text[..pos]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '('));
    before.is_empty() || before.ends_with(['.', '!', '?', '”', '"', ':'])
}

/// Nouns for what an author issues and that can "say" things ("the statement said",
/// "orders from X", "instructions by X"); plurals too. Class: a speaker given by a
/// noun (issue 10 item 5).
pub fn is_document(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    matches!(
        singular,
        "statement"
            | "instruction"
            | "guideline"
            | "order"
            | "communique"
            | "letter"
            | "release"
            | "directive"
            | "memo"
            | "decree"
            | "post"
            | "tweet"
            | "message"
            | "notice"
            | "announcement"
            | "declaration"
    )
}

/// Heads of descriptions that name an institution ("ministry", "air force").
fn is_institution(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "ministry"
            | "government"
            | "office"
            | "embassy"
            | "army"
            | "military"
            | "navy"
            | "force"
            | "police"
            | "parliament"
            | "presidency"
            | "cabinet"
            | "council"
            | "agency"
            | "court"
            | "administration"
            | "committee"
            | "commission"
            | "department"
            | "prosecutor"
            | "prosecutors"
            | "regulator"
            | "guard"
            | "coastguard"
            | "command"
            | "mission"
            // "Nigeria's central bank ... the bank said". Class: an institution the
            // article described before (issue 10 item 5, eighth session).
            | "bank"
            // "Mendez's campaign said": an owner's organisation. Same class.
            | "campaign"
    )
}

/// The surname of a full name: its last word before a suffix ("James P. Kennedy
/// Jr." → "Kennedy"), by which the article refers to the person later.
fn surname(name: &str) -> &str {
    let mut words = name.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    if matches!(last, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV") {
        words.next().unwrap_or(last)
    } else {
        last
    }
}

/// Initials of the capitalised words of a name ("World Health Organization" -> "WHO").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| text::is_capitalised(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cast(text: &str) -> People {
        let units = text::units(text, &[]);
        People::build(text, &units, &[], &[], &|w: &str| {
            matches!(w, "Russia" | "Russian" | "Moscow")
        })
    }

    #[test]
    fn titles_and_surnames_join_one_person() {
        let t = "Russian Foreign Minister Sergei Lavrov met envoys. Later Lavrov left.";
        let p = cast(t);
        assert_eq!(p.entries.len(), 1, "{:?}", p.entries);
        assert_eq!(p.entries[0].name, "Sergei Lavrov");
        assert!(p.entries[0].titles.contains(&"minister".to_string()));
        assert_eq!(p.occurrences.len(), 2);
    }

    #[test]
    fn names_keep_initials_suffixes_and_skip_title_runs() {
        let t = "Prof. Patrick J. Holloway Jr. met Interior officials. Later Holloway left.";
        let p = cast(t);
        let names: Vec<&str> = p.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Patrick J. Holloway Jr."], "{:?}", p.entries);
        assert!(p.entries[0].titles.contains(&"prof".to_string()));
        // The later surname is the same person.
        assert_eq!(p.occurrences.len(), 2);
        assert!(p.occurrences.iter().all(|o| o.entry == 0));
    }

    #[test]
    fn a_place_named_alone_and_an_acronym_are_organisations() {
        let t = "Russia's envoy met the BBC. Sergei Lavrov spoke.";
        let p = cast(t);
        for e in &p.entries {
            assert_eq!(e.is_org, e.name != "Sergei Lavrov", "{e:?}");
        }
    }

    #[test]
    fn appositive_titles_are_learnt() {
        let t = "Anna Berg, the country's foreign minister, arrived. She spoke.";
        let p = cast(t);
        assert_eq!(p.entries[0].name, "Anna Berg");
        assert!(p.entries[0].titles.contains(&"minister".to_string()));
        assert_eq!(p.entries[0].female, Some(true));
    }
}
