//! The note editor pane: title, tag chips, ticker chips (typed, detected from `$NVDA`, or named
//! by a claim, each marked differently), the Markdown body with its preview, and the note's
//! claims below. Typing edits the editor's own state; everything that touches the store is an
//! [`Action`].

use egui::{Button, CompletionPopup, FontId, Id, Key, RichText, TextEdit, Ui, Vec2};

use super::wiki_preview::LinkClick;
use super::{claims, conflict, links, preview, properties, revisions, split, trash};
use crate::model::{Origin, TagCount, TagName};
use crate::ui::action::Action;
use crate::ui::note::actions::BodyMode;
use crate::ui::note::actions::{NoteAction, TrashAction};
use crate::ui::note::body;
use crate::ui::note::state::{NoteContext, NoteEditor};
use crate::ui::search::completions::Completions;
use crate::ui::search::search_box::{tag_suggestions, ticker_suggestions};
use crate::ui::search::sidebar::Sidebar;
use crate::ui::widgets::theme::{self, ChipStyle, Palette};
use crate::ui::worker::SidebarData;

/// The room the header's buttons take beside the title, and the least the title gets there.
const BUTTONS_WIDTH: f32 = 330.0;
const TITLE_MIN: f32 = 160.0;

pub fn title_id() -> Id {
    Id::unique("note-title")
}

pub fn body_id(note: Option<i64>) -> Id {
    Id::unique(("note-body", note))
}

pub fn note_ui(ui: &mut Ui, editor: &mut NoteEditor, context: &NoteContext<'_>, actions: &mut Vec<Action>) {
    let read_only = editor.is_trashed();
    header_ui(ui, editor, context, read_only, actions);
    if read_only {
        trash::trashed_banner_ui(ui, editor, actions);
    }
    if let Some(error) = &editor.save_error {
        theme::banner(ui, Palette::of(ui).error, error, Some(("Try again", Action::Note(NoteAction::Save))), actions);
    }
    if let Some(offer) = &editor.links.rename {
        links::rename_offer_ui(ui, offer, &editor.title, actions);
    }
    if editor.conflict.is_some() {
        conflict::conflict_ui(ui, editor, actions);
        return;
    }
    tags_ui(ui, editor, context.tags, read_only, actions);
    tickers_ui(ui, editor, context.completions, read_only, actions);
    let body = (editor.body_version, &editor.body);
    properties::properties_ui(
        ui,
        &mut editor.properties,
        body,
        (context.properties, context.today),
        read_only,
        actions,
    );
    ui.add_space(4.0);
    let form_open = editor.claim_form.is_some();
    let dragged = split::claims_area_ui(ui, context.claims_height, form_open, |ui| {
        claims::claims_ui(ui, editor, read_only, actions);
    });
    actions.extend(dragged);
    if let Some(view) = &editor.revisions {
        revisions::revisions_ui(ui, view, actions);
        return;
    }
    if editor.claim_form.is_some() {
        claims::claim_form_ui(ui, editor, context, actions);
        return;
    }
    if editor.id.is_some() {
        egui::Panel::right("links-panel")
            .resizable(true)
            .default_size(210.0)
            .size_range(140.0..=420.0)
            .show(ui, |ui| links::links_panel_ui(ui, &editor.links, actions));
    }
    body_area_ui(ui, editor, context, read_only, actions);
}

fn header_ui(
    ui: &mut Ui,
    editor: &mut NoteEditor,
    context: &NoteContext<'_>,
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    // In a narrow pane the buttons go under the title, so neither pushes the pane wider.
    let narrow = ui.available_width() < TITLE_MIN + BUTTONS_WIDTH;
    ui.horizontal(|ui| {
        let title_width = if narrow { ui.available_width() } else { ui.available_width() - BUTTONS_WIDTH };
        let output = TextEdit::singleline(&mut editor.title)
            .id(title_id())
            .font(FontId::proportional(21.0))
            .hint_text("Title")
            .frame(egui::Frame::NONE)
            .desired_width(title_width)
            .interactive(!read_only)
            .show(ui);
        let response = output.response.response.accessible_name("Title");
        if editor.focus_title {
            response.request_focus();
            editor.focus_title = false;
        }
        if response.changed() {
            editor.edited(context.now);
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            ui.memory_mut(|m| m.request_focus(body_focus_target(editor)));
        }
        if !narrow {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                header_buttons_ui(ui, editor, context, read_only, actions);
            });
        }
    });
    if narrow {
        ui.horizontal_wrapped(|ui| header_buttons_ui(ui, editor, context, read_only, actions));
    }
    let saved = match (&editor.base, editor.dirty) {
        (_, true) => "editing…".to_owned(),
        (Some(note), false) => format!("saved {}", note.updated_at.as_datetime().format("%Y-%m-%d %H:%M")),
        (None, false) => "new note: saved once it has a title or text".to_owned(),
    };
    let size = editor.body.len();
    let size = if size >= 1024 * 1024 {
        format!("{:.1} MB", size as f64 / (1024.0 * 1024.0))
    } else if size >= 1024 {
        format!("{} KB", size / 1024)
    } else {
        format!("{size} bytes")
    };
    ui.label(theme::muted(format!("{saved} · {size}")).color(p.faint));
}

