//! Dictionaries: the in-memory model shared by every loader.
//!
//! Loaders (`own` for the project's format, `petrarch` for PETRARCH/TABARI files,
//! `builtin` for the embedded `dict/` folder) fill a [`Dictionaries`]; the
//! [`crate::Coder`] compiles it into matchers. Every entry keeps its [`Origin`] so an
//! event can say which line produced it. The loaders are internal: their entry points
//! are the constructors of [`Dictionaries`].

pub(crate) mod builtin;
pub(crate) mod cameo;
pub(crate) mod own;
pub(crate) mod petrarch;

use crate::date::Date;
use crate::error::Result;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

pub use cameo::{CameoEntry, CameoTable};
pub use petrarch::FileSet;

/// The kinds of PETRARCH/TABARI dictionary file, for
/// [`Dictionaries::from_petrarch_text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PetrarchFile {
    /// A verb dictionary (`CAMEO.*.verbs.txt`): synsets, verbs and patterns.
    Verbs,
    /// An actor dictionary (`*.actors.txt`), with dated codes.
    Actors,
    /// The agent dictionary, with `!SET!` substitutions.
    Agents,
    /// The discard list.
    Discards,
}

/// What kind of thing an actor entry names; pronouns and short references
/// ("he", "the group") resolve to the last mention of a fitting kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A country, its adjective or demonym, or a seat of power.
    Country,
    /// An international or non-governmental organisation.
    Organisation,
    /// A non-state armed or political group.
    Group,
    /// A person.
    Person,
    /// A role noun composed with a country ("Russian troops").
    Agent,
    /// Anything else.
    Other,
}

/// Where an entry was defined.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Origin {
    /// File name (as given to the loader).
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One word of a dictionary phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PhraseWord {
    /// Normalised lower-case form (as tokens are normalised).
    pub norm: String,
    /// For case-sensitive words, the surface form the text must have (or be in all caps).
    pub surface: Option<String>,
}

/// A sequence of words to match.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Phrase {
    /// The words, in order.
    pub words: Vec<PhraseWord>,
}

impl Phrase {
    /// Splits a written phrase into words (spaces, `_` and `-` separate words); words
    /// with capitals become case-sensitive when `case_sensitive` is set.
    pub fn parse(text: &str, case_sensitive: bool) -> Phrase {
        let mut words = Vec::new();
        let toks = crate::tokens::tokenize(text, [0, text.len()]);
        for t in toks {
            let raw = t.text(text);
            if raw == "_" || raw == "-" {
                continue;
            }
            let has_upper = raw.chars().any(char::is_uppercase);
            words.push(PhraseWord {
                norm: t.norm.clone(),
                surface: (case_sensitive && has_upper).then(|| raw.to_string()),
            });
        }
        Phrase { words }
    }

    /// The phrase as written, words joined by spaces.
    pub fn display(&self) -> String {
        self.words
            .iter()
            .map(|w| w.surface.clone().unwrap_or_else(|| w.norm.clone()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// An actor code valid in a date range (`from` inclusive, `to` exclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DatedCode {
    /// The actor code, e.g. `RUSGOV`.
    pub code: String,
    /// First day the code applies.
    pub from: Option<Date>,
    /// First day it no longer applies.
    pub to: Option<Date>,
}

impl DatedCode {
    /// True when the code has no date restriction.
    pub fn undated(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// True when `date` is inside the range.
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date < t)
    }
}

/// A named actor (country, organisation, group, person) and its dated codes.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ActorEntry {
    /// Canonical name.
    pub name: String,
    /// Every phrase that names it (the canonical name included).
    pub phrases: Vec<Phrase>,
    /// Codes, checked in order; the first whose range contains the date wins.
    pub codes: Vec<DatedCode>,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// Where it was defined.
    pub origin: Origin,
}

impl ActorEntry {
    /// The code for an article date: the first dated line containing it, else the last
    /// undated line (PETRARCH semantics: an undated line matches unconditionally when
    /// `first_undated_wins` is set).
    pub fn code_at(&self, date: Option<Date>, first_undated_wins: bool) -> Option<&str> {
        if let Some(d) = date {
            for c in &self.codes {
                if c.contains(d) && (first_undated_wins || !c.undated()) {
                    return Some(&c.code);
                }
            }
        }
        self.codes
            .iter()
            .rev()
            .find(|c| c.undated())
            .or_else(|| {
                if date.is_none() {
                    self.codes.last()
                } else {
                    None
                }
            })
            .map(|c| c.code.as_str())
    }
}

/// A role noun that composes with a country ("troops" -> `~MIL`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AgentEntry {
    /// Canonical phrase.
    pub name: String,
    /// Every phrase for it.
    pub phrases: Vec<Phrase>,
    /// The code as written: `~GOV` appends, `NGO~` prepends, a bare code is used alone.
    pub code: String,
    /// Where it was defined.
    pub origin: Origin,
}

