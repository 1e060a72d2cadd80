//! `pocdir-bench log --parts driver`: the two SQLite drivers on the same
//! database file, for the log's hot paths: reading every entry (what `log
//! verify` and `log export` do) and appending entries in transactions of
//! `--fill-batch` (what group commit does). sqlx is what the store uses
//! for everything; rusqlite is what it uses for the bulk read, on these
//! numbers. Both link the same libsqlite3-sys, so the SQLite is the same.

use anyhow::{bail, Context, Result};
use pocdir_domain::log::entry::{LogDraft, LogEntry};
use pocdir_domain::log::merkle::Hash;
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};
use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

/// The columns `log verify` reads, as the store reads them.
const ENTRIES: &str = "SELECT idx, at, actor_account_id, actor_kind, actor_participant, action, \
     object, participant, content_hash, leaf_hash FROM log_entries \
     WHERE idx >= $1 AND idx < $2 ORDER BY idx";
const BUMP: &str =
    "UPDATE log_state SET next_index = next_index + $1 WHERE id = 1 RETURNING next_index";
const INSERT: &str = "INSERT INTO log_entries (idx, at, actor_account_id, actor_kind, \
     actor_participant, action, object, participant, content_hash, leaf_hash) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
/// Rows per read, as `log verify` reads.
const CHUNK: i64 = 20_000;

#[derive(Debug, Serialize)]
pub struct DriverReport {
    pub entries: u64,
    pub entries_per_transaction: usize,
    /// Appends through sqlx (one prepared INSERT per entry, as the store).
    pub sqlx_append_per_second: f64,
    /// Appends through rusqlite, the same statements.
    pub rusqlite_append_per_second: f64,
    /// Every entry read through sqlx, decoded into `LogEntry` + leaf hash.
    pub sqlx_read_rows_per_second: f64,
    /// The same through rusqlite.
    pub rusqlite_read_rows_per_second: f64,
    /// Through the store's `log_entries` (what `log verify` calls).
    pub store_read_rows_per_second: f64,
}

type Row = (
    i64,
    i64,
    Option<i64>,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
    Vec<u8>,
);

fn entry_of(r: Row) -> Result<(LogEntry, Hash)> {
    let leaf = Hash::try_from(r.9.as_slice()).context("leaf hash")?;
    Ok((
        LogEntry {
            index: u64::try_from(r.0)?,
            at: r.1,
            actor_account_id: r.2,
            actor_kind: r.3,
            actor_participant: r.4,
            action: r.5,
            object: r.6,
            participant: r.7,
            content_hash: r.8,
        },
        leaf,
    ))
}

