//! The outbox of e-mail, and the leases that let one instance among
//! several run a periodic job.
//!
//! Mails are queued in the store and sent later by the mail job, so a
//! crash loses none and two instances never send one twice.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod rows;
mod store;

/// A mail to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// Unique among all mails ever queued: what makes a notice go out once.
    pub dedupe_key: String,
    pub recipient: String,
    /// The language code the mail is written in.
    pub language: String,
    pub subject: String,
    pub body: String,
    /// Whose business the mail is, if a State's.
    pub participant: Option<String>,
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailStatus {
    Queued,
    Sent,
    /// Given up after too many attempts.
    Failed,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Queued => "queued",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }
}

impl std::str::FromStr for MailStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "queued" => Ok(MailStatus::Queued),
            "sent" => Ok(MailStatus::Sent),
            "failed" => Ok(MailStatus::Failed),
            other => Err(format!("unknown mail status {other:?}")),
        }
    }
}

/// A mail in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub id: i64,
    pub dedupe_key: String,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body: String,
    pub participant: Option<String>,
    pub status: MailStatus,
    /// Failed attempts so far.
    pub attempts: i64,
    /// Not tried again before this (also the claim's lease).
    pub next_attempt_at: OffsetDateTime,
    pub last_error: Option<String>,
    pub created_at: OffsetDateTime,
    pub sent_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MailCounts {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
}

/// An account mail can be sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRecipient {
    pub account_id: i64,
    pub email: String,
    /// The account's language code, if it chose one.
    pub language: Option<String>,
}

#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Queues a mail unless one with the same `dedupe_key` is there already:
    /// then returns None and logs nothing. The log entry's `object` is set
    /// to `mail:<new id>`.
    async fn enqueue_mail(&self, mail: NewMail, log: LogDraft) -> StoreResult<Option<Mail>>;
    /// [`OutboxStore::enqueue_mail`], with `also` appended to the log before
    /// the mail's entry, in the same transaction: what the mail carries is
    /// on record exactly when the mail is queued (a crisis pack's reads).
    async fn enqueue_mail_with(
        &self,
        mail: NewMail,
        also: Vec<LogDraft>,
        log: LogDraft,
    ) -> StoreResult<Option<Mail>>;
    /// Whether a mail with `dedupe_key` was ever queued (whatever became of
    /// it): lets a job skip the work of a mail it would not queue again.
    async fn mail_queued_once(&self, dedupe_key: &str) -> StoreResult<bool>;
    /// Claims up to `limit` queued mails due at `now`, the longest waiting
    /// first, by pushing their `next_attempt_at` to `until`: no other sender
    /// claims them before then, and a crashed sender's mails come back then.
    /// Returned by id.
    async fn claim_mails(
        &self,
        now: OffsetDateTime,
        until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<Mail>>;
    /// Like [`claim_mails`](Self::claim_mails), and the claim is `token`'s:
    /// only its holder may then start sending each mail
    /// ([`begin_send`](Self::begin_send)). A mail whose earlier send was
    /// interrupted (its sender died after starting it) is claimed again
    /// once its lease has run out.
    async fn claim_mails_as(
        &self,
        token: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<Mail>>;
    /// Marks mail `id` as being sent by the holder of `token`, its lease
    /// pushed to `until`, just before it is handed to the relay. None when
    /// the claim is no longer `token`'s (its lease ran out and another
    /// sender claimed it, or it was sent): then it must not be sent.
    /// `Some(true)` when an earlier send of it was interrupted: it may have
    /// reached the relay already, and is sent again with the same Message-ID.
    async fn begin_send(
        &self,
        id: i64,
        token: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<Option<bool>>;
    /// Gives back mail `id` claimed by `token` and not started (no
    /// [`begin_send`](Self::begin_send)): due again at `now`, for any
    /// sender. False when it is not `token`'s unstarted claim (then nothing
    /// changes). For a sender that stops with part of its batch unsent.
    async fn release_mail(&self, id: i64, token: &str, now: OffsetDateTime) -> StoreResult<bool>;
    /// How many queued mails were started and not finished (being sent, or
    /// interrupted mid-send and waiting for their lease to run out).
    async fn mails_in_flight(&self) -> StoreResult<i64>;
    /// Marks a queued mail sent and appends `log`; false (and nothing
    /// logged) when it is not queued.
    async fn mark_mail_sent(&self, id: i64, at: OffsetDateTime, log: LogDraft)
        -> StoreResult<bool>;
    /// Records a failed attempt (`attempts` + 1, `last_error`): queued again
    /// for `retry_at`, or, when None, `failed` for good and `log` appended.
    /// False (and nothing logged) when the mail is not queued.
    async fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<OffsetDateTime>,
        log: Option<LogDraft>,
    ) -> StoreResult<bool>;
    /// How many mails are in each status.
    async fn mail_counts(&self) -> StoreResult<MailCounts>;
    /// Mails in `status` (any when None), newest first, at most `limit`.
    async fn mails(&self, status: Option<MailStatus>, limit: u32) -> StoreResult<Vec<Mail>>;
    /// Where mail for accounts of `kind` goes (of `participant` only, when
    /// given): enabled accounts, by id.
    async fn mail_recipients(
        &self,
        kind: AccountKind,
        participant: Option<&str>,
    ) -> StoreResult<Vec<MailRecipient>>;
    /// Takes the lease `name` for `holder` until `until` if it is free or
    /// expired (or already held by `holder`). True when `holder` now holds it.
    async fn try_claim_lease(
        &self,
        name: &str,
        holder: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool>;
}
