//! Calendar dates in English and Portuguese: `2025-01-27`, `Jan 27, 2025`, `27 January 2025`,
//! `27 de janeiro de 2025`, `January 2025`, `janeiro de 2025`, `jan/25`, `27/01/2025`.
//!
//! A day and month without a year take the year of the nearest full date in the text (or of the
//! anchor). Relative dates (`Monday`, `segunda-feira (27)`, `ontem`, `no mês passado`) are read
//! only against an anchor date given by the caller, never guessed ([`super::relative_dates`]). `05/02/2025` is day-first in Portuguese; in
//! English, where both orders occur, it is marked ambiguous with the other reading kept.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::Language;
use super::relative_dates::relative;
use super::tokens::Token;

/// A date found in text: `YYYY-MM-DD`, or `YYYY-MM` when only the month is given.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateMatch {
    pub span: Range<usize>,
    pub date: String,
    pub ambiguous: bool,
    pub alternatives: Vec<String>,
    /// Read against the anchor date (`on Monday`, `no mês passado`), not written out.
    pub relative: bool,
}

/// A date whose year is still to be found.
struct Partial {
    span: Range<usize>,
    month: u32,
    day: u32,
}

/// Finds the dates in `text` (already split into `tokens`), in order. `language` decides the
/// order of all-number dates; `anchor` is the day the text was written, if known.
pub(crate) fn dates(text: &str, tokens: &[Token], language: Language, anchor: Option<NaiveDate>) -> Vec<DateMatch> {
    let mut found = Vec::new();
    let mut partial = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let used = numeric(text, tokens, i, language, &mut found)
            .or_else(|| named(text, tokens, i, &mut found, &mut partial))
            .or_else(|| anchor.and_then(|a| relative(text, tokens, i, a, &mut found)));
        i += used.unwrap_or(1);
    }
    for p in partial {
        let year = nearest_year(&found, p.span.start).or(anchor.map(|a| a.year()));
        if let Some(date) = year.and_then(|y| NaiveDate::from_ymd_opt(y, p.month, p.day)) {
            found.push(DateMatch {
                span: p.span,
                date: date.to_string(),
                ambiguous: false,
                alternatives: Vec::new(),
                relative: false,
            });
        }
    }
    found.sort_by_key(|d| d.span.start);
    found
}

/// The year of the full date closest to byte `at`, preferring one before it.
fn nearest_year(found: &[DateMatch], at: usize) -> Option<i32> {
    let year = |d: &DateMatch| d.date.get(..4).and_then(|y| y.parse().ok());
    found.iter().rev().find(|d| d.span.start < at).or_else(|| found.iter().find(|d| d.span.start > at)).and_then(year)
}

/// `2025-01-27`, `2025/01/27`, `27/01/2025`, `01/27/2025`, `27.01.2025`: all-number dates,
/// which the tokenizer splits into three number words.
fn numeric(text: &str, tokens: &[Token], i: usize, language: Language, found: &mut Vec<DateMatch>) -> Option<usize> {
    let [a, b, c] = tokens.get(i..i + 3)? else { return None };
    if !(a.is_digits() && b.is_digits() && c.is_digits()) {
        return None;
    }
    let sep = &text[a.end..b.start];
    if !matches!(sep, "-" | "/" | ".") || &text[b.end..c.start] != sep {
        return None;
    }
    // Part of a longer run (`1.2.3.4`, `2025-01-27-01`) is not a date.
    let continues = text[c.end..].strip_prefix(sep).is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()));
    if continues || text[..a.start].ends_with(sep) || text[..a.start].ends_with(|p: char| p.is_ascii_digit()) {
        return None;
    }
    let num = |t: &Token| t.text.parse::<u32>().ok();
    let (x, y) = (num(a)?, num(b)?);
    let span = a.start..c.end;
    if a.text.len() == 4 && sep != "." {
        let date = NaiveDate::from_ymd_opt(a.text.parse().ok()?, y, num(c)?)?;
        found.push(DateMatch {
            span,
            date: date.to_string(),
            ambiguous: false,
            alternatives: Vec::new(),
            relative: false,
        });
        return Some(3);
    }
    if c.text.len() != 4 || a.text.len() > 2 || b.text.len() > 2 {
        return None;
    }
    let year: i32 = c.text.parse().ok()?;
    let day_first = NaiveDate::from_ymd_opt(year, y, x);
    let month_first = if sep == "." { None } else { NaiveDate::from_ymd_opt(year, x, y) };
    let (date, other) = match (day_first, month_first) {
        (Some(d), None) => (d, None),
        (None, Some(m)) => (m, None),
        (Some(d), Some(m)) if d == m => (d, None),
        (Some(d), Some(m)) => match language {
            Language::Portuguese => (d, None),
            Language::English => (m, Some(d)),
            Language::Unknown => (d, Some(m)),
        },
        (None, None) => return None,
    };
    found.push(DateMatch {
        span,
        date: date.to_string(),
        ambiguous: other.is_some(),
        alternatives: other.map(|o| o.to_string()).into_iter().collect(),
        relative: false,
    });
    Some(3)
}

