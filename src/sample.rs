//! The sample research a new database starts with: three short notes on the DeepSeek R1 /
//! NVIDIA episode of January 2025 (one in Portuguese), with claims, stances and sources, so a
//! newcomer sees what Jevons is for. Written through the public store API.

use chrono::NaiveDate;

use crate::model::{ClaimDraft, ClaimTicker, NoteDraft, SourceDraft, SourceKind, SourceUrl, Stance, Symbol, TagName};
use crate::store::{Store, StoreError};

/// What [`add`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SampleOutcome {
    pub added: usize,
    pub restored: usize,
    pub present: usize,
}

struct SampleSource {
    url: &'static str,
    title: &'static str,
    publisher: &'static str,
    author: Option<&'static str>,
    published: &'static str,
    kind: SourceKind,
}

const ARXIV_V3: SampleSource = SampleSource {
    url: "https://arxiv.org/abs/2412.19437",
    title: "DeepSeek-V3 Technical Report",
    publisher: "arXiv",
    author: Some("DeepSeek-AI"),
    published: "2024-12-27",
    kind: SourceKind::Filing,
};
const SHERWOOD_GPUS: SampleSource = SampleSource {
    url: "https://www.sherwood.news/tech/the-trillion-dollar-mystery-surrounding-deepseeks-nvidia-gpus",
    title: "The trillion-dollar mystery surrounding DeepSeek's Nvidia GPUs",
    publisher: "Sherwood News",
    author: None,
    published: "2025-01-29",
    kind: SourceKind::Article,
};
const SHERWOOD_MARKETS: SampleSource = SampleSource {
    url: "https://sherwood.news/markets/deepseek-ai-is-next-years-nightmare-for-nvidia-today",
    title: "DeepSeek AI is next year's nightmare for Nvidia, today",
    publisher: "Sherwood News",
    author: Some("Luke Kawa"),
    published: "2025-01-27",
    kind: SourceKind::Article,
};
const FORTUNEFWD: SampleSource = SampleSource {
    url: "https://fortunefwd.com/deepseeks-surge-unsettling-ai-stocks-and-shifting-market-dynamics",
    title: "DeepSeek's surge unsettling AI stocks and shifting market dynamics",
    publisher: "FortuneFwd",
    author: None,
    published: "2025-01-28",
    kind: SourceKind::Article,
};
const FINTECHNEWS: SampleSource = SampleSource {
    url: "https://fintechnews.site/nvidia-rout-sparks-tech-sell-off-but-analysts-say-panic-may-be-overblown",
    title: "Nvidia rout sparks tech sell-off, but analysts say panic may be overblown",
    publisher: "Fintech News",
    author: None,
    published: "2025-01-27",
    kind: SourceKind::Article,
};
const INVESTING: SampleSource = SampleSource {
    url: "https://investing.com/analysis/deepseek-and-the-jevons-paradox-what-it-means-for-ai-infra-spending-efficiency-200656914",
    title: "DeepSeek and the Jevons Paradox: What It Means for AI Infra Spending, Efficiency",
    publisher: "Investing.com",
    author: None,
    published: "2025-02-03",
    kind: SourceKind::Article,
};

struct SampleClaim {
    text: &'static str,
    value: Option<f64>,
    unit: Option<&'static str>,
    currency: Option<&'static str>,
    as_of: &'static str,
    claimant: Option<&'static str>,
    tickers: &'static [(&'static str, Option<Stance>)],
    sources: &'static [(&'static SampleSource, Option<&'static str>)],
}

struct SampleNote {
    uid: &'static str,
    title: &'static str,
    body: &'static str,
    tags: &'static [&'static str],
    created: &'static str,
    claims: &'static [SampleClaim],
}

const NVDA_BEARISH: &[(&str, Option<Stance>)] = &[("NVDA", Some(Stance::Bearish))];
const NVDA_BULLISH: &[(&str, Option<Stance>)] = &[("NVDA", Some(Stance::Bullish))];
const NVDA_ONLY: &[(&str, Option<Stance>)] = &[("NVDA", None)];

