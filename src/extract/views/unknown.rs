//! Companies the lexicon does not know, rated by name: `cut its rating on pubs firm Mitchells &
//! Butlers to 'in-line'`, `lifted their price targets on Portola shares`. A view acting on one is
//! about it, and so are the sentences naming it again or following it, not a company named before.
//! Two readings find them: the words right after the stance word ([`UnknownNames::rated`]), and,
//! for a view whose company the sentence does not name, the whole sentence
//! ([`UnknownNames::rated_instead`]).

use std::ops::Range;

use super::nouns::is_business_noun;
use crate::extract::claimants::is_calendar;
use crate::extract::commodity_prices::is_commodity_word;
use crate::extract::company_context::is_move_verb;
use crate::extract::index_cues::is_index_word;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_results_word};
use crate::extract::passive_ratings::names_unknown_listing;
use crate::extract::tokens::Token;
use crate::extract::unlisted::{covered, is_measure_word};
use crate::extract::words::{is_acronym, is_common_word, is_share_word};
use crate::model::Symbol;

/// The companies described and named by names the lexicon does not know, once a view acted on
/// them, in text order.
#[derive(Default)]
pub(super) struct UnknownNames(Vec<Range<usize>>);

impl UnknownNames {
    /// Whether the words right after a stance word (`next`) rate a company by a name no mention
    /// (`named`, the sentence's) covers (see `rates_unknown_name`); the name is remembered for the
    /// sentences after.
    pub(super) fn rated(&mut self, next: &[Token], named: &[Mention]) -> bool {
        let name = rates_unknown_name(next, named);
        self.0.extend(name.clone());
        name.is_some()
    }

