//! What around a word in capitals shows it to be a company's symbol rather than a word: a signed
//! move after it (`AU -4.3%`), a Reuters code (`JPM.N`), an exchange before it (`NYSE: VALE`), a
//! stock word next to it (`Shares of RIMM`, `ações da VALE3`), a large company's distinctive
//! symbol; and what shows it is not (an exchange's code before it, an acronym spelled out, a
//! shouted headline).

use super::lexicon::Lexicon;
use super::tokens::Token;
use super::words::is_share_word;

/// Reference companies this large (by rank) may be read from a bare distinctive symbol.
pub(super) const BARE_RANKS: usize = 1000;
/// Three-letter symbols need an even larger company.
pub(super) const BARE_SHORT_RANKS: usize = 300;

/// `AU -4.3%, NG -4.9%`, `(TD +0.9%)`: a signed percentage right after a symbol, as quote lists
/// write a stock's move.
pub(super) fn signed_move_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let Some(rest) = rest.strip_prefix(['+', '-', '−']) else { return false };
    let digits = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
    digits > 0 && rest[digits..].starts_with('%')
}

/// A Reuters instrument code at token `i` (`JPM.N`, `AAPL.O`, `PETR4.SA`, `VOD.L`): `Some(true)`
/// when its exchange is one whose symbols Jevons uses as they are (New York, Nasdaq, B3),
/// `Some(false)` for another (`VOD.L` is London's line, not the NYSE's VOD), `None` for no code.
pub(super) fn reuters_code(text: &str, tokens: &[Token], i: usize) -> Option<bool> {
    let t = &tokens[i];
    let exchange = tokens.get(i + 1).filter(|e| e.start == t.end + 1 && e.upper && &text[t.end..e.start] == ".")?;
    // The code ends the word (`JPM.N fell`, `(C.N)`), unlike `U.S.A` or a decimal.
    if text[exchange.end..].starts_with(|c: char| {
        c.is_alphanumeric() || c == '.' && text[exchange.end + 1..].starts_with(char::is_alphanumeric)
    }) {
        return None;
    }
    match exchange.text {
        "N" | "O" | "OQ" | "SA" | "US" => Some(true),
        "L" | "PA" | "DE" | "T" | "HK" | "TO" | "AX" | "MI" | "MC" | "AS" | "SW" | "F" | "KS" | "TW" => Some(false),
        _ => None,
    }
}

/// Whether the token before `next` is an exchange's code written before a symbol (`SA:BRFS3`).
pub(super) fn exchange_prefix(text: &str, tokens: &[Token], next: usize) -> bool {
    // (`(DE:DBKGn)`: a code in mixed case after the colon, in brackets.)
    let bracketed = |n: &Token| {
        n.text.starts_with(|c: char| c.is_ascii_uppercase()) && text[..tokens[next - 1].start].ends_with('(')
    };
    next > 0
        && tokens
            .get(next)
            .is_some_and(|n| (n.upper || bracketed(n)) && text[tokens[next - 1].end..n.start].trim_end() == ":")
}

/// Whether a bracketed code spells out the words just before its bracket (`provisão para
/// devedores duvidosos (PDD)`, `return on equity (ROE)`): an acronym, not a ticker.
pub(super) fn spells_out(text: &str, tokens: &[Token], i: usize, written: &str) -> bool {
    if !text[..tokens[i].start].trim_end().ends_with('(') {
        return false;
    }
    let letters: Vec<char> = written.chars().filter(char::is_ascii_alphabetic).collect();
    let small =
        |k: &str| matches!(k, "de" | "da" | "do" | "das" | "dos" | "para" | "of" | "the" | "and" | "e" | "for" | "on");
    let initials: Vec<char> = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !small(&t.key))
        .take(letters.len())
        .filter_map(|t| t.key.chars().next())
        .collect();
    initials.len() == letters.len() && initials.iter().rev().zip(&letters).all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// `NASDAQ: NVDA`, `(NYSE:TSM)`, `B3: PETR4`, `(SA:BRFS3)`.
pub(super) fn after_exchange(text: &str, tokens: &[Token], i: usize) -> bool {
    exchange_before(text, tokens, i).is_some_and(|key| is_home_exchange(key) || is_other_exchange(key))
}

/// `NASDAQ: GOGO`, `B3: PETR4`: after an exchange whose symbols Jevons uses as they are (New York,
/// Nasdaq, B3); not `TSX: CNR`, which is no NYSE's `CNR`.
pub(super) fn after_home_exchange(text: &str, tokens: &[Token], i: usize) -> bool {
    exchange_before(text, tokens, i).is_some_and(is_home_exchange)
}

/// The word before token `i` when a colon joins it to the token (`NYSE:` in `NYSE: VALE`).
fn exchange_before<'t>(text: &str, tokens: &'t [Token], i: usize) -> Option<&'t str> {
    let prev = i.checked_sub(1).map(|p| &tokens[p])?;
    (text[prev.end..tokens[i].start].trim() == ":").then_some(&*prev.key)
}

fn is_home_exchange(key: &str) -> bool {
    matches!(key, "nasdaq" | "nsdq" | "nyse" | "amex" | "nysearca" | "nasdaqgs" | "b3" | "sa" | "bvmf" | "bovespa")
}

fn is_other_exchange(key: &str) -> bool {
    matches!(key, "tsx" | "lse" | "hkex" | "otc" | "bmfbovespa" | "xetra" | "euronext")
}

