//! Sentences of a note: where a claim's quote starts and ends, and the unit within which a
//! claimant, a date and a figure belong together.
//!
//! A sentence ends at `.`, `!` or `?` followed by a space and not closing a common abbreviation
//! (`Jan.`, `Inc.`, `U.S.`), at a blank line, and before a Markdown list item or heading.

use std::ops::Range;

/// Byte ranges of the sentences of `text`, trimmed, in order, never empty.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let cut = match b {
            b'.' | b'!' | b'?' => {
                let after = i + 1 + closing_len(&bytes[i + 1..]);
                let spaced = bytes.get(after).is_none_or(|c| c.is_ascii_whitespace())
                    || (b == b'.' && after == i + 1 && lost_its_space(bytes, i));
                let abbreviation = spaced
                    && b == b'.'
                    && is_abbreviation(&text[start..i])
                    && !ends_after_legal_suffix(&text[start..i], &text[after..]);
                if spaced && !abbreviation { Some(after) } else { None }
            }
            b'\n' => {
                let rest = &text[i + 1..];
                let blank = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
                // (`- United Airlines – Cut…, Outperform` then `The sector's…`: a list's last item
                // ends where a capitalised line follows it.)
                let line = &text[text[..i].rfind('\n').map_or(0, |p| p + 1)..i];
                let last = line.trim_end().rsplit(' ').next().unwrap_or_default().to_lowercase();
                let open_ended = matches!(
                    last.as_str(),
                    "de" | "da" | "do" | "of" | "to" | "para" | "the" | "a" | "o" | "upgraded" | "downgraded"
                );
                let after_item = starts_block(line) && !open_ended && rest.trim_start().starts_with(char::is_uppercase);
                // (`Citigroup` / `(C)` / `shares closed down 4.6%`: a page's links broken out onto
                // lines of their own; a line with no closing stop before one opening in lower case,
                // on a bracket or a comma goes on with it.)
                let goes_on = !line.trim_end().ends_with(['.', '!', '?', ':', ';', '"', '”'])
                    && (rest.trim_start().starts_with(|c: char| c.is_lowercase() || matches!(c, '(' | ','))
                        // (`Rockwell` / `(ROK) - Get Report` / `and` / `Ingersoll Rand`: a line
                        // ending on a joiner goes on to the name after it.)
                        || matches!(last.as_str(), "and" | "or" | "e" | "ou" | "of" | "de" | "da" | "do" | "by"));
                let next_line = rest.split('\n').next().unwrap_or_default();
                if (blank && !goes_on)
                    || starts_block(rest)
                    || after_item
                    || ends_a_card_line(text, i, rest)
                    || is_section_heading(line)
                    || is_section_heading(next_line)
                    || (!open_ended && is_short_heading(&text[..i], line, rest))
                {
                    Some(i)
                } else {
                    None
                }
            }
            b':' if heads_a_sentence(&text[start..i], &text[i + 1..]) => Some(i + 1),
            _ => None,
        };
        if let Some(end) = cut {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// `CCR tem recomendação de compra mantida` on a line of its own, between a finished sentence and
/// a capitalised line: a heading of a few words (at most eight, no stop), a sentence of its own.
/// (Not a line of wrapped text: the line before it ends a sentence and a paragraph's long line
/// follows.)
fn is_short_heading(before: &str, line: &str, rest: &str) -> bool {
    let previous = before[..before.len() - line.len()].trim_end();
    let line = line.trim();
    let finished = previous.is_empty() || previous.ends_with(['.', '!', '?', ':']);
    let words = line.split_whitespace().count();
    finished
        && (2..=8).contains(&words)
        && line.len() <= 60
        && line.starts_with(char::is_uppercase)
        && !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', ')'])
        && !line.contains('|')
        && rest.trim_start().starts_with(char::is_uppercase)
        // (A paragraph follows, longer than a line of wrapped text.)
        && rest.split('\n').next().is_some_and(|next| next.chars().count() > 80)
}

/// `Microsoft Corp (MSFT):` on a line of its own: a company's section heading is a sentence of
/// its own, apart from the unfinished line before it and the lines below.
fn is_section_heading(line: &str) -> bool {
    line.trim().strip_suffix(':').is_some_and(is_heading_line)
}

