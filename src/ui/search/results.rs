//! The result list: the ids of the matches loaded so far, page by page (the first page with the
//! search, the next ones as the list nears its end, each continuing after the last by keyset:
//! scrolling never asks for every id), the total as it becomes known, and the rows (title,
//! snippet, tickers, date) cached near the visible window. Only the rows on screen are laid
//! out, so a frame costs the same for ten results or a million.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{CornerRadius, FontId, Pos2, Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use crate::model::{NoteId, NoteSummary, Symbol};
use crate::query::Query;
use crate::store::{Cursor, Page, Total};
use crate::ui::action::Action;
use crate::ui::note::actions::TrashAction;
use crate::ui::search::list_rows::{
    TITLE_SIZE, fitting_bytes, list_area, marked_line, one_line, placeholder_bars, row_background,
};
use crate::ui::widgets::theme::{self, Palette};
use crate::ui::worker::Found;

/// Height of one result row, in points.
pub const ROW_HEIGHT: f32 = 62.0;
/// Rows fetched beyond the visible ones, above and below.
const MARGIN_ROWS: usize = 40;
/// Cached rows kept at most; farther ones are dropped first.
const CACHE_ROWS: usize = 2_000;
/// The next page is asked for when the visible rows come this close to the last loaded one.
const PAGE_AHEAD: usize = 30;
const MAX_CHIPS: usize = 4;

#[derive(Default)]
pub struct Results {
    /// Increases with every search; replies for older ones are ignored.
    pub generation: u64,
    /// The query text of the latest search.
    pub text: String,
    pub query: Option<Arc<Query>>,
    /// The ids of the results loaded so far, in order.
    pub ids: Vec<NoteId>,
    /// Where the next page starts (`None`: every result is loaded).
    next: Option<Cursor>,
    /// Whether the next page has been asked for.
    more_requested: bool,
    /// How many notes match, once known (exact or, while counting, a lower bound).
    pub total: Option<Total>,
    /// Whether the total still has to be counted (a count is asked for).
    pub counting: bool,
    pub rows: HashMap<NoteId, NoteSummary>,
    /// Rows of an earlier run of the same search, shown until fresh ones arrive (no flicker
    /// after a save).
    stale: HashMap<NoteId, NoteSummary>,
    requested: HashSet<NoteId>,
    pub pending: bool,
    /// When the latest search went to the worker.
    pub sent_at: Option<Instant>,
    pub error: Option<String>,
    pub took: Option<Duration>,
    pub selected: Option<usize>,
    pub scroll_to_selected: bool,
    /// Height of the list's viewport in the last frame.
    viewport_height: f32,
    /// The rows on screen in the last frame (cached rows far from them are dropped).
    visible: Range<usize>,
}

impl Results {
    /// A search was sent: results stay on screen until it answers.
    pub fn start(&mut self, text: String) {
        self.generation += 1;
        self.text = text;
        self.pending = true;
        self.more_requested = false;
    }

    /// Keeps the current rows as stale copies while the same search runs again.
    pub fn keep_rows_from(&mut self, _generation: u64) {
        let rows = std::mem::take(&mut self.rows);
        self.stale.extend(rows);
        self.requested.clear();
    }

    /// The worker answered the latest search with its first page. Returns the query when its
    /// total has to be counted.
    pub fn found(
        &mut self,
        text: String,
        result: Result<Found, String>,
        open_note: Option<NoteId>,
    ) -> Option<Arc<Query>> {
        self.pending = false;
        match result {
            Ok(found) => {
                let same_query = self.query.as_ref().is_some_and(|q| **q == *found.query);
                if same_query {
                    self.stale.extend(std::mem::take(&mut self.rows));
                } else {
                    self.stale.clear();
                    self.rows.clear();
                }
                self.requested.clear();
                let previous = self.selected.and_then(|row| self.ids.get(row).copied());
                self.ids.clear();
                self.next = None;
                self.more_requested = false;
                self.add_page(found.page);
                self.total = Some(match found.total {
                    Some(n) => Total::Exact(n),
                    None => Total::AtLeast(self.ids.len() as u64),
                });
                self.counting = found.total.is_none();
                self.query = Some(found.query);
                self.took = Some(found.took);
                self.error = None;
                self.text = text;
                let keep = open_note.or(previous);
                self.selected = keep.and_then(|id| self.row_of(id));
                self.counting.then(|| self.query.clone()).flatten()
            }
            Err(message) => {
                self.error = Some(message);
                None
            }
        }
    }

