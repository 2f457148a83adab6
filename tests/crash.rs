//! Crash safety: a writer process creates notes (with tags, typed tickers and cashtags), edits
//! titles and bodies, records claims with tickers and sources, trashes and restores, and imports
//! batches of notes with claims in one transaction (`Store::batch`, whose full-text rows are
//! written in bulk at commit), through the real store, and acknowledges each save only after the
//! store returned `Ok`. The test kills it
//! with SIGKILL at random moments, reopens the file with `Store::open`, and requires SQLite's
//! `integrity_check` and FTS5's `integrity-check` (both through `Store::check`) to pass and every
//! acknowledged save to be there, whole and exact (title, body, tags, tickers with their origin,
//! claims field by field, revisions, trash state).
//!
//! The writer is this test binary run again (`current_exe()`, `--exact crash_writer`) with
//! `JEVONS_CRASH_WRITER` naming the database: no extra binary ships with Jevons, cargo builds it
//! with the test, and writer and checker run the very same build of the library. Run on its
//! own, `crash_writer` does nothing.
//!
//! Both sides derive the same operations from a seed, so after a kill the checker knows what the
//! acknowledged operations must have left, and that the one in flight is either wholly there or
//! wholly absent. Every other round the checker verifies a copy of the files, leaving the hot
//! WAL for the next writer to recover. `JEVONS_CRASH_KILLS` sets the number of kills (default
//! 60; docs/reliability.md records a run of 2,000), `JEVONS_CRASH_SEED` the first seed. Seeds fix
//! the operations and the delays; where exactly a kill lands depends on the machine.
//!
//! The same runs on an encrypted database (SQLCipher, `Store::open_keyed` on both sides;
//! `JEVONS_CRASH_KILLS` sets its kills too, default 20: every open derives the key again).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jevons::model::{
    Claim, ClaimDraft, ClaimTicker, Note, NoteDraft, NoteEdit, NoteId, Origin, SourceDraft, SourceUrl, Stance, Status,
    Symbol, TagName,
};
use jevons::query;
use jevons::store::{Batch, Key, Store};

const WRITER_DB: &str = "JEVONS_CRASH_WRITER";
const WRITER_SEED: &str = "JEVONS_CRASH_WRITER_SEED";
const WRITER_START: &str = "JEVONS_CRASH_WRITER_START";
/// The passphrase of an encrypted database under test (unset: a plain one).
const WRITER_KEY: &str = "JEVONS_CRASH_WRITER_KEY";
/// The passphrase of the encrypted runs.
const PASSPHRASE: &str = "crash test passphrase";
/// Kills on an encrypted database by default (each open derives the key once more).
const DEFAULT_ENCRYPTED_KILLS: u32 = 20;
const DEFAULT_KILLS: u32 = 60;
/// Kills on one database before starting a fresh one (keeps each check small and quick).
const KILLS_PER_DATABASE: u32 = 20;
/// The most operations one writer run makes: a backstop should a kill never come.
const WRITER_BUDGET: usize = 20_000;
/// Kills land up to this long after the writer said it was ready (or after it was started).
const MAX_DELAY_US: u64 = 60_000;

const SYMBOLS: &[&str] = &["NVDA", "AMD", "TSM", "MSFT", "ASML", "PETR4", "VALE3", "GOOGL"];
const TAGS: &[&str] = &["ai", "ai/inference", "semis", "brasil/energia", "macro"];
const CLAIMANTS: &[&str] = &["Cantor Fitzgerald", "Raymond James", "DeepSeek", "Reuters", "Itaú BBA"];
const UNITS: &[&str] = &["GPUs", "%", "tokens/s"];
const PHRASES: &[&str] = &[
    "R1 training cost about US$6M on ~2,000 H800 GPUs.",
    "A NVIDIA perdeu quase US$ 500 bilhões em valor de mercado; ações caíram 16,9%.",
    "FP8 cuts memory needs by ~75%, says the paper.",
    "Jevons paradox: cheaper compute means more demand, not less.",
    "Inferência barata ajuda a demanda por data centers e energia.",
    "Raymond James worries about \"large GPU clusters\"; Cantor says buy on weakness.",
];

