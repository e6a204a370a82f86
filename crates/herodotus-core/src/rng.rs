//! A small deterministic random-number generator (xorshift64*) for property
//! tests, synthetic corpora and benchmarks: the same seed gives the same
//! sequence on every machine, and no dependency is needed.

/// xorshift64* with a 64-bit state; the seed must not be 0.
#[derive(Clone, Debug)]
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    // Named like the four copies it replaces; an endless `Iterator` would only add
    // `.unwrap()` at every call.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0; the modulo bias is irrelevant at test sizes).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_and_in_range() {
        let (mut a, mut b) = (Rng(42), Rng(42));
        for _ in 0..1000 {
            assert_eq!(a.next(), b.next());
            assert!(a.below(7) < 7);
            b.below(7);
        }
    }
}
