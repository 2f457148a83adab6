//! The synthetic research corpus: deterministic from a seed, English and Portuguese notes of
//! 30-400 words with Zipf-popular cashtags, nested tags, claims with sources, and five years of
//! dates; plus the ground truth (exact note sets) for every probe the benchmark runs.

use std::collections::HashSet;
use std::sync::Arc as Rc;
use std::sync::mpsc;

use chrono::{Datelike, NaiveDate};
use jevons::model::{
    ClaimDraft, ClaimTicker, NoteDraft, SourceDraft, SourceKind, SourceUrl, Stance, Symbol, TagName, Timestamp, fold,
    reference_tickers,
};
use jevons::store::Store;

use crate::rng::{Rng, Zipf};
use crate::vocab;

/// A vocabulary word as written and as folded for the ground truth (shared, not copied).
type Word = Rc<(String, String)>;

/// How many reference tickers notes draw from, and which two the benchmark probes.
pub const TICKER_POOL: usize = 500;
pub const POPULAR_TICKER: usize = 0;
pub const RARE_TICKER: usize = 420;
const SOURCES: usize = 3_000;
const LONG_TAIL: usize = 6_000;

/// Exact answers, gathered while generating: each matching note as (last update in epoch
/// milliseconds, id). Note ids are 1..=n in generation order. Newest first is by the update's
/// second, then by id (the store's order key): the checks sort by that, not by milliseconds.
#[derive(Default)]
pub struct Truth {
    pub popular: Vec<(i64, i64)>,
    pub rare: Vec<(i64, i64)>,
    pub rare_word: Vec<(i64, i64)>,
    pub common_word: Vec<(i64, i64)>,
    pub phrase: Vec<(i64, i64)>,
    pub prefix: Vec<(i64, i64)>,
    pub tag_ai: Vec<(i64, i64)>,
    pub combined: Vec<(i64, i64)>,
    /// A note with claims, sources and tags (for open_note).
    pub rich_note: i64,
    pub notes: i64,
}

/// The probe queries, in the search language.
pub struct Probes {
    pub popular: String,
    pub rare: String,
    pub combined: String,
}

pub struct Corpus {
    rng: Rng,
    tickers: Vec<Symbol>,
    ticker_zipf: Zipf,
    english: Vec<Word>,
    portuguese: Vec<Word>,
    en_zipf: Zipf,
    pt_zipf: Zipf,
    tag_zipf: Zipf,
    tags: Vec<TagName>,
    source_zipf: Zipf,
    claimant_zipf: Zipf,
    created: Vec<i64>,
    pub truth: Truth,
}

const START: i64 = 1_609_459_200_000; // 2021-01-01
const END: i64 = 1_767_225_600_000; // 2026-01-01
const COMBINED_FROM: i64 = 1_672_531_200_000; // 2023-01-01
const COMBINED_TO: i64 = 1_735_689_600_000; // 2025-01-01

impl Corpus {
    pub fn new(seed: u64, notes: usize) -> Self {
        let mut rng = Rng::new(seed);
        let tickers: Vec<Symbol> =
            reference_tickers().take(TICKER_POOL).filter_map(|t| Symbol::parse(t.symbol).ok()).collect();
        let tail = vocab::long_tail(LONG_TAIL);
        let with_fold = |w: &str| Rc::new((w.to_owned(), fold(w)));
        let english: Vec<_> =
            vocab::ENGLISH.iter().map(|w| with_fold(w)).chain(tail[..3000].iter().map(|w| with_fold(w))).collect();
        let portuguese: Vec<_> =
            vocab::PORTUGUESE.iter().map(|w| with_fold(w)).chain(tail[3000..].iter().map(|w| with_fold(w))).collect();
        let mut created: Vec<i64> = (0..notes).map(|_| START + (rng.unit() * (END - START) as f64) as i64).collect();
        created.sort_unstable();
        Self {
            ticker_zipf: Zipf::new(tickers.len(), 1.0),
            tickers,
            en_zipf: Zipf::new(english.len(), 1.05),
            pt_zipf: Zipf::new(portuguese.len(), 1.05),
            english,
            portuguese,
            tag_zipf: Zipf::new(vocab::TAGS.len(), 0.9),
            tags: vocab::TAGS.iter().filter_map(|t| TagName::parse(t).ok()).collect(),
            source_zipf: Zipf::new(SOURCES, 0.8),
            claimant_zipf: Zipf::new(vocab::CLAIMANTS.len(), 0.9),
            created,
            rng,
            truth: Truth::default(),
        }
    }

    pub fn probes(&self) -> Probes {
        Probes {
            popular: format!("${}", self.tickers[POPULAR_TICKER]),
            rare: format!("${}", self.tickers[RARE_TICKER]),
            combined: format!(
                "${} {}* #ai after:2023-01-01 before:2025-01-01",
                self.tickers[POPULAR_TICKER],
                vocab::PREFIX
            ),
        }
    }

