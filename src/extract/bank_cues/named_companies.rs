//! Banks named as companies, not as firms acting: referred to or likened to (`compared with
//! JPMorgan`, `lenders like JPMorgan`), or listed among the companies a rating acts on
//! (`downgraded shares of Bank of America (NYSE:BAC), JPMorgan…`, `recomenda a compra de Itaú e
//! Bradesco`).

use crate::extract::claimants::is_calendar;
use crate::extract::mentions::{ends_sentence, is_rating_object};
use crate::extract::tokens::Token;

/// `referring to Bank of America by its ticker symbol`, `compared with JPMorgan`: the company at
/// word `at` is named, no firm acting.
/// So is a company a valuation trails or one of the peers it is likened to (`trailing only
/// JPMorgan`, `megacap lenders like JPMorgan`, `cheaper than Citi`).
pub(crate) fn is_referred_to(words: &[Token], at: usize) -> bool {
    let before = |k: usize| at.checked_sub(k).map(|j| &*words[j].key);
    let peers = |k: Option<&str>| {
        matches!(k, Some("lenders" | "banks" | "peers" | "rivals" | "names" | "stocks" | "companies" | "bancos"))
    };
    (matches!(before(1), Some("to" | "with"))
        && matches!(before(2), Some("referring" | "referred" | "compared" | "similar")))
        || (before(1) == Some("than") && words.get(at).is_some_and(|w| w.capitalized || w.upper))
        || matches!(before(1), Some("trailing" | "behind"))
        || (before(1) == Some("only") && matches!(before(2), Some("trailing" | "behind")))
        || {
            // (Each of the peers listed: `lenders like JPMorgan, Bank of America and Citi`.)
            let name = |w: &Token| w.capitalized || w.upper || matches!(&*w.key, "and" | "of" | "&");
            let like = words[..at].iter().rev().take(8).position(|w| !name(w)).map(|k| at - 1 - k);
            like.is_some_and(|j| words[j].key == "like" && peers(j.checked_sub(1).map(|p| &*words[p].key)))
        }
}

/// `downgraded shares of Bank of America (NYSE:BAC), JPMorgan (NYSE:JPM), and Truist`: a bank
/// listed after a rating verb, or after `shares of` in its clause, is rated, not rating. The walk
/// goes back from the mention starting at byte `at` over the names, symbols and joiners of the
/// list (`words`: the text's, or a stretch's).
pub(crate) fn is_rated_list_item(text: &str, words: &[Token], at: usize) -> bool {
    let before = &words[..words.partition_point(|w| w.start < at)];
    let mut next_start = at;
    for (k, w) in before.iter().enumerate().rev().take(24) {
        let gap = &text[w.end..next_start];
        if ends_sentence(gap, w) {
            return false;
        }
        next_start = w.start;
        // The verb or `shares of` right before the list's first item (`Rounding out Tuesday's
        // upgrades, Jefferies…` is no list).
        let opens = !gap.contains(',');
        if opens && matches!(&*w.key, "upgraded" | "downgraded" | "rebaixou" | "elevou" | "rebaixaram" | "elevaram") {
            return true;
        }
        let shares_of = matches!(&*w.key, "of" | "de" | "da" | "do" | "das" | "dos")
            && k > 0
            && matches!(&*before[k - 1].key, "shares" | "acoes" | "papeis" | "stocks");
        if opens && shares_of {
            return true;
        }
        // `reiterou as recomendações de compra para Itaú, Bradesco e Banco do Brasil`, `an
        // Outperform rating to Intel`: a rating's preposition right before the list.
        let rating_for = matches!(&*w.key, "para" | "on" | "for" | "to")
            && before[..k].iter().rev().take(3).any(|b| is_rating_object(&b.key));
        // (`recomenda compra de Itaú (ITUB4) e Bradesco (BBDC4)`: a purchase recommended of each.)
        // (Not `recebeu recomendação de venda do UBS BB`: a rating's name, then its agent.)
        let bought = matches!(&*w.key, "de" | "da" | "do")
            && k > 1
            && matches!(&*before[k - 1].key, "compra" | "venda" | "comprar" | "vender")
            && before[k - 2].key != "de";
        if opens && (rating_for || bought) {
            return true;
        }
        // (`to Neutral from buy on Thursday, Goldman Sachs…`: a date is no item of a list.)
        let listed = (w.capitalized || w.upper || matches!(&*w.key, "and" | "e" | "&" | "of" | "de" | "da" | "do"))
            && !is_calendar(&w.key);
        if !listed {
            return false;
        }
    }
    false
}
