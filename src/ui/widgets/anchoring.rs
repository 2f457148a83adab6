//! Whether a claim's quote is in its source's document, said in a few words beside the claim
//! (the note's claims table and the source view): on the page named, on another page, not in
//! the document, or not checked because the source holds no document.

use egui::{RichText, Ui};

use crate::model::{Anchored, ClaimSourceRef};
use crate::ui::widgets::theme::Palette;

/// The words for a cited source's quote, and the page to open at (where it was found); `None`
/// when the source is cited without a quote.
pub fn quote_state(source: &ClaimSourceRef) -> Option<(String, Option<u32>)> {
    source.quote.as_ref()?;
    let named = source.page.map(|page| format!(", cited p. {page}")).unwrap_or_default();
    Some(match (source.anchored, source.found_page) {
        (Some(Anchored::Found), Some(page)) => (format!("quote on p. {page}"), Some(page)),
        (Some(Anchored::Found), None) => ("quote found".to_owned(), None),
        (Some(Anchored::Elsewhere), Some(page)) => (format!("quote on p. {page}{named}"), Some(page)),
        (Some(Anchored::Elsewhere), None) => (format!("quote elsewhere{named}"), None),
        (Some(Anchored::NotFound), _) => (format!("quote not found{named}"), None),
        (None, _) => ("with quote".to_owned(), None),
    })
}

/// The quote's state as a small label; a found quote's page is a link that opens the source
/// there. Returns the page clicked.
pub fn quote_state_ui(ui: &mut Ui, source: &ClaimSourceRef) -> Option<u32> {
    let p = Palette::of(ui);
    let (words, page) = quote_state(source)?;
    let colour = match source.anchored {
        Some(Anchored::Found) => p.ok,
        Some(Anchored::Elsewhere) => p.warn,
        Some(Anchored::NotFound) => p.error,
        None => p.faint,
    };
    let hover = match source.anchored {
        Some(Anchored::NotFound) => {
            "The quote's words are not in the source's document (spaces, line breaks and hyphenation are forgiven, \
             nothing else). Find these claims with is:unanchored."
        }
        Some(Anchored::Elsewhere) => "The quote is in the document, but not on the page the claim names.",
        Some(Anchored::Found) => "The quote is in the document on the page shown.",
        None => "The source holds no document, so the quote was not checked.",
    };
    match page {
        Some(page) => {
            let link = ui.link(RichText::new(words).small().color(colour)).on_hover_text(hover);
            link.clicked().then_some(page)
        }
        None => {
            ui.label(RichText::new(words).small().color(colour)).on_hover_text(hover);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(quote: Option<&str>, page: Option<u32>, anchored: Option<Anchored>, found: Option<u32>) -> ClaimSourceRef {
        ClaimSourceRef {
            id: 1,
            quote: quote.map(str::to_owned),
            page,
            anchored,
            found_page: found,
            ..ClaimSourceRef::default()
        }
    }

    #[test]
    fn each_anchoring_reads_as_what_it_means() {
        let words = quote_state;
        assert_eq!(words(&cited(None, None, None, None)), None, "no quote, nothing to say");
        assert_eq!(
            words(&cited(Some("q"), Some(2), Some(Anchored::Found), Some(2))),
            Some(("quote on p. 2".to_owned(), Some(2)))
        );
        assert_eq!(
            words(&cited(Some("q"), Some(1), Some(Anchored::Elsewhere), Some(2))),
            Some(("quote on p. 2, cited p. 1".to_owned(), Some(2)))
        );
        assert_eq!(
            words(&cited(Some("q"), Some(3), Some(Anchored::NotFound), None)),
            Some(("quote not found, cited p. 3".to_owned(), None))
        );
        assert_eq!(words(&cited(Some("q"), None, None, None)), Some(("with quote".to_owned(), None)));
    }
}
