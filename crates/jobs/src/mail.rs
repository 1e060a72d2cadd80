//! The mail sender: claims queued mail from the outbox and hands it to an
//! SMTP relay, retrying with exponential backoff. Claims are leases in the
//! database, so several instances send side by side without sending twice.
//!
//! What "once" means here, honestly: each round claims a batch under a
//! token of its own, and marks each mail as being sent (`begin_send`) just
//! before the SMTP exchange, only if the claim is still its own; so a
//! sender slower than its lease leaves the rest of its batch to whoever
//! claimed it next instead of sending it too. The one window SMTP cannot
//! close is a sender that dies after the relay accepted a mail and before
//! the database recorded it: at most one mail per round per crash (a
//! round has one mail in flight at a time; a run makes
//! [`ROUNDS_SIDE_BY_SIDE`] rounds side by side, so at most four per
//! instance). That mail is sent again once
//! its lease ([`SEND_LEASE`]) runs out, with the same `Message-ID`
//! ([`message_id`]) so that mail systems and readers can tell it is the
//! same message, and it is counted (`resent`, a warning in the server's
//! log, `pocdir_mail_resent_total`). Mail is never lost for it.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob, Sharing, Stopping};
use async_trait::async_trait;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use pocdir_domain::clock::Clock;
use pocdir_domain::entropy::{random_bytes, OsEntropy};
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::log::events;
use pocdir_domain::outbox::RetryPolicy;
use pocdir_store::{Mail, Store, StoreResult};
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::Duration;

use crate::revalidation::job_actor;

/// How long a claimed mail is ours: longer than any SMTP exchange takes
/// (the transport times out first), short enough that a crashed sender's
/// mail goes out soon after.
pub const CLAIM_LEASE: Duration = Duration::minutes(5);
/// How long a mail handed to the relay is ours: longer than the SMTP
/// exchange may take (the transport's timeout is 30 s).
pub const SEND_LEASE: Duration = Duration::minutes(2);
/// Mails claimed at a time.
pub const BATCH: u32 = 50;
/// Batches a run of the job may send while they come back full, so that
/// a large notification does not wait a period per batch; the bound keeps
/// a run finite.
pub const MAX_BATCHES_PER_RUN: usize = 200;
/// Rounds a run makes side by side, each claiming its own batch under its
/// own token (as that many senders would), each on its own SMTP connection.
pub const ROUNDS_SIDE_BY_SIDE: usize = 4;

/// Why a mail did not go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    /// True when trying again cannot help (a refused address, a 5xx reply).
    pub permanent: bool,
    pub message: String,
}

/// Something that delivers a mail (SMTP in production; tests may fake it).
#[async_trait]
pub trait MailTransport: Send + Sync + std::fmt::Debug {
    async fn send(&self, mail: &Mail) -> Result<(), SendError>;
}

/// The mail's `Message-ID`: the same for every attempt at one outbox mail,
/// so that a copy sent again after an interrupted send is recognisably the
/// same message. `domain` is the sender address's.
pub fn message_id(mail: &Mail, domain: &str) -> String {
    // The dedupe key names the event and the recipient; a short digest of
    // it keeps the ID unique across databases that reuse outbox ids.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in mail.dedupe_key.as_bytes() {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("<pocdir.{}.{h:016x}@{domain}>", mail.id)
}

/// A token no other claim shares (random, not a secret).
fn claim_token() -> String {
    let bytes: [u8; 16] = random_bytes(&OsEntropy);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Delivery through an SMTP relay with lettre.
#[derive(Clone)]
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for SmtpMailer {
    // The transport holds the relay's credentials, if any: never print them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpMailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl SmtpMailer {
    /// `smtp_url` as lettre reads it: `smtp://host:port` (plain, or
    /// `?tls=required` for STARTTLS), `smtps://host:port` (TLS), with
    /// optional `user:password@`.
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("mail_from {from:?} is not an address: {e}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("smtp_url is not usable: {e}"))?
            .timeout(Some(StdDuration::from_secs(30)))
            .build();
        Ok(SmtpMailer { transport, from })
    }
}

#[async_trait]
impl MailTransport for SmtpMailer {
    async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let to: Mailbox = mail.recipient.parse().map_err(|e| SendError {
            permanent: true,
            message: format!("bad recipient address: {e}"),
        })?;
        let message = Message::builder()
            .message_id(Some(message_id(mail, self.from.email.domain())))
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| SendError {
                permanent: true,
                message: format!("cannot build the message: {e}"),
            })?;
        self.transport
            .send(message)
            .await
            .map(drop)
            .map_err(|e| SendError {
                permanent: e.is_permanent(),
                message: e.to_string(),
            })
    }
}

/// What one round did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SendReport {
    pub sent: u64,
    pub retried: u64,
    pub given_up: u64,
    /// Sent again after an interrupted send (see the module's comment).
    pub resent: u64,
    /// Left alone: another sender claimed them after this one's lease ran
    /// out, or the server was stopping (given back to the queue).
    pub left: u64,
}

impl SendReport {
    /// How many mails the round claimed.
    pub fn claimed(&self) -> u64 {
        self.sent + self.retried + self.given_up + self.left
    }

