//! The one list of speech verbs, used by the coder (speech verbs, evaluative
//! content) and by the quote and speaker finders of herodotus-enrich.
//!
//! Each row is a word form with its lemma and the uses it serves. A use is a class
//! of construction, not a record: a form joins a use only when it reads that way in
//! general news text ("said" tags a quotation and introduces reported speech;
//! "saying" introduces content but never tags a quotation on its own).

/// The dictionary lemma is a speech verb: the coder does not carry its subject into
/// the clause it introduces, and does not code it when an event verb follows.
/// Matched against a verb's dictionary lemma (so the row's form is a lemma).
pub const REPORTS: u8 = 1;
/// Introduces content whose evaluation the coder codes ("said the move was
/// illegal" → 112).
pub const CONTENT: u8 = 2;
/// A finite verb that tags a quotation or reported speech and names its speaker
/// (`"...," X said`, `X told reporters: "..."`).
pub const TAG: u8 = 4;
/// Introduces indirect speech (`X said (that) ...`, `X believes ...`).
pub const INDIRECT: u8 = 8;

/// One form of a speech verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SpeechForm {
    /// The form, lower case ("said").
    pub form: &'static str,
    /// Its lemma ("say").
    pub lemma: &'static str,
    /// Uses: [`REPORTS`], [`CONTENT`], [`TAG`], [`INDIRECT`] or'ed together.
    pub uses: u8,
}

impl SpeechForm {
    const fn new(form: &'static str, lemma: &'static str, uses: u8) -> SpeechForm {
        SpeechForm { form, lemma, uses }
    }
}

/// Every speech-verb form the engine knows, grouped by lemma.
pub const SPEECH_VERBS: &[SpeechForm] = &[
    SpeechForm::new("say", "say", REPORTS | CONTENT | TAG | INDIRECT),
    SpeechForm::new("says", "say", REPORTS | CONTENT | TAG | INDIRECT),
    SpeechForm::new("said", "say", CONTENT | TAG | INDIRECT),
    SpeechForm::new("saying", "say", CONTENT),
    SpeechForm::new("tell", "tell", REPORTS),
    SpeechForm::new("told", "tell", CONTENT | TAG | INDIRECT),
    SpeechForm::new("tells", "tell", CONTENT | TAG | INDIRECT),
    SpeechForm::new("announce", "announce", REPORTS),
    SpeechForm::new("announced", "announce", TAG | INDIRECT),
    SpeechForm::new("announces", "announce", TAG | INDIRECT),
    SpeechForm::new("state", "state", REPORTS),
    SpeechForm::new("stated", "state", CONTENT | TAG | INDIRECT),
    SpeechForm::new("states", "state", TAG),
    SpeechForm::new("claim", "claim", REPORTS),
    SpeechForm::new("claimed", "claim", TAG | INDIRECT),
    SpeechForm::new("claims", "claim", TAG | INDIRECT),
    SpeechForm::new("add", "add", REPORTS),
    SpeechForm::new("added", "add", CONTENT | TAG | INDIRECT),
    SpeechForm::new("adds", "add", TAG | INDIRECT),
    SpeechForm::new("insist", "insist", REPORTS),
    SpeechForm::new("insisted", "insist", CONTENT | TAG | INDIRECT),
    SpeechForm::new("insists", "insist", TAG | INDIRECT),
    SpeechForm::new("report", "report", REPORTS),
    SpeechForm::new("reported", "report", TAG),
    SpeechForm::new("note", "note", REPORTS),
    SpeechForm::new("noted", "note", CONTENT | TAG | INDIRECT),
    SpeechForm::new("notes", "note", TAG),
    SpeechForm::new("believe", "believe", REPORTS),
    SpeechForm::new("believes", "believe", INDIRECT),
    SpeechForm::new("declare", "declare", REPORTS),
    SpeechForm::new("declared", "declare", CONTENT | TAG | INDIRECT),
    SpeechForm::new("stress", "stress", REPORTS),
    SpeechForm::new("stressed", "stress", CONTENT | TAG | INDIRECT),
    SpeechForm::new("stresses", "stress", TAG),
    SpeechForm::new("confirm", "confirm", REPORTS),
    SpeechForm::new("confirmed", "confirm", TAG | INDIRECT),
    SpeechForm::new("argue", "argue", REPORTS),
    SpeechForm::new("argued", "argue", CONTENT | TAG | INDIRECT),
    SpeechForm::new("argues", "argue", TAG | INDIRECT),
    SpeechForm::new("assert", "assert", REPORTS),
    SpeechForm::new("asserted", "assert", CONTENT),
    SpeechForm::new("maintain", "maintain", REPORTS),
    SpeechForm::new("maintained", "maintain", CONTENT | TAG | INDIRECT),
    SpeechForm::new("suggest", "suggest", REPORTS),
    SpeechForm::new("suggested", "suggest", TAG | INDIRECT),
    SpeechForm::new("indicate", "indicate", REPORTS),
    SpeechForm::new("explain", "explain", REPORTS),
    SpeechForm::new("explained", "explain", TAG | INDIRECT),
    SpeechForm::new("reiterate", "reiterate", REPORTS),
    SpeechForm::new("reiterated", "reiterate", TAG | INDIRECT),
    SpeechForm::new("remark", "remark", REPORTS),
    SpeechForm::new("remarked", "remark", TAG),
    SpeechForm::new("write", "write", REPORTS),
    SpeechForm::new("wrote", "write", TAG | INDIRECT),
    SpeechForm::new("writes", "write", TAG),
    SpeechForm::new("think", "think", REPORTS),
    SpeechForm::new("warned", "warn", TAG | INDIRECT),
    SpeechForm::new("warns", "warn", TAG | INDIRECT),
    SpeechForm::new("tweeted", "tweet", TAG | INDIRECT),
    SpeechForm::new("posted", "post", TAG),
    SpeechForm::new("replied", "reply", TAG),
    SpeechForm::new("responded", "respond", TAG),
    SpeechForm::new("continued", "continue", TAG),
    SpeechForm::new("acknowledged", "acknowledge", TAG | INDIRECT),
    SpeechForm::new("admitted", "admit", TAG | INDIRECT),
    SpeechForm::new("conceded", "concede", TAG | INDIRECT),
    SpeechForm::new("cautioned", "caution", TAG | INDIRECT),
    SpeechForm::new("urged", "urge", TAG),
    SpeechForm::new("vowed", "vow", TAG),
    SpeechForm::new("pledged", "pledge", TAG),
    SpeechForm::new("predicted", "predict", TAG | INDIRECT),
    SpeechForm::new("complained", "complain", TAG),
    SpeechForm::new("recalled", "recall", TAG),
    SpeechForm::new("observed", "observe", TAG),
    SpeechForm::new("asked", "ask", TAG),
    SpeechForm::new("asks", "ask", TAG),
    SpeechForm::new("answered", "answer", TAG),
    SpeechForm::new("shouted", "shout", TAG),
    SpeechForm::new("emphasised", "emphasise", TAG | INDIRECT),
    SpeechForm::new("emphasized", "emphasize", TAG | INDIRECT),
    SpeechForm::new("concluded", "conclude", TAG),
    SpeechForm::new("contended", "contend", TAG | INDIRECT),
    SpeechForm::new("countered", "counter", TAG | INDIRECT),
    SpeechForm::new("quipped", "quip", TAG),
    SpeechForm::new("joked", "joke", TAG),
    SpeechForm::new("lamented", "lament", TAG),
    SpeechForm::new("boasted", "boast", TAG),
    SpeechForm::new("underlined", "underline", TAG),
    SpeechForm::new("underscored", "underscore", TAG),
    SpeechForm::new("alleged", "allege", TAG | INDIRECT),
    SpeechForm::new("affirmed", "affirm", TAG),
    SpeechForm::new("mused", "muse", TAG),
    SpeechForm::new("whispered", "whisper", TAG),
    SpeechForm::new("testified", "testify", TAG),
    SpeechForm::new("demanded", "demand", TAG),
    SpeechForm::new("promised", "promise", TAG),
    // Tags of manner that name who spoke a quotation ("“Enough!” the crowd chanted",
    // "“Never,” she retorted"); they introduce no reported event of their own.
    SpeechForm::new("chanted", "chant", TAG),
    SpeechForm::new("yelled", "yell", TAG),
    SpeechForm::new("screamed", "scream", TAG),
    SpeechForm::new("exclaimed", "exclaim", TAG),
    SpeechForm::new("retorted", "retort", TAG),
    SpeechForm::new("snapped", "snap", TAG),
    SpeechForm::new("pleaded", "plead", TAG),
    SpeechForm::new("texted", "text", TAG),
    SpeechForm::new("emailed", "email", TAG),
    SpeechForm::new("explains", "explain", TAG),
    SpeechForm::new("recalls", "recall", TAG),
];

