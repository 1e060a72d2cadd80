//! The seam between the capabilities' SQL and the database driver.
//!
//! Every statement is written once, with `$N` placeholders, which both
//! backends accept. The capabilities run it through a [`Driver`], which
//! binds [`Param`]s and decodes rows: one implementation per backend
//! (`sqlite.rs`, `postgres.rs`), together with opening the pool and the few
//! places where the SQL really differs. Swapping the SQLite driver means
//! implementing this trait again, not touching the capabilities.

use crate::sealing::Keys;
use crate::{Backend, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::merkle::Hash;
use std::ops::DerefMut;
use std::sync::{Arc, RwLock, Weak};

mod writer;

use writer::Lease;
pub(crate) use writer::Writer;

/// A value bound to a placeholder: the few types the store binds.
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    Int(i64),
    OptInt(Option<i64>),
    Text(&'a str),
    OptText(Option<&'a str>),
    Bool(bool),
    OptBool(Option<bool>),
    Bytes(&'a [u8]),
    OptBytes(Option<&'a [u8]>),
}

impl From<i64> for Param<'_> {
    fn from(v: i64) -> Self {
        Param::Int(v)
    }
}

impl From<Option<i64>> for Param<'_> {
    fn from(v: Option<i64>) -> Self {
        Param::OptInt(v)
    }
}

impl<'a> From<&'a str> for Param<'a> {
    fn from(v: &'a str) -> Self {
        Param::Text(v)
    }
}

impl<'a> From<&'a String> for Param<'a> {
    fn from(v: &'a String) -> Self {
        Param::Text(v)
    }
}

impl<'a> From<Option<&'a str>> for Param<'a> {
    fn from(v: Option<&'a str>) -> Self {
        Param::OptText(v)
    }
}

impl<'a> From<&'a Option<String>> for Param<'a> {
    fn from(v: &'a Option<String>) -> Self {
        Param::OptText(v.as_deref())
    }
}

impl From<bool> for Param<'_> {
    fn from(v: bool) -> Self {
        Param::Bool(v)
    }
}

impl<'a> From<&'a [u8]> for Param<'a> {
    fn from(v: &'a [u8]) -> Self {
        Param::Bytes(v)
    }
}

/// A row type both drivers can decode (derived with `sqlx::FromRow`).
pub trait Decode:
    for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
    + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
    + Send
    + Unpin
{
}

impl<T> Decode for T where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin
{
}

/// A log entry ready to be inserted: numbered, with its leaf hash.
#[derive(Debug)]
pub struct NewLogRow {
    pub idx: i64,
    pub entry: LogEntry,
    pub leaf_hash: Hash,
}

/// A column's type as backups carry it between backends (the few types
/// the migrations use: integers, text, booleans, bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    Int,
    Text,
    Bool,
    Bytes,
}

impl ColumnType {
    /// The neutral type of a declared SQL type (SQLite's declared type or
    /// PostgreSQL's `data_type`), `None` for a type backups do not know.
    pub fn from_declared(declared: &str) -> Option<ColumnType> {
        let t = declared.to_ascii_uppercase();
        if t.contains("INT") {
            Some(ColumnType::Int)
        } else if t.contains("BOOL") {
            Some(ColumnType::Bool)
        } else if t.contains("BLOB") || t.contains("BYTEA") {
            Some(ColumnType::Bytes)
        } else if t.contains("TEXT") || t.contains("CHAR") {
            Some(ColumnType::Text)
        } else {
            None
        }
    }
}

/// One value of a row, whatever the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Bool(bool),
    Bytes(Vec<u8>),
}

impl Value {
    /// The value bound as a parameter of the column's type (a NULL keeps
    /// the column's type, which PostgreSQL needs).
    pub fn param(&self, ty: ColumnType) -> Param<'_> {
        match (self, ty) {
            (Value::Int(v), _) => Param::Int(*v),
            (Value::Text(v), _) => Param::Text(v),
            (Value::Bool(v), _) => Param::Bool(*v),
            (Value::Bytes(v), _) => Param::Bytes(v),
            (Value::Null, ColumnType::Int) => Param::OptInt(None),
            (Value::Null, ColumnType::Text) => Param::OptText(None),
            (Value::Null, ColumnType::Bool) => Param::OptBool(None),
            (Value::Null, ColumnType::Bytes) => Param::OptBytes(None),
        }
    }
}

/// What receives the rows a dump reads, one at a time.
pub type RowSink<'a> = dyn FnMut(Vec<Value>) -> StoreResult<()> + Send + 'a;

