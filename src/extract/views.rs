//! Views: who holds which stance on which ticker, sentence by sentence. The holders are the
//! sentence's claimants (`Cantor Fitzgerald defende…`, `analistas da Raymond James expressam…`),
//! brokers changing a rating or a target (`Goldman Sachs boosted its rating`), and otherwise the
//! names listed at its start before a verb of holding (`Citi e Bernstein adotaram…`). The stance
//! is read by [`read_stance`]; `a similar stance` with no stance word of its own takes the one
//! of the view before. The ticker is the company the stance word points to in the sentence (the
//! first named after it, else the nearest before), else the one the views or sentences just
//! before were about. A sentence with no holder, no stance or no ticker gives no view.

use std::ops::Range;

use super::fx_hash::FxHashMap;
use super::holder_names::{FirmNames, continues_name, trimmed};
use super::holders::{Holder, firm_of, is_analyst_word, is_count_word, is_news_source, name_of};
use super::known_brokers::{acting_brokers, brokers_in};
use super::mentions::{Mention, is_broker};
use super::stance_words::read_stance;
use super::tokens::Token;
use crate::model::{Stance, Symbol, fold};

/// How many sentences back a view's ticker or a `similar` stance may come from.
const LOOK_BACK: usize = 3;
/// How many sentences back the company a text is about is looked for.
const TOPIC_BACK: usize = 20;
/// The most names taken from a list opening a sentence (`Citi, Bernstein e UBS`).
const MAX_LISTED: usize = 4;

/// A view found: byte ranges of the holder's name and of the sentence quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ViewMatch {
    pub claimant: Range<usize>,
    pub ticker: Symbol,
    pub stance: Stance,
    pub quote: Range<usize>,
}

