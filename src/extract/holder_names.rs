//! The name a view's holder goes by: one firm, one name. A holder's span is trimmed to the firm
//! (`JPMorgan Chase &` → `JPMorgan Chase`, `Hsbc Global Res` → `Hsbc`, `Evercore ISI Group` →
//! `Evercore ISI`), an everyday word read as a name (`With`, `Sometimes`, `Echoing`) holds
//! nothing, and a firm named again shorter or by an alias (`BofA` after `Bank of America`, `BBI`
//! after `Bradesco BBI`, `JP` after `JPMorgan`) goes by the name it was first given.

use std::ops::Range;

use super::commodity_prices::is_commodity_word;
use super::fx_hash::FxHashMap;
use super::known_brokers::brokers_in;
use super::mentions::{Mention, is_broker};
use super::non_holders::is_news_source;
use super::tokens::Token;
use super::words::is_common_word;
use crate::model::{Symbol, fold};

/// `Robert W. Baird`, `J.P. Morgan`: whether word `k` goes on with the name of the word before
/// (the full stop after an initial already joins: see `tokens`).
pub(crate) fn continues_name(words: &[Token], k: usize) -> bool {
    k > 0 && words.get(k).is_some_and(|w| w.joins_previous)
}

/// Words after a firm's name that are no part of the name it goes by (`Evercore ISI Group`,
/// `Hsbc Global Res`, `Wedbush Securities`).
fn is_generic_tail(key: &str) -> bool {
    matches!(key, "group" | "global" | "res" | "securities" | "inc" | "corp" | "co" | "llc" | "ltd" | "plc" | "sa")
}

/// The firms a text names, by the name each was first given: brokers of the known list and
/// mentions of listed brokers, in text order, once per name (folded) and once per symbol.
pub(crate) struct FirmNames {
    /// Folded name, its first span and its symbol (for mentions).
    first: Vec<(String, Range<usize>, Option<Symbol>)>,
}

/// The most firm names remembered for a text (brokers are few; a long note repeats them).
const MAX_FIRMS: usize = 256;

impl FirmNames {
    pub(crate) fn new(text: &str, words: &[Token], mentions: &[Mention]) -> FirmNames {
        let mut all: Vec<(Range<usize>, Option<Symbol>)> = brokers_in(words).into_iter().map(|r| (r, None)).collect();
        for m in mentions.iter().filter(|m| is_broker(&m.symbol)) {
            // (Trimmed: `Raymond James Cuts Delta Air Lines…` heading a text is `Raymond James`.)
            let name = super::holders::name_of(text, words, &m.span);
            let name = trimmed(text, words, name.clone()).unwrap_or(name);
            all.push((name, Some(m.symbol.clone())));
        }
        all.sort_by_key(|(r, _)| r.start);
        let mut first: Vec<(String, Range<usize>, Option<Symbol>)> = Vec::new();
        let mut symbols: FxHashMap<Symbol, usize> = FxHashMap::default();
        for (range, symbol) in all {
            let name = folded(words, &range);
            if let Some(k) = first.iter().position(|(n, _, _)| *n == name) {
                // The known broker `Bank of America` is the mention `Bank of America` (BAC) too.
                if first[k].2.is_none()
                    && let Some(s) = symbol
                {
                    symbols.entry(s.clone()).or_insert(k);
                    first[k].2 = Some(s);
                }
                continue;
            }
            if first.len() >= MAX_FIRMS {
                continue;
            }
            if let Some(s) = &symbol {
                // `Bank of America (BofA)`: the symbol's first name stands; a longer one later
                // (`Bradesco` then `Bradesco BBI`) is a name of its own.
                if let Some(&k) = symbols.get(s)
                    && first[k].0.len() >= name.len()
                {
                    continue;
                }
                symbols.insert(s.clone(), first.len());
            }
            first.push((name, range, symbol));
        }
        FirmNames { first }
    }

