//! The rendered Markdown preview (egui_commonmark), with what extraction found in the text
//! highlighted. An image attached to the note (`![[chart.png]]`, `![](chart.png)`) is shown in
//! place from the bytes the worker loaded; every other image becomes a link to its address (which,
//! like every link, opens only if it is http or https): nothing is fetched or read from a path.
//! Every `[[link]]` to a note becomes a link the view reports clicks on. Only the part of the
//! preview in view is laid out.

use std::ops::Range;

use egui::{Id, Ui};
use egui_commonmark::{CommonMarkCache, CommonMarkScrollOptions, CommonMarkViewer};

use super::wiki_preview::{self, LinkClick};
use crate::extract::{FileLinkKind, file_links, wiki_links};
use crate::model::NoteId;
use crate::ui::widgets::theme::Palette;

/// The Markdown the preview renders, where it differs in length from the note's text (so spans
/// found in the text can be highlighted in it), and the addresses of the note's `[[links]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviewText {
    pub text: String,
    /// (byte in the note's text from which, bytes added in total up to there), in order.
    shifts: Vec<(usize, isize)>,
    /// Bytes of the note's text that became links (not highlighted: their text is rewritten).
    links: Vec<Range<usize>>,
    /// The addresses the preview reports clicks on (see [`wiki_preview`]).
    pub destinations: Vec<String>,
    /// Bytes at the head of the note's text not shown: its front matter (the properties panel
    /// shows it).
    hidden: usize,
}

impl PreviewText {
    /// Where byte `at` of the note's text is in the preview text.
    pub fn map(&self, at: usize) -> usize {
        let before = self.shifts.partition_point(|(from, _)| *from <= at);
        let shift = before.checked_sub(1).map_or(0, |i| self.shifts[i].1);
        (at as isize + shift).clamp(0, self.text.len() as isize) as usize
    }

    /// Whether a span of the note's text lies inside a rewritten link.
    fn in_link(&self, span: &Range<usize>) -> bool {
        let after = self.links.partition_point(|link| link.end <= span.start);
        self.links.get(after).is_some_and(|link| link.start < span.end)
    }
}

/// The Markdown to render: `![alt](url)` becomes `[image: alt](url)`, `![](url)` becomes
/// `[image](url)`, `![alt][ref]` becomes `[image: alt][ref]`; `[[Title]]` becomes a link to the
/// note `target` says it reaches, or one offering to create it (see [`wiki_preview`]); an
/// embed of a file `image` gives a URI for (an attached image the worker loaded) stays an image
/// of that URI.
pub fn preview_markdown(
    markdown: &str,
    target: &dyn Fn(&str) -> Option<NoteId>,
    image: &dyn Fn(&str) -> Option<String>,
) -> PreviewText {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut destinations = Vec::new();
    // The front matter is the properties panel's: the preview starts after it.
    let hidden = match crate::model::front_matter::split(markdown) {
        crate::model::front_matter::Split::Fields(_, body) => markdown.len() - body.len(),
        _ => 0,
    };
    if hidden > 0 {
        edits.push((0..hidden, String::new()));
    }
    // Attached images, shown in place: no other edit may fall inside them.
    let mut shown: Vec<Range<usize>> = Vec::new();
    for link in file_links(markdown).into_iter().filter(|l| l.embed && l.span.start >= hidden) {
        let Some(uri) = image(&link.target) else { continue };
        let Some(open) = markdown[..link.span.start].rfind("![") else { continue };
        if link.kind == FileLinkKind::Wiki {
            // `![[chart.png|300]]` → `![chart.png](uri)`.
            let Some(close) = markdown[link.span.end..].find("]]").map(|i| link.span.end + i + 2) else { continue };
            let alt = link.target.replace('\\', "\\\\").replace(']', "\\]");
            edits.push((open..close, format!("![{alt}]({uri})")));
            shown.push(open..close);
        } else {
            edits.push((link.span.clone(), uri));
            shown.push(open..link.span.end);
        }
    }
    let inside_shown = |at: usize| shown.iter().any(|r| r.contains(&at));
    let links: Vec<_> =
        wiki_links(markdown).into_iter().filter(|l| l.span.start >= hidden && !inside_shown(l.span.start)).collect();
    for link in &links {
        let (text, destination) = wiki_preview::link_markdown(link, target(&link.target));
        edits.push((link.span.clone(), text));
        destinations.push(destination);
    }
    let spans: Vec<Range<usize>> = links.into_iter().map(|l| l.span).collect();
    let mut images = Vec::new();
    let mut consumed = 0;
    let mut rest = markdown;
    while let Some(at) = rest.find("![") {
        let start = consumed + at;
        // `\![` is a literal `![`, but `\\![` is a literal backslash before a real image.
        let escaped = rest[..at].chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
        let after = spans.partition_point(|s| s.end <= start);
        let in_link = spans.get(after).is_some_and(|s| s.start <= start);
        if !escaped && !in_link && start >= hidden && !inside_shown(start) {
            let mut marker = if rest[at + 2..].starts_with(']') { "[image" } else { "[image: " }.to_owned();
            // After a `!` (`!![a](u)`), the new `[` would make an image again.
            if markdown[..start].ends_with('!') {
                marker.insert(0, ' ');
            }
            images.push((start..start + 2, marker));
        }
        consumed = start + 2;
        rest = &markdown[consumed..];
    }
    edits.extend(images);
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(markdown.len() + edits.len() * 16);
    let mut shifts = Vec::with_capacity(edits.len());
    let mut shift = 0isize;
    let mut copied = 0;
    for (range, text) in edits {
        out.push_str(&markdown[copied..range.start]);
        out.push_str(&text);
        shift += text.len() as isize - range.len() as isize;
        shifts.push((range.end, shift));
        copied = range.end;
    }
    out.push_str(&markdown[copied..]);
    let mut links = spans;
    links.extend(shown);
    links.sort_by_key(|r| r.start);
    PreviewText { text: out, shifts, links, destinations, hidden }
}

