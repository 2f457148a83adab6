//! Peers run on the same corpus in the same run: ripgrep over one Markdown file per note, and
//! stock `sqlite3` over the equivalent FTS5 SQL on the same database file. Reported as how many
//! times slower each is than Jevons' own first page.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::Context;
use serde_json::{Map, Value, json};

use crate::corpus::Corpus;
use crate::vocab;

/// The word and phrase probes: (report name, ripgrep fixed string, FTS5 MATCH expression).
const PROBES: [(&str, &str, &str); 3] = [
    ("fts_rare_word", vocab::RARE_WORD, "\"quixotrelm\""),
    ("fts_common_word", vocab::COMMON_WORD, "\"market\""),
    ("fts_phrase", "large gpu clusters", "\"large gpu clusters\""),
];

pub fn compare(corpus: &mut Corpus, db: &Path, report: &Map<String, Value>) -> anyhow::Result<Value> {
    let folder = PathBuf::from(format!("{}.markdown", db.display()));
    if !folder.join("complete").exists() {
        eprintln!("perf: writing one Markdown file per note into {}", folder.display());
        let _ = std::fs::remove_dir_all(&folder);
        corpus.write_markdown(&folder)?;
        std::fs::write(folder.join("complete"), "")?;
    }
    let mut out = Map::new();
    for (name, fixed, fts) in PROBES {
        let jevons_ms = report["queries"][name]["p50_ms"].as_f64().unwrap_or(f64::NAN);
        let mut entry = Map::new();
        entry.insert("jevons_p50_ms".into(), json!(jevons_ms));
        if let Some(ms) = median_ms(3, || Command::new("rg").args(["-l", "-i", "-F", fixed]).arg(&folder).output()) {
            entry.insert("rg_ms".into(), json!(ms.round()));
            entry.insert("rg_times_slower".into(), json!((ms / jevons_ms).round()));
        } else {
            entry.insert("rg_ms".into(), json!("ripgrep not installed"));
        }
        let sql = format!("SELECT rowid FROM note_fts WHERE note_fts MATCH '{fts}' ORDER BY rank LIMIT 50;");
        if let Some(ms) = median_ms(3, || Command::new("sqlite3").arg("-readonly").arg(db).arg(&sql).output()) {
            entry.insert("sqlite3_ms".into(), json!(ms.round()));
            entry.insert("sqlite3_times_slower".into(), json!((ms / jevons_ms).round()));
        } else {
            entry.insert("sqlite3_ms".into(), json!("sqlite3 not installed"));
        }
        out.insert(name.into(), Value::Object(entry));
    }
    Ok(Value::Object(out))
}

/// The median wall time of `runs` runs of a command, or `None` when the tool is missing.
fn median_ms(runs: usize, mut run: impl FnMut() -> std::io::Result<std::process::Output>) -> Option<f64> {
    let mut ms = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let output = run().ok()?;
        if !output.status.success() && output.status.code() != Some(1) {
            return None;
        }
        ms.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    Some(ms[ms.len() / 2])
}

impl Corpus {
    /// Writes each generated note as `NNN/ID.md` (a title heading, then the body).
    pub fn write_markdown(&mut self, folder: &Path) -> anyhow::Result<()> {
        std::fs::create_dir_all(folder)?;
        let mut id = 0i64;
        self.each_note(|title, body| {
            id += 1;
            let dir = folder.join(format!("{:04}", id / 1000));
            if id == 1 || id % 1000 == 0 {
                std::fs::create_dir_all(&dir)?;
            }
            std::fs::write(dir.join(format!("{id}.md")), format!("# {title}\n\n{body}\n"))
                .with_context(|| format!("cannot write note {id}"))
        })
    }
}
