//! An exercise being played: its states, the exercise clock (which stops
//! while the facilitator pauses), when each inject is due, and what an
//! expectation's outcome is.

use time::{Duration, OffsetDateTime};

/// Where an exercise is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExerciseStatus {
    /// Prepared: scenario and States chosen, nothing sent.
    Draft,
    Running,
    /// Stopped for a while: no inject is sent, no deadline runs.
    Paused,
    /// Over: players may answer the survey, nothing else.
    Ended,
}

/// What the facilitator asks of an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExerciseStep {
    Start,
    Pause,
    Resume,
    End,
}

impl ExerciseStep {
    pub const ALL: [ExerciseStep; 4] = [
        ExerciseStep::Start,
        ExerciseStep::Pause,
        ExerciseStep::Resume,
        ExerciseStep::End,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseStep::Start => "start",
            ExerciseStep::Pause => "pause",
            ExerciseStep::Resume => "resume",
            ExerciseStep::End => "end",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            ExerciseStep::Start => "exercise-step-start",
            ExerciseStep::Pause => "exercise-step-pause",
            ExerciseStep::Resume => "exercise-step-resume",
            ExerciseStep::End => "exercise-step-end",
        }
    }

    /// The state the exercise must be in for this step.
    pub fn from(self) -> &'static [ExerciseStatus] {
        match self {
            ExerciseStep::Start => &[ExerciseStatus::Draft],
            ExerciseStep::Pause => &[ExerciseStatus::Running],
            ExerciseStep::Resume => &[ExerciseStatus::Paused],
            ExerciseStep::End => &[ExerciseStatus::Running, ExerciseStatus::Paused],
        }
    }

    pub fn to(self) -> ExerciseStatus {
        match self {
            ExerciseStep::Start | ExerciseStep::Resume => ExerciseStatus::Running,
            ExerciseStep::Pause => ExerciseStatus::Paused,
            ExerciseStep::End => ExerciseStatus::Ended,
        }
    }

    /// The refusal's Fluent id when the exercise is in `status`.
    pub fn refusal(self, status: ExerciseStatus) -> Option<&'static str> {
        if self.from().contains(&status) {
            return None;
        }
        Some(match (self, status) {
            (ExerciseStep::Start, _) => "exercise-refused-started",
            (_, ExerciseStatus::Draft) => "exercise-refused-not-started",
            (_, ExerciseStatus::Ended) => "exercise-refused-ended",
            (ExerciseStep::Pause, _) => "exercise-refused-paused",
            _ => "exercise-refused-running",
        })
    }
}

pub const REFUSAL_IDS: [&str; 6] = [
    "exercise-refused-started",
    "exercise-refused-not-started",
    "exercise-refused-ended",
    "exercise-refused-paused",
    "exercise-refused-running",
    "exercise-refused-past",
];

impl ExerciseStatus {
    pub const ALL: [ExerciseStatus; 4] = [
        ExerciseStatus::Draft,
        ExerciseStatus::Running,
        ExerciseStatus::Paused,
        ExerciseStatus::Ended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseStatus::Draft => "draft",
            ExerciseStatus::Running => "running",
            ExerciseStatus::Paused => "paused",
            ExerciseStatus::Ended => "ended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            ExerciseStatus::Draft => "exercise-status-draft",
            ExerciseStatus::Running => "exercise-status-running",
            ExerciseStatus::Paused => "exercise-status-paused",
            ExerciseStatus::Ended => "exercise-status-ended",
        }
    }

    /// The steps the facilitator may take now.
    pub fn steps(self) -> Vec<ExerciseStep> {
        ExerciseStep::ALL
            .into_iter()
            .filter(|s| s.from().contains(&self))
            .collect()
    }
}

/// The exercise clock: wall time since the start less the time spent
/// paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExerciseClock {
    pub started_at: OffsetDateTime,
    /// The pauses that ended.
    pub paused_before: Duration,
    /// The pause going on, if any.
    pub paused_since: Option<OffsetDateTime>,
    /// The end, if it ended: the clock stops there.
    pub ended_at: Option<OffsetDateTime>,
}

