//! Company mentions as attribution and views see them: a name and the symbol in brackets after it
//! (`Microsoft (MSFT)`, `Nu Holdings (NYSE: NU)`) are one mention; a mention that is the source
//! of a view rather than its subject is marked: a claimant speaks, a broker changing a rating or a
//! price target (`Goldman Sachs boosted its rating`, `Citigroup analyst Jon Tower upgraded…`,
//! `…was raised to Buy at Goldman Sachs`) rates; index and currency words
//! (`Nasdaq`, `S&P 500`, `Ibovespa`, `dólar`) and macro-economic words (`tax`, `inflação`,
//! `Selic`, read by `index_cues`) are found too, since a figure next to one is not a company's. A listed bank or broker
//! named in a sentence about ratings, targets or analysts' calls rates too (`prompted Bank of
//! America to recommend buying the stock`), unless it is the object (`o preço-alvo do BTG`).

use std::cell::OnceCell;
use std::ops::Range;

use super::bank_cues::{
    forecast_for, is_rated_list_item, is_referred_to, moved_in_brackets, names_a_call, own_move_follows,
    owns_an_amount, target_in_brackets,
};
use super::clauses::after_an_act;
use super::company_context::is_move_verb;
use super::fx_hash::FxHashMap;
use super::known_brokers::brokers_in;
pub(crate) use super::mention_words::{is_call_word, is_rating_object, is_work_of_analysts};
use super::mention_words::{is_change_verb, is_object_marker, is_rating_verb, is_the_calls_maker};
use super::tickers::TickerMatch;
use super::tokens::Token;
use super::words::{is_company_suffix, is_share_word, past_possessive};
use crate::model::{Symbol, fold};

/// One mention of a company in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub span: Range<usize>,
    pub symbol: Symbol,
    /// A claimant: it holds the sentence's views (a company reporting its own figures is still
    /// what they are about).
    pub speaks: bool,
    /// A broker changing a rating or a target: neither the figures nor the views are about it.
    pub rates: bool,
    /// A fund or trust's symbol (`GLD`, `SPY`): a measure of a market, no company a text is about.
    pub fund: bool,
}

/// `mentions` with `added` among them, in text order (the list itself when nothing is added).
pub(crate) fn merged(mentions: Vec<Mention>, added: Vec<Mention>) -> Vec<Mention> {
    if added.is_empty() {
        return mentions;
    }
    let mut all = mentions;
    all.extend(added);
    all.sort_by_key(|m| m.span.start);
    all
}

/// How many words after a broker's name a rating action may come.
const ACTION_REACH: usize = 4;
/// How many words after a rating verb its object (`price target`, `rating`) may come.
const OBJECT_REACH: usize = 8;
/// How many words before `at Goldman Sachs` the rating change it made may start.
const PASSIVE_REACH: usize = 12;

