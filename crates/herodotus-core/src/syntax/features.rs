//! Feature hashing and the averaged perceptron shared by the tagger, the parser and the
//! arc labeller.
//!
//! A feature is a `u64` made by mixing a template number with hashed atoms (word forms,
//! tags, distances). At inference the weights live in an open-addressing table keyed by
//! that hash, one dense row of `i16` per feature (one quantisation scale per classifier,
//! so scores add up in `i32` and the arg-max never needs the scale). Training uses
//! `f32` weights with lazily averaged totals.

use crate::tokens::normalize_char;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// splitmix64 finalizer: a cheap, well-mixing bijection on u64.
#[inline]
pub(crate) fn fmix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Mixes two values into one feature hash.
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A feature key from a template number and up to three atoms. Never 0 (0 marks an
/// empty slot in the table).
#[inline]
pub(crate) fn key(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(t.wrapping_add(0x1234_5678), a), b), c) | 1
}

/// FNV-1a over a byte string, finalised; used for the atoms of words.
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

/// Hashes a sequence of chars (as UTF-32 values).
#[inline]
fn hash_chars(cs: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in cs {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

/// Atoms of one word, computed once per word per sentence.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordAtoms {
    /// The normalised form, case kept.
    pub form: u64,
    /// The normalised lower-case form.
    pub lower: u64,
    /// Lower-case suffixes of 1, 2, 3 and 4 chars (the whole word when shorter).
    pub suf: [u64; 4],
    /// Lower-case prefixes of 1 and 2 chars.
    pub pre: [u64; 2],
    /// Word shape with runs collapsed ("Xx", "d,d", "X.X.").
    pub shape: u64,
}

/// Atoms standing for "no word here" and for the artificial root.
pub(crate) const NONE_ATOM: u64 = 0x4e4f_4e45;
pub(crate) const ROOT_ATOM: u64 = 0x524f_4f54;

/// Computes a word's atoms, using `scratch` for its normalised lower-case chars.
pub(crate) fn word_atoms(
    word: &str,
    scratch: &mut Vec<char>,
    lower_scratch: &mut Vec<char>,
) -> WordAtoms {
    scratch.clear();
    lower_scratch.clear();
    for c in word.chars() {
        let c = normalize_char(c);
        scratch.push(c);
        if c.is_ascii() {
            lower_scratch.push(c.to_ascii_lowercase());
        } else {
            lower_scratch.extend(c.to_lowercase());
        }
    }
    let form = hash_chars(scratch);
    let lower = hash_chars(lower_scratch);
    let n = lower_scratch.len();
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        let from = n.saturating_sub(k + 1);
        *s = mix(hash_chars(&lower_scratch[from..]), 0x5355_4600 + k as u64);
    }
    let mut pre = [0u64; 2];
    for (k, p) in pre.iter_mut().enumerate() {
        let to = (k + 1).min(n);
        *p = mix(hash_chars(&lower_scratch[..to]), 0x5052_4500 + k as u64);
    }
    // Shape: X for upper, x for lower, d for digit, the char itself otherwise; runs of
    // the same class collapsed to one, so "Kharkiv" and "Mosul" share "Xx".
    let mut h: u64 = 0x5348_4150;
    let mut last = '\0';
    for &c in scratch.iter() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last {
            h = mix(h, k as u64);
            last = k;
        }
    }
    WordAtoms {
        form,
        lower,
        suf,
        pre,
        shape: h,
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by feature hashes.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The bytes a weight table lives in: borrowed from the model embedded in the binary
/// (used in place, nothing copied or built at load) or owned (a model read from a
/// file, or one just trained).
#[derive(Clone)]
pub(crate) enum Bytes {
    Static(&'static [u8]),
    Owned(std::sync::Arc<[u8]>),
}

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Bytes({} bytes)", self.len())
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Owned(b) => b,
        }
    }
}

#[inline]
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

