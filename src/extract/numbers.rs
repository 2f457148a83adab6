//! Numerals as English and Portuguese write them: `2,048` and `2.048` are both two thousand and
//! forty-eight in their own language, `1.5` and `1,5` both one and a half.
//!
//! The shape decides when it can (`1,234.5`, `1.234.567`, `16,9`, `0.75`); otherwise the language
//! of the sentence does (`2.000` is two thousand in Portuguese). When neither settles it — `2.000`
//! alone in an English note — the reading is marked ambiguous and the other reading is kept,
//! never dropped silently.

use super::Language;

/// A numeral read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    /// Byte just past the last digit.
    pub end: usize,
    pub value: f64,
    /// The other possible reading when the numeral is ambiguous.
    pub alternative: Option<f64>,
}

/// The longest numeral shape allowed (longer digit runs are identifiers, not amounts).
const MAX_LEN: usize = 40;

/// Reads the numeral that starts at byte `start` (an ASCII digit) in the conventions of
/// `language`. `scaled` says a scale word follows (`1.125 billion`), which in English makes a
/// dot before three digits a decimal point. `None` for shapes that are not one number (`1.2.3`).
pub(crate) fn read_numeral(text: &str, start: usize, language: Language, scaled: bool) -> Option<Numeral> {
    let end = numeral_end(text.as_bytes(), start);
    if end - start > MAX_LEN {
        return None;
    }
    let raw = &text[start..end];
    let seps: Vec<(usize, u8)> = raw.bytes().enumerate().filter(|(_, b)| matches!(b, b'.' | b',')).collect();
    let plain = |int: &str, frac: &str| -> Option<f64> {
        let digits: String = int.chars().filter(char::is_ascii_digit).collect();
        let number = if frac.is_empty() { digits } else { format!("{digits}.{frac}") };
        number.parse::<f64>().ok().filter(|v| v.is_finite())
    };
    let read = |value: f64| Some(Numeral { end, value, alternative: None });
    let Some(&(last_at, last_sep)) = seps.last() else {
        return read(plain(raw, "")?);
    };
    let groups: Vec<&str> = raw.split(['.', ',']).collect();
    let grouped = |groups: &[&str]| {
        (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3) && !groups[0].starts_with('0')
    };
    if seps.iter().any(|(_, b)| *b != last_sep) {
        // Both kinds: the last one is the decimal mark, the others group thousands.
        let (int, frac) = (&raw[..last_at], &raw[last_at + 1..]);
        let int_groups: Vec<&str> = int.split(['.', ',']).collect();
        let first_kind = seps[0].1;
        if seps[..seps.len() - 1].iter().any(|(_, b)| *b != first_kind) || !grouped(&int_groups) {
            return None;
        }
        return read(plain(int, frac)?);
    }
    if seps.len() > 1 {
        return if grouped(&groups) { read(plain(raw, "")?) } else { None };
    }
    let (int, frac) = (groups[0], groups[1]);
    let decimal = plain(int, frac)?;
    if frac.len() != 3 || !grouped(&groups) {
        return read(decimal);
    }
    let thousands = plain(raw, "")?;
    let (value, alternative) = match (last_sep, language) {
        (b'.', Language::Portuguese) => (thousands, None),
        (b'.', Language::English) if scaled => (decimal, None),
        (b'.', Language::English) => (decimal, Some(thousands)),
        (b'.', _) if scaled => (decimal, Some(thousands)),
        (b'.', _) => (thousands, Some(decimal)),
        (_, Language::English) => (thousands, None),
        (_, Language::Portuguese) if scaled => (decimal, None),
        (_, Language::Portuguese) => (decimal, Some(thousands)),
        _ => (thousands, Some(decimal)),
    };
    Some(Numeral { end, value, alternative })
}

/// The end of the digits-and-separators run from `start`; a separator counts only between digits.
pub(crate) fn numeral_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() {
        let separator_between_digits =
            end > start && matches!(bytes[end], b'.' | b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(bytes[end].is_ascii_digit() || separator_between_digits) {
            break;
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{English as En, Portuguese as Pt, Unknown};

    fn read(text: &str, language: Language) -> Option<(f64, Option<f64>)> {
        read_numeral(text, 0, language, false).map(|n| (n.value, n.alternative))
    }

    #[test]
    fn numerals_read_by_shape_and_language() {
        for (text, language, expected) in [
            ("2,048", En, Some((2048.0, None))),
            ("2.048", Pt, Some((2048.0, None))),
            ("1.5", En, Some((1.5, None))),
            ("1,5", Pt, Some((1.5, None))),
            ("16,9", En, Some((16.9, None))),
            ("118.58", Pt, Some((118.58, None))),
            ("1,234,567.5", Pt, Some((1_234_567.5, None))),
            ("1.234.567,5", En, Some((1_234_567.5, None))),
            ("1.234.567", En, Some((1_234_567.0, None))),
            ("0.125", Pt, Some((0.125, None))),
            ("2025", En, Some((2025.0, None))),
            ("2.000", En, Some((2.0, Some(2000.0)))),
            ("2.000", Unknown, Some((2000.0, Some(2.0)))),
            ("2,048", Pt, Some((2.048, Some(2048.0)))),
            ("1.2.3", En, None),
            ("1,2,3", En, None),
            ("1.234,5.6", En, None),
        ] {
            assert_eq!(read(text, language), expected, "{text} in {language:?}");
        }
    }

    #[test]
    fn a_scale_word_makes_an_english_dot_decimal() {
        let n = read_numeral("1.125 billion", 0, En, true).unwrap();
        assert_eq!((n.value, n.alternative, n.end), (1.125, None, 5));
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_the_numeral() {
        assert_eq!(numeral_end(b"2,048.", 0), 5);
        assert_eq!(numeral_end(b"17%, then", 0), 2);
    }
}
