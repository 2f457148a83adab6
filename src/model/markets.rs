//! Markets beyond the US: the B3 (Brazil) reference list bundled with Jevons (`assets/b3.tsv`,
//! built by `scripts/b3_reference.py`), the US listings of B3 issuers (`assets/cross_listings.tsv`),
//! B3 share classes (`PETR3` ON, `PETR4` PN, `KLBN11` unit) and B3 option codes (`PETRK330`),
//! which are not stocks.
//!
//! A B3 symbol is a four-character root (`PETR`) and a class number; no US symbol has that shape,
//! so `PETR4.SA` and `PETR4` are one symbol (see [`crate::model::Symbol`]).

use serde::{Deserialize, Serialize};

/// Symbol, company name and the issuer's main listing per line; each issuer's main listing first.
const B3: &str = include_str!("../../assets/b3.tsv");
/// US symbol and the main B3 listing of its issuer per line.
const CROSS_LISTINGS: &str = include_str!("../../assets/cross_listings.tsv");
/// Former symbols and names of listed companies, with their current listing.
const RENAMED: &str = include_str!("../../assets/renamed.tsv");

/// One listing of the B3 reference list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct B3Listing {
    pub symbol: &'static str,
    pub name: &'static str,
    /// The main listing of the same company (`PETR4` for `PETR3`); the symbol itself when it is
    /// the main one.
    pub main: &'static str,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// Every listing of the B3 reference list: well-known companies first, each issuer's main listing
/// before its others.
pub fn b3_listings() -> impl Iterator<Item = B3Listing> {
    data_lines(B3).filter_map(|line| {
        let mut fields = line.split('\t');
        Some(B3Listing { symbol: fields.next()?, name: fields.next()?, main: fields.next()? })
    })
}

/// Listings elsewhere of B3 issuers: (symbol, the issuer's main B3 listing), like (`PBR`, `PETR4`).
pub fn cross_listings() -> impl Iterator<Item = (&'static str, &'static str)> {
    data_lines(CROSS_LISTINGS).filter_map(|line| line.split_once('\t'))
}

/// A former symbol or name of a listed company and its current listing, like (`RIMM`, `BB`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renamed {
    /// Whether `before` is a symbol (`RIMM`) rather than a name (`Research In Motion`).
    pub symbol: bool,
    pub before: &'static str,
    pub now: &'static str,
}

/// Every renaming bundled with Jevons (`assets/renamed.tsv`).
pub fn renamed() -> impl Iterator<Item = Renamed> {
    data_lines(RENAMED).filter_map(|line| {
        let mut fields = line.split('\t');
        let symbol = match fields.next()? {
            "symbol" => true,
            "name" => false,
            _ => return None,
        };
        Some(Renamed { symbol, before: fields.next()?, now: fields.next()? })
    })
}

/// The class of a B3 share, from the number after its root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum B3Class {
    /// 3: ordinary shares (ações ordinárias), with votes.
    On,
    /// 4: preferred shares (ações preferenciais), dividends first, usually no vote.
    Pn,
    /// 5 to 8: preferred shares of classes A to D.
    Pna,
    Pnb,
    Pnc,
    Pnd,
    /// 11: units (a bundle of shares) or fund units.
    Unit,
}

impl B3Class {
    /// The class of a B3 symbol (`PETR4` → PN); `None` for anything else.
    pub fn of(symbol: &str) -> Option<Self> {
        let (_, number) = b3_parts(symbol)?;
        Some(match number {
            3 => Self::On,
            4 => Self::Pn,
            5 => Self::Pna,
            6 => Self::Pnb,
            7 => Self::Pnc,
            8 => Self::Pnd,
            11 => Self::Unit,
            _ => return None,
        })
    }

    /// The abbreviation B3 and Brazilian brokers print: `ON`, `PN`, `PNA`, `UNIT`.
    pub fn label(self) -> &'static str {
        match self {
            Self::On => "ON",
            Self::Pn => "PN",
            Self::Pna => "PNA",
            Self::Pnb => "PNB",
            Self::Pnc => "PNC",
            Self::Pnd => "PND",
            Self::Unit => "UNIT",
        }
    }

    /// What the class is, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::On => "ordinary shares",
            Self::Pn => "preferred shares",
            Self::Pna => "preferred shares, class A",
            Self::Pnb => "preferred shares, class B",
            Self::Pnc => "preferred shares, class C",
            Self::Pnd => "preferred shares, class D",
            Self::Unit => "units",
        }
    }
}

