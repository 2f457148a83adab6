//! The names and symbols text is matched against: company names derived from the reference list,
//! curated aliases, phrases that are not companies, and the user's own aliases and suppressions.
//!
//! Lookups are hash lookups of folded word sequences (`bank of america`), so matching a text
//! costs the same whatever the number of companies. Building one from the bundled SEC list takes
//! a few milliseconds.

use serde::{Deserialize, Serialize};

use super::company_names::{is_fund, matchable_names};
use super::first_word_names::first_word_names;
use super::fx_hash::{FxHashMap, FxHashSet};
use super::index_cues::is_index_word;
use super::known_names::{ALIASES, Case, NON_REFERENCE, NOT_COMPANIES};
use super::tokens::phrase_key;
use super::words::{is_acronym, is_common_word};
use crate::model::{Renamed, Symbol, b3_listings, cross_listings, reference_tickers, renamed};

/// How a ticker was found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// `$NVDA`
    Cashtag,
    /// A company name from the reference list: `Microsoft`, `Bank of America`.
    Name,
    /// A curated alias: `Google`, `TSMC`, `Petrobras`.
    Alias,
    /// An alias the user added: `Team Green`.
    UserAlias,
    /// A bare symbol in a safe context: `(NASDAQ: NVDA)`, `NVDA shares`.
    Symbol,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Cashtag => "cashtag",
            Via::Name => "name",
            Via::Alias => "alias",
            Via::UserAlias => "user_alias",
            Via::Symbol => "symbol",
        }
    }
}

/// A name the user taught Jevons: `Team Green` means NVDA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserAlias {
    pub alias: String,
    pub symbol: Symbol,
}

/// A match the user turned off: `Vale` is not VALE3 for them, or `GE` is not GE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub phrase: String,
    pub symbol: Symbol,
}

/// What a name stands for. `symbol: None` marks a phrase that is no company (`vale a pena`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameEntry {
    pub symbol: Option<String>,
    pub via: Via,
    pub case: Case,
}

/// A symbol that may be read bare, with the company's size rank (0 is the largest) when it is in
/// the reference list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SymbolEntry {
    pub rank: Option<usize>,
    /// The target of a curated alias (`TSM` for `TSMC`): known well enough to read bare.
    pub well_known: bool,
    /// A fund, trust or other vehicle (`SPDR GOLD TRUST`): no company.
    pub fund: bool,
}

/// Reference-list companies below this rank get a one-word name only when it is their full name.
const SHORT_NAME_RANKS: usize = 3000;
/// Reference-list companies below this rank get no one-word name at all (too many collide with
/// words and surnames).
const ONE_WORD_RANKS: usize = 6000;

/// Everything text is matched against to find tickers.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    names: FxHashMap<String, NameEntry>,
    /// First word of every name → the most words a name starting with it has.
    /// (A name written in any case makes the second `true`: only then may a lower-case word
    /// open one.)
    first_words: FxHashMap<String, (usize, bool)>,
    symbols: FxHashMap<String, SymbolEntry>,
    suppressed: FxHashSet<(String, String)>,
    /// A B3 issuer's listing abroad (`PBR`) → its main B3 listing (`PETR4`).
    home: FxHashMap<String, String>,
    /// A former symbol (`RIMM`) → the company's current listing (`BB`).
    renamed: FxHashMap<String, String>,
    /// A B3 listing of another class (`PETR3`) → its issuer's main listing (`PETR4`).
    issuer_main: FxHashMap<String, String>,
}

