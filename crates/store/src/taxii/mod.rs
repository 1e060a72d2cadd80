//! TAXII 2.1 collections, the STIX objects in them (every version, each
//! kept exactly as posted, sealed) and the status of each request that
//! added objects.
//!
//! The store decides nothing about who may read what: the caller passes
//! the labels the reader may see (`taxii::collection::Collection::may_see`),
//! and a page holds only objects with those labels, its versions chosen
//! among them, so that what a reader may not see is never returned,
//! counted or hinted at. A page walks the collection in the order objects
//! were added from a position (`seq`), so that it costs the same at a
//! million objects as at a thousand.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::taxii::collection::Collection;
use pocdir_domain::taxii::filter::ObjectFilter;
use time::OffsetDateTime;

mod store;

/// A collection to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCollection {
    /// A UUID.
    pub id: String,
    pub title: String,
    pub description: String,
    pub rules: Collection,
    pub created_at: OffsetDateTime,
}

/// A collection as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionRecord {
    pub id: String,
    pub title: String,
    pub description: String,
    pub rules: Collection,
    pub created_at: OffsetDateTime,
}

/// One version of an object to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTaxiiObject {
    pub object_id: String,
    pub kind: String,
    pub spec_version: String,
    /// None: the moment it is added is its version (an object without
    /// `modified` or `created`).
    pub version: Option<OffsetDateTime>,
    /// Its own label, or the collection's default.
    pub label: TlpLabel,
    /// Exactly as posted.
    pub json: String,
}

/// One object of a request as its status tells it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatusDetail {
    pub id: String,
    /// The version, as a STIX timestamp, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A request that adds objects: the good ones, what became of every one
/// (the failures with their reason), its log entries.
#[derive(Debug, Clone)]
pub struct NewObjects {
    pub status_id: String,
    pub collection_id: String,
    pub writer: Option<i64>,
    pub at: OffsetDateTime,
    pub objects: Vec<NewTaxiiObject>,
    /// Objects refused before the store (not STIX 2.1, a label the
    /// collection does not take), with their reason.
    pub failures: Vec<StatusDetail>,
    pub log: Vec<LogDraft>,
}

/// A request's status resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRecord {
    pub id: String,
    pub collection_id: String,
    pub account_id: Option<i64>,
    pub requested_at: OffsetDateTime,
    pub successes: Vec<StatusDetail>,
    pub failures: Vec<StatusDetail>,
}

/// Which objects a page holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectQuery {
    pub filter: ObjectFilter,
    /// One object's versions only (`objects/{id}/`, `versions/`).
    pub object_id: Option<String>,
    /// After this position (the `next` of the page before).
    pub after: Option<i64>,
    /// The labels the reader may see; nothing else is looked at.
    pub labels: Vec<TlpLabel>,
}

/// One version of an object as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredObject {
    pub seq: i64,
    pub object_id: String,
    pub kind: String,
    pub spec_version: String,
    pub version: OffsetDateTime,
    pub added: OffsetDateTime,
    pub label: TlpLabel,
    pub json: String,
}

#[async_trait]
pub trait TaxiiStore: Send + Sync {
    /// Makes a collection (an inbox per participant at most).
    async fn create_taxii_collection(&self, new: NewCollection, log: LogDraft) -> StoreResult<()>;

    /// Every collection, by title.
    async fn taxii_collections(&self) -> StoreResult<Vec<CollectionRecord>>;

    async fn taxii_collection(&self, id: &str) -> StoreResult<Option<CollectionRecord>>;

    /// Adds the objects (a version already there counts as added) and
    /// keeps the request's status with every success and failure, in one
    /// transaction with its log entries.
    async fn add_taxii_objects(&self, add: NewObjects) -> StoreResult<StatusRecord>;

    /// A status, while it is kept.
    async fn taxii_status(&self, id: &str) -> StoreResult<Option<StatusRecord>>;

    /// Forgets the statuses of requests made before `before`; how many.
    async fn purge_taxii_statuses(&self, before: OffsetDateTime) -> StoreResult<u64>;

    /// A page of `collection`: the versions `query.filter` chooses among
    /// those with `query.labels`, in the order they were added, after
    /// `query.after`; at most `query.filter.limit + 1` (one more says
    /// there is more).
    async fn taxii_objects(
        &self,
        collection: &str,
        query: &ObjectQuery,
    ) -> StoreResult<Vec<StoredObject>>;

    /// Deletes the versions of one object the query chooses (among those
    /// with its labels), with its log entries; how many.
    async fn delete_taxii_object(
        &self,
        collection: &str,
        query: &ObjectQuery,
        log: LogDraft,
    ) -> StoreResult<u64>;
}
