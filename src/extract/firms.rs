//! One firm under its several names: `BofA`, `Bank of America`, `BofA Securities` and `Bank of
//! America Merrill Lynch` are one claimant, as are `RBC` and `Royal Bank of Canada`, `Itaú BBA`
//! and `Itaú Unibanco`, `Wells Fargo Securities` and `Wells Fargo`.
//!
//! [`firm_key`] gives every name of a firm the same key: the folded name without the words that
//! name a firm's arm rather than the firm (`Securities`, `Capital Markets`, `Research`,
//! `Investimentos`, `Corretora`, legal suffixes), then mapped through the groups of names the
//! firms themselves use (their research pages and the financial press). A name outside every
//! group keys as itself, so two unknown firms are one only when their names are.

use std::sync::OnceLock;

use super::fx_hash::FxHashMap;
use crate::model::fold;

/// Words after a firm's name that name its arm or its legal form, not another firm.
const ARM_WORDS: &[&str] = &[
    "securities",
    "capital markets",
    "capital market",
    "global markets",
    "global research",
    "equity research",
    "investment research",
    "research",
    "investimentos",
    "investimento",
    "corretora",
    "asset management",
    "and company",
    "and co",
    "co",
    "inc",
    "llc",
    "ltd",
    "plc",
    "sa",
    "ag",
    "group",
    "financial",
    "and associates",
    "and sons",
    "associates",
    "holdings",
    "north america",
    "americas",
    // (`Scotiabank Brasil`, `Morgan Stanley Brazil`: a bank's arm in the country.)
    "brasil",
    "brazil",
    "international",
];

/// Words before a firm's name that say what kind of firm it is (`Corretora Ágora`, `Banco
/// Safra`, `Grupo Safra`).
const KIND_WORDS: &[&str] = &["corretora", "banco", "grupo", "the"];

/// Names of one firm, each folded; the first is the key they all take.
const GROUPS: &[&[&str]] = &[
    &[
        "bank of america",
        "bofa",
        "bank of america merrill lynch",
        "bank of america merrill",
        "bofa merrill lynch",
        "bofaml",
        "banc of america",
        "baml",
        "merrill lynch",
        "merrill",
    ],
    &[
        "jpmorgan",
        "jp morgan",
        "j p morgan",
        "jpmorgan chase",
        "jp morgan chase",
        "j p morgan chase",
        "jpmorgan cazenove",
        "jp morgan cazenove",
        "j p morgan cazenove",
        "jpm",
        "jpm morgan",
    ],
    // (`Smith Barney`: Citigroup's brokerage until 2009.)
    &[
        "citi",
        "citigroup",
        "citibank",
        "citi corretora",
        "citigroup smith barney",
        "citigroup global markets",
        "smith barney",
        "salomon smith barney",
    ],
    &["rbc", "royal bank of canada", "rbc dominion", "rbc capital"],
    &["goldman sachs", "goldman", "gs"],
    &["kbw", "keefe bruyette woods", "keefe bruyette and woods", "keefe bruyette", "keefe"],
    &["roth mkm", "roth", "roth capital", "mkm partners", "mkm", "rothmkm"],
    // (`BMO Capital Marktets`: a Portuguese write-up's misspelling, kept as written.)
    &["bmo", "bank of montreal", "bmo capital", "bmo capital marktets"],
    &["td cowen", "cowen", "td securities"],
    &[
        "bernstein",
        "sanford c bernstein",
        "sanford bernstein",
        "c bernstein",
        "alliancebernstein",
        "societe generale bernstein",
        "bernstein socgen",
    ],
    &["keybanc", "key banc", "keybank"],
    &["evercore", "evercore isi", "isi evercore", "isi"],
    // (`Warburg` alone: UBS Warburg, its research arm's name from 1998 to 2003.)
    &["ubs", "ubs bb", "ubs warburg", "warburg dillon read", "warburg"],
    &["piper sandler", "piper jaffray", "piper"],
    &["truist", "suntrust robinson humphrey", "suntrust robinson humphreys", "suntrust robinson", "suntrust"],
    &["b riley", "b riley fbr", "fbr", "fbr capital"],
    &["canaccord", "canaccord genuity"],
    &["bnp paribas", "bnp paribas exane", "exane bnp paribas", "exane"],
    &["stifel", "stifel nicolaus"],
    &["da davidson", "d a davidson", "davidson"],
    &["baird", "robert w baird", "rw baird"],
    &["mizuho", "mizuho americas"],
    &["nomura", "nomura instinet", "instinet"],
    &["itau bba", "itau", "itau unibanco", "banco itau", "bba"],
    &["bradesco bbi", "bradesco", "banco bradesco", "bbi"],
    &["btg pactual", "btg", "banco btg pactual"],
    &["xp", "xp inc", "xp expert"],
    &["santander", "banco santander", "santander brasil"],
    &["banco do brasil", "bb", "bb banco de investimento"],
    &["banco espirito santo", "bes", "espirito santo"],
    &["safra", "banco safra"],
    &["credit suisse", "cs", "credit suisse first boston", "csfb"],
    &["deutsche bank", "deutsche"],
    &["morgan stanley", "ms", "morgan stanley dean witter"],
    &["cantor fitzgerald", "cantor"],
    &["raymond james", "raymond james financial"],
    &["wells fargo", "well fargo"],
    &["barclays", "barclay s", "barclays capital"],
    &["scotiabank", "scotia", "scotia capital", "scotiabank gbm", "bank of nova scotia"],
    &["cibc", "cibc world markets", "canadian imperial bank of commerce"],
    &["hc wainwright", "h c wainwright", "wainwright"],
    &["pacific crest", "keybanc pacific crest"],
    &["ascendiant", "ascendiant capital"],
    &["crt", "crt capital"],
    &["sudameris", "banco sudameris"],
    &["fox pitt kelton", "fox pitt kelton cochran caronia waller"],
    &["macquarie", "macquarie bank", "macquarie group"],
    &["lehman brothers", "lehman"],
    &["dain rauscher", "dain rauscher wessels"],
    &["a g edwards", "ag edwards"],
    &["sterne agee", "sterne"],
    &["janney", "janney montgomery scott", "janney capital"],
    &["brean", "brean capital", "brean murray"],
    &["northland", "northland capital markets", "northland securities"],
    &["telsey", "telsey advisory", "telsey advisory group"],
    &["wolfe", "wolfe research"],
    &["zacks", "zacks investment research"],
    &["wedbush", "wedbush securities"],
    &["jefferies", "jefferies financial group", "jeffries"],
    &["oppenheimer", "oppenheimer and co"],
    &["societe generale", "socgen", "sg"],
];