/// Finds the views of a text. `sentence_words` are the token ranges of each sentence,
/// `claimants` the byte ranges of the claimants found, `mentions` the company mentions.
pub(crate) fn views(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    sentence_words: &[Range<usize>],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> Vec<ViewMatch> {
    let mut out: Vec<ViewMatch> = Vec::new();
    // Per view found: its sentence and the level of the cue that decided it.
    let mut levels: Vec<(usize, usize)> = Vec::new();
    // Per view found: its holder's name, folded.
    let mut folded: Vec<String> = Vec::new();
    let mut last: Option<(usize, Stance, Symbol)> = None;
    let firms = FirmNames::new(text, words, mentions);
    // Everything is in text order: each sentence's part of a list is found by bisection.
    let mentions_in = |r: &Range<usize>| {
        &mentions
            [mentions.partition_point(|m| m.span.start < r.start)..mentions.partition_point(|m| m.span.start < r.end)]
    };
    for (i, (sentence, range)) in sentences.iter().zip(sentence_words).enumerate() {
        let own = &words[range.clone()];
        let reading = read_stance(text, own);
        // `Já o HSBC elevou o preço-alvo… A recomendação, porém, foi mantida em neutra.`: a
        // neutral rating stated right after a target moved means no view.
        if reading.neutral
            && let Some(&(j, level)) = levels.last()
            && i - j <= 2
            && level >= 2
        {
            while levels.last().is_some_and(|&(k, _)| k == j) {
                levels.pop();
                out.pop();
                folded.pop();
            }
            last = None;
            continue;
        }
        let recent = last.clone().filter(|(j, _, _)| i - j <= LOOK_BACK);
        let stance = match (reading.stance, &recent) {
            (Some(s), _) => s,
            (None, Some((_, s, _))) if reading.similar => *s,
            _ => continue,
        };
        let named = claimants.partition_point(|c| c.start < sentence.start)
            ..claimants.partition_point(|c| c.start < sentence.end);
        let mut holders: Vec<Range<usize>> = claimants[named]
            .iter()
            .filter(|c| !is_news_source(&fold(&text[(*c).clone()]).replace(['.', '\'', '’'], " ")))
            // `Sometimes analysts reset targets`, `Echoing similar sentiments`: everyday words.
            .filter(|c| trimmed(text, words, (*c).clone()).is_some())
            .cloned()
            .collect();
        let mut holding: Vec<&Symbol> = Vec::new();
        // `O UBS rebaixou a recomendação de Itaú`: a bank after the stance word, behind `de`/`of`,
        // with a firm named before it, is what was rated.
        let first_firm = mentions_in(sentence).iter().find(|m| m.rates || m.speaks).map(|m| m.span.start);
        let rated_object = |m: &Mention| {
            let k = own.partition_point(|w| w.start < m.span.start);
            m.span.start > reading.at
                && first_firm.is_some_and(|f| f < reading.at)
                && k > 0
                && matches!(&*own[k - 1].key, "de" | "do" | "da" | "of" | "on")
        };
        for m in mentions_in(sentence).iter().filter(|m| (m.rates || m.speaks) && !rated_object(m)) {
            // `Bank of America Merrill Lynch (BofA)`: one firm, named twice.
            if !holders.iter().any(|h| h.start < m.span.end && m.span.start < h.end) && !holding.contains(&&m.symbol) {
                holders.push(name_of(text, own, &m.span));
                holding.push(&m.symbol);
            }
        }
        if holders.is_empty() {
            // `Intel (NASDAQ:INTC) is down…`: a company listed at the start is the one talked about.
            let company = |h: &Range<usize>| {
                let inside = &own[own.partition_point(|w| w.start < h.start)..own.partition_point(|w| w.start < h.end)];
                mentions_in(h).iter().any(|m| !is_broker(&m.symbol) && !m.rates && !m.speaks)
                    && brokers_in(text, inside).is_empty()
            };
            holders = listed_holders(text, own).into_iter().filter(|h| !company(h)).collect();
        }
        if holders.is_empty() {
            // `Echoing similar sentiments, Bansal increased…` after `Wells Fargo analyst Mohit
            // Bansal`: a surname acting stands for its firm.
            holders = surname_holders(text, words, own);
        }
        if holders.is_empty() {
            holders = acting_brokers(text, own, reading.at);
        }
        // `os analistas João Pedro Soares e Felipe Reboredo rebaixaram…` after `o time do Citi`:
        // analysts named without their firm speak for the one just before.
        let analysts_alone = holders.is_empty()
            && reading.rating
            && !own.iter().any(|w| is_count_word(&w.key))
            && own.windows(2).any(|p| is_analyst_word(&p[0].key) && p[1].capitalized);
        // `Eight analysts rate the shares a buy`: a sentence naming its own (uncounted) holders.
        // `com os analistas vendo espaço…`: the analysts of the firm before (a definite article).
        let rating_alone = reading.rating
            && !own.iter().any(|w| is_count_word(&w.key))
            && !own.iter().enumerate().any(|(k, w)| {
                is_analyst_word(&w.key)
                    && !(k > 0 && matches!(&*own[k - 1].key, "the" | "os" | "as" | "its" | "seus" | "suas"))
            });
        if holders.is_empty() && (rating_alone || own.iter().any(|w| is_firm_noun(&w.key))) {
            // `diz o relatório do banco`, `Com isso, o preço-alvo foi revisto…`: the firm of the
            // view or the broker just before.
            let from = sentences[i.saturating_sub(LOOK_BACK)].start;
            let broker = mentions_in(&(from..sentence.start)).iter().rev().find(|m| m.rates || m.speaks);
            let broker = broker.map(|m| name_of(text, words, &m.span));
            let before = &words[words.partition_point(|w| w.start < from)..range.start];
            let named = brokers_in(text, before).pop();
            let broker = match (broker, named) {
                (Some(a), Some(b)) => Some(if a.start > b.start { a } else { b }),
                (a, b) => a.or(b),
            };
            let earlier = out.last().filter(|v| v.quote.start >= from).map(|v| v.claimant.clone());
            holders.extend(earlier.or(broker));
        }
        // `They have a $65 price target`, `Analyst AJ Rice upgraded…` after `according to UBS`:
        // the firm of the view or the broker named just before.
        let firm_before = || {
            let from = sentences[i.saturating_sub(LOOK_BACK)].start;
            let named = out.last().filter(|v| v.quote.start >= from).map(|v| v.claimant.clone());
            let before = &words[words.partition_point(|w| w.start < from)..range.start];
            let broker = mentions_in(&(from..sentence.start))
                .iter()
                .rev()
                .find(|m| m.rates || m.speaks || is_broker(&m.symbol))
                .map(|m| name_of(text, words, &m.span));
            let listed = brokers_in(text, before).pop();
            named.or(match (broker, listed) {
                (Some(a), Some(b)) => Some(if a.start > b.start { a } else { b }),
                (a, b) => a.or(b),
            })
        };
        if analysts_alone {
            holders.extend(firm_before());
        }
        // `They also benefitted from an upgrade, courtesy of Daiwa Securities`: a broker acting in
        // the sentence outranks a pronoun.
        let acting = acting_brokers(text, own, reading.at);
        let holders: Vec<Range<usize>> = holders
            .into_iter()
            .flat_map(|h| match firm_of(text, words, h) {
                Some(Holder::Firm(r)) => vec![r],
                Some(Holder::Before) if !acting.is_empty() => acting.clone(),
                Some(Holder::Before) => firm_before().into_iter().collect(),
                None => Vec::new(),
            })
            .collect();
        // One firm, one name: trimmed to the firm, and the name it was first given.
        let mut holders: Vec<Range<usize>> = holders
            .into_iter()
            .filter_map(|h| trimmed(text, words, h))
            .map(|h| firms.first_name(text, mentions, &h).unwrap_or(h))
            // `o banco` not settled to a firm's name: no name.
            .filter(|h| text[h.clone()].chars().any(char::is_uppercase))
            .collect();
        holders.dedup_by(|a, b| text[a.clone()] == text[b.clone()]);
        if holders.is_empty() {
            continue;
        }
        let held = |m: &&Mention| holders.iter().any(|h| h.start < m.span.end && m.span.start < h.end);
        // `Daiwa Securities analyst Kazuki Watanabe`: a firm whose analyst speaks is no subject.
        let firm_of_analyst =
            |m: &&Mention| own.iter().find(|w| w.start >= m.span.end).is_some_and(|w| is_analyst_word(&w.key));
        // `Bank of America Merrill Lynch (BofA)`: the holder named again is no subject either.
        let holding: Vec<&Symbol> = mentions_in(sentence).iter().filter(held).map(|m| &m.symbol).collect();
        let about: Vec<&Mention> = mentions_in(sentence)
            .iter()
            .filter(|m| ((!m.rates && !m.speaks) || rated_object(m)) && !held(m) && !firm_of_analyst(m))
            .filter(|m| !holding.contains(&&m.symbol))
            .collect();
        // `Goldman Sachs downgraded the company due to … Disney`: the company under discussion.
        let at = own.partition_point(|w| w.start <= reading.at);
        let next = &own[at.min(own.len())..];
        // `Citi downgraded the tech giant…`: a sector word may come before the noun.
        let refers_back = (0..next.len().min(2)).any(|k| {
            let noun = (k + 1..next.len().min(k + 3)).find(|&n| is_company_noun(&next[n].key));
            matches!(&*next[k].key, "the" | "a" | "o" | "its")
                && noun.is_some_and(|n| next[k + 1..n].iter().all(|w| !w.capitalized))
                && !noun
                    .and_then(|n| next.get(n + 1))
                    .is_some_and(|w| matches!(&*w.key, "of" | "de" | "da" | "do" | "das" | "dos"))
        });
        // `the upgrade also reflects…`: the change just reported, about the same company.
        let cue = own.partition_point(|w| w.start < reading.at);
        let restated = cue > 0
            && matches!(&*own[cue - 1].key, "the" | "this" | "o" | "esse" | "este")
            && own.get(cue).is_some_and(|w| w.start == reading.at);
        // `…raised to $17 at J.P. Morgan Securities -- with Walt Disney Co and Microsoft…`: the
        // company rated is named in the stance word's clause, before a dash or a semicolon.
        let clause_end = [" -- ", " — ", " – ", "; "]
            .iter()
            .filter_map(|mark| text[reading.at.min(sentence.end)..sentence.end].find(mark))
            .min()
            .map_or(sentence.end, |at| reading.at + at);
        let first_after =
            about.iter().position(|m| m.span.start >= reading.at && m.span.start < clause_end && !refers_back);
        // `Citi and Bernstein took a similar optimistic stance, while Raymond James worries…`: a
        // stance that is the view before's is about that view's company too.
        let carried = reading.stance.is_none() && reading.similar;
        let ticker = if restated || carried { recent.as_ref().map(|(_, _, t)| t.clone()) } else { None }
            .or_else(|| first_after.map(|k| about[k].symbol.clone()))
            .or_else(|| {
                let before = |m: &&&Mention| (m.span.start < reading.at || !refers_back) && m.span.start < clause_end;
                about.iter().rfind(before).map(|m| m.symbol.clone())
            })
            .or_else(|| {
                let back = sentences[i.saturating_sub(TOPIC_BACK)].start..sentence.start;
                // `Goldman Sachs downgraded the company… Goldman Sachs cut its rating on the stock`:
                // the company of the view just before, else the last named.
                let before = || earlier_subject(mentions_in(&back), &holders, true);
                refers_back.then(|| recent.as_ref().map(|(_, _, t)| t.clone()).or_else(before)).flatten()
            })
            // `Goldman Sachs downgraded Netflix… Goldman Sachs cut its rating on the stock`: the
            // same firm again, on the company of its view in the sentence just before.
            .or_else(|| {
                let from = sentences[i.saturating_sub(1)].start;
                let same = |v: &ViewMatch| holders.iter().any(|h| text[h.clone()] == text[v.claimant.clone()]);
                out.iter().rev().take_while(|v| v.quote.start >= from).find(|v| same(v)).map(|v| v.ticker.clone())
            })
            // `Outro caso é o da 3M. O JPMorgan rebaixou…`: a company just named outranks the
            // view before.
            .or_else(|| {
                let previous = sentences[i.saturating_sub(1)].start..sentence.start;
                earlier_subject(mentions_in(&previous), &holders, true)
            })
            .or_else(|| recent.as_ref().map(|(_, _, t)| t.clone()))
            .or_else(|| {
                let topic = sentences[i.saturating_sub(TOPIC_BACK)].start..sentence.start;
                earlier_subject(mentions_in(&topic), &holders, false)
            });
        // `O Barclays rebaixou as ações de ambas`: the companies of the sentence before.
        let both = about.is_empty() && own.iter().any(|w| matches!(&*w.key, "ambas" | "ambos" | "both"));
        // `cut their price targets … -- both still in record-high territory`: with fewer than two
        // companies before, `both` is about something else.
        let earlier: Vec<Symbol> = if both && i > 0 {
            let mut all: Vec<Symbol> = Vec::new();
            for m in mentions_in(&sentences[i - 1]).iter().filter(|m| !m.rates && !m.speaks) {
                if !all.contains(&m.symbol) {
                    all.push(m.symbol.clone());
                }
            }
            if all.len() >= 2 { all } else { Vec::new() }
        } else {
            Vec::new()
        };
        let ticker = if earlier.is_empty() { ticker } else { None };
        let Some(ticker) = ticker.or_else(|| earlier.first().cloned()) else { continue };
        // `rebaixaram as ações do Assaí e do Carrefour Brasil`: every company of the list.
        let mut tickers = if earlier.is_empty() { vec![ticker.clone()] } else { earlier };
        if let Some(k) = first_after.filter(|_| !restated) {
            for pair in about[k..].windows(2) {
                if !is_list_gap(&text[pair[0].span.end..pair[1].span.start]) {
                    break;
                }
                if !tickers.contains(&pair[1].symbol) {
                    tickers.push(pair[1].symbol.clone());
                }
            }
        }
        holders.sort_by_key(|h| h.start);
        for ticker in &tickers {
            for h in &holders {
                // `RBC` after `RBC Capital Markets`: the same firm, named shorter.
                let name = fold(&text[h.clone()]);
                let same_firm = |e: &str| {
                    e == name
                        || (e.starts_with(name.as_str()) && e[name.len()..].starts_with(' '))
                        || (name.starts_with(e) && name[e.len()..].starts_with(' '))
                        || is_initials_of(&name, e)
                };
                // A view stated again later in the text (`The downgrade reflects…`) is the same
                // view; a weaker cue of the same firm nearby (a target cut after `manteve a
                // recomendação de compra`) does not overturn a stronger one.
                let stronger = out.iter().zip(&levels).zip(&folded).any(|((v, &(j, level)), e)| {
                    v.ticker == *ticker
                        && (v.stance == stance || (i - j <= LOOK_BACK && level < reading.level))
                        && same_firm(e)
                });
                if !stronger {
                    // `…had its price target dropped by JPMorgan… The firm currently has an
                    // "overweight" rating`: a stronger cue of the same firm just after overturns
                    // a weaker one of the opposite stance.
                    let mut k = 0;
                    while k < out.len() {
                        let (j, level) = levels[k];
                        if out[k].ticker == *ticker
                            && out[k].stance != stance
                            && i - j <= LOOK_BACK
                            && level > reading.level
                            && same_firm(&folded[k])
                        {
                            out.remove(k);
                            levels.remove(k);
                            folded.remove(k);
                        } else {
                            k += 1;
                        }
                    }
                    folded.push(name.clone());
                    out.push(ViewMatch {
                        claimant: h.clone(),
                        ticker: ticker.clone(),
                        stance,
                        quote: sentence.clone(),
                    });
                    levels.push((i, reading.level));
                }
            }
        }
        last = Some((i, stance, ticker));
    }
    out
}

/// `S&P` after `Standard & Poor's`: a firm named again by the initials of its name's words
/// (folded names; connectives such as `of`, `de`, `&` and a possessive `s` have none).
fn is_initials_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
    let initials: String = long
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !matches!(*w, "of" | "de" | "da" | "do" | "and" | "e"))
        .filter_map(|w| w.chars().next())
        .collect();
    letters.len() >= 2 && letters == initials
}

