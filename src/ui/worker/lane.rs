//! One lane of the worker: a thread with its own read connection that takes requests from its
//! queue in batches (the newest of each kind runs, older ones and work of an older search are
//! handed back skipped), runs them against the store, and sends the replies that wake the window.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

use super::source_search;
use super::*;
use crate::ui::dossier::price_data::{PriceChart, PriceInputs, outcome_line};

pub(super) fn interrupt(stop: &Interrupter) {
    if let Some(handle) = stop.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
        handle.interrupt();
    }
}

pub(super) fn spawn_lane(name: &str, lane: Lane, replies: Sender<Reply>, ctx: egui::Context) -> Sender<Request> {
    let (tx, rx) = channel();
    let lane_replies = replies.clone();
    let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || lane.run(&rx, &lane_replies, &ctx));
    if let Err(err) = spawned {
        // Without a thread the requests are never answered; say so once, on the info channel.
        let _ = replies.send(Reply::OpenFailed { message: format!("cannot start a worker thread: {err}") });
    }
    tx
}

pub(super) struct Lane {
    path: PathBuf,
    /// This lane's SQLite page cache, in MB.
    cache_mb: u32,
    store: Option<Store>,
    /// Built on the first analysis (research lane only): the reference names and the user's
    /// aliases and suppressions.
    lexicon: Option<Lexicon>,
    /// Where this lane publishes how to stop its running statement (search and count lanes).
    stop: Option<Interrupter>,
    /// The generations of the app's latest searches (see [`Worker::stop_counts_before`] and
    /// [`Worker::source_search_started`]).
    latest: Arc<Latest>,
    /// Whether this lane's thread runs at a lower priority than the window's.
    pub(super) background: bool,
}

impl Lane {
    pub(super) fn new(path: PathBuf, cache_mb: u32, stop: Option<Interrupter>, latest: Arc<Latest>) -> Self {
        Self { path, cache_mb, store: None, lexicon: None, stop, latest, background: false }
    }

    fn run(mut self, rx: &Receiver<Request>, replies: &Sender<Reply>, ctx: &egui::Context) {
        if self.background {
            give_way_to_other_threads();
        }
        while let Ok(first) = rx.recv() {
            let mut batch = vec![first];
            batch.extend(rx.try_iter());
            let keep = newest_of_each_kind(&batch);
            for (request, keep) in batch.into_iter().zip(keep) {
                // Checked as each request comes up: a newer search may have begun meanwhile.
                let stale = of_older_search(&request, &self.latest);
                let reply = if keep && !stale { self.handle(request, replies, ctx) } else { Reply::Skipped(request) };
                if replies.send(reply).is_err() {
                    return;
                }
                ctx.request_repaint();
            }
        }
    }

    fn store(&mut self) -> Result<&Store, String> {
        self.store_mut().map(|s| &*s)
    }

    fn store_mut(&mut self) -> Result<&mut Store, String> {
        if self.store.is_none() {
            let store = Store::open(&self.path).map_err(|e| e.to_string())?;
            self.store = Some(self.sized(store).map_err(|e| e.to_string())?);
        }
        self.store.as_mut().ok_or_else(|| "the database is not open".to_owned())
    }

    /// The store with this lane's page cache, its interrupt handle published.
    fn sized(&self, store: Store) -> Result<Store, StoreError> {
        store.set_cache_mb(self.cache_mb)?;
        if let Some(stop) = &self.stop {
            *stop.lock().unwrap_or_else(PoisonError::into_inner) = Some(store.interrupt_handle());
        }
        Ok(store)
    }

    fn lexicon(&mut self) -> Result<&Lexicon, String> {
        if self.lexicon.is_none() {
            let lexicon = self.store()?.lexicon().map_err(|e| format!("cannot read the ticker names: {e}"))?;
            self.lexicon = Some(lexicon);
        }
        self.lexicon.as_ref().ok_or_else(|| "no lexicon".to_owned())
    }

