//! Companies the lexicon does not know, as the text still shows them to be companies: a name
//! with a code in brackets (`Dendreon Corp. (DNDN US)`, `NYSE Euronext (NYX)`, `Abiomed (ABMD)`:
//! delisted or foreign) or a sentence opening on an unknown name and a price move (`VerticalNet
//! fell $7.34`, `Twitter revealed its figures`). A figure about such a company is nobody's: it
//! must not go to the company named before it, to the subject of an earlier sentence, nor (in a
//! text that opens on one) to a company named later.

use std::ops::Range;

use super::commodity_prices::is_commodity_word;
use super::company_context::{dateline, in_picture_credit, is_move_verb};
use super::counted_groups::is_sector_shares;
use super::defunct::defunct_at;
use super::fx_hash::FxHashSet;
use super::index_cues::is_index_word;
use super::mention_words::is_rating_verb;
use super::mentions::{Mention, is_results_word};
use super::symbol_cues::reuters_code;
use super::tokens::Token;
use super::words::{is_acronym, is_common_word, is_share_word};

/// Where each unknown company named in the text starts, in order: those each sentence shows to be
/// companies, and the later sentences naming one of them again (`Intercept Pharmaceuticals Inc
/// (NASDAQ:ICPT)… Leerink cut its price target for Intercept Pharmaceuticals stock`).
/// `words` are the text's words, `mentions` the companies found and `claimants` where the
/// claimants are named, all in text order.
pub(super) fn unlisted_in_text(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    mentions: &[Mention],
    claimants: &[Range<usize>],
) -> Vec<usize> {
    let within = |r: &Range<usize>| {
        (words.partition_point(|w| w.start < r.start)..words.partition_point(|w| w.start < r.end), {
            mentions.partition_point(|m| m.span.start < r.start)..mentions.partition_point(|m| m.span.start < r.end)
        })
    };
    let mut found = Vec::new();
    for s in sentences {
        let (w, m) = within(s);
        // (`(Imagem: Adobe Stock)`: a picture's credit names no company.)
        let credited = |&at: &usize| {
            let w = &words[words.partition_point(|w| w.start < at)];
            in_picture_credit(text, &(w.start..w.end))
        };
        found.extend(unlisted_companies(text, &words[w], &mentions[m]).into_iter().filter(|at| !credited(at)));
    }
    // `Campbell Soup (CPB)… Campbell shares tumbled`: the first word of a company the text names
    // is that company.
    let word_at = |at: usize| words.get(words.partition_point(|w| w.start < at)).filter(|w| w.start == at);
    // (Sets: a long text names its companies thousands of times.)
    let mut known_firsts: FxHashSet<&str> =
        mentions.iter().filter_map(|m| word_at(m.span.start)).map(|w| &*w.key).collect();
    // (`Campbell Soup (CPB)`: the words of a name before a known symbol in brackets.)
    for m in mentions.iter().filter(|m| text[..m.span.start].trim_end().ends_with('(')) {
        let k = words.partition_point(|w| w.start < m.span.start);
        let name = words[..k].iter().rev().take(NAME_WORDS).take_while(|w| w.capitalized || w.upper);
        known_firsts.extend(name.map(|w| &*w.key));
    }
    // (`Wachovia downgraded Texas Instruments`: a claimant that rates is a broker, whatever the
    // lexicon knows.)
    let claims = |at: usize| {
        let k = claimants.partition_point(|c| c.end <= at);
        claimants.get(k).is_some_and(|c| {
            // (Not `Chuy’s Holdings Inc CHUY downgraded from Market Perform`, `X upgraded at
            // Wedbush`: rated itself, in an English headline's passive. A Portuguese verb is
            // active: `rebaixou para neutra a recomendação da Gol`.)
            let k = words.partition_point(|w| w.start < c.end);
            c.start <= at
                && words
                    .get(k)
                    .is_some_and(|w| is_rating_verb(&w.key) || matches!(&*w.key, "initiated" | "elevou" | "iniciou"))
                && !words
                    .get(k + 1)
                    .is_some_and(|w| matches!(&*w.key, "from" | "to" | "by" | "at" | "with" | "on" | "as"))
        })
    };
    found.retain(|&at| word_at(at).is_none_or(|w| !known_firsts.contains(&*w.key)) && !claims(at));
    if found.is_empty() {
        return found;
    }
    // The first word of each such name, named again as a name elsewhere.
    let names: FxHashSet<&str> = found
        .iter()
        .filter_map(|&at| word_at(at))
        .filter(|w| !is_common_word(&w.key) && w.text.len() > 2)
        .map(|w| &*w.key)
        .collect();
    let known = |w: &Token| covered(mentions, w);
    let again: Vec<usize> = words
        .iter()
        .filter(|w| (w.capitalized || w.upper) && names.contains(&*w.key) && !known(w))
        .map(|w| w.start)
        .filter(|at| found.binary_search(at).is_err())
        .collect();
    found.extend(again);
    found.sort_unstable();
    found
}

