//! Companies added to a firm's list of picks, named before the verb (`Petrobras, Usiminas e JBS
//! foram adicionados à Brazil Buy List do Itaú`, `Pfizer was added to the Conviction List at
//! Goldman Sachs`): each is held bullish by the list's owner.

use std::ops::Range;

use super::ViewMatch;
use super::tables::firm_before;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker};
use crate::extract::tokens::Token;
use crate::model::{Stance, Symbol};

/// How many words after the verb the list's noun may come (`à Brazil Buy List`).
const NOUN_REACH: usize = 6;

/// The views of the companies added to a list in `text`. `claimants` are the byte ranges of the
/// claimants found and `mentions` the company mentions, both in text order.
pub(crate) fn added_to_lists(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> Vec<ViewMatch> {
    let mut out = Vec::new();
    // (Most texts add nothing to a list: one byte search decides.)
    if !["adicionad", "inclu", "added"].iter().any(|v| text.contains(v)) {
        return out;
    }
    for (i, w) in words.iter().enumerate() {
        if !is_added(&w.key) || i == 0 || !is_passive_aux(&words[i - 1].key) {
            continue;
        }
        let ahead = &words[i + 1..words.len().min(i + 1 + NOUN_REACH)];
        let Some(noun) = ahead.iter().position(|a| is_list_noun(&a.key)) else { continue };
        // The noun and the words after it, where the list's owner is named.
        let after = &words[i + 1 + noun..words.len().min(i + 6 + noun)];
        // (Not an index's theoretical portfolio: `foram incluídas na carteira teórica do Ibovespa`.)
        if after.iter().take(4).any(|r| matches!(&*r.key, "teorica" | "ibovespa" | "index" | "indice" | "s&p")) {
            continue;
        }
        // The list's owner: a known broker or a bank right after the noun (`do Itaú`, `at
        // Goldman Sachs`), else, for the firm's own list, the firm named before.
        let span = after.first().map_or(w.end, |a| a.start)..after.last().map_or(w.end, |a| a.end);
        let bank = mentions
            .iter()
            .find(|m| span.start <= m.span.start && m.span.end <= span.end && is_broker(&m.symbol))
            .map(|m| m.span.clone());
        // (The firm before only for its own list: `à sua carteira`, `to its Conviction List`.)
        let own = ahead[..noun].iter().any(|a| matches!(&*a.key, "sua" | "suas" | "its" | "their"));
        let before = || own.then(|| firm_before(text, words, claimants, w.start)).flatten();
        let Some(firm) = brokers_in(after).into_iter().next().or(bank).or_else(before) else { continue };
        // The companies named before the verb, from the sentence's start (not in a clause of
        // history: `Since Pfizer was added to the Americas Buy List on January 4, 2007`).
        let start = text[..words[i - 1].start].rfind(['.', '\n', '!', '?', ';', ':']).map_or(0, |k| k + 1);
        let first = words.partition_point(|t| t.start < start);
        if words[first..i].iter().any(|t| matches!(&*t.key, "since" | "desde" | "when" | "quando")) {
            continue;
        }
        let mut symbols: Vec<Symbol> = Vec::new();
        let listed = &mentions[mentions.partition_point(|m| m.span.start < start)
            ..mentions.partition_point(|m| m.span.start < words[i - 1].start)];
        for m in listed.iter().filter(|m| m.span.end <= words[i - 1].start) {
            if !is_broker(&m.symbol) && !symbols.contains(&m.symbol) {
                symbols.push(m.symbol.clone());
            }
        }
        for symbol in symbols {
            out.push(ViewMatch {
                claimant: firm.clone(),
                ticker: symbol,
                stance: Stance::Bullish,
                quote: start..w.end,
            });
        }
    }
    out
}

fn is_added(key: &str) -> bool {
    matches!(
        key,
        "adicionados"
            | "adicionadas"
            | "adicionado"
            | "adicionada"
            | "incluidos"
            | "incluidas"
            | "incluido"
            | "incluida"
            | "added"
            | "included"
    )
}

fn is_passive_aux(key: &str) -> bool {
    matches!(key, "foram" | "foi" | "sao" | "serao" | "was" | "were" | "been" | "are" | "is")
}

fn is_list_noun(key: &str) -> bool {
    matches!(key, "carteira" | "carteiras" | "lista" | "list" | "portfolio" | "portfolios")
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};

    fn views(text: &str) -> Vec<(String, String, String)> {
        let findings = analyse(text, &Lexicon::bundled());
        findings.views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), format!("{:?}", v.stance))).collect()
    }

    #[test]
    fn companies_added_to_a_firms_list_are_its_picks() {
        let text = "O Itaú BBA revisou sua lista. Petrobras, Usiminas e JBS foram adicionados à Brazil Buy List do \
                    Itaú, enquanto Assaí e Cosan foram removidos.";
        let found = views(text);
        for ticker in ["PETR4", "USIM5", "JBSS3"] {
            assert!(found.iter().any(|v| v.1 == ticker && v.2 == "Bullish"), "{ticker}: {found:?}");
        }
        assert!(!found.iter().any(|v| v.1 == "ASAI3" || v.1 == "CSAN3"), "{found:?}");
    }

    #[test]
    fn a_company_added_to_a_conviction_list_in_english_and_not_in_a_clause_of_history() {
        let found = views("Eli Lilly (LLY) was added to the Americas Conviction List at Goldman Sachs.");
        assert_eq!(found, [("Goldman Sachs".to_owned(), "LLY".to_owned(), "Bullish".to_owned())]);
        let text = "Since Pfizer (PFE) was added to the Conviction List at Goldman Sachs in 2007, the shares have \
                    fallen 28.7 percent.";
        assert_eq!(views(text), []);
    }

    #[test]
    fn an_index_portfolio_gives_no_view() {
        let text = "Petrobras e Vale foram incluídas na carteira teórica do Ibovespa.";
        assert_eq!(views(text), []);
    }
}
