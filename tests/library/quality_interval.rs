//! How far a held-out score could move by the luck of which passages were collected: a
//! percentile bootstrap over passages (2,000 resamples with replacement, a fixed seed so every run
//! prints the same interval). Errors cluster by passage (one article's renamed company costs
//! all its figures), so passages, not figures, are what is resampled.

/// One passage's counts: attribution (figures found, given the right tickers) and views (found,
/// labelled, right).
#[derive(Debug, Clone, Copy, Default)]
pub struct PassageCounts {
    pub figures_found: usize,
    pub figures_right: usize,
    pub views_found: usize,
    pub views_labelled: usize,
    pub views_right: usize,
}

/// The 95% intervals of attribution accuracy and view F1 over `passages`.
pub fn intervals(passages: &[PassageCounts]) -> ((f64, f64), (f64, f64)) {
    const RESAMPLES: usize = 2_000;
    let n = passages.len();
    if n == 0 {
        return ((0.0, 0.0), (0.0, 0.0));
    }
    // A 64-bit linear congruential generator (Knuth's MMIX constants): enough for resampling.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    let mut attribution = Vec::with_capacity(RESAMPLES);
    let mut views = Vec::with_capacity(RESAMPLES);
    for _ in 0..RESAMPLES {
        let mut sum = PassageCounts::default();
        for _ in 0..n {
            let p = passages[next()];
            sum.figures_found += p.figures_found;
            sum.figures_right += p.figures_right;
            sum.views_found += p.views_found;
            sum.views_labelled += p.views_labelled;
            sum.views_right += p.views_right;
        }
        attribution.push(ratio(sum.figures_right, sum.figures_found));
        views.push(ratio(2 * sum.views_right, sum.views_found + sum.views_labelled));
    }
    (percentiles(&mut attribution), percentiles(&mut views))
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

/// The 2.5th and 97.5th percentiles.
fn percentiles(values: &mut [f64]) -> (f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    (at(0.025), at(0.975))
}

#[test]
fn an_interval_holds_the_score_and_narrows_with_agreement() {
    let same =
        vec![
            PassageCounts { figures_found: 10, figures_right: 8, views_found: 2, views_labelled: 2, views_right: 1 };
            40
        ];
    let ((lo, hi), (vlo, vhi)) = intervals(&same);
    assert!((lo - 0.8).abs() < 1e-9 && (hi - 0.8).abs() < 1e-9, "identical passages: no spread");
    assert!((vlo - 0.5).abs() < 1e-9 && (vhi - 0.5).abs() < 1e-9);
    let mixed: Vec<PassageCounts> = (0..40)
        .map(|k| PassageCounts {
            figures_found: 10,
            figures_right: if k % 2 == 0 { 10 } else { 6 },
            ..Default::default()
        })
        .collect();
    let ((lo, hi), _) = intervals(&mixed);
    assert!(lo < 0.8 && 0.8 < hi && hi - lo < 0.2, "({lo}, {hi}) around 0.8");
}
