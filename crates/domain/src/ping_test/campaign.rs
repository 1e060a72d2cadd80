//! A ping test campaign: when it starts, whom it reaches, how long PoCs
//! have to answer, when they are reminded, and its states.

use crate::communication::delivery::RoleChoice;
use crate::directory::poc::{FieldError, PocRole};
use time::{Duration, OffsetDateTime};

/// How a campaign came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CampaignKind {
    /// Started by the schedule (every six months by default).
    Scheduled,
    /// Started by the secretariat when it chose.
    AdHoc,
}

impl CampaignKind {
    pub const ALL: [CampaignKind; 2] = [CampaignKind::Scheduled, CampaignKind::AdHoc];

    pub fn as_str(self) -> &'static str {
        match self {
            CampaignKind::Scheduled => "scheduled",
            CampaignKind::AdHoc => "ad_hoc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            CampaignKind::Scheduled => "ping-kind-scheduled",
            CampaignKind::AdHoc => "ping-kind-ad_hoc",
        }
    }
}

/// Where a campaign is in its life. `Finished` is never stored: a running
/// campaign is finished once it closes (see [`CampaignTimes::status_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CampaignStatus {
    /// Waiting for its start time; nothing sent yet.
    Scheduled,
    /// Challenges sent; answers are recorded until it closes.
    Running,
    /// Closed: no more answers; results are final.
    Finished,
    /// Stopped by the secretariat: no more reminders, no more answers.
    Cancelled,
}

impl CampaignStatus {
    pub const ALL: [CampaignStatus; 4] = [
        CampaignStatus::Scheduled,
        CampaignStatus::Running,
        CampaignStatus::Finished,
        CampaignStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CampaignStatus::Scheduled => "scheduled",
            CampaignStatus::Running => "running",
            CampaignStatus::Finished => "finished",
            CampaignStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_message(self) -> &'static str {
        match self {
            CampaignStatus::Scheduled => "ping-status-scheduled",
            CampaignStatus::Running => "ping-status-running",
            CampaignStatus::Finished => "ping-status-finished",
            CampaignStatus::Cancelled => "ping-status-cancelled",
        }
    }
}

/// Whom a campaign reaches: the PoCs of the chosen roles, of every
/// participating State, or only of some regions, or only of some States.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Scope {
    pub roles: ScopeRoles,
    /// UN M49 region names (as the participants list holds them); empty: any.
    pub regions: Vec<String>,
    /// Participant codes; empty: any.
    pub states: Vec<String>,
}

/// The roles a campaign reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeRoles {
    #[default]
    Both,
    Diplomatic,
    Technical,
}

impl ScopeRoles {
    pub const ALL: [ScopeRoles; 3] = [
        ScopeRoles::Both,
        ScopeRoles::Diplomatic,
        ScopeRoles::Technical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ScopeRoles::Both => "both",
            ScopeRoles::Diplomatic => "diplomatic",
            ScopeRoles::Technical => "technical",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn includes(self, role: PocRole) -> bool {
        match self {
            ScopeRoles::Both => true,
            ScopeRoles::Diplomatic => role == PocRole::Diplomatic,
            ScopeRoles::Technical => role == PocRole::Technical,
        }
    }

    pub fn as_role_choice(self) -> RoleChoice {
        match self {
            ScopeRoles::Both => RoleChoice::Both,
            ScopeRoles::Diplomatic => RoleChoice::Diplomatic,
            ScopeRoles::Technical => RoleChoice::Technical,
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            ScopeRoles::Both => "ping-roles-both",
            ScopeRoles::Diplomatic => "ping-roles-diplomatic",
            ScopeRoles::Technical => "ping-roles-technical",
        }
    }
}

impl Scope {
    /// Everyone: all roles of every participating State.
    pub fn everyone() -> Self {
        Scope::default()
    }

    /// Whether a PoC of `role` of `state` (in `region`) is reached.
    pub fn includes(&self, state: &str, region: &str, role: PocRole) -> bool {
        self.roles.includes(role)
            && (self.regions.is_empty() || self.regions.iter().any(|r| r == region))
            && (self.states.is_empty() || self.states.iter().any(|s| s == state))
    }
}

/// The defaults a secretariat may change in the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PingSettings {
    /// How long PoCs have to answer in time.
    pub window: Duration,
    /// Reminders to those who have not answered, counted from the start.
    pub reminders: Vec<Duration>,
    /// How long after the window a late answer is still recorded.
    pub late_grace: Duration,
    /// How often the schedule starts a campaign.
    pub every: Duration,
}

