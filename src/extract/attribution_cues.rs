//! Cues around a figure that say which company it is *not* about, for attribution: companies
//! named for comparison (`rivals such as X and Y`) or as a cause (`due to concerns at Qualcomm`)
//! are not the subject; a name the lexicon does not know may be the company, so nothing is
//! guessed past it; an index named in an aside does not take a figure; a broker in a sentence of
//! saying is commenting; a stake is about both companies (banks: `bank_cues`);
//! a company's weight in an index is its own; a sector's shares and `those companies` are not one
//! company.

use std::ops::Range;

use super::company_context::is_move_verb;
use super::index_cues::{is_exchange_volume, is_market_turnover};
use super::known_brokers::brokers_in;
use super::mentions::Mention;
use super::tokens::Token;
use super::words::is_share_word;
use crate::model::Symbol;

/// Whether a capitalised word before a figure in its sentence, other than its first word, a
/// quoted word (`"Buy"`), a currency mark, a day or a month, a broker and the mentions found,
/// may name a company.
pub(super) fn unknown_name_before(text: &str, before: &[Token], named: &[Mention]) -> bool {
    let brokers = brokers_in(before);
    let inside = |r: &Range<usize>, w: &Token| r.start <= w.start && w.end <= r.end;
    // The sentence's first word is capitalised anyway; only the last words before count.
    let first = before.len().saturating_sub(NAME_REACH).max(1);
    // (`da aquisição do Banco Real`, `the acquisition of Anadarko`: a company bought, not the one
    // the text is about.)
    let bought = |k: usize| {
        let key = |back: usize| k.checked_sub(back).map_or("", |j| &*before[j].key);
        matches!(key(1), "do" | "da" | "of") && matches!(key(2), "aquisicao" | "compra" | "acquisition" | "purchase")
            || matches!(key(2), "do" | "da" | "of")
                && matches!(key(3), "aquisicao" | "compra" | "acquisition" | "purchase")
                && before[k - 1].capitalized
    };
    let from = first.min(before.len());
    before[from..].iter().enumerate().any(|(k, w)| {
        w.capitalized
            && !bought(from + k)
            && !text[..w.start].ends_with(['"', '“', '\'', '‘'])
            // `US$ 45`, `R$ 29`: a currency mark.
            && !text[w.end..].starts_with('$')
            && !named.iter().any(|m| inside(&m.span, w))
            && !brokers.iter().any(|b| inside(b, w))
            && !is_day_or_month(&w.key)
    })
}

/// How many words before a figure an unknown name is looked for.
const NAME_REACH: usize = 40;

#[rustfmt::skip]
fn is_day_or_month(key: &str) -> bool {
    matches!(key,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january"
            | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october"
            | "november" | "december" | "janeiro" | "fevereiro" | "marco" | "abril" | "maio" | "junho" | "julho"
            | "agosto" | "setembro" | "outubro" | "novembro" | "dezembro" | "segunda" | "terca" | "quarta"
            | "quinta" | "sexta" | "sabado" | "domingo"
    )
}

/// The starts of the mentions named for comparison (`rivals such as X and Y`, `concorrentes como
/// X`, `peers including X`), in order: those after such a phrase and those listed with them.
pub(super) fn compared_mentions(text: &str, words: &[Token], mentions: &[Mention]) -> Vec<usize> {
    let mut out = Vec::new();
    for m in mentions {
        // Back over the names listed before it (`Juniper Networks (JNPR) and`), in its clause.
        let mut k = words.partition_point(|w| w.start < m.span.start);
        let mut steps = 0;
        while k > 0 && steps < LIST_REACH {
            let w = &words[k - 1];
            let gap = &text[w.end..words.get(k).map_or(m.span.start, |n| n.start)];
            let listed = (w.capitalized
                || w.upper
                || matches!(&*w.key, "and" | "e" | "or" | "ou" | "&" | "da" | "do" | "de" | "of" | "the"))
                && !gap.contains(['.', ';', ':']);
            if !listed || is_comparison_marker(words, k) {
                break;
            }
            k -= 1;
            steps += 1;
        }
        if is_comparison_marker(words, k) {
            out.push(m.span.start);
        }
    }
    out
}

/// How many words of names and `and` a list of compared companies may run over.
const LIST_REACH: usize = 12;

