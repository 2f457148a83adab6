//! The note's claims as a compact table (text and links, value formatted for people, as-of date,
//! claimant, stance per ticker in colour, status, source), beside the suggestions read out of
//! the text, and the form that adds or edits one in place.

use egui::{Button, ComboBox, Grid, Id, RichText, ScrollArea, TextEdit, Ui, Vec2};

use crate::model::{Claim, SourceKind, Stance, Status};
use crate::store::SourceCount;
use crate::ui::action::Action;
use crate::ui::note::actions::ClaimAction;
use crate::ui::note::actions::ClaimsTab;
use crate::ui::note::claim_form::{ClaimForm, FieldErrors, SourcePick};
use crate::ui::note::claim_links::{links_form_ui, status_and_links_ui};
use crate::ui::note::state::{NoteContext, NoteEditor};
use crate::ui::search::search_box::ticker_suggestions;
use crate::ui::widgets::anchoring;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};
use crate::ui::worker::SidebarData;

pub fn claims_ui(ui: &mut Ui, editor: &mut NoteEditor, read_only: bool, actions: &mut Vec<Action>) {
    let claims: Vec<Claim> = editor.base.as_ref().map(|n| n.claims.clone()).unwrap_or_default();
    let suggested = editor.analysis.latest().map(|a| a.suggestions.len());
    // "Add claim" is placed first, on the right, and the tabs wrap in what is left: a narrow
    // pane never pushes the button out of sight.
    let offer_add = !read_only && editor.claim_form.is_none() && editor.claims_tab != ClaimsTab::Journal;
    let mut add = false;
    egui::Sides::new().shrink_left().show(
        ui,
        |ui| {
            ui.horizontal_wrapped(|ui| tabs_ui(ui, editor, claims.len(), suggested, actions));
        },
        |ui| {
            add = offer_add && ui.button("Add claim").on_hover_text("Ctrl+Shift+C").clicked();
        },
    );
    if add {
        actions.push(Action::Claim(ClaimAction::New));
    }
    if editor.claims_tab == ClaimsTab::Suggestions {
        crate::ui::note::suggestions::suggestions_ui(ui, editor, &claims, read_only, actions);
        return;
    }
    if editor.claims_tab == ClaimsTab::Journal {
        crate::ui::note::journal::journal_ui(ui, editor, read_only, actions);
        return;
    }
    ScrollArea::both().id_salt("claims-scroll").auto_shrink([false, false]).show(ui, |ui| {
        if claims.is_empty() {
            ui.label(theme::muted(
                "No claims yet. A claim is a figure or view with who said it, when, and the source.",
            ));
            return;
        }
        claims_table_ui(ui, &claims, editor.claim_form.as_ref().and_then(|f| f.editing), read_only, actions);
    });
}

/// The tabs over the claims area: the claims, the suggestions read from the text, the journal.
fn tabs_ui(ui: &mut Ui, editor: &NoteEditor, claims: usize, suggested: Option<usize>, actions: &mut Vec<Action>) {
    let tab = editor.claims_tab;
    let claims_tab =
        Button::selectable(tab == ClaimsTab::Claims, RichText::new(format!("Claims  {}", claims)).strong());
    if ui.add(claims_tab).clicked() {
        actions.push(Action::Claim(ClaimAction::ShowTab(ClaimsTab::Claims)));
    }
    let count = suggested.map_or_else(|| "…".to_owned(), |n| n.to_string());
    let suggestions_tab =
        Button::selectable(tab == ClaimsTab::Suggestions, RichText::new(format!("From the text  {count}")).strong());
    let response = ui
        .add(suggestions_tab)
        .on_hover_text("Figures, tickers, dates and who says what, read out of the note: one click makes a claim")
        .accessible_name("Suggestions from the text");
    if response.clicked() {
        actions.push(Action::Claim(ClaimAction::ShowTab(ClaimsTab::Suggestions)));
    }
    let entries = editor.journal.threads.len();
    let journal_tab =
        Button::selectable(tab == ClaimsTab::Journal, RichText::new(format!("Journal  {entries}")).strong());
    let response = ui
        .add(journal_tab)
        .on_hover_text("Dated entries of what you decided and why: kept as written, revisions beside them")
        .accessible_name(if entries == 1 {
            "Journal, 1 entry".to_owned()
        } else {
            format!("Journal, {entries} entries")
        });
    if response.clicked() {
        actions.push(Action::Claim(ClaimAction::ShowTab(ClaimsTab::Journal)));
    }
}

