//! Arc labelling: a second averaged perceptron that names each arc of a finished tree.
//! Because the whole tree is known, it sees both ends of the arc, their neighbours,
//! the function words among the dependent's and the head's children ("by" under a
//! passive agent, "was" beside a passive participle), and the grandparent.

use super::features::{key, mix, Weights, WordAtoms, NONE_ATOM, ROOT_ATOM};
use super::types::{DepRel, Upos};

/// Number of relation classes.
pub(crate) fn n_labels() -> usize {
    DepRel::ALL.len()
}

/// Children of every word of a window, in index order (compressed rows).
#[derive(Default, Debug, Clone)]
pub(crate) struct Children {
    start: Vec<u32>,
    kids: Vec<u32>,
}

impl Children {
    /// Builds from heads (`n` = root).
    pub fn build(&mut self, head: &[u32]) {
        let n = head.len();
        self.start.clear();
        self.start.resize(n + 2, 0);
        for &h in head {
            self.start[h as usize + 1] += 1;
        }
        for i in 1..n + 2 {
            self.start[i] += self.start[i - 1];
        }
        self.kids.clear();
        self.kids.resize(n, 0);
        let mut fill: Vec<u32> = Vec::new();
        fill.extend_from_slice(&self.start[..n + 1]);
        for (d, &h) in head.iter().enumerate() {
            self.kids[fill[h as usize] as usize] = d as u32;
            fill[h as usize] += 1;
        }
    }

    pub fn of(&self, h: usize) -> &[u32] {
        &self.kids[self.start[h] as usize..self.start[h + 1] as usize]
    }
}

fn is_function(t: Upos) -> bool {
    matches!(
        t,
        Upos::Adp
            | Upos::Sconj
            | Upos::Aux
            | Upos::Part
            | Upos::Det
            | Upos::Pron
            | Upos::Cconj
            | Upos::Punct
    )
}

/// Appends the features of arc `h -> d` (window indices; `head[h] == n` for the root).
pub(crate) fn features(
    words: &[WordAtoms],
    tags: &[Upos],
    head: &[u32],
    kids: &Children,
    d: usize,
    out: &mut Vec<u64>,
) {
    let n = words.len();
    let h = head[d] as usize;
    let ta = |p: usize| 0x7400 + tags[p] as u64;
    let wa = |p: usize| words[p].lower;
    let (dw, dt, hw, ht) = (wa(d), ta(d), wa(h), ta(h));
    let dir = (d < h) as u64;
    let dist = match d.abs_diff(h) {
        x @ 0..=3 => x as u64,
        4..=6 => 4,
        _ => 5,
    };
    let g = head[h] as usize;
    let gt = if g == n { ROOT_ATOM } else { ta(g) };
    let prev_t = if d > 0 { ta(d - 1) } else { NONE_ATOM };
    let prev_w = if d > 0 { wa(d - 1) } else { NONE_ATOM };
    let next_t = if d + 1 < n { ta(d + 1) } else { NONE_ATOM };
    let next_w = if d + 1 < n { wa(d + 1) } else { NONE_ATOM };
    let dht = mix(dt, ht);
    out.extend_from_slice(&[
        key(200, 0, 0, 0),
        key(201, dt, 0, 0),
        key(202, dw, 0, 0),
        key(203, dw, dt, 0),
        key(204, ht, 0, 0),
        key(205, hw, 0, 0),
        key(206, dt, ht, 0),
        key(207, dw, ht, 0),
        key(208, dt, hw, 0),
        key(209, dw, hw, 0),
        key(210, dht, dir, dist),
        key(211, words[d].suf[2], ht, 0),
        key(212, dht, gt, 0),
        key(213, dt, prev_t, next_t),
        key(214, dt, prev_w, 0),
        key(215, dht, next_w, 0),
        key(216, words[h].suf[2], dt, dir),
        key(217, words[d].shape, ht, 0),
        key(218, dht, (d == 0) as u64, dir),
        key(219, mix(hw, ht), dt, dir),
        key(220, dt, dir, 0),
        key(221, dht, (kids.of(d).len() as u64).min(4), 0),
        key(222, dw, words[h].suf[1], dir),
        key(223, dw, hw, dir),
        key(224, words[d].suf[2], dt, ht),
        key(225, words[d].suf[1], words[h].suf[1], dir),
    ]);
    // The dependent's function-word children (case markers, possessive 's, "to").
    for &c in kids.of(d).iter().take(6) {
        let c = c as usize;
        let atom = if is_function(tags[c]) { wa(c) } else { ta(c) };
        let side = (c < d) as u64;
        out.push(key(230, dt, atom, side));
        out.push(key(231, dht, atom, side));
    }
    // The head's other children near it (auxiliaries, copulas, particles).
    for &c in kids.of(h) {
        let c = c as usize;
        if c == d || c.abs_diff(h) > 6 {
            continue;
        }
        let atom = if is_function(tags[c]) { wa(c) } else { ta(c) };
        let side = (c < h) as u64 + 2 * (c < d) as u64;
        out.push(key(240, dht, atom, side));
        // "was" + a participle: passive subject, not active.
        out.push(key(241, mix(dt, atom), words[h].suf[1], side));
        out.push(key(242, mix(dt, atom), hw, side));
    }
}

/// Reusable buffers of [`label`].
#[derive(Default, Debug, Clone)]
pub(crate) struct Scratch {
    pub kids: Children,
    pub feats: Vec<u64>,
    pub scores: Vec<f32>,
}

/// Labels every arc of a parsed window into `out` (the root arc gets `Root`).
pub(crate) fn label(
    weights: &Weights,
    words: &[WordAtoms],
    tags: &[Upos],
    head: &[u32],
    scratch: &mut Scratch,
    out: &mut Vec<DepRel>,
) {
    let Scratch {
        kids,
        feats,
        scores,
    } = scratch;
    let n = words.len();
    kids.build(head);
    out.clear();
    for d in 0..n {
        if head[d] as usize == n {
            out.push(DepRel::Root);
            continue;
        }
        feats.clear();
        features(words, tags, head, kids, d, feats);
        scores.clear();
        scores.resize(weights.n_classes, 0.0);
        weights.score(feats, scores);
        let best = super::features::argmax_allowed(scores, |c| c != DepRel::Root as usize)
            .and_then(DepRel::from_index)
            .unwrap_or(DepRel::Dep);
        out.push(best);
    }
}
