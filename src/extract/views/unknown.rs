//! Companies the lexicon does not know, rated by name: `cut its rating on pubs firm Mitchells &
//! Butlers to 'in-line'`. A view acting on one is about it, and so are the sentences naming it
//! again or following it, not a company named before.

use std::ops::Range;

use super::nouns::is_business_noun;
use crate::extract::company_context::is_move_verb;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::Mention;
use crate::extract::passive_ratings::names_unknown_listing;
use crate::extract::tokens::Token;
use crate::extract::words::{is_common_word, is_share_word};

/// The companies described and named by names the lexicon does not know, once a view acted on
/// them, in text order.
#[derive(Default)]
pub(super) struct UnknownNames(Vec<Range<usize>>);

impl UnknownNames {
    /// Whether a view of the sentence (`own`, at `sentence`, naming `named`) is about a company the
    /// lexicon does not know rather than `symbol`, a company it names nowhere in the sentence:
    /// the sentence brackets an unknown listing, acts on an unknown company described, names one
    /// again, or follows one named after `symbol` was last named (`mentions`, the text's).
    pub(super) fn rated_instead(
        &mut self,
        text: &str,
        own: &[Token],
        sentence: &Range<usize>,
        named: &[Mention],
        mentions: &[Mention],
        symbol: &str,
    ) -> bool {
        let described = names_described_unknown(own, named)
            .or_else(|| moves_unknown(text, own, named))
            .or_else(|| suffixed_unknown(own, named));
        let last_named = || {
            mentions[..mentions.partition_point(|m| m.span.start < sentence.start)]
                .iter()
                .rfind(|m| m.symbol.as_str() == symbol)
                .map_or(0, |m| m.span.start)
        };
        let again = || {
            self.0.iter().any(|n| text[sentence.clone()].contains(&text[n.clone()]))
                || self.0.last().is_some_and(|n| n.start > last_named())
        };
        let unknown = names_unknown_listing(text, sentence, named) || described.is_some() || again();
        self.0.extend(described);
        unknown
    }
}

/// `raised its rating on British oil and gas producer BG to…`, `added global news and information
/// company Reuters to its focus list`, `downgraded its rating on engineer Weir Group`: a sentence
/// (`own`) acting on a business described by a noun and named by a name the finder does not know.
/// Its view is about that company, not about one named in the sentences before. Gives where the
/// name is written.
fn names_described_unknown(own: &[Token], mentions: &[Mention]) -> Option<Range<usize>> {
    let covered = |w: &Token| mentions.iter().any(|m| m.span.start <= w.start && w.start < m.span.end);
    let is_name = |w: &Token| w.capitalized || w.upper || w.text == "&";
    own.iter().enumerate().skip(1).find_map(|(k, w)| {
        if !is_business_noun(&w.key) {
            return None;
        }
        // The description: up to five words back to the act's `on`/`of`/`for`/`the` or its verb,
        // or to the sentence's start (`Elsewhere bus and rail group Stagecoach has accelerated`: its
        // subject, then told by a verb).
        let opener = own[k.saturating_sub(6)..k].iter().rposition(|w| is_act_opener(&w.key));
        let subject = opener.is_none() && (1..=5).contains(&k) && own[1..k].iter().all(|w| !w.capitalized && !w.upper);
        let opener = if subject { 0 } else { k.saturating_sub(6) + opener? };
        let described = &own[opener + usize::from(!subject)..k];
        // (Not the agent: `upgraded by the brokerage firm “Morgan Keegan”`.)
        let agent = opener > 0 && own[opener - 1].key == "by";
        let broker =
            |w: &Token| matches!(&*w.key, "brokerage" | "investment" | "research" | "advisory" | "its" | "a" | "an");
        if agent || described.iter().any(|w| covered(w) || is_act_opener(&w.key) || broker(w)) {
            return None;
        }
        let after = &own[k + 1..];
        let name = after.iter().take(4).take_while(|w| is_name(w)).count();
        let ends = after.get(name).is_none_or(|w| {
            matches!(&*w.key, "to" | "from" | "with" | "at" | "shares") || (subject && !w.capitalized && !w.upper)
        });
        // (Nor a bank that is a broker: `Dutch bank ABN Amro upgraded…`, `National Bank Financial`.)
        let broker_named = || !brokers_in(&own[k.saturating_sub(1)..k + 1 + name]).is_empty();
        (name > 0 && after[0].text != "&" && ends && !after[..name].iter().any(covered) && !broker_named())
            .then(|| after[0].start..after[name - 1].end)
    })
}

/// The words a rated company's description opens after (`rating on`, `coverage of`, `added`).
fn is_act_opener(key: &str) -> bool {
    matches!(key, "on" | "of" | "for" | "the" | "added" | "upgraded" | "downgraded" | "initiated")
}

