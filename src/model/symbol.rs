//! Ticker symbols in one normalised spelling.
//!
//! `nvda`, `$NVDA` and `NVDA` are one symbol; so are `BRK.B`, `BRK/B` and `BRK-B` (US share
//! classes use a hyphen, as the SEC list does, and so do `-WT`, `-PA` and other US suffixes typed
//! with a hyphen or slash). A dot before anything but a share class is an exchange suffix and
//! stays (`7203.T`, `RY.TO`, `VOD.L`): without it the symbol would name a different listing
//! (`RY` is the NYSE listing of Royal Bank of Canada, `RY.TO` its Toronto one), or none (`7203`).
//! The one exception is B3's `.SA`: a B3 symbol (`PETR4`, a four-character root and a class
//! number) has a shape no US symbol has, so `PETR4.SA` is `PETR4`. The store also maps `BAC.PB`
//! to `BAC-PB` when only the hyphenated form is in the reference list.
//!
//! Full-width letters and digits (`ＰＥＴＲ４`, typed with an East Asian input method) are read as
//! their ASCII forms.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::Invalid;
use super::markets::is_b3_symbol;

/// A normalised ticker symbol: upper case ASCII letters and digits, with at most one `-` or `.`
/// separating a short suffix.
///
/// Held inline (at most 15 bytes, zero-padded), so that copying one allocates nothing: text
/// analysis clones symbols into every mention, figure and view. The padding keeps the derived
/// order that of the text (`AB` < `ABC` < `AC`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Symbol {
    bytes: [u8; MAX_LEN],
    len: u8,
}

const MAX_BASE: usize = 10;
const MAX_SUFFIX: usize = 4;
/// The longest symbol: a base, a separator and a suffix.
const MAX_LEN: usize = MAX_BASE + 1 + MAX_SUFFIX;

impl Symbol {
    /// Parses what a user typed (`$brk.b`, ` nvda `) into a symbol, or says why it is not one.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let narrow: std::borrow::Cow<str> =
            if text.is_ascii() { text.into() } else { text.chars().map(narrow_width).collect::<String>().into() };
        let trimmed = narrow.trim();
        let bare = trimmed.strip_prefix('$').unwrap_or(trimmed);
        if bare.is_empty() {
            return Err(Invalid::new("a ticker symbol cannot be empty"));
        }
        let upper = bare.to_ascii_uppercase();
        let (base, separator, suffix) = match upper.find(['.', '-', '/']) {
            Some(at) => (&upper[..at], &upper[at..at + 1], Some(&upper[at + 1..])),
            None => (upper.as_str(), "", None),
        };
        let alnum = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric());
        let valid_base = !base.is_empty() && base.len() <= MAX_BASE && alnum(base);
        let valid_suffix = suffix.is_none_or(|s| !s.is_empty() && s.len() <= MAX_SUFFIX && alnum(s));
        if !valid_base || !valid_suffix || !upper.chars().any(|c| c.is_ascii_alphabetic()) {
            return Err(Invalid::new(format!(
                "{text:?} is not a ticker symbol (letters and digits, like NVDA, BRK.B, PETR4 or 7203.T)"
            )));
        }
        Ok(match suffix {
            None => Self::inline(&[base]),
            Some(suffix) if separator != "." || is_share_class(base, suffix) => Self::inline(&[base, "-", suffix]),
            Some("SA") if is_b3_symbol(base) => Self::inline(&[base]),
            Some(suffix) => Self::inline(&[base, ".", suffix]),
        })
    }

    /// The symbol spelled by `parts` (checked by `parse`: ASCII, at most `MAX_LEN` bytes).
    fn inline(parts: &[&str]) -> Self {
        let mut bytes = [0; MAX_LEN];
        let mut len = 0;
        for b in parts.iter().flat_map(|p| p.bytes()).take(MAX_LEN) {
            bytes[len] = b;
            len += 1;
        }
        Self { bytes, len: len as u8 }
    }

    /// The symbol's ASCII bytes, for comparisons that need no `str`.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The symbol as text.
    pub fn as_str(&self) -> &str {
        // Always ASCII: `parse` lets nothing else in.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Symbol").field(&self.as_str()).finish()
    }
}

