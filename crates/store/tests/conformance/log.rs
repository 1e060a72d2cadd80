//! The tamper-evident log: appends in order and without gaps, search, tree heads, and what a failed append leaves.

use crate::*;

conformance!(
    cases: [
        logged_changes_append_in_order,
        refused_changes_append_nothing,
        log_entries_round_trip,
        append_log_many_in_one_go,
        concurrent_appends_have_no_gaps,
        search_log_filters,
        tree_heads_keep_the_first,
    ],
    raw: [
        failed_log_append_leaves_no_change,
        log_is_append_only,
        corrupt_leaf_hash_is_reported,
        log_keys_are_recorded_once_and_kept,
        log_key_rotations_are_logged_and_kept,
    ],
);

async fn logged_changes_append_in_order(store: Arc<dyn Store>) {
    assert_eq!(store.log_size().await.unwrap(), 0);
    assert!(whole_log(&store).await.is_empty());

    let a = account(&store, "a@example.org", AccountKind::Nominator).await;
    let b = account(&store, "b@example.org", AccountKind::Reporter).await;
    store
        .change_password(a.id, "$argon2id$new", None, draft("account.password"))
        .await
        .unwrap();
    store.begin_totp_enrolment(a.id, "SECRET").await.unwrap();
    assert!(store
        .complete_totp_enrolment(a.id, 10, &codes(&["r1", "r2"]), draft("totp.enrol"))
        .await
        .unwrap());
    store
        .replace_recovery_codes(a.id, &codes(&["s1", "s2"]), draft("recovery.replace"))
        .await
        .unwrap();
    assert!(store
        .use_recovery_code(a.id, "s1", t(1), draft("recovery.use"))
        .await
        .unwrap());
    // Not logged: a pre-MFA session, a plain rotation, housekeeping.
    let pre = store
        .create_session(new_session(a.id, "pre", 0, 100))
        .await
        .unwrap();
    let s1 = store
        .rotate_session(pre.id, new_session(a.id, "s1", 1, 100), None)
        .await
        .unwrap();
    let s2 = store
        .rotate_session(
            s1.id,
            new_session(a.id, "s2", 2, 100),
            Some(draft("session.sign_in")),
        )
        .await
        .unwrap();
    let s3 = store
        .create_session(new_session(a.id, "s3", 3, 100))
        .await
        .unwrap();
    let s4 = store
        .create_session(new_session(a.id, "s4", 4, 100))
        .await
        .unwrap();
    store
        .delete_session(s2.id, Some(draft("session.sign_out")))
        .await
        .unwrap();
    store.delete_session(s3.id, None).await.unwrap();
    assert!(store
        .delete_account_session(a.id, s4.id, draft("session.revoke"))
        .await
        .unwrap());
    let tok = store
        .create_api_token(new_token(b.id, "ci", "h1", 5), draft("token.create"))
        .await
        .unwrap();
    assert!(store
        .revoke_api_token(b.id, tok.id, t(6), draft("token.revoke"))
        .await
        .unwrap());
    // Unlogged methods leave the log alone.
    store.accept_totp_step(a.id, 11).await.unwrap();
    store.touch_api_token(tok.id, t(7)).await.unwrap();
    store.record_login_failure("k", t(8)).await.unwrap();

    let x = || "x".to_string();
    assert_eq!(
        log_actions(&store).await,
        pairs(&[
            ("account.create", format!("account:{}", a.id)),
            ("account.create", format!("account:{}", b.id)),
            ("account.password", x()),
            ("totp.enrol", x()),
            ("recovery.replace", x()),
            ("recovery.use", x()),
            ("session.sign_in", x()),
            ("session.sign_out", x()),
            ("session.revoke", x()),
            ("token.create", format!("token:{}", tok.id)),
            ("token.revoke", x()),
        ])
    );
    assert_eq!(store.log_size().await.unwrap(), 11);
}

