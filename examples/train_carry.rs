//! Trains the learned last step of attribution (`src/extract/carry_model.rs`) and writes its
//! weights to `assets/carry_weights.tsv`.
//!
//! It reads every training part in `tests/data/extract/` (a file whose name says `heldout`, or
//! that says `"heldout": true`, is never opened for its passages), asks the extractor for the
//! figures the step asks about ([`jevons::extract::carry_examples`]): those its rules left with no
//! company, labelled by whether the passage's label gives them the candidate's companies, and
//! those its rules gave companies their sentence does not name (`why:given`), labelled by whether
//! the label gives them none. A logistic regression per question is fitted by stochastic gradient
//! descent in a fixed order, so the file is the same on every run. Before that, it prints how the
//! step would have done on parts it was not trained on: eight folds of whole parts, and the
//! newest released part alone.
//!
//! `cargo run --release --example train_carry` (add `-- --check` to print the figures only, or
//! `-- --verify` to fail unless the bundled file is what this run would write: CI runs that).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use jevons::extract::{Lexicon, Options, analyse_with, carry_examples, carry_threshold};
use serde_json::Value;

/// One labelled example: its part, its question, its features, and whether the candidate answer
/// is right; whether the rules' answer is right.
struct Example {
    part: usize,
    /// 0: does an empty figure take the candidate's companies? 1: does a figure the rules gave
    /// companies have none?
    question: usize,
    /// The rule that left the figure with no company, or `given` (its `why:` feature).
    why: String,
    features: Vec<u32>,
    candidate_right: bool,
    rules_right: bool,
}

const FOLDS: usize = 8;
const EPOCHS: usize = 8;
/// Smaller weights are dropped from the file (and from the measured model).
const MIN_WEIGHT: f32 = 0.05;
const NEWEST: &str = "links_released_v34.json";

