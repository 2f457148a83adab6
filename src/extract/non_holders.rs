//! Who holds no view of a stock though the text names it acting or speaking: news outlets and
//! data providers that report views, retail trading platforms commenting on the market, public
//! bodies, rating agencies of debt, energy agencies, countries, a firm's kind word alone, and a
//! bank described as a company with its symbol.

use std::ops::Range;

use super::bank_cues::{own_move_follows, with_its_symbol};
use super::clauses::rating_act;
use super::company_context::is_move_verb;
use super::tokens::Token;
use super::words::past_possessive;

/// News outlets and data providers that report views rather than hold them (`according to
/// TheFly`, `MarketBeat Ratings reports`, `StreetInsider.com`, `Benzinga Pro`, `According to
/// FactSet`).
#[rustfmt::skip]
pub(crate) fn is_news_source(name: &str) -> bool {
    let outlet = name.strip_suffix(" com").or_else(|| name.strip_suffix(" pro")).unwrap_or(name);
    matches!(outlet, "streetinsider" | "thestreet" | "thestreet recommends" | "the street" | "yahoo finance" | "motley fool"
        | "the motley fool" | "forbes" | "cnn" | "axios" | "investing" | "benzinga" | "marketbeat" | "reuters"
        | "theflyonthewall" | "benzinga professional" | "pricetargets" | "get report")
        || matches!(name,
        "thefly" | "the fly" | "bloomberg" | "reuters" | "barron s" | "barrons" | "barron" | "marketwatch" | "dow jones"
            | "benzinga" | "cnbc" | "marketbeat" | "marketbeat ratings" | "money times" | "valor" | "infomoney"
            | "estadao" | "tipranks" | "seeking alpha" | "the wall street journal" | "wall street journal"
            | "financial times" | "investing com" | "bdm online" | "broadcast" | "factset" | "refinitiv"
            | "thomson reuters" | "thomson reuters i b e s" | "refinitiv eikon"
            | "lseg" | "oilprice com" | "oilprice" | "briefing com" | "briefing" | "the globe and mail"
            | "globe and mail" | "the globe" | "mail" | "snl" | "snl financial" | "s & p global market intelligence"
            | "valor economico" | "o estado de s paulo" | "estado de s paulo" | "folha de s paulo" | "folha" | "exame"
            | "o globo" | "valor investe" | "e investidor" | "the wall street journal s" | "wsj" | "associated press"
            | "cnbc pro" | "investor s business daily" | "baystreet ca" | "baystreet"
    ) || is_public_body(name)
        || is_trading_platform(name)
        || is_kind_alone(name)
        || is_titled_outlet(name)
}

/// Retail trading platforms whose market analysts comment on the day's movers (`Michael Hewson,
/// chief market analyst at CMC Markets, said…`, `analista da Hargreaves Lansdown`): commentary,
/// no rating of their own.
fn is_trading_platform(name: &str) -> bool {
    matches!(
        name,
        "cmc markets"
            | "cmc markets canada"
            | "hargreaves lansdown"
            | "aj bell"
            | "interactive investor"
            | "etoro"
            | "city index"
            | "ig group"
            | "spreadex"
            | "oanda"
    )
}

/// `The Washington Post`, `the Financial Post`, `Los Angeles Times`, `Dow Jones Newswires`: a name
/// (folded) ending on a newspaper's or a wire's word.
fn is_titled_outlet(name: &str) -> bool {
    name.contains(' ')
        && name.rsplit(' ').next().is_some_and(|last| {
            matches!(
                last,
                "post"
                    | "times"
                    | "journal"
                    | "herald"
                    | "tribune"
                    | "gazette"
                    | "newswires"
                    | "newswire"
                    | "telegraph"
                    | "chronicle"
                    | "examiner"
                    | "inquirer"
                    | "zeitung"
            )
        })
}

