//! Inline `#tags` in Markdown text, as Obsidian reads them: `#ai`, nested `#ai/inference`,
//! `#inferência`. A tag follows the start of a line or white space, and holds letters, digits,
//! `_`, `-` and `/` with at least one character that is not a digit (`#2024` is not a tag).
//!
//! Not tags: anything in fenced or indented code blocks or in inline code, heading lines
//! (`# Title`, `## Notes on #ai`), `#` inside URLs and wikilinks (`[[Note#Heading]]`), and
//! Obsidian `%%comments%%`.

/// The tags of `body` in order of appearance (duplicates kept; the store merges them).
pub(crate) fn inline_tags(body: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut previous_blank = true;
    let mut in_indented_code = false;
    let mut in_list = false;
    let mut in_comment = false;
    for line in body.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let trimmed = line.trim_start();
        let blank = trimmed.is_empty();
        if let Some((marker, length)) = fence {
            if closes_fence(trimmed, indent, marker, length) {
                fence = None;
            }
            previous_blank = false;
            continue;
        }
        if indent <= 3
            && let Some(opening) = opens_fence(trimmed)
        {
            fence = Some(opening);
            previous_blank = false;
            continue;
        }
        let indented = line.starts_with('\t') || indent >= 4;
        if blank {
            previous_blank = true;
            continue;
        }
        if indented && (in_indented_code || (previous_blank && !in_list)) {
            in_indented_code = true;
            previous_blank = false;
            continue;
        }
        in_indented_code = false;
        if !indented {
            in_list = is_list_item(trimmed) || (in_list && !previous_blank);
        }
        previous_blank = false;
        if indent <= 3 && is_heading(trimmed) {
            continue;
        }
        scan_line(line, &mut in_comment, &mut found);
    }
    found
}

fn opens_fence(trimmed: &str) -> Option<(char, usize)> {
    let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = trimmed.chars().take_while(|c| *c == marker).count();
    // A backtick fence's info string cannot hold backticks (then it is inline code).
    let info_ok = marker == '~' || !trimmed[length..].contains('`');
    (length >= 3 && info_ok).then_some((marker, length))
}

fn closes_fence(trimmed: &str, indent: usize, marker: char, length: usize) -> bool {
    let run = trimmed.chars().take_while(|c| *c == marker).count();
    indent <= 3 && run >= length && trimmed[run * marker.len_utf8()..].trim().is_empty()
}

fn is_heading(trimmed: &str) -> bool {
    let hashes = trimmed.chars().take_while(|c| *c == '#').count();
    (1..=6).contains(&hashes) && trimmed[hashes..].chars().next().is_none_or(|c| c == ' ' || c == '\t')
}

fn is_list_item(trimmed: &str) -> bool {
    let bullet = trimmed.starts_with("- ") || trimmed.starts_with("* ") || trimmed.starts_with("+ ");
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && (trimmed[digits..].starts_with(". ") || trimmed[digits..].starts_with(") "));
    bullet || numbered
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '/')
}

/// Finds tags in one line outside inline code, wikilinks, URLs and `%%comments%%`.
fn scan_line(line: &str, in_comment: &mut bool, found: &mut Vec<String>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if *in_comment {
            if line[at..].starts_with("%%") {
                *in_comment = false;
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        if line[at..].starts_with("%%") {
            *in_comment = true;
            i += 2;
            continue;
        }
        match c {
            '`' => {
                let run = chars[i..].iter().take_while(|(_, c)| *c == '`').count();
                let ticks = "`".repeat(run);
                let after = at + run;
                match line[after..].find(&ticks) {
                    Some(close) => {
                        let end = after + close + run;
                        i = chars.iter().position(|(p, _)| *p >= end).unwrap_or(chars.len());
                    }
                    None => i += run,
                }
            }
            '[' if line[at..].starts_with("[[") => match line[at..].find("]]") {
                Some(close) => {
                    let end = at + close + 2;
                    i = chars.iter().position(|(p, _)| *p >= end).unwrap_or(chars.len());
                }
                None => i += 2,
            },
            '#' => {
                let starts_word = i == 0 || chars[i - 1].1.is_whitespace();
                let run: String = chars[i + 1..].iter().map(|(_, c)| *c).take_while(|c| is_tag_char(*c)).collect();
                let tag = run.trim_end_matches('/');
                let valid = starts_word
                    && !tag.starts_with('/')
                    && tag.chars().any(|c| !c.is_ascii_digit() && c != '/' && c != '-' && c != '_');
                if valid {
                    found.push(tag.to_owned());
                }
                i += 1 + run.chars().count();
            }
            c if c.is_whitespace() => i += 1,
            _ => {
                // Skip the rest of a word, so URLs (`https://a.com/#x`) never yield tags.
                while i < chars.len() && !chars[i].1.is_whitespace() && chars[i].1 != '`' {
                    if line[chars[i].0..].starts_with("[[") || line[chars[i].0..].starts_with("%%") {
                        break;
                    }
                    i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::inline_tags;

    #[test]
    fn tags_in_text_are_found() {
        for (text, expected) in [
            ("A #ai note", &["ai"][..]),
            ("#ai/inference and #semis.", &["ai/inference", "semis"]),
            ("Nested #a/b/c/ here", &["a/b/c"]),
            ("Portuguese #inferência, #ações!", &["inferência", "ações"]),
            ("#y2024 but not #2024", &["y2024"]),
            ("- list item #todo", &["todo"]),
            ("- item\n    - nested item #deep", &["deep"]),
            ("> quoted #quote", &["quote"]),
            ("dashes #my-tag and under #my_tag", &["my-tag", "my_tag"]),
        ] {
            assert_eq!(inline_tags(text), expected, "{text:?}");
        }
    }

    #[test]
    fn code_headings_urls_and_links_hold_no_tags() {
        for text in [
            "# Heading",
            "## Notes on #ai",
            "```\n#not a tag\n```",
            "~~~python\n# comment #nope\n~~~",
            "Some `#code` here",
            "Some ``a ` #code`` here",
            "See https://example.com/page#anchor",
            "See <https://example.com/#frag>",
            "[link](#anchor) and [[Note#Heading]] and [[Note #x]]",
            "C# and F#, issue#12, &#123;",
            "para\n\n    indented #code block",
            "%% hidden #comment %%",
            "#",
            "# ",
            "#/",
            "#123",
        ] {
            assert_eq!(inline_tags(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn text_after_a_closed_fence_is_read_again() {
        assert_eq!(inline_tags("```\n#in\n```\n#out"), ["out"]);
        assert_eq!(inline_tags("````\n```\n#in\n````\n#out"), ["out"]);
    }
}
