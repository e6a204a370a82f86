//! MinHash signatures of texts: word 3-shingles, hashed, with 128 min-hashes.
//! Written here (a few dozen lines) rather than taken from a crate: the crates
//! on offer bring hashing frameworks this needs none of.

/// Number of min-hashes per signature.
pub const NUM_HASHES: usize = 128;

/// Words per shingle.
pub const SHINGLE: usize = 3;

/// SplitMix64 finaliser: a fast, well-mixed 64-bit hash of a 64-bit value.
pub fn mix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a hash of a word, lower-cased on the fly (ASCII) so case edits do not matter.
fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hashes of the word shingles of `text` (words: runs of alphanumeric characters).
/// Texts shorter than a shingle give one shingle per word.
pub fn shingle_hashes(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.len() < SHINGLE {
        return words;
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0u64, |acc, &h| mix64(acc ^ h)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of a set of shingle hashes: for each of [`NUM_HASHES`]
/// seeded hash functions, the minimum (low 32 bits) over the set.
pub fn signature(shingles: &[u64]) -> Vec<u32> {
    let mut mins = vec![u32::MAX; NUM_HASHES];
    for &s in shingles {
        for (i, m) in mins.iter_mut().enumerate() {
            let h = mix64(s ^ SEEDS[i]) as u32;
            if h < *m {
                *m = h;
            }
        }
    }
    mins
}

/// Estimated Jaccard similarity of two signatures: the share of equal min-hashes.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

/// Seeds of the hash functions (fixed so signatures are stable across runs and versions).
static SEEDS: [u64; NUM_HASHES] = {
    let mut s = [0u64; NUM_HASHES];
    let mut x: u64 = 0x5EED_0F4E_40D0_7000_u64;
    let mut i = 0;
    while i < NUM_HASHES {
        // SplitMix64 sequence.
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        s[i] = z ^ (z >> 31);
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_have_identical_signatures() {
        let a = signature(&shingle_hashes(
            "The quick brown fox jumps over the lazy dog",
        ));
        let b = signature(&shingle_hashes(
            "the QUICK brown fox, jumps over the lazy dog!",
        ));
        assert_eq!(similarity(&a, &b), 1.0);
    }

    #[test]
    fn similarity_tracks_jaccard() {
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let a = words.join(" ");
        let mut edited = words.clone();
        for i in (0..400).step_by(20) {
            edited[i] = format!("x{i}");
        }
        let b = edited.join(" ");
        let (sa, sb) = (shingle_hashes(&a), shingle_hashes(&b));
        let inter = sa.iter().filter(|h| sb.binary_search(h).is_ok()).count() as f64;
        let jac =
            inter / (sa.len() + sb.len()) as f64 * 2.0 / (2.0 - inter / sa.len() as f64) / 2.0
                * 2.0;
        let est = similarity(&signature(&sa), &signature(&sb));
        let exact = inter / (sa.len() as f64 + sb.len() as f64 - inter);
        assert!(
            (est - exact).abs() < 0.12,
            "estimate {est} vs exact {exact} ({jac})"
        );
        let c = signature(&shingle_hashes(
            "entirely different words about other matters here",
        ));
        assert!(similarity(&signature(&sa), &c) < 0.1);
    }
}
