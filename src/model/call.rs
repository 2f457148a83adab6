//! A call: a claim that takes a bullish or bearish stance on a ticker as of a day, by a named
//! claimant. The track record scores calls against prices.

use serde::Serialize;

use super::{ClaimId, NoteId, Stance, Symbol};

/// One call, as the store reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Call {
    pub claim_id: ClaimId,
    /// The claimant as written on the claim.
    pub claimant: String,
    /// The claimant the call counts for: the name written, or the one it was merged into.
    pub counted_as: String,
    pub symbol: Symbol,
    pub stance: Stance,
    /// The claim's as-of date as written (`2025-01-28`, or `2025-01` when only the month is known).
    pub as_of: String,
    pub text: String,
    pub note_id: Option<NoteId>,
    /// The claim's first source (its title, else its address) and quote, if any.
    pub source: Option<String>,
    pub quote: Option<String>,
}

/// A claimant name folded into another (`Cantor` counted as `Cantor Fitzgerald`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimantMerge {
    pub from: String,
    pub into: String,
}