    fn handle(&mut self, request: Request, replies: &Sender<Reply>, ctx: &egui::Context) -> Reply {
        match request {
            Request::Open => {
                let started = Instant::now();
                let tell = |opening| {
                    let _ = replies.send(Reply::Opening(opening));
                    ctx.request_repaint();
                };
                match crate::database::open_telling(&self.path, tell)
                    .map_err(|e| e.to_string())
                    .and_then(|s| self.sized(s).map_err(text))
                {
                    Ok(store) => {
                        let created = store.was_created();
                        self.store = Some(store);
                        Reply::Opened { took: started.elapsed(), created }
                    }
                    Err(message) => Reply::OpenFailed { message },
                }
            }
            Request::Search { generation, text } => {
                let result = self.store().and_then(|store| search(store, &text));
                Reply::Searched { generation, text, result }
            }
            Request::More { generation, query, cursor } => {
                let result = self.store().and_then(|s| s.page(&query, Some(&cursor), NEXT_PAGE).map_err(text));
                Reply::More { generation, result }
            }
            Request::Count { generation, query } => {
                let latest = self.latest.clone();
                let current = move || latest.notes.load(Ordering::SeqCst) == generation;
                if !current() {
                    return Reply::Counted { generation, result: Err("a newer search came".to_owned()) };
                }
                let result = self.store().and_then(|store| {
                    if let Some(total) = store.known_total(&query).map_err(text)? {
                        return Ok(Total::Exact(total));
                    }
                    let mut reported = Instant::now();
                    let total = store.count_until(&query, |at_least| {
                        if !current() {
                            return false;
                        }
                        if reported.elapsed() >= COUNT_PROGRESS {
                            reported = Instant::now();
                            let _ = replies.send(Reply::Counting { generation, at_least });
                            ctx.request_repaint();
                        }
                        true
                    });
                    total.map_err(text)
                });
                Reply::Counted { generation, result }
            }
            Request::FindInSources { generation, text } => {
                let result = self.store().and_then(|store| source_search::find(store, &text));
                Reply::FoundInSources { generation, text, result }
            }
            Request::CountInSources { generation, query } => {
                let result = self.store().and_then(|store| store.document_total(&query).map_err(text));
                Reply::CountedInSources { generation, result }
            }
            Request::MoreInSources { generation, query, offset } => {
                let result = self.store().and_then(|store| source_search::more(store, &query, offset));
                Reply::MoreInSources { generation, result }
            }
            Request::Rows { generation, query, ids } => {
                let result = self.store().and_then(|s| s.summaries(&ids, &query).map_err(|e| e.to_string()));
                Reply::Rows { generation, result }
            }
            Request::Sidebar => Reply::Sidebar(self.store().and_then(sidebar)),
            Request::SavedCounts(searches) => match self.store() {
                Ok(store) => Reply::SavedCounts(saved_counts(store, &searches)),
                Err(err) => Reply::SavedCounts(searches.into_iter().map(|(id, _)| (id, Err(err.clone()))).collect()),
            },
            Request::Dossier { symbol, limits } => {
                let result = self.store().and_then(|s| dossier(s, &symbol, &limits)).map(Box::new);
                Reply::Dossier { symbol, result }
            }
            Request::Claimants => Reply::Claimants(self.store().and_then(claimants).map(Box::new)),
            Request::ForgetLexicon => {
                self.lexicon = None;
                Reply::LexiconForgotten
            }
            Request::Analyse { ticket, text, anchor } => {
                let result = self.lexicon().map(|lexicon| analyse_note(&text, lexicon, anchor));
                Reply::Analysed { ticket, result }
            }
            Request::LinkCandidates { symbols } => {
                let result = self.store().and_then(|store| {
                    let mut found: Vec<Claim> = Vec::new();
                    for symbol in &symbols {
                        let claims = store.newest_claims_about(symbol, LINK_CANDIDATES).map_err(|e| e.to_string())?;
                        for claim in claims {
                            if !found.iter().any(|f| f.id == claim.id) {
                                found.push(claim);
                            }
                        }
                    }
                    Ok(found)
                });
                Reply::LinkCandidates { symbols, result }
            }
            Request::Source { id, known } => {
                let result = self.store().and_then(|s| s.source_detail(id).map_err(|e| e.to_string()));
                let document = self.store().and_then(|s| source_document(s, id, known).map_err(|e| e.to_string()));
                Reply::Source { id, result, document }
            }
            Request::NoteImages { note } => Reply::NoteImages {
                note,
                result: self.store().and_then(|s| note_images(s, note).map_err(|e| e.to_string())),
            },
            Request::OpenDocument { source, page } => Reply::DocumentOpened(self.store().and_then(|store| {
                let folder = crate::io::viewer::copies_folder();
                crate::io::viewer::open_source_document(store, source, page, &folder).map_err(|e| e.to_string())
            })),
            Request::Revisions { note } => Reply::Revisions {
                note,
                result: self.store().and_then(|s| s.revisions(note).map_err(|e| e.to_string())),
            },
            Request::Version { note } => Reply::Version {
                note,
                result: self.store().and_then(|s| s.note_version(note).map_err(|e| e.to_string())),
            },
            Request::TidyIndex => Reply::IndexTidied(self.store_mut().and_then(|s| s.tidy_index().map_err(text))),
            Request::NoteLinks { note } => {
                Reply::NoteLinks { note, result: self.store().and_then(|s| note_links(s, note)) }
            }
            Request::CompleteTitle { typed } => {
                let result = self
                    .store()
                    .ok()
                    .and_then(|s| s.titles_starting_with(&typed, TITLE_COMPLETIONS).ok())
                    .unwrap_or_default();
                Reply::TitlesCompleted { typed, result }
            }
            Request::Complete { typed } => {
                let result =
                    self.store().ok().and_then(|s| s.complete_tickers(&typed, COMPLETIONS).ok()).unwrap_or_default();
                Reply::Completed { typed, result }
            }
        }
    }
}

