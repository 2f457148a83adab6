//! The rendered Markdown preview (egui_commonmark), with what extraction found in the text
//! highlighted. Remote images are never fetched: before rendering, every image becomes a link to
//! its address (which, like every link, opens only if it is http or https). Only the part of the
//! preview in view is laid out.

use std::ops::Range;

use egui::{Id, Ui};
use egui_commonmark::{CommonMarkCache, CommonMarkScrollOptions, CommonMarkViewer};

use crate::ui::widgets::theme::Palette;

/// The Markdown the preview renders, and where it was lengthened against the note's text (so
/// spans found in the text can be highlighted in it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviewText {
    pub text: String,
    /// (byte in the note's text after which, bytes added in total up to there), in order.
    shifts: Vec<(usize, usize)>,
}

impl PreviewText {
    /// Where byte `at` of the note's text is in the preview text.
    pub fn map(&self, at: usize) -> usize {
        let before = self.shifts.partition_point(|(from, _)| *from <= at);
        at + before.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }
}

/// The Markdown to render: `![alt](url)` becomes `[image: alt](url)`, `![](url)` becomes
/// `[image](url)`, `![alt][ref]` becomes `[image: alt][ref]`.
pub fn without_images(markdown: &str) -> PreviewText {
    let mut out = String::with_capacity(markdown.len());
    let mut shifts = Vec::new();
    let mut added = 0;
    let mut rest = markdown;
    let mut consumed = 0;
    while let Some(at) = rest.find("![") {
        // `\![` is a literal `![`, but `\\![` is a literal backslash before a real image.
        let escaped = rest[..at].chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
        out.push_str(&rest[..at]);
        if escaped {
            out.push_str("![");
        } else {
            let mut marker = if rest[at + 2..].starts_with(']') { "[image" } else { "[image: " }.to_owned();
            // After a `!` (`!![a](u)`), the new `[` would make an image again.
            if out.ends_with('!') {
                marker.insert(0, ' ');
            }
            out.push_str(&marker);
            added += marker.len() - 2;
            shifts.push((consumed + at + 2, added));
        }
        consumed += at + 2;
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    PreviewText { text: out, shifts }
}

/// At most this many findings are highlighted (the first ones): the preview checks every range
/// for each piece of text it draws, so a book-length note keeps its frames short.
pub const MAX_HIGHLIGHTS: usize = 3_000;

/// Highlights `spans` (byte ranges of the note's text) in the preview drawn with `id`; an empty
/// list clears the highlights.
pub fn set_highlights(cache: &mut CommonMarkCache, id: Id, preview: &PreviewText, spans: &[Range<usize>]) {
    let ranges = spans.iter().map(|r| preview.map(r.start)..preview.map(r.end)).collect();
    let search = cache.search_cache_mut(&id);
    search.set_search_ranges(ranges);
    search.set_active_search_range(None);
}

/// Draws the preview of `text` (already passed through [`without_images`]).
pub fn preview_ui(ui: &mut Ui, cache: &mut CommonMarkCache, text: &PreviewText, id: Id) {
    let options = CommonMarkScrollOptions::default().viewport_cache(true);
    CommonMarkViewer::new()
        .search_match_color(Palette::of(ui).highlight)
        .show_scrollable(id, ui, cache, &options, &text.text);
}

#[cfg(test)]
mod tests {
    use super::without_images;

    #[test]
    fn images_become_links_that_are_never_fetched() {
        let text = |markdown: &str| without_images(markdown).text;
        assert_eq!(text("See ![chart](https://x.com/c.png)."), "See [image: chart](https://x.com/c.png).");
        assert_eq!(text("![](file:///etc/passwd)"), "[image](file:///etc/passwd)");
        assert_eq!(text("![logo][ref]\n\n[ref]: http://a/b.png"), "[image: logo][ref]\n\n[ref]: http://a/b.png");
        assert_eq!(text(r"literal \![x](y)"), r"literal \![x](y)");
        assert_eq!(text(r"slash \\![x](y)"), r"slash \\[image: x](y)");
        assert_eq!(text("wow!![x](y)"), "wow! [image: x](y)");
        assert_eq!(text("Ações sobem! [link](https://a.b)"), "Ações sobem! [link](https://a.b)");
    }

    #[test]
    fn spans_of_the_note_are_found_again_in_the_preview() {
        let note = "![a](u) NVIDIA lost $589B. ![](v) Ações: $NVDA";
        let preview = without_images(note);
        for word in ["NVIDIA", "$589B", "$NVDA", "Ações"] {
            let at = note.find(word).unwrap();
            let mapped = preview.map(at)..preview.map(at + word.len());
            assert_eq!(&preview.text[mapped], word);
        }
        assert_eq!(preview.map(0), 0);
    }

    /// The parser egui_commonmark renders with, and its options: no text that comes out of
    /// [`without_images`] holds an image for it, whatever Markdown went in.
    fn images_in(markdown: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Options, Parser, Tag};
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_DEFINITION_LIST
            | Options::ENABLE_MATH
            | Options::ENABLE_HEADING_ATTRIBUTES;
        Parser::new_ext(markdown, options)
            .filter_map(|event| match event {
                Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_check_sees_images() {
        assert_eq!(images_in("![a](https://e.com/a.png) and ![b][r]\n\n[r]: http://e.com/b.png").len(), 2);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 2_000, ..Default::default() })]

        #[test]
        fn no_markdown_keeps_an_image(parts in proptest::collection::vec(proptest::sample::select(&[
            "![a](https://e.com/x.png)", "![a][r]", "![a]", "![]()", "[a](https://e.com)", "\\", "\\\\",
            "!", "[", "]", "(", ")", "`", "``", "<", ">", "*", "_", "a", " ", "\n", "\n\n", ":", "\"",
            "https://e.com/x.png", "<https://e.com/y.png>", "[r]: https://e.com/z.png\n", "![", "](", "][",
            "&#33;", "&excl;", "    ", "> ", "- ", "| a |\n|---|\n", "<img src=x>", "$", "{#id}", "^", "[^1]",
        ][..]), 0..24)) {
            let markdown: String = parts.concat();
            let images = images_in(&without_images(&markdown).text);
            proptest::prop_assert!(images.is_empty(), "{:?} still shows {:?}", markdown, images);
        }
    }
}
