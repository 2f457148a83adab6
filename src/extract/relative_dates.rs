//! Relative dates, read against an anchor date the caller gives (the day the text was written,
//! or its source was published), in English and Portuguese: `today`/`hoje`, `yesterday`/`ontem`,
//! `anteontem`, `tomorrow`/`amanhã`; weekdays (`on Monday`, `last Friday`, `next Tuesday`,
//! `nesta segunda-feira (27)`, `na sexta-feira passada`); `last week`/`na semana passada`; and
//! `last month`/`no mês passado`, `this month`/`neste mês`.
//!
//! Rules. A weekday alone is the latest such day on or before the anchor (news tell what
//! happened); `last`/`passado` takes the one before the anchor's own day, `next`/`próxima` the
//! one after. A day of the month in brackets right after the weekday (`segunda-feira (27)`)
//! settles it: the date with that weekday and day nearest the anchor, within a week either side
//! (if none fits, the bracket is ignored). A week is given as its Monday; a month as `YYYY-MM`.
//! Nothing is read without an anchor: these words never guess a date.

use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::dates::DateMatch;
use super::tokens::Token;

/// Reads the relative date starting at word `i`, if there is one: pushes it to `found` (marked
/// relative) and returns how many words it took.
pub(crate) fn relative(
    text: &str,
    tokens: &[Token],
    i: usize,
    anchor: NaiveDate,
    found: &mut Vec<DateMatch>,
) -> Option<usize> {
    let t = &tokens[i];
    let next_word = |k: usize| tokens.get(i + k).map(|w| &*w.key);
    let push = |found: &mut Vec<DateMatch>, span: Range<usize>, date: String| {
        found.push(DateMatch { span, date, ambiguous: false, alternatives: Vec::new(), relative: true });
    };
    let day = |offset: i64| anchor.checked_add_signed(chrono::Duration::days(offset)).map(|d| d.to_string());
    let single = match &*t.key {
        "today" | "hoje" => day(0),
        "yesterday" | "ontem" => day(-1),
        "anteontem" => day(-2),
        "tomorrow" | "amanha" => day(1),
        _ => None,
    };
    if let Some(date) = single {
        push(found, t.start..t.end, date);
        return Some(1);
    }
    // "last week", "last month", "this month" / "semana passada", "mês passado", "neste mês".
    let last = matches!(&*t.key, "last" | "past");
    let this = matches!(&*t.key, "this" | "neste" | "este" | "nesta" | "esta");
    if let Some(unit) = next_word(1).and_then(period).filter(|_| last || this) {
        let date = if last { previous(anchor, unit)? } else { current(anchor, unit) };
        push(found, t.start..tokens[i + 1].end, date);
        return Some(2);
    }
    if let Some(unit) = period(&t.key)
        && matches!(next_word(1), Some("passado" | "passada"))
    {
        push(found, t.start..tokens[i + 1].end, previous(anchor, unit)?);
        return Some(2);
    }
    weekday(text, tokens, i, anchor, found)
}

/// A span of the calendar a text counts back in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Week,
    Month,
}

fn period(key: &str) -> Option<Period> {
    match key {
        "week" | "semana" => Some(Period::Week),
        "month" | "mes" => Some(Period::Month),
        _ => None,
    }
}

/// The week or month before the anchor's: a week as its Monday, a month as `YYYY-MM`.
fn previous(anchor: NaiveDate, unit: Period) -> Option<String> {
    match unit {
        Period::Week => Some(current(anchor.checked_sub_days(Days::new(7))?, Period::Week)),
        Period::Month => Some(current(anchor.checked_sub_months(Months::new(1))?, Period::Month)),
    }
}

/// The anchor's own week (its Monday) or month.
fn current(anchor: NaiveDate, unit: Period) -> String {
    match unit {
        Period::Week => {
            let back = u64::from(anchor.weekday().num_days_from_monday());
            anchor.checked_sub_days(Days::new(back)).unwrap_or(anchor).to_string()
        }
        Period::Month => format!("{:04}-{:02}", anchor.year(), anchor.month()),
    }
}

/// Which of the weekdays around the anchor a text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    /// The latest on or before the anchor.
    Latest,
    /// Strictly before the anchor's day (`last Monday`, `segunda-feira passada`).
    Before,
    /// Strictly after it (`next Monday`, `próxima segunda-feira`).
    After,
}

