//! Holders named without a reporting verb: names listed at the start of a sentence before a verb
//! of holding (`Citi e Bernstein adotaram…`, `Os bancos Bradesco BBI, Santander e Bank of America
//! cortaram…`), and an analyst's surname acting for the firm it was named with (`Bansal
//! increased…` after `Wells Fargo analyst Mohit Bansal`).

use std::ops::Range;

use super::holder_names::continues_name;
use super::holders::{Holder, firm_of, is_count_word};
use super::known_brokers::brokers_in;
use super::tokens::Token;
use super::words::is_share_word;

/// The most names taken from a list opening a sentence (`Citi, Bernstein e UBS`).
const MAX_LISTED: usize = 4;

/// `Echoing similar sentiments, Bansal increased…`: a capitalised word right before a rating
/// action or a reporting verb, named earlier as a firm's analyst, stands for that firm.
pub(crate) fn surname_holders(text: &str, words: &[Token], own: &[Token]) -> Vec<Range<usize>> {
    own.windows(2)
        .filter(|p| {
            p[0].capitalized
                && !p[0].upper
                && !is_share_word(&p[0].key)
                && (is_rating_action(&p[1].key) || p[1].key == "said")
        })
        .filter_map(|p| match firm_of(text, words, p[0].start..p[0].end) {
            Some(Holder::Firm(r)) if r != (p[0].start..p[0].end) => Some(p[0].start..p[0].end),
            _ => None,
        })
        .take(1)
        .collect()
}

/// How many words an opening phrase set off by a comma may hold.
const OPENING_PHRASE: usize = 7;

/// `In other auto-related analyst moves, Deutsche analysts cut…`, `Among the bulls, Citi…`,
/// `Entre os otimistas, o BTG…`: the words of a phrase in lower case opening on a preposition and
/// closed by a comma, to be passed over (none when the sentence opens otherwise).
fn opening_phrase(text: &str, words: &[Token]) -> usize {
    let opens = words.first().is_some_and(|w| matches!(&*w.key, "in" | "among" | "entre" | "em" | "on" | "for"));
    if !opens {
        return 0;
    }
    let reach = words.len().min(OPENING_PHRASE + 1);
    (1..reach)
        .take_while(|&k| !words[k].capitalized && !words[k].upper)
        .find(|&k| text[words[k].end..words.get(k + 1).map_or(words[k].end, |n| n.start)].contains(','))
        .map_or(0, |k| k + 1)
}

/// How many words a known broker's name listed among holders may hold.
const KNOWN_WORDS: usize = 6;

/// `Citi e Bernstein adotaram…`, `Raymond James analysts are worried`, `Os bancos Bradesco BBI,
/// Santander e Bank of America cortaram…`: capitalised names listed at the start of a sentence
/// (with `of`/`do`/`&` and initials inside a name), before a verb of holding or a role.
pub(crate) fn listed_holders(text: &str, words: &[Token]) -> Vec<Range<usize>> {
    let mut names: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut i = opening_phrase(text, words);
    i += words[i..].iter().take_while(|w| is_opener(&w.key)).count();
    // `Os bancos…`, `The brokers…`: the kind of firm before the names.
    i += usize::from(words.get(i).is_some_and(|w| !w.capitalized && is_firm_kind(&w.key)));
    while i < words.len() && names.len() < MAX_LISTED {
        let w = &words[i];
        let gap = if i > 0 { &text[words[i - 1].end..w.start] } else { "" };
        // `Bank of America Merrill Lynch (BofA), J.P. Morgan…`: an alias or symbol in brackets
        // ends the name and is skipped.
        if current.is_some() && gap.contains('(') && !gap.contains(')') {
            while i + 1 < words.len() && !text[words[i].end..words[i + 1].start].contains(')') {
                i += 1;
            }
            names.extend(current.take());
            i += 1;
            continue;
        }
        // (Not `Shares dropped 20% after…`, `NEW YORK (AP) — Shares of…`: the stock, no firm.)
        if w.capitalized && is_share_word(&w.key) {
            return Vec::new();
        }
        let name_word = (w.capitalized || w.upper) && w.has_letter() && !is_opener(&w.key) && !is_count_word(&w.key);
        // `Keefe, Bruyette & Woods and Credit Suisse boosted…`: a known broker's name, whole.
        let known = (name_word && current.is_none())
            .then(|| brokers_in(&words[i..words.len().min(i + KNOWN_WORDS)]).into_iter().next())
            .flatten()
            .filter(|b| b.start == w.start);
        if let Some(b) = known {
            i = words.partition_point(|x| x.start < b.end);
            current = Some(b);
            continue;
        }
        let joiner = current.is_some()
            && matches!(&*w.key, "of" | "do" | "da" | "de")
            && words.get(i + 1).is_some_and(|n| n.capitalized && n.joins_previous);
        if (name_word || joiner) && current.is_some() && (continues_name(words, i) || !gap.contains(',')) {
            if let Some(c) = current.as_mut() {
                c.end = w.end;
            }
        } else if name_word {
            names.extend(current.take());
            current = Some(w.start..w.end);
        } else if matches!(&*w.key, "e" | "and" | "&") && current.is_some() {
            names.extend(current.take());
        } else {
            break;
        }
        i += 1;
    }
    names.extend(current);
    let holds = words.get(i).is_some_and(|w| is_holding(&w.key));
    if holds { names } else { Vec::new() }
}