/// SplitMix64: small, seedable, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// Up to `most` distinct items, sorted.
    fn some(&mut self, items: &[&'static str], most: u64) -> Vec<&'static str> {
        let mut chosen: Vec<&'static str> = (0..self.below(most + 1)).map(|_| self.pick(items)).collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen
    }
}

/// A claim as the writer records it and as it must read back.
#[derive(Debug, Clone, PartialEq)]
struct ClaimModel {
    text: String,
    value: Option<f64>,
    unit: Option<String>,
    currency: Option<String>,
    as_of: Option<String>,
    claimant: Option<String>,
    status: Status,
    /// Sorted by symbol, as the store lists them.
    tickers: Vec<(&'static str, Option<Stance>)>,
    /// URL and quote.
    source: Option<(String, Option<String>)>,
}

/// A note a batch creates, with the claim it may carry.
#[derive(Debug, Clone)]
struct BatchNote {
    uid: String,
    title: String,
    body: String,
    tags: Vec<&'static str>,
    tickers: Vec<&'static str>,
    claim: Option<ClaimModel>,
}

#[derive(Debug, Clone)]
enum Op {
    Create {
        uid: String,
        title: String,
        body: String,
        tags: Vec<&'static str>,
        tickers: Vec<&'static str>,
    },
    /// One `Store::batch`: new notes (some with a claim) and claims on notes made earlier, all
    /// committed together or not at all.
    Batch {
        notes: Vec<BatchNote>,
        claims: Vec<(String, ClaimModel)>,
    },
    Edit {
        uid: String,
        title: Option<String>,
        body: Option<String>,
        add_tag: Option<&'static str>,
    },
    Claim {
        uid: String,
        claim: ClaimModel,
    },
    Trash {
        uid: String,
    },
    Restore {
        uid: String,
    },
}

/// The operations for one seed, as an endless stream; writer and checker both walk it.
struct Plan {
    rng: Rng,
    index: usize,
    /// Uid and whether it is in the trash, for every note created so far.
    notes: Vec<(String, bool)>,
}

impl Plan {
    fn new(seed: u64) -> Self {
        Self { rng: Rng(seed), index: 0, notes: Vec::new() }
    }

    /// Text with cashtags `$SYM ` (always followed by a space, so the model can find them),
    /// sometimes long enough to span many pages.
    fn text(&mut self, tag: &str) -> String {
        let mut text = format!("{tag}: {}", self.rng.pick(PHRASES));
        for symbol in self.rng.some(SYMBOLS, 2) {
            text.push_str(&format!(" Watch ${symbol} closely."));
        }
        if self.rng.chance(12) {
            let paragraphs = 200 + self.rng.below(2_000);
            for i in 0..paragraphs {
                text.push_str(&format!("\n\n{i}. {}", self.rng.pick(PHRASES)));
            }
        }
        text
    }

    fn title(&mut self, uid: &str) -> String {
        match self.rng.below(3) {
            0 => format!("{uid} on ${} outlook", self.rng.pick(SYMBOLS)),
            1 => format!("{uid} Perda de valor, op {}", self.index),
            _ => format!("{uid} notes, op {}", self.index),
        }
    }

    fn claim(&mut self) -> ClaimModel {
        let mut tickers: Vec<(&'static str, Option<Stance>)> = self
            .rng
            .some(SYMBOLS, 2)
            .into_iter()
            .map(|s| {
                (
                    s,
                    [None, Some(Stance::Bullish), Some(Stance::Bearish), Some(Stance::Neutral)]
                        [self.rng.below(4) as usize],
                )
            })
            .collect();
        tickers.sort_by_key(|(s, _)| *s);
        let value = self.rng.chance(70).then(|| (self.rng.below(1_000_000) as f64) * 1.5e3 + 0.25);
        ClaimModel {
            text: format!("claim of op {}: {}", self.index, self.rng.pick(PHRASES)),
            value,
            unit: value.and_then(|_| self.rng.chance(50).then(|| self.rng.pick(UNITS).to_owned())),
            currency: value.and_then(|_| self.rng.chance(50).then(|| self.rng.pick(&["USD", "BRL", "EUR"]).to_owned())),
            as_of: self.rng.chance(60).then(|| self.rng.pick(&["2025-01-27", "2025-01", "2024"]).to_owned()),
            claimant: self.rng.chance(80).then(|| self.rng.pick(CLAIMANTS).to_owned()),
            status: Status::ALL[self.rng.below(4) as usize],
            tickers,
            source: self.rng.chance(70).then(|| {
                let url = format!("https://example.com/crash/{}", self.rng.below(6));
                (url, self.rng.chance(50).then(|| format!("quote of op {}", self.index)))
            }),
        }
    }

    /// A batch of 1 to 12 new notes, about half with a claim, and up to two claims on live notes
    /// made before it.
    fn batch(&mut self) -> Op {
        let mut claims = Vec::new();
        for _ in 0..self.rng.below(3) {
            if let Some(uid) = self.pick_note(false) {
                claims.push((uid, self.claim()));
            }
        }
        let notes = (0..1 + self.rng.below(12))
            .map(|i| {
                let uid = format!("b{}n{i}", self.index);
                BatchNote {
                    title: self.title(&uid),
                    body: self.text(&format!("batch {} note {i}", self.index)),
                    tags: self.rng.some(TAGS, 2),
                    tickers: self.rng.some(SYMBOLS, 2),
                    claim: self.rng.chance(50).then(|| self.claim()),
                    uid,
                }
            })
            .collect();
        Op::Batch { notes, claims }
    }

    fn pick_note(&mut self, trashed: bool) -> Option<String> {
        let candidates: Vec<&String> = self.notes.iter().filter(|(_, t)| *t == trashed).map(|(u, _)| u).collect();
        (!candidates.is_empty()).then(|| candidates[self.rng.below(candidates.len() as u64) as usize].clone())
    }

    fn set_trashed(&mut self, uid: &str, trashed: bool) {
        if let Some(note) = self.notes.iter_mut().find(|(u, _)| u == uid) {
            note.1 = trashed;
        }
    }
}

impl Iterator for Plan {
    type Item = Op;

    fn next(&mut self) -> Option<Op> {
        let roll = self.rng.below(100);
        let op = match roll {
            35..=64 => self.pick_note(false).map(|uid| {
                let (title, body) = match self.rng.below(3) {
                    0 => (Some(self.title(&uid)), None),
                    1 => (None, Some(self.text(&format!("edit {}", self.index)))),
                    _ => (Some(self.title(&uid)), Some(self.text(&format!("edit {}", self.index)))),
                };
                let add_tag = self.rng.chance(20).then(|| self.rng.pick(TAGS));
                Op::Edit { uid, title, body, add_tag }
            }),
            65..=84 => self.pick_note(false).map(|uid| Op::Claim { claim: self.claim(), uid }),
            85..=92 => self.pick_note(false).map(|uid| Op::Trash { uid }),
            93.. => self.pick_note(true).map(|uid| Op::Restore { uid }),
            25..=34 => Some(self.batch()),
            _ => None,
        };
        let op = op.unwrap_or_else(|| {
            let uid = format!("c{}", self.index);
            Op::Create {
                title: self.title(&uid),
                body: self.text(&format!("note {}", self.index)),
                tags: self.rng.some(TAGS, 2),
                tickers: self.rng.some(SYMBOLS, 2),
                uid,
            }
        });
        match &op {
            Op::Create { uid, .. } => self.notes.push((uid.clone(), false)),
            Op::Batch { notes, .. } => self.notes.extend(notes.iter().map(|n| (n.uid.clone(), false))),
            Op::Trash { uid } => self.set_trashed(&uid.clone(), true),
            Op::Restore { uid } => self.set_trashed(&uid.clone(), false),
            _ => {}
        }
        self.index += 1;
        Some(op)
    }
}

/// What the store must hold for one note.
#[derive(Debug, Clone, PartialEq)]
struct NoteModel {
    title: String,
    body: String,
    tags: Vec<&'static str>,
    typed: Vec<&'static str>,
    trashed: bool,
    claims: Vec<ClaimModel>,
    /// Earlier (title, body) pairs, oldest first.
    revisions: Vec<(String, String)>,
}

impl NoteModel {
    /// Each ticker once with its strongest origin: typed, then a `$SYM ` cashtag, then a claim.
    fn tickers(&self) -> Vec<(String, Origin)> {
        let mut found: BTreeMap<&str, Origin> = BTreeMap::new();
        let mut add = |symbol: &'static str, origin: Origin| {
            let entry = found.entry(symbol).or_insert(origin);
            *entry = (*entry).min(origin);
        };
        for symbol in &self.typed {
            add(symbol, Origin::Typed);
        }
        for symbol in SYMBOLS {
            let cashtag = format!("${symbol} ");
            if self.title.contains(&cashtag) || self.body.contains(&cashtag) {
                add(symbol, Origin::Detected);
            }
        }
        for claim in &self.claims {
            for (symbol, _) in &claim.tickers {
                add(symbol, Origin::Claim);
            }
        }
        found.into_iter().map(|(s, o)| (s.to_owned(), o)).collect()
    }

    fn source_urls(&self) -> Vec<String> {
        let mut urls: Vec<String> = self.claims.iter().filter_map(|c| c.source.as_ref().map(|s| s.0.clone())).collect();
        urls.sort();
        urls.dedup();
        urls
    }
}

/// The whole database as the acknowledged operations left it.
#[derive(Debug, Clone, Default)]
struct Model {
    notes: BTreeMap<String, NoteModel>,
}

impl Model {
    fn apply(&mut self, op: &Op) {
        match op {
            Op::Create { uid, title, body, tags, tickers } => {
                let note = NoteModel {
                    title: title.clone(),
                    body: body.clone(),
                    tags: tags.clone(),
                    typed: tickers.clone(),
                    trashed: false,
                    claims: Vec::new(),
                    revisions: Vec::new(),
                };
                self.notes.insert(uid.clone(), note);
            }
            Op::Edit { uid, title, body, add_tag } => {
                let note = self.note(uid);
                let old = (note.title.clone(), note.body.clone());
                note.title = title.clone().unwrap_or(old.0.clone());
                note.body = body.clone().unwrap_or(old.1.clone());
                // A revision keeps the whole note before an edit that changes its text or tags.
                let new_tag = add_tag.as_ref().is_some_and(|tag| !note.tags.contains(tag));
                if (&note.title, &note.body) != (&old.0, &old.1) || new_tag {
                    note.revisions.push(old);
                }
                if let Some(tag) = add_tag
                    && !note.tags.contains(tag)
                {
                    note.tags.push(tag);
                    note.tags.sort_unstable();
                }
            }
            Op::Batch { notes, claims } => {
                for (uid, claim) in claims {
                    self.note(uid).claims.push(claim.clone());
                }
                for new in notes {
                    let note = NoteModel {
                        title: new.title.clone(),
                        body: new.body.clone(),
                        tags: new.tags.clone(),
                        typed: new.tickers.clone(),
                        trashed: false,
                        claims: new.claim.iter().cloned().collect(),
                        revisions: Vec::new(),
                    };
                    self.notes.insert(new.uid.clone(), note);
                }
            }
            Op::Claim { uid, claim } => self.note(uid).claims.push(claim.clone()),
            Op::Trash { uid } => self.note(uid).trashed = true,
            Op::Restore { uid } => self.note(uid).trashed = false,
        }
    }

    fn note(&mut self, uid: &str) -> &mut NoteModel {
        self.notes.get_mut(uid).unwrap_or_else(|| panic!("the plan names a note it never created: {uid}"))
    }

    /// The first way the store differs from this model, if any.
    fn difference(&self, store: &Store) -> Option<String> {
        let live = self.notes.values().filter(|n| !n.trashed).count() as u64;
        let counts = store.note_counts().unwrap();
        if counts != (live, self.notes.len() as u64 - live) {
            return Some(format!(
                "(live, trashed) notes: store has {counts:?}, expected ({live}, {})",
                self.notes.len() as u64 - live
            ));
        }
        for (uid, want) in &self.notes {
            let Some(id) = store.note_by_uid(uid).unwrap() else { return Some(format!("note {uid} is missing")) };
            let note = store.note(id).unwrap();
            if let Some(diff) = note_difference(store, &note, want) {
                return Some(format!("note {uid}: {diff}"));
            }
        }
        None
    }
}

fn note_difference(store: &Store, note: &Note, want: &NoteModel) -> Option<String> {
    let tags: Vec<&str> = note.tags.iter().map(String::as_str).collect();
    let tickers: Vec<(String, Origin)> = note.tickers.iter().map(|t| (t.symbol.to_string(), t.origin)).collect();
    let mut urls: Vec<String> = note.sources.iter().map(|s| s.url.clone()).collect();
    urls.sort();
    let revisions: Vec<(String, String)> =
        store.revisions(note.id).unwrap().into_iter().rev().map(|r| (r.title, r.body)).collect();
    let checks = [
        ("title", note.title == want.title),
        ("body", note.body == want.body),
        ("tags", tags == want.tags),
        ("tickers", tickers == want.tickers()),
        ("trash", note.deleted_at.is_some() == want.trashed),
        ("sources", urls == want.source_urls()),
        ("revisions", revisions == want.revisions),
        ("claim count", note.claims.len() == want.claims.len()),
    ];
    if let Some((what, _)) = checks.iter().find(|(_, same)| !same) {
        return Some(format!("{what} differs: found {note:?}, expected {want:?}"));
    }
    let claim = note.claims.iter().zip(&want.claims).find(|(found, want)| !claim_matches(found, want));
    if let Some((found, want)) = claim {
        return Some(format!("claim differs: found {found:?}, expected {want:?}"));
    }
    let hits = store.search_ids(&query::parse(note.title.split(' ').next().unwrap()).unwrap()).unwrap();
    let findable = if want.trashed { !hits.contains(&note.id) } else { hits == [note.id] };
    (!findable).then(|| format!("searching its uid finds {hits:?}"))
}

fn claim_matches(found: &Claim, want: &ClaimModel) -> bool {
    let tickers: Vec<(String, Option<Stance>)> =
        found.tickers.iter().map(|t| (t.symbol.to_string(), t.stance)).collect();
    let want_tickers: Vec<(String, Option<Stance>)> =
        want.tickers.iter().map(|(s, st)| ((*s).to_owned(), *st)).collect();
    let sources: Vec<(String, Option<String>)> =
        found.sources.iter().map(|s| (s.url.clone(), s.quote.clone())).collect();
    (&found.text, found.value, &found.unit, &found.currency, &found.as_of, &found.claimant, found.status)
        == (&want.text, want.value, &want.unit, &want.currency, &want.as_of, &want.claimant, want.status)
        && tickers == want_tickers
        && sources == want.source.clone().into_iter().collect::<Vec<_>>()
}

/// The draft that records `claim` in note `note`, with its source (id and quote) if any.
fn claim_draft(claim: &ClaimModel, note: NoteId, source: Option<(i64, Option<String>)>) -> ClaimDraft {
    ClaimDraft {
        text: claim.text.clone(),
        value: claim.value,
        unit: claim.unit.clone(),
        currency: claim.currency.clone(),
        as_of: claim.as_of.clone(),
        claimant: claim.claimant.clone(),
        status: claim.status,
        note_id: Some(note),
        tickers: claim
            .tickers
            .iter()
            .map(|(s, stance)| ClaimTicker { symbol: Symbol::parse(s).unwrap(), stance: *stance })
            .collect(),
        sources: source.into_iter().collect(),
    }
}

/// Makes one operation through the public store API; any error fails the writer.
fn perform(store: &mut Store, op: &Op) {
    let sym = |s: &str| Symbol::parse(s).unwrap();
    let tag = |t: &str| TagName::parse(t).unwrap();
    let id_of = |store: &Store, uid: &str| store.note_by_uid(uid).unwrap().unwrap();
    match op {
        Op::Create { uid, title, body, tags, tickers } => {
            let draft = NoteDraft {
                tags: tags.iter().map(|t| tag(t)).collect(),
                tickers: tickers.iter().map(|t| sym(t)).collect(),
                uid: Some(uid.clone()),
                ..NoteDraft::new(title.clone(), body.clone())
            };
            store.create_note(&draft).unwrap();
        }
        Op::Edit { uid, title, body, add_tag } => {
            let id = id_of(store, uid);
            let edit = NoteEdit {
                title: title.clone(),
                body: body.clone(),
                add_tags: add_tag.iter().map(|t| tag(t)).collect(),
                ..NoteEdit::default()
            };
            store.edit_note(id, &edit).unwrap();
        }
        Op::Claim { uid, claim } => {
            let id = id_of(store, uid);
            let source = claim.source.as_ref().map(|(url, quote)| {
                (store.add_source(&SourceDraft::new(SourceUrl::parse(url).unwrap())).unwrap(), quote.clone())
            });
            store.add_claim(claim_draft(claim, id, source)).unwrap();
        }
        Op::Batch { notes, claims } => {
            let existing: Vec<NoteId> = claims.iter().map(|(uid, _)| id_of(store, uid)).collect();
            let mut batch = store.batch().unwrap();
            let source = |batch: &mut Batch, claim: &ClaimModel| {
                claim.source.as_ref().map(|(url, quote)| {
                    (batch.add_source(&SourceDraft::new(SourceUrl::parse(url).unwrap())).unwrap(), quote.clone())
                })
            };
            for ((_, claim), id) in claims.iter().zip(existing) {
                let source = source(&mut batch, claim);
                batch.add_claim(claim_draft(claim, id, source)).unwrap();
            }
            for new in notes {
                let draft = NoteDraft {
                    tags: new.tags.iter().map(|t| tag(t)).collect(),
                    tickers: new.tickers.iter().map(|t| sym(t)).collect(),
                    uid: Some(new.uid.clone()),
                    ..NoteDraft::new(new.title.clone(), new.body.clone())
                };
                let id = batch.create_note(&draft).unwrap();
                if let Some(claim) = &new.claim {
                    let source = source(&mut batch, claim);
                    batch.add_claim(claim_draft(claim, id, source)).unwrap();
                }
            }
            batch.commit().unwrap();
        }
        Op::Trash { uid } => store.trash_note(id_of(store, uid)).unwrap(),
        Op::Restore { uid } => store.restore_note(id_of(store, uid)).unwrap(),
    }
}

/// The writer: started by `acknowledged_writes_survive_sigkill`, does nothing otherwise. It says
/// `ready` once the store is open, then `ack N` after operation N returned, until it is killed.
#[test]
fn crash_writer() {
    let Some(db) = std::env::var_os(WRITER_DB) else { return };
    let number = |name: &str| std::env::var(name).unwrap().parse::<u64>().unwrap();
    let (seed, start) = (number(WRITER_SEED), number(WRITER_START) as usize);
    let mut store = open(Path::new(&db), std::env::var(WRITER_KEY).ok().as_deref()).unwrap();
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| {
        out.write_all(line.as_bytes()).unwrap();
        out.flush().unwrap();
    };
    say("ready\n".into());
    for (index, op) in Plan::new(seed).enumerate().skip(start).take(WRITER_BUDGET) {
        perform(&mut store, &op);
        say(format!("ack {index}\n"));
    }
}

/// What one writer run acknowledged before it died.
struct Run {
    acked: Vec<usize>,
    /// Whether it had opened the store.
    ready: bool,
}

/// The store at `db`, encrypted with `key` when there is one.
fn open(db: &Path, key: Option<&str>) -> Result<Store, jevons::store::OpenError> {
    match key {
        Some(key) => Store::open_keyed(db, &Key::new(key).unwrap()),
        None => Store::open(db),
    }
}

fn run_writer(db: &Path, key: Option<&str>, seed: u64, start: usize, delay: Duration, from_spawn: bool) -> Run {
    let log = db.with_extension("writer.log");
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.env_remove(WRITER_KEY);
    if let Some(key) = key {
        command.env(WRITER_KEY, key);
    }
    let mut child = command
        .args(["--exact", "crash_writer", "--nocapture", "--test-threads=1", "--quiet"])
        .env(WRITER_DB, db)
        .env(WRITER_SEED, seed.to_string())
        .env(WRITER_START, start.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut acked, mut ready) = (Vec::new(), false);
    let mut read = |line: String| {
        ready |= line == "ready";
        if let Some(n) = line.strip_prefix("ack ") {
            acked.push(n.parse::<usize>().unwrap());
        }
        line == "ready"
    };
    if !from_spawn {
        for line in lines.by_ref() {
            if read(line.unwrap()) {
                break;
            }
        }
    }
    std::thread::sleep(delay);
    let _ = child.kill();
    for line in lines {
        read(line.unwrap());
    }
    let status = child.wait().unwrap();
    let stderr = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(status.signal(), Some(libc::SIGKILL), "the writer ended by itself ({status}): {stderr}");
    Run { acked, ready }
}

/// Copies the database with its WAL (as the kill left them) to verify without recovering the
/// original: the next writer then recovers the WAL itself.
fn copy_files(db: &Path, to: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    let copy = to.join(db.file_name().unwrap());
    for suffix in ["", "-wal"] {
        let mut from = db.as_os_str().to_owned();
        from.push(suffix);
        let mut dest = copy.as_os_str().to_owned();
        dest.push(suffix);
        if Path::new(&from).exists() {
            std::fs::copy(&from, &dest).unwrap();
        }
    }
    copy
}

/// What a series of kills showed.
#[derive(Debug, Default)]
struct Tally {
    kills: u32,
    /// Operations acknowledged (and found intact).
    acknowledged: usize,
    /// Of these, batches, and the notes they created.
    batches: usize,
    batch_notes: usize,
    /// Kills after which the operation in flight turned out to be committed, though never
    /// acknowledged: the kill landed between the commit and the acknowledgement.
    in_flight_committed: u32,
    /// Kills before the writer had opened the store.
    during_open: u32,
}

/// Runs `kills` writer runs on one fresh database (encrypted with `key` when there is one).
fn crash_one_database(seed: u64, key: Option<&str>, kills: u32, tally: &mut Tally) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let mut timing = Rng(seed ^ 0x5EED_0FD1_E5E5);
    let mut plan = Plan::new(seed);
    let mut ops: Vec<Op> = Vec::new();
    let mut model = Model::default();
    let mut next = 0;
    for round in 0..kills {
        let from_spawn = round == 0 || timing.chance(12);
        let delay = Duration::from_micros(timing.below(MAX_DELAY_US));
        let run = run_writer(&db, key, seed, next, delay, from_spawn);
        tally.kills += 1;
        tally.acknowledged += run.acked.len();
        tally.during_open += u32::from(!run.ready);
        let context = format!("seed {seed}, kill {round}, {} operations acknowledged", next + run.acked.len());
        assert_eq!(run.acked, (next..next + run.acked.len()).collect::<Vec<_>>(), "{context}: acks out of order");
        while ops.len() <= next + run.acked.len() {
            ops.push(plan.next().unwrap());
        }
        for index in run.acked {
            if let Op::Batch { notes, .. } = &ops[index] {
                tally.batches += 1;
                tally.batch_notes += notes.len();
            }
            model.apply(&ops[index]);
            next = index + 1;
        }
        let checked = if round % 2 == 1 { copy_files(&db, &dir.path().join("copy")) } else { db.clone() };
        let store = open(&checked, key).unwrap_or_else(|e| panic!("{context}: cannot reopen: {e}"));
        if key.is_some() {
            assert!(jevons::store::cipher::is_encrypted(&checked), "{context}: the file is not encrypted");
        }
        let report = store.check().unwrap();
        assert!(report.is_sound(), "{context}: integrity problems {:?}", report.problems);
        if let Some(without) = model.difference(&store) {
            let mut with = model.clone();
            with.apply(&ops[next]);
            if let Some(with_it) = with.difference(&store) {
                panic!(
                    "{context}: the database matches neither the acknowledged operations ({without}) \
                     nor them plus the one in flight, {:?} ({with_it})",
                    ops[next]
                );
            }
            model = with;
            next += 1;
            tally.in_flight_committed += 1;
        }
    }
}

/// SIGKILL at random moments never loses or damages an acknowledged save.
#[test]
fn acknowledged_writes_survive_sigkill() {
    survive_kills(None, DEFAULT_KILLS);
}

/// The same on an encrypted database: SQLCipher's pages and log recover as SQLite's do.
#[test]
fn acknowledged_writes_survive_sigkill_on_an_encrypted_database() {
    survive_kills(Some(PASSPHRASE), DEFAULT_ENCRYPTED_KILLS);
}

fn survive_kills(key: Option<&str>, default_kills: u32) {
    if std::env::var_os(WRITER_DB).is_some() {
        return;
    }
    let setting = |name: &str, default: u64| std::env::var(name).map_or(default, |v| v.parse().unwrap());
    let kills = setting("JEVONS_CRASH_KILLS", u64::from(default_kills)) as u32;
    let first_seed = setting("JEVONS_CRASH_SEED", 1);
    let started = Instant::now();
    let (mut tally, mut seed) = (Tally::default(), first_seed);
    while tally.kills < kills {
        crash_one_database(seed, key, KILLS_PER_DATABASE.min(kills - tally.kills), &mut tally);
        seed += 1;
    }
    eprintln!(
        "crash{}: {} kills on {} databases (seeds {first_seed}..={}) in {:.1} s: {} acknowledged operations all \
         intact ({} batches creating {} notes); {} kills before the store was open; {} in-flight operations found \
         committed",
        if key.is_some() { " (encrypted)" } else { "" },
        tally.kills,
        seed - first_seed,
        seed - 1,
        started.elapsed().as_secs_f64(),
        tally.acknowledged,
        tally.batches,
        tally.batch_notes,
        tally.during_open,
        tally.in_flight_committed,
    );
}
