//! The desktop app driven like a user would, headless: egui_kittest runs the real app state over a
//! temporary database (created with the sample research), finds widgets by their accessible
//! names, clicks and types. Waiting for the worker is deterministic: the app blocks until its
//! worker threads have answered (no sleeps, no timing).

use crate::app;

use std::time::Duration;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jevons::model::{NoteDraft, NoteEdit, TagName};
use jevons::store::Store;
use jevons::ui::action::Action;
use jevons::ui::{AppConfig, JevonsApp};

use app::{App, crowded_nvda, set_search, start, start_at, titles};

#[test]
fn a_new_database_opens_with_the_sample_research() {
    let app = start();
    assert!(app.app().is_ready());
    assert_eq!(app.app().result_count(), 3);
    assert!(app.has_label_containing("Ticker NVDA NVIDIA CORP"), "the sidebar lists NVDA with its company");
    assert!(app.has_label_containing("Tag ai,"), "the tag tree lists ai");
    assert!(app.has_label("NVIDIA perde quase US$ 600 bilhões em valor de mercado num dia"), "Portuguese titles show");
}

#[test]
fn writing_a_note_links_its_cashtags_tags_and_finds_it() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    assert!(app.input("Title").is_focused(), "Ctrl+N puts the cursor in the title");
    app.input("Title").type_text("Ações da NVIDIA: anotação de teste");
    app.settle();
    assert!(!app.has_label("$NVDA"), "no ticker before the cashtag is typed");
    app.type_into("Body", "Compra de $NVDA após a queda; ação barata, diz a análise.");
    assert!(app.has_label("$NVDA"), "the detected ticker shows as a chip while typing");
    app.shortcut(Modifiers::COMMAND, Key::S);
    let id = app.app().open_note().expect("the note was created");
    let stored = app.store().note(id).expect("stored");
    assert_eq!(stored.title, "Ações da NVIDIA: anotação de teste");
    assert_eq!(stored.body, "Compra de $NVDA após a queda; ação barata, diz a análise.");
    assert!(stored.tickers.iter().any(|t| t.symbol.as_str() == "NVDA"));

    app.type_into("Tags", "teste/gui");
    app.press(Key::Enter);
    assert!(app.has_label("#teste/gui"), "the tag chip shows");
    assert_eq!(app.store().note(id).unwrap().tags, ["teste/gui"]);

    set_search(&mut app, "#teste");
    assert_eq!(titles(&app), ["Ações da NVIDIA: anotação de teste"]);
    set_search(&mut app, "$NVDA");
    assert!(titles(&app).contains(&"Ações da NVIDIA: anotação de teste".to_owned()));
    assert!(app.has_label_containing("bearish"), "a query of one ticker opens its dossier beside the results");
}

#[test]
fn autosave_stores_typing_a_second_after_it_stops() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("Autosaved");
    app.harness.step();
    assert!(app.app().open_note().is_none(), "not saved at once");
    // Each step is a quarter of a second of app time.
    app.harness.run_steps(6);
    app.settle();
    let id = app.app().open_note().expect("saved after a second");
    assert_eq!(app.store().note(id).unwrap().title, "Autosaved");
}

