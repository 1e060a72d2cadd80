//! Group commit: every change goes through one writer per store, and the
//! changes waiting at the same moment share one database transaction and
//! one durable commit.
//!
//! A commit costs a round trip and, on PostgreSQL (and SQLite with
//! `synchronous=FULL`), a flush to disk; the log's counter row is held from
//! a change's log entry to its commit, so concurrent changes queue behind
//! it anyway. Sharing the commit is what lets thousands of small logged
//! changes a second through.
//!
//! Each change still has its own all-or-nothing outcome: it runs inside a
//! savepoint of the batch's transaction, and a change that fails, is rolled
//! back or is dropped half-way is rolled back to its savepoint alone. A
//! change that its code committed is acknowledged only once the whole batch
//! is durable; if that final commit fails, every change of the batch gets
//! the error, and none of them happened.
//!
//! The writer hands the batch's connection to one change at a time (a
//! [`Lease`]), in the order they asked, and takes it back when the change
//! commits, rolls back or is dropped. A change must not wait for another
//! change while it holds its lease (it would wait for itself): asking for a
//! second lease gives up after [`LEASE_WAIT`].
//!
//! A change that is nothing but log entries (a read of a PoC's details
//! recorded, an access refused) takes no lease: [`Writer::append`] hands
//! the entries to the writer, which numbers them in the batch itself. That
//! spares two hand-offs between tasks per entry, which on a small machine
//! cost more than the entry's share of the commit.

use super::{Driver, NewLogRow};
use crate::{StoreError, StoreResult};
use pocdir_domain::log::entry::{LogDraft, LogEntry};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// Opens the savepoint of the batch's first change (or the first after one
/// that was undone).
const SAVEPOINT: &str = "SAVEPOINT change";
/// Keeps the previous change and opens the next one's savepoint, in one
/// round trip: only one savepoint is ever open.
const KEEP_AND_NEXT: &str = "RELEASE SAVEPOINT change; SAVEPOINT change";
/// Undoes a change that failed, was rolled back or dropped; the batch's
/// earlier changes stay.
const UNDO: &str = "ROLLBACK TO SAVEPOINT change; RELEASE SAVEPOINT change";

/// Changes per batch at most. PostgreSQL tracks up to 64 subtransactions
/// per transaction in shared memory; past that every snapshot gets slower.
const MAX_BATCH: usize = 64;
/// Requests per batch at most, appends included (they open no
/// savepoint): bounds how long the first of them waits for the commit.
const MAX_REQUESTS: usize = 512;

/// How long a change waits for its turn before giving up: long enough for
/// the largest single change (a ping test over 100,000 PoCs), short enough
/// to end a change that waits for itself.
pub(crate) const LEASE_WAIT: Duration = Duration::from_secs(60);

type Grant<D> = oneshot::Sender<StoreResult<Lease<D>>>;
/// The batch's outcome, told to each change that committed: the error is
/// a message because every change of the batch receives it.
type Durable = oneshot::Sender<Result<(), String>>;
/// An append's outcome: its entries, numbered, once they are durable.
type Appended = oneshot::Sender<StoreResult<Vec<LogEntry>>>;

/// What the writer is asked for.
enum Request<D: Driver> {
    /// A turn with the batch's connection.
    Lease(Grant<D>),
    /// Log entries and nothing else, numbered by the writer.
    Append(Vec<LogDraft>, Appended),
}

impl<D: Driver> Request<D> {
    /// Whether the asker stopped waiting (nothing to do for it then).
    fn is_closed(&self) -> bool {
        match self {
            Request::Lease(grant) => grant.is_closed(),
            Request::Append(_, appended) => appended.is_closed(),
        }
    }
}

/// Who waits for the batch's commit.
enum Waiter {
    Change(Durable),
    Append(Appended, Vec<LogEntry>),
}

impl Waiter {
    fn tell(self, outcome: &Result<(), String>) {
        match self {
            Waiter::Change(durable) => {
                let _ = durable.send(outcome.clone());
            }
            Waiter::Append(appended, entries) => {
                let _ = appended.send(match outcome {
                    Ok(()) => Ok(entries),
                    Err(message) => Err(not_saved(message)),
                });
            }
        }
    }
}