/// Dates with a month name, in the English and Portuguese orders.
fn named(
    text: &str,
    tokens: &[Token],
    i: usize,
    found: &mut Vec<DateMatch>,
    partial: &mut Vec<Partial>,
) -> Option<usize> {
    let t = &tokens[i];
    let gap = |a: &Token, b: &Token| text[a.end..b.start].trim_matches([' ', '\u{a0}']);
    let push = |found: &mut Vec<DateMatch>, span: Range<usize>, date: String| {
        found.push(DateMatch { span, date, ambiguous: false, alternatives: Vec::new(), relative: false });
    };
    // Month first: "January 27, 2025", "Jan. 27 2025", "January 2025", "jan/25", "January 27".
    if let Some(month) = month_of(t) {
        let after = tokens.get(i + 1);
        if let Some(next) = after.filter(|n| matches!(gap(t, n), "" | ".") && text[t.end..n.start].len() <= 2) {
            if let Some(day) = day_of(next) {
                let with_year = tokens.get(i + 2).filter(|y| matches!(gap(next, y), "," | "")).and_then(year_of);
                if let Some(year) = with_year {
                    let date = NaiveDate::from_ymd_opt(year, month, day)?;
                    push(found, t.start..tokens[i + 2].end, date.to_string());
                    return Some(3);
                }
                if t.capitalized && !next.text.starts_with('0') && !is_word_too(t) {
                    partial.push(Partial { span: t.start..next.end, month, day });
                    return Some(2);
                }
            }
            if let Some(year) = year_of(next).filter(|_| !is_word_too(t) && (t.text.len() > 3 || t.capitalized)) {
                push(found, t.start..next.end, format!("{year:04}-{month:02}"));
                return Some(2);
            }
        }
        // "janeiro de 2025"
        if let (Some(de), Some(y)) = (after, tokens.get(i + 2))
            && de.key == "de"
            && let Some(year) = year_of(y)
        {
            push(found, t.start..y.end, format!("{year:04}-{month:02}"));
            return Some(3);
        }
        // "jan/25", "jan/2025"
        if let Some(y) = after.filter(|n| &text[t.end..n.start] == "/" && n.is_digits()) {
            let year = match y.text.len() {
                2 => 2000 + y.text.parse::<i32>().ok()?,
                4 => y.text.parse().ok()?,
                _ => return None,
            };
            push(found, t.start..y.end, format!("{year:04}-{month:02}"));
            return Some(2);
        }
        return None;
    }
    // Day first: "27 January 2025", "27 de janeiro de 2025", "27 de janeiro".
    let day = day_of(t)?;
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|d| d.key == "de") {
        j += 1;
    }
    let m = tokens.get(j)?;
    let month = month_of(m).filter(|_| text[t.end..m.start].len() <= 5)?;
    let mut k = j + 1;
    if tokens.get(k).is_some_and(|d| d.key == "de") {
        k += 1;
    }
    if let Some(y) = tokens.get(k).filter(|y| y.start - m.end <= 5)
        && let Some(year) = year_of(y)
    {
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        push(found, t.start..y.end, date.to_string());
        return Some(k + 1 - i);
    }
    if j == i + 2 || m.text.len() > 3 {
        partial.push(Partial { span: t.start..m.end, month, day });
        return Some(j + 1 - i);
    }
    None
}

/// The month a word names: English (capitalised) or Portuguese, in full or abbreviated.
fn month_of(t: &Token) -> Option<u32> {
    let full = match &*t.key {
        "january" | "janeiro" => 1,
        "february" | "fevereiro" => 2,
        "march" | "marco" => 3,
        "april" | "abril" => 4,
        "may" | "maio" => 5,
        "june" | "junho" => 6,
        "july" | "julho" => 7,
        "august" | "agosto" => 8,
        "september" | "setembro" => 9,
        "october" | "outubro" => 10,
        "november" | "novembro" => 11,
        "december" | "dezembro" => 12,
        _ => 0,
    };
    let english_only = matches!(&*t.key, "january" | "february" | "march" | "april" | "may" | "june" | "july");
    if full > 0 {
        return (!english_only || t.capitalized).then_some(full);
    }
    let short = match &*t.key {
        "jan" => 1,
        "feb" | "fev" => 2,
        "mar" => 3,
        "apr" | "abr" => 4,
        "mai" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" | "ago" => 8,
        "sep" | "sept" | "set" => 9,
        "oct" | "out" => 10,
        "nov" => 11,
        "dec" | "dez" => 12,
        _ => return None,
    };
    Some(short)
}

