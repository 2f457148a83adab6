//! Where a figure is an index's, not a company's: index and currency words (`Nasdaq`,
//! `Ibovespa`, `dólar`), the exchange as a subject (`A Bolsa de São Paulo subiu 3,23%`), a rating
//! agency that is no index (`rebaixado pela S&P`), an index named after a ranking (`as maiores
//! baixas do Ibovespa`: where a company stands) and an index just after a figure (`an 18.15% loss
//! for the benchmark index`).

use std::ops::Range;

use super::attribution_clauses::in_aside;
use super::company_context::is_move_verb;
use super::mentions::{Mention, mentions_within};
use super::tokens::Token;

/// Where the indexes (`the Nasdaq`, `o Ibovespa`, `the exchange`, `141.422 pontos`) a text's
/// `words` name start, in order: not an agency, a listing venue, a line of the accounts, a
/// company's ratio or a statistic of prices, a symbol written after its company's name, a word in
/// an aside or inside a company's name, nor an index a ranking names (`mentions`: the companies
/// found, in text order).
pub(super) fn index_starts(text: &str, words: &[Token], mentions: &[Mention]) -> Vec<usize> {
    let mentions_in = |r: &Range<usize>| mentions_within(mentions, r);
    // `Dow Inc. DOW, +2.11%`: the company's symbol written after its name is no index.
    let symbol_after_name = |w: &Token| {
        w.upper
            && mentions_in(&(w.start.saturating_sub(16)..w.start)).iter().any(|m| {
                m.symbol.as_str() == w.text
                    && m.span.end <= w.start
                    && text[m.span.end..w.start].trim_matches([' ', '.']).is_empty()
            })
    };
    words
        .iter()
        .enumerate()
        .filter(|(k, w)| {
            (is_index_at(text, w) || is_the_exchange(words, *k) || is_index_level_at(words, *k))
                && !is_agency_at(words, *k)
                && !is_listing_venue(words, *k)
                && !is_accounting_term(words, *k)
                && !is_company_ratio(words, *k)
                && !is_price_statistic(words, *k)
                && !symbol_after_name(w)
                && !in_aside(text, w.start)
                && !mentions_in(&(w.start.saturating_sub(64)..w.end)).iter().any(|m| m.span.end > w.start)
                && !ranks_within(text, &words[..*k], &words[*k + 1..])
        })
        .map(|(_, w)| w.start)
        .collect()
}

/// Whether a sentence (its `words`) names the economy anywhere (`IBGE`, `inflação`, a statistic
/// of prices, the market's turnover), and where it first names a whole sector or the economy
/// (`a China anunciou que sua economia cresceu 4,9%`, not `o lucro subiu 5%, apesar da economia
/// fraca`: only before a figure; `o TAM total de semicondutores… US$ 563 bilhões`: a market's size).
pub(super) fn economy_sentence(words: &[Token]) -> (bool, Option<usize>) {
    let economy = words.iter().any(|w| is_macro_word(&w.key))
        || (0..words.len()).any(|k| is_price_statistic(words, k))
        || words.windows(2).any(|p| is_market_turnover(&p[0].key, &p[1].key));
    let sector = words
        .iter()
        .find(|w| matches!(&*w.key, "setor" | "sector" | "economia" | "economy") || w.text == "TAM")
        .map(|w| w.start);
    (economy, sector)
}

/// An index or currency word, `S&P` (three words: `S`, `&`, `P`) included; `(NASDAQ:INTC)`,
/// `(Nasdaq: AAPL)`: an exchange's name before a symbol is no index.
pub(super) fn is_index_at(text: &str, w: &Token) -> bool {
    // (Not `esses índices continuem a subir`, `these indexes`: ratios pointed back to.)
    // (Only the word before is read, in place: the text before may be long.)
    let pointed_back = || {
        let before = text[..w.start].trim_end();
        ["esses", "estes", "these", "those", "tais"].iter().any(|d| {
            let cut = before.len().saturating_sub(d.len());
            before.is_char_boundary(cut)
                && before[cut..].eq_ignore_ascii_case(d)
                && !before[..cut].ends_with(|c: char| c.is_alphanumeric())
        })
    };
    (is_index_word(&w.key) && !text[w.end..].starts_with(':') && !pointed_back())
        || is_sector_fund(text, w)
        || (w.key == "s" && text[w.end..].starts_with("&P"))
        // `The 30-stock average`, `the blue-chip average`.
        || (w.key == "average"
            && ["stock", "chip", "industrial", "Industrial"].iter().any(|b| text[..w.start].trim_end().ends_with(b)))
}

