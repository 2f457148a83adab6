//! Unit tests of the twenty-eighth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_bank_whose_target_is_set_stays_the_company_discussed() {
    let text = "Jason Bilodeau chopped his target price on Royal Bank of Canada by $2, to $66. Kevin Choquette cut \
                his target price to $70 from $75.";
    assert_eq!(
        figures(text),
        pairs(&[("$2", &["RY"]), ("$66", &["RY"]), ("$70", &["RY"]), ("$75", &["RY"])]),
        "the next analyst's target is on the same bank"
    );
}

#[test]
fn a_bank_whose_own_rating_was_cut_is_the_company_rated() {
    let text = "Wells Fargo's (WFC) rating was cut to underperform from neutral with a $50 price target by a Baird \
                analyst. Shares were down slightly to $53.76.";
    assert_eq!(figures(text), pairs(&[("$50", &["WFC"]), ("$53.76", &["WFC"])]));
}

#[test]
fn a_bank_s_calculations_are_its_analysts_work() {
    let text = "O Bradesco BBI elevou sua recomendação para a Intelbras de neutro para compra. Nas contas do Bradesco, \
                a Intelbras negocia a 7,2x seu lucro estimado. O banco reduziu o preço-alvo de R$ 22 por ação para \
                R$ 17.";
    assert_eq!(figures(text), pairs(&[("R$ 22", &["INTB3"]), ("R$ 17", &["INTB3"])]), "the company it covers");
}

#[test]
fn a_bank_describing_another_company_s_results_reports_none_of_its_own() {
    let text = "O BTG Pactual definiu o balanço da Localiza no terceiro trimestre com uma palavra: alívio.\nVeja os \
                destaques do resultado:\n- Lucro líquido: R$ 812,1 milhões (+22,2% a/a);";
    assert_eq!(figures(text), pairs(&[("R$ 812,1 milhões", &["RENT3"]), ("22,2%", &["RENT3"])]));
    let text = "O Itaú Unibanco divulgou o balanço do trimestre. O lucro foi de R$ 10 bilhões.";
    assert_eq!(figures(text), pairs(&[("R$ 10 bilhões", &["ITUB4"])]), "its own results, the quarter's");
}

#[test]
fn three_tentos_by_its_brand_and_a_quote_service_named_as_a_source() {
    let text = "A 3tentos subiu 5%. A Três Tentos caiu 2%.";
    assert_eq!(figures(text), pairs(&[("5%", &["TTEN3"]), ("2%", &["TTEN3"])]));
    let text = "Delta Air Lines Inc. (NYSE:DAL) stock fell 0.097% (As on October 17, Source: Google Finance) after \
                Cowen analysts upgraded the company with a $54 per share price target (up from $52).";
    assert_eq!(
        figures(text),
        pairs(&[("0.097%", &["DAL"]), ("$54", &["DAL"]), ("$52", &["DAL"])]),
        "no Alphabet in Google Finance"
    );
}

#[test]
fn a_company_set_beside_another_with_como_is_compared_and_log_cp_is_named() {
    let text = "Os papéis da Localiza (RENT3), por sua vez, também locadora como a Movida, tinham leve alta de 1,07%.";
    assert_eq!(figures(text), pairs(&[("1,07%", &["RENT3"])]));
    let text = "O JPMorgan elevou a recomendação da Log CP para neutro, com preço-alvo passando de R$ 21 para R$ 23.";
    assert_eq!(figures(text), pairs(&[("R$ 21", &["LOGG3"]), ("R$ 23", &["LOGG3"])]));
}

#[test]
fn banco_inter_by_its_old_b3_codes_and_raia_drogasil_as_rd() {
    let text = "As units do Inter (BIDI11) subiram 15,46% nesta sexta-feira.";
    assert_eq!(figures(text), pairs(&[("15,46%", &["INTR"])]), "Inter & Co, listed on the Nasdaq since 2022");
    let text = "A RD, dona das redes de farmácias Raia e Drogasil, teve lucro de R$ 173,6 milhões.";
    assert_eq!(figures(text), pairs(&[("R$ 173,6 milhões", &["RADL3"])]));
}

#[test]
fn a_bank_written_as_its_symbol_opening_an_item_is_its_subject() {
    let text = "- JPM saw its price target hiked to $92 from $75 at Bernstein. Up more than 28% year-to-date at \
                $84.73, the stock notched an all-time high.";
    assert_eq!(figures(text), pairs(&[("$92", &["JPM"]), ("$75", &["JPM"]), ("28%", &["JPM"]), ("$84.73", &["JPM"])]));
}

#[test]
fn a_bank_whose_forecasts_are_lowered_is_the_company_discussed() {
    let text = "Analysts have been busy lowering their performance expectations for Royal Bank of Canada after \
                another disappointing report. Canada's largest bank made $1.12-billion in the fourth quarter.";
    assert_eq!(figures(text), pairs(&[("$1.12", &["RY"])]));
}

#[test]
fn a_bank_drawing_attention_to_figures_comments_on_the_company_it_covers() {
    let text = "As ações da Locaweb (LWSA3) caem cerca de 47% no ano. Entre os destaques, o BofA chama a atenção para \
                a margem Ebitda de 15% a 20% e a posição de caixa líquido de R$ 540 milhões.";
    assert_eq!(
        figures(text),
        pairs(&[("47%", &["LWSA3"]), ("15%", &["LWSA3"]), ("20%", &["LWSA3"]), ("R$ 540 milhões", &["LWSA3"])])
    );
}
