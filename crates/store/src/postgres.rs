//! The PostgreSQL backend, for installs with several instances.
//!
//! Same semantics as the SQLite backend. Compare-and-set writes are single
//! conditional UPDATEs or upserts: under READ COMMITTED, a concurrent writer
//! of the same row waits and then re-checks the condition on the new row, so
//! only one of them succeeds.
//!
//! Log entries are appended last in each transaction (see [`append_in_tx`]):
//! the counter row it updates stays locked until commit, so appenders are
//! numbered in commit order and without gaps, and nothing else is locked
//! after it (no lock-order cycles through the counter).

use crate::pocs::{participant_status_draft, status_after, transition, PocChange};
use crate::rows::{
    account_columns, api_token_columns, appended_indexes, convert_all, db_bound, db_index,
    entry_count, log_entry_columns, log_index, log_search_query, mail_columns, mail_counts,
    map_constraint, participant_columns, poc_columns, poc_history_columns, session_columns,
    tree_head_columns, AccountRow, ApiTokenRow, FailureRow, LeafHashRow, LogEntryRow,
    MailRecipientRow, MailRow, ParticipantRow, PocHistoryRow, PocRow, SessionRow,
    StoredLogEntryRow, TreeHeadRow,
};
use crate::{
    to_db_time, Account, ApiToken, Backend, DecidedPoc, LogFilter, Mail, MailCounts, MailRecipient,
    MailStatus, NewAccount, NewApiToken, NewMail, NewNomination, NewParticipant, NewSession,
    Participant, PendingAction, Poc, PocHistoryEntry, PocRole, Session, Store, StoreError,
    StoreResult, StoredLogEntry,
};
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::participant::{ParticipationStatus, StatusEvent};
use pocdir_domain::log::entry::{LogDraft, LogEntry};
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::log::merkle::Hash;
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

/// Ends a conditional update: when it changed no row, rolls back and
/// says so; else appends `log` in the same transaction and commits.
async fn commit_if_changed(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    changed: u64,
    log: &[LogDraft],
) -> StoreResult<bool> {
    if changed == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    append_in_tx(&mut tx, log).await?;
    tx.commit().await?;
    Ok(true)
}