#[test]
fn a_claim_is_checked_saved_with_its_source_and_shown_in_the_dossier() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("Capex dos hiperescaladores");
    app.type_into("Body", "Notes on $NVDA demand.");
    app.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let note = app.app().open_note().expect("a claim needs the note saved first");
    app.type_into("Claim", "Hyperscaler capex reaches US$ 300 bilhões em 2025");
    app.type_into("Value", "lots");
    assert!(app.has_label_containing("is not a number"), "the bad value is explained next to the field");
    app.click("Save claim");
    assert!(app.store().note(note).unwrap().claims.is_empty(), "nothing is saved while a field is invalid");

    app.replace("Value", "300B");
    app.type_into("currency", "USD");
    app.type_into("As of", "2025-13-01");
    assert!(app.has_label_containing("is not a date"));
    app.replace("As of", "2025-02-01");
    app.type_into("Claimant", "Morgan Stanley");
    app.click("NVDA ▲ bullish");

    app.click_role(Role::ComboBox, "Source");
    app.click("New source…");
    app.type_into("URL", "javascript:alert(1)");
    assert!(app.has_label_containing("is not a web address"));
    app.replace("URL", "https://example.com/capex-2025");
    app.type_into("Publisher", "Example Research");
    app.type_into("Quote", "capex of about $300 billion");
    app.click("Save claim");

    let claims = app.store().note(note).unwrap().claims;
    assert_eq!(claims.len(), 1, "saved once valid");
    let claim = &claims[0];
    assert_eq!(claim.display_value().as_deref(), Some("US$300B"));
    assert_eq!(claim.tickers[0].stance, Some(jevons::model::Stance::Bullish));
    assert_eq!(claim.sources[0].publisher.as_deref(), Some("Example Research"));
    assert_eq!(claim.sources[0].quote.as_deref(), Some("capex of about $300 billion"));
    assert!(app.has_label("US$300B"), "the table shows the value for people");

    app.click_containing("Ticker NVDA");
    assert!(app.has_label("Hyperscaler capex reaches US$ 300 bilhões em 2025"), "the dossier lists the claim");
    assert!(app.has_label("▲ 3 bullish"), "and counts its stance");
    assert!(app.has_label_containing("spread"), "figures that disagree are grouped");
}

#[test]
fn a_note_changed_elsewhere_while_typing_is_never_clobbered() {
    let mut app = start();
    app.click("Brokers split on NVIDIA after the DeepSeek sell-off");
    let id = app.app().open_note().unwrap();
    app.input("Body").focus();
    app.harness.step();
    app.harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    app.input("Body").type_text("\nMinha linha nova.");
    app.harness.step();

    // The command line edits the same note's text meanwhile.
    let mut other = app.store();
    let version = other.note_version(id).unwrap();
    let edit =
        NoteEdit { body: Some("Rewritten elsewhere.".into()), expected_version: Some(version), ..NoteEdit::default() };
    other.edit_note(id, &edit).unwrap();

    app.shortcut(Modifiers::COMMAND, Key::S);
    assert!(app.has_label("Keep mine") && app.has_label("Take theirs"), "both sides are offered");
    assert_eq!(other.note(id).unwrap().body, "Rewritten elsewhere.", "theirs is not overwritten silently");
    assert!(app.has_label_containing("Minha linha nova."), "mine is still here");

    app.click("Keep mine");
    let body = other.note(id).unwrap().body;
    assert!(body.ends_with("Minha linha nova."), "{body}");
    let history = other.revisions(id).unwrap();
    assert!(history.iter().any(|r| r.body == "Rewritten elsewhere."), "theirs stays in the history");
}

#[test]
fn a_change_of_links_elsewhere_is_merged_silently() {
    let mut app = start();
    app.click("Brokers split on NVIDIA after the DeepSeek sell-off");
    let id = app.app().open_note().unwrap();
    app.input("Title").focus();
    app.harness.step();
    app.harness.key_press(Key::End);
    app.input("Title").type_text(" (revisto)");
    app.harness.step();
    let mut other = app.store();
    let edit = NoteEdit { add_tags: vec![TagName::parse("cli").unwrap()], ..NoteEdit::default() };
    other.edit_note(id, &edit).unwrap();
    app.shortcut(Modifiers::COMMAND, Key::S);
    assert!(!app.has_label("Keep mine"), "no question when only links changed");
    let note = other.note(id).unwrap();
    assert_eq!(note.title, "Brokers split on NVIDIA after the DeepSeek sell-off (revisto)");
    assert!(note.tags.contains(&"cli".to_owned()));
}

