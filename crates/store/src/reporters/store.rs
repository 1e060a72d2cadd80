//! Reporters, written once for both backends.

use super::rows::{change_columns, reporter_columns, ChangeRow, ReporterRow};
use super::{NewApplication, Reporter, ReporterChange, ReporterDecision, ReporterStore};
use crate::account_admin::Invitation;
use crate::sealing::{open_all, OpenRow, REPORTER_EMAIL, REPORTER_OPENPGP_KEY};
use crate::sql::{Driver, SqlStore};
use crate::{to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::reporter::VettingDecision;
use std::slice::from_ref;

const INSERT_REPORTER: &str = concat!(
    "INSERT INTO reporters (organisation, country, website, contact_name, contact_email, \
     language, openpgp_key, openpgp_fingerprint, why, status, applied_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10) RETURNING ",
    reporter_columns!()
);
const REPORTER_BY_ID: &str = concat!(
    "SELECT ",
    reporter_columns!(),
    " FROM reporters WHERE id = $1"
);
/// Pending first, oldest first as they wait; then the others, newest first.
const ALL_REPORTERS: &str = concat!(
    "SELECT ",
    reporter_columns!(),
    " FROM reporters ORDER BY CASE WHEN status = 'pending' THEN 0 ELSE 1 END, \
     CASE WHEN status = 'pending' THEN applied_at ELSE -applied_at END, id"
);
const REPORTER_OF_ACCOUNT: &str = concat!(
    "SELECT ",
    reporter_columns!(),
    " FROM reporters WHERE account_id = $1 OR invitation_id IN \
     (SELECT id FROM invitations WHERE account_id = $1) ORDER BY id LIMIT 1"
);
/// Only if it still stands where the decision was taken.
const SET_STATUS: &str = "UPDATE reporters SET status = $1, status_reason = $2, decided_at = $3 \
     WHERE id = $4 AND status = $5";
const SET_INVITATION: &str = "UPDATE reporters SET invitation_id = $1 WHERE id = $2";
const REPORTER_EXISTS: &str = "SELECT COUNT(*) FROM reporters WHERE id = $1";
const INSERT_CHANGE: &str = "INSERT INTO reporter_changes \
     (reporter_id, at, decided_by, decision, from_status, to_status, reason) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
const CHANGES: &str = concat!(
    "SELECT ",
    change_columns!(),
    " FROM reporter_changes WHERE reporter_id = $1 ORDER BY id"
);
const LINK_ACCOUNT: &str = "UPDATE reporters SET account_id = $1 WHERE id = $2";

#[async_trait]
impl<D: Driver> ReporterStore for SqlStore<D> {
    async fn apply_as_reporter(
        &self,
        new: NewApplication,
        mut log: LogDraft,
    ) -> StoreResult<Reporter> {
        let email = self.seal_str(REPORTER_EMAIL, &new.contact_email)?;
        let key = new
            .openpgp_key
            .as_deref()
            .map(|k| self.seal_str(REPORTER_OPENPGP_KEY, k))
            .transpose()?;
        let mut tx = self.begin().await?;
        let row: ReporterRow = tx
            .fetch_one(
                INSERT_REPORTER,
                &[
                    (&new.organisation).into(),
                    (&new.country).into(),
                    (&new.website).into(),
                    (&new.contact_name).into(),
                    email.as_str().into(),
                    (&new.language).into(),
                    (&key).into(),
                    (&new.openpgp_fingerprint).into(),
                    (&new.why).into(),
                    to_db_time(new.applied_at).into(),
                ],
            )
            .await?;
        let reporter = row.open(&self.keys)?;
        log.object = format!("reporter:{}", reporter.id);
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(reporter)
    }

    async fn reporter(&self, id: i64) -> StoreResult<Option<Reporter>> {
        let row: Option<ReporterRow> = self.fetch_optional(REPORTER_BY_ID, &[id.into()]).await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn reporters(&self) -> StoreResult<Vec<Reporter>> {
        let rows: Vec<ReporterRow> = self.fetch_all(ALL_REPORTERS, &[]).await?;
        open_all(rows, &self.keys)
    }

    async fn reporter_of_account(&self, account_id: i64) -> StoreResult<Option<Reporter>> {
        let row: Option<ReporterRow> = self
            .fetch_optional(REPORTER_OF_ACCOUNT, &[account_id.into()])
            .await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn decide_reporter(
        &self,
        d: ReporterDecision,
    ) -> StoreResult<(Reporter, Option<Invitation>)> {
        let to = d.decision.outcome();
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                SET_STATUS,
                &[
                    to.as_str().into(),
                    (&d.reason).into(),
                    to_db_time(d.at).into(),
                    d.reporter_id.into(),
                    d.from.as_str().into(),
                ],
            )
            .await?;
        if changed == 0 {
            let (n,): (i64,) = tx
                .fetch_one(REPORTER_EXISTS, &[d.reporter_id.into()])
                .await?;
            tx.rollback().await?;
            return Err(if n == 0 {
                StoreError::NotFound
            } else {
                StoreError::NotAllowed(format!(
                    "reporter {} is no longer {}",
                    d.reporter_id, d.from
                ))
            });
        }
        tx.execute(
            INSERT_CHANGE,
            &[
                d.reporter_id.into(),
                to_db_time(d.at).into(),
                d.decided_by.into(),
                d.decision.as_str().into(),
                d.from.as_str().into(),
                to.as_str().into(),
                (&d.reason).into(),
            ],
        )
        .await?;
        let mut log = d.log;
        log.object = format!("reporter:{}", d.reporter_id);
        let mut drafts = Vec::with_capacity(3);
        if d.decision == VettingDecision::Suspend {
            // Suspension stops what has not gone out yet.
            let withheld = tx.withhold_report_mails(d.reporter_id).await?;
            let entry = crate::reports::withheld_entry(&log, d.reporter_id, withheld)?;
            drafts.push(log);
            drafts.extend(entry);
        } else {
            drafts.push(log);
        }
        let mut invitation = None;
        if let Some((new, mut log)) = d.invitation {
            let i = tx.insert_invitation(&new).await?;
            tx.execute(SET_INVITATION, &[i.id.into(), d.reporter_id.into()])
                .await?;
            log.object = format!("invitation:{}", i.id);
            drafts.push(log);
            invitation = Some(i);
        }
        if let Some(mail) = d.mail {
            // A mail with an enrolment link is blanked once sent.
            let sensitive = invitation.is_some();
            if let Some(queued) = tx.enqueue(&mail.mail, sensitive).await? {
                let mut mail_log = mail.log;
                mail_log.object = format!("mail:{}", queued.id);
                drafts.push(mail_log);
            }
        }
        let row: ReporterRow = tx
            .fetch_one(REPORTER_BY_ID, &[d.reporter_id.into()])
            .await?;
        let reporter = row.open(&self.keys)?;
        tx.log_and_commit(&drafts).await?;
        Ok((reporter, invitation))
    }

    async fn reporter_changes(&self, id: i64) -> StoreResult<Vec<ReporterChange>> {
        let rows: Vec<ChangeRow> = self.fetch_all(CHANGES, &[id.into()]).await?;
        rows.into_iter().map(ReporterChange::try_from).collect()
    }

    async fn link_reporter_account(&self, id: i64, account_id: i64) -> StoreResult<()> {
        let changed = self
            .execute(LINK_ACCOUNT, &[account_id.into(), id.into()])
            .await
            .map_err(|e| e.constraint("account"))?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
