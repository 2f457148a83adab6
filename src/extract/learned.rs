//! The weights of a learned step (`carry_model`): `kind:value` features, each with one weight
//! per question the step asks, read once from a bundled TSV file that a trainer
//! in `examples/` writes from the training parts.

use std::hash::Hasher;

use super::fx_hash::{FxHashMap, FxHasher};

/// A model's weights: for each feature, one weight per question.
pub(crate) struct Weights<const N: usize> {
    weights: FxHashMap<u64, [f32; N]>,
}

impl<const N: usize> Weights<N> {
    /// `kind:value<TAB>weight…` lines, `N` weights each; `#` opens a comment line, and a line
    /// that does not parse is skipped.
    pub(crate) fn parse(tsv: &str) -> Self {
        let weights = tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let (kind, value) = fields.next()?.split_once(':')?;
                let mut row = [0f32; N];
                for slot in &mut row {
                    *slot = fields.next()?.trim().parse().ok()?;
                }
                fields.next().is_none().then_some((feature_key(kind, value), row))
            })
            .collect();
        Weights { weights }
    }

    /// The probability of each question's yes, from the features present.
    pub(crate) fn probabilities(&self, features: &[(&str, &str)]) -> [f32; N] {
        let mut z = [0f32; N];
        for row in features.iter().filter_map(|(k, v)| self.weights.get(&feature_key(k, v))) {
            for (sum, w) in z.iter_mut().zip(row) {
                *sum += w;
            }
        }
        z.map(|z| 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp()))
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.weights.len()
    }
}

fn feature_key(kind: &str, value: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(kind.as_bytes());
    h.write_u8(0xff);
    h.write(value.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_parse_and_skip_comments_and_bad_lines() {
        let w = Weights::<1>::parse("# a comment\nw:queda\t-1.5\nnot a line\nk:pct\tx\nb:\t0.25\nw:x\t1\t2\n");
        assert_eq!(w.len(), 2);
        let p = w.probabilities(&[("w", "queda"), ("b", "")]);
        assert!((p[0] - 1.0 / (1.0 + 1.25f32.exp())).abs() < 1e-6, "{p:?}");
        assert_eq!(w.probabilities(&[("w", "unknown")]), [0.5]);
    }

    #[test]
    fn two_questions_read_their_own_column() {
        let w = Weights::<2>::parse("w:buy\t3\t-3\nw:only one\t1\n");
        assert_eq!(w.len(), 1);
        let [yes, no] = w.probabilities(&[("w", "buy")]);
        assert!(yes > 0.9 && no < 0.1);
    }
}
