//! Claims: statements recorded as data (value, unit, currency, as-of date, claimant, stance per
//! ticker, status) with the sources that back them.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::{Anchored, Invalid, NoteId, Symbol, Timestamp};

/// A claim's row id.
pub type ClaimId = i64;

/// What a claim means for a ticker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Bullish,
    Bearish,
    Neutral,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Bullish, Stance::Bearish, Stance::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Bullish => "bullish",
            Stance::Bearish => "bearish",
            Stance::Neutral => "neutral",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let key = text.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == key)
            .ok_or_else(|| Invalid::new(format!("{text:?} is not a stance (bullish, bearish or neutral)")))
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How far a claim has been checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Unverified,
    Supported,
    Disputed,
    Refuted,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Unverified, Status::Supported, Status::Disputed, Status::Refuted];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unverified => "unverified",
            Status::Supported => "supported",
            Status::Disputed => "disputed",
            Status::Refuted => "refuted",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let key = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|s| s.as_str() == key).ok_or_else(|| {
            Invalid::new(format!("{text:?} is not a claim status (unverified, supported, disputed, refuted)"))
        })
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How one claim relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimLinkKind {
    Supports,
    Contradicts,
    Updates,
}

impl ClaimLinkKind {
    pub const ALL: [ClaimLinkKind; 3] = [ClaimLinkKind::Supports, ClaimLinkKind::Contradicts, ClaimLinkKind::Updates];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimLinkKind::Supports => "supports",
            ClaimLinkKind::Contradicts => "contradicts",
            ClaimLinkKind::Updates => "updates",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let key = text.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == key)
            .ok_or_else(|| Invalid::new(format!("{text:?} is not a claim link (supports, contradicts, updates)")))
    }

    /// The link read from the other side: `supported by`, `contradicted by`, `updated by`.
    pub fn passive(self) -> &'static str {
        match self {
            ClaimLinkKind::Supports => "supported by",
            ClaimLinkKind::Contradicts => "contradicted by",
            ClaimLinkKind::Updates => "updated by",
        }
    }
}

/// A link between two claims, as seen from one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimLinkRef {
    /// The other claim.
    pub claim_id: i64,
    pub kind: ClaimLinkKind,
    /// Whether this claim makes the link (this one `supports` the other), or the other one does.
    pub outgoing: bool,
    /// The other claim's text.
    pub text: String,
}

impl ClaimLinkRef {
    /// How the link reads from this claim: `supports`, or `supported by` when the other claim made it.
    pub fn verb(&self) -> &'static str {
        if self.outgoing { self.kind.as_str() } else { self.kind.passive() }
    }
}

/// A ticker named by a claim, with the claim's stance on it (none when the claim takes no side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimTicker {
    pub symbol: Symbol,
    pub stance: Option<Stance>,
}

impl ClaimTicker {
    /// Parses the CLI form `NVDA`, `NVDA:bullish`.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        match text.rsplit_once(':') {
            Some((symbol, stance)) => Ok(Self { symbol: Symbol::parse(symbol)?, stance: Some(Stance::parse(stance)?) }),
            None => Ok(Self { symbol: Symbol::parse(text)?, stance: None }),
        }
    }
}

/// A source cited by a claim, with the exact quote when one was given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSourceRef {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub quote: Option<String>,
    /// The page of the source's document the quote is on, as the claim names it (1 is the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Whether the quote is in the source's document (`None`: no quote, or no document to check).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchored: Option<Anchored>,
    /// The page the quote was found on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_page: Option<u32>,
}

/// A claim as stored and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: i64,
    pub text: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub currency: Option<String>,
    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only the month or year is known.
    pub as_of: Option<String>,
    pub claimant: Option<String>,
    pub status: Status,
    pub note_id: Option<NoteId>,
    pub tickers: Vec<ClaimTicker>,
    pub sources: Vec<ClaimSourceRef>,
    /// Links to and from other claims (`supports`, `contradicts`, `updates`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<ClaimLinkRef>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Claim {
    /// The value with unit and currency as a person reads it: `US$6.0M`, `75%`, `2,000 GPUs`.
    pub fn display_value(&self) -> Option<String> {
        self.value.map(|v| format_value(v, self.unit.as_deref(), self.currency.as_deref()))
    }
}

/// A new claim, or the new contents of an edited one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimDraft {
    pub text: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub as_of: Option<String>,
    pub claimant: Option<String>,
    pub status: Status,
    pub note_id: Option<NoteId>,
    pub tickers: Vec<ClaimTicker>,
    /// Source ids with an optional exact quote each.
    pub sources: Vec<(i64, Option<String>)>,
}

