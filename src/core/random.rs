//! Seeded random numbers: SplitMix64 (Steele, Lea and Flood, 2014).
//!
//! Everything random in a session (initial weights, the order of rows, generated data, splits)
//! draws from a generator made of the session's seed and a stream number, so the same session
//! gives the same numbers natively and in the browser. SplitMix64's quality is ample for these
//! uses, it is a few instructions per draw (the shuffle draws once per row every epoch), and its
//! code is a few hundred bytes of wasm where a ChaCha generator from the `rand` crates was 9 KB.

/// The stream of the initial weights; an epoch's shuffle uses the stream numbered by the epoch.
pub const INIT_STREAM: u64 = u64::MAX;
/// The stream of generated data sets.
pub const DATA_STREAM: u64 = u64::MAX - 1;
/// The stream of train/test splits.
pub const SPLIT_STREAM: u64 = u64::MAX - 2;

/// A SplitMix64 generator.
#[derive(Debug, Clone)]
pub struct Random {
    state: u64,
}

impl Random {
    /// Stream `stream` of the seed `seed`: the seed is mixed once, then the stream number, spread
    /// by an odd constant, is XOR-ed in, so nearby seeds and streams start far apart.
    pub fn new(seed: u64, stream: u64) -> Self {
        let mixed = Random { state: seed }.next_u64();
        Random { state: mixed ^ stream.wrapping_add(1).wrapping_mul(0xD1B5_4A32_D192_ED03) }
    }

    /// The next 64 random bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1): the top 53 bits, each value a multiple of 2⁻⁵³.
    #[inline]
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True or false, each with probability ½.
    pub fn coin(&mut self) -> bool {
        self.next_u64() >> 63 == 1
    }

    /// A uniform index in 0..n (1 ≤ n ≤ 2³²), by Lemire's multiply-and-reject on 32-bit draws:
    /// the division only in the rare case that may need a redraw.
    #[inline]
    pub fn below(&mut self, n: usize) -> usize {
        let bound = u32::try_from(n).unwrap_or(u32::MAX);
        loop {
            let product = (self.next_u64() >> 32) * u64::from(bound);
            let low = product as u32;
            // A low half under 2³² mod n would make some indices likelier than others: redraw.
            if low >= bound || low >= bound.wrapping_neg() % bound {
                return (product >> 32) as usize;
            }
        }
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Random;

    #[test]
    fn indices_are_uniform_and_seeded() {
        let mut draws = Random::new(7, 3);
        let mut counts = [0usize; 6];
        for _ in 0..60_000 {
            counts[draws.below(6)] += 1;
        }
        // Each of 6 values 10,000 times give or take 5 standard deviations (≈ 456).
        assert!(counts.iter().all(|&c| (9_544..=10_456).contains(&c)), "{counts:?}");
        let first = |seed, stream| Random::new(seed, stream).next_u64();
        assert_eq!(first(7, 3), first(7, 3));
        assert_ne!(first(7, 3), first(7, 4));
        assert_ne!(first(7, 3), first(8, 3));
        assert!((0..1000).all(|_| draws.below(1) == 0));
    }

    #[test]
    fn units_lie_in_the_half_open_interval_with_the_right_mean() {
        let mut draws = Random::new(1, 0);
        let n = 100_000;
        let values: Vec<f64> = (0..n).map(|_| draws.unit()).collect();
        assert!(values.iter().all(|&u| (0.0..1.0).contains(&u)));
        // Mean ½, standard error √(1/12 / n) ≈ 0.0009: within 5 of them.
        let mean = values.iter().sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.0046, "{mean}");
        let heads = (0..n).filter(|_| draws.coin()).count();
        assert!((heads as f64 / n as f64 - 0.5).abs() < 0.008, "{heads}");
    }

    #[test]
    fn a_shuffle_is_a_permutation() {
        let mut items: Vec<usize> = (0..50).collect();
        Random::new(5, 0).shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
    }
}
