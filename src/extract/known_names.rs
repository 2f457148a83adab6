//! Company names people write that the SEC list does not spell that way (`Google`, `Facebook`,
//! `TSMC`, `JPMorgan`), companies listed outside the US (`Petrobras` → `PETR4`, `Itaú` → `ITUB4`,
//! `Samsung` → `005930.KS`), and phrases that look like a company but are not (`Vale do Silício`,
//! `vale a pena`, `Silicon Valley`, `target price`).
//!
//! Each alias says whether it needs a capital letter in the text: `nvidia` in lower case is still
//! the company, `apple` is a fruit.

use super::tokens::Token;

/// How an alias must be written to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Any case: the word means nothing else (`nvidia`, `petrobras`).
    Any,
    /// Each word starts with a capital (`Apple`, `Vale`, `Meta`).
    Capital,
    /// All capitals (`AMD`, `GE`, `XP`).
    Upper,
    /// Capitalised and in company context (`a Vivo`, `Nu shares`, `Weg (WEGE3)`; see
    /// `company_context`): the name is also an everyday word (`vivo` is alive, `nu` naked).
    Context,
    /// All capitals anywhere (`WEG`), else capitalised in company context (`a Weg`).
    UpperOrContext,
}

/// Whether the words are written in the case an alias needs. The `s` after an apostrophe is
/// written in lower case in a capitalised name (`Macy's`, `Dick's Sporting Goods`).
pub(crate) fn written_as(words: &[Token], case: Case) -> bool {
    let content = || {
        words
            .iter()
            .enumerate()
            .filter(|(n, t)| {
                // (`Research in Motion`: the small words of a name may be written in lower case.)
                let joiner = matches!(
                    &*t.key,
                    "&" | "of" | "de" | "da" | "do" | "dos" | "das" | "the" | "and" | "e" | "in" | "on" | "for" | "at"
                );
                !(joiner || (*n > 0 && &*t.key == "s"))
            })
            .map(|(_, t)| t)
    };
    match case {
        Case::Any => true,
        Case::Capital => content().all(|t| t.capitalized || t.upper),
        Case::Upper => content().all(|t| t.upper),
        Case::Context | Case::UpperOrContext => content().all(|t| t.capitalized || t.upper),
    }
}

/// Whether a name written so must stand in company context to count (`Vivo`, `Weg`, not `WEG`).
pub(crate) fn needs_context(words: &[Token], case: Case) -> bool {
    match case {
        Case::Context => true,
        Case::UpperOrContext => !words.iter().all(|t| t.upper),
        Case::Any | Case::Capital | Case::Upper => false,
    }
}

