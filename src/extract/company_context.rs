//! Whether the words around a name make it a company. Some companies go by a name that is also an
//! everyday word (`Vivo` is "alive" in Portuguese, `Nu` "naked", `Weg` a German noun, `Light`,
//! `Mundial`): such a name counts only where the text treats it as a company:
//! - the symbol in brackets or a possessive right after it (`Weg (WEGE3)`, `Nu's results`);
//! - a Portuguese article or contraction right before it, as the press writes company names (`a
//!   Vivo`, `da Weg`, `o Nu`, `pela Weg`) — `vivo` and `nu` as adjectives take none, in lower case;
//! - a word about shares, results or a company's acts within two words either side, in its clause
//!   (`ações da Weg`, `Nu shares`, `Vivo reportou`, `the company Nu`);
//! - a price move right after it (`MRV subia 5,7%; Direcional, 2,7%`), or a legal suffix (`Box
//!   Inc`).
//!
//! Out of such context the name still counts when the text names the same company another way
//! (`Nu delivered record revenue` in a text that has `Nu Holdings (NU)`; see `tickers`). A German
//! `Weg` (`der Weg`, `auf dem Weg`) and a sentence opening with `Vivo em São Paulo` have none of
//! these.
//!
//! Three readings keep words from being a company at all: a dateline's agency or city (`NEW
//! YORK (AP) --`, `TORONTO — Research In Motion rose`), a person's middle name (`Frederico Fleury
//! Curado`), and a short name going on to another company's listing (`Albany
//! Molecular Research Inc. (NASDAQ: AMRI)` is not Albany International).

use std::collections::HashSet;
use std::ops::Range;

use super::Lexicon;
use super::clauses::rating_act;
use super::tokens::Token;
use super::words::{is_company_suffix, is_share_word, past_possessive};
use crate::model::Symbol;

/// How many words either side a company word may be.
const REACH: usize = 2;