/// `Monday`, `last Friday`, `next Tuesday`, `segunda-feira (27)`, `sexta-feira passada`.
fn weekday(text: &str, tokens: &[Token], i: usize, anchor: NaiveDate, found: &mut Vec<DateMatch>) -> Option<usize> {
    let (day, mut used) = weekday_of(text, tokens, i)?;
    let t = &tokens[i];
    let before = i.checked_sub(1).and_then(|p| tokens.get(p)).filter(|p| text[p.end..t.start].trim().is_empty());
    let mut which = match before.map(|p| &*p.key) {
        Some("next" | "proxima" | "proximo") => Which::After,
        Some("last") => Which::Before,
        _ => Which::Latest,
    };
    let mut end = tokens[i + used - 1].end;
    if let Some(after) = tokens.get(i + used)
        && matches!(&*after.key, "passada" | "passado")
        && text[end..after.start].trim().is_empty()
    {
        which = Which::Before;
        end = after.end;
        used += 1;
    }
    let mut date = nearest_weekday(anchor, day, which)?;
    // "(27)": the day of the month, in brackets right after.
    if let Some(hint) = tokens.get(i + used)
        && text[end..hint.start].trim() == "("
        && text[hint.end..].starts_with(')')
        && let Some(dom) = hint.text.parse::<u32>().ok().filter(|d| (1..=31).contains(d) && hint.text.len() <= 2)
    {
        if let Some(settled) = with_day_of_month(anchor, day, dom) {
            date = settled;
        }
        end = hint.end + 1;
        used += 1;
    }
    found.push(DateMatch {
        span: t.start..end,
        date: date.to_string(),
        ambiguous: false,
        alternatives: Vec::new(),
        relative: true,
    });
    Some(used)
}

/// The `day` of the week nearest `anchor` the way `which` says.
fn nearest_weekday(anchor: NaiveDate, day: Weekday, which: Which) -> Option<NaiveDate> {
    let mut date = anchor;
    match which {
        Which::Latest | Which::Before => {
            if which == Which::Before {
                date = date.checked_sub_days(Days::new(1))?;
            }
            while date.weekday() != day {
                date = date.checked_sub_days(Days::new(1))?;
            }
        }
        Which::After => {
            date = date.checked_add_days(Days::new(1))?;
            while date.weekday() != day {
                date = date.checked_add_days(Days::new(1))?;
            }
        }
    }
    Some(date)
}

/// The date within a week of `anchor` that falls on `day` of the week and `dom` of the month.
fn with_day_of_month(anchor: NaiveDate, day: Weekday, dom: u32) -> Option<NaiveDate> {
    (0..=7u64)
        .flat_map(|n| [anchor.checked_sub_days(Days::new(n)), anchor.checked_add_days(Days::new(n))])
        .flatten()
        .find(|d| d.weekday() == day && d.day() == dom)
}

