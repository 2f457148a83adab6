//! The words around a stance cue that change what it says (seventh round): a time phrase between
//! a change verb and the rating it changed (`cortou na quarta-feira a recomendação`), a scenario
//! that is no view (`em seu cenário mais otimista`), a rating kept with a verb of staying
//! (`continuou neutra`, `stayed at a neutral rating`), a debt's rating changed and a portfolio's
//! allocation moved.

use std::sync::OnceLock;

use crate::extract::fx_hash::FxHashMap;
use crate::extract::index_cues::is_index_word;
use crate::extract::known_brokers::brokers_in;
use crate::extract::tokens::Token;
use crate::extract::words::is_share_word;
use crate::model::Stance;

/// How many of `ahead` (the words after a change verb) are a time phrase: `na quarta-feira`,
/// `nesta segunda-feira (27)`, `on Tuesday`, `this morning`, `hoje`.
pub(crate) fn time_phrase_len(ahead: &[Token]) -> usize {
    let mut n = usize::from(ahead.first().is_some_and(|w| {
        matches!(&*w.key, "na" | "nesta" | "neste" | "no" | "on" | "this" | "last" | "early" | "late")
    }));
    let start = n;
    while ahead.get(n).is_some_and(|w| is_time_word(&w.key) || (n > start && w.is_digits())) {
        n += 1;
    }
    if n == start { 0 } else { n }
}

fn is_time_word(key: &str) -> bool {
    matches!(
        key,
        "segunda"
            | "terca"
            | "quarta"
            | "quinta"
            | "sexta"
            | "sabado"
            | "domingo"
            | "feira"
            | "hoje"
            | "ontem"
            | "manha"
            | "tarde"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "today"
            | "yesterday"
            | "morning"
            | "afternoon"
            | "week"
            | "semana"
            | "dia"
    )
}

/// `em seu cenário mais otimista`, `cenário pessimista`, `in an optimistic scenario`: a plain
/// word at `i` qualifying a scenario, one case among others, is no view.
pub(super) fn qualifies_scenario(words: &[Token], i: usize) -> bool {
    // `No cenário pessimista, … (15% de downside)`: a sentence opening with a scenario is one case.
    let opening = words.iter().take(4);
    let near = words[i.saturating_sub(2)..i].iter().chain(words.get(i + 1)).chain(opening);
    near.into_iter().any(|w| matches!(&*w.key, "cenario" | "cenarios" | "scenario" | "scenarios"))
}

/// Verbs of staying (`continuou`, `segue`, `remains`, `stayed`): they keep a rating only when one
/// follows at once (`continuou neutra`, `remains at Buy`, `stayed at a neutral rating`), not
/// `remains on hold` or `segue em alta`; see [`stayed_at`].
#[rustfmt::skip]
pub(super) const STAY: &[&str] = &[
    "continuou", "continua", "continuava", "segue", "seguiu", "remains", "remained", "remain", "stays", "stayed",
    "stay",
];

/// The rating word right after a verb of staying (past `at`, `a`, `an`, `em`, `como`); not one
/// that is also an everyday word (`remains strong`, `segue a market leader`).
pub(super) fn stayed_at<'a>(ahead: &'a [Token<'a>]) -> Option<&'a Token<'a>> {
    let gap = ahead.iter().take(2).take_while(|w| matches!(&*w.key, "at" | "a" | "an" | "em" | "como")).count();
    // Not `segue a venda de ativos`: after Portuguese `a`, `compra`/`venda` are a purchase, a sale.
    let article = ahead[..gap].iter().any(|w| w.key == "a");
    ahead.get(gap).filter(|w| {
        let everyday = matches!(&*w.key, "strong" | "market" | "sector" | "peer" | "equal" | "reduce" | "perform");
        !(everyday || (article && matches!(&*w.key, "compra" | "venda")))
    })
}

/// `depois de o Goldman Sachs rebaixar a recomendação`, `após o BTG elevar`: a Portuguese
/// infinitive of a change verb is a cue, unless parties at large come just before it: `levou
/// analistas a revisar estimativas e cortar preços-alvo` is about analysts at large.
pub(super) fn is_unnamed_infinitive(words: &[Token], i: usize) -> bool {
    matches!(&*words[i].key, "elevar" | "aumentar" | "cortar" | "reduzir" | "rebaixar")
        && words[i.saturating_sub(6)..i].iter().any(|w| is_generic_agent(&w.key))
}

/// Parties at large, whose acts are no one's view (`analistas`, `os bancos`, `o mercado`).
fn is_generic_agent(key: &str) -> bool {
    matches!(key, "analistas" | "analysts" | "bancos" | "casas" | "corretoras" | "investidores" | "mercado")
}