    fn add_page(&mut self, page: Page) {
        for row in page.results {
            self.ids.push(row.id);
            self.stale.remove(&row.id);
            self.rows.insert(row.id, row);
        }
        self.next = page.next;
        self.evict();
        if self.next.is_none() {
            let loaded = self.ids.len() as u64;
            if self.total.is_none_or(|t| !t.is_exact() || t.value() != loaded) {
                self.total = Some(Total::Exact(loaded));
                self.counting = false;
            }
        }
    }

    /// The next page of the latest search arrived.
    pub fn more_arrived(&mut self, result: Result<Page, String>) {
        self.more_requested = false;
        match result {
            Ok(page) => {
                self.add_page(page);
                if let Some(Total::AtLeast(n)) = self.total {
                    self.total = Some(Total::AtLeast(n.max(self.ids.len() as u64)));
                }
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// The count of the latest search has got this far.
    pub fn counting_at(&mut self, at_least: u64) {
        if self.counting {
            self.total = Some(Total::AtLeast(at_least.max(self.ids.len() as u64)));
        }
    }

    /// The count of the latest search finished.
    pub fn counted(&mut self, result: Result<Total, String>) {
        self.counting = false;
        match result {
            Ok(total) => self.total = Some(total),
            Err(message) => self.error = Some(format!("Cannot count the results: {message}")),
        }
    }

    /// Whether more results exist beyond those loaded.
    pub fn has_more(&self) -> bool {
        self.next.is_some()
    }

    /// The page to ask for when the visible rows near the last loaded one.
    pub fn more_to_fetch(&mut self, visible: &Range<usize>) -> Option<(Arc<Query>, Cursor)> {
        self.visible = visible.clone();
        if self.more_requested || self.pending || visible.end + PAGE_AHEAD < self.ids.len() {
            return None;
        }
        let cursor = self.next.clone()?;
        let query = self.query.clone()?;
        self.more_requested = true;
        Some((query, cursor))
    }

    /// A request for the next page was dropped for a newer one: it may be asked again.
    pub fn forget_more(&mut self) {
        self.more_requested = false;
    }

    /// The rows around `visible` that are neither cached nor asked for: what to ask the worker.
    pub fn rows_to_fetch(&mut self, visible: Range<usize>) -> Option<(Arc<Query>, Vec<NoteId>)> {
        let query = self.query.clone()?;
        let visible = visible.start.min(self.ids.len())..visible.end.min(self.ids.len());
        let missing = |r: &Self, id: &NoteId| !r.rows.contains_key(id) && !r.requested.contains(id);
        if !self.ids[visible.clone()].iter().any(|id| missing(self, id)) {
            return None;
        }
        let window = visible.start.saturating_sub(MARGIN_ROWS)..(visible.end + MARGIN_ROWS).min(self.ids.len());
        let wanted: Vec<NoteId> = self.ids[window].iter().copied().filter(|id| missing(self, id)).collect();
        self.requested.extend(wanted.iter().copied());
        self.visible = visible;
        self.evict();
        Some((query, wanted))
    }

    /// Drops cached rows far from what is visible once the cache is large.
    fn evict(&mut self) {
        if self.rows.len() <= CACHE_ROWS {
            return;
        }
        let visible = self.visible.clone();
        let end = (visible.end + CACHE_ROWS / 4).min(self.ids.len());
        let keep = visible.start.saturating_sub(CACHE_ROWS / 4).min(end)..end;
        let near: HashSet<NoteId> = self.ids[keep].iter().copied().collect();
        self.rows.retain(|id, _| near.contains(id));
        self.stale.clear();
    }

    pub fn rows_arrived(&mut self, rows: Vec<NoteSummary>) {
        for row in rows {
            self.requested.remove(&row.id);
            self.stale.remove(&row.id);
            self.rows.insert(row.id, row);
        }
    }

    /// A request for these rows was dropped for a newer one: they may be asked again.
    pub fn forget_requested(&mut self, ids: &[NoteId]) {
        for id in ids {
            self.requested.remove(id);
        }
    }

    /// A note changed: fetch its row again (showing the old one meanwhile).
    pub fn invalidate(&mut self, id: NoteId) {
        if let Some(row) = self.rows.remove(&id) {
            self.stale.insert(id, row);
        }
        self.requested.remove(&id);
    }

    pub fn row(&self, id: NoteId) -> Option<&NoteSummary> {
        self.rows.get(&id).or_else(|| self.stale.get(&id))
    }

    pub fn select(&mut self, row: usize) {
        if row < self.ids.len() {
            self.selected = Some(row);
        }
    }

    /// The row `delta` away from the selected one (the first row when none is selected).
    pub fn step(&self, delta: i64) -> Option<usize> {
        if self.ids.is_empty() {
            return None;
        }
        let last = self.ids.len() - 1;
        Some(match self.selected {
            None => 0,
            Some(row) => (row as i64 + delta).clamp(0, last as i64) as usize,
        })
    }

    /// The row of a note in the results (a scan: called on clicks, not every frame).
    pub fn row_of(&self, id: NoteId) -> Option<usize> {
        self.ids.iter().position(|&found| found == id)
    }

    pub fn wants_trash(&self) -> bool {
        self.query.as_ref().is_some_and(|q| q.wants_trash())
    }
}

/// Draws the result list. Returns the range of rows on screen.
pub fn results_ui(ui: &mut Ui, results: &mut Results, actions: &mut Vec<Action>) -> Range<usize> {
    let p = Palette::of(ui);
    header_ui(ui, results, actions);
    ui.add_space(2.0);
    if results.ids.is_empty() {
        if !results.pending {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                let text = if results.wants_trash() { "The trash is empty." } else { "No notes match." };
                ui.label(egui::RichText::new(text).color(p.muted));
            });
        }
        return 0..0;
    }
    ui.spacing_mut().item_spacing.y = 0.0;
    let selected = results.selected.filter(|_| std::mem::take(&mut results.scroll_to_selected));
    let area = list_area(ui, "results-list", ROW_HEIGHT, selected, results.viewport_height);
    let mut visible = 0..0;
    // One more row while pages remain: a placeholder until the next page arrives.
    let shown = results.ids.len() + usize::from(results.has_more());
    let output = area.show_rows(ui, ROW_HEIGHT, shown, |ui, rows| {
        visible = rows.clone();
        for row in rows {
            let id = results.ids.get(row).copied();
            let summary = id.and_then(|id| results.row(id));
            let selected = results.selected == Some(row);
            row_ui(ui, row, summary, selected, actions);
        }
    });
    results.viewport_height = output.inner_rect.height();
    visible
}

fn header_ui(ui: &mut Ui, results: &Results, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        let (count, noun) = match results.total {
            Some(Total::Exact(n)) => (theme::count(n), if n == 1 { "note" } else { "notes" }),
            Some(Total::AtLeast(n)) => (format!("{}+", theme::count(n)), "notes"),
            None => (theme::count(results.ids.len() as u64), "notes"),
        };
        let label = if results.wants_trash() { format!("{count} in the trash") } else { format!("{count} {noun}") };
        ui.label(egui::RichText::new(label).strong());
        if results.counting && !results.pending {
            ui.label(theme::muted("counting…").color(p.muted));
        }
        if let Some(took) = results.took {
            ui.label(theme::muted(format!("{} ms", took.as_millis())).color(p.faint));
        }
        if results.pending {
            ui.add(egui::Spinner::new().size(12.0));
            ui.label(theme::muted("searching…").color(p.muted));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if results.wants_trash() && !results.ids.is_empty() && ui.small_button("Empty trash…").clicked() {
                actions.push(Action::Trash(TrashAction::AskEmpty));
            }
            if !results.wants_trash()
                && !results.text.trim().is_empty()
                && ui
                    .small_button("Save search")
                    .on_hover_text("Keep this query in the sidebar, with its count")
                    .clicked()
            {
                actions.push(Action::AskSaveSearch);
            }
        });
    });
    if let Some(error) = &results.error {
        ui.label(egui::RichText::new(error).small().color(p.warn));
    }
}

