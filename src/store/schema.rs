//! The database schema, built by numbered migrations under `PRAGMA user_version`.
//!
//! Each migration runs in its own transaction, so a database is always at one known version.
//! `docs/database.md` describes the tables for people reading the file with other tools.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{StoreError, feeds, issuers, journal, links, order, prices, properties, reference, saved_searches};

/// Marks a SQLite file as a Jevons database (`PRAGMA application_id`, "JEVN").
pub const APPLICATION_ID: i64 = 0x4A45_564E;

type Migration = fn(&Transaction) -> Result<(), StoreError>;

/// Migrations in order; the database's `user_version` is the number applied.
pub(super) const MIGRATIONS: &[Migration] = &[
    v1_core,
    feeds::migrate_v2,
    v3_suppressions,
    feeds::migrate_v4,
    v5_import_history,
    order::migrate_v6,
    saved_searches::migrate_v7,
    journal::migrate_v8,
    links::migrate_v9,
    properties::migrate_v10,
    issuers::migrate_v11,
    prices::migrate_v12,
    super::sync::migrate_v13,
    super::documents::migrate_v14,
    super::attachments::migrate_v15,
    super::document_search::migrate_v16,
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: notes, revisions, full-text index, tags, tickers (with the reference list),
/// sources and claims.
fn v1_core(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V1_CORE)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    reference::load(tx)
}

