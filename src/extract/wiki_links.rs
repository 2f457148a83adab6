//! Links between notes as Obsidian writes them: `[[Title]]`, `[[Title|shown text]]`,
//! `[[Title#Heading]]` and `[[Title#Heading|shown text]]`.
//!
//! One pass over the text, never backtracking: a `[[` opens a link, the next `]]` on the same line
//! closes it, and a second `[[` before that starts over from there (so `[[a [[b]] c]]` links `b`).
//! Code is not read: fenced blocks (```` ``` ```` or `~~~`) and code spans (`` `[[x]]` ``) hold no
//! links. Embeds (`![[chart.png]]`) are attachments, not links. An empty title (`[[]]`,
//! `[[#Heading]]`, a heading in the same note) is no link, and neither is a target over
//! [`MAX_TARGET_BYTES`].

use std::collections::HashMap;
use std::ops::Range;

/// The longest text between `[[` and `]]` read as a link (a title is at most 1,000 characters).
pub const MAX_TARGET_BYTES: usize = 4_096;

/// A link found in a note's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikiLink {
    /// The target as typed (trimmed): a note's title, alias or file name.
    pub target: String,
    /// The part after `#`, when there is one.
    pub heading: Option<String>,
    /// The part after `|`, when there is one.
    pub shown: Option<String>,
    /// Bytes of the whole link in the text, brackets included.
    pub span: Range<usize>,
}

impl WikiLink {
    /// What the link reads as in the text: the shown text, else the target (and heading).
    pub fn label(&self) -> String {
        match (&self.shown, &self.heading) {
            (Some(shown), _) => shown.clone(),
            (None, Some(heading)) => format!("{} > {heading}", self.target),
            (None, None) => self.target.clone(),
        }
    }
}

/// Every link in `text`, in order.
pub fn wiki_links(text: &str) -> Vec<WikiLink> {
    let mut found = Vec::new();
    if !text.contains("[[") {
        return found;
    }
    for_lines_outside_fences(text, |line, start| links_in_line(line, start, &mut found));
    found
}

/// Calls `each` with every line of `text` (and the byte it starts at) that is not inside a
/// fenced code block, nor a fence itself: links in code are not links.
pub(super) fn for_lines_outside_fences(text: &str, mut each: impl FnMut(&str, usize)) {
    let mut fence: Option<(u8, usize)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = fence_marker(trimmed).filter(|_| indent < 4);
        match (fence, marker) {
            (None, Some(opened)) => fence = Some(opened),
            (Some((char, len)), Some((c, l))) if c == char && l >= len && trimmed[l..].trim().is_empty() => {
                fence = None
            }
            (None, None) => each(line, line_start),
            _ => {}
        }
        line_start += line.len();
    }
}

/// A fence line's character and length (at least three backticks or tildes).
pub(super) fn fence_marker(line: &str) -> Option<(u8, usize)> {
    let first = *line.as_bytes().first()?;
    if first != b'`' && first != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == first).count();
    (len >= 3).then_some((first, len))
}

/// The links in one line outside its code spans; `offset` is where the line starts in the text.
fn links_in_line(line: &str, offset: usize, found: &mut Vec<WikiLink>) {
    let bytes = line.as_bytes();
    let spans = code_spans(bytes);
    let mut next_span = spans.iter().peekable();
    let mut open: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(span) = next_span.peek()
            && span.start <= at
        {
            at = span.end;
            next_span.next();
            continue;
        }
        if bytes[at..].starts_with(b"[[") {
            open = Some(at);
            at += 2;
            continue;
        }
        if let Some(start) = open
            && bytes[at..].starts_with(b"]]")
        {
            open = None;
            let embed = start > 0 && bytes[start - 1] == b'!';
            let inner = &line[start + 2..at];
            if !embed
                && inner.len() <= MAX_TARGET_BYTES
                && let Some(link) = parse_inner(inner, offset + start..offset + at + 2)
            {
                found.push(link);
            }
            at += 2;
            continue;
        }
        at += 1;
    }
}

/// Whether a title can be written inside `[[ ]]` as it is (no brackets, `|`, `#` or line break).
pub fn linkable(title: &str) -> bool {
    !title.trim().is_empty() && !title.contains(['[', ']', '|', '#', '\n', '\r'])
}

/// `text` with every link whose target `matches` pointed at `new_title` instead, its heading and
/// shown text kept. Nothing changes when `new_title` cannot be written in a link ([`linkable`]).
pub fn retarget_links(text: &str, matches: &dyn Fn(&str) -> bool, new_title: &str) -> String {
    if !linkable(new_title) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for link in wiki_links(text).into_iter().filter(|l| matches(&l.target)) {
        out.push_str(&text[copied..link.span.start]);
        out.push_str("[[");
        out.push_str(new_title.trim());
        if let Some(heading) = &link.heading {
            out.push('#');
            out.push_str(heading);
        }
        if let Some(shown) = &link.shown {
            out.push('|');
            out.push_str(shown);
        }
        out.push_str("]]");
        copied = link.span.end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The byte ranges of a line's code spans: a run of backticks up to the next run of the same
/// length. Runs are matched through one list per length, so a line of unmatched backticks
/// costs one pass, not one per run.
pub(super) fn code_spans(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'`' {
            let len = bytes[at..].iter().take_while(|&&b| b == b'`').count();
            runs.push((at, len));
            at += len;
        } else {
            at += 1;
        }
    }
    if runs.len() < 2 {
        return Vec::new();
    }
    let mut by_len: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, (_, len)) in runs.iter().enumerate().rev() {
        by_len.entry(*len).or_default().push(index);
    }
    let mut spans = Vec::new();
    let mut index = 0;
    while index < runs.len() {
        let (start, len) = runs[index];
        // Each length's list holds its runs from last to first: drop those already passed.
        let list = by_len.entry(len).or_default();
        while list.last().is_some_and(|&i| i <= index) {
            list.pop();
        }
        match list.pop() {
            Some(close) => {
                let (close_at, close_len) = runs[close];
                spans.push(start..close_at + close_len);
                index = close + 1;
            }
            None => index += 1,
        }
    }
    spans
}

