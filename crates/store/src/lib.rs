//! Storage for pocdir, by capability: one sub-trait per folder (accounts,
//! sessions, security keys, the log, participants, PoCs, the outbox), each with its rows
//! and one implementation written once for both backends. [`Store`] is the
//! sum of the sub-traits; a consumer asks for the narrowest one it needs.
//! The backend is chosen once, from the database URL.
//!
//! Each trait method is one transaction: it either changes everything it
//! says or nothing.

use async_trait::async_trait;
use std::sync::Arc;
use time::OffsetDateTime;

mod account_admin;
mod accounts;
pub mod backup;
mod capacity;
mod communications;
mod exercises;
mod learning;
mod lexicon;
mod library;
mod log;
mod outbox;
mod participants;
mod ping_tests;
mod pocs;
pub mod postgres;
mod reporters;
mod reports;
pub mod sealing;
mod security_keys;
mod sessions;
pub mod sql;
pub mod sqlite;
mod sqlite_bulk;
mod taxii;

pub use account_admin::{
    AccountAdminStore, ChangeMail, Invitation, NewInvitation, NewPasswordReset, PasswordReset,
};
pub use accounts::{Account, AccountStore, NewAccount};
pub use capacity::{
    CapacityFunding, CapacityOffer, CapacityRequest, CapacityStep, CapacityStore, FollowUp,
    NewCapacityFunding, NewCapacityOffer, NewCapacityRequest, ReadinessRecord,
};
pub use communications::{
    AttachmentMeta, CommunicationMeta, CommunicationRecord, CommunicationStore,
    EscalationCandidate, InboxFilter, InboxItem, Mailbox, NewCommunication, NewRecipient,
    PocAccount, Recipient, ID_PLACEHOLDER,
};
pub use exercises::{
    Delivery, Exercise, ExerciseStore, ExpectationRecord, Feedback, Improvement, NewDelivery,
    NewExercise, NewExpectation, NewInject, PlayerAct, PlayerAction, SentInject,
};
pub use learning::{
    LearningStore, LessonRead, QuizAttempt, QuizGrade, StoredCertificate, StoredModule,
};
pub use lexicon::{ConceptVersion, LexiconComment, LexiconDecision, LexiconProposal, LexiconStore};
pub use library::{LibraryDocument, LibraryStore, NewLibraryDocument};
pub use log::{LogFilter, LogKey, LogStore, StoredLogEntry};
pub use outbox::{Mail, MailCounts, MailRecipient, MailStatus, NewMail, OutboxStore};
pub use participants::{NewParticipant, Participant, ParticipantNames, ParticipantStore};
pub use ping_tests::{
    AnswerWritten, Campaign, CampaignStart, Challenge, ChallengeFilter, NewAnswer, NewCampaign,
    NewChallenge, NewFinding, NewReminder, PingTarget, PingTestStore, ReminderTarget, StateTally,
    CAMPAIGN_ID_PLACEHOLDER,
};
pub use pocdir_domain::directory::lifecycle::Poc;
pub use pocdir_domain::directory::poc::{PendingAction, PocRole, PocStatus};
pub use pocs::{ChangeOutcome, DecidedPoc, NewNomination, PocHistoryEntry, PocStore};
pub use reporters::{NewApplication, Reporter, ReporterChange, ReporterDecision, ReporterStore};
pub use reports::{
    report_mail_key_prefix, EmbargoExtension, MessageSide, NewReport, NewReportMessage, ReportList,
    ReportMessage, ReportMeta, ReportRecipient, ReportRecord, ReportState, ReportStateDue,
    ReportStore, REPORT_ID_PLACEHOLDER,
};
pub use sealing::{KeySource, Keys, SealStore, SealedCounts};
pub use security_keys::{CeremonyPurpose, NewSecurityKey, SecurityKey, SecurityKeyStore};
pub use sessions::{
    ApiToken, ApiTokenStore, NewApiToken, NewSession, Session, SessionStore, ThrottleStore,
};
pub use taxii::{
    CollectionRecord, NewCollection, NewObjects, NewTaxiiObject, ObjectQuery, StatusDetail,
    StatusRecord, StoredObject, TaxiiStore,
};

/// The store's traits, to call their methods on any store.
pub mod prelude {
    pub use crate::{
        backup::BackupStore, AccountAdminStore, AccountStore, ApiTokenStore, CapacityStore,
        CommunicationStore, ExerciseStore, LearningStore, LexiconStore, LibraryStore, LogStore,
        OutboxStore, ParticipantStore, PingTestStore, PocStore, ReportStore, ReporterStore,
        SealStore, SecurityKeyStore, SessionStore, Store, TaxiiStore, ThrottleStore,
    };
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique value is taken (an e-mail, a code, a token).
    #[error("already exists: {0}")]
    Duplicate(String),
    /// The row's state does not allow the change (e.g. deciding a PoC with
    /// nothing pending).
    #[error("not allowed now: {0}")]
    NotAllowed(String),
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// An error of the SQLite driver of the bulk log read (`sqlite_bulk.rs`).
    #[error("database error: {0}")]
    Driver(String),
    /// A stored row cannot be read; the message says which.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// The store cannot take the change now (its writer stopped, no turn
    /// came in time, or the batch's commit failed); nothing was saved.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// A log entry the store writes itself has content with no JSON form.
    #[error(transparent)]
    LogContent(#[from] pocdir_domain::log::entry::ContentError),
}

impl StoreError {
    /// The version of a migration the database has and this binary does
    /// not know: the database was written by a newer pocdir.
    pub fn newer_schema(&self) -> Option<i64> {
        match self {
            StoreError::Migration(sqlx::migrate::MigrateError::VersionMissing(v)) => Some(*v),
            _ => None,
        }
    }