/// The nice value of a background lane's thread (0 is the window's; 19 the lowest priority).
#[cfg(target_os = "linux")]
const BACKGROUND_NICE: i32 = 10;

/// Lowers the calling thread's scheduling priority, so that it gets a core only when the frames
/// and the search lane leave one (Linux, where the nice value is per thread; elsewhere nothing).
fn give_way_to_other_threads() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority with who = 0 changes only the calling thread's nice value; a failure
    // leaves it unchanged, which is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS as _, 0, BACKGROUND_NICE);
    }
}

fn text(err: StoreError) -> String {
    err.to_string()
}

/// A search's first page, and its total when that is kept rather than counted.
fn search(store: &Store, text: &str) -> Result<Found, String> {
    let started = Instant::now();
    let query = query::parse(text).map_err(|e| e.to_string())?;
    let page = store.page(&query, None, FIRST_PAGE).map_err(self::text)?;
    let total = match page.next {
        None => Some(page.results.len() as u64),
        Some(_) => store.kept_total(&query).map_err(self::text)?,
    };
    Ok(Found { query: Arc::new(query), page, total, took: started.elapsed() })
}

/// A ticker's dossier, with the names the user gave it and the matches they turned off, and,
/// for an issuer with several listings (PETR3, PETR4, PBR), the dossier of them together.
fn dossier(store: &Store, symbol: &Symbol, limits: &DossierLimits) -> Result<DossierData, String> {
    let text = |e: crate::store::StoreError| e.to_string();
    let mut data = DossierData::build(store.dossier_page(symbol, limits).map_err(text)?);
    data.aliases =
        store.ticker_aliases().map_err(text)?.into_iter().filter(|a| &a.symbol == symbol).map(|a| a.alias).collect();
    data.suppressed = store
        .ticker_suppressions()
        .map_err(text)?
        .into_iter()
        .filter(|s| &s.symbol == symbol)
        .map(|s| s.phrase)
        .collect();
    let shown: Vec<i64> = data.page.claims.iter().chain(&data.page.dated).map(|c| c.id).collect();
    let record = crate::session::claimants::ticker_record(store, symbol, &shown, data.today).map_err(text)?;
    let journal = store.journal_on_ticker(symbol, JOURNAL_MARKERS).map_err(text)?;
    let events = store.events(Some(symbol)).map_err(text)?;
    data.price = PriceChart::build(&PriceInputs {
        symbol,
        prices: &record.prices,
        claims: &data.page.dated,
        notes: &data.page.notes,
        journal: &journal,
        catalysts: &data.page.catalysts,
        events: &events,
        calls: &record.calls,
    });
    data.outcomes = record.calls.iter().map(|(id, call)| (*id, outcome_line(call))).collect();
    if data.page.issuer.as_ref().is_some_and(|i| i.listings.len() > 1) {
        let mut together = DossierData::build(store.issuer_dossier_page(symbol, limits).map_err(text)?);
        together.aliases = data.aliases.clone();
        together.suppressed = data.suppressed.clone();
        // The chart stays this listing's prices; calls on other listings keep no outcome here.
        together.price = data.price.clone();
        together.outcomes = data.outcomes.clone();
        data.together = Some(Box::new(together));
    }
    Ok(data)
}

/// The file source `id` holds, with its text page by page (not read again when it is the
/// `known` document).
fn source_document(
    store: &Store,
    id: i64,
    known: Option<i64>,
) -> Result<Option<SourceDocument>, crate::store::StoreError> {
    let Some(document) = store.source_document(id)? else { return Ok(None) };
    let pages = if known == Some(document.id) { Vec::new() } else { store.document_pages(document.id, None)? };
    Ok(Some(SourceDocument { document, pages }))
}

/// The most image bytes a note's preview holds: beyond it, images stay links.
const NOTE_IMAGE_BYTES: u64 = 40 << 20;