/// `Coverage on AbbVie was also assumed at Neutral`, `resumed coverage on CSCO with a "neutral"
/// rating`: a verb of taking up coverage states a rating when `coverage` is named next to it.
pub(super) fn takes_up_coverage(words: &[Token], i: usize) -> bool {
    COVER.contains(&&*words[i].key)
        && words[i.saturating_sub(5)..words.len().min(i + 3)]
            .iter()
            .any(|w| matches!(&*w.key, "coverage" | "cobertura"))
}

/// Verbs of taking up coverage (see [`takes_up_coverage`]).
#[rustfmt::skip]
pub(super) const COVER: &[&str] = &[
    "resumed", "resumes", "assumed", "assumes", "reinstated", "reinstates", "started", "starts", "retomou",
];

/// `its stock should rebound`, `the company's share price would climb to $400`, `expects
/// Tesla's share price to fall by half`, `as ações devem subir`: a move of the shares forecast
/// (a modal, or `to`, right before the verb at `i`; a share noun just before that) is a plain
/// view of them, up or down.
pub(super) fn forecast_move(words: &[Token], i: usize) -> Option<Stance> {
    let up = FORECAST_UP.contains(&&*words[i].key);
    if !up && !FORECAST_DOWN.contains(&&*words[i].key) {
        return None;
    }
    let modal = i.checked_sub(1).filter(|&m| {
        matches!(
            &*words[m].key,
            "should" | "will" | "would" | "could" | "to" | "deve" | "devem" | "devera" | "deverao" | "vai" | "vao"
        )
    })?;
    let shares = |w: &Token| matches!(&*w.key, "stock" | "shares" | "acoes" | "papeis" | "acao" | "papel");
    let share_price = |k: usize| words[k].key == "price" && k > 0 && words[k - 1].key == "share";
    let near = modal.saturating_sub(3)..modal;
    near.clone().any(|k| shares(&words[k]) || share_price(k)).then_some(if up {
        Stance::Bullish
    } else {
        Stance::Bearish
    })
}

/// Verbs of a forecast rise of the shares (see [`forecast_move`]).
#[rustfmt::skip]
pub(super) const FORECAST_UP: &[&str] = &[
    "rebound", "climb", "rise", "recover", "rally", "subir", "valorizar", "recuperar",
];

/// Verbs of a forecast fall of the shares (see [`forecast_move`]).
#[rustfmt::skip]
pub(super) const FORECAST_DOWN: &[&str] = &[
    "fall", "drop", "decline", "slump", "sink", "cair", "recuar", "desvalorizar",
];

/// The seventh round's kinds of cue word, found by one lookup per cue word (not a scan of each
/// list) in [`super::read_stance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Stay,
    Cover,
    Forecast,
}

/// The kind of a cue word among [`STAY`], [`COVER`] and the forecast verbs, if any.
pub(super) fn kind(key: &str) -> Option<Kind> {
    static KINDS: OnceLock<FxHashMap<&'static str, Kind>> = OnceLock::new();
    KINDS
        .get_or_init(|| {
            let of = |list: &'static [&'static str], kind: Kind| list.iter().map(move |w| (*w, kind));
            of(STAY, Kind::Stay)
                .chain(of(COVER, Kind::Cover))
                .chain(of(FORECAST_UP, Kind::Forecast))
                .chain(of(FORECAST_DOWN, Kind::Forecast))
                .collect()
        })
        .get(key)
        .copied()
}

/// `o leilão… para vender novas concessões`: to buy or sell (word `i`) something else than
/// shares is no call; `recomenda vender as ações`, `comprar Vale` and `um ativo válido para
/// comprar` are.
pub(super) fn trades_something_else(words: &[Token], i: usize) -> bool {
    let asset = |o: &Token| is_share_word(&o.key) || matches!(&*o.key, "ativo" | "ativos");
    matches!(&*words[i].key, "vender" | "comprar")
        && !words[i + 1..].iter().take(3).any(|o| asset(o) || o.capitalized || o.upper)
        && !words[i.saturating_sub(3)..i].iter().any(asset)
}

/// `reiterou sua preferência por Sabesp`, `a clear preference for Stone`: a preference for a
/// company (word `i` and the preposition after it), a pick.
pub(super) fn prefers(words: &[Token], i: usize) -> bool {
    matches!(&*words[i].key, "preferencia" | "preference")
        && words.get(i + 1).is_some_and(|w| matches!(&*w.key, "por" | "pela" | "pelo" | "pelas" | "pelos" | "for"))
}