/// `Rona soared 3.73 percent to C$16.95 as Genuity upgraded the home improvement retailer`, `First
/// up, YHOO is down 1.8% after CLSA slashed its opinion`: a sentence opening on a name the finder
/// does not know (past a short opening phrase) that moved. Gives where the name is written.
fn moves_unknown(text: &str, own: &[Token], mentions: &[Mention]) -> Option<Range<usize>> {
    let covered = |w: &Token| mentions.iter().any(|m| m.span.start <= w.start && w.start < m.span.end);
    let is_name = |w: &Token| w.capitalized || w.upper || w.text == "&";
    // (Past `First up,`, `Starting with CMG,`: up to three words closed by a comma.)
    let opening = own
        .iter()
        .take(4)
        .position(|w| text[w.end..].starts_with(','))
        .filter(|&k| k < 3 && own.get(k + 1).is_some_and(|w| w.upper))
        .map_or(0, |k| k + 1);
    // (`Shares of Bed Bath & Beyond jumped 7.6%`: past `Shares of`.)
    let shares = matches!(&own[opening..], [s, of, ..] if s.key == "shares" && matches!(&*of.key, "of" | "in"));
    let rest = &own[opening + if shares { 2 } else { 0 }..];
    let name = rest.iter().take(4).take_while(|w| is_name(w)).count();
    if name == 0 || rest[..name].iter().any(|w| covered(w) || is_market_word(&w.key)) {
        return None;
    }
    // (Not `Shares fell`, `The stock rose`: everyday words.)
    if name == 1 && !rest[0].upper && (is_common_word(&rest[0].key) || is_share_word(&rest[0].key)) {
        return None;
    }
    // (`TWTR -- which is down 48.5%…`: past `which`.)
    let after = &rest[name..];
    let after = if after.first().is_some_and(|w| w.key == "which") { &after[1..] } else { after };
    // `GMCR scored a price-target hike`, `NOK saw its price target trimmed`, `Berkeley was hit by a
    // downgrade`: a rating received names the company too.
    let received = |k: &str| matches!(k, "saw" | "scored" | "received" | "got" | "suffered" | "faced" | "earned");
    let moved = match after {
        [verb, ..] if is_move_verb(&verb.key) || received(&verb.key) => true,
        [be, how, ..] => {
            matches!(&*be.key, "is" | "was" | "has")
                && (matches!(&*how.key, "up" | "down" | "higher" | "lower" | "hit" | "upgraded" | "downgraded")
                    || is_move_verb(&how.key))
        }
        _ => false,
    };
    moved.then(|| rest[0].start..rest[name - 1].end)
}

/// Names of markets, indexes and commodities that move without being companies.
fn is_market_word(key: &str) -> bool {
    matches!(
        key,
        "dow"
            | "nasdaq"
            | "s"
            | "p"
            | "ibovespa"
            | "bovespa"
            | "ftse"
            | "index"
            | "indice"
            | "nikkei"
            | "dax"
            | "tsx"
            | "stoxx"
            | "brent"
            | "wti"
            | "oil"
            | "gold"
            | "dollar"
            | "dolar"
            | "euro"
            | "bitcoin"
            | "treasury"
            | "treasuries"
            | "hang"
            | "cac"
            | "ibex"
            | "kospi"
            | "sensex"
            | "russell"
            | "composite"
    )
}

/// `The largest decliner was Maxar Technologies Ltd, which retreated 13.4 percent after RBC…cut
/// their target prices`: a name the finder does not know, closed by a legal suffix. Gives where
/// the name is written.
fn suffixed_unknown(own: &[Token], mentions: &[Mention]) -> Option<Range<usize>> {
    let covered = |w: &Token| mentions.iter().any(|m| m.span.start <= w.start && w.start < m.span.end);
    let legal = |w: &Token| w.capitalized && matches!(&*w.key, "inc" | "corp" | "ltd" | "plc" | "llc" | "limited");
    own.iter().enumerate().skip(1).find_map(|(k, w)| {
        if !legal(w) || covered(w) {
            return None;
        }
        let from = own[..k].iter().rposition(|w| !(w.capitalized || w.upper || w.text == "&")).map_or(0, |p| p + 1);
        let name = &own[from.max(k.saturating_sub(4))..k];
        let everyday = name.len() == 1 && from == 0 && is_common_word(&name[0].key);
        // (Nor a broker: `ABN AMRO Inc. lowered its rating`.)
        let broker = || !brokers_in(&own[from..=k]).is_empty();
        (!name.is_empty() && !everyday && !name.iter().any(covered) && !broker()).then(|| name[0].start..w.end)
    })
}
