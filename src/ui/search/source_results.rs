//! The result list in the sources scope ("Find in sources"): one row per matching page of a
//! source's document (title, page, snippet with the matched words marked), best match first as
//! `jevons source find` orders them. The first page comes with the search and its total; the
//! next ones as the list nears its end. Only the rows on screen are laid out.

use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{FontId, Pos2, Role, Sense, Ui, Vec2, WidgetInfo};

use crate::query::Query;
use crate::store::PageHit;
use crate::ui::action::Action;
use crate::ui::search::list_rows::{TITLE_SIZE, list_area, marked_line, one_line, placeholder_bars, row_background};
use crate::ui::widgets::theme::{self, Palette};
use crate::ui::worker::SourcesFound;

/// Height of one row, in points.
pub const ROW_HEIGHT: f32 = 46.0;
/// The next page is asked for when the visible rows come this close to the last loaded one.
const PAGE_AHEAD: usize = 30;

#[derive(Default)]
pub struct SourceResults {
    /// Increases with every source search; replies for older ones are ignored.
    pub generation: u64,
    /// The query text of the latest source search.
    pub text: String,
    query: Option<Arc<Query>>,
    /// The matching pages loaded so far, in order.
    pub hits: Vec<PageHit>,
    /// How many pages match in all (with the first page when it holds them all, else once
    /// counted).
    pub total: Option<u64>,
    /// Whether the next page has been asked for.
    more_requested: bool,
    pub pending: bool,
    /// When the latest search went to the worker.
    pub sent_at: Option<Instant>,
    pub error: Option<String>,
    pub took: Option<Duration>,
    pub selected: Option<usize>,
    pub scroll_to_selected: bool,
    /// Height of the list's viewport in the last frame.
    viewport_height: f32,
}

impl SourceResults {
    /// A search was sent: the rows stay on screen until it answers.
    pub fn start(&mut self, text: String) {
        self.generation += 1;
        self.text = text;
        self.pending = true;
        self.more_requested = false;
    }

    /// The worker answered the latest search with its first page.
    pub fn found(&mut self, text: String, result: Result<SourcesFound, String>) {
        self.pending = false;
        match result {
            Ok(found) => {
                let previous = self.selected_hit();
                self.hits = found.hits;
                self.total = found.total;
                self.query = Some(found.query);
                self.took = Some(found.took);
                self.error = None;
                self.text = text;
                self.more_requested = false;
                self.selected = previous.and_then(|(id, page)| self.row_of(id, page));
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// The next page of the latest search arrived.
    pub fn more_arrived(&mut self, result: Result<Vec<PageHit>, String>) {
        self.more_requested = false;
        match result {
            // A page that brings nothing ends the list even if the total said more (the
            // documents changed meanwhile).
            Ok(hits) if hits.is_empty() => self.total = Some(self.hits.len() as u64),
            Ok(hits) => self.hits.extend(hits),
            Err(message) => self.error = Some(message),
        }
    }

    /// The total of the latest search, counted after its first page.
    pub fn counted(&mut self, result: Result<u64, String>) {
        match result {
            Ok(total) => self.total = Some(total),
            Err(message) => self.error = Some(message),
        }
    }

    /// Whether more matching pages exist beyond those loaded (while the total is being counted,
    /// a full first page says there may be).
    pub fn has_more(&self) -> bool {
        self.total.map_or(!self.hits.is_empty(), |total| total > self.hits.len() as u64)
    }

    /// The query and offset of the next page to ask for, when the visible rows near the end.
    pub fn more_to_fetch(&mut self, visible: &Range<usize>) -> Option<(Arc<Query>, usize)> {
        if self.more_requested || self.pending || !self.has_more() || visible.end + PAGE_AHEAD < self.hits.len() {
            return None;
        }
        let query = self.query.clone()?;
        self.more_requested = true;
        Some((query, self.hits.len()))
    }

    /// A request for the next page was dropped for a newer one: it may be asked again.
    pub fn forget_more(&mut self) {
        self.more_requested = false;
    }

    pub fn select(&mut self, row: usize) {
        if row < self.hits.len() {
            self.selected = Some(row);
        }
    }

    /// The row `delta` away from the selected one (the first row when none is selected).
    pub fn step(&self, delta: i64) -> Option<usize> {
        let last = self.hits.len().checked_sub(1)?;
        Some(match self.selected {
            None => 0,
            Some(row) => (row as i64 + delta).clamp(0, last as i64) as usize,
        })
    }

    /// The source and page of the highlighted row.
    pub fn selected_hit(&self) -> Option<(i64, u32)> {
        self.selected.and_then(|row| self.hits.get(row)).map(|h| (h.source_id, h.page))
    }

    fn row_of(&self, source_id: i64, page: u32) -> Option<usize> {
        self.hits.iter().position(|h| h.source_id == source_id && h.page == page)
    }
}

/// Draws the list of matching pages. Returns the range of rows on screen.
pub fn source_results_ui(ui: &mut Ui, results: &mut SourceResults, actions: &mut Vec<Action>) -> Range<usize> {
    let p = Palette::of(ui);
    header_ui(ui, results);
    ui.add_space(2.0);
    if results.hits.is_empty() {
        if !results.pending {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                let text = if results.text.trim().is_empty() {
                    "Type words to find them in the sources' documents."
                } else {
                    "No page of a source's document matches."
                };
                ui.label(egui::RichText::new(text).color(p.muted));
            });
        }
        return 0..0;
    }
    ui.spacing_mut().item_spacing.y = 0.0;
    let selected = results.selected.filter(|_| std::mem::take(&mut results.scroll_to_selected));
    let area = list_area(ui, "source-results-list", ROW_HEIGHT, selected, results.viewport_height);
    let mut visible = 0..0;
    let shown = results.hits.len() + usize::from(results.has_more());
    let output = area.show_rows(ui, ROW_HEIGHT, shown, |ui, rows| {
        visible = rows.clone();
        for row in rows {
            row_ui(ui, row, results.hits.get(row), results.selected == Some(row), actions);
        }
    });
    results.viewport_height = output.inner_rect.height();
    visible
}

fn header_ui(ui: &mut Ui, results: &SourceResults) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        let shown = results.hits.len() as u64;
        let total = results.total.unwrap_or(shown);
        let noun = if total == 1 { "page" } else { "pages" };
        let counting = if results.total.is_none() && shown > 0 { " or more" } else { "" };
        ui.label(egui::RichText::new(format!("{}{counting} {noun} in sources", theme::count(total))).strong());
        if let Some(took) = results.took {
            ui.label(theme::muted(format!("{} ms", took.as_millis())).color(p.faint));
        }
        if results.pending {
            ui.add(egui::Spinner::new().size(12.0));
            ui.label(theme::muted("searching…").color(p.muted));
        }
    });
    if let Some(error) = &results.error {
        ui.label(egui::RichText::new(error).small().color(p.warn));
    }
}