/// `whose credit ratings were downgraded by Moody's`, `rebaixou a nota de crédito`: a change of a
/// debt's rating (a credit word within a few words of word `i`), no call on the shares.
pub(super) fn of_credit(words: &[Token], i: usize) -> bool {
    let near = &words[i.saturating_sub(3)..words.len().min(i + 4)];
    // (Not `Credit Suisse`: a name; `crédito` only as a rating's, `nota de crédito`.)
    near.iter().enumerate().any(|(k, w)| {
        let rating_of = k >= 2 && near[k - 1].key == "de" && matches!(&*near[k - 2].key, "nota" | "rating");
        // (Not `credit card issuer Synchrony`: a credit's own rating, `credit ratings`.)
        let rated = near.get(k + 1).is_some_and(|n| matches!(&*n.key, "rating" | "ratings" | "outlook"));
        !w.capitalized
            && ((matches!(&*w.key, "credit" | "debt") && rated)
                || matches!(&*w.key, "bond" | "bonds")
                || (matches!(&*w.key, "credito" | "divida") && rating_of))
    })
}

/// A portfolio's weight in a company (`alocação`, `exposure`).
pub(super) fn is_allocation(key: &str) -> bool {
    // (Not `exposição`/`exposure`: a lender's credit to a company as often as a portfolio's.)
    matches!(key, "alocacao" | "allocation")
}

/// `"strongly recommended" the purchase of B of A stock`: a purchase recommended (word `i`), not
/// one a company makes (`the purchase of Shoptime`).
pub(super) fn recommended_purchase(words: &[Token], i: usize) -> bool {
    matches!(&*words[i].key, "purchase" | "purchasing")
        && words[i.saturating_sub(3)..i].iter().any(|w| w.key.starts_with("recommend"))
}

/// `o Bradesco passou a ser recomendado pelos analistas do JPMorgan`, `recommended by Morgan
/// Stanley`: a company recommended by a firm (word `i`), no rating named: a buy rating, its agent
/// after it.
pub(super) fn recommended_by(words: &[Token], i: usize) -> bool {
    // (A known broker right after the agent's word: not `recommended by the board`, `o dividendo
    // recomendado pelo conselho`.)
    matches!(&*words[i].key, "recomendado" | "recomendada" | "recomendados" | "recomendadas" | "recommended")
        && words.get(i + 1).is_some_and(|w| matches!(&*w.key, "pelo" | "pela" | "pelos" | "pelas" | "by"))
        && !brokers_in(&words[i + 2..words.len().min(i + 6)]).is_empty()
}

/// `o JPMorgan alertou para o risco de novas perdas`: a warning of a risk or a fall (word `i`), not
/// `alertou para o potencial de alta`.
pub(super) fn warned_of_a_risk(words: &[Token], i: usize) -> bool {
    matches!(&*words[i].key, "alertou" | "alertam" | "alertaram" | "alertando" | "alerta")
        && words[i + 1..]
            .iter()
            .take(5)
            .any(|w| matches!(&*w.key, "risco" | "riscos" | "queda" | "quedas" | "perda" | "perdas" | "risk" | "risks"))
}

/// `a XP vê potencial de alta de 25%`, `chances de alta`, `espaço para queda`: a move a firm sees
/// room for (word `i`, `alta` or `queda`), its stance.
pub(super) fn room_to_move(words: &[Token], i: usize) -> Option<Stance> {
    // `Netflix stock has further to run`, `room to run`: room to rise, in English.
    if words[i].key == "run"
        && i >= 2
        && words[i - 1].key == "to"
        && matches!(&*words[i - 2].key, "further" | "room" | "more" | "farther")
    {
        return Some(Stance::Bullish);
    }
    let stance = match &*words[i].key {
        "alta" | "subida" => Stance::Bullish,
        "queda" | "baixa" => Stance::Bearish,
        _ => return None,
    };
    let room = i >= 2
        && matches!(&*words[i - 1].key, "de" | "para")
        && matches!(&*words[i - 2].key, "potencial" | "chances" | "chance" | "espaco");
    // (Not `potencial de queda limitado`, `um potencial de queda menor`, `pequeno potencial de
    // alta`: little room, no stance.)
    let little = |w: &Token| {
        matches!(&*w.key, "menor" | "menores" | "pequeno" | "baixo" | "limited" | "reduzido" | "reduzida")
            || w.key.starts_with("limitad")
    };
    let limited = words.get(i + 1).is_some_and(little) || i >= 3 && little(&words[i - 3]);
    // (Not `alertou para o potencial de alta`: an alert, no call; nor a rate's or a market's move,
    // `chance de alta da Selic`, `espaço para queda da inflação`.)
    let alert = words[i.saturating_sub(5)..i].iter().any(|w| w.key.starts_with("alert"));
    let of_a_market = words.get(i + 1).is_some_and(|w| matches!(&*w.key, "da" | "do" | "dos" | "das"))
        && words.get(i + 2).is_some_and(|w| is_index_word(&w.key) || is_macro_word(&w.key));
    (room && !limited && !alert && !of_a_market).then_some(stance)
}

/// Rates and markets a rise or a fall may be of, besides indexes and currencies (folded).
fn is_macro_word(key: &str) -> bool {
    matches!(
        key,
        "taxa" | "taxas" | "precos" | "petroleo" | "minerio" | "commodities" | "bolsa" | "mercado" | "economia"
    )
}