/// Active and passive event codes; `None` is the null code `---`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CodePair {
    /// Code in the active voice.
    pub active: Option<String>,
    /// Code in the passive voice (defaults to the active one).
    pub passive: Option<String>,
    /// Written with a second code (`031:031`): in TABARI dictionaries the second code
    /// is a reverse event even when it equals the first.
    pub paired: bool,
}

impl CodePair {
    /// Parses `190`, `042:043`, `---`, `[190]`.
    pub fn parse(s: &str) -> Option<CodePair> {
        let s = s
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim();
        let one = |x: &str| -> Option<Option<String>> {
            let x = x.trim();
            if x.is_empty() || x.chars().all(|c| c == '-') {
                Some(None)
            } else if x.chars().all(|c| c.is_ascii_alphanumeric()) {
                Some(Some(x.to_string()))
            } else {
                None
            }
        };
        match s.split_once(':') {
            Some((a, p)) => Some(CodePair {
                active: one(a)?,
                passive: one(p)?,
                paired: true,
            }),
            None => {
                let a = one(s)?;
                Some(CodePair {
                    passive: a.clone(),
                    active: a,
                    paired: false,
                })
            }
        }
    }

    /// The code for a voice.
    pub fn get(&self, passive: bool) -> Option<&str> {
        if passive {
            self.passive.as_deref().or(self.active.as_deref())
        } else {
            self.active.as_deref()
        }
    }
}

/// One element of a verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// The verb itself (`*`).
    Verb,
    /// The target actor slot (`+`).
    Target,
    /// The source actor slot (`$`).
    Source,
    /// A compound-actor marker (`%` in TABARI patterns).
    Compound,
    /// Skip one actor or one word (`^` in TABARI patterns).
    Skip,
    /// Any one of these word sequences.
    Words(Vec<Vec<String>>),
    /// A synset reference, resolved when compiling.
    Synset(String),
}

/// A pattern element and whether it must be adjacent to the previous one.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PatternElem {
    /// What to match.
    pub elem: Elem,
    /// True when no words may come between this element and the previous one.
    pub adjacent: bool,
}

/// A verb pattern: elements around the verb and the code it yields.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Pattern {
    /// Elements, with exactly one [`Elem::Verb`].
    pub elems: Vec<PatternElem>,
    /// The event code(s).
    pub code: CodePair,
    /// The pattern as written, for explanations.
    pub text: String,
    /// Where it was defined.
    pub origin: Origin,
}

/// One way a verb appears in text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerbForm {
    /// The words of the form ("carried", "out").
    pub words: Vec<String>,
    /// Index of the inflected word.
    pub head: usize,
    /// Past participle (or a regular -ed form that can be one): enables the passive.
    pub participle: bool,
    /// -ing form.
    pub gerund: bool,
}

/// A verb with its forms, default code and patterns.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct VerbEntry {
    /// The lemma, lower case ("attack", "carry out").
    pub lemma: String,
    /// Surface forms.
    pub forms: Vec<VerbForm>,
    /// Default code when no pattern matches (`None`: no event).
    pub code: CodePair,
    /// Patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// Where it was defined.
    pub origin: Origin,
}

/// A discard phrase.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Discard {
    /// Words to match (any case).
    pub phrase: Phrase,
    /// Discard the whole story rather than the sentence.
    pub story: bool,
    /// Require the match to end at a word boundary only (PETRARCH's trailing `_`);
    /// without it the last word may be a prefix of a text word.
    pub whole_word: bool,
    /// Where it was defined.
    pub origin: Origin,
}

/// Options that change how dictionaries behave, set by their loader.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Semantics {
    /// PETRARCH: an undated code line matches unconditionally, in file order.
    pub first_undated_wins: bool,
    /// Match actor names case-insensitively (PETRARCH dictionaries are upper case).
    pub case_insensitive_actors: bool,
    /// TABARI/PETRARCH-1 paired codes: `[032:033]` codes the first event and the second
    /// with source and target swapped (PETRARCH2's `CAMEO.2.0` reads it as active:passive).
    pub paired_codes: bool,
    /// Most words a pattern may skip between elements, when the dictionaries were
    /// written for a different gap rule (TABARI patterns allow long gaps).
    pub max_gap: Option<usize>,
    /// PETRARCH's coding conventions: "will V" and "plans to V" code the act V,
    /// "efforts to V" is not a purpose clause, force of a state's police or army
    /// on its own protesters keeps its 18x/19x code, and a meeting told in passing
    /// ("A said during a visit to B") codes nothing. Off for herodotus' own
    /// dictionaries, which follow the news coding guide (modality gives intent,
    /// 03x/13x/02x; that force is violent repression, 175).
    pub act_under_modality: bool,
}

