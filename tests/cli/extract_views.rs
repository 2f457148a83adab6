//! `jevons extract --json` with the real binary: each figure's `tickers` (issue 18 point 1) and
//! the `views` list with byte offsets of the quote (point 2).

use crate::cli;

use cli::jevons_with_input;
use serde_json::Value;

fn extract(text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = jevons_with_input(&dir.path().join("j.db"), &["extract", "-", "--json"], text.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn each_figure_lists_the_tickers_it_is_about() {
    let text = "Nvidia tumbled, chipmaker Broadcom crashed 17.4%, followed by Microsoft and Google parent \
                Alphabet, which fell 2.1% and 4.2%, respectively. The Nasdaq lost 3.1%.";
    let json = extract(text);
    let percents: Vec<(f64, Vec<&str>)> = json["percents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let tickers = p["tickers"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
            (p["value"].as_f64().unwrap(), tickers)
        })
        .collect();
    assert_eq!(percents, [(17.4, vec!["AVGO"]), (2.1, vec!["MSFT"]), (4.2, vec!["GOOGL"]), (3.1, vec![])]);
}

#[test]
fn views_name_claimant_ticker_stance_and_the_quote_in_bytes() {
    let text = "Ações: a Cantor Fitzgerald defende a compra de ações da NVIDIA. Citi e Bernstein adotaram uma \
                postura otimista semelhante. Mas nem todos os analistas compartilham dessa visão pessimista.";
    let json = extract(text);
    let views: Vec<(&str, &str, &str, &str)> = json["views"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
            (
                v["claimant"].as_str().unwrap(),
                v["ticker"].as_str().unwrap(),
                v["stance"].as_str().unwrap(),
                &text[start..end],
            )
        })
        .collect();
    let first = "Ações: a Cantor Fitzgerald defende a compra de ações da NVIDIA.";
    let second = "Citi e Bernstein adotaram uma postura otimista semelhante.";
    assert_eq!(
        views,
        [
            ("Cantor Fitzgerald", "NVDA", "bullish", first),
            ("Citi", "NVDA", "bullish", second),
            ("Bernstein", "NVDA", "bullish", second)
        ]
    );
}
