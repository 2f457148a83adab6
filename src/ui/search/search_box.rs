//! The search box: the search language with completion of `$TICKER` (symbol or company name),
//! `#tag`, operator names and their values, from the cached sidebar lists and the worker's
//! reference-list lookups. Typing runs the search (off the frame) and opens the dossier of a
//! known ticker; Enter opens the dossier of any one-ticker query, else the highlighted result.

use egui::{CompletionPopup, CompletionQuery, Id, Key, RichText, Suggestion, TextEdit, Ui};

use crate::model::{TagCount, fold};
use crate::query::{self, CompletionKind, completion_context};
use crate::ui::action::Action;
use crate::ui::search::completions::Completions;
use crate::ui::worker::SidebarData;

/// The search box's widget id (Ctrl+F focuses it).
pub fn search_id() -> Id {
    Id::unique("jevons-search")
}

/// At most this many suggestions.
const SUGGESTIONS: usize = 10;

#[derive(Default)]
pub struct SearchBox {
    pub text: String,
    /// Whether the completion list was open in the last frame (arrow keys then belong to it).
    pub popup_open: bool,
    /// Suggestions computed for one word (and data version), reused while it does not change.
    cache: Option<(String, Vec<Suggestion>)>,
    /// Whether the box searches the sources' documents (its hint says what they take).
    pub in_sources: bool,
}

/// The hint of the box in the sources scope: only words go there.
const SOURCES_HINT: &str = "Find in sources: words  \"phrase\"  prefix*  OR  -word";

/// Draws the search box.
pub fn search_box_ui(
    ui: &mut Ui,
    search: &mut SearchBox,
    data: &SidebarData,
    data_version: u64,
    completions: &Completions,
    actions: &mut Vec<Action>,
) {
    let mut wanted_completion = None;
    let cache = &mut search.cache;
    let output = CompletionPopup::new(search_id()).max_height(260.0).show(
        ui,
        TextEdit::singleline(&mut search.text)
            .hint_text(if search.in_sources { SOURCES_HINT } else { query::hint() })
            .desired_width(f32::INFINITY)
            .margin(egui::Margin::symmetric(6, 4)),
        |query| {
            let context = context_of(query);
            if let Some((CompletionKind::Ticker, typed)) = &context
                && !typed.is_empty()
            {
                wanted_completion = Some(typed.clone());
            }
            let key = format!(
                "{}\u{1}{}\u{1}{}\u{1}{}",
                query.word,
                completions.typed,
                completions.found.len(),
                data_version
            );
            if let Some((cached_key, suggestions)) = cache.as_ref()
                && *cached_key == key
            {
                return suggestions.clone();
            }
            let suggestions = suggest(query.word, context, data, completions);
            *cache = Some((key, suggestions.clone()));
            suggestions
        },
    );
    let response = output.text_edit.response.response.clone().accessible_name("Search");
    search.popup_open = output.is_open;
    if response.changed() || output.accepted.is_some() {
        actions.push(Action::Search(search.text.clone()));
    }
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) && output.accepted.is_none() {
        actions.push(Action::SearchEntered(search.text.clone()));
    }
    if let Some(typed) = wanted_completion {
        actions.push(Action::CompleteTicker(typed));
    }
}

/// What kind of word is under the cursor, and what of it is typed.
fn context_of(query: &CompletionQuery<'_>) -> Option<(CompletionKind, String)> {
    let cursor = query.text.char_indices().nth(query.word_range.end.0).map_or(query.text.len(), |(b, _)| b);
    completion_context(query.text, cursor).map(|c| (c.kind, c.typed))
}

/// The suggestions for the word being typed.
fn suggest(
    word: &str,
    context: Option<(CompletionKind, String)>,
    data: &SidebarData,
    completions: &Completions,
) -> Vec<Suggestion> {
    let Some((kind, typed)) = context else { return Vec::new() };
    let negation = if word.starts_with('-') { "-" } else { "" };
    let bare = word.trim_start_matches('-').to_ascii_lowercase();
    match kind {
        CompletionKind::Ticker => {
            let via_operator = bare.starts_with("ticker:");
            let insert = |symbol: &str| {
                if via_operator { format!("{negation}ticker:{symbol} ") } else { format!("{negation}${symbol} ") }
            };
            ticker_suggestions(&typed, data, completions)
                .into_iter()
                .map(|(symbol, name, detail)| {
                    Suggestion::new(insert(&symbol))
                        .content((RichText::new(symbol).monospace().strong(), RichText::new(name).small()))
                        .description(detail)
                })
                .collect()
        }
        CompletionKind::Tag => {
            let via_operator = bare.starts_with("tag:");
            tag_suggestions(&typed, &data.tags)
                .into_iter()
                .map(|(name, count)| {
                    let insert = if name.contains(char::is_whitespace) {
                        format!("{negation}tag:\"{name}\" ")
                    } else if via_operator {
                        format!("{negation}tag:{name} ")
                    } else {
                        format!("{negation}#{name} ")
                    };
                    Suggestion::new(insert).content(format!("#{name}")).description(notes(count))
                })
                .collect()
        }
        CompletionKind::Operator => query::operators()
            .filter(|o| o.operator.starts_with(&bare))
            .map(|o| Suggestion::new(format!("{negation}{}:", o.operator)).description(o.example))
            .collect(),
        CompletionKind::Stance => ["bullish", "bearish", "neutral"]
            .into_iter()
            .filter(|s| s.starts_with(&typed.to_ascii_lowercase()))
            .map(|s| Suggestion::new(format!("{negation}stance:{s} ")))
            .collect(),
        CompletionKind::Property => {
            let typed = crate::model::fold(&typed);
            data.properties
                .iter()
                .filter(|p| crate::model::fold(&p.key).starts_with(&typed))
                .take(20)
                .map(|p| Suggestion::new(format!("{negation}[{}:", p.key)).description("a property"))
                .collect()
        }
        CompletionKind::Is => [
            ("trash", "notes in the trash"),
            ("due", "notes due for review"),
            ("conflict", "notes a sync merged with both versions"),
            ("unanchored", "notes with quotes not found in their documents"),
        ]
        .into_iter()
        .filter(|(s, _)| s.starts_with(&typed.to_ascii_lowercase()))
        .map(|(s, what)| Suggestion::new(format!("{negation}is:{s} ")).description(what))
        .collect(),
    }
}

