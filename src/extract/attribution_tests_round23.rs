//! Unit tests of the twenty-third round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_figure_of_the_companys_accounts_is_its_own_beside_the_economy() {
    let text = "A Ambev registrou lucro de R$ 2,831 bilhões. A fabricante de bebidas apresenta o resultado com um \
                impacto contábil. Após a categorização da Argentina como um país com a taxa de inflação superior a \
                100%, aplicou-se a norma, que resultou em ajuste positivo de R$ 115,4 milhões no resultado \
                financeiro e impacto negativo no lucro líquido de R$ 273,4 milhões.\n\nA norma gerou um impacto \
                negativo de R$ 573,8 milhões no Ebitda ajustado.";
    let want = pairs(&[
        ("R$ 2,831 bilhões", &["ABEV3"]),
        ("100%", &[]),
        ("R$ 115,4 milhões", &["ABEV3"]),
        ("R$ 273,4 milhões", &["ABEV3"]),
        ("R$ 573,8 milhões", &["ABEV3"]),
    ]);
    assert_eq!(figures(text), want);
    // (A sentence of the economy alone still ends the carry.)
    let text = "A Ambev registrou lucro de R$ 2,831 bilhões. A taxa de inflação subiu 4,5% no ano. O índice de \
                preços cresceu 0,3% em maio.";
    let want = pairs(&[("R$ 2,831 bilhões", &["ABEV3"]), ("4,5%", &[]), ("0,3%", &[])]);
    assert_eq!(figures(text), want);
}

#[test]
fn a_maker_of_drinks_is_the_brewer_named_before() {
    let text =
        "A Ambev (ABEV3) divulgou seu balanço. O Ebitda da fabricante de bebidas ficou 13,8% abaixo do esperado.";
    assert_eq!(figures(text), pairs(&[("13,8%", &["ABEV3"])]));
    // (Not the sale of drinks.)
    let text = "A Ambev (ABEV3) divulgou seu balanço. O Ibovespa subiu 1%. A venda de bebidas no país caiu 2%.";
    assert_eq!(figures(text), pairs(&[("1%", &[]), ("2%", &[])]));
}

#[test]
fn a_b3_issuers_brand_after_empreendimentos_names_it() {
    let text = "As ações da Pague Menos subiram 8,09%, a R$ 3,34.";
    assert_eq!(figures(text), pairs(&[("8,09%", &["PGMN11"]), ("R$ 3,34", &["PGMN11"])]));
}

#[test]
fn interest_and_taxes_subtracted_from_earnings_are_no_economy() {
    let text = "A Petrobras fechou o trimestre com lucro de R$ 32,5 bilhões. O Ebitda (os lucros da empresa antes de \
                subtrair os juros, impostos, depreciação e amortização) ajustado ficou em R$ 63,66 bilhões, queda de \
                3,8%.";
    let want = pairs(&[("R$ 32,5 bilhões", &["PETR4"]), ("R$ 63,66 bilhões", &["PETR4"]), ("3,8%", &["PETR4"])]);
    assert_eq!(figures(text), want);
}

#[test]
fn an_insurer_described_is_the_one_named_before() {
    let text = "Investors also bid up health care stocks, including Anthem. The insurer rose $7.40, or 3.1 percent, to \
                $249.15.";
    let want = pairs(&[("$7.40", &["ELV"]), ("3.1 percent", &["ELV"]), ("$249.15", &["ELV"])]);
    assert_eq!(figures(text), want);
}

#[test]
fn a_rival_the_company_takes_share_from_is_no_subject() {
    let text = "Goldman Sachs analysts suggest some positives for AMD. This includes expectations that the company will \
                continue to take share of the computing market from Intel (INTC). Accordingly, the average price \
                target is $179.84.";
    assert_eq!(figures(text), pairs(&[("$179.84", &["AMD"])]));
}

#[test]
fn a_sentence_opening_on_the_company_is_about_the_one_before() {
    let text = "Cenovus Energy (TSX:CVE) reported a profit thanks to its purchase of assets of ConocoPhillips. The \
                Calgary-based company reported a quarterly profit of $2.64 billion, including a gain on its venture \
                with ConocoPhillips. Gross sales totalled $4.08 billion.";
    assert_eq!(figures(text), pairs(&[("$2.64 billion", &["CVE"]), ("$4.08 billion", &["CVE"])]));
}

#[test]
fn a_company_compared_to_is_no_subject() {
    let text = "The gulf in BP (LSE:BP.) shareholder returns compared to Shell (LSE:SHEL) widened. The company, whose \
                shares yield an income of 5.7%, left its dividend policy the same.";
    assert_eq!(figures(text), pairs(&[("5.7%", &["BP"])]));
}

#[test]
fn a_company_set_beside_is_no_subject() {
    let text = "O Itaú BBA elegeu a Tenda (TEND3) como favorita. Além da Tenda, o Itaú BBA também destaca que a Plano & \
                Plano (PLPL3) oferece boa relação entre risco e retorno. O preço-alvo é de R$ 24.";
    assert_eq!(figures(text), pairs(&[("R$ 24", &["PLPL3"])]));
}

#[test]
fn a_us_state_alone_is_no_company() {
    let text = "Três Estados, liderados pelo governador da Califórnia, afirmaram planos. Na China, as exportações caíram \
                6,6% em março.";
    assert_eq!(figures(text), pairs(&[("6,6%", &[])]));
}
