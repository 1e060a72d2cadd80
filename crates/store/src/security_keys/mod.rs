//! Security keys and passkeys (WebAuthn) of accounts, and the half-done
//! ceremonies (their challenges) kept on the server between the options
//! sent to the browser and its answer.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod rows;
mod store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityKey {
    pub id: i64,
    pub account_id: i64,
    /// The owner's name for it ("YubiKey on my key ring").
    pub name: String,
    /// Base64url; unique across accounts.
    pub credential_id: String,
    /// What checks the key's answers (public key, counter), as the
    /// WebAuthn library writes it.
    pub credential: String,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone)]
pub struct NewSecurityKey {
    pub account_id: i64,
    pub name: String,
    pub credential_id: String,
    pub credential: String,
    pub created_at: OffsetDateTime,
}

/// What a half-done ceremony is for: a session has at most one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CeremonyPurpose {
    /// Registering a new key from the account page.
    Register,
    /// Giving a key as second factor at sign-in.
    SignIn,
}

impl CeremonyPurpose {
    pub const fn as_str(self) -> &'static str {
        match self {
            CeremonyPurpose::Register => "register",
            CeremonyPurpose::SignIn => "sign_in",
        }
    }
}

#[async_trait]
pub trait SecurityKeyStore: Send + Sync {
    /// The account's keys, oldest first.
    async fn security_keys_of(&self, account_id: i64) -> StoreResult<Vec<SecurityKey>>;
    /// Registers a key. `Duplicate` when its credential is registered
    /// already (to any account); `NotFound` for an unknown account. The
    /// log entry's `object` is set to `security_key:<new id>`.
    async fn add_security_key(
        &self,
        new: NewSecurityKey,
        log: LogDraft,
    ) -> StoreResult<SecurityKey>;
    /// Removes one of the account's keys; false (and nothing logged) if it
    /// is not theirs.
    async fn remove_security_key(
        &self,
        account_id: i64,
        id: i64,
        log: LogDraft,
    ) -> StoreResult<bool>;
    /// Records a sign-in with the account's key `credential_id`: when, and
    /// its credential when it changed (the counter moved on). False when
    /// the account has no such key (removed meanwhile).
    async fn record_security_key_use(
        &self,
        account_id: i64,
        credential_id: &str,
        credential: Option<&str>,
        at: OffsetDateTime,
    ) -> StoreResult<bool>;
    /// Keeps a ceremony's state for `session_id` until `expires_at`,
    /// replacing any other of the session's.
    async fn put_ceremony(
        &self,
        session_id: i64,
        purpose: CeremonyPurpose,
        state: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    /// Takes the session's ceremony (it is gone afterwards, used or not):
    /// its state if it is for `purpose` and has not expired at `now`.
    async fn take_ceremony(
        &self,
        session_id: i64,
        purpose: CeremonyPurpose,
        now: OffsetDateTime,
    ) -> StoreResult<Option<String>>;
}
