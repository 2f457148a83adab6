//! The names of ratings and the stance each states: `Buy`, `Outperform`, `Sector Underperform`,
//! `desempenho acima da média`; `Hold`, `Equal Weight` and `neutra` state none.

use super::lists::{RATING_BEARISH, RATING_BULLISH, RATING_NEUTRAL};
use crate::extract::tokens::Token;
use crate::model::Stance;

/// The first rating named in `words`, read with the word after it (`rating_at`).
pub(super) fn first_rating(words: &[Token]) -> Option<Option<Stance>> {
    // (Not a former rating: `cut the company's rating to attractive from buy`.)
    let word =
        (0..words.len()).find(|&k| rating_word(&words[k].key).is_some() && !(k > 0 && words[k - 1].key == "from"));
    // `desempenho acima da média`, `abaixo da média`: the older Portuguese names of outperform
    // and underperform.
    // (`desempenho superior`, `desempenho inferior`: so are these.)
    // (One search: an earlier `desempenho acima do esperado` hides no later `acima da média`.)
    let average = (0..words.len().saturating_sub(1)).find(|&a| {
        words[a].key == "desempenho"
            && (matches!(&*words[a + 1].key, "superior" | "inferior")
                || matches!(&*words[a + 1].key, "acima" | "abaixo")
                    && words.get(a + 2..a + 4).is_some_and(|w| w[0].key == "da" && w[1].key == "media"))
    });
    match (word, average) {
        (w, Some(a)) if w.is_none_or(|w| a < w) => Some(Some(if matches!(&*words[a + 1].key, "acima" | "superior") {
            Stance::Bullish
        } else {
            Stance::Bearish
        })),
        (w, _) => rating_at(words, w?),
    }
}

/// The rating word `k` of `words` names: `sector underperform`, `market outperform`, `peer
/// underweight` take the word after the qualifier (`sector perform` stays neutral).
pub(super) fn rating_at(words: &[Token], k: usize) -> Option<Option<Stance>> {
    let word = rating_word(&words.get(k)?.key)?;
    let qualifier = matches!(&*words[k].key, "sector" | "market" | "peer");
    match words.get(k + 1).and_then(|next| rating_word(&next.key)) {
        Some(Some(stance)) if qualifier => Some(Some(stance)),
        _ => Some(word),
    }
}

/// Whether a folded word names a rating (`outperform`, `sell`, `neutra`; the `weight` of `Equal
/// Weight`): a target written after it is the rated company's (`Outperform ($58)`).
pub(crate) fn names_a_rating(key: &str) -> bool {
    rating_word(key).is_some() || key == "weight"
}

/// `devem superar o desempenho do setor`, `do Ibovespa`: a verb of beating `o desempenho` of a
/// sector or a market, outperform in words.
pub(super) fn outperforms_in_words(key: &str, ahead: &[Token]) -> bool {
    matches!(key, "superar" | "superem" | "superarem" | "supere")
        && matches!(ahead, [o, performance, of, ..] if o.key == "o" && performance.key == "desempenho"
            && matches!(&*of.key, "do" | "da" | "dos" | "das"))
}

/// The stance of a rating's name: `Some(None)` for a neutral one.
#[rustfmt::skip]
pub(super) fn rating_word(key: &str) -> Option<Option<Stance>> {
    if RATING_BULLISH.contains(&key) {
        Some(Some(Stance::Bullish))
    } else if RATING_BEARISH.contains(&key) {
        Some(Some(Stance::Bearish))
    } else if RATING_NEUTRAL.contains(&key) {
        Some(None)
    } else {
        None
    }
}
