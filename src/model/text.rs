//! Text folding for keys and comparisons: case and accents ignored, as the full-text index does.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Lower case without diacritics: `Inferência` → `inferencia`, `BILHÕES` → `bilhoes`.
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("BILHÕES de Ações"), "bilhoes de acoes");
        assert_eq!(fold("Raymond James"), "raymond james");
        assert_eq!(fold(""), "");
    }
}
