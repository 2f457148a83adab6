//! `Chubak said he's "growing more lukewarm" on trust banks, and more cautious on buyout shops`: a
//! stance on a sector or a kind of company, named by common nouns, in a sentence naming no company
//! is no view of any one company.

use crate::extract::tokens::Token;

/// How many words after the preposition the sector's noun may come.
const NOUN_REACH: usize = 3;

/// Whether the stance word at byte `at` of a sentence's `words` is followed by `on`, `about` or
/// `sobre` and a phrase of lower-case words naming a sector or a kind of company.
pub(super) fn on_a_sector(words: &[Token], at: usize) -> bool {
    let k = words.partition_point(|w| w.start < at);
    let Some(on) = words.get(k + 1) else { return false };
    if !matches!(&*on.key, "on" | "about" | "toward" | "towards" | "sobre") {
        return false;
    }
    let phrase = &words[k + 2..words.len().min(k + 2 + NOUN_REACH)];
    let upto = phrase.iter().position(|w| is_sector_noun(&w.key));
    // (Not `bullish on both stocks`, `on these names`: the companies just named.)
    let pointing_back = |w: &Token| {
        matches!(&*w.key, "both" | "these" | "those" | "two" | "their" | "esses" | "essas" | "ambas" | "ambos")
    };
    upto.is_some_and(|n| phrase[..=n].iter().all(|w| !w.capitalized && !w.upper && !pointing_back(w)))
}

/// Nouns of a sector or of a kind of company, plural or collective.
fn is_sector_noun(key: &str) -> bool {
    matches!(
        key,
        "banks"
            | "shops"
            | "stocks"
            | "names"
            | "sector"
            | "sectors"
            | "industry"
            | "companies"
            | "miners"
            | "insurers"
            | "lenders"
            | "retailers"
            | "chipmakers"
            | "automakers"
            | "airlines"
            | "homebuilders"
            | "utilities"
            | "setor"
            | "bancos"
            | "varejistas"
            | "empresas"
            | "construtoras"
            | "siderurgicas"
            | "eletricas"
    )
}

#[cfg(test)]
mod tests {
    use super::on_a_sector;
    use crate::extract::tokens::tokens;

    fn on(text: &str, word: &str) -> bool {
        on_a_sector(&tokens(text), text.find(word).expect("the stance word"))
    }

    #[test]
    fn a_stance_on_a_sector_and_not_on_a_company() {
        assert!(on("He is more cautious on buyout shops.", "cautious"));
        assert!(on("She turned lukewarm on trust banks.", "lukewarm"));
        assert!(on("O banco está cauteloso sobre o setor.", "cauteloso"), "past an article");
        assert!(!on("He is more cautious on Goldman Sachs shares.", "cautious"), "a company");
        assert!(!on("He is cautious on the outlook for margins.", "cautious"), "no sector named");
        assert!(!on("He is cautious, citing banks.", "cautious"), "no preposition");
        assert!(!on("Goldman is bullish on both stocks.", "bullish"), "the companies just named");
    }
}