    /// The span of the name the firm held at `holder` was first given, if it was named before by
    /// a longer name: the same listed symbol (`BofA` after `Bank of America`), a name it opens
    /// or ends (`Citi` for `Citi Corretora`, `BBI` for `Bradesco BBI`), its initials (`KBW`) or the
    /// start of its first word (`JP` for `JPMorgan`).
    pub(crate) fn first_name(
        &self,
        text: &str,
        words: &[Token],
        mentions: &[Mention],
        holder: &Range<usize>,
    ) -> Option<Range<usize>> {
        let name = folded(words, holder);
        let raw = &text[holder.clone()];
        let symbol = mentions
            .iter()
            .skip(mentions.partition_point(|m| m.span.end <= holder.start))
            .take_while(|m| m.span.start < holder.end)
            .map(|m| &m.symbol)
            .next();
        let acronym = raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && raw.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
        self.first
            .iter()
            .take_while(|(_, r, _)| r.start < holder.start)
            .find(|(e, r, s)| {
                let same_symbol = symbol.is_some() && s.as_ref() == symbol;
                e.len() > name.len()
                    && r.end <= holder.start
                    && (same_symbol
                        || (e.starts_with(name.as_str()) && e[name.len()..].starts_with(' '))
                        || (acronym && e.ends_with(name.as_str()) && e[..e.len() - name.len()].ends_with(' '))
                        || (acronym && e.split(' ').next().is_some_and(|w| w.starts_with(name.as_str()))))
            })
            .map(|(_, r, _)| r.clone())
    }
}

/// An everyday word or one of its inflections (`shares`, `echoing`), or an adverb that opens
/// sentences (`sometimes`, `meanwhile`).
fn is_everyday(key: &str) -> bool {
    let stem = |suffix: &str| key.strip_suffix(suffix).is_some_and(|s| s.len() >= 3 && is_common_word(s));
    is_common_word(key)
        || stem("s")
        || stem("es")
        || stem("ing")
        || stem("ed")
        || stem("ly")
        || matches!(key, "sometimes" | "meanwhile" | "however" | "overall" | "similarly" | "instead" | "besides")
        || matches!(key, "nonetheless" | "nevertheless" | "moreover" | "furthermore" | "additionally" | "likewise")
        || matches!(key, "contudo" | "apesar" | "porem" | "entretanto" | "todavia" | "portanto" | "alias" | "inclusive")
        // `Dec.`, `Sept.`: a month's abbreviation opening a dateline.
        || matches!(key, "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec")
        // Someone unnamed: `Analysts have initiated a positive call` is no firm's view.
        || matches!(key, "analysts" | "analistas" | "investors" | "investidores" | "traders" | "economists")
}

/// Acronyms of a company's figures (`EPS`, `EBITDA`, `ROE`), in capitals where firms' are too.
fn is_metric(key: &str) -> bool {
    matches!(
        key,
        "eps" | "ebitda" | "ebit" | "roe" | "roic" | "capex" | "ipo" | "gdp" | "pib" | "cagr" | "npv" | "npvs" | "dcf"
    )
}

/// Adverbs and conjunctions that open sentences and never open a firm's name (`Only`, `Since`,
/// `Then`, `Também`; not `Agora`, a broker's name).
#[rustfmt::skip]
fn is_opening_word(key: &str) -> bool {
    matches!(key,
        "only" | "since" | "then" | "also" | "even" | "but" | "and" | "so" | "while" | "when" | "after" | "now"
            | "today" | "yesterday" | "still" | "apenas" | "ja" | "entao" | "tambem" | "mas" | "desde"
            | "hoje" | "ontem" | "ainda" | "enquanto" | "quando" | "apos" | "although" | "though" | "whereas"
            | "however" | "embora" | "porem" | "despite" | "apesar"
    )
}

/// An act's noun or a gerund that opens a sentence (`Downgrade`, `Lowering`), or management's
/// shorthand (`Mgmt`), taken alone as a holder's name (folded).
#[rustfmt::skip]
pub(crate) fn is_act_word(key: &str) -> bool {
    matches!(key,
        "downgrade" | "downgrades" | "upgrade" | "upgrades" | "lowering" | "raising" | "cutting" | "reducing"
            | "lifting" | "boosting" | "trimming" | "maintaining" | "reiterating" | "upgrading" | "downgrading"
            | "mgmt" | "bolstering" | "helping" | "supporting" | "weighing" | "dragging" | "pressuring" | "fueling"
            | "driving"
    )
}

/// Words that open a sentence before a holder's name and are no part of it (`Even Edward Jones`,
/// `Elsewhere, Credit Suisse`, `Nesta terça-feira, 23, o Itaú BBA`), folded.
#[rustfmt::skip]
pub(crate) fn opens_before_a_name(key: &str) -> bool {
    matches!(key,
        "even" | "also" | "still" | "and" | "but" | "e" | "mas" | "despite" | "segundo" | "conforme" | "elsewhere"
            | "meanwhile" | "separately" | "however" | "similarly" | "likewise" | "nesta" | "neste" | "nessa"
            | "nesse" | "hoje" | "ontem" | "though" | "although" | "embora"
    )
}

