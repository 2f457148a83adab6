//! Text helpers every view shares.

/// At most `max` characters, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn long_text_is_cut_with_an_ellipsis_at_the_limit() {
        assert_eq!(shorten("NVIDIA lost US$589B", 40), "NVIDIA lost US$589B");
        assert_eq!(shorten("Perda de valor da NVIDIA", 10), "Perda de …");
        assert_eq!(shorten("ações", 5), "ações");
    }
}
