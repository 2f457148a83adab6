//! `jevons extract [FILE | -] [--json]`: the tickers, money, percentages, quantities (each with
//! the tickers it is about), dates, claimants and views in a text, read with the user's aliases
//! and suppressions.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};

use super::output;
use crate::extract::{Findings, Options, analyse_with};
use crate::model::{MAX_BODY_BYTES, format_value, parse_date};
use crate::store::Store;

/// Reads the text (a file, or standard input for `-` or nothing) and prints what it says.
pub(super) fn run(store: &Store, file: Option<&Path>, date: Option<&str>, json: bool) -> anyhow::Result<()> {
    let text = read_text(file)?;
    let anchor = date.map(parse_date).transpose()?;
    let findings = analyse_with(&text, &store.lexicon()?, &Options { anchor });
    if json { output::json(&findings) } else { print(&findings) }
}

fn read_text(file: Option<&Path>) -> anyhow::Result<String> {
    let limit = MAX_BODY_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let name = match file {
        None => "standard input".to_owned(),
        Some(path) if path == Path::new("-") => "standard input".to_owned(),
        Some(path) => path.display().to_string(),
    };
    match file.filter(|p| *p != Path::new("-")) {
        None => {
            std::io::stdin().lock().take(limit).read_to_end(&mut bytes).context("cannot read standard input")?;
        }
        Some(path) => {
            let file = std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?;
            file.take(limit).read_to_end(&mut bytes).with_context(|| format!("cannot read {name}"))?;
        }
    }
    if bytes.len() > MAX_BODY_BYTES {
        bail!("{name} is larger than the {} MB a note can hold", MAX_BODY_BYTES / (1024 * 1024));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// One line per finding, grouped by kind, with character offsets.
fn print(f: &Findings) -> anyhow::Result<()> {
    output::line(&format!("language: {}", f.language.code()));
    let at = |start: usize, end: usize| format!("[{start}..{end}]");
    let about = |tickers: &[crate::model::Symbol]| {
        let symbols: Vec<&str> = tickers.iter().map(|t| t.as_str()).collect();
        if symbols.is_empty() { String::new() } else { format!(" about {}", symbols.join(", ")) }
    };
    let flags = |approximate: bool, ambiguous: bool| {
        let mut flags = String::new();
        if approximate {
            flags.push_str(" ~approximate");
        }
        if ambiguous {
            flags.push_str(" ?ambiguous");
        }
        flags
    };
    for t in &f.tickers {
        output::line(&format!(
            "ticker    {:<10} {:<28} {} via {}",
            t.symbol.as_str(),
            t.text,
            at(t.span.start, t.span.end),
            t.via.as_str()
        ));
    }
    for a in &f.amounts {
        let shown = format_value(a.value, None, Some(&a.currency));
        output::line(&format!(
            "amount    {shown:<10} {:<28} {}{}{}",
            a.text,
            at(a.span.start, a.span.end),
            flags(a.approximate, a.ambiguous),
            about(&a.tickers)
        ));
    }
    for p in &f.percents {
        let shown = format_value(p.value, Some("%"), None);
        output::line(&format!(
            "percent   {shown:<10} {:<28} {}{}{}",
            p.text,
            at(p.span.start, p.span.end),
            flags(p.approximate, p.ambiguous),
            about(&p.tickers)
        ));
    }
    for q in &f.fractions {
        let shown = format!("{}/{}", q.numerator, q.denominator);
        output::line(&format!("fraction  {shown:<10} {:<28} {}", q.text, at(q.span.start, q.span.end)));
    }
    for q in &f.quantities {
        let shown = format_value(q.value, Some(&q.unit), None);
        output::line(&format!(
            "quantity  {shown:<10} {:<28} {}{}{}",
            q.text,
            at(q.span.start, q.span.end),
            flags(q.approximate, q.ambiguous),
            about(&q.tickers)
        ));
    }
    for d in &f.dates {
        output::line(&format!(
            "date      {:<10} {:<28} {}{}",
            d.date,
            d.text,
            at(d.span.start, d.span.end),
            flags(false, d.ambiguous) + if d.inferred { " ~inferred" } else { "" }
        ));
    }
    for c in &f.claimants {
        output::line(&format!("claimant  {:<10} {:<28} {}", "", c.name, at(c.span.start, c.span.end)));
    }
    for v in &f.views {
        let held = format!("{} {}", v.ticker.as_str(), v.stance.as_str());
        output::line(&format!("view      {held:<10} {:<28} [{}..{}] (quote, in bytes)", v.claimant, v.start, v.end));
    }
    Ok(())
}
