//! Reads that can be slow at scale run here, off the frame: four threads ("lanes"), each with
//! its own read connection to the database (WAL lets them read while the app writes). The search
//! lane answers a query's pages (the first at once, later ones as the list scrolls) and result
//! rows; the count lane counts a query's matches when no kept total answers it, reporting a
//! lower bound as it goes; the research lane reads the open note's text (against a lexicon it
//! builds once) and builds ticker dossiers with their comparisons; the info lane opens the
//! database (creating it with the sample research when new) and answers everything else.
//! Replies come back over a channel and wake the window with `request_repaint`.
//!
//! A lane handles its queue in batches: of several waiting requests of one kind, only the newest
//! is run (typing a query quickly runs the last one only); the others are answered
//! [`Reply::Skipped`] with the request so the app's count of requests in flight stays exact.
//! A new search stops the stale search running on the search lane
//! ([`Worker::interrupt_search`]) and every count of an older search, running or queued
//! ([`Worker::stop_counts_before`]); they answer with an error or a partial count that the app
//! ignores as stale. Searches, pages and rows of an older search still queued are not run at
//! all (answered [`Reply::Skipped`]), so a new query never waits behind an old one's work.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::extract::Lexicon;
use crate::model::{Claim, NoteId, NoteSummary, Revision, Symbol, TagCount};
use crate::query::{self, Query};
use crate::store::{
    Cursor, DossierLimits, Page, SearchInterrupt, SourceCount, SourceDetail, Store, StoreError, TickerCount,
    TickerInfo, Total,
};
use crate::ui::dossier::state::DossierData;
use crate::ui::note::analysis::{NoteAnalysis, analyse_note};

/// How many completions the ticker fields offer.
pub const COMPLETIONS: usize = 8;
/// The search lane's SQLite page cache, in MB: the hot pages of the full-text index and feeds
/// (the operating system caches the rest of the file; with 16 MB here and 4 MB on each other
/// lane the real window peaked at 166 MB at a million notes, with these at 149 MB).
const SEARCH_CACHE_MB: u32 = 8;
/// How many results the first page of a search has.
pub const FIRST_PAGE: usize = 50;
/// How many results each later page (fetched as the list scrolls) has.
pub const NEXT_PAGE: usize = 200;
/// How often the count lane reports how far it has counted.
const COUNT_PROGRESS: Duration = Duration::from_millis(100);
/// The other lanes' page cache, in MB: counting and the sidebar's counts read each page once,
/// and dossiers read little (at 32 MB each the app's memory at a million notes was 200 MB).
const LANE_CACHE_MB: u32 = 1;
/// How many claims per ticker the claim form offers to link to.
pub const LINK_CANDIDATES: usize = 100;

pub enum Request {
    /// Open (or create, with the sample research) the database. Info lane.
    Open,
    Search {
        generation: u64,
        text: String,
    },
    /// The page after `cursor`. Search lane.
    More {
        generation: u64,
        query: Arc<Query>,
        cursor: Cursor,
    },
    /// Count the matches. Count lane.
    Count {
        generation: u64,
        query: Arc<Query>,
    },
    Rows {
        generation: u64,
        query: Arc<Query>,
        ids: Vec<NoteId>,
    },
    Sidebar,
    /// A ticker's dossier, its lists bounded by `limits`. Research lane.
    Dossier {
        symbol: Symbol,
        limits: DossierLimits,
    },
    /// Read the open note's body (ticket: the app's number for this request). Research lane.
    Analyse {
        ticket: u64,
        text: String,
    },
    /// The names a ticker goes by changed: build the lexicon again before the next reading.
    /// Research lane.
    ForgetLexicon,
    /// Claims on these tickers, for the claim form's links. Research lane.
    LinkCandidates {
        symbols: Vec<Symbol>,
    },
    Source {
        id: i64,
    },
    Revisions {
        note: NoteId,
    },
    Version {
        note: NoteId,
    },
    Complete {
        typed: String,
    },
    /// Merge a step of the full-text index (after opening and after an import). Info lane.
    TidyIndex,
}

/// What the sidebar lists.
#[derive(Default)]
pub struct SidebarData {
    pub tickers: Vec<TickerCount>,
    pub tags: Vec<TagCount>,
    pub sources: Vec<SourceCount>,
    pub notes: u64,
    pub trashed: u64,
}

