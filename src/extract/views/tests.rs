//! Unit tests of the views read from whole texts.

mod round10;
mod round11;
mod round13;
mod round14;
mod round15;
mod round16;
mod round17;
mod round18;
mod round19;
mod round20;
mod round21;
mod round22;
mod round23;
mod round24;
mod round25;
mod round26;
mod round27;
mod round28;
mod round29;
mod round30;
mod round31;
mod round7;
mod round8;

use crate::extract::{Lexicon, analyse};
use crate::model::Stance;

fn found(text: &str) -> Vec<(String, String, Stance)> {
    let lexicon = Lexicon::new([("NVDA", "NVIDIA CORP"), ("RJF", "RAYMOND JAMES FINANCIAL INC")]);
    analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
}

fn view(claimant: &str, ticker: &str, stance: Stance) -> (String, String, Stance) {
    (claimant.to_owned(), ticker.to_owned(), stance)
}

#[test]
fn the_seed_article_reads_as_views() {
    let text = "A Cantor Fitzgerald defende a compra de ações da NVIDIA. Citi e Bernstein adotaram uma \
                postura otimista semelhante. Mas nem todos os analistas compartilham dessa visão pessimista \
                sobre o setor. Analistas da Raymond James expressam preocupação com a NVIDIA.";
    assert_eq!(
        found(text),
        [
            view("Cantor Fitzgerald", "NVDA", Stance::Bullish),
            view("Citi", "NVDA", Stance::Bullish),
            view("Bernstein", "NVDA", Stance::Bullish),
            view("Raymond James", "NVDA", Stance::Bearish),
        ]
    );
}

#[test]
fn a_similar_stance_is_about_the_company_of_the_view_before() {
    let text = "Cantor says buy NVDA on weakness. Citi and Bernstein took a similar optimistic stance, \
                while Raymond James worries about large GPU clusters.";
    assert_eq!(
        found(text),
        [
            view("Cantor", "NVDA", Stance::Bullish),
            view("Citi", "NVDA", Stance::Bullish),
            view("Bernstein", "NVDA", Stance::Bullish),
            view("Raymond James", "NVDA", Stance::Bearish),
        ],
        "the contrasted clause holds a view of its own, on the same company"
    );
}

#[test]
fn ratings_outrank_targets_and_firms_hold_the_views() {
    let lexicon = Lexicon::new([
        ("TSLA", "TESLA INC"),
        ("MSFT", "MICROSOFT CORP"),
        ("GS", "GOLDMAN SACHS GROUP INC"),
        ("PETR4", "PETROBRAS"),
        ("BAC", "BANK OF AMERICA CORP"),
    ]);
    let found = |text: &str| -> Vec<(String, String, Stance)> {
        analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
    };
    let text = "Credit Suisse analyst Dan Levy maintained Tesla with a Neutral rating and raised the price target.";
    assert_eq!(found(text), [], "a neutral rating kept is no view, whatever the target did");
    let text = "Wedbush analyst Daniel Ives maintained Tesla with an Outperform rating.";
    assert_eq!(found(text), [view("Wedbush", "TSLA", Stance::Bullish)], "the firm, not the analyst");
    let text = "Petrobras's results prompted Bank of America Corp. to recommend buying the stock.";
    assert_eq!(found(text), [view("Bank of America", "PETR4", Stance::Bullish)], "no legal suffix");
    let text = "One positive sign for Microsoft was the cloud, CFO Amy Hood told analysts.";
    assert_eq!(found(text), [], "an executive on her own company is not a view");
    let text = "Goldman Sachs cut its price target for Tesla. Eight analysts rate the shares a buy.";
    assert_eq!(found(text), [view("Goldman Sachs", "TSLA", Stance::Bearish)], "a count is no holder");
}

