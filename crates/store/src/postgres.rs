//! The PostgreSQL backend, for installs with several instances.
//!
//! Same semantics as the SQLite backend. Compare-and-set writes are single
//! conditional UPDATEs or upserts: under READ COMMITTED, a concurrent writer
//! of the same row waits and then re-checks the condition on the new row, so
//! only one of them succeeds.

use crate::rows::{
    account_columns, api_token_columns, convert_all, map_constraint, session_columns, AccountRow,
    ApiTokenRow, FailureRow, SessionRow,
};
use crate::{
    to_db_time, Account, ApiToken, Backend, NewAccount, NewApiToken, NewSession, Session, Store,
    StoreError, StoreResult,
};
use async_trait::async_trait;
use pocdir_domain::throttle::FailureCount;
use sqlx::postgres::{PgConnection, PgPool, PgPoolOptions};
use std::time::Duration;
use time::OffsetDateTime;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to the database at `url` and applies the migrations (which
    /// take an advisory lock, so instances starting together do not race).
    pub async fn open(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Self { pool })
    }

    /// The connection pool, for tests and maintenance.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

async fn insert_recovery_codes(
    conn: &mut PgConnection,
    account_id: i64,
    hashes: &[String],
) -> StoreResult<()> {
    for hash in hashes {
        // A repeated hash is the same code: keep one.
        sqlx::query(
            "INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2) \
             ON CONFLICT (account_id, code_hash) DO NOTHING",
        )
        .bind(account_id)
        .bind(hash)
        .execute(&mut *conn)
        .await
        .map_err(|e| map_constraint(e, "recovery code"))?;
    }
    Ok(())
}

async fn insert_session(conn: &mut PgConnection, new: &NewSession) -> StoreResult<Session> {
    let row: SessionRow = sqlx::query_as(concat!(
        "INSERT INTO sessions (token_hash, account_id, mfa_done, created_at, last_seen_at, \
         expires_at, user_agent, client_address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ",
        session_columns!()
    ))
    .bind(&new.token_hash)
    .bind(new.account_id)
    .bind(new.mfa_done)
    .bind(to_db_time(new.created_at))
    .bind(to_db_time(new.created_at))
    .bind(to_db_time(new.expires_at))
    .bind(&new.user_agent)
    .bind(&new.client_address)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| map_constraint(e, "session token"))?;
    row.try_into()
}