impl Lexicon {
    /// A lexicon of the given reference companies (symbol, legal name; largest first), the
    /// curated aliases and the known non-companies.
    pub fn new<'a>(reference: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self::from_reference(reference.into_iter().map(|(symbol, legal)| (symbol, legal, false)))
    }

    /// As [`Lexicon::new`], with whether each symbol trades over the counter: a name shared by
    /// an OTC line and an exchange listing stands for the exchange listing (`Rio Tinto` is RIO on
    /// the NYSE, not the OTC line RTNTF of Rio Tinto Ltd, though that comes first in the list).
    pub fn from_reference<'a>(reference: impl IntoIterator<Item = (&'a str, &'a str, bool)>) -> Self {
        let mut lexicon = Self::default();
        let mut over_the_counter: FxHashSet<String> = FxHashSet::default();
        lexicon.names.reserve(16_384);
        lexicon.symbols.reserve(16_384);
        lexicon.first_words.reserve(12_288);
        // `Skyworks` for `SKYWORKS SOLUTIONS, INC.`, `Verizon` for `VERIZON COMMUNICATIONS INC`:
        // the first word of a large company's longer name, when no other listed company's name
        // starts with it (`American`, `General` name many).
        let mut firsts: FxHashMap<String, Option<(usize, &str, &str)>> = FxHashMap::default();
        for (rank, (symbol, legal, otc)) in reference.into_iter().enumerate() {
            lexicon
                .symbols
                .insert(symbol.to_owned(), SymbolEntry { rank: Some(rank), well_known: false, fund: is_fund(legal) });
            if otc {
                over_the_counter.insert(symbol.to_owned());
            }
            let names = matchable_names(legal);
            if let Some(first) = names.first().and_then(|n| n.split_once(' ')).map(|(first, _)| first) {
                let seen = firsts.entry(first.to_owned()).or_insert(Some((rank, symbol, legal)));
                // (One company's other lines, `GOOGL` and `GOOG`, share its legal name.)
                if seen.is_some_and(|(_, _, l)| l != legal) {
                    *seen = None;
                }
            }
            for (n, name) in names.into_iter().flat_map(written_variants).enumerate() {
                let one_word = !name.contains(' ');
                let too_small = one_word && rank >= ONE_WORD_RANKS;
                // `Xerox Corp.` for `Xerox Holdings Corp`: a smaller company's shortened name
                // counts in company context only.
                let small_short = one_word && n > 0 && rank >= SHORT_NAME_RANKS;
                let acronym = one_word && is_acronym(&name.to_ascii_uppercase());
                let everyday = one_word && is_common_word(&name);
                // `Box Inc`, `Target Corp`: a company whose whole name is an everyday word counts
                // in company context only (see `company_context`).
                let everyday_full_name = everyday && n == 0 && rank < SHORT_NAME_RANKS && !is_index_word(&name);
                if too_small || acronym || (one_word && name.len() < 3) || (everyday && !everyday_full_name) {
                    continue;
                }
                let case = if everyday || small_short { Case::Context } else { Case::Capital };
                match lexicon.names.get_mut(&name) {
                    None => {
                        let entry = NameEntry { symbol: Some(symbol.to_owned()), via: Via::Name, case };
                        lexicon.insert_key(name, entry);
                    }
                    Some(entry) if !otc && entry.symbol.as_ref().is_some_and(|s| over_the_counter.contains(s)) => {
                        entry.symbol = Some(symbol.to_owned());
                    }
                    Some(_) => {}
                }
            }
        }
        for (word, symbol) in first_word_names(firsts) {
            if !lexicon.names.contains_key(&word) {
                let entry = NameEntry { symbol: Some(symbol.to_owned()), via: Via::Name, case: Case::Context };
                lexicon.insert_key(word, entry);
            }
        }
        for (alias, symbol, case) in ALIASES {
            lexicon
                .symbols
                .entry((*symbol).to_owned())
                .or_insert(SymbolEntry { rank: None, well_known: true, fund: false })
                .well_known = true;
            lexicon.insert(alias, NameEntry { symbol: Some((*symbol).to_owned()), via: Via::Alias, case: *case });
        }
        for symbol in NON_REFERENCE {
            lexicon.symbols.entry((*symbol).to_owned()).or_insert(SymbolEntry {
                rank: None,
                well_known: false,
                fund: false,
            });
        }
        for phrase in NOT_COMPANIES {
            lexicon.insert(phrase, NameEntry { symbol: None, via: Via::Alias, case: Case::Any });
        }
        lexicon
    }

    /// The lexicon of the SEC and B3 lists bundled with Jevons.
    pub fn bundled() -> Self {
        Self::from_reference(reference_tickers().map(|t| (t.symbol, t.name, t.exchange == Some("OTC"))))
            .with_b3(b3_listings().map(|l| (l.symbol, l.name, l.main)))
            .with_cross_listings(cross_listings())
            .with_renamed(renamed())
    }

    /// Adds companies' former symbols and names, which stand for their current listing: a former
    /// symbol where the text shows it is one (see `tickers`), a former name as a curated alias
    /// would, unless it already names something.
    pub fn with_renamed(mut self, renamed: impl IntoIterator<Item = Renamed>) -> Self {
        for r in renamed {
            if r.symbol {
                self.renamed.insert(r.before.to_owned(), r.now.to_owned());
            } else if self.name(&phrase_key(r.before)).is_none() {
                let entry = NameEntry { symbol: Some(r.now.to_owned()), via: Via::Alias, case: Case::Capital };
                self.insert(r.before, entry);
            }
        }
        self
    }

    /// Makes the reference-list names of other listings of B3 companies (US symbol, main B3
    /// listing) stand for the main listing, as the curated names do: `Itau Unibanco Holding`
    /// (the SEC's name for ITUB) is ITUB4, like `Itaú`. Their symbols (`$ITUB`, `NYSE: PBR`)
    /// still name the listing itself.
    pub fn with_cross_listings<'a>(mut self, listings: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let main: FxHashMap<&str, &str> = listings.into_iter().collect();
        self.home.extend(main.iter().map(|(from, to)| ((*from).to_owned(), (*to).to_owned())));
        for entry in self.names.values_mut() {
            if entry.via == Via::Name
                && let Some(to) = entry.symbol.as_deref().and_then(|s| main.get(s))
            {
                entry.symbol = Some((*to).to_owned());
            }
        }
        self
    }

    /// Adds B3 listings (symbol, legal name, the issuer's main listing). Their symbols read bare
    /// like the curated Brazilian ones (a class number makes them hard to mistake); an issuer's
    /// legal name (each part of `LEGAL NAME - TRADE NAME`), when it names nothing yet, stands for
    /// its main listing (`Centrais Elet Bras` → ELET3); a one-word name (`WEG`, `Light`) only in
    /// company context (`a Light`), and a fund's not at all. Curated aliases (`Vale`,
    /// `Petrobras`) come first.
    pub fn with_b3<'a>(mut self, listings: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let listings: Vec<(&str, &str, &str)> = listings.into_iter().collect();
        let short = b3_short_names(listings.iter().filter(|(s, _, m)| s == m).map(|(_, legal, m)| (*legal, *m)));
        let brands: Vec<(&str, &str)> =
            listings.iter().filter(|(s, _, m)| s == m).map(|(_, legal, m)| (*legal, *m)).collect();
        for (symbol, legal, main) in listings {
            self.symbols.entry(symbol.to_owned()).or_insert(SymbolEntry { rank: None, well_known: false, fund: false });
            if symbol != main {
                self.issuer_main.insert(symbol.to_owned(), main.to_owned());
                continue;
            }
            let fund = legal.split_whitespace().any(|w| matches!(w, "FDO" | "FII" | "FUNDO" | "FIAGRO"));
            for name in legal.split(" - ").flat_map(matchable_names) {
                // A one-word name (`WEG`, `Americanas`, `Light`) is often an everyday word, a
                // place or a surname too: it counts only in company context (`a Weg`, `ações da
                // Light`, `o preço-alvo de Fleury`).
                let case = if name.contains(' ') {
                    Case::Capital
                } else if !fund && name.len() >= 2 && !name.bytes().any(|b| b.is_ascii_digit()) {
                    Case::Context
                } else {
                    continue;
                };
                if !self.names.contains_key(&name) {
                    let entry = NameEntry { symbol: Some(main.to_owned()), via: Via::Name, case };
                    self.insert_key(name, entry);
                }
            }
        }
        // `Tenda` for `CONSTRUTORA TENDA S.A.`, `BMG` for `BANCO BMG S.A.`, `Moura Dubeux` for
        // `MOURA DUBEUX ENGENHARIA S/A`: the brand inside a legal name, as the press writes it.
        for (name, main) in b3_brand_names(&brands) {
            if !self.names.contains_key(&name) {
                let case = if name.contains(' ') { Case::Capital } else { Case::Context };
                self.insert_key(name, NameEntry { symbol: Some(main.to_owned()), via: Via::Name, case });
            }
        }
        // `Cogna` for `COGNA EDUCAÇÃO S.A.`, `Smartfit`, `Engie`, `MRV`: the first word of a
        // longer issuer name, as the Brazilian press writes it, in company context only.
        for (name, main) in short {
            if !self.names.contains_key(&name) {
                self.insert_key(name, NameEntry { symbol: Some(main.to_owned()), via: Via::Name, case: Case::Context });
            }
        }
        self
    }

    /// Adds the user's aliases (which win over any other meaning of the same words).
    pub fn with_aliases(mut self, aliases: &[UserAlias]) -> Self {
        for a in aliases {
            let entry = NameEntry { symbol: Some(a.symbol.to_string()), via: Via::UserAlias, case: Case::Any };
            self.symbols.entry(a.symbol.to_string()).or_insert(SymbolEntry {
                rank: None,
                well_known: false,
                fund: false,
            });
            self.insert(&a.alias, entry);
        }
        self
    }

    /// Adds the matches the user turned off.
    pub fn with_suppressions(mut self, suppressions: &[Suppression]) -> Self {
        for s in suppressions {
            self.suppressed.insert((phrase_key(&s.phrase), s.symbol.to_string()));
        }
        self
    }

    /// How many names and symbols it knows (for tools and benchmarks).
    pub fn len(&self) -> usize {
        self.names.len() + self.symbols.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.symbols.is_empty()
    }

    fn insert(&mut self, phrase: &str, entry: NameEntry) {
        let key = phrase_key(phrase);
        if !key.is_empty() {
            self.insert_key(key, entry);
        }
    }

    fn insert_key(&mut self, key: String, entry: NameEntry) {
        let first = key.split(' ').next().unwrap_or_default();
        let words = key.bytes().filter(|b| *b == b' ').count() + 1;
        let any_case = entry.case == Case::Any;
        match self.first_words.get_mut(first) {
            Some((longest, lower)) => {
                *longest = (*longest).max(words);
                *lower |= any_case;
            }
            None => {
                self.first_words.insert(first.to_owned(), (words, any_case));
            }
        }
        self.names.insert(key, entry);
    }

    /// The most words of a name that starts with `first` (0 when none does), when the word is
    /// written so that one may: a word in lower case opens only names written in any case.
    pub(crate) fn longest_from(&self, first: &str, capitalised: bool) -> usize {
        match self.first_words.get(first) {
            Some(&(longest, lower)) if capitalised || lower => longest,
            _ => 0,
        }
    }

    pub(crate) fn name(&self, key: &str) -> Option<&NameEntry> {
        self.names.get(key)
    }

    pub(crate) fn symbol(&self, symbol: &str) -> Option<&SymbolEntry> {
        self.symbols.get(symbol)
    }

    /// The current listing of a company's former symbol (`RIMM` → `BB`).
    pub(crate) fn renamed(&self, symbol: &str) -> Option<&str> {
        self.renamed.get(symbol).map(String::as_str)
    }

    /// The main B3 listing of a B3 issuer's listing abroad (`PBR` → `PETR4`).
    pub(crate) fn home_listing(&self, symbol: &str) -> Option<&str> {
        self.home.get(symbol).map(String::as_str)
    }

    /// The issuer's main B3 listing of a listing of another class (`PETR3` → `PETR4`); the main
    /// listing itself and every other symbol give none.
    pub(crate) fn issuer_main(&self, symbol: &str) -> Option<&str> {
        self.issuer_main.get(symbol).map(String::as_str)
    }

    /// Whether the user turned off reading `phrase` (as written) as `symbol`.
    pub(crate) fn is_suppressed(&self, phrase: &str, symbol: &str) -> bool {
        !self.suppressed.is_empty() && self.suppressed.contains(&(phrase_key(phrase), symbol.to_owned()))
    }
}

