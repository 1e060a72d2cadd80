//! The log, written once for both backends, and the append that every
//! logged change runs inside its own transaction.

use super::rows::{
    db_bound, db_index, log_entry_columns, log_index, stored_entry, tree_head_columns, LeafHashRow,
    LogEntryRow, LogKeyRow, RotationRow, StoredLogEntryTuple, TreeHeadRow,
};
use super::{LogFilter, LogKey, LogStore, StoredLogEntry};
use crate::sql::{Driver, NewLogRow, Param, SqlStore, Tx};
use crate::{convert_all, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::{LogDraft, LogEntry};
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::log::merkle::Hash;
use pocdir_domain::log::rotation::{KeyRotation, RecordedRotation};

const SIZE: &str = "SELECT next_index FROM log_state WHERE id = 1";
/// Entries per multi-row insert on SQLite: 10 parameters each, well under
/// SQLite's limit of 32,766 parameters per statement.
pub(crate) const ROWS_PER_INSERT: usize = 100;
const ENTRY_COLUMNS: usize = 10;

/// An insert of `rows` entries in one statement (SQLite only: its
/// parameters are bound in order).
pub(crate) fn insert_entries_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO log_entries (idx, at, actor_account_id, actor_kind, actor_participant, \
         action, object, participant, content_hash, leaf_hash) VALUES ",
    );
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..ENTRY_COLUMNS {
            if column > 0 {
                sql.push_str(", ");
            }
            // Anonymous `?`: SQLite finds a numbered parameter's name by a
            // linear scan, which a statement of a thousand made quadratic.
            sql.push('?');
        }
        sql.push(')');
    }
    sql
}
/// Any number of entries in one statement, a column of values each (PostgreSQL).
pub(crate) const INSERT_ENTRIES_UNNEST: &str = "INSERT INTO log_entries (idx, at, \
     actor_account_id, actor_kind, actor_participant, action, object, participant, \
     content_hash, leaf_hash) \
     SELECT * FROM UNNEST($1::BIGINT[], $2::BIGINT[], $3::BIGINT[], $4::TEXT[], $5::TEXT[], \
     $6::TEXT[], $7::TEXT[], $8::TEXT[], $9::TEXT[], $10::BYTEA[])";
pub(crate) const ENTRIES: &str = concat!(
    "SELECT ",
    log_entry_columns!(),
    ", leaf_hash FROM log_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx"
);
const LEAF_HASHES: &str =
    "SELECT idx, leaf_hash FROM log_entries WHERE idx >= $1 ORDER BY idx LIMIT $2";
const STORE_HEAD: &str = "INSERT INTO tree_heads (tree_size, root_hash, timestamp, signature, \
     key_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tree_size) DO NOTHING";
const HEADS: &str = concat!(
    "SELECT ",
    tree_head_columns!(),
    " FROM tree_heads ORDER BY tree_size"
);
const LATEST_HEAD: &str = concat!(
    "SELECT ",
    tree_head_columns!(),
    " FROM tree_heads ORDER BY tree_size DESC LIMIT 1"
);

const RECORD_KEY: &str = "INSERT INTO log_keys (key_id, public_key, recorded_at) \
     VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING";
const KEYS: &str =
    "SELECT key_id, public_key, recorded_at FROM log_keys ORDER BY recorded_at, key_id";
const INSERT_ROTATION: &str = "INSERT INTO log_key_rotations (log_index, key_id, public_key, \
     previous_public_key, endorsement) VALUES ($1, $2, $3, $4, $5)";
const ROTATIONS: &str = "SELECT log_index, key_id, public_key, previous_public_key, endorsement \
     FROM log_key_rotations ORDER BY log_index";

/// The parameters of one row of [`insert_entries_sql`].
pub(crate) fn entry_params(row: &NewLogRow) -> [Param<'_>; 10] {
    let e = &row.entry;
    [
        row.idx.into(),
        e.at.into(),
        e.actor_account_id.into(),
        (&e.actor_kind).into(),
        (&e.actor_participant).into(),
        (&e.action).into(),
        (&e.object).into(),
        (&e.participant).into(),
        (&e.content_hash).into(),
        row.leaf_hash.as_slice().into(),
    ]
}

fn missing_counter() -> StoreError {
    StoreError::Corrupt("the log_state row is missing".into())
}