#[async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn count_accounts(&self) -> StoreResult<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    async fn create_account(&self, new: NewAccount) -> StoreResult<Account> {
        let row: AccountRow = sqlx::query_as(concat!(
            "INSERT INTO accounts (email, kind, participant, display_name, password_hash, \
             totp_secret, totp_enrolled, demo, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             RETURNING ",
            account_columns!()
        ))
        .bind(&new.email)
        .bind(new.kind.as_str())
        .bind(&new.participant)
        .bind(&new.display_name)
        .bind(&new.password_hash)
        .bind(&new.totp_secret)
        .bind(new.totp_enrolled)
        .bind(new.demo)
        .bind(to_db_time(new.created_at))
        .fetch_one(&self.pool)
        .await
        .map_err(|e| map_constraint(e, &format!("account with e-mail {}", new.email)))?;
        row.try_into()
    }

    async fn account_by_id(&self, id: i64) -> StoreResult<Option<Account>> {
        let row: Option<AccountRow> = sqlx::query_as(concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Account::try_from).transpose()
    }

    async fn account_by_email(&self, email: &str) -> StoreResult<Option<Account>> {
        let row: Option<AccountRow> = sqlx::query_as(concat!(
            "SELECT ",
            account_columns!(),
            " FROM accounts WHERE email = $1"
        ))
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Account::try_from).transpose()
    }

    async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep_session_id: Option<i64>,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(account_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        match keep_session_id {
            Some(keep) => {
                sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id <> $2")
                    .bind(account_id)
                    .bind(keep)
                    .execute(&mut *tx)
                    .await?
            }
            None => {
                sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await?
            }
        };
        tx.commit().await?;
        Ok(())
    }

    async fn begin_totp_enrolment(&self, account_id: i64, secret: &str) -> StoreResult<()> {
        let updated = sqlx::query(
            "UPDATE accounts SET totp_secret = $1, totp_enrolled = false WHERE id = $2",
        )
        .bind(secret)
        .bind(account_id)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if updated == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn complete_totp_enrolment(
        &self,
        account_id: i64,
        step: i64,
        recovery_code_hashes: &[String],
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        // Compare-and-set on the step first: of two concurrent calls with the
        // same code, only one can win, and the loser changes nothing.
        let updated = sqlx::query(
            "UPDATE accounts SET totp_enrolled = true, totp_last_step = $1 \
             WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3)",
        )
        .bind(step)
        .bind(account_id)
        .bind(step)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        insert_recovery_codes(&mut tx, account_id, recovery_code_hashes).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn accept_totp_step(&self, account_id: i64, step: i64) -> StoreResult<bool> {
        // One conditional UPDATE: atomic across connections and instances.
        let updated = sqlx::query(
            "UPDATE accounts SET totp_last_step = $1 \
             WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3)",
        )
        .bind(step)
        .bind(account_id)
        .bind(step)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(updated == 1)
    }

    async fn replace_recovery_codes(&self, account_id: i64, hashes: &[String]) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        insert_recovery_codes(&mut tx, account_id, hashes).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn use_recovery_code(
        &self,
        account_id: i64,
        hash: &str,
        at: OffsetDateTime,
    ) -> StoreResult<bool> {
        let updated = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 \
             WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(to_db_time(at))
        .bind(account_id)
        .bind(hash)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(updated == 1)
    }

    async fn unused_recovery_codes(&self, account_id: i64) -> StoreResult<i64> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL",
        )
        .bind(account_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    async fn create_session(&self, new: NewSession) -> StoreResult<Session> {
        let mut conn = self.pool.acquire().await?;
        insert_session(&mut conn, &new).await
    }

    async fn session_by_token_hash(&self, token_hash: &str) -> StoreResult<Option<Session>> {
        let row: Option<SessionRow> = sqlx::query_as(concat!(
            "SELECT ",
            session_columns!(),
            " FROM sessions WHERE token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Session::try_from).transpose()
    }

    async fn touch_session(&self, id: i64, at: OffsetDateTime) -> StoreResult<()> {
        // A session deleted meanwhile is simply not touched.
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(to_db_time(at))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn rotate_session(&self, old_id: i64, new: NewSession) -> StoreResult<Session> {
        let mut tx = self.pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(old_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            // The old session was ended meanwhile (sign-out, password
            // change): do not let rotation bring it back under a new id.
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        let session = insert_session(&mut tx, &new).await?;
        tx.commit().await?;
        Ok(session)
    }

    async fn delete_session(&self, id: i64) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_account_session(&self, account_id: i64, id: i64) -> StoreResult<bool> {
        let deleted = sqlx::query("DELETE FROM sessions WHERE id = $1 AND account_id = $2")
            .bind(id)
            .bind(account_id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(deleted == 1)
    }

    async fn sessions_of(&self, account_id: i64, now: OffsetDateTime) -> StoreResult<Vec<Session>> {
        let rows: Vec<SessionRow> = sqlx::query_as(concat!(
            "SELECT ",
            session_columns!(),
            " FROM sessions WHERE account_id = $1 AND expires_at > $2 \
             ORDER BY created_at DESC, id DESC"
        ))
        .bind(account_id)
        .bind(to_db_time(now))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn delete_expired_sessions(&self, now: OffsetDateTime) -> StoreResult<u64> {
        let deleted = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(to_db_time(now))
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(deleted)
    }

    async fn create_api_token(&self, new: NewApiToken) -> StoreResult<ApiToken> {
        let row: ApiTokenRow = sqlx::query_as(concat!(
            "INSERT INTO api_tokens (account_id, name, token_hash, scopes, created_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ",
            api_token_columns!()
        ))
        .bind(new.account_id)
        .bind(&new.name)
        .bind(&new.token_hash)
        .bind(&new.scopes)
        .bind(to_db_time(new.created_at))
        .bind(to_db_time(new.expires_at))
        .fetch_one(&self.pool)
        .await
        .map_err(|e| map_constraint(e, "API token"))?;
        row.try_into()
    }

    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<Option<ApiToken>> {
        let row: Option<ApiTokenRow> = sqlx::query_as(concat!(
            "SELECT ",
            api_token_columns!(),
            " FROM api_tokens WHERE token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(ApiToken::try_from).transpose()
    }

    async fn touch_api_token(&self, id: i64, at: OffsetDateTime) -> StoreResult<()> {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(to_db_time(at))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn api_tokens_of(&self, account_id: i64) -> StoreResult<Vec<ApiToken>> {
        let rows: Vec<ApiTokenRow> = sqlx::query_as(concat!(
            "SELECT ",
            api_token_columns!(),
            " FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn revoke_api_token(
        &self,
        account_id: i64,
        id: i64,
        at: OffsetDateTime,
    ) -> StoreResult<bool> {
        let updated = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 \
             WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL",
        )
        .bind(to_db_time(at))
        .bind(id)
        .bind(account_id)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(updated == 1)
    }

    async fn record_login_failure(&self, key: &str, at: OffsetDateTime) -> StoreResult<()> {
        sqlx::query("INSERT INTO login_failures (key, at) VALUES ($1, $2)")
            .bind(key)
            .bind(to_db_time(at))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn login_failures_since(
        &self,
        key: &str,
        since: OffsetDateTime,
    ) -> StoreResult<FailureCount> {
        let row: FailureRow = sqlx::query_as(
            "SELECT COUNT(*) AS count, MIN(at) AS oldest FROM login_failures \
             WHERE key = $1 AND at >= $2",
        )
        .bind(key)
        .bind(to_db_time(since))
        .fetch_one(&self.pool)
        .await?;
        row.try_into()
    }

    async fn clear_login_failures(&self, key: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_failures WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_login_failures_before(&self, before: OffsetDateTime) -> StoreResult<u64> {
        let deleted = sqlx::query("DELETE FROM login_failures WHERE at < $1")
            .bind(to_db_time(before))
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(deleted)
    }

    async fn try_claim_lease(
        &self,
        name: &str,
        holder: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool> {
        // One upsert: the row is written only if the lease is new, expired or
        // already ours, so two instances cannot both take it.
        let written = sqlx::query(
            "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE \
             SET holder = excluded.holder, expires_at = excluded.expires_at \
             WHERE job_leases.expires_at <= $4 OR job_leases.holder = excluded.holder",
        )
        .bind(name)
        .bind(holder)
        .bind(to_db_time(until))
        .bind(to_db_time(now))
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(written == 1)
    }
}
