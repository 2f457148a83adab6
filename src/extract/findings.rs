//! What extraction finds, as the command line prints it and the editor highlights it.
//!
//! Every finding carries its [`Span`]: character offsets (`start`, `end`, what the JSON shows and
//! what a person counts) and the byte range (for slicing the `&str` and for egui layout jobs).

use std::ops::Range;

use serde::Serialize;

use super::{Language, Via};
use crate::model::{Stance, Symbol};

/// Where a finding is in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset just past the last character.
    pub end: usize,
    /// The same range in bytes of the UTF-8 text.
    #[serde(skip)]
    pub bytes: Range<usize>,
}

/// A ticker named in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TickerFinding {
    pub symbol: Symbol,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    pub via: Via,
}

/// An amount of money: `value` in units of `currency` (an ISO code), scale applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    pub value: f64,
    pub currency: String,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    /// Hedged in the text: `nearly $600B`, `cerca de US$ 6 milhões`.
    pub approximate: bool,
    /// The number could be read another way (`$2.000` in English); see `alternatives`.
    pub ambiguous: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<f64>,
    /// The companies the figure is about (none for an index, a currency or what is unclear).
    pub tickers: Vec<Symbol>,
}

/// A percentage: `value` is in percent (`16,9%` → 16.9).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Percent {
    pub value: f64,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    pub approximate: bool,
    pub ambiguous: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<f64>,
    /// The companies the figure is about (none for an index, a currency or what is unclear).
    pub tickers: Vec<Symbol>,
}

/// A fraction: `1/50` → numerator 1, denominator 50, value 0.02.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fraction {
    pub value: f64,
    pub numerator: f64,
    pub denominator: f64,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    pub approximate: bool,
}

/// A count or measure of something: `2,048 H800 GPUs` → 2048, unit `H800 GPUs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub value: f64,
    pub unit: String,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    pub approximate: bool,
    pub ambiguous: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<f64>,
    /// The companies the figure is about (none for an index, a currency or what is unclear).
    pub tickers: Vec<Symbol>,
}

/// A date: `YYYY-MM-DD`, or `YYYY-MM` when the text names only the month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateFinding {
    pub date: String,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    /// The day and month could be the other way round (`05/02/2025` in English).
    pub ambiguous: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// Inferred: a relative date (`on Monday`, `no mês passado`) read against the anchor date.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// Someone the text says makes a claim: a firm, an analyst, a company.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claimant {
    pub name: String,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}

/// Who holds which stance on which ticker, and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct View {
    pub claimant: String,
    pub ticker: Symbol,
    pub stance: Stance,
    /// Byte offset of the quote (the sentence) in the text.
    pub start: usize,
    /// Byte offset just past the quote.
    pub end: usize,
    /// Where the claimant is named.
    #[serde(skip)]
    pub claimant_span: Span,
}

/// Everything extraction found in one text, each list in text order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Findings {
    pub language: Language,
    pub tickers: Vec<TickerFinding>,
    pub amounts: Vec<Amount>,
    pub percents: Vec<Percent>,
    pub fractions: Vec<Fraction>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateFinding>,
    pub claimants: Vec<Claimant>,
    pub views: Vec<View>,
}

impl Findings {
    /// Every span found, of any kind, in text order (for highlighting).
    pub fn spans(&self) -> Vec<&Span> {
        let mut spans: Vec<&Span> = self
            .tickers
            .iter()
            .map(|f| &f.span)
            .chain(self.amounts.iter().map(|f| &f.span))
            .chain(self.percents.iter().map(|f| &f.span))
            .chain(self.fractions.iter().map(|f| &f.span))
            .chain(self.quantities.iter().map(|f| &f.span))
            .chain(self.dates.iter().map(|f| &f.span))
            .chain(self.claimants.iter().map(|f| &f.span))
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }
}

/// Turns byte offsets of one text into character offsets, in O(log n) each.
pub(crate) struct CharIndex {
    /// (byte where a multi-byte character starts, extra bytes up to and including it).
    marks: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (at, c) in text.char_indices() {
                if c.len_utf8() > 1 {
                    extra += c.len_utf8() - 1;
                    marks.push((at, extra));
                }
            }
        }
        Self { marks }
    }

    /// The character offset of byte `at` (a character boundary).
    pub fn chars(&self, at: usize) -> usize {
        let before = self.marks.partition_point(|(start, _)| *start < at);
        at - before.checked_sub(1).map_or(0, |i| self.marks[i].1)
    }

    pub fn span(&self, bytes: Range<usize>) -> Span {
        Span { start: self.chars(bytes.start), end: self.chars(bytes.end), bytes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_count_characters_not_bytes() {
        let text = "ação: €3bn 🚀 NVDA";
        let index = CharIndex::new(text);
        let nvda = text.find("NVDA").unwrap();
        let span = index.span(nvda..nvda + 4);
        assert_eq!((span.start, span.end), (13, 17));
        assert_eq!(text.chars().skip(13).take(4).collect::<String>(), "NVDA");
        assert_eq!(index.chars(0), 0);
        assert_eq!(index.chars(text.len()), text.chars().count());
    }
}
