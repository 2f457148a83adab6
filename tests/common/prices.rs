//! Synthetic daily prices, made up (a seeded random walk over weekdays), never market data:
//! for tests, the chart benchmark and the README's screenshot
//! (`cargo run --example synthetic_prices`). `#[path = "../common/prices.rs"] mod prices;` in a suite's `main.rs`.
#![allow(dead_code)]

use chrono::{Datelike, Days, NaiveDate};

/// A Yahoo Finance style CSV (`Date,Open,High,Low,Close,Adj Close,Volume`) of `days` calendar
/// days from `from` (weekdays only), starting at `start`, from `seed`.
pub fn synthetic_yahoo(from: NaiveDate, days: u64, start: f64, seed: u64) -> String {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((state >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    };
    let mut out = String::from("Date,Open,High,Low,Close,Adj Close,Volume\n");
    let mut price = start;
    for i in 0..days {
        let day = from + Days::new(i);
        if day.weekday().number_from_monday() > 5 {
            continue;
        }
        price *= 1.0 + 0.0008 + 0.025 * next();
        let p = format!("{price:.2}");
        out.push_str(&format!("{day},{p},{p},{p},{p},{p},1000\n"));
    }
    out
}