#[test]
fn an_earlier_version_can_be_read_and_restored() {
    let mut app = start();
    app.click("Brokers split on NVIDIA after the DeepSeek sell-off");
    let id = app.app().open_note().unwrap();
    app.replace("Title", "Título novo");
    app.shortcut(Modifiers::COMMAND, Key::S);
    assert_eq!(app.store().note(id).unwrap().title, "Título novo");
    app.click("History");
    assert!(app.has_label("Brokers split on NVIDIA after the DeepSeek sell-off"), "the earlier title shows");
    assert!(app.has_label_containing("The day after the sell-off"), "with its text");
    app.click("Restore this version");
    assert_eq!(app.store().note(id).unwrap().title, "Brokers split on NVIDIA after the DeepSeek sell-off");
    assert_eq!(app.value_of("Title").as_deref(), Some("Brokers split on NVIDIA after the DeepSeek sell-off"));
}

#[test]
fn the_keyboard_moves_through_results_and_shows_help() {
    let mut app = start();
    set_search(&mut app, "");
    app.press(Key::ArrowDown);
    app.press(Key::Enter);
    let first = app.app().result_ids()[0];
    assert_eq!(app.app().open_note(), Some(first));
    app.input("Title").focus();
    app.harness.step();
    app.press(Key::Escape);
    app.press(Key::F1);
    assert!(app.has_label("Keyboard shortcuts"));
    app.press(Key::Escape);
    assert!(!app.has_label("Keyboard shortcuts"));
}

#[test]
fn search_completes_tickers_and_tags() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::F);
    app.input("Search").type_text("#ai/tr");
    app.settle();
    app.press(Key::Enter);
    assert_eq!(app.value_of("Search").as_deref(), Some("#ai/training "));
    assert_eq!(titles(&app), ["DeepSeek R1: what the training-cost claim means for $NVDA"]);
}

#[test]
fn only_web_links_reach_the_browser() {
    let mut app = start();
    for url in ["javascript:alert(1)", "file:///etc/passwd", "jevons://x", "https://arxiv.org/abs/2412.19437"] {
        app.harness.state_mut().apply(jevons::ui::action::Action::OpenLink(url.to_owned()));
    }
    app.harness.step();
    let opened: Vec<String> = app
        .harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(opened, ["https://arxiv.org/abs/2412.19437"]);
    assert_eq!(app.app().refused_links(), ["javascript:alert(1)", "file:///etc/passwd", "jevons://x"]);
}

#[test]
fn a_database_that_cannot_be_opened_says_why_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("not-a-database.db");
    std::fs::write(&bad, "these are my notes, not SQLite").unwrap();
    let mut app = start_at(bad.clone(), dir);
    assert!(!app.app().is_ready());
    assert!(app.has_label("Jevons could not open the research database"));
    assert!(app.has_label(&bad.display().to_string()), "it says where");
    assert!(app.has_label_containing("is not a SQLite database"), "and why");
    let good = bad.with_file_name("fresh.db");
    app.replace("Database file", &good.display().to_string());
    app.click("Open");
    assert!(app.app().is_ready());
    assert_eq!(app.app().result_count(), 3);
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "these are my notes, not SQLite", "left untouched");
}

#[test]
fn a_large_note_is_edited_in_blocks_and_saved_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("large.db");
    let paragraph = "A NVIDIA ($NVDA) perdeu US$ 589 bilhões; ação em queda.\nSegunda linha do parágrafo.\n\n";
    let body = paragraph.repeat(1_000_000 / paragraph.len());
    let id = {
        let mut store = jevons::database::open(&db).unwrap();
        store.create_note(&NoteDraft::new("Nota grande", body.clone())).unwrap()
    };
    let mut app = start_at(db, dir);
    app.harness.state_mut().apply(jevons::ui::action::Action::OpenNote(id));
    app.settle();
    assert!(app.has_label("Body, part 1"), "a 1 MB body is split into blocks");
    app.input("Body, part 1").focus();
    app.harness.step();
    app.input("Body, part 1").type_text("Início: ");
    app.settle();
    app.shortcut(Modifiers::COMMAND, Key::S);
    let stored = app.store().note(id).unwrap().body;
    assert_eq!(stored.len(), body.len() + "Início: ".len(), "the whole text is saved, with what was typed");
    assert_eq!(stored.replacen("Início: ", "", 1), body);
}

