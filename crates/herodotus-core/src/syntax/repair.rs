//! Deterministic repairs of a parsed window, applied after the parser (tree) and
//! after the labeller (labels). They follow the UD guidelines where the greedy parser,
//! trained on 50k words of web text, is weak:
//!
//! 1. **Reported speech after its content** (`"...," X said.`, `..., says X.`): UD
//!    makes the speech verb the root and the content its `ccomp`. When the parser
//!    hangs a speech verb that tags a quotation ([`speech::TAG`](crate::speech::TAG))
//!    below the content, and that verb's phrase closes the sentence (only
//!    punctuation after it), is set off by punctuation, has at most a nominal (the
//!    speaker) to its left and no clause of its own to its right, the tree is re-rooted
//!    at the verb.
//! 2. **Punctuation** (UD guideline for `punct`): every punctuation mark that is a
//!    leaf is re-attached, without moving any other arc:
//!    - paired marks (quotes, brackets) go to the head of the span they enclose (the
//!      first and the last word of the span whose head is outside it);
//!    - any other mark goes to the lower of two candidates: the highest node reached
//!      by climbing from the nearest word on its left while heads stay on the left,
//!      and the same from the nearest word on its right (sentence-final `.?!`
//!      takes the left one only); a candidate is kept only if the arc makes no
//!      crossing and no gap (projective). So a comma between conjuncts goes to the
//!      conjunct after it, a comma closing a subordinate clause to that clause's
//!      head, and the final period to the root.
//! 3. **Passive subjects** (labels): a subject (`nsubj`, `csubj`) whose head also has
//!    an `aux:pass` child is the passive subject (`nsubj:pass`, `csubj:pass`).
//!
//! Cost: linear in the window for the re-rooting and the labels; for punctuation,
//! each mark tests a few candidates, each in time linear in the arc's length.

use super::features::{word_atoms, WordAtoms};
use super::label::Children;
use super::types::{DepRel, Upos};
use std::sync::OnceLock;

const NONE: u32 = u32::MAX;

/// What a punctuation word is, for re-attachment.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// Ends a sentence: `.`, `?`, `!`, `...`.
    Final,
    /// A quotation mark (opening and closing are told apart by order).
    Quote,
    /// An opening bracket of kind `k` (0 round, 1 square, 2 curly).
    Open(u8),
    /// A closing bracket of kind `k`.
    Close(u8),
    /// Comma, dash, colon and the rest.
    Other,
}

/// The lower-case atoms of the marks and of the speech verbs that tag a quotation.
struct Atoms {
    marks: Vec<(u64, Mark)>,
    speech: Vec<u64>,
}

fn atoms() -> &'static Atoms {
    static ATOMS: OnceLock<Atoms> = OnceLock::new();
    ATOMS.get_or_init(|| {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let mut lower = |w: &str| word_atoms(w, &mut a, &mut b).lower;
        let mut marks = Vec::new();
        for w in [".", "?", "!", "...", "…", "?!", "!?", "!!", "??"] {
            marks.push((lower(w), Mark::Final));
        }
        // Word atoms normalise curly quotes to straight ones.
        for w in ["\"", "''", "``"] {
            marks.push((lower(w), Mark::Quote));
        }
        for (k, (o, c)) in [("(", ")"), ("[", "]"), ("{", "}")].into_iter().enumerate() {
            marks.push((lower(o), Mark::Open(k as u8)));
            marks.push((lower(c), Mark::Close(k as u8)));
        }
        let mut speech: Vec<u64> = crate::speech::SPEECH_VERBS
            .iter()
            .filter(|f| f.uses & crate::speech::TAG != 0)
            .map(|f| lower(f.form))
            .collect();
        speech.sort_unstable();
        speech.dedup();
        Atoms { marks, speech }
    })
}

fn mark(a: &Atoms, w: &WordAtoms) -> Mark {
    a.marks
        .iter()
        .find(|(h, _)| *h == w.lower)
        .map_or(Mark::Other, |&(_, m)| m)
}