/// Between two companies of one list: commas, `and`/`e`/`or`/`ou` and articles only.
/// A bracketed aside is skipped (`Fleury (FLRY3 -0,13%, R$ 15,90) e Odontoprev`, where the
/// company's span may end inside the bracket).
fn is_list_gap(gap: &str) -> bool {
    let mut plain = String::with_capacity(gap.len());
    let mut depth = usize::from(gap.find(')').is_some_and(|close| gap.find('(').is_none_or(|open| open > close)));
    for c in gap.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';'))
        .filter(|w| !w.is_empty())
        .all(|w| matches!(w, "and" | "e" | "or" | "ou" | "&" | "do" | "da" | "de" | "dos" | "das" | "of" | "the"))
}

/// Words that stand for the company a text is about (`the company`, `a empresa`, `o papel`,
/// `the tech giant`, `the restaurant operator`).
fn is_company_noun(key: &str) -> bool {
    matches!(
        key,
        "company"
            | "stock"
            | "shares"
            | "empresa"
            | "companhia"
            | "papel"
            | "acao"
            | "acoes"
            | "giant"
            | "operator"
            | "maker"
            | "chipmaker"
            | "retailer"
            | "lender"
            | "gigante"
    )
}

/// Words that stand for a firm named before (`o banco`, `the brokerage`).
fn is_firm_noun(key: &str) -> bool {
    matches!(key, "banco" | "instituicao" | "corretora" | "bank" | "firm" | "broker" | "brokerage")
}