/// The ASCII form of a full-width character (`Ｐ` → `P`, `＄` → `$`, `．` → `.`); others unchanged.
fn narrow_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// `BRK.B`: a letters-only base with a one-letter class, the US convention the SEC list spells
/// with a hyphen. Anything else after a dot is an exchange suffix (`7203.T`, `VOD.L`, `PETR4.SA`).
fn is_share_class(base: &str, suffix: &str) -> bool {
    base.chars().all(|c| c.is_ascii_alphabetic())
        && suffix.len() == 1
        && matches!(suffix, "A" | "B" | "C" | "D" | "E" | "K")
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for Symbol {
    type Error = Invalid;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Symbol> for String {
    fn from(value: Symbol) -> Self {
        value.as_str().to_owned()
    }
}

impl std::str::FromStr for Symbol {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_small_and_order_as_their_text() {
        assert_eq!(std::mem::size_of::<Symbol>(), 16);
        let mut symbols: Vec<Symbol> =
            ["AC", "ABC", "AB", "BRK-B", "BRK", "A", "7203.T", "PETR4"].iter().map(|s| s.parse().unwrap()).collect();
        symbols.sort();
        let texts: Vec<&str> = symbols.iter().map(Symbol::as_str).collect();
        assert_eq!(texts, ["7203.T", "A", "AB", "ABC", "AC", "BRK", "BRK-B", "PETR4"]);
        assert_eq!(format!("{:?}", symbols[1]), "Symbol(\"A\")");
        let longest: Symbol = "ABCDEFGHIJ.WXYZ".parse().unwrap();
        assert_eq!(longest.as_str(), "ABCDEFGHIJ.WXYZ");
    }

    #[test]
    fn spellings_of_one_symbol_normalise_alike() {
        for (typed, normal) in [
            ("NVDA", "NVDA"),
            ("$nvda", "NVDA"),
            (" nvda ", "NVDA"),
            ("BRK.B", "BRK-B"),
            ("brk/b", "BRK-B"),
            ("$brk.b", "BRK-B"),
            ("BRK-B", "BRK-B"),
            ("PETR4", "PETR4"),
            ("7203.T", "7203.T"),
            ("petr4.sa", "PETR4"),
            ("$PETR4.SA", "PETR4"),
            ("KLBN11.SA", "KLBN11"),
            ("VALE.SA", "VALE.SA"),
            ("PETR4.XX", "PETR4.XX"),
            ("RY.TO", "RY.TO"),
            ("7203.t", "7203.T"),
            ("ＰＥＴＲ４", "PETR4"),
            ("＄ｐｅｔｒ４．ｓａ", "PETR4"),
            ("\u{3000}NVDA\u{3000}", "NVDA"),
            ("VOD.L", "VOD.L"),
            ("XYZ-WT", "XYZ-WT"),
            ("xyz/ws", "XYZ-WS"),
        ] {
            assert_eq!(Symbol::parse(typed).map(String::from), Ok(normal.to_owned()), "{typed}");
        }
    }

    #[test]
    fn non_symbols_are_refused_with_a_reason() {
        for typed in [
            "",
            "$",
            "6",
            "$100",
            "NV DA",
            "NVDA!",
            "ABCDEFGHIJKL",
            "A.",
            "A.B.C",
            "ação",
            "1-2",
            "$.SA",
            ".SA",
            "PETR4.",
            "PETR4.SA.SA",
            "ＰＥＴＲ４\u{301}",
            "７２０３",
        ] {
            assert!(Symbol::parse(typed).is_err(), "{typed:?} should not be a symbol");
        }
    }
}