/// Curated aliases: what people write, the symbol it means, and how it must be written.
pub(crate) const ALIASES: &[(&str, &str, Case)] = &[
    ("Nvidia", "NVDA", Case::Any),
    ("Microsoft", "MSFT", Case::Any),
    ("Apple", "AAPL", Case::Capital),
    ("Alphabet", "GOOGL", Case::Capital),
    ("Google", "GOOGL", Case::Capital),
    ("Kodak", "KODK", Case::Capital),
    ("WD-40", "WDFC", Case::Any),
    ("Glaxo", "GSK", Case::Capital),
    ("Conoco", "COP", Case::Capital),
    // (Zillow's class C, its most traded listing, as the labels have it.)
    ("Zillow", "Z", Case::Capital),
    ("Zillow Group", "Z", Case::Capital),
    ("Amazon", "AMZN", Case::Capital),
    ("Amazon.com", "AMZN", Case::Any),
    ("Meta", "META", Case::Capital),
    ("Meta Platforms", "META", Case::Capital),
    ("Facebook", "META", Case::Capital),
    // Former names of listed companies, as older articles write them.
    ("United Continental", "UAL", Case::Capital),
    // An airline by the name it flies under (the SEC lists its holding company).
    ("Alaska Airlines", "ALK", Case::Capital),
    // A bank by the short name the press gives it (`Toronto-Dominion, the second-biggest bank`).
    ("Toronto-Dominion", "TD", Case::Capital),
    ("Broadcom", "AVGO", Case::Any),
    ("Tesla", "TSLA", Case::Capital),
    ("Berkshire", "BRK-B", Case::Capital),
    ("Berkshire Hathaway", "BRK-B", Case::Capital),
    ("Walmart", "WMT", Case::Capital),
    ("JPMorgan", "JPM", Case::Capital),
    ("JP Morgan", "JPM", Case::Capital),
    ("J.P. Morgan", "JPM", Case::Capital),
    ("J.P. Morgan Chase", "JPM", Case::Capital),
    ("JPMorgan Chase", "JPM", Case::Capital),
    ("Oracle", "ORCL", Case::Capital),
    ("Eli Lilly", "LLY", Case::Capital),
    ("Lilly", "LLY", Case::Capital),
    ("Visa", "V", Case::Capital),
    ("Mastercard", "MA", Case::Capital),
    ("Netflix", "NFLX", Case::Capital),
    ("Exxon", "XOM", Case::Capital),
    ("ExxonMobil", "XOM", Case::Capital),
    ("Exxon Mobil", "XOM", Case::Capital),
    ("Costco", "COST", Case::Capital),
    ("Palantir", "PLTR", Case::Any),
    ("Johnson & Johnson", "JNJ", Case::Capital),
    ("Home Depot", "HD", Case::Capital),
    ("Procter & Gamble", "PG", Case::Capital),
    ("P&G", "PG", Case::Upper),
    ("Bank of America", "BAC", Case::Capital),
    ("BofA", "BAC", Case::Capital),
    ("Chevron", "CVX", Case::Capital),
    ("Coca-Cola", "KO", Case::Capital),
    ("Pepsi", "PEP", Case::Capital),
    ("RBC", "RY", Case::Upper),
    ("GE Aerospace", "GE", Case::Capital),
    ("General Electric", "GE", Case::Capital),
    ("Alibaba", "BABA", Case::Capital),
    ("ASML", "ASML", Case::Upper),
    ("Cisco", "CSCO", Case::Capital),
    ("AMD", "AMD", Case::Upper),
    ("Advanced Micro Devices", "AMD", Case::Capital),
    ("Salesforce", "CRM", Case::Capital),
    ("IBM", "IBM", Case::Upper),
    ("Morgan Stanley", "MS", Case::Capital),
    ("Goldman Sachs", "GS", Case::Capital),
    ("Goldman", "GS", Case::Capital),
    ("Citigroup", "C", Case::Capital),
    ("Citi", "C", Case::Capital),
    ("Citibank", "C", Case::Capital),
    // Large US companies by the short names the press gives them, where the legal name's first
    // word is shared with another listed company or is an everyday word.
    ("J&J", "JNJ", Case::Capital),
    ("Bristol-Myers", "BMY", Case::Capital),
    ("Bristol Myers", "BMY", Case::Capital),
    ("Amex", "AXP", Case::Capital),
    ("JetBlue", "JBLU", Case::Capital),
    ("Peloton", "PTON", Case::Capital),
    ("Royal Caribbean", "RCL", Case::Capital),
    ("MGM Resorts", "MGM", Case::Capital),
    ("eBay", "EBAY", Case::Any),
    ("Take-Two", "TTWO", Case::Capital),
    ("Goodyear", "GT", Case::Capital),
    ("Air Products", "APD", Case::Capital),
    ("Freeport-McMoRan", "FCX", Case::Capital),
    ("Dominion Energy", "D", Case::Capital),
    ("Edison International", "EIX", Case::Capital),
    ("Xcel", "XEL", Case::Capital),
    ("Xcel Energy", "XEL", Case::Capital),
    ("D.R. Horton", "DHI", Case::Capital),
    ("DR Horton", "DHI", Case::Capital),
    ("Anheuser-Busch InBev", "BUD", Case::Capital),
    ("AB InBev", "BUD", Case::Capital),
    ("Molson Coors", "TAP", Case::Capital),
    ("Campbell Soup", "CPB", Case::Capital),
    ("Smucker", "SJM", Case::Capital),
    ("Warner Bros. Discovery", "WBD", Case::Capital),
    ("Warner Bros Discovery", "WBD", Case::Capital),
    ("Live Nation", "LYV", Case::Capital),
    ("AIG", "AIG", Case::Upper),
    ("Intercontinental Exchange", "ICE", Case::Capital),
    ("Ally Financial", "ALLY", Case::Capital),
    ("Citizens Financial", "CFG", Case::Capital),
    ("Huntington Bancshares", "HBAN", Case::Capital),
    ("M&T Bank", "MTB", Case::Capital),
    ("Western Alliance", "WAL", Case::Capital),
    ("Charles Schwab", "SCHW", Case::Capital),
    ("Booking Holdings", "BKNG", Case::Capital),
    ("Charter Communications", "CHTR", Case::Capital),
    // The payments company, in company context only (`a Stone`, `ações da Stone`).
    ("Stone", "STNE", Case::Context),
    ("T-Mobile", "TMUS", Case::Capital),
    // The airline by the short name the press gives it, in company context (`Delta dropping 3.5
    // per cent`), not a river's delta. (`Southwest` stays ambiguous: Southwest Gas shares it.)
    ("Delta", "DAL", Case::Context),
    ("United", "UAL", Case::Context),
    ("Alaska Air", "ALK", Case::Capital),
    // The airline of Allegiant Travel, by the name it flies under (`Allegiant Air's parent`).
    ("Allegiant Air", "ALGT", Case::Capital),
    ("Wells Fargo", "WFC", Case::Capital),
    ("Disney", "DIS", Case::Capital),
    ("Intel", "INTC", Case::Capital),
    ("Micron", "MU", Case::Capital),
    ("Qualcomm", "QCOM", Case::Any),
    ("Arm", "ARM", Case::Capital),
    ("Arm Holdings", "ARM", Case::Capital),
    ("TSMC", "TSM", Case::Upper),
    ("Taiwan Semiconductor", "TSM", Case::Capital),
    ("Taiwan Semiconductor Manufacturing", "TSM", Case::Capital),
    ("Samsung", "005930.KS", Case::Capital),
    ("Samsung Electronics", "005930.KS", Case::Capital),
    ("SK Hynix", "000660.KS", Case::Capital),
    ("Hynix", "000660.KS", Case::Capital),
    ("Tencent", "0700.HK", Case::Capital),
    ("Xiaomi", "1810.HK", Case::Capital),
    ("BYD", "1211.HK", Case::Upper),
    ("SoftBank", "9984.T", Case::Capital),
    ("Sony", "SONY", Case::Capital),
    ("Toyota", "TM", Case::Capital),
    ("Baidu", "BIDU", Case::Capital),
    ("JD.com", "JD", Case::Capital),
    ("Dell", "DELL", Case::Capital),
    ("HP", "HPQ", Case::Upper),
    ("HPE", "HPE", Case::Upper),
    ("Hewlett Packard Enterprise", "HPE", Case::Capital),
    ("Super Micro", "SMCI", Case::Capital),
    ("Supermicro", "SMCI", Case::Capital),
    ("Super Micro Computer", "SMCI", Case::Capital),
    ("CoreWeave", "CRWV", Case::Capital),
    ("Snowflake", "SNOW", Case::Capital),
    ("Adobe", "ADBE", Case::Capital),
    ("ServiceNow", "NOW", Case::Capital),
    ("Shopify", "SHOP", Case::Capital),
    ("Uber", "UBER", Case::Capital),
    ("Airbnb", "ABNB", Case::Capital),
    ("Walt Disney", "DIS", Case::Capital),
    ("PepsiCo", "PEP", Case::Capital),
    ("McDonald's", "MCD", Case::Capital),
    ("McDonalds", "MCD", Case::Capital),
    ("Nike", "NKE", Case::Capital),
    ("PayPal", "PYPL", Case::Capital),
    ("Shell", "SHEL", Case::Capital),
    ("BP", "BP", Case::Upper),
    ("Novo Nordisk", "NVO", Case::Capital),
    ("Pfizer", "PFE", Case::Capital),
    ("Moderna", "MRNA", Case::Capital),
    ("UnitedHealth", "UNH", Case::Capital),
    ("Boeing", "BA", Case::Capital),
    ("Airbus", "AIR.PA", Case::Capital),
    ("Lockheed Martin", "LMT", Case::Capital),
    ("Caterpillar", "CAT", Case::Capital),
    ("John Deere", "DE", Case::Capital),
    ("Deere", "DE", Case::Capital),
    ("Ford", "F", Case::Capital),
    ("Ford Motor", "F", Case::Capital),
    ("General Motors", "GM", Case::Capital),
    // `GM` is also an analyst's gross margin (`a stronger F2H GM outlook`).
    ("GM", "GM", Case::Context),
    ("Stellantis", "STLA", Case::Capital),
    ("Volkswagen", "VOW3.DE", Case::Capital),
    ("Siemens", "SIE.DE", Case::Capital),
    ("SAP", "SAP", Case::Upper),
    ("Spotify", "SPOT", Case::Capital),
    ("Coinbase", "COIN", Case::Capital),
    ("MicroStrategy", "MSTR", Case::Capital),
    ("Marvell", "MRVL", Case::Capital),
    ("Lam Research", "LRCX", Case::Capital),
    ("Applied Materials", "AMAT", Case::Capital),
    ("KLA", "KLAC", Case::Upper),
    ("Texas Instruments", "TXN", Case::Capital),
    ("Arista", "ANET", Case::Capital),
    ("Arista Networks", "ANET", Case::Capital),
    ("Vertiv", "VRT", Case::Capital),
    ("Constellation Energy", "CEG", Case::Capital),
    ("Vistra", "VST", Case::Capital),
    ("Equinix", "EQIX", Case::Capital),
    ("Digital Realty", "DLR", Case::Capital),
    ("MercadoLibre", "MELI", Case::Capital),
    ("Mercado Libre", "MELI", Case::Capital),
    ("Mercado Livre", "MELI", Case::Capital),
    ("Nubank", "NU", Case::Capital),
    ("Nu Holdings", "NU", Case::Capital),
    ("Nu", "NU", Case::Context),
    ("XP Inc", "XP", Case::Capital),
    ("XP", "XP", Case::Upper),
    ("StoneCo", "STNE", Case::Capital),
    ("PagSeguro", "PAGS", Case::Capital),
    ("PagBank", "PAGS", Case::Capital),
    ("Petrobras", "PETR4", Case::Any),
    ("Petróleo Brasileiro", "PETR4", Case::Capital),
    ("Vale", "VALE3", Case::Capital),
    ("Itaú", "ITUB4", Case::Capital),
    ("Itau", "ITUB4", Case::Capital),
    ("Itaú Unibanco", "ITUB4", Case::Capital),
    ("Itau Unibanco", "ITUB4", Case::Capital),
    ("Bradesco", "BBDC4", Case::Any),
    ("Americanas", "AMER3", Case::Context),
    ("C&A", "CEAB3", Case::Capital),
    ("Banco do Brasil", "BBAS3", Case::Capital),
    // (`o spread de operações de crédito do Banco Brasil`: Reuters writes it without `do`.)
    ("Banco Brasil", "BBAS3", Case::Capital),
    // (Dimed's pharmacies, listed by their brand.)
    ("Panvel", "PNVL3", Case::Capital),
    ("Ambev", "ABEV3", Case::Capital),
    ("Embraer", "EMBR3", Case::Capital),
    ("WEG", "WEGE3", Case::UpperOrContext),
    ("Suzano", "SUZB3", Case::Capital),
    ("Gerdau", "GGBR4", Case::Capital),
    ("Eletrobras", "ELET3", Case::Any),
    ("Localiza", "RENT3", Case::Capital),
    ("Magazine Luiza", "MGLU3", Case::Capital),
    ("Magalu", "MGLU3", Case::Capital),
    // Brands of B3 issuers whose legal names do not show them (`CIA SANEAMENTO DE MINAS
    // GERAIS-COPASA MG`, `TRANSMISSORA ALIANÇA DE ENERGIA ELÉTRICA`, `RANDONCORP`), to the main
    // listing of `assets/b3.tsv`.
    ("Copasa", "CSMG3", Case::Capital),
    ("3tentos", "TTEN3", Case::Any),
    ("Log CP", "LOGG3", Case::Capital),
    ("RD", "RADL3", Case::Context),
    ("Três Tentos", "TTEN3", Case::Capital),
    ("Cteep", "ISAE3", Case::Capital),
    ("Taesa", "TAEE11", Case::Capital),
    ("Eztec", "EZTC3", Case::Capital),
    ("EZTec", "EZTC3", Case::Capital),
    ("EZTC", "EZTC3", Case::Upper),
    ("Even", "EVEN3", Case::Context),
    ("Tenda", "TEND3", Case::Context),
    // (`A Porto está começando a semana com duas recomendações de compra`: Porto Seguro; not `o
    // Porto de Santos`, a port, nor `Porto Alegre`.)
    ("Porto", "PSSA3", Case::Context),
    ("Randon", "RAPT3", Case::Capital),
    ("Banrisul", "BRSR3", Case::Capital),
    ("Banco da Amazônia", "BAZA3", Case::Capital),
    ("IRB Brasil", "IRBR3", Case::Capital),
    // (`BCE` alone is the European Central Bank in Portuguese.)
    ("BCE Inc", "BCE", Case::Capital),
    ("IRB Re", "IRBR3", Case::Capital),
    ("Dasa", "DASA3", Case::Context),
    ("Petz", "PETZ3", Case::Capital),
    ("Locaweb", "LWSA3", Case::Capital),
    ("Natura", "NTCO3", Case::Capital),
    ("Rumo", "RAIL3", Case::Capital),
    ("JBS", "JBS", Case::Upper),
    ("BTG Pactual", "BPAC11", Case::Capital),
    ("BTG", "BPAC11", Case::Upper),
    ("Sabesp", "SBSP3", Case::Capital),
    ("Cosan", "CSAN3", Case::Capital),
    ("Raízen", "RAIZ4", Case::Capital),
    ("Hapvida", "HAPV3", Case::Capital),
    ("Rede D'Or", "RDOR3", Case::Capital),
    ("Usiminas", "USIM5", Case::Capital),
    ("CSN", "CSNA3", Case::Upper),
    ("Companhia Siderúrgica Nacional", "CSNA3", Case::Capital),
    ("Klabin", "KLBN11", Case::Capital),
    ("Santander Brasil", "SANB11", Case::Capital),
    ("Banco Santander Brasil", "SANB11", Case::Capital),
    ("Santander Brazil", "SANB11", Case::Capital),
    ("Banco Santander Brazil", "SANB11", Case::Capital),
    ("Santander", "SAN", Case::Capital),
    ("Eneva", "ENEV3", Case::Capital),
    ("Cemig", "CMIG4", Case::Capital),
    ("Copel", "CPLE6", Case::Capital),
    ("Braskem", "BRKM5", Case::Capital),
    ("PRIO", "PRIO3", Case::Upper),
    ("PetroRio", "PRIO3", Case::Capital),
    ("Lojas Renner", "LREN3", Case::Capital),
    ("Renner", "LREN3", Case::Capital),
    ("Assaí", "ASAI3", Case::Capital),
    ("Totvs", "TOTS3", Case::Capital),
    ("Raia Drogasil", "RADL3", Case::Capital),
    ("RD Saúde", "RADL3", Case::Capital),
    ("RaiaDrogasil", "RADL3", Case::Capital),
    ("Raia", "RADL3", Case::Context),
    ("Vivo", "VIVT3", Case::Context),
    ("Telefônica Brasil", "VIVT3", Case::Capital),
    ("Equatorial", "EQTL3", Case::Capital),
    ("Sanepar", "SAPR11", Case::Capital),
    ("Multiplan", "MULT3", Case::Capital),
    ("Azul", "AZUL4", Case::Capital),
    // `gol` is a football goal and a Volkswagen car: the airline only in company context (`a Gol`).
    ("Gol", "GOLL3", Case::Context),
    ("Marfrig", "MRFG3", Case::Capital),
    // (`ações da Tim e da Telefônica`: written as a word, in company context only; `Tim` is also a
    // given name.)
    ("TIM", "TIMS3", Case::UpperOrContext),
    ("TIM Brasil", "TIMS3", Case::Capital),
    // (Grupo Multi's former name.)
    ("Multilaser", "MLAS3", Case::Capital),
    ("Minerva", "BEEF3", Case::Capital),
    ("BRF", "BRFS3", Case::Upper),
    ("Carrefour Brasil", "CRFB3", Case::Capital),
    ("Grupo Carrefour Brasil", "CRFB3", Case::Capital),
    ("Grupo Pão de Açúcar", "PCAR3", Case::Capital),
    ("Pão de Açúcar", "PCAR3", Case::Capital),
    ("GPA", "PCAR3", Case::Upper),
    ("Smart Fit", "SMFT3", Case::Capital),
    ("Bradespar", "BRAP4", Case::Capital),
    ("CSN Mineração", "CMIN3", Case::Capital),
    ("Casas Bahia", "BHIA3", Case::Capital),
    // `Via` (Via Varejo until 2021, Grupo Casas Bahia since 2023): also an everyday word.
    ("Via", "BHIA3", Case::Context),
    ("Engie Brasil", "EGIE3", Case::Capital),
    ("3M", "MMM", Case::Upper),
    ("Logitech", "LOGI", Case::Capital),
    ("Target", "TGT", Case::Context),
    // `Dow` alone is the index; the chemicals company with its suffix.
    ("Dow Inc", "DOW", Case::Capital),
    ("Regeneron", "REGN", Case::Capital),
    ("Bristol Myers Squibb", "BMY", Case::Capital),
    ("Bristol-Myers Squibb", "BMY", Case::Capital),
    ("Walgreens", "WBA", Case::Capital),
    ("Lululemon", "LULU", Case::Capital),
    ("TripAdvisor", "TRIP", Case::Capital),
];

