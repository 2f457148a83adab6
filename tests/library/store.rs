//! Store operations per entity, on real files: notes, revisions, trash and purge cascades, tags,
//! tickers (reference list, normalisation, cashtags), sources, claims, migrations, integrity.

use crate::common;

use common::{draft, research, sym, tag};
use jevons::model::{
    ClaimDraft, ClaimLinkKind, ClaimTicker, NoteDraft, NoteEdit, Origin, SourceDraft, SourceUrl, Stance, Status,
};
use jevons::query::parse;
use jevons::store::{CURRENT_VERSION, DossierLimits, Store, StoreError};
use rusqlite::Connection;

fn tickers_of(store: &Store, id: i64) -> Vec<(String, Origin)> {
    store.note(id).unwrap().tickers.into_iter().map(|t| (t.symbol.to_string(), t.origin)).collect()
}

fn fts_is_sound(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn a_new_file_is_migrated_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = Store::open(&path).unwrap();
    assert!(store.was_created());
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!((version, app_id, mode.as_str()), (CURRENT_VERSION, jevons::store::APPLICATION_ID, "wal"));
    let reopened = Store::open(&path).unwrap();
    assert!(!reopened.was_created(), "a second open migrates nothing");
}

#[test]
fn an_empty_file_becomes_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    assert!(Store::open(&path).unwrap().was_created());
}

#[test]
fn the_reference_list_knows_companies() {
    let store = Store::open_in_memory().unwrap();
    let nvda = store.ticker_info(&sym("nvda")).unwrap();
    assert_eq!(
        (nvda.name.as_deref(), nvda.exchange.as_deref(), nvda.in_reference),
        (Some("NVIDIA CORP"), Some("Nasdaq"), true)
    );
    let brk = store.ticker_info(&sym("BRK.B")).unwrap();
    assert_eq!((brk.symbol.as_str(), brk.in_reference), ("BRK-B", true));
    let petr = store.ticker_info(&sym("PETR4")).unwrap();
    assert_eq!((petr.exchange.as_deref(), petr.in_reference), (Some("B3"), true), "the B3 list is bundled too");
    let found: Vec<String> = store.complete_tickers("nvid", 5).unwrap().into_iter().map(|t| t.symbol).collect();
    assert_eq!(found.first().map(String::as_str), Some("NVDA"), "company names complete too: {found:?}");
    let found: Vec<String> = store.complete_tickers("MSF", 5).unwrap().into_iter().map(|t| t.symbol).collect();
    assert_eq!(found.first().map(String::as_str), Some("MSFT"));
}

#[test]
fn symbols_outside_the_list_are_accepted_and_marked() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_note(&draft(
            "Brasil",
            "Petrobras $PETR4 e Vale $VALE3",
            &[],
            &["7203.T", "ITUB4"],
            "2025-01-01T00:00:00Z",
        ))
        .unwrap();
    let symbols: Vec<String> = tickers_of(&store, id).into_iter().map(|(s, _)| s).collect();
    assert_eq!(symbols, ["7203.T", "ITUB4", "PETR4", "VALE3"]);
    assert!(!store.ticker_info(&sym("7203.T")).unwrap().in_reference);
    assert!(store.ticker_info(&sym("VALE3")).unwrap().in_reference, "B3 listings are in the reference list");
}

#[test]
fn cashtags_link_and_unlink_on_every_save() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_note(&draft(
            "$nvda news",
            "and $brk.b, but not $6M or US$ 6 milhões",
            &[],
            &["AMD"],
            "2025-01-01T00:00:00Z",
        ))
        .unwrap();
    assert_eq!(
        tickers_of(&store, id),
        [("AMD".into(), Origin::Typed), ("BRK-B".into(), Origin::Detected), ("NVDA".into(), Origin::Detected)]
    );
    let edit = NoteEdit {
        title: Some("news".into()),
        body: Some("only $AMD now, $100 and $5.6".into()),
        ..NoteEdit::default()
    };
    store.edit_note(id, &edit).unwrap();
    assert_eq!(
        tickers_of(&store, id),
        [("AMD".into(), Origin::Typed)],
        "typed wins over detected; removed cashtags go"
    );
    let edit = NoteEdit { body: Some("nothing".into()), ..NoteEdit::default() };
    store.edit_note(id, &edit).unwrap();
    assert_eq!(tickers_of(&store, id), [("AMD".into(), Origin::Typed)], "removing a cashtag keeps the typed link");
    let edit = NoteEdit { remove_tickers: vec![sym("AMD")], ..NoteEdit::default() };
    store.edit_note(id, &edit).unwrap();
    assert!(tickers_of(&store, id).is_empty());
}