/// Frame costs at scale, printed (run with `cargo test --test ui -- --ignored --nocapture`;
/// `JEVONS_PERF_NOTES` sets the number of notes, a million by default). Not a pass/fail timing
/// test: issue 4 measures this properly; this shows the order of magnitude while developing.
#[test]
#[ignore = "slow: builds a large database"]
fn frame_costs_at_scale() {
    use std::time::Instant;
    let notes: usize = std::env::var("JEVONS_PERF_NOTES").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("large.db");
    let started = Instant::now();
    let big = {
        let mut store = jevons::database::open(&db).unwrap();
        let paragraph = "A NVIDIA ($NVDA) perdeu US$ 589 bilhões; ação em queda.\nSegunda linha.\n\n";
        let id =
            store.create_note(&NoteDraft::new("Nota de 1 MB", paragraph.repeat(1_000_000 / paragraph.len()))).unwrap();
        drop(store);
        // Test-only bulk load straight into the schema (the store writes one note per transaction).
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL;").unwrap();
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
             INSERT INTO note (uid, title, body, created_at, updated_at)
             SELECT 'bulk-' || i, 'Nota ' || i || ' sobre a demanda de GPUs',
                    'Texto da nota ' || i || ': capex, inferência e ações. $NVDA citado.',
                    printf('2024-%02d-%02dT10:00:00.000Z', 1 + i % 12, 1 + i % 28),
                    printf('2024-%02d-%02dT10:00:00.000Z', 1 + i % 12, 1 + i % 28)
             FROM n",
            [notes as i64],
        )
        .unwrap();
        id
    };
    println!("built {notes} notes in {:.1?}", started.elapsed());
    let started = Instant::now();
    let config = AppConfig { db: db.clone(), fresh: true, ..AppConfig::default() };
    let mut harness =
        Harness::builder().with_size(egui::vec2(1440.0, 900.0)).build_eframe(move |cc| JevonsApp::new(cc, config));
    println!("first frame after {:.1?}", started.elapsed());
    harness.state_mut().wait_for_worker(Duration::from_secs(600));
    harness.step();
    println!("results ({}) after {:.1?}", harness.state().result_count(), started.elapsed());
    let middle = harness.state().result_count() / 2;
    harness.state_mut().apply(jevons::ui::action::Action::SelectResult { row: middle, open: true });
    for _ in 0..5 {
        harness.step();
        harness.state_mut().wait_for_worker(Duration::from_secs(60));
    }
    let mut frames = Vec::new();
    for _ in 0..60 {
        let t = Instant::now();
        harness.step();
        frames.push(t.elapsed());
    }
    report("idle frame, 1M list scrolled to the middle, note open", &mut frames);

    harness.state_mut().apply(jevons::ui::action::Action::OpenNote(big));
    for _ in 0..5 {
        harness.step();
    }
    harness.query_all_by_label("Body, part 1").next().expect("blocks").focus();
    harness.step();
    let mut frames = Vec::new();
    for i in 0..120 {
        harness.event(egui::Event::Text(if i % 10 == 9 { " ".into() } else { "a".into() }));
        let t = Instant::now();
        harness.step();
        frames.push(t.elapsed());
    }
    report("typing in a 1 MB note", &mut frames);
}

fn report(what: &str, frames: &mut [Duration]) {
    frames.sort();
    let at = |q: f64| frames[((frames.len() - 1) as f64 * q) as usize];
    println!("{what}: median {:.2?}, p95 {:.2?}, max {:.2?}", at(0.5), at(0.95), at(1.0));
}

// ----------------------------------------------------------------------------------------------
// Issue 5: suggestions read out of the text, disagreements, links and status, charts.

/// A node whose label contains `text` and that can be clicked (not the label of a table cell).
fn clickable_containing<'a>(app: &'a App, text: &'a str) -> egui_kittest::Node<'a> {
    app.harness
        .query_all_by_label_contains(text)
        .find(|n| !matches!(n.accesskit_node().role(), Role::Label | Role::Unknown))
        .unwrap_or_else(|| panic!("nothing clickable named like {text:?}"))
}

