//! One pass of text analysis: words, sentences and their language, then dates, figures, tickers
//! and claimants, the tickers each figure is about and the views held, with every span turned
//! into character offsets at the end.

use chrono::NaiveDate;

use super::attribution::attribute;
use super::carry_model;
use super::claimants::claimants;
use super::clauses::clauses;
use super::dates::dates;
use super::descriptions::with_descriptions;
use super::figures::{FigureKind, figures};
use super::findings::{
    Amount, CharIndex, Claimant, DateFinding, Findings, Fraction, Percent, Quantity, TickerFinding, View,
};
use super::firms::firm_key;
use super::fx_hash::FxHashSet;
use super::known_brokers::opens_a_broker_name;
use super::language::{decide, score};
use super::listings::with_home_listings;
use super::mentions::mentions;
use super::sentences::sentences;
use super::share_classes::{one_listing_per_issuer, with_share_classes};
use super::tickers::tickers;
use super::tokens::tokens;
use super::unlisted::unlisted_in_text;
use super::views::{
    added::added_to_lists, day_trades::day_trade_views, picked::picked_lists, rated_rows::rated_rows,
    tables::table_views, views, weights::weighted_lines,
};
use super::{Language, Lexicon};
use crate::model::{Stance, Symbol};

/// What the caller knows about the text beyond its words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The day the text was written or published: `Monday` and `ontem` are read against it, and
    /// a day and month with no year anywhere in the text take its year.
    pub anchor: Option<NaiveDate>,
}

/// Reads tickers, money, percentages, fractions, quantities, dates, claimants and views out of
/// `text`, each amount, percentage and quantity with the tickers it is about.
pub fn analyse(text: &str, lexicon: &Lexicon) -> Findings {
    analyse_with(text, lexicon, &Options::default())
}

/// [`analyse`] with what is known about the text (its date).
pub fn analyse_with(text: &str, lexicon: &Lexicon, options: &Options) -> Findings {
    analyse_in(text, lexicon, options, Carry::Apply)
}

/// What the learned last step of attribution (`carry_model`) reads for each figure it asks about
/// (one the rules left with no company, or gave companies its sentence does not name), with the
/// rules' answers left as they are: the examples `examples/train_carry.rs` learns from. Not for
/// front ends.
#[doc(hidden)]
pub fn carry_examples(text: &str, lexicon: &Lexicon, options: &Options) -> Vec<CarryExample> {
    let mut examples = Vec::new();
    analyse_in(text, lexicon, options, Carry::Collect(&mut examples));
    examples
}

/// A figure the learned step asks about, as [`carry_examples`] reports it.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub struct CarryExample {
    /// Where the figure is, in characters.
    pub span: std::ops::Range<usize>,
    /// The companies it may take: those of the nearest figure before it that has some, else of the
    /// nearest after it. For a figure the rules gave companies (feature `why:given`), those
    /// companies, which it may lose.
    pub tickers: Vec<String>,
    /// The model's inputs, `kind:value`.
    pub features: Vec<String>,
}

/// Whether the learned step decides (every front end) or only reports its inputs (the trainer).
enum Carry<'e> {
    Apply,
    Collect(&'e mut Vec<CarryExample>),
}

