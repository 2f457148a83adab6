//! Groups of companies a sentence opens on (`As 24 instituições listadas lucraram…`, `O lucro das
//! 327 empresas brasileiras…`, `The 17 retailers…`), a sector's or a kind's shares (`bank stocks`,
//! `Some banks saw shares fall`) and the companies a count or `those companies` points back to:
//! the figures of such a sentence are the group's, no one company's (for attribution).

use super::mentions::{Mention, is_broker};
use super::tokens::Token;
use crate::model::Symbol;

/// `As 24 instituições listadas lucraram, ao todo, R$ 21,6 bilhões`, `The 17 retailers tracked
/// by Thomson Reuters reported growth of 0.8%`, `Das 59 ações que compõem o Ibovespa`: whether a
/// sentence (its words `own`) opens on a counted group of companies, its subject. In a sentence
/// naming no company before a figure, the figure is the group's, no one company's. So is a
/// group's result, counted or not ([`opens_on_a_group`]).
pub(super) fn opens_on_a_counted_group(text: &str, own: &[Token]) -> bool {
    // Past an opening phrase up to its comma, once (`Com 49,4 bilhões de reais de lucro em 2011, os
    // 25 bancos… somados tiveram…`, `Sem essas duas empresas, o lucro geral das companhias…`).
    if own.first().is_some_and(|w| is_opener(&w.key))
        && let Some(k) = (1..own.len().min(12)).find(|&k| text[own[k - 1].end..own[k].start].contains(", "))
        && counted_group_at(text, &own[k..])
    {
        return true;
    }
    counted_group_at(text, own)
}

/// `O setor bancário é o de maior lucratividade…`, `Dos 26 setores analisados…`: whether a
/// sentence (its words) is about a sector or a counted group, so that the subject of an earlier
/// sentence is not carried past it: one opening on an article or `dos` and naming a sector within
/// its first words (`O restante do setor`), not in passing (a heading's `BB: resiliência do
/// setor`), or one opening on a counted group.
pub(super) fn about_a_group(text: &str, words: &[Token]) -> bool {
    words.first().is_some_and(|w| matches!(&*w.key, "o" | "os" | "dos" | "the"))
        && words[1..words.len().min(4)].iter().any(|w| matches!(&*w.key, "setor" | "sector" | "setores" | "sectors"))
        || opens_on_a_counted_group(text, words)
}

/// Whether `own` opens on a counted group of companies (`As 24 instituições`, `the 17 retailers`).
fn counted_group_at(text: &str, own: &[Token]) -> bool {
    if opens_on_a_group(own) {
        return true;
    }
    // The number first, or after an article (`As 24`, `The 17`, `Das 59`).
    let at = match own {
        [first, ..] if first.is_digits() => 0,
        [article, number, ..]
            if number.is_digits() && matches!(&*article.key, "as" | "os" | "das" | "dos" | "the" | "nas" | "nos") =>
        {
            1
        }
        _ => return false,
    };
    let number = &own[at];
    if number.text.len() > 4
        || number.text.parse::<u32>().is_ok_and(|n| n < 2)
        || text[number.end..].starts_with(['%', ',', '.'])
    {
        return false;
    }
    // The noun right after the number, or past one word (`24 instituições listadas`, `the 17
    // retailers`, `As 24 maiores empresas`).
    let Some(noun) = own[at + 1..].iter().take(2).position(|w| is_companies_noun(&w.key)) else { return false };
    let between = &own[at + 1..at + 1 + noun];
    // (Stocks and shares are counted with an article: `Das 59 ações`, not `100 ações`.)
    let counted = !is_stocks_noun(&own[at + 1 + noun].key) || at == 1;
    own[at + 1..=at + 1 + noun].iter().all(|w| w.joins_previous)
        && counted
        && !between.iter().any(|w| is_scale_word(&w.key))
}