#[test]
fn every_text_change_keeps_a_revision() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_note(&NoteDraft::new("v1", "first")).unwrap();
    for (title, body) in [("v2", "second"), ("v2", "third"), ("v3", "third")] {
        let edit = NoteEdit { title: Some(title.into()), body: Some(body.into()), ..NoteEdit::default() };
        store.edit_note(id, &edit).unwrap();
    }
    let same = NoteEdit { body: Some("third".into()), ..NoteEdit::default() };
    store.edit_note(id, &same).unwrap();
    let revisions = store.revisions(id).unwrap();
    let texts: Vec<(&str, &str)> = revisions.iter().map(|r| (r.title.as_str(), r.body.as_str())).collect();
    assert_eq!(texts, [("v2", "third"), ("v2", "second"), ("v1", "first")], "newest first; unchanged saves add none");
    let restored = store.restore_revision(id, revisions[2].id, None).unwrap();
    assert_eq!((restored.title.as_str(), restored.body.as_str()), ("v1", "first"));
    assert_eq!(store.revisions(id).unwrap()[0].title, "v3", "restoring keeps what it replaced");
}

#[test]
fn an_edit_from_an_old_version_is_a_conflict() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.create_note(&NoteDraft::new("t", "b")).unwrap();
    let version = store.note(id).unwrap().version;
    store.edit_note(id, &NoteEdit { body: Some("elsewhere".into()), ..NoteEdit::default() }).unwrap();
    let stale = NoteEdit { body: Some("mine".into()), expected_version: Some(version), ..NoteEdit::default() };
    match store.edit_note(id, &stale) {
        Err(StoreError::Conflict { expected, found, .. }) => assert_eq!((expected, found), (version, version + 1)),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.note(id).unwrap().body, "elsewhere", "nothing was overwritten");
}

#[test]
fn trash_restore_and_purge() {
    let mut r = research();
    let store = &mut r.store;
    store.trash_note(r.cantor).unwrap();
    assert!(store.note(r.cantor).unwrap().deleted_at.is_some());
    assert!(!store.search_ids(&parse("$NVDA").unwrap()).unwrap().contains(&r.cantor));
    assert_eq!(store.ticker_dossier(&sym("NVDA"), 10).unwrap().stance.bullish, 0, "trashed claims leave the dossier");
    store.restore_note(r.cantor).unwrap();
    assert!(store.search_ids(&parse("$NVDA").unwrap()).unwrap().contains(&r.cantor));
    assert!(matches!(store.purge_note(r.cantor), Err(StoreError::Invalid(_))), "only trashed notes can be purged");
    store.trash_note(r.cantor).unwrap();
    store.purge_note(r.cantor).unwrap();
    assert!(matches!(store.note(r.cantor), Err(StoreError::NoteNotFound(_))));
    assert_eq!(store.empty_trash().unwrap(), 1, "the fixture's trashed note");
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn purging_removes_links_revisions_and_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = Store::open(&path).unwrap();
    let id = store.create_note(&draft("x", "$NVDA", &["a/b"], &["AMD"], "2025-01-01T00:00:00Z")).unwrap();
    store.edit_note(id, &NoteEdit { body: Some("$NVDA again".into()), ..NoteEdit::default() }).unwrap();
    let src = common::source(&mut store, "https://example.com/a", "Example");
    common::claim(&mut store, id, "c", "someone", &[("NVDA", Some(Stance::Bullish))], &[src]);
    store.trash_note(id).unwrap();
    store.purge_note(id).unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    for table in ["note_tag", "note_ticker", "note_source", "note_revision", "claim", "claim_ticker", "claim_source"] {
        let count: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(count, 0, "{table} still has rows");
    }
    let sources: i64 = conn.query_row("SELECT count(*) FROM source", [], |r| r.get(0)).unwrap();
    assert_eq!(sources, 1, "sources outlive the notes citing them");
    fts_is_sound(&path);
}

