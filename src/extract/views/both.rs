//! `…preço-alvo de R$ 10, de acordo com o BTG Pactual, e R$ 8, de acordo com a XP. Ambos
//! recomendam a compra`: a sentence opening on a word for both (`Ambos`, `Ambas`, `Both`, `Both
//! firms`) holds the view of the two firms named last before it, when a rating or a target
//! decides it (`Ambos … aconselham cautela` before both state a neutral rating gives none).

use std::ops::Range;

use super::nouns::{is_company_noun, is_share_noun};
use crate::extract::firms::firm_key;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker};
use crate::extract::tokens::Token;

/// The two firms a sentence (words `own`) opening on `both` stands for: the last two firms named
/// in `before` (the words of the sentences just before, with their company `mentions`), a known
/// broker or a bank acting, told apart by their firm.
pub(super) fn both_firms(
    text: &str,
    own: &[Token],
    before: &[Token],
    mentions: &[Mention],
) -> Option<Vec<Range<usize>>> {
    let opens = own.first().is_some_and(|w| matches!(&*w.key, "ambos" | "ambas" | "both"));
    // (Not `Both companies reported…`, `Ambas as ações subiram`: the companies, not firms.)
    let of_companies =
        own.iter().skip(1).take(2).any(|w| is_company_noun(&w.key) || is_share_noun(&w.key) || w.key == "companies");
    if !opens || of_companies {
        return None;
    }
    let mut firms: Vec<Range<usize>> = mentions
        .iter()
        .filter(|m| is_broker(&m.symbol) || m.rates || m.speaks)
        .map(|m| m.span.clone())
        .chain(brokers_in(before))
        .collect();
    firms.sort_by_key(|r| r.start);
    let mut two: Vec<Range<usize>> = Vec::new();
    for firm in firms.into_iter().rev() {
        let key = firm_key(&text[firm.clone()]);
        if two.iter().all(|t| firm_key(&text[t.clone()]) != key && (t.start >= firm.end || firm.start >= t.end)) {
            two.insert(0, firm);
        }
        if two.len() == 2 {
            return Some(two);
        }
    }
    None
}
