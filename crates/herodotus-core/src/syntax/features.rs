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
    /// Lower-case suffixes of 1, 2, 3, 4 and 5 chars (the whole word when shorter).
    pub suf: [u64; 5],
    /// Lower-case prefixes of 1, 2 and 3 chars.
    pub pre: [u64; 3],
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
    let mut suf = [0u64; 5];
    for (k, s) in suf.iter_mut().enumerate() {
        let from = n.saturating_sub(k + 1);
        *s = mix(hash_chars(&lower_scratch[from..]), 0x5355_4600 + k as u64);
    }
    let mut pre = [0u64; 3];
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
    /// The same weights re-laid for lookups (see [`Slots`]), built on first use.
    slots: LazySlots,
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
                slots: LazySlots::default(),
            },
            end,
        ))
    }

    /// The table's bytes, as written in a model file.
    pub fn bytes(&self) -> &[u8] {
        &self.data[self.start..self.end]
    }

    /// Offset of a feature's record in the file layout, if it has one (the reference
    /// lookup; inference goes through [`Slots`], which finds the same records).
    #[cfg(test)]
    fn record(&self, k: u64) -> Option<usize> {
        let d = &*self.data;
        let o = self.offsets + 4 * bucket(k, self.mask);
        let (lo, hi) = (u32_at(d, o) as usize, u32_at(d, o + 4) as usize);
        let tag = (k >> 32) as u32;
        (lo..hi)
            .find(|&i| u32_at(d, self.tags + 4 * i) == tag)
            .map(|i| self.records + i * (4 + self.n_classes))
    }

    /// The lookup table, built on first use.
    #[inline]
    fn slots(&self) -> &Slots {
        self.slots.0.get_or_init(|| Slots::build(self))
    }

    /// Builds the lookup table now (it is otherwise built on the first lookup).
    pub fn prepare(&self) {
        self.slots();
    }

    /// Adds the rows of `feats` into `scores` (length `n_classes`, zeroed by the caller).
    ///
    /// Each class's score is the sum of `q * scale` over the features in `feats`
    /// order, in `f32`, whatever the table layout: the same bits as a plain loop.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let slots = self.slots();
        match scores.len() {
            3 => slots.score_n::<3>(feats, scores.try_into().expect("3 scores")),
            17 => slots.score_n::<17>(feats, scores.try_into().expect("17 scores")),
            57 => slots.score_n::<57>(feats, scores.try_into().expect("57 scores")),
            _ => slots.score_any(feats, scores),
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.count
    }
}

/// The slot table of a [`Weights`], built on first use. A clone starts empty (it is
/// rebuilt from the bytes, which are shared or copied with the table).
#[derive(Debug, Default)]
struct LazySlots(std::sync::OnceLock<Slots>);

impl Clone for LazySlots {
    fn clone(&self) -> LazySlots {
        LazySlots::default()
    }
}

/// A weight table re-laid for inference: open addressing over a power-of-two number of
/// slots (at most about half full), each slot holding a feature's check key, its scale
/// and its `n_classes` weights together. A lookup hashes the key, then reads one slot
/// (one or two adjacent cache lines) and, rarely, the next ones; the file layout needs
/// three dependent reads in three arrays (bucket offset, key tags, record).
///
/// The check key of a feature is what the file layout tells features apart by: its
/// bucket bits and its high 32 bits (`key & check_mask`, with bit 0 set, so never
/// 0, which marks an empty slot). A feature is found here exactly when the file
/// lookup finds it, with the same record.
///
/// Slot layout (little-endian, `stride` bytes, a multiple of 8; the table starts on a
/// 64-byte boundary): check `u64` | scale `f32` | `n_classes` x `i8` | padding.
#[derive(Debug)]
struct Slots {
    n_classes: usize,
    stride: usize,
    /// Slot count minus one.
    mask: usize,
    /// Clears the slot bits within a cache line (all ones when a slot fills one).
    line_mask: usize,
    /// Bits of a key that the file layout keeps (bucket bits and the high 32 bits).
    check_mask: u64,
    bytes: Box<[u8]>,
    /// Offset of slot 0 in `bytes` (aligned to 64 bytes in memory).
    base: usize,
}

