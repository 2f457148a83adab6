//! Descriptions standing for a company: `os papéis da mineradora perderam 1,27%`, `as ações da
//! petrolífera`, `a varejista`, `o banco`, `o frigorífico`, `a cervejaria`, `a fabricante de
//! bebidas`, `the chipmaker's
//! shares`, `the retailer`, `the tech giant`, `the drugmaker`, `the electric-car maker's stock`. A description after a definite article (`a`, `o`, `da`, `do`,
//! `na`, `pela`, `the`…) names the company of its kind named nearest before it in its sentence,
//! else the first of its kind in the nearest of the three before that names one (`Vale (VALE3) e
//! Petrobras (PETR4) … a mineradora` is Vale; `O Itaú atingiu …, acima de Bradesco e Santander.
//! … o banco registrou` is Itaú) — and, when
//! none is, the first one named in the two sentences after (`Citi lowered his target for the
//! electric-car maker's stock … Tesla's recent cost-cutting`). Kinds are known for the companies
//! of [`KINDS`] only, so a description nothing settles names nobody.
//!
//! A description right before a name is an apposition (`a mineradora Vale`): the name is already
//! the mention. A bank that rates or speaks (`Segundo o Goldman Sachs … o banco recomenda
//! venda`) is the source of a view, not the company a description stands for.

use std::ops::Range;
use std::sync::OnceLock;

use super::attribution_cues::is_saying_verb;
use super::fx_hash::FxHashSet;
use super::mentions::{Mention, is_broker, is_call_word, is_work_of_analysts, merged};
use super::share_classes::class_of;
use super::tokens::Token;
use super::unlisted::is_b3_form;
use crate::model::Symbol;

/// How many sentences back the company a description stands for may be named.
const LOOK_BACK: usize = 3;
/// How many sentences after, when none was named before.
const LOOK_AHEAD: usize = 2;
/// How many words around `o banco` a word about ratings or analysts makes it the broker.
const CALL_REACH: usize = 40;

/// What kind of company a description names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Miner,
    Oil,
    Retailer,
    Chipmaker,
    Automaker,
    Bank,
    DigitalBank,
    Steelmaker,
    Airline,
    Tech,
    Meatpacker,
    Brewer,
    PulpMaker,
    Planemaker,
    Telecom,
    Drugmaker,
    Insurer,
    StateOwned,
}