async fn refused_changes_append_nothing(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Reporter).await;
    let b = account(&store, "b@example.org", AccountKind::Reporter).await;
    store.begin_totp_enrolment(a.id, "SECRET").await.unwrap();
    assert!(store.accept_totp_step(a.id, 70).await.unwrap());
    store
        .replace_recovery_codes(a.id, &codes(&["c1"]), draft("recovery.replace"))
        .await
        .unwrap();
    assert!(store
        .use_recovery_code(a.id, "c1", t(1), draft("recovery.use"))
        .await
        .unwrap());
    let sa = store
        .create_session(new_session(a.id, "ta", 0, 100))
        .await
        .unwrap();
    let sb = store
        .create_session(new_session(b.id, "tb", 0, 100))
        .await
        .unwrap();
    let gone = store
        .create_session(new_session(a.id, "gone", 0, 100))
        .await
        .unwrap();
    store.delete_session(gone.id, None).await.unwrap();
    let tok = store
        .create_api_token(new_token(a.id, "ci", "h1", 5), draft("token.create"))
        .await
        .unwrap();
    let before = log_actions(&store).await;
    assert_eq!(before.len(), 5);

    // A replayed TOTP step.
    assert!(!store
        .complete_totp_enrolment(a.id, 70, &codes(&["n"]), draft("refused"))
        .await
        .unwrap());
    // Unknown, already used and other accounts' recovery codes.
    for (id, code) in [(a.id, "unknown"), (a.id, "c1"), (b.id, "c1")] {
        assert!(!store
            .use_recovery_code(id, code, t(2), draft("refused"))
            .await
            .unwrap());
    }
    // Someone else's token, then a token already revoked.
    assert!(!store
        .revoke_api_token(b.id, tok.id, t(3), draft("refused"))
        .await
        .unwrap());
    assert!(store
        .revoke_api_token(a.id, tok.id, t(3), draft("token.revoke"))
        .await
        .unwrap());
    assert!(!store
        .revoke_api_token(a.id, tok.id, t(4), draft("refused"))
        .await
        .unwrap());
    // Another account's session, and one that is gone.
    assert!(!store
        .delete_account_session(a.id, sb.id, draft("refused"))
        .await
        .unwrap());
    assert!(!store
        .delete_account_session(a.id, gone.id, draft("refused"))
        .await
        .unwrap());
    store
        .delete_session(gone.id, Some(draft("refused")))
        .await
        .unwrap();
    // Failures: rotating what is gone, unknown account, taken e-mail and token hash.
    let err = store
        .rotate_session(
            gone.id,
            new_session(a.id, "ghost", 5, 100),
            Some(draft("refused")),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    let err = store
        .change_password(a.id + 1000, "$x", None, draft("refused"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    let err = store
        .create_account(
            new_account("a@example.org", AccountKind::Auditor),
            draft("refused"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");
    let err = store
        .create_api_token(new_token(b.id, "dup", "h1", 6), draft("refused"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");

    let mut expected = before;
    expected.push(("token.revoke".to_string(), "x".to_string()));
    assert_eq!(log_actions(&store).await, expected);
    assert!(store.session_by_token_hash("tb").await.unwrap().is_some());
    assert!(store.session_by_token_hash("ta").await.unwrap().is_some());
    // No number was used up by the refusals: the next entry follows on.
    assert_eq!(store.append_log(&[draft("next")]).await.unwrap(), vec![6]);
    assert!(store
        .delete_account_session(a.id, sa.id, draft("session.revoke"))
        .await
        .unwrap());
    assert_eq!(whole_log(&store).await.len(), 8);
}

async fn log_entries_round_trip(store: Arc<dyn Store>) {
    let drafts = vec![
        draft("console.thing"),
        raw_draft(
            t(10),
            actor(7, "nominator", Some("PAK")),
            "contact.read",
            "contact:3".into(),
        )
        .about_participant(Some("IND".to_string()))
        .with_content(&serde_json::json!(["phone", "+92 51 000"])),
        raw_draft(
            t(-5),
            actor(8, "secretariat", None),
            "a.b",
            "ünïcode ✓".into(),
        )
        .about_participant(Some("PAK".to_string())),
    ];
    assert_eq!(store.append_log(&drafts).await.unwrap(), vec![0, 1, 2]);
    let stored = whole_log(&store).await;
    let entries: Vec<LogEntry> = stored.iter().map(|s| s.entry.clone()).collect();
    let expected: Vec<LogEntry> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| d.clone().at_index(i as u64))
        .collect();
    assert_eq!(entries, expected);
    for (s, e) in stored.iter().zip(&expected) {
        assert_eq!(s.leaf_hash, e.leaf_hash());
    }

    // Ranges.
    let middle = store.log_entries(1, 2).await.unwrap();
    assert_eq!(middle.len(), 1);
    assert_eq!(middle[0], stored[1]);
    assert!(store.log_entries(2, 2).await.unwrap().is_empty());
    assert!(store.log_entries(2, 1).await.unwrap().is_empty());
    assert!(store.log_entries(3, 10).await.unwrap().is_empty());
    assert_eq!(store.log_entries(0, u64::MAX).await.unwrap(), stored);
    assert_eq!(
        store.log_leaf_hashes(1, 1).await.unwrap(),
        vec![stored[1].leaf_hash]
    );
    assert_eq!(
        store.log_leaf_hashes(1, u64::MAX).await.unwrap(),
        vec![stored[1].leaf_hash, stored[2].leaf_hash]
    );
    assert!(store.log_leaf_hashes(0, 0).await.unwrap().is_empty());
    assert!(store.log_leaf_hashes(3, 5).await.unwrap().is_empty());
    // Appending nothing changes nothing.
    assert!(store.append_log(&[]).await.unwrap().is_empty());
    assert_eq!(store.log_size().await.unwrap(), 3);
}

async fn append_log_many_in_one_go(store: Arc<dyn Store>) {
    account(&store, "a@example.org", AccountKind::Reporter).await;
    let drafts: Vec<LogDraft> = (0..1000)
        .map(|i| raw_draft(t(i), LogActor::console(), "bulk", format!("n:{i}")))
        .collect();
    let indexes = store.append_log(&drafts).await.unwrap();
    assert_eq!(indexes, (1..1001).collect::<Vec<u64>>());
    assert_eq!(
        store.append_log(&[draft("after")]).await.unwrap(),
        vec![1001]
    );
    let log = whole_log(&store).await;
    assert_eq!(log.len(), 1002);
    assert_eq!(log[1].entry.object, "n:0");
    assert_eq!(log[1000].entry.object, "n:999");
    assert_eq!(log[1000].entry.at, t(999).unix_timestamp());
}

async fn concurrent_appends_have_no_gaps(store: Arc<dyn Store>) {
    let start = Arc::new(tokio::sync::Barrier::new(8));
    let tasks: Vec<_> = (0..8)
        .map(|task| {
            let store = Arc::clone(&store);
            let start = Arc::clone(&start);
            tokio::spawn(async move {
                start.wait().await;
                let mut got = Vec::new();
                for i in 0..50 {
                    // Half the tasks log changes, half log entries alone.
                    if task % 2 == 0 {
                        let d = draft("account.create");
                        let email = format!("t{task}-{i}@example.org");
                        let a = store
                            .create_account(new_account(&email, AccountKind::Reporter), d)
                            .await
                            .unwrap();
                        got.push((None, format!("account:{}", a.id)));
                    } else {
                        let object = format!("t{task}-{i}");
                        let d = raw_draft(t(i), LogActor::console(), "alone", object.clone());
                        let idx = store.append_log(&[d]).await.unwrap();
                        assert_eq!(idx.len(), 1);
                        got.push((Some(idx[0]), object));
                    }
                }
                got
            })
        })
        .collect();
    let mut appended = Vec::new();
    for task in tasks {
        appended.extend(task.await.unwrap());
    }
    assert_eq!(appended.len(), 400);
    let log = whole_log(&store).await;
    assert_eq!(log.len(), 400, "400 entries, indexes 0..399");
    assert_eq!(store.log_size().await.unwrap(), 400);
    assert_eq!(store.count_accounts().await.unwrap(), 200);
    // Each append is in the log exactly once, at the index it was given.
    let mut objects: Vec<&str> = log.iter().map(|e| e.entry.object.as_str()).collect();
    objects.sort_unstable();
    objects.dedup();
    assert_eq!(objects.len(), 400, "no entry twice");
    for (idx, object) in &appended {
        let found = log.iter().find(|e| &e.entry.object == object).unwrap();
        if let Some(idx) = idx {
            assert_eq!(found.entry.index, *idx);
        }
    }
}

async fn search_log_filters(store: Arc<dyn Store>) {
    let at = |secs: i64| t(secs);
    let drafts = vec![
        // 0
        raw_draft(
            at(100),
            LogActor::console(),
            "account.create",
            "account:1".into(),
        )
        .about_participant(Some("PAK".into())),
        // 1
        raw_draft(
            at(110),
            actor(1, "secretariat", None),
            "session.sign_in",
            "s".into(),
        ),
        // 2
        raw_draft(
            at(120),
            actor(2, "nominator", Some("IND")),
            "session.sign_out",
            "s".into(),
        ),
        // 3
        raw_draft(
            at(130),
            actor(2, "nominator", Some("IND")),
            "contact.read",
            "c".into(),
        )
        .about_participant(Some("PAK".into())),
        // 4
        raw_draft(
            at(140),
            actor(1, "secretariat", None),
            "session.sign_in",
            "s".into(),
        )
        .about_participant(Some("IND".into())),
        // 5: not under "session." (a LIKE pattern would have to escape `_`)
        raw_draft(at(150), LogActor::console(), "session_x.y", "w".into()),
        // 6: nor is this (case matters)
        raw_draft(at(160), LogActor::console(), "Session.upper", "w".into()),
        // 7: a participant code that starts like another
        raw_draft(
            at(170),
            actor(3, "nominator", Some("PAKX")),
            "sessionx",
            "w".into(),
        )
        .about_participant(Some("PAKX".into())),
    ];
    store.append_log(&drafts).await.unwrap();
    let search = |filter: LogFilter, before: Option<u64>, limit: u64| {
        let store = Arc::clone(&store);
        let drafts = drafts.clone();
        async move {
            let found = store.search_log(&filter, before, limit).await.unwrap();
            for e in &found {
                // Whole entries come back, as appended.
                assert_eq!(e, &drafts[e.index as usize].clone().at_index(e.index));
            }
            found.iter().map(|e| e.index).collect::<Vec<u64>>()
        }
    };
    let all = LogFilter::default();
    let f = |g: fn(&mut LogFilter)| {
        let mut filter = LogFilter::default();
        g(&mut filter);
        filter
    };

    assert_eq!(
        search(all.clone(), None, 100).await,
        vec![7, 6, 5, 4, 3, 2, 1, 0]
    );
    assert_eq!(search(all.clone(), None, 3).await, vec![7, 6, 5]);
    assert_eq!(search(all.clone(), Some(4), 100).await, vec![3, 2, 1, 0]);
    assert_eq!(search(all.clone(), Some(4), 2).await, vec![3, 2]);
    assert_eq!(search(all.clone(), Some(0), 100).await, Vec::<u64>::new());
    assert_eq!(search(all.clone(), Some(u64::MAX), 2).await, vec![7, 6]);
    assert_eq!(search(all.clone(), None, 0).await, Vec::<u64>::new());
    assert_eq!(search(all.clone(), None, u64::MAX).await.len(), 8);

    let by_actor = f(|f| f.actor_account_id = Some(1));
    assert_eq!(search(by_actor, None, 100).await, vec![4, 1]);
    let exact = f(|f| f.action = Some("session.sign_in".into()));
    assert_eq!(search(exact, None, 100).await, vec![4, 1]);
    let prefix = f(|f| f.action = Some("session.".into()));
    assert_eq!(search(prefix, None, 100).await, vec![4, 2, 1]);
    let no_dot = f(|f| f.action = Some("session".into()));
    assert_eq!(search(no_dot, None, 100).await, Vec::<u64>::new());
    let pak = f(|f| f.participant = Some("PAK".into()));
    assert_eq!(search(pak, None, 100).await, vec![3, 0]);
    // About IND (4), or by an actor of IND (3, 2).
    let ind = f(|f| f.participant = Some("IND".into()));
    assert_eq!(search(ind, None, 100).await, vec![4, 3, 2]);
    let window = f(|f| {
        f.since = Some(t(120).unix_timestamp());
        f.until = Some(t(140).unix_timestamp());
    });
    assert_eq!(search(window, None, 100).await, vec![3, 2]);
    let since = f(|f| f.since = Some(t(150).unix_timestamp()));
    assert_eq!(search(since, None, 100).await, vec![7, 6, 5]);
    let until = f(|f| f.until = Some(t(110).unix_timestamp()));
    assert_eq!(search(until, None, 100).await, vec![0]);
    let combined = f(|f| {
        f.participant = Some("IND".into());
        f.action = Some("session.".into());
    });
    assert_eq!(search(combined.clone(), None, 100).await, vec![4, 2]);
    assert_eq!(search(combined.clone(), Some(4), 100).await, vec![2]);
    assert_eq!(search(combined, None, 1).await, vec![4]);
    let everything = f(|f| {
        f.actor_account_id = Some(2);
        f.action = Some("contact.read".into());
        f.participant = Some("PAK".into());
        f.since = Some(t(130).unix_timestamp());
        f.until = Some(t(131).unix_timestamp());
    });
    assert_eq!(search(everything, Some(4), 10).await, vec![3]);
}

async fn tree_heads_keep_the_first(store: Arc<dyn Store>) {
    assert!(store.tree_heads().await.unwrap().is_empty());
    assert_eq!(store.latest_tree_head().await.unwrap(), None);
    store.store_tree_head(&head(5, 1)).await.unwrap();
    assert_eq!(store.latest_tree_head().await.unwrap(), Some(head(5, 1)));
    store.store_tree_head(&head(2, 2)).await.unwrap();
    store.store_tree_head(&head(9, 3)).await.unwrap();
    store.store_tree_head(&head(0, 4)).await.unwrap();
    // A second head for a size already kept is ignored, not an error.
    store.store_tree_head(&head(5, 9)).await.unwrap();
    assert_eq!(
        store.tree_heads().await.unwrap(),
        vec![head(0, 4), head(2, 2), head(5, 1), head(9, 3)]
    );
    assert_eq!(store.latest_tree_head().await.unwrap(), Some(head(9, 3)));
    // Sizes past BIGINT cannot be stored, and say so.
    assert!(store.store_tree_head(&head(u64::MAX, 1)).await.is_err());
}

async fn failed_log_append_leaves_no_change(store: Arc<dyn Store>, raw: Raw) {
    let a = account(&store, "a@example.org", AccountKind::Reporter).await;
    store
        .replace_recovery_codes(a.id, &codes(&["c1"]), draft("recovery.replace"))
        .await
        .unwrap();
    store.begin_totp_enrolment(a.id, "SECRET").await.unwrap();
    let s1 = store
        .create_session(new_session(a.id, "s1", 0, 100))
        .await
        .unwrap();
    let s2 = store
        .create_session(new_session(a.id, "s2", 0, 100))
        .await
        .unwrap();
    let tok = store
        .create_api_token(new_token(a.id, "ci", "h1", 0), draft("token.create"))
        .await
        .unwrap();
    let log_before = log_actions(&store).await;
    arm_boom(&raw).await;
    let boom = || draft("boom");

    assert!(store
        .create_account(new_account("b@example.org", AccountKind::Reporter), boom())
        .await
        .is_err());
    assert_eq!(store.account_by_email("b@example.org").await.unwrap(), None);
    assert_eq!(store.count_accounts().await.unwrap(), 1);

    assert!(store
        .change_password(a.id, "$argon2id$new", None, boom())
        .await
        .is_err());
    let kept = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!(kept.password_hash, "$argon2id$hash");
    assert_eq!(store.sessions_of(a.id, t(0)).await.unwrap().len(), 2);

    assert!(store
        .complete_totp_enrolment(a.id, 5, &codes(&["n1", "n2"]), boom())
        .await
        .is_err());
    let kept = store.account_by_id(a.id).await.unwrap().unwrap();
    assert!(!kept.totp_enrolled);
    assert_eq!(kept.totp_last_step, None);
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 1);

    assert!(store
        .replace_recovery_codes(a.id, &codes(&["n1", "n2"]), boom())
        .await
        .is_err());
    assert!(store
        .use_recovery_code(a.id, "c1", t(1), boom())
        .await
        .is_err());
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 1);

    assert!(store
        .rotate_session(s1.id, new_session(a.id, "s3", 1, 100), Some(boom()))
        .await
        .is_err());
    assert!(store.session_by_token_hash("s1").await.unwrap().is_some());
    assert_eq!(store.session_by_token_hash("s3").await.unwrap(), None);
    assert!(store.delete_session(s1.id, Some(boom())).await.is_err());
    assert!(store
        .delete_account_session(a.id, s2.id, boom())
        .await
        .is_err());
    assert_eq!(store.sessions_of(a.id, t(0)).await.unwrap().len(), 2);

    assert!(store
        .create_api_token(new_token(a.id, "new", "h2", 1), boom())
        .await
        .is_err());
    assert_eq!(store.api_token_by_hash("h2").await.unwrap(), None);
    assert!(store
        .revoke_api_token(a.id, tok.id, t(1), boom())
        .await
        .is_err());
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
        .append_log(&[draft("fine"), boom(), draft("fine")])
        .await
        .is_err());

    // Nothing was logged and no number was lost.
    assert_eq!(log_actions(&store).await, log_before);
    let next = log_before.len() as u64;
    assert_eq!(
        store.append_log(&[draft("fine")]).await.unwrap(),
        vec![next]
    );
    // The same changes go through once the append does.
    assert!(store
        .revoke_api_token(a.id, tok.id, t(1), draft("token.revoke"))
        .await
        .unwrap());
    assert_eq!(whole_log(&store).await.len() as u64, next + 2);
}

async fn log_is_append_only(store: Arc<dyn Store>, raw: Raw) {
    store
        .append_log(&[draft("first"), draft("second")])
        .await
        .unwrap();
    let before = whole_log(&store).await;

    let update = "UPDATE log_entries SET action = 'rewritten' WHERE idx = 1";
    let err = raw.exec(update, update).await.unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let delete = "DELETE FROM log_entries WHERE idx = 1";
    let err = raw.exec(delete, delete).await.unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    if store.backend() == Backend::Postgres {
        let err = raw.exec("", "TRUNCATE log_entries").await.unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
    }
    assert_eq!(whole_log(&store).await, before);

    // What tamper tests do: lift the guard, rewrite history. The stored
    // leaf hash no longer matches the entry, which is what `verify` sees.
    raw.exec(
        "DROP TRIGGER log_entries_no_update; DROP TRIGGER log_entries_no_delete;",
        "ALTER TABLE log_entries DISABLE TRIGGER log_entries_append_only;",
    )
    .await
    .unwrap();
    raw.exec(update, update).await.unwrap();
    let tampered = store.log_entries(0, 2).await.unwrap();
    assert_eq!(tampered[0], before[0]);
    assert_eq!(tampered[1].entry.action, "rewritten");
    assert_eq!(tampered[1].leaf_hash, before[1].leaf_hash);
    assert_ne!(tampered[1].leaf_hash, tampered[1].entry.leaf_hash());
    raw.exec(delete, delete).await.unwrap();
    assert_eq!(store.log_entries(0, 2).await.unwrap().len(), 1);
}

async fn corrupt_leaf_hash_is_reported(store: Arc<dyn Store>, raw: Raw) {
    store
        .append_log(&[draft("first"), draft("second")])
        .await
        .unwrap();
    // Past both the append-only guard and the length check.
    raw.exec(
        "PRAGMA ignore_check_constraints = ON; \
         DROP TRIGGER log_entries_no_update; \
         UPDATE log_entries SET leaf_hash = x'0102' WHERE idx = 1; \
         PRAGMA ignore_check_constraints = OFF;",
        "ALTER TABLE log_entries DISABLE TRIGGER log_entries_append_only; \
         ALTER TABLE log_entries DROP CONSTRAINT log_entries_leaf_hash_check; \
         UPDATE log_entries SET leaf_hash = '\\x0102' WHERE idx = 1;",
    )
    .await
    .unwrap();
    let err = store.log_entries(0, 2).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    let err = store.log_leaf_hashes(0, 2).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    // The intact entry still reads.
    assert_eq!(store.log_entries(0, 1).await.unwrap().len(), 1);
    assert_eq!(store.log_leaf_hashes(0, 1).await.unwrap().len(), 1);
}

async fn log_keys_are_recorded_once_and_kept(store: Arc<dyn Store>, raw: Raw) {
    use pocdir_store::LogKey;
    assert!(store.log_keys().await.unwrap().is_empty());
    let key = |id: &str, at: i64| LogKey {
        key_id: id.into(),
        public_key: format!("pk-{id}"),
        recorded_at: at,
    };
    store.record_log_key(&key("bb", 20)).await.unwrap();
    store.record_log_key(&key("aa", 10)).await.unwrap();
    // Recording a key again leaves the first record as it was.
    let mut again = key("bb", 99);
    again.public_key = "other".into();
    store.record_log_key(&again).await.unwrap();
    assert_eq!(
        store.log_keys().await.unwrap(),
        vec![key("aa", 10), key("bb", 20)]
    );
    // Kept for good: no edit, no removal.
    let update = "UPDATE log_keys SET public_key = 'forged' WHERE key_id = 'aa'";
    let err = raw.exec(update, update).await.unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let delete = "DELETE FROM log_keys";
    let err = raw.exec(delete, delete).await.unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert_eq!(store.log_keys().await.unwrap().len(), 2);
}

async fn log_key_rotations_are_logged_and_kept(store: Arc<dyn Store>, raw: Raw) {
    use ed25519_dalek::SigningKey;
    use pocdir_domain::log::rotation::{KeyRotation, RecordedRotation};
    assert!(store.log_key_rotations().await.unwrap().is_empty());
    let (old, new) = (
        SigningKey::from_bytes(&[1; 32]),
        SigningKey::from_bytes(&[2; 32]),
    );
    let rotation = KeyRotation::new(&new.verifying_key(), Some(&old));
    let rotated = rotation.draft(t(5), LogActor::console()).unwrap();
    store.append_log(&[draft("account.create")]).await.unwrap();
    let index = store.rotate_log_key(&rotation, &rotated, 50).await.unwrap();
    assert_eq!(index, 1);
    assert_eq!(
        store.log_key_rotations().await.unwrap(),
        vec![RecordedRotation {
            index: 1,
            rotation: rotation.clone()
        }]
    );
    // The entry carries the rotation as its content; the key is recorded.
    let entry = store.log_entries(1, 2).await.unwrap().remove(0).entry;
    assert_eq!(entry.action, "log.key_rotate");
    assert_eq!(entry.content_hash, rotation.content_hash().unwrap());
    let keys = store.log_keys().await.unwrap();
    assert!(keys
        .iter()
        .any(|k| k.key_id == rotation.key_id && k.recorded_at == 50));
    // Kept for good.
    let update = "UPDATE log_key_rotations SET endorsement = NULL";
    let err = raw.exec(update, update).await.unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let delete = "DELETE FROM log_key_rotations";
    assert!(raw.exec(delete, delete).await.is_err());
    assert_eq!(store.log_key_rotations().await.unwrap().len(), 1);
}
