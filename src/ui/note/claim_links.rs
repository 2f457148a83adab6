//! Links between claims (`supports`, `contradicts`, `updates`): the lines under a claim in a
//! table, and the part of the claim form that adds and removes the links a claim makes.

use egui::{ComboBox, RichText, Ui};

use crate::model::{Claim, ClaimLinkKind};
use crate::ui::note::claim_form::ClaimForm;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};

/// The colour of a link: support green, contradiction red, update neutral.
fn colour(ui: &Ui, kind: ClaimLinkKind) -> egui::Color32 {
    let p = Palette::of(ui);
    match kind {
        ClaimLinkKind::Supports => p.ok,
        ClaimLinkKind::Contradicts => p.error,
        ClaimLinkKind::Updates => p.accent,
    }
}

/// Under a claim's text: its status (`unverified`, `supported`, `disputed`, `refuted`), then
/// one line per link: `↳ contradicts “Buy NVDA on any weakness”`.
pub fn status_and_links_ui(ui: &mut Ui, claim: &Claim, width: f32) {
    let p = Palette::of(ui);
    ui.label(RichText::new(claim.status.as_str()).small().color(p.status(claim.status)))
        .on_hover_text("How far the claim has been checked");
    for link in &claim.links {
        let text = format!("↳ {} “{}”", link.verb(), shorten(&link.text, 60));
        theme::wrapped(ui, width, RichText::new(text).small().color(colour(ui, link.kind)), egui::Sense::hover())
            .on_hover_text(&link.text);
    }
}

/// A claim as one line in a list of choices: value, date, claimant, text.
fn choice(claim: &Claim) -> String {
    let mut parts = Vec::new();
    if let Some(value) = claim.display_value() {
        parts.push(value);
    }
    if let Some(as_of) = &claim.as_of {
        parts.push(as_of.clone());
    }
    if let Some(claimant) = &claim.claimant {
        parts.push(claimant.clone());
    }
    parts.push(shorten(&claim.text, 60));
    parts.join(" · ")
}

/// The form's links: those the claim makes (removable), those made to it, and a row to add one.
pub fn links_form_ui(ui: &mut Ui, form: &mut ClaimForm, label: egui::Id) {
    let p = Palette::of(ui);
    let mut remove = None;
    for (i, link) in form.links.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(link.kind.as_str()).small().strong().color(colour(ui, link.kind)));
            ui.label(RichText::new(format!("“{}”", shorten(&link.text, 70))).small()).on_hover_text(&link.text);
            let button = ui.small_button("×").accessible_name(format!("Remove the link to “{}”", link.text));
            if button.clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        form.links.remove(i);
    }
    for link in &form.incoming {
        ui.label(
            RichText::new(format!("{} “{}”", link.verb(), shorten(&link.text, 70)))
                .small()
                .color(colour(ui, link.kind)),
        )
        .on_hover_text("Made by the other claim: edit it there");
    }
    ui.horizontal(|ui| {
        ComboBox::from_id_salt("claim-link-kind")
            .selected_text(form.link_kind.as_str())
            .width(100.0)
            .show_ui(ui, |ui| {
                for kind in ClaimLinkKind::ALL {
                    ui.selectable_value(&mut form.link_kind, kind, kind.as_str());
                }
            })
            .response
            .labelled_by(label)
            .on_hover_text("How this claim relates to the other one");
        let chosen = form.link_target.and_then(|id| form.candidates.iter().find(|c| c.id == id)).map(choice);
        let mut target = form.link_target;
        let candidates: Vec<(i64, String)> = form.linkable().map(|c| (c.id, choice(c))).collect();
        let response = ComboBox::from_id_salt("claim-link-target")
            .selected_text(chosen.map_or_else(|| "pick a claim…".to_owned(), |c| shorten(&c, 48)))
            .width(330.0)
            .height(300.0)
            .show_ui(ui, |ui| {
                for (id, text) in &candidates {
                    ui.selectable_value(&mut target, Some(*id), text);
                }
                if candidates.is_empty() {
                    ui.label(theme::muted("No other claims on these tickers yet.").color(p.muted));
                }
            })
            .response
            .accessible_name("Linked claim");
        response.on_hover_text("The claims of this note and the newest on its tickers");
        form.link_target = target;
        if ui.add_enabled(form.link_target.is_some(), egui::Button::new("Add link").small()).clicked() {
            form.add_link();
        }
    });
    if form.links.is_empty() && form.incoming.is_empty() {
        ui.label(theme::muted("optional: say which claim this one supports, contradicts or updates").color(p.faint));
    }
}
