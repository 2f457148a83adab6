//! Who was right: every claimant's track record (calls scored against prices over 30, 90 and
//! 365 days), read on the worker; a claimant's calls with their claim, quote, source and
//! outcome; merging a claimant spelled two ways (with an undo).

pub mod state;
pub(crate) mod view;
