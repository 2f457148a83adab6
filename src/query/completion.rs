//! What the word under the cursor is, so the search box can offer completions: a ticker after
//! `$` or `ticker:`, a tag after `#` or `tag:`, a value of `stance:`/`is:`, a property key after
//! `[`, or an operator name.

use std::ops::Range;

use super::syntax::operators;

/// What kind of thing is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Ticker,
    Tag,
    Operator,
    Stance,
    Is,
    /// A property key after `[` (`[conv` → `[conviction:`).
    Property,
}

/// The word being completed: its kind, what has been typed of it, and the byte range of the
/// query that a chosen completion replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub kind: CompletionKind,
    pub typed: String,
    pub replace: Range<usize>,
}

/// Looks at the word ending at byte `cursor` of `text`.
pub fn completion_context(text: &str, cursor: usize) -> Option<Completion> {
    let cursor = cursor.min(text.len());
    if !text.is_char_boundary(cursor) {
        return None;
    }
    let before = &text[..cursor];
    let start =
        before.rfind(char::is_whitespace).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[start..];
    let word_start = start + usize::from(word.starts_with('-'));
    let word = word.strip_prefix('-').unwrap_or(word);
    let at = |prefix: &str, kind| {
        Some(Completion { kind, typed: word[prefix.len()..].to_owned(), replace: word_start..cursor })
    };
    let lower = word.to_ascii_lowercase();
    if word.starts_with('$') {
        at("$", CompletionKind::Ticker)
    } else if word.starts_with('#') {
        at("#", CompletionKind::Tag)
    } else if lower.starts_with("ticker:") {
        at("ticker:", CompletionKind::Ticker)
    } else if lower.starts_with("tag:") {
        at("tag:", CompletionKind::Tag)
    } else if lower.starts_with("stance:") {
        at("stance:", CompletionKind::Stance)
    } else if lower.starts_with("is:") {
        at("is:", CompletionKind::Is)
    } else if let Some(key) = word.strip_prefix('[')
        && !key.contains([':', '<', '>', '=', ']', '['])
    {
        at("[", CompletionKind::Property)
    } else if !word.is_empty() && !word.contains(':') && operators().any(|o| o.operator.starts_with(&lower)) {
        at("", CompletionKind::Operator)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(text: &str) -> Option<(CompletionKind, String, Range<usize>)> {
        completion_context(text, text.len()).map(|c| (c.kind, c.typed, c.replace))
    }

    #[test]
    fn the_word_under_the_cursor_decides_the_completion() {
        assert_eq!(context("nvidia $NV"), Some((CompletionKind::Ticker, "NV".into(), 7..10)));
        assert_eq!(context("-#ai/in"), Some((CompletionKind::Tag, "ai/in".into(), 1..7)));
        assert_eq!(context("tag:se"), Some((CompletionKind::Tag, "se".into(), 0..6)));
        assert_eq!(context("stance:bu"), Some((CompletionKind::Stance, "bu".into(), 0..9)));
        assert_eq!(context("cla"), Some((CompletionKind::Operator, "cla".into(), 0..3)));
        assert_eq!(context("ação $"), Some((CompletionKind::Ticker, "".into(), 7..8)));
        assert_eq!(context("jevons -[conv"), Some((CompletionKind::Property, "conv".into(), 8..13)));
        assert_eq!(context("[conviction:hi"), None);
        assert_eq!(context("nvidia "), None);
        assert_eq!(context("xyz"), None);
    }
}