/// At most this many findings are highlighted (the first ones): the preview checks every range
/// for each piece of text it draws, so a book-length note keeps its frames short.
pub const MAX_HIGHLIGHTS: usize = 3_000;

/// Highlights `spans` (byte ranges of the note's text) in the preview drawn with `id`; an empty
/// list clears the highlights.
pub fn set_highlights(cache: &mut CommonMarkCache, id: Id, preview: &PreviewText, spans: &[Range<usize>]) {
    let ranges = spans
        .iter()
        .filter(|r| r.start >= preview.hidden && !preview.in_link(r))
        .map(|r| preview.map(r.start)..preview.map(r.end))
        .collect();
    let search = cache.search_cache_mut(&id);
    search.set_search_ranges(ranges);
    search.set_active_search_range(None);
}

/// Makes the preview report clicks on `text`'s links instead of opening them (called when the
/// preview text changes).
pub fn hook_links(cache: &mut CommonMarkCache, text: &PreviewText) {
    cache.link_hooks_clear();
    for destination in &text.destinations {
        cache.add_link_hook(destination.clone());
    }
}

/// Draws the preview of `text` (made by [`preview_markdown`], its links hooked with
/// [`hook_links`]); returns what a click on a note link asked for.
pub fn preview_ui(ui: &mut Ui, cache: &mut CommonMarkCache, text: &PreviewText, id: Id) -> Option<LinkClick> {
    let options = CommonMarkScrollOptions::default().viewport_cache(true);
    CommonMarkViewer::new()
        .search_match_color(Palette::of(ui).highlight)
        .show_scrollable(id, ui, cache, &options, &text.text);
    let clicked = cache.link_hooks().iter().find(|(_, clicked)| **clicked).map(|(d, _)| d.clone())?;
    cache.link_hooks_mut().insert(clicked.clone(), false);
    LinkClick::of(&clicked)
}

#[cfg(test)]
mod tests {
    use super::{PreviewText, preview_markdown};

    fn without_images(markdown: &str) -> PreviewText {
        preview_markdown(markdown, &|_| None, &|_| None)
    }

    #[test]
    fn attached_images_are_shown_from_their_bytes_and_others_stay_links() {
        let uri = |t: &str| (t == "chart.png" || t == "a%20b.jpg").then(|| format!("bytes://jevons-attachment/{t}"));
        let text = |markdown: &str| preview_markdown(markdown, &|_| None, &uri).text;
        assert_eq!(text("See ![[chart.png|300]] here."), "See ![chart.png](bytes://jevons-attachment/chart.png) here.");
        assert_eq!(text("![Q4](chart.png)"), "![Q4](bytes://jevons-attachment/chart.png)");
        assert_eq!(text("![x](a%20b.jpg)"), "![x](bytes://jevons-attachment/a%20b.jpg)");
        assert_eq!(text("![other](other.png)"), "[image: other](other.png)", "not attached: a link");
        assert!(!text("`![[chart.png]]`").contains("bytes://"), "code holds no image");
        let mixed = preview_markdown("[[Capex]] ![[chart.png]] ![r](https://x/y.png)", &|_| Some(4), &uri);
        assert!(mixed.text.contains("![chart.png](bytes://jevons-attachment/chart.png)"), "{}", mixed.text);
        assert!(mixed.text.contains("[image: r](https://x/y.png)"), "{}", mixed.text);
        assert!(mixed.in_link(&(12..15)), "findings inside a shown image are not highlighted");
    }

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
    fn the_front_matter_is_left_to_the_properties_panel() {
        let note = "---\nconviction: high\nrelated: \"[[Other]]\"\n---\n\n## Thesis\n$NVDA on ![c](u) and [[Capex]].";
        let preview = without_images(note);
        assert_eq!(
            preview.text, "## Thesis\n$NVDA on [image: c](u) and [*Capex*?](jevons-new:Capex).",
            "{}",
            preview.text
        );
        assert_eq!(preview.destinations.len(), 1, "only the body's links");
        let at = note.find("$NVDA").unwrap();
        assert_eq!(&preview.text[preview.map(at)..preview.map(at + 5)], "$NVDA");
        assert_eq!(without_images("---\nbroken: [\n---\nText").text, "---\nbroken: [\n---\nText", "invalid YAML shows");
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

    #[test]
    fn note_links_become_preview_links_and_highlights_stay_in_place() {
        let note = "[[Capex cycle|the cycle]] then $NVDA, [[Nowhere]] ![](u) and Ações";
        let preview = preview_markdown(note, &|t| (t == "Capex cycle").then_some(4), &|_| None);
        assert_eq!(
            preview.text,
            "[the cycle](jevons-note:4) then $NVDA, [*Nowhere*?](jevons-new:Nowhere) [image](u) and Ações"
        );
        assert_eq!(preview.destinations, ["jevons-note:4", "jevons-new:Nowhere"]);
        for word in ["$NVDA", "Ações"] {
            let at = note.find(word).unwrap();
            assert_eq!(&preview.text[preview.map(at)..preview.map(at + word.len())], word);
        }
        assert!(preview.in_link(&(2..7)) && !preview.in_link(&(30..35)));
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
