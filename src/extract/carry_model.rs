//! A learned last step of attribution: whether a figure the rules left with no company belongs
//! to the company of the nearest figure that has one (the figure before it, or the one after
//! when none comes before).
//!
//! The rules carry a company from sentence to sentence only where a cue says so (`A companhia`,
//! `its`, a list continued); a results story keeps talking about its company long after the last
//! cue (`No mercado doméstico, a oferta aumentou 23,0%`), while a market wrap's next figure is
//! the index's. Hand-written rules for that choice fitted the text they were read from and did
//! not transfer to fresh text, so the choice is a logistic regression over the words around the
//! figure, its kind, the passage's language, how far the candidate's figure is and why the rules
//! left the figure with none; only a figure they left open is asked about. It is trained
//! by `examples/train_carry.rs` on the training parts only (never a held-out split) and bundled
//! as `assets/carry_weights.tsv`; a figure takes the candidate when the model's probability is
//! over one half.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::OnceLock;

use super::Language;
use super::figures::{FigureKind, FigureMatch};
use super::fx_hash::{FxHashMap, FxHasher};
use super::mentions::{Mention, mentions_within};
use super::tokens::Token;
use crate::model::Symbol;

/// How many words either side of a figure, inside its sentence, describe it.
const WINDOW: usize = 60;

/// A figure the rules gave no company, with the company it may take and what the model reads.
pub(crate) struct Candidate<'t> {
    /// The figure's index in the list of figures.
    pub figure: usize,
    /// The companies of the nearest figure before it that has some, else of the nearest after it.
    pub tickers: Vec<Symbol>,
    /// (kind of feature, its value): the model's inputs.
    pub features: Vec<(&'static str, &'t str)>,
}

/// The figures in `figures` (with `about`, the rules' companies for each) that the rules left
/// with none and the question open ([`left_open`], read from `reasons`), each with its candidate
/// and features, in text order.
pub(crate) fn candidates<'t>(
    words: &'t [Token],
    sentences: &[Range<usize>],
    mentions: &[Mention],
    figures: &[FigureMatch],
    about: &[Vec<Symbol>],
    reasons: &[&'static str],
    language_at: &dyn Fn(usize) -> Language,
) -> Vec<Candidate<'t>> {
    let mut order: Vec<usize> = (0..figures.len()).filter(|&i| kind_name(&figures[i].kind).is_some()).collect();
    order.sort_by_key(|&i| figures[i].span.start);
    // The nearest figure with companies after each position in `order`, found from the end.
    let mut next_given: Vec<Option<usize>> = vec![None; order.len()];
    let mut seen = None;
    for k in (0..order.len()).rev() {
        next_given[k] = seen;
        if !about[order[k]].is_empty() {
            seen = Some(order[k]);
        }
    }
    // How many companies the text names, and how much of it the rules tied to companies (in
    // quarters): read once, when a first figure is asked about.
    let text_wide = std::cell::OnceCell::new();
    let text_wide = || {
        *text_wide.get_or_init(|| {
            let mut symbols: Vec<&Symbol> = mentions.iter().map(|m| &m.symbol).collect();
            symbols.sort();
            symbols.dedup();
            let given = order.iter().filter(|&&i| !about[i].is_empty()).count();
            (count_name(symbols.len(), 3), count_name((given * 4).checked_div(order.len()).unwrap_or(0), 4))
        })
    };
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at);
    let mut out = Vec::new();
    let mut named: Option<(usize, Vec<&Symbol>)> = None;
    let mut previous_given: Option<usize> = None;
    let mut previous: Option<usize> = None;
    for (k, &i) in order.iter().enumerate() {
        let figure = &figures[i];
        let prior = previous.replace(i);
        if !about[i].is_empty() {
            previous_given = Some(i);
            continue;
        }
        if !left_open(reasons[i]) {
            continue;
        }
        let (source, side) = match (previous_given, next_given[k]) {
            (Some(p), _) => (p, "prev"),
            (None, Some(n)) => (n, "next"),
            (None, None) => continue,
        };
        let (companies, given_share) = text_wide();
        let here = sentence_of(figure.span.start);
        let sentence = sentences.get(here).cloned().unwrap_or(figure.span.clone());
        let mut features: Vec<(&'static str, &'t str)> = vec![
            ("b", ""),
            ("k", kind_name(&figure.kind).unwrap_or_default()),
            ("lang", language_name(language_at(figure.span.start))),
            ("n", companies),
            ("cand", side),
            ("d", count_name(sentence_of(figures[source].span.start).abs_diff(here), 4)),
            ("kc", if kind_name(&figures[source].kind) == kind_name(&figure.kind) { "same" } else { "other" }),
            ("g", given_share),
            ("why", reasons[i]),
        ];
        let at = words.partition_point(|w| w.start < figure.span.start);
        let first = words.partition_point(|w| w.start < sentence.start).min(at);
        let after = words.partition_point(|w| w.start < figure.span.end);
        let last = words.partition_point(|w| w.start < sentence.end).max(after);
        if let Some(w) = words.get(first).filter(|_| first < last) {
            features.push(("f", word_value(w)));
        }
        for (j, w) in words[first..at].iter().rev().take(3).enumerate() {
            features.push((["l0", "l1", "l2"][j], word_value(w)));
        }
        for (j, w) in words[after..last].iter().take(3).enumerate() {
            features.push((["r0", "r1", "r2"][j], word_value(w)));
        }
        let near = &words[at.saturating_sub(WINDOW).max(first)..(after + WINDOW).min(last)];
        let mut near_words: Vec<&str> = near.iter().filter(|w| !w.has_digit()).map(|w| &*w.key).collect();
        near_words.sort_unstable();
        near_words.dedup();
        features.extend(near_words.into_iter().map(|w| ("w", w)));
        // (The companies a sentence names, found once per sentence: a long one holds many figures.)
        if named.as_ref().is_none_or(|(s, _)| *s != here) {
            let mut symbols: Vec<&Symbol> = mentions_within(mentions, &sentence).iter().map(|m| &m.symbol).collect();
            symbols.sort();
            symbols.dedup();
            named = Some((here, symbols));
        }
        let in_sentence = named.as_ref().map_or(&[][..], |(_, symbols)| symbols.as_slice());
        features.push(("ms", count_name(in_sentence.len(), 2)));
        let candidate = &about[source];
        features.push(("cm", if in_sentence.iter().any(|s| candidate.contains(s)) { "1" } else { "0" }));
        let before = match prior {
            Some(p) if figures[p].span.start >= sentence.start => {
                if about[p].is_empty() {
                    "empty"
                } else {
                    "given"
                }
            }
            _ => "none",
        };
        features.push(("ps", before));
        out.push(Candidate { figure: i, tickers: candidate.clone(), features });
    }
    out
}

