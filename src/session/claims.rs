//! Claims: submitting the claim form (a new source first when the form names one, then the claim
//! and the links it makes, in that order), deleting one, and bringing a deleted one back with
//! its links.

use crate::model::{Claim, ClaimDraft, ClaimId, ClaimLinkKind, SourceDraft, SourceId};
use crate::store::{Store, StoreError};

/// A checked claim form.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The claim being edited, or none for a new one.
    pub editing: Option<ClaimId>,
    pub draft: ClaimDraft,
    /// A source to add first, with the claim's quote from it; it becomes the claim's first source.
    pub new_source: Option<(SourceDraft, Option<String>)>,
    /// The links the claim makes to other claims (replacing those it made before).
    pub links: Vec<(ClaimId, ClaimLinkKind)>,
    /// The page of the source's document the quote is on (1 is the first), when the user named it.
    pub page: Option<u32>,
}

/// What submitting did.
#[derive(Debug)]
pub enum Submitted {
    Saved(ClaimId),
    /// Nothing more was stored. When the new source was added before the claim failed, it is
    /// named here: a second try must use it rather than add it again.
    Failed {
        error: StoreError,
        source_added: Option<SourceId>,
    },
}

/// Stores a checked claim form.
pub fn submit(store: &mut Store, submission: Submission) -> Submitted {
    let Submission { editing, mut draft, new_source, links, page } = submission;
    let mut source_added = None;
    if let Some((source, quote)) = new_source {
        match store.add_source(&source) {
            Ok(id) => {
                draft.sources.insert(0, (id, quote));
                source_added = Some(id);
            }
            Err(error) => return Submitted::Failed { error, source_added },
        }
    }
    match store.save_claim_on_page(editing, draft, &links, page) {
        Ok(id) => Submitted::Saved(id),
        Err(error) => Submitted::Failed { error, source_added },
    }
}

/// Deletes claim `id`; returns it as it was, for an undo.
pub fn delete(store: &mut Store, id: ClaimId) -> Result<Claim, StoreError> {
    let claim = store.claim(id)?;
    store.delete_claim(id)?;
    Ok(claim)
}

/// Brings a deleted claim back (under a new id) with the links it made to claims still there.
pub fn bring_back(store: &mut Store, claim: &Claim) -> Result<ClaimId, StoreError> {
    let draft = ClaimDraft::from_claim(claim);
    let links: Vec<_> = claim.links.iter().filter(|l| l.outgoing).map(|l| (l.claim_id, l.kind)).collect();
    // A link to a claim deleted since then fails the save: the claim comes back without links.
    store.save_claim(None, draft.clone(), &links).or_else(|_| store.add_claim(draft))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceUrl;
    use crate::session::fixture;

    fn draft(note: i64, text: &str) -> ClaimDraft {
        ClaimDraft { text: text.to_owned(), note_id: Some(note), ..ClaimDraft::default() }
    }

    fn saved(submitted: Submitted) -> ClaimId {
        match submitted {
            Submitted::Saved(id) => id,
            Submitted::Failed { error, .. } => panic!("not saved: {error}"),
        }
    }

    #[test]
    fn a_claim_with_a_new_source_cites_it_with_its_quote() {
        let (_dir, mut store) = fixture::store();
        let note = fixture::note(&mut store, "R1", "");
        let source = SourceDraft::new(SourceUrl::parse("https://wccftech.com/cantor-nvda").unwrap());
        let submission = Submission {
            editing: None,
            draft: draft(note, "R1 cost about US$6M to train"),
            new_source: Some((source, Some("about $6M".to_owned()))),
            links: Vec::new(),
            page: None,
        };
        let id = saved(submit(&mut store, submission));
        let claim = store.claim(id).unwrap();
        assert_eq!(claim.sources.len(), 1);
        assert_eq!(claim.sources[0].quote.as_deref(), Some("about $6M"));
    }

    #[test]
    fn a_failed_claim_names_the_source_it_already_added() {
        let (_dir, mut store) = fixture::store();
        let source = SourceDraft::new(SourceUrl::parse("https://example.com/a").unwrap());
        // A note that does not exist: the claim is refused after the source was added.
        let submission = Submission {
            editing: None,
            draft: draft(999, "orphan"),
            new_source: Some((source, None)),
            links: Vec::new(),
            page: None,
        };
        match submit(&mut store, submission) {
            Submitted::Failed { source_added: Some(id), .. } => assert!(store.source(id).is_ok()),
            other => panic!("expected a failure after adding the source, got {other:?}"),
        }
    }

    #[test]
    fn a_deleted_claim_comes_back_with_the_links_it_made() {
        let (_dir, mut store) = fixture::store();
        let note = fixture::note(&mut store, "R1", "");
        let target = store.add_claim(draft(note, "NVIDIA lost US$500B")).unwrap();
        let links = vec![(target, ClaimLinkKind::Supports)];
        let id = saved(submit(
            &mut store,
            Submission { editing: None, draft: draft(note, "lost $589B"), new_source: None, links, page: None },
        ));
        let deleted = delete(&mut store, id).unwrap();
        assert!(store.claim(id).is_err());
        let back = bring_back(&mut store, &deleted).unwrap();
        let back = store.claim(back).unwrap();
        assert_eq!(back.text, "lost $589B");
        assert_eq!(
            back.links.iter().map(|l| (l.claim_id, l.kind)).collect::<Vec<_>>(),
            [(target, ClaimLinkKind::Supports)]
        );
    }

    #[test]
    fn a_claim_whose_link_target_is_gone_comes_back_without_it() {
        let (_dir, mut store) = fixture::store();
        let note = fixture::note(&mut store, "R1", "");
        let target = store.add_claim(draft(note, "target")).unwrap();
        let links = vec![(target, ClaimLinkKind::Contradicts)];
        let id = saved(submit(
            &mut store,
            Submission { editing: None, draft: draft(note, "x"), new_source: None, links, page: None },
        ));
        let deleted = delete(&mut store, id).unwrap();
        delete(&mut store, target).unwrap();
        let back = bring_back(&mut store, &deleted).unwrap();
        let back = store.claim(back).unwrap();
        assert_eq!(back.text, "x");
        assert!(back.links.is_empty());
    }
}