/// The claim form, shown above the claims while a claim is added or edited.
pub fn claim_form_ui(ui: &mut Ui, editor: &mut NoteEditor, context: &NoteContext<'_>, actions: &mut Vec<Action>) {
    let Some(form) = &mut editor.claim_form else { return };
    ScrollArea::vertical().id_salt("claim-form-scroll").auto_shrink([false, false]).show(ui, |ui| {
        form_ui(ui, form, context, actions);
    });
}

/// The table of claims (shared with the source view, which has no edit buttons).
pub fn claims_table_ui(
    ui: &mut Ui,
    claims: &[Claim],
    editing: Option<i64>,
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    if claims.is_empty() {
        return;
    }
    let p = Palette::of(ui);
    let text_width = (ui.available_width() * 0.3).clamp(150.0, 480.0);
    Grid::new("claims-grid").striped(true).spacing(Vec2::new(10.0, 5.0)).min_col_width(0.0).show(ui, |ui| {
        for header in ["Claim", "Value", "As of", "Claimant", "Tickers", "Source"] {
            ui.label(RichText::new(header).small().strong().color(p.muted));
        }
        ui.end_row();
        for claim in claims {
            let editing_this = editing == Some(claim.id);
            let colour = if editing_this { p.accent } else { p.text };
            // The buttons sit under the claim's text, so the table keeps to the pane's width.
            ui.vertical(|ui| {
                theme::wrapped(ui, text_width, RichText::new(&claim.text).color(colour), egui::Sense::hover());
                status_and_links_ui(ui, claim, text_width);
                if !read_only {
                    ui.horizontal(|ui| {
                        if ui.small_button("Edit").accessible_name(format!("Edit claim {}", claim.id)).clicked() {
                            actions.push(Action::Claim(ClaimAction::Edit(claim.id)));
                        }
                        if ui.small_button("Delete").accessible_name(format!("Delete claim {}", claim.id)).clicked() {
                            actions.push(Action::Claim(ClaimAction::Delete(claim.id)));
                        }
                    });
                }
            });
            ui.label(theme::figure(claim.display_value().unwrap_or_else(|| "—".to_owned())).strong());
            ui.label(theme::figure(claim.as_of.clone().unwrap_or_else(|| "—".to_owned())).color(p.muted));
            ui.label(claim.claimant.clone().unwrap_or_else(|| "—".to_owned()));
            ui.vertical(|ui| {
                for t in &claim.tickers {
                    ui.horizontal(|ui| {
                        let chip = theme::chip(ui, t.symbol.as_str(), theme::ChipStyle::Solid, None, true);
                        if chip.clicked() {
                            actions.push(Action::OpenDossier(t.symbol.clone()));
                        }
                        ui.label(theme::stance_text(ui, t.stance));
                    });
                }
            });
            ui.vertical(|ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                for source in &claim.sources {
                    let label =
                        source.publisher.clone().or_else(|| source.title.clone()).unwrap_or_else(|| source.url.clone());
                    let link = ui.link(shorten(&label, 18)).on_hover_ui(|ui| {
                        ui.label(source.title.clone().unwrap_or_default());
                        ui.label(RichText::new(&source.url).small().monospace());
                        if let Some(quote) = &source.quote {
                            ui.label(RichText::new(format!("“{quote}”")).italics());
                        }
                    });
                    if link.clicked() {
                        actions.push(Action::OpenSource(source.id));
                    }
                    if let Some(page) = anchoring::quote_state_ui(ui, source) {
                        actions.push(Action::OpenSourceAt { id: source.id, page });
                    }
                }
                if claim.sources.is_empty() {
                    ui.label(RichText::new("no source").small().color(p.warn));
                }
            });
            ui.end_row();
        }
    });
}