const NOTES: &[SampleNote] = &[
    SampleNote {
        uid: "sample-deepseek-r1-cost",
        title: "DeepSeek R1: what the training-cost claim means for $NVDA",
        body: include_str!("../assets/sample/deepseek-r1-cost.md"),
        tags: &["ai/training", "semis"],
        created: "2025-01-27T09:30:00Z",
        claims: &[
            SampleClaim {
                text: "Training DeepSeek-V3, the base of R1, cost about US$5.6M of rented GPU time",
                value: Some(5_576_000.0),
                unit: None,
                currency: Some("USD"),
                as_of: "2024-12",
                claimant: Some("DeepSeek"),
                tickers: NVDA_BEARISH,
                sources: &[(&ARXIV_V3, None)],
            },
            SampleClaim {
                text: "R1 cost about US$6M to train, roughly 1/50 of comparable US models",
                value: Some(6_000_000.0),
                unit: None,
                currency: Some("USD"),
                as_of: "2025-01",
                claimant: Some("DeepSeek"),
                tickers: NVDA_BEARISH,
                sources: &[(&SHERWOOD_GPUS, None)],
            },
            SampleClaim {
                text: "The model was trained on a cluster of about 2,000 H800 GPUs",
                value: Some(2_048.0),
                unit: Some("GPUs"),
                currency: None,
                as_of: "2024-12",
                claimant: Some("DeepSeek"),
                tickers: NVDA_ONLY,
                sources: &[(
                    &SHERWOOD_GPUS,
                    Some(
                        "train their powerful, efficient model over 2.78 million GPU hours of computing time on a cluster of only 2,048 Nvidia H800 GPUs",
                    ),
                )],
            },
            SampleClaim {
                text: "FP8 training cuts the memory each value needs by about 75% against FP32",
                value: Some(75.0),
                unit: Some("%"),
                currency: None,
                as_of: "2024-12",
                claimant: Some("DeepSeek"),
                tickers: NVDA_ONLY,
                sources: &[(&ARXIV_V3, None)],
            },
        ],
    },
    SampleNote {
        uid: "sample-brokers-split",
        title: "Brokers split on NVIDIA after the DeepSeek sell-off",
        body: include_str!("../assets/sample/brokers-split.md"),
        tags: &["brokers", "ai/inference"],
        created: "2025-01-28T14:00:00Z",
        claims: &[
            SampleClaim {
                text: "Buy NVDA on weakness: cheaper AI means more demand for compute (Jevons paradox)",
                value: None,
                unit: None,
                currency: None,
                as_of: "2025-01-28",
                claimant: Some("Cantor Fitzgerald"),
                tickers: NVDA_BULLISH,
                sources: &[(
                    &FORTUNEFWD,
                    Some(
                        "Analysts at Cantor Fitzgerald, however, suggest that the current market conditions could ultimately benefit Nvidia in the long run.",
                    ),
                )],
            },
            SampleClaim {
                text: "DeepSeek's efficiency puts the case for ever larger GPU clusters in doubt",
                value: None,
                unit: None,
                currency: None,
                as_of: "2025-01-27",
                claimant: Some("Raymond James"),
                tickers: NVDA_BEARISH,
                sources: &[(
                    &SHERWOOD_MARKETS,
                    Some(
                        "Whatever the real number, DeepSeek clearly doesn't have access to as much compute as US hyperscalers and somehow managed to develop a model that appears highly competitive",
                    ),
                )],
            },
            SampleClaim {
                text: "More efficient models will widen AI use, so demand for infrastructure holds up",
                value: None,
                unit: None,
                currency: None,
                as_of: "2025-01-27",
                claimant: Some("Futurum"),
                tickers: NVDA_BULLISH,
                sources: &[(
                    &FINTECHNEWS,
                    Some(
                        "suggesting that a more efficient model like DeepSeek will expand AI use via the Jevons Paradox",
                    ),
                )],
            },
        ],
    },
    SampleNote {
        uid: "sample-nvidia-perda-de-valor",
        title: "NVIDIA perde quase US$ 600 bilhões em valor de mercado num dia",
        body: include_str!("../assets/sample/nvidia-perda-de-valor.md"),
        tags: &["mercado", "ai"],
        created: "2025-01-29T11:15:00Z",
        claims: &[
            SampleClaim {
                text: "A NVIDIA perdeu US$ 589 bilhões em valor de mercado em 27 de janeiro de 2025",
                value: Some(589e9),
                unit: None,
                currency: Some("USD"),
                as_of: "2025-01-27",
                claimant: Some("imprensa"),
                tickers: NVDA_BEARISH,
                sources: &[(
                    &FINTECHNEWS,
                    Some("its stock plummeting 16.9% and erasing $589 billion from its market cap"),
                )],
            },
            SampleClaim {
                text: "Cerca de US$ 590 bilhões de valor de mercado apagados em um só dia",
                value: Some(590e9),
                unit: None,
                currency: Some("USD"),
                as_of: "2025-01-27",
                claimant: Some("Investing.com"),
                tickers: NVDA_BEARISH,
                sources: &[(
                    &INVESTING,
                    Some("$590 Billion Dollars of Nvidia Market Capitalization Erased in One Day"),
                )],
            },
            SampleClaim {
                text: "Quase US$ 600 bilhões a menos no valor de mercado da NVIDIA",
                value: Some(600e9),
                unit: None,
                currency: Some("USD"),
                as_of: "2025-01-27",
                claimant: Some("Investing.com"),
                tickers: NVDA_BEARISH,
                sources: &[(&INVESTING, Some("erased nearly $600 billion from Nvidia's market cap in a single day"))],
            },
            SampleClaim {
                text: "As ações da NVIDIA caíram 16,9% no dia",
                value: Some(16.9),
                unit: Some("%"),
                currency: None,
                as_of: "2025-01-27",
                claimant: None,
                tickers: NVDA_BEARISH,
                sources: &[(&FINTECHNEWS, None)],
            },
        ],
    },
];

