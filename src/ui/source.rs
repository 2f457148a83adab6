//! A source: its details, the file it holds with its text page by page, the claims citing it and
//! the notes linking it; its address opens in the browser (http and https only). Words selected
//! on a page become a claim's quote ("Quote as claim…") with the page and the source filled in,
//! and the file opens in the system's viewer at the page shown.

use egui::{RichText, ScrollArea, Ui};

use crate::model::{MediaType, NoteId, TextStatus};
use crate::store::{DossierNote, SourceDetail};
use crate::ui::action::{Action, QuoteRequest};
use crate::ui::note::claims::claims_table_ui;
use crate::ui::source_details::{DetailsForm, details_form_ui};
use crate::ui::widgets::anchoring;
use crate::ui::widgets::links::is_web_link;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};
use crate::ui::worker::SourceDocument;

pub struct SourceView {
    pub id: i64,
    pub data: Option<SourceDetail>,
    pub error: Option<String>,
    pub document: Result<Option<SourceDocument>, String>,
    /// The page of the document shown (an index into its pages).
    pub page: usize,
    /// The words selected on the page shown.
    pub selection: String,
    /// The note open in the editor when the source was opened (id, title): a quote can go there.
    pub last_note: Option<(NoteId, String)>,
    /// The details being edited.
    pub details_form: Option<Box<DetailsForm>>,
}

impl SourceView {
    pub fn loading(id: i64) -> Self {
        Self {
            id,
            data: None,
            error: None,
            document: Ok(None),
            page: 0,
            selection: String::new(),
            last_note: None,
            details_form: None,
        }
    }

    pub fn arrived(&mut self, result: Result<SourceDetail, String>, document: Result<Option<SourceDocument>, String>) {
        match result {
            Ok(detail) => {
                self.data = Some(detail);
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
        let mut document = document;
        // The pages of the document the view holds were not read again: keep them.
        if let (Ok(Some(new)), Ok(Some(old))) = (&mut document, &mut self.document)
            && new.pages.is_empty()
            && new.document.id == old.document.id
        {
            new.pages = std::mem::take(&mut old.pages);
        }
        let pages = document.as_ref().ok().and_then(Option::as_ref).map_or(0, |d| d.pages.len());
        if pages == 0
            || self.document.as_ref().ok().and_then(Option::as_ref).map(|d| d.document.id)
                != document.as_ref().ok().and_then(Option::as_ref).map(|d| d.document.id)
        {
            self.selection.clear();
        }
        self.page = self.page.min(pages.saturating_sub(1));
        self.document = document;
    }

    /// The document whose pages the view holds.
    pub fn document_id(&self) -> Option<i64> {
        self.document.as_ref().ok().and_then(Option::as_ref).filter(|d| !d.pages.is_empty()).map(|d| d.document.id)
    }
}

/// The document's details, one page of its text and the buttons that turn the pages, open the
/// file, and quote the words selected.
fn document_ui(
    ui: &mut Ui,
    id: i64,
    document: &Result<Option<SourceDocument>, String>,
    page: &mut usize,
    selection: &mut String,
    targets: &QuoteTargets,
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    let doc = match document {
        Ok(Some(doc)) => doc,
        Ok(None) => return,
        Err(message) => {
            ui.label(RichText::new(format!("Cannot read the document: {message}")).color(p.error));
            return;
        }
    };
    let d = &doc.document;
    let name = d.file_name.clone().unwrap_or_else(|| "the file".to_owned());
    theme::section(ui, &format!("Document  {}", d.media_type.label()));
    let pages = if d.page_count == 1 { "1 page".to_owned() } else { format!("{} pages", theme::count(d.page_count)) };
    ui.label(theme::muted(format!("{name} · {pages} · {} KB", theme::count(d.size.div_ceil(1024)))).color(p.muted));
    let status = match &d.text_status {
        TextStatus::Text => None,
        TextStatus::NoTextLayer => {
            Some("No text layer (scanned pages): nothing in it can be searched or quoted.".to_owned())
        }
        TextStatus::Encrypted => Some("The PDF needs a password: its text could not be read.".to_owned()),
        TextStatus::Failed(why) => Some(format!("Its text could not all be read: {why}")),
    };
    if let Some(status) = status {
        ui.label(RichText::new(status).color(p.warn));
    }
    // `SourceView::arrived` keeps `page` within the pages, and the buttons below never leave them.
    if doc.pages.is_empty() {
        return;
    }
    let number = doc.pages[*page].page;
    ui.horizontal_wrapped(|ui| {
        if ui.add_enabled(*page > 0, egui::Button::new("Previous page")).clicked() {
            *page -= 1;
            selection.clear();
        }
        ui.label(format!("Page {} of {}", number, theme::count(d.page_count)));
        if ui.add_enabled(*page + 1 < doc.pages.len(), egui::Button::new("Next page")).clicked() {
            *page += 1;
            selection.clear();
        }
        ui.separator();
        let open =
            if d.media_type == MediaType::Pdf { format!("Open at page {number}") } else { "Open file".to_owned() };
        if ui.button(open).on_hover_text("Opens a copy of the file in your system's viewer").clicked() {
            actions.push(Action::OpenDocument { source: id, page: number });
        }
        quote_menu_ui(ui, id, number, selection, targets, actions);
    });
    egui::Frame::new().fill(ui.visuals().faint_bg_color).corner_radius(4).inner_margin(8).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let text = doc.pages[*page].text.as_str();
        if text.trim().is_empty() {
            ui.label(theme::muted("(no text on this page)"));
            return;
        }
        // A read-only text box: its words can be selected (and copied) but not changed.
        let mut shown = text;
        let output = egui::TextEdit::multiline(&mut shown)
            .id_salt(("source-page", id, number))
            .frame(egui::Frame::NONE)
            .desired_width(f32::INFINITY)
            .desired_rows(1)
            .show(ui);
        egui::Response::clone(&output.response).accessible_name(format!("Text of page {number}"));
        if let Some(range) = output.cursor_range {
            let picked = range.slice_str(text).trim();
            if picked != selection.as_str() {
                *selection = picked.to_owned();
            }
        }
    });
}