/// Whether the words just before word `k` introduce companies named for comparison.
fn is_comparison_marker(words: &[Token], k: usize) -> bool {
    let key = |back: usize| k.checked_sub(back).map_or("", |j| &*words[j].key);
    matches!((key(2), key(1)), ("such", "as") | (_, "including" | "incluindo" | "like"))
        || (key(1) == "como" && matches!(key(2), "concorrentes" | "rivais" | "pares" | "empresas" | "outras"))
        // `Os papéis da Localiza, também locadora como a Movida, tinham alta de 1,07%`.
        // (Not `Como o BTG Pactual destacou, …`: `como` opening the sentence, `as`.)
        || (k >= 3 && key(2) == "como" && matches!(key(1), "a" | "o"))
        || matches!(key(1), "competitors" | "rivals" | "peers" | "concorrentes" | "rivais" | "behind" | "than" | "versus")
        // `Além da Tenda, o Itaú BBA também destaca a Plano & Plano`, `Besides Apple`: set beside.
        || (key(2) == "alem" && matches!(key(1), "da" | "do" | "de" | "dos" | "das"))
        || key(1) == "besides"
        // `The gulf in BP shareholder returns compared to Shell`.
        || matches!((key(2), key(1)), ("compared" | "comparado" | "comparada", "to" | "with" | "a" | "com"))
        // `take share of the x86-based computing market from Intel`, `competition from AMD`: a rival.
        || (key(1) == "from"
            && (2..=8).any(|back| {
                key(back) == "competition"
                    || key(back) == "share"
                        && matches!(key(back + 1), "take" | "takes" | "taking" | "gain" | "gaining" | "steal" | "market")
            }))
        // `excluindo Petrobras e Vale`, `excluding Apple`: left out of the figure.
        || matches!(key(1), "excluindo" | "exceto" | "excetuando" | "excluding" | "except")
        // `atrás da Boeing e da Airbus`, `ahead of Boeing`, `à frente da Vale`.
        || matches!((key(2), key(1)), ("atras" | "frente", "da" | "do" | "de") | ("ahead", "of"))
        // `A subsidiária latino-americana da Anheuser Busch InBev teve lucro…`, `the U.S. unit of
        // Bayer`: the parent of the company the sentence is about.
        || (matches!(key(1), "da" | "do" | "de" | "of")
            && (2..=4).any(|back| {
                matches!(
                    key(back),
                    "subsidiaria" | "subsidiary" | "unit" | "unidade" | "controlada" | "braco" | "arm" | "filial"
                )
            }))
        // `Assim como no caso da Stone, a projeção… para o PagSeguro`, `As with Ford, GM…`.
        || matches!((key(3), key(2), key(1)), ("assim", "como", "a" | "o" | "na" | "no"))
        || matches!((key(2), key(1)), ("assim", "como") | ("as", "with"))
        || (matches!(key(1), "da" | "do" | "de") && key(2) == "caso" && matches!(key(4), "como" | "assim"))
}

/// The company a stake is in, named just after a figure (`30,3% do capital total da Rumo`, `5% de
/// participação na Vale`, `$1.5 billion in shares of Mobileye`, `a 10% stake in Arm`): `after`
/// are the words of the sentence after the figure, `own` its mentions.
pub(super) fn stake_in(text: &str, after: &[Token], own: &[&Mention]) -> Option<Symbol> {
    // `5.100% das ações da Amazon` is Amazon's return: shares count only as money put in them.
    let stake = after.iter().take(STAKE_REACH).enumerate().position(|(k, w)| {
        matches!(&*w.key, "stake" | "interest" | "capital" | "participacao" | "fatia")
            || (w.key == "shares" && k > 0 && after[k - 1].key == "in")
    })?;
    let object = after[stake + 1..]
        .iter()
        .take(3)
        .position(|w| matches!(&*w.key, "in" | "of" | "da" | "do" | "de" | "na" | "no" | "em"))?
        + stake
        + 1;
    let next = after.get(object + 1)?;
    let gap = &text[after[0].start..next.start];
    if gap.contains(['.', ';', ',']) {
        return None;
    }
    own.iter().find(|m| m.span.start == next.start).map(|m| m.symbol.clone())
}

