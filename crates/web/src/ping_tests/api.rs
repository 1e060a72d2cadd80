//! Ping tests over the JSON API: the campaigns, creating, cancelling and
//! publishing one (the secretariat), its results as the reader may see
//! them, a PoC's challenges, and answering one, signed in or with the
//! mailed token. Everything goes through `pocdir_ping_tests`, which decides
//! what each reader sees; this module only reads requests and writes
//! answers.
//!
//! The token route (`POST /api/v1/ping-tests/answer`) needs no account:
//! the token is the credential. Like every API route it is outside the
//! form CSRF check (`csrf_protect` skips machine paths); `authenticate`
//! asks for the CSRF header only of a write that carries a session cookie,
//! so an anonymous client (no cookie, no bearer token) is served with no
//! session lookup at all.

use super::{service, settings};
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use pocdir_domain::directory::poc::PocRole;
use pocdir_domain::ping_test::campaign::{
    CampaignDraft, CampaignKind, CampaignStatus, Scope, ScopeRoles,
};
use pocdir_domain::ping_test::challenge::{AnswerChannel, OtherChannelFinding, Outcome};
use pocdir_domain::ping_test::results::{
    Distribution, ReachCounts, ResponseBand, StateReach, Tally,
};
use pocdir_ping_tests::{
    Aggregates, Answered, CampaignResults, OpenChallenge, PocResult, StateResult,
};
use pocdir_store::Campaign;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, OpenApi, ToSchema};

// ---------------------------------------------------------------- names

/// The roles a campaign reaches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RolesName {
    #[default]
    Both,
    Diplomatic,
    Technical,
}

impl From<RolesName> for ScopeRoles {
    fn from(r: RolesName) -> Self {
        match r {
            RolesName::Both => ScopeRoles::Both,
            RolesName::Diplomatic => ScopeRoles::Diplomatic,
            RolesName::Technical => ScopeRoles::Technical,
        }
    }
}

impl From<ScopeRoles> for RolesName {
    fn from(r: ScopeRoles) -> Self {
        match r {
            ScopeRoles::Both => RolesName::Both,
            ScopeRoles::Diplomatic => RolesName::Diplomatic,
            ScopeRoles::Technical => RolesName::Technical,
        }
    }
}

/// How a campaign came to be: by the schedule, or by the secretariat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    Scheduled,
    AdHoc,
}

impl From<CampaignKind> for KindName {
    fn from(k: CampaignKind) -> Self {
        match k {
            CampaignKind::Scheduled => KindName::Scheduled,
            CampaignKind::AdHoc => KindName::AdHoc,
        }
    }
}

/// Where a campaign is: `scheduled` (nothing sent yet), `running` (answers
/// recorded), `finished` (closed, results final) or `cancelled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusName {
    Scheduled,
    Running,
    Finished,
    Cancelled,
}

impl From<CampaignStatus> for StatusName {
    fn from(s: CampaignStatus) -> Self {
        match s {
            CampaignStatus::Scheduled => StatusName::Scheduled,
            CampaignStatus::Running => StatusName::Running,
            CampaignStatus::Finished => StatusName::Finished,
            CampaignStatus::Cancelled => StatusName::Cancelled,
        }
    }
}

/// What became of one PoC's challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeName {
    InTime,
    Late,
    NoAnswer,
    Undeliverable,
    Awaiting,
}

impl From<Outcome> for OutcomeName {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::InTime => OutcomeName::InTime,
            Outcome::Late => OutcomeName::Late,
            Outcome::NoAnswer => OutcomeName::NoAnswer,
            Outcome::Undeliverable => OutcomeName::Undeliverable,
            Outcome::Awaiting => OutcomeName::Awaiting,
        }
    }
}

/// How a State did: every PoC answered, some, none, or none yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReachName {
    All,
    Partly,
    None,
    Awaiting,
}

