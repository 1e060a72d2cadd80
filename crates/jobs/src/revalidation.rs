//! The re-validation job: queues reminders before a PoC's due date and
//! overdue notices after it, each once per PoC, due date and recipient
//! (the outbox's dedupe key), in the recipient's language.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::poc::{PocDetails, PocRole};
use pocdir_domain::directory::revalidation::{RevalidationPolicy, RevalidationState};
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{MailRecipient, NewMail, Poc, Store, StoreResult};
use std::collections::HashMap;
use std::time::Duration as StdDuration;
use time::{Duration, OffsetDateTime};

pub const REVALIDATION_LEASE: &str = "revalidation";

/// Who the log names for what the jobs do on their own.
pub fn job_actor() -> LogActor {
    LogActor {
        account_id: None,
        kind: "system".to_string(),
        participant: None,
    }
}

/// What one run queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RevalidationReport {
    pub ran: bool,
    pub reminders: u64,
    pub overdue_notices: u64,
}

/// Which notice a mail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Reminder,
    Overdue,
}

impl Notice {
    pub const ALL: [Notice; 2] = [Notice::Reminder, Notice::Overdue];

    /// Fluent id of the mail's subject.
    pub fn subject_message(self) -> &'static str {
        match self {
            Notice::Reminder => "revalidation-mail-reminder-subject",
            Notice::Overdue => "revalidation-mail-overdue-subject",
        }
    }

    /// Fluent id of the mail's body.
    pub fn body_message(self) -> &'static str {
        match self {
            Notice::Reminder => "revalidation-mail-reminder-body",
            Notice::Overdue => "revalidation-mail-overdue-body",
        }
    }
}

/// What a notice says about one PoC.
#[derive(Debug, Clone)]
pub struct NoticeFacts<'a> {
    pub poc_id: i64,
    pub poc_name: &'a str,
    pub role: PocRole,
    pub state_name: &'a str,
    pub confirmed: OffsetDateTime,
    pub due: OffsetDateTime,
    /// The server's public address, e.g. `https://pocdir.example.org`.
    pub base_url: &'a str,
}