impl Slots {
    /// The slot table of `w`'s features. Where the file has the same check key twice
    /// (not in a table `from_rows` built), the first record wins, as in the file lookup.
    fn build(w: &Weights) -> Slots {
        let n = w.n_classes;
        let stride = (12 + n).div_ceil(8) * 8;
        // Load factor at most ~0.55 keeps misses (most lookups) to a probe or two.
        let want = (w.count as u64 * 20 / 11).max(16) as usize;
        let count = want.next_power_of_two();
        let mut bytes = vec![0u8; count * stride + 64];
        let base = (64 - (bytes.as_ptr() as usize) % 64) % 64;
        let check_mask = 0xffff_ffff_0000_0000 | (w.mask << 1) | 1;
        let mut s = Slots {
            n_classes: n,
            stride,
            mask: count - 1,
            line_mask: !((64 / stride).max(1).min(count) - 1),
            check_mask,
            bytes: Box::default(),
            base,
        };
        let d = &*w.data;
        let nb = w.mask as usize + 1;
        for b in 0..nb {
            let o = w.offsets + 4 * b;
            let (lo, hi) = (u32_at(d, o) as usize, u32_at(d, o + 4) as usize);
            for i in lo..hi {
                let tag = u32_at(d, w.tags + 4 * i) as u64;
                let check = tag << 32 | (b as u64) << 1 | 1;
                let mut at = s.home(check);
                loop {
                    let p = base + at * stride;
                    let c = u64::from_le_bytes(bytes[p..p + 8].try_into().expect("8 bytes"));
                    if c == check {
                        break; // a repeated key: the first one stays
                    }
                    if c == 0 {
                        let r = w.records + i * (4 + n);
                        bytes[p..p + 8].copy_from_slice(&check.to_le_bytes());
                        bytes[p + 8..p + 12 + n].copy_from_slice(&d[r..r + 4 + n]);
                        break;
                    }
                    at = (at + 1) & s.mask;
                }
            }
        }
        // A boxed slice keeps the vector's allocation (its capacity is its length),
        // so the alignment found above holds.
        s.bytes = bytes.into_boxed_slice();
        s
    }

    /// The first slot to look at for a check key: the first slot of a cache line
    /// when slots are smaller than a line, so that the probes after it (a third of
    /// the lookups at this load) read the line already fetched.
    ///
    /// The slot number is taken from the key's high 32 bits (part of the check key),
    /// which are already the output of a mixing hash: hashing them again cost an
    /// `fmix` per lookup (slot counts stay far below 2^32).
    #[inline]
    fn home(&self, check: u64) -> usize {
        ((check >> 32) as usize) & self.mask & self.line_mask
    }

    /// The byte offset of the slot holding feature `k`, if the table has it.
    #[inline]
    fn find(&self, k: u64) -> Option<usize> {
        let check = k & self.check_mask | 1;
        self.probe(check, self.home(check))
    }

