//! Catalysts written in a note: the items of its "Catalysts" section that begin with a date
//! (`- 2025-02-26: Q4 FY25 earnings`, `- 2025-03 — GTC keynote`), as a thesis lists them.
//!
//! The section is the one under a heading whose text is "Catalysts" (any level, any case); it
//! ends at the next heading of the same level or higher. Items without a date are left out.

use chrono::NaiveDate;

/// A dated event a note expects.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Catalyst {
    /// The day (a month or year alone counts from its first day).
    pub date: NaiveDate,
    /// The date as written (`2025-03`).
    pub written: String,
    pub event: String,
}

/// The dated items of the Catalysts section of `body`, in the order written.
pub fn catalysts(body: &str) -> Vec<Catalyst> {
    let mut found = Vec::new();
    let mut level: Option<usize> = None;
    let mut fenced = false;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if let Some((depth, title)) = heading(trimmed) {
            match level {
                Some(open) if depth <= open => level = None,
                Some(_) => {}
                None if title.trim().trim_end_matches(':').eq_ignore_ascii_case("catalysts") => level = Some(depth),
                None => {}
            }
            continue;
        }
        if level.is_some()
            && let Some(catalyst) = item(trimmed)
        {
            found.push(catalyst);
        }
    }
    found
}

/// `## Title` → (2, "Title").
fn heading(line: &str) -> Option<(usize, &str)> {
    let depth = line.bytes().take_while(|&b| b == b'#').count();
    if depth == 0 || depth > 6 {
        return None;
    }
    let rest = &line[depth..];
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| (depth, rest.trim()))
}

/// `- 2025-02-26: Q4 earnings` (also `*`, `+`, `1.` and `- [ ]` items).
fn item(line: &str) -> Option<Catalyst> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("+ "))
        .or_else(|| {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0).then(|| line[digits..].strip_prefix(". ")).flatten()
        })?
        .trim_start();
    let rest = ["[ ] ", "[x] ", "[X] "].iter().find_map(|b| rest.strip_prefix(b)).unwrap_or(rest).trim_start();
    let rest = rest.trim_start_matches(['*', '_']);
    let written: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    let date = day(written.trim_end_matches('-'))?;
    let event = rest[written.len()..]
        .trim_start_matches(['*', '_'])
        .trim_start_matches([':', '—', '–', '-', ' ', '\t'])
        .trim()
        .to_owned();
    Some(Catalyst { date, written: written.trim_end_matches('-').to_owned(), event })
}

/// `2025-02-26`, `2025-02` or `2025` as a day (the first of the month or year).
fn day(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| (s.len() == len).then(|| s.parse::<u32>().ok()).flatten();
    match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?),
        [y, m] => NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, 1),
        [y] => NaiveDate::from_ymd_opt(number(y, 4)? as i32, 1, 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(body: &str) -> Vec<(String, String)> {
        catalysts(body).into_iter().map(|c| (c.date.to_string(), c.event)).collect()
    }

    #[test]
    fn dated_items_of_the_catalysts_section_are_read() {
        let body = "## Thesis\n- 2025-01-01: not a catalyst\n\n## Catalysts\n- 2025-02-26: Q4 FY25 earnings\n\
                    * 2025-03 — GTC keynote\n- [ ] 2025-05-28 – Q1 earnings\n1. 2026: Rubin ramp\n\
                    - sometime: no date\n### Later\n- 2025-08-27: Q2 (a subsection)\n## Risks\n- 2025-04-01: not one";
        assert_eq!(
            shown(body),
            [
                ("2025-02-26".into(), "Q4 FY25 earnings".into()),
                ("2025-03-01".into(), "GTC keynote".into()),
                ("2025-05-28".into(), "Q1 earnings".into()),
                ("2026-01-01".into(), "Rubin ramp".into()),
                ("2025-08-27".into(), "Q2 (a subsection)".into()),
            ]
        );
        assert_eq!(catalysts(body)[1].written, "2025-03");
    }

    #[test]
    fn impossible_dates_code_blocks_and_odd_text_are_left_out() {
        assert!(shown("# catalysts:\n- 2025-13-45: no such day\n- 20250226: no dashes").is_empty());
        assert!(shown("## Catalysts\n```\n- 2025-02-26: in code\n```").is_empty());
        assert!(shown("Catalysts\n- 2025-02-26: no heading").is_empty());
        assert!(shown("##Catalysts\n- 2025-02-26: not a heading").is_empty());
        let odd = format!("## Catalysts\n- 2025-02-26: {}\n- \u{200b}\n- ✓ 2025\n", "é".repeat(100_000));
        assert_eq!(catalysts(&odd).len(), 1);
    }
}
