//! Tickers named in text: cashtags (`$NVDA`), company names and aliases (`Nvidia Corp`,
//! `Google`, `Itaú`), and bare symbols where the context makes them safe.
//!
//! Names are found by looking up each run of up to a few words in the [`Lexicon`] (longest
//! first), so the cost grows with the text, not with the number of companies. A bare symbol
//! (`NVDA`) counts after an exchange (`NASDAQ: NVDA`), before `shares`/`stock`/`ações`, in
//! brackets after a company name (or any capitalised name: `Campbell Soup (CPB)`), when its
//! company is named elsewhere in the text, for
//! Brazilian symbols (`PETR4`), and for large companies' distinctive symbols outside shouted
//! headlines. Everyday words and acronyms (`AI`, `IT`, `ON`, `ALL`, `CEO`) never count bare.

use std::collections::HashSet;
use std::ops::Range;

use super::bracket_codes::{
    after_defunct_name, in_brackets_after_name, in_brackets_after_ticker, symbol_in_brackets, unknown_b3_code_after,
};
use super::cashtags::cashtags;
use super::company_context::{
    a_persons_surname, dateline, in_company_context, in_dateline, in_picture_credit, is_month_abbreviation, is_surname,
    middle_name, names_another_company, plural_of_its_name, state_after_place,
};
use super::company_names::is_generic_tail;
use super::defunct::defunct_at;
use super::known_brokers::{brokers_named_in_full, opens_a_broker_name};
use super::known_names::{needs_context, written_as};
use super::lexicon::{Lexicon, Via};
use super::mentions::is_broker;
use super::short_names::{listed_with_companies, short_names};
use super::symbol_cues::{
    BARE_RANKS, after_exchange, after_home_exchange, distinctive, exchange_prefix, rated_symbol, reuters_code, shouted,
    signed_move_after, spells_out, stock_word_near, titled_person,
};
use super::tokens::Token;
use super::unlisted::is_b3_form;
use super::words::{is_acronym, is_common_word, is_company_suffix, is_not_a_ticker};
use crate::model::{Symbol, fold};

/// A ticker found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TickerMatch {
    pub span: Range<usize>,
    pub symbol: Symbol,
    pub via: Via,
}