#[test]
fn unlisted_brokers_surnames_and_brokers_named_before_hold_views() {
    let lexicon = Lexicon::bundled();
    let found = |text: &str| -> Vec<(String, String, Stance)> {
        analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
    };
    let text = "Micron stock surged. Wolfe Research and Susquehanna both increased their targets.";
    assert_eq!(
        found(text),
        [view("Wolfe Research", "MU", Stance::Bullish), view("Susquehanna", "MU", Stance::Bullish)]
    );
    let text = "Tesla fell after a downgrade by Erste Group, which moved its rating to Sell.";
    assert_eq!(found(text), [view("Erste Group", "TSLA", Stance::Bearish)]);
    let text = "Netflix fell 5% after Goldman Sachs downgraded the company due to competition from Walt Disney.";
    assert_eq!(found(text), [view("Goldman Sachs", "NFLX", Stance::Bearish)], "the company talked about");
    let text = "Argus analyst Jim Kelleher covers Nvidia. Kelleher also argued that Nvidia's stock is a buy.";
    assert_eq!(found(text), [view("Argus", "NVDA", Stance::Bullish)], "the surname stands for the firm");
    let text = "Na quarta-feira, o Itaú BBA divulgou suas projeções para o setor. Com isso, o preço-alvo da \
                Suzano foi revisto de R$ 45,00 para R$ 57,00.";
    assert_eq!(found(text), [view("Itaú BBA", "SUZB3", Stance::Bullish)], "a target moved up, by the bank before");
}

#[test]
fn market_wraps_hold_no_views() {
    let lexicon = Lexicon::bundled();
    let text = "Destaque também para Vale ON (+1,99%), impulsionada pela valorização do minério.";
    assert!(analyse(text, &lexicon).views.is_empty(), "`Destaque` is no holder");
}

#[test]
fn passive_ratings_are_held_by_their_agents() {
    let lexicon = Lexicon::bundled();
    let found = |text: &str| -> Vec<(String, String, Stance)> {
        analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
    };
    let text = "As ações do Goldman Sachs caem 7%, depois que os papéis foram rebaixados pela Standard & Poor's \
                e pelo Bank of America Merrill Lynch (BofA). A S&P cortou os ratings da ação do Goldman.";
    assert_eq!(
        found(text),
        [
            view("Standard & Poor's", "GS", Stance::Bearish),
            view("Bank of America Merrill Lynch", "GS", Stance::Bearish)
        ],
        "`S&P` is Standard & Poor's again"
    );
}

#[test]
fn third_round_holders_lists_and_rating_directions() {
    let lexicon = Lexicon::bundled();
    let found = |text: &str| -> Vec<(String, String, Stance)> {
        analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
    };
    let text = "Keybanc Capital Markets lowered the advice for Amphenol (APH) from buy to hold.";
    assert_eq!(found(text), [view("Keybanc Capital Markets", "APH", Stance::Bearish)], "the direction of the change");
    let text =
        "Merrill Lynch analysts think Tesla is overvalued. They have a $65 price target and an Underperform rating.";
    assert_eq!(found(text), [view("Merrill Lynch", "TSLA", Stance::Bearish)], "a pronoun holds for the firm before");
    let text =
        "Já o HSBC elevou o preço-alvo da Petrobras de R$ 15 para R$ 18. A recomendação, porém, foi mantida em neutra.";
    assert_eq!(found(text), [], "a neutral rating right after the target move");
    let text = "O Citi rebaixou as ações do Assaí e do Carrefour Brasil para neutro.";
    assert_eq!(found(text), [view("Citi", "ASAI3", Stance::Bearish), view("Citi", "CRFB3", Stance::Bearish)]);
    let text = "Shares of Alphabet slipped after being downgraded to underperform by Wedbush, according to TheFly.";
    assert_eq!(found(text), [view("Wedbush", "GOOGL", Stance::Bearish)], "a news outlet holds no view");
    let text = "It's time to buy Universal Health Services, according to UBS. Analyst AJ Rice upgraded the stock.";
    assert_eq!(found(text), [view("UBS", "UHS", Stance::Bullish)], "an analyst with no firm of his own");
}

#[test]
fn english_views() {
    assert_eq!(found("Jefferies says buy NVDA on weakness."), [view("Jefferies", "NVDA", Stance::Bullish)]);
    assert_eq!(
        found("Raymond James analysts are worried about Nvidia's margins."),
        [view("Raymond James", "NVDA", Stance::Bearish)]
    );
    assert_eq!(found("Nvidia fell 17% on Monday."), []);
}

fn bundled(text: &str) -> Vec<(String, String, Stance)> {
    let lexicon = Lexicon::bundled();
    analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
}