/// A labelled field: the label, the text box (named by the label for screen readers and tests),
/// and the error under it.
fn field(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    width: f32,
    error: Option<&String>,
) -> egui::Response {
    let p = Palette::of(ui);
    let label = ui.label(RichText::new(label).small().color(p.muted));
    let response = ui
        .vertical(|ui| {
            let response =
                ui.add(TextEdit::singleline(text).hint_text(hint).desired_width(width)).labelled_by(label.id);
            if let Some(error) = error.filter(|e| !e.is_empty()) {
                ui.label(RichText::new(error).small().color(p.error));
            }
            response
        })
        .inner;
    ui.end_row();
    response
}

/// The as-of date, and how it was inferred while it holds the date read from `on Monday`.
fn as_of_field(ui: &mut Ui, form: &mut ClaimForm, error: Option<&String>) {
    let p = Palette::of(ui);
    let label = ui.label(RichText::new("As of").small().color(p.muted));
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let edit =
                TextEdit::singleline(&mut form.as_of).hint_text("2025-01-27, 2025-01 or 2025").desired_width(140.0);
            ui.add(edit).labelled_by(label.id);
            if let Some((date, how)) = &form.as_of_inferred
                && *date == form.as_of
            {
                ui.label(RichText::new("inferred").small().color(p.warn)).on_hover_text(how);
                ui.label(theme::muted(how).color(p.faint));
            }
        });
        if let Some(error) = error.filter(|e| !e.is_empty()) {
            ui.label(RichText::new(error).small().color(p.error));
        }
    });
    ui.end_row();
}

