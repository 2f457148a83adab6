//! The words around a number that say what it measures: currency markers (`US$`, `R$`, `€`,
//! `dólares`), scale words (`M`, `bn`, `million`, `bilhões`, `bi`, `mil`), hedges (`nearly`,
//! `quase`) and the nouns that make a count a quantity (`GPUs`, `parâmetros`, `MW`).

/// Currency markers written before an amount, longest first, with their ISO codes.
const PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("U$", "USD"),
    ("R$", "BRL"),
    ("NT$", "TWD"),
    ("HK$", "HKD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("S$", "SGD"),
    // The Australian press writes the code after the sign: `$US25.72`, `$A1.2 billion`.
    ("$US", "USD"),
    ("$A", "AUD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
];

/// ISO codes accepted before or after an amount (`USD 5 billion`, `5 bilhões USD`).
const CODES: &[&str] =
    &["USD", "BRL", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "HKD", "TWD", "INR", "MXN", "KRW", "SGD"];

/// The currency written just before byte `at`, with the byte where its marker starts.
pub(crate) fn currency_before(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let before = &text[..at];
    let trimmed = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    if before.len() - trimmed.len() > 2 {
        return None;
    }
    let glued = |rest: &str| rest.chars().next_back().is_some_and(|c| c.is_alphanumeric());
    // Longest markers first, so `US$` and `R$` win over `$`; a marker glued to a word is none.
    for (marker, code) in PREFIXES {
        if let Some(rest) = trimmed.strip_suffix(marker) {
            return (!glued(rest)).then_some((code, rest.len()));
        }
    }
    let code_start = trimmed.len().checked_sub(3)?;
    let code = CODES.iter().find(|c| trimmed.get(code_start..) == Some(**c))?;
    (!glued(&trimmed[..code_start])).then_some((code, code_start))
}

/// A currency written after an amount (` dólares`, ` de reais`, ` USD`, `€`): its code and the
/// byte just past it.
pub(crate) fn currency_after(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = &text[at..];
    if rest.starts_with('€') {
        return Some(("EUR", at + '€'.len_utf8()));
    }
    let (skipped, mut words) = skip_spaces(rest);
    if skipped == 0 {
        return None;
    }
    let mut words_at = at + skipped;
    if starts_with_word(words, "de") {
        let (more, after) = skip_spaces(&words[2..]);
        if more > 0 {
            words_at += 2 + more;
            words = after;
        }
    }
    for (word, code) in [
        ("us dollars", "USD"),
        ("dollars", "USD"),
        ("dollar", "USD"),
        ("dólares", "USD"),
        ("dolares", "USD"),
        ("dólar", "USD"),
        ("reais", "BRL"),
        ("euros", "EUR"),
        ("euro", "EUR"),
        ("pounds", "GBP"),
        ("libras", "GBP"),
        ("yuan", "CNY"),
        ("yen", "JPY"),
        ("won", "KRW"),
        ("ienes", "JPY"),
    ] {
        if starts_with_word(words, word) {
            return Some((code, words_at + word.len()));
        }
    }
    let code = CODES.iter().find(|c| words.starts_with(**c) && word_ends(words, 3))?;
    Some((code, at + skipped + 3))
}

/// A scale word right after a numeral (byte `at`): its factor and the byte just past it.
/// Letters glued to the digits (`6M`, `3bn`) or one space apart (`5.6 million`, `500 bilhões`).
pub(crate) fn scale_after(text: &str, at: usize) -> Option<(f64, usize)> {
    let rest = &text[at..];
    let glued: &[(&str, f64)] = &[
        ("tn", 1e12),
        ("bn", 1e9),
        ("mn", 1e6),
        ("mm", 1e6),
        ("bi", 1e9),
        ("mi", 1e6),
        ("T", 1e12),
        ("B", 1e9),
        ("M", 1e6),
        ("m", 1e6),
        ("b", 1e9),
        ("K", 1e3),
        ("k", 1e3),
    ];
    for (word, factor) in glued {
        if rest.starts_with(word) && word_ends(rest, word.len()) {
            return Some((*factor, at + word.len()));
        }
    }
    let (skipped, words) = skip_spaces(rest);
    if skipped == 0 || skipped > 2 {
        return None;
    }
    let spaced: &[(&str, f64)] = &[
        ("trillions", 1e12),
        ("trillion", 1e12),
        ("trilhões", 1e12),
        ("trilhoes", 1e12),
        ("trilhão", 1e12),
        ("trilhao", 1e12),
        ("billions", 1e9),
        ("billion", 1e9),
        ("bilhões", 1e9),
        ("bilhoes", 1e9),
        ("bilhão", 1e9),
        ("bilhao", 1e9),
        ("millions", 1e6),
        ("million", 1e6),
        ("milhões", 1e6),
        ("milhoes", 1e6),
        ("milhão", 1e6),
        ("milhao", 1e6),
        ("thousand", 1e3),
        ("mil", 1e3),
        ("tri", 1e12),
        ("bln", 1e9),
        ("bn", 1e9),
        ("bi", 1e9),
        ("mln", 1e6),
        ("mn", 1e6),
        ("mi", 1e6),
        ("tn", 1e12),
    ];
    for (word, factor) in spaced {
        if starts_with_word(words, word) {
            return Some((*factor, at + skipped + word.len()));
        }
    }
    None
}

/// Whether a hedge (`nearly`, `about`, `~`, `quase`, `cerca de`) comes just before byte `at`.
pub(crate) fn hedged_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    if before.ends_with('~') || before.ends_with('≈') {
        return true;
    }
    let from = before.char_indices().rev().nth(17).map_or(0, |(i, _)| i);
    let tail = before[from..].to_lowercase();
    [
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "approximately",
        "approx.",
        "some",
        "close to",
        "quase",
        "cerca de",
        "aproximadamente",
        "perto de",
        "em torno de",
        "por volta de",
        "uns",
        "umas",
    ]
    .iter()
    .any(|hedge| {
        tail.strip_suffix(hedge).is_some_and(|rest| rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// Nouns that make a number a quantity, folded (`parâmetros` → `parametros`).
#[rustfmt::skip]
pub(crate) fn is_unit_noun(key: &str) -> bool {
    matches!(key,
        "gpu" | "gpus" | "chip" | "chips" | "accelerator" | "accelerators" | "acelerador" | "aceleradores"
            | "server" | "servers" | "servidor" | "servidores" | "parameter" | "parameters" | "parametro"
            | "parametros" | "token" | "tokens" | "user" | "users" | "usuario" | "usuarios" | "customer"
            | "customers" | "cliente" | "clientes" | "subscriber" | "subscribers" | "assinante" | "assinantes"
            | "employee" | "employees" | "funcionario" | "funcionarios" | "empregado" | "empregados" | "worker"
            | "workers" | "trabalhadores" | "engineer" | "engineers" | "engenheiro" | "engenheiros" | "shares"
            | "acoes" | "unit" | "units" | "unidade" | "unidades" | "vehicle" | "vehicles" | "veiculo" | "veiculos"
            | "car" | "cars" | "carro" | "carros" | "truck" | "trucks" | "caminhoes" | "store" | "stores" | "loja"
            | "lojas" | "branches" | "agencias" | "wafer" | "wafers" | "device" | "devices" | "dispositivo"
            | "dispositivos" | "smartphones" | "phones" | "celulares" | "iphones" | "barrel" | "barrels" | "barril"
            | "barris" | "bpd" | "boe" | "ton" | "tons" | "tonnes" | "tonelada" | "toneladas" | "mw" | "gw" | "gwh"
            | "twh" | "kwh" | "mwh" | "nm" | "gb" | "tb" | "pb" | "flops" | "tflops" | "pflops" | "petaflops"
            | "exaflops" | "node" | "nodes" | "core" | "cores" | "nucleos" | "downloads" | "orders" | "pedidos"
            | "contracts" | "contratos" | "deliveries" | "entregas" | "passengers" | "passageiros" | "aircraft"
            | "aeronaves" | "planes" | "avioes" | "jobs" | "empregos" | "people" | "pessoas" | "licenses"
            | "licencas" | "seats" | "racks" | "datacenters" | "transistors" | "transistores" | "patents"
            | "patentes" | "models" | "modelos" | "queries" | "consultas" | "requests" | "visits" | "visitas"
            | "homes" | "casas" | "imoveis" | "households" | "domicilios" | "hectares" | "acres" | "wells" | "pocos"
            | "rigs" | "sondas" | "mines" | "minas" | "plants" | "fabricas" | "factories" | "fabs" | "ships"
            | "navios" | "satellites" | "satelites" | "robots" | "robos" | "gigawatt" | "gigawatts" | "megawatt"
            | "megawatts" | "jatos" | "jets" | "hectolitros" | "hectoliters" | "litros" | "liters" | "litres"
            | "pontos" | "points" | "tku" | "mwp" | "gwp" | "members" | "membros" | "warehouses" | "armazens"
            | "accounts" | "contas" | "acessos" | "lines" | "linhas" | "restaurants" | "restaurantes" | "hotels"
            | "hoteis" | "rooms" | "quartos" | "beds" | "leitos" | "hospitals" | "hospitais" | "outlets"
            | "patients" | "pacientes" | "students" | "alunos" | "doses" | "vaccines" | "vacinas" | "flights"
            | "voos" | "containers" | "teus" | "ounces" | "oz" | "oncas" | "km" | "kilometers" | "quilometros"
            | "subscriptions" | "assinaturas" | "titles" | "games" | "jogos" | "listings" | "anuncios" | "sellers"
            | "vendedores" | "buyers" | "compradores" | "drivers" | "motoristas" | "trips" | "viagens" | "rides"
            | "corridas"
    )
}

/// Small words that never describe a unit (`of`, `the`, `de`, `mais`), so a count before them is
/// no quantity.
#[rustfmt::skip]
pub(crate) fn is_function_word(key: &str) -> bool {
    matches!(key,
        "of" | "the" | "a" | "an" | "in" | "on" | "at" | "to" | "for" | "from" | "by" | "with" | "and" | "or"
            | "than" | "more" | "less" | "its" | "their" | "our" | "this" | "that" | "per" | "each" | "de" | "da"
            | "do" | "das" | "dos" | "em" | "no" | "na" | "nos" | "nas" | "para" | "por" | "com" | "e" | "ou"
            | "mais" | "menos" | "que" | "seus" | "suas" | "cada" | "ao" | "aos" | "os" | "as" | "um" | "uma"
            | "was" | "were" | "is" | "are" | "be" | "has" | "have" | "had" | "will" | "foi" | "sao" | "ser" | "tem"
    )
}

/// Words that may follow a unit noun as part of it (`GPU hours`, `data centers`).
pub(crate) fn is_unit_tail(key: &str) -> bool {
    matches!(key, "hours" | "hour" | "horas" | "centers" | "centres" | "cards" | "instances" | "equivalents")
}

fn skip_spaces(rest: &str) -> (usize, &str) {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    (rest.len() - trimmed.len(), trimmed)
}

/// Whether `text` starts with the whole word `word` (given in lower case), in any case.
fn starts_with_word(text: &str, word: &str) -> bool {
    // An ASCII word matches byte for byte, whatever the case (a longer character, such as the
    // Kelvin sign for `k`, never had the word's length in bytes).
    if word.is_ascii() {
        return text.as_bytes().get(..word.len()).is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
            && word_ends(text, word.len());
    }
    // A different first letter (in ASCII) rules the word out at once.
    if let (Some(&t), Some(&w)) = (text.as_bytes().first(), word.as_bytes().first())
        && w.is_ascii()
        && t.is_ascii()
        && !t.eq_ignore_ascii_case(&w)
    {
        return false;
    }
    let mut rest = text.chars();
    for w in word.chars() {
        match rest.next() {
            Some(c) if c == w || c.to_lowercase().eq(std::iter::once(w)) => {}
            _ => return false,
        }
    }
    text.len() - rest.as_str().len() == word.len() && word_ends(text, word.len())
}

/// Whether the word that ends at byte `len` of `text` is whole (no letter or digit follows).
fn word_ends(text: &str, len: usize) -> bool {
    text.get(len..).is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_markers_before_amounts() {
        for (text, at, expected) in [
            ("US$ 6", 4, Some(("USD", 0))),
            ("cost $6", 6, Some(("USD", 5))),
            ("R$1,2", 2, Some(("BRL", 0))),
            ("€3bn", 3, Some(("EUR", 0))),
            ("USD 5", 4, Some(("USD", 0))),
            ("X$5", 2, None),
            ("to $US25.72", 6, Some(("USD", 3))),
            ("$A1.2", 2, Some(("AUD", 0))),
            ("in 2025", 3, None),
            ("ABCUSD 5", 7, None),
        ] {
            assert_eq!(currency_before(text, at), expected, "{text}");
        }
    }

    #[test]
    fn currency_words_after_amounts() {
        for (text, at, expected) in [
            ("600 bilhões de dólares.", 12, Some(("USD", 24))),
            ("5 million dollars", 9, Some(("USD", 17))),
            ("3€", 1, Some(("EUR", 4))),
            ("10 reais", 2, Some(("BRL", 8))),
            ("10 realistic", 2, None),
        ] {
            assert_eq!(currency_after(text, at), expected, "{text}");
        }
    }

    #[test]
    fn scale_words_glued_or_spaced() {
        for (text, expected) in [
            ("6M", Some((1e6, 2))),
            ("3bn", Some((1e9, 3))),
            ("5 million", Some((1e6, 9))),
            ("500 bilhões", Some((1e9, 12))),
            ("1,2 bi", Some((1e9, 6))),
            ("500 mil", Some((1e3, 7))),
            ("6 months", None),
            ("6Mb", None),
            ("2 bits", None),
        ] {
            let digits = text.find(|c: char| !c.is_ascii_digit() && c != ',').unwrap_or(text.len());
            assert_eq!(scale_after(text, digits), expected, "{text}");
        }
    }

    #[test]
    fn hedges_are_seen() {
        assert!(hedged_before("nearly $600B", 7));
        assert!(hedged_before("quase US$ 500", 6));
        assert!(!hedged_before("clearly $600B", 8));
    }
}
