//! Who holds a view: the firm behind a name found as a claimant or a mention (`Wedbush` for
//! `Wedbush analyst Dan Ives`, `Argus` for a surname named earlier as its analyst), or the firm
//! named just before when the holder is a pronoun or an analyst with no firm of his own; no
//! holder for executives, counts, the market at large and news outlets that only report views.

use std::ops::Range;

pub(crate) use super::holder_counts::{counts_holders, is_count_word};
use super::holder_names::{continues_name, is_act_word, opens_before_a_name};
use super::index_cues::is_index_at;
use super::known_brokers::brokers_in;
use super::non_holders::is_news_source;
use super::tokens::Token;
use people::{named_after_analysts, quoted_by_name};

/// A mention's name without the bracketed symbol after it, with the capitalised words that go on
/// with it (`Itaú BBA`).
pub(crate) fn name_of(text: &str, words: &[Token], span: &Range<usize>) -> Range<usize> {
    let name = text[span.clone()].split('(').next().unwrap_or_default().trim_end();
    let mut end = span.start + name.len();
    if name.len() == span.len() {
        let next = words.partition_point(|w| w.start < end);
        for (k, w) in words.iter().enumerate().skip(next) {
            if !(continues_name(words, k) && (w.capitalized || w.upper)) {
                break;
            }
            // `by Stifel` / `We are upgrading…`: a name found does not go on to the next line.
            if text[end..w.start].contains('\n') {
                break;
            }
            end = w.end;
        }
    }
    span.start..end
}

