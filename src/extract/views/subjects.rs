//! Helpers of [`super::views`] about who and what a sentence points back to: the company an
//! earlier stretch of text is about, a firm named again (shorter or by its initials), the stance
//! word's clause, and a span's words.

use std::ops::Range;

use super::before::Read;
use super::lists::bulleted;
use super::nouns::joins_an_act_to_its_object;
use super::picked::leaves;
use crate::extract::company_context::is_move_verb;
use crate::extract::defunct::defunct_at;
use crate::extract::firms::firm_key;
use crate::extract::fx_hash::{FxHashMap, FxHashSet};
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker};
use crate::extract::tokens::Token;
use crate::model::{Symbol, fold};

/// The holder named in the clause after sentence `i` of the text `read`, when both are of one
/// sentence: a known claimant, else a broker acting.
pub(super) fn next_clause_holder(read: &Read<'_>, i: usize) -> Option<Range<usize>> {
    let (text, spans, claimants) = (read.text, read.sentences, read.claimants);
    let next = spans.get(i + 1).filter(|n| continues(text, &spans[i], n))?;
    let named = claimants.partition_point(|c| c.start < next.start)..claimants.partition_point(|c| c.start < next.end);
    claimants[named].first().cloned().or_else(|| {
        let own = &read.words[read.sentence_words[i + 1].clone()];
        let first = read.mentions_in(next).iter().find(|m| m.rates || m.speaks || is_broker(&m.symbol));
        // (A known broker the lexicon does not list: `…raised to $270 at Argus`.)
        first
            .map(|m| crate::extract::holders::name_of(text, own, &m.span))
            .or_else(|| brokers_in(own).into_iter().next())
    })
}

/// Whether the clause `next` goes on the sentence of the clause `before`: only spaces and a
/// comma between them, on one line, and no sentence's end closing `before`.
pub(super) fn continues(text: &str, before: &Range<usize>, next: &Range<usize>) -> bool {
    let gap = &text[before.end..next.start];
    gap.trim().trim_matches(',').is_empty()
        && !gap.contains('\n')
        && !text[before.clone()].trim_end().ends_with(['.', '!', '?'])
}

/// `In addition to JPMorgan and Bank of America, …`, `Além do Itaú, …`: where an opening aside
/// naming other companies ends (its comma), if the clause `own` opens on one.
pub(super) fn opening_aside(text: &str, own: &[Token]) -> Option<usize> {
    let keys: Vec<&str> = own.iter().take(3).map(|w| &*w.key).collect();
    let opener = match keys[..] {
        ["in", "addition", "to", ..] => 3,
        ["besides" | "unlike", ..] | ["alem", "de" | "do" | "da" | "dos" | "das", ..] => {
            1 + usize::from(keys[0] == "alem")
        }
        _ => return None,
    };
    // (Not `Besides, Goldman Sachs upgraded…`: the opener closed by its own comma.)
    if text[own[opener - 1].end..].starts_with(',') {
        return None;
    }
    let comma = own.iter().skip(opener).take(12).find(|w| text[w.end..].starts_with(','))?;
    Some(comma.end)
}

/// The index range of the words inside a byte range.
pub(super) fn word_range(words: &[Token], span: &Range<usize>) -> Range<usize> {
    words.partition_point(|w| w.start < span.start)..words.partition_point(|w| w.start < span.end)
}

/// Whether two folded holder names are one firm: the same, one the other's first words (`RBC`
/// and `RBC Capital Markets`), or one the other's initials.
pub(super) fn same_firm(name: &str, other: &str) -> bool {
    other == name
        || (other.starts_with(name) && other[name.len()..].starts_with(' '))
        || (name.starts_with(other) && name[other.len()..].starts_with(' '))
        || is_initials_of(name, other)
}

