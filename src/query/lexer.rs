//! Splits a query into raw tokens: words, quoted phrases, `op:value` pairs, `[property]` tests,
//! `OR`, with a leading `-` noted. Never fails: an unbalanced quote runs to the end of the text.

use super::syntax::operator;

/// One piece of a query as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// A leading `-` (exclude).
    pub negated: bool,
    /// `op` of `op:value`, lower-cased; empty for plain words and phrases; `[` for `[…]`.
    pub operator: String,
    /// The word, phrase or operator value, quotes removed.
    pub value: String,
    /// The value was quoted (`"exact phrase"`, `claimant:"Cantor Fitzgerald"`).
    pub quoted: bool,
    /// The token as typed, for messages.
    pub raw: String,
}

pub(super) fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let negated = chars[i] == '-' && chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
        if negated {
            i += 1;
        }
        let bracket_end = (chars[i] == '[').then(|| (i..chars.len()).find(|&j| chars[j] == ']')).flatten();
        let (operator, value, quoted, end) = if let Some(close) = bracket_end {
            // `[key:value]`, spaces and quotes included; an unclosed `[` is a plain word.
            ("[".to_owned(), chars[i + 1..close].iter().collect(), false, close + 1)
        } else if chars[i] == '"' {
            let (value, end) = quoted_run(&chars, i);
            (String::new(), value, true, end)
        } else {
            let word_end =
                (i..chars.len()).find(|&j| chars[j].is_whitespace() || chars[j] == '"').unwrap_or(chars.len());
            let word: String = chars[i..word_end].iter().collect();
            match word.split_once(':') {
                // Only the language's operator names; anything else before a `:` is part of a word.
                Some((op, rest)) if operator(&op.to_ascii_lowercase()).is_some() => {
                    let op = op.to_ascii_lowercase();
                    let value_start = i + op.chars().count() + 1;
                    if rest.is_empty() && chars.get(value_start) == Some(&'"') {
                        let (value, end) = quoted_run(&chars, value_start);
                        (op, value, true, end)
                    } else {
                        (op, rest.to_owned(), false, word_end)
                    }
                }
                _ => (String::new(), word, false, word_end),
            }
        };
        out.push(Token { negated, operator, value, quoted, raw: chars[start..end].iter().collect() });
        i = end.max(start + 1);
    }
    out
}

/// Reads `"..."` starting at the opening quote; returns the inside and the index after the
/// closing quote (or the end of the text when the quote is never closed).
fn quoted_run(chars: &[char], open: usize) -> (String, usize) {
    let inner = open + 1;
    match (inner..chars.len()).find(|&j| chars[j] == '"') {
        Some(close) => (chars[inner..close].iter().collect(), close + 1),
        None => (chars[inner..].iter().collect(), chars.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<String> {
        tokens(text)
            .into_iter()
            .map(|t| {
                format!(
                    "{}{}{}{}",
                    if t.negated { "-" } else { "" },
                    t.operator,
                    if t.quoted { "=\"" } else { "=" },
                    t.value
                )
            })
            .collect()
    }

    #[test]
    fn tokens_split_as_typed() {
        assert_eq!(shown("nvidia  $NVDA"), ["=nvidia", "=$NVDA"]);
        assert_eq!(shown("\"exact phrase\" -word"), ["=\"exact phrase", "-=word"]);
        assert_eq!(
            shown("claimant:\"Cantor Fitzgerald\" stance:bullish"),
            ["claimant=\"Cantor Fitzgerald", "stance=bullish"]
        );
        assert_eq!(shown("\"unbalanced quote"), ["=\"unbalanced quote"]);
        assert_eq!(shown("foo:bar TAG:ai"), ["=foo:bar", "tag=ai"]);
        assert_eq!(shown("- a"), ["=-", "=a"]);
        assert_eq!(shown("a\"b c\""), ["=a", "=\"b c"]);
        assert_eq!(shown("[status: in progress] -[a>1] [open"), ["[=status: in progress", "-[=a>1", "=[open"]);
    }
}