/// `… now owns 667,908 shares of the company’s stock`: where a holder's verb of a stake in the
/// company under discussion starts, in a sentence's words (past the digits of the count).
pub(super) fn holds_the_companys_stock(words: &[Token]) -> Option<usize> {
    words.windows(4).enumerate().find_map(|(k, w)| {
        let of_the_company =
            w[0].key == "shares" && matches!((&*w[1].key, &*w[2].key, &*w[3].key), ("of", "the", "company"));
        of_the_company
            .then(|| {
                words[..k].iter().rev().skip_while(|b| b.is_digits()).take(2).find(|b| {
                    matches!(
                        &*b.key,
                        "owns" | "own" | "owned" | "holds" | "hold" | "held" | "bought" | "acquired" | "purchased"
                    )
                })
            })?
            .map(|b| b.start)
    })
}

/// How many words after a figure its stake word may come (`do capital total da`).
const STAKE_REACH: usize = 3;

/// Between a figure and a company named after it: a cause (`due to`, `because of`, `amid`,
/// `devido a`, `por causa de`), so the company is not what the figure is about.
pub(super) fn names_a_cause(gap: &str) -> bool {
    let words: Vec<String> =
        gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.windows(2).any(|p| {
        matches!(
            (p[0].as_str(), p[1].as_str()),
            ("due", "to") | ("because", "of") | ("devido", "a" | "ao" | "à") | ("por", "causa")
        )
    }) || words.iter().any(|w| matches!(w.as_str(), "amid" | "concerns" | "fears" | "temores" | "preocupações"))
}

/// Verbs that report what someone says, thinks or forecasts (`observa`, `diz`, `says`, `notes`,
/// `estima`, `expects`).
#[rustfmt::skip]
pub(super) fn is_saying_verb(key: &str) -> bool {
    matches!(key,
        "observa" | "observou" | "diz" | "disse" | "afirma" | "afirmou" | "avalia" | "avaliou" | "destaca"
            | "destacou" | "aponta" | "apontou" | "pontua" | "pontuou" | "comenta" | "comentou" | "escreve"
            | "escreveu" | "says" | "said" | "notes" | "noted" | "wrote" | "writes" | "argues" | "argued"
            | "believes" | "thinks" | "acredita" | "ressalta" | "ressaltou"
            // Forecasting: `com o BTG estimando lucro de R$ 3,35 bilhões` is the BTG's estimate of
            // another company's profit.
            | "estima" | "estimou" | "estimando" | "projeta" | "projetou" | "projetando" | "esperando"
            | "preve"
            | "previu" | "expects" | "expected" | "estimates" | "estimated" | "forecasts" | "projects"
            // The plural, as several brokers speak together (`Os bancos Bradesco BBI, BTG Pactual…
            // estimam que o lucro ficará…`).
            | "observam" | "dizem" | "afirmam" | "avaliam" | "destacam" | "apontam" | "comentam" | "escrevem"
            | "acreditam" | "ressaltam" | "estimam" | "projetam" | "preveem" | "say" | "note" | "write" | "argue"
            | "believe" | "think" | "expect" | "estimate" | "forecast" | "project"
            // `o BofA chama a atenção para a margem Ebitda de 15% a 20%`, `highlights`.
            | "chama" | "chamam" | "highlights" | "highlighted" | "highlight"
            // `A análise do BofA sugere que os volumes… acima de 100 pontos-base`.
            | "sugere" | "sugerem" | "suggests" | "suggest"
    )
}

/// `the stock represented 4.4% of the Nasdaq`, `responde por 12% do Ibovespa`: the figure after
/// these words (the last few of `before`) is a company's weight in an index, not the index's.
pub(super) fn weight_in(before: &[Token]) -> bool {
    before.iter().rev().take(4).any(|w| {
        matches!(
            &*w.key,
            "represented"
                | "represents"
                | "represent"
                | "accounts"
                | "accounted"
                | "representa"
                | "representava"
                | "responde"
                | "respondia"
                | "weighs"
                | "weighting"
                | "weight"
                | "peso"
                // `IBM contributed 59 percent of the Dow’s gain`, `gets credit for 40 percent of
                // the index's advance`: the company's share of the index's move.
                | "contributed"
                | "contributing"
                | "contributes"
                | "credit"
                | "contribuiu"
                | "contribuicao"
        )
    })
}

/// A picture's or a table's credit line, as pages pasted from the web carry them (`Image source:
/// Getty Images.`, `Foto: Reuters`, `Fonte: Economatica`): its names are no subject.
pub(super) fn is_credit_line(text: &str, words: &[Token]) -> bool {
    let opener = match words {
        [first, second, ..] if matches!((&*first.key, &*second.key), ("image" | "photo", "source" | "credit")) => {
            second
        }
        [first, ..]
            if matches!(&*first.key, "photo" | "foto" | "imagem" | "source" | "fonte" | "credit" | "credito") =>
        {
            first
        }
        _ => return false,
    };
    text[opener.end..].trim_start().starts_with(':')
}