/// The end of the stance word's clause, at `at` in a sentence ending at `end`: a dash or a
/// semicolon after it, else the sentence's end. The company rated is named in that clause (`…raised
/// to $17 at J.P. Morgan Securities -- with Walt Disney Co and Microsoft…`).
pub(super) fn clause_end(text: &str, at: usize, end: usize) -> usize {
    [" -- ", " — ", " – ", "; "]
        .iter()
        .filter_map(|mark| text[at.min(end)..end].find(mark))
        .min()
        .map_or(end, |found| at + found)
}

/// `S&P` after `Standard & Poor's`: a firm named again by the initials of its name's words
/// (folded names; connectives such as `of`, `de`, `&` and a possessive `s` have none).
fn is_initials_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
    letters.len() >= 2 && letters == initials(long)
}

/// The initials of a folded name's words, connectives left out.
fn initials(long: &str) -> String {
    long.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !matches!(*w, "of" | "de" | "da" | "do" | "and" | "e"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The initials of every name a text gives each company (`ti` for `Texas Instruments`), for
/// [`named_by_initials`]: read once per text.
pub(super) fn initials_by_symbol<'m>(text: &str, mentions: &'m [Mention]) -> FxHashMap<&'m Symbol, Vec<String>> {
    let mut out: FxHashMap<&Symbol, Vec<String>> = FxHashMap::default();
    for m in mentions {
        let name = initials(&fold(&text[m.span.clone()]));
        let names = out.entry(&m.symbol).or_default();
        if name.len() >= 2 && !names.contains(&name) {
            names.push(name);
        }
    }
    out
}

/// `TI said it now expects…` after `Texas Instruments`: a holder written as the initials of a
/// name the text gives `ticker` (a company speaking of itself).
pub(super) fn named_by_initials(
    text: &str,
    initials: &FxHashMap<&Symbol, Vec<String>>,
    holder: &Range<usize>,
    ticker: &Symbol,
) -> bool {
    let written = &text[holder.clone()];
    if written.len() > 5 || !written.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let short = fold(written);
    initials.get(ticker).is_some_and(|names| names.contains(&short))
}

/// The company a text's `the company` / `the retailer` points back to among `before` (mentions
/// of the sentences before, in order): the nearest named, unless the nearest sentence naming
/// companies lists several (`…below peers such as Walmart, TJX and Costco. …downgrading the
/// retailer`): then none of them is meant, and the text's topic is.
pub(super) fn topic_past_a_list(
    sentences: &[Range<usize>],
    before: &[Mention],
    holders: &[Range<usize>],
) -> Option<Symbol> {
    let last = before.iter().rfind(|m| !m.rates && !is_broker(&m.symbol))?;
    let sentence = sentences.get(sentences.partition_point(|s| s.end <= last.span.start))?;
    let from = before.partition_point(|m| m.span.start < sentence.start);
    let to = before.partition_point(|m| m.span.start < sentence.end);
    let mut listed: Vec<&Symbol> =
        before[from..to].iter().filter(|m| !m.rates && !is_broker(&m.symbol)).map(|m| &m.symbol).collect();
    listed.sort();
    listed.dedup();
    let topic = || earlier_subject(&before[..from], holders, false);
    if listed.len() >= 3 { topic() } else { earlier_subject(before, holders, true) }
}

