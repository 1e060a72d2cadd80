//! PoCs, written once for both backends.

use super::rows::{poc_columns, poc_history_columns, PocHistoryRow, PocRow};
use super::{ChangeOutcome, DecidedPoc, NewNomination, PocHistoryEntry, PocStore};
use crate::participants::apply_participant_event;
use crate::sealing::{open_all, OpenRow, POC_DETAILS, POC_HISTORY_DETAILS};
use crate::sql::{Driver, SqlStore, Tx};
use crate::{to_db_time, PendingAction, Poc, PocRole, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::directory::lifecycle::{transition, PocChange};
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::log::events;
use std::slice::from_ref;
use time::OffsetDateTime;

const INSERT_NOMINATION: &str = concat!(
    "INSERT INTO pocs (participant, role, status, version, pending, pending_action, \
     pending_at, created_at, updated_at) \
     VALUES ($1, $2, 'pending', 1, $3, 'create', $4, $4, $4) RETURNING ",
    poc_columns!()
);
/// The compare-and-set of a change: written only if still at version `$9`.
const UPDATE: &str = concat!(
    "UPDATE pocs SET status = $1, active = $2, pending = $3, pending_action = $4, \
     pending_at = CASE WHEN $4 IS NULL THEN NULL \
     WHEN pending_action IS NULL THEN $5 ELSE pending_at END, \
     confirmed_at = $6, version = $7, updated_at = $5 \
     WHERE id = $8 AND version = $9 RETURNING ",
    poc_columns!()
);
const INSERT_HISTORY: &str = "INSERT INTO poc_history (poc_id, version, at, actor_account_id, \
     action, details, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const BY_ID: &str = concat!("SELECT ", poc_columns!(), " FROM pocs WHERE id = $1");
const OF_PARTICIPANT: &str = concat!(
    "SELECT ",
    poc_columns!(),
    " FROM pocs WHERE participant = $1 ORDER BY id"
);
const PENDING: &str = concat!(
    "SELECT ",
    poc_columns!(),
    " FROM pocs WHERE pending_action IS NOT NULL ORDER BY pending_at, id"
);
const DUE: &str = concat!(
    "SELECT ",
    poc_columns!(),
    " FROM pocs WHERE status = 'active' AND confirmed_at < $1 ORDER BY confirmed_at, id"
);
const HISTORY: &str = concat!(
    "SELECT ",
    poc_history_columns!(),
    " FROM poc_history WHERE poc_id = $1 ORDER BY version"
);
const ACTIVE_COUNTS: &str = "SELECT participant, \
     SUM(CASE WHEN role = 'diplomatic' THEN 1 ELSE 0 END), \
     SUM(CASE WHEN role = 'technical' THEN 1 ELSE 0 END) \
     FROM pocs WHERE status = 'active' GROUP BY participant ORDER BY participant";
const ACTIVE: &str = concat!(
    "SELECT ",
    poc_columns!(),
    " FROM pocs WHERE status = 'active' ORDER BY id"
);
const REVISION: &str = "SELECT revision FROM directory_state WHERE id = 1";

/// Inserts a nomination (status `pending`, action `create`, version 1) and
/// its first history row, inside the caller's transaction.
async fn insert_nomination<D: Driver>(
    tx: &mut Tx<D>,
    participant: &str,
    role: PocRole,
    details_json: &str,
    actor_account_id: Option<i64>,
    at: OffsetDateTime,
) -> StoreResult<Poc> {
    let sealed = tx
        .keys
        .seal_str(POC_DETAILS, "pocs", &"(new)", details_json)?;
    let row: PocRow = tx
        .fetch_one(
            INSERT_NOMINATION,
            &[
                participant.into(),
                role.as_str().into(),
                sealed.as_str().into(),
                to_db_time(at).into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("PoC"))?;
    let poc = row.open(&tx.keys)?;
    let history = History {
        actor_account_id,
        action: "propose",
        details: Some(details_json),
        reason: None,
    };
    insert_history(tx, &poc, at, &history).await?;
    Ok(poc)
}

/// What a history row says besides the PoC's version.
struct History<'a> {
    actor_account_id: Option<i64>,
    action: &'a str,
    details: Option<&'a str>,
    reason: Option<&'a str>,
}

/// Writes the history row of the PoC's current version.
async fn insert_history<D: Driver>(
    tx: &mut Tx<D>,
    poc: &Poc,
    at: OffsetDateTime,
    h: &History<'_>,
) -> StoreResult<()> {
    let name = format!("{} v{}", poc.id, poc.version);
    let details = tx
        .keys
        .seal_opt(POC_HISTORY_DETAILS, "poc_history", &name, h.details)?;
    tx.execute(
        INSERT_HISTORY,
        &[
            poc.id.into(),
            poc.version.into(),
            to_db_time(at).into(),
            h.actor_account_id.into(),
            h.action.into(),
            details.as_deref().into(),
            h.reason.into(),
        ],
    )
    .await
    .map_err(|e| e.constraint("PoC version"))?;
    Ok(())
}

impl<D: Driver> SqlStore<D> {
    /// Applies `change` to PoC `id` if it is still at `expected_version`:
    /// the new state is computed from the version read, then written with a
    /// compare-and-set on that version (the transaction's first statement, a
    /// write), so a concurrent change in between makes this one stale
    /// instead of being overwritten.
    async fn change_poc(
        &self,
        id: i64,
        expected_version: i64,
        change: PocChange<'_>,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<DecidedPoc>> {
        let current = self.poc(id).await?.ok_or(StoreError::NotFound)?;
        if current.version != expected_version {
            return Ok(ChangeOutcome::Stale(current));
        }
        let tr = transition(&current, change, at)?;
        let next = &tr.next;
        let active = self
            .keys
            .seal_opt(POC_DETAILS, "pocs", &id, next.active.as_deref())?;
        let pending = self
            .keys
            .seal_opt(POC_DETAILS, "pocs", &id, next.pending.as_deref())?;
        let mut tx = self.begin().await?;
        let row: Option<PocRow> = tx
            .fetch_optional(
                UPDATE,
                &[
                    next.status.as_str().into(),
                    (&active).into(),
                    (&pending).into(),
                    next.pending_action.map(PendingAction::as_str).into(),
                    to_db_time(at).into(),
                    next.confirmed_at.map(to_db_time).into(),
                    next.version.into(),
                    id.into(),
                    expected_version.into(),
                ],
            )
            .await?;
        let Some(row) = row else {
            // Changed since it was read: report what it is now, as this
            // change's batch sees it (the change that won may share it).
            let current: Option<PocRow> = tx.fetch_optional(BY_ID, &[id.into()]).await?;
            tx.rollback().await?;
            let current = current.ok_or(StoreError::NotFound)?.open(&self.keys)?;
            return Ok(ChangeOutcome::Stale(current));
        };
        let poc = row.open(&self.keys)?;
        let history = History {
            actor_account_id,
            action: tr.history_action,
            details: tr.history_details.as_deref(),
            reason: tr.history_reason.as_deref(),
        };
        insert_history(&mut tx, &poc, at, &history).await?;
        let mut participant_status_changed = None;
        let mut drafts = Vec::with_capacity(2);
        if let Some(event) = tr.event {
            if let Some((from, to)) =
                apply_participant_event(&mut tx, &poc.participant, event, at).await?
            {
                // The second entry of a decision that changed the participant's status.
                drafts.push(events::participant_status_changed(
                    at,
                    log.actor.clone(),
                    &poc.participant,
                    from,
                    to,
                    poc.id,
                )?);
                participant_status_changed = Some((from, to));
            }
        }
        drafts.insert(0, log);
        tx.log_and_commit(&drafts).await?;
        Ok(ChangeOutcome::Applied(DecidedPoc {
            poc,
            participant_status_changed,
        }))
    }
}

/// The outcome's PoC, for the changes that report only that.
fn just_poc(outcome: ChangeOutcome<DecidedPoc>) -> ChangeOutcome<Poc> {
    match outcome {
        ChangeOutcome::Applied(decided) => ChangeOutcome::Applied(decided.poc),
        ChangeOutcome::Stale(current) => ChangeOutcome::Stale(current),
    }
}

#[async_trait]
impl<D: Driver> PocStore for SqlStore<D> {
    async fn propose_poc(
        &self,
        participant: &str,
        role: PocRole,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        mut log: LogDraft,
    ) -> StoreResult<Poc> {
        // The insert is the transaction's first statement: a write.
        let mut tx = self.begin().await?;
        let poc = insert_nomination(
            &mut tx,
            participant,
            role,
            details_json,
            actor_account_id,
            at,
        )
        .await?;
        log.object = format!("poc:{}", poc.id);
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(poc)
    }

    async fn propose_poc_update(
        &self,
        id: i64,
        expected_version: i64,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<Poc>> {
        let change = PocChange::Update(details_json);
        self.change_poc(id, expected_version, change, actor_account_id, at, log)
            .await
            .map(just_poc)
    }

    async fn propose_poc_withdrawal(
        &self,
        id: i64,
        expected_version: i64,
        reason: Option<&str>,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<Poc>> {
        let change = PocChange::Withdraw { reason };
        self.change_poc(id, expected_version, change, actor_account_id, at, log)
            .await
            .map(just_poc)
    }

    #[allow(clippy::too_many_arguments)]
    async fn decide_poc(
        &self,
        id: i64,
        expected_version: i64,
        approve: bool,
        reason: Option<&str>,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<DecidedPoc>> {
        let change = PocChange::Decide { approve, reason };
        self.change_poc(id, expected_version, change, actor_account_id, at, log)
            .await
    }

    async fn confirm_poc(
        &self,
        id: i64,
        expected_version: i64,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<Poc>> {
        let change = PocChange::Confirm;
        self.change_poc(id, expected_version, change, actor_account_id, at, log)
            .await
            .map(just_poc)
    }

    async fn poc(&self, id: i64) -> StoreResult<Option<Poc>> {
        let row: Option<PocRow> = self.fetch_optional(BY_ID, &[id.into()]).await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn pocs_of(&self, participant: &str) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = self
            .fetch_all(OF_PARTICIPANT, &[participant.into()])
            .await?;
        open_all(rows, &self.keys)
    }

    async fn pending_pocs(&self) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = self.fetch_all(PENDING, &[]).await?;
        open_all(rows, &self.keys)
    }

    async fn pocs_due_for_revalidation(&self, before: OffsetDateTime) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = self.fetch_all(DUE, &[to_db_time(before).into()]).await?;
        open_all(rows, &self.keys)
    }

    async fn poc_history(&self, id: i64) -> StoreResult<Vec<PocHistoryEntry>> {
        let rows: Vec<PocHistoryRow> = self.fetch_all(HISTORY, &[id.into()]).await?;
        open_all(rows, &self.keys)
    }

    async fn active_poc_counts(&self) -> StoreResult<Vec<(String, i64, i64)>> {
        self.fetch_all(ACTIVE_COUNTS, &[]).await
    }

    async fn propose_pocs(
        &self,
        nominations: &[NewNomination],
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
    ) -> StoreResult<Vec<Poc>> {
        let mut tx = self.begin().await?;
        let mut pocs = Vec::with_capacity(nominations.len());
        let mut logs = Vec::with_capacity(nominations.len());
        for n in nominations {
            let poc = insert_nomination(
                &mut tx,
                &n.participant,
                n.role,
                &n.details_json,
                actor_account_id,
                at,
            )
            .await?;
            let mut log = n.log.clone();
            log.object = format!("poc:{}", poc.id);
            logs.push(log);
            pocs.push(poc);
        }
        tx.log_and_commit(&logs).await?;
        Ok(pocs)
    }

    async fn active_pocs(&self) -> StoreResult<Vec<Poc>> {
        let rows: Vec<PocRow> = self.fetch_all(ACTIVE, &[]).await?;
        open_all(rows, &self.keys)
    }

    async fn directory_revision(&self) -> StoreResult<i64> {
        let (revision,): (i64,) = self.fetch_one(REVISION, &[]).await?;
        Ok(revision)
    }
}
