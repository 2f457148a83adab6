//! The stance a sentence states, in English and Portuguese: rating actions (`upgraded`, `raised
//! its price target`, `rebaixou`) first, then plain words (`buy`, `otimista`, `worried`,
//! `preocupação`); a word after a negation in its clause (`nem todos … compartilham dessa visão
//! pessimista`, `not a buy`) counts for nothing; both stances at one level, or none, give none.

use std::sync::OnceLock;

use super::fx_hash::FxHashSet;
use super::target_moves::target_move;
use super::tokens::Token;
use super::words::is_acronym;
use crate::model::Stance;
pub(crate) use context::time_phrase_len;
use context::{
    COVER, FORECAST_DOWN, FORECAST_UP, Kind, STAY, forecast_move, is_allocation, is_unnamed_infinitive, kind,
    of_credit, prefers, qualifies_scenario, recommended_by, recommended_purchase, room_to_move, takes_up_coverage,
    trades_something_else, warned_of_a_risk,
};
use lists::{
    BEARISH, BULLISH, CUT, DOWNGRADE, KEEP, NEUTRAL, PICK, RAISE, RATING_BEARISH, RATING_BULLISH, RATING_NEUTRAL,
    RATING_NOUNS, REVISION, TARGET, UPGRADE,
};
pub(crate) use moves::rating_move_back;
use moves::{into_portfolio, owned_rating_moved, rating_move};
use negation::{eases_a_worry, is_negation, missed_an_opportunity, stops_recommending};
pub(crate) use rating_names::names_a_rating;
use rating_names::{first_rating, outperforms_in_words, rating_at, rating_word};
use stated::{KEPT_REACH, bracketed_rating, closing_rating, kept_with, stated_rating};

/// How many words after a change verb its object (`price target`) may come.
const OBJECT_REACH: usize = 6;

/// What a sentence's words say about a stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    pub stance: Option<Stance>,
    /// Byte offset of the word that decided it.
    pub at: usize,
    /// `a similar stance`, `the same view`, `postura semelhante`: the stance of the view before.
    pub similar: bool,
    /// Decided by a rating or a price target (not a plain word): some broker holds it, named in
    /// the sentence or just before (`Com isso, o preço-alvo foi revisto…, com recomendação
    /// outperform` after `o Itaú BBA divulgou…`).
    pub rating: bool,
    /// The level that decided (0 a rating changed … 4 plain words; see [`read_stance`]).
    pub level: usize,
    /// A neutral rating stated and nothing stronger (`A recomendação foi mantida em neutra`).
    pub neutral: bool,
}

