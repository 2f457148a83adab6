//! Unit tests of the twenty-sixth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn porto_in_company_context_is_porto_seguro() {
    let text = "A Porto está começando a semana com alta de 2%. A ação da Porto subiu 3%.";
    assert_eq!(figures(text), pairs(&[("2%", &["PSSA3"]), ("3%", &["PSSA3"])]));
    // (Not a port, nor Porto Alegre.)
    let text = "O movimento no Porto de Santos cresceu 4%. Em Porto Alegre, as vendas subiram 5%.";
    assert_eq!(figures(text), pairs(&[("4%", &[]), ("5%", &[])]));
}
