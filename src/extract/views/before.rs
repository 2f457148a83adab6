//! The holder of a view whose sentence names none of its own (`Dessa forma, mantém recomendação…`,
//! `A Vivo (VIVT3) foi rebaixada…`): the firm of the view before or a broker named before, however
//! far a firm's noun, a bullet or a card lets it be looked for.

use std::ops::Range;

use super::subjects::{next_clause_holder, word_range};
use super::{LOOK_BACK, acting};
use crate::extract::holders::name_of;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker, mentions_within};
use crate::extract::non_holders::is_talked_about;
use crate::extract::passive_ratings::opens_sentence;
use crate::extract::tokens::Token;

/// A text read sentence by sentence: its words, its sentences' byte and word ranges, the
/// claimants found and the company mentions, all in text order.
pub(super) struct Read<'a> {
    pub text: &'a str,
    pub words: &'a [Token<'a>],
    pub sentences: &'a [Range<usize>],
    pub sentence_words: &'a [Range<usize>],
    pub claimants: &'a [Range<usize>],
    pub mentions: &'a [Mention],
}

impl Read<'_> {
    /// The mentions inside a byte range.
    pub(super) fn mentions_in(&self, r: &Range<usize>) -> &[Mention] {
        mentions_within(self.mentions, r)
    }
}

/// The holder of sentence `i`'s view, looked for `back` sentences back: the broker named before
/// it (not a card's `heading`, the company rated), or the holder of the last view (`last_holder`,
/// its sentence and name) when no broker was named after that view's sentence.
///
/// A passive with no agent (`passive`) is held by its next clause's agent (`Boeing was reiterated
/// as Buy and the target price was raised to $270 at Argus`), by the firm of the view before, or by
/// a broker opening a sentence or acting as an agent before (`JPMorgan revisa preferências… A Vivo
/// (VIVT3) foi rebaixada…`, `U.S. Steel was downgraded… at Nomura. Micron Technology was cut…`);
/// not `For Citi, it was the second… Also seeing downgrades… have been Bank of America`.
pub(super) fn holder_before(
    read: &Read<'_>,
    i: usize,
    back: usize,
    heading: Option<&Range<usize>>,
    passive: bool,
    last_holder: Option<&(usize, Range<usize>)>,
) -> Option<Range<usize>> {
    let (text, words, sentences) = (read.text, read.words, read.sentences);
    let sentence = &sentences[i];
    let from = sentences[i.saturating_sub(back)].start;
    let upto = heading.map_or(read.sentence_words[i].start, |span| word_range(words, span).start);
    let broker = acting::named_before(text, words, read.mentions_in(&(from..sentence.start)), from, upto, heading);
    // `Para o Credit Suisse, a Hypera é… Dessa forma, mantém recomendação…`: a broker named after
    // the view before's sentence outranks its holder.
    let earlier = last_holder
        .filter(|(j, _)| i - j <= LOOK_BACK && broker.as_ref().is_none_or(|b| b.start < sentences[*j].end))
        .map(|(_, h)| h.clone());
    let agent_before = |b: &Range<usize>| {
        let k = words.partition_point(|w| w.start < b.start);
        k > 0 && matches!(&*words[k - 1].key, "at" | "by" | "pelo" | "pela")
    };
    let next = || passive.then(|| next_clause_holder(read, i)).flatten();
    next().or(earlier).or(broker.filter(|b| !passive || opens_sentence(text, words, b.start) || agent_before(b)))
}

/// `They have a $65 price target`, `Analyst AJ Rice upgraded…` after `according to UBS`: the firm
/// of the view just before (`last_holder`), else the later of the broker mentioned (acting,
/// speaking or a broker, not one talked about) and the known broker named in the sentences just
/// before sentence `i`.
pub(super) fn firm_just_before(
    read: &Read<'_>,
    i: usize,
    last_holder: Option<&(usize, Range<usize>)>,
) -> Option<Range<usize>> {
    let (text, words) = (read.text, read.words);
    let from = read.sentences[i.saturating_sub(LOOK_BACK)].start;
    let named = last_holder.filter(|(j, _)| i - j <= LOOK_BACK).map(|(_, h)| h.clone());
    let before = &words[words.partition_point(|w| w.start < from)..read.sentence_words[i].start];
    let broker = read
        .mentions_in(&(from..read.sentences[i].start))
        .iter()
        .rev()
        .find(|m| (m.rates || m.speaks || is_broker(&m.symbol)) && !is_talked_about(text, words, &m.span))
        .map(|m| name_of(text, words, &m.span));
    let listed = brokers_in(before).into_iter().rfind(|b| !is_talked_about(text, words, b));
    named.or([broker, listed].into_iter().flatten().max_by_key(|b| b.start))
}
