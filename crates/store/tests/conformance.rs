//! One conformance suite for the `Store` trait, run on both backends.
//!
//! Each case is an `async fn(Arc<dyn Store>)`; the `conformance!` macro turns
//! it into `sqlite::<case>` and `postgres::<case>` tests. SQLite runs on a
//! fresh file in a temporary directory; PostgreSQL on a fresh database in the
//! server at `POCDIR_TEST_POSTGRES_URL` (default: local, trust auth), which is
//! dropped afterwards even when the case fails.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_domain::account::AccountKind;
use pocdir_domain::entropy::{random_bytes, OsEntropy};
use pocdir_domain::throttle::FailureCount;
use pocdir_store::postgres::PostgresStore;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{Account, Backend, NewAccount, NewApiToken, NewSession, Store, StoreError};
use sqlx::{Connection, Executor, PgConnection};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use time::macros::datetime;
use time::OffsetDateTime;

const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

// --- harness ---

/// Resumes a case's panic (its assertion message) after clean-up.
fn propagate(outcome: Result<(), tokio::task::JoinError>) {
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(payload) => std::panic::resume_unwind(payload),
            Err(e) => panic!("case did not finish: {e}"),
        }
    }
}

/// Runs `case` with the URL of a fresh SQLite database.
async fn with_sqlite_url<F, Fut>(case: F)
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("pocdir.db").display());
    // Spawned so that a panic is caught here and the directory still removed.
    let outcome = tokio::spawn(case(url)).await;
    drop(dir);
    propagate(outcome);
}

/// Runs `case` with the URL of a fresh PostgreSQL database, dropped afterwards.
async fn with_postgres_url<F, Fut>(case: F)
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let admin_url = std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_string());
    let suffix: String = random_bytes::<8>(&OsEntropy)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = format!("pocdir_store_{suffix}");
    let mut admin = PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let mut url = url::Url::parse(&admin_url).unwrap();
    url.set_path(&format!("/{name}"));

    let outcome = tokio::spawn(case(url.to_string())).await;

    // FORCE ends connections a failed case may have left open.
    admin
        .execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str())
        .await
        .unwrap();
    admin.close().await.unwrap();
    propagate(outcome);
}

/// Closes a pool without hanging the suite on a connection a failed case kept.
async fn close<DB: sqlx::Database>(pool: sqlx::Pool<DB>) {
    let _ = tokio::time::timeout(Duration::from_secs(10), pool.close()).await;
}

async fn on_sqlite<F, Fut>(case: F)
where
    F: FnOnce(Arc<dyn Store>) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_sqlite_url(|url| async move {
        let store = SqliteStore::open(&url).await.unwrap();
        let pool = store.pool().clone();
        let outcome = tokio::spawn(case(Arc::new(store))).await;
        close(pool).await;
        propagate(outcome);
    })
    .await;
}

async fn on_postgres<F, Fut>(case: F)
where
    F: FnOnce(Arc<dyn Store>) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_postgres_url(|url| async move {
        let store = PostgresStore::open(&url).await.unwrap();
        let pool = store.pool().clone();
        let outcome = tokio::spawn(case(Arc::new(store))).await;
        close(pool).await;
        propagate(outcome);
    })
    .await;
}

/// Declares each case once per backend: `sqlite::case` and `postgres::case`.
macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::on_sqlite(super::$case).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::on_postgres(super::$case).await;
                }
            )*
        }
    };
}

conformance!(
    accounts_create_and_fetch,
    duplicate_email_is_conflict,
    kinds_round_trip,
    totp_enrolment_replaces_recovery_codes,
    accept_totp_step_refuses_same_or_older,
    complete_enrolment_refuses_replayed_step,
    recovery_codes_work_once,
    sessions_lifecycle,
    delete_account_session_refuses_others,
    sessions_of_excludes_expired,
    delete_expired_sessions_counts,
    change_password_ends_other_sessions,
    api_tokens_lifecycle,
    login_failures_window,
    leases,
    timestamps_keep_second_precision,
    concurrent_accept_totp_step_accepts_once,
    concurrent_lease_claims_grant_one,
);

// --- open ---

#[tokio::test]
async fn open_rejects_unsupported_url() {
    let err = pocdir_store::open("mysql://x").await.unwrap_err();
    assert!(
        matches!(err, StoreError::UnsupportedUrl(ref u) if u == "mysql://x"),
        "{err:?}"
    );
}

