//! Measured extraction quality: precision, recall and F1 per kind on two labelled splits of
//! English and Portuguese text. `tests/data/extract/passages.json` is the **training** split:
//! research-note prose written for the project, against which the rules were tuned (its scores are
//! flattering). `tests/data/extract/passages_heldout.json` is the **held-out** split: real excerpts
//! of public news and company releases (sources in `tests/data/extract/SOURCES.md`), labelled by
//! hand before the extractor ever ran on them; since 4 December its differences have been read,
//! so it is reported as a **development** split. For attribution and views, `links_heldout_v35.json`
//! is the held-out split to quote (only its totals are printed, with 95% intervals over
//! passages); the earlier held-out splits were released for tuning once they had been measured a
//! few times (`links_released_v2.json`, `_v3.json`, `_v4.json`, `_v6.json` to `_v34.json`,
//! checked in `released_parts`) and are training parts since. Each split has a floor per kind, set just below its measured scores.
//! `docs/extraction.md` explains how findings are matched to labels; `docs/labelling.md` states
//! the conventions the labels follow.
//!
//! Two further kinds (issue 18) are scored on the passages that label them: **attribution**, the
//! share of labelled figures found whose `tickers` equal the label's, and **views**, F1 over
//! (claimant's firm, ticker, stance).

use std::collections::BTreeMap;

use crate::quality_interval::{PassageCounts, intervals};

use chrono::NaiveDate;
use jevons::extract::{Findings, Lexicon, Options, analyse_with, firm_key};
use jevons::model::fold;
use serde_json::Value;

const TRAINING: &str = include_str!("../data/extract/passages.json");
const HELDOUT: &str = include_str!("../data/extract/passages_heldout.json");
/// The training part for attribution and views (the held-out file labels them too).
const LINKS_TRAINING: &str = include_str!("../data/extract/links_training.json");
/// More training passages for attribution and views: real news excerpts (issue 18, second round).
const LINKS_TRAINING_REAL: &str = include_str!("../data/extract/links_training_v2.json");
/// The third round's training part: real passages from other outlets and companies (issue 18).
const LINKS_TRAINING_V3: &str = include_str!("../data/extract/links_training_v3.json");
/// The second and third held-out splits, released for tuning on 5 December after four
/// measurements (their differences were never printed before then): training parts since.
const LINKS_RELEASED_V2: &str = include_str!("../data/extract/links_released_v2.json");
const LINKS_RELEASED_V3: &str = include_str!("../data/extract/links_released_v3.json");

/// The kinds scored, in the order the tables print them.
const KINDS: [&str; 7] = ["tickers", "amounts", "percents", "fractions", "quantities", "dates", "claimants"];

/// Lowest F1 accepted per kind on the training split: issue 5's floors for tickers, amounts and
/// dates, and floors for the other kinds a little below their scores.
const TRAINING_FLOORS: &[(&str, f64)] = &[
    ("tickers", 0.95),
    ("amounts", 0.95),
    ("percents", 0.95),
    ("fractions", 0.95),
    ("quantities", 0.90),
    ("dates", 0.90),
    ("claimants", 0.90),
];

/// Lowest F1 accepted per kind on the held-out split, a little below its first measured scores
/// (tickers 0.924, amounts 0.962, percents 1.0, quantities 0.835, dates 0.937, claimants 0.444).
/// It has no fraction to find: its floor fails if one is found anyway.
const HELDOUT_FLOORS: &[(&str, f64)] = &[
    ("tickers", 0.91),
    ("amounts", 0.95),
    ("percents", 0.98),
    ("fractions", 0.95),
    ("quantities", 0.82),
    ("dates", 0.90),
    ("claimants", 0.42),
];

