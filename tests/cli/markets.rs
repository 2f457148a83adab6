//! Markets beyond the US, on real database files and with the real binary: the B3 reference list,
//! `$PETR4.SA` linking to PETR4, issuers grouping PETR3, PETR4 and PBR, the issuer's dossier as
//! the union of its listings', and company names in Portuguese.

use crate::cli;
use crate::common;

use cli::Cli;
use common::{draft, sym};
use jevons::extract::{Lexicon, analyse};
use jevons::model::{B3Class, ClaimDraft, ClaimTicker, Stance};
use jevons::store::{DossierLimits, Store};

fn symbols_of(listings: &[jevons::store::Listing]) -> Vec<&str> {
    listings.iter().map(|l| l.symbol.as_str()).collect()
}

#[test]
fn a_new_database_knows_b3_companies_and_their_issuers() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("r.db")).unwrap();
    let petr4 = store.ticker_info(&sym("PETR4")).unwrap();
    assert!(petr4.in_reference);
    assert_eq!(petr4.exchange.as_deref(), Some("B3"));
    assert!(petr4.name.unwrap().contains("PETROBRAS"));
    let issuer = store.issuer(&sym("PBR")).unwrap().expect("PBR's issuer is Petrobras");
    assert!(issuer.name.contains("PETROBRAS"), "{}", issuer.name);
    assert_eq!(symbols_of(&issuer.listings), ["PETR4", "PETR3", "PBR", "PBR-A"]);
    assert!(issuer.listings[0].main && !issuer.listings[1].main);
    assert_eq!(issuer.listings[1].class, Some(B3Class::On));
    assert_eq!(store.issuer(&sym("PETR3")).unwrap(), Some(issuer));
    assert_eq!(store.issuer(&sym("NVDA")).unwrap(), None, "a US-only company has no issuer group");
    let completions = store.complete_tickers("petrobras", 10).unwrap();
    assert!(completions.iter().any(|t| t.symbol == "PETR4"), "{completions:?}");
}

#[test]
fn suffixed_symbols_link_to_the_right_listing_and_colliding_ones_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut store = Store::open(&path).unwrap();
    let note = store
        .create_note(&draft(
            "Brasil",
            "Comprei $PETR4.SA e $petr3.sa; $RY.TO e $RY; opção $PETRK330; $VOD.L; ＰＥＴＲ４ typed wide",
            &[],
            &["ｖａｌｅ３．ｓａ"],
            "2025-02-01T10:00:00Z",
        ))
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let mut linked: Vec<String> = store.note(note).unwrap().tickers.iter().map(|t| t.symbol.to_string()).collect();
    linked.sort();
    assert_eq!(linked, ["PETR3", "PETR4", "RY", "RY.TO", "VALE3", "VOD.L"]);
    assert!(!store.ticker_info(&sym("RY.TO")).unwrap().in_reference, "Toronto's RY is not NYSE's");
    assert_eq!(store.ticker_dossier(&sym("PETR4"), 10).unwrap().note_count, 1);
}

