//! Outbox rows and their conversion.

use super::{Mail, MailCounts, MailRecipient, MailStatus};
use crate::sealing::{Keys, OpenRow, ACCOUNT_EMAIL, MAIL_BODY, MAIL_RECIPIENT, MAIL_SUBJECT};
use crate::{corrupt, db_time, opt_db_time, StoreResult};

macro_rules! mail_columns {
    () => {
        "id, dedupe_key, recipient, language, subject, body, participant, status, attempts, \
         next_attempt_at, last_error, created_at, sent_at"
    };
}
pub(super) use mail_columns;

#[derive(sqlx::FromRow)]
pub(super) struct MailRow {
    id: i64,
    dedupe_key: String,
    recipient: String,
    language: String,
    subject: String,
    body: String,
    participant: Option<String>,
    status: String,
    attempts: i64,
    next_attempt_at: i64,
    last_error: Option<String>,
    created_at: i64,
    sent_at: Option<i64>,
}

impl OpenRow for MailRow {
    type Out = Mail;

    fn open(self, keys: &Keys) -> StoreResult<Mail> {
        let r = self;
        let bad = corrupt("outbox", r.id);
        Ok(Mail {
            id: r.id,
            dedupe_key: r.dedupe_key,
            recipient: keys.open_str(MAIL_RECIPIENT, "outbox", &r.id, &r.recipient)?,
            language: r.language,
            subject: keys.open_str(MAIL_SUBJECT, "outbox", &r.id, &r.subject)?,
            body: keys.open_str(MAIL_BODY, "outbox", &r.id, &r.body)?,
            participant: r.participant,
            status: r.status.parse().map_err(&bad)?,
            attempts: r.attempts,
            next_attempt_at: db_time(r.next_attempt_at).map_err(&bad)?,
            last_error: r.last_error,
            created_at: db_time(r.created_at).map_err(&bad)?,
            sent_at: opt_db_time(r.sent_at).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct MailRecipientRow {
    id: i64,
    email: String,
    language: Option<String>,
}

impl OpenRow for MailRecipientRow {
    type Out = MailRecipient;

    fn open(self, keys: &Keys) -> StoreResult<MailRecipient> {
        Ok(MailRecipient {
            email: keys.open_str(ACCOUNT_EMAIL, "accounts", &self.id, &self.email)?,
            account_id: self.id,
            language: self.language,
        })
    }
}

/// Mail counts from `(status, count)` rows.
pub(super) fn mail_counts(rows: Vec<(String, i64)>) -> StoreResult<MailCounts> {
    let mut counts = MailCounts::default();
    for (status, n) in rows {
        match status.parse().map_err(corrupt("outbox", "counts"))? {
            MailStatus::Queued => counts.queued = n,
            MailStatus::Sent => counts.sent = n,
            MailStatus::Failed => counts.failed = n,
        }
    }
    Ok(counts)
}
