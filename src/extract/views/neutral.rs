//! The neutral ratings stated so far in a text: where the last one was stated and by which
//! brokers, and every broker that stated one with the company it rated. A neutral rating means no
//! view: it drops the plain words or target just before it (`Já o HSBC elevou o preço-alvo… A
//! recomendação, porém, foi mantida em neutra.`) and explains those just after it.

use std::ops::Range;

use super::subjects::same_firm;
use crate::extract::firms::firm_key;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker};
use crate::extract::tokens::Token;
use crate::model::{Symbol, fold};

/// `…a Cemig segue como a melhor opção, enquanto a Copel tem recomendação neutra`: a clause of
/// contrast after a comma (`own`, its words; `mentions`, its companies) stating a neutral rating
/// on another company than `ticker`'s, which it does not name.
pub(super) fn on_another_company(text: &str, own: &[Token], mentions: &[Mention], ticker: &Symbol) -> bool {
    own.first().is_some_and(|w| {
        matches!(&*w.key, "enquanto" | "while" | "whereas") && text[..w.start].trim_end().ends_with(',')
    }) && mentions.iter().any(|m| !is_broker(&m.symbol) && m.symbol != *ticker)
        && !mentions.iter().any(|m| m.symbol == *ticker)
}

#[derive(Default)]
pub(super) struct Neutral {
    /// The sentence of the last neutral rating.
    at: Option<usize>,
    /// The brokers named where the last neutral rating was stated, folded.
    firms: Vec<String>,
    /// Every broker named where a neutral rating was stated so far (folded), with the company.
    kept: Vec<(String, Symbol)>,
}

impl Neutral {
    /// Notes a neutral rating stated in sentence `i` (words `own`, company `mentions`): on the
    /// companies of that sentence, else on `last`, the company of the view before.
    pub(super) fn stated(&mut self, text: &str, own: &[Token], i: usize, mentions: &[Mention], last: Option<&Symbol>) {
        self.at = Some(i);
        self.firms = brokers_in(own).into_iter().map(|b| fold(&text[b])).collect();
        let rated = mentions.iter().find(|m| !m.rates && !m.speaks && !is_broker(&m.symbol)).map(|m| &m.symbol);
        if let Some(on) = rated.or(last) {
            self.kept.extend(self.firms.iter().map(|f| (f.clone(), on.clone())));
        }
    }

    /// Whether the last neutral rating named brokers, none of them the firm of `holder`.
    pub(super) fn by_another_firm(&self, holder: &str) -> bool {
        let holder = firm_key(holder);
        !self.firms.is_empty() && self.firms.iter().all(|f| firm_key(f) != holder)
    }

    /// Whether the last neutral rating was stated in sentence `i` or the one before.
    pub(super) fn just_before(&self, i: usize) -> bool {
        self.at.is_some_and(|j| i - j <= 1)
    }

    /// Whether `named` (brokers named in a sentence) are some, none of them the last neutral
    /// rating's.
    pub(super) fn others(&self, text: &str, named: &[Range<usize>]) -> bool {
        !named.is_empty() && named.iter().all(|b| !self.firms.contains(&fold(&text[b.clone()])))
    }

    /// Whether the firm `name` (folded) stated a neutral rating on `ticker`.
    pub(super) fn kept_on(&self, ticker: &Symbol, name: &str) -> bool {
        self.kept.iter().any(|(e, on)| on == ticker && same_firm(name, e))
    }
}