/// Every grouped name (after the arm words are dropped) to its group's key.
fn aliases() -> &'static FxHashMap<String, &'static str> {
    static ALIASES: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    ALIASES.get_or_init(|| {
        let mut map = FxHashMap::default();
        for group in GROUPS {
            for name in *group {
                map.insert(without_arm_words(name), group[0]);
            }
        }
        map
    })
}

/// The folded words of `name`, apostrophes, full stops and other signs read as spaces and `&` as
/// `and` (`J.P. Morgan` → `j p morgan`, `Roth/MKM` → `roth mkm`, `Keefe, Bruyette & Woods`).
fn words(name: &str) -> String {
    let folded = fold(name).replace('&', " and ");
    let spaced: String = folded.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `name` (already folded into words) without the kind words at its start and the arm words at
/// its end, however many; never emptied (`Research` alone stays).
fn without_arm_words(name: &str) -> String {
    let mut name = name.to_owned();
    'kind: loop {
        for kind in KIND_WORDS {
            if let Some(rest) = name.strip_prefix(kind)
                && let Some(rest) = rest.strip_prefix(' ')
                && !rest.is_empty()
            {
                name = rest.to_owned();
                continue 'kind;
            }
        }
        break;
    }
    'strip: loop {
        for arm in ARM_WORDS {
            if let Some(rest) = name.strip_suffix(arm)
                && let Some(rest) = rest.strip_suffix(' ')
                && !rest.is_empty()
                // (`Banco do Brasil` is no arm of a firm `do`.)
                && !matches!(rest.rsplit(' ').next(), Some("do" | "da" | "de" | "of"))
            {
                name = rest.to_owned();
                continue 'strip;
            }
        }
        return name;
    }
}

