//! Contrasted clauses of a sentence, read as views of their own: `Citi and Bernstein took a
//! similar optimistic stance, while Raymond James worries about large GPU clusters` holds two
//! views, one per clause, with opposite stances. A sentence is cut where a comma, a semicolon or
//! a dash is followed by a contrasting conjunction (`, while`, `-- while`, `, whereas`, `,
//! enquanto`, `, ao passo que`); a sentence that opens with one (`While demand…`) is not cut, nor
//! one where it brings a gerund (`, while trimming its price target`: the same act). A comma or
//! `e`/`and` before a rating verb of another direction than the clause's also cuts (`cortou a
//! recomendação do Bradesco, o Goldman também elevou a do Santander e reiterou compra de Itaú`).

use std::ops::Range;

use super::known_brokers::brokers_in;
use super::tokens::Token;

/// Whether the word at `at` opens a contrasted clause after a comma.
fn opens_contrast(text: &str, words: &[Token], at: usize) -> bool {
    let word = &words[at];
    let contrast = match &*word.key {
        "while" | "whereas" | "enquanto" => true,
        "ao" => {
            words.get(at + 1).is_some_and(|w| w.key == "passo") && words.get(at + 2).is_some_and(|w| w.key == "que")
        }
        _ => false,
    };
    // `while trimming its price target`, `enquanto mantinha`: the same subject's act goes on.
    let gerund = words.get(at + 1).is_some_and(|w| w.key.ends_with("ing") || w.key.ends_with("ndo"));
    contrast
        && !gerund
        && at > 0
        // `têm recomendação ‘neutra’, enquanto…`: a closing quote before the comma.
        && (bare_contrast(text, words, at) || matches!(
            // `downgraded the stock to "equal weight," while Berenberg…`: a quote's close after it;
            // `(upside de 59,6%), enquanto JPMorgan…`: a bracket's close (and a percent) before it.
            text[words[at - 1].end..word.start].trim().trim_matches(['\'', '’', '"', '”', ')', '%']),
            "," | ";" | "--" | "—" | "–" | ", --" | "-"
        ))
}

/// `BMO raised its price target to $150 from $135 while SunTrust Robinson boosted its price
/// target…`: with no comma, `while` opens a clause when a name follows it and acts within reach.
fn bare_contrast(text: &str, words: &[Token], at: usize) -> bool {
    let end = words.len().min(at + 1 + ACT_REACH);
    text[words[at - 1].end..words[at].start].trim().is_empty()
        && words.get(at + 1).is_some_and(|w| w.capitalized)
        && words[at + 1..end].iter().any(|w| {
            rating_act(&w.key).is_some() || matches!(&*w.key, "boosted" | "hiked" | "lifted" | "trimmed" | "slashed")
        })
}

/// `…with a tepid "neutral" rating -- and today, Citigroup slapped the tech stock with a "sell"
/// rating`: a dash, then `and`/`but`/`e`/`mas` and a new subject (a capitalised name within a
/// few words) opens a clause of its own.
fn opens_after_dash(text: &str, words: &[Token], at: usize) -> bool {
    at > 0
        && matches!(&*words[at].key, "and" | "but" | "e" | "mas")
        && matches!(
            text[words[at - 1].end..words[at].start].trim().trim_start_matches(['"', '”', '\'', '’']),
            "--" | "—" | "–"
        )
        && words[at + 1..words.len().min(at + 4)]
            .iter()
            .any(|w| (w.capitalized && !w.upper) || (w.upper && w.key.len() > 1))
}

/// How many words after a clause's opening its rating verb may come (`, o Goldman Sachs também
/// elevou`, `, o Mizuho e o Citigroup ajustaram`).
const ACT_REACH: usize = 6;