/// Where a quote may go: the note open before the source, and the notes linking it.
struct QuoteTargets<'a> {
    last_note: &'a Option<(NoteId, String)>,
    notes: &'a [DossierNote],
}

/// "Quote as claim…": the selected words become a claim's quote, in the note open before, a
/// note linking the source, or a new note.
fn quote_menu_ui(
    ui: &mut Ui,
    source: i64,
    page: u32,
    selection: &str,
    targets: &QuoteTargets,
    actions: &mut Vec<Action>,
) {
    let words = selection.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.is_empty() {
        ui.add_enabled(false, egui::Button::new("Quote as claim…"))
            .on_disabled_hover_text("Select words on the page first: they become the claim's quote");
        return;
    }
    let request = |note: Option<NoteId>| QuoteRequest { source, page, quote: words.clone(), note };
    ui.menu_button("Quote as claim…", |ui| {
        ui.label(theme::muted(format!("“{}”", shorten(&words, 60))));
        if let Some((note, title)) = targets.last_note
            && ui.button(format!("In {}", shorten(title, 50))).clicked()
        {
            actions.push(Action::QuoteAsClaim(request(Some(*note))));
        }
        let others = targets.notes.iter().filter(|n| targets.last_note.as_ref().is_none_or(|(id, _)| *id != n.id));
        for note in others {
            let title = if note.title.trim().is_empty() { "Untitled" } else { note.title.as_str() };
            if ui.button(format!("In {}", shorten(title, 50))).clicked() {
                actions.push(Action::QuoteAsClaim(request(Some(note.id))));
            }
        }
        if ui.button("In a new note").clicked() {
            actions.push(Action::QuoteAsClaim(request(None)));
        }
    });
}

/// Turns to page `number` of the document (1 is the first), when it has that page.
fn show_page(document: &Result<Option<SourceDocument>, String>, page: &mut usize, number: u32) {
    if let Ok(Some(doc)) = document
        && let Some(index) = doc.pages.iter().position(|p| p.page == number)
    {
        *page = index;
    }
}