/// The firm a holder speaks for: `Wedbush` for `Wedbush analyst Dan Ives`, `Morgan Stanley` for
/// `Adam Jonas of Morgan Stanley`; none for a company's own executives (`CFO Amy Hood`), counts
/// (`Eight analysts`) and the market at large (`Wall Street`).
pub(crate) fn firm_of(text: &str, words: &[Token], holder: Range<usize>) -> Option<Holder> {
    let first = words.partition_point(|w| w.start < holder.start);
    let last = words.partition_point(|w| w.start < holder.end);
    let mut inside = &words[first..last];
    // `Chuy’s Holdings Inc CHUY downgraded…`: a company's legal name and its symbol, rated.
    if let [.., suffix, code] = inside
        && (is_legal_suffix(&suffix.key) || suffix.key == "holdings")
        && code.upper
        && code.key.len() <= 5
    {
        return None;
    }
    // `Barclays Shares Upgraded, Lloyds Downgraded at JPMorgan`: a headline's company and its
    // shares, rated (the act's word, capitalised, may close the name).
    let acted =
        inside.last().is_some_and(|w| matches!(&*w.key, "upgraded" | "downgraded" | "initiated" | "reiterated"));
    let shares = inside.len() - usize::from(acted);
    if shares >= 2 && inside[shares - 1].capitalized && matches!(&*inside[shares - 1].key, "shares" | "stock") {
        return None;
    }
    // `Morgan Stanley Thursday`, `Gordon Haskett Corporation`: a weekday or a legal suffix after
    // the name is no part of it.
    while inside.len() > 1 && inside.last().is_some_and(|w| is_weekday(&w.key) || is_legal_suffix(&w.key)) {
        inside = &inside[..inside.len() - 1];
    }
    // `THE SPARK: Analyst Jordan Rohan`: a heading before a colon is no part of the name.
    if let Some(k) = (1..inside.len()).rfind(|&k| text[inside[k - 1].end..inside[k].start].contains(':')) {
        inside = &inside[k..];
    }
    if inside.len() == 1 && is_pronoun(&inside[0].key) {
        return Some(Holder::Before);
    }
    // `THE SPARK: Analyst Christopher Horvers lowered…`: a heading in capitals before its colon
    // names no firm; the analyst after it speaks for the firm before.
    // (Two words at least: `CFRA:` may be a firm the list lacks.)
    if text[holder.end..].starts_with(':')
        && inside.len() >= 2
        && inside.iter().all(|w| w.upper)
        && brokers_in(inside).is_empty()
    {
        return Some(Holder::Before);
    }
    // `Construtoras: Itaú BBA elege Tenda`: a headline's topic before a colon and the broker after it.
    if text[holder.end..].starts_with(':')
        && brokers_in(inside).is_empty()
        && brokers_in(&words[last..words.len().min(last + 4)])
            .first()
            .is_some_and(|b| Some(b.start) == words.get(last).map(|w| w.start))
    {
        return None;
    }
    // `As my colleague Iain Marlow reports: "Mr. Misek has lowered…"`: a journalist reporting.
    if first > 0 && is_journalist(&words[first - 1].key) {
        return None;
    }
    if is_news_source(&inside.iter().map(|w| &*w.key).collect::<Vec<_>>().join(" ")) {
        return None;
    }
    // `The S&P 500 dipped 0.4% … after Moody’s downgraded…`: an index is no holder (the broker
    // named by an index's word alone, acting, is: `Benchmark kept its buy rating`).
    let broker = inside.len() == 1 && inside[0].key == "benchmark";
    if inside.iter().any(|w| is_index_at(text, w)) && !broker {
        return None;
    }
    // `Even Edward Jones`: words that open a sentence are not part of a name.
    let skip = inside.iter().take_while(|w| opens_before_a_name(&w.key)).count();
    let mut inside = &inside[skip..];
    // `Downgrade reports for Intel…`, `«Lowering estimates materially…`, `Mgmt is pursuing…`: an
    // act's noun, a verb opening a quote and management's shorthand name no firm.
    if let [only] = inside
        && is_act_word(&only.key)
    {
        return None;
    }
    // `Former Morgan Stanley chief U.S. equity strategist Mike Wilson`: no longer the firm's.
    if inside.first().is_some_and(|w| matches!(&*w.key, "former" | "ex")) {
        return None;
    }
    // `Mr. Hansen raised his rating`: a surname after a title stands for the analyst's firm, as
    // the surname alone does; a title cut off from its surname (`Mr` before the full stop) takes
    // the surname after it.
    let (mut titled, mut untitled) = (None, 0);
    if inside.first().is_some_and(|w| is_title(&w.key) && !w.upper) {
        if inside.len() > 1 {
            (inside, untitled) = (&inside[1..], 1);
        } else if let Some(surname) =
            words.get(first + skip + 1).filter(|w| w.capitalized && matches!(&text[inside[0].end..w.start], ". " | " "))
        {
            (inside, untitled) = (std::slice::from_ref(titled.insert(surname.clone())), 1);
        }
    }
    // `CEO Jamie Dimon struck a cautious tone`: a company's own executive, title and all.
    if inside.len() > 1 && is_executive(&inside[0].key) {
        return None;
    }
    let name = inside.first()?.start..inside.last()?.end;
    if inside.iter().all(|w| is_count_word(&w.key)) || matches!(&*text[name.clone()].to_lowercase(), "wall street") {
        return None;
    }
    let first = first + skip + untitled;
    // `Adam Jonas of Morgan Stanley`, `Gustavo Schroden, do Bradesco BBI`.
    if let Some(at) = inside.iter().rposition(|w| matches!(&*w.key, "of" | "at" | "from" | "do" | "da")) {
        let rest = &inside[at + 1..];
        // A person's name before it, not a firm's own (`Bank of America`, `Banco do Brasil`,
        // `Royal Bank of Canada`).
        let firm = inside[..at].iter().any(|w| is_institution_word(&w.key))
            || brokers_in(inside).first().is_some_and(|b| b.start == inside[0].start && b.end > inside[at].end);
        // (`Butler of Lehman Brothers`: a surname alone, before a known broker.)
        let known = || brokers_in(rest).first().is_some_and(|b| b.start == rest[0].start);
        if (at >= 2 || (at == 1 && known())) && !firm && rest.first().is_some_and(|w| w.capitalized || w.upper) {
            return Some(Holder::Firm(rest[0].start..rest[rest.len() - 1].end));
        }
    }
    // `according to the latest update from Jefferies' Julian Dumoulin-Smith`: a known broker's
    // possessive opening the holder's own name makes the broker the holder.
    let possessive = || text[name.clone()].contains(['\'', '’']);
    if let Some(b) =
        possessive().then(|| brokers_in(inside).into_iter().next()).flatten().filter(|b| b.start == inside[0].start)
    {
        let after = text[b.end..name.end].trim_start_matches(['\'', '’']);
        let after = after.strip_prefix('s').unwrap_or(after);
        if after.len() < text[b.end..name.end].len()
            && after.starts_with(' ')
            && after.trim_start().starts_with(char::is_uppercase)
        {
            return Some(Holder::Firm(b));
        }
    }
    // `Wells’ Mohit Bansal downgraded…`: any firm's possessive before a person's two or three
    // names.
    if let Some(firm) = possessive().then(|| firm_before_person(text, inside)).flatten() {
        return Some(Holder::Firm(firm));
    }
    // (`Stephen Trent e Brian Roberts, analistas do Citi`: past a colleague named with him.)
    let after = first + inside.len();
    let colleague = match words.get(after) {
        Some(w) if matches!(&*w.key, "e" | "and") => {
            after + 1 + words[after + 1..].iter().take(3).take_while(|w| w.capitalized && !w.upper).count()
        }
        _ => after,
    };
    if let Some(firm) = apposed_firm(text, words, after).or_else(|| apposed_firm(text, words, colleague)) {
        return Some(Holder::Firm(firm));
    }
    if let Some(firm) = possessive_firm(text, words, first)
        .or_else(|| analyst_of_possessive(text, words, first))
        .or_else(|| listed_after_a_colleague(text, words, first))
    {
        return Some(Holder::Firm(firm));
    }
    // `Analyst Frank Louthan raised…`, `Os analistas Antonio Junqueira e Guilherme Bosso
    // escrevem…`, `”, apontam Victor Tapia e Maria Clara Negrão`: people with no firm of their own
    // speak for the one before.
    let quoted = || quoted_by_name(text, words, first, inside) && !inside.iter().any(|w| is_institution_word(&w.key));
    if quoted() || (is_analyst_word(&inside[0].key) && inside.len() > 1) || named_after_analysts(text, words, first) {
        return Some(Holder::Before);
    }
    // (`Albert Rauch says…` after `Albert Rauch, Senior Healthcare Analyst at AG Edwards`: a
    // person's full name named earlier as a firm's analyst, by the surname.)
    let person = (2..=3).contains(&inside.len())
        && inside.iter().all(|w| w.capitalized && !w.upper && !is_institution_word(&w.key))
        && brokers_in(inside).is_empty()
        && words[first.saturating_sub(SURNAME_BACK)..first]
            .windows(inside.len())
            .any(|named| named.iter().zip(inside).all(|(a, b)| a.key == b.key));
    // `Though Chambers expressed optimism` after `Cisco Systems CEO John Chambers`: a company's own
    // executive, named again by the surname.
    if inside.len() == 1 && named_as_executive(words, first, &inside[0]) {
        return None;
    }
    if (inside.len() == 1 || person)
        && let Some(firm) = analyst_firm(text, words, first + inside.len() - 1, &inside[inside.len() - 1])
    {
        return Some(Holder::Firm(firm));
    }
    // `BofA analyst Robert F. Ohmes`: the given names and initials before the holder's name.
    let mut before = &words[..first];
    while before.len() >= 2
        && first - before.len() < 3
        && before.last().is_some_and(|w| w.capitalized && !is_analyst_word(&w.key))
    {
        before = &before[..before.len() - 1];
    }
    // `Goldman Sachs analysts including Jernej Omahen`, `analysts led by …`: past the word that
    // joins the analysts to the person.
    let joined = match before {
        [.., a, w] if matches!(&*w.key, "including" | "incluindo" | "like") && is_analyst_word(&a.key) => 1,
        [.., a, w, b] if (&*w.key, &*b.key) == ("led", "by") && is_analyst_word(&a.key) => 2,
        _ => 0,
    };
    before = &before[..before.len() - joined];
    if !before.last().is_some_and(|w| is_analyst_word(&w.key)) {
        before = &words[..first];
    }
    match before.last() {
        Some(w) if is_executive(&w.key) => None,
        // `BMO Capital Markets Analyst Daniel Salmon`: the capitalised words before the role.
        // (Not across a heading's colon: `The Target Analyst: Jefferies upgraded…`.)
        Some(w) if is_analyst_word(&w.key) && !text[w.end..words[first].start].contains(':') => {
            let role = before.len() - 1;
            let mut from = role;
            while from > 0 && role - from < 5 {
                let t = &before[from - 1];
                if !(t.capitalized || t.upper || joins_firm_name(&before[..from])) || !before[from].joins_previous {
                    break;
                }
                from -= 1;
            }
            // `Analyst AJ Rice` opening a sentence names no firm: the one just before does.
            if from < role {
                Some(Holder::Firm(before[from].start..before[role - 1].end))
            } else {
                Some(Holder::Before)
            }
        }
        _ => Some(Holder::Firm(name)),
    }
}

