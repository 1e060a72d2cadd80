//! Ping test rows and their conversion.

use super::{Campaign, Challenge};
use crate::outbox::MailStatus;
use crate::sealing::Keys;
use crate::{corrupt, db_time, opt_db_time, PocRole, StoreError, StoreResult};
use pocdir_domain::ping_test::campaign::{CampaignKind, CampaignStatus, CampaignTimes, Scope};
use pocdir_domain::ping_test::challenge::{AnswerChannel, OtherChannelFinding};
use time::Duration;

pub(super) const TOKEN: &str = "ping_challenges.token";
pub(super) const EMAIL: &str = "ping_challenges.email";
pub(super) const NOTE: &str = "ping_challenges.note";

pub(super) const CAMPAIGN_COLUMNS: &str = "c.id, c.title, c.kind, c.status, c.scope, \
     c.announced, c.escalate, c.starts_at, c.answer_by, c.closes_at, c.reminders, c.created_by, \
     c.created_at, c.started_at, c.cancelled_at, c.escalated_at, c.published_at";

#[derive(sqlx::FromRow)]
pub(super) struct CampaignRow {
    id: i64,
    title: String,
    kind: String,
    status: String,
    scope: String,
    announced: bool,
    escalate: bool,
    starts_at: i64,
    answer_by: i64,
    closes_at: i64,
    reminders: String,
    created_by: Option<i64>,
    created_at: i64,
    started_at: Option<i64>,
    cancelled_at: Option<i64>,
    escalated_at: Option<i64>,
    published_at: Option<i64>,
}

impl TryFrom<CampaignRow> for Campaign {
    type Error = StoreError;

    fn try_from(r: CampaignRow) -> StoreResult<Self> {
        let bad = corrupt("ping_campaigns", r.id);
        let scope: Scope =
            serde_json::from_str(&r.scope).map_err(|e| bad(format!("scope: {e}")))?;
        let reminders: Vec<i64> =
            serde_json::from_str(&r.reminders).map_err(|e| bad(format!("reminders: {e}")))?;
        Ok(Campaign {
            id: r.id,
            title: r.title,
            kind: CampaignKind::parse(&r.kind).ok_or_else(|| bad(format!("kind {:?}", r.kind)))?,
            stored_status: CampaignStatus::parse(&r.status)
                .filter(|s| *s != CampaignStatus::Finished)
                .ok_or_else(|| bad(format!("status {:?}", r.status)))?,
            scope,
            times: CampaignTimes {
                starts_at: db_time(r.starts_at).map_err(&bad)?,
                answer_by: db_time(r.answer_by).map_err(&bad)?,
                closes_at: db_time(r.closes_at).map_err(&bad)?,
                reminders: reminders.into_iter().map(Duration::seconds).collect(),
            },
            announced: r.announced,
            escalate: r.escalate,
            created_by: r.created_by,
            created_at: db_time(r.created_at).map_err(&bad)?,
            started_at: opt_db_time(r.started_at).map_err(&bad)?,
            cancelled_at: opt_db_time(r.cancelled_at).map_err(&bad)?,
            escalated_at: opt_db_time(r.escalated_at).map_err(&bad)?,
            published_at: opt_db_time(r.published_at).map_err(&bad)?,
        })
    }
}

/// `ch` being `ping_challenges` and `o` its mail (LEFT JOIN).
pub(super) const CHALLENGE_COLUMNS: &str = "ch.id, ch.campaign_id, ch.poc_id, ch.participant, \
     ch.role, ch.mail_id, o.status AS mail_status, ch.reminders_sent, ch.answered_at, \
     ch.channel, ch.answered_by, ch.finding, ch.note";

#[derive(sqlx::FromRow)]
pub(super) struct ChallengeRow {
    id: i64,
    campaign_id: i64,
    poc_id: i64,
    participant: String,
    role: String,
    mail_id: Option<i64>,
    mail_status: Option<String>,
    reminders_sent: i64,
    answered_at: Option<i64>,
    channel: Option<String>,
    answered_by: Option<i64>,
    finding: Option<String>,
    note: Option<String>,
}

impl ChallengeRow {
    pub(super) fn open(self, keys: &Keys) -> StoreResult<Challenge> {
        let bad = corrupt("ping_challenges", self.id);
        let note = self
            .note
            .as_deref()
            .map(|n| keys.open_str(NOTE, "ping_challenges", &self.id, n))
            .transpose()?;
        Ok(Challenge {
            id: self.id,
            campaign_id: self.campaign_id,
            poc_id: self.poc_id,
            participant: self.participant,
            role: self
                .role
                .parse::<PocRole>()
                .map_err(|_| bad(format!("role {:?}", self.role)))?,
            mail_id: self.mail_id,
            mail_status: self
                .mail_status
                .as_deref()
                .map(|s| s.parse::<MailStatus>().map_err(&bad))
                .transpose()?,
            reminders_sent: self.reminders_sent,
            answered_at: opt_db_time(self.answered_at).map_err(&bad)?,
            channel: self
                .channel
                .as_deref()
                .map(|c| AnswerChannel::parse(c).ok_or_else(|| bad(format!("channel {c:?}"))))
                .transpose()?,
            answered_by: self.answered_by,
            finding: self
                .finding
                .as_deref()
                .map(|f| OtherChannelFinding::parse(f).ok_or_else(|| bad(format!("finding {f:?}"))))
                .transpose()?,
            note,
        })
    }
}
