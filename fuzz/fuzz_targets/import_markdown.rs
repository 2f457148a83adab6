//! Fuzz target: the Markdown importer. Any bytes are read as a Markdown note with its front
//! matter (`parse_note`, what every imported file goes through); the note is then stored through
//! an import batch (`Batch::import_note`, the importer's own path) twice, as a re-import would.
//! Storing either succeeds or refuses the note as invalid (the importer skips it with that
//! reason); any other error, or a panic, is a finding. Every 500 notes the store must check sound.

#![no_main]

use std::cell::{Cell, RefCell};

use jevons::io::markdown_import::parse_note;
use jevons::store::{Store, StoreError};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::open_in_memory().expect("an in-memory store"));
    static RUNS: Cell<u64> = const { Cell::new(0) };
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = parse_note(&text, "fuzzed note", "md:fuzz/fuzzed note.md", None);
    let title = &parsed.record.draft.title;
    assert!(!title.trim().is_empty() && !title.chars().any(char::is_control), "title {title:?} from {text:?}");
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        for _ in 0..2 {
            let mut batch = store.batch().expect("a batch");
            match batch.import_note(&parsed.record) {
                Ok(_) | Err(StoreError::Invalid(_)) => {}
                Err(err) => panic!("importing {text:?} failed: {err:?}"),
            }
            batch.commit().expect("the batch commits");
        }
        let runs = RUNS.with(|r| {
            r.set(r.get() + 1);
            r.get()
        });
        if runs % 500 == 0 {
            let report = store.check().expect("a check");
            assert!(report.is_sound(), "{:?}", report.problems);
        }
    });
});
