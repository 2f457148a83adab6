//! Reads that can be slow at scale run here, off the frame: four threads ("lanes"), each with
//! its own read connection to the database (WAL lets them read while the app writes). The search
//! lane answers a query's pages (the first at once, later ones as the list scrolls) and result
//! rows; the count lane counts a query's matches when no kept total answers it, reporting a
//! lower bound as it goes; the research lane reads the open note's text (against a lexicon it
//! builds once) and builds ticker dossiers with their comparisons; the info lane opens the
//! database (creating it with the sample research when new) and answers everything else.
//! Replies come back over a channel and wake the window with `request_repaint`. This file holds
//! what the app sees (requests, replies, [`Worker`]); `worker/lane.rs` holds a lane's thread.
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
use std::time::Duration;

mod lane;
mod source_search;

use lane::{Lane, interrupt, spawn_lane};
pub use source_search::SourcesFound;

use crate::extract::Lexicon;
use crate::model::{Claim, NoteId, NoteSummary, PropertyInUse, Revision, SavedSearch, Symbol, TagCount};
use crate::query::{self, Query};
use crate::store::{
    Cursor, DossierLimits, LinkedNote, Page, SearchInterrupt, SourceCount, SourceDetail, Store, StoreError,
    TickerCount, TickerInfo, Total,
};
use crate::ui::claimants::state::ClaimantsData;
use crate::ui::dossier::state::DossierData;
use crate::ui::note::analysis::{NoteAnalysis, analyse_note};
use crate::ui::note::links::LinksData;

/// How many completions the ticker fields offer.
pub const COMPLETIONS: usize = 8;

/// How many titles are offered after `[[` (more than fit in view, narrowed as typing goes on).
pub const TITLE_COMPLETIONS: usize = 20;
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
/// How long one saved search's count in the sidebar may take before it shows a lower bound.
const SAVED_COUNT_BUDGET: Duration = Duration::from_millis(60);
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
    /// Count the matches of each saved search (id, query), each for a moment at most. Count lane.
    SavedCounts(Vec<(i64, String)>),
    /// A ticker's dossier, its lists bounded by `limits`. Research lane.
    Dossier {
        symbol: Symbol,
        limits: DossierLimits,
    },
    /// Every claimant's track record. Research lane.
    Claimants,
    /// Read the open note's body (ticket: the app's number for this request). Research lane.
    Analyse {
        ticket: u64,
        text: String,
        /// The day its relative dates are read against.
        anchor: Option<crate::ui::note::analysis::DateAnchor>,
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
        /// The document whose pages the view holds already: when the source still holds it, its
        /// pages are not read again (a refresh after a write elsewhere).
        known: Option<i64>,
    },
    /// The PNG and JPEG files attached to note `note`, for its preview. Info lane.
    NoteImages {
        note: NoteId,
    },
    /// Write a copy of source `source`'s file and start a viewer on it at `page`. Info lane.
    OpenDocument {
        source: i64,
        page: u32,
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
    /// A note's links, backlinks and mentions.
    NoteLinks {
        note: NoteId,
    },
    /// Titles starting with what was typed after `[[`.
    CompleteTitle {
        typed: String,
    },
    /// Merge a step of the full-text index (after opening and after an import). Info lane.
    TidyIndex,
    /// Find pages of the sources' documents: the first page, with the total when the first
    /// page holds every match. Search lane.
    FindInSources {
        generation: u64,
        text: String,
    },
    /// Count the pages of the sources' documents a source search matches (asked for when its
    /// first page is shown). Search lane, so the next keystroke stops it.
    CountInSources {
        generation: u64,
        query: Arc<Query>,
    },
    /// The matching pages of the sources' documents after the first `offset`. Search lane.
    MoreInSources {
        generation: u64,
        query: Arc<Query>,
        offset: usize,
    },
}

