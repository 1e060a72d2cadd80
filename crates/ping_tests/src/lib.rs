//! Ping tests: the one service the pages, the API, the jobs and the demo
//! call to create, start, cancel and publish campaigns, to answer
//! challenges, to remind, to escalate and to read results.
//!
//! What each reader may see of results is decided here, from
//! `policy::ping_test_view`: the secretariat all, a State its own PoCs one
//! by one and the overall aggregates, the public only the aggregates the
//! secretariat published. A State's figures are never computed for a
//! reader who may not see them.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::directory::poc::{FieldError, PocDetails, PocRole};
use pocdir_domain::entropy::{Entropy, OsEntropy};
use pocdir_domain::log::entry::{ContentError, LogActor};
use pocdir_domain::log::events::{self, PingCampaignFacts};
use pocdir_domain::ping_test::campaign::{
    may_cancel, may_publish, next_scheduled_start, CampaignDraft, CampaignKind, CampaignPlan,
    CampaignStatus, PingSettings, Scope,
};
use pocdir_domain::ping_test::challenge::{
    challenge_token, may_answer, plausible_token, response_time, AnswerChannel, AnswerRefusal,
    OtherChannelFinding, Outcome,
};
use pocdir_domain::ping_test::results::{Distribution, ReachCounts, StateReach, Tally};
use pocdir_domain::policy::{ping_test_view, PingTestView};
use pocdir_domain::requester::Requester;
use pocdir_i18n::Lang;
use pocdir_store::{
    AnswerWritten, Campaign, CampaignStart, Challenge, ChallengeFilter, NewAnswer, NewCampaign,
    NewChallenge, NewFinding, NewReminder, PingTarget, Store, StoreError,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use time::OffsetDateTime;

pub mod group_commit;
pub mod mail;

pub use group_commit::{AnswerWriter, DirectWriter, GroupCommit};

/// The lease under which one instance at a time may create the next
/// scheduled campaign (see [`PingTests::schedule_next`]).
pub const SCHEDULE_LEASE: &str = "ping-tests-schedule";

/// How the service is set up.
#[derive(Debug, Clone)]
pub struct Settings {
    pub ping: PingSettings,
    /// Whether the schedule creates campaigns by itself (every `ping.every`).
    pub schedule: bool,
    /// The portal's address, for links in mail.
    pub base_url: String,
}

/// Why a request about ping tests was not done. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum PingError {
    /// The campaign's fields (field and message id each).
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    /// No PoC is in the campaign's scope.
    #[error("no PoC is in the campaign's scope")]
    EmptyScope,
    /// No such campaign or challenge, or the reader may not know it exists.
    #[error("not found")]
    NotFound,
    /// The answer is not recorded, and why.
    #[error("answer refused: {}", .0.as_str())]
    Refused(AnswerRefusal),
    /// The campaign's state forbids it (message id says why).
    #[error("not allowed now: {0}")]
    NotAllowed(&'static str),
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Content(#[from] ContentError),
}

impl From<StoreError> for PingError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PingError::NotFound,
            other => PingError::Store(other),
        }
    }
}

/// An answer recorded: what the page tells the PoC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub campaign_id: i64,
    pub campaign_title: String,
    pub challenge_id: i64,
    pub at: OffsetDateTime,
    /// In time or late.
    pub outcome: Outcome,
}

/// What the confirmation page shows before the button is pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub campaign_id: i64,
    pub campaign_title: String,
    pub participant: String,
    pub role: PocRole,
    pub answer_by: OffsetDateTime,
    /// Pressing now would count as late.
    pub late: bool,
}

/// One PoC's line of a campaign's results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PocResult {
    pub challenge: Challenge,
    /// The PoC's name as the directory has it (empty when unreadable).
    pub name: String,
    pub outcome: Outcome,
    /// From the start to the answer.
    pub response_seconds: Option<i64>,
}

/// One State's line of a campaign's results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateResult {
    pub participant: String,
    pub tally: Tally,
    pub reach: StateReach,
}

/// The overall figures of a campaign: what every State may see, and what
/// the public page shows once published.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Aggregates {
    pub tally: Tally,
    pub states: ReachCounts,
    pub distribution: Distribution,
}

