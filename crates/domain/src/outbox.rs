//! When to try a mail again after a failure: exponential backoff, capped,
//! and a limit after which the mail is marked failed for an operator to see.

use time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Delay after the first failure; doubled after each further one.
    pub first_delay: Duration,
    pub max_delay: Duration,
    /// Failed attempts after which the mail is given up.
    pub max_attempts: i64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        // 1 min, 2, 4 … capped at 6 h: about three days of tries in all,
        // enough to ride out a relay's maintenance window.
        RetryPolicy {
            first_delay: Duration::minutes(1),
            max_delay: Duration::hours(6),
            max_attempts: 20,
        }
    }
}

impl RetryPolicy {
    /// The wait after `attempts` failed attempts (1 for the first failure),
    /// or None when the mail should be given up.
    pub fn delay_after(&self, attempts: i64) -> Option<Duration> {
        if attempts >= self.max_attempts {
            return None;
        }
        let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        let delay = self
            .first_delay
            .checked_mul(2_i32.saturating_pow(doublings))
            .unwrap_or(self.max_delay);
        Some(delay.min(self.max_delay))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_then_caps_then_gives_up() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay_after(1), Some(Duration::minutes(1)));
        assert_eq!(p.delay_after(2), Some(Duration::minutes(2)));
        assert_eq!(p.delay_after(3), Some(Duration::minutes(4)));
        assert_eq!(p.delay_after(10), Some(Duration::hours(6)));
        assert_eq!(p.delay_after(19), Some(Duration::hours(6)));
        assert_eq!(p.delay_after(20), None);
        assert_eq!(p.delay_after(0), Some(Duration::minutes(1)));
    }
}