/// `the iShares Semiconductor ETF, which gained 61%`: a fund named as a sector's measure, its
/// `ETF` heading a capitalised name and closing it (not `ETF inflows`, `its ETFs rose`, `ARK
/// Innovation ETF bought shares`).
fn is_sector_fund(text: &str, w: &Token) -> bool {
    if w.key != "etf" {
        return false;
    }
    // (The word before, read back to its space only.)
    let before = text[..w.start].trim_end_matches(' ');
    let word_start = before.len() - before.bytes().rev().take(64).take_while(|&b| b != b' ').count();
    let named = before.is_char_boundary(word_start) && before[word_start..].starts_with(char::is_uppercase);
    let after = text[w.end..].trim_start_matches(' ');
    named
        && (after.is_empty()
            || after.starts_with([',', '.', ';', ')'])
            || ["which ", "that ", "rose ", "fell ", "gained ", "lost ", "climbed ", "dropped ", "was ", "is ", "has "]
                .iter()
                .any(|v| after.starts_with(v)))
}

/// `fechou em 141.422 pontos`, `closed at 5,000 points`: an index's level, which makes its
/// sentence about the index (not `3,2 pontos percentuais`, `50 basis points`, `220 pontos-base`,
/// nor a rate's points: `a taxa de ocupação recuou 4,9 pontos`, `its margin widened 2 points`).
pub(super) fn is_index_level_at(words: &[Token], k: usize) -> bool {
    matches!(&*words[k].key, "pontos" | "points" | "pts")
        && k > 0
        && words[k - 1].key.bytes().all(|b| b.is_ascii_digit())
        && !words.get(k + 1).is_some_and(|n| names_other_points(&n.key))
        && !names_a_rate(&words[k.saturating_sub(8)..k])
}

/// The word after `pontos`/`points` that makes them no index's (`pontos percentuais`, `pontos-base`,
/// `pontos básicos`).
pub(super) fn names_other_points(key: &str) -> bool {
    matches!(key, "percentuais" | "percentual" | "base" | "basicos")
}

/// A rate or a margin among `words` (`a taxa de ocupação`, `its gross margin`): points after it
/// are the rate's.
pub(super) fn names_a_rate(words: &[Token]) -> bool {
    words.iter().any(|w| matches!(&*w.key, "taxa" | "margem" | "ocupacao" | "participacao" | "rate" | "margin"))
}

/// `A Bolsa de São Paulo subiu 3,23%`, `a bolsa brasileira`: the exchange as a subject moves with
/// its index (`na bolsa`, `da Bolsa` only say where shares trade).
pub(super) fn is_the_exchange(words: &[Token], k: usize) -> bool {
    words[k].key == "bolsa" && k > 0 && matches!(&*words[k - 1].key, "a" | "the")
}

/// `As ações da Stone (STNE) negociadas na Nasdaq chegaram a US$ 15,75`, `shares listed on the
/// Nasdaq`: the exchange a stock trades on, not its index.
pub(super) fn is_listing_venue(words: &[Token], k: usize) -> bool {
    let key = |j: usize| k.checked_sub(j).map_or("", |j| &*words[j].key);
    // Past `the` (`listed on the Nasdaq`), the preposition, then the verb of trading.
    let at = if key(1) == "the" { 2 } else { 1 };
    // `caíram 1,28% na Bovespa`, `rose 2% on the Nasdaq`: where shares trade (the index is `no
    // Ibovespa`, `in the Nasdaq`).
    // (`saltavam 7,08% na Nasdaq`: the exchange, `a Nasdaq`.)
    let venue = matches!(key(0), "bovespa" | "b3" | "nasdaq" | "nyse") && key(1) == "na"
        || matches!(key(0), "nasdaq" | "nyse") && key(1) == "the" && key(2) == "on"
        // `as ações da Cogna dispararam 6,42% no Ibovespa`, `subia 5% fora do Ibovespa`: a move's
        // figure, right after its verb, then where the stock trades.
        || (key(1) == "no" || key(1) == "do" && key(2) == "fora")
            && (2..=6).any(|j| is_move_verb(key(j)))
            && (2..=3).any(|j| key(j).bytes().all(|b| b.is_ascii_digit()) && !key(j).is_empty());
    venue
        || matches!(key(at), "na" | "no" | "em" | "on")
            && matches!(
                key(at + 1),
                "negociadas"
                    | "negociada"
                    | "negociados"
                    | "listadas"
                    | "listada"
                    | "listed"
                    | "traded"
                    | "trading"
                    | "trade"
            )
}