/// Whether the name spanning tokens `first..=last` stands in company context.
pub(crate) fn in_company_context(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    if is_surname(text, tokens, first) {
        return false;
    }
    let after = &text[tokens[last].end..];
    if past_possessive(after).is_some() {
        return true;
    }
    // `Weg (WEGE3)`, `Nu (NYSE: NU)`: a symbol in brackets; `Hypera (-3,74%)`: a market wrap's
    // price move in brackets.
    if let Some(inside) = after.trim_start().strip_prefix('(') {
        let symbol = tokens.get(last + 1).is_some_and(|t| t.upper && t.text.len() >= 2);
        let head: String = inside.chars().take(16).collect();
        let moved = head.trim_start_matches(['+', '-', '−', ' ']).starts_with(|c: char| c.is_ascii_digit())
            && head.split(')').next().is_some_and(|b| b.contains('%'));
        if symbol || moved {
            return true;
        }
    }
    // `Tegma — O BTG Pactual manteve…`: a line of a list of notes headed by the company.
    let line_start = text[..tokens[first].start].trim_end_matches([' ', '\t']);
    if (line_start.is_empty() || line_start.ends_with('\n')) && (after.starts_with(" — ") || after.starts_with(" – "))
    {
        return true;
    }
    // `Box Inc`, `Target Corp.`: a legal suffix right after the name.
    let suffix = tokens.get(last + 1).is_some_and(|t| t.joins_previous && t.capitalized && is_company_suffix(&t.key));
    if suffix {
        return true;
    }
    // `o Porto de Santos`, `Delta do Parnaíba`: a place named after it.
    let of = |t: &Token| matches!(&*t.key, "de" | "do" | "da" | "dos" | "das");
    let place = |t: &Token| t.capitalized && t.text.chars().count() >= 3 && t.text.chars().all(char::is_alphabetic);
    let spaced = |k: usize| tokens.get(k).is_some_and(|t| text[tokens[k - 1].end..t.start] == *" ");
    if tokens.get(last + 1).is_some_and(of)
        && tokens.get(last + 2).is_some_and(place)
        && spaced(last + 1)
        && spaced(last + 2)
    {
        return false;
    }
    // `Nova York`, `Target Field`: the word opens a longer name; not a division's (`Verizon
    // Wireless`).
    let division = |t: &Token| matches!(&*t.key, "wireless" | "mobile" | "mobility" | "business");
    if tokens.get(last + 1).is_some_and(|t| t.joins_previous && t.capitalized && !t.upper && !division(t)) {
        return false;
    }
    // `MRV subia 5,7%`: a price move right after the name; `Verizon added 2.1 million`,
    // `Verizon Wireless reported`: a company's act (past its division's name).
    let at = last + 1 + usize::from(tokens.get(last + 1).is_some_and(|t| t.capitalized && division(t)));
    let acts = |key: &str| is_move_verb(key) || matches!(key, "added" | "reported" | "posted" | "announced");
    // (Not `Trump added that tariffs…`: a person's words.)
    let said = tokens.get(at + 1).is_some_and(|t| matches!(&*t.key, "that" | "que"));
    let moves = tokens.get(at).is_some_and(|t| text[tokens[at - 1].end..t.start] == *" " && acts(&t.key)) && !said;
    // `Skyworks is up 4.2%`, `Qualcomm has gained 5.4%`: a move after an auxiliary.
    let auxiliary_move = tokens.get(last + 1..last + 3).is_some_and(|t| {
        text[tokens[last].end..t[0].start] == *" "
            && match &*t[0].key {
                "is" | "was" | "are" | "were" => matches!(&*t[1].key, "up" | "down" | "higher" | "lower"),
                "has" | "had" => is_move_verb(&t[1].key),
                _ => false,
            }
    });
    // `Stone was also upgraded by Citi`, `Stone, which was also upgraded by Citi`: rated in a
    // passive right after the name.
    let rated = {
        let next = tokens.get(last + 1..tokens.len().min(last + 6)).unwrap_or_default();
        let from = usize::from(next.first().is_some_and(|t| t.key == "which" && after.starts_with(", ")));
        let next = next.get(from..).unwrap_or_default();
        // (`has been downgraded`, not `Daiwa has downgraded Apple`: the active voice.)
        let be = match next {
            [has, been, ..] if matches!(&*has.key, "has" | "have") && been.key == "been" => 2,
            [be, ..] if matches!(&*be.key, "was" | "were" | "is" | "foi") => 1,
            _ => 0,
        };
        // (`Vodafone also suffered a downgrade`, `got an upgrade`: a rating received.)
        let received = || {
            let at = next.iter().take(2).position(|t| {
                matches!(&*t.key, "got" | "gets" | "received" | "receives" | "suffered" | "suffers" | "won" | "earned")
            });
            at.is_some_and(|k| {
                next[k + 1..]
                    .iter()
                    .take(3)
                    .any(|t| matches!(&*t.key, "upgrade" | "downgrade" | "upgrades" | "downgrades"))
            })
        };
        (be > 0
            && next[be..].iter().take(2).any(|t| {
                matches!(&*t.key, "upgraded" | "downgraded" | "rebaixada" | "rebaixado" | "elevada" | "elevado")
            }))
            || received()
    };
    if moves || auxiliary_move || rated || move_follows(after) {
        return true;
    }
    // `Hapvida ON`, `CVC PN`: a Brazilian share class after the name.
    if tokens.get(last + 1).is_some_and(|t| matches!(t.text, "ON" | "PN" | "PNA" | "PNB" | "UNT")) {
        return true;
    }
    let prev = first.checked_sub(1).map(|p| &tokens[p]);
    // (`Deutsche Bank, meanwhile, downgraded Verizon`: the object of a rating act.)
    if let Some(p) = prev
        && !breaks(&text[p.end..tokens[first].start])
        && (is_article(&p.key) || rating_act(&p.key).is_some_and(|d| d != 2))
    {
        return true;
    }
    // (`recomendação "overweight" para Cyrela`: a quoted rating's closing quote goes on.)
    let closing_quote = |k: usize| {
        matches!(text[tokens[k].end..tokens[k + 1].start].trim_end(), "\"" | "”" | "’")
            && is_company_word(&tokens[k].key)
    };
    let before = (first.saturating_sub(REACH)..first)
        .rev()
        .take_while(|&k| !breaks(&text[tokens[k].end..tokens[k + 1].start]) || closing_quote(k));
    let after = (last + 1..tokens.len().min(last + 1 + REACH))
        .take_while(|&k| !breaks(&text[tokens[k - 1].end..tokens[k].start]));
    before.chain(after).any(|k| is_company_word(&tokens[k].key))
}

