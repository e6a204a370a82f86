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
//!    A and B", "Russian President Vladimir Putin" as one mention). Pronouns take the
//!    last fitting actor of the article; a definite bare agent ("the minister") the
//!    last actor of its role, else the last country; a bare state agent ("police")
//!    the country the article is about ([`context`]: dateline, or the country a
//!    first pass over the whole article finds dominant), marked inferred; "both
//!    sides" the two countries of the sentence, the previous sentence or the
//!    article; a person missing from the dictionaries takes the code of the title
//!    that introduces them ("French envoy X", "Sen. X, R-Neb.", "X, an aide to Y")
//!    or of the role description that names them ([`described`]: "two police
//!    officers, X and Y," or, in the next sentence, exactly as many names as "Two
//!    officers ..." counted) and is remembered by surname. Then ([`anaphora`]) a pronoun right after a
//!    speech verb takes the verb's subject ("A said it ..."), "we" in a quotation its
//!    tagged speaker, and a definite event noun ("the decision", "the move", or "it"
//!    after "called") the actor that owns the act it names, marked inferred; a noun
//!    of force ("the attack", "the strikes") only the owner of an act of force. A
//!    definite officeholder ("the president") after a domestic opposition,
//!    legislator or party actor of the sentence is that actor's country's.
//!    Role nouns and pronouns ([`referents`]): "the president", "the minister",
//!    "the premier" are the last holder of that title named; "he" or "she"
//!    opening a sentence the person in subject position of the last two
//!    sentences; "they" after a compound subject of two countries both of them;
//!    "the country" opening a sentence the subject's country, "the kingdom" the
//!    last monarchy named; "the group", "the bloc", "the militants" the last
//!    group, body or armed group named.
//! 4. **Verb candidates** ([`verbs`]): at each token outside a mention, the longest
//!    verb form starting there; a form that reads as a noun (after a determiner or a
//!    possessive, "a US attack", a number) is skipped. When the window has a coded
//!    actor and a candidate, the built-in tagger and parser ([`crate::syntax`]) run
//!    on it (only then: most sentences are never parsed) and a form whose verb word
//!    is not tagged VERB/AUX is dropped ("air patrols", "the strikes on the base"),
//!    unless it is the object of a light verb ("held talks", "resumed aid") or the
//!    context makes it a verb (right after a subject named by a noun, or after a
//!    modal, auxiliary, negation or "to").
//! 5. **Per verb** ([`clause`], [`pattern`], [`emit`]):
//!    - the clause: from the last boundary word (`;`, "but", "which", a quote, ...)
//!      before the verb to the next one after it; flags for passive ("was" +
//!      participle, not after "has"), negation ("not", "failed to"), infinitive and
//!      hypothetical ("if", "could", ...);
//!    - the pattern: the first that matches among the verb's patterns sorted by
//!      specificity (2 per literal word, 2 per synset, 1 per actor slot); ties keep
//!      file order. Words may be up to `max_gap` tokens apart unless `_`-adjacent
//!      (a time adjunct, "on Monday", counts as no word); elements never cross the
//!      clause. No match gives the verb's own code;
//!    - the source: a pattern `$` slot, else the clause subject (leftmost coded actor
//!      before the verb not inside a prepositional phrase; the possessed actor in
//!      "X's Y"); a verb after "and" shares the previous verb's subject; the subject of
//!      a speech verb is not carried into the clause it introduces;
//!    - the target: a pattern `+` slot, else the first coded actor after the verb up
//!      to the end of the object (a comma before "the/a" or an "-ing" word ends it);
//!      in the passive the subject is the target and "by X" the source; with no
//!      agent ([`passive`]), a release takes the holder of "A who had been held
//!      by X" as source, and an arrest, charge, sentence or deportation the
//!      state of the place ("in X", "from X") or of the article, marked inferred;
//!    - when the window was parsed, the parse's arcs ([`arcs`]) replace these
//!      where they give an actor: `nsubj`, `nsubj:pass` + `aux:pass` with
//!      `obl:agent`, `obj`/`iobj`/`obl` (with/against/to/on/at); subjects shared
//!      over `conj`/`xcomp` (a participle joined to a passive with an actor
//!      subject is passive too and shares the last passive's agent), a relative
//!      clause's noun; a non-restrictive relative clause, an act dated to an
//!      earlier year (or, by the words, to a month two to nine months before the
//!      article's), a main clause in the pluperfect, a gerund subject ("that
//!      rolling back the tariffs requires ...") and a time clause inside a
//!      participle on a noun are background; a 010
//!      statement needs an addressed target (the object of a verb that takes an
//!      addressee, or "to X"); a participle on a noun that is no actor has no
//!      source; the complement of a verb of object control ("help him enter C")
//!      takes that object as its subject and gives the main verb no target;
//!    - a symmetric or fighting act with no actor subject takes its parties from
//!      "between A and B" ("clashes erupted between A and B"), in both directions;
//!      a mutual verb ("clashed with") and, outside PETRARCH conventions, any
//!      consultation (040, 041, 044, 046: "A met B", "held talks with B") give the
//!      reverse event too, a consultation's partner being the actor after "with";
//!    - outside PETRARCH conventions, a meeting told in passing ("announced X
//!      during a meeting with B", "in a phone call with B", "during a visit to
//!      B") is coded for the clause's subject whatever its verb codes; its venue
//!      makes it a hosted visit (043/042) or a third place (044);
//!    - outside PETRARCH conventions: a noun of force owned by an actor as the
//!      subject of a verb of harm ("Russian strikes on Kyiv killed five") is that
//!      actor's act on the place it names or the victims; a vow of force ("vowed to
//!      attack B") is a threat coded on the infinitive; a warning about one's own
//!      side's act ("warned that its forces would attack C") a threat to C; a
//!      participle on a document ("issued a statement urging B") the author's act;
//!      "brokered by C" after an agreement gives C 045 to each party;
//!    - praise or criticism (050, 051, 110, 111, 114) of an act named by a noun
//!      ([`evaluative`]) is aimed at the act's doer: the agent of "by B" after the
//!      noun ("condemned the strikes on C by B"); an act of force or sanction with no
//!      actor before its noun has no target (its victim is not criticised), an act of
//!      custody none among the speaker's own nationals;
//!    - compounds ("A and B", "A, B") on either side give one event per pair; a
//!      compound subject of a cooperative verb or a ceasefire (087x) with no target
//!      (or only the place where it holds) acts on itself;
//!    - dropped: null code, negated (unless the pattern mentions the negation),
//!      hypothetical, a gerund after a preposition with no pattern (and any gerund
//!      with its own subject after one: "warned against B launching ..."), an
//!      infinitive after a coded verb, a speech verb with no pattern when an event
//!      verb follows, "help" right before the verb whose act it is.
//! 6. **Events** ([`emit`]): no source code, a missing target (with
//!    `require_target`), or a source equal to the target drop the event; PETRARCH
//!    multi-codes (`A/B`) give one event each; a repeated (source, target, code) in
//!    one sentence is kept once. Events of the first paragraph are root events.
//!    Outside PETRARCH conventions, force between a country's police or army and
//!    its own protesters is recoded (175 by the police, 145 by the protesters) and
//!    a confronting protest (144, 145), or a demonstration that voices a demand
//!    for political change (1411-1414), with no target is against the
//!    protesters' own government; the provenance says so. The supporters of a
//!    person are the person's country (its opposition unless the person holds
//!    office), not the person ([`mentions`]).
//!
//! # Deliberate differences from PETRARCH
//!
//! - No constituency parse: subjects and objects come from our own dependency
//!   parse where a window is parsed, else from the token heuristics above
//!   (PETRARCH2 reads them off a CoreNLP tree).
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

