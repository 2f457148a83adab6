//! Which language a text is written in, English or Portuguese, from how many of each language's
//! most common short words it uses. Cheap enough to run per sentence.

use serde::Serialize;

use super::tokens::Token;

/// The language of a text, as far as its common words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "pt")]
    Portuguese,
    /// Too few common words to tell (an empty text, a list of figures).
    #[default]
    #[serde(rename = "unknown")]
    Unknown,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Portuguese => "pt",
            Language::Unknown => "unknown",
        }
    }
}

/// Words frequent in English prose and rare in Portuguese.
#[rustfmt::skip]
fn is_english(key: &str) -> bool {
    matches!(key,
        "the" | "and" | "of" | "to" | "in" | "is" | "that" | "for" | "on" | "with" | "was" | "by" | "it" | "at"
            | "from" | "are" | "this" | "be" | "has" | "have" | "its" | "which" | "an" | "will" | "but" | "not"
            | "or" | "after" | "said" | "says" | "than" | "their" | "were" | "been" | "would" | "could" | "about"
            | "into" | "over" | "more" | "while" | "they" | "he" | "she" | "we" | "what" | "billion" | "million"
            | "shares" | "stock" | "market" | "also" | "just" | "only" | "other" | "such" | "because"
    )
}

/// Words frequent in Portuguese prose and rare in English.
#[rustfmt::skip]
fn is_portuguese(key: &str) -> bool {
    matches!(key,
        "de" | "da" | "do" | "das" | "dos" | "que" | "em" | "na" | "nos" | "nas" | "um" | "uma" | "para" | "com"
            | "por" | "nao" | "os" | "ao" | "aos" | "foi" | "sao" | "mais" | "pelo" | "pela" | "tambem" | "como"
            | "sobre" | "mas" | "seu" | "sua" | "entre" | "apos" | "disse" | "diz" | "segundo" | "ja" | "ou" | "ate"
            | "quando" | "muito" | "isso" | "esta" | "ser" | "tem" | "bilhoes" | "milhoes" | "acoes" | "mercado"
            | "empresa" | "valor" | "ainda" | "pode" | "sem" | "seus" | "suas" | "numa" | "num" | "e"
    )
}

/// Counts common words of each language among `tokens`.
pub(crate) fn score(tokens: &[Token]) -> (u32, u32) {
    let (mut en, mut pt) = (0, 0);
    for token in tokens {
        if token.text.len() > 8 {
            continue;
        }
        en += u32::from(is_english(&token.key));
        pt += u32::from(is_portuguese(&token.key));
    }
    (en, pt)
}

/// The language the scores point to; `Unknown` when they are too close or too small to say.
pub(crate) fn decide((en, pt): (u32, u32)) -> Language {
    if en >= pt + 2 || (en > pt && pt == 0) {
        Language::English
    } else if pt >= en + 2 || (pt > en && en == 0) {
        Language::Portuguese
    } else {
        Language::Unknown
    }
}

/// Detects the language of a whole text.
pub fn detect_language(text: &str) -> Language {
    decide(score(&super::tokens::tokens(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_tell_the_language() {
        for (text, language) in [
            ("NVIDIA lost nearly $600 billion of market value on Monday.", Language::English),
            ("A NVIDIA perdeu quase US$ 600 bilhões em valor de mercado.", Language::Portuguese),
            ("Analistas da Raymond James expressam preocupação com os clusters.", Language::Portuguese),
            ("Cantor Fitzgerald argues that the sell-off is a buying opportunity.", Language::English),
            ("", Language::Unknown),
            ("$NVDA 17% 2025-01-27", Language::Unknown),
        ] {
            assert_eq!(detect_language(text), language, "{text}");
        }
    }
}