fn main() {
    let check_only = std::env::args().any(|a| a == "--check");
    let verify = std::env::args().any(|a| a == "--verify");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extract");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the labelled data folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            // (`second_labels_v13.json` labels the thirteenth split's passages again: one part.)
            name.ends_with(".json") && !name.contains("heldout") && !name.starts_with("second_labels")
        })
        .collect();
    files.sort();
    let lexicon = Lexicon::bundled();
    let mut names: HashMap<String, u32> = HashMap::new();
    let mut vocabulary: Vec<String> = Vec::new();
    let mut examples = Vec::new();
    let mut parts = Vec::new();
    for path in &files {
        let data: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
        if data["heldout"] == Value::Bool(true) {
            continue;
        }
        let Some(passages) = data["passages"].as_array() else { continue };
        if !passages.iter().any(|p| p["attributions"].is_array()) {
            continue;
        }
        let part = parts.len();
        parts.push(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        for passage in passages {
            let (Some(text), Some(labels)) = (passage["text"].as_str(), passage["attributions"].as_array()) else {
                continue;
            };
            let anchor =
                passage["source"]["published"].as_str().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let options = Options { anchor };
            let found = carry_examples(text, &lexicon, &options);
            // The figures as the quality test reads them (amounts, then percentages, then
            // quantities): a label is scored against the first of them it overlaps.
            let findings = analyse_with(text, &lexicon, &options);
            let scored: Vec<(usize, usize)> = findings
                .amounts
                .iter()
                .map(|a| (a.span.start, a.span.end))
                .chain(findings.percents.iter().map(|p| (p.span.start, p.span.end)))
                .chain(findings.quantities.iter().map(|q| (q.span.start, q.span.end)))
                .collect();
            for label in labels {
                let Some(figure) = label["text"].as_str() else { continue };
                let Some(at) = text.find(figure) else { continue };
                let start = text[..at].chars().count();
                let end = start + figure.chars().count();
                let Some(&(first, last)) = scored.iter().find(|(a, b)| *a < end && start < *b) else { continue };
                let Some(example) = found.iter().find(|e| e.span == (first..last)) else { continue };
                let mut expected: Vec<&str> =
                    label["tickers"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                expected.sort();
                let mut tickers: Vec<&str> = example.tickers.iter().map(String::as_str).collect();
                tickers.sort();
                let features = example
                    .features
                    .iter()
                    .map(|f| {
                        *names.entry(f.clone()).or_insert_with(|| {
                            vocabulary.push(f.clone());
                            (vocabulary.len() - 1) as u32
                        })
                    })
                    .collect();
                let why = example.features.iter().find_map(|f| f.strip_prefix("why:")).unwrap_or_default().to_owned();
                let question = usize::from(why == "given");
                let (candidate_right, rules_right) = if question == 1 {
                    (expected.is_empty(), expected == tickers)
                } else {
                    (expected == tickers, expected.is_empty())
                };
                examples.push(Example { part, question, why, features, candidate_right, rules_right });
            }
        }
    }

    let Some(newest) = parts.iter().position(|p| p == NEWEST) else {
        eprintln!("{NEWEST} is not among the training parts: update NEWEST in {}", file!());
        std::process::exit(2);
    };
    let mut folds = Vec::new();
    let mut total = Outcome::default();
    let mut by_rule: BTreeMap<&str, Outcome> = BTreeMap::new();
    for fold in 0..FOLDS {
        let held = |e: &Example| e.part % FOLDS == fold;
        let weights = train(examples.iter().filter(|e| !held(e)), vocabulary.len());
        let outcome = Outcome::of(examples.iter().filter(|e| held(e)), &weights);
        total.add(&outcome);
        folds.push(outcome.json());
        for e in examples.iter().filter(|e| held(e)) {
            by_rule.entry(&e.why).or_default().add(&Outcome::of(std::iter::once(e), &weights));
        }
    }
    let by_rule: BTreeMap<&str, Value> = by_rule.iter().map(|(k, o)| (*k, o.json())).collect();
    let newest_alone = {
        let weights = train(examples.iter().filter(|e| e.part != newest), vocabulary.len());
        Outcome::of(examples.iter().filter(|e| e.part == newest), &weights).json()
    };
    let report = serde_json::json!({
        "parts": parts.len(),
        "examples": examples.len(),
        "candidate_right": examples.iter().filter(|e| e.candidate_right).count(),
        "rules_right": examples.iter().filter(|e| e.rules_right).count(),
        "cross_validated_by_part": { "folds": folds, "total": total.json(), "by_rule": by_rule },
        "newest_part_unseen": { "part": NEWEST, "outcome": newest_alone },
    });
    if !verify {
        println!("{}", serde_json::to_string_pretty(&report).expect("JSON"));
    }
    if check_only {
        return;
    }

    let [take, lose] = train(examples.iter(), vocabulary.len());
    let mut kept: BTreeMap<&str, [f32; 2]> = BTreeMap::new();
    for (name, w) in vocabulary.iter().zip(take.into_iter().zip(lose)) {
        if w.0.abs() >= MIN_WEIGHT || w.1.abs() >= MIN_WEIGHT {
            kept.insert(name, [w.0, w.1]);
        }
    }
    let mut out = String::from(
        "# Weights of the learned last step of attribution (src/extract/carry_model.rs), written by\n\
         # `cargo run --release --example train_carry` from the training parts only. Each line is\n\
         # kind:value<TAB>take<TAB>drop: the weights of whether a figure the rules left empty takes\n\
         # its candidate, and of whether a figure the rules gave companies has none (a figure's\n\
         # probability is the logistic of the sum of the weights it has; see carry_model::threshold).\n",
    );
    out.push_str(&format!(
        "# {} examples from {} parts; cross-validated by part: {}\n",
        examples.len(),
        parts.len(),
        total.json()
    ));
    for (name, [take, lose]) in kept {
        out.push_str(&format!("{name}\t{take:.4}\t{lose:.4}\n"));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/carry_weights.tsv");
    if verify {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(out.as_str()) {
            eprintln!("{} is not what the trainer writes from the training parts: run it again", path.display());
            std::process::exit(1);
        }
        eprintln!("{} is what the trainer writes", path.display());
        return;
    }
    std::fs::write(&path, out).expect("the weights file is writable");
    eprintln!("wrote {}", path.display());
}

/// How the step does on some examples: how many it gives their candidate answer, and how many
/// answers that puts right and wrong against the rules' answers.
#[derive(Default)]
struct Outcome {
    examples: usize,
    taken: usize,
    gained: usize,
    lost: usize,
}

impl Outcome {
    fn of<'e>(examples: impl Iterator<Item = &'e Example>, weights: &[Vec<f32>; 2]) -> Self {
        let mut o = Outcome::default();
        for e in examples {
            o.examples += 1;
            let Some(p) = carry_threshold(&e.why) else { continue };
            if score(&e.features, &weights[e.question]) > (p / (1.0 - p)).ln() {
                o.taken += 1;
                o.gained += usize::from(e.candidate_right);
                o.lost += usize::from(e.rules_right);
            }
        }
        o
    }

    fn add(&mut self, o: &Outcome) {
        self.examples += o.examples;
        self.taken += o.taken;
        self.gained += o.gained;
        self.lost += o.lost;
    }

    fn json(&self) -> Value {
        serde_json::json!({
            "examples": self.examples,
            "taken": self.taken,
            "now_right": self.gained,
            "now_wrong": self.lost,
            "net": self.gained as i64 - self.lost as i64,
        })
    }
}

fn score(features: &[u32], weights: &[f32]) -> f32 {
    features.iter().map(|&f| weights[f as usize]).sum()
}

/// Logistic regression by stochastic gradient descent with a little L2, over features seen in at
/// least two examples, visiting the examples in a fixed pseudo-random order.
fn train<'e>(examples: impl Iterator<Item = &'e Example>, size: usize) -> [Vec<f32>; 2] {
    let examples: Vec<&Example> = examples.collect();
    [0, 1].map(|q| train_one(examples.iter().copied().filter(|e| e.question == q).collect(), size))
}

/// One question's logistic regression.
fn train_one(examples: Vec<&Example>, size: usize) -> Vec<f32> {
    let mut seen = vec![0u32; size];
    for e in &examples {
        for &f in &e.features {
            seen[f as usize] += 1;
        }
    }
    let mut weights = vec![0f32; size];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut rate = 0.1f32;
    for _ in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let e = examples[i];
            let z = e.features.iter().filter(|&&f| seen[f as usize] >= 2).map(|&f| weights[f as usize]).sum::<f32>();
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            let gradient = (p - f32::from(u8::from(e.candidate_right))) * rate;
            for &f in &e.features {
                if seen[f as usize] >= 2 {
                    let w = &mut weights[f as usize];
                    *w -= gradient + 1e-5 * *w;
                }
            }
        }
        rate *= 0.7;
    }
    // (The weights the bundled file keeps, to its four decimals: what is measured is what ships.)
    for w in &mut weights {
        *w = if w.abs() < MIN_WEIGHT { 0.0 } else { (*w * 1e4).round() / 1e4 };
    }
    weights
}