impl ClaimDraft {
    /// A draft holding a stored claim's contents, to edit it.
    pub fn from_claim(claim: &Claim) -> Self {
        Self {
            text: claim.text.clone(),
            value: claim.value,
            unit: claim.unit.clone(),
            currency: claim.currency.clone(),
            as_of: claim.as_of.clone(),
            claimant: claim.claimant.clone(),
            status: claim.status,
            note_id: claim.note_id,
            tickers: claim.tickers.clone(),
            sources: claim.sources.iter().map(|s| (s.id, s.quote.clone())).collect(),
        }
    }

    /// Checks and tidies a draft: text required, finite value, known currency shape, real as-of date.
    pub fn validate(mut self) -> Result<Self, Invalid> {
        self.text = self.text.trim().to_owned();
        if self.text.is_empty() {
            return Err(Invalid::new("a claim needs its text"));
        }
        if self.value.is_some_and(|v| !v.is_finite()) {
            return Err(Invalid::new("a claim's value must be a finite number"));
        }
        let tidy = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        self.unit = tidy(self.unit);
        self.claimant = tidy(self.claimant);
        self.currency = tidy(self.currency).map(|c| parse_currency(&c)).transpose()?;
        self.as_of = tidy(self.as_of).map(|d| parse_as_of(&d)).transpose()?;
        let mut seen = std::collections::HashSet::new();
        self.tickers.retain(|t| seen.insert(t.symbol.clone()));
        Ok(self)
    }
}

/// A currency as a three-letter code. Common symbols are accepted too (`US$`, `$`, `R$`, `€`).
pub fn parse_currency(text: &str) -> Result<String, Invalid> {
    let t = text.trim();
    let code = match t {
        "$" | "US$" | "USD" | "usd" => "USD".to_owned(),
        "R$" => "BRL".to_owned(),
        "€" => "EUR".to_owned(),
        "£" => "GBP".to_owned(),
        "¥" => "JPY".to_owned(),
        _ if t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()) => t.to_ascii_uppercase(),
        _ => return Err(Invalid::new(format!("{text:?} is not a currency (a code like USD, BRL, EUR)"))),
    };
    Ok(code)
}