mod anaphora;
mod arcs;
pub mod caps;
mod clause;
mod compile;
mod construct;
mod context;
mod copied;
mod described;
mod emit;
mod evaluative;
mod mentions;
mod passive;
mod pattern;
mod referents;
mod trace;
mod verbs;

#[cfg(test)]
mod tests;

use crate::article::Article;
use crate::date::Date;
use crate::dict::{ActorKind, Dictionaries, Origin};
use crate::doc::{Doc, MAX_ARTICLE_TOKENS};
use crate::event::Event;
use crate::matcher::{PhraseTrie, Vocab};
use crate::tokens::Token;
pub use caps::{Budget, Caps, Interrupted, Limit, LimitHit};
use compile::{CVerb, Target, Words};
pub use context::dateline;
use mentions::Context;
use serde::Serialize;
use std::collections::HashSet;
use trace::Trace;
pub use trace::{render as render_decisions, Decision, DropReason, RoleActor};

/// An actor found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct CodedArticle {
    /// Byte spans of the sentences in the article text.
    pub sentences: Vec<[usize; 2]>,
    /// Actors found, in text order.
    pub mentions: Vec<Mention>,
    /// Coded events, in text order.
    pub events: Vec<Event>,
    /// True when a story-level discard phrase matched (no events are coded).
    pub discarded: bool,
    /// Caps that bit while coding (see [`caps`]), once per sentence and kind; a
    /// caller warns with the record id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<LimitHit>,
}

