//! The clause around a verb and the roles in it: clause bounds and flags (passive,
//! negated, infinitive, hypothetical), the subject, the object, compounds.

use super::mentions::Found;
use super::verbs::VerbHit;
use super::Coder;
use crate::tokens::{Token, TokenKind};

/// The clause around a verb candidate and what it says about the verb.
#[derive(Clone, Debug)]
pub(super) struct Clause {
    /// First token of the clause: after the last boundary word before the verb.
    pub(super) start: usize,
    /// One past the clause: the next boundary word after the verb.
    pub(super) end: usize,
    /// "was attacked", "were being held" (not "has attacked").
    pub(super) passive: bool,
    /// "to meet".
    pub(super) infinitive: bool,
    /// "did not attack", "failed to reach", "refused to meet".
    pub(super) negated: bool,
    /// "if", "unless", "could", ... earlier in the clause.
    pub(super) hypothetical: bool,
    /// "by attacking": belongs to the verb before it.
    pub(super) gerund_after_prep: bool,
    /// "warned against Turkey launching an offensive", "objected to Russia
    /// sending troops": a gerund with its own subject after a preposition names
    /// an act (feared, opposed, or already background), it does not report one;
    /// after "with" it does ("with police firing tear gas").
    pub(super) gerund_with_subject_after_prep: bool,
}