/// The company the text before is about, not named by a holder: the last named when the
/// sentence points back to it (`the company`), else the one named most often (the first named
/// of those named as often: the subject).
fn earlier_subject(before: &[Mention], holders: &[Range<usize>], nearest: bool) -> Option<Symbol> {
    // A bank or broker named before is the one talking, far more often than the one talked about.
    let mut named = before
        .iter()
        .filter(|m| !m.rates && !is_broker(&m.symbol))
        .filter(|m| !holders.iter().any(|h| h.start < m.span.end && m.span.start < h.end))
        .map(|m| &m.symbol);
    if nearest {
        return named.next_back().cloned();
    }
    let mut counts: FxHashMap<&Symbol, usize> = FxHashMap::default();
    let mut best: Option<(&Symbol, usize)> = None;
    for s in named {
        let n = counts.entry(s).or_default();
        *n += 1;
        // The first named (the text's subject) of those named most often.
        if best.is_none_or(|(_, most)| *n > most) {
            best = Some((s, *n));
        }
    }
    best.map(|(s, _)| s.clone())
}

/// `Echoing similar sentiments, Bansal increased…`: a capitalised word right before a rating
/// action or a reporting verb, named earlier as a firm's analyst, stands for that firm.
fn surname_holders(text: &str, words: &[Token], own: &[Token]) -> Vec<Range<usize>> {
    own.windows(2)
        .filter(|p| p[0].capitalized && !p[0].upper && (is_rating_action(&p[1].key) || p[1].key == "said"))
        .filter_map(|p| match firm_of(text, words, p[0].start..p[0].end) {
            Some(Holder::Firm(r)) if r != (p[0].start..p[0].end) => Some(p[0].start..p[0].end),
            _ => None,
        })
        .take(1)
        .collect()
}