/// Lowest attribution accuracy and view F1 accepted per split, a little below the first
/// measured scores (see `docs/extraction.md`).
const TRAINING_LINK_FLOORS: (f64, f64) = (TRAINING_ATTRIBUTION_FLOOR, TRAINING_VIEWS_FLOOR);
const HELDOUT_LINK_FLOORS: (f64, f64) = (HELDOUT_ATTRIBUTION_FLOOR, HELDOUT_VIEWS_FLOOR);
/// Training part (the passages written for the project and the real ones of the second and third
/// rounds): 0.897 (attribution) and 0.705 (views) after tuning on 4 December; 0.939 and 0.891
/// after the vocabulary and views round; with the third round's 45 passages 0.859 and 0.750
/// before its rules, 0.949 and 0.891 after them; 0.967 and 0.932 after the fourth round (5 December).
/// With the released splits (v2, v3) as training parts (5 December): attribution 0.95 is the
/// lead's floor for the grown union (0.898 before the fifth round, 0.960 after); views 0.803 before
/// the fifth round's view rules, 0.966 after; 0.971 after the sixth round's (views floor 0.96);
/// attribution 0.962 after the sixth round's (1,096 of 1,139).
const TRAINING_ATTRIBUTION_FLOOR: f64 = 0.95;
const TRAINING_VIEWS_FLOOR: f64 = 0.96;
/// Held-out split: 0.839 (attribution, 172 of 205 figures) and 0.500 (views) when the floors were
/// set; the views floor is low because the score is, not because it is the goal (issue 18 asks
/// for 0.8). Attribution 0.849 (174 of 205) after the fourth round (5 December); views 0.667 before
/// the fifth round, 0.750 after it (12 right of 12 found, 20 labels); attribution 0.898 (184 of 205).
/// Attribution 0.912 (187 of 205) after the sixth round (floor raised to 0.90).
const HELDOUT_ATTRIBUTION_FLOOR: f64 = 0.90;
const HELDOUT_VIEWS_FLOOR: f64 = 0.70;

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
pub(crate) struct Score {
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
    pub(crate) fn f1(&self) -> f64 {
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

/// Scores per kind over one split, and every difference from its labels.
pub(crate) struct Measured {
    pub(crate) passages: usize,
    totals: BTreeMap<&'static str, Score>,
    pub(crate) misses: Vec<String>,
    /// Labelled figures: how many, how many found, how many of those given the right tickers.
    attribution: (usize, usize, usize),
    pub(crate) views: Score,
    /// Each passage's attribution and view counts, for the held-out splits' intervals.
    per_passage: Vec<PassageCounts>,
}

pub(crate) fn measure(data: &Value) -> Measured {
    let passages = data["passages"].as_array().expect("a list of passages");
    let lexicon = Lexicon::bundled();
    let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut attribution = (0, 0, 0);
    let mut views = Score::default();
    let mut per_passage = Vec::with_capacity(passages.len());
    for passage in passages {
        let (before, views_before) = (attribution, views);
        let id = passage["id"].as_str().unwrap_or("?");
        let text = passage["text"].as_str().expect("each passage has a text");
        let anchor = passage["anchor"].as_str().and_then(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").ok());
        let findings = analyse_with(text, &lexicon, &Options { anchor });
        for kind in KINDS {
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
        if let Some(labels) = passage["attributions"].as_array() {
            score_attribution(id, text, &findings, labels, &mut attribution, &mut misses);
        }
        if let Some(labels) = passage["views"].as_array() {
            score_views(id, &findings, labels, &mut views, &mut misses);
        }
        per_passage.push(PassageCounts {
            figures_found: attribution.1 - before.1,
            figures_right: attribution.2 - before.2,
            views_found: views.found - views_before.found,
            views_labelled: views.expected - views_before.expected,
            views_right: views.correct - views_before.correct,
        });
    }
    Measured { passages: passages.len(), totals, misses, attribution, views, per_passage }
}

/// Each labelled figure (its text's first occurrence) against the figure found there.
fn score_attribution(
    id: &str,
    text: &str,
    findings: &Findings,
    labels: &[Value],
    total: &mut (usize, usize, usize),
    misses: &mut Vec<String>,
) {
    let figures: Vec<(usize, usize, Vec<String>)> = findings
        .amounts
        .iter()
        .map(|a| (a.span.start, a.span.end, &a.tickers))
        .chain(findings.percents.iter().map(|p| (p.span.start, p.span.end, &p.tickers)))
        .chain(findings.quantities.iter().map(|q| (q.span.start, q.span.end, &q.tickers)))
        .map(|(s, e, t)| (s, e, t.iter().map(|t| t.to_string()).collect()))
        .collect();
    for label in labels {
        let figure = label["text"].as_str().expect("an attribution names its figure");
        let mut expected: Vec<String> =
            label["tickers"].as_array().into_iter().flatten().filter_map(|t| t.as_str().map(str::to_owned)).collect();
        expected.sort();
        total.0 += 1;
        let Some(&(s, t)) = occurrences(text, figure).first() else {
            misses.push(format!("{id} attribution: label {figure:?} is not in the text"));
            continue;
        };
        let Some((_, _, given)) = figures.iter().find(|(a, b, _)| *a < t && s < *b) else { continue };
        total.1 += 1;
        let mut given = given.clone();
        given.sort();
        if given == expected {
            total.2 += 1;
        } else {
            misses.push(format!("{id} attribution: {figure} given {given:?}, labelled {expected:?}"));
        }
    }
}

/// Found views against labelled ones, one to one on (claimant's firm, ticker, stance): a view
/// held by `BofA` where the label says `Bank of America` is the same view ([`firm_key`]).
fn score_views(id: &str, findings: &Findings, labels: &[Value], total: &mut Score, misses: &mut Vec<String>) {
    let key = |claimant: &str, ticker: &str, stance: &str| (firm_key(claimant), ticker.to_owned(), stance.to_owned());
    let mut expected: Vec<Option<(String, String, String)>> = labels
        .iter()
        .map(|l| {
            let field = |f: &str| l[f].as_str().unwrap_or_default().to_owned();
            Some(key(&field("claimant"), &field("ticker"), &field("stance")))
        })
        .collect();
    total.expected += expected.len();
    for v in &findings.views {
        total.found += 1;
        let found = key(&v.claimant, v.ticker.as_str(), v.stance.as_str());
        match expected.iter_mut().find(|e| e.as_ref() == Some(&found)) {
            Some(slot) => {
                *slot = None;
                total.correct += 1;
            }
            None => misses.push(format!("{id} views: found {found:?}")),
        }
    }
    for e in expected.into_iter().flatten() {
        misses.push(format!("{id} views: missed {e:?}"));
    }
}

/// Prints the precision, recall and F1 of each kind.
fn print_table(title: &str, measured: &Measured) {
    println!("\n{title}, {} passages", measured.passages);
    println!(
        "{:<11} {:>6} {:>6} {:>6} {:>9} {:>7} {:>6}",
        "kind", "found", "labels", "right", "precision", "recall", "F1"
    );
    for kind in KINDS {
        let s = measured.totals[kind];
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
    print_links(measured);
}

/// Prints the attribution accuracy and the view scores.
pub(crate) fn print_links(measured: &Measured) {
    let (labelled, found, right) = measured.attribution;
    if labelled == 0 && measured.views.expected == 0 {
        return;
    }
    let accuracy = if found == 0 { 1.0 } else { right as f64 / found as f64 };
    println!("attribution: {labelled} labelled figures, {found} found, {right} given the right tickers: {accuracy:.3}");
    let v = measured.views;
    println!(
        "views: found {}, labels {}, right {}, precision {:.3}, recall {:.3}, F1 {:.3}",
        v.found,
        v.expected,
        v.correct,
        v.precision(),
        v.recall(),
        v.f1()
    );
}

pub(crate) fn attribution_accuracy(measured: &Measured) -> f64 {
    let (_, found, right) = measured.attribution;
    if found == 0 { 1.0 } else { right as f64 / found as f64 }
}

/// Prints a split's table and its differences, then fails if a kind is below its floor.
fn report_and_check(split: &str, measured: &Measured, floors: &[(&str, f64)], linked: &Measured, links: (f64, f64)) {
    print_table(&format!("{split} split"), measured);
    println!("differences from the labels ({split}):");
    for miss in &measured.misses {
        println!("  {miss}");
    }
    for kind in KINDS {
        assert!(floors.iter().any(|(k, _)| *k == kind), "{split}: {kind} has no floor");
    }
    for (kind, floor) in floors {
        let f1 = measured.totals[kind].f1();
        assert!(f1 >= *floor, "{split}: {kind} F1 {f1:.3} is below {floor}");
    }
    assert!(linked.attribution.1 >= 20, "{split}: at least 20 labelled figures with attributions found");
    let accuracy = attribution_accuracy(linked);
    assert!(accuracy >= links.0, "{split}: attribution accuracy {accuracy:.3} is below {}", links.0);
    assert!(linked.views.expected >= 10, "{split}: at least 10 labelled views");
    let f1 = linked.views.f1();
    assert!(f1 >= links.1, "{split}: view F1 {f1:.3} is below {}", links.1);
}

#[test]
fn training_split_meets_its_floors() {
    let data: Value = serde_json::from_str(TRAINING).expect("the training split is JSON");
    let measured = measure(&data);
    assert!(measured.passages >= 60, "at least 60 labelled training passages");
    let mut links: Value = serde_json::from_str(LINKS_TRAINING).expect("the links training part is JSON");
    let real: Value = serde_json::from_str(LINKS_TRAINING_REAL).expect("the real links training part is JSON");
    assert_eq!(real["heldout"], Value::Bool(false), "the real training part says it is tuned against");
    let third: Value = serde_json::from_str(LINKS_TRAINING_V3).expect("the third links training part is JSON");
    assert_eq!(third["heldout"], Value::Bool(false), "the third training part says it is tuned against");
    let released: Vec<Value> = [LINKS_RELEASED_V2, LINKS_RELEASED_V3]
        .iter()
        .map(|part| serde_json::from_str(part).expect("a released part is JSON"))
        .collect();
    for part in &released {
        assert_eq!(part["heldout"], Value::Bool(false), "a released part says it is tuned against");
    }
    for part in [&real, &third].into_iter().chain(&released) {
        let more = part["passages"].as_array().expect("a list of passages").clone();
        links["passages"].as_array_mut().expect("a list of passages").extend(more);
    }
    for (language, marker) in [("English", "-en-"), ("Portuguese", "-pt-")] {
        let passages = links["passages"].as_array().expect("a list of passages");
        let subset = with_id(passages, |id| id.contains(marker));
        println!("\ntraining part for attribution and views, {language} only, {} passages", subset.len());
        print_links(&measure(&serde_json::json!({ "passages": subset })));
    }
    let linked = measure(&links);
    println!("\ntraining part for attribution and views (tuned against), {} passages", linked.passages);
    print_links(&linked);
    for miss in linked.misses.iter().filter(|m| m.contains("attribution") || m.contains("views")) {
        println!("  {miss}");
    }
    report_and_check("training (tuned against)", &measured, TRAINING_FLOORS, &linked, TRAINING_LINK_FLOORS);
}

#[test]
fn heldout_split_meets_its_floors() {
    let data: Value = serde_json::from_str(HELDOUT).expect("the held-out split is JSON");
    assert_eq!(data["heldout"], Value::Bool(true), "the held-out file says it is held out");
    let passages = data["passages"].as_array().expect("a list of passages");
    for (language, prefix) in [("English", "hen-"), ("Portuguese", "hpt-")] {
        let subset = with_id(passages, |id| id.starts_with(prefix));
        assert!(subset.len() >= 40, "at least 40 held-out passages in {language}, found {}", subset.len());
        print_table(&format!("held-out, {language} only"), &measure(&serde_json::json!({ "passages": subset })));
    }
    for passage in passages {
        let source = &passage["source"];
        assert!(
            source["url"].as_str().is_some_and(|url| url.starts_with("http")) && source["publisher"].is_string(),
            "{} names its source",
            passage["id"]
        );
    }
    let measured = measure(&data);
    report_and_check(
        "development split (the first held-out, seen since 4 December)",
        &measured,
        HELDOUT_FLOORS,
        &measured,
        HELDOUT_LINK_FLOORS,
    );
}

/// The thirty-fifth held-out split: 148 real passages (64 English, 84 Portuguese, a part of them
/// chosen because they hold a view) labelled from the text alone by five people who never ran the
/// extractor, collected during the thirty-second round while its rules were written by someone who
/// never read it, and committed unread. Only its totals are printed, with their interval; never
/// tune against it.
const LINKS_HELDOUT_V35: &str = include_str!("../data/extract/links_heldout_v35.json");
/// Its floors, a little below its scores: at its first reading, with the thirty-second round's
/// final rules and before any change of the thirty-third, attribution 0.829 (1,021 of 1,231
/// figures found, 1,312 labels) and view F1 0.667 (137 right of 179 found, 232 labels; see
/// `docs/extraction.md`, "Thirty-third round"). Low because the scores are: issue 18 asks for
/// 0.9 and 0.8.
const LINKS_HELDOUT_V35_FLOORS: (f64, f64) = (0.80, 0.64);

#[test]
fn thirty_fifth_heldout_split_for_attribution_and_views_meets_its_floors() {
    let data: Value = serde_json::from_str(LINKS_HELDOUT_V35).expect("the thirty-fifth held-out split is JSON");
    assert_eq!(data["heldout"], Value::Bool(true), "the file says it is held out");
    let passages = data["passages"].as_array().expect("a list of passages");
    assert!(passages.len() >= 146, "at least 146 passages, found {}", passages.len());
    for (language, prefix) in [("English", "lho35-en-"), ("Portuguese", "lho35-pt-")] {
        let subset = with_id(passages, |id| id.starts_with(prefix));
        assert!(subset.len() >= 60, "at least 60 passages in {language}, found {}", subset.len());
        println!("\nthirty-fifth held-out split, {language} only, {} passages", subset.len());
        print_links(&measure(&serde_json::json!({ "passages": subset })));
    }
    let measured = measure(&data);
    println!("\nthirty-fifth held-out split (never tuned against), {} passages", measured.passages);
    print_links(&measured);
    let ((lo, hi), (view_lo, view_hi)) = intervals(&measured.per_passage);
    println!("95% intervals over passages: attribution {lo:.3}–{hi:.3}, view F1 {view_lo:.3}–{view_hi:.3}");
    let (attribution, views) = (attribution_accuracy(&measured), measured.views.f1());
    let floors = LINKS_HELDOUT_V35_FLOORS;
    assert!(attribution >= floors.0, "attribution {attribution:.3} is below {}", floors.0);
    assert!(views >= floors.1, "view F1 {views:.3} is below {}", floors.1);
}

/// The passages whose id passes `keep` (a language's part of a split).
pub(crate) fn with_id(passages: &[Value], keep: impl Fn(&str) -> bool) -> Vec<Value> {
    passages.iter().filter(|p| p["id"].as_str().is_some_and(&keep)).cloned().collect()
}
