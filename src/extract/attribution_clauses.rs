//! The clauses a figure's company may sit in: a relative clause or an apposition (`, que…`,
//! `, which…`) whose company is no subject of the figure after it, and the main clause after an
//! opening one (`Embora…, a Petrobras…`); a company in an aside between dashes; and whether a word
//! sits in an aside at all (an index word named there is no figure's subject).

use std::ops::Range;

use super::mentions::Mention;

/// Whether the mention at `span` sits in a relative clause or an apposition opened after a comma
/// shortly before it (`, que…`, `, which…`, `, uma das…`) and closed by a comma before the figure
/// at `at`. Reads a bounded stretch: a long sentence costs no more than a short one.
pub(super) fn in_relative_clause(text: &str, span: &Range<usize>, at: usize) -> bool {
    if !text[span.end..at].contains(',') {
        return false;
    }
    let from = text.ceil_char_boundary(span.start.saturating_sub(CLAUSE_BYTES));
    let before = &text[from..span.start];
    last_aside_opener(before).is_some_and(|o| !before[o + 2..].contains(['.', ',', ';']))
}

/// Whether the company at `span` is named in an aside between dashes that closes before the
/// figure at byte `at`, within `CLAUSE_BYTES` either side (`The stock — perhaps boosted by optimism
/// from Kohl’s Corp. — rose`).
pub(super) fn between_dashes(text: &str, span: &Range<usize>, at: usize) -> bool {
    // (`acquired by PayPal -- itself owned by eBay Inc (NASDAQ:EBAY) -- for $890 million`: two
    // hyphens typed for a dash.)
    const DASHES: [&str; 3] = [" — ", " – ", " -- "];
    // (Both dashes open on the byte 0xE2, and the typed one on two hyphens: most gaps hold none,
    // found by two scans of a bounded stretch, so a run of figures after one name is read in
    // linear time.)
    let gap = &text[span.end..text.floor_char_boundary(at.min(span.end + CLAUSE_BYTES))];
    if !gap.as_bytes().contains(&0xE2) && !gap.contains("--") {
        return false;
    }
    let closes = DASHES.iter().any(|d| gap.contains(d));
    let from = text.ceil_char_boundary(span.start.saturating_sub(CLAUSE_BYTES));
    let before = &text[from..span.start];
    let opens =
        DASHES.iter().filter_map(|d| before.rfind(d)).max().is_some_and(|o| !before[o..].contains(['.', ';', '\n']));
    closes && opens
}

/// How far before a company its relative clause may open.
const CLAUSE_BYTES: usize = 160;

/// Where the main clause starts after an opening clause (`Embora o lucro de R$ 1,2 bilhão da Vale
/// tenha decepcionado, a Petrobras…`, `While Apple, Microsoft and Alphabet slipped, Nvidia…`): past
/// the first comma and space that does not go on with a list of the companies named.
pub(super) fn main_clause_start(text: &str, opening: Range<usize>, mentions: &[Mention]) -> Option<usize> {
    text[opening.clone()].match_indices(", ").map(|(at, _)| opening.start + at + 2).find(|&after| {
        let listed = mentions.iter().find(|m| m.span.start == after).is_some_and(|m| {
            let rest = &text[m.span.end..];
            [", ", " and ", " e ", " or ", " ou "].iter().any(|joiner| rest.starts_with(joiner))
        });
        !listed
    })
}

