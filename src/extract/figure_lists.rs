//! Lists of companies and of figures, for attribution: `X and Y fell A% and B%, respectively`
//! (`respectivamente`, `ganhos respectivos de 6,07% a R$ 28,64 e de 4,45% a R$ 6,80`), `7% para
//! Equatorial (EQTL3) e Cemig (CMIG4)`, `que juntos somaram R$ 380,9 bilhões`, and the companies
//! listed with the nearest one (`Microsoft (MSFT), Intel (INTC), and Cisco advanced 1%`). A list
//! may hold names the lexicon does not know (`Xilinx and Qorvo`): they keep their place and take
//! nothing.

use std::ops::Range;

use super::attribution_cues::is_move_to;
use super::company_context::is_move_verb;
use super::mentions::{Mention, is_broker};
use super::tokens::Token;
use super::words::{is_share_word, past_possessive};
use crate::model::Symbol;

/// How far after a figure the company it is for may be named, in bytes (`for the`, `price target
/// for`).
const GAP_BYTES: usize = 24;
/// How far back a target word is looked for before a figure `at` a company.
const TARGET_BYTES: usize = 200;

/// `7% para Equatorial (EQTL3) e Cemig (CMIG4), 5% para Energisa`, `a 3% cut for Tesla and
/// Ford`, `up approximately 2 percent each, including Kroger Co (NYSE: KR), Target and Costco`:
/// the companies a figure is for, named right after it (the figure from `start` to `end`).
pub(super) fn for_after(text: &str, start: usize, end: usize, own: &[&Mention]) -> Option<Vec<Symbol>> {
    let next = own.partition_point(|m| m.span.start < end);
    // (Right after the figure only: the words read here are a few.)
    let first = own.get(next).filter(|m| m.span.start - end <= GAP_BYTES)?;
    let gap = text[end..first.span.start].trim();
    // (`R$ 120 milhões por mês para a Vivo`: past the figure's rate.)
    let gap = ["por mês ", "por ano ", "ao ano ", "ao mês ", "per month ", "per year ", "a year ", "a month "]
        .iter()
        .find_map(|rate| gap.strip_prefix(rate))
        .unwrap_or(gap);
    let each = matches!(gap, "each, including" | "each including" | "each, such as" | "cada, como" | "cada, incluindo");
    // `Same-store sales dropped 2.5% at Macy’s and 0.4% at Kohl’s`, `a $212 price target for M&T
    // Bank`: the one company named right after (not a broker: `a cut to $31 at Jefferies`).
    // (`…contra R$ 247,71 bilhões da Ambev`: in a comparison, the company's own figure; not `uma
    // encomenda de US$ 2 bilhões da Azul`, `detém 10% da Usiminas`.)
    let compared = || {
        text[text.floor_char_boundary(start.saturating_sub(12))..start]
            .split_whitespace()
            .any(|w| matches!(w, "contra" | "ante" | "versus" | "vs" | "than"))
    };
    let of = matches!(gap, "da" | "do") && compared();
    // (`a 53% gain for Walmart`, `the 15.8% gain for Target (TGT)`: a move's noun first.)
    let moved_for = gap.split_once(' ').is_some_and(|(noun, to)| {
        matches!(noun, "gain" | "gains" | "rise" | "increase" | "jump" | "drop" | "decline" | "fall" | "loss" | "slide")
            && matches!(to, "for" | "at" | "in")
    });
    let one = of
        || moved_for
        || matches!(
            gap,
            "at" | "price target for" | "price target on" | "price target to" | "target price for" | "target price on"
        );
    if one {
        // (Nor a target moved at a firm: `watched its price target drop to $87 from $88 at B. Riley`;
        // nor a place or an event of the company's: `rose 4% at Microsoft's Build conference`,
        // `sales rose 4% at Walmart stores`.)
        let from = text.floor_char_boundary(start.saturating_sub(TARGET_BYTES));
        let line = text[from..start].rfind(['.', '\n', ';']).map_or(from, |k| from + k + 1);
        let target = text[line..start].contains("target") || text[line..start].contains("alvo");
        let firm = is_broker(&first.symbol) || first.rates || first.speaks || target;
        // (`at Macy’s and…`: a name's possessive ending, not another noun after it.)
        let after = &text[first.span.end..];
        let after = past_possessive(after).unwrap_or(after);
        let ends = after.is_empty()
            || after.starts_with([',', '.', ';', ')', '\n'])
            || after.starts_with(" and ")
            || after.starts_with(" e ");
        return (!(of || moved_for || gap == "at") || (!firm && ends)).then(|| vec![first.symbol.clone()]);
    }
    if !each && !matches!(gap, "para" | "para a" | "para o" | "for" | "for the") {
        return None;
    }
    let mut named = vec![first.symbol.clone()];
    for pair in own[next..].windows(2) {
        // (`Kroger Co (NYSE: KR)`: a name and its symbol are one item.)
        let same = pair[0].symbol == pair[1].symbol && gap_between(text, pair[0], pair[1]).trim_end().ends_with('(');
        if !same && !is_list_gap(gap_between(text, pair[0], pair[1])) {
            break;
        }
        if !named.contains(&pair[1].symbol) {
            named.push(pair[1].symbol.clone());
        }
    }
    Some(named)
}