impl Default for PingSettings {
    fn default() -> Self {
        PingSettings {
            window: Duration::hours(72),
            reminders: vec![Duration::hours(24), Duration::hours(48)],
            late_grace: Duration::days(7),
            // Six months.
            every: Duration::days(182),
        }
    }
}

/// The longest window a campaign may have: a ping test is about answering fast.
pub const MAX_WINDOW_HOURS: i64 = 24 * 30;
/// At most so many reminders.
pub const MAX_REMINDERS: usize = 5;
/// The longest title.
pub const MAX_TITLE: usize = 200;

/// The messages of a campaign's checks and refusals.
pub const MESSAGE_IDS: [&str; 15] = [
    "ping-error-title-required",
    "ping-error-title-invalid",
    "ping-error-start-past",
    "ping-error-start-far",
    "ping-error-window",
    "ping-error-reminders-many",
    "ping-error-reminder-outside",
    "ping-error-region-unknown",
    "ping-error-state-unknown",
    "ping-error-announce-adhoc",
    "ping-error-scope-empty",
    "ping-error-note",
    "ping-error-cancel-over",
    "ping-error-publish-unfinished",
    "ping-error-published-already",
];

/// A campaign as typed into the form or sent to the API, before any check.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
pub struct CampaignDraft {
    pub title: String,
    /// When it starts; None: now (an ad-hoc campaign).
    pub starts_at: Option<OffsetDateTime>,
    /// Hours to answer in time; None: the configured default.
    pub window_hours: Option<i64>,
    /// Hours after the start at which reminders go out; None: the defaults.
    pub reminder_hours: Option<Vec<i64>>,
    #[serde(default)]
    pub scope: Scope,
    /// Whether PoCs are told in advance (a scheduled campaign only).
    #[serde(default)]
    pub announced: bool,
    /// Whether a State's nominators are told of its PoCs that did not answer.
    #[serde(default)]
    pub escalate: bool,
}

/// A checked campaign, with its times worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignPlan {
    pub title: String,
    pub kind: CampaignKind,
    pub scope: Scope,
    pub times: CampaignTimes,
    pub announced: bool,
    pub escalate: bool,
}

/// A campaign's times: when it starts, the end of its window, when it
/// closes (late answers recorded until then) and its reminders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignTimes {
    pub starts_at: OffsetDateTime,
    pub answer_by: OffsetDateTime,
    pub closes_at: OffsetDateTime,
    /// Offsets from the start, ascending, each inside the window.
    pub reminders: Vec<Duration>,
}

impl CampaignTimes {
    /// What a campaign stored as `stored` (scheduled, running or cancelled)
    /// is at `now`.
    pub fn status_at(&self, stored: CampaignStatus, now: OffsetDateTime) -> CampaignStatus {
        match stored {
            CampaignStatus::Running if now >= self.closes_at => CampaignStatus::Finished,
            other => other,
        }
    }

    /// The reminders due at `now` that were not sent: numbers 1..=n.
    pub fn reminders_due(&self, sent: usize, now: OffsetDateTime) -> Option<usize> {
        let due = self
            .reminders
            .iter()
            .filter(|offset| self.starts_at + **offset <= now)
            .count();
        (due > sent && now < self.answer_by).then_some(due)
    }
}

