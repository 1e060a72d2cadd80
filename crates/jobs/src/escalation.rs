//! Escalation: every period, the States whose technical PoCs have not
//! acknowledged a communication by its deadline have their diplomatic PoCs
//! alerted, in the portal (the escalation is recorded on the
//! communication) and by mail (queued in the same transaction). The rules
//! and the mail are the communications service's
//! (`Communications::escalate_due`); this job only runs it, under the
//! runner's lease. The store records one escalation per communication and
//! State, so even two instances running it at once alert once.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_communications::{CommError, Communications, Settings};
use pocdir_domain::clock::Clock;
use pocdir_store::Store;
use std::time::Duration as StdDuration;

pub const ESCALATION_LEASE: &str = "communication-escalation";
/// Candidates looked at per call; a run calls again while it escalates.
pub const BATCH: u32 = 200;
/// A bound on calls per run, so a run always ends; the next run goes on.
const MAX_ROUNDS: usize = 50;

/// Runs the escalation until nothing more is due; how many States were escalated.
pub async fn escalate_once(
    store: &dyn Store,
    clock: &dyn Clock,
    settings: &Settings,
) -> Result<u64, JobError> {
    let service = Communications::new(store, clock, settings);
    let mut total: u64 = 0;
    for _ in 0..MAX_ROUNDS {
        let n = service.escalate_due(BATCH).await.map_err(job_error)?;
        total = total.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        if n == 0 {
            break;
        }
    }
    Ok(total)
}

fn job_error(e: CommError) -> JobError {
    match e {
        CommError::Store(e) => JobError::Store(e),
        other => JobError::Communications(other.to_string()),
    }
}

/// The escalation as a periodic job (one instance per period).
#[derive(Debug, Clone)]
pub struct EscalationCheck {
    pub settings: Settings,
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for EscalationCheck {
    fn name(&self) -> &'static str {
        ESCALATION_LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let n = escalate_once(ctx.store.as_ref(), ctx.clock.as_ref(), &self.settings).await?;
        Ok(JobReport::default().with("states_escalated", n))
    }
}
