//! Sessions, API tokens and sign-in throttling.

use crate::*;

conformance!(
    cases: [
        sessions_lifecycle,
        delete_account_session_refuses_others,
        sessions_of_excludes_expired,
        delete_expired_sessions_counts,
        change_password_ends_other_sessions,
        api_tokens_lifecycle,
        touches_are_written_in_one_batch_and_never_move_back,
        commits_are_told_to_observers,
        login_failures_window,
    ],
    raw: [],
);

async fn sessions_lifecycle(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::DiplomaticPoc).await;
    let pre = NewSession {
        mfa_done: false,
        ..new_session(a.id, "tok-pre", 10, 3600)
    };
    let s1 = store.create_session(pre).await.unwrap();
    assert!(s1.id > 0);
    assert_eq!(s1.token_hash, "tok-pre");
    assert_eq!(s1.account_id, a.id);
    assert!(!s1.mfa_done);
    assert_eq!(s1.created_at, t(10));
    assert_eq!(s1.last_seen_at, t(10));
    assert_eq!(s1.expires_at, t(3600));
    assert_eq!(s1.user_agent, "Firefox");
    assert_eq!(s1.client_address, "192.0.2.1");
    assert_eq!(
        store
            .session_by_token_hash("tok-pre")
            .await
            .unwrap()
            .as_ref(),
        Some(&s1)
    );
    assert_eq!(store.session_by_token_hash("tok-none").await.unwrap(), None);

    store.touch_session(s1.id, t(20)).await.unwrap();
    let touched = store
        .session_by_token_hash("tok-pre")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(touched.last_seen_at, t(20));
    assert_eq!(touched.created_at, t(10));

    let s2 = store
        .rotate_session(
            s1.id,
            new_session(a.id, "tok-full", 30, 7200),
            Some(draft("session.sign_in")),
        )
        .await
        .unwrap();
    assert_ne!(s2.id, s1.id);
    assert!(s2.mfa_done);
    assert_eq!(store.session_by_token_hash("tok-pre").await.unwrap(), None);
    assert_eq!(
        store
            .session_by_token_hash("tok-full")
            .await
            .unwrap()
            .as_ref(),
        Some(&s2)
    );

    // Rotating a session that is gone must not create one.
    let err = store
        .rotate_session(
            s1.id,
            new_session(a.id, "tok-ghost", 40, 7200),
            Some(draft("session.sign_in")),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    assert_eq!(
        store.session_by_token_hash("tok-ghost").await.unwrap(),
        None
    );

    // A token hash is unique.
    let err = store
        .create_session(new_session(a.id, "tok-full", 50, 7200))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
    // A session needs an account.
    let err = store
        .create_session(new_session(a.id + 1000, "tok-orphan", 50, 7200))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");

    store.delete_session(s2.id, None).await.unwrap();
    assert_eq!(store.session_by_token_hash("tok-full").await.unwrap(), None);
    // Deleting or touching what is gone is not an error.
    store.delete_session(s2.id, None).await.unwrap();
    store.touch_session(s2.id, t(60)).await.unwrap();
}

async fn delete_account_session_refuses_others(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Reporter).await;
    let b = account(&store, "b@example.org", AccountKind::Reporter).await;
    let sa = store
        .create_session(new_session(a.id, "ta", 0, 100))
        .await
        .unwrap();
    let sb = store
        .create_session(new_session(b.id, "tb", 0, 100))
        .await
        .unwrap();

    assert!(!store
        .delete_account_session(a.id, sb.id, draft("session.revoke"))
        .await
        .unwrap());
    assert!(store.session_by_token_hash("tb").await.unwrap().is_some());

    assert!(store
        .delete_account_session(a.id, sa.id, draft("session.revoke"))
        .await
        .unwrap());
    assert_eq!(store.session_by_token_hash("ta").await.unwrap(), None);
    assert!(!store
        .delete_account_session(a.id, sa.id, draft("session.revoke"))
        .await
        .unwrap());
}

async fn sessions_of_excludes_expired(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Reporter).await;
    let b = account(&store, "b@example.org", AccountKind::Reporter).await;
    let old = store
        .create_session(new_session(a.id, "old", 0, 1000))
        .await
        .unwrap();
    let newer = store
        .create_session(new_session(a.id, "newer", 50, 1000))
        .await
        .unwrap();
    store
        .create_session(new_session(a.id, "expired", 60, 500))
        .await
        .unwrap();
    store
        .create_session(new_session(a.id, "edge", 70, 600))
        .await
        .unwrap();
    store
        .create_session(new_session(b.id, "b's", 80, 1000))
        .await
        .unwrap();

    let live = store.sessions_of(a.id, t(600)).await.unwrap();
    let ids: Vec<i64> = live.iter().map(|s| s.id).collect();
    // Newest first; expiring exactly now counts as expired.
    assert_eq!(ids, vec![newer.id, old.id]);
    assert_eq!(live[0], newer);

    assert_eq!(store.sessions_of(a.id, t(599)).await.unwrap().len(), 3);
    assert_eq!(store.sessions_of(a.id, t(499)).await.unwrap().len(), 4);
    assert!(store.sessions_of(a.id, t(1000)).await.unwrap().is_empty());
}