#[test]
fn the_full_text_index_never_drifts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fts.db");
    let mut store = Store::open(&path).unwrap();
    let mut ids = Vec::new();
    for i in 0..40 {
        ids.push(store.create_note(&NoteDraft::new(format!("note {i}"), format!("body {i} ação"))).unwrap());
    }
    for (i, id) in ids.iter().enumerate() {
        match i % 4 {
            0 => drop(
                store.edit_note(*id, &NoteEdit { body: Some(format!("edited {i}")), ..NoteEdit::default() }).unwrap(),
            ),
            1 => store.trash_note(*id).unwrap(),
            2 => {
                store.trash_note(*id).unwrap();
                store.purge_note(*id).unwrap();
            }
            _ => drop(
                store
                    .edit_note(*id, &NoteEdit { title: Some(format!("retitled {i}")), ..NoteEdit::default() })
                    .unwrap(),
            ),
        }
    }
    assert!(store.check().unwrap().is_sound());
    assert_eq!(store.search_ids(&parse("edited").unwrap()).unwrap().len(), 10);
    assert_eq!(store.search_ids(&parse("body").unwrap()).unwrap().len(), 10, "untouched bodies of retitled notes");
    assert_eq!(store.search_ids(&parse("retitled").unwrap()).unwrap().len(), 10);
    drop(store);
    fts_is_sound(&path);
}

#[test]
fn a_batch_indexes_its_notes_once_and_leaves_the_index_sound() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.db");
    let mut store = Store::open(&path).unwrap();
    let before = store.create_note(&NoteDraft::new("before the batch", "old words $AMD")).unwrap();
    let mut batch = store.batch().unwrap();
    let ids: Vec<_> = (0..50)
        .map(|i| {
            batch
                .create_note(&draft(
                    &format!("batch {i}"),
                    &format!("fresh words $NVDA {i}"),
                    &["ai/inference"],
                    &[],
                    "2025-01-27",
                ))
                .unwrap()
        })
        .collect();
    batch.commit().unwrap();
    // A batch that is dropped leaves nothing behind, not even its pending marker.
    let mut abandoned = store.batch().unwrap();
    abandoned.create_note(&NoteDraft::new("never", "abandoned words")).unwrap();
    drop(abandoned);
    store.edit_note(ids[0], &NoteEdit { body: Some("edited after".into()), ..NoteEdit::default() }).unwrap();
    store.edit_note(before, &NoteEdit { body: Some("changed $AMD".into()), ..NoteEdit::default() }).unwrap();
    store.create_note(&NoteDraft::new("after the batch", "late words")).unwrap();
    assert_eq!(store.search_ids(&parse("fresh").unwrap()).unwrap().len(), 49);
    assert_eq!(store.search_ids(&parse("$NVDA #ai").unwrap()).unwrap().len(), 49, "feeds follow the batch");
    assert_eq!(store.search_ids(&parse("abandoned").unwrap()).unwrap().len(), 0);
    assert_eq!(store.search_ids(&parse("changed").unwrap()).unwrap(), vec![before]);
    assert_eq!(store.search_ids(&parse("late").unwrap()).unwrap().len(), 1, "single writes index again after a batch");
    drop(store);
    fts_is_sound(&path);
}

#[test]
fn sidebar_counts_follow_every_change() {
    let mut r = research();
    let counts = |store: &Store| {
        let tickers: Vec<(String, u64)> = store.tickers().unwrap().into_iter().map(|t| (t.symbol, t.notes)).collect();
        let tags: Vec<(String, u64)> = store.tags().unwrap().into_iter().map(|t| (t.name, t.notes)).collect();
        (tickers, tags)
    };
    let check = |store: &Store| {
        let (tickers, tags) = counts(store);
        for (symbol, notes) in tickers {
            let found = store.search_ids(&parse(&format!("${symbol}")).unwrap()).unwrap().len() as u64;
            assert_eq!(notes, found, "${symbol}: the count is what a search finds");
        }
        for (name, notes) in tags {
            let found = store.search_ids(&parse(&format!("tag:\"{name}\"")).unwrap()).unwrap().len() as u64;
            assert_eq!(notes, found, "#{name}: the count is what a search finds");
        }
        for s in store.sources().unwrap() {
            let live = store.source_detail(s.source.id).unwrap().notes.len() as u64;
            assert_eq!(s.notes, live, "{}: live notes linking the source", s.source.url);
        }
    };
    check(&r.store);
    r.store.trash_note(r.cantor).unwrap();
    check(&r.store);
    r.store.restore_note(r.cantor).unwrap();
    r.store
        .edit_note(
            r.perda,
            &NoteEdit { body: Some("sem cashtags".into()), add_tags: vec![tag("ai/x")], ..NoteEdit::default() },
        )
        .unwrap();
    check(&r.store);
    r.store.trash_note(r.cost).unwrap();
    r.store.purge_note(r.cost).unwrap();
    check(&r.store);
}

