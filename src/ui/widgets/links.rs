//! Which links Jevons opens: web pages only (http and https), in the system browser.
//!
//! Every link a view asks to open (Markdown preview, a source's address) goes through
//! [`is_web_link`]; anything else (`javascript:`, `file:`, `data:`, custom schemes) is refused
//! and the user is told so.

/// Whether `url` may be opened in the system browser: `http://` or `https://` with a host, and
/// nothing a browser or desktop launcher could read another way (spaces, control characters).
pub fn is_web_link(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return false;
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    !host.is_empty() && !host.starts_with('.')
}

/// A short form of a link for messages: at most `max` characters.
pub fn shortened(url: &str, max: usize) -> String {
    if url.chars().count() <= max {
        url.to_owned()
    } else {
        let mut short: String = url.chars().take(max.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_pages_open() {
        for url in [
            "https://arxiv.org/abs/2412.19437",
            "http://example.com",
            "HTTPS://Example.com/a?b=c#d",
            "https://user@example.com:8443/x",
            "https://sherwood.news/markets/deepseek",
        ] {
            assert!(is_web_link(url), "{url}");
        }
    }

    #[test]
    fn other_schemes_never_open() {
        for url in [
            "javascript:alert(1)",
            "JavaScript://%0Aalert(1)",
            "javascript://example.com/%0Aalert(1)",
            "file:///etc/passwd",
            "file://localhost/etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "data://text/html,x",
            "vbscript:msgbox",
            "jevons://note/1",
            "slack://open",
            "ftp://example.com/file",
            "mailto:someone@example.com",
            "smb://server/share",
            "about:blank",
        ] {
            assert!(!is_web_link(url), "{url}");
        }
    }

    #[test]
    fn malformed_web_addresses_never_open() {
        for url in [
            "",
            "https://",
            "http:///etc/passwd",
            "https:example.com",
            "//example.com",
            "example.com",
            " https://example.com",
            "https://exa mple.com",
            "https://example.com/\nfile:///etc/passwd",
            "https://example.com/\u{0}",
            "https://:80/x",
            "https://@/x",
            "https://.example.com",
            "ht\u{0}tps://example.com",
        ] {
            assert!(!is_web_link(url), "{url:?}");
        }
    }

    #[test]
    fn long_links_are_shortened_for_messages() {
        assert_eq!(shortened("javascript:alert(1)", 10), "javascrip…");
        assert_eq!(shortened("https://a.b", 40), "https://a.b");
    }
}