/// Gives each candidate's figure its companies where the model says so.
pub(crate) fn apply(about: &mut [Vec<Symbol>], candidates: Vec<Candidate>) {
    let model = model();
    for c in candidates {
        if model.probability(&c.features) > 0.5 {
            about[c.figure] = c.tickers;
        }
    }
}

/// Whether the rule that left a figure with no company left the question open: no company carried
/// to it for want of a subject near enough (`carried`), or it comes before the text names any
/// (`ahead`). A figure a rule found to be an index's, a market's or a commodity's, the economy's,
/// a sector's or a group's, a company's the lexicon does not know, past a sentence that ends the
/// carry (`barred`), or nobody's for another reason stays so: the model is not asked.
fn left_open(reason: &str) -> bool {
    matches!(reason, "carried" | "ahead")
}

/// A figure's kind as a feature value; none for a fraction, which is attributed to nobody.
fn kind_name(kind: &FigureKind) -> Option<&'static str> {
    match kind {
        FigureKind::Amount { .. } => Some("money"),
        FigureKind::Percent => Some("pct"),
        FigureKind::Quantity { .. } => Some("qty"),
        FigureKind::Fraction { .. } => None,
    }
}

fn language_name(language: Language) -> &'static str {
    match language {
        Language::English => "en",
        Language::Portuguese => "pt",
        Language::Unknown => "x",
    }
}

/// `n` as a feature value, `cap` and over as one.
fn count_name(n: usize, cap: usize) -> &'static str {
    ["0", "1", "2", "3", "4"][n.min(cap).min(4)]
}

/// A word as a feature value: its key, or `#` for anything with a digit.
fn word_value<'t>(w: &'t Token) -> &'t str {
    if w.has_digit() { "#" } else { &w.key }
}

/// The bundled weights.
struct Model {
    weights: FxHashMap<u64, f32>,
}

