//! One story counted once: clustering of near-duplicate articles (wire copy
//! reprinted with small edits, spun copies with synonyms swapped) by MinHash
//! signatures and locality-sensitive hashing.
//!
//! Cost is linear in the number of articles: each article is hashed into
//! [`DedupParams::bands`] buckets and compared only with the first article seen
//! in each bucket it falls into (so a large cluster costs no quadratic work).

use crate::minhash;
use std::collections::HashMap;

/// The id of a cluster: the index (in the input) of its first article.
pub type ClusterId = usize;

/// What clustering needs to know of an article. The default is the empty
/// signature (that of a text without words), similar to nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ArticleSig {
    /// MinHash signature ([`minhash::NUM_HASHES`] values; empty for an empty text).
    pub mins: Vec<u32>,
}

impl ArticleSig {
    /// Signature of a text.
    pub fn new(text: &str) -> ArticleSig {
        let sh = minhash::shingle_hashes(text);
        if sh.is_empty() {
            return ArticleSig { mins: Vec::new() };
        }
        ArticleSig {
            mins: minhash::signature(&sh),
        }
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &ArticleSig) -> f64 {
        minhash::similarity(&self.mins, &other.mins)
    }
}

/// Clustering parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct DedupParams {
    /// LSH bands.
    pub bands: usize,
    /// Rows (min-hashes) per band; `bands * rows <= NUM_HASHES`.
    pub rows: usize,
    /// Minimum estimated Jaccard similarity for two articles to be one story.
    pub threshold: f64,
}

impl Default for DedupParams {
    /// 42 bands of 3 rows: pairs at Jaccard 0.4 become candidates with
    /// probability 0.94, at 0.1 with 0.04; candidates are kept at >= 0.45.
    fn default() -> Self {
        DedupParams {
            bands: 42,
            rows: 3,
            threshold: 0.45,
        }
    }
}

/// Clusters articles with the default parameters: one [`ClusterId`] per input.
pub fn cluster(sigs: &[ArticleSig]) -> Vec<ClusterId> {
    cluster_with(sigs, &DedupParams::default())
}

/// Clusters articles: one [`ClusterId`] per input, the index of the cluster's first article.
pub fn cluster_with(sigs: &[ArticleSig], p: &DedupParams) -> Vec<ClusterId> {
    let rows = p.rows.max(1);
    let bands = p.bands.min(minhash::NUM_HASHES / rows).max(1);
    let mut parent: Vec<usize> = (0..sigs.len()).collect();
    let mut buckets: Vec<HashMap<u64, usize>> = vec![HashMap::new(); bands];
    for (i, s) in sigs.iter().enumerate() {
        if s.mins.len() < bands * rows {
            continue; // empty text: its own story.
        }
        for (b, bucket) in buckets.iter_mut().enumerate() {
            let key = s.mins[b * rows..(b + 1) * rows]
                .iter()
                .fold(b as u64, |acc, &v| minhash::mix64(acc ^ u64::from(v)));
            match bucket.get(&key) {
                None => {
                    bucket.insert(key, i);
                }
                Some(&j) => {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    if ri != rj && s.similarity(&sigs[j]) >= p.threshold {
                        // The smaller index is the root, so ids are first articles.
                        let (lo, hi) = if ri < rj { (ri, rj) } else { (rj, ri) };
                        parent[hi] = lo;
                    }
                }
            }
        }
    }
    (0..sigs.len()).map(|i| find(&mut parent, i)).collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    let mut root = i;
    while parent[root] != root {
        root = parent[root];
    }
    while parent[i] != root {
        let next = parent[i];
        parent[i] = root;
        i = next;
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "MOSCOW (Reuters) - Russia on Tuesday expelled ten diplomats from the embassy \
        of Poland in a tit-for-tat move after Warsaw accused Moscow of spying, the foreign ministry \
        said in a statement. The diplomats were given five days to leave the country. Poland's \
        foreign minister said the decision was unjustified and that Warsaw would consider its \
        response in consultation with its allies in the European Union and NATO.";

    #[test]
    fn reprints_and_spins_cluster_and_others_do_not() {
        let edited = STORY
            .replace("(Reuters) - ", "(AP) — ")
            .replace("ten", "10")
            + " Additional reporting by staff.";
        let spun = STORY
            .replace("Russia", "Russian Federation")
            .replace("expelled", "threw out")
            .replace("unjustified", "groundless")
            .replace("allies", "partners");
        let other = "Floods in southern Brazil killed at least 30 people and forced thousands from their \
            homes, the civil defence agency said on Sunday, as rain continued to fall across the state.";
        let texts = [
            STORY.to_string(),
            other.to_string(),
            edited,
            spun,
            String::new(),
            String::new(),
        ];
        let sigs: Vec<ArticleSig> = texts.iter().map(|t| ArticleSig::new(t)).collect();
        let ids = cluster(&sigs);
        assert_eq!(ids, vec![0, 1, 0, 0, 4, 5]);
    }
}
