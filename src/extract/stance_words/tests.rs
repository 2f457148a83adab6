//! Unit tests of the stance cues, read from sentences.

use super::*;
use crate::extract::tokens::tokens;

fn stance(text: &str) -> Option<Stance> {
    read_stance(text, &tokens(text)).stance
}

#[test]
fn stances_read_plainly() {
    assert_eq!(stance("Cantor Fitzgerald defende a compra de ações da NVIDIA."), Some(Stance::Bullish));
    assert_eq!(stance("Analistas da Raymond James expressam preocupação."), Some(Stance::Bearish));
    assert_eq!(stance("Jefferies says buy NVDA on weakness."), Some(Stance::Bullish));
    assert_eq!(stance("Goldman cut its price target to $180."), Some(Stance::Bearish));
    assert_eq!(stance("Abbott (NYSE:ABT) price target raised to $60 by RBC."), Some(Stance::Bullish));
    let text = "O Morgan Stanley rebaixou o preço-alvo da Apple em US$ 5 para US$ 210.";
    let reading = read_stance(text, &tokens(text));
    assert_eq!((reading.stance, reading.level), (Some(Stance::Bearish), 3), "a target cut, not a rating's");
    assert_eq!(stance("O UBS rebaixou o BTG de Compra para Neutro."), Some(Stance::Bearish));
    assert_eq!(stance("It sees a buy-back, not a sell-off."), None);
    assert_eq!(
        stance("No grupo de ações com recomendação de overweight estão Vivara e Smart Fit."),
        Some(Stance::Bullish),
        "Portuguese `no` is no negation"
    );
    assert_eq!(stance("No analyst expects a buy here."), None, "English `no` is");
    assert_eq!(stance("The analyst named AbbVie as the top picks."), Some(Stance::Bullish));
    assert_eq!(stance("Bemobi (BMOB3) é nossa escolha."), Some(Stance::Bullish));
    assert_eq!(stance("A Equatorial é a principal aposta do setor."), Some(Stance::Bullish), "a top bet");
    assert_eq!(stance("Investors are placing bets on the rebound."), None, "not a top one");
    assert_eq!(stance("Upside is possible, Peter Arendas writes in a neutral analysis."), None, "a neutral view");
    assert_eq!(stance("KeyBanc analysts raised theirs to $195 from $170."), Some(Stance::Bullish), "their target");
    assert_eq!(stance("A rentabilidade da WEG no trimestre foi uma surpresa positiva."), None, "a result's surprise");
    let text = "O varejo se beneficiou, o que elevou as expectativas para os resultados.";
    assert!(!read_stance(text, &tokens(text)).rating, "expectations raised are no rating");
}

