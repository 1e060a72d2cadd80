//! The outbox and job leases, written once for both backends.

use super::rows::{mail_columns, mail_counts, MailRecipientRow, MailRow};
use super::{Mail, MailCounts, MailRecipient, MailStatus, NewMail, OutboxStore};
use crate::sealing::{open_all, OpenRow, MAIL_BODY, MAIL_RECIPIENT, MAIL_SUBJECT};
use crate::sql::{Driver, Param, SqlStore, Tx};
use crate::{to_db_time, StoreResult};
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::log::entry::LogDraft;
use std::slice::from_ref;
use time::OffsetDateTime;

const ENQUEUE: &str = concat!(
    "INSERT INTO outbox (dedupe_key, recipient, language, subject, body, participant, \
     next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING ",
    mail_columns!()
);
/// One statement: SQLite runs writes one at a time, so two senders cannot
/// claim the same row.
const CLAIM: &str = concat!(
    "UPDATE outbox SET next_attempt_at = $1 WHERE id IN (SELECT id FROM outbox \
     WHERE status = 'queued' AND next_attempt_at <= $2 \
     ORDER BY next_attempt_at, id LIMIT $3) RETURNING ",
    mail_columns!()
);
/// With row locks, a second sender passes over rows being claimed instead
/// of waiting and then claiming them again.
const CLAIM_SKIP_LOCKED: &str = concat!(
    "UPDATE outbox SET next_attempt_at = $1 WHERE id IN (SELECT id FROM outbox \
     WHERE status = 'queued' AND next_attempt_at <= $2 \
     ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING ",
    mail_columns!()
);
/// The same under a claim token: the claimer alone may then start sending.
const CLAIM_AS: &str = concat!(
    "UPDATE outbox SET next_attempt_at = $1, claim_token = $4 WHERE id IN (SELECT id FROM outbox \
     WHERE status = 'queued' AND next_attempt_at <= $2 \
     ORDER BY next_attempt_at, id LIMIT $3) RETURNING ",
    mail_columns!()
);
const CLAIM_AS_SKIP_LOCKED: &str = concat!(
    "UPDATE outbox SET next_attempt_at = $1, claim_token = $4 WHERE id IN (SELECT id FROM outbox \
     WHERE status = 'queued' AND next_attempt_at <= $2 \
     ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING ",
    mail_columns!()
);
const QUEUED_ONCE: &str = "SELECT id FROM outbox WHERE dedupe_key = $1";
const SEND_STARTED: &str = "SELECT send_started_at FROM outbox \
     WHERE id = $1 AND claim_token = $2 AND status = 'queued'";
const BEGIN_SEND: &str = "UPDATE outbox SET send_started_at = $1, next_attempt_at = $2 \
     WHERE id = $3 AND claim_token = $4 AND status = 'queued'";
const RELEASE: &str = "UPDATE outbox SET next_attempt_at = $1, claim_token = NULL \
     WHERE id = $2 AND claim_token = $3 AND status = 'queued' AND send_started_at IS NULL";
const IN_FLIGHT: &str =
    "SELECT COUNT(*) FROM outbox WHERE status = 'queued' AND send_started_at IS NOT NULL";
/// A sensitive mail's body (it holds a link's secret) is blanked once sent.
const MARK_SENT: &str = "UPDATE outbox SET status = 'sent', sent_at = $1, \
     body = CASE WHEN sensitive THEN '' ELSE body END \
     WHERE id = $2 AND status = 'queued'";
/// ... and once given up.
const MARK_FAILED: &str = "UPDATE outbox SET attempts = attempts + 1, last_error = $1, \
     status = $2, send_started_at = NULL, next_attempt_at = COALESCE($3, next_attempt_at), \
     body = CASE WHEN sensitive AND $2 = 'failed' THEN '' ELSE body END \
     WHERE id = $4 AND status = 'queued'";
const MARK_SENSITIVE: &str = "UPDATE outbox SET sensitive = true WHERE id = $1";
const COUNTS: &str = "SELECT status, COUNT(*) FROM outbox GROUP BY status";
const MAILS_IN: &str = concat!(
    "SELECT ",
    mail_columns!(),
    " FROM outbox WHERE status = $1 ORDER BY id DESC LIMIT $2"
);
const MAILS: &str = concat!(
    "SELECT ",
    mail_columns!(),
    " FROM outbox ORDER BY id DESC LIMIT $1"
);
const RECIPIENTS_OF: &str = "SELECT id, email, language FROM accounts \
     WHERE kind = $1 AND participant = $2 AND NOT disabled ORDER BY id";
const RECIPIENTS: &str = "SELECT id, email, language FROM accounts \
     WHERE kind = $1 AND NOT disabled ORDER BY id";