/// Finds the tickers of `text`, in order.
pub(crate) fn tickers(text: &str, tokens: &[Token], lexicon: &Lexicon) -> Vec<TickerMatch> {
    let mut found: Vec<TickerMatch> =
        cashtags(text).into_iter().map(|c| TickerMatch { span: c.span, symbol: c.symbol, via: Via::Cashtag }).collect();
    // Cashtags come in text order: the one that could cover a word is the last starting before it.
    let in_cashtag = |t: &Token| {
        let before = found.partition_point(|c| c.span.start < t.end);
        before.checked_sub(1).is_some_and(|c| found[c].span.end > t.start)
    };
    let (mut skip_until, mut bare) = (0, Vec::new());
    // (The symbols named so far as a set too: a long text names thousands.)
    let (mut named, mut named_symbols) = (Vec::new(), HashSet::new());
    // Everyday-word names out of company context (`Nu delivered…`): companies only when the
    // text names the same company another way (`Nu Holdings (NU)`).
    let mut pending = Vec::new();
    let mut key = String::new();
    // The first words of the defunct companies, and of other companies than the lexicon's, named
    // before (`Janus Capital Group`, `Provident Financial (L:PFG)`), for the rest of the text;
    // not when the word alone names a large company (`Apple Hospitality REIT (NYSE: APLE)… Apple
    // fell`, `TD Ameritrade… TD rose`).
    let mut others: HashSet<&str> = HashSet::new();
    let small = |symbol: &Symbol| {
        lexicon.symbol(symbol.as_str()).is_none_or(|e| !e.well_known && e.rank.is_none_or(|r| r >= BARE_RANKS))
    };
    for i in 0..tokens.len() {
        if i < skip_until || in_cashtag(&tokens[i]) {
            continue;
        }
        // After an exchange (`NYSE: VALE`) a word is a symbol, even if it is also a name.
        if after_exchange(text, tokens, i)
            && let Some((symbol, used)) = bare_symbol(text, tokens, i, lexicon)
        {
            bare.push((i, used, symbol));
            skip_until = i + used;
            continue;
        }
        if let Some((n, entry_symbol, via, in_context)) = longest_name(text, tokens, i, lexicon, &mut key) {
            skip_until = i + n;
            if let Some(symbol) = entry_symbol.and_then(|s| Symbol::parse(&s).ok()) {
                // `Boyd Gaming (BYD)`: the symbol the writer looked up, not the carmaker's name.
                // (`Teva Pharmaceuticals (TEVA)`: also a symbol alone in brackets right after a
                // capitalised name, as any listed symbol is there (`Campbell Soup (CPB)`), when the
                // lexicon also reads the word as a name.)
                // (`RBC Bearings Inc (RBC)… RBC's backlog`: the symbol of a company the text
                // named, in brackets right after its name or alone later, not the bank the word
                // names alone.)
                let its_symbol = tokens[i].upper && tokens[i].text != symbol.as_str();
                let of_the_name = |named: &[TickerMatch]| {
                    named.last().is_some_and(|m| {
                        m.symbol.as_str() == tokens[i].text && text[m.span.end..tokens[i].start].trim() == "("
                    })
                };
                if n == 1
                    && (symbol_in_brackets(text, tokens, i, lexicon, symbol.as_str())
                        || ((tokens[i].text == symbol.as_str() || its_symbol && of_the_name(&named))
                            && in_brackets_after_name(text, tokens, i, 1))
                        || its_symbol && named_symbols.contains(tokens[i].text))
                    && let Some((symbol, used)) = bare_symbol(text, tokens, i, lexicon)
                {
                    bare.push((i, used, symbol));
                    skip_until = i + used;
                    continue;
                }
                let end = extend_over_suffix(tokens, i + n - 1);
                // `Brookfield (BISA3)`: a company gone from B3, not the one the name is now;
                // `First Republic Bank`: a company gone, whatever remnant the reference lists.
                if unknown_b3_code_after(text, tokens, end, lexicon, symbol.as_str()) || defunct_at(tokens, i) {
                    if small(&symbol) {
                        others.insert(&tokens[i].key);
                    }
                    continue;
                }
                // `Janus Capital Group … the Janus, Intech and Perkins funds`, `Provident Financial
                // (L:PFG)… Provident's shares`: the other company's first word again is that one.
                if n == 1 && others.contains(&*tokens[i].key) {
                    continue;
                }
                skip_until = end + 1;
                if n == 1 && tokens[i].upper && spells_out(text, tokens, i, tokens[i].text) {
                    continue;
                }
                let found = TickerMatch { span: tokens[i].start..tokens[end].end, symbol, via };
                // (`Southwest Florida`, `Delta Force`: a word opening a longer name is not it.)
                let plural = plural_of_its_name(tokens, i, end, lexicon, found.symbol.as_str());
                let opens_a_name =
                    tokens.get(end + 1).is_some_and(|t| t.joins_previous && t.capitalized && !t.upper) && !plural;
                // `National Bank of Canada` is no `National Bank Holdings`: a short name that goes
                // on with `of` and a capitalised word names another company.
                let goes_on = via == Via::Name
                    && tokens.get(end + 1).is_some_and(|t| t.key == "of" && text[tokens[end].end..t.start] == *" ")
                    && tokens.get(end + 2).is_some_and(|t| t.capitalized);
                // `Barnes & Noble` is no `Noble`: a name closing a partners' name.
                let closes_a_name = i >= 2 && tokens[i - 1].key == "&" && tokens[i - 2].capitalized && !tokens[i].upper;
                if goes_on || closes_a_name || (via == Via::Name && titled_person(text, tokens, i)) {
                    continue;
                }
                if opens_a_name && names_another_company(text, tokens, end + 1, &found.symbol, lexicon) {
                    if small(&found.symbol) {
                        others.insert(&tokens[i].key);
                    }
                    continue;
                }
                if in_context || plural {
                    named_symbols.insert(found.symbol.to_string());
                    named.push(found)
                } else if !opens_a_name {
                    pending.push(found)
                }
            }
            continue;
        }
        if let Some((symbol, used)) = bare_symbol(text, tokens, i, lexicon) {
            bare.push((i, used, symbol));
            skip_until = i + used;
        }
    }
    found.extend(named);
    let known: HashSet<Symbol> = found.iter().map(|f| f.symbol.clone()).collect();
    let ends: HashSet<usize> = found.iter().map(|f| f.span.end).collect();
    // Former symbols taken where they plainly were one, so their later bare uses count too.
    let mut former: HashSet<&str> = HashSet::new();
    // Symbols taken bare where they plainly were one (`Gogo Inc (NASDAQ:GOGO)… Although GOGO
    // has tacked on 43.2%`): their later bare uses count too.
    let mut taken: HashSet<Symbol> = HashSet::new();
    for (i, used, symbol) in bare {
        let last = &tokens[i + used - 1];
        let written = &text[tokens[i].start..last.end];
        let entry = lexicon.symbol(symbol.as_str());
        // `(SA:BRFS3)`: an exchange's code before the symbol; `provisão para devedores duvidosos
        // (PDD)`: an acronym spelled out before it.
        // (`Sprint (NYSE:S)`: the old company's symbol, now another's.)
        if exchange_prefix(text, tokens, i + used)
            || spells_out(text, tokens, i, written)
            || dateline(text, tokens, i)
            || (after_defunct_name(text, tokens, i) && lexicon.renamed(written).is_none())
            || state_after_place(text, tokens, i, used, &ends)
        {
            continue;
        }
        let plain_word = is_not_a_ticker(written);
        // `Cooper Cos. (COO US)`: Bloomberg's code in brackets, the country after the symbol.
        let bloomberg = text[..tokens[i].start].ends_with('(') && text[last.end..].starts_with(" US)");
        let explicit = after_exchange(text, tokens, i)
            // (A large company's only: small ones' symbols were often other companies' before.)
            || (bloomberg && entry.is_some_and(|e| e.rank.is_some_and(|r| r < BARE_RANKS)))
            || (!plain_word && signed_move_after(&text[last.end..]))
            || reuters_code(text, tokens, i) == Some(true)
            || in_brackets_after_ticker(text, tokens[i].start, &ends)
            || (!plain_word && entry.is_some() && in_brackets_after_name(text, tokens, i, used));
        // A former symbol (`Facebook (FB)`, `NASDAQ: RIMM`) only where it plainly is one.
        let renamed = lexicon.renamed(written).is_some();
        let explicit = explicit
            // (`CBS Corp. (CBS US)`: Bloomberg's code, the country after a former symbol.)
            || (renamed
                && (in_brackets_after_name(text, tokens, i, used)
                    || bloomberg
                    || known.contains(&symbol)
                    || former.contains(written)
                    || signed_move_after(&text[last.end..])
                    // `Transmissão Paulista | TRPL4 | 10% |`: a B3 code is never a word.
                    || is_b3_form(written)
                    // `Shares of RIMM surged`: a former symbol no one lists now, by a stock word.
                    || (!plain_word
                        && lexicon.symbol(written).is_none()
                        && stock_word_near(text, tokens, i, i + used - 1))));
        // `SO’s price target` after `Southern Company (SO)`: a word in capitals takes no
        // possessive, a symbol named before does.
        let possessive = tokens.get(i + used).is_some_and(|n| possessive_s(text, last, n));
        // `Gogo Inc (NASDAQ:GOGO)… Although GOGO has tacked on 43.2%`: an everyday word of four
        // letters or more, in capitals, that is the symbol of a company the text names.
        let named_in_capitals = || {
            plain_word
                && written.len() >= 4
                && tokens[i].upper
                && !is_acronym(written)
                && !shouted(tokens, i, lexicon)
                && (known.contains(&symbol) || taken.contains(&symbol))
        };
        let safe = explicit
            || (known.contains(&symbol) && possessive)
            || (!renamed && named_in_capitals())
            || (!renamed
                && !plain_word
                && (stock_word_near(text, tokens, i, i + used - 1)
                    || rated_symbol(text, tokens, i, i + used - 1)
                    || known.contains(&symbol)
                    || taken.contains(&symbol)
                    || entry.is_some_and(|e| e.rank.is_none() && written.bytes().any(|b| b.is_ascii_digit()))
                    || entry
                        .is_some_and(|e| distinctive(written, e.rank, e.well_known) && !shouted(tokens, i, lexicon))));
        if safe {
            if renamed {
                former.insert(written);
            }
            if after_home_exchange(text, tokens, i) {
                taken.insert(symbol.clone());
            }
            found.push(TickerMatch { span: tokens[i].start..last.end, symbol, via: Via::Symbol });
        }
    }
    let named_otherwise: HashSet<Symbol> = found.iter().map(|f| f.symbol.clone()).collect();
    let (mut pending, elsewhere): (Vec<TickerMatch>, Vec<TickerMatch>) =
        pending.into_iter().partition(|p| !named_otherwise.contains(&p.symbol));
    found.extend(elsewhere);
    let promoted = listed_with_companies(text, &found, &mut pending);
    found.extend(promoted);
    found.retain(|f| {
        // (`SAN FRANCISCO -- Semiconductor stocks…`: a symbol opening a dateline's city too.)
        let dateline = (f.via == Via::Name || text[f.span.clone()] == *f.symbol.as_str()) && in_dateline(text, &f.span);
        !(dateline
            || in_picture_credit(text, &f.span)
            || lexicon.is_suppressed(&text[f.span.clone()], f.symbol.as_str()))
    });
    // `O analista da Kepler Nicolas Payen` in a text naming `Kepler Cheuvreux`: a broker's first
    // word alone is the broker, not the company of that name (Kepler Weber) unless named in full.
    // (The whole text is read for brokers only where such a word is found.)
    let alone = |f: &TickerMatch| f.via == Via::Name && !is_broker(&f.symbol) && !text[f.span.clone()].contains(' ');
    if found.iter().any(|f| alone(f) && opens_a_broker_name(&fold(&text[f.span.clone()]))) {
        let full = brokers_named_in_full(text, tokens);
        let longer = |f: &TickerMatch| found.iter().any(|g| g.symbol == f.symbol && g.span.len() > f.span.len());
        let broker = |f: &TickerMatch| alone(f) && full.contains(&fold(&text[f.span.clone()])) && !longer(f);
        let dropped: Vec<bool> = found.iter().map(broker).collect();
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !dropped[k - 1]
        });
    }
    found.sort_by_key(|f| f.span.start);
    let mut short = short_names(text, tokens, &found);
    short.retain(|f| !lexicon.is_suppressed(&text[f.span.clone()], f.symbol.as_str()));
    if !short.is_empty() {
        found.extend(short);
        found.sort_by_key(|f| f.span.start);
    }
    found
}

