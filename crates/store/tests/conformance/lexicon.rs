//! The common lexicon: versions follow their concept's newest (a number
//! taken or skipped is `Duplicate`, and a batch with one refused writes
//! nothing), the revision moves with every version, a proposal is decided
//! once with its accepted version in the same transaction, comments stay
//! with their proposal.

use crate::*;
use pocdir_store::{ConceptVersion, LexiconComment, LexiconDecision, LexiconProposal};

conformance!(
    cases: [
        versions_follow_the_newest_and_batches_are_whole,
        a_proposal_is_decided_once_with_its_version,
    ],
    raw: [],
);

fn version(id: &str, version: u32, at: i64) -> ConceptVersion {
    ConceptVersion {
        concept_id: id.into(),
        version,
        content: format!("{{\"id\":\"{id}\",\"v\":{version}}}"),
        summary: format!("v{version}"),
        changed_at: t(at),
        changed_by: None,
        proposal_id: None,
    }
}

fn entry(action: &str, at: i64) -> LogDraft {
    raw_draft(t(at), LogActor::system(), action, String::new())
}

async fn versions_follow_the_newest_and_batches_are_whole(store: Arc<dyn Store>) {
    assert_eq!(store.lexicon_revision().await.unwrap(), 0);
    store
        .add_concept_versions(
            vec![version("ping-test", 1, 0), version("ict-incident", 1, 0)],
            vec![entry("lexicon.change", 0), entry("lexicon.change", 0)],
        )
        .await
        .unwrap();
    let r1 = store.lexicon_revision().await.unwrap();
    assert!(r1 > 0);
    store
        .add_concept_versions(
            vec![version("ping-test", 2, 5)],
            vec![entry("lexicon.change", 5)],
        )
        .await
        .unwrap();
    let r2 = store.lexicon_revision().await.unwrap();
    assert!(r2 > r1);
    let size = store.log_size().await.unwrap();
    // A new concept and a version that is taken: neither is written.
    let refused = store
        .add_concept_versions(
            vec![version("tlp", 1, 6), version("ping-test", 2, 6)],
            vec![entry("lexicon.change", 6), entry("lexicon.change", 6)],
        )
        .await;
    assert!(
        matches!(refused, Err(StoreError::Duplicate(_))),
        "{refused:?}"
    );
    // A skipped number is refused too.
    let skipped = store
        .add_concept_versions(
            vec![version("ict-incident", 3, 6)],
            vec![entry("lexicon.change", 6)],
        )
        .await;
    assert!(
        matches!(skipped, Err(StoreError::Duplicate(_))),
        "{skipped:?}"
    );
    assert_eq!(store.log_size().await.unwrap(), size, "nothing logged");
    assert_eq!(store.lexicon_revision().await.unwrap(), r2);
    assert_eq!(store.concept_version("tlp", None).await.unwrap(), None);

    let latest = store.latest_concepts().await.unwrap();
    let found: Vec<(&str, u32)> = latest
        .iter()
        .map(|v| (v.concept_id.as_str(), v.version))
        .collect();
    assert_eq!(found, vec![("ict-incident", 1), ("ping-test", 2)]);
    assert_eq!(
        store.concept_version("ping-test", Some(1)).await.unwrap(),
        Some(version("ping-test", 1, 0))
    );
    let history = store.concept_versions("ping-test").await.unwrap();
    assert_eq!(
        history,
        vec![version("ping-test", 1, 0), version("ping-test", 2, 5)]
    );
}

