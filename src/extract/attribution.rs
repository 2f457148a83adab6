//! Which companies each figure is about, sentence by sentence:
//! - `X and Y fell A% and B%, respectively` (`respectivamente`): the figures of the list go to
//!   the companies named before it, in order;
//! - otherwise the nearest company named before the figure in its sentence (the subject or the
//!   possessive: `Nvidia's market cap`, `as ações da Nvidia`, `Oracle (ORCL) … 14,45%`), with
//!   the companies listed with it (`Microsoft, Intel and Cisco advanced 1%`);
//! - an index or currency named between that company and the figure (`while the Nasdaq gained
//!   2%`, `o dólar fechou em alta de 0,71%`) or just after the figure (`an 18.15% loss for the
//!   benchmark index`) takes the figure from it: no ticker; an index after a ranking (`as
//!   maiores baixas do Ibovespa`) only says where the company stands;
//! - a figure bracketed with a name (`Minerva (-5,14%)`, `+1,77% (Itaú PN)`, `Hudbay Minerals
//!   (HBM +4.7%)`) is that name's, and nobody's when the name is no listed company (`Twitter
//!   (down 8.5%)`); a figure for the companies right after it (`7% para Equatorial e Cemig`), of
//!   a list taken together (`que juntos somaram`) or followed by its share class (`5,2% nas
//!   preferenciais`) is theirs (lists: `figure_lists`);
//! - a figure about a company the lexicon does not know (`NYSE Euronext (NYX) lost 2.7%`,
//!   `VerticalNet fell $7.34`) is nobody's (`unlisted`);
//! - with no company before it, the first named after it in the sentence, else the subject of
//!   one of the sentences before (`The company reported revenue of $13.76 billion`), up to an
//!   index's sentence (past it for `the stock`, `shares` or a target); `those companies` are the
//!   ones just named; a sentence about a commodity and no company gives its figures to nobody.
//!
//! A broker rating the stock or a claimant is never what a figure is about. The cues of
//! `attribution_cues`, `commodity_prices` and `index_cues` keep companies named for comparison
//! or as a cause, commodity prices and index moves from the companies around them. What nothing
//! settles gets no ticker rather than a guess; each figure left with none carries the reason, and
//! the learned `carry_model` reads it to decide which of them to ask about.

use std::cell::OnceCell;
use std::ops::Range;

use super::attribution_clauses::{between_dashes, in_relative_clause};
use super::attribution_cues::moved_in;
use super::attribution_cues::{
    before_mentions_within, breaks_clause, compared_mentions, earlier_subject, holds_the_companys_stock, is_code_gap,
    is_move_to, is_saying_verb, market_or_analyst_record, names_a_cause, names_the_company, opens_on_the_company,
    own_shares_after, own_shares_before, points_elsewhere, points_to_the_stock, stake_in, unknown_name_before,
    weight_in,
};
use super::attribution_subjects::{covers_another, covers_one_named_after, only_subject, sentence_subjects};
use super::bank_cues::{
    gives_consensus, moved_by, owns_a_forecast, revises_forecasts, speaks_of_itself, speaks_of_own_results,
    with_its_symbol,
};
use super::commodity_prices::{commodity_after, commodity_before, commodity_sentence, per_physical_unit};
use super::company_context::is_move_verb;
use super::counted_groups::{
    about_a_group, counted_companies, is_group_of_a_kind, is_sector_shares, is_those_companies,
    opens_on_a_counted_group,
};
use super::figure_brackets::{bracketed, unknown_code_before};
use super::figure_context::{class_after, in_accounts, index_points};
use super::figure_lists::{
    for_after, former_or_latter, is_list_gap, listed_with, paired_in_order, respectively, together,
};
use super::index_cues::{economy_sentence, index_follows, index_moves_before, index_starts, is_index_code};
use super::mentions::{Mention, is_broker, is_target_owner, mentions_within, shares_of};
use super::tokens::Token;
use super::words::is_share_word;
use crate::model::Symbol;