/// Where each unknown company named in `words` (a sentence's words, in order) starts, in order.
/// `mentions` are the companies found in the sentence, in text order.
fn unlisted_companies(text: &str, words: &[Token], mentions: &[Mention]) -> Vec<usize> {
    let known = |w: &Token| covered(mentions, w);
    let mut found = Vec::new();
    // `VerticalNet fell $7.34`: the sentence's first word, an unknown name, then a move; `Siebel
    // Systems climbed`, `ExpressJet XJT retreated`: with a word of the name or its code between.
    let rest = words.get(1..).unwrap_or_default();
    let more = rest.iter().take(2).take_while(|w| w.joins_previous && (w.capitalized || w.upper) && !known(w)).count();
    // (A report verb right after the first word only: `Benzinga Professional reported` is a
    // news service.)
    // (`Endeavour Mining has gained more than 15%`: past an auxiliary.)
    // (`Reckitt Benckiser added 24p to 1117 1/2p`: a verb of a move only before its figure.)
    let moves = |k: usize| {
        rest.get(k).is_some_and(|w| is_move_verb(&w.key))
            || rest.get(k).is_some_and(|w| matches!(&*w.key, "added" | "shed" | "lost"))
                && rest.get(k + 1).is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
            || rest.get(k).is_some_and(|w| matches!(&*w.key, "has" | "had"))
                && rest.get(k + 1).is_some_and(|w| is_move_verb(&w.key))
    };
    let verb = (0..=more).find(|&k| moves(k) || (k == 0 && rest.get(k).is_some_and(|w| is_report_verb(&w.key))));
    if let (Some(first), Some(_)) = (words.first(), verb)
        && first.capitalized
        && !first.upper
        && !is_common_word(&first.key)
        // (`Revenue rose 6%`, `Sales fell`: a measure, not a name.)
        && !is_results_word(&first.key)
        && !is_measure_word(&first.key)
        // (`Shares dropped about 4%`, `Elas caíram 7,76%`: the stock talked about, no name.)
        && !is_share_word(&first.key)
        && !matches!(&*first.key, "elas" | "eles" | "ela" | "ele" | "they" | "it" | "these" | "those" | "estas" | "estes")
        // (`Brent Crude fell 2%`, `Treasury Yields rose`, `Dólar Comercial caiu`: a commodity, an
        // index or a currency before a word of its name.)
        && !(more > 0
            && (is_commodity_word(&first.key)
                || is_index_word(&first.key)
                || matches!(&*first.key, "treasury" | "dolar" | "dollar" | "euro" | "real" | "yen" | "ouro")))
        && !known(first)
    {
        found.push(first.start);
    }
    // `A TAM é uma oportunidade`, `Twitter fell`: a company no longer listed, by its name.
    found.extend((0..words.len()).filter(|&k| defunct_at(words, k) && !known(&words[k])).map(|k| words[k].start));
    for k in 1..words.len() {
        // `a ordinária da OGX`, `shares of Twitter`: an unknown name owning shares.
        let name = &words[k];
        // (`As ações PN da VCP`: a share class between.)
        let owner = |j: usize| {
            is_share_or_class_word(&words[j].key)
                || (j > 0
                    && matches!(words[j].text, "ON" | "PN" | "PNA" | "PNB")
                    && is_share_or_class_word(&words[j - 1].key))
        };
        if (name.capitalized || name.upper)
            && k >= 2
            && matches!(&*words[k - 1].key, "da" | "do" | "de" | "of")
            && owner(k - 2)
            && !is_common_word(&name.key)
            && !known(name)
            // (`Shares of Hana Biosciences jumped`: a name of up to three words, none of them known
            // nor in capitals.)
            && { let more = after_name(words, k); more.len() < 3 && more.iter().all(|n| !n.upper && !known(n)) }
            // `ações de R$ 43`: a currency.
            && !text[name.end..].starts_with('$')
            // `ações da Locaweb (LWSA3)`: a name the lexicon knows by its symbol.
            && !bracketed_mention(text, name.end, mentions)
        {
            found.push(name.start);
        }
        // `Continental shares were 2 percent higher`, `Leap Wireless shares jumped`: an unknown
        // name before its shares. `LinkedIn Corp. slipped`: before a legal suffix.
        let (name, next) = (&words[k - 1], &words[k]);
        let shares = matches!(&*next.key, "shares" | "stock") && !is_sector_shares(&name.key, &next.key);
        let suffix = next.capitalized && matches!(&*next.key, "inc" | "corp" | "ltd" | "plc");
        if (shares || suffix)
            && next.joins_previous
            && name.capitalized
            && !name.upper
            && name.text.len() >= 3
            && !is_common_word(&name.key)
            && !known(name)
            && let Some(start) = name_start(words, k - 1)
            && !words[start..k].iter().any(known)
        {
            found.push(words[start].start);
        }
        // `MEG Energy Corp <MEG.TO>, up 19.2%`, `Stars Group Inc TSGI.TO, up 16.8%`: a name, then a
        // Reuters code the lexicon does not know.
        if reuters_code_after_name(text, words, k) && !known(&words[k]) && !known(&words[k - 1]) {
            let mut start = k - 1;
            while start > 0 && k - start < NAME_WORDS && words[start].joins_previous && words[start - 1].capitalized {
                start -= 1;
            }
            if !words[start..k].iter().any(known) {
                found.push(words[start].start);
                continue;
            }
        }
        // `NYSE Euronext (NYX)`, `Altera Corp. (NASDAQ: ALTR)`: a name, then a code in brackets
        // the lexicon does not know, with or without its exchange.
        let exchange = k >= 2 && is_exchange(words[k - 1].text) && text[words[k - 1].end..words[k].start].trim() == ":";
        let name_at = if exchange { k - 2 } else { k - 1 };
        let (name, code) = (&words[name_at], &words[k]);
        if code.upper
            && text[name.end..if exchange { words[k - 1].start } else { code.start }].trim_end().ends_with('(')
            // (`Brookfield (BISA3, -0,68%, R$ 1,46)`: a B3 code, then its quote.)
            && (closes_code(&text[code.end..]) || (is_b3_form(code.text) && text[code.end..].starts_with(", ")))
            && (((2..=5).contains(&code.text.len()) && code.text.bytes().all(|b| b.is_ascii_alphabetic()))
                || is_b3_form(code.text)
                // `United States Steel Corp. (X:US)`: a one-letter code in Bloomberg's form.
                || (code.text.len() == 1 && (text[code.end..].starts_with(" US)") || text[code.end..].starts_with(":US)"))))
            && !is_acronym(code.text)
            // (`NEW YORK (AP) --`: a news agency's dateline.)
            && !dateline(text, words, k)
            // (`As ações preferenciais (PN) encerraram…`: a share class, no code.)
            && !matches!(code.text, "ON" | "PN" | "PNA" | "PNB" | "PNC" | "UNT" | "ADR" | "ADRS" | "BDR" | "BDRS")
            && (name.capitalized || name.upper || is_share_or_class_word(&name.key) || name.key == "acao")
            && !known(code)
        {
            // `cuja ação (CASP) cai quase 21% em Paris`: a share's code in brackets.
            if !(name.capitalized || name.upper) {
                found.push(code.start);
                continue;
            }
            // The whole name before the bracket (`Companhia Vale do Rio Doce (CVRD)`) is unknown.
            let mut start = name_at;
            while start > 0
                && k - start < NAME_WORDS
                && words[start].joins_previous
                && (words[start - 1].capitalized || matches!(&*words[start - 1].key, "do" | "da" | "de" | "of" | "&"))
            {
                start -= 1;
            }
            // (Not from the joiner or article before it: `da Hering (HGTX3)`, `A Hering (HGTX3)`:
            // the name named again later is `Hering`.)
            while start < name_at && (!words[start].capitalized || matches!(&*words[start].key, "a" | "o" | "the")) {
                start += 1;
            }
            if !words[start..=name_at].iter().any(known) {
                found.push(words[start].start);
                // (`Yahoo Inc. (YHOO - 14.48)… YHOO is down 1.8%`: a code quoted with its price is
                // a name of it too.)
                if text[code.end..].starts_with(" - ") {
                    found.push(code.start);
                }
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Whether word `k` is a Reuters code (`symbol_cues::reuters_code`: `<MEG.TO>`, `TSGI.TO`) right
/// after the capitalised name word before it.
fn reuters_code_after_name(text: &str, words: &[Token], k: usize) -> bool {
    let (name, code) = (&words[k - 1], &words[k]);
    matches!(&text[name.end..code.start], " " | " <")
        && (name.capitalized || name.upper)
        && code.upper
        && (2..=6).contains(&code.text.len())
        && code.text.bytes().all(|b| b.is_ascii_alphabetic())
        && reuters_code(text, words, k).is_some()
}

/// The capitalised words that go on with the name at word `k` (at most three).
fn after_name<'t, 'a>(words: &'t [Token<'a>], k: usize) -> &'t [Token<'a>] {
    let run = words[k + 1..].iter().take(3).take_while(|n| n.joins_previous && n.capitalized).count();
    &words[k + 1..k + 1 + run]
}

/// Measures a sentence may open on before a move (`Sales fell 3%`, `Vendas caíram`), folded.
#[rustfmt::skip]
pub(crate) fn is_measure_word(key: &str) -> bool {
    matches!(key,
        "sales" | "margins" | "margin" | "volume" | "volumes" | "output" | "production" | "orders" | "bookings"
            | "deliveries" | "shipments" | "traffic" | "demand" | "prices" | "costs" | "expenses" | "dividends"
            | "eps" | "ebitda" | "vendas" | "faturamento" | "margem" | "producao" | "custos" | "despesas"
            | "entregas" | "pedidos" | "precos" | "dividendos" | "guidance"
    )
}

/// Where the name ending at word `last` starts (its capitalised words joined without
/// punctuation, at most three), when it is no place, nationality or everyday word.
fn name_start(words: &[Token], last: usize) -> Option<usize> {
    let mut start = last;
    while start > 0
        && last - start < 2
        && words[start].joins_previous
        && words[start - 1].capitalized
        && !words[start - 1].upper
    {
        start -= 1;
    }
    let first = &words[start];
    (!is_nationality(&first.key) && !is_common_word(&first.key) && first.text.len() >= 3).then_some(start)
}

/// Whether a code has the form of a B3 symbol (`HGTX3`, `TIMP3`, `KLBN11`): four letters and a
/// share class, the form a Brazilian company delisted since keeps in old articles.
pub(super) fn is_b3_form(code: &str) -> bool {
    // (On bytes: a code in capitals may hold accented letters, `(AÇÃO)`.)
    match code.as_bytes() {
        [a, b, c, d, class @ ..] => {
            [a, b, c, d].iter().all(|l| l.is_ascii_uppercase()) && matches!(class, b"3" | b"4" | b"5" | b"6" | b"11")
        }
        _ => false,
    }
}

/// `(CEGE)`, `(DNDN US)`, `(X:US)`, `(BWLD - Get Report)`, `(YHOO - 14.48)`: what closes a bracketed code.
fn closes_code(after: &str) -> bool {
    let after = after.strip_prefix(" US").or_else(|| after.strip_prefix(":US")).unwrap_or(after);
    let after = [" - Get Report", " – Get Report", " - Free Report", " – Free Report"]
        .iter()
        .find_map(|tail| after.strip_prefix(tail))
        .unwrap_or(after);
    // (A quote after a dash: `YHOO - 14.48`.)
    let quoted = after
        .strip_prefix(" - ")
        .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',')))
        .filter(|rest| rest.len() < after.len() - 3);
    after.starts_with(')') || quoted.is_some_and(|rest| rest.starts_with(')'))
}