impl<D: Driver> Tx<D> {
    /// Appends `drafts` to the log inside this transaction and returns
    /// their indexes. Bumping the counter row holds it (PostgreSQL: the
    /// row lock; SQLite: the write lock) until the batch commits: no other
    /// appender can take the same numbers, and a rollback gives them back.
    /// Callers append last, so the lock is held only for the inserts and
    /// the commit.
    pub(crate) async fn append(&mut self, drafts: &[LogDraft]) -> StoreResult<Vec<u64>> {
        if drafts.is_empty() {
            return Ok(Vec::new());
        }
        // The batch's first append bumps the counter row (and holds it);
        // the batch's later ones count on from there (`sql/writer.rs`).
        let rows = self.number_log_rows(drafts).await?;
        let indexes = rows.iter().map(|row| row.entry.index).collect();
        self.defer_log_rows(rows);
        Ok(indexes)
    }

    /// Appends `drafts` (the change's entries) and commits.
    pub(crate) async fn log_and_commit(mut self, drafts: &[LogDraft]) -> StoreResult<()> {
        self.append(drafts).await?;
        self.commit().await
    }

    /// Ends a conditional update: when it changed no row, rolls back and
    /// says so; else appends `drafts` and commits.
    pub(crate) async fn commit_if_changed(
        self,
        changed: u64,
        drafts: &[LogDraft],
    ) -> StoreResult<bool> {
        if changed == 0 {
            self.rollback().await?;
            return Ok(false);
        }
        self.log_and_commit(drafts).await?;
        Ok(true)
    }
}

/// The audit search: `SELECT … FROM log_entries WHERE … ORDER BY idx DESC
/// LIMIT …`. The shape of the query depends only on which filter fields
/// are set, so each connection keeps a handful of prepared statements,
/// each able to use its index.
fn search_query<'a>(
    filter: &'a LogFilter,
    before: Option<u64>,
    limit: u64,
) -> (String, Vec<Param<'a>>) {
    let mut sql = String::from(concat!(
        "SELECT ",
        log_entry_columns!(),
        " FROM log_entries WHERE true"
    ));
    let mut params: Vec<Param<'a>> = Vec::with_capacity(7);
    // Binds `p` and returns its placeholder.
    let mut bind = |p: Param<'a>| {
        params.push(p);
        format!("${}", params.len())
    };
    if let Some(actor) = filter.actor_account_id {
        sql += &format!(" AND actor_account_id = {}", bind(actor.into()));
    }
    match &filter.action {
        Some(prefix) if prefix.ends_with('.') => {
            // substr/length count characters on both backends; LIKE would
            // need escaping and is case-insensitive on SQLite.
            let p = bind(prefix.into());
            sql += &format!(" AND substr(action, 1, length({p})) = {p}");
        }
        Some(action) => sql += &format!(" AND action = {}", bind(action.into())),
        None => {}
    }
    if let Some(participant) = &filter.participant {
        let p = bind(participant.into());
        sql += &format!(" AND (participant = {p} OR actor_participant = {p})");
    }
    if let Some(since) = filter.since {
        sql += &format!(" AND at >= {}", bind(since.into()));
    }
    if let Some(until) = filter.until {
        sql += &format!(" AND at < {}", bind(until.into()));
    }
    if let Some(before) = before {
        sql += &format!(" AND idx < {}", bind(db_bound(before).into()));
    }
    sql += &format!(" ORDER BY idx DESC LIMIT {}", bind(db_bound(limit).into()));
    (sql, params)
}

#[async_trait]
impl<D: Driver> LogStore for SqlStore<D> {
    async fn append_log(&self, drafts: &[LogDraft]) -> StoreResult<Vec<u64>> {
        if drafts.is_empty() {
            return Ok(Vec::new());
        }
        // Entries alone need no turn with the connection: the writer
        // numbers them in its batch (`sql/writer.rs`).
        let entries = self.writer.append(drafts.to_vec()).await?;
        self.observers.tell(&entries);
        Ok(entries.iter().map(|entry| entry.index).collect())
    }

    async fn log_size(&self) -> StoreResult<u64> {
        let next: Option<(i64,)> = self.fetch_optional(SIZE, &[]).await?;
        let (next,) = next.ok_or_else(missing_counter)?;
        log_index(next)
    }

