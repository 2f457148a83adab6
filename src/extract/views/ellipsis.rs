//! Objects of a rating verb left without their verb (seventh round): `Goldman downgrades both
//! Ameren (AEE) and WEC Energy (WEC) to Sell from Neutral, …, and American Electric Power (AEP)
//! to Neutral from Buy` rates AEP too, by the change written after it; and (eleventh round) a
//! list of targets moved, `raised his target for United… to $35 from $29; Delta Air Lines Inc.
//! to $21 from $17`, `para Estácio, foi cortado de R$ 37 para R$ 27; para a Anima, de R$ 46 para
//! R$ 31`, rates each company by the way its own target moved; and (thirtieth round) firms left
//! without their verb, `Canaccord Genuity hiked its price target by $22 to $207; Scotia Capital
//! Inc. by $5 to $173, and TD Newcrest by $10 to $165`, hold the view too.

use std::ops::Range;

use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::Mention;
use crate::extract::stance_words::{names_a_rating, rating_move_back};
use crate::extract::target_moves::target_move;
use crate::extract::tokens::Token;
use crate::extract::words::is_company_suffix;
use crate::model::{Stance, Symbol};

/// The companies named after the stance word (at byte `at`) and not already rated (`rated`),
/// each joined by `and`/`e` or a comma and followed, past its bracketed symbol, by a rating
/// change of its own (`to Neutral from Buy`, `para neutro de compra`): with that change's stance;
/// or by a target move of its own (`; e CSN (CSNA3), de R$ 14 para R$ 18`): with the stance of the
/// sentence's rating change when it has one (`rating`), else with that move's.
pub(super) fn further_objects(
    text: &str,
    own: &[Token],
    about: &[&Mention],
    at: usize,
    rated: &[Symbol],
    rating: Option<Stance>,
) -> Vec<(Symbol, Stance)> {
    let mut out: Vec<(Symbol, Stance)> = Vec::new();
    for m in about.iter().filter(|m| m.span.start > at) {
        if rated.contains(&m.symbol) || out.iter().any(|(s, _)| *s == m.symbol) {
            continue;
        }
        let k = own.partition_point(|w| w.start < m.span.start);
        if let Some(stance) = item_rating(text, own, k, at) {
            out.push((m.symbol.clone(), stance));
            continue;
        }
        // `; para a Anima, de R$ 46…`: past the preposition and article before the name.
        // (`e de WEG para "venda"`: past `de` too.)
        let lead = own[..k]
            .iter()
            .rev()
            .take_while(|w| matches!(&*w.key, "para" | "a" | "o" | "for" | "de" | "da" | "do"))
            .count();
        let gap = |k: usize| &text[own[k - 1].end..own.get(k).map_or(m.span.start, |w| w.start)];
        let joined = k > lead && (matches!(&*own[k - lead - 1].key, "and" | "e") || gap(k - lead).contains([',', ';']));
        if !joined {
            continue;
        }
        // Past the name and its bracket (`(AEP +0.6%)`).
        let mut n = own.partition_point(|w| w.start < m.span.end);
        if text[m.span.end..].trim_start().starts_with('(') {
            let close = text[m.span.end..].find(')').map_or(m.span.end, |c| m.span.end + c);
            n = own.partition_point(|w| w.start < close);
        }
        // (`e de WEG, um dos papéis mais comuns nas carteiras defensivas, para "venda"`: past an
        // aside closed by a new rating.)
        if own.get(n).is_some_and(|w| text[..w.start].trim_end().ends_with(',')) {
            let rated_at = |j: usize| {
                text[..own[j].start].trim_end().ends_with(',')
                    && matches!(&*own[j].key, "to" | "para")
                    && own.get(j + 1).is_some_and(|w| names_a_rating(&w.key))
            };
            n = (n + 1..own.len().min(n + ITEM_REACH)).find(|&j| rated_at(j)).unwrap_or(n);
        }
        let to = own.get(n).filter(|w| matches!(&*w.key, "to" | "para"));
        if let Some(stance) = to.and_then(|_| rating_move_back(&own[n + 1..])) {
            out.push((m.symbol.clone(), stance));
        } else if let (Some(_), Some(stance)) =
            (to, rating.filter(|_| own.get(n + 1).is_some_and(|w| names_a_rating(&w.key))))
        {
            // `…para "neutro" e de WEG para "venda"`: a new rating alone, in a rating change's
            // sentence, is a change the same way.
            out.push((m.symbol.clone(), stance));
        } else if let Some(moved) = own_target_move(text, &own[n..]) {
            out.push((m.symbol.clone(), rating.unwrap_or(moved)));
        }
    }
    out
}