/// The direction of a rating verb: up, down, or kept (`elevou`, `cortou`, `reiterou`).
pub(super) fn rating_act(key: &str) -> Option<i8> {
    // Most words open with another letter: one byte decides.
    if !matches!(key.as_bytes().first(), Some(b'a' | b'c' | b'd' | b'e' | b'k' | b'l' | b'm' | b'r' | b'u')) {
        return None;
    }
    match key {
        // (`Despite downgrading Cogna, …`, `Apesar de ter rebaixado a Cogna, …`: a concession's act.)
        "upgraded" | "upgrades" | "upgrading" | "raised" | "raises" | "elevou" | "elevaram" | "aumentou"
        | "aumentaram" | "eleva" => Some(1),
        "downgraded" | "downgrades" | "downgrading" | "cut" | "cuts" | "lowered" | "lowers" | "cortou" | "cortaram"
        | "rebaixou" | "rebaixaram" | "rebaixado" | "reduziu" | "reduziram" | "reduz" | "rebaixa" | "corta" => Some(-1),
        "reiterated" | "reiterates" | "maintained" | "maintains" | "kept" | "keeps" | "reiterou" | "manteve"
        | "mantem" | "mantiveram" => Some(0),
        // `…, o Mizuho e o Citigroup ajustaram seus objetivos`: an act with no direction.
        "ajustou" | "ajustaram" | "adjusted" | "adjusts" | "atualizou" | "atualizaram" | "updated" => Some(2),
        _ => None,
    }
}

/// A trade's verb (`comprar`, `vender`, `buying`, `selling`): one leg of `comprar X e vender Y`.
pub(super) fn is_trade_leg(key: &str) -> bool {
    matches!(key, "comprar" | "vender" | "buying" | "selling")
}

/// A rating verb's direction, or its noun's (`a elevação da recomendação de Rumo… e o
/// rebaixamento de CCR`, `an upgrade of… and a downgrade of…`).
fn act_or_its_noun(key: &str) -> Option<i8> {
    rating_act(key).or(match key {
        // (`sugerir comprar Alupar e vender Taesa`, `buying Apple and selling Microsoft`: a trade's
        // two legs.)
        "elevacao" | "upgrade" | "comprar" | "buying" => Some(1),
        "rebaixamento" | "downgrade" | "vender" | "selling" => Some(-1),
        _ => None,
    })
}

/// `While upgrading Occidental Petroleum, Bank of America also downgrades Chevron`, `Apesar de ter
/// rebaixado a Cogna, o Bradesco BBI mantém…`: an opening clause whose act has no subject of its
/// own (a gerund or a participle after a concession or a time word), so it is the act of the next
/// clause's holder.
pub(super) fn opens_on_a_bare_act(words: &[Token]) -> bool {
    let opener = words.first().is_some_and(|w| {
        matches!(
            &*w.key,
            "while" | "despite" | "after" | "before" | "besides" | "apesar" | "embora" | "depois" | "alem"
        )
    });
    // The act right after the opener, past `de`/`ter` only (`Apesar de ter rebaixado`): not
    // `Despite analysts downgrading Apple`, an act with a subject of its own.
    let act = words.iter().skip(1).take(3).find(|w| !matches!(&*w.key, "de" | "ter" | "of" | "having"));
    opener && act.is_some_and(|w| is_bare_act(&w.key))
}

/// A rating act written with no subject: a gerund, a participle or an infinitive (`upgrading`,
/// `rebaixado`, `cortar`).
fn is_bare_act(key: &str) -> bool {
    matches!(
        key,
        "upgrading"
            | "downgrading"
            | "raising"
            | "cutting"
            | "lowering"
            | "reiterating"
            | "initiating"
            | "rebaixado"
            | "elevado"
            | "rebaixar"
            | "elevar"
            | "cortar"
            | "reduzir"
    )
}

/// Whether `before` ends on a rating act with no subject, a gerund or a participle (`While
/// upgrading`, `Apesar de ter rebaixado a`): what follows is the company acted on.
pub(super) fn after_an_act(before: &[Token]) -> bool {
    match before {
        [.., w] if is_bare_act(&w.key) => true,
        [.., w, a] => is_bare_act(&w.key) && matches!(&*a.key, "a" | "o" | "as" | "os"),
        _ => false,
    }
}

