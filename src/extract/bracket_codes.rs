//! A name and the code in brackets after it: when a bracketed word is a symbol at all
//! (`Campbell Soup (CPB)`, `Alphabet (GOOG)`), and when the two disagree. The code is what the writer
//! looked up, so it outranks a name the lexicon reads another way:
//! - `Boyd Gaming (BYD)`: a listed symbol in brackets after a capitalised name is that symbol,
//!   not a company the same word names (`BYD`, the Chinese carmaker);
//! - `Brookfield (BISA3, -0,68%)`: a B3 code no listing has any more after a name the lexicon
//!   gives another company (Brookfield Corporation) names a company gone from the exchange;
//! - `Sprint (NYSE:S)`: a company no longer listed, with its old symbol after it, is not the
//!   company that holds the symbol now (SentinelOne).

use std::collections::HashSet;

use super::defunct::defunct_at;
use super::lexicon::Lexicon;
use super::tokens::Token;
use super::unlisted::is_b3_form;
use super::words::is_company_suffix;

/// Whether token `i`, alone in brackets right after a capitalised word, is a listed symbol that
/// should be read as such rather than as a name: the name before it is not the company the word
/// would name (`Banco do Brasil (BB)` stays Banco do Brasil's).
pub(super) fn symbol_in_brackets(text: &str, tokens: &[Token], i: usize, lexicon: &Lexicon, named: &str) -> bool {
    let word = &tokens[i];
    let closes = text[word.end..].starts_with(')');
    if !word.upper || !closes || word.text.len() < 2 || named == word.text || lexicon.symbol(word.text).is_none() {
        return false;
    }
    let Some(before) = text[..word.start].trim_end_matches(' ').strip_suffix('(') else { return false };
    let before = before.trim_end();
    let Some(k) = i.checked_sub(1) else { return false };
    if !(tokens[k].capitalized && !tokens[k].upper && before.len() == tokens[k].end) {
        return false;
    }
    // The name before the bracket, back to its first capitalised word: none of its words may name
    // the company the bracketed word would (`BYD Co. (BYD)`, `Banco do Brasil (BB)`).
    let mut from = k;
    while from > 0 && k - from < 4 && tokens[from].joins_previous && tokens[from - 1].has_upper {
        from -= 1;
    }
    let words: Vec<&str> = tokens[from..=k].iter().map(|t| &*t.key).collect();
    (0..words.len()).all(|a| {
        (a + 1..=words.len())
            .all(|b| lexicon.name(&words[a..b].join(" ")).and_then(|e| e.symbol.as_deref()) != Some(named))
    })
}

/// Whether the name ending at token `end` is followed by a bracketed B3 code (`BISA3`, `RSID3`)
/// that no listing has: the company named is one gone from the exchange, not the one the lexicon
/// gives the name to.
/// (`Vale (VALE5)`, `Gol (GOLL54)`, `Magazine Luiza (MLGU3)`: a class no longer traded, or a
/// typo, of the company the name gives, `named`, is still that company; so is any code after the
/// name of a company listed on B3.)
pub(super) fn unknown_b3_code_after(text: &str, tokens: &[Token], end: usize, lexicon: &Lexicon, named: &str) -> bool {
    let Some(code) = tokens.get(end + 1) else { return false };
    let gap = &text[tokens[end].end..code.start];
    let root = |s: &str| {
        let mut letters: Vec<u8> = s.bytes().take(4).collect();
        letters.sort_unstable();
        letters
    };
    // (Only a name the lexicon gives a company listed elsewhere: `Embraer (EMBJ3)`, a code the
    // reference does not have yet, or `Suzano (SUZN3)`, a typo, are still the B3 company named.)
    gap.trim() == "("
        && is_b3_form(code.text)
        && !is_b3_form(named)
        && root(code.text) != root(named)
        && lexicon.symbol(code.text).is_none()
        && lexicon.renamed(code.text).is_none()
        && text[code.end..].starts_with([')', ',', ';'])
}

/// Whether token `i` (a symbol, maybe after `NYSE:`) is in brackets right after the name of a
/// company no longer listed (`Sprint (NYSE:S)`, `Qwest (Q)`).
pub(super) fn after_defunct_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let before = text[..tokens[i].start].trim_end_matches(' ');
    // (`(NYSE:S)`, `(NYSE: S)`: the exchange's word first.)
    let (before, first) = match before.strip_suffix(':') {
        Some(b) if i > 0 && tokens[i - 1].upper && b.len() == tokens[i - 1].end => {
            (text[..tokens[i - 1].start].trim_end_matches(' '), i - 1)
        }
        _ => (before, i),
    };
    let Some(before) = before.strip_suffix('(').map(str::trim_end) else { return false };
    let Some(last) = first.checked_sub(1).filter(|&k| before.len() == tokens[k].end) else { return false };
    (last.saturating_sub(3)..=last).any(|k| defunct_at(tokens, k) && name_reaches(tokens, k, last))
}

