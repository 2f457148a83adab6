//! Daily prices read from the CSV files people download: Yahoo Finance
//! (`Date,Open,High,Low,Close,Adj Close,Volume`), Stooq (`Date,Open,High,Low,Close,Volume`, or
//! its bulk `<TICKER>,<PER>,<DATE>,…,<CLOSE>,…` with `NVDA.US`), Brazilian exports (`;`
//! separated, decimal comma, `dd/mm/aaaa`, `Data;…;Fechamento`), and a plain `date,close`.
//!
//! Columns are found by their header in any order; the ticker comes from `--ticker` or a
//! `ticker`/`symbol` column. A row that cannot be used (no date, a date given twice, a close that
//! is not a number or not above zero) is skipped with its reason and the rest is read. Nothing
//! is stored here: the caller stores every row in one transaction.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use crate::model::{PriceDay, Symbol, fold};

/// The largest price file read (a century of daily prices for a hundred tickers is ~100 MB).
pub const MAX_PRICE_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Skipped rows listed with their reason; the rest are counted.
pub const LISTED_SKIPS: usize = 20;

/// One ticker's days, in the file's order.
#[derive(Debug, Clone, PartialEq)]
pub struct TickerSeries {
    pub symbol: Symbol,
    pub days: Vec<PriceDay>,
}

/// A row left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkippedRow {
    /// The line in the file (1 is the header).
    pub line: u64,
    pub reason: String,
}

/// What a price file held.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PriceFile {
    /// Each ticker's days, tickers in the order the file first names them.
    pub series: Vec<TickerSeries>,
    /// The first [`LISTED_SKIPS`] rows left out.
    pub skipped: Vec<SkippedRow>,
    /// How many rows were left out in all.
    pub skipped_count: u64,
    /// The file's layout as read: `Yahoo Finance`, `Stooq`, `date,close`…
    pub format: String,
}

impl PriceFile {
    /// Every day read, ticker by ticker.
    pub fn rows(&self) -> impl Iterator<Item = (&Symbol, &PriceDay)> {
        self.series.iter().flat_map(|s| s.days.iter().map(move |d| (&s.symbol, d)))
    }

    fn skip(&mut self, line: u64, reason: impl Into<String>) {
        self.skipped_count += 1;
        if self.skipped.len() < LISTED_SKIPS {
            self.skipped.push(SkippedRow { line, reason: reason.into() });
        }
    }
}

/// Why a price file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum PriceFileError {
    #[error("cannot read {}: {cause}", path.display())]
    Read { path: std::path::PathBuf, cause: std::io::Error },
    #[error("{} is {} MB; price files are read up to {} MB (split it by ticker)", path.display(), size / 1_048_576, MAX_PRICE_FILE_BYTES / 1_048_576)]
    TooLarge { path: std::path::PathBuf, size: u64 },
    #[error("the file has no ticker or symbol column: name its ticker (--ticker SYM)")]
    NoTicker,
    #[error("{0}")]
    Layout(String),
}

/// Reads the price file at `path`; `ticker` names the ticker of every row (it wins over a
/// ticker column).
pub fn read_price_file(path: &Path, ticker: Option<&Symbol>) -> Result<PriceFile, PriceFileError> {
    let read = |cause| PriceFileError::Read { path: path.to_owned(), cause };
    let size = std::fs::metadata(path).map_err(read)?.len();
    if size > MAX_PRICE_FILE_BYTES {
        return Err(PriceFileError::TooLarge { path: path.to_owned(), size });
    }
    let bytes = std::fs::read(path).map_err(read)?;
    parse_prices(&decode(bytes), ticker)
}

/// The ticker a download is named for: `NVDA.csv` (Yahoo Finance), `nvda_us_d.csv` (Stooq),
/// `PETR4.SA.csv`. The caller decides whether to trust it.
pub fn symbol_from_file_name(path: &Path) -> Option<Symbol> {
    let stem = path.file_stem()?.to_str()?;
    let first = stem.split(['_', ' ']).next()?;
    Symbol::parse(first).ok()
}

/// UTF-8 (a byte-order mark dropped), else Latin-1 (older spreadsheet exports).
fn decode(bytes: Vec<u8>) -> String {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text)
}