/// `Banco do Brasil, Bradesco e Santander Brasil — que juntos somaram R$ 380,9 bilhões`, `which
/// together hold 40%`, `JPMorgan Chase (JPM -2.48%) and Bank of America (BAC -2.21%) are both down
/// by about 5%`: a figure of a list of companies taken together is all of theirs.
pub(super) fn together(text: &str, before: &[Token], own: &[&Mention], at: usize) -> Option<Vec<Symbol>> {
    let said = before.iter().rev().take(4).any(|w| {
        matches!(
            &*w.key,
            "juntos"
                | "juntas"
                | "together"
                | "combined"
                | "somados"
                | "somadas"
                | "conjuntamente"
                | "both"
                | "ambos"
                | "ambas"
        )
    });
    if !said {
        return None;
    }
    let all: Vec<Symbol> = listed_before(text, before, own, at).into_iter().flatten().collect();
    (all.len() >= 2).then_some(all)
}

/// `Dillard's and J.C. Penney also tanked, with the former down 3% and the latter falling 5.9%`:
/// the first or the last of two or more companies named before, as the words before the figure
/// say.
pub(super) fn former_or_latter(before: &[Token], named: &[&&Mention]) -> Option<Vec<Symbol>> {
    let back = before.iter().rev().take(4).position(|w| matches!(&*w.key, "former" | "latter"))?;
    let at = before.len() - 1 - back;
    if at == 0 || before[at - 1].key != "the" {
        return None;
    }
    let mut distinct: Vec<&Symbol> = Vec::new();
    for m in named {
        if !distinct.contains(&&m.symbol) {
            distinct.push(&m.symbol);
        }
    }
    // `Shares of Dillard’s and J.C. Penney also tanked, with the former down 3% and the latter
    // falling 5.9%`: with one company known, the latter is one the lexicon does not know.
    if distinct.len() < 2 {
        return (before[at].key == "latter" && distinct.len() == 1).then(Vec::new);
    }
    let chosen = if before[at].key == "former" { distinct[0] } else { distinct[distinct.len() - 1] };
    Some(vec![chosen.clone()])
}