/// `o preço-alvo rebaixado pela S&P`, `downgraded by S&P`: the rating agency, not the index.
pub(super) fn is_agency_at(words: &[Token], k: usize) -> bool {
    words[k].key == "s" && k > 0 && matches!(&*words[k - 1].key, "pela" | "pelo" | "by")
}

/// `lucro antes de juros, impostos, depreciação e amortização` (or `antes do juros`), `earnings
/// before interest and taxes`, `pre-tax`, `receita líquida de juros`, a deferred tax: a tax or
/// interest word naming a line of a company's accounts, not the tax or the interest rate a market
/// figure is about (`income tax` and `imposto de renda` are as often a policy as a company's
/// expense: they keep their meaning).
pub(super) fn is_accounting_term(words: &[Token], k: usize) -> bool {
    if !matches!(&*words[k].key, "tax" | "taxes" | "imposto" | "impostos" | "juros") {
        return false;
    }
    // `receita líquida de juros`, `despesas de juros`: a bank's interest income or a company's
    // interest expense.
    let income_of = k >= 2
        && words[k - 1].key == "de"
        && words[k.saturating_sub(4)..k - 1]
            .iter()
            .any(|w| matches!(&*w.key, "receita" | "receitas" | "despesa" | "despesas" | "margem"));
    if income_of || k > 0 && matches!(&*words[k - 1].key, "pre" | "after" | "deferred") {
        return true;
    }
    // `a parcela do imposto de renda diferido`: a deferred tax is a line of the accounts.
    if words[k + 1..].iter().take(3).any(|w| matches!(&*w.key, "diferido" | "diferidos")) {
        return true;
    }
    // Back to `before`/`antes`/`after`/`depois` through the line's other words only.
    words[..k]
        .iter()
        .rev()
        .take(6)
        .take_while(|w| {
            matches!(
                &*w.key,
                "before"
                    | "antes"
                    | "after"
                    | "depois"
                    | "apos"
                    | "de"
                    | "do"
                    | "dos"
                    | "and"
                    | "e"
                    | "interest"
                    | "juros"
                    | "taxes"
                    | "impostos"
                    | "depreciation"
                    | "depreciacao"
                    // (`antes de subtrair os juros, impostos…`, `before deducting the taxes`.)
                    | "subtrair"
                    | "deduzir"
                    | "descontar"
                    | "subtracting"
                    | "deducting"
                    | "os"
                    | "the"
            )
        })
        .any(|w| matches!(&*w.key, "before" | "antes" | "after" | "depois" | "apos"))
}

