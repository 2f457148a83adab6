//! Writes made-up daily prices (a seeded random walk, not market data) as a Yahoo Finance style
//! CSV, for trying the price chart and the track record without downloading anything:
//!
//! ```text
//! cargo run --example synthetic_prices -- NVDA.csv [FROM YYYY-MM-DD] [DAYS] [START] [SEED]
//! jevons prices import NVDA.csv
//! ```

#[path = "../tests/common/prices.rs"]
mod prices;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        anyhow::bail!("usage: synthetic_prices OUT.csv [FROM YYYY-MM-DD] [DAYS] [START] [SEED]");
    };
    let from = args.get(1).map_or("2024-01-02", String::as_str).parse()?;
    let days = args.get(2).map_or(Ok(1_100), |d| d.parse())?;
    let start = args.get(3).map_or(Ok(50.0), |s| s.parse())?;
    let seed = args.get(4).map_or(Ok(20250127), |s| s.parse())?;
    std::fs::write(out, prices::synthetic_yahoo(from, days, start, seed))?;
    eprintln!("wrote {out}: made-up prices, not market data");
    Ok(())
}
