//! Caps and the work budget: what keeps coding linear in its input.
//!
//! Every cap is a constant here, copied into [`Caps`] (part of
//! [`CoderOptions`](super::CoderOptions)) so a caller such as the server can tighten
//! them. What happens at each cap:
//!
//! | cap | default | when exceeded |
//! |---|---|---|
//! | [`MAX_SENTENCE_BYTES`] | 8,192 | the sentence is coded in byte windows cut at white space |
//! | [`MAX_SENTENCE_TOKENS`] | 400 | the window is coded in token windows of this size |
//! | [`MAX_MENTIONS`] | 64 | later actor mentions of the window are ignored |
//! | [`MAX_COMPOUND`] | 8 | a source or target list of more actors codes no event |
//! | [`MAX_EVENTS`] | 32 | later events of the window are dropped |
//! | [`MAX_EVENT_SENTENCE_BYTES`] | 1,024 | `Event::sentence` is cut (at a character boundary); `sentence_span` stays whole |
//! | [`MAX_ARTICLE_EVENTS`] | 5,000 | later events of the article are dropped |
//! | [`MAX_ARTICLE_MENTIONS`] | 20,000 | later mentions are used for coding but not kept in `CodedArticle::mentions` |
//!
//! Each cap that bites is recorded once per sentence as a [`LimitHit`] in
//! [`CodedArticle::limits`](super::CodedArticle::limits), so the caller can warn with
//! the record id: nothing is dropped silently.
//!
//! A window is coded like a sentence of its own (discards, mentions, verbs, clause
//! bounds all stop at its edges), and its events carry the window's span and text.
//! With these caps the work per window is bounded by a constant, so the work per
//! article is linear in its length, and so is the output.
//!
//! Compounds: a list of more than [`MAX_COMPOUND`] actors on either side of a verb
//! ("A, B, C, ... and K signed") is skipped rather than coded as one group event.
//! There is no CAMEO code for an ad-hoc group, and pairing every member with every
//! other is both quadratic and, for such lists, almost always wrong (they are
//! attendance lists, not dyads).
//!
//! [`Budget`] is the cooperative part: a deadline, a cancel flag and a token
//! allowance, checked between sentences and windows by
//! [`Coder::code_article_within`](super::Coder::code_article_within).

use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Longest sentence coded in one piece, in bytes.
pub const MAX_SENTENCE_BYTES: usize = 8_192;
/// Most tokens coded as one sentence (one window).
pub const MAX_SENTENCE_TOKENS: usize = 400;
/// Most actor mentions per window.
pub const MAX_MENTIONS: usize = 64;
/// Most actors in a compound (a list joined by commas or "and") that is coded.
pub const MAX_COMPOUND: usize = 8;
/// Most events per window.
pub const MAX_EVENTS: usize = 32;
/// Longest `Event::sentence` text, in bytes.
pub const MAX_EVENT_SENTENCE_BYTES: usize = 1_024;
/// Most events per article.
pub const MAX_ARTICLE_EVENTS: usize = 5_000;
/// Most mentions kept per article.
pub const MAX_ARTICLE_MENTIONS: usize = 20_000;

/// The caps in force (defaults: the constants of this module).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Caps {
    /// See [`MAX_SENTENCE_BYTES`].
    pub sentence_bytes: usize,
    /// See [`MAX_SENTENCE_TOKENS`].
    pub sentence_tokens: usize,
    /// See [`MAX_MENTIONS`].
    pub mentions: usize,
    /// See [`MAX_COMPOUND`].
    pub compound: usize,
    /// See [`MAX_EVENTS`].
    pub events: usize,
    /// See [`MAX_EVENT_SENTENCE_BYTES`].
    pub event_sentence_bytes: usize,
    /// See [`MAX_ARTICLE_EVENTS`].
    pub article_events: usize,
    /// See [`MAX_ARTICLE_MENTIONS`].
    pub article_mentions: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            sentence_bytes: MAX_SENTENCE_BYTES,
            sentence_tokens: MAX_SENTENCE_TOKENS,
            mentions: MAX_MENTIONS,
            compound: MAX_COMPOUND,
            events: MAX_EVENTS,
            event_sentence_bytes: MAX_EVENT_SENTENCE_BYTES,
            article_events: MAX_ARTICLE_EVENTS,
            article_mentions: MAX_ARTICLE_MENTIONS,
        }
    }
}

