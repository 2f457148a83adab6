//! People who speak for the firm named before them: analysts listed after an analyst word or a
//! firm's possessive noun, and people quoted by their full names alone.

use crate::extract::holders::is_analyst_word;
use crate::extract::known_brokers::brokers_in;
use crate::extract::tokens::Token;

/// `“…22% nos preços-alvo”, apontam Victor Tapia e Maria Clara Negrão` after `O time de análise do
/// Bradesco BBI`: people (`inside`, the holder's words, at word `first`) quoted by their full names
/// alone, in Portuguese, after the quote's verb.
pub(super) fn quoted_by_name(text: &str, words: &[Token], first: usize, inside: &[Token]) -> bool {
    (2..=4).contains(&inside.len())
        && inside.iter().all(|w| w.capitalized && !w.upper)
        && brokers_in(inside).is_empty()
        && first >= 2
        && is_quote_verb(&words[first - 1].key)
        && text[words[first - 2].end..words[first - 1].start].contains(['”', '"'])
}

/// Whether the name at word `first` is one of a list of people right after an analyst word
/// (`os analistas Rodolfo R. De Angele, Mandeep Singh Manihani e Lucas Ferreira`), or right after
/// a firm's noun in the possessive (`The firm's David Tamberrino downgraded…`).
pub(super) fn named_after_analysts(text: &str, words: &[Token], first: usize) -> bool {
    if let [.., noun, s] = &words[..first]
        && matches!(&*noun.key, "firm" | "bank" | "brokerage")
        && s.key == "s"
        && matches!(text[noun.end..s.start].trim(), "'" | "’")
    {
        return true;
    }
    for k in (first.saturating_sub(12)..first).rev() {
        let w = &words[k];
        if is_analyst_word(&w.key) {
            return k + 1 < words.len() && text[w.end..words[k + 1].start].trim().is_empty();
        }
        let person = w.capitalized && !w.upper || matches!(&*w.key, "e" | "and" | "de" | "da" | "do");
        // (An initial's full stop goes on with the name: `Rodolfo R. De Angele`.)
        let initial = w.text.chars().count() == 1 && w.upper;
        if !initial && (!person || text[w.end..words[k + 1].start].contains(['.', ';', ':', '('])) {
            return false;
        }
    }
    false
}

/// Portuguese verbs closing a quote before the speaker's name (`”, apontam`; in English a firm
/// unknown to the lexicon is quoted so: `says Seymour Pierce`).
fn is_quote_verb(key: &str) -> bool {
    matches!(
        key,
        "apontam"
            | "aponta"
            | "afirmam"
            | "afirma"
            | "dizem"
            | "diz"
            | "escrevem"
            | "escreve"
            | "avaliam"
            | "avalia"
            | "explicam"
            | "explica"
            | "destacam"
            | "destaca"
            | "comentam"
            | "comenta"
            | "ressaltam"
            | "ressalta"
    )
}