/// Options of the coding engine.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CoderOptions {
    /// Drop events without a target actor (PETRARCH's `require_dyad`).
    pub require_target: bool,
    /// Most words a pattern may skip between two of its elements.
    pub max_gap: usize,
    /// The caps that keep the cost linear (see [`caps`]).
    pub caps: Caps,
    /// Use the built-in tagger to drop verb forms used as nouns (parsing only
    /// sentences with a coded actor and a verb candidate). Default on; the
    /// environment variable `HERODOTUS_PARSER=off` turns it off, for before/after
    /// measurements with one binary.
    pub use_parser: bool,
    /// How much of a window that keeps a verb candidate is parsed (see
    /// [`ParseScope`]). Set by the environment variable `HERODOTUS_PARSE`
    /// (`window`, `clause` or `needed`), for measurements with one binary.
    pub parse_scope: ParseScope,
}

/// How much of a window that keeps a verb candidate the coder parses (docs/BENCHMARKS.md,
/// "Parsing less", has the speed and quality of each).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParseScope {
    /// The whole window (the default).
    #[default]
    Window,
    /// Only the clause of each kept candidate, as the token heuristics bound it
    /// (from after the previous boundary word: ";", a quotation mark, "but", a
    /// subordinator or a relative pronoun; to the next), each parsed as a sentence
    /// of its own.
    Clause,
    /// The whole window, except a window whose roles the token heuristics read as
    /// the parse would: one candidate, an active finite verb with its subject
    /// right before it and one other actor after it, and no word the parse is
    /// read for (commas, quotation marks, boundary words, "by", "that", years).
    Needed,
}

impl ParseScope {
    /// The scope named by `HERODOTUS_PARSE` (the default when unset or unknown).
    fn from_env() -> ParseScope {
        match std::env::var("HERODOTUS_PARSE").as_deref() {
            Ok("clause") => ParseScope::Clause,
            Ok("needed") => ParseScope::Needed,
            _ => ParseScope::Window,
        }
    }
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            require_target: true,
            max_gap: 4,
            caps: Caps::default(),
            use_parser: std::env::var("HERODOTUS_PARSER").map_or(true, |v| v != "off"),
            parse_scope: ParseScope::from_env(),
        }
    }
}

/// Compiled dictionaries: immutable, `Send + Sync`, shared by all threads.
pub struct Coder {
    dicts: Dictionaries,
    options: CoderOptions,
    /// Bare country codes of the country entries (see [`context`]).
    countries: HashSet<String>,
    vocab: Vocab,
    actors: PhraseTrie<Target>,
    discards: PhraseTrie<u32>,
    verbs: Vec<CVerb>,
    /// First word id of a verb form -> (verb, form).
    verb_index: crate::matcher::FastMap<u32, Vec<(u32, u32)>>,
    pattern_info: Vec<(String, Origin)>,
    w: Words,
    /// The tagger and parser, when enabled and the built-in model loads.
    parser: Option<&'static crate::syntax::Model>,
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

    /// Codes one article (no work budget; the caps of the options apply).
    pub fn code_article(&self, article: &Article) -> CodedArticle {
        match self.code_article_traced(article, &Budget::unlimited(), &mut Trace::off()) {
            Ok(c) => c,
            // An unlimited budget never interrupts.
            Err(_) => unreachable!("an unlimited budget never stops coding"),
        }
    }

    /// Codes one article within a work budget, checked between sentences and windows:
    /// the way for a server to stop coding on a timeout or a cancelled request.
    pub fn code_article_within(
        &self,
        article: &Article,
        budget: &Budget,
    ) -> Result<CodedArticle, Interrupted> {
        self.code_article_traced(article, budget, &mut Trace::off())
    }

    /// Codes a text given alone (for `explain`) and renders its decisions as text.
    pub fn explain(&self, text: &str, date: Option<Date>) -> (CodedArticle, String) {
        let a = Article {
            id: "explain".into(),
            text: text.to_string(),
            date,
            ..Article::default()
        };
        let (c, decisions) = self.explain_article(&a);
        (c, render_decisions(&decisions))
    }