#[test]
fn a_figure_read_from_the_text_becomes_a_claim_in_one_click() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("Reuters on the sell-off");
    let sentence = "On 2025-01-27 NVIDIA lost US$ 593 billion of market value, the largest loss in a day.";
    app.type_into(
        "Body",
        &format!("{sentence}\n\nCantor Fitzgerald argues the sell-off is a buying opportunity for NVDA shares."),
    );
    app.click("Suggestions from the text");
    assert!(app.has_label("= US$593B"), "the figure is read, with its value for people");
    assert!(app.has_label_containing("Dates: 2025-01-27"), "and the date");
    app.click("Claim US$ 593 billion");
    assert_eq!(app.value_of("Claim").as_deref(), Some(sentence), "the sentence is the claim's text");
    assert_eq!(app.value_of("Value").as_deref(), Some("593000000000"));
    assert_eq!(app.value_of("currency").as_deref(), Some("USD"));
    assert_eq!(app.value_of("As of").as_deref(), Some("2025-01-27"));
    assert_eq!(app.value_of("Quote").as_deref(), Some(sentence), "and the quote");
    assert!(app.has_label_containing("a quote needs a source"), "which needs a source before saving");
    app.replace("Value", "593B");
    app.click_role(Role::ComboBox, "Source");
    app.click("New source…");
    app.type_into("URL", "https://www.reuters.com/technology/nvidia-loss");
    app.type_into("Publisher", "Reuters");
    app.click("Save claim");

    let id = app.app().open_note().expect("the note was saved for its claim");
    let claims = app.store().note(id).unwrap().claims;
    assert_eq!(claims.len(), 1, "saved once a source was picked");
    let claim = &claims[0];
    assert_eq!(
        (claim.value, claim.currency.as_deref(), claim.as_of.as_deref()),
        (Some(593e9), Some("USD"), Some("2025-01-27"))
    );
    assert_eq!(claim.tickers.iter().map(|t| t.symbol.as_str()).collect::<Vec<_>>(), ["NVDA"], "NVIDIA is read as NVDA");
    assert_eq!(claim.sources[0].quote.as_deref(), Some(sentence));
    app.click("Suggestions from the text");
    assert!(app.has_label("in the claims"), "a figure recorded is not offered again");
    assert!(app.has_label("Claim the view of Cantor Fitzgerald"), "a claimant's view is offered too");
}

#[test]
fn what_the_text_says_is_highlighted_in_the_preview() {
    let mut app = start();
    app.click("NVIDIA perde quase US$ 600 bilhões em valor de mercado num dia");
    app.click("Preview");
    let marked = app.app().preview_highlights();
    for found in
        ["27 de janeiro de 2025", "NVIDIA", "$NVDA", "16,9%", "US$ 589 bilhões", "2.000 GPUs", "Cantor Fitzgerald"]
    {
        assert!(marked.iter().any(|m| m.contains(found)), "{found:?} not among {marked:?}");
    }
    // Typing changes the text: the highlights follow the new text once it is read again.
    app.click("Split");
    app.input("Body").focus();
    app.harness.step();
    app.harness.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    app.input("Body").type_text("Em 2025-02-03 a Microsoft comentou. ");
    app.settle();
    let marked = app.app().preview_highlights();
    assert!(marked.iter().any(|m| m == "2025-02-03") && marked.iter().any(|m| m == "Microsoft"), "{marked:?}");
    assert!(marked.iter().any(|m| m == "US$ 589 bilhões"), "earlier findings stay in place: {marked:?}");
    // Beside the editor, the panel under it still takes clicks.
    app.click("Suggestions from the text");
    assert!(app.has_label_containing("Dates: 2025-01-27, 2025-02-03"), "the suggestions follow the text too");
}