#[test]
fn tags_are_unique_regardless_of_case_and_nest() {
    let mut store = Store::open_in_memory().unwrap();
    store.create_note(&draft("a", "", &["AI/Inference"], &[], "2025-01-01T00:00:00Z")).unwrap();
    store.create_note(&draft("b", "", &["ai/inference", "ai"], &[], "2025-01-01T00:00:00Z")).unwrap();
    let tags: Vec<(String, u64)> = store.tags().unwrap().into_iter().map(|t| (t.name, t.notes)).collect();
    assert_eq!(
        tags,
        [("AI".to_owned(), 2), ("AI/Inference".to_owned(), 2)],
        "the first spelling seen is shown; a tag counts the notes under it"
    );
    let id = store.create_note(&draft("c", "", &["x"], &[], "2025-01-01T00:00:00Z")).unwrap();
    store
        .edit_note(id, &NoteEdit { remove_tags: vec![tag("X")], add_tags: vec![tag("y")], ..NoteEdit::default() })
        .unwrap();
    assert_eq!(store.note(id).unwrap().tags, ["y"]);
}

#[test]
fn sources_are_deduplicated_by_canonical_url() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store
        .add_source(&SourceDraft::new(SourceUrl::parse("https://www.reuters.com/x/?utm_source=t").unwrap()))
        .unwrap();
    let b = store
        .add_source(&SourceDraft {
            publisher: Some("Reuters".into()),
            ..SourceDraft::new(SourceUrl::parse("https://reuters.com/x#top").unwrap())
        })
        .unwrap();
    assert_eq!(a, b);
    assert_eq!(store.source(a).unwrap().publisher.as_deref(), Some("Reuters"), "missing details are filled in");
    assert!(matches!(store.source(999), Err(StoreError::SourceNotFound(999))));
}

#[test]
fn claims_carry_values_stances_sources_and_quotes() {
    let mut r = research();
    let store = &mut r.store;
    let src =
        store.add_source(&SourceDraft::new(SourceUrl::parse("https://arxiv.org/abs/2412.19437").unwrap())).unwrap();
    let id = store
        .add_claim(ClaimDraft {
            text: "R1 training cost about US$6M".into(),
            value: Some(6e6),
            currency: Some("usd".into()),
            as_of: Some("2025-01".into()),
            claimant: Some("DeepSeek".into()),
            note_id: Some(r.cost),
            tickers: vec![ClaimTicker { symbol: sym("NVDA"), stance: Some(Stance::Bearish) }],
            sources: vec![(src, Some("about $6M".into()))],
            ..ClaimDraft::default()
        })
        .unwrap();
    let claim = store.claim(id).unwrap();
    assert_eq!(claim.display_value().as_deref(), Some("US$6.0M"));
    assert_eq!((claim.currency.as_deref(), claim.status), (Some("USD"), Status::Unverified));
    assert_eq!(claim.sources[0].quote.as_deref(), Some("about $6M"));
    let note = store.note(r.cost).unwrap();
    assert!(note.claims.iter().any(|c| c.id == id));
    assert!(note.sources.iter().any(|s| s.id == src), "sources cited by a note's claims are the note's sources");
    let moved =
        store.update_claim(id, ClaimDraft { note_id: Some(r.jevons), ..ClaimDraft::from_claim(&claim) }).unwrap();
    assert_eq!(moved.note_id, Some(r.jevons));
    assert!(store.search_ids(&parse("$NVDA").unwrap()).unwrap().contains(&r.jevons), "claim links follow the claim");
    assert!(!store.note(r.cost).unwrap().sources.iter().any(|s| s.id == src));
    store.delete_claim(id).unwrap();
    assert!(!store.search_ids(&parse("$NVDA").unwrap()).unwrap().contains(&r.jevons));
    assert!(matches!(store.claim(id), Err(StoreError::ClaimNotFound(_))));
}

