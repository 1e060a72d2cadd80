//! The best-practice library: documents with their label, languages,
//! areas and summaries, the file sealed at rest, and their withdrawal,
//! each with its log entry in the same transaction.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use std::collections::BTreeMap;
use time::OffsetDateTime;

mod store;

/// A document to publish, checked by the domain's `library` rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLibraryDocument {
    /// The publishing participant; None for the secretariat.
    pub participant: Option<String>,
    pub title: String,
    pub kind: String,
    /// The TLP code (`GREEN`).
    pub tlp: String,
    pub languages: Vec<String>,
    pub areas: Vec<String>,
    pub summaries: BTreeMap<String, String>,
    pub file_name: String,
    /// The checked type (`pdf`, `text`, ...).
    pub file_type: String,
    pub sha256: String,
    pub bytes: Vec<u8>,
    pub published_at: OffsetDateTime,
    pub published_by: Option<i64>,
}

/// A document as kept, without its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryDocument {
    pub id: i64,
    pub participant: Option<String>,
    pub title: String,
    pub kind: String,
    pub tlp: String,
    pub languages: Vec<String>,
    pub areas: Vec<String>,
    pub summaries: BTreeMap<String, String>,
    pub file_name: String,
    pub file_type: String,
    pub size: i64,
    pub sha256: String,
    pub published_at: OffsetDateTime,
    pub published_by: Option<i64>,
    pub withdrawn_at: Option<OffsetDateTime>,
    pub withdrawn_by: Option<i64>,
    pub withdrawal_reason: String,
}

#[async_trait]
pub trait LibraryStore: Send + Sync {
    /// Publishes a document with its entry (whose object the store names
    /// with the new document's number).
    async fn publish_library_document(
        &self,
        document: NewLibraryDocument,
        log: LogDraft,
    ) -> StoreResult<LibraryDocument>;
    /// Every document, newest first, without files (who sees which is the
    /// policy's).
    async fn library_documents(&self) -> StoreResult<Vec<LibraryDocument>>;
    async fn library_document(&self, id: i64) -> StoreResult<Option<LibraryDocument>>;
    /// A document's file, opened; None when there is no such document.
    async fn library_file(&self, id: i64) -> StoreResult<Option<Vec<u8>>>;
    /// Withdraws a document that is not withdrawn yet, with its entry:
    /// `NotAllowed` when it is, `NotFound` when there is none.
    async fn withdraw_library_document(
        &self,
        id: i64,
        at: OffsetDateTime,
        by: i64,
        reason: &str,
        log: LogDraft,
    ) -> StoreResult<LibraryDocument>;
}