/// Which cap bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The sentence was longer than `sentence_bytes` and was coded in byte windows.
    SentenceBytes,
    /// A window had more than `sentence_tokens` tokens and was coded in token windows.
    SentenceTokens,
    /// A window had more than `mentions` actor mentions.
    Mentions,
    /// A compound of more than `compound` actors was skipped.
    Compound,
    /// A window had more than `events` events.
    Events,
    /// The article reached `article_events` events.
    ArticleEvents,
    /// The article reached `article_mentions` kept mentions.
    ArticleMentions,
    /// The article has more tokens than [`crate::doc::MAX_ARTICLE_TOKENS`]: the
    /// rest is not analysed.
    ArticleTokens,
}

/// A cap that bit, once per sentence and kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LimitHit {
    /// Index of the sentence.
    pub sentence_index: usize,
    /// Which cap.
    pub limit: Limit,
    /// The cap's value.
    pub cap: usize,
}

impl std::fmt::Display for LimitHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (s, cap) = (self.sentence_index, self.cap);
        match self.limit {
            Limit::SentenceBytes => write!(
                f,
                "sentence {s} is longer than {cap} bytes: coded in windows"
            ),
            Limit::SentenceTokens => write!(
                f,
                "sentence {s} has more than {cap} tokens: coded in windows of {cap}"
            ),
            Limit::Mentions => write!(
                f,
                "sentence {s} has more than {cap} actor mentions in a window: the rest ignored"
            ),
            Limit::Compound => write!(
                f,
                "sentence {s} lists more than {cap} actors as one side of an event: not coded"
            ),
            Limit::Events => write!(
                f,
                "sentence {s} gives more than {cap} events in a window: the rest dropped"
            ),
            Limit::ArticleEvents => write!(
                f,
                "article reached {cap} events at sentence {s}: the rest dropped"
            ),
            Limit::ArticleTokens => write!(
                f,
                "article reached {cap} tokens at sentence {s}: the rest not coded"
            ),
            Limit::ArticleMentions => write!(
                f,
                "article reached {cap} actor mentions at sentence {s}: the rest not listed"
            ),
        }
    }
}

/// A cooperative work budget for one article: checked between sentences and
/// windows, so a caller can stop coding for real (a server timeout, a cancelled
/// request). The default is unlimited.
#[derive(Clone, Debug, Default)]
pub struct Budget {
    deadline: Option<Instant>,
    cancel: Option<Arc<AtomicBool>>,
    max_tokens: Option<usize>,
}

impl Budget {
    /// No limit: what [`Coder::code_article`](super::Coder::code_article) uses.
    pub fn unlimited() -> Budget {
        Budget::default()
    }

    /// Stops at `deadline`.
    pub fn with_deadline(mut self, deadline: Instant) -> Budget {
        self.deadline = Some(deadline);
        self
    }

    /// Stops `timeout` from now.
    pub fn with_timeout(self, timeout: Duration) -> Budget {
        self.with_deadline(Instant::now() + timeout)
    }

    /// Stops when `flag` becomes true (set it from another thread).
    pub fn with_cancel(mut self, flag: Arc<AtomicBool>) -> Budget {
        self.cancel = Some(flag);
        self
    }

    /// Stops before coding more than `tokens` tokens in the article.
    pub fn with_max_tokens(mut self, tokens: usize) -> Budget {
        self.max_tokens = Some(tokens);
        self
    }

    /// Whether work may go on, given the tokens handled so far and those about to be
    /// (for other stages that share the budget).
    pub fn check(&self, used: usize, next: usize) -> Result<(), Interrupted> {
        if let Some(max) = self.max_tokens {
            if used + next > max {
                return Err(Interrupted::Tokens { limit: max });
            }
        }
        if self
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
        {
            return Err(Interrupted::Cancelled);
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(Interrupted::Deadline);
        }
        Ok(())
    }
}

