//! Limits a front matter block must keep before the YAML parser sees it: its size and how deeply
//! it nests.
//!
//! The YAML scanner underneath `serde_norway` (libyaml) checks every open `[` or `{` again at each
//! token, so a block of nested brackets (`tags: [[[[…]]]]`) costs time in the square of its
//! length: 200 KB took 34 s. `serde_norway` refuses documents nested more than 128 deep, but only
//! after the scanner has read them. [`screen`] walks the block once, in linear time, and counts
//! the nesting the way YAML does (flow brackets outside quotes, comments and block scalars;
//! indentation, `- ` and `? ` in block style), so such a block is refused in microseconds. Within
//! the limits, parsing takes time in proportion to the block's size, which [`MAX_BYTES`] bounds.

/// The largest front matter read, in bytes. Far above what the Markdown export writes for a note
/// with hundreds of claims, and small enough that the parser finishes in under half a second
/// whatever the block holds (`benches/front_matter.rs`).
pub const MAX_BYTES: usize = 1024 * 1024;

/// The deepest nesting read. The Markdown export nests five deep (a note's claims, their sources);
/// Obsidian and Joplin properties fewer.
pub const MAX_DEPTH: usize = 16;

/// Checks `yaml` (the text between the `---` lines) against [`MAX_BYTES`] and [`MAX_DEPTH`]; the
/// error says which limit and, for nesting, on which line of the block.
pub fn screen(yaml: &str) -> Result<(), String> {
    if yaml.len() > MAX_BYTES {
        return Err(format!(
            "front matter of {} KB is larger than the {} KB Jevons reads",
            yaml.len().div_ceil(1024),
            MAX_BYTES / 1024
        ));
    }
    let mut scan = Scan::default();
    for (number, line) in yaml.lines().enumerate() {
        if scan.line(line) > MAX_DEPTH {
            return Err(format!(
                "front matter nested more than {MAX_DEPTH} levels deep (line {} of the file)",
                number + 2
            ));
        }
    }
    Ok(())
}

/// The state carried from one line of the block to the next.
#[derive(Default)]
struct Scan {
    /// Open `[` and `{`.
    flow: usize,
    /// The quote a quoted scalar was opened with, while it runs on.
    quote: Option<u8>,
    /// Indentation of the open block collections, outermost first.
    indents: Vec<usize>,
    /// Block nesting where the current line (or the flow collection it continues) began.
    block: usize,
    /// The indentation of the line that began a `|` or `>` scalar, while its text runs on.
    literal: Option<usize>,
}

impl Scan {
    /// Reads one line; returns the deepest nesting reached in it.
    fn line(&mut self, line: &str) -> usize {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|b| **b == b' ').count();
        let rest = &bytes[indent..];
        if let Some(parent) = self.literal {
            if rest.iter().all(u8::is_ascii_whitespace) || indent > parent {
                return 0;
            }
            self.literal = None;
        }
        let in_block = self.quote.is_none() && self.flow == 0;
        if in_block {
            if rest.is_empty() || rest[0] == b'#' {
                return 0;
            }
            while self.indents.last().is_some_and(|open| *open >= indent) {
                self.indents.pop();
            }
            self.indents.push(indent);
            self.block = self.indents.len();
        }
        let mut deepest = self.block + self.flow;
        // Whether the next character may begin a node (where `[`, `{`, a quote, `|` or `-` mean
        // structure rather than text).
        let mut node_start = in_block;
        let mut i = 0;
        while i < rest.len() {
            let c = rest[i];
            let next = rest.get(i + 1).copied();
            let spaced = |b: Option<u8>| b.is_none_or(|b| b == b' ' || b == b'\t');
            if let Some(quote) = self.quote {
                if quote == b'"' && c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == quote {
                    if quote == b'\'' && next == Some(b'\'') {
                        i += 2;
                        continue;
                    }
                    self.quote = None;
                    node_start = false;
                }
                i += 1;
                continue;
            }
            match c {
                b' ' | b'\t' => {}
                b'#' if i == 0 || matches!(rest[i - 1], b' ' | b'\t') => break,
                b'"' | b'\'' if node_start || self.flow > 0 => self.quote = Some(c),
                b'[' | b'{' if node_start || self.flow > 0 => {
                    self.flow += 1;
                    node_start = true;
                }
                b']' | b'}' if self.flow > 0 => {
                    self.flow -= 1;
                    node_start = false;
                }
                b',' if self.flow > 0 => node_start = true,
                b'-' | b'?' if self.flow == 0 && node_start && spaced(next) => self.block += 1,
                b':' if spaced(next) || self.flow > 0 => node_start = true,
                b'|' | b'>' if self.flow == 0 && node_start => {
                    self.literal = Some(indent);
                    break;
                }
                b'&' | b'!' if node_start => {
                    // An anchor or a tag: the node itself comes after it.
                    while i + 1 < rest.len() && !matches!(rest[i + 1], b' ' | b'\t') {
                        i += 1;
                    }
                }
                _ => node_start = false,
            }
            deepest = deepest.max(self.block + self.flow);
            i += 1;
        }
        deepest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(yaml: &str) -> usize {
        let mut scan = Scan::default();
        yaml.lines().map(|line| scan.line(line)).max().unwrap_or(0)
    }

    #[test]
    fn nesting_is_counted_as_yaml_nests() {
        for (yaml, expected) in [
            ("title: A", 1),
            ("tags: [a, b]", 2),
            ("tags: [[a], {b: [c]}]", 4),
            ("a:\n  b:\n    c: 1", 3),
            ("- - - x", 4),
            ("? ? x\n: y", 3),
            ("claims:\n- uid: a\n  sources:\n  - url: u\n    quote: q", 3),
            ("tags: &t !!seq [a]", 2),
            ("a: [\n  [\n    [x]\n  ]\n]", 4),
        ] {
            assert_eq!(depth(yaml), expected, "{yaml:?}");
        }
    }

    #[test]
    fn brackets_in_text_are_not_nesting() {
        for yaml in [
            "title: C++ [[[[[[draft]]]]]] notes",
            "title: '[[[[[[[['",
            "title: \"[[[[\\\"[[[[\"",
            "quote: |\n  [[[[[[[[[[\n  {{{{{{{{{{\nnext: 1",
            "quote: >-\n  - - - - - - -\n      - - - - - -\nnext: 1",
            "title: a # [[[[[[[[[[",
            "text: 'it''s [[[[[['",
        ] {
            assert!(depth(yaml) <= 2, "{yaml:?}: {}", depth(yaml));
        }
    }

    #[test]
    fn a_quote_or_a_flow_collection_may_run_over_several_lines() {
        assert_eq!(depth("text: \"one\n  [[[[[[ two\"\nnext: [a]"), 2);
        assert_eq!(depth("tags: [a,\n  [b,\n  [c]]]"), 4);
    }

    #[test]
    fn blocks_past_the_limits_are_refused_with_the_reason() {
        let deep = format!("tags: {}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let err = screen(&deep).unwrap_err();
        assert!(err.contains("nested more than 16 levels deep (line 2"), "{err}");
        let within = format!("tags: {}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert_eq!(screen(&within), Ok(()));
        let dashes = "- ".repeat(MAX_DEPTH + 1);
        assert!(screen(&format!("a:\n  {dashes}x")).is_err());
        let large = format!("title: {}", "x".repeat(MAX_BYTES));
        assert!(screen(&large).unwrap_err().contains("larger than the 1024 KB"), "{large:.20}");
    }
}
