//! A price target moved from one value to another says which way it went, whatever the verb
//! (`revisou o preço-alvo de R$ 45,00 para R$ 57,00`, `price target to $355, up from $175`,
//! `target from $140 to $130`, `alvo de R$ 22 para R$ 24,50`): higher is bullish, lower bearish.
//! Both values must follow the target noun in its sentence, within a few words, one after
//! `from`/`de`/`ante` and one after `to`/`para`; `preço-alvo de R$ 50` alone is no move.

use super::tokens::Token;
use crate::model::Stance;

/// How many words after the target noun its values may come.
const REACH: usize = 14;

/// The stance of a target moved, read from the words after the target noun.
pub(crate) fn target_move(text: &str, after: &[Token]) -> Option<Stance> {
    let after = &after[..after.len().min(REACH)];
    let mut old = None;
    let mut new = None;
    for (i, w) in after.iter().enumerate() {
        let slot = match &*w.key {
            "from" | "de" | "ante" => &mut old,
            "to" | "para" => &mut new,
            _ => continue,
        };
        if slot.is_none() {
            *slot = value_after(text, &after[i + 1..]);
        }
    }
    let (old, new) = (old?, new?);
    if new > old {
        Some(Stance::Bullish)
    } else if new < old {
        Some(Stance::Bearish)
    } else {
        None
    }
}

/// The money value right after a preposition: an optional currency (`R$`, `US$`, `$`) and a
/// number (`45,00`, `1,234.5`, `24.50`).
fn value_after(text: &str, words: &[Token]) -> Option<f64> {
    let skip = usize::from(words.first().is_some_and(|w| matches!(&*w.key, "r" | "us" | "usd" | "brl")));
    let first = words.get(skip).filter(|w| w.is_digits())?;
    // `até o final de 2026`: a year with no currency mark is no value.
    let marked = skip > 0 || text[..first.start].ends_with(['$', '€', '£']);
    if !marked && first.text.len() == 4 && (1900..2100).contains(&first.text.parse::<u32>().unwrap_or(0)) {
        return None;
    }
    let mut end = first.end;
    for pair in words[skip..].windows(2) {
        let gap = &text[pair[0].end..pair[1].start];
        if !(pair[1].is_digits() && matches!(gap, "," | ".")) {
            break;
        }
        end = pair[1].end;
    }
    // `preço-alvo para 12 meses`, `a 12-month target`: a horizon, not a value.
    let unit = text[end..].trim_start_matches([' ', '-']).split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if matches!(unit, "meses" | "mes" | "mês" | "months" | "month" | "anos" | "years" | "dias" | "days") {
        return None;
    }
    number(&text[first.start..end])
}

/// A written number, its last separator followed by one or two digits being the decimal point.
fn number(written: &str) -> Option<f64> {
    let decimal = written.rfind([',', '.']).filter(|&at| (2..=3).contains(&(written.len() - at)));
    let digits: String = written
        .char_indices()
        .filter_map(|(at, c)| match c {
            '0'..='9' => Some(c),
            _ if Some(at) == decimal => Some('.'),
            _ => None,
        })
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn moved(text: &str) -> Option<Stance> {
        let words = tokens(text);
        let at = words.iter().position(|w| matches!(&*w.key, "target" | "alvo"))?;
        target_move(text, &words[at + 1..])
    }

    #[test]
    fn a_target_moved_up_or_down_gives_its_stance() {
        assert_eq!(moved("revisou o preço-alvo de R$ 45,00 para R$ 57,00"), Some(Stance::Bullish));
        assert_eq!(moved("his 12-month price target to $355, up from $175"), Some(Stance::Bullish));
        assert_eq!(moved("decreased his target price from $140 to $130"), Some(Stance::Bearish));
        assert_eq!(moved("target from $1,250 to $980.50"), Some(Stance::Bearish));
    }

    #[test]
    fn a_horizon_is_no_value() {
        assert_eq!(moved("cortou o preço-alvo para 12 meses da Vale, de R$ 11 para R$ 10"), Some(Stance::Bearish));
        assert_eq!(moved("price target to $50 over 12 months, from $40"), Some(Stance::Bullish));
    }

    #[test]
    fn a_target_alone_is_no_move() {
        assert_eq!(moved("preço-alvo de R$ 50 para o fim de 2025"), None);
        assert_eq!(moved("preço-alvo de R$ 28,50 para dezembro de 2026"), None);
        assert_eq!(moved("price target of $200"), None);
        assert_eq!(
            moved("preço-alvo para R$ 63,30 até o final de 2026, em comparação aos R$ 54,90"),
            None,
            "a year is no earlier value"
        );
    }
}
