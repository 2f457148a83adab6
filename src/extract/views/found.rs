//! The views found so far in a text, each with the sentence it was read in, the level of the cue
//! that decided it (a rating change is stronger than a target moved, which is stronger than plain
//! words) and its holder's name folded: what a later sentence's view is weighed against.

use super::subjects::same_firm;
use super::{TOPIC_BACK, ViewMatch};
use crate::model::{Stance, Symbol, fold};

/// One view found, with where and how strongly it was read.
struct Entry {
    view: ViewMatch,
    sentence: usize,
    level: usize,
    firm: String,
}

/// The views found so far, in text order.
#[derive(Default)]
pub(super) struct Found {
    entries: Vec<Entry>,
}

impl Found {
    pub(super) fn views(&self) -> impl DoubleEndedIterator<Item = &ViewMatch> {
        self.entries.iter().map(|e| &e.view)
    }

    /// The last view's sentence and cue level.
    pub(super) fn last_read(&self) -> Option<(usize, usize)> {
        self.entries.last().map(|e| (e.sentence, e.level))
    }

    pub(super) fn push(&mut self, view: ViewMatch, sentence: usize, level: usize, firm: String) {
        self.entries.push(Entry { view, sentence, level, firm });
    }

    /// Pushes a service's rank (a cue of the first level), unless the service already holds it.
    pub(super) fn push_once(&mut self, text: &str, view: ViewMatch, sentence: usize) {
        let service = &text[view.claimant.clone()];
        if !self.views().any(|v| v.ticker == view.ticker && text[v.claimant.clone()] == *service) {
            let firm = fold(service);
            self.push(view, sentence, 1, firm);
        }
    }

    /// Drops the views read in sentence `j`, the last ones.
    pub(super) fn drop_sentence(&mut self, j: usize) {
        while self.entries.last().is_some_and(|e| e.sentence == j) {
            self.entries.pop();
        }
    }

    /// A view stated again later in the text (`The downgrade reflects…`) is the same view; a
    /// weaker cue of the same firm nearby (a target cut after `manteve a recomendação de compra`)
    /// does not overturn a stronger one: whether `firm` already holds such a view of `ticker`, for
    /// a cue of `level` in sentence `i`.
    pub(super) fn held(&self, ticker: &Symbol, stance: Stance, firm: &str, i: usize, level: usize) -> bool {
        self.entries.iter().any(|e| {
            e.view.ticker == *ticker
                && (e.view.stance == stance || (i - e.sentence <= TOPIC_BACK && e.level < level))
                && same_firm(firm, &e.firm)
        })
    }

    /// `…had its price target dropped by JPMorgan… The firm currently has an "overweight"
    /// rating`: a stronger cue of the same firm just after overturns a weaker one of the opposite
    /// stance. Only the views of the last `reach` sentences are looked at (they are last).
    pub(super) fn overturn(
        &mut self,
        ticker: &Symbol,
        stance: Stance,
        firm: &str,
        i: usize,
        level: usize,
        reach: usize,
    ) {
        let mut k = self.entries.len();
        while k > 0 && i - self.entries[k - 1].sentence <= reach {
            k -= 1;
            let e = &self.entries[k];
            if e.view.ticker == *ticker && e.view.stance != stance && e.level > level && same_firm(firm, &e.firm) {
                self.entries.remove(k);
            }
        }
    }

    pub(super) fn into_views(self) -> Vec<ViewMatch> {
        self.entries.into_iter().map(|e| e.view).collect()
    }
}