/// Appends `drafts` to the log inside the caller's transaction and returns
/// their indexes. The counter row stays locked until the caller commits or
/// rolls back: a concurrent appender waits, then reads the new value (READ
/// COMMITTED re-checks the updated row), so numbers are neither shared nor
/// skipped, and a rollback gives them back. Callers append last, so the lock
/// is held only for the inserts and the commit.
async fn append_in_tx(conn: &mut PgConnection, drafts: &[LogDraft]) -> StoreResult<Vec<u64>> {
    if drafts.is_empty() {
        return Ok(Vec::new());
    }
    let next: Option<(i64,)> = sqlx::query_as(
        "UPDATE log_state SET next_index = next_index + $1 WHERE id = 1 RETURNING next_index",
    )
    .bind(entry_count(drafts.len())?)
    .fetch_optional(&mut *conn)
    .await?;
    let (next,) = next.ok_or_else(|| StoreError::Corrupt("the log_state row is missing".into()))?;
    let indexes = appended_indexes(next, drafts.len())?;
    // One statement for any number of entries: a column of values each.
    let n = drafts.len();
    let mut idx = Vec::with_capacity(n);
    let mut at = Vec::with_capacity(n);
    let mut actor_account_id = Vec::with_capacity(n);
    let mut actor_kind = Vec::with_capacity(n);
    let mut actor_participant = Vec::with_capacity(n);
    let mut action = Vec::with_capacity(n);
    let mut object = Vec::with_capacity(n);
    let mut participant = Vec::with_capacity(n);
    let mut content_hash = Vec::with_capacity(n);
    let mut leaf_hash = Vec::with_capacity(n);
    for (draft, &index) in drafts.iter().zip(&indexes) {
        let entry = draft.clone().at_index(index);
        leaf_hash.push(entry.leaf_hash().to_vec());
        idx.push(db_index(index)?);
        at.push(entry.at);
        actor_account_id.push(entry.actor_account_id);
        actor_kind.push(entry.actor_kind);
        actor_participant.push(entry.actor_participant);
        action.push(entry.action);
        object.push(entry.object);
        participant.push(entry.participant);
        content_hash.push(entry.content_hash);
    }
    sqlx::query(
        "INSERT INTO log_entries (idx, at, actor_account_id, actor_kind, actor_participant, \
         action, object, participant, content_hash, leaf_hash) \
         SELECT * FROM UNNEST($1::BIGINT[], $2::BIGINT[], $3::BIGINT[], $4::TEXT[], $5::TEXT[], \
         $6::TEXT[], $7::TEXT[], $8::TEXT[], $9::TEXT[], $10::BYTEA[])",
    )
    .bind(idx)
    .bind(at)
    .bind(actor_account_id)
    .bind(actor_kind)
    .bind(actor_participant)
    .bind(action)
    .bind(object)
    .bind(participant)
    .bind(content_hash)
    .bind(leaf_hash)
    .execute(&mut *conn)
    .await?;
    Ok(indexes)
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

    async fn create_account(&self, new: NewAccount, mut log: LogDraft) -> StoreResult<Account> {
        let mut tx = self.pool.begin().await?;
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
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| map_constraint(e, &format!("account with e-mail {}", new.email)))?;
        let account = Account::try_from(row)?;
        log.object = format!("account:{}", account.id);
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(account)
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
        log: LogDraft,
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
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
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
        log: LogDraft,
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
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
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

    async fn replace_recovery_codes(
        &self,
        account_id: i64,
        hashes: &[String],
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        insert_recovery_codes(&mut tx, account_id, hashes).await?;
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn use_recovery_code(
        &self,
        account_id: i64,
        hash: &str,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 \
             WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(to_db_time(at))
        .bind(account_id)
        .bind(hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(true)
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

    async fn rotate_session(
        &self,
        old_id: i64,
        new: NewSession,
        log: Option<LogDraft>,
    ) -> StoreResult<Session> {
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
        append_in_tx(&mut tx, log.as_slice()).await?;
        tx.commit().await?;
        Ok(session)
    }

    async fn delete_session(&self, id: i64, log: Option<LogDraft>) -> StoreResult<()> {
        let Some(log) = log else {
            sqlx::query("DELETE FROM sessions WHERE id = $1")
                .bind(id)
                .execute(&self.pool)
                .await?;
            return Ok(());
        };
        let mut tx = self.pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            // Already gone (e.g. two sign-outs racing): nothing to log.
            tx.rollback().await?;
            return Ok(());
        }
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn delete_account_session(
        &self,
        account_id: i64,
        id: i64,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM sessions WHERE id = $1 AND account_id = $2")
            .bind(id)
            .bind(account_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(true)
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

    async fn create_api_token(&self, new: NewApiToken, mut log: LogDraft) -> StoreResult<ApiToken> {
        let mut tx = self.pool.begin().await?;
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
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| map_constraint(e, "API token"))?;
        let token = ApiToken::try_from(row)?;
        log.object = format!("token:{}", token.id);
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(token)
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
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 \
             WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL",
        )
        .bind(to_db_time(at))
        .bind(id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(true)
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

    async fn append_log(&self, drafts: &[LogDraft]) -> StoreResult<Vec<u64>> {
        if drafts.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.pool.begin().await?;
        let indexes = append_in_tx(&mut tx, drafts).await?;
        tx.commit().await?;
        Ok(indexes)
    }

    async fn log_size(&self) -> StoreResult<u64> {
        let next: Option<(i64,)> = sqlx::query_as("SELECT next_index FROM log_state WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?;
        let (next,) =
            next.ok_or_else(|| StoreError::Corrupt("the log_state row is missing".into()))?;
        log_index(next)
    }

    async fn log_entries(&self, start: u64, end: u64) -> StoreResult<Vec<StoredLogEntry>> {
        if start >= end {
            return Ok(Vec::new());
        }
        let rows: Vec<StoredLogEntryRow> = sqlx::query_as(concat!(
            "SELECT ",
            log_entry_columns!(),
            ", leaf_hash FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx"
        ))
        .bind(db_bound(start))
        .bind(db_bound(end))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn log_leaf_hashes(&self, start: u64, limit: u64) -> StoreResult<Vec<Hash>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let rows: Vec<LeafHashRow> = sqlx::query_as(
            "SELECT idx, leaf_hash FROM log_entries WHERE idx >= $1 ORDER BY idx LIMIT $2",
        )
        .bind(db_bound(start))
        .bind(db_bound(limit))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn search_log(
        &self,
        filter: &LogFilter,
        before: Option<u64>,
        limit: u64,
    ) -> StoreResult<Vec<LogEntry>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut query = log_search_query::<sqlx::Postgres>(filter, before, limit);
        let rows: Vec<LogEntryRow> = query.build_query_as().fetch_all(&self.pool).await?;
        convert_all(rows)
    }

    async fn store_tree_head(&self, head: &SignedTreeHead) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO tree_heads (tree_size, root_hash, timestamp, signature, key_id) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tree_size) DO NOTHING",
        )
        .bind(db_index(head.tree_size)?)
        .bind(&head.root_hash)
        .bind(head.timestamp)
        .bind(&head.signature)
        .bind(&head.key_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn tree_heads(&self) -> StoreResult<Vec<SignedTreeHead>> {
        let rows: Vec<TreeHeadRow> = sqlx::query_as(concat!(
            "SELECT ",
            tree_head_columns!(),
            " FROM tree_heads ORDER BY tree_size"
        ))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn latest_tree_head(&self) -> StoreResult<Option<SignedTreeHead>> {
        let row: Option<TreeHeadRow> = sqlx::query_as(concat!(
            "SELECT ",
            tree_head_columns!(),
            " FROM tree_heads ORDER BY tree_size DESC LIMIT 1"
        ))
        .fetch_optional(&self.pool)
        .await?;
        row.map(SignedTreeHead::try_from).transpose()
    }

    async fn seed_participants(&self, list: &[NewParticipant], log: LogDraft) -> StoreResult<u64> {
        let mut tx = self.pool.begin().await?;
        let mut added = 0;
        for p in list {
            added += insert_participant(&mut tx, p).await?;
        }
        if added > 0 {
            append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        }
        tx.commit().await?;
        Ok(added)
    }

    async fn participants(&self) -> StoreResult<Vec<Participant>> {
        let rows: Vec<ParticipantRow> = sqlx::query_as(concat!(
            "SELECT ",
            participant_columns!(),
            " FROM participants ORDER BY code"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Participant::try_from).collect()
    }

    async fn participant(&self, code: &str) -> StoreResult<Option<Participant>> {
        let row: Option<ParticipantRow> = sqlx::query_as(concat!(
            "SELECT ",
            participant_columns!(),
            " FROM participants WHERE code = $1"
        ))
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Participant::try_from).transpose()
    }

    async fn create_organisation(
        &self,
        new: NewParticipant,
        log: LogDraft,
    ) -> StoreResult<Participant> {
        let mut tx = self.pool.begin().await?;
        if insert_participant(&mut tx, &new).await? == 0 {
            return Err(StoreError::Conflict(format!("participant {}", new.code)));
        }
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        let row: ParticipantRow = sqlx::query_as(concat!(
            "SELECT ",
            participant_columns!(),
            " FROM participants WHERE code = $1"
        ))
        .bind(&new.code)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Participant::try_from(row)
    }

    async fn change_participant_status(
        &self,
        code: &str,
        from: ParticipationStatus,
        to: ParticipationStatus,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE participants SET status = $1, status_changed_at = $2 \
             WHERE code = $3 AND status = $4",
        )
        .bind(to.as_str())
        .bind(to_db_time(at))
        .bind(code)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        commit_if_changed(tx, changed, std::slice::from_ref(&log)).await
    }

    async fn propose_poc(
        &self,
        participant: &str,
        role: PocRole,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        mut log: LogDraft,
    ) -> StoreResult<Poc> {
        // The insert is the transaction's first statement: a write.
        let mut tx = self.pool.begin().await?;
        let poc = insert_nomination(
            &mut tx,
            participant,
            role,
            details_json,
            actor_account_id,
            at,
        )
        .await?;
        log.object = format!("poc:{}", poc.id);
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(poc)
    }

    async fn propose_pocs(
        &self,
        nominations: &[NewNomination],
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
    ) -> StoreResult<Vec<Poc>> {
        let mut tx = self.pool.begin().await?;
        let mut pocs = Vec::with_capacity(nominations.len());
        let mut logs = Vec::with_capacity(nominations.len());
        for n in nominations {
            let poc = insert_nomination(
                &mut tx,
                &n.participant,
                n.role,
                &n.details_json,
                actor_account_id,
                at,
            )
            .await?;
            let mut log = n.log.clone();
            log.object = format!("poc:{}", poc.id);
            logs.push(log);
            pocs.push(poc);
        }
        if !logs.is_empty() {
            append_in_tx(&mut tx, &logs).await?;
        }
        tx.commit().await?;
        Ok(pocs)
    }

    async fn active_pocs(&self) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = sqlx::query_as(concat!(
            "SELECT ",
            poc_columns!(),
            " FROM pocs WHERE status = 'active' ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn directory_revision(&self) -> StoreResult<i64> {
        let (revision,): (i64,) =
            sqlx::query_as("SELECT revision FROM directory_state WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        Ok(revision)
    }

    async fn enqueue_mail(&self, mail: NewMail, mut log: LogDraft) -> StoreResult<Option<Mail>> {
        // The insert is the transaction's first statement: a write.
        let mut tx = self.pool.begin().await?;
        let row: Option<MailRow> = sqlx::query_as(concat!(
            "INSERT INTO outbox (dedupe_key, recipient, language, subject, body, participant, \
             next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (dedupe_key) DO NOTHING RETURNING ",
            mail_columns!()
        ))
        .bind(&mail.dedupe_key)
        .bind(&mail.recipient)
        .bind(&mail.language)
        .bind(&mail.subject)
        .bind(&mail.body)
        .bind(&mail.participant)
        .bind(to_db_time(mail.created_at))
        .bind(to_db_time(mail.created_at))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(None);
        };
        let queued = Mail::try_from(row)?;
        log.object = format!("mail:{}", queued.id);
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(Some(queued))
    }

    async fn claim_mails(
        &self,
        now: OffsetDateTime,
        until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<Mail>> {
        // SKIP LOCKED: a second sender passes over rows being claimed
        // instead of waiting and then claiming them again.
        let rows: Vec<MailRow> = sqlx::query_as(concat!(
            "UPDATE outbox SET next_attempt_at = $1 WHERE id IN (SELECT id FROM outbox \
             WHERE status = 'queued' AND next_attempt_at <= $2 \
             ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING ",
            mail_columns!()
        ))
        .bind(to_db_time(until))
        .bind(to_db_time(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        let mut mails: Vec<Mail> = convert_all(rows)?;
        mails.sort_by_key(|m| m.id);
        Ok(mails)
    }

    async fn mark_mail_sent(
        &self,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1 WHERE id = $2 AND status = 'queued'",
        )
        .bind(to_db_time(at))
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        commit_if_changed(tx, changed, std::slice::from_ref(&log)).await
    }

    async fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<OffsetDateTime>,
        log: Option<LogDraft>,
    ) -> StoreResult<bool> {
        let status = if retry_at.is_some() {
            MailStatus::Queued
        } else {
            MailStatus::Failed
        };
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $1, status = $2, \
             next_attempt_at = COALESCE($3, next_attempt_at) WHERE id = $4 AND status = 'queued'",
        )
        .bind(error)
        .bind(status.as_str())
        .bind(retry_at.map(to_db_time))
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Only giving up is logged; a retry is routine.
        let log = log.filter(|_| retry_at.is_none());
        commit_if_changed(tx, changed, log.as_slice()).await
    }

    async fn mail_counts(&self) -> StoreResult<MailCounts> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status")
                .fetch_all(&self.pool)
                .await?;
        mail_counts(rows)
    }

    async fn mails(&self, status: Option<MailStatus>, limit: u32) -> StoreResult<Vec<Mail>> {
        let rows: Vec<MailRow> = match status {
            Some(status) => {
                sqlx::query_as(concat!(
                    "SELECT ",
                    mail_columns!(),
                    " FROM outbox WHERE status = $1 ORDER BY id DESC LIMIT $2"
                ))
                .bind(status.as_str())
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query_as(concat!(
                    "SELECT ",
                    mail_columns!(),
                    " FROM outbox ORDER BY id DESC LIMIT $1"
                ))
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?
            }
        };
        convert_all(rows)
    }

    async fn mail_recipients(
        &self,
        kind: AccountKind,
        participant: Option<&str>,
    ) -> StoreResult<Vec<MailRecipient>> {
        let rows: Vec<MailRecipientRow> = match participant {
            Some(code) => {
                sqlx::query_as(
                    "SELECT id, email, language FROM accounts \
                     WHERE kind = $1 AND participant = $2 AND NOT disabled ORDER BY id",
                )
                .bind(kind.as_str())
                .bind(code)
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query_as(
                    "SELECT id, email, language FROM accounts \
                     WHERE kind = $1 AND NOT disabled ORDER BY id",
                )
                .bind(kind.as_str())
                .fetch_all(&self.pool)
                .await?
            }
        };
        Ok(rows.into_iter().map(MailRecipient::from).collect())
    }

    async fn set_account_language(
        &self,
        account_id: i64,
        language: Option<&str>,
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query("UPDATE accounts SET language = $1 WHERE id = $2")
            .bind(language)
            .bind(account_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        append_in_tx(&mut tx, std::slice::from_ref(&log)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn propose_poc_update(
        &self,
        id: i64,
        expected_version: i64,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<Poc, Poc>> {
        let change = PocChange::Update(details_json);
        let done = self
            .change_poc(id, expected_version, change, actor_account_id, at, log)
            .await?;
        Ok(done.map(|d| d.poc))
    }

    async fn propose_poc_withdrawal(
        &self,
        id: i64,
        expected_version: i64,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<Poc, Poc>> {
        let change = PocChange::Withdraw;
        let done = self
            .change_poc(id, expected_version, change, actor_account_id, at, log)
            .await?;
        Ok(done.map(|d| d.poc))
    }

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
    ) -> StoreResult<Result<DecidedPoc, Poc>> {
        let change = PocChange::Decide { approve, reason };
        self.change_poc(id, expected_version, change, actor_account_id, at, log)
            .await
    }

    async fn confirm_poc(
        &self,
        id: i64,
        expected_version: i64,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<Poc, Poc>> {
        let change = PocChange::Confirm;
        let done = self
            .change_poc(id, expected_version, change, actor_account_id, at, log)
            .await?;
        Ok(done.map(|d| d.poc))
    }

    async fn poc(&self, id: i64) -> StoreResult<Option<Poc>> {
        let row: Option<PocRow> = sqlx::query_as(concat!(
            "SELECT ",
            poc_columns!(),
            " FROM pocs WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Poc::try_from).transpose()
    }

    async fn pocs_of(&self, participant: &str) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = sqlx::query_as(concat!(
            "SELECT ",
            poc_columns!(),
            " FROM pocs WHERE participant = $1 ORDER BY id"
        ))
        .bind(participant)
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn pending_pocs(&self) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = sqlx::query_as(concat!(
            "SELECT ",
            poc_columns!(),
            " FROM pocs WHERE pending_action IS NOT NULL ORDER BY pending_at, id"
        ))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn pocs_due_for_revalidation(&self, before: OffsetDateTime) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = sqlx::query_as(concat!(
            "SELECT ",
            poc_columns!(),
            " FROM pocs WHERE status = 'active' AND confirmed_at < $1 ORDER BY confirmed_at, id"
        ))
        .bind(to_db_time(before))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn poc_history(&self, id: i64) -> StoreResult<Vec<PocHistoryEntry>> {
        let rows: Vec<PocHistoryRow> = sqlx::query_as(concat!(
            "SELECT ",
            poc_history_columns!(),
            " FROM poc_history WHERE poc_id = $1 ORDER BY version"
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn active_poc_counts(&self) -> StoreResult<Vec<(String, i64, i64)>> {
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT participant, \
             SUM(CASE WHEN role = 'diplomatic' THEN 1 ELSE 0 END), \
             SUM(CASE WHEN role = 'technical' THEN 1 ELSE 0 END) \
             FROM pocs WHERE status = 'active' GROUP BY participant ORDER BY participant",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }
}

impl PostgresStore {
    /// Applies `change` to PoC `id` if it is still at `expected_version`:
    /// the new state is computed from the version read, then written with a
    /// compare-and-set on that version (the transaction's first statement, a
    /// write), so a concurrent change in between makes this one fail as
    /// stale instead of being overwritten. `Err(current)` when stale.
    async fn change_poc(
        &self,
        id: i64,
        expected_version: i64,
        change: PocChange<'_>,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Result<DecidedPoc, Poc>> {
        let current = self.poc(id).await?.ok_or(StoreError::NotFound)?;
        if current.version != expected_version {
            return Ok(Err(current));
        }
        let tr = transition(&current, change, at)?;
        let next = &tr.next;
        let action = next.pending_action.map(PendingAction::as_str);
        let mut tx = self.pool.begin().await?;
        let row: Option<PocRow> = sqlx::query_as(concat!(
            "UPDATE pocs SET status = $1, active = $2, pending = $3, pending_action = $4, \
             pending_at = CASE WHEN $4 IS NULL THEN NULL \
             WHEN pending_action IS NULL THEN $5 ELSE pending_at END, \
             confirmed_at = $6, version = $7, updated_at = $5 \
             WHERE id = $8 AND version = $9 RETURNING ",
            poc_columns!()
        ))
        .bind(next.status.as_str())
        .bind(&next.active)
        .bind(&next.pending)
        .bind(action)
        .bind(to_db_time(at))
        .bind(next.confirmed_at.map(to_db_time))
        .bind(next.version)
        .bind(id)
        .bind(expected_version)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            // Changed since it was read: report what it is now.
            tx.rollback().await?;
            let current = self.poc(id).await?.ok_or(StoreError::NotFound)?;
            return Ok(Err(current));
        };
        let poc = Poc::try_from(row)?;
        insert_poc_history(
            &mut tx,
            &poc,
            at,
            actor_account_id,
            tr.history_action,
            tr.history_details.as_deref(),
            tr.history_reason.as_deref(),
        )
        .await?;
        let mut drafts = vec![log];
        let mut participant_status_changed = None;
        if let Some(event) = tr.event {
            if let Some((from, to)) =
                apply_participant_event(&mut tx, &poc.participant, event, at).await?
            {
                let second = drafts
                    .first()
                    .map(|log| participant_status_draft(log, &poc, from, to, at));
                drafts.extend(second);
                participant_status_changed = Some((from, to));
            }
        }
        append_in_tx(&mut tx, &drafts).await?;
        tx.commit().await?;
        Ok(Ok(DecidedPoc {
            poc,
            participant_status_changed,
        }))
    }
}

/// Inserts a nomination (status `pending`, action `create`, version 1) and
/// its first history row, inside the caller's transaction.
async fn insert_nomination(
    conn: &mut PgConnection,
    participant: &str,
    role: PocRole,
    details_json: &str,
    actor_account_id: Option<i64>,
    at: OffsetDateTime,
) -> StoreResult<Poc> {
    let row: PocRow = sqlx::query_as(concat!(
        "INSERT INTO pocs (participant, role, status, version, pending, pending_action, \
         pending_at, created_at, updated_at) \
         VALUES ($1, $2, 'pending', 1, $3, 'create', $4, $4, $4) RETURNING ",
        poc_columns!()
    ))
    .bind(participant)
    .bind(role.as_str())
    .bind(details_json)
    .bind(to_db_time(at))
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| map_constraint(e, "PoC"))?;
    let poc = Poc::try_from(row)?;
    insert_poc_history(
        conn,
        &poc,
        at,
        actor_account_id,
        "propose",
        Some(details_json),
        None,
    )
    .await?;
    Ok(poc)
}

/// Writes the history row of the PoC's current version.
async fn insert_poc_history(
    conn: &mut PgConnection,
    poc: &Poc,
    at: OffsetDateTime,
    actor_account_id: Option<i64>,
    action: &str,
    details: Option<&str>,
    reason: Option<&str>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO poc_history (poc_id, version, at, actor_account_id, action, details, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(poc.id)
    .bind(poc.version)
    .bind(to_db_time(at))
    .bind(actor_account_id)
    .bind(action)
    .bind(details)
    .bind(reason)
    .execute(&mut *conn)
    .await
    .map_err(|e| map_constraint(e, "PoC version"))?;
    Ok(())
}

/// Moves the participant along `event`, inside the caller's transaction;
/// returns (from, to) when its status changed.
/// The participant row is locked first, so decisions about the same
/// participant take turns: the count of its active PoCs, read afterwards,
/// sees every decision committed before (no two last withdrawals that
/// each see the other's PoC still active).
async fn apply_participant_event(
    conn: &mut PgConnection,
    code: &str,
    event: StatusEvent,
    at: OffsetDateTime,
) -> StoreResult<Option<(ParticipationStatus, ParticipationStatus)>> {
    let row: Option<(String,)> = sqlx::query_as(concat!(
        "SELECT status FROM participants WHERE code = $1",
        " FOR NO KEY UPDATE"
    ))
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?;
    let (status,) =
        row.ok_or_else(|| StoreError::Corrupt(format!("PoC of unknown participant {code}")))?;
    let from: ParticipationStatus = status.parse().map_err(StoreError::Corrupt)?;
    if event == StatusEvent::LastPocWithdrawn {
        let (left,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM pocs WHERE participant = $1 AND status = 'active'",
        )
        .bind(code)
        .fetch_one(&mut *conn)
        .await?;
        if left > 0 {
            return Ok(None);
        }
    }
    let Some(to) = status_after(from, event) else {
        return Ok(None);
    };
    sqlx::query("UPDATE participants SET status = $1, status_changed_at = $2 WHERE code = $3")
        .bind(to.as_str())
        .bind(to_db_time(at))
        .bind(code)
        .execute(&mut *conn)
        .await?;
    Ok(Some((from, to)))
}

/// Inserts one participant unless its code exists; returns 1 if inserted, else 0.
async fn insert_participant(conn: &mut PgConnection, p: &NewParticipant) -> StoreResult<u64> {
    let done = sqlx::query(
        "INSERT INTO participants (code, alpha2, m49, kind, status, region, subregion, name_ar, \
         name_zh, name_en, name_es, name_fr, name_ru, created_at, status_changed_at) \
         VALUES ($1, $2, $3, $4, 'not_participating', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) \
         ON CONFLICT (code) DO NOTHING",
    )
    .bind(&p.code)
    .bind(&p.alpha2)
    .bind(&p.m49)
    .bind(p.kind.as_str())
    .bind(&p.region)
    .bind(&p.subregion)
    .bind(&p.names.ar)
    .bind(&p.names.zh)
    .bind(&p.names.en)
    .bind(&p.names.es)
    .bind(&p.names.fr)
    .bind(&p.names.ru)
    .bind(to_db_time(p.at))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}
