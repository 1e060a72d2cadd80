//! Storage for pocdir: the [`Store`] trait, its models and errors, and one
//! module per backend. The backend is chosen once, from the database URL.
//!
//! Each trait method is one transaction: it either changes everything it
//! says or nothing.

use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
pub use pocdir_domain::directory::poc::{PendingAction, PocRole, PocStatus};
use pocdir_domain::log::entry::{LogDraft, LogEntry};
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::log::merkle::Hash;
use pocdir_domain::throttle::FailureCount;
use std::sync::Arc;
use time::OffsetDateTime;

mod pocs;
pub mod postgres;
mod rows;
pub mod sqlite;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("already exists: {0}")]
    Conflict(String),
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub kind: AccountKind,
    /// ISO 3166-1 alpha-3 code for nominators and PoCs.
    pub participant: Option<String>,
    pub display_name: String,
    pub password_hash: String,
    /// Base32 TOTP secret; set at enrolment start, confirmed when `totp_enrolled`.
    pub totp_secret: Option<String>,
    pub totp_enrolled: bool,
    /// The last accepted TOTP time step (replay guard).
    pub totp_last_step: Option<i64>,
    /// Created by `serve --demo`: only these may have their TOTP code printed at the console.
    pub demo: bool,
    pub disabled: bool,
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: String,
    pub kind: AccountKind,
    pub participant: Option<String>,
    pub display_name: String,
    pub password_hash: String,
    /// Demo accounts are created already enrolled with a known secret.
    pub totp_secret: Option<String>,
    pub totp_enrolled: bool,
    pub demo: bool,
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Public id (for listing and revoking); the cookie value is never stored.
    pub id: i64,
    pub token_hash: String,
    pub account_id: i64,
    /// False while the second factor is still to be given.
    pub mfa_done: bool,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub user_agent: String,
    pub client_address: String,
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub account_id: i64,
    pub mfa_done: bool,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub user_agent: String,
    pub client_address: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub token_hash: String,
    /// "read" or "read write".
    pub scopes: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    pub last_used_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone)]
pub struct NewApiToken {
    pub account_id: i64,
    pub name: String,
    pub token_hash: String,
    pub scopes: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

/// Which backend a store runs on (for logs and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug {
    fn backend(&self) -> Backend;

    /// Cheap round trip for `/healthz`.
    async fn ping(&self) -> StoreResult<()>;