/// `PETR4` → (`PETR`, 4): a root of a letter and three letters or digits, then a share-class
/// number (1 to 99) with no leading zero. Upper-case ASCII only.
fn b3_parts(symbol: &str) -> Option<(&str, u8)> {
    let bytes = symbol.as_bytes();
    if !(5..=6).contains(&bytes.len()) || !bytes[0].is_ascii_uppercase() {
        return None;
    }
    let root = &symbol[..4];
    let number = &symbol[4..];
    let root_ok = root.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let number_ok = !number.starts_with('0') && number.bytes().all(|b| b.is_ascii_digit());
    if !root_ok || !number_ok {
        return None;
    }
    Some((root, number.parse().ok()?))
}

/// Whether an upper-case symbol has the shape of a B3 listing (`PETR4`, `KLBN11`, `B3SA3`).
pub fn is_b3_symbol(symbol: &str) -> bool {
    b3_parts(symbol).is_some()
}

/// Whether `text` is a B3 option code rather than a stock: a four-letter root, a series letter
/// (A-L calls, M-X puts, by month), a strike code of one to four digits and an optional weekly
/// mark (`PETRK330`, `VALEA100`, `BOVAX130W2`). Case-insensitive.
pub fn is_b3_option(text: &str) -> bool {
    let upper = text.trim().trim_start_matches('$').to_ascii_uppercase();
    if !upper.is_ascii() {
        return false;
    }
    let base = match upper.len().checked_sub(2).map(|at| upper.split_at(at)) {
        Some((base, weekly)) if weekly.starts_with('W') && matches!(weekly.as_bytes()[1], b'1'..=b'5') => base,
        _ => upper.as_str(),
    };
    let bytes = base.as_bytes();
    if !(6..=9).contains(&bytes.len()) {
        return false;
    }
    let root = bytes[..4].iter().all(u8::is_ascii_uppercase);
    let series = (b'A'..=b'X').contains(&bytes[4]);
    let strike = bytes[5..].iter().all(u8::is_ascii_digit);
    root && series && strike
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Symbol;

    #[test]
    fn the_b3_list_is_normal_symbols_grouped_under_main_listings() {
        let all: Vec<_> = b3_listings().collect();
        assert!(all.len() > 500, "{}", all.len());
        for listing in &all {
            assert_eq!(Symbol::parse(listing.symbol).map(String::from).as_deref(), Ok(listing.symbol), "{listing:?}");
            assert!(is_b3_symbol(listing.symbol), "{listing:?}");
            assert!(all.iter().any(|l| l.symbol == listing.main && l.main == listing.main), "{listing:?}");
        }
        let petr3 = all.iter().find(|l| l.symbol == "PETR3").expect("PETR3 is listed");
        assert_eq!(petr3.main, "PETR4");
        assert!(petr3.name.contains("PETROBRAS"));
        for (us, main) in cross_listings() {
            assert!(all.iter().any(|l| l.symbol == main && l.main == main), "{us} → {main}");
        }
    }

    #[test]
    fn class_digits_name_the_share_class() {
        for (symbol, class) in [
            ("PETR3", Some(B3Class::On)),
            ("PETR4", Some(B3Class::Pn)),
            ("USIM5", Some(B3Class::Pna)),
            ("CPLE6", Some(B3Class::Pnb)),
            ("KLBN11", Some(B3Class::Unit)),
            ("B3SA3", Some(B3Class::On)),
            ("NVDA", None),
            ("PETR", None),
            ("PETR0", None),
            ("PETR04", None),
            ("PETR34", None),
            ("petr4", None),
            ("3PET4", None),
            ("BRK-B", None),
            ("PETR4.SA", None),
            ("", None),
        ] {
            assert_eq!(B3Class::of(symbol), class, "{symbol}");
        }
        assert_eq!(B3Class::Unit.label(), "UNIT");
        assert_eq!(B3Class::Pn.meaning(), "preferred shares");
    }

    #[test]
    fn option_codes_are_not_stocks() {
        for code in ["PETRK330", "petrk330", "$VALEA100", "BOVAX130W2", "ITUBM35", "PETRX3000"] {
            assert!(is_b3_option(code), "{code}");
        }
        for code in ["PETR4", "KLBN11", "NVDA", "PETRY330", "PETRK", "PETRK33000", "PETRKABC", "", "ÇÇÇÇK33", "W2"]
        {
            assert!(!is_b3_option(code), "{code}");
        }
    }
}
