//! `[[Links]]` in the preview: each becomes a Markdown link the preview can report a click on.
//! A link that reaches a note goes to `jevons-note:ID`; one that reaches none is shown in italics
//! with a `?` and goes to `jevons-new:TITLE` (percent-encoded), which offers to create the note.
//! These addresses never leave the app: the preview registers them as link hooks, so a click is
//! reported to the view instead of opening anything.

use crate::extract::WikiLink;
use crate::model::NoteId;

const NOTE: &str = "jevons-note:";
const NEW: &str = "jevons-new:";

/// What a click on a link in the preview asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkClick {
    Open(NoteId),
    /// No note has this title yet.
    Create(String),
}

impl LinkClick {
    /// The click a preview link's address stands for (none for other addresses).
    pub fn of(destination: &str) -> Option<Self> {
        if let Some(id) = destination.strip_prefix(NOTE) {
            return id.parse().ok().map(Self::Open);
        }
        destination.strip_prefix(NEW).and_then(decode).map(Self::Create)
    }
}

/// The Markdown a link is shown as, and the address the preview hooks for it.
pub fn link_markdown(link: &WikiLink, target: Option<NoteId>) -> (String, String) {
    let label = escape(&link.label());
    match target {
        Some(id) => {
            let destination = format!("{NOTE}{id}");
            (format!("[{label}]({destination})"), destination)
        }
        None => {
            let destination = format!("{NEW}{}", encode(&link.target));
            (format!("[*{label}*?]({destination})"), destination)
        }
    }
}

/// Every ASCII punctuation character escaped, so a label is shown as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Percent-encoding of everything but ASCII letters, digits and `-_.~`.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = text.get(at + 1..at + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::wiki_links;

    #[test]
    fn links_become_addresses_that_say_what_a_click_asks_for() {
        let links = wiki_links("[[Capex*cycle|the [cycle]]] [[Ações & \"risco\" 👍🏽]]");
        let (markdown, destination) = link_markdown(&links[0], Some(7));
        assert_eq!(markdown, r"[the \[cycle](jevons-note:7)");
        assert_eq!(LinkClick::of(&destination), Some(LinkClick::Open(7)));
        let (markdown, destination) = link_markdown(&links[1], None);
        assert!(markdown.starts_with(r#"[*Ações \& \"risco\" 👍🏽*?](jevons-new:A"#), "{markdown}");
        assert_eq!(LinkClick::of(&destination), Some(LinkClick::Create("Ações & \"risco\" 👍🏽".into())));
        for other in ["https://e.com", "jevons-note:x", "jevons-new:%F", "jevons-new:%FF"] {
            assert_eq!(LinkClick::of(other), None, "{other}");
        }
    }
}
