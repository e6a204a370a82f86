//! The document: an article analysed once. The text is kept once (borrowed from the
//! [`Article`]); sentences, windows and tokens are spans into it; every later stage
//! reads the same tokens instead of splitting and tokenising again.
//!
//! A [`Doc`] is built by [`Doc::build`] (sentences, windows, tokens), annotated by a
//! parser when one runs ([`Annotation`]: lemma, UPOS, head, dependency label), and
//! coded by [`Coder::code_doc`](crate::Coder::code_doc), which fills its actor
//! [`mentions`](Doc::mentions). [`Coder::code_article`](crate::Coder::code_article)
//! does all of it for one article.
//!
//! Long sentences are cut into windows by the caps of
//! [`crate::coder::caps`] when the document is built, so the work per window is
//! bounded; an article with more than [`MAX_ARTICLE_TOKENS`] tokens is analysed up to
//! that point and the rest reported, so memory stays bounded too.

use crate::article::Article;
use crate::coder::caps::{byte_windows, Budget, Caps, Interrupted};
use crate::coder::Mention;
use crate::sentences;
use crate::syntax::{DepRel, Upos};
use crate::tokens::{tokenize_into, Token};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Most tokens analysed per article; the rest of the article is reported, not coded.
pub const MAX_ARTICLE_TOKENS: usize = 1_000_000;

/// A byte span `[start, end)` into the article text. It serialises as `[start, end]`
/// (the form every output uses) and converts to and from `[usize; 2]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The spanned text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// As `[start, end]`.
    pub fn to_array(self) -> [usize; 2] {
        [self.start, self.end]
    }
}

impl Mention {
    /// A mention of an actor: its sentence, byte span in the article text, the
    /// actor code resolved for the article date, the entry's canonical name and its
    /// kind. (Here rather than in `coder/`, next to the [`Doc`] that holds the
    /// mentions; other crates build mentions this way: `Mention` is
    /// `#[non_exhaustive]`.)
    pub fn new(
        sentence_index: usize,
        span: [usize; 2],
        code: Option<String>,
        name: impl Into<String>,
        kind: crate::dict::ActorKind,
    ) -> Mention {
        Mention {
            sentence_index,
            span,
            code,
            name: name.into(),
            kind,
        }
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1])
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        s.to_array()
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_array().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        <[usize; 2]>::deserialize(d).map(Span::from)
    }
}

/// Syntax of one token, filled by a parser (all `None` until one has run).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Annotation {
    /// Lemma ("strike", "kill").
    pub lemma: Option<String>,
    /// Universal part-of-speech tag.
    pub upos: Option<Upos>,
    /// Index of the head token in [`Doc::tokens`]; `None` for a root (or unparsed).
    pub head: Option<usize>,
    /// Dependency label.
    pub deprel: Option<DepRel>,
}

/// A piece of a sentence coded as one unit: the whole sentence, or a window of a
/// long one (see [`crate::coder::caps`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Window {
    /// Byte span: the sentence's own span for a whole sentence.
    pub span: Span,
    /// Its tokens: a range of [`Doc::tokens`].
    pub tokens: Range<usize>,
}

/// One sentence of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sentence {
    /// Byte span in the text.
    pub span: Span,
    /// Its windows, in order (one for a sentence within the caps; none when the
    /// article token cap was reached before it).
    pub windows: Vec<Window>,
    /// Longer than the byte cap: cut into byte windows.
    pub split_bytes: bool,
    /// A byte window had more tokens than the token cap: cut into token windows.
    pub split_tokens: bool,
    /// Not analysed: the article token cap was reached.
    pub skipped: bool,
    /// Analysed only in part: the article token cap was reached inside it (a single
    /// huge line), so its later windows were not tokenised.
    pub truncated: bool,
}

impl Sentence {
    /// The token range of the whole sentence.
    pub fn tokens(&self) -> Range<usize> {
        match (self.windows.first(), self.windows.last()) {
            (Some(a), Some(b)) => a.tokens.start..b.tokens.end,
            _ => 0..0,
        }
    }
}

/// An article analysed once.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Doc<'a> {
    /// The article (its text is the only copy of the text).
    pub article: &'a Article,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Every token of the article, in text order.
    pub tokens: Vec<Token>,
    /// One per token once a parser has run; empty before.
    pub annotations: Vec<Annotation>,
    /// Actor mentions, filled by the coder.
    pub mentions: Vec<Mention>,
}

