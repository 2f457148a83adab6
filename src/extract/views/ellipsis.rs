//! Objects of a rating verb left without their verb (seventh round): `Goldman downgrades both
//! Ameren (AEE) and WEC Energy (WEC) to Sell from Neutral, …, and American Electric Power (AEP)
//! to Neutral from Buy` rates AEP too, by the change written after it.

use crate::extract::mentions::Mention;
use crate::extract::stance_words::rating_move_back;
use crate::extract::tokens::Token;
use crate::model::{Stance, Symbol};

/// The companies named after the stance word (at byte `at`) and not already rated (`rated`),
/// each joined by `and`/`e` or a comma and followed, past its bracketed symbol, by a rating
/// change of its own (`to Neutral from Buy`, `para neutro de compra`): with that change's stance.
pub(super) fn further_objects(
    text: &str,
    own: &[Token],
    about: &[&Mention],
    at: usize,
    rated: &[Symbol],
) -> Vec<(Symbol, Stance)> {
    let mut out: Vec<(Symbol, Stance)> = Vec::new();
    for m in about.iter().filter(|m| m.span.start > at) {
        if rated.contains(&m.symbol) || out.iter().any(|(s, _)| *s == m.symbol) {
            continue;
        }
        let k = own.partition_point(|w| w.start < m.span.start);
        let joined =
            k > 0 && (matches!(&*own[k - 1].key, "and" | "e") || text[own[k - 1].end..m.span.start].contains(','));
        if !joined {
            continue;
        }
        // Past the name and its bracket (`(AEP +0.6%)`).
        let mut n = own.partition_point(|w| w.start < m.span.end);
        if text[m.span.end..].trim_start().starts_with('(') {
            let close = text[m.span.end..].find(')').map_or(m.span.end, |c| m.span.end + c);
            n = own.partition_point(|w| w.start < close);
        }
        let to = own.get(n).filter(|w| matches!(&*w.key, "to" | "para"));
        if let Some(stance) = to.and_then(|_| rating_move_back(&own[n + 1..])) {
            out.push((m.symbol.clone(), stance));
        }
    }
    out
}
