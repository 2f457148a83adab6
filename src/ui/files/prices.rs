//! File → Import prices…: the form's words and ticker field, and the summary of what a price
//! file gave (days stored per ticker, the rows skipped with why).

use egui::{RichText, Ui};

use crate::session::prices::{PricesImported, summary};
use crate::ui::files::state::TransferForm;
use crate::ui::widgets::theme::{self, Palette};

/// What the form explains, and the ticker field.
pub fn prices_form_ui(ui: &mut Ui, form: &mut TransferForm) {
    ui.label(
        "Daily prices from a CSV file: a Yahoo Finance or Stooq download, a Brazilian export (; and \
         decimal commas, dd/mm/aaaa) or plain date,close. Importing a file again changes nothing; \
         the dossier then draws the prices and scores the calls on them.",
    );
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("Ticker");
        let edit = egui::TextEdit::singleline(&mut form.ticker).desired_width(120.0).hint_text("from the file");
        ui.add(edit).labelled_by(label.id);
        ui.label(theme::muted("blank: the file's ticker column, or its name (NVDA.csv)"));
    });
}

pub fn prices_summary_ui(ui: &mut Ui, done: &PricesImported, seconds: &str) {
    let p = Palette::of(ui);
    ui.label(RichText::new(format!("{} in {seconds}.", summary(done))).strong());
    if done.stored.tickers.len() > 1 {
        let each: Vec<String> =
            done.stored.tickers.iter().map(|t| format!("{} {}", t.symbol, theme::count(t.days))).collect();
        ui.label(theme::muted(format!("Days per ticker: {}", each.join(", "))));
    }
    if done.skipped_count > 0 {
        ui.add_space(4.0);
        ui.label(RichText::new(format!("{} rows skipped:", theme::count(done.skipped_count))).color(p.warn));
        egui::ScrollArea::vertical().id_salt("price-skips").max_height(200.0).auto_shrink([false, true]).show(
            ui,
            |ui| {
                // The reader keeps the first skipped rows and counts the rest.
                for skip in &done.skipped {
                    ui.label(theme::muted(format!("line {}: {}", skip.line, skip.reason)));
                }
                let unlisted = done.skipped_count.saturating_sub(done.skipped.len() as u64);
                if unlisted > 0 {
                    ui.label(theme::muted(format!("and {} more", theme::count(unlisted))));
                }
            },
        );
    }
}