/// Where the columns a price needs are.
#[derive(Debug, Clone, Copy)]
struct Columns {
    date: usize,
    close: usize,
    adj_close: Option<usize>,
    ticker: Option<usize>,
}

/// How the file writes dates with slashes and decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayFirst {
    Yes,
    No,
}

/// Parses price CSV text (see the module doc).
pub fn parse_prices(text: &str, ticker: Option<&Symbol>) -> Result<PriceFile, PriceFileError> {
    let delimiter = delimiter_of(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(PriceFileError::Layout("the file has no rows".into())),
            Some(Ok(record)) if record.iter().all(str::is_empty) => continue,
            Some(Ok(record)) => break record,
            Some(Err(e)) => return Err(PriceFileError::Layout(format!("the first row cannot be read: {e}"))),
        }
    };
    let (columns, format, header_line) = columns_of(&header)?;
    if columns.ticker.is_none() && ticker.is_none() {
        return Err(PriceFileError::NoTicker);
    }
    let decimal_comma = delimiter != b',';
    // Two passes over the text, never holding its rows: how `a/b/yyyy` dates read, then the rows.
    let records = || {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(header_line)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        reader.into_records().filter_map(Result::ok)
    };
    let day_first = day_order(records().filter_map(|r| r.get(columns.date).map(str::to_owned)), decimal_comma);
    let mut file = PriceFile { format, ..PriceFile::default() };
    // Each ticker's place in `file.series` and the days it has (for days given twice); the last
    // ticker cell read, so a file of one ticker parses its symbol once.
    let mut index: HashMap<Symbol, usize> = HashMap::new();
    let mut seen: Vec<HashSet<NaiveDate>> = Vec::new();
    let mut last_cell: Option<(String, usize)> = None;
    for record in records() {
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let series = match (ticker, columns.ticker) {
            (Some(symbol), _) => series_of(&mut file, &mut index, &mut seen, symbol),
            (None, Some(i)) => {
                let cell = record.get(i).unwrap_or_default();
                match &last_cell {
                    Some((last, at)) if last == cell => *at,
                    _ => match ticker_cell(cell) {
                        Ok(symbol) => {
                            let at = series_of(&mut file, &mut index, &mut seen, &symbol);
                            last_cell = Some((cell.to_owned(), at));
                            at
                        }
                        Err(reason) => {
                            file.skip(line, reason);
                            continue;
                        }
                    },
                }
            }
            (None, None) => return Err(PriceFileError::NoTicker),
        };
        match price(&record, columns, decimal_comma, day_first) {
            Ok(price) if seen[series].insert(price.day) => file.series[series].days.push(price),
            Ok(price) => {
                let symbol = &file.series[series].symbol;
                let reason = format!("{symbol} {} is given twice; the first is kept", price.day);
                file.skip(line, reason);
            }
            Err(reason) => file.skip(line, reason),
        }
    }
    Ok(file)
}

/// The delimiter of the first line: `;` or tab when they outnumber commas.
fn delimiter_of(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    [(b';', count(';')), (b'\t', count('\t')), (b',', count(','))]
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map_or(b',', |(d, _)| d)
}

/// The header's names, folded: `Adj Close` → `adjclose`, `<CLOSE>` → `close`, `Último` → `ultimo`.
fn header_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Finds the columns by their names; a file whose first row is already a price (`2025-01-27,118.4`)
/// is read as `date,close`. Returns whether the first row was a header.
fn columns_of(header: &csv::StringRecord) -> Result<(Columns, String, bool), PriceFileError> {
    let keys: Vec<String> = header.iter().map(header_key).collect();
    let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
    let date = find(&["date", "data", "day", "dia", "datetime", "timestamp", "pregao", "datapregao"]);
    let Some(date) = date else {
        if header.len() == 2 && parse_day(header.get(0).unwrap_or_default(), DayFirst::Yes).is_some() {
            let columns = Columns { date: 0, close: 1, adj_close: None, ticker: None };
            return Ok((columns, "date,close (no header)".into(), false));
        }
        return Err(PriceFileError::Layout(format!(
            "no date column in the header ({}); expected Date or Data",
            header.iter().collect::<Vec<_>>().join(", ")
        )));
    };
    let adj_close = find(&["adjclose", "adjustedclose", "closeadj", "fechamentoajustado", "ajustado"]);
    let close = find(&["close", "fechamento", "ultimo", "last", "closelast", "price", "preco", "zamkniecie"])
        .or(adj_close)
        .or_else(|| (header.len() == 2).then_some(1 - date));
    let Some(close) = close else {
        return Err(PriceFileError::Layout(format!(
            "no close column in the header ({}); expected Close, Adj Close or Fechamento",
            header.iter().collect::<Vec<_>>().join(", ")
        )));
    };
    let ticker = find(&["ticker", "symbol", "ativo", "codigo", "codneg", "papel"]);
    let format = if adj_close.is_some() && find(&["open"]).is_some() {
        "Yahoo Finance"
    } else if keys.first().is_some_and(|k| k == "ticker") && find(&["per"]).is_some() {
        "Stooq (bulk)"
    } else if find(&["open", "otwarcie"]).is_some() {
        "Stooq"
    } else if find(&["fechamento", "abertura", "ultimo"]).is_some() {
        "Brazilian export"
    } else {
        "date,close"
    };
    Ok((Columns { date, close, adj_close, ticker }, format.into(), true))
}