/// `as maiores baixas do Ibovespa`, `the best performer in the S&P 500`: an index named after a
/// ranking (`before` and `after`: the words around it) is where a company stands, not what a
/// figure is about — unless a clause of its own follows (`os ganhos do Ibovespa hoje, que
/// avançava 1,04%`).
pub(super) fn ranks_within(text: &str, before: &[Token], after: &[Token]) -> bool {
    // `as únicas do Ibovespa que fecharam em queda`: the only ones of the index that moved so.
    let only = |k: usize| {
        before.len() > k && matches!(&*before[before.len() - 1 - k].key, "unicas" | "unica" | "unicos" | "unico")
    };
    if (only(0) || (only(1) && matches!(&*before[before.len() - 1].key, "do" | "da" | "no" | "na")))
        && after.iter().take(2).any(|w| matches!(&*w.key, "que"))
    {
        return true;
    }
    if after.iter().take(2).any(|w| matches!(&*w.key, "que" | "which" | "that")) {
        return false;
    }
    // `the year's second best S&P 500 performer`, `a Dow component`: the index names a rank or
    // a membership.
    let mut rest = after.iter().skip_while(|w| in_an_index_name(w));
    if rest.next().is_some_and(|w| {
        matches!(
            &*w.key,
            "performer"
                | "performers"
                | "component"
                | "components"
                | "member"
                | "members"
                | "constituent"
                | "heavyweight"
        )
    }) {
        return true;
    }
    // Not past the end of a sentence (`… maiores altas do Ibovespa. O índice subia 1,84%`), and
    // only the last few words matter.
    let before = &before[before.len().saturating_sub(12)..];
    let sentence_start = before
        .windows(2)
        .rposition(|p| text[p[0].end..p[1].start].contains(['.', '!', '?', '\n']))
        .map_or(0, |k| k + 1);
    let before = &before[sentence_start..];
    // (Past the index's other words: `in the Dow Jones Industrial Average`, `in the Standard &
    // Poor’s 500 Index`.)
    let mut back = before.iter().rev().skip_while(|w| {
        matches!(
            &*w.key,
            "the"
                | "o"
                | "a"
                | "jones"
                | "industrial"
                | "composite"
                | "&"
                | "p"
                | "standard"
                | "poor"
                | "s"
                | "todo"
                | "toda"
        ) || is_index_word(&w.key)
            || w.key.bytes().all(|b| b.is_ascii_digit())
    });
    // `Travelers (TRV) led the Dow with a 2.5% gain`, `lidera o Ibovespa`.
    if back.clone().next().is_some_and(|w| {
        matches!(&*w.key, "led" | "leads" | "leading" | "topped" | "tops" | "lidera" | "liderou" | "liderando")
    }) {
        return true;
    }
    let preposition_word = back.next();
    // `dentre as ações que compõem o Ibovespa`: among the stocks the index is made of.
    let among = || before.iter().rev().take(6).any(|w| matches!(&*w.key, "dentre" | "entre" | "among"));
    if preposition_word.is_some_and(|w| matches!(&*w.key, "compoe" | "compoem" | "integra" | "integram")) && among() {
        return true;
    }
    let preposition =
        preposition_word.is_some_and(|w| matches!(&*w.key, "do" | "da" | "no" | "na" | "of" | "in" | "on"));
    let (ranked, before_ranked) = (back.next(), back.next());
    // (`a maior queda do Ibovespa`, `the second-biggest gain in the S&P 500` rank; `a queda do
    // Ibovespa` is the index's own fall.)
    let biggest = before_ranked.is_some_and(|m| {
        matches!(&*m.key, "maior" | "pior" | "biggest" | "largest" | "steepest" | "sharpest" | "best" | "worst")
    });
    // `a alta mais expressiva do Ibovespa`: a superlative after the move.
    let superlative = ranked.is_some_and(|w| {
        matches!(&*w.key, "expressiva" | "expressivo" | "forte" | "intensa" | "acentuada" | "significativa")
    }) && before_ranked.is_some_and(|w| w.key == "mais");
    if preposition && superlative {
        return true;
    }
    // `o principal destaque negativo do Ibovespa`, `no topo do ranking positivo do Ibovespa`, `o
    // ranking do Ibovespa`, `no topo do índice setorial`, `at the top of the S&P 500`: the stock
    // that stood out in the index.
    let standout = ranked.is_some_and(|w| matches!(&*w.key, "positivo" | "negativo"))
        && before_ranked.is_some_and(|w| matches!(&*w.key, "destaque" | "destaques" | "ranking"))
        || ranked.is_some_and(|w| w.key == "ranking")
        // (Not `on top of the Nasdaq's 2% slide`.)
        || ranked.is_some_and(|w| matches!(&*w.key, "topo" | "top" | "bottom" | "lanterna"))
            && before_ranked.is_some_and(|w| matches!(&*w.key, "the" | "o" | "no" | "na" | "at" | "a"));
    if preposition && standout {
        return true;
    }
    // `fell the most in the Dow Jones Industrial Average`.
    if preposition && ranked.is_some_and(|w| w.key == "most") && before_ranked.is_some_and(|w| w.key == "the") {
        return true;
    }
    let moved = |key: &str| {
        matches!(
            key,
            "gain"
                | "gains"
                | "drop"
                | "drops"
                | "decline"
                | "declines"
                | "fall"
                | "advance"
                | "increase"
                | "ganho"
                | "avanco"
                | "valorizacao"
                | "desvalorizacao"
                | "perda"
        )
    };
    preposition
        && ranked.is_some_and(|w| {
            matches!(
                &*w.key,
                "baixas"
                    | "perdas"
                    | "losses"
                    | "altas"
                    | "quedas"
                    | "ganhos"
                    | "desempenho"
                    | "performer"
                    | "performers"
                    | "gainers"
                    | "losers"
                    | "decliners"
                    | "gainer"
                    | "loser"
                    | "componentes"
                    | "componente"
                    | "peso"
                    | "destaque"
                    | "destaques"
                    | "constituents"
                    | "members"
                    | "component"
                    | "member"
                    | "alta"
                    | "baixa"
            ) || (w.key == "queda" || moved(&w.key)) && biggest
        })
}

