//! Links from a note to files beside it, as Obsidian, Joplin and plain Markdown write them:
//! `![[chart.png]]`, `![[report.pdf#page=3]]`, `![[img.png|300]]`, `[[file.pdf]]`,
//! `![alt](../_resources/x.png)`, `[doc](attachments/x%20y.pdf)` and `![](<a b.png>)`.
//!
//! Every wikilink whose target has a file extension other than Markdown's, and every Markdown
//! link or image whose destination is a relative or absolute path (no `scheme:`, no `#anchor`)
//! with such an extension, is a candidate; whether a file is there is the importer's question.
//! Code (fenced blocks, code spans) holds no links, as for [`super::wiki_links`].

use std::ops::Range;

use super::wiki_links::{code_spans, for_lines_outside_fences};

/// Extensions of notes, never attachments.
const MARKDOWN: &[&str] = &["md", "markdown", "mdown", "mkd", "mkdn"];

/// The longest link target read (a path is at most a few hundred bytes).
const MAX_TARGET_BYTES: usize = 4_096;

/// How a file link is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileLinkKind {
    /// `[[file.pdf]]` or `![[chart.png|300]]`: the target is a path as typed.
    Wiki,
    /// `[text](path)` or `![alt](path)`: the target may be `%`-encoded.
    Markdown,
    /// `[text](<path>)`: angle brackets, so spaces are written as they are.
    Angle,
}

/// A link to a file found in a note's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLink {
    /// The target as written (`chart.png`, `../_resources/x%20y.png`), without a `#page=3` or
    /// `|300` after it and without angle brackets.
    pub target: String,
    /// The path it names: `%XX` decoded in Markdown links.
    pub path: String,
    /// Whether it is an embed (`![[…]]`, `![…](…)`), shown in place rather than linked.
    pub embed: bool,
    pub kind: FileLinkKind,
    /// Bytes of `target` in the text.
    pub span: Range<usize>,
}

/// Every link to a file in `text`, in order.
pub fn file_links(text: &str) -> Vec<FileLink> {
    let mut found = Vec::new();
    if !text.contains("[[") && !text.contains("](") {
        return found;
    }
    for_lines_outside_fences(text, |line, start| links_in_line(line, start, &mut found));
    found
}

/// `text` with the targets of its file links replaced where `new_target` gives one (written in
/// the link's own way: `%20` for spaces in a Markdown link).
pub fn rewrite_file_links(text: &str, new_target: &dyn Fn(&FileLink) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for link in file_links(text) {
        let Some(path) = new_target(&link) else { continue };
        out.push_str(&text[copied..link.span.start]);
        match link.kind {
            FileLinkKind::Wiki | FileLinkKind::Angle => out.push_str(&path),
            FileLinkKind::Markdown => out.push_str(&encode(&path)),
        }
        copied = link.span.end;
    }
    out.push_str(&text[copied..]);
    out
}

fn links_in_line(line: &str, offset: usize, found: &mut Vec<FileLink>) {
    let bytes = line.as_bytes();
    let spans = code_spans(bytes);
    let mut next_span = spans.iter().peekable();
    let mut at = 0;
    while at < bytes.len() {
        if let Some(span) = next_span.peek()
            && span.start <= at
        {
            at = span.end.max(at + 1);
            next_span.next();
            continue;
        }
        if bytes[at..].starts_with(b"[[") {
            let Some(close) = line[at + 2..].find("]]") else {
                at += 2;
                continue;
            };
            let inner_start = at + 2;
            let inner = &line[inner_start..inner_start + close];
            let embed = at > 0 && bytes[at - 1] == b'!';
            // `[[a [[b]]`: the last `[[` before the `]]` opens the link.
            if let Some(reopen) = inner.rfind("[[") {
                at = inner_start + reopen;
                continue;
            }
            let end = inner.find(['|', '#']).unwrap_or(inner.len());
            let raw = inner[..end].trim_end_matches('\\');
            let lead = raw.len() - raw.trim_start().len();
            let target = raw.trim();
            let start = offset + inner_start + lead;
            push(found, target, target.to_owned(), embed, FileLinkKind::Wiki, start);
            at = inner_start + close + 2;
            continue;
        }
        if bytes[at..].starts_with(b"](") {
            let embed = line[..at].rfind('[').is_some_and(|open| open > 0 && bytes[open - 1] == b'!');
            let dest_start = at + 2;
            let rest = &line[dest_start..];
            let (target, start, kind, used) = if let Some(inside) = rest.strip_prefix('<') {
                let Some(close) = inside.find('>') else {
                    at = dest_start;
                    continue;
                };
                (&inside[..close], dest_start + 1, FileLinkKind::Angle, close + 2)
            } else {
                let len = destination_len(rest);
                (&rest[..len], dest_start, FileLinkKind::Markdown, len)
            };
            let path = if kind == FileLinkKind::Markdown { decode(target) } else { target.to_owned() };
            push(found, target, path, embed, kind, offset + start);
            at = dest_start + used.max(1);
            continue;
        }
        at += 1;
    }
}