/// Whether `a/b/yyyy` dates put the day first: decided by any date whose first or second part
/// is over 12, else by the file's decimal comma (Brazil and Europe write the day first).
fn day_order(dates: impl Iterator<Item = String>, decimal_comma: bool) -> DayFirst {
    for date in dates {
        let mut parts = date.split('/');
        let (Some(a), Some(b)) = (parts.next(), parts.next()) else { continue };
        let (a, b) = (a.trim().parse::<u32>().unwrap_or(0), b.trim().parse::<u32>().unwrap_or(0));
        if a > 12 {
            return DayFirst::Yes;
        }
        if b > 12 {
            return DayFirst::No;
        }
    }
    if decimal_comma { DayFirst::Yes } else { DayFirst::No }
}

/// A day as price files write it: `2025-01-27`, `20250127`, `27/01/2025` or `01/27/2025`
/// (by `day_first`), with any time of day after it ignored.
fn parse_day(cell: &str, day_first: DayFirst) -> Option<NaiveDate> {
    let date = cell.split([' ', 'T']).next().unwrap_or_default();
    if let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        return Some(day);
    }
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(date, "%Y%m%d").ok();
    }
    if date.contains('/') {
        let format = match day_first {
            DayFirst::No => "%m/%d/%Y",
            DayFirst::Yes => "%d/%m/%Y",
        };
        return NaiveDate::parse_from_str(date, format)
            .ok()
            .or_else(|| NaiveDate::parse_from_str(date, "%Y/%m/%d").ok());
    }
    NaiveDate::parse_from_str(date, "%d.%m.%Y").ok()
}

/// A price cell: `118.42`, `1,234.5`, `$118.42`, `R$ 36,12`, `1.234,56` (with a decimal comma).
fn parse_number(cell: &str, decimal_comma: bool) -> Result<f64, String> {
    let kept: String =
        cell.chars().filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | 'e' | 'E')).collect();
    let plain = if decimal_comma { kept.replace('.', "").replace(',', ".") } else { kept.replace(',', "") };
    let has_digit = cell.chars().any(|c| c.is_ascii_digit());
    let unexpected = cell.chars().any(|c| c.is_alphabetic() && !matches!(c, 'R' | 'e' | 'E' | 'U' | 'S'));
    match plain.parse::<f64>() {
        Ok(v) if has_digit && !unexpected && v.is_finite() => Ok(v),
        _ => Err(format!("{:?} is not a number", shown(cell))),
    }
}

/// A cell quoted in a message, cut at 40 characters.
fn shown(cell: &str) -> String {
    let mut chars = cell.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() { format!("{head}…") } else { head }
}

/// The symbol in a ticker cell (Stooq's `NVDA.US` is NVDA).
fn ticker_cell(text: &str) -> Result<Symbol, String> {
    let bare = text.strip_suffix(".US").or_else(|| text.strip_suffix(".us")).unwrap_or(text);
    Symbol::parse(bare).map_err(|e| format!("ticker {:?}: {e}", shown(text)))
}

