//! What a ticker's dossier draws, computed on the worker from the store's bounded
//! [`DossierPage`]: figures that disagree ([`compare::figure_spreads`]), opposite views side by
//! side ([`compare::opposing_stances`]), the stance balance per week and month
//! ([`compare::stance_timeline`]), and the numeric claims grouped by kind (unit and currency)
//! into plot series coloured by source or by claimant. The frame only draws these.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui_plot::PlotPoint;

use crate::compare::{self, Bucket, FigureSpread, StanceClash, StancePoint};
use crate::model::{Claim, NoteId, Symbol, format_value};
use crate::store::DossierPage;
use crate::ui::dossier::days::{day_number, first_day};
use crate::ui::dossier::price_data::PriceChart;

/// Series a chart colours apart; the rest share one colour as "others".
pub const MAX_SERIES: usize = 8;

/// Everything the dossier view draws.
#[derive(Debug, Clone)]
pub struct DossierData {
    pub page: DossierPage,
    pub spreads: Vec<FigureSpread>,
    pub clashes: Vec<StanceClash>,
    pub weeks: Vec<StancePoint>,
    pub months: Vec<StancePoint>,
    /// Numeric claims by unit and currency, the kind with most claims first.
    pub kinds: Vec<FigureKind>,
    /// The note each compared or listed claim was recorded in.
    pub notes_of: HashMap<i64, NoteId>,
    /// How long the comparisons took on the worker.
    pub took: Duration,
    /// The user's names for this ticker (aliases), alphabetically.
    pub aliases: Vec<String>,
    /// The local day the data was read on (the catalysts still to come are those from it on).
    pub today: chrono::NaiveDate,
    /// Phrases the user said are not this ticker.
    pub suppressed: Vec<String>,
    /// The price chart with its markers; none until prices are imported.
    pub price: Option<PriceChart>,
    /// "30 d +8.3% hit · 90 d …" for each call on the ticker, by claim id.
    pub outcomes: HashMap<i64, String>,
    /// The issuer's listings read together, when it has several (PETR3, PETR4, PBR).
    pub together: Option<Box<DossierData>>,
}

/// Numeric claims of one kind (same unit and currency), for one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureKind {
    pub unit: Option<String>,
    pub currency: Option<String>,
    /// `US$ (USD)`, `%`, `GPUs`.
    pub label: String,
    pub points: Vec<FigurePoint>,
    /// The values span more than two orders of magnitude: plot log10 of them.
    pub log_scale: bool,
    pub by_source: Vec<Series>,
    pub by_claimant: Vec<Series>,
}

/// One claim on a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct FigurePoint {
    pub claim_id: i64,
    pub day: NaiveDate,
    /// Where it is drawn: its day, nudged apart from other claims of the same day so that each
    /// stays visible (a fraction of a day).
    pub x: f64,
    pub value: f64,
    /// The value as people read it: `US$589B`.
    pub shown: String,
    pub as_of: String,
    pub text: String,
    pub claimant: Option<String>,
    pub source: Option<String>,
}

/// Points of one colour: one source's or one claimant's claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// Plot coordinates: x in days since 1970-01-01, y the value (or its log10).
    pub points: Vec<PlotPoint>,
    /// For each point, its index in [`FigureKind::points`].
    pub members: Vec<usize>,
}

impl DossierData {
    /// Compares and groups the claims of `page` (on the worker).
    pub fn build(page: DossierPage) -> Self {
        let started = Instant::now();
        let symbol = Symbol::parse(&page.info.symbol).ok();
        let (spreads, clashes, weeks, months) = match &symbol {
            Some(symbol) => (
                compare::figure_spreads(&page.dated, symbol),
                compare::opposing_stances(&page.dated, symbol, compare::CLASH_WINDOW_DAYS),
                compare::stance_timeline(&page.dated, symbol, Bucket::Week),
                compare::stance_timeline(&page.dated, symbol, Bucket::Month),
            ),
            None => Default::default(),
        };
        let kinds = figure_kinds(&page.dated);
        let notes_of = page.claims.iter().chain(&page.dated).filter_map(|c| Some((c.id, c.note_id?))).collect();
        let took = started.elapsed();
        Self {
            page,
            spreads,
            clashes,
            weeks,
            months,
            kinds,
            notes_of,
            took,
            aliases: Vec::new(),
            today: chrono::Local::now().date_naive(),
            suppressed: Vec::new(),
            price: None,
            outcomes: HashMap::new(),
            together: None,
        }
    }
}

