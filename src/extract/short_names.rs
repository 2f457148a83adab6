//! A company's first word standing for it once the text has named it in full: after
//! `American Airlines Group` and `Southwest Airlines`, "American was up 2.2 percent and Southwest
//! gained 0.8 percent" names AAL and LUV. News writes companies so: the full name once, then
//! its first word.
//!
//! The first word counts only as written in the full name (capitalised), later in the text, when
//! no two companies of the text share it, and where a company stands: before a verb of the news
//! (`American was up`, `Southwest gained`), a possessive, `and` or punctuation, never before
//! another word of a name (`American Express`) or a noun (`American consumers`). Words that begin many unrelated names (`First`, `Bank`,
//! `General`, `Banco`) never stand alone.
//!
//! Likewise a short name that needs company context (`Fleury`, a surname too) is a company when
//! it is listed right next to a company found in context (`Fleury e Odontoprev caíram`).

use super::company_context::is_move_verb;
use super::fx_hash::FxHashMap;
use super::lexicon::Via;
use super::tickers::TickerMatch;
use super::tokens::Token;
use super::words::is_company_suffix;
use crate::model::Symbol;

/// First words of many company names that say nothing alone.
const GENERIC_FIRST: &[&str] = &[
    "the",
    "first",
    "general",
    "national",
    "international",
    "global",
    "new",
    "bank",
    "banco",
    "banca",
    "grupo",
    "group",
    "companhia",
    "cia",
    "china",
    "us",
    "u",
    "royal",
    "great",
    "north",
    "south",
    "east",
    "west",
    "central",
    "pacific",
    "atlantic",
    "federal",
    "capital",
    "lojas",
    "magazine",
    "santander",
];

/// Words after which a first word stands for its company, besides the verbs of a price move
/// (`company_context::is_move_verb`): other verbs of the news and a few joiners, English and
/// Portuguese (folded).
#[rustfmt::skip]
const AFTER: &[&str] = &[
    "was", "is", "were", "has", "had", "said", "says", "saw", "sees", "rises", "falls", "gains", "slipped", "added",
    "lost", "reported", "reports", "posted", "posts", "expects", "expected", "forecast", "forecasts", "also",
    "shares", "stock", "will", "would", "plans", "announced", "earned", "beat", "missed", "and", "or", "closed",
    "ended", "traded", "disappointed", "teve", "registrou", "lucrou", "informou", "disse", "fechou", "e",
];