#[test]
fn one_firm_goes_by_one_name() {
    let text = "Similarly, analysts at Robert W. Baird downgraded Intel's shares to neutral from outperform.";
    assert_eq!(bundled(text), [view("Robert W. Baird", "INTC", Stance::Bearish)], "an initial inside a name");
    let text = "Royal Bank of Canada restated a buy rating on shares of Apple.";
    assert_eq!(bundled(text), [view("Royal Bank of Canada", "AAPL", Stance::Bullish)], "no person before `of`");
    let text = "Finally, Hsbc Global Res upgraded shares of Intel from a sell rating to a hold rating.";
    assert_eq!(bundled(text), [view("Hsbc", "INTC", Stance::Bullish)], "a known broker's generic tail");
    let text =
        "O Bank of America (BofA) gosta da JBS. “Reiteramos nossa classificação de compra para a JBS”, disse o BofA.";
    assert_eq!(bundled(text), [view("Bank of America", "JBSS3", Stance::Bullish)], "the name first given");
    let text = "Portanto, o Bradesco BBI não espera impacto para a Embraer. O BBI reiterou sua recomendação de compra para a Embraer.";
    assert_eq!(bundled(text), [view("Bradesco BBI", "EMBR3", Stance::Bullish)], "an acronym that ends the name");
    let text = "With shares trading at $183 on Tuesday, that lowered target still implies upside for AvalonBay.";
    assert_eq!(bundled(text), [], "an everyday word holds nothing");
}

#[test]
fn analysts_stand_for_the_firm_they_were_named_with() {
    let text = "Since then, two prominent technology analysts, Cowen & Co.’s Timothy Arcuri and Merrill Lynch’s Wamsi Mohan, have downgraded Apple’s \
                stock. Mohan expressed concerns about a slowdown.";
    assert_eq!(bundled(text), [view("Cowen", "AAPL", Stance::Bearish), view("Merrill Lynch", "AAPL", Stance::Bearish)]);
    let text = "This makes Wells Fargo analyst Mohit Bansal believe Eli Lilly could grow. Echoing similar sentiments, \
                Bansal increased Eli Lilly’s price target to $650 from $615.";
    assert_eq!(bundled(text), [view("Wells Fargo", "LLY", Stance::Bullish)], "a surname acting");
}

#[test]
fn several_brokers_and_companies_in_one_sentence() {
    let text = "FDX reported disappointing earnings. Deutsche Bank and J.P. Morgan Securities cut their price targets \
                to $209 and $230, respectively -- both still in record-high territory -- while Credit Suisse and \
                Stephens raised their targets to $205 and $222, respectively.";
    assert_eq!(
        bundled(text),
        [
            view("Deutsche Bank", "FDX", Stance::Bearish),
            view("J.P. Morgan Securities", "FDX", Stance::Bearish),
            view("Credit Suisse", "FDX", Stance::Bullish),
            view("Stephens", "FDX", Stance::Bullish),
        ]
    );
    let text = "Os bancos Bradesco BBI, Santander e Bank of America cortaram para neutra a recomendação para os \
                papéis da Petrobras.";
    assert_eq!(
        bundled(text),
        [
            view("Bradesco BBI", "PETR4", Stance::Bearish),
            view("Santander", "PETR4", Stance::Bearish),
            view("Bank of America", "PETR4", Stance::Bearish),
        ]
    );
    let text = "O UBS BB rebaixou a recomendação de Itaú (ITUB4) de compra para neutra.";
    assert_eq!(bundled(text), [view("UBS BB", "ITUB4", Stance::Bearish)], "the bank rated");
    let text = "Cisco Systems (CSCO) fell. Citi downgraded the tech giant to sell, citing competitors such as \
                Arista Networks (ANET).";
    assert_eq!(bundled(text), [view("Citi", "CSCO", Stance::Bearish)], "the tech giant is the company before");
    let text = "Intel (NASDAQ:INTC) is down 1% after a cut at Barclays to Equal Weight.";
    assert_eq!(bundled(text), [view("Barclays", "INTC", Stance::Bearish)], "the company listed first holds nothing");
}

#[test]
fn a_stronger_cue_nearby_decides() {
    let text = "Coca-Cola (KO) had its price target dropped by analysts at JPMorgan Chase & Co. from $75.00 to $70.00. \
                The firm currently has an overweight rating on the stock.";
    assert_eq!(bundled(text), [view("JPMorgan Chase", "KO", Stance::Bullish)], "the rating, stated after the target");
    let text = "O UBS revisou o preço-alvo das ações da Lojas Renner de R$ 51,00 para R$ 52,00. Mas os analistas \
                baixaram suas estimativas. A recomendação do banco para os papéis permanece em neutro.";
    assert_eq!(bundled(text), [], "a neutral rating two sentences after a target move");
}