fn day(t: OffsetDateTime) -> String {
    t.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// Subject and body of a notice in `lang`.
pub fn compose(notice: Notice, lang: Lang, facts: &NoticeFacts<'_>) -> (String, String) {
    let tr = Translator::new(lang);
    let base = facts.base_url.trim_end_matches('/');
    let text = |s: &str| FluentArg::Text(s.to_string());
    let role = tr.t(facts.role.label_message());
    let args = [
        ("poc", text(facts.poc_name)),
        ("role", FluentArg::Text(role)),
        ("state", text(facts.state_name)),
        ("confirmed", FluentArg::Text(day(facts.confirmed))),
        ("due", FluentArg::Text(day(facts.due))),
        ("link", FluentArg::Text(format!("{base}/revalidation"))),
        (
            "poc_link",
            FluentArg::Text(format!("{base}/pocs/{}", facts.poc_id)),
        ),
    ];
    let body = format!(
        "{}\n\n-- \n{}\n",
        tr.t_args(notice.body_message(), &args),
        tr.t("revalidation-mail-signature")
    );
    (tr.t_args(notice.subject_message(), &args), body)
}

/// Queues what is due if this instance (`holder`) gets the lease for `lease`.
pub async fn revalidation_once(
    store: &dyn Store,
    clock: &dyn Clock,
    policy: &RevalidationPolicy,
    base_url: &str,
    holder: &str,
    lease: Duration,
) -> StoreResult<RevalidationReport> {
    let now = clock.now();
    if !store
        .try_claim_lease(REVALIDATION_LEASE, holder, now, now + lease)
        .await?
    {
        return Ok(RevalidationReport::default());
    }
    queue_due_notices(store, now, policy, base_url).await
}

/// Queues every reminder and overdue notice due at `now` not queued before.
async fn queue_due_notices(
    store: &dyn Store,
    now: OffsetDateTime,
    policy: &RevalidationPolicy,
    base_url: &str,
) -> StoreResult<RevalidationReport> {
    let mut report = RevalidationReport {
        ran: true,
        ..RevalidationReport::default()
    };
    let mut secretariat: Option<Vec<MailRecipient>> = None;
    let mut states: HashMap<String, Option<pocdir_store::Participant>> = HashMap::new();
    for poc in store.active_pocs().await? {
        let Some(confirmed) = poc.confirmed_at else {
            continue;
        };
        let check = policy.check(confirmed, now);
        let (notice, stage) = match check.state {
            RevalidationState::NotDue => continue,
            RevalidationState::ReminderDue { days_before } => {
                (Notice::Reminder, format!("reminder-{days_before}"))
            }
            RevalidationState::Overdue => (Notice::Overdue, "overdue".to_string()),
        };
        let mut to = store
            .mail_recipients(AccountKind::Nominator, Some(&poc.participant))
            .await?;
        if notice == Notice::Overdue {
            let list = match secretariat.take() {
                Some(list) => list,
                None => {
                    store
                        .mail_recipients(AccountKind::Secretariat, None)
                        .await?
                }
            };
            to.extend(list.iter().cloned());
            secretariat = Some(list);
        }
        if !states.contains_key(&poc.participant) {
            let found = store.participant(&poc.participant).await?;
            states.insert(poc.participant.clone(), found);
        }
        let state = states.get(&poc.participant).and_then(Option::as_ref);
        for recipient in to {
            let queued = queue_notice(
                store, now, &poc, state, notice, &stage, check.due, confirmed, base_url, &recipient,
            )
            .await?;
            match (queued, notice) {
                (true, Notice::Reminder) => report.reminders += 1,
                (true, Notice::Overdue) => report.overdue_notices += 1,
                (false, _) => {}
            }
        }
    }
    Ok(report)
}

/// Queues one notice to one recipient; false when it was queued before.
#[allow(clippy::too_many_arguments)]
async fn queue_notice(
    store: &dyn Store,
    now: OffsetDateTime,
    poc: &Poc,
    state: Option<&pocdir_store::Participant>,
    notice: Notice,
    stage: &str,
    due: OffsetDateTime,
    confirmed: OffsetDateTime,
    base_url: &str,
    recipient: &MailRecipient,
) -> StoreResult<bool> {
    let lang = recipient
        .language
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::En);
    let poc_name = poc
        .active
        .as_deref()
        .and_then(|j| serde_json::from_str::<PocDetails>(j).ok())
        .map(|d| d.name)
        .unwrap_or_default();
    let state_name = state
        .map(|p| p.names.in_language(lang.code()).to_string())
        .unwrap_or_else(|| poc.participant.clone());
    let facts = NoticeFacts {
        poc_id: poc.id,
        poc_name: &poc_name,
        role: poc.role,
        state_name: &state_name,
        confirmed,
        due,
        base_url,
    };
    let (subject, body) = compose(notice, lang, &facts);
    // One notice per PoC, due date, stage and account: a new confirmation
    // moves the due date and so starts a new series.
    let dedupe_key = format!(
        "revalidation:{stage}:poc:{}:due:{}:account:{}",
        poc.id,
        due.unix_timestamp(),
        recipient.account_id
    );
    let log = events::mail_queued(
        now,
        job_actor(),
        Some(&poc.participant),
        &dedupe_key,
        &recipient.email,
        &subject,
    )?;
    let queued = store
        .enqueue_mail(
            NewMail {
                dedupe_key,
                recipient: recipient.email.clone(),
                language: lang.code().to_string(),
                subject,
                body,
                participant: Some(poc.participant.clone()),
                created_at: now,
            },
            log,
        )
        .await?;
    Ok(queued.is_some())
}

impl From<RevalidationReport> for JobReport {
    fn from(r: RevalidationReport) -> Self {
        JobReport::default()
            .with("reminders", r.reminders)
            .with("overdue_notices", r.overdue_notices)
    }
}

/// The re-validation check as a periodic job.
#[derive(Debug, Clone)]
pub struct RevalidationCheck {
    pub policy: RevalidationPolicy,
    /// The server's public address, for the links in the notices.
    pub base_url: String,
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for RevalidationCheck {
    fn name(&self) -> &'static str {
        REVALIDATION_LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let now = ctx.clock.now();
        let report =
            queue_due_notices(ctx.store.as_ref(), now, &self.policy, &self.base_url).await?;
        Ok(report.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_has_its_texts_in_every_language() {
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            for notice in Notice::ALL {
                for id in [notice.subject_message(), notice.body_message()] {
                    assert!(tr.has_own(id), "{} has no message {id}", lang.code());
                }
            }
            assert!(tr.has_own("revalidation-mail-signature"));
        }
    }
}