/// A campaign's results as one reader may see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignResults {
    pub campaign: Campaign,
    pub status: CampaignStatus,
    pub overall: Aggregates,
    /// The States whose lines the reader may see (all, or its own).
    pub states: Vec<StateResult>,
    /// The PoCs whose lines the reader may see, of `only_state` when given.
    pub pocs: Vec<PocResult>,
}

/// One campaign in a trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    pub campaign_id: i64,
    pub title: String,
    pub starts_at: OffsetDateTime,
    pub overall: Tally,
    /// The reader's State's tally (its own State, or the one the
    /// secretariat chose), when it took part.
    pub state: Option<Tally>,
}

/// An open challenge as its PoC sees it in the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenChallenge {
    pub challenge: Challenge,
    pub campaign: Campaign,
    pub poc_name: String,
}

/// The ping test service.
#[derive(Clone, Copy)]
pub struct PingTests<'a> {
    store: &'a dyn Store,
    clock: &'a dyn Clock,
    settings: &'a Settings,
    entropy: &'a dyn Entropy,
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The language a PoC's mail is written in: its account's, else the first
/// of its working languages that pocdir speaks, else English.
fn language_of(target: &PingTarget, details: &PocDetails) -> Lang {
    target
        .account_language
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| details.languages.iter().find_map(|l| Lang::from_tag(l)))
        .unwrap_or(Lang::En)
}

fn campaign_facts<'p>(plan: &'p CampaignPlan, reminders: &'p [i64]) -> PingCampaignFacts<'p> {
    PingCampaignFacts {
        title: &plan.title,
        kind: plan.kind.as_str(),
        scope: &plan.scope,
        starts_at: plan.times.starts_at.unix_timestamp(),
        answer_by: plan.times.answer_by.unix_timestamp(),
        closes_at: plan.times.closes_at.unix_timestamp(),
        reminders_seconds: reminders,
        announced: plan.announced,
        escalate: plan.escalate,
    }
}

impl<'a> PingTests<'a> {
    pub fn new(store: &'a dyn Store, clock: &'a dyn Clock, settings: &'a Settings) -> Self {
        PingTests {
            store,
            clock,
            settings,
            entropy: &OsEntropy,
        }
    }

    /// The same, drawing tokens from `entropy` (a test's seeded one).
    pub fn with_entropy(self, entropy: &'a dyn Entropy) -> Self {
        PingTests { entropy, ..self }
    }

    pub fn settings(&self) -> &Settings {
        self.settings
    }

    /// The regions and States a scope may name: of participating States.
    pub async fn scope_choices(&self) -> Result<(Vec<String>, Vec<String>), PingError> {
        let mut regions = Vec::new();
        let mut states = Vec::new();
        for p in self.store.participants().await? {
            if p.status != ParticipationStatus::Participating {
                continue;
            }
            if !p.region.is_empty() && !regions.contains(&p.region) {
                regions.push(p.region.clone());
            }
            states.push(p.code);
        }
        regions.sort();
        Ok((regions, states))
    }

    /// The PoCs in `scope`, with their details read.
    async fn targets(&self, scope: &Scope) -> Result<Vec<(PingTarget, PocDetails)>, PingError> {
        let mut out = Vec::new();
        for target in self.store.ping_targets().await? {
            if !scope.includes(&target.participant, &target.region, target.role) {
                continue;
            }
            let details: PocDetails = serde_json::from_str(&target.details).map_err(|e| {
                StoreError::Corrupt(format!("pocs row {}: details: {e}", target.poc_id))
            })?;
            if details.emails.is_empty() {
                continue;
            }
            out.push((target, details));
        }
        Ok(out)
    }