    /// Generates every note (and inserts it when `store` is given) in batches of `batch` notes.
    /// The notes are generated on a second thread while the store writes, as an importer reading
    /// files would.
    pub fn generate(&mut self, store: Option<&mut Store>, batch: usize) -> Result<(), jevons::store::StoreError> {
        let total = self.created.len();
        let Some(store) = store else {
            for index in 0..total {
                self.note(index as i64 + 1, index);
            }
            self.truth.notes = total as i64;
            return Ok(());
        };
        let (send, receive) = mpsc::sync_channel::<Generated>(1_024);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                for index in 0..total {
                    if send.send(self.note(index as i64 + 1, index)).is_err() {
                        break;
                    }
                }
            });
            write(store, receive, total, batch)
        })?;
        self.truth.notes = total as i64;
        Ok(())
    }

    /// Generates every note without storing it, handing each title and body to `f`.
    pub fn each_note(&mut self, mut f: impl FnMut(&str, &str) -> anyhow::Result<()>) -> anyhow::Result<()> {
        for index in 0..self.created.len() {
            let (draft, _) = self.note(index as i64 + 1, index);
            f(&draft.title, &draft.body)?;
        }
        Ok(())
    }

    fn note(&mut self, id: i64, index: usize) -> (NoteDraft, Option<(ClaimDraft, SourceDraft)>) {
        let created = self.created[index];
        let updated = if self.rng.chance(0.15) {
            (created + (self.rng.unit() * 400.0 * 86_400_000.0) as i64).min(END)
        } else {
            created
        };
        let portuguese = self.rng.chance(0.4);
        let words = 30 + (self.rng.unit() * self.rng.unit() * 370.0) as usize;
        let mut tokens: Vec<Word> = (0..words).map(|_| self.word(portuguese)).collect();
        if self.rng.chance(0.15) {
            let at = self.rng.range(0, tokens.len());
            for _ in 0..8 {
                let other = self.word(!portuguese);
                tokens.insert(at, other);
            }
        }
        if self.rng.chance(0.8) {
            let at = self.rng.range(0, tokens.len());
            tokens.insert(at, Rc::new((vocab::COMMON_WORD.into(), vocab::COMMON_WORD.into())));
        }
        if self.rng.chance(0.0001) || index == 7 {
            let at = self.rng.range(0, tokens.len());
            tokens.insert(at, Rc::new((vocab::RARE_WORD.into(), vocab::RARE_WORD.into())));
        }
        if self.rng.chance(0.01) {
            let at = self.rng.range(0, tokens.len());
            for (offset, w) in vocab::PHRASE.iter().enumerate() {
                tokens.insert(at + offset, Rc::new((w.to_string(), w.to_string())));
            }
        }
        let mut symbols: Vec<usize> =
            (0..self.rng.range(0, 5)).map(|_| self.ticker_zipf.sample(&mut self.rng)).collect();
        symbols.dedup();
        let mut typed = Vec::new();
        let mut linked: HashSet<usize> = HashSet::new();
        for &s in &symbols {
            linked.insert(s);
            if self.rng.chance(0.2) {
                typed.push(self.tickers[s].clone());
            } else {
                let at = self.rng.range(0, tokens.len());
                let cashtag = format!("${}", self.tickers[s]);
                tokens.insert(at, Rc::new((cashtag, String::new())));
            }
        }
        if self.rng.chance(0.1) {
            let at = self.rng.range(0, tokens.len());
            let money = if portuguese { "US$ 500 bilhões" } else { "$6M" };
            tokens.insert(at, Rc::new((money.into(), String::new())));
        }
        let tag_count = self.rng.range(0, 5);
        let mut tags: Vec<TagName> = Vec::new();
        for _ in 0..tag_count {
            let tag = self.tags[self.tag_zipf.sample(&mut self.rng)].clone();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let title_len = self.rng.range(3, 9);
        let title_tokens: Vec<Word> = (0..title_len).map(|_| self.word(portuguese)).collect();
        let mut title = title_tokens.iter().map(|w| w.0.as_str()).collect::<Vec<_>>().join(" ");
        capitalise(&mut title);
        let body = sentences(&tokens, &mut self.rng);

        let claim = if self.rng.chance(1.0 / 3.0) { Some(self.claim(id, &symbols, created)) } else { None };
        if let Some((claim, _)) = &claim {
            linked.extend(claim.tickers.iter().filter_map(|t| self.tickers.iter().position(|s| *s == t.symbol)));
        }

        let all: Vec<&str> = title_tokens.iter().chain(tokens.iter()).map(|w| w.1.as_str()).collect();
        let truth = &mut self.truth;
        if linked.contains(&POPULAR_TICKER) {
            truth.popular.push((updated, id));
        }
        if linked.contains(&RARE_TICKER) {
            truth.rare.push((updated, id));
        }
        let has = |w: &str| all.contains(&w);
        if has(vocab::RARE_WORD) {
            truth.rare_word.push((updated, id));
        }
        if has(vocab::COMMON_WORD) {
            truth.common_word.push((updated, id));
        }
        if all.windows(3).any(|w| w == vocab::PHRASE) {
            truth.phrase.push((updated, id));
        }
        let prefixed = all.iter().any(|w| w.starts_with(vocab::PREFIX));
        if prefixed {
            truth.prefix.push((updated, id));
        }
        let tagged_ai = tags.iter().any(|t| t.as_str() == "ai" || t.as_str().starts_with("ai/"));
        if tagged_ai {
            truth.tag_ai.push((updated, id));
        }
        if linked.contains(&POPULAR_TICKER) && prefixed && tagged_ai && (COMBINED_FROM..COMBINED_TO).contains(&updated)
        {
            truth.combined.push((updated, id));
        }
        if claim.is_some() && !tags.is_empty() && truth.rich_note == 0 {
            truth.rich_note = id;
        }
        let draft = NoteDraft {
            title,
            body,
            tags,
            tickers: typed,
            created_at: Some(Timestamp::from_millis(created)),
            updated_at: Some(Timestamp::from_millis(updated)),
            uid: Some(format!("corpus-{id}")),
        };
        (draft, claim)
    }

    fn word(&mut self, portuguese: bool) -> Word {
        if portuguese {
            Rc::clone(&self.portuguese[self.pt_zipf.sample(&mut self.rng)])
        } else {
            Rc::clone(&self.english[self.en_zipf.sample(&mut self.rng)])
        }
    }

    fn claim(&mut self, id: i64, symbols: &[usize], created: i64) -> (ClaimDraft, SourceDraft) {
        let rng = &mut self.rng;
        let (value, unit, currency) = match rng.range(0, 4) {
            0 => (Some((rng.unit() * 900.0 + 1.0).round() * 1e9), None, Some("USD".to_owned())),
            1 => (Some((rng.unit() * 100.0 * 10.0).round() / 10.0), Some("%".to_owned()), None),
            2 => (Some(rng.range(100, 50_000) as f64), Some("GPUs".to_owned()), None),
            _ => (None, None, None),
        };
        let mut tickers: Vec<ClaimTicker> = symbols
            .iter()
            .take(2)
            .map(|&s| ClaimTicker { symbol: self.tickers[s].clone(), stance: Some(Stance::ALL[rng.range(0, 3)]) })
            .collect();
        if tickers.is_empty() {
            let s = self.ticker_zipf.sample(rng);
            tickers.push(ClaimTicker { symbol: self.tickers[s].clone(), stance: Some(Stance::ALL[rng.range(0, 3)]) });
        }
        let as_of = NaiveDate::from_num_days_from_ce_opt(
            Timestamp::from_millis(created).date().num_days_from_ce() - rng.range(0, 20) as i32,
        )
        .map(|d| d.to_string());
        let source = self.source_zipf.sample(rng);
        let publisher =
            ["reuters.com", "bloomberg.com", "valor.globo.com", "ft.com", "cnbc.com", "wccftech.com"][source % 6];
        let url =
            SourceUrl::parse(&format!("https://{publisher}/research/item-{source}")).expect("generated URLs are valid");
        let claimant = vocab::CLAIMANTS[self.claimant_zipf.sample(rng)].to_owned();
        let claim = ClaimDraft {
            text: format!("Generated claim {id}: figure for the quarter"),
            value,
            unit,
            currency,
            as_of,
            claimant: Some(claimant),
            note_id: Some(id),
            tickers,
            ..ClaimDraft::default()
        };
        let source = SourceDraft {
            title: Some(format!("Item {source}")),
            publisher: Some(publisher.split('.').next().unwrap_or(publisher).to_owned()),
            kind: SourceKind::Article,
            ..SourceDraft::new(url)
        };
        (claim, source)
    }
}