/// Whether byte `at` sits in an aside of its sentence, between dashes or commas (`a mineradora
/// Vale – que também tem forte peso no índice Ibovespa –, por sua vez, fechou em alta de 2,45%`),
/// or in a long bracket of words (`Ebitda (lucro antes de juros, depreciação, amortização e
/// impostos)`).
pub(super) fn in_aside(text: &str, at: usize) -> bool {
    // Only so far either side: a huge sentence costs no more than a short one.
    let from = text.ceil_char_boundary(at.saturating_sub(ASIDE_REACH));
    let to = text.floor_char_boundary(at + ASIDE_REACH);
    let before = &text[from..at];
    let start = before.rfind(['.', '\n']).map_or(0, |p| p + 1);
    let clause = &before[start..];
    let rest = text[at..to].split(['.', '\n']).next().unwrap_or_default();
    let dashes = clause.matches(" – ").count() + clause.matches(" — ").count();
    // (A dash, not the hyphen inside a word: `preço-alvo`.)
    let dash = rest.char_indices().any(|(i, c)| {
        matches!(c, '–' | '—' | '-')
            && !(rest[..i].ends_with(char::is_alphabetic) && rest[i + c.len_utf8()..].starts_with(char::is_alphabetic))
    });
    if dashes % 2 == 1 && dash {
        return true;
    }
    // `As ações da Suzano (SUZB3), que iniciaram a jornada puxadas pela valorização do dólar,
    // agora operam em queda de 2,61%`: a relative clause between commas.
    // `os papéis da estatal, uma das empresas de maior peso do Ibovespa, subiram 4%`: an
    // apposition between commas.
    let opened = last_aside_opener(clause).is_some_and(|o| !clause[o + 2..].contains(','));
    opened && rest.contains(',') || in_long_brackets(clause, rest)
}

/// Whether the word between `clause` (before it) and `rest` (from it) is inside brackets that
/// explain something at length (`Ebitda (lucro antes de juros, depreciação, amortização e
/// impostos)`); not a short bracket naming what moved (`o mercado (Ibovespa) caiu 2%`).
fn in_long_brackets(clause: &str, rest: &str) -> bool {
    let Some(open) = clause.rfind('(').filter(|&o| !clause[o..].contains(')')) else { return false };
    let Some(close) = rest.find(')') else { return false };
    let inside = (&clause[open + 1..], &rest[..close]);
    // (Not a bracket stating a move: `A Vale subiu 2% (enquanto o Ibovespa caiu 1%)`.)
    let figure = inside.0.contains(|c: char| c.is_ascii_digit()) || inside.1.contains(|c: char| c.is_ascii_digit());
    !figure && inside.0.split_whitespace().count() + inside.1.split_whitespace().count() >= LONG_BRACKET_WORDS
}

/// Where the last relative clause or apposition of `text` opens (each opener starts with `, `:
/// only the commas are searched for, from the end).
fn last_aside_opener(text: &str) -> Option<usize> {
    text.rmatch_indices(", ").map(|(k, _)| k).find(|&k| ASIDE_OPENERS.iter().any(|o| text[k..].starts_with(o)))
}

/// How many words a bracket must hold for what it names to be an aside.
const LONG_BRACKET_WORDS: usize = 5;

/// What opens a relative clause or an apposition between commas (`, que `, `, which `, `, uma das `,
/// `, the biggest decliner in the benchmark chip index,`).
const ASIDE_OPENERS: &[&str] = &[
    ", que ",
    ", which ",
    ", who ",
    ", whose ",
    ", cujo ",
    ", cuja ",
    ", cujos ",
    ", cujas ",
    ", uma das ",
    ", um dos ",
    ", one of ",
    ", the biggest ",
    ", the largest ",
    ", the worst ",
    ", the best ",
    ", the top ",
    ", a maior ",
    ", o maior ",
    ", a pior ",
    ", o pior ",
    ", papel ",
    ", o papel ",
    ", a ação ",
    ", ação ",
    ", a empresa ",
    ", a companhia ",
    ", the stock ",
    ", a stock ",
    ", a member of ",
    ", a component of ",
    // (`Pilgrim's Pride, controlada pela brasileira JBS, obteve lucro…`: the owner named aside.)
    ", controlada pela ",
    ", controlada pelo ",
    ", controlled by ",
    ", owned by ",
    ", a unit of ",
    ", a subsidiary of ",
    ", subsidiária da ",
    ", subsidiária do ",
];

/// How many bytes either side of an index word its aside is looked for.
const ASIDE_REACH: usize = 400;