/// Reads the stance of one sentence's words (`text` is the whole text the words point into).
/// Cues are weighed in levels, the first level with any deciding: a rating changed (`upgraded`,
/// `raises to buy`, `cortou a recomendação`), then a rating stated (`maintained … Outperform`,
/// `recomendação de compra`; a neutral one means no view, whatever the target did), then a
/// price target moved from one value to another (`alvo de R$ 22 para R$ 24,50`), then a price
/// target raised or cut, then plain words.
pub(crate) fn read_stance(text: &str, words: &[Token]) -> Reading {
    let mut negated = false;
    // Per level: each cue's stance (none: a neutral rating) and where its word starts.
    let mut levels: [Vec<(Option<Stance>, usize)>; 5] = Default::default();
    let (mut similar, mut stance_noun) = (false, false);
    // `No grupo de ações com recomendação de overweight`: Portuguese `no` is `in the` (the
    // sentence's language is read only when it has a `no`).
    let mut portuguese: Option<bool> = None;
    for (i, w) in words.iter().enumerate() {
        if i > 0 && text[words[i - 1].end..w.start].contains([',', ';', ':', '.']) {
            negated = false;
        }
        let key = &*w.key;
        // `não só reiterou a recomendação de venda… como cortou`, `not only…but`: no negation.
        // (Not `not so bullish`: English `so` is no `só`.)
        let only = || {
            words.get(i + 1).is_some_and(|n| match key {
                "nao" => matches!(&*n.key, "so" | "somente" | "apenas"),
                _ => n.key == "only",
            })
        };
        // `deixou de recomendar a compra`, `stopped recommending`, `no longer recommends`: a
        // recommendation withdrawn is a cut (what follows counts for nothing).
        if let Some(stance) = stops_recommending(words, i) {
            if stance.is_some() {
                levels[0].push((stance, w.start));
            }
            negated = true;
            continue;
        }
        // (Nor `It's not surprising to see Tesla shares rising following this bullish outlook`.)
        let surprise = || {
            words.get(i + 1).is_some_and(|n| matches!(&*n.key, "surprising" | "surprisingly" | "surprise" | "surpresa"))
        };
        // (`o Morgan Stanley não está sozinho nessa onda de otimismo`, `is not alone`: others agree.)
        let alone =
            || words[i + 1..].iter().take(2).any(|n| matches!(&*n.key, "sozinho" | "sozinha" | "sozinhos" | "alone"));
        if (is_negation(key) || missed_an_opportunity(words, i) || eases_a_worry(words, i))
            && !(matches!(key, "nao" | "not") && (only() || alone()))
            && !(matches!(key, "nao" | "not" | "no") && surprise())
            && !(key == "no"
                && *portuguese
                    .get_or_insert_with(|| words.iter().filter(|w| is_portuguese_word(&w.key)).take(2).count() >= 2))
        {
            negated = true;
            continue;
        }
        // `The prior rating was Underweight`, `a recomendação anterior era de venda`: a rating no
        // longer held, up to the clause's end (not `from its previous close`).
        let rating_noun = |w: Option<&Token>| w.is_some_and(|w| is_rating_noun(&w.key) || w.key == "call");
        // (Not `reversed his previous recommendation… from ‘sell’ to ‘buy’`: the change named.)
        let changed = || words[i + 1..].iter().take(6).any(|w| w.key == "from");
        if matches!(key, "prior" | "previous" | "anterior")
            && (rating_noun(words.get(i + 1)) || rating_noun(i.checked_sub(1).and_then(|j| words.get(j))))
            && !changed()
        {
            negated = true;
            continue;
        }
        // `precisa estar abaixo de R$ 9 para justificar uma recomendação de compra`, `to justify a
        // buy rating`: a rating the firm would give, not one it gives (not `to justify its rating`).
        if matches!(key, "justificar" | "justify")
            && words.get(i + 1).is_some_and(|n| matches!(&*n.key, "uma" | "um" | "a" | "an"))
        {
            negated = true;
            continue;
        }
        similar |= matches!(key, "similar" | "semelhante" | "same" | "mesma" | "mesmo" | "parecida");
        stance_noun |= matches!(
            key,
            "stance"
                | "view"
                | "postura"
                | "visao"
                | "posicao"
                | "tom"
                | "tone"
                | "opiniao"
                | "recomendacao"
                | "recommendation"
        );
        if negated || text[w.end..].starts_with('-') {
            continue;
        }
        // Most words open no cue: one lookup skips them.
        if !may_cue(key) || is_unnamed_infinitive(words, i) || of_credit(words, i) {
            continue;
        }
        // (`reforçaram recomendações de vendas`: a sell written in the plural; else sales. Read only
        // here, past the one lookup that skips most words.)
        let key = match key {
            "vendas" if i >= 2 && words[i - 1].key == "de" && is_rating_noun(&words[i - 2].key) => "venda",
            "vendas" => continue,
            _ => key,
        };
        // `from buy to hold`, `de compra para neutro`: the direction of the change; `bumped
        // Freeport to Hold from Buy`: the order of the ratings, whatever the verb. These words are
        // in no list below, and common: nothing more is looked up for them.
        if matches!(key, "from" | "de" | "to" | "para") {
            let after = &words[i + 1..];
            let moved = if matches!(key, "from" | "de") { rating_move(after) } else { rating_move_back(after) };
            // (`was raised to Outperform from Market Perform`: the change's verb right before
            // is where it is stated, for a passive to be read there.)
            let verb = i.checked_sub(1).map(|j| &words[j]).filter(|v| {
                is_raise(&v.key) || is_cut(&v.key) || UPGRADE.contains(&&*v.key) || DOWNGRADE.contains(&&*v.key)
            });
            if let Some(moved) = moved {
                levels[0].push((Some(moved), verb.map_or(w.start, |v| v.start)));
            }
            continue;
        }
        // (`cut the company's rating to attractive from buy`: a former rating states no view.)
        if i > 0 && words[i - 1].key == "from" && rating_word(key).is_some() {
            continue;
        }
        let ahead = &words[i + 1..words.len().min(i + 1 + OBJECT_REACH)];
        if trades_something_else(words, i) {
            continue;
        }
        let kind = kind(key);
        // `raised its price target`, and the headline's `price target raised to $60`.
        let is_target = |key: &str| TARGET.contains(&key);
        // `reduziram suas metas de preço`: a price target, as translations write it.
        let price_goal = |at: &[Token]| {
            at.windows(3).any(|p| matches!(&*p[0].key, "meta" | "metas") && p[1].key == "de" && p[2].key == "preco")
        };
        // (`raise PT to $38`: a price target, in capitals right after the verb.)
        let target = || {
            ahead.iter().any(|o| is_target(&o.key))
                || (i > 0 && is_target(&words[i - 1].key))
                // (`the target price was raised`: past the passive's verb.)
                || (i > 1
                    && matches!(&*words[i - 1].key, "was" | "were" | "been" | "foi" | "foram")
                    && (is_target(&words[i - 2].key)
                        || (i > 2 && words[i - 2].key == "price" && is_target(&words[i - 3].key))))
                || price_goal(ahead)
                || ahead.iter().take(2).any(|o| matches!(o.text, "PT" | "PTs"))
        };
        // `cortou na quarta-feira a recomendação`: a time phrase between the verb and its object.
        // (`cut the company's rating`: past a possessive.)
        let rating_noun = || ahead.iter().skip(time_phrase_len(ahead)).take(4).any(|o| is_rating_noun(&o.key));
        let to_rating = || {
            // `lowering U.S. Bancorp to Neutral`: a company's name of a few words between.
            // (`foram elevados a compra`: Portuguese `a` is `to` before a rating.)
            let to = ahead.iter().take(5).enumerate().position(|(k, o)| {
                matches!(&*o.key, "to" | "para")
                    || (o.key == "a" && ahead.get(k + 1).is_some_and(|r| rating_word(&r.key).is_some()))
            })?;
            rating_at(ahead, to + 1)
        };
        // `KeyBanc analysts raised theirs to $195`: a target named before.
        let target = || target() || ahead.first().is_some_and(|o| o.key == "theirs");
        let revised = revision(key, ahead);
        // (`As recomendações foram cortadas`, `elevated its target`; not `juros elevados`, `elevated
        // levels`: these participles change a call only in a passive or before their object.)
        let participle = matches!(
            key,
            "elevados"
                | "elevadas"
                | "cortados"
                | "cortadas"
                | "reduzidos"
                | "reduzidas"
                | "aumentados"
                | "aumentadas"
                | "aumentado"
                | "aumentada"
                | "elevated"
        );
        let as_verb = !participle
            || (i > 0
                && matches!(&*words[i - 1].key, "foram" | "foi" | "sao" | "sido" | "estao" | "serao" | "was" | "were"))
            || ahead.first().is_some_and(|o| matches!(&*o.key, "its" | "their" | "his" | "her" | "the"));
        let (up, down) =
            (as_verb && (is_raise(key) || revised == Some(true)), as_verb && (is_cut(key) || revised == Some(false)));
        // (`upgraded to Buy with a target of $28`: a rating named first is the rating's change.)
        let of_target = || target() && to_rating().is_none();
        let cue = if UPGRADE.contains(&key)
            && !of_target()
            && !ahead.iter().take(2).any(|o| is_estimate_noun(&o.key) || is_expectation(&o.key))
        {
            // Not `o que elevou as expectativas`: expectations raised are no rating.
            Some((0, Some(Stance::Bullish)))
        } else if DOWNGRADE.contains(&key) && !of_target() {
            // `rebaixou o preço-alvo da Apple`: a target cut, not a rating's.
            Some((0, Some(Stance::Bearish)))
        } else if (up || down)
            && (ahead.iter().take(5).enumerate())
                .any(|(j, o)| matches!(&*o.key, "to" | "para") && rating_move_back(&words[i + 2 + j..]).is_some())
        {
            // `bumped Freeport to Hold from Buy`: the ratings' order says the way, not the verb.
            None
        } else if (up || down)
            && matches!(ahead, [of, name, ..] if matches!(&*of.key, "da" | "do" | "das" | "dos")
                && name.capitalized && !is_acronym(&name.text.to_uppercase()))
        {
            // `o J.P. Morgan cortou recomendação da JBS e aumentou da BRF e da Marfrig`: a change
            // verb right before `da` and a name has left out the rating it changes.
            Some((0, Some(if up { Stance::Bullish } else { Stance::Bearish })))
        } else if (up || down) && (rating_noun() || to_rating().is_some() || owned_rating_moved(words, i)) && !target()
        {
            Some((0, Some(if up { Stance::Bullish } else { Stance::Bearish })))
        } else if (up || down) && ahead.iter().take(3).any(|o| is_allocation(&o.key)) {
            // `Aumentamos nossa alocação para Bradesco`, `cut its exposure to`: a portfolio's
            // weight moved, a recommendation.
            Some((1, Some(if up { Stance::Bullish } else { Stance::Bearish })))
        } else if let Some(stated) = stated_rating(key, kind, ahead)
            .or_else(|| closing_rating(text, words, i))
            .or_else(|| bracketed_rating(text, words, i))
            .or_else(|| kept_with(text, key, &words[i..words.len().min(i + 1 + KEPT_REACH)]))
        {
            Some((1, stated))
        } else if let Some(stated) =
            (kind == Some(Kind::Cover) && takes_up_coverage(words, i)).then(|| first_rating(ahead)).flatten()
        {
            Some((1, stated))
        } else if let Some(put) = (key == "carteira").then(|| into_portfolio(words, i)).flatten() {
            // `O BTG Pactual incluiu a Vale em sua carteira recomendada`: a recommendation.
            Some((1, Some(put)))
        } else if outperforms_in_words(key, ahead) {
            // `as ações da companhia devem superar o desempenho do setor`: outperform, in words.
            Some((1, Some(Stance::Bullish)))
        } else if recommended_by(words, i) {
            Some((1, Some(Stance::Bullish)))
        } else if let Some(moved) = ((TARGET.contains(&key) || price_goal(&words[i..words.len().min(i + 3)]))
            && !split_in(words))
        .then(|| target_move(text, &words[i + 1..]))
        .flatten()
        {
            Some((2, Some(moved)))
        } else if (up || down) && ahead.iter().take(3).any(|o| is_estimate_noun(&o.key)) {
            // `reduziram projeções`, `cut their estimates`: analysts' forecasts moved, as a target.
            Some((3, Some(if up { Stance::Bullish } else { Stance::Bearish })))
        } else if up && target() {
            Some((3, Some(Stance::Bullish)))
        } else if down && target() {
            Some((3, Some(Stance::Bearish)))
        } else if i > 0 && matches!(&*words[i - 1].key, "surpresa" | "supresa" | "surprise" | "surprises") {
            // `a rentabilidade foi uma surpresa positiva`: results that surprised, not a view.
            None
        } else if ((PICK.contains(&key) || matches!(key, "recomendacao" | "recommendation"))
            && i > 0
            // (`top stock picks`: past `stock`.)
            && matches!(
                &*words[if i > 1 && words[i - 1].key == "stock" && PICK.contains(&key) { i - 2 } else { i - 1 }].key,
                "top" | "our" | "nossa" | "nossas" | "principal" | "principais" | "best" | "melhor" | "signature"
                    | "key" | "conviction" | "favorite" | "favourite"
            )
            // (An idea only as the best, top or key one: not `a nossa ideia é que…`; a
            // recommendation only as the top one: `a principal recomendação do banco`.)
            && (!matches!(key, "idea" | "ideas" | "ideia" | "ideias")
                || matches!(&*words[i - 1].key, "best" | "top" | "melhor" | "key"))
            && (!matches!(key, "recomendacao" | "recommendation")
                || matches!(&*words[i - 1].key, "top" | "principal" | "melhor")))
            || prefers(words, i)
        {
            // `as the top picks`, `Bemobi é nossa escolha`, `preferência pela Stone`, `the “Best Idea”`;
            // taken off them, bearish (`removed Exxon Mobil from its top picks list`).
            Some((4, Some(if taken_off(words, i) { Stance::Bearish } else { Stance::Bullish })))
        } else if NEUTRAL.contains(&key)
            && (words.get(i + 1).is_some_and(|o| is_view_noun(&o.key)) || (i > 0 && is_view_noun(&words[i - 1].key)))
        {
            // `writes in a neutral analysis`, `postura neutra`: a neutral view, stated.
            Some((1, None))
        } else if matches!(key, "positive" | "negative" | "positivo" | "negativo" | "positiva" | "negativa")
            && (ahead.first().is_some_and(|o| is_measure(&o.key))
                || (i > 0 && matches!(&*words[i - 1].key, "ebitda" | "caixa" | "operacional")))
        {
            // `200 basis points of positive operating leverage`, `Ebitda negativo`: a measure's
            // sign, not a view.
            None
        } else if (is_bullish(key) || is_bearish(key)) && qualifies_scenario(words, i) {
            // `o Morgan Stanley projetou um salto de 50% em seu cenário mais otimista`: one case.
            None
        } else if let Some(moved) = (kind == Some(Kind::Forecast)).then(|| forecast_move(words, i)).flatten() {
            Some((4, Some(moved)))
        } else if matches!(key, "better" | "melhor" | "melhores")
            && ahead.first().is_some_and(|o| {
                matches!(
                    &*o.key,
                    "alternative"
                        | "alternatives"
                        | "option"
                        | "options"
                        | "opcao"
                        | "opcoes"
                        | "alternativa"
                        | "alternativas"
                        | "bet"
                        | "bets"
                        | "opportunities"
                )
            })
        {
            // `named Starbucks and Chipotle as better alternatives`, `a melhor opção do setor`.
            Some((4, Some(Stance::Bullish)))
        } else if is_bullish(key) && i > 0 && matches!(&*words[i - 1].key, "less" | "menos") {
            // `his less-bullish view`, `menos otimista`: a view turned down.
            Some((4, Some(Stance::Bearish)))
        } else if is_bullish(key) || recommended_purchase(words, i) || worst_is_over(words, i) {
            Some((4, Some(Stance::Bullish)))
        } else if let Some(room) = room_to_move(words, i) {
            Some((4, Some(room)))
        } else if is_bearish(key) || warned_of_a_risk(words, i) {
            Some((4, Some(Stance::Bearish)))
        } else {
            None
        };
        if let Some((level, stance)) = cue {
            levels[level].push((stance, w.start));
        }
    }
    let level = levels.iter().position(|cues| !cues.is_empty());
    // `remain bullish on Apple, though they warned that tariffs could cut margins`: a concession
    // after a comma qualifies the view before it and, where the two disagree, does not undo it.
    // (Looked for only where the cues disagree.)
    let conceded = || {
        words.iter().enumerate().find_map(|(i, w)| {
            let after_comma = i > 0 && text[words[i - 1].end..w.start].contains(',');
            (after_comma && matches!(&*w.key, "though" | "although" | "embora")).then_some(w.start)
        })
    };
    let agreeing = |cues: &[(Option<Stance>, usize)]| {
        let first = *cues.first()?;
        cues.iter().all(|c| c.0 == first.0).then_some(first)
    };
    let decided = level.map(|l| &levels[l]).and_then(|cues| {
        agreeing(cues).or_else(|| {
            let at = conceded()?;
            let before: Vec<_> = cues.iter().copied().filter(|c| c.1 < at).collect();
            agreeing(&before)
        })
    });
    let decided = decided.and_then(|(stance, at)| stance.map(|s| (s, at)));
    let neutral = decided.is_none() && level == Some(1) && levels[1].iter().all(|c| c.0.is_none());
    Reading {
        stance: decided.map(|d| d.0),
        at: decided.map_or(0, |d| d.1),
        similar: similar && stance_noun,
        rating: decided.is_some() && level.is_some_and(|l| l < 4),
        level: level.unwrap_or(4),
        neutral,
    }
}

