//! A small deterministic random generator (SplitMix64) and the samplers the corpus needs, so a
//! seed always gives the same corpus on every machine.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[low, high)`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + (self.next_u64() % (high - low).max(1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Zipf-distributed ranks in `[0, n)`: rank r has weight 1 / (r + 1)^s.
pub struct Zipf {
    cumulative: Vec<f64>,
    /// For each of [`BUCKETS`] equal slices of `[0, 1)`, the first rank whose cumulative weight
    /// reaches the slice, so a sample searches only a few ranks.
    starts: Vec<usize>,
}

const BUCKETS: usize = 4_096;

impl Zipf {
    pub fn new(n: usize, s: f64) -> Self {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(s);
                total
            })
            .collect::<Vec<_>>();
        let cumulative: Vec<f64> = cumulative.into_iter().map(|c| c / total).collect();
        let starts = (0..=BUCKETS).map(|b| cumulative.partition_point(|&c| c < b as f64 / BUCKETS as f64)).collect();
        Self { cumulative, starts }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        let bucket = ((u * BUCKETS as f64) as usize).min(BUCKETS - 1);
        let (from, to) = (self.starts[bucket], (self.starts[bucket + 1] + 1).min(self.cumulative.len()));
        (from + self.cumulative[from..to].partition_point(|&c| c < u)).min(self.cumulative.len() - 1)
    }
}