/// Who holds a view: a firm named in the text, or the firm named just before (`they`, `he`,
/// `Analyst AJ Rice` with no firm of his own).
/// `Bank of America's Erika Najarian downgraded…`, `Jefferies' Jeffrey Holford`: a known
/// broker's possessive right before a person's name (word `first`) makes the broker the holder.
/// `Atlantic Equities' banking analyst Richard Staite`: a firm's possessive, an analyst word (a
/// lower-case word of his field allowed before it), then the person (word `first`); the firm is
/// the capitalised name before the possessive, known to the broker list or not.
fn analyst_of_possessive(text: &str, words: &[Token], first: usize) -> Option<Range<usize>> {
    let mut k = first.checked_sub(1)?;
    if !is_analyst_word(&words[k].key) {
        return None;
    }
    k = k.checked_sub(1)?;
    if !words[k].capitalized && !words[k].upper && words[k].key != "s" {
        k = k.checked_sub(1)?;
    }
    let mark = |gap: &str| matches!(gap.trim(), "'" | "’");
    let end = if words[k].key == "s" && k > 0 && mark(&text[words[k - 1].end..words[k].start]) {
        k - 1
    } else if mark(&text[words[k].end..words[k + 1].start]) && words[k].key.ends_with('s') {
        k
    } else {
        return None;
    };
    let mut start = end;
    while start > 0 && end - start < 3 && words[start].joins_previous && words[start - 1].capitalized {
        start -= 1;
    }
    (words[start..=end].iter().all(|w| w.capitalized || w.upper)).then(|| words[start].start..words[end].end)
}