    /// Codes an article exactly as [`code_article`](Self::code_article) does (same
    /// code path, same events) and returns every decision taken, in order.
    pub fn explain_article(&self, article: &Article) -> (CodedArticle, Vec<Decision>) {
        let mut decisions = Vec::new();
        let c = self
            .code_article_traced(
                article,
                &Budget::unlimited(),
                &mut Trace::on(&mut decisions),
            )
            .unwrap_or_default();
        (c, decisions)
    }

    /// The one code path of [`code_article`](Self::code_article) and
    /// [`explain`](Self::explain): the trace only records.
    fn code_article_traced(
        &self,
        article: &Article,
        budget: &Budget,
        trace: &mut Trace<'_>,
    ) -> Result<CodedArticle, Interrupted> {
        let mut doc = Doc::build(article, &self.options.caps, budget)?;
        self.code_doc_traced(&mut doc, budget, trace)
    }

    /// Builds the document of an article with this coder's caps (see [`Doc::build`]):
    /// the one split and tokenisation that [`code_doc`](Self::code_doc) and every
    /// later stage read.
    pub fn build_doc<'a>(
        &self,
        article: &'a Article,
        budget: &Budget,
    ) -> Result<Doc<'a>, Interrupted> {
        Doc::build(article, &self.options.caps, budget)
    }

    /// Codes an analysed document (see [`Doc::build`]) and fills its mentions; the
    /// budget is checked between sentences and windows.
    pub fn code_doc(
        &self,
        doc: &mut Doc<'_>,
        budget: &Budget,
    ) -> Result<CodedArticle, Interrupted> {
        self.code_doc_traced(doc, budget, &mut Trace::off())
    }

    fn code_doc_traced(
        &self,
        doc: &mut Doc<'_>,
        budget: &Budget,
        trace: &mut Trace<'_>,
    ) -> Result<CodedArticle, Interrupted> {
        let caps = &self.options.caps;
        let article = doc.article;
        let text = article.text.as_str();
        let mut out = CodedArticle {
            sentences: doc.sentences.iter().map(|s| s.span.to_array()).collect(),
            ..CodedArticle::default()
        };
        let mut ids: Vec<u32> = Vec::new();
        let mut ctx = Context::default();
        let mut seen = HashSet::new();
        let mut used_tokens = 0usize;
        let first_para_end = text.find("\n\n").unwrap_or(text.len());
        // A dateline ("BEIRUT (AP) —") is no part of the first sentence; its place
        // gives the article's country.
        let mut dateline_end = 0;
        if let Some((end, place)) = context::dateline(text) {
            let country = self.place_country(place, article.date);
            // A capitalised word before a dash ("Officials — from ...") is a dateline
            // only when it is a known place; a place in capitals always is.
            let all_caps = !place.chars().any(char::is_lowercase);
            if country.is_some() || all_caps {
                if let Some(first) = doc.sentences.first_mut() {
                    if first.span.start < end && end < first.span.end {
                        first.span.start = end;
                        out.sentences[0][0] = end;
                        dateline_end = end;
                    }
                }
                ctx.article_country = country;
            }
        }
        ctx.country_counts = self.article_country_counts(doc, article.date);
        for (si, sentence) in doc.sentences.iter().enumerate() {
            budget.check(used_tokens, 0)?;
            if sentence.skipped {
                out.hit(trace, si, Limit::ArticleTokens, MAX_ARTICLE_TOKENS);
                break;
            }
            let span = sentence.span.to_array();
            let root = span[1] <= first_para_end || si == 0;
            seen.clear();
            if sentence.split_bytes {
                out.hit(trace, si, Limit::SentenceBytes, caps.sentence_bytes);
            }
            if sentence.split_tokens {
                out.hit(
                    trace,
                    si,
                    Limit::SentenceTokens,
                    caps.sentence_tokens.max(1),
                );
            }
            for (k, w) in sentence.windows.iter().enumerate() {
                if k > 0 {
                    budget.check(used_tokens, 0)?;
                }
                let mut toks = &doc.tokens[w.tokens.clone()];
                let mut wspan = w.span.to_array();
                if si == 0 && dateline_end > 0 {
                    let skip = toks.iter().take_while(|t| t.start < dateline_end).count();
                    toks = &toks[skip..];
                    wspan[0] = wspan[0].max(dateline_end).min(wspan[1]);
                }
                used_tokens += toks.len();
                ids.clear();
                ids.extend(toks.iter().map(|t| self.vocab.get(&t.norm)));
                let story_discard = self.code_window(
                    article, si, wspan, root, toks, &ids, &mut ctx, &mut seen, &mut out, trace,
                );
                if story_discard {
                    out.discarded = true;
                    out.events.clear();
                    doc.mentions.clone_from(&out.mentions);
                    return Ok(out);
                }
            }
            if sentence.truncated {
                out.hit(trace, si, Limit::ArticleTokens, MAX_ARTICLE_TOKENS);
                break;
            }
        }
        doc.mentions.clone_from(&out.mentions);
        Ok(out)
    }

    /// Codes one window of a sentence (the whole sentence when it is within the
    /// caps). Returns true when a story discard matched.
    #[allow(clippy::too_many_arguments)] // the article context is naturally wide
    fn code_window(
        &self,
        article: &Article,
        si: usize,
        span: [usize; 2],
        root: bool,
        tokens: &[Token],
        ids: &[u32],
        ctx: &mut Context,
        seen: &mut HashSet<(String, String, String)>,
        out: &mut CodedArticle,
        trace: &mut Trace<'_>,
    ) -> bool {
        let caps = &self.options.caps;
        let text = article.text.as_str();
        trace.sentence(si, span, &text[span[0]..span[1]], tokens);
        match self.discard(tokens, ids) {
            Some((i, true)) => {
                trace.discarded(true, &self.dicts.discards[i as usize].origin);
                return true;
            }
            Some((i, false)) => {
                trace.discarded(false, &self.dicts.discards[i as usize].origin);
                // A counted description names its people in the next sentence only.
                ctx.described = None;
                return false;
            }
            None => {}
        }
        ctx.sentence = si;
        let mut mentions = self.find_mentions(tokens, ids, article.date, ctx);
        if mentions.len() > caps.mentions {
            mentions.truncate(caps.mentions);
            out.hit(trace, si, Limit::Mentions, caps.mentions);
        }
        self.context_references(tokens, &mut mentions, ctx, si);
        self.remember(ctx, &mentions);
        self.remember_referents(ctx, tokens, ids, &mentions, si);
        trace.actors(text, &mentions);
        let country = ctx.article_country();
        // The speaker of a quotation this sentence goes on with (no words of its own
        // here: placed after the sentence's last token).
        let quoted = ctx
            .quote_continued
            .then(|| ctx.quote_speaker.clone())
            .flatten()
            .map(|(code, name, kind)| mentions::Found {
                tok: [tokens.len(), tokens.len()],
                span: [0, 0],
                code: Some(code),
                name,
                kind,
                agent: None,
                pronoun: false,
                inferred: true,
                pair: false,
            });
        let raw = self.code_sentence(
            text,
            tokens,
            ids,
            &mentions,
            quoted.as_ref(),
            si,
            article.date,
            country.as_deref(),
            out,
            trace,
        );
        let before = out.events.len();
        self.emit_events(article, si, span, root, &mentions, raw, seen, out, trace);
        // "Canada followed suit": the act of the earlier clause, by the new subject.
        let (added, copied) = self.copied_acts(
            tokens,
            ids,
            &mentions,
            &out.events[before..],
            ctx.last_act.as_ref(),
            si,
        );
        if !copied.is_empty() {
            let mut all = mentions.clone();
            all.extend(added);
            self.emit_events(article, si, span, root, &all, copied, seen, out, trace);
        }
        if let Some(act) = copied::Act::first_of(&out.events[before..]) {
            ctx.last_act = Some(act);
        }
        ctx.events.after_sentence(si, &out.events[before..]);
        ctx.remember_pair(si, &out.events[before..]);
        for m in mentions.into_iter().filter(|m| !m.pronoun) {
            if out.mentions.len() >= caps.article_mentions {
                out.hit(trace, si, Limit::ArticleMentions, caps.article_mentions);
                break;
            }
            out.mentions.push(Mention {
                sentence_index: si,
                span: m.span,
                code: m.code,
                name: m.name,
                kind: m.kind,
            });
        }
        false
    }
}

impl CodedArticle {
    /// Records that a cap bit, once per sentence and kind (and in the trace).
    fn hit(&mut self, trace: &mut Trace<'_>, sentence_index: usize, limit: Limit, cap: usize) {
        let h = LimitHit {
            sentence_index,
            limit,
            cap,
        };
        // Hits of one sentence are adjacent, and there are fewer than 8 kinds.
        if !self.limits.iter().rev().take(8).any(|x| *x == h) {
            trace.limit(&h);
            self.limits.push(h);
        }
    }
}

#[allow(dead_code)]
const _ASSERT_SYNC: fn() = || {
    fn is_send_sync<T: Send + Sync>() {}
    is_send_sync::<Coder>();
};
