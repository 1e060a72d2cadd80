//! TAXII collections, objects and statuses, written once for both backends.

use super::{
    CollectionRecord, NewCollection, NewObjects, NewTaxiiObject, ObjectQuery, StatusDetail,
    StatusRecord, StoredObject, TaxiiStore,
};
use crate::sql::{Driver, Param, SqlStore};
use crate::{corrupt, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::taxii::collection::{Collection, CollectionKind};
use pocdir_domain::taxii::filter::{format_timestamp, VersionChoice};
use std::slice::from_ref;
use time::OffsetDateTime;

/// The AEAD's associated data of an object's JSON.
const OBJECT_JSON: &str = "taxii_objects.json";

const COLLECTION_COLUMNS: &str =
    "id, kind, state, readers, writers, title, description, default_label, created_at";
const INSERT_COLLECTION: &str = "INSERT INTO taxii_collections (id, kind, state, readers, \
     writers, title, description, default_label, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
/// Objects a statement holds (9 parameters each: well under either
/// backend's limit on parameters).
const INSERT_CHUNK: usize = 200;

/// `rows` objects in one statement. A version already kept is left as it
/// is (a client sending an envelope again after a lost answer).
fn insert_objects(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO taxii_objects (collection_id, object_id, kind, spec_version, version, \
         added_at, label, writer, json) VALUES ",
    );
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        let p = row * 9;
        sql.push_str(&format!(
            "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
            p + 1,
            p + 2,
            p + 3,
            p + 4,
            p + 5,
            p + 6,
            p + 7,
            p + 8,
            p + 9
        ));
    }
    sql.push_str(" ON CONFLICT (collection_id, object_id, version) DO NOTHING");
    sql
}
const INSERT_STATUS: &str = "INSERT INTO taxii_statuses (id, collection_id, account_id, \
     requested_at, successes, failures) VALUES ($1, $2, $3, $4, $5, $6)";
const STATUS: &str = "SELECT id, collection_id, account_id, requested_at, successes, failures \
     FROM taxii_statuses WHERE id = $1";
const PURGE_STATUSES: &str = "DELETE FROM taxii_statuses WHERE requested_at < $1";
const OBJECT_COLUMNS: &str =
    "o.seq, o.object_id, o.kind, o.spec_version, o.version, o.added_at, o.label, o.json";

/// Microseconds since the epoch: STIX versions are finer than seconds.
fn micros(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000).unwrap_or(i64::MAX)
}

fn from_micros(m: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(m) * 1_000).ok()
}

fn label_of(code: &str) -> Option<TlpLabel> {
    code.parse().ok()
}

#[derive(sqlx::FromRow)]
struct CollectionRow {
    id: String,
    kind: String,
    state: Option<String>,
    readers: String,
    writers: String,
    title: String,
    description: String,
    default_label: String,
    created_at: i64,
}

fn codes(list: &[String]) -> String {
    list.join(",")
}

