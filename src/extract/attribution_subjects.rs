//! The subject of each sentence, the company a later figure with none of its own falls back on:
//! the first company of its main clause that is no broker rating or speaking and no company named
//! for comparison; a sentence opening on `the company` keeps the subject of the one before.

use std::cell::OnceCell;
use std::ops::Range;

use super::attribution_clauses::main_clause_start;
use super::attribution_cues::{
    is_contrast_opener, is_credit_line, is_saying_verb, opens_on_the_company, related_after,
};
use super::bank_cues::{gives_consensus, reports_results, revises_forecasts, speaks_of_own_results, with_its_symbol};
use super::fx_hash::FxHashSet;
use super::mentions::{Mention, is_broker, mentions_within, shares_of};
use super::tokens::Token;
use crate::model::Symbol;

/// How far after a bank's name a verb of saying makes it speak, in bytes.
const SAYS_BYTES: usize = 40;

/// Whether a bank revising forecasts covers another company: the text named another before it
/// (not `O Itaú Unibanco revisou para cima suas projeções…`: its own guidance). `mentions` are
/// the text's; read in one step: the first mention, and the first of another company than it.
pub(super) fn covers_another(mentions: &[Mention]) -> impl Fn(&Mention) -> bool + '_ {
    let other = mentions.iter().find(|o| mentions.first().is_some_and(|f| f.symbol != o.symbol));
    move |m: &Mention| match mentions.first() {
        Some(first) if first.symbol != m.symbol => first.span.start < m.span.start,
        _ => other.is_some_and(|o| o.span.start < m.span.start),
    }
}

/// `O Santander cortou em 5% sua projeção de lucro da SLC Agrícola`: a bank revising forecasts
/// covers another company when its sentence (`own`, its mentions; `words`, its words) names one
/// after it as the object of a preposition.
pub(super) fn covers_one_named_after(words: &[Token], own: &[Mention], m: &Mention) -> bool {
    own.iter().any(|o| {
        let k = words.partition_point(|w| w.start < o.span.start);
        o.span.start > m.span.end
            && o.symbol != m.symbol
            && !is_broker(&o.symbol)
            && k > 0
            && matches!(&*words[k - 1].key, "da" | "do" | "de" | "of" | "for" | "on")
    })
}

