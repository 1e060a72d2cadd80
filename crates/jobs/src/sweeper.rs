//! The sweeper: removes expired sessions, old sign-in failures and the
//! statuses of TAXII requests past the day they are kept.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_domain::clock::Clock;
use pocdir_store::{Store, StoreResult};
use std::time::Duration as StdDuration;
use time::{Duration, OffsetDateTime};

/// Sign-in failures are kept this long (well past any throttling window) for investigation.
pub const KEEP_LOGIN_FAILURES: Duration = Duration::days(7);

pub const SWEEPER_LEASE: &str = "sweeper";

/// What one sweep removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SweepReport {
    pub ran: bool,
    pub sessions_removed: u64,
    pub login_failures_removed: u64,
    pub taxii_statuses_removed: u64,
}

impl From<SweepReport> for JobReport {
    fn from(r: SweepReport) -> Self {
        JobReport::default()
            .with("sessions_removed", r.sessions_removed)
            .with("login_failures_removed", r.login_failures_removed)
            .with("taxii_statuses_removed", r.taxii_statuses_removed)
    }
}

/// Runs one sweep if this instance (`holder`) gets the lease for `period`.
pub async fn sweep_once(
    store: &dyn Store,
    clock: &dyn Clock,
    holder: &str,
    period: Duration,
) -> StoreResult<SweepReport> {
    let now = clock.now();
    if !store
        .try_claim_lease(SWEEPER_LEASE, holder, now, now + period)
        .await?
    {
        return Ok(SweepReport::default());
    }
    sweep(store, now).await
}

async fn sweep(store: &dyn Store, now: OffsetDateTime) -> StoreResult<SweepReport> {
    let sessions_removed = store.delete_expired_sessions(now).await?;
    let login_failures_removed = store
        .delete_login_failures_before(now - KEEP_LOGIN_FAILURES)
        .await?;
    let taxii_statuses_removed = store
        .purge_taxii_statuses(now - pocdir_communications::taxii::STATUS_KEPT)
        .await?;
    Ok(SweepReport {
        ran: true,
        sessions_removed,
        login_failures_removed,
        taxii_statuses_removed,
    })
}

/// The sweep as a periodic job.
#[derive(Debug, Clone)]
pub struct Sweeper {
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for Sweeper {
    fn name(&self) -> &'static str {
        SWEEPER_LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        Ok(sweep(ctx.store.as_ref(), ctx.clock.now()).await?.into())
    }
}
