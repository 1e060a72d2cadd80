//! Re-validation: every active PoC is confirmed by its nominator every N
//! days. Reminders go to the State's nominators before the due date; once
//! it has passed, an overdue notice goes to them and to the secretariat.
//! Plain rules on dates here; the job that queues the mails is elsewhere.

use time::{Duration, OffsetDateTime};

/// How often PoCs are re-validated and when reminders go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevalidationPolicy {
    /// Days between confirmations (the N, 180 by default).
    pub every_days: i64,
    /// Days before the due date at which a reminder goes out, e.g. `[30, 7]`:
    /// a first reminder a month ahead, a last one a week ahead.
    pub remind_days_before: Vec<i64>,
}

impl Default for RevalidationPolicy {
    fn default() -> Self {
        RevalidationPolicy {
            every_days: 180,
            remind_days_before: vec![30, 7],
        }
    }
}

/// Where a PoC stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevalidationState {
    /// Not yet within any reminder window.
    NotDue,
    /// Within the window of the reminder sent `days_before` the due date
    /// (the closest window reached: a job that was down sends only the latest).
    ReminderDue { days_before: i64 },
    /// The due date has passed.
    Overdue,
}

/// The due date and the state at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevalidationCheck {
    pub due: OffsetDateTime,
    pub state: RevalidationState,
}

impl RevalidationPolicy {
    /// When a PoC confirmed at `confirmed_at` must be confirmed again.
    pub fn due_date(&self, confirmed_at: OffsetDateTime) -> OffsetDateTime {
        confirmed_at.saturating_add(Duration::days(self.every_days.max(1)))
    }

    /// True once the due date has passed (the due instant itself is still in time).
    pub fn is_overdue(&self, confirmed_at: OffsetDateTime, now: OffsetDateTime) -> bool {
        self.due_date(confirmed_at) < now
    }

    /// What is due for a PoC confirmed at `confirmed_at`, at `now`.
    pub fn check(&self, confirmed_at: OffsetDateTime, now: OffsetDateTime) -> RevalidationCheck {
        let due = self.due_date(confirmed_at);
        let state = if due < now {
            RevalidationState::Overdue
        } else {
            // The smallest window already entered: 7 before 30 when both are.
            self.remind_days_before
                .iter()
                .copied()
                .filter(|&d| d > 0 && now >= due.saturating_sub(Duration::days(d)))
                .min()
                .map_or(RevalidationState::NotDue, |days_before| {
                    RevalidationState::ReminderDue { days_before }
                })
        };
        RevalidationCheck { due, state }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const CONFIRMED: OffsetDateTime = datetime!(2026-01-01 12:00 UTC);

    fn state_at(p: &RevalidationPolicy, now: OffsetDateTime) -> RevalidationState {
        p.check(CONFIRMED, now).state
    }

    #[test]
    fn due_after_every_days() {
        let p = RevalidationPolicy::default();
        assert_eq!(p.due_date(CONFIRMED), CONFIRMED + Duration::days(180));
        assert_eq!(
            p.check(CONFIRMED, CONFIRMED).due,
            CONFIRMED + Duration::days(180)
        );
    }

    #[test]
    fn reminders_start_exactly_at_their_window() {
        let p = RevalidationPolicy::default();
        let due = p.due_date(CONFIRMED);
        let first = due - Duration::days(30);
        assert_eq!(state_at(&p, CONFIRMED), RevalidationState::NotDue);
        assert_eq!(
            state_at(&p, first - Duration::seconds(1)),
            RevalidationState::NotDue
        );
        assert_eq!(
            state_at(&p, first),
            RevalidationState::ReminderDue { days_before: 30 }
        );
        let last = due - Duration::days(7);
        assert_eq!(
            state_at(&p, last - Duration::seconds(1)),
            RevalidationState::ReminderDue { days_before: 30 }
        );
        assert_eq!(
            state_at(&p, last),
            RevalidationState::ReminderDue { days_before: 7 }
        );
    }

    #[test]
    fn overdue_only_after_the_due_instant() {
        let p = RevalidationPolicy::default();
        let due = p.due_date(CONFIRMED);
        assert_eq!(
            state_at(&p, due),
            RevalidationState::ReminderDue { days_before: 7 }
        );
        assert!(!p.is_overdue(CONFIRMED, due));
        assert_eq!(
            state_at(&p, due + Duration::seconds(1)),
            RevalidationState::Overdue
        );
        assert!(p.is_overdue(CONFIRMED, due + Duration::seconds(1)));
    }

    #[test]
    fn no_reminders_and_odd_settings() {
        let p = RevalidationPolicy {
            every_days: 10,
            remind_days_before: vec![],
        };
        assert_eq!(
            state_at(&p, CONFIRMED + Duration::days(10)),
            RevalidationState::NotDue
        );
        // Zero or negative windows are ignored; a zero period still moves forward.
        let p = RevalidationPolicy {
            every_days: 0,
            remind_days_before: vec![0, -3],
        };
        assert_eq!(p.due_date(CONFIRMED), CONFIRMED + Duration::days(1));
        assert_eq!(state_at(&p, CONFIRMED), RevalidationState::NotDue);
    }
}
