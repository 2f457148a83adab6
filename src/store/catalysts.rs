//! A ticker's catalysts: the dated items of the Catalysts sections of the theses on it (notes
//! with `type: thesis` linked to the ticker), found through the property index, so a ticker with
//! a hundred thousand notes reads only its theses.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::extract::catalysts;
use crate::model::NoteId;

/// The most theses read for one ticker's catalysts (newest first).
const MAX_THESES: usize = 200;
/// The most catalysts listed for one ticker.
pub const MAX_CATALYSTS: usize = 200;

/// A dated event a thesis on the ticker expects, and the thesis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TickerCatalyst {
    pub date: chrono::NaiveDate,
    /// The date as written (`2025-03`).
    pub written: String,
    pub event: String,
    pub note_id: NoteId,
    pub note_title: String,
}

/// The catalysts of the live theses on `ticker`, by date (then by thesis).
pub(super) fn about_ticker(conn: &Connection, ticker: i64) -> Result<Vec<TickerCatalyst>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.id, n.title, n.body FROM note_property p JOIN note n ON n.id = p.note_id
         WHERE p.key = 'type' AND p.folded = 'thesis' AND n.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM note_ticker t WHERE t.note_id = n.id AND t.ticker_id = ?1)
         ORDER BY n.ord DESC LIMIT ?2",
    )?;
    let theses = stmt.query_map(rusqlite::params![ticker, MAX_THESES as i64], |r| {
        Ok((r.get::<_, NoteId>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })?;
    let mut found = Vec::new();
    for thesis in theses {
        let (note_id, note_title, body) = thesis?;
        found.extend(catalysts(&body).into_iter().map(|c| TickerCatalyst {
            date: c.date,
            written: c.written,
            event: c.event,
            note_id,
            note_title: note_title.clone(),
        }));
    }
    found.sort_by_key(|c| (c.date, c.note_id));
    found.truncate(MAX_CATALYSTS);
    Ok(found)
}

#[cfg(test)]
mod tests {
    use crate::model::{NoteDraft, Symbol};
    use crate::store::{DossierLimits, Store};

    #[test]
    fn only_the_live_theses_on_the_ticker_give_catalysts_by_date() {
        let mut store = Store::open_in_memory().unwrap();
        let thesis = |on: &str, dates: &[&str]| {
            let items: String = dates.iter().map(|d| format!("- {d}: event {d}\n")).collect();
            format!("---\ntype: Thesis\n---\n${on} view.\n\n## Catalysts\n{items}")
        };
        let first = store.create_note(&NoteDraft::new("A", thesis("NVDA", &["2025-05-28", "2025-02-26"]))).unwrap();
        let second = store.create_note(&NoteDraft::new("B", thesis("NVDA", &["2025-03"]))).unwrap();
        store.create_note(&NoteDraft::new("C", thesis("AMD", &["2025-01-01"]))).unwrap();
        let trashed = store.create_note(&NoteDraft::new("D", thesis("NVDA", &["2025-01-02"]))).unwrap();
        store.trash_note(trashed).unwrap();
        store.create_note(&NoteDraft::new("E", "$NVDA\n## Catalysts\n- 2025-01-03: not a thesis")).unwrap();
        let page = store.dossier_page(&Symbol::parse("NVDA").unwrap(), &DossierLimits::default()).unwrap();
        let listed: Vec<(String, i64)> = page.catalysts.iter().map(|c| (c.date.to_string(), c.note_id)).collect();
        assert_eq!(listed, [("2025-02-26".into(), first), ("2025-03-01".into(), second), ("2025-05-28".into(), first)]);
        assert_eq!(page.catalysts[1].written, "2025-03");
    }
}