impl ExerciseClock {
    /// Exercise time at wall time `now`.
    pub fn elapsed(&self, now: OffsetDateTime) -> Duration {
        let now = match (self.paused_since, self.ended_at) {
            (_, Some(end)) if end < now => end,
            (Some(p), _) if p < now => p,
            _ => now,
        };
        (now - self.started_at - self.paused_before).max(Duration::ZERO)
    }

    /// Whether an inject at `at_minutes` is due at `now` (never while
    /// paused or after the end).
    pub fn due(&self, at_minutes: u32, now: OffsetDateTime) -> bool {
        self.paused_since.is_none()
            && self.ended_at.is_none()
            && self.elapsed(now) >= Duration::minutes(i64::from(at_minutes))
    }

    /// The wall time at which exercise time `at_minutes` falls, if the
    /// clock keeps running from `now`.
    pub fn wall_time_of(&self, at_minutes: u32, now: OffsetDateTime) -> OffsetDateTime {
        now + (Duration::minutes(i64::from(at_minutes)) - self.elapsed(now))
    }
}

/// An expectation's outcome for one State.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Waiting for the players, before the deadline.
    Pending,
    /// Done in time.
    Met,
    /// Done after the deadline.
    Late,
    /// Not done by the deadline (or by the end).
    Missed,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Pending,
        Outcome::Met,
        Outcome::Late,
        Outcome::Missed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Met => "met",
            Outcome::Late => "late",
            Outcome::Missed => "missed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            Outcome::Pending => "exercise-outcome-pending",
            Outcome::Met => "exercise-outcome-met",
            Outcome::Late => "exercise-outcome-late",
            Outcome::Missed => "exercise-outcome-missed",
        }
    }

    /// The outcome of an action done at `done_at` against `deadline`.
    pub fn of_action(done_at: OffsetDateTime, deadline: OffsetDateTime) -> Outcome {
        if done_at <= deadline {
            Outcome::Met
        } else {
            Outcome::Late
        }
    }

    /// The points it earns out of `score`: all when met, half (rounded
    /// down) when late, none otherwise.
    pub fn points(self, score: u32) -> u32 {
        match self {
            Outcome::Met => score,
            Outcome::Late => score / 2,
            Outcome::Pending | Outcome::Missed => 0,
        }
    }

    /// Still open to the players' action (late is still better than
    /// missed, until the exercise ends).
    pub fn open(self) -> bool {
        matches!(self, Outcome::Pending | Outcome::Missed)
    }
}

/// One expectation as the after-action report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub outcome: Outcome,
    pub score: u32,
    /// From the inject's delivery to the action.
    pub response: Option<Duration>,
}

/// A State's (or the whole exercise's) figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: u32,
    pub late: u32,
    pub missed: u32,
    pub pending: u32,
    pub points: u32,
    pub possible: u32,
    /// Response times, in seconds, sorted.
    pub responses: Vec<i64>,
}

impl Tally {
    pub fn of(items: impl IntoIterator<Item = Scored>) -> Tally {
        let mut t = Tally::default();
        for s in items {
            match s.outcome {
                Outcome::Met => t.met += 1,
                Outcome::Late => t.late += 1,
                Outcome::Missed => t.missed += 1,
                Outcome::Pending => t.pending += 1,
            }
            t.points += s.outcome.points(s.score);
            t.possible += s.score;
            if let Some(r) = s.response {
                t.responses.push(r.whole_seconds());
            }
        }
        t.responses.sort_unstable();
        t
    }

    pub fn total(&self) -> u32 {
        self.met + self.late + self.missed + self.pending
    }

    /// The median response time, in seconds.
    pub fn median_seconds(&self) -> Option<i64> {
        let n = self.responses.len();
        let upper = self.responses.get(n / 2).copied()?;
        if n % 2 == 1 {
            return Some(upper);
        }
        let lower = self.responses.get(n / 2 - 1).copied()?;
        Some((lower + upper) / 2)
    }

