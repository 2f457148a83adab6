//! Sources: where a claim comes from (an article, a filing, a broker note), identified by URL.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::Invalid;

/// A source's row id.
pub type SourceId = i64;

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    #[default]
    Article,
    Filing,
    Transcript,
    BrokerNote,
    Post,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] =
        [SourceKind::Article, SourceKind::Filing, SourceKind::Transcript, SourceKind::BrokerNote, SourceKind::Post];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Filing => "filing",
            SourceKind::Transcript => "transcript",
            SourceKind::BrokerNote => "broker_note",
            SourceKind::Post => "post",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Article => "Article",
            SourceKind::Filing => "Filing",
            SourceKind::Transcript => "Transcript",
            SourceKind::BrokerNote => "Broker note",
            SourceKind::Post => "Post",
        }
    }

    /// Accepts `broker_note`, `broker-note` and `broker note`, in any case.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let key = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|k| k.as_str() == key).ok_or_else(|| {
            Invalid::new(format!("{text:?} is not a source kind (article, filing, transcript, broker_note, post)"))
        })
    }
}

/// An http or https URL, with the canonical form used to recognise the same source twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceUrl {
    /// As typed (trimmed).
    pub url: String,
    /// Lower-case scheme and host, no `www.`, default port, fragment, tracking parameters or
    /// trailing slash: `https://WWW.Example.com/a/?utm_source=x#top` → `https://example.com/a`.
    pub canonical: String,
    /// Lower-case host without `www.` (what `source:` matches).
    pub host: String,
}

impl SourceUrl {
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let url = text.trim();
        let not_web = || Invalid::new(format!("{url:?} is not a web address (it must start with http:// or https://)"));
        let (scheme, rest) = url.split_once("://").ok_or_else(not_web)?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(not_web());
        }
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Invalid::new(format!("{url:?} is not a web address (it contains spaces)")));
        }
        let rest = rest.split('#').next().unwrap_or_default();
        let split_at = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path_query) = rest.split_at(split_at);
        let host_port = authority.rsplit('@').next().unwrap_or_default().to_ascii_lowercase();
        let (host, port) = match host_port.rsplit_once(':') {
            Some((h, p)) if (!h.starts_with('[') || h.ends_with(']')) && p.chars().all(|c| c.is_ascii_digit()) => {
                (h.to_owned(), Some(p))
            }
            _ => (host_port.clone(), None),
        };
        let host = host.trim_end_matches('.').to_owned();
        // A name (`example.com`) or a bracketed IPv6 address (`[::1]`): a colon elsewhere, or a
        // leading dot, is no host a browser would open.
        let valid_host = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            Some(ip6) => !ip6.is_empty() && ip6.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.')),
            None => {
                !host.is_empty()
                    && !host.starts_with('.')
                    && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
            }
        };
        if !valid_host {
            return Err(Invalid::new(format!("{url:?} is not a web address (no valid host name)")));
        }
        let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
        let port =
            port.filter(|p| !p.is_empty() && !matches!((scheme.as_str(), *p), ("http", "80") | ("https", "443")));
        let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
        let path = path.trim_end_matches('/');
        let kept: Vec<&str> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .filter(|p| {
                let name = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
                !(name.starts_with("utm_") || matches!(name.as_str(), "fbclid" | "gclid" | "mc_cid" | "mc_eid"))
            })
            .collect();
        let mut canonical = format!("{scheme}://{host}");
        if let Some(port) = port {
            canonical.push(':');
            canonical.push_str(port);
        }
        canonical.push_str(path);
        if !kept.is_empty() {
            canonical.push('?');
            canonical.push_str(&kept.join("&"));
        }
        Ok(Self { url: url.to_owned(), canonical, host })
    }

    /// The identity of a source that is a file alone (no web address): `document:<sha256>`,
    /// with an empty address.
    pub fn for_document(sha256: &str) -> Result<Self, Invalid> {
        if !is_sha256(sha256) {
            return Err(Invalid::new(format!("{sha256:?} is not a SHA-256 (64 lower-case hex digits)")));
        }
        Ok(Self { url: String::new(), canonical: format!("{DOCUMENT_REFERENCE}{sha256}"), host: String::new() })
    }

    /// A source as files name it: a web address, or `document:<sha256>` for a file alone.
    pub fn parse_reference(text: &str) -> Result<Self, Invalid> {
        match text.trim().strip_prefix(DOCUMENT_REFERENCE) {
            Some(sha256) => Self::for_document(sha256),
            None => Self::parse(text),
        }
    }

    /// How files name this source: its address, or `document:<sha256>` for a file alone.
    pub fn reference(&self) -> &str {
        if self.url.is_empty() { &self.canonical } else { &self.url }
    }
}