/// Reusable buffers of [`tree`].
#[derive(Default, Debug, Clone)]
pub(crate) struct Scratch {
    kids: Children,
    /// Per word: true once its arc is final (every non-punctuation word, and each mark
    /// once placed); the tree over these words is projective.
    fixed: Vec<bool>,
    movable: Vec<bool>,
    has_kid: Vec<bool>,
    kind: Vec<Mark>,
    /// Paired marks placed as an opening (1) or closing (2) mark.
    paired: Vec<u8>,
    path: Vec<u32>,
}

/// Repairs the tree of a window in place: `head[i]` is word `i`'s head, `n` (the
/// window's length) for the root. The tree must have one root and be projective, as
/// the parser makes it; it stays so.
pub(crate) fn tree(words: &[WordAtoms], tags: &[Upos], head: &mut [u32], s: &mut Scratch) {
    let n = head.len();
    if n < 2 || words.len() != n || tags.len() != n {
        return;
    }
    let a = atoms();
    reported_speech(a, words, tags, head, s);
    punctuation(a, words, tags, head, s);
}

/// The first and last word of `x`'s subtree (the tree is projective).
fn span(s: &Scratch, x: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (x, x);
    let mut y = x;
    while let Some(&c) = s.kids.of(y).first() {
        if (c as usize) > y {
            break;
        }
        lo = c as usize;
        y = lo;
    }
    y = x;
    while let Some(&c) = s.kids.of(y).last() {
        if (c as usize) < y {
            break;
        }
        hi = c as usize;
        y = hi;
    }
    (lo, hi)
}

/// Rule 1: re-roots the window at a speech verb that tags the content before it.
fn reported_speech(
    a: &Atoms,
    words: &[WordAtoms],
    tags: &[Upos],
    head: &mut [u32],
    s: &mut Scratch,
) {
    let n = head.len();
    let mut roots = (0..n).filter(|&i| head[i] as usize == n);
    let (Some(r), None) = (roots.next(), roots.next()) else {
        return;
    };
    let Some(last) = (0..n).rev().find(|&i| tags[i] != Upos::Punct) else {
        return;
    };
    if last <= r {
        return;
    }
    s.kids.build(head);
    let nominal = |i: usize| tags[i].is_nominal();
    let found = (r + 1..=last).find(|&v| {
        if tags[v] != Upos::Verb || a.speech.binary_search(&words[v].lower).is_err() {
            return false;
        }
        let (lo, hi) = span(s, v);
        if hi < last || lo <= r {
            return false;
        }
        let kids = s.kids.of(v);
        let mut left = kids
            .iter()
            .map(|&k| k as usize)
            .filter(|&k| k < v && tags[k] != Upos::Punct);
        let left_ok = match (left.next(), left.next()) {
            (None, _) => true,
            (Some(k), None) => nominal(k),
            _ => false,
        };
        let clause_after = kids
            .iter()
            .any(|&k| k as usize > v && tags[k as usize].is_verbal());
        let speaker = kids.iter().any(|&k| nominal(k as usize));
        // Set off from the content: punctuation just before the verb's phrase.
        let first = (lo..v).find(|&i| tags[i] != Upos::Punct).unwrap_or(v);
        left_ok && !clause_after && speaker && first > 0 && tags[first - 1] == Upos::Punct
    });
    let Some(v) = found else {
        return;
    };
    let (lo, hi) = span(s, v);
    head[v] = n as u32;
    head[r] = v as u32;
    // Words after the verb's phrase that hung in the content's subtree (the final
    // period) go to the verb, which keeps the tree projective.
    for h in head.iter_mut().take(n).skip(hi + 1) {
        if (*h as usize) < lo {
            *h = v as u32;
        }
    }
}

/// Is `a` the word `x` or one of its ancestors?
fn dominates(head: &[u32], a: usize, mut x: usize) -> bool {
    let n = head.len();
    let mut steps = 0;
    while x < n && steps <= n {
        if x == a {
            return true;
        }
        x = head[x] as usize;
        steps += 1;
    }
    false
}

