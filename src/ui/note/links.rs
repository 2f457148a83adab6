//! The open note's links to and from other notes: where its `[[links]]` go (for the preview), the
//! "Linked from" and "Mentioned in" lists (all read by the worker, [`LinksData`]), the titles
//! offered when `[[` is typed, and the offer to update links after the note was renamed.

use std::collections::HashMap;

use egui::{Button, CompletionQuery, RichText, Ui};

use crate::model::{NoteId, fold};
use crate::store::{LinkedNote, MAX_MENTIONS, NoteLink};
use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;
use crate::ui::widgets::theme::{self, Palette};

/// At most this many notes linking here are listed (the newest), so a note that thousands link to
/// keeps its frames short.
pub const MAX_LISTED: usize = 200;

/// What the worker read about a note's links.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinksData {
    pub links: Vec<NoteLink>,
    pub backlinks: Vec<LinkedNote>,
    pub mentions: Vec<LinkedNote>,
}

/// Links after a rename: the title the links still say, and how many notes hold them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameOffer {
    pub old_title: String,
    pub notes: usize,
}

/// The open note's links as last read, and what the editor asked about them.
#[derive(Debug, Default)]
pub struct NoteLinks {
    /// The note the data is for (none before the first reply).
    pub note: Option<NoteId>,
    pub data: LinksData,
    /// Each link's folded text → the note it reaches, from the saved text.
    targets: HashMap<String, Option<NoteId>>,
    pub rename: Option<RenameOffer>,
    /// Titles completing what follows `[[` at the cursor.
    pub titles: TitleCompletions,
}

impl NoteLinks {
    /// The worker's answer for `note`.
    pub fn arrived(&mut self, note: NoteId, data: LinksData) {
        self.targets = data.links.iter().map(|l| (fold(l.text.trim()), l.target_id)).collect();
        self.note = Some(note);
        self.data = data;
    }

    /// The note a link with this text reaches, as of the last save (none when unknown).
    pub fn target(&self, text: &str) -> Option<NoteId> {
        self.targets.get(&fold(text.trim())).copied().flatten()
    }
}

/// Titles the worker found for a prefix typed after `[[`.
#[derive(Debug, Default)]
pub struct TitleCompletions {
    /// The prefix last asked for.
    pub asked: String,
    /// The prefix `found` answers.
    pub typed: String,
    pub found: Vec<LinkedNote>,
}

impl TitleCompletions {
    /// The titles to offer for `typed`: those found for it, or for a shorter prefix of it that
    /// still match (until the answer for `typed` arrives).
    pub fn offered(&self, typed: &str) -> Vec<String> {
        let wanted = fold(typed.trim());
        if !wanted.starts_with(&fold(self.typed.trim())) {
            return Vec::new();
        }
        self.found.iter().filter(|n| fold(&n.title).starts_with(&wanted)).map(|n| n.title.clone()).collect()
    }
}

/// Where a title typed after `[[` starts: after a bracket, a bar, a `#` or a line break.
pub fn ends_title(c: char) -> bool {
    matches!(c, '[' | ']' | '|' | '#' | '\n')
}

/// The title being typed after `[[` at the cursor, if the cursor is in one.
pub fn typed_title<'a>(query: &CompletionQuery<'a>) -> Option<&'a str> {
    let start = query.word_range.start.0;
    if start < 2 || query.word.len() > 200 {
        return None;
    }
    let mut before = query.text.chars().skip(start - 2);
    (before.next() == Some('[') && before.next() == Some('[')).then_some(query.word)
}

/// The side panel: the notes linking here, then those mentioning the title without a link.
pub fn links_panel_ui(ui: &mut Ui, links: &NoteLinks, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    egui::ScrollArea::vertical().id_salt("links-panel-scroll").show(ui, |ui| {
        ui.label(RichText::new(format!("Linked from ({})", links.data.backlinks.len())).strong());
        if links.data.backlinks.is_empty() {
            ui.label(theme::muted("No note links here yet. Write [[ and a title to link one.").color(p.faint));
        }
        for note in links.data.backlinks.iter().take(MAX_LISTED) {
            note_row(ui, note, &format!("Linked from {}", shown_title(&note.title)), actions);
        }
        if links.data.backlinks.len() > MAX_LISTED {
            let more = theme::count((links.data.backlinks.len() - MAX_LISTED) as u64);
            ui.label(theme::muted(format!("and {more} more (newest listed)")).color(p.faint));
        }
        ui.add_space(10.0);
        let more = if links.data.mentions.len() >= MAX_MENTIONS { "+" } else { "" };
        ui.label(RichText::new(format!("Mentioned in ({}{more})", links.data.mentions.len())).strong());
        if links.data.mentions.is_empty() {
            ui.label(theme::muted("No other note names this title.").color(p.faint));
        }
        for note in &links.data.mentions {
            note_row(ui, note, &format!("Mentioned in {}", shown_title(&note.title)), actions);
        }
    });
}

fn shown_title(title: &str) -> &str {
    if title.trim().is_empty() { "Untitled" } else { title }
}

fn note_row(ui: &mut Ui, note: &LinkedNote, name: &str, actions: &mut Vec<Action>) {
    let button = Button::new(shown_title(&note.title)).frame(false).truncate();
    if ui.add(button).on_hover_text("Open this note").accessible_name(name).clicked() {
        actions.push(Action::OpenNote(note.id));
    }
}

/// After a rename: "N notes link to the old title. Update them?"
pub fn rename_offer_ui(ui: &mut Ui, offer: &RenameOffer, title: &str, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let notes = if offer.notes == 1 { "1 note links".to_owned() } else { format!("{} notes link", offer.notes) };
    egui::Frame::NONE.fill(p.highlight).inner_margin(egui::Margin::symmetric(8, 6)).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{notes} to the old title “{}”. Update them to “{title}”?", offer.old_title));
            if ui.button(format!("Update {}", if offer.notes == 1 { "the link" } else { "the links" })).clicked() {
                actions.push(Action::Note(NoteAction::UpdateLinks));
            }
            if ui.button("Leave them").clicked() {
                actions.push(Action::Note(NoteAction::KeepLinks));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linked(id: NoteId, title: &str) -> LinkedNote {
        LinkedNote { id, title: title.into() }
    }

    #[test]
    fn titles_found_for_a_prefix_are_narrowed_while_typing_goes_on() {
        let completions = TitleCompletions {
            asked: "cap".into(),
            typed: "cap".into(),
            found: vec![linked(1, "Capex cycle"), linked(2, "Capital returns")],
        };
        assert_eq!(completions.offered("Cap"), ["Capex cycle", "Capital returns"]);
        assert_eq!(completions.offered("capi"), ["Capital returns"]);
        assert!(completions.offered("ca").is_empty(), "a shorter prefix waits for its own answer");
    }

    #[test]
    fn link_targets_are_looked_up_by_folded_text() {
        let mut links = NoteLinks::default();
        let link = NoteLink { text: "Ações".into(), heading: None, shown: None, target_id: Some(3) };
        links.arrived(1, LinksData { links: vec![link], ..LinksData::default() });
        assert_eq!((links.target(" acoes "), links.target("other")), (Some(3), None));
    }
}