/// One result row, painted directly (no nested widgets but the ticker chips). Texts are cut to
/// what can fit before they are laid out: a row that scrolls into view shapes about one line of
/// text per field, not the whole 200-character snippet.
fn row_ui(ui: &mut Ui, row: usize, summary: Option<&NoteSummary>, selected: bool, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, ROW_HEIGHT), Sense::click());
    response.widget_info(|| {
        let title = summary.map_or("…", |s| title_or_untitled(&s.title));
        WidgetInfo::selected(Role::Button, true, selected, title)
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = row_background(ui, rect, &response, selected, &p);
    let left = rect.left() + 10.0;
    let right = rect.right() - 8.0;
    let Some(summary) = summary else {
        placeholder_bars(&painter, rect, [10.0, 30.0], &p);
        return;
    };
    let date_galley = painter.layout_no_wrap(theme::date(&summary.updated_at), FontId::monospace(11.0), p.muted);
    let date_pos = Pos2::new(right - date_galley.size().x, rect.top() + 8.0);
    painter.galley(date_pos, date_galley, p.muted);
    let title_width = (date_pos.x - left - 8.0).max(20.0);
    let title = title_or_untitled(&summary.title);
    let title_galley = painter.layout_job(one_line(title, FontId::proportional(TITLE_SIZE), p.text, title_width));
    painter.galley(Pos2::new(left, rect.top() + 6.0), title_galley, p.text);
    let snippet = marked_line(&summary.snippet, &summary.highlights, &p, right - left);
    painter.galley(Pos2::new(left, rect.top() + 25.0), painter.layout_job(snippet), p.muted);
    let mut x = left;
    let y = rect.top() + 42.0;
    for (i, symbol) in summary.tickers.iter().take(MAX_CHIPS).enumerate() {
        let galley = painter.layout_no_wrap(symbol.clone(), FontId::monospace(10.5), p.text);
        let chip = Rect::from_min_size(Pos2::new(x, y), Vec2::new(galley.size().x + 10.0, 15.0));
        if chip.right() > right {
            break;
        }
        let chip_response = ui.interact(chip, response.id.with(("chip", i)), Sense::click());
        chip_response.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("Open the {symbol} dossier")));
        let fill = if chip_response.hovered() { p.chip_line } else { p.chip };
        painter.rect(chip, CornerRadius::same(3), fill, Stroke::new(1.0, p.chip_line), egui::StrokeKind::Inside);
        painter.galley(chip.center() - galley.size() / 2.0, galley, p.text);
        if chip_response.clicked()
            && let Ok(symbol) = Symbol::parse(symbol)
        {
            actions.push(Action::OpenDossier(symbol));
        }
        x = chip.right() + 4.0;
    }
    if summary.tickers.len() > MAX_CHIPS {
        let more = format!("+{}", summary.tickers.len() - MAX_CHIPS);
        let galley = painter.layout_no_wrap(more, FontId::monospace(10.5), p.muted);
        painter.galley(Pos2::new(x, y + 1.0), galley, p.muted);
        x += 24.0;
    }
    if !summary.tags.is_empty() && x < right - 30.0 {
        let width = right - x - 6.0;
        let mut tags = String::new();
        for tag in &summary.tags {
            if tags.len() > fitting_bytes(TAGS_SIZE, width) {
                break;
            }
            if !tags.is_empty() {
                tags.push_str("  ");
            }
            tags.push('#');
            tags.push_str(tag);
        }
        let galley = painter.layout_job(one_line(&tags, FontId::proportional(TAGS_SIZE), p.muted, width));
        painter.galley(Pos2::new(x + 4.0, y + 1.0), galley, p.muted);
    }
    if response.clicked() {
        actions.push(Action::SelectResult { row, open: true });
    }
}