/// `ANALYST UPGRADE: Morgan Stanley upgraded…`, `Analyst Upgrade: …`: a heading's label of a few
/// words (`analyst`, `upgrade`, `earnings watch`…), in capitals or two title-case words or more,
/// before a colon and a sentence of its own (a capitalised word, then at least four words on the
/// line).
fn heads_a_sentence(label: &str, rest: &str) -> bool {
    let label = label.trim_start();
    // (Only a short label is read: a long sentence may hold many colons.)
    if label.len() > 30 {
        return false;
    }
    let words: Vec<&str> = label.split(' ').collect();
    let shaped = |w: &&str| w.len() >= 2 && w.chars().all(char::is_alphabetic);
    // (A heading's words, not a name: `Apple Inc: Shares rose…` stays one sentence.)
    let heading = words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "analyst"
                | "analysts"
                | "upgrade"
                | "upgrades"
                | "downgrade"
                | "downgrades"
                | "rating"
                | "ratings"
                | "note"
                | "notes"
                | "target"
                | "targets"
                | "earnings"
                | "watch"
                | "update"
                | "initiation"
                | "coverage"
                | "movers"
                | "preview"
                | "upside"
                | "downside"
                | "takeaway"
                | "recomendação"
        )
    });
    let capitals = words.iter().all(|w| shaped(w) && w.chars().all(char::is_uppercase));
    let titled = words.len() >= 2 && words.iter().all(|w| shaped(w) && w.starts_with(char::is_uppercase));
    let line = rest.split('\n').next().unwrap_or_default();
    words.len() <= 3
        && heading
        && (capitals || titled)
        && line.starts_with(' ')
        && line.trim_start().starts_with(char::is_uppercase)
        && line.split_whitespace().take(5).count() == 5
}

/// `…a weak U.S. economy.Shares of Chevron fell`: a full stop at byte `i` between two lower-case
/// letters before it and a capitalised word after it ends a sentence whose space the text lost
/// (not `U.S.`, `Amazon.com`, `3.5`).
fn lost_its_space(bytes: &[u8], i: usize) -> bool {
    i >= 2
        && bytes[i - 1].is_ascii_lowercase()
        && bytes[i - 2].is_ascii_lowercase()
        && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase)
}

/// Quotes and brackets that close a sentence after its full stop: `said so.”` or `(sic.)`.
fn closing_len(rest: &[u8]) -> usize {
    let mut len = 0;
    loop {
        match &rest[len..] {
            [b'"' | b'\'' | b')' | b'*' | b'_', ..] => len += 1,
            [0xE2, 0x80, 0x9D | 0x99, ..] => len += 3,
            _ => return len,
        }
    }
}

/// A Markdown list item, numbered item, heading or quote at the start of a line.
fn starts_block(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let mut chars = line.chars();
    match chars.next() {
        // `- item`, `* item`, and `** item` as news wires write their briefs.
        Some('-' | '*' | '+' | '•') => {
            let next = chars.next();
            next.is_some_and(char::is_whitespace)
                || (next == Some('*') && chars.next().is_some_and(char::is_whitespace))
        }
        Some('#' | '>' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
                && line.as_bytes().get(digits + 1).is_some_and(|b| b.is_ascii_whitespace())
        }
        _ => false,
    }
}

/// Whether the line ending at the newline at byte `i` (followed by `rest`) is a card's heading or
/// the line before one of its fields: a field follows a heading, another field or a finished line,
/// not wrapped prose. (The line is read back only so far: a long line is no card's.)
fn ends_a_card_line(text: &str, i: usize, rest: &str) -> bool {
    let from = text.ceil_char_boundary(i.saturating_sub(CARD_LINE));
    let Some(line) = text[from..i].rfind('\n').map(|at| &text[from + at + 1..i]).or((from == 0).then(|| &text[..i]))
    else {
        return false;
    };
    (is_heading_line(line) && !rest.trim_start().starts_with(char::is_lowercase))
        || (is_field_line(rest) && (is_field_line(line) || line.trim_end().ends_with(['.', ':', ')'])))
}

/// Whether a sentence is a card's heading line (`Itaú Unibanco (ITUB4)` alone on its line).
pub(crate) fn is_card_heading(text: &str, sentence: &Range<usize>) -> bool {
    text[sentence.end..].starts_with(['\n', '\r']) && is_heading_line(&text[sentence.clone()])
}

/// Whether a sentence is a card's field line (`Recomendação: compra`).
pub(crate) fn is_card_field(text: &str, sentence: &Range<usize>) -> bool {
    is_field_line(&text[sentence.clone()])
}

/// The longest line read as a card's heading or field.
const CARD_LINE: usize = 80;

/// `Recomendação: compra`, `Preço-alvo: R$ 31`, `Price target: $50`: a line of a card opens on a
/// label of a few words and a colon.
fn is_field_line(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let Some(colon) = line[..line.floor_char_boundary(40)].find(':') else { return false };
    let label = &line[..colon];
    label.starts_with(char::is_uppercase)
        && (1..=4).contains(&label.split_whitespace().count())
        && label.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '(' | ')' | '/'))
        && line[colon + 1..].starts_with(' ')
}

/// `Itaú Unibanco (ITUB4)`: a short line naming a company with its symbol, heading the lines
/// below it.
fn is_heading_line(line: &str) -> bool {
    let line = line.trim();
    line.len() <= 60
        && line.ends_with(')')
        && line.starts_with(char::is_uppercase)
        && line.rfind('(').is_some_and(|open| {
            let code = &line[open + 1..line.len() - 1];
            // (A name: its words capitalised but for joiners, not a wrapped sentence's end.)
            let name = line[..open].split_whitespace();
            (2..=12).contains(&code.len())
                && code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ':')
                && name.clone().count() <= 5
                && name.into_iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || matches!(w, "de" | "do" | "da" | "dos" | "das" | "of" | "&" | "e" | "and")
                })
        })
}