/// The length of a bare destination: up to whitespace or the `)` that closes it (parentheses
/// inside are balanced).
fn destination_len(rest: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return i,
            ')' => depth -= 1,
            c if c.is_whitespace() => return i,
            _ => {}
        }
    }
    rest.len()
}

fn push(found: &mut Vec<FileLink>, target: &str, path: String, embed: bool, kind: FileLinkKind, start: usize) {
    if target.is_empty() || target.len() > MAX_TARGET_BYTES || !is_file_path(&path) {
        return;
    }
    found.push(FileLink { target: target.to_owned(), path, embed, kind, span: start..start + target.len() });
}

/// Whether a link's path names a file that is no note: not an address (`https:`, `mailto:`),
/// not an anchor, with an extension other than Markdown's.
fn is_file_path(path: &str) -> bool {
    let scheme = path.split_once(':').is_some_and(|(head, _)| {
        head.len() > 1 && head.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if scheme || path.starts_with('#') || path.starts_with("//") {
        return false;
    }
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, ext)) => {
            !stem.is_empty()
                && !ext.is_empty()
                && ext.len() <= 8
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && !ext.chars().all(|c| c.is_ascii_digit())
                && !MARKDOWN.iter().any(|m| ext.eq_ignore_ascii_case(m))
        }
        None => false,
    }
}

/// `%XX` sequences decoded; the text as written when they do not make UTF-8.
fn decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) =
                (bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// A path written as a Markdown destination: spaces, `%`, parentheses and angle brackets encoded.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_whitespace() || c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(text: &str) -> Vec<(String, String, bool)> {
        file_links(text).into_iter().map(|l| (l.target, l.path, l.embed)).collect()
    }

    fn t(target: &str, path: &str, embed: bool) -> (String, String, bool) {
        (target.to_owned(), path.to_owned(), embed)
    }

    #[test]
    fn obsidian_joplin_and_markdown_links_to_files_are_found() {
        let text = "![[chart.png]] and ![[report.pdf#page=3]] and ![[img.png|300]] [[file.pdf]] [[A note]]\n\
                    ![alt](../_resources/x.png) [doc](attachments/x%20y.pdf \"title\") ![](<a b.png>)\n\
                    [web](https://example.com/x.png) [n](other.md) [[Q3 v1.2]] [[J.P. Morgan]]";
        assert_eq!(
            targets(text),
            [
                t("chart.png", "chart.png", true),
                t("report.pdf", "report.pdf", true),
                t("img.png", "img.png", true),
                t("file.pdf", "file.pdf", false),
                t("../_resources/x.png", "../_resources/x.png", true),
                t("attachments/x%20y.pdf", "attachments/x y.pdf", false),
                t("a b.png", "a b.png", true),
            ]
        );
        for link in file_links(text) {
            assert_eq!(&text[link.span.clone()], link.target);
        }
    }

    #[test]
    fn code_holds_no_links_and_odd_text_does_not_panic() {
        assert!(targets("```\n![[chart.png]]\n```\n`![](x.png)`").is_empty());
        for odd in ["![[", "](", "](<", "[[a.png", "![](x.png", "%", "](%ZZ.png)", "](%FF.png)", "[[]]", "]]]("] {
            let _ = file_links(odd);
        }
        assert_eq!(targets("](%FF.png)"), [t("%FF.png", "%FF.png", false)], "not UTF-8: kept as written");
    }

    #[test]
    fn links_are_rewritten_in_their_own_way() {
        let text = "![[chart.png|300]] ![x](../r/a%20b.png) ![](<c d.pdf>) ![[keep.png]]";
        let out = rewrite_file_links(text, &|l| (l.target != "keep.png").then(|| format!("attachments/{}", l.path)));
        assert_eq!(
            out,
            "![[attachments/chart.png|300]] ![x](attachments/../r/a%20b.png) ![](<attachments/c d.pdf>) ![[keep.png]]"
        );
    }
}
