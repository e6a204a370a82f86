//! The [`Coder`]: compiled dictionaries plus the per-article coding pipeline.
//!
//! # The algorithm
//!
//! [`Coder::with_options`] compiles the [`Dictionaries`] once ([`compile`]): every
//! phrase becomes a sequence of word ids in a [`Vocab`]; actors and agents go into one
//! [`PhraseTrie`], discards into another; each verb's generated forms are indexed by
//! their first word id, and its patterns are compiled into two element lists (those
//! before the verb, reversed so they match right to left, and those after it).
//!
//! Then, per article, per sentence (in text order):
//!
//! 1. **Tokens** (`crate::tokens`), each with a word id.
//! 2. **Discards** ([`mentions`]): a story discard drops the whole article (no events,
//!    `discarded` set); a sentence discard skips the sentence.
//! 3. **Actor mentions** ([`mentions`]): longest dictionary match at each token; on a
//!    tie an actor beats an agent, then load order. Agents are composed with the actor
//!    next to them ("Russian troops", "the foreign minister of Russia", "lawmakers in
//!    A and B", "Russian President Vladimir Putin" as one mention). Pronouns and a
//!    definite bare agent ("the minister") take the last fitting actor of the article.
//! 4. **Verb candidates** ([`verbs`]): at each token outside a mention, the longest
//!    verb form starting there; a form that reads as a noun (after a determiner or a
//!    possessive, "a US attack", a number) is skipped.
//! 5. **Per verb** ([`clause`], [`pattern`], [`emit`]):
//!    - the clause: from the last boundary word (`;`, "but", "which", a quote, ...)
//!      before the verb to the next one after it; flags for passive ("was" +
//!      participle, not after "has"), negation ("not", "failed to"), infinitive and
//!      hypothetical ("if", "could", ...);
//!    - the pattern: the first that matches among the verb's patterns sorted by
//!      specificity (2 per literal word, 2 per synset, 1 per actor slot); ties keep
//!      file order. Words may be up to `max_gap` tokens apart unless `_`-adjacent;
//!      elements never cross the clause. No match gives the verb's own code;
//!    - the source: a pattern `$` slot, else the clause subject (leftmost coded actor
//!      before the verb not inside a prepositional phrase; the possessed actor in
//!      "X's Y"); a verb after "and" shares the previous verb's subject; the subject of
//!      a speech verb is not carried into the clause it introduces;
//!    - the target: a pattern `+` slot, else the first coded actor after the verb up
//!      to the end of the object (a comma before "the/a" or an "-ing" word ends it);
//!      in the passive the subject is the target and "by X" the source;
//!    - compounds ("A and B", "A, B") on either side give one event per pair; a
//!      compound subject of a cooperative verb with no target acts on itself;
//!    - dropped: null code, negated (unless the pattern mentions the negation),
//!      hypothetical, a gerund after a preposition with no pattern, an infinitive
//!      after a coded verb, a speech verb with no pattern when an event verb follows.
//! 6. **Events** ([`emit`]): no source code, a missing target (with
//!    `require_target`), or a source equal to the target drop the event; PETRARCH
//!    multi-codes (`A/B`) give one event each; a repeated (source, target, code) in
//!    one sentence is kept once. Events of the first paragraph are root events.
//!
//! # Deliberate differences from PETRARCH
//!
//! - No constituency parse: clauses, subjects and objects come from the token
//!   heuristics above (PETRARCH2 reads them off a CoreNLP tree).
//! - Verb forms are generated from lemmas and a form used as a noun is skipped;
//!   PETRARCH relies on the parser's tags.
//! - Agents compose with an adjacent country or organisation in both orders and over
//!   "in/of/from" phrases; pronouns and "the minister" are carried over within the
//!   article.
//! - The most specific pattern wins outright (PETRARCH tries patterns in file order
//!   within its lower/upper matching).
//! - An event of an actor on itself is dropped as a parsing artefact.
//!
//! [`explain`](Coder::explain) runs the same code path with a trace ([`trace`]).

mod clause;
mod compile;
mod emit;
mod mentions;
mod pattern;
mod trace;
mod verbs;

use crate::article::Article;
use crate::date::Date;
use crate::dict::{ActorKind, Dictionaries, Origin};
use crate::event::Event;
use crate::matcher::{PhraseTrie, Vocab};
use crate::sentences;
use crate::tokens::{tokenize_into, Token};
use compile::{CVerb, Target, Words};
use mentions::Context;
use serde::Serialize;
use std::collections::HashMap;
use trace::Trace;

