//! TAXII 2.1 threat exchange: the one service the TAXII endpoints call.
//! It puts together the domain's rules (`taxii/`: who reads and writes each
//! collection, the TLP label of each object, the filters, the sealed
//! `next`, an envelope read object by object) and the store's collections,
//! objects and statuses, and writes each change to the log in its
//! transaction.
//!
//! What a reader may not see is never returned, counted or hinted at: a
//! collection it may neither read nor write is "not found", and a page is
//! chosen by the store among the labels the reader may see.

use pocdir_domain::clock::Clock;
use pocdir_domain::communication::tlp::{Person, TlpLabel};
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::entropy::Entropy;
use pocdir_domain::log::entry::{ContentError, LogActor};
use pocdir_domain::log::events;
use pocdir_domain::requester::Requester;
use pocdir_domain::taxii::collection::{Collection, CollectionKind, TaxiiRefusal};
use pocdir_domain::taxii::envelope::{read_envelope, EnvelopeProblem};
use pocdir_domain::taxii::filter::{parse_filter, Endpoint, FilterProblem, VersionChoice};
use pocdir_domain::taxii::new_id;
use pocdir_domain::taxii::page::{NextProblem, NextToken};
use pocdir_store::{
    CollectionRecord, NewCollection, NewObjects, NewTaxiiObject, ObjectQuery, StatusDetail,
    StatusRecord, Store, StoreError, StoredObject,
};
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};

/// How long a request's status is kept (the standard asks for a day).
pub const STATUS_KEPT: Duration = Duration::hours(24);

/// Why a TAXII request was not done. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum TaxiiFailure {
    /// No such collection, object or status — or one the reader may not know.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Refused(TaxiiRefusal),
    #[error(transparent)]
    Filter(FilterProblem),
    #[error(transparent)]
    Next(NextProblem),
    #[error(transparent)]
    Envelope(EnvelopeProblem),
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Content(#[from] ContentError),
}

impl From<StoreError> for TaxiiFailure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => TaxiiFailure::NotFound,
            other => TaxiiFailure::Store(other),
        }
    }
}

/// A collection and what the reader may do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenCollection {
    pub record: CollectionRecord,
    pub can_read: bool,
    pub can_write: bool,
}

/// A page of objects as the reader may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub objects: Vec<StoredObject>,
    /// Whether there is more after this page, and the `next` that gets it.
    pub more: bool,
    pub next: Option<String>,
}

impl Page {
    /// `X-TAXII-Date-Added-First` and `-Last`: of this page's objects.
    pub fn added_range(&self) -> Option<(OffsetDateTime, OffsetDateTime)> {
        let first = self.objects.iter().map(|o| o.added).min()?;
        let last = self.objects.iter().map(|o| o.added).max()?;
        Some((first, last))
    }
}

/// How long a State's participation and a collection's record are taken
/// from memory before the store is asked again: a change made by any
/// instance (a State suspended, a collection made) holds everywhere within
/// this time.
pub const CACHE_FOR: Duration = Duration::seconds(1);

/// What every TAXII request asks and almost never changes, kept in memory
/// for [`CACHE_FOR`]: whether a State takes part, and each collection.
#[derive(Debug, Default)]
pub struct TaxiiCache {
    participants: std::sync::Mutex<HashMap<String, (bool, OffsetDateTime)>>,
    collections: std::sync::Mutex<HashMap<String, (Option<CollectionRecord>, OffsetDateTime)>>,
}

impl TaxiiCache {
    fn participant(&self, code: &str, now: OffsetDateTime) -> Option<bool> {
        let map = self.participants.lock().ok()?;
        map.get(code)
            .filter(|(_, until)| *until > now)
            .map(|(takes_part, _)| *takes_part)
    }

    fn keep_participant(&self, code: &str, takes_part: bool, now: OffsetDateTime) {
        if let Ok(mut map) = self.participants.lock() {
            map.insert(code.to_string(), (takes_part, now + CACHE_FOR));
        }
    }

    fn collection(&self, id: &str, now: OffsetDateTime) -> Option<Option<CollectionRecord>> {
        let map = self.collections.lock().ok()?;
        map.get(id)
            .filter(|(_, until)| *until > now)
            .map(|(record, _)| record.clone())
    }