/// Whether a known company's mention covers word `w` (mentions are in text order: the one that
/// could is the last starting at or before it).
pub(crate) fn covered(mentions: &[Mention], w: &Token) -> bool {
    let before = mentions.partition_point(|m| m.span.start <= w.start);
    before.checked_sub(1).is_some_and(|m| w.end <= mentions[m].span.end)
}

/// Exchanges written before a symbol in brackets (`NASDAQ: ALTR`, `NYSE:BBY`).
fn is_exchange(word: &str) -> bool {
    matches!(
        word,
        "NASDAQ"
            | "Nasdaq"
            | "NSDQ"
            | "NYSE"
            | "AMEX"
            | "NYSEArca"
            | "NYSEMKT"
            | "OTC"
            | "TSX"
            | "LSE"
            | "BOV"
            | "L"
            | "LON"
    )
}

/// Words of where shares trade or come from (`Chinese shares slid`): no company's name.
#[rustfmt::skip]
pub(crate) fn is_nationality(key: &str) -> bool {
    matches!(key,
        "chinese" | "japanese" | "european" | "american" | "asian" | "german" | "french" | "british" | "brazilian"
            | "indian" | "korean" | "canadian" | "mexican" | "australian" | "swiss" | "italian" | "spanish" | "global"
            | "emerging" | "foreign" | "domestic" | "london" | "tokyo" | "hong" | "wall" | "treasury"
    )
}