fn analyse_in(text: &str, lexicon: &Lexicon, options: &Options, carry: Carry) -> Findings {
    let words = tokens(text);
    let sentence_spans = sentences(text);
    let mut total = (0, 0);
    let mut sentence_words = Vec::with_capacity(sentence_spans.len());
    let mut scores = Vec::with_capacity(sentence_spans.len());
    for span in &sentence_spans {
        let first = words.partition_point(|t| t.start < span.start);
        let last = words.partition_point(|t| t.start < span.end);
        let s = score(&words[first..last]);
        total = (total.0 + s.0, total.1 + s.1);
        sentence_words.push(first..last);
        scores.push(s);
    }
    let language = decide(total);
    let languages: Vec<Language> = scores
        .iter()
        .map(|s| match decide(*s) {
            Language::Unknown => language,
            own if s.0 + s.1 >= 3 => own,
            _ => language,
        })
        .collect();
    let language_at = |at: usize| {
        let i = sentence_spans.partition_point(|s| s.end <= at);
        match sentence_spans.get(i) {
            Some(s) if s.start <= at => languages[i],
            _ => language,
        }
    };

    let found_dates = dates(text, &words, language, options.anchor);
    let taken: Vec<_> = found_dates.iter().map(|d| d.span.clone()).collect();
    let found_figures = figures(text, &words, &language_at, &taken);
    let found_tickers = tickers(text, &words, lexicon);
    let mut found_claimants: Vec<_> =
        sentence_words.iter().flat_map(|range| claimants(text, &words[range.clone()])).collect();
    // `Institutional analyst upgrades… institutional flows`: a one-word name the text also writes
    // in lower case is an everyday word, not a firm (a broker's name aside: `Benchmark`).
    // (The words written in lower case, gathered once, only when a one-word name needs them.)
    let lower_case: std::cell::OnceCell<FxHashSet<&str>> = std::cell::OnceCell::new();
    let everyday_name = |span: &std::ops::Range<usize>| {
        let k = words.partition_point(|w| w.start < span.start);
        let one_word = words.get(k + 1).is_none_or(|n| n.start >= span.end);
        let in_lower_case = |key: &str| {
            lower_case.get_or_init(|| words.iter().filter(|w| !w.has_upper).map(|w| &*w.key).collect()).contains(key)
        };
        one_word
            && words
                .get(k)
                .is_some_and(|w| w.start == span.start && !opens_a_broker_name(&w.key) && in_lower_case(&w.key))
    };
    found_claimants.retain(|c| !everyday_name(&c.span));
    // `For Deutsche analysts, the risk is…`: a name opens past the preposition opening its
    // sentence.
    let past_preposition = |span: &mut std::ops::Range<usize>| {
        let k = words.partition_point(|w| w.start < span.start);
        if let (Some(first), Some(next)) = (words.get(k), words.get(k + 1))
            && first.start == span.start
            && next.end <= span.end
            && first.capitalized
            && matches!(&*first.key, "for" | "according" | "per" | "with" | "para" | "segundo" | "com")
        {
            span.start = next.start;
        }
    };
    for c in &mut found_claimants {
        past_preposition(&mut c.span);
    }
    let claimant_spans: Vec<_> = found_claimants.iter().map(|c| c.span.clone()).collect();
    let found_mentions = mentions(text, &words, &sentence_spans, &found_tickers, &claimant_spans);
    let found_mentions = with_share_classes(text, &words, &sentence_spans, lexicon, found_mentions);
    let found_mentions = with_home_listings(text, lexicon, &language_at, found_mentions);
    let mut found_mentions = with_descriptions(&words, &sentence_spans, found_mentions);
    for m in &mut found_mentions {
        m.fund = lexicon.symbol(m.symbol.as_str()).is_some_and(|e| e.fund);
    }
    let figure_spans: Vec<_> = found_figures.iter().map(|f| f.span.clone()).collect();
    // Where the companies the lexicon does not know are named: found once, when a figure or a
    // view needs them.
    let unlisted = std::cell::OnceCell::new();
    let unlisted_starts = || {
        unlisted
            .get_or_init(|| unlisted_in_text(text, &words, &sentence_spans, &found_mentions, &claimant_spans))
            .as_slice()
    };
    let index = CharIndex::new(text);
    let (about, reasons) = attribute(text, &words, &sentence_spans, &found_mentions, &figure_spans, &unlisted_starts);
    let mut about: Vec<Vec<Symbol>> =
        about.into_iter().map(|tickers| one_listing_per_issuer(lexicon, tickers)).collect();
    let candidates = carry_model::candidates(
        &words,
        &sentence_spans,
        &found_mentions,
        &found_figures,
        &about,
        &reasons,
        &language_at,
    );
    match carry {
        Carry::Apply => carry_model::apply(&mut about, candidates),
        Carry::Collect(examples) => examples.extend(candidates.into_iter().map(|c| {
            let span = &found_figures[c.figure].span;
            CarryExample {
                span: index.chars(span.start)..index.chars(span.end),
                tickers: c.tickers.iter().map(|t| t.to_string()).collect(),
                features: c.features.iter().map(|(k, v)| format!("{k}:{v}")).collect(),
            }
        })),
    }
    let mut about = about.into_iter();
    // Views are read clause by clause: contrasted clauses hold views of their own.
    let (clause_spans, clause_words) = clauses(text, &words, &sentence_spans, &sentence_words);
    let mut found_views =
        views(text, &words, &clause_spans, &clause_words, &claimant_spans, &found_mentions, &unlisted_starts);
    found_views.retain(|v| !everyday_name(&v.claimant));
    for v in &mut found_views {
        past_preposition(&mut v.claimant);
    }
    // A table copied without its bars: its rows' views, and no holder named inside a row.
    let (row_views, rows) = rated_rows(text, &words, &claimant_spans, &found_mentions);
    found_views.retain(|v| {
        let k = rows.partition_point(|r| r.start <= v.claimant.start);
        !(k > 0 && v.claimant.end <= rows[k - 1].end)
    });
    // A day trade's picks, a block a firm: they are that firm's picks on that side, and a sentence
    // naming a few of them for several firms (`O PagBank e o BTG Pactual indicaram a venda de
    // Petrobras`) is read from the blocks instead; no firm named inside a block holds a view.
    let (traded, blocks) = day_trade_views(text, &words, &found_mentions);
    found_views.retain(|v| !blocks.iter().any(|b| b.start <= v.claimant.start && v.claimant.end <= b.end));
    if !traded.is_empty() {
        // (Each block's firm read once.)
        let firms: Vec<String> = traded.iter().map(|t| firm_key(&text[t.claimant.clone()])).collect();
        found_views.retain(|v| {
            let firm = firm_key(&text[v.claimant.clone()]);
            let blocks = traded.iter().zip(&firms).filter(|(t, f)| t.stance == v.stance && **f == firm);
            blocks.clone().next().is_none() || blocks.clone().any(|(t, _)| t.ticker == v.ticker)
        });
    }
    // A firm's portfolio or ratings written as a table, or its picks listed: only where the
    // sentences gave that firm no view of the company.
    // (A company listed among a firm's picks holds no view there: `As ações preferidas do JP Morgan
    // são JBS e XP`.)
    let picked = picked_lists(text, &words, &claimant_spans, &found_mentions);
    found_views.retain(|v| {
        !picked.iter().any(|p| {
            let inside = p.quote.start <= v.claimant.start && v.claimant.end <= p.quote.end;
            inside && firm_key(&text[v.claimant.clone()]) != firm_key(&text[p.claimant.clone()])
        })
    });
    let listed = traded
        .into_iter()
        .chain(row_views)
        .chain(table_views(text, &words, &claimant_spans, &found_mentions))
        .chain(picked)
        .chain(weighted_lines(text, &words, &claimant_spans, &found_mentions))
        .chain(added_to_lists(text, &words, &claimant_spans, &found_mentions));
    for view in listed {
        let firm = firm_key(&text[view.claimant.clone()]);
        if !found_views.iter().any(|v| v.ticker == view.ticker && firm_key(&text[v.claimant.clone()]) == firm) {
            found_views.push(view);
        }
    }

    let slice = |r: &std::ops::Range<usize>| text[r.clone()].to_owned();
    let mut findings = Findings { language, ..Findings::default() };
    findings.tickers = found_tickers
        .into_iter()
        .map(|t| TickerFinding { text: slice(&t.span), span: index.span(t.span), symbol: t.symbol, via: t.via })
        .collect();
    findings.dates = found_dates
        .into_iter()
        .map(|d| DateFinding {
            text: slice(&d.span),
            span: index.span(d.span),
            date: d.date,
            ambiguous: d.ambiguous,
            alternatives: d.alternatives,
            inferred: d.relative,
        })
        .collect();
    findings.claimants = found_claimants
        .into_iter()
        .map(|c| Claimant { name: slice(&c.span), text: slice(&c.span), span: index.span(c.span) })
        .collect();
    // One firm under two names (`Itaú BBA` then `BBA`, `Bank of America` then `BofA`) holds one
    // view of a ticker, given where it was first read.
    let mut held: FxHashSet<(String, Symbol, Stance)> = FxHashSet::default();
    findings.views = found_views
        .into_iter()
        .filter(|v| held.insert((firm_key(&text[v.claimant.clone()]), v.ticker.clone(), v.stance)))
        .map(|v| View {
            claimant: slice(&v.claimant),
            claimant_span: index.span(v.claimant),
            ticker: v.ticker,
            stance: v.stance,
            start: v.quote.start,
            end: v.quote.end,
        })
        .collect();
    for f in found_figures {
        let tickers = about.next().unwrap_or_default();
        let text_of = slice(&f.span);
        let span = index.span(f.span);
        let ambiguous = !f.alternatives.is_empty();
        match f.kind {
            FigureKind::Amount { currency } => findings.amounts.push(Amount {
                value: f.value,
                currency: currency.to_owned(),
                text: text_of,
                span,
                approximate: f.approximate,
                ambiguous,
                alternatives: f.alternatives,
                tickers,
            }),
            FigureKind::Percent => findings.percents.push(Percent {
                value: f.value,
                text: text_of,
                span,
                approximate: f.approximate,
                ambiguous,
                alternatives: f.alternatives,
                tickers,
            }),
            FigureKind::Fraction { numerator, denominator } => findings.fractions.push(Fraction {
                value: f.value,
                numerator,
                denominator,
                text: text_of,
                span,
                approximate: f.approximate,
            }),
            FigureKind::Quantity { unit } => findings.quantities.push(Quantity {
                value: f.value,
                unit: slice(&unit),
                text: text_of,
                span,
                approximate: f.approximate,
                ambiguous,
                alternatives: f.alternatives,
                tickers,
            }),
        }
    }
    findings
}