#[test]
fn the_dossier_shows_spreads_opposite_views_and_charts() {
    let mut app = start();
    app.click_containing("Ticker NVDA");
    let data = app.app().dossier_data().expect("the dossier arrived");
    assert_eq!(data.spreads.len(), 1, "the training cost: US$5.6M against US$6.0M");
    assert_eq!(data.clashes.len(), 1);
    assert!(app.has_label("US$5.6M – US$6.0M"), "the spread shows min and max");
    assert!(app.has_label_containing("spread 7.6% across 2 claims"), "and how far apart, relative");
    assert!(app.has_label_containing("OPPOSITE VIEWS AT THE SAME TIME"));
    assert!(app.has_label("Cantor Fitzgerald") && app.has_label("Raymond James"), "bullish and bearish side by side");
    let kind = |app: &App| app.harness.get_by_role_and_label(Role::ComboBox, "Figures").value();
    assert_eq!(kind(&app).as_deref(), Some("US$ (USD) · 5 claims"), "the chart plots the dollar figures first");
    assert!(app.has_label("● Investing.com"), "coloured by source");
    app.click("Colour by claimant");
    assert!(app.has_label("● DeepSeek"), "or by claimant");
    app.click_role(Role::ComboBox, "Figures");
    app.click("% · 2 claims");
    assert_eq!(kind(&app).as_deref(), Some("% · 2 claims"));
    assert!(app.has_label("● DeepSeek") && !app.has_label("● Investing.com"), "another kind of figure");
    assert!(app.has_label("Views per month"));
}

#[test]
fn claim_links_and_status_are_edited_in_the_form_and_shown_in_the_table() {
    let mut app = start();
    app.click("Brokers split on NVIDIA after the DeepSeek sell-off");
    let note = app.app().open_note().unwrap();
    let claims = app.store().note(note).unwrap().claims;
    let worried = claims.iter().find(|c| c.claimant.as_deref() == Some("Raymond James")).unwrap().id;
    let buy = claims.iter().find(|c| c.claimant.as_deref() == Some("Cantor Fitzgerald")).unwrap().id;
    app.click(&format!("Edit claim {worried}"));
    app.click_role(Role::ComboBox, "Status");
    app.click("disputed");
    app.click_role(Role::ComboBox, "Links");
    app.click("contradicts");
    app.click_role(Role::ComboBox, "Linked claim");
    clickable_containing(&app, "Buy NVDA on weakness").click();
    app.settle();
    app.click("Add link");
    app.click("Save claim");

    let stored = app.store().claim(worried).unwrap();
    assert_eq!(stored.status, jevons::model::Status::Disputed);
    assert_eq!(stored.links.iter().map(|l| (l.claim_id, l.verb())).collect::<Vec<_>>(), [(buy, "contradicts")]);
    assert!(app.has_label_containing("↳ contradicts “Buy NVDA on weakness"), "the table shows the link");
    assert!(app.has_label_containing("↳ contradicted by “DeepSeek's efficiency"), "from both sides");
    assert!(app.has_label("disputed"), "and the status");

    app.click(&format!("Edit claim {worried}"));
    app.click("Remove the link to “Buy NVDA on weakness: cheaper AI means more demand for compute (Jevons paradox)”");
    app.click("Save claim");
    assert!(app.store().claim(worried).unwrap().links.is_empty(), "a link is removed in the form too");
}

// ----------------------------------------------------------------------------------------------
// Issue 3: the keyboard, and a dossier that stays bounded on a ticker with thousands of claims.

#[test]
fn the_keyboard_finds_opens_and_goes_back_without_the_mouse() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::F);
    assert!(app.input("Search").is_focused(), "Ctrl+F puts the cursor in the search box");
    app.input("Search").type_text("nvidia");
    app.settle();
    let ids = app.app().result_ids().to_vec();
    assert!(ids.len() >= 2, "{ids:?}");
    assert_eq!(app.app().selected_result(), None);
    app.press(Key::ArrowDown);
    assert_eq!(app.app().selected_result(), Some(0), "Down from the search box highlights the first result");
    assert!(app.input("Search").is_focused(), "while the cursor stays in the box");
    app.press(Key::ArrowDown);
    app.press(Key::ArrowDown);
    assert_eq!(app.app().selected_result(), Some(2));
    app.press(Key::ArrowUp);
    assert_eq!(app.app().selected_result(), Some(1));
    app.press(Key::Enter);
    assert_eq!(app.app().open_note(), Some(ids[1]), "Enter opens the highlighted result");

    app.shortcut(Modifiers::COMMAND, Key::K);
    assert!(app.input("Search").is_focused(), "Ctrl+K focuses the search box too");
    app.press(Key::Escape);
    assert!(!app.input("Search").is_focused(), "Esc leaves the search box");
    assert_eq!(app.app().open_note(), Some(ids[1]), "and closes nothing else");
    app.press(Key::ArrowUp);
    assert_eq!(app.app().selected_result(), Some(0), "arrows move through the results outside the box");
    app.press(Key::Enter);
    assert_eq!(app.app().open_note(), Some(ids[0]));
    app.press(Key::Escape);
    assert_eq!(app.app().open_note(), Some(ids[1]), "Esc goes back to the note open before");

    set_search(&mut app, "$NVDA");
    assert_eq!(app.app().open_dossier_symbol(), Some("NVDA"), "a query of one ticker opens its dossier");
    app.press(Key::Escape);
    assert_eq!(app.app().open_dossier_symbol(), None, "Esc goes back from the dossier");
    assert_eq!(app.app().open_note(), Some(ids[1]));
}

