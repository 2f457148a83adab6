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
        let escaped = rest[..at].ends_with('\\');
        out.push_str(&rest[..at]);
        if escaped {
            out.push_str("![");
        } else {
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
        assert_eq!(without_images("Ações sobem! [link](https://a.b)"), "Ações sobem! [link](https://a.b)");
    }
}