/// A name and the same name as the press may write it: `U.S. Bancorp` for `US BANCORP` (whose
/// words are `u s bancorp`), `Telephone and Data Systems` for `TELEPHONE & DATA SYSTEMS`.
fn written_variants(name: String) -> impl Iterator<Item = String> {
    let dotted = name.strip_prefix("us ").map(|rest| format!("u s {rest}"));
    let words: Vec<&str> = name.split(' ').collect();
    let spelled =
        words.windows(3).any(|w| w[1] == "&" && w[0].len() > 1 && w[2].len() > 1).then(|| name.replace(" & ", " and "));
    std::iter::once(name).chain(dotted).chain(spelled)
}

/// The first words of B3 issuers' longer legal names that name one issuer only and are no
/// generic word of company names (`CIA`, `BANCO`, `GRUPO`, `CENTRAIS`…), a legal suffix (`INC`)
/// nor a common word.
fn b3_short_names<'a>(issuers: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<(String, &'a str)> {
    let mut firsts: FxHashMap<String, Option<&str>> = FxHashMap::default();
    for (legal, main) in issuers {
        let fund = legal.split_whitespace().any(|w| matches!(w, "FDO" | "FII" | "FUNDO" | "FIAGRO"));
        let words: Vec<String> = legal.split(" - ").next().map(matchable_names).unwrap_or_default();
        let Some(first) = words.first().filter(|n| n.contains(' ')).and_then(|n| n.split(' ').next()) else {
            continue;
        };
        let plain = first.len() < 3
            || first.bytes().any(|b| b.is_ascii_digit())
            || is_common_word(first)
            || is_generic_issuer_word(first);
        if fund || plain {
            continue;
        }
        let seen = firsts.entry(first.to_owned()).or_insert(Some(main));
        if seen.is_some_and(|m| m != main) {
            *seen = None;
        }
    }
    let mut out: Vec<(String, &str)> = firsts.into_iter().filter_map(|(w, m)| m.map(|m| (w, m))).collect();
    out.sort();
    out
}