async fn open_by_url(url: String, backend: Backend) {
    let store = pocdir_store::open(&url).await.unwrap();
    assert_eq!(store.backend(), backend);
    store.ping().await.unwrap();
    assert_eq!(store.count_accounts().await.unwrap(), 0);
    // Opening again finds the migrations applied and the data kept.
    account(&store, "a@example.org", AccountKind::Reporter).await;
    drop(store);
    let again = pocdir_store::open(&url).await.unwrap();
    assert_eq!(again.count_accounts().await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_by_url_sqlite() {
    with_sqlite_url(|url| open_by_url(url, Backend::Sqlite)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_by_url_postgres() {
    with_postgres_url(|url| open_by_url(url, Backend::Postgres)).await;
}

// --- fixtures ---

/// A fixed instant plus `secs`: the suite never reads the wall clock.
fn t(secs: i64) -> OffsetDateTime {
    datetime!(2030-06-01 12:00:00 UTC) + time::Duration::seconds(secs)
}

fn new_account(email: &str, kind: AccountKind) -> NewAccount {
    NewAccount {
        email: email.to_string(),
        kind,
        participant: kind.acts_for_participant().then(|| "PAK".to_string()),
        display_name: format!("Name of {email}"),
        password_hash: "$argon2id$hash".to_string(),
        totp_secret: None,
        totp_enrolled: false,
        demo: false,
        created_at: t(0),
    }
}

async fn account(store: &Arc<dyn Store>, email: &str, kind: AccountKind) -> Account {
    store
        .create_account(new_account(email, kind))
        .await
        .unwrap()
}

fn new_session(account_id: i64, token: &str, created: i64, expires: i64) -> NewSession {
    NewSession {
        token_hash: token.to_string(),
        account_id,
        mfa_done: true,
        created_at: t(created),
        expires_at: t(expires),
        user_agent: "Firefox".to_string(),
        client_address: "192.0.2.1".to_string(),
    }
}

fn new_token(account_id: i64, name: &str, token: &str, created: i64) -> NewApiToken {
    NewApiToken {
        account_id,
        name: name.to_string(),
        token_hash: token.to_string(),
        scopes: "read".to_string(),
        created_at: t(created),
        expires_at: t(created + 86_400),
    }
}

fn codes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

// --- accounts ---

async fn accounts_create_and_fetch(store: Arc<dyn Store>) {
    assert_eq!(store.count_accounts().await.unwrap(), 0);
    let new = NewAccount {
        totp_secret: Some("JBSWY3DPEHPK3PXP".to_string()),
        totp_enrolled: true,
        demo: true,
        ..new_account("poc@example.org", AccountKind::TechnicalPoc)
    };
    let created = store.create_account(new).await.unwrap();
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
        .create_account(new_account("dup@example.org", AccountKind::Auditor))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
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

// --- second factor ---

async fn totp_enrolment_replaces_recovery_codes(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::Nominator).await;
    store
        .replace_recovery_codes(a.id, &codes(&["old1", "old2", "old3"]))
        .await
        .unwrap();
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 3);

    store.begin_totp_enrolment(a.id, "SECRETONE").await.unwrap();
    let begun = store.account_by_id(a.id).await.unwrap().unwrap();
    assert_eq!(begun.totp_secret.as_deref(), Some("SECRETONE"));
    assert!(!begun.totp_enrolled);

    let new_codes = codes(&["new1", "new2", "new3", "new4", "new5"]);
    assert!(store
        .complete_totp_enrolment(a.id, 100, &new_codes)
        .await
        .unwrap());
    let done = store.account_by_id(a.id).await.unwrap().unwrap();
    assert!(done.totp_enrolled);
    assert_eq!(done.totp_secret.as_deref(), Some("SECRETONE"));
    assert_eq!(done.totp_last_step, Some(100));
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 5);
    assert!(!store.use_recovery_code(a.id, "old1", t(1)).await.unwrap());
    assert!(store.use_recovery_code(a.id, "new3", t(1)).await.unwrap());

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
        .replace_recovery_codes(a.id, &codes(&["keep1", "keep2"]))
        .await
        .unwrap();

    for replayed in [70, 69] {
        assert!(!store
            .complete_totp_enrolment(a.id, replayed, &codes(&["fresh"]))
            .await
            .unwrap());
        let after = store.account_by_id(a.id).await.unwrap().unwrap();
        assert!(!after.totp_enrolled, "step {replayed} must not enrol");
        assert_eq!(after.totp_last_step, Some(70));
        assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);
    }
    assert!(!store.use_recovery_code(a.id, "fresh", t(1)).await.unwrap());
    assert!(store.use_recovery_code(a.id, "keep1", t(1)).await.unwrap());

    assert!(store
        .complete_totp_enrolment(a.id, 71, &codes(&["fresh"]))
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
        .replace_recovery_codes(a.id, &codes(&["c1", "c2", "c3"]))
        .await
        .unwrap();
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 3);
    assert_eq!(store.unused_recovery_codes(b.id).await.unwrap(), 0);

    assert!(store.use_recovery_code(a.id, "c1", t(5)).await.unwrap());
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);
    assert!(!store.use_recovery_code(a.id, "c1", t(6)).await.unwrap());
    assert!(!store
        .use_recovery_code(a.id, "unknown", t(6))
        .await
        .unwrap());
    // Another account's code is not yours.
    assert!(!store.use_recovery_code(b.id, "c2", t(6)).await.unwrap());
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);

    store
        .replace_recovery_codes(a.id, &codes(&["d1", "d2"]))
        .await
        .unwrap();
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 2);
    assert!(!store.use_recovery_code(a.id, "c2", t(7)).await.unwrap());
    assert!(store.use_recovery_code(a.id, "d2", t(7)).await.unwrap());
    assert_eq!(store.unused_recovery_codes(a.id).await.unwrap(), 1);
}

