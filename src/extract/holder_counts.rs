//! Holders counted rather than named (`Eight analysts rate the shares a buy`, `o consenso`, `vários
//! analistas`): the many, no one firm.

use super::tokens::Token;

/// Whether `words` count their holders (`Eight analysts`, `consensus`), not a time (`a faixa de
/// cinco anos`, `two years ago`).
pub(crate) fn counts_holders(words: &[Token]) -> bool {
    let time = |key: &str| {
        matches!(
            key,
            "anos"
                | "ano"
                | "meses"
                | "dias"
                | "semanas"
                | "trimestres"
                | "years"
                | "months"
                | "days"
                | "weeks"
                | "quarters"
        )
    };
    words.iter().enumerate().any(|(k, w)| is_count_word(&w.key) && !words.get(k + 1).is_some_and(|n| time(&n.key)))
}

pub(crate) fn is_count_word(key: &str) -> bool {
    matches!(
        key,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "several"
            // (`The stock has a consensus rating of “Buy”`: the many, no one firm.)
            | "consensus"
            | "consenso"
            | "multiple"
            | "numerous"
            | "many"
            | "most"
            | "some"
            | "all"
            | "dois"
            | "tres"
            | "quatro"
            | "cinco"
            | "seis"
            | "sete"
            | "oito"
            | "nove"
            | "dez"
            | "varios"
            | "muitos"
            | "alguns"
            | "todos"
    )
}
