//! What every view shares: the theme, toasts, dialogs, the help overlay, the top and status
//! bars, and which links open.

pub(crate) mod anchoring;
pub(crate) mod dialogs;
pub(crate) mod drop_zone;
pub(crate) mod help;
pub mod links;
pub(crate) mod status;
pub(crate) mod text;
pub mod theme;
pub(crate) mod toasts;