/// Words opening a clause of contrast before the main one (`Enquanto…, `, `While…, `).
pub(super) fn is_contrast_opener(key: &str) -> bool {
    matches!(key, "enquanto" | "while" | "whereas" | "although" | "though" | "embora")
}

/// The subject of the nearest of the `back` sentences before, unless one of them ends the carry
/// first (`ends_carry`: about an index, a sector or a counted group) or opens on a company the
/// lexicon does not know (`opens_unlisted`).
pub(super) fn earlier_subject(
    i: usize,
    back: usize,
    subjects: &[Option<&Mention>],
    ends_carry: &dyn Fn(usize) -> bool,
    opens_unlisted: &dyn Fn(usize) -> bool,
) -> Vec<Symbol> {
    for j in (i.saturating_sub(back)..i).rev() {
        if opens_unlisted(j) {
            return Vec::new();
        }
        if let Some(m) = subjects[j] {
            return vec![m.symbol.clone()];
        }
        if ends_carry(j) {
            return Vec::new();
        }
    }
    Vec::new()
}

/// Whether `words` point to the stock of the company under discussion: `the stock`, `the issue`,
/// `its shares` (not `the stock market`, `the issue of tariffs`).
pub(super) fn points_to_the_stock(words: &[Token]) -> bool {
    (0..words.len().saturating_sub(1)).any(|k| {
        let (first, second) = (&*words[k].key, &*words[k + 1].key);
        let goes_on = words.get(k + 2).is_some_and(|n| matches!(&*n.key, "market" | "markets" | "exchange" | "of"));
        matches!((first, second), ("the", "stock" | "issue" | "shares") | ("its", "stock" | "shares")) && !goes_on
    })
}

/// `Intel competitor AMD`, `Google parent Alphabet`: the company named right after `m` and a word
/// of relation, which heads the phrase.
pub(super) fn related_after<'m>(text: &str, words: &[Token], m: &Mention, named: &'m [Mention]) -> Option<&'m Mention> {
    let next = words.partition_point(|w| w.start < m.span.end);
    let relation = words.get(next).filter(|w| {
        text[m.span.end..w.start] == *" "
            && matches!(&*w.key, "competitor" | "rival" | "peer" | "parent" | "supplier" | "customer" | "partner")
    })?;
    named.iter().find(|o| o.span.start > relation.end && text[relation.end..o.span.start] == *" ")
}

/// `Apple rose 2% as the market gained 200 points`: points past a word of the market between the
/// company (ending at byte `from`) and the figure (at `at`) are not the company's. (Only the last
/// few bytes before the figure are read.)
pub(super) fn points_elsewhere(text: &str, from: usize, at: usize) -> bool {
    let from = from.max(text.ceil_char_boundary(at.saturating_sub(120)));
    text[from..at].to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(w, "market" | "stocks" | "average" | "index" | "dow" | "nasdaq" | "mercado" | "bolsa" | "ibovespa")
    })
}

/// Between a share-class code and its figure: a comma, a colon or a sign only (`PETR3, +4,82%`).
pub(super) fn is_code_gap(gap: &str) -> bool {
    gap.len() <= 4 && gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | ':' | '+' | '-' | '='))
}

/// Whether a stretch of a sentence starts another clause (`…3,7%, enquanto a da Hapvida…`).
pub(super) fn breaks_clause(gap: &str) -> bool {
    gap.contains(';')
        || gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
            ["while", "whereas", "enquanto", "but", "mas", "although", "embora"]
                .iter()
                .any(|b| w.len() == b.len() && w.eq_ignore_ascii_case(b))
        })
}

/// `com suas ações aumentando 1,89%`, `with its shares up 2%`: a possessive and a share word
/// within the last few words before a figure.
pub(super) fn own_shares_before(before: &[Token]) -> bool {
    let last = &before[before.len().saturating_sub(5)..];
    last.windows(2).any(|p| matches!(&*p[0].key, "suas" | "seus" | "sua" | "seu" | "its") && is_share_word(&p[1].key))
}

