//! The word lists the stance reader weighs: verbs of a raise, a cut or a kept rating, rating
//! nouns and words, plain bullish and bearish words, targets, picks and revisions (folded keys).

/// Verbs and nouns of a raise (`raised`, `elevou`, `aumento`).
#[rustfmt::skip]
pub(super) const RAISE: &[&str] = &[
    "raised", "raises", "raise", "boosted", "boosts", "increased", "increases", "lifted", "lifts", "pumped", "hiked", "hikes",
    "elevou", "eleva", "elevando", "aumentou", "elevado", "elevada", "elevacao", "aumento", "bumped", "bumps",
    "elevaram", "aumentaram", "raising", "boosting", "lifting", "elevar", "aumentar", "elevados", "elevadas", "elevated", "elevates",
    "aumentado", "aumentada", "aumentados", "aumentadas", "upped", "ups", "elevamos", "aumentamos", "doubled",
    "doubling", "dobrou", "melhorou", "melhoraram",
];

/// Verbs and nouns of a cut (`lowered`, `cortou`, `redução`).
#[rustfmt::skip]
pub(super) const CUT: &[&str] = &[
    "cut", "cuts", "lowered", "lowers", "reduced", "reduces", "trimmed", "slashed", "reduziu", "reduz", "cortou",
    "corta", "drop", "drops", "dropped", "decreased", "decreases", "slashes", "trims", "ajustou", "cortando",
    "halved", "halving", "rebaixou", "rebaixa", "rebaixaram", "lowering", "cutting", "reducing", "halves",
    "reduzindo", "corte", "reducao", "cortado", "cortada", "reduzido", "reduzida", "reduziram", "cortaram",
    "diminuiu", "diminuiram", "baixaram", "baixou", "cortar", "reduzir", "rebaixar", "cortados", "cortadas",
    "reduzidos", "reduzidas", "reduzimos", "cortamos", "diminuimos",
];

/// Verbs that keep, start or state a rating (`maintained`, `reiterou`, `initiated`).
#[rustfmt::skip]
pub(super) const KEEP: &[&str] = &[
    "maintained", "maintains", "maintain", "maintaining", "reiterated", "reiterates", "reiterate", "reiterating",
    "kept", "keeps", "initiated", "initiates", "rates", "rated", "rate", "assigned", "manteve", "mantem",
    "mantendo", "mantinha", "reiterou", "reitera", "reiterando", "iniciou", "inicia", "atribuiu", "permaneca",
    "permanece", "recomendando", "recommending", "mantida", "mantido", "mantidas", "mantidos", "reiterada",
    "reiterado", "mantiveram", "reiteraram", "mantinham", "recomendado", "recomendada", "recommended",
    "recomenda", "recomendam", "recomendou", "recomendaram", "recommends", "recommend", "reiterar", "manter",
    "reafirmou", "reafirma", "reafirmar", "mantemos", "reiteramos", "iniciamos",
];

/// Nouns for a rating (`rating`, `recomendação`).
#[rustfmt::skip]
pub(super) const RATING_NOUNS: &[&str] = &[
    "rating", "recommendation", "recomendacao", "classificacao", "advice", "recomendacoes", "recommendations",
    "ratings",
];

/// Plain bullish words (`buy`, `otimista`, `upside`).
#[rustfmt::skip]
pub(super) const BULLISH: &[&str] = &[
    "buy", "buying", "bullish", "upgrade", "upgraded", "upgrades", "outperform", "overweight", "opportunity",
    "compra", "comprar", "otimista", "otimistas", "otimismo", "optimistic", "optimism", "elevou", "eleva", "upside",
    "benefit", "beneficiar", "oportunidade", "upbeat", "favorable", "favoravel", "positive", "positiva", "positivo",
    "valorizacao", "favorita", "favorito", "favoritas", "favoritos", "preferida", "preferido", "preferidas",
    "preferidos", "favorite",
    "favourite", "beneficiada", "beneficiadas", "beneficiado", "beneficiados", "oversold", "undervalued",
    "subestimada", "subestimadas", "subestimado", "subestimados", "subvalorizada", "subvalorizadas",
    "subvalorizado", "subvalorizados", "constructive", "construtiva", "construtivo", "construtivas",
    "construtivos", "atrativa", "atrativas", "atrativo", "atrativos", "attractive",
];