/// Whether a known symbol is bracketed right after byte `end` (`Locaweb (LWSA3)`).
fn bracketed_mention(text: &str, end: usize, mentions: &[Mention]) -> bool {
    let rest = &text[end..];
    let Some(inside) = rest.trim_start().strip_prefix('(') else {
        return false;
    };
    let open = end + (rest.len() - inside.len());
    let at = mentions.partition_point(|m| m.span.start < open);
    mentions.get(at).is_some_and(|m| text[open..m.span.start].len() <= 8 && !text[open..m.span.start].contains(')'))
}

/// The most words of a name before a bracketed code.
const NAME_WORDS: usize = 8;

/// Words for a company's shares or a class of them (folded), in the plural but for `stock`:
/// `market share of China`, `o papel da China` (its role) and `ação` (a lawsuit) name no shares.
fn is_share_or_class_word(key: &str) -> bool {
    matches!(
        key,
        "acoes"
            | "papeis"
            | "titulos"
            | "units"
            | "shares"
            | "stock"
            | "ordinaria"
            | "ordinarias"
            | "preferencial"
            | "preferenciais"
    )
}

/// Verbs of a company telling its own news (`Twitter revealed its figures`).
fn is_report_verb(key: &str) -> bool {
    matches!(key, "reported" | "revealed" | "posted" | "announced" | "reportou" | "divulgou" | "registrou" | "anunciou")
}