/// `Bank of America’s Robert Ohmes and Kendall Toscano wrote`: a person listed after a colleague
/// named with a firm's possessive (word `first` opens the person's name) speaks for that firm.
fn listed_after_a_colleague(text: &str, words: &[Token], first: usize) -> Option<Range<usize>> {
    let and = first.checked_sub(1).filter(|&k| matches!(&*words[k].key, "and" | "e"))?;
    let mut colleague = and;
    while colleague > 0 && and - colleague < 3 && words[colleague - 1].capitalized && !words[colleague - 1].upper {
        colleague -= 1;
    }
    (colleague < and).then(|| possessive_firm(text, words, colleague)).flatten()
}

fn possessive_firm(text: &str, words: &[Token], first: usize) -> Option<Range<usize>> {
    let mark = |gap: &str| matches!(gap.trim(), "'" | "’");
    let end = if first >= 2 && words[first - 1].key == "s" && mark(&text[words[first - 2].end..words[first - 1].start])
    {
        first - 2
    } else if first >= 1 && words[first - 1].key.ends_with('s') && mark(&text[words[first - 1].end..words[first].start])
    {
        first - 1
    } else {
        return None;
    };
    let from = end.saturating_sub(4);
    brokers_in(&words[from..=end]).into_iter().rfind(|b| b.end == words[end].end)
}

pub(crate) enum Holder {
    Firm(Range<usize>),
    Before,
}

/// `Bank of America Securities analyst…`, `Cowen & Co.’s Timothy Arcuri`: the last of `words`
/// is a joiner inside a firm's name (a capitalised word before it).
fn joins_firm_name(words: &[Token]) -> bool {
    let n = words.len();
    n >= 2 && matches!(&*words[n - 1].key, "of" | "&" | "do" | "da" | "de") && words[n - 2].capitalized
}

/// Words of a firm's own name before `of`/`do` (`Royal Bank of Canada`, `Banco do Brasil`).
fn is_institution_word(key: &str) -> bool {
    matches!(
        key,
        "bank" | "banco" | "royal" | "capital" | "securities" | "group" | "grupo" | "research" | "partners" | "caixa"
    )
}