/// `revisou para cima o preço-alvo`, `revised down its target`: a revision's direction, read
/// from the words right after it (`true` up).
fn revision(key: &str, ahead: &[Token]) -> Option<bool> {
    if !REVISION.contains(&key) {
        return None;
    }
    let next: Vec<&str> = ahead.iter().take(2).map(|w| &*w.key).collect();
    match next[..] {
        ["para", "cima", ..] | ["up" | "upward" | "higher", ..] => Some(true),
        ["para", "baixo", ..] | ["down" | "downward" | "lower", ..] => Some(false),
        _ => None,
    }
}

/// `O pior período da Cyrela (CYRE3) já passou`, `the worst is over` (`behind`): word `i` ends a
/// worst that is past, a bullish view in words.
fn worst_is_over(words: &[Token], i: usize) -> bool {
    let over = match &*words[i].key {
        "passou" => i > 0 && words[i - 1].key == "ja",
        "over" | "behind" => i > 0 && matches!(&*words[i - 1].key, "is" | "was" | "are"),
        _ => false,
    };
    over && words[i.saturating_sub(8)..i].iter().any(|w| matches!(&*w.key, "pior" | "worst"))
}

/// `removed Exxon Mobil from its top picks`, `takes group off ‘top picks’ list`, `retirou a Vale da
/// lista de preferidas`: a verb taking a stock off, then `from` (`off`, `da`, `de`, `do`) within the
/// three words before the pick at word `i`.
fn taken_off(words: &[Token], i: usize) -> bool {
    // (`from` within the three words before the pick, the verb within six before `from`: not
    // `which dropped Intel from coverage, kept Apple among its top picks`.)
    let before = &words[i.saturating_sub(4)..i];
    let Some(from) = before.iter().rposition(|w| matches!(&*w.key, "from" | "da" | "de" | "do" | "off")) else {
        return false;
    };
    let at = i.saturating_sub(4) + from;
    words[at.saturating_sub(6)..at].iter().any(|w| {
        matches!(
            &*w.key,
            "removed"
                | "removes"
                | "dropped"
                | "drops"
                | "took"
                | "takes"
                | "pulled"
                | "cut"
                | "excluded"
                | "retirou"
                | "excluiu"
                | "tirou"
                | "removeu"
        )
    }) && !words[at.saturating_sub(6)..at].iter().any(|w| matches!(&*w.key, "kept" | "keeps" | "manteve"))
}