#[cfg(test)]
mod tests {
    use crate::extract::figure_tickers::{attributed, owned};

    #[test]
    fn a_figure_about_a_company_the_lexicon_does_not_know_is_nobodys() {
        let text = "M&T Bank Corp. (MTB) slid 2.1 percent. NYSE Euronext (NYX) lost 2.7 percent to $28.41.";
        assert_eq!(
            attributed(text),
            owned(&[("2.1 percent", &["MTB"]), ("2.7 percent", &[]), ("$28.41", &[])]),
            "a name with a code"
        );
        let text = "Microsoft will invest $100 million in VerticalNet. VerticalNet fell $7.34, or 13 percent.";
        assert_eq!(
            attributed(text),
            owned(&[("$100 million", &["MSFT"]), ("$7.34", &[]), ("13 percent", &[])]),
            "an unknown name and a move"
        );
        let text = "A Vale saltou 5,97 por cento, e a ordinária da OGX teve alta de 5,04 por cento.";
        assert_eq!(
            attributed(text),
            owned(&[("5,97 por cento", &["VALE3"]), ("5,04 por cento", &[])]),
            "shares of one"
        );
        let text = "Twitter revealed its figures. Revenue hit $250 million. Facebook has 1.28 billion users.";
        assert_eq!(attributed(text), owned(&[("$250 million", &[])]), "a text that opens on one");
        let text = "A Companhia Vale do Rio Doce (CVRD) movimentava R$ 87,4 milhões.";
        assert_eq!(attributed(text), owned(&[("R$ 87,4 milhões", &["VALE3"])]), "a known name with an old code");
        let text = "Altera Corp. (NASDAQ: ALTR) was reiterated with a Buy. Shares are up 1.8% at $36.39.";
        assert_eq!(attributed(text), owned(&[("1.8%", &[]), ("$36.39", &[])]), "a code after its exchange");
        let text = "Analysts weigh Intercept Pharmaceuticals Inc (NASDAQ:ICPT) and Biogen Inc (NASDAQ:BIIB). \
                    Leerink cut its price target for Intercept Pharmaceuticals stock to $60 from $66.";
        assert_eq!(attributed(text), owned(&[("$60", &[]), ("$66", &[])]), "named again");
        let text = "JetBlue Airways shares were up 3.7 percent, Continental shares were 2 percent higher. Continental \
                    said its fares rose. The carrier posted net income of $233 million.";
        assert_eq!(
            attributed(text),
            owned(&[("3.7 percent", &["JBLU"]), ("2 percent", &[]), ("$233 million", &[])]),
            "an unknown name's shares, and a later sentence opening on it"
        );
        let text = "Campbell Soup (CPB) missed forecasts. Campbell shares tumbled 5.8%.";
        assert_eq!(attributed(text), owned(&[("5.8%", &["CPB"])]), "the name before a known symbol");
        let text = "As ações da Locaweb (LWSA3) tombam. Assim, Locaweb (LWSA3) recuava 5,57%. E a queda superava 8%.";
        assert_eq!(attributed(text), owned(&[("5,57%", &["LWSA3"]), ("8%", &["LWSA3"])]), "known by its symbol");
        let text = "Apple's share of China's market fell. Apple said China revenue fell 8%.";
        assert_eq!(attributed(text), owned(&[("8%", &["AAPL"])]), "a market share is no shares");
        let text = "Delta (DAL) raised its outlook. Airline shares rallied. The company sees sales up 7%.";
        assert_eq!(attributed(text), owned(&[("7%", &["DAL"])]), "a sector's shares");
        let text = "Chinese shares slid. Apple said Chinese demand lifted revenue 5%.";
        assert_eq!(attributed(text), owned(&[("5%", &["AAPL"])]), "a country's shares");
        let text = "Intel fell 3%. Its CEO (Pat Gelsinger) said revenue rose 2%.";
        assert_eq!(attributed(text), owned(&[("3%", &["INTC"]), ("2%", &["INTC"])]), "an acronym is no code");
    }
}
