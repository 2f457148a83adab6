//! The words a view's sentence points with: nouns standing for the company talked about (`the
//! company`, `a empresa`), for its shares (`papéis do Bradesco`) or for a firm named before (`o
//! banco`), and the measure of a comparison (`pior que a do Bradesco`), which is not rated.

use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;

/// `…o que deixaria a rentabilidade pior que a do Bradesco`, `a better margin than Intel's`:
/// a company named as the measure of a comparison is not what the view is about.
pub(super) fn compared(own: &[Token], m: &Mention) -> bool {
    let k = own.partition_point(|w| w.start < m.span.start);
    let before = &own[k.saturating_sub(4)..k];
    before.iter().enumerate().any(|(j, w)| {
        w.key == "than"
            || (w.key == "que"
                && j > 0
                && matches!(
                    &*before[j - 1].key,
                    "pior" | "melhor" | "maior" | "menor" | "mais" | "menos" | "superior" | "inferior"
                ))
    })
}

/// Nouns for a company's shares (`papéis do Bradesco`, `shares of Citi`).
pub(super) fn is_share_noun(key: &str) -> bool {
    matches!(key, "papeis" | "papel" | "acoes" | "acao" | "shares" | "stock" | "units" | "ativos")
}

/// Words that stand for the company a text is about (`the company`, `a empresa`, `o papel`,
/// `the tech giant`, `the restaurant operator`).
pub(super) fn is_company_noun(key: &str) -> bool {
    matches!(
        key,
        "company"
            | "stock"
            | "shares"
            | "empresa"
            | "companhia"
            | "papel"
            | "acao"
            | "acoes"
            | "giant"
            | "operator"
            | "maker"
            | "chipmaker"
            | "retailer"
            | "lender"
            | "gigante"
    )
}

/// Words that stand for a firm named before (`o banco`, `the brokerage`).
pub(super) fn is_firm_noun(key: &str) -> bool {
    matches!(key, "banco" | "instituicao" | "corretora" | "bank" | "firm" | "broker" | "brokerage")
}