/// Inference weights, in a layout that is read in place from the model file.
///
/// The features are spread over `nb` buckets (a power of two) by bits 1.. of their
/// key (bit 0 is always set) and stored bucket by bucket:
/// ```text
/// n_classes u32 | count u32 | nb u32
/// offsets  (nb + 1) x u32      first feature of each bucket; offsets[nb] = count
/// tags     count x u32         the key's high 32 bits, to tell a bucket's keys apart
/// records  count x (f32 scale, n_classes x i8)   weight = q * scale
/// ```
/// A lookup reads one offset pair (the offsets are small and stay in cache), scans
/// about two tags and reads one record. All little-endian; no alignment needed.
#[derive(Clone, Debug)]
pub(crate) struct Weights {
    pub n_classes: usize,
    count: usize,
    mask: u64,
    data: Bytes,
    /// Where the table's header starts in `data`, and where its arrays start.
    start: usize,
    offsets: usize,
    tags: usize,
    records: usize,
    end: usize,
}

impl PartialEq for Weights {
    fn eq(&self, other: &Weights) -> bool {
        self.n_classes == other.n_classes && self.bytes() == other.bytes()
    }
}

/// Bucket of a feature key.
#[inline]
fn bucket(k: u64, mask: u64) -> usize {
    ((k >> 1) & mask) as usize
}

impl Weights {
    /// Builds the table from keys, per-row scales and rows of `n_classes` values. A key
    /// whose bucket and tag repeat an earlier key's (about one chance in 2^50 per
    /// pair) is dropped.
    pub fn from_rows(n_classes: usize, keys: &[u64], scales: &[f32], rows: &[i8]) -> Weights {
        let nb = (keys.len() / 2).max(1).next_power_of_two();
        let mask = nb as u64 - 1;
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by_key(|&i| (bucket(keys[i], mask), keys[i]));
        order.dedup_by_key(|i| (bucket(keys[*i], mask), keys[*i] >> 32));
        let count = order.len();
        let mut b = Vec::with_capacity(12 + 4 * (nb + 1) + count * (8 + n_classes));
        b.extend_from_slice(&(n_classes as u32).to_le_bytes());
        b.extend_from_slice(&(count as u32).to_le_bytes());
        b.extend_from_slice(&(nb as u32).to_le_bytes());
        let mut at = 0usize;
        for bk in 0..=nb {
            while at < count && bucket(keys[order[at]], mask) < bk {
                at += 1;
            }
            b.extend_from_slice(&(at as u32).to_le_bytes());
        }
        for &i in &order {
            b.extend_from_slice(&((keys[i] >> 32) as u32).to_le_bytes());
        }
        for &i in &order {
            b.extend_from_slice(&scales[i].to_le_bytes());
            b.extend(
                rows[i * n_classes..(i + 1) * n_classes]
                    .iter()
                    .map(|&q| q as u8),
            );
        }
        let len = b.len();
        Weights::parse(Bytes::Owned(b.into()), 0)
            .map(|(w, end)| {
                debug_assert_eq!(end, len);
                w
            })
            .expect("a table just built is well formed")
    }

    /// Reads the table that starts at `start` in `data`; returns it and where it ends.
    /// Checks every length and the offsets (non-decreasing, ending at the count), so a
    /// damaged table is an error here and every later lookup stays in bounds.
    pub fn parse(data: Bytes, start: usize) -> Result<(Weights, usize), String> {
        let avail = data.len().saturating_sub(start);
        if avail < 12 {
            return Err(format!("table header at {start} cut short"));
        }
        let n_classes = u32_at(&data, start) as usize;
        let count = u32_at(&data, start + 4) as usize;
        let nb = u32_at(&data, start + 8) as usize;
        if n_classes == 0 || n_classes > 256 {
            return Err(format!("bad class count {n_classes}"));
        }
        if nb == 0 || !nb.is_power_of_two() || nb > 1 << 28 {
            return Err(format!("bad bucket count {nb}"));
        }
        let need = 12u64 + 4 * (nb as u64 + 1) + count as u64 * (4 + 4 + n_classes as u64);
        if need > avail as u64 {
            return Err(format!(
                "table at {start} needs {need} bytes, {avail} left (truncated?)"
            ));
        }
        let offsets = start + 12;
        let tags = offsets + 4 * (nb + 1);
        let records = tags + 4 * count;
        let end = records + count * (4 + n_classes);
        let mut last = 0u32;
        for i in 0..=nb {
            let o = u32_at(&data, offsets + 4 * i);
            if o < last || o as usize > count || (i == 0 && o != 0) {
                return Err(format!("bad bucket offset {o} at bucket {i}"));
            }
            last = o;
        }
        if last as usize != count {
            return Err("bucket offsets do not end at the feature count".into());
        }
        Ok((
            Weights {
                n_classes,
                count,
                mask: nb as u64 - 1,
                data,
                start,
                offsets,
                tags,
                records,
                end,
            },
            end,
        ))
    }

