//! Plain research types shared by every layer: notes, tags, tickers, sources, claims, properties,
//! prices, market events, and the documents sources hold.
//!
//! Nothing here knows about SQL or egui. Values that users type (symbols, tags, URLs, dates,
//! stances) are parsed into these types once, with a clear error, so the rest of the code can
//! trust them.

pub mod anchor;
mod call;
mod claim;
mod document;
mod fingerprint;
pub mod front_matter;
pub mod front_matter_limits;
mod journal;
mod markets;
mod note;
mod price;
mod property;
mod reference;
mod saved_search;
mod source;
mod symbol;
mod tag;
mod text;
mod thesis;
mod time;

pub use call::{Call, ClaimantMerge};
pub use claim::{
    Claim, ClaimDraft, ClaimId, ClaimLinkKind, ClaimLinkRef, ClaimSourceRef, ClaimTicker, Stance, StanceTally, Status,
    format_value, parse_as_of, parse_currency, parse_value,
};
pub use document::{
    Anchored, Attachment, Document, DocumentText, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PAGES, MediaType, QuoteAnchor,
    TextStatus,
};
pub use fingerprint::{derived_uid, note_hash};
pub use journal::{JournalEntry, JournalThread, journal_text};
pub use markets::{B3Class, B3Listing, Renamed, b3_listings, cross_listings, is_b3_option, is_b3_symbol, renamed};
pub use note::{
    MAX_BODY_BYTES, MAX_TITLE_CHARS, Note, NoteDraft, NoteEdit, NoteId, NoteSummary, Origin, Revision, RevisionKind,
    TickerLink, validate_text,
};
pub use price::{EventDraft, MAX_EVENT_TITLE_CHARS, MarketEvent, PriceDay};
pub use property::{
    Property, PropertyInUse, PropertyKind, PropertyValue, RESERVED_KEYS, check_key as check_property_key, is_reserved,
    read as read_properties, set as set_property,
};
pub use reference::{ReferenceTicker, is_reference_symbol, reference_tickers};
pub use saved_search::{SavedSearch, saved_search_name, saved_search_query};
pub use source::{DOCUMENT_REFERENCE, Source, SourceDetails, SourceDraft, SourceId, SourceKind, SourceUrl, is_sha256};
pub use symbol::Symbol;
pub use tag::{TagCount, TagName};
pub use text::fold;
pub use thesis::{REVIEW_EVERY_DAYS, thesis_template};
pub use time::{Timestamp, parse_date};

/// A value a user typed that cannot be used, with a message that says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

impl Invalid {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}