/// The mentions of a text in order, each merged with the symbol bracketed after its name.
/// `claimants` are the byte ranges of the claimants found: a ticker inside one speaks.
/// `sentences` are the text's sentences (byte ranges, in order).
pub(crate) fn mentions(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    tickers: &[TickerMatch],
    claimants: &[Range<usize>],
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for t in tickers {
        if let Some(last) = out.last_mut()
            // (`Google Inc. (GOOG US)`: Bloomberg's code, the country after the symbol.)
            && (last.symbol == t.symbol || text[t.span.end..].trim_start().trim_start_matches("US").starts_with(')'))
            && t.span.start >= last.span.end
            && (text.get(last.span.end..t.span.start).is_some_and(is_bracket_gap)
                // (`Citigroup Inc C, target reiterated`: the symbol written right after the name.)
                || (last.symbol == t.symbol
                    && text.get(last.span.end..t.span.start).is_some_and(is_suffix_gap)
                    && text[t.span.clone()].bytes().all(|b| b.is_ascii_uppercase())))
        {
            // `Eletrobras (ELET6)`, `a JBS (JBSS3)`: the symbol written alone in brackets is the
            // listing meant (`Petrobras (PETR3; PETR4)` names both).
            last.span.end = t.span.end;
            last.symbol = t.symbol.clone();
            continue;
        }
        // Claimants are in text order and do not overlap: only the last starting before the end
        // of the ticker can cover it.
        let before = claimants.partition_point(|c| c.start < t.span.end);
        let speaks = before.checked_sub(1).is_some_and(|c| claimants[c].end > t.span.start);
        out.push(Mention { span: t.span.clone(), symbol: t.symbol.clone(), speaks, rates: false, fund: false });
    }
    // `Carrefour Brasil … o do Carrefour`, `Santander Brasil … o Santander`: a name that opens a
    // longer name found earlier in the text is that company again.
    // The word prefixes of the names found so far, with their symbols: one lookup per mention.
    let mut openings: FxHashMap<String, Symbol> = FxHashMap::default();
    for m in &mut out {
        let name = fold(&text[m.span.clone()]);
        if let Some(symbol) = openings.get(&name) {
            m.symbol = symbol.clone();
        }
        for (at, _) in name.match_indices(' ') {
            openings.insert(name[..at].to_owned(), m.symbol.clone());
        }
    }
    let calls: Vec<OnceCell<bool>> = sentences.iter().map(|_| OnceCell::new()).collect();
    for k in 0..out.len() {
        // `Goldman Sachs and Morningstar raised their targets`: listed after a broker, a firm
        // rates with it.
        let after_broker = k > 0
            && is_broker(&out[k - 1].symbol)
            && text.get(out[k - 1].span.end..out[k].span.start).is_some_and(is_and_gap);
        let m = &mut out[k];
        let next = words.partition_point(|w| w.start < m.span.end);
        let first = words.partition_point(|w| w.start < m.span.start);
        if moved_in_brackets(text, &m.span)
            || own_move_follows(text, &words[next..])
            || forecast_for(words, first, next)
            || is_target_owner(text, words, &m.span)
            || super::bank_cues::opens_an_item(text, &m.span)
        {
            m.speaks = false;
            continue;
        }
        let moved_target = is_broker(&m.symbol) && (owns_an_amount(text, &m.span) || target_in_brackets(text, &m.span));
        // `A Energisa mantém recomendação de compra`, `Jazz (JAZZ) initiated with Buy by FBR`: a
        // company that is no bank or broker does not rate others; a rating word after it is its own.
        let object = is_rated_list_item(text, words, m.span.start);
        // `Jefferies and CIBC Capital Markets raise PT…`: past a known broker listed with it.
        let next = match words.get(next) {
            Some(w) if matches!(&*w.key, "and" | "e") => brokers_in(&words[next + 1..words.len().min(next + 6)])
                .first()
                .filter(|b| words.get(next + 1).is_some_and(|n| n.start == b.start))
                .map_or(next, |b| words.partition_point(|w| w.start < b.end)),
            _ => next,
        };
        m.rates = moved_target
            || (!object
                // (Not `Bank of America stock received an upgrade`: its own shares.)
                && (((after_broker || is_broker(&m.symbol))
                    && rates_after(text, m.span.end, &words[next..])
                    // (Not `Rebaixamos nossa recomendação de Santander para venda`: rated.)
                    && !(first >= 2 && is_object_marker(&words[first - 1].key) && rated_object(words, first))
                    && !words.get(next).is_some_and(|w| matches!(&*w.key, "stock" | "shares")))
                    || broker_rating(text, words, sentences, &calls, m)))
            // (`downgrades at Plug Power, Wolverine Worldwide…`: companies listed as downgraded.)
            || (rated_by(text, &words[..first]) && (is_broker(&m.symbol) || !acts_listed_at(&words[..first])));
    }
    // `reinício de cobertura de Bradesco e Itaú, com recomendação de compra`: a bank listed after
    // the object of a preposition is an object too.
    for k in 1..out.len() {
        let gap = text.get(out[k - 1].span.end..out[k].span.start).unwrap_or(";");
        let before = words.partition_point(|w| w.start < out[k - 1].span.start);
        let object = before > 0 && is_object_marker(&words[before - 1].key) && !out[k - 1].rates;
        if object && is_and_gap(gap) && is_broker(&out[k].symbol) {
            out[k].rates = false;
        }
    }
    // `Deutsche Bank and Stifel raised their targets`: names listed with a broker rate with it.
    for k in (1..out.len()).rev() {
        // (Overlapping mentions, as a user's alias over a known name makes, are no list.)
        // (`J.P. Morgan Securities and Citigroup`: past the words that go on with the name.)
        // (Read only where the next one rates, and never past it.)
        if !out[k].rates {
            continue;
        }
        let name_end = super::holders::name_of(text, words, &out[k - 1].span).end.min(out[k].span.start);
        let gap = text.get(name_end.max(out[k - 1].span.end)..out[k].span.start).unwrap_or(";");
        // (Not `While upgrading Occidental Petroleum, Bank of America…`: the company acted on.)
        let first = words.partition_point(|w| w.start < out[k - 1].span.start);
        if is_and_gap(gap) && !after_an_act(&words[..first]) {
            out[k - 1].rates = true;
        }
    }
    out
}