#[test]
fn bad_claims_are_refused_before_anything_is_written() {
    let mut store = Store::open_in_memory().unwrap();
    for draft in [
        ClaimDraft { text: " ".into(), ..ClaimDraft::default() },
        ClaimDraft { text: "x".into(), as_of: Some("2025-13-45".into()), ..ClaimDraft::default() },
        ClaimDraft { text: "x".into(), currency: Some("dollars".into()), ..ClaimDraft::default() },
        ClaimDraft { text: "x".into(), note_id: Some(999), ..ClaimDraft::default() },
        ClaimDraft { text: "x".into(), sources: vec![(999, None)], ..ClaimDraft::default() },
    ] {
        assert!(store.add_claim(draft.clone()).is_err(), "{draft:?}");
    }
    let count: (u64, u64) = store.note_counts().unwrap();
    assert_eq!(count, (0, 0));
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn the_ticker_dossier_gathers_everything() {
    let r = research();
    let d = r.store.ticker_dossier(&sym("NVDA"), 100).unwrap();
    assert_eq!((d.name.as_deref(), d.exchange.as_deref()), (Some("NVIDIA CORP"), Some("Nasdaq")));
    assert_eq!(d.note_count, 4);
    assert_eq!((d.stance.bullish, d.stance.bearish, d.stance.neutral), (1, 3, 0));
    assert_eq!(d.claims.len(), 4);
    assert_eq!(d.sources.len(), 2);
    let limited = r.store.ticker_dossier(&sym("NVDA"), 2).unwrap();
    assert_eq!((limited.notes.len(), limited.note_count), (2, 4));
    let unknown = r.store.ticker_dossier(&sym("ZZZZ"), 10).unwrap();
    assert!(!unknown.in_reference && unknown.notes.is_empty());
}

#[test]
fn claim_links_are_saved_with_the_claim_and_read_from_both_sides() {
    let mut r = research();
    let claims = r.store.note(r.cantor).unwrap().claims;
    let buy = claims.iter().find(|c| c.text.starts_with("Buy")).unwrap().clone();
    let concern = claims.iter().find(|c| c.text.starts_with("Concern")).unwrap().clone();
    let edited = ClaimDraft { status: Status::Disputed, ..ClaimDraft::from_claim(&concern) };
    r.store.save_claim(Some(concern.id), edited, &[(buy.id, ClaimLinkKind::Contradicts)]).unwrap();
    let from = r.store.claim(concern.id).unwrap();
    assert_eq!(from.status, Status::Disputed);
    let link =
        |c: &jevons::model::Claim| c.links.iter().map(|l| (l.claim_id, l.verb(), l.text.clone())).collect::<Vec<_>>();
    assert_eq!(link(&from), [(buy.id, "contradicts", buy.text.clone())]);
    assert_eq!(link(&r.store.claim(buy.id).unwrap()), [(concern.id, "contradicted by", concern.text.clone())]);
    assert_eq!(r.store.note(r.cantor).unwrap().claims.iter().map(|c| c.links.len()).sum::<usize>(), 2);

    // A bad link refuses the whole save: the claim's other changes are not written either.
    let renamed = ClaimDraft { text: "Renamed".into(), ..ClaimDraft::from_claim(&from) };
    assert!(matches!(
        r.store.save_claim(Some(concern.id), renamed.clone(), &[(999, ClaimLinkKind::Supports)]),
        Err(StoreError::ClaimNotFound(999))
    ));
    assert!(r.store.save_claim(Some(concern.id), renamed, &[(concern.id, ClaimLinkKind::Updates)]).is_err());
    assert_eq!(r.store.claim(concern.id).unwrap().text, concern.text);
    assert_eq!(link(&r.store.claim(concern.id).unwrap()).len(), 1);

    // A new claim can link on its first save; saving without links removes the ones it made.
    let draft =
        ClaimDraft { text: "Raymond James updates its view".into(), note_id: Some(r.cantor), ..ClaimDraft::default() };
    let update = r.store.save_claim(None, draft, &[(concern.id, ClaimLinkKind::Updates)]).unwrap();
    assert_eq!(link(&r.store.claim(concern.id).unwrap()).len(), 2);
    let again = ClaimDraft::from_claim(&r.store.claim(update).unwrap());
    r.store.save_claim(Some(update), again, &[]).unwrap();
    assert!(r.store.claim(update).unwrap().links.is_empty());
    r.store.delete_claim(concern.id).unwrap();
    assert!(r.store.claim(buy.id).unwrap().links.is_empty(), "links go with a deleted claim");
}

#[test]
fn the_dossier_page_reads_bounded_lists_with_full_counts() {
    let r = research();
    let full = r.store.ticker_dossier(&sym("NVDA"), 100).unwrap();
    let page = r.store.dossier_page(&sym("NVDA"), &DossierLimits::default()).unwrap();
    assert_eq!((page.note_count, page.claim_count, page.stance), (full.note_count, 4, full.stance));
    assert_eq!(page.sources.len(), full.sources.len());
    assert!(page.dated.is_empty(), "the fixture's claims have no as-of date");

    let mut store = Store::open_in_memory().unwrap();
    let src = common::source(&mut store, "https://example.com/a", "Example");
    let notes: Vec<i64> = (0..120)
        .map(|i| store.create_note(&NoteDraft::new(format!("Note {i}"), format!("On $NVDA, part {i}"))).unwrap())
        .collect();
    for i in 0..300_i64 {
        let stance = [Some(Stance::Bullish), Some(Stance::Bearish), None][(i % 3) as usize];
        store
            .add_claim(ClaimDraft {
                text: format!("Claim {i}"),
                value: (i % 2 == 0).then_some(i as f64),
                currency: Some("USD".into()),
                as_of: (i % 10 != 0).then(|| format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                note_id: Some(notes[(i % 120) as usize]),
                tickers: vec![
                    ClaimTicker { symbol: sym("NVDA"), stance },
                    ClaimTicker { symbol: sym("AMD"), stance: Some(Stance::Neutral) },
                ],
                sources: vec![(src, Some("quoted".into()))],
                ..ClaimDraft::default()
            })
            .unwrap();
    }
    let limits = DossierLimits { notes: 10, claims: 20, sources: 5, dated: 50 };
    let page = store.dossier_page(&sym("NVDA"), &limits).unwrap();
    assert_eq!((page.notes.len(), page.note_count), (10, 120));
    assert_eq!((page.claims.len(), page.claim_count), (20, 300));
    assert_eq!((page.stance.bullish, page.stance.bearish, page.stance.neutral), (100, 100, 0));
    let dates: Vec<&str> = page.claims.iter().map(|c| c.as_of.as_deref().unwrap_or("")).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    assert_eq!(page.claims[0].tickers.len(), 2, "the listed claims are whole");
    assert_eq!(page.claims[0].sources[0].quote.as_deref(), Some("quoted"));
    let listed: std::collections::BTreeSet<String> = page.claims.iter().map(|c| c.text.clone()).collect();
    assert_eq!(listed, (280..300).map(|i| format!("Claim {i}")).collect(), "the 20 recorded last");
    // The sketches: dated claims with a value or a stance (not those with neither), recorded last.
    let qualifying: Vec<String> =
        (0..300).filter(|i| i % 10 != 0 && (i % 2 == 0 || i % 3 != 2)).map(|i| format!("Claim {i}")).collect();
    let sketched: Vec<String> = page.dated.iter().rev().map(|c| c.text.clone()).collect();
    assert_eq!(sketched, qualifying[qualifying.len() - 50..]);
    let sketch = &page.dated[0];
    assert_eq!(sketch.tickers.len(), 1, "a sketch names only the dossier's ticker");
    assert_eq!(sketch.sources.iter().map(|s| s.publisher.as_deref()).collect::<Vec<_>>(), [Some("Example")]);
    assert_eq!(page.sources.len(), 1);
    store.trash_note(notes[1]).unwrap();
    let page = store.dossier_page(&sym("NVDA"), &limits).unwrap();
    assert_eq!((page.note_count, page.claim_count), (119, 297), "trashed notes and their claims leave it");
    assert_eq!(store.dossier_page(&sym("ZZZZ"), &limits).unwrap().claim_count, 0);
}

#[test]
fn a_dossier_lists_the_newest_claims_and_counts_them_all() {
    let mut store = Store::open_in_memory().unwrap();
    let note = store.create_note(&NoteDraft::new("many claims", "$NVDA")).unwrap();
    let total = jevons::store::DOSSIER_CLAIMS + 30;
    let mut batch = store.batch().unwrap();
    for i in 0..total {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2000 + i / (28 * 12);
        batch
            .add_claim(ClaimDraft {
                text: format!("claim {i}"),
                as_of: (i % 10 != 0).then(|| format!("{year}-{month:02}-{day:02}")),
                note_id: Some(note),
                tickers: vec![ClaimTicker {
                    symbol: sym("NVDA"),
                    stance: Some(if i % 3 == 0 { Stance::Bearish } else { Stance::Bullish }),
                }],
                ..ClaimDraft::default()
            })
            .unwrap();
    }
    batch.commit().unwrap();
    let d = store.ticker_dossier(&sym("NVDA"), 10).unwrap();
    assert_eq!((d.claims.len(), d.claim_count as usize), (jevons::store::DOSSIER_CLAIMS, total));
    assert_eq!((d.stance.bearish + d.stance.bullish) as usize, total, "the tally covers every claim");
    let dates: Vec<&str> = d.claims.iter().map_while(|c| c.as_of.as_deref()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    let newest = format!("{}-{:02}-{:02}", 2000 + (total - 1) / 336, 1 + ((total - 1) / 28) % 12, 1 + (total - 1) % 28);
    assert_eq!(dates.last().copied(), Some(newest.as_str()), "the newest dated claim is listed");
    assert!(d.claims.iter().all(|c| c.text != "claim 0"), "the first recorded claims are the ones left out");
    assert!(d.claims.last().is_some_and(|c| c.as_of.is_none()), "undated claims come last");
}

#[test]
fn oversized_and_odd_text_is_refused_or_kept_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let huge = "x".repeat(jevons::model::MAX_BODY_BYTES + 1);
    assert!(matches!(store.create_note(&NoteDraft::new("big", huge)), Err(StoreError::Invalid(_))));
    assert!(store.create_note(&NoteDraft::new("nul", "a\0b")).is_err());
    let odd = "ação ç ã 日本語 🚀 \u{202e}rtl \u{200b}zero-width";
    let id = store.create_note(&NoteDraft::new(odd, odd)).unwrap();
    let note = store.note(id).unwrap();
    assert_eq!((note.title.as_str(), note.body.as_str()), (odd, odd));
}

/// Words no other note has, so a note's postings make its own leaf pages.
fn words(seed: u64, count: usize) -> String {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            format!("w{:x}", state % 1_000_000_007)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tidying merges the full-text index into one segment when that is worth it (an import's worth
/// of segments), but leaves a few saves' small segments beside a large one alone: merging them
/// would rewrite the large one (at a million notes, most of a gigabyte) for little gain.
#[test]
fn tidying_merges_an_imports_segments_but_not_a_few_saves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("research.db");
    let mut store = Store::open(&db).unwrap();
    for i in 0..300 {
        store.create_note(&NoteDraft::new(format!("Note {i}"), words(i, 200))).unwrap();
    }
    assert!(store.index_segments().unwrap() > 4, "one segment per save, merged by fours as FTS5 writes");
    let mut steps = 0;
    while store.tidy_index().unwrap() {
        steps += 1;
    }
    assert!(steps > 0);
    assert_eq!(store.index_segments().unwrap(), 1, "an import's worth of segments is merged into one");

    for i in 0..15 {
        store.create_note(&NoteDraft::new(format!("Save {i}"), "a short edit")).unwrap();
    }
    let segments = store.index_segments().unwrap();
    assert!(segments > 4, "{segments} segments after 15 saves");
    assert!(!store.tidy_index().unwrap(), "a few saves' small segments are not worth rewriting the large one");
    assert_eq!(store.index_segments().unwrap(), segments);

    for i in 0..60 {
        store.create_note(&NoteDraft::new(format!("Long {i}"), words(1000 + i, 400))).unwrap();
    }
    while store.tidy_index().unwrap() {}
    assert_eq!(store.index_segments().unwrap(), 1, "once the new segments are a good part of the index, it is merged");
    fts_is_sound(&db);
    let found = store.page(&parse(&words(1059, 1)).unwrap(), None, 10).unwrap();
    assert_eq!(found.results.len(), 1, "the merged index still finds a note's words");
}