/// `President Donald Trump's tariffs`: a name right after a capitalised word inside a sentence
/// ends a person's name (the company of that name, `Trump Media`, is not meant).
pub(crate) fn is_surname(text: &str, tokens: &[Token], first: usize) -> bool {
    let Some(prev) = first.checked_sub(1).map(|p| &tokens[p]) else { return false };
    let before = &text[..prev.start];
    let opens_sentence = before.ends_with('\n')
        || before.trim_end().is_empty()
        || before.trim_end().ends_with(['.', '!', '?', ':', '"', '“']);
    prev.capitalized
        && !prev.upper
        && text[prev.end..tokens[first].start] == *" "
        && !opens_sentence
        && !is_article(&prev.key)
}

/// `Federal Reserve Chair Jerome Powell`: a word after a title and a given name is a person's
/// surname, not a company going by that word (Powell Industries); so is a given name right after
/// a title and before a surname.
pub(crate) fn a_persons_surname(text: &str, tokens: &[Token], i: usize) -> bool {
    let title = |t: &Token| {
        matches!(
            &*t.key,
            "chair"
                | "chairman"
                | "chairwoman"
                | "president"
                | "governor"
                | "secretary"
                | "senator"
                | "ceo"
                | "cfo"
                | "founder"
                | "economist"
                | "strategist"
                | "minister"
                | "presidente"
                | "ministro"
                | "diretor"
                | "executivo"
                | "fundador"
                | "economista"
                | "estrategista"
                | "analyst"
                | "analysts"
                | "analista"
                | "analistas"
        )
    };
    // (`Os analistas Regis Cardoso e Victor Schmidt`: a given name after the title, its surname
    // after it.)
    let given = i >= 1
        && title(&tokens[i - 1])
        && !tokens[i - 1].capitalized
        && text[tokens[i - 1].end..tokens[i].start] == *" "
        && tokens[i].capitalized
        && !tokens[i].upper
        && tokens.get(i + 1).is_some_and(|n| n.capitalized && !n.upper && text[tokens[i].end..n.start] == *" ");
    given || (i >= 2 && is_surname(text, tokens, i) && title(&tokens[i - 2]))
}

/// `the four weeks ended Nov. 25`, `Dec 2005`, `10 Nov`: a month's abbreviation written in title
/// case before a full stop or a number, or after a day, is a date, not the company of that name
/// (`NOV`).
pub(crate) fn is_month_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.capitalized
        && !t.upper
        && matches!(
            &*t.key,
            "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
        )
        && (text[t.end..].starts_with('.')
            || tokens.get(i + 1).is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
            // `10 Nov - As ações da Eli Lilly…`: after the day.
            || i > 0
                && text[tokens[i - 1].end..t.start] == *" "
                && tokens[i - 1].text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)))
}

/// `o diretor-presidente, Frederico Fleury Curado`: a word between two capitalised words of a
/// sentence is a person's middle name, not the company of that name.
/// (Not in a title-case headline, `Brazil Miner Vale Posts Record Profit`: the full name stands
/// apart from the words around it.)
pub(crate) fn middle_name(text: &str, tokens: &[Token], i: usize) -> bool {
    // (Whether two words follow each other with a single space.)
    let spaced = |a: &Token, b: &Token| text[a.end..b.start] == *" ";
    is_surname(text, tokens, i)
        && tokens.get(i + 1).is_some_and(|next| {
            next.capitalized && !next.upper && spaced(&tokens[i], next) && !is_company_suffix(&next.key)
        })
        && (i < 2 || !(tokens[i - 2].capitalized && spaced(&tokens[i - 2], &tokens[i - 1])))
        && tokens.get(i + 2).is_none_or(|after| !(after.capitalized && spaced(&tokens[i + 1], after)))
}

/// Punctuation that ends a clause between two words.
fn breaks(gap: &str) -> bool {
    gap.contains(['.', ',', ';', ':', '!', '?', '"', '“', '”'])
}

/// Portuguese articles and their contractions, which the press puts before company names.
#[rustfmt::skip]
fn is_article(key: &str) -> bool {
    matches!(key,
        "a" | "o" | "as" | "os" | "ao" | "aos" | "da" | "do" | "das" | "dos" | "na" | "no" | "nas" | "nos" | "pela"
            | "pelo" | "pelas" | "pelos"
    )
}

