//! Result rows (title, snippet around the query's words, tickers, tags, date) for a page of ids.

use std::collections::HashMap;

use rusqlite::params_from_iter;

use super::super::{Store, StoreError, rows, snippet};
use crate::model::{NoteId, NoteSummary};
use crate::query::Query;

impl Store {
    /// Result rows for these notes, in the order given, with snippets around the query's words.
    /// Ids of notes that no longer exist are skipped.
    pub fn summaries(&self, ids: &[NoteId], query: &Query) -> Result<Vec<NoteSummary>, StoreError> {
        let words = snippet::Words::of(query);
        let mut found: HashMap<NoteId, NoteSummary> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let marks = rows::placeholders(chunk.len());
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT id, title, substr(body, 1, 20000), updated_at FROM note WHERE id IN ({marks})"
            ))?;
            let notes = stmt.query_map(params_from_iter(chunk), |r| {
                Ok((r.get::<_, NoteId>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, rows::timestamp(r, 3)?))
            })?;
            for note in notes {
                let (id, title, body, updated_at) = note?;
                let (snippet, highlights) = words.snippet(&body);
                found.insert(
                    id,
                    NoteSummary { id, title, snippet, highlights, tickers: Vec::new(), tags: Vec::new(), updated_at },
                );
            }
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT DISTINCT nt.note_id, t.symbol FROM note_ticker nt JOIN ticker t ON t.id = nt.ticker_id
                 WHERE nt.note_id IN ({marks}) ORDER BY t.symbol"
            ))?;
            for row in stmt.query_map(params_from_iter(chunk), |r| Ok((r.get::<_, NoteId>(0)?, r.get(1)?)))? {
                let (id, symbol) = row?;
                if let Some(summary) = found.get_mut(&id) {
                    summary.tickers.push(symbol);
                }
            }
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT nt.note_id, t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id
                 WHERE nt.note_id IN ({marks}) ORDER BY t.key"
            ))?;
            for row in stmt.query_map(params_from_iter(chunk), |r| Ok((r.get::<_, NoteId>(0)?, r.get(1)?)))? {
                let (id, tag) = row?;
                if let Some(summary) = found.get_mut(&id) {
                    summary.tags.push(tag);
                }
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }
}