    fn add(&mut self, other: SendReport) {
        self.sent += other.sent;
        self.retried += other.retried;
        self.given_up += other.given_up;
        self.resent += other.resent;
        self.left += other.left;
    }
}

/// The entry of a mail sent (`sent`) or given up.
fn mail_draft(at: time::OffsetDateTime, sent: bool, mail: &Mail) -> StoreResult<LogDraft> {
    Ok(events::mail_delivered(
        at,
        job_actor(),
        sent,
        mail.id,
        mail.participant.as_deref(),
        &mail.dedupe_key,
        &mail.recipient,
    )?)
}

/// Claims due mail and sends it; failures are queued again after the
/// policy's delay, or given up (logged) when it says so or they are permanent.
pub async fn send_once(
    store: &dyn Store,
    clock: &dyn Clock,
    transport: &dyn MailTransport,
    retry: &RetryPolicy,
) -> StoreResult<SendReport> {
    send_until_stopped(store, clock, transport, retry, &Stopping::never()).await
}

/// [`send_once`], asking `stopping` before each mail: once the server is
/// stopping, the mails of the batch not yet started are given back, due at
/// once for the next sender, here after a restart or on another instance
/// (`left`; one that cannot be given back waits for its claim to lapse,
/// [`CLAIM_LEASE`]). A mail already handed to the relay is always finished.
pub async fn send_until_stopped(
    store: &dyn Store,
    clock: &dyn Clock,
    transport: &dyn MailTransport,
    retry: &RetryPolicy,
    stopping: &Stopping,
) -> StoreResult<SendReport> {
    let now = clock.now();
    let token = claim_token();
    let mut report = SendReport::default();
    for mail in store
        .claim_mails_as(&token, now, now + CLAIM_LEASE, BATCH)
        .await?
    {
        if stopping.is_stopping() {
            store.release_mail(mail.id, &token, now).await?;
            report.left += 1;
            continue;
        }
        let started = clock.now();
        match store
            .begin_send(mail.id, &token, started, started + SEND_LEASE)
            .await?
        {
            None => {
                report.left += 1;
                continue;
            }
            Some(true) => {
                report.resent += 1;
                metrics::counter!("pocdir_mail_resent_total").increment(1);
                tracing::warn!(
                    mail = mail.id,
                    "a mail whose send was interrupted goes out again with the same Message-ID; \
                     its recipient may receive it twice"
                );
            }
            Some(false) => {}
        }
        match transport.send(&mail).await {
            Ok(()) => {
                let at = clock.now();
                store
                    .mark_mail_sent(mail.id, at, mail_draft(at, true, &mail)?)
                    .await?;
                report.sent += 1;
            }
            Err(e) => {
                let at = clock.now();
                let attempts = mail.attempts.saturating_add(1);
                let retry_at = if e.permanent {
                    None
                } else {
                    retry.delay_after(attempts).map(|d| at + d)
                };
                tracing::warn!(
                    mail = mail.id,
                    attempts,
                    permanent = e.permanent,
                    will_retry = retry_at.is_some(),
                    error = %e.message,
                    "mail not sent"
                );
                store
                    .mark_mail_failed(
                        mail.id,
                        &e.message,
                        retry_at,
                        Some(mail_draft(at, false, &mail)?),
                    )
                    .await?;
                if retry_at.is_some() {
                    report.retried += 1;
                } else {
                    report.given_up += 1;
                }
            }
        }
    }
    Ok(report)
}

impl From<SendReport> for JobReport {
    fn from(r: SendReport) -> Self {
        JobReport::default()
            .with("sent", r.sent)
            .with("retried", r.retried)
            .with("given_up", r.given_up)
            .with("resent", r.resent)
            .with("left", r.left)
    }
}

pub const MAIL_SENDER: &str = "mail-sender";

/// The mail sender as a periodic job.
#[derive(Debug, Clone)]
pub struct MailSender {
    pub transport: Arc<dyn MailTransport>,
    pub retry: RetryPolicy,
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for MailSender {
    fn name(&self) -> &'static str {
        MAIL_SENDER
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    /// Every instance sends: each mail is claimed on its own (see [`send_once`]).
    fn sharing(&self) -> Sharing {
        Sharing::EveryInstance
    }

    /// Four rounds side by side ([`ROUNDS_SIDE_BY_SIDE`]), each claiming
    /// its own batch under its own token, repeated while they come back
    /// full, up to [`MAX_BATCHES_PER_RUN`] batches: a notification to
    /// thousands of PoCs leaves in one run, over four SMTP connections.
    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let mut total = SendReport::default();
        for _ in 0..MAX_BATCHES_PER_RUN.div_ceil(ROUNDS_SIDE_BY_SIDE) {
            // A safe point: nothing claimed yet in this step.
            if ctx.stopping.is_stopping() {
                break;
            }
            let once = || {
                send_until_stopped(
                    ctx.store.as_ref(),
                    ctx.clock.as_ref(),
                    self.transport.as_ref(),
                    &self.retry,
                    &ctx.stopping,
                )
            };
            let (a, b, c, d) = tokio::join!(once(), once(), once(), once());
            let mut full = false;
            for round in [a, b, c, d] {
                let round = round?;
                full |= round.claimed() >= u64::from(BATCH);
                total.add(round);
            }
            if !full {
                break;
            }
        }
        Ok(total.into())
    }
}