    /// The table's bytes, as written in a model file.
    pub fn bytes(&self) -> &[u8] {
        &self.data[self.start..self.end]
    }

    /// Offset of a feature's record, if it has one.
    #[inline]
    fn record(&self, k: u64) -> Option<usize> {
        let d = &*self.data;
        let o = self.offsets + 4 * bucket(k, self.mask);
        let (lo, hi) = (u32_at(d, o) as usize, u32_at(d, o + 4) as usize);
        let tag = (k >> 32) as u32;
        (lo..hi)
            .find(|&i| u32_at(d, self.tags + 4 * i) == tag)
            .map(|i| self.records + i * (4 + self.n_classes))
    }

    /// Adds the rows of `feats` into `scores` (length `n_classes`, zeroed by the caller).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let n = self.n_classes;
        let d = &*self.data;
        for &f in feats {
            if let Some(o) = self.record(f) {
                let scale = f32::from_le_bytes(d[o..o + 4].try_into().expect("4 bytes"));
                for (s, &q) in scores.iter_mut().zip(&d[o + 4..o + 4 + n]) {
                    *s += (q as i8) as f32 * scale;
                }
            }
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.count
    }
}

/// The best class among those `allowed`, by score (ties: lowest index, so the result
/// is deterministic).
#[inline]
pub(crate) fn argmax_allowed(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

/// Averaged perceptron under training (f32 weights, lazily averaged).
#[cfg(feature = "train")]
pub(crate) struct Perceptron {
    pub n_classes: usize,
    index: IdMap<u32>,
    keys: Vec<u64>,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    /// Instances seen.
    pub time: u32,
}

#[cfg(feature = "train")]
impl Perceptron {
    pub fn new(n_classes: usize) -> Perceptron {
        Perceptron {
            n_classes,
            index: IdMap::default(),
            keys: Vec::new(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            time: 0,
        }
    }

    /// Current (not averaged) scores.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let r = r as usize * self.n_classes;
                for (s, w) in scores.iter_mut().zip(&self.w[r..r + self.n_classes]) {
                    *s += *w;
                }
            }
        }
    }

    fn row_of(&mut self, f: u64) -> usize {
        let n = self.n_classes;
        let next = self.keys.len() as u32;
        let r = *self.index.entry(f).or_insert(next);
        if r == next {
            self.keys.push(f);
            self.w.extend(std::iter::repeat_n(0.0, n));
            self.total.extend(std::iter::repeat_n(0.0, n));
            self.stamp.extend(std::iter::repeat_n(0, n));
        }
        r as usize * n
    }

    fn bump(&mut self, i: usize, delta: f32) {
        let t = self.time;
        self.total[i] += (t - self.stamp[i]) as f64 * self.w[i] as f64;
        self.stamp[i] = t;
        self.w[i] += delta;
    }

    /// One perceptron step: counts an instance; if `guess != truth`, moves the weights.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        self.time += 1;
        if truth == guess {
            return;
        }
        for &f in feats {
            let r = self.row_of(f);
            self.bump(r + truth, 1.0);
            self.bump(r + guess, -1.0);
        }
    }

    /// The averaged weights, quantised to `i8` with one scale per row; rows whose
    /// largest averaged weight is below `prune` in absolute value are dropped.
    pub fn averaged(&self, prune: f32) -> Weights {
        let t = self.time.max(1) as f64;
        let n = self.n_classes;
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_by_key(|&r| self.keys[r]);
        let (mut keys, mut scales, mut rows) = (Vec::new(), Vec::new(), Vec::new());
        let mut avg = vec![0f32; n];
        for r in order {
            for (j, a) in avg.iter_mut().enumerate() {
                let i = r * n + j;
                *a = ((self.total[i] + (self.time - self.stamp[i]) as f64 * self.w[i] as f64) / t)
                    as f32;
            }
            let max = avg.iter().fold(0f32, |m, w| m.max(w.abs()));
            if max == 0.0 || max < prune {
                continue;
            }
            let scale = max / 127.0;
            keys.push(self.keys[r]);
            scales.push(scale);
            rows.extend(
                avg.iter()
                    .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8),
            );
        }
        Weights::from_rows(n, &keys, &scales, &rows)
    }
}

