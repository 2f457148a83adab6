//! The left pane: the search box, then the notes due for review, the saved searches, Tickers (symbol, company, note count), Tags as a tree with
//! counts, Sources, and the Trash. Clicking a ticker opens its dossier, a tag searches `#tag`,
//! a source opens it.

use egui::{Button, CollapsingHeader, Rect, RichText, ScrollArea, Ui, Vec2};

use crate::model::{Symbol, TagCount, fold};
use crate::store::Total;
use crate::ui::action::Action;
use crate::ui::search::completions::Completions;
use crate::ui::search::results::Results;
use crate::ui::search::saved::{self, SavedView};
use crate::ui::search::search_box::{self, SearchBox};
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};
use crate::ui::worker::SidebarData;

/// Rows a section shows before "Show all".
const FIRST_ROWS: usize = 12;
const ROW_HEIGHT: f32 = 20.0;

#[derive(Default)]
pub struct Sidebar {
    pub data: SidebarData,
    pub tree: Vec<TagNode>,
    pub loaded: bool,
    /// Increases when new data arrives (completion caches key on it).
    pub version: u64,
    pub saved: SavedView,
}

impl Sidebar {
    pub fn set(&mut self, data: SidebarData) {
        self.tree = tag_tree(&data.tags);
        self.data = data;
        self.loaded = true;
        self.version += 1;
    }
}

/// A tag and the tags under it (`ai` holds `ai/inference`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagNode {
    /// The last segment, as typed.
    pub segment: String,
    /// The whole name, as typed.
    pub full: String,
    /// The whole name folded (case and accents aside): the node's id in the window's memory,
    /// computed once here rather than on every frame.
    pub key: String,
    /// Live notes carrying it or a tag under it, each once (what `#tag` finds).
    pub total: u64,
    pub children: Vec<TagNode>,
}

/// Builds the tag tree from the flat list (sorted by name). The store records every parent of a
/// nested tag as a tag, so each node's count comes from its own entry.
pub fn tag_tree(tags: &[TagCount]) -> Vec<TagNode> {
    let mut roots: Vec<TagNode> = Vec::new();
    for tag in tags {
        let segments: Vec<&str> = tag.name.split('/').collect();
        let mut level = &mut roots;
        for (depth, segment) in segments.iter().enumerate() {
            let key = fold(segment);
            let at = match level.iter().position(|n| n.key.rsplit('/').next() == Some(key.as_str())) {
                Some(at) => at,
                None => {
                    let full = segments[..=depth].join("/");
                    level.push(TagNode {
                        segment: (*segment).to_owned(),
                        key: fold(&full),
                        full,
                        total: 0,
                        children: Vec::new(),
                    });
                    level.len() - 1
                }
            };
            let node = &mut level[at];
            if depth + 1 == segments.len() {
                node.total = node.total.max(tag.notes);
            }
            level = &mut node.children;
        }
    }
    roots
}

/// The query that finds a tag: `#name`, or `tag:"name"` when it has spaces.
pub fn tag_query(name: &str) -> String {
    if name.contains(char::is_whitespace) { format!("tag:\"{name}\"") } else { format!("#{name}") }
}

/// What is current, to highlight it.
pub struct Current<'a> {
    pub symbol: Option<&'a str>,
    pub source: Option<i64>,
}

pub fn sidebar_ui(
    ui: &mut Ui,
    search: &mut SearchBox,
    sidebar: &mut Sidebar,
    completions: &Completions,
    results: &Results,
    current: &Current<'_>,
    actions: &mut Vec<Action>,
) {
    ui.add_space(6.0);
    search_box::search_box_ui(ui, search, &sidebar.data, sidebar.version, completions, actions);
    ui.add_space(4.0);
    if !sidebar.loaded {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new().size(12.0));
            ui.label(theme::muted("loading tickers and tags…"));
        });
        return;
    }
    ScrollArea::vertical().id_salt("sidebar-scroll").auto_shrink(false).show(ui, |ui| {
        due_ui(ui, sidebar.data.due, &results.text, actions);
        saved::saved_searches_ui(ui, &sidebar.data.saved, &mut sidebar.saved, &results.text, actions);
        tickers_ui(ui, sidebar, current, actions);
        tags_ui(ui, sidebar, &results.text, actions);
        sources_ui(ui, sidebar, current, actions);
        ui.add_space(6.0);
        let trash = sidebar.data.trashed;
        let selected = results.wants_trash();
        let button = Button::selectable(selected, RichText::new("Trash"))
            .right_text(RichText::new(theme::count(trash)).monospace().small())
            .min_size(Vec2::new(ui.available_width(), ROW_HEIGHT));
        let response = ui
            .add(button)
            .on_hover_text("Notes moved to the trash: restore or delete for good")
            .accessible_name(format!("Trash, {}", search_box::notes(trash)));
        if response.clicked() {
            actions.push(Action::ShowTrash);
        }
        ui.add_space(8.0);
    });
}

