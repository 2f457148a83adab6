//! How far two labellers agree on the thirteenth split (`links_released_v13.json` against
//! `second_labels_v13.json`, labelled again from the text alone with the same conventions): the
//! share of figures given the same tickers, and the F1 between the two lists of views (firms
//! matched as the quality tests match them). It bounds how much of the extractor's shortfall on
//! issue 18's targets label noise can explain. Both labellers are sessions of the same kind of
//! model, so people might agree less (`docs/extraction.md`, "Twelfth round").

use std::collections::BTreeMap;

use jevons::extract::firm_key;
use serde_json::Value;

const FIRST: &str = include_str!("../data/extract/links_released_v13.json");
const SECOND: &str = include_str!("../data/extract/second_labels_v13.json");

/// Agreement when the second labels were made: 0.972 of figures (1,128 of 1,161; English 0.952,
/// Portuguese 0.993) and view F1 0.945 (138 views in both lists of 146). The floors guard the
/// two files against edits that would make them disagree, not the extractor.
const FLOORS: (f64, f64) = (0.96, 0.93);

type ViewKey = (String, String, String);

fn views_of(passage: &Value) -> BTreeMap<ViewKey, usize> {
    let mut views = BTreeMap::new();
    for view in passage["views"].as_array().into_iter().flatten() {
        let field = |f: &str| view[f].as_str().unwrap_or_default().to_owned();
        *views.entry((firm_key(&field("claimant")), field("ticker"), field("stance"))).or_default() += 1;
    }
    views
}

fn tickers_of(attribution: &Value) -> Vec<String> {
    let mut tickers: Vec<String> =
        attribution["tickers"].as_array().into_iter().flatten().filter_map(|t| t.as_str().map(str::to_owned)).collect();
    tickers.sort();
    tickers
}

#[test]
fn two_labellers_of_the_thirteenth_split_agree_on_most_figures_and_views() {
    let first: Value = serde_json::from_str(FIRST).expect("the thirteenth split is JSON");
    let second: Value = serde_json::from_str(SECOND).expect("its second labels are JSON");
    let first = first["passages"].as_array().expect("passages");
    let second = second["passages"].as_array().expect("passages");
    assert_eq!(first.len(), second.len(), "the second labels cover every passage");
    let (mut figures, mut same) = (0, 0);
    let (mut in_first, mut in_second, mut in_both) = (0, 0, 0);
    for (a, b) in first.iter().zip(second) {
        assert_eq!(a["id"], b["id"], "passages in the same order");
        let (xs, ys) = (a["attributions"].as_array().expect("figures"), b["attributions"].as_array().expect("figures"));
        assert_eq!(xs.len(), ys.len(), "{}: the same figures", a["id"]);
        for (x, y) in xs.iter().zip(ys) {
            assert_eq!(x["text"], y["text"], "{}: the same figures in the same order", a["id"]);
            figures += 1;
            same += usize::from(tickers_of(x) == tickers_of(y));
        }
        let (va, vb) = (views_of(a), views_of(b));
        in_first += va.values().sum::<usize>();
        in_second += vb.values().sum::<usize>();
        in_both += va.iter().map(|(k, n)| (*n).min(vb.get(k).copied().unwrap_or(0))).sum::<usize>();
    }
    let attribution = same as f64 / figures as f64;
    let views = 2.0 * in_both as f64 / (in_first + in_second) as f64;
    println!(
        "labellers agree on {same} of {figures} figures ({attribution:.3}); views: {in_first} and {in_second}, {in_both} in both (F1 {views:.3})"
    );
    assert!(attribution >= FLOORS.0, "figure agreement {attribution:.3} is below {}", FLOORS.0);
    assert!(views >= FLOORS.1, "view agreement {views:.3} is below {}", FLOORS.1);
}