/// One database backend: how to run a statement, and the few hooks where
/// the SQL differs.
#[async_trait]
pub trait Driver: std::fmt::Debug + Clone + Send + Sync + 'static {
    const BACKEND: Backend;
    /// Whether rows can be locked (`FOR UPDATE`, `SKIP LOCKED`). Without
    /// row locks (SQLite) a write transaction holds the whole database.
    const ROW_LOCKS: bool;

    /// What statements run on: a pooled connection or a transaction derefs to it.
    type Connection: Send;
    type Pooled: DerefMut<Target = Self::Connection> + Send;
    type Tx: DerefMut<Target = Self::Connection> + Send;

    async fn acquire(&self) -> StoreResult<Self::Pooled>;
    /// Starts a transaction. On SQLite it takes the write lock with its
    /// first write, so every writing transaction starts with a write.
    async fn begin(&self) -> StoreResult<Self::Tx>;
    /// Starts the transaction of a batch of changes (`writer.rs`), holding
    /// the right to write from the start (SQLite: `BEGIN IMMEDIATE`).
    async fn begin_write(&self) -> StoreResult<Self::Tx>;
    async fn commit(tx: Self::Tx) -> StoreResult<()>;
    async fn rollback(tx: Self::Tx) -> StoreResult<()>;

    /// Runs statements without parameters, separated by `;`, in one round trip.
    async fn execute_script(conn: &mut Self::Connection, sql: &str) -> StoreResult<()>;
    /// Runs a statement; the number of rows it changed.
    async fn execute(
        conn: &mut Self::Connection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<u64>;
    async fn fetch_optional<R: Decode>(
        conn: &mut Self::Connection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Option<R>>;
    async fn fetch_all<R: Decode>(
        conn: &mut Self::Connection,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Vec<R>>;

    /// Reads the log entries `start <= idx < end` faster than the
    /// statement through [`Driver::fetch_all`], where the backend has a way
    /// (`log verify` and `log export` read every entry); `None` otherwise.
    async fn bulk_log_entries(
        &self,
        _start: i64,
        _end: i64,
    ) -> Option<StoreResult<Vec<crate::log::StoredLogEntry>>> {
        None
    }

    /// Inserts numbered log entries (one statement for all of them where
    /// the backend can).
    async fn insert_log_entries(conn: &mut Self::Connection, rows: &[NewLogRow])
        -> StoreResult<()>;

    // Backups (`crate::backup`): the catalog, a snapshot, typed rows.

    /// The tables of the database (one column: the name), sqlx's own excepted.
    const TABLES_SQL: &'static str;
    /// A table's columns in order (`$1` the table): name and declared type.
    const COLUMNS_SQL: &'static str;
    /// Foreign keys as (table, referenced table) pairs.
    const FOREIGN_KEYS_SQL: &'static str;

    /// Connects without running the migrations (restore runs them itself).
    async fn connect(url: &str) -> StoreResult<Self>;
    /// Applies the migrations up to `version` (all of them with `None`).
    async fn migrate(&self, version: Option<i64>) -> StoreResult<()>;
    /// The highest migration this binary knows.
    fn latest_migration() -> i64;
    /// Starts a read-only transaction that sees one snapshot throughout.
    async fn begin_snapshot(&self) -> StoreResult<Self::Tx>;
    /// Runs a query and hands each row to `sink`, decoded as `types` say,
    /// without holding them all in memory.
    async fn stream_rows(
        conn: &mut Self::Connection,
        sql: &str,
        types: &[ColumnType],
        sink: &mut RowSink<'_>,
    ) -> StoreResult<()>;
    /// Inserts rows as they are, ids included, many per statement
    /// (`table` and `columns` quoted already).
    async fn insert_rows(
        conn: &mut Self::Connection,
        table: &str,
        columns: &[String],
        types: &[ColumnType],
        rows: &[Vec<Value>],
    ) -> StoreResult<()>;
    /// After loading rows with their ids: what the backend needs so that
    /// new rows get new ids (PostgreSQL's identity sequences).
    async fn after_load(conn: &mut Self::Connection) -> StoreResult<()>;
}

/// The migrations of `all` up to `version` (all of them with `None`): a
/// restore creates the schema its backup was made with, loads it, and only
/// then runs the later migrations, as an upgrade would.
pub(crate) fn migrator_up_to(
    all: &sqlx::migrate::Migrator,
    version: Option<i64>,
) -> sqlx::migrate::Migrator {
    let migrations: Vec<_> = all
        .iter()
        .filter(|m| version.is_none_or(|v| m.version <= v))
        .cloned()
        .collect();
    sqlx::migrate::Migrator {
        migrations: std::borrow::Cow::Owned(migrations),
        ..sqlx::migrate::Migrator::DEFAULT
    }
}

/// The highest version among `all`'s migrations.
pub(crate) fn latest_of(all: &sqlx::migrate::Migrator) -> i64 {
    all.iter().map(|m| m.version).max().unwrap_or(0)
}

/// `INSERT INTO table (columns) VALUES (…), (…)` with `$N` placeholders
/// for `rows` rows: the bulk insert where no better one exists.
pub(crate) fn insert_values_sql(
    table: &str,
    columns: &[String],
    rows: usize,
    extra: &str,
) -> String {
    let mut sql = format!(
        "INSERT INTO {table} ({}){extra} VALUES ",
        columns.join(", ")
    );
    let mut n = 0usize;
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns.len() {
            n += 1;
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&n.to_string());
        }
        sql.push(')');
    }
    sql
}

