//! The same figure given differently: claims on one ticker about the same quantity (same unit
//! and currency, as-of dates a few days apart at most, similar wording, values of one magnitude)
//! whose values differ by more than a few percent, with their spread and every member.

use serde::Serialize;

use super::dates::days_apart;
use super::wording::similarity;
use crate::model::{Claim, Symbol};

/// When claims count as the same quantity, and when their values count as different.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpreadRules {
    /// As-of dates at most this many days apart (partial dates cover their month or year).
    pub max_days_apart: i64,
    /// Wording overlap from [`super::similarity`], 0 to 1.
    pub min_similarity: f64,
    /// Values of one group are within this factor of each other (so $6M and $600B never group).
    pub max_ratio: f64,
    /// A group is a disagreement when (max − min) / |min| exceeds this.
    pub min_relative: f64,
}

impl Default for SpreadRules {
    fn default() -> Self {
        Self { max_days_apart: 3, min_similarity: 0.5, max_ratio: 2.0, min_relative: 0.03 }
    }
}

/// One claim in a spread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpreadMember {
    pub claim_id: i64,
    pub value: f64,
    pub text: String,
    pub as_of: Option<String>,
    pub claimant: Option<String>,
    /// Publisher (or title, or URL) of each source of the claim.
    pub sources: Vec<String>,
}

/// Claims about one quantity whose values disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureSpread {
    pub ticker: Symbol,
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub min: f64,
    pub max: f64,
    /// (max − min) / |min|: 0.186 for US$500B against US$593B.
    pub relative: f64,
    /// The earliest and latest as-of dates of the members.
    pub first_as_of: Option<String>,
    pub last_as_of: Option<String>,
    /// By value, smallest first.
    pub members: Vec<SpreadMember>,
}

/// [`figure_spreads_with`] the default rules (3 days, wording overlap 0.5, more than 3% apart).
pub fn figure_spreads(claims: &[Claim], ticker: &Symbol) -> Vec<FigureSpread> {
    figure_spreads_with(claims, ticker, &SpreadRules::default())
}

/// Groups the numeric claims on `ticker` about the same quantity and returns the groups whose
/// values differ, widest spread first.
pub fn figure_spreads_with(claims: &[Claim], ticker: &Symbol, rules: &SpreadRules) -> Vec<FigureSpread> {
    let numeric: Vec<(&Claim, f64)> = claims
        .iter()
        .filter(|c| c.tickers.iter().any(|t| &t.symbol == ticker))
        .filter_map(|c| c.value.filter(|v| v.is_finite()).map(|v| (c, v)))
        .collect();
    let mut group: Vec<usize> = (0..numeric.len()).collect();
    for i in 0..numeric.len() {
        for j in i + 1..numeric.len() {
            if same_quantity(numeric[i], numeric[j], rules) {
                let (gi, gj) = (root(&mut group, i), root(&mut group, j));
                group[gi.max(gj)] = gi.min(gj);
            }
        }
    }
    let mut spreads = Vec::new();
    for leader in 0..numeric.len() {
        if root(&mut group, leader) != leader {
            continue;
        }
        let mut members: Vec<(&Claim, f64)> =
            (0..numeric.len()).filter(|&k| root(&mut group, k) == leader).map(|k| numeric[k]).collect();
        if members.len() < 2 {
            continue;
        }
        members.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (min, max) = (members[0].1, members[members.len() - 1].1);
        let relative = if min == 0.0 { f64::INFINITY } else { (max - min) / min.abs() };
        if relative <= rules.min_relative {
            continue;
        }
        let mut dates: Vec<&String> = members.iter().filter_map(|(c, _)| c.as_of.as_ref()).collect();
        dates.sort();
        let first = members[0].0;
        spreads.push(FigureSpread {
            ticker: ticker.clone(),
            unit: first.unit.clone(),
            currency: first.currency.clone(),
            min,
            max,
            relative,
            first_as_of: dates.first().map(|d| (*d).clone()),
            last_as_of: dates.last().map(|d| (*d).clone()),
            members: members.into_iter().map(|(c, v)| member(c, v)).collect(),
        });
    }
    spreads.sort_by(|a, b| b.relative.total_cmp(&a.relative));
    spreads
}

fn root(group: &mut [usize], mut i: usize) -> usize {
    while group[i] != i {
        group[i] = group[group[i]];
        i = group[i];
    }
    i
}

