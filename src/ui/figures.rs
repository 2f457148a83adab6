//! Figures that disagree: claims measuring the same kind of quantity (same unit and currency,
//! values of the same order of magnitude) with different values, such as the market value NVIDIA
//! lost on 27 January 2025 (US$589B, US$590B, US$600B).
//!
//! A deliberately simple grouping for the dossier. Everything goes through [`disagreements`], so a
//! fuller comparison can replace it without touching the views.

use crate::model::Claim;

/// How far apart two neighbouring values may be (as a ratio) and still count as the same figure.
const SAME_FIGURE_RATIO: f64 = 1.5;

/// Claims whose figures are comparable but not equal, lowest value first.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub claims: Vec<Claim>,
    pub low: f64,
    pub high: f64,
}

impl FigureGroup {
    /// The spread between the highest and lowest value, relative to the lowest (0.076 = 7.6%).
    pub fn spread(&self) -> f64 {
        if self.low == 0.0 { f64::INFINITY } else { (self.high - self.low) / self.low.abs() }
    }
}

/// Groups of claims that give different values for what looks like the same figure, biggest
/// groups first.
pub fn disagreements(claims: &[Claim]) -> Vec<FigureGroup> {
    let mut valued: Vec<&Claim> = claims.iter().filter(|c| c.value.is_some_and(f64::is_finite)).collect();
    valued.sort_by(|a, b| kind_key(a).cmp(&kind_key(b)).then(value(a).total_cmp(&value(b))).then(a.id.cmp(&b.id)));
    let mut groups: Vec<Vec<&Claim>> = Vec::new();
    for claim in valued {
        let joins = groups
            .last()
            .and_then(|g| g.last())
            .is_some_and(|last| kind_key(last) == kind_key(claim) && same_magnitude(value(last), value(claim)));
        if joins {
            if let Some(group) = groups.last_mut() {
                group.push(claim);
            }
        } else {
            groups.push(vec![claim]);
        }
    }
    let mut found: Vec<FigureGroup> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .filter_map(|g| {
            let low = g.first().map(|c| value(c))?;
            let high = g.last().map(|c| value(c))?;
            (low != high).then(|| FigureGroup {
                unit: g[0].unit.clone(),
                currency: g[0].currency.clone(),
                claims: g.into_iter().cloned().collect(),
                low,
                high,
            })
        })
        .collect();
    found.sort_by(|a, b| b.claims.len().cmp(&a.claims.len()).then(b.high.total_cmp(&a.high)));
    found
}

fn value(claim: &Claim) -> f64 {
    claim.value.unwrap_or_default()
}

/// Unit (case and spacing ignored) and currency: what makes two figures comparable at all.
fn kind_key(claim: &Claim) -> (String, String) {
    let unit = claim.unit.as_deref().unwrap_or_default().trim().to_lowercase();
    let currency = claim.currency.as_deref().unwrap_or_default().to_uppercase();
    (unit, currency)
}

fn same_magnitude(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    if a.signum() != b.signum() || a == 0.0 || b == 0.0 {
        return false;
    }
    let (small, large) = if a.abs() < b.abs() { (a.abs(), b.abs()) } else { (b.abs(), a.abs()) };
    large / small <= SAME_FIGURE_RATIO
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Status, Timestamp};

    fn claim(id: i64, value: f64, unit: Option<&str>, currency: Option<&str>) -> Claim {
        Claim {
            id,
            text: format!("claim {id}"),
            value: Some(value),
            unit: unit.map(str::to_owned),
            currency: currency.map(str::to_owned),
            as_of: None,
            claimant: None,
            status: Status::Unverified,
            note_id: None,
            tickers: Vec::new(),
            sources: Vec::new(),
            created_at: Timestamp::from_millis(0),
            updated_at: Timestamp::from_millis(0),
        }
    }

    fn ids(groups: &[FigureGroup]) -> Vec<Vec<i64>> {
        groups.iter().map(|g| g.claims.iter().map(|c| c.id).collect()).collect()
    }

    #[test]
    fn the_same_figure_from_different_sources_is_grouped() {
        let claims = [
            claim(1, 5.576e6, None, Some("USD")),
            claim(2, 6e6, None, Some("USD")),
            claim(3, 2048.0, Some("GPUs"), None),
            claim(4, 75.0, Some("%"), None),
            claim(5, 589e9, None, Some("USD")),
            claim(6, 590e9, None, Some("USD")),
            claim(7, 600e9, None, Some("USD")),
            claim(8, 16.9, Some("%"), None),
        ];
        let groups = disagreements(&claims);
        assert_eq!(ids(&groups), [vec![5, 6, 7], vec![1, 2]]);
        assert!((groups[1].spread() - 0.076).abs() < 0.001);
    }

    #[test]
    fn different_units_or_currencies_are_never_compared() {
        let claims = [
            claim(1, 100.0, None, Some("USD")),
            claim(2, 110.0, None, Some("BRL")),
            claim(3, 105.0, Some("GPUs"), None),
        ];
        assert!(disagreements(&claims).is_empty());
    }

    #[test]
    fn agreeing_figures_are_not_a_disagreement() {
        let claims = [claim(1, 589e9, None, Some("USD")), claim(2, 589e9, None, Some("USD"))];
        assert!(disagreements(&claims).is_empty());
    }

    #[test]
    fn claims_without_values_are_left_out() {
        let mut no_value = claim(1, 0.0, None, Some("USD"));
        no_value.value = None;
        assert!(disagreements(&[no_value, claim(2, 5.0, None, Some("USD"))]).is_empty());
    }
}
