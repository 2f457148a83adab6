//! The search language, term by term and for every kind of bad input in DESIGN section 3.

use super::*;

fn terms(text: &str) -> Vec<Vec<(bool, TermKind)>> {
    parse(text)
        .unwrap_or_else(|e| panic!("{text:?} failed: {e}"))
        .clauses
        .into_iter()
        .map(|c| c.any.into_iter().map(|t| (t.negated, t.kind)).collect())
        .collect()
}

fn one(text: &str) -> TermKind {
    let mut all = terms(text);
    assert_eq!(all.len(), 1, "{text:?}");
    let (negated, kind) = all.remove(0).remove(0);
    assert!(!negated);
    kind
}

fn sym(s: &str) -> Symbol {
    Symbol::parse(s).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn each_term_kind_parses() {
    for (text, kind) in [
        ("nvidia", TermKind::Word("nvidia".into())),
        ("infer*", TermKind::Prefix("infer".into())),
        ("\"large GPU clusters\"", TermKind::Phrase("large GPU clusters".into())),
        ("$NVDA", TermKind::Ticker(sym("NVDA"))),
        ("$brk.b", TermKind::Ticker(sym("BRK-B"))),
        ("ticker:nvda", TermKind::Ticker(sym("NVDA"))),
        ("#ai", TermKind::Tag(TagName::parse("ai").unwrap())),
        ("tag:ai/inference", TermKind::Tag(TagName::parse("ai/inference").unwrap())),
        ("source:WCCFtech", TermKind::Source("wccftech".into())),
        ("claimant:\"Cantor Fitzgerald\"", TermKind::Claimant("cantor fitzgerald".into())),
        ("stance:Bullish", TermKind::Stance(Stance::Bullish)),
        ("after:2025-01-01", TermKind::After(date("2025-01-01"))),
        ("before:2025-02", TermKind::Before(date("2025-02-01"))),
        ("after:2025", TermKind::After(date("2025-01-01"))),
        ("is:trash", TermKind::Trash),
        ("bilhões", TermKind::Word("bilhões".into())),
    ] {
        assert_eq!(one(text), kind, "{text:?}");
    }
}

#[test]
fn terms_are_anded_and_or_binds_neighbours() {
    let parsed = terms("deepseek $NVDA OR $AMD -#ai");
    assert_eq!(parsed.len(), 3);
    assert_eq!(parsed[1], vec![(false, TermKind::Ticker(sym("NVDA"))), (false, TermKind::Ticker(sym("AMD")))]);
    assert_eq!(parsed[2], vec![(true, TermKind::Tag(TagName::parse("ai").unwrap()))]);
    assert_eq!(terms("a OR b OR c")[0].len(), 3);
    assert_eq!(terms("nvidia AND deepseek").len(), 2);
}

#[test]
fn odd_input_is_searched_literally() {
    for (text, kind) in [
        ("\"unbalanced", TermKind::Phrase("unbalanced".into())),
        ("NEAR", TermKind::Word("NEAR".into())),
        ("NEAR(a", TermKind::Word("NEAR(a".into())),
        ("foo:bar", TermKind::Word("foo:bar".into())),
        ("it's", TermKind::Word("it's".into())),
        ("'; DROP TABLE note; --", TermKind::Word("DROP".into())),
        ("$6M", TermKind::Word("$6M".into())),
        ("OR", TermKind::Word("OR".into())),
        ("*deep", TermKind::Word("deep".into())),
        ("a*b", TermKind::Word("a*b".into())),
    ] {
        assert_eq!(parse(text).unwrap().clauses[0].any[0].kind, kind, "{text:?}");
    }
    assert_eq!(terms("a OR").len(), 2, "a dangling OR is a word");
}

#[test]
fn punctuation_alone_is_set_aside_with_a_message() {
    for text in ["*", ":", "-", "(", ")", "\"\"", "- -", "***", "🚀", "#", "$", "..."] {
        let err = parse(text).expect_err(text);
        assert!(err.0.contains("nothing to search for"), "{text:?}: {err}");
    }
    let query = parse("nvidia ( *").unwrap();
    assert_eq!(query.clauses.len(), 1);
    assert_eq!(query.ignored, ["(", "*"]);
}

#[test]
fn impossible_values_are_errors() {
    for (text, says) in [
        ("after:2025-13-45", "not a date"),
        ("before:yesterday", "not a date"),
        ("after:2025-02-30", "not a date"),
        ("stance:maybe", "not a stance"),
        ("is:pinned", "is:trash"),
        ("ticker:", "needs a value"),
        ("ticker:6-", "not a ticker"),
        ("tag:\"\"", "needs a value"),
        ("tag:#", "not a tag"),
    ] {
        let err = parse(text).expect_err(text);
        assert!(err.0.contains(says), "{text:?}: {err}");
    }
}

#[test]
fn empty_query_means_everything() {
    assert!(parse("").unwrap().is_empty());
    assert!(parse("   ").unwrap().is_empty());
}

#[test]
fn oversized_queries_are_refused() {
    assert!(parse(&"a".repeat(MAX_QUERY_CHARS + 1)).is_err());
    assert!(parse(&"w ".repeat(MAX_TERMS + 1)).is_err());
}

#[test]
fn query_facts() {
    let q = parse("$NVDA stance:bullish deepseek -x").unwrap();
    assert!(q.has_text());
    assert_eq!(q.required_tickers(), [&sym("NVDA")]);
    assert!(!q.wants_trash());
    assert!(parse("is:trash").unwrap().wants_trash());
    assert!(!parse("-deepseek").unwrap().has_text());
}

#[test]
fn is_due_compares_the_review_date_with_today() {
    let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    let query = parse_on("is:due -#done", today).unwrap();
    let TermKind::Property(term) = &query.clauses[0].any[0].kind else { panic!("{query:?}") };
    assert_eq!(term.key, "review");
    assert_eq!(term.test, PropertyTest::Compare(Comparison::LessOrEqual, Bound::Date(today)));
    assert!(parse("is:DUE").is_ok());
    assert!(parse("is:overdue").unwrap_err().0.contains("is:due"));
}

#[test]
fn is_conflict_is_the_conflict_tag() {
    let query = parse("is:conflict").unwrap();
    let TermKind::Tag(tag) = &query.clauses[0].any[0].kind else { panic!("{query:?}") };
    assert_eq!(tag.as_str(), CONFLICT_TAG);
    assert!(parse("is:Conflict").is_ok());
    assert!(parse("is:conflicts").unwrap_err().0.contains("is:conflict"));
}