/// Would the arc `x -> p` keep the tree over the fixed words projective? `g` is the
/// head of the innermost fixed arc spanning `p` (`NONE` if none).
fn projective(head: &[u32], fixed: &[bool], p: usize, x: usize, g: u32) -> bool {
    if g != NONE && !dominates(head, g as usize, x) {
        return false;
    }
    let (lo, hi) = if x < p { (x + 1, p) } else { (p + 1, x) };
    (lo..hi).all(|d| !fixed[d] || dominates(head, x, d))
}

/// The head of the innermost fixed arc spanning position `p` strictly.
fn innermost_spanning(head: &[u32], fixed: &[bool], p: usize) -> u32 {
    let n = head.len();
    let mut best = (usize::MAX, NONE);
    for d in 0..n {
        let h = head[d] as usize;
        if !fixed[d] || h >= n {
            continue;
        }
        let (lo, hi) = (d.min(h), d.max(h));
        if lo < p && p < hi && hi - lo < best.0 {
            best = (hi - lo, h as u32);
        }
    }
    best.1
}

/// Rule 2: re-attaches punctuation (see the module documentation).
fn punctuation(a: &Atoms, words: &[WordAtoms], tags: &[Upos], head: &mut [u32], s: &mut Scratch) {
    let n = head.len();
    s.fixed.clear();
    s.movable.clear();
    s.kind.clear();
    s.paired.clear();
    s.paired.resize(n, 0);
    s.has_kid.clear();
    s.has_kid.resize(n, false);
    for &h in head.iter() {
        if (h as usize) < n {
            s.has_kid[h as usize] = true;
        }
    }
    for i in 0..n {
        let m = tags[i] == Upos::Punct && !s.has_kid[i] && (head[i] as usize) < n;
        s.movable.push(m);
        s.fixed.push(!m);
        s.kind.push(if tags[i] == Upos::Punct {
            mark(a, &words[i])
        } else {
            Mark::Other
        });
    }
    if !s.movable.iter().any(|&m| m) {
        return;
    }
    paired_marks(tags, head, s);
    for p in 0..n {
        if !s.movable[p] || s.fixed[p] {
            continue;
        }
        if let Some(x) = subordinate_head(tags, head, s, p) {
            head[p] = x as u32;
        }
        s.fixed[p] = true;
    }
}

/// Places quotation marks and brackets that enclose words on the head of the span.
fn paired_marks(tags: &[Upos], head: &mut [u32], s: &mut Scratch) {
    let n = head.len();
    let mut open_quote: Option<usize> = None;
    let mut brackets: Vec<usize> = Vec::new();
    for c in 0..n {
        if tags[c] != Upos::Punct {
            continue;
        }
        let o = match s.kind[c] {
            Mark::Quote => match open_quote.take() {
                None => {
                    open_quote = Some(c);
                    continue;
                }
                Some(o) => o,
            },
            Mark::Open(_) => {
                brackets.push(c);
                continue;
            }
            Mark::Close(k) => match brackets.last() {
                Some(&o) if s.kind[o] == Mark::Open(k) => {
                    brackets.pop();
                    o
                }
                _ => continue,
            },
            _ => continue,
        };
        if !(s.movable[o] && s.movable[c]) {
            continue;
        }
        // The words inside whose head is outside: the heads of the enclosed span.
        let mut inside = (o + 1..c).filter(|&d| {
            let h = head[d] as usize;
            tags[d] != Upos::Punct && !(o < h && h < c)
        });
        let Some(first) = inside.next() else {
            continue;
        };
        let last = inside.next_back().unwrap_or(first);
        let go = innermost_spanning(head, &s.fixed, o);
        let gc = innermost_spanning(head, &s.fixed, c);
        if projective(head, &s.fixed, o, first, go) && projective(head, &s.fixed, c, last, gc) {
            head[o] = first as u32;
            head[c] = last as u32;
            s.fixed[o] = true;
            s.fixed[c] = true;
            s.paired[o] = 1;
            s.paired[c] = 2;
        }
    }
}