/// The company the text before is about, not named by a holder: the last named when the
/// sentence points back to it (`the company`), else the one named most often (the first named
/// of those named as often: the subject).
pub(super) fn earlier_subject(before: &[Mention], holders: &[Range<usize>], nearest: bool) -> Option<Symbol> {
    // A bank or broker named before is the one talking, far more often than the one talked about;
    // as the text's topic, one that never acts in it counts (`Passado um mês do IPO da XP, os
    // bancos começaram a cobrir a ação…`).
    let acting: FxHashSet<&Symbol> = if nearest {
        FxHashSet::default()
    } else {
        before.iter().filter(|m| m.rates || m.speaks).map(|m| &m.symbol).collect()
    };
    let mut named = before
        .iter()
        .filter(|m| !m.rates && (!is_broker(&m.symbol) || (!nearest && !acting.contains(&m.symbol))))
        .filter(|m| !holders.iter().any(|h| h.start < m.span.end && m.span.start < h.end))
        .map(|m| &m.symbol);
    if nearest {
        // (`"We believe BAC has some levers to lean on," … In raising the shares to buy`: a bank
        // named where no company was and no bank acts.)
        let quiet_bank = || {
            let held = |m: &Mention| holders.iter().any(|h| h.start < m.span.end && m.span.start < h.end);
            let acting = before.iter().any(|m| m.rates || m.speaks);
            before.iter().rfind(|m| !acting && !held(m)).map(|m| m.symbol.clone())
        };
        return named.next_back().cloned().or_else(quiet_bank);
    }
    let mut counts: FxHashMap<&Symbol, usize> = FxHashMap::default();
    let mut best: Option<(&Symbol, usize)> = None;
    for s in named {
        let n = counts.entry(s).or_default();
        *n += 1;
        // The first named (the text's subject) of those named most often.
        if best.is_none_or(|(_, most)| *n > most) {
            best = Some((s, *n));
        }
    }
    best.map(|(s, _)| s.clone())
}

/// Of the places where the companies the lexicon does not know are named (`unlisted`), those
/// opening a sentence (as its subject: not `a deal
/// with Mylan NV`), in text order: those plainly companies (a company gone from the lists, a name
/// with a code in brackets, a legal suffix or its shares after it), not a sentence opening on
/// `Stocks fell`, `Futures rose`.
pub(super) fn opening_unlisted(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    unlisted: &[usize],
) -> Vec<usize> {
    let opens = |u: &usize| {
        let k = sentences.partition_point(|s| s.end <= *u);
        sentences.get(k).is_some_and(|s| text[s.start..*u].trim_matches(['•', '-', '*', ' ']).is_empty())
    };
    let plainly = |u: &usize| {
        let k = words.partition_point(|w| w.start < *u);
        let next = &words[k..words.len().min(k + 5)];
        defunct_at(words, k)
            // `Siebel Systems climbed 74 cents`: a name of two words, then a move.
            || matches!(next, [_, second, verb, ..] if second.capitalized && second.joins_previous && is_move_verb(&verb.key))
            || next.iter().any(|w| {
                matches!(&*w.key, "shares" | "stock" | "inc" | "corp" | "ltd" | "acoes")
                    || text[..w.start].trim_end().ends_with('(')
            })
    };
    unlisted.iter().copied().filter(|u| opens(u) && plainly(u)).collect()
}

/// Whether one of the `unlisted` companies is named in `back` (the few sentences before a view's),
/// after the last mention there of `symbol`, or in the view's sentence before its cue at `cue`.
/// (Only those sentences are read: a long text names its companies thousands of times.)
pub(super) fn unlisted_since(
    unlisted: &[usize],
    mentions: &[Mention],
    symbol: &Symbol,
    back: Range<usize>,
    cue: usize,
) -> bool {
    let Some(&u) = unlisted[..unlisted.partition_point(|&u| u < cue)].last().filter(|&&u| u >= back.start) else {
        return false;
    };
    let since =
        &mentions[mentions.partition_point(|m| m.span.start < u)..mentions.partition_point(|m| m.span.start < cue)];
    !since.iter().any(|m| m.symbol == *symbol)
}

/// `Raymond James downgraded Sprint Nextel to outperform`: whether a company gone from the lists
/// (one of `unlisted`, their starts) is named right after the stance word at byte `at`, within its
/// clause (ending at `clause_end`): it is the one rated, not one named elsewhere.
/// (`rebaixou a recomendação de Shoppingxyz (SHXY3)`: past the rating's noun too.)
pub(super) fn unlisted_right_after(text: &str, unlisted: &[usize], at: usize, clause_end: usize) -> bool {
    let after = &unlisted[unlisted.partition_point(|&u| u <= at)..];
    after.first().is_some_and(|&u| {
        let between: Vec<&str> = text[at..u].split_whitespace().collect();
        let of_the_rating = || between.len() <= 6 && between[1..].iter().all(|w| joins_an_act_to_its_object(&fold(w)));
        u < clause_end && (between.len() <= 3 || of_the_rating())
    })
}

