//! Unlabelled dependency parsing: the arc-hybrid transition system (Kuhlmann, Gómez-
//! Rodríguez and Satta 2011) with the artificial root at the end of the buffer, a
//! greedy averaged perceptron over stack/buffer features (Zhang and Nivre 2011, a
//! subset), and the dynamic oracle of Goldberg and Nivre (2013) for training.
//!
//! Transitions on a stack `σ|s1|s0` and buffer `b0|β`:
//! - SHIFT: push `b0` (not the root);
//! - LEFT: pop `s0`, arc `b0 -> s0` (when `b0` is the root, only if `s0` is the last
//!   stack item, so every parse has exactly one root);
//! - RIGHT: pop `s0`, arc `s1 -> s0`.
//!
//! A word tagged PUNCT takes no dependents (LEFT onto it and RIGHT from it are illegal
//! while SHIFT is possible), as in UD.
//!
//! Each transition is O(1) (children are tracked incrementally), so a window of `n`
//! words costs `2n` transitions and O(n) memory.

use super::features::{key, Weights, WordAtoms, NONE_ATOM, ROOT_ATOM};
use super::types::Upos;

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const N_MOVES: usize = 3;
pub(crate) const NONE: u32 = u32::MAX;

/// A parser configuration over a window of `n` words; index `n` is the root.
#[derive(Default, Debug, Clone)]
pub(crate) struct State {
    pub n: u32,
    pub stack: Vec<u32>,
    pub b: u32,
    pub head: Vec<u32>,
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    nl: Vec<u16>,
    nr: Vec<u16>,
    /// Words tagged PUNCT: they take no dependents while another move is possible
    /// (UD attaches nothing to punctuation).
    punct: Vec<bool>,
    verb: Vec<bool>,
    /// `verbs[k]`: verbs among the stack's first `k` items (bottom up).
    verbs: Vec<u32>,
}