impl<'a> Doc<'a> {
    /// Splits and tokenises an article once, cutting long sentences into windows by
    /// `caps`; checks `budget` between sentences and before each byte window.
    pub fn build(
        article: &'a Article,
        caps: &Caps,
        budget: &Budget,
    ) -> Result<Doc<'a>, Interrupted> {
        let text = article.text.as_str();
        let mut doc = Doc {
            article,
            sentences: Vec::new(),
            tokens: Vec::new(),
            annotations: Vec::new(),
            mentions: Vec::new(),
        };
        let step = caps.sentence_tokens.max(1);
        let mut full = false;
        for span in sentences::split(text) {
            let mut s = Sentence {
                span: span.into(),
                windows: Vec::new(),
                split_bytes: false,
                split_tokens: false,
                skipped: full,
                truncated: false,
            };
            if full {
                doc.sentences.push(s);
                continue;
            }
            budget.check(doc.tokens.len(), 0)?;
            let pieces = byte_windows(text, span, caps.sentence_bytes);
            s.split_bytes = pieces.len() > 1;
            let whole = pieces.len() == 1;
            for w in pieces {
                // The article cap holds inside one sentence too: a 50 MB line is one
                // "sentence" of millions of tokens.
                if doc.tokens.len() >= MAX_ARTICLE_TOKENS {
                    s.truncated = true;
                    break;
                }
                let first = doc.tokens.len();
                // Tokenise into the document directly; the allowance is checked on
                // the window's byte length first so a huge line is not tokenised whole.
                budget.check(first, 0)?;
                tokenize_into(text, w, &mut doc.tokens);
                let n = doc.tokens.len() - first;
                budget.check(first, n)?;
                s.split_tokens |= n > step;
                let whole = whole && n <= step;
                for k in (0..n.max(1)).step_by(step) {
                    let m = (n - k.min(n)).min(step);
                    let toks = first + k..first + k + m;
                    let span = if whole || m == 0 {
                        Span::from(span)
                    } else {
                        Span::new(doc.tokens[toks.start].start, doc.tokens[toks.end - 1].end)
                    };
                    s.windows.push(Window { span, tokens: toks });
                }
            }
            if doc.tokens.len() >= MAX_ARTICLE_TOKENS {
                full = true;
            }
            doc.sentences.push(s);
        }
        Ok(doc)
    }

    /// The article text.
    pub fn text(&self) -> &'a str {
        self.article.text.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "d".into(),
            text: text.into(),
            ..Article::default()
        }
    }

    #[test]
    fn span_round_trips_as_an_array() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        assert_eq!(serde_json::from_str::<Span>("[3,9]").unwrap(), s);
        assert_eq!(<[usize; 2]>::from(s), [3, 9]);
        assert_eq!(s.text("abcdefghijk"), "defghi");
        assert_eq!(s.len(), 6);
    }

    #[test]
    fn tokens_once_sentences_and_windows_cover_them() {
        let a = article("Russia attacked Ukraine. China praised Kenya.");
        let d = Doc::build(&a, &Caps::default(), &Budget::unlimited()).unwrap();
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[0].windows.len(), 1);
        assert_eq!(d.sentences[0].windows[0].span, d.sentences[0].span);
        assert_eq!(d.sentences[0].tokens(), 0..4);
        assert_eq!(d.sentences[1].tokens(), 4..8);
        assert_eq!(d.tokens.len(), 8);
        assert_eq!(d.tokens[5].norm, "praised");
        assert!(d.annotations.is_empty() && d.mentions.is_empty());
    }

    #[test]
    fn a_long_sentence_is_cut_into_bounded_windows() {
        let text = "Gondor and Rohan ".repeat(2_000);
        let a = article(&text);
        let caps = Caps::default();
        let d = Doc::build(&a, &caps, &Budget::unlimited()).unwrap();
        let s = &d.sentences[0];
        assert!(s.split_bytes && s.split_tokens);
        assert!(s
            .windows
            .iter()
            .all(|w| w.tokens.len() <= caps.sentence_tokens));
        assert_eq!(s.tokens(), 0..d.tokens.len());
        for pair in s.windows.windows(2) {
            assert_eq!(pair[0].tokens.end, pair[1].tokens.start);
        }
    }

    #[test]
    fn the_budget_stops_the_build() {
        let text = "Gondor and Rohan ".repeat(2_000);
        let a = article(&text);
        let r = Doc::build(
            &a,
            &Caps::default(),
            &Budget::unlimited().with_max_tokens(100),
        );
        assert_eq!(r.err(), Some(Interrupted::Tokens { limit: 100 }));
    }
}