/// Whether `m` is a bank or broker giving a call: named in a sentence that talks of ratings,
/// targets or analysts, and not as the object of a preposition (`on`, `do`, `da`).
/// `calls` caches, per sentence, whether it names a call (a long sentence names many banks).
fn broker_rating(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    calls: &[OnceCell<bool>],
    m: &Mention,
) -> bool {
    if !is_broker(&m.symbol) {
        return false;
    }
    // `"We believe BAC has some levers to lean on"`, `JPM is good at both offense and defense`, `JPM
    // saw its price target hiked`: a bank written as its symbol, before a verb of being or of
    // receiving, is the stock talked about.
    let next = words.partition_point(|w| w.start < m.span.end);
    if text[m.span.clone()] == *m.symbol.as_str()
        && words.get(next).is_some_and(|w| {
            !text[m.span.end..w.start].contains(|c: char| !c.is_whitespace())
                && matches!(
                    &*w.key,
                    "has" | "is" | "was" | "had" | "looks" | "remains" | "trades" | "tem" | "saw" | "received" | "got"
                )
        })
    {
        return false;
    }
    let at_sentence = sentences.partition_point(|s| s.end <= m.span.start);
    let Some(sentence) = sentences.get(at_sentence).filter(|s| s.start <= m.span.start) else { return false };
    let own =
        &words[words.partition_point(|w| w.start < sentence.start)..words.partition_point(|w| w.start < sentence.end)];
    let at = own.partition_point(|w| w.end <= m.span.start);
    // `o preço-alvo do BTG` is about the BTG; `o relatório do Itaú BBA` is by it.
    // (`neutra para o Santander`: past an article after `para`, not `depois de o Goldman Sachs
    // cortar`, the subject of an infinitive.)
    let article = usize::from(
        at > 1
            && matches!(&*own[at - 1].key, "o" | "a" | "os" | "as" | "the")
            && matches!(&*own[at - 2].key, "para" | "for" | "on"),
    );
    let at_marker = at - article;
    // (Not `foi a vez do Goldman Sachs elevar a recomendação`: the subject of an infinitive.)
    let after = own.partition_point(|w| w.start < m.span.end);
    let acts_next = own.get(after).is_some_and(|w| {
        matches!(&*w.key, "elevar" | "rebaixar" | "cortar" | "reduzir" | "manter" | "reiterar" | "iniciar" | "aumentar")
    });
    let object = at_marker > 0
        && is_object_marker(&own[at_marker - 1].key)
        && !(at_marker > 1 && is_work_of_analysts(&own[at_marker - 2].key))
        && !(matches!(&*own[at_marker - 1].key, "do" | "da" | "dos" | "das")
            && is_the_calls_maker(&own[..at_marker - 1]))
        && !acts_next;
    // `Oppenheimer downgrades JPM`, `upgraded Citigroup`: the object of the rating change.
    let object = object || rated_object(own, at);
    // `"We continue to believe Royal Bank has very strong operating platforms"`: the bank believed
    // in is the one talked about.
    let believed = at > 0
        && matches!(&*own[at - 1].key, "believe" | "believes" | "think" | "thinks" | "acreditamos" | "acredita")
        && own.get(after).is_some_and(|w| matches!(&*w.key, "has" | "is" | "remains" | "tem"));
    let object = object || believed;
    let object = object || is_referred_to(own, at);
    // `O Bank of America foi rebaixado para "neutral"`, `JPMorgan was downgraded`: rated, in a
    // passive right after it.
    let passive = own.get(after..after + 2).is_some_and(|p| {
        matches!(&*p[0].key, "foi" | "was" | "were" | "foram" | "is" | "e")
            && matches!(
                &*p[1].key,
                "rebaixado"
                    | "rebaixada"
                    | "elevado"
                    | "elevada"
                    | "downgraded"
                    | "upgraded"
                    | "cut"
                    | "raised"
                    | "lowered"
                    | "reduced"
                    | "initiated"
                    | "rated"
            )
    });
    // `Wells Fargo's (WFC) rating was cut to underperform`: its own rating, changed.
    let own_rating_changed = past_possessive(&text[m.span.end..]).is_some()
        && own[after..own.len().min(after + 7)].windows(2).any(|p| {
            matches!(&*p[0].key, "rating" | "target" | "recommendation") && matches!(&*p[1].key, "was" | "were")
        });
    // `Bank of America (NYSE:BAC) fell 1.4% after DA Davidson downgraded the stock`: its own move
    // (not `Morgan Stanley dropped it to equal weight`: a verb with an object).
    let moves = own.get(after).is_some_and(|w| is_move_verb(&w.key))
        && !own.get(after + 1).is_some_and(|w| {
            matches!(&*w.key, "it" | "them" | "its" | "the" | "their" | "his" | "her" | "shares" | "stock")
        });
    // `J.P. Morgan Chase & Co.'s stock has done too well for Bernstein`: its own shares.
    !object
        && !passive
        && !own_rating_changed
        && !moves
        && !shares_of(text, words, &m.span)
        && *calls[at_sentence].get_or_init(|| names_a_call(own))
}

