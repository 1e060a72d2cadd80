//! Ping tests: campaigns, one challenge per PoC, answers, reminders,
//! escalations and the figures results are made of. Challenge tokens and
//! addresses are sealed; only a token's hash finds its challenge.
//!
//! The store decides nothing: the service (`crates/ping_tests`) applies
//! the domain's rules (`pocdir_domain::ping_test`) and the policy first.
//! Every change commits with its log entries and mails, or not at all.

use crate::outbox::{MailStatus, NewMail};
use crate::{PocRole, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::ping_test::campaign::{CampaignKind, CampaignStatus, CampaignTimes, Scope};
use pocdir_domain::ping_test::challenge::{
    AnswerChannel, ChallengeFacts, OtherChannelFinding, Outcome,
};
use pocdir_domain::ping_test::results::Tally;
use time::OffsetDateTime;

mod rows;
mod store;

/// Stands for the new campaign's id in a mail's dedupe key, subject or
/// body, and in a log entry's object.
pub const CAMPAIGN_ID_PLACEHOLDER: &str = "{ping-test-id}";

/// A campaign to store: created scheduled, or started at once (`start`).
#[derive(Debug, Clone)]
pub struct NewCampaign {
    pub title: String,
    pub kind: CampaignKind,
    pub scope: Scope,
    pub times: CampaignTimes,
    pub announced: bool,
    pub escalate: bool,
    pub created_by: Option<i64>,
    pub created_at: OffsetDateTime,
    /// Advance notices to PoCs (an announced scheduled campaign).
    pub notices: Vec<NewMail>,
    /// The creation's entry (an empty `object` becomes `ping_test:<id>`).
    pub log: LogDraft,
    /// The start, when the campaign starts now.
    pub start: Option<CampaignStart>,
}

/// Starting a campaign: its challenges, each with its mail.
#[derive(Debug, Clone)]
pub struct CampaignStart {
    pub at: OffsetDateTime,
    pub challenges: Vec<NewChallenge>,
    /// The start's entry (an empty `object` becomes `ping_test:<id>`).
    pub log: LogDraft,
}

/// One PoC's challenge: the token's hash finds it, the token itself is
/// sealed for the reminders' links, the mail carries the link.
#[derive(Debug, Clone)]
pub struct NewChallenge {
    pub poc_id: i64,
    pub participant: String,
    pub role: PocRole,
    pub token_hash: String,
    pub token: String,
    /// Where its mails go and in which language (kept sealed for reminders).
    pub email: String,
    pub language: String,
    pub mail: NewMail,
}

/// A stored campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: i64,
    pub title: String,
    pub kind: CampaignKind,
    /// As stored: scheduled, running or cancelled (see [`Campaign::status`]).
    pub stored_status: CampaignStatus,
    pub scope: Scope,
    pub times: CampaignTimes,
    pub announced: bool,
    pub escalate: bool,
    pub created_by: Option<i64>,
    pub created_at: OffsetDateTime,
    pub started_at: Option<OffsetDateTime>,
    pub cancelled_at: Option<OffsetDateTime>,
    pub escalated_at: Option<OffsetDateTime>,
    pub published_at: Option<OffsetDateTime>,
}

impl Campaign {
    /// What the campaign is at `now` (running becomes finished once closed).
    pub fn status(&self, now: OffsetDateTime) -> CampaignStatus {
        self.times.status_at(self.stored_status, now)
    }
}

/// A stored challenge, with its mail's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub id: i64,
    pub campaign_id: i64,
    pub poc_id: i64,
    pub participant: String,
    pub role: PocRole,
    pub mail_id: Option<i64>,
    pub mail_status: Option<MailStatus>,
    pub reminders_sent: i64,
    pub answered_at: Option<OffsetDateTime>,
    pub channel: Option<AnswerChannel>,
    pub answered_by: Option<i64>,
    pub finding: Option<OtherChannelFinding>,
    /// The secretariat's note, opened.
    pub note: Option<String>,
}

impl Challenge {
    pub fn facts(&self) -> ChallengeFacts {
        ChallengeFacts {
            answered_at: self.answered_at,
            mail_failed: self.mail_status == Some(MailStatus::Failed),
            not_reached: self.finding == Some(OtherChannelFinding::NotReached),
        }
    }

    pub fn outcome(&self, campaign: &Campaign, now: OffsetDateTime) -> Outcome {
        pocdir_domain::ping_test::challenge::outcome(
            self.facts(),
            &campaign.times,
            campaign.status(now),
        )
    }
}

/// An answer to record.
#[derive(Debug, Clone)]
pub struct NewAnswer {
    pub challenge_id: i64,
    pub at: OffsetDateTime,
    pub channel: AnswerChannel,
    /// The account that answered, when signed in.
    pub answered_by: Option<i64>,
    pub log: LogDraft,
}

/// What became of an answer written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerWritten {
    Recorded,
    /// Answered already (by another request in between): nothing written.
    AlreadyAnswered,
    /// The campaign is no longer running or closed: nothing written.
    Closed,
}

/// The secretariat's record of a check by another channel.
#[derive(Debug, Clone)]
pub struct NewFinding {
    pub challenge_id: i64,
    pub finding: OtherChannelFinding,
    pub note: String,
    pub at: OffsetDateTime,
    pub by: i64,
    pub log: LogDraft,
}

