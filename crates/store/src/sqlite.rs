//! The SQLite backend: one file, WAL journal, for single-instance installs.
//!
//! SQLite has no row locks: a writing transaction holds the whole
//! database from its first write to its commit. Every write that must be
//! atomic is either one statement or a transaction whose first statement
//! writes, so the write lock is taken up front (waiting up to the busy
//! timeout) instead of failing on a lock upgrade; log entries are appended
//! last, under that lock, which numbers them without gaps.

use crate::log::StoredLogEntry;
use crate::sealing::Keys;
use crate::sql::{ColumnType, Decode, Driver, NewLogRow, Param, RowSink, SqlStore, Value};
use crate::sqlite_bulk::BulkReader;
use crate::{log, Backend, StoreError, StoreResult};
use async_trait::async_trait;
use futures_util::TryStreamExt;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool,
    SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Arguments;
use sqlx::Row;
use sqlx::{Sqlite, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// The SQLite driver: a pool of connections to one database file, and
/// the bulk reader of the log on the same file (none in memory).
#[derive(Debug, Clone)]
pub struct SqliteDb {
    pool: SqlitePool,
    bulk: Option<Arc<BulkReader>>,
}

/// The bulk reader for the database `options` open, if it is a file.
fn bulk_reader(url: &str, options: &SqliteConnectOptions) -> Option<Arc<BulkReader>> {
    if url.contains(":memory:") || url.contains("mode=memory") {
        return None;
    }
    Some(Arc::new(BulkReader::new(
        options.get_filename().to_path_buf(),
    )))
}

/// The store on SQLite.
pub type SqliteStore = SqlStore<SqliteDb>;

/// The pool of a database file that may not exist yet, WAL journal.
/// The pool of a database file (or memory) opened to write, and the bulk
/// reader of its log.
async fn connect_pool(url: &str) -> StoreResult<(SqlitePool, Option<Arc<BulkReader>>)> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true);
    // No ping before each use: a SQLite connection is a file in this
    // process and cannot go away under us, and the ping is a trip to sqlx's
    // worker thread on every query and every batch of changes.
    let mut pool = SqlitePoolOptions::new().test_before_acquire(false);
    if url.contains(":memory:") || url.contains("mode=memory") {
        // An in-memory database lives only as long as a connection to
        // it: keep exactly one, forever.
        pool = pool
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
    } else {
        pool = pool.max_connections(8);
    }
    let bulk = bulk_reader(url, &options);
    Ok((pool.connect_with(options).await?, bulk))
}

impl SqlStore<SqliteDb> {
    /// Opens (creating if needed) the database at `url` and applies the migrations.
    pub async fn open(url: &str, keys: impl Into<Keys>) -> StoreResult<Self> {
        let (pool, bulk) = connect_pool(url).await?;
        MIGRATOR.run(&pool).await?;
        let store = SqlStore::new(SqliteDb { pool, bulk }, Arc::new(keys.into()));
        store.seal_values_in_clear().await?;
        Ok(store)
    }

    /// Opens the existing database at `url` read-only: the file is never
    /// created (whatever the URL's `mode`), and no migration runs.
    pub async fn open_read_only(url: &str, keys: impl Into<Keys>) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(false)
            .read_only(true)
            .busy_timeout(Duration::from_secs(5));
        let bulk = bulk_reader(url, &options);
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .connect_with(options)
            .await?;
        Ok(SqlStore::new(
            SqliteDb { pool, bulk },
            Arc::new(keys.into()),
        ))
    }

    /// The connection pool, for tests and maintenance.
    pub fn pool(&self) -> &SqlitePool {
        &self.db.pool
    }
}

/// The parameters of one statement, in order, as this driver binds them.
fn arguments<'q>(params: &[Param<'q>]) -> StoreResult<SqliteArguments<'q>> {
    let mut args = SqliteArguments::default();
    for p in params {
        match *p {
            Param::Int(v) => args.add(v),
            Param::OptInt(v) => args.add(v),
            Param::Text(v) => args.add(v),
            Param::OptText(v) => args.add(v),
            Param::Bool(v) => args.add(v),
            Param::OptBool(v) => args.add(v),
            Param::Bytes(v) => args.add(v),
            Param::OptBytes(v) => args.add(v),
        }
        .map_err(|e| StoreError::Database(sqlx::Error::Encode(e)))?;
    }
    Ok(args)
}

#[async_trait]
impl Driver for SqliteDb {
    const BACKEND: Backend = Backend::Sqlite;
    const ROW_LOCKS: bool = false;

    type Connection = SqliteConnection;
    type Pooled = PoolConnection<Sqlite>;
    type Tx = Transaction<'static, Sqlite>;

    async fn acquire(&self) -> StoreResult<Self::Pooled> {
        Ok(self.pool.acquire().await?)
    }

    async fn begin(&self) -> StoreResult<Self::Tx> {
        Ok(self.pool.begin().await?)
    }

    async fn begin_write(&self) -> StoreResult<Self::Tx> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    async fn commit(tx: Self::Tx) -> StoreResult<()> {
        Ok(tx.commit().await?)
    }

    async fn rollback(tx: Self::Tx) -> StoreResult<()> {
        Ok(tx.rollback().await?)
    }

