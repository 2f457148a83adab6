//! The claim form's state and its checks: what the user typed, field by field, and whether it
//! makes a valid claim (and source); the links it makes to other claims. Nothing is saved until
//! every field is valid; each invalid field says why, next to it. A form can start empty, from a
//! stored claim, or from a suggestion read out of the note's text.

use crate::extract::ClaimSuggestion;
use crate::model::{
    Claim, ClaimDraft, ClaimLinkKind, ClaimLinkRef, ClaimTicker, NoteId, Source, SourceDraft, SourceKind, SourceUrl,
    Stance, Status, Symbol, TickerLink, parse_as_of, parse_currency, parse_date, parse_value,
};
use crate::ui::note::analysis::DateAnchor;

/// Where the claim's evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcePick {
    None,
    Existing(i64),
    New,
}

/// A ticker row of the form: the symbol as typed and the claim's stance on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickerRow {
    pub symbol: String,
    pub stance: Option<Stance>,
}

/// A new source typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewSource {
    pub url: String,
    pub title: String,
    pub publisher: String,
    pub author: String,
    pub published: String,
    pub kind: SourceKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimForm {
    /// The claim being edited; `None` for a new one.
    pub editing: Option<i64>,
    pub note: NoteId,
    pub text: String,
    pub value: String,
    pub unit: String,
    pub currency: String,
    pub as_of: String,
    /// An as-of date inferred from a relative date in the text (`on Monday`), and how: shown
    /// beside the field while it holds that date.
    pub as_of_inferred: Option<(String, String)>,
    pub claimant: String,
    pub status: Status,
    pub tickers: Vec<TickerRow>,
    pub ticker_input: String,
    pub source: SourcePick,
    pub new_source: NewSource,
    pub quote: String,
    /// The page of the source's document the quote is on, as typed (1 is the first).
    pub page: String,
    /// Sources beyond the first, when editing a claim that cites several (kept as they are).
    pub other_sources: Vec<(i64, Option<String>)>,
    /// Links this claim makes to other claims (saved with it).
    pub links: Vec<ClaimLinkRef>,
    /// Links other claims make to this one (shown; edited from the other claim).
    pub incoming: Vec<ClaimLinkRef>,
    /// The link being added: its kind and the claim it points to.
    pub link_kind: ClaimLinkKind,
    pub link_target: Option<i64>,
    /// Claims this one may link to: the note's own, and the newest on its tickers.
    pub candidates: Vec<Claim>,
    /// The tickers the candidates were last asked for.
    pub candidates_for: Option<Vec<Symbol>>,
    /// Set once the user tried to save: from then on, empty required fields are flagged too.
    pub tried: bool,
    /// Why the last save failed, when the store refused it.
    pub store_error: Option<String>,
}

/// What is wrong with each field (none when the field is fine).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    pub text: Option<String>,
    pub value: Option<String>,
    pub currency: Option<String>,
    pub as_of: Option<String>,
    pub tickers: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub quote: Option<String>,
    pub page: Option<String>,
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A valid form: the claim to save and, when the user typed a new one, its source.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedClaim {
    pub draft: ClaimDraft,
    pub new_source: Option<SourceDraft>,
    /// The quote for the new source (existing sources carry theirs in the draft).
    pub quote: Option<String>,
    /// The page the quote is on, when one was typed.
    pub page: Option<u32>,
}

impl ClaimForm {
    /// An empty form for a new claim in `note`, naming the note's ticker when it has exactly one.
    pub fn new(note: NoteId, note_tickers: &[TickerLink]) -> Self {
        let tickers = match note_tickers {
            [only] => vec![TickerRow { symbol: only.symbol.to_string(), stance: None }],
            _ => Vec::new(),
        };
        Self {
            editing: None,
            note,
            text: String::new(),
            value: String::new(),
            unit: String::new(),
            currency: String::new(),
            as_of: String::new(),
            as_of_inferred: None,
            claimant: String::new(),
            status: Status::Unverified,
            tickers,
            ticker_input: String::new(),
            source: SourcePick::None,
            new_source: NewSource::default(),
            quote: String::new(),
            page: String::new(),
            other_sources: Vec::new(),
            links: Vec::new(),
            incoming: Vec::new(),
            link_kind: ClaimLinkKind::Supports,
            link_target: None,
            candidates: Vec::new(),
            candidates_for: None,
            tried: false,
            store_error: None,
        }
    }

