//! The crate's own source code, for tests that read it (layers, SQL building, networking):
//! `#[path = "../common/sources.rs"] mod sources;` in a suite's `main.rs`.

use std::path::{Path, PathBuf};

/// The crate's `src/` folder.
pub fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every Rust file below `dir`, with its text, in path order.
pub fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut stack = vec![dir.to_owned()];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    found.sort();
    found
}
