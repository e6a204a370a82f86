//! Copied acts (session 17 class "group actors: followed suit"): "followed suit",
//! "did the same" and "did likewise" say that their subject did the act of an
//! earlier clause ("The United States recognised X as president. Canada and Colombia
//! followed suit." is Canada's and Colombia's recognition of X; CODING-GUIDE
//! "Compound actors ... give one event per actor").
//!
//! - The act is the first coded event of the sentence before the phrase that is not
//!   a plain statement (root 01), else the first such event of the last sentence that
//!   had one, at most [`REACH`] sentences back ([`Act`], kept in the context).
//! - Its code is copied and its target kept, except when the new subject is that
//!   target: "Britain expelled Russian diplomats. Russia followed suit." is Russia
//!   acting on Britain (tit for tat).
//! - Only a realised act: a negation, a modal or an infinitive before the phrase
//!   ("did not follow suit", "may follow suit", "is expected to follow suit") gives
//!   nothing, nor does the participle ("..., following suit").
//! - The subject is the coded mention right before the phrase (past a few adverbs
//!   and auxiliaries: "quickly followed suit", "has since done the same") with the
//!   actors joined to it by "and" or commas.
//!
//! The target carries the earlier sentence's words (its span) and is marked
//! inferred. The cost is one pass over the sentence's tokens and, for a phrase, over
//! its mentions.

use super::emit::RawEvent;
use super::mentions::Found;
use super::Coder;
use crate::codes::{ActorCode, CameoCode};
use crate::dict::ActorKind;
use crate::event::Event;
use crate::tokens::Token;

/// How many sentences back an act can be copied from.
pub(super) const REACH: usize = 2;

/// Words that may stand between the subject and the phrase.
const BETWEEN: &[&str] = &[
    "quickly",
    "soon",
    "swiftly",
    "promptly",
    "immediately",
    "later",
    "then",
    "also",
    "too",
    "since",
    "subsequently",
    "both",
    "all",
    "has",
    "have",
    "had",
];

/// Words before the phrase that make it unrealised: negation, modals, an
/// infinitive ("expected to", "refused to").
const UNREALISED: &[&str] = &[
    "not", "n't", "never", "may", "might", "could", "would", "will", "should", "must", "can", "to",
    "if", "unless", "yet",
];

/// An act another actor can copy: the earlier event's code and its two actors.
#[derive(Clone, Debug)]
pub(super) struct Act {
    code: String,
    source: (String, [usize; 2]),
    target: (String, String, [usize; 2]),
    sentence: usize,
}

impl Act {
    /// The first event of `events` that can be copied (not a plain statement, with
    /// a target).
    pub(super) fn first_of(events: &[Event]) -> Option<Act> {
        events
            .iter()
            .find(|e| {
                !matches!(CameoCode::new(&e.event_code).root(), "01" | "")
                    && !e.target_code.is_empty()
            })
            .map(|e| Act {
                code: e.event_code.clone(),
                source: (e.source_code.clone(), e.source_span),
                target: (e.target_code.clone(), e.target_text.clone(), e.target_span),
                sentence: e.sentence_index,
            })
    }
}

/// The tokens of a copying phrase starting at `k`, if one does: "followed suit",
/// "did the same", "did likewise" (and their present forms).
fn phrase_at(tokens: &[Token], k: usize) -> Option<usize> {
    let w = |j: usize| tokens.get(j).map_or("", |t| t.norm.as_str());
    match w(k) {
        "followed" | "follows" | "follow" if w(k + 1) == "suit" => Some(k + 2),
        "did" | "does" | "do" | "done" if w(k + 1) == "the" && w(k + 2) == "same" => Some(k + 3),
        "did" | "does" | "do" | "done" if w(k + 1) == "likewise" => Some(k + 2),
        _ => None,
    }
}

impl Coder {
    /// The events of a copying phrase in the sentence `tokens` (see the module doc):
    /// the inferred target mentions to add after `mentions`, and the events on them.
    /// `this` holds the sentence's events so far, `last` the act remembered from the
    /// earlier sentences.
    pub(super) fn copied_acts(
        &self,
        tokens: &[Token],
        ids: &[u32],
        mentions: &[Found],
        this: &[Event],
        last: Option<&Act>,
        si: usize,
    ) -> (Vec<Found>, Vec<RawEvent>) {
        let mut added = Vec::new();
        let mut raw = Vec::new();
        if self.dicts.semantics.act_under_modality {
            return (added, raw);
        }
        let Some((k, end)) = (0..tokens.len()).find_map(|k| phrase_at(tokens, k).map(|e| (k, e)))
        else {
            return (added, raw);
        };
        // Realised only: nothing unrealising in the few words before the phrase.
        let from = k.saturating_sub(4);
        if tokens[from..k]
            .iter()
            .any(|t| UNREALISED.contains(&t.norm.as_str()))
        {
            return (added, raw);
        }
        // The subject: the last mention before the phrase, past allowed words only.
        let Some(m) = mentions.iter().rposition(|f| f.tok[1] <= k) else {
            return (added, raw);
        };
        let gap = &tokens[mentions[m].tok[1]..k];
        if gap.len() > 3 || !gap.iter().all(|t| BETWEEN.contains(&t.norm.as_str())) {
            return (added, raw);
        }
        // The act: of this sentence before the phrase, else the remembered one.
        let before = Act::first_of(
            &this
                .iter()
                .filter(|e| e.verb_span[1] <= tokens[k].start)
                .cloned()
                .collect::<Vec<_>>(),
        );
        let Some(act) = before.or_else(|| {
            last.filter(|a| a.sentence < si && si - a.sentence <= REACH)
                .cloned()
        }) else {
            return (added, raw);
        };
        // The subject's compound: the earliest mention whose compound reaches `m`.
        let lo = m.saturating_sub(self.options.caps.compound);
        let first = (lo..=m)
            .find(|&j| self.compound(tokens, ids, mentions, j).contains(&m))
            .unwrap_or(m);
        let members = self.compound(tokens, ids, mentions, first);
        let country = |c: &str| ActorCode::new(c).country().to_string();
        let verb_span = [tokens[k].start, tokens[end - 1].end];
        // In the act's own sentence the subject comes after the act's words ("The EU
        // imposed sanctions on Belarus, and Britain followed suit": not Belarus).
        let after = if act.sentence == si {
            act.target.2[1].max(act.source.1[1])
        } else {
            0
        };
        for s in members
            .into_iter()
            .filter(|&s| mentions[s].span[0] >= after)
        {
            let Some(code) = mentions[s].code.as_deref().filter(|_| !mentions[s].pronoun) else {
                continue;
            };
            let (sc, tc) = (country(code), country(&act.target.0));
            if code == act.source.0 || sc.is_empty() || sc == country(&act.source.0) {
                continue;
            }
            // Tit for tat: the target answers its source.
            let (tcode, tname, tspan) = if sc == tc {
                (act.source.0.clone(), String::new(), act.source.1)
            } else {
                act.target.clone()
            };
            let t = mentions.len() + added.len();
            added.push(Found {
                tok: [k, end],
                span: tspan,
                code: Some(tcode),
                name: tname,
                kind: ActorKind::Agent,
                agent: None,
                pronoun: false,
                inferred: true,
                pair: false,
            });
            raw.push(RawEvent::constructed(
                s,
                t,
                act.code.clone(),
                verb_span,
                "copied act",
            ));
        }
        (added, raw)
    }
}