    fn keep_collection(&self, id: &str, record: Option<CollectionRecord>, now: OffsetDateTime) {
        if let Ok(mut map) = self.collections.lock() {
            // Bounded: ids asked for that do not exist are kept too.
            if map.len() > 10_000 {
                map.clear();
            }
            map.insert(id.to_string(), (record, now + CACHE_FOR));
        }
    }

    /// Forgets every collection (this instance made one).
    fn forget_collections(&self) {
        if let Ok(mut map) = self.collections.lock() {
            map.clear();
        }
    }
}

pub struct Taxii<'a> {
    store: &'a dyn Store,
    clock: &'a dyn Clock,
    entropy: &'a dyn Entropy,
    /// The key that seals `next` tokens.
    next_key: &'a [u8],
    cache: Option<&'a TaxiiCache>,
}

impl<'a> Taxii<'a> {
    pub fn new(
        store: &'a dyn Store,
        clock: &'a dyn Clock,
        entropy: &'a dyn Entropy,
        next_key: &'a [u8],
    ) -> Self {
        Taxii {
            store,
            clock,
            entropy,
            next_key,
            cache: None,
        }
    }

    /// Takes participations and collections from `cache` while they are fresh.
    pub fn with_cache(mut self, cache: &'a TaxiiCache) -> Self {
        self.cache = Some(cache);
        self
    }

    async fn takes_part(&self, code: &str) -> Result<bool, TaxiiFailure> {
        let now = self.clock.now();
        if let Some(known) = self.cache.and_then(|c| c.participant(code, now)) {
            return Ok(known);
        }
        let takes_part = self
            .store
            .participant(code)
            .await?
            .is_some_and(|p| p.status == ParticipationStatus::Participating);
        if let Some(c) = self.cache {
            c.keep_participant(code, takes_part, now);
        }
        Ok(takes_part)
    }

    async fn record(&self, id: &str) -> Result<Option<CollectionRecord>, TaxiiFailure> {
        let now = self.clock.now();
        if let Some(known) = self.cache.and_then(|c| c.collection(id, now)) {
            return Ok(known);
        }
        let record = self.store.taxii_collection(id).await?;
        if let Some(c) = self.cache {
            c.keep_collection(id, record.clone(), now);
        }
        Ok(record)
    }

    /// The reader as the rules see it.
    pub async fn person(&self, who: &Requester) -> Result<Person, TaxiiFailure> {
        let state = who
            .actor
            .participant
            .as_ref()
            .map(|p| p.as_str().to_string());
        let takes_part = match &state {
            Some(code) => self.takes_part(code).await?,
            None => false,
        };
        Ok(Person {
            account_id: who.account_id(),
            kind: who.actor.kind,
            state,
            state_takes_part: takes_part,
        })
    }

