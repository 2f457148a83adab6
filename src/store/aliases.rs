//! The user's own ticker aliases (`Team Green` → NVDA, in `ticker_alias` with origin 'user') and
//! the name matches they turned off (`ticker_suppression`), and the [`Lexicon`] built from them.

use rusqlite::params;

use super::{Store, StoreError, tickers};
use crate::extract::{Lexicon, Suppression, UserAlias};
use crate::model::{Invalid, Symbol, fold};

/// The longest alias or phrase accepted, in characters.
const MAX_PHRASE: usize = 100;

/// The phrase tidied (spaces collapsed) and its folded key, or why it cannot be used.
fn phrase_and_key(phrase: &str) -> Result<(String, String), Invalid> {
    let tidy = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    if !tidy.chars().any(char::is_alphanumeric) {
        return Err(Invalid::new(format!("{phrase:?} cannot name a ticker (it needs a letter or digit)")));
    }
    if tidy.chars().count() > MAX_PHRASE {
        return Err(Invalid::new(format!("a ticker alias is at most {MAX_PHRASE} characters")));
    }
    let key = fold(&tidy);
    Ok((tidy, key))
}

impl Store {
    /// Teaches Jevons that `alias` names `symbol` in notes (replacing what it named before).
    pub fn add_ticker_alias(&mut self, alias: &str, symbol: &Symbol) -> Result<(), StoreError> {
        let (alias, key) = phrase_and_key(alias)?;
        let tx = self.write()?;
        let ticker = tickers::ensure(&tx, symbol, &mut super::lookups::Lookups::single())?;
        tx.prepare_cached("DELETE FROM ticker_alias WHERE key = ?1 AND origin = 'user'")?.execute([&key])?;
        tx.prepare_cached(
            "INSERT INTO ticker_alias (key, alias, ticker_id, origin) VALUES (?1, ?2, ?3, 'user')
             ON CONFLICT (key, ticker_id) DO UPDATE SET alias = excluded.alias, origin = 'user'",
        )?
        .execute(params![key, alias, ticker])?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets a user alias; says whether there was one.
    pub fn remove_ticker_alias(&mut self, alias: &str) -> Result<bool, StoreError> {
        let (_, key) = phrase_and_key(alias)?;
        let tx = self.write()?;
        let removed =
            tx.prepare_cached("DELETE FROM ticker_alias WHERE key = ?1 AND origin = 'user'")?.execute([&key])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// The user alias spelled `alias` (case and accents aside), as stored, with the ticker it
    /// names now.
    pub fn ticker_alias(&self, alias: &str) -> Result<Option<UserAlias>, StoreError> {
        let (_, key) = phrase_and_key(alias)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.alias, t.symbol FROM ticker_alias a JOIN ticker t ON t.id = a.ticker_id
             WHERE a.key = ?1 AND a.origin = 'user'",
        )?;
        let mut rows = stmt.query_map([&key], |r| {
            Ok(UserAlias { alias: r.get(0)?, symbol: super::rows::parsed(r, 1, Symbol::parse)? })
        })?;
        Ok(rows.next().transpose()?)
    }

    /// The user's aliases, alphabetically.
    pub fn ticker_aliases(&self) -> Result<Vec<UserAlias>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.alias, t.symbol FROM ticker_alias a JOIN ticker t ON t.id = a.ticker_id
             WHERE a.origin = 'user' ORDER BY a.key, t.symbol",
        )?;
        let rows = stmt
            .query_map([], |r| Ok(UserAlias { alias: r.get(0)?, symbol: super::rows::parsed(r, 1, Symbol::parse)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Turns off reading `phrase` as `symbol` (a false match the user saw).
    pub fn suppress_ticker_match(&mut self, phrase: &str, symbol: &Symbol) -> Result<(), StoreError> {
        let (phrase, key) = phrase_and_key(phrase)?;
        let tx = self.write()?;
        tx.prepare_cached(
            "INSERT INTO ticker_suppression (key, phrase, symbol) VALUES (?1, ?2, ?3)
             ON CONFLICT (key, symbol) DO UPDATE SET phrase = excluded.phrase",
        )?
        .execute(params![key, phrase, symbol.as_str()])?;
        tx.commit()?;
        Ok(())
    }

    /// Turns a suppressed match back on; says whether it was suppressed.
    pub fn unsuppress_ticker_match(&mut self, phrase: &str, symbol: &Symbol) -> Result<bool, StoreError> {
        let (_, key) = phrase_and_key(phrase)?;
        let tx = self.write()?;
        let removed = tx
            .prepare_cached("DELETE FROM ticker_suppression WHERE key = ?1 AND symbol = ?2")?
            .execute(params![key, symbol.as_str()])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// The matches the user turned off, alphabetically.
    pub fn ticker_suppressions(&self) -> Result<Vec<Suppression>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT phrase, symbol FROM ticker_suppression ORDER BY key, symbol")?;
        let rows = stmt.query_map([], |r| {
            Ok(Suppression { phrase: r.get(0)?, symbol: super::rows::parsed(r, 1, Symbol::parse)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The lexicon for reading this user's notes: the bundled reference list, the curated aliases,
    /// and the user's aliases and suppressions.
    pub fn lexicon(&self) -> Result<Lexicon, StoreError> {
        Ok(Lexicon::bundled().with_aliases(&self.ticker_aliases()?).with_suppressions(&self.ticker_suppressions()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Via, analyse};

    fn symbol(s: &str) -> Symbol {
        Symbol::parse(s).unwrap()
    }

    #[test]
    fn user_aliases_are_kept_replaced_and_removed() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_ticker_alias("  Team   Green ", &symbol("AMD")).unwrap();
        store.add_ticker_alias("team green", &symbol("NVDA")).unwrap();
        store.add_ticker_alias("Uncle Warren", &symbol("BRK.B")).unwrap();
        let listed: Vec<(String, String)> =
            store.ticker_aliases().unwrap().into_iter().map(|a| (a.alias, a.symbol.to_string())).collect();
        assert_eq!(listed, [("team green".into(), "NVDA".into()), ("Uncle Warren".into(), "BRK-B".into())]);
        assert!(store.remove_ticker_alias("TEAM GREEN").unwrap());
        assert!(!store.remove_ticker_alias("team green").unwrap());
        assert!(store.add_ticker_alias("  ", &symbol("NVDA")).is_err());
    }

    #[test]
    fn the_lexicon_reads_user_aliases_and_skips_suppressed_matches() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_ticker_alias("Team Green", &symbol("NVDA")).unwrap();
        store.suppress_ticker_match("Vale", &symbol("VALE3")).unwrap();
        store.suppress_ticker_match("vale", &symbol("VALE3")).unwrap();
        assert_eq!(store.ticker_suppressions().unwrap().len(), 1);
        let found = analyse("Team Green subiu e a Vale caiu; Petrobras também.", &store.lexicon().unwrap());
        let got: Vec<(&str, Via)> = found.tickers.iter().map(|t| (t.symbol.as_str(), t.via)).collect();
        assert_eq!(got, [("NVDA", Via::UserAlias), ("PETR4", Via::Alias)]);
        assert!(store.unsuppress_ticker_match("VALE", &symbol("VALE3")).unwrap());
        assert!(store.ticker_suppressions().unwrap().is_empty());
    }
}