/// The companies whose kind is known: US symbols as written, B3 ones by their four letters
/// (`PETR` is PETR3 and PETR4).
#[rustfmt::skip]
const KINDS: &[(Kind, &[&str])] = &[
    (Kind::Miner, &["VALE", "CMIN", "BRAP", "RIO", "BHP", "FCX", "NEM", "SCCO", "AA", "TECK"]),
    (Kind::Oil, &["PETR", "PRIO", "RECV", "RRRP", "BRAV", "XOM", "CVX", "SHEL", "BP", "COP", "OXY", "TTE", "EQNR"]),
    (Kind::Retailer, &["MGLU", "BHIA", "AMER", "LREN", "VIIA", "PCAR", "ASAI", "CRFB", "SOMA", "ARZZ", "GUAR",
        "WMT", "TGT", "COST", "HD", "LOW", "AMZN", "BBY", "KR", "DG", "DLTR", "TJX", "M", "KSS", "JWN"]),
    (Kind::Chipmaker, &["NVDA", "AMD", "INTC", "AVGO", "TSM", "QCOM", "MU", "TXN", "ARM", "ASML", "MRVL", "ON",
        "NXPI", "ADI", "MCHP", "GFS"]),
    (Kind::Automaker, &["TSLA", "GM", "F", "STLA", "TM", "HMC", "RIVN", "LCID", "NIO", "LI", "XPEV"]),
    (Kind::Bank, &["ITUB", "BBDC", "BBAS", "SANB", "BPAC", "ITSA", "JPM", "BAC", "C", "WFC", "GS", "MS", "USB",
        "PNC", "TFC", "SAN", "HSBC", "NU"]),
    (Kind::DigitalBank, &["NU", "INTR", "INBR", "SOFI", "PAGS", "STNE"]),
    (Kind::Steelmaker, &["CSNA", "GGBR", "GOAU", "USIM", "NUE", "STLD", "X", "CLF", "MT"]),
    (Kind::Airline, &["AZUL", "GOLL", "DAL", "UAL", "AAL", "LUV"]),
    (Kind::Tech, &["AAPL", "MSFT", "GOOGL", "GOOG", "META", "AMZN", "NVDA", "ORCL", "IBM", "CSCO", "CRM", "ADBE",
        "TOTS", "LWSA", "CASH", "MELI", "NFLX", "TSLA"]),
    (Kind::Meatpacker, &["JBSS", "JBS", "BRFS", "MRFG", "BEEF", "MBRF", "TSN"]),
    (Kind::Brewer, &["ABEV", "BUD", "TAP", "STZ"]),
    (Kind::Insurer, &["BBSE", "CXSE", "PSSA", "IRBR", "SULA", "ELV", "UNH", "CI", "HUM", "CNC", "MOH", "CVS", "AIG",
        "MET", "PRU", "ALL", "TRV", "PGR", "CB", "AFL", "HIG", "LNC", "MFC", "SLF"]),
    (Kind::PulpMaker, &["SUZB", "KLBN", "SUZ"]),
    (Kind::Planemaker, &["EMBR", "ERJ", "BA"]),
    (Kind::Telecom, &["VIVT", "TIMS", "OIBR", "T", "VZ", "TMUS"]),
    (Kind::StateOwned, &["PETR", "BBAS", "ELET", "SBSP", "CMIG", "CPLE", "CSMG", "SAPR", "BRSR"]),
    (Kind::Drugmaker, &["LLY", "PFE", "MRK", "JNJ", "ABBV", "BMY", "NVO", "AZN", "GSK", "SNY", "AMGN", "GILD",
        "HYPE", "RADL"]),
];

/// The last words of the descriptions [`kind_of`] reads: every other word is skipped with one
/// lookup. (A word added to `kind_of` must be added here.)
#[rustfmt::skip]
const LAST_WORDS: &[&str] = &[
    "aerea", "airline", "automaker", "banco", "bank", "bebidas", "brewer", "carmaker", "cervejaria", "insurer",
    "chipmaker", "company", "designer", "digital", "drugmaker", "estatais", "estatal", "estatal-petroleira",
    "farmaceutica", "farmaceutico", "fintech", "frigorifico", "giant", "lender", "major", "maker",
    "meatpacker", "miner", "mineradora", "mineradoras", "minerio", "montadora", "operadora", "packer", "papeleira",
    "petroleira", "petrolifera", "planemaker", "processor", "producer", "resseguradora", "retailer", "seguradora",
    "siderurgica", "steelmaker",
    "tech", "telecom", "titan", "varejista",
];

/// Whether `word` may end a description.
fn may_describe(word: &str) -> bool {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| LAST_WORDS.iter().copied().collect()).contains(word)
}