/// The place of `symbol`'s series in `file`, made on first sight.
fn series_of(
    file: &mut PriceFile,
    index: &mut HashMap<Symbol, usize>,
    seen: &mut Vec<HashSet<NaiveDate>>,
    symbol: &Symbol,
) -> usize {
    if let Some(&at) = index.get(symbol) {
        return at;
    }
    file.series.push(TickerSeries { symbol: symbol.clone(), days: Vec::new() });
    seen.push(HashSet::new());
    index.insert(symbol.clone(), file.series.len() - 1);
    file.series.len() - 1
}

/// The day and prices of a data row.
fn price(
    record: &csv::StringRecord,
    columns: Columns,
    decimal_comma: bool,
    day_first: DayFirst,
) -> Result<PriceDay, String> {
    let cell = |i: usize| record.get(i).unwrap_or_default();
    let date = cell(columns.date);
    let day = parse_day(date, day_first).ok_or_else(|| format!("{:?} is not a date", shown(date)))?;
    let close_cell = cell(columns.close);
    if close_cell.is_empty() || close_cell.eq_ignore_ascii_case("null") || close_cell == "-" {
        return Err(format!("{day} has no close"));
    }
    let close = parse_number(close_cell, decimal_comma).map_err(|e| format!("{day}: close {e}"))?;
    if close <= 0.0 {
        return Err(format!("{day}: close {close} is not above zero"));
    }
    let adj_close = match columns.adj_close.map(cell) {
        Some(adj) if !adj.is_empty() && !adj.eq_ignore_ascii_case("null") => {
            let adj = parse_number(adj, decimal_comma).map_err(|e| format!("{day}: adjusted close {e}"))?;
            if adj <= 0.0 {
                return Err(format!("{day}: adjusted close {adj} is not above zero"));
            }
            Some(adj)
        }
        _ => None,
    };
    Ok(PriceDay { day, close, adj_close })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every day read, with its ticker, in order.
    fn rows(file: &PriceFile) -> Vec<(Symbol, PriceDay)> {
        file.rows().map(|(s, d)| (s.clone(), *d)).collect()
    }

    fn nvda() -> Symbol {
        Symbol::parse("NVDA").unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn yahoo_finance_downloads_keep_the_adjusted_close() {
        let text = "Date,Open,High,Low,Close,Adj Close,Volume\n\
                    2025-01-24,148.87,148.97,141.88,142.62,142.60,234657600\n\
                    2025-01-27,124.80,128.40,116.70,118.42,118.40,818830900\n\
                    2025-01-28,121.81,129.00,116.25,128.99,null,579666400\n";
        let file = parse_prices(text, Some(&nvda())).unwrap();
        assert_eq!(file.format, "Yahoo Finance");
        assert_eq!(rows(&file).len(), 3);
        assert_eq!(rows(&file)[1].1, PriceDay { day: day("2025-01-27"), close: 118.42, adj_close: Some(118.40) });
        assert_eq!(rows(&file)[2].1.adj_close, None);
        assert_eq!(file.skipped_count, 0);
    }

    #[test]
    fn brazilian_exports_use_semicolons_decimal_commas_and_the_day_first() {
        let text = "Data;Abertura;Máxima;Mínima;Fechamento;Volume\n\
                    27/01/2025;36,80;37,10;36,20;36,12;1.234.567\n\
                    03/02/2025;1.036,50;37,00;36,00;1.037,25;1.000\n";
        let file = parse_prices(text, Some(&Symbol::parse("PETR4").unwrap())).unwrap();
        assert_eq!(file.format, "Brazilian export");
        assert_eq!(rows(&file)[0].1.day, day("2025-01-27"));
        assert_eq!(rows(&file)[0].1.close, 36.12);
        assert_eq!(rows(&file)[1].1.day, day("2025-02-03"));
        assert_eq!(rows(&file)[1].1.close, 1037.25);
    }

    #[test]
    fn a_latin1_export_reads_its_accented_header() {
        let bytes = b"Data;\xdaltimo\n27/01/2025;36,12\n".to_vec();
        let file = parse_prices(&decode(bytes), Some(&nvda())).unwrap();
        assert_eq!(rows(&file)[0].1.close, 36.12);
    }

    #[test]
    fn stooq_bulk_files_name_their_tickers_with_a_market_suffix() {
        let text = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n\
                    NVDA.US,D,20250127,000000,124.8,128.4,116.7,118.42,818830900,0\n\
                    AAPL.US,D,20250127,000000,224.0,232.15,224.0,229.86,94863418,0\n";
        let file = parse_prices(text, None).unwrap();
        assert_eq!(file.format, "Stooq (bulk)");
        let symbols: Vec<_> = rows(&file).iter().map(|r| r.0.to_string()).collect();
        assert_eq!(symbols, ["NVDA", "AAPL"]);
        assert_eq!(rows(&file)[0].1.day, day("2025-01-27"));
    }

    #[test]
    fn columns_are_found_in_any_order_with_a_ticker_column() {
        let text = "close,symbol,date\n118.42,nvda,2025-01-27\n229.86,AAPL,2025-01-27\n";
        let file = parse_prices(text, None).unwrap();
        assert_eq!(rows(&file).len(), 2);
        assert_eq!(rows(&file)[0].0, nvda());
        assert_eq!(rows(&file)[0].1.close, 118.42);
    }

    #[test]
    fn us_dates_with_slashes_and_dollar_signs_are_read() {
        let text = "Date,Close/Last,Volume\n01/27/2025,$118.42,818830900\n01/28/2025,\"$1,128.99\",1\n";
        let file = parse_prices(text, Some(&nvda())).unwrap();
        assert_eq!(rows(&file)[0].1.day, day("2025-01-27"));
        assert_eq!(rows(&file)[1].1.close, 1128.99);
    }

    #[test]
    fn bad_rows_are_skipped_with_reasons_and_the_rest_kept() {
        let text = "date,close\n2025-01-24,142.62\n2025-01-24,142.00\nnot a day,1\n2025-01-27,abc\n\
                    2025-01-28,0\n2025-01-29,-3\n2025-01-30,\n2025-01-31,120.07\n";
        let file = parse_prices(text, Some(&nvda())).unwrap();
        let days: Vec<_> = rows(&file).iter().map(|r| r.1.day.to_string()).collect();
        assert_eq!(days, ["2025-01-24", "2025-01-31"]);
        assert_eq!(file.skipped_count, 6);
        let reasons: Vec<_> = file.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
        assert_eq!(reasons[0], (3, "NVDA 2025-01-24 is given twice; the first is kept"));
        assert_eq!(reasons[1], (4, "\"not a day\" is not a date"));
        assert!(reasons[2].1.contains("\"abc\" is not a number"), "{reasons:?}");
        assert!(reasons[3].1.contains("not above zero"));
        assert!(reasons[5].1.contains("has no close"));
    }

    #[test]
    fn only_the_first_skips_are_listed_and_all_are_counted() {
        let mut text = String::from("date,close\n");
        for i in 0..100 {
            text.push_str(&format!("bad{i},1\n"));
        }
        let file = parse_prices(&text, Some(&nvda())).unwrap();
        assert_eq!(file.skipped.len(), LISTED_SKIPS);
        assert_eq!(file.skipped_count, 100);
    }

    #[test]
    fn a_file_without_a_ticker_or_a_date_column_says_what_it_lacks() {
        assert_eq!(symbol_from_file_name(Path::new("/d/NVDA.csv")), Some(nvda()));
        assert_eq!(symbol_from_file_name(Path::new("nvda_us_d.csv")), Some(nvda()));
        assert_eq!(symbol_from_file_name(Path::new("my prices.csv")).map(String::from).as_deref(), Some("MY"));
        assert_eq!(symbol_from_file_name(Path::new("é.csv")), None);
        let no_ticker = parse_prices("date,close\n2025-01-27,1\n", None).unwrap_err().to_string();
        assert!(no_ticker.contains("--ticker"), "{no_ticker}");
        let no_date = parse_prices("when,close\nx,1\n", Some(&nvda())).unwrap_err().to_string();
        assert!(no_date.contains("no date column"), "{no_date}");
        assert!(parse_prices("", Some(&nvda())).is_err());
        assert!(parse_prices("\u{0}\u{1}ÿ\n", Some(&nvda())).is_err());
    }

    #[test]
    fn a_headerless_date_close_file_is_read() {
        let file = parse_prices("2025-01-27,118.42\n2025-01-28,128.99\n", Some(&nvda())).unwrap();
        assert_eq!(rows(&file).len(), 2);
    }
}
