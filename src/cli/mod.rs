//! The command line: parse arguments, call the library, print. Contract in DESIGN section 5.
//!
//! Errors come back as `anyhow` errors with one line for the user; `main` prints them and exits 1.
//! Argument mistakes are clap's and exit 2.

mod crypt;
mod documents;
mod extract;
mod io;
mod journal;
mod notes;
mod output;
mod prices;
mod research;
mod saved;
mod sync;
mod ticker;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use output::{printable, printable_text};

/// Jevons: investment research notes with tickers, claims and sources.
#[derive(Debug, Parser)]
#[command(name = "jevons", version, about, long_about = None)]
pub struct Cli {
    /// The database file (default: the platform data folder, e.g. ~/.local/share/jevons/jevons.db).
    #[arg(long, global = true, env = "JEVONS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add, show, edit, trash and restore notes.
    #[command(subcommand)]
    Note(NoteCommand),
    /// Search notes with the search language ($NVDA, #tag, "phrase", after:2025-01-01, ...).
    Search {
        query: String,
        #[command(flatten)]
        shown: SearchShown,
    },
    /// A note's journal: dated entries of what was decided and why (kept as written).
    #[command(subcommand)]
    Journal(journal::JournalCommand),
    /// Saved searches: list them with counts, save a query under a name, run or forget one.
    #[command(subcommand)]
    Saved(saved::SavedCommand),
    /// Add sources (a web address, a file, or both), find words in their documents, read them.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Record claims.
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// The dossier of one ticker: notes, claims, sources, stances.
    Ticker {
        symbol: String,
        /// How many of the newest linked notes to list.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Daily prices: import a CSV file, list a ticker's, set the benchmark.
    Prices(prices::PricesArgs),
    /// Dated events drawn on the dossier charts (a ticker's, or market-wide).
    Events(prices::EventsArgs),
    /// Who was right: each claimant's calls scored against prices over 30, 90 and 365 days.
    Claimants(prices::ClaimantsArgs),
    /// Tickers with note counts.
    Tickers {
        #[arg(long)]
        json: bool,
    },
    /// Tags with note counts.
    Tags {
        #[arg(long)]
        json: bool,
    },
    /// Add the sample research (DeepSeek R1 and NVIDIA, January 2025) again.
    Demo,
    /// Read tickers, money, percentages, quantities, dates and claimants out of a text.
    Extract {
        /// The text file (`-` or nothing: standard input).
        file: Option<PathBuf>,
        /// The day the text was written, for `Monday` or `ontem` (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check the database's integrity (exit 0 when sound).
    Check {
        /// Rebuild the full-text index when it is damaged.
        #[arg(long)]
        repair: bool,
    },
    /// Sync with a team's git repository: send the notes changed here, take in what others
    /// changed (REMOTE: a git URL or path; remembered, so later syncs need none).
    Sync {
        remote: Option<String>,
        #[arg(long)]
        json: bool,
    },
    #[command(flatten)]
    Io(io::IoCommand),
    #[command(flatten)]
    Crypt(crypt::CryptCommand),
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a note and print its id.
    Add {
        #[arg(long)]
        title: String,
        #[command(flatten)]
        body: BodyArgs,
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        #[arg(long = "ticker", value_name = "SYM")]
        tickers: Vec<String>,
        /// A property, typed by its look: a number, a date YYYY-MM-DD, true/false, a list
        /// `[a, b]`, else text (repeatable).
        #[arg(long = "prop", value_name = "KEY=VALUE")]
        props: Vec<String>,
    },
    /// Show a note.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Change a note's title, body, tags, tickers or properties.
    Edit {
        id: i64,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        body: BodyArgs,
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        #[arg(long = "untag", value_name = "TAG")]
        untags: Vec<String>,
        #[arg(long = "ticker", value_name = "SYM")]
        tickers: Vec<String>,
        #[arg(long = "unticker", value_name = "SYM")]
        untickers: Vec<String>,
        /// Set a property (typed as for `note add`); `KEY=` removes it (repeatable).
        #[arg(long = "prop", value_name = "KEY=VALUE")]
        props: Vec<String>,
    },
    /// Move a note to the trash.
    Rm { id: i64 },
    /// Take a note out of the trash.
    Restore { id: i64 },
}

/// How a search's results are printed (`jevons search`, `jevons saved run`).
#[derive(Debug, Args)]
pub struct SearchShown {
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
    /// Count every match, however long it takes (otherwise a count that would take longer than a
    /// moment is given as a lower bound: `total_at_least`).
    #[arg(long)]
    pub count: bool,
}

/// A note body given inline or from a file (`-` for standard input).
#[derive(Debug, Args)]
pub struct BodyArgs {
    /// The body text (Markdown).
    #[arg(long, conflicts_with = "body_file")]
    pub body: Option<String>,
    /// Read the body from a file, or from standard input with `-`.
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// Accept an empty body from --body or --body-file (refused otherwise: an empty pipe or file
    /// is more often a mistake than a wish to blank the note).
    #[arg(long)]
    pub allow_empty: bool,
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Add a source and print its id (an existing URL prints the existing id). With --file, the
    /// source holds that document (PDF, HTML, Markdown or text; at most 100 MB), stored once
    /// however often it is added.
    Add {
        #[arg(long, required_unless_present = "file")]
        url: Option<String>,
        /// A document for the source: its text is read and indexed page by page.
        #[arg(long, value_name = "PATH")]
        file: Option<PathBuf>,
        /// Keep an encrypted PDF whose text cannot be read (refused otherwise).
        #[arg(long, requires = "file")]
        keep_unreadable: bool,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, conflicts_with = "file")]
        publisher: Option<String>,
        #[arg(long, conflicts_with = "file")]
        author: Option<String>,
        /// Publication date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "file")]
        published: Option<String>,
        /// article, filing, transcript, broker_note or post.
        #[arg(long, conflicts_with = "file")]
        kind: Option<String>,
    },
    /// Find words in the sources' documents (words, "phrases", prefixes*, OR, -word), best
    /// match first, one result per page.
    Find {
        #[arg(allow_hyphen_values = true)]
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Change a source's title, publisher, author, publication date or kind (what its
    /// document's metadata gave, or nothing did); an empty value clears the field. Prints the
    /// source.
    Edit {
        id: i64,
        #[arg(long, allow_hyphen_values = true)]
        title: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        publisher: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        author: Option<String>,
        /// Publication date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<String>,
        /// article, filing, transcript, broker_note or post.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show a source, and its document's text page by page.
    Show {
        id: i64,
        /// Only this page (1 is the first).
        #[arg(long, value_name = "N")]
        page: Option<u32>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClaimCommand {
    /// Record a claim and print its id.
    Add(Box<ClaimArgs>),
    /// Show a claim, with its quote and where the quote was found in its source's document.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ClaimArgs {
    #[arg(long)]
    pub text: String,
    /// The note the claim is recorded in.
    #[arg(long)]
    pub note: Option<i64>,
    /// A number: 6000000, 6e6, 6M, 500B, 1.5.
    #[arg(long, allow_hyphen_values = true)]
    pub value: Option<String>,
    #[arg(long)]
    pub unit: Option<String>,
    /// A currency code (USD, BRL, EUR).
    #[arg(long)]
    pub currency: Option<String>,
    /// YYYY-MM-DD (or YYYY-MM, YYYY).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[arg(long)]
    pub claimant: Option<String>,
    /// unverified, supported, disputed or refuted.
    #[arg(long)]
    pub status: Option<String>,
    /// SYM or SYM:bullish|bearish|neutral.
    #[arg(long = "ticker", value_name = "SYM[:STANCE]")]
    pub tickers: Vec<String>,
    /// A source id or URL (a new URL becomes a new source).
    #[arg(long = "source", value_name = "ID|URL")]
    pub sources: Vec<String>,
    /// The exact quote from the source(s).
    #[arg(long)]
    pub quote: Option<String>,
    /// The page of the source's document the quote is on (1 is the first); the quote is checked
    /// against it.
    #[arg(long, value_name = "N", requires = "quote")]
    pub page: Option<u32>,
}

/// Opens the database; an upgrade of an older one's schema, which can take a minute, is
/// announced on stderr first (stdout stays the command's output).
fn open_database(path: &std::path::Path) -> Result<crate::store::Store, crate::database::DatabaseError> {
    crate::database::open_telling(path, |opening| {
        if let crate::database::Opening::Upgrade { .. } = opening
            && let Some(message) = opening.message()
        {
            eprintln!("{message}");
        }
    })
}

/// Runs one command against the database chosen by `--db`, `JEVONS_DB` or the default.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let Some(command) = cli.command else {
        anyhow::bail!("no command given (run `jevons --help`)");
    };
    let path = crate::database::path(cli.db)?;
    // Import, export, backup and restore open the database themselves (restore must not);
    // encrypt, decrypt and rekey replace the file.
    let command = match command {
        Command::Io(command) => return io::run(&path, command),
        Command::Crypt(command) => return crypt::run(&path, command),
        command => command,
    };
    crypt::unlock(&path)?;
    if let Command::Sync { .. } = command {
        crypt::warn_plain(&path, "sync");
    }
    let mut store = open_database(&path)?;
    match command {
        Command::Note(command) => notes::run(&mut store, command),
        Command::Search { query, shown } => research::search(&store, &query, &shown),
        Command::Saved(command) => saved::run(&mut store, command),
        Command::Journal(command) => journal::run(&mut store, command),
        Command::Source(SourceCommand::Add { url, file: Some(file), keep_unreadable, title, .. }) => {
            documents::add_file(&mut store, &file, url.as_deref(), title, keep_unreadable)
        }
        Command::Source(SourceCommand::Add { url, file: None, title, publisher, author, published, kind, .. }) => {
            research::add_source(
                &mut store,
                url.as_deref().unwrap_or_default(),
                title,
                publisher,
                author,
                published,
                kind,
            )
        }
        Command::Source(SourceCommand::Find { query, limit, json }) => documents::find(&store, &query, limit, json),
        Command::Source(SourceCommand::Show { id, page, json }) => documents::show(&store, id, page, json),
        Command::Source(SourceCommand::Edit { id, title, publisher, author, published, kind, json }) => {
            let changes = research::SourceChanges { title, publisher, author, published, kind };
            research::edit_source(&mut store, id, changes, json)
        }
        Command::Claim(ClaimCommand::Add(args)) => research::add_claim(&mut store, *args),
        Command::Claim(ClaimCommand::Show { id, json }) => documents::show_claim(&store, id, json),
        Command::Ticker { symbol, limit, json } => ticker::run(&store, &symbol, limit, json),
        Command::Prices(args) => prices::prices(&mut store, args),
        Command::Events(args) => prices::events(&mut store, args),
        Command::Claimants(args) => prices::claimants(&mut store, args),
        Command::Tickers { json } => research::tickers(&store, json),
        Command::Tags { json } => research::tags(&store, json),
        Command::Demo => research::demo(&mut store),
        Command::Check { repair } => research::check(&mut store, repair),
        Command::Sync { remote, json } => sync::run(&mut store, &path, remote.as_deref(), json),
        Command::Extract { file, date, json } => extract::run(&store, file.as_deref(), date.as_deref(), json),
        Command::Io(command) => {
            drop(store);
            io::run(&path, command)
        }
        Command::Crypt(command) => {
            drop(store);
            crypt::run(&path, command)
        }
    }
}