/// The kind a description (its last word, and the word before it) names.
fn kind_of(word: &str, before: &str) -> Option<Kind> {
    if !may_describe(word) {
        return None;
    }
    Some(match (before, word) {
        (_, "mineradora" | "miner" | "mineradoras") | ("mining", "company" | "giant") | ("de", "minerio") => {
            Kind::Miner
        }
        (_, "petrolifera" | "petroleira" | "estatal-petroleira") | ("oil", "company" | "major" | "giant") => Kind::Oil,
        (_, "varejista" | "retailer") => Kind::Retailer,
        (_, "chipmaker") | ("chip", "maker" | "designer") => Kind::Chipmaker,
        (_, "automaker" | "carmaker" | "montadora") | ("car" | "ev", "maker") => Kind::Automaker,
        (_, "fintech") | ("banco" | "bank", "digital") | ("digital", "bank") => Kind::DigitalBank,
        (_, "banco" | "bank" | "lender") => Kind::Bank,
        (_, "siderurgica" | "steelmaker") => Kind::Steelmaker,
        (_, "airline") | ("companhia", "aerea") => Kind::Airline,
        ("tech" | "technology" | "search" | "software" | "iphone", "giant" | "company" | "maker" | "titan")
        | ("big", "tech") => Kind::Tech,
        (_, "frigorifico" | "meatpacker") | ("meat", "packer" | "processor") => Kind::Meatpacker,
        (_, "cervejaria" | "brewer") | ("de", "bebidas") => Kind::Brewer,
        (_, "papeleira") | ("pulp", "maker" | "producer") => Kind::PulpMaker,
        (_, "planemaker") | ("plane" | "aircraft" | "jet", "maker") => Kind::Planemaker,
        (_, "operadora" | "telecom") => Kind::Telecom,
        (_, "drugmaker" | "farmaceutica" | "farmaceutico")
        | ("drug", "maker")
        | ("drug" | "pharmaceutical" | "pharma", "company" | "giant") => Kind::Drugmaker,
        (_, "insurer" | "seguradora" | "resseguradora") => Kind::Insurer,
        (_, "estatal" | "estatais") => Kind::StateOwned,
        _ => return None,
    })
}

/// Whether `symbol` is of `kind`.
fn is_of(symbol: &Symbol, kind: Kind) -> bool {
    let symbol = symbol.as_str();
    // `PETR4` → `PETR`: a B3 symbol is four letters and its class number.
    let root = symbol.trim_end_matches(|c: char| c.is_ascii_digit());
    let root = if root.len() == 4 && root.len() < symbol.len() { root } else { symbol };
    KINDS.iter().any(|(k, symbols)| *k == kind && symbols.contains(&root))
}

/// A B3 mention's issuer: its symbol's four letters (`PETR` of `PETR3`).
fn issuer_root(m: &Mention) -> &str {
    m.symbol.as_str().get(..4).unwrap_or("")
}

/// A definite article or a preposition fused with one, before a description.
fn is_definite(key: &str) -> bool {
    matches!(key, "a" | "o" | "da" | "do" | "na" | "no" | "pela" | "pelo" | "a'" | "ao" | "the" | "dessa" | "desse")
}

/// `o relatório do banco`, `Segundo o banco`, `o banco recomenda venda`: a bank described in a
/// sentence about ratings, targets or analysts is the broker giving the view (the word at `k`).
fn is_analysts_bank(words: &[Token], k: usize, sentence: Option<&Range<usize>>) -> bool {
    let Some(sentence) = sentence else { return false };
    // Within a reach of the word, so that a text with no full stop stays linear.
    let first = words.partition_point(|w| w.start < sentence.start).max(k.saturating_sub(CALL_REACH));
    let last = words.partition_point(|w| w.start < sentence.end).min(k + CALL_REACH);
    words[first..last.max(first)].iter().any(|w| is_call_word(&w.key))
        || (k >= 2 && is_work_of_analysts(&words[k - 2].key))
        // `O banco americano calcula que…`, `O banco atribui o ajuste ao…`: a bank that speaks
        // or explains.
        || words[k + 1..words.len().min(k + 3)].iter().any(|w| {
            is_saying_verb(&w.key) || matches!(&*w.key, "calcula" | "calculou" | "atribui" | "atribuiu" | "attributes")
        })
}