    /// A form prefilled from a suggestion read out of the note's text: value, unit, currency,
    /// as-of date (said to be inferred when it was read from `on Monday` against `anchor`),
    /// tickers with the stance, claimant, and the sentence as the quote. The quote needs a
    /// source: the note's only source is picked when it has exactly one.
    pub fn from_suggestion(
        note: NoteId,
        suggestion: &ClaimSuggestion,
        note_sources: &[Source],
        anchor: Option<&DateAnchor>,
    ) -> Self {
        let mut form = Self::new(note, &[]);
        let draft = suggestion.to_draft();
        form.text = draft.text;
        form.value = draft.value.map(plain_number).unwrap_or_default();
        form.unit = draft.unit.unwrap_or_default();
        form.currency = draft.currency.unwrap_or_default();
        form.as_of = draft.as_of.unwrap_or_default();
        if let (Some(words), Some(anchor)) = (&suggestion.as_of_from, anchor) {
            form.as_of_inferred = Some((form.as_of.clone(), anchor.explain(words)));
        }
        form.claimant = draft.claimant.unwrap_or_default();
        form.tickers =
            draft.tickers.iter().map(|t| TickerRow { symbol: t.symbol.to_string(), stance: t.stance }).collect();
        form.quote = suggestion.quote.split_whitespace().collect::<Vec<_>>().join(" ");
        if let [only] = note_sources {
            form.source = SourcePick::Existing(only.id);
        }
        form
    }

    /// The valid symbols of the ticker rows (what link candidates are asked for).
    pub fn symbols(&self) -> Vec<Symbol> {
        let mut symbols: Vec<Symbol> = self.tickers.iter().filter_map(|t| Symbol::parse(&t.symbol).ok()).collect();
        symbols.sort();
        symbols.dedup();
        symbols
    }

    /// Claims that may be linked to: every candidate but this claim and those linked already.
    pub fn linkable(&self) -> impl Iterator<Item = &Claim> {
        self.candidates.iter().filter(|c| Some(c.id) != self.editing && !self.links.iter().any(|l| l.claim_id == c.id))
    }

    /// Adds candidates (the newest claims on the form's tickers) to those offered.
    pub fn add_candidates(&mut self, claims: Vec<Claim>) {
        for claim in claims {
            if !self.candidates.iter().any(|c| c.id == claim.id) {
                self.candidates.push(claim);
            }
        }
    }

    /// Adds the link being edited (kind and target) to the claim's links.
    pub fn add_link(&mut self) {
        let Some(target) = self.link_target.take() else { return };
        let Some(claim) = self.candidates.iter().find(|c| c.id == target) else { return };
        self.links.retain(|l| l.claim_id != target);
        self.links.push(ClaimLinkRef {
            claim_id: target,
            kind: self.link_kind,
            outgoing: true,
            text: claim.text.clone(),
        });
    }

    /// The links to save: (other claim, kind) for each link this claim makes.
    pub fn outgoing(&self) -> Vec<(i64, ClaimLinkKind)> {
        self.links.iter().map(|l| (l.claim_id, l.kind)).collect()
    }