/// How the body shows, history and trash, in the order they read in `ui`'s layout (right to
/// left beside the title, left to right under it).
fn header_buttons_ui(
    ui: &mut Ui,
    editor: &NoteEditor,
    context: &NoteContext<'_>,
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    // Left to right as they read: the body's modes, a gap, then the note's history and trash.
    let mut items: Vec<Option<(BodyMode, &str)>> = vec![
        Some((BodyMode::Edit, "Edit")),
        Some((BodyMode::Split, "Split")),
        Some((BodyMode::Preview, "Preview")),
        None,
    ];
    if ui.layout().prefer_right_to_left() {
        items.reverse();
        note_buttons_ui(ui, editor, read_only, actions);
    }
    for item in items {
        match item {
            Some((mode, label)) => {
                if ui.add(Button::selectable(context.body_mode == mode, label)).clicked() {
                    actions.push(Action::Note(NoteAction::SetBodyMode(mode)));
                }
            }
            None => ui.add_space(8.0),
        }
    }
    if !ui.layout().prefer_right_to_left() {
        note_buttons_ui(ui, editor, read_only, actions);
    }
}

/// The note's history, and moving it to the trash (in the order of `ui`'s layout).
fn note_buttons_ui(ui: &mut Ui, editor: &NoteEditor, read_only: bool, actions: &mut Vec<Action>) {
    let rtl = ui.layout().prefer_right_to_left();
    if rtl {
        trash_button_ui(ui, editor, read_only, actions);
    }
    if editor.id.is_some() {
        let open = editor.revisions.is_some();
        if ui.add(Button::selectable(open, "History")).on_hover_text("Earlier versions of this note").clicked() {
            actions.push(Action::Note(NoteAction::ToggleRevisions));
        }
    }
    if !rtl {
        trash_button_ui(ui, editor, read_only, actions);
    }
}

fn trash_button_ui(ui: &mut Ui, editor: &NoteEditor, read_only: bool, actions: &mut Vec<Action>) {
    if let Some(id) = editor.id
        && !read_only
        && ui.button("Move to trash").on_hover_text("Delete (you can undo, and restore from the Trash)").clicked()
    {
        actions.push(Action::Trash(TrashAction::Move(id)));
    }
}

/// Where Enter in the title sends the cursor.
fn body_focus_target(editor: &NoteEditor) -> Id {
    match &editor.body {
        body::Body::Plain(_) => body_id(editor.id),
        body::Body::Blocks(blocks) => {
            blocks.items.first().map_or(body_id(editor.id), |b| body_id(editor.id).with(("block", b.id)))
        }
    }
}

fn row_label(ui: &mut Ui, text: &str) -> egui::Response {
    let p = Palette::of(ui);
    ui.add_sized(Vec2::new(56.0, 20.0), egui::Label::new(RichText::new(text).small().color(p.muted)))
}