/// One upsert: the row is written only if the lease is new, expired or
/// already ours, so two instances cannot both take it.
const CLAIM_LEASE: &str = "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
     ON CONFLICT (name) DO UPDATE \
     SET holder = excluded.holder, expires_at = excluded.expires_at \
     WHERE job_leases.expires_at <= $4 OR job_leases.holder = excluded.holder";

impl<D: Driver> Tx<D> {
    /// Queues `mail` inside this transaction (the caller logs it), unless
    /// one with the same dedupe key is there: then None. A `sensitive`
    /// mail carries a secret link; its body is blanked once it is sent.
    pub(crate) async fn enqueue(
        &mut self,
        mail: &NewMail,
        sensitive: bool,
    ) -> StoreResult<Option<Mail>> {
        let name = format!("(queued as {})", mail.dedupe_key);
        let recipient = self
            .keys
            .seal_str(MAIL_RECIPIENT, "outbox", &name, &mail.recipient)?;
        let subject = self
            .keys
            .seal_str(MAIL_SUBJECT, "outbox", &name, &mail.subject)?;
        let body = self.keys.seal_str(MAIL_BODY, "outbox", &name, &mail.body)?;
        let row: Option<MailRow> = self
            .fetch_optional(
                ENQUEUE,
                &[
                    (&mail.dedupe_key).into(),
                    recipient.as_str().into(),
                    (&mail.language).into(),
                    subject.as_str().into(),
                    body.as_str().into(),
                    (&mail.participant).into(),
                    to_db_time(mail.created_at).into(),
                ],
            )
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let queued = row.open(&self.keys)?;
        if sensitive {
            self.execute(MARK_SENSITIVE, &[queued.id.into()]).await?;
        }
        Ok(Some(queued))
    }
}

/// Mails per statement of [`Tx::enqueue_many`] (8 parameters each).
const ENQUEUE_BATCH: usize = 500;

impl<D: Driver> Tx<D> {
    /// Queues many mails inside this transaction, a few statements for all
    /// of them (a campaign's thousands of challenges). Returns each mail's
    /// new id, in order, or None where one with the same dedupe key was
    /// queued before.
    pub(crate) async fn enqueue_many(
        &mut self,
        mails: &[NewMail],
        sensitive: bool,
    ) -> StoreResult<Vec<Option<i64>>> {
        let mut ids = std::collections::HashMap::with_capacity(mails.len());
        for chunk in mails.chunks(ENQUEUE_BATCH) {
            let mut sql = String::from(
                "INSERT INTO outbox (dedupe_key, recipient, language, subject, body, participant, \
                 next_attempt_at, created_at, sensitive) VALUES ",
            );
            let mut sealed = Vec::with_capacity(chunk.len());
            for mail in chunk {
                let name = format!("(queued as {})", mail.dedupe_key);
                sealed.push((
                    self.keys
                        .seal_str(MAIL_RECIPIENT, "outbox", &name, &mail.recipient)?,
                    self.keys
                        .seal_str(MAIL_SUBJECT, "outbox", &name, &mail.subject)?,
                    self.keys.seal_str(MAIL_BODY, "outbox", &name, &mail.body)?,
                ));
            }
            let mut params: Vec<Param<'_>> = Vec::with_capacity(chunk.len() * 8);
            for (i, (mail, (recipient, subject, body))) in chunk.iter().zip(&sealed).enumerate() {
                let n = i * 8;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    n + 1,
                    n + 2,
                    n + 3,
                    n + 4,
                    n + 5,
                    n + 6,
                    n + 7,
                    n + 7,
                    n + 8
                ));
                params.push(mail.dedupe_key.as_str().into());
                params.push(recipient.as_str().into());
                params.push(mail.language.as_str().into());
                params.push(subject.as_str().into());
                params.push(body.as_str().into());
                params.push((&mail.participant).into());
                params.push(to_db_time(mail.created_at).into());
                params.push(sensitive.into());
            }
            sql.push_str(" ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key");
            let rows: Vec<(i64, String)> = self.fetch_all(&sql, &params).await?;
            ids.extend(rows.into_iter().map(|(id, key)| (key, id)));
        }
        Ok(mails
            .iter()
            .map(|m| ids.get(&m.dedupe_key).copied())
            .collect())
    }
}

#[async_trait]
impl<D: Driver> OutboxStore for SqlStore<D> {
    async fn enqueue_mail(&self, mail: NewMail, log: LogDraft) -> StoreResult<Option<Mail>> {
        self.enqueue_mail_with(mail, Vec::new(), log).await
    }

    async fn enqueue_mail_with(
        &self,
        mail: NewMail,
        mut also: Vec<LogDraft>,
        mut log: LogDraft,
    ) -> StoreResult<Option<Mail>> {
        // The insert is the transaction's first statement: a write.
        let mut tx = self.begin().await?;
        let Some(queued) = tx.enqueue(&mail, false).await? else {
            tx.rollback().await?;
            return Ok(None);
        };
        log.object = format!("mail:{}", queued.id);
        also.push(log);
        tx.log_and_commit(&also).await?;
        Ok(Some(queued))
    }