/// Kinds of firm named before a list of them (`Os bancos Bradesco BBI, Santander…`) or, as the
/// claimant finder reads them, before one (`A corretora Planner cortou…`).
fn is_firm_kind(key: &str) -> bool {
    matches!(key, "bancos" | "corretoras" | "casas" | "banks" | "brokers" | "brokerages" | "firms")
        || super::claimants::is_firm_kind(key)
}

/// Words opening a sentence that are no names, market wraps' `Destaque também para…` included.
fn is_opener(key: &str) -> bool {
    matches!(
        key,
        "the" | "a" | "o" | "os" | "as" | "mas" | "but" | "also" | "and" | "e" | "ja" | "still" | "even" | "destaque"
            // (`Such upgrades provide…`: a determiner.)
            | "such" | "these" | "those" | "this"
            // `If Feldman is correct`, `Thus Feldman…`: a conjunction or adverb opening the sentence.
            | "if" | "thus" | "since" | "because" | "although" | "moreover" | "however"
            | "quando" | "porem" | "entretanto"
    )
}

/// Verbs of holding a view, and roles that stand for the firm before one.
#[rustfmt::skip]
fn is_holding(key: &str) -> bool {
    matches!(key,
        "adotaram" | "adotou" | "adopted" | "adopt" | "took" | "take" | "takes" | "tomaram" | "tomou" | "share"
            | "shares" | "compartilham" | "are" | "is" | "remain" | "remains" | "seguem" | "segue" | "estao" | "esta"
            | "continuam" | "continua" | "tem" | "have" | "has" | "also" | "tambem" | "analysts" | "analistas"
            | "analyst" | "analista" | "mantem" | "hold" | "holds" | "sound" | "sounded" | "struck" | "sao"
    ) || is_rating_action(key)
}

/// Verbs of a broker acting on a rating or a target (`Wedbush raises…`, `A Ágora reduziu…`).
#[rustfmt::skip]
fn is_rating_action(key: &str) -> bool {
    matches!(key,
        "raises" | "raised" | "cuts" | "cut" | "lowers" | "lowered" | "lifts" | "lifted" | "boosts" | "boosted"
            | "trims" | "trimmed" | "upgrades" | "upgraded" | "downgrades" | "downgraded" | "reiterates"
            | "reiterated" | "maintains" | "maintained" | "initiates" | "initiated" | "drops" | "dropped"
            | "elevou" | "eleva" | "reduziu" | "reduz" | "cortou" | "corta" | "rebaixou" | "rebaixa" | "manteve"
            | "reiterou" | "iniciou" | "revisou" | "increased" | "increases" | "bumped" | "bumps" | "reduziram"
            | "cortaram" | "elevaram" | "rebaixaram" | "revisaram" | "mantiveram" | "reiteraram"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn listed(text: &str) -> Vec<&str> {
        listed_holders(text, &tokens(text)).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn names_listed_before_a_verb_of_holding() {
        assert_eq!(listed("Citi e Bernstein adotaram uma postura otimista."), ["Citi", "Bernstein"]);
        assert_eq!(
            listed("Os bancos Bradesco BBI, Santander e Bank of America cortaram a recomendação."),
            ["Bradesco BBI", "Santander", "Bank of America"],
            "a kind of firm before the names, `of` inside one"
        );
        assert_eq!(
            listed(
                "Bank of America Merrill Lynch (BofA), J.P. Morgan e Credit Suisse são casas que reduziram projeções."
            ),
            ["Bank of America Merrill Lynch", "J.P. Morgan", "Credit Suisse"],
            "an alias in brackets, initials"
        );
        assert!(listed("Citi said the stock is cheap.").is_empty(), "no verb of holding after the list");
    }
}
