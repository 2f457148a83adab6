//! Contrasted clauses of a sentence, read as views of their own: `Citi and Bernstein took a
//! similar optimistic stance, while Raymond James worries about large GPU clusters` holds two
//! views, one per clause, with opposite stances. A sentence is cut where a comma, a semicolon or
//! a dash is followed by a contrasting conjunction (`, while`, `-- while`, `, whereas`, `,
//! enquanto`, `, ao passo que`); a sentence that opens with one (`While demand…`) is not cut, nor
//! one where it brings a gerund (`, while trimming its price target`: the same act).

use std::ops::Range;

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
        && matches!(text[words[at - 1].end..word.start].trim(), "," | ";" | "--" | "—" | "–" | ", --" | "-")
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
        for at in range.clone().skip(1) {
            if opens_contrast(text, words, at) {
                out_spans.push(start..words[at - 1].end);
                out_words.push(first..at);
                (start, first) = (words[at].start, at);
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
        assert_eq!(cut("While demand rose, Citi cut its target."), ["While demand rose, Citi cut its target."]);
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
            cut("Citi said that while demand rose, margins fell."),
            ["Citi said that while demand rose, margins fell."]
        );
    }
}