    /// Makes the collections every installation has, once: the shared
    /// one, the intake and an inbox per participating State. How many
    /// were made.
    pub async fn ensure_collections(&self, actor: &LogActor) -> Result<usize, TaxiiFailure> {
        let existing = self.store.taxii_collections().await?;
        let has = |kind: &CollectionKind| existing.iter().any(|c| &c.rules.kind == kind);
        let mut wanted: Vec<(CollectionKind, String, TlpLabel)> = Vec::new();
        if !has(&CollectionKind::Shared) {
            wanted.push((
                CollectionKind::Shared,
                "Shared: every participating State".to_string(),
                TlpLabel::Green,
            ));
        }
        if !has(&CollectionKind::Intake) {
            wanted.push((
                CollectionKind::Intake,
                "Intake: vetted reporters".to_string(),
                TlpLabel::AmberStrict,
            ));
        }
        for p in self.store.participants().await? {
            let inbox = CollectionKind::Inbox {
                state: p.code.clone(),
            };
            if p.status == ParticipationStatus::Participating && !has(&inbox) {
                wanted.push((inbox, format!("Inbox of {}", p.code), TlpLabel::Amber));
            }
        }
        let now = self.clock.now();
        let mut made = 0;
        for (kind, title, default_label) in wanted {
            let id = new_id(self.entropy);
            let (kind_name, state) = match &kind {
                CollectionKind::Shared => ("shared", None),
                CollectionKind::Inbox { state } => ("inbox", Some(state.clone())),
                CollectionKind::Group { .. } => ("group", None),
                CollectionKind::Intake => ("intake", None),
            };
            let log =
                events::taxii_collection_created(now, actor, &id, kind_name, state.as_deref())?;
            let created = self
                .store
                .create_taxii_collection(
                    NewCollection {
                        id,
                        title,
                        description: String::new(),
                        rules: Collection {
                            kind,
                            default_label,
                        },
                        created_at: now,
                    },
                    log,
                )
                .await;
            if let Some(c) = self.cache {
                c.forget_collections();
            }
            match created {
                Ok(()) => made += 1,
                // Another instance made it a moment ago: it exists.
                Err(StoreError::Duplicate(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(made)
    }

    /// The collections the reader may read or write (others are not listed).
    pub async fn collections(&self, who: &Requester) -> Result<Vec<SeenCollection>, TaxiiFailure> {
        let person = self.person(who).await?;
        Ok(self
            .store
            .taxii_collections()
            .await?
            .into_iter()
            .map(|record| SeenCollection {
                can_read: record.rules.can_read(&person),
                can_write: record.rules.can_write(&person),
                record,
            })
            .filter(|c| c.can_read || c.can_write)
            .collect())
    }

    /// One collection, if the reader may read or write it.
    pub async fn collection(
        &self,
        who: &Requester,
        id: &str,
    ) -> Result<SeenCollection, TaxiiFailure> {
        let person = self.person(who).await?;
        self.seen(&person, id).await
    }

    async fn seen(&self, person: &Person, id: &str) -> Result<SeenCollection, TaxiiFailure> {
        let record = self.record(id).await?.ok_or(TaxiiFailure::NotFound)?;
        let seen = SeenCollection {
            can_read: record.rules.can_read(person),
            can_write: record.rules.can_write(person),
            record,
        };
        if seen.can_read || seen.can_write {
            Ok(seen)
        } else {
            Err(TaxiiFailure::NotFound)
        }
    }

    /// Adds an envelope's objects: each checked as STIX 2.1 and by its
    /// label; the good ones kept, the others told in the status, which is
    /// kept with them and logged in one transaction.
    pub async fn add(
        &self,
        who: &Requester,
        collection: &str,
        body: &str,
    ) -> Result<StatusRecord, TaxiiFailure> {
        let person = self.person(who).await?;
        let seen = self.seen(&person, collection).await?;
        if !seen.can_write {
            return Err(TaxiiFailure::Refused(TaxiiRefusal::MayNotWrite));
        }
        if seen.record.rules.kind == CollectionKind::Intake {
            // Only a reporter the secretariat approved (and has not
            // suspended) delivers, by TAXII as by reports.
            let approved = self
                .store
                .reporter_of_account(who.account_id())
                .await?
                .is_some_and(|r| r.status.may_deliver());
            if !approved {
                return Err(TaxiiFailure::Refused(TaxiiRefusal::MayNotWrite));
            }
        }
        let rules = &seen.record.rules;
        let mut objects = Vec::new();
        let mut failures = Vec::new();
        for read in read_envelope(body).map_err(TaxiiFailure::Envelope)? {
            match read {
                Ok(o) => {
                    let label = rules.label_of(o.label);
                    match rules.may_put(&person, label) {
                        Ok(()) => objects.push(NewTaxiiObject {
                            object_id: o.id,
                            kind: o.kind,
                            spec_version: o.spec_version,
                            version: o.version,
                            label,
                            json: o.json,
                        }),
                        Err(refusal) => failures.push(StatusDetail {
                            id: o.id,
                            version: o
                                .version
                                .map(pocdir_domain::taxii::filter::format_timestamp),
                            message: Some(refusal.to_string()),
                        }),
                    }
                }
                Err(refused) => failures.push(StatusDetail {
                    id: refused.id.unwrap_or_default(),
                    version: refused.version,
                    message: Some(format!(
                        "{}{}",
                        refused.problem.message_id(),
                        refused
                            .problem
                            .property()
                            .map(|p| format!(" ({p})"))
                            .unwrap_or_default()
                    )),
                }),
            }
        }
        let now = self.clock.now();
        let status_id = new_id(self.entropy);
        let log = events::taxii_added(
            now,
            &who.log,
            collection,
            &status_id,
            objects.len(),
            failures.len(),
        )?;
        Ok(self
            .store
            .add_taxii_objects(NewObjects {
                status_id,
                collection_id: collection.to_string(),
                writer: Some(who.account_id()),
                at: now,
                objects,
                failures,
                log: vec![log],
            })
            .await?)
    }

    /// The labels `person` may see in `rules`' collection.
    fn labels(rules: &Collection, person: &Person) -> Vec<TlpLabel> {
        TlpLabel::ALL
            .into_iter()
            .filter(|l| rules.may_see(person, *l))
            .collect()
    }

    /// A page of a collection (`objects/`, `manifest/`), of one object
    /// (`objects/{id}/`) or of its versions (`versions/`), from the
    /// request's parameters (`pairs`, decoded).
    pub async fn page(
        &self,
        who: &Requester,
        collection: &str,
        endpoint: Endpoint,
        object_id: Option<&str>,
        pairs: &[(String, String)],
    ) -> Result<Page, TaxiiFailure> {
        let person = self.person(who).await?;
        let seen = self.seen(&person, collection).await?;
        if !seen.can_read {
            return Err(TaxiiFailure::Refused(TaxiiRefusal::MayNotRead));
        }
        let mut filter = parse_filter(pairs, endpoint).map_err(TaxiiFailure::Filter)?;
        if endpoint == Endpoint::Versions {
            filter.versions = vec![VersionChoice::All];
        }
        let now = self.clock.now();
        let after = match &filter.next {
            Some(raw) => Some(
                NextToken::open(raw, self.next_key, collection, &filter, now)
                    .map_err(TaxiiFailure::Next)?
                    .after,
            ),
            None => None,
        };
        let query = ObjectQuery {
            filter: filter.clone(),
            object_id: object_id.map(str::to_string),
            after,
            labels: Self::labels(&seen.record.rules, &person),
        };
        let mut objects = self.store.taxii_objects(collection, &query).await?;
        let limit = usize::try_from(filter.limit).unwrap_or(usize::MAX);
        let more = objects.len() > limit;
        objects.truncate(limit);
        let next = if more {
            objects
                .last()
                .map(|o| NextToken::new(o.seq, now).seal(self.next_key, collection, &filter))
        } else {
            None
        };
        if object_id.is_some() && objects.is_empty() && after.is_none() {
            // An object the reader may not see, or none: not found alike.
            return Err(TaxiiFailure::NotFound);
        }
        Ok(Page {
            objects,
            more,
            next,
        })
    }

    /// A request's status: only to the account that made it.
    pub async fn status(&self, who: &Requester, id: &str) -> Result<StatusRecord, TaxiiFailure> {
        let status = self
            .store
            .taxii_status(id)
            .await?
            .filter(|s| s.account_id == Some(who.account_id()))
            .filter(|s| s.requested_at + STATUS_KEPT > self.clock.now())
            .ok_or(TaxiiFailure::NotFound)?;
        Ok(status)
    }

    /// Deletes the versions of one object that `match[version]` chooses
    /// (every version when it is not given), among those the writer may
    /// see; logged. A reader and writer of the collection only.
    pub async fn delete(
        &self,
        who: &Requester,
        collection: &str,
        object_id: &str,
        pairs: &[(String, String)],
    ) -> Result<u64, TaxiiFailure> {
        let person = self.person(who).await?;
        let seen = self.seen(&person, collection).await?;
        if !(seen.can_read && seen.can_write) {
            return Err(TaxiiFailure::Refused(TaxiiRefusal::MayNotWrite));
        }
        let mut filter = parse_filter(pairs, Endpoint::Object).map_err(TaxiiFailure::Filter)?;
        if !pairs.iter().any(|(k, _)| k == "match[version]") {
            filter.versions = vec![VersionChoice::All];
        }
        let query = ObjectQuery {
            filter,
            object_id: Some(object_id.to_string()),
            after: None,
            labels: Self::labels(&seen.record.rules, &person),
        };
        let log = events::taxii_deleted(self.clock.now(), &who.log, collection, object_id)?;
        let deleted = self
            .store
            .delete_taxii_object(collection, &query, log)
            .await?;
        if deleted == 0 {
            return Err(TaxiiFailure::NotFound);
        }
        Ok(deleted)
    }

    /// Forgets statuses older than [`STATUS_KEPT`]; how many.
    pub async fn purge_statuses(&self) -> Result<u64, TaxiiFailure> {
        Ok(self
            .store
            .purge_taxii_statuses(self.clock.now() - STATUS_KEPT)
            .await?)
    }
}
