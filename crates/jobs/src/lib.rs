//! Background work. Each periodic job takes a lease in the database before
//! running, so that with several instances on one PostgreSQL only one runs
//! it per period, and a crashed holder's lease simply expires.

pub mod mail;
pub mod revalidation;

use pocdir_domain::clock::Clock;
use pocdir_store::{Store, StoreResult};
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::Duration;
use tokio::sync::watch;

/// Sign-in failures are kept this long (well past any throttling window) for investigation.
pub const KEEP_LOGIN_FAILURES: Duration = Duration::days(7);

pub const SWEEPER_LEASE: &str = "sweeper";

/// What one sweep removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SweepReport {
    pub ran: bool,
    pub sessions_removed: u64,
    pub login_failures_removed: u64,
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
    let sessions_removed = store.delete_expired_sessions(now).await?;
    let login_failures_removed = store
        .delete_login_failures_before(now - KEEP_LOGIN_FAILURES)
        .await?;
    Ok(SweepReport {
        ran: true,
        sessions_removed,
        login_failures_removed,
    })
}

/// Sweeps every `period` until `shutdown` turns true.
pub async fn run_sweeper(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    holder: String,
    period: StdDuration,
    mut shutdown: watch::Receiver<bool>,
) {
    let lease = Duration::try_from(period).unwrap_or(Duration::minutes(5));
    loop {
        match sweep_once(store.as_ref(), clock.as_ref(), &holder, lease).await {
            Ok(r) if r.ran => tracing::debug!(
                sessions = r.sessions_removed,
                login_failures = r.login_failures_removed,
                "sweep done"
            ),
            Ok(_) => tracing::debug!("sweep skipped: another instance holds the lease"),
            Err(e) => tracing::warn!(error = %e, "sweep failed; will retry next period"),
        }
        tokio::select! {
            _ = tokio::time::sleep(period) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
}

pub const LOG_SIGNER_LEASE: &str = "log-signer";

/// Signs a tree head for the log's current size every `period` (one
/// instance at a time), so that the log is covered by signed heads even
/// when nobody asks for one.
pub async fn run_log_signer(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    log: Arc<pocdir_log::LogService>,
    holder: String,
    period: StdDuration,
    mut shutdown: watch::Receiver<bool>,
) {
    let lease = Duration::try_from(period).unwrap_or(Duration::minutes(1));
    loop {
        let now = clock.now();
        match store
            .try_claim_lease(LOG_SIGNER_LEASE, &holder, now, now + lease)
            .await
        {
            Ok(true) => match log.latest_head().await {
                Ok(head) => tracing::debug!(size = head.tree_size, "tree head signed"),
                Err(e) => tracing::warn!(error = %e, "cannot sign a tree head; will retry"),
            },
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "cannot claim the log-signer lease"),
        }
        tokio::select! {
            _ = tokio::time::sleep(period) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
}