    /// Constraint violations as the store's own errors: a taken unique
    /// value is `Duplicate(what)`, a missing referenced row `NotFound`.
    pub(crate) fn constraint(self, what: &str) -> StoreError {
        match &self {
            StoreError::Database(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                StoreError::Duplicate(what.to_string())
            }
            StoreError::Database(sqlx::Error::Database(db)) if db.is_foreign_key_violation() => {
                StoreError::NotFound
            }
            _ => self,
        }
    }
}

impl From<pocdir_domain::directory::lifecycle::LifecycleError> for StoreError {
    fn from(e: pocdir_domain::directory::lifecycle::LifecycleError) -> Self {
        use pocdir_domain::directory::lifecycle::LifecycleError;
        match e {
            LifecycleError::NotAllowed { .. } => StoreError::NotAllowed(e.to_string()),
            LifecycleError::Inconsistent { .. } => StoreError::Corrupt(e.to_string()),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Which backend a store runs on (for logs and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Every capability of the store, on one backend.
#[async_trait]
pub trait Store:
    AccountStore
    + AccountAdminStore
    + SessionStore
    + ApiTokenStore
    + ThrottleStore
    + LogStore
    + ParticipantStore
    + PocStore
    + OutboxStore
    + SecurityKeyStore
    + CommunicationStore
    + ExerciseStore
    + CapacityStore
    + LearningStore
    + LexiconStore
    + LibraryStore
    + PingTestStore
    + ReporterStore
    + ReportStore
    + TaxiiStore
    + SealStore
    + backup::BackupStore
    + Send
    + Sync
    + std::fmt::Debug
{
    fn backend(&self) -> Backend;

    /// Cheap round trip for `/healthz`.
    async fn ping(&self) -> StoreResult<()>;

    /// Tells `observer` of the log entries of every transaction this store
    /// commits from now on, as long as it lives.
    fn observe_commits(&self, observer: std::sync::Weak<dyn CommitObserver>);
}

/// Learns at once of the changes this process commits: every change that
/// matters is logged in its own transaction, so the entries say what
/// changed. Called on the committing task, after the commit and before the
/// caller hears of it; it must be quick and must not block. (Other
/// processes' changes arrive through the log itself: `pocdir_log::feed`.)
pub trait CommitObserver: Send + Sync {
    fn committed(&self, entries: &[pocdir_domain::log::entry::LogEntry]);
}

/// The backend a database URL names.
pub fn backend_of(url: &str) -> StoreResult<Backend> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Backend::Postgres)
    } else {
        Err(StoreError::UnsupportedUrl(url.to_string()))
    }
}

/// Opens the store named by `url` (`sqlite://…` or `postgres://…`), applies
/// its migrations and seals what an earlier version kept in clear; `keys`
/// seal and open the sealed columns (see [`sealing`]).
pub async fn open(url: &str, keys: impl Into<Keys>) -> StoreResult<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(sqlite::SqliteStore::open(url, keys).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(postgres::PostgresStore::open(url, keys).await?))
    } else {
        Err(StoreError::UnsupportedUrl(url.to_string()))
    }
}

/// Opens an existing store only to read it (`pocdir log verify`, `export`,
/// `key`): nothing is created (no file, no folder), no migration runs, and
/// on PostgreSQL every transaction is read-only, so a check can never
/// change what it checks. A database that is not there is an error.
pub async fn open_read_only(url: &str, keys: impl Into<Keys>) -> StoreResult<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(
            sqlite::SqliteStore::open_read_only(url, keys).await?,
        ))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(
            postgres::PostgresStore::open_read_only(url, keys).await?,
        ))
    } else {
        Err(StoreError::UnsupportedUrl(url.to_string()))
    }
}

/// Seconds since the epoch, as stored. Both backends keep times as BIGINT
/// Unix seconds so comparisons mean the same thing on each.
pub(crate) fn to_db_time(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

/// A stored time, or what is wrong with it.
pub(crate) fn db_time(secs: i64) -> Result<OffsetDateTime, String> {
    OffsetDateTime::from_unix_timestamp(secs).map_err(|e| format!("timestamp {secs}: {e}"))
}

pub(crate) fn opt_db_time(secs: Option<i64>) -> Result<Option<OffsetDateTime>, String> {
    secs.map(db_time).transpose()
}

/// The error for a row that cannot be read: `table` and `key` say which.
pub(crate) fn corrupt(
    table: &'static str,
    key: impl std::fmt::Display,
) -> impl Fn(String) -> StoreError {
    move |problem| StoreError::Corrupt(format!("{table} row {key}: {problem}"))
}

/// Converts a list of rows, failing on the first that cannot be read.
pub(crate) fn convert_all<R, T>(rows: Vec<R>) -> StoreResult<Vec<T>>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}