/// The mentions (in text order) that start inside a byte range, found by bisection.
pub(crate) fn mentions_within<'m>(mentions: &'m [Mention], r: &Range<usize>) -> &'m [Mention] {
    // (An empty or reversed range names none.)
    let first = mentions.partition_point(|m| m.span.start < r.start);
    let end = mentions.partition_point(|m| m.span.start < r.end).max(first);
    &mentions[first..end]
}

/// `as ações do Goldman Sachs`, `shares of JPMorgan`, `JPMorgan shares`, `as estimativas de lucro
/// do Bradesco`: a company's own shares or results;
/// or a bank as what a rating change is about (`rebaixou a recomendação de Itaú`).
pub(crate) fn shares_of(text: &str, words: &[Token], span: &Range<usize>) -> bool {
    let k = words.partition_point(|w| w.start < span.start);
    let before = k >= 2
        && matches!(&*words[k - 1].key, "do" | "da" | "of")
        && (is_share_word(&words[k - 2].key)
            // `os resultados do segundo trimestre de 2025 do BTG Pactual`: its results, a few
            // words back in the clause.
            || words[k.saturating_sub(RESULTS_BACK)..k - 1]
                .iter()
                .rev()
                .take_while(|w| !text[w.end..span.start].contains([',', ';', '.']))
                .any(|w| is_results_word(&w.key)));
    // `J.P. Morgan Chase & Co.'s stock`: past the rest of the name and a possessive.
    let mut next = words.partition_point(|w| w.start < span.end);
    while words.get(next).is_some_and(|w| w.joins_previous && (w.capitalized || w.key == "s" || w.key == "&")) {
        next += 1;
    }
    let after = words.get(next);
    before
        || rated_object(words, k)
        || own_move_follows(text, &words[next..])
        || forecast_for(words, k, next)
        || after.is_some_and(|w| {
            matches!(&*w.key, "shares" | "stock")
                && !text[span.end..w.start].contains([',', ';'])
                && !text[span.end..w.start].contains(". ")
        })
}

/// How many words before `do <bank>` its results may be named.
const RESULTS_BACK: usize = 7;

/// Words of a company's own results (`lucro`, `balanço`, `earnings`, `revenue`).
#[rustfmt::skip]
pub(crate) fn is_results_word(key: &str) -> bool {
    matches!(key,
        "lucro" | "lucros" | "receita" | "receitas" | "resultado" | "resultados" | "balanco" | "earnings" | "profit"
            | "profits" | "revenue" | "revenues" | "results" | "income" | "roe" | "rentabilidade" | "earned" | "lucrou"
    )
}

/// Whether the name starting at word `k` is what a rating change is about: `Oppenheimer
/// downgrades JPM`, `upgraded Citigroup`, and `rebaixou a recomendação de Itaú` (after a rating
/// verb, `recomendação de X` is the call on X; alone, `a recomendação do BTG` is BTG's).
pub(crate) fn rated_object(words: &[Token], k: usize) -> bool {
    let changes = |w: &Token| is_rating_verb(&w.key) || is_change_verb(&w.key);
    // `rebaixou o BTG Pactual`, `downgraded the Bank of America`: past an article.
    let article = |w: &Token| matches!(&*w.key, "o" | "a" | "os" | "as" | "the");
    if k > 0 && (changes(&words[k - 1]) || (k > 1 && article(&words[k - 1]) && changes(&words[k - 2]))) {
        return true;
    }
    if k < 3
        || !is_object_marker(&words[k - 1].key)
        || !matches!(&*words[k - 2].key, "recomendacao" | "rating" | "classificacao" | "recommendation")
    {
        return false;
    }
    let article =
        matches!(&*words[k - 3].key, "a" | "o" | "its" | "the" | "sua" | "their" | "his" | "her" | "nossa" | "our");
    changes(&words[k - 3]) || (article && k >= 4 && changes(&words[k - 4]))
}