/// Whether the capitalised words from `k` run up to `last` without a break (`Pier 1 Imports`).
fn name_reaches(tokens: &[Token], k: usize, last: usize) -> bool {
    (k + 1..=last).all(|j| tokens[j].joins_previous && (tokens[j].capitalized || tokens[j].is_digits()))
}

/// `Alphabet (GOOG)`: a symbol in brackets right after a ticker already found (`ends` are the
/// byte ends of the tickers found).
pub(super) fn in_brackets_after_ticker(text: &str, at: usize, ends: &HashSet<usize>) -> bool {
    let before = &text[..at];
    let Some(open) = before.trim_end_matches([' ', '\u{a0}']).strip_suffix('(') else { return false };
    ends.contains(&open.trim_end_matches([' ', '\u{a0}']).len())
}

/// `Campbell Soup (CPB)`: a listed symbol alone in brackets right after a capitalised word, as
/// news name a company the reference list spells otherwise (`CAMPBELL'S Co`).
pub(super) fn in_brackets_after_name(text: &str, tokens: &[Token], i: usize, used: usize) -> bool {
    let (first, last) = (&tokens[i], &tokens[i + used - 1]);
    let closes = text[last.end..].starts_with(')');
    // (`Symantec\n(SYMC) - Get Report`: the bracket on the next line.)
    let opens = text[..first.start].trim_end_matches(' ').strip_suffix('(').map(str::trim_end);
    let name_before = i > 0 && tokens[i - 1].capitalized && tokens[i - 1].has_letter();
    // (`DeVita Inc. (DVA)`: the full stop of a legal suffix before the bracket.)
    let opens = opens.map(|b| match b.strip_suffix('.') {
        Some(cut) if i > 0 && is_company_suffix(&tokens[i - 1].key) => cut,
        _ => b,
    });
    closes && name_before && opens.is_some_and(|b| b.len() == tokens[i - 1].end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn lexicon() -> Lexicon {
        Lexicon::new([("BYD", "BOYD GAMING CORP"), ("BN", "BROOKFIELD CORP"), ("S", "SENTINELONE INC")])
    }

    #[test]
    fn a_defunct_name_owns_the_symbol_after_it() {
        for (text, at, expected) in [
            ("Sprint (NYSE:S) announced an offer", "S)", true),
            ("Sprint (S) fell", "S)", true),
            ("SentinelOne (NYSE:S) fell", "S)", false),
            ("Sprint rose and (S) fell", "S)", false),
        ] {
            let words = tokens(text);
            let i = words.iter().position(|w| text[w.start..].starts_with(at)).unwrap();
            assert_eq!(after_defunct_name(text, &words, i), expected, "{text}");
        }
    }

    #[test]
    fn an_unknown_b3_code_after_a_name_is_another_company() {
        let lexicon = lexicon();
        for (text, named, expected) in [
            ("Brookfield (BISA3, -0,68%)", "BN", true),
            ("Brookfield (BISA3)", "BN", true),
            ("Brookfield (BN) rose", "BN", false),
            ("Brookfield (em reais)", "BN", false),
            ("Brookfield (BROK34)", "BN", false),
            ("Vale (VALE5)", "VALE3", false),
            ("Magazine Luiza (MLGU3)", "MGLU3", false),
            ("Embraer (EMBJ3)", "EMBR3", false),
            ("Suzano (SUZN3)", "SUZB3", false),
        ] {
            let words = tokens(text);
            let end = words.iter().position(|w| text[w.end..].starts_with(" (")).unwrap();
            assert_eq!(unknown_b3_code_after(text, &words, end, &lexicon, named), expected, "{text}");
        }
    }

    #[test]
    fn a_listed_symbol_in_brackets_outranks_a_name_of_the_same_word() {
        let lexicon = lexicon();
        for (text, expected) in [
            ("Boyd Gaming (BYD) fell", true),
            ("Boyd Gaming\n\n(BYD) - Get Report", true),
            ("shares of (BYD) fell", false),
            ("Boyd Gaming (BYD fell", false),
        ] {
            let words = tokens(text);
            let i = words.iter().position(|w| w.text == "BYD").unwrap();
            assert_eq!(symbol_in_brackets(text, &words, i, &lexicon, "1211.HK"), expected, "{text}");
        }
    }
}
