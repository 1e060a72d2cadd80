//! The mail sender: claims queued mail from the outbox and hands it to an
//! SMTP relay, retrying with exponential backoff. Claims are leases in the
//! database, so several instances send side by side without sending twice.

use async_trait::async_trait;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use pocdir_domain::clock::Clock;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::outbox::RetryPolicy;
use pocdir_store::{Mail, Store, StoreResult};
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::Duration;
use tokio::sync::watch;

use crate::revalidation::job_actor;

/// How long a claimed mail is ours: longer than any SMTP exchange takes
/// (the transport times out first), short enough that a crashed sender's
/// mail goes out soon after.
pub const CLAIM_LEASE: Duration = Duration::minutes(5);
/// Mails claimed per round.
pub const BATCH: u32 = 50;

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
}

fn mail_draft(at: time::OffsetDateTime, action: &str, mail: &Mail) -> LogDraft {
    LogDraft::new(at, job_actor(), action, format!("mail:{}", mail.id))
        .about_participant(mail.participant.clone())
        .with_content(&serde_json::json!({
            "dedupe_key": mail.dedupe_key,
            "recipient": mail.recipient,
        }))
}

/// Claims due mail and sends it; failures are queued again after the
/// policy's delay, or given up (logged) when it says so or they are permanent.
pub async fn send_once(
    store: &dyn Store,
    clock: &dyn Clock,
    transport: &dyn MailTransport,
    retry: &RetryPolicy,
) -> StoreResult<SendReport> {
    let now = clock.now();
    let mut report = SendReport::default();
    for mail in store.claim_mails(now, now + CLAIM_LEASE, BATCH).await? {
        match transport.send(&mail).await {
            Ok(()) => {
                let at = clock.now();
                store
                    .mark_mail_sent(mail.id, at, mail_draft(at, "mail.sent", &mail))
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
                        Some(mail_draft(at, "mail.failed", &mail)),
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

/// Sends queued mail every `period` until `shutdown` turns true.
pub async fn run_mail_sender(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    transport: Arc<dyn MailTransport>,
    retry: RetryPolicy,
    period: StdDuration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        match send_once(store.as_ref(), clock.as_ref(), transport.as_ref(), &retry).await {
            Ok(r) if r.sent + r.retried + r.given_up > 0 => tracing::info!(
                sent = r.sent,
                retried = r.retried,
                given_up = r.given_up,
                "mail round done"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "mail round failed; will retry next period"),
        }
        tokio::select! {
            _ = tokio::time::sleep(period) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
}