    /// A form holding an existing claim.
    pub fn edit(claim: &Claim, note: NoteId) -> Self {
        let mut form = Self::new(note, &[]);
        form.editing = Some(claim.id);
        form.text = claim.text.clone();
        form.value = claim.value.map(plain_number).unwrap_or_default();
        form.unit = claim.unit.clone().unwrap_or_default();
        form.currency = claim.currency.clone().unwrap_or_default();
        form.as_of = claim.as_of.clone().unwrap_or_default();
        form.claimant = claim.claimant.clone().unwrap_or_default();
        form.status = claim.status;
        form.tickers =
            claim.tickers.iter().map(|t| TickerRow { symbol: t.symbol.to_string(), stance: t.stance }).collect();
        if let Some((first, rest)) = claim.sources.split_first() {
            form.source = SourcePick::Existing(first.id);
            form.quote = first.quote.clone().unwrap_or_default();
            form.page = first.page.map(|p| p.to_string()).unwrap_or_default();
            form.other_sources = rest.iter().map(|s| (s.id, s.quote.clone())).collect();
        }
        (form.incoming, form.links) = claim.links.iter().cloned().partition(|l| !l.outgoing);
        form
    }

    /// Adds the typed ticker as a row (when it is a symbol and not there yet); returns whether
    /// it did.
    pub fn add_typed_ticker(&mut self) -> bool {
        let Ok(symbol) = Symbol::parse(&self.ticker_input) else { return false };
        if !self.tickers.iter().any(|t| Symbol::parse(&t.symbol).ok().as_ref() == Some(&symbol)) {
            self.tickers.push(TickerRow { symbol: symbol.to_string(), stance: None });
        }
        self.ticker_input.clear();
        true
    }

    /// Checks every field; the claim (and new source) when all are valid.
    pub fn check(&self) -> Result<CheckedClaim, Box<FieldErrors>> {
        let mut errors = FieldErrors::default();
        let optional = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let text = self.text.trim();
        if text.is_empty() && self.tried {
            errors.text = Some("a claim needs its text".to_owned());
        } else if text.is_empty() {
            errors.text = Some(String::new());
        }
        let value = match optional(&self.value).map(|v| parse_value(&v)).transpose() {
            Ok(v) => v,
            Err(e) => {
                errors.value = Some(e.0);
                None
            }
        };
        let currency = match optional(&self.currency).map(|c| parse_currency(&c)).transpose() {
            Ok(c) => c,
            Err(e) => {
                errors.currency = Some(e.0);
                None
            }
        };
        let as_of = match optional(&self.as_of).map(|d| parse_as_of(&d)).transpose() {
            Ok(d) => d,
            Err(e) => {
                errors.as_of = Some(e.0);
                None
            }
        };
        let mut tickers = Vec::new();
        let pending = optional(&self.ticker_input).map(|symbol| TickerRow { symbol, stance: None });
        for row in self.tickers.iter().chain(pending.as_ref()) {
            match Symbol::parse(&row.symbol) {
                Ok(symbol) => tickers.push(ClaimTicker { symbol, stance: row.stance }),
                Err(e) => errors.tickers = Some(e.0),
            }
        }
        let quote = optional(&self.quote);
        let page = match optional(&self.page) {
            None => None,
            Some(_) if quote.is_none() => {
                errors.page = Some("a page belongs to a quote: give the quote too".to_owned());
                None
            }
            Some(typed) => match typed.parse::<u32>() {
                Ok(page) if page > 0 => Some(page),
                _ => {
                    errors.page = Some(format!("{typed:?} is not a page number (1 is the first page)"));
                    None
                }
            },
        };
        let mut sources = Vec::new();
        let mut new_source = None;
        match self.source {
            SourcePick::None if quote.is_some() => {
                errors.quote = Some("a quote needs a source: pick one or add a new one".to_owned());
            }
            SourcePick::None => {}
            SourcePick::Existing(id) => sources.push((id, quote.clone())),
            SourcePick::New => {
                let published = match optional(&self.new_source.published).map(|d| parse_date(&d)).transpose() {
                    Ok(d) => d,
                    Err(e) => {
                        errors.published = Some(e.0);
                        None
                    }
                };
                match SourceUrl::parse(&self.new_source.url) {
                    Ok(url) => {
                        new_source = Some(SourceDraft {
                            url,
                            title: optional(&self.new_source.title),
                            publisher: optional(&self.new_source.publisher),
                            author: optional(&self.new_source.author),
                            published_at: published,
                            kind: self.new_source.kind,
                        });
                    }
                    Err(e) if self.new_source.url.trim().is_empty() && !self.tried => {
                        let _ = e;
                        errors.url = Some(String::new());
                    }
                    Err(e) => errors.url = Some(e.0),
                }
            }
        }
        sources.extend(self.other_sources.iter().cloned());
        if !errors.is_empty() {
            return Err(Box::new(errors));
        }
        let draft = ClaimDraft {
            text: text.to_owned(),
            value,
            unit: optional(&self.unit),
            currency,
            as_of,
            claimant: optional(&self.claimant),
            status: self.status,
            note_id: Some(self.note),
            tickers,
            sources,
        };
        match draft.clone().validate() {
            Ok(draft) => Ok(CheckedClaim { draft, new_source, quote, page }),
            Err(e) => Err(Box::new(FieldErrors { text: Some(e.0), ..FieldErrors::default() })),
        }
    }
}