/// "Due for review": the notes whose review date has come (`is:due`), when there are any.
fn due_ui(ui: &mut Ui, due: Option<Total>, query: &str, actions: &mut Vec<Action>) {
    let (count, spoken) = match due {
        Some(Total::Exact(0)) | None => return,
        Some(Total::Exact(n)) => (theme::count(n), search_box::notes(n)),
        Some(Total::AtLeast(n)) => (format!("{}+", theme::count(n)), format!("at least {}", search_box::notes(n))),
    };
    let p = Palette::of(ui);
    let button = Button::selectable(query.trim() == "is:due", RichText::new("Due for review").color(p.warn))
        .right_text(RichText::new(count).monospace().small())
        .min_size(Vec2::new(ui.available_width(), ROW_HEIGHT));
    let response = ui
        .add(button)
        .on_hover_text("Notes whose review date is today or earlier (is:due)")
        .accessible_name(format!("Due for review, {spoken}"));
    if response.clicked() {
        actions.push(Action::SearchFor("is:due".to_owned()));
    }
    ui.add_space(4.0);
}

fn section_header(ui: &mut Ui, title: &str, count: usize) -> CollapsingHeader {
    let p = Palette::of(ui);
    CollapsingHeader::new(
        RichText::new(format!("{}  {}", title.to_uppercase(), theme::count(count as u64)))
            .small()
            .strong()
            .color(p.muted),
    )
    .id_salt(title)
    .default_open(true)
}

/// A section's rows: the first few, or all of them (virtualised) once asked.
fn rows_ui(ui: &mut Ui, id: &str, total: usize, mut row: impl FnMut(&mut Ui, usize)) {
    let show_all_id = ui.make_persistent_id((id, "show-all"));
    let show_all = ui.data_mut(|d| *d.get_persisted_mut_or_default::<bool>(show_all_id));
    if show_all && total > FIRST_ROWS {
        let height = (total as f32 * (ROW_HEIGHT + ui.spacing().item_spacing.y)).min(360.0);
        ScrollArea::vertical().id_salt((id, "rows")).max_height(height).auto_shrink([false, true]).show_rows(
            ui,
            ROW_HEIGHT,
            total,
            |ui, range| {
                for i in range {
                    row(ui, i);
                }
            },
        );
    } else {
        for i in 0..total.min(FIRST_ROWS) {
            row(ui, i);
        }
    }
    if total > FIRST_ROWS {
        let text = if show_all { "Show fewer".to_owned() } else { format!("Show all {}", theme::count(total as u64)) };
        if ui.add(Button::new(theme::muted(text)).frame(false)).clicked() {
            ui.data_mut(|d| d.insert_persisted(show_all_id, !show_all));
        }
    }
}

fn tickers_ui(ui: &mut Ui, sidebar: &Sidebar, current: &Current<'_>, actions: &mut Vec<Action>) {
    let tickers = &sidebar.data.tickers;
    section_header(ui, "Tickers", tickers.len()).show(ui, |ui| {
        if tickers.is_empty() {
            ui.label(theme::muted("No tickers yet: write $NVDA in a note."));
        }
        rows_ui(ui, "tickers", tickers.len(), |ui, i| {
            let t = &tickers[i];
            let width = ui.available_width();
            let company = t.name.as_deref().unwrap_or_default();
            let room = ((width - 100.0) / 6.2).max(4.0) as usize;
            let company = shorten(company, room);
            let selected = current.symbol == Some(t.symbol.as_str());
            let button = Button::selectable(
                selected,
                (RichText::new(format!("{:<6}", t.symbol)).monospace().strong(), theme::muted(company)),
            )
            .right_text(RichText::new(theme::count(t.notes)).monospace().small())
            .min_size(Vec2::new(width, ROW_HEIGHT));
            let response = ui.add(button).accessible_name(format!(
                "Ticker {} {}, {}",
                t.symbol,
                t.name.as_deref().unwrap_or_default(),
                search_box::notes(t.notes)
            ));
            // Symbols in the sidebar come from the store, so they always parse.
            if response.clicked()
                && let Ok(symbol) = Symbol::parse(&t.symbol)
            {
                actions.push(Action::OpenDossier(symbol));
            }
        });
    });
}