#[test]
fn the_dossier_of_a_crowded_ticker_lists_a_bounded_page_and_more_on_request() {
    let (db, dir) = crowded_nvda(250, 400);
    let mut app = start_at(db, dir);
    app.click_containing("Ticker NVDA");
    let data = app.app().dossier_data().expect("the dossier arrived");
    let page = &data.page;
    assert_eq!((page.claims.len(), page.claim_count), (100, 411), "the 100 recorded last, with the count of all");
    assert_eq!((page.notes.len(), page.note_count), (200, 253));
    assert!(page.sources.len() <= 100);
    assert_eq!(data.kinds[0].points.len(), 400 - 134 + 5, "every dated figure is plotted");
    assert!(app.has_label("the 100 recorded last of 411 shown"));
    app.harness.get_by_label("Show 100 more").scroll_to_me();
    app.settle();
    app.click("Show 100 more");
    assert_eq!(app.app().dossier_data().map(|d| d.page.claims.len()), Some(200));
    assert!(app.has_label("the 200 recorded last of 411 shown"));
}

/// What the dossier of a ticker with thousands of claims costs (run with `cargo test --release
/// --test ui -- --ignored --nocapture dossier_costs`; `JEVONS_PERF_CLAIMS` sets the number
/// of claims, 20,000 by default). Printed, not asserted: the machine decides the numbers.
#[test]
#[ignore = "slow: builds a large database"]
fn dossier_costs_at_scale() {
    use std::time::Instant;
    let claims: usize = std::env::var("JEVONS_PERF_CLAIMS").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let started = Instant::now();
    let (db, dir) = crowded_nvda(claims / 4, claims);
    println!("built {} notes and {claims} claims in {:.1?}", claims / 4, started.elapsed());
    let store = Store::open(&db).unwrap();
    let symbol = jevons::model::Symbol::parse("NVDA").unwrap();
    let mut reads = Vec::new();
    let mut builds = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let page = store.dossier_page(&symbol, &jevons::store::DossierLimits::default()).unwrap();
        reads.push(t.elapsed());
        let data = jevons::ui::dossier::state::DossierData::build(page);
        builds.push(data.took);
    }
    report("store: bounded dossier page", &mut reads);
    report("worker: spreads, clashes, timeline, chart series", &mut builds);
    let mut app = start_at(db, dir);
    app.click_containing("Ticker NVDA");
    assert!(app.app().dossier_data().is_some());
    let mut frames = Vec::new();
    for _ in 0..40 {
        let t = Instant::now();
        app.harness.step();
        frames.push(t.elapsed());
    }
    report("frame with the dossier open", &mut frames);
}

// ----------------------------------------------------------------------------------------------
// Issue 7, point 7: mistakes are undone through the window.

