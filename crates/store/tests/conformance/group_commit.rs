//! Group commit: changes made at the same moment share a commit, yet each
//! keeps its own outcome and its own log entry.

use crate::{account, draft, new_account, raw_draft, t, whole_log};
use pocdir_domain::account::AccountKind;
use pocdir_domain::log::entry::LogActor;
use pocdir_store::{Store, StoreError};
use std::sync::Arc;
use std::time::Duration;

conformance!(
    cases: [
        concurrent_changes_keep_their_own_outcome,
        cancelled_changes_leave_all_or_nothing,
        cancelled_appends_leave_all_or_nothing,
        entries_alone_share_batches_with_failed_changes,
    ],
    raw: [],
);

/// What one concurrent task tried and how it ended.
#[derive(Debug)]
enum Tried {
    Language { account: i64, ok: bool },
    Unknown { refused: bool },
    Duplicate { refused: bool },
    Create { ok: bool },
}

async fn concurrent_changes_keep_their_own_outcome(store: Arc<dyn Store>) {
    let mut accounts = Vec::new();
    for i in 0..16 {
        accounts.push(account(&store, &format!("a{i}@example.org"), AccountKind::Nominator).await);
    }
    let size = store.log_size().await.unwrap();
    let start = Arc::new(tokio::sync::Barrier::new(64));
    // Four kinds of change interleaved, so that batches mix changes that
    // are kept with changes refused half-way (a failed statement included:
    // on PostgreSQL it would spoil the whole transaction but for savepoints).
    let tasks: Vec<_> = (0..64)
        .map(|i| {
            let store = Arc::clone(&store);
            let start = Arc::clone(&start);
            let id = accounts[i % accounts.len()].id;
            tokio::spawn(async move {
                start.wait().await;
                match i % 4 {
                    0 => {
                        let r = store
                            .set_account_language(id, Some("fr"), draft("account.language"))
                            .await;
                        Tried::Language {
                            account: id,
                            ok: r.is_ok(),
                        }
                    }
                    1 => {
                        let r = store
                            .set_account_language(
                                1_000_000 + i as i64,
                                Some("fr"),
                                draft("account.language"),
                            )
                            .await;
                        Tried::Unknown {
                            refused: matches!(r, Err(StoreError::NotFound)),
                        }
                    }
                    2 => {
                        let r = store
                            .create_account(
                                new_account("a0@example.org", AccountKind::Reporter),
                                draft("account.create"),
                            )
                            .await;
                        Tried::Duplicate {
                            refused: matches!(r, Err(StoreError::Duplicate(_))),
                        }
                    }
                    _ => {
                        let r = store
                            .create_account(
                                new_account(&format!("new{i}@example.org"), AccountKind::Reporter),
                                draft("account.create"),
                            )
                            .await;
                        Tried::Create { ok: r.is_ok() }
                    }
                }
            })
        })
        .collect();
    let mut kept = 0u64;
    let mut languages = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            Tried::Language { account, ok } => {
                assert!(ok, "a language change on an existing account is kept");
                languages.push(account);
                kept += 1;
            }
            Tried::Unknown { refused } => assert!(refused, "an unknown account is NotFound"),
            Tried::Duplicate { refused } => assert!(refused, "a taken e-mail is Duplicate"),
            Tried::Create { ok } => {
                assert!(ok, "a new account is created");
                kept += 1;
            }
        }
    }
    // Exactly the kept changes are logged, numbered without gaps.
    let log = whole_log(&store).await;
    assert_eq!(store.log_size().await.unwrap(), size + kept);
    for (i, e) in log.iter().enumerate() {
        assert_eq!(e.entry.index, i as u64, "no gap in the log");
    }
    let created = log
        .iter()
        .skip(size as usize)
        .filter(|e| e.entry.action == "account.create")
        .count();
    assert_eq!(
        created, 16,
        "one entry per created account, none for refusals"
    );
    for id in languages {
        let a = store.account_by_id(id).await.unwrap().unwrap();
        assert_eq!(a.language.as_deref(), Some("fr"));
    }
    for i in (3..64).step_by(4) {
        assert!(store
            .account_by_email(&format!("new{i}@example.org"))
            .await
            .unwrap()
            .is_some());
    }
}

async fn cancelled_changes_leave_all_or_nothing(store: Arc<dyn Store>) {
    // Changes given up at random points (a client that went away): each
    // is kept whole, with its log entry, or not at all; the store goes on.
    let tasks: Vec<_> = (0..48)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let change = store.create_account(
                    new_account(&format!("c{i}@example.org"), AccountKind::Reporter),
                    draft("account.create"),
                );
                let patience = Duration::from_micros(50 * (i % 8) as u64);
                let _ = tokio::time::timeout(patience, change).await;
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    // A cancelled caller does not stop the writer: a change already in a
    // batch may still be committing. One more change waits behind every
    // batch before it, so once it is in, the counts below are final.
    account(&store, "after@example.org", AccountKind::Reporter).await;
    let mut present = 0u64;
    for i in 0..48 {
        if store
            .account_by_email(&format!("c{i}@example.org"))
            .await
            .unwrap()
            .is_some()
        {
            present += 1;
        }
    }
    let logged = whole_log(&store)
        .await
        .iter()
        .filter(|e| e.entry.action == "account.create")
        .count() as u64;
    assert_eq!(
        present + 1,
        logged,
        "every kept account has its entry, no other (and the one after them)"
    );
    assert_eq!(store.log_size().await.unwrap(), logged);
}