/// All dictionaries the coder uses, before compilation.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Dictionaries {
    /// Named actors.
    pub actors: Vec<ActorEntry>,
    /// Role nouns.
    pub agents: Vec<AgentEntry>,
    /// Verbs with patterns.
    pub verbs: Vec<VerbEntry>,
    /// Synsets by name (without `&`/`@`), each a list of word sequences.
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// The CAMEO code table.
    pub cameo: CameoTable,
    /// Loader-specific behaviour.
    pub semantics: Semantics,
    /// Entries a loader skipped, with file and line (e.g. a malformed date in a
    /// third-party dictionary that the reference coder also ignores).
    pub warnings: Vec<String>,
}

impl Dictionaries {
    /// Loads a directory in the project's own format (see docs/DICTIONARIES.md).
    pub fn load_dir(dir: &Path) -> Result<Dictionaries> {
        own::load_dir(dir)
    }

    /// Loads PETRARCH/TABARI dictionaries from a directory: the files that its
    /// `PETR_config.ini` names, else by file-name convention.
    pub fn load_petrarch(dir: &Path) -> Result<Dictionaries> {
        petrarch::load_dir(dir)
    }

    /// Loads the PETRARCH/TABARI files a [`FileSet`] names, relative to `dir` (what
    /// `herodotus eval petrarch` does with the files a validation record names).
    pub fn load_petrarch_set(dir: &Path, set: &FileSet) -> Result<Dictionaries> {
        petrarch::load_set(dir, set)
    }

    /// The default dictionaries shipped with herodotus (compiled into the binary).
    pub fn builtin() -> Result<Dictionaries> {
        builtin::load()
    }

    /// Loads dictionary files of the project's own format given in memory, as
    /// `(path relative to the dictionary root, contents)`; the path decides the
    /// kind (`cameo.txt`, `agents.txt`, `discards.txt`, `actors/...`, `verbs/...`).
    /// What [`Dictionaries::load_dir`] does after reading the files, and the entry
    /// point of the `dict_own` fuzz target.
    pub fn from_files(files: &[(String, String)]) -> Result<Dictionaries> {
        own::load_files(files)
    }

    /// Reads one PETRARCH/TABARI file of the given kind, given as text, into empty
    /// dictionaries; `file` names it in origins and errors (`file:line: ...`). The
    /// entry point of the `dict_petrarch` fuzz target; [`Dictionaries::load_petrarch`]
    /// reads a whole directory.
    pub fn from_petrarch_text(kind: PetrarchFile, text: &str, file: &str) -> Result<Dictionaries> {
        let file: Arc<str> = Arc::from(file);
        let mut d = Dictionaries::default();
        match kind {
            PetrarchFile::Verbs => petrarch::parse_verbs(text, &file, &mut d)?,
            PetrarchFile::Actors => petrarch::parse_actors(text, &file, &mut d)?,
            PetrarchFile::Agents => petrarch::parse_agents(text, &file, &mut d)?,
            PetrarchFile::Discards => petrarch::parse_discards(text, &file, &mut d)?,
        }
        Ok(d)
    }

    /// Counts of entries, for messages and benchmarks.
    pub fn summary(&self) -> String {
        let patterns: usize = self.verbs.iter().map(|v| v.patterns.len()).sum();
        let people = self
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .count();
        format!(
            "{} actors ({} people), {} agents, {} verbs, {} patterns, {} synsets, {} discards, {} CAMEO codes",
            self.actors.len(),
            people,
            self.agents.len(),
            self.verbs.len(),
            patterns,
            self.synsets.len(),
            self.discards.len(),
            self.cameo.len()
        )
    }
}