/// Symbols outside the SEC list that are safe to read bare, by their shape (`PETR4`, `VALE3`).
pub(crate) const NON_REFERENCE: &[&str] = &[
    "PETR3", "PETR4", "VALE3", "ITUB3", "ITUB4", "BBDC3", "BBDC4", "BBAS3", "ABEV3", "EMBR3", "WEGE3", "SUZB3",
    "GGBR4", "ELET3", "ELET6", "RENT3", "MGLU3", "NTCO3", "RAIL3", "JBSS3", "BPAC11", "SBSP3", "CSAN3", "RAIZ4",
    "HAPV3", "RDOR3", "USIM5", "CSNA3", "KLBN11", "SANB11", "ENEV3", "CMIG4", "CPLE6", "BRKM5", "PRIO3", "LREN3",
    "ASAI3", "TOTS3", "RADL3", "VIVT3", "EQTL3", "SAPR11", "MULT3", "AZUL4", "B3SA3", "BBSE3", "CPFE3", "EGIE3",
    "HYPE3", "ITSA4", "MOTV3", "CMIN3", "VBBR3", "UGPA3", "TAEE11", "TIMS3", "YDUQ3", "COGN3", "BRFS3", "MRFG3",
    "BEEF3", "SMTO3", "SLCE3", "CYRE3", "MRVE3", "EZTC3", "IRBR3", "BOVA11", "SMAL11", "IVVB11", "CEAB3",
];

