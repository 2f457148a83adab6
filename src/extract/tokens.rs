//! Words of a text with their byte ranges, folded keys and letter case, for name and phrase lookup.
//!
//! A word is a run of letters and digits (any script); `&` is a word of its own so that `AT&T` and
//! `S&P Global` can be spelled as phrases. Everything else separates words. Whether two
//! neighbouring words may belong to one phrase (`Bank of America`, `Coca-Cola`, `S.A.`) is
//! recorded too: a comma, a bracket or the end of a sentence breaks a phrase.

use std::borrow::Cow;

use crate::model::fold;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower case without accents (`Itaú` → `itau`).
    pub key: Cow<'a, str>,
    /// Starts with an upper-case letter (`Nvidia`, `NVIDIA`, `iPhone` does not).
    pub capitalized: bool,
    /// Has letters and all of them are upper case (`NVDA`, `H800`, `A`).
    pub upper: bool,
    /// Has an upper-case letter anywhere (`eBay`, `iShares`).
    pub has_upper: bool,
    /// Only the characters between this word and the previous one allow both to be in one phrase.
    pub joins_previous: bool,
}

impl Token<'_> {
    pub fn is_digits(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }

    pub fn has_digit(&self) -> bool {
        self.text.bytes().any(|b| b.is_ascii_digit())
    }

    pub fn has_letter(&self) -> bool {
        self.text.chars().any(char::is_alphabetic)
    }
}

/// Splits `text` into words, in order.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut gap_start = 0;
    let bytes = text.as_bytes();
    // The character starting at byte `at` (a boundary) and its length; ASCII without decoding.
    let char_at = |at: usize| -> (char, usize) {
        let b = bytes[at];
        if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        }
    };
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let (c, len) = char_at(at);
        at += len;
        let end = if c == '&' {
            start + 1
        } else if c.is_alphanumeric() {
            while at < bytes.len() {
                let (next, len) = char_at(at);
                if !next.is_alphanumeric() {
                    break;
                }
                at += len;
            }
            at
        } else {
            continue;
        };
        let word = &text[start..end];
        let (capitalized, upper, has_upper) = case_of(word);
        let mut key = key_of(word);
        // `price objective` is the press's other name for a price target (`reduced their price
        // objective on Duke Energy from $112.00 to $110.00`): its key is the target's.
        if out.last().is_some_and(|previous: &Token| previous.key == "price") {
            match &*key {
                "objective" => key = Cow::Borrowed("target"),
                "objectives" => key = Cow::Borrowed("targets"),
                _ => {}
            }
        }
        out.push(Token {
            start,
            end,
            text: word,
            key,
            capitalized,
            upper,
            has_upper,
            joins_previous: out.last().is_some_and(|previous: &Token| {
                (gap_joins(&text[gap_start..start]) && !after_short_line(text, gap_start, start))
                    || (is_initial(previous.text) && &text[gap_start..start] == ". ")
            }),
        });
        gap_start = end;
    }
    out
}

/// Whether a word starts with a capital, has letters all in capitals, has a capital anywhere.
fn case_of(word: &str) -> (bool, bool, bool) {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let has_upper = bytes.iter().any(u8::is_ascii_uppercase);
        let has_lower = bytes.iter().any(u8::is_ascii_lowercase);
        return (bytes[0].is_ascii_uppercase(), has_upper && !has_lower, has_upper);
    }
    let (mut has_upper, mut has_lower, mut has_alpha) = (false, false, false);
    for c in word.chars() {
        has_upper |= c.is_uppercase();
        has_lower |= c.is_lowercase();
        has_alpha |= c.is_alphabetic();
    }
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    (capitalized, has_alpha && !has_lower, has_upper)
}

/// The folded form of one word: ASCII words are only lower-cased, Latin letters with accents lose
/// them through a table, anything else goes through [`fold`] (same result, slower).
pub(crate) fn key_of(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    let mut key = String::with_capacity(word.len());
    for c in word.chars() {
        match plain_latin(c) {
            Some(plain) => key.push(plain),
            None => return Cow::Owned(fold(word)),
        }
    }
    Cow::Owned(key)
}

/// The lower-case letter without its accent, for ASCII and the accented letters of Portuguese,
/// Spanish and French.
fn plain_latin(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    Some(match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        _ => return None,
    })
}