/// `Title#Heading|shown` split into its parts; `None` when there is no title.
fn parse_inner(inner: &str, span: Range<usize>) -> Option<WikiLink> {
    let (target, shown) = match inner.split_once('|') {
        // In a Markdown table the bar is written `\|`.
        Some((target, shown)) => (target.strip_suffix('\\').unwrap_or(target), Some(shown.trim())),
        None => (inner, None),
    };
    let (title, heading) = match target.split_once('#') {
        Some((title, heading)) => (title, Some(heading.trim())),
        None => (target, None),
    };
    let title = title.trim();
    if title.is_empty() {
        return None;
    }
    Some(WikiLink {
        target: title.to_owned(),
        heading: heading.filter(|h| !h.is_empty()).map(str::to_owned),
        shown: shown.filter(|s| !s.is_empty()).map(str::to_owned),
        span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        wiki_links(text).into_iter().map(|l| (l.target, l.heading, l.shown)).collect()
    }

    fn plain(target: &str) -> (String, Option<String>, Option<String>) {
        (target.to_owned(), None, None)
    }

    #[test]
    fn links_are_read_with_their_heading_and_shown_text() {
        let text = "See [[NVDA thesis]], [[Capex|the capex note]] and [[Jevons paradox#History]] or \
                    [[ Ações #Dividendos | dividendos ]].";
        assert_eq!(
            targets(text),
            [
                plain("NVDA thesis"),
                ("Capex".into(), None, Some("the capex note".into())),
                ("Jevons paradox".into(), Some("History".into()), None),
                ("Ações".into(), Some("Dividendos".into()), Some("dividendos".into())),
            ]
        );
        let first = &wiki_links(text)[0];
        assert_eq!(&text[first.span.clone()], "[[NVDA thesis]]");
        assert_eq!(wiki_links(text)[1].label(), "the capex note");
    }

    #[test]
    fn odd_brackets_and_empty_links_are_not_links() {
        for (text, expected) in [
            ("[[]] [[ ]] [[#Heading]] [[|x]]", &[][..]),
            ("unclosed [[Title and more", &[]),
            ("[[a [[b]] c]]", &["b"]),
            ("[[[Triple]]]", &["[Triple"]),
            ("[[one\ntwo]]", &[]),
            ("![[chart.png]] and [[Real]]", &["Real"]),
            ("| [[A\\|shown]] |", &["A"]),
            ("]] [[x]] ]]", &["x"]),
        ] {
            let found: Vec<String> = wiki_links(text).into_iter().map(|l| l.target).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn code_holds_no_links() {
        let text = "`[[Not]]` [[Yes]] ``a ` [[Not2]]`` ```\n```\n[[Fenced]]\n```\n~~~~\n[[Tilde]]\n~~~~\n[[After]]";
        let found: Vec<String> = wiki_links(text).into_iter().map(|l| l.target).collect();
        assert_eq!(found, ["Yes", "After"]);
        let unmatched = "` [[Open]] `` [[Also]]";
        let found: Vec<String> = wiki_links(unmatched).into_iter().map(|l| l.target).collect();
        assert_eq!(found, ["Open", "Also"], "a backtick run without its twin is text");
    }

    #[test]
    fn large_odd_bodies_are_read_in_one_pass() {
        let mut body = String::new();
        for n in 1..1500 {
            body.push_str(&"`".repeat(n % 40 + 1));
            body.push_str(" [[ x");
        }
        body.push_str(&"[[".repeat(200_000));
        body.push_str(&"]]".repeat(200_000));
        let started = std::time::Instant::now();
        let found = wiki_links(&body);
        assert!(found.len() <= 1, "{}", found.len());
        let many = "[[Note]] ".repeat(100_000);
        assert_eq!(wiki_links(&many).len(), 100_000);
        assert!(started.elapsed().as_secs() < 5, "took {:?}", started.elapsed());
    }

    #[test]
    fn retargeting_rewrites_only_the_matching_links() {
        let text = "[[Old]], [[old#Risks|the risks]], [[Other]], `[[Old]]`, [[Old\\|x]]";
        let is_old = |t: &str| t.eq_ignore_ascii_case("old");
        assert_eq!(
            retarget_links(text, &is_old, "New title"),
            "[[New title]], [[New title#Risks|the risks]], [[Other]], `[[Old]]`, [[New title|x]]"
        );
        assert_eq!(retarget_links(text, &is_old, "a|b"), text, "a title a link cannot hold changes nothing");
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_links_inside_it(parts in proptest::collection::vec(proptest::sample::select(&[
            "[[", "]]", "[", "]", "|", "#", "\\", "`", "```", "~~~", "\n", " ", "a", "é", "👍🏽", "!", "\u{301}",
        ][..]), 0..40)) {
            let text: String = parts.concat();
            for link in wiki_links(&text) {
                proptest::prop_assert!(text[link.span.clone()].starts_with("[[") && text[link.span].ends_with("]]"));
                proptest::prop_assert!(!link.target.is_empty());
            }
        }
    }
}