/// `Analysts are weighing in today on financial services firm Bank of America Corp (NYSE:BAC -
/// 12.03)`: a bank described by its kind and written with its own symbol is a company talked
/// about, not a firm holding a view, as is one written with its US symbol that does not act in
/// the words after it; so is the symbol after an exchange's code in brackets, and
/// the first of a list after `were:`, and a bank whose own move follows its name.
/// `words` are the text's words.
pub(crate) fn is_talked_about(text: &str, words: &[Token], span: &Range<usize>) -> bool {
    // `JPMorgan Chase, the largest U.S. bank by assets, climbed 3.7%`: its own move (past the
    // rest of its name).
    let next = words.partition_point(|w| w.start < span.end);
    let rest = words[next..]
        .iter()
        .take(3)
        .take_while(|w| {
            // (Not past a sentence's end: `…at Citi. The stock rose` is the next sentence.)
            let before = &text[..w.start];
            w.capitalized
                && before.ends_with(|c: char| c.is_alphanumeric() || c == ' ')
                && !before.ends_with(", ")
                && ![". ", "! ", "? ", ".” ", ".\" "].iter().any(|end| before.ends_with(end))
        })
        .count();
    let next = next + rest;
    if own_move_follows(text, &words[next..]) {
        return true;
    }
    // `Bank of America stock received an upgrade`: its own shares, rated.
    let shares = words.get(next).is_some_and(|w| matches!(&*w.key, "stock" | "shares"));
    let receive = |k: &str| matches!(k, "received" | "receives" | "got" | "gets" | "was" | "were" | "earned" | "won");
    if shares && words.get(next + 1).is_some_and(|w| receive(&w.key)) {
        return true;
    }
    // `Wells Fargo shares have risen more than 15% since the brokerage raised…`: its shares moved.
    let have = usize::from(words.get(next + 1).is_some_and(|w| matches!(&*w.key, "have" | "has" | "had")));
    if shares && words.get(next + 1 + have).is_some_and(|w| is_move_verb(&w.key)) {
        return true;
    }
    // `citing Wells’ current multiple`, `Wells Fargo's long-term fundamentals`: its own figures or
    // shares, in the possessive (not `Goldman's price target on Apple`, a firm's call).
    // (A bare apostrophe only after a name ending in `s`: not a closing quote.)
    let after = &text[span.end..];
    let possessive =
        past_possessive(after).is_some() || (text[..span.end].ends_with('s') && after.starts_with(['\'', '’']));
    let own_figure = |k: usize| {
        words.get(next + k).is_some_and(|w| {
            matches!(
                &*w.key,
                "multiple"
                    | "valuation"
                    | "shares"
                    | "stock"
                    | "earnings"
                    | "results"
                    | "fundamentals"
                    | "revenue"
                    | "profit"
                    | "margins"
                    | "dividend"
                    | "balance"
            )
        }) && !words.get(next + k + 1).is_some_and(|w| {
            matches!(&*w.key, "picks" | "pick" | "estimates" | "estimate" | "target" | "targets" | "of" | "for")
        })
    };
    // (The noun right after the possessive, or past one adjective: `Wells’ current multiple`.)
    let skip = usize::from(words.get(next).is_some_and(|w| w.key == "s"));
    if possessive && (own_figure(skip) || own_figure(skip + 1)) {
        return true;
    }
    // `Among individual banks it cut to “sell” were: KeyCorp, Huntington…`: a list after `were:`.
    let before = text[..span.start].trim_end();
    if let Some(head) = before.strip_suffix(':') {
        let verb = head.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default().to_lowercase();
        if matches!(verb.as_str(), "were" | "are" | "foram" | "são" | "sao") {
            return true;
        }
    }
    // Its symbol in the brackets (`(NYSE:WFC)`) is a listing quoted, no firm acting either.
    let opening = text[..span.start].trim_end_matches(|c: char| c.is_ascii_uppercase() || matches!(c, ':' | ' '));
    // (`(Symbol: TFC)`.)
    let opening = opening.strip_suffix("Symbol").unwrap_or(opening);
    if opening.ends_with('(') && text[..span.start].trim_end().ends_with(':') {
        return true;
    }
    let before = words.partition_point(|w| w.start < span.start);
    let described = before > 0 && {
        let w = &words[before - 1];
        !w.capitalized
            && matches!(
                &*w.key,
                "firm"
                    | "concern"
                    | "company"
                    | "chain"
                    | "giant"
                    | "provider"
                    | "bank"
                    | "lender"
                    | "group"
                    | "institution"
                    | "conglomerate"
            )
    };
    // (`financial firm Wells Fargo & Co (NYSE:WFC)`: past the name's legal suffix.)
    let mut after = text[span.end..].trim_start();
    while let Some(rest) = ["& Co", "Co", "Inc", "Corp", "Corporation", "Company", "Ltd", "plc", "Group", "Financial"]
        .iter()
        .find_map(|s| after.strip_prefix(s).filter(|r| !r.starts_with(char::is_alphanumeric)))
    {
        after = rest.trim_start_matches(['.', ',', ' ']);
    }
    let bracketed = after.len() < text.len() - span.end && after.starts_with('(');
    let symbol =
        with_its_symbol(text, span) || (bracketed && with_its_symbol(text, &(span.start..text.len() - after.len())));
    // (Not `Canadian bank Royal Bank of Canada (NYSE:RY) cut Apple to sector perform`: a bank
    // acting right after its bracket.)
    let near = &after[..after.floor_char_boundary(40)];
    let acts = near.find(')').is_some_and(|c| {
        let next = after[c + 1..].trim_start().split(|ch: char| !ch.is_alphabetic()).next().unwrap_or_default();
        let next = next.to_lowercase();
        rating_act(&next).is_some()
            || matches!(next.as_str(), "initiated" | "lifted" | "trimmed" | "boosted" | "iniciou")
    });
    // `Wells Fargo (WFC), on the other hand, revealed a more cautious tone`: a bank with its US
    // symbol, not described, is talked about too, unless it acts (below). (Not with a B3 code or a
    // short name: `A XP Investimentos (XP; XPBR31) divulgou…`, `O Banco do Brasil Investimentos
    // (BB-BI)`: Brazilian notes name brokers so.)
    let us_symbol = || {
        let near_bracket = text[span.end..text.ceil_char_boundary(span.end + 30)].split_once('(').map(|(_, b)| b);
        near_bracket
            .and_then(|b| b.split(')').next())
            .is_some_and(|c| c.chars().all(|c| c.is_ascii_uppercase() || matches!(c, ':' | ' ')) && !c.contains("SA:"))
    };
    // (Nor `rated outperform by RBC (RBC)`, `Credit Suisse (CS) and RBC Capital also raised…`: a
    // firm acting.)
    let agent = before > 0 && matches!(&*words[before - 1].key, "at" | "by" | "from");
    let acting = || {
        let end = words.partition_point(|w| w.start < span.end);
        words[end..].iter().take(10).take_while(|w| !text[..w.start].ends_with(". ")).any(|w| {
            rating_act(&w.key).is_some()
                || matches!(
                    &*w.key,
                    "raised"
                        | "cut"
                        | "lowered"
                        | "initiated"
                        | "rated"
                        | "rates"
                        | "target"
                        | "said"
                        | "says"
                        | "expressed"
                        | "predicting"
                        | "predicts"
                        | "expects"
                        | "sees"
                )
        })
    };
    // (`Renasant Corp (Symbol: RNST), … and Truist Financial Corp (Symbol: TFC) stand out`: listed
    // after companies' brackets, one of them.)
    let listed = || {
        let head = text[..span.start].trim_end();
        let head = head.strip_suffix(" and").or_else(|| head.strip_suffix(" e")).unwrap_or(head);
        head.trim_end().ends_with("),")
    };
    symbol && !acts && (described || listed() || (!agent && us_symbol() && !acting()))
}