fn figure_kinds(claims: &[Claim]) -> Vec<FigureKind> {
    let mut kinds: Vec<FigureKind> = Vec::new();
    for claim in claims {
        let (Some(value), Some(day)) =
            (claim.value.filter(|v| v.is_finite()), claim.as_of.as_deref().and_then(first_day))
        else {
            continue;
        };
        let unit = claim.unit.clone().filter(|u| !u.trim().is_empty());
        let key = unit.as_deref().map(crate::model::fold);
        let at = match kinds
            .iter()
            .position(|k| k.unit.as_deref().map(crate::model::fold) == key && k.currency == claim.currency)
        {
            Some(at) => at,
            None => {
                kinds.push(FigureKind {
                    label: kind_label(unit.as_deref(), claim.currency.as_deref()),
                    unit,
                    currency: claim.currency.clone(),
                    points: Vec::new(),
                    log_scale: false,
                    by_source: Vec::new(),
                    by_claimant: Vec::new(),
                });
                kinds.len() - 1
            }
        };
        let kind = &mut kinds[at];
        kind.points.push(FigurePoint {
            claim_id: claim.id,
            day,
            x: day_number(day),
            value,
            shown: format_value(value, kind.unit.as_deref(), kind.currency.as_deref()),
            as_of: claim.as_of.clone().unwrap_or_default(),
            text: claim.text.clone(),
            claimant: claim.claimant.clone(),
            source: claim
                .sources
                .first()
                .map(|s| s.publisher.clone().or_else(|| s.title.clone()).unwrap_or_else(|| s.url.clone())),
        });
    }
    for kind in &mut kinds {
        kind.points.sort_by(|a, b| a.day.cmp(&b.day).then(a.claim_id.cmp(&b.claim_id)));
        spread_same_days(&mut kind.points);
        let magnitudes: Vec<f64> = kind.points.iter().map(|p| p.value.abs()).filter(|v| *v > 0.0).collect();
        let (low, high) = magnitudes.iter().fold((f64::INFINITY, 0.0_f64), |(l, h), v| (l.min(*v), h.max(*v)));
        kind.log_scale = magnitudes.len() == kind.points.len() && high / low > 100.0;
        kind.by_source = series(kind, |p| p.source.clone().unwrap_or_else(|| "no source".to_owned()));
        kind.by_claimant = series(kind, |p| p.claimant.clone().unwrap_or_else(|| "no claimant".to_owned()));
    }
    kinds.sort_by(|a, b| b.points.len().cmp(&a.points.len()).then(a.label.cmp(&b.label)));
    kinds
}

/// Nudges claims of the same day apart (up to a day and a half either side), in order.
fn spread_same_days(points: &mut [FigurePoint]) {
    let mut start = 0;
    while start < points.len() {
        let end = start + points[start..].iter().take_while(|p| p.day == points[start].day).count();
        let n = end - start;
        let gap = (3.0 / n as f64).min(0.5);
        for (k, point) in points[start..end].iter_mut().enumerate() {
            point.x = day_number(point.day) + (k as f64 - (n - 1) as f64 / 2.0) * gap;
        }
        start = end;
    }
}

/// `US$ (USD)`, `R$ (BRL) per share`, `%`, `GPUs`, `number`.
fn kind_label(unit: Option<&str>, currency: Option<&str>) -> String {
    let money = currency.map(|c| {
        let symbol = format_value(1.0, None, Some(c)).trim_end_matches('1').trim().to_owned();
        if symbol == c { c.to_owned() } else { format!("{symbol} ({c})") }
    });
    match (money, unit) {
        (Some(money), Some(unit)) => format!("{money} {unit}"),
        (Some(money), None) => money,
        (None, Some(unit)) => unit.to_owned(),
        (None, None) => "number".to_owned(),
    }
}