/// Generates regular verb forms of a lemma word: (form, participle, gerund).
pub(crate) fn regular_forms(w: &str) -> Vec<(String, bool, bool)> {
    let mut out = vec![(w.to_string(), false, false)];
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 {
        return out;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let last = b[n - 1];
    // third person
    let s = if w.ends_with("s")
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with('o')
    {
        format!("{w}es")
    } else if last == b'y' && n > 1 && !vowel(b[n - 2]) {
        format!("{}ies", &w[..n - 1])
    } else {
        format!("{w}s")
    };
    out.push((s, false, false));
    // past / participle
    let double = n >= 3
        && !vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
        && short_stressed(w);
    let ed = if last == b'e' {
        format!("{w}d")
    } else if last == b'y' && n > 1 && !vowel(b[n - 2]) {
        format!("{}ied", &w[..n - 1])
    } else if double {
        format!("{w}{}ed", last as char)
    } else {
        format!("{w}ed")
    };
    out.push((ed, true, false));
    let ing = if w.ends_with("ie") {
        format!("{}ying", &w[..n - 2])
    } else if last == b'e'
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && n > 2
    {
        format!("{}ing", &w[..n - 1])
    } else if double {
        format!("{w}{}ing", last as char)
    } else {
        format!("{w}ing")
    };
    out.push((ing, false, true));
    // British spelling doubles a final -l after one vowel even unstressed ("travelled",
    // "signalled", "cancelled"); wire copy writes both, so both forms are generated
    // (issue 10, lexicon coverage: the probe's "travelled to China").
    let british_l = last == b'l' && !double && n >= 4 && vowel(b[n - 2]) && !vowel(b[n - 3]);
    if british_l {
        out.push((format!("{w}led"), true, false));
        out.push((format!("{w}ling"), false, true));
    }
    out
}

/// One-syllable words (and a few stressed-final ones) double their final consonant.
fn short_stressed(w: &str) -> bool {
    let vowels = w
        .bytes()
        .filter(|c| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u'))
        .count();
    vowels == 1
        || matches!(
            w,
            "admit"
                | "commit"
                | "submit"
                | "permit"
                | "refer"
                | "prefer"
                | "occur"
                | "regret"
                | "control"
                | "patrol"
                | "compel"
                | "expel"
                | "propel"
                | "rebel"
                | "repel"
                | "dispel"
                | "equip"
                | "acquit"
                | "transfer"
                | "deter"
                | "confer"
                | "omit"
                | "remit"
                | "abet"
                | "embed"
                | "forbid"
                | "extol"
                | "instil"
                | "enrol"
                | "annul"
        )
}

/// Generates noun plurals of a word (for pattern words and synset members).
pub(crate) fn plurals(w: &str) -> Vec<String> {
    let n = w.len();
    let b = w.as_bytes();
    if n < 2 || !w.bytes().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if w.ends_with('s')
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('x')
        || w.ends_with('z')
    {
        vec![format!("{w}es")]
    } else if w.ends_with('y') && !vowel(b[n - 2]) {
        vec![format!("{}ies", &w[..n - 1])]
    } else {
        vec![format!("{w}s")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(w: &str) -> Vec<String> {
        regular_forms(w).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn verb_forms() {
        assert_eq!(
            forms("attack"),
            ["attack", "attacks", "attacked", "attacking"]
        );
        assert_eq!(
            forms("accuse"),
            ["accuse", "accuses", "accused", "accusing"]
        );
        assert_eq!(forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(forms("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(forms("admit"), ["admit", "admits", "admitted", "admitting"]);
        assert_eq!(forms("visit"), ["visit", "visits", "visited", "visiting"]);
        assert_eq!(forms("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(forms("free"), ["free", "frees", "freed", "freeing"]);
        // British -ll- after one unstressed vowel, beside the American forms.
        assert_eq!(
            forms("travel"),
            [
                "travel",
                "travels",
                "traveled",
                "traveling",
                "travelled",
                "travelling"
            ]
        );
        assert_eq!(forms("appeal").len(), 4);
        assert_eq!(forms("expel"), ["expel", "expels", "expelled", "expelling"]);
    }

    #[test]
    fn code_pairs() {
        assert_eq!(CodePair::parse("042:043").unwrap().get(true), Some("043"));
        assert_eq!(CodePair::parse("[190]").unwrap().get(true), Some("190"));
        assert_eq!(CodePair::parse("---").unwrap().get(false), None);
        assert!(CodePair::parse("1 9").is_none());
    }

    #[test]
    fn dated_codes() {
        let d = |s| Date::parse(s);
        let e = ActorEntry {
            name: "X".into(),
            phrases: vec![],
            codes: vec![
                DatedCode {
                    code: "A".into(),
                    from: d("2000-01-01"),
                    to: d("2008-01-01"),
                },
                DatedCode {
                    code: "B".into(),
                    from: None,
                    to: None,
                },
            ],
            kind: ActorKind::Person,
            origin: Origin {
                file: "f".into(),
                line: 1,
            },
        };
        assert_eq!(e.code_at(d("2004-05-05"), false), Some("A"));
        assert_eq!(e.code_at(d("2008-01-01"), false), Some("B"));
        assert_eq!(e.code_at(None, false), Some("B"));
    }
}
