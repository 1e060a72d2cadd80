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

use super::{Driver, NewLogRow};
use crate::{StoreError, StoreResult};
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

/// How long a change waits for its turn before giving up: long enough for
/// the largest single change (a ping test over 100,000 PoCs), short enough
/// to end a change that waits for itself.
pub(crate) const LEASE_WAIT: Duration = Duration::from_secs(60);

type Grant<D> = oneshot::Sender<StoreResult<Lease<D>>>;
/// The batch's outcome, told to each change that committed: the error is
/// a message because every change of the batch receives it.
type Durable = oneshot::Sender<Result<(), String>>;

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
    requests: mpsc::UnboundedSender<Grant<D>>,
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
        self.requests.send(grant).map_err(|_| writer_gone())?;
        match tokio::time::timeout(LEASE_WAIT, granted).await {
            Ok(Ok(lease)) => lease,
            Ok(Err(_)) => Err(writer_gone()),
            Err(_) => Err(StoreError::Unavailable(format!(
                "no turn to write within {} s: the store is busy",
                LEASE_WAIT.as_secs()
            ))),
        }
    }
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
            Ok(Err(message)) => Err(StoreError::Unavailable(format!(
                "the change was not saved: {message}"
            ))),
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

async fn run<D: Driver>(db: D, mut requests: mpsc::UnboundedReceiver<Grant<D>>) {
    while let Some(first) = requests.recv().await {
        if first.is_closed() {
            continue;
        }
        let tx = match db.begin_write().await {
            Ok(tx) => tx,
            Err(error) => {
                let _ = first.send(Err(error));
                continue;
            }
        };
        batch(tx, first, &mut requests).await;
    }
}

/// Serves `first` and whoever asks while the batch runs, then commits.
async fn batch<D: Driver>(
    tx: D::Tx,
    first: Grant<D>,
    requests: &mut mpsc::UnboundedReceiver<Grant<D>>,
) {
    let mut tx = Some(tx);
    let mut log = BatchLog::default();
    let mut rows: Vec<NewLogRow> = Vec::new();
    let mut durable: Vec<Durable> = Vec::new();
    let mut failure: Option<String> = None;
    // Whether a kept change's savepoint is still open.
    let mut open = false;
    let mut served = 0usize;
    let mut next = Some(first);
    while let Some(grant) = next.take() {
        if !grant.is_closed() {
            match serve(&mut tx, &mut log, &mut rows, &mut open, grant).await {
                Ok(Some(kept)) => durable.push(kept),
                Ok(None) => {}
                Err(message) => {
                    failure = Some(message);
                    break;
                }
            }
            served += 1;
        }
        if served < MAX_BATCH {
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
        let _ = waiter.send(outcome.clone());
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