    async fn log_entries(&self, start: u64, end: u64) -> StoreResult<Vec<StoredLogEntry>> {
        if start >= end {
            return Ok(Vec::new());
        }
        if let Some(read) = self
            .db
            .bulk_log_entries(db_bound(start), db_bound(end))
            .await
        {
            return read;
        }
        let rows: Vec<StoredLogEntryTuple> = self
            .fetch_all(ENTRIES, &[db_bound(start).into(), db_bound(end).into()])
            .await?;
        rows.into_iter().map(stored_entry).collect()
    }

    async fn log_leaf_hashes(&self, start: u64, limit: u64) -> StoreResult<Vec<Hash>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let rows: Vec<LeafHashRow> = self
            .fetch_all(
                LEAF_HASHES,
                &[db_bound(start).into(), db_bound(limit).into()],
            )
            .await?;
        convert_all(rows)
    }

    async fn search_log(
        &self,
        filter: &LogFilter,
        before: Option<u64>,
        limit: u64,
    ) -> StoreResult<Vec<LogEntry>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let (sql, params) = search_query(filter, before, limit);
        let rows: Vec<LogEntryRow> = self.fetch_all(&sql, &params).await?;
        convert_all(rows)
    }

    async fn store_tree_head(&self, head: &SignedTreeHead) -> StoreResult<()> {
        self.execute(
            STORE_HEAD,
            &[
                db_index(head.tree_size)?.into(),
                (&head.root_hash).into(),
                head.timestamp.into(),
                (&head.signature).into(),
                (&head.key_id).into(),
            ],
        )
        .await?;
        Ok(())
    }

    async fn tree_heads(&self) -> StoreResult<Vec<SignedTreeHead>> {
        let rows: Vec<TreeHeadRow> = self.fetch_all(HEADS, &[]).await?;
        convert_all(rows)
    }

    async fn latest_tree_head(&self) -> StoreResult<Option<SignedTreeHead>> {
        let row: Option<TreeHeadRow> = self.fetch_optional(LATEST_HEAD, &[]).await?;
        row.map(SignedTreeHead::try_from).transpose()
    }

    async fn record_log_key(&self, key: &LogKey) -> StoreResult<()> {
        self.execute(
            RECORD_KEY,
            &[
                (&key.key_id).into(),
                (&key.public_key).into(),
                key.recorded_at.into(),
            ],
        )
        .await?;
        Ok(())
    }

    async fn log_keys(&self) -> StoreResult<Vec<LogKey>> {
        let rows: Vec<LogKeyRow> = self.fetch_all(KEYS, &[]).await?;
        Ok(rows.into_iter().map(LogKey::from).collect())
    }

    async fn rotate_log_key(
        &self,
        rotation: &KeyRotation,
        draft: &LogDraft,
        recorded_at: i64,
    ) -> StoreResult<u64> {
        // The append is the first statement: on SQLite it takes the write lock.
        let mut tx = self.begin().await?;
        let index = tx
            .append(std::slice::from_ref(draft))
            .await?
            .first()
            .copied()
            .ok_or_else(missing_counter)?;
        tx.execute(
            INSERT_ROTATION,
            &[
                db_index(index)?.into(),
                (&rotation.key_id).into(),
                (&rotation.public_key).into(),
                (&rotation.previous_public_key).into(),
                (&rotation.endorsement).into(),
            ],
        )
        .await?;
        tx.execute(
            RECORD_KEY,
            &[
                (&rotation.key_id).into(),
                (&rotation.public_key).into(),
                recorded_at.into(),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(index)
    }

    async fn log_key_rotations(&self) -> StoreResult<Vec<RecordedRotation>> {
        let rows: Vec<RotationRow> = self.fetch_all(ROTATIONS, &[]).await?;
        convert_all(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_numbers_each_value_once() {
        let filter = LogFilter {
            actor_account_id: Some(3),
            action: Some("session.".into()),
            participant: Some("PAK".into()),
            since: None,
            until: Some(9),
        };
        let (sql, params) = search_query(&filter, Some(5), 10);
        assert!(sql.contains("actor_account_id = $1"), "{sql}");
        assert!(sql.contains("substr(action, 1, length($2)) = $2"), "{sql}");
        assert!(
            sql.contains("(participant = $3 OR actor_participant = $3)"),
            "{sql}"
        );
        assert!(sql.contains("at < $4"), "{sql}");
        assert!(sql.contains("idx < $5"), "{sql}");
        assert!(sql.ends_with("ORDER BY idx DESC LIMIT $6"), "{sql}");
        assert_eq!(params.len(), 6);
    }
}
