//! Timing runs and percentiles.

use std::time::Instant;

use serde_json::{Value, json};

/// Milliseconds of each run, sorted.
pub struct Timings(Vec<f64>);

impl Timings {
    /// Runs `f` once to warm up, then `runs` times, timing each.
    pub fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Self, T) {
        let mut last = f();
        let mut ms = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            last = f();
            ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        ms.sort_by(f64::total_cmp);
        (Self(ms), last)
    }

    pub fn from_ms(mut ms: Vec<f64>) -> Self {
        ms.sort_by(f64::total_cmp);
        Self(ms)
    }

    pub fn percentile(&self, p: f64) -> f64 {
        if self.0.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.0.len() as f64).ceil() as usize;
        self.0[rank.clamp(1, self.0.len()) - 1]
    }

    /// A percentile rounded to microseconds.
    pub fn p(&self, p: f64) -> f64 {
        (self.percentile(p) * 1000.0).round() / 1000.0
    }

    pub fn runs(&self) -> usize {
        self.0.len()
    }

    pub fn json(&self) -> Value {
        let round = |v: f64| (v * 1000.0).round() / 1000.0;
        json!({
            "p50_ms": round(self.percentile(50.0)),
            "p95_ms": round(self.percentile(95.0)),
            "p99_ms": round(self.percentile(99.0)),
            "max_ms": round(self.percentile(100.0)),
            "runs": self.0.len(),
        })
    }
}