    /// The start of a campaign: one token and one mail per PoC, and the
    /// entry covering the list.
    fn start_for(
        &self,
        campaign: Option<i64>,
        title: &str,
        answer_by: OffsetDateTime,
        targets: &[(PingTarget, PocDetails)],
        actor: &LogActor,
        now: OffsetDateTime,
    ) -> Result<CampaignStart, PingError> {
        let mut mails = mail::ChallengeMails::new(mail::ChallengeFacts {
            base_url: &self.settings.base_url,
            title,
            answer_by,
            now,
        });
        let mut list = Sha256::new();
        let mut challenges = Vec::with_capacity(targets.len());
        for (target, details) in targets {
            let token = challenge_token(self.entropy);
            let email = details.emails.first().cloned().unwrap_or_default();
            let lang = language_of(target, details);
            list.update(format!("{}:{}\n", target.poc_id, token.hash).as_bytes());
            challenges.push(NewChallenge {
                poc_id: target.poc_id,
                participant: target.participant.clone(),
                role: target.role,
                mail: mails.mail(
                    campaign,
                    target.poc_id,
                    &target.participant,
                    &email,
                    lang,
                    &token.secret,
                ),
                token_hash: token.hash,
                token: token.secret,
                email,
                language: lang.code().to_string(),
            });
        }
        let log = events::ping_test_started(
            now,
            actor,
            campaign.unwrap_or_default(),
            challenges.len() as u64,
            &hex::encode(list.finalize()),
        )?;
        // The store names the new campaign in the object.
        let log = if campaign.is_none() {
            pocdir_domain::log::entry::LogDraft {
                object: String::new(),
                ..log
            }
        } else {
            log
        };
        Ok(CampaignStart {
            at: now,
            challenges,
            log,
        })
    }

    /// Creates a campaign (the secretariat): started at once when it
    /// starts now, else scheduled (with advance notices when announced).
    pub async fn create(&self, who: &Requester, draft: &CampaignDraft) -> Result<i64, PingError> {
        if who.actor.kind != AccountKind::Secretariat {
            return Err(PingError::NotFound);
        }
        self.create_as(&who.log, Some(who.account_id()), draft)
            .await
    }