fn not_saved(message: &str) -> StoreError {
    StoreError::Unavailable(format!("the change was not saved: {message}"))
}

/// The log's counter as the batch sees it. The first change of a batch that
/// appends to the log bumps the counter row, which then stays locked (the
/// row on PostgreSQL, the database on SQLite) until the batch commits: the
/// batch's later appends count in memory, and the row is written once,
/// before the commit.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BatchLog {
    /// The next index, once a change of the batch has appended.
    pub(crate) next: Option<i64>,
    /// The value the counter row holds in the batch's transaction.
    pub(crate) stored: Option<i64>,
}

/// Writes the batch's counter, when its appends moved past the row's value.
const SET_COUNTER: &str = "UPDATE log_state SET next_index = $1 WHERE id = 1";
/// Hands out `$1` numbers: the counter's new value comes back.
const BUMP_COUNTER: &str =
    "UPDATE log_state SET next_index = next_index + $1 WHERE id = 1 RETURNING next_index";

fn corrupt_counter(what: String) -> StoreError {
    StoreError::Corrupt(what)
}

/// Bumps the counter row by `count` in the batch's transaction (which then
/// holds it until the batch commits); its new value.
async fn bump<D: Driver>(conn: &mut D::Connection, count: i64) -> StoreResult<i64> {
    let bumped: Option<(i64,)> = D::fetch_optional(conn, BUMP_COUNTER, &[count.into()]).await?;
    let (bumped,) = bumped.ok_or_else(|| corrupt_counter("the log_state row is missing".into()))?;
    Ok(bumped)
}

/// The number of entries to append, as the counter's increment.
fn entry_count(count: usize) -> StoreResult<i64> {
    i64::try_from(count).map_err(|_| corrupt_counter(format!("{count} log entries at once")))
}

impl BatchLog {
    /// Whether the batch has bumped the counter row already: if not, the
    /// next append must ([`bump`]) before [`BatchLog::number`].
    pub(crate) fn counted(&self) -> bool {
        self.next.is_some()
    }

    /// Numbers `drafts` after the batch's earlier appends; `bumped` is the
    /// counter's value after the batch's first bump, which made room for
    /// them.
    pub(crate) fn number(
        &mut self,
        bumped: Option<i64>,
        drafts: &[LogDraft],
    ) -> StoreResult<Vec<NewLogRow>> {
        let count = entry_count(drafts.len())?;
        let next = match (self.next, bumped) {
            (Some(next), _) => next
                .checked_add(count)
                .ok_or_else(|| corrupt_counter(format!("log counter {next} overflows")))?,
            (None, Some(bumped)) => {
                self.stored = Some(bumped);
                bumped
            }
            (None, None) => {
                return Err(corrupt_counter(
                    "log entries numbered before the counter was bumped".into(),
                ))
            }
        };
        let start = next
            .checked_sub(count)
            .and_then(|start| u64::try_from(start).ok())
            .ok_or_else(|| corrupt_counter(format!("log counter {next} after {count} entries")))?;
        self.next = Some(next);
        drafts
            .iter()
            .zip(start..)
            .map(|(draft, index)| {
                let entry = draft.clone().at_index(index);
                Ok(NewLogRow {
                    idx: i64::try_from(index).map_err(|_| {
                        corrupt_counter(format!("log index {index} does not fit in BIGINT"))
                    })?,
                    leaf_hash: entry.leaf_hash(),
                    entry,
                })
            })
            .collect()
    }
}

/// Numbers `drafts` in the batch whose transaction `conn` is.
async fn number<D: Driver>(
    conn: &mut D::Connection,
    log: &mut BatchLog,
    drafts: &[LogDraft],
) -> StoreResult<Vec<NewLogRow>> {
    let bumped = if log.counted() {
        None
    } else {
        Some(bump::<D>(conn, entry_count(drafts.len())?).await?)
    };
    log.number(bumped, drafts)
}