impl Coder {
    /// The clause around verb `h`; `owner` maps tokens to mentions (a boundary word
    /// inside an actor name does not end a clause on the left).
    pub(super) fn clause(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        h: &VerbHit,
    ) -> Clause {
        // Clause start: the previous boundary token before the verb.
        // Scare quotes around one or two words (the "interim" government) are part
        // of a noun phrase, not a clause boundary (issue 10 class: directive speech,
        // "called on the 'interim' government to withdraw").
        let scare = |j: usize| {
            tokens[j].norm == "\""
                && [-3isize, -2, 2, 3].iter().any(|&d| {
                    let k = j as isize + d;
                    if k < 0 || k as usize >= tokens.len() || tokens[k as usize].norm != "\"" {
                        return false;
                    }
                    let (a, b) = if d < 0 {
                        (k as usize + 1, j)
                    } else {
                        (j + 1, k as usize)
                    };
                    tokens[a..b].iter().all(|t| t.kind == TokenKind::Word)
                })
        };
        // "held since 2016 were released", "since October": "since" with a date is
        // a preposition, not a clause opener (issue 10 class "passives").
        let since_date = |j: usize| {
            tokens[j].norm == "since"
                && tokens.get(j + 1).is_some_and(|t| {
                    let n = t.norm.as_str();
                    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                        || crate::tokens::is_calendar_word(n)
                })
        };
        let boundary =
            |j: usize| self.w.boundaries.contains(&ids[j]) && !scare(j) && !since_date(j);
        let boundary_before = |end: usize| {
            (0..end)
                .rev()
                .find(|&j| boundary(j) && owner[j] == usize::MAX)
                .map_or(0, |j| j + 1)
        };
        let mut start = boundary_before(h.start);
        // A clause opened by ", which/who" or a sentence-initial "since/when/after/
        // before/although/because" ends at its first comma: a verb after that comma is
        // in the main clause (a relative clause attaches to its noun; a parse gives
        // this from `acl:relcl` / `advcl`).
        if start > 0 {
            let opener = tokens[start - 1].norm.as_str();
            let comma = (start..h.start).find(|&j| ids[j] == self.w.comma);
            if let Some(c) = comma {
                if matches!(opener, "which" | "who") && start >= 2 && ids[start - 2] == self.w.comma
                {
                    start = boundary_before(start - 1);
                } else if start == 1
                    && matches!(
                        opener,
                        "since"
                            | "when"
                            | "after"
                            | "before"
                            | "although"
                            | "though"
                            | "because"
                            | "while"
                            | "if"
                            | "unless"
                    )
                {
                    start = c + 1;
                }
            }
        }
        let end = (h.end..tokens.len())
            .find(|&j| boundary(j))
            .unwrap_or(tokens.len());
        // A reduced passive relative on the clause's subject: a participle right
        // after an actor's name that opens the clause, and an agent "by" at most one
        // word later ("An aid worker held hostage by rebels was freed", "Protesters
        // beaten by police ..."): the actor is the one acted on. Not after an object
        // ("police detained protesters supported by ...": whose act that is the
        // parse decides).
        let subject_name = h.start >= 1 && owner[h.start - 1] != usize::MAX && {
            let m = owner[h.start - 1];
            let mut j = h.start - 1;
            while j > start && owner[j - 1] == m {
                j -= 1;
            }
            (start..j).all(|k| {
                matches!(tokens[k].norm.as_str(), "a" | "an" | "the" | "\"")
                    || tokens[k].norm.bytes().all(|b| b.is_ascii_digit())
            })
        };
        // The word between is a complement ("held hostage by") or an adverb ("beaten
        // badly by"), never an object: "Iran rejected accusations by Saudi Arabia" is
        // active, its "by" phrase on the noun (issue 10, probe of root 01).
        let word = |j: usize| tokens.get(j).map(|t| t.norm.as_str());
        let reduced_relative = h.participle
            && subject_name
            && (word(h.end) == Some("by")
                || (word(h.end + 1) == Some("by")
                    && word(h.end).is_some_and(|w| {
                        super::passive::HOLDING_COMPLEMENT.contains(&w) || w.ends_with("ly")
                    })));
        let passive = h.participle
            && !adjectival_participle(tokens, h)
            && ((h.start.saturating_sub(3)..h.start).any(|j| self.w.be.contains(&ids[j]))
                || reduced_relative)
            && !(h.start >= 1
                && matches!(tokens[h.start - 1].norm.as_str(), "has" | "have" | "had"));
        let infinitive = h.start >= 1 && ids[h.start - 1] == self.w.to;
        // "did not attack", "failed to reach", "refused to meet" (the refusal itself
        // is coded by its own verb's patterns).
        let negated = (h.start.saturating_sub(3)..h.start)
            .any(|j| self.w.negations.contains(&ids[j]))
            || (h.start >= 2
                && ids[h.start - 1] == self.w.to
                && matches!(
                    tokens[h.start - 2].norm.as_str(),
                    "fail"
                        | "fails"
                        | "failed"
                        | "failing"
                        | "refuse"
                        | "refuses"
                        | "refused"
                        | "refusing"
                        | "decline"
                        | "declines"
                        | "declined"
                        | "declining"
                ));
        // "if", "unless", "whether" open the clause as boundary words, so they sit
        // just before its start: "the talks may fail if A rejects B's offer".
        let hypothetical = (start.saturating_sub(1)..h.start)
            .any(|j| self.w.hypothetical.contains(&ids[j]))
            || question(tokens);
        // Gerunds after prepositions and infinitives after a coded verb belong to
        // the verb before them (its patterns can mention them).
        let gerund_after_prep =
            h.gerund && h.start >= 1 && self.w.prepositions.contains(&ids[h.start - 1]);
        let gerund_with_subject_after_prep =
            h.gerund && h.start >= 2 && owner[h.start - 1] != usize::MAX && {
                let m = owner[h.start - 1];
                let first = (0..h.start).rev().take_while(|&j| owner[j] == m).last();
                // Not "with": "with police firing tear gas" tells what happened.
                first.is_some_and(|b| {
                    b >= 1
                        && self.w.prepositions.contains(&ids[b - 1])
                        && tokens[b - 1].norm != "with"
                })
            };
        Clause {
            start,
            end,
            passive,
            infinitive,
            negated,
            hypothetical,
            gerund_after_prep,
            gerund_with_subject_after_prep,
        }
    }

