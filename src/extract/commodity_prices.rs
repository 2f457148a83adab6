//! Figures that are a commodity's price, which no company takes: a price per physical unit
//! (`R$ 210/MWh`, `US$ 55 o barril`), or a figure next to a commodity's name in its clause (`cujo
//! barril subiu acima dos 74 dólares`, `queda de 3,6% nos preços da celulose`).

use super::tokens::Token;

/// `R$ 210/MWh`, `US$ 80/bbl`, `US$ 55 o barril`, `US$ 100 por tonelada`: a price per physical unit is a commodity's
/// (a price `por ação` or `per share` is a company's).
pub(super) fn per_physical_unit(after: &str) -> bool {
    // (`$1,452 (U.S.) an ounce`: past a currency's country in brackets.)
    // (Within a few bytes: the rest of the text is not searched for the bracket's close.)
    let opened = after.trim_start().strip_prefix('(');
    let after = match opened.and_then(|b| b.char_indices().take(8).find(|&(_, c)| c == ')').map(|(k, _)| &b[k + 1..])) {
        Some(rest) => rest,
        None => after,
    };
    let rest = match after.strip_prefix('/') {
        Some(rest) => rest,
        None => match after.trim_start().split_once(' ') {
            Some(("por" | "per" | "a" | "an" | "o" | "the", rest)) => rest,
            _ => return false,
        },
    };
    let unit: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '³').collect();
    let unit = unit.to_lowercase();
    // (`US$ 457,3 por toneladas`: a plural too.)
    let singular = match unit.as_str() {
        "barris" => "barril",
        "toneladas" | "tons" | "tonnes" | "barrels" | "ounces" | "pounds" | "sacas" => &unit[..unit.len() - 1],
        _ => unit.as_str(),
    };
    matches!(
        singular,
        "mwh"
            | "kwh"
            | "gwh"
            | "t"
            | "ton"
            | "tonne"
            | "tonelada"
            | "bbl"
            | "barril"
            | "barrel"
            | "oz"
            | "lb"
            | "kg"
            | "mmbtu"
            | "m³"
            | "m3"
            | "saca"
            | "bushel"
            | "megawatt-hora"
            | "arroba"
            | "pound"
            | "ounce"
            | "onca"
            | "troy"
    )
}

/// Whether a commodity is named in the few words before a figure, in its clause (`cujo barril
/// subiu acima dos 74 dólares`, `Brent crude oil prices fell 2.7 percent`): its price, nobody's.
pub(super) fn commodity_before(text: &str, before: &[Token]) -> bool {
    let mut next_start = usize::MAX;
    for (k, w) in before.iter().enumerate().rev().take(5) {
        if next_start != usize::MAX && text[w.end..next_start].contains([',', ';', '.', '(']) {
            return false;
        }
        if is_commodity_word(&w.key) && (!w.capitalized || w.key == "brent") && !names_a_producer(before, k) {
            return true;
        }
        // (`o minério processado em Salobo aumentou 30%`: the output of a commodity, no price.)
        if is_output_word(&w.key) {
            return false;
        }
        next_start = w.start;
    }
    false
}

/// Whether a sentence (its `words`) names a commodity (not as a producer's product: `a maior
/// produtora de celulose`; capitalised only before a lower-case word: `Gold rallied`, not `Gold
/// Fields`), and where it first names output when it names no price (`No cobre, o
/// minério processado aumentou 30% a/a`: output named before a figure is the producer's under
/// discussion; not `Oil rallied 3% as OPEC+ extended production cuts`).
pub(super) fn commodity_sentence(words: &[Token]) -> (bool, Option<usize>) {
    let names = words.iter().enumerate().any(|(k, w)| {
        is_commodity_word(&w.key)
            && !names_a_producer(words, k)
            && (!w.capitalized
                || w.key == "brent"
                || words.get(k + 1).is_some_and(|n| !n.capitalized && n.has_letter()))
    });
    let priced = words.iter().any(|w| is_price_word(&w.key));
    (names, words.iter().find(|w| is_output_word(&w.key)).filter(|_| !priced).map(|w| w.start))
}

/// Commodities: a sentence that names no company but a commodity gives its figures to nobody
/// (`a commodity subiu 1,11%, para US$ 68,03 a tonelada`).
#[rustfmt::skip]
pub(super) fn is_commodity_word(key: &str) -> bool {
    matches!(key,
        "oil" | "crude" | "brent" | "wti" | "barrel" | "barril" | "petroleo" | "minerio" | "ore" | "gold" | "ouro"
            | "copper" | "cobre" | "commodity" | "commodities" | "celulose" | "pulp" | "aco" | "acos" | "steel" | "soja"
            | "soybeans" | "milho" | "corn" | "acucar" | "sugar" | "cafe" | "coffee" | "gas" | "silver" | "prata"
            | "platinum" | "wheat" | "trigo" | "cotton" | "algodao" | "aluminum" | "aluminium" | "aluminio"
            | "nickel" | "niquel" | "zinc" | "zinco" | "lithium" | "litio" | "cocoa" | "cacau" | "palladium"
            | "paladio" | "querosene" | "nafta" | "naphtha" | "etanol" | "ethanol" | "coal" | "carvao" | "uranium"
            | "uranio"
    )
}

