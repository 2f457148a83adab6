//! Opposite views at the same time: bullish and bearish claims on one ticker by different
//! claimants whose as-of dates fall within a few days of each other, side by side.

use serde::Serialize;

use chrono::NaiveDate;

use super::dates::day_range;
use crate::model::{Claim, Stance, Symbol, fold};

/// Days an opposing view may be from another and still count as the same period (the dossier's,
/// in the window and on the command line).
pub const CLASH_WINDOW_DAYS: i64 = 7;

/// One side's claim in a clash.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceView {
    pub claim_id: i64,
    pub claimant: Option<String>,
    pub text: String,
    pub as_of: String,
}

/// Bullish and bearish claims by different claimants in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceClash {
    pub ticker: Symbol,
    /// The earliest and latest as-of dates of the claims in the clash.
    pub from: String,
    pub to: String,
    pub bullish: Vec<StanceView>,
    pub bearish: Vec<StanceView>,
}

/// Groups the bullish and bearish claims on `ticker` into periods (claims chained by as-of dates
/// at most `window_days` apart) and returns the periods where different claimants take opposite
/// sides, earliest first. Undated claims take no part.
pub fn opposing_stances(claims: &[Claim], ticker: &Symbol, window_days: i64) -> Vec<StanceClash> {
    let mut dated: Vec<(&Claim, Stance, &String)> = claims
        .iter()
        .filter_map(|c| {
            let stance = c.tickers.iter().find(|t| &t.symbol == ticker)?.stance?;
            let as_of = c.as_of.as_ref().filter(|d| day_range(d).is_some())?;
            (stance != Stance::Neutral).then_some((c, stance, as_of))
        })
        .collect();
    dated.sort_by_key(|(c, _, as_of)| (day_range(as_of).map(|r| r.0), c.id));
    let mut clashes = Vec::new();
    let mut period: Vec<(&Claim, Stance, &String)> = Vec::new();
    // The last day the period covers: sorted by first day, a claim joins the period when it
    // starts at most `window_days` after that (the closest of the period's claims).
    let mut period_end: Option<NaiveDate> = None;
    for item in dated {
        let Some((first, last)) = day_range(item.2) else { continue };
        let joins = period_end.is_some_and(|end| first <= end || (first - end).num_days() <= window_days);
        if !period.is_empty() && !joins {
            clashes.extend(clash(ticker, &period));
            period.clear();
            period_end = None;
        }
        period.push(item);
        period_end = Some(period_end.map_or(last, |end| end.max(last)));
    }
    clashes.extend(clash(ticker, &period));
    clashes
}

fn clash(ticker: &Symbol, period: &[(&Claim, Stance, &String)]) -> Option<StanceClash> {
    let claimant = |c: &Claim| c.claimant.as_deref().map(fold);
    let side =
        |stance: Stance| -> Vec<&(&Claim, Stance, &String)> { period.iter().filter(|p| p.1 == stance).collect() };
    let (bulls, bears) = (side(Stance::Bullish), side(Stance::Bearish));
    let different = bulls.iter().any(|b| bears.iter().any(|s| claimant(b.0) != claimant(s.0)));
    if !different {
        return None;
    }
    let view = |(c, _, as_of): &&(&Claim, Stance, &String)| StanceView {
        claim_id: c.id,
        claimant: c.claimant.clone(),
        text: c.text.clone(),
        as_of: (*as_of).clone(),
    };
    Some(StanceClash {
        ticker: ticker.clone(),
        from: period.first().map(|p| p.2.clone()).unwrap_or_default(),
        to: period.iter().map(|p| p.2).max().cloned().unwrap_or_default(),
        bullish: bulls.iter().map(view).collect(),
        bearish: bears.iter().map(view).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{nvda, random_claims, view};

    #[test]
    fn a_period_runs_while_each_claim_is_within_the_window_of_one_before() {
        // The first version compared each claim with every claim of the period; the period's
        // last day is enough. Checked against that on random claims.
        let mut total = 0;
        for seed in 0..40 {
            let mut claims = random_claims(seed, 80);
            // A claim dated only by year spans it all; a few such are tested above.
            claims.retain(|c| c.as_of.as_ref().is_none_or(|d| d.len() != 4));
            let naive = {
                let mut dated: Vec<(&Claim, Stance, &String)> = claims
                    .iter()
                    .filter_map(|c| {
                        let stance = c.tickers.iter().find(|t| t.symbol == nvda())?.stance?;
                        let as_of = c.as_of.as_ref().filter(|d| day_range(d).is_some())?;
                        (stance != Stance::Neutral).then_some((c, stance, as_of))
                    })
                    .collect();
                dated.sort_by_key(|(c, _, as_of)| (day_range(as_of).map(|r| r.0), c.id));
                let mut clashes = Vec::new();
                let mut period: Vec<(&Claim, Stance, &String)> = Vec::new();
                for item in dated {
                    let gap =
                        |d: &String| crate::compare::dates::gap_days(day_range(d).unwrap(), day_range(item.2).unwrap());
                    if !period.is_empty() && !period.iter().any(|(_, _, d)| gap(d) <= 7) {
                        clashes.extend(clash(&nvda(), &period));
                        period.clear();
                    }
                    period.push(item);
                }
                clashes.extend(clash(&nvda(), &period));
                clashes
            };
            total += naive.len();
            assert_eq!(opposing_stances(&claims, &nvda(), 7), naive, "seed {seed}");
        }
        assert!(total > 40, "the random claims clash ({total})");
    }

    #[test]
    fn cantor_and_raymond_james_disagree_in_the_same_week() {
        let claims = [
            view(
                1,
                "Buy NVDA on weakness: Jevons paradox",
                "2025-01-28",
                Some("Cantor Fitzgerald"),
                Some(Stance::Bullish),
            ),
            view(2, "Concern for large GPU clusters", "2025-01-27", Some("Raymond James"), Some(Stance::Bearish)),
            view(3, "Demand for infrastructure holds up", "2025-01-27", Some("Futurum"), Some(Stance::Bullish)),
            view(4, "A later view", "2025-03-15", Some("Raymond James"), Some(Stance::Bearish)),
            view(5, "Undated", "someday", Some("Nobody"), Some(Stance::Bullish)),
        ];
        let clashes = opposing_stances(&claims, &nvda(), 7);
        assert_eq!(clashes.len(), 1, "{clashes:#?}");
        let c = &clashes[0];
        assert_eq!((c.from.as_str(), c.to.as_str()), ("2025-01-27", "2025-01-28"));
        let names = |v: &[StanceView]| v.iter().filter_map(|s| s.claimant.clone()).collect::<Vec<_>>();
        assert_eq!(names(&c.bullish), ["Futurum", "Cantor Fitzgerald"]);
        assert_eq!(names(&c.bearish), ["Raymond James"]);
    }

    #[test]
    fn one_claimant_changing_its_mind_is_no_clash() {
        let claims = [
            view(1, "Buy", "2025-01-27", Some("Cantor"), Some(Stance::Bullish)),
            view(2, "Sell", "2025-01-28", Some("cantor"), Some(Stance::Bearish)),
        ];
        assert_eq!(opposing_stances(&claims, &nvda(), 7), []);
    }
}