/// Words of shares, results and a company's acts (folded).
#[rustfmt::skip]
fn is_company_word(key: &str) -> bool {
    matches!(key,
        "stocks" | "adr" | "adrs" | "company"
            | "companhia" | "empresa" | "operadora" | "fabricante" | "varejista" | "fintech" | "bank" | "banco"
            // (`telecoms equipment maker Ericsson`: a kind of company described.)
            | "maker" | "makers" | "manufacturer" | "producer" | "chipmaker" | "automaker" | "carmaker"
            | "drugmaker" | "retailer" | "miner" | "lender" | "insurer" | "airline" | "giant"
            | "lucro" | "receita" | "earnings" | "revenue" | "results" | "resultados" | "reported" | "reports"
            | "reportou" | "registrou" | "divulgou" | "anunciou" | "announced" | "informou" | "ceo" | "ticker"
            // (`Gol teve a maior queda`, `Gol liderou as altas`: a market wrap's line.)
            | "teve" | "liderou" | "registrava"
            // (A rating or a target is a company's: `o preço-alvo de Fleury`, `neutra para Qualicorp`.)
            | "alvo" | "alvos" | "target" | "targets" | "recomendacao" | "neutra" | "neutro" | "rating"
            // (`reiteraram recomendação "overweight" para Cyrela`, `compra para Cyrela`; not English
            // `buy`, `sell`: `Even buy-side analysts…`.)
            | "compra" | "venda" | "outperform" | "underperform" | "overweight" | "underweight"
    ) || is_share_word(key)
}

/// Verbs of a price move (folded): a market wrap's `MRV subia 5,7%`, `Light fell 3%`.
#[rustfmt::skip]
pub(crate) fn is_move_verb(key: &str) -> bool {
    matches!(key,
        "subia" | "subiu" | "sobe" | "sobem" | "caia" | "caiu" | "cai" | "caem" | "recuou" | "recua" | "recuava"
            | "avancou" | "avanca" | "avancava" | "disparou" | "dispara" | "despencou" | "despenca" | "saltou"
            | "tombou" | "cedeu" | "cede" | "rose" | "fell" | "gained" | "dropped" | "jumped" | "slid" | "tumbled"
            | "climbed" | "sank" | "advanced" | "declined" | "soared" | "plunged" | "rises" | "falls" | "drops"
            | "jumps" | "climbs" | "slips" | "slipped" | "surged" | "rallied" | "popped" | "rising" | "falling"
            | "dropping" | "gaining" | "climbing" | "sliding" | "jumping" | "sinking" | "advancing" | "declining"
            | "soaring" | "plunging" | "tumbling" | "slipping" | "surging" | "subindo" | "caindo" | "recuando"
            | "avancando" | "disparando" | "despencando" | "eased" | "gains" | "cairam" | "subiram" | "recuaram"
            | "avancaram" | "dispararam" | "despencaram" | "retreated" | "slumped" | "rebounded" | "skidded"
            | "tanked" | "spiked" | "sagged" | "cedia" | "perdia" | "ganhava" | "caiam" | "subiam" | "cediam"
            | "perdiam" | "risen" | "fallen"
    )
}

/// `Even, 4,9%; Direcional, 2,7%`: a market wrap's list of names and their moves.
fn move_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ").or_else(|| after.strip_prefix(": ")) else {
        return false;
    };
    let rest = rest.trim_start_matches(['+', '-', '−']);
    let number = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    number > 0 && rest[number..].starts_with('%')
}

