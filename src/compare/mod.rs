//! Where claims about one ticker disagree: the same figure given differently by different
//! sources, opposite stances from different claimants at the same time, how the balance of
//! stances moves over time, and who was right (calls scored against prices).
//!
//! Pure functions over [`crate::model::Claim`]s (as the store's ticker dossier returns them): no
//! SQL, no drawing. The dossier view calls them and draws the result.

mod dates;
mod spreads;
mod stances;
mod timeline;
mod track_record;
mod wording;

pub use spreads::{FigureSpread, SpreadMember, SpreadRules, figure_spreads, figure_spreads_with};
pub use stances::{CLASH_WINDOW_DAYS, StanceClash, StanceView, opposing_stances};
pub use timeline::{Bucket, StancePoint, stance_timeline};
pub use track_record::{
    ClaimantRecord, HORIZONS, HorizonRecord, MAX_GAP_DAYS, Outcome, ScoredCall, score, score_call, signed_percent,
    track_record, whole_percent,
};
pub use wording::similarity;

#[cfg(test)]
mod fixture;