impl CampaignDraft {
    /// Checks every field and works out the times; returns all problems.
    /// `now` decides whether the start is in the past: a start within the
    /// last minute counts as now (the form took time to fill in).
    pub fn validate(
        &self,
        now: OffsetDateTime,
        settings: &PingSettings,
        known_regions: &[String],
        known_states: &[String],
    ) -> Result<CampaignPlan, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field: &str, message_id: &'static str| {
            errors.push(FieldError {
                field: field.to_string(),
                message_id,
            })
        };
        let title = self.title.trim().to_string();
        if title.is_empty() {
            err("title", "ping-error-title-required");
        } else if title.chars().count() > MAX_TITLE || title.chars().any(char::is_control) {
            err("title", "ping-error-title-invalid");
        }
        let (kind, starts_at) = match self.starts_at {
            None => (CampaignKind::AdHoc, now),
            Some(at) if at < now - Duration::minutes(1) => {
                err("starts_at", "ping-error-start-past");
                (CampaignKind::Scheduled, now)
            }
            Some(at) if at <= now => (CampaignKind::AdHoc, now),
            Some(at) if at > now + Duration::days(3 * 366) => {
                err("starts_at", "ping-error-start-far");
                (CampaignKind::Scheduled, at)
            }
            Some(at) => (CampaignKind::Scheduled, at),
        };
        let window = match self.window_hours {
            None => settings.window,
            Some(h) if (1..=MAX_WINDOW_HOURS).contains(&h) => Duration::hours(h),
            Some(_) => {
                err("window_hours", "ping-error-window");
                settings.window
            }
        };
        let mut reminders = match &self.reminder_hours {
            None => settings
                .reminders
                .iter()
                .copied()
                .filter(|r| *r < window)
                .collect(),
            Some(hours) => {
                if hours.len() > MAX_REMINDERS {
                    err("reminder_hours", "ping-error-reminders-many");
                }
                let mut out = Vec::new();
                for h in hours {
                    // Checked: `Duration::hours` panics on a huge number.
                    match h.checked_mul(3600).map(Duration::seconds) {
                        Some(offset) if *h >= 1 && offset < window => out.push(offset),
                        _ => err("reminder_hours", "ping-error-reminder-outside"),
                    }
                }
                out
            }
        };
        reminders.sort();
        reminders.dedup();
        for region in &self.scope.regions {
            if !known_regions.iter().any(|r| r == region) {
                err("scope.regions", "ping-error-region-unknown");
                break;
            }
        }
        for state in &self.scope.states {
            if !known_states.iter().any(|s| s == state) {
                err("scope.states", "ping-error-state-unknown");
                break;
            }
        }
        if self.announced && kind == CampaignKind::AdHoc {
            err("announced", "ping-error-announce-adhoc");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let answer_by = starts_at + window;
        Ok(CampaignPlan {
            title,
            kind,
            scope: Scope {
                roles: self.scope.roles,
                regions: sorted(&self.scope.regions),
                states: sorted(&self.scope.states),
            },
            times: CampaignTimes {
                starts_at,
                answer_by,
                closes_at: answer_by + settings.late_grace,
                reminders,
            },
            announced: self.announced,
            escalate: self.escalate,
        })
    }
}

fn sorted(values: &[String]) -> Vec<String> {
    let mut v: Vec<String> = values.iter().map(|s| s.trim().to_string()).collect();
    v.sort();
    v.dedup();
    v
}

/// Whether a campaign in `status` may be cancelled.
pub fn may_cancel(status: CampaignStatus) -> bool {
    matches!(status, CampaignStatus::Scheduled | CampaignStatus::Running)
}

/// Whether a campaign's aggregate figures may be published: once it is
/// finished, so that the public never sees a State still answering.
pub fn may_publish(status: CampaignStatus) -> bool {
    status == CampaignStatus::Finished
}