/// `Albany Molecular Research Inc. (NASDAQ: AMRI)`: the capitalised words from token `from` (and
/// a legal suffix) go on to an exchange's code and a symbol in brackets other than `symbol` (nor
/// a former symbol of it: `Valeant Pharmaceuticals Intl Inc (NYSE:VRX)`), so they and the words
/// before them name another company; so do words going on to another listed symbol alone in
/// brackets (`FMC Technologies (FTI)`).
pub(crate) fn names_another_company(
    text: &str,
    tokens: &[Token],
    from: usize,
    symbol: &Symbol,
    lexicon: &Lexicon,
) -> bool {
    let run = tokens[from..].iter().take(4).take_while(|t| t.joins_previous && t.capitalized).count();
    let Some(last) = (run > 0).then(|| &tokens[from + run - 1]) else { return false };
    let after = text[last.end..].trim_start_matches(['.', ',']).trim_start();
    let Some(inside) = after.strip_prefix('(') else { return false };
    // (Only the bracket's first characters: an exchange's code is short, the text after long.)
    let head: String = inside.chars().take(24).collect();
    let bracket = head.split(')').next().unwrap_or_default();
    let Some((exchange, rest)) = bracket.split_once(':') else {
        // `FMC Technologies (FTI)`: another listed symbol alone in brackets, after a word that
        // is no legal suffix or share class.
        // (Or an unknown one in Bloomberg's form: `Evergreen Solar Inc. (ESLR US)`.)
        let (code, bloomberg) = match bracket.trim().strip_suffix(" US") {
            Some(code) => (code, code.len() <= 5 && code.bytes().all(|b| b.is_ascii_uppercase())),
            None => (bracket.trim(), false),
        };
        let own_word = tokens[from..from + run].iter().any(|t| !(is_company_suffix(&t.key) || t.upper));
        return own_word
            && code != symbol.as_str()
            && (lexicon.symbol(code).is_some() || bloomberg)
            && lexicon.renamed(code) != Some(symbol.as_str());
    };
    let code: String = rest.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    // (`Provident Financial (L:PFG)`: Reuters writes London as `L`.)
    ((2..=10).contains(&exchange.len()) || exchange == "L")
        && exchange.bytes().all(|c| c.is_ascii_uppercase())
        && !code.is_empty()
        && code != symbol.as_str()
        && lexicon.renamed(&code) != Some(symbol.as_str())
}

/// `Teva Pharmaceuticals` for `Teva Pharmaceutical Industries`: the word after the name (tokens
/// `i..=end`) is, but for a plural `s`, the next word of a longer name of the same company.
pub(crate) fn plural_of_its_name(tokens: &[Token], i: usize, end: usize, lexicon: &Lexicon, symbol: &str) -> bool {
    let Some(stem) = tokens.get(end + 1).and_then(|t| t.key.strip_suffix('s')) else { return false };
    let mut key: String = tokens[i..=end].iter().map(|t| &*t.key).collect::<Vec<_>>().join(" ");
    key.push(' ');
    key.push_str(stem);
    lexicon.name(&key).and_then(|e| e.symbol.as_deref()) == Some(symbol)
}

/// `Brumadinho (MG)`, `Campinas (SP)`: a Brazilian state's code in brackets after a place, not a
/// company the lexicon named (`Boeing (BA)` stays Boeing's).
pub(crate) fn state_after_place(
    text: &str,
    tokens: &[Token],
    i: usize,
    used: usize,
    named_ends: &HashSet<usize>,
) -> bool {
    const STATES: &[&str] = &[
        "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI",
        "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
    ];
    let word = &tokens[i];
    used == 1
        && STATES.contains(&word.text)
        && text[word.end..].starts_with(')')
        && i > 0
        && tokens[i - 1].capitalized
        && text[tokens[i - 1].end..word.start] == *" ("
        && !named_ends.contains(&tokens[i - 1].end)
}

/// `NEW YORK (AP) --`, `WASHINGTON (Reuters) -`, `NEW YORK (AP) ¿ Shares…` (a dash lost to the
/// text's encoding): a news agency in brackets after a dateline in capitals is no company's symbol.
pub(crate) fn dateline(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    // (A news agency's code only: `TESLA (TSLA) - Get Report` keeps its symbol.)
    if !(t.upper && is_agency(t.text)) {
        return false;
    }
    let opens = text[..t.start].strip_suffix('(').map(|b| b.trim_end_matches(' '));
    let place = i > 0 && tokens[i - 1].upper && tokens[i - 1].text.chars().count() >= 3;
    let closes = text[t.end..].strip_prefix(')').map(|a| a.trim_start_matches(' '));
    // (Anything but a letter or a digit after the bracket: a dash, however encoded, or the text.)
    let dash = |a: &str| a.chars().next().is_none_or(|c| !c.is_alphanumeric()) || a.starts_with(char::is_uppercase);
    opens.is_some_and(|b| i > 0 && b.len() == tokens[i - 1].end) && place && closes.is_some_and(dash)
}