/// Whether the word before a full stop is an abbreviation that rarely ends a sentence.
/// `…and Costco Wholesale Corp. “We see…`, `…Apple Inc. The company…`: a company's legal suffix
/// closes its sentence when a quote or a word that opens sentences follows.
fn ends_after_legal_suffix(before: &str, rest: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    if !matches!(word.to_ascii_lowercase().as_str(), "inc" | "corp" | "co" | "ltd") {
        return false;
    }
    let rest = rest.trim_start();
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    rest.starts_with(['“', '"'])
        || matches!(
            next,
            "The"
                | "It"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "He"
                | "She"
                | "They"
                | "We"
                | "But"
                | "However"
                | "Shares"
                | "Analysts"
                | "Its"
                | "Their"
                | "A"
                | "An"
                | "O"
                | "As"
                | "Os"
                | "Em"
                | "Para"
        )
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let letters = word.trim_start_matches(['"', '\'', '“']);
    if letters.len() == 1 && letters.chars().all(|c| c.is_ascii_uppercase()) {
        return true; // an initial: "J. Huang", "U.S"
    }
    if letters.contains('.') && !letters.contains(|c: char| c.is_ascii_digit()) {
        return true; // "U.S", "e.g", "S.A" (but not "1.2%")
    }
    matches!(
        letters.to_ascii_lowercase().as_str(),
        "jan"
            | "feb"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "fev"
            | "abr"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "sr"
            | "sra"
            | "prof"
            | "vs"
            | "approx"
            | "cf"
            | "fig"
            | "vol"
    )
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_end_at_stops_blank_lines_and_list_items() {
        for (text, expected) in [
            ("NVIDIA fell 17%. Cantor says buy! Why?", &["NVIDIA fell 17%.", "Cantor says buy!", "Why?"][..]),
            ("It cost $5.6 million. Next.", &["It cost $5.6 million.", "Next."]),
            ("On Jan. 27, 2025 the U.S. market fell.", &["On Jan. 27, 2025 the U.S. market fell."]),
            ("Apple Inc. rose.", &["Apple Inc. rose."]),
            (
                "Oil fell on a weak U.S. economy.Shares of Chevron fell 4.6 percent at Amazon.com Inc.",
                &["Oil fell on a weak U.S. economy.", "Shares of Chevron fell 4.6 percent at Amazon.com Inc."],
            ),
            (
                "Peers such as Costco Corp. “We see risk,” BofA wrote.",
                &["Peers such as Costco Corp.", "“We see risk,” BofA wrote."],
            ),
            (
                "It beat Apple Inc. The company fell; Apple Inc. (AAPL) rose.",
                &["It beat Apple Inc.", "The company fell; Apple Inc. (AAPL) rose."],
            ),
            ("Amazon lost 1.2%. Shares fell.", &["Amazon lost 1.2%.", "Shares fell."]),
            ("** JPM fell\n** WFC dipped", &["** JPM fell", "** WFC dipped"]),
            ("A line\nwrapped here.\n\nNew paragraph", &["A line\nwrapped here.", "New paragraph"]),
            (
                "Shares of\n\nRockwell\n\nand\n\nIngersoll Rand rose.",
                &["Shares of\n\nRockwell\n\nand\n\nIngersoll Rand rose."],
            ),
            ("Intro:\n- first item\n- second item", &["Intro:", "- first item", "- second item"]),
            ("- last item\nThe text goes on.", &["- last item", "The text goes on."]),
            ("- an item\nwrapped here.", &["- an item\nwrapped here."]),
            (
                "Itaú Unibanco (ITUB4)\nRecomendação: compra\nPreço-alvo: R$ 31",
                &["Itaú Unibanco (ITUB4)", "Recomendação: compra", "Preço-alvo: R$ 31"],
            ),
            (
                "The sector took a hit as shares of Zoran Corp. (ZRAN)\nplunged 12%.",
                &["The sector took a hit as shares of Zoran Corp. (ZRAN)\nplunged 12%."],
            ),
            ("Morgan Stanley (MS)\ncut Apple to underweight.", &["Morgan Stanley (MS)\ncut Apple to underweight."]),
            (
                "Apple rose 3% after\nMorgan Stanley analysts wrote: buy it.",
                &["Apple rose 3% after\nMorgan Stanley analysts wrote: buy it."],
            ),
            ("He said \"buy.\" Then left.", &["He said \"buy.\"", "Then left."]),
            (
                "ANALYST UPGRADE: Morgan Stanley upgraded Charter to overweight.",
                &["ANALYST UPGRADE:", "Morgan Stanley upgraded Charter to overweight."],
            ),
            ("Rating: Buy", &["Rating: Buy"]),
            ("Apple: Buy it now, says the analyst.", &["Apple: Buy it now, says the analyst."]),
            ("", &[]),
            ("   \n\n  ", &[]),
        ] {
            assert_eq!(split(text), expected, "{text:?}");
        }
    }
}
