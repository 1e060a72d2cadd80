//! The common lexicon: concept versions (written once; the newest is the
//! concept), States' proposals and their comments, and the curators'
//! decisions, each with its log entry in the same transaction. A
//! revision (how many versions were written) tells a cached index
//! whether it is still current.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod store;

/// One version of a concept as kept: the checked concept as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptVersion {
    pub concept_id: String,
    pub version: u32,
    pub content: String,
    /// What the change was, in the curator's words (or the import's).
    pub summary: String,
    pub changed_at: OffsetDateTime,
    pub changed_by: Option<i64>,
    /// The proposal it came from, when it did.
    pub proposal_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconProposal {
    pub id: i64,
    pub concept_id: String,
    /// The version it was written against; None for a new concept.
    pub base_version: Option<u32>,
    /// The proposed concept as JSON.
    pub content: String,
    pub rationale: String,
    pub proposed_at: OffsetDateTime,
    pub proposed_by: Option<i64>,
    /// The proposing State (None for the secretariat).
    pub participant: Option<String>,
    /// `pending`, `accepted` or `rejected`.
    pub status: String,
    pub decided_at: Option<OffsetDateTime>,
    pub decided_by: Option<i64>,
    pub decision_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconComment {
    pub id: i64,
    pub proposal_id: i64,
    pub body: String,
    pub written_at: OffsetDateTime,
    pub author: Option<i64>,
    pub participant: Option<String>,
}

/// A curator's decision on a pending proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconDecision {
    pub proposal_id: i64,
    /// `accepted` or `rejected`.
    pub status: String,
    pub at: OffsetDateTime,
    pub by: i64,
    pub note: String,
    /// The version an acceptance writes.
    pub version: Option<ConceptVersion>,
}

#[async_trait]
pub trait LexiconStore: Send + Sync {
    /// Adds versions (one concept's next, or an import's many) and the
    /// entries at once. Each version must follow its concept's newest
    /// (`Duplicate` when another change took that number first);
    /// nothing is written when one is refused.
    async fn add_concept_versions(
        &self,
        versions: Vec<ConceptVersion>,
        log: Vec<LogDraft>,
    ) -> StoreResult<()>;
    /// The newest version of every concept, by id.
    async fn latest_concepts(&self) -> StoreResult<Vec<ConceptVersion>>;
    /// One version, or the newest when `version` is None.
    async fn concept_version(
        &self,
        concept_id: &str,
        version: Option<u32>,
    ) -> StoreResult<Option<ConceptVersion>>;
    /// Every version of a concept, oldest first.
    async fn concept_versions(&self, concept_id: &str) -> StoreResult<Vec<ConceptVersion>>;
    /// How many versions were ever written: it rises with every commit,
    /// so a cached index knows whether it is still current.
    async fn lexicon_revision(&self) -> StoreResult<i64>;
    /// Files a proposal (its id is given by the store) with its entry.
    async fn add_lexicon_proposal(
        &self,
        proposal: LexiconProposal,
        log: LogDraft,
    ) -> StoreResult<LexiconProposal>;
    async fn lexicon_proposal(&self, id: i64) -> StoreResult<Option<LexiconProposal>>;
    /// Proposals, newest first: those of one status, or of one concept,
    /// or all.
    async fn lexicon_proposals(
        &self,
        status: Option<&str>,
        concept_id: Option<&str>,
    ) -> StoreResult<Vec<LexiconProposal>>;
    /// Decides a pending proposal, writing the accepted version, and the
    /// entry, at once: `NotAllowed` when it is not pending any more.
    async fn decide_lexicon_proposal(
        &self,
        decision: LexiconDecision,
        log: LogDraft,
    ) -> StoreResult<LexiconProposal>;
    async fn add_lexicon_comment(
        &self,
        comment: LexiconComment,
        log: LogDraft,
    ) -> StoreResult<LexiconComment>;
    /// A proposal's comments, oldest first.
    async fn lexicon_comments(&self, proposal_id: i64) -> StoreResult<Vec<LexiconComment>>;
}
