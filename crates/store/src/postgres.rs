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
use crate::sql::{ColumnType, Decode, Driver, NewLogRow, Param, RowSink, SqlStore, Value};
use crate::{log, Backend, StoreError, StoreResult};
use async_trait::async_trait;
use futures_util::TryStreamExt;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgArguments, PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::Arguments;
use sqlx::{Column, Row, TypeInfo};
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
        let pool = connect_pool(url).await?;
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

async fn connect_pool(url: &str) -> StoreResult<PgPool> {
    // No JIT: our statements are short, and PostgreSQL compiled those it
    // guessed costly (a TAXII page over a large collection) for about 10 ms
    // each time, for a query that runs in well under one.
    let options = PgConnectOptions::from_str(url)?.options([("jit", "off")]);
    Ok(PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await?)
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
            Param::OptBool(v) => args.add(v),
            Param::Bytes(v) => args.add(v),
            Param::OptBytes(v) => args.add(v),
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

    const TABLES_SQL: &'static str = "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name NOT LIKE '\\_sqlx%' ORDER BY table_name";
    const COLUMNS_SQL: &'static str = "SELECT column_name::text, data_type::text \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position";
    const FOREIGN_KEYS_SQL: &'static str = "SELECT c.relname::text, r.relname::text \
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid \
         JOIN pg_class r ON r.oid = k.confrelid \
         WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace";

    async fn connect(url: &str) -> StoreResult<Self> {
        Ok(PostgresDb {
            pool: connect_pool(url).await?,
        })
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
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    async fn stream_rows(
        conn: &mut PgConnection,
        sql: &str,
        types: &[ColumnType],
        sink: &mut RowSink<'_>,
    ) -> StoreResult<()> {
        let mut rows = sqlx::query(sql).fetch(conn);
        while let Some(row) = rows.try_next().await? {
            let mut values = Vec::with_capacity(types.len());
            for (i, ty) in types.iter().enumerate() {
                let v = match ty {
                    ColumnType::Int => {
                        // INTEGER columns (the singletons' ids) are 4 bytes.
                        let small = row
                            .columns()
                            .get(i)
                            .is_some_and(|c| c.type_info().name() == "INT4");
                        if small {
                            row.try_get::<Option<i32>, _>(i)?
                                .map(|v| Value::Int(v.into()))
                        } else {
                            row.try_get::<Option<i64>, _>(i)?.map(Value::Int)
                        }
                    }
                    ColumnType::Text => row.try_get::<Option<String>, _>(i)?.map(Value::Text),
                    ColumnType::Bool => row.try_get::<Option<bool>, _>(i)?.map(Value::Bool),
                    ColumnType::Bytes => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Bytes),
                };
                values.push(v.unwrap_or(Value::Null));
            }
            sink(values)?;
        }
        Ok(())
    }

    async fn insert_rows(
        conn: &mut PgConnection,
        table: &str,
        columns: &[String],
        types: &[ColumnType],
        rows: &[Vec<Value>],
    ) -> StoreResult<()> {
        // One array per column, unnested into rows: one statement of a few
        // parameters for any number of rows (a long VALUES list is slow to parse).
        let mut selects = Vec::with_capacity(types.len());
        for (i, ty) in types.iter().enumerate() {
            let cast = match ty {
                ColumnType::Int => "bigint",
                ColumnType::Text => "text",
                ColumnType::Bool => "boolean",
                ColumnType::Bytes => "bytea",
            };
            selects.push(format!("${}::{cast}[]", i + 1));
        }
        let sql = format!(
            "INSERT INTO {table} ({}) OVERRIDING SYSTEM VALUE SELECT * FROM UNNEST({})",
            columns.join(", "),
            selects.join(", ")
        );
        for chunk in rows.chunks(10_000) {
            let mut q = sqlx::query(&sql);
            for (i, ty) in types.iter().enumerate() {
                let column = chunk.iter().map(|row| row.get(i).unwrap_or(&Value::Null));
                q = match ty {
                    ColumnType::Int => q.bind(
                        column
                            .map(|v| match v {
                                Value::Int(n) => Some(*n),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    ),
                    ColumnType::Text => q.bind(
                        column
                            .map(|v| match v {
                                Value::Text(t) => Some(t.clone()),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    ),
                    ColumnType::Bool => q.bind(
                        column
                            .map(|v| match v {
                                Value::Bool(b) => Some(*b),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    ),
                    ColumnType::Bytes => q.bind(
                        column
                            .map(|v| match v {
                                Value::Bytes(b) => Some(b.clone()),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    ),
                };
            }
            q.execute(&mut *conn).await?;
        }
        Ok(())
    }

    async fn after_load(conn: &mut PgConnection) -> StoreResult<()> {
        // Rows were inserted with their ids: move each identity sequence
        // past the largest, so the next row gets a new one.
        let identities: Vec<(String, String)> = sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND is_identity = 'YES'",
        )
        .fetch_all(&mut *conn)
        .await?;
        for (table, column) in identities {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), \
                 COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {table}"
            );
            sqlx::query(&sql).execute(&mut *conn).await?;
        }
        Ok(())
    }
}
