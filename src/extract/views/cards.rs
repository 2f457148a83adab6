//! Cards: a company's line heading the lines of a broker's report on it (`Itaú Unibanco (ITUB4)` /
//! `Recomendação: compra` / `Preço-alvo: R$ 31`). Each field line rates the heading's company,
//! and the heading's company (a bank, often) is no firm holding the view.

use std::ops::Range;

use crate::extract::mentions::Mention;
use crate::extract::sentences::{is_card_field, is_card_heading};
use crate::model::Symbol;

/// How many field lines a card's heading may stand above.
const CARD_FIELDS: usize = 8;

/// `Itaú Unibanco (ITUB4)` / `Recomendação: compra`: for a card's field line (sentence `i`), the
/// company its heading names (its symbol and where it is named).
pub(super) fn card_company<'m>(
    text: &str,
    sentences: &[Range<usize>],
    i: usize,
    mentions_in: &dyn Fn(&Range<usize>) -> &'m [Mention],
) -> Option<(Symbol, Range<usize>)> {
    if !is_card_field(text, &sentences[i]) {
        return None;
    }
    for j in (i.saturating_sub(CARD_FIELDS)..i).rev() {
        if is_card_heading(text, &sentences[j]) {
            return mentions_in(&sentences[j]).first().map(|m| (m.symbol.clone(), m.span.clone()));
        }
        if !is_card_field(text, &sentences[j]) {
            return None;
        }
    }
    None
}
