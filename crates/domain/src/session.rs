//! How long a browser session lives.

use serde::Deserialize;
use time::{Duration, OffsetDateTime};

/// Session lifetimes. Pending sessions (password checked, second factor not
/// yet) are short so a stolen password alone opens nothing for long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct SessionPolicy {
    pub idle_minutes: i64,
    pub absolute_hours: i64,
    pub pending_mfa_minutes: i64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle_minutes: 60,
            absolute_hours: 12,
            pending_mfa_minutes: 10,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    Live,
    IdleExpired,
    AbsoluteExpired,
}

impl SessionPolicy {
    pub fn absolute_expiry(&self, created: OffsetDateTime, mfa_done: bool) -> OffsetDateTime {
        if mfa_done {
            created + Duration::hours(self.absolute_hours)
        } else {
            created + Duration::minutes(self.pending_mfa_minutes)
        }
    }

    pub fn state(
        &self,
        expires_at: OffsetDateTime,
        last_seen: OffsetDateTime,
        now: OffsetDateTime,
    ) -> SessionState {
        if now >= expires_at {
            SessionState::AbsoluteExpired
        } else if now >= last_seen + Duration::minutes(self.idle_minutes) {
            SessionState::IdleExpired
        } else {
            SessionState::Live
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn sessions_expire_when_idle_or_old() {
        let p = SessionPolicy::default();
        let t0 = datetime!(2026-05-01 08:00 UTC);
        let exp = p.absolute_expiry(t0, true);
        assert_eq!(exp, t0 + Duration::hours(12));
        assert_eq!(
            p.state(exp, t0, t0 + Duration::minutes(59)),
            SessionState::Live
        );
        assert_eq!(
            p.state(exp, t0, t0 + Duration::minutes(60)),
            SessionState::IdleExpired
        );
        let seen = t0 + Duration::hours(11) + Duration::minutes(30);
        assert_eq!(
            p.state(exp, seen, t0 + Duration::hours(12)),
            SessionState::AbsoluteExpired
        );
        assert_eq!(p.absolute_expiry(t0, false), t0 + Duration::minutes(10));
    }
}