/// A store on the backend `D`: each capability is implemented once for it.
#[derive(Debug, Clone)]
pub struct SqlStore<D: Driver> {
    pub(crate) db: D,
    /// What sealed columns are sealed and opened with (`crate::sealing`).
    pub(crate) keys: Arc<Keys>,
    /// Where every change goes: changes waiting together share a commit.
    pub(crate) writer: Writer<D>,
    /// Told of each committed transaction's log entries (`crate::CommitObserver`).
    pub(crate) observers: Arc<Observers>,
}

impl<D: Driver> SqlStore<D> {
    /// A store on `db`; starts its writer (needs a Tokio runtime).
    pub(crate) fn new(db: D, keys: Arc<Keys>) -> Self {
        SqlStore {
            writer: Writer::start(db.clone()),
            db,
            keys,
            observers: Default::default(),
        }
    }
}

/// Whether a statement only reads: reads run on a connection of the pool,
/// beside the writer; anything else is a change and goes through it.
fn only_reads(sql: &str) -> bool {
    let start = sql.trim_start();
    start
        .get(..6)
        .is_some_and(|word| word.eq_ignore_ascii_case("SELECT"))
}

/// The observers of one store, held weakly: an observer that is dropped
/// (a server stopped) is simply no longer told.
#[derive(Default)]
pub(crate) struct Observers(RwLock<Vec<Weak<dyn crate::CommitObserver>>>);

impl std::fmt::Debug for Observers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Observers")
    }
}

impl Observers {
    pub(crate) fn add(&self, observer: Weak<dyn crate::CommitObserver>) {
        let mut all = self.0.write().unwrap_or_else(|e| e.into_inner());
        all.retain(|o| o.strong_count() > 0);
        all.push(observer);
    }

    /// Called after a commit, before the caller learns of it: an observer's
    /// cache is up to date by the time the change is answered.
    pub(crate) fn tell(&self, entries: &[LogEntry]) {
        if entries.is_empty() {
            return;
        }
        let all = self.0.read().unwrap_or_else(|e| e.into_inner());
        for observer in all.iter().filter_map(Weak::upgrade) {
            observer.committed(entries);
        }
    }
}

/// The table a purpose (`table.column`) names, for errors.
fn table_of(purpose: &str) -> &str {
    purpose.split('.').next().unwrap_or(purpose)
}

// Sealing for a capability's own columns; `purpose` is `table.column`
// (list the column in `crate::sealing::SEALED_COLUMNS` so that rotation
// re-seals it). A value that does not open is `Corrupt`, naming the
// table, the row and the key.
impl<D: Driver> SqlStore<D> {
    /// Seals `plain` for the column `purpose` (`table.column`).
    pub(crate) fn seal_str(&self, purpose: &str, plain: &str) -> StoreResult<String> {
        self.keys
            .seal_str(purpose, table_of(purpose), &"(new)", plain)
    }

    /// Opens a value sealed for `purpose`; `key` names the row for the error.
    pub(crate) fn open_str(
        &self,
        purpose: &str,
        key: impl std::fmt::Display,
        sealed: &str,
    ) -> StoreResult<String> {
        self.keys.open_str(purpose, table_of(purpose), &key, sealed)
    }

    pub(crate) fn seal_bytes(&self, purpose: &str, plain: &[u8]) -> StoreResult<Vec<u8>> {
        self.keys
            .seal_bytes(purpose, table_of(purpose), &"(new)", plain)
    }

    pub(crate) fn open_bytes(
        &self,
        purpose: &str,
        key: impl std::fmt::Display,
        sealed: &[u8],
    ) -> StoreResult<Vec<u8>> {
        self.keys
            .open_bytes(purpose, table_of(purpose), &key, sealed)
    }
}

/// A single statement's missing row, as the driver would report it.
fn no_row() -> StoreError {
    StoreError::Database(sqlx::Error::RowNotFound)
}