#[test]
fn a_rating_change_says_its_direction() {
    assert_eq!(stance("Keybanc lowered the advice for Amphenol from buy to hold."), Some(Stance::Bearish));
    assert_eq!(stance("O Citi rebaixou a Rumo de compra para neutro."), Some(Stance::Bearish));
    assert_eq!(stance("It moved AEP from sell to neutral."), Some(Stance::Bullish));
    let text = "A recomendação para as ações do Magalu foi mantida em neutra.";
    assert!(read_stance(text, &tokens(text)).neutral, "a passive keeps a rating too");
    assert_eq!(stance("Quatro casas reduziram projeções para a Petrobras."), Some(Stance::Bearish));
    assert_eq!(stance("He flipped his rating from Sell all the way to Neutral."), Some(Stance::Bullish));
    assert_eq!(stance("He bumped Freeport to Hold from Buy."), Some(Stance::Bearish), "new rating first");
    assert_eq!(
        stance("O Itaú BBA cortou na quarta-feira a recomendação para os papéis do BTG para market perform."),
        Some(Stance::Bearish),
        "a time phrase before the rating's noun"
    );
    assert_eq!(stance("Depois de o Goldman Sachs rebaixar a recomendação das ações."), Some(Stance::Bearish));
    assert_eq!(
        stance("A perda levou analistas a revisar estimativas e cortar preços-alvo."),
        None,
        "analysts at large"
    );
    assert_eq!(stance("O Morgan Stanley projetou um salto em seu cenário mais otimista."), None, "a scenario");
    assert_eq!(stance("No cenário pessimista, teríamos um preço-alvo de R$ 18 (15% de downside)."), None);
    assert_eq!(stance("In the bear scenario, the downside is 15%."), None);
    assert_eq!(stance("The downside is 15%, in Citi's view."), Some(Stance::Bearish), "no scenario");
    assert_eq!(stance("Becker said its stock should rebound after the call."), Some(Stance::Bullish), "forecast");
    assert_eq!(stance("Jefferies said the company's share price would climb to $400."), Some(Stance::Bullish));
    assert_eq!(stance("UBS expects Tesla's share price to fall by half."), Some(Stance::Bearish));
    assert_eq!(stance("Para a XP, as ações devem subir no ano."), Some(Stance::Bullish));
    assert_eq!(stance("Oil prices should rebound next year."), None, "not the shares");
    assert_eq!(stance("Its shares could fall further, UBS said."), Some(Stance::Bearish));
    assert_eq!(stance("e aumentou da BRF e da Marfrig."), Some(Stance::Bullish), "the rating left out");
    assert_eq!(stance("A receita aumentou da ordem de 5%."), None, "no name after `da`");
    let text = "Enquanto JPMorgan e Goldman Sachs mantiveram a neutra.";
    assert!(read_stance(text, &tokens(text)).neutral, "a plural verb keeps a rating too");
    let text = "A classificação para os papéis, por outro lado, continuou neutra.";
    assert!(read_stance(text, &tokens(text)).neutral, "kept by a verb of staying");
    let text = "Rolland raised his target to $15 from $12, but stayed at a neutral rating.";
    assert!(read_stance(text, &tokens(text)).neutral);
    assert_eq!(stance("Demand remains strong, and the firm is bullish."), Some(Stance::Bullish), "not a rating");
    let text = "A Petrobras segue a venda de ativos.";
    assert!(!read_stance(text, &tokens(text)).rating, "a sale, no rating stated");
    let text = "Coverage on AbbVie was also assumed at Neutral, with Goldman lowering its price target.";
    assert!(read_stance(text, &tokens(text)).neutral, "coverage taken up at a neutral rating");
    assert_eq!(stance("Shares started trading at market open, and Citi is bullish."), Some(Stance::Bullish));
    assert_eq!(
        stance("Após a XP revisar suas projeções e elevar o preço-alvo de R$ 43 para R$ 45."),
        Some(Stance::Bullish),
        "an infinitive whose subject is named before"
    );
    assert_eq!(stance("It moved AEP to Neutral from Sell."), Some(Stance::Bullish));
    assert_eq!(stance("O Citi passou a Vale para neutro de venda."), Some(Stance::Bullish));
    assert_eq!(stance("He lifted his target to $54 from $45."), Some(Stance::Bullish), "values, not ratings");
    assert_eq!(
        stance("O Itaú BBA reduziu o preço-alvo de R$ 7 para R$ 6, recomendando compra."),
        Some(Stance::Bullish)
    );
    assert_eq!(stance("Brokerage J.P.Morgan made a move by halving the price target."), Some(Stance::Bearish));
    assert_eq!(stance("Genial elege a Americanas como favorita."), Some(Stance::Bullish));
    assert_eq!(stance("O corte do preço-alvo da Vale pelo Credit Suisse."), Some(Stance::Bearish));
    assert_eq!(stance("O JPMorgan revisou para cima seu preço-alvo para a Renner."), Some(Stance::Bullish));
    assert_eq!(stance("Os analistas reduziram o preço-alvo dos papéis."), Some(Stance::Bearish));
    assert_eq!(stance("Wedbush's Dan Ives bumped his price target on Apple."), Some(Stance::Bullish));
    assert_eq!(stance("- 9/17 UBS (Buy) target to $135 from $153"), Some(Stance::Bullish), "a rating in brackets");
    assert_eq!(stance("The firm projects 200 basis points of positive operating leverage."), None, "a measure's sign");
    assert_eq!(stance("Os papéis da Eztec foram elevados a compra."), Some(Stance::Bullish), "`a` before a rating");
    assert_eq!(
        stance("Stifel maintained Starbucks Corporation (NASDAQ: SBUX) with a Buy and lowered the price target."),
        Some(Stance::Bullish),
        "a rating kept after the company's long name"
    );
    let text =
        "Jefferies maintained Roblox Corp (NYSE: RBLX) with a Hold and lowered the price target from $92 to $86.";
    assert!(read_stance(text, &tokens(text)).neutral, "a neutral rating kept");
    assert_eq!(
        stance("Bernstein reduz o preço-alvo de US$ 215 para US$ 185; mantém a recomendação de desempenho superior"),
        Some(Stance::Bullish),
        "outperform, in Portuguese words"
    );
    assert_eq!(stance("Saíram do encontro com uma visão mais construtiva."), Some(Stance::Bullish));
    assert_eq!(
        stance("Decidimos retirar as ações da Tractebel (EGIE3) da carteira sugerida."),
        Some(Stance::Bearish),
        "taken out of a suggested portfolio"
    );
    assert_eq!(stance("O pior período da Cyrela (CYRE3) já passou."), Some(Stance::Bullish), "the worst is past");
    assert_eq!(stance("They think the worst is over for Intel."), Some(Stance::Bullish));
    assert_eq!(stance("Mizuho thinks Netflix stock has further to run."), Some(Stance::Bullish), "room to rise");
    assert_eq!(
        stance("Deutsche Bank removed Exxon Mobil from its top picks list."),
        Some(Stance::Bearish),
        "taken off the picks"
    );
    assert_eq!(stance("BP share price down as RBC takes group off ‘top picks’ list"), Some(Stance::Bearish));
    assert_eq!(stance("Sanofi announced positive results from a study of its vaccine."), None, "results, no view");
    let text = "- 9/16 Morgan Stanley (Equal Weight) target to 100 from $140";
    assert!(read_stance(text, &tokens(text)).neutral, "a neutral rating in brackets");
}

#[test]
fn negated_words_count_for_nothing() {
    assert_eq!(stance("Mas nem todos os analistas compartilham dessa visão pessimista."), None);
    assert_eq!(stance("We are not worried about Nvidia."), None);
    let text = "Citi e Bernstein adotaram uma postura otimista semelhante.";
    let reading = read_stance(text, &tokens(text));
    assert_eq!((reading.stance, reading.similar), (Some(Stance::Bullish), true));
}