/// The list of names that ends with the last company named before `at` (`Xilinx and Qorvo`), in
/// order: each company's symbol, or `None` for a capitalised name the lexicon does not know.
pub(super) fn listed_before(text: &str, words: &[Token], own: &[&Mention], at: usize) -> Vec<Option<Symbol>> {
    // (A mention running past `at`, a name holding the figure's text, is not before it.)
    let before = &own[..own.partition_point(|m| m.span.start < at)];
    let Some(last) = before.iter().rfind(|m| m.span.end <= at) else { return Vec::new() };
    let mut listed = vec![Some(last.symbol.clone())];
    // (From the name whose symbol is bracketed after it: `T-Mobile (TMUS)`.)
    let named = own.iter().rfind(|m| {
        m.symbol == last.symbol && m.span.end < last.span.start && text[m.span.end..last.span.start].trim() == "("
    });
    let mut cursor = named.map_or(last.span.start, |m| m.span.start);
    while listed.len() < 8 {
        let before = text[..cursor].trim_end();
        let Some(rest) = [", and", ", e", " and", " e", ","].iter().find_map(|j| before.strip_suffix(j)) else { break };
        let mut rest = rest.trim_end();
        let bracket_end = rest.len();
        // `Bradesco (R$ 160,9 bi) e Santander Brasil`: past a bracket after a name (which may
        // hold the name's symbol: `Frontier Communications (FYBR.US)` is one mention).
        if rest.ends_with(')')
            && let Some(open) = rest.rfind('(')
        {
            rest = rest[..open].trim_end();
        }
        let end = rest.len();
        // The capitalised name ending there, if any: where it starts.
        let k = words.partition_point(|w| w.end < end);
        let name_start = words.get(k).filter(|w| w.end == end && w.capitalized && k > 0).map(|_| {
            let mut first = k;
            while first > 0 && words[first].joins_previous && words[first - 1].capitalized {
                first -= 1;
            }
            words[first].start
        });
        let company = own.iter().find(|m| end <= m.span.end && m.span.end <= bracket_end && m.span.start < bracket_end);
        if let Some(m) = company {
            listed.push(Some(m.symbol.clone()));
            cursor = name_start.map_or(m.span.start, |n| n.min(m.span.start));
        } else if let Some(start) = name_start {
            listed.push(None);
            cursor = start;
        } else {
            break;
        }
    }
    listed.reverse();
    // `McDonald’s (MCD) and Dunkin’ Brands (DNKN) have returned…`: names the lexicon does not know
    // listed after the last company it knows.
    let mut cursor = last.span.end;
    while listed.len() < 8 {
        let mut rest = text[cursor..at].strip_prefix(')').unwrap_or(&text[cursor..at]);
        if let Some(inside) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('))
            && let Some(close) = inside.find(')').filter(|&c| c <= 16)
        {
            rest = &inside[close + 1..];
        }
        let Some(name) = [", and ", ", e ", " and ", " e ", ", "].iter().find_map(|j| rest.strip_prefix(j)) else {
            break;
        };
        let start = at - name.len();
        let k = words.partition_point(|w| w.start < start);
        let Some(first) = words.get(k).filter(|w| w.start == start && w.capitalized && w.end <= at) else { break };
        let mut end = first.end;
        for w in words[k + 1..].iter().take_while(|w| w.joins_previous && w.capitalized && w.end <= at) {
            end = w.end;
        }
        // (An apostrophe's `s` or an elided letter goes on with the name: `Dunkin’ Brands`.)
        if let Some(w) = words.get(k + 1).filter(|w| w.capitalized && w.end <= at && &text[first.end..w.start] == "’ ")
        {
            end = end.max(w.end);
        }
        listed.push(None);
        cursor = end;
    }
    listed
}

/// The nearest mention and those listed with it (`Microsoft (MSFT), Intel (INTC), and Cisco`).
pub(super) fn listed_with(text: &str, before: &[&&Mention]) -> Vec<Symbol> {
    let mut symbols: Vec<Symbol> = Vec::new();
    let mut k = before.len();
    while k > 0 {
        let m = before[k - 1];
        if !symbols.contains(&m.symbol) {
            symbols.insert(0, m.symbol.clone());
        }
        // (`2,02% nas preferenciais, Santander subiu`: a share class written in lower case ends
        // its clause, no list.)
        let class = |m: &Mention| text[m.span.clone()].starts_with(char::is_lowercase);
        let joined = k >= 2 && !class(before[k - 2]) && is_list_gap(gap_between(text, before[k - 2], m));
        if !joined {
            break;
        }
        k -= 1;
    }
    symbols
}

/// The text between two mentions in order; a mark no list crosses (`;`) when they overlap (a
/// user's alias over a name the lexicon knows).
fn gap_between<'t>(text: &'t str, first: &Mention, next: &Mention) -> &'t str {
    text.get(first.span.end..next.span.start).unwrap_or(";")
}