/// The key every name of one firm shares (`BofA Securities` and `Bank of America Merrill Lynch`
/// both key as `bank of america`); an unknown firm keys as its name without its arm words.
pub fn firm_key(name: &str) -> String {
    let name = without_arm_words(&words(name));
    match aliases().get(&name) {
        Some(key) => (*key).to_owned(),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::firm_key;

    #[test]
    fn names_of_one_firm_share_a_key() {
        assert_eq!(firm_key("Macquarie Bank Ltd."), firm_key("Macquarie"));
        assert_eq!(firm_key("SocGen"), firm_key("Societe Generale"));
        for names in [
            &["BofA", "Bank of America", "BofA Securities", "Bank of America Merrill Lynch", "BofA Global Research"][..],
            &["RBC Capital Markets", "Royal Bank of Canada", "RBC"],
            &["J.P. Morgan", "JPMorgan", "JP Morgan Securities", "J.P. Morgan Securities LLC", "JPM", "JPM Morgan"],
            &["Bank of America Merrill", "BofA"],
            &["Well Fargo", "Wells Fargo"],
            &["Wells Fargo Securities", "Wells Fargo"],
            &["Keefe, Bruyette & Woods", "Keefe Bruyette", "KBW"],
            &["Roth/MKM", "Roth Capital", "MKM Partners"],
            &["Itaú BBA", "Itaú Unibanco", "Itau"],
            &["XP Investimentos", "XP"],
            &["Citigroup", "Citi", "Citibank", "Citi Research"],
            &["Cowen & Co.", "Cowen and Company", "TD Cowen"],
            &["UBS BB", "UBS"],
            &["ISI Evercore", "Evercore ISI", "Evercore"],
            &["Susquehanna Financial Group", "Susquehanna"],
            &["Sanford C. Bernstein", "C. Bernstein", "Bernstein"],
            &["Raymond James & Associates", "Raymond James"],
            &["Corretora Ágora", "Ágora"],
            &["Banco Safra", "Safra"],
            &["Scotiabank Brasil", "Scotiabank"],
            &["KeyBank", "KeyBanc Capital Markets"],
            &["UBS Warburg", "Warburg", "UBS"],
            &["Credit Suisse First Boston", "CSFB", "Credit Suisse"],
            &["Morgan Stanley Dean Witter", "Morgan Stanley"],
            &["Banc of America Securities", "Bank of America"],
            &["Deutsche Bank-North America", "Deutsche Bank"],
            &["Susquehanna International Group", "Susquehanna"],
            &["Janney Capital Markets", "Janney Montgomery Scott", "Janney"],
            &["JP Morgan Cazenove", "JPMorgan"],
            &["Citigroup Smith Barney", "Smith Barney", "Salomon Smith Barney", "Citi"],
            &["A.G. Edwards & Sons Inc.", "A.G. Edwards"],
            &["Dain Rauscher Wessels", "Dain Rauscher"],
            &["Barclay's", "Barclays", "Barclays Capital"],
            &["Scotia Capital Markets", "Scotia Capital", "Scotiabank", "Scotia"],
            &["CIBC World Markets", "CIBC Capital Markets", "CIBC"],
        ] {
            let keys: Vec<String> = names.iter().map(|n| firm_key(n)).collect();
            assert!(keys.iter().all(|k| *k == keys[0]), "{names:?} keyed {keys:?}");
        }
    }

    #[test]
    fn different_firms_keep_different_keys() {
        let keys: Vec<String> =
            ["Morgan Stanley", "JPMorgan", "UBS", "BB Investimentos", "Goldman Sachs", "Research Capital", "Genial"]
                .iter()
                .map(|n| firm_key(n))
                .collect();
        for (i, a) in keys.iter().enumerate() {
            assert!(keys[i + 1..].iter().all(|b| b != a), "{keys:?}");
        }
    }

    #[test]
    fn firms_by_their_older_or_shorter_names() {
        for (a, b) in [
            ("Keefe", "KBW"),
            ("Bernstein SocGen", "Bernstein"),
            ("SunTrust Robinson Humphreys", "Truist"),
            ("XP Expert", "XP"),
            ("BMO Capital Marktets", "BMO"),
            ("RBC Capital", "RBC"),
        ] {
            assert_eq!(firm_key(a), firm_key(b), "{a}");
        }
    }

    #[test]
    fn a_name_that_is_only_an_arm_word_stays_itself() {
        assert_eq!(firm_key("Research"), "research");
        assert_eq!(firm_key("  "), "");
    }
}