#[test]
fn lists_of_rated_companies_and_their_brackets() {
    let text = "O Safra rebaixou para venda as recomendações de Fleury (FLRY3 -0,13%, R$ 15,90) e Odontoprev \
                (ODPV3 -0,08%, R$ 13,14).";
    assert_eq!(
        bundled(text),
        [view("Safra", "FLRY3", Stance::Bearish), view("Safra", "ODPV3", Stance::Bearish)],
        "a bracketed aside inside the list"
    );
    let text =
        "Já a recomendação do BofA para Gerdau (GGBR4) e Metalúrgica Gerdau (BOV:GOAU4) caiu de compra para neutra.";
    assert_eq!(
        bundled(text),
        [view("BofA", "GGBR4", Stance::Bearish), view("BofA", "GOAU4", Stance::Bearish)],
        "the list before the stance word; one class bracketed stands for the name"
    );
    let text = "O Goldman Sachs cortou nesta segunda-feira (18) a recomendação da Petrobras (PETR3; PETR4), de neutra \
                para venda.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "PETR4", Stance::Bearish)], "a name's listings are one company");
    let text = "O forte desempenho de CSN (CSNA3) e Usiminas (USIM5) está ligado à melhora da recomendação de ambas \
                pelo Bank of America: a recomendação subiu direto de venda (underperform) para compra.";
    assert_eq!(
        bundled(text),
        [view("Bank of America", "CSNA3", Stance::Bullish), view("Bank of America", "USIM5", Stance::Bullish)],
        "`ambas` after two companies of the sentence"
    );
}

#[test]
fn what_follows_a_neutral_rating_explains_it() {
    let text = "O Goldman Sachs manteve sua recomendação neutra para a Cosan (CSAN3). Segundo o relatório, a principal \
                justificativa para a postura cautelosa é a incerteza.";
    assert_eq!(bundled(text), [], "a plain word right after");
    let text =
        "A recomendação do UBS para a Lojas Renner permanece em neutro. Eles diminuíram as projeções para o lucro.";
    assert_eq!(bundled(text), [], "estimates cut right after");
}

#[test]
fn headline_passives_are_held_by_the_firm_after_by() {
    let text = "Jazz Pharmaceuticals (NASDAQ:JAZZ) initiated with Buy rating and $206 (47% upside) by FBR citing \
                upside with top seller Xyrem.";
    assert_eq!(bundled(text), [view("FBR", "JAZZ", Stance::Bullish)], "the subject is rated, `by` names the firm");
    let text = "Citigroup (C), U.S. Bancorp (USB) and BB&T Corp. (BBT) were all downgraded Thursday.";
    assert_eq!(bundled(text), [], "rated companies with no firm hold nothing");
    let text = "Abbott (NYSE:ABT) price target raised to $60 by RBC. Mazor Robotics (NASDAQ:MZOR) downgraded to \
                Underweight by Barclays.";
    assert_eq!(
        bundled(text),
        [view("RBC", "ABT", Stance::Bullish)],
        "a sentence naming a listed company the finder does not know is not about the one before"
    );
}

#[test]
fn a_brokers_analyst_speaks_for_it() {
    let text = "Bank of America's Erika Najarian downgraded Regions Financial from Neutral to Underperform.";
    assert_eq!(bundled(text), [view("Bank of America", "RF", Stance::Bearish)], "the firm, not the analyst too");
    let text = "Jefferies' Jeffrey Holford mentioned in a report that the sector is cheap. Holford upgraded the \
                ratings on Bristol-Myers Squibb from Hold to Buy.";
    assert_eq!(bundled(text), [view("Jefferies", "BMY", Stance::Bullish)], "the surname after `Jefferies'`");
    let text = "And in lowering Regions Financial to Neutral from buy on Thursday, Goldman Sachs analyst Richard \
                Ramsden complained of poor results.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "RF", Stance::Bearish)], "`lowering … to Neutral from buy`");
}

#[test]
fn a_company_rated_is_no_holder() {
    let text = "A Energisa mantém recomendação de compra, apresentando TIR real de 13%, segundo os estrategistas.";
    assert_eq!(bundled(text), [], "the company keeps a rating: it is rated, and no firm is named");
    let text = "A XP mantém recomendação de compra para Hypera. Para o Credit Suisse, a Hypera é defensiva. Dessa \
                forma, mantém recomendação equivalente à compra.";
    assert_eq!(
        bundled(text),
        [view("XP", "HYPE3", Stance::Bullish), view("Credit Suisse", "HYPE3", Stance::Bullish)],
        "a broker named after the view before holds the next rating"
    );
}