async fn a_proposal_is_decided_once_with_its_version(store: Arc<dyn Store>) {
    store
        .add_concept_versions(
            vec![version("ping-test", 1, 0)],
            vec![entry("lexicon.change", 0)],
        )
        .await
        .unwrap();
    let filed = |id: &str, base: Option<u32>| LexiconProposal {
        id: 0,
        concept_id: id.into(),
        base_version: base,
        content: "{}".into(),
        rationale: "clearer".into(),
        proposed_at: t(10),
        proposed_by: None,
        participant: None,
        status: "pending".into(),
        decided_at: None,
        decided_by: None,
        decision_note: String::new(),
    };
    let a = store
        .add_lexicon_proposal(filed("ping-test", Some(1)), entry("lexicon.propose", 10))
        .await
        .unwrap();
    let b = store
        .add_lexicon_proposal(filed("tlp", None), entry("lexicon.propose", 11))
        .await
        .unwrap();
    assert!(a.id > 0 && b.id > a.id);
    assert_eq!(a.status, "pending");
    let pending = store
        .lexicon_proposals(Some("pending"), None)
        .await
        .unwrap();
    assert_eq!(
        pending.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![b.id, a.id]
    );
    let of_ping = store
        .lexicon_proposals(None, Some("ping-test"))
        .await
        .unwrap();
    assert_eq!(of_ping.len(), 1);

    let c = store
        .add_lexicon_comment(
            LexiconComment {
                id: 0,
                proposal_id: a.id,
                body: "agreed".into(),
                written_at: t(12),
                author: None,
                participant: None,
            },
            entry("lexicon.comment", 12),
        )
        .await
        .unwrap();
    assert!(c.id > 0);
    assert_eq!(store.lexicon_comments(a.id).await.unwrap(), vec![c]);
    let orphan = store
        .add_lexicon_comment(
            LexiconComment {
                id: 0,
                proposal_id: 999_999,
                body: "lost".into(),
                written_at: t(12),
                author: None,
                participant: None,
            },
            entry("lexicon.comment", 12),
        )
        .await;
    assert!(matches!(orphan, Err(StoreError::NotFound)), "{orphan:?}");

    let mut accepted = version("ping-test", 2, 20);
    accepted.proposal_id = Some(a.id);
    let decided = store
        .decide_lexicon_proposal(
            LexiconDecision {
                proposal_id: a.id,
                status: "accepted".into(),
                at: t(20),
                by: 0,
                note: String::new(),
                version: Some(accepted.clone()),
            },
            entry("lexicon.decide", 20),
        )
        .await;
    // `by` names no account: the decision and its version are refused whole.
    assert!(decided.is_err(), "{decided:?}");
    assert_eq!(
        store
            .concept_version("ping-test", None)
            .await
            .unwrap()
            .unwrap()
            .version,
        1
    );
    assert_eq!(
        store.lexicon_proposal(a.id).await.unwrap().unwrap().status,
        "pending"
    );

    let secretariat = account(&store, "curator@un.example", AccountKind::Secretariat).await;
    let decision = |id: i64, status: &str, version: Option<ConceptVersion>| LexiconDecision {
        proposal_id: id,
        status: status.into(),
        at: t(20),
        by: secretariat.id,
        note: "thanks".into(),
        version,
    };
    let done = store
        .decide_lexicon_proposal(
            decision(a.id, "accepted", Some(accepted.clone())),
            entry("lexicon.decide", 20),
        )
        .await
        .unwrap();
    assert_eq!(done.status, "accepted");
    assert_eq!(done.decided_by, Some(secretariat.id));
    assert_eq!(
        store.concept_version("ping-test", None).await.unwrap(),
        Some(accepted)
    );
    let size = store.log_size().await.unwrap();
    let again = store
        .decide_lexicon_proposal(
            decision(a.id, "rejected", None),
            entry("lexicon.decide", 21),
        )
        .await;
    assert!(matches!(again, Err(StoreError::NotAllowed(_))), "{again:?}");
    assert_eq!(store.log_size().await.unwrap(), size, "nothing logged");
    // A decision whose version is taken is refused whole: still pending.
    let stale = store
        .decide_lexicon_proposal(
            decision(b.id, "accepted", Some(version("ping-test", 2, 22))),
            entry("lexicon.decide", 22),
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Duplicate(_))), "{stale:?}");
    assert_eq!(
        store.lexicon_proposal(b.id).await.unwrap().unwrap().status,
        "pending"
    );
}