/// `Citi e Bernstein adotaram…`, `Raymond James analysts are worried`, `Os bancos Bradesco BBI,
/// Santander e Bank of America cortaram…`: capitalised names listed at the start of a sentence
/// (with `of`/`do`/`&` and initials inside a name), before a verb of holding or a role.
fn listed_holders(text: &str, words: &[Token]) -> Vec<Range<usize>> {
    let mut names: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut i = words.iter().take_while(|w| is_opener(&w.key)).count();
    // `Os bancos…`, `The brokers…`: the kind of firm before the names.
    i += usize::from(words.get(i).is_some_and(|w| !w.capitalized && is_firm_kind(&w.key)));
    while i < words.len() && names.len() < MAX_LISTED {
        let w = &words[i];
        let gap = if i > 0 { &text[words[i - 1].end..w.start] } else { "" };
        let name_word = (w.capitalized || w.upper) && w.has_letter() && !is_opener(&w.key) && !is_count_word(&w.key);
        let joiner = current.is_some()
            && matches!(&*w.key, "of" | "do" | "da" | "de")
            && words.get(i + 1).is_some_and(|n| n.capitalized && n.joins_previous);
        if (name_word || joiner) && current.is_some() && (continues_name(text, words, i) || !gap.contains(',')) {
            if let Some(c) = current.as_mut() {
                c.end = w.end;
            }
        } else if name_word {
            names.extend(current.take());
            current = Some(w.start..w.end);
        } else if matches!(&*w.key, "e" | "and" | "&") && current.is_some() {
            names.extend(current.take());
        } else {
            break;
        }
        i += 1;
    }
    names.extend(current);
    let holds = words.get(i).is_some_and(|w| is_holding(&w.key));
    if holds { names } else { Vec::new() }
}

