//! Ping tests: every period, scheduled campaigns whose time has come are
//! started (their challenges mailed), due reminders are queued, campaigns
//! whose window ended have their States' nominators told of the PoCs that
//! did not answer, and the schedule creates the next campaign. The rules
//! and the mail are the ping test service's; this job only runs it, under
//! the runner's lease. Each step is a compare-and-set in the store (a
//! campaign starts once, a reminder number is sent once per challenge, a
//! campaign escalates once) and every mail has its dedupe key, so even
//! two instances running it at once send each mail once.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_domain::clock::Clock;
use pocdir_ping_tests::{PingError, PingTests, Settings};
use pocdir_store::Store;
use std::time::Duration as StdDuration;

pub const PING_TESTS_LEASE: &str = "ping-tests";

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PingRound {
    pub scheduled: u64,
    pub started: u64,
    pub reminders: u64,
    pub escalated: u64,
}

/// One round: schedule, start, remind, escalate.
pub async fn ping_round(
    store: &dyn Store,
    clock: &dyn Clock,
    settings: &Settings,
) -> Result<PingRound, JobError> {
    let service = PingTests::new(store, clock, settings);
    let scheduled = service.schedule_next().await.map_err(job_error)?;
    let started = service.start_due().await.map_err(job_error)?;
    let reminders = service.remind_due().await.map_err(job_error)?;
    let escalated = service.escalate_due().await.map_err(job_error)?;
    Ok(PingRound {
        scheduled: u64::from(scheduled.is_some()),
        started: u64::from(started),
        reminders,
        escalated: u64::from(escalated),
    })
}

fn job_error(e: PingError) -> JobError {
    match e {
        PingError::Store(e) => JobError::Store(e),
        other => JobError::PingTests(other.to_string()),
    }
}

/// The rounds as a periodic job (one instance per period).
#[derive(Debug, Clone)]
pub struct PingTestRounds {
    pub settings: Settings,
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for PingTestRounds {
    fn name(&self) -> &'static str {
        PING_TESTS_LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let r = ping_round(ctx.store.as_ref(), ctx.clock.as_ref(), &self.settings).await?;
        Ok(JobReport::default()
            .with("campaigns_scheduled", r.scheduled)
            .with("campaigns_started", r.started)
            .with("reminders_queued", r.reminders)
            .with("campaigns_escalated", r.escalated))
    }
}