/// The longest lexicon name starting at token `i` that is written as it must be: the number of
/// words, the symbol (none for a non-company phrase), how it was found, and whether it stands
/// in the company context its name needs (always, for names that are no everyday word).
fn longest_name(
    text: &str,
    tokens: &[Token],
    i: usize,
    lexicon: &Lexicon,
    key: &mut String,
) -> Option<(usize, Option<String>, Via, bool)> {
    key.clear();
    let mut best = None;
    // `Lowe's`, `McDonald's`: the SEC writes the name without its apostrophe (`LOWES COMPANIES`).
    // Not a symbol's possessive in capitals: `SO’s price target` is Southern's, not SOS's
    // (`LOWE'S RAISES OUTLOOK` still is Lowe's).
    if let Some(next) = tokens.get(i + 1)
        && !(tokens[i].upper && lexicon.symbol(tokens[i].text).is_some())
        && possessive_s(text, &tokens[i], next)
    {
        key.push_str(&tokens[i].key);
        key.push('s');
        if let Some((symbol, via, in_context)) = named_entry(text, tokens, lexicon, key, i..i + 1, i + 1) {
            best = Some((2, symbol, via, in_context));
        }
        // `Pilgrim's Pride` (`PILGRIMS PRIDE CORP`): a longer name whose first word has it.
        let longest = lexicon.longest_from(key, tokens[i].capitalized || tokens[i].upper);
        for n in 2..=longest.min(tokens.len() - i - 1) {
            let t = &tokens[i + n];
            if !t.joins_previous {
                break;
            }
            key.push(' ');
            key.push_str(&t.key);
            if let Some((symbol, via, in_context)) = named_entry(text, tokens, lexicon, key, i..i + n + 1, i + n) {
                best = Some((n + 1, symbol, via, in_context));
            }
        }
        key.clear();
    }
    let longest = lexicon.longest_from(&tokens[i].key, tokens[i].capitalized || tokens[i].upper);
    if longest == 0 {
        return best;
    }
    // `poços de Tubarão Azul`: a one-word name that is also an everyday word (`Azul`, `Vale`)
    // closing a longer capitalised name is no company's.
    // (Not after a word for a company: `Companhia Vale do Rio Doce`.)
    // (Not in a title-case headline: `Brazil Miner Vale Posts Record Profit`.)
    let closes_a_name = is_common_word(&tokens[i].key)
        && !tokens.get(i + 1).is_some_and(|n| n.joins_previous && n.capitalized)
        && is_surname(text, tokens, i)
        && !matches!(&*tokens[i - 1].key, "companhia" | "cia" | "grupo" | "banco" | "empresa" | "construtora");
    // `Zions Bancorp`: a generic last word of names after a capitalised word ends another
    // company's name, not the company named by that word alone (`The Bancorp`).
    let ends_another_name = is_generic_tail(&tokens[i].key)
        && i.checked_sub(1).is_some_and(|p| {
            let prev = &tokens[p];
            prev.capitalized && &*prev.key != "the" && text[prev.end..tokens[i].start] == *" "
        });
    for n in 1..=longest.min(tokens.len() - i) {
        let t = &tokens[i + n - 1];
        if n > 1 {
            if !t.joins_previous {
                break;
            }
            key.push(' ');
        }
        key.push_str(&t.key);
        if n == 1
            && (closes_a_name
                || a_persons_surname(text, tokens, i)
                || ends_another_name
                || middle_name(text, tokens, i)
                || is_month_abbreviation(text, tokens, i))
        {
            continue;
        }
        if let Some((symbol, via, in_context)) = named_entry(text, tokens, lexicon, key, i..i + n, i + n - 1)
            && best.as_ref().is_none_or(|b: &(usize, _, _, _)| n > b.0)
        {
            best = Some((n, symbol, via, in_context));
        }
    }
    best
}