/// The uses of a lower-case form (0 for a word that is not listed).
fn uses_of(lower: &str) -> u8 {
    static INDEX: std::sync::OnceLock<crate::matcher::FastMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| SPEECH_VERBS.iter().map(|r| (r.form, r.uses)).collect());
    index.get(lower).copied().unwrap_or(0)
}

/// True when `word` (any case) is a form listed for one of the uses in `use_`.
pub fn is_speech(word: &str, use_: u8) -> bool {
    let uses = if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        uses_of(&word.to_lowercase())
    } else {
        uses_of(word)
    };
    uses & use_ != 0
}

/// The lemma of a listed form ("told" → "tell").
pub fn lemma_of(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    SPEECH_VERBS.iter().find(|r| r.form == w).map(|r| r.lemma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_unique_lower_case_and_serve_some_use() {
        let mut seen = std::collections::HashSet::new();
        for r in SPEECH_VERBS {
            assert!(seen.insert(r.form), "{} listed twice", r.form);
            assert_eq!(r.form, r.form.to_lowercase());
            assert!(r.uses != 0 && r.uses < 16, "{}", r.form);
        }
    }

    #[test]
    fn uses_by_construction() {
        // A finite "said" tags a quotation, introduces indirect speech and content.
        for u in [TAG, INDIRECT, CONTENT] {
            assert!(is_speech("said", u));
            assert!(is_speech("Said", u));
        }
        // The coder's speech lemmas are lemmas.
        assert!(is_speech("say", REPORTS) && is_speech("tell", REPORTS));
        assert!(!is_speech("said", REPORTS));
        // A participle introduces content but does not tag a quotation.
        assert!(is_speech("saying", CONTENT) && !is_speech("saying", TAG));
        // Not speech.
        assert!(!is_speech("attacked", TAG | INDIRECT | CONTENT | REPORTS));
        assert_eq!(lemma_of("Told"), Some("tell"));
        assert_eq!(lemma_of("attacked"), None);
    }
}
