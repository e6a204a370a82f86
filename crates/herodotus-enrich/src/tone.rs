//! Tone in GDELT's sense: the share of words with positive and negative
//! connotation, their difference (tone) and sum (polarity), plus word counts and
//! the density of pronouns (GDELT's self/group reference density).
//!
//! Word polarities come from the VADER lexicon (Hutto & Gilbert 2014) as shipped
//! by the `vader_sentiment` crate (MIT): a word counts as positive when its mean
//! valence is > 0 and negative when < 0. Only the word list is used; no scoring
//! rules, so the measure stays a plain word-count percentage like GDELT's.

use crate::text;
use herodotus_core::FastMap;
use serde::Serialize;

/// Tone of a stretch of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Tone {
    /// `positive - negative`, in percentage points (-100..100; news is mostly -10..10).
    pub tone: f32,
    /// Percentage of words with a positive connotation.
    pub positive: f32,
    /// Percentage of words with a negative connotation.
    pub negative: f32,
    /// `positive + negative`: how emotionally charged the text is.
    pub polarity: f32,
    /// Percentage of words that are personal pronouns (self/group reference density).
    pub pronoun_density: f32,
    /// Number of words.
    pub word_count: usize,
    /// Number of positive words.
    pub positive_words: usize,
    /// Number of negative words.
    pub negative_words: usize,
}

/// A word-polarity lexicon.
pub struct ToneLexicon {
    /// Lower-case word -> valence (a fast hasher: looked up for every word, never
    /// iterated).
    valence: FastMap<String, f32>,
}

const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

impl ToneLexicon {
    /// The VADER lexicon (about 7,500 entries).
    pub fn vader() -> ToneLexicon {
        let valence = vader_sentiment::LEXICON
            .iter()
            .filter(|(k, _)| k.chars().any(char::is_alphabetic))
            .map(|(k, v)| (k.to_string().to_lowercase(), *v as f32))
            .collect();
        ToneLexicon { valence }
    }

    /// A lexicon from `(word, valence)` pairs (tests, custom lexicons).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, f32)>) -> ToneLexicon {
        ToneLexicon {
            valence: pairs
                .into_iter()
                .map(|(w, v)| (w.to_lowercase(), v))
                .collect(),
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.valence.len()
    }

    /// True when the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.valence.is_empty()
    }

    /// The valence of a word (any case, possessive stripped), if listed.
    pub fn valence(&self, word: &str) -> Option<f32> {
        self.valence_lower(&word.to_lowercase())
    }

    /// [`valence`](Self::valence) of a word already in lower case.
    fn valence_lower(&self, lw: &str) -> Option<f32> {
        if let Some(v) = self.valence.get(lw) {
            return Some(*v);
        }
        let bare = text::strip_possessive(lw);
        // Without a possessive to strip, the second look-up would repeat the first.
        (bare.len() != lw.len())
            .then(|| self.valence.get(bare).copied())
            .flatten()
    }

    /// Tone of the words `toks` of `text` (what [`ToneLexicon::tone`] gives on
    /// their span when they are its words).
    pub(crate) fn tone_of_words(&self, text: &str, toks: &[text::Tok]) -> Tone {
        let mut t = Tone::default();
        let mut pronouns = 0usize;
        self.count(text, toks, &mut t, &mut pronouns);
        Self::finish(&mut t, pronouns);
        t
    }

    /// Tone of `text[span]`.
    pub fn tone(&self, text: &str, span: [usize; 2]) -> Tone {
        let mut t = Tone::default();
        let mut pronouns = 0usize;
        // Tokens are read a chunk at a time (chunks end at white space, which no
        // token crosses): a whole 50 MB text tokenised at once took 240 MB.
        let [mut from, to] = text::clamp(text, span);
        let mut toks = Vec::new();
        while from < to {
            let mut end = (from + CHUNK).min(to);
            while !text.is_char_boundary(end) {
                end += 1;
            }
            if end < to {
                end = safe_cut(text, end, to);
            }
            toks.clear();
            toks.extend(text::tokens(text, [from, end]));
            from = end;
            self.count(text, &toks, &mut t, &mut pronouns);
        }
        Self::finish(&mut t, pronouns);
        t
    }

    /// Percentages from the counts.
    fn finish(t: &mut Tone, pronouns: usize) {
        if t.word_count > 0 {
            let n = t.word_count as f32;
            t.positive = 100.0 * t.positive_words as f32 / n;
            t.negative = 100.0 * t.negative_words as f32 / n;
            t.polarity = t.positive + t.negative;
            t.tone = t.positive - t.negative;
            t.pronoun_density = 100.0 * pronouns as f32 / n;
        }
    }

    fn count(&self, text: &str, toks: &[text::Tok], t: &mut Tone, pronouns: &mut usize) {
        let mut lw = String::new();
        for tok in toks {
            if !tok.is_word() {
                continue;
            }
            let w = tok.s(text);
            if !w.chars().any(char::is_alphabetic) {
                t.word_count += 1;
                continue;
            }
            t.word_count += 1;
            // Lower case once, into a buffer kept across words (`to_lowercase` of
            // an ASCII word is its ASCII lower case; `to_lowercase` is idempotent,
            // so the look-up gets what `valence` would make of it).
            lw.clear();
            if w.is_ascii() {
                lw.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lw.push_str(&w.to_lowercase());
            }
            if PRONOUNS.contains(&lw.as_str()) {
                *pronouns += 1;
            }
            match self.valence_lower(&lw) {
                Some(v) if v > 0.0 => t.positive_words += 1,
                Some(v) if v < 0.0 => t.negative_words += 1,
                _ => {}
            }
        }
    }
}