/// A search's first page.
pub struct Found {
    pub query: Arc<Query>,
    pub page: Page,
    /// The number of matches when it is kept by triggers (else the app asks for a count).
    pub total: Option<u64>,
    pub took: Duration,
}

pub enum Reply {
    /// What the open under way is doing (sent before it starts; it does not answer the request).
    Opening(crate::database::Opening),
    Opened {
        took: Duration,
        /// Whether this open created the database (with the sample research).
        created: bool,
    },
    OpenFailed {
        message: String,
    },
    Searched {
        generation: u64,
        text: String,
        result: Result<Found, String>,
    },
    More {
        generation: u64,
        result: Result<Page, String>,
    },
    /// How far a count has got (sent while it runs; it does not answer the request).
    Counting {
        generation: u64,
        at_least: u64,
    },
    Counted {
        generation: u64,
        result: Result<Total, String>,
    },
    Rows {
        generation: u64,
        result: Result<Vec<NoteSummary>, String>,
    },
    Sidebar(Result<SidebarData, String>),
    Dossier {
        symbol: Symbol,
        result: Result<Box<DossierData>, String>,
    },
    Analysed {
        ticket: u64,
        result: Result<NoteAnalysis, String>,
    },
    LinkCandidates {
        symbols: Vec<Symbol>,
        result: Result<Vec<Claim>, String>,
    },
    Source {
        id: i64,
        result: Result<SourceDetail, String>,
    },
    Revisions {
        note: NoteId,
        result: Result<Vec<Revision>, String>,
    },
    Version {
        note: NoteId,
        result: Result<i64, String>,
    },
    Completed {
        typed: String,
        result: Vec<TickerInfo>,
    },
    LexiconForgotten,
    /// A step of merging the full-text index: whether there was anything to merge.
    IndexTidied(Result<bool, String>),
    /// A request made redundant by a newer one of the same kind, handed back unanswered.
    Skipped(Request),
}

impl Reply {
    /// Whether this reply answers a request (progress reports do not).
    fn answers(&self) -> bool {
        !matches!(self, Reply::Counting { .. } | Reply::Opening(_))
    }
}

/// How a lane's running statement can be stopped from the app's thread (set once it opens).
type Interrupter = Arc<Mutex<Option<SearchInterrupt>>>;

/// The lanes and the channel their replies come back on.
pub struct Worker {
    search: Sender<Request>,
    count: Sender<Request>,
    info: Sender<Request>,
    research: Sender<Request>,
    replies: Receiver<Reply>,
    in_flight: usize,
    stop_search: Interrupter,
    stop_count: Interrupter,
    /// The generation of the latest search: a count of an older one stops (or never starts).
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Starts the lanes over the database at `path`. Nothing is opened until [`Request::Open`].
    pub fn start(path: PathBuf, ctx: egui::Context) -> Self {
        let (reply_tx, replies) = channel();
        let stop_search = Interrupter::default();
        let stop_count = Interrupter::default();
        let latest = Arc::new(AtomicU64::new(0));
        let lane = |name: &str, cache_mb: u32, stop: Option<&Interrupter>, background: bool| {
            let mut lane = Lane::new(path.clone(), cache_mb, stop.cloned(), latest.clone());
            lane.background = background;
            spawn_lane(name, lane, reply_tx.clone(), ctx.clone())
        };
        let search = lane("jevons-search", SEARCH_CACHE_MB, Some(&stop_search), false);
        // Counting may take seconds at a million notes: it gives way to the frames and the
        // searches on a busy machine.
        let count = lane("jevons-count", LANE_CACHE_MB, Some(&stop_count), true);
        let research = lane("jevons-research", LANE_CACHE_MB, None, false);
        let info = lane("jevons-info", LANE_CACHE_MB, None, false);
        Self { search, count, info, research, replies, in_flight: 0, stop_search, stop_count, latest }
    }

    /// Stops the search running now on the search lane (a newer one makes it stale). Call it
    /// before sending the newer search: a lane that is idle has nothing to stop.
    pub fn interrupt_search(&self) {
        interrupt(&self.stop_search);
    }