const TAGS_SIZE: f32 = 11.5;

fn title_or_untitled(title: &str) -> &str {
    if title.trim().is_empty() { "Untitled" } else { title }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteDraft;
    use crate::store::Store;

    /// A store with `n` notes that all say "filler", and that query.
    fn store(n: usize) -> (Store, Arc<Query>) {
        let mut store = Store::open_in_memory().unwrap();
        let mut batch = store.batch().unwrap();
        for i in 0..n {
            batch.create_note(&NoteDraft::new(format!("note {i}"), "filler")).unwrap();
        }
        batch.commit().unwrap();
        (store, Arc::new(crate::query::parse("$NOPE OR filler").unwrap()))
    }

    fn found(store: &Store, query: &Arc<Query>) -> Result<Found, String> {
        let page = store.page(query, None, 50).unwrap();
        Ok(Found { query: query.clone(), page, total: None, took: Duration::ZERO })
    }

    #[test]
    fn the_next_page_is_asked_for_as_the_list_nears_its_end() {
        let (store, query) = store(400);
        let mut results = Results::default();
        results.start(String::new());
        assert!(results.found(String::new(), found(&store, &query), None).is_some(), "the total is to be counted");
        assert_eq!((results.ids.len(), results.total), (50, Some(Total::AtLeast(50))));
        assert!(results.more_to_fetch(&(0..10)).is_none(), "the first page covers the view");
        let (_, cursor) = results.more_to_fetch(&(20..30)).expect("the next page");
        assert!(results.more_to_fetch(&(20..30)).is_none(), "already asked for");
        results.more_arrived(Ok(store.page(&query, Some(&cursor), 200).unwrap()));
        assert_eq!(results.ids.len(), 250);
        assert!(results.more_to_fetch(&(0..10)).is_none(), "far from the end");
        let (_, cursor) = results.more_to_fetch(&(220..230)).expect("near the end");
        results.more_arrived(Ok(store.page(&query, Some(&cursor), 200).unwrap()));
        assert_eq!(results.ids.len(), 400);
        assert_eq!(results.total, Some(Total::Exact(400)), "the last page tells the total");
        assert!(!results.has_more() && !results.counting);
        let mut all = results.ids.clone();
        all.dedup();
        assert_eq!(all.len(), 400, "no row twice");
    }

    #[test]
    fn a_count_shows_a_lower_bound_then_the_total() {
        let (store, query) = store(60);
        let mut results = Results::default();
        results.start(String::new());
        results.found(String::new(), found(&store, &query), None);
        results.counting_at(55);
        assert_eq!(results.total, Some(Total::AtLeast(55)));
        results.counted(Ok(Total::Exact(60)));
        assert_eq!(results.total, Some(Total::Exact(60)));
        assert!(!results.counting);
    }

    #[test]
    fn a_changed_row_is_fetched_again() {
        let (store, query) = store(30);
        let mut results = Results::default();
        results.found(String::new(), found(&store, &query), None);
        assert!(results.rows_to_fetch(0..10).is_none(), "the first page came with its rows");
        let id = results.ids[3];
        results.invalidate(id);
        let (_, ids) = results.rows_to_fetch(0..10).expect("rows");
        assert_eq!(ids, [id]);
        results.forget_requested(&ids);
        assert!(results.rows_to_fetch(0..10).is_some(), "a skipped request is asked again");
    }

    #[test]
    fn the_selection_follows_the_open_note_across_searches() {
        let (store, query) = store(3);
        let mut results = Results::default();
        results.found(String::new(), found(&store, &query), Some(2));
        assert_eq!(results.ids.get(results.selected.unwrap()), Some(&2));
        assert_eq!(results.step(-5), Some(0));
        assert_eq!(results.step(5), Some(2));
    }
}