    async fn claim_mails(
        &self,
        now: OffsetDateTime,
        until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<Mail>> {
        let sql = if D::ROW_LOCKS {
            CLAIM_SKIP_LOCKED
        } else {
            CLAIM
        };
        let rows: Vec<MailRow> = self
            .fetch_all(
                sql,
                &[
                    to_db_time(until).into(),
                    to_db_time(now).into(),
                    i64::from(limit).into(),
                ],
            )
            .await?;
        let mut mails: Vec<Mail> = open_all(rows, &self.keys)?;
        mails.sort_by_key(|m| m.id);
        Ok(mails)
    }

    async fn claim_mails_as(
        &self,
        token: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<Mail>> {
        let sql = if D::ROW_LOCKS {
            CLAIM_AS_SKIP_LOCKED
        } else {
            CLAIM_AS
        };
        let rows: Vec<MailRow> = self
            .fetch_all(
                sql,
                &[
                    to_db_time(until).into(),
                    to_db_time(now).into(),
                    i64::from(limit).into(),
                    token.into(),
                ],
            )
            .await?;
        let mut mails: Vec<Mail> = open_all(rows, &self.keys)?;
        mails.sort_by_key(|m| m.id);
        Ok(mails)
    }

    async fn begin_send(
        &self,
        id: i64,
        token: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<Option<bool>> {
        let started: Option<(Option<i64>,)> = self
            .fetch_optional(SEND_STARTED, &[id.into(), token.into()])
            .await?;
        let Some((started,)) = started else {
            return Ok(None);
        };
        let changed = self
            .execute(
                BEGIN_SEND,
                &[
                    to_db_time(now).into(),
                    to_db_time(until).into(),
                    id.into(),
                    token.into(),
                ],
            )
            .await?;
        Ok((changed == 1).then_some(started.is_some()))
    }

    async fn release_mail(&self, id: i64, token: &str, now: OffsetDateTime) -> StoreResult<bool> {
        let changed = self
            .execute(RELEASE, &[to_db_time(now).into(), id.into(), token.into()])
            .await?;
        Ok(changed == 1)
    }

    async fn mails_in_flight(&self) -> StoreResult<i64> {
        let (n,): (i64,) = self.fetch_one(IN_FLIGHT, &[]).await?;
        Ok(n)
    }

    async fn mark_mail_sent(
        &self,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(MARK_SENT, &[to_db_time(at).into(), id.into()])
            .await?;
        tx.commit_if_changed(changed, from_ref(&log)).await
    }

    async fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<OffsetDateTime>,
        log: Option<LogDraft>,
    ) -> StoreResult<bool> {
        let status = if retry_at.is_some() {
            MailStatus::Queued
        } else {
            MailStatus::Failed
        };
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                MARK_FAILED,
                &[
                    error.into(),
                    status.as_str().into(),
                    retry_at.map(to_db_time).into(),
                    id.into(),
                ],
            )
            .await?;
        // Only giving up is logged; a retry is routine.
        let log = log.filter(|_| retry_at.is_none());
        tx.commit_if_changed(changed, log.as_slice()).await
    }

    async fn mail_queued_once(&self, dedupe_key: &str) -> StoreResult<bool> {
        let row: Option<(i64,)> = self
            .fetch_optional(QUEUED_ONCE, &[dedupe_key.into()])
            .await?;
        Ok(row.is_some())
    }

    async fn mail_counts(&self) -> StoreResult<MailCounts> {
        mail_counts(self.fetch_all(COUNTS, &[]).await?)
    }

    async fn mails(&self, status: Option<MailStatus>, limit: u32) -> StoreResult<Vec<Mail>> {
        let limit = i64::from(limit);
        let rows: Vec<MailRow> = match status {
            Some(status) => {
                self.fetch_all(MAILS_IN, &[status.as_str().into(), limit.into()])
                    .await?
            }
            None => self.fetch_all(MAILS, &[limit.into()]).await?,
        };
        open_all(rows, &self.keys)
    }

    async fn mail_recipients(
        &self,
        kind: AccountKind,
        participant: Option<&str>,
    ) -> StoreResult<Vec<MailRecipient>> {
        let rows: Vec<MailRecipientRow> = match participant {
            Some(code) => {
                self.fetch_all(RECIPIENTS_OF, &[kind.as_str().into(), code.into()])
                    .await?
            }
            None => self.fetch_all(RECIPIENTS, &[kind.as_str().into()]).await?,
        };
        open_all(rows, &self.keys)
    }

    async fn try_claim_lease(
        &self,
        name: &str,
        holder: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool> {
        let written = self
            .execute(
                CLAIM_LEASE,
                &[
                    name.into(),
                    holder.into(),
                    to_db_time(until).into(),
                    to_db_time(now).into(),
                ],
            )
            .await?;
        Ok(written == 1)
    }
}
