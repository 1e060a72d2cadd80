//! Accounts and their second factor (TOTP, recovery codes), and how times are kept.

use crate::*;

conformance!(
    cases: [
        accounts_create_and_fetch,
        duplicate_email_is_conflict,
        kinds_round_trip,
        totp_enrolment_replaces_recovery_codes,
        accept_totp_step_refuses_same_or_older,
        complete_enrolment_refuses_replayed_step,
        recovery_codes_work_once,
        timestamps_keep_second_precision,
        concurrent_accept_totp_step_accepts_once,
    ],
    raw: [],
);

async fn accounts_create_and_fetch(store: Arc<dyn Store>) {
    assert_eq!(store.count_accounts().await.unwrap(), 0);
    let new = NewAccount {
        totp_secret: Some("JBSWY3DPEHPK3PXP".to_string()),
        totp_enrolled: true,
        demo: true,
        password_change_required: false,
        ..new_account("poc@example.org", AccountKind::TechnicalPoc)
    };
    let created = store
        .create_account(new, draft("account.create"))
        .await
        .unwrap();
    assert!(created.id > 0);
    assert_eq!(created.email, "poc@example.org");
    assert_eq!(created.kind, AccountKind::TechnicalPoc);
    assert_eq!(created.participant.as_deref(), Some("PAK"));
    assert_eq!(created.display_name, "Name of poc@example.org");
    assert_eq!(created.password_hash, "$argon2id$hash");
    assert_eq!(created.totp_secret.as_deref(), Some("JBSWY3DPEHPK3PXP"));
    assert!(created.totp_enrolled);
    assert_eq!(created.totp_last_step, None);
    assert!(created.demo);
    assert!(!created.disabled);
    assert_eq!(created.created_at, t(0));

    let by_id = store.account_by_id(created.id).await.unwrap();
    assert_eq!(by_id.as_ref(), Some(&created));
    let by_email = store.account_by_email("poc@example.org").await.unwrap();
    assert_eq!(by_email.as_ref(), Some(&created));

    let other = account(&store, "other@example.org", AccountKind::Auditor).await;
    assert_ne!(other.id, created.id);
    assert_eq!(other.participant, None);
    assert!(!other.demo);
    assert_eq!(store.count_accounts().await.unwrap(), 2);

    assert_eq!(store.account_by_id(created.id + 1000).await.unwrap(), None);
    assert_eq!(
        store.account_by_email("nobody@example.org").await.unwrap(),
        None
    );
}

async fn duplicate_email_is_conflict(store: Arc<dyn Store>) {
    account(&store, "dup@example.org", AccountKind::Reporter).await;
    let err = store
        .create_account(
            new_account("dup@example.org", AccountKind::Auditor),
            draft("account.create"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
    assert_eq!(store.count_accounts().await.unwrap(), 1);
    let kept = store
        .account_by_email("dup@example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.kind, AccountKind::Reporter);
}

async fn kinds_round_trip(store: Arc<dyn Store>) {
    for kind in AccountKind::ALL {
        let email = format!("{}@example.org", kind.as_str());
        let created = account(&store, &email, kind).await;
        let fetched = store.account_by_id(created.id).await.unwrap().unwrap();
        assert_eq!(fetched.kind, kind);
        assert_eq!(fetched.participant.is_some(), kind.acts_for_participant());
    }
    assert_eq!(store.count_accounts().await.unwrap(), 6);
}

async fn totp_enrolment_replaces_recovery_codes(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Nominator).await;
    store
        .replace_recovery_codes(
            a.id,
            &codes(&["old1", "old2", "old3"]),
            draft("recovery.replace"),
        )
        .await
        .unwrap();
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 3);

    store.begin_totp_enrolment(a.id, "SECRETONE").await.unwrap();
    let begun = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!(begun.totp_secret.as_deref(), Some("SECRETONE"));
    assert!(!begun.totp_enrolled);

    let new_codes = codes(&["new1", "new2", "new3", "new4", "new5"]);
    assert!(store
        .complete_totp_enrolment(a.id, 100, &new_codes, draft("totp.enrol"))
        .await
        .unwrap());
    let done = store.account_by_id(a.id).await.unwrap().unwrap();
    assert!(done.totp_enrolled);
    assert_eq!(done.totp_secret.as_deref(), Some("SECRETONE"));
    assert_eq!(done.totp_last_step, Some(100));
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 5);
    assert!(!store
        .use_recovery_code(a.id, "old1", t(1), draft("recovery.use"))
        .await
        .unwrap());
    assert!(store
        .use_recovery_code(a.id, "new3", t(1), draft("recovery.use"))
        .await
        .unwrap());

    // Restarting enrolment sets a new, unconfirmed secret.
    store.begin_totp_enrolment(a.id, "SECRETTWO").await.unwrap();
    let restarted = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!(restarted.totp_secret.as_deref(), Some("SECRETTWO"));
    assert!(!restarted.totp_enrolled);

    let err = store
        .begin_totp_enrolment(a.id + 1000, "X")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
}

async fn accept_totp_step_refuses_same_or_older(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Secretariat).await;
    let b = account(&store, "b@example.org", AccountKind::Secretariat).await;
    assert!(store.accept_totp_step(a.id, 50).await.unwrap());
    assert!(!store.accept_totp_step(a.id, 50).await.unwrap());
    assert!(!store.accept_totp_step(a.id, 49).await.unwrap());
    assert!(store.accept_totp_step(a.id, 51).await.unwrap());
    assert_eq!(
        store
            .account_by_id(a.id)
            .await
            .unwrap()
            .unwrap()
            .totp_last_step,
        Some(51)
    );
    // Each account has its own guard.
    assert!(store.accept_totp_step(b.id, 50).await.unwrap());
    assert!(!store.accept_totp_step(a.id + 1000, 60).await.unwrap());
}

