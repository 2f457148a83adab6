//! Result snippets: a short plain-text excerpt of a note around the first word the query
//! matched, with the matched words marked. Pure text work, no SQL.

use std::ops::Range;

use crate::model::fold;
use crate::query::{Query, TermKind};

/// About how long a snippet is, in characters.
const WIDTH: usize = 200;
/// How much text before the first match a snippet shows.
const LEAD: usize = 50;

/// The query's words, folded as the full-text index folds them.
#[derive(Debug, Default)]
pub(super) struct Words {
    exact: Vec<String>,
    prefixes: Vec<String>,
}

impl Words {
    pub fn of(query: &Query) -> Self {
        let mut words = Self::default();
        for term in query.clauses.iter().flat_map(|c| &c.any).filter(|t| !t.negated) {
            match &term.kind {
                TermKind::Word(text) | TermKind::Phrase(text) => words.exact.extend(tokens(text).map(|(_, w)| fold(w))),
                TermKind::Prefix(text) => words.prefixes.extend(tokens(text).map(|(_, w)| fold(w))),
                _ => {}
            }
        }
        words
    }

    /// The byte ranges of `text`'s words that the query's words match.
    fn matches_in(&self, text: &str) -> Vec<Range<usize>> {
        if self.exact.is_empty() && self.prefixes.is_empty() {
            return Vec::new();
        }
        tokens(text).filter(|(_, w)| self.matches(w)).map(|(range, _)| range).collect()
    }

    fn matches(&self, word: &str) -> bool {
        let folded = fold(word);
        self.exact.contains(&folded) || self.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
    }

    /// The excerpt of `body` to show, and the byte ranges in it to highlight. A note's front
    /// matter (its properties) is left out unless the query's words are found only there.
    pub fn snippet(&self, body: &str) -> (String, Vec<Range<usize>>) {
        let after = crate::model::front_matter::after_block(body);
        let mut text = plain_text(after.unwrap_or(body));
        let mut matches = self.matches_in(&text);
        if matches.is_empty() && after.is_some() {
            let whole = plain_text(body);
            let in_whole = self.matches_in(&whole);
            if !in_whole.is_empty() {
                (text, matches) = (whole, in_whole);
            }
        }
        let start = matches.first().map_or(0, |first| back_to_word_start(&text, first.start, LEAD));
        let end = forward_to_word_end(&text, start, WIDTH);
        let mut snippet = String::new();
        if start > 0 {
            snippet.push('…');
        }
        let offset = snippet.len();
        snippet.push_str(&text[start..end]);
        if end < text.len() {
            snippet.push('…');
        }
        let highlights = matches
            .into_iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| m.start - start + offset..m.end - start + offset)
            .collect();
        (snippet, highlights)
    }
}

/// Words (runs of letters and digits) with their byte ranges.
fn tokens(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out.into_iter()
}

/// Markdown reduced to running text: no heading marks, emphasis marks, code fences or line
/// breaks.
fn plain_text(body: &str) -> String {
    let mut out = String::with_capacity(body.len().min(WIDTH * 8));
    for line in body.lines() {
        let line = line.trim_start().trim_start_matches(['#', '>']).trim_start();
        let line = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")).unwrap_or(line);
        if line.starts_with("```") || line.starts_with("---") {
            continue;
        }
        for word in line.split_whitespace() {
            let word: String = word.chars().filter(|c| !matches!(c, '*' | '`' | '_')).collect();
            if word.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
    }
    out
}

/// A byte index at most about `lead` characters before `at`, at the start of a word.
fn back_to_word_start(text: &str, at: usize, lead: usize) -> usize {
    let before: Vec<(usize, char)> = text[..at].char_indices().collect();
    if before.len() <= lead {
        return 0;
    }
    let from = before[before.len() - lead].0;
    text[from..at].find(' ').map_or(from, |space| from + space + 1)
}

/// A byte index about `width` characters after `start`, at the end of a word.
fn forward_to_word_end(text: &str, start: usize, width: usize) -> usize {
    let Some((limit, _)) = text[start..].char_indices().nth(width) else {
        return text.len();
    };
    let limit = start + limit;
    text[start..limit].rfind(' ').map_or(limit, |space| start + space)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;

    fn snip(query: &str, body: &str) -> (String, Vec<String>) {
        let (text, marks) = Words::of(&parse(query).unwrap()).snippet(body);
        let marked = marks.iter().map(|r| text[r.clone()].to_owned()).collect();
        (text, marked)
    }

    #[test]
    fn snippets_show_the_matched_words() {
        let body = format!(
            "{} NVIDIA perdeu quase US$ 500 bilhões em valor de mercado. {}",
            "x ".repeat(100),
            "y ".repeat(200)
        );
        let (text, marked) = snip("bilhoes", &body);
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert_eq!(marked, ["bilhões"]);
        let (_, marked) = snip("merc*", "valor de mercado");
        assert_eq!(marked, ["mercado"]);
    }

    #[test]
    fn the_front_matter_is_shown_only_when_the_words_are_found_only_there() {
        let body = "---\nconviction: high\nreview: 2025-03-01\n---\n\n## Thesis\n$NVDA demand.";
        assert_eq!(snip("$NVDA", body).0, "Thesis $NVDA demand.");
        assert_eq!(snip("demand", body), ("Thesis $NVDA demand.".to_owned(), vec!["demand".to_owned()]));
        let (text, marked) = snip("conviction", body);
        assert!(text.contains("conviction: high"), "{text}");
        assert_eq!(marked, ["conviction"]);
        assert_eq!(snip("", "---\nbroken: [\n---\nText").0, "Text");
    }

    #[test]
    fn markdown_marks_are_dropped() {
        let (text, _) = snip("", "# Title\n\n**Bold** and `code`\n- item");
        assert_eq!(text, "Title Bold and code item");
    }

    #[test]
    fn odd_text_never_splits_a_character() {
        for body in ["ação ".repeat(300), "🚀".repeat(500), String::new(), "日本語のテキスト".repeat(50)] {
            let (text, _) = snip("ação", &body);
            assert!(text.chars().count() <= WIDTH + 2);
        }
    }
}