fn same_quantity((a, va): (&Claim, f64), (b, vb): (&Claim, f64), rules: &SpreadRules) -> bool {
    let key = |c: &Claim| (c.unit.as_deref().map(crate::model::fold), c.currency.clone());
    let dates_close = match (&a.as_of, &b.as_of) {
        (Some(x), Some(y)) => days_apart(x, y).is_some_and(|d| d <= rules.max_days_apart),
        (None, None) => true,
        _ => false,
    };
    let (small, large) = if va.abs() <= vb.abs() { (va.abs(), vb.abs()) } else { (vb.abs(), va.abs()) };
    let one_magnitude = (small == 0.0 && large == 0.0) || (small > 0.0 && large / small <= rules.max_ratio);
    key(a) == key(b) && dates_close && one_magnitude && similarity(&a.text, &b.text) >= rules.min_similarity
}

fn member(claim: &Claim, value: f64) -> SpreadMember {
    SpreadMember {
        claim_id: claim.id,
        value,
        text: claim.text.clone(),
        as_of: claim.as_of.clone(),
        claimant: claim.claimant.clone(),
        sources: claim
            .sources
            .iter()
            .map(|s| s.publisher.clone().or_else(|| s.title.clone()).unwrap_or_else(|| s.url.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{claim, nvda};

    #[test]
    fn market_value_loss_figures_from_four_outlets_form_one_spread() {
        let claims = [
            claim(1, "NVIDIA lost nearly US$500B of market value", 500e9, "USD", "2025-01-27", "wccftech"),
            claim(2, "NVIDIA erased $589 billion from its market cap", 589e9, "USD", "2025-01-27", "Fintech News"),
            claim(3, "Nvidia lost $593 billion in market value on Monday", 593e9, "USD", "2025-01-27", "Reuters"),
            claim(
                4,
                "Quase US$ 600 bilhões a menos no valor de mercado da NVIDIA",
                600e9,
                "USD",
                "2025-01-27",
                "Investing.com",
            ),
            claim(5, "R1 cost about US$6M to train", 6e6, "USD", "2025-01-27", "Sherwood"),
        ];
        let spreads = figure_spreads(&claims, &nvda());
        assert_eq!(spreads.len(), 1, "{spreads:#?}");
        let s = &spreads[0];
        let ids: Vec<i64> = s.members.iter().map(|m| m.claim_id).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
        assert_eq!((s.min, s.max, s.currency.as_deref()), (500e9, 600e9, Some("USD")));
        assert!((s.relative - 0.2).abs() < 1e-9);
        assert_eq!(s.members[3].sources, ["Investing.com"]);
    }

    #[test]
    fn training_cost_figures_disagree_by_seven_percent() {
        let claims = [
            claim(1, "R1 cost about US$6M to train", 6e6, "USD", "2025-01", "Sherwood"),
            claim(2, "Training DeepSeek-V3 cost about US$5.6M of rented GPU time", 5.6e6, "USD", "2025-01-28", "arXiv"),
        ];
        let spreads = figure_spreads(&claims, &nvda());
        assert_eq!(spreads.len(), 1);
        assert_eq!((spreads[0].min, spreads[0].max), (5.6e6, 6e6));
        assert!((spreads[0].relative - 0.4 / 5.6).abs() < 1e-9);
    }

    #[test]
    fn agreeing_distant_or_different_figures_are_no_spread() {
        for claims in [
            // The same value twice: agreement.
            vec![
                claim(1, "NVIDIA lost $589B of market value", 589e9, "USD", "2025-01-27", "A"),
                claim(2, "NVIDIA lost $589 billion of market value", 589e9, "USD", "2025-01-27", "B"),
            ],
            // Weeks apart.
            vec![
                claim(1, "NVIDIA lost $589B of market value", 589e9, "USD", "2025-01-27", "A"),
                claim(2, "NVIDIA lost $400B of market value", 400e9, "USD", "2025-03-10", "B"),
            ],
            // Different currencies.
            vec![
                claim(1, "NVIDIA lost $589B of market value", 589e9, "USD", "2025-01-27", "A"),
                claim(2, "NVIDIA lost €560B of market value", 560e9, "EUR", "2025-01-27", "B"),
            ],
            // Different quantities on the same day.
            vec![
                claim(1, "NVIDIA lost $589B of market value", 589e9, "USD", "2025-01-27", "A"),
                claim(2, "Data-center revenue guidance of $600B over five years", 600e9, "USD", "2025-01-27", "B"),
            ],
        ] {
            assert_eq!(figure_spreads(&claims, &nvda()), [], "{claims:#?}");
        }
    }
}
