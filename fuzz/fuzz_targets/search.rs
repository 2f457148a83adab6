//! Fuzz target: the search language. Any text is parsed; a query that parses is run against a
//! small in-memory store and must come back without an error (user text never reaches SQL).

#![no_main]

use jevons::model::NoteDraft;
use jevons::query;
use jevons::store::Store;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static STORE: Store = research();
}

fn research() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    for (title, body) in [
        ("R1 training cost", "DeepSeek says R1 cost about $6M on ~2,000 H800 GPUs. Bearish for $NVDA? #ai"),
        ("Perda de valor da NVIDIA", "A NVIDIA perdeu quase US$ 500 bilhões; ações caíram 16,9%. $NVDA"),
        ("Jevons paradox", "Cheaper inference means more demand for compute. \"quoted\" 'single' -dash"),
    ] {
        store.create_note(&NoteDraft::new(title, body)).expect("a fixture note");
    }
    store
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = query::completion_context(&text, data.len() / 2);
    let Ok(parsed) = query::parse(&text) else { return };
    STORE.with(|store| {
        if let Err(err) = store.search(&parsed, 10, 0) {
            panic!("query {text:?} failed: {err:?}");
        }
        if let Err(err) = store.search_ids(&parsed) {
            panic!("query {text:?} failed listing ids: {err:?}");
        }
    });
});