#[test]
fn every_saved_version_of_a_note_comes_back_from_its_history() {
    let mut app = start();
    let title = "DeepSeek R1: what the training-cost claim means for $NVDA";
    app.click(title);
    let id = app.app().open_note().unwrap();
    let original = app.store().note(id).unwrap().body;
    app.replace("Body", "Second version, saved with Ctrl+S.");
    app.shortcut(Modifiers::COMMAND, Key::S);
    app.replace("Body", "Third version, saved by autosave.");
    app.harness.run_steps(6);
    app.settle();
    assert_eq!(app.store().note(id).unwrap().body, "Third version, saved by autosave.");

    // Each earlier version is listed (newest first), can be read, and made current again.
    let restore = |app: &mut App, nth: usize, expected: &str| {
        app.click("History");
        let versions = app.harness.query_all_by_label_contains("Version replaced").count();
        assert!(versions > nth, "{versions} versions listed");
        app.harness.query_all_by_label_contains("Version replaced").nth(nth).unwrap().click();
        app.settle();
        let start: String = expected.chars().take(40).collect();
        assert!(app.has_label_containing(&start), "the version's text shows: {start:?}");
        app.click("Restore this version");
        assert_eq!(app.store().note(id).unwrap().body, expected);
        assert_eq!(app.value_of("Body").as_deref(), Some(expected), "and is in the editor");
    };
    restore(&mut app, 1, &original);
    restore(&mut app, 1, "Second version, saved with Ctrl+S.");
    restore(&mut app, 1, "Third version, saved by autosave.");
    let kept: Vec<String> = app.store().revisions(id).unwrap().into_iter().map(|r| r.body).collect();
    for version in [original.as_str(), "Second version, saved with Ctrl+S.", "Third version, saved by autosave."] {
        assert!(kept.iter().any(|b| b == version), "restoring keeps every version: {version:?}");
    }
}

#[test]
fn a_deleted_note_stays_in_the_trash_until_restored_even_after_a_restart() {
    let mut app = start();
    let title = "Brokers split on NVIDIA after the DeepSeek sell-off";
    app.click(title);
    let id = app.app().open_note().unwrap();
    let before = app.store().note(id).unwrap();
    assert_eq!(before.claims.len(), 3);

    // (Undo is clicked a frame after the move, without waiting for the refresh it starts: the
    // toast's eight seconds run on the harness's clock, which settling advances a second a round.)
    app.harness.get_by_label("Move to trash").click();
    app.harness.run_ok();
    assert_eq!(app.app().open_note(), None);
    app.click("Undo");
    let back = app.store().note(id).unwrap();
    assert!(back.deleted_at.is_none(), "undo brings it back");
    assert_eq!(app.app().open_note(), Some(id), "and opens it");
    assert_eq!((back.body.as_str(), back.claims.len(), &back.tags), (before.body.as_str(), 3, &before.tags));

    app.click("Move to trash");
    let App { harness, db, _dir } = app;
    drop(harness);
    let mut app = start_at(db, _dir);
    assert_eq!(app.app().result_count(), 2, "after a restart the note is still out of the results");
    app.click_containing("Trash,");
    assert_eq!(titles(&app), [title], "and in the trash");
    app.click(title);
    assert!(app.has_label_containing("In the trash since"), "read-only there");
    app.click("Restore");
    let restored = app.store().note(id).unwrap();
    assert!(restored.deleted_at.is_none());
    assert_eq!(
        (restored.title.as_str(), restored.body.as_str(), restored.claims.len(), &restored.tags),
        (before.title.as_str(), before.body.as_str(), 3, &before.tags),
        "everything it had comes back"
    );
    assert!(!app.has_label_containing("In the trash since"));
}

#[test]
fn of_queries_sent_in_a_burst_the_last_one_is_shown() {
    let mut app = start();
    for typed in ["b", "br", "bro", "brok", "broke", "broker", "brokers"] {
        app.harness.state_mut().apply(Action::Search(typed.to_owned()));
    }
    app.settle();
    assert!(app.app().shows_results_for("brokers"));
    let query = jevons::query::parse("brokers").unwrap();
    let expected: Vec<_> = app.store().page(&query, None, 50).unwrap().results.iter().map(|r| r.id).collect();
    assert_eq!(expected.len(), 2, "the title of one sample note and the text of another");
    assert_eq!(app.app().result_ids(), expected);
}
