//! Figures: money (`US$ 500 bilhões`, `$5.6 million`, `€3bn`), percentages (`16,9%`), fractions
//! (`1/50`) and quantities with a unit (`2,048 H800 GPUs`, `671 billion parameters`).
//!
//! One pass over the numerals of the text. Each numeral is read in the language of its sentence
//! ([`super::numbers`]), then the words around it decide what it is: a currency marker before or
//! after makes it money, `%` a percentage, a slash and a second number a fraction, a unit noun a
//! quantity. A bare number (a year, a count with no unit) is none of these. Ranges share their
//! scale and currency: `$500-600B` is two amounts in billions of dollars.

use std::ops::Range;

use super::Language;
use super::numbers::{numeral_end, read_numeral};
use super::tokens::Token;
use super::units::{
    currency_after, currency_before, hedged_before, is_function_word, is_unit_noun, is_unit_tail, scale_after,
};

/// What a figure measures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FigureKind {
    Amount { currency: &'static str },
    Percent,
    Fraction { numerator: f64, denominator: f64 },
    Quantity { unit: Range<usize> },
}

/// A figure found in text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FigureMatch {
    pub span: Range<usize>,
    pub value: f64,
    pub alternatives: Vec<f64>,
    pub approximate: bool,
    pub kind: FigureKind,
}

/// One numeral with what is glued or next to it.
struct Reading {
    start: usize,
    end: usize,
    value: f64,
    alternative: Option<f64>,
    /// Whether a scale, `%`, currency or unit came after the numeral.
    suffixed: bool,
    currency: Option<&'static str>,
    percent: bool,
    unit: Option<Range<usize>>,
}

/// Finds the figures of `text`. `language_at` gives the language of the sentence around a byte;
/// `taken` are spans already read as something else (dates), sorted.
pub(crate) fn figures(
    text: &str,
    tokens: &[Token],
    language_at: &dyn Fn(usize) -> Language,
    taken: &[Range<usize>],
) -> Vec<FigureMatch> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || !starts_numeral(text, i) || inside(taken, i) {
            i += 1;
            continue;
        }
        let Some(first) = read_at(text, tokens, i, language_at(i), None) else {
            i = numeral_end(bytes, i).max(i + 1);
            continue;
        };
        let mut next = first.end;
        if let Some(fraction) = fraction_at(text, i, first.end).filter(|_| !first.suffixed) {
            next = fraction.span.end;
            found.push(fraction);
        } else if let Some(second) =
            (!first.suffixed).then(|| range_second(text, tokens, &first, language_at)).flatten()
        {
            let scale = second.scale;
            let shared = Reading {
                value: first.value * scale,
                alternative: first.alternative.map(|a| a * scale),
                currency: first.currency.or(second.reading.currency),
                percent: second.reading.percent,
                unit: second.reading.unit.clone(),
                ..first
            };
            next = second.reading.end;
            found.extend(classify(text, shared));
            found.extend(classify(
                text,
                Reading { currency: first.currency.or(second.reading.currency), ..second.reading },
            ));
        } else {
            found.extend(classify(text, first));
        }
        i = next.max(i + 1);
    }
    found
}

/// A numeral starts here: not inside a word (`H800`, `R1`), another number or a decimal.
fn starts_numeral(text: &str, at: usize) -> bool {
    match text[..at].chars().next_back() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('.' | ',') => !text[..at - 1].ends_with(|d: char| d.is_ascii_digit()),
        Some(_) => true,
    }
}

fn inside(taken: &[Range<usize>], at: usize) -> bool {
    taken.iter().any(|r| r.contains(&at))
}

