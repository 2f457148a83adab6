//! A research service's own rank stated for a company, as its syndicated articles write it:
//! `JetBlue currently carries a Zacks Rank #5 (Strong Sell)`, `Zacks Rank #2 (Buy)-rated Target`.
//! Ranks #1 and #2 are buy ranks (bullish), #4 and #5 sell ranks (bearish), #3 a hold (no view).
//! The service holds the view; the company is the one named nearest before the rank in its
//! clause, else the first named after it.

use std::ops::Range;

use crate::extract::mentions::{Mention, is_broker};
use crate::extract::tokens::Token;
use crate::model::{Stance, Symbol};

/// The rank stated in a clause's words (`own`), if any: the service's name, the company and the
/// stance. `about` are the clause's company mentions, in text order.
pub(super) fn stated_rank(text: &str, own: &[Token], about: &[Mention]) -> Option<(Range<usize>, Symbol, Stance)> {
    let k = own.windows(2).position(|p| p[0].key == "zacks" && p[1].key == "rank")?;
    let (service, rank) = (&own[k], &own[k + 1]);
    let digit = text[rank.end..].trim_start().strip_prefix('#')?.chars().next()?;
    let stance = match digit {
        '1' | '2' => Stance::Bullish,
        '4' | '5' => Stance::Bearish,
        _ => return None,
    };
    let company = |m: &&Mention| !is_broker(&m.symbol) && !m.rates;
    let before = about.iter().filter(|m| m.span.end <= service.start).rfind(company);
    let after = || about.iter().filter(|m| m.span.start >= rank.end).find(company);
    let ticker = before.or_else(after)?.symbol.clone();
    Some((service.start..service.end, ticker, stance))
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};
    use crate::model::Stance;

    fn views(text: &str) -> Vec<(String, String, Stance)> {
        let found = analyse(text, &Lexicon::bundled()).views;
        found.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
    }

    #[test]
    fn a_services_rank_is_its_view() {
        let text = "Of the abovementioned stocks, JetBlue currently carries a Zacks Rank #5 (Strong Sell), while \
                    the other three carry a Zacks Rank #3 (Hold), presently.";
        assert_eq!(views(text), [("Zacks".to_owned(), "JBLU".to_owned(), Stance::Bearish)]);
        let text = "Target (TGT) beat estimates. Zacks Rank #2 (Buy)-rated Target posted $1.86 per share.";
        assert_eq!(views(text), [("Zacks".to_owned(), "TGT".to_owned(), Stance::Bullish)]);
        assert!(views("Nike carries a Zacks Rank #3 (Hold).").is_empty());
    }
}
