//! Which listing a company's figures and views are about, when it has more than one:
//! - a B3 issuer's listing abroad (`PETROLEO BRASIL/ADR (NYSE: PBR)`, `$VALE`) stands for the
//!   issuer, whose main listing is on B3 (PETR4, VALE3), as the labelling conventions say: a
//!   price of the ADR is the company's price, and a rating of it is a view on the company;
//! - in Portuguese text, a foreign group's name stands for its Brazilian arm listed on B3 when it
//!   has one (`units do Santander` → SANB11, not Banco Santander's NYSE line SAN; `JBS` → JBSS3,
//!   not JBS N.V.'s NYSE line), as `Itaú` is ITUB4: a Brazilian market text speaks of the
//!   Brazilian listing.
//!
//! The ticker findings themselves are left alone (`NYSE: PBR` still names the ADR); only the
//! mentions attribution and views work from change.

use super::Language;
use super::Lexicon;
use super::mentions::Mention;
use crate::model::Symbol;

/// Names that mean a B3 company in Portuguese text, as the foreign group's symbol they are read
/// as elsewhere and the B3 listing: Santander's and JBS's Brazilian listings, and `BB` (Banco do
/// Brasil, not BlackBerry); Telefônica's (Telefônica Brasil, Vivo) and Carrefour's (Atacadão,
/// Carrefour Brasil).
const BRAZILIAN_ARMS: &[(&str, &str)] =
    &[("SAN", "SANB11"), ("JBS", "JBSS3"), ("BB", "BBAS3"), ("TEF", "VIVT3"), ("CRRFY", "CRFB3")];

/// `mentions` with each ADR and, in Portuguese text, each foreign group with a Brazilian arm,
/// read as the B3 listing. `language_at` gives the language of the sentence holding a byte.
pub(crate) fn with_home_listings(
    text: &str,
    lexicon: &Lexicon,
    language_at: &dyn Fn(usize) -> Language,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    // (A group called foreign once is the group throughout: `O banco espanhol Santander… A receita
    // do Santander`.)
    // (Read only for a group with a Brazilian arm: most mentions are none.)
    let foreign: Vec<Symbol> = mentions
        .iter()
        .filter(|m| BRAZILIAN_ARMS.iter().any(|(group, _)| *group == m.symbol.as_str()) && abroad(text, &m.span))
        .map(|m| m.symbol.clone())
        .collect();
    for m in &mut mentions {
        let home = lexicon.home_listing(m.symbol.as_str()).or_else(|| {
            let arm = BRAZILIAN_ARMS.iter().find(|(group, _)| *group == m.symbol.as_str())?.1;
            // A name, not the group's symbol written out (`NYSE: SAN`).
            let named = !is_symbol_text(text, &m.span, m.symbol.as_str());
            let home = !foreign.contains(&m.symbol);
            (named && home && language_at(m.span.start) == Language::Portuguese).then_some(arm)
        });
        if let Some(symbol) = home.and_then(|s| Symbol::parse(s).ok()) {
            m.symbol = symbol;
        }
    }
    mentions
}

/// `O banco espanhol Santander`, `o Santander espanhol`: the group itself, called a foreign bank
/// right before its name or foreign right after it (not `pelo espanhol Santander` among Brazil's
/// banks).
fn abroad(text: &str, span: &std::ops::Range<usize>) -> bool {
    let before = text[text.floor_char_boundary(span.start.saturating_sub(20))..span.start].to_lowercase();
    let after = text[span.end..text.ceil_char_boundary(span.end + 12)].to_lowercase();
    let foreign = |w: &str| w.starts_with("espanho");
    let mut last = before.split_whitespace().rev();
    let bank = matches!((last.next(), last.next()), (Some(f), Some("banco" | "grupo")) if foreign(f));
    bank || after.split_whitespace().next().is_some_and(foreign)
}

/// Whether a mention is its symbol written out (`NYSE: SAN`, `$SAN`, `(SAN)`), not a name that
/// happens to be spelt as the symbol (`JBS ON`).
fn is_symbol_text(text: &str, span: &std::ops::Range<usize>, symbol: &str) -> bool {
    let written = &text[span.clone()];
    let marked = written.starts_with('$') || text[..span.start].trim_end().ends_with([':', '(']);
    marked && written.trim_start_matches('$') == symbol
}

#[cfg(test)]
mod tests {
    use crate::extract::figure_tickers::{attributed, owned};
    use crate::extract::{Lexicon, analyse};

    #[test]
    fn an_adr_stands_for_the_b3_listing() {
        let text = "PETROLEO BRASIL/ADR (NYSE: PBR) has a $22.00 price target.";
        assert_eq!(attributed(text), owned(&[("$22.00", &["PETR4"])]));
        let findings = analyse(text, &Lexicon::bundled());
        assert!(findings.tickers.iter().any(|t| t.symbol.as_str() == "PBR"), "the ticker found is still the ADR");
    }

    #[test]
    fn santander_is_its_brazilian_arm_in_portuguese_text_only() {
        let text = "No setor bancário, as units do Santander (+2,57%) avançam em bloco.";
        assert_eq!(attributed(text), owned(&[("2,57%", &["SANB11"])]));
        let text = "In Madrid, shares of Santander rose 2.5% on Tuesday after the results.";
        assert_eq!(attributed(text), owned(&[("2.5%", &["SAN"])]));
        let text = "No mercado brasileiro, o recuo mais forte do dia era de JBS ON (-2,48%), seguido por \
                    Engie ON (-1,78%), com as ações em queda na bolsa. As ações do BB subiram 1,45%.";
        assert_eq!(attributed(text), owned(&[("-2,48%", &["JBSS3"]), ("-1,78%", &["EGIE3"]), ("1,45%", &["BBAS3"])]));
    }
}