    async fn execute_script(conn: &mut SqliteConnection, sql: &str) -> StoreResult<()> {
        // A string without arguments runs as a simple query: several
        // statements in one round trip.
        sqlx::Executor::execute(conn, sql).await?;
        Ok(())
    }

    async fn execute(
        conn: &mut SqliteConnection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<u64> {
        let done = sqlx::query_with(sql, arguments(params)?)
            .execute(conn)
            .await?;
        Ok(done.rows_affected())
    }

    async fn fetch_optional<R: Decode>(
        conn: &mut SqliteConnection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Option<R>> {
        let q = sqlx::query_as_with::<Sqlite, R, _>(sql, arguments(params)?);
        Ok(q.fetch_optional(conn).await?)
    }

    async fn fetch_all<R: Decode>(
        conn: &mut SqliteConnection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Vec<R>> {
        let q = sqlx::query_as_with::<Sqlite, R, _>(sql, arguments(params)?);
        Ok(q.fetch_all(conn).await?)
    }

    async fn bulk_log_entries(
        &self,
        start: i64,
        end: i64,
    ) -> Option<StoreResult<Vec<StoredLogEntry>>> {
        let bulk = self.bulk.clone()?;
        // rusqlite blocks: on a blocking thread, so the runtime keeps serving.
        Some(
            tokio::task::spawn_blocking(move || bulk.log_entries(start, end))
                .await
                .unwrap_or_else(|e| Err(StoreError::Driver(format!("the bulk read failed: {e}")))),
        )
    }

    async fn insert_log_entries(
        conn: &mut SqliteConnection,
        rows: &[NewLogRow],
    ) -> StoreResult<()> {
        // Many rows per statement: a batch's entries cost a few statements,
        // not one each (every statement is a trip to sqlx's worker thread).
        for chunk in rows.chunks(log::ROWS_PER_INSERT) {
            let params: Vec<Param<'_>> = chunk.iter().flat_map(log::entry_params).collect();
            Self::execute(conn, &log::insert_entries_sql(chunk.len()), &params).await?;
        }
        Ok(())
    }

    const TABLES_SQL: &'static str = "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_sqlx%' ESCAPE '\\' ORDER BY name";
    const COLUMNS_SQL: &'static str = "SELECT name, type FROM pragma_table_info($1) ORDER BY cid";
    const FOREIGN_KEYS_SQL: &'static str = "SELECT m.name, f.\"table\" FROM sqlite_master m \
         JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'";

    async fn connect(url: &str) -> StoreResult<Self> {
        let (pool, bulk) = connect_pool(url).await?;
        Ok(SqliteDb { pool, bulk })
    }

    async fn migrate(&self, version: Option<i64>) -> StoreResult<()> {
        crate::sql::migrator_up_to(&MIGRATOR, version)
            .run(&self.pool)
            .await?;
        Ok(())
    }

    fn latest_migration() -> i64 {
        crate::sql::latest_of(&MIGRATOR)
    }

    async fn begin_snapshot(&self) -> StoreResult<Self::Tx> {
        // In WAL mode a read transaction sees the database as of its first
        // read, whatever commits after: BEGIN, then read everything.
        Ok(self.pool.begin().await?)
    }

    async fn stream_rows(
        conn: &mut SqliteConnection,
        sql: &str,
        types: &[ColumnType],
        sink: &mut RowSink<'_>,
    ) -> StoreResult<()> {
        let mut rows = sqlx::query(sql).fetch(conn);
        while let Some(row) = rows.try_next().await? {
            let mut values = Vec::with_capacity(types.len());
            for (i, ty) in types.iter().enumerate() {
                // SQLite's values carry their own type; read each as the
                // column's neutral type says.
                let v = match ty {
                    ColumnType::Int => row.try_get_unchecked::<Option<i64>, _>(i)?.map(Value::Int),
                    ColumnType::Text => row
                        .try_get_unchecked::<Option<String>, _>(i)?
                        .map(Value::Text),
                    ColumnType::Bool => row
                        .try_get_unchecked::<Option<bool>, _>(i)?
                        .map(Value::Bool),
                    ColumnType::Bytes => row
                        .try_get_unchecked::<Option<Vec<u8>>, _>(i)?
                        .map(Value::Bytes),
                };
                values.push(v.unwrap_or(Value::Null));
            }
            sink(values)?;
        }
        Ok(())
    }

    async fn insert_rows(
        conn: &mut SqliteConnection,
        table: &str,
        columns: &[String],
        types: &[ColumnType],
        rows: &[Vec<Value>],
    ) -> StoreResult<()> {
        // A hundred rows per statement: one prepared statement for all
        // full chunks, few round trips, well within SQLite's parameter limit.
        for chunk in rows.chunks(100) {
            let sql = crate::sql::insert_values_sql(table, columns, chunk.len(), "");
            let params: Vec<Param<'_>> = chunk
                .iter()
                .flat_map(|row| row.iter().zip(types).map(|(v, ty)| v.param(*ty)))
                .collect();
            Self::execute(conn, &sql, &params).await?;
        }
        Ok(())
    }

    async fn after_load(_conn: &mut SqliteConnection) -> StoreResult<()> {
        // AUTOINCREMENT's counters follow the largest id inserted.
        Ok(())
    }
}