/// An as-of date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and a real one.
pub fn parse_as_of(text: &str) -> Result<String, Invalid> {
    let t = text.trim();
    let bad = || Invalid::new(format!("{text:?} is not a date (expected YYYY-MM-DD, or YYYY-MM, or YYYY)"));
    let valid = match t.len() {
        10 => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok(),
        7 => chrono::NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d").is_ok(),
        4 => t.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    if valid { Ok(t.to_owned()) } else { Err(bad()) }
}

/// Reads a value as typed: `6000000`, `6e6`, `2,000`, `6M`, `500B`, `3.5 trillion`, `-1.5`.
/// Commas only group thousands; a decimal comma (`1,5`) is refused with a hint, never guessed.
pub fn parse_value(text: &str) -> Result<f64, Invalid> {
    let bad = |why: &str| Invalid::new(format!("{text:?} is not a number{why}"));
    let cleaned = text.trim().replace('_', "");
    let lower = cleaned.to_ascii_lowercase();
    let scales = [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
        ("tn", 1e12),
        ("bn", 1e9),
        ("mm", 1e6),
        ("t", 1e12),
        ("b", 1e9),
        ("m", 1e6),
        ("k", 1e3),
    ];
    let (number, scale) = scales
        .iter()
        .find_map(|(suffix, scale)| lower.strip_suffix(suffix).map(|n| (n.trim_end().to_owned(), *scale)))
        .unwrap_or((lower.clone(), 1.0));
    let number = if number.contains(',') {
        let (int, frac) = number.split_once('.').unwrap_or((&number, ""));
        let digits = int.trim_start_matches('-');
        let groups: Vec<&str> = digits.split(',').collect();
        let grouped = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
        if !grouped {
            return Err(bad(" (write decimals with a point: 1.5, not 1,5)"));
        }
        let joined = int.replace(',', "");
        if frac.is_empty() { joined } else { format!("{joined}.{frac}") }
    } else {
        number
    };
    let valid = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e'));
    let value = number.parse::<f64>().ok().filter(|v| valid && v.is_finite()).ok_or_else(|| bad(""))? * scale;
    if value.is_finite() { Ok(value) } else { Err(bad(" (too large)")) }
}

/// Formats a value for people: money with a symbol and scale (`US$6.0M`, `R$1.2B`), percentages
/// with `%`, other quantities with thousands separators and their unit.
pub fn format_value(value: f64, unit: Option<&str>, currency: Option<&str>) -> String {
    if let Some(currency) = currency {
        let symbol = match currency {
            "USD" => "US$".to_owned(),
            "BRL" => "R$".to_owned(),
            "EUR" => "€".to_owned(),
            "GBP" => "£".to_owned(),
            "JPY" => "¥".to_owned(),
            other => format!("{other} "),
        };
        let money = format!("{symbol}{}", scaled(value));
        return match unit {
            Some(unit) if !unit.is_empty() => format!("{money} {unit}"),
            _ => money,
        };
    }
    match unit {
        Some("%") => format!("{}%", plain(value)),
        Some(unit) if !unit.is_empty() => format!("{} {unit}", quantity(value)),
        _ => quantity(value),
    }
}

/// `6000000` → `6.0M`, `500000000000` → `500B`, `118.58` → `118.58`.
fn scaled(value: f64) -> String {
    let abs = value.abs();
    for (size, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
        if abs >= size {
            let scaled = value / size;
            return if scaled.abs() >= 100.0 || scaled.fract() == 0.0 && scaled.abs() >= 10.0 {
                format!("{scaled:.0}{suffix}")
            } else {
                format!("{scaled:.1}{suffix}")
            };
        }
    }
    plain(value)
}

/// Up to two decimals, trailing zeros dropped.
fn plain(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Millions and more scaled (`671B`), smaller numbers grouped (`2,000`).
fn quantity(value: f64) -> String {
    if value.abs() >= 1e6 { scaled(value) } else { grouped(value) }
}

/// `2000` → `2,000`; `1234.5` → `1,234.5`.
fn grouped(value: f64) -> String {
    let text = plain(value);
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Counts of stances on one ticker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceTally {
    pub bullish: u64,
    pub bearish: u64,
    pub neutral: u64,
}

impl StanceTally {
    pub fn add(&mut self, stance: Stance) {
        match stance {
            Stance::Bullish => self.bullish += 1,
            Stance::Bearish => self.bearish += 1,
            Stance::Neutral => self.neutral += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_people_write_them() {
        for (value, unit, currency, shown) in [
            (6e6, None, Some("USD"), "US$6.0M"),
            (5.6e6, None, Some("USD"), "US$5.6M"),
            (500e9, None, Some("USD"), "US$500B"),
            (593e9, None, Some("USD"), "US$593B"),
            (1.2e9, None, Some("BRL"), "R$1.2B"),
            (118.58, None, Some("USD"), "US$118.58"),
            (75.0, Some("%"), None, "75%"),
            (16.9, Some("%"), None, "16.9%"),
            (2000.0, Some("GPUs"), None, "2,000 GPUs"),
            (671e9, Some("parameters"), None, "671B parameters"),
            (123456.0, None, None, "123,456"),
            (-1234.5, None, None, "-1,234.5"),
            (10e6, None, Some("CHF"), "CHF 10M"),
        ] {
            assert_eq!(format_value(value, unit, currency), shown);
        }
    }

    #[test]
    fn values_parse_as_typed() {
        for (typed, value) in [
            ("6000000", 6e6),
            ("6e6", 6e6),
            ("2,000", 2000.0),
            ("6M", 6e6),
            ("500B", 500e9),
            ("3.5 trillion", 3.5e12),
            ("5.6 million", 5.6e6),
            ("-1.5", -1.5),
            ("1_000", 1000.0),
            ("1,234,567.5", 1_234_567.5),
        ] {
            assert_eq!(parse_value(typed), Ok(value), "{typed}");
        }
        for bad in ["", "abc", "1,5", "1,23", "NaN", "inf", "1e999", "6 M M", "$6M", "1.2.3", "e"] {
            assert!(parse_value(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn as_of_dates_may_be_partial_but_real() {
        for good in ["2025-01-27", "2025-01", "2025"] {
            assert_eq!(parse_as_of(good).as_deref(), Ok(good));
        }
        for bad in ["2025-13", "2025-02-30", "25", "Jan 2025", "2025/01/27"] {
            assert!(parse_as_of(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ticker_with_stance_parses() {
        let t = ClaimTicker::parse("nvda:Bullish").unwrap();
        assert_eq!((t.symbol.as_str(), t.stance), ("NVDA", Some(Stance::Bullish)));
        assert!(ClaimTicker::parse("NVDA:moon").is_err());
        assert_eq!(ClaimTicker::parse("BRK.B").unwrap().stance, None);
    }

    #[test]
    fn drafts_are_checked() {
        let draft = |text: &str| ClaimDraft { text: text.into(), ..ClaimDraft::default() };
        assert!(draft("  ").validate().is_err());
        assert!(ClaimDraft { value: Some(f64::NAN), ..draft("x") }.validate().is_err());
        assert!(ClaimDraft { currency: Some("dollars".into()), ..draft("x") }.validate().is_err());
        let ok = ClaimDraft { currency: Some("usd".into()), as_of: Some(" 2025-01 ".into()), ..draft(" x ") };
        let ok = ok.validate().unwrap();
        assert_eq!(
            (ok.text.as_str(), ok.currency.as_deref(), ok.as_of.as_deref()),
            ("x", Some("USD"), Some("2025-01"))
        );
    }
}