/// `O índice de inadimplência…`, `índice de Basileia`: a company's own ratio, not a market index
/// (the word at `k` of `words`).
pub(super) fn is_company_ratio(words: &[Token], k: usize) -> bool {
    matches!(&*words[k].key, "indice" | "indices")
        && words.get(k + 1).is_some_and(|w| matches!(&*w.key, "de" | "da" | "do"))
        && words.get(k + 2).is_some_and(|w| {
            matches!(
                &*w.key,
                "inadimplencia"
                    | "basileia"
                    | "eficiencia"
                    | "cobertura"
                    | "liquidez"
                    | "endividamento"
                    | "alavancagem"
                    | "capitalizacao"
                    | "rentabilidade"
                    | "ocupacao"
                    | "aproveitamento"
                    | "pontualidade"
                    | "atraso"
            )
        })
}

/// `índices inflacionários`, `índice de preços`, `the consumer price index`, `a confidence
/// index`: a statistic of prices or sentiment, no market's index.
pub(super) fn is_price_statistic(words: &[Token], k: usize) -> bool {
    let key = &*words[k].key;
    let next = |n: usize| words.get(k + n).map(|w| &*w.key);
    (matches!(key, "indice" | "indices")
        && (matches!(next(1), Some("inflacionario" | "inflacionarios"))
            || matches!(next(1), Some("de" | "da" | "geral" | "nacional"))
                && matches!(next(2), Some("precos" | "inflacao" | "confianca"))
            || matches!(next(1), Some("geral" | "nacional")) && matches!(next(3), Some("precos"))))
        || (matches!(key, "index" | "indexes" | "indices")
            && k > 0
            && matches!(&*words[k - 1].key, "price" | "prices" | "inflation" | "confidence" | "sentiment")
            // (In its sentence: not `…higher prices. Indexes fell 2%`; and not the `Tokyo Stock
            // Price Index`, a market's.)
            && words[k - 1].end + 1 >= words[k].start
            && !(k > 1 && matches!(&*words[k - 2].key, "stock" | "share")))
}

/// The words that go on with an index's name (`Dow Jones Industrial Average`, `S&P 500`,
/// `Nasdaq Composite`).
fn in_an_index_name(w: &Token) -> bool {
    matches!(&*w.key, "&" | "p" | "composite" | "industrial" | "industrials" | "average" | "jones")
        || w.key.bytes().all(|b| b.is_ascii_digit())
}