/// Kinds of firm named before a list of them (`Os bancos Bradesco BBI, Santander…`).
fn is_firm_kind(key: &str) -> bool {
    matches!(key, "bancos" | "corretoras" | "casas" | "banks" | "brokers" | "brokerages" | "firms")
}

/// Words opening a sentence that are no names, market wraps' `Destaque também para…` included.
fn is_opener(key: &str) -> bool {
    matches!(
        key,
        "the" | "a" | "o" | "os" | "as" | "mas" | "but" | "also" | "and" | "e" | "ja" | "still" | "even" | "destaque"
    )
}

/// Verbs of holding a view, and roles that stand for the firm before one.
#[rustfmt::skip]
fn is_holding(key: &str) -> bool {
    matches!(key,
        "adotaram" | "adotou" | "adopted" | "adopt" | "took" | "take" | "takes" | "tomaram" | "tomou" | "share"
            | "shares" | "compartilham" | "are" | "is" | "remain" | "remains" | "seguem" | "segue" | "estao" | "esta"
            | "continuam" | "continua" | "tem" | "have" | "has" | "also" | "tambem" | "analysts" | "analistas"
            | "analyst" | "analista" | "mantem" | "hold" | "holds" | "sound" | "sounded" | "struck"
    ) || is_rating_action(key)
}