    /// Sources and targets of verb `h` (each a compound of mentions): pattern slots
    /// first, then the subject, "by X" in the passive, or the first coded actor of
    /// the object.
    #[allow(clippy::too_many_arguments)] // the role context is naturally wide
    pub(super) fn roles(
        &self,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
        clause: &Clause,
        subject: Option<usize>,
        src_slot: Option<usize>,
        tgt_slot: Option<usize>,
    ) -> (Vec<usize>, Vec<usize>) {
        let clause_end = clause.end;
        let (mut sources, mut targets): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        if clause.passive {
            let by_agent = (h.end..clause_end.min(h.end + 6))
                .find(|&j| ids[j] == self.w.by)
                .and_then(|j| {
                    (j + 1..clause_end.min(j + 4))
                        .find(|&k| owner[k] != usize::MAX)
                        .map(|k| owner[k])
                });
            if let Some(s) = src_slot.or(by_agent) {
                sources = self.compound(tokens, ids, mentions, s);
            }
            if let Some(t) = tgt_slot.or(subject) {
                targets = self.compound(tokens, ids, mentions, t);
            }
        } else {
            if let Some(s) = src_slot.or(subject) {
                sources = self.compound(tokens, ids, mentions, s);
            }
            // The object ends at a comma: "..., a senior official said" is not it.
            let object_end = (h.end..clause_end)
                .find(|&j| {
                    // "agreed to reopen the border despite warnings from the UN",
                    // "amid protests by B": a concessive or circumstantial adjunct
                    // is no object (issue 10 class "actors in adjuncts").
                    matches!(tokens[j].norm.as_str(), "despite" | "amid" | "amidst" | "notwithstanding")
                        || (tokens[j].norm == "spite" && j >= 1 && tokens[j - 1].norm == "in")
                        // "..., a senior official said", "..., saying it would ...".
                        || ids[j] == self.w.comma
                        && (ids
                            .get(j + 1)
                            .is_some_and(|n| *n == self.w.the || *n == self.w.a || *n == self.w.an)
                            || tokens.get(j + 1).is_some_and(|t| {
                                t.kind == TokenKind::Word
                                    && !t.capitalized
                                    && t.norm.len() > 5
                                    && t.norm.ends_with("ing")
                            }))
                })
                .unwrap_or(clause_end);
            let t = tgt_slot.or_else(|| {
                (h.end..object_end)
                    .find(|&j| {
                        owner[j] != usize::MAX
                            && !sources.contains(&owner[j])
                            && mentions[owner[j]].code.is_some()
                            // "Syria says it is willing to ...": a pronoun that is
                            // the source itself is no object (issue 10 class "A
                            // said it ...").
                            && !(mentions[owner[j]].pronoun
                                && sources
                                    .iter()
                                    .any(|&s| mentions[s].code == mentions[owner[j]].code))
                    })
                    .map(|j| owner[j])
            });
            if let Some(t) = t {
                targets = self.compound(tokens, ids, mentions, t);
            }
        }
        (sources, targets)
    }

    /// The subject: the leftmost actor in the clause before the verb that is not inside
    /// a prepositional phrase; a verb joined to the previous one by "and" shares its
    /// subject.
    pub(super) fn pick_source(
        &self,
        ids: &[u32],
        mentions: &[Found],
        from: usize,
        verb_start: usize,
        prev_source: Option<usize>,
        inherit: bool,
    ) -> Option<usize> {
        let in_range: Vec<usize> = mentions
            .iter()
            .enumerate()
            // A mention without a code (an agent with no country known) cannot act.
            .filter(|(_, m)| m.tok[0] >= from && m.tok[1] <= verb_start && m.code.is_some())
            .map(|(i, _)| i)
            .collect();
        if inherit {
            if let Some(p) = prev_source {
                // "X condemned Y and promised Z": shared subject unless an actor sits right
                // before the verb ("..., and Y responded").
                let last_close = in_range.last().is_some_and(|&m| {
                    mentions[m].tok[1] + 1 >= verb_start
                        && !ids[mentions[m].tok[1]..verb_start].contains(&self.w.and)
                });
                if !last_close || in_range.is_empty() {
                    return Some(p);
                }
            }
        }
        let mut fallback = None;
        for &m in &in_range {
            let start = mentions[m].tok[0];
            let preceded_by_prep = start > 0
                && self.w.prepositions.contains(&ids[start - 1])
                && ids[start - 1] != self.w.of;
            let preceded_by_prep2 = start > 1
                && self.w.prepositions.contains(&ids[start - 2])
                && self.w.determiners.contains(&ids[start - 1]);
            if !(preceded_by_prep || preceded_by_prep2) {
                // "bin Laden's al-Qaeda threatened": the possessed actor acts.
                let end = mentions[m].tok[1];
                if let Some(next) = mentions.get(m + 1) {
                    if end < ids.len()
                        && ids[end] == self.w.possessive
                        && next.tok[0] == end + 1
                        && next.code.is_some()
                        && next.tok[1] <= verb_start
                    {
                        return Some(m + 1);
                    }
                }
                return Some(m);
            }
            fallback.get_or_insert(m);
        }
        fallback.or(if in_range.is_empty() {
            prev_source
        } else {
            None
        })
    }