/// The lexicon's entry for `key` if the name is written as it must be: the tokens `written` (the
/// name's words) in the case the entry needs, whole words up to token `last` (past a possessive's
/// `s`); its symbol, how it was found, and whether it stands in the company context it needs.
fn named_entry(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    key: &str,
    written: Range<usize>,
    last: usize,
) -> Option<(Option<String>, Via, bool)> {
    let entry = lexicon.name(key)?;
    let words = &tokens[written.clone()];
    (written_as(words, entry.case) && whole_word(text, &tokens[written.start..=last])).then(|| {
        let in_context = !needs_context(words, entry.case) || in_company_context(text, tokens, written.start, last);
        (entry.symbol.clone(), entry.via, in_context)
    })
}

/// Whether `next` is the `s` of a possessive or a name's apostrophe (`Macy's`, `Kohl’s`).
fn possessive_s(text: &str, word: &Token, next: &Token) -> bool {
    &*next.key == "s" && matches!(&text[word.end..next.start], "'" | "\u{2019}")
}

/// A name glued to a hyphenated or dotted word (`Apple-like`, `google.com`) is not the company.
fn whole_word(text: &str, words: &[Token]) -> bool {
    let (first, last) = (&words[0], &words[words.len() - 1]);
    let before = text[..first.start].chars().next_back();
    let after = text[last.end..].chars().next();
    let glued_after = match after {
        Some('-') => text[last.end + 1..].starts_with(|c: char| c.is_alphabetic()),
        Some('.') => text[last.end + 1..].starts_with(|c: char| c.is_ascii_lowercase()),
        _ => false,
    };
    !glued_after && !matches!(before, Some('-' | '.' | '@' | '/' | '_'))
}