/// Bytes of text tokenised at a time by [`ToneLexicon::tone`].
const CHUNK: usize = 64 * 1024;

/// The first offset at or after `at` (a char boundary) where no token is cut:
/// before white space, or between two characters that are not word characters
/// (a word's inner `'`, `-`, `.` sit between word characters).
fn safe_cut(text: &str, at: usize, to: usize) -> usize {
    let mut prev = text[..at].chars().next_back();
    for (i, c) in text[at..to].char_indices() {
        if c.is_whitespace() || !(prev.is_some_and(text::is_word_char) || text::is_word_char(c)) {
            return at + i;
        }
        prev = Some(c);
    }
    to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_of_a_long_text_equals_the_sum_of_its_chunks() {
        let lex = ToneLexicon::vader();
        // Words straddle every chunk boundary; the counts must not change.
        let piece = "The brutal attack killed civilians, but talks brought hope and relief. ";
        let text = piece.repeat(3 * CHUNK / piece.len() + 7);
        let whole = lex.tone(&text, [0, text.len()]);
        let one = lex.tone(piece, [0, piece.len()]);
        let reps = text.len() / piece.len();
        assert_eq!(whole.word_count, one.word_count * reps);
        assert_eq!(whole.positive_words, one.positive_words * reps);
        assert_eq!(whole.negative_words, one.negative_words * reps);
        assert!((whole.tone - one.tone).abs() < 1e-3);
        // No white space at all: cut between punctuation, never inside a word.
        let text = "bad!!!".repeat(CHUNK / 2);
        let t = lex.tone(&text, [0, text.len()]);
        assert_eq!(t.word_count, CHUNK / 2);
        assert_eq!(t.negative_words, CHUNK / 2);
    }

    #[test]
    fn counts_percentages() {
        let lex = ToneLexicon::from_pairs([("good", 1.9), ("war", -2.9), ("killed", -3.5)]);
        let text = "War killed many; it was not good. Fine.";
        let t = lex.tone(text, [0, text.len()]);
        assert_eq!(t.word_count, 8);
        assert_eq!((t.positive_words, t.negative_words), (1, 2));
        assert!((t.tone - (12.5 - 25.0)).abs() < 1e-4);
        assert!((t.polarity - 37.5).abs() < 1e-4);
        assert!((t.pronoun_density - 12.5).abs() < 1e-4);
    }

    #[test]
    fn vader_lexicon_loads_and_scores_news() {
        let lex = ToneLexicon::vader();
        assert!(lex.len() > 7000);
        let neg = "Rebels attacked the town, killing dozens in a brutal massacre.";
        let pos = "The leaders welcomed the peace agreement and praised the cooperation.";
        assert!(lex.tone(neg, [0, neg.len()]).tone < 0.0);
        assert!(lex.tone(pos, [0, pos.len()]).tone > 0.0);
        let empty = lex.tone("", [0, 0]);
        assert_eq!(empty, Tone::default());
    }
}