    /// The mention and any actors joined to it with "and" or commas.
    pub(super) fn compound(
        &self,
        tokens: &[Token],
        ids: &[u32],
        mentions: &[Found],
        first: usize,
    ) -> Vec<usize> {
        // "both sides": the second actor of a collective reference joins the first.
        let first = if mentions[first].pair && first > 0 {
            first - 1
        } else {
            first
        };
        let mut out = vec![first];
        let mut cur = first;
        while cur + 1 < mentions.len() {
            let a = &mentions[cur];
            let b = &mentions[cur + 1];
            if b.pair {
                out.push(cur + 1);
                cur += 1;
                continue;
            }
            let gap = &ids[a.tok[1]..b.tok[0]];
            // "A and B", "A, B", "A and the awful B": conjunctions plus articles and
            // lower-case modifiers that are not verbs.
            let joined = !gap.is_empty()
                && gap.len() <= 4
                && gap.iter().any(|&g| g == self.w.and || g == self.w.comma)
                && (a.tok[1]..b.tok[0]).all(|j| {
                    let g = ids[j];
                    g == self.w.and
                        || g == self.w.comma
                        || g == self.w.the
                        || (tokens[j].kind == TokenKind::Word
                            && !tokens[j].capitalized
                            && !self.verb_index.contains_key(&g)
                            && !self.w.prepositions.contains(&g)
                            && !self.w.boundaries.contains(&g))
                });
            // "... imposed by Washington, Erdogan said": an actor after a bare comma
            // and right before a speech verb is the speaker of the tag, not one more
            // member (session 17 class "refusal by negation", whose refusals are
            // often reported that way).
            let speaker = !gap.contains(&self.w.and)
                && tokens
                    .get(b.tok[1])
                    .is_some_and(|t| crate::speech::is_speech(&t.norm, crate::speech::TAG));
            if !joined || b.pronoun || speaker {
                break;
            }
            out.push(cur + 1);
            cur += 1;
        }
        out
    }
}

/// "A is committed to dialogue with B", "A is determined to V": a participle after
/// "be" that states the subject's stance, not a passive (the subject is its source;
/// issue 10 class: intent, 03x).
pub(super) fn adjectival_participle(tokens: &[Token], h: &VerbHit) -> bool {
    h.participle
        && tokens.get(h.end).is_some_and(|t| t.norm == "to")
        && matches!(
            tokens[h.end - 1].norm.as_str(),
            "committed" | "determined" | "prepared" | "poised" | "dedicated" | "resolved"
        )
}

/// A question asks and asserts nothing (session 17 class "refusal by negation", its
/// negative rows: "Did A refuse to recognise B?", "Why will A not accept B's
/// proposal?"): the sentence (or its window) ends with a question mark and opens with
/// an auxiliary or a wh-word. A statement that ends with a quoted question keeps its
/// first word ("A asked why B ...?" is not dropped by this rule).
fn question(tokens: &[Token]) -> bool {
    let mut words = tokens.iter().filter(|t| t.norm != "\"" && t.norm != "'");
    let first = words.next().map(|t| t.norm.as_str());
    let last = tokens
        .iter()
        .rev()
        .find(|t| t.norm != "\"" && t.norm != "'");
    last.is_some_and(|t| t.norm == "?")
        && first.is_some_and(|w| {
            matches!(
                w,
                "did"
                    | "does"
                    | "do"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "shall"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "why"
                    | "how"
                    | "what"
                    | "who"
                    | "whom"
                    | "when"
                    | "where"
                    | "which"
            )
        })
}