/// `NVDA shares`, `NVDA stock`, `ações da PETR4`, `ticker NVDA`.
pub(super) fn stock_word_near(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let spaced = |a: &Token, b: &Token| text[a.end..b.start].trim().is_empty();
    let after = tokens.get(last + 1).is_some_and(|n| {
        spaced(&tokens[last], n)
            && (is_share_word(&n.key)
                || matches!(&*n.key, "stocks" | "adr" | "adrs" | "calls" | "puts" | "options" | "ticker"))
    });
    let before = first.checked_sub(1).map(|p| &tokens[p]).is_some_and(|p| {
        let of_shares =
            matches!(&*p.key, "da" | "de" | "do" | "of") && first >= 2 && is_share_word(&tokens[first - 2].key);
        spaced(p, &tokens[first]) && (of_shares || matches!(&*p.key, "ticker" | "symbol" | "simbolo" | "codigo"))
    });
    after || before
}

/// How many symbols (and `and`s) of a rated list are read on either side of one.
const LIST_REACH: usize = 40;

/// `Firm downgrades DDS to Sell from Neutral, and downgrades WMT, DLTR, TGT, and NMGA to Neutral
/// from Buy`: symbols a rating act names, alone or listed, then the rating they are moved to.
/// Tokens `first` to `last` are the symbol.
pub(super) fn rated_symbol(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    // (Between two items of the list: a comma, `and` or both.)
    let listed = |t: &Token| t.upper && t.text.len() <= 5 || t.key == "and";
    let joined = |a: &Token, b: &Token| matches!(text[a.end..b.start].trim(), "" | ",");
    // (A list's reach is bounded: a text of thousands of symbols stays linear.)
    let mut before = first;
    while before > 0
        && first - before < LIST_REACH
        && listed(&tokens[before - 1])
        && joined(&tokens[before - 1], &tokens[before])
    {
        before -= 1;
    }
    let act = before.checked_sub(1).map(|p| &tokens[p]).is_some_and(|p| {
        joined(p, &tokens[before])
            && matches!(
                &*p.key,
                "upgrades"
                    | "downgrades"
                    | "upgraded"
                    | "downgraded"
                    | "initiates"
                    | "initiated"
                    | "reiterates"
                    | "reiterated"
                    | "resumes"
                    | "resumed"
                    | "assumes"
                    | "assumed"
            )
    });
    if !act {
        return false;
    }
    let mut after = last + 1;
    while after < tokens.len()
        && after - last < LIST_REACH
        && listed(&tokens[after])
        && joined(&tokens[after - 1], &tokens[after])
    {
        after += 1;
    }
    let rating = |t: &Token| {
        t.capitalized
            && matches!(
                &*t.key,
                "buy"
                    | "sell"
                    | "hold"
                    | "neutral"
                    | "outperform"
                    | "underperform"
                    | "overweight"
                    | "underweight"
                    | "accumulate"
                    | "reduce"
                    | "market"
                    | "sector"
                    | "peer"
                    | "equal"
                    | "strong"
                    | "coverage"
            )
    };
    let to = tokens.get(after).filter(|t| matches!(&*t.key, "to" | "at" | "with") && joined(&tokens[after - 1], t));
    to.is_some() && tokens.get(after + 1).is_some_and(rating)
}

/// A symbol that is hard to mistake: four letters or more of a large company, or three of a very
/// large or well-known one (`TSM`).
pub(super) fn distinctive(written: &str, rank: Option<usize>, well_known: bool) -> bool {
    let letters = written.chars().filter(char::is_ascii_alphabetic).count();
    let large = |limit: usize| well_known || rank.is_some_and(|r| r < limit);
    (letters >= 4 && large(BARE_RANKS)) || (letters == 3 && large(BARE_SHORT_RANKS))
}

/// Whether the words around token `i` are mostly in capitals (a headline, a shouted line); other
/// symbols do not count, so a list of tickers is not a headline.
pub(super) fn shouted(tokens: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    let window = &tokens[i.saturating_sub(4)..(i + 5).min(tokens.len())];
    let (mut words, mut upper) = (0, 0);
    for t in window {
        if t.has_letter() && t.text.chars().count() > 1 && !(t.upper && lexicon.symbol(t.text).is_some()) {
            words += 1;
            upper += usize::from(t.upper);
        }
    }
    words >= 4 && upper * 10 >= words * 7
}

/// `said CFO Peter Oppenheimer`, `o analista Pedro Santander`: a name after a person's title and a
/// given name (one capitalised word) is that person's surname, not the company (token `i`).
pub(super) fn titled_person(text: &str, tokens: &[Token], i: usize) -> bool {
    i >= 2
        && tokens[i - 1].capitalized
        && !tokens[i - 1].upper
        && text[tokens[i - 1].end..tokens[i].start] == *" "
        && text[tokens[i - 2].end..tokens[i - 1].start] == *" "
        && matches!(
            &*tokens[i - 2].key,
            "ceo"
                | "cfo"
                | "coo"
                | "cto"
                | "chairman"
                | "chairwoman"
                | "president"
                | "analyst"
                | "economist"
                | "strategist"
                | "spokesman"
                | "spokeswoman"
                | "founder"
                | "analista"
                | "economista"
                | "estrategista"
                | "presidente"
                | "diretor"
                | "diretora"
        )
}
