//! The common lexicon, written once for both backends.

use super::{ConceptVersion, LexiconComment, LexiconDecision, LexiconProposal, LexiconStore};
use crate::sql::{Driver, SqlStore, Tx};
use crate::{corrupt, db_time, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use std::slice::from_ref;

const VERSION_COLUMNS: &str =
    "concept_id, version, content, summary, changed_at, changed_by, proposal_id";
const PROPOSAL_COLUMNS: &str = "id, concept_id, base_version, content, rationale, proposed_at, \
     proposed_by, participant, status, decided_at, decided_by, decision_note";
const COMMENT_COLUMNS: &str = "id, proposal_id, body, written_at, author, participant";

#[derive(sqlx::FromRow)]
struct VersionRow {
    concept_id: String,
    version: i64,
    content: String,
    summary: String,
    changed_at: i64,
    changed_by: Option<i64>,
    proposal_id: Option<i64>,
}

impl VersionRow {
    fn open(self) -> StoreResult<ConceptVersion> {
        let bad = corrupt("lexicon_versions", self.concept_id.clone());
        Ok(ConceptVersion {
            version: u32::try_from(self.version).map_err(|_| bad("version".into()))?,
            changed_at: db_time(self.changed_at).map_err(&bad)?,
            concept_id: self.concept_id,
            content: self.content,
            summary: self.summary,
            changed_by: self.changed_by,
            proposal_id: self.proposal_id,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ProposalRow {
    id: i64,
    concept_id: String,
    base_version: Option<i64>,
    content: String,
    rationale: String,
    proposed_at: i64,
    proposed_by: Option<i64>,
    participant: Option<String>,
    status: String,
    decided_at: Option<i64>,
    decided_by: Option<i64>,
    decision_note: String,
}

impl ProposalRow {
    fn open(self) -> StoreResult<LexiconProposal> {
        let bad = corrupt("lexicon_proposals", self.id);
        Ok(LexiconProposal {
            base_version: self
                .base_version
                .map(|v| u32::try_from(v).map_err(|_| bad("base_version".into())))
                .transpose()?,
            proposed_at: db_time(self.proposed_at).map_err(&bad)?,
            decided_at: self
                .decided_at
                .map(|t| db_time(t).map_err(&bad))
                .transpose()?,
            id: self.id,
            concept_id: self.concept_id,
            content: self.content,
            rationale: self.rationale,
            proposed_by: self.proposed_by,
            participant: self.participant,
            status: self.status,
            decided_by: self.decided_by,
            decision_note: self.decision_note,
        })
    }
}

#[derive(sqlx::FromRow)]
struct CommentRow {
    id: i64,
    proposal_id: i64,
    body: String,
    written_at: i64,
    author: Option<i64>,
    participant: Option<String>,
}

/// Writes one version inside `tx`, after checking it follows its
/// concept's newest: a number taken or skipped is `Duplicate`.
async fn write_version<D: Driver>(tx: &mut Tx<D>, v: &ConceptVersion) -> StoreResult<()> {
    let (newest,): (Option<i64>,) = tx
        .fetch_one(
            "SELECT MAX(version) FROM lexicon_versions WHERE concept_id = $1",
            &[v.concept_id.as_str().into()],
        )
        .await?;
    if newest.unwrap_or(0) + 1 != i64::from(v.version) {
        return Err(StoreError::Duplicate(format!(
            "version {} of concept {}",
            v.version, v.concept_id
        )));
    }
    tx.execute(
        "INSERT INTO lexicon_versions (concept_id, version, content, summary, changed_at, \
         changed_by, proposal_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            v.concept_id.as_str().into(),
            i64::from(v.version).into(),
            v.content.as_str().into(),
            v.summary.as_str().into(),
            to_db_time(v.changed_at).into(),
            v.changed_by.into(),
            v.proposal_id.into(),
        ],
    )
    .await
    .map_err(|e| e.constraint("concept version"))?;
    Ok(())
}

#[async_trait]
impl<D: Driver> LexiconStore for SqlStore<D> {
    async fn add_concept_versions(
        &self,
        versions: Vec<ConceptVersion>,
        log: Vec<LogDraft>,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        for v in &versions {
            if let Err(e) = write_version(&mut tx, v).await {
                tx.rollback().await?;
                return Err(e);
            }
        }
        tx.log_and_commit(&log).await
    }

    async fn latest_concepts(&self) -> StoreResult<Vec<ConceptVersion>> {
        let rows: Vec<VersionRow> = self
            .fetch_all(
                &format!(
                    "SELECT {VERSION_COLUMNS} FROM lexicon_versions v WHERE version = \
                     (SELECT MAX(version) FROM lexicon_versions w WHERE w.concept_id = v.concept_id) \
                     ORDER BY concept_id"
                ),
                &[],
            )
            .await?;
        rows.into_iter().map(VersionRow::open).collect()
    }

    async fn concept_version(
        &self,
        concept_id: &str,
        version: Option<u32>,
    ) -> StoreResult<Option<ConceptVersion>> {
        let row: Option<VersionRow> = match version {
            Some(v) => {
                self.fetch_optional(
                    &format!(
                        "SELECT {VERSION_COLUMNS} FROM lexicon_versions \
                         WHERE concept_id = $1 AND version = $2"
                    ),
                    &[concept_id.into(), i64::from(v).into()],
                )
                .await?
            }
            None => {
                self.fetch_optional(
                    &format!(
                        "SELECT {VERSION_COLUMNS} FROM lexicon_versions WHERE concept_id = $1 \
                         ORDER BY version DESC LIMIT 1"
                    ),
                    &[concept_id.into()],
                )
                .await?
            }
        };
        row.map(VersionRow::open).transpose()
    }

    async fn concept_versions(&self, concept_id: &str) -> StoreResult<Vec<ConceptVersion>> {
        let rows: Vec<VersionRow> = self
            .fetch_all(
                &format!(
                    "SELECT {VERSION_COLUMNS} FROM lexicon_versions WHERE concept_id = $1 \
                     ORDER BY version"
                ),
                &[concept_id.into()],
            )
            .await?;
        rows.into_iter().map(VersionRow::open).collect()
    }

    async fn lexicon_revision(&self) -> StoreResult<i64> {
        // The count, not the newest sequence number: versions are never
        // deleted, so every commit raises it, even one whose number was
        // drawn before another's that committed first (PostgreSQL).
        let (count,): (i64,) = self
            .fetch_one("SELECT COUNT(*) FROM lexicon_versions", &[])
            .await?;
        Ok(count)
    }

    async fn add_lexicon_proposal(
        &self,
        p: LexiconProposal,
        log: LogDraft,
    ) -> StoreResult<LexiconProposal> {
        let mut tx = self.begin().await?;
        let (id,): (i64,) = tx
            .fetch_one(
                "INSERT INTO lexicon_proposals (concept_id, base_version, content, rationale, \
                 proposed_at, proposed_by, participant, status, decision_note) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '') RETURNING id",
                &[
                    p.concept_id.as_str().into(),
                    p.base_version.map(i64::from).into(),
                    p.content.as_str().into(),
                    p.rationale.as_str().into(),
                    to_db_time(p.proposed_at).into(),
                    p.proposed_by.into(),
                    p.participant.as_deref().into(),
                    p.status.as_str().into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("proposal"))?;
        let row: ProposalRow = tx
            .fetch_one(
                &format!("SELECT {PROPOSAL_COLUMNS} FROM lexicon_proposals WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        let proposal = row.open()?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(proposal)
    }

    async fn lexicon_proposal(&self, id: i64) -> StoreResult<Option<LexiconProposal>> {
        let row: Option<ProposalRow> = self
            .fetch_optional(
                &format!("SELECT {PROPOSAL_COLUMNS} FROM lexicon_proposals WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        row.map(ProposalRow::open).transpose()
    }

    async fn lexicon_proposals(
        &self,
        status: Option<&str>,
        concept_id: Option<&str>,
    ) -> StoreResult<Vec<LexiconProposal>> {
        let rows: Vec<ProposalRow> = self
            .fetch_all(
                &format!(
                    "SELECT {PROPOSAL_COLUMNS} FROM lexicon_proposals \
                     WHERE ($1 IS NULL OR status = $1) AND ($2 IS NULL OR concept_id = $2) \
                     ORDER BY id DESC"
                ),
                &[status.into(), concept_id.into()],
            )
            .await?;
        rows.into_iter().map(ProposalRow::open).collect()
    }

    async fn decide_lexicon_proposal(
        &self,
        d: LexiconDecision,
        log: LogDraft,
    ) -> StoreResult<LexiconProposal> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                "UPDATE lexicon_proposals SET status = $2, decided_at = $3, decided_by = $4, \
                 decision_note = $5 WHERE id = $1 AND status = 'pending'",
                &[
                    d.proposal_id.into(),
                    d.status.as_str().into(),
                    to_db_time(d.at).into(),
                    d.by.into(),
                    d.note.as_str().into(),
                ],
            )
            .await?;
        if changed != 1 {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed(format!(
                "proposal {} is decided already or does not exist",
                d.proposal_id
            )));
        }
        if let Some(v) = &d.version {
            if let Err(e) = write_version(&mut tx, v).await {
                tx.rollback().await?;
                return Err(e);
            }
        }
        let row: ProposalRow = tx
            .fetch_one(
                &format!("SELECT {PROPOSAL_COLUMNS} FROM lexicon_proposals WHERE id = $1"),
                &[d.proposal_id.into()],
            )
            .await?;
        let proposal = row.open()?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(proposal)
    }

    async fn add_lexicon_comment(
        &self,
        c: LexiconComment,
        log: LogDraft,
    ) -> StoreResult<LexiconComment> {
        let mut tx = self.begin().await?;
        let (id,): (i64,) = tx
            .fetch_one(
                "INSERT INTO lexicon_comments (proposal_id, body, written_at, author, participant) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[
                    c.proposal_id.into(),
                    c.body.as_str().into(),
                    to_db_time(c.written_at).into(),
                    c.author.into(),
                    c.participant.as_deref().into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("comment"))?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(LexiconComment { id, ..c })
    }

    async fn lexicon_comments(&self, proposal_id: i64) -> StoreResult<Vec<LexiconComment>> {
        let rows: Vec<CommentRow> = self
            .fetch_all(
                &format!(
                    "SELECT {COMMENT_COLUMNS} FROM lexicon_comments WHERE proposal_id = $1 \
                     ORDER BY id"
                ),
                &[proposal_id.into()],
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(LexiconComment {
                    written_at: db_time(r.written_at).map_err(corrupt("lexicon_comments", r.id))?,
                    id: r.id,
                    proposal_id: r.proposal_id,
                    body: r.body,
                    author: r.author,
                    participant: r.participant,
                })
            })
            .collect()
    }
}