/// A value as a plain number for editing: `6000000`, `16.9`.
fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{value:.0}") } else { value.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ClaimForm {
        let mut form = ClaimForm::new(1, &[]);
        form.text = "R1 cost about US$6M to train".into();
        form.value = "6M".into();
        form.currency = "USD".into();
        form.as_of = "2025-01".into();
        form.claimant = "DeepSeek".into();
        form.tickers = vec![TickerRow { symbol: "nvda".into(), stance: Some(Stance::Bearish) }];
        form.source = SourcePick::New;
        form.new_source.url = "https://arxiv.org/abs/2412.19437".into();
        form.new_source.published = "2024-12-27".into();
        form.quote = "about US$5.6M".into();
        form
    }

    #[test]
    fn a_complete_form_makes_a_claim_and_its_source() {
        let checked = filled().check().expect("valid");
        assert_eq!(checked.draft.value, Some(6e6));
        assert_eq!(checked.draft.currency.as_deref(), Some("USD"));
        assert_eq!(checked.draft.tickers[0].symbol.as_str(), "NVDA");
        assert_eq!(checked.draft.tickers[0].stance, Some(Stance::Bearish));
        assert_eq!(checked.new_source.map(|s| s.url.host), Some("arxiv.org".to_owned()));
        assert_eq!(checked.quote.as_deref(), Some("about US$5.6M"));
    }

    #[test]
    fn each_invalid_field_says_why() {
        for (change, field) in [
            (Box::new(|f: &mut ClaimForm| f.value = "six million".into()) as Box<dyn Fn(&mut ClaimForm)>, "value"),
            (Box::new(|f: &mut ClaimForm| f.value = "1,5".into()), "value"),
            (Box::new(|f: &mut ClaimForm| f.as_of = "2025-13-01".into()), "as_of"),
            (Box::new(|f: &mut ClaimForm| f.as_of = "27/01/2025".into()), "as_of"),
            (Box::new(|f: &mut ClaimForm| f.currency = "dollars".into()), "currency"),
            (Box::new(|f: &mut ClaimForm| f.new_source.url = "javascript:alert(1)".into()), "url"),
            (Box::new(|f: &mut ClaimForm| f.new_source.url = "file:///etc/passwd".into()), "url"),
            (Box::new(|f: &mut ClaimForm| f.new_source.published = "yesterday".into()), "published"),
            (Box::new(|f: &mut ClaimForm| f.tickers[0].symbol = "NV DA".into()), "tickers"),
        ] {
            let mut form = filled();
            change(&mut form);
            let errors = form.check().expect_err(field);
            let message = match field {
                "value" => errors.value,
                "as_of" => errors.as_of,
                "currency" => errors.currency,
                "url" => errors.url,
                "published" => errors.published,
                _ => errors.tickers,
            };
            assert!(message.is_some_and(|m| !m.is_empty()), "{field}");
        }
    }

    #[test]
    fn an_empty_form_is_not_saved_and_blames_the_text_once_tried() {
        let mut form = ClaimForm::new(1, &[]);
        assert_eq!(form.check().expect_err("empty").text.as_deref(), Some(""));
        form.tried = true;
        assert!(form.check().expect_err("empty").text.is_some_and(|m| m.contains("text")));
    }

    #[test]
    fn a_suggestion_prefills_the_form_with_the_sentence_as_quote() {
        let text = "On 2025-01-27 NVIDIA lost nearly US$ 589 billion of market value.";
        let lexicon = crate::extract::Lexicon::new([("NVDA", "NVIDIA CORP")]);
        let findings = crate::extract::analyse(text, &lexicon);
        let suggestion = &crate::extract::suggest_claims(text, &findings)[0];
        let source = Source {
            id: 4,
            url: "https://example.com/a".into(),
            title: None,
            publisher: None,
            author: None,
            published_at: None,
            accessed_at: None,
            kind: SourceKind::Article,
        };
        let form = ClaimForm::from_suggestion(1, suggestion, std::slice::from_ref(&source), None);
        assert_eq!(
            (form.value.as_str(), form.currency.as_str(), form.as_of.as_str()),
            ("589000000000", "USD", "2025-01-27")
        );
        assert_eq!(form.tickers, [TickerRow { symbol: "NVDA".into(), stance: None }]);
        assert_eq!(form.quote, text);
        assert_eq!(form.source, SourcePick::Existing(4), "the note's only source is picked");
        let checked = form.check().expect("a prefilled form is valid as it is");
        assert_eq!(checked.draft.value, Some(589e9));
        let without_source = ClaimForm::from_suggestion(1, suggestion, &[], None);
        assert!(without_source.check().expect_err("a quote needs a source").quote.is_some());
    }

    #[test]
    fn claim_it_fills_the_view_and_each_figure_with_its_own_ticker() {
        let lexicon = crate::extract::Lexicon::bundled();
        let form_for = |text: &str, pick: &dyn Fn(&ClaimSuggestion) -> bool| {
            let findings = crate::extract::analyse(text, &lexicon);
            let suggestions = crate::extract::suggest_claims(text, &findings);
            ClaimForm::from_suggestion(1, suggestions.iter().find(|s| pick(s)).expect("a suggestion"), &[], None)
        };
        let view = form_for("Cantor Fitzgerald defende a compra de ações da NVIDIA", &|_| true);
        assert_eq!(view.claimant, "Cantor Fitzgerald");
        assert_eq!(view.tickers, [TickerRow { symbol: "NVDA".into(), stance: Some(Stance::Bullish) }]);
        let text = "Broadcom crashed 17.4%, followed by Microsoft and Google parent Alphabet, which fell 2.1% and \
                    4.2%, respectively.";
        for (value, symbol) in [(2.1, "MSFT"), (4.2, "GOOGL")] {
            let form = form_for(text, &|s| s.value == Some(value));
            assert_eq!(form.tickers, [TickerRow { symbol: symbol.into(), stance: None }], "{value}%");
        }
    }

    #[test]
    fn a_relative_date_fills_the_as_of_date_and_says_it_was_inferred() {
        use crate::ui::note::analysis::{AnchorFrom, DateAnchor, analyse_note};
        let lexicon = crate::extract::Lexicon::bundled();
        let monday = |text: &str, anchor: DateAnchor| {
            let analysis = analyse_note(text, &lexicon, Some(anchor));
            let suggestion = analysis.suggestions.first().expect("a figure").clone();
            ClaimForm::from_suggestion(1, &suggestion, &[], analysis.anchor.as_ref())
        };
        let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let form = monday(
            "A Nvidia perdeu US$ 589 bilhões nesta segunda-feira (27).",
            DateAnchor { date: day("2025-01-28"), from: AnchorFrom::Source },
        );
        assert_eq!(form.as_of, "2025-01-27");
        let (date, hint) = form.as_of_inferred.expect("said to be inferred");
        assert_eq!(date, "2025-01-27");
        assert_eq!(hint, "inferred from “segunda-feira (27)” and the source's publication date (2025-01-28)");
        let form = monday(
            "Nvidia lost $589 billion on Monday.",
            DateAnchor { date: day("2025-01-29"), from: AnchorFrom::Note },
        );
        assert_eq!(form.as_of, "2025-01-27");
        assert!(form.as_of_inferred.is_some_and(|(_, h)| h.starts_with("inferred from “Monday” and the note's date")));
        let written = monday(
            "On 2025-01-27 Nvidia lost $589 billion.",
            DateAnchor { date: day("2025-01-29"), from: AnchorFrom::Note },
        );
        assert_eq!((written.as_of.as_str(), written.as_of_inferred), ("2025-01-27", None), "a written date is not");
    }

    #[test]
    fn links_are_kept_apart_by_direction_and_added_once() {
        let other = |id: i64| Claim {
            id,
            text: format!("claim {id}"),
            value: None,
            unit: None,
            currency: None,
            as_of: None,
            claimant: None,
            status: Status::Unverified,
            note_id: Some(1),
            tickers: Vec::new(),
            sources: Vec::new(),
            links: Vec::new(),
            created_at: crate::model::Timestamp::from_millis(0),
            updated_at: crate::model::Timestamp::from_millis(0),
        };
        let mut stored = other(7);
        stored.links = vec![
            ClaimLinkRef { claim_id: 8, kind: ClaimLinkKind::Contradicts, outgoing: true, text: "claim 8".into() },
            ClaimLinkRef { claim_id: 9, kind: ClaimLinkKind::Supports, outgoing: false, text: "claim 9".into() },
        ];
        let mut form = ClaimForm::edit(&stored, 1);
        assert_eq!(form.outgoing(), [(8, ClaimLinkKind::Contradicts)]);
        assert_eq!(form.incoming.len(), 1);
        form.add_candidates(vec![other(7), other(8), other(10)]);
        form.add_candidates(vec![other(10)]);
        let offered: Vec<i64> = form.linkable().map(|c| c.id).collect();
        assert_eq!(offered, [10], "not itself, not a claim linked already, each once");
        form.link_kind = ClaimLinkKind::Updates;
        form.link_target = Some(10);
        form.add_link();
        assert_eq!(form.outgoing(), [(8, ClaimLinkKind::Contradicts), (10, ClaimLinkKind::Updates)]);
    }

    #[test]
    fn a_quote_needs_a_source() {
        let mut form = filled();
        form.source = SourcePick::None;
        assert!(form.check().expect_err("quote").quote.is_some());
    }

    #[test]
    fn editing_keeps_what_the_claim_had() {
        let checked = filled().check().expect("valid");
        let claim = Claim {
            id: 7,
            text: checked.draft.text.clone(),
            value: checked.draft.value,
            unit: None,
            currency: checked.draft.currency.clone(),
            as_of: checked.draft.as_of.clone(),
            claimant: checked.draft.claimant.clone(),
            status: Status::Supported,
            note_id: Some(1),
            tickers: checked.draft.tickers.clone(),
            sources: Vec::new(),
            links: Vec::new(),
            created_at: crate::model::Timestamp::from_millis(0),
            updated_at: crate::model::Timestamp::from_millis(0),
        };
        let form = ClaimForm::edit(&claim, 1);
        assert_eq!(form.value, "6000000");
        let again = form.check().expect("valid");
        assert_eq!(again.draft.value, Some(6e6));
        assert_eq!(again.draft.status, Status::Supported);
    }
}
