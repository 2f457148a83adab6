//! Share classes of Brazilian companies: `Petrobras ON e PN tiveram altas de 1,09% e 1,43%,
//! respectivamente`, `a preferencial caiu 3,88% e a ordinária, 5,37%`. A class word (`ON`,
//! `ordinária`; `PN`, `preferencial`) after a company listed on B3 names that class's symbol
//! (`PETR3`, `PETR4`) where it stands, so figures next to it are attributed to the class.
//!
//! The company is the B3 mention nearest before the word, in its sentence or the two before; the
//! class symbol must be one Jevons knows (the lexicon's symbols: `ELET6` when there is no `ELET4`). A word before the company
//! (`as ações ON da Vale`) is left alone: the company's own symbol already says it.

use std::ops::Range;

use super::Lexicon;
use super::mentions::{Mention, merged};
use super::tokens::Token;
use super::words::is_common_word;
use crate::model::Symbol;

/// How many sentences back the company of a class word may be named.
const LOOK_BACK: usize = 2;

/// `mentions` with one added at each class word that follows a B3 company, in text order.
pub(crate) fn with_share_classes(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    lexicon: &Lexicon,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut added = Vec::new();
    // `R$ 1,33 por ação ordinária e preferencial`: a share of either class is the company's.
    let mut both_until: Option<usize> = None;
    for (k, w) in words.iter().enumerate() {
        let Some(class) = class_of(w) else { continue };
        let share = k > 0 && matches!(&*words[k - 1].key, "acao" | "acoes");
        let other = || {
            matches!(words.get(k + 1).map(|j| &*j.key), Some("e" | "ou"))
                && words.get(k + 2).and_then(class_of).is_some_and(|c| c != class)
        };
        if share && other() {
            both_until = Some(k + 2);
        }
        if both_until.is_some_and(|until| k <= until) {
            continue;
        }
        // `preferencial classe A` (`PNA`, the `5`), `classe B` (`PNB`, the `6`).
        let lettered = match (words.get(k + 1).map(|c| &*c.key), words.get(k + 2).map(|l| l.text)) {
            (Some("classe"), Some("A")) => Some(&['5'][..]),
            (Some("classe"), Some("B")) => Some(&['6'][..]),
            _ => None,
        };
        // (Only a preferred class is lettered: `ordinária classe A` stays the ordinary share.)
        let lettered = lettered.filter(|_| class.len() > 1);
        let class = lettered.unwrap_or(class);
        let end = if lettered.is_some() { words[k + 2].end } else { w.end };
        // `$ON`: a cashtag, another company's symbol, whose word is no class.
        if text[..w.start].ends_with('$') {
            continue;
        }
        // `As ações ordinárias da mineradora Vale`: the company named just after is the one meant.
        let next = mentions.partition_point(|m| m.span.start < end);
        let of_the_next = mentions.get(next).is_some_and(|m| {
            let gap = &text[end..m.span.start];
            gap.len() <= 32
                && !gap.contains([',', '.', ';', '('])
                && matches!(gap.split_whitespace().next(), Some("da" | "do" | "de"))
        });
        if of_the_next {
            continue;
        }
        let sentence = sentences.partition_point(|s| s.end <= w.start);
        let from = sentences.get(sentence.saturating_sub(LOOK_BACK)).map_or(0, |s| s.start);
        let Some(company) = mentions.iter().rev().find(|m| m.span.end <= w.start && m.span.start >= from) else {
            continue;
        };
        // `Petrobras PN caiu 0,49%… e OGX ON recuou 7,69%`: the class of another name, written
        // right before it, that the lexicon does not know.
        let another_name = k > 0 && {
            let before = &words[k - 1];
            // (Not a word of the company's own name past its mention: `a Vale do Rio Doce PNA`.)
            let name_goes_on = || {
                text[company.span.end..before.start]
                    .split_whitespace()
                    .all(|g| matches!(g, "do" | "da" | "de" | "dos" | "das" | "&") || g.starts_with(char::is_uppercase))
            };
            (before.capitalized || before.upper)
                && !is_common_word(&before.key)
                && company.span.end <= before.start
                && text[before.end..w.start] == *" "
                && !name_goes_on()
        };
        if another_name {
            continue;
        }
        let known =
            |digit: &char| class_symbol(&company.symbol, *digit).filter(|s| lexicon.symbol(s.as_str()).is_some());
        // (`a preferencial` of Usiminas: its main listing, `USIM5`, when that is a preferred class.)
        let main = lexicon
            .issuer_main(company.symbol.as_str())
            .unwrap_or(company.symbol.as_str())
            .chars()
            .last()
            .filter(|d| class.len() > 1 && class.contains(d));
        let Some(symbol) = main.iter().chain(class).find_map(known) else { continue };
        // `Petrobras ON (PETR3)`: the bracketed symbol is already the class's mention.
        let bracketed =
            text[w.end..].trim_start().strip_prefix('(').is_some_and(|b| b.starts_with(char::is_alphabetic));
        if !bracketed {
            added.push(Mention { span: w.start..w.end, symbol, speaks: false, rates: false, fund: false });
        }
    }
    merged(mentions, added)
}