    /// A search of `generation` begins: counts of older ones stop, running or queued.
    pub fn stop_counts_before(&self, generation: u64) {
        self.latest.store(generation, Ordering::SeqCst);
        interrupt(&self.stop_count);
    }

    pub fn send(&mut self, request: Request) {
        let lane = match request {
            Request::Search { .. } | Request::More { .. } | Request::Rows { .. } => &self.search,
            Request::Count { .. } => &self.count,
            Request::Dossier { .. }
            | Request::Analyse { .. }
            | Request::LinkCandidates { .. }
            | Request::ForgetLexicon => &self.research,
            _ => &self.info,
        };
        if lane.send(request).is_ok() {
            self.in_flight += 1;
        }
    }

    /// Replies that have arrived, without waiting.
    pub fn try_recv(&mut self) -> Option<Reply> {
        let reply = self.replies.try_recv().ok()?;
        self.answered(&reply);
        Some(reply)
    }

    fn answered(&mut self, reply: &Reply) {
        if reply.answers() {
            self.in_flight = self.in_flight.saturating_sub(1);
        }
    }

    /// The next reply, waiting up to `timeout` (tests and benchmarks use this to wait for the
    /// worker deterministically instead of sleeping).
    pub fn recv_timeout(&mut self, timeout: Duration) -> Option<Reply> {
        match self.replies.recv_timeout(timeout) {
            Ok(reply) => {
                self.answered(&reply);
                Some(reply)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// How many requests have not been answered yet.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }
}

fn interrupt(stop: &Interrupter) {
    if let Some(handle) = stop.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
        handle.interrupt();
    }
}

fn spawn_lane(name: &str, lane: Lane, replies: Sender<Reply>, ctx: egui::Context) -> Sender<Request> {
    let (tx, rx) = channel();
    let lane_replies = replies.clone();
    let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || lane.run(&rx, &lane_replies, &ctx));
    if let Err(err) = spawned {
        // Without a thread the requests are never answered; say so once, on the info channel.
        let _ = replies.send(Reply::OpenFailed { message: format!("cannot start a worker thread: {err}") });
    }
    tx
}

struct Lane {
    path: PathBuf,
    /// This lane's SQLite page cache, in MB.
    cache_mb: u32,
    store: Option<Store>,
    /// Built on the first analysis (research lane only): the reference names and the user's
    /// aliases and suppressions.
    lexicon: Option<Lexicon>,
    /// Where this lane publishes how to stop its running statement (search and count lanes).
    stop: Option<Interrupter>,
    /// The generation of the app's latest search (see [`Worker::stop_counts_before`]).
    latest: Arc<AtomicU64>,
    /// Whether this lane's thread runs at a lower priority than the window's.
    background: bool,
}

impl Lane {
    fn new(path: PathBuf, cache_mb: u32, stop: Option<Interrupter>, latest: Arc<AtomicU64>) -> Self {
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
                let stale = of_older_search(&request, self.latest.load(Ordering::SeqCst));
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
                let current = move || latest.load(Ordering::SeqCst) == generation;
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
            Request::Rows { generation, query, ids } => {
                let result = self.store().and_then(|s| s.summaries(&ids, &query).map_err(|e| e.to_string()));
                Reply::Rows { generation, result }
            }
            Request::Sidebar => Reply::Sidebar(self.store().and_then(sidebar)),
            Request::Dossier { symbol, limits } => {
                let result = self.store().and_then(|s| dossier(s, &symbol, &limits)).map(Box::new);
                Reply::Dossier { symbol, result }
            }
            Request::ForgetLexicon => {
                self.lexicon = None;
                Reply::LexiconForgotten
            }
            Request::Analyse { ticket, text } => {
                let result = self.lexicon().map(|lexicon| analyse_note(&text, lexicon));
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
            Request::Source { id } => {
                Reply::Source { id, result: self.store().and_then(|s| s.source_detail(id).map_err(|e| e.to_string())) }
            }
            Request::Revisions { note } => Reply::Revisions {
                note,
                result: self.store().and_then(|s| s.revisions(note).map_err(|e| e.to_string())),
            },
            Request::Version { note } => Reply::Version {
                note,
                result: self.store().and_then(|s| s.note_version(note).map_err(|e| e.to_string())),
            },
            Request::TidyIndex => Reply::IndexTidied(self.store_mut().and_then(|s| s.tidy_index().map_err(text))),
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

/// A ticker's dossier, with the names the user gave it and the matches they turned off.
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
    Ok(data)
}

fn sidebar(store: &Store) -> Result<SidebarData, String> {
    let text = |e: crate::store::StoreError| e.to_string();
    let (notes, trashed) = store.note_counts().map_err(text)?;
    Ok(SidebarData {
        tickers: store.tickers().map_err(text)?,
        tags: store.tags().map_err(text)?,
        sources: store.sources().map_err(text)?,
        notes,
        trashed,
    })
}

/// Whether `request` serves a search older than the latest one (`latest`, its generation): its
/// answer would be dropped, so it is not run.
fn of_older_search(request: &Request, latest: u64) -> bool {
    match request {
        Request::Search { generation, .. } | Request::More { generation, .. } | Request::Rows { generation, .. } => {
            *generation < latest
        }
        _ => false,
    }
}

/// For each request in a batch, whether to run it: the newest of each kind is run (and every
/// `Open`, `Version` and `ForgetLexicon`, which are cheap and each matter).
fn newest_of_each_kind(batch: &[Request]) -> Vec<bool> {
    let kind = |r: &Request| match r {
        Request::Open => 0,
        Request::Search { .. } => 1,
        Request::Rows { .. } => 2,
        Request::More { .. } => 12,
        Request::Count { .. } => 13,
        Request::TidyIndex => 14,
        Request::Sidebar => 3,
        Request::Dossier { .. } => 4,
        Request::Source { .. } => 5,
        Request::Revisions { .. } => 6,
        Request::Version { .. } => 7,
        Request::Complete { .. } => 8,
        Request::Analyse { .. } => 9,
        Request::LinkCandidates { .. } => 10,
        Request::ForgetLexicon => 11,
    };
    (0..batch.len())
        .map(|i| {
            let k = kind(&batch[i]);
            matches!(k, 0 | 7 | 11) || !batch[i + 1..].iter().any(|later| kind(later) == k)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_request_of_a_kind_runs() {
        let batch = [
            Request::Search { generation: 1, text: "n".into() },
            Request::Sidebar,
            Request::Search { generation: 2, text: "nv".into() },
            Request::Version { note: 1 },
            Request::Version { note: 1 },
            Request::Open,
        ];
        assert_eq!(newest_of_each_kind(&batch), [false, true, true, true, true, true]);
    }

    #[test]
    fn queued_work_of_an_older_search_is_skipped_and_the_newest_search_answered() {
        let dir = tempfile::tempdir().unwrap();
        let mut worker = Worker::start(dir.path().join("research.db"), egui::Context::default());
        worker.send(Request::Open);
        assert!(matches!(worker.recv_timeout(Duration::from_secs(30)), Some(Reply::Opened { .. })));
        // Search 2 began before the lane saw anything of search 1.
        worker.stop_counts_before(2);
        let query = Arc::new(query::parse("nvidia").unwrap());
        worker.send(Request::Search { generation: 1, text: "nvidi".into() });
        worker.send(Request::Rows { generation: 1, query, ids: vec![1, 2] });
        worker.send(Request::Search { generation: 2, text: "nvidia".into() });
        let mut skipped = Vec::new();
        let mut found = None;
        while worker.in_flight() > 0 {
            match worker.recv_timeout(Duration::from_secs(30)).expect("a reply") {
                Reply::Skipped(Request::Search { generation, .. }) => skipped.push(("search", generation)),
                Reply::Skipped(Request::Rows { generation, .. }) => skipped.push(("rows", generation)),
                Reply::Searched { generation, result, .. } => {
                    found = Some((generation, result.map(|f| f.page.results.len())))
                }
                _ => panic!("an unexpected reply"),
            }
        }
        assert_eq!(skipped, [("search", 1), ("rows", 1)]);
        let (generation, rows) = found.expect("the newest search answered");
        assert_eq!(generation, 2);
        assert!(rows.unwrap() > 0, "the sample research mentions NVIDIA");
    }
}
