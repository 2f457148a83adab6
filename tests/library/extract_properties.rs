//! Property tests: extraction never panics on any text, and every span it reports lies on
//! character boundaries, inside the text, in order, with the text it claims to cover.

use std::sync::OnceLock;

use jevons::extract::{Findings, Lexicon, Options, Span, analyse_with, suggest_claims};
use proptest::prelude::*;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::bundled)
}

/// Text that looks like notes: words, figures, currency marks, dates, accents, emoji, anything.
fn note_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("NVIDIA".to_owned()),
        Just("$NVDA".to_owned()),
        Just("US$ ".to_owned()),
        Just("R$".to_owned()),
        Just("€".to_owned()),
        Just("2.048".to_owned()),
        Just("1,5".to_owned()),
        Just("16,9%".to_owned()),
        Just("27/01/2025".to_owned()),
        Just("2025-01-27".to_owned()),
        Just(" de janeiro de ".to_owned()),
        Just("bilhões".to_owned()),
        Just(" million ".to_owned()),
        Just("Vale".to_owned()),
        Just("(NASDAQ: ".to_owned()),
        Just("segundo a ".to_owned()),
        Just("analistas da ".to_owned()),
        Just("1/50".to_owned()),
        Just("🚀".to_owned()),
        Just("\n\n- ".to_owned()),
        // The tenth round's cues: a note's head and dash, a quote link, a dateline, a firm's web
        // name, a legal suffix before a quote, counted companies, a lead, a possessive symbol.
        Just("BRF — O Santander ".to_owned()),
        Just(" - Get Report)".to_owned()),
        Just("NEW YORK (AP) -- ".to_owned()),
        Just("StockNews.com downgraded ".to_owned()),
        Just("Corp. “".to_owned()),
        Just(" respectively, ".to_owned()),
        Just("as três construtoras ".to_owned()),
        Just("Depois do JPMorgan, foi a vez do ".to_owned()),
        Just("junto a ".to_owned()),
        Just("SO’s ".to_owned()),
        Just(", an analyst at ".to_owned()),
        // The eleventh round's: a bank's apposition, a consensus, a list of targets, a bulleted
        // act, a defunct name, a quoted code, a price goal.
        Just("Wells Fargo, ".to_owned()),
        Just("ção, ".to_owned()),
        Just(" has consensus ".to_owned()),
        Just(" to $21 from $17; ".to_owned()),
        Just("; para a Anima, de R$ 46 para R$ 31".to_owned()),
        Just("\n** Maintains \"buy\" for ".to_owned()),
        Just("A TAM ".to_owned()),
        Just(" (YHOO - 14.48)".to_owned()),
        Just("metas de preço ".to_owned()),
        // The twelfth round's: a dateline's place, initials, a middle name, a B3-form code, a
        // bank's charter.
        Just("TORONTO — ".to_owned()),
        Just("Research in Motion ".to_owned()),
        Just(" RIM's ".to_owned()),
        Just("Frederico Fleury Curado".to_owned()),
        Just("da Hering (HGTX3)".to_owned()),
        Just("Zions Bancorp ".to_owned()),
        Just("Revenue rose ".to_owned()),
        Just("(AÇÃO)".to_owned()),
        Just("As 24 empresas ".to_owned()),
        Just("\nRecomendação: compra\n".to_owned()),
        Just(" (ITUB4)\n".to_owned()),
        // The thirty-third round's: a quantity running past a blank line onto a company's name.
        Just("Vale (VALE3) rose 5%. Output was 5 million\n\nApple shares".to_owned()),
        "[0-9.,/%$€-]{1,6}",
        "[A-Za-zÀ-ÿ ]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_span(text: &str, span: &Span, shown: &str, kind: &str) {
    let bytes = span.bytes.clone();
    assert!(bytes.start <= bytes.end && bytes.end <= text.len(), "{kind} {bytes:?} outside {} bytes", text.len());
    assert!(
        text.is_char_boundary(bytes.start) && text.is_char_boundary(bytes.end),
        "{kind} {bytes:?} splits a character"
    );
    assert_eq!(span.start, text[..bytes.start].chars().count(), "{kind} start in characters");
    assert_eq!(span.end, text[..bytes.end].chars().count(), "{kind} end in characters");
    assert_eq!(&text[bytes], shown, "{kind} text");
}

fn check(text: &str, findings: &Findings) {
    let lists: [(&str, Vec<(&Span, &str)>); 7] = [
        ("ticker", findings.tickers.iter().map(|f| (&f.span, f.text.as_str())).collect()),
        ("amount", findings.amounts.iter().map(|f| (&f.span, f.text.as_str())).collect()),
        ("percent", findings.percents.iter().map(|f| (&f.span, f.text.as_str())).collect()),
        ("fraction", findings.fractions.iter().map(|f| (&f.span, f.text.as_str())).collect()),
        ("quantity", findings.quantities.iter().map(|f| (&f.span, f.text.as_str())).collect()),
        ("date", findings.dates.iter().map(|f| (&f.span, f.text.as_str())).collect()),
        ("claimant", findings.claimants.iter().map(|f| (&f.span, f.text.as_str())).collect()),
    ];
    for (kind, list) in lists {
        for (span, shown) in &list {
            check_span(text, span, shown, kind);
        }
        for pair in list.windows(2) {
            assert!(pair[0].0.start <= pair[1].0.start, "{kind} spans out of order: {:?}", pair);
        }
    }
    for s in suggest_claims(text, findings) {
        check_span(text, &s.span, &text[s.span.bytes.clone()], "suggestion");
        check_span(text, &s.sentence, &s.quote, "suggested quote");
        assert!(s.sentence.start <= s.span.start && s.span.end <= s.sentence.end, "the figure lies in its sentence");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_unicode_text_is_analysed_without_panic(text in any::<String>()) {
        check(&text, &analyse_with(&text, lexicon(), &Options::default()));
    }

    #[test]
    fn note_like_text_gives_well_formed_spans(text in note_like()) {
        let anchor = chrono::NaiveDate::from_ymd_opt(2025, 1, 28);
        check(&text, &analyse_with(&text, lexicon(), &Options { anchor }));
    }
}

#[test]
fn long_and_odd_texts_are_handled() {
    for text in [
        "9".repeat(100_000),
        "$".repeat(10_000),
        "1.".repeat(20_000),
        "ação 🚀 ".repeat(5_000),
        "A".repeat(70_000),
        "US$ 1,2 bi ".repeat(2_000),
        "\u{feff}\u{200b}\u{0301}".repeat(1_000),
    ] {
        check(&text, &analyse_with(&text, lexicon(), &Options::default()));
    }
}