/// Between two items of a list: commas, brackets, `and` / `e` / `or` / `ou` and the legal
/// suffix of the name before (`Amazon.com Inc., Microsoft Corp., Alphabet Inc. and Facebook`).
pub(super) fn is_list_gap(gap: &str) -> bool {
    // (`Advanced Micro Devices (AMD), Qualcomm`: a code in brackets the mention did not take.)
    let mut plain = String::new();
    let mut rest = gap;
    while let Some(open) = rest.find('(') {
        let close = rest[open..].find(')').map(|c| open + c);
        let code = close.map(|c| &rest[open + 1..c]).filter(|c| {
            c.len() <= 16
                && c.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ':' | '.' | ' '))
        });
        let Some(close) = close.filter(|_| code.is_some()) else { break };
        plain.push_str(&rest[..open]);
        rest = &rest[close + 1..];
    }
    plain.push_str(rest);
    let mut words: Vec<&str> = plain
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    // `Magazine Luiza (MGLU3), Via (VIIA3) e Americanas`: a name the finder does not know, right
    // before its bracketed symbol, is the next item's.
    if gap.trim_end().ends_with('(') {
        while words.last().is_some_and(|w| w.starts_with(char::is_uppercase)) {
            words.pop();
        }
    }
    words.into_iter().all(|w| {
        matches!(w, "and" | "e" | "or" | "ou" | "&" | "Inc" | "Corp" | "Co" | "Ltd" | "plc" | "SA" | "S.A" | "Cos")
    })
}

/// `…fell 2.1% and 4.2%, respectively`: pairs the run of figures with the companies before it,
/// and gives where the word `respectively` ends when it did (`words`: the sentence's).
#[allow(clippy::too_many_arguments)]
pub(super) fn respectively(
    text: &str,
    words: &[Token],
    own: &[&Mention],
    previous: &[Mention],
    figures: &[Range<usize>],
    inside: &[usize],
    out: &mut [Vec<Symbol>],
    settled: &mut [bool],
) -> Option<usize> {
    // (`subiam 8,9% e 8,5%, nessa ordem`, `in that order`: the same word in two or three.)
    let word = words.iter().enumerate().find_map(|(k, w)| {
        let before = |n: usize, key: &str| k >= n && words[k - n].key == key;
        let in_order = match &*w.key {
            "ordem" => before(1, "nessa") || before(1, "nesta") || before(1, "essa"),
            "order" => before(1, "that") && before(2, "in"),
            _ => false,
        };
        (in_order
            || matches!(
                &*w.key,
                "respectively" | "respectivamente" | "respective" | "respectivos" | "respectivas" | "respectivo"
            ))
        .then_some(w)
    })?;
    // Items: a figure and the level its move reached (`de 6,07% a R$ 28,64`) or its value in
    // another currency in brackets (`1.9 billion reais (US$ 843 million)`); runs of items joined by
    // commas and `and` / `e` (`… e de 4,45% a R$ 6,80`); the run nearest the word.
    let mut items: Vec<Vec<usize>> = Vec::new();
    for &f in inside {
        match items.last_mut() {
            Some(item)
                if {
                    let gap = &text[figures[item[item.len() - 1]].end..figures[f].start];
                    // (`R$ 30 (upside +30,7%)`: a figure's upside in its brackets.)
                    let bracket = gap.trim_start().starts_with('(') && !gap.contains(')') && gap.len() <= 12;
                    is_move_to(gap) || gap.trim() == "(" || bracket
                } =>
            {
                item.push(f)
            }
            _ => items.push(vec![f]),
        }
    }
    let mut runs: Vec<Vec<&Vec<usize>>> = Vec::new();
    for item in &items {
        match runs.last_mut() {
            Some(run)
                if {
                    let last = run[run.len() - 1];
                    let gap = &text[figures[last[last.len() - 1]].end..figures[item[0]].start];
                    // `$150 per share and $125 per share`: a unit written after each figure.
                    let gap = [" per share", " a share", " por ação"]
                        .iter()
                        .find_map(|unit| gap.strip_prefix(unit))
                        .unwrap_or(gap);
                    let gap = gap.trim_end_matches('~'); // (`~$23.3 billion and ~$62.7 billion`.)
                    // (Past the bracket an item closes: `R$ 30 (+30,7%), R$ 29 (+42,4%)`.)
                    let gap = gap.strip_prefix(')').unwrap_or(gap);
                    is_list_gap(gap.trim_end().strip_suffix(" de").unwrap_or(gap))
                } =>
            {
                run.push(item)
            }
            _ => runs.push(vec![item]),
        }
    }
    let distance = |run: &Vec<&Vec<usize>>| {
        let (start, end) = (figures[run[0][0]].start, figures[*run[run.len() - 1].last().unwrap_or(&run[0][0])].end);
        if word.start >= end { word.start - end } else { start.saturating_sub(word.end) }
    };
    let run = runs.iter().filter(|r| r.len() >= 2).min_by_key(|r| distance(r))?;
    // `Xilinx and Qorvo dropped 1% and 2.6%, respectively`: a list as long as the run, with the
    // names the lexicon does not know in their places.
    let listed = listed_before(text, words, own, figures[run[0][0]].start);
    if listed.len() == run.len() && listed.iter().any(Option::is_none) {
        for (item, company) in run.iter().zip(&listed) {
            for &f in item.iter() {
                out[f] = company.iter().cloned().collect();
                settled[f] = true;
            }
        }
        return Some(word.end);
    }
    let mut companies: Vec<&Symbol> = Vec::new();
    for m in own.iter().filter(|m| m.span.end <= figures[run[0][0]].start) {
        if companies.last() != Some(&&m.symbol) {
            companies.push(&m.symbol);
        }
    }
    // `…and Amazon down 4.8%. As of 1:25 a.m., the quartet was down 7.5%, 7%, 4.9% and 4.6%,
    // respectively`: a sentence naming no company pairs with the companies of the one before,
    // when they are exactly as many.
    if companies.is_empty() {
        for m in previous.iter().filter(|m| !m.rates && !is_broker(&m.symbol)) {
            if !companies.contains(&&m.symbol) {
                companies.push(&m.symbol);
            }
        }
        if companies.len() != run.len() {
            return None;
        }
    }
    if companies.len() < run.len() {
        return None;
    }
    let from = companies.len() - run.len();
    for (k, item) in run.iter().enumerate() {
        for &f in item.iter() {
            out[f] = vec![companies[from + k].clone()];
            settled[f] = true;
        }
    }
    // `posted profits of $4.9 billion and $14.5 billion respectively, up 57 percent and 67
    // percent`: a further run as long, after the word and before another company is named, goes
    // with the same companies in the same order.
    // `os papéis DIRR3 e MDNE3 recuavam 0,67% e 1,08%, cotados a R$ 17,91 e R$ 30,17,
    // respectivamente`: so does one before the word, after the companies' list.
    let listed_end = own.iter().filter(|m| m.span.end <= figures[run[0][0]].start).map(|m| m.span.end).max();
    // (The first bracket after the list, found once.)
    let bracket = listed_end.map(|end| text[end..].find(['(', ')']).map_or(text.len(), |at| end + at));
    for other in runs.iter().filter(|r| r.len() == run.len() && !std::ptr::eq(*r, run)) {
        let start = figures[other[0][0]].start;
        // (Mentions are in text order: one between is found by bisection.)
        let next = own.partition_point(|m| m.span.start < word.end);
        let before_word = start < word.start
            && listed_end.is_some_and(|end| {
                end <= start
                    && bracket.is_some_and(|b| b >= start)
                    && own.partition_point(|m| m.span.start < end) == own.partition_point(|m| m.span.start <= start)
            });
        if !before_word && (start < word.end || own.get(next).is_some_and(|m| m.span.start < start)) {
            continue;
        }
        for (k, item) in other.iter().enumerate() {
            for &f in item.iter() {
                if !settled[f] {
                    out[f] = vec![companies[from + k].clone()];
                    settled[f] = true;
                }
            }
        }
    }
    Some(word.end)
}

