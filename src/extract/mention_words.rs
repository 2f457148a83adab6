//! Words that decide whether a bank or broker named in a sentence acts (rates, writes the
//! report) or is acted on (rated, talked about): verbs of a rating change, nouns of analysts' work
//! and calls, and the markers of an object.

use super::tokens::Token;

/// `recebeu recomendação de compra do JPMorgan`, `recomendação neutra do Itaú BBA`: the words
/// before `do <bank>` (`before`) end on a call, so the bank is the one making it.
pub(super) fn is_the_calls_maker(before: &[Token]) -> bool {
    let call = |k: &str| matches!(k, "recomendacao" | "rating" | "classificacao" | "indicacao");
    let stance = |k: &str| matches!(k, "compra" | "venda" | "neutra" | "neutro" | "manutencao");
    match before {
        [.., c, de, s] => stance(&s.key) && (call(&de.key) || (de.key == "de" && call(&c.key))),
        [de, s] => stance(&s.key) && call(&de.key),
        _ => false,
    }
}

/// Words before a name that make it an object rather than the one acting.
pub(super) fn is_object_marker(key: &str) -> bool {
    matches!(key, "on" | "of" | "for" | "about" | "do" | "da" | "dos" | "das" | "de" | "sobre" | "em" | "in" | "para")
}

/// Nouns for what a firm's analysts write or are (`relatório do`, `analysts at`).
#[rustfmt::skip]
pub(crate) fn is_work_of_analysts(key: &str) -> bool {
    matches!(key,
        "relatorio" | "report" | "analistas" | "analista" | "analysts" | "analyst" | "equipe" | "team" | "research"
            | "nota" | "note" | "estrategistas" | "economistas" | "projecoes" | "estimativas" | "projections"
            | "estimates" | "segundo" | "visao" | "recomendacao" | "contas"
    )
}

/// Words of a sentence about an analyst's call.
#[rustfmt::skip]
pub(crate) fn is_call_word(key: &str) -> bool {
    matches!(key,
        "target" | "alvo" | "rating" | "ratings" | "recommendation" | "recommend" | "recommends" | "recommended"
            | "recomendacao" | "recomenda" | "recomendou" | "analyst" | "analysts" | "analista" | "analistas"
            | "outperform" | "overweight" | "underweight" | "underperform" | "neutral" | "neutro" | "buy" | "buying"
            | "compra" | "sell" | "venda" | "upgrade" | "upgraded" | "downgrade" | "downgraded" | "rebaixou"
            | "elevou" | "preferida" | "preferidas" | "preferido" | "preferidos" | "favorita" | "favoritas"
            | "pick" | "picks"
    )
}

/// Verbs that only ever change a rating: `upgraded`, `rebaixou`.
#[rustfmt::skip]
pub(super) fn is_rating_verb(key: &str) -> bool {
    matches!(key,
        "upgraded" | "upgrades" | "upgrade" | "downgraded" | "downgrades" | "downgrade" | "rebaixou" | "rebaixa"
            | "rebaixam" | "reiterated" | "reiterates" | "reiterou" | "reitera" | "rates" | "rated" | "upgrading"
            | "downgrading" | "reiterating" | "rebaixando" | "rebaixamos" | "elevando" | "elevamos" | "reiterando"
            | "reiteramos"
    )
}

/// Verbs that change a rating or a target when one follows: `raised its price target`.
#[rustfmt::skip]
pub(super) fn is_change_verb(key: &str) -> bool {
    matches!(key,
        "raised" | "raises" | "boosted" | "boosts" | "increased" | "increases" | "lifted" | "lifts" | "cut"
            | "cuts" | "lowered" | "lowers" | "reduced" | "reduces" | "trimmed" | "maintained" | "maintains"
            | "kept" | "keeps" | "initiated" | "set" | "elevou" | "eleva" | "reduziu" | "reduz" | "cortou"
            | "corta" | "manteve" | "mantem" | "iniciou" | "revisou" | "ajustou" | "turned" | "turns" | "moved"
            | "moves" | "passou" | "passa" | "revised" | "revises" | "upped" | "hiked" | "elevated" | "elevates"
            | "slashed" | "slashes" | "trims" | "bumped" | "bumps" | "raise" | "lower" | "trim" | "boost" | "lift"
            | "slash" | "increase" | "reduce" | "maintain" | "keep"
    )
}

/// Words a rating act acts on (`target`, `rating`, `compra`).
#[rustfmt::skip]
pub(crate) fn is_rating_object(key: &str) -> bool {
    matches!(key,
        "target" | "rating" | "recommendation" | "outperform" | "overweight" | "underweight" | "underperform"
            | "neutral" | "alvo" | "recomendacao" | "classificacao" | "neutro" | "buy" | "hold" | "sell" | "bullish"
            | "bearish" | "compra" | "venda" | "manutencao" | "targets" | "ratings" | "alvos" | "recomendacoes" | "pt"
    )
}