/// What a change hands back with the connection.
enum Returned<D: Driver> {
    /// The change committed: keep it, and say when the batch is durable.
    Kept {
        tx: D::Tx,
        durable: Durable,
        log: BatchLog,
        rows: Vec<NewLogRow>,
        opened: bool,
    },
    /// The change rolled back, failed or was dropped: undo it.
    Undone { tx: D::Tx, opened: bool },
}

/// The handle to a store's writer; cheap to clone. The writer stops when
/// the last handle is dropped.
pub(crate) struct Writer<D: Driver> {
    requests: mpsc::UnboundedSender<Request<D>>,
}

impl<D: Driver> Clone for Writer<D> {
    fn clone(&self) -> Self {
        Writer {
            requests: self.requests.clone(),
        }
    }
}

impl<D: Driver> std::fmt::Debug for Writer<D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

fn writer_gone() -> StoreError {
    StoreError::Unavailable("the store's writer has stopped".into())
}

impl<D: Driver> Writer<D> {
    /// Starts the writer of `db` (needs a Tokio runtime).
    pub(crate) fn start(db: D) -> Self {
        let (requests, receiver) = mpsc::unbounded_channel();
        tokio::spawn(run(db, receiver));
        Writer { requests }
    }

    /// Waits for this change's turn: the connection, inside a fresh
    /// savepoint of the current batch.
    pub(crate) async fn lease(&self) -> StoreResult<Lease<D>> {
        let (grant, granted) = oneshot::channel();
        self.requests
            .send(Request::Lease(grant))
            .map_err(|_| writer_gone())?;
        match tokio::time::timeout(LEASE_WAIT, granted).await {
            Ok(Ok(lease)) => lease,
            Ok(Err(_)) => Err(writer_gone()),
            Err(_) => Err(busy()),
        }
    }

    /// Appends `drafts` to the log as a change of their own, numbered by
    /// the writer in its current batch; returns them once they are durable.
    pub(crate) async fn append(&self, drafts: Vec<LogDraft>) -> StoreResult<Vec<LogEntry>> {
        let (appended, done) = oneshot::channel();
        self.requests
            .send(Request::Append(drafts, appended))
            .map_err(|_| writer_gone())?;
        match tokio::time::timeout(LEASE_WAIT, done).await {
            Ok(Ok(entries)) => entries,
            Ok(Err(_)) => Err(writer_gone()),
            Err(_) => Err(busy()),
        }
    }
}

fn busy() -> StoreError {
    StoreError::Unavailable(format!(
        "no turn to write within {} s: the store is busy",
        LEASE_WAIT.as_secs()
    ))
}

/// One change's hold on the batch's connection. Dropped without
/// [`Lease::commit`], the change is undone.
pub(crate) struct Lease<D: Driver> {
    tx: Option<D::Tx>,
    /// The change's savepoint, opened by its first statement: a change
    /// that only appends to the log (a read recorded, say) runs none, and
    /// costs its batch no round trip.
    opening: Option<&'static str>,
    opened: bool,
    back: Option<oneshot::Sender<Returned<D>>>,
    /// The batch's log counter, as this change leaves it.
    pub(crate) log: BatchLog,
    /// The change's log entries: the batch inserts all of its changes'
    /// entries in one go, just before it commits (a change that is undone
    /// takes its own with it).
    pub(crate) log_rows: Vec<NewLogRow>,
}

impl<D: Driver> Lease<D> {
    /// Numbers the change's log entries in its batch (the first append of
    /// a batch bumps the counter row, inside this change's savepoint).
    pub(crate) async fn number(&mut self, drafts: &[LogDraft]) -> StoreResult<Vec<NewLogRow>> {
        let bumped = if self.log.counted() {
            None
        } else {
            let count = entry_count(drafts.len())?;
            Some(bump::<D>(self.conn().await?, count).await?)
        };
        self.log.number(bumped, drafts)
    }

