//! The use case of the common lexicon, for the pages, the API and the
//! demo: reading concepts through an index cached per revision (any
//! instance's change is seen at the next search), the secretariat's
//! versions and imports, States' proposals and comments, and decisions.

use crate::http::error::AppError;
use axum::http::StatusCode;
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::lexicon::proposal::{self, DecisionRefusal, ProposalStatus};
use pocdir_domain::lexicon::search::{Found, LexiconIndex};
use pocdir_domain::lexicon::{check, Concept, ConceptDraft, LexiconDomain};
use pocdir_domain::log::entry::{ContentError, LogActor};
use pocdir_domain::log::events;
use pocdir_domain::requester::Requester;
use pocdir_store::{
    ConceptVersion, LexiconComment, LexiconDecision, LexiconProposal, Store, StoreError,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// Why a step of the lexicon did not happen.
#[derive(Debug)]
pub enum LexiconFailure {
    NotFound,
    /// The concept's fields, each with its problem.
    Fields(Vec<FieldError>),
    /// An import that cannot be read: its message id and the place.
    Malformed(String),
    /// Adding a concept whose id is taken.
    Exists,
    /// Another change came first.
    Concurrent,
    Decision(DecisionRefusal),
    /// A comment or a reason that is empty or too long.
    Text(&'static str),
    Store(StoreError),
    Content(ContentError),
}

impl From<StoreError> for LexiconFailure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => LexiconFailure::NotFound,
            StoreError::NotAllowed(_) => LexiconFailure::Decision(DecisionRefusal::Decided),
            StoreError::Duplicate(_) => LexiconFailure::Concurrent,
            other => LexiconFailure::Store(other),
        }
    }
}

impl From<ContentError> for LexiconFailure {
    fn from(e: ContentError) -> Self {
        LexiconFailure::Content(e)
    }
}

impl From<LexiconFailure> for AppError {
    fn from(e: LexiconFailure) -> Self {
        let conflict = |id| AppError::new(StatusCode::CONFLICT, "not_allowed_now", id);
        match e {
            LexiconFailure::NotFound => AppError::not_found(),
            LexiconFailure::Fields(errors) => AppError::invalid_fields(
                errors
                    .into_iter()
                    .map(|e| (e.field, e.message_id))
                    .collect(),
            ),
            LexiconFailure::Malformed(place) => {
                AppError::invalid_fields(vec![("file".to_owned(), "lexicon-import-malformed")])
                    .with_field_args("file", vec![("place", pocdir_i18n::FluentArg::Text(place))])
            }
            LexiconFailure::Exists => conflict("lexicon-concept-exists"),
            LexiconFailure::Concurrent => conflict("lexicon-concurrent"),
            LexiconFailure::Decision(DecisionRefusal::Decided) => {
                conflict("lexicon-proposal-decided")
            }
            LexiconFailure::Decision(DecisionRefusal::Stale) => conflict("lexicon-proposal-stale"),
            LexiconFailure::Text(field) => {
                AppError::invalid_fields(vec![(field.to_owned(), "lexicon-error-text")])
            }
            LexiconFailure::Store(e) => e.into(),
            LexiconFailure::Content(_) => AppError::internal(),
        }
    }
}

pub type LexiconResult<T> = Result<T, LexiconFailure>;

/// The concepts at one revision, with their index.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub revision: i64,
    /// By id: the newest version's number and the concept.
    pub concepts: BTreeMap<String, (u32, Concept)>,
    pub index: LexiconIndex,
}

/// The snapshot of the newest revision read, shared by every request.
#[derive(Debug, Default)]
pub struct LexiconCache(Mutex<Option<Arc<Snapshot>>>);

fn read(v: &ConceptVersion) -> LexiconResult<Concept> {
    serde_json::from_str(&v.content).map_err(|e| {
        LexiconFailure::Store(StoreError::Corrupt(format!(
            "lexicon concept {} version {}: {e}",
            v.concept_id, v.version
        )))
    })
}

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn to_json(concept: &Concept) -> LexiconResult<String> {
    serde_json::to_string(concept)
        .map_err(|e| LexiconFailure::Store(StoreError::Corrupt(format!("concept to JSON: {e}"))))
}