/// Listed banks and brokers whose analysts rate other companies' shares (US and Brazil).
#[rustfmt::skip]
pub(crate) fn is_broker(symbol: &Symbol) -> bool {
    matches!(symbol.as_bytes(),
        b"GS" | b"MS" | b"JPM" | b"C" | b"BAC" | b"UBS" | b"BMO" | b"DB" | b"WFC" | b"RJF" | b"SF" | b"MFG"
            | b"JEF" | b"EVR" | b"BCS" | b"HSBC" | b"TD" | b"RY" | b"BNS" | b"CM" | b"NMR" | b"MUFG" | b"PIPR"
            | b"OPY" | b"KEY" | b"TFC" | b"AB" | b"CS" | b"SAN" | b"ING" | b"MQG" | b"XP" | b"BPAC11" | b"ITUB4"
            | b"ITUB3" | b"BBDC4" | b"BBDC3" | b"SANB11" | b"LAZ" | b"INTR" | b"CRARF"
    )
}

/// Between two names of one list: `and`, `e`, `&` or a comma.
fn is_and_gap(gap: &str) -> bool {
    let words: Vec<&str> = gap.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    matches!(words.as_slice(), [] | ["and" | "e" | "&"]) && !gap.contains(['.', ';', '('])
}

/// The words after `Citigroup analyst Jon Tower`: past the role and the analyst's name, where
/// the firm's action comes (the words themselves when no role follows the name).
fn after_analyst<'w, 'a>(after: &'w [Token<'a>]) -> &'w [Token<'a>] {
    match after.first() {
        Some(role) if matches!(&*role.key, "analyst" | "analysts" | "analista" | "analistas" | "strategist") => {
            let name = after[1..].iter().take_while(|w| w.capitalized && w.joins_previous).count();
            &after[1 + name..]
        }
        _ => after,
    }
}

/// Whether `before` (the words before a name) ends on `downgrades at`, `upgrades at`: a plural
/// act's noun, what follows it is the companies acted on.
fn acts_listed_at(before: &[Token]) -> bool {
    matches!(before, [.., act, at] if at.key == "at" && matches!(&*act.key, "downgrades" | "upgrades"))
}

/// `GVA was raised to Buy from Neutral at Goldman Sachs`, `had its price target lifted by
/// Raymond James`: a broker named after `at` / `by` / `pelo`, in a clause that changes a rating
/// or a target (`before`: the words before the name).
fn rated_by(text: &str, before: &[Token]) -> bool {
    let Some((by, rest)) = before.split_last() else { return false };
    if !matches!(&*by.key, "at" | "by" | "pelo" | "pela" | "from") {
        return false;
    }
    // `an upgrade from Wedbush`, but not `competition from Walt Disney` in a downgrade's clause.
    if by.key == "from" && !rest.last().is_some_and(|w| is_rating_verb(&w.key)) {
        return false;
    }
    let mut clause = Vec::new();
    for (k, w) in rest.iter().enumerate().rev().take(PASSIVE_REACH) {
        let next_start = rest.get(k + 1).map_or(by.start, |n| n.start);
        if ends_clause(&text[w.end..next_start]) {
            break;
        }
        clause.push(w);
    }
    clause.reverse();
    clause.iter().enumerate().any(|(k, w)| {
        is_rating_verb(&w.key)
            || (is_change_verb(&w.key) && clause[k + 1..].iter().take(OBJECT_REACH).any(|o| is_rating_object(&o.key)))
    })
}

/// `cut Bank of America’s price target to $36 from $45, Truist’s to $48 from $61`: a company
/// whose target is moved by someone named before it, in the possessive, is the one rated (a bank
/// too), not a broker rating.
/// `words` are the text's (or a stretch's) words, `span` the company's.
pub(super) fn is_target_owner(text: &str, words: &[Token], span: &Range<usize>) -> bool {
    if !text[span.end..].starts_with(['\'', '’']) {
        return false;
    }
    let before = &words[..words.partition_point(|w| w.start < span.start)];
    let after = &words[words.partition_point(|w| w.start < span.end)..];
    // The possessive's `s`, then `price target`, `target` or the move itself (`to $48`).
    let owned = after.iter().skip(1).take(3).map(|w| &*w.key).collect::<Vec<_>>();
    let target = matches!(owned.as_slice(), ["price", "target", ..] | ["target", ..] | ["to", ..]);
    // The verb within the sentence, a list of possessives back (`, Truist’s to $48`).
    let mut moved_before = false;
    let mut next_start = span.start;
    for w in before.iter().rev().take(24) {
        if ends_sentence(&text[w.end..next_start], w) {
            break;
        }
        next_start = w.start;
        if matches!(
            &*w.key,
            "cut"
                | "cuts"
                | "raised"
                | "raises"
                | "lowered"
                | "lowers"
                | "lifted"
                | "trimmed"
                | "boosted"
                | "reduced"
                | "increased"
                | "hiked"
        ) {
            moved_before = true;
            break;
        }
    }
    target && moved_before
}