/// Adds the sample notes that are missing and takes trashed ones out of the trash, in one
/// transaction. Sources and tickers are found by URL and symbol, so running it again duplicates
/// nothing.
pub fn add(store: &mut Store) -> Result<SampleOutcome, StoreError> {
    let mut outcome = SampleOutcome::default();
    let mut missing = Vec::new();
    for note in NOTES {
        match store.note_by_uid(note.uid)? {
            Some(id) if store.note(id)?.deleted_at.is_some() => {
                store.restore_note(id)?;
                outcome.restored += 1;
            }
            Some(_) => outcome.present += 1,
            None => missing.push(note),
        }
    }
    let mut batch = store.batch()?;
    for note in missing {
        let id = batch.create_note(&note_draft(note)?)?;
        for claim in note.claims {
            let mut sources = Vec::new();
            for (source, quote) in claim.sources {
                sources.push((batch.add_source(&source_draft(source)?)?, quote.map(str::to_owned)));
            }
            let tickers = claim
                .tickers
                .iter()
                .map(|(symbol, stance)| Ok(ClaimTicker { symbol: Symbol::parse(symbol)?, stance: *stance }))
                .collect::<Result<Vec<_>, crate::model::Invalid>>()?;
            let uid = crate::model::derived_uid("sample-claim", &[note.uid, claim.text]);
            batch.add_claim_as(
                &uid,
                ClaimDraft {
                    text: claim.text.to_owned(),
                    value: claim.value,
                    unit: claim.unit.map(str::to_owned),
                    currency: claim.currency.map(str::to_owned),
                    as_of: Some(claim.as_of.to_owned()),
                    claimant: claim.claimant.map(str::to_owned),
                    note_id: Some(id),
                    tickers,
                    sources,
                    ..ClaimDraft::default()
                },
            )?;
        }
        outcome.added += 1;
    }
    batch.commit()?;
    Ok(outcome)
}

fn note_draft(note: &SampleNote) -> Result<NoteDraft, crate::model::Invalid> {
    let created = crate::model::Timestamp::parse(note.created)?;
    Ok(NoteDraft {
        title: note.title.to_owned(),
        body: note.body.to_owned(),
        tags: note.tags.iter().map(|t| TagName::parse(t)).collect::<Result<_, _>>()?,
        tickers: Vec::new(),
        created_at: Some(created),
        updated_at: Some(created),
        uid: Some(note.uid.to_owned()),
    })
}

fn source_draft(source: &SampleSource) -> Result<SourceDraft, crate::model::Invalid> {
    Ok(SourceDraft {
        url: SourceUrl::parse(source.url)?,
        title: Some(source.title.to_owned()),
        publisher: Some(source.publisher.to_owned()),
        author: source.author.map(str::to_owned),
        published_at: NaiveDate::parse_from_str(source.published, "%Y-%m-%d").ok(),
        kind: source.kind,
    })
}