async fn cancelled_appends_leave_all_or_nothing(store: Arc<dyn Store>) {
    // Entries alone given up at random points (a reader that went away),
    // beside changes: each append is in the log whole, its entries one
    // after the other, or not at all, and the log has no gap.
    let size = store.log_size().await.unwrap();
    let tasks: Vec<_> = (0..48)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let patience = Duration::from_micros(40 * (i % 6) as u64);
                if i % 4 == 0 {
                    let change = store.create_account(
                        new_account(&format!("a{i}@example.org"), AccountKind::Reporter),
                        draft("account.create"),
                    );
                    let _ = tokio::time::timeout(patience, change).await;
                } else {
                    let drafts: Vec<_> = (0..3)
                        .map(|k| {
                            raw_draft(t(0), LogActor::console(), "poc.read", format!("{i}/{k}"))
                        })
                        .collect();
                    let _ = tokio::time::timeout(patience, store.append_log(&drafts)).await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    account(&store, "after-appends@example.org", AccountKind::Reporter).await;
    let log = whole_log(&store).await;
    for (n, e) in log.iter().enumerate() {
        assert_eq!(e.entry.index, n as u64, "no gap in the log");
    }
    let reads: Vec<&str> = log
        .iter()
        .skip(size as usize)
        .filter(|e| e.entry.action == "poc.read")
        .map(|e| e.entry.object.as_str())
        .collect();
    assert_eq!(reads.len() % 3, 0, "appends kept whole: {reads:?}");
    for whole in reads.chunks(3) {
        let task = whole[0].split('/').next().unwrap();
        assert_eq!(
            whole.to_vec(),
            (0..3).map(|k| format!("{task}/{k}")).collect::<Vec<_>>(),
            "one append's entries follow each other"
        );
    }
    assert_eq!(store.log_size().await.unwrap(), log.len() as u64);
}

async fn entries_alone_share_batches_with_failed_changes(store: Arc<dyn Store>) {
    // A change that only appends to the log (a recorded read) runs no
    // statement of its own: its entries are written with its batch's. It
    // must keep them, numbered where `append_log` said, beside changes that
    // fail half-way and are undone to their savepoint.
    let target = account(&store, "target@example.org", AccountKind::Nominator).await;
    let size = store.log_size().await.unwrap();
    let start = Arc::new(tokio::sync::Barrier::new(60));
    let tasks: Vec<_> = (0..60)
        .map(|i| {
            let store = Arc::clone(&store);
            let start = Arc::clone(&start);
            tokio::spawn(async move {
                start.wait().await;
                match i % 3 {
                    // One or three entries, each naming its task.
                    0 => {
                        let drafts: Vec<_> = (0..1 + (i % 2) * 2)
                            .map(|k| {
                                raw_draft(t(0), LogActor::console(), "poc.read", format!("{i}/{k}"))
                            })
                            .collect();
                        let indexes = store.append_log(&drafts).await.unwrap();
                        (i, indexes)
                    }
                    // Refused after its savepoint opened: undone alone.
                    1 => {
                        let r = store
                            .set_account_language(1_000_000 + i as i64, Some("fr"), draft("x"))
                            .await;
                        assert!(matches!(r, Err(StoreError::NotFound)));
                        (i, Vec::new())
                    }
                    _ => {
                        store
                            .set_account_language(target.id, Some("fr"), draft("account.language"))
                            .await
                            .unwrap();
                        (i, Vec::new())
                    }
                }
            })
        })
        .collect();
    let mut said = Vec::new();
    for task in tasks {
        let (i, indexes) = task.await.unwrap();
        for (k, index) in indexes.into_iter().enumerate() {
            said.push((index, format!("{i}/{k}")));
        }
    }
    let log = whole_log(&store).await;
    for (i, e) in log.iter().enumerate() {
        assert_eq!(e.entry.index, i as u64, "no gap in the log");
    }
    // 20 tasks appended 1 or 3 entries (10 each), 20 changed the language.
    assert_eq!(said.len(), 40);
    assert_eq!(store.log_size().await.unwrap(), size + 40 + 20);
    for (index, object) in said {
        let e = &log[index as usize].entry;
        assert_eq!(
            (e.action.as_str(), e.object.as_str()),
            ("poc.read", object.as_str())
        );
    }
    let languages = log
        .iter()
        .skip(size as usize)
        .filter(|e| e.entry.action == "account.language")
        .count();
    assert_eq!(languages, 20, "no entry for an undone change");
}
