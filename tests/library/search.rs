//! The search language over a small English and Portuguese corpus: every term kind, negation,
//! OR, nested tags, diacritics, the trash, ranking, and hostile input that must never reach
//! SQLite unescaped.

use crate::common;

use common::{draft, research};
use jevons::query::parse;
use jevons::store::{SearchOrder, Store, StoreError, Total};

fn titles(store: &Store, query: &str) -> Vec<String> {
    let parsed = parse(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
    let page = store.search(&parsed, 100, 0).unwrap_or_else(|e| panic!("{query:?}: {e}"));
    assert_eq!(page.total as usize, page.results.len(), "{query:?}: total counts every result");
    let mut titles: Vec<String> = page.results.into_iter().map(|r| r.title).collect();
    titles.sort();
    titles
}

#[test]
fn search_terms_find_what_they_name() {
    let r = research();
    for (query, expected) in [
        ("$NVDA", &["AMD MI300 ramp", "Cantor on NVIDIA", "Perda de valor da NVIDIA", "R1 training cost"][..]),
        ("ticker:amd", &["AMD MI300 ramp"]),
        ("$brk.b", &[]),
        ("deepseek", &["R1 training cost"]),
        ("DEEPSEEK", &["R1 training cost"]),
        ("bilhoes", &["Perda de valor da NVIDIA"]),
        ("bilhões", &["Perda de valor da NVIDIA"]),
        ("inferencia", &["AMD MI300 ramp"]),
        ("infer*", &["AMD MI300 ramp", "Jevons paradox"]),
        ("\"large GPU clusters\"", &["Cantor on NVIDIA"]),
        ("\"GPU large clusters\"", &[]),
        ("#ai", &["Cantor on NVIDIA", "Jevons paradox", "R1 training cost"]),
        ("tag:AI/inference", &["Cantor on NVIDIA"]),
        ("#ai/training", &["R1 training cost"]),
        ("#semis", &["AMD MI300 ramp"]),
        ("#sem", &[]),
        ("source:wccftech", &["Cantor on NVIDIA"]),
        ("source:reuters.com", &["Perda de valor da NVIDIA"]),
        ("claimant:\"Cantor Fitzgerald\"", &["Cantor on NVIDIA"]),
        ("claimant:raymond", &["Cantor on NVIDIA"]),
        ("stance:bullish", &["AMD MI300 ramp", "Cantor on NVIDIA"]),
        ("$NVDA stance:bullish", &["Cantor on NVIDIA"]),
        ("$AMD stance:bearish", &[]),
        ("stance:bearish $NVDA", &["AMD MI300 ramp", "Cantor on NVIDIA", "Perda de valor da NVIDIA"]),
        ("after:2025-01-01 before:2025-02-01", &["R1 training cost"]),
        ("before:2025-01", &["Jevons paradox"]),
        ("is:trash", &["Old draft about NVIDIA"]),
        ("is:trash $NVDA", &["Old draft about NVIDIA"]),
        ("obsolete", &[]),
    ] {
        assert_eq!(titles(&r.store, query), expected, "query {query:?}");
    }
}

#[test]
fn negation_and_or_combine_terms() {
    let r = research();
    for (query, expected) in [
        ("#ai -$NVDA", &["Jevons paradox"][..]),
        ("-#ai -#mercado", &["AMD MI300 ramp"]),
        ("$NVDA -deepseek", &["AMD MI300 ramp", "Cantor on NVIDIA", "Perda de valor da NVIDIA"]),
        ("deepseek OR bilhoes", &["Perda de valor da NVIDIA", "R1 training cost"]),
        ("$AMD OR #economics", &["AMD MI300 ramp", "Jevons paradox"]),
        ("compute OR #mercado -$NVDA", &["Jevons paradox"]),
        ("-\"large GPU clusters\" #brokers", &[]),
        ("nvidia AND deepseek", &[]),
    ] {
        assert_eq!(titles(&r.store, query), expected, "query {query:?}");
    }
}

#[test]
fn words_rank_by_relevance_and_filters_by_recency() {
    let r = research();
    let page = r.store.search(&parse("nvidia").unwrap(), 10, 0).unwrap();
    assert_eq!(page.order, SearchOrder::Relevance);
    assert!(page.results[0].title.contains("NVIDIA"), "title matches rank first: {:?}", page.results[0].title);
    let page = r.store.search(&parse("#ai").unwrap(), 10, 0).unwrap();
    assert_eq!(page.order, SearchOrder::Newest);
    let dates: Vec<_> = page.results.iter().map(|r| r.updated_at).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[test]
fn results_carry_snippets_tickers_and_tags() {
    let r = research();
    let page = r.store.search(&parse("bilhoes").unwrap(), 10, 0).unwrap();
    let hit = &page.results[0];
    assert!(hit.snippet.contains("bilhões"), "{}", hit.snippet);
    assert_eq!(&hit.snippet[hit.highlights[0].clone()], "bilhões");
    assert_eq!(hit.tickers, ["NVDA"]);
    assert_eq!(hit.tags, ["mercado"]);
}

#[test]
fn pages_and_id_lists_agree() {
    let r = research();
    let query = parse("").unwrap();
    let all = r.store.search_ids(&query).unwrap();
    assert_eq!(all.len(), 5, "the trash is left out");
    let second = r.store.search(&query, 2, 2).unwrap();
    assert_eq!(second.total, 5);
    assert_eq!(second.results.iter().map(|r| r.id).collect::<Vec<_>>(), &all[2..4]);
}

#[test]
fn hostile_queries_never_reach_sqlite_unescaped() {
    let r = research();
    for query in [
        "\"unbalanced",
        "a\"b",
        "NEAR(deepseek training)",
        "deepseek NEAR training",
        "'; DROP TABLE note; --",
        "\" OR 1=1 --",
        "title:deepseek",
        "body:*",
        "{title}: x",
        "^deepseek",
        "deepseek + training",
        "(deepseek",
        "deepseek)",
        "AND",
        "NOT deepseek",
        "a OR OR b",
        "OR",
        "- deepseek",
        "--deepseek",
        "$",
        "#a#b",
        "ação \u{0}",
        "\u{202e}deepseek",
        "x:y:z",
        "tag:ai:x",
        "source:'",
        "claimant:%",
        "claimant:_",
        "source:%25",
    ] {
        match parse(query) {
            Ok(parsed) => {
                if let Err(err) = r.store.search(&parsed, 10, 0) {
                    panic!("{query:?} reached SQLite as an error: {err}");
                }
            }
            Err(err) => assert!(!err.0.is_empty(), "{query:?}"),
        }
    }
}

#[test]
fn literal_punctuation_is_searched_as_words() {
    let r = research();
    assert_eq!(titles(&r.store, "\"unbalanced"), Vec::<String>::new());
    assert_eq!(titles(&r.store, "(deepseek"), ["R1 training cost"]);
    assert_eq!(titles(&r.store, "deepseek'"), ["R1 training cost"]);
    assert_eq!(titles(&r.store, "claimant:%"), Vec::<String>::new(), "% is not a wildcard");
    assert_eq!(titles(&r.store, "16,9%"), ["Perda de valor da NVIDIA"]);
}

#[test]
fn ticker_search_sees_typed_detected_and_claim_links() {
    let mut store = Store::open_in_memory().unwrap();
    let typed = store.create_note(&draft("typed", "no cashtag", &[], &["MSFT"], "2025-01-01T00:00:00Z")).unwrap();
    let detected = store.create_note(&draft("detected", "I like $msft", &[], &[], "2025-01-02T00:00:00Z")).unwrap();
    let claimed = store.create_note(&draft("claimed", "nothing", &[], &[], "2025-01-03T00:00:00Z")).unwrap();
    common::claim(&mut store, claimed, "Azure grows", "MS", &[("MSFT", None)], &[]);
    let ids = store.search_ids(&parse("$MSFT").unwrap()).unwrap();
    assert_eq!(ids.len(), 3);
    for id in [typed, detected, claimed] {
        assert!(ids.contains(&id));
    }
}

/// A corpus large enough to exercise every way a query is run (feeds, the notes index, the
/// ranked window of word matches, small feeds checked against words), compared with a plain
/// evaluation of the same terms over the same notes.
#[test]
fn every_query_plan_agrees_with_a_plain_scan() {
    use jevons::model::{NoteDraft, Timestamp};
    struct Fact {
        id: i64,
        words: Vec<&'static str>,
        tickers: Vec<&'static str>,
        tags: Vec<&'static str>,
        updated: i64,
        trashed: bool,
    }
    let mut store = Store::open_in_memory().unwrap();
    let mut facts = Vec::new();
    let mut batch = store.batch().unwrap();
    for i in 0..2_600i64 {
        let pick = |cond: bool, v: &'static str| cond.then_some(v);
        let words: Vec<&str> = [pick(i % 3 == 0, "alpha"), pick(i % 5 == 0, "beta"), pick(i % 10 != 0, "common")]
            .into_iter()
            .flatten()
            .collect();
        let cashtags: Vec<&str> = [pick(i % 2 == 0, "NVDA"), pick(i % 11 == 0, "AMD")].into_iter().flatten().collect();
        let typed: Vec<&str> = [pick(i % 13 == 0, "MSFT")].into_iter().flatten().collect();
        let tags: Vec<&str> = [pick(i % 4 == 0, "ai/inference"), pick(i % 9 == 0, "ai"), pick(i % 6 == 0, "semis")]
            .into_iter()
            .flatten()
            .collect();
        let updated = 1_700_000_000_000 + (i * 7_919 % 2_600) * 60_000;
        let body =
            format!("{} {}", words.join(" "), cashtags.iter().map(|t| format!("${t}")).collect::<Vec<_>>().join(" "));
        let draft = NoteDraft {
            title: format!("note {i}"),
            body,
            tags: tags.iter().map(|t| common::tag(t)).collect(),
            tickers: typed.iter().map(|t| common::sym(t)).collect(),
            created_at: Some(Timestamp::from_millis(updated)),
            updated_at: Some(Timestamp::from_millis(updated)),
            uid: None,
        };
        let id = batch.create_note(&draft).unwrap();
        facts.push(Fact {
            id,
            words,
            tickers: cashtags.into_iter().chain(typed).collect(),
            tags,
            updated,
            trashed: i % 50 == 0,
        });
    }
    batch.commit().unwrap();
    for fact in facts.iter().filter(|f| f.trashed) {
        store.trash_note(fact.id).unwrap();
    }
    let day = |millis: i64| Timestamp::from_millis(millis).date().to_string();
    let mid = 1_700_000_000_000 + 700 * 60_000;
    let (from, to) = (day(mid - 86_400_000), day(mid + 86_400_000));
    let tagged = |f: &Fact, t: &str| f.tags.iter().any(|x| *x == t || x.starts_with(&format!("{t}/")));
    let in_range = |f: &Fact| {
        let d = day(f.updated);
        d >= from && d < to
    };
    type Holds<'a> = Box<dyn Fn(&Fact) -> bool + 'a>;
    let cases: Vec<(String, Holds<'_>, bool)> = vec![
        ("$NVDA".into(), Box::new(|f| !f.trashed && f.tickers.contains(&"NVDA")), true),
        ("#ai".into(), Box::new(move |f| !f.trashed && tagged(f, "ai")), true),
        (
            "$NVDA #ai -$AMD".into(),
            Box::new(move |f| {
                !f.trashed && f.tickers.contains(&"NVDA") && tagged(f, "ai") && !f.tickers.contains(&"AMD")
            }),
            true,
        ),
        (
            "$MSFT OR #semis".into(),
            Box::new(move |f| !f.trashed && (f.tickers.contains(&"MSFT") || tagged(f, "semis"))),
            true,
        ),
        (format!("after:{from} before:{to}"), Box::new(move |f| !f.trashed && in_range(f)), true),
        (
            format!("$NVDA after:{from} before:{to}"),
            Box::new(move |f| !f.trashed && f.tickers.contains(&"NVDA") && in_range(f)),
            true,
        ),
        ("is:trash".into(), Box::new(|f| f.trashed), true),
        ("is:trash OR $AMD".into(), Box::new(|f| f.trashed || f.tickers.contains(&"AMD")), true),
        ("common".into(), Box::new(|f| !f.trashed && f.words.contains(&"common")), false),
        (
            "common -beta".into(),
            Box::new(|f| !f.trashed && f.words.contains(&"common") && !f.words.contains(&"beta")),
            false,
        ),
        (
            "alpha $AMD".into(),
            Box::new(|f| !f.trashed && f.words.contains(&"alpha") && f.tickers.contains(&"AMD")),
            false,
        ),
        (
            "common #ai $NVDA".into(),
            Box::new(move |f| {
                !f.trashed && f.words.contains(&"common") && tagged(f, "ai") && f.tickers.contains(&"NVDA")
            }),
            false,
        ),
        (
            "alpha OR beta".into(),
            Box::new(|f| !f.trashed && (f.words.contains(&"alpha") || f.words.contains(&"beta"))),
            false,
        ),
        ("is:trash common".into(), Box::new(|f| f.trashed && f.words.contains(&"common")), false),
        // Fewer than FEW_MATCHES: ranked by relevance, within the range.
        (
            format!("alpha after:{from} before:{to}"),
            Box::new(move |f| !f.trashed && f.words.contains(&"alpha") && in_range(f)),
            false,
        ),
        (
            format!("beta -after:{from}"),
            Box::new(|f| !f.trashed && f.words.contains(&"beta") && day(f.updated) < from),
            false,
        ),
        // More than FEW_MATCHES notes say "common": with a ticker or tag the feed is read newest
        // first; prefixes are spelled out as the words they complete to.
        (
            "common $NVDA".into(),
            Box::new(|f| !f.trashed && f.words.contains(&"common") && f.tickers.contains(&"NVDA")),
            true,
        ),
        ("comm*".into(), Box::new(|f| !f.trashed && f.words.contains(&"common")), false),
        (
            "alph* OR bet*".into(),
            Box::new(|f| !f.trashed && (f.words.contains(&"alpha") || f.words.contains(&"beta"))),
            false,
        ),
        (
            format!("$NVDA comm* #ai after:{from} before:{to}"),
            Box::new(move |f| {
                !f.trashed
                    && f.words.contains(&"common")
                    && tagged(f, "ai")
                    && f.tickers.contains(&"NVDA")
                    && in_range(f)
            }),
            true,
        ),
        ("zzz*".into(), Box::new(|_| false), false),
    ];
    for (text, holds, newest_first) in cases {
        let query = parse(&text).unwrap();
        let ids = store.search_ids(&query).unwrap();
        let mut expected: Vec<&Fact> = facts.iter().filter(|f| holds(f)).collect();
        expected.sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
        let expected: Vec<i64> = expected.iter().map(|f| f.id).collect();
        let first = store.page(&query, None, 50).unwrap();
        assert!(!newest_first || first.order == SearchOrder::Newest, "{text}: listed newest first");
        if first.order == SearchOrder::Newest {
            assert_eq!(ids, expected, "{text}: newest first by last update");
        } else {
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            let mut want = expected.clone();
            want.sort_unstable();
            assert_eq!(sorted, want, "{text}: the same notes");
        }
        assert_eq!(store.count(&query).unwrap() as usize, expected.len(), "{text}: count");
        assert_eq!(
            store.count_until(&query, |_| true).unwrap(),
            Total::Exact(expected.len() as u64),
            "{text}: count_until"
        );
        if let Some(known) = store.known_total(&query).unwrap() {
            assert_eq!(known as usize, expected.len(), "{text}: kept total");
        }
        assert_eq!(
            first.results.iter().map(|r| r.id).collect::<Vec<_>>(),
            ids[..ids.len().min(50)],
            "{text}: first page"
        );
        assert_eq!(pages_of(&store, &query, 97), ids, "{text}: every page by cursor");
        let page = store.search(&query, 20, 30).unwrap();
        assert_eq!(
            page.results.iter().map(|r| r.id).collect::<Vec<_>>(),
            ids.iter().skip(30).take(20).copied().collect::<Vec<_>>(),
            "{text}: a later page"
        );
    }
}

/// Every result, read page by page (each continuing after the last by its cursor).
fn pages_of(store: &Store, query: &jevons::query::Query, size: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.page(query, cursor.as_ref(), size).unwrap();
        assert!(page.results.len() <= size);
        ids.extend(page.results.iter().map(|r| r.id));
        match page.next {
            Some(next) => cursor = Some(next),
            None => return ids,
        }
    }
}

/// A word in most notes is listed by walking the notes newest first (by last update, which here
/// runs against creation order), and a long count can stop early with a lower bound.
#[test]
fn a_word_in_most_notes_is_listed_by_last_update_and_counted_on_demand() {
    use jevons::model::{NoteDraft, Timestamp};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("many.db")).unwrap();
    let mut batch = store.batch().unwrap();
    let mut facts = Vec::new();
    for i in 0..24_000i64 {
        let updated = 1_700_000_000_000 + ((i * 7_919) % 24_000) * 60_000;
        let body = if i % 12 == 0 { "rare words here" } else { "a common word" };
        let id = batch
            .create_note(&NoteDraft {
                title: format!("note {i}"),
                body: body.into(),
                created_at: Some(Timestamp::from_millis(1_600_000_000_000 + i)),
                updated_at: Some(Timestamp::from_millis(updated)),
                ..NoteDraft::default()
            })
            .unwrap();
        if i % 12 != 0 {
            facts.push((updated, id));
        }
    }
    batch.commit().unwrap();
    facts.sort_by(|a, b| b.cmp(a));
    let newest: Vec<i64> = facts.iter().map(|(_, id)| *id).collect();
    let query = parse("common").unwrap();
    let first = store.page(&query, None, 50).unwrap();
    assert_eq!(first.order, SearchOrder::Newest);
    assert_eq!(first.results.iter().map(|r| r.id).collect::<Vec<_>>(), newest[..50]);
    let second = store.page(&query, first.next.as_ref(), 50).unwrap();
    assert_eq!(second.results.iter().map(|r| r.id).collect::<Vec<_>>(), newest[50..100], "keyset page");
    assert_eq!(store.known_total(&query).unwrap(), Some(newest.len() as u64), "from the vocabulary");
    let prefix = parse("comm*").unwrap();
    assert_eq!(store.known_total(&prefix).unwrap(), None, "a prefix is counted");
    let stopped = store.count_until(&prefix, |_| false).unwrap();
    assert!(matches!(stopped, Total::AtLeast(n) if n > 0 && n < newest.len() as u64), "{stopped:?}");
    assert_eq!(store.count_until(&prefix, |_| true).unwrap(), Total::Exact(newest.len() as u64));
    // Stopped from outside (here by its own progress call, as a newer search would from the
    // app's thread), the count fails as interrupted, and the store answers the next search.
    let stop = store.interrupt_handle();
    let interrupted = store.count_until(&prefix, |_| {
        stop.interrupt();
        true
    });
    assert!(matches!(interrupted, Err(StoreError::Interrupted)), "{interrupted:?}");
    assert_eq!(store.page(&query, None, 50).unwrap(), first);
}

/// A prefix's completions are remembered per connection until the full-text index changes: a
/// word written by any connection is found by the next search.
#[test]
fn prefix_completions_see_words_written_by_any_connection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prefixes.db");
    let mut writer = Store::open(&path).unwrap();
    writer.create_note(&draft("Zebra one", "zebrafish studies", &[], &[], "2025-01-01T00:00:00Z")).unwrap();
    let reader = Store::open(&path).unwrap();
    let found = |store: &Store| {
        let page = store.page(&parse("zebra*").unwrap(), None, 50).unwrap();
        let mut titles: Vec<String> = page.results.into_iter().map(|r| r.title).collect();
        titles.sort();
        titles
    };
    assert_eq!(found(&reader), ["Zebra one"]);
    writer.create_note(&draft("Zebra two", "zebrawood desks", &[], &[], "2025-01-02T00:00:00Z")).unwrap();
    assert_eq!(found(&reader), ["Zebra one", "Zebra two"], "a word written by another connection");
    writer.create_note(&draft("Zebra three", "zebras running", &[], &[], "2025-01-03T00:00:00Z")).unwrap();
    assert_eq!(found(&writer), ["Zebra one", "Zebra three", "Zebra two"], "a word written by this connection");
}
