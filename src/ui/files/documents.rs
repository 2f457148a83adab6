//! File → Add document…: what the form explains, and what adding the file did (the source it
//! became, its pages, and whether its text could be read).

use egui::{RichText, Ui};

use crate::model::TextStatus;
use crate::session::documents::FileAdded;
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

pub fn document_summary_ui(ui: &mut Ui, added: &FileAdded, seconds: &str) {
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
