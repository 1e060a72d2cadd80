//! The best-practice library, written once for both backends.

use super::{LibraryDocument, LibraryStore, NewLibraryDocument};
use crate::sql::{Driver, SqlStore};
use crate::{corrupt, db_time, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use std::collections::BTreeMap;
use std::slice::from_ref;
use time::OffsetDateTime;

pub(crate) const FILE_BYTES: &str = "library_documents.bytes";

const COLUMNS: &str = "id, participant, title, kind, tlp, languages, areas, summaries, \
     file_name, file_type, size, sha256, published_at, published_by, withdrawn_at, \
     withdrawn_by, withdrawal_reason";

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    participant: Option<String>,
    title: String,
    kind: String,
    tlp: String,
    languages: String,
    areas: String,
    summaries: String,
    file_name: String,
    file_type: String,
    size: i64,
    sha256: String,
    published_at: i64,
    published_by: Option<i64>,
    withdrawn_at: Option<i64>,
    withdrawn_by: Option<i64>,
    withdrawal_reason: String,
}

/// A list kept in one column: its items joined by commas (languages and
/// areas are codes without commas).
fn joined(items: &[String]) -> String {
    items.join(",")
}

fn split(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl DocumentRow {
    fn open(self) -> StoreResult<LibraryDocument> {
        let bad = corrupt("library_documents", self.id);
        let summaries: BTreeMap<String, String> =
            serde_json::from_str(&self.summaries).map_err(|_| bad("summaries".into()))?;
        Ok(LibraryDocument {
            published_at: db_time(self.published_at).map_err(&bad)?,
            withdrawn_at: self
                .withdrawn_at
                .map(|t| db_time(t).map_err(&bad))
                .transpose()?,
            id: self.id,
            participant: self.participant,
            title: self.title,
            kind: self.kind,
            tlp: self.tlp,
            languages: split(&self.languages),
            areas: split(&self.areas),
            summaries,
            file_name: self.file_name,
            file_type: self.file_type,
            size: self.size,
            sha256: self.sha256,
            published_by: self.published_by,
            withdrawn_by: self.withdrawn_by,
            withdrawal_reason: self.withdrawal_reason,
        })
    }
}

#[async_trait]
impl<D: Driver> LibraryStore for SqlStore<D> {
    async fn publish_library_document(
        &self,
        d: NewLibraryDocument,
        mut log: LogDraft,
    ) -> StoreResult<LibraryDocument> {
        let sealed = self.seal_bytes(FILE_BYTES, &d.bytes)?;
        let summaries = serde_json::to_string(&d.summaries)
            .map_err(|e| StoreError::Corrupt(format!("library summaries: {e}")))?;
        let (languages, areas) = (joined(&d.languages), joined(&d.areas));
        let mut tx = self.begin().await?;
        let (id,): (i64,) = tx
            .fetch_one(
                "INSERT INTO library_documents (participant, title, kind, tlp, languages, areas, \
                 summaries, file_name, file_type, size, sha256, bytes, published_at, published_by, \
                 withdrawal_reason) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '') \
                 RETURNING id",
                &[
                    d.participant.as_deref().into(),
                    d.title.as_str().into(),
                    d.kind.as_str().into(),
                    d.tlp.as_str().into(),
                    languages.as_str().into(),
                    areas.as_str().into(),
                    summaries.as_str().into(),
                    d.file_name.as_str().into(),
                    d.file_type.as_str().into(),
                    i64::try_from(d.bytes.len()).unwrap_or(i64::MAX).into(),
                    d.sha256.as_str().into(),
                    sealed.as_slice().into(),
                    to_db_time(d.published_at).into(),
                    d.published_by.into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("library document"))?;
        let row: DocumentRow = tx
            .fetch_one(
                &format!("SELECT {COLUMNS} FROM library_documents WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        let document = row.open()?;
        log.object = format!("library_document:{id}");
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(document)
    }

    async fn library_documents(&self) -> StoreResult<Vec<LibraryDocument>> {
        let rows: Vec<DocumentRow> = self
            .fetch_all(
                &format!("SELECT {COLUMNS} FROM library_documents ORDER BY id DESC"),
                &[],
            )
            .await?;
        rows.into_iter().map(DocumentRow::open).collect()
    }

    async fn library_document(&self, id: i64) -> StoreResult<Option<LibraryDocument>> {
        let row: Option<DocumentRow> = self
            .fetch_optional(
                &format!("SELECT {COLUMNS} FROM library_documents WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        row.map(DocumentRow::open).transpose()
    }

    async fn library_file(&self, id: i64) -> StoreResult<Option<Vec<u8>>> {
        let row: Option<(Vec<u8>,)> = self
            .fetch_optional(
                "SELECT bytes FROM library_documents WHERE id = $1",
                &[id.into()],
            )
            .await?;
        row.map(|(sealed,)| self.open_bytes(FILE_BYTES, id, &sealed))
            .transpose()
    }

    async fn withdraw_library_document(
        &self,
        id: i64,
        at: OffsetDateTime,
        by: i64,
        reason: &str,
        log: LogDraft,
    ) -> StoreResult<LibraryDocument> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                "UPDATE library_documents SET withdrawn_at = $2, withdrawn_by = $3, \
                 withdrawal_reason = $4 WHERE id = $1 AND withdrawn_at IS NULL",
                &[id.into(), to_db_time(at).into(), by.into(), reason.into()],
            )
            .await?;
        let row: Option<DocumentRow> = tx
            .fetch_optional(
                &format!("SELECT {COLUMNS} FROM library_documents WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        };
        if changed != 1 {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed(format!(
                "library document {id} is withdrawn already"
            )));
        }
        let document = row.open()?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(document)
    }
}