/// Verbs of a broker acting on a rating or a target (`Wedbush raises…`, `A Ágora reduziu…`).
#[rustfmt::skip]
fn is_rating_action(key: &str) -> bool {
    matches!(key,
        "raises" | "raised" | "cuts" | "cut" | "lowers" | "lowered" | "lifts" | "lifted" | "boosts" | "boosted"
            | "trims" | "trimmed" | "upgrades" | "upgraded" | "downgrades" | "downgraded" | "reiterates"
            | "reiterated" | "maintains" | "maintained" | "initiates" | "initiated" | "drops" | "dropped"
            | "elevou" | "eleva" | "reduziu" | "reduz" | "cortou" | "corta" | "rebaixou" | "rebaixa" | "manteve"
            | "reiterou" | "iniciou" | "revisou" | "increased" | "increases" | "bumped" | "bumps" | "reduziram"
            | "cortaram" | "elevaram" | "rebaixaram" | "revisaram" | "mantiveram" | "reiteraram"
    )
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};
    use crate::model::Stance;

    fn found(text: &str) -> Vec<(String, String, Stance)> {
        let lexicon = Lexicon::new([("NVDA", "NVIDIA CORP"), ("RJF", "RAYMOND JAMES FINANCIAL INC")]);
        analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
    }

    fn view(claimant: &str, ticker: &str, stance: Stance) -> (String, String, Stance) {
        (claimant.to_owned(), ticker.to_owned(), stance)
    }

    #[test]
    fn the_seed_article_reads_as_views() {
        let text = "A Cantor Fitzgerald defende a compra de ações da NVIDIA. Citi e Bernstein adotaram uma \
                    postura otimista semelhante. Mas nem todos os analistas compartilham dessa visão pessimista \
                    sobre o setor. Analistas da Raymond James expressam preocupação com a NVIDIA.";
        assert_eq!(
            found(text),
            [
                view("Cantor Fitzgerald", "NVDA", Stance::Bullish),
                view("Citi", "NVDA", Stance::Bullish),
                view("Bernstein", "NVDA", Stance::Bullish),
                view("Raymond James", "NVDA", Stance::Bearish),
            ]
        );
    }

    #[test]
    fn a_similar_stance_is_about_the_company_of_the_view_before() {
        let text = "Cantor says buy NVDA on weakness. Citi and Bernstein took a similar optimistic stance, \
                    while Raymond James worries about large GPU clusters.";
        assert_eq!(
            found(text),
            [
                view("Cantor", "NVDA", Stance::Bullish),
                view("Citi", "NVDA", Stance::Bullish),
                view("Bernstein", "NVDA", Stance::Bullish),
                view("Raymond James", "NVDA", Stance::Bearish),
            ],
            "the contrasted clause holds a view of its own, on the same company"
        );
    }

    #[test]
    fn ratings_outrank_targets_and_firms_hold_the_views() {
        let lexicon = Lexicon::new([
            ("TSLA", "TESLA INC"),
            ("MSFT", "MICROSOFT CORP"),
            ("GS", "GOLDMAN SACHS GROUP INC"),
            ("PETR4", "PETROBRAS"),
            ("BAC", "BANK OF AMERICA CORP"),
        ]);
        let found = |text: &str| -> Vec<(String, String, Stance)> {
            analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
        };
        let text = "Credit Suisse analyst Dan Levy maintained Tesla with a Neutral rating and raised the price target.";
        assert_eq!(found(text), [], "a neutral rating kept is no view, whatever the target did");
        let text = "Wedbush analyst Daniel Ives maintained Tesla with an Outperform rating.";
        assert_eq!(found(text), [view("Wedbush", "TSLA", Stance::Bullish)], "the firm, not the analyst");
        let text = "Petrobras's results prompted Bank of America Corp. to recommend buying the stock.";
        assert_eq!(found(text), [view("Bank of America", "PETR4", Stance::Bullish)], "no legal suffix");
        let text = "One positive sign for Microsoft was the cloud, CFO Amy Hood told analysts.";
        assert_eq!(found(text), [], "an executive on her own company is not a view");
        let text = "Goldman Sachs cut its price target for Tesla. Eight analysts rate the shares a buy.";
        assert_eq!(found(text), [view("Goldman Sachs", "TSLA", Stance::Bearish)], "a count is no holder");
    }

    #[test]
    fn unlisted_brokers_surnames_and_brokers_named_before_hold_views() {
        let lexicon = Lexicon::bundled();
        let found = |text: &str| -> Vec<(String, String, Stance)> {
            analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
        };
        let text = "Micron stock surged. Wolfe Research and Susquehanna both increased their targets.";
        assert_eq!(
            found(text),
            [view("Wolfe Research", "MU", Stance::Bullish), view("Susquehanna", "MU", Stance::Bullish)]
        );
        let text = "Tesla fell after a downgrade by Erste Group, which moved its rating to Sell.";
        assert_eq!(found(text), [view("Erste Group", "TSLA", Stance::Bearish)]);
        let text = "Netflix fell 5% after Goldman Sachs downgraded the company due to competition from Walt Disney.";
        assert_eq!(found(text), [view("Goldman Sachs", "NFLX", Stance::Bearish)], "the company talked about");
        let text = "Argus analyst Jim Kelleher covers Nvidia. Kelleher also argued that Nvidia's stock is a buy.";
        assert_eq!(found(text), [view("Argus", "NVDA", Stance::Bullish)], "the surname stands for the firm");
        let text = "Na quarta-feira, o Itaú BBA divulgou suas projeções para o setor. Com isso, o preço-alvo da \
                    Suzano foi revisto de R$ 45,00 para R$ 57,00.";
        assert_eq!(found(text), [view("Itaú BBA", "SUZB3", Stance::Bullish)], "a target moved up, by the bank before");
    }

    #[test]
    fn market_wraps_hold_no_views() {
        let lexicon = Lexicon::bundled();
        let text = "Destaque também para Vale ON (+1,99%), impulsionada pela valorização do minério.";
        assert!(analyse(text, &lexicon).views.is_empty(), "`Destaque` is no holder");
    }

    #[test]
    fn passive_ratings_are_held_by_their_agents() {
        let lexicon = Lexicon::bundled();
        let found = |text: &str| -> Vec<(String, String, Stance)> {
            analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
        };
        let text = "As ações do Goldman Sachs caem 7%, depois que os papéis foram rebaixados pela Standard & Poor's \
                    e pelo Bank of America Merrill Lynch (BofA). A S&P cortou os ratings da ação do Goldman.";
        assert_eq!(
            found(text),
            [
                view("Standard & Poor's", "GS", Stance::Bearish),
                view("Bank of America Merrill Lynch", "GS", Stance::Bearish)
            ],
            "`S&P` is Standard & Poor's again"
        );
    }

    #[test]
    fn third_round_holders_lists_and_rating_directions() {
        let lexicon = Lexicon::bundled();
        let found = |text: &str| -> Vec<(String, String, Stance)> {
            analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
        };
        let text = "Keybanc Capital Markets lowered the advice for Amphenol (APH) from buy to hold.";
        assert_eq!(
            found(text),
            [view("Keybanc Capital Markets", "APH", Stance::Bearish)],
            "the direction of the change"
        );
        let text = "Merrill Lynch analysts think Tesla is overvalued. They have a $65 price target and an Underperform rating.";
        assert_eq!(
            found(text),
            [view("Merrill Lynch", "TSLA", Stance::Bearish)],
            "a pronoun holds for the firm before"
        );
        let text = "Já o HSBC elevou o preço-alvo da Petrobras de R$ 15 para R$ 18. A recomendação, porém, foi mantida em neutra.";
        assert_eq!(found(text), [], "a neutral rating right after the target move");
        let text = "O Citi rebaixou as ações do Assaí e do Carrefour Brasil para neutro.";
        assert_eq!(found(text), [view("Citi", "ASAI3", Stance::Bearish), view("Citi", "CRFB3", Stance::Bearish)]);
        let text = "Shares of Alphabet slipped after being downgraded to underperform by Wedbush, according to TheFly.";
        assert_eq!(found(text), [view("Wedbush", "GOOGL", Stance::Bearish)], "a news outlet holds no view");
        let text = "It's time to buy Universal Health Services, according to UBS. Analyst AJ Rice upgraded the stock.";
        assert_eq!(found(text), [view("UBS", "UHS", Stance::Bullish)], "an analyst with no firm of his own");
    }

    #[test]
    fn english_views() {
        assert_eq!(found("Jefferies says buy NVDA on weakness."), [view("Jefferies", "NVDA", Stance::Bullish)]);
        assert_eq!(
            found("Raymond James analysts are worried about Nvidia's margins."),
            [view("Raymond James", "NVDA", Stance::Bearish)]
        );
        assert_eq!(found("Nvidia fell 17% on Monday."), []);
    }
}
