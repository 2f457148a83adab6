//! Ratings told in the passive: the company named before the rating word is the one rated, and
//! the firm that rates it (if any) is named after `by`/`pelo` — `Jazz Pharmaceuticals (NASDAQ:JAZZ)
//! initiated with Buy rating… by FBR`, `Abbott (NYSE:ABT) price target raised to $60 by RBC`,
//! `Citigroup (C), U.S. Bancorp (USB) and BB&T were all downgraded Thursday` (no firm: no holder
//! from the sentence), `A Cemig foi rebaixada pelo Itaú BBA`.

use std::ops::Range;

use super::holder_names::continues_name;
use super::known_brokers::brokers_in;
use super::mentions::Mention;
use super::tokens::Token;

/// The most words of a rating firm's name after `by` (`Keefe Bruyette & Woods`).
const AGENT_WORDS: usize = 4;

/// Whether the stance word at byte `at` of a sentence's `words` is told in the passive: a form
/// of `be` just before it (`were all downgraded`, `foi rebaixada`, `has been upgraded`), or a
/// headline's bracketed symbol right before it or before `price target` (`Jazz (NASDAQ:JAZZ)
/// initiated with Buy`, `Abbott (NYSE:ABT) price target raised`).
pub(crate) fn is_passive(text: &str, words: &[Token], at: usize) -> bool {
    let cue = words.partition_point(|w| w.start < at);
    if cue >= words.len() || words[cue].start != at {
        return false;
    }
    // `Abbott (NYSE:ABT) price target raised to`: the words naming the target are skipped, and
    // the participle is the word after `target`.
    let mut k = cue;
    while k > 0 && cue - k < 1 && matches!(&*words[k - 1].key, "price" | "preco") {
        k -= 1;
    }
    // (`Bank of America (BAC) rating reinstated at Goldman`: so is the rating's noun.)
    let verb = cue + usize::from(matches!(&*words[cue].key, "target" | "alvo" | "rating"));
    // (`Gilead (GILD) - Get Report downgraded at Credit Suisse`: a quote page's link after the
    // bracket, its lines joined.)
    let linked = k >= 2
        && matches!(&*words[k - 2].key, "get" | "free")
        && words[k - 1].key == "report"
        && text[..words[k - 2].start].trim_end().trim_end_matches(['-', '–']).trim_end().ends_with(')');
    if linked || (k > 0 && text[words[k - 1].end..words[k].start].trim_end().ends_with(')')) {
        // `Jazz (NASDAQ:JAZZ) initiated with Buy`, not `Goldman (GS) downgraded Apple`: the
        // participle goes on with a preposition, not an object.
        return words.get(verb).is_some_and(|w| is_participle(&w.key))
            && words.get(verb + 1).is_some_and(|w| {
                matches!(&*w.key, "with" | "to" | "at" | "by" | "from" | "com" | "para" | "pelo" | "pela")
            });
    }
    // `Also seeing downgrades… have been Bank of America`, `A CPFL recebe recomendação neutra`,
    // `Nvidia also got a price target hike`: the subject receives the rating.
    let received = words[..cue]
        .iter()
        .rev()
        .take(4)
        // (`was on the receiving end of a downgrade`.)
        .skip_while(|w| {
            is_adverb(&w.key)
                || matches!(
                    &*w.key,
                    "a" | "an" | "the" | "price" | "preco" | "uma" | "um" | "of" | "end" | "its" | "their"
                )
        })
        .take(1)
        .any(|w| is_receive(&w.key));
    // `foram atualizadas de Outperform para Market Perform`, `was moved from Buy to Hold`: a move
    // read at `de`/`from`, after a participle told with `be`.
    let moved = cue >= 2
        && matches!(&*words[cue].key, "de" | "from")
        && is_participle(&words[cue - 1].key)
        && words[..cue - 1].iter().rev().take(3).find(|w| !is_adverb(&w.key)).is_some_and(|w| is_be(&w.key));
    // `were all downgraded`, `was also cut`, `has been upgraded`: adverbs between.
    received
        || moved
        || words[..cue]
            .iter()
            .rev()
            .take(3)
            .skip_while(|w| is_adverb(&w.key))
            .take(1)
            .any(|w| is_be(&w.key) && is_participle(&words[cue].key))
}

/// How many words after a rating act its agent may be named (`was downgraded to “neutral” from
/// “buy” on valuation concerns by…`).
const AGENT_REACH: usize = 24;

