//! The log as a feed of changes, for the caches an instance keeps (signed-in
//! credentials, the search index).
//!
//! Every change that matters is logged in the same transaction as the
//! change, and entries become visible in index order (the counter row is
//! held until commit). So an instance that reads the entries appended since
//! it last looked learns of every change, whichever instance made it. The
//! instance that makes a change updates its own caches at once; the feed is
//! how the other instances follow, within one poll interval.

use pocdir_domain::log::entry::LogEntry;
use pocdir_store::LogStore;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// Entries read per round trip; a poll reads until it has caught up.
const READ_CHUNK: u64 = 10_000;
/// Batches a slow subscriber may fall behind before it is told it lagged.
const CAPACITY: usize = 256;

/// What a subscriber receives: the entries appended since the last batch,
/// in index order, or word that it fell behind and must start over.
#[derive(Debug, Clone)]
pub enum FeedEvent {
    Entries(Arc<[LogEntry]>),
    /// Entries were missed (the subscriber lagged, or reading failed for a
    /// while): drop everything cached that the log could have changed.
    Resync,
}

/// Tails the log of one store; cheap to clone.
#[derive(Debug, Clone)]
pub struct LogFeed {
    sender: broadcast::Sender<FeedEvent>,
}

impl LogFeed {
    /// Starts tailing at the log's current end, polling every `every`. The
    /// task stops when the last `LogFeed` and subscriber are dropped.
    pub async fn spawn(
        store: Arc<dyn LogStore>,
        every: Duration,
    ) -> Result<Self, pocdir_store::StoreError> {
        let start = store.log_size().await?;
        let (sender, _) = broadcast::channel(CAPACITY);
        let feed = LogFeed {
            sender: sender.clone(),
        };
        let weak = sender.downgrade();
        drop(sender);
        tokio::spawn(tail(store, weak, start, every));
        Ok(feed)
    }

    /// Receives every batch from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<FeedEvent> {
        self.sender.subscribe()
    }
}

async fn tail(
    store: Arc<dyn LogStore>,
    sender: broadcast::WeakSender<FeedEvent>,
    mut next: u64,
    every: Duration,
) {
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut failing = false;
    loop {
        ticker.tick().await;
        let Some(sender) = sender.upgrade() else {
            return;
        };
        match read_new(store.as_ref(), next).await {
            Ok(entries) => {
                if failing {
                    // What changed while the store could not be read is
                    // in `entries` too; still, say so plainly.
                    let _ = sender.send(FeedEvent::Resync);
                    failing = false;
                }
                if let Some(last) = entries.last() {
                    next = last.index + 1;
                    let _ = sender.send(FeedEvent::Entries(entries.into()));
                }
            }
            Err(error) => {
                if !failing {
                    tracing::warn!(%error, "reading the log for changes failed");
                }
                failing = true;
            }
        }
    }
}

async fn read_new(
    store: &dyn LogStore,
    from: u64,
) -> Result<Vec<LogEntry>, pocdir_store::StoreError> {
    let size = store.log_size().await?;
    let mut entries = Vec::new();
    let mut at = from;
    while at < size {
        let end = size.min(at.saturating_add(READ_CHUNK));
        let chunk = store.log_entries(at, end).await?;
        if chunk.is_empty() {
            break;
        }
        at += chunk.len() as u64;
        entries.extend(chunk.into_iter().map(|stored| stored.entry));
    }
    Ok(entries)
}