/// The class digits a word may name, most usual first: 3 for ordinary shares; 4, else 6 or 5
/// (`ELET6`, `USIM5`), for preferred ones.
pub(super) fn class_of(w: &Token) -> Option<&'static [char]> {
    const ORDINARY: &[char] = &['3'];
    const PREFERRED: &[char] = &['4', '6', '5'];
    match &*w.key {
        "on" if w.text == "ON" => Some(ORDINARY),
        "pn" if w.text == "PN" => Some(PREFERRED),
        "ordinaria" | "ordinarias" => Some(ORDINARY),
        "preferencial" | "preferenciais" => Some(PREFERRED),
        _ => None,
    }
}

/// `PETR4` and class `3` → `PETR3`: B3 symbols are four letters and the class digit.
fn class_symbol(company: &Symbol, class: char) -> Option<Symbol> {
    let s = company.as_str();
    let (letters, digit) = s.split_at_checked(4)?;
    let b3 = letters.bytes().all(|b| b.is_ascii_uppercase()) && matches!(digit, "3" | "4" | "5" | "6");
    b3.then(|| Symbol::parse(&format!("{letters}{class}")).ok()).flatten()
}

/// `tickers` with the classes of one issuer given together (`Petrobras (PETR3; PETR4) lucrou R$
/// 124,6 bilhões`) as the issuer's main listing, once: the figure is the company's, and the
/// company is its main listing. A class given alone is left as it is.
pub(crate) fn one_listing_per_issuer(lexicon: &Lexicon, tickers: Vec<Symbol>) -> Vec<Symbol> {
    if tickers.len() < 2 {
        return tickers;
    }
    let main_of = |s: &Symbol| lexicon.issuer_main(s.as_str()).and_then(|m| Symbol::parse(m).ok());
    let mains: Vec<Symbol> = tickers.iter().map(|s| main_of(s).unwrap_or_else(|| s.clone())).collect();
    let shared = |k: usize| mains.iter().filter(|m| **m == mains[k]).count() > 1;
    if !(0..mains.len()).any(shared) {
        return tickers;
    }
    let mut out: Vec<Symbol> = Vec::with_capacity(tickers.len());
    for (k, symbol) in tickers.into_iter().enumerate() {
        let symbol = if shared(k) { mains[k].clone() } else { symbol };
        if !out.contains(&symbol) {
            out.push(symbol);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};

    /// Each percentage of `text` with the tickers it is given.
    fn percents(text: &str) -> Vec<(String, Vec<String>)> {
        analyse(text, &Lexicon::bundled())
            .percents
            .into_iter()
            .map(|p| (p.text, p.tickers.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
        list.iter().map(|(p, t)| ((*p).to_owned(), vec![(*t).to_owned()])).collect()
    }

    #[test]
    fn class_words_name_the_class_symbol() {
        let text = "Ao final do pregão, Petrobras ON e PN tiveram altas de 1,09% e 1,43%, respectivamente.";
        assert_eq!(percents(text), pairs(&[("1,09%", "PETR3"), ("1,43%", "PETR4")]));
        let text = "Bancos cortaram o preço-alvo da Petrobras. A preferencial caiu 3,88% e a ordinária, 5,37%.";
        assert_eq!(percents(text), pairs(&[("3,88%", "PETR4"), ("5,37%", "PETR3")]));
        let text = "Petrobras ON (PETR3) recua 0,33%, e o Itaú PN avançou 0,60%.";
        assert_eq!(percents(text), pairs(&[("0,33%", "PETR3"), ("0,60%", "ITUB4")]));
        let text = "A Eletrobras viu suas ações ordinárias (7,08%) e preferenciais (4,84%) subirem.";
        assert_eq!(percents(text), pairs(&[("7,08%", "ELET3"), ("4,84%", "ELET6")]), "ELET6: there is no ELET4");
    }

    #[test]
    fn a_class_word_before_a_company_is_that_company_s() {
        let text = "A Usiminas subiu 9,76%. As ações ordinárias da mineradora Vale fecharam com alta de 2,45%.";
        assert_eq!(percents(text), pairs(&[("9,76%", "USIM5"), ("2,45%", "VALE3")]));
        let text = "A Ágora manteve a Braskem. Ontem, a ação preferencial classe A da Braskem fechou em queda de 2%. \
                    Assim, a ação ainda tem potencial de valorização de 22%.";
        assert_eq!(percents(text), pairs(&[("2%", "BRKM5"), ("22%", "BRKM5")]), "classe A: the PNA, BRKM5");
    }

    #[test]
    fn a_lettered_preferred_class_names_its_digit() {
        let text = "A Braskem subiu. A preferencial classe B caiu 1,5% e a preferencial classe A, 2,5%.";
        assert_eq!(percents(text), pairs(&[("1,5%", "BRKM6"), ("2,5%", "BRKM5")]));
    }

    #[test]
    fn a_share_of_either_class_is_the_company_s() {
        let text = "A Petrobras (PETR4) elevou o provento em 5% por ação ordinária e preferencial.";
        assert_eq!(percents(text), pairs(&[("5%", "PETR4")]));
    }

    #[test]
    fn other_words_and_companies_are_left_alone() {
        assert_eq!(percents("As ações ON da Vale avançaram 3,76%."), pairs(&[("3,76%", "VALE3")]));
        assert_eq!(percents("Nvidia rose 2% on Monday."), pairs(&[("2%", "NVDA")]));
        assert_eq!(percents("Apple ON the rise: shares up 1%."), pairs(&[("1%", "AAPL")]));
    }
}