async fn delete_expired_sessions_counts(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Reporter).await;
    store
        .create_session(new_session(a.id, "e1", 0, 100))
        .await
        .unwrap();
    store
        .create_session(new_session(a.id, "e2", 0, 200))
        .await
        .unwrap();
    store
        .create_session(new_session(a.id, "live", 0, 300))
        .await
        .unwrap();

    assert_eq!(store.delete_expired_sessions(t(50)).await.unwrap(), 0);
    assert_eq!(store.delete_expired_sessions(t(200)).await.unwrap(), 2);
    assert_eq!(store.session_by_token_hash("e1").await.unwrap(), None);
    assert_eq!(store.session_by_token_hash("e2").await.unwrap(), None);
    assert!(store.session_by_token_hash("live").await.unwrap().is_some());
    assert_eq!(store.delete_expired_sessions(t(200)).await.unwrap(), 0);
}

async fn change_password_ends_other_sessions(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Secretariat).await;
    let b = account(&store, "b@example.org", AccountKind::Secretariat).await;
    store
        .create_session(new_session(a.id, "a1", 0, 1000))
        .await
        .unwrap();
    let keep = store
        .create_session(new_session(a.id, "a2", 1, 1000))
        .await
        .unwrap();
    store
        .create_session(new_session(a.id, "a3", 2, 1000))
        .await
        .unwrap();
    store
        .create_session(new_session(b.id, "b1", 0, 1000))
        .await
        .unwrap();

    store
        .change_password(
            a.id,
            "$argon2id$new",
            Some(keep.id),
            draft("account.password"),
        )
        .await
        .unwrap();
    let changed = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!(changed.password_hash, "$argon2id$new");
    let left: Vec<i64> = store
        .sessions_of(a.id, t(0))
        .await
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(left, vec![keep.id]);
    assert_eq!(store.sessions_of(b.id, t(0)).await.unwrap().len(), 1);
    let other = store.account_by_id(b.id).await.unwrap().unwrap();
    assert_eq!(other.password_hash, "$argon2id$hash");

    store
        .change_password(a.id, "$argon2id$third", None, draft("account.password"))
        .await
        .unwrap();
    assert!(store.sessions_of(a.id, t(0)).await.unwrap().is_empty());
    assert_eq!(store.sessions_of(b.id, t(0)).await.unwrap().len(), 1);

    let err = store
        .change_password(a.id + 1000, "$argon2id$x", None, draft("account.password"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
}

async fn api_tokens_lifecycle(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let b = account(&store, "b@example.org", AccountKind::TechnicalPoc).await;
    let first = store
        .create_api_token(new_token(a.id, "ci", "h1", 10), draft("token.create"))
        .await
        .unwrap();
    assert!(first.id > 0);
    assert_eq!(first.account_id, a.id);
    assert_eq!(first.name, "ci");
    assert_eq!(first.token_hash, "h1");
    assert_eq!(first.scopes, "read");
    assert_eq!(first.created_at, t(10));
    assert_eq!(first.expires_at, t(10 + 86_400));
    assert_eq!(first.revoked_at, None);
    assert_eq!(first.last_used_at, None);
    let second = store
        .create_api_token(
            NewApiToken {
                scopes: "read write".to_string(),
                ..new_token(a.id, "sync", "h2", 20)
            },
            draft("token.create"),
        )
        .await
        .unwrap();
    store
        .create_api_token(new_token(b.id, "b", "hb", 30), draft("token.create"))
        .await
        .unwrap();

    assert_eq!(
        store.api_token_by_hash("h1").await.unwrap().as_ref(),
        Some(&first)
    );
    assert_eq!(store.api_token_by_hash("nope").await.unwrap(), None);

    store.touch_api_token(first.id, t(100)).await.unwrap();
    let used = store.api_token_by_hash("h1").await.unwrap().unwrap();
    assert_eq!(used.last_used_at, Some(t(100)));

    let listed = store.api_tokens_of(a.id).await.unwrap();
    let ids: Vec<i64> = listed.iter().map(|tok| tok.id).collect();
    assert_eq!(ids, vec![second.id, first.id]);
    assert_eq!(listed[0].scopes, "read write");

    assert!(!store
        .revoke_api_token(b.id, first.id, t(200), draft("token.revoke"))
        .await
        .unwrap());
    assert_eq!(
        store
            .api_token_by_hash("h1")
            .await
            .unwrap()
            .unwrap()
            .revoked_at,
        None
    );
    assert!(store
        .revoke_api_token(a.id, first.id, t(200), draft("token.revoke"))
        .await
        .unwrap());
    assert!(!store
        .revoke_api_token(a.id, first.id, t(300), draft("token.revoke"))
        .await
        .unwrap());
    let revoked = store.api_token_by_hash("h1").await.unwrap().unwrap();
    assert_eq!(revoked.revoked_at, Some(t(200)));
    // Revoked tokens are still listed, so their owner sees them.
    assert_eq!(store.api_tokens_of(a.id).await.unwrap().len(), 2);

    let err = store
        .create_api_token(new_token(b.id, "dup", "h2", 40), draft("token.create"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
}

async fn login_failures_window(store: Arc<dyn Store>) {
    for at in [0, 10, 20] {
        store
            .record_login_failure("account:1", t(at))
            .await
            .unwrap();
    }
    store
        .record_login_failure("addr:192.0.2.1", t(5))
        .await
        .unwrap();

    assert_eq!(
        store.login_failures_since("account:1", t(0)).await.unwrap(),
        FailureCount {
            count: 3,
            oldest: Some(t(0))
        }
    );
    // The window start is inclusive.
    assert_eq!(
        store
            .login_failures_since("account:1", t(10))
            .await
            .unwrap(),
        FailureCount {
            count: 2,
            oldest: Some(t(10))
        }
    );
    assert_eq!(
        store
            .login_failures_since("account:1", t(21))
            .await
            .unwrap(),
        FailureCount {
            count: 0,
            oldest: None
        }
    );
    assert_eq!(
        store.login_failures_since("nobody", t(0)).await.unwrap(),
        FailureCount::default()
    );

    store.clear_login_failures("account:1").await.unwrap();
    assert_eq!(
        store
            .login_failures_since("account:1", t(0))
            .await
            .unwrap()
            .count,
        0
    );
    assert_eq!(
        store
            .login_failures_since("addr:192.0.2.1", t(0))
            .await
            .unwrap()
            .count,
        1
    );

    store
        .record_login_failure("account:1", t(30))
        .await
        .unwrap();
    assert_eq!(store.delete_login_failures_before(t(5)).await.unwrap(), 0);
    assert_eq!(store.delete_login_failures_before(t(6)).await.unwrap(), 1);
    assert_eq!(
        store
            .login_failures_since("addr:192.0.2.1", t(0))
            .await
            .unwrap()
            .count,
        0
    );
    assert_eq!(
        store.login_failures_since("account:1", t(0)).await.unwrap(),
        FailureCount {
            count: 1,
            oldest: Some(t(30))
        }
    );
}

async fn touches_are_written_in_one_batch_and_never_move_back(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::DiplomaticPoc).await;
    let s1 = store
        .create_session(new_session(a.id, "t1", 10, 3600))
        .await
        .unwrap();
    let s2 = store
        .create_session(new_session(a.id, "t2", 10, 3600))
        .await
        .unwrap();
    let tok = store
        .create_api_token(new_token(a.id, "x", "h1", 10), draft("token.create"))
        .await
        .unwrap();
    store
        .touch_credentials(
            &[(s1.id, t(50)), (s2.id, t(60)), (999_999, t(60))],
            &[(tok.id, t(70))],
        )
        .await
        .unwrap();
    let seen = |h: &'static str| {
        let store = store.clone();
        async move {
            store
                .session_by_token_hash(h)
                .await
                .unwrap()
                .unwrap()
                .last_seen_at
        }
    };
    assert_eq!(seen("t1").await, t(50));
    assert_eq!(seen("t2").await, t(60));
    let used = store.api_token_by_hash("h1").await.unwrap().unwrap();
    assert_eq!(used.last_used_at, Some(t(70)));
    // An older time (another instance's late batch) does not win.
    store
        .touch_credentials(&[(s1.id, t(40))], &[(tok.id, t(20))])
        .await
        .unwrap();
    assert_eq!(seen("t1").await, t(50));
    let used = store.api_token_by_hash("h1").await.unwrap().unwrap();
    assert_eq!(used.last_used_at, Some(t(70)));
    store.touch_credentials(&[], &[]).await.unwrap();
}

#[derive(Default)]
struct Told(std::sync::Mutex<Vec<String>>);

impl pocdir_store::CommitObserver for Told {
    fn committed(&self, entries: &[pocdir_domain::log::entry::LogEntry]) {
        let mut told = self.0.lock().unwrap();
        told.extend(entries.iter().map(|e| format!("{} {}", e.action, e.object)));
    }
}

async fn commits_are_told_to_observers(store: Arc<dyn Store>) {
    let told = Arc::new(Told::default());
    let weak: std::sync::Weak<dyn pocdir_store::CommitObserver> = Arc::downgrade(&told) as _;
    store.observe_commits(weak);
    let a = account(&store, "a@example.org", AccountKind::DiplomaticPoc).await;
    let tok = store
        .create_api_token(new_token(a.id, "x", "h1", 10), draft("token.create"))
        .await
        .unwrap();
    // A change that changes nothing is rolled back and told to nobody.
    assert!(!store
        .revoke_api_token(a.id + 1, tok.id, t(20), draft("token.revoke"))
        .await
        .unwrap());
    assert!(store
        .revoke_api_token(a.id, tok.id, t(20), draft("token.revoke"))
        .await
        .unwrap());
    let told = told.0.lock().unwrap().clone();
    assert!(
        told.contains(&format!("token.create token:{}", tok.id)),
        "{told:?}"
    );
    assert_eq!(
        told.iter()
            .filter(|e| e.starts_with("token.revoke"))
            .count(),
        1,
        "{told:?}"
    );
}