/// The brands inside B3 issuers' legal names: past a generic first word (`CONSTRUTORA TENDA`, `EMPREENDIMENTOS PAGUE MENOS`,
/// `BANCO BMG`, `HOSPITAL MATER DEI`, not `BANCO DO BRASIL`) and before a generic last one
/// (`MOURA DUBEUX ENGENHARIA`, `CAIXA SEGURIDADE PARTICIPAÇÕES`), when no two issuers share one.
fn b3_brand_names<'a>(issuers: &[(&str, &'a str)]) -> Vec<(String, &'a str)> {
    let mut brands: FxHashMap<String, Option<&str>> = FxHashMap::default();
    for &(legal, main) in issuers {
        if legal.split_whitespace().any(|w| matches!(w, "FDO" | "FII" | "FUNDO" | "FIAGRO")) {
            continue;
        }
        let Some(full) = legal.split(" - ").next().map(matchable_names).and_then(|n| n.into_iter().next()) else {
            continue;
        };
        let mut words: Vec<&str> = full.split(' ').collect();
        let before = words.len();
        if words.len() > 1
            && matches!(
                words[0],
                "construtora" | "banco" | "bco" | "hospital" | "cia" | "companhia" | "grupo" | "empreendimentos"
            )
            && !matches!(words[1], "do" | "da" | "de" | "dos" | "das" | "e")
        {
            words.remove(0);
        }
        while words.len() > 1
            && words.last().is_some_and(|w| {
                matches!(*w, "participacoes" | "energia" | "engenharia" | "empreendimentos" | "incorporacoes" | "e")
            })
        {
            words.pop();
        }
        let brand = words.join(" ");
        let plain = brand.len() < 3 || is_common_word(&brand) || is_generic_issuer_word(&brand);
        if words.len() == before || plain {
            continue;
        }
        let seen = brands.entry(brand).or_insert(Some(main));
        if seen.is_some_and(|m| m != main) {
            *seen = None;
        }
    }
    let mut out: Vec<(String, &str)> = brands.into_iter().filter_map(|(w, m)| m.map(|m| (w, m))).collect();
    out.sort();
    out
}