/// Spaces (one line break at most), hyphens, apostrophes and the dots inside `S.A.` keep a
/// phrase together; anything else (comma, bracket, a dot ending a sentence) breaks it.
/// One capital letter, as in `J.P. Morgan`, `Robert W. Baird`, `T. Rowe Price`: its period and
/// the space after it do not end the name.
fn is_initial(word: &str) -> bool {
    word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn gap_joins(gap: &str) -> bool {
    let mut newlines = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => newlines += 1,
            '.' => {
                if chars.peek().is_some_and(|n| n.is_whitespace()) {
                    return false;
                }
            }
            c if c.is_whitespace() => {}
            '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' => {}
            _ => return false,
        }
    }
    newlines <= 1
}

/// The shortest line a phrase runs on from: a wrapped paragraph's lines are long, while a short
/// line is a heading or a byline of its own (`by RBC Capital Markets` / `Bank of Montreal…`).
const WRAPPED_LINE: usize = 40;

/// Whether the gap `start_gap..end_gap` breaks a line that is shorter than a wrapped one.
fn after_short_line(text: &str, start_gap: usize, end_gap: usize) -> bool {
    let gap = &text[start_gap..end_gap];
    let Some(newline) = gap.find('\n') else { return false };
    let line_end = start_gap + newline;
    let line_start = text[..line_end].rfind('\n').map_or(0, |k| k + 1);
    let line = &text[line_start..line_end];
    // (A line ending on a name's joiner goes on: `Recomendamos compra de Banco do` / `Brasil`.)
    let joiner = line.trim_end().rsplit(' ').next().is_some_and(|w| {
        matches!(w.to_lowercase().as_str(), "de" | "do" | "da" | "dos" | "das" | "of" | "&" | "and" | "e")
    });
    line.chars().count() < WRAPPED_LINE && !joiner
}

/// The keys of a phrase as the tokenizer sees it, joined by single spaces: `Coca-Cola` → `coca cola`.
pub(crate) fn phrase_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    for token in tokens(phrase) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&token.key);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.key.into_owned()).collect()
    }

    #[test]
    fn words_are_letters_and_digits_with_ampersands_apart() {
        assert_eq!(keys("AT&T, Itaú e H800s!"), ["at", "&", "t", "itau", "e", "h800s"]);
        assert_eq!(keys("Coca-Cola's"), ["coca", "cola", "s"]);
        assert_eq!(keys(""), Vec::<String>::new());
    }

    #[test]
    fn a_price_objective_is_a_price_target() {
        assert_eq!(keys("their price objective, price objectives"), ["their", "price", "target", "price", "targets"]);
        assert_eq!(keys("the objective of price"), ["the", "objective", "of", "price"]);
    }

    #[test]
    fn punctuation_breaks_phrases() {
        let joins: Vec<bool> =
            tokens("Bank of America, Coca-Cola. Next S.A.").iter().map(|t| t.joins_previous).collect();
        assert_eq!(joins, [false, true, true, false, true, false, true, true]);
    }

    #[test]
    fn an_initial_does_not_break_a_name() {
        let joins: Vec<bool> =
            tokens("J.P. Morgan and Robert W. Baird. A. Next").iter().map(|t| t.joins_previous).collect();
        assert_eq!(joins, [false, true, true, true, true, true, true, false, true]);
    }

    #[test]
    fn case_is_recorded() {
        let t = tokens("NVDA Nvidia nvidia eBay");
        let flags: Vec<(bool, bool, bool)> = t.iter().map(|t| (t.capitalized, t.upper, t.has_upper)).collect();
        assert_eq!(flags, [(true, true, true), (true, false, true), (false, false, false), (false, false, true)]);
    }

    #[test]
    fn the_accent_table_folds_like_the_model() {
        for word in ["Itaú", "BILHÕES", "ação", "Ações", "Raízen", "Müller", "ÇÃO", "São", "Straße", "1º", "Ελλάδα"]
        {
            assert_eq!(key_of(word), fold(word), "{word}");
        }
    }

    #[test]
    fn phrase_keys_fold_like_tokens() {
        assert_eq!(phrase_key("  Itaú  Unibanco "), "itau unibanco");
        assert_eq!(phrase_key("S&P Global"), "s & p global");
    }
}