/// What the sidebar lists.
#[derive(Default)]
pub struct SidebarData {
    pub tickers: Vec<TickerCount>,
    pub tags: Vec<TagCount>,
    pub sources: Vec<SourceCount>,
    /// Property keys and some of their values, for the properties panel's completion.
    pub properties: Vec<PropertyInUse>,
    pub saved: Vec<SavedSearch>,
    /// Live notes due for review (`is:due`), a lower bound when counting took too long.
    pub due: Option<Total>,
    /// The local day `due` was counted on (what the window says a review is due against);
    /// `None` until the worker has read the sidebar.
    pub today: Option<chrono::NaiveDate>,
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

/// The file a source holds and its text, page by page, as the worker read them.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDocument {
    pub document: crate::model::Document,
    pub pages: Vec<crate::store::DocumentPage>,
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
    /// Each saved search's count (a lower bound when counting took too long).
    SavedCounts(Vec<(i64, Result<Total, String>)>),
    Dossier {
        symbol: Symbol,
        result: Result<Box<DossierData>, String>,
    },
    Claimants(Result<Box<ClaimantsData>, String>),
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
        /// The file the source holds, with its text by page (none: no file). Its `pages` are
        /// empty when they are those of the document the request said the view knows.
        document: Result<Option<SourceDocument>, String>,
    },
    /// The images attached to a note: (link target, URI, bytes), the URI unique to the file.
    NoteImages {
        note: NoteId,
        result: Result<Vec<(String, String, Vec<u8>)>, String>,
    },
    /// What opening a source's file in a viewer did.
    DocumentOpened(Result<crate::io::viewer::Opened, String>),
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
    NoteLinks {
        note: NoteId,
        result: Result<LinksData, String>,
    },
    TitlesCompleted {
        typed: String,
        result: Vec<LinkedNote>,
    },
    LexiconForgotten,
    /// A step of merging the full-text index: whether there was anything to merge.
    IndexTidied(Result<bool, String>),
    FoundInSources {
        generation: u64,
        text: String,
        result: Result<SourcesFound, String>,
    },
    MoreInSources {
        generation: u64,
        result: Result<Vec<crate::store::PageHit>, String>,
    },
    CountedInSources {
        generation: u64,
        result: Result<u64, String>,
    },
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

/// The generation of the app's latest notes' search and latest source search.
#[derive(Debug, Default)]
pub(crate) struct Latest {
    pub notes: AtomicU64,
    pub sources: AtomicU64,
}

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
    /// The generations of the latest searches: a request of an older one stops (or never
    /// starts).
    latest: Arc<Latest>,
}

impl Worker {
    /// Starts the lanes over the database at `path`. Nothing is opened until [`Request::Open`].
    pub fn start(path: PathBuf, ctx: egui::Context) -> Self {
        let (reply_tx, replies) = channel();
        let stop_search = Interrupter::default();
        let stop_count = Interrupter::default();
        let latest = Arc::new(Latest::default());
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
        self.latest.notes.store(generation, Ordering::SeqCst);
        interrupt(&self.stop_count);
    }

    /// A source search of `generation` begins: the lane skips the requests of older ones
    /// still queued (their first pages, counts and later pages).
    pub fn source_search_started(&self, generation: u64) {
        self.latest.sources.store(generation, Ordering::SeqCst);
    }

    pub fn send(&mut self, request: Request) {
        let lane = match request {
            Request::Search { .. }
            | Request::More { .. }
            | Request::Rows { .. }
            | Request::FindInSources { .. }
            | Request::MoreInSources { .. }
            | Request::CountInSources { .. } => &self.search,
            Request::Count { .. } | Request::SavedCounts(_) => &self.count,
            Request::Dossier { .. }
            | Request::Claimants
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

#[cfg(test)]
mod tests {
    use super::lane::newest_of_each_kind;
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
        // First what the open is about to do (a progress report), then the answer.
        assert!(matches!(
            worker.recv_timeout(Duration::from_secs(30)),
            Some(Reply::Opening(crate::database::Opening::Create))
        ));
        assert_eq!(worker.in_flight(), 1, "a progress report answers nothing");
        assert!(matches!(worker.recv_timeout(Duration::from_secs(30)), Some(Reply::Opened { created: true, .. })));
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

    #[test]
    fn queued_work_of_an_older_source_search_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let mut worker = Worker::start(dir.path().join("research.db"), egui::Context::default());
        worker.send(Request::Open);
        while worker.in_flight() > 0 {
            worker.recv_timeout(Duration::from_secs(30)).expect("a reply");
        }
        worker.source_search_started(3);
        let query = Arc::new(query::parse("margin").unwrap());
        worker.send(Request::CountInSources { generation: 2, query: query.clone() });
        worker.send(Request::MoreInSources { generation: 2, query, offset: 50 });
        worker.send(Request::FindInSources { generation: 3, text: "margins".into() });
        let mut skipped = Vec::new();
        let mut found = None;
        while worker.in_flight() > 0 {
            match worker.recv_timeout(Duration::from_secs(30)).expect("a reply") {
                Reply::Skipped(Request::CountInSources { generation, .. }) => skipped.push(("count", generation)),
                Reply::Skipped(Request::MoreInSources { generation, .. }) => skipped.push(("more", generation)),
                Reply::FoundInSources { generation, result, .. } => found = Some((generation, result.is_ok())),
                _ => panic!("an unexpected reply"),
            }
        }
        assert_eq!(skipped, [("count", 2), ("more", 2)]);
        assert_eq!(found, Some((3, true)), "the newest source search answered");
    }
}