/// The later mentions of `named` companies by their first word alone, in text order.
pub(crate) fn short_names(text: &str, tokens: &[Token], named: &[TickerMatch]) -> Vec<TickerMatch> {
    // First word → (symbol, where its full name ends), or None when two companies share it.
    let mut firsts: FxHashMap<&str, Option<(&Symbol, usize)>> = FxHashMap::default();
    let mut pairs: FxHashMap<(&str, &str), Option<(&Symbol, usize)>> = FxHashMap::default();
    for m in named.iter().filter(|m| matches!(m.via, Via::Name | Via::Alias | Via::UserAlias)) {
        let first = tokens.partition_point(|t| t.start < m.span.start);
        if tokens.get(first).is_none_or(|t| t.start != m.span.start) {
            continue;
        }
        let word = &tokens[first];
        let several_words = tokens.get(first + 1).is_some_and(|next| next.joins_previous && next.end <= m.span.end);
        if !several_words || !word.capitalized || word.upper || word.text.len() < 4 {
            continue;
        }
        if GENERIC_FIRST.contains(&&*word.key) {
            // `Royal Bank of Canada` … `Royal Bank's total return`: its first two words, when
            // the first alone says nothing.
            let second = &tokens[first + 1];
            let longer = tokens.get(first + 2).is_some_and(|t| t.joins_previous && t.end <= m.span.end);
            if longer && second.capitalized && !second.upper && text[word.end..second.start] == *" " {
                pairs
                    .entry((word.text, second.text))
                    .and_modify(|seen| {
                        if seen.is_some_and(|(symbol, _)| symbol != &m.symbol) {
                            *seen = None;
                        }
                    })
                    .or_insert(Some((&m.symbol, m.span.end)));
            }
            continue;
        }
        firsts
            .entry(word.text)
            .and_modify(|seen| {
                if seen.is_some_and(|(symbol, _)| symbol != &m.symbol) {
                    *seen = None;
                }
            })
            .or_insert(Some((&m.symbol, m.span.end)));
    }
    let initials = initials_of(tokens, named);
    if firsts.is_empty() && pairs.is_empty() && initials.is_empty() {
        return Vec::new();
    }
    let covered = |t: &Token| {
        let before = named.partition_point(|m| m.span.start <= t.start);
        before.checked_sub(1).is_some_and(|m| named[m].span.end > t.start)
    };
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // `Research In Motion` … `RIM's share price`: the initials of a name of three words or more.
        if t.upper
            && let Some(Some((symbol, named_until))) = initials.get(t.text)
            && t.start >= *named_until
            && !covered(t)
            // (Not the symbol bracketed after the name: `American Electric Power (AEP +0.6%)`.)
            && !text[..t.start].ends_with(['(', ':'])
        {
            found.push(TickerMatch { span: t.start..t.end, symbol: (*symbol).clone(), via: Via::Name });
            continue;
        }
        if !t.capitalized || t.upper {
            continue;
        }
        // The name's last token: the word itself, or the second of a pair.
        let pair = tokens
            .get(i + 1)
            .filter(|n| n.joins_previous && text[t.end..n.start] == *" ")
            .and_then(|n| pairs.get(&(t.text, n.text)).copied().flatten());
        let (last, (symbol, named_until)) = match (pair, firsts.get(t.text)) {
            (Some(found), _) => (i + 1, found),
            (None, Some(Some(found))) => (i, *found),
            _ => continue,
        };
        let t = &tokens[last];
        let start = tokens[i].start;
        let stands = match tokens.get(last + 1) {
            Some(next) if next.joins_previous => {
                &*next.key == "s"
                    || (!next.capitalized
                        && (AFTER.contains(&&*next.key) || is_move_verb(&next.key))
                        && text[t.end..next.start] == *" ")
            }
            _ => !(text[t.end..].starts_with(['-', '.']) && text[t.end + 1..].starts_with(char::is_alphanumeric)),
        };
        if start < named_until || !stands || covered(&tokens[i]) || covered(&tokens[last]) {
            continue;
        }
        found.push(TickerMatch { span: start..t.end, symbol: symbol.clone(), via: Via::Name });
    }
    found
}

/// The initials of the companies named in three words or more (`Research In Motion` → `RIM`,
/// `Companhia Siderúrgica Nacional` → `CSN`; with or without the small words' letters), each with
/// its symbol and where its name ends, or None when two companies share them.
fn initials_of<'a>(tokens: &[Token], named: &'a [TickerMatch]) -> FxHashMap<String, Option<(&'a Symbol, usize)>> {
    let mut initials: FxHashMap<String, Option<(&Symbol, usize)>> = FxHashMap::default();
    for m in named.iter().filter(|m| matches!(m.via, Via::Name | Via::Alias | Via::UserAlias)) {
        let mut words = &tokens
            [tokens.partition_point(|t| t.start < m.span.start)..tokens.partition_point(|t| t.end <= m.span.end)];
        // (`Research In Motion Ltd.`: without its legal suffix.)
        while let [rest @ .., last] = words
            && is_company_suffix(&last.key)
        {
            words = rest;
        }
        if words.len() < 3 || words.iter().any(|w| w.upper && w.text.len() > 1) {
            continue;
        }
        let letters = |keep: &dyn Fn(&Token) -> bool| -> String {
            words
                .iter()
                .filter(|w| keep(w))
                .filter_map(|w| w.text.chars().next())
                .flat_map(char::to_uppercase)
                .collect()
        };
        let all = letters(&|_| true);
        let capitals = letters(&|w| w.capitalized);
        for key in [all, capitals] {
            if key.chars().count() < 3 || !key.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            initials
                .entry(key)
                .and_modify(|seen| {
                    if seen.is_some_and(|(symbol, _)| symbol != &m.symbol) {
                        *seen = None;
                    }
                })
                .or_insert(Some((&m.symbol, m.span.end)));
        }
    }
    initials
}