/// A concept's version as written, with its entry.
fn version_of(
    at: time::OffsetDateTime,
    actor: &LogActor,
    concept: &Concept,
    version: u32,
    summary: &str,
    proposal_id: Option<i64>,
) -> LexiconResult<(ConceptVersion, pocdir_domain::log::entry::LogDraft)> {
    let content = to_json(concept)?;
    let log = events::lexicon_changed(
        at,
        actor,
        &concept.id,
        version,
        summary,
        proposal_id,
        &sha256(&content),
    )?;
    Ok((
        ConceptVersion {
            concept_id: concept.id.clone(),
            version,
            content,
            summary: summary.to_owned(),
            changed_at: at,
            changed_by: actor.account_id,
            proposal_id,
        },
        log,
    ))
}

/// Installs the shipped concepts an installation does not have (at every
/// start and by the demo), as version 1, in one transaction.
pub async fn install_shipped(
    store: &dyn Store,
    clock: &dyn Clock,
    actor: &LogActor,
) -> LexiconResult<usize> {
    let shipped = pocdir_domain::lexicon::seed::shipped().map_err(LexiconFailure::Malformed)?;
    let have: Vec<String> = store
        .latest_concepts()
        .await?
        .into_iter()
        .map(|v| v.concept_id)
        .collect();
    let at = clock.now();
    let mut versions = Vec::new();
    let mut log = Vec::new();
    for concept in shipped.iter().filter(|c| !have.contains(&c.id)) {
        let (v, entry) = version_of(at, actor, concept, 1, "OEWG seed", None)?;
        versions.push(v);
        log.push(entry);
    }
    let installed = versions.len();
    if installed > 0 {
        store.add_concept_versions(versions, log).await?;
    }
    Ok(installed)
}

/// A proposal, read.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub stored: LexiconProposal,
    pub concept: Concept,
    pub status: ProposalStatus,
}

/// Who acts, on which store and clock.
pub struct Lexicon<'a> {
    pub store: &'a dyn Store,
    pub clock: &'a dyn Clock,
    pub cache: &'a LexiconCache,
}

/// The longest page of search results.
pub const MAX_PAGE: usize = 200;

