//! Finding notes: the search box with its completion, the result list, and the sidebar of
//! saved searches, tickers, tags, sources and the trash.

pub(crate) mod completions;
pub(crate) mod results;
pub(crate) mod saved;
pub(crate) mod search_box;
pub(crate) mod sidebar;