#[test]
fn an_issuers_dossier_is_the_union_of_its_listings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut store = Store::open(&path).unwrap();
    let on = store.create_note(&draft("ON", "$PETR3 sobe", &[], &[], "2025-01-01T10:00:00Z")).unwrap();
    let both = store.create_note(&draft("Ambas", "$PETR3 e $PETR4", &[], &[], "2025-01-02T10:00:00Z")).unwrap();
    let adr = store.create_note(&draft("ADR", "$PBR falls", &[], &[], "2025-01-03T10:00:00Z")).unwrap();
    store.create_note(&draft("Other", "$VALE3", &[], &[], "2025-01-04T10:00:00Z")).unwrap();
    let claim = |text: &str, note: i64, tickers: &[&str]| ClaimDraft {
        text: text.into(),
        note_id: Some(note),
        tickers: tickers.iter().map(|s| ClaimTicker { symbol: sym(s), stance: Some(Stance::Bullish) }).collect(),
        ..ClaimDraft::default()
    };
    let shared = store.add_claim(claim("Both classes gain", both, &["PETR3", "PETR4"])).unwrap();
    let us = store.add_claim(claim("ADR gains", adr, &["PBR"])).unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    let limits = DossierLimits::default();
    let apart = store.dossier_page(&sym("PETR4"), &limits).unwrap();
    assert_eq!(apart.notes.iter().map(|n| n.id).collect::<Vec<_>>(), [both]);
    assert_eq!((apart.note_count, apart.claim_count), (1, 1));
    assert!(apart.issuer.as_ref().is_some_and(|i| i.listings.len() == 4));

    let together = store.issuer_dossier_page(&sym("PETR4"), &limits).unwrap();
    assert_eq!(together.info.symbol, "PETR4");
    assert_eq!(together.notes.iter().map(|n| n.id).collect::<Vec<_>>(), [adr, both, on], "newest first, each once");
    assert_eq!((together.note_count, together.claim_count), (3, 2), "the shared claim counts once");
    let mut claims: Vec<i64> = together.claims.iter().map(|c| c.id).collect();
    claims.sort();
    assert_eq!(claims, [shared, us]);
    assert_eq!(together.dated.len(), 0, "undated claims are not plotted");

    let small = DossierLimits { notes: 1, claims: 1, ..limits };
    let capped = store.issuer_dossier_page(&sym("PETR3"), &small).unwrap();
    assert_eq!(capped.notes.iter().map(|n| n.id).collect::<Vec<_>>(), [adr]);
    assert_eq!(capped.claims.iter().map(|c| c.id).collect::<Vec<_>>(), [us], "the claim recorded last");
    assert_eq!(capped.note_count, 3);

    let alone = store.issuer_dossier_page(&sym("NVDA"), &limits).unwrap();
    assert_eq!((alone.note_count, alone.issuer), (0, None));

    let mut store = Store::open(&path).unwrap();
    let dated = |text: &str, symbol: &str, stance: Stance| ClaimDraft {
        text: text.into(),
        as_of: Some("2025-01-10".into()),
        tickers: vec![ClaimTicker { symbol: sym(symbol), stance: Some(stance) }],
        ..ClaimDraft::default()
    };
    store.add_claim(dated("PBR will fall", "PBR", Stance::Bearish)).unwrap();
    store.add_claim(dated("PETR4 will rise", "PETR4", Stance::Bullish)).unwrap();
    let together = store.issuer_dossier_page(&sym("PETR4"), &limits).unwrap();
    let on: Vec<(String, Option<Stance>)> =
        together.dated.iter().map(|c| (c.tickers[0].symbol.to_string(), c.tickers[0].stance)).collect();
    assert_eq!(
        on,
        [("PETR4".to_owned(), Some(Stance::Bullish)), ("PETR4".to_owned(), Some(Stance::Bearish))],
        "compared as views on one company"
    );
    let apart = store.dossier_page(&sym("PETR4"), &limits).unwrap();
    assert_eq!(apart.dated.len(), 1);
}

#[test]
fn company_names_in_portuguese_name_the_main_listing() {
    let lexicon = Lexicon::bundled();
    let text = "A Petrobras e a Vale subiram, enquanto o Itaú caiu; a Centrais Elet Bras também. Vale a pena olhar. \
                Itau Unibanco Holding (NYSE: ITUB) is its ADR.";
    let found: Vec<(String, String)> =
        analyse(text, &lexicon).tickers.into_iter().map(|t| (t.text, t.symbol.to_string())).collect();
    assert_eq!(
        found,
        [
            ("Petrobras".to_owned(), "PETR4".to_owned()),
            ("Vale".to_owned(), "VALE3".to_owned()),
            ("Itaú".to_owned(), "ITUB4".to_owned()),
            ("Centrais Elet Bras".to_owned(), "ELET3".to_owned()),
            ("Itau Unibanco Holding".to_owned(), "ITUB4".to_owned()),
            ("ITUB".to_owned(), "ITUB".to_owned()),
        ]
    );
}

#[test]
fn the_petr4_dossier_names_petrobras_and_its_listings() {
    let cli = Cli::new();
    cli.ok(&["note", "add", "--title", "Petrobras", "--body", "Dividendos: $PETR4.SA, opção $PETRK330"]);
    let json = cli.json(&["ticker", "PETR4"]);
    assert!(json["name"].as_str().unwrap().contains("PETROBRAS"), "{json}");
    assert_eq!(json["class"], "PN");
    assert_eq!(json["note_count"], 1, "$PETR4.SA links to PETR4");
    let listings: Vec<&str> =
        json["issuer"]["listings"].as_array().unwrap().iter().map(|l| l["symbol"].as_str().unwrap()).collect();
    assert_eq!(listings, ["PETR4", "PETR3", "PBR", "PBR-A"]);
    let text = cli.ok(&["ticker", "petr4.sa"]);
    assert!(text.starts_with("$PETR4  PETROLEO BRASILEIRO S.A. PETROBRAS (B3)"), "{text}");
    assert!(text.contains("class: PN (preferred shares)"), "{text}");
    assert!(text.contains("listings: PETR4 (B3, PN, main), PETR3 (B3, ON), PBR (NYSE), PBR-A (NYSE)"), "{text}");
    assert_eq!(cli.json(&["ticker", "PETRK330"])["note_count"], 0, "an option code is not linked");
    assert!(cli.ok(&["ticker", "PETRK330"]).contains("shaped like a B3 option code"));
}