fn rate(n: u64, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

/// Numbered entries with their leaf hashes, as the store would insert them.
fn numbered(drafts: Vec<LogDraft>, first: u64) -> Vec<(LogEntry, Hash)> {
    drafts
        .into_iter()
        .zip(first..)
        .map(|(d, i)| {
            let e = d.at_index(i);
            let h = e.leaf_hash();
            (e, h)
        })
        .collect()
}

async fn sqlx_append(conn: &mut sqlx::SqliteConnection, rows: &[(LogEntry, Hash)]) -> Result<()> {
    let mut tx = conn.begin().await?;
    let (next,): (i64,) = sqlx::query_as(BUMP)
        .bind(i64::try_from(rows.len())?)
        .fetch_one(&mut *tx)
        .await?;
    let first = next - i64::try_from(rows.len())?;
    for (k, (e, h)) in rows.iter().enumerate() {
        sqlx::query(INSERT)
            .bind(first + i64::try_from(k)?)
            .bind(e.at)
            .bind(e.actor_account_id)
            .bind(&e.actor_kind)
            .bind(&e.actor_participant)
            .bind(&e.action)
            .bind(&e.object)
            .bind(&e.participant)
            .bind(&e.content_hash)
            .bind(h.as_slice())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

fn rusqlite_append(conn: &mut rusqlite::Connection, rows: &[(LogEntry, Hash)]) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    {
        let next: i64 = tx
            .prepare_cached(BUMP)?
            .query_row([i64::try_from(rows.len())?], |r| r.get(0))?;
        let first = next - i64::try_from(rows.len())?;
        let mut insert = tx.prepare_cached(INSERT)?;
        for (k, (e, h)) in rows.iter().enumerate() {
            insert.execute(rusqlite::params![
                first + i64::try_from(k)?,
                e.at,
                e.actor_account_id,
                e.actor_kind,
                e.actor_participant,
                e.action,
                e.object,
                e.participant,
                e.content_hash,
                h.as_slice(),
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

fn rusqlite_read(path: &Path, n: u64) -> Result<u64> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut stmt = conn.prepare_cached(ENTRIES)?;
    let mut read = 0u64;
    let mut start = 0i64;
    while read < n {
        let mut chunk = Vec::new();
        let mut rows = stmt.query([start, start + CHUNK])?;
        while let Some(r) = rows.next()? {
            let row: Row = (
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
            );
            chunk.push(entry_of(row)?);
        }
        if chunk.is_empty() {
            break;
        }
        read += chunk.len() as u64;
        start += CHUNK;
        std::hint::black_box(chunk);
    }
    Ok(read)
}

/// Fills `path` (a fresh store's database) with `2 × n` entries, half
/// through each driver, then reads them all through each.
pub async fn run(
    store: &dyn pocdir_store::Store,
    url: &str,
    path: &Path,
    n: u64,
    batch: usize,
    drafts: impl Fn(u64, u64) -> Vec<LogDraft>,
) -> Result<DriverReport> {
    let options = SqliteConnectOptions::from_str(url)?
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5));
    let mut sqlx_conn = options.connect().await?;
    let b = batch as u64;

    eprintln!("driver: {n} appends through sqlx, {batch} per transaction …");
    let mut in_tx = Duration::ZERO;
    let mut done = 0u64;
    while done < n {
        let count = b.min(n - done);
        let rows = numbered(drafts(done, count), done);
        let t = Instant::now();
        sqlx_append(&mut sqlx_conn, &rows).await?;
        in_tx += t.elapsed();
        done += count;
    }
    let sqlx_append_per_second = rate(n, in_tx);

    eprintln!("driver: {n} appends through rusqlite …");
    let owned = path.to_path_buf();
    let gen: Vec<Vec<(LogEntry, Hash)>> = {
        let mut v = Vec::new();
        let mut at = n;
        while at < 2 * n {
            let count = b.min(2 * n - at);
            v.push(numbered(drafts(at, count), at));
            at += count;
        }
        v
    };
    let rusqlite_in_tx = tokio::task::spawn_blocking(move || -> Result<Duration> {
        let mut conn = rusqlite::Connection::open(&owned)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let mut total = Duration::ZERO;
        for rows in &gen {
            let t = Instant::now();
            rusqlite_append(&mut conn, rows)?;
            total += t.elapsed();
        }
        Ok(total)
    })
    .await??;
    let rusqlite_append_per_second = rate(n, rusqlite_in_tx);
    let total = 2 * n;
    if store.log_size().await? != total {
        bail!("driver: the log should hold {total} entries");
    }

    eprintln!("driver: reading {total} entries through sqlx …");
    let t = Instant::now();
    let mut read = 0u64;
    let mut start = 0i64;
    loop {
        let rows: Vec<Row> = sqlx::query_as(ENTRIES)
            .bind(start)
            .bind(start + CHUNK)
            .fetch_all(&mut sqlx_conn)
            .await?;
        if rows.is_empty() {
            break;
        }
        let chunk = rows.into_iter().map(entry_of).collect::<Result<Vec<_>>>()?;
        read += chunk.len() as u64;
        start += CHUNK;
        std::hint::black_box(chunk);
    }
    let sqlx_read = t.elapsed();
    if read != total {
        bail!("driver: sqlx read {read} entries of {total}");
    }
    drop(sqlx_conn);

    eprintln!("driver: reading {total} entries through rusqlite …");
    let owned = path.to_path_buf();
    let t = Instant::now();
    let read = tokio::task::spawn_blocking(move || rusqlite_read(&owned, total)).await??;
    let rusqlite_read_time = t.elapsed();
    if read != total {
        bail!("driver: rusqlite read {read} entries of {total}");
    }

    eprintln!("driver: reading {total} entries through the store …");
    let t = Instant::now();
    let mut read = 0u64;
    while read < total {
        let chunk = store.log_entries(read, read + CHUNK as u64).await?;
        if chunk.is_empty() {
            break;
        }
        read += chunk.len() as u64;
    }
    let store_read = t.elapsed();

    Ok(DriverReport {
        entries: total,
        entries_per_transaction: batch,
        sqlx_append_per_second,
        rusqlite_append_per_second,
        sqlx_read_rows_per_second: rate(total, sqlx_read),
        rusqlite_read_rows_per_second: rate(total, rusqlite_read_time),
        store_read_rows_per_second: rate(read, store_read),
    })
}
