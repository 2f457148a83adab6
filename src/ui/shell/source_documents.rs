//! Documents from the window: files dropped on it are stored (for the note or source open),
//! words selected on a page of a source's file become a claim's quote (in the note the user
//! picks, or a new one), and the file opens in the system's viewer (a copy written on the
//! worker).

use std::path::PathBuf;

use super::{JevonsApp, Pane};
use crate::io::viewer::Opened;
use crate::model::SourceUrl;
use crate::session::transfer::{DocumentsJob, Job};
use crate::ui::action::Action;
use crate::ui::action::QuoteRequest;
use crate::ui::note::claim_form::SourcePick;
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    /// Reads the files dropped this frame into an action, and veils the window while files hover
    /// over it, saying where they would go.
    pub(super) fn drops(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let target = match &self.pane {
            Pane::Note if self.editor.as_ref().is_some_and(|e| !e.is_trashed()) => "linked to this note",
            Pane::Source(view) if source_url(view).is_some() => "of this source",
            _ => "as new sources",
        };
        crate::ui::widgets::drop_zone::drop_veil_ui(ctx, target);
        let (paths, without) = crate::ui::widgets::drop_zone::dropped_paths(ctx);
        if without > 0 {
            self.toasts.push(Toast::info(format!(
                "{without} dropped item(s) had no file on disk: drag the file itself, not a link to it"
            )));
        }
        if !paths.is_empty() {
            actions.push(Action::DropFiles(paths));
        }
    }

    /// Stores dropped files as documents: each linked to the open note, or (one file) for the
    /// open source when it has a web address, else each a source of its own.
    pub(super) fn add_dropped(&mut self, paths: Vec<PathBuf>) {
        if self.transfer.is_running() {
            self.toasts
                .push(Toast::info("Wait for the running job to finish (or cancel it), then drop the files again."));
            return;
        }
        let mut job = DocumentsJob { paths, ..DocumentsJob::default() };
        match &self.pane {
            Pane::Note if self.editor.as_ref().is_some_and(|e| !e.is_trashed()) => {
                job.note = self.ensure_saved_note();
            }
            Pane::Source(view) => job.url = source_url(view),
            _ => {}
        }
        self.start_job(Job::AddDocuments(job));
    }

    /// "Quote as claim…": opens the note (or a new one, titled after the source) with the claim
    /// form filled in: the words as the quote and the claim's text, the source, and the page.
    pub(super) fn quote_as_claim(&mut self, request: QuoteRequest) {
        let source_title = match &self.pane {
            Pane::Source(view) => {
                view.data.as_ref().map(|d| d.source.title.clone().unwrap_or_else(|| d.source.label()))
            }
            _ => None,
        };
        match request.note {
            Some(id) => {
                self.open_note_by_id(id, true);
                // A note that could not be left (a conflict) or opened keeps the window where it is.
                if self.open_note() != Some(id) {
                    return;
                }
            }
            None => {
                self.new_note();
                let Some(editor) = self.editor.as_mut().filter(|e| e.id.is_none()) else { return };
                editor.title = match source_title {
                    Some(title) => format!("Notes on {title}"),
                    None => format!("Notes on source {}", request.source),
                };
                editor.focus_title = false;
            }
        }
        self.new_claim(None);
        let Some(form) = self.editor.as_mut().and_then(|e| e.claim_form.as_mut()) else { return };
        form.source = SourcePick::Existing(request.source);
        form.quote = request.quote.clone();
        form.text = request.quote;
        form.page = request.page.to_string();
    }

    /// Saves a source's details; the form closes once they are saved and says why when not.
    pub(super) fn edit_source(&mut self, source: i64, details: &crate::model::SourceDetails) {
        let super::Database::Ready(store) = &mut self.db else { return };
        let saved = store.set_source_details(source, details);
        if let Pane::Source(view) = &mut self.pane
            && view.id == source
            && let Some(form) = &mut view.details_form
        {
            match saved {
                Ok(_) => view.details_form = None,
                Err(error) => form.error = Some(format!("Not saved: {error}")),
            }
        }
        self.refresh(false, None);
    }

    /// Asks the worker to open source `source`'s file at `page`.
    pub(super) fn open_document(&mut self, source: i64, page: u32) {
        self.worker.send(Request::OpenDocument { source, page });
    }

    /// What opening a file in a viewer did, said in a toast.
    pub(super) fn document_opened(&mut self, result: Result<Opened, String>) {
        self.toasts.push(Toast::info(opened_message(result, crate::store::cipher::has_key())));
    }
}

/// The toast for a file opened in a viewer. The viewer reads a copy in the cache folder: for an
/// encrypted database (`encrypted`) the toast says that copy is not encrypted.
fn opened_message(result: Result<Opened, String>, encrypted: bool) -> String {
    let copy = if encrypted {
        "a copy, not encrypted, removed when Jevons closes"
    } else {
        "a copy, removed when Jevons closes"
    };
    match result {
        Ok(opened) if opened.at_page => format!("Opened in {} ({copy})", opened.viewer),
        Ok(opened) => format!(
            "Opened with {} at its first page ({copy}): install evince, okular or zathura, or set JEVONS_VIEWER, to open at a page",
            opened.viewer
        ),
        Err(error) => format!("Cannot open the file: {error}"),
    }
}

/// The open source's web address, when it has one (a file dropped on it becomes its file).
fn source_url(view: &crate::ui::source::SourceView) -> Option<SourceUrl> {
    let url = &view.data.as_ref()?.source.url;
    SourceUrl::parse(url).ok().filter(|_| crate::ui::widgets::links::is_web_link(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toast_says_the_viewers_copy_of_an_encrypted_database_is_not_encrypted() {
        let opened = |at_page| Ok(Opened { path: PathBuf::from("/c/x.pdf"), viewer: "evince".into(), at_page });
        assert_eq!(opened_message(opened(true), false), "Opened in evince (a copy, removed when Jevons closes)");
        let sealed = opened_message(opened(true), true);
        assert_eq!(sealed, "Opened in evince (a copy, not encrypted, removed when Jevons closes)");
        assert!(opened_message(opened(false), true).contains("first page (a copy, not encrypted,"));
        assert_eq!(opened_message(Err("gone".into()), true), "Cannot open the file: gone");
    }
}
