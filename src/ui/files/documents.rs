//! File → Add document… and files dropped on the window: what the form explains, and what
//! adding each file did (the source it became, its pages, and whether its text could be read),
//! with a button that opens the source.

use egui::{RichText, Ui};

use crate::model::TextStatus;
use crate::session::documents::FileAdded;
use crate::session::transfer::DocumentResult;
use crate::ui::action::Action;
use crate::ui::widgets::theme::{self, Palette};

/// What the form explains.
pub fn document_form_ui(ui: &mut Ui) {
    ui.label(
        "A PDF (a broker note, a filing, a transcript), a saved web page, or a Markdown or text file. \
         It is stored in the database once (adding the same file again changes nothing), becomes a \
         source, and its text is read page by page so that claims can quote it and searches find it. \
         Up to 100 MB; web pages are read offline, without their scripts.",
    );
}

/// What adding the files did: one file in full, several a line each.
pub fn documents_summary_ui(ui: &mut Ui, results: &[DocumentResult], seconds: &str, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    if let [DocumentResult { result: Ok(added), .. }] = results {
        document_summary_ui(ui, added, seconds);
        if ui.button(format!("Open source {}", added.source_id)).clicked() {
            actions.push(Action::OpenSource(added.source_id));
        }
        return;
    }
    let stored = results.iter().filter(|r| r.result.is_ok()).count();
    ui.label(RichText::new(format!("{stored} of {} files stored, in {seconds}.", results.len())).strong());
    egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
        for DocumentResult { path, result } in results {
            let name =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            ui.horizontal_wrapped(|ui| match result {
                Ok(added) => {
                    let status = match added.text_status {
                        TextStatus::Text => String::new(),
                        ref other => format!(" ({})", other.describe()),
                    };
                    let again = if added.already_stored { ", already stored" } else { "" };
                    ui.label(format!("{name}: source {}{again}{status}", added.source_id));
                    if ui.small_button("Open").on_hover_text(format!("Open source {}", added.source_id)).clicked() {
                        actions.push(Action::OpenSource(added.source_id));
                    }
                }
                Err(why) => {
                    ui.label(RichText::new(format!("{name}: not added: {why}")).color(p.error));
                }
            });
        }
    });
}

fn document_summary_ui(ui: &mut Ui, added: &FileAdded, seconds: &str) {
    let p = Palette::of(ui);
    let pages = match added.pages {
        1 => "1 page".to_owned(),
        n => format!("{} pages", theme::count(n)),
    };
    let headline = if added.already_stored {
        format!("Already stored as source {}: nothing was added again.", added.source_id)
    } else {
        format!("Source {}: a {} of {pages}, read in {seconds}.", added.source_id, added.media_type.label())
    };
    ui.label(RichText::new(headline).strong());
    let (line, warn) = match &added.text_status {
        TextStatus::Text => ("Its text is searchable, and quotes from it are checked against it.".to_owned(), false),
        TextStatus::NoTextLayer => (
            "It has no text layer (scanned pages): the file is kept, but nothing in it can be searched.".to_owned(),
            true,
        ),
        TextStatus::Encrypted => ("It needs a password: the file is kept, its text cannot be read.".to_owned(), true),
        TextStatus::Failed(why) => (format!("Its text could not all be read ({why}); the file is kept."), true),
    };
    ui.label(RichText::new(line).color(if warn { p.warn } else { p.muted }));
}
