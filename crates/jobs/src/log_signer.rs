//! The log signer: signs a tree head for the log's current size every
//! period, so that the log is covered by signed heads even when nobody
//! asks for one.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_log::LogService;
use std::sync::Arc;
use std::time::Duration as StdDuration;

pub const LOG_SIGNER_LEASE: &str = "log-signer";

#[derive(Debug, Clone)]
pub struct LogSigner {
    pub log: Arc<LogService>,
    pub period: StdDuration,
}

#[async_trait]
impl PeriodicJob for LogSigner {
    fn name(&self) -> &'static str {
        LOG_SIGNER_LEASE
    }

    fn period(&self) -> StdDuration {
        self.period
    }

    async fn run(&self, _ctx: &JobContext) -> Result<JobReport, JobError> {
        let head = self.log.latest_head().await?;
        tracing::debug!(size = head.tree_size, "tree head signed");
        Ok(JobReport::default())
    }
}
