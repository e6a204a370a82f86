//! Scaling of duplicate clustering: synthetic articles (10k, 30k, 100k by
//! default), a fifth of them near-duplicates (reprints with edits, spun copies
//! with words swapped) of earlier ones. Prints signature and clustering time per
//! size, and how many duplicates were found.
//!
//! `cargo run --release -p herodotus-enrich --example dedup_scale [N...]`

use herodotus_enrich::{cluster, ArticleSig};
use std::time::Instant;

use herodotus_core::rng::Rng;

fn corpus(n: usize, rng: &mut Rng) -> (Vec<String>, usize) {
    let vocab: Vec<String> = (0..20_000).map(|i| format!("w{i:x}")).collect();
    let mut docs: Vec<String> = Vec::with_capacity(n);
    let mut dups = 0;
    for i in 0..n {
        if i > 10 && rng.below(5) == 0 {
            // A near-duplicate of an earlier story: ~8% of words swapped, a tail added.
            let src = &docs[rng.below(i)];
            let mut words: Vec<&str> = src.split(' ').collect();
            for _ in 0..words.len() / 12 {
                let k = rng.below(words.len());
                words[k] = &vocab[rng.below(vocab.len())];
            }
            let mut d = words.join(" ");
            d.push_str(" reporting by staff");
            docs.push(d);
            dups += 1;
        } else {
            let len = 250 + rng.below(300);
            let d: Vec<&str> = (0..len)
                .map(|_| vocab[rng.below(vocab.len())].as_str())
                .collect();
            docs.push(d.join(" "));
        }
    }
    (docs, dups)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 30_000, 100_000]
    } else {
        sizes
    };
    println!(
        "{:>8} {:>12} {:>12} {:>14} {:>10} {:>10}",
        "articles", "sign_ms", "cluster_ms", "cluster_us/art", "dups_made", "dups_found"
    );
    for n in sizes {
        let mut rng = Rng(0x1234_5678_9ABC_DEF1 ^ n as u64);
        let (docs, made) = corpus(n, &mut rng);
        let t = Instant::now();
        let sigs: Vec<ArticleSig> = docs.iter().map(|d| ArticleSig::new(d)).collect();
        let sign = t.elapsed();
        let t = Instant::now();
        let ids = cluster(&sigs);
        let clus = t.elapsed();
        let found = ids.iter().enumerate().filter(|(i, c)| *i != **c).count();
        println!(
            "{:>8} {:>12.0} {:>12.1} {:>14.2} {:>10} {:>10}",
            n,
            sign.as_secs_f64() * 1e3,
            clus.as_secs_f64() * 1e3,
            clus.as_secs_f64() * 1e6 / n as f64,
            made,
            found
        );
    }
}
