//! The rendered Markdown preview (egui_commonmark). Remote images are never fetched: before
//! rendering, every image becomes a link to its address (which, like every link, opens only if it
//! is http or https). Only the part of the preview in view is laid out.

use egui::{Id, Ui};
use egui_commonmark::{CommonMarkCache, CommonMarkScrollOptions, CommonMarkViewer};

/// The Markdown to render: `![alt](url)` becomes `[image: alt](url)`, `![alt][ref]` becomes
/// `[image: alt][ref]`.
pub fn without_images(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(at) = rest.find("![") {
        // `\![` is a literal `![`, but `\\![` is a literal backslash before a real image.
        let escaped = rest[..at].chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
        out.push_str(&rest[..at]);
        if escaped {
            out.push_str("![");
        } else {
            // After a `!` (`!![a](u)`), the new `[` would make an image again.
            if out.ends_with('!') {
                out.push(' ');
            }
            out.push_str("[image: ");
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out.replace("[image: ]", "[image]")
}

/// Draws the preview of `text` (already passed through [`without_images`]).
pub fn preview_ui(ui: &mut Ui, cache: &mut CommonMarkCache, text: &str, id: Id) {
    let options = CommonMarkScrollOptions::default().viewport_cache(true);
    CommonMarkViewer::new().show_scrollable(id, ui, cache, &options, text);
}

#[cfg(test)]
mod tests {
    use super::without_images;

    #[test]
    fn images_become_links_that_are_never_fetched() {
        assert_eq!(without_images("See ![chart](https://x.com/c.png)."), "See [image: chart](https://x.com/c.png).");
        assert_eq!(without_images("![](file:///etc/passwd)"), "[image](file:///etc/passwd)");
        assert_eq!(
            without_images("![logo][ref]\n\n[ref]: http://a/b.png"),
            "[image: logo][ref]\n\n[ref]: http://a/b.png"
        );
        assert_eq!(without_images(r"literal \![x](y)"), r"literal \![x](y)");
        assert_eq!(without_images(r"slash \\![x](y)"), r"slash \\[image: x](y)");
        assert_eq!(without_images("wow!![x](y)"), "wow! [image: x](y)");
        assert_eq!(without_images("Ações sobem! [link](https://a.b)"), "Ações sobem! [link](https://a.b)");
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
            let images = images_in(&without_images(&markdown));
            proptest::prop_assert!(images.is_empty(), "{:?} still shows {:?}", markdown, images);
        }
    }
}
