//! Accounts and their second factor: TOTP enrolment, the replay guard,
//! recovery codes, the language mail is written in.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use time::OffsetDateTime;

pub(crate) mod rows;
mod store;

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
    /// The password was set by someone else (the console): the account
    /// chooses its own after the second factor, before anything else.
    pub password_change_required: bool,
    /// The language mail to the account is written in (a language code;
    /// None: English).
    pub language: Option<String>,
    pub created_at: OffsetDateTime,
}

impl Account {
    /// The account as the tamper-evident log names it.
    pub fn log_actor(&self) -> LogActor {
        LogActor {
            account_id: Some(self.id),
            kind: self.kind.as_str().to_string(),
            participant: self.participant.clone(),
        }
    }

    /// The account asking a use case to act with a credential's `scopes`.
    pub fn requester(&self, scopes: Scopes) -> Requester {
        Requester {
            actor: Actor {
                account_id: self.id,
                kind: self.kind,
                participant: self
                    .participant
                    .as_deref()
                    .and_then(|p| ParticipantCode::parse(p).ok()),
                scopes,
            },
            log: self.log_actor(),
        }
    }
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
    /// Set for a password chosen by someone else (the console).
    pub password_change_required: bool,
    pub created_at: OffsetDateTime,
}

#[async_trait]
pub trait AccountStore: Send + Sync {
    async fn count_accounts(&self) -> StoreResult<i64>;
    /// Fails with `Duplicate` when the e-mail is taken.
    /// The log entry's `object` is set to `account:<new id>`.
    async fn create_account(&self, new: NewAccount, log: LogDraft) -> StoreResult<Account>;
    async fn account_by_id(&self, id: i64) -> StoreResult<Option<Account>>;
    /// `email` is already normalised (lower case).
    async fn account_by_email(&self, email: &str) -> StoreResult<Option<Account>>;
    /// Sets the password (the account's own choice: no change is required
    /// any more) and ends every session of the account except `keep_session_id`.
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
    /// Sets the language mail to the account is written in (a language
    /// code; None: English). `NotFound` for an unknown account.
    async fn set_account_language(
        &self,
        account_id: i64,
        language: Option<&str>,
        log: LogDraft,
    ) -> StoreResult<()>;
}