fn capitalise(text: &mut String) {
    if let Some(first) = text.chars().next() {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
    }
}

/// Joins tokens into sentences of 8-20 words, capitalised and ended with a full stop.
fn sentences(tokens: &[Word], rng: &mut Rng) -> String {
    let mut out = String::with_capacity(tokens.len() * 8);
    let mut left = 0;
    for token in tokens {
        let word = &token.0;
        if left == 0 {
            if !out.is_empty() {
                out.push_str(". ");
            }
            left = rng.range(8, 21);
            let mut w = word.clone();
            capitalise(&mut w);
            out.push_str(&w);
        } else {
            out.push(' ');
            out.push_str(word);
        }
        left -= 1;
    }
    out.push('.');
    out
}

/// A generated note and its claim with the source it cites.
type Generated = (NoteDraft, Option<(ClaimDraft, SourceDraft)>);

/// Writes `total` generated notes in batches of `batch`; note ids follow generation order.
fn write(
    store: &mut Store,
    receive: mpsc::Receiver<Generated>,
    total: usize,
    batch: usize,
) -> Result<(), jevons::store::StoreError> {
    let mut written = 0;
    while written < total {
        let mut writer = store.batch()?;
        let before = written;
        for (draft, claim) in receive.iter().take(batch.min(total - written)) {
            written += 1;
            writer.create_note(&draft)?;
            if let Some((claim, source)) = claim {
                let source_id = writer.add_source(&source)?;
                writer.add_claim(ClaimDraft { sources: vec![(source_id, Some(claim.text.clone()))], ..claim })?;
            }
        }
        writer.commit()?;
        if written == before {
            break;
        }
    }
    Ok(())
}