/// `a maior produtora de celulose`, `the copper miner`, `a gold producer`: a commodity word
/// describing a company (its product), not a commodity whose price a figure is.
pub(super) fn names_a_producer(words: &[Token], k: usize) -> bool {
    let producer_before = k >= 2
        && words[k - 1].key == "de"
        && matches!(&*words[k - 2].key, "produtora" | "produtor" | "produtoras" | "exportadora" | "fabricante");
    // (`its coal sales rose 8%`, `as vendas de etanol subiram 12%`: a producer's own sales.)
    // (`Oil and gas production`, `a produção total de óleo e gás`: past a second commodity and
    // an adjective of the total.)
    let own_output = |w: &Token| is_output_word(&w.key) || matches!(&*w.key, "sales" | "exports");
    let listed = |j: usize| words.get(j).is_some_and(|w| matches!(&*w.key, "and" | "e"));
    let commodity = |j: usize| words.get(j).is_some_and(|w| is_commodity_word(&w.key));
    let sold = words.get(k + 1).is_some_and(own_output)
        || (listed(k + 1) && commodity(k + 2) && words.get(k + 3).is_some_and(own_output))
        || {
            let back = if k >= 2 && listed(k - 1) { k - 2 } else { k };
            let noun = |j: usize| matches!(&*words[j].key, "vendas" | "producao" | "exportacoes" | "exportacao");
            let total = |j: usize| matches!(&*words[j].key, "total" | "totais" | "media" | "diaria");
            back >= 2
                && words[back - 1].key == "de"
                && (noun(back - 2) || (back >= 3 && total(back - 2) && noun(back - 3)))
        };
    producer_before
        || sold
        || words.get(k + 1).is_some_and(|w| {
            matches!(&*w.key, "producer" | "producers" | "miner" | "miners" | "maker" | "makers" | "major" | "giant")
        })
}

/// A word of a producer's output (`produção`, `processado`, `shipments`), folded.
#[rustfmt::skip]
pub(super) fn is_output_word(key: &str) -> bool {
    matches!(key,
        "producao" | "produziu" | "processado" | "processada" | "processamento" | "production" | "produced"
            | "output" | "shipments" | "embarques" | "extracao"
    )
}

/// A word of a price (`preço`, `cotação`, `prices`, `futures`, `a barrel`), folded.
#[rustfmt::skip]
pub(super) fn is_price_word(key: &str) -> bool {
    matches!(key,
        "preco" | "precos" | "cotacao" | "cotacoes" | "cotado" | "cotada" | "price" | "prices" | "priced"
            | "futures" | "futuros" | "spot" | "barrel" | "barril" | "tonelada" | "ounce" | "onca"
    )
}

/// `queda de 3,6% nos preços da celulose`, `a 2% rise in copper prices`: a commodity's price
/// named in the few words after a figure, in its clause.
pub(super) fn commodity_after(text: &str, after: &[Token]) -> bool {
    let mut previous_end = after.first().map_or(0, |w| w.start);
    for w in after.iter().take(4) {
        if text[previous_end..w.start].contains([',', ';', '.', '(']) {
            return false;
        }
        previous_end = w.end;
        if is_commodity_word(&w.key) && !w.capitalized {
            return after
                .iter()
                .take(4)
                .any(|p| matches!(&*p.key, "precos" | "preco" | "prices" | "price" | "cotacao"));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figure_tickers::{attributed, owned};

    #[test]
    fn a_price_per_physical_unit_is_a_commodity_price() {
        assert!(per_physical_unit("/MWh em 2030"));
        assert!(per_physical_unit(" o barril em 2020"));
        assert!(per_physical_unit(" a barrel"));
        assert!(per_physical_unit(" por tonelada"));
        assert!(!per_physical_unit(" por ação"));
        assert!(!per_physical_unit(" per share"));
        assert!(!per_physical_unit(", up 3%"));
        let text = "A Eletrobras (ELET6) subiu 2%. Eles elevaram o preço de energia para R$ 210/MWh em 2030.";
        assert_eq!(attributed(text), owned(&[("2%", &["ELET6"]), ("R$ 210", &[])]));
    }

    #[test]
    fn a_commodity_naming_what_a_company_produces_is_no_price() {
        let text = "A Suzano reverteu o prejuízo. O lucro líquido da maior produtora de celulose do mundo \
                    somou 10 bilhões de reais.";
        assert_eq!(attributed(text), owned(&[("10 bilhões de reais", &["SUZB3"])]));
        let text = "Freeport-McMoRan reported results. The copper miner earned $1.2 billion.";
        assert_eq!(attributed(text), owned(&[("$1.2 billion", &["FCX"])]));
        let text = "A Suzano reverteu o prejuízo. A celulose subiu 3%.";
        assert_eq!(attributed(text), owned(&[("3%", &[])]));
    }
}
