//! Shared helpers of the store, search, import and property tests: a small research corpus in
//! English and Portuguese built through the public store API, imports as the app runs them, and
//! the number of property-test cases.
#![allow(dead_code)]

use std::path::Path;
use std::sync::atomic::AtomicBool;

use jevons::io::{self, ImportError, ImportOptions, ImportReport};
use jevons::model::{ClaimDraft, ClaimTicker, NoteDraft, SourceDraft, SourceUrl, Stance, Symbol, TagName, Timestamp};
use jevons::store::Store;

pub fn sym(s: &str) -> Symbol {
    Symbol::parse(s).unwrap()
}

pub fn tag(s: &str) -> TagName {
    TagName::parse(s).unwrap()
}

pub fn draft(title: &str, body: &str, tags: &[&str], tickers: &[&str], updated: &str) -> NoteDraft {
    let at = Timestamp::parse(updated).unwrap();
    NoteDraft {
        title: title.into(),
        body: body.into(),
        tags: tags.iter().map(|t| tag(t)).collect(),
        tickers: tickers.iter().map(|t| sym(t)).collect(),
        created_at: Some(at),
        updated_at: Some(at),
        uid: None,
    }
}

pub fn source(store: &mut Store, url: &str, publisher: &str) -> i64 {
    store
        .add_source(&SourceDraft {
            publisher: Some(publisher.into()),
            title: Some(format!("{publisher} article")),
            ..SourceDraft::new(SourceUrl::parse(url).unwrap())
        })
        .unwrap()
}

pub fn claim(
    store: &mut Store,
    note: i64,
    text: &str,
    claimant: &str,
    tickers: &[(&str, Option<Stance>)],
    sources: &[i64],
) -> i64 {
    store
        .add_claim(ClaimDraft {
            text: text.into(),
            claimant: Some(claimant.into()),
            note_id: Some(note),
            tickers: tickers.iter().map(|(s, stance)| ClaimTicker { symbol: sym(s), stance: *stance }).collect(),
            sources: sources.iter().map(|s| (*s, None)).collect(),
            ..ClaimDraft::default()
        })
        .unwrap()
}

/// Ids of the fixture notes, by their role.
pub struct Research {
    pub store: Store,
    pub cost: i64,
    pub cantor: i64,
    pub perda: i64,
    pub jevons: i64,
    pub amd: i64,
    pub trashed: i64,
}

/// Six notes: English and Portuguese, nested tags, typed and detected tickers, claims with
/// stances and sources, one note in the trash. Claims touch the notes (updated now), so dates
/// are set afterwards where tests need them.
pub fn research() -> Research {
    let mut store = Store::open_in_memory().unwrap();
    let cost = store
        .create_note(&draft(
            "R1 training cost",
            "DeepSeek says R1 cost about $6M to train on ~2,000 H800 GPUs. Bearish for $NVDA?",
            &["ai/training"],
            &[],
            "2025-01-27T10:00:00Z",
        ))
        .unwrap();
    let cantor = store
        .create_note(&draft(
            "Cantor on NVIDIA",
            "Cantor Fitzgerald says buy on weakness. Raymond James worries about large GPU clusters.",
            &["brokers", "ai/inference"],
            &["NVDA"],
            "2025-01-28T10:00:00Z",
        ))
        .unwrap();
    let perda = store
        .create_note(&draft(
            "Perda de valor da NVIDIA",
            "A NVIDIA perdeu quase US$ 500 bilhões em valor de mercado. Ações caíram 16,9%.",
            &["mercado"],
            &["NVDA"],
            "2025-01-29T10:00:00Z",
        ))
        .unwrap();
    let jevons = store
        .create_note(&draft(
            "Jevons paradox",
            "Cheaper inference means more demand for compute overall. Efficiency raises consumption.",
            &["AI", "economics"],
            &[],
            "2024-12-15T10:00:00Z",
        ))
        .unwrap();
    let amd = store
        .create_note(&draft(
            "AMD MI300 ramp",
            "Inferência barata ajuda $AMD também; the MI300 ramp continues.",
            &["semis/amd"],
            &[],
            "2025-02-10T10:00:00Z",
        ))
        .unwrap();
    let trashed = store
        .create_note(&draft(
            "Old draft about NVIDIA",
            "An obsolete note on $NVDA inference.",
            &["ai"],
            &[],
            "2024-06-01T10:00:00Z",
        ))
        .unwrap();
    store.trash_note(trashed).unwrap();
    let wcc = source(&mut store, "https://wccftech.com/nvidia-cantor-deepseek", "Wccftech");
    let reuters = source(&mut store, "https://www.reuters.com/technology/nvidia-loss", "Reuters");
    claim(
        &mut store,
        cantor,
        "Buy NVDA on any weakness",
        "Cantor Fitzgerald",
        &[("NVDA", Some(Stance::Bullish))],
        &[wcc],
    );
    claim(
        &mut store,
        cantor,
        "Concern for large GPU clusters",
        "Raymond James",
        &[("NVDA", Some(Stance::Bearish))],
        &[wcc],
    );
    claim(
        &mut store,
        perda,
        "NVIDIA perdeu US$ 589 bilhões",
        "Reuters",
        &[("NVDA", Some(Stance::Bearish))],
        &[reuters],
    );
    claim(
        &mut store,
        amd,
        "AMD gains share in inference",
        "Analyst",
        &[("AMD", Some(Stance::Bullish)), ("NVDA", Some(Stance::Bearish))],
        &[],
    );
    Research { store, cost, cantor, perda, jevons, amd, trashed }
}

/// Imports a file or folder with the default options and no progress shown.
pub fn try_import(store: &mut Store, path: &Path) -> Result<ImportReport, ImportError> {
    io::import_path(store, path, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false))
}

/// [`try_import`], which must succeed.
pub fn import(store: &mut Store, path: &Path) -> ImportReport {
    try_import(store, path).unwrap()
}

/// How many cases a property test runs: `PROPTEST_CASES`, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
