//! What extraction read out of the open note, offered as suggestions: tickers the text names
//! but the note is not linked to (one click links them), the dates and claimants found, and one
//! row per figure or opinion with a button that opens the claim form prefilled from it. The rows
//! come from the editor's cached analysis; only those in view are laid out.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Align, Button, FontId, Layout, Rect, RichText, ScrollArea, Sense, Ui, UiBuilder, pos2, vec2};

use crate::extract::{ClaimSuggestion, SuggestionKind};
use crate::model::{Claim, format_value};
use crate::session::names::NameChange;
use crate::ui::action::Action;
use crate::ui::note::actions::{ClaimAction, NoteAction};
use crate::ui::note::analysis::{already_claimed, unlinked_tickers};
use crate::ui::note::state::NoteEditor;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};

/// Height of one suggestion row (its findings, then two lines of its sentence), in points.
const ROW_HEIGHT: f32 = 56.0;
/// The width kept for a row's buttons, on the right (less in a very narrow pane).
const BUTTON_WIDTH: f32 = 96.0;
/// How far the sentence is set in under the row's kind.
const QUOTE_INDENT: f32 = 62.0;

pub fn suggestions_ui(ui: &mut Ui, editor: &NoteEditor, claims: &[Claim], read_only: bool, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    if let Some(error) = &editor.analysis.error {
        ui.label(RichText::new(format!("Could not read the text: {error}")).small().color(p.error));
    }
    let Some(analysis) = editor.analysis.latest() else {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new().size(12.0));
            ui.label(theme::muted("reading the text…").color(p.muted));
        });
        return;
    };
    let f = &analysis.findings;
    let stale = editor.analysis.of_version(editor.body_version).is_none();
    ui.horizontal_wrapped(|ui| {
        let counts = [
            (f.tickers.len(), "ticker mention", "ticker mentions"),
            (f.amounts.len(), "amount", "amounts"),
            (f.percents.len(), "percentage", "percentages"),
            (f.quantities.len(), "quantity", "quantities"),
            (f.dates.len(), "date", "dates"),
            (f.claimants.len(), "claimant", "claimants"),
        ];
        let found: Vec<String> = counts
            .iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        let summary = if found.is_empty() { "Nothing found in the text yet.".to_owned() } else { found.join(" · ") };
        ui.label(theme::muted(summary).color(p.muted));
        if stale {
            ui.label(theme::muted("(reading your changes…)").color(p.faint));
        }
    });
    let links = editor.ticker_chips();
    let unlinked = unlinked_tickers(f, &links);
    if !unlinked.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(theme::muted("Named in the text:").color(p.muted));
            for ticker in unlinked.iter().take(12) {
                let symbol = ticker.symbol.to_string();
                ui.label(RichText::new(format!("{} → {symbol}", shorten(&ticker.text, 24))).small());
                if !read_only
                    && ui
                        .small_button("Link")
                        .on_hover_text(format!("Link {symbol} to this note"))
                        .accessible_name(format!("Link {symbol} to this note"))
                        .clicked()
                {
                    actions.push(Action::Note(NoteAction::AddTicker(symbol.clone())));
                }
                let never = format!("Never read “{}” as {symbol}", ticker.text);
                if ui.small_button("Not this").on_hover_text(&never).accessible_name(&never).clicked() {
                    actions.push(Action::Names(NameChange::Suppress {
                        phrase: ticker.text.clone(),
                        symbol: ticker.symbol.clone(),
                    }));
                }
            }
        });
    }
    // Relative dates show resolved, with the words they were read from.
    let mut dates: Vec<String> = f
        .dates
        .iter()
        .map(|d| if d.inferred { format!("{} (“{}”)", d.date, shorten(&d.text, 24)) } else { d.date.clone() })
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let mut claimants: Vec<&str> = f.claimants.iter().map(|c| c.name.as_str()).collect();
    claimants.sort_unstable();
    claimants.dedup();
    if !dates.is_empty() || !claimants.is_empty() {
        let mut line = Vec::new();
        if !dates.is_empty() {
            line.push(format!("Dates: {}", dates.iter().take(8).cloned().collect::<Vec<_>>().join(", ")));
        }
        if !claimants.is_empty() {
            line.push(format!("Who says: {}", claimants.iter().take(8).copied().collect::<Vec<_>>().join(", ")));
        }
        ui.label(theme::muted(line.join("   ·   ")).color(p.muted));
    }
    ui.separator();
    if analysis.suggestions.is_empty() {
        ui.label(theme::muted("No figures or opinions to offer as claims.").color(p.faint));
        return;
    }
    ScrollArea::vertical().id_salt("suggestions-scroll").auto_shrink([false, false]).show_rows(
        ui,
        ROW_HEIGHT,
        analysis.suggestions.len(),
        |ui, rows| {
            for row in rows {
                let suggestion = &analysis.suggestions[row];
                let claimed = already_claimed(suggestion, claims);
                row_ui(ui, suggestion, claimed, read_only, actions);
            }
        },
    );
}