/// How many sentences back a figure with no company in its own sentence may look for one (the
/// company a passage is about stays its subject until another is named).
const LOOK_BACK: usize = 8;

/// How many sentences back a price target or the shares a sentence speaks of may look for the
/// company under discussion: far, but bounded (a long text of cards whose companies are all read
/// as raters once made every target look back to the start: quadratic).
const TARGET_LOOK_BACK: usize = 60;
/// How many sentences back the companies a count names (`as três empresas`) are looked for.
const COUNTED_BACK: usize = 3;

/// How many words after a figure the company it is about may be named, when the text has named
/// a subject before.
const AFTER_REACH: usize = 8;

/// How many of the mentions before a figure in its sentence are weighed (the nearest, and
/// those listed with it).
const BEFORE_REACH: usize = 16;

/// Bytes past which a company named after a figure is too far to count anyway (with a subject).
const AFTER_BYTES: usize = 160;

/// How many words may come before the company a sentence opens on (`A OGX informou`, `Shares
/// of Continental fell`).
const OPENING_WORDS: usize = 3;

/// How many sentences ahead a text that opens before naming its company may look for it.
const LOOK_AHEAD: usize = 3;
/// How many words before a figure may point to the stock past an index.
const STOCK_WORDS: usize = 40;

/// The tickers each figure (byte ranges, in text order) is about; and for each figure left with
/// none, which rule left it so (`carried` when no company carried to it for want of a subject
/// near enough, `ahead` when the text names none before it, `barred` when a sentence between ended
/// the carry, `economy`, `market`…; `""` for a figure a list or a pairing settled and one outside
/// every sentence): `carry_model` reads it.
pub(crate) fn attribute<'a>(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    mentions: &[Mention],
    figures: &[Range<usize>],
    unlisted_starts: &dyn Fn() -> &'a [usize],
) -> (Vec<Vec<Symbol>>, Vec<&'static str>) {
    // Everything is in text order: each sentence's part of a list is found by bisection.
    let own_words_of = |r: &Range<usize>| {
        &words[words.partition_point(|w| w.start < r.start)..words.partition_point(|w| w.start < r.end)]
    };
    let mentions_in = |r: &Range<usize>| mentions_within(mentions, r);

    let covers_another = covers_another(mentions);
    let compared = compared_mentions(text, words, mentions);
    let is_compared = |m: &Mention| compared.binary_search(&m.span.start).is_ok();
    let subjects = sentence_subjects(text, words, sentences, mentions, &compared);
    let indexes = index_starts(text, words, mentions);
    let index_within =
        |r: Range<usize>| indexes.partition_point(|&x| x < r.start) < indexes.partition_point(|&x| x < r.end);
    // `While the index declined by 1.6%, the stock was down fractionally, falling from $40.41`:
    // past the index, the stock of the company under discussion.
    let stock_past_index = |at: usize| {
        let Some(&last) = indexes[..indexes.partition_point(|&x| x < at)].last() else { return false };
        // (The last few words only: a long sentence stays linear.)
        let upto = words.partition_point(|w| w.start < at);
        points_to_the_stock(
            &words[words.partition_point(|w| w.start <= last).max(upto.saturating_sub(STOCK_WORDS))..upto],
        )
    };

    let first_subject = subjects.iter().position(Option::is_some);
    // The only company the text names and the last sentence it is the subject of (found once).
    let only_cell = OnceCell::new();
    let only_company = || *only_cell.get_or_init(|| only_subject(mentions, &subjects));
    // Where the companies the lexicon does not know are named (`Twitter revealed…`: found once
    // per text, when a figure or a view needs them), and the first sentence naming one.
    let first_unlisted = || unlisted_starts().first().map(|&at| sentences.partition_point(|s| s.end <= at));
    let mut out: Vec<Vec<Symbol>> = vec![Vec::new(); figures.len()];
    let mut settled = vec![false; figures.len()];
    let mut reasons = vec![""; figures.len()];
    for (i, sentence) in sentences.iter().enumerate() {
        let first = figures.partition_point(|f| f.start < sentence.start);
        let last = figures.partition_point(|f| f.start < sentence.end);
        if first == last {
            continue;
        }
        let inside: Vec<usize> = (first..last).collect();
        // A broker that speaks is commenting (`O BTG Pactual pontua…`), not reporting.
        // So is one in a sentence with a verb of saying (`O BTG Pactual (…) observa que o
        // resultado…`), unless its own shares are the subject.
        let own_words = own_words_of(sentence);
        let (comments_cell, at_work) = (OnceCell::new(), OnceCell::new());
        let comments = || *comments_cell.get_or_init(|| own_words.iter().any(|w| is_saying_verb(&w.key)));
        let mut own: Vec<&Mention> = mentions_in(sentence)
            .iter()
            .filter(|m| {
                // `the S&P 500 Index ($SPX)`: an index's code is no company.
                !(m.rates
                    || is_index_code(m.symbol.as_str())
                    || gives_consensus(text, own_words, &m.span)
                    || (is_broker(&m.symbol)
                        // `Morgan Stanley (NYSE: MS) saw estimates lowered`: a bank written with
                        // its symbol is reported on as a stock.
                        && !with_its_symbol(text, &m.span)
                        && !moved_by(text, own_words, &m.span)
                        && !shares_of(text, words, &m.span)
                        && (m.speaks
                            || comments()
                            || revises_forecasts(text, own_words, &m.span)
                                && (covers_another(m) || covers_one_named_after(own_words, mentions_in(sentence), m))
                            || owns_a_forecast(own_words, &m.span))
                        && !speaks_of_own_results(text, own_words, &m.span, &at_work)
                        && !speaks_of_itself(own_words, &m.span)))
            })
            .collect();
        // `Toronto-Dominion Bank (TD +0.9%)`: a symbol bracketed with a figure is that company's,
        // also when it is a broker's or was taken for a claimant's.
        let in_brackets: Vec<&Mention> =
            mentions_in(sentence).iter().filter(|m| !is_index_code(m.symbol.as_str())).collect();
        // `Oppenheimer's base case for TGT`: a broker's own estimates are about the other company.
        // `Both firms also cut their price targets, with BofA’s going to $41`: so are brokers'
        // own targets.
        let targets =
            || own_words.iter().any(|w| matches!(&*w.key, "target" | "targets" | "alvo" | "alvos") || w.text == "PT");
        if own.iter().any(|m| !is_broker(&m.symbol)) || targets() {
            own.retain(|m| {
                // (Not `Citi rates Bank of America's shares as a buy`: its own shares.)
                // (Nor `Wells Fargo's (WFC) rating was cut`: a bank written with its symbol.)
                let owner = is_target_owner(text, words, &m.span)
                    || own_shares_after(&text[m.span.end..])
                    || with_its_symbol(text, &m.span);
                !(is_broker(&m.symbol) && text[m.span.end..].starts_with(['\'', '’']) && !owner)
            });
        }
        // A price target is about the company under discussion, far back (`TARGET_LOOK_BACK`). So
        // are the shares or the stock a sentence speaks of (`shares fell merely 1%`). The
        // sentence's words are read for these only when a figure falls back on them.
        let about_the_company_cell = OnceCell::new();
        let sentence_about_the_company = || {
            *about_the_company_cell.get_or_init(|| {
                own_words.iter().any(|w| matches!(&*w.key, "target" | "alvo" | "objective") || is_share_word(&w.key))
                    // `Segundo a companhia, … 58,9 milhões de toneladas de minério`: the company
                    // under discussion, also in a sentence naming a commodity.
                    || own_words.windows(2).any(|p| names_the_company(&p[0].key, &p[1].key))
            })
        };
        // A word of the economy anywhere in the sentence, or of a whole sector before the figure
        // at `at` (found once per sentence).
        let economy_cell = OnceCell::new();
        // Whether the sentence opens on a counted group of companies (read once).
        let counted_group = OnceCell::new();
        // Whether a figure of the sentence is priced per unit, and whether the sentence speaks
        // of the market's turnover or an analyst's record (each read once).
        let (priced_per_unit, record_cell) = (OnceCell::new(), OnceCell::new());
        let economy_or_sector_before = |at: usize| {
            let (economy, sector) = *economy_cell.get_or_init(|| economy_sentence(own_words));
            economy || sector.is_some_and(|s| s < at)
        };
        // A commodity the sentence names (`Gold rallied`, not `Gold Fields`), and where it first
        // names output (`No cobre, o minério processado aumentou 30%`): read once.
        let commodity_cell = OnceCell::new();
        let sentence_names_a_commodity = |at: usize| {
            let (names, output) = *commodity_cell.get_or_init(|| commodity_sentence(own_words));
            names && output.is_none_or(|first| first >= at)
        };
        // Companies paired by `respectively` are not what the figures after the word are about.
        let previous = if i > 0 { mentions_in(&sentences[i - 1]) } else { &[] };
        let paired_until = respectively(text, own_words, &own, previous, figures, &inside, &mut out, &mut settled);
        if paired_until.is_none() {
            paired_in_order(text, own_words, &own, figures, &inside, &mut out, &mut settled);
        }
        // Where a holder's verb of a stake in the company under discussion starts (read once),
        // and the last company named in the sentences before, the holder aside.
        let holder_cell = OnceCell::new();
        let holder_verb = || *holder_cell.get_or_init(|| holds_the_companys_stock(own_words));
        let held_before = || {
            mentions_in(&(sentences[i.saturating_sub(COUNTED_BACK)].start..sentence.start))
                .iter()
                .rev()
                .find(|m| !m.rates && !own.iter().any(|o| o.symbol == m.symbol))
        };
        // The company carried from the sentences before, and why it is none when it is (the
        // reason `carry_model` reads): found once per sentence.
        let carried_cell: OnceCell<(Vec<Symbol>, &str)> = OnceCell::new();
        for &f in &inside {
            if settled[f] {
                continue;
            }
            let at = figures[f].start;
            let from = paired_until.filter(|&end| end <= at).unwrap_or(sentence.start);
            // `own` is in text order: the mentions before the figure are found by bisection.
            // Only the nearest few matter (the nearest and those listed with it).
            let hi = own.partition_point(|m| m.span.start < at);
            let lo = own.partition_point(|m| m.span.start < from).max(hi.saturating_sub(BEFORE_REACH));
            let mut before: Vec<&&Mention> = own[lo..hi.max(lo)].iter().filter(|m| m.span.end <= at).collect();
            // `A Embraer, atrás da Boeing e da Airbus, afirmou que … 13%`: past the companies it is
            // compared with, to the one the sentence is about.
            // Unless the figure is its own (`behind Microsoft Azure's 39% growth`).
            // Nor one whose own clause holds the figure (`behind Cisco Systems, which dropped $2.38`).
            let own_figure = before.last().is_some_and(|m| {
                let gap = &text[m.span.end..at];
                let relative = [", which ", ", que ", ", who "]
                    .iter()
                    .find_map(|o| gap.strip_prefix(o))
                    .is_some_and(|rest| !rest.contains([',', ';']));
                relative || (!gap.contains(',') && gap.split_whitespace().count() <= 2)
            });
            if !own_figure && before.iter().any(|m| !is_compared(m)) {
                before.retain(|m| !is_compared(m));
            }
            // `A Light, que tem como acionista majoritária a Cemig, sobe 0,7%`: past a company
            // named in a relative clause, to the one the sentence is about.
            if before.len() >= 2
                && before.last().is_some_and(|m| in_relative_clause(text, &m.span, at))
                && before.iter().any(|m| !in_relative_clause(text, &m.span, at))
            {
                before.retain(|m| !in_relative_clause(text, &m.span, at));
            }
            // `The stock — perhaps boosted by optimism from Kohl’s Corp. — rose 9.9 percent`: a
            // company named in an aside between dashes is not what the figure is about (not `as
            // quatro maiores instituições – Itaú Unibanco, Banco do Brasil, Bradesco e Santander —
            // somou`, a group's members listed).
            let mut dashed = (0..before.len()).filter(|&k| between_dashes(text, &before[k].span, at));
            if let (Some(k), None) = (dashed.next(), dashed.next()) {
                before.remove(k);
            }
            // `falling to $587.44 … due to concerns that chip shortages at Qualcomm`: a company
            // named after a cause word is the cause, when the text already has a subject.
            let has_subject = first_subject.is_some_and(|s| s <= i);
            let end = figures[f].end;
            // Mentions are in text order: past a far one (with a subject) or a clause break, no
            // later one counts either, so the walk stops there and each stretch is read once.
            let mut read_until = end;
            let after = own[own.partition_point(|m| m.span.start < end)..]
                .iter()
                .take_while(|m| {
                    let near = !(has_subject && m.span.start - end > AFTER_BYTES);
                    let open = near && !breaks_clause(&text[read_until..m.span.start]);
                    read_until = m.span.start;
                    open
                })
                .find(|m| {
                    let gap = &text[end..m.span.start];
                    (!is_broker(&m.symbol) || with_its_symbol(text, &m.span))
                        && !is_compared(m)
                        // `hitting a high of $705.07 on September 21, as it faces competition from
                        // phones using Google Inc's Android`: far off, or a cause, with a subject to
                        // fall back on.
                        && (!has_subject || (!names_a_cause(gap) && gap.split_whitespace().count() <= AFTER_REACH))
                });
            let words_after = &own_words[own_words.partition_point(|w| w.start < end)..];
            let words_before = &own_words[..own_words.partition_point(|w| w.start < at)];
            let in_accounts = || in_accounts(text, words_before, words_after, at, end);
            let points = index_points(&text[figures[f].clone()], words_before, words_after);
            // (`Continuous contract prices now sit at $4,260.20 per troy ounce, just off the
            // record-high of $4,359.40`: a sentence naming no company and pricing per unit.)
            let commodity = per_physical_unit(&text[figures[f].end..])
                || (own.is_empty()
                    && !sentence_about_the_company()
                    && *priced_per_unit
                        .get_or_init(|| inside.iter().any(|&g| per_physical_unit(&text[figures[g].end..]))))
                || commodity_after(text, words_after)
                || commodity_before(text, words_before)
                    && !before_mentions_within(&own, words_before.iter().rev().nth(4).map_or(from, |w| w.start), at);
            // `Brent crude oil prices fell 2.7 percent to $29.19`, `subiu 3% a R$ 50`: a level
            // reached by a move is about what moved.
            // (Not past a company: `to $36 from $45, Truist’s to $48` is Truist's.)
            let reached = f > first
                && is_move_to(&text[figures[f - 1].end..at])
                && !before_mentions_within(&own, figures[f - 1].end, at);
            // `NYSE Euronext (NYX) lost 2.7 percent`: a company the lexicon does not know.
            let unlisted = || {
                let starts = unlisted_starts();
                starts[starts.partition_point(|&u| u < sentence.start)..starts.partition_point(|&u| u < at)]
                    .last()
                    .copied()
            };
            let class_after = class_after(text, &own, end);
            // Why a figure left with no company has none (a feature of `carry_model`).
            let mut why = "other";
            out[f] = if let Some(named) = bracketed(text, &figures[f], &own, &in_brackets) {
                named
            } else if let Some(named) = for_after(text, at, end, &own) {
                named
            } else if let Some(all) = together(text, words_before, &own, at) {
                all
            } else if let Some(one) = former_or_latter(words_before, &before) {
                one
            } else if before.is_empty() && *counted_group.get_or_init(|| opens_on_a_counted_group(text, own_words)) {
                // `As 24 instituições listadas lucraram, ao todo, R$ 21,6 bilhões`: a group's.
                why = "group";
                Vec::new()
            } else if let Some(class) = class_after {
                vec![class.symbol.clone()]
            } else if reached {
                out[f - 1].clone()
            } else if commodity
                || (points
                    && !weight_in(words_before)
                    && (before.is_empty() || points_elsewhere(text, before[before.len() - 1].span.end, at)))
                || (index_follows(text, end, words_after)
                    && !weight_in(words_before)
                    && !moved_in(words_before, &before))
                || index_moves_before(text, words_before)
                || unknown_code_before(text, &figures[f], &own)
            {
                why = "market";
                Vec::new()
            } else if let Some(held) =
                holder_verb().filter(|&verb| !before.is_empty() && verb < at).and_then(|_| held_before())
            {
                // `Comerica Bank raised its stake in shares of Mizuho… Comerica Bank now owns 667,908
                // shares of the company’s stock valued at $2,571,000`: a holder's stake in the
                // company named before, after the holder's verb.
                vec![held.symbol.clone()]
            } else if let Some(subject) = subjects[i].filter(|_| own_shares_before(words_before)) {
                // `a Nvidia agora tem a Apple em seu radar, com suas ações aumentando 1,89%`: the
                // subject's own shares, past the company it is compared with.
                vec![subject.symbol.clone()]
            } else if let Some(nearest) = before.last() {
                // (`Amgen and Genentech dropped 11 percent`: an unknown company listed with the
                // nearest leaves the figure to the listed ones.)
                let unknown_after = unlisted().is_some_and(|u| {
                    let gap = text.get(nearest.span.end..u).filter(|g| !g.trim().is_empty());
                    u > nearest.span.start && !is_list_gap(gap.unwrap_or(";"))
                });
                if index_within(nearest.span.end..at) && !weight_in(words_before) || unknown_after {
                    why = "index_or_unlisted_near";
                    Vec::new()
                } else if is_code_gap(&text[nearest.span.end..at])
                    && text[nearest.span.clone()].contains(char::is_numeric)
                {
                    // `Petrobras (PETR3, +4,82%; PETR4, +3,97%)`: the class written just before.
                    vec![nearest.symbol.clone()]
                } else {
                    let mut listed = listed_with(text, &before);
                    // `A Cosan detém 30,3% do capital da Rumo`: a stake is about both companies.
                    if let Some(held) = stake_in(text, words_after, &own)
                        && !listed.contains(&held)
                    {
                        listed.push(held);
                    }
                    listed
                }
            } else if index_within(from..at) && !in_accounts() && !stock_past_index(at) || unlisted().is_some() {
                why = "index_or_unlisted_before";
                Vec::new()
            } else if let Some(subject) = after.and_then(|_| {
                // `…assets of ConocoPhillips. The Calgary-based company reported a profit of $2.64
                // billion, including a gain on its venture with ConocoPhillips`: a sentence opening
                // on the company is about the one under discussion, not the one named after.
                opens_on_the_company(own_words)
                    .then(|| earlier_subject(i, LOOK_BACK, &subjects, &|_| false, &|_| false))
                    .filter(|s| !s.is_empty())
            }) {
                subject
            } else if let Some(after) = after {
                vec![after.symbol.clone()]
            } else {
                let about_the_company = sentence_about_the_company();
                let back = if about_the_company { TARGET_LOOK_BACK } else { LOOK_BACK };
                let index_within = |r: Range<usize>| !about_the_company && index_within(r);
                // (The market's turnover also where shares are named: `O giro financeiro atingiu
                // R$ 11,5 bilhões, dos quais R$ 4,9 bilhões… de opções sobre ações`.)
                // (Nor an analyst's record: `a 5-star analyst with an average return of 35.7% and a
                // 67.3% success rate`.)
                // (Nor an exchange's volume in a sentence naming no company: `Volume declined to 1.35
                // billion shares on the NYSE`.)
                let market_or_analyst_record =
                    || *record_cell.get_or_init(|| market_or_analyst_record(own_words, own.is_empty()));
                if !about_the_company
                    && (sentence_names_a_commodity(at) || economy_or_sector_before(at) && !in_accounts())
                    || market_or_analyst_record()
                {
                    // `A projeção para o preço do commodity passou de US$ 95 para US$ 99`; `As vendas
                    // do varejo… caíram 1,1% na margem em setembro, segundo o IBGE`: a sentence
                    // naming no company, about a commodity or the economy; `o setor de varejo também
                    // tinha queda de 2,09%`: a whole sector's move.
                    why = "economy";
                    Vec::new()
                } else if words_before.windows(2).any(|p| is_sector_shares(&p[0].key, &p[1].key))
                    || words_before.windows(2).enumerate().any(|(k, p)| {
                        // (`Some banks saw shares fall`, not `alguns bancos, incluindo o Santander,
                        // que elevou o preço-alvo`: the group's own shares or move.)
                        is_group_of_a_kind(&p[0].key, &p[1].key)
                            && words_before[k + 2..]
                                .iter()
                                .take(3)
                                .any(|w| is_move_verb(&w.key) || is_share_word(&w.key))
                    })
                {
                    // `Bank stocks have gained 10 percent`, `Several other IBD 50 stocks were down
                    // 1% to 4%`: a sector's move, no one company's.
                    why = "sector";
                    Vec::new()
                } else if let Some(named) = counted_companies(
                    own_words,
                    mentions_in(&(sentences[i.saturating_sub(COUNTED_BACK)].start..sentence.start)),
                ) {
                    // `O valor de mercado das três empresas encolheu R$ 5,8 bilhões`.
                    named
                } else if own_words.windows(2).any(|p| is_those_companies(&p[0].key, &p[1].key)) && i > 0 {
                    // `Shares of those companies each fell 3%`: every company of the sentence before.
                    let mut all: Vec<Symbol> = Vec::new();
                    for m in mentions_in(&sentences[i - 1]).iter().filter(|m| !m.rates) {
                        if !all.contains(&m.symbol) {
                            all.push(m.symbol.clone());
                        }
                    }
                    all
                } else if first_subject.is_some_and(|s| s < i) {
                    // `Continental said its fares rose… The carrier posted net income of $233
                    // million`: a sentence opening on a company the lexicon does not know is
                    // about that one.
                    let opens_unlisted = |j: usize| {
                        let starts = unlisted_starts();
                        let first = starts.get(starts.partition_point(|&u| u < sentences[j].start));
                        let opening =
                            own_words_of(&sentences[j]).get(OPENING_WORDS).map_or(sentences[j].end, |w| w.start);
                        let upto = subjects[j].map_or(opening, |m| m.span.start.min(opening));
                        first.is_some_and(|&u| u < upto)
                    };
                    // `O setor bancário é o de maior lucratividade… os 21 bancos lucraram R$ 14,3
                    // bilhões. … quando ficou em R$ 17,87 bilhões`: a sentence about a sector or a
                    // counted group ends the carry as an index's does.
                    // (Not one that gave a figure to a company: `…inflação superior a 100%, aplicou-se a
                    // norma, que resultou em ajuste de R$ 115,4 milhões no resultado financeiro`.)
                    let gave = |j: usize| {
                        let s = &sentences[j];
                        out[figures.partition_point(|f| f.start < s.start)
                            ..figures.partition_point(|f| f.start < s.end)]
                            .iter()
                            .any(|t| !t.is_empty())
                    };
                    // (Nor one opening on the company: `A companhia informou que o resultado foi
                    // impactado pela taxa básica de juros`.)
                    let ends_carry = |j: usize| {
                        let its_words = own_words_of(&sentences[j]);
                        index_within(sentences[j].clone()) && !gave(j) && !opens_on_the_company(its_words)
                            || about_a_group(text, its_words)
                    };
                    // (The same for every figure of the sentence: found once.)
                    let (carried, reason) = carried_cell.get_or_init(|| {
                        let carried = earlier_subject(i, back, &subjects, &ends_carry, &opens_unlisted);
                        let to_the_stock = carried.is_empty() && i > 0 && points_to_the_stock(own_words);
                        // `Deutsche Bank weighed in on a number of metal producers, including AA --
                        // lowering its price target by $3 to $16. … the stock has lost 30%`: with no
                        // subject to carry, the stock is the one company the sentence before gave its
                        // last figure to.
                        let carried = if to_the_stock {
                            let given_before =
                                &out[figures.partition_point(|g| g.start < sentences[i - 1].start)..first];
                            given_before
                                .iter()
                                .rev()
                                .find(|t| !t.is_empty())
                                .filter(|t| t.len() == 1)
                                .cloned()
                                .unwrap_or_default()
                        } else if carried.is_empty() {
                            // `…dívidas em dólar. … A receita da empresa totalizou R$ 3,94 bilhões. No
                            // trimestre, foram transportados 6,7 milhões de passageiros`: past an
                            // index's sentence, when every figure given since went to the company
                            // under discussion before it.
                            let groups = |j: usize| about_a_group(text, own_words_of(&sentences[j]));
                            let through = earlier_subject(i, back, &subjects, &groups, &opens_unlisted);
                            let barrier = (i.saturating_sub(back)..i).rev().find(|&j| ends_carry(j));
                            let since = barrier.map_or(&out[..0], |j| {
                                &out[figures.partition_point(|g| g.start < sentences[j].end)..first]
                            });
                            let mut given = since.iter().filter(|t| !t.is_empty()).peekable();
                            if given.peek().is_some() && given.all(|t| *t == through) { through } else { carried }
                        } else {
                            carried
                        };
                        // (Why none: no subject near enough, a sentence ending the carry, or several.)
                        let reason = if !carried.is_empty() {
                            ""
                        } else if to_the_stock {
                            "several"
                        } else if (i.saturating_sub(back)..i).any(|j| opens_unlisted(j) || ends_carry(j)) {
                            "barred"
                        } else {
                            "carried"
                        };
                        (carried, reason)
                    });
                    why = reason;
                    carried.clone()
                } else {
                    // `A equipe estabeleceu preço-alvo de US$ 45,00… Quando o Goldman iniciou a
                    // cobertura, o preço por ação da Coinbase era…`, `Citi raised its price
                    // target from $80 to $103… Target's quarterly results`: a text that opens
                    // before naming the company it is about (brokers rating it aside) takes the
                    // first company named in the next few sentences.
                    // Not past a name the lexicon does not know (`A líder de alta foi Fibria, com
                    // um salto de 7,2%`): that may be the company; nor in a text that opened on
                    // an index (`O Ibovespa segue no negativo… No ano, ainda cede 3,77%`); nor a
                    // sum (`overall third-quarter earnings growth of 20.7 percent`).
                    if unknown_name_before(text, words_before, mentions_in(sentence))
                        || first_unlisted().is_some_and(|u| u <= i)
                        || index_within(sentences[0].start..at)
                        || own_words.iter().any(|w| matches!(&*w.key, "overall" | "aggregate" | "blended"))
                        // (Nor a sentence pointing back: `The group’s shares were up 3%`.)
                        || own_words.windows(2).take(3).any(|p| {
                            matches!(&*p[0].key, "the" | "a" | "o")
                                && matches!(
                                    &*p[1].key,
                                    "group" | "company" | "firm" | "startup" | "companhia" | "empresa" | "grupo"
                                )
                        })
                    {
                        why = "opens_elsewhere";
                        Vec::new()
                    } else {
                        // (`…projetamos um lucro de R$ 3,24b… No geral, esperamos que o Santander
                        // apresente…`: further on, the only company the text names.)
                        let only = || only_company().filter(|&(_, last)| last > i).map(|(m, _)| vec![m.symbol.clone()]);
                        // (Not when the sentence's own subject was passed over as a cause or a
                        // comparison: `Revenue fell 5% on concerns about chip shortages at Qualcomm`.)
                        why = if first_subject.is_none_or(|s| s > i) { "ahead" } else { "passed_over" };
                        subjects[i + 1..]
                            .iter()
                            .take(LOOK_AHEAD)
                            .find_map(|s| s.map(|m| vec![m.symbol.clone()]))
                            .or_else(only)
                            .unwrap_or_default()
                    }
                }
            };
            if out[f].is_empty() {
                reasons[f] = why;
            }
        }
    }
    (out, reasons)
}

#[cfg(test)]
#[path = "attribution_tests.rs"]
mod tests;
