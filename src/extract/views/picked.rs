//! Lists of companies a firm picked, written in a sentence rather than a table: after a colon
//! (`As brasileiras identificadas foram: …`, `Our top picks are: …`), or opened by a verb or a
//! preposition (`as mid caps escolhidas são CCR, Equatorial e Energisa`, `tem favorecido nomes
//! como Itaú, XP e Gerdau`, `O portfólio do Itaú BBA conta ainda com Ambev, Bradesco e JBS`).
//! Each company of the list is held bullish by the firm.

use std::ops::Range;

use super::ViewMatch;
use super::tables::{firm_before, unpicked};
use crate::extract::index_cues::is_index_word;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker};
use crate::extract::tokens::Token;
use crate::model::{Stance, Symbol};

/// How far a list may run, in bytes.
const LIST_BYTES: usize = 600;

/// What a word opening a list of picks is.
#[derive(Clone, Copy, PartialEq)]
enum Cue {
    /// A participle of picking after a noun of stocks (`as ações indicadas`), or `top picks`.
    Picked,
    /// A verb of favouring before one (`tem favorecido nomes como`).
    Favoured,
    /// A firm's portfolio (`o portfólio do Itaú BBA`).
    Portfolio,
    /// Stocks entering a portfolio named just before (`com as entradas de Omega e Marfrig`).
    Entries,
    /// Stocks staying in or entering a portfolio named right after, with its owner (`Permanecem na
    /// carteira da Souza Barros as ações do Banco do Brasil…`).
    Stays,
}