fn form_ui(ui: &mut Ui, form: &mut ClaimForm, context: &NoteContext<'_>, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let errors = form.check().err().map(|e| *e).unwrap_or_default();
    // Before the first try, only fields with something typed in them are flagged.
    let shown = |e: &Option<String>| e.as_ref().filter(|m| !m.is_empty()).cloned();
    let errors = FieldErrors {
        text: shown(&errors.text),
        value: shown(&errors.value),
        currency: shown(&errors.currency),
        as_of: shown(&errors.as_of),
        tickers: shown(&errors.tickers),
        url: shown(&errors.url),
        published: shown(&errors.published),
        quote: shown(&errors.quote),
        page: shown(&errors.page),
    };
    egui::Frame::group(ui.style()).fill(ui.visuals().faint_bg_color).inner_margin(10).show(ui, |ui| {
        ui.label(RichText::new(if form.editing.is_some() { "Edit claim" } else { "New claim" }).strong());
        ui.add_space(4.0);
        let wide = (ui.available_width() - 120.0).clamp(200.0, 640.0);
        Grid::new("claim-form").num_columns(2).spacing(Vec2::new(10.0, 6.0)).show(ui, |ui| {
            let label = ui.label(RichText::new("Claim").small().color(p.muted));
            ui.vertical(|ui| {
                let response = ui
                    .add(
                        TextEdit::multiline(&mut form.text)
                            .hint_text("What is claimed, in a sentence")
                            .desired_rows(2)
                            .desired_width(wide),
                    )
                    .labelled_by(label.id);
                if form.text.is_empty() && form.editing.is_none() && !response.has_focus() && !form.tried {
                    response.request_focus();
                }
                if let Some(error) = &errors.text {
                    ui.label(RichText::new(error).small().color(p.error));
                }
            });
            ui.end_row();
            let label = ui.label(RichText::new("Value").small().color(p.muted));
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    ui.add(TextEdit::singleline(&mut form.value).hint_text("6M, 500B, 2,000, 75").desired_width(120.0))
                        .labelled_by(label.id);
                    let unit = ui.label(RichText::new("unit").small().color(p.muted));
                    ui.add(TextEdit::singleline(&mut form.unit).hint_text("%, GPUs").desired_width(70.0))
                        .labelled_by(unit.id);
                    let currency = ui.label(RichText::new("currency").small().color(p.muted));
                    ui.add(TextEdit::singleline(&mut form.currency).hint_text("USD, BRL").desired_width(60.0))
                        .labelled_by(currency.id);
                    if let Ok(checked) = form.check()
                        && let Some(value) = checked.draft.value
                    {
                        let shown = crate::model::format_value(
                            value,
                            checked.draft.unit.as_deref(),
                            checked.draft.currency.as_deref(),
                        );
                        ui.label(theme::figure(format!("= {shown}")).color(p.muted));
                    }
                });
                for error in [&errors.value, &errors.currency].into_iter().flatten() {
                    ui.label(RichText::new(error).small().color(p.error));
                }
            });
            ui.end_row();
            as_of_field(ui, form, errors.as_of.as_ref());
            field(
                ui,
                "Claimant",
                &mut form.claimant,
                "who says so: DeepSeek, Cantor Fitzgerald",
                wide.min(320.0),
                None,
            );
            let label = ui.label(RichText::new("Status").small().color(p.muted));
            ComboBox::from_id_salt("claim-status")
                .selected_text(form.status.as_str())
                .show_ui(ui, |ui| {
                    for status in Status::ALL {
                        ui.selectable_value(&mut form.status, status, status.as_str());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(RichText::new("Tickers").small().color(p.muted));
            ui.vertical(|ui| tickers_ui(ui, form, context, label.id, errors.tickers.as_ref(), actions));
            ui.end_row();
            let label = ui.label(RichText::new("Source").small().color(p.muted));
            ui.vertical(|ui| source_ui(ui, form, context.sources, label.id, &errors));
            ui.end_row();
            let label = ui.label(RichText::new("Quote").small().color(p.muted));
            ui.vertical(|ui| {
                // The page sits beside the quote, on its first line, so the form grows no taller.
                ui.horizontal_top(|ui| {
                    ui.add(
                        TextEdit::multiline(&mut form.quote)
                            .hint_text("the exact words from the source (optional)")
                            .desired_rows(2)
                            .desired_width((wide - 120.0).max(160.0)),
                    )
                    .labelled_by(label.id);
                    let page = ui.label(RichText::new("Page").small().color(p.muted));
                    ui.add(TextEdit::singleline(&mut form.page).hint_text("—").desired_width(44.0))
                        .on_hover_text("The page of the source's document the quote is on: it is checked there")
                        .labelled_by(page.id);
                });
                for error in [&errors.quote, &errors.page].into_iter().flatten().filter(|e| !e.is_empty()) {
                    ui.label(RichText::new(error).small().color(p.error));
                }
            });
            ui.end_row();
            let label = ui.label(RichText::new("Links").small().color(p.muted));
            ui.vertical(|ui| links_form_ui(ui, form, label.id));
            ui.end_row();
        });
        if let Some(error) = &form.store_error {
            ui.label(RichText::new(error).color(p.error));
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let valid = form.check().is_ok();
            let save = ui.add(Button::new(RichText::new("Save claim").strong())).on_hover_text(if valid {
                "Save this claim"
            } else {
                "Fix the fields marked in red first"
            });
            if save.clicked() {
                actions.push(Action::Claim(ClaimAction::Submit));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::Claim(ClaimAction::Cancel));
            }
            if !valid && form.tried {
                ui.label(RichText::new("Nothing saved yet: fix the fields marked in red.").small().color(p.warn));
            }
        });
    });
}

