//! Tabletop exercises: every period, each running exercise's injects that
//! fell due on its clock are played (to the exercise inbox and by mail)
//! and the expectations past their deadline are marked missed. The rules
//! and the mail are the exercise service's; this job only runs it, under
//! the runner's lease. An inject is played once (its key is unique per
//! exercise, checked in the insert) and every mail has its dedupe key, so
//! two instances running it at once still send each inject once.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_communications::exercises::{ExerciseFailure, Exercises};
use pocdir_communications::Settings;
use pocdir_domain::clock::Clock;
use pocdir_store::Store;
use std::time::Duration as StdDuration;

pub const EXERCISES_LEASE: &str = "exercises";

/// One round: (injects played, expectations missed).
pub async fn exercise_round(
    store: &dyn Store,
    clock: &dyn Clock,
    settings: &Settings,
) -> Result<(u64, u64), JobError> {
    let (played, missed) = Exercises::new(store, clock, settings)
        .tick()
        .await
        .map_err(|e| match e {
            ExerciseFailure::Store(e) => JobError::Store(e),
            other => JobError::Communications(other.to_string()),
        })?;
    Ok((
        u64::try_from(played).unwrap_or(u64::MAX),
        u64::try_from(missed).unwrap_or(u64::MAX),
    ))
}

#[derive(Debug, Clone)]
pub struct ExerciseRounds {
    pub settings: Settings,
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for ExerciseRounds {
    fn name(&self) -> &'static str {
        EXERCISES_LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let (played, missed) =
            exercise_round(ctx.store.as_ref(), ctx.clock.as_ref(), &self.settings).await?;
        Ok(JobReport::default()
            .with("injects_played", played)
            .with("expectations_missed", missed))
    }
}