/// `Goldman Sachs upgraded, while Deutsche Bank downgraded Verizon's shares`: a clause ending on
/// its act (the word at byte `at`) acts on the company the next clause of the same sentence rates
/// first. `own` are clause `i`'s words.
pub(super) fn next_clause_object<'m>(
    text: &str,
    sentences: &[Range<usize>],
    i: usize,
    own: &[Token],
    at: usize,
    mentions_in: &dyn Fn(&Range<usize>) -> &'m [Mention],
) -> Option<Symbol> {
    let next = sentences.get(i + 1)?;
    let bare = own.last().is_some_and(|w| w.start == at);
    let same_sentence = !text[sentences[i].end..next.start].contains(['.', '!', '?', '\n']);
    (same_sentence && bare).then(|| first_rated(mentions_in(next))).flatten()
}

/// The first company of `mentions` that is neither a firm acting nor a broker.
fn first_rated(mentions: &[Mention]) -> Option<Symbol> {
    mentions.iter().find(|m| !m.rates && !m.speaks && !is_broker(&m.symbol)).map(|m| m.symbol.clone())
}

/// `Morgan Stanley upgrades` / `CoStar Group` / `(CSGP) - Get Report` / `from equalweight to
/// overweight`: a line (sentence `i`, words `own`) ending on the act at byte `at`, with no stop,
/// goes on in the lines after it (a few short lines, up to the first that names a company). Only a
/// line naming its firm before the act: not a heading (`Downgrades`).
pub(super) fn next_line_object<'m>(
    text: &str,
    sentences: &[Range<usize>],
    i: usize,
    own: &[Token],
    at: usize,
    mentions_in: &dyn Fn(&Range<usize>) -> &'m [Mention],
) -> Option<Symbol> {
    let (_, before) = own.split_last().filter(|(w, _)| w.start == at)?;
    if brokers_in(before).is_empty() {
        return None;
    }
    let open = |r: &Range<usize>| text[r.clone()].trim_end().ends_with(|c: char| c.is_alphabetic() || c == ')');
    let mut k = i;
    while k < i + 3 && open(&sentences[k]) {
        let next = sentences.get(k + 1)?;
        if text[sentences[k].end..next.start].contains(['.', '!', '?', ':']) {
            return None;
        }
        if let Some(symbol) = first_rated(mentions_in(next)) {
            return Some(symbol);
        }
        k += 1;
    }
    None
}

/// `…avalia o Bank of America em um relatório… Com isso, os analistas Guilherme Palhares e Isabella
/// Simonato refizeram as contas`: analysts named without their firm, further back than a view's
/// firm is looked for, speak for the only firm the text named before (`within`, with its mentions
/// `before`): a bank acting or a known broker.
pub(super) fn the_only_firm(
    text: &str,
    words: &[Token],
    before: &[Mention],
    within: Range<usize>,
) -> Option<Range<usize>> {
    let stretch =
        &words[words.partition_point(|w| w.start < within.start)..words.partition_point(|w| w.start < within.end)];
    let mut firms: Vec<Range<usize>> =
        before.iter().filter(|m| m.rates || m.speaks).map(|m| m.span.clone()).chain(brokers_in(stretch)).collect();
    firms.sort_by_key(|r| r.start);
    let last = firms.last()?;
    let key = firm_key(&text[last.clone()]);
    firms.iter().all(|f| firm_key(&text[f.clone()]) == key).then(|| last.clone())
}