    async fn create_as(
        &self,
        actor: &LogActor,
        created_by: Option<i64>,
        draft: &CampaignDraft,
    ) -> Result<i64, PingError> {
        let now = self.clock.now();
        let (regions, states) = self.scope_choices().await?;
        let plan = draft
            .validate(now, &self.settings.ping, &regions, &states)
            .map_err(PingError::Invalid)?;
        let targets = self.targets(&plan.scope).await?;
        if targets.is_empty() {
            return Err(PingError::EmptyScope);
        }
        let reminders: Vec<i64> = plan
            .times
            .reminders
            .iter()
            .map(|d| d.whole_seconds())
            .collect();
        let mut log = events::ping_test_created(now, actor, 0, &campaign_facts(&plan, &reminders))?;
        log.object = String::new();
        let start = match plan.kind {
            CampaignKind::AdHoc => Some(self.start_for(
                None,
                &plan.title,
                plan.times.answer_by,
                &targets,
                actor,
                now,
            )?),
            CampaignKind::Scheduled => None,
        };
        let notices = if plan.announced && start.is_none() {
            targets
                .iter()
                .filter_map(|(t, d)| {
                    d.emails.first().map(|email| {
                        mail::notice(
                            &self.settings.base_url,
                            &plan.title,
                            plan.times.starts_at,
                            t.poc_id,
                            &t.participant,
                            email,
                            language_of(t, d),
                            now,
                        )
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let id = self
            .store
            .create_campaign(NewCampaign {
                title: plan.title.clone(),
                kind: plan.kind,
                scope: plan.scope.clone(),
                times: plan.times.clone(),
                announced: plan.announced,
                escalate: plan.escalate,
                created_by,
                created_at: now,
                notices,
                log,
                start,
            })
            .await?;
        tracing::info!(campaign = id, pocs = targets.len(), "ping test created");
        Ok(id)
    }

    /// Starts the scheduled campaigns whose time has come (the job). Two
    /// instances may try at once: the store starts each once.
    pub async fn start_due(&self) -> Result<u32, PingError> {
        let now = self.clock.now();
        let mut started = 0;
        for campaign in self.store.campaigns_due(now).await? {
            let targets = self.targets(&campaign.scope).await?;
            let start = self.start_for(
                Some(campaign.id),
                &campaign.title,
                campaign.times.answer_by,
                &targets,
                &LogActor::system(),
                now,
            )?;
            if self.store.start_campaign(campaign.id, start).await? {
                started += 1;
                tracing::info!(
                    campaign = campaign.id,
                    pocs = targets.len(),
                    "ping test started"
                );
            }
        }
        Ok(started)
    }

    /// The schedule: when it is on and no scheduled campaign waits, one is
    /// created to start `every` after the last scheduled one (or `every`
    /// from now for the first), reaching everyone with the defaults.
    ///
    /// Two instances may run this at once (a round slower than its lease):
    /// only the holder of the lease [`SCHEDULE_LEASE`] looks and creates,
    /// so they never create two campaigns.
    pub async fn schedule_next(&self) -> Result<Option<i64>, PingError> {
        if !self.settings.schedule {
            return Ok(None);
        }
        let now = self.clock.now();
        let holder = hex::encode(pocdir_domain::entropy::random_bytes::<16>(self.entropy));
        if !self
            .store
            .try_claim_lease(
                SCHEDULE_LEASE,
                &holder,
                now,
                now + time::Duration::minutes(10),
            )
            .await?
        {
            return Ok(None);
        }
        let campaigns = self.store.campaigns().await?;
        let scheduled: Vec<&Campaign> = campaigns
            .iter()
            .filter(|c| c.kind == CampaignKind::Scheduled)
            .collect();
        if scheduled
            .iter()
            .any(|c| c.stored_status == CampaignStatus::Scheduled)
        {
            return Ok(None);
        }
        let last = scheduled
            .iter()
            .filter(|c| c.stored_status != CampaignStatus::Cancelled)
            .map(|c| c.times.starts_at)
            .max()
            .unwrap_or(now);
        let starts_at = next_scheduled_start(Some(last), self.settings.ping.every, now)
            .max(now + time::Duration::minutes(5));
        let date = starts_at.date();
        let draft = CampaignDraft {
            title: format!("{} {}", date.year(), u8::from(date.month())),
            starts_at: Some(starts_at),
            escalate: true,
            ..CampaignDraft::default()
        };
        match self.create_as(&LogActor::system(), None, &draft).await {
            Ok(id) => Ok(Some(id)),
            // Nobody to reach yet: try again on the next run.
            Err(PingError::EmptyScope) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Queues the reminders that are due (the job), each once.
    pub async fn remind_due(&self) -> Result<u64, PingError> {
        const BATCH: u32 = 500;
        let now = self.clock.now();
        let mut queued = 0;
        for campaign in self.store.campaigns_in_window(now).await? {
            let Some(number) = campaign.times.reminders_due(0, now) else {
                continue;
            };
            let number = number as i64;
            let facts = mail::ChallengeFacts {
                base_url: &self.settings.base_url,
                title: &campaign.title,
                answer_by: campaign.times.answer_by,
                now,
            };
            loop {
                let targets = self
                    .store
                    .reminder_targets(campaign.id, number, BATCH)
                    .await?;
                if targets.is_empty() {
                    break;
                }
                let reminders = targets
                    .iter()
                    .map(|t| NewReminder {
                        challenge_id: t.challenge_id,
                        mail: mail::reminder(
                            &facts,
                            campaign.id,
                            number,
                            t.poc_id,
                            &t.participant,
                            &t.email,
                            Lang::from_tag(&t.language).unwrap_or(Lang::En),
                            &t.token,
                        ),
                    })
                    .collect();
                let n = self
                    .store
                    .record_reminders(campaign.id, number, reminders)
                    .await?;
                queued += n;
                if n == 0 {
                    // Another instance took these: it will go on.
                    break;
                }
            }
        }
        Ok(queued)
    }

    /// Tells each State's nominators of its PoCs that did not answer in
    /// time, for campaigns that asked for it (the job), once per campaign.
    pub async fn escalate_due(&self) -> Result<u32, PingError> {
        let now = self.clock.now();
        let mut escalated = 0;
        for campaign in self.store.campaigns_to_escalate(now).await? {
            let mut by_state: BTreeMap<String, Vec<&Challenge>> = BTreeMap::new();
            let challenges = self
                .store
                .challenges(campaign.id, &ChallengeFilter::default())
                .await?;
            for c in &challenges {
                let in_time = c
                    .answered_at
                    .is_some_and(|at| at <= campaign.times.answer_by);
                if !in_time {
                    by_state.entry(c.participant.clone()).or_default().push(c);
                }
            }
            let mut mails = Vec::new();
            let mut log = Vec::new();
            for (state, missing) in &by_state {
                let mut names = Vec::new();
                for c in missing {
                    names.push(self.poc_name(c.poc_id).await?);
                }
                let nominators = self
                    .store
                    .mail_recipients(AccountKind::Nominator, Some(state))
                    .await?;
                for n in &nominators {
                    mails.push(mail::escalation(
                        &self.settings.base_url,
                        campaign.id,
                        &campaign.title,
                        state,
                        n.account_id,
                        &n.email,
                        n.language
                            .as_deref()
                            .and_then(Lang::from_tag)
                            .unwrap_or(Lang::En),
                        &names,
                        now,
                    ));
                }
                let pocs: Vec<i64> = missing.iter().map(|c| c.poc_id).collect();
                log.push(events::ping_test_escalated(now, campaign.id, state, &pocs)?);
            }
            if self
                .store
                .escalate_campaign(campaign.id, now, mails, log)
                .await?
            {
                escalated += 1;
            }
        }
        Ok(escalated)
    }

    async fn poc_name(&self, poc_id: i64) -> Result<String, PingError> {
        Ok(self
            .store
            .poc(poc_id)
            .await?
            .and_then(|p| p.active_details().ok().flatten())
            .map(|d| d.name)
            .unwrap_or_else(|| format!("#{poc_id}")))
    }

    /// What the confirmation page shows for `token`: nothing is recorded.
    pub async fn pending(&self, token: &str) -> Result<Pending, PingError> {
        let (challenge, campaign) = self.by_token(token).await?;
        let now = self.clock.now();
        may_answer(
            campaign.stored_status,
            &campaign.times,
            challenge.answered_at,
            now,
        )
        .map_err(PingError::Refused)?;
        Ok(Pending {
            campaign_id: campaign.id,
            campaign_title: campaign.title.clone(),
            participant: challenge.participant,
            role: challenge.role,
            answer_by: campaign.times.answer_by,
            late: now > campaign.times.answer_by,
        })
    }

    async fn by_token(&self, token: &str) -> Result<(Challenge, Campaign), PingError> {
        let token = token.trim();
        if !plausible_token(token) {
            return Err(PingError::Refused(AnswerRefusal::Unknown));
        }
        let hash = pocdir_domain::credentials::hash_secret(token);
        self.store
            .challenge_by_token(&hash)
            .await?
            .ok_or(PingError::Refused(AnswerRefusal::Unknown))
    }

    /// Answers the challenge of `token` (the button on the confirmation
    /// page, or the API with the token): no account needed, the token is
    /// the proof. The entry names the system as actor and the PoC's State.
    pub async fn answer_with_token(
        &self,
        writer: &dyn AnswerWriter,
        token: &str,
        channel: AnswerChannel,
    ) -> Result<Answered, PingError> {
        let (challenge, campaign) = self.by_token(token).await?;
        self.answer(
            writer,
            challenge,
            campaign,
            channel,
            &LogActor::system(),
            None,
        )
        .await
    }

    /// Answers challenge `challenge_id` as its PoC, signed in (the portal
    /// or the API). Another PoC's challenge is not found.
    pub async fn answer_signed_in(
        &self,
        writer: &dyn AnswerWriter,
        who: &Requester,
        challenge_id: i64,
        channel: AnswerChannel,
    ) -> Result<Answered, PingError> {
        let challenge = self
            .store
            .challenge(challenge_id)
            .await?
            .ok_or(PingError::NotFound)?;
        let mine = self.store.pocs_of_account(who.account_id()).await?;
        if !who.actor.kind.is_poc() || !mine.contains(&challenge.poc_id) {
            return Err(PingError::NotFound);
        }
        let campaign = self
            .store
            .campaign(challenge.campaign_id)
            .await?
            .ok_or(PingError::NotFound)?;
        self.answer(
            writer,
            challenge,
            campaign,
            channel,
            &who.log,
            Some(who.account_id()),
        )
        .await
    }

    async fn answer(
        &self,
        writer: &dyn AnswerWriter,
        challenge: Challenge,
        campaign: Campaign,
        channel: AnswerChannel,
        actor: &LogActor,
        answered_by: Option<i64>,
    ) -> Result<Answered, PingError> {
        let now = self.clock.now();
        may_answer(
            campaign.stored_status,
            &campaign.times,
            challenge.answered_at,
            now,
        )
        .map_err(PingError::Refused)?;
        let log = events::ping_test_answered(
            now,
            actor,
            campaign.id,
            challenge.id,
            challenge.poc_id,
            &challenge.participant,
            channel.as_str(),
        )?;
        let written = writer
            .write(NewAnswer {
                challenge_id: challenge.id,
                at: now,
                channel,
                answered_by,
                log,
            })
            .await?;
        match written {
            AnswerWritten::Recorded => Ok(Answered {
                campaign_id: campaign.id,
                campaign_title: campaign.title.clone(),
                challenge_id: challenge.id,
                at: now,
                outcome: if now <= campaign.times.answer_by {
                    Outcome::InTime
                } else {
                    Outcome::Late
                },
            }),
            AnswerWritten::AlreadyAnswered => Err(PingError::Refused(AnswerRefusal::Used)),
            AnswerWritten::Closed => {
                // Cancelled or closed in between: say which.
                let now_campaign = self.store.campaign(campaign.id).await?;
                Err(PingError::Refused(match now_campaign {
                    Some(c) if c.stored_status == CampaignStatus::Cancelled => {
                        AnswerRefusal::Cancelled
                    }
                    _ => AnswerRefusal::Expired,
                }))
            }
        }
    }

    /// The open challenges of the PoC entries `who` signs in with.
    pub async fn open_challenges(&self, who: &Requester) -> Result<Vec<OpenChallenge>, PingError> {
        if !who.actor.kind.is_poc() {
            return Ok(Vec::new());
        }
        let now = self.clock.now();
        let mine = self.store.pocs_of_account(who.account_id()).await?;
        let mut out = Vec::new();
        for (challenge, campaign) in self.store.open_challenges_of(&mine).await? {
            if campaign.status(now) != CampaignStatus::Running || challenge.answered_at.is_some() {
                continue;
            }
            let poc_name = self.poc_name(challenge.poc_id).await?;
            out.push(OpenChallenge {
                challenge,
                campaign,
                poc_name,
            });
        }
        Ok(out)
    }

    /// The challenges of `who`'s PoC entries in running campaigns, answered
    /// or not (the PoC's home shows both).
    pub async fn my_challenges(&self, who: &Requester) -> Result<Vec<OpenChallenge>, PingError> {
        if !who.actor.kind.is_poc() {
            return Ok(Vec::new());
        }
        let mine = self.store.pocs_of_account(who.account_id()).await?;
        let mut out = Vec::new();
        for (challenge, campaign) in self.store.open_challenges_of(&mine).await? {
            let poc_name = self.poc_name(challenge.poc_id).await?;
            out.push(OpenChallenge {
                challenge,
                campaign,
                poc_name,
            });
        }
        Ok(out)
    }

    /// Records what the secretariat found by another channel.
    pub async fn record_finding(
        &self,
        who: &Requester,
        challenge_id: i64,
        finding: OtherChannelFinding,
        note: &str,
    ) -> Result<(), PingError> {
        if who.actor.kind != AccountKind::Secretariat {
            return Err(PingError::NotFound);
        }
        let note = note.trim();
        if note.chars().count() > 2000 || note.chars().any(|c| c.is_control() && c != '\n') {
            return Err(PingError::Invalid(vec![FieldError {
                field: "note".into(),
                message_id: "ping-error-note",
            }]));
        }
        let challenge = self
            .store
            .challenge(challenge_id)
            .await?
            .ok_or(PingError::NotFound)?;
        let campaign = self
            .store
            .campaign(challenge.campaign_id)
            .await?
            .ok_or(PingError::NotFound)?;
        let now = self.clock.now();
        if campaign.stored_status == CampaignStatus::Scheduled
            || campaign.stored_status == CampaignStatus::Cancelled
        {
            return Err(PingError::NotAllowed("ping-refused-cancelled"));
        }
        if challenge.answered_at.is_some() {
            return Err(PingError::Refused(AnswerRefusal::Used));
        }
        let log = events::ping_test_recorded(
            now,
            &who.log,
            campaign.id,
            challenge.id,
            challenge.poc_id,
            &challenge.participant,
            finding.as_str(),
            &hex_sha256(note.as_bytes()),
        )?;
        match self
            .store
            .record_finding(NewFinding {
                challenge_id,
                finding,
                note: note.to_string(),
                at: now,
                by: who.account_id(),
                log,
            })
            .await
        {
            Ok(()) => Ok(()),
            Err(StoreError::NotAllowed(_)) => Err(PingError::Refused(AnswerRefusal::Used)),
            Err(e) => Err(e.into()),
        }
    }

    /// Cancels a scheduled or running campaign (no more reminders or answers).
    pub async fn cancel(&self, who: &Requester, id: i64) -> Result<(), PingError> {
        let campaign = self.campaign_for_secretariat(who, id).await?;
        let now = self.clock.now();
        if !may_cancel(campaign.status(now)) {
            return Err(PingError::NotAllowed("ping-error-cancel-over"));
        }
        let log = events::ping_test_cancelled(now, &who.log, id);
        if !self.store.cancel_campaign(id, now, log).await? {
            return Err(PingError::NotAllowed("ping-error-cancel-over"));
        }
        Ok(())
    }

    /// Publishes a finished campaign's aggregate figures on the public page.
    pub async fn publish(&self, who: &Requester, id: i64) -> Result<(), PingError> {
        let campaign = self.campaign_for_secretariat(who, id).await?;
        let now = self.clock.now();
        if !may_publish(campaign.status(now)) {
            return Err(PingError::NotAllowed("ping-error-publish-unfinished"));
        }
        let figures = self.aggregates(&campaign).await?;
        let log = events::ping_test_published(now, &who.log, id, &figures)?;
        if !self.store.publish_campaign(id, now, log).await? {
            return Err(PingError::NotAllowed("ping-error-published-already"));
        }
        Ok(())
    }

    async fn campaign_for_secretariat(
        &self,
        who: &Requester,
        id: i64,
    ) -> Result<Campaign, PingError> {
        if who.actor.kind != AccountKind::Secretariat {
            return Err(PingError::NotFound);
        }
        self.store.campaign(id).await?.ok_or(PingError::NotFound)
    }

    /// Every campaign (any reader who may read ping tests sees the list;
    /// what each may see of results is decided by [`Self::results`]).
    pub async fn campaigns(&self, who: &Requester) -> Result<Vec<Campaign>, PingError> {
        match ping_test_view(&who.actor) {
            PingTestView::Public => self.published().await,
            _ => Ok(self.store.campaigns().await?),
        }
    }

    /// The campaigns whose aggregates were published.
    pub async fn published(&self) -> Result<Vec<Campaign>, PingError> {
        Ok(self
            .store
            .campaigns()
            .await?
            .into_iter()
            .filter(|c| c.published_at.is_some())
            .collect())
    }

    /// One campaign, if the reader may know it.
    pub async fn campaign(&self, who: &Requester, id: i64) -> Result<Campaign, PingError> {
        let campaign = self.store.campaign(id).await?.ok_or(PingError::NotFound)?;
        match ping_test_view(&who.actor) {
            PingTestView::Public if campaign.published_at.is_none() => Err(PingError::NotFound),
            _ => Ok(campaign),
        }
    }

    async fn aggregates(&self, campaign: &Campaign) -> Result<Aggregates, PingError> {
        let now = self.clock.now();
        let challenges = self
            .store
            .challenges(campaign.id, &ChallengeFilter::default())
            .await?;
        Ok(aggregates_of(campaign, &challenges, now))
    }

    /// A campaign's published aggregate figures (the public page).
    pub async fn public_figures(&self, id: i64) -> Result<(Campaign, Aggregates), PingError> {
        let campaign = self.store.campaign(id).await?.ok_or(PingError::NotFound)?;
        if campaign.published_at.is_none() {
            return Err(PingError::NotFound);
        }
        let figures = self.aggregates(&campaign).await?;
        Ok((campaign, figures))
    }

    /// A campaign's results as `who` may see them; the secretariat may
    /// narrow the PoC lines to `only_state` (a State always sees its own).
    pub async fn results(
        &self,
        who: &Requester,
        id: i64,
        only_state: Option<&str>,
    ) -> Result<CampaignResults, PingError> {
        let campaign = self.campaign(who, id).await?;
        let now = self.clock.now();
        let status = campaign.status(now);
        let all = self
            .store
            .challenges(campaign.id, &ChallengeFilter::default())
            .await?;
        let overall = aggregates_of(&campaign, &all, now);
        let visible_state: Option<String> = match ping_test_view(&who.actor) {
            PingTestView::All => only_state.map(str::to_string),
            PingTestView::OwnState(own) => Some(own),
            PingTestView::Public => {
                return Ok(CampaignResults {
                    campaign,
                    status,
                    overall,
                    states: Vec::new(),
                    pocs: Vec::new(),
                })
            }
        };
        let may_see_all = matches!(ping_test_view(&who.actor), PingTestView::All);
        let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
        for c in &all {
            if may_see_all || visible_state.as_deref() == Some(c.participant.as_str()) {
                tallies
                    .entry(c.participant.clone())
                    .or_default()
                    .add(c.outcome(&campaign, now));
            }
        }
        let states = tallies
            .into_iter()
            .map(|(participant, tally)| StateResult {
                participant,
                reach: StateReach::of(&tally),
                tally,
            })
            .collect();
        let mut pocs = Vec::new();
        if let Some(state) = &visible_state {
            let names: BTreeMap<i64, String> = self
                .store
                .pocs_of(state)
                .await?
                .into_iter()
                .map(|p| {
                    let name = p
                        .active_details()
                        .ok()
                        .flatten()
                        .map(|d| d.name)
                        .unwrap_or_default();
                    (p.id, name)
                })
                .collect();
            for c in all.into_iter().filter(|c| &c.participant == state) {
                let outcome = c.outcome(&campaign, now);
                let response_seconds = c
                    .answered_at
                    .map(|at| response_time(at, &campaign.times).whole_seconds());
                pocs.push(PocResult {
                    name: names.get(&c.poc_id).cloned().unwrap_or_default(),
                    challenge: c,
                    outcome,
                    response_seconds,
                });
            }
        }
        Ok(CampaignResults {
            campaign,
            status,
            overall,
            states,
            pocs,
        })
    }

    /// The trend across started campaigns, oldest first: overall, and for
    /// the reader's own State (or `state`, for the secretariat).
    pub async fn trend(
        &self,
        who: &Requester,
        state: Option<&str>,
    ) -> Result<Vec<TrendPoint>, PingError> {
        let view = ping_test_view(&who.actor);
        let state: Option<String> = match &view {
            PingTestView::All => state.map(str::to_string),
            PingTestView::OwnState(own) => Some(own.clone()),
            PingTestView::Public => None,
        };
        let mut campaigns: Vec<Campaign> = self
            .campaigns(who)
            .await?
            .into_iter()
            .filter(|c| c.started_at.is_some())
            .collect();
        campaigns.sort_by_key(|c| (c.times.starts_at, c.id));
        let ids: Vec<i64> = campaigns.iter().map(|c| c.id).collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let now = self.clock.now();
        let tallies = self.store.state_tallies(&ids, now).await?;
        Ok(campaigns
            .into_iter()
            .map(|c| {
                let mut overall = Tally::default();
                let mut own: Option<Tally> = None;
                for t in tallies.iter().filter(|t| t.campaign_id == c.id) {
                    overall.merge(&t.tally);
                    if state.as_deref() == Some(t.participant.as_str()) {
                        own = Some(t.tally);
                    }
                }
                TrendPoint {
                    campaign_id: c.id,
                    title: c.title,
                    starts_at: c.times.starts_at,
                    overall,
                    state: own,
                }
            })
            .collect())
    }
}

/// The overall figures of a campaign's challenges.
pub fn aggregates_of(
    campaign: &Campaign,
    challenges: &[Challenge],
    now: OffsetDateTime,
) -> Aggregates {
    let mut tally = Tally::default();
    let mut by_state: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut responses = Vec::new();
    for c in challenges {
        let outcome = c.outcome(campaign, now);
        tally.add(outcome);
        by_state.entry(&c.participant).or_default().add(outcome);
        if let Some(at) = c.answered_at {
            responses.push(response_time(at, &campaign.times));
        }
    }
    Aggregates {
        tally,
        states: ReachCounts::of(by_state.values()),
        distribution: Distribution::of(responses),
    }
}