/// Tickers for `typed`: those with notes first (by symbol prefix), then the reference list's
/// matches by symbol or company name. Each: symbol, company, detail.
pub fn ticker_suggestions(typed: &str, data: &SidebarData, completions: &Completions) -> Vec<(String, String, String)> {
    let upper = typed.trim().trim_start_matches('$').to_ascii_uppercase();
    let mut out: Vec<(String, String, String)> = data
        .tickers
        .iter()
        .filter(|t| t.symbol.starts_with(&upper))
        .take(SUGGESTIONS)
        .map(|t| (t.symbol.clone(), t.name.clone().unwrap_or_default(), notes(t.notes)))
        .collect();
    if !upper.is_empty()
        && let Some(found) = completions.for_text(typed.trim().trim_start_matches('$'))
    {
        for info in found {
            if out.len() >= SUGGESTIONS {
                break;
            }
            if !out.iter().any(|(s, _, _)| *s == info.symbol) {
                out.push((
                    info.symbol.clone(),
                    info.name.clone().unwrap_or_default(),
                    info.exchange.clone().unwrap_or_default(),
                ));
            }
        }
    }
    out
}

/// Tags whose name, or a segment of it, starts with `typed` (case and accents ignored).
pub fn tag_suggestions(typed: &str, tags: &[TagCount]) -> Vec<(String, u64)> {
    let key = fold(typed.trim().trim_start_matches('#'));
    tags.iter()
        .filter(|t| {
            let name = fold(&t.name);
            name.starts_with(&key) || name.split('/').any(|segment| segment.starts_with(&key))
        })
        .take(SUGGESTIONS)
        .map(|t| (t.name.clone(), t.notes))
        .collect()
}

pub fn notes(count: u64) -> String {
    if count == 1 { "1 note".to_owned() } else { format!("{} notes", crate::ui::widgets::theme::count(count)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::TickerCount;

    fn data() -> SidebarData {
        SidebarData {
            tickers: vec![
                TickerCount { symbol: "NVDA".into(), name: Some("NVIDIA CORP".into()), notes: 3 },
                TickerCount { symbol: "MSFT".into(), name: Some("MICROSOFT CORP".into()), notes: 1 },
            ],
            tags: vec![
                TagCount { name: "ai".into(), notes: 1 },
                TagCount { name: "ai/inference".into(), notes: 1 },
                TagCount { name: "mercado".into(), notes: 1 },
                TagCount { name: "Inferência".into(), notes: 1 },
            ],
            ..SidebarData::default()
        }
    }

    fn inserts(word: &str) -> Vec<String> {
        let context = completion_context(word, word.len()).map(|c| (c.kind, c.typed));
        suggest(word, context, &data(), &Completions::default()).into_iter().map(|s| s.insert).collect()
    }

    #[test]
    fn the_word_being_typed_is_completed() {
        assert_eq!(inserts("$NV"), ["$NVDA "]);
        assert_eq!(inserts("-$m"), ["-$MSFT "]);
        assert_eq!(inserts("ticker:n"), ["ticker:NVDA "]);
        assert_eq!(inserts("#ai"), ["#ai ", "#ai/inference "]);
        assert_eq!(inserts("#inf"), ["#ai/inference ", "#Inferência "]);
        assert_eq!(inserts("cla"), ["claimant:"]);
        assert_eq!(inserts("stance:b"), ["stance:bullish ", "stance:bearish "]);
        assert_eq!(inserts("is:"), ["is:trash ", "is:due ", "is:conflict ", "is:unanchored "]);
        assert_eq!(inserts("is:u"), ["is:unanchored "]);
        assert_eq!(inserts("is:d"), ["is:due "]);
        assert!(inserts("nvidia").is_empty());
    }

    #[test]
    fn company_names_complete_from_the_reference_list() {
        let completions = Completions {
            typed: "micro".into(),
            asked: "micro".into(),
            found: vec![crate::store::TickerInfo {
                symbol: "MU".into(),
                name: Some("MICRON TECHNOLOGY INC".into()),
                exchange: Some("Nasdaq".into()),
                in_reference: true,
            }],
        };
        let found = ticker_suggestions("micro", &data(), &completions);
        assert_eq!(found[0].0, "MU");
    }
}