fn tags_ui(ui: &mut Ui, editor: &mut NoteEditor, tags: &[TagCount], read_only: bool, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal_wrapped(|ui| {
        let label = row_label(ui, "Tags");
        let current: Vec<String> = editor.base.as_ref().map(|n| n.tags.clone()).unwrap_or_default();
        for tag in &current {
            let chip = theme::chip(ui, &format!("#{tag}"), ChipStyle::Solid, Some(p.text), false)
                .on_hover_text(format!("Search #{tag}"));
            if chip.clicked() {
                actions.push(Action::SearchFor(crate::ui::search::sidebar::tag_query(tag)));
            }
            if !read_only {
                let remove = ui
                    .add(Button::new(RichText::new("×").color(p.muted)).frame(false).small())
                    .on_hover_text(format!("Remove the tag {tag}"))
                    .accessible_name(format!("Remove tag {tag}"));
                // Tags on a stored note always parse.
                if remove.clicked()
                    && let Ok(tag) = TagName::parse(tag)
                {
                    actions.push(Action::Note(NoteAction::RemoveTag(tag)));
                }
            }
        }
        if read_only {
            return;
        }
        let output = CompletionPopup::new(Id::unique("tag-input")).word_boundary(|_| false).show(
            ui,
            TextEdit::singleline(&mut editor.tag_input).hint_text("add tag").desired_width(130.0),
            |query| {
                if query.word.trim().is_empty() {
                    return Vec::new();
                }
                tag_suggestions(query.word, tags)
                    .into_iter()
                    .filter(|(name, _)| !current.iter().any(|c| c.eq_ignore_ascii_case(name)))
                    .map(|(name, count)| {
                        egui::Suggestion::new(name).description(crate::ui::search::search_box::notes(count))
                    })
                    .collect()
            },
        );
        let response = output.text_edit.response.response.clone().labelled_by(label.id);
        if let Some(accepted) = output.accepted {
            actions.push(Action::Note(NoteAction::AddTag(accepted.insert)));
        } else if response.lost_focus()
            && ui.input(|i| i.key_pressed(Key::Enter))
            && !editor.tag_input.trim().is_empty()
        {
            actions.push(Action::Note(NoteAction::AddTag(editor.tag_input.clone())));
        }
    });
}

fn tickers_ui(
    ui: &mut Ui,
    editor: &mut NoteEditor,
    completions: &Completions,
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    ui.horizontal_wrapped(|ui| {
        let label = row_label(ui, "Tickers");
        for link in editor.ticker_chips() {
            let symbol = link.symbol.to_string();
            let (style, hint) = match link.origin {
                Origin::Typed => (ChipStyle::Solid, format!("{symbol}: linked by you. Click for the dossier.")),
                Origin::Detected => {
                    (ChipStyle::Outline, format!("{symbol}: found in the text as ${symbol}. Click for the dossier."))
                }
                Origin::Claim => {
                    (ChipStyle::Derived, format!("{symbol}: named by a claim below. Click for the dossier."))
                }
            };
            let text = match link.origin {
                Origin::Detected => format!("${symbol}"),
                Origin::Claim => format!("{symbol} ·claim"),
                Origin::Typed => symbol.clone(),
            };
            let chip = theme::chip(ui, &text, style, None, true).on_hover_text(hint);
            if chip.clicked() {
                actions.push(Action::OpenDossier(link.symbol.clone()));
            }
            if link.origin == Origin::Typed && !read_only {
                let remove = ui
                    .add(Button::new(RichText::new("×").color(p.muted)).frame(false).small())
                    .on_hover_text(format!("Unlink {symbol}"))
                    .accessible_name(format!("Remove ticker {symbol}"));
                if remove.clicked() {
                    actions.push(Action::Note(NoteAction::RemoveTicker(link.symbol.clone())));
                }
            }
        }
        if read_only {
            return;
        }
        let mut wanted = None;
        let output = CompletionPopup::new(Id::unique("ticker-input")).word_boundary(|_| false).show(
            ui,
            TextEdit::singleline(&mut editor.ticker_input).hint_text("add ticker or company").desired_width(160.0),
            |query| {
                let typed = query.word.trim();
                if typed.is_empty() {
                    return Vec::new();
                }
                wanted = Some(typed.to_owned());
                ticker_suggestions(typed, &SidebarData::default(), completions)
                    .into_iter()
                    .map(|(symbol, name, exchange)| {
                        egui::Suggestion::new(symbol.clone())
                            .content((RichText::new(symbol).monospace().strong(), RichText::new(name).small()))
                            .description(exchange)
                    })
                    .collect()
            },
        );
        let response = output.text_edit.response.response.clone().labelled_by(label.id);
        if let Some(typed) = wanted {
            actions.push(Action::CompleteTicker(typed));
        }
        if let Some(accepted) = output.accepted {
            actions.push(Action::Note(NoteAction::AddTicker(accepted.insert)));
        } else if response.lost_focus()
            && ui.input(|i| i.key_pressed(Key::Enter))
            && !editor.ticker_input.trim().is_empty()
        {
            actions.push(Action::Note(NoteAction::AddTicker(editor.ticker_input.clone())));
        }
        ui.label(theme::muted("solid: linked · $: in the text · ·claim: from a claim").color(p.faint));
    });
}