pub fn source_ui(ui: &mut Ui, view: &mut SourceView, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    if let Some(error) = &view.error {
        ui.label(RichText::new(format!("Cannot read source {}: {error}", view.id)).color(p.error));
        return;
    }
    let Some(detail) = &view.data else {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new().size(14.0));
            ui.label(theme::muted("reading the source…"));
        });
        return;
    };
    let s = &detail.source;
    ui.label(theme::muted(s.kind.label().to_uppercase()).color(p.muted));
    ui.label(RichText::new(s.title.clone().unwrap_or_else(|| s.label())).size(19.0).strong());
    let mut line = Vec::new();
    if let Some(publisher) = &s.publisher {
        line.push(publisher.clone());
    }
    if let Some(author) = &s.author {
        line.push(format!("by {author}"));
    }
    if let Some(published) = s.published_at {
        line.push(format!("published {published}"));
    }
    if let Some(accessed) = s.accessed_at {
        line.push(format!("added {accessed}"));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(line.join(" · ")).color(p.muted));
        if view.details_form.is_none() && ui.small_button("Edit details").clicked() {
            view.details_form = Some(Box::new(DetailsForm::of(s)));
        }
    });
    if let Some(form) = &mut view.details_form
        && details_form_ui(ui, view.id, form, actions)
    {
        view.details_form = None;
    }
    // A source added from a file alone has no address.
    if !s.url.trim().is_empty() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(shorten(&s.url, 90)).monospace().small().color(p.muted));
            if is_web_link(&s.url) {
                if ui.button("Open in browser").on_hover_text(&s.url).clicked() {
                    actions.push(Action::OpenLink(s.url.clone()));
                }
            } else {
                ui.label(RichText::new("not a web address: not opened").small().color(p.warn));
            }
            if ui.small_button("Copy address").clicked() {
                ui.ctx().copy_text(s.url.clone());
            }
        });
    }
    ui.separator();
    ScrollArea::vertical().id_salt("source-scroll").auto_shrink(false).show(ui, |ui| {
        let targets = QuoteTargets { last_note: &view.last_note, notes: &detail.notes };
        document_ui(ui, view.id, &view.document, &mut view.page, &mut view.selection, &targets, actions);
        theme::section(ui, &format!("Claims citing it  {}", detail.claims.len()));
        if detail.claims.is_empty() {
            ui.label(theme::muted("No claim cites this source."));
        }
        claims_table_ui(ui, &detail.claims, None, true, actions);
        for claim in &detail.claims {
            let Some(cited) = claim.sources.iter().find(|r| r.id == s.id && r.quote.is_some()) else { continue };
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("“{}”", cited.quote.as_deref().unwrap_or_default())).italics().color(p.muted),
                );
                if let Some(page) = anchoring::quote_state_ui(ui, cited) {
                    show_page(&view.document, &mut view.page, page);
                }
            });
        }
        theme::section(ui, &format!("Notes linking it  {}", detail.notes.len()));
        for note in &detail.notes {
            ui.horizontal(|ui| {
                ui.label(theme::figure(theme::date(&note.updated_at)).small().color(p.muted));
                let title = if note.title.trim().is_empty() { "Untitled" } else { note.title.as_str() };
                if ui.link(title).clicked() {
                    actions.push(Action::OpenNote(note.id));
                }
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::store::DocumentPage;

    fn document(id: i64, pages: &[&str]) -> Result<Option<SourceDocument>, String> {
        let document = Document {
            id,
            sha256: format!("{id:064}"),
            media_type: MediaType::Pdf,
            size: 10,
            file_name: None,
            page_count: pages.len() as u64,
            text_status: TextStatus::Text,
        };
        let pages =
            pages.iter().enumerate().map(|(i, t)| DocumentPage { page: i as u32 + 1, text: (*t).to_owned() }).collect();
        Ok(Some(SourceDocument { document, pages }))
    }

    fn detail() -> Result<SourceDetail, String> {
        Err("not needed".to_owned())
    }

    #[test]
    fn a_refresh_keeps_the_pages_held_and_a_new_document_replaces_them() {
        let mut view = SourceView::loading(1);
        view.arrived(detail(), document(7, &["one", "two"]));
        view.page = 1;
        view.selection = "two".to_owned();
        assert_eq!(view.document_id(), Some(7));

        // The same document, its pages not read again: the view keeps its pages, page and selection.
        view.arrived(detail(), document(7, &[]));
        assert_eq!(view.document_id(), Some(7));
        assert_eq!((view.page, view.selection.as_str()), (1, "two"));

        // Another document (the file was replaced): its pages, the page kept in range, nothing selected.
        view.arrived(detail(), document(8, &["only"]));
        assert_eq!(view.document_id(), Some(8));
        assert_eq!((view.page, view.selection.as_str()), (0, ""));
    }
}
