//! Bulk reads of the log on SQLite through `rusqlite`, on the calling
//! (blocking) thread: `pocdir log verify` and `pocdir log export` read every
//! entry, and sqlx's SQLite driver reads rows several times slower than
//! SQLite itself (`pocdir-bench log --parts driver` measures both). Only
//! this read goes through it; everything else, and every write, stays on
//! sqlx. Both link the same `libsqlite3-sys`.

use crate::log::{StoredLogEntry, ENTRIES};
use crate::{StoreError, StoreResult};
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::merkle::Hash;
use rusqlite::{Connection, OpenFlags};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

/// Read-only connections to one database file, opened when first needed
/// and kept for the next read.
pub(crate) struct BulkReader {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl std::fmt::Debug for BulkReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkReader")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

fn driver_error(e: rusqlite::Error) -> StoreError {
    StoreError::Driver(e.to_string())
}

impl BulkReader {
    pub(crate) fn new(path: PathBuf) -> Self {
        BulkReader {
            path,
            idle: Mutex::new(Vec::new()),
        }
    }

    fn connection(&self) -> StoreResult<Connection> {
        if let Some(conn) = self.idle.lock().ok().and_then(|mut idle| idle.pop()) {
            return Ok(conn);
        }
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(driver_error)?;
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(driver_error)?;
        Ok(conn)
    }

    /// Entries with `start <= idx < end`, in order (the same statement as
    /// the sqlx path, decoded by hand).
    pub(crate) fn log_entries(&self, start: i64, end: i64) -> StoreResult<Vec<StoredLogEntry>> {
        let conn = self.connection()?;
        let read = read_entries(&conn, start, end);
        // A connection that failed is dropped rather than kept.
        if read.is_ok() {
            if let Ok(mut idle) = self.idle.lock() {
                idle.push(conn);
            }
        }
        read
    }
}

fn read_entries(conn: &Connection, start: i64, end: i64) -> StoreResult<Vec<StoredLogEntry>> {
    let mut stmt = conn.prepare_cached(ENTRIES).map_err(driver_error)?;
    let capacity = usize::try_from(end.saturating_sub(start).clamp(0, 100_000)).unwrap_or(0);
    let mut out = Vec::with_capacity(capacity);
    let mut rows = stmt.query([start, end]).map_err(driver_error)?;
    while let Some(row) = rows.next().map_err(driver_error)? {
        let idx: i64 = row.get(0).map_err(driver_error)?;
        let index =
            u64::try_from(idx).map_err(|_| StoreError::Corrupt(format!("log index {idx}")))?;
        let entry = LogEntry {
            index,
            at: row.get(1).map_err(driver_error)?,
            actor_account_id: row.get(2).map_err(driver_error)?,
            actor_kind: row.get(3).map_err(driver_error)?,
            actor_participant: row.get(4).map_err(driver_error)?,
            action: row.get(5).map_err(driver_error)?,
            object: row.get(6).map_err(driver_error)?,
            participant: row.get(7).map_err(driver_error)?,
            content_hash: row.get(8).map_err(driver_error)?,
        };
        let leaf = row.get_ref(9).map_err(driver_error)?;
        let leaf_hash = leaf
            .as_blob()
            .ok()
            .and_then(|b| Hash::try_from(b).ok())
            .ok_or_else(|| StoreError::Corrupt(format!("leaf hash of entry {index}")))?;
        out.push(StoredLogEntry { entry, leaf_hash });
    }
    Ok(out)
}