/// The firm named after `by`/`pelo`/`pela` past byte `at` (`…by FBR & Co. on pipeline
/// prospects` → `FBR & Co`, `…by Keefe Bruyette & Woods`): a known broker, else the capitalised
/// words there.
pub(crate) fn agent(words: &[Token], at: usize) -> Option<Range<usize>> {
    let from = words.partition_point(|w| w.start < at);
    // (`was cut to “sell” from “neutral” at UBS AG`: `at` where no `by` follows, before a known
    // broker only: not `after a fire at Giga Berlin`; the first `at` or `from`.)
    // (Within a few words of the act: a long sentence is not read to its end for each.)
    let near = &words[from..words.len().min(from + AGENT_REACH)];
    let by_at = near.iter().position(|w| matches!(&*w.key, "by" | "pelo" | "pela"));
    if by_at.is_none() {
        // (`suffered a downgrade from Credit Suisse`: `from` before a known broker too.)
        // (`from` only right after the act or its object: `a downgrade from Credit Suisse`, not
        // `Apple rose 3% on a note from Goldman Sachs` further on.)
        let marker = |k: usize, w: &Token| w.key == "at" || (w.key == "from" && k <= 3);
        return near.iter().enumerate().filter(|&(k, w)| marker(k, w)).find_map(|(k, _)| {
            let k = from + k;
            let known = brokers_in(&words[k + 1..words.len().min(k + 1 + AGENT_WORDS)]);
            known.into_iter().next().filter(|b| words.get(k + 1).is_some_and(|w| w.start == b.start))
        });
    }
    let by = from + by_at?;
    let after = &words[by + 1..words.len().min(by + 1 + AGENT_WORDS)];
    if let Some(known) =
        brokers_in(after).into_iter().next().filter(|b| b.start == after.first().map_or(0, |w| w.start))
    {
        return Some(known);
    }
    let name = |w: &Token| (w.capitalized || w.upper) && w.has_letter();
    let mut end = by + 1;
    while end < words.len()
        && end - by <= AGENT_WORDS
        && (name(&words[end]) || (end > by + 1 && words[end].key == "&"))
        && (end == by + 1 || continues_name(words, end))
    {
        end += 1;
    }
    while end > by + 2 && matches!(&*words[end - 1].key, "&" | "co" | "inc" | "corp" | "llc") {
        end -= 1;
    }
    (end > by + 1 && !is_calendar(&words[by + 1].key)).then(|| words[by + 1].start..words[end - 1].end)
}

/// Whether a sentence brackets an exchange's symbol that no mention found (`Mazor Robotics
/// (NASDAQ:MZOR)`, `(NYSE: AGN)`, `(BOV:XPTO3)`, `(BWLD - Get Report)`): it names a listed
/// company of its own.
pub(crate) fn names_unknown_listing(text: &str, sentence: &Range<usize>, mentions: &[Mention]) -> bool {
    let own = &text[sentence.clone()];
    own.match_indices('(').any(|(open, _)| {
        let inside = &own[open + 1..];
        // `Buffalo Wild Wings (BWLD - Get Report)`: a quote page's link after a symbol.
        let covered = |at: usize| {
            // Mentions are in text order: only those starting just before may cover it.
            let k = mentions.partition_point(|m| m.span.start <= at);
            mentions[k.saturating_sub(2)..k].iter().any(|m| at < m.span.end.max(m.span.start + 1))
        };
        let bracket = inside.split(')').next().unwrap_or(inside);
        if let Some((code, _)) = bracket.split_once(" - Get ")
            && (1..=5).contains(&code.len())
            && code.bytes().all(|c| c.is_ascii_uppercase())
        {
            return !covered(sentence.start + open + 1);
        }
        let Some((exchange, rest)) = inside.split_once(':') else { return false };
        let symbol = rest.trim_start();
        let at = sentence.start + open + 1 + exchange.len() + 1 + (rest.len() - symbol.len());
        is_exchange(exchange.trim()) && symbol.starts_with(|c: char| c.is_ascii_uppercase()) && !covered(at)
    })
}

/// Exchange codes written before a symbol in brackets.
fn is_exchange(code: &str) -> bool {
    matches!(
        code.to_ascii_uppercase().as_str(),
        "NYSE"
            | "NASDAQ"
            | "AMEX"
            | "NYSEAMERICAN"
            | "NYSEARCA"
            | "OTC"
            | "OTCMKTS"
            | "TSX"
            | "LSE"
            | "BOV"
            | "BVMF"
            | "B3"
    )
}

/// Whether the word at byte `start` opens its sentence, an article aside (`JPMorgan revisa…`,
/// `O JPMorgan mantém…`; not `For Citi, it was…`), or after a dateline.
pub(crate) fn opens_sentence(text: &str, words: &[Token], start: usize) -> bool {
    let mut k = words.partition_point(|w| w.start < start);
    // (`O time de análise do Bradesco BBI fez as contas`: a firm's team opening the sentence.)
    let team = |n: usize| {
        let at = k.checked_sub(n)?;
        let [the, team, .., of] = &words[at..k] else { return None };
        (matches!(&*the.key, "o" | "a" | "the")
            && matches!(&*team.key, "time" | "equipe" | "team")
            && matches!(&*of.key, "do" | "da" | "at" | "of"))
        .then_some(at)
    };
    if let Some(at) = team(3).or_else(|| team(5)) {
        k = at;
    }
    if k > 0 && matches!(&*words[k - 1].key, "o" | "a" | "the") && words[k - 1].capitalized {
        k -= 1;
    }
    let stop = |k: usize| k == 0 || text[words[k - 1].end..words[k].start].contains(['.', '\n', '!', '?']);
    // (`Investing.com - O Banco do Brasil Investimentos (BB-BI) divulgou…`: after a dateline's
    // few words and its dash.)
    let dash = k > 0 && matches!(text[words[k - 1].end..words[k].start].trim(), "-" | "–" | "—");
    stop(k) || dash && (k.saturating_sub(4)..k).rev().any(stop)
}

