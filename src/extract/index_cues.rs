//! Where a figure is an index's, not a company's: index and currency words (`Nasdaq`,
//! `Ibovespa`, `dólar`), the exchange as a subject (`A Bolsa de São Paulo subiu 3,23%`), a rating
//! agency that is no index (`rebaixado pela S&P`), an index named after a ranking (`as maiores
//! baixas do Ibovespa`: where a company stands) and an index just after a figure (`an 18.15% loss
//! for the benchmark index`).

use super::mentions::is_index_word;
use super::tokens::Token;

/// An index or currency word, `S&P` (three words: `S`, `&`, `P`) included; `(NASDAQ:INTC)`,
/// `(Nasdaq: AAPL)`: an exchange's name before a symbol is no index.
pub(super) fn is_index_at(text: &str, w: &Token) -> bool {
    (is_index_word(&w.key) && !text[w.end..].starts_with(':'))
        || (w.key == "s" && text[w.end..].starts_with("&P"))
        // `The 30-stock average`, `the blue-chip average`.
        || (w.key == "average"
            && ["stock", "chip", "industrial", "Industrial"].iter().any(|b| text[..w.start].trim_end().ends_with(b)))
}

/// `A Bolsa de São Paulo subiu 3,23%`, `a bolsa brasileira`: the exchange as a subject moves with
/// its index (`na bolsa`, `da Bolsa` only say where shares trade).
pub(super) fn is_the_exchange(words: &[Token], k: usize) -> bool {
    words[k].key == "bolsa" && k > 0 && matches!(&*words[k - 1].key, "a" | "the")
}

/// `o preço-alvo rebaixado pela S&P`, `downgraded by S&P`: the rating agency, not the index.
pub(super) fn is_agency_at(words: &[Token], k: usize) -> bool {
    words[k].key == "s" && k > 0 && matches!(&*words[k - 1].key, "pela" | "pelo" | "by")
}

/// `as maiores baixas do Ibovespa`, `the best performer in the S&P 500`: an index named after a
/// ranking (`before` and `after`: the words around it) is where a company stands, not what a
/// figure is about — unless a clause of its own follows (`os ganhos do Ibovespa hoje, que
/// avançava 1,04%`).
pub(super) fn ranks_within(text: &str, before: &[Token], after: &[Token]) -> bool {
    if after.iter().take(2).any(|w| matches!(&*w.key, "que" | "which" | "that")) {
        return false;
    }
    // `the year's second best S&P 500 performer`, `a Dow component`: the index names a rank or
    // a membership.
    let mut rest = after.iter().skip_while(|w| {
        matches!(&*w.key, "&" | "p" | "composite" | "industrial" | "industrials" | "average" | "jones")
            || w.key.bytes().all(|b| b.is_ascii_digit())
    });
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
    let before = &before[before.len().saturating_sub(8)..];
    let sentence_start = before
        .windows(2)
        .rposition(|p| text[p[0].end..p[1].start].contains(['.', '!', '?', '\n']))
        .map_or(0, |k| k + 1);
    let before = &before[sentence_start..];
    let mut back = before.iter().rev().skip_while(|w| matches!(&*w.key, "the" | "o" | "a") || is_index_word(&w.key));
    // `Travelers (TRV) led the Dow with a 2.5% gain`, `lidera o Ibovespa`.
    if back.clone().next().is_some_and(|w| {
        matches!(&*w.key, "led" | "leads" | "leading" | "topped" | "tops" | "lidera" | "liderou" | "liderando")
    }) {
        return true;
    }
    let preposition = back.next().is_some_and(|w| matches!(&*w.key, "do" | "da" | "no" | "na" | "of" | "in" | "on"));
    preposition
        && back.next().is_some_and(|w| {
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
                    | "constituents"
                    | "members"
                    | "component"
                    | "member"
                    | "alta"
                    | "baixa"
            )
        })
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
            return after[k + 1..].iter().take(3).any(|o| is_index_at(text, o));
        }
    }
    false
}
