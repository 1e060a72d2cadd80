//! Sessions, API tokens and sign-in throttling, written once for both backends.

use super::rows::{api_token_columns, session_columns, ApiTokenRow, FailureRow, SessionRow};
use super::{
    ApiToken, ApiTokenStore, NewApiToken, NewSession, Session, SessionStore, ThrottleStore,
};
use crate::sql::{Driver, Param, SqlStore};
use crate::{convert_all, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::throttle::FailureCount;
use std::slice::from_ref;
use time::OffsetDateTime;

const INSERT_SESSION: &str = concat!(
    "INSERT INTO sessions (token_hash, account_id, mfa_done, created_at, last_seen_at, \
     expires_at, user_agent, client_address) VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING ",
    session_columns!()
);
const SESSION_BY_TOKEN: &str = concat!(
    "SELECT ",
    session_columns!(),
    " FROM sessions WHERE token_hash = $1"
);
const TOUCH_SESSION: &str = "UPDATE sessions SET last_seen_at = $1 WHERE id = $2";
const TOUCH_SESSION_LATER: &str =
    "UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1";
const DELETE_SESSION: &str = "DELETE FROM sessions WHERE id = $1";
const DELETE_ACCOUNT_SESSION: &str = "DELETE FROM sessions WHERE id = $1 AND account_id = $2";
const SESSIONS_OF: &str = concat!(
    "SELECT ",
    session_columns!(),
    " FROM sessions WHERE account_id = $1 AND expires_at > $2 \
     ORDER BY created_at DESC, id DESC"
);
const DELETE_EXPIRED: &str = "DELETE FROM sessions WHERE expires_at <= $1";

const INSERT_TOKEN: &str = concat!(
    "INSERT INTO api_tokens (account_id, name, token_hash, scopes, created_at, \
     expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ",
    api_token_columns!()
);
const TOKEN_BY_HASH: &str = concat!(
    "SELECT ",
    api_token_columns!(),
    " FROM api_tokens WHERE token_hash = $1"
);
const TOUCH_TOKEN: &str = "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2";
const TOUCH_TOKEN_LATER: &str = "UPDATE api_tokens SET last_used_at = $1 \
     WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $1)";
const TOKENS_OF: &str = concat!(
    "SELECT ",
    api_token_columns!(),
    " FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id DESC"
);
const REVOKE_TOKEN: &str = "UPDATE api_tokens SET revoked_at = $1 \
     WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL";

const RECORD_FAILURE: &str = "INSERT INTO login_failures (key, at) VALUES ($1, $2)";
const FAILURES_SINCE: &str = "SELECT COUNT(*) AS count, MIN(at) AS oldest FROM login_failures \
     WHERE key = $1 AND at >= $2";
const CLEAR_FAILURES: &str = "DELETE FROM login_failures WHERE key = $1";
const DELETE_FAILURES_BEFORE: &str = "DELETE FROM login_failures WHERE at < $1";

fn new_session_params(new: &NewSession) -> [Param<'_>; 7] {
    [
        (&new.token_hash).into(),
        new.account_id.into(),
        new.mfa_done.into(),
        to_db_time(new.created_at).into(),
        to_db_time(new.expires_at).into(),
        (&new.user_agent).into(),
        (&new.client_address).into(),
    ]
}

fn inserted_session(row: StoreResult<SessionRow>) -> StoreResult<Session> {
    row.map_err(|e| e.constraint("session token"))?.try_into()
}

#[async_trait]
impl<D: Driver> SessionStore for SqlStore<D> {
    async fn create_session(&self, new: NewSession) -> StoreResult<Session> {
        inserted_session(
            self.fetch_one(INSERT_SESSION, &new_session_params(&new))
                .await,
        )
    }

    async fn session_by_token_hash(&self, token_hash: &str) -> StoreResult<Option<Session>> {
        let row: Option<SessionRow> = self
            .fetch_optional(SESSION_BY_TOKEN, &[token_hash.into()])
            .await?;
        row.map(Session::try_from).transpose()
    }

    async fn touch_session(&self, id: i64, at: OffsetDateTime) -> StoreResult<()> {
        // A session deleted meanwhile is simply not touched.
        self.execute(TOUCH_SESSION, &[to_db_time(at).into(), id.into()])
            .await?;
        Ok(())
    }

    async fn touch_credentials(
        &self,
        sessions: &[(i64, OffsetDateTime)],
        tokens: &[(i64, OffsetDateTime)],
    ) -> StoreResult<()> {
        if sessions.is_empty() && tokens.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin().await?;
        for (sql, touches) in [(TOUCH_SESSION_LATER, sessions), (TOUCH_TOKEN_LATER, tokens)] {
            for &(id, at) in touches {
                tx.execute(sql, &[to_db_time(at).into(), id.into()]).await?;
            }
        }
        tx.commit().await
    }

    async fn rotate_session(
        &self,
        old_id: i64,
        new: NewSession,
        log: Option<LogDraft>,
    ) -> StoreResult<Session> {
        let mut tx = self.begin().await?;
        let deleted = tx.execute(DELETE_SESSION, &[old_id.into()]).await?;
        if deleted == 0 {
            // The old session was ended meanwhile (sign-out, password
            // change): do not let rotation bring it back under a new id.
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        let session = inserted_session(
            tx.fetch_one(INSERT_SESSION, &new_session_params(&new))
                .await,
        )?;
        tx.log_and_commit(log.as_slice()).await?;
        Ok(session)
    }

    async fn delete_session(&self, id: i64, log: Option<LogDraft>) -> StoreResult<()> {
        let Some(log) = log else {
            self.execute(DELETE_SESSION, &[id.into()]).await?;
            return Ok(());
        };
        let mut tx = self.begin().await?;
        let deleted = tx.execute(DELETE_SESSION, &[id.into()]).await?;
        // Already gone (e.g. two sign-outs racing): nothing to log.
        tx.commit_if_changed(deleted, from_ref(&log)).await?;
        Ok(())
    }

    async fn delete_account_session(
        &self,
        account_id: i64,
        id: i64,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let deleted = tx
            .execute(DELETE_ACCOUNT_SESSION, &[id.into(), account_id.into()])
            .await?;
        tx.commit_if_changed(deleted, from_ref(&log)).await
    }

    async fn sessions_of(&self, account_id: i64, now: OffsetDateTime) -> StoreResult<Vec<Session>> {
        let rows: Vec<SessionRow> = self
            .fetch_all(SESSIONS_OF, &[account_id.into(), to_db_time(now).into()])
            .await?;
        convert_all(rows)
    }

    async fn delete_expired_sessions(&self, now: OffsetDateTime) -> StoreResult<u64> {
        self.execute(DELETE_EXPIRED, &[to_db_time(now).into()])
            .await
    }
}

#[async_trait]
impl<D: Driver> ApiTokenStore for SqlStore<D> {
    async fn create_api_token(&self, new: NewApiToken, mut log: LogDraft) -> StoreResult<ApiToken> {
        let mut tx = self.begin().await?;
        let row: ApiTokenRow = tx
            .fetch_one(
                INSERT_TOKEN,
                &[
                    new.account_id.into(),
                    (&new.name).into(),
                    (&new.token_hash).into(),
                    (&new.scopes).into(),
                    to_db_time(new.created_at).into(),
                    to_db_time(new.expires_at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("API token"))?;
        let token = ApiToken::try_from(row)?;
        log.object = format!("token:{}", token.id);
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(token)
    }

    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<Option<ApiToken>> {
        let row: Option<ApiTokenRow> = self
            .fetch_optional(TOKEN_BY_HASH, &[token_hash.into()])
            .await?;
        row.map(ApiToken::try_from).transpose()
    }

    async fn touch_api_token(&self, id: i64, at: OffsetDateTime) -> StoreResult<()> {
        self.execute(TOUCH_TOKEN, &[to_db_time(at).into(), id.into()])
            .await?;
        Ok(())
    }

    async fn api_tokens_of(&self, account_id: i64) -> StoreResult<Vec<ApiToken>> {
        let rows: Vec<ApiTokenRow> = self.fetch_all(TOKENS_OF, &[account_id.into()]).await?;
        convert_all(rows)
    }

    async fn revoke_api_token(
        &self,
        account_id: i64,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let updated = tx
            .execute(
                REVOKE_TOKEN,
                &[to_db_time(at).into(), id.into(), account_id.into()],
            )
            .await?;
        tx.commit_if_changed(updated, from_ref(&log)).await
    }
}

/// A throttling key (`account:<e-mail>`, `address:<ip>`) as stored: its
/// blind index, so that the table holds no address in clear.
fn stored_key<D: Driver>(store: &SqlStore<D>, key: &str) -> StoreResult<String> {
    store.keys.blind_index("login_failures.key", key)
}

#[async_trait]
impl<D: Driver> ThrottleStore for SqlStore<D> {
    async fn record_login_failure(&self, key: &str, at: OffsetDateTime) -> StoreResult<()> {
        let stored = stored_key(self, key)?;
        self.execute(
            RECORD_FAILURE,
            &[stored.as_str().into(), to_db_time(at).into()],
        )
        .await?;
        Ok(())
    }

    async fn login_failures_since(
        &self,
        key: &str,
        since: OffsetDateTime,
    ) -> StoreResult<FailureCount> {
        let stored = stored_key(self, key)?;
        let row: FailureRow = self
            .fetch_one(
                FAILURES_SINCE,
                &[stored.as_str().into(), to_db_time(since).into()],
            )
            .await?;
        row.into_count(key)
    }

    async fn clear_login_failures(&self, key: &str) -> StoreResult<()> {
        let stored = stored_key(self, key)?;
        self.execute(CLEAR_FAILURES, &[stored.as_str().into()])
            .await?;
        Ok(())
    }

    async fn delete_login_failures_before(&self, before: OffsetDateTime) -> StoreResult<u64> {
        self.execute(DELETE_FAILURES_BEFORE, &[to_db_time(before).into()])
            .await
    }
}