/// Whether a name is the place of a dateline that opens a line (`TORONTO — Research In Motion
/// rose`, `SÃO PAULO - A Petrobras…`, `NEW YORK (AP) --`): a city in capitals before a dash or an
/// agency's bracket is no company. A company in capitals heading a note (`ODONTOPREV — lucro…`)
/// is one: the place must be a city the press writes datelines from, or an agency must follow.
/// (Only the few bytes around the name are read.)
pub(crate) fn in_dateline(text: &str, span: &Range<usize>) -> bool {
    let from = text.ceil_char_boundary(span.start.saturating_sub(DATELINE_BYTES));
    let to = text.floor_char_boundary(span.end + DATELINE_BYTES);
    let before = &text[from..span.start];
    let line_start = match before.rfind('\n') {
        Some(at) => from + at + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let Some(place_end) = text[span.start..to].find(['—', '–', '-', '(']).map(|at| span.start + at) else {
        return false;
    };
    let place = &text[line_start..place_end];
    let after = &text[place_end..to];
    let agency = after.strip_prefix('(').and_then(|a| a.split_once(')')).is_some_and(|(inside, _)| is_agency(inside));
    let dash = opens_on_a_dash(after);
    place_end >= span.end
        && place.ends_with(' ')
        && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '\''))
        && (agency || (dash && is_dateline_city(place.trim_end_matches([' ', ',']))))
}

/// `Foto: Getty Images`, `(Imagem: Reuters/Amanda Perobelli)`, `Photo by AFP via Getty Images`: a
/// name in a picture's credit is no company the text speaks of. (Only the few bytes before the
/// name on its line are read.)
pub(crate) fn in_picture_credit(text: &str, span: &Range<usize>) -> bool {
    let from = text.ceil_char_boundary(span.start.saturating_sub(CREDIT_BYTES));
    let before = &text[from..span.start];
    let line = before.rfind('\n').map_or(before, |at| &before[at + 1..]);
    let line = line.to_lowercase();
    // (The cue opens the line or follows a bar or a bracket, and the name comes within a few
    // words of it: `| Foto: Getty Images`, `Photo by AFP via Getty Images`.)
    let credited = ["foto:", "photo:", "imagem:", "image:", "crédito:", "credit:", "photo by", "foto de"]
        .iter()
        .filter_map(|cue| line.rfind(cue).map(|at| (&line[..at], &line[at + cue.len()..])))
        .any(|(before, gap)| {
            let opens = before.trim_end().is_empty() || before.trim_end().ends_with(['|', '(']);
            opens && gap.len() <= 32 && !gap.contains(['.', ',', ';', ':']) && gap.split_whitespace().count() <= 3
        });
    // (The caption runs to the end of its line or bracket after the name, within a few bytes, with
    // no symbol nor figure: not `Credit: Petrobras (PETR4) bonds rallied 3%`. Only those bytes are
    // read.)
    let rest = &text[span.end..text.floor_char_boundary(span.end + CREDIT_BYTES + 1)];
    let Some(close) = rest.find(['\n', ')', '|']).or((rest.len() <= CREDIT_BYTES).then_some(rest.len())) else {
        return false;
    };
    let tail = &rest[..close];
    credited && !tail.contains(['(', '$', '%']) && !tail.contains(|c: char| c.is_ascii_digit())
}

/// How many bytes before a name a picture's credit is looked for.
const CREDIT_BYTES: usize = 64;

/// Whether a name opening a line is a dateline's city before its dash, in any case (`São Paulo –
/// O banco UBS rebaixou…`): a place, no firm that holds a view.
pub(crate) fn is_dateline_place(text: &str, span: &Range<usize>) -> bool {
    let opens_line = text[..span.start].trim_end_matches([' ', '\t']).is_empty()
        || text[..span.start].trim_end_matches([' ', '\t']).ends_with('\n');
    let after = text[span.end..].trim_start_matches(' ');
    let dash = opens_on_a_dash(after);
    opens_line && dash && is_dateline_city(&text[span.clone()].to_uppercase())
}

/// Whether text opens on a dateline's dash (`—`, `–`, `- `, `--`).
fn opens_on_a_dash(after: &str) -> bool {
    after.starts_with(['—', '–']) || after.starts_with("- ") || after.starts_with("--")
}

/// How many bytes either side of a name a dateline is looked for.
const DATELINE_BYTES: usize = 48;

/// News agencies as datelines bracket them (`(AP)`, `(Reuters)`).
fn is_agency(name: &str) -> bool {
    matches!(
        name,
        "AP" | "AFP"
            | "UPI"
            | "DPA"
            | "EFE"
            | "ANSA"
            | "Reuters"
            | "Bloomberg"
            | "Dow Jones"
            | "Estadão Conteúdo"
            | "Agência Estado"
    )
}

