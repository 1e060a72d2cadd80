//! The PostgreSQL backend, for installs with several instances.
//!
//! Same semantics as the SQLite backend. Compare-and-set writes are single
//! conditional UPDATEs or upserts: under READ COMMITTED, a concurrent writer
//! of the same row waits and then re-checks the condition on the new row, so
//! only one of them succeeds. Where a read decides a write, the row read is
//! locked (see [`Driver::ROW_LOCKS`]).
//!
//! Log entries are appended last in each transaction: the counter row it
//! updates stays locked until commit, so appenders are numbered in commit
//! order and without gaps, and nothing else is locked after it (no
//! lock-order cycles through the counter).

use crate::sealing::Keys;
use crate::sql::{Decode, Driver, NewLogRow, Param, SqlStore};
use crate::{log, Backend, StoreError, StoreResult};
use async_trait::async_trait;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgArguments, PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::Arguments;
use sqlx::{Postgres, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The PostgreSQL driver: a pool of connections to one server database.
#[derive(Debug, Clone)]
pub struct PostgresDb {
    pool: PgPool,
}

/// The store on PostgreSQL.
pub type PostgresStore = SqlStore<PostgresDb>;

impl SqlStore<PostgresDb> {
    /// Connects to the database at `url` and applies the migrations (which
    /// take an advisory lock, so instances starting together do not race).
    pub async fn open(url: &str, keys: impl Into<Keys>) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        MIGRATOR.run(&pool).await?;
        let store = SqlStore::new(PostgresDb { pool }, Arc::new(keys.into()));
        store.seal_values_in_clear().await?;
        Ok(store)
    }

    /// Connects to the database at `url` to read only: no migration runs,
    /// and every transaction is read-only (`default_transaction_read_only`),
    /// so a role with read access is enough.
    pub async fn open_read_only(url: &str, keys: impl Into<Keys>) -> StoreResult<Self> {
        let options =
            PgConnectOptions::from_str(url)?.options([("default_transaction_read_only", "on")]);
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(SqlStore::new(PostgresDb { pool }, Arc::new(keys.into())))
    }

    /// The connection pool, for tests and maintenance.
    pub fn pool(&self) -> &PgPool {
        &self.db.pool
    }
}

/// The parameters of one statement, in order, as this driver binds them.
fn arguments(params: &[Param<'_>]) -> StoreResult<PgArguments> {
    let mut args = PgArguments::default();
    for p in params {
        match *p {
            Param::Int(v) => args.add(v),
            Param::OptInt(v) => args.add(v),
            Param::Text(v) => args.add(v),
            Param::OptText(v) => args.add(v),
            Param::Bool(v) => args.add(v),
            Param::Bytes(v) => args.add(v),
        }
        .map_err(|e| StoreError::Database(sqlx::Error::Encode(e)))?;
    }
    Ok(args)
}

#[async_trait]
impl Driver for PostgresDb {
    const BACKEND: Backend = Backend::Postgres;
    const ROW_LOCKS: bool = true;

    type Connection = PgConnection;
    type Pooled = PoolConnection<Postgres>;
    type Tx = Transaction<'static, Postgres>;

    async fn acquire(&self) -> StoreResult<Self::Pooled> {
        Ok(self.pool.acquire().await?)
    }

    async fn begin(&self) -> StoreResult<Self::Tx> {
        Ok(self.pool.begin().await?)
    }

    async fn begin_write(&self) -> StoreResult<Self::Tx> {
        Ok(self.pool.begin().await?)
    }

    async fn commit(tx: Self::Tx) -> StoreResult<()> {
        Ok(tx.commit().await?)
    }

    async fn rollback(tx: Self::Tx) -> StoreResult<()> {
        Ok(tx.rollback().await?)
    }

    async fn execute_script(conn: &mut PgConnection, sql: &str) -> StoreResult<()> {
        // A string without arguments runs as a simple query: several
        // statements in one round trip.
        sqlx::Executor::execute(conn, sql).await?;
        Ok(())
    }

    async fn execute(conn: &mut PgConnection, sql: &str, params: &[Param<'_>]) -> StoreResult<u64> {
        let done = sqlx::query_with(sql, arguments(params)?)
            .execute(conn)
            .await?;
        Ok(done.rows_affected())
    }

    async fn fetch_optional<R: Decode>(
        conn: &mut PgConnection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Option<R>> {
        let q = sqlx::query_as_with::<Postgres, R, _>(sql, arguments(params)?);
        Ok(q.fetch_optional(conn).await?)
    }

    async fn fetch_all<R: Decode>(
        conn: &mut PgConnection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Vec<R>> {
        let q = sqlx::query_as_with::<Postgres, R, _>(sql, arguments(params)?);
        Ok(q.fetch_all(conn).await?)
    }

    async fn insert_log_entries(conn: &mut PgConnection, rows: &[NewLogRow]) -> StoreResult<()> {
        // One statement for any number of entries: a column of values each.
        let n = rows.len();
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
        for row in rows {
            let e = &row.entry;
            idx.push(row.idx);
            at.push(e.at);
            actor_account_id.push(e.actor_account_id);
            actor_kind.push(e.actor_kind.as_str());
            actor_participant.push(e.actor_participant.as_deref());
            action.push(e.action.as_str());
            object.push(e.object.as_str());
            participant.push(e.participant.as_deref());
            content_hash.push(e.content_hash.as_str());
            leaf_hash.push(row.leaf_hash.as_slice());
        }
        sqlx::query(log::INSERT_ENTRIES_UNNEST)
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
            .execute(conn)
            .await?;
        Ok(())
    }
}