/// `General Motors and Stellantis shares gained 7.7% and 18.6%`: a list of companies moving by
/// as many figures, the word `respectively` left out, pairs them in order too: right after the
/// list (a verb of the move or a share word between, no comma, not `from`/`by` a first value), or
/// anywhere in a sentence the list opens and whose companies it names, for figures of one kind
/// (`subject_list`); never for a range (`between 2% and 3%`).
pub(super) fn paired_in_order(
    text: &str,
    words: &[Token],
    own: &[&Mention],
    figures: &[Range<usize>],
    inside: &[usize],
    out: &mut [Vec<Symbol>],
    settled: &mut [bool],
) {
    // Each run of figures joined by `and` / `e` is read once, from its first figure.
    let mut k = 0;
    while k < inside.len() {
        let f = inside[k];
        let mut run = vec![f];
        for &g in &inside[k + 1..] {
            let gap = &text[figures[run[run.len() - 1]].end..figures[g].start];
            if !matches!(gap.trim(), "and" | "e" | "," | ", and" | ", e") {
                break;
            }
            run.push(g);
        }
        k += run.len();
        if run.len() < 2 || run.iter().any(|&g| settled[g]) {
            continue;
        }
        let at = figures[f].start;
        let Some(last) = own[..own.partition_point(|m| m.span.start < at)].iter().rev().find(|m| m.span.end <= at)
        else {
            continue;
        };
        // (The words are in text order: those between are found by bisection.)
        let lo = words.partition_point(|w| w.start < last.span.end);
        let between = &words[lo..words.partition_point(|w| w.end <= at).max(lo)];
        // (`won 2.0 percent and 4.6 percent`: verbs that are moves when figures follow.)
        let moves = between.iter().any(|w| {
            is_move_verb(&w.key)
                || is_share_word(&w.key)
                || matches!(&*w.key, "won" | "lost" | "added" | "shed" | "ganhou" | "perdeu" | "ganharam" | "perderam")
        });
        let range = |keys: &[&str]| between.last().is_some_and(|w| keys.contains(&&*w.key));
        let close = between.len() <= 4
            && moves
            && !range(&["from", "de", "by"])
            && !text[last.span.end..at].contains([',', ';', '(']);
        // (The list is read only where it may pair: close to the run, or opening the sentence.)
        if range(&["between", "entre"]) || !(close || opens_the_sentence(words, own)) {
            continue;
        }
        let listed = listed_before(text, words, own, at);
        if listed.len() != run.len() || listed.iter().any(Option::is_none) {
            continue;
        }
        if !close && !subject_list(own, &listed, run.iter().map(|&g| &text[figures[g].clone()])) {
            continue;
        }
        for (&g, company) in run.iter().zip(listed) {
            out[g] = company.into_iter().collect();
            settled[g] = true;
        }
    }
}

