//! Calls (claims with a bullish or bearish stance on a ticker, an as-of date and a claimant, in no
//! note or in a live one) for the track record, and the claimant merges that count one
//! claimant's calls as another's (`claimant_merge`, created by migration 12).

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, rows};
use crate::model::{Call, ClaimantMerge, Invalid, Stance, Symbol, fold};

/// A call's columns, joins and conditions; the statements below add which claims and the order.
const CALLS: &str = "SELECT c.id, c.claimant, coalesce(m.into_name, c.claimant), t.symbol, ct.stance, c.as_of,
        c.text, c.note_id,
        (SELECT coalesce(s.title, s.url) FROM claim_source cs JOIN source s ON s.id = cs.source_id
            WHERE cs.claim_id = c.id ORDER BY s.id LIMIT 1),
        (SELECT cs.quote FROM claim_source cs WHERE cs.claim_id = c.id AND cs.quote IS NOT NULL
            ORDER BY cs.source_id LIMIT 1)
    FROM claim_ticker ct
    JOIN claim c ON c.id = ct.claim_id
    JOIN ticker t ON t.id = ct.ticker_id
    LEFT JOIN claimant_merge m ON m.from_key = c.claimant_key
    WHERE ct.stance IN ('bullish', 'bearish') AND c.claimant IS NOT NULL AND c.as_of IS NOT NULL
      AND (c.note_id IS NULL OR EXISTS (SELECT 1 FROM note n WHERE n.id = c.note_id AND n.deleted_at IS NULL))";

fn call_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<Call>> {
    let symbol: String = r.get(3)?;
    let stance: String = r.get(4)?;
    let (Ok(symbol), Ok(stance)) = (Symbol::parse(&symbol), Stance::parse(&stance)) else { return Ok(None) };
    Ok(Some(Call {
        claim_id: r.get(0)?,
        claimant: r.get(1)?,
        counted_as: r.get(2)?,
        symbol,
        stance,
        as_of: r.get(5)?,
        text: r.get(6)?,
        note_id: r.get(7)?,
        source: r.get(8)?,
        quote: r.get(9)?,
    }))
}

impl Store {
    /// Every call, by as-of date.
    pub fn calls(&self) -> Result<Vec<Call>, StoreError> {
        let mut calls = Vec::new();
        let mut stmt = self.conn.prepare_cached(&format!("{CALLS} ORDER BY c.as_of, c.id"))?;
        for row in stmt.query_map([], call_row)? {
            calls.extend(row?);
        }
        Ok(calls)
    }

    /// The calls on `symbol` among the claims `ids` (those a dossier shows: a popular ticker has
    /// tens of thousands), by as-of date.
    pub fn calls_among(&self, symbol: &Symbol, ids: &[i64]) -> Result<Vec<Call>, StoreError> {
        let mut calls = Vec::new();
        for chunk in ids.chunks(500) {
            let sql = format!("{CALLS} AND c.id IN ({})", rows::placeholders(chunk.len()));
            let mut stmt = self.conn.prepare_cached(&sql)?;
            for row in stmt.query_map(rusqlite::params_from_iter(chunk), call_row)? {
                calls.extend(row?.filter(|call| &call.symbol == symbol));
            }
        }
        calls.sort_by(|a, b| a.as_of.cmp(&b.as_of).then(a.claim_id.cmp(&b.claim_id)));
        calls.dedup_by_key(|c| c.claim_id);
        Ok(calls)
    }

    /// Counts `from`'s calls as `into`'s (case and accents aside). Names merged into `from`
    /// before now count as `into` too, so no chain is left.
    pub fn merge_claimant(&mut self, from: &str, into: &str) -> Result<(), StoreError> {
        let (from, into) = (from.trim(), into.trim());
        if from.is_empty() || into.is_empty() {
            return Err(Invalid::new("name both claimants").into());
        }
        let (from_key, into_key) = (fold(from), fold(into));
        if from_key == into_key {
            return Err(Invalid::new(format!("{from:?} and {into:?} are already one claimant")).into());
        }
        let tx = self.write()?;
        // `into` itself merged into another name: count `from` as that one.
        let into: String = tx
            .query_row("SELECT into_name FROM claimant_merge WHERE from_key = ?1", [&into_key], |r| r.get(0))
            .optional()?
            .unwrap_or_else(|| into.to_owned());
        if fold(&into) == from_key {
            return Err(Invalid::new(format!("{into:?} is already counted as {from:?}: undo that merge first")).into());
        }
        let merged_into_from: Vec<String> = {
            let mut stmt = tx.prepare("SELECT from_key, into_name FROM claimant_merge")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            rows.filter_map(|r| r.ok()).filter(|(_, name)| fold(name) == from_key).map(|(key, _)| key).collect()
        };
        for key in merged_into_from {
            tx.execute("UPDATE claimant_merge SET into_name = ?2 WHERE from_key = ?1", params![key, into])?;
        }
        tx.execute(
            "INSERT INTO claimant_merge (from_key, from_name, into_name) VALUES (?1, ?2, ?3)
             ON CONFLICT (from_key) DO UPDATE SET from_name = excluded.from_name, into_name = excluded.into_name",
            params![from_key, from, into],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Counts `from`'s calls as its own again; false when it was not merged.
    pub fn unmerge_claimant(&mut self, from: &str) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let removed = tx.execute("DELETE FROM claimant_merge WHERE from_key = ?1", [fold(from.trim())])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// Replaces every claimant merge with `merges` (an undo puts back what was).
    pub fn restore_claimant_merges(&mut self, merges: &[ClaimantMerge]) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute("DELETE FROM claimant_merge", [])?;
        for merge in merges {
            tx.execute(
                "INSERT INTO claimant_merge (from_key, from_name, into_name) VALUES (?1, ?2, ?3)",
                params![fold(&merge.from), merge.from, merge.into],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every claimant merge, by the name merged.
    pub fn claimant_merges(&self) -> Result<Vec<ClaimantMerge>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT from_name, into_name FROM claimant_merge ORDER BY from_key")?;
        let rows = stmt.query_map([], |r| Ok(ClaimantMerge { from: r.get(0)?, into: r.get(1)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