fn tags_ui(ui: &mut Ui, sidebar: &Sidebar, query: &str, actions: &mut Vec<Action>) {
    section_header(ui, "Tags", sidebar.data.tags.len()).show(ui, |ui| {
        if sidebar.tree.is_empty() {
            ui.label(theme::muted("No tags yet."));
        }
        // Rows out of view take their room without being laid out (their height measured on
        // the first row drawn of each kind: a tag, or a tag with closed branches).
        let mut heights: [Option<f32>; 2] = [None, None];
        for node in sidebar.tree.iter().take(200) {
            let id = ui.make_persistent_id(("tag", &node.key));
            let open = !node.children.is_empty()
                && egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false).is_open();
            let kind = usize::from(!node.children.is_empty());
            if !open && let Some(height) = heights[kind] {
                let room = Vec2::new(ui.available_width(), height);
                if !ui.is_rect_visible(Rect::from_min_size(ui.cursor().min, room)) {
                    ui.allocate_space(room);
                    continue;
                }
            }
            let height = ui.scope(|ui| tag_node_ui(ui, node, id, query, actions)).response.rect.height();
            if !open {
                heights[kind] = Some(height);
            }
        }
        if sidebar.tree.len() > 200 {
            ui.label(theme::muted(format!("and {} more: search with #", sidebar.tree.len() - 200)));
        }
    });
}

fn tag_node_ui(ui: &mut Ui, node: &TagNode, id: egui::Id, query: &str, actions: &mut Vec<Action>) {
    let query_of_node = tag_query(&node.full);
    let selected = query.trim() == query_of_node;
    let mut button_ui = |ui: &mut Ui| {
        let width = ui.available_width();
        let button = Button::selectable(selected, RichText::new(format!("#{}", node.segment)))
            .right_text(RichText::new(theme::count(node.total)).monospace().small())
            .min_size(Vec2::new(width, ROW_HEIGHT));
        let response = ui.add(button).accessible_name(format!("Tag {}, {}", node.full, search_box::notes(node.total)));
        if response.clicked() {
            actions.push(Action::SearchFor(query_of_node.clone()));
        }
    };
    if node.children.is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(ui.spacing().indent);
            button_ui(ui);
        });
    } else {
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false)
            .show_header(ui, |ui| button_ui(ui))
            .body(|ui| {
                for child in &node.children {
                    let id = ui.make_persistent_id(("tag", &child.key));
                    tag_node_ui(ui, child, id, query, actions);
                }
            });
    }
}

fn sources_ui(ui: &mut Ui, sidebar: &Sidebar, current: &Current<'_>, actions: &mut Vec<Action>) {
    let sources = &sidebar.data.sources;
    section_header(ui, "Sources", sources.len()).default_open(false).show(ui, |ui| {
        if sources.is_empty() {
            ui.label(theme::muted("No sources yet: add one with a claim."));
        }
        rows_ui(ui, "sources", sources.len(), |ui, i| {
            let s = &sources[i];
            let width = ui.available_width();
            let label = shorten(&s.source.label(), ((width - 60.0) / 6.5).max(4.0) as usize);
            let selected = current.source == Some(s.source.id);
            let claims = if s.claims == 1 { "1 claim".to_owned() } else { format!("{} claims", s.claims) };
            let button = Button::selectable(selected, RichText::new(label))
                .right_text(RichText::new(theme::count(s.claims)).monospace().small())
                .min_size(Vec2::new(width, ROW_HEIGHT));
            let tooltip = s.source.title.clone().unwrap_or_else(|| s.source.url.clone());
            let response =
                ui.add(button).on_hover_text(tooltip).accessible_name(format!("Source {}, {claims}", s.source.label()));
            if response.clicked() {
                actions.push(Action::OpenSource(s.source.id));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, notes: u64) -> TagCount {
        TagCount { name: name.into(), notes }
    }

    #[test]
    fn nested_tags_form_a_tree_with_counts() {
        let tree = tag_tree(&[
            tag("ai", 3),
            tag("ai/inference", 2),
            tag("ai/training", 1),
            tag("semis", 3),
            tag("semis/memory", 3),
        ]);
        let shown: Vec<(String, u64, usize)> =
            tree.iter().map(|n| (n.full.clone(), n.total, n.children.len())).collect();
        assert_eq!(shown, [("ai".into(), 3, 2), ("semis".into(), 3, 1)]);
        assert_eq!(tree[1].children[0].full, "semis/memory");
    }

    #[test]
    fn tags_differing_in_case_or_accents_share_a_branch() {
        let tree = tag_tree(&[tag("Mercado", 1), tag("mercado/ações", 1)]);
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0].children[0].full, "mercado/ações");
    }

    #[test]
    fn tag_queries_quote_spaces() {
        assert_eq!(tag_query("ai/inference"), "#ai/inference");
        assert_eq!(tag_query("machine learning"), "tag:\"machine learning\"");
    }
}
