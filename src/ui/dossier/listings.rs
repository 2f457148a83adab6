//! The listings of a ticker's issuer (Petrobras: PETR4, PETR3, PBR, PBR-A), each opening its own
//! dossier, with the B3 share class, and the choice to read the dossier apart (this listing's
//! research) or together (the union of the listings', which the worker read beside it).

use egui::{RichText, Ui};

use crate::model::Symbol;
use crate::store::Listing;
use crate::ui::action::Action;
use crate::ui::dossier::state::DossierData;
use crate::ui::widgets::theme::{self, Palette};

/// Whether the dossier shows its issuer's listings together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListingsChoice {
    pub together: bool,
}

impl ListingsChoice {
    /// The data to draw: the issuer's union when "together" is chosen and was read, else the
    /// listing's own.
    pub fn shown<'a>(&self, data: &'a DossierData) -> &'a DossierData {
        match (&data.together, self.together) {
            (Some(together), true) => together,
            _ => data,
        }
    }
}

/// `PETR3 · B3 ON`.
fn describe(listing: &Listing) -> String {
    let mut text = listing.symbol.clone();
    if let Some(exchange) = &listing.exchange {
        text.push_str(" · ");
        text.push_str(exchange);
    }
    if let Some(class) = listing.class {
        text.push(' ');
        text.push_str(class.label());
    }
    text
}

/// The issuer's listings (nothing for a ticker listed once) and the apart/together choice.
pub fn listings_ui(
    ui: &mut Ui,
    choice: &mut ListingsChoice,
    symbol: &Symbol,
    data: &DossierData,
    actions: &mut Vec<Action>,
) {
    let Some(issuer) = data.page.issuer.as_ref().filter(|i| i.listings.len() > 1) else {
        return;
    };
    let p = Palette::of(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(theme::muted(format!("{} is listed as", issuer.name)).color(p.muted));
        for listing in &issuer.listings {
            let text = describe(listing);
            if listing.symbol == symbol.as_str() {
                ui.label(RichText::new(text).monospace().strong());
            } else if ui.button(RichText::new(text).monospace()).on_hover_text("Open its dossier").clicked()
                && let Ok(other) = Symbol::parse(&listing.symbol)
            {
                actions.push(Action::OpenDossier(other));
            }
        }
        if let Some(class) = crate::model::B3Class::of(symbol.as_str()) {
            ui.label(theme::muted(format!("({} {}: {})", symbol, class.label(), class.meaning())).color(p.muted));
        }
    });
    if data.together.is_some() {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut choice.together, false, "This listing only");
            ui.selectable_value(&mut choice.together, true, "All listings together");
        });
    }
}