/// A word opening a phrase before a sentence's subject (`Com…`, `Considerando as duas,`, `Sem
/// essas duas empresas,`).
fn is_opener(key: &str) -> bool {
    matches!(
        key,
        "com" | "with" | "em" | "in" | "apos" | "after" | "considerando" | "sem" | "excluindo" | "excluding" | "ao"
    )
}

/// `O lucro das 327 empresas brasileiras… somou R$ 55 bilhões`, `O lucro líquido das companhias
/// de capital aberto subiu 48,5%`, `As mesmas empresas registraram lucro de R$ 37 bilhões`,
/// `Earnings of the 17 retailers rose 2%`: whether a sentence (its words `own`) opens on a group
/// of companies or on a result of theirs, its subject, counted or not.
fn opens_on_a_group(own: &[Token]) -> bool {
    let article = |w: &Token| matches!(&*w.key, "o" | "a" | "os" | "as" | "the");
    let mut k = usize::from(own.first().is_some_and(article));
    // `As mesmas empresas`, `The same companies`.
    if own.get(k).is_some_and(|w| matches!(&*w.key, "mesmas" | "mesmos" | "same"))
        && own.get(k + 1).is_some_and(|w| is_companies_noun(&w.key))
    {
        return true;
    }
    // `As empresas brasileiras de capital aberto registraram…`, `as empresas de capital aberto
    // teriam lucrado…`: the listed companies as a whole.
    if own.get(k).is_some_and(|w| matches!(&*w.key, "empresas" | "companhias")) && listed_as_a_whole(&own[k + 1..]) {
        return true;
    }
    if !own.get(k).is_some_and(|w| is_result_noun(&w.key)) {
        return false;
    }
    k += 1;
    // (`O lucro líquido das…`, `Net earnings of the…`: one word may qualify the result.)
    k += usize::from(own.get(k).is_some_and(|w| matches!(&*w.key, "liquido" | "net" | "operacional" | "total")));
    let of = match (own.get(k).map(|w| &*w.key), own.get(k + 1).map(|w| &*w.key)) {
        (Some("das" | "dos"), _) => 1,
        (Some("of"), Some("the")) => 2,
        (Some("of"), _) => 1,
        _ => return false,
    };
    k += of;
    k += usize::from(own.get(k).is_some_and(|w| w.is_digits()));
    own.get(k).is_some_and(|w| is_companies_noun(&w.key) && !is_stocks_noun(&w.key))
}

/// `de capital aberto`, `brasileiras de capital aberto`, `listadas na bolsa`: the words after
/// `empresas` that make them the listed companies as a whole.
fn listed_as_a_whole(after: &[Token]) -> bool {
    let k = usize::from(after.first().is_some_and(|w| matches!(&*w.key, "brasileiras" | "nacionais")));
    match after.get(k..k + 3) {
        Some([of, capital, open]) => of.key == "de" && capital.key == "capital" && open.key == "aberto",
        _ => after.get(k).is_some_and(|w| w.key == "listadas"),
    }
}

/// A company's result as a group's subject (`lucro`, `receita`, `earnings`).
fn is_result_noun(key: &str) -> bool {
    matches!(
        key,
        "lucro"
            | "lucros"
            | "receita"
            | "receitas"
            | "faturamento"
            | "resultado"
            | "resultados"
            | "vendas"
            | "earnings"
            | "profit"
            | "profits"
            | "revenue"
            | "revenues"
            | "sales"
            | "income"
    )
}

/// Plural nouns for companies (folded), as a count names them.
#[rustfmt::skip]
fn is_companies_noun(key: &str) -> bool {
    matches!(key,
        "companies" | "firms" | "banks" | "retailers" | "lenders" | "insurers" | "carriers" | "airlines" | "stocks"
            | "components" | "constituents" | "members" | "empresas" | "companhias" | "instituicoes" | "bancos"
            | "varejistas" | "construtoras" | "acoes" | "papeis" | "emissoras" | "seguradoras" | "incorporadoras"
    )
}