// --- sessions ---

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
        .rotate_session(s1.id, new_session(a.id, "tok-full", 30, 7200))
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
        .rotate_session(s1.id, new_session(a.id, "tok-ghost", 40, 7200))
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
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    // A session needs an account.
    let err = store
        .create_session(new_session(a.id + 1000, "tok-orphan", 50, 7200))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");

    store.delete_session(s2.id).await.unwrap();
    assert_eq!(store.session_by_token_hash("tok-full").await.unwrap(), None);
    // Deleting or touching what is gone is not an error.
    store.delete_session(s2.id).await.unwrap();
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

    assert!(!store.delete_account_session(a.id, sb.id).await.unwrap());
    assert!(store.session_by_token_hash("tb").await.unwrap().is_some());

    assert!(store.delete_account_session(a.id, sa.id).await.unwrap());
    assert_eq!(store.session_by_token_hash("ta").await.unwrap(), None);
    assert!(!store.delete_account_session(a.id, sa.id).await.unwrap());
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
        .change_password(a.id, "$argon2id$new", Some(keep.id))
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
        .change_password(a.id, "$argon2id$third", None)
        .await
        .unwrap();
    assert!(store.sessions_of(a.id, t(0)).await.unwrap().is_empty());
    assert_eq!(store.sessions_of(b.id, t(0)).await.unwrap().len(), 1);

    let err = store
        .change_password(a.id + 1000, "$argon2id$x", None)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound), "{err:?}");
}

// --- API tokens ---

async fn api_tokens_lifecycle(store: Arc<dyn Store>) {
    let a = account(&store, "a@example.org", AccountKind::TechnicalPoc).await;
    let b = account(&store, "b@example.org", AccountKind::TechnicalPoc).await;
    let first = store
        .create_api_token(new_token(a.id, "ci", "h1", 10))
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
        .create_api_token(NewApiToken {
            scopes: "read write".to_string(),
            ..new_token(a.id, "sync", "h2", 20)
        })
        .await
        .unwrap();
    store
        .create_api_token(new_token(b.id, "b", "hb", 30))
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
        .revoke_api_token(b.id, first.id, t(200))
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
        .revoke_api_token(a.id, first.id, t(200))
        .await
        .unwrap());
    assert!(!store
        .revoke_api_token(a.id, first.id, t(300))
        .await
        .unwrap());
    let revoked = store.api_token_by_hash("h1").await.unwrap().unwrap();
    assert_eq!(revoked.revoked_at, Some(t(200)));
    // Revoked tokens are still listed, so their owner sees them.
    assert_eq!(store.api_tokens_of(a.id).await.unwrap().len(), 2);

    let err = store
        .create_api_token(new_token(b.id, "dup", "h2", 40))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
}

// --- throttling ---

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

// --- leases ---

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

// --- time ---

async fn timestamps_keep_second_precision(store: Arc<dyn Store>) {
    let precise = datetime!(2031-02-03 04:05:06.789_123 UTC);
    let whole = datetime!(2031-02-03 04:05:06 UTC);
    let a = store
        .create_account(NewAccount {
            created_at: precise,
            ..new_account("a@example.org", AccountKind::Reporter)
        })
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
        .create_api_token(NewApiToken {
            expires_at: far,
            ..new_token(a.id, "long", "h", 0)
        })
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

// --- concurrency ---

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
