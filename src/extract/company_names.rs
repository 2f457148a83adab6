//! The names a company is written by, derived from its legal name in the SEC list:
//! `NVIDIA CORP` → `nvidia`, `Alphabet Inc.` → `alphabet`, `COSTCO WHOLESALE CORP /NEW` →
//! `costco wholesale`, `Alibaba Group Holding Ltd` → `alibaba group holding` and `alibaba`.
//!
//! Corporate suffixes (Inc, Corp, Co, Ltd, plc, S.A., N.V. …) and the state after a slash are
//! dropped; generic last words (Group, Holdings, Technologies …) are dropped too for a second,
//! shorter name. Funds and trusts get no name: `SPDR S&P 500 ETF TRUST` is not what people mean
//! by "S&P 500".

use super::tokens::key_of;

/// Legal-form words that end company names, as folded token sequences.
const SUFFIXES: &[&[&str]] = &[
    &["inc"],
    &["incorporated"],
    &["corp"],
    &["corporation"],
    &["co"],
    &["company"],
    &["companies"],
    &["ltd"],
    &["limited"],
    &["plc"],
    &["p", "l", "c"],
    &["sa"],
    &["s", "a"],
    &["ag"],
    &["nv"],
    &["n", "v"],
    &["se"],
    &["spa"],
    &["s", "p", "a"],
    &["asa"],
    &["ab"],
    &["lp"],
    &["l", "p"],
    &["llc"],
    &["adr"],
    &["sab", "de", "cv"],
    &["de", "cv"],
    &["a", "s"],
    &["aktiengesellschaft"],
    &["&"],
    &["and"],
    // `MRV ENGENHARIA E PARTICIPACOES S.A.`: a Brazilian holding's tail.
    &["e", "participacoes"],
    &["e", "part"],
    // `ZIONS BANCORPORATION, NATIONAL ASSOCIATION`: a US bank's charter.
    &["national", "association"],
];

/// Generic last words dropped for the shorter name.
const GENERIC_TAILS: &[&str] = &[
    "parent",
    "group",
    "holding",
    "holdings",
    "technologies",
    "technology",
    "international",
    "systems",
    "platforms",
    "financial",
    "com",
    "networks",
    "laboratories",
    "labs",
    "pharmaceuticals",
    "therapeutics",
    "semiconductors",
    "semiconductor",
    "worldwide",
    "enterprises",
    "industries",
    "global",
    "bancorp",
    "bancorporation",
    "incorporated",
    "brands",
];

/// Whether a word is one of the generic last words of company names (`Bancorp`, `Financial`,
/// `Holdings`).
pub(crate) fn is_generic_tail(key: &str) -> bool {
    GENERIC_TAILS.contains(&key)
}

/// Words that mark a fund, trust or other vehicle rather than a company people name.
const VEHICLES: &[&str] = &[
    "etf",
    "fund",
    "trust",
    "ishares",
    "spdr",
    "proshares",
    "direxion",
    "invesco",
    "vanguard",
    "portfolio",
    "index",
    "etn",
    "notes",
    "warrant",
    "warrants",
    "acquisition",
    "units",
    "shares",
];

/// Whether a legal name is a fund's, trust's or other vehicle's rather than a company's.
pub(crate) fn is_fund(legal: &str) -> bool {
    let cut = legal.find(['/', '\\', '(']).map_or(legal, |at| &legal[..at]);
    let words = words_of(cut);
    words.iter().any(|w| VEHICLES.contains(&w.as_str())) && !is_operating_trust(&words)
}

/// Words that make a trust an operating company people name: a real-estate trust (`Vornado
/// Realty Trust`, `Service Properties Trust`) or a bank (`Northern Trust Corp`).
const OPERATING_TRUSTS: &[&str] = &[
    "realty",
    "property",
    "properties",
    "reit",
    "estate",
    "hotel",
    "hotels",
    "lodging",
    "residential",
    "mortgage",
    "healthcare",
    "storage",
    "industrial",
    "office",
    "apartment",
    "hospitality",
    "assets",
];

/// Whether a name with `trust` in it is an operating company's, not a fund's: `trust` is its only
/// vehicle word and the name says real estate, or goes on with a company's legal form (`Northern
/// Trust Corp`), without a fund's markers.
fn is_operating_trust(words: &[String]) -> bool {
    let vehicles = words.iter().filter(|w| VEHICLES.contains(&w.as_str())).count();
    let Some(at) = words.iter().position(|w| w == "trust") else { return false };
    if vehicles > 1 {
        return false;
    }
    words.iter().any(|w| OPERATING_TRUSTS.contains(&w.as_str()))
        || (words.get(at + 1).is_some_and(|w| matches!(w.as_str(), "corp" | "corporation" | "bancorp" | "co"))
            && !words.iter().any(|w| FUND_MARKERS.contains(&w.as_str())))
}

/// Words of closed-end funds and commodity trusts that may also say `trust` alone.
const FUND_MARKERS: &[&str] = &[
    "gold",
    "silver",
    "bitcoin",
    "ether",
    "ethereum",
    "physical",
    "term",
    "municipal",
    "bond",
    "income",
    "equity",
    "dividend",
    "royalty",
    "blackrock",
    "nuveen",
    "gabelli",
    "royce",
    "allocation",
    "credit",
    "commodity",
];

