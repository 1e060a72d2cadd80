//! Reports' rounds: every period, the States that have not settled are
//! reminded once that a report's embargo ends within the reminder lead, and
//! the States none of whose technical PoCs acknowledged a report by its
//! deadline have their diplomatic PoCs alerted, once. The rules and the
//! mails are the reports service's (`Reports::remind_due`,
//! `Reports::escalate_due`); this job runs them under the runner's lease.
//! The store records each reminder (per end of embargo) and escalation per
//! State, so two instances running at once still send each once.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_communications::reports::{ReportFailure, Reports};
use pocdir_communications::Settings;
use pocdir_domain::clock::Clock;
use pocdir_store::Store;
use std::time::Duration as StdDuration;

pub const REPORT_ROUNDS_LEASE: &str = "report-rounds";
/// States looked at per call; a run calls again while it finds some.
const BATCH: u32 = 200;
/// A bound on calls per run, so a run always ends; the next run goes on.
const MAX_ROUNDS: usize = 50;

/// Runs the reminders and escalations until nothing more is due:
/// (States reminded, States escalated).
pub async fn report_rounds_once(
    store: &dyn Store,
    clock: &dyn Clock,
    settings: &Settings,
) -> Result<(u64, u64), JobError> {
    let service = Reports::new(store, clock, settings);
    let mut reminded: u64 = 0;
    let mut escalated: u64 = 0;
    for _ in 0..MAX_ROUNDS {
        let n = service.remind_due(BATCH).await.map_err(job_error)?;
        reminded = reminded.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        if n == 0 {
            break;
        }
    }
    for _ in 0..MAX_ROUNDS {
        let n = service.escalate_due(BATCH).await.map_err(job_error)?;
        escalated = escalated.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        if n == 0 {
            break;
        }
    }
    Ok((reminded, escalated))
}

fn job_error(e: ReportFailure) -> JobError {
    match e {
        ReportFailure::Store(e) => JobError::Store(e),
        other => JobError::Communications(other.to_string()),
    }
}

/// The reports' rounds as a periodic job (one instance per period).
#[derive(Debug, Clone)]
pub struct ReportRounds {
    pub settings: Settings,
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for ReportRounds {
    fn name(&self) -> &'static str {
        REPORT_ROUNDS_LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let (reminded, escalated) =
            report_rounds_once(ctx.store.as_ref(), ctx.clock.as_ref(), &self.settings).await?;
        Ok(JobReport::default()
            .with("states_reminded", reminded)
            .with("states_escalated", escalated))
    }
}