/// The nouns of the group that may also count shares (`100 ações`).
fn is_stocks_noun(key: &str) -> bool {
    matches!(key, "stocks" | "acoes" | "papeis")
}

/// Words of scale between a number and its noun (`10 milhões de ações` are shares, not stocks).
fn is_scale_word(key: &str) -> bool {
    matches!(
        key,
        "mil" | "milhoes" | "milhao" | "bilhoes" | "bilhao" | "thousand" | "million" | "billion" | "de" | "of"
    )
}

/// `bank stocks`, `other stocks`, `tech shares`, `S&P 500 stocks`: the shares of a sector or of
/// many companies (folded words).
pub(super) fn is_sector_shares(first: &str, second: &str) -> bool {
    matches!(second, "stocks" | "shares")
        && matches!(
            first,
            "bank"
                | "banking"
                | "financial"
                | "tech"
                | "technology"
                | "chip"
                | "semiconductor"
                | "airline"
                | "energy"
                | "oil"
                | "retail"
                | "retailer"
                | "mining"
                | "steel"
                | "utility"
                | "auto"
                | "other"
                | "several"
                | "many"
                | "most"
                | "50"
                | "100"
                | "500"
        )
}

/// `Some banks saw shares fall`, `the two dozen banks`, `muitos bancos`: a group of companies
/// of a kind, none named (two folded words in a row).
pub(super) fn is_group_of_a_kind(first: &str, second: &str) -> bool {
    matches!(
        first,
        "some"
            | "many"
            | "several"
            | "most"
            | "other"
            | "dozen"
            | "regional"
            | "muitos"
            | "alguns"
            | "varios"
            | "outros"
    ) && (is_companies_noun(second) || matches!(second, "miners" | "chipmakers" | "automakers" | "mineradoras"))
}

/// `those companies`, `these stocks`, `essas empresas`, `ambas`: the companies just named.
pub(super) fn is_those_companies(first: &str, second: &str) -> bool {
    matches!(first, "those" | "these" | "both" | "essas" | "estas" | "ambas" | "ambos")
        && matches!(second, "companies" | "stocks" | "names" | "empresas" | "companhias" | "acoes" | "as" | "os")
}

/// `o lucro líquido dos 4 maiores bancos`, `O valor de mercado das três empresas`: the companies
/// a count before a plural company noun names (two to six) in a sentence's `words`, as many as
/// the last named `before` it (only banks for `bancos`, `banks`, `lenders`).
pub(super) fn counted_companies(words: &[Token], before: &[Mention]) -> Option<Vec<Symbol>> {
    let (n, banks) = counted(words)?;
    let mut all: Vec<Symbol> = Vec::new();
    let kind = |m: &&Mention| if banks { is_broker(&m.symbol) } else { !is_broker(&m.symbol) };
    for m in before.iter().rev().filter(|m| !m.rates && !m.speaks && kind(m)) {
        if all.len() < n && !all.contains(&m.symbol) {
            all.push(m.symbol.clone());
        }
    }
    all.reverse();
    (all.len() == n).then_some(all)
}

/// How many companies a count names, and whether they are banks.
fn counted(words: &[Token]) -> Option<(usize, bool)> {
    words.windows(3).find_map(|p| {
        let n = match &*p[0].key {
            "dois" | "duas" | "two" | "2" => 2,
            "tres" | "three" | "3" => 3,
            "quatro" | "four" | "4" => 4,
            "cinco" | "five" | "5" => 5,
            "seis" | "six" | "6" => 6,
            _ => return None,
        };
        let noun =
            |w: &Token| matches!(&*w.key, "bancos" | "empresas" | "companhias" | "banks" | "companies" | "lenders");
        let between = matches!(&*p[1].key, "maiores" | "grandes" | "principais" | "biggest" | "largest" | "big");
        let noun = [&p[1], &p[2]].into_iter().take(1 + usize::from(between)).find(|w| noun(w))?;
        Some((n, matches!(&*noun.key, "bancos" | "banks" | "lenders")))
    })
}
