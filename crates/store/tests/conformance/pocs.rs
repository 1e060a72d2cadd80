//! Points of contact: the lifecycle, its history, the queue, concurrency and imports.

use crate::*;

conformance!(
    cases: [
        poc_lifecycle_moves_the_participant,
        poc_rejected_nomination_leaves_participant,
        poc_decide_without_pending_is_conflict,
        poc_states_refuse_what_they_do_not_allow,
        poc_history_keeps_every_version,
        poc_pending_queue_oldest_first,
        poc_due_for_revalidation,
        poc_counts_by_role,
        poc_for_unknown_participant_is_not_found,
        poc_concurrent_updates_one_wins,
        poc_concurrent_last_withdrawals_leave_participant_out,
        poc_import_is_all_or_nothing,
        directory_revision_moves_with_every_change,
    ],
    raw: [
        poc_failed_log_append_leaves_no_change,
    ],
);

async fn poc_lifecycle_moves_the_participant(store: Arc<dyn Store>) {
    use ParticipationStatus::*;
    seed_two(&store).await;
    let log0 = store.log_size().await.unwrap();

    let p = propose(&store, "PAK", PocRole::Technical, "v1", 10).await;
    assert_eq!(p.status, PocStatus::Pending);
    assert_eq!(p.version, 1);
    assert_eq!(p.participant, "PAK");
    assert_eq!(p.role, PocRole::Technical);
    assert_eq!(p.pending.as_deref(), Some(details("v1").as_str()));
    assert_eq!(p.pending_action, Some(PendingAction::Create));
    assert_eq!(p.active, None);
    assert_eq!(p.confirmed_at, None);
    assert_eq!((p.created_at, p.updated_at), (t(10), t(10)));
    assert_eq!(store.poc(p.id).await.unwrap(), Some(p.clone()));
    let log = whole_log(&store).await;
    assert_eq!(log.len() as u64, log0 + 1);
    assert_eq!(log.last().unwrap().entry.object, format!("poc:{}", p.id));

    // Approval: active, verified, and PAK takes part — one more entry.
    let d = decide(&store, &p, true, 20).await;
    assert_eq!(
        d.participant_status_changed,
        Some((NotParticipating, Participating))
    );
    let p = d.poc;
    assert_eq!(p.status, PocStatus::Active);
    assert_eq!(p.version, 2);
    assert_eq!(p.active.as_deref(), Some(details("v1").as_str()));
    assert_eq!((p.pending.clone(), p.pending_action), (None, None));
    assert_eq!(p.confirmed_at, Some(t(20)));
    assert_eq!(p.updated_at, t(20));
    assert_eq!(status_of(&store, "PAK").await, Participating);
    assert_eq!(
        store
            .participant("PAK")
            .await
            .unwrap()
            .unwrap()
            .status_changed_at,
        t(20)
    );
    let log = whole_log(&store).await;
    assert_eq!(log.len() as u64, log0 + 3);
    let decision = &log[log.len() - 2].entry;
    assert_eq!(
        (decision.action.as_str(), decision.object.clone()),
        ("poc.decide", format!("poc:{}", p.id))
    );
    let status = &log[log.len() - 1].entry;
    assert_eq!(status.action, "participant.status");
    assert_eq!(status.object, "participant:PAK");
    assert_eq!(status.participant.as_deref(), Some("PAK"));
    assert_eq!(status.actor_account_id, Some(1));
    assert_eq!(status.actor_kind, "secretariat");
    assert_eq!(status.at, t(20).unix_timestamp());

    // An update proposal keeps the active details until approved.
    let u = store
        .propose_poc_update(
            p.id,
            p.version,
            &details("v2"),
            Some(7),
            t(30),
            draft("poc.update"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(u.version, 3);
    assert_eq!(u.status, PocStatus::Active);
    assert_eq!(u.active.as_deref(), Some(details("v1").as_str()));
    assert_eq!(u.pending.as_deref(), Some(details("v2").as_str()));
    assert_eq!(u.pending_action, Some(PendingAction::Update));

    // A stale version gets the current PoC back, and nothing is logged or kept.
    let size = store.log_size().await.unwrap();
    let stale = store
        .propose_poc_update(
            p.id,
            p.version,
            &details("v3"),
            Some(7),
            t(31),
            draft("poc.update"),
        )
        .await
        .unwrap();
    assert_eq!(stale, ChangeOutcome::Stale(u.clone()));
    assert_eq!(store.log_size().await.unwrap(), size);
    assert_eq!(store.poc(p.id).await.unwrap(), Some(u.clone()));
    assert_eq!(store.poc_history(p.id).await.unwrap().len(), 3);

    // Approving the update: new details active, re-verified, PAK unchanged.
    let d = decide(&store, &u, true, 40).await;
    assert_eq!(d.participant_status_changed, None);
    let p = d.poc;
    assert_eq!(p.version, 4);
    assert_eq!(p.active.as_deref(), Some(details("v2").as_str()));
    assert_eq!(p.pending_action, None);
    assert_eq!(p.confirmed_at, Some(t(40)));
    assert_eq!(store.log_size().await.unwrap(), size + 1);

    // Withdrawal: asked, then approved; PAK no longer takes part.
    let w = store
        .propose_poc_withdrawal(
            p.id,
            p.version,
            Some("Left the ministry"),
            Some(7),
            t(50),
            draft("poc.withdraw"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    // The nominator's reason is kept with the request.
    let asked = store.poc_history(p.id).await.unwrap();
    assert_eq!(
        asked.last().and_then(|h| h.reason.as_deref()),
        Some("Left the ministry")
    );
    assert_eq!(w.status, PocStatus::Active);
    assert_eq!(w.pending_action, Some(PendingAction::Withdraw));
    assert_eq!(w.version, 5);
    assert_eq!(status_of(&store, "PAK").await, Participating);
    let size = store.log_size().await.unwrap();
    let d = decide(&store, &w, true, 60).await;
    assert_eq!(
        d.participant_status_changed,
        Some((Participating, NotParticipating))
    );
    assert_eq!(d.poc.status, PocStatus::Withdrawn);
    assert_eq!(d.poc.version, 6);
    // The last active details stay, for history.
    assert_eq!(d.poc.active.as_deref(), Some(details("v2").as_str()));
    assert_eq!(d.poc.pending_action, None);
    assert_eq!(status_of(&store, "PAK").await, NotParticipating);
    let actions: Vec<(String, String)> = log_actions(&store).await.split_off(size as usize);
    assert_eq!(
        actions,
        pairs(&[
            ("poc.decide", format!("poc:{}", p.id)),
            ("participant.status", "participant:PAK".to_string()),
        ])
    );
    assert_eq!(store.poc(p.id).await.unwrap(), Some(d.poc));
    // FRA was never touched.
    assert_eq!(status_of(&store, "FRA").await, NotParticipating);
}

async fn poc_rejected_nomination_leaves_participant(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let p = propose(&store, "PAK", PocRole::Diplomatic, "v1", 10).await;
    let size = store.log_size().await.unwrap();
    let d = decide(&store, &p, false, 20).await;
    assert_eq!(d.participant_status_changed, None);
    assert_eq!(d.poc.status, PocStatus::Rejected);
    assert_eq!(d.poc.version, 2);
    assert_eq!((d.poc.pending.clone(), d.poc.pending_action), (None, None));
    assert_eq!(d.poc.active, None);
    assert_eq!(d.poc.confirmed_at, None);
    assert_eq!(
        status_of(&store, "PAK").await,
        ParticipationStatus::NotParticipating
    );
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    let history = store.poc_history(p.id).await.unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "reject");
    assert_eq!(last.reason.as_deref(), Some("not an official"));
    assert_eq!(last.details.as_deref(), Some(details("v1").as_str()));
    // A rejected nomination is over.
    assert!(matches!(
        store
            .propose_poc_update(p.id, 2, &details("v2"), Some(7), t(30), draft("poc.update"))
            .await,
        Err(StoreError::NotAllowed(_))
    ));
    assert!(store.pending_pocs().await.unwrap().is_empty());
}

async fn poc_decide_without_pending_is_conflict(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let p = propose(&store, "PAK", PocRole::Technical, "v1", 10).await;
    let p = decide(&store, &p, true, 20).await.poc;
    let size = store.log_size().await.unwrap();
    for approve in [true, false] {
        let err = store
            .decide_poc(
                p.id,
                p.version,
                approve,
                None,
                Some(1),
                t(30),
                draft("poc.decide"),
            )
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NotAllowed(_)), "{err:?}");
    }
    assert_eq!(store.log_size().await.unwrap(), size);
    assert_eq!(store.poc(p.id).await.unwrap(), Some(p.clone()));
    assert_eq!(store.poc_history(p.id).await.unwrap().len(), 2);
    // Unknown PoC.
    assert!(matches!(
        store
            .decide_poc(
                p.id + 100,
                1,
                true,
                None,
                Some(1),
                t(30),
                draft("poc.decide")
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn poc_states_refuse_what_they_do_not_allow(store: Arc<dyn Store>) {
    seed_two(&store).await;
    // A nomination may be amended (still a creation) and withdrawn at once.
    let p = propose(&store, "PAK", PocRole::Technical, "v1", 10).await;
    let p = store
        .propose_poc_update(
            p.id,
            1,
            &details("v1b"),
            Some(7),
            t(11),
            draft("poc.update"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(p.status, PocStatus::Pending);
    assert_eq!(p.pending_action, Some(PendingAction::Create));
    assert_eq!(p.pending.as_deref(), Some(details("v1b").as_str()));
    let conflict = |r: Result<ChangeOutcome<Poc>, StoreError>| {
        assert!(matches!(r, Err(StoreError::NotAllowed(_))), "{r:?}");
    };
    conflict(
        store
            .confirm_poc(p.id, 2, Some(7), t(12), draft("poc.confirm"))
            .await,
    );
    let w = store
        .propose_poc_withdrawal(p.id, 2, None, Some(7), t(13), draft("poc.withdraw"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(w.status, PocStatus::Withdrawn);
    assert_eq!((w.pending.clone(), w.pending_action), (None, None));
    assert_eq!(w.version, 3);
    assert_eq!(
        status_of(&store, "PAK").await,
        ParticipationStatus::NotParticipating
    );
    conflict(
        store
            .propose_poc_withdrawal(w.id, 3, None, Some(7), t(14), draft("x"))
            .await,
    );
    conflict(
        store
            .propose_poc_update(w.id, 3, "{}", Some(7), t(14), draft("x"))
            .await,
    );
    conflict(store.confirm_poc(w.id, 3, Some(7), t(14), draft("x")).await);

    // Active with a pending withdrawal: no update, no second withdrawal.
    let a = propose(&store, "PAK", PocRole::Technical, "a", 20).await;
    let a = decide(&store, &a, true, 21).await.poc;
    let a = store
        .propose_poc_withdrawal(a.id, a.version, None, Some(7), t(22), draft("poc.withdraw"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    conflict(
        store
            .propose_poc_update(a.id, a.version, "{}", Some(7), t(23), draft("x"))
            .await,
    );
    conflict(
        store
            .propose_poc_withdrawal(a.id, a.version, None, Some(7), t(23), draft("x"))
            .await,
    );
    // Re-validation stays possible meanwhile; a rejected withdrawal keeps it active.
    let a = store
        .confirm_poc(a.id, a.version, Some(7), t(24), draft("poc.confirm"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(a.confirmed_at, Some(t(24)));
    assert_eq!(a.pending_action, Some(PendingAction::Withdraw));
    let d = decide(&store, &a, false, 25).await;
    assert_eq!(d.poc.status, PocStatus::Active);
    assert_eq!(d.poc.pending_action, None);
    assert_eq!(d.participant_status_changed, None);
    assert_eq!(
        status_of(&store, "PAK").await,
        ParticipationStatus::Participating
    );
    // Unknown ids.
    assert!(matches!(
        store.confirm_poc(9999, 1, Some(7), t(30), draft("x")).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.poc(9999).await.unwrap(), None);
    assert!(store.poc_history(9999).await.unwrap().is_empty());
}

async fn poc_history_keeps_every_version(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let p = propose(&store, "PAK", PocRole::Technical, "v1", 10).await;
    let p = decide(&store, &p, true, 20).await.poc;
    let p = store
        .propose_poc_update(
            p.id,
            p.version,
            &details("v2"),
            Some(7),
            t(30),
            draft("poc.update"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    let p = decide(&store, &p, false, 40).await.poc;
    let p = store
        .confirm_poc(p.id, p.version, Some(7), t(50), draft("poc.confirm"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(p.confirmed_at, Some(t(50)));
    assert_eq!(p.active.as_deref(), Some(details("v1").as_str()));
    let p = store
        .propose_poc_withdrawal(p.id, p.version, None, Some(7), t(60), draft("poc.withdraw"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    let p = decide(&store, &p, true, 70).await.poc;
    assert_eq!(p.version, 7);
    let history = store.poc_history(p.id).await.unwrap();
    let got: Vec<_> = history
        .iter()
        .map(|h| {
            assert_eq!(h.poc_id, p.id);
            (
                h.version,
                h.at.unix_timestamp() - t(0).unix_timestamp(),
                h.actor_account_id,
                h.action.as_str(),
                h.details.as_deref(),
                h.reason.as_deref(),
            )
        })
        .collect();
    let (v1, v2) = (details("v1"), details("v2"));
    assert_eq!(
        got,
        vec![
            (1, 10, Some(7), "propose", Some(v1.as_str()), None),
            (2, 20, Some(1), "approve", Some(v1.as_str()), None),
            (3, 30, Some(7), "propose_update", Some(v2.as_str()), None),
            (
                4,
                40,
                Some(1),
                "reject",
                Some(v2.as_str()),
                Some("not an official")
            ),
            (5, 50, Some(7), "confirm", None, None),
            (6, 60, Some(7), "propose_withdrawal", None, None),
            (7, 70, Some(1), "approve", None, None),
        ]
    );
}

async fn poc_pending_queue_oldest_first(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let a = propose(&store, "PAK", PocRole::Technical, "a", 30).await;
    let b = propose(&store, "FRA", PocRole::Diplomatic, "b", 10).await;
    let c = propose(&store, "PAK", PocRole::Diplomatic, "c", 20).await;
    let ids = |list: Vec<Poc>| list.into_iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.pending_pocs().await.unwrap()),
        vec![b.id, c.id, a.id]
    );
    // Amending keeps the request's place; deciding takes it out.
    store
        .propose_poc_update(
            b.id,
            b.version,
            &details("b2"),
            Some(7),
            t(40),
            draft("poc.update"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(
        ids(store.pending_pocs().await.unwrap()),
        vec![b.id, c.id, a.id]
    );
    let c = decide(&store, &c, true, 50).await.poc;
    assert_eq!(ids(store.pending_pocs().await.unwrap()), vec![b.id, a.id]);
    // A new request on an active PoC joins at the back.
    let c = store
        .propose_poc_update(
            c.id,
            c.version,
            &details("c2"),
            Some(7),
            t(60),
            draft("poc.update"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    let queue = store.pending_pocs().await.unwrap();
    assert_eq!(ids(queue.clone()), vec![b.id, a.id, c.id]);
    assert_eq!(queue[2].pending_action, Some(PendingAction::Update));
    // All of a participant's PoCs, by id, whatever their status.
    assert_eq!(ids(store.pocs_of("PAK").await.unwrap()), vec![a.id, c.id]);
    assert_eq!(ids(store.pocs_of("FRA").await.unwrap()), vec![b.id]);
    assert!(store.pocs_of("ZZZ").await.unwrap().is_empty());
}

async fn poc_due_for_revalidation(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let a = propose(&store, "PAK", PocRole::Technical, "a", 0).await;
    let a = decide(&store, &a, true, 100).await.poc;
    let b = propose(&store, "FRA", PocRole::Technical, "b", 0).await;
    let b = decide(&store, &b, true, 50).await.poc;
    // Pending and withdrawn PoCs are never due.
    propose(&store, "PAK", PocRole::Diplomatic, "pending", 0).await;
    let w = propose(&store, "FRA", PocRole::Diplomatic, "w", 0).await;
    let w = decide(&store, &w, true, 10).await.poc;
    let w = store
        .propose_poc_withdrawal(w.id, w.version, None, Some(7), t(11), draft("poc.withdraw"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    decide(&store, &w, true, 12).await;
    let ids = |list: Vec<Poc>| list.into_iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.pocs_due_for_revalidation(t(50)).await.unwrap()),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(store.pocs_due_for_revalidation(t(51)).await.unwrap()),
        vec![b.id]
    );
    assert_eq!(
        ids(store.pocs_due_for_revalidation(t(101)).await.unwrap()),
        vec![b.id, a.id]
    );
    // Re-validation takes it off the list.
    store
        .confirm_poc(b.id, b.version, Some(7), t(200), draft("poc.confirm"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(
        ids(store.pocs_due_for_revalidation(t(101)).await.unwrap()),
        vec![a.id]
    );
}

async fn poc_counts_by_role(store: Arc<dyn Store>) {
    seed_two(&store).await;
    assert!(store.active_poc_counts().await.unwrap().is_empty());
    for (code, role, name) in [
        ("PAK", PocRole::Technical, "t1"),
        ("PAK", PocRole::Technical, "t2"),
        ("PAK", PocRole::Diplomatic, "d1"),
        ("FRA", PocRole::Diplomatic, "d2"),
    ] {
        let p = propose(&store, code, role, name, 0).await;
        decide(&store, &p, true, 10).await;
    }
    // Pending, rejected and withdrawn ones do not count.
    propose(&store, "FRA", PocRole::Technical, "pending", 20).await;
    let r = propose(&store, "FRA", PocRole::Technical, "rejected", 20).await;
    decide(&store, &r, false, 30).await;
    let pak = store.pocs_of("PAK").await.unwrap();
    let t2 = pak
        .iter()
        .find(|p| p.active.as_deref() == Some(details("t2").as_str()))
        .unwrap();
    let w = store
        .propose_poc_withdrawal(
            t2.id,
            t2.version,
            None,
            Some(7),
            t(40),
            draft("poc.withdraw"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    // Still active (and counted) until the secretariat approves.
    assert_eq!(
        store.active_poc_counts().await.unwrap(),
        vec![("FRA".to_string(), 1, 0), ("PAK".to_string(), 1, 2)]
    );
    let d = decide(&store, &w, true, 50).await;
    // Other PoCs remain: PAK keeps taking part.
    assert_eq!(d.participant_status_changed, None);
    assert_eq!(
        status_of(&store, "PAK").await,
        ParticipationStatus::Participating
    );
    assert_eq!(
        store.active_poc_counts().await.unwrap(),
        vec![("FRA".to_string(), 1, 0), ("PAK".to_string(), 1, 1)]
    );
}

async fn poc_for_unknown_participant_is_not_found(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let size = store.log_size().await.unwrap();
    let err = store
        .propose_poc(
            "ZZZ",
            PocRole::Technical,
            &details("x"),
            Some(7),
            t(0),
            draft("poc.propose"),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    assert_eq!(store.log_size().await.unwrap(), size);
    assert!(store.pocs_of("ZZZ").await.unwrap().is_empty());
    assert!(store.pending_pocs().await.unwrap().is_empty());
}

async fn poc_concurrent_updates_one_wins(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let p = propose(&store, "PAK", PocRole::Technical, "v1", 0).await;
    let mut p = decide(&store, &p, true, 1).await.poc;
    // Several rounds, since a racy check-then-write loses only sometimes.
    for round in 0..10 {
        let size = store.log_size().await.unwrap();
        let start = Arc::new(tokio::sync::Barrier::new(4));
        let tasks: Vec<_> = (0..4)
            .map(|i| {
                let store = Arc::clone(&store);
                let start = Arc::clone(&start);
                let (id, version) = (p.id, p.version);
                tokio::spawn(async move {
                    start.wait().await;
                    store
                        .propose_poc_update(
                            id,
                            version,
                            &details(&format!("r{round}-{i}")),
                            Some(7),
                            t(10 + round),
                            draft("poc.update"),
                        )
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut won = Vec::new();
        let mut lost = Vec::new();
        for task in tasks {
            match task.await.unwrap() {
                ChangeOutcome::Applied(poc) => won.push(poc),
                ChangeOutcome::Stale(current) => lost.push(current),
            }
        }
        assert_eq!(
            won.len(),
            1,
            "round {round}: exactly one of four concurrent updates"
        );
        let winner = won.pop().unwrap();
        assert_eq!(winner.version, p.version + 1);
        for current in lost {
            assert_eq!(current, winner, "the losers see the winner's version");
        }
        assert_eq!(store.log_size().await.unwrap(), size + 1);
        assert_eq!(store.poc(p.id).await.unwrap(), Some(winner.clone()));
        p = winner;
    }
    assert_eq!(
        store.poc_history(p.id).await.unwrap().len() as i64,
        p.version
    );
}

async fn poc_concurrent_last_withdrawals_leave_participant_out(store: Arc<dyn Store>) {
    seed_two(&store).await;
    for round in 0..5 {
        // Two active PoCs, both asked to be withdrawn, approved at once:
        // whichever goes last must take the participant out.
        let mut asked = Vec::new();
        for name in ["a", "b"] {
            let p = propose(&store, "PAK", PocRole::Technical, name, round * 10).await;
            let p = decide(&store, &p, true, round * 10 + 1).await.poc;
            let p = store
                .propose_poc_withdrawal(
                    p.id,
                    p.version,
                    None,
                    Some(7),
                    t(round * 10 + 2),
                    draft("poc.withdraw"),
                )
                .await
                .unwrap()
                .applied()
                .unwrap();
            asked.push(p);
        }
        assert_eq!(
            status_of(&store, "PAK").await,
            ParticipationStatus::Participating
        );
        let start = Arc::new(tokio::sync::Barrier::new(2));
        let tasks: Vec<_> = asked
            .into_iter()
            .map(|p| {
                let store = Arc::clone(&store);
                let start = Arc::clone(&start);
                tokio::spawn(async move {
                    start.wait().await;
                    decide(&store, &p, true, round * 10 + 3).await
                })
            })
            .collect();
        let mut changes = Vec::new();
        for task in tasks {
            changes.extend(task.await.unwrap().participant_status_changed);
        }
        assert_eq!(
            changes,
            vec![(
                ParticipationStatus::Participating,
                ParticipationStatus::NotParticipating
            )],
            "round {round}"
        );
        assert_eq!(
            status_of(&store, "PAK").await,
            ParticipationStatus::NotParticipating
        );
    }
}

async fn poc_failed_log_append_leaves_no_change(store: Arc<dyn Store>, raw: Raw) {
    use ParticipationStatus::*;
    seed_two(&store).await;
    let done = propose(&store, "FRA", PocRole::Technical, "fra", 0).await;
    let fra = decide(&store, &done, true, 1).await.poc;
    let fra = store
        .propose_poc_withdrawal(
            fra.id,
            fra.version,
            None,
            Some(7),
            t(2),
            draft("poc.withdraw"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    let p = propose(&store, "PAK", PocRole::Technical, "v1", 3).await;
    let log_before = log_actions(&store).await;
    let queue_before = store.pending_pocs().await.unwrap();
    arm_boom(&raw).await;
    let boom = || draft("boom");

    assert!(store
        .propose_poc(
            "PAK",
            PocRole::Diplomatic,
            &details("x"),
            Some(7),
            t(10),
            boom()
        )
        .await
        .is_err());
    assert_eq!(store.pocs_of("PAK").await.unwrap(), vec![p.clone()]);
    assert!(store
        .propose_poc_update(p.id, p.version, &details("v2"), Some(7), t(10), boom())
        .await
        .is_err());
    assert!(store
        .propose_poc_withdrawal(p.id, p.version, None, Some(7), t(10), boom())
        .await
        .is_err());
    // The approval would make PAK take part: neither happens.
    assert!(store
        .decide_poc(p.id, p.version, true, None, Some(1), t(10), boom())
        .await
        .is_err());
    assert!(store
        .decide_poc(p.id, p.version, false, Some("no"), Some(1), t(10), boom())
        .await
        .is_err());
    assert_eq!(store.poc(p.id).await.unwrap(), Some(p.clone()));
    assert_eq!(store.poc_history(p.id).await.unwrap().len(), 1);
    assert_eq!(status_of(&store, "PAK").await, NotParticipating);
    // The withdrawal would take FRA out: neither happens.
    assert!(store
        .decide_poc(fra.id, fra.version, true, None, Some(1), t(10), boom())
        .await
        .is_err());
    assert_eq!(store.poc(fra.id).await.unwrap(), Some(fra.clone()));
    assert_eq!(
        store.poc_history(fra.id).await.unwrap().len() as i64,
        fra.version
    );
    assert_eq!(status_of(&store, "FRA").await, Participating);
    // A failure of the second entry (the participant's) undoes the first too.
    raw.exec(
        "DROP TRIGGER boom; CREATE TRIGGER boom BEFORE INSERT ON log_entries \
         WHEN NEW.action = 'participant.status' BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        "CREATE OR REPLACE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN IF NEW.action = 'participant.status' THEN RAISE EXCEPTION 'boom'; END IF; \
         RETURN NEW; END $$;",
    )
    .await
    .unwrap();
    assert!(store
        .decide_poc(
            p.id,
            p.version,
            true,
            None,
            Some(1),
            t(10),
            draft("poc.decide")
        )
        .await
        .is_err());
    assert_eq!(store.poc(p.id).await.unwrap(), Some(p.clone()));
    assert_eq!(store.poc_history(p.id).await.unwrap().len(), 1);
    assert_eq!(status_of(&store, "PAK").await, NotParticipating);

    raw.exec("DROP TRIGGER boom;", "DROP TRIGGER boom ON log_entries;")
        .await
        .unwrap();

    // Nothing was logged and no number was lost.
    assert_eq!(log_actions(&store).await, log_before);
    assert_eq!(store.pending_pocs().await.unwrap(), queue_before);
    // The same decision goes through once the appends do.
    let d = decide(&store, &p, true, 20).await;
    assert_eq!(
        d.participant_status_changed,
        Some((NotParticipating, Participating))
    );
}

async fn poc_import_is_all_or_nothing(store: Arc<dyn Store>) {
    seed_two(&store).await;
    let size = store.log_size().await.unwrap();
    // One unknown participant: nothing of the batch is written.
    let err = store
        .propose_pocs(
            &[
                nomination("PAK", PocRole::Technical, "a"),
                nomination("ZZZ", PocRole::Technical, "b"),
            ],
            Some(1),
            t(5),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
    assert_eq!(store.log_size().await.unwrap(), size);
    assert!(store.pocs_of("PAK").await.unwrap().is_empty());

    let pocs = store
        .propose_pocs(
            &[
                nomination("PAK", PocRole::Technical, "a"),
                nomination("FRA", PocRole::Diplomatic, "b"),
                nomination("PAK", PocRole::Diplomatic, "c"),
            ],
            Some(1),
            t(6),
        )
        .await
        .unwrap();
    assert_eq!(pocs.len(), 3);
    assert!(pocs.iter().all(|p| p.status == PocStatus::Pending
        && p.pending_action == Some(PendingAction::Create)
        && p.version == 1));
    assert_eq!(pocs[1].participant, "FRA");
    assert_eq!(pocs[2].pending.as_deref(), Some(details("c").as_str()));
    // One log entry per nomination, naming its PoC, in order.
    let entries = store.log_entries(size, size + 3).await.unwrap();
    let objects: Vec<String> = entries.iter().map(|e| e.entry.object.clone()).collect();
    assert_eq!(
        objects,
        pocs.iter()
            .map(|p| format!("poc:{}", p.id))
            .collect::<Vec<_>>()
    );
    assert_eq!(store.log_size().await.unwrap(), size + 3);
    assert_eq!(store.poc_history(pocs[0].id).await.unwrap().len(), 1);
    assert_eq!(store.pending_pocs().await.unwrap().len(), 3);
    // Nothing is active until the secretariat decides.
    assert!(store.active_pocs().await.unwrap().is_empty());
    decide(&store, &pocs[2], true, 7).await;
    let active = store.active_pocs().await.unwrap();
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].id, pocs[2].id);
}

async fn directory_revision_moves_with_every_change(store: Arc<dyn Store>) {
    let r0 = store.directory_revision().await.unwrap();
    seed_two(&store).await;
    let r1 = store.directory_revision().await.unwrap();
    assert!(r1 > r0, "seeding participants moves it");
    let p = propose(&store, "PAK", PocRole::Technical, "a", 1).await;
    let r2 = store.directory_revision().await.unwrap();
    assert!(r2 > r1, "a nomination moves it");
    let p = decide(&store, &p, true, 2).await.poc;
    let r3 = store.directory_revision().await.unwrap();
    assert!(r3 > r2, "a decision moves it");
    // Reads and unrelated writes do not.
    store.pocs_of("PAK").await.unwrap();
    store.append_log(&[draft("poc.read")]).await.unwrap();
    assert_eq!(store.directory_revision().await.unwrap(), r3);
    // A refused (stale) change moves nothing.
    let stale = store
        .confirm_poc(p.id, p.version - 1, Some(7), t(3), draft("poc.confirm"))
        .await
        .unwrap();
    assert!(matches!(stale, ChangeOutcome::Stale(_)), "{stale:?}");
    assert_eq!(store.directory_revision().await.unwrap(), r3);
    store
        .confirm_poc(p.id, p.version, Some(7), t(4), draft("poc.confirm"))
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert!(store.directory_revision().await.unwrap() > r3);
}