/// The matchable names of a company, longest first, as folded words joined by spaces.
/// Empty for funds and trusts.
pub(crate) fn matchable_names(legal: &str) -> Vec<String> {
    // The state of incorporation after a slash or in brackets (`/DE/`, `(DE)`) is no part of it;
    // a Brazilian `S/A` is the legal form.
    let legal = legal.strip_suffix(" S/A").unwrap_or(legal);
    let cut = legal.find(['/', '\\', '(']).map_or(legal, |at| &legal[..at]);
    let mut words = words_of(cut);
    if words.iter().any(|w| VEHICLES.contains(&w.as_str())) && !is_operating_trust(&words) {
        return Vec::new();
    }
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    // `CYRELA BRAZIL REALTY S.A.EMPREEND E PART`, `PDG REALTY S.A. EMPREEND E PARTICIPACOES`: a
    // Brazilian legal form inside the name ends the name people write.
    if let Some(at) = (1..words.len()).find(|&k| {
        (words[k] == "sa" && k + 1 < words.len())
            || (words[k] == "s" && words.get(k + 1).is_some_and(|a| a == "a") && k + 2 < words.len())
    }) {
        words.truncate(at);
    }
    strip_suffixes(&mut words);
    let mut names = Vec::new();
    if words.is_empty() {
        return names;
    }
    names.push(words.join(" "));
    // `DILLARD'S, INC.` is written `Dillard's`, which is read as one name with its `s`.
    if words.len() == 2 && words[1] == "s" {
        names.push(format!("{}s", words[0]));
    }
    // `Zions Bancorporation` is written `Zions Bancorp`.
    if words.len() > 1 && words.last().is_some_and(|w| w == "bancorporation") {
        let mut written = words[..words.len() - 1].join(" ");
        written.push_str(" bancorp");
        names.push(written);
    }
    let mut short = words.clone();
    // `Digital Realty Trust` is written `Digital Realty`.
    if short.len() > 2
        && short.last().is_some_and(|w| w == "trust")
        && (OPERATING_TRUSTS.contains(&short[short.len() - 2].as_str())
            || GENERIC_TAILS.contains(&short[short.len() - 2].as_str()))
    {
        short.pop();
    }
    while short.len() > 1 && short.last().is_some_and(|w| GENERIC_TAILS.contains(&w.as_str())) {
        short.pop();
        strip_suffixes(&mut short);
    }
    if short.len() < words.len() && !short.is_empty() {
        names.push(short.join(" "));
    }
    names
}

/// The folded words of a legal name, split as the tokenizer splits text (`&` is a word).
fn words_of(name: &str) -> Vec<String> {
    let mut words = Vec::with_capacity(4);
    let mut start = None;
    for (at, c) in name.char_indices().chain(std::iter::once((name.len(), ' '))) {
        let word_char = c.is_alphanumeric();
        match (start, word_char) {
            (None, true) => start = Some(at),
            (Some(s), false) => {
                words.push(key_of(&name[s..at]).into_owned());
                start = None;
            }
            _ => {}
        }
        if c == '&' {
            words.push("&".to_owned());
        }
    }
    words
}

fn strip_suffixes(words: &mut Vec<String>) {
    loop {
        let before = words.len();
        for suffix in SUFFIXES {
            if words.len() > suffix.len()
                && words[words.len() - suffix.len()..].iter().zip(*suffix).all(|(w, s)| w == s)
            {
                words.truncate(words.len() - suffix.len());
                break;
            }
        }
        if words.len() == before {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_names_become_the_names_people_write() {
        for (legal, names) in [
            ("NVIDIA CORP", &["nvidia"][..]),
            ("Alphabet Inc.", &["alphabet"]),
            ("MICROSOFT CORP", &["microsoft"]),
            ("COSTCO WHOLESALE CORP /NEW", &["costco wholesale"]),
            ("Alibaba Group Holding Ltd", &["alibaba group holding", "alibaba"]),
            ("BANK OF AMERICA CORP /DE/", &["bank of america"]),
            ("JPMORGAN CHASE & CO", &["jpmorgan chase"]),
            ("Banco Santander, S.A.", &["banco santander"]),
            ("CYRELA BRAZIL REALTY S.A.EMPREEND E PART", &["cyrela brazil realty"]),
            ("PDG REALTY S.A. EMPREEND E PARTICIPACOES", &["pdg realty"]),
            ("MRV ENGENHARIA E PARTICIPACOES S.A.", &["mrv engenharia"]),
            ("PETROBRAS - PETROLEO BRASILEIRO SA", &["petrobras petroleo brasileiro"]),
            ("AMERICA MOVIL SAB DE CV/", &["america movil"]),
            ("NOVO NORDISK A S", &["novo nordisk"]),
            ("Meta Platforms, Inc.", &["meta platforms", "meta"]),
            ("Walt Disney Co", &["walt disney"]),
            ("DILLARD'S, INC.", &["dillard s", "dillards"]),
            ("ZIONS BANCORPORATION, NATIONAL ASSOCIATION /UT/", &["zions bancorporation", "zions bancorp", "zions"]),
            ("SPDR S&P 500 ETF TRUST", &[]),
            ("Raymond James Financial Inc", &["raymond james financial", "raymond james"]),
            ("ACUITY INC. (DE)", &["acuity"]),
            ("Yum! Brands, Inc.", &["yum brands", "yum"]),
            ("Service Properties Trust", &["service properties trust", "service properties"]),
            ("DIGITAL REALTY TRUST, INC.", &["digital realty trust", "digital realty"]),
            ("NORTHERN TRUST CORP", &["northern trust"]),
            ("KITE REALTY GROUP TRUST", &["kite realty group trust", "kite realty"]),
            ("Alpine Income Property Trust, Inc.", &["alpine income property trust", "alpine income property"]),
            ("iShares Silver Trust", &[]),
            ("GABELLI EQUITY TRUST INC", &[]),
            ("BLACKROCK CREDIT ALLOCATION INCOME TRUST", &[]),
        ] {
            assert_eq!(matchable_names(legal), names, "{legal}");
        }
    }
}
