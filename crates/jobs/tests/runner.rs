//! The job runner on a real (SQLite) store with a manual clock: the lease
//! decides who runs, a run is followed by the next one a period later, and
//! shutdown stops the loop.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use async_trait::async_trait;
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_jobs::runner::{run_periodically, run_turn, Outcome};
use pocdir_jobs::{JobContext, JobError, JobReport, PeriodicJob, Sharing};
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::Store;
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use tokio::sync::{mpsc, watch};

const T0: OffsetDateTime = datetime!(2030-01-01 09:00 UTC);
const LEASE: &str = "test-job";

/// Counts its runs on a channel.
#[derive(Debug)]
struct Counting {
    period: StdDuration,
    sharing: Sharing,
    runs: mpsc::UnboundedSender<()>,
}

#[async_trait]
impl PeriodicJob for Counting {
    fn name(&self) -> &'static str {
        LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    fn sharing(&self) -> Sharing {
        self.sharing
    }

    async fn run(&self, _ctx: &JobContext) -> Result<JobReport, JobError> {
        let _ = self.runs.send(());
        Ok(JobReport::default().with("things", 1))
    }
}

async fn setup() -> (tempfile::TempDir, JobContext, ManualClock) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap(),
    );
    let clock = ManualClock::new(T0);
    let ctx = JobContext {
        store,
        clock: Arc::new(clock.clone()),
        stopping: pocdir_jobs::Stopping::never(),
    };
    (dir, ctx, clock)
}

fn job(period: StdDuration, sharing: Sharing) -> (Arc<Counting>, mpsc::UnboundedReceiver<()>) {
    let (runs, rx) = mpsc::unbounded_channel();
    (
        Arc::new(Counting {
            period,
            sharing,
            runs,
        }),
        rx,
    )
}

#[tokio::test]
async fn a_job_whose_lease_another_instance_holds_is_not_run() {
    let (_dir, ctx, clock) = setup().await;
    let (job, mut runs) = job(StdDuration::from_secs(60), Sharing::OneInstance);
    assert!(ctx
        .store
        .try_claim_lease(LEASE, "other", T0, T0 + Duration::minutes(10))
        .await
        .unwrap());

    let outcome = run_turn(job.as_ref(), &ctx, "me").await;
    assert!(matches!(outcome, Outcome::Skipped), "{outcome:?}");
    assert!(runs.try_recv().is_err(), "the job ran without the lease");

    // Once the other holder's lease has expired, this instance runs it and
    // holds the lease for one period.
    clock.advance(Duration::minutes(10));
    let outcome = run_turn(job.as_ref(), &ctx, "me").await;
    match outcome {
        Outcome::Ran(report) => assert_eq!(report.counts(), &[("things", 1)]),
        other => panic!("expected a run, got {other:?}"),
    }
    assert!(runs.try_recv().is_ok());
    let now = clock.now();
    assert!(!ctx
        .store
        .try_claim_lease(LEASE, "other", now, now + Duration::minutes(1))
        .await
        .unwrap());
    clock.advance(Duration::minutes(1));
    let now = clock.now();
    assert!(ctx
        .store
        .try_claim_lease(LEASE, "other", now, now + Duration::minutes(1))
        .await
        .unwrap());
}

#[tokio::test]
async fn a_job_every_instance_runs_takes_no_lease() {
    let (_dir, ctx, _clock) = setup().await;
    let (job, mut runs) = job(StdDuration::from_secs(60), Sharing::EveryInstance);
    assert!(ctx
        .store
        .try_claim_lease(LEASE, "other", T0, T0 + Duration::minutes(10))
        .await
        .unwrap());
    let outcome = run_turn(job.as_ref(), &ctx, "me").await;
    assert!(matches!(outcome, Outcome::Ran(_)), "{outcome:?}");
    assert!(runs.try_recv().is_ok());
}

#[tokio::test]
async fn a_job_runs_again_each_period_until_shutdown() {
    let (_dir, ctx, _clock) = setup().await;
    let (job, mut runs) = job(StdDuration::from_millis(20), Sharing::OneInstance);
    let (stop, shutdown) = watch::channel(false);
    let running = tokio::spawn(run_periodically(job, ctx, "me".to_string(), shutdown));

    for turn in 1..=3 {
        tokio::time::timeout(StdDuration::from_secs(10), runs.recv())
            .await
            .unwrap_or_else(|_| panic!("run {turn} did not come"))
            .unwrap();
    }

    stop.send(true).unwrap();
    tokio::time::timeout(StdDuration::from_secs(10), running)
        .await
        .expect("the runner stops on shutdown")
        .unwrap();
    while runs.try_recv().is_ok() {}
    tokio::time::sleep(StdDuration::from_millis(100)).await;
    assert!(runs.try_recv().is_err(), "a run after shutdown");
}

#[tokio::test]
async fn shutdown_does_not_wait_for_the_period() {
    let (_dir, ctx, _clock) = setup().await;
    let (job, mut runs) = job(StdDuration::from_secs(3600), Sharing::OneInstance);
    let (stop, shutdown) = watch::channel(false);
    let running = tokio::spawn(run_periodically(job, ctx, "me".to_string(), shutdown));
    runs.recv().await.unwrap();
    stop.send(true).unwrap();
    tokio::time::timeout(StdDuration::from_secs(10), running)
        .await
        .expect("the runner stops at once, not after an hour")
        .unwrap();
}

#[tokio::test]
async fn the_runner_stops_when_the_shutdown_sender_is_gone() {
    let (_dir, ctx, _clock) = setup().await;
    let (job, mut runs) = job(StdDuration::from_secs(3600), Sharing::OneInstance);
    let (stop, shutdown) = watch::channel(false);
    let running = tokio::spawn(run_periodically(job, ctx, "me".to_string(), shutdown));
    runs.recv().await.unwrap();
    drop(stop);
    tokio::time::timeout(StdDuration::from_secs(10), running)
        .await
        .expect("the runner stops")
        .unwrap();
}

/// Works item after item until it is told the server stops.
#[derive(Debug)]
struct Endless {
    started: mpsc::UnboundedSender<()>,
}

#[async_trait]
impl PeriodicJob for Endless {
    fn name(&self) -> &'static str {
        "endless"
    }

    fn period(&self) -> StdDuration {
        StdDuration::from_secs(3600)
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let _ = self.started.send(());
        let mut items = 0;
        while !ctx.stopping.is_stopping() {
            tokio::time::sleep(StdDuration::from_millis(5)).await;
            items += 1;
        }
        Ok(JobReport::default().with("items", items))
    }
}

#[tokio::test]
async fn a_long_run_sees_the_shutdown_between_items() {
    let (_dir, ctx, _clock) = setup().await;
    let (started, mut runs) = mpsc::unbounded_channel();
    let (stop, shutdown) = watch::channel(false);
    let job: Arc<dyn PeriodicJob> = Arc::new(Endless { started });
    let running = tokio::spawn(run_periodically(job, ctx, "me".to_string(), shutdown));
    runs.recv().await.unwrap();
    stop.send(true).unwrap();
    tokio::time::timeout(StdDuration::from_secs(10), running)
        .await
        .expect("the run ends at its next item, and the runner with it")
        .unwrap();
}