fn tickers_ui(
    ui: &mut Ui,
    form: &mut ClaimForm,
    context: &NoteContext<'_>,
    label: Id,
    error: Option<&String>,
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    let mut remove = None;
    for (i, row) in form.tickers.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(theme::figure(format!("{:<6}", row.symbol.to_uppercase())).strong());
            for (stance, text) in [
                (None, "none"),
                (Some(Stance::Bullish), "▲ bullish"),
                (Some(Stance::Bearish), "▼ bearish"),
                (Some(Stance::Neutral), "● neutral"),
            ] {
                let colour = if stance.is_some() { p.stance(stance) } else { p.muted };
                let selected = row.stance == stance;
                let button = Button::selectable(selected, RichText::new(text).small().color(colour));
                if ui.add(button).accessible_name(format!("{} {text}", row.symbol.to_uppercase())).clicked() {
                    row.stance = stance;
                }
            }
            if ui.small_button("×").accessible_name(format!("Remove {} from the claim", row.symbol)).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        form.tickers.remove(i);
    }
    ui.horizontal(|ui| {
        let mut wanted = None;
        let output = egui::CompletionPopup::new(Id::unique("claim-ticker-input")).word_boundary(|_| false).show(
            ui,
            TextEdit::singleline(&mut form.ticker_input).hint_text("add ticker or company").desired_width(170.0),
            |query| {
                let typed = query.word.trim();
                if typed.is_empty() {
                    return Vec::new();
                }
                wanted = Some(typed.to_owned());
                ticker_suggestions(typed, &SidebarData::default(), context.completions)
                    .into_iter()
                    .map(|(symbol, name, _)| {
                        egui::Suggestion::new(symbol.clone())
                            .content((RichText::new(symbol).monospace().strong(), RichText::new(name).small()))
                    })
                    .collect()
            },
        );
        let response = output.text_edit.response.response.clone().labelled_by(label);
        if let Some(typed) = wanted {
            actions.push(Action::CompleteTicker(typed));
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if output.accepted.is_some() || entered {
            form.add_typed_ticker();
        }
        if !form.ticker_input.trim().is_empty() && ui.small_button("Add").clicked() {
            form.add_typed_ticker();
        }
    });
    if form.tickers.is_empty() {
        ui.label(theme::muted("optional: the tickers this claim is about, each with a stance").color(p.faint));
    }
    if let Some(error) = error {
        ui.label(RichText::new(error).small().color(p.error));
    }
}

fn source_ui(ui: &mut Ui, form: &mut ClaimForm, sources: &[SourceCount], label: Id, errors: &FieldErrors) {
    let p = Palette::of(ui);
    let selected_text = match form.source {
        SourcePick::None => "No source".to_owned(),
        SourcePick::New => "New source…".to_owned(),
        SourcePick::Existing(id) => sources
            .iter()
            .find(|s| s.source.id == id)
            .map_or_else(|| format!("source {id}"), |s| shorten(&source_label(s), 48)),
    };
    ComboBox::from_id_salt("claim-source")
        .selected_text(selected_text)
        .width(320.0)
        .height(300.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.source, SourcePick::None, "No source");
            ui.selectable_value(&mut form.source, SourcePick::New, "New source…");
            ui.separator();
            for s in sources {
                ui.selectable_value(&mut form.source, SourcePick::Existing(s.source.id), shorten(&source_label(s), 60));
            }
        })
        .response
        .labelled_by(label);
    if form.source != SourcePick::New {
        return;
    }
    let new = &mut form.new_source;
    Grid::new("new-source").num_columns(2).spacing(Vec2::new(8.0, 4.0)).show(ui, |ui| {
        field(ui, "URL", &mut new.url, "https://…", 360.0, errors.url.as_ref());
        field(ui, "Title", &mut new.title, "headline or document title", 360.0, None);
        field(ui, "Publisher", &mut new.publisher, "Reuters, SEC, Sherwood News", 220.0, None);
        field(ui, "Author", &mut new.author, "optional", 220.0, None);
        field(ui, "Published", &mut new.published, "YYYY-MM-DD", 110.0, errors.published.as_ref());
        let label = ui.label(RichText::new("Kind").small().color(p.muted));
        ComboBox::from_id_salt("new-source-kind")
            .selected_text(new.kind.label())
            .show_ui(ui, |ui| {
                for kind in SourceKind::ALL {
                    ui.selectable_value(&mut new.kind, kind, kind.label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
    });
}

fn source_label(s: &SourceCount) -> String {
    match (&s.source.publisher, &s.source.title) {
        (Some(publisher), Some(title)) => format!("{publisher}: {title}"),
        _ => s.source.label(),
    }
}
