//! Log rows and their conversion; log indexes as stored.

use super::StoredLogEntry;
use crate::{corrupt, StoreError, StoreResult};
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::log::merkle::Hash;
use pocdir_domain::log::rotation::{KeyRotation, RecordedRotation};

macro_rules! log_entry_columns {
    () => {
        "idx, at, actor_account_id, actor_kind, actor_participant, action, object, \
         participant, content_hash"
    };
}

macro_rules! tree_head_columns {
    () => {
        "tree_size, root_hash, timestamp, signature, key_id"
    };
}
pub(super) use {log_entry_columns, tree_head_columns};

/// A recorded public key of the log.
#[derive(sqlx::FromRow)]
pub(super) struct LogKeyRow {
    key_id: String,
    public_key: String,
    recorded_at: i64,
}

impl From<LogKeyRow> for super::LogKey {
    fn from(r: LogKeyRow) -> Self {
        super::LogKey {
            key_id: r.key_id,
            public_key: r.public_key,
            recorded_at: r.recorded_at,
        }
    }
}

/// A kept key rotation.
#[derive(sqlx::FromRow)]
pub(super) struct RotationRow {
    log_index: i64,
    key_id: String,
    public_key: String,
    previous_public_key: Option<String>,
    endorsement: Option<String>,
}

impl TryFrom<RotationRow> for RecordedRotation {
    type Error = StoreError;

    fn try_from(r: RotationRow) -> StoreResult<Self> {
        Ok(RecordedRotation {
            index: log_index(r.log_index)?,
            rotation: KeyRotation {
                public_key: r.public_key,
                key_id: r.key_id,
                previous_public_key: r.previous_public_key,
                endorsement: r.endorsement,
            },
        })
    }
}

/// A log entry's columns, without its leaf hash.
#[derive(sqlx::FromRow)]
pub(super) struct LogEntryRow {
    idx: i64,
    at: i64,
    actor_account_id: Option<i64>,
    actor_kind: String,
    actor_participant: Option<String>,
    action: String,
    object: String,
    participant: Option<String>,
    content_hash: String,
}

impl TryFrom<LogEntryRow> for LogEntry {
    type Error = StoreError;

    fn try_from(r: LogEntryRow) -> StoreResult<Self> {
        Ok(LogEntry {
            index: log_index(r.idx)?,
            at: r.at,
            actor_account_id: r.actor_account_id,
            actor_kind: r.actor_kind,
            actor_participant: r.actor_participant,
            action: r.action,
            object: r.object,
            participant: r.participant,
            content_hash: r.content_hash,
        })
    }
}

/// A log entry's columns and its leaf hash, by position: the bulk read
/// (`log verify`) decodes a million of these, and a tuple is read by
/// index where a named row looks each column up by name.
pub(super) type StoredLogEntryTuple = (
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

/// [`StoredLogEntryTuple`] as the log's entry.
pub(super) fn stored_entry(t: StoredLogEntryTuple) -> StoreResult<StoredLogEntry> {
    let (
        idx,
        at,
        actor_account_id,
        actor_kind,
        actor_participant,
        action,
        object,
        participant,
        content_hash,
        leaf,
    ) = t;
    let index = log_index(idx)?;
    let leaf_hash = to_hash(&leaf).map_err(leaf_hash_error(index))?;
    Ok(StoredLogEntry {
        entry: LogEntry {
            index,
            at,
            actor_account_id,
            actor_kind,
            actor_participant,
            action,
            object,
            participant,
            content_hash,
        },
        leaf_hash,
    })
}

/// One `leaf_hash` column, with its index.
#[derive(sqlx::FromRow)]
pub(super) struct LeafHashRow {
    idx: i64,
    leaf_hash: Vec<u8>,
}

impl TryFrom<LeafHashRow> for Hash {
    type Error = StoreError;

    fn try_from(r: LeafHashRow) -> StoreResult<Self> {
        to_hash(&r.leaf_hash).map_err(leaf_hash_error(r.idx))
    }
}

fn leaf_hash_error(index: impl std::fmt::Display) -> impl Fn(usize) -> StoreError {
    move |len| StoreError::Corrupt(format!("leaf hash of entry {index}: {len} bytes"))
}

/// A 32-byte hash, or the length it has instead.
fn to_hash(bytes: &[u8]) -> Result<Hash, usize> {
    Hash::try_from(bytes).map_err(|_| bytes.len())
}

#[derive(sqlx::FromRow)]
pub(super) struct TreeHeadRow {
    tree_size: i64,
    root_hash: String,
    timestamp: i64,
    signature: String,
    key_id: String,
}

impl TryFrom<TreeHeadRow> for SignedTreeHead {
    type Error = StoreError;

    fn try_from(r: TreeHeadRow) -> StoreResult<Self> {
        Ok(SignedTreeHead {
            tree_size: u64::try_from(r.tree_size).map_err(|_| {
                corrupt("tree_heads", r.tree_size)("negative tree size".to_string())
            })?,
            root_hash: r.root_hash,
            timestamp: r.timestamp,
            signature: r.signature,
            key_id: r.key_id,
        })
    }
}

/// A stored log index (BIGINT) as the log's `u64`.
pub(super) fn log_index(idx: i64) -> StoreResult<u64> {
    u64::try_from(idx).map_err(|_| StoreError::Corrupt(format!("log index {idx}")))
}

/// A log index or size as stored (BIGINT). Beyond `i64::MAX` cannot be
/// stored, and no log gets there.
pub(super) fn db_index(index: u64) -> StoreResult<i64> {
    i64::try_from(index)
        .map_err(|_| StoreError::Corrupt(format!("log index {index} does not fit in BIGINT")))
}

/// A bound for a query (`end`, `limit`, `before`): values past `i64::MAX`
/// mean "no bound", which `i64::MAX` says just as well.
pub(super) fn db_bound(bound: u64) -> i64 {
    i64::try_from(bound).unwrap_or(i64::MAX)
}