/// When the schedule starts its next campaign: `every` after the last
/// scheduled campaign started, or now when there was none.
pub fn next_scheduled_start(
    last_scheduled_start: Option<OffsetDateTime>,
    every: Duration,
    now: OffsetDateTime,
) -> OffsetDateTime {
    match last_scheduled_start {
        Some(last) if last + every > now => last + every,
        _ => now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-30 10:00 UTC);

    fn regions() -> Vec<String> {
        vec!["Asia".into(), "Europe".into()]
    }
    fn states() -> Vec<String> {
        vec!["PAK".into(), "FRA".into()]
    }
    fn draft() -> CampaignDraft {
        CampaignDraft {
            title: "Second half 2026".into(),
            ..CampaignDraft::default()
        }
    }

    #[test]
    fn an_ad_hoc_campaign_gets_the_defaults() {
        let plan = draft()
            .validate(NOW, &PingSettings::default(), &regions(), &states())
            .unwrap();
        assert_eq!(plan.kind, CampaignKind::AdHoc);
        assert_eq!(plan.times.starts_at, NOW);
        assert_eq!(plan.times.answer_by, NOW + Duration::hours(72));
        assert_eq!(
            plan.times.closes_at,
            NOW + Duration::hours(72) + Duration::days(7)
        );
        assert_eq!(
            plan.times.reminders,
            vec![Duration::hours(24), Duration::hours(48)]
        );
    }

    #[test]
    fn a_start_in_the_past_or_a_bad_window_is_refused_with_reasons() {
        let d = CampaignDraft {
            starts_at: Some(NOW - Duration::hours(2)),
            window_hours: Some(0),
            reminder_hours: Some(vec![80]),
            title: " ".into(),
            scope: Scope {
                regions: vec!["Atlantis".into()],
                ..Scope::default()
            },
            ..CampaignDraft::default()
        };
        let errors = d
            .validate(NOW, &PingSettings::default(), &regions(), &states())
            .unwrap_err();
        let ids: Vec<_> = errors.iter().map(|e| e.message_id).collect();
        assert!(ids.contains(&"ping-error-start-past"), "{ids:?}");
        assert!(ids.contains(&"ping-error-window"), "{ids:?}");
        assert!(ids.contains(&"ping-error-reminder-outside"), "{ids:?}");
        assert!(ids.contains(&"ping-error-title-required"), "{ids:?}");
        assert!(ids.contains(&"ping-error-region-unknown"), "{ids:?}");
    }

    #[test]
    fn a_future_start_is_scheduled_and_may_be_announced() {
        let d = CampaignDraft {
            starts_at: Some(NOW + Duration::days(3)),
            announced: true,
            window_hours: Some(24),
            ..draft()
        };
        let plan = d
            .validate(NOW, &PingSettings::default(), &regions(), &states())
            .unwrap();
        assert_eq!(plan.kind, CampaignKind::Scheduled);
        // The 48 h default reminder falls outside a 24 h window.
        assert!(plan.times.reminders.is_empty());
        let adhoc = CampaignDraft {
            announced: true,
            ..draft()
        };
        let errors = adhoc
            .validate(NOW, &PingSettings::default(), &regions(), &states())
            .unwrap_err();
        assert_eq!(errors[0].message_id, "ping-error-announce-adhoc");
    }

    #[test]
    fn scope_matches_role_region_and_state() {
        let s = Scope {
            roles: ScopeRoles::Technical,
            regions: vec!["Asia".into()],
            states: vec![],
        };
        assert!(s.includes("PAK", "Asia", PocRole::Technical));
        assert!(!s.includes("PAK", "Asia", PocRole::Diplomatic));
        assert!(!s.includes("FRA", "Europe", PocRole::Technical));
        assert!(Scope::everyone().includes("FRA", "Europe", PocRole::Diplomatic));
    }

    #[test]
    fn running_becomes_finished_when_it_closes_and_reminders_fall_due() {
        let plan = draft()
            .validate(NOW, &PingSettings::default(), &regions(), &states())
            .unwrap();
        let t = &plan.times;
        assert_eq!(
            t.status_at(CampaignStatus::Running, NOW),
            CampaignStatus::Running
        );
        assert_eq!(
            t.status_at(CampaignStatus::Running, t.closes_at),
            CampaignStatus::Finished
        );
        assert_eq!(
            t.status_at(CampaignStatus::Cancelled, t.closes_at),
            CampaignStatus::Cancelled
        );
        assert_eq!(t.reminders_due(0, NOW + Duration::hours(23)), None);
        assert_eq!(t.reminders_due(0, NOW + Duration::hours(25)), Some(1));
        assert_eq!(t.reminders_due(1, NOW + Duration::hours(25)), None);
        // Both at once when the job was down: only the latest is sent.
        assert_eq!(t.reminders_due(0, NOW + Duration::hours(50)), Some(2));
        // None after the window.
        assert_eq!(t.reminders_due(0, NOW + Duration::hours(73)), None);
    }

    #[test]
    fn the_schedule_starts_every_period() {
        let every = Duration::days(182);
        assert_eq!(next_scheduled_start(None, every, NOW), NOW);
        let last = NOW - Duration::days(10);
        assert_eq!(next_scheduled_start(Some(last), every, NOW), last + every);
        let long_ago = NOW - Duration::days(400);
        assert_eq!(next_scheduled_start(Some(long_ago), every, NOW), NOW);
    }
}