/// Words that open many Brazilian legal names and name no one company.
#[rustfmt::skip]
pub(super) fn is_generic_issuer_word(word: &str) -> bool {
    matches!(word,
        "cia" | "companhia" | "bco" | "banco" | "grupo" | "centrais" | "usinas" | "lojas" | "industrias" | "ind"
            | "empresa" | "empresas" | "brasil" | "brasileira" | "brasileiro" | "concessionaria" | "sao" | "santos"
            | "construtora" | "petroleo" | "metalurgica" | "fras" | "tres" | "rio" | "minas"
            | "mineracao" | "pet" | "ser" | "alianca" | "boa" | "nova" | "novo" | "mundial" | "eletro" | "telecomunicacoes" | "tecnologia" | "saneamento" | "participacoes" | "investimentos" | "hospital"
            | "hoteis" | "comercio" | "fundo" | "sul" | "norte" | "nordeste" | "amazonia" | "paranaense"
            // Legal suffixes of other companies' names (`INC EMPREENDIMENTOS` is no `Coach Inc`).
            | "inc" | "corp" | "ltd" | "plc" | "holding" | "holdings"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_symbols_and_names_stand_for_current_listings() {
        let lexicon = Lexicon::bundled();
        for r in renamed() {
            assert!(lexicon.symbol(r.now).is_some(), "{} becomes {}, which is listed", r.before, r.now);
            if r.symbol {
                assert!(lexicon.symbol(r.before).is_none(), "{} is no longer listed", r.before);
                assert_eq!(lexicon.renamed(r.before), Some(r.now));
            } else {
                assert!(lexicon.name(&phrase_key(r.before)).is_some(), "{} is a name", r.before);
            }
        }
        assert_eq!(lexicon.name("research in motion").and_then(|e| e.symbol.clone()).as_deref(), Some("BB"));
        assert_eq!(lexicon.name("glaxosmithkline").and_then(|e| e.symbol.clone()).as_deref(), Some("GSK"));
        assert_eq!(lexicon.name("petrobras distribuidora").and_then(|e| e.symbol.clone()).as_deref(), Some("VBBR3"));
    }

    #[test]
    fn an_exchange_listing_wins_a_name_over_an_otc_line() {
        let lexicon = Lexicon::from_reference([("RTNTF", "RIO TINTO LTD", true), ("RIO", "RIO TINTO PLC", false)]);
        assert_eq!(lexicon.name("rio tinto").and_then(|e| e.symbol.clone()), Some("RIO".into()));
        assert_eq!(Lexicon::bundled().name("rio tinto").and_then(|e| e.symbol.clone()), Some("RIO".into()));
    }

    #[test]
    fn no_curated_alias_hides_another() {
        let mut seen: FxHashMap<String, (&str, Case)> = FxHashMap::default();
        for (alias, symbol, case) in ALIASES {
            if let Some((other, other_case)) = seen.insert(phrase_key(alias), (*symbol, *case)) {
                assert!(other == *symbol && other_case == *case, "{alias} is written twice, differently");
            }
        }
    }

    #[test]
    fn names_aliases_and_non_companies_are_known() {
        let lexicon =
            Lexicon::new([("NVDA", "NVIDIA CORP"), ("TGT", "TARGET CORP"), ("BAC", "BANK OF AMERICA CORP /DE/")]);
        let symbol = |key: &str| lexicon.name(key).map(|e| e.symbol.clone());
        assert_eq!(symbol("nvidia"), Some(Some("NVDA".into())));
        assert_eq!(symbol("bank of america"), Some(Some("BAC".into())));
        let target = lexicon.name("target").map(|e| (e.symbol.clone(), e.case));
        assert_eq!(target, Some((Some("TGT".into()), Case::Context)), "an everyday word: a curated alias, in context");
        assert_eq!(symbol("google"), Some(Some("GOOGL".into())));
        assert_eq!(symbol("vale a pena"), Some(None));
        assert_eq!(lexicon.longest_from("bank", true), 3);
        assert_eq!(lexicon.longest_from("bank", false), 0, "bank of america is written with capitals");
    }

    #[test]
    fn b3_issuers_are_named_by_a_distinctive_first_word_in_context() {
        let lexicon = Lexicon::new([]).with_b3([
            ("COGN3", "COGNA EDUCAÇÃO S.A.", "COGN3"),
            ("BBAS3", "BCO BRASIL S.A.", "BBAS3"),
            ("ENGI11", "ENERGISA S.A.", "ENGI11"),
            ("ENMT3", "ENERGISA MT S.A.", "ENMT3"),
            ("INNC3", "INC EMPREENDIMENTOS IMOBILIÁRIOS S.A.", "INNC3"),
        ]);
        assert_eq!(lexicon.name("cogna").map(|e| e.case), Some(Case::Context));
        assert!(lexicon.name("bco").is_none(), "a generic word of legal names");
        assert!(lexicon.name("inc").is_none(), "a legal suffix");
        assert_eq!(lexicon.name("energisa").and_then(|e| e.symbol.clone()).as_deref(), Some("ENGI11"), "its own name");
    }

    #[test]
    fn b3_listings_add_symbols_and_names_of_main_listings() {
        let lexicon = Lexicon::new([("PBR", "PETROBRAS - PETROLEO BRASILEIRO SA")]).with_b3([
            ("ELET3", "CENTRAIS ELET BRAS S.A. - ELETROBRAS", "ELET3"),
            ("ELET6", "CENTRAIS ELET BRAS S.A. - ELETROBRAS", "ELET3"),
            ("VALE3", "VALE S.A.", "VALE3"),
        ]);
        assert_eq!(lexicon.symbol("ELET6").map(|e| e.rank), Some(None));
        assert_eq!(lexicon.name("centrais elet bras").and_then(|e| e.symbol.clone()).as_deref(), Some("ELET3"));
        assert_eq!(lexicon.name("vale").and_then(|e| e.symbol.clone()).as_deref(), Some("VALE3"), "the curated alias");
        assert!(lexicon.name("vale s a").is_none());
        let lexicon =
            lexicon.with_b3([("LIGH3", "LIGHT S.A.", "LIGH3"), ("XPML11", "XP MALLS FDO INV IMOB FII", "XPML11")]);
        assert_eq!(lexicon.name("light").map(|e| e.case), Some(Case::Context), "an everyday word: in context only");
        assert!(lexicon.name("xp malls fdo inv imob fii").is_some_and(|e| e.case == Case::Capital));
        let lexicon = lexicon.with_cross_listings([("PBR", "PETR4")]);
        let petrobras = lexicon.name("petrobras petroleo brasileiro").and_then(|e| e.symbol.clone());
        assert_eq!(petrobras.as_deref(), Some("PETR4"), "the SEC's name for PBR is the issuer's");
        assert!(lexicon.symbol("PBR").is_some(), "the symbol still names the ADR");
    }

    #[test]
    fn user_aliases_win_and_suppressions_are_kept() {
        let nvda = Symbol::parse("NVDA").unwrap();
        let lexicon = Lexicon::new([])
            .with_aliases(&[UserAlias { alias: "Team Green".into(), symbol: nvda.clone() }])
            .with_suppressions(&[Suppression { phrase: "Vale".into(), symbol: Symbol::parse("VALE3").unwrap() }]);
        assert_eq!(lexicon.name("team green").map(|e| e.via), Some(Via::UserAlias));
        assert!(lexicon.is_suppressed("VALE", "VALE3"));
        assert!(!lexicon.is_suppressed("Vale", "NVDA"));
    }
}