#[test]
fn passives_without_a_firm_take_the_view_befores() {
    let text = "Morgan Stanley analysts downgraded Ford Motor and General Motors. Ford was downgraded to \
                equal weight. Its shares fell. General Motors was downgraded to underweight. Its stock fell. \
                Rivian Automotive and Magna International were both downgraded to equal weight from overweight.";
    let tickers: Vec<String> = bundled(text).into_iter().map(|v| v.1).collect();
    assert_eq!(tickers, ["F", "GM", "RIVN", "MGA"], "the holder of the last sentence with a view");
}

#[test]
fn a_list_goes_on_through_an_unknown_name() {
    let text = "O JPMorgan mantém recomendação de underweight para Magazine Luiza (MGLU3) e Pague Menos (PGMN3).";
    assert_eq!(
        bundled(text),
        [view("JPMorgan", "MGLU3", Stance::Bearish), view("JPMorgan", "PGMN3", Stance::Bearish)],
        "a name the finder does not know, before its bracketed symbol"
    );
}

#[test]
fn shares_and_bracketed_symbols_are_talked_about() {
    let text = "Os papéis do Bradesco (BOV:BBDC4) +1,76%; (BOV:BBDC3) +1,62%, animam o setor após o Goldman Sachs \
                elevar sua recomendação de venda para neutra.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "BBDC4", Stance::Bullish)], "one issuer, by its first name");
    let text = "O Morgan Stanley projeta um curto prazo difícil. Para a Americanas (AMER3), analistas do banco \
                mantêm recomendação overweight.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "AMER3", Stance::Bullish)], "a comma before `analistas`");
}

#[test]
fn a_contrast_after_a_neutral_rating_holds_its_own_view() {
    let text = "Passado quase um mês do IPO da XP, os bancos começaram a cobrir a ação. Goldman Sachs e UBS têm \
                recomendação ‘neutra’, enquanto o JP Morgan e o Morgan Stanley deram o call de compra. Os analistas \
                afirmam que a XP tem uma posição única.";
    assert_eq!(
        bundled(text),
        [view("JP Morgan", "XP", Stance::Bullish), view("Morgan Stanley", "XP", Stance::Bullish)],
        "the text's topic, a broker that never acts in it; a firm holds no view of its own shares"
    );
    let text = "But UBS, which is pessimistic about Tesla, expects Tesla’s share price to fall by half.";
    assert_eq!(bundled(text), [view("UBS", "TSLA", Stance::Bearish)], "a possessive after the verb is no speaker");
}

#[test]
fn a_broker_listed_with_holders_holds_too() {
    let text = "O Banco do Brasil (BBAS3) decepcionou. Pelo menos cinco casas rebaixaram a recomendação: Bradesco BBI, \
                Genial, BTG Pactual, Santander e XP. O Itaú BBA cortou o preço-alvo e adotou expectativas que \
                deixariam a rentabilidade pior que a do Bradesco.";
    let holders: Vec<String> = bundled(text).into_iter().map(|v| format!("{} {}", v.0, v.1)).collect();
    assert_eq!(
        holders,
        ["Bradesco BBI BBAS3", "Genial BBAS3", "BTG Pactual BBAS3", "Santander BBAS3", "XP BBAS3", "Itaú BBA BBAS3"],
        "a known broker between listed holders; the measure of a comparison is not rated"
    );
    let text = "Besides Susquehanna, BMO increased its target price on TGT stock to $82.";
    assert_eq!(bundled(text), [view("BMO", "TGT", Stance::Bullish)], "not joined by `and`");
}

#[test]
fn the_analyst_and_we_speak_for_the_firm_before() {
    let text = "Jefferies' Jeffrey Holford mentioned in a report that the sector is cheap. The analyst named AbbVie \
                (NYSE: ABBV) and Eli Lilly (NYSE: LLY) as the top picks.";
    assert_eq!(
        bundled(text),
        [view("Jefferies", "ABBV", Stance::Bullish), view("Jefferies", "LLY", Stance::Bullish)],
        "`The analyst`, every company of the list"
    );
    let text = "“Acreditamos que o setor desacelera”, dizem analistas do Citi. “Bemobi (BMOB3) é nossa escolha.”";
    assert_eq!(bundled(text), [view("Citi", "BMOB3", Stance::Bullish)], "`nossa escolha` in the firm's quote");
    let text = "Bank of America upgraded Hudbay Minerals to Buy. Further upside is possible for Hudbay Minerals, \
                Peter Arendas writes in a neutral analysis.";
    assert_eq!(bundled(text), [view("Bank of America", "HBM", Stance::Bullish)], "a neutral analysis is no view");
}
