//! Rating changes written with both ratings, read by their order (buy above hold above sell):
//! `from buy to hold`, `de compra para neutro`, and new rating first, `to Hold from Buy`; and a
//! stock moved into or out of a recommended portfolio.

use super::rating_names::rating_word;
use crate::extract::tokens::Token;
use crate::model::Stance;

/// The order of ratings, for a change written `from A to B`: strong buy above buy above hold
/// above sell above strong sell.
fn rating_rank(key: &str) -> Option<u8> {
    // (`de uma classificação de "venda" para uma classificação de "espera"`: hold, translated.)
    if key == "espera" {
        return Some(2);
    }
    match rating_word(key)? {
        Some(Stance::Bullish) => Some(3),
        None | Some(Stance::Neutral) => Some(2),
        Some(Stance::Bearish) => Some(1),
    }
}

/// The rank of the rating the words open (`strong buy` a step above `buy`, `strong sell` one
/// below `sell`), taking its words; `market perform` is one rating in two words.
fn next_rank<'a>(words: &mut std::iter::Peekable<impl Iterator<Item = &'a Token<'a>>>) -> Option<u8> {
    let first = words.next()?;
    let rank = if first.key == "strong" {
        match rating_rank(&words.peek()?.key)? {
            3 => 4,
            1 => 0,
            _ => return None,
        }
    } else {
        rating_rank(&first.key)?
    };
    if first.key == "strong" {
        words.next();
    }
    words.next_if(|w| w.key == "perform");
    Some(rank)
}

/// Words skipped around the ratings of a change: articles, `weight`, and a rating's noun with its
/// `de` (`de uma classificação de "compra" para uma classificação "neutra"`).
fn is_filler(key: &str) -> bool {
    matches!(key, "a" | "an" | "weight" | "uma" | "um" | "classificacao")
}

/// `buy to hold`, `compra para neutro` (the words after `from` / `de`): a rating change, up or
/// down. Quotes and `a`/`an` around the ratings are skipped.
pub(super) fn rating_move(after: &[Token]) -> Option<Stance> {
    let mut words = after.iter().filter(|w| !is_filler(&w.key) && w.key != "de").peekable();
    let from = next_rank(&mut words)?;
    // `from Sell all the way to Neutral`: a few words before `to`.
    if !words.by_ref().take(4).any(|w| matches!(&*w.key, "to" | "para")) {
        return None;
    }
    let to = next_rank(&mut words)?;
    (from != to).then_some(if to > from { Stance::Bullish } else { Stance::Bearish })
}

/// `Hold from Buy`, `Neutral from Overweight`, `Outperform from Strong Buy` (the words after `to`
/// / `para`): a rating change written new rating first, as English headlines do; its direction by
/// the order of the ratings.
pub(crate) fn rating_move_back(after: &[Token]) -> Option<Stance> {
    let mut words = after.iter().filter(|w| !is_filler(&w.key)).peekable();
    let to = next_rank(&mut words)?;
    words.next_if(|w| matches!(&*w.key, "from" | "de"))?;
    let from = next_rank(&mut words)?;
    (from != to).then_some(if to > from { Stance::Bullish } else { Stance::Bearish })
}

/// `incluiu a Vale em sua carteira recomendada`, `a Vale foi excluída da carteira recomendada`:
/// a stock put into a recommended portfolio (bullish) or taken out of one (bearish), read from the
/// verb a few words before `carteira` (word `i`) and `recomendada` or `sugerida` after it
/// (`decidimos retirar as ações da Tractebel da carteira sugerida`).
pub(super) fn into_portfolio(words: &[Token], i: usize) -> Option<Stance> {
    let recommended =
        words.get(i + 1).is_some_and(|w| matches!(&*w.key, "recomendada" | "recomendadas" | "sugerida" | "sugeridas"));
    if !recommended {
        return None;
    }
    words[i.saturating_sub(8)..i].iter().rev().find_map(|w| match &*w.key {
        "incluiu" | "inclui" | "incluida" | "incluidas" | "incluido" | "incluidos" | "adicionou" | "adiciona"
        | "adicionada" | "adicionadas" | "entrou" | "entra" | "entram" | "entraram" | "incluir" | "adicionar" => {
            Some(Stance::Bullish)
        }
        "excluiu" | "exclui" | "excluida" | "excluidas" | "excluido" | "excluidos" | "retirou" | "retira"
        | "retirada" | "retiradas" | "saiu" | "sai" | "saem" | "sairam" | "removeu" | "retirar" | "excluir" => {
            Some(Stance::Bearish)
        }
        _ => None,
    })
}

/// `teve sua recomendação elevada pelo JPMorgan`, `had its rating cut by Citi`: a rating noun
/// owned by the company right before the moving word at `i`, told in the passive (not `an
/// immediate rating cut for the EV giant`).
pub(super) fn owned_rating_moved(words: &[Token], i: usize) -> bool {
    i >= 2
        && super::is_rating_noun(&words[i - 1].key)
        && matches!(&*words[i - 2].key, "sua" | "seu" | "suas" | "seus" | "its" | "their")
}