/// The last token of a name with its legal suffix (`Nvidia Corp`, `Apple Inc.`).
fn extend_over_suffix(tokens: &[Token], last: usize) -> usize {
    match tokens.get(last + 1) {
        Some(t) if t.joins_previous && t.has_upper && is_company_suffix(&t.key) => last + 1,
        _ => last,
    }
}

/// An all-caps word (`NVDA`, `BRK.B`, `PETR4`) that is a known symbol: the symbol and the number
/// of words it takes.
fn bare_symbol(text: &str, tokens: &[Token], i: usize, lexicon: &Lexicon) -> Option<(Symbol, usize)> {
    let t = &tokens[i];
    if !t.upper || !t.text.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || t.text.len() > 6 {
        return None;
    }
    let glued_before = text[..t.start].chars().next_back().is_some_and(|c| matches!(c, '-' | '.' | '/' | '_' | '@'));
    // `R$ 3,40`, `US$ 5`, `C$`, `NT$`: a currency mark, not a symbol. `Vale ON (SA:)`: an
    // exchange's code whose symbol the page lost.
    if glued_before || text[t.end..].starts_with('$') || text[t.end..].starts_with(":)") {
        return None;
    }
    // A share class: BRK.B, BRK-B, BRK/B.
    if let Some(class) = tokens.get(i + 1).filter(|c| c.text.len() == 1 && c.upper && c.start == t.end + 1)
        && matches!(&text[t.end..class.start], "." | "-" | "/")
        && let Ok(symbol) = Symbol::parse(&text[t.start..class.end])
        && lexicon.symbol(symbol.as_str()).is_some()
    {
        return Some((symbol, 2));
    }
    if let Some(home) = reuters_code(text, tokens, i) {
        let symbol = Symbol::parse(t.text).ok()?;
        return (home && lexicon.symbol(symbol.as_str()).is_some()).then_some((symbol, 2));
    }
    if text[t.end..].starts_with(['-', '.']) && text[t.end + 1..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    if let Some(now) = lexicon.renamed(t.text) {
        return Symbol::parse(now).ok().map(|symbol| (symbol, 1));
    }
    let symbol = Symbol::parse(t.text).ok()?;
    lexicon.symbol(symbol.as_str()).map(|_| (symbol, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn lexicon() -> Lexicon {
        Lexicon::new([
            ("NVDA", "NVIDIA CORP"),
            ("MSFT", "MICROSOFT CORP"),
            ("GOOGL", "Alphabet Inc."),
            ("GOOG", "Alphabet Inc."),
            ("BRK-B", "BERKSHIRE HATHAWAY INC"),
            ("TSM", "TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD"),
            ("ON", "ON SEMICONDUCTOR CORP"),
            ("IT", "GARTNER INC"),
            ("ALL", "ALLSTATE CORP"),
            ("A", "AGILENT TECHNOLOGIES, INC."),
            ("AI", "C3.ai, Inc."),
            ("BAC", "BANK OF AMERICA CORP /DE/"),
            ("RJF", "RAYMOND JAMES FINANCIAL INC"),
        ])
    }

    fn found(text: &str) -> Vec<(String, String, Via)> {
        tickers(text, &tokens(text), &lexicon())
            .into_iter()
            .map(|t| (text[t.span].to_owned(), t.symbol.to_string(), t.via))
            .collect()
    }

    fn symbols(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(_, s, _)| s).collect()
    }

    #[test]
    fn names_aliases_and_cashtags() {
        for (text, expected) in [
            ("NVIDIA fell; Nvidia Corp said; nvidia rose", &["NVDA", "NVDA", "NVDA"][..]),
            ("Microsoft and Alphabet, and Google", &["MSFT", "GOOGL", "GOOGL"]),
            ("$NVDA and $brk.b", &["NVDA", "BRK-B"]),
            ("TSMC makes chips for Apple", &["TSM", "AAPL"]),
            ("Petrobras e Vale sobem; Itaú cai", &["PETR4", "VALE3", "ITUB4"]),
            ("Bank of America raised its target", &["BAC"]),
        ] {
            assert_eq!(symbols(text), expected, "{text}");
        }
    }

    #[test]
    fn names_and_codes_as_the_press_writes_them() {
        let lexicon = Lexicon::bundled();
        for (text, expected) in [
            ("Macy's fell; Macy’s stock; Dick's Sporting Goods rose", &["M", "M", "DKS"][..]),
            (
                "Southern Company (SO) rose; Credit Suisse raised SO’s price target; DUK's rose",
                &["SO", "SO", "SO", "DUK"],
            ),
            ("McDonald's and Lowe's reported", &["MCD", "LOW"]),
            ("U.S. Bancorp and US Bancorp, not Bancorp", &["USB", "USB", "TBBK"]),
            ("Telephone and Data Systems (TDS.US) fell", &["TDS", "TDS"]),
            ("It ended at 11:30 AM Eastern.", &[]),
            ("As ações da BRF (SA:BRFS3) sobem", &["BRFS3", "BRFS3"]),
            ("a provisão para devedores duvidosos (PDD) subiu; Pinduoduo (PDD) caiu", &["PDD"]),
            (
                "Research In Motion Ltd. (NASDAQ: RIMM) rose; Facebook (FB) fell; a Via (VIIA3) caiu",
                &["BB", "BB", "META", "META", "BHIA3", "BHIA3"],
            ),
            ("FB and RIMM, bare, are nothing", &[]),
            ("CB Richard Ellis\n(CBG)\ndowngraded at Citigroup", &["CBRE", "CBRE", "C"]),
            ("Albany Molecular Research Inc. (NASDAQ: AMRI) fell; Albany International rose", &["AIN"]),
            ("os poços de Tubarão Azul; a Azul subiu", &["AZUL4"]),
            ("Brazil Miner Vale Posts Record Profit; LOWE'S RAISES OUTLOOK", &["VALE3", "LOW"]),
            ("NEW YORK (AP) -- Apple (AAPL) rose; SAO PAULO (AP) — Vale fell", &["AAPL", "AAPL", "VALE3"]),
            ("Citi cut BBRY to sell; BlackBerry Ltd fell", &["C", "BB", "BB"]),
            ("Zions Bancorp raised; Stock Yards Bancorp fell; The Bancorp rose", &["ZION", "SYBT", "TBBK"]),
            ("TORONTO — Research In Motion rose", &["BB"]),
            ("Shares of Research in Motion rose", &["BB"]),
            ("o diretor-presidente, Frederico Fleury Curado, disse; o preço-alvo de Fleury subiu", &["FLRY3"]),
        ] {
            let found: Vec<String> =
                tickers(text, &tokens(text), &lexicon).into_iter().map(|t| t.symbol.to_string()).collect();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn bare_symbols_only_in_safe_contexts() {
        for (text, expected) in [
            ("Nvidia (NASDAQ: NVDA) fell", &["NVDA", "NVDA"][..]),
            ("NVDA shares fell 17%", &["NVDA"]),
            ("Alphabet (GOOG) rose", &["GOOGL", "GOOG"]),
            ("ações da PETR4 sobem", &["PETR4"]),
            ("NVDA fell 17% while MSFT rose", &["NVDA", "MSFT"]),
            ("TSM rose", &["TSM"]),
            ("BRK.B is cheap", &["BRK-B"]),
            ("BRK.B shares are cheap", &["BRK-B"]),
            ("(NYSE: ON) rose", &["ON"]),
        ] {
            assert_eq!(symbols(text), expected, "{text}");
        }
    }

    #[test]
    fn words_and_acronyms_never_become_tickers() {
        assert!(symbols("O banco reduziu o preço-alvo do papel de R$ 3,40 para R$ 2,80.").is_empty(), "R$ is money");
        for text in [
            "AI and IA in the US and EUA: the CEO says GPU and LLM demand, R1, IT, ON, ALL, A.",
            "ON shares? IT stock? AI stocks rallied.",
            "NVIDIA PERDE QUASE US$ 600 BILHÕES EM VALOR DE MERCADO",
            "Vale a pena olhar o Vale do Silício.",
            "the apple fell; a target price of $150",
            "Analysts at Raymond James said so",
        ] {
            let got = symbols(text);
            assert!(got.iter().all(|s| s == "NVDA" || s == "RJF"), "{text}: {got:?}");
        }
        assert_eq!(symbols("AI and IA: the CEO says GPU, R1, IT, ON, ALL, A."), Vec::<String>::new());
    }

    #[test]
    fn reuters_codes_are_symbols_of_their_exchange() {
        let lexicon = Lexicon::bundled();
        let found = |text: &str| -> Vec<String> {
            tickers(text, &tokens(text), &lexicon).into_iter().map(|t| text[t.span].to_owned()).collect()
        };
        assert_eq!(
            found("Wells Fargo WFC.N and Citigroup (C.N) fell; PETR4.SA rose."),
            ["Wells Fargo", "WFC.N", "Citigroup", "C.N", "PETR4.SA"]
        );
        assert_eq!(
            found("Vodafone VOD.L fell in London, the U.S.A. too."),
            Vec::<String>::new(),
            "London's line is not VOD"
        );
        let symbols: Vec<String> =
            tickers("C.N rose", &tokens("C.N rose"), &lexicon).into_iter().map(|t| t.symbol.to_string()).collect();
        assert_eq!(symbols, ["C"]);
    }

    #[test]
    fn suppressed_matches_are_dropped_and_user_aliases_found() {
        use crate::extract::{Suppression, UserAlias};
        let lexicon = lexicon()
            .with_aliases(&[UserAlias { alias: "Team Green".into(), symbol: Symbol::parse("NVDA").unwrap() }])
            .with_suppressions(&[Suppression { phrase: "Vale".into(), symbol: Symbol::parse("VALE3").unwrap() }]);
        let text = "Team Green beat; Vale fell; team green again";
        let got: Vec<(String, Via)> =
            tickers(text, &tokens(text), &lexicon).into_iter().map(|t| (t.symbol.to_string(), t.via)).collect();
        assert_eq!(got, [("NVDA".into(), Via::UserAlias), ("NVDA".into(), Via::UserAlias)]);
    }
}