/// `Bank of America's shares`: the text right after a name is its possessive and a word for its
/// shares.
pub(super) fn own_shares_after(after: &str) -> bool {
    let rest = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s "));
    rest.is_some_and(|r| r.starts_with("shares") || r.starts_with("stock"))
}

/// `a companhia`, `a mineradora`, `the company`: the company under discussion, by a noun.
pub(super) fn names_the_company(article: &str, noun: &str) -> bool {
    matches!(article, "a" | "o" | "the" | "da" | "do" | "pela" | "pelo")
        && matches!(
            noun,
            "companhia" | "empresa" | "mineradora" | "petroleira" | "siderurgica" | "varejista" | "company" | "miner"
        )
}

/// `The company reported…`, `The Calgary-based company…`, `A companhia registrou…`: a sentence
/// (its words) opening on the company under discussion, an article and its noun with at most two
/// words between.
pub(super) fn opens_on_the_company(words: &[Token]) -> bool {
    let Some(article) = words.first() else { return false };
    words.iter().take(4).skip(1).any(|w| names_the_company(&article.key, &w.key))
}

/// Between a move and the level it reached: `to`, `para`, `a`, `at` (`fell 2.7% to $29.19`,
/// `caía 4,89%, a R$ 11,68`).
pub(super) fn is_move_to(gap: &str) -> bool {
    matches!(gap.trim().trim_start_matches(',').trim(), "to" | "para" | "a" | "at" | "to a" | "para a")
}

/// Whether a company is named between `from` and `at`.
pub(super) fn before_mentions_within(own: &[&Mention], from: usize, at: usize) -> bool {
    own[own.partition_point(|m| m.span.start < from)..]
        .iter()
        .take_while(|m| m.span.start < at)
        .any(|m| m.span.end <= at)
}

/// `a ação estava cotada a R$ 12,07`, `the stock was quoted at`: a stock and its quote among
/// `words` (not `o dólar fechou cotado a R$ 5,10`).
pub(super) fn quoted_stock_before(words: &[Token]) -> bool {
    let quote = words.iter().position(|w| matches!(&*w.key, "cotada" | "cotado" | "cotadas" | "cotados" | "quoted"));
    quote.is_some_and(|q| words[..q].iter().rev().take(4).any(|w| is_share_word(&w.key)))
}

/// `as ações da Cogna dispararam 6,42% no Ibovespa`, `subia 5% fora do Ibovespa`: a company's own
/// move, right after its verb, says only where it trades (`before` are the sentence's companies
/// before the figure, `words_before` its words).
pub(super) fn moved_in(words_before: &[Token], before: &[&&Mention]) -> bool {
    !before.is_empty() && words_before.last().is_some_and(|w| is_move_verb(&w.key))
}