/// `considera um desdobramento de ações…, quando o preço-alvo anterior de R$ 63 foi ajustado para
/// R$ 31,50`: a target adjusted for a split is the same target in more shares, no move.
fn split_in(words: &[Token]) -> bool {
    words.iter().any(|w| matches!(&*w.key, "desdobramento" | "grupamento" | "split" | "inplit"))
}

fn is_keep_verb(key: &str) -> bool {
    KEEP.contains(&key)
}

/// Analysts' forecasts (not a company's own guidance): `projeções`, `estimativas`, `estimates`.
/// Nouns for a view as a whole (`a neutral analysis`, `postura neutra`).
fn is_view_noun(key: &str) -> bool {
    matches!(key, "analysis" | "stance" | "view" | "outlook" | "tone" | "analise" | "postura" | "visao" | "tom")
}

/// `expectativas`, `expectations`: what a market or a company raises, not a rating.
fn is_expectation(key: &str) -> bool {
    matches!(key, "expectativas" | "expectativa" | "expectations" | "expectation")
}

/// Portuguese function words that English does not use (`de`, `que`, `com`, `uma`).
fn is_portuguese_word(key: &str) -> bool {
    matches!(key, "de" | "da" | "do" | "que" | "com" | "para" | "os" | "uma" | "um" | "em" | "das" | "dos")
}

