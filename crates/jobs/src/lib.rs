//! Background work. Every job is a [`PeriodicJob`] run by one runner
//! ([`run_jobs`]): a job that only one instance may run takes a lease in the
//! database before each run, so that with several instances on one
//! PostgreSQL only one runs it per period, and a crashed holder's lease
//! simply expires. [`registry`] is the one list of the jobs a server runs.

pub mod backup;
pub mod crisis_packs;
pub mod escalation;
pub mod exercises;
pub mod log_signer;
pub mod mail;
pub mod ping_tests;
pub mod reports;
pub mod revalidation;
pub mod runner;
pub mod sweeper;

pub use log_signer::LOG_SIGNER_LEASE;
pub use runner::{run_jobs, JobContext, JobError, JobReport, PeriodicJob, Sharing, Stopping};
pub use sweeper::{sweep_once, SweepReport, KEEP_LOGIN_FAILURES, SWEEPER_LEASE};

use pocdir_domain::communication::delivery::AckDeadlines;
use pocdir_domain::directory::revalidation::RevalidationPolicy;
use pocdir_domain::outbox::RetryPolicy;
use pocdir_log::LogService;
use std::sync::Arc;
use std::time::Duration;

/// What the jobs need beyond the store and the clock.
#[derive(Debug, Clone)]
pub struct JobSettings {
    pub log: Arc<LogService>,
    pub revalidation: RevalidationPolicy,
    /// The server's public address, for links in mail.
    pub base_url: String,
    /// Where mail goes out; without one, mail stays queued.
    pub mailer: Option<Arc<dyn mail::MailTransport>>,
    pub retry: RetryPolicy,
    pub sweep_every: Duration,
    pub log_sign_every: Duration,
    pub revalidation_every: Duration,
    pub mail_send_every: Duration,
    /// The acknowledgement deadlines (and the portal's address) the
    /// escalation of communications uses.
    pub deadlines: AckDeadlines,
    pub escalation_every: Duration,
    /// Ping tests: the defaults, whether the schedule creates campaigns,
    /// and how often campaigns are started, reminded and escalated.
    pub ping: pocdir_domain::ping_test::campaign::PingSettings,
    pub ping_schedule: bool,
    pub ping_every: Duration,
    /// The periodic backup, when one is configured.
    pub backup: Option<backup::BackupSettings>,
    /// Crisis packs by mail, when they are on.
    pub crisis_packs: Option<crisis_packs::PackMailSettings>,
}

/// Every job a server runs.
pub fn registry(settings: JobSettings) -> Vec<Arc<dyn PeriodicJob>> {
    let mut jobs: Vec<Arc<dyn PeriodicJob>> = vec![
        Arc::new(sweeper::Sweeper {
            period: settings.sweep_every,
        }),
        Arc::new(log_signer::LogSigner {
            log: settings.log,
            period: settings.log_sign_every,
        }),
        Arc::new(escalation::EscalationCheck {
            settings: pocdir_communications::Settings {
                deadlines: settings.deadlines,
                base_url: settings.base_url.clone(),
            },
            period: settings.escalation_every,
        }),
        Arc::new(reports::ReportRounds {
            settings: pocdir_communications::Settings {
                deadlines: settings.deadlines,
                base_url: settings.base_url.clone(),
            },
            period: settings.escalation_every,
        }),
        // Exercises run on the escalation's period: both are about
        // deadlines of minutes.
        Arc::new(exercises::ExerciseRounds {
            settings: pocdir_communications::Settings {
                deadlines: settings.deadlines,
                base_url: settings.base_url.clone(),
            },
            period: settings.escalation_every,
        }),
        Arc::new(ping_tests::PingTestRounds {
            settings: pocdir_ping_tests::Settings {
                ping: settings.ping,
                schedule: settings.ping_schedule,
                base_url: settings.base_url.clone(),
            },
            period: settings.ping_every,
        }),
        Arc::new(revalidation::RevalidationCheck {
            policy: settings.revalidation,
            base_url: settings.base_url,
            period: settings.revalidation_every,
        }),
    ];
    if let Some(backup) = settings.backup {
        jobs.push(Arc::new(backup::PeriodicBackup { settings: backup }));
    }
    if let Some(packs) = settings.crisis_packs {
        jobs.push(Arc::new(crisis_packs::CrisisPackMail { settings: packs }));
    }
    if let Some(transport) = settings.mailer {
        jobs.push(Arc::new(mail::MailSender {
            transport,
            retry: settings.retry,
            period: settings.mail_send_every,
        }));
    }
    jobs
}