async fn complete_enrolment_refuses_replayed_step(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Reporter).await;
    store.begin_totp_enrolment(a.id, "SECRET").await.unwrap();
    assert!(store.accept_totp_step(a.id, 70).await.unwrap());
    store
        .replace_recovery_codes(a.id, &codes(&["keep1", "keep2"]), draft("recovery.replace"))
        .await
        .unwrap();

    for replayed in [70, 69] {
        assert!(!store
            .complete_totp_enrolment(a.id, replayed, &codes(&["fresh"]), draft("totp.enrol"))
            .await
            .unwrap());
        let after = store.account_by_id(a.id).await.unwrap().unwrap();
        assert!(!after.totp_enrolled, "step {replayed} must not enrol");
        assert_eq!(after.totp_last_step, Some(70));
        assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);
    }
    assert!(!store
        .use_recovery_code(a.id, "fresh", t(1), draft("recovery.use"))
        .await
        .unwrap());
    assert!(store
        .use_recovery_code(a.id, "keep1", t(1), draft("recovery.use"))
        .await
        .unwrap());

    assert!(store
        .complete_totp_enrolment(a.id, 71, &codes(&["fresh"]), draft("totp.enrol"))
        .await
        .unwrap());
    let enrolled = store.account_by_id(a.id).await.unwrap().unwrap();
    assert!(enrolled.totp_enrolled);
    assert_eq!(enrolled.totp_last_step, Some(71));
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 1);
}

async fn recovery_codes_work_once(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Auditor).await;
    let b = account(&store, "b@example.org", AccountKind::Auditor).await;
    store
        .replace_recovery_codes(a.id, &codes(&["c1", "c2", "c3"]), draft("recovery.replace"))
        .await
        .unwrap();
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 3);
    assert_eq!(store.unused_recovery_codes(b.id).await.unwrap(), 0);

    assert!(store
        .use_recovery_code(a.id, "c1", t(5), draft("recovery.use"))
        .await
        .unwrap());
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);
    assert!(!store
        .use_recovery_code(a.id, "c1", t(6), draft("recovery.use"))
        .await
        .unwrap());
    assert!(!store
        .use_recovery_code(a.id, "unknown", t(6), draft("recovery.use"))
        .await
        .unwrap());
    // Another account's code is not yours.
    assert!(!store
        .use_recovery_code(b.id, "c2", t(6), draft("recovery.use"))
        .await
        .unwrap());
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);

    store
        .replace_recovery_codes(a.id, &codes(&["d1", "d2"]), draft("recovery.replace"))
        .await
        .unwrap();
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);
    assert!(!store
        .use_recovery_code(a.id, "c2", t(7), draft("recovery.use"))
        .await
        .unwrap());
    assert!(store
        .use_recovery_code(a.id, "d2", t(7), draft("recovery.use"))
        .await
        .unwrap());
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 1);
}

async fn timestamps_keep_second_precision(store: Arc<dyn Store>) {
    let precise = datetime!(2031-02-03 04:05:06.789_123 UTC);
    let whole = datetime!(2031-02-03 04:05:06 UTC);
    let a = store
        .create_account(
            NewAccount {
                created_at: precise,
                ..new_account("a@example.org", AccountKind::Reporter)
            },
            draft("account.create"),
        )
        .await
        .unwrap();
    assert_eq!(a.created_at, whole);
    let fetched = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!(fetched.created_at, whole);

    let s = store
        .create_session(NewSession {
            created_at: precise,
            expires_at: precise + time::Duration::hours(1),
            ..new_session(a.id, "tok", 0, 0)
        })
        .await
        .unwrap();
    let s = store
        .session_by_token_hash(&s.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.created_at, whole);
    assert_eq!(s.expires_at, whole + time::Duration::hours(1));

    // Times before 1970 and far ahead survive too.
    let early = datetime!(1969-07-20 20:17:40 UTC);
    store.touch_session(s.id, early).await.unwrap();
    assert_eq!(
        store
            .session_by_token_hash("tok")
            .await
            .unwrap()
            .unwrap()
            .last_seen_at,
        early
    );
    let far = datetime!(2999-12-31 23:59:59 UTC);
    let tok = store
        .create_api_token(
            NewApiToken {
                expires_at: far,
                ..new_token(a.id, "long", "h", 0)
            },
            draft("token.create"),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .api_token_by_hash("h")
            .await
            .unwrap()
            .unwrap()
            .expires_at,
        far
    );
    assert_eq!(tok.expires_at, far);
}

async fn concurrent_accept_totp_step_accepts_once(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Secretariat).await;
    assert!(store.accept_totp_step(a.id, 10).await.unwrap());
    // Several rounds, since a racy check-then-write loses only sometimes.
    for step in 11..31 {
        let start = Arc::new(tokio::sync::Barrier::new(8));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let store = Arc::clone(&store);
                let start = Arc::clone(&start);
                tokio::spawn(async move {
                    start.wait().await;
                    store.accept_totp_step(a.id, step).await.unwrap()
                })
            })
            .collect();
        let mut accepted = 0;
        for task in tasks {
            if task.await.unwrap() {
                accepted += 1;
            }
        }
        assert_eq!(
            accepted, 1,
            "step {step}: exactly one of eight concurrent uses"
        );
        assert_eq!(
            store
                .account_by_id(a.id)
                .await
                .unwrap()
                .unwrap()
                .totp_last_step,
            Some(step)
        );
    }
}