impl State {
    /// Starts a parse of `n` words, reusing the buffers.
    pub fn reset(&mut self, n: usize) {
        self.n = n as u32;
        self.stack.clear();
        self.b = 0;
        for v in [
            &mut self.head,
            &mut self.l1,
            &mut self.l2,
            &mut self.r1,
            &mut self.r2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        self.punct.clear();
        self.punct.resize(n + 1, false);
        self.verb.clear();
        self.verb.resize(n + 1, false);
        self.verbs.clear();
        self.verbs.push(0);
    }

    /// Verbs in the stack below its top `skip` items.
    pub fn verbs_below(&self, skip: usize) -> u32 {
        let l = self.stack.len();
        self.verbs[l.saturating_sub(skip)]
    }

    /// Starts a parse of the words tagged `tags`.
    pub fn reset_tagged(&mut self, tags: &[Upos]) {
        self.reset(tags.len());
        for (i, t) in tags.iter().enumerate() {
            self.punct[i] = *t == Upos::Punct;
            self.verb[i] = matches!(*t, Upos::Verb | Upos::Aux);
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    pub fn is_legal(&self, m: usize) -> bool {
        match m {
            SHIFT => self.b < self.n,
            LEFT => {
                !self.stack.is_empty()
                    && (self.b < self.n || self.stack.len() == 1)
                    && !self.punct[self.b as usize]
            }
            _ => {
                let l = self.stack.len();
                l >= 2 && (self.b == self.n || !self.punct[self.stack[l - 2] as usize])
            }
        }
    }

    fn add_arc(&mut self, h: u32, d: u32) {
        let (h, d) = (h as usize, d as usize);
        self.head[d] = h as u32;
        if d < h {
            self.l2[h] = self.l1[h];
            self.l1[h] = d as u32;
            self.nl[h] = self.nl[h].saturating_add(1);
        } else {
            self.r2[h] = self.r1[h];
            self.r1[h] = d as u32;
            self.nr[h] = self.nr[h].saturating_add(1);
        }
    }

    pub fn apply(&mut self, m: usize) {
        match m {
            SHIFT => {
                let below = *self.verbs.last().unwrap_or(&0);
                self.verbs.push(below + self.verb[self.b as usize] as u32);
                self.stack.push(self.b);
                self.b += 1;
            }
            LEFT => {
                let d = self.stack.pop().expect("LEFT needs a stack");
                self.verbs.pop();
                self.add_arc(self.b, d);
            }
            _ => {
                let d = self.stack.pop().expect("RIGHT needs two items");
                self.verbs.pop();
                let h = *self.stack.last().expect("RIGHT needs two items");
                self.add_arc(h, d);
            }
        }
    }

    fn s(&self, k: usize) -> u32 {
        let l = self.stack.len();
        if k < l {
            self.stack[l - 1 - k]
        } else {
            NONE
        }
    }

    fn buf(&self, k: u32) -> u32 {
        let p = self.b + k;
        if p <= self.n {
            p
        } else {
            NONE
        }
    }

    /// The cost of each move under the dynamic oracle (arcs of `gold` made unreachable),
    /// or `None` for an illegal move. `gold[i]` is word `i`'s head, `n` for the root.
    pub fn costs(&self, gold: &[u32], out: &mut [Option<u32>; N_MOVES]) {
        let n = self.n;
        let b = self.b;
        let buffer_deps = |x: u32| (b..n).filter(|&d| gold[d as usize] == x).count() as u32;
        *out = [None; N_MOVES];
        if self.is_legal(SHIFT) {
            let h = gold[b as usize];
            let l = self.stack.len();
            let mut c = 0;
            if l > 1 && self.stack[..l - 1].contains(&h) {
                c += 1;
            }
            c += self
                .stack
                .iter()
                .filter(|&&d| gold[d as usize] == b)
                .count() as u32;
            out[SHIFT] = Some(c);
        }
        if self.is_legal(LEFT) {
            let s0 = self.s(0);
            let s1 = self.s(1);
            let h = gold[s0 as usize];
            let mut c = buffer_deps(s0);
            if (s1 != NONE && h == s1) || (h > b && h <= n) {
                c += 1;
            }
            out[LEFT] = Some(c);
        }
        if self.is_legal(RIGHT) {
            let s0 = self.s(0);
            let h = gold[s0 as usize];
            let mut c = buffer_deps(s0);
            if h >= b && h <= n {
                c += 1;
            }
            out[RIGHT] = Some(c);
        }
    }
}

#[inline]
fn word_atom(words: &[WordAtoms], n: u32, p: u32) -> u64 {
    if p == NONE {
        NONE_ATOM
    } else if p == n {
        ROOT_ATOM
    } else {
        words[p as usize].lower
    }
}

#[inline]
fn tag_atom(tags: &[Upos], n: u32, p: u32) -> u64 {
    if p == NONE {
        NONE_ATOM
    } else if p == n {
        ROOT_ATOM
    } else {
        0x7400 + tags[p as usize] as u64
    }
}

fn dist_bucket(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 99;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Appends the features of a configuration to `out`. `words` and `tags` are the
/// window's words.
pub(crate) fn features(words: &[WordAtoms], tags: &[Upos], st: &State, out: &mut Vec<u64>) {
    let n = st.n;
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = st.buf(0);
    let b1 = st.buf(1);
    let b2 = st.buf(2);
    let child = |v: &Vec<u32>, p: u32| if p == NONE { NONE } else { v[p as usize] };
    let s0l = child(&st.l1, s0);
    let s0l2 = child(&st.l2, s0);
    let s0r = child(&st.r1, s0);
    let s0r2 = child(&st.r2, s0);
    let s1l = child(&st.l1, s1);
    let s1r = child(&st.r1, s1);
    let b0l = child(&st.l1, b0);
    let b0l2 = child(&st.l2, b0);
    let w = |p: u32| word_atom(words, n, p);
    let sf = |p: u32| {
        if p == NONE || p == n {
            word_atom(words, n, p)
        } else {
            words[p as usize].suf[2]
        }
    };
    let before = |p: u32| if p == NONE || p == 0 { NONE } else { p - 1 };
    let after = |p: u32| if p == NONE || p + 1 >= n { NONE } else { p + 1 };
    let t = |p: u32| tag_atom(tags, n, p);
    let nl = |p: u32| {
        if p == NONE {
            99
        } else {
            st.nl[p as usize] as u64
        }
    };
    let nr = |p: u32| {
        if p == NONE {
            99
        } else {
            st.nr[p as usize] as u64
        }
    };

    let (s0w, s0t, s1w, s1t, b0w, b0t, b1w, b1t) =
        (w(s0), t(s0), w(s1), t(s1), w(b0), t(b0), w(b1), t(b1));
    let (b2t, s2t) = (t(b2), t(s2));
    let d01 = dist_bucket(s0, b0);
    let d10 = dist_bucket(s1, s0);
    let feats = [
        key(100, 0, 0, 0),
        key(101, s0w, 0, 0),
        key(102, s0t, 0, 0),
        key(103, s0w, s0t, 0),
        key(104, s1w, 0, 0),
        key(105, s1t, 0, 0),
        key(106, s1w, s1t, 0),
        key(107, b0w, 0, 0),
        key(108, b0t, 0, 0),
        key(109, b0w, b0t, 0),
        key(110, b1w, 0, 0),
        key(111, b1t, 0, 0),
        key(112, b1w, b1t, 0),
        key(113, w(b2), 0, 0),
        key(114, b2t, 0, 0),
        key(115, s2t, 0, 0),
        // Pairs.
        key(120, mix3(s0w, s0t), b0w, b0t),
        key(121, mix3(s0w, s0t), b0w, 0),
        key(122, s0w, mix3(b0w, b0t), 0),
        key(123, mix3(s0w, s0t), b0t, 0),
        key(124, s0t, mix3(b0w, b0t), 0),
        key(125, s0w, b0w, 0),
        key(126, s0t, b0t, 0),
        key(127, b0t, b1t, 0),
        key(128, mix3(s1w, s1t), s0w, s0t),
        key(129, s1w, s0w, 0),
        key(130, s1t, s0t, 0),
        key(131, s1t, s0w, 0),
        key(132, s1w, s0t, 0),
        key(133, s0w, b0t, b1t),
        key(134, s0t, b0w, b1t),
        // Triples of tags.
        key(140, b0t, b1t, b2t),
        key(141, s0t, b0t, b1t),
        key(142, s1t, s0t, b0t),
        key(143, s2t, s1t, s0t),
        key(144, s0t, t(s0l), b0t),
        key(145, s0t, t(s0r), b0t),
        key(146, s0t, b0t, t(b0l)),
        key(147, s0t, t(b0l), t(b0l2)),
        key(148, s1t, s0t, t(s0l)),
        key(149, s1t, t(s1r), s0t),
        key(150, s1t, s0t, t(s0r)),
        key(151, s0t, t(s0l), t(s0l2)),
        key(152, s0t, t(s0r), t(s0r2)),
        key(153, s1t, t(s1l), s0t),
        key(154, s1t, s0t, b0t),
        // Distance.
        key(160, s0w, d01, 0),
        key(161, s0t, d01, 0),
        key(162, b0w, d01, 0),
        key(163, b0t, d01, 0),
        key(164, s0t, b0t, d01),
        key(165, s1t, s0t, d10),
        key(166, s1w, s0w, d10),
        // Valency.
        key(170, s0t, nl(s0), 0),
        key(171, s0t, nr(s0), 0),
        key(172, b0t, nl(b0), 0),
        key(173, s1t, nr(s1), 0),
        key(174, s0w, nr(s0), 0),
        key(175, b0w, nl(b0), 0),
        // Children's words.
        key(180, w(s0l), 0, 0),
        key(181, w(s0r), 0, 0),
        key(182, w(b0l), 0, 0),
        key(183, w(s1r), 0, 0),
        key(184, t(s0l), 0, 0),
        key(185, t(s0r), 0, 0),
        key(186, t(b0l), 0, 0),
        key(187, t(s1r), 0, 0),
        // Stack depth (small, so that long stacks prefer reductions).
        key(190, (st.stack.len() as u64).min(6), b0t, 0),
        // Suffixes back off for words not seen in training.
        key(191, sf(s0), s0t, b0t),
        key(192, sf(b0), b0t, s0t),
        key(193, sf(s1), s1t, s0t),
        key(194, sf(s0), sf(b0), 0),
        // Is there already a verb lower in the stack (a main clause to come back to)?
        key(195, (st.verbs_below(1) > 0) as u64, s0t, b0t),
        key(196, (st.verbs_below(0) as u64).min(3), b0t, 0),
        // The words around the gap between s0 and b0 (a comma before b0 closes a clause).
        key(197, w(before(b0)), s0t, b0t),
        key(198, t(before(b0)), w(b0), s0t),
        key(199, w(after(s0)), s0t, b0t),
    ];
    out.extend_from_slice(&feats);
}

#[inline]
fn mix3(a: u64, b: u64) -> u64 {
    super::features::mix(a, b)
}

/// Parses a window: fills `st.head` (index `n` = root). `scores` is scratch.
pub(crate) fn parse(
    weights: &Weights,
    words: &[WordAtoms],
    tags: &[Upos],
    st: &mut State,
    feats: &mut Vec<u64>,
) {
    st.reset_tagged(tags);
    while !st.is_terminal() {
        // A move that is the only legal one is taken without scoring: the arg-max
        // over the legal moves could pick nothing else.
        let mut legal = (0..N_MOVES).filter(|&m| st.is_legal(m));
        let m = match (legal.next(), legal.next()) {
            (None, _) => SHIFT,
            (Some(m), None) => m,
            _ => {
                feats.clear();
                features(words, tags, st, feats);
                let mut scores = [0f32; N_MOVES];
                weights.score(feats, &mut scores);
                super::features::argmax_allowed(&scores, |m| st.is_legal(m)).unwrap_or(SHIFT)
            }
        };
        st.apply(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the zero-cost moves (lowest index first) from the initial state.
    fn oracle_parse(gold: &[u32]) -> Vec<u32> {
        let mut st = State::default();
        st.reset(gold.len());
        let mut costs = [None; N_MOVES];
        while !st.is_terminal() {
            st.costs(gold, &mut costs);
            let m = (0..N_MOVES)
                .filter_map(|m| costs[m].map(|c| (c, m)))
                .min()
                .map(|(_, m)| m)
                .unwrap();
            st.apply(m);
        }
        st.head[..gold.len()].to_vec()
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // Heads are 0-based; the root is n. Trees written by hand:
        // "Rebels took the town ." : took root; Rebels, town, . -> took; the -> town.
        let t1 = [1, 5, 3, 1, 1];
        // "The strikes on the base killed ten ." : killed root.
        let t2 = [1, 5, 4, 4, 1, 8, 5, 5];
        // "She said that he will resign" : said root; ccomp resign; he, will, that -> resign.
        let t3 = [1, 6, 5, 5, 5, 1];
        // Right-branching chain and left-branching chain.
        let t4 = [4, 0, 1, 2];
        let t5 = [1, 2, 3, 4];
        for gold in [&t1[..], &t2, &t3, &t4, &t5] {
            assert_eq!(oracle_parse(gold), gold.to_vec(), "{gold:?}");
        }
    }

    #[test]
    fn exactly_one_root_and_linear_moves() {
        let mut st = State::default();
        st.reset(6);
        let mut moves = 0;
        // Always prefer RIGHT, then LEFT, then SHIFT: still terminates with one root.
        while !st.is_terminal() {
            let m = [RIGHT, LEFT, SHIFT]
                .into_iter()
                .find(|&m| st.is_legal(m))
                .unwrap();
            st.apply(m);
            moves += 1;
        }
        assert_eq!(moves, 12);
        assert_eq!(st.head[..6].iter().filter(|&&h| h == 6).count(), 1);
    }
}
