//! One conformance suite for the `Store` traits, run on both backends, one
//! module per capability.
//!
//! Each case is an `async fn(Arc<dyn Store>)`; the `conformance!` macro, in
//! each module, turns it into `<module>::sqlite::<case>` and
//! `<module>::postgres::<case>` tests. SQLite runs on a
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
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft, LogEntry};
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::seal::Keyring;
use pocdir_domain::throttle::FailureCount;
use pocdir_store::postgres::PostgresStore;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{
    Account, Backend, ChangeOutcome, Keys, LogFilter, MailCounts, MailRecipient, MailStatus,
    NewAccount, NewApiToken, NewMail, NewNomination, NewParticipant, NewSession, ParticipantNames,
    PendingAction, Poc, PocRole, PocStatus, Store, StoreError, StoredLogEntry,
};
use sqlx::{Connection, Executor, PgConnection, PgPool, SqlitePool};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use time::macros::datetime;
use time::OffsetDateTime;

const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

// --- harness ---

/// A fresh key, as every test store is sealed with.
fn keyring() -> Keyring {
    Keyring::ephemeral(Arc::new(OsEntropy)).unwrap()
}

fn keys() -> Keys {
    keyring().into()
}

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

    /// The first column of every row of `sql`, as text.
    async fn texts(&self, sql: &str) -> Vec<String> {
        match self {
            Raw::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
            Raw::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
        }
    }
}

async fn on_sqlite<F, Fut>(case: F)
where
    F: FnOnce(Arc<dyn Store>, Raw) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_sqlite_url(|url| async move {
        let store = SqliteStore::open(&url, keys()).await.unwrap();
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
        let store = PostgresStore::open(&url, keys()).await.unwrap();
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
                    crate::on_sqlite(|store, _| super::$case(store)).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $raw() {
                    crate::on_sqlite(super::$raw).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    crate::on_postgres(|store, _| super::$case(store)).await;
                }
            )*
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $raw() {
                    crate::on_postgres(super::$raw).await;
                }
            )*
        }
    };
}

// --- open ---

#[tokio::test]
async fn open_rejects_unsupported_url() {
    let err = pocdir_store::open("mysql://x", keys()).await.unwrap_err();
    assert!(
        matches!(err, StoreError::UnsupportedUrl(ref u) if u == "mysql://x"),
        "{err:?}"
    );
}

async fn open_by_url(url: String, backend: Backend) {
    let ring = keyring();
    let store = pocdir_store::open(&url, ring.clone()).await.unwrap();
    assert_eq!(store.backend(), backend);
    store.ping().await.unwrap();
    assert_eq!(store.count_accounts().await.unwrap(), 0);
    // Opening again finds the migrations applied and the data kept.
    account(&store, "a@example.org", AccountKind::Reporter).await;
    drop(store);
    let again = pocdir_store::open(&url, ring).await.unwrap();
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

/// Opening to read creates nothing, runs no migration and writes nothing.
async fn open_read_only_by_url(url: String, backend: Backend) {
    // Not there yet: an error, and still not there afterwards.
    if backend == Backend::Sqlite {
        let file = url.trim_start_matches("sqlite://").to_string();
        assert!(
            pocdir_store::open_read_only(&format!("{url}?mode=rwc"), keys())
                .await
                .is_err()
        );
        assert!(!std::path::Path::new(&file).exists(), "{file} was created");
    } else {
        // An empty database is not migrated by a reader: its tables are missing.
        let reader = pocdir_store::open_read_only(&url, keys()).await.unwrap();
        assert!(reader.log_size().await.is_err());
    }
    let store = pocdir_store::open(&url, keys()).await.unwrap();
    account(&store, "a@example.org", AccountKind::Reporter).await;
    let reader = pocdir_store::open_read_only(&url, keys()).await.unwrap();
    assert_eq!(reader.backend(), backend);
    assert_eq!(reader.count_accounts().await.unwrap(), 1);
    assert_eq!(reader.log_size().await.unwrap(), 1);
    let err = reader
        .append_log(&[draft("not.allowed")])
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("read-only") || err.to_string().contains("readonly"),
        "{err}"
    );
    assert_eq!(store.log_size().await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_read_only_sqlite() {
    with_sqlite_url(|url| open_read_only_by_url(url, Backend::Sqlite)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_read_only_postgres() {
    with_postgres_url(|url| open_read_only_by_url(url, Backend::Postgres)).await;
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
        password_change_required: false,
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
    raw_draft(t(0), LogActor::console(), action, "x".to_string())
}

/// A log entry with any action text: the suite checks how the store keeps
/// and filters texts, including some pocdir itself never writes.
fn raw_draft(at: OffsetDateTime, actor: LogActor, action: &str, object: String) -> LogDraft {
    let mut draft = LogDraft::new(at, actor, LogAction::AccountCreate, object);
    draft.action = action.to_string();
    draft
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

fn pairs(list: &[(&str, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(action, object)| (action.to_string(), object.clone()))
        .collect()
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
            raw_draft(
                t(at),
                actor(1, "secretariat", None),
                "poc.decide",
                format!("poc:{}", poc.id),
            ),
        )
        .await
        .unwrap()
        .applied()
        .unwrap()
}

async fn status_of(store: &Arc<dyn Store>, code: &str) -> ParticipationStatus {
    store.participant(code).await.unwrap().unwrap().status
}

fn nomination(participant: &str, role: PocRole, name: &str) -> NewNomination {
    NewNomination {
        participant: participant.into(),
        role,
        details_json: details(name),
        log: draft("poc.import"),
    }
}

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

mod account_admin;
mod accounts;
mod capacity;
mod communications;
mod exercises;
mod group_commit;
mod learning;
mod lexicon;
mod library;
mod log;
mod outbox;
mod participants;
mod ping_tests;
mod pocs;
mod reporters;
mod reports;
mod sealing;
mod security_keys;
mod sessions;
mod taxii;