    /// The connection the change's statements run on, inside the
    /// change's savepoint.
    pub(crate) async fn conn(&mut self) -> StoreResult<&mut D::Connection> {
        let conn = self.tx.as_deref_mut().ok_or_else(writer_gone)?;
        if let Some(script) = self.opening.take() {
            // Counted as opened even if it failed: the undo then finds out,
            // and a batch whose savepoints are lost fails as a whole.
            self.opened = true;
            D::execute_script(conn, script).await?;
        }
        Ok(conn)
    }

    /// Keeps the change; returns once the batch it belongs to is durable.
    pub(crate) async fn commit(mut self) -> StoreResult<()> {
        let (Some(tx), Some(back)) = (self.tx.take(), self.back.take()) else {
            return Err(writer_gone());
        };
        let (durable, done) = oneshot::channel();
        let log = self.log;
        let rows = std::mem::take(&mut self.log_rows);
        back.send(Returned::Kept {
            tx,
            durable,
            log,
            rows,
            opened: self.opened,
        })
        .map_err(|_| writer_gone())?;
        match done.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(message)) => Err(not_saved(&message)),
            Err(_) => Err(writer_gone()),
        }
    }

    /// Undoes the change (the batch's other changes stay).
    pub(crate) fn rollback(mut self) {
        self.give_back();
    }

    fn give_back(&mut self) {
        if let (Some(tx), Some(back)) = (self.tx.take(), self.back.take()) {
            let _ = back.send(Returned::Undone {
                tx,
                opened: self.opened,
            });
        }
    }
}

impl<D: Driver> Drop for Lease<D> {
    fn drop(&mut self) {
        self.give_back();
    }
}

async fn run<D: Driver>(db: D, mut requests: mpsc::UnboundedReceiver<Request<D>>) {
    while let Some(first) = requests.recv().await {
        if first.is_closed() {
            continue;
        }
        let tx = match db.begin_write().await {
            Ok(tx) => tx,
            Err(error) => {
                match first {
                    Request::Lease(grant) => {
                        let _ = grant.send(Err(error));
                    }
                    Request::Append(_, appended) => {
                        let _ = appended.send(Err(error));
                    }
                }
                continue;
            }
        };
        batch(tx, first, &mut requests).await;
    }
}

/// Serves `first` and whoever asks while the batch runs, then commits.
async fn batch<D: Driver>(
    tx: D::Tx,
    first: Request<D>,
    requests: &mut mpsc::UnboundedReceiver<Request<D>>,
) {
    let mut tx = Some(tx);
    let mut log = BatchLog::default();
    let mut rows: Vec<NewLogRow> = Vec::new();
    let mut durable: Vec<Waiter> = Vec::new();
    let mut failure: Option<String> = None;
    // Whether a kept change's savepoint is still open.
    let mut open = false;
    let mut leases = 0usize;
    let mut served = 0usize;
    let mut next = Some(first);
    while let Some(request) = next.take() {
        if !request.is_closed() {
            let outcome = match request {
                Request::Lease(grant) => {
                    leases += 1;
                    serve(&mut tx, &mut log, &mut rows, &mut open, grant)
                        .await
                        .map(|kept| kept.map(Waiter::Change))
                }
                Request::Append(drafts, appended) => {
                    append::<D>(&mut tx, &mut log, &mut rows, drafts, appended).await
                }
            };
            match outcome {
                Ok(Some(waiter)) => durable.push(waiter),
                Ok(None) => {}
                Err(message) => {
                    failure = Some(message);
                    break;
                }
            }
            served += 1;
        }
        if leases < MAX_BATCH && served < MAX_REQUESTS {
            next = requests.try_recv().ok();
        }
    }
    let outcome = match (failure, tx) {
        (None, Some(tx)) if durable.is_empty() => D::rollback(tx).await.map_err(|e| e.to_string()),
        (None, Some(tx)) => commit::<D>(tx, log, &rows).await.map_err(|e| e.to_string()),
        (Some(message), tx) => {
            if let Some(tx) = tx {
                let _ = D::rollback(tx).await;
            }
            Err(message)
        }
        (None, None) => Err("the batch lost its connection".to_string()),
    };
    if let Err(message) = &outcome {
        tracing::warn!(changes = durable.len(), error = %message, "a batch of changes failed to commit");
    }
    for waiter in durable {
        waiter.tell(&outcome);
    }
}

