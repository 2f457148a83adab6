//! Fuzz target: text analysis (`jevons::extract::analyse` with the bundled lexicon, and cashtags).
//! Any text is analysed without a panic; every span found lies in the text, on character
//! boundaries; cashtags start with `$` and name the symbol they cover.

#![no_main]

use std::sync::OnceLock;

use jevons::extract::{Lexicon, analyse, cashtags};
use jevons::model::Symbol;
use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::bundled)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for span in analyse(&text, lexicon()).spans() {
        assert!(span.bytes.start <= span.bytes.end && span.bytes.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.bytes.start) && text.is_char_boundary(span.bytes.end), "{span:?}");
        assert_eq!(span.start, text[..span.bytes.start].chars().count(), "{span:?}");
    }
    for tag in cashtags(&text) {
        assert!(text.is_char_boundary(tag.span.start) && text.is_char_boundary(tag.span.end));
        let covered = &text[tag.span.clone()];
        assert!(covered.starts_with('$'), "{covered:?}");
        assert_eq!(Symbol::parse(&covered[1..]).ok(), Some(tag.symbol.clone()), "{covered:?}");
    }
});