    // --- accounts ---
    async fn count_accounts(&self) -> StoreResult<i64>;
    /// Fails with `Conflict` when the e-mail is taken.
    /// The log entry's `object` is set to `account:<new id>`.
    async fn create_account(&self, new: NewAccount, log: LogDraft) -> StoreResult<Account>;
    async fn account_by_id(&self, id: i64) -> StoreResult<Option<Account>>;
    /// `email` is already normalised (lower case).
    async fn account_by_email(&self, email: &str) -> StoreResult<Option<Account>>;
    /// Sets the password and ends every session of the account except `keep_session_id`.
    async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep_session_id: Option<i64>,
        log: LogDraft,
    ) -> StoreResult<()>;
    /// Starts (or restarts) TOTP enrolment with a new, unconfirmed secret.
    async fn begin_totp_enrolment(&self, account_id: i64, secret: &str) -> StoreResult<()>;
    /// Confirms enrolment: marks TOTP enrolled, records the step used and
    /// replaces the recovery codes, all at once. Returns false (and changes
    /// nothing) when the step was already used.
    async fn complete_totp_enrolment(
        &self,
        account_id: i64,
        step: i64,
        recovery_code_hashes: &[String],
        log: LogDraft,
    ) -> StoreResult<bool>;
    /// Replay guard: records `step` only if it is newer than the last accepted
    /// one. Returns false when the code's step was already used.
    async fn accept_totp_step(&self, account_id: i64, step: i64) -> StoreResult<bool>;
    async fn replace_recovery_codes(
        &self,
        account_id: i64,
        hashes: &[String],
        log: LogDraft,
    ) -> StoreResult<()>;
    /// Consumes a recovery code; true if it existed and was unused.
    async fn use_recovery_code(
        &self,
        account_id: i64,
        hash: &str,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;
    async fn unused_recovery_codes(&self, account_id: i64) -> StoreResult<i64>;

    // --- sessions ---
    async fn create_session(&self, new: NewSession) -> StoreResult<Session>;
    async fn session_by_token_hash(&self, token_hash: &str) -> StoreResult<Option<Session>>;
    async fn touch_session(&self, id: i64, at: OffsetDateTime) -> StoreResult<()>;
    /// Replaces a session by a new one (rotation at sign-in) in one step,
    /// logging `log` (the sign-in) in the same transaction when given.
    async fn rotate_session(
        &self,
        old_id: i64,
        new: NewSession,
        log: Option<LogDraft>,
    ) -> StoreResult<Session>;
    /// Deletes a session; `log` is given for a sign-out, None for housekeeping.
    /// The entry is appended only if the session still existed (a second,
    /// racing sign-out logs nothing).
    async fn delete_session(&self, id: i64, log: Option<LogDraft>) -> StoreResult<()>;
    /// Deletes one of the account's own sessions; false (and nothing logged) if it is not theirs.
    async fn delete_account_session(
        &self,
        account_id: i64,
        id: i64,
        log: LogDraft,
    ) -> StoreResult<bool>;
    /// Live sessions of the account, newest first.
    async fn sessions_of(&self, account_id: i64, now: OffsetDateTime) -> StoreResult<Vec<Session>>;
    /// Removes sessions whose absolute expiry has passed; returns how many.
    async fn delete_expired_sessions(&self, now: OffsetDateTime) -> StoreResult<u64>;

    // --- API tokens ---
    /// The log entry's `object` is set to `token:<new id>`.
    async fn create_api_token(&self, new: NewApiToken, log: LogDraft) -> StoreResult<ApiToken>;
    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<Option<ApiToken>>;
    async fn touch_api_token(&self, id: i64, at: OffsetDateTime) -> StoreResult<()>;
    async fn api_tokens_of(&self, account_id: i64) -> StoreResult<Vec<ApiToken>>;
    /// Revokes one of the account's tokens; false if it is not theirs or already revoked.
    async fn revoke_api_token(
        &self,
        account_id: i64,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;

    // --- sign-in throttling ---
    async fn record_login_failure(&self, key: &str, at: OffsetDateTime) -> StoreResult<()>;
    async fn login_failures_since(
        &self,
        key: &str,
        since: OffsetDateTime,
    ) -> StoreResult<FailureCount>;
    async fn clear_login_failures(&self, key: &str) -> StoreResult<()>;
    async fn delete_login_failures_before(&self, before: OffsetDateTime) -> StoreResult<u64>;

    // --- job leases (so that one instance among several runs a periodic job) ---
    /// Takes the lease `name` for `holder` until `until` if it is free or
    /// expired (or already held by `holder`). True when `holder` now holds it.
    async fn try_claim_lease(
        &self,
        name: &str,
        holder: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool>;

    // --- the tamper-evident log ---
    // Entries are numbered 0, 1, 2… with no gaps; every method above that
    // takes a `LogDraft` appends it in the same transaction as its change.
    /// Appends entries that record no other change (e.g. reads of contact
    /// details), all in one transaction; returns their indexes, consecutive.
    /// Appending many at once is far cheaper than one by one (one commit).
    async fn append_log(&self, drafts: &[LogDraft]) -> StoreResult<Vec<u64>>;
    /// Number of entries.
    async fn log_size(&self) -> StoreResult<u64>;
    /// Entries with `start <= index < end`, in order, with their stored leaf hashes.
    async fn log_entries(&self, start: u64, end: u64) -> StoreResult<Vec<StoredLogEntry>>;
    /// Stored leaf hashes from `start`, at most `limit`, in order (to grow the in-memory tree).
    async fn log_leaf_hashes(&self, start: u64, limit: u64) -> StoreResult<Vec<Hash>>;
    /// Entries matching `filter`, newest first, below `before` when given, at most `limit`.
    async fn search_log(
        &self,
        filter: &LogFilter,
        before: Option<u64>,
        limit: u64,
    ) -> StoreResult<Vec<LogEntry>>;
    /// Keeps a signed tree head; a head for a size already kept is left as it is.
    async fn store_tree_head(&self, head: &SignedTreeHead) -> StoreResult<()>;
    /// All kept heads, smallest size first.
    async fn tree_heads(&self) -> StoreResult<Vec<SignedTreeHead>>;
    async fn latest_tree_head(&self) -> StoreResult<Option<SignedTreeHead>>;

    // --- directory: participants ---
    /// Adds the reference participants (UN Member and Observer States) that
    /// are not there yet; returns how many were added. `log` is appended,
    /// in the same transaction, only when some were.
    async fn seed_participants(&self, list: &[NewParticipant], log: LogDraft) -> StoreResult<u64>;
    /// Every participant, by code.
    async fn participants(&self) -> StoreResult<Vec<Participant>>;
    async fn participant(&self, code: &str) -> StoreResult<Option<Participant>>;
    /// Adds an intergovernmental organisation; `Conflict` when the code is taken.
    async fn create_organisation(
        &self,
        new: NewParticipant,
        log: LogDraft,
    ) -> StoreResult<Participant>;
    /// Moves a participant from `from` to `to` (compare-and-set); false when
    /// it was not in `from` (or does not exist), and then nothing is logged.
    async fn change_participant_status(
        &self,
        code: &str,
        from: ParticipationStatus,
        to: ParticipationStatus,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;

    // --- directory: points of contact ---
    // Every change below bumps the PoC's `version`, writes one `poc_history`
    // row and appends `log`, all in one transaction. Changes to an existing
    // PoC take the version the caller last saw: when it is stale they return
    // `Ok(Err(current))` and change and log nothing (optimistic concurrency).
    // A change the PoC's state does not allow is `StoreError::Conflict`; an
    // unknown id is `StoreError::NotFound`. `details_json` is the JSON of a
    // validated `PocDetails`, stored as given.
    /// Nominates a PoC: status `pending`, `pending` = the details, pending
    /// action `create`, version 1. `NotFound` if the participant does not
    /// exist. The log entry's `object` is set to `poc:<new id>`.
    async fn propose_poc(
        &self,
        participant: &str,
        role: PocRole,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Poc>;
    /// Proposes new details for an active PoC (pending action `update`,
    /// replacing an update already pending), or amends a nomination still
    /// pending (the action stays `create`). `Conflict` for a rejected or
    /// withdrawn PoC, or while a withdrawal is pending.
    async fn propose_poc_update(
        &self,
        id: i64,
        expected_version: i64,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<Poc, Poc>>;
    /// Asks for the withdrawal of an active PoC (pending action `withdraw`,
    /// replacing an update proposal); a nomination still pending is
    /// withdrawn at once. `Conflict` for a rejected or withdrawn PoC, or when
    /// a withdrawal is already pending.
    async fn propose_poc_withdrawal(
        &self,
        id: i64,
        expected_version: i64,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<Poc, Poc>>;
    /// The secretariat's decision on the pending action. Approving a
    /// `create` makes the PoC active (`active` = `pending`, `confirmed_at` =
    /// `at`); an `update` replaces `active` and sets `confirmed_at`; a
    /// `withdraw` makes it withdrawn (keeping `active` for history).
    /// Rejecting clears `pending` (a rejected `create` makes it rejected).
    /// In the same transaction the participant's status follows
    /// [`next_status`](pocdir_domain::directory::participant::next_status)
    /// (`PocVerified` on an approved creation, `LastPocWithdrawn` when an
    /// approved withdrawal leaves it no active PoC); when it changes, a
    /// second entry `participant.status` (object `participant:<code>`, by
    /// `log.actor`) is appended after `log`. A transition the state machine
    /// refuses (e.g. a participant that left) leaves the status as it is.
    /// `Conflict` when nothing is pending.
    #[allow(clippy::too_many_arguments)]
    async fn decide_poc(
        &self,
        id: i64,
        expected_version: i64,
        approve: bool,
        reason: Option<&str>,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<DecidedPoc, Poc>>;
    /// Re-validation by the nominator: the active details still hold
    /// (`confirmed_at` = `at`). `Conflict` unless the PoC is active.
    async fn confirm_poc(
        &self,
        id: i64,
        expected_version: i64,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<Poc, Poc>>;
    async fn poc(&self, id: i64) -> StoreResult<Option<Poc>>;
    /// Every PoC of the participant, whatever its status, by id.
    async fn pocs_of(&self, participant: &str) -> StoreResult<Vec<Poc>>;
    /// The secretariat's queue: PoCs with a pending action, the oldest
    /// request first (an amended request keeps its place).
    async fn pending_pocs(&self) -> StoreResult<Vec<Poc>>;
    /// Active PoCs last confirmed before `before`, the longest unconfirmed first.
    async fn pocs_due_for_revalidation(&self, before: OffsetDateTime) -> StoreResult<Vec<Poc>>;
    /// Every version of the PoC, in order (empty for an unknown id).
    async fn poc_history(&self, id: i64) -> StoreResult<Vec<PocHistoryEntry>>;
    /// Active PoCs per participant: (participant, diplomatic, technical), by
    /// participant; participants without an active PoC are left out.
    async fn active_poc_counts(&self) -> StoreResult<Vec<(String, i64, i64)>>;
    /// Nominates several PoCs in one transaction (an import): all or none.
    /// Each nomination is as [`Store::propose_poc`], its log entry's
    /// `object` set to `poc:<new id>`. `NotFound` if a participant does not
    /// exist (and nothing is written).
    async fn propose_pocs(
        &self,
        nominations: &[NewNomination],
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
    ) -> StoreResult<Vec<Poc>>;
    /// Every active PoC, by id.
    async fn active_pocs(&self) -> StoreResult<Vec<Poc>>;
    /// A counter that moves whenever a PoC or a participant changes (bumped
    /// in the changing transaction): caches of the directory compare it.
    async fn directory_revision(&self) -> StoreResult<i64>;

    // --- the outbox of e-mail ---
    // Mails are queued in the store and sent later by the mail job, so a
    // crash loses none and two instances never send one twice.
    /// Queues a mail unless one with the same `dedupe_key` is there already:
    /// then returns None and logs nothing. The log entry's `object` is set
    /// to `mail:<new id>`.
    async fn enqueue_mail(&self, mail: NewMail, log: LogDraft) -> StoreResult<Option<Mail>>;
    /// Claims up to `limit` queued mails due at `now`, the longest waiting
    /// first, by pushing their `next_attempt_at` to `until`: no other sender
    /// claims them before then, and a crashed sender's mails come back then.
    /// Returned by id.
    async fn claim_mails(
        &self,
        now: OffsetDateTime,
        until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<Mail>>;
    /// Marks a queued mail sent and appends `log`; false (and nothing
    /// logged) when it is not queued.
    async fn mark_mail_sent(&self, id: i64, at: OffsetDateTime, log: LogDraft)
        -> StoreResult<bool>;
    /// Records a failed attempt (`attempts` + 1, `last_error`): queued again
    /// for `retry_at`, or, when None, `failed` for good and `log` appended.
    /// False (and nothing logged) when the mail is not queued.
    async fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<OffsetDateTime>,
        log: Option<LogDraft>,
    ) -> StoreResult<bool>;
    /// How many mails are in each status.
    async fn mail_counts(&self) -> StoreResult<MailCounts>;
    /// Mails in `status` (any when None), newest first, at most `limit`.
    async fn mails(&self, status: Option<MailStatus>, limit: u32) -> StoreResult<Vec<Mail>>;
    /// Where mail for accounts of `kind` goes (of `participant` only, when
    /// given): enabled accounts, by id.
    async fn mail_recipients(
        &self,
        kind: AccountKind,
        participant: Option<&str>,
    ) -> StoreResult<Vec<MailRecipient>>;
    /// Sets the language mail to the account is written in (a language
    /// code; None: English). `NotFound` for an unknown account.
    async fn set_account_language(
        &self,
        account_id: i64,
        language: Option<&str>,
        log: LogDraft,
    ) -> StoreResult<()>;
}

/// A mail to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// Unique among all mails ever queued: what makes a notice go out once.
    pub dedupe_key: String,
    pub recipient: String,
    /// The language code the mail is written in.
    pub language: String,
    pub subject: String,
    pub body: String,
    /// Whose business the mail is, if a State's.
    pub participant: Option<String>,
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailStatus {
    Queued,
    Sent,
    /// Given up after too many attempts.
    Failed,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Queued => "queued",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }
}

impl std::str::FromStr for MailStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "queued" => Ok(MailStatus::Queued),
            "sent" => Ok(MailStatus::Sent),
            "failed" => Ok(MailStatus::Failed),
            other => Err(format!("unknown mail status {other:?}")),
        }
    }
}

/// A mail in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub id: i64,
    pub dedupe_key: String,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub participant: Option<String>,
    pub status: MailStatus,
    /// Failed attempts so far.
    pub attempts: i64,
    /// Not tried again before this (also the claim's lease).
    pub next_attempt_at: OffsetDateTime,
    pub last_error: Option<String>,
    pub created_at: OffsetDateTime,
    pub sent_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MailCounts {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
}

/// An account mail can be sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRecipient {
    pub account_id: i64,
    pub email: String,
    /// The account's language code, if it chose one.
    pub language: Option<String>,
}

/// One nomination of an import.
#[derive(Debug, Clone)]
pub struct NewNomination {
    pub participant: String,
    pub role: PocRole,
    /// JSON of a validated `PocDetails`.
    pub details_json: String,
    pub log: LogDraft,
}

/// A point of contact and its state in nomination and verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poc {
    pub id: i64,
    pub participant: String,
    pub role: PocRole,
    pub status: PocStatus,
    /// Bumped by every change; changes name the version they start from.
    pub version: i64,
    /// JSON of the verified `PocDetails` (kept once withdrawn, for history).
    pub active: Option<String>,
    /// JSON of a proposed version awaiting the secretariat.
    pub pending: Option<String>,
    pub pending_action: Option<PendingAction>,
    /// Last verification or re-validation.
    pub confirmed_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// One version of a PoC: who did what, when, with what details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PocHistoryEntry {
    pub poc_id: i64,
    pub version: i64,
    pub at: OffsetDateTime,
    pub actor_account_id: Option<i64>,
    /// `propose`, `propose_update`, `propose_withdrawal`, `approve`, `reject` or `confirm`.
    pub action: String,
    /// JSON of the details proposed, approved or rejected, if any.
    pub details: Option<String>,
    pub reason: Option<String>,
}

/// The outcome of a decision: the PoC, and the participant's status change
/// (from, to) it caused, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecidedPoc {
    pub poc: Poc,
    pub participant_status_changed: Option<(ParticipationStatus, ParticipationStatus)>,
}

/// A participant's name in the six UN languages.
#[derive(
    Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub struct ParticipantNames {
    pub ar: String,
    pub zh: String,
    pub en: String,
    pub es: String,
    pub fr: String,
    pub ru: String,
}

impl ParticipantNames {
    /// The name in a language given by its code, English when unknown.
    pub fn in_language(&self, code: &str) -> &str {
        match code {
            "ar" => &self.ar,
            "zh" => &self.zh,
            "es" => &self.es,
            "fr" => &self.fr,
            "ru" => &self.ru,
            _ => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// ISO 3166-1 alpha-3 for States; a code the secretariat chose for organisations.
    pub code: String,
    pub alpha2: Option<String>,
    /// UN M49 numeric code.
    pub m49: Option<String>,
    pub kind: ParticipantKind,
    pub status: ParticipationStatus,
    /// UN M49 region and sub-region (empty for organisations).
    pub region: String,
    pub subregion: String,
    pub names: ParticipantNames,
    pub created_at: OffsetDateTime,
    pub status_changed_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewParticipant {
    pub code: String,
    pub alpha2: Option<String>,
    pub m49: Option<String>,
    pub kind: ParticipantKind,
    pub region: String,
    pub subregion: String,
    pub names: ParticipantNames,
    pub at: OffsetDateTime,
}

/// A log entry as stored, with the leaf hash computed when it was appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLogEntry {
    pub entry: LogEntry,
    pub leaf_hash: Hash,
}

/// What the audit pages filter on. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub actor_account_id: Option<i64>,
    /// Exact action, or a prefix ending in `.` (e.g. `session.`).
    pub action: Option<String>,
    /// Entries about this participant, or made by an actor of it.
    pub participant: Option<String>,
    /// Unix seconds, inclusive.
    pub since: Option<i64>,
    /// Unix seconds, exclusive.
    pub until: Option<i64>,
}

/// Opens the store named by `url` (`sqlite://…` or `postgres://…`) and applies its migrations.
pub async fn open(url: &str) -> StoreResult<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(sqlite::SqliteStore::open(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(postgres::PostgresStore::open(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(url.to_string()))
    }
}

/// Seconds since the epoch, as stored. Both backends keep times as BIGINT
/// Unix seconds so comparisons mean the same thing on each.
pub(crate) fn to_db_time(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

pub(crate) fn from_db_time(secs: i64) -> StoreResult<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(secs)
        .map_err(|e| StoreError::Corrupt(format!("timestamp {secs}: {e}")))
}

pub(crate) fn parse_kind(s: &str) -> StoreResult<AccountKind> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("account kind {s:?}")))
}