impl Model {
    fn probability(&self, features: &[(&str, &str)]) -> f32 {
        let z: f32 = features.iter().filter_map(|(k, v)| self.weights.get(&feature_key(k, v))).sum();
        1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
    }
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model { weights: parse_weights(include_str!("../../assets/carry_weights.tsv")) })
}

/// `kind:value<TAB>weight` lines; `#` opens a comment line.
fn parse_weights(tsv: &str) -> FxHashMap<u64, f32> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (feature, weight) = l.rsplit_once('\t')?;
            let (kind, value) = feature.split_once(':')?;
            Some((feature_key(kind, value), weight.trim().parse().ok()?))
        })
        .collect()
}

fn feature_key(kind: &str, value: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(kind.as_bytes());
    h.write_u8(0xff);
    h.write(value.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_parse_and_skip_comments_and_bad_lines() {
        let w = parse_weights("# a comment\nw:queda\t-1.5\nnot a line\nk:pct\tx\nb:\t0.25\n");
        assert_eq!(w.len(), 2);
        assert_eq!(w.get(&feature_key("w", "queda")), Some(&-1.5));
        assert_eq!(w.get(&feature_key("b", "")), Some(&0.25));
    }

    /// A results story that names its company once and goes on past the rules' look-back.
    const LONG_STORY: &str = "A Gol (GOLL4) divulgou seus números de setembro. A oferta total aumentou 36,9%. O total \
        de assentos cresceu 29,5%. A demanda total aumentou 41,4%. As decolagens subiram 30,1%. No mercado \
        doméstico, a oferta aumentou 23,0%. A demanda doméstica cresceu 27,0%. A taxa de ocupação doméstica foi \
        de 81,7%. O volume de decolagens aumentou 24,5%. O total de assentos domésticos cresceu 24,0%. No ano, a \
        oferta total cresceu 60,4%.";

    fn percents(text: &str) -> Vec<(String, Vec<String>)> {
        let findings = crate::extract::analyse(text, &crate::extract::Lexicon::bundled());
        findings.percents.iter().map(|p| (p.text.clone(), p.tickers.iter().map(|t| t.to_string()).collect())).collect()
    }

    #[test]
    fn a_results_story_keeps_its_company_past_the_rules_look_back() {
        let found = percents(LONG_STORY);
        assert_eq!(found.len(), 10);
        assert!(found.iter().all(|(_, t)| t == &["GOLL4"]), "{found:?}");
    }

    #[test]
    fn the_trainer_sees_the_rules_answers_with_the_reason() {
        let examples = crate::extract::carry_examples(
            LONG_STORY,
            &crate::extract::Lexicon::bundled(),
            &crate::extract::Options::default(),
        );
        let texts: Vec<String> =
            examples.iter().map(|e| LONG_STORY.chars().skip(e.span.start).take(e.span.len()).collect()).collect();
        assert_eq!(texts, ["24,0%", "60,4%"]);
        for e in &examples {
            assert_eq!(e.tickers, ["GOLL4"]);
            assert!(e.features.iter().any(|f| f == "why:carried"), "{:?}", e.features);
            assert!(e.features.iter().any(|f| f == "cand:prev"));
        }
    }

    #[test]
    fn a_figure_a_rule_gives_to_nobody_is_not_asked_about() {
        // An index's move; a company the lexicon does not know; a company the sentence passes over
        // as a cause: the rules' answers stand, and the model is not asked.
        let asked = |text: &str| {
            crate::extract::carry_examples(text, &crate::extract::Lexicon::bundled(), &Default::default()).len()
        };
        let text = "A Gol (GOLL4) teve receita de R$ 4 bilhões, alta de 12%. O Ibovespa caiu 1,2% no dia.";
        assert_eq!(percents(text)[1], ("1,2%".to_owned(), vec![]));
        assert_eq!(asked(text), 0);
        let text = "Twitter revealed its figures. Revenue hit $250 million, up 20%. Facebook has 1.28 billion users.";
        assert_eq!(percents(text), [("20%".to_owned(), vec![])]);
        assert_eq!(asked(text), 0);
        let text = "Revenue fell 5% on concerns about chip shortages at Qualcomm (QCOM), which rose 2%.";
        assert_eq!(percents(text)[0], ("5%".to_owned(), vec![]));
        assert_eq!(asked(text), 0);
    }

    #[test]
    fn the_bundled_weights_load() {
        assert!(model().weights.len() > 100, "{} weights", model().weights.len());
    }
}