/// The new head of a mark that is not paired, or `None` to leave it.
fn subordinate_head(tags: &[Upos], head: &[u32], s: &mut Scratch, p: usize) -> Option<usize> {
    let n = head.len();
    // The nearest words on each side, skipping marks; an opening mark on the left (a
    // closing one on the right) encloses its own span and blocks that side.
    let nearest = |words: &mut dyn Iterator<Item = usize>, blocker: u8| -> Option<usize> {
        for i in words {
            if tags[i] != Upos::Punct {
                return Some(i);
            }
            if s.paired[i] == blocker {
                return None;
            }
        }
        None
    };
    let left = nearest(&mut (0..p).rev(), 1);
    let right = if s.kind[p] == Mark::Final {
        None
    } else {
        nearest(&mut (p + 1..n), 2)
    };
    let g = innermost_spanning(head, &s.fixed, p);
    // Climb from each side while the head stays on that side; keep the highest
    // candidate that makes a projective arc.
    let best = |start: Option<usize>, on_left: bool, path: &mut Vec<u32>| {
        path.clear();
        let mut x = start?;
        path.push(x as u32);
        loop {
            let h = head[x] as usize;
            if h >= n || (on_left && h > p) || (!on_left && h < p) {
                break;
            }
            x = h;
            path.push(x as u32);
        }
        path.iter()
            .rev()
            .map(|&x| x as usize)
            .find(|&x| s.fixed[x] && projective(head, &s.fixed, p, x, g))
    };
    let mut path = std::mem::take(&mut s.path);
    let l = best(left, true, &mut path);
    let r = best(right, false, &mut path);
    s.path = path;
    match (l, r) {
        (Some(l), Some(r)) => Some(if dominates(head, l, r) { r } else { l }),
        (l, r) => l.or(r),
    }
}

/// Rule 3: label repairs on a labelled window (`head[i] == n` for the root).
pub(crate) fn labels(head: &[u32], tags: &[Upos], rels: &mut [DepRel]) {
    if rels.len() != head.len() {
        return;
    }
    for d in 0..rels.len() {
        // Only subjects change, and only by their siblings' `aux:pass`, which no
        // repair changes: reading `rels` while writing it is safe.
        let r = relation(head, tags, d, rels[d], |k| rels[k]);
        rels[d] = r;
    }
}