    /// The slowest response, in seconds.
    pub fn slowest_seconds(&self) -> Option<i64> {
        self.responses.last().copied()
    }

    /// Points as a whole percentage of the possible (None when nothing
    /// was scored).
    pub fn percent(&self) -> Option<u32> {
        (self.possible > 0).then(|| self.points * 100 / self.possible)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(min: i64) -> OffsetDateTime {
        OffsetDateTime::UNIX_EPOCH + Duration::minutes(min)
    }

    #[test]
    fn steps_follow_the_state_machine() {
        use ExerciseStatus::*;
        use ExerciseStep::*;
        assert_eq!(Draft.steps(), [Start]);
        assert_eq!(Running.steps(), [Pause, End]);
        assert_eq!(Paused.steps(), [Resume, End]);
        assert!(Ended.steps().is_empty());
        assert_eq!(Start.refusal(Running), Some("exercise-refused-started"));
        assert_eq!(Start.refusal(Ended), Some("exercise-refused-started"));
        assert_eq!(Pause.refusal(Draft), Some("exercise-refused-not-started"));
        assert_eq!(End.refusal(Ended), Some("exercise-refused-ended"));
        assert_eq!(Pause.refusal(Paused), Some("exercise-refused-paused"));
        assert_eq!(Resume.refusal(Running), Some("exercise-refused-running"));
        for step in ExerciseStep::ALL {
            for status in ExerciseStatus::ALL {
                match step.refusal(status) {
                    None => assert!(step.from().contains(&status)),
                    Some(id) => assert!(REFUSAL_IDS.contains(&id)),
                }
            }
        }
    }

    #[test]
    fn the_clock_stops_while_paused_and_at_the_end() {
        let mut c = ExerciseClock {
            started_at: t(0),
            paused_before: Duration::ZERO,
            paused_since: None,
            ended_at: None,
        };
        assert_eq!(c.elapsed(t(10)), Duration::minutes(10));
        assert!(c.due(10, t(10)) && !c.due(11, t(10)));
        c.paused_since = Some(t(10));
        assert_eq!(c.elapsed(t(30)), Duration::minutes(10));
        assert!(!c.due(0, t(30)), "nothing is due while paused");
        // Resumed at 30: 20 minutes of pause.
        c.paused_since = None;
        c.paused_before = Duration::minutes(20);
        assert_eq!(c.elapsed(t(35)), Duration::minutes(15));
        assert_eq!(c.wall_time_of(20, t(35)), t(40));
        c.ended_at = Some(t(40));
        assert_eq!(c.elapsed(t(90)), Duration::minutes(20));
        assert!(!c.due(0, t(90)));
        // Before the start (a clock set back) is zero, not negative.
        assert_eq!(c.elapsed(t(-5)), Duration::ZERO);
    }

    #[test]
    fn outcomes_and_points() {
        assert_eq!(Outcome::of_action(t(5), t(5)), Outcome::Met);
        assert_eq!(Outcome::of_action(t(6), t(5)), Outcome::Late);
        assert_eq!(Outcome::Met.points(10), 10);
        assert_eq!(Outcome::Late.points(11), 5);
        assert_eq!(Outcome::Missed.points(10), 0);
        let tally = Tally::of([
            Scored {
                outcome: Outcome::Met,
                score: 10,
                response: Some(Duration::seconds(30)),
            },
            Scored {
                outcome: Outcome::Late,
                score: 10,
                response: Some(Duration::seconds(900)),
            },
            Scored {
                outcome: Outcome::Missed,
                score: 20,
                response: None,
            },
        ]);
        assert_eq!((tally.met, tally.late, tally.missed), (1, 1, 1));
        assert_eq!((tally.points, tally.possible), (15, 40));
        assert_eq!(tally.percent(), Some(37));
        assert_eq!(tally.median_seconds(), Some(465));
        assert_eq!(tally.slowest_seconds(), Some(900));
        assert_eq!(Tally::default().percent(), None);
    }
}
