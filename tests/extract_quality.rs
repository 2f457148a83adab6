//! Measured extraction quality: precision, recall and F1 per kind over the labelled passages in
//! `tests/data/extract/passages.json` (English and Portuguese research-note prose, written and
//! labelled for the project). Fails below the floors of issue 5: tickers F1 0.95, amounts F1 0.95,
//! dates F1 0.9. `docs/extraction.md` explains how findings are matched to labels.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use jevons::extract::{Findings, Lexicon, Options, analyse_with};
use jevons::model::fold;
use serde_json::Value;

const DATA: &str = include_str!("data/extract/passages.json");

/// Lowest F1 accepted per kind.
const FLOORS: &[(&str, f64)] = &[("tickers", 0.95), ("amounts", 0.95), ("dates", 0.90)];

/// What identifies a finding, for matching: a symbol, a value with currency or unit, a date, a name.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    Text(String),
    Number(f64, Vec<f64>, String),
}

impl Key {
    /// A found key matches an expected one when the texts are equal, or the numbers agree within
    /// 0.1% (the found value or one of its ambiguous alternatives) with the same currency.
    fn matches(&self, expected: &Key) -> bool {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-3 * a.abs().max(b.abs()).max(1e-9);
        match (self, expected) {
            (Key::Text(a), Key::Text(b)) => a == b,
            (Key::Number(v, alternatives, a), Key::Number(w, _, b)) => {
                a == b && (close(*v, *w) || alternatives.iter().any(|alt| close(*alt, *w)))
            }
            _ => false,
        }
    }
}

/// One finding or label: its key and its character span (labels: every place their text occurs).
struct Item {
    key: Key,
    spans: Vec<(usize, usize)>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    found: usize,
    expected: usize,
    correct: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.found == 0 { 1.0 } else { self.correct as f64 / self.found as f64 }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 { 1.0 } else { self.correct as f64 / self.expected as f64 }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Character spans of every occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let chars = |byte: usize| text[..byte].chars().count();
    text.match_indices(needle).map(|(at, _)| (chars(at), chars(at + needle.len()))).collect()
}

fn name_key(name: &str) -> Key {
    let folded: String = fold(name).chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
    Key::Text(folded.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn found_items(findings: &Findings, kind: &str) -> Vec<Item> {
    let item = |key, start, end| Item { key, spans: vec![(start, end)] };
    match kind {
        "tickers" => {
            findings.tickers.iter().map(|t| item(Key::Text(t.symbol.to_string()), t.span.start, t.span.end)).collect()
        }
        "amounts" => findings
            .amounts
            .iter()
            .map(|a| item(Key::Number(a.value, a.alternatives.clone(), a.currency.clone()), a.span.start, a.span.end))
            .collect(),
        "percents" => findings
            .percents
            .iter()
            .map(|p| item(Key::Number(p.value, p.alternatives.clone(), "%".into()), p.span.start, p.span.end))
            .collect(),
        "fractions" => findings
            .fractions
            .iter()
            .map(|f| item(Key::Number(f.value, Vec::new(), String::new()), f.span.start, f.span.end))
            .collect(),
        "quantities" => findings
            .quantities
            .iter()
            .map(|q| item(Key::Number(q.value, q.alternatives.clone(), String::new()), q.span.start, q.span.end))
            .collect(),
        "dates" => findings.dates.iter().map(|d| item(Key::Text(d.date.clone()), d.span.start, d.span.end)).collect(),
        "claimants" => findings.claimants.iter().map(|c| item(name_key(&c.name), c.span.start, c.span.end)).collect(),
        _ => Vec::new(),
    }
}

fn expected_items(text: &str, labels: &[Value], kind: &str) -> Vec<Item> {
    labels
        .iter()
        .map(|label| {
            let str_of = |field: &str| label[field].as_str().unwrap_or_default().to_owned();
            let number = label["value"].as_f64().unwrap_or(f64::NAN);
            let key = match kind {
                "tickers" => Key::Text(str_of("symbol")),
                "amounts" => Key::Number(number, Vec::new(), str_of("currency")),
                "percents" => Key::Number(number, Vec::new(), "%".into()),
                "fractions" | "quantities" => Key::Number(number, Vec::new(), String::new()),
                "dates" => Key::Text(str_of("date")),
                _ => name_key(&str_of("name")),
            };
            let spans = label["text"].as_str().map(|t| occurrences(text, t)).unwrap_or_default();
            Item { key, spans }
        })
        .collect()
}

/// Found items matched one-to-one to labels with an equal key and overlapping spans (labels
/// without a text, the claimants, match by key alone).
fn score(found: &[Item], expected: &[Item]) -> (Score, Vec<usize>, Vec<usize>) {
    let mut used = vec![false; expected.len()];
    let mut wrong = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let hit = expected.iter().enumerate().position(|(j, e)| {
            let overlaps =
                e.spans.is_empty() || e.spans.iter().any(|(s, t)| f.spans.iter().any(|(a, b)| a < t && s < b));
            !used[j] && f.key.matches(&e.key) && overlaps
        });
        match hit {
            Some(j) => used[j] = true,
            None => wrong.push(i),
        }
    }
    let missed: Vec<usize> = (0..expected.len()).filter(|j| !used[*j]).collect();
    let score = Score { found: found.len(), expected: expected.len(), correct: found.len() - wrong.len() };
    (score, wrong, missed)
}

#[test]
fn extraction_meets_its_quality_floors() {
    let data: Value = serde_json::from_str(DATA).expect("the labelled set is JSON");
    let passages = data["passages"].as_array().expect("a list of passages");
    assert!(passages.len() >= 60, "at least 60 labelled passages");
    let lexicon = Lexicon::bundled();
    let kinds = ["tickers", "amounts", "percents", "fractions", "quantities", "dates", "claimants"];
    let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for passage in passages {
        let id = passage["id"].as_str().unwrap_or("?");
        let text = passage["text"].as_str().expect("each passage has a text");
        let anchor = passage["anchor"].as_str().and_then(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").ok());
        let findings = analyse_with(text, &lexicon, &Options { anchor });
        for kind in kinds {
            let labels = passage[kind].as_array().cloned().unwrap_or_default();
            let found = found_items(&findings, kind);
            let expected = expected_items(text, &labels, kind);
            let (s, wrong, missed) = score(&found, &expected);
            let total = totals.entry(kind).or_default();
            total.found += s.found;
            total.expected += s.expected;
            total.correct += s.correct;
            for i in wrong {
                misses.push(format!("{id} {kind}: found {:?} at {:?}", found[i].key, found[i].spans));
            }
            for j in missed {
                misses.push(format!("{id} {kind}: missed {:?} {:?}", expected[j].key, labels[j].get("text")));
            }
        }
    }
    println!(
        "\n{:<11} {:>6} {:>6} {:>6} {:>9} {:>7} {:>6}",
        "kind", "found", "labels", "right", "precision", "recall", "F1"
    );
    for kind in kinds {
        let s = totals[kind];
        println!(
            "{kind:<11} {:>6} {:>6} {:>6} {:>9.3} {:>7.3} {:>6.3}",
            s.found,
            s.expected,
            s.correct,
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
    println!("\n{} passages; differences from the labels:", passages.len());
    for miss in &misses {
        println!("  {miss}");
    }
    for (kind, floor) in FLOORS {
        let f1 = totals[kind].f1();
        assert!(f1 >= *floor, "{kind} F1 {f1:.3} is below {floor}");
    }
}