/// The known brokers named after the stance word (at byte `at`), each after a semicolon or a
/// comma and followed, past its legal suffix, by a move of its own (`; Scotia Capital Inc. by $5
/// to $173, and TD Newcrest by $10 to $165`): firms holding the same view, by the verb before.
/// They join `holders`, which ends sorted.
pub(super) fn further_holders(text: &str, own: &[Token], at: usize, holders: &mut Vec<Range<usize>>) {
    let from = own.partition_point(|w| w.start <= at);
    let further: Vec<Range<usize>> = brokers_in(&own[from..])
        .into_iter()
        .filter(|b| {
            let lead = text[..b.start].trim_end();
            let lead = lead.strip_suffix("and").or_else(|| lead.strip_suffix(" e")).map_or(lead, str::trim_end);
            let k = own.partition_point(|w| w.start < b.end);
            let mut after = own[k..].iter().skip_while(|w| is_company_suffix(&w.key));
            // (`by $5`, `to $173`: a figure right after; not `by contrast`.)
            let figure = |w: &Token| w.text.starts_with(|c: char| c.is_ascii_digit() || c == '$') || w.upper;
            lead.ends_with([';', ','])
                && after.next().is_some_and(|w| matches!(&*w.key, "by" | "to" | "para"))
                && after.next().is_some_and(figure)
        })
        .collect();
    for h in further {
        if !holders.iter().any(|o| o.start < h.end && h.start < o.end) {
            holders.push(h);
        }
    }
    holders.sort_by_key(|h| h.start);
}

/// `UBS assigned a buy rating and a $32 price target to KeyCorp KEY; a buy rating and $212 price
/// target for M&T Bank Corp.`: an item of a list after a semicolon stating its own rating before
/// the company (word `k` of `own`), past the stance word at byte `at`: that rating's stance.
fn item_rating(text: &str, own: &[Token], k: usize, at: usize) -> Option<Stance> {
    let from = k.saturating_sub(ITEM_REACH);
    let opens =
        (from.max(1)..k).rev().find(|&j| own[j].start > at && text[own[j - 1].end..own[j].start].contains(';'))?;
    // (Not `; a sell rating at Morgan Stanley for Intel`: another firm's.)
    if !brokers_in(&own[opens..k]).is_empty() {
        return None;
    }
    own[opens..k].iter().find_map(|w| match &*w.key {
        "buy" | "outperform" | "overweight" | "compra" => Some(Stance::Bullish),
        "sell" | "underperform" | "underweight" | "venda" => Some(Stance::Bearish),
        _ => None,
    })
}

/// The way a listed company's own target moved, written right after its name and before the next
/// item of the list (`Inc. to $21 from $17;`, `, foi cortado de R$ 37 para R$ 27;`, `, de R$ 46
/// para R$ 31`): only legal words, a verb of change or `shares` may come before it.
fn own_target_move(text: &str, after: &[Token]) -> Option<Stance> {
    let after = &after[..after.len().min(ITEM_REACH)];
    let item = after.iter().enumerate().position(|(j, w)| j > 0 && text[after[j - 1].end..w.start].contains(';'));
    let item = &after[..item.unwrap_or(after.len())];
    let opening = item.iter().position(|w| matches!(&*w.key, "to" | "from" | "de" | "para"))?;
    let lead_in = item[..opening].iter().all(|w| {
        matches!(
            &*w.key,
            "inc"
                | "corp"
                | "co"
                | "ltd"
                | "plc"
                | "s"
                | "shares"
                | "foi"
                | "was"
                | "cortado"
                | "elevado"
                | "reduzido"
                | "aumentado"
                | "cut"
                | "raised"
                | "lowered"
                | "boosted"
        )
    });
    lead_in.then(|| target_move(text, &item[opening..])).flatten()
}

/// How many words an item of a list of targets may hold.
const ITEM_REACH: usize = 12;
