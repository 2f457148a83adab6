//! The first word of a large listed company's longer name as a name of its own: `Skyworks` for
//! `SKYWORKS SOLUTIONS, INC.`, `Verizon` for `VERIZON COMMUNICATIONS INC`, as the press writes
//! them after the first mention (or from the start). Read in company context only (`Verizon's
//! stock`, `Skyworks is up 4.2%`, `Cognizant (CTSH)`), and only for a word that no other listed
//! company's name starts with (`American`, `General`), that is no everyday word, place, nationality or
//! given name (`Southern`, `Korea`, `British`, `Ralph`), and that names one of the largest companies.

use super::fx_hash::FxHashMap;
use super::index_cues::is_index_word;
use super::lexicon::is_generic_issuer_word;
use super::unlisted::is_nationality;
use super::words::{is_acronym, is_common_word};

/// Only companies above this rank in the reference list (largest first) are named so.
const FIRST_WORD_RANKS: usize = 1500;

/// The names to add (folded first word, symbol), in order, from each first word of the reference
/// list's names with the rank, symbol and legal name of its one company (`None` when several share
/// it).
pub(super) fn first_word_names<'a>(
    firsts: FxHashMap<String, Option<(usize, &'a str, &str)>>,
) -> Vec<(String, &'a str)> {
    let mut names: Vec<(String, &str)> = firsts
        .into_iter()
        .filter_map(|(word, seen)| seen.filter(|(rank, ..)| *rank < FIRST_WORD_RANKS).map(|(_, s, _)| (word, s)))
        .filter(|(word, _)| {
            word.len() >= 4
                && word.bytes().all(|b| b.is_ascii_alphabetic())
                && !is_common_word(word)
                && !is_everyday(word)
                && !is_nationality(word)
                && !is_generic_issuer_word(word)
                && !is_index_word(word)
                && !is_acronym(&word.to_ascii_uppercase())
        })
        .collect();
    names.sort_unstable();
    names
}

/// Everyday words, places, given names and common surnames that open the names of large
/// companies (folded): read alone, they are far more often something else.
#[rustfmt::skip]
fn is_everyday(word: &str) -> bool {
    matches!(word,
        "alaska" | "allison" | "analog" | "armstrong" | "arthur" | "assured" | "automatic" | "avery" | "badger"
            | "ball" | "banner" | "bath" | "block" | "bloom" | "boyd" | "builders" | "burlington" | "campbell"
            | "cardinal" | "charles" | "charter" | "church" | "cleveland" | "compass" | "construction" | "cooper"
            | "cousins" | "crane" | "dana" | "darling" | "deluxe" | "dick" | "dole" | "dominion" | "dover" | "dutch"
            | "edwards" | "elastic" | "electronic" | "encompass" | "equinox" | "erie" | "essential" | "figs" | "flex"
            | "floor" | "fortune" | "fox" | "franco" | "gaming" | "genuine" | "graphic" | "guess" | "henry" | "hinge"
            | "horton" | "icon" | "illinois" | "installed" | "inter" | "interface" | "invitation" | "jacobs"
            | "kirby" | "knife" | "korea" | "lamar" | "lamb" | "latam" | "lear" | "leonardo" | "levi" | "louisiana"
            | "macro" | "marsh" | "matador" | "mexican" | "monolithic" | "monster" | "mosaic" | "news" | "nice"
            | "noble" | "norfolk" | "norwegian" | "nova" | "onto" | "opera" | "packaging" | "palo" | "parker"
            | "permian" | "perusahaan" | "philip" | "pilgrims" | "piper" | "pool" | "popular" | "portland"
            | "premier" | "progressive" | "ralph" | "realty" | "regal" | "rocket" | "rogers" | "root" | "ross"
            | "ryan" | "ryder" | "schneider" | "sea" | "sealed" | "shake" | "simpson" | "snap" | "southern" | "spire"
            | "stag" | "stanley" | "stride" | "toast" | "toll" | "toro" | "tractor" | "triple" | "universal" | "vail"
            | "vertex" | "walt" | "watts" | "williams" | "allegro" | "caris" | "hess" | "verona" | "tempus" | "sirius"
            // Names another, better-known company goes by in the notes read here.
            | "enel" | "westinghouse" | "quanta" | "freeport" | "eldorado" | "motorola"
            // Words, places and names.
            | "terreno" | "flutter" | "atmos" | "alexandria" | "devon" | "kimberly" | "molina" | "reynolds"
            | "prosperity" | "sprouts" | "avidity" | "meritage" | "kinsale" | "wheaton" | "asbury"
            | "buenaventura" | "zimmer" | "penske" | "ingram" | "cirrus" | "axon"
    )
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};

    fn symbols(text: &str) -> Vec<String> {
        analyse(text, &Lexicon::bundled()).tickers.into_iter().map(|t| t.symbol.to_string()).collect()
    }

    #[test]
    fn a_large_company_s_first_word_names_it_in_company_context() {
        assert_eq!(symbols("Verizon's stock declined 5%."), ["VZ"]);
        assert_eq!(symbols("Skyworks fell 4.2% on Monday."), ["SWKS"]);
        assert_eq!(symbols("Cognizant shares rose 2%."), ["CTSH"]);
        assert!(symbols("He met Verizon in a dream and laughed.").is_empty(), "no company context");
        assert!(symbols("South Korea's exports fell 2%.").is_empty(), "a place");
        assert!(symbols("Ralph's shares rose 2%.").is_empty(), "a given name");
        assert!(symbols("American shares rose 2%.").is_empty(), "many companies start so");
    }
}