/// A small deterministic random number generator (splitmix64) for shuffling and
/// exploration during training.
#[cfg(feature = "train")]
pub(crate) struct Rng(u64);

#[cfg(feature = "train")]
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6a09_e667_f3bc_c909)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        fmix(self.0)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            xs.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_scores_and_reads_back_in_place() {
        let keys = [
            1u64 << 32 | 3,
            2 << 32 | 5,
            3 << 32 | 9,
            1 << 40 | 1,
            7 << 33 | 3,
        ];
        let scales = [1.0f32, 0.5, 2.0, 1.0, 0.25];
        let rows = [1i8, -1, 2, 0, 7, 7, -3, 4, 8, -8];
        let w = Weights::from_rows(2, &keys, &scales, &rows);
        assert_eq!(w.len(), 5);
        let mut s = [0f32; 2];
        w.score(&[2 << 32 | 5, 11, 1 << 40 | 1, 7 << 33 | 3], &mut s);
        assert_eq!(s, [1.0 - 3.0 + 2.0, 4.0 - 2.0]);
        // Read back from its bytes, borrowed in place.
        let bytes: &'static [u8] = Box::leak(w.bytes().to_vec().into_boxed_slice());
        let (back, end) = Weights::parse(Bytes::Static(bytes), 0).unwrap();
        assert_eq!(end, bytes.len());
        assert_eq!(back, w);
        let mut s2 = [0f32; 2];
        back.score(&[2 << 32 | 5, 11, 1 << 40 | 1, 7 << 33 | 3], &mut s2);
        assert_eq!(s, s2);
        // Damaged offsets or a cut are errors.
        for cut in [0, 11, 20, bytes.len() - 1] {
            assert!(Weights::parse(Bytes::Owned(bytes[..cut].into()), 0).is_err());
        }
        let mut bad = bytes.to_vec();
        bad[16] = 9;
        assert!(Weights::parse(Bytes::Owned(bad.into()), 0).is_err());
    }

    #[test]
    fn atoms_normalise_quotes_and_case() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let x = word_atoms("Don\u{2019}t", &mut a, &mut b);
        let y = word_atoms("don't", &mut a, &mut b);
        assert_eq!(x.lower, y.lower);
        assert_ne!(x.form, y.form);
        assert_ne!(x.shape, y.shape);
    }

    #[cfg(feature = "train")]
    #[test]
    fn perceptron_learns_a_separable_toy() {
        let mut p = Perceptron::new(2);
        for _ in 0..10 {
            for (f, y) in [(11u64, 0usize), (13, 1)] {
                let mut s = [0f32; 2];
                p.score(&[f, 7], &mut s);
                let g = if s[1] > s[0] { 1 } else { 0 };
                p.update(&[f, 7], y, g);
            }
        }
        let w = p.averaged(0.0);
        let mut s = [0f32; 2];
        w.score(&[13, 7], &mut s);
        assert!(s[1] > s[0]);
    }
}