/// A name folded for comparison: its words' keys (lower case, no accents) joined by single spaces.
fn folded(words: &[Token], span: &Range<usize>) -> String {
    let inside = &words[words.partition_point(|w| w.start < span.start)..words.partition_point(|w| w.start < span.end)];
    let mut name = String::with_capacity(span.len());
    for (k, w) in inside.iter().enumerate() {
        if k > 0 {
            name.push(' ');
        }
        name.push_str(&w.key);
    }
    name
}

/// Verbs of a rating act as headlines write them (`Upgrades`, `Cuts`, `Initiates`), which no
/// firm's name holds.
fn is_headline_act(key: &str) -> bool {
    matches!(
        key,
        "upgrades"
            | "downgrades"
            // (`Evercore ISI Starting with Evercore ISI, where…`: a heading run into its sentence.)
            | "starting"
            | "raises"
            | "cuts"
            | "lowers"
            | "lifts"
            | "boosts"
            | "trims"
            | "initiates"
            | "reiterates"
            | "upgraded"
            | "downgraded"
            | "eleva"
            | "rebaixa"
            | "corta"
            | "reduz"
            | "inicia"
            // (`Raymond James Sees 37% Upside for BABA Stock`: a headline's verb of a view.)
            | "sees"
            | "says"
            | "expects"
            | "likes"
            | "rates"
            | "starts"
            | "reaffirms"
            | "maintains"
            | "ve"
            | "recomenda"
            | "mantem"
    )
}

