//! Unit tests of the eighteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_rates_points_are_no_index_level() {
    let text = "O número de passageiros transportados pela Gol em outubro cresceu 40%. Já a taxa de ocupação recuou \
                4,9 pontos, para 70%. O tráfego doméstico de passageiros aumentou 33%.";
    assert_eq!(
        figures(text),
        pairs(&[("40%", &["GOLL3"]), ("4,9 pontos", &["GOLL3"]), ("70%", &["GOLL3"]), ("33%", &["GOLL3"])])
    );
    let text = "A Vale subiu 2%. O Ibovespa recuou 1.200 pontos, para 120.000 pontos.";
    assert_eq!(figures(text), pairs(&[("2%", &["VALE3"]), ("1.200 pontos", &[]), ("120.000 pontos", &[])]));
}