/// Numbers an append's entries in the batch; they are inserted with the
/// batch's other entries, just before it commits. A failure to number
/// them fails the batch (the counter row's transaction may be unusable).
async fn append<D: Driver>(
    tx: &mut Option<D::Tx>,
    log: &mut BatchLog,
    rows: &mut Vec<NewLogRow>,
    drafts: Vec<LogDraft>,
    appended: Appended,
) -> Result<Option<Waiter>, String> {
    let Some(conn) = tx.as_deref_mut() else {
        let _ = appended.send(Err(writer_gone()));
        return Err("the batch lost its connection".into());
    };
    match number::<D>(conn, log, &drafts).await {
        Ok(numbered) => {
            let entries = numbered.iter().map(|row| row.entry.clone()).collect();
            rows.extend(numbered);
            Ok(Some(Waiter::Append(appended, entries)))
        }
        Err(error) => {
            let message = error.to_string();
            let _ = appended.send(Err(error));
            Err(message)
        }
    }
}

/// Inserts the batch's log entries, writes the log's counter where the
/// batch's appends left it, and commits.
async fn commit<D: Driver>(mut tx: D::Tx, log: BatchLog, rows: &[NewLogRow]) -> StoreResult<()> {
    if !rows.is_empty() {
        D::insert_log_entries(&mut tx, rows).await?;
    }
    if let Some(next) = log.next.filter(|&next| Some(next) != log.stored) {
        let changed = D::execute(&mut tx, SET_COUNTER, &[next.into()]).await?;
        if changed != 1 {
            return Err(StoreError::Corrupt("the log_state row is missing".into()));
        }
    }
    D::commit(tx).await
}

/// Hands the connection to one change and takes it back: `Some` when the
/// change is kept, `None` when it was undone; `Err` when the batch's
/// transaction can no longer be used. `open` says whether a kept change's
/// savepoint is still open, before and after.
async fn serve<D: Driver>(
    tx: &mut Option<D::Tx>,
    log: &mut BatchLog,
    rows: &mut Vec<NewLogRow>,
    open: &mut bool,
    grant: Grant<D>,
) -> Result<Option<Durable>, String> {
    let Some(conn) = tx.take() else {
        let _ = grant.send(Err(writer_gone()));
        return Err("the batch lost its connection".into());
    };
    let (back, returned) = oneshot::channel();
    // A change that stopped waiting drops the lease, which comes back as undone.
    let _ = grant.send(Ok(Lease {
        tx: Some(conn),
        opening: Some(if *open { KEEP_AND_NEXT } else { SAVEPOINT }),
        opened: false,
        back: Some(back),
        log: *log,
        log_rows: Vec::new(),
    }));
    match returned.await {
        Ok(Returned::Kept {
            tx: conn,
            durable,
            log: after,
            rows: kept,
            opened,
        }) => {
            *tx = Some(conn);
            *log = after;
            rows.extend(kept);
            // A change that ran no statement left the savepoints as they were.
            *open |= opened;
            Ok(Some(durable))
        }
        // Nothing to undo in the database: the change ran no statement, and
        // its log rows and counter stay behind with it.
        Ok(Returned::Undone {
            tx: conn,
            opened: false,
        }) => {
            *tx = Some(conn);
            Ok(None)
        }
        // The counter goes back with the rest of the change (`log` is
        // as it was before it).
        Ok(Returned::Undone {
            tx: mut conn,
            opened: true,
        }) => {
            let undone = D::execute_script(&mut conn, UNDO).await;
            *tx = Some(conn);
            *open = false;
            undone.map(|()| None).map_err(|e| e.to_string())
        }
        Err(_) => Err("a change lost the batch's connection".into()),
    }
}