/// `Monday` (capitalised, as English writes it), `segunda-feira`, `sábado`: the weekday and the
/// number of words it takes.
fn weekday_of(text: &str, tokens: &[Token], i: usize) -> Option<(Weekday, usize)> {
    let t = &tokens[i];
    let english = match &*t.key {
        "monday" => Some(Weekday::Mon),
        "tuesday" => Some(Weekday::Tue),
        "wednesday" => Some(Weekday::Wed),
        "thursday" => Some(Weekday::Thu),
        "friday" => Some(Weekday::Fri),
        "saturday" => Some(Weekday::Sat),
        "sunday" => Some(Weekday::Sun),
        _ => None,
    };
    if let Some(day) = english {
        return t.capitalized.then_some((day, 1));
    }
    match &*t.key {
        "sabado" => return Some((Weekday::Sat, 1)),
        "domingo" => return Some((Weekday::Sun, 1)),
        _ => {}
    }
    let feira = tokens.get(i + 1).filter(|f| f.key == "feira" && &text[t.end..f.start] == "-").is_some();
    let day = match &*t.key {
        "segunda" => Weekday::Mon,
        "terca" => Weekday::Tue,
        "quarta" => Weekday::Wed,
        "quinta" => Weekday::Thu,
        "sexta" => Weekday::Fri,
        _ => return None,
    };
    feira.then_some((day, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Language;
    use crate::extract::dates::dates;
    use crate::extract::tokens::tokens;

    /// The relative dates of `text` read against `anchor`: (words, date).
    fn read(text: &str, anchor: &str) -> Vec<(String, String)> {
        let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").unwrap();
        dates(text, &tokens(text), Language::Unknown, Some(anchor))
            .into_iter()
            .filter(|d| d.relative)
            .map(|d| (text[d.span].to_owned(), d.date))
            .collect()
    }

    fn one(text: &str, anchor: &str) -> (String, String) {
        let found = read(text, anchor);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn days_around_the_anchor_in_both_languages() {
        // 2025-01-28 is a Tuesday.
        for (text, words, date) in [
            ("NVIDIA fell yesterday.", "yesterday", "2025-01-27"),
            ("A ação caiu ontem.", "ontem", "2025-01-27"),
            ("Caiu anteontem.", "anteontem", "2025-01-26"),
            ("Results come tomorrow.", "tomorrow", "2025-01-29"),
            ("Shares fell today.", "today", "2025-01-28"),
            ("Shares fell on Monday.", "Monday", "2025-01-27"),
            ("A ação caiu na segunda-feira.", "segunda-feira", "2025-01-27"),
            ("It reports on Tuesday.", "Tuesday", "2025-01-28"),
            ("It fell last Tuesday.", "Tuesday", "2025-01-21"),
            ("Caiu na terça-feira passada.", "terça-feira passada", "2025-01-21"),
            ("It reports next Monday.", "Monday", "2025-02-03"),
            ("Divulga na próxima quinta-feira.", "quinta-feira", "2025-01-30"),
            ("No sábado a ação subiu.", "sábado", "2025-01-25"),
        ] {
            assert_eq!(one(text, "2025-01-28"), (words.to_owned(), date.to_owned()), "{text}");
        }
    }

    #[test]
    fn weeks_and_months_before_the_anchor() {
        for (text, words, date) in [
            ("Shares fell last month.", "last month", "2024-12"),
            ("As ações caíram no mês passado.", "mês passado", "2024-12"),
            ("Caíram neste mês.", "neste mês", "2025-01"),
            ("It rallied this month.", "this month", "2025-01"),
            ("It fell last week.", "last week", "2025-01-20"),
            ("Na semana passada a ação caiu.", "semana passada", "2025-01-20"),
        ] {
            assert_eq!(one(text, "2025-01-28"), (words.to_owned(), date.to_owned()), "{text}");
        }
        assert_eq!(one("no mês passado", "2025-03-31").1, "2025-02", "from the last day of a long month");
        assert_eq!(one("last week", "2025-03-03").1, "2025-02-24", "across a month's end");
    }

    #[test]
    fn a_day_of_the_month_in_brackets_settles_the_weekday() {
        // The anchor is the Tuesday after: the Monday before is the 27th.
        assert_eq!(
            one("A Nvidia caiu nesta segunda-feira (27).", "2025-01-28"),
            ("segunda-feira (27)".to_owned(), "2025-01-27".to_owned())
        );
        // Published on Sunday the 26th, about the Monday to come.
        assert_eq!(one("nesta segunda-feira (27)", "2025-01-26").1, "2025-01-27", "the bracket wins over 'latest'");
        // Across a month's end: Friday (31) seen from Monday 3 February.
        assert_eq!(one("na sexta-feira (31)", "2025-02-03").1, "2025-01-31");
        // And a hint that fits no date nearby is left aside.
        assert_eq!(one("on Monday (15)", "2025-01-28").1, "2025-01-27");
    }

    #[test]
    fn weekdays_count_back_across_month_and_year_ends() {
        assert_eq!(one("on Friday", "2025-03-03").1, "2025-02-28", "Monday 3 March: Friday was in February");
        assert_eq!(one("na quarta-feira", "2025-01-02").1, "2025-01-01");
        assert_eq!(one("on Tuesday", "2025-01-02").1, "2024-12-31", "and in the year before");
        assert_eq!(one("next Monday", "2024-12-30").1, "2025-01-06", "next: strictly after");
        assert_eq!(one("na segunda-feira passada", "2024-03-01").1, "2024-02-26", "a leap year's February");
    }

    #[test]
    fn nothing_relative_without_an_anchor_or_in_ordinary_words() {
        let text = "NVIDIA fell on Monday; ontem, no mês passado.";
        assert!(dates(text, &tokens(text), Language::Unknown, None).is_empty());
        for text in ["monday.com shares", "the last word", "este ano", "uma semana difícil", "month after month"] {
            assert!(read(text, "2025-01-28").is_empty(), "{text}");
        }
    }
}