impl From<StateReach> for ReachName {
    fn from(r: StateReach) -> Self {
        match r {
            StateReach::All => ReachName::All,
            StateReach::Partly => ReachName::Partly,
            StateReach::None => ReachName::None,
            StateReach::Awaiting => ReachName::Awaiting,
        }
    }
}

/// How an answer reached pocdir.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelName {
    Link,
    Portal,
    Api,
    OtherChannel,
}

impl From<AnswerChannel> for ChannelName {
    fn from(c: AnswerChannel) -> Self {
        match c {
            AnswerChannel::Link => ChannelName::Link,
            AnswerChannel::Portal => ChannelName::Portal,
            AnswerChannel::Api => ChannelName::Api,
            AnswerChannel::OtherChannel => ChannelName::OtherChannel,
        }
    }
}

/// What the secretariat found by another channel (phone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingName {
    Reached,
    NotReached,
}

impl From<OtherChannelFinding> for FindingName {
    fn from(f: OtherChannelFinding) -> Self {
        match f {
            OtherChannelFinding::Reached => FindingName::Reached,
            OtherChannelFinding::NotReached => FindingName::NotReached,
        }
    }
}

/// A PoC's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleName {
    Diplomatic,
    Technical,
}

impl From<PocRole> for RoleName {
    fn from(r: PocRole) -> Self {
        match r {
            PocRole::Diplomatic => RoleName::Diplomatic,
            PocRole::Technical => RoleName::Technical,
        }
    }
}

// ---------------------------------------------------------------- requests

/// Whom a campaign reaches: the PoCs of `roles` (`both` when absent) of
/// every participating State, or only of `regions`, or only of `states`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ScopeBody {
    pub roles: RolesName,
    /// UN M49 region names as the participants list has them; empty: any.
    pub regions: Vec<String>,
    /// ISO 3166-1 alpha-3 codes of participating States; empty: any.
    pub states: Vec<String>,
}

impl From<&Scope> for ScopeBody {
    fn from(s: &Scope) -> Self {
        ScopeBody {
            roles: s.roles.into(),
            regions: s.regions.clone(),
            states: s.states.clone(),
        }
    }
}

/// A new campaign. Every field but `title` may be left out.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRequest {
    /// At most 200 characters.
    pub title: String,
    /// When it starts (RFC 3339); absent or null: now (an ad-hoc campaign,
    /// mailed at once). At most three years ahead; never in the past.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub starts_at: Option<OffsetDateTime>,
    /// Hours to answer in time, 1 to 720; absent: the configured default.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 720)]
    pub window_hours: Option<i64>,
    /// Hours after the start at which those who have not answered are
    /// reminded (at most 5, each inside the window); absent: the defaults.
    #[serde(default)]
    pub reminder_hours: Option<Vec<i64>>,
    /// Absent: everyone.
    #[serde(default)]
    pub scope: ScopeBody,
    /// Tell PoCs in advance (a campaign that starts later only).
    #[serde(default)]
    pub announced: bool,
    /// Tell a State's nominators of its PoCs that did not answer in time.
    #[serde(default)]
    pub escalate: bool,
}

impl CreateRequest {
    pub fn draft(&self) -> CampaignDraft {
        CampaignDraft {
            title: self.title.clone(),
            starts_at: self.starts_at,
            window_hours: self.window_hours,
            reminder_hours: self.reminder_hours.clone(),
            scope: Scope {
                roles: self.scope.roles.into(),
                regions: self.scope.regions.clone(),
                states: self.scope.states.clone(),
            },
            announced: self.announced,
            escalate: self.escalate,
        }
    }
}

/// The query of a campaign's results.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ResultsQuery {
    /// The secretariat: the State whose PoC lines to give (ISO 3166-1
    /// alpha-3); without it, no PoC lines. Ignored for a State's reader,
    /// who always gets its own State's.
    #[param(example = "PAK")]
    pub state: Option<String>,
}

