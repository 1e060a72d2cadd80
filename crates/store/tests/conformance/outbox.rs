//! The outbox of e-mail and the job leases.

use crate::*;

conformance!(
    cases: [
        leases,
        concurrent_lease_claims_grant_one,
        outbox_enqueue_is_idempotent_and_logged,
        outbox_claim_never_hands_a_mail_out_twice,
        outbox_an_unstarted_claim_is_given_back,
        outbox_sent_and_failed_with_backoff,
        outbox_recipients_and_languages,
    ],
    raw: [],
);

async fn leases(store: Arc<dyn Store>) {
    assert!(store
        .try_claim_lease("purge", "one", t(0), t(60))
        .await
        .unwrap());
    assert!(!store
        .try_claim_lease("purge", "two", t(30), t(90))
        .await
        .unwrap());
    // Other leases are independent.
    assert!(store
        .try_claim_lease("mail", "two", t(30), t(90))
        .await
        .unwrap());
    // The holder renews before expiry.
    assert!(store
        .try_claim_lease("purge", "one", t(50), t(110))
        .await
        .unwrap());
    assert!(!store
        .try_claim_lease("purge", "two", t(100), t(160))
        .await
        .unwrap());
    // Once expired, another holder takes it, and the first one is refused.
    assert!(store
        .try_claim_lease("purge", "two", t(110), t(170))
        .await
        .unwrap());
    assert!(!store
        .try_claim_lease("purge", "one", t(120), t(180))
        .await
        .unwrap());
}

async fn concurrent_lease_claims_grant_one(store: Arc<dyn Store>) {
    let start = Arc::new(tokio::sync::Barrier::new(8));
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let store = Arc::clone(&store);
            let start = Arc::clone(&start);
            tokio::spawn(async move {
                start.wait().await;
                let holder = format!("instance-{i}");
                store
                    .try_claim_lease("purge", &holder, t(0), t(60))
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut granted = 0;
    for task in tasks {
        if task.await.unwrap() {
            granted += 1;
        }
    }
    assert_eq!(granted, 1, "exactly one of eight instances holds the lease");
}

async fn outbox_enqueue_is_idempotent_and_logged(store: Arc<dyn Store>) {
    let before = store.log_size().await.unwrap();
    let first = store
        .enqueue_mail(
            new_mail("reminder:1:due:a", "a@example.org", 0),
            draft("mail.queue"),
        )
        .await
        .unwrap()
        .expect("queued");
    assert_eq!(first.status, MailStatus::Queued);
    assert_eq!(first.attempts, 0);
    assert_eq!(first.next_attempt_at, t(0));
    assert_eq!(first.language, "fr");
    assert_eq!(first.participant.as_deref(), Some("PAK"));
    assert_eq!(first.sent_at, None);
    // The same key again: nothing queued, nothing logged.
    let again = store
        .enqueue_mail(
            new_mail("reminder:1:due:a", "a@example.org", 5),
            draft("mail.queue"),
        )
        .await
        .unwrap();
    assert_eq!(again, None);
    assert!(store.mail_queued_once("reminder:1:due:a").await.unwrap());
    assert!(!store.mail_queued_once("reminder:1:due:z").await.unwrap());
    store
        .enqueue_mail(
            new_mail("reminder:1:due:b", "b@example.org", 1),
            draft("mail.queue"),
        )
        .await
        .unwrap()
        .expect("another key is another mail");
    let log = whole_log(&store).await;
    assert_eq!(store.log_size().await.unwrap(), before + 2);
    // (PostgreSQL may skip an id for the refused insert: only the shape is fixed.)
    let last = &log.last().unwrap().entry;
    assert_eq!(last.action, "mail.queue");
    assert!(last.object.starts_with("mail:") && last.object != format!("mail:{}", first.id));
    assert_eq!(
        store.mail_counts().await.unwrap(),
        MailCounts {
            queued: 2,
            sent: 0,
            failed: 0
        }
    );
    let all = store.mails(None, 10).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1], first, "newest first, read back as queued");
}

async fn outbox_claim_never_hands_a_mail_out_twice(store: Arc<dyn Store>) {
    for i in 0..6 {
        store
            .enqueue_mail(
                new_mail(&format!("k{i}"), "a@example.org", i),
                draft("mail.queue"),
            )
            .await
            .unwrap();
    }
    // Not due yet: mail queued at t(5) is not claimed at t(4).
    let first = store.claim_mails(t(4), t(64), 3).await.unwrap();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|m| m.next_attempt_at == t(64)));
    let second = store.claim_mails(t(4), t(64), 10).await.unwrap();
    assert_eq!(
        second.len(),
        2,
        "the claimed three are not handed out again"
    );
    assert!(store.claim_mails(t(5), t(65), 10).await.unwrap().len() == 1);
    // Two senders at once: each mail goes to one of them.
    for i in 6..26 {
        store
            .enqueue_mail(
                new_mail(&format!("k{i}"), "a@example.org", 10),
                draft("mail.queue"),
            )
            .await
            .unwrap();
    }
    let start = Arc::new(tokio::sync::Barrier::new(4));
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let store = Arc::clone(&store);
            let start = Arc::clone(&start);
            tokio::spawn(async move {
                start.wait().await;
                let mut got = Vec::new();
                loop {
                    let batch = store.claim_mails(t(10), t(70), 3).await.unwrap();
                    if batch.is_empty() {
                        return got;
                    }
                    got.extend(batch.into_iter().map(|m| m.id));
                }
            })
        })
        .collect();
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all.sort();
    let n = all.len();
    all.dedup();
    assert_eq!(n, 20, "every due mail claimed");
    assert_eq!(all.len(), 20, "none claimed twice");
    // A claim that was never finished (a crashed sender) comes back after its lease.
    let back = store.claim_mails(t(64), t(124), 10).await.unwrap();
    assert_eq!(back.len(), 5, "the five leases ending at t(64)");
}

