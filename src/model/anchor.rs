//! Finding a quote in a document's pages again, the W3C TextQuoteSelector way: the exact words,
//! with the text just before and after them kept to tell repeated quotes apart.
//!
//! The comparison forgives only what the page layout does to text, never the words: runs of
//! white space count as one space, hyphens are ignored together with a line break after them
//! (`end-\nof-line` matches `end-of-line`, `hyphen-\nation` matches `hyphenation`), letter case
//! and compatibility forms (`ﬁ` ligatures, full-width digits) are folded, curly quotes are
//! straight. Nothing else is guessed: a quote with one word wrong is not found.

use unicode_normalization::UnicodeNormalization;

use super::Anchored;

/// How much text before and after a quote is kept with it (the selector's prefix and suffix).
pub const CONTEXT_CHARS: usize = 32;

/// Where a quote was found: the state, the page (1-based) and the selector's prefix and suffix
/// as they are on that page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMatch {
    pub anchored: Anchored,
    pub found_page: Option<u32>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

/// A text in its compared form, with the byte offset in the original of each of its characters.
struct Canonical {
    chars: Vec<char>,
    offsets: Vec<usize>,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{00AD}')
}

fn straight(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        _ => c,
    }
}

fn canonical(text: &str) -> Canonical {
    let mut chars = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    let mut after_hyphen = false;
    for (at, original) in text.char_indices() {
        if is_hyphen(original) {
            after_hyphen = true;
            continue;
        }
        if original.is_whitespace() {
            if !after_hyphen && chars.last().is_some_and(|c: &char| *c != ' ') {
                chars.push(' ');
                offsets.push(at);
            }
            continue;
        }
        after_hyphen = false;
        for c in std::iter::once(original).nfkc().flat_map(char::to_lowercase) {
            chars.push(straight(c));
            offsets.push(at);
        }
    }
    if chars.last() == Some(&' ') {
        chars.pop();
        offsets.pop();
    }
    Canonical { chars, offsets }
}

/// The first place `needle` occurs in `hay`, by character index.
fn find(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    (0..=hay.len() - needle.len()).find(|&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

/// Looks for `quote` in `pages` (the first is page 1): on `page` first when one is named, then
/// on every page in order. `None` when the quote has nothing to compare (only spaces and
/// hyphens).
pub fn locate(quote: &str, page: Option<u32>, pages: &[String]) -> Option<QuoteMatch> {
    let needle = canonical(quote).chars;
    if needle.is_empty() {
        return None;
    }
    let named = page.and_then(|p| usize::try_from(p).ok()).filter(|p| (1..=pages.len()).contains(p));
    let order = named.into_iter().chain((1..=pages.len()).filter(|p| Some(*p) != named));
    for number in order {
        let text = &pages[number - 1];
        let hay = canonical(text);
        if let Some(start) = find(&hay.chars, &needle) {
            let end = start + needle.len();
            let from = hay.offsets[start];
            let to = hay.offsets.get(end).copied().unwrap_or(text.len());
            let anchored = if page.is_none() || named == Some(number) { Anchored::Found } else { Anchored::Elsewhere };
            return Some(QuoteMatch {
                anchored,
                found_page: u32::try_from(number).ok(),
                prefix: context_before(&text[..from]),
                suffix: context_after(&text[to..]),
            });
        }
    }
    Some(QuoteMatch { anchored: Anchored::NotFound, found_page: None, prefix: None, suffix: None })
}

fn context_before(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().rev().take(CONTEXT_CHARS).collect();
    let kept: String = chars.into_iter().rev().collect();
    (!kept.is_empty()).then_some(kept)
}

fn context_after(text: &str) -> Option<String> {
    let kept: String = text.chars().take(CONTEXT_CHARS).collect();
    (!kept.is_empty()).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn a_quote_is_found_on_its_page_elsewhere_or_not_at_all() {
        let doc = pages(&["Cover page.", "Revenue grew 12% in the quarter.\nMargins held."]);
        let state = |quote: &str, page: Option<u32>| locate(quote, page, &doc).map(|m| (m.anchored, m.found_page));
        assert_eq!(state("Revenue grew 12%", Some(2)), Some((Anchored::Found, Some(2))));
        assert_eq!(state("Revenue grew 12%", Some(1)), Some((Anchored::Elsewhere, Some(2))));
        assert_eq!(state("Revenue grew 12%", None), Some((Anchored::Found, Some(2))));
        assert_eq!(state("Revenue grew 13%", Some(2)), Some((Anchored::NotFound, None)));
        assert_eq!(state("Revenue grew 12%", Some(9)), Some((Anchored::Elsewhere, Some(2))), "no page 9");
        assert_eq!(state(" - ", Some(1)), None, "nothing to compare");
    }

    #[test]
    fn layout_is_forgiven_but_words_are_not() {
        let doc = pages(&["The end-\nof-line split and a hyphen-\nation, with “curly” quotes\n\n and  spaces: ﬁnal."]);
        for quote in [
            "end-of-line split",
            "a hyphenation",
            "with \"curly\" quotes and spaces",
            "THE END-OF-LINE",
            "spaces: final.",
        ] {
            assert_eq!(locate(quote, Some(1), &doc).map(|m| m.anchored), Some(Anchored::Found), "{quote}");
        }
        for quote in ["end of line split", "a hyphenatoin", "curly quotes"] {
            assert_eq!(locate(quote, Some(1), &doc).map(|m| m.anchored), Some(Anchored::NotFound), "{quote}");
        }
    }

    #[test]
    fn the_selector_keeps_the_text_around_the_quote() {
        let doc = pages(&["Before the quote: the exact words, and after them more text follows."]);
        let found = locate("the exact words", Some(1), &doc).unwrap();
        assert_eq!(found.prefix.as_deref(), Some("Before the quote: "));
        assert_eq!(found.suffix.as_deref(), Some(", and after them more text follo"));
        let at_start = locate("Before", Some(1), &doc).unwrap();
        assert_eq!(at_start.prefix, None);
    }

    #[test]
    fn odd_text_never_panics() {
        let doc = pages(&["\u{0}\u{FFFF}é\u{301}ﬃ", "", "İstanbul"]);
        for quote in ["e\u{301}", "ﬃ", "ffi", "i\u{307}stanbul", "\u{0}", "x"] {
            assert!(locate(quote, Some(3), &doc).is_some());
        }
    }
}