/// An answer with the mailed token.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenAnswerRequest {
    /// The token of the mailed link (`pdp_` and 43 characters; the last
    /// part of `/ping/{token}`).
    #[schema(example = "pdp_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")]
    pub token: String,
}

// ---------------------------------------------------------------- answers

/// A campaign.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignBody {
    pub id: i64,
    pub title: String,
    pub kind: KindName,
    /// As it is now.
    pub status: StatusName,
    pub scope: ScopeBody,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub starts_at: OffsetDateTime,
    /// The end of the window: answers after it are late.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub answer_by: OffsetDateTime,
    /// No answers are recorded after it.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub closes_at: OffsetDateTime,
    /// Hours after the start of each reminder.
    pub reminder_hours: Vec<i64>,
    pub announced: bool,
    pub escalate: bool,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub started_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub cancelled_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub escalated_at: Option<OffsetDateTime>,
    /// When its aggregate figures went on the public page.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub published_at: Option<OffsetDateTime>,
}

impl CampaignBody {
    fn of(c: &Campaign, now: OffsetDateTime) -> Self {
        CampaignBody {
            id: c.id,
            title: c.title.clone(),
            kind: c.kind.into(),
            status: c.status(now).into(),
            scope: (&c.scope).into(),
            starts_at: c.times.starts_at,
            answer_by: c.times.answer_by,
            closes_at: c.times.closes_at,
            reminder_hours: c.times.reminders.iter().map(|d| d.whole_hours()).collect(),
            announced: c.announced,
            escalate: c.escalate,
            created_at: c.created_at,
            started_at: c.started_at,
            cancelled_at: c.cancelled_at,
            escalated_at: c.escalated_at,
            published_at: c.published_at,
        }
    }
}

/// How many challenges ended each way.
#[derive(Debug, Serialize, ToSchema)]
pub struct TallyBody {
    pub in_time: u64,
    pub late: u64,
    pub no_answer: u64,
    pub undeliverable: u64,
    pub awaiting: u64,
    pub total: u64,
}

impl From<&Tally> for TallyBody {
    fn from(t: &Tally) -> Self {
        TallyBody {
            in_time: t.in_time,
            late: t.late,
            no_answer: t.no_answer,
            undeliverable: t.undeliverable,
            awaiting: t.awaiting,
            total: t.total(),
        }
    }
}

/// How many States reached each way.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReachCountsBody {
    pub all: u64,
    pub partly: u64,
    pub none: u64,
    pub awaiting: u64,
}

impl From<&ReachCounts> for ReachCountsBody {
    fn from(r: &ReachCounts) -> Self {
        ReachCountsBody {
            all: r.all,
            partly: r.partly,
            none: r.none,
            awaiting: r.awaiting,
        }
    }
}

/// Answers in one band of response time (from the start).
#[derive(Debug, Serialize, ToSchema)]
pub struct BandBody {
    /// `under_1h`, `1h_4h`, `4h_12h`, `12h_24h`, `24h_48h`, `48h_72h` or
    /// `over_72h`.
    pub band: String,
    pub answers: u64,
}