/// The words before a possessive when the words after it are a person's two or three names, all
/// capitalised (`Wells’ Mohit Bansal`, `BofA's Erika Najarian`).
fn firm_before_person(text: &str, name: &[Token]) -> Option<Range<usize>> {
    let (firm, person) = (1..name.len()).find_map(|k| {
        let gap = &text[name[k - 1].end..name[k].start];
        if matches!(gap, "' " | "’ ") {
            Some((&name[..k], &name[k..]))
        } else if name[k].key == "s" && matches!(gap, "'" | "’") {
            Some((&name[..k], &name[k + 1..]))
        } else {
            None
        }
    })?;
    let is_person = (2..=3).contains(&person.len()) && person.iter().all(|w| w.capitalized && !w.upper);
    let is_firm = firm.iter().all(|w| w.capitalized || w.upper);
    (is_person && is_firm).then(|| firm[0].start..firm[firm.len() - 1].end)
}

/// A title before a surname (`Mr. Hansen`, `Sra. Souza`).
/// A word for a journalist (folded), before one's name.
fn is_journalist(key: &str) -> bool {
    matches!(key, "colleague" | "reporter" | "columnist" | "correspondent" | "journalist" | "jornalista" | "colunista")
}

fn is_title(key: &str) -> bool {
    matches!(key, "mr" | "mrs" | "ms" | "dr" | "sr" | "sra" | "srta")
}

fn is_pronoun(key: &str) -> bool {
    matches!(key, "they" | "he" | "she" | "we" | "it" | "ele" | "ela" | "eles" | "elas")
}