/// `an 18.15% loss for the benchmark index`, `alta de 1% do Ibovespa`: a figure followed in its
/// clause (the figure ending at byte `end`) by `for`/`of`/`do`/`da`/`no` (one of its next two
/// words) and an index within a few words is the index's.
pub(super) fn index_follows(text: &str, end: usize, after: &[Token]) -> bool {
    let mut previous_end = end;
    // The preposition comes first or second (`an 18.15% loss for`, `alta de 1% do`); further
    // on, an index says where or since when (`alta de 40% desde a estreia na Nasdaq`).
    for (k, w) in after.iter().take(2).enumerate() {
        if text[previous_end.min(w.start)..w.start].contains([',', ';', '.', '(']) {
            return false;
        }
        previous_end = w.end;
        if matches!(&*w.key, "for" | "of" | "in" | "do" | "da" | "no" | "na") {
            // `As ações PNA da Vale caíram 1,28% na Bovespa`: the exchange shares trade on.
            // (So is `saltavam 7,08% na Nasdaq`: `a Nasdaq`, the exchange.)
            let venue = w.key == "na"
                && after.get(k + 1).is_some_and(|o| matches!(&*o.key, "bovespa" | "b3" | "nasdaq" | "nyse"));
            // (`in the PHLX Semiconductor Index`: past the index's capitalised name.)
            let mut named = after[k + 1..].iter().take(5).take_while(|o| o.key == "the" || o.capitalized || o.upper);
            return !venue
                && (after[k + 1..].iter().take(3).any(|o| is_index_at(text, o))
                    || named.any(|o| is_index_at(text, o)));
        }
    }
    false
}

/// `(AAPL) led the Dow Jones up 1.5%`: a figure right after an index and `up`/`down` is the
/// index's move, whoever led it (`before` are the words before the figure).
/// (Only a stock index's name, right before, no comma between: not `the best performer in the
/// Nasdaq 100, up 150%`, nor `profit before tax up 8%`.)
pub(super) fn index_moves_before(text: &str, before: &[Token]) -> bool {
    let Some((direction, rest)) = before.split_last() else { return false };
    if !matches!(&*direction.key, "up" | "down") {
        return false;
    }
    let index = rest.iter().rev().find(|w| !in_an_index_name(w));
    index.is_some_and(|w| {
        let stock_index = matches!(
            &*w.key,
            "dow" | "nasdaq" | "ibovespa" | "russell" | "ftse" | "dax" | "nikkei" | "stoxx" | "index"
        ) || (w.key == "s" && text[w.end..].starts_with("&P"));
        stock_index && !text[w.end..direction.start].contains([',', ';', '.'])
    })
}

/// Words of the economy at large: its statistics offices and indicators (folded).
#[rustfmt::skip]
pub(super) fn is_macro_word(key: &str) -> bool {
    matches!(key,
        "ibge" | "ipca" | "igp" | "pib" | "gdp" | "cpi" | "caged" | "census" | "payrolls" | "inflation" | "inflacao"
            | "desemprego" | "unemployment" | "selic" | "copom" | "fomc"
    )
}

/// `O giro financeiro somou R$ 8,8 bilhões`, `Os negócios movimentaram R$ 4,8 bilhões`: the
/// market's turnover (two folded words in a row), no company's.
pub(super) fn is_market_turnover(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("giro", "financeiro" | "total" | "somou" | "foi")
            | ("negocios", "movimentaram" | "somaram" | "totalizaram")
            | ("volume", "negociado" | "total" | "medio" | "diario")
    )
}

/// `The NYSE primary exchange traded 799 million shares`, `Volume declined to 1.35 billion shares
/// on the NYSE`: a sentence of an exchange's volume (its words, folded); not one pointing back to
/// a company (`Its shares rose 3% in heavy volume on the Nasdaq`, `The stock traded up 4%`).
pub(super) fn is_exchange_volume(words: &[Token]) -> bool {
    words.iter().any(|w| matches!(&*w.key, "nyse" | "nasdaq" | "amex"))
        && words.iter().any(|w| matches!(&*w.key, "volume" | "traded" | "crossed"))
        && !words.iter().any(|w| matches!(&*w.key, "its" | "stock" | "company" | "his" | "her" | "their"))
}

/// Indexes' own codes (`$SPX`, `NDX`): no company's symbol, and no word either.
const INDEX_CODES: [&str; 4] = ["SPX", "NDX", "DJIA", "VIX"];
/// More indexes' codes, written as symbols only (`The Dow ($INDU) added 124 points`): as words
/// some are English (`a technical rut`, `the Red Sox`).
const INDEX_SYMBOLS: [&str; 9] = ["INDU", "INX", "COMPX", "DJI", "IXIC", "RUT", "NYA", "SOX", "GSPC"];