/// The points of a kind split by `label`: the most frequent labels each get a series, the rest
/// share one named "others".
fn series(kind: &FigureKind, label: impl Fn(&FigurePoint) -> String) -> Vec<Series> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &kind.points {
        *counts.entry(label(p)).or_default() += 1;
    }
    let mut names: Vec<(String, usize)> = counts.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let kept: Vec<String> = names.iter().take(MAX_SERIES).map(|(n, _)| n.clone()).collect();
    let mut out: Vec<Series> =
        kept.iter().map(|name| Series { name: name.clone(), points: Vec::new(), members: Vec::new() }).collect();
    let mut others = Series { name: "others".to_owned(), points: Vec::new(), members: Vec::new() };
    for (i, p) in kind.points.iter().enumerate() {
        let name = label(p);
        let target = match kept.iter().position(|k| *k == name) {
            Some(at) => &mut out[at],
            None => &mut others,
        };
        let y = if kind.log_scale { p.value.abs().log10() } else { p.value };
        target.points.push(PlotPoint::new(p.x, y));
        target.members.push(i);
    }
    if !others.points.is_empty() {
        out.push(others);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimSourceRef, ClaimTicker, Stance, Status, Timestamp};
    use crate::store::TickerInfo;

    fn claim(
        id: i64,
        value: Option<f64>,
        currency: Option<&str>,
        as_of: &str,
        source: &str,
        stance: Option<Stance>,
    ) -> Claim {
        Claim {
            id,
            text: format!("NVIDIA lost market value, claim {id}"),
            value,
            unit: None,
            currency: currency.map(str::to_owned),
            as_of: Some(as_of.to_owned()),
            claimant: Some(format!("{source} desk")),
            status: Status::Unverified,
            note_id: Some(id * 10),
            tickers: vec![ClaimTicker { symbol: Symbol::parse("NVDA").unwrap(), stance }],
            sources: vec![ClaimSourceRef {
                id,
                url: format!("https://example.com/{id}"),
                title: None,
                publisher: Some(source.to_owned()),
                ..ClaimSourceRef::default()
            }],
            links: Vec::new(),
            created_at: Timestamp::from_millis(0),
            updated_at: Timestamp::from_millis(0),
        }
    }

    fn page(dated: Vec<Claim>) -> DossierPage {
        DossierPage {
            info: TickerInfo { symbol: "NVDA".into(), name: None, exchange: None, in_reference: true },
            notes: Vec::new(),
            note_count: 0,
            claims: Vec::new(),
            claim_count: dated.len() as u64,
            stance: Default::default(),
            sources: Vec::new(),
            dated,
            catalysts: Vec::new(),
            issuer: None,
        }
    }

    #[test]
    fn numeric_claims_are_grouped_by_kind_and_coloured_by_source() {
        let data = DossierData::build(page(vec![
            claim(1, Some(500e9), Some("USD"), "2025-01-27", "Reuters", Some(Stance::Bearish)),
            claim(2, Some(600e9), Some("USD"), "2025-01-27", "Investing.com", Some(Stance::Bearish)),
            claim(3, Some(6e6), Some("USD"), "2025-01", "Reuters", None),
            claim(4, Some(16.9), None, "2025-01-27", "Reuters", None),
            claim(5, None, None, "2025-01-28", "Cantor", Some(Stance::Bullish)),
        ]));
        let usd = &data.kinds[0];
        assert_eq!((usd.label.as_str(), usd.points.len(), usd.log_scale), ("US$ (USD)", 3, true));
        assert_eq!(usd.points[0].day.to_string(), "2025-01-01", "a month counts from its first day");
        let names: Vec<(&str, usize)> = usd.by_source.iter().map(|s| (s.name.as_str(), s.points.len())).collect();
        assert_eq!(names, [("Reuters", 2), ("Investing.com", 1)]);
        assert!((usd.by_source[1].points[0].y - 600e9_f64.log10()).abs() < 1e-9);
        let same_day: Vec<f64> = usd.points.iter().filter(|p| p.as_of == "2025-01-27").map(|p| p.x).collect();
        assert!(same_day[0] < same_day[1], "claims of one day are drawn side by side: {same_day:?}");
        assert_eq!(data.kinds[1].label, "number");
        assert_eq!(data.spreads.len(), 1, "500B and 600B on one day: one spread");
        assert_eq!(data.clashes.len(), 1, "Cantor bullish against two bearish desks");
        assert_eq!(data.weeks.len(), 1);
        assert_eq!(data.notes_of.get(&2), Some(&20));
    }

    #[test]
    fn beyond_eight_sources_the_rest_are_others() {
        let claims: Vec<Claim> = (0..20)
            .map(|i| claim(i, Some(100.0 + i as f64), None, "2025-01-27", &format!("Outlet {}", i % 12), None))
            .collect();
        let kind = &DossierData::build(page(claims)).kinds[0];
        assert_eq!(kind.by_source.len(), MAX_SERIES + 1);
        assert_eq!(kind.by_source.last().map(|s| s.name.as_str()), Some("others"));
        assert_eq!(kind.by_source.iter().map(|s| s.points.len()).sum::<usize>(), 20);
    }
}