/// Month abbreviations that are also everyday words (`mar`, `set`, `out`, `ago`): dates only
/// next to both a day and a year, or as `out/24`.
fn is_word_too(t: &Token) -> bool {
    matches!(&*t.key, "mar" | "mai" | "ago" | "set" | "out" | "dez")
}

/// `27`, `27th`, `1st`, `1º`: a day of the month.
fn day_of(t: &Token) -> Option<u32> {
    let digits = t.text.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &t.text[digits..];
    if !(1..=2).contains(&digits) || !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "º" | "o") {
        return None;
    }
    t.text[..digits].parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year from 1900 to 2199.
fn year_of(t: &Token) -> Option<i32> {
    (t.text.len() == 4 && t.is_digits()).then(|| t.text.parse().ok()).flatten().filter(|y| (1900..2200).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn read(text: &str, language: Language, anchor: Option<&str>) -> Vec<(String, String, bool)> {
        let anchor = anchor.map(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").unwrap());
        dates(text, &tokens(text), language, anchor)
            .into_iter()
            .map(|d| (text[d.span].to_owned(), d.date, d.ambiguous))
            .collect()
    }

    fn one(text: &str, language: Language) -> Option<(String, String)> {
        read(text, language, None).into_iter().next().map(|(t, d, _)| (t, d))
    }

    #[test]
    fn dates_in_both_languages() {
        use Language::{English as En, Portuguese as Pt};
        for (text, language, span, date) in [
            ("on 2025-01-27 the", En, "2025-01-27", "2025-01-27"),
            ("On Jan 27, 2025, shares fell", En, "Jan 27, 2025", "2025-01-27"),
            ("on January 27th 2025", En, "January 27th 2025", "2025-01-27"),
            ("Jan. 27, 2025", En, "Jan. 27, 2025", "2025-01-27"),
            ("on 27 January 2025", En, "27 January 2025", "2025-01-27"),
            ("em 27 de janeiro de 2025", Pt, "27 de janeiro de 2025", "2025-01-27"),
            ("em janeiro de 2025", Pt, "janeiro de 2025", "2025-01"),
            ("in January 2025", En, "January 2025", "2025-01"),
            ("resultado do 4T: dez/24", Pt, "dez/24", "2024-12"),
            ("em 27/01/2025", Pt, "27/01/2025", "2025-01-27"),
            ("on 01/27/2025", En, "01/27/2025", "2025-01-27"),
            ("em 05/02/2025", Pt, "05/02/2025", "2025-02-05"),
        ] {
            assert_eq!(one(text, language), Some((span.to_owned(), date.to_owned())), "{text}");
        }
    }

    #[test]
    fn a_missing_year_comes_from_the_nearest_full_date() {
        let found = read("On 2025-01-27 it fell; by January 29 it had recovered.", Language::English, None);
        assert_eq!(found[1], ("January 29".to_owned(), "2025-01-29".to_owned(), false));
        assert!(read("by January 29 it had recovered", Language::English, None).is_empty());
    }

    #[test]
    fn ambiguous_day_month_order_is_marked_in_english() {
        assert_eq!(read("on 05/02/2025", Language::English, None), [("05/02/2025".into(), "2025-05-02".into(), true)]);
    }

    #[test]
    fn weekdays_need_an_anchor() {
        let text = "NVIDIA fell on Monday; na segunda-feira a ação caiu.";
        assert!(read(text, Language::English, None).is_empty());
        let anchored = read(text, Language::English, Some("2025-01-28"));
        assert_eq!(anchored[0], ("Monday".into(), "2025-01-27".into(), false));
        assert_eq!(anchored[1], ("segunda-feira".into(), "2025-01-27".into(), false));
    }

    #[test]
    fn numbers_and_words_that_are_not_dates() {
        for text in
            ["1.234.567", "may rise 5%", "version 1.2.3.4", "set 25 targets", "2025", "out 2 weeks", "13/13/2025"]
        {
            assert!(read(text, Language::English, None).is_empty(), "{text}");
        }
    }
}
