//! Reporters: applications, the secretariat's decisions with their
//! history, invitation, mail and log entries in one transaction, and the
//! sealed contact.

use crate::*;
use pocdir_domain::reporter::{ReporterStatus, VettingDecision};
use pocdir_store::{ChangeMail, NewApplication, NewInvitation, Reporter, ReporterDecision};

conformance!(
    cases: [
        application_is_pending_and_logged,
        approval_invites_and_mails_in_one_transaction,
        decisions_follow_the_status_and_are_refused_when_stale,
        a_refused_invitation_writes_nothing,
        the_account_finds_its_reporter,
    ],
    raw: [contact_is_sealed_at_rest],
);

fn application(email: &str, at: i64) -> NewApplication {
    NewApplication {
        organisation: "Northwind Security Research".into(),
        country: "DEU".into(),
        website: "https://northwind.example.org/".into(),
        contact_name: "Jana Weber".into(),
        contact_email: email.into(),
        language: "fr".into(),
        openpgp_key: Some("-----BEGIN PGP PUBLIC KEY BLOCK-----\n…".into()),
        openpgp_fingerprint: Some("ABCD".into()),
        why: "We report vulnerabilities.".into(),
        applied_at: t(at),
    }
}

async fn apply(store: &Arc<dyn Store>, email: &str, at: i64) -> Reporter {
    store
        .apply_as_reporter(application(email, at), draft("reporter.apply"))
        .await
        .unwrap()
}

fn decision(r: &Reporter, d: VettingDecision, from: ReporterStatus, at: i64) -> ReporterDecision {
    ReporterDecision {
        reporter_id: r.id,
        decision: d,
        from,
        reason: d.needs_reason().then(|| "a reason".to_string()),
        at: t(at),
        decided_by: None,
        invitation: None,
        mail: Some(ChangeMail {
            mail: new_mail(
                &format!("reporter:{}:{}:{at}", r.id, d.as_str()),
                &r.contact_email,
                at,
            ),
            log: draft("mail.queue"),
        }),
        log: draft(match d {
            VettingDecision::Approve => "reporter.approve",
            VettingDecision::Reject => "reporter.reject",
            VettingDecision::Suspend => "reporter.suspend",
            VettingDecision::Reinstate => "reporter.reinstate",
        }),
    }
}

fn invitation(email: &str, token: &str, at: i64) -> NewInvitation {
    NewInvitation {
        token_hash: token.into(),
        email: email.into(),
        kind: AccountKind::Reporter,
        participant: None,
        display_name: "Jana Weber".into(),
        language: "fr".into(),
        poc_id: None,
        invited_by: None,
        created_at: t(at),
        expires_at: t(at + 1000),
    }
}

async fn application_is_pending_and_logged(store: Arc<dyn Store>) {
    let log0 = store.log_size().await.unwrap();
    let a = apply(&store, "jana@northwind.example.org", 10).await;
    assert_eq!(a.status, ReporterStatus::Pending);
    assert_eq!(a.contact_email, "jana@northwind.example.org");
    assert_eq!(a.applied_at, t(10));
    assert_eq!(store.reporter(a.id).await.unwrap(), Some(a.clone()));
    let log = whole_log(&store).await;
    assert_eq!(log.len() as u64, log0 + 1);
    assert_eq!(
        log.last().unwrap().entry.object,
        format!("reporter:{}", a.id)
    );

    // Pending first (oldest first), then the decided ones.
    let b = apply(&store, "b@example.org", 20).await;
    let c = apply(&store, "c@example.org", 30).await;
    store
        .decide_reporter(decision(
            &a,
            VettingDecision::Reject,
            ReporterStatus::Pending,
            40,
        ))
        .await
        .unwrap();
    let order: Vec<i64> = store
        .reporters()
        .await
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(order, vec![b.id, c.id, a.id]);
    assert_eq!(store.reporter(999_999).await.unwrap(), None);
}

async fn approval_invites_and_mails_in_one_transaction(store: Arc<dyn Store>) {
    let a = apply(&store, "jana@northwind.example.org", 10).await;
    let log0 = store.log_size().await.unwrap();
    let mut d = decision(&a, VettingDecision::Approve, ReporterStatus::Pending, 20);
    d.invitation = Some((
        invitation(&a.contact_email, "tok1", 20),
        draft("account.invite"),
    ));
    let (r, inv) = store.decide_reporter(d).await.unwrap();
    let inv = inv.unwrap();
    assert_eq!(r.status, ReporterStatus::Approved);
    assert_eq!(r.invitation_id, Some(inv.id));
    assert_eq!(r.decided_at, Some(t(20)));
    assert_eq!(inv.kind, AccountKind::Reporter);
    let log = whole_log(&store).await;
    assert_eq!(log.len() as u64, log0 + 3);
    let objects: Vec<String> = log
        .iter()
        .rev()
        .take(3)
        .map(|e| e.entry.object.clone())
        .collect();
    assert!(
        objects.contains(&format!("reporter:{}", a.id)),
        "{objects:?}"
    );
    assert!(
        objects.contains(&format!("invitation:{}", inv.id)),
        "{objects:?}"
    );
    assert!(
        objects.iter().any(|o| o.starts_with("mail:")),
        "{objects:?}"
    );
    assert_eq!(store.mail_counts().await.unwrap().queued, 1);
    let changes = store.reporter_changes(a.id).await.unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].from, changes[0].to, changes[0].decision),
        (
            ReporterStatus::Pending,
            ReporterStatus::Approved,
            VettingDecision::Approve
        )
    );
}