/// Reads the numeral at `start` and what surrounds it. `currency` is inherited in a range.
fn read_at(
    text: &str,
    tokens: &[Token],
    start: usize,
    language: Language,
    inherited: Option<&'static str>,
) -> Option<Reading> {
    let bytes = text.as_bytes();
    let digits_end = numeral_end(bytes, start);
    let scale = scale_after(text, digits_end);
    let numeral = read_numeral(text, start, language, scale.is_some())?;
    let (factor, mut end) = scale.unwrap_or((1.0, digits_end));
    // Letters glued to the digits that are not a scale (`4T24`, `10x`, `1990s`) make it no figure,
    // unless they are a unit (`3nm`, `100MW`).
    let glued_word_end = end + text[end..].find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len() - end);
    let mut unit = None;
    if glued_word_end > end {
        if scale.is_none() && is_unit_noun(&text[end..glued_word_end].to_lowercase()) {
            unit = Some(end..glued_word_end);
            end = glued_word_end;
        } else {
            return None;
        }
    }
    let mut reading = Reading {
        start,
        end,
        value: numeral.value * factor,
        alternative: numeral.alternative.map(|a| a * factor),
        suffixed: scale.is_some() || unit.is_some(),
        currency: None,
        percent: false,
        unit,
    };
    let (sign, sign_start) = sign_before(text, start);
    if let Some((code, marker)) = currency_before(text, sign_start) {
        reading.currency = Some(code);
        reading.start = marker;
    } else if let Some((code, marker)) = currency_before(text, start) {
        reading.currency = Some(code);
        reading.start = marker.min(sign_start);
    } else {
        reading.start = sign_start;
        reading.currency = inherited;
    }
    reading.value *= sign;
    reading.alternative = reading.alternative.map(|a| a * sign);
    if reading.unit.is_none() {
        if let Some(after) = percent_after(text, reading.end) {
            reading.percent = true;
            reading.suffixed = true;
            reading.end = after;
        } else if let Some((code, after)) = currency_after(text, reading.end) {
            reading.currency = Some(code);
            reading.suffixed = true;
            reading.end = after;
        } else if reading.currency.is_none()
            && let Some(unit) = unit_after(text, tokens, reading.end, language)
            && (scale.is_some()
                || !looks_like_year(&text[start..digits_end])
                || unit.start == next_word(text, reading.end))
        {
            reading.suffixed = true;
            reading.end = unit.end;
            reading.unit = Some(unit);
        }
    }
    Some(reading)
}