/// `…cortou a recomendação do Bradesco, o Goldman Sachs também elevou a do Santander e reiterou
/// compra de Itaú`: where a comma or `e`/`and`/`mas`/`but` at word `at` opens a clause whose
/// rating verb comes within a few words, that verb's direction.
fn next_act(text: &str, words: &[Token], at: usize, end: usize) -> Option<i8> {
    let comma = text[words[at - 1].end..words[at].start].contains([',', ';']);
    if !comma && !matches!(&*words[at].key, "e" | "and" | "mas" | "but") {
        return None;
    }
    let near = &words[at..end.min(at + ACT_REACH)];
    let (k, act) = near.iter().enumerate().find_map(|(k, w)| act_or_its_noun(&w.key).map(|d| (k, d)))?;
    // (An act's noun opens a clause right after `e o`/`and the`: not `and said the downgrade last
    // year was a mistake`.)
    let noun = rating_act(&near[k].key).is_none();
    if noun && !near[..k].iter().skip(1).all(|w| matches!(&*w.key, "o" | "a" | "the" | "an")) {
        return None;
    }
    // (`elevou a recomendação de Rumo e Localiza para compra e rebaixou CCR`: the clause opens
    // at the nearest `e` or comma before the verb, not at one joining a list before it.)
    // (Not `, o Mizuho e o Citigroup ajustaram`: firms listed after a comma.)
    let nearer = !comma
        && near[..k].iter().skip(1).any(|w| {
            matches!(&*w.key, "e" | "and" | "mas" | "but") || text[..w.start].trim_end().ends_with([',', ';'])
        });
    if nearer {
        return None;
    }
    // `mas manteve o preço-alvo` goes on with the clause; `e reiterou compra` states a rating.
    // (`mantém as recomendações de compra`: a few words on; not `e reiterou a sua recomendação
    // neutra`, a target cut's own rating kept.)
    let rated = || {
        let near = words[at + k + 1..end.min(at + k + 4)].iter().any(|w| is_rating(&w.key));
        near || words[end.min(at + k + 4)..end.min(at + k + 6)].iter().any(|w| is_rating(&w.key) && !is_neutral(&w.key))
    };
    // An act with no direction opens a clause only after a comma (another subject), not `e
    // ajustou o preço-alvo` (the same firm's act going on).
    (act != 0 || rated()).then_some(act).filter(|&a| a != 2 || comma)
}

/// `JPMorgan downgraded its rating to "neutral"…; and Baird cut its rating…`: after a semicolon,
/// a capitalised word (another firm's name, as a rule; `Separately` too) and a rating verb within
/// a few words open a clause of its own, whatever the verb's direction.
fn another_firm_acts(text: &str, words: &[Token], at: usize, end: usize) -> bool {
    if !text[words[at - 1].end..words[at].start].contains(';') || next_act(text, words, at, end).is_none() {
        return false;
    }
    let near = &words[at..end.min(at + ACT_REACH)];
    near.iter().take_while(|w| rating_act(&w.key).is_none()).any(|w| w.capitalized)
}

/// `JPMorgan vê potencial de alta…, mas Citi reduz recomendação`: after a comma, `but`/`mas`, a
/// new subject (a capitalised name, past an article) and a rating act open a clause of its own.
fn but_another_acts(text: &str, words: &[Token], at: usize, end: usize) -> bool {
    let subject = words[at + 1..end].iter().find(|w| !matches!(&*w.key, "o" | "a" | "os" | "as" | "the"));
    // (`…, but Cantor Fitzgerald says buy Nvidia`: or a known broker as the subject, whatever it
    // says.)
    let broker = || {
        let near = &words[at + 1..end.min(at + 6)];
        brokers_in(near).first().is_some_and(|b| subject.is_some_and(|w| w.start == b.start))
    };
    matches!(&*words[at].key, "mas" | "but" | "porem")
        && comma_before(text, words, at)
        && subject.is_some_and(|w| w.capitalized || w.upper)
        && (next_act(text, words, at, end).is_some() || broker())
}

/// `Enquanto o JPMorgan vê um cenário otimista, com espaço…, o Citi adotou uma postura mais
/// conservadora`: in a sentence opening on a contrast whose first words name a subject of its own
/// (a capitalised name), and before any `que`/`that`, the first comma that brings another (an
/// article and a capitalised name) opens the main clause. `open` says whether the sentence is still
/// in such an opening clause (the caller clears it at `que` and after the cut).
fn main_after_contrast(text: &str, words: &[Token], range: &Range<usize>, at: usize, open: bool) -> bool {
    open && comma_before(text, words, at)
        && matches!(&*words[at].key, "o" | "a" | "os" | "as" | "the")
        && words.get(at + 1).is_some_and(|w| (w.capitalized || w.upper) && at + 1 < range.end)
}

/// Whether a sentence (its words `range`) opens on a contrast with a subject of its own within its
/// first words (see [`main_after_contrast`]).
fn opens_on_a_contrast(words: &[Token], range: &Range<usize>) -> bool {
    // (A sentence of no words, `"`, opens on nothing.)
    // (`Após o banco Morgan Stanley elevar em 50% o preço-alvo da Cemig, o Citibank optou por
    // rebaixar…`: an act told before the main one.)
    words[range.clone()].first().is_some_and(|w| matches!(&*w.key, "enquanto" | "while" | "whereas" | "apos"))
        && words[range.start + 1..range.end.min(range.start + 4)].iter().any(|w| w.capitalized || w.upper)
}