/// The views of the lists of picks in a text. `claimants` are the byte ranges of the claimants
/// found and `mentions` the company mentions, both in text order. Not a list of stocks sold,
/// dropped, falling or ranked (`recomendadas para venda:`, `least-favoured picks:`, `não mais
/// indicadas:`).
pub(crate) fn picked_lists(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> Vec<ViewMatch> {
    let mut out = Vec::new();
    // The known brokers' names, read once when a list needs them.
    let known = std::cell::OnceCell::new();
    for (i, w) in words.iter().enumerate() {
        let Some(cue) = cue(text, words, i) else { continue };
        let Some(start) = list_start(text, words, i, cue) else { continue };
        // The clause before (its last few words), to the list, holds no word of a list of stocks
        // sold or dropped.
        let mut from = i;
        while from > i.saturating_sub(8) && !text[words[from - 1].end..words[from].start].contains(['.', '\n', ';']) {
            from -= 1;
        }
        let to = words.partition_point(|o| o.start < start);
        if unpicked(&words[from..to]) {
            continue;
        }
        let reach = text.floor_char_boundary(start + LIST_BYTES);
        let end = text[start..reach].find(['.', '\n', ';']).map_or(reach, |e| start + e);
        // (Up to a contrast or a clause of its own: `…são Vale e Gerdau, mas a Petrobras…`, `…conta
        // com Vale e Itaú, que saem no lugar de Petrobras`.)
        let end = [
            ", mas ",
            " mas ",
            " but ",
            " e que ",
            " and that ",
            ", que ",
            ", which ",
            " no lugar ",
            " nos lugares ",
            " instead of ",
            ", enquanto ",
            ", while ",
        ]
        .iter()
        .filter_map(|m| text[start..end].find(m))
        .min()
        .map_or(end, |e| start + e);
        let listed = &mentions
            [mentions.partition_point(|m| m.span.start < start)..mentions.partition_point(|m| m.span.start < end)];
        let mut symbols: Vec<Symbol> = Vec::new();
        for m in listed {
            if !symbols.contains(&m.symbol) {
                symbols.push(m.symbol.clone());
            }
        }
        if symbols.len() < 2 {
            continue;
        }
        // A portfolio's owner is named with it (`o portfólio do Itaú BBA`): read up to the list.
        // (So are a participle's picks named with their owner, `As ações preferidas do JP Morgan
        // são…`.)
        let named_by =
            if matches!(cue, Cue::Portfolio | Cue::Stays) || owned_picks(words, i) { start } else { w.start };
        let Some(firm) = firm_before(text, words, claimants, named_by) else { continue };
        // (Without a colon, a broker's own list: a known broker or a bank, named in the sentence
        // for a participle's list; not `A ANP informou que as empresas selecionadas são…`.)
        let colon = text[w.end..start].contains(':');
        let sentence_start = text[..w.start].rfind(['.', '\n', '!', '?']).map_or(0, |k| k + 1);
        let known = known.get_or_init(|| brokers_in(words));
        let broker =
            known.contains(&firm) || mentions.iter().any(|m| m.span.start == firm.start && is_broker(&m.symbol));
        // (`as preferidas do banco são…`: the sentence may name it by a noun.)
        let by_noun = || {
            words[words.partition_point(|t| t.start < sentence_start)..i]
                .iter()
                .any(|t| matches!(&*t.key, "banco" | "corretora" | "bank" | "firm" | "brokerage"))
        };
        // (A portfolio named with its owner right before its list needs no known broker.)
        if !colon && cue != Cue::Stays && (!broker || cue == Cue::Picked && firm.start < sentence_start && !by_noun()) {
            continue;
        }
        for symbol in symbols {
            out.push(ViewMatch {
                claimant: firm.clone(),
                ticker: symbol,
                stance: Stance::Bullish,
                quote: w.start..end,
            });
        }
    }
    out
}

/// The cue word `i` is, if any.
fn cue(text: &str, words: &[Token], i: usize) -> Option<Cue> {
    let key = &*words[i].key;
    let before = &words[i.saturating_sub(2)..i];
    let after = words.get(i + 1).map_or("", |n| &*n.key);
    match key {
        "identificadas" | "identificados" | "indicadas" | "indicados" | "selecionadas" | "selecionados"
        | "escolhidas" | "escolhidos" | "recomendadas" | "recomendados" | "preferidas" | "preferidos" => {
            // A noun of stocks right before (`As brasileiras identificadas`, `as mid caps escolhidas`).
            before.iter().any(|n| is_picks_noun(&n.key)).then_some(Cue::Picked)
        }
        // (`top picks`, `best picks`: a firm's own.)
        "picks" if i > 0 && matches!(&*words[i - 1].key, "top" | "best" | "favorite" | "favourite") => {
            Some(Cue::Picked)
        }
        // (The firm's own favourites: `disse o banco, que tem favorecido nomes como`, `Goldman Sachs
        // has favored names such as`; not `said hedge funds have favored stocks such as`.)
        "favorecido" | "favorecidos" | "favored" | "favoured"
            if is_picks_noun(after)
                && i >= 2
                && matches!(&*words[i - 1].key, "tem" | "has" | "have" | "vem")
                && (matches!(&*words[i - 2].key, "que" | "which" | "who") || words[i - 2].capitalized) =>
        {
            Some(Cue::Favoured)
        }
        // A firm's portfolio: `do`/`da` and a capitalised name that is no index's (`a carteira do
        // Ibovespa`, `a carteira de crédito`).
        "carteira" | "portfolio" => {
            let adjective = |k: &str| matches!(k, "recomendada" | "sugerida" | "semanal" | "mensal" | "own");
            // `A carteira de dividendos XP`, `a carteira de dividendos da Ágora`: a portfolio of a
            // kind of stocks, its owner after it.
            let kind = key == "carteira"
                && words.get(i + 1).is_some_and(|w| w.key == "de")
                && words.get(i + 2).is_some_and(|w| matches!(&*w.key, "dividendos" | "acoes" | "small"));
            let from = if kind { i + 3 } else { i + 1 };
            let firm = || {
                let next = words.get(from)?;
                brokers_in(&words[from..words.len().min(from + 3)]).first().filter(|b| b.start == next.start)?;
                Some(from)
            };
            let of = (from..words.len().min(from + 2))
                .take_while(|&j| matches!(&*words[j].key, "da" | "do") || adjective(&words[j].key))
                .find(|&j| matches!(&*words[j].key, "da" | "do"))
                .or_else(|| kind.then(firm).flatten().map(|j| j - 1))?;
            // (A bank's `carteira` is its loan book unless it is a recommended one.)
            if key == "carteira" && !adjective(&words[i + 1].key) && !kind {
                return None;
            }
            let owner = words.get(of + 1)?;
            let gap_ok = !text[words[i].end..owner.start].contains(['.', '\n', ';', ':']);
            (gap_ok && (owner.capitalized || owner.upper) && !is_index_word(&owner.key) && owner.key != "b3")
                .then_some(Cue::Portfolio)
        }
        // (`Entra: BBAS3, MGLU3…`, `No lugar, entraram Equatorial (EQTL3), RD (RADL3) e Cemig`: a
        // verb of entering opens the list right after it.)
        _ if is_entry_word(key) && (matches!(after, "de" | "da" | "do") || entering_verb(text, words, i)) => {
            entries(words, i)
        }
        "permanecem" | "permanece" | "permaneceram" | "entram" | "entraram" | "entra" | "entrou"
            if stays_in_a_portfolio(words, i).is_some() =>
        {
            Some(Cue::Stays)
        }
        _ => None,
    }
}

/// Stocks entering a portfolio named within the words before word `i` (`A XP atualizou a carteira
/// recomendada… com as entradas de Omega e Marfrig`); not an index's theoretical portfolio (`a
/// prévia da carteira teórica do Ibovespa, com a inclusão de…`), nor money coming in (`entrada de
/// capital estrangeiro`).
fn entries(words: &[Token], i: usize) -> Option<Cue> {
    let window = &words[i.saturating_sub(ENTRIES_REACH)..i];
    let is_portfolio = |w: &Token| matches!(&*w.key, "carteira" | "portfolio" | "portfolios");
    let last = window.iter().rposition(is_portfolio);
    // (An index's portfolio is the nearest one named with the index, `a carteira teórica do
    // Ibovespa`; not `realização da carteira recomendada sobre o Ibovespa. A carteira
    // recomendada da XP indicou três trocas… Entram:`, the broker's, measured against it.)
    let index = last.is_some_and(|k| {
        window[k..].iter().take(4).any(|w| matches!(&*w.key, "teorica" | "ibovespa" | "indice" | "index"))
            || window[k..].iter().any(|w| w.key == "teorica")
    });
    let portfolio = last.is_some();
    let money = words.get(i + 2).is_some_and(|w| {
        matches!(&*w.key, "capital" | "capitais" | "recursos" | "investidores" | "dinheiro" | "fluxo")
    });
    (portfolio && !index && !money).then_some(Cue::Entries)
}

/// Words of stocks entering or staying in a portfolio (`entradas de`, `entraram`, `permanecem`), and
/// verbs of putting them in.
#[rustfmt::skip]
fn is_entry_word(key: &str) -> bool {
    matches!(key,
        "entradas" | "entrada" | "inclusao" | "inclusoes" | "entra" | "entram" | "entraram" | "entrou"
            | "permanecem" | "permanece" | "permanecendo" | "permaneceram"
    ) || puts_in(key)
}

/// `incluiu`, `colocaram`: a verb of putting stocks into a portfolio, read like one of entering.
fn puts_in(key: &str) -> bool {
    matches!(key, "incluiu" | "incluiram" | "adicionou" | "adicionaram" | "colocou" | "colocaram")
}

/// `Permanecem na carteira da Souza Barros as ações do Banco do Brasil (BBAS3), da CSN…`: after a
/// verb of staying or entering at word `i`, a portfolio and its owner (`na carteira da`, a
/// capitalised name), then `as ações de`: the word that ends `de`, where the list starts.
fn stays_in_a_portfolio(words: &[Token], i: usize) -> Option<usize> {
    let at = |k: usize| words.get(k).map_or("", |w| &*w.key);
    if !matches!(at(i + 1), "na" | "no" | "em") || !matches!(at(i + 2), "carteira" | "portfolio") {
        return None;
    }
    let shares = (i + 3..words.len().min(i + 12)).find(|&j| matches!(at(j), "acoes" | "papeis"))?;
    let owner = (i + 3..shares - 1).any(|j| matches!(at(j), "da" | "do") && words[j + 1].capitalized);
    (owner && matches!(at(shares - 1), "as" | "os") && matches!(at(shares + 1), "de" | "da" | "do" | "dos" | "das"))
        .then_some(shares + 1)
}

/// Whether word `i` is a verb of entering or staying right before its list: the list follows a
/// colon or the verb itself, past `as ações de` for one of staying, and opens on a capitalised name
/// or a code (`Entram: BBAS3…`, `entraram Equatorial`, `três trocas, permanecendo as ações da
/// Itaúsa (ITSA4) e Vale (VALE3)`).
fn entering_verb(text: &str, words: &[Token], i: usize) -> bool {
    let stays = matches!(&*words[i].key, "permanecem" | "permanece" | "permanecendo" | "permaneceram");
    // (`O banco retirou… e incluiu Cyrela (CYRE3)…`, `os analistas colocaram os papéis da CSN
    // Mineração (CMIN3)…`: a verb of putting in, read like one of staying.)
    let puts = puts_in(&words[i].key);
    if !(stays || puts || matches!(&*words[i].key, "entra" | "entram" | "entraram" | "entrou")) {
        return false;
    }
    let shares_of = |j: usize| {
        words.get(j).is_some_and(|w| matches!(&*w.key, "as" | "os"))
            && words.get(j + 1).is_some_and(|w| matches!(&*w.key, "acoes" | "papeis"))
            && words.get(j + 2).is_some_and(|w| matches!(&*w.key, "de" | "da" | "do"))
    };
    let first = if (stays || puts) && shares_of(i + 1) { i + 4 } else { i + 1 };
    words.get(first).is_some_and(|n| {
        let gap = text[words[first - 1].end..n.start].trim();
        (gap.is_empty() || gap == ":") && (n.capitalized || n.upper)
    })
}

/// How many words before stocks' entries their portfolio may be named.
const ENTRIES_REACH: usize = 60;

/// Where the list after the cue at word `i` starts: after a colon within the next word or two
/// (`identificadas foram:`, `top picks are:`), or, within the next few words of the same clause,
/// after a verb or preposition that opens a list (`escolhidas são`, `nomes como`, `conta com`).
fn list_start(text: &str, words: &[Token], i: usize, cue: Cue) -> Option<usize> {
    let colon = text[words[i].end..].char_indices().take(12).find(|&(_, c)| matches!(c, ':' | '.' | '\n'));
    if let Some((k, ':')) = colon
        && cue != Cue::Portfolio
    {
        return Some(words[i].end + k + 1);
    }
    if cue == Cue::Stays {
        return stays_in_a_portfolio(words, i).map(|of| words[of].end);
    }
    if cue == Cue::Entries && entering_verb(text, words, i) {
        return Some(words[i].end);
    }
    // (A portfolio's sentence may name its month and its changes first: `A carteira de dividendos XP
    // segue inalterada para agosto, incluindo nomes como…`.)
    let reach = if cue == Cue::Portfolio { 12 } else { 7 };
    for j in i + 1..words.len().min(i + reach) {
        if text[words[j - 1].end..words[j].start].contains(['.', '\n', ';', ':', '(']) {
            return None;
        }
        let previous = &*words[j - 1].key;
        let opens = match (cue, &*words[j].key) {
            // (Right after the participle: not `as empresas indicadas ao prêmio são…`, `os nomes
            // preferidos dos estrangeiros são…`, someone else's picks.)
            (Cue::Picked, "sao" | "are" | "include" | "includes" | "incluem") => j == i + 1 || owned_picks(words, i),
            (Cue::Favoured, "como" | "like") => is_picks_noun(previous),
            (Cue::Favoured, "as") => previous == "such",
            (Cue::Portfolio, "com") => previous == "conta" || previous == "ainda" && words[j - 2].key == "conta",
            (Cue::Portfolio, "inclui" | "includes" | "incluem" | "incluindo" | "including") => true,
            (Cue::Entries, "de" | "da" | "do") => j == i + 1 && !entering_verb(text, words, i),
            _ => false,
        };
        // (Past `nomes como`, `ações como`: `incluindo nomes como PETR4, ELET3 e VALE3`.)
        let such = words.get(j + 1).is_some_and(|w| matches!(&*w.key, "nomes" | "acoes" | "papeis" | "names"))
            && words.get(j + 2).is_some_and(|w| matches!(&*w.key, "como" | "like"));
        if opens {
            return Some(words[if such { j + 2 } else { j }].end);
        }
    }
    None
}

/// `As ações preferidas do JP Morgan no Brasil são…`: the participle at word `i` names its owner
/// right after it (`do`/`da`/`of` and a capitalised name), then at most a place (`no Brasil`)
/// before the verb; not `os nomes preferidos dos estrangeiros são`.
fn owned_picks(words: &[Token], i: usize) -> bool {
    let of = words.get(i + 1).is_some_and(|w| matches!(&*w.key, "do" | "da" | "of"));
    let owner = words.get(i + 2).is_some_and(|w| w.capitalized || w.upper);
    of && owner
        && words[i + 3..words.len().min(i + 8)]
            .iter()
            .take_while(|w| !matches!(&*w.key, "sao" | "are" | "incluem" | "include"))
            .all(|w| w.capitalized || w.upper || matches!(&*w.key, "no" | "na" | "in" | "para" | "for"))
}

/// Whether the company named at byte `at` leaves a portfolio: a verb of leaving within the six
/// words before it (`Com isso, saíram da carteira Cogna (COGN3)`, `Sai: LWSA3`, `removed Apple`).
pub(super) fn leaves(words: &[Token], at: usize) -> bool {
    let k = words.partition_point(|w| w.start < at);
    words[k.saturating_sub(6)..k].iter().any(|w| {
        matches!(
            &*w.key,
            "sai"
                | "saem"
                | "saiu"
                | "sairam"
                | "deixa"
                | "deixam"
                | "deixou"
                | "deixaram"
                | "removed"
                | "dropped"
                | "removeu"
                | "retirou"
                | "excluiu"
                | "excluidas"
                | "retiradas"
        )
    })
}

/// A plural noun of stocks a pick is said of (`ações`, `nomes`, `mid caps`).
fn is_picks_noun(key: &str) -> bool {
    matches!(
        key,
        "acoes"
            | "papeis"
            | "brasileiras"
            | "empresas"
            | "companhias"
            | "nomes"
            | "caps"
            | "stocks"
            | "names"
            | "companies"
    )
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};

    fn views(text: &str) -> Vec<(String, String, String)> {
        let findings = analyse(text, &Lexicon::bundled());
        let mut out: Vec<_> = findings
            .views
            .iter()
            .map(|v| (v.claimant.clone(), v.ticker.to_string(), format!("{:?}", v.stance)))
            .collect();
        out.sort();
        out
    }

    fn bullish(firm: &str, tickers: &[&str]) -> Vec<(String, String, String)> {
        let mut out: Vec<_> =
            tickers.iter().map(|t| (firm.to_owned(), (*t).to_owned(), "Bullish".to_owned())).collect();
        out.sort();
        out
    }

    #[test]
    fn a_list_after_a_colon_is_the_firms_picks() {
        let text = "O BTG Pactual divulgou sua seleção. As ações escolhidas foram: Vale (VALE3), Itaú (ITUB4) e \
                    Gerdau (GGBR4).";
        assert_eq!(views(text), bullish("BTG Pactual", &["GGBR4", "ITUB4", "VALE3"]));
    }

    #[test]
    fn a_list_after_are_or_sao_is_the_firms_picks() {
        let text = "Para o Morgan Stanley, as small caps devem subir. Entre elas, as preferidas do banco são a \
                    Vale; enquanto as mid caps escolhidas são Equatorial (EQTL3), Energisa (ENGI11) e Sanepar (SAPR11).";
        assert_eq!(views(text), bullish("Morgan Stanley", &["ENGI11", "EQTL3", "SAPR11", "VALE3"]));
    }

    #[test]
    fn names_a_firm_has_favoured_are_its_picks() {
        let text = "As reformas são catalisadores, disse o Morgan Stanley, que tem favorecido nomes como Itaú \
                    Unibanco, Lojas Renner e Gerdau na região.";
        assert_eq!(views(text), bullish("Morgan Stanley", &["GGBR4", "ITUB4", "LREN3"]));
        let text = "Goldman Sachs has favored names such as Apple, Microsoft and Nvidia this year.";
        assert_eq!(views(text), bullish("Goldman Sachs", &["AAPL", "MSFT", "NVDA"]));
    }

    #[test]
    fn what_a_firms_portfolio_holds_is_its_picks() {
        let text = "A Sabesp entrou na lista. O portfólio do Itaú BBA conta ainda com os ativos da Ambev (ABEV3), \
                    Bradesco (BBDC4) e Gerdau (GGBR4).";
        let found = views(text);
        for ticker in ["ABEV3", "BBDC4", "GGBR4"] {
            assert!(
                found.iter().any(|(f, t, s)| f == "Itaú BBA" && t == ticker && s == "Bullish"),
                "{ticker}: {found:?}"
            );
        }
    }

    #[test]
    fn the_reviews_lists_that_are_someone_elses_or_run_past_a_contrast() {
        for text in [
            "Goldman Sachs said hedge funds have favored stocks such as Apple and Microsoft this year.",
            "O BTG Pactual disse que os nomes preferidos dos estrangeiros são Vale, Petrobras e Itaú.",
            "A ANP informou que as empresas selecionadas são Petrobras, Shell e Prio.",
            "A Petrobras disse que as empresas selecionadas para o consórcio são Shell e TotalEnergies.",
            "O BTG Pactual elevou a Vale. Uma pesquisa com gestores mostrou que as ações preferidas são Petrobras e Itaú.",
            "A carteira do Bradesco conta com Vale, Petrobras e Itaú entre os maiores devedores.",
        ] {
            let found = views(text);
            assert!(
                found.iter().all(|(_, t, _)| t == "VALE3" && text.starts_with("O BTG Pactual elevou")),
                "{text}: {found:?}"
            );
        }
        let found = views(
            "O Safra disse que as ações recomendadas são Vale (VALE3) e Gerdau (GGBR4), mas a Petrobras ficou de fora.",
        );
        assert!(found.iter().all(|(_, t, _)| t != "PETR4"), "{found:?}");
    }

    #[test]
    fn lists_that_are_no_picks_give_no_view() {
        // A credit portfolio, an index's portfolio, one company, stocks sold.
        assert!(views("A carteira de crédito do Itaú conta com Vale (VALE3) e Gerdau (GGBR4).").is_empty());
        assert!(views("A carteira do Ibovespa conta com Vale (VALE3) e Gerdau (GGBR4).").is_empty());
        assert!(views("O BTG Pactual diz que as ações escolhidas são a Vale (VALE3).").is_empty());
        let sold = views("O BTG Pactual diz que as ações recomendadas para venda são Vale (VALE3) e Gerdau (GGBR4).");
        assert!(sold.iter().all(|(_, _, stance)| stance == "Bearish"), "{sold:?}");
        assert!(views("Goldman Sachs said stocks favored by hedge funds, like Apple and Microsoft, fell.").is_empty());
    }
}