/// How fast PoCs answered.
#[derive(Debug, Serialize, ToSchema)]
pub struct DistributionBody {
    pub bands: Vec<BandBody>,
    pub answers: u64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

impl From<&Distribution> for DistributionBody {
    fn from(d: &Distribution) -> Self {
        DistributionBody {
            bands: d
                .bands
                .iter()
                .map(|(band, answers): &(ResponseBand, u64)| BandBody {
                    band: band.as_str().to_string(),
                    answers: *answers,
                })
                .collect(),
            answers: d.answers,
            median_seconds: d.median_seconds,
            p90_seconds: d.p90_seconds,
        }
    }
}

/// The overall figures of a campaign (every State may see them).
#[derive(Debug, Serialize, ToSchema)]
pub struct AggregatesBody {
    /// Every PoC of the campaign.
    pub tally: TallyBody,
    /// Every State of the campaign.
    pub states: ReachCountsBody,
    pub distribution: DistributionBody,
}

impl From<&Aggregates> for AggregatesBody {
    fn from(a: &Aggregates) -> Self {
        AggregatesBody {
            tally: (&a.tally).into(),
            states: (&a.states).into(),
            distribution: (&a.distribution).into(),
        }
    }
}

/// One State's line.
#[derive(Debug, Serialize, ToSchema)]
pub struct StateLineBody {
    /// ISO 3166-1 alpha-3.
    pub state: String,
    pub reach: ReachName,
    pub tally: TallyBody,
}

impl From<&StateResult> for StateLineBody {
    fn from(s: &StateResult) -> Self {
        StateLineBody {
            state: s.participant.clone(),
            reach: s.reach.into(),
            tally: (&s.tally).into(),
        }
    }
}

/// One PoC's line.
#[derive(Debug, Serialize, ToSchema)]
pub struct PocLineBody {
    pub challenge_id: i64,
    pub poc_id: i64,
    /// As the directory has it (empty when unreadable).
    pub name: String,
    pub state: String,
    pub role: RoleName,
    pub outcome: OutcomeName,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub answered_at: Option<OffsetDateTime>,
    pub channel: Option<ChannelName>,
    /// From the start to the answer.
    pub response_seconds: Option<i64>,
    /// What the secretariat found by another channel, if it checked.
    pub finding: Option<FindingName>,
    pub reminders_sent: i64,
}

impl From<&PocResult> for PocLineBody {
    fn from(p: &PocResult) -> Self {
        let c = &p.challenge;
        PocLineBody {
            challenge_id: c.id,
            poc_id: c.poc_id,
            name: p.name.clone(),
            state: c.participant.clone(),
            role: c.role.into(),
            outcome: p.outcome.into(),
            answered_at: c.answered_at,
            channel: c.channel.map(Into::into),
            response_seconds: p.response_seconds,
            finding: c.finding.map(Into::into),
            reminders_sent: c.reminders_sent,
        }
    }
}

/// A campaign's results as the reader may see them: the overall figures
/// always; the lines of every State and, with `?state=`, that State's PoCs
/// (the secretariat); the reader's own State and its PoCs (a State).
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsBody {
    pub campaign: CampaignBody,
    pub overall: AggregatesBody,
    pub states: Vec<StateLineBody>,
    pub pocs: Vec<PocLineBody>,
}

impl ResultsBody {
    fn of(r: &CampaignResults, now: OffsetDateTime) -> Self {
        ResultsBody {
            campaign: CampaignBody::of(&r.campaign, now),
            overall: (&r.overall).into(),
            states: r.states.iter().map(Into::into).collect(),
            pocs: r.pocs.iter().map(Into::into).collect(),
        }
    }
}

/// One of the signed-in PoC's challenges in a running campaign.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeBody {
    /// Answer it at `/api/v1/ping-tests/challenges/{id}/answer`.
    pub id: i64,
    pub campaign_id: i64,
    pub campaign_title: String,
    pub poc_id: i64,
    pub poc_name: String,
    pub state: String,
    pub role: RoleName,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub answer_by: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub closes_at: OffsetDateTime,
    /// Null while not answered.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub answered_at: Option<OffsetDateTime>,
    pub outcome: OutcomeName,
}

impl ChallengeBody {
    fn of(o: &OpenChallenge, now: OffsetDateTime) -> Self {
        ChallengeBody {
            id: o.challenge.id,
            campaign_id: o.campaign.id,
            campaign_title: o.campaign.title.clone(),
            poc_id: o.challenge.poc_id,
            poc_name: o.poc_name.clone(),
            state: o.challenge.participant.clone(),
            role: o.challenge.role.into(),
            answer_by: o.campaign.times.answer_by,
            closes_at: o.campaign.times.closes_at,
            answered_at: o.challenge.answered_at,
            outcome: o.challenge.outcome(&o.campaign, now).into(),
        }
    }
}

