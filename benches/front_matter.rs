//! How long importing a hostile front matter takes: each case is one Markdown file in a folder of
//! its own, imported with `jevons::io::import_path` into a new database (what `jevons import`
//! and the app's File menu run). The cases are the worst shapes within the limits of
//! `src/model/front_matter_limits.rs` (the largest block at the deepest nesting allowed, in
//! brackets, braces, indentation and `- ` lists; the most keys; many aliases) and past them (the
//! 400 KB `tags: [[[[…]]]]` of issue 11, a 16 MB file of brackets), each in a file of up to the
//! 16 MB a note may hold. Prints one JSON object: per case the file's size, whether it was
//! imported or skipped (and why), and the wall and CPU time of the import.
//!
//! `cargo bench --bench front_matter`; the figures are in `docs/reliability.md`.

use std::fs;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use jevons::io::{self, ImportOptions};
use jevons::store::Store;

/// The largest front matter read (`front_matter_limits::MAX_BYTES`) and the deepest nesting.
const MAX_BYTES: usize = 1024 * 1024;
const MAX_DEPTH: usize = 16;
const FILE_LIMIT: usize = 16 * 1024 * 1024;

/// CPU seconds (user + system) this process has used so far.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes into the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// `unit` repeated to fill about `bytes`.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

/// A file: the front matter `yaml`, then a body that makes the file `file_bytes` long.
fn file(yaml: &str, file_bytes: usize) -> String {
    let head = format!("---\n{yaml}\n---\n# Body\n");
    let body = fill("words of the body ", file_bytes.saturating_sub(head.len()));
    head + &body
}

fn cases() -> Vec<(&'static str, String)> {
    let inside = MAX_BYTES - 1024;
    let nest = |open: &str, close: &str, depth: usize| format!("{}x{}", open.repeat(depth), close.repeat(depth));
    // Under a key (one level) and in a list (one more): 16 levels in all.
    let deepest_brackets = nest("[", "]", MAX_DEPTH - 2);
    let deepest_braces = nest("{a: ", "}", MAX_DEPTH - 2);
    let indented = |bytes: usize| {
        let mut text = String::from("root:\n");
        for branch in 0.. {
            for d in 1..MAX_DEPTH {
                text.push_str(&format!("{}k{branch}_{d}:\n", "  ".repeat(d)));
            }
            if text.len() >= bytes {
                return text;
            }
        }
        text
    };
    let dashes = format!("- {}x\n", "- ".repeat(MAX_DEPTH - 2));
    vec![
        ("issue 11: 400 KB of tags: [[[[…]]]]", file(&format!("tags: {}", nest("[", "]", 200 * 1024)), 0)),
        ("16 MB of tags: [[[[…]]]]", file(&format!("tags: {}", nest("[", "]", FILE_LIMIT / 2 - 64)), 0)),
        (
            "1 MB of brackets nested 16 deep, 16 MB file",
            file(&format!("tags: [{}]", fill(&format!("{deepest_brackets}, "), inside)), FILE_LIMIT - 64),
        ),
        (
            "1 MB of braces nested 16 deep, 16 MB file",
            file(&format!("a: [{}]", fill(&format!("{deepest_braces}, "), inside)), FILE_LIMIT - 64),
        ),
        (
            "the same 1 MB of brackets alone",
            file(&format!("tags: [{}]", fill(&format!("{deepest_brackets}, "), inside)), 0),
        ),
        ("the same 1 MB of braces alone", file(&format!("a: [{}]", fill(&format!("{deepest_braces}, "), inside)), 0)),
        ("for comparison: a 16 MB body and a one-line front matter", file("title: plain", FILE_LIMIT - 64)),
        ("1 MB of keys indented 16 deep", file(&indented(inside), 0)),
        ("1 MB of - lists 16 deep", file(&format!("list:\n{}", fill(&dashes, inside)), 0)),
        ("1 MB of short keys", {
            let keys: String = (0..inside / 16).map(|i| format!("key{i:08}: v\n")).collect();
            file(&keys, 0)
        }),
        ("1 MB of one flow mapping", {
            let pairs: String = (0..inside / 14).map(|i| format!("k{i:07}: v, ")).collect();
            file(&format!("m: {{{pairs}}}"), 0)
        }),
        ("1 MB of aliases", {
            let aliases: String = (0..inside / 32).map(|i| format!("a{i:07}: &x{i} [*x{}]\n", i / 2)).collect();
            file(&aliases.replace(" [*x0]", " [1]"), 0)
        }),
        ("1 MB of one quoted string", file(&format!("title: \"{}\"", fill("a\\\"b ", inside)), 0)),
    ]
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut results = Vec::new();
    for (case, text) in cases() {
        let folder = dir.path().join(format!("case-{}", results.len()));
        fs::create_dir(&folder).expect("create a folder");
        fs::write(folder.join("note.md"), &text).expect("write the file");
        let mut store = Store::open(&dir.path().join(format!("case-{}.db", results.len()))).expect("a database");
        let (wall, cpu) = (Instant::now(), cpu_seconds());
        let report =
            io::import_path(&mut store, &folder, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false))
                .expect("the import runs");
        let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
        let outcome = match report.skipped.first() {
            Some(skipped) => format!("skipped: {}", skipped.reason),
            None if report.warnings.is_empty() => "imported".to_owned(),
            None => format!("imported with a warning: {}", report.warnings[0].reason),
        };
        results.push(serde_json::json!({
            "case": case,
            "file_bytes": text.len(),
            "outcome": outcome,
            "wall_ms": (wall * 1e4).round() / 10.0,
            "cpu_ms": (cpu * 1e4).round() / 10.0,
        }));
        remove(&folder);
    }
    let out = serde_json::json!({ "bench": "front_matter", "profile": profile(), "cases": results });
    println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
}

fn remove(folder: &Path) {
    let _ = fs::remove_dir_all(folder);
}

fn profile() -> &'static str {
    if cfg!(debug_assertions) { "debug" } else { "release" }
}