/// The subject of each of `sentences` (byte ranges), of `mentions` (in text order); `compared`
/// are the starts of the mentions named for comparison (`compared_mentions`), sorted.
pub(super) fn sentence_subjects<'m>(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    mentions: &'m [Mention],
    compared: &[usize],
) -> Vec<Option<&'m Mention>> {
    let own_words_of = |r: &Range<usize>| {
        &words[words.partition_point(|w| w.start < r.start)..words.partition_point(|w| w.start < r.end)]
    };
    let mentions_in = |r: &Range<usize>| mentions_within(mentions, r);
    // A bank or broker is not the subject carried to a later sentence: its analysts talk about
    // other companies far more often than it reports its own figures. Unless its own shares are
    // the subject (`As ações do Goldman Sachs operam em queda`), a rating change is about it
    // (`rebaixou a recomendação de Itaú`) or it reports its results (`O Itaú Unibanco divulgou
    // seu lucro`). Companies named for comparison (`competitors such as Juniper Networks (JNPR)
    // and Arista Networks (ANET)`) are not subjects either.
    let covers_another = covers_another(mentions);
    let is_compared = |m: &Mention| compared.binary_search(&m.span.start).is_ok();
    // `Goldman Sachs upgraded Wells Fargo & Co (NYSE:WFC)… Wells Fargo fared better than the S&P
    // 500`: a bank the text wrote with its symbol and that never speaks nor rates in it is the
    // stock under discussion wherever it is named.
    // (The banks that speak or rate anywhere, found in one pass; then where each other bank is
    // first written with its symbol.)
    let acting: FxHashSet<&Symbol> =
        mentions.iter().filter(|o| is_broker(&o.symbol) && (o.speaks || o.rates)).map(|o| &o.symbol).collect();
    let mut written_as_stock: Vec<(&Symbol, usize)> = Vec::new();
    for o in mentions.iter().filter(|o| is_broker(&o.symbol) && !acting.contains(&o.symbol)) {
        if !written_as_stock.iter().any(|(s, _)| **s == o.symbol) && with_its_symbol(text, &o.span) {
            written_as_stock.push((&o.symbol, o.span.start));
        }
    }
    // (`O BTG Pactual (do grupo da EXAME) observa alta de 3%`: a bank followed by a verb of saying
    // speaks, whatever its mention says.)
    let says_after = |o: &Mention| {
        let from = words.partition_point(|w| w.start < o.span.end);
        words[from..].iter().take_while(|w| w.start < o.span.end + SAYS_BYTES).any(|w| is_saying_verb(&w.key))
    };
    // (`Esperamos que o 4T23 seja marcado por um crescimento nos lucros do Santander… o banco`: a
    // bank the only company named, that never speaks nor rates, is the one under discussion.)
    if let Some(first) = mentions.first()
        && is_broker(&first.symbol)
        && acting.is_empty()
        && mentions.iter().all(|o| o.symbol == first.symbol && !says_after(o))
    {
        written_as_stock = vec![(&first.symbol, first.span.start)];
    }
    let stock_of_the_text = |m: &Mention| written_as_stock.iter().any(|(s, at)| **s == m.symbol && *at <= m.span.start);
    let subjects: Vec<Option<&Mention>> = sentences
        .iter()
        .map(|s| {
            // `Enquanto a TIM amargava um dia difícil, a Cogna respirou aliviada`: the subject of
            // the main clause, past a clause of contrast that opens the sentence.
            let own_words = own_words_of(s);
            // `Image source: Getty Images.`: a picture's credit names no subject.
            if is_credit_line(text, own_words) {
                return None;
            }
            let main_from = own_words
                .first()
                .filter(|w| is_contrast_opener(&w.key))
                .and_then(|w| main_clause_start(text, w.end..s.end, mentions_in(s)))
                .unwrap_or(s.start);
            let at_work = OnceCell::new();
            // Whether the sentence names one company only (read once).
            let alone_cell = OnceCell::new();
            let alone = || {
                *alone_cell.get_or_init(|| {
                    let named = mentions_in(s);
                    named.iter().all(|o| named.first().is_some_and(|f| f.symbol == o.symbol))
                })
            };
            let subject = |m: &&Mention| {
                !m.rates
                    && !m.fund
                    && !is_compared(m)
                    && !gives_consensus(text, own_words, &m.span)
                    && (!is_broker(&m.symbol)
                        || shares_of(text, words, &m.span)
                        || target_set_on(text, &m.span)
                        // (`- JPM saw its price target hiked`: a bank written as its symbol, opening
                        // the sentence.)
                        || (text[m.span.clone()] == *m.symbol.as_str()
                            && !m.speaks
                            && own_words.first().is_some_and(|w| w.start == m.span.start))
                        // `O Bradesco (BBDC4) teve desempenho…`: a bank written with its symbol is
                        // reported on as a stock.
                        // (Also before a broker that rates it: `Citigroup (C) … received a $1
                        // price-target cut at Nomura`.)
                        || (with_its_symbol(text, &m.span)
                            && (alone() || mentions_in(s).first().is_some_and(|f| f.span == m.span)))
                        || (!m.speaks
                            && reports_results(text, own_words, &m.span, &at_work)
                            // (Not a bank revising forecasts for another company it covers.)
                            && !(revises_forecasts(text, own_words, &m.span)
                                && (covers_another(m) || covers_one_named_after(own_words, mentions_in(s), m))))
                        || speaks_of_own_results(text, own_words, &m.span, &at_work)
                        || stock_of_the_text(m))
            };
            // (A main clause naming no company leaves the opening clause's.)
            let found =
                mentions_in(&(main_from..s.end)).iter().find(subject).or_else(|| mentions_in(s).iter().find(subject));
            // `Intel competitor AMD fell 7.6%`: the company a relation word puts after it.
            found.map(|m| related_after(text, words, m, mentions_in(s)).unwrap_or(m))
        })
        .collect();
    // `The Calgary-based company reported… with ConocoPhillips`: a sentence opening on the company
    // is about the one before, not one named further on.
    let mut subjects = subjects;
    for i in 1..subjects.len() {
        let opening = own_words_of(&sentences[i]);
        if opens_on_the_company(opening)
            && subjects[i - 1].is_some()
            && subjects[i].is_some_and(|m| opening.get(4).is_some_and(|w| w.start < m.span.start))
        {
            subjects[i] = subjects[i - 1];
        }
    }
    subjects
}

/// `chopped his target price on Royal Bank of Canada by $2`, `lowering their performance
/// expectations for Royal Bank of Canada`: a bank whose target, rating or forecasts are set is the
/// company under discussion, not a firm that rates another.
fn target_set_on(text: &str, span: &Range<usize>) -> bool {
    let before = &text[..span.start];
    [
        "target on ",
        "target price on ",
        "target for ",
        "target price for ",
        "rating on ",
        "recommendation on ",
        "expectations for ",
        "estimates for ",
        "forecasts for ",
    ]
    .iter()
    .any(|cue| {
        let at = before.len().saturating_sub(cue.len());
        before.is_char_boundary(at) && before[at..].eq_ignore_ascii_case(cue)
    })
}

/// The only company the text's `mentions` name, when it is a subject of `subjects` (one per
/// sentence), with the last sentence it is the subject of.
pub(super) fn only_subject<'m>(mentions: &[Mention], subjects: &[Option<&'m Mention>]) -> Option<(&'m Mention, usize)> {
    let (last, m) = subjects.iter().enumerate().rev().find_map(|(k, s)| s.map(|m| (k, m)))?;
    mentions.iter().all(|o| o.symbol == m.symbol).then_some((m, last))
}
