//! The tamper-evident log: entries numbered 0, 1, 2… with no gaps, their
//! leaf hashes, the audit search and the signed tree heads.
//!
//! Every change elsewhere that takes a `LogDraft` appends it in the same
//! transaction as the change (see [`crate::sql::Tx::append`]).

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::log::entry::{LogDraft, LogEntry};
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::log::merkle::Hash;
use pocdir_domain::log::rotation::{KeyRotation, RecordedRotation};

mod rows;
mod store;

pub(crate) use store::{
    entry_params, insert_entries_sql, ENTRIES, INSERT_ENTRIES_UNNEST, ROWS_PER_INSERT,
};

/// A log entry as stored, with the leaf hash computed when it was appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLogEntry {
    pub entry: LogEntry,
    pub leaf_hash: Hash,
}

/// A public key that signs the log's tree heads, as the server recorded it
/// when it first used it. Only the database's word: whoever checks the log
/// may pin the published key instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogKey {
    /// Hex SHA-256 of the public key, as heads name it.
    pub key_id: String,
    /// Base64 of the Ed25519 public key.
    pub public_key: String,
    /// Unix seconds when it was first recorded.
    pub recorded_at: i64,
}

/// What the audit pages filter on. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub actor_account_id: Option<i64>,
    /// Exact action, or a prefix ending in `.` (e.g. `session.`).
    pub action: Option<String>,
    /// Entries about this participant, or made by an actor of it.
    pub participant: Option<String>,
    /// Unix seconds, inclusive.
    pub since: Option<i64>,
    /// Unix seconds, exclusive.
    pub until: Option<i64>,
}

#[async_trait]
pub trait LogStore: Send + Sync {
    /// Appends entries that record no other change (e.g. reads of contact
    /// details), all in one transaction; returns their indexes, consecutive.
    /// Appending many at once is far cheaper than one by one (one commit).
    async fn append_log(&self, drafts: &[LogDraft]) -> StoreResult<Vec<u64>>;
    /// Number of entries.
    async fn log_size(&self) -> StoreResult<u64>;
    /// Entries with `start <= index < end`, in order, with their stored leaf hashes.
    async fn log_entries(&self, start: u64, end: u64) -> StoreResult<Vec<StoredLogEntry>>;
    /// Stored leaf hashes from `start`, at most `limit`, in order (to grow the in-memory tree).
    async fn log_leaf_hashes(&self, start: u64, limit: u64) -> StoreResult<Vec<Hash>>;
    /// Entries matching `filter`, newest first, below `before` when given, at most `limit`.
    async fn search_log(
        &self,
        filter: &LogFilter,
        before: Option<u64>,
        limit: u64,
    ) -> StoreResult<Vec<LogEntry>>;
    /// Keeps a signed tree head; a head for a size already kept is left as it is.
    async fn store_tree_head(&self, head: &SignedTreeHead) -> StoreResult<()>;
    /// All kept heads, smallest size first.
    async fn tree_heads(&self) -> StoreResult<Vec<SignedTreeHead>>;
    async fn latest_tree_head(&self) -> StoreResult<Option<SignedTreeHead>>;
    /// Records a public key that signs heads; a key already recorded is left as it is.
    async fn record_log_key(&self, key: &LogKey) -> StoreResult<()>;
    /// Every recorded key, oldest first.
    async fn log_keys(&self) -> StoreResult<Vec<LogKey>>;
    /// Changes the signing key in one transaction: appends `draft` (the
    /// rotation's entry, whose content is `rotation`), keeps the rotation
    /// under the entry's index and records the new key (at `recorded_at`).
    /// Returns the entry's index.
    async fn rotate_log_key(
        &self,
        rotation: &KeyRotation,
        draft: &LogDraft,
        recorded_at: i64,
    ) -> StoreResult<u64>;
    /// Every key rotation, in log order.
    async fn log_key_rotations(&self) -> StoreResult<Vec<RecordedRotation>>;
}
