//! Backups of either backend in one neutral format, and their restore into
//! either backend (a SQLite backup restored into PostgreSQL is how an
//! installation moves, and back).
//!
//! A dump reads every table in one snapshot (a read transaction in WAL
//! mode on SQLite, REPEATABLE READ on PostgreSQL), so the server may keep
//! running. Tables and columns are read from the database's own catalog and
//! ordered by their foreign keys, so a table a later migration adds is
//! backed up without a change here. Sealed columns are copied as they are:
//! their keys live in the secrets folder, which a backup holds only when
//! asked.
//!
//! A restore creates the schema the backup was made with (its migrations,
//! up to its schema version), loads every row in one transaction, checks
//! the counts against the header, and then runs the later migrations, as
//! an upgrade would. It refuses a database that has any table already.

mod file;
mod format;

pub use file::{
    read_backup, restore_file, write_backup, AgeIdentities, AgeRecipient, BackupOptions, Verified,
};
pub use format::{ColumnInfo, Header, SecretInfo, TableInfo, FORMAT_VERSION};

use crate::sql::{ColumnType, Driver, SqlStore, Value};
use crate::StoreError;
use async_trait::async_trait;
use format::{FormatReader, FormatWriter};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};

/// Why a backup or a restore did not happen. Nothing was written then.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("not a pocdir backup")]
    NotABackup,
    #[error("the backup is cut short (truncated): nothing was restored")]
    Truncated,
    #[error("the backup is corrupt ({0}): nothing was restored")]
    Corrupt(String),
    #[error("backup format {0} is newer than this pocdir knows ({FORMAT_VERSION}): restore it with a newer pocdir")]
    UnknownFormat(u32),
    #[error("the backup's schema version {backup} is newer than this pocdir knows ({known}): restore it with the pocdir that made it, or a newer one")]
    NewerSchema { backup: i64, known: i64 },
    #[error("the backup is encrypted: pass the age identity file that decrypts it (--age-identity FILE)")]
    Encrypted,
    #[error("cannot decrypt the backup: {0}")]
    Decrypt(String),
    #[error("invalid age recipient or identity: {0}")]
    Age(String),
    #[error("the target database is not empty (it has {0}): restore needs a new, empty database; nothing was written")]
    NotEmpty(String),
    #[error("after loading, table {table} has {found} rows where the backup has {expected}: nothing was restored")]
    CountMismatch {
        table: String,
        expected: u64,
        found: u64,
    },
    #[error("the target's schema does not match the backup's: {0}")]
    Schema(String),
    #[error("cannot write the backup: {0}")]
    Format(String),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Store(StoreError::Database(e))
    }
}

/// A file of the secrets folder, carried in a backup when asked.
#[derive(Debug, Clone)]
pub struct SecretFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The counts after a restore: per table, the backup's and the database's.
#[derive(Debug, Clone)]
pub struct RestoreReport {
    pub header: Header,
    pub counts: Vec<(String, u64, u64)>,
}