/// A PoC a campaign may reach: active, of a participating State.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PingTarget {
    pub poc_id: i64,
    pub participant: String,
    pub region: String,
    pub role: PocRole,
    /// The verified details (JSON of `PocDetails`), opened.
    pub details: String,
    /// The account the PoC signs in with, and its language, if any.
    pub account_id: Option<i64>,
    pub account_language: Option<String>,
}

/// A challenge that needs a reminder, with what its mail needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderTarget {
    pub challenge_id: i64,
    pub poc_id: i64,
    pub participant: String,
    pub token: String,
    pub email: String,
    pub language: String,
}

/// A reminder to queue.
#[derive(Debug, Clone)]
pub struct NewReminder {
    pub challenge_id: i64,
    pub mail: NewMail,
}

/// Which challenges a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChallengeFilter {
    /// Only this State's.
    pub participant: Option<String>,
    /// Only these PoCs'.
    pub poc_ids: Option<Vec<i64>>,
}

/// Outcomes counted per campaign and State (for trends and aggregates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateTally {
    pub campaign_id: i64,
    pub participant: String,
    pub tally: Tally,
}

#[async_trait]
pub trait PingTestStore: Send + Sync {
    /// Every PoC a campaign could reach (active, of a participating
    /// State), by id: the service applies the scope.
    async fn ping_targets(&self) -> StoreResult<Vec<PingTarget>>;

    /// Stores a campaign with its notices and entry, and, with `start`,
    /// its challenges and their mails (running): all or nothing. Its id.
    async fn create_campaign(&self, new: NewCampaign) -> StoreResult<i64>;

    /// Starts a scheduled campaign: its challenges and mails, its entry.
    /// False (nothing written) when it is not scheduled any more (another
    /// instance started it, or it was cancelled).
    async fn start_campaign(&self, id: i64, start: CampaignStart) -> StoreResult<bool>;

    async fn campaign(&self, id: i64) -> StoreResult<Option<Campaign>>;

    /// Every campaign, newest start first.
    async fn campaigns(&self) -> StoreResult<Vec<Campaign>>;

    /// Scheduled campaigns whose start is at or before `now`, oldest first.
    async fn campaigns_due(&self, now: OffsetDateTime) -> StoreResult<Vec<Campaign>>;

    /// Campaigns stored as running whose window is open at `now`
    /// (`starts_at <= now < answer_by`): those that may need reminders.
    async fn campaigns_in_window(&self, now: OffsetDateTime) -> StoreResult<Vec<Campaign>>;

    /// Cancels a scheduled or running campaign and appends `log`; false
    /// when it was neither (nothing written).
    async fn cancel_campaign(
        &self,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;

    /// Marks a campaign published and appends `log`; false when it was
    /// published already.
    async fn publish_campaign(
        &self,
        id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;

    /// The challenge whose token hashes to `token_hash`, with its campaign.
    async fn challenge_by_token(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<(Challenge, Campaign)>>;

    async fn challenge(&self, id: i64) -> StoreResult<Option<Challenge>>;

    /// The challenges of a campaign, by id.
    async fn challenges(
        &self,
        campaign_id: i64,
        filter: &ChallengeFilter,
    ) -> StoreResult<Vec<Challenge>>;

    /// The challenges of these PoCs in campaigns stored as running, with
    /// their campaign: what a PoC sees open in the portal.
    async fn open_challenges_of(&self, poc_ids: &[i64]) -> StoreResult<Vec<(Challenge, Campaign)>>;

    /// Records answers in one transaction (group commit): each only if its
    /// challenge is unanswered and its campaign running and open at its
    /// time, with its entry. One result per answer, in order.
    async fn record_answers(&self, answers: Vec<NewAnswer>) -> StoreResult<Vec<AnswerWritten>>;

    /// Records what the secretariat found by another channel (a "reached"
    /// finding also answers the challenge at `at`, by `other_channel`),
    /// with its entry. `NotAllowed` when it was answered already.
    async fn record_finding(&self, finding: NewFinding) -> StoreResult<()>;

    /// Up to `limit` unanswered challenges of campaign `campaign_id`
    /// without a finding that have had fewer than `reminder` reminders.
    async fn reminder_targets(
        &self,
        campaign_id: i64,
        reminder: i64,
        limit: u32,
    ) -> StoreResult<Vec<ReminderTarget>>;

    /// Queues reminder number `reminder` for each challenge that has had
    /// fewer, in one transaction; how many were queued (a challenge
    /// answered or reminded in between is skipped).
    async fn record_reminders(
        &self,
        campaign_id: i64,
        reminder: i64,
        reminders: Vec<NewReminder>,
    ) -> StoreResult<u64>;

    /// Running campaigns with escalation whose window ended at or before
    /// `now` and that were not escalated yet.
    async fn campaigns_to_escalate(&self, now: OffsetDateTime) -> StoreResult<Vec<Campaign>>;

    /// Records the escalation of a campaign with its mails and entries;
    /// false (nothing written) when it was escalated already.
    async fn escalate_campaign(
        &self,
        id: i64,
        at: OffsetDateTime,
        mails: Vec<NewMail>,
        log: Vec<LogDraft>,
    ) -> StoreResult<bool>;

    /// Outcomes counted per campaign and State, for the campaigns given
    /// (every started campaign when empty), as of `now`.
    async fn state_tallies(
        &self,
        campaign_ids: &[i64],
        now: OffsetDateTime,
    ) -> StoreResult<Vec<StateTally>>;
}
