//! Ratings stated rather than changed: kept by a verb or named with a rating noun (`maintained…
//! Outperform`, `recomendação de compra`), closing a line (`…, Outperform`), alone in brackets after
//! the firm (`UBS (Buy)`), or kept past the company's long name (`maintained Starbucks Corporation
//! (NASDAQ: SBUX) with a Buy`).

use super::context::{Kind, stayed_at};
use super::negation::is_negation;
use super::rating_names::{first_rating, rating_at, rating_word};
use super::{is_keep_verb, is_rating_noun};
use crate::extract::tokens::Token;
use crate::model::Stance;

/// A rating stated with `key` and the words after it: a verb keeping or giving one
/// (`maintained`, `reiterando`, `rates`) or a rating noun (`recomendação de compra`, `Buy
/// rating`) with a rating word near it. `Some(None)` is a neutral rating.
pub(super) fn stated_rating(key: &str, kind: Option<Kind>, ahead: &[Token]) -> Option<Option<Stance>> {
    // `A classificação… continuou neutra`, `stayed at a neutral rating`: a rating kept by a verb
    // of staying, right after it.
    if kind == Some(Kind::Stay) {
        return stayed_at(ahead).and_then(|w| rating_word(&w.key));
    }
    // `entre as recomendações positivas do JPMorgan`: a rating noun called positive or negative.
    if is_rating_noun(key) {
        match ahead.first().map(|o| &*o.key) {
            Some("positiva" | "positivas" | "positive") => return Some(Some(Stance::Bullish)),
            Some("negativa" | "negativas" | "negative") => return Some(Some(Stance::Bearish)),
            _ => {}
        }
    }
    let keeps = is_keep_verb(key) || is_rating_noun(key);
    // (Not `recommends that investors do not sell their shares`: a rating denied, the negation
    // within the three words before it.)
    let denied = || {
        let rating = ahead.iter().position(|w| rating_word(&w.key).is_some()).unwrap_or(0);
        ahead[rating.saturating_sub(3)..rating].iter().any(|w| is_negation(&w.key))
    };
    if keeps {
        return if denied() { None } else { first_rating(ahead) };
    }
    // `a Buy rating`, `an Outperform recommendation`, `an Equal Weight rating`, `a Sector
    // Outperform rating` (the word after a qualifier names it).
    let word = rating_word(key)?;
    let second = ahead.first().filter(|o| o.key == "weight" || rating_word(&o.key).is_some());
    let word = match second.and_then(|o| rating_word(&o.key)) {
        Some(Some(stance)) if matches!(key, "sector" | "market" | "peer") => Some(stance),
        _ => word,
    };
    ahead[usize::from(second.is_some())..].first().is_some_and(|o| is_rating_noun(&o.key)).then_some(word)
}

/// `- Delta Air Lines – Cut From $61 to $60, Outperform`: a rating closing a line, set off by a
/// comma, a dash or a bar (word `i` and at most one more rating word; `strong` only before one).
pub(super) fn closing_rating(text: &str, words: &[Token], i: usize) -> Option<Option<Stance>> {
    let closes = i > 0
        && !(words[i].key == "strong" && i + 1 == words.len())
        && words.len() - i <= 2
        && words[i + 1..].iter().all(|w| rating_word(&w.key).is_some())
        && text[words[i - 1].end..words[i].start].contains([',', '–', '—', '|', ':']);
    closes.then(|| rating_at(words, i)).flatten()
}

/// How many words after a verb keeping a rating its `with a Buy` may come.
pub(super) const KEPT_REACH: usize = 14;

/// `maintained Starbucks Corporation (NASDAQ: SBUX) with a Buy`, `manteve a Vale com recomendação
/// de compra`: a verb keeping a rating, the rating after the company's long name and `with`.
/// (`words` open on the verb; not past a full stop, `…GlobalFoundries Inc. Credit Suisse analyst…`.)
pub(super) fn kept_with(text: &str, key: &str, words: &[Token]) -> Option<Option<Stance>> {
    if !is_keep_verb(key) {
        return None;
    }
    let stop = words.windows(2).position(|p| text[p[0].end..p[1].start].contains(['.', ';', '\n']));
    let ahead = &words[1..stop.map_or(words.len(), |k| k + 1)];
    let with = ahead.iter().position(|w| matches!(&*w.key, "with" | "com"))?;
    let rest = &ahead[with + 1..];
    let skip = usize::from(rest.first().is_some_and(|w| matches!(&*w.key, "a" | "an" | "uma" | "um")));
    rating_at(rest, skip)
}

/// `- 9/17 UBS (Buy) target to $135 from $153`: a rating alone in brackets after the firm states
/// the rating it keeps (word `i` and at most one more rating word between the brackets).
pub(super) fn bracketed_rating(text: &str, words: &[Token], i: usize) -> Option<Option<Stance>> {
    let opened = text[..words[i].start].ends_with('(') && i > 0 && words[i - 1].capitalized;
    let last =
        if words.get(i + 1).is_some_and(|w| rating_word(&w.key).is_some() || w.key == "weight") { i + 1 } else { i };
    let closed = text[words[last].end..].starts_with(')');
    // (`Susquehanna (Positive)`: a rating scale's words.)
    let stated = match &*words[i].key {
        "positive" => Some(Some(Stance::Bullish)),
        "negative" => Some(Some(Stance::Bearish)),
        _ => rating_at(words, i),
    };
    (opened && closed).then_some(stated).flatten()
}