/// Between a name and its symbol written after it without brackets: a space, maybe past a legal
/// suffix the name did not take (`Wells Fargo & Co WFC`, `M&T Bank Corporation MTB`).
fn is_suffix_gap(gap: &str) -> bool {
    let suffix = gap.trim().trim_start_matches('&').trim_start().trim_end_matches('.');
    gap.starts_with(' ') && gap.ends_with(' ') && (suffix.is_empty() || is_company_suffix(&suffix.to_lowercase()))
}

/// Between a name and its symbol: brackets, an exchange and spaces, no lower-case word.
/// (Not `Bradesco ON (-0,91%), Bradesco PN`: a figure's bracket between two mentions.)
fn is_bracket_gap(gap: &str) -> bool {
    gap.len() <= 24
        && gap.contains('(')
        // (Not past a comma: `Vale (VALE3), RD (RADL3)`, the next item of a list.)
        && !gap.chars().any(|c| c.is_lowercase() || matches!(c, '.' | ';' | '%' | ','))
        && !(gap.contains(')') && gap.contains(|c: char| c.is_ascii_digit()))
}

/// Whether the words after a mention (or a name) ending at byte `end` change a rating or a
/// price target, in its clause (`Citigroup analyst Jon Tower upgraded…`: past the analyst).
pub(crate) fn rates_after(text: &str, end: usize, after: &[Token]) -> bool {
    let skipped = after_analyst(after);
    let (mut previous_end, after) = match skipped.first() {
        Some(first) if skipped.len() < after.len() => (first.start, skipped),
        _ => (end, after),
    };
    for (k, w) in after.iter().take(ACTION_REACH).enumerate() {
        if ends_clause(&text[previous_end.min(w.start)..w.start]) {
            return false;
        }
        previous_end = w.end;
        // `led J.P. Morgan and Citigroup to slash their price targets`: an infinitive's subject.
        if w.key == "to" && after.get(k + 1).is_some_and(|n| is_rating_verb(&n.key) || is_change_verb(&n.key)) {
            continue;
        }
        // `GVA was raised to Buy`, `had its target lifted`: what is rated, not who rates.
        // `Tesla fell after a downgrade by…`: the rating change is the cause, not the name's act.
        if is_link_word(&w.key)
            || matches!(
                &*w.key,
                "was" | "were" | "been" | "is" | "had" | "foi" | "foram" | "after" | "following" | "amid" | "apos"
            )
        {
            return false;
        }
        if is_rating_verb(&w.key) {
            return true;
        }
        if is_change_verb(&w.key) {
            let next = after.partition_point(|o| o.start <= w.start);
            return after[next..].iter().take(OBJECT_REACH).any(|o| is_rating_object(&o.key));
        }
    }
    false
}

/// Words that put a name in a clause of its own or make it an object (`para neutra e cortou`).
fn is_link_word(key: &str) -> bool {
    matches!(
        key,
        "para"
            | "to"
            | "e"
            | "and"
            | "de"
            | "da"
            | "do"
            | "of"
            | "for"
            | "with"
            | "com"
            | "em"
            | "in"
            | "while"
            | "enquanto"
            | "but"
            | "mas"
    )
}

fn ends_clause(gap: &str) -> bool {
    gap.contains(['.', ';', ',', ':', '!', '?'])
}

/// Whether the gap after word `w` ends a sentence or a clause (`. `, `;`), not an initial's full
/// stop (`J.P. Morgan`, `B. Riley`).
pub(super) fn ends_sentence(gap: &str, w: &Token) -> bool {
    let initial = w.text.chars().count() == 1 && w.upper;
    (gap.contains(". ") && !initial) || gap.contains(';')
}

#[cfg(test)]
#[path = "mentions_tests.rs"]
mod tests;
