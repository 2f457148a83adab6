//! Taking turns at writing within one process. SQLite's write lock is not fair: a connection that
//! commits and begins again at once (an import storing batch after batch) can take the lock
//! again before another connection's busy handler wakes up, so a save in the app could wait
//! through many batches. Stores that share a [`WriteTurns`] fix that: a store that writes first
//! (the app) says it is waiting for the lock, and a store that gives way (an import on a worker
//! thread) does not begin its next transaction until no such writer is waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a store that gives way waits at most (a writer first that hangs cannot stop it).
const GIVE_WAY_AT_MOST: Duration = Duration::from_secs(2);

/// Shared by the stores of one process that take turns: how many writers first are waiting.
#[derive(Debug, Clone, Default)]
pub struct WriteTurns(Arc<AtomicUsize>);

/// How a store takes part.
#[derive(Debug, Clone)]
pub(super) enum Turn {
    /// Its writes go before those of the stores that give way.
    First(WriteTurns),
    /// It begins a write only when no writer first is waiting.
    GiveWay(WriteTurns),
}

/// Counts a writer first as waiting until dropped (once its write lock is taken, or not).
pub(super) struct Waiting(WriteTurns);

impl Drop for Waiting {
    fn drop(&mut self) {
        self.0.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Turn {
    /// Called before `BEGIN IMMEDIATE`; keep the result until it has returned.
    pub(super) fn before_write(&self) -> Option<Waiting> {
        match self {
            Turn::First(turns) => {
                turns.0.fetch_add(1, Ordering::SeqCst);
                Some(Waiting(turns.clone()))
            }
            Turn::GiveWay(turns) => {
                let started = Instant::now();
                while turns.0.load(Ordering::SeqCst) > 0 && started.elapsed() < GIVE_WAY_AT_MOST {
                    std::thread::sleep(Duration::from_millis(1));
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_that_gives_way_waits_while_a_writer_first_waits() {
        let turns = WriteTurns::default();
        let first = Turn::First(turns.clone());
        let give_way = Turn::GiveWay(turns.clone());
        let waiting = first.before_write();
        assert_eq!(turns.0.load(Ordering::SeqCst), 1);
        let released = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(waiting);
        });
        let started = Instant::now();
        assert!(give_way.before_write().is_none());
        assert!(started.elapsed() >= Duration::from_millis(40), "it waited for the writer first");
        released.join().unwrap();
        assert_eq!(turns.0.load(Ordering::SeqCst), 0);
    }
}
