//! Companies the press still names that are no longer listed (taken over, merged away, failed or
//! taken private): their figures are nobody's, as for any company the lexicon does not know, but
//! their names are too familiar for the text to show them as companies (`A TAM é uma
//! oportunidade ainda melhor`, `Twitter revealed…`). Curated by hand from the companies' own
//! announcements (facts, not copyrightable); renamed companies are in `assets/renamed.tsv`
//! instead, since they keep a listing.

use std::sync::OnceLock;

use super::fx_hash::FxHashSet;
use super::tokens::Token;

/// Each name as its folded words; the first word must be capitalised in the text.
#[rustfmt::skip]
const NAMES: &[&[&str]] = &[
    // Brazil.
    &["varig"], &["souza", "cruz"], &["redecard"], &["cielo"], &["gvt"],
    &["brasil", "telecom"], &["submarino"], &["eletropaulo"], &["votorantim", "celulose"], &["vcp"], &["ogx"],
    &["mmx"], &["fibria"], &["tam", "linhas"], &["suzano", "petroquimica"], &["aracruz"],
    // United States and elsewhere.
    &["twitter"], &["sears"], &["celgene"], &["allergan"], &["monsanto"], &["time", "warner"], &["linkedin"],
    &["whole", "foods"], &["anadarko"], &["red", "hat"], &["xilinx"], &["altera"], &["activision"], &["vmware"],
    &["splunk"], &["us", "airways"], &["continental", "airlines"], &["northwest", "airlines"], &["airtran"],
    &["virgin", "america"], &["shanda"], &["sprint", "nextel"], &["juniper", "networks"], &["ansys"],
    &["discover", "financial"], &["marathon", "oil"], &["pioneer", "natural"], &["yahoo"], &["catalent"],
    &["janus", "capital"], &["wachovia"], &["countrywide"], &["washington", "mutual"], &["td", "ameritrade"], &["xm", "satellite"],
    &["alltel"], &["sun", "microsystems"], &["genentech"], &["wyeth"], &["schering", "plough"], &["genzyme"],
    &["burlington", "northern"], &["circuit", "city"], &["radioshack"], &["j", "c", "penney"],
    &["jcpenney"], &["dendreon"], &["abiomed"], &["seagen"], &["alexion"], &["citrix"],
    &["fitbit"], &["cerner"], &["zendesk"], &["intercept", "pharmaceuticals"], &["cymabay"], &["emc"],
    &["sprint"], &["nextel"], &["clearwire"], &["qwest"], &["bellsouth"], &["leap", "wireless"], &["directv"],
    &["aol"], &["myspace"], &["netscape"], &["orbitz"], &["motorola", "mobility"], &["spansion"], &["freescale"],
    &["linear", "technology"], &["maxim", "integrated"], &["cypress", "semiconductor"], &["mellanox"],
    &["ca", "technologies"], &["compuware"], &["bmc", "software"], &["tibco"], &["zynga"],
    &["lucent"], &["nortel"], &["compaq"], &["knight", "ridder"], &["silicon", "valley", "bank"],
    &["svb", "financial"], &["signature", "bank"], &["first", "republic"], &["national", "city"],
    &["goldcorp"], &["yamana"], &["placer", "dome"], &["phelps", "dodge"], &["falconbridge"], &["alcan"],
    &["massey", "energy"], &["burlington", "resources"], &["xto", "energy"], &["noble", "energy"],
    &["concho", "resources"], &["parsley", "energy"], &["wpx", "energy"], &["cimarex"], &["southwestern", "energy"],
    &["smith", "international"], &["bj", "services"], &["diamond", "offshore"], &["syngenta"],
    &["rockwell", "collins"], &["goodrich"], &["cooper", "industries"], &["kansas", "city", "southern"],
    &["chrysler"], &["navistar"], &["toys", "r", "us"], &["kmart"], &["pier", "1"], &["sports", "authority"],
    &["payless"], &["gymboree"], &["wet", "seal"], &["aeropostale"], &["ann", "taylor"], &["talbots"],
    &["tiffany"], &["saks"], &["neiman", "marcus"], &["family", "dollar"], &["safeway"], &["supervalu"],
    &["winn", "dixie"], &["rite", "aid"], &["medco"], &["express", "scripts"], &["aetna"], &["wellcare"],
    &["hospira"], &["forest", "laboratories"], &["actavis"], &["medimmune"], &["millennium", "pharmaceuticals"],
    &["pharmasset"], &["human", "genome", "sciences"], &["life", "technologies"], &["covidien"],
    &["st", "jude", "medical"], &["br", "malls"], &["notre", "dame", "intermedica"], &["general", "growth"],
    &["pepco", "holdings"], &["jcp"], &["u", "s", "steel"], &["united", "states", "steel"], &["ruby", "tuesday"],
    &["nordstrom"],
];

/// Whether a defunct company's name starts at word `k` of `words` (a sentence's words).
pub(super) fn defunct_at(words: &[Token], k: usize) -> bool {
    let first = &words[k];
    if !(first.capitalized || first.upper) {
        return false;
    }
    // `a TAM`, `da TAM`, `TAM e Gol`: the airline, not a total addressable market.
    if first.text == "TAM" {
        let article = k > 0 && matches!(&*words[k - 1].key, "da" | "na" | "pela" | "sobre");
        // (`a TAM é`, `A TAM mantém`, not `a TAM of $1 trillion`: no English word after it.)
        let english = |w: &Token| {
            matches!(
                &*w.key,
                "of" | "for"
                    | "in"
                    | "is"
                    | "was"
                    | "that"
                    | "which"
                    | "and"
                    | "to"
                    | "at"
                    | "worth"
                    | "estimate"
                    | "opportunity"
                    | "expansion"
                    | "by"
                    | "with"
                    | "could"
                    | "would"
                    | "will"
                    | "has"
                    | "as"
            )
        };
        let article = article || (k > 0 && words[k - 1].key == "a" && words.get(k + 1).is_some_and(|w| !english(w)));
        let with_gol = words.get(k + 2).is_some_and(|w| w.key == "gol");
        return article || with_gol;
    }
    // The names by their first word, built once: one lookup per capitalised word.
    static FIRST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    if !FIRST.get_or_init(|| NAMES.iter().map(|name| name[0]).collect()).contains(&*first.key) {
        return false;
    }
    // (`JCP de R$ 850 milhões`, `o JCP`: juros sobre capital próprio, not J.C. Penney.)
    if first.key == "jcp"
        && (words.get(k + 1).is_some_and(|w| matches!(&*w.key, "de" | "e" | "por" | "relativo" | "relativos"))
            || k > 0 && matches!(&*words[k - 1].key, "o" | "os" | "do" | "dos" | "em" | "comunicou" | "anunciou"))
    {
        return false;
    }
    // (`Yahoo Finance`, `Yahoo News`: the sites, not the company.)
    if first.key == "yahoo" && words.get(k + 1).is_some_and(|w| matches!(&*w.key, "finance" | "news")) {
        return false;
    }
    NAMES.iter().any(|name| {
        name.iter().enumerate().all(|(j, key)| {
            words.get(k + j).is_some_and(|w| w.key == *key && (j == 0 || w.joins_previous || w.capitalized))
        })
    })
}
