//! Words that take a stance back: a negation (`not`, `nem`, `sem`), after which a stance word of
//! its clause counts for nothing, and a recommendation withdrawn (`deixou de recomendar`), which
//! is a cut when it was a buy.

use crate::extract::tokens::Token;
use crate::model::Stance;

/// `the company missed an opportunity to reduce its debt`, `perdeu a oportunidade`: an
/// opportunity lost is no bullish word.
pub(super) fn missed_an_opportunity(words: &[Token], i: usize) -> bool {
    matches!(&*words[i].key, "missed" | "misses" | "lost" | "perdeu" | "perderam" | "desperdicou")
        && words[i + 1..]
            .iter()
            .take(2)
            .any(|w| matches!(&*w.key, "opportunity" | "opportunities" | "oportunidade" | "oportunidades"))
}

/// `amenizando preocupações de investidores`, `easing concerns about demand`: a worry eased is no
/// bearish word (only a worry's noun within three words of the verb: `shares eased after the
/// downgrade` still reads the downgrade).
pub(super) fn eases_a_worry(words: &[Token], i: usize) -> bool {
    matches!(
        &*words[i].key,
        "amenizando"
            | "amenizar"
            | "amenizou"
            | "ameniza"
            | "aliviando"
            | "aliviar"
            | "aliviou"
            | "dissipando"
            | "dissipar"
            | "dissipou"
            | "easing"
            | "eased"
            | "eases"
            | "ease"
            | "allaying"
            | "allayed"
            | "allay"
            | "alleviating"
            | "alleviated"
            | "dispelling"
            | "dispelled"
    ) && words[i + 1..].iter().take(3).any(|w| {
        matches!(&*w.key, "preocupacao" | "preocupacoes" | "temores" | "receios" | "concerns" | "worries" | "fears")
    })
}

/// Whether word `i` stops a recommendation (`deixou de recomendar`, `stopped recommending`, `no
/// longer recommends`), and what that says: a buy withdrawn is a cut (`Some(Bearish)`), a sell
/// withdrawn is no view (`None`: the words after it count for nothing).
pub(super) fn stops_recommending(words: &[Token], i: usize) -> Option<Option<Stance>> {
    let recommend = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| matches!(&*w.key, "recomendar" | "indicar" | "recommending" | "recommend" | "recommends"))
    };
    let verb = match &*words[i].key {
        "deixar" | "deixou" | "deixa" | "deixaram" | "deixam" | "deixando" => {
            (words.get(i + 1).is_some_and(|w| w.key == "de") && recommend(i + 2)).then_some(i + 2)
        }
        "stopped" | "stops" | "ceased" => recommend(i + 1).then_some(i + 1),
        "no" => (words.get(i + 1).is_some_and(|w| w.key == "longer") && recommend(i + 2)).then_some(i + 2),
        _ => None,
    }?;
    // (`deixou de recomendar a venda`: a sell withdrawn.)
    let sell = words[verb + 1..].iter().take(4).any(|w| {
        matches!(&*w.key, "venda" | "vender" | "sell" | "selling" | "underweight" | "underperform" | "reduce")
    });
    Some((!sell).then_some(Stance::Bearish))
}

pub(super) fn is_negation(key: &str) -> bool {
    matches!(
        key,
        "not"
            | "no"
            | "never"
            | "nor"
            | "without"
            | "doesn"
            | "don"
            | "didn"
            | "isn"
            | "aren"
            | "nem"
            | "nao"
            | "nunca"
            | "sem"
            | "jamais"
    )
}