/// `mentions` with one added at each description that stands for a company, in text order.
pub(crate) fn with_descriptions(words: &[Token], sentences: &[Range<usize>], mentions: Vec<Mention>) -> Vec<Mention> {
    let mut added = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let before = if k > 0 { &*words[k - 1].key } else { "" };
        let Some(kind) = kind_of(&w.key, before) else { continue };
        // (`a fabricante de bebidas`, `a maior fornecedora de minério`, not `a venda de bebidas`: a
        // maker of it.)
        let maker = |key: &str| matches!(key, "fabricante" | "produtora" | "fornecedora" | "exportadora");
        if before == "de" && !(k >= 2 && maker(&words[k - 2].key)) {
            continue;
        }
        // The article before the description (or before its first word, for two-word ones).
        // Two-word ones may have a word of their own before them (`the electric-car maker`, `a
        // maior fornecedora de minério`).
        let reach: &[usize] = if before == "de" {
            &[3, 4]
        } else if kind_of(&w.key, "").is_none() {
            &[2, 3]
        } else {
            &[1]
        };
        let article = reach.iter().any(|&back| k.checked_sub(back).is_some_and(|a| is_definite(&words[a].key)));
        // `o banco digital`: the longer description decides, at its last word.
        let longer = words.get(k + 1).is_some_and(|n| kind_of(&n.key, &w.key).is_some_and(|k2| k2 != kind));
        if !article || w.capitalized || longer {
            continue;
        }
        // Mentions are in text order: those around the word are found by bisection.
        let next = mentions.partition_point(|m| m.span.start < w.end);
        // `a mineradora Vale`: the name after it is the mention.
        if mentions.get(next).is_some_and(|m| words.get(k + 1).is_some_and(|n| n.start == m.span.start)) {
            continue;
        }
        let at = sentences.partition_point(|s| s.end <= w.start);
        if kind == Kind::Bank && is_analysts_bank(words, k, sentences.get(at)) {
            continue;
        }
        let from = sentences.get(at.saturating_sub(LOOK_BACK)).map_or(0, |s| s.start);
        let until = sentences.get(at + LOOK_AHEAD).map_or(usize::MAX, |s| s.end);
        // (`As ações ordinárias… a 30 reais… a estatal teve lucro`: the company, not the class
        // named; a class is a B3 symbol's, `ON` no word of ON Semiconductor's name.)
        let class_word = |m: &Mention| {
            is_b3_form(m.symbol.as_str())
                && words
                    .get(words.partition_point(|w| w.start < m.span.start))
                    .is_some_and(|w| w.start == m.span.start && class_of(w).is_some())
        };
        let first = mentions.partition_point(|m| m.span.start < from);
        let last = mentions.partition_point(|m| m.span.start < until).max(next);
        // (Only where the company is named in reach otherwise: `os papéis PN da estatal` alone
        // still names it by its class. The issuers named so, found once per description.)
        let named: FxHashSet<&str> = mentions[first.min(next)..last]
            .iter()
            .filter(|o| !class_word(o) && is_b3_form(o.symbol.as_str()))
            .map(issuer_root)
            .collect();
        // (A firm giving a view, or a class where the company is named otherwise, is not it.)
        let unfit = |m: &Mention| {
            m.rates || (m.speaks && is_broker(&m.symbol)) || (class_word(m) && named.contains(issuer_root(m)))
        };
        let fits = |m: &&Mention| is_of(&m.symbol, kind) && !unfit(m);
        let earlier = mentions[first.min(next)..next].iter().rev().filter(|m| m.span.end <= w.start).find(fits);
        // From an earlier sentence, the first of its kind there, the one the sentence is about
        // (`O Itaú atingiu …, acima de Bradesco e Santander. … o banco registrou lucro` is Itaú).
        let earlier = earlier.map(|m| {
            let own = sentences.partition_point(|s| s.end <= m.span.start);
            match sentences.get(own) {
                Some(s) if own != at => {
                    let opening = mentions.partition_point(|o| o.span.start < s.start);
                    mentions[opening..].iter().find(fits).unwrap_or(m)
                }
                _ => m,
            }
        });
        let later = || mentions[next..last].iter().filter(|m| m.span.end <= until).find(fits);
        if let Some(company) = earlier.or_else(later) {
            added.push(Mention {
                span: w.start..w.end,
                symbol: company.symbol.clone(),
                speaks: false,
                rates: false,
                fund: false,
            });
        }
    }
    merged(mentions, added)
}