/// Forms of `be` (`ser`) that make a passive.
fn is_be(key: &str) -> bool {
    matches!(
        key,
        "was" | "were" | "is" | "are" | "been" | "be" | "being" | "foi" | "foram" | "sido" | "e" | "sao" | "ser"
    )
}

/// Verbs whose subject receives a rating (`got an upgrade`, `recebeu recomendação`).
fn is_receive(key: &str) -> bool {
    matches!(
        key,
        "got"
            | "gets"
            | "get"
            | "getting"
            | "received"
            | "receives"
            | "receiving"
            | "seeing"
            | "saw"
            | "sees"
            | "recebeu"
            | "recebe"
            | "recebem"
            | "receberam"
            | "sofreu"
            | "sofre"
            | "sofreram"
            | "suffered"
            | "suffers"
            | "earned"
            | "won"
    )
}

/// Words that may stand between `be` and the participle (`were all downgraded`).
fn is_adverb(key: &str) -> bool {
    matches!(
        key,
        "all"
            | "both"
            | "also"
            | "just"
            | "recently"
            | "again"
            | "todos"
            | "todas"
            | "ambos"
            | "ambas"
            | "tambem"
            | "ja"
    )
}

/// A rating word that is a past participle (`downgraded`, `cut`, `rebaixada`, `elevadas`).
fn is_participle(key: &str) -> bool {
    key.ends_with("ed")
        || matches!(key, "cut" | "set" | "given")
        || ["ada", "ado", "adas", "ados", "ida", "ido", "idas", "idos"].iter().any(|end| key.ends_with(end))
}

/// `by Thursday`, `by March`: a date, not a firm.
fn is_calendar(key: &str) -> bool {
    matches!(
        key,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn passive(text: &str, cue: &str) -> bool {
        is_passive(text, &tokens(text), text.find(cue).unwrap_or_default())
    }

    fn by(text: &str, cue: &str) -> Option<String> {
        agent(&tokens(text), text.find(cue).unwrap_or_default()).map(|r| text[r].to_owned())
    }

    #[test]
    fn passives_are_read_from_be_and_headlines() {
        assert!(passive("Citigroup (C) and U.S. Bancorp (USB) were all downgraded Thursday.", "downgraded"));
        assert!(passive("Jazz (NASDAQ:JAZZ) initiated with Buy rating by FBR.", "initiated"));
        assert!(passive("Abbott (NYSE:ABT) price target raised to $60 by RBC.", "target"));
        assert!(passive("A Cemig foi rebaixada pelo Itaú BBA.", "rebaixada"));
        assert!(passive("Nvidia also got a price target hike from KeyBanc.", "target"));
        assert!(passive("A CPFL Energia recebe recomendação neutra.", "recomendação"));
        assert!(!passive("Goldman (GS) analysts said it is a buy.", "buy"), "not a participle");
        assert!(!passive("Barclays downgraded Apple to Underweight.", "downgraded"));
        assert!(!passive("Goldman Sachs initiated coverage with a Buy.", "initiated"));
    }

    #[test]
    fn a_subject_opens_its_sentence() {
        let text = "JPMorgan revisa preferências. For Citi, it was the second. O Itaú BBA cortou.";
        let words = tokens(text);
        let at = |name: &str| text.find(name).unwrap_or_default();
        assert!(opens_sentence(text, &words, at("JPMorgan")));
        assert!(!opens_sentence(text, &words, at("Citi")));
        assert!(opens_sentence(text, &words, at("Itaú")));
    }

    #[test]
    fn the_agent_follows_by() {
        assert_eq!(by("Jazz initiated with Buy by FBR & Co. on prospects.", "initiated").as_deref(), Some("FBR"));
        assert_eq!(
            by("X was downgraded by Keefe Bruyette & Woods.", "downgraded").as_deref(),
            Some("Keefe Bruyette & Woods")
        );
        assert_eq!(by("A Cemig foi rebaixada pelo Itaú BBA.", "rebaixada").as_deref(), Some("Itaú BBA"));
        assert_eq!(by("X was downgraded by Thursday.", "downgraded"), None);
        assert_eq!(by("X was downgraded to Neutral.", "downgraded"), None);
    }
}
