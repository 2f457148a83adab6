//! What a note can make Jevons do: open web pages in the browser, and nothing else. Links open
//! only for `http` and `https` (the app drops every other link it was asked to open, see
//! `ui::links::is_web_link`, and sources only accept web addresses); Markdown images are never
//! fetched, because the preview turns them into links and no image loader that could fetch (or
//! read files) is built or installed.

use crate::sources;

use std::path::Path;

use jevons::model::SourceUrl;
use jevons::ui::widgets::links::is_web_link;
use proptest::prelude::*;

/// Links a note, a pasted source or a hostile Markdown file might carry, none of which may open.
const REFUSED: &[&str] = &[
    "javascript:alert(1)",
    "JAVASCRIPT:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://%0Aalert(1)",
    "javascript://example.com/%0Aalert(1)",
    "file:///etc/passwd",
    "file://localhost/C:/Windows/win.ini",
    "FILE:///home/user/.ssh/id_rsa",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data://text/plain,x",
    "vbscript:msgbox(1)",
    "jevons://note/1",
    "slack://open?team=T1",
    "zoommtg://zoom.us/join?confno=1",
    "ms-settings:privacy",
    "vscode://file/etc/passwd",
    "steam://run/1",
    "smb://server/share",
    "ftp://example.com/file",
    "mailto:someone@example.com",
    "tel:+5511999999999",
    "about:blank",
    "chrome://settings",
    "view-source:https://example.com",
    "blob:https://example.com/uuid",
    "https:example.com",
    "https:/example.com",
    "https://",
    "http:///etc/passwd",
    "https:// example.com",
    "https://example.com/a b",
    "https://exa\nmple.com",
    "https://example.com\u{0}.evil",
    "\u{202e}https://example.com",
    "//example.com/protocol-relative",
    "/etc/passwd",
    "C:\\Windows\\System32\\calc.exe",
    "",
];

#[test]
fn only_web_pages_open() {
    for url in REFUSED {
        assert!(!is_web_link(url), "{url:?} must not open");
    }
    for url in [
        "https://arxiv.org/abs/2412.19437",
        "http://example.com",
        "HTTPS://WWW.Example.com/a?b=c#d",
        "https://sherwood.news/markets/deepseek-nvidia",
        "https://valor.globo.com/financas/noticia/2025/01/27/nvidia-perde.ghtml",
    ] {
        assert!(is_web_link(url), "{url:?} should open");
    }
}

#[test]
fn sources_only_take_web_addresses() {
    for url in REFUSED {
        assert!(SourceUrl::parse(url).is_err(), "{url:?} was accepted as a source");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    /// Whatever the text, a link that opens is an http or https address without spaces or
    /// control characters.
    #[test]
    fn whatever_opens_is_http_or_https(text in prop_oneof![
        any::<String>(),
        ("(?i)(https?|javascript|file|data|jevons|ftp)", "(:|://|:/)", "[ -~\u{0}\t\n\u{202e}]{0,24}")
            .prop_map(|(scheme, sep, rest)| format!("{scheme}{sep}{rest}")),
    ]) {
        if is_web_link(&text) {
            let lower = text.to_ascii_lowercase();
            prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{:?}", text);
            prop_assert!(!text.chars().any(|c| c.is_whitespace() || c.is_control()), "{:?}", text);
        }
        if let Ok(url) = SourceUrl::parse(&text) {
            prop_assert!(is_web_link(&url.url), "source {:?} is not a link that opens", text);
        }
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The `[dependencies]` entry line of a crate in Cargo.toml.
fn dependency_line(manifest: &str, name: &str) -> String {
    manifest.lines().find(|l| l.starts_with(&format!("{name} ="))).unwrap_or_default().to_owned()
}

/// egui draws an image only through loaders for its address; Jevons builds none that fetches
/// (egui_extras' `http`, egui_commonmark's `fetch`) or reads files (`file`). The one it installs,
/// in one place, is egui_extras' `image` decoder, which only decodes bytes the app handed over
/// (a note's attached PNG, JPEG, GIF and WebP files, by `bytes://` URI): decoders only, no
/// format that can reference other files (such as SVG).
#[test]
fn only_the_decoder_of_bytes_handed_over_is_installed() {
    let manifest = read("Cargo.toml");
    assert!(dependency_line(&manifest, "egui_extras").contains("features = [\"image\"]"));
    let image = dependency_line(&manifest, "image");
    assert!(
        image.contains("default-features = false") && image.contains("[\"png\", \"jpeg\", \"gif\", \"webp\"]"),
        "{image}"
    );
    let installs: Vec<_> = sources::rust_files(&sources::src())
        .into_iter()
        .filter(|(_, text)| text.contains("install_image_loaders"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert_eq!(installs.len(), 1, "installed in one place: {installs:?}");
    assert!(installs[0].ends_with("ui/shell/mod.rs"), "{installs:?}");
}

/// No loader that fetches or reads files is built or added.
#[test]
fn no_image_loader_that_could_fetch_is_built_or_installed() {
    let manifest = read("Cargo.toml");
    let extras = dependency_line(&manifest, "egui_extras");
    let commonmark = dependency_line(&manifest, "egui_commonmark");
    assert!(extras.contains("default-features = false"), "{extras}");
    assert!(commonmark.contains("default-features = false"), "{commonmark}");
    for feature in ["\"http\"", "\"file\"", "\"all_loaders\"", "\"svg\"", "\"gif\"", "\"webp\""] {
        assert!(!extras.contains(feature), "egui_extras with {feature}: {extras}");
    }
    for feature in ["\"fetch\"", "\"svg\""] {
        assert!(!commonmark.contains(feature), "egui_commonmark with {feature}: {commonmark}");
    }
    let lock = read("Cargo.lock");
    for fetcher in ["name = \"ehttp\"", "name = \"ureq\"", "name = \"reqwest\""] {
        assert!(!lock.contains(fetcher), "{fetcher} is in Cargo.lock");
    }
    for (path, text) in sources::rust_files(&sources::src()) {
        for call in ["add_image_loader", "add_bytes_loader", "add_texture_loader"] {
            assert!(!text.contains(call), "{} installs an image loader ({call})", path.display());
        }
    }
}
