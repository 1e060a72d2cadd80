//! Sign-in throttling: failures are counted per account and per client
//! address in a sliding window; past the limit, sign-in is refused until
//! the oldest counted failure leaves the window.

use serde::Deserialize;
use time::{Duration, OffsetDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct ThrottlePolicy {
    pub max_failures_per_account: u32,
    pub max_failures_per_address: u32,
    pub window_minutes: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy {
            max_failures_per_account: 5,
            max_failures_per_address: 30,
            window_minutes: 15,
        }
    }
}

/// What the store knows about recent failures for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FailureCount {
    pub count: u32,
    pub oldest: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleDecision {
    Allow,
    LockedUntil(OffsetDateTime),
}

impl ThrottleDecision {
    /// Whole minutes to wait, rounded up, at least one.
    pub fn minutes_left(&self, now: OffsetDateTime) -> i64 {
        match self {
            ThrottleDecision::Allow => 0,
            ThrottleDecision::LockedUntil(until) => {
                let secs = (*until - now).whole_seconds().max(1);
                (secs + 59) / 60
            }
        }
    }
}

impl ThrottlePolicy {
    pub fn window(&self) -> Duration {
        Duration::minutes(self.window_minutes)
    }

    /// The start of the window that counts at `now`.
    pub fn window_start(&self, now: OffsetDateTime) -> OffsetDateTime {
        now - self.window()
    }

    fn decide_one(&self, failures: FailureCount, max: u32) -> ThrottleDecision {
        match failures.oldest {
            Some(oldest) if failures.count >= max => {
                ThrottleDecision::LockedUntil(oldest + self.window())
            }
            _ => ThrottleDecision::Allow,
        }
    }

    /// Decides from the failures of the account and of the address; the later lock wins.
    pub fn decide(&self, account: FailureCount, address: FailureCount) -> ThrottleDecision {
        let a = self.decide_one(account, self.max_failures_per_account);
        let b = self.decide_one(address, self.max_failures_per_address);
        match (a, b) {
            (ThrottleDecision::LockedUntil(x), ThrottleDecision::LockedUntil(y)) => {
                ThrottleDecision::LockedUntil(x.max(y))
            }
            (locked @ ThrottleDecision::LockedUntil(_), _)
            | (_, locked @ ThrottleDecision::LockedUntil(_)) => locked,
            _ => ThrottleDecision::Allow,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn locks_after_the_limit_until_the_oldest_failure_ages_out() {
        let p = ThrottlePolicy::default();
        let t0 = datetime!(2026-05-01 08:00 UTC);
        let four = FailureCount {
            count: 4,
            oldest: Some(t0),
        };
        assert_eq!(
            p.decide(four, FailureCount::default()),
            ThrottleDecision::Allow
        );
        let five = FailureCount {
            count: 5,
            oldest: Some(t0),
        };
        let d = p.decide(five, FailureCount::default());
        assert_eq!(d, ThrottleDecision::LockedUntil(t0 + Duration::minutes(15)));
        assert_eq!(d.minutes_left(t0 + Duration::minutes(1)), 14);
        assert_eq!(d.minutes_left(t0 + Duration::seconds(14 * 60 + 59)), 1);
    }

    #[test]
    fn the_address_limit_applies_across_accounts() {
        let p = ThrottlePolicy::default();
        let t0 = datetime!(2026-05-01 08:00 UTC);
        let addr = FailureCount {
            count: 30,
            oldest: Some(t0),
        };
        assert!(matches!(
            p.decide(FailureCount::default(), addr),
            ThrottleDecision::LockedUntil(_)
        ));
        let acct = FailureCount {
            count: 5,
            oldest: Some(t0 + Duration::minutes(3)),
        };
        assert_eq!(
            p.decide(acct, addr),
            ThrottleDecision::LockedUntil(t0 + Duration::minutes(18))
        );
    }
}