/// How exports and sync name a source that is a file alone: this, then the file's SHA-256.
pub const DOCUMENT_REFERENCE: &str = "document:";

/// Whether `text` is a SHA-256 as Jevons writes them: 64 lower-case hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl fmt::Display for SourceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// A source as stored and shown (`jevons source add` prints its id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub accessed_at: Option<NaiveDate>,
    pub kind: SourceKind,
}

impl Source {
    /// A short name for lists: the publisher, else the title, else the host.
    pub fn label(&self) -> String {
        self.publisher
            .clone()
            .or_else(|| self.title.clone())
            .unwrap_or_else(|| SourceUrl::parse(&self.url).map(|u| u.host).unwrap_or_else(|_| self.url.clone()))
    }
}

/// What a person may change of a source without touching its address (or its file): every
/// field is written as given, `None` clearing it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceDetails {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub kind: SourceKind,
}

impl SourceDetails {
    /// The details `source` has now.
    pub fn of(source: &Source) -> Self {
        Self {
            title: source.title.clone(),
            publisher: source.publisher.clone(),
            author: source.author.clone(),
            published_at: source.published_at,
            kind: source.kind,
        }
    }
}

/// A new source, or new details for an existing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDraft {
    pub url: SourceUrl,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub kind: SourceKind,
}

impl SourceDraft {
    pub fn new(url: SourceUrl) -> Self {
        Self { url, title: None, publisher: None, author: None, published_at: None, kind: SourceKind::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_page_has_one_canonical_url() {
        let canonical = |u: &str| SourceUrl::parse(u).map(|u| u.canonical);
        let expected = Ok("https://wccftech.com/nvidia-cantor".to_owned());
        for typed in [
            "https://wccftech.com/nvidia-cantor",
            "https://WWW.wccftech.com/nvidia-cantor/",
            "HTTPS://wccftech.com:443/nvidia-cantor#comments",
            "https://wccftech.com/nvidia-cantor?utm_source=x&utm_medium=y",
        ] {
            assert_eq!(canonical(typed), expected, "{typed}");
        }
        assert_eq!(canonical("http://a.com:8080/x?id=3&utm_term=z"), Ok("http://a.com:8080/x?id=3".to_owned()));
        assert_eq!(canonical("http://[::1]:8080/x"), Ok("http://[::1]:8080/x".to_owned()));
        assert_eq!(canonical("https://[2001:db8::1]/x"), Ok("https://[2001:db8::1]/x".to_owned()));
    }

    #[test]
    fn only_web_addresses_are_sources() {
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "ftp://a.com",
            "wccftech.com",
            "https://",
            "https://a b.com",
            "http://:A",
            "https://:443/x",
            "https://.example.com",
            "https://[]/",
            "https://[zz]/",
            "",
        ] {
            assert!(SourceUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kinds_parse_loosely() {
        assert_eq!(SourceKind::parse("Broker note"), Ok(SourceKind::BrokerNote));
        assert_eq!(SourceKind::parse("broker-note"), Ok(SourceKind::BrokerNote));
        assert!(SourceKind::parse("podcast").is_err());
    }

    #[test]
    fn a_file_alone_is_named_by_its_hash() {
        let sha = "0f".repeat(32);
        let url = SourceUrl::parse_reference(&format!("document:{sha}")).unwrap();
        assert_eq!(
            (url.url.as_str(), url.canonical.clone(), url.reference()),
            ("", format!("document:{sha}"), url.canonical.as_str())
        );
        assert_eq!(SourceUrl::parse_reference("https://Example.com/a").unwrap().reference(), "https://Example.com/a");
        for bad in ["document:", "document:../../etc/passwd", &format!("document:{}", "0F".repeat(32)), "document:abc"]
        {
            assert!(SourceUrl::parse_reference(bad).is_err(), "{bad}");
        }
    }
}