impl Lexicon<'_> {
    /// The concepts at the newest revision: the cached snapshot when no
    /// version was written since (one cheap query), else read again.
    pub async fn snapshot(&self) -> LexiconResult<Arc<Snapshot>> {
        let revision = self.store.lexicon_revision().await?;
        let cached = self.cache.0.lock().ok().and_then(|c| c.clone());
        if let Some(s) = cached.filter(|s| s.revision == revision) {
            return Ok(s);
        }
        let mut concepts = BTreeMap::new();
        for v in self.store.latest_concepts().await? {
            let concept = read(&v)?;
            concepts.insert(v.concept_id.clone(), (v.version, concept));
        }
        let index = LexiconIndex::new(concepts.values().map(|(_, c)| c));
        let snapshot = Arc::new(Snapshot {
            revision,
            concepts,
            index,
        });
        if let Ok(mut slot) = self.cache.0.lock() {
            // Keep the newer of two snapshots read at once.
            if slot.as_ref().is_none_or(|s| s.revision <= revision) {
                *slot = Some(snapshot.clone());
            }
        }
        Ok(snapshot)
    }

    pub async fn search(
        &self,
        query: &str,
        domain: Option<LexiconDomain>,
        offset: usize,
        limit: usize,
    ) -> LexiconResult<(Arc<Snapshot>, Found)> {
        let snapshot = self.snapshot().await?;
        let found = snapshot
            .index
            .search(query, domain, offset, limit.min(MAX_PAGE));
        Ok((snapshot, found))
    }

    /// A concept's version (the newest when None) and the concept.
    pub async fn concept(
        &self,
        id: &str,
        version: Option<u32>,
    ) -> LexiconResult<(ConceptVersion, Concept)> {
        let v = self
            .store
            .concept_version(id, version)
            .await?
            .ok_or(LexiconFailure::NotFound)?;
        let c = read(&v)?;
        Ok((v, c))
    }

    /// Every version of a concept with its concept, oldest first.
    pub async fn history(&self, id: &str) -> LexiconResult<Vec<(ConceptVersion, Concept)>> {
        let versions = self.store.concept_versions(id).await?;
        if versions.is_empty() {
            return Err(LexiconFailure::NotFound);
        }
        versions
            .into_iter()
            .map(|v| read(&v).map(|c| (v, c)))
            .collect()
    }

    /// The secretariat writes a concept: a new one (`expected` None) or
    /// the next version of the one at `expected`.
    pub async fn save(
        &self,
        who: &Requester,
        draft: &ConceptDraft,
        expected: Option<u32>,
        summary: &str,
    ) -> LexiconResult<u32> {
        let concept = check(draft).map_err(LexiconFailure::Fields)?;
        let summary = proposal::text(summary, proposal::MAX_RATIONALE)
            .ok_or(LexiconFailure::Text("summary"))?;
        let current = self
            .store
            .concept_version(&concept.id, None)
            .await?
            .map(|v| v.version);
        match (expected, current) {
            (None, Some(_)) => return Err(LexiconFailure::Exists),
            (Some(_), None) => return Err(LexiconFailure::NotFound),
            (Some(e), Some(c)) if e != c => return Err(LexiconFailure::Concurrent),
            _ => {}
        }
        let next = current.unwrap_or(0).saturating_add(1);
        let (v, log) = version_of(self.clock.now(), &who.log, &concept, next, &summary, None)?;
        self.store.add_concept_versions(vec![v], vec![log]).await?;
        Ok(next)
    }

    /// Imports checked concepts: each different from its newest version
    /// becomes the next one, all in one transaction with one entry per
    /// version and one for the import. Returns how many changed.
    pub async fn import(
        &self,
        who: &Requester,
        mut drafts: Vec<ConceptDraft>,
        format: &str,
        file_sha256: &str,
    ) -> LexiconResult<usize> {
        let snapshot = self.snapshot().await?;
        if format == "jsonld" {
            // SKOS says labels, not statuses: what it cannot say is kept.
            for d in &mut drafts {
                if let Some((_, current)) = snapshot.concepts.get(d.id.trim()) {
                    pocdir_domain::lexicon::skos::keep_statuses(d, current);
                }
            }
        }
        let mut concepts = Vec::with_capacity(drafts.len());
        let mut errors = Vec::new();
        for (i, d) in drafts.iter().enumerate() {
            match check(d) {
                Ok(c) => concepts.push(c),
                Err(e) => errors.extend(e.into_iter().map(|f| FieldError {
                    field: format!("concept[{i}].{}", f.field),
                    message_id: f.message_id,
                })),
            }
        }
        if !errors.is_empty() {
            return Err(LexiconFailure::Fields(errors));
        }
        let at = self.clock.now();
        let mut versions = Vec::new();
        let mut log = Vec::new();
        for concept in &concepts {
            let current = snapshot.concepts.get(&concept.id);
            if current.is_some_and(|(_, c)| c == concept) {
                continue;
            }
            let next = current.map_or(1, |(v, _)| v.saturating_add(1));
            let summary = format!("{format} import");
            let (v, entry) = version_of(at, &who.log, concept, next, &summary, None)?;
            versions.push(v);
            log.push(entry);
        }
        let changed = versions.len();
        log.push(events::lexicon_imported(
            at,
            &who.log,
            format,
            changed,
            file_sha256,
        )?);
        self.store.add_concept_versions(versions, log).await?;
        Ok(changed)
    }

    /// A State proposes a concept (`base` None) or a change to the version
    /// it read.
    pub async fn propose(
        &self,
        who: &Requester,
        draft: &ConceptDraft,
        base: Option<u32>,
        rationale: &str,
    ) -> LexiconResult<LexiconProposal> {
        let concept = check(draft).map_err(LexiconFailure::Fields)?;
        let rationale = proposal::text(rationale, proposal::MAX_RATIONALE)
            .ok_or(LexiconFailure::Text("rationale"))?;
        let current = self
            .store
            .concept_version(&concept.id, None)
            .await?
            .map(|v| v.version);
        match (base, current) {
            (None, Some(_)) => return Err(LexiconFailure::Exists),
            (Some(_), None) => return Err(LexiconFailure::NotFound),
            (Some(b), Some(c)) if b != c => return Err(LexiconFailure::Concurrent),
            _ => {}
        }
        let content = to_json(&concept)?;
        let at = self.clock.now();
        let stored = LexiconProposal {
            id: 0,
            concept_id: concept.id.clone(),
            base_version: base,
            content: content.clone(),
            rationale,
            proposed_at: at,
            proposed_by: Some(who.account_id()),
            participant: who
                .actor
                .participant
                .as_ref()
                .map(|p| p.as_str().to_owned()),
            status: ProposalStatus::Pending.as_str().to_owned(),
            decided_at: None,
            decided_by: None,
            decision_note: String::new(),
        };
        let log = events::lexicon_proposed(at, &who.log, &concept.id, base, &sha256(&content))?;
        Ok(self.store.add_lexicon_proposal(stored, log).await?)
    }

    pub async fn proposal(&self, id: i64) -> LexiconResult<Proposal> {
        let stored = self
            .store
            .lexicon_proposal(id)
            .await?
            .ok_or(LexiconFailure::NotFound)?;
        open_proposal(stored)
    }

    pub async fn proposals(
        &self,
        status: Option<ProposalStatus>,
        concept_id: Option<&str>,
    ) -> LexiconResult<Vec<Proposal>> {
        self.store
            .lexicon_proposals(status.map(ProposalStatus::as_str), concept_id)
            .await?
            .into_iter()
            .map(open_proposal)
            .collect()
    }

    /// The secretariat accepts (the proposal becomes the next version) or
    /// rejects (with a reason) a pending proposal.
    pub async fn decide(
        &self,
        who: &Requester,
        id: i64,
        accept: bool,
        note: &str,
    ) -> LexiconResult<LexiconProposal> {
        let p = self.proposal(id).await?;
        let note = if accept {
            note.trim().to_owned()
        } else {
            proposal::text(note, proposal::MAX_RATIONALE).ok_or(LexiconFailure::Text("note"))?
        };
        let at = self.clock.now();
        let (status, version, accepted) = if accept {
            let current = self
                .store
                .concept_version(&p.stored.concept_id, None)
                .await?
                .map(|v| v.version);
            proposal::may_accept(p.status, p.stored.base_version, current)
                .map_err(LexiconFailure::Decision)?;
            let next = current.unwrap_or(0).saturating_add(1);
            let summary = if note.is_empty() {
                format!("proposal {id}")
            } else {
                note.clone()
            };
            let (v, _) = version_of(at, &who.log, &p.concept, next, &summary, Some(id))?;
            (ProposalStatus::Accepted, Some(v), Some(next))
        } else {
            if p.status != ProposalStatus::Pending {
                return Err(LexiconFailure::Decision(DecisionRefusal::Decided));
            }
            (ProposalStatus::Rejected, None, None)
        };
        let log = events::lexicon_decided(
            at,
            &who.log,
            id,
            &p.stored.concept_id,
            accepted,
            p.stored.participant.clone(),
        )?;
        Ok(self
            .store
            .decide_lexicon_proposal(
                LexiconDecision {
                    proposal_id: id,
                    status: status.as_str().to_owned(),
                    at,
                    by: who.account_id(),
                    note,
                    version,
                },
                log,
            )
            .await?)
    }

    pub async fn comment(
        &self,
        who: &Requester,
        proposal_id: i64,
        body: &str,
    ) -> LexiconResult<LexiconComment> {
        let p = self.proposal(proposal_id).await?;
        let body =
            proposal::text(body, proposal::MAX_COMMENT).ok_or(LexiconFailure::Text("body"))?;
        let at = self.clock.now();
        let log = events::lexicon_commented(
            at,
            &who.log,
            proposal_id,
            &p.stored.concept_id,
            &sha256(&body),
        )?;
        Ok(self
            .store
            .add_lexicon_comment(
                LexiconComment {
                    id: 0,
                    proposal_id,
                    body,
                    written_at: at,
                    author: Some(who.account_id()),
                    participant: who
                        .actor
                        .participant
                        .as_ref()
                        .map(|p| p.as_str().to_owned()),
                },
                log,
            )
            .await?)
    }

    pub async fn comments(&self, proposal_id: i64) -> LexiconResult<Vec<LexiconComment>> {
        Ok(self.store.lexicon_comments(proposal_id).await?)
    }
}

fn open_proposal(stored: LexiconProposal) -> LexiconResult<Proposal> {
    let concept: Concept = serde_json::from_str(&stored.content).map_err(|e| {
        LexiconFailure::Store(StoreError::Corrupt(format!("proposal {}: {e}", stored.id)))
    })?;
    let status = ProposalStatus::parse(&stored.status).ok_or_else(|| {
        LexiconFailure::Store(StoreError::Corrupt(format!(
            "proposal {} status {}",
            stored.id, stored.status
        )))
    })?;
    Ok(Proposal {
        stored,
        concept,
        status,
    })
}