/// `2025`: a year, which takes a unit only when the unit noun follows at once (`2048 GPUs`, but
/// not `2025 AI GPUs`).
fn looks_like_year(digits: &str) -> bool {
    digits.len() == 4 && digits.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

fn next_word(text: &str, at: usize) -> usize {
    at + text[at..].find(|c: char| c.is_alphanumeric()).unwrap_or(0)
}

/// A minus sign right before a number (`-17%`, `−3.2%`), not a dash between two numbers.
fn sign_before(text: &str, at: usize) -> (f64, usize) {
    let before = &text[..at];
    for minus in ['-', '−', '–'] {
        if let Some(rest) = before.strip_suffix(minus)
            && rest.chars().next_back().is_none_or(|c| c.is_whitespace() || c == '(')
        {
            return (-1.0, rest.len());
        }
    }
    (1.0, at)
}

/// `%`, ` %`, ` percent`, ` per cent`, ` por cento` after byte `at`: the byte past it.
fn percent_after(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let skipped = rest.len() - trimmed.len();
    if trimmed.starts_with('%') && skipped <= 1 {
        return Some(at + skipped + 1);
    }
    if skipped == 0 {
        return None;
    }
    ["percent", "per cent", "por cento", "pct"].iter().find_map(|word| {
        let head = trimmed.get(..word.len())?;
        let whole = trimmed[word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        (head.eq_ignore_ascii_case(word) && whole).then_some(at + skipped + word.len())
    })
}

/// The unit of a quantity after byte `at`: optional model or brand words (`H800`, `Nvidia`), a
/// unit noun (`GPUs`, `parâmetros`) and an optional tail (`hours`) or model (`GPUs H800`). In
/// Portuguese a `de` may come first (`671 bilhões de parâmetros`).
fn unit_after(text: &str, tokens: &[Token], at: usize, language: Language) -> Option<Range<usize>> {
    let first = tokens.partition_point(|t| t.start < at);
    let mut i = first;
    let mut start = None;
    let close = |t: &Token, prev_end: usize| t.start - prev_end <= 2 && text[prev_end..t.start].trim().is_empty();
    let mut prev_end = at;
    if language != Language::English
        && let Some(t) = tokens.get(i).filter(|t| t.key == "de" && close(t, prev_end))
    {
        prev_end = t.end;
        i += 1;
    }
    for _ in 0..3 {
        let t = tokens.get(i)?;
        if !close(t, prev_end) {
            return None;
        }
        let model = t.upper && t.has_digit() && t.text.ends_with('s');
        if is_unit_noun(&t.key) || model {
            let begin = *start.get_or_insert(t.start);
            let mut end = t.end;
            if let Some(tail) =
                tokens.get(i + 1).filter(|n| close(n, end) && (is_unit_tail(&n.key) || (n.upper && n.has_digit())))
            {
                end = tail.end;
            }
            return Some(begin..end);
        }
        // `H800`, `Nvidia`, or a describing word (`paid members`, `new stores`).
        let describing = t.has_letter() && !t.has_digit() && t.text.chars().count() > 2 && !is_function_word(&t.key);
        let modifier = (t.has_upper && t.text.chars().count() > 1) || (t.has_digit() && t.has_letter()) || describing;
        if !modifier {
            return None;
        }
        start.get_or_insert(t.start);
        prev_end = t.end;
        i += 1;
    }
    None
}

/// `1/50`, `1/50th`: a fraction of two whole numbers (not a date, not a ratio of decimals).
fn fraction_at(text: &str, start: usize, end: usize) -> Option<FigureMatch> {
    let rest = text[end..].strip_prefix('/')?;
    let bytes = rest.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0
        || matches!(bytes.get(digits), Some(b'/' | b'.' | b','))
            && bytes.get(digits + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let mut stop = end + 1 + digits;
    if text[stop..].starts_with("th") {
        stop += 2;
    }
    if text[stop..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let numerator: f64 = text[start..end].parse().ok()?;
    let denominator: f64 = rest[..digits].parse().ok()?;
    (denominator != 0.0).then(|| FigureMatch {
        span: start..stop,
        value: numerator / denominator,
        alternatives: Vec::new(),
        approximate: hedged_before(text, start),
        kind: FigureKind::Fraction { numerator, denominator },
    })
}

/// The second number of a range (`500-600B`, `5 to 6 million`, `16 a 17%`) and the scale it
/// gives the first.
struct RangeEnd {
    reading: Reading,
    scale: f64,
}

fn range_second(
    text: &str,
    tokens: &[Token],
    first: &Reading,
    language_at: &dyn Fn(usize) -> Language,
) -> Option<RangeEnd> {
    let rest = &text[first.end..];
    let after = ["-", "–", " - ", " – ", " to ", " a ", " e ", " and "]
        .iter()
        .find_map(|joint| rest.strip_prefix(joint).map(|r| text.len() - r.len()))?;
    let after_marker = match currency_before(&text[..after], after) {
        Some(_) => after,
        None => {
            let marker = text[after..].find(|c: char| c.is_ascii_digit())?;
            let gap = &text[after..after + marker];
            if !(gap.is_empty() || ["US$", "US$ ", "R$", "R$ ", "$", "€"].contains(&gap)) {
                return None;
            }
            after + marker
        }
    };
    let reading = read_at(text, tokens, after_marker, language_at(after_marker), first.currency)?;
    let digits_end = numeral_end(text.as_bytes(), after_marker);
    let scale = scale_after(text, digits_end).map_or(1.0, |(f, _)| f);
    let measured = scale > 1.0 || reading.percent || reading.unit.is_some();
    (reading.suffixed && (measured || first.currency.is_some() || reading.currency.is_some()))
        .then_some(RangeEnd { reading, scale })
}

/// Turns a reading into a figure, if it is one.
fn classify(text: &str, reading: Reading) -> Option<FigureMatch> {
    let kind = if let Some(currency) = reading.currency {
        FigureKind::Amount { currency }
    } else if reading.percent {
        FigureKind::Percent
    } else if let Some(unit) = reading.unit {
        FigureKind::Quantity { unit }
    } else {
        return None;
    };
    Some(FigureMatch {
        span: reading.start..reading.end,
        value: reading.value,
        alternatives: reading.alternative.into_iter().collect(),
        approximate: hedged_before(text, reading.start),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn read(text: &str, language: Language) -> Vec<(String, f64, String)> {
        let kind = |k: &FigureKind| match k {
            FigureKind::Amount { currency } => (*currency).to_owned(),
            FigureKind::Percent => "%".to_owned(),
            FigureKind::Fraction { .. } => "fraction".to_owned(),
            FigureKind::Quantity { unit } => text[unit.clone()].to_owned(),
        };
        figures(text, &tokens(text), &|_| language, &[])
            .into_iter()
            .map(|f| (text[f.span.clone()].to_owned(), f.value, kind(&f.kind)))
            .collect()
    }

    fn one(text: &str, language: Language) -> (String, f64, String) {
        let found = read(text, language);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn money_in_both_languages() {
        use Language::{English as En, Portuguese as Pt};
        for (text, language, span, value, currency) in [
            ("cost $6M to train", En, "$6M", 6e6, "USD"),
            ("for $5.6 million.", En, "$5.6 million", 5.6e6, "USD"),
            ("custou US$ 6 milhões", Pt, "US$ 6 milhões", 6e6, "USD"),
            ("perdeu US$ 500 bilhões", Pt, "US$ 500 bilhões", 500e9, "USD"),
            ("lucro de R$ 1,2 bi", Pt, "R$ 1,2 bi", 1.2e9, "BRL"),
            ("raised €3bn", En, "€3bn", 3e9, "EUR"),
            ("a $3.5 trillion company", En, "$3.5 trillion", 3.5e12, "USD"),
            ("closed at $118.58.", En, "$118.58", 118.58, "USD"),
            ("perdeu 600 bilhões de dólares", Pt, "600 bilhões de dólares", 600e9, "USD"),
            ("R$ 2.000 por mês", Pt, "R$ 2.000", 2000.0, "BRL"),
            ("USD 5 billion", En, "USD 5 billion", 5e9, "USD"),
            ("investimento de US$ 500 mil", Pt, "US$ 500 mil", 500e3, "USD"),
        ] {
            assert_eq!(one(text, language), (span.to_owned(), value, currency.to_owned()), "{text}");
        }
    }

    #[test]
    fn ranges_share_scale_and_currency() {
        let found = read("losses of $500-600B", Language::English);
        assert_eq!(found, [("$500".into(), 500e9, "USD".into()), ("600B".into(), 600e9, "USD".into())]);
    }

    #[test]
    fn percents_fractions_and_quantities() {
        use Language::{English as En, Portuguese as Pt};
        for (text, language, span, value, kind) in [
            ("fell 17% on", En, "17%", 17.0, "%"),
            ("caiu 16,9% no dia", Pt, "16,9%", 16.9, "%"),
            ("down -3.5% today", En, "-3.5%", -3.5, "%"),
            ("about 1/50 of the cost", En, "1/50", 0.02, "fraction"),
            ("on 2,048 H800 GPUs", En, "2,048 H800 GPUs", 2048.0, "H800 GPUs"),
            ("em 2.048 GPUs H800", Pt, "2.048 GPUs H800", 2048.0, "GPUs H800"),
            ("671 billion parameters", En, "671 billion parameters", 671e9, "parameters"),
            ("671 bilhões de parâmetros", Pt, "671 bilhões de parâmetros", 671e9, "parâmetros"),
            ("2.78 million GPU hours", En, "2.78 million GPU hours", 2.78e6, "GPU hours"),
            ("a 3nm process", En, "3nm", 3.0, "nm"),
        ] {
            assert_eq!(one(text, language), (span.to_owned(), value, kind.to_owned()), "{text}");
        }
    }

    #[test]
    fn bare_numbers_and_identifiers_are_not_figures() {
        for text in ["in 2025 the", "R1 and V3", "4T24 results", "10x faster", "the 1990s", "H800", "page 3 of 10"] {
            assert_eq!(read(text, Language::English), [], "{text}");
        }
    }
}
