//! One conformance suite for the `Store` trait, run on both backends.
//!
//! Each case is an `async fn(Arc<dyn Store>)`; the `conformance!` macro turns
//! it into `sqlite::<case>` and `postgres::<case>` tests. SQLite runs on a
//! fresh file in a temporary directory; PostgreSQL on a fresh database in the
//! server at `POCDIR_TEST_POSTGRES_URL` (default: local, trust auth), which is
//! dropped afterwards even when the case fails. Cases that must go behind
//! the trait (to break the log on purpose) also get a [`Raw`] handle.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
use pocdir_domain::entropy::{random_bytes, OsEntropy};
use pocdir_domain::log::entry::{LogActor, LogDraft, LogEntry};
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::throttle::FailureCount;
use pocdir_store::postgres::PostgresStore;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{
    Account, Backend, LogFilter, MailCounts, MailRecipient, MailStatus, NewAccount, NewApiToken,
    NewMail, NewNomination, NewParticipant, NewSession, ParticipantNames, PendingAction, Poc,
    PocRole, PocStatus, Store, StoreError, StoredLogEntry,
};
use sqlx::{Connection, Executor, PgConnection, PgPool, SqlitePool};
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

/// The store's own database, for cases that must break what the trait
/// keeps whole (tamper with the log, make an append fail).
#[derive(Debug, Clone)]
enum Raw {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Raw {
    /// Runs `sqlite` or `postgres` (one or more statements, on one connection).
    async fn exec(&self, sqlite: &str, postgres: &str) -> Result<(), sqlx::Error> {
        match self {
            Raw::Sqlite(pool) => sqlx::raw_sql(sqlite).execute(pool).await.map(drop),
            Raw::Postgres(pool) => sqlx::raw_sql(postgres).execute(pool).await.map(drop),
        }
    }
}

async fn on_sqlite<F, Fut>(case: F)
where
    F: FnOnce(Arc<dyn Store>, Raw) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_sqlite_url(|url| async move {
        let store = SqliteStore::open(&url).await.unwrap();
        let pool = store.pool().clone();
        let raw = Raw::Sqlite(pool.clone());
        let outcome = tokio::spawn(case(Arc::new(store), raw)).await;
        close(pool).await;
        propagate(outcome);
    })
    .await;
}

async fn on_postgres<F, Fut>(case: F)
where
    F: FnOnce(Arc<dyn Store>, Raw) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_postgres_url(|url| async move {
        let store = PostgresStore::open(&url).await.unwrap();
        let pool = store.pool().clone();
        let raw = Raw::Postgres(pool.clone());
        let outcome = tokio::spawn(case(Arc::new(store), raw)).await;
        close(pool).await;
        propagate(outcome);
    })
    .await;
}

/// Declares each case once per backend: `sqlite::case` and `postgres::case`.
/// Cases listed under `raw` take `(Arc<dyn Store>, Raw)`, the others only
/// the store.
macro_rules! conformance {
    (cases: [$($case:ident),* $(,)?], raw: [$($raw:ident),* $(,)?] $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::on_sqlite(|store, _| super::$case(store)).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $raw() {
                    super::on_sqlite(super::$raw).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::on_postgres(|store, _| super::$case(store)).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $raw() {
                    super::on_postgres(super::$raw).await;
                }
            )*
        }
    };
}

