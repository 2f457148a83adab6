//! How alike two claims are worded, across English and Portuguese: the share of content words
//! they have in common, after dropping numbers and small words and mapping a few common
//! research words of both languages to one form (`perdeu` and `lost` are both a loss).

use std::collections::HashSet;

use crate::model::fold;

/// 0 (no content word in common) to 1 (every content word of the shorter claim is in the other).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (content_words(a), content_words(b));
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / smaller as f64
}

fn content_words(text: &str) -> HashSet<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !w.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(concept)
        .collect()
}

/// The shared form of a content word, or `None` for a small word or a scale word.
fn concept(word: &str) -> Option<String> {
    let concept = match word {
        "lost" | "lose" | "loses" | "loss" | "losses" | "perdeu" | "perde" | "perda" | "perdas" | "wiped"
        | "erased" | "apagados" | "apagou" | "evaporou" | "shed" | "sheds" => "loss",
        "value" | "valor" | "cap" | "capitalization" | "capitalizacao" | "valuation" => "value",
        "market" | "mercado" => "market",
        "cost" | "costs" | "costed" | "custo" | "custou" | "custos" | "custa" | "spent" | "gasto" | "gastou" => "cost",
        "train" | "trained" | "training" | "treinar" | "treinamento" | "treino" | "treinado" | "treinou" => "train",
        "revenue" | "revenues" | "sales" | "receita" | "receitas" | "faturamento" | "vendas" => "revenue",
        "profit" | "profits" | "earnings" | "lucro" | "lucros" | "income" => "profit",
        "shares" | "stock" | "stocks" | "acoes" | "acao" | "papeis" => "shares",
        "fell" | "fall" | "falls" | "drop" | "dropped" | "drops" | "plunged" | "slid" | "caiu" | "cairam" | "queda"
        | "recuo" | "recuou" | "despencou" | "tombo" => "fall",
        "rose" | "rise" | "rises" | "gained" | "jumped" | "subiu" | "alta" | "avancou" | "disparou" => "rise",
        "gpus" | "gpu" | "chips" | "chip" => "gpu",
        "day" | "dia" | "session" | "sessao" | "pregao" => "day",
        "model" | "modelo" | "models" | "modelos" => "model",
        "price" | "preco" | "target" | "alvo" => "target",
        "dividend" | "dividends" | "dividendo" | "dividendos" | "proventos" => "dividend",
        "debt" | "divida" | "endividamento" => "debt",
        "guidance" | "projecao" | "outlook" | "forecast" | "previsao" => "guidance",
        _ if is_small(word) => return None,
        other => return Some(other.to_owned()),
    };
    Some(concept.to_owned())
}

/// Words that say nothing about what is measured: articles, prepositions, hedges, scales.
fn is_small(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "its"
            | "it"
            | "is"
            | "was"
            | "a"
            | "an"
            | "about"
            | "nearly"
            | "almost"
            | "around"
            | "some"
            | "roughly"
            | "over"
            | "than"
            | "more"
            | "one"
            | "single"
            | "de"
            | "da"
            | "do"
            | "das"
            | "dos"
            | "em"
            | "no"
            | "na"
            | "um"
            | "uma"
            | "so"
            | "que"
            | "com"
            | "por"
            | "para"
            | "os"
            | "as"
            | "ao"
            | "quase"
            | "cerca"
            | "mais"
            | "menos"
            | "us"
            | "usd"
            | "brl"
            | "million"
            | "billion"
            | "trillion"
            | "milhoes"
            | "bilhoes"
            | "trilhoes"
            | "mi"
            | "bi"
            | "bn"
            | "mn"
            | "dollars"
            | "dolares"
            | "reais"
            | "january"
            | "janeiro"
            | "monday"
            | "segunda"
            | "feira"
            | "this"
            | "that"
            | "has"
            | "had"
            | "have"
            | "been"
            | "be"
            | "s"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_figure_in_two_languages_is_worded_alike() {
        for (a, b, at_least) in [
            ("NVIDIA lost nearly US$500B of market value", "A NVIDIA perdeu US$ 589 bilhões em valor de mercado", 0.75),
            ("R1 cost about US$6M to train", "Training DeepSeek-V3 cost about US$5.6M of rented GPU time", 0.6),
        ] {
            assert!(similarity(a, b) >= at_least, "{a} / {b}: {}", similarity(a, b));
        }
        assert!(similarity("NVIDIA lost US$589B of market value", "R1 cost about US$6M to train") < 0.3);
        assert_eq!(similarity("", "anything"), 0.0);
    }
}
