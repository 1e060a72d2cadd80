//! Signed-in sessions, API tokens and sign-in throttling.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::throttle::FailureCount;
use time::OffsetDateTime;

mod rows;
mod store;

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

#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(&self, new: NewSession) -> StoreResult<Session>;
    async fn session_by_token_hash(&self, token_hash: &str) -> StoreResult<Option<Session>>;
    async fn touch_session(&self, id: i64, at: OffsetDateTime) -> StoreResult<()>;
    /// Records when sessions (`sessions`) and API tokens (`tokens`) were
    /// last used, all in one transaction: the batched form of the touches.
    /// A time never moves back (another instance may have written a later
    /// one); rows deleted meanwhile are skipped.
    async fn touch_credentials(
        &self,
        sessions: &[(i64, OffsetDateTime)],
        tokens: &[(i64, OffsetDateTime)],
    ) -> StoreResult<()>;
    /// Replaces a session by a new one (rotation at sign-in) in one step,
    /// logging `log` (the sign-in) in the same transaction when given.
    /// `NotFound` when the old session was ended meanwhile.
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
}

#[async_trait]
pub trait ApiTokenStore: Send + Sync {
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
}

/// Failed sign-ins, counted per key (an address, an account).
#[async_trait]
pub trait ThrottleStore: Send + Sync {
    async fn record_login_failure(&self, key: &str, at: OffsetDateTime) -> StoreResult<()>;
    async fn login_failures_since(
        &self,
        key: &str,
        since: OffsetDateTime,
    ) -> StoreResult<FailureCount>;
    async fn clear_login_failures(&self, key: &str) -> StoreResult<()>;
    async fn delete_login_failures_before(&self, before: OffsetDateTime) -> StoreResult<u64>;
}
