//! A saved web page's main text: parsed as browsers parse it (html5ever, through `scraper`),
//! scripts, styles, navigation, headers, footers, side bars and forms left out, and only the
//! `<main>` or `<article>` when the page marks one. Nothing is run or fetched: the page is read
//! as data.

use chrono::NaiveDate;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use crate::model::DocumentText;

/// Elements whose content is never the page's text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe", "object",
    "button", "select", "head", "canvas", "dialog", "menu",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
];

/// The page's main text (one page) and what its `<title>` and `<meta>` tags say.
pub fn read(source: &str) -> DocumentText {
    let html = Html::parse_document(source);
    let main = first(&html, "main").or_else(|| first(&html, "article"));
    let mut text = String::new();
    match main {
        Some(main) => walk(main, &mut text),
        None => walk(html.root_element(), &mut text),
    }
    let title = meta(&html, "meta[property=\"og:title\"]")
        .or_else(|| first(&html, "title").map(|t| t.text().collect::<String>()))
        .map(|t| squash(&t))
        .filter(|t| !t.is_empty());
    let author = meta(&html, "meta[name=\"author\"]").or_else(|| meta(&html, "meta[property=\"article:author\"]"));
    let published_at = [
        "meta[property=\"article:published_time\"]",
        "meta[name=\"citation_publication_date\"]",
        "meta[name=\"date\"]",
        "meta[name=\"DC.date\"]",
    ]
    .iter()
    .filter_map(|s| meta(&html, s))
    .find_map(|d| leading_date(&d));
    DocumentText { pages: vec![tidy_lines(&text)], page_count: 1, title, author, published_at }
}

fn first<'a>(html: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(selector).ok()?;
    html.select(&selector).next()
}

/// The `content` of the first element `selector` finds, trimmed, when not empty.
fn meta(html: &Html, selector: &str) -> Option<String> {
    let content = first(html, selector)?.value().attr("content")?;
    let content = squash(content);
    (!content.is_empty()).then_some(content)
}

fn walk(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                if let Some(inner) = ElementRef::wrap(child) {
                    walk(inner, out);
                }
                if block {
                    out.push('\n');
                } else if matches!(name, "td" | "th") {
                    out.push('\t');
                }
            }
            _ => {}
        }
    }
}

/// White space inside each line made single, blank lines and spaces at line ends dropped.
fn tidy_lines(text: &str) -> String {
    text.lines().map(squash).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2025-01-27T10:00:00Z` or `2025-01-27` → the day.
fn leading_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_text_is_kept_and_the_rest_left_out() {
        let page = r#"<!doctype html><html><head><title>Ignored title</title>
            <meta property="og:title" content=" Nvidia falls 17% ">
            <meta name="author" content="A. Writer">
            <meta property="article:published_time" content="2025-01-27T18:00:00Z">
            <script>document.write("evil")</script><style>p{color:red}</style></head>
            <body><nav>Home | Markets</nav><header>Site header</header>
            <article><h1>Nvidia falls</h1><p>Shares  fell 17%<br>on Monday.</p>
            <script>alert(1)</script><div hidden>secret</div></article>
            <aside>Related</aside><footer>© Site</footer></body></html>"#;
        let read = read(page);
        assert_eq!(read.pages, ["Nvidia falls\nShares fell 17%\non Monday."]);
        assert_eq!(read.title.as_deref(), Some("Nvidia falls 17%"));
        assert_eq!(read.author.as_deref(), Some("A. Writer"));
        assert_eq!(read.published_at, NaiveDate::from_ymd_opt(2025, 1, 27));
    }

    #[test]
    fn a_page_without_main_or_article_keeps_its_body_text() {
        let read = read("<title>T</title><p>One</p><table><tr><td>a</td><td>b</td></tr></table><nav>x</nav>");
        assert_eq!(read.pages, ["One\na b"]);
        assert_eq!(read.title.as_deref(), Some("T"));
        assert_eq!(read.published_at, None);
    }

    #[test]
    fn broken_markup_is_read_as_a_browser_would() {
        let read = read("<p>unclosed <b>bold <i>both</p><script>never closed");
        assert_eq!(read.pages, ["unclosed bold both"]);
    }
}
