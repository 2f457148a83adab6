//! Brokers, banks and research houses whose analysts rate shares, listed or not (`Wedbush`,
//! `Wolfe Research`, `Genial`, `BB Investimentos`), so that a rating or a target they give can be
//! held by them even when no reporting verb names them (`Wolfe Research and Susquehanna both
//! increased their targets`, `a downgrade by Erste Group`).
//!
//! The names are kept as data in `assets/brokers.txt` (where they come from is written there).

use std::ops::Range;
use std::sync::OnceLock;

use super::clauses::rating_act;
use super::fx_hash::FxHashSet;
use super::holder_names::continues_name;
use super::tokens::Token;
use crate::model::fold;

/// Broker names as folded word sequences (`wolfe research`), one to five words: the lines of
/// `assets/brokers.txt` that are neither blank nor comments.
fn brokers() -> impl Iterator<Item = &'static str> {
    include_str!("../../assets/brokers.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The most words a broker name has (`&` is a word: `Keefe Bruyette & Woods`).
const LONGEST: usize = 5;

/// Whether a one-word name (folded) opens some broker's name (`kepler`, `goldman`).
pub(crate) fn opens_a_broker_name(key: &str) -> bool {
    lookup().0.contains(key)
}

/// The first words (folded) of the brokers a text names in full, in more than one word
/// (`Kepler Cheuvreux`): where the text names one of them by its first word alone (`o analista
/// da Kepler`), that is the broker, not a company of that name (Kepler Weber).
pub(crate) fn brokers_named_in_full(text: &str, words: &[Token]) -> Vec<String> {
    let mut firsts: Vec<String> =
        brokers_in(words).into_iter().filter_map(|b| text[b].split_once(' ').map(|(first, _)| fold(first))).collect();
    firsts.sort_unstable();
    firsts.dedup();
    firsts
}

/// Byte ranges of the broker names among `words` (capitalised, longest first), in order; an
/// initial's full stop goes on with a name (`Robert W. Baird`, `J.P. Morgan Securities`).
pub(crate) fn brokers_in(words: &[Token]) -> Vec<Range<usize>> {
    let (first_words, names) = lookup();
    let mut out = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        // Only a capitalised word that opens some broker's name is looked at further.
        let opens = (words[i].capitalized || words[i].upper)
            && first_words.contains(&*words[i].key)
            && (words[i].key != "agora" || words[i].text.starts_with('Á'))
            // (`Benchmark kept its buy rating`, not `the Benchmark index`, `Benchmark yields rose`.)
            && (words[i].key != "benchmark" || words.get(i + 1).is_some_and(|n| acts_as_a_firm(&n.key)));
        let found = opens
            .then(|| {
                (1..=LONGEST.min(words.len() - i)).rev().find(|&n| {
                    key.clear();
                    for (k, w) in words[i..i + n].iter().enumerate() {
                        if k > 0 {
                            key.push(' ');
                        }
                        key.push_str(&w.key);
                    }
                    // `S&P 500` is the index, not the agency.
                    let index = key.starts_with("s & p") && words.get(i + n).is_some_and(|w| w.is_digits());
                    // (`Keefe, Bruyette & Woods`: a partners' name may hold a comma.)
                    let partners = key.contains(" & ");
                    !index
                        && names.contains(key.as_str())
                        && (i + 1..i + n).all(|k| continues_name(words, k) || (partners && words[k].capitalized))
                })
            })
            .flatten();
        match found {
            Some(n) => {
                out.push(words[i].start..words[i + n - 1].end);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Words after an everyday word that make it a firm acting (`Benchmark kept…`, `Benchmark analyst
/// Mike Hickey`, `Benchmark Company`).
fn acts_as_a_firm(key: &str) -> bool {
    rating_act(key).is_some()
        || matches!(
            key,
            "analyst"
                | "analysts"
                | "company"
                | "co"
                | "reduced"
                | "initiated"
                | "initiates"
                | "says"
                | "said"
                | "sees"
                | "set"
                | "lifted"
                | "trimmed"
                | "rates"
                | "rated"
        )
}

/// The first words of the broker names, and the names, as sets (built once).
fn lookup() -> &'static (FxHashSet<&'static str>, FxHashSet<&'static str>) {
    static SETS: OnceLock<(FxHashSet<&'static str>, FxHashSet<&'static str>)> = OnceLock::new();
    SETS.get_or_init(|| {
        let firsts = brokers().filter_map(|name| name.split(' ').next()).collect();
        (firsts, brokers().collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn names(text: &str) -> Vec<&str> {
        brokers_in(&tokens(text)).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn broker_names_are_found_capitalised() {
        assert_eq!(names("Wolfe Research and Susquehanna raised targets."), ["Wolfe Research", "Susquehanna"]);
        assert_eq!(names("a downgrade by Erste Group"), ["Erste Group"]);
        assert_eq!(names("O BB Investimentos manteve a compra; a Genial, venda."), ["BB Investimentos", "Genial"]);
        assert!(names("a genial idea from the inter bank").is_empty(), "lower-case words are not brokers");
        let text = "Os papéis foram rebaixados pela Standard & Poor's e pelo Bank of America Merrill Lynch.";
        assert_eq!(names(text), ["Standard & Poor's", "Bank of America Merrill Lynch"]);
        assert_eq!(names("O S&P 500 caiu 1%, e a S&P cortou a nota."), ["S&P"], "the index is no agency");
    }
}