/// Whether the first company of a sentence (`words`, its words; `own`, its companies) is named
/// within its first two words.
fn opens_the_sentence(words: &[Token], own: &[&Mention]) -> bool {
    own.first().is_some_and(|first| words.partition_point(|w| w.end <= first.span.start) <= 2)
}

/// `Dasa e Kora Saúde têm recomendação neutra, com preços-alvos em R$ 35 e R$ 5`: further from
/// its figures, a list opening its sentence (see [`opens_the_sentence`]) still pairs with them in
/// order when it names all the sentence's companies and the figures are of one kind (all
/// percentages or all amounts).
fn subject_list<'t>(own: &[&Mention], listed: &[Option<Symbol>], mut run: impl Iterator<Item = &'t str>) -> bool {
    let all_listed = own.iter().all(|m| listed.iter().flatten().any(|s| *s == m.symbol));
    let percent = |f: &str| f.contains('%') || f.ends_with("percent") || f.ends_with("cento");
    let kind = run.next().map(percent);
    all_listed && run.all(|f| Some(percent(f)) == kind)
}

#[cfg(test)]
mod tests {
    use crate::extract::figure_tickers::{attributed, owned};

    #[test]
    fn a_list_moving_by_as_many_figures_pairs_them_in_order() {
        let text = "General Motors and Stellantis shares gained 7.7% and 18.6%. Apple and Microsoft rose between \
                    2% and 3%.";
        assert_eq!(
            attributed(text),
            owned(&[("7.7%", &["GM"]), ("18.6%", &["STLA"]), ("2%", &["AAPL", "MSFT"]), ("3%", &["AAPL", "MSFT"])])
        );
    }

    #[test]
    fn respectively_pairs_figures_written_with_their_unit() {
        let text = "Barclays upgraded both Qualcomm and Skyworks (SWKS) to overweight, assigning the stocks price \
                    targets of $150 per share and $125 per share, respectively.";
        assert_eq!(attributed(text), owned(&[("$150", &["QCOM"]), ("$125", &["SWKS"])]));
    }

    #[test]
    fn a_figure_for_each_company_listed_after_it_is_all_of_theirs() {
        let text = "Walmart (WMT) rose 10 percent and helped rival retailers higher by approximately 2 percent \
                    each, including Kroger Co (NYSE: KR), Target Corporation (NYSE: TGT), and Costco.";
        assert_eq!(attributed(text), owned(&[("10 percent", &["WMT"]), ("2 percent", &["KR", "TGT", "COST"])]));
    }
}
