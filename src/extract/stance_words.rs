//! The stance a sentence states, in English and Portuguese: rating actions (`upgraded`, `raised
//! its price target`, `rebaixou`) first, then plain words (`buy`, `otimista`, `worried`,
//! `preocupação`); a word after a negation in its clause (`nem todos … compartilham dessa visão
//! pessimista`, `not a buy`) counts for nothing; both stances at one level, or none, give none.

use super::tokens::Token;
use crate::model::Stance;

/// How many words after a change verb its object (`price target`) may come.
const OBJECT_REACH: usize = 6;

/// What a sentence's words say about a stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    pub stance: Option<Stance>,
    /// Byte offset of the word that decided it.
    pub at: usize,
    /// `a similar stance`, `the same view`, `postura semelhante`: the stance of the view before.
    pub similar: bool,
}

/// Reads the stance of one sentence's words (`text` is the whole text the words point into).
pub(crate) fn read_stance(text: &str, words: &[Token]) -> Reading {
    let mut negated = false;
    // Rating actions, then plain words: each a stance and where its word starts.
    let mut strong: Vec<(Stance, usize)> = Vec::new();
    let mut plain: Vec<(Stance, usize)> = Vec::new();
    let (mut similar, mut stance_noun) = (false, false);
    for (i, w) in words.iter().enumerate() {
        if i > 0 && text[words[i - 1].end..w.start].contains([',', ';', ':', '.']) {
            negated = false;
        }
        let key = &*w.key;
        if is_negation(key) {
            negated = true;
            continue;
        }
        similar |= matches!(key, "similar" | "semelhante" | "same" | "mesma" | "mesmo" | "parecida");
        stance_noun |= matches!(key, "stance" | "view" | "postura" | "visao" | "posicao" | "tom" | "tone" | "opiniao");
        if negated || text[w.end..].starts_with('-') {
            continue;
        }
        let object = || words[i + 1..].iter().take(OBJECT_REACH).any(|o| matches!(&*o.key, "target" | "alvo"));
        if matches!(key, "upgraded" | "upgrades" | "upgrade" | "elevou") && !object() {
            strong.push((Stance::Bullish, w.start));
        } else if matches!(key, "downgraded" | "downgrades" | "downgrade" | "rebaixou" | "rebaixa" | "rebaixam") {
            strong.push((Stance::Bearish, w.start));
        } else if is_raise(key) && object() {
            strong.push((Stance::Bullish, w.start));
        } else if is_cut(key) && object() {
            strong.push((Stance::Bearish, w.start));
        } else if is_bullish(key) {
            plain.push((Stance::Bullish, w.start));
        } else if is_bearish(key) {
            plain.push((Stance::Bearish, w.start));
        }
    }
    let decide = |cues: &[(Stance, usize)]| -> Option<(Stance, usize)> {
        let first = *cues.first()?;
        cues.iter().all(|c| c.0 == first.0).then_some(first)
    };
    let decided = if strong.is_empty() { decide(&plain) } else { decide(&strong) };
    Reading { stance: decided.map(|d| d.0), at: decided.map_or(0, |d| d.1), similar: similar && stance_noun }
}

fn is_negation(key: &str) -> bool {
    matches!(
        key,
        "not"
            | "no"
            | "never"
            | "nor"
            | "without"
            | "doesn"
            | "don"
            | "didn"
            | "isn"
            | "aren"
            | "nem"
            | "nao"
            | "nunca"
            | "sem"
            | "jamais"
    )
}

fn is_raise(key: &str) -> bool {
    matches!(
        key,
        "raised" | "raises" | "boosted" | "boosts" | "increased" | "lifted" | "lifts" | "elevou" | "eleva" | "aumentou"
    )
}

fn is_cut(key: &str) -> bool {
    matches!(
        key,
        "cut"
            | "cuts"
            | "lowered"
            | "lowers"
            | "reduced"
            | "reduces"
            | "trimmed"
            | "slashed"
            | "reduziu"
            | "reduz"
            | "cortou"
            | "corta"
    )
}

#[rustfmt::skip]
pub(crate) fn is_bullish(key: &str) -> bool {
    matches!(key,
        "buy" | "buying" | "bullish" | "upgrade" | "upgraded" | "upgrades" | "outperform" | "overweight" | "opportunity"
            | "compra" | "comprar" | "otimista" | "otimistas" | "otimismo" | "optimistic" | "optimism" | "elevou"
            | "eleva" | "upside" | "benefit" | "beneficiar" | "oportunidade" | "upbeat" | "favorable" | "favoravel"
            | "positive" | "positiva" | "positivo" | "valorizacao"
    )
}

#[rustfmt::skip]
pub(crate) fn is_bearish(key: &str) -> bool {
    matches!(key,
        "sell" | "bearish" | "downgrade" | "downgraded" | "downgrades" | "underperform" | "underweight" | "concern"
            | "concerns" | "concerned" | "venda" | "vender" | "pessimista" | "pessimistas" | "pessimismo" | "pessimistic"
            | "rebaixou" | "rebaixa" | "preocupacao" | "preocupacoes" | "preocupados" | "preocupado" | "downside"
            | "threat" | "ameaca" | "worried" | "worries" | "worry" | "cautious" | "caution" | "cautela"
            | "cauteloso" | "cautelosos" | "cautelosa" | "cautelosas" | "skeptical" | "cetico" | "ceticos" | "cautioned"
            | "cautions" | "warned" | "warns"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn stance(text: &str) -> Option<Stance> {
        read_stance(text, &tokens(text)).stance
    }

    #[test]
    fn stances_read_plainly() {
        assert_eq!(stance("Cantor Fitzgerald defende a compra de ações da NVIDIA."), Some(Stance::Bullish));
        assert_eq!(stance("Analistas da Raymond James expressam preocupação."), Some(Stance::Bearish));
        assert_eq!(stance("Jefferies says buy NVDA on weakness."), Some(Stance::Bullish));
        assert_eq!(stance("Goldman cut its price target to $180."), Some(Stance::Bearish));
        assert_eq!(stance("O UBS rebaixou o BTG de Compra para Neutro."), Some(Stance::Bearish));
        assert_eq!(stance("It sees a buy-back, not a sell-off."), None);
    }

    #[test]
    fn negated_words_count_for_nothing() {
        assert_eq!(stance("Mas nem todos os analistas compartilham dessa visão pessimista."), None);
        assert_eq!(stance("We are not worried about Nvidia."), None);
        let text = "Citi e Bernstein adotaram uma postura otimista semelhante.";
        let reading = read_stance(text, &tokens(text));
        assert_eq!((reading.stance, reading.similar), (Some(Stance::Bullish), true));
    }
}