async fn outbox_sent_and_failed_with_backoff(store: Arc<dyn Store>) {
    let a = store
        .enqueue_mail(new_mail("a", "a@example.org", 0), draft("mail.queue"))
        .await
        .unwrap()
        .unwrap();
    let b = store
        .enqueue_mail(new_mail("b", "b@example.org", 0), draft("mail.queue"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(store.claim_mails(t(0), t(60), 10).await.unwrap().len(), 2);
    let size = store.log_size().await.unwrap();
    assert!(store
        .mark_mail_sent(a.id, t(1), draft("mail.sent"))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    // Sent once; a second report changes and logs nothing.
    assert!(!store
        .mark_mail_sent(a.id, t(2), draft("mail.sent"))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    // A failure puts the mail back for later, with the error.
    assert!(store
        .mark_mail_failed(b.id, "connection refused", Some(t(100)), None)
        .await
        .unwrap());
    assert_eq!(
        store.log_size().await.unwrap(),
        size + 1,
        "retries are not logged"
    );
    assert!(store
        .claim_mails(t(99), t(159), 10)
        .await
        .unwrap()
        .is_empty());
    let retried = store.claim_mails(t(100), t(160), 10).await.unwrap();
    assert_eq!(retried.len(), 1);
    assert_eq!(retried[0].attempts, 1);
    assert_eq!(retried[0].last_error.as_deref(), Some("connection refused"));
    // Given up: failed for good, logged, never claimed again.
    assert!(store
        .mark_mail_failed(b.id, "still refused", None, Some(draft("mail.failed")))
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 2);
    assert!(store
        .claim_mails(t(10_000), t(10_060), 10)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store.mail_counts().await.unwrap(),
        MailCounts {
            queued: 0,
            sent: 1,
            failed: 1
        }
    );
    let sent = store.mails(Some(MailStatus::Sent), 10).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].sent_at, Some(t(1)));
    let failed = store.mails(Some(MailStatus::Failed), 10).await.unwrap();
    assert_eq!(failed[0].attempts, 2);
    assert_eq!(failed[0].last_error.as_deref(), Some("still refused"));
    whole_log(&store).await;
}

async fn outbox_recipients_and_languages(store: Arc<dyn Store>) {
    let n1 = account(&store, "n1@example.org", AccountKind::Nominator).await;
    let n2 = account(&store, "n2@example.org", AccountKind::Nominator).await;
    let other = store
        .create_account(
            NewAccount {
                participant: Some("FRA".to_string()),
                ..new_account("n3@example.org", AccountKind::Nominator)
            },
            draft("account.create"),
        )
        .await
        .unwrap();
    let s = account(&store, "s@example.org", AccountKind::Secretariat).await;
    account(&store, "poc@example.org", AccountKind::TechnicalPoc).await;
    let size = store.log_size().await.unwrap();
    store
        .set_account_language(n2.id, Some("ar"), draft("account.language"))
        .await
        .unwrap();
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    assert!(matches!(
        store
            .set_account_language(9999, Some("fr"), draft("account.language"))
            .await,
        Err(StoreError::NotFound)
    ));
    let pak = store
        .mail_recipients(AccountKind::Nominator, Some("PAK"))
        .await
        .unwrap();
    assert_eq!(
        pak,
        vec![
            MailRecipient {
                account_id: n1.id,
                email: "n1@example.org".to_string(),
                language: None
            },
            MailRecipient {
                account_id: n2.id,
                email: "n2@example.org".to_string(),
                language: Some("ar".to_string())
            },
        ]
    );
    let fra = store
        .mail_recipients(AccountKind::Nominator, Some("FRA"))
        .await
        .unwrap();
    assert_eq!(fra.len(), 1);
    assert_eq!(fra[0].account_id, other.id);
    let secretariat = store
        .mail_recipients(AccountKind::Secretariat, None)
        .await
        .unwrap();
    assert_eq!(secretariat.len(), 1);
    assert_eq!(secretariat[0].account_id, s.id);
}

async fn outbox_an_unstarted_claim_is_given_back(store: Arc<dyn Store>) {
    for i in 0..3 {
        store
            .enqueue_mail(
                new_mail(&format!("r{i}"), "a@example.org", 0),
                draft("mail.queue"),
            )
            .await
            .unwrap();
    }
    let batch = store
        .claim_mails_as("mine", t(1), t(301), 10)
        .await
        .unwrap();
    assert_eq!(batch.len(), 3);
    let (started, rest) = batch.split_first().unwrap();
    assert_eq!(
        store
            .begin_send(started.id, "mine", t(2), t(122))
            .await
            .unwrap(),
        Some(false)
    );
    // Someone else's claim, or a mail already started, is not given back.
    assert!(!store
        .release_mail(rest[0].id, "theirs", t(3))
        .await
        .unwrap());
    assert!(!store.release_mail(started.id, "mine", t(3)).await.unwrap());
    for mail in rest {
        assert!(store.release_mail(mail.id, "mine", t(3)).await.unwrap());
    }
    // Due again at once, for another sender; the started one stays out.
    let again = store
        .claim_mails_as("other", t(3), t(303), 10)
        .await
        .unwrap();
    let mut ids: Vec<i64> = again.iter().map(|m| m.id).collect();
    ids.sort_unstable();
    let mut want: Vec<i64> = rest.iter().map(|m| m.id).collect();
    want.sort_unstable();
    assert_eq!(ids, want);
    // The first claimer may not start a mail it gave back.
    assert_eq!(
        store
            .begin_send(rest[0].id, "mine", t(4), t(124))
            .await
            .unwrap(),
        None
    );
}