/// Phrases that contain a company-like word but name no company.
pub(crate) const NOT_COMPANIES: &[&str] = &[
    // National Bank of Canada's broker, not National Bank Holdings.
    "National Bank Financial",
    "Vale do Silício",
    "Vale do Silicio",
    "Vale do Paraíba",
    "vale a pena",
    "vale lembrar",
    "vale notar",
    "vale destacar",
    "vale ressaltar",
    "vale dizer",
    "vale mencionar",
    "vale observar",
    "vale registrar",
    "vale reforçar",
    "vale apontar",
    "Silicon Valley",
    "meta de",
    "metas de",
    "Amazon rainforest",
    "Amazon River",
    "Amazon basin",
    "floresta amazônica",
    "Oracle of Omaha",
    "shell company",
    "shell companies",
    "target price",
    "price target",
    "Big Apple",
    "rumo a",
    "rumo ao",
    "rumo à",
    "Ford Foundation",
    // (A quote service cited as a source: `Source: Google Finance`.)
    "Google Finance",
    "Yahoo Finance",
    "Harrison Ford",
    "Visa Waiver",
    "azul claro",
    "Banco Central",
    "Credit Suisse",
    "Dow Jones",
    "S&P",
    "S&P 500",
    "S&P/TSX",
    "Russell 2000",
    "Nasdaq Composite",
    "Nasdaq 100",
    "Arm's length",
    "arm's length",
    // Fortune's lists of the largest companies, not Fortune Brands.
    "Fortune 500",
    "Fortune 100",
    "Fortune 1000",
    "Fortune Global 500",
    // Yahoo Inc. (YHOO, sold and wound up in 2017), not Yahoo Japan's ADR: see `defunct`.
    "Yahoo",
    "Yahoo!",
    // Football cups, not Copa Holdings.
    "Copa do Mundo",
    "Copa do Brasil",
    "Copa América",
    "Copa Libertadores",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Symbol;

    #[test]
    fn curated_symbols_are_normal_symbols() {
        for (alias, symbol, _) in ALIASES {
            assert_eq!(Symbol::parse(symbol).map(String::from).as_deref(), Ok(*symbol), "{alias}");
        }
        for symbol in NON_REFERENCE {
            assert_eq!(Symbol::parse(symbol).map(String::from).as_deref(), Ok(*symbol));
        }
    }
}
