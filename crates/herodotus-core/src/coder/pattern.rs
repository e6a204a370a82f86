//! Pattern matching: TABARI-style patterns around a verb. Elements after the verb
//! match left to right, elements before it right to left; a non-adjacent element
//! may skip up to `max_gap` tokens, never past the clause. A compound joined by a
//! hyphen ("a four-day ceasefire", tokens "four", "-", "day") counts as one word,
//! and a time adjunct ("on Monday", "last week") as none: it is passed over where it
//! stands between a verb and its complement ("agreed on Monday to a deal"). With our
//! dictionaries an object's words are not looked for inside a "that" clause.

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
        time: &[u8],
    ) -> Option<(&'v CPattern, Option<usize>, Option<usize>)> {
        for p in &verb.patterns {
            if let Some((s, t)) = self.match_pattern(
                p,
                tokens,
                ids,
                owner,
                mentions,
                h,
                [clause.start, clause.end],
                time,
            ) {
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
        [clause_start, clause_end]: [usize; 2],
        time: &[u8],
    ) -> Option<(Option<usize>, Option<usize>)> {
        let mut src = None;
        let mut tgt = None;
        // After the verb, left to right.
        let mut pos = h.end;
        for (e, adjacent) in &p.post {
            // "agreed on Monday to a deal", "met Friday with": a time adjunct right
            // after the verb (or the previous element) stands between words that
            // belong together and is passed over, adjacent or not.
            pos += time.get(pos).map_or(0, |&n| usize::from(n));
            let limit = if *adjacent {
                pos
            } else {
                gap_end(tokens, time, pos, self.options.max_gap).min(clause_end.max(pos))
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
                // "announced that he will withdraw weapons inspectors": an object's
                // words are not looked for inside a "that" clause; they are that
                // clause's (issue 10 class "objects across a complementiser"). An
                // actor may be ("demanded that B withdraw"). PETRARCH's patterns
                // read across it ("allowed that Mordor isn't ... place to visit").
                if tokens[j].norm == "that"
                    && !*adjacent
                    && matches!(e, CElem::Words(_))
                    && !self.dicts.semantics.act_under_modality
                {
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
fn gap_end(tokens: &[Token], time: &[u8], pos: usize, gap: usize) -> usize {
    let mut k = pos;
    let mut words = 0;
    while words < gap && k < tokens.len() {
        let time = time.get(k).map_or(0, |&n| usize::from(n));
        if time > 0 {
            // A time adjunct inside the gap counts as no word ("agreed with
            // Beijing on Monday to a deal").
            k += time;
            continue;
        }
        if joined_hyphen(tokens, k + 1) {
            // The word, its hyphen and the word after it.
            k += 2;
        }
        k += 1;
        words += 1;
    }
    k
}

/// The length of the time adjunct starting at each token (0 for none; see
/// [`time_adjunct_len`]), computed once a sentence for the pattern gaps.
pub(super) fn time_adjuncts(tokens: &[Token]) -> Vec<u8> {
    (0..tokens.len())
        .map(|k| time_adjunct_len(tokens, k) as u8)
        .collect()
}

/// A weekday or a word for a near day, each a time adjunct on its own ("met Friday
/// with", "said today that").
fn is_day_word(w: &str) -> bool {
    crate::tokens::is_weekday(w) || matches!(w, "today" | "yesterday" | "tonight")
}

/// Parts of a day after a weekday ("Monday night").
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Periods after "last", "this", "next" or "earlier this" ("last week").
const PERIODS: &[&str] = &["week", "weekend", "month", "year", "night", "morning"];

/// The number of tokens of a time adjunct starting at `k`, 0 if none: "on Monday",
/// "Monday night", "late on Tuesday", "last week", "earlier this month", "on 5
/// May", "on May 5", "today" (issue 10 class "time adjuncts between a verb and
/// its complement": wire copy puts the day right after the verb, "agreed on
/// Monday to a trade deal", "pledged on Tuesday to send aid").
pub(super) fn time_adjunct_len(tokens: &[Token], k: usize) -> usize {
    // Most words open no adjunct.
    if tokens.get(k).is_none_or(|t| {
        !is_day_word(&t.norm)
            && !matches!(
                t.norm.as_str(),
                "on" | "late" | "early" | "earlier" | "later" | "last" | "this" | "next"
            )
    }) {
        return 0;
    }
    let w = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    let day = |i: usize| {
        if is_day_word(w(i)) {
            1 + usize::from(DAY_PARTS.contains(&w(i + 1)))
        } else {
            0
        }
    };
    let number =
        |i: usize| !w(i).is_empty() && w(i).len() <= 2 && w(i).bytes().all(|b| b.is_ascii_digit());
    let month = |i: usize| crate::tokens::month_number(w(i)).is_some();
    let mut i = k;
    if matches!(w(i), "late" | "early" | "earlier" | "later") && w(i + 1) == "on" {
        i += 1;
    }
    if w(i) == "on" {
        if day(i + 1) > 0 {
            return i + 1 + day(i + 1) - k;
        }
        if number(i + 1) && month(i + 2) {
            return i + 3 - k;
        }
        if month(i + 1) && number(i + 2) {
            return i + 3 - k;
        }
        return 0;
    }
    if i == k && day(k) > 0 {
        return day(k);
    }
    if matches!(w(k), "earlier" | "later") && w(k + 1) == "this" && PERIODS.contains(&w(k + 2)) {
        return 3;
    }
    if matches!(w(k), "last" | "this" | "next") && PERIODS.contains(&w(k + 1)) {
        return 2;
    }
    0
}

/// The number of tokens of a time adjunct that ends right before `end` (exclusive),
/// 0 if none (see [`time_adjunct_len`]).
pub(super) fn time_adjunct_before(tokens: &[Token], end: usize) -> usize {
    (1..=4)
        .rev()
        .find(|&n| end >= n && time_adjunct_len(tokens, end - n) == n)
        .unwrap_or(0)
}

/// The first word after "to" when "to" follows `end`, or follows a time adjunct
/// there ("vowed on Sunday to attack"): where an infinitive after the word
/// ending at `end` starts.
pub(super) fn infinitive_after(tokens: &[Token], end: usize) -> Option<usize> {
    let to = end + time_adjunct_len(tokens, end);
    (tokens.get(to)?.norm == "to").then_some(to + 1)
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
