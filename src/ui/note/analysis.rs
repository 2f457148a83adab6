//! What extraction finds in the open note, and when to read it again.
//!
//! The editor never analyses while drawing: a short while after typing stops, the app sends the
//! body to the worker's research lane ([`analyse_note`] runs there, against the lexicon it built
//! once), and the answer is cached here with the version of the text it was read from. Views
//! draw from the cache; spans are only used on the text they were found in.

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::extract::{ClaimSuggestion, Findings, Lexicon, Options, analyse_with, suggest_claims};
use crate::model::{Claim, Note, Origin, Symbol, TickerLink};

/// Seconds after the last keystroke before the body is read again.
pub const ANALYSE_AFTER: f64 = 0.3;

/// The findings and claim suggestions of one version of a note's body.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteAnalysis {
    pub findings: Findings,
    pub suggestions: Vec<ClaimSuggestion>,
    /// The day relative dates (`on Monday`, `ontem`) were read against.
    pub anchor: Option<DateAnchor>,
    /// How long reading took, on the worker.
    pub took: Duration,
}

/// The day a note's relative dates are read against, and whose date it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateAnchor {
    pub date: NaiveDate,
    pub from: AnchorFrom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorFrom {
    /// The publication date of a source the note cites.
    Source,
    /// The day the note was written (today for a note not saved yet).
    Note,
}

impl DateAnchor {
    /// The publication date of the note's first source that has one, else the local day the
    /// note was written, else `today`.
    pub fn of(note: Option<&Note>, today: NaiveDate) -> Self {
        let published = note.and_then(|n| n.sources.iter().find_map(|s| s.published_at));
        match (published, note) {
            (Some(date), _) => Self { date, from: AnchorFrom::Source },
            (None, Some(note)) => Self {
                date: note.created_at.as_datetime().with_timezone(&chrono::Local).date_naive(),
                from: AnchorFrom::Note,
            },
            (None, None) => Self { date: today, from: AnchorFrom::Note },
        }
    }

    /// What the claim form says of an as-of date read from `words` against this anchor.
    pub fn explain(&self, words: &str) -> String {
        let whose = match self.from {
            AnchorFrom::Source => "the source's publication date",
            AnchorFrom::Note => "the note's date",
        };
        format!("inferred from “{words}” and {whose} ({})", self.date)
    }
}

/// Reads `text` against `lexicon`, its relative dates against `anchor` (on the worker: a 1 MB
/// note takes a while).
pub fn analyse_note(text: &str, lexicon: &Lexicon, anchor: Option<DateAnchor>) -> NoteAnalysis {
    let started = Instant::now();
    let findings = analyse_with(text, lexicon, &Options { anchor: anchor.map(|a| a.date) });
    let suggestions = suggest_claims(text, &findings);
    NoteAnalysis { findings, suggestions, anchor, took: started.elapsed() }
}

/// The editor's cache of the analysis, and what was asked of the worker.
#[derive(Debug, Default)]
pub struct AnalysisState {
    /// The ticket and body version of the last request sent.
    asked: Option<(u64, u64)>,
    /// The latest answer and the body version it was read from.
    pub current: Option<(u64, NoteAnalysis)>,
    pub error: Option<String>,
}

impl AnalysisState {
    /// Whether the body at `version` still has to be asked for.
    pub fn wants(&self, version: u64) -> bool {
        self.asked.is_none_or(|(_, asked)| asked != version)
    }

    /// Read the body again (the names a ticker goes by changed): the current answer stays
    /// shown until the new one comes.
    pub fn read_again(&mut self) {
        self.asked = None;
    }

    /// A request for `version` was sent under `ticket`.
    pub fn asked(&mut self, ticket: u64, version: u64) {
        self.asked = Some((ticket, version));
    }