/// Whether a comma comes right before word `at`, past a closing bracket, quote or percent sign
/// (`na WEG (WEGE3), mas…`).
fn comma_before(text: &str, words: &[Token], at: usize) -> bool {
    text[words[at - 1].end..words[at].start].trim().trim_start_matches([')', '"', '”', '\'', '’', '%']).trim() == ","
}

/// The neutral ones of them.
fn is_neutral(key: &str) -> bool {
    matches!(key, "neutral" | "neutra" | "neutro" | "hold")
}

/// Rating words a kept rating names (`reiterou compra`, `maintained Buy`).
fn is_rating(key: &str) -> bool {
    matches!(
        key,
        "buy"
            | "compra"
            | "sell"
            | "venda"
            | "neutral"
            | "neutra"
            | "neutro"
            | "hold"
            | "outperform"
            | "overweight"
            | "underweight"
            | "underperform"
    )
}

/// `…lowered the stocks to “market perform” from “buy” and cut Teradyne Inc. to “buy”`: `and`/`e`
/// at word `at`, then a rating verb and a name, is a second act on another company, whatever its
/// direction.
fn acts_again_on_a_name(words: &[Token], at: usize) -> bool {
    matches!(&*words[at].key, "and" | "e")
        // (Not an act with no direction, `rating_act`'s 2: `e ajustou seus objetivos`.)
        && words.get(at + 1).is_some_and(|w| rating_act(&w.key).is_some_and(|d| d != 2))
        && words.get(at + 2).is_some_and(|w| w.capitalized)
}

/// `upgraded Exxon to overweight while lowering Chevron to equal weight`: `while`/`enquanto` at
/// word `at`, then a gerund acting the other way than the clause's act (`before`, up or down) on a
/// name, is a second act on another company (not `while trimming its price target`).
fn turns_on_another_name(words: &[Token], at: usize, before: i8) -> bool {
    if !matches!(&*words[at].key, "while" | "enquanto") {
        return false;
    }
    let turn = words.get(at + 1).and_then(|w| match &*w.key {
        "upgrading" | "raising" | "lifting" | "boosting" | "elevando" => Some(1),
        "downgrading" | "lowering" | "cutting" | "reducing" | "trimming" | "rebaixando" | "reduzindo" | "cortando" => {
            Some(-1)
        }
        _ => None,
    });
    matches!(before, 1 | -1) && turn.is_some_and(|d| d != before) && words.get(at + 2).is_some_and(|w| w.capitalized)
}

/// `iniciou a cobertura de Pague Menos com recomendação de compra…, retomando a cobertura de Raia
/// Drogasil com recomendação neutra`: a comma, then a gerund of coverage or a rating act at word
/// `at`, is a second act on another company, with a rating of its own.
/// (Not `cortou o preço-alvo…, mantendo a recomendação de compra`: the same company's rating kept.)
fn covers_another_after_a_comma(text: &str, words: &[Token], at: usize) -> bool {
    let another = || {
        words[at + 1..words.len().min(at + 6)]
            .iter()
            .take_while(|w| !is_rating(&w.key) && w.key != "recomendacao")
            // (Not a currency's sign, `US$ 15`.)
            .any(|w| w.capitalized && !text[w.end..].starts_with('$') || matches!(&*w.key, "cobertura" | "coverage"))
    };
    // (Not `elevando-o de US$ 12,80 para US$ 15`: the same target.)
    is_coverage_gerund(&words[at].key)
        && comma_before(text, words, at)
        && !text[words[at].end..].starts_with('-')
        && another()
}

/// `A recomendação de compra foi mantida para Via Varejo e Lojas Americanas, e o papel da Arezzo
/// foi rebaixado para venda`: a comma (and `e`/`and`) at word `at`, then a new subject (a
/// capitalised name within a few words) rated in the passive, is a second act on another company.
fn rated_in_the_passive_after_a_comma(text: &str, words: &[Token], at: usize) -> bool {
    if !comma_before(text, words, at) {
        return false;
    }
    let from = at + usize::from(matches!(&*words[at].key, "e" | "and"));
    let near = &words[from..words.len().min(from + PASSIVE_REACH)];
    let Some(be) = near.iter().position(|w| matches!(&*w.key, "foi" | "foram" | "was" | "were")) else {
        return false;
    };
    let rated = near.get(be + 1).is_some_and(|w| {
        ["rebaixad", "elevad", "cortad"].iter().any(|stem| w.key.starts_with(stem))
            || matches!(&*w.key, "downgraded" | "upgraded" | "lowered" | "cut")
    });
    rated && near[..be].iter().any(|w| w.capitalized)
}

