//! Brokers, banks and research houses whose analysts rate shares, listed or not (`Wedbush`,
//! `Wolfe Research`, `Genial`, `BB Investimentos`), so that a rating or a target they give can be
//! held by them even when no reporting verb names them (`Wolfe Research and Susquehanna both
//! increased their targets`, `a downgrade by Erste Group`).
//!
//! The names are those the firms publish themselves (each firm's own site and research pages) as
//! the financial press writes them; the Brazilian ones are brokers and banks with research teams
//! registered with CVM and APIMEC. Names are facts, listed here for Jevons.

use std::ops::Range;
use std::sync::OnceLock;

use super::clauses::rating_act;
use super::fx_hash::FxHashSet;
use super::holder_names::continues_name;
use super::tokens::Token;
use crate::model::fold;

/// Broker names as folded word sequences (`wolfe research`), one to four words.
const BROKERS: &[&str] = &[
    // United States, Europe and Asia.
    "argus",
    "baird",
    "robert w baird",
    "robert baird",
    "barclays capital",
    "bnp paribas exane",
    "royal bank of canada",
    "rbc",
    "j p morgan securities",
    "jp morgan securities",
    "citi corretora",
    "ubs bb",
    "barclays",
    "bank of america",
    "bank of america merrill lynch",
    "bofa",
    "bernstein",
    "bernstein research",
    "buckingham research",
    "citi research",
    "compass point",
    "cowen",
    "berenberg",
    "daiwa securities",
    "gordon haskett",
    "janney",
    "keefe bruyette & woods",
    "kbw",
    "kepler cheuvreux",
    "keybanc capital markets",
    "merrill lynch",
    "merrill",
    "bofa merrill lynch",
    "mizuho securities",
    "roth mkm",
    "stephens",
    "telsey advisory",
    "william blair",
    "phillip securities",
    "bmo capital markets",
    "bmo capital",
    "bnp paribas",
    "bofa securities",
    "btig",
    "canaccord",
    "canaccord genuity",
    "cantor fitzgerald",
    "cfra",
    "citi",
    "citigroup",
    "clsa",
    "credit suisse",
    "da davidson",
    "d a davidson",
    "daiwa",
    "deutsche bank",
    "erste group",
    "evercore",
    "evercore isi",
    "goldman sachs",
    "goldman",
    "guggenheim",
    "hsbc",
    "j p morgan",
    "jp morgan",
    "jpmorgan",
    "jefferies",
    "keybanc",
    "loop capital",
    "macquarie",
    "melius research",
    "mizuho",
    "moffettnathanson",
    "morgan stanley",
    "morgan stanley dean witter",
    "banc of america securities",
    "citigroup global markets",
    "ubs warburg",
    "w r hambrecht",
    "morningstar",
    "needham",
    "nomura",
    "oppenheimer",
    "piper sandler",
    "piper jaffray",
    "raymond james",
    "rbc capital markets",
    "rbc capital",
    "redburn",
    "rosenblatt",
    "societe generale",
    "stifel",
    "susquehanna",
    "td cowen",
    "truist",
    "ubs",
    "wedbush",
    "national bank financial",
    // (National Bank Financial, as MarketBeat's notes name it.)
    "national bankshares",
    // (TD Bank's former broker.)
    "td newcrest",
    "cibc capital markets",
    "cibc world markets",
    "redburn atlantic",
    "new street",
    "new street research",
    "wells fargo",
    "wolfe research",
    // Brazil.
    "agora investimentos",
    "ativa investimentos",
    "bb investimentos",
    "bradesco bbi",
    // (Bradesco BBI by its short name: `é principal escolha de BBI`.)
    "bbi",
    "btg pactual",
    "btg",
    "eleven financial",
    "empiricus",
    "fator",
    "genial",
    "genial investimentos",
    "guide investimentos",
    "itau bba",
    "modalmais",
    "nord research",
    "orama",
    "safra",
    "santander",
    "terra investimentos",
    "toro investimentos",
    // Brokers of banks since merged away, as older articles name them.
    "unibanco corretora",
    "banco pactual",
    "planner corretora",
    "link investimentos",
    // More Brazilian brokers and research houses, as the press names them (the first word
    // alone only where it is no everyday word; `Ágora` with its accent only, not `agora`).
    "agora",
    "pagbank",
    "gradual investimentos",
    "coinvalores",
    "mirae asset",
    "banif",
    "sudameris",
    "corretora sudameris",
    "banco brascan",
    "itau corretora",
    "bradesco corretora",
    "corretora spinelli",
    "socopa",
    "lerosa",
    "brasil plural",
    "necton",
    "souza barros",
    "clear corretora",
    "rico investimentos",
    "levante investimentos",
    "elite investimentos",
    "nova futura",
    "banco espirito santo",
    "planner",
    "xp",
    "xp investimentos",
    // Rating agencies: a downgrade of a company's shares or debt by one is their view
    // (`os papéis foram rebaixados pela Standard & Poor's`, `was downgraded by Moody's`).
    "standard & poor s",
    "s & p",
    "s & p global",
    "s & p global ratings",
    "moody s",
    "fitch",
    "fitch ratings",
    "fbr",
    "fbr capital markets",
    "citibank",
    "craig hallum",
    "b riley",
    "jmp securities",
    "ladenburg thalmann",
    "maxim group",
    "wainwright",
    "ativa research",
    "banco safra",
    "melius",
    // More research houses, as they sign their notes (United States, Canada, Europe, Asia).
    "rosenblatt securities",
    "h c wainwright",
    "hc wainwright",
    "cleveland research",
    "seaport research partners",
    "seaport global",
    "atlantic equities",
    "valuengine",
    "zacks investment research",
    "zacks",
    "tigress financial partners",
    "tigress financial",
    "edward jones",
    "northland capital markets",
    "northland securities",
    "thomas weisel partners",
    "thomas weisel",
    // The first word alone, as the press writes it after a first naming (`slashed … at
    // Northland`): only where it is no everyday word nor another company's.
    "northland",
    "lehman",
    "sterne",
    "keefe",
    "telsey",
    // (An everyday word too: only before an act or its analyst, see `brokers_in`.)
    "benchmark",
    "wolfe",
    "ladenburg",
    "kepler",
    "buckingham",
    "tigress",
    "ascendiant",
    "mkm",
    "seaport",
    "pareto",
    "oddo",
    "mirae",
    "morgan keegan",
    "sterne agee",
    "pacific crest",
    "pacific crest securities",
    "soleil securities",
    "roth capital",
    "roth capital partners",
    "crt capital",
    "crt capital group",
    "fbr capital",
    "ascendiant capital",
    "ascendiant capital markets",
    "mkm partners",
    "telsey advisory group",
    "exane",
    "exane bnp paribas",
    "lehman brothers",
    "fox pitt kelton",
    "td securities",
    "scotiabank",
    "scotia capital",
    "cibc",
    "desjardins",
    "b riley securities",
    "janney montgomery scott",
    "sanford c bernstein",
    "truist securities",
    "vertical research partners",
    "gabelli",
    "dougherty",
    "imperial capital",
    "chardan",
    "aegis capital",
    "dawson james",
    "bryan garnier",
    "liberum",
    "peel hunt",
    "numis",
    "panmure gordon",
    "investec",
    "haitong",
    "cicc",
    "citic securities",
    "natixis",
    "abn amro",
    "commerzbank",
    "dz bank",
    "mediobanca",
    "equita",
    "oddo bhf",
    "alphavalue",
    "baader",
    "warburg research",
    "pareto securities",
    "abg sundal collier",
    "arctic securities",
    // Research houses of the older US press (some merged since), as their notes were signed.
    "suntrust robinson humphrey",
    "suntrust robinson",
    "suntrust",
    "stifel nicolaus",
    "rochdale securities",
    "isi group",
    "dahlman rose",
    "prudential equity group",
    "friedman billings ramsey",
    "a g edwards",
    "ag edwards",
    "a g edwards & sons",
    "dain rauscher",
    "dain rauscher wessels",
    "ryan beck & co",
    "jp morgan cazenove",
    "jpmorgan cazenove",
    "citigroup smith barney",
    "painewebber",
    "paine webber",
    "northern securities",
    "drexel hamilton",
    "wunderlich securities",
    "pivotal research",
    "pivotal research group",
    "brean capital",
    "brean murray",
    "aperture investors",
    "mlv",
    // Brazil.
    "nord investimentos",
    "perfin",
    "az investimentos",
    "eqi investimentos",
    "ohm research",
    "apex partners",
    "banco plural",
    "suno research",
    "inter invest",
    "warren investimentos",
    // More research houses as the press names them, past and present (United States, Canada,
    // Europe, Asia), each capitalised where it opens a name.
    "stephens inc",
    "sanford bernstein",
    "gabelli & co",
    "longbow research",
    "smbc nikko",
    "haitong securities",
    "kgi securities",
    "samsung securities",
    "kb securities",
    "shore capital",
    "dougherty & co",
    "lake street capital",
    "lake street",
    "benchmark company",
    "benchmark co",
    "chardan capital",
    "sandler o neill",
    "hilliard lyons",
    "new constructs",
    "autonomous research",
    "wells fargo securities",
    "strategas",
    "fundstrat",
    "ned davis research",
    "bca research",
    "lightshed partners",
    "loop capital markets",
    "siebert williams shank",
    "guggenheim securities",
    "alantra",
    "smith barney",
    "salomon smith barney",
    "bear stearns",
    "dresdner kleinwort",
    "cazenove",
    "collins stewart",
    "seymour pierce",
    "ryan beck",
    "soundview",
    "robertson stephens",
    "hambrecht & quist",
    "first albany",
    "legg mason",
    "sidoti",
    "rodman & renshaw",
    "wachovia securities",
    "punk ziegel",
    "ferris baker watts",
    "caris & co",
    "kaufman brothers",
    "kaufman bros",
    "wunderlich",
    "davenport & co",
    "davenport & company",
    "topeka",
    "laidlaw",
    "svb leerink",
    "leerink partners",
    "execution noble",
    "wbb securities",
    "summit insights",
    "summit insights group",
    "patronus partners",
    "cenkos",
    "cenkos securities",
    "killik",
    "mainfirst",
    "jyske bank",
    "dnb markets",
    "carnegie",
    "arden partners",
    "singer capital markets",
    "eight capital",
    "haywood securities",
    "ventum financial",
    "atb capital markets",
    "hargreaves lansdown",
    "wedbush morgan",
    "morgan joseph",
    "thinkequity",
    "jesup & lamont",
    "stanford group",
    "ubs securities",
    "deutsche bank securities",
    "nomura securities",
    "jpmorgan securities",
    "argus research",
    "macquarie capital",
    "hsbc securities",
    "credit suisse first boston",
    "donaldson lufkin & jenrette",
    "dlj",
    "first boston",
    "kidder peabody",
    "shearson lehman",
    "dean witter",
    "prudential securities",
    "gruntal",
    "tucker anthony",
    "advest",
    "josephthal",
    "fahnestock",
    "c e unterberg towbin",
    "unterberg towbin",
    "sg cowen",
    "bb&t capital markets",
    "avondale partners",
    "friedman billings",
    "ub securities",
    // More Brazilian brokers, banks and research houses.
    "orama investimentos",
    "fator corretora",
    "banco fator",
    "votorantim corretora",
    "banco votorantim",
    "elite corretora",
    "sla corretora",
    "austin rating",
    "senso corretora",
    "geral investimentos",
    "btg pactual digital",
    "xp research",
    "rb investimentos",
    "eqi research",
    "monte bravo",
    "safra corretora",
    "santander corretora",
    "agora corretora",
    "corretora agora",
    "empiricus research",
    "levante ideias",
    "inter research",
    "banco do brasil investimentos",
    "caixa asset",
    "tullett prebon",
    "um investimentos",
    "walpires",
];