fn is_weekday(key: &str) -> bool {
    matches!(key, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

fn is_legal_suffix(key: &str) -> bool {
    matches!(key, "inc" | "corp" | "corporation" | "co" | "ltd" | "llc" | "plc" | "sa")
}

/// Whether the surname at word `first` was named before (with a given name) right after an
/// executive's title (`CEO John Chambers`).
fn named_as_executive(words: &[Token], first: usize, surname: &Token) -> bool {
    let from = first.saturating_sub(SURNAME_BACK);
    (from.max(2)..first).any(|j| {
        words[j].key == surname.key
            && words[j - 1].capitalized
            && (is_executive(&words[j - 2].key) || is_executive(&words[j - 1].key))
    })
}

/// How many words back a surname's first naming is looked for.
const SURNAME_BACK: usize = 2_000;

/// `Kelleher also argued…` after `Argus analyst Jim Kelleher`, `said Mahaney` after `RBC Capital
/// Markets Analyst Mark Mahaney`, `Mohan expressed…` after `Merrill Lynch’s Wamsi Mohan`: a
/// surname named earlier (before word `first`) as a firm's analyst stands for that firm.
fn analyst_firm(text: &str, words: &[Token], first: usize, surname: &Token) -> Option<Range<usize>> {
    let from = first.saturating_sub(SURNAME_BACK);
    for j in (from..first).rev().filter(|&j| words[j].key == surname.key && words[j].capitalized) {
        // `Buck Horne, an analyst at Raymond James & Associates, lowered…` then `Horne cut…`.
        if let Some(firm) = apposed_firm(text, words, j + 1) {
            return Some(firm);
        }
        let mut k = j;
        while k > 0
            && j - k < 3
            && words[k].joins_previous
            && words[k - 1].capitalized
            && !is_analyst_word(&words[k - 1].key)
        {
            k -= 1;
        }
        // `Adam Jonas of Morgan Stanley`, `Gustavo Schroden, do Bradesco BBI`: a person's name
        // (given name and surname) with the firm after it.
        if j > 0 && words[j - 1].capitalized && words[j].joins_previous {
            let at = j + 1;
            if words.get(at).is_some_and(|w| matches!(&*w.key, "of" | "at" | "do" | "da")) {
                let firm: Vec<&Token> = words[at + 1..]
                    .iter()
                    .enumerate()
                    .take_while(|(n, w)| (w.capitalized || w.upper) && (*n == 0 || continues_name(words, at + 1 + n)))
                    .map(|(_, w)| w)
                    .take(4)
                    .collect();
                if let (Some(a), Some(b)) = (firm.first(), firm.last()) {
                    return Some(a.start..b.end);
                }
            }
        }
        // `Merrill Lynch’s Wamsi Mohan`: a firm's possessive before the analyst's names.
        // `Jefferies' Jeffrey Holford… Holford upgraded`.
        if let Some(firm) = (k..=j).rev().find_map(|p| possessive_firm(text, words, p)) {
            return Some(firm);
        }
        let possessive = k >= 2
            && words[k - 1].key == "s"
            && matches!(&text[words[k - 2].end..words[k - 1].start], "'" | "’" | ".'" | ".’");
        if k == 0 || !(is_analyst_word(&words[k - 1].key) || possessive) || !words[k].joins_previous {
            continue;
        }
        let role = k - 1;
        let mut from = role;
        while from > 0
            && role - from < 5
            && !matches!(&*words[from - 1].key, "but" | "and" | "also" | "even" | "mas" | "e")
            && words[from].joins_previous
            && (words[from - 1].capitalized || words[from - 1].upper || joins_firm_name(&words[..from]))
        {
            from -= 1;
        }
        if from < role {
            return Some(words[from].start..words[role - 1].end);
        }
        // `Raymond James upgraded… Analyst J. Steven Smigie raised…` then `Smigie said`: an
        // analyst named with no firm speaks for the broker named just before.
        if let Some(broker) = brokers_in(&words[role.saturating_sub(BROKER_BACK)..role]).pop() {
            return Some(broker);
        }
    }
    None
}

/// How many words before `Analyst J. Steven Smigie` the broker he speaks for may be named.
const BROKER_BACK: usize = 40;

/// `Luiz Gustavo, estrategista da Guide Investimentos`, `Dan Ives, an analyst at Wedbush`,
/// `Ana Souza, chefe de análise da XP`: after a person's name (its words end before word `after`),
/// a comma, a role in lower case and the firm it is held at.
fn apposed_firm(text: &str, words: &[Token], after: usize) -> Option<Range<usize>> {
    let (previous, next) = (words.get(after.checked_sub(1)?)?, words.get(after)?);
    if text[previous.end..next.start].trim() != "," {
        return None;
    }
    // `George Grofik, Citigroup Smith Barney analyst, has raised…`, `Jane Roe, a Citi analyst,`: a
    // known broker right before the role.
    let start = after + usize::from(matches!(&*next.key, "a" | "an"));
    let named = words.get(start).and_then(|w| {
        brokers_in(&words[start..words.len().min(start + 6)]).into_iter().next().filter(|b| b.start == w.start)
    });
    if let Some(b) = named
        && words.get(words.partition_point(|w| w.start < b.end)).is_some_and(|w| is_role_word(&w.key))
    {
        return Some(b);
    }
    let lower = |w: &Token| !w.capitalized && !w.upper;
    let role = (after..words.len().min(after + 4)).find(|&j| is_role_word(&words[j].key))?;
    // (`Albert Rauch, Senior Healthcare Analyst at AG Edwards`: a title in capitals too.)
    let title = words[role].capitalized && words[after..role].iter().all(|w| w.capitalized && !w.upper);
    if !words[after..role].iter().all(lower) && !title {
        return None;
    }
    for j in role + 1..words.len().min(role + 5) {
        let w = &words[j];
        if !lower(w) || !w.joins_previous {
            return None;
        }
        let firm = words.get(j + 1).filter(|f| (f.capitalized || f.upper) && f.joins_previous);
        if matches!(&*w.key, "at" | "of" | "with" | "from" | "for" | "da" | "do" | "de" | "na" | "no")
            && let Some(f) = firm
        {
            let count = words[j + 1..]
                .iter()
                .enumerate()
                .take_while(|(n, t)| (t.capitalized || t.upper) && (*n == 0 || continues_name(words, j + 1 + n)))
                .take(4)
                .count();
            return Some(f.start..words[j + count].end);
        }
    }
    None
}

/// A person's role at a firm, in lower case after the name (`analyst`, `estrategista`, `head`).
fn is_role_word(key: &str) -> bool {
    is_analyst_word(key)
        || matches!(
            key,
            "economist"
                | "economista"
                | "head"
                | "chefe"
                | "director"
                | "diretor"
                | "gestor"
                | "socio"
                | "partner"
                | "editor"
        )
}

pub(crate) fn is_analyst_word(key: &str) -> bool {
    matches!(key, "analyst" | "analysts" | "analista" | "analistas" | "strategist" | "estrategista")
}

fn is_executive(key: &str) -> bool {
    matches!(
        key,
        "ceo"
            | "cfo"
            | "coo"
            | "cto"
            | "chief"
            | "president"
            | "presidente"
            | "diretor"
            | "diretora"
            | "executive"
            | "executivo"
            | "executiva"
            | "founder"
            | "fundador"
            | "chairman"
            | "chairwoman"
    )
}

mod people;