/// Whether a sentence (its `words`) speaks of the market's turnover (not a stock's own volume
/// after its quote: `a ação estava cotada a R$ 12,07… e um volume negociado de R$ 48,3 milhões`), an
/// analyst's record (`a 67.3% success rate`) or, naming no company (`alone`), an exchange's volume.
pub(super) fn market_or_analyst_record(words: &[Token], alone: bool) -> bool {
    words.windows(2).enumerate().any(|(k, p)| {
        is_market_turnover(&p[0].key, &p[1].key) && !(p[0].key == "volume" && quoted_stock_before(&words[..k]))
            || matches!((&*p[0].key, &*p[1].key), ("success", "rate") | ("average", "return"))
    }) || (alone && is_exchange_volume(words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figure_tickers::{attributed, owned};

    #[test]
    fn companies_named_for_comparison_are_not_the_subject() {
        let text = "Shares of Cisco Systems Inc (NASDAQ:CSCO) are down 0.7%. Citi downgraded the tech giant, \
                    trimming its price target to $45 from $65, as competitors such as Juniper Networks (JNPR) \
                    and Arista Networks (ANET) ramp up. The consensus target price of $63.83 is a 24.2% premium.";
        assert_eq!(
            attributed(text),
            owned(&[
                ("0.7%", &["CSCO"]),
                ("$45", &["CSCO"]),
                ("$65", &["CSCO"]),
                ("$63.83", &["CSCO"]),
                ("24.2%", &["CSCO"])
            ])
        );
    }

    #[test]
    fn a_stake_is_about_both_companies() {
        let text = "A Cosan detém 30,3% do capital total da Rumo. A Cosan subiu 2%.";
        assert_eq!(attributed(text), owned(&[("30,3%", &["CSAN3", "RAIL3"]), ("2%", &["CSAN3"])]));
        let text = "Intel said it would sell about $1.5 billion in shares of Mobileye.";
        assert_eq!(attributed(text), owned(&[("$1.5 billion", &["INTC", "MBLY"])]));
    }

    #[test]
    fn a_broker_commenting_and_an_index_in_an_aside_take_no_figure() {
        let text = "O lucro da WEG somou R$ 1,3 bilhão. O BTG Pactual observa que o faturamento cresceu pouco \
                    (3% na base anual).";
        assert_eq!(attributed(text), owned(&[("R$ 1,3 bilhão", &["WEGE3"]), ("3%", &["WEGE3"])]));
        let text = "As ações da Suzano (SUZB3), que iniciaram a jornada puxadas pela valorização do dólar, \
                    agora operam em queda de 2,61%.";
        assert_eq!(attributed(text), owned(&[("2,61%", &["SUZB3"])]));
        let text = "As ações ordinárias da mineradora Vale – que têm forte peso no índice Ibovespa –, por sua \
                    vez, fecharam com alta de 2,45%. A Bolsa de São Paulo subiu 3,23%.";
        assert_eq!(attributed(text), owned(&[("2,45%", &["VALE3"]), ("3,23%", &[])]));
        let text = "Os papéis da Petrobras negociam R$ 270 milhões, do total de R$ 863 milhões da Bovespa.";
        assert_eq!(attributed(text), owned(&[("R$ 270 milhões", &["PETR4"]), ("R$ 863 milhões", &[])]));
    }

    #[test]
    fn index_codes_rankings_and_commodity_words_in_their_place() {
        let text = "ORCL stock has declined 5.9%, while the broader S&P 500 Index ( $SPX ) has gained 15.5%.";
        assert_eq!(attributed(text), owned(&[("5.9%", &["ORCL"]), ("15.5%", &[])]));
        let text = "Vale e Eletrobrás figuravam na lista de maiores altas do Ibovespa. O índice subia 1,84%.";
        assert_eq!(attributed(text), owned(&[("1,84%", &[])]));
        let text = "Bank of America upgraded Petrobras (NYSE:PBR) to buy. The firm has a $17.90 price \
                    objective on the oil and gas exploration company's stock.";
        assert_eq!(attributed(text), owned(&[("$17.90", &["PETR4"])]));
    }

    #[test]
    fn a_bank_reporting_its_results_is_the_subject() {
        let text = "O Itaú Unibanco (BOV:ITUB4) divulgou seu lucro recorrente no segundo trimestre, de R$ 6,169 \
                    bilhões. O lucro cresceu 10,65% em relação ao mesmo período do ano passado.";
        assert_eq!(attributed(text), owned(&[("R$ 6,169 bilhões", &["ITUB4"]), ("10,65%", &["ITUB4"])]));
        let text = "O Citi elevou o Banco do Brasil (BBAS3) para compra. Para 2026, o Citi projeta lucro de \
                    R$ 29,3 bilhões. As ações embutem um retorno de 12%.";
        assert_eq!(attributed(text), owned(&[("R$ 29,3 bilhões", &["BBAS3"]), ("12%", &["BBAS3"])]));
    }

    #[test]
    fn a_figure_after_a_comparison_is_the_subject_s_unless_it_is_the_compared_one_s() {
        let text = "A Embraer, a terceira maior fabricante de aviões do mundo, atrás da Boeing e da Airbus, \
                    afirmou que sua carteira de pedidos subiu 13% no trimestre.";
        assert_eq!(attributed(text), owned(&[("13%", &["EMBR3"])]));
        let text = "AWS revenue at Amazon rose 17.5%, trailing behind Microsoft Azure's 39% growth.";
        assert_eq!(attributed(text), owned(&[("17.5%", &["AMZN"]), ("39%", &["MSFT"])]));
    }

    #[test]
    fn a_commodity_after_a_figure_and_a_company_far_after_it() {
        let text = "A Suzano caiu 2%. Relatório da Ágora aponta para queda de 3,6% nos preços da celulose.";
        assert_eq!(attributed(text), owned(&[("2%", &["SUZB3"]), ("3,6%", &[])]));
        let text = "Apple shares were down 3.6% on Friday. The stock has lost a quarter of its value since \
                    hitting a high of $705.07 on September 21, as it faces competition from phones using \
                    Google Inc's Android operating system.";
        assert_eq!(attributed(text), owned(&[("3.6%", &["AAPL"]), ("$705.07", &["AAPL"])]));
    }

    #[test]
    fn a_level_reached_by_a_move_is_about_what_moved() {
        let text = "Exxon Mobil gained 2.8 percent although Brent crude oil prices fell 2.7 percent to $29.19.";
        assert_eq!(attributed(text), owned(&[("2.8 percent", &["XOM"]), ("2.7 percent", &[]), ("$29.19", &[])]));
        let text = "Por volta das 14h30, o papel da Vale caía 4,89%, a R$ 11,68.";
        assert_eq!(attributed(text), owned(&[("4,89%", &["VALE3"]), ("R$ 11,68", &["VALE3"])]));
    }

    #[test]
    fn a_broker_forecasting_is_not_what_its_figures_are_about() {
        let text = "As ações do Banco do Brasil subiram 3%. Analistas do Safra e do BTG Pactual reforçam o \
                    tom de cautela, com o BTG estimando lucro de R$ 3,35 bilhões no trimestre.";
        assert_eq!(attributed(text), owned(&[("3%", &["BBAS3"]), ("R$ 3,35 bilhões", &["BBAS3"])]));
        let text = "O UBS projeta os resultados do segundo trimestre de 2025 do BTG Pactual em R$ 3,7 bilhões.";
        assert_eq!(attributed(text), owned(&[("R$ 3,7 bilhões", &["BPAC11"])]));
    }

    #[test]
    fn a_company_named_as_a_cause_is_not_what_a_figure_is_about() {
        assert!(names_a_cause(" last night due to concerns that chip shortages at "));
        assert!(names_a_cause(" devido ao resultado da "));
        assert!(!names_a_cause(" after "));
        let text = "Apple stock has been jumping around. Falling from $605.23 to $580.13 on 16 April, due to \
                    concerns that chip shortages at Qualcomm could lead to iPhone supply constraints.";
        assert_eq!(attributed(text), owned(&[("$605.23", &["AAPL"]), ("$580.13", &["AAPL"])]));
    }

    #[test]
    fn a_text_that_opens_before_its_company_looks_ahead_but_not_past_an_unknown_name() {
        let text = "Citi raised its price target from $80 to $103. The stock closed Wednesday at $103. \
                    Lejuez said Target's quarterly results show that its investments are paying off.";
        assert_eq!(attributed(text), owned(&[("$80", &["TGT"]), ("$103", &["TGT"]), ("$103", &["TGT"])]));
        let text = "No mês, o Ibovespa segue no negativo. No ano, ainda cede 3,77%. A Petrobras subiu 2%.";
        assert_eq!(attributed(text), owned(&[("3,77%", &[]), ("2%", &["PETR4"])]));
        let text = "A líder de alta do Ibovespa foi Fibria, com um salto de 7,2%. Outro destaque foi Braskem, \
                    com valorização de 5,5%.";
        assert_eq!(attributed(text), owned(&[("7,2%", &[]), ("5,5%", &["BRKM5"])]));
    }

    #[test]
    fn the_main_clause_s_company_is_the_subject_after_a_clause_of_contrast() {
        let text = "Enquanto a TIM (TIMS3) caía, a Cogna (COGN3) respirou aliviada. O BTG Pactual elevou a \
                    recomendação da empresa para compra, com um potencial de alta de 40%.";
        assert_eq!(attributed(text), owned(&[("40%", &["COGN3"])]));
        let text = "Embora o lucro de R$ 1,2 bilhão da Vale (VALE3) tenha decepcionado, a Petrobras (PETR4) \
                    subiu. A empresa ganhou 3%.";
        assert_eq!(attributed(text), owned(&[("R$ 1,2 bilhão", &["VALE3"]), ("3%", &["PETR4"])]), "a decimal comma");
        let text = "While Apple, Microsoft and Alphabet slipped, Nvidia rose. The company gained 3%.";
        assert_eq!(attributed(text), owned(&[("3%", &["NVDA"])]), "a list's commas");
    }

    #[test]
    fn a_credit_line_names_no_subject() {
        let text = "Hawaiian Electric (HE) fell 2.5% after a downgrade.\nImage source: Getty Images.\nThe \
                    analyst lopped $1 off his price target for the stock.";
        assert_eq!(attributed(text), owned(&[("2.5%", &["HE"]), ("$1", &["HE"])]));
    }
}