/// Dumping a whole store, in one snapshot.
#[async_trait]
pub trait BackupStore {
    /// Writes every table to `out` in the backup format (`created_at` in
    /// Unix seconds), then the `secrets`; the header it wrote.
    async fn dump(
        &self,
        out: &mut (dyn Write + Send),
        created_at: i64,
        secrets: &[SecretFile],
    ) -> Result<Header, BackupError>;
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Tables in an order that loads: each after those it references (a
/// self-reference aside), ties by name.
fn load_order(tables: &[String], fks: &[(String, String)]) -> Vec<String> {
    let known: BTreeSet<&str> = tables.iter().map(String::as_str).collect();
    let mut needs: BTreeMap<&str, BTreeSet<&str>> =
        known.iter().map(|t| (*t, BTreeSet::new())).collect();
    for (from, to) in fks {
        if from != to && known.contains(to.as_str()) {
            if let Some(set) = needs.get_mut(from.as_str()) {
                set.insert(to.as_str());
            }
        }
    }
    let mut order: Vec<String> = Vec::with_capacity(tables.len());
    while !needs.is_empty() {
        let ready: Vec<&str> = needs
            .iter()
            .filter(|(_, n)| n.is_empty())
            .map(|(t, _)| *t)
            .collect();
        // A cycle (none today): the rest by name; loading would say which key.
        let next = if ready.is_empty() {
            needs.keys().copied().collect()
        } else {
            ready
        };
        for t in &next {
            needs.remove(t);
            order.push((*t).to_string());
        }
        for set in needs.values_mut() {
            for t in &next {
                set.remove(t);
            }
        }
    }
    order
}

async fn tables_of<D: Driver>(conn: &mut D::Connection) -> Result<Vec<String>, BackupError> {
    let rows: Vec<(String,)> = D::fetch_all(conn, D::TABLES_SQL, &[]).await?;
    Ok(rows.into_iter().map(|(t,)| t).collect())
}

async fn columns_of<D: Driver>(
    conn: &mut D::Connection,
    table: &str,
) -> Result<Vec<ColumnInfo>, BackupError> {
    let rows: Vec<(String, String)> = D::fetch_all(conn, D::COLUMNS_SQL, &[table.into()]).await?;
    rows.into_iter()
        .map(|(name, declared)| {
            let ty = ColumnType::from_declared(&declared).ok_or_else(|| {
                BackupError::Schema(format!(
                    "column {table}.{name} has a type backups do not know: {declared}"
                ))
            })?;
            Ok(ColumnInfo { name, ty })
        })
        .collect()
}

async fn count<D: Driver>(conn: &mut D::Connection, table: &str) -> Result<u64, BackupError> {
    let (n,): (i64,) =
        D::fetch_optional(conn, &format!("SELECT COUNT(*) FROM {}", quote(table)), &[])
            .await?
            .unwrap_or((0,));
    Ok(u64::try_from(n).unwrap_or(0))
}

fn backend_name<D: Driver>() -> &'static str {
    match D::BACKEND {
        crate::Backend::Sqlite => "sqlite",
        crate::Backend::Postgres => "postgres",
    }
}

#[async_trait]
impl<D: Driver> BackupStore for SqlStore<D> {
    async fn dump(
        &self,
        out: &mut (dyn Write + Send),
        created_at: i64,
        secrets: &[SecretFile],
    ) -> Result<Header, BackupError> {
        let mut tx = self.db.begin_snapshot().await?;
        let conn = &mut *tx;
        let (schema_version,): (Option<i64>,) = D::fetch_optional(
            conn,
            "SELECT MAX(version) FROM _sqlx_migrations WHERE success",
            &[],
        )
        .await?
        .unwrap_or((None,));
        let names = tables_of::<D>(conn).await?;
        let fks: Vec<(String, String)> = D::fetch_all(conn, D::FOREIGN_KEYS_SQL, &[]).await?;
        let mut tables = Vec::with_capacity(names.len());
        for name in load_order(&names, &fks) {
            let columns = columns_of::<D>(conn, &name).await?;
            let rows = count::<D>(conn, &name).await?;
            tables.push(TableInfo {
                name,
                columns,
                rows,
            });
        }
        let header = Header {
            format: FORMAT_VERSION,
            schema_version: schema_version.unwrap_or(0),
            backend: backend_name::<D>().to_string(),
            created_at,
            tables,
            secrets: secrets
                .iter()
                .map(|s| SecretInfo {
                    name: s.name.clone(),
                    size: s.bytes.len() as u64,
                })
                .collect(),
        };
        let mut w = FormatWriter::start(&mut *out, &header)?;
        for table in &header.tables {
            let cols: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
            // By the first column (the key, in every table of ours), so that
            // a row referring to an earlier row of its table loads after it.
            let sql = format!(
                "SELECT {} FROM {} ORDER BY 1",
                cols.join(", "),
                quote(&table.name)
            );
            let mut written = 0u64;
            let mut failed: Option<BackupError> = None;
            let mut sink = |row: Vec<Value>| {
                written += 1;
                w.row(&row).map_err(|e| {
                    let message = e.to_string();
                    failed = Some(e);
                    StoreError::Corrupt(message)
                })
            };
            let streamed = D::stream_rows(conn, &sql, &table.types(), &mut sink).await;
            if let Some(e) = failed {
                return Err(e);
            }
            streamed?;
            if written != table.rows {
                // Cannot happen in a snapshot; a backup that lied would.
                return Err(BackupError::Format(format!(
                    "table {} gave {written} rows, counted {}",
                    table.name, table.rows
                )));
            }
        }
        for s in secrets {
            w.secret(&s.bytes)?;
        }
        w.finish()?;
        D::rollback(tx).await?;
        Ok(header)
    }
}

/// Rows read before they are inserted.
const BATCH: usize = 10_000;

async fn insert_rows<D: Driver>(
    conn: &mut D::Connection,
    table: &TableInfo,
    rows: &[Vec<Value>],
) -> Result<(), BackupError> {
    if rows.is_empty() {
        return Ok(());
    }
    let width = table.columns.len();
    if let Some(row) = rows.iter().find(|r| r.len() != width) {
        return Err(BackupError::Corrupt(format!(
            "a row of {} has {} values",
            table.name,
            row.len()
        )));
    }
    let cols: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
    D::insert_rows(conn, &quote(&table.name), &cols, &table.types(), rows).await?;
    Ok(())
}

/// Loads a verified backup into the empty database at `url`, on `D`.
async fn load<D: Driver, R: Read + Send>(
    url: &str,
    mut reader: FormatReader<R>,
    header: Header,
) -> Result<RestoreReport, BackupError> {
    if header.schema_version > D::latest_migration() {
        return Err(BackupError::NewerSchema {
            backup: header.schema_version,
            known: D::latest_migration(),
        });
    }
    let db = D::connect(url).await?;
    {
        let mut conn = db.acquire().await?;
        let existing = tables_of::<D>(&mut *conn).await?;
        if !existing.is_empty() {
            let mut named: Vec<&str> = existing.iter().take(5).map(String::as_str).collect();
            if existing.len() > named.len() {
                named.push("…");
            }
            return Err(BackupError::NotEmpty(format!(
                "{} tables: {}",
                existing.len(),
                named.join(", ")
            )));
        }
    }
    db.migrate(Some(header.schema_version)).await?;

    let mut tx = db.begin().await?;
    // Tables the migrations filled (the state singletons) are emptied and
    // loaded last, after the tables whose triggers update them.
    let mut seeded = BTreeSet::new();
    for table in &header.tables {
        let target: BTreeSet<String> = columns_of::<D>(&mut *tx, &table.name)
            .await?
            .into_iter()
            .map(|c| c.name)
            .collect();
        if target.is_empty() {
            return Err(BackupError::Schema(format!(
                "no table {} at schema version {}",
                table.name, header.schema_version
            )));
        }
        if let Some(c) = table.columns.iter().find(|c| !target.contains(&c.name)) {
            return Err(BackupError::Schema(format!(
                "no column {}.{} at schema version {}",
                table.name, c.name, header.schema_version
            )));
        }
        if count::<D>(&mut *tx, &table.name).await? > 0 {
            seeded.insert(table.name.clone());
        }
    }
    let mut later: Vec<(&TableInfo, Vec<Vec<Value>>)> = Vec::new();
    for table in &header.tables {
        let types = table.types();
        let size = BATCH;
        let keep = seeded.contains(&table.name);
        let mut batch = Vec::with_capacity(size.min(table.rows as usize));
        for _ in 0..table.rows {
            batch.push(reader.row(&types)?);
            if !keep && batch.len() >= size {
                insert_rows::<D>(&mut *tx, table, &batch).await?;
                batch.clear();
            }
        }
        if keep {
            later.push((table, batch));
        } else {
            insert_rows::<D>(&mut *tx, table, &batch).await?;
        }
    }
    for (table, rows) in &later {
        D::execute(
            &mut *tx,
            &format!("DELETE FROM {}", quote(&table.name)),
            &[],
        )
        .await?;
        insert_rows::<D>(&mut *tx, table, rows).await?;
    }
    for s in &header.secrets {
        reader.secret(s.size)?;
    }
    // The whole file once more: what was loaded is what was verified.
    reader.finish()?;
    D::after_load(&mut *tx).await?;
    let mut counts = Vec::with_capacity(header.tables.len());
    for table in &header.tables {
        let found = count::<D>(&mut *tx, &table.name).await?;
        if found != table.rows {
            return Err(BackupError::CountMismatch {
                table: table.name.clone(),
                expected: table.rows,
                found,
            });
        }
        counts.push((table.name.clone(), table.rows, found));
    }
    D::commit(tx).await?;
    // Then the migrations this binary has beyond the backup's, as at any start.
    db.migrate(None).await?;
    Ok(RestoreReport { header, counts })
}

/// The highest schema version this binary knows for the database at `url`.
pub fn known_schema_version(url: &str) -> Result<i64, BackupError> {
    match crate::backend_of(url)? {
        crate::Backend::Sqlite => Ok(crate::sqlite::SqliteDb::latest_migration()),
        crate::Backend::Postgres => Ok(crate::postgres::PostgresDb::latest_migration()),
    }
}

/// Loads the backup read by `reader` (checked by [`read_backup`] first)
/// into the empty database at `url`, in one transaction.
pub async fn restore<R: Read + Send>(url: &str, reader: R) -> Result<RestoreReport, BackupError> {
    let (reader, header) = FormatReader::start(reader)?;
    match crate::backend_of(url)? {
        crate::Backend::Sqlite => load::<crate::sqlite::SqliteDb, R>(url, reader, header).await,
        crate::Backend::Postgres => {
            load::<crate::postgres::PostgresDb, R>(url, reader, header).await
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn referenced_tables_come_first() {
        let tables: Vec<String> = ["c", "b", "a", "d"].iter().map(|s| s.to_string()).collect();
        let fks = vec![
            ("c".to_string(), "b".to_string()),
            ("b".to_string(), "a".to_string()),
            ("c".to_string(), "c".to_string()),
        ];
        assert_eq!(load_order(&tables, &fks), vec!["a", "d", "b", "c"]);
    }
}