/// `Fleury e Odontoprev caíram`, `Anima, Ser e Kroton`: a name out of company context listed
/// right next to a company found in context is a company too (read outwards from those found).
pub(super) fn listed_with_companies(
    text: &str,
    found: &[TickerMatch],
    pending: &mut Vec<TickerMatch>,
) -> Vec<TickerMatch> {
    let mut promoted = Vec::new();
    if pending.is_empty() {
        return promoted;
    }
    let mut ends: Vec<usize> = found.iter().map(|f| f.span.end).collect();
    let mut starts: Vec<usize> = found.iter().map(|f| f.span.start).collect();
    ends.sort_unstable();
    starts.sort_unstable();
    let list_gap = |gap: &str| matches!(gap, ", " | " e " | " and " | ", e " | ", and " | " ou " | " or ");
    // (A chain `A, B e C` with C in context reads B, then A: a few passes, each a bisection.)
    for _ in 0..4 {
        let before = pending.len();
        pending.retain(|p| {
            let prev = ends.partition_point(|&e| e <= p.span.start).checked_sub(1).map(|k| ends[k]);
            let next = starts.get(starts.partition_point(|&s| s < p.span.end)).copied();
            let joined = prev.is_some_and(|e| list_gap(&text[e..p.span.start]))
                || next.is_some_and(|s| list_gap(&text[p.span.end..s]));
            if joined {
                promoted.push(p.clone());
            }
            !joined
        });
        if pending.len() == before {
            break;
        }
        ends = found.iter().chain(&promoted).map(|f| f.span.end).collect();
        starts = found.iter().chain(&promoted).map(|f| f.span.start).collect();
        ends.sort_unstable();
        starts.sort_unstable();
    }
    promoted
}

#[cfg(test)]
mod tests {
    use crate::extract::Lexicon;
    use crate::extract::tickers::tickers;
    use crate::extract::tokens::tokens;

    fn symbols(text: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::bundled();
        let words = tokens(text);
        tickers(text, &words, &lexicon).into_iter().map(|m| (text[m.span].to_owned(), m.symbol.to_string())).collect()
    }

    #[test]
    fn a_first_word_names_the_company_named_before_in_full() {
        let found = symbols(
            "Southwest Airlines posted a profit. Southwest gained 0.8 percent; JetBlue Airways fell and JetBlue was off 2.9 percent.",
        );
        assert!(found.contains(&("Southwest".to_owned(), "LUV".to_owned())), "{found:?}");
        assert!(found.contains(&("JetBlue".to_owned(), "JBLU".to_owned())), "{found:?}");
    }

    #[test]
    fn a_first_word_before_the_full_name_or_running_into_another_name_is_not_the_company() {
        let found = symbols(
            "Southwest Florida grew. Southwest Airlines posted a profit; Southwest Gas did not, Southwest flights did.",
        );
        assert_eq!(found.iter().filter(|(text, _)| text == "Southwest").count(), 0, "{found:?}");
    }

    #[test]
    fn two_first_words_name_the_company_when_the_first_alone_says_nothing() {
        let found = symbols("Royal Bank of Canada fell 1%. Royal Bank's total return was 11.8 per cent; Royal rose.");
        assert!(found.contains(&("Royal Bank".to_owned(), "RY".to_owned())), "{found:?}");
        assert!(!found.iter().any(|(text, _)| text == "Royal"), "{found:?}");
    }

    #[test]
    fn the_initials_of_a_long_name_name_the_company_after_it() {
        let found = symbols(
            "RIM fell. Shares of Research in Motion Ltd. rose 2.5 percent. RIM's share price has fallen 70 percent.",
        );
        assert_eq!(found.iter().filter(|(text, symbol)| text == "RIM" && symbol == "BB").count(), 1, "{found:?}");
        let found = symbols("A Companhia Siderúrgica Nacional subiu 2%. A CSN caiu 1%.");
        assert!(found.contains(&("CSN".to_owned(), "CSNA3".to_owned())), "{found:?}");
    }

    #[test]
    fn generic_first_words_never_stand_alone() {
        let found =
            symbols("First Solar rose 3%. First, the market fell; General Motors rose and General news was thin.");
        assert!(!found.iter().any(|(text, _)| text == "First" || text == "General"), "{found:?}");
    }
}
