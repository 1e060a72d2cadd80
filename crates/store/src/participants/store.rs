//! Participants, written once for both backends.

use super::rows::{participant_columns, ParticipantRow};
use super::{NewParticipant, Participant, ParticipantStore};
use crate::sql::{Driver, SqlStore, Tx};
use crate::{convert_all, corrupt, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::directory::lifecycle::status_after;
use pocdir_domain::directory::participant::{ParticipationStatus, StatusEvent};
use pocdir_domain::log::entry::LogDraft;
use std::slice::from_ref;
use time::OffsetDateTime;

const INSERT: &str = "INSERT INTO participants (code, alpha2, m49, kind, status, region, \
     subregion, name_ar, name_zh, name_en, name_es, name_fr, name_ru, created_at, \
     status_changed_at) \
     VALUES ($1, $2, $3, $4, 'not_participating', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) \
     ON CONFLICT (code) DO NOTHING";
const ALL: &str = concat!(
    "SELECT ",
    participant_columns!(),
    " FROM participants ORDER BY code"
);
const PARTICIPANT_BY_CODE: &str = concat!(
    "SELECT ",
    participant_columns!(),
    " FROM participants WHERE code = $1"
);
const CHANGE_STATUS: &str = "UPDATE participants SET status = $1, status_changed_at = $2 \
     WHERE code = $3 AND status = $4";
const STATUS: &str = "SELECT status FROM participants WHERE code = $1";
/// The same, locking the row until commit (where rows can be locked).
const STATUS_LOCKED: &str = "SELECT status FROM participants WHERE code = $1 FOR NO KEY UPDATE";
const ACTIVE_POCS: &str = "SELECT COUNT(*) FROM pocs WHERE participant = $1 AND status = 'active'";
const SET_STATUS: &str =
    "UPDATE participants SET status = $1, status_changed_at = $2 WHERE code = $3";

/// Inserts one participant unless its code exists; returns 1 if inserted, else 0.
async fn insert_participant<D: Driver>(tx: &mut Tx<D>, p: &NewParticipant) -> StoreResult<u64> {
    tx.execute(
        INSERT,
        &[
            (&p.code).into(),
            (&p.alpha2).into(),
            (&p.m49).into(),
            p.kind.as_str().into(),
            (&p.region).into(),
            (&p.subregion).into(),
            (&p.names.ar).into(),
            (&p.names.zh).into(),
            (&p.names.en).into(),
            (&p.names.es).into(),
            (&p.names.fr).into(),
            (&p.names.ru).into(),
            to_db_time(p.at).into(),
        ],
    )
    .await
}

/// Moves the participant along `event`, inside the caller's transaction;
/// returns (from, to) when its status changed.
///
/// The count of active PoCs must not change under the decision: on
/// PostgreSQL the participant row is locked first, so decisions about the
/// same participant take turns and the count, read afterwards, sees every
/// decision committed before (no two last withdrawals that each see the
/// other's PoC still active); on SQLite the transaction already holds the
/// write lock.
pub(crate) async fn apply_participant_event<D: Driver>(
    tx: &mut Tx<D>,
    code: &str,
    event: StatusEvent,
    at: OffsetDateTime,
) -> StoreResult<Option<(ParticipationStatus, ParticipationStatus)>> {
    let sql = if D::ROW_LOCKS { STATUS_LOCKED } else { STATUS };
    let row: Option<(String,)> = tx.fetch_optional(sql, &[code.into()]).await?;
    let (status,) =
        row.ok_or_else(|| StoreError::Corrupt(format!("PoC of unknown participant {code}")))?;
    let from: ParticipationStatus = status.parse().map_err(corrupt("participants", code))?;
    if event == StatusEvent::LastPocWithdrawn {
        let (left,): (i64,) = tx.fetch_one(ACTIVE_POCS, &[code.into()]).await?;
        if left > 0 {
            return Ok(None);
        }
    }
    let Some(to) = status_after(from, event) else {
        return Ok(None);
    };
    tx.execute(
        SET_STATUS,
        &[to.as_str().into(), to_db_time(at).into(), code.into()],
    )
    .await?;
    Ok(Some((from, to)))
}

#[async_trait]
impl<D: Driver> ParticipantStore for SqlStore<D> {
    async fn seed_participants(&self, list: &[NewParticipant], log: LogDraft) -> StoreResult<u64> {
        let mut tx = self.begin().await?;
        let mut added = 0;
        for p in list {
            added += insert_participant(&mut tx, p).await?;
        }
        if added > 0 {
            tx.append(from_ref(&log)).await?;
        }
        tx.commit().await?;
        Ok(added)
    }

    async fn participants(&self) -> StoreResult<Vec<Participant>> {
        let rows: Vec<ParticipantRow> = self.fetch_all(ALL, &[]).await?;
        convert_all(rows)
    }

    async fn participant(&self, code: &str) -> StoreResult<Option<Participant>> {
        let row: Option<ParticipantRow> = self
            .fetch_optional(PARTICIPANT_BY_CODE, &[code.into()])
            .await?;
        row.map(Participant::try_from).transpose()
    }

    async fn create_organisation(
        &self,
        new: NewParticipant,
        log: LogDraft,
    ) -> StoreResult<Participant> {
        let mut tx = self.begin().await?;
        if insert_participant(&mut tx, &new).await? == 0 {
            return Err(StoreError::Duplicate(format!("participant {}", new.code)));
        }
        tx.append(from_ref(&log)).await?;
        let row: ParticipantRow = tx
            .fetch_one(PARTICIPANT_BY_CODE, &[(&new.code).into()])
            .await?;
        tx.commit().await?;
        Participant::try_from(row)
    }

    async fn change_participant_status(
        &self,
        code: &str,
        from: ParticipationStatus,
        to: ParticipationStatus,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                CHANGE_STATUS,
                &[
                    to.as_str().into(),
                    to_db_time(at).into(),
                    code.into(),
                    from.as_str().into(),
                ],
            )
            .await?;
        tx.commit_if_changed(changed, from_ref(&log)).await
    }
}