fn kind_word(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::Amount => "amount",
        SuggestionKind::Percent => "percent",
        SuggestionKind::Quantity => "quantity",
        SuggestionKind::Opinion => "view",
    }
}

/// What the row's button is called for screen readers and tests: `Claim US$ 589 billion`.
fn claim_button_name(suggestion: &ClaimSuggestion) -> String {
    match suggestion.kind {
        SuggestionKind::Opinion => {
            format!("Claim the view of {}", suggestion.claimant.as_deref().unwrap_or("the claimant"))
        }
        _ => format!("Claim {}", found_text(suggestion)),
    }
}

/// The words the suggestion was found in: the figure, or the claimant of a view.
fn found_text(suggestion: &ClaimSuggestion) -> String {
    let (start, end) = (suggestion.span.start, suggestion.span.end);
    let (s0, s1) = (suggestion.sentence.start, suggestion.sentence.end);
    if start >= s0 && end <= s1 {
        suggestion.quote.chars().skip(start - s0).take(end - start).collect()
    } else {
        String::new()
    }
}

/// One suggestion: its buttons in a column of their own on the right, laid out first, so no
/// text can push them out of the pane; beside them the findings on one line (clipped) and the
/// sentence wrapped on up to two.
fn row_ui(ui: &mut Ui, suggestion: &ClaimSuggestion, claimed: bool, read_only: bool, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::hover());
    let button_width = BUTTON_WIDTH.min(rect.width() * 0.45);
    let buttons =
        Rect::from_min_max(pos2(rect.right() - button_width, rect.top()), pos2(rect.right(), rect.top() + 24.0));
    ui.scope_builder(UiBuilder::new().max_rect(buttons).layout(Layout::right_to_left(Align::Min)), |ui| {
        if claimed {
            ui.label(theme::muted("in the claims").color(p.ok));
        } else if !read_only {
            let button = ui
                .add(Button::new(RichText::new("Claim it").small()))
                .on_hover_text("Open the claim form filled in from this sentence")
                .accessible_name(claim_button_name(suggestion));
            if button.clicked() {
                actions.push(Action::Claim(ClaimAction::FromSuggestion(Box::new(suggestion.clone()))));
            }
        }
    });
    let text = Rect::from_min_max(rect.min, pos2(buttons.left() - 6.0, rect.bottom()));
    ui.scope_builder(UiBuilder::new().max_rect(text), |ui| {
        ui.shrink_clip_rect(text);
        ui.horizontal(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            findings_line_ui(ui, suggestion);
        });
        let mut job =
            LayoutJob::single_section(suggestion.text.clone(), TextFormat::simple(FontId::proportional(11.5), p.muted));
        // The label sets the width to what is left beside the indent; the rows stay at two.
        job.wrap = TextWrapping { max_rows: 2, overflow_character: Some('…'), ..TextWrapping::default() };
        ui.horizontal(|ui| {
            ui.add_space(QUOTE_INDENT);
            ui.add(egui::Label::new(job).wrap()).on_hover_text(&suggestion.quote);
        });
    });
}

/// The kind of suggestion, the words it was found in, the value read, and what it is about.
fn findings_line_ui(ui: &mut Ui, suggestion: &ClaimSuggestion) {
    let p = Palette::of(ui);
    ui.add_sized([58.0, 18.0], egui::Label::new(theme::muted(kind_word(suggestion.kind)).color(p.muted)));
    let found = found_text(suggestion);
    if !found.is_empty() {
        ui.label(RichText::new(shorten(&found, 40)).background_color(p.highlight).color(p.text));
    }
    if let Some(value) = suggestion.value {
        let shown = format_value(value, suggestion.unit.as_deref(), suggestion.currency.as_deref());
        ui.label(theme::figure(format!("= {shown}")).strong());
    }
    for symbol in &suggestion.tickers {
        ui.label(theme::figure(symbol.as_str()).small());
    }
    if suggestion.stance.is_some() {
        ui.label(theme::stance_text(ui, suggestion.stance));
    }
    if let Some(claimant) = &suggestion.claimant {
        ui.label(RichText::new(shorten(claimant, 28)).small());
    }
    if let Some(as_of) = &suggestion.as_of {
        match &suggestion.as_of_from {
            Some(words) => {
                ui.label(theme::figure(format!("{as_of} (inferred)")).small().color(p.muted))
                    .on_hover_text(format!("Read from “{words}” against the note's date, or its source's"));
            }
            None => {
                ui.label(theme::figure(as_of).small().color(p.muted));
            }
        }
    }
    if suggestion.ambiguous {
        ui.label(RichText::new("check the number").small().color(p.warn)).on_hover_text(
            "The number could be read another way (2.000 is two in English, two thousand in Portuguese)",
        );
    }
}
