//! What the words right around a figure say of it: that it is a figure of the company's accounts
//! (`no lucro líquido de R$ 273,4 milhões`), whatever its sentence says of the economy, or an
//! index's level in points (`142.463 pontos`), or a share class's (`5,2% nas preferenciais`).

use super::index_cues::{names_a_rate, names_other_points};
use super::mentions::Mention;
use super::tokens::Token;

/// Whether the figure at bytes `at..end` is one of the company's accounts, named just after it
/// (`ajuste de R$ 115,4 milhões no resultado financeiro`) or just before (`impacto negativo no
/// lucro líquido de R$ 273,4 milhões`). `words_before` and `words_after` are its sentence's words
/// either side.
pub(super) fn in_accounts(text: &str, words_before: &[Token], words_after: &[Token], at: usize, end: usize) -> bool {
    let accounts = |p: &[Token]| {
        matches!(p, [of, noun] if matches!(&*of.key, "no" | "na" | "do" | "da")
            && matches!(&*noun.key, "resultado" | "lucro" | "ebitda" | "receita" | "balanco" | "caixa"))
    };
    let after = words_after.get(..2).filter(|p| !text[end..p[1].start].contains(','));
    let near = &words_before[words_before.len().saturating_sub(5)..];
    after.is_some_and(accounts)
        || near.last().is_some_and(|w| w.key == "de")
            && near.windows(2).any(accounts)
            && !text[near[0].start..at].contains(',')
}

/// Whether `figure` (its text) is an index level: `142.463 pontos`, `5,000 points` (not a rate's:
/// `a taxa recuou 4,9 pontos`, nor `240 pontos-base`, `3 pontos percentuais`).
pub(super) fn index_points(figure: &str, words_before: &[Token], words_after: &[Token]) -> bool {
    figure.ends_with(['s', 'S'])
        && matches!(figure.rsplit(' ').next(), Some("pontos" | "points" | "pts"))
        && !words_after.first().is_some_and(|n| names_other_points(&n.key))
        && !names_a_rate(&words_before[words_before.len().saturating_sub(8)..])
}

/// The share class named just after the figure ending at byte `end`, among `own` (its sentence's
/// companies, in text order): `de 6,09% nas ordinárias e de 5,2% nas preferenciais`, `2,07% nas
/// ações ordinárias` (past the share word).
pub(super) fn class_after<'m>(text: &str, own: &[&'m Mention], end: usize) -> Option<&'m Mention> {
    let next = own.get(own.partition_point(|m| m.span.start < end))?;
    let gap = text[end..next.span.start].trim();
    let gap = gap.strip_suffix(" ações").or_else(|| gap.strip_suffix(" papéis")).unwrap_or(gap);
    (matches!(gap, "nas" | "nos" | "na" | "no") && text[next.span.clone()].starts_with(|c: char| c.is_lowercase()))
        .then_some(*next)
}