/// Measures a sign qualifies (`positive operating leverage`, `negative free cash flow`), and results
/// (`Sanofi announced positive results from a study`, `the market's biggest positive influence`).
fn is_measure(key: &str) -> bool {
    matches!(
        key,
        "operating"
            | "free"
            | "cash"
            | "ebitda"
            | "net"
            | "eps"
            | "carry"
            | "leverage"
            | "revenue"
            | "earnings"
            | "sales"
            | "comparable"
            | "comps"
            | "equity"
            | "working"
            | "results"
            | "data"
            | "resultados"
            | "dados"
            | "influence"
    )
}

fn is_estimate_noun(key: &str) -> bool {
    matches!(key, "projecoes" | "estimativas" | "previsoes" | "estimates")
}

/// A rating's or a price target's noun (`rating`, `recomendação`, `target`, `alvo`).
pub(crate) fn is_rating_or_target_noun(key: &str) -> bool {
    is_rating_noun(key) || TARGET.contains(&key)
}

fn is_rating_noun(key: &str) -> bool {
    RATING_NOUNS.contains(&key)
}

fn is_raise(key: &str) -> bool {
    RAISE.contains(&key)
}

fn is_cut(key: &str) -> bool {
    CUT.contains(&key)
}

pub(crate) fn is_bullish(key: &str) -> bool {
    BULLISH.contains(&key)
}