    /// The byte offset of the slot holding check key `check`, probing from slot `at`
    /// on (the home slot or one after it).
    #[inline]
    fn probe(&self, check: u64, mut at: usize) -> Option<usize> {
        let d = &*self.bytes;
        loop {
            let p = self.base + at * self.stride;
            let c = u64::from_le_bytes(d[p..p + 8].try_into().expect("8 bytes"));
            if c == check {
                return Some(p);
            }
            if c == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// The slots of the features of `chunk` that the table has (at most 64), in
    /// `chunk` order, into `found`; returns how many. The home slots are read first in
    /// a loop without branches on what they hold, so that their cache misses overlap
    /// (a lookup loop that branches on each slot mispredicts about every other
    /// feature and waits for each miss in turn); then each is resolved.
    #[inline]
    fn find_all(&self, chunk: &[u64], found: &mut [usize; 64]) -> usize {
        let d = &*self.bytes;
        let mut home = [0usize; 64];
        let mut seen = [0u64; 64];
        for ((&f, h), s) in chunk.iter().zip(&mut home).zip(&mut seen) {
            let check = f & self.check_mask | 1;
            *h = self.home(check);
            let p = self.base + *h * self.stride;
            *s = u64::from_le_bytes(d[p..p + 8].try_into().expect("8 bytes"));
        }
        let mut m = 0;
        for ((&f, &h), &s) in chunk.iter().zip(&home).zip(&seen) {
            let check = f & self.check_mask | 1;
            let at = if s == check {
                Some(self.base + h * self.stride)
            } else if s == 0 {
                None
            } else {
                // The home slot holds another key: probe on from the next slot.
                self.probe(check, (h + 1) & self.mask)
            };
            if let Some(p) = at {
                found[m] = p;
                m += 1;
            }
        }
        m
    }

    /// [`Weights::score`] for tables of `N` classes: all slots are found first (the
    /// reads are independent, so the processor overlaps their cache misses), then the
    /// rows are added in `feats` order.
    #[inline]
    fn score_n<const N: usize>(&self, feats: &[u64], scores: &mut [f32; N]) {
        let d = &*self.bytes;
        let mut found = [0usize; 64];
        // The sums stay in a local (registers) until the end: written through
        // `scores`, each feature's row waited for the previous row's stores.
        let mut acc = *scores;
        for chunk in feats.chunks(64) {
            let m = self.find_all(chunk, &mut found);
            for &p in &found[..m] {
                let rec: &[u8; 12] = d[p..p + 12].try_into().expect("12 bytes");
                let scale = f32::from_le_bytes([rec[8], rec[9], rec[10], rec[11]]);
                let row: &[u8; N] = d[p + 12..p + 12 + N].try_into().expect("N bytes");
                for (s, &q) in acc.iter_mut().zip(row) {
                    *s += (q as i8) as f32 * scale;
                }
            }
        }
        *scores = acc;
    }

    /// [`Weights::score`] for any number of classes.
    fn score_any(&self, feats: &[u64], scores: &mut [f32]) {
        let n = self.n_classes;
        let d = &*self.bytes;
        for &f in feats {
            if let Some(p) = self.find(f) {
                let scale = f32::from_le_bytes(d[p + 8..p + 12].try_into().expect("4 bytes"));
                for (s, &q) in scores.iter_mut().zip(&d[p + 12..p + 12 + n]) {
                    *s += (q as i8) as f32 * scale;
                }
            }
        }
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

    /// The slot table finds exactly the records the file layout finds, for keys in
    /// the table and keys not in it (same bucket, other tag; other bucket, same tag).
    #[test]
    fn slots_find_what_the_file_layout_finds() {
        let mut rng = 0x1234_5678_u64;
        let mut next = || {
            rng = rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
            fmix(rng)
        };
        let n = 5;
        let keys: Vec<u64> = (0..3000).map(|_| next() | 1).collect();
        let scales: Vec<f32> = (0..keys.len()).map(|i| 0.01 * (i % 97) as f32).collect();
        let rows: Vec<i8> = (0..keys.len() * n).map(|_| next() as i8).collect();
        let w = Weights::from_rows(n, &keys, &scales, &rows);
        let slots = w.slots();
        let mut probes: Vec<u64> = keys.clone();
        probes.extend(keys.iter().map(|k| k ^ 1 << 40));
        probes.extend(keys.iter().map(|k| k ^ 1 << 1));
        probes.extend(keys.iter().map(|k| k & !1));
        probes.extend((0..3000).map(|_| next()));
        let mut hits = 0;
        for &k in &probes {
            let (a, b) = (w.record(k), slots.find(k));
            assert_eq!(a.is_some(), b.is_some(), "{k:x}");
            if let (Some(a), Some(b)) = (a, b) {
                hits += 1;
                assert_eq!(w.data[a..a + 4 + n], slots.bytes[b + 8..b + 12 + n]);
            }
        }
        assert!(hits >= 2 * keys.len(), "{hits}");
        // Scores: the same bits as the plain loop over the file layout.
        for chunk in probes.chunks(77) {
            let (mut s1, mut s2) = ([0f32; 5], [0f32; 5]);
            w.score(chunk, &mut s1);
            for &f in chunk {
                if let Some(o) = w.record(f) {
                    let scale = f32::from_le_bytes(w.data[o..o + 4].try_into().unwrap());
                    for (s, &q) in s2.iter_mut().zip(&w.data[o + 4..o + 4 + n]) {
                        *s += (q as i8) as f32 * scale;
                    }
                }
            }
            assert_eq!(s1.map(f32::to_bits), s2.map(f32::to_bits));
        }
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