/// Note `note`'s attached images (PNG, JPEG, GIF, WebP), up to [`NOTE_IMAGE_BYTES`] in all,
/// each with the `bytes://` URI the preview shows it by (its hash, so a changed file is a new
/// image).
fn note_images(store: &Store, note: NoteId) -> Result<Vec<(String, String, Vec<u8>)>, crate::store::StoreError> {
    let mut images = Vec::new();
    let mut room = NOTE_IMAGE_BYTES;
    for attachment in store.note_attachments(note)? {
        let d = &attachment.document;
        if !d.media_type.is_image() || d.size > room {
            continue;
        }
        room -= d.size;
        let uri = format!("bytes://jevons-attachment/{}.{}", d.sha256, d.media_type.extension());
        images.push((attachment.target, uri, store.document_bytes(d.id)?));
    }
    Ok(images)
}

/// Every claimant's track record, judged today.
fn claimants(store: &Store) -> Result<ClaimantsData, String> {
    let today = chrono::Local::now().date_naive();
    Ok(ClaimantsData {
        records: crate::session::claimants::records(store, today).map_err(text)?,
        benchmark: store.benchmark().map_err(text)?,
        today,
    })
}

/// Journal entries marked on a dossier's price chart, the newest.
const JOURNAL_MARKERS: usize = 2_000;

/// A note's links with where they go, the notes linking to it and those mentioning it.
fn note_links(store: &Store, note: NoteId) -> Result<LinksData, String> {
    Ok(LinksData {
        links: store.note_links(note).map_err(text)?,
        backlinks: store.backlinks(note).map_err(text)?,
        mentions: store.mentions(note).map_err(text)?,
    })
}

fn sidebar(store: &Store) -> Result<SidebarData, String> {
    let text = |e: crate::store::StoreError| e.to_string();
    let (notes, trashed) = store.note_counts().map_err(text)?;
    let today = chrono::Local::now().date_naive();
    Ok(SidebarData {
        tickers: store.tickers().map_err(text)?,
        tags: store.tags().map_err(text)?,
        sources: store.sources().map_err(text)?,
        properties: store.properties_in_use(200, 50).map_err(text)?,
        saved: store.saved_searches().map_err(text)?,
        today: Some(today),
        due: Some(
            store
                .count_within(&query::parse_on("is:due", today).map_err(|e| e.to_string())?, SAVED_COUNT_BUDGET)
                .map_err(text)?,
        ),
        notes,
        trashed,
    })
}

/// Each saved search's count, counted for [`SAVED_COUNT_BUDGET`] at most (then a lower bound).
fn saved_counts(store: &Store, searches: &[(i64, String)]) -> Vec<(i64, Result<Total, String>)> {
    let count = |text: &str| {
        let query = query::parse(text).map_err(|e| e.to_string())?;
        store.count_within(&query, SAVED_COUNT_BUDGET).map_err(self::text)
    };
    searches.iter().map(|(id, text)| (*id, count(text))).collect()
}

/// Whether `request` serves a search older than the latest one of its scope: its answer would
/// be dropped, so it is not run.
fn of_older_search(request: &Request, latest: &Latest) -> bool {
    match request {
        Request::Search { generation, .. } | Request::More { generation, .. } | Request::Rows { generation, .. } => {
            *generation < latest.notes.load(Ordering::SeqCst)
        }
        Request::FindInSources { generation, .. }
        | Request::CountInSources { generation, .. }
        | Request::MoreInSources { generation, .. } => *generation < latest.sources.load(Ordering::SeqCst),
        _ => false,
    }
}

/// For each request in a batch, whether to run it: the newest of each kind is run (and every
/// `Open`, `Version` and `ForgetLexicon`, which are cheap and each matter).
pub(super) fn newest_of_each_kind(batch: &[Request]) -> Vec<bool> {
    let kind = |r: &Request| match r {
        Request::Open => 0,
        Request::Search { .. } => 1,
        Request::Rows { .. } => 2,
        Request::More { .. } => 12,
        Request::Count { .. } => 13,
        Request::TidyIndex => 14,
        Request::SavedCounts(_) => 15,
        Request::Sidebar => 3,
        Request::Dossier { .. } => 4,
        Request::Source { .. } => 5,
        Request::Revisions { .. } => 6,
        Request::Version { .. } => 7,
        Request::Complete { .. } => 8,
        Request::Analyse { .. } => 9,
        Request::LinkCandidates { .. } => 10,
        Request::ForgetLexicon => 11,
        Request::NoteLinks { .. } => 15,
        Request::CompleteTitle { .. } => 16,
        Request::Claimants => 17,
        Request::FindInSources { .. } => 18,
        Request::MoreInSources { .. } => 19,
        Request::CountInSources { .. } => 22,
        Request::NoteImages { .. } => 21,
        Request::OpenDocument { .. } => 20,
    };
    (0..batch.len())
        .map(|i| {
            let k = kind(&batch[i]);
            matches!(k, 0 | 7 | 11) || !batch[i + 1..].iter().any(|later| kind(later) == k)
        })
        .collect()
}
