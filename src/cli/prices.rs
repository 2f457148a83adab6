//! `jevons prices`, `jevons events` and `jevons claimants`: daily prices in from CSV files and
//! listed, the benchmark calls are compared with, dated market events, and every claimant's
//! track record (with merges of names spelled two ways).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::output;
use crate::compare::{ClaimantRecord, HORIZONS, Outcome, signed_percent, whole_percent};
use crate::model::{Symbol, parse_date};
use crate::session::{claimants, prices};
use crate::store::Store;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PricesArgs {
    #[command(subcommand)]
    command: Option<PricesCommand>,
    /// List this ticker's daily prices.
    symbol: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PricesCommand {
    /// Read daily prices from a CSV file (Yahoo Finance, Stooq, a Brazilian export, or date,close).
    Import {
        file: PathBuf,
        /// The ticker of every row (else the file's ticker/symbol column, or its name: NVDA.csv).
        #[arg(long, value_name = "SYM")]
        ticker: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show or set the benchmark calls are compared with (for example SPY).
    Benchmark {
        symbol: Option<String>,
        /// Compare with no benchmark.
        #[arg(long, conflicts_with = "symbol")]
        clear: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// Add a dated event: for one ticker with --ticker, else for the whole market; prints its id.
    Add {
        #[arg(value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(allow_hyphen_values = true)]
        title: String,
        #[arg(long, value_name = "SYM")]
        ticker: Option<String>,
    },
    /// Remove event ID.
    Remove { id: i64 },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EventsArgs {
    #[command(subcommand)]
    command: Option<EventsCommand>,
    /// Only this ticker's events (and the market-wide ones).
    #[arg(long, value_name = "SYM")]
    ticker: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ClaimantsCommand {
    /// Count FROM's calls as INTO's ("Cantor" as "Cantor Fitzgerald").
    Merge { from: String, into: String },
    /// Count FROM's calls as its own again.
    Unmerge { from: String },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ClaimantsArgs {
    #[command(subcommand)]
    command: Option<ClaimantsCommand>,
    /// List this claimant's calls with their outcomes.
    #[arg(long, value_name = "NAME")]
    calls: Option<String>,
    #[arg(long)]
    json: bool,
}

pub(super) fn prices(store: &mut Store, args: PricesArgs) -> anyhow::Result<()> {
    match (args.command, args.symbol) {
        (Some(PricesCommand::Import { file, ticker, json }), _) => {
            let ticker = ticker.as_deref().map(Symbol::parse).transpose()?;
            let done = prices::import_prices(store, &file, ticker.as_ref(), &mut |_| true)?;
            if json {
                return output::json(&done);
            }
            output::line(&prices::summary(&done));
            for skip in &done.skipped {
                output::line(&format!("  line {}: {}", skip.line, skip.reason));
            }
            let unlisted = done.skipped_count.saturating_sub(done.skipped.len() as u64);
            if unlisted > 0 {
                println!("  and {unlisted} more rows skipped");
            }
            Ok(())
        }
        (Some(PricesCommand::Benchmark { symbol, clear }), _) => {
            if clear {
                store.set_benchmark(None)?;
                println!("no benchmark: calls are scored without excess returns");
            } else if let Some(symbol) = symbol {
                let symbol = Symbol::parse(&symbol)?;
                store.set_benchmark(Some(&symbol))?;
                let days = store.prices(&symbol)?.len();
                println!("benchmark: {symbol} ({days} days of prices on file)");
            } else {
                match store.benchmark()? {
                    Some(symbol) => println!("{symbol}"),
                    None => println!("no benchmark set (`jevons prices benchmark SPY`)"),
                }
            }
            Ok(())
        }
        (None, Some(symbol)) => {
            let symbol = Symbol::parse(&symbol)?;
            let days = store.prices(&symbol)?;
            if args.json {
                return output::json(&days);
            }
            if days.is_empty() {
                println!("no prices for {symbol} (`jevons prices import FILE --ticker {symbol}`)");
            }
            for d in days {
                let adjusted = d.adj_close.map(|a| format!("  (adjusted {a})")).unwrap_or_default();
                println!("{}  {}{adjusted}", d.day, d.close);
            }
            Ok(())
        }
        (None, None) => {
            let tickers = store.priced_tickers()?;
            if args.json {
                return output::json(&tickers);
            }
            if tickers.is_empty() {
                println!("no prices yet (`jevons prices import FILE`)");
            }
            for t in tickers {
                println!("{:<10} {:>7} days", t.symbol, t.days);
            }
            Ok(())
        }
    }
}

pub(super) fn events(store: &mut Store, args: EventsArgs) -> anyhow::Result<()> {
    match args.command {
        Some(EventsCommand::Add { date, title, ticker }) => {
            let day = parse_date(&date)?;
            let ticker = ticker.as_deref().map(Symbol::parse).transpose()?;
            println!("{}", store.add_event(day, &title, ticker.as_ref())?);
            Ok(())
        }
        Some(EventsCommand::Remove { id }) => {
            anyhow::ensure!(store.remove_event(id)?, "no event with id {id}");
            Ok(())
        }
        None => {
            let ticker = args.ticker.as_deref().map(Symbol::parse).transpose()?;
            let events = store.events(ticker.as_ref())?;
            if args.json {
                return output::json(&events);
            }
            for e in events {
                let scope = e.symbol.map_or_else(|| "market".to_owned(), |s| format!("${s}"));
                output::line(&format!("[{}] {}  {:<8} {}", e.id, e.day, scope, e.title));
            }
            Ok(())
        }
    }
}

fn rate(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), whole_percent)
}

fn signed(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), signed_percent)
}

pub(super) fn claimants(store: &mut Store, args: ClaimantsArgs) -> anyhow::Result<()> {
    match args.command {
        Some(ClaimantsCommand::Merge { from, into }) => {
            claimants::merge(store, &from, &into)?;
            output::line(&format!(
                "{from}'s calls now count as {into}'s (`jevons claimants unmerge {from:?}` undoes it)"
            ));
            Ok(())
        }
        Some(ClaimantsCommand::Unmerge { from }) => {
            anyhow::ensure!(store.unmerge_claimant(&from)?, "{from:?} was not merged into another claimant");
            Ok(())
        }
        None => {
            let records = claimants::records(store, chrono::Local::now().date_naive())?;
            match args.calls {
                Some(name) => calls(&records, &name, args.json),
                None if args.json => output::json(&records),
                None => {
                    table(&records);
                    Ok(())
                }
            }
        }
    }
}

fn table(records: &[ClaimantRecord]) {
    if records.is_empty() {
        println!("no calls yet: a call is a claim with a claimant, an as-of date and a bullish or bearish stance");
        return;
    }
    let width = records.iter().map(|r| r.claimant.chars().count()).max().unwrap_or(8).clamp(8, 32);
    let blocks: Vec<String> = HORIZONS.iter().map(|h| format!("{:^23}", format!("{h} days"))).collect();
    println!("{:<width$}  {}  pending", "", blocks.join(" | "));
    let heads = vec![format!("{:>5} {:>4} {:>4} {:>7}", "calls", "hits", "rate", "return"); HORIZONS.len()];
    println!("{:<width$}  {}", "claimant", heads.join(" | "));
    for record in records {
        let cells: Vec<String> = HORIZONS
            .iter()
            .map(|h| {
                let r = &record.horizons[h];
                format!("{:>5} {:>4} {:>4} {:>7}", r.calls, r.hits, rate(r.hit_rate), signed(r.mean_call_return))
            })
            .collect();
        let pending = record.horizons.values().map(|r| r.pending).max().unwrap_or(0);
        let name: String = record.claimant.chars().take(width).collect();
        output::line(&format!("{name:<width$}  {}  {pending:>7}", cells.join(" | ")));
    }
    println!(
        "
return: the mean return of following each call (the ticker's return for bullish calls, its"
    );
    println!("opposite for bearish ones); `--json` also gives the ticker's mean return and the excess over the");
    println!("benchmark. `--calls NAME` lists a claimant's calls.");
}

fn calls(records: &[ClaimantRecord], name: &str, as_json: bool) -> anyhow::Result<()> {
    let key = crate::model::fold(name);
    let Some(record) = records.iter().find(|r| crate::model::fold(&r.claimant) == key) else {
        anyhow::bail!("no calls by {name:?} (`jevons claimants` lists who made calls)");
    };
    if as_json {
        return output::json(&record.calls);
    }
    for call in &record.calls {
        let outcome = |h: u32| match call.outcome.get(&h) {
            Some(scored @ Outcome::Scored { .. }) => scored.short(),
            Some(Outcome::Pending { reason }) => format!("pending ({reason})"),
            None => "—".into(),
        };
        let c = &call.call;
        output::line(&format!("{}  {} {}  [{}] {}", c.as_of, c.stance.as_str(), c.symbol, c.claim_id, c.text));
        output::line(&format!("    30 days: {}  90 days: {}  365 days: {}", outcome(30), outcome(90), outcome(365)));
        if let Some(quote) = &c.quote {
            output::line(&format!("    “{quote}”{}", c.source.as_ref().map(|s| format!(" ({s})")).unwrap_or_default()));
        }
    }
    Ok(())
}
