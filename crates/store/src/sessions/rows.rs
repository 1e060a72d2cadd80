//! Session, token and throttling rows and their conversion.

use super::{ApiToken, Session};
use crate::{corrupt, db_time, opt_db_time, StoreError, StoreResult};
use pocdir_domain::throttle::FailureCount;

macro_rules! session_columns {
    () => {
        "id, token_hash, account_id, mfa_done, created_at, last_seen_at, expires_at, \
         user_agent, client_address"
    };
}

macro_rules! api_token_columns {
    () => {
        "id, account_id, name, token_hash, scopes, created_at, expires_at, revoked_at, \
         last_used_at"
    };
}
pub(super) use {api_token_columns, session_columns};

#[derive(sqlx::FromRow)]
pub(super) struct SessionRow {
    id: i64,
    token_hash: String,
    account_id: i64,
    mfa_done: bool,
    created_at: i64,
    last_seen_at: i64,
    expires_at: i64,
    user_agent: String,
    client_address: String,
}

impl TryFrom<SessionRow> for Session {
    type Error = StoreError;

    fn try_from(r: SessionRow) -> StoreResult<Self> {
        let bad = corrupt("sessions", r.id);
        Ok(Session {
            id: r.id,
            token_hash: r.token_hash,
            account_id: r.account_id,
            mfa_done: r.mfa_done,
            created_at: db_time(r.created_at).map_err(&bad)?,
            last_seen_at: db_time(r.last_seen_at).map_err(&bad)?,
            expires_at: db_time(r.expires_at).map_err(&bad)?,
            user_agent: r.user_agent,
            client_address: r.client_address,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ApiTokenRow {
    id: i64,
    account_id: i64,
    name: String,
    token_hash: String,
    scopes: String,
    created_at: i64,
    expires_at: i64,
    revoked_at: Option<i64>,
    last_used_at: Option<i64>,
}

impl TryFrom<ApiTokenRow> for ApiToken {
    type Error = StoreError;

    fn try_from(r: ApiTokenRow) -> StoreResult<Self> {
        let bad = corrupt("api_tokens", r.id);
        Ok(ApiToken {
            id: r.id,
            account_id: r.account_id,
            name: r.name,
            token_hash: r.token_hash,
            scopes: r.scopes,
            created_at: db_time(r.created_at).map_err(&bad)?,
            expires_at: db_time(r.expires_at).map_err(&bad)?,
            revoked_at: opt_db_time(r.revoked_at).map_err(&bad)?,
            last_used_at: opt_db_time(r.last_used_at).map_err(&bad)?,
        })
    }
}

/// `COUNT(*)` and `MIN(at)` of the failures of one key.
#[derive(sqlx::FromRow)]
pub(super) struct FailureRow {
    count: i64,
    oldest: Option<i64>,
}

impl FailureRow {
    /// `key` names the failures counted, should their time be invalid.
    pub(super) fn into_count(self, key: &str) -> StoreResult<FailureCount> {
        Ok(FailureCount {
            // More than u32::MAX failures still means "over any limit".
            count: u32::try_from(self.count.max(0)).unwrap_or(u32::MAX),
            oldest: opt_db_time(self.oldest).map_err(corrupt("login_failures", key))?,
        })
    }
}