conformance!(
    cases: [
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
    logged_changes_append_in_order,
    refused_changes_append_nothing,
    log_entries_round_trip,
    append_log_many_in_one_go,
    concurrent_appends_have_no_gaps,
    search_log_filters,
    tree_heads_keep_the_first,
    participants_seed_once_and_read_back,
    organisations_and_status_changes,
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
    outbox_enqueue_is_idempotent_and_logged,
    outbox_claim_never_hands_a_mail_out_twice,
    outbox_sent_and_failed_with_backoff,
    outbox_recipients_and_languages,
    ],
    raw: [
    failed_log_append_leaves_no_change,
    poc_failed_log_append_leaves_no_change,
    log_is_append_only,
    corrupt_leaf_hash_is_reported,
    ],
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
        .create_account(new_account(email, kind), draft("account.create"))
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

/// A log entry for `action`, by the console, at the suite's fixed instant.
fn draft(action: &str) -> LogDraft {
    LogDraft::new(t(0), LogActor::console(), action, "x".to_string())
}

fn actor(account_id: i64, kind: &str, participant: Option<&str>) -> LogActor {
    LogActor {
        account_id: Some(account_id),
        kind: kind.to_string(),
        participant: participant.map(str::to_string),
    }
}

/// The whole log, checked for the invariants every read must keep: indexes
/// 0..size without gaps, each stored leaf hash that of its entry, and the
/// same leaf hashes from `log_leaf_hashes`.
async fn whole_log(store: &Arc<dyn Store>) -> Vec<StoredLogEntry> {
    let size = store.log_size().await.unwrap();
    let entries = store.log_entries(0, size + 10).await.unwrap();
    let indexes: Vec<u64> = entries.iter().map(|e| e.entry.index).collect();
    assert_eq!(indexes, (0..size).collect::<Vec<_>>(), "indexes 0..{size}");
    for e in &entries {
        assert_eq!(
            e.leaf_hash,
            e.entry.leaf_hash(),
            "leaf of entry {}",
            e.entry.index
        );
    }
    let leaves = store.log_leaf_hashes(0, size + 10).await.unwrap();
    let stored: Vec<_> = entries.iter().map(|e| e.leaf_hash).collect();
    assert_eq!(leaves, stored);
    entries
}

/// Actions and objects of the whole log, in order.
async fn log_actions(store: &Arc<dyn Store>) -> Vec<(String, String)> {
    whole_log(store)
        .await
        .into_iter()
        .map(|e| (e.entry.action, e.entry.object))
        .collect()
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
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
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

// --- API tokens ---

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

// --- the tamper-evident log ---

fn pairs(list: &[(&str, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(action, object)| (action.to_string(), object.clone()))
        .collect()
}

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
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    let err = store
        .create_api_token(new_token(b.id, "dup", "h1", 6), draft("refused"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");

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
        LogDraft::new(
            t(10),
            actor(7, "nominator", Some("PAK")),
            "contact.read",
            "contact:3".into(),
        )
        .about_participant(Some("IND".to_string()))
        .with_content(&serde_json::json!(["phone", "+92 51 000"])),
        LogDraft::new(
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
        .map(|i| LogDraft::new(t(i), LogActor::console(), "bulk", format!("n:{i}")))
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
                        let d = LogDraft::new(t(i), LogActor::console(), "alone", object.clone());
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
        LogDraft::new(
            at(100),
            LogActor::console(),
            "account.create",
            "account:1".into(),
        )
        .about_participant(Some("PAK".into())),
        // 1
        LogDraft::new(
            at(110),
            actor(1, "secretariat", None),
            "session.sign_in",
            "s".into(),
        ),
        // 2
        LogDraft::new(
            at(120),
            actor(2, "nominator", Some("IND")),
            "session.sign_out",
            "s".into(),
        ),
        // 3
        LogDraft::new(
            at(130),
            actor(2, "nominator", Some("IND")),
            "contact.read",
            "c".into(),
        )
        .about_participant(Some("PAK".into())),
        // 4
        LogDraft::new(
            at(140),
            actor(1, "secretariat", None),
            "session.sign_in",
            "s".into(),
        )
        .about_participant(Some("IND".into())),
        // 5: not under "session." (a LIKE pattern would have to escape `_`)
        LogDraft::new(at(150), LogActor::console(), "session_x.y", "w".into()),
        // 6: nor is this (case matters)
        LogDraft::new(at(160), LogActor::console(), "Session.upper", "w".into()),
        // 7: a participant code that starts like another
        LogDraft::new(
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

fn head(size: u64, root: u8) -> SignedTreeHead {
    SignedTreeHead {
        tree_size: size,
        root_hash: format!("{root:02x}").repeat(32),
        timestamp: 1_900_000_000 + size as i64,
        signature: format!("sig-{size}-{root}"),
        key_id: "ab".repeat(32),
    }
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

/// Makes every append of an entry with action `boom` fail inside the database.
async fn arm_boom(raw: &Raw) {
    raw.exec(
        "CREATE TRIGGER boom BEFORE INSERT ON log_entries WHEN NEW.action = 'boom' \
         BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN IF NEW.action = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$; \
         CREATE TRIGGER boom BEFORE INSERT ON log_entries \
         FOR EACH ROW EXECUTE FUNCTION boom();",
    )
    .await
    .unwrap();
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

// --- participants ---

fn new_participant(code: &str, kind: ParticipantKind) -> NewParticipant {
    NewParticipant {
        code: code.to_string(),
        alpha2: Some(code[..2].to_string()),
        m49: Some("586".to_string()),
        kind,
        region: "Asia".to_string(),
        subregion: "Southern Asia".to_string(),
        names: ParticipantNames {
            ar: format!("{code} ar"),
            zh: format!("{code} 中文"),
            en: format!("{code} en"),
            es: format!("{code} es"),
            fr: format!("{code} fr"),
            ru: format!("{code} ру"),
        },
        at: t(100),
    }
}

async fn participants_seed_once_and_read_back(store: Arc<dyn Store>) {
    let list = vec![
        new_participant("PAK", ParticipantKind::MemberState),
        new_participant("FRA", ParticipantKind::MemberState),
        new_participant("VAT", ParticipantKind::ObserverState),
    ];
    let before = store.log_size().await.unwrap();
    assert_eq!(
        store
            .seed_participants(&list, draft("participants.seed"))
            .await
            .unwrap(),
        3
    );
    assert_eq!(store.log_size().await.unwrap(), before + 1);
    // Seeding again adds nothing and logs nothing.
    assert_eq!(
        store
            .seed_participants(&list, draft("participants.seed"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(store.log_size().await.unwrap(), before + 1);
    let all = store.participants().await.unwrap();
    let codes: Vec<&str> = all.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["FRA", "PAK", "VAT"]);
    let pak = store.participant("PAK").await.unwrap().unwrap();
    assert_eq!(pak.status, ParticipationStatus::NotParticipating);
    assert_eq!(pak.kind, ParticipantKind::MemberState);
    assert_eq!(pak.names.zh, "PAK 中文");
    assert_eq!(pak.names.in_language("ru"), "PAK ру");
    assert_eq!(pak.created_at, t(100));
    assert!(store.participant("XXX").await.unwrap().is_none());
}

async fn organisations_and_status_changes(store: Arc<dyn Store>) {
    store
        .seed_participants(
            &[new_participant("PAK", ParticipantKind::MemberState)],
            draft("participants.seed"),
        )
        .await
        .unwrap();
    let org = new_participant("OSCE", ParticipantKind::Organisation);
    let created = store
        .create_organisation(org.clone(), draft("participant.create"))
        .await
        .unwrap();
    assert_eq!(created.kind, ParticipantKind::Organisation);
    assert!(matches!(
        store
            .create_organisation(org, draft("participant.create"))
            .await,
        Err(StoreError::Conflict(_))
    ));
    let size = store.log_size().await.unwrap();
    use ParticipationStatus::*;
    assert!(store
        .change_participant_status(
            "PAK",
            NotParticipating,
            Participating,
            t(200),
            draft("participant.status")
        )
        .await
        .unwrap());
    // A stale "from" changes nothing and logs nothing.
    assert!(!store
        .change_participant_status(
            "PAK",
            NotParticipating,
            Suspended,
            t(300),
            draft("participant.status")
        )
        .await
        .unwrap());
    assert!(!store
        .change_participant_status(
            "ZZZ",
            NotParticipating,
            Participating,
            t(300),
            draft("participant.status")
        )
        .await
        .unwrap());
    assert_eq!(store.log_size().await.unwrap(), size + 1);
    let pak = store.participant("PAK").await.unwrap().unwrap();
    assert_eq!(pak.status, Participating);
    assert_eq!(pak.status_changed_at, t(200));
}

// --- points of contact ---

/// Seeds PAK and FRA (both not participating).
async fn seed_two(store: &Arc<dyn Store>) {
    store
        .seed_participants(
            &[
                new_participant("PAK", ParticipantKind::MemberState),
                new_participant("FRA", ParticipantKind::MemberState),
            ],
            draft("participants.seed"),
        )
        .await
        .unwrap();
}

fn details(name: &str) -> String {
    format!(r#"{{"name":"{name}"}}"#)
}

/// Nominator 7 of PAK proposes a PoC named `name` at `at`.
async fn propose(
    store: &Arc<dyn Store>,
    participant: &str,
    role: PocRole,
    name: &str,
    at: i64,
) -> Poc {
    store
        .propose_poc(
            participant,
            role,
            &details(name),
            Some(7),
            t(at),
            draft("poc.propose"),
        )
        .await
        .unwrap()
}

/// The secretariat (account 1) approves or rejects what is pending.
async fn decide(
    store: &Arc<dyn Store>,
    poc: &Poc,
    approve: bool,
    at: i64,
) -> pocdir_store::DecidedPoc {
    store
        .decide_poc(
            poc.id,
            poc.version,
            approve,
            (!approve).then_some("not an official"),
            Some(1),
            t(at),
            LogDraft::new(
                t(at),
                actor(1, "secretariat", None),
                "poc.decide",
                format!("poc:{}", poc.id),
            ),
        )
        .await
        .unwrap()
        .unwrap()
}

async fn status_of(store: &Arc<dyn Store>, code: &str) -> ParticipationStatus {
    store.participant(code).await.unwrap().unwrap().status
}

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
    assert_eq!(stale, Err(u.clone()));
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
        .propose_poc_withdrawal(p.id, p.version, Some(7), t(50), draft("poc.withdraw"))
        .await
        .unwrap()
        .unwrap();
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
        Err(StoreError::Conflict(_))
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
        assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
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
        .unwrap();
    assert_eq!(p.status, PocStatus::Pending);
    assert_eq!(p.pending_action, Some(PendingAction::Create));
    assert_eq!(p.pending.as_deref(), Some(details("v1b").as_str()));
    let conflict = |r: Result<Result<Poc, Poc>, StoreError>| {
        assert!(matches!(r, Err(StoreError::Conflict(_))), "{r:?}");
    };
    conflict(
        store
            .confirm_poc(p.id, 2, Some(7), t(12), draft("poc.confirm"))
            .await,
    );
    let w = store
        .propose_poc_withdrawal(p.id, 2, Some(7), t(13), draft("poc.withdraw"))
        .await
        .unwrap()
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
            .propose_poc_withdrawal(w.id, 3, Some(7), t(14), draft("x"))
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
        .propose_poc_withdrawal(a.id, a.version, Some(7), t(22), draft("poc.withdraw"))
        .await
        .unwrap()
        .unwrap();
    conflict(
        store
            .propose_poc_update(a.id, a.version, "{}", Some(7), t(23), draft("x"))
            .await,
    );
    conflict(
        store
            .propose_poc_withdrawal(a.id, a.version, Some(7), t(23), draft("x"))
            .await,
    );
    // Re-validation stays possible meanwhile; a rejected withdrawal keeps it active.
    let a = store
        .confirm_poc(a.id, a.version, Some(7), t(24), draft("poc.confirm"))
        .await
        .unwrap()
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
        .unwrap();
    let p = decide(&store, &p, false, 40).await.poc;
    let p = store
        .confirm_poc(p.id, p.version, Some(7), t(50), draft("poc.confirm"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.confirmed_at, Some(t(50)));
    assert_eq!(p.active.as_deref(), Some(details("v1").as_str()));
    let p = store
        .propose_poc_withdrawal(p.id, p.version, Some(7), t(60), draft("poc.withdraw"))
        .await
        .unwrap()
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
        .propose_poc_withdrawal(w.id, w.version, Some(7), t(11), draft("poc.withdraw"))
        .await
        .unwrap()
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
        .propose_poc_withdrawal(t2.id, t2.version, Some(7), t(40), draft("poc.withdraw"))
        .await
        .unwrap()
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
                Ok(poc) => won.push(poc),
                Err(current) => lost.push(current),
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
                    Some(7),
                    t(round * 10 + 2),
                    draft("poc.withdraw"),
                )
                .await
                .unwrap()
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
        .propose_poc_withdrawal(fra.id, fra.version, Some(7), t(2), draft("poc.withdraw"))
        .await
        .unwrap()
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
        .propose_poc_withdrawal(p.id, p.version, Some(7), t(10), boom())
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

fn nomination(participant: &str, role: PocRole, name: &str) -> NewNomination {
    NewNomination {
        participant: participant.into(),
        role,
        details_json: details(name),
        log: draft("poc.import"),
    }
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
    assert!(stale.is_err());
    assert_eq!(store.directory_revision().await.unwrap(), r3);
    store
        .confirm_poc(p.id, p.version, Some(7), t(4), draft("poc.confirm"))
        .await
        .unwrap()
        .unwrap();
    assert!(store.directory_revision().await.unwrap() > r3);
}

// --- the outbox of e-mail ---

fn new_mail(key: &str, to: &str, at: i64) -> NewMail {
    NewMail {
        dedupe_key: key.to_string(),
        recipient: to.to_string(),
        language: "fr".to_string(),
        subject: "Rappel".to_string(),
        body: "Corps du message".to_string(),
        participant: Some("PAK".to_string()),
        created_at: t(at),
    }
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