/// A firm's kind word alone (`Banco corta preço-alvo…` in a headline, `Brokerage cuts…`) names no
/// firm; nor does an executive's title alone (`CEO Steve Ballmer also cited…`: a company's own
/// officer).
fn is_kind_alone(name: &str) -> bool {
    let kind = name.strip_prefix("o ").or_else(|| name.strip_prefix("a ")).unwrap_or(name);
    super::claimants::is_firm_kind(kind)
        || matches!(name, "ceo" | "cfo" | "coo" | "chairman" | "presidente" | "the ceo" | "o ceo")
        // (`Executives have said the big dividend… is safe`: a company's own, unnamed.)
        || matches!(name, "executives" | "executivos" | "management" | "a administracao")
        // (`Investor and analyst reaction`, `Upbeat analyst comments`, `Overweight is a designation`:
        // the many, or a stance's word opening a sentence.)
        || matches!(
            name,
            "investor" | "investors" | "investidor" | "investidores" | "upbeat" | "overweight" | "underweight"
                | "outperform" | "underperform" | "bullish" | "bearish" | "positive" | "negative" | "positivo"
                | "negativo"
        )
        // (`PETROLEO BRASIL/ADR (NYSE:PBR) was upgraded`: a company's depositary shares, rated.)
        || name.ends_with(" adr")
        // (`beating Q2 EPS estimates`: a metric, no one's name.)
        || name.split(' ').any(|w| matches!(w, "eps" | "ebitda" | "q1" | "q2" | "q3" | "q4"))
}

/// Central banks, regulators, energy agencies (`the IEA warned of ample supply`) and the
/// credit-rating agencies Moody’s and Fitch (folded, `.`, `'` and `’` as spaces): they hold no
/// view of a stock (`the Federal Reserve is expected to raise…`, `Moody’s placed Pfizer’s Aaa debt
/// rating under review`). Standard & Poor's is left out: the splits label it both ways.
fn is_public_body(name: &str) -> bool {
    let name = name.trim_start_matches("the ");
    matches!(
        name,
        "federal reserve"
            | "fed"
            | "banco central"
            | "bacen"
            | "sec"
            | "cvm"
            | "treasury"
            | "tesouro"
            | "imf"
            | "fmi"
            | "world bank"
            | "banco mundial"
            | "ecb"
            | "bce"
            | "opec"
            | "opep"
            | "iea"
            | "international energy agency"
            | "aie"
            | "agencia internacional de energia"
            | "eia"
            | "energy information administration"
            | "moody s"
            | "moodys"
            | "moody s investors service"
            | "fitch"
            | "fitch ratings"
    ) || is_country(name)
}

/// Countries and unions of them, which act on companies (`A Coreia do Sul anunciou a suspensão…`)
/// but hold no view of their shares.
fn is_country(name: &str) -> bool {
    matches!(
        name,
        "china"
            | "coreia do sul"
            | "south korea"
            | "korea"
            | "estados unidos"
            | "united states"
            | "eua"
            | "brasil"
            | "brazil"
            | "japan"
            | "japao"
            | "india"
            | "russia"
            | "germany"
            | "alemanha"
            | "france"
            | "franca"
            | "reino unido"
            | "united kingdom"
            | "mexico"
            | "canada"
            | "argentina"
            | "chile"
            | "european union"
            | "uniao europeia"
            | "european commission"
            | "comissao europeia"
    )
}