fn split_codes(raw: &str) -> Vec<String> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl CollectionRow {
    fn record(self) -> StoreResult<CollectionRecord> {
        let bad = corrupt("taxii_collections", self.id.clone());
        let kind = match (self.kind.as_str(), self.state) {
            ("shared", None) => CollectionKind::Shared,
            ("inbox", Some(state)) => CollectionKind::Inbox { state },
            ("group", None) => CollectionKind::Group {
                readers: split_codes(&self.readers),
                writers: split_codes(&self.writers),
            },
            ("intake", None) => CollectionKind::Intake,
            (other, _) => return Err(bad(format!("kind {other:?}"))),
        };
        Ok(CollectionRecord {
            rules: Collection {
                kind,
                default_label: label_of(&self.default_label)
                    .ok_or_else(|| bad(format!("label {:?}", self.default_label)))?,
            },
            id: self.id,
            title: self.title,
            description: self.description,
            created_at: crate::db_time(self.created_at).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct StatusRow {
    id: String,
    collection_id: String,
    account_id: Option<i64>,
    requested_at: i64,
    successes: String,
    failures: String,
}

impl StatusRow {
    fn record(self) -> StoreResult<StatusRecord> {
        let bad = corrupt("taxii_statuses", self.id.clone());
        let list = |raw: &str| -> StoreResult<Vec<StatusDetail>> {
            serde_json::from_str(raw).map_err(|e| bad(format!("details: {e}")))
        };
        Ok(StatusRecord {
            successes: list(&self.successes)?,
            failures: list(&self.failures)?,
            requested_at: crate::db_time(self.requested_at).map_err(&bad)?,
            id: self.id,
            collection_id: self.collection_id,
            account_id: self.account_id,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ObjectRow {
    seq: i64,
    object_id: String,
    kind: String,
    spec_version: String,
    version: i64,
    added_at: i64,
    label: String,
    json: String,
}

/// The statement that chooses a page, and its parameters' values: `$1`
/// the collection, then the labels, then each filter that is set.
struct PageSql<'a> {
    sql: String,
    params: Vec<Param<'a>>,
    /// `IN ($2, $3)`: the labels' placeholders, used again in the
    /// version choice's subqueries.
    labels: String,
}

impl<'a> PageSql<'a> {
    fn new(collection: &'a str, labels: &'a [&'static str], head: &str) -> PageSql<'a> {
        let mut p = PageSql {
            sql: head.to_string(),
            params: vec![collection.into()],
            labels: String::new(),
        };
        p.labels = p.list(labels.iter().copied());
        p.sql
            .push_str(&format!(" AND o.label IN ({})", p.labels.clone()));
        p
    }

    fn next(&mut self, value: Param<'a>) -> String {
        self.params.push(value);
        format!("${}", self.params.len())
    }

    fn list(&mut self, values: impl Iterator<Item = &'a str>) -> String {
        values
            .map(|v| self.next(v.into()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn build(
        query: &'a ObjectQuery,
        collection: &'a str,
        labels: &'a [&'static str],
        head: &str,
    ) -> PageSql<'a> {
        let mut p = PageSql::new(collection, labels, head);
        let f = &query.filter;
        let spec = p.list(f.spec_versions.iter().map(String::as_str));
        p.sql.push_str(&format!(" AND o.spec_version IN ({spec})"));
        if let Some(id) = &query.object_id {
            let at = p.next(id.as_str().into());
            p.sql.push_str(&format!(" AND o.object_id = {at}"));
        }
        if !f.ids.is_empty() {
            let ids = p.list(f.ids.iter().map(String::as_str));
            p.sql.push_str(&format!(" AND o.object_id IN ({ids})"));
        }
        if !f.types.is_empty() {
            let types = p.list(f.types.iter().map(String::as_str));
            p.sql.push_str(&format!(" AND o.kind IN ({types})"));
        }
        if let Some(t) = f.added_after {
            let at = p.next(micros(t).into());
            p.sql.push_str(&format!(" AND o.added_at > {at}"));
        }
        if let Some(after) = query.after {
            let at = p.next(after.into());
            p.sql.push_str(&format!(" AND o.seq > {at}"));
        }
        // The versions: chosen among those the reader may see, whatever
        // the other filters (as `ObjectFilter::choose` does).
        let mut choices = Vec::new();
        for choice in &f.versions {
            let newer = |op: &str, labels: &str| {
                format!(
                    "NOT EXISTS (SELECT 1 FROM taxii_objects w WHERE w.collection_id = o.collection_id \
                     AND w.object_id = o.object_id AND w.version {op} o.version AND w.label IN ({labels}))"
                )
            };
            choices.push(match choice {
                VersionChoice::All => "1 = 1".to_string(),
                VersionChoice::Last => newer(">", &p.labels),
                VersionChoice::First => newer("<", &p.labels),
                VersionChoice::At(t) => {
                    let at = p.next(micros(*t).into());
                    format!("o.version = {at}")
                }
            });
        }
        if !choices.is_empty() {
            p.sql.push_str(&format!(" AND ({})", choices.join(" OR ")));
        }
        p
    }
}

fn label_codes(labels: &[TlpLabel]) -> Vec<&'static str> {
    labels.iter().map(|l| l.code()).collect()
}

impl<D: Driver> SqlStore<D> {
    fn object(&self, r: ObjectRow) -> StoreResult<StoredObject> {
        let bad = corrupt("taxii_objects", r.seq);
        Ok(StoredObject {
            json: self.open_str(OBJECT_JSON, r.seq, &r.json)?,
            version: from_micros(r.version).ok_or_else(|| bad("version".to_string()))?,
            added: from_micros(r.added_at).ok_or_else(|| bad("added".to_string()))?,
            label: label_of(&r.label).ok_or_else(|| bad(format!("label {:?}", r.label)))?,
            seq: r.seq,
            object_id: r.object_id,
            kind: r.kind,
            spec_version: r.spec_version,
        })
    }
}

#[async_trait]
impl<D: Driver> TaxiiStore for SqlStore<D> {
    async fn create_taxii_collection(&self, new: NewCollection, log: LogDraft) -> StoreResult<()> {
        let (kind, state, readers, writers) = match &new.rules.kind {
            CollectionKind::Shared => ("shared", None, String::new(), String::new()),
            CollectionKind::Inbox { state } => {
                ("inbox", Some(state.as_str()), String::new(), String::new())
            }
            CollectionKind::Group { readers, writers } => {
                ("group", None, codes(readers), codes(writers))
            }
            CollectionKind::Intake => ("intake", None, String::new(), String::new()),
        };
        let mut tx = self.begin().await?;
        tx.execute(
            INSERT_COLLECTION,
            &[
                new.id.as_str().into(),
                kind.into(),
                state.into(),
                readers.as_str().into(),
                writers.as_str().into(),
                new.title.as_str().into(),
                new.description.as_str().into(),
                new.rules.default_label.code().into(),
                crate::to_db_time(new.created_at).into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("collection"))?;
        tx.log_and_commit(from_ref(&log)).await
    }

    async fn taxii_collections(&self) -> StoreResult<Vec<CollectionRecord>> {
        let sql = format!("SELECT {COLLECTION_COLUMNS} FROM taxii_collections ORDER BY title, id");
        let rows: Vec<CollectionRow> = self.fetch_all(&sql, &[]).await?;
        rows.into_iter().map(CollectionRow::record).collect()
    }

    async fn taxii_collection(&self, id: &str) -> StoreResult<Option<CollectionRecord>> {
        let sql = format!("SELECT {COLLECTION_COLUMNS} FROM taxii_collections WHERE id = $1");
        let row: Option<CollectionRow> = self.fetch_optional(&sql, &[id.into()]).await?;
        row.map(CollectionRow::record).transpose()
    }

    async fn add_taxii_objects(&self, add: NewObjects) -> StoreResult<StatusRecord> {
        let at = micros(add.at);
        let mut sealed = Vec::with_capacity(add.objects.len());
        for o in &add.objects {
            sealed.push(self.seal_str(OBJECT_JSON, &o.json)?);
        }
        let mut successes = Vec::with_capacity(add.objects.len());
        let mut tx = self.begin().await?;
        let rows: Vec<(&NewTaxiiObject, &String)> = add.objects.iter().zip(&sealed).collect();
        // Many rows a statement: one round trip per chunk, not per object.
        for chunk in rows.chunks(INSERT_CHUNK) {
            let mut params: Vec<Param<'_>> = Vec::with_capacity(chunk.len() * 9);
            for (o, json) in chunk {
                let version = o.version.unwrap_or(add.at);
                params.extend::<[Param<'_>; 9]>([
                    add.collection_id.as_str().into(),
                    o.object_id.as_str().into(),
                    o.kind.as_str().into(),
                    o.spec_version.as_str().into(),
                    micros(version).into(),
                    at.into(),
                    o.label.code().into(),
                    add.writer.into(),
                    json.as_str().into(),
                ]);
                successes.push(StatusDetail {
                    id: o.object_id.clone(),
                    version: Some(format_timestamp(version)),
                    message: None,
                });
            }
            tx.execute(&insert_objects(chunk.len()), &params)
                .await
                .map_err(|e| e.constraint("object"))?;
        }
        let encode = |list: &[StatusDetail]| {
            serde_json::to_string(list).map_err(|e| StoreError::Corrupt(format!("status: {e}")))
        };
        let (ok, failed) = (encode(&successes)?, encode(&add.failures)?);
        tx.execute(
            INSERT_STATUS,
            &[
                add.status_id.as_str().into(),
                add.collection_id.as_str().into(),
                add.writer.into(),
                crate::to_db_time(add.at).into(),
                ok.as_str().into(),
                failed.as_str().into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("status"))?;
        tx.log_and_commit(&add.log).await?;
        Ok(StatusRecord {
            id: add.status_id,
            collection_id: add.collection_id,
            account_id: add.writer,
            requested_at: add.at,
            successes,
            failures: add.failures,
        })
    }

    async fn taxii_status(&self, id: &str) -> StoreResult<Option<StatusRecord>> {
        let row: Option<StatusRow> = self.fetch_optional(STATUS, &[id.into()]).await?;
        row.map(StatusRow::record).transpose()
    }

    async fn purge_taxii_statuses(&self, before: OffsetDateTime) -> StoreResult<u64> {
        self.execute(PURGE_STATUSES, &[crate::to_db_time(before).into()])
            .await
    }

    async fn taxii_objects(
        &self,
        collection: &str,
        query: &ObjectQuery,
    ) -> StoreResult<Vec<StoredObject>> {
        if query.labels.is_empty() {
            return Ok(Vec::new());
        }
        let labels = label_codes(&query.labels);
        let head =
            format!("SELECT {OBJECT_COLUMNS} FROM taxii_objects o WHERE o.collection_id = $1");
        let mut page = PageSql::build(query, collection, &labels, &head);
        let limit = page.next(i64::from(query.filter.limit).saturating_add(1).into());
        // One object's versions are found by the unique (collection,
        // object, version) index and the few sorted; ordered by the bare
        // `seq`, SQLite would walk the whole collection on its page index.
        let order = if query.object_id.is_some() {
            "o.seq + 0"
        } else {
            "o.seq"
        };
        page.sql
            .push_str(&format!(" ORDER BY {order} LIMIT {limit}"));
        let rows: Vec<ObjectRow> = self.fetch_all(&page.sql, &page.params).await?;
        rows.into_iter().map(|r| self.object(r)).collect()
    }

    async fn delete_taxii_object(
        &self,
        collection: &str,
        query: &ObjectQuery,
        log: LogDraft,
    ) -> StoreResult<u64> {
        if query.labels.is_empty() || query.object_id.is_none() {
            return Ok(0);
        }
        let labels = label_codes(&query.labels);
        let head = "SELECT o.seq FROM taxii_objects o WHERE o.collection_id = $1";
        let page = PageSql::build(query, collection, &labels, head);
        let sql = format!("DELETE FROM taxii_objects WHERE seq IN ({})", page.sql);
        let mut tx = self.begin().await?;
        let deleted = tx.execute(&sql, &page.params).await?;
        if deleted == 0 {
            tx.rollback().await?;
            return Ok(0);
        }
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(deleted)
    }
}
