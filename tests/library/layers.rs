//! The layers point one way (DESIGN section 4): read from the source tree, every module of a
//! layer names only the layers it may use. `model` is plain types; `query`, `extract` and
//! `compare` are pure domain logic below the store and never reach it; the store knows nothing
//! of files, front ends or the sample; the window never calls into the command line.

use crate::sources;

use std::collections::BTreeSet;

/// Each layer (a folder of `src/`) and the top-level modules it must not name.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("model", &["query", "extract", "compare", "store", "database", "io", "session", "sample", "cli", "ui"]),
    ("query", &["extract", "compare", "store", "database", "io", "session", "sample", "cli", "ui"]),
    ("extract", &["query", "compare", "store", "database", "io", "session", "sample", "cli", "ui"]),
    ("compare", &["query", "store", "database", "io", "session", "sample", "cli", "ui"]),
    ("store", &["database", "io", "session", "sample", "cli", "ui"]),
    ("io", &["session", "sample", "cli", "ui"]),
    ("session", &["sample", "cli", "ui"]),
    ("ui", &["cli"]),
];

/// Layers that hold rules and data, never drawing: none of them may name egui or eframe.
const NO_EGUI: &[&str] = &["model", "query", "extract", "compare", "store", "io", "session"];

/// The crate's top-level modules a source text names: `crate::store::X`, `crate::{store, model}`.
fn named_modules(source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let head = item.trim().split("::").next().unwrap_or_default();
                names.insert(head.trim_start_matches('{').trim().to_owned());
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            names.insert(name);
        }
    }
    names.remove("");
    names
}

#[test]
fn the_scan_sees_plain_and_grouped_imports() {
    let source = "use crate::store::Store;\nuse crate::{model::Symbol, query};\nlet x = crate::cli::run(args);";
    let found: Vec<String> = named_modules(source).into_iter().collect();
    assert_eq!(found, ["cli", "model", "query", "store"]);
}

#[test]
fn no_layer_imports_a_layer_above_it() {
    let src = sources::src();
    let mut wrong = Vec::new();
    for (layer, forbidden) in FORBIDDEN {
        let files = sources::rust_files(&src.join(layer));
        assert!(!files.is_empty(), "src/{layer} has no Rust files");
        for (file, source) in files {
            for name in named_modules(&source).intersection(&forbidden.iter().map(|s| s.to_string()).collect()) {
                wrong.push(format!("{} uses crate::{name}", file.strip_prefix(&src).unwrap().display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
}

#[test]
fn only_the_window_layer_uses_egui() {
    let src = sources::src();
    let mut wrong = Vec::new();
    for layer in NO_EGUI {
        for (file, source) in sources::rust_files(&src.join(layer)) {
            let code: String =
                source.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            if code.contains("egui::") || code.contains("eframe::") {
                wrong.push(file.strip_prefix(&src).unwrap().display().to_string());
            }
        }
    }
    assert!(wrong.is_empty(), "egui used outside ui/:\n{}", wrong.join("\n"));
}