#[cfg(test)]
mod tests {
    use super::is_analysts_bank;
    use crate::extract::figure_tickers::{attributed, owned};
    use crate::extract::tokens::tokens;

    #[test]
    fn a_bank_described_right_before_a_verb_of_saying_is_the_analysts_bank() {
        let text = "O banco americano calcula que o lucro da companhia crescerá 10%.";
        assert!(is_analysts_bank(&tokens(text), 1, Some(&(0..text.len()))));
        let text = "O banco americano teve lucro de 10%.";
        assert!(!is_analysts_bank(&tokens(text), 1, Some(&(0..text.len()))));
    }

    #[test]
    fn a_description_stands_for_the_issuer_not_a_class_and_on_is_no_class_of_on_semiconductor() {
        let text = "ON Semiconductor beat estimates, Goldman Sachs said. The chipmaker rose 5%.";
        assert_eq!(attributed(text), owned(&[("5%", &["ON"])]));
    }

    #[test]
    fn a_description_stands_for_the_company_of_its_kind_named_before() {
        let text = "O Ibovespa subiu, apesar do recuo de Vale (VALE3) e Petrobras (PETR4). \
                    Já os papéis da mineradora perderam 1,27%, a R$ 57,43.";
        assert_eq!(attributed(text), owned(&[("1,27%", &["VALE3"]), ("R$ 57,43", &["VALE3"])]));
        let text = "Nvidia and Walmart reported on Tuesday. Shares of the retailer rose 2%.";
        assert_eq!(attributed(text), owned(&[("2%", &["WMT"])]));
        let text = "O Itaú superou a soma de Bradesco e Santander Brasil. Depois, o banco registrou lucro de 11%.";
        assert_eq!(attributed(text), owned(&[("11%", &["ITUB4"])]), "the earlier sentence's subject");
        let text =
            "A Vale caiu. Os papéis da estatal, uma das maiores do Ibovespa, subiram 4%. Antes, a Petrobras subira.";
        assert_eq!(attributed(text), owned(&[("4%", &["PETR4"])]), "a state-owned company");
        let text = "O Itaú segue à frente do Nubank. O banco digital viu suas ações subirem 15%.";
        assert_eq!(attributed(text), owned(&[("15%", &["NU"])]), "a digital bank");
    }

    #[test]
    fn more_kinds_of_company_are_described() {
        let text = "A JBS (JBSS3) e a Ambev (ABEV3) divulgaram balanços. As ações do frigorífico subiram 3%, \
                    e as da cervejaria caíram 1%.";
        assert_eq!(attributed(text), owned(&[("3%", &["JBSS3"]), ("1%", &["ABEV3"])]));
        let text = "Cisco Systems (CSCO) and Walmart reported. Shares of the tech giant fell 0.7%.";
        assert_eq!(attributed(text), owned(&[("0.7%", &["CSCO"])]));
    }

    #[test]
    fn or_named_just_after_when_none_was_named_before() {
        let text = "Citi lowered its price target for the electric-car maker's stock from $238 to $191. \
                    Signs of trouble include Tesla's price cuts.";
        assert_eq!(attributed(text), owned(&[("$238", &["TSLA"]), ("$191", &["TSLA"])]));
    }

    #[test]
    fn a_description_nothing_settles_names_nobody() {
        assert_eq!(attributed("Shares of the retailer rose 2% on Monday."), owned(&[("2%", &[])]));
        let text = "Segundo o Goldman Sachs, a WEG segue cara. O banco vê queda de 10% nas ações.";
        assert_eq!(attributed(text), owned(&[("10%", &["WEGE3"])]), "a bank giving a view is not the bank described");
        let text =
            "O BTG Pactual (do grupo da EXAME) observa alta de 3%. O relatório do banco tem preço-alvo de R$ 50.";
        assert_ne!(attributed(text)[1], ("R$ 50".to_owned(), vec!["BPAC11".to_owned()]), "the analysts' bank");
    }
}