/// Cities the press writes datelines from, in capitals (a state or country may follow a comma).
fn is_dateline_city(place: &str) -> bool {
    let city = place.split(',').next().unwrap_or(place).trim();
    matches!(
        city,
        "NEW YORK"
            | "TORONTO"
            | "LONDON"
            | "WASHINGTON"
            | "CHICAGO"
            | "SAN FRANCISCO"
            | "BOSTON"
            | "HOUSTON"
            | "DALLAS"
            | "SEATTLE"
            | "ATLANTA"
            | "DETROIT"
            | "LOS ANGELES"
            | "MONTREAL"
            | "CALGARY"
            | "VANCOUVER"
            | "FRANKFURT"
            | "PARIS"
            | "ZURICH"
            | "MADRID"
            | "MILAN"
            | "TOKYO"
            | "HONG KONG"
            | "SINGAPORE"
            | "SYDNEY"
            | "SHANGHAI"
            | "BEIJING"
            | "SEOUL"
            | "MUMBAI"
            | "SAO PAULO"
            | "SÃO PAULO"
            | "RIO DE JANEIRO"
            | "BRASÍLIA"
            | "BRASILIA"
            | "LONDRES"
            | "NOVA YORK"
            | "BUENOS AIRES"
            | "MEXICO CITY"
            | "OTTAWA"
            | "MINNEAPOLIS"
            | "CHARLOTTE"
            | "PITTSBURGH"
    )
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};

    fn symbols(text: &str) -> Vec<String> {
        analyse(text, &Lexicon::bundled()).tickers.into_iter().map(|t| t.symbol.to_string()).collect()
    }

    #[test]
    fn everyday_words_are_companies_in_company_context() {
        assert_eq!(symbols("A Weg subiu 3% após o balanço."), ["WEGE3"]);
        assert_eq!(symbols("As ações da Vivo caíram."), ["VIVT3"]);
        assert_eq!(symbols("O Nu reportou lucro recorde."), ["NU"]);
        assert_eq!(symbols("Nu shares rose 4% after earnings."), ["NU"]);
        assert_eq!(symbols("Analysts like Weg's margins."), ["WEGE3"]);
        assert_eq!(symbols("WEG avança na bolsa."), ["WEGE3"], "in capitals, the name alone");
        assert_eq!(symbols("O Goldman elevou o preço-alvo para a Gol."), ["GS", "GOLL3"], "the airline");
        assert_eq!(symbols("Skyworks is up 4.2% this morning."), ["SWKS"], "a move after an auxiliary");
        assert_eq!(symbols("A Americanas pediu recuperação judicial."), ["AMER3"], "a one-word B3 name");
        assert_eq!(symbols("No lado oposto, Hypera (-3,74%)."), ["HYPE3"], "a market wrap's price move");
        assert_eq!(symbols("Cogna ON subiu."), ["COGN3"], "a share class, and a B3 issuer's first word");
        assert_eq!(symbols("After settling at $17.79, Box Inc is set to open higher."), ["BOX"], "a legal suffix");
        assert_eq!(symbols("Nu grew fast. Nu Holdings (NU) rose."), ["NU", "NU", "NU"], "named another way too");
        assert_eq!(
            symbols("MRV subia 5,7%; Direcional, 2,7%; e Cogna, -1%."),
            ["MRVE3", "DIRR3", "COGN3"],
            "a market wrap's moves"
        );
    }

    #[test]
    fn everyday_words_are_not_companies_elsewhere() {
        assert!(symbols("Vivo em São Paulo há dez anos.").is_empty());
        assert!(symbols("Der Weg ist das Ziel, sagte er.").is_empty());
        assert!(symbols("Nu, ele saiu correndo.").is_empty());
        assert!(symbols("Ele está vivo e o rei está nu.").is_empty());
        assert!(symbols("Light rain fell on Monday.").is_empty());
        assert!(symbols("Gol de placa no fim do jogo.").is_empty(), "a football goal");
        assert!(symbols("Os ADRs negociados em Nova York subiram.").is_empty(), "a longer name");
        assert!(symbols("The Dow's 15% rise.").is_empty(), "an index");
    }
}