/// The relation of word `d` given its labeller's relation and a way to get the
/// relation of another word: the same as [`labels`] gives, for callers that label
/// words on demand.
pub(crate) fn relation(
    head: &[u32],
    tags: &[Upos],
    d: usize,
    rel: DepRel,
    other: impl Fn(usize) -> DepRel,
) -> DepRel {
    let n = head.len();
    let passive = match rel {
        DepRel::Nsubj => DepRel::NsubjPass,
        DepRel::Csubj => DepRel::CsubjPass,
        _ => return rel,
    };
    let h = head[d];
    if (h as usize) < n
        && (0..n).any(|k| head[k] == h && tags[k] == Upos::Aux && other(k) == DepRel::AuxPass)
    {
        passive
    } else {
        rel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atoms_of(words: &[&str]) -> Vec<WordAtoms> {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        words
            .iter()
            .map(|w| word_atoms(w, &mut a, &mut b))
            .collect()
    }

    fn tags_of(t: &str) -> Vec<Upos> {
        t.split_whitespace().map(|x| x.parse().unwrap()).collect()
    }

    /// Heads 1-based with 0 for the root, as in CoNLL-U, converted to the window form.
    fn window(heads: &[u32]) -> Vec<u32> {
        let n = heads.len() as u32;
        heads
            .iter()
            .map(|&h| if h == 0 { n } else { h - 1 })
            .collect()
    }

    fn conllu(head: &[u32]) -> Vec<u32> {
        let n = head.len() as u32;
        head.iter()
            .map(|&h| if h == n { 0 } else { h + 1 })
            .collect()
    }

    fn run(words: &str, tags: &str, heads: &[u32]) -> Vec<u32> {
        let w: Vec<&str> = words.split_whitespace().collect();
        let mut h = window(heads);
        tree(
            &atoms_of(&w),
            &tags_of(tags),
            &mut h,
            &mut Scratch::default(),
        );
        conllu(&h)
    }

    /// What a case shows, its words, their tags, the parser's heads and the repaired
    /// heads (CoNLL-U heads: 1-based, 0 for the root).
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static [u32],
        &'static [u32],
    );

    /// Trees we wrote, parsed wrongly, and what the repairs make of them.
    const CASES: &[Case] = &[
        (
            "final period to the root, comma to the conjunct after it",
            "Rebels seized Aleppo , Homs and Hama .",
            "NOUN VERB PROPN PUNCT PROPN CCONJ PROPN PUNCT",
            &[2, 0, 2, 3, 3, 7, 3, 7],
            &[2, 0, 2, 5, 3, 7, 3, 2],
        ),
        (
            "comma closing a fronted clause stays with that clause",
            "When talks failed , the army attacked .",
            "SCONJ NOUN VERB PUNCT DET NOUN VERB PUNCT",
            &[3, 3, 7, 7, 6, 7, 0, 3],
            &[3, 3, 7, 3, 6, 7, 0, 7],
        ),
        (
            "quotes to the head of the quoted span",
            "He called it \u{201c} a disgrace \u{201d} .",
            "PRON VERB PRON PUNCT DET NOUN PUNCT PUNCT",
            &[2, 0, 2, 2, 6, 2, 5, 6],
            &[2, 0, 2, 6, 6, 2, 6, 2],
        ),
        (
            "speech verb after the quote becomes the root, the content its dependent",
            "\" We will respond , \" the minister said .",
            "PUNCT PRON AUX VERB PUNCT PUNCT DET NOUN VERB PUNCT",
            &[4, 4, 4, 0, 4, 4, 8, 9, 4, 4],
            &[4, 4, 4, 9, 4, 4, 8, 9, 0, 9],
        ),
    ];

    #[test]
    fn repairs_by_construction() {
        for (what, words, tags, parsed, repaired) in CASES {
            assert_eq!(run(words, tags, parsed), repaired.to_vec(), "{what}");
        }
    }

    #[test]
    fn speech_verb_with_its_own_clause_is_left() {
        // "Talks failed , officials said they would leave ." : "said" has a clause
        // after it, so the parse is not changed (apart from punctuation).
        let words = "Talks failed , officials said they would leave .";
        let tags = "NOUN VERB PUNCT NOUN VERB PRON AUX VERB PUNCT";
        let heads = [2, 0, 5, 5, 2, 8, 8, 5, 2];
        let got = run(words, tags, &heads);
        assert_eq!(got[1], 0);
        assert_eq!(got[4], 2);
    }

    #[test]
    fn marks_with_children_and_bad_input_are_left() {
        // A mark that heads a word is not moved; an empty or mismatched window is a no-op.
        let got = run("Yes , no", "INTJ PUNCT INTJ", &[0, 1, 2]);
        assert_eq!(got, vec![0, 1, 2]);
        let mut h: Vec<u32> = vec![];
        tree(&[], &[], &mut h, &mut Scratch::default());
        let mut h = vec![1, 2];
        tree(
            &atoms_of(&["a"]),
            &[Upos::X],
            &mut h,
            &mut Scratch::default(),
        );
        assert_eq!(h, vec![1, 2]);
    }

    #[test]
    fn subject_of_a_passive_is_relabelled() {
        // "The town was shelled" : nsubj + aux:pass under "shelled" -> nsubj:pass.
        let head = window(&[2, 4, 4, 0]);
        let tags = tags_of("DET NOUN AUX VERB");
        let mut rels = vec![DepRel::Det, DepRel::Nsubj, DepRel::AuxPass, DepRel::Root];
        labels(&head, &tags, &mut rels);
        assert_eq!(rels[1], DepRel::NsubjPass);
        let other = |k: usize| [DepRel::Det, DepRel::Nsubj, DepRel::AuxPass, DepRel::Root][k];
        assert_eq!(
            relation(&head, &tags, 1, DepRel::Nsubj, other),
            DepRel::NsubjPass
        );
        let mut active = vec![DepRel::Det, DepRel::Nsubj, DepRel::Aux, DepRel::Root];
        labels(&head, &tags, &mut active);
        assert_eq!(active[1], DepRel::Nsubj);
    }
}
