//! The brokers that act for a stance in a sentence: those named before its word, or as its agent
//! after `by`/`pelo`, or listed after a gerund's phrase; not a bank whose price moved, whose target
//! was moved, or that was rated. Also the broker named last in the sentences before, for a view
//! with no holder of its own.

use std::ops::Range;

use super::subjects::word_range;
use crate::extract::bank_cues::{is_rated_list_item, is_referred_to};
use crate::extract::holders::name_of;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker, is_target_owner};
use crate::extract::tokens::Token;

/// The brokers of a sentence's `words` that give the stance its word at byte `at` decided:
/// named before that word (`Wolfe Research and Susquehanna both increased their targets`) or
/// right after `by`, `from`, `at`, `pelo`, `pela`, `do`, `da` (`the third upgrade from Wedbush`,
/// `a downgrade by Erste Group`, `recomendação de compra do Safra`).
///
/// A passive with its agent after the stance word (`os papéis do Goldman Sachs foram rebaixados
/// pela Standard & Poor's`, `JPMorgan was downgraded by Moody's`): only the agents act, and a
/// broker named before is what was rated.
pub(super) fn acting_brokers(text: &str, words: &[Token], at: usize) -> Vec<Range<usize>> {
    let is_agent = |b: &Range<usize>| {
        let k = words.partition_point(|w| w.start < b.start);
        // (`by the brokerage firm "DA Davidson"`, `a bullish upgrade from investment firm Bernstein`:
        // past the noun for a firm, to `by` or `from`.)
        let by = |j: &usize| matches!(&*words[*j].key, "by" | "pelo" | "pela" | "from");
        let k = match k.checked_sub(1).map(|j| &*words[j].key) {
            Some("firm" | "brokerage" | "bank" | "corretora" | "banco") => {
                (k.saturating_sub(4)..k - 1).rev().find(by).map_or(k, |j| j + 1)
            }
            _ => k,
        };
        k > 0
            && (matches!(&*words[k - 1].key, "by" | "from" | "at" | "pelo" | "pela" | "do" | "da")
                || (k > 1 && words[k - 1].key == "of" && words[k - 2].key == "courtesy"))
    };
    // `units do Santander (+2,57%)`: a bank whose price move a market wrap reports is no holder.
    let moved = |b: &Range<usize>| {
        text[b.end..].trim_start().strip_prefix('(').is_some_and(|inside| {
            let head: String = inside.chars().take(12).collect();
            head.trim_start_matches(['+', '-', '−', ' ']).starts_with(|c: char| c.is_ascii_digit())
                && head.contains('%')
        })
    };
    // `cut Bank of America’s price target`, `downgraded shares of Bank of America, JPMorgan…`: a
    // bank whose target is moved or that is listed as rated is no holder either.
    let rated = |b: &Range<usize>| is_target_owner(text, words, b) || is_rated_list_item(text, words, b.start);
    let all: Vec<Range<usize>> = brokers_in(words).into_iter().filter(|b| !moved(b) && !rated(b)).collect();
    let passive = words.iter().any(|w| w.start < at && matches!(&*w.key, "foram" | "foi" | "was" | "were" | "been"));
    let agents: Vec<Range<usize>> = all.iter().filter(|b| passive && b.start >= at && is_agent(b)).cloned().collect();
    if !agents.is_empty() {
        return agents;
    }
    // `Others downgrading the shares … included Baird, Stephens & Co. and Susquehanna`: a gerund's
    // phrase as the subject, the brokers listed after its verb.
    let gerund = words.get(words.partition_point(|w| w.start < at)).is_some_and(|w| w.key.ends_with("ing"));
    let listed = |b: &Range<usize>| {
        gerund
            && words[words.partition_point(|w| w.start <= at)..words.partition_point(|w| w.start < b.start)]
                .iter()
                .any(|w| matches!(&*w.key, "included" | "include" | "includes" | "were" | "are"))
    };
    all.into_iter().filter(|b| b.end <= at || is_agent(b) || listed(b)).collect()
}

/// The broker named last before a view with no holder of its own, from byte `from` up to word
/// `upto` of the text's `words`: a mention (`mentions`, those of that stretch, in text order)
/// that rates or speaks and is a broker, or a known broker's name. Of two named at the same place,
/// the known broker's name.
/// - `A Energisa mantém recomendação de compra, segundo os estrategistas`: a company that is no
///   broker holds no view of others.
/// - Not a bank heading a card (`heading`: `Santander Brasil (SANB11)` / `Recomendação: venda`),
///   the company rated.
/// - Not `referring to Bank of America by its ticker symbol`: a bank named.
pub(super) fn named_before(
    text: &str,
    words: &[Token],
    mentions: &[Mention],
    from: usize,
    upto: usize,
    heading: Option<&Range<usize>>,
) -> Option<Range<usize>> {
    let broker = mentions.iter().rev().find(|m| {
        (m.rates || m.speaks)
            && (is_broker(&m.symbol) || !brokers_in(&words[word_range(words, &m.span)]).is_empty())
            && heading.is_none_or(|span| *span != m.span)
    });
    let broker = broker.map(|m| name_of(text, words, &m.span));
    let before = &words[words.partition_point(|w| w.start < from)..upto];
    let named =
        brokers_in(before).into_iter().rfind(|b| !is_referred_to(words, words.partition_point(|w| w.start < b.start)));
    // (`max_by_key` keeps the later of equals: the known broker's name.)
    [broker, named].into_iter().flatten().max_by_key(|b| b.start)
}

#[cfg(test)]
mod tests {
    use super::acting_brokers;
    use crate::extract::tokens::tokens;

    #[test]
    fn the_brokers_acting_are_the_agents_and_those_named_before() {
        let text = "Today brought the third upgrade from Wedbush, which matched Susquehanna's target.";
        let words = tokens(text);
        let at = text.find("upgrade").unwrap_or_default();
        let acting: Vec<&str> = acting_brokers(text, &words, at).into_iter().map(|r| &text[r]).collect();
        assert_eq!(acting, ["Wedbush"], "not the one named as the object");
        let text = "As ações do Goldman Sachs caem, depois que os papéis foram rebaixados pela Fitch e pelo BofA.";
        let words = tokens(text);
        let at = text.find("rebaixados").unwrap_or_default();
        let acting: Vec<&str> = acting_brokers(text, &words, at).into_iter().map(|r| &text[r]).collect();
        assert_eq!(acting, ["Fitch", "BofA"], "a passive's agents, not what was rated");
        let text = "Os bancos têm desempenho positivo: Itaú PN (+1,82%) e units do Santander (+2,57%) avançam.";
        let at = text.find("positivo").unwrap_or_default();
        assert!(acting_brokers(text, &tokens(text), at).is_empty(), "a bank whose shares moved");
    }
}
