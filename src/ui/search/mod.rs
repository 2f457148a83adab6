//! Finding notes: the search box with its completion, the result list, and the sidebar of
//! saved searches, tickers, tags, sources and the trash; and, in the sources scope, the pages of
//! the sources' documents that match.

pub(crate) mod completions;
pub(crate) mod list_rows;
pub(crate) mod results;
pub(crate) mod saved;
pub mod scope;
pub(crate) mod scope_switch;
pub(crate) mod search_box;
pub(crate) mod sidebar;
pub(crate) mod source_results;