/// The company named first in the two sentences after sentence `i`, when the text names none
/// before it (`Citi raised its price target from $80 to $103… Lejuez said Target's results…`);
/// not one leaving a portfolio (`…sua carteira semanal. Com isso, saíram da carteira Cogna`).
pub(super) fn first_named_after<'m>(
    words: &[Token],
    sentences: &[Range<usize>],
    i: usize,
    mentions: &[Mention],
    mentions_in: &dyn Fn(&Range<usize>) -> &'m [Mention],
) -> Option<Symbol> {
    let next = sentences[i].end..sentences[(i + 2).min(sentences.len() - 1)].end;
    if mentions.first().is_some_and(|m| m.span.start < sentences[i].start) {
        return None;
    }
    // `Tesco rose 3% after Citigroup introduced a buy rating on the stock`: the sentence's own
    // company, one the lexicon does not know.
    let own = &words[words.partition_point(|w| w.start < sentences[i].start)..];
    if opens_on_an_unknown_mover(own, mentions_in(&sentences[i])) {
        return None;
    }
    let after = mentions_in(&next).iter().find(|m| !m.rates && !m.speaks && !is_broker(&m.symbol))?;
    (!leaves(words, after.span.start)).then(|| after.symbol.clone())
}

/// Whether a sentence (`own`, its words on) opens on a capitalised name none of its `named`
/// mentions is, which moved (`Tesco rose 3%`, `Sainsbury’s was 7.2p higher`).
fn opens_on_an_unknown_mover(own: &[Token], named: &[Mention]) -> bool {
    let Some(first) =
        own.first().filter(|w| w.capitalized && !matches!(&*w.key, "the" | "shares" | "a" | "o" | "as" | "os"))
    else {
        return false;
    };
    if named.first().is_some_and(|m| m.span.start <= first.start) {
        return false;
    }
    own.iter().skip(1).take(3).any(|w| {
        is_move_verb(&w.key)
            || matches!(&*w.key, "was" | "were") && own.iter().take(8).any(|h| matches!(&*h.key, "higher" | "lower"))
    })
}

/// `Outro caso é o da 3M. O JPMorgan rebaixou…`: the one company the sentence before sentence `i`
/// names, which outranks the view before; not `MRV subia 5,7%; Even, 4,9%; Direcional, 2,7%. O
/// Itaú disse…`: of several companies just named, none is meant. `spans` are the holders'.
pub(super) fn one_company_before<'m>(
    text: &str,
    sentences: &[Range<usize>],
    i: usize,
    mentions_in: &dyn Fn(&Range<usize>) -> &'m [Mention],
    spans: &[Range<usize>],
) -> Option<Symbol> {
    // (`Gilead` / `(GILD) - Get Report`: a name on its line, then its symbol on the next, is one
    // mention, of the sentence before that line.)
    let line_before = &text[sentences[i.saturating_sub(1)].clone()];
    let mut back = if line_before.starts_with('(') { 2 } else { 1 };
    // (`…weighed in on Costco:` / `• Citigroup has a Neutral rating.` / `• Argus has a Buy
    // rating.`: items of a list naming only the firms rating are passed over.)
    let only_firms = |k: usize| {
        bulleted(text, &sentences[k])
            && mentions_in(&sentences[k]).iter().all(|m| m.rates || m.speaks || is_broker(&m.symbol))
    };
    while bulleted(text, &sentences[i]) && back < i.min(ITEMS_BACK) && only_firms(i - back) {
        back += 1;
    }
    let previous = mentions_in(&(sentences[i.saturating_sub(back)].start..sentences[i].start));
    let mut named = previous.iter().filter(|m| !m.rates && !is_broker(&m.symbol)).map(|m| &m.symbol);
    let one = named.next().is_some_and(|first| named.all(|s| s == first));
    earlier_subject(previous, spans, true).filter(|_| one)
}

/// How many items of a list of firms' ratings are passed over to the company named before it.
const ITEMS_BACK: usize = 20;
