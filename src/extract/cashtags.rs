//! Cashtags: `$NVDA`, `$brk.b`, `$PETR4`, `$PETR4.SA` name tickers; money such as `$6M`, `$5.6` or
//! `US$ 6` does not, nor do B3 option codes (`$PETRK330`) or index tags (`$INDU`), which are not
//! stocks.

use std::ops::Range;

use crate::model::{Symbol, is_b3_option};

/// A cashtag found in text: the symbol it names and its byte range (including the `$`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cashtag {
    pub symbol: Symbol,
    pub span: Range<usize>,
}

const MAX_BASE: usize = 10;
const MAX_SUFFIX: usize = 4;

/// Finds every cashtag in `text`, in order. A cashtag is a `$` that does not follow a letter or
/// digit (so `US$` and `R$` are currencies), then a letter, then letters and digits, with an
/// optional `.B`/`-B`/`/B`-style suffix. Amounts (`$6M`, `$500B`, `$100`) start with a digit and
/// are never tickers; TeX-like `$x$` is not a cashtag either.
pub fn cashtags(text: &str) -> Vec<Cashtag> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (start, _) in text.match_indices('$') {
        let follows_word = text[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '$');
        if follows_word || !bytes.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let base_end = alnum_end(bytes, start + 1);
        if base_end - start - 1 > MAX_BASE || next_is_word(text, base_end) {
            continue;
        }
        let mut end = base_end;
        if matches!(bytes.get(base_end), Some(b'.' | b'-' | b'/')) {
            let suffix_end = alnum_end(bytes, base_end + 1);
            let suffix_len = suffix_end - base_end - 1;
            if (1..=MAX_SUFFIX).contains(&suffix_len) && !next_is_word(text, suffix_end) {
                end = suffix_end;
            }
        }
        let tag = &text[start + 1..end];
        if bytes.get(end) == Some(&b'$') || is_b3_option(tag) || is_money(tag) || is_index_tag(tag) {
            continue;
        }
        if let Ok(symbol) = Symbol::parse(tag) {
            found.push(Cashtag { symbol, span: start..end });
        }
    }
    found
}

/// An index's tag as market sites write it (`$INDU` for the Dow, `$COMPQ`, `$SPX`): no stock.
fn is_index_tag(base: &str) -> bool {
    ["INDU", "COMPQ", "SPX", "NDX", "DJI", "DJIA", "RUT", "VIX"].iter().any(|t| t.eq_ignore_ascii_case(base))
}

/// A currency code glued to its amount after the sign (`$US25.72`, `$A1.2`) is money, not a
/// ticker.
fn is_money(base: &str) -> bool {
    let letters = base.bytes().take_while(u8::is_ascii_alphabetic).count();
    base.as_bytes().get(letters).is_some_and(u8::is_ascii_digit) && matches!(&base[..letters], "US" | "A")
}

fn alnum_end(bytes: &[u8], from: usize) -> usize {
    from + bytes[from.min(bytes.len())..].iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

/// A letter or digit (of any script) right after a candidate means it is part of a longer word.
fn next_is_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn symbols(text: &str) -> Vec<String> {
        cashtags(text).into_iter().map(|c| c.symbol.to_string()).collect()
    }

    #[test]
    fn cashtags_name_tickers() {
        for (text, expected) in [
            ("Buy $NVDA on weakness", &["NVDA"][..]),
            ("$brk.b and $BRK-B", &["BRK-B", "BRK-B"]),
            ("Petrobras ($PETR4), Vale ($VALE3).", &["PETR4", "VALE3"]),
            ("$NVDA.", &["NVDA"]),
            ("$NVDA's drop; $msft, $AAPL!", &["NVDA", "MSFT", "AAPL"]),
            ("line\n$TSM\tthen", &["TSM"]),
            ("$PETR4.SA sobe; $petr3.sa cai; $KLBN11.SA", &["PETR4", "PETR3", "KLBN11"]),
            ("$7203.T", &[]),
            ("$RY.TO and $VOD.L", &["RY.TO", "VOD.L"]),
            ("$PETR4.XX", &["PETR4.XX"]),
            ("the Dow Jones Industrial Average ($INDU) and the Nasdaq ($COMPQ) rose; $AI fell", &["AI"]),
        ] {
            assert_eq!(symbols(text), expected, "{text:?}");
        }
    }

    #[test]
    fn money_is_not_a_cashtag() {
        for text in [
            "$6M",
            "$500B",
            "$5.6",
            "US$ 6 milhões",
            "US$6M",
            "R$ 1,2 bi",
            "costs $100 today",
            "$ NVDA",
            "$$NVDA",
            "math $x$ here",
            "price$NVDA",
            "$NVDAXYZABCDEFG",
            "$é",
            "$.SA",
            "$PETRK330",
            "fell to $US25.72",
            "$A1.2 billion",
            "comprei $petrk330 e $VALEA100W2",
            "＄ＰＥＴＲ４",
        ] {
            assert_eq!(symbols(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn spans_cover_the_cashtag() {
        let text = "ação: $nvda sobe";
        let tags = cashtags(text);
        assert_eq!(&text[tags[0].span.clone()], "$nvda");
    }
}