/// An answer recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnsweredBody {
    pub campaign_id: i64,
    /// `in_time` or `late`.
    pub outcome: OutcomeName,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub answered_at: OffsetDateTime,
}

impl From<Answered> for AnsweredBody {
    fn from(a: Answered) -> Self {
        AnsweredBody {
            campaign_id: a.campaign_id,
            outcome: a.outcome.into(),
            answered_at: a.at,
        }
    }
}

// ---------------------------------------------------------------- handlers

#[utoipa::path(get, path = "/api/v1/ping-tests", tag = "ping-tests",
    responses(
        (status = 200, description = "Every campaign, as stored (what each reader may see of results is the results' business)", body = [CampaignBody]),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<CampaignBody>>, AppError> {
    let settings = settings(&state);
    let campaigns = service(&state, &settings)
        .campaigns(&me.requester())
        .await?;
    let now = state.clock.now();
    Ok(Json(
        campaigns.iter().map(|c| CampaignBody::of(c, now)).collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/ping-tests", tag = "ping-tests",
    request_body = CreateRequest,
    responses(
        (status = 201, description = "Created (logged): started at once and its challenges mailed when it starts now, else scheduled (advance notices mailed when announced); the campaign",
            body = CampaignBody,
            headers(("Location" = String, description = "`/api/v1/ping-tests/{id}`"))),
        (status = 422, description = "`invalid_fields`: each field's problem (`title`; `starts_at` in the past or more than three years ahead; `window_hours` outside 1 to 720; `reminder_hours` too many or outside the window; `scope.regions` or `scope.states` unknown; `announced` for a campaign that starts now; `scope`: no active PoC in it)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(req): ApiJson<CreateRequest>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let pings = service(&state, &settings);
    let who = me.requester();
    let id = pings.create(&who, &req.draft()).await?;
    let campaign = pings.campaign(&who, id).await?;
    let body = CampaignBody::of(&campaign, state.clock.now());
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/ping-tests/{id}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

#[utoipa::path(get, path = "/api/v1/ping-tests/{id}", tag = "ping-tests",
    params(("id" = i64, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "The campaign", body = CampaignBody),
        (status = 404, description = "No such campaign", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn one(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<CampaignBody>, AppError> {
    let settings = settings(&state);
    let campaign = service(&state, &settings)
        .campaign(&me.requester(), id)
        .await?;
    Ok(Json(CampaignBody::of(&campaign, state.clock.now())))
}

#[utoipa::path(get, path = "/api/v1/ping-tests/{id}/results", tag = "ping-tests",
    params(("id" = i64, Path, description = "Campaign id"), ResultsQuery),
    responses(
        (status = 200, description = "The results as the reader may see them: the overall figures; the secretariat every State's line and, with `state`, that State's PoC lines; a State's nominator or PoC only its own State's line and PoC lines, never another State's", body = ResultsBody),
        (status = 404, description = "No such campaign", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn results(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    QueryParams(query): QueryParams<ResultsQuery>,
) -> Result<Json<ResultsBody>, AppError> {
    let only_state = query
        .state
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_uppercase);
    let settings = settings(&state);
    let results = service(&state, &settings)
        .results(&me.requester(), id, only_state.as_deref())
        .await?;
    Ok(Json(ResultsBody::of(&results, state.clock.now())))
}

#[utoipa::path(post, path = "/api/v1/ping-tests/{id}/cancel", tag = "ping-tests",
    params(("id" = i64, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Cancelled (logged): no more reminders, no more answers; the campaign", body = CampaignBody),
        (status = 404, description = "No such campaign", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: only a scheduled or running campaign is cancelled", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn cancel(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<CampaignBody>, AppError> {
    let settings = settings(&state);
    let pings = service(&state, &settings);
    let who = me.requester();
    pings.cancel(&who, id).await?;
    let campaign = pings.campaign(&who, id).await?;
    Ok(Json(CampaignBody::of(&campaign, state.clock.now())))
}

#[utoipa::path(post, path = "/api/v1/ping-tests/{id}/publish", tag = "ping-tests",
    params(("id" = i64, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Published (logged): the campaign's aggregate figures are on the public page; the campaign", body = CampaignBody),
        (status = 404, description = "No such campaign", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: only a finished campaign is published, and once", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn publish(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<CampaignBody>, AppError> {
    let settings = settings(&state);
    let pings = service(&state, &settings);
    let who = me.requester();
    pings.publish(&who, id).await?;
    let campaign = pings.campaign(&who, id).await?;
    Ok(Json(CampaignBody::of(&campaign, state.clock.now())))
}

#[utoipa::path(get, path = "/api/v1/ping-tests/challenges", tag = "ping-tests",
    responses(
        (status = 200, description = "The signed-in PoC's challenges in running campaigns, answered or not", body = [ChallengeBody]),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn challenges(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<ChallengeBody>>, AppError> {
    let settings = settings(&state);
    let mine = service(&state, &settings)
        .my_challenges(&me.requester())
        .await?;
    let now = state.clock.now();
    Ok(Json(
        mine.iter().map(|o| ChallengeBody::of(o, now)).collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/ping-tests/challenges/{id}/answer", tag = "ping-tests",
    params(("id" = i64, Path, description = "Challenge id (from `/api/v1/ping-tests/challenges`)")),
    responses(
        (status = 200, description = "Recorded (logged) as answered through the API by the signed-in PoC", body = AnsweredBody),
        (status = 404, description = "`not_found`: no such challenge, or another PoC's", body = ErrorBody),
        (status = 409, description = "`challenge_used`: it was answered already", body = ErrorBody),
        (status = 410, description = "`challenge_expired`: the campaign closed; or `campaign_cancelled`: the secretariat cancelled it. Nothing recorded", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn answer_signed_in(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<AnsweredBody>, AppError> {
    let settings = settings(&state);
    let answered = service(&state, &settings)
        .answer_signed_in(&state.ping_answers, &me.requester(), id, AnswerChannel::Api)
        .await?;
    Ok(Json(answered.into()))
}

#[utoipa::path(post, path = "/api/v1/ping-tests/answer", tag = "ping-tests",
    request_body = TokenAnswerRequest,
    responses(
        (status = 200, description = "Recorded (logged) as answered through the API. No account needed: the mailed token is the credential (send neither a session cookie nor a bearer token)", body = AnsweredBody),
        (status = 404, description = "`challenge_unknown`: no challenge has this token (mistyped, forged). Nothing recorded", body = ErrorBody),
        (status = 409, description = "`challenge_used`: it was answered already", body = ErrorBody),
        (status = 410, description = "`challenge_expired`: the campaign closed; or `campaign_cancelled`: the secretariat cancelled it. Nothing recorded", body = ErrorBody),
    ))]
pub async fn answer_with_token(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<TokenAnswerRequest>,
) -> Result<Json<AnsweredBody>, AppError> {
    let settings = settings(&state);
    let answered = service(&state, &settings)
        .answer_with_token(&state.ping_answers, &req.token, AnswerChannel::Api)
        .await?;
    Ok(Json(answered.into()))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        create,
        one,
        results,
        cancel,
        publish,
        challenges,
        answer_signed_in,
        answer_with_token
    ),
    components(schemas(
        RolesName,
        KindName,
        StatusName,
        OutcomeName,
        ReachName,
        ChannelName,
        FindingName,
        RoleName,
        ScopeBody,
        CreateRequest,
        TokenAnswerRequest,
        CampaignBody,
        TallyBody,
        ReachCountsBody,
        BandBody,
        DistributionBody,
        AggregatesBody,
        StateLineBody,
        PocLineBody,
        ResultsBody,
        ChallengeBody,
        AnsweredBody,
    ))
)]
struct PingTestsApi;

/// The API's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    PingTestsApi::openapi()
}
