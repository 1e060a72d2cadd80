//! One runner for every periodic job: each period it claims the job's lease
//! (when only one instance may run it), runs it, records what it did, and
//! waits for the next period or for shutdown.

use async_trait::async_trait;
use pocdir_domain::clock::Clock;
use pocdir_log::LogError;
use pocdir_store::{Store, StoreError};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};
use time::Duration;
use tokio::sync::watch;

/// What every job may use, shared by all of them.
#[derive(Debug, Clone)]
pub struct JobContext {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    /// Whether the server is stopping; [`run_periodically`] sets it.
    pub stopping: Stopping,
}

impl JobContext {
    /// A context that is never told to stop (tests, one-off runs).
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        JobContext {
            store,
            clock,
            stopping: Stopping::never(),
        }
    }
}

/// Whether the server was asked to stop. A job that works through many
/// items asks between two of them and, when it is, returns what it did so
/// far: the rest waits for the next run (here or on another instance), so
/// that a large queue does not hold the process past its stop.
#[derive(Debug, Clone, Default)]
pub struct Stopping(Option<watch::Receiver<bool>>);

impl Stopping {
    pub fn never() -> Self {
        Stopping(None)
    }

    /// Stopping once `shutdown` turns true or its sender is gone.
    pub fn on(shutdown: watch::Receiver<bool>) -> Self {
        Stopping(Some(shutdown))
    }

    pub fn is_stopping(&self) -> bool {
        match &self.0 {
            None => false,
            Some(rx) => *rx.borrow() || rx.has_changed().is_err(),
        }
    }
}

/// How the instances sharing one database divide a job between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// One instance per period: the runner takes the lease named after the
    /// job for one period, and an instance that does not get it skips the run.
    OneInstance,
    /// Every instance runs it: the job claims its own work item by item.
    EveryInstance,
}

/// Background work done every period.
#[async_trait]
pub trait PeriodicJob: Send + Sync + fmt::Debug {
    /// The job's name: the name of its lease, and its label in logs and metrics.
    fn name(&self) -> &'static str;
    /// How long between two runs (and how long the lease is held).
    fn period(&self) -> StdDuration;
    fn sharing(&self) -> Sharing {
        Sharing::OneInstance
    }
    /// Does one round of the work.
    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError>;
}

/// How much a run did, as named counts (e.g. `sessions_removed = 3`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobReport {
    counts: Vec<(&'static str, u64)>,
}

impl JobReport {
    pub fn with(mut self, what: &'static str, count: u64) -> Self {
        self.counts.push((what, count));
        self
    }

    pub fn counts(&self) -> &[(&'static str, u64)] {
        &self.counts
    }

    /// True when the run found nothing to do.
    pub fn is_idle(&self) -> bool {
        self.counts.iter().all(|(_, n)| *n == 0)
    }
}

impl fmt::Display for JobReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (what, count)) in self.counts.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{what}={count}")?;
        }
        Ok(())
    }
}

/// Why a run failed; the runner retries next period.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Log(#[from] LogError),
    /// The communications service refused or failed (not a store error).
    #[error("communications: {0}")]
    Communications(String),
    /// The ping test service refused or failed (not a store error).
    #[error("ping tests: {0}")]
    PingTests(String),
    /// The periodic backup could not be written.
    #[error("backup: {0}")]
    Backup(String),
    /// A crisis pack could not be made.
    #[error("crisis packs: {0}")]
    CrisisPacks(String),
}

/// What became of one period's turn.
#[derive(Debug)]
pub enum Outcome {
    Ran(JobReport),
    /// Another instance holds the lease.
    Skipped,
    Failed(JobError),
}

impl Outcome {
    fn label(&self) -> &'static str {
        match self {
            Outcome::Ran(_) => "ran",
            Outcome::Skipped => "skipped",
            Outcome::Failed(_) => "failed",
        }
    }
}

/// The lease a job of `period` takes, from `now`.
fn lease_until(now: time::OffsetDateTime, period: StdDuration) -> time::OffsetDateTime {
    // Only an absurd period (centuries) fails these; a day is then as good as any.
    Duration::try_from(period)
        .ok()
        .and_then(|lease| now.checked_add(lease))
        .unwrap_or(now + Duration::days(1))
}

/// One turn of `job` for this instance (`holder`): claim, run, record.
pub async fn run_turn(job: &dyn PeriodicJob, ctx: &JobContext, holder: &str) -> Outcome {
    let started = Instant::now();
    let outcome = match claim(job, ctx, holder).await {
        Ok(true) => match job.run(ctx).await {
            Ok(report) => Outcome::Ran(report),
            Err(e) => Outcome::Failed(e),
        },
        Ok(false) => Outcome::Skipped,
        Err(e) => Outcome::Failed(e),
    };
    record(job.name(), &outcome, started.elapsed());
    outcome
}

async fn claim(job: &dyn PeriodicJob, ctx: &JobContext, holder: &str) -> Result<bool, JobError> {
    match job.sharing() {
        Sharing::EveryInstance => Ok(true),
        Sharing::OneInstance => {
            let now = ctx.clock.now();
            let until = lease_until(now, job.period());
            Ok(ctx
                .store
                .try_claim_lease(job.name(), holder, now, until)
                .await?)
        }
    }
}

fn record(job: &'static str, outcome: &Outcome, took: StdDuration) {
    metrics::counter!("pocdir_job_runs_total", "job" => job, "outcome" => outcome.label())
        .increment(1);
    match outcome {
        Outcome::Ran(report) => {
            metrics::histogram!("pocdir_job_run_duration_seconds", "job" => job)
                .record(took.as_secs_f64());
            for (what, count) in report.counts() {
                metrics::counter!("pocdir_job_items_total", "job" => job, "item" => *what)
                    .increment(*count);
            }
            if report.is_idle() {
                tracing::debug!(job, "job done: nothing to do");
            } else {
                tracing::info!(job, done = %report, "job done");
            }
        }
        Outcome::Skipped => {
            tracing::debug!(job, "job skipped: another instance holds the lease")
        }
        Outcome::Failed(e) => {
            tracing::warn!(job, error = %e, "job failed; will retry next period")
        }
    }
}

/// Runs `job` every period until `shutdown` turns true (or its sender is gone).
pub async fn run_periodically(
    job: Arc<dyn PeriodicJob>,
    ctx: JobContext,
    holder: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let ctx = JobContext {
        stopping: Stopping::on(shutdown.clone()),
        ..ctx
    };
    loop {
        run_turn(job.as_ref(), &ctx, &holder).await;
        let stopped = tokio::select! {
            _ = tokio::time::sleep(job.period()) => false,
            changed = shutdown.changed() => changed.is_err(),
        };
        if stopped || *shutdown.borrow() {
            break;
        }
    }
}

/// Runs every job of `jobs` side by side until `shutdown` turns true.
pub async fn run_jobs(
    jobs: Vec<Arc<dyn PeriodicJob>>,
    ctx: JobContext,
    holder: String,
    shutdown: watch::Receiver<bool>,
) {
    let mut running = tokio::task::JoinSet::new();
    for job in jobs {
        running.spawn(run_periodically(
            job,
            ctx.clone(),
            holder.clone(),
            shutdown.clone(),
        ));
    }
    while let Some(done) = running.join_next().await {
        if let Err(e) = done {
            tracing::error!(error = %e, "a job runner stopped abnormally");
        }
    }
}