async fn decisions_follow_the_status_and_are_refused_when_stale(store: Arc<dyn Store>) {
    let a = apply(&store, "a@example.org", 10).await;
    store
        .decide_reporter(decision(
            &a,
            VettingDecision::Approve,
            ReporterStatus::Pending,
            20,
        ))
        .await
        .unwrap();
    // Taken on a status it no longer has: refused, nothing written.
    let log0 = store.log_size().await.unwrap();
    let err = store
        .decide_reporter(decision(
            &a,
            VettingDecision::Reject,
            ReporterStatus::Pending,
            21,
        ))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed(_)), "{err:?}");
    assert_eq!(store.log_size().await.unwrap(), log0);
    assert_eq!(store.mail_counts().await.unwrap().queued, 1);

    let (r, _) = store
        .decide_reporter(decision(
            &a,
            VettingDecision::Suspend,
            ReporterStatus::Approved,
            30,
        ))
        .await
        .unwrap();
    assert_eq!(r.status, ReporterStatus::Suspended);
    assert_eq!(r.status_reason.as_deref(), Some("a reason"));
    let (r, _) = store
        .decide_reporter(decision(
            &a,
            VettingDecision::Reinstate,
            ReporterStatus::Suspended,
            40,
        ))
        .await
        .unwrap();
    assert_eq!(r.status, ReporterStatus::Approved);
    assert_eq!(r.status_reason, None);
    let tos: Vec<ReporterStatus> = store
        .reporter_changes(a.id)
        .await
        .unwrap()
        .iter()
        .map(|c| c.to)
        .collect();
    assert_eq!(
        tos,
        vec![
            ReporterStatus::Approved,
            ReporterStatus::Suspended,
            ReporterStatus::Approved
        ]
    );
    let mut gone = decision(&a, VettingDecision::Approve, ReporterStatus::Pending, 50);
    gone.reporter_id = 999_999;
    assert!(matches!(
        store.decide_reporter(gone).await.unwrap_err(),
        StoreError::NotFound
    ));
}

async fn a_refused_invitation_writes_nothing(store: Arc<dyn Store>) {
    // The address already has an account: approval is refused whole.
    account(&store, "taken@example.org", AccountKind::Auditor).await;
    let a = apply(&store, "taken@example.org", 10).await;
    let log0 = store.log_size().await.unwrap();
    let mut d = decision(&a, VettingDecision::Approve, ReporterStatus::Pending, 20);
    d.invitation = Some((
        invitation(&a.contact_email, "tok2", 20),
        draft("account.invite"),
    ));
    let err = store.decide_reporter(d).await.unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
    assert_eq!(store.log_size().await.unwrap(), log0);
    assert_eq!(store.mail_counts().await.unwrap().queued, 0);
    let r = store.reporter(a.id).await.unwrap().unwrap();
    assert_eq!(r.status, ReporterStatus::Pending);
    assert!(store.reporter_changes(a.id).await.unwrap().is_empty());
}

async fn the_account_finds_its_reporter(store: Arc<dyn Store>) {
    let a = apply(&store, "jana@northwind.example.org", 10).await;
    let mut d = decision(&a, VettingDecision::Approve, ReporterStatus::Pending, 20);
    d.invitation = Some((
        invitation(&a.contact_email, "tok3", 20),
        draft("account.invite"),
    ));
    store.decide_reporter(d).await.unwrap();
    let acc = store
        .accept_invitation("tok3", t(30), "hash", draft("account.invite_accept"))
        .await
        .unwrap();
    let r = store.reporter_of_account(acc.id).await.unwrap().unwrap();
    assert_eq!(r.id, a.id);

    // The demo's ready-made account, linked directly.
    let b = apply(&store, "b@example.org", 40).await;
    let other = account(&store, "b@example.org", AccountKind::Reporter).await;
    assert_eq!(store.reporter_of_account(other.id).await.unwrap(), None);
    store.link_reporter_account(b.id, other.id).await.unwrap();
    assert_eq!(
        store
            .reporter_of_account(other.id)
            .await
            .unwrap()
            .unwrap()
            .id,
        b.id
    );
}

async fn contact_is_sealed_at_rest(store: Arc<dyn Store>, raw: Raw) {
    let a = apply(&store, "jana@northwind.example.org", 10).await;
    let stored = raw.texts("SELECT contact_email FROM reporters").await;
    assert_eq!(stored.len(), 1);
    assert!(stored[0].starts_with("seal1."), "{stored:?}");
    let keys = raw.texts("SELECT openpgp_key FROM reporters").await;
    assert!(keys[0].starts_with("seal1."), "{keys:?}");
    assert_eq!(
        store.reporter(a.id).await.unwrap().unwrap().contact_email,
        "jana@northwind.example.org"
    );
}