const V1_CORE: &str = r#"
CREATE TABLE note (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX note_live_by_updated ON note(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX note_trash_by_updated ON note(updated_at, id) WHERE deleted_at IS NOT NULL;

CREATE TABLE note_revision (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX note_revision_by_note ON note_revision(note_id, id);

CREATE VIRTUAL TABLE note_fts USING fts5(
    title, body,
    content = 'note', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO note_fts(note_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
-- Words are gathered in memory up to 32 MB before they are written as an index segment, so a
-- batch of thousands of notes makes a few large segments, not hundreds of small ones (each
-- search word is looked up once per segment).
INSERT INTO note_fts(note_fts, rank) VALUES ('hashsize', 33554432);
-- A batch of writes (an import) indexes its new notes once, at its end: while a row is here,
-- notes with an id above `start` are left to that final step. It only ever holds a row inside
-- the batch's own transaction.
CREATE TABLE fts_pending (start INTEGER NOT NULL);
CREATE TRIGGER note_fts_insert AFTER INSERT ON note
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE new.id > start) BEGIN
    INSERT INTO note_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER note_fts_delete AFTER DELETE ON note
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE old.id > start) BEGIN
    INSERT INTO note_fts(note_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER note_fts_update AFTER UPDATE OF title, body ON note
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE old.id > start) BEGIN
    INSERT INTO note_fts(note_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO note_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE tag (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    key   TEXT NOT NULL UNIQUE
);
CREATE TABLE note_tag (
    note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX note_tag_by_tag ON note_tag(tag_id, note_id);

CREATE TABLE ticker (
    id            INTEGER PRIMARY KEY,
    symbol        TEXT NOT NULL UNIQUE,
    name          TEXT,
    name_key      TEXT,
    exchange      TEXT,
    cik           INTEGER,
    in_reference  INTEGER NOT NULL DEFAULT 0,
    rank          INTEGER
);
CREATE TABLE ticker_alias (
    key        TEXT NOT NULL,
    alias      TEXT NOT NULL,
    ticker_id  INTEGER NOT NULL REFERENCES ticker(id) ON DELETE CASCADE,
    origin     TEXT NOT NULL CHECK (origin IN ('reference', 'user')),
    PRIMARY KEY (key, ticker_id)
) WITHOUT ROWID;
CREATE TABLE note_ticker (
    note_id    INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    ticker_id  INTEGER NOT NULL REFERENCES ticker(id) ON DELETE CASCADE,
    origin     TEXT NOT NULL CHECK (origin IN ('typed', 'detected', 'claim')),
    PRIMARY KEY (note_id, ticker_id, origin)
) WITHOUT ROWID;
CREATE INDEX note_ticker_by_ticker ON note_ticker(ticker_id, note_id);

CREATE TABLE source (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    url_key       TEXT NOT NULL UNIQUE,
    host          TEXT NOT NULL,
    title         TEXT,
    publisher     TEXT,
    publisher_key TEXT,
    author        TEXT,
    published_at  TEXT,
    accessed_at   TEXT,
    kind          TEXT NOT NULL DEFAULT 'article'
                  CHECK (kind IN ('article', 'filing', 'transcript', 'broker_note', 'post')),
    created_at    TEXT NOT NULL
);
CREATE TABLE note_source (
    note_id    INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    origin     TEXT NOT NULL CHECK (origin IN ('typed', 'claim')),
    PRIMARY KEY (note_id, source_id, origin)
) WITHOUT ROWID;
CREATE INDEX note_source_by_source ON note_source(source_id, note_id);

CREATE TABLE claim (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    text          TEXT NOT NULL,
    value         REAL,
    unit          TEXT,
    currency      TEXT,
    as_of         TEXT,
    claimant      TEXT,
    claimant_key  TEXT,
    status        TEXT NOT NULL DEFAULT 'unverified'
                  CHECK (status IN ('unverified', 'supported', 'disputed', 'refuted')),
    note_id       INTEGER REFERENCES note(id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX claim_by_note ON claim(note_id);
CREATE INDEX claim_by_claimant ON claim(claimant_key);
CREATE TABLE claim_ticker (
    claim_id   INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    ticker_id  INTEGER NOT NULL REFERENCES ticker(id) ON DELETE CASCADE,
    stance     TEXT CHECK (stance IN ('bullish', 'bearish', 'neutral')),
    PRIMARY KEY (claim_id, ticker_id)
) WITHOUT ROWID;
CREATE INDEX claim_ticker_by_ticker ON claim_ticker(ticker_id, claim_id);
CREATE TABLE claim_source (
    claim_id   INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    quote      TEXT,
    PRIMARY KEY (claim_id, source_id)
) WITHOUT ROWID;
CREATE INDEX claim_source_by_source ON claim_source(source_id, claim_id);
CREATE TABLE claim_link (
    from_claim  INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    to_claim    INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('supports', 'contradicts', 'updates')),
    PRIMARY KEY (from_claim, to_claim)
) WITHOUT ROWID;
CREATE INDEX claim_link_to ON claim_link(to_claim);
"#;

/// Version 3: matches of names to tickers that the user turned off (`ticker_suppression`); the
/// user's own aliases live in `ticker_alias` with origin 'user' since version 1.
fn v3_suppressions(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V3_SUPPRESSIONS)?;
    Ok(())
}

const V3_SUPPRESSIONS: &str = r#"
CREATE TABLE ticker_suppression (
    key     TEXT NOT NULL,
    phrase  TEXT NOT NULL,
    symbol  TEXT NOT NULL,
    PRIMARY KEY (key, symbol)
) WITHOUT ROWID;
"#;

/// Version 5: whole-note revisions and undoable imports. A revision keeps the note's tags,
/// typed tickers, trash state and claims (`snapshot`, JSON) and its content fingerprint (`hash`),
/// says why it was kept (`kind`) and which import it belongs to; a note remembers the
/// fingerprint of the version it last shared with a file (`base_hash`); every import is an
/// `import_run` and every note or loose claim it created or changed an `import_change`.
fn v5_import_history(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V5_IMPORT_HISTORY)?;
    Ok(())
}

const V5_IMPORT_HISTORY: &str = r#"
ALTER TABLE note ADD COLUMN base_hash TEXT;
ALTER TABLE note_revision ADD COLUMN kind TEXT NOT NULL DEFAULT 'edit'
    CHECK (kind IN ('edit', 'import', 'conflict', 'undo'));
ALTER TABLE note_revision ADD COLUMN hash TEXT;
ALTER TABLE note_revision ADD COLUMN snapshot TEXT;
ALTER TABLE note_revision ADD COLUMN import_id INTEGER;
CREATE INDEX note_revision_by_hash ON note_revision(note_id, hash) WHERE hash IS NOT NULL;
CREATE TABLE import_run (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    created      INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    conflicts    INTEGER NOT NULL DEFAULT 0,
    undone_at    TEXT
);
CREATE TABLE import_change (
    id             INTEGER PRIMARY KEY,
    import_id      INTEGER NOT NULL REFERENCES import_run(id) ON DELETE CASCADE,
    action         TEXT NOT NULL CHECK (action IN ('created', 'updated', 'conflict')),
    note_id        INTEGER,
    claim_uid      TEXT,
    revision_id    INTEGER,
    before         TEXT,
    after_version  INTEGER,
    after_updated  TEXT
);
CREATE INDEX import_change_by_import ON import_change(import_id, id);
-- Each note an import touches is looked up in its run once per change: without this, an
-- import of n notes reads n²/2 rows.
CREATE INDEX import_change_by_note ON import_change(import_id, note_id);
"#;

/// Brings the database up to [`CURRENT_VERSION`], one migration per transaction.
/// Returns the version the database had before (0 for a new file).
///
/// Another process (the app and a CLI started together) may be migrating the same file: the
/// version is read again inside each write transaction, so a migration another process has
/// already applied is skipped, and only the process that found the file new reports 0.
pub fn migrate(conn: &mut Connection) -> Result<i64, StoreError> {
    let version = |conn: &Connection| conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
    let mut found = version(conn)?;
    let mut first = true;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = version(&tx)?;
        if first {
            found = now;
            first = false;
        }
        if now > index as i64 {
            continue;
        }
        migration(&tx)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies the first `version` migrations, as an older build left the file.
    fn migrate_to(conn: &mut Connection, version: usize) {
        for (index, migration) in MIGRATIONS.iter().enumerate().take(version) {
            let tx = conn.transaction().unwrap();
            migration(&tx).unwrap();
            tx.pragma_update(None, "user_version", index as i64 + 1).unwrap();
            tx.commit().unwrap();
        }
    }

    #[test]
    fn a_version_1_database_upgrades_to_version_2() {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        v1_core(&tx).unwrap();
        tx.pragma_update(None, "user_version", 1).unwrap();
        tx.commit().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 1);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, CURRENT_VERSION);
        conn.execute("INSERT INTO ticker_suppression (key, phrase, symbol) VALUES ('vale', 'Vale', 'VALE3')", [])
            .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), CURRENT_VERSION, "migrating again changes nothing");
    }

    #[test]
    fn a_version_5_database_gets_order_keys_in_its_index_and_feeds_when_upgraded_to_version_6() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 5);
        conn.execute_batch(
            "INSERT INTO note (id, uid, created_at, updated_at, title, body) VALUES
                 (1, 'u1', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.700Z', 'One', 'shared words'),
                 (2, 'u2', '1960-01-01T00:00:00.000Z', '1960-01-01T00:00:00.000Z', 'Two', 'shared old');
             INSERT INTO note_ticker (note_id, ticker_id, origin) SELECT 1, id, 'typed' FROM ticker WHERE symbol = 'NVDA';
             INSERT INTO ticker_feed (ticker_id, updated_at, note_id)
                 SELECT ticker_id, '2025-01-02T00:00:00.700Z', 1 FROM note_ticker;",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 5);
        let keys: Vec<i64> = conn
            .prepare("SELECT rowid FROM note_fts WHERE note_fts MATCH 'shared' ORDER BY rowid DESC")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(keys, [1_735_776_000 * (1 << 31) + 1, -315_619_200 * (1 << 31) + 2]);
        let feed: (i64, i64) =
            conn.query_row("SELECT ord, note_id FROM ticker_feed", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!(feed, (keys[0], 1));
        conn.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
        conn.execute(
            "INSERT INTO note (uid, created_at, updated_at, title, body) VALUES ('u3', 'x', '2026-01-01T00:00:00.000Z', 'Three', 'shared new')",
            [],
        )
        .unwrap();
        let newest: i64 = conn
            .query_row(
                "SELECT rowid & 2147483647 FROM note_fts WHERE note_fts MATCH 'shared' ORDER BY rowid DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(newest, 3, "the index triggers write new notes under their key");
        conn.execute("DELETE FROM ticker_feed", []).unwrap();
        let counted: i64 = conn.query_row("SELECT sum(notes) FROM ticker_count", [], |r| r.get(0)).unwrap();
        assert_eq!(counted, 0, "the feed's counter triggers are back");
    }

    #[test]
    fn a_version_6_database_gets_its_links_read_and_resolved_when_upgraded_to_version_9() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 6);
        conn.execute_batch(
            "INSERT INTO note (id, uid, created_at, updated_at, title, body) VALUES
                 (1, 'u1', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'Target', 'no links'),
                 (2, 'u2', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'Linker', '[[target]] [[File name|x]] [[Later]]'),
                 (3, 'md:vault/a/File name.md', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'Titled', '');",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 6);
        let links = |conn: &Connection| -> Vec<(String, Option<i64>)> {
            conn.prepare("SELECT text, target_id FROM note_link WHERE note_id = 2 ORDER BY seq")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(
            links(&conn),
            [("target".to_owned(), Some(1)), ("File name".to_owned(), Some(3)), ("Later".to_owned(), None)]
        );
        conn.execute("INSERT INTO note_name (key, rank, note_id) VALUES ('later', 0, 1)", []).unwrap();
        assert_eq!(links(&conn)[2], ("Later".to_owned(), Some(1)), "the triggers keep links resolved");
    }

    #[test]
    fn the_header_tells_an_older_file_apart_before_it_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        assert_eq!(super::super::schema_version(&path), None, "no file yet");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate_to(&mut conn, 5);
        }
        assert_eq!(super::super::schema_version(&path), Some(5));
        drop(super::super::Store::open(&path).unwrap());
        assert_eq!(super::super::schema_version(&path), Some(CURRENT_VERSION), "the open upgraded it");
        std::fs::write(&path, b"not a database").unwrap();
        assert_eq!(super::super::schema_version(&path), None, "a foreign file is left to the open to refuse");
    }

    #[test]
    fn a_version_4_database_keeps_its_revisions_as_edits_when_upgraded_to_version_5() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 4);
        conn.execute_batch(
            "INSERT INTO note (id, uid, created_at, updated_at, title, body)
                 VALUES (1, 'u1', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', 'T', 'new');
             INSERT INTO note_revision (note_id, title, body, saved_at, replaced_at)
                 VALUES (1, 'T', 'old', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z');",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 4);
        let (kind, hash, snapshot): (String, Option<String>, Option<String>) = conn
            .query_row("SELECT kind, hash, snapshot FROM note_revision", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        assert_eq!((kind.as_str(), hash, snapshot), ("edit", None, None));
        let base: Option<String> = conn.query_row("SELECT base_hash FROM note", [], |r| r.get(0)).unwrap();
        assert_eq!(base, None);
        conn.execute("INSERT INTO import_run (source, started_at) VALUES ('x', 'now')", []).unwrap();
        assert!(conn.execute("UPDATE note_revision SET kind = 'other'", []).is_err(), "kinds are checked");
    }

    #[test]
    fn a_version_9_database_gets_the_properties_of_its_notes_front_matter_when_upgraded_to_version_10() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 9);
        conn.execute_batch(
            "INSERT INTO note (id, uid, created_at, updated_at, title, body) VALUES
                 (1, 'u1', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'A',
                  '---\nconviction: high\nwatch: [NVDA, AMD]\n---\n\nText'),
                 (2, 'u2', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'B', 'No front matter'),
                 (3, 'u3', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'C', '---\nbroken: [\n---\n');",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 9);
        let mut rows =
            conn.prepare("SELECT note_id, key, folded FROM note_property ORDER BY note_id, position, item").unwrap();
        let rows: Vec<(i64, String, String)> =
            rows.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
        let expected = [(1, "conviction", "high"), (1, "watch", "nvda"), (1, "watch", "amd")];
        assert_eq!(rows, expected.map(|(n, k, v)| (n, k.to_owned(), v.to_owned())));
    }

    #[test]
    fn a_version_10_database_gets_b3_issuers_and_its_sa_symbols_merged_when_upgraded_to_version_11() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 10);
        conn.execute_batch(
            "INSERT INTO ticker (id, symbol, in_reference) VALUES
                 (90001, 'PETR4.SA', 0), (90002, 'VALE3.SA', 0), (90003, 'VALE3', 0), (90004, 'RY.TO', 0);",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 10);
        let symbol = |id: i64| -> (String, bool) {
            conn.query_row("SELECT symbol, in_reference FROM ticker WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
        };
        assert_eq!(symbol(90001), ("PETR4".to_owned(), true), "the typed row keeps its id and links");
        assert_eq!(symbol(90002), ("VALE3.SA".to_owned(), false), "both spellings existed: kept apart");
        assert_eq!(symbol(90003), ("VALE3".to_owned(), true));
        assert_eq!(symbol(90004), ("RY.TO".to_owned(), false));
        let pbr_issuer: String = conn
            .query_row(
                "SELECT m.symbol FROM ticker t JOIN issuer i ON i.id = t.issuer_id JOIN ticker m ON m.id = i.main_ticker_id
                 WHERE t.symbol = 'PBR'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(pbr_issuer, "PETR4");
    }
}
