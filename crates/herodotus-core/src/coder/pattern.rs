//! Pattern matching: TABARI-style patterns around a verb. Elements after the verb
//! match left to right, elements before it right to left; a non-adjacent element
//! may skip up to `max_gap` tokens, never past the clause. A compound joined by a
//! hyphen ("a four-day ceasefire", tokens "four", "-", "day") counts as one word.

use super::clause::Clause;
use super::compile::{CElem, CPattern, CVerb};
use super::mentions::Found;
use super::verbs::VerbHit;
use super::Coder;
use crate::tokens::Token;

impl Coder {
    /// The first (most specific) pattern of `verb` that matches, with its source and
    /// target slots.
    #[allow(clippy::too_many_arguments)] // the matching context is naturally wide
    pub(super) fn choose_pattern<'v>(
        &self,
        verb: &'v CVerb,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
        clause: &Clause,
    ) -> Option<(&'v CPattern, Option<usize>, Option<usize>)> {
        for p in &verb.patterns {
            if let Some((s, t)) =
                self.match_pattern(p, tokens, ids, owner, mentions, h, clause.start, clause.end)
            {
                return Some((p, s, t));
            }
        }
        None
    }

    /// Matches one pattern around verb `h`; returns its (source, target) slots.
    #[allow(clippy::too_many_arguments)] // the matching context is naturally wide
    fn match_pattern(
        &self,
        p: &CPattern,
        tokens: &[Token],
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        h: &VerbHit,
        clause_start: usize,
        clause_end: usize,
    ) -> Option<(Option<usize>, Option<usize>)> {
        let mut src = None;
        let mut tgt = None;
        // After the verb, left to right.
        let mut pos = h.end;
        for (e, adjacent) in &p.post {
            let limit = if *adjacent {
                pos
            } else {
                gap_end(tokens, pos, self.options.max_gap).min(clause_end.max(pos))
            };
            let mut found = None;
            let mut j = pos;
            while j <= limit && j <= tokens.len() {
                if let Some((end, m)) = self.elem_at(e, ids, owner, mentions, j, true) {
                    // "hope for funding to help B", "pressed for talks to end the
                    // war": an infinitive after "for N" belongs to N (or has N as
                    // its subject), not to the verb (issue 10 class: hopes and
                    // plans coded as acts).
                    if ids[j..].first() == Some(&self.w.to)
                        && matches!(e, CElem::Words(_))
                        && tokens[pos..j].iter().any(|t| t.norm == "for")
                    {
                        break;
                    }
                    found = Some((end, m));
                    break;
                }
                if j >= tokens.len() {
                    break;
                }
                j += 1;
            }
            let (end, m) = found?;
            match e {
                CElem::Target => tgt = m,
                CElem::Source => src = m,
                _ => {}
            }
            pos = end;
        }
        // Before the verb, right to left.
        let mut pos = h.start; // exclusive end of the region to the left
        for (e, adjacent) in &p.pre {
            let lowest = if *adjacent {
                pos
            } else {
                gap_start(tokens, pos, self.options.max_gap).max(clause_start.min(pos))
            };
            let mut found = None;
            let mut j = pos;
            loop {
                // element must end at j
                if let Some((start, m)) = self.elem_ending_at(e, ids, owner, mentions, j) {
                    found = Some((start, m));
                    break;
                }
                if j == 0 || j <= lowest {
                    break;
                }
                j -= 1;
            }
            let (start, m) = found?;
            match e {
                CElem::Target => tgt = m,
                CElem::Source => src = m,
                _ => {}
            }
            pos = start;
        }
        Some((src, tgt))
    }

    /// Matches an element starting at token `j`; returns (end, mention).
    fn elem_at(
        &self,
        e: &CElem,
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        j: usize,
        _forward: bool,
    ) -> Option<(usize, Option<usize>)> {
        match e {
            CElem::Compound => Some((j, None)),
            CElem::Skip => {
                // Skip a noun phrase: the next actor (after up to three words such as
                // "the"), else one word.
                if j >= owner.len() {
                    return None;
                }
                (j..(j + 4).min(owner.len()))
                    .find(|&k| owner[k] != usize::MAX)
                    .map(|k| (mentions[owner[k]].tok[1], None))
                    .or(Some((j + 1, None)))
            }
            CElem::Target | CElem::Source => {
                if j < owner.len() && owner[j] != usize::MAX && mentions[owner[j]].tok[0] == j {
                    let m = owner[j];
                    Some((mentions[m].tok[1], Some(m)))
                } else {
                    None
                }
            }
            CElem::Words(alts) => alts.match_at(ids, j).map(|end| (end, None)),
        }
    }

    /// Matches an element ending at token `j` (exclusive); returns (start, mention).
    fn elem_ending_at(
        &self,
        e: &CElem,
        ids: &[u32],
        owner: &[usize],
        mentions: &[Found],
        j: usize,
    ) -> Option<(usize, Option<usize>)> {
        match e {
            CElem::Compound => Some((j, None)),
            CElem::Skip => {
                if j == 0 {
                    None
                } else if owner[j - 1] != usize::MAX {
                    Some((mentions[owner[j - 1]].tok[0], None))
                } else {
                    Some((j - 1, None))
                }
            }
            CElem::Target | CElem::Source => {
                if j >= 1 && owner[j - 1] != usize::MAX && mentions[owner[j - 1]].tok[1] == j {
                    let m = owner[j - 1];
                    Some((mentions[m].tok[0], Some(m)))
                } else {
                    None
                }
            }
            CElem::Words(alts) => alts.match_ending_at(ids, j).map(|start| (start, None)),
        }
    }
}

/// Whether token `k` is the hyphen inside a compound ("four-day"): no space on either
/// side.
fn joined_hyphen(tokens: &[Token], k: usize) -> bool {
    k > 0
        && k + 1 < tokens.len()
        && tokens[k].norm == "-"
        && tokens[k - 1].end == tokens[k].start
        && tokens[k + 1].start == tokens[k].end
}

/// The last position an element after `pos` may start at when it may skip `gap`
/// words, a hyphenated compound counting as one (issue 10 class "hyphenated
/// modifiers": "agreed on Monday to a four-day ceasefire").
fn gap_end(tokens: &[Token], pos: usize, gap: usize) -> usize {
    let mut k = pos;
    let mut words = 0;
    while words < gap && k < tokens.len() {
        if joined_hyphen(tokens, k + 1) {
            // The word, its hyphen and the word after it.
            k += 2;
        }
        k += 1;
        words += 1;
    }
    k
}

/// The lowest position an element before `pos` may end at, as [`gap_end`].
fn gap_start(tokens: &[Token], pos: usize, gap: usize) -> usize {
    let mut k = pos;
    let mut words = 0;
    while words < gap && k > 0 {
        if k >= 2 && joined_hyphen(tokens, k - 2) {
            k -= 2;
        }
        k -= 1;
        words += 1;
    }
    k
}