fn body_area_ui(
    ui: &mut Ui,
    editor: &mut NoteEditor,
    context: &NoteContext<'_>,
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    let mode = context.body_mode;
    let body_id = body_id(editor.id);
    if mode != BodyMode::Edit {
        refresh_preview(ui, editor, context, body_id.with("preview"));
    }
    let mut body = body::BodyOutput::default();
    let mut clicked = None;
    let titles = &editor.links.titles;
    let frame = egui::Frame::NONE.inner_margin(egui::Margin::symmetric(0, 4));
    match mode {
        BodyMode::Edit => {
            frame.show(ui, |ui| body = body::body_ui(ui, &mut editor.body, body_id, read_only, titles));
        }
        BodyMode::Preview => {
            frame.show(ui, |ui| {
                clicked = preview::preview_ui(ui, &mut editor.preview, &editor.preview_text, body_id.with("preview"))
            });
        }
        BodyMode::Split => {
            // `columns` reaches down to the bottom of the ui's whole rect: keep it to the space
            // left above the claims panel, or the editor would cover the panel's buttons.
            let room = ui.available_rect_before_wrap();
            ui.scope_builder(egui::UiBuilder::new().max_rect(room), |ui| {
                ui.columns(2, |columns| {
                    body = body::body_ui(&mut columns[0], &mut editor.body, body_id, read_only, titles);
                    clicked = preview::preview_ui(
                        &mut columns[1],
                        &mut editor.preview,
                        &editor.preview_text,
                        body_id.with("preview"),
                    );
                });
            });
        }
    }
    if body.changed {
        editor.body_edited(context.now);
    }
    if let Some(typed) = body.linking {
        actions.push(Action::Note(NoteAction::CompleteTitle(typed)));
    }
    match clicked {
        Some(LinkClick::Open(id)) => actions.push(Action::OpenNote(id)),
        Some(LinkClick::Create(title)) => actions.push(Action::Note(NoteAction::AskCreateLinked(title))),
        None => {}
    }
}

/// Brings the preview up to the text (small notes as you type, large ones once typing pauses)
/// and highlights what extraction found, when the findings were read from that same text.
fn refresh_preview(ui: &Ui, editor: &mut NoteEditor, context: &NoteContext<'_>, preview_id: Id) {
    if editor.preview_stale {
        let quiet = context.now - editor.edited_at > 0.8 || !editor.dirty;
        if !editor.body.is_large() || quiet {
            editor.preview_text = preview::preview_markdown(&editor.body.text(), &|t| editor.links.target(t), &|t| {
                editor.images.get(t).cloned()
            });
            preview::hook_links(&mut editor.preview, &editor.preview_text);
            editor.preview_version = editor.body_version;
            editor.preview_stale = false;
        } else {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(900));
        }
    }
    let wanted = editor.analysis.of_version(editor.preview_version).map(|_| editor.preview_version);
    if editor.highlighted != wanted {
        let spans: Vec<std::ops::Range<usize>> = editor
            .analysis
            .of_version(editor.preview_version)
            .map(|a| a.findings.spans().into_iter().take(preview::MAX_HIGHLIGHTS).map(|s| s.bytes.clone()).collect())
            .unwrap_or_default();
        preview::set_highlights(&mut editor.preview, preview_id, &editor.preview_text, &spans);
        editor.highlighted = wanted;
    }
}

/// The pane when nothing is open: a short orientation.
pub fn empty_ui(ui: &mut Ui, sidebar: &Sidebar, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("Nothing open").size(17.0).color(p.muted));
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!(
                "{} notes · {} tickers · {} sources",
                theme::count(sidebar.data.notes),
                theme::count(sidebar.data.tickers.len() as u64),
                theme::count(sidebar.data.sources.len() as u64)
            ))
            .color(p.faint),
        );
        ui.add_space(12.0);
        if ui.button("New note  (Ctrl+N)").clicked() {
            actions.push(Action::Note(NoteAction::New));
        }
        ui.add_space(4.0);
        ui.label(
            theme::muted("Pick a result, click a ticker for its dossier, or press F1 for shortcuts.").color(p.faint),
        );
    });
}