    /// Whether a view of the sentence (`own`, at `sentence`) is about a company the lexicon does
    /// not know rather than `symbol`, a company it names nowhere in the sentence: the sentence
    /// brackets an unknown listing, acts on an unknown company described, names one again, or
    /// follows one named after `symbol` was last named (`mentions`, the text's, in text order) and
    /// no earlier than `topic_from`.
    pub(super) fn rated_instead(
        &mut self,
        text: &str,
        own: &[Token],
        sentence: &Range<usize>,
        mentions: &[Mention],
        symbol: &Symbol,
        topic_from: usize,
    ) -> bool {
        let before = mentions.partition_point(|m| m.span.start < sentence.start);
        let named = &mentions[before..mentions.partition_point(|m| m.span.start < sentence.end)];
        let described = names_described_unknown(own, named)
            .or_else(|| moves_unknown(text, own, named))
            .or_else(|| suffixed_unknown(own, named));
        let last_named = || mentions[..before].iter().rfind(|m| m.symbol == *symbol).map_or(0, |m| m.span.start);
        // (Named again as a whole word; followed only within the sentences a topic is looked for.)
        let again = || {
            self.0.iter().any(|n| names_word(&text[sentence.clone()], &text[n.clone()]))
                || self.0.last().is_some_and(|n| n.start >= topic_from && n.start > last_named())
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
    let covered = |w: &Token| covered(mentions, w);
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
        // (Not a person: `the central bank President Roberto Campos Neto`.)
        if after.first().is_some_and(|w| is_title(&w.key)) {
            return None;
        }
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
    let covered = |w: &Token| covered(mentions, w);
    // (Past `First up,`, `Up more than 2% in pre-market trading,`: a few words closed by a comma,
    // before a code.)
    let opening = own
        .iter()
        .take(8)
        .position(|w| text[w.end..].starts_with(','))
        .filter(|&k| own.get(k + 1).is_some_and(|w| w.upper))
        .map_or(0, |k| k + 1);
    // (`Shares of Bed Bath & Beyond jumped 7.6%`: past `Shares of`.)
    let shares = matches!(&own[opening..], [s, of, ..] if s.key == "shares" && matches!(&*of.key, "of" | "in"));
    let rest = &own[opening + if shares { 2 } else { 0 }..];
    let name = rest.iter().take(4).take_while(|w| is_name(w)).count();
    if name == 0 || rest[..name].iter().any(|w| covered(w) || is_market_word(&w.key)) {
        return None;
    }
    // (Not `Shares fell`, `Revenue rose 12%`, `Analysts saw…`, `EBITDA fell`: everyday words,
    // measures, people at large, acronyms.)
    let first = &rest[0];
    let everyday = is_common_word(&first.key)
        || is_share_word(&first.key)
        || is_results_word(&first.key)
        || is_measure_word(&first.key)
        || matches!(&*first.key, "analysts" | "investors" | "traders" | "analistas" | "investidores");
    if name == 1 && ((!first.upper && everyday) || (first.upper && is_acronym(first.text))) {
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
        // (`Burberry was also down after Stifel downgraded…`: past `also`.)
        [be, also, how, ..] | [be, how @ also, ..] => {
            let how = if also.key == "also" { how } else { also };
            matches!(&*be.key, "is" | "was" | "has")
                && (matches!(
                    &*how.key,
                    "up" | "down" | "higher" | "lower" | "hit" | "upgraded" | "downgraded" | "weaker" | "stronger"
                ) || is_move_verb(&how.key))
        }
        _ => false,
    };
    // (`Rolls-Royce was sitting pretty at the top of the index after an upgrade…`: a state, then
    // the act it came after.)
    let after_an_act = || {
        matches!(after.first().map(|w| &*w.key), Some("is" | "was" | "were" | "are"))
            && after.iter().take(16).any(|w| matches!(&*w.key, "after" | "following"))
            && after.iter().any(|w| w.key.starts_with("upgrad") || w.key.starts_with("downgrad"))
    };
    (moved || after_an_act()).then(|| rest[0].start..rest[name - 1].end)
}

/// Names of markets, indexes, currencies and commodities that move without being companies.
fn is_market_word(key: &str) -> bool {
    is_index_word(key)
        || is_commodity_word(key)
        || matches!(key, "s" | "p" | "tsx" | "hang" | "cac" | "ibex" | "kospi" | "sensex" | "composite")
}

/// `The largest decliner was Maxar Technologies Ltd, which retreated 13.4 percent after RBC…cut
/// their target prices`: a name the finder does not know, closed by a legal suffix. Gives where
/// the name is written.
fn suffixed_unknown(own: &[Token], mentions: &[Mention]) -> Option<Range<usize>> {
    let covered = |w: &Token| covered(mentions, w);
    // (`Close Brothers Group plc: Berenberg downgrades…`: `plc` as the British write it.)
    let legal = |w: &Token| {
        (w.capitalized || w.key == "plc") && matches!(&*w.key, "inc" | "corp" | "ltd" | "plc" | "llc" | "limited")
    };
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

/// Whether `sentence` holds `name` as whole words (`BG`, not inside `BGP`).
fn names_word(sentence: &str, name: &str) -> bool {
    sentence.match_indices(name).any(|(at, _)| {
        let before = sentence[..at].chars().next_back();
        let after = sentence[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A person's title before a name (`President`, `Chief`, `CEO`), folded.
fn is_title(key: &str) -> bool {
    matches!(
        key,
        "president"
            | "presidente"
            | "governor"
            | "chief"
            | "ceo"
            | "chairman"
            | "chairwoman"
            | "director"
            | "diretor"
            | "minister"
            | "ministro"
            | "secretary"
            | "analyst"
            | "analista"
            | "economist"
            | "economista"
    )
}

/// `lifted their price targets on Portola shares`, `cut its price target for Intercept
/// Pharmaceuticals stock`: the words right after the stance word (`next`) rate a company by a
/// name no mention covers, before its share noun: the view is about a company the finder does not
/// know, not about one named elsewhere.
/// Also a name or a code in capitals the stance word acts on, before the new rating (`cut their
/// rating of Adolor to sector perform`, `downgraded HGSI to "sector perform"`).
fn rates_unknown_name(next: &[Token], mentions: &[Mention]) -> Option<Range<usize>> {
    let covered = |w: &Token| covered(mentions, w);
    let to_rating = |w: Option<&Token>| w.is_some_and(|w| matches!(&*w.key, "to" | "from"));
    // (The code right after the verb: `downgraded HGSI to`; not a B3 symbol's root written for a
    // company the sentence names, `upgraded MGLU to buy, saying Magazine Luiza…`.)
    let unknown_code = |code: &Token| {
        code.upper
            && (2..=5).contains(&code.text.len())
            && code.text.bytes().all(|b| b.is_ascii_alphabetic())
            && !is_acronym(code.text)
            && !covered(code)
            && !mentions.iter().any(|m| m.symbol.as_str().starts_with(code.text))
    };
    if let [code, after, ..] = next
        && to_rating(Some(after))
        && unknown_code(code)
    {
        return Some(code.start..code.end);
    }
    if let Some(name) = described_unknown(next, &covered) {
        return Some(name);
    }
    // (`reiterated a "buy" rating and $4 price target on GALE, which…`: a code alone, then a
    // clause or the shares' move.)
    let on = next.iter().take(10).position(|w| w.key == "on");
    if let Some([code, after, ..]) = on.map(|p| &next[p + 1..])
        && unknown_code(code)
        && matches!(&*after.key, "which" | "that" | "shares" | "stock")
    {
        return Some(code.start..code.end);
    }
    let p = next.iter().take(6).position(|w| matches!(&*w.key, "on" | "for" | "of"))?;
    let rest = &next[p + 1..];
    let name = rest.iter().take_while(|w| is_name(w)).count();
    let shares = rest.get(name).is_some_and(|w| matches!(&*w.key, "shares" | "stock"));
    let plain_name = name <= 3
        && to_rating(rest.get(name))
        && rest.first().is_some_and(|w| !w.upper && !is_common_word(&w.key) && !is_calendar(&w.key));
    ((1..=4).contains(&name) && (shares || plain_name) && !rest[..name].iter().any(covered))
        .then(|| rest[0].start..rest[name - 1].end)
}

/// `cut its rating on private equity firm 3i Group to 'neutral'`, `upgraded cement maker RMC to
/// 'outperform'`, `raised its rating on Daily Mirror owner Trinity Mirror`: the act's object (right
/// after the act, or after `on`/`for`/`of` within its first words) described by a noun of a
/// business, then named by a name the finder does not know, before `to`/`from`/`with`/`at` or the
/// clause's end. (Not `the stock`, nor a described company the finder knows.)
fn described_unknown(next: &[Token], covered: &dyn Fn(&Token) -> bool) -> Option<Range<usize>> {
    let from = next.iter().take(6).position(|w| matches!(&*w.key, "on" | "for" | "of")).map_or(0, |p| p + 1);
    let rest = &next[from.min(next.len())..];
    // The business's noun within the description's first words, none of them a known company's.
    let noun = rest.iter().take(5).position(|w| is_business_noun(&w.key))?;
    let described = &rest[..noun];
    if described.iter().any(|w| covered(w) || matches!(&*w.key, "the" | "its" | "a" | "an" | "and" | "to" | "from")) {
        return None;
    }
    let after = &rest[noun + 1..];
    let is_name = |w: &Token| w.capitalized || w.upper || w.text.starts_with(|c: char| c.is_ascii_digit());
    let name = after.iter().take(4).take_while(|w| is_name(w)).count();
    let ends = after.get(name).is_none_or(|w| matches!(&*w.key, "to" | "from" | "with" | "at" | "shares"));
    (name > 0 && ends && !after[..name].iter().any(covered)).then(|| after[0].start..after[name - 1].end)
}

/// A word of a name: capitalised, in capitals, or the `&` inside one (`Royal & Sun`).
fn is_name(w: &Token) -> bool {
    w.capitalized || w.upper || w.text == "&"
}