/// Why coding stopped before the end of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Interrupted {
    /// The deadline passed.
    Deadline,
    /// The cancel flag was set.
    Cancelled,
    /// The article has more tokens than the budget allows.
    Tokens {
        /// The token allowance.
        limit: usize,
    },
}

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Interrupted::Deadline => write!(f, "coding stopped: time budget exhausted"),
            Interrupted::Cancelled => write!(f, "coding stopped: cancelled"),
            Interrupted::Tokens { limit } => {
                write!(f, "coding stopped: more than {limit} tokens")
            }
        }
    }
}

impl std::error::Error for Interrupted {}

/// Byte windows of at most `max` bytes covering `span`, cut after white space
/// where there is some (else at a character boundary).
pub(crate) fn byte_windows(text: &str, span: [usize; 2], max: usize) -> Vec<[usize; 2]> {
    let max = max.max(4);
    let mut out = Vec::with_capacity((span[1] - span[0]) / max + 1);
    let mut start = span[0];
    while span[1] - start > max {
        let mut cut = start + max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer the last white space in the second half of the window.
        let lo = start + max / 2;
        if let Some(ws) = text.as_bytes()[lo..cut]
            .iter()
            .rposition(|b| b.is_ascii_whitespace())
        {
            cut = lo + ws + 1;
        }
        out.push([start, cut]);
        start = cut;
    }
    if start < span[1] || out.is_empty() {
        out.push([start, span[1]]);
    }
    out
}

/// `s` cut to at most `max` bytes at a character boundary.
pub(super) fn cut_text(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_windows_cover_the_span_and_respect_the_cap() {
        let text = "Gondor and Rohan ".repeat(1000) + "\u{e9}\u{e9}\u{e9}";
        let w = byte_windows(&text, [0, text.len()], 100);
        assert_eq!(w[0][0], 0);
        assert_eq!(w.last().unwrap()[1], text.len());
        for pair in w.windows(2) {
            assert_eq!(pair[0][1], pair[1][0]);
        }
        for x in &w {
            assert!(x[1] - x[0] <= 100);
            assert!(text.is_char_boundary(x[0]) && text.is_char_boundary(x[1]));
        }
        // Cut after white space, never inside a word.
        assert!(w[..w.len() - 1]
            .iter()
            .all(|x| text.as_bytes()[x[1] - 1] == b' '));
        // No white space at all: still bounded, still on character boundaries.
        let solid = "\u{e9}".repeat(301);
        let w = byte_windows(&solid, [0, solid.len()], 101);
        assert!(w.iter().all(|x| x[1] - x[0] <= 101 && x[1] > x[0]));
        assert_eq!(w.last().unwrap()[1], solid.len());
        // A short span is one window, an empty one too.
        assert_eq!(byte_windows("abc", [0, 3], 100), vec![[0, 3]]);
        assert_eq!(byte_windows("abc", [1, 1], 100), vec![[1, 1]]);
    }

    #[test]
    fn cut_text_stops_at_a_character_boundary() {
        assert_eq!(cut_text("abc", 10), "abc");
        assert_eq!(cut_text("a\u{e9}b", 2), "a");
        assert_eq!(cut_text("a\u{e9}b", 3), "a\u{e9}");
    }

    #[test]
    fn budget_stops_on_tokens_cancel_and_deadline() {
        assert!(Budget::unlimited().check(1 << 40, 1 << 40).is_ok());
        let b = Budget::unlimited().with_max_tokens(10);
        assert!(b.check(5, 5).is_ok());
        assert_eq!(b.check(5, 6), Err(Interrupted::Tokens { limit: 10 }));
        let flag = Arc::new(AtomicBool::new(false));
        let b = Budget::unlimited().with_cancel(flag.clone());
        assert!(b.check(0, 0).is_ok());
        flag.store(true, Ordering::Relaxed);
        assert_eq!(b.check(0, 0), Err(Interrupted::Cancelled));
        let b = Budget::unlimited().with_deadline(Instant::now());
        assert_eq!(b.check(0, 0), Err(Interrupted::Deadline));
    }
}