/// One matching page, painted directly: the source's title and the page on the first line, the
/// snippet on the second. A placeholder while its page of results is on the way.
fn row_ui(ui: &mut Ui, row: usize, hit: Option<&PageHit>, selected: bool, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, ROW_HEIGHT), Sense::click());
    response.widget_info(|| {
        let label = hit.map_or_else(|| "…".to_owned(), |h| format!("{}, page {}", h.title, h.page));
        WidgetInfo::selected(Role::Button, true, selected, label)
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = row_background(ui, rect, &response, selected, &p);
    let left = rect.left() + 10.0;
    let right = rect.right() - 8.0;
    let Some(hit) = hit else {
        placeholder_bars(&painter, rect, [10.0, 28.0], &p);
        return;
    };
    let page = painter.layout_no_wrap(format!("p. {}", hit.page), FontId::monospace(11.0), p.muted);
    let page_pos = Pos2::new(right - page.size().x, rect.top() + 8.0);
    painter.galley(page_pos, page, p.muted);
    let title_width = (page_pos.x - left - 8.0).max(20.0);
    let title = if hit.title.trim().is_empty() { "Untitled source" } else { hit.title.as_str() };
    let title = painter.layout_job(one_line(title, FontId::proportional(TITLE_SIZE), p.text, title_width));
    painter.galley(Pos2::new(left, rect.top() + 6.0), title, p.text);
    let snippet = marked_line(&hit.snippet, &hit.highlights, &p, right - left);
    painter.galley(Pos2::new(left, rect.top() + 25.0), painter.layout_job(snippet), p.muted);
    if response.clicked() {
        actions.push(Action::SelectSourceHit { row, open: true });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(source_id: i64, page: u32) -> PageHit {
        PageHit { source_id, title: format!("s{source_id}"), page, snippet: String::new(), highlights: Vec::new() }
    }

    fn found(hits: Vec<PageHit>, total: u64) -> Result<SourcesFound, String> {
        let query = Arc::new(crate::query::parse("margin").unwrap());
        Ok(SourcesFound { query, hits, total: Some(total), took: Duration::ZERO })
    }

    #[test]
    fn later_pages_are_asked_for_near_the_end_and_the_selection_follows_its_page() {
        let mut results = SourceResults::default();
        results.start("margin".into());
        assert!(results.more_to_fetch(&(0..10)).is_none(), "nothing before the first page");
        results.found("margin".into(), found((0..50).map(|i| hit(i, 1)).collect(), 60));
        assert!(results.has_more());
        assert!(results.more_to_fetch(&(0..10)).is_none(), "far from the end");
        let (_, offset) = results.more_to_fetch(&(25..35)).expect("near the end");
        assert_eq!(offset, 50);
        assert!(results.more_to_fetch(&(25..35)).is_none(), "asked once");
        results.more_arrived(Ok((50..60).map(|i| hit(i, 2)).collect()));
        assert!(!results.has_more());
        results.select(55);
        assert_eq!(results.selected_hit(), Some((55, 2)));
        assert_eq!(results.step(100), Some(59));
        results.start("margin".into());
        results.found("margin".into(), found(vec![hit(7, 1), hit(55, 2)], 2));
        assert_eq!(results.selected, Some(1), "the highlighted page stays highlighted");
        results.found("x".into(), Err("bad query".into()));
        assert_eq!(results.hits.len(), 2, "an error keeps the rows");
        assert_eq!(results.error.as_deref(), Some("bad query"));
    }

    #[test]
    fn while_the_total_is_counted_a_full_first_page_may_have_more() {
        let mut results = SourceResults::default();
        results.start("margin".into());
        let query = Arc::new(crate::query::parse("margin").unwrap());
        let first =
            SourcesFound { query, hits: (0..50).map(|i| hit(i, 1)).collect(), total: None, took: Duration::ZERO };
        results.found("margin".into(), Ok(first));
        assert_eq!(results.total, None);
        assert!(results.has_more(), "more may follow until counted");
        results.counted(Ok(50));
        assert!(!results.has_more(), "the count says the first page was all");
        results.counted(Err("interrupted".into()));
        assert_eq!(results.error.as_deref(), Some("interrupted"));
    }
}
