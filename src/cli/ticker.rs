//! `jevons ticker SYM`: the dossier as the window shows it: notes, claims (each call with its
//! outcome over 30, 90 and 365 days), sources, stances, figures that disagree, opposite views,
//! catalysts, prices and events.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::output;
use crate::compare::{self, FigureSpread, Outcome, ScoredCall, StanceClash};
use crate::model::{MarketEvent, PriceDay, Symbol, format_value};
use crate::session::claimants;
use crate::store::{DossierLimits, Store, TickerDossier};

/// A spread of one figure, as the JSON gives it.
#[derive(Debug, Serialize)]
struct Disagreement {
    low: f64,
    high: f64,
    /// (high − low) / |low|.
    spread: f64,
    unit: Option<String>,
    currency: Option<String>,
    first_as_of: Option<String>,
    last_as_of: Option<String>,
    claims: Vec<i64>,
}

impl From<&FigureSpread> for Disagreement {
    fn from(s: &FigureSpread) -> Self {
        Self {
            low: s.min,
            high: s.max,
            spread: s.relative,
            unit: s.unit.clone(),
            currency: s.currency.clone(),
            first_as_of: s.first_as_of.clone(),
            last_as_of: s.last_as_of.clone(),
            claims: s.members.iter().map(|m| m.claim_id).collect(),
        }
    }
}

/// What the prices on file cover.
#[derive(Debug, Serialize)]
struct PriceCover {
    days: usize,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    last_close: f64,
}

fn cover(prices: &[PriceDay]) -> Option<PriceCover> {
    let (first, last) = (prices.first()?, prices.last()?);
    Some(PriceCover { days: prices.len(), from: first.day, to: last.day, last_close: last.close })
}

/// Everything the dossier adds to the store's [`TickerDossier`].
struct Extras {
    outcomes: HashMap<i64, ScoredCall>,
    spreads: Vec<FigureSpread>,
    clashes: Vec<StanceClash>,
    prices: Option<PriceCover>,
    events: Vec<MarketEvent>,
}

/// The comparisons and outcomes of the claims `listed` (and of the dated ones compared).
fn extras(store: &Store, symbol: &Symbol, listed: &[i64]) -> anyhow::Result<Extras> {
    let today = chrono::Local::now().date_naive();
    // The dated claims the window's dossier compares (the rest of its page is the dossier above).
    let dated = store.dated_claims_about(symbol, DossierLimits::default().dated)?;
    let shown: Vec<i64> = listed.iter().copied().chain(dated.iter().map(|c| c.id)).collect();
    let record = claimants::ticker_record(store, symbol, &shown, today)?;
    Ok(Extras {
        outcomes: record.calls,
        spreads: compare::figure_spreads(&dated, symbol),
        clashes: compare::opposing_stances(&dated, symbol, compare::CLASH_WINDOW_DAYS),
        prices: cover(&record.prices),
        events: store.events(Some(symbol))?,
    })
}

pub(super) fn run(store: &Store, symbol: &str, limit: usize, as_json: bool) -> anyhow::Result<()> {
    let symbol = Symbol::parse(symbol)?;
    let dossier = store.ticker_dossier(&symbol, limit)?;
    let listed: Vec<i64> = dossier.claims.iter().map(|c| c.id).collect();
    let extras = extras(store, &symbol, &listed)?;
    if as_json {
        output::json(&with_extras(&dossier, &extras)?)
    } else {
        output::dossier(&dossier);
        text(&dossier, &extras);
        Ok(())
    }
}

/// The store's dossier with each claim's `outcome` (null when it is not a call) and the
/// comparisons added.
fn with_extras(dossier: &TickerDossier, extras: &Extras) -> anyhow::Result<Value> {
    let mut value = serde_json::to_value(dossier)?;
    if let Some(claims) = value.get_mut("claims").and_then(Value::as_array_mut) {
        for claim in claims {
            let id = claim.get("id").and_then(Value::as_i64);
            let outcome = id.and_then(|id| extras.outcomes.get(&id)).map(|s| &s.outcome);
            claim["outcome"] = serde_json::to_value(outcome)?;
        }
    }
    value["disagreements"] = serde_json::to_value(extras.spreads.iter().map(Disagreement::from).collect::<Vec<_>>())?;
    value["opposing_views"] = serde_json::to_value(&extras.clashes)?;
    value["prices"] = serde_json::to_value(&extras.prices)?;
    value["events"] = json!(extras.events);
    Ok(value)
}

/// "+12.3% hit" / "−4.0% miss" / "pending".
fn outcome_word(outcome: Option<&Outcome>) -> String {
    outcome.map_or_else(|| "pending".into(), Outcome::short)
}

fn text(dossier: &TickerDossier, extras: &Extras) {
    if !extras.spreads.is_empty() {
        println!("\nfigures that disagree:");
        for s in &extras.spreads {
            let shown = |v| format_value(v, s.unit.as_deref(), s.currency.as_deref());
            let dates = match (&s.first_as_of, &s.last_as_of) {
                (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
                (Some(a), _) => format!(", {a}"),
                _ => String::new(),
            };
            output::line(&format!(
                "  {} – {}  spread {:.1}% across {} claims{dates}",
                shown(s.min),
                shown(s.max),
                s.relative * 100.0,
                s.members.len()
            ));
            for m in &s.members {
                let who = m.claimant.as_deref().unwrap_or("—");
                output::line(&format!("      {:>12}  {who}  [{}] {}", shown(m.value), m.claim_id, m.text));
            }
        }
    }
    if !extras.clashes.is_empty() {
        println!("\nopposite views:");
        for c in extras.clashes.iter().rev() {
            let period = if c.from == c.to { c.from.clone() } else { format!("{} to {}", c.from, c.to) };
            output::line(&format!("  {period}"));
            for (side, views) in [("bullish", &c.bullish), ("bearish", &c.bearish)] {
                for v in views {
                    let who = v.claimant.as_deref().unwrap_or("unknown claimant");
                    output::line(&format!("    {side:<8} {who}  [{}] {}", v.claim_id, v.text));
                }
            }
        }
    }
    // The listed claims' calls, by as-of date (the dossier's claims are newest as-of first).
    let mut calls: Vec<&ScoredCall> = dossier.claims.iter().filter_map(|c| extras.outcomes.get(&c.id)).collect();
    calls.sort_by(|a, b| a.call.as_of.cmp(&b.call.as_of).then(a.call.claim_id.cmp(&b.call.claim_id)));
    if !calls.is_empty() {
        println!("\ncalls (the ticker's return after 30 / 90 / 365 days):");
        for call in calls {
            let o = &call.outcome;
            output::line(&format!(
                "  {}  {:<8} {}  {} / {} / {}  [{}]",
                call.call.as_of,
                call.call.stance.as_str(),
                call.call.counted_as,
                outcome_word(o.get(&30)),
                outcome_word(o.get(&90)),
                outcome_word(o.get(&365)),
                call.call.claim_id
            ));
        }
    }
    match &extras.prices {
        Some(p) => println!("\nprices: {} days, {} to {}, last close {}", p.days, p.from, p.to, p.last_close),
        None if dossier.claim_count > 0 => {
            println!("\nprices: none on file (`jevons prices import FILE --ticker {}`)", dossier.symbol)
        }
        None => {}
    }
    if !extras.events.is_empty() {
        println!("\nevents:");
        for e in &extras.events {
            let scope = if e.symbol.is_some() { "" } else { "  (market)" };
            output::line(&format!("  {}  {}{scope}", e.day, e.title));
        }
    }
}