/// Plain bearish words (`sell`, `preocupação`, `worried`).
#[rustfmt::skip]
pub(super) const BEARISH: &[&str] = &[
    "sell", "bearish", "downgrade", "downgraded", "downgrades", "underperform", "underweight", "concern",
    "concerns", "concerned", "venda", "vender", "pessimista", "pessimistas", "pessimismo", "pessimistic",
    "rebaixou", "rebaixa", "preocupacao", "preocupacoes", "preocupados", "preocupado", "downside", "threat",
    "ameaca", "worried", "worries", "worry", "cautious", "caution", "cautela", "cauteloso", "cautelosos",
    "cautelosa", "cautelosas", "skeptical", "cetico", "ceticos", "cetica", "ceticas", "cautioned", "cautions",
    "warned", "warns", "overbought", "overvalued", "sobrevalorizada", "sobrevalorizadas", "sobrevalorizado",
    "sobrevalorizados", "advertiu",
    "preocupante", "preocupantes", "worrying", "worrisome", "descontentamento", "insatisfacao", "discontent",
    "dissatisfaction",
];

/// Ratings that are bullish (`buy`, `outperform`, `compra`).
#[rustfmt::skip]
pub(super) const RATING_BULLISH: &[&str] = &[
    "buy", "outperform", "overweight", "compra", "accumulate", "strong",
];

/// Ratings that are bearish (`sell`, `underweight`, `venda`).
#[rustfmt::skip]
pub(super) const RATING_BEARISH: &[&str] = &[
    "sell", "underperform", "underweight", "venda", "reduce",
];

/// Ratings that are neutral (`hold`, `equal weight`, `neutro`): no view.
#[rustfmt::skip]
pub(super) const RATING_NEUTRAL: &[&str] = &[
    "neutral", "neutra", "neutro", "hold", "equal", "equalweight", "perform", "manutencao", "market", "sector",
    "peer", "marketperform", "sectorperform", "peerperform",
];

/// An upgrade (`upgraded`, `elevou`).
#[rustfmt::skip]
pub(super) const UPGRADE: &[&str] = &[
    "upgraded", "upgrades", "upgrade", "upgrading", "elevou",
];

/// A downgrade (`downgraded`, `rebaixou`, `rebaixamento`).
#[rustfmt::skip]
pub(super) const DOWNGRADE: &[&str] = &[
    "downgraded", "downgrades", "downgrade", "downgrading", "rebaixamento", "rebaixou", "rebaixa", "rebaixam",
    "rebaixada", "rebaixado", "rebaixadas", "rebaixados", "rebaixaram", "rebaixar", "rebaixando", "rebaixamos",
];

/// A price target (`target`, `alvo`).
#[rustfmt::skip]
pub(super) const TARGET: &[&str] = &[
    "target", "targets", "alvo", "alvos",
];

/// A pick (`top picks`, `nossa escolha`, `principal aposta`).
#[rustfmt::skip]
pub(super) const PICK: &[&str] = &[
    "pick", "picks", "escolha", "escolhas", "aposta", "apostas", "bet", "bets", "preferencia", "preference",
    "idea", "ideas", "ideia", "ideias",
];

/// A neutral view (`neutral analysis`, `postura neutra`).
#[rustfmt::skip]
pub(super) const NEUTRAL: &[&str] = &[
    "neutral", "neutra", "neutro",
];

/// A revision, whose direction follows (`revisou para cima`, `revised down`).
#[rustfmt::skip]
pub(super) const REVISION: &[&str] = &[
    "revisou", "revisaram", "revisa", "revised", "revises",
];