    /// The worker answered `ticket`: kept only when it is the last request sent.
    pub fn arrived(&mut self, ticket: u64, result: Result<NoteAnalysis, String>) -> bool {
        let Some((asked_ticket, version)) = self.asked else { return false };
        if asked_ticket != ticket {
            return false;
        }
        match result {
            Ok(analysis) => {
                self.current = Some((version, analysis));
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
        true
    }

    /// The analysis, when it was read from the body at `version`.
    pub fn of_version(&self, version: u64) -> Option<&NoteAnalysis> {
        self.current.as_ref().filter(|(v, _)| *v == version).map(|(_, a)| a)
    }

    /// The latest analysis, whatever version it was read from (for lists, not for spans).
    pub fn latest(&self) -> Option<&NoteAnalysis> {
        self.current.as_ref().map(|(_, a)| a)
    }
}

/// A ticker named in the text (by company name, alias or symbol) that the note is not linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlinkedTicker {
    pub symbol: Symbol,
    /// How the text names it, the first time.
    pub text: String,
    pub mentions: usize,
}

/// Tickers the text names that are not among the note's links, most mentioned first.
pub fn unlinked_tickers(findings: &Findings, links: &[TickerLink]) -> Vec<UnlinkedTicker> {
    let mut found: Vec<UnlinkedTicker> = Vec::new();
    for t in &findings.tickers {
        if links.iter().any(|l| l.symbol == t.symbol && l.origin != Origin::Claim) {
            continue;
        }
        match found.iter_mut().find(|u| u.symbol == t.symbol) {
            Some(u) => u.mentions += 1,
            None => found.push(UnlinkedTicker { symbol: t.symbol.clone(), text: t.text.clone(), mentions: 1 }),
        }
    }
    found.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.symbol.cmp(&b.symbol)));
    found
}

/// Whether the note already has a claim for this suggestion: the same figure (value, unit and
/// currency), or for an opinion the same claimant and text.
pub fn already_claimed(suggestion: &ClaimSuggestion, claims: &[Claim]) -> bool {
    let same_value = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    let unit = |u: Option<&str>| u.map(crate::model::fold).unwrap_or_default();
    claims.iter().any(|c| match (suggestion.value, c.value) {
        (Some(s), Some(v)) => {
            same_value(s, v)
                && unit(suggestion.unit.as_deref()) == unit(c.unit.as_deref())
                && suggestion.currency == c.currency
        }
        (None, None) => {
            c.text.trim() == suggestion.text.trim()
                || (suggestion.claimant.is_some() && c.claimant == suggestion.claimant && c.value.is_none())
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::new([("NVDA", "NVIDIA CORP"), ("MSFT", "MICROSOFT CORP")])
    }

    #[test]
    fn only_the_answer_to_the_last_request_is_kept() {
        let mut state = AnalysisState::default();
        assert!(state.wants(0));
        state.asked(1, 0);
        assert!(!state.wants(0), "asked once");
        state.asked(2, 1);
        let analysis = analyse_note("NVIDIA lost $589B.", &lexicon(), None);
        assert!(!state.arrived(1, Ok(analysis.clone())), "an older request's answer is dropped");
        assert!(state.arrived(2, Ok(analysis)));
        assert!(state.of_version(1).is_some() && state.of_version(0).is_none());
    }

    #[test]
    fn tickers_named_but_not_linked_are_offered() {
        let analysis = analyse_note("NVIDIA and Microsoft; NVIDIA again, and $MSFT.", &lexicon(), None);
        let links = [TickerLink { symbol: Symbol::parse("MSFT").unwrap(), origin: Origin::Detected }];
        let offered: Vec<(String, usize)> = unlinked_tickers(&analysis.findings, &links)
            .into_iter()
            .map(|u| (u.symbol.to_string(), u.mentions))
            .collect();
        assert_eq!(offered, [("NVDA".to_owned(), 2)]);
    }

    #[test]
    fn a_figure_already_recorded_is_not_offered_again() {
        let text = "On 2025-01-27 NVIDIA lost nearly US$ 589 billion of market value.";
        let analysis = analyse_note(text, &lexicon(), None);
        let suggestion = &analysis.suggestions[0];
        let mut claim = crate::model::Claim {
            id: 1,
            text: "Market value loss".into(),
            value: Some(589e9),
            unit: None,
            currency: Some("USD".into()),
            as_of: None,
            claimant: None,
            status: crate::model::Status::Unverified,
            note_id: Some(1),
            tickers: Vec::new(),
            sources: Vec::new(),
            links: Vec::new(),
            created_at: crate::model::Timestamp::from_millis(0),
            updated_at: crate::model::Timestamp::from_millis(0),
        };
        assert!(already_claimed(suggestion, std::slice::from_ref(&claim)));
        claim.value = Some(593e9);
        assert!(!already_claimed(suggestion, &[claim]));
    }
}