/// How many words after a comma a passive rating of another company may come (`, e o papel da
/// Arezzo foi rebaixado`).
const PASSIVE_REACH: usize = 8;

/// A gerund of coverage or of a rating act (folded).
#[rustfmt::skip]
fn is_coverage_gerund(key: &str) -> bool {
    matches!(key,
        "retomando" | "iniciando" | "reiterando" | "mantendo" | "elevando" | "rebaixando" | "initiating" | "resuming"
            | "reiterating" | "maintaining" | "upgrading" | "downgrading"
    )
}

/// The sentences (`spans`, with their words' ranges `word_ranges` in `words`) cut into
/// contrasted clauses: spans and word ranges, in order.
pub(super) fn clauses(
    text: &str,
    words: &[Token],
    spans: &[Range<usize>],
    word_ranges: &[Range<usize>],
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut out_spans = Vec::with_capacity(spans.len());
    let mut out_words = Vec::with_capacity(word_ranges.len());
    for (span, range) in spans.iter().zip(word_ranges) {
        let (mut start, mut first) = (span.start, range.start);
        // The direction of the last rating verb of the clause so far.
        let mut acted: Option<i8> = None;
        // Still in a sentence's opening clause of contrast (read once, cleared at `que`).
        let mut in_contrast = opens_on_a_contrast(words, range);
        for at in range.clone().skip(1) {
            in_contrast &= !matches!(&*words[at].key, "que" | "that");
            let main = main_after_contrast(text, words, range, at, in_contrast);
            in_contrast &= !main;
            let turns = acted.is_some_and(|before| next_act(text, words, at, range.end).is_some_and(|d| d != before))
                || (acted.is_some() && acts_again_on_a_name(words, at))
                || acted.is_some_and(|before| turns_on_another_name(words, at, before));
            if opens_contrast(text, words, at)
                || turns
                || (covers_another_after_a_comma(text, words, at)
                    && (acted.is_some() || words[first..at].iter().any(|w| is_rating(&w.key))))
                || but_another_acts(text, words, at, range.end)
                || (rated_in_the_passive_after_a_comma(text, words, at)
                    && words[first..at].iter().any(|w| is_rating(&w.key) || act_or_its_noun(&w.key).is_some()))
                || main
                || opens_after_dash(text, words, at)
                || another_firm_acts(text, words, at, range.end)
            {
                out_spans.push(start..words[at - 1].end);
                out_words.push(first..at);
                (start, first) = (words[at].start, at);
                acted = None;
            }
            if let Some(d) = act_or_its_noun(&words[at].key) {
                // (Not `a oportunidade de comprar ações do Banco do Brasil`: a trade's verb after `de`.)
                let after_of = matches!(&*words[at - 1].key, "de" | "of");
                if !(is_trade_leg(&words[at].key) && after_of) {
                    acted = Some(d);
                }
            }
        }
        out_spans.push(start..span.end);
        out_words.push(first..range.end);
    }
    (out_spans, out_words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    fn cut(text: &str) -> Vec<&str> {
        let words = tokens(text);
        let (span, range) = (0..text.len(), 0..words.len());
        let (spans, ranges) = (std::slice::from_ref(&span), std::slice::from_ref(&range));
        clauses(text, &words, spans, ranges).0.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_sentence_of_no_words_is_no_clause_to_cut() {
        let text = "\"";
        let words = tokens(text);
        let (span, range) = (0..1, 0..0);
        let (spans, ranges) = clauses(text, &words, std::slice::from_ref(&span), std::slice::from_ref(&range));
        assert_eq!((spans.as_slice(), ranges.as_slice()), (std::slice::from_ref(&span), std::slice::from_ref(&range)));
    }

    #[test]
    fn but_with_another_firm_acting_and_the_main_clause_after_an_opening_contrast_are_cut() {
        assert_eq!(
            cut("JPMorgan vê potencial de alta, mas Citi reduz recomendação para neutra."),
            ["JPMorgan vê potencial de alta", "mas Citi reduz recomendação para neutra."]
        );
        assert_eq!(
            cut(
                "Enquanto o JPMorgan vê um cenário otimista, com espaço para alta, o Citi adotou uma postura conservadora."
            ),
            [
                "Enquanto o JPMorgan vê um cenário otimista, com espaço para alta",
                "o Citi adotou uma postura conservadora."
            ]
        );
    }

    #[test]
    fn a_sentence_is_cut_where_a_comma_brings_a_contrast() {
        assert_eq!(
            cut("Citi took a similar stance, while Raymond James worries about clusters."),
            ["Citi took a similar stance", "while Raymond James worries about clusters."]
        );
        assert_eq!(
            cut("O Citi é otimista, enquanto o UBS recomenda venda."),
            ["O Citi é otimista", "enquanto o UBS recomenda venda."]
        );
        assert_eq!(cut("O Citi compra, ao passo que o UBS vende."), ["O Citi compra", "ao passo que o UBS vende."]);
        assert_eq!(
            cut("O UBS tem recomendação ‘neutra’, enquanto o JP Morgan deu o call de compra."),
            ["O UBS tem recomendação ‘neutra", "enquanto o JP Morgan deu o call de compra."]
        );
        assert_eq!(cut("While demand rose, Citi cut its target."), ["While demand rose, Citi cut its target."]);
        assert_eq!(
            cut(
                "O Citi manteve compra (alta de 59% ante a cotação), enquanto JPMorgan e Goldman Sachs mantiveram a neutra."
            ),
            [
                "O Citi manteve compra (alta de 59% ante a cotação",
                "enquanto JPMorgan e Goldman Sachs mantiveram a neutra."
            ],
            "a closing bracket before the comma"
        );
        assert_eq!(cut("O Citi manteve compra (alta de 59%), enquanto o UBS manteve venda.").len(), 2);
        assert_eq!(
            cut("Morgan Stanley downgraded the stock to \"equal weight,\" while Berenberg lowered its target."),
            ["Morgan Stanley downgraded the stock to \"equal weight", "while Berenberg lowered its target."],
            "a closing quote after the comma"
        );
        assert_eq!(
            cut("Deutsche Bank cut its target -- both still high -- while Stephens raised theirs."),
            ["Deutsche Bank cut its target -- both still high", "while Stephens raised theirs."]
        );
        assert_eq!(
            cut("Citi downgraded the stock to sell, while trimming its target."),
            ["Citi downgraded the stock to sell, while trimming its target."],
            "a gerund goes on with the same act"
        );
        assert_eq!(
            cut("O Goldman cortou a recomendação do Bradesco, o Goldman também elevou a do Santander e reiterou \
                 compra de Itaú."),
            [
                "O Goldman cortou a recomendação do Bradesco",
                "o Goldman também elevou a do Santander",
                "e reiterou compra de Itaú."
            ],
            "a rating verb of another direction opens a clause"
        );
        assert_eq!(
            cut("O JPMorgan elevou o preço-alvo para US$ 170, o Mizuho e o Citigroup ajustaram seus objetivos."),
            ["O JPMorgan elevou o preço-alvo para US$ 170", "o Mizuho e o Citigroup ajustaram seus objetivos."],
            "an act with no direction, another subject"
        );
        assert_eq!(
            cut("O banco rebaixou a recomendação para venda e ajustou o preço-alvo para R$ 11,40."),
            ["O banco rebaixou a recomendação para venda e ajustou o preço-alvo para R$ 11,40."],
            "the same firm's act goes on"
        );
        assert_eq!(
            cut("Mizuho resumed coverage with a \"neutral\" rating -- and today, Citigroup slapped it with a sell."),
            ["Mizuho resumed coverage with a \"neutral\" rating", "and today, Citigroup slapped it with a sell."],
            "a dash, a conjunction and a new subject"
        );
        assert_eq!(
            cut("Citi cut its target -- and its rating."),
            ["Citi cut its target -- and its rating."],
            "no new subject after the dash"
        );
        assert_eq!(
            cut("Citi upgraded Apple to Buy and raised its target."),
            ["Citi upgraded Apple to Buy and raised its target."],
            "the same direction goes on"
        );
        assert_eq!(
            cut("Citi said that while demand rose, margins fell."),
            ["Citi said that while demand rose, margins fell."]
        );
    }
}