/// The firm's name in a holder's span: trailing joiners dropped (`JPMorgan Chase &`), a known
/// broker's generic tail dropped (`Evercore ISI Group`, `Hsbc Global Res`); `None` when the span
/// is only everyday words (`With`, `Sometimes`, `Shares`, `To Know`), which name nobody.
pub(crate) fn trimmed(text: &str, words: &[Token], holder: Range<usize>) -> Option<Range<usize>> {
    let first = words.partition_point(|w| w.start < holder.start);
    let last = words.partition_point(|w| w.start < holder.end);
    let mut inside = &words[first..last];
    while inside.len() > 1 && inside.last().is_some_and(|w| matches!(&*w.key, "&" | "of" | "de" | "do" | "da" | "and"))
    {
        inside = &inside[..inside.len() - 1];
    }
    if inside.is_empty() {
        return Some(holder);
    }
    // `Only UBS downgraded…`, `Since Mushkin downgraded…`, `Já o BTG…`: a sentence's opening
    // adverb or conjunction, capitalised by its place, is no part of the name after it.
    while inside.len() > 1 && !inside[0].upper && is_opening_word(&inside[0].key) && inside[1].capitalized {
        inside = &inside[1..];
    }
    // `Investing.com - Após atualizar…`: a dateline's dash ends a name.
    let dash = |k: usize| matches!(&text[inside[k - 1].end..inside[k].start], " - " | " – " | " — " | " -- ");
    if let Some(cut) = (1..inside.len()).find(|&k| dash(k)) {
        let name = fold(&text[inside[0].start..inside[cut - 1].end]).replace(['.', '\'', '’'], " ");
        // An outlet's dateline: no holder, unless a known broker opens what follows it
        // (`Investing.com -- Raymond James downgraded…`).
        if is_news_source(&name) {
            let after = &inside[cut..];
            match brokers_in(after).first() {
                Some(b) if b.start == after[0].start => inside = after,
                _ => return None,
            }
        } else {
            inside = &inside[..cut];
        }
    }
    // `Wells Fargo Upgrades Target to Overweight`: a headline's verb, capitalised, ends a name.
    if let Some(cut) = (1..inside.len()).find(|&k| is_headline_act(&inside[k].key)) {
        inside = &inside[..cut];
    }
    // A name does not run past a blank line or a list's mark (`NVIDIA`, a blank line, then `-
    // 27/01/2025`), though it may be wrapped (`Goldman` / `Sachs`): the part nearest the act holds it.
    let broken = |gap: &str| {
        gap.split('\n').count() > 2 || gap.rsplit('\n').next().is_some_and(|after| !after.trim().is_empty())
    };
    if let Some(cut) = (1..inside.len()).rev().find(|&k| {
        let gap = &text[inside[k - 1].end..inside[k].start];
        gap.contains('\n') && broken(gap)
    }) {
        inside = &inside[cut..];
    }
    // `Upside: Canaccord Genuity analyst…`: a heading's word and its colon are no part of it.
    while inside.len() > 1 && inside[1].capitalized && text[inside[0].end..inside[1].start].trim() == ":" {
        inside = &inside[1..];
    }
    let known = brokers_in(inside);
    if let Some(b) = known.first().filter(|b| b.start == inside[0].start) {
        let rest = inside.partition_point(|w| w.start < b.end);
        if rest < inside.len() && inside[rest..].iter().all(|w| is_generic_tail(&w.key)) {
            return Some(b.clone());
        }
    }
    let everyday = known.is_empty() && inside.iter().all(|w| !w.upper && is_everyday(&w.key));
    // `Analyst upgrades and downgrades are pivotal`, `The Moderate Buy analyst consensus`: a role or
    // a rating names no firm.
    let role_or_rating = known.is_empty()
        && inside.iter().all(|w| {
            matches!(
                &*w.key,
                "analyst" | "analysts" | "analista" | "analistas" | "moderate" | "strong" | "buy" | "hold" | "sell"
            )
        });
    // `[T]his downgrade`, `2008 EPS estimates`, `Aço segue em alta`: a letter, a figure's
    // acronym or a commodity names no firm.
    let no_firm = known.is_empty()
        && inside.len() == 1
        && (inside[0].text.chars().count() == 1
            || is_metric(&inside[0].key)
            || is_commodity_word(&inside[0].key)
            // `Specifically, Wedbush raised…`, `Surprisingly, …`: a long adverb opening a sentence.
            || (!inside[0].upper && inside[0].key.len() >= 8 && inside[0].key.ends_with("ly")));
    (!everyday && !no_firm && !role_or_rating).then(|| inside[0].start..inside[inside.len() - 1].end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn trim(text: &str) -> Option<&str> {
        trimmed(text, &tokens(text), 0..text.len()).map(|r| &text[r])
    }

    #[test]
    fn holders_go_by_the_firms_name() {
        assert_eq!(trim("JPMorgan Chase &"), Some("JPMorgan Chase"), "a legal suffix's leftover");
        assert_eq!(trim("Evercore ISI Group"), Some("Evercore ISI"));
        assert_eq!(trim("Hsbc Global Res"), Some("Hsbc"));
        assert_eq!(trim("Upside: Canaccord Genuity"), Some("Canaccord Genuity"), "a heading word and its colon");
        assert_eq!(trim("Investing.com - Após"), None, "an outlet's dateline");
        assert_eq!(trim("Investing.com -- Raymond James"), Some("Raymond James"), "a broker after a dateline");
        assert_eq!(trim("Evercore ISI Starting"), Some("Evercore ISI"), "a heading run into its sentence");
        assert_eq!(trim("Fox-Pitt Kelton"), Some("Fox-Pitt Kelton"), "a hyphen");
        assert_eq!(trim("Bernstein Research"), Some("Bernstein Research"), "a known name in full");
        assert_eq!(trim("Jefferies Financial Group"), Some("Jefferies Financial Group"), "not a generic tail");
        assert_eq!(trim("Sometimes"), None, "an everyday word names nobody");
        assert_eq!(trim("Analyst"), None, "a role names nobody");
        assert_eq!(trim("Moderate Buy"), None, "nor does a rating");
        assert_eq!(trim("To Know"), None);
        assert_eq!(trim("Needham"), Some("Needham"));
        assert_eq!(trim("Only UBS"), Some("UBS"), "a sentence's opening adverb");
        assert_eq!(trim("Since Mushkin"), Some("Mushkin"));
        assert_eq!(trim("Também Itaú BBA"), Some("Itaú BBA"));
        assert_eq!(trim("Since"), None, "alone, an everyday word");
        assert_eq!(trim("Agora Investimentos"), Some("Agora Investimentos"), "a broker's name");
    }

    #[test]
    fn an_initial_goes_on_with_the_name() {
        let text = "analysts at Robert W. Baird said. It rose";
        let words = tokens(text);
        let k = words.iter().position(|w| w.key == "baird").unwrap_or_default();
        assert!(continues_name(&words, k), "`W.` is an initial");
        let k = words.iter().position(|w| w.key == "it").unwrap_or_default();
        assert!(!continues_name(&words, k), "a word after a sentence's full stop");
    }
}