/// The most words a broker name has (`&` is a word: `Keefe Bruyette & Woods`).
const LONGEST: usize = 5;

/// Whether a one-word name (folded) opens some broker's name (`kepler`, `goldman`).
pub(crate) fn opens_a_broker_name(key: &str) -> bool {
    lookup().0.contains(key)
}

/// The first words (folded) of the brokers a text names in full, in more than one word
/// (`Kepler Cheuvreux`): where the text names one of them by its first word alone (`o analista
/// da Kepler`), that is the broker, not a company of that name (Kepler Weber).
pub(crate) fn brokers_named_in_full(text: &str, words: &[Token]) -> Vec<String> {
    let mut firsts: Vec<String> =
        brokers_in(words).into_iter().filter_map(|b| text[b].split_once(' ').map(|(first, _)| fold(first))).collect();
    firsts.sort_unstable();
    firsts.dedup();
    firsts
}

/// Byte ranges of the broker names among `words` (capitalised, longest first), in order; an
/// initial's full stop goes on with a name (`Robert W. Baird`, `J.P. Morgan Securities`).
pub(crate) fn brokers_in(words: &[Token]) -> Vec<Range<usize>> {
    let (first_words, names) = lookup();
    let mut out = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        // Only a capitalised word that opens some broker's name is looked at further.
        let opens = (words[i].capitalized || words[i].upper)
            && first_words.contains(&*words[i].key)
            && (words[i].key != "agora" || words[i].text.starts_with('Á'))
            // (`Benchmark kept its buy rating`, not `the Benchmark index`, `Benchmark yields rose`.)
            && (words[i].key != "benchmark" || words.get(i + 1).is_some_and(|n| acts_as_a_firm(&n.key)));
        let found = opens
            .then(|| {
                (1..=LONGEST.min(words.len() - i)).rev().find(|&n| {
                    key.clear();
                    for (k, w) in words[i..i + n].iter().enumerate() {
                        if k > 0 {
                            key.push(' ');
                        }
                        key.push_str(&w.key);
                    }
                    // `S&P 500` is the index, not the agency.
                    let index = key.starts_with("s & p") && words.get(i + n).is_some_and(|w| w.is_digits());
                    // (`Keefe, Bruyette & Woods`: a partners' name may hold a comma.)
                    let partners = key.contains(" & ");
                    !index
                        && names.contains(key.as_str())
                        && (i + 1..i + n).all(|k| continues_name(words, k) || (partners && words[k].capitalized))
                })
            })
            .flatten();
        match found {
            Some(n) => {
                out.push(words[i].start..words[i + n - 1].end);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Words after an everyday word that make it a firm acting (`Benchmark kept…`, `Benchmark analyst
/// Mike Hickey`, `Benchmark Company`).
fn acts_as_a_firm(key: &str) -> bool {
    rating_act(key).is_some()
        || matches!(
            key,
            "analyst"
                | "analysts"
                | "company"
                | "co"
                | "reduced"
                | "initiated"
                | "initiates"
                | "says"
                | "said"
                | "sees"
                | "set"
                | "lifted"
                | "trimmed"
                | "rates"
                | "rated"
        )
}

/// The first words of the broker names, and the names, as sets (built once).
fn lookup() -> &'static (FxHashSet<&'static str>, FxHashSet<&'static str>) {
    static SETS: OnceLock<(FxHashSet<&'static str>, FxHashSet<&'static str>)> = OnceLock::new();
    SETS.get_or_init(|| {
        let firsts = BROKERS.iter().filter_map(|name| name.split(' ').next()).collect();
        (firsts, BROKERS.iter().copied().collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn names(text: &str) -> Vec<&str> {
        brokers_in(&tokens(text)).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn broker_names_are_found_capitalised() {
        assert_eq!(names("Wolfe Research and Susquehanna raised targets."), ["Wolfe Research", "Susquehanna"]);
        assert_eq!(names("a downgrade by Erste Group"), ["Erste Group"]);
        assert_eq!(names("O BB Investimentos manteve a compra; a Genial, venda."), ["BB Investimentos", "Genial"]);
        assert!(names("a genial idea from the inter bank").is_empty(), "lower-case words are not brokers");
        let text = "Os papéis foram rebaixados pela Standard & Poor's e pelo Bank of America Merrill Lynch.";
        assert_eq!(names(text), ["Standard & Poor's", "Bank of America Merrill Lynch"]);
        assert_eq!(names("O S&P 500 caiu 1%, e a S&P cortou a nota."), ["S&P"], "the index is no agency");
    }
}
