//! The crisis packs by mail: every `every_days` (0: never), each PoC whose
//! entry carries a usable OpenPGP key receives a fresh pack, sealed to that
//! key and signed by the instance's, as an inline OpenPGP message in its
//! language. A PoC without a key downloads its pack with a passphrase from
//! the portal instead: a passphrase cannot be mailed.
//!
//! The pack is made by the download's own path
//! (`pocdir_directory::crisis_pack::issue`), so a mailed pack holds and logs
//! exactly what a downloaded one would: its reads, its issue and the mail
//! are written in one transaction. One mail per account and period (the
//! outbox's dedupe key), so a run repeated after a crash or by another
//! instance queues nothing twice and logs nothing twice.

use crate::revalidation::job_actor;
use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_directory::crisis_pack::{self, Holder, Instance, IssueError};
use pocdir_directory::search::DirectoryIndex;
use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::crisis_pack::{format_utc, PackSigningKey, Recipient};
use pocdir_domain::entropy::Entropy;
use pocdir_domain::log::events;
use pocdir_domain::policy::Scopes;
use pocdir_i18n::{FluentArg, Lang, Translator};
use pocdir_store::{Account, NewMail, Store, StoreError};
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::OffsetDateTime;

pub const CRISIS_PACK_LEASE: &str = "crisis-packs";

/// What the job needs of the instance.
#[derive(Clone)]
pub struct PackMailSettings {
    /// Days between two packs to the same PoC.
    pub every_days: i64,
    pub base_url: String,
    pub signing: Arc<PackSigningKey>,
    pub entropy: Arc<dyn Entropy>,
    pub directory: Arc<DirectoryIndex>,
    /// How often the job looks for PoCs due a pack.
    pub period: StdDuration,
}

impl std::fmt::Debug for PackMailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackMailSettings")
            .field("every_days", &self.every_days)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

/// What one run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PackMailReport {
    /// Packs queued to mail.
    pub queued: u64,
    /// PoCs that had this period's pack already.
    pub already: u64,
    /// PoCs left out for want of a usable key on their entry.
    pub without_key: u64,
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum PackMailError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("account {account}: {source}")]
    Issue { account: i64, source: IssueError },
}

/// The period `now` falls in: packs are mailed once per account in each.
fn period_of(now: OffsetDateTime, every_days: i64) -> i64 {
    now.unix_timestamp()
        .div_euclid(every_days.max(1).saturating_mul(86_400))
}

/// Whether `account` is a PoC the job mails packs to (if it has a key).
fn receives_packs(account: &Account) -> bool {
    !account.disabled
        && matches!(
            account.kind,
            AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc
        )
}

/// The mail's subject and text, above the armored pack.
pub fn compose(
    lang: Lang,
    issued: OffsetDateTime,
    until: OffsetDateTime,
    base_url: &str,
) -> (String, String) {
    let tr = Translator::new(lang);
    let date = FluentArg::Text(format_utc(issued));
    let subject = tr.t_args("crisis-pack-mail-subject", &[("date", date.clone())]);
    let body = tr.t_args(
        "crisis-pack-mail-body",
        &[
            ("date", date),
            ("until", FluentArg::Text(format_utc(until))),
            ("link", FluentArg::Text(format!("{base_url}/crisis-pack"))),
        ],
    );
    (subject, body)
}

/// Queues this period's pack for every PoC with a usable key that has not
/// had it yet.
pub async fn mail_packs_once(
    ctx: &JobContext,
    settings: &PackMailSettings,
) -> Result<PackMailReport, PackMailError> {
    let mut report = PackMailReport::default();
    if settings.every_days <= 0 {
        return Ok(report);
    }
    let store: &dyn Store = ctx.store.as_ref();
    let now = ctx.clock.now();
    let period = period_of(now, settings.every_days);
    let snapshot = settings.directory.snapshot().await?;
    for account in store.accounts().await? {
        if ctx.stopping.is_stopping() {
            break;
        }
        if !receives_packs(&account) {
            continue;
        }
        let dedupe_key = format!("crisis-pack:account:{}:period:{period}", account.id);
        // Making a pack costs its rendering and encryption: none for a PoC
        // that had this period's already (the enqueue would refuse it anyway).
        if store.mail_queued_once(&dedupe_key).await? {
            report.already += 1;
            continue;
        }
        let Some(key) = crisis_pack::holder_key(store, account.id, now).await? else {
            report.without_key += 1;
            continue;
        };
        let lang = account
            .language
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or(Lang::En);
        let who = account.requester(Scopes::ALL);
        let instance = Instance {
            base_url: &settings.base_url,
            signing: &settings.signing,
            entropy: settings.entropy.as_ref(),
        };
        let holder = Holder {
            who: &who,
            email: &account.email,
        };
        let issued =
            crisis_pack::issue(instance, &snapshot, holder, Recipient::Key(&key), lang, now)
                .map_err(|source| PackMailError::Issue {
                    account: account.id,
                    source,
                })?;
        let (subject, text) = compose(
            lang,
            issued.manifest.issued_at,
            issued.manifest.valid_until,
            &settings.base_url,
        );
        let log = events::mail_queued(
            now,
            job_actor(),
            account.participant.as_deref(),
            &dedupe_key,
            &account.email,
            &subject,
        )
        .map_err(StoreError::from)?;
        let mail = NewMail {
            dedupe_key,
            recipient: account.email.clone(),
            language: lang.code().to_string(),
            subject,
            body: format!("{text}\n\n{}", issued.sealed),
            participant: account.participant.clone(),
            created_at: now,
        };
        match store.enqueue_mail_with(mail, issued.entries, log).await? {
            Some(_) => report.queued += 1,
            None => report.already += 1,
        }
    }
    Ok(report)
}

/// The job: looks every `period` for PoCs due a pack.
#[derive(Debug)]
pub struct CrisisPackMail {
    pub settings: PackMailSettings,
}

impl From<PackMailReport> for JobReport {
    fn from(r: PackMailReport) -> Self {
        JobReport::default()
            .with("packs_queued", r.queued)
            .with("packs_already_sent", r.already)
            .with("pocs_without_key", r.without_key)
    }
}

#[async_trait]
impl PeriodicJob for CrisisPackMail {
    fn name(&self) -> &'static str {
        CRISIS_PACK_LEASE
    }

    fn period(&self) -> StdDuration {
        self.settings.period
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let report = mail_packs_once(ctx, &self.settings)
            .await
            .map_err(|e| match e {
                PackMailError::Store(e) => JobError::Store(e),
                other => JobError::CrisisPacks(other.to_string()),
            })?;
        Ok(report.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_period_per_every_days() {
        let day = |d: i64| OffsetDateTime::from_unix_timestamp(d * 86_400 + 3_600).unwrap();
        assert_eq!(period_of(day(0), 14), period_of(day(13), 14));
        assert_ne!(period_of(day(13), 14), period_of(day(14), 14));
        assert_eq!(period_of(day(20), 0), 20, "0 is never used: read as 1 day");
    }

    #[test]
    fn the_mail_has_its_texts_in_every_language() {
        let t = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        for lang in Lang::ALL {
            let (subject, body) = compose(
                lang,
                t,
                t + time::Duration::days(30),
                "https://pocdir.example",
            );
            assert!(
                !subject.is_empty() && !subject.contains("crisis-pack-mail"),
                "{lang:?}"
            );
            assert!(
                body.contains("https://pocdir.example/crisis-pack"),
                "{lang:?}: {body}"
            );
        }
    }
}