/// An actor found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Index of the sentence it is in.
    pub sentence_index: usize,
    /// Byte span in the article text.
    pub span: [usize; 2],
    /// The resolved actor code for the article date, if any.
    pub code: Option<String>,
    /// The canonical name of the dictionary entry (e.g. "Vladimir Putin").
    pub name: String,
    /// The kind of entry.
    pub kind: ActorKind,
}

/// The result of coding one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CodedArticle {
    /// Byte spans of the sentences in the article text.
    pub sentences: Vec<[usize; 2]>,
    /// Actors found, in text order.
    pub mentions: Vec<Mention>,
    /// Coded events, in text order.
    pub events: Vec<Event>,
    /// True when a story-level discard phrase matched (no events are coded).
    pub discarded: bool,
}

/// Options of the coding engine.
#[derive(Clone, Debug)]
pub struct CoderOptions {
    /// Drop events without a target actor (PETRARCH's `require_dyad`).
    pub require_target: bool,
    /// Most words a pattern may skip between two of its elements.
    pub max_gap: usize,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            require_target: true,
            max_gap: 4,
        }
    }
}
/// Compiled dictionaries: immutable, `Send + Sync`, shared by all threads.
pub struct Coder {
    dicts: Dictionaries,
    options: CoderOptions,
    vocab: Vocab,
    actors: PhraseTrie<Target>,
    discards: PhraseTrie<u32>,
    verbs: Vec<CVerb>,
    /// First word id of a verb form -> (verb, form).
    verb_index: HashMap<u32, Vec<(u32, u32)>>,
    pattern_info: Vec<(String, Origin)>,
    w: Words,
}

impl Coder {
    /// Compiles dictionaries into a coder with default options.
    pub fn new(dicts: Dictionaries) -> Coder {
        Coder::with_options(dicts, CoderOptions::default())
    }

    /// The dictionaries this coder was compiled from.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// Codes one article.
    pub fn code_article(&self, article: &Article) -> CodedArticle {
        self.code_article_traced(article, &mut Trace::off())
    }

    /// Codes one sentence given alone (for `explain`), writing decisions into `trace`.
    pub fn explain(&self, text: &str, date: Option<Date>) -> (CodedArticle, String) {
        let mut trace = String::new();
        let a = Article {
            id: "explain".into(),
            text: text.to_string(),
            date,
            ..Article::default()
        };
        let c = self.code_article_traced(&a, &mut Trace::on(&mut trace));
        (c, trace)
    }

    /// The one code path of [`code_article`](Self::code_article) and
    /// [`explain`](Self::explain): the trace only records.
    fn code_article_traced(&self, article: &Article, trace: &mut Trace<'_>) -> CodedArticle {
        let text = article.text.as_str();
        let mut out = CodedArticle {
            sentences: sentences::split(text),
            ..CodedArticle::default()
        };
        let mut tokens: Vec<Token> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut ctx = Context::default();
        let first_para_end = text.find("\n\n").unwrap_or(text.len());
        for si in 0..out.sentences.len() {
            let span = out.sentences[si];
            tokens.clear();
            tokenize_into(text, span, &mut tokens);
            ids.clear();
            ids.extend(tokens.iter().map(|t| self.vocab.get(&t.norm)));
            trace.sentence(si, &text[span[0]..span[1]], &tokens);
            match self.discard(&tokens, &ids) {
                Some((i, true)) => {
                    trace.discarded(true, &self.dicts.discards[i as usize].origin);
                    out.discarded = true;
                    out.events.clear();
                    return out;
                }
                Some((i, false)) => {
                    trace.discarded(false, &self.dicts.discards[i as usize].origin);
                    continue;
                }
                None => {}
            }
            let mentions = self.find_mentions(&tokens, &ids, article.date, &mut ctx);
            trace.actors(text, &mentions);
            let root = span[1] <= first_para_end || si == 0;
            let raw = self.code_sentence(text, &tokens, &ids, &mentions, trace);
            self.emit_events(article, si, span, root, &mentions, raw, &mut out.events);
            out.mentions.extend(
                mentions
                    .into_iter()
                    .filter(|m| !m.pronoun)
                    .map(|m| Mention {
                        sentence_index: si,
                        span: m.span,
                        code: m.code,
                        name: m.name,
                        kind: m.kind,
                    }),
            );
        }
        out
    }
}

#[allow(dead_code)]
const _ASSERT_SYNC: fn() = || {
    fn is_send_sync<T: Send + Sync>() {}
    is_send_sync::<Coder>();
};
