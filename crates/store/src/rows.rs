//! Rows as both backends return them, and their conversion into models.
//! The column lists are shared so that every query reads the same shape.

use crate::{from_db_time, parse_kind, Account, ApiToken, Session, StoreError, StoreResult};
use pocdir_domain::throttle::FailureCount;

// Column lists as macros, not consts, so that `concat!` can splice them
// into each query at compile time: no formatting on every call.
macro_rules! account_columns {
    () => {
        "id, email, kind, participant, display_name, password_hash, totp_secret, \
         totp_enrolled, totp_last_step, demo, disabled, created_at"
    };
}

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

pub(crate) use {account_columns, api_token_columns, session_columns};

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: i64,
    email: String,
    kind: String,
    participant: Option<String>,
    display_name: String,
    password_hash: String,
    totp_secret: Option<String>,
    totp_enrolled: bool,
    totp_last_step: Option<i64>,
    demo: bool,
    disabled: bool,
    created_at: i64,
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;

    fn try_from(r: AccountRow) -> StoreResult<Self> {
        Ok(Account {
            id: r.id,
            email: r.email,
            kind: parse_kind(&r.kind)?,
            participant: r.participant,
            display_name: r.display_name,
            password_hash: r.password_hash,
            totp_secret: r.totp_secret,
            totp_enrolled: r.totp_enrolled,
            totp_last_step: r.totp_last_step,
            demo: r.demo,
            disabled: r.disabled,
            created_at: from_db_time(r.created_at)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
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
        Ok(Session {
            id: r.id,
            token_hash: r.token_hash,
            account_id: r.account_id,
            mfa_done: r.mfa_done,
            created_at: from_db_time(r.created_at)?,
            last_seen_at: from_db_time(r.last_seen_at)?,
            expires_at: from_db_time(r.expires_at)?,
            user_agent: r.user_agent,
            client_address: r.client_address,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ApiTokenRow {
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
        Ok(ApiToken {
            id: r.id,
            account_id: r.account_id,
            name: r.name,
            token_hash: r.token_hash,
            scopes: r.scopes,
            created_at: from_db_time(r.created_at)?,
            expires_at: from_db_time(r.expires_at)?,
            revoked_at: r.revoked_at.map(from_db_time).transpose()?,
            last_used_at: r.last_used_at.map(from_db_time).transpose()?,
        })
    }
}

/// `COUNT(*)` and `MIN(at)` of the failures of one key.
#[derive(sqlx::FromRow)]
pub(crate) struct FailureRow {
    count: i64,
    oldest: Option<i64>,
}

impl TryFrom<FailureRow> for FailureCount {
    type Error = StoreError;

    fn try_from(r: FailureRow) -> StoreResult<Self> {
        Ok(FailureCount {
            // More than u32::MAX failures still means "over any limit".
            count: u32::try_from(r.count.max(0)).unwrap_or(u32::MAX),
            oldest: r.oldest.map(from_db_time).transpose()?,
        })
    }
}

/// Converts a list of rows, failing on the first invalid one.
pub(crate) fn convert_all<R, T>(rows: Vec<R>) -> StoreResult<Vec<T>>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}

/// Maps constraint violations to the store's own errors: a taken unique
/// value is a `Conflict`, a missing referenced row is `NotFound`.
pub(crate) fn map_constraint(e: sqlx::Error, what: &str) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            StoreError::Conflict(what.to_string())
        }
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
        _ => StoreError::Database(e),
    }
}