// Statements outside a transaction: a read runs on a connection of the
// pool; a change is a change of one statement, through the writer.
impl<D: Driver> SqlStore<D> {
    pub(crate) async fn execute(&self, sql: &str, params: &[Param<'_>]) -> StoreResult<u64> {
        if only_reads(sql) {
            let mut conn = self.db.acquire().await?;
            return D::execute(&mut *conn, sql, params).await;
        }
        let mut tx = self.begin().await?;
        let changed = tx.execute(sql, params).await?;
        tx.commit().await?;
        Ok(changed)
    }

    pub(crate) async fn fetch_one<R: Decode>(
        &self,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<R> {
        self.fetch_optional(sql, params).await?.ok_or_else(no_row)
    }

    pub(crate) async fn fetch_optional<R: Decode>(
        &self,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Option<R>> {
        if only_reads(sql) {
            let mut conn = self.db.acquire().await?;
            return D::fetch_optional(&mut *conn, sql, params).await;
        }
        let mut tx = self.begin().await?;
        let row = tx.fetch_optional(sql, params).await?;
        tx.commit().await?;
        Ok(row)
    }

    pub(crate) async fn fetch_all<R: Decode>(
        &self,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Vec<R>> {
        if only_reads(sql) {
            let mut conn = self.db.acquire().await?;
            return D::fetch_all(&mut *conn, sql, params).await;
        }
        let mut tx = self.begin().await?;
        let rows = tx.fetch_all(sql, params).await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Runs a maintenance statement that cannot run inside a transaction
    /// (`VACUUM`, a checkpoint) on a connection of its own, beside the writer.
    pub(crate) async fn maintenance(&self, sql: &str) -> StoreResult<()> {
        let mut conn = self.db.acquire().await?;
        D::execute(&mut *conn, sql, &[]).await?;
        Ok(())
    }

    /// Starts a change: its turn with the writer, inside a savepoint of the
    /// current batch (`writer.rs`).
    pub(crate) async fn begin(&self) -> StoreResult<Tx<D>> {
        Ok(Tx {
            lease: self.writer.lease().await?,
            keys: self.keys.clone(),
            observers: self.observers.clone(),
            appended: Vec::new(),
        })
    }
}

/// A change: dropped without commit, it rolls back (to its savepoint; the
/// other changes of its batch stay).
pub(crate) struct Tx<D: Driver> {
    lease: Lease<D>,
    /// The store's keys, to seal what the transaction writes.
    pub(crate) keys: Arc<Keys>,
    observers: Arc<Observers>,
    /// The log entries appended so far, for the observers once committed.
    pub(crate) appended: Vec<LogEntry>,
}

impl<D: Driver> Tx<D> {
    /// The connection the change's statements run on.
    pub(crate) async fn conn(&mut self) -> StoreResult<&mut D::Connection> {
        self.lease.conn().await
    }

    /// Numbers the change's log entries in its batch (`writer.rs`).
    pub(crate) async fn number_log_rows(
        &mut self,
        drafts: &[pocdir_domain::log::entry::LogDraft],
    ) -> StoreResult<Vec<NewLogRow>> {
        self.lease.number(drafts).await
    }

    /// Defers the change's log rows to its batch's commit (`writer.rs`):
    /// one insert for all the batch's entries instead of one per change.
    pub(crate) fn defer_log_rows(&mut self, rows: Vec<NewLogRow>) {
        self.appended
            .extend(rows.iter().map(|row| row.entry.clone()));
        self.lease.log_rows.extend(rows);
    }

    pub(crate) async fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<u64> {
        D::execute(self.conn().await?, sql, params).await
    }

    pub(crate) async fn fetch_one<R: Decode>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<R> {
        self.fetch_optional(sql, params).await?.ok_or_else(no_row)
    }

    pub(crate) async fn fetch_optional<R: Decode>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Option<R>> {
        D::fetch_optional(self.conn().await?, sql, params).await
    }

    pub(crate) async fn fetch_all<R: Decode>(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
    ) -> StoreResult<Vec<R>> {
        D::fetch_all(self.conn().await?, sql, params).await
    }

    /// Keeps the change; returns once it is durable (its batch committed).
    pub(crate) async fn commit(self) -> StoreResult<()> {
        self.lease.commit().await?;
        self.observers.tell(&self.appended);
        Ok(())
    }

    pub(crate) async fn rollback(self) -> StoreResult<()> {
        self.lease.rollback();
        Ok(())
    }
}

#[async_trait]
impl<D: Driver> crate::Store for SqlStore<D> {
    fn backend(&self) -> Backend {
        D::BACKEND
    }

    async fn ping(&self) -> StoreResult<()> {
        self.execute("SELECT 1", &[]).await?;
        Ok(())
    }

    fn observe_commits(&self, observer: Weak<dyn crate::CommitObserver>) {
        self.observers.add(observer);
    }
}