/// Whether a symbol is an index's code (`the S&P 500 Index ($SPX)`).
pub(crate) fn is_index_code(symbol: &str) -> bool {
    INDEX_CODES.contains(&symbol) || INDEX_SYMBOLS.contains(&symbol)
}

/// Whether a word names an index, an exchange's benchmark, a basket (`the Magnificent 7`) or a
/// currency.
#[rustfmt::skip]
pub(crate) fn is_index_word(key: &str) -> bool {
    matches!(key,
        "nasdaq" | "dow" | "ibovespa" | "ibov" | "bovespa" | "index" | "indice" | "indices" | "indexes" | "ftse"
            | "dax" | "nikkei" | "russell" | "stoxx" | "smll" | "ifix" | "dollar" | "dolar" | "moeda" | "currency"
            | "euro" | "bitcoin" | "treasury" | "treasuries" | "benchmark" | "tax" | "taxes" | "imposto"
            | "impostos" | "inflation" | "inflacao" | "selic" | "gdp" | "pib" | "juros" | "ipca" | "cdi"
            | "unemployment" | "desemprego" | "magnificent" | "footsie"
    ) || key == "s&p"
        || INDEX_CODES.iter().any(|code| code.eq_ignore_ascii_case(key))
}

#[cfg(test)]
mod tests {
    use crate::extract::figure_tickers::{attributed, owned};

    #[test]
    fn taxes_and_interest_in_a_company_s_accounts_are_no_macro_figure() {
        let text = "A Suzano divulgou seu balanço. A companhia apurou lucro antes de juros, impostos, \
                    depreciação e amortização de 5,94 bilhões de reais.";
        assert_eq!(attributed(text), owned(&[("5,94 bilhões de reais", &["SUZB3"])]));
        let text = "O Itaú (ITUB4) divulga seu balanço. O lucro viria de 15% a mais de receita líquida de \
                    juros (NII). O ROE seria de 21,1%.";
        assert_eq!(attributed(text), owned(&[("15%", &["ITUB4"]), ("21,1%", &["ITUB4"])]));
        let text = "Apple reported results. Its pre-tax income rose 5%.";
        assert_eq!(attributed(text), owned(&[("5%", &["AAPL"])]));
        // The tax itself, with no company before it, still keeps its figures.
        let text = "A Suzano divulgou seu balanço. Os impostos sobre a celulose subiram 5%.";
        assert_eq!(attributed(text), owned(&[("5%", &[])]));
    }

    #[test]
    fn a_sentence_with_an_index_level_is_about_the_index() {
        let text = "O Magazine Luiza (MGLU3) avançou 4,46%. O desempenho ajudou a Bolsa, que fechou em \
                    141.422 pontos. Este é o novo recorde, acumulando alta de 6,28% em agosto.";
        assert_eq!(attributed(text), owned(&[("4,46%", &["MGLU3"]), ("6,28%", &[])]));
    }

    #[test]
    fn the_fall_of_an_index_is_the_index_s() {
        let text = "A Vale (VALE3) subiu 2%. A queda do Ibovespa de 1,5% veio dos bancos.";
        assert_eq!(attributed(text), owned(&[("2%", &["VALE3"]), ("1,5%", &[])]));
        let text = "A Magazine Luiza (MGLU3) subiu 3%, com a isenção do imposto de renda até R$ 5 mil.";
        assert_eq!(attributed(text), owned(&[("3%", &["MGLU3"]), ("R$ 5 mil", &[])]), "a tax policy");
    }

    #[test]
    fn the_biggest_fall_of_an_index_is_a_rank() {
        let text = "As ações da Usiminas (USIM5) encerraram com a maior queda do Ibovespa depois de o \
                    Goldman Sachs cortar o preço-alvo de R$ 8,40 para R$ 5,20.";
        assert_eq!(attributed(text), owned(&[("R$ 8,40", &["USIM5"]), ("R$ 5,20", &["USIM5"])]));
    }

    #[test]
    fn a_company_s_symbol_after_its_name_is_no_index() {
        let text = "Shares of Chevron CVX, +2.08% and Dow Inc. DOW, +2.11% lead, while the Dow fell 0.3%.";
        assert_eq!(attributed(text), owned(&[("2.08%", &["CVX"]), ("2.11%", &["DOW"]), ("0.3%", &[])]));
    }
}