pub(crate) fn is_bearish(key: &str) -> bool {
    BEARISH.contains(&key)
}

/// Whether a word may open a cue in [`read_stance`]: one of the lists above, or `from` / `de` /
/// `to` / `para` (a rating's change).
fn may_cue(key: &str) -> bool {
    static CUES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    CUES.get_or_init(|| {
        [
            RAISE,
            CUT,
            KEEP,
            RATING_NOUNS,
            BULLISH,
            BEARISH,
            RATING_BULLISH,
            RATING_BEARISH,
            RATING_NEUTRAL,
            UPGRADE,
            DOWNGRADE,
            TARGET,
            PICK,
            NEUTRAL,
            REVISION,
        ]
        .iter()
        .flat_map(|list| list.iter().copied())
        .chain(["from", "de", "to", "para", "carteira", "better", "melhor", "melhores", "purchase", "purchasing"])
        .chain(["alertou", "alertam", "alertaram", "alertando", "alerta", "alta", "subida", "queda", "baixa"])
        .chain(["superar", "superem", "superarem", "supere", "vendas", "passou", "over", "behind", "run"])
        .chain(STAY.iter().chain(COVER).chain(FORECAST_UP).chain(FORECAST_DOWN).copied())
        .collect()
    })
    .contains(key)
}

mod context;
mod lists;
mod moves;
mod negation;
mod rating_names;
mod stated;

#[cfg(test)]
mod tests;
