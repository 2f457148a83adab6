//! Text analysis: what a note's text says about tickers, money, percentages, quantities, dates
//! and who claims them, in English and Portuguese; and the `[[links]]` between notes.
//!
//! Everything here is pure: text in, findings with their spans out. No SQL, no I/O, no network.
//! [`analyse`] reads a text against a [`Lexicon`] (the reference companies plus the user's own
//! aliases and suppressions); [`suggest_claims`] turns the findings into prefilled claims for
//! the editor; [`catalysts`] reads the dated items of a thesis's Catalysts section.
//! `docs/extraction.md` describes the rules and their measured quality.

mod analyse;
mod attachment_links;
mod attribution;
mod attribution_clauses;
mod attribution_cues;
mod attribution_subjects;
mod bank_cues;
mod bracket_codes;
mod carry_model;
mod cashtags;
mod catalysts;
mod claimants;
mod clauses;
mod commodity_prices;
mod company_context;
mod company_names;
mod counted_groups;
mod dates;
mod defunct;
mod descriptions;
mod figure_brackets;
mod figure_context;
mod figure_lists;
#[cfg(test)]
mod figure_tickers;
mod figures;
mod findings;
mod firms;
mod first_word_names;
mod fx_hash;
mod holder_counts;
mod holder_names;
mod holders;
mod index_cues;
mod known_brokers;
mod known_names;
mod language;
mod learned;
mod lexicon;
mod listed_holders;
mod listings;
mod mention_words;
mod mentions;
mod non_holders;
mod numbers;
mod passive_ratings;
mod relative_dates;
mod sentences;
mod share_classes;
mod short_names;
mod stance_words;
mod suggest;
mod symbol_cues;
mod target_moves;
mod tickers;
mod tokens;
mod units;
mod unlisted;
mod views;
mod wiki_links;
mod words;

pub use analyse::{CarryExample, Options, analyse, analyse_with, carry_examples};
pub use attachment_links::{FileLink, FileLinkKind, file_links, rewrite_file_links};
#[doc(hidden)]
pub use carry_model::threshold as carry_threshold;
pub use cashtags::{Cashtag, cashtags};
pub use catalysts::{Catalyst, catalysts};
pub use findings::{Amount, Claimant, DateFinding, Findings, Fraction, Percent, Quantity, Span, TickerFinding, View};
pub use firms::firm_key;
pub use language::{Language, detect_language};
pub use lexicon::{Lexicon, Suppression, UserAlias, Via};
pub use suggest::{ClaimSuggestion, SuggestionKind, suggest_claims};
pub use wiki_links::{MAX_TARGET_BYTES, WikiLink, linkable, retarget_links, wiki_links};
