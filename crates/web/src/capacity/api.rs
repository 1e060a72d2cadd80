//! Capacity building over the JSON API: the requests the reader may see
//! (filtered like the page), one with its offers and follow-ups as the
//! reader may see them, filing, offering, the requester's selection and
//! follow-ups, the secretariat's acknowledgement and confirmation. Each
//! goes the same way as the pages' (`steps.rs`).

use super::pages::{ListFilter, ListQuery};
use super::steps::{self, Caller, Participants};
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use pocdir_domain::capacity::funding::{format_amount, FundingDraft};
use pocdir_domain::capacity::matching::{acknowledgement_due, ClockState, ServiceClock};
use pocdir_domain::capacity::request::{OfferDraft, OutcomeDraft, RequestDraft};
use pocdir_domain::capacity::{
    Area, Format, FundingStage, Milestone, OfferStatus, Outcome, RequestStatus, RequestStep,
    Visibility,
};
use pocdir_domain::policy::CapacityView;
use pocdir_store::{CapacityFunding, CapacityOffer, CapacityRequest, FollowUp};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// A service clock: when it is due, when it was met, where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClockBody {
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub due: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub done: Option<OffsetDateTime>,
    pub state: ClockState,
}

fn clock(c: ServiceClock, now: OffsetDateTime) -> ClockBody {
    ClockBody {
        due: c.due,
        done: c.done,
        state: c.state(now),
    }
}

/// A request as its reader may see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestBody {
    pub id: i64,
    /// The requesting State's code; absent for a provider while the
    /// request is anonymous to it.
    pub requester: Option<String>,
    pub areas: Vec<Area>,
    pub description: String,
    pub languages: Vec<String>,
    pub format: Format,
    /// `YYYY-MM-DD`.
    pub needed_by: String,
    pub funding_needed: bool,
    pub visibility: Visibility,
    /// The providers a `named_providers` request names (to the requester
    /// and the secretariat only).
    pub named_providers: Vec<String>,
    pub status: RequestStatus,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub filed_at: OffsetDateTime,
    /// The secretariat acknowledges within 5 working days.
    pub acknowledgement: ClockBody,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub selected_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub confirmed_at: Option<OffsetDateTime>,
    /// Whether the reader's participant filed it.
    pub own: bool,
}

fn request_body(r: &CapacityRequest, view: CapacityView, now: OffsetDateTime) -> RequestBody {
    let full = matches!(view, CapacityView::Coordinator | CapacityView::Requester);
    let named = !matches!(
        view,
        CapacityView::Provider {
            requester_named: false
        }
    );
    RequestBody {
        id: r.id,
        requester: named.then(|| r.participant.clone()),
        areas: r.areas.clone(),
        description: r.description.clone(),
        languages: r.languages.clone(),
        format: r.format,
        needed_by: r.needed_by.to_string(),
        funding_needed: r.funding_needed,
        visibility: r.visibility,
        named_providers: if full { r.named.clone() } else { Vec::new() },
        status: r.status,
        filed_at: r.filed_at,
        acknowledgement: clock(
            ServiceClock {
                due: acknowledgement_due(r.filed_at),
                done: r.acknowledged_at,
            },
            now,
        ),
        selected_at: r.selected_at,
        confirmed_at: r.confirmed_at,
        own: view == CapacityView::Requester,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferBody {
    pub id: i64,
    /// The providing participant's code.
    pub provider: String,
    pub description: String,
    pub languages: Vec<String>,
    pub format: Format,
    pub funded: bool,
    pub status: OfferStatus,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub offered_at: OffsetDateTime,
}

impl From<CapacityOffer> for OfferBody {
    fn from(o: CapacityOffer) -> Self {
        OfferBody {
            id: o.id,
            provider: o.provider,
            description: o.description,
            languages: o.languages,
            format: o.format,
            funded: o.funded,
            status: o.status,
            offered_at: o.offered_at,
        }
    }
}

/// A follow-up: its clock and, once reported, its outcome.
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpBody {
    pub milestone: Milestone,
    pub clock: ClockBody,
    pub outcome: Option<Outcome>,
    pub what_changed: Option<String>,
}

/// One request with the offers and follow-ups its reader may see.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestDetail {
    pub request: RequestBody,
    /// Every offer (requester, secretariat) or the reader's own (a provider).
    pub offers: Vec<OfferBody>,
    pub follow_ups: Vec<FollowUpBody>,
}

fn follow_ups(r: &CapacityRequest, reports: &[FollowUp], now: OffsetDateTime) -> Vec<FollowUpBody> {
    let Some(selected_at) = r.selected_at else {
        return Vec::new();
    };
    Milestone::ALL
        .iter()
        .map(|m| {
            let report = reports.iter().find(|f| f.milestone == *m);
            FollowUpBody {
                milestone: *m,
                clock: clock(
                    ServiceClock {
                        due: m.due(selected_at),
                        done: report.map(|f| f.reported_at),
                    },
                    now,
                ),
                outcome: report.map(|f| f.outcome),
                what_changed: report.map(|f| f.what_changed.clone()),
            }
        })
        .collect()
}

async fn detail(state: &AppState, me: &SignedIn, id: i64) -> Result<RequestDetail, AppError> {
    let participants = Participants::load(state.store.as_ref()).await?;
    let (r, view) = steps::one(&Caller::of(state, me), &participants, id).await?;
    let offers = steps::offers_seen(&Caller::of(state, me), &r, view).await?;
    let reports = state.store.capacity_follow_ups(id).await?;
    let now = state.clock.now();
    Ok(RequestDetail {
        follow_ups: follow_ups(&r, &reports, now),
        offers: offers.into_iter().map(OfferBody::from).collect(),
        request: request_body(&r, view, now),
    })
}

/// The list's filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// One area of the taxonomy.
    #[serde(default)]
    pub area: String,
    /// A UN language code.
    #[serde(default)]
    pub language: String,
    /// Only requests needed by this date (`YYYY-MM-DD`) or sooner.
    #[serde(default)]
    pub needed_before: String,
    /// `open` (the default), `mine` or `all`.
    #[serde(default)]
    pub show: String,
}

#[utoipa::path(get, path = "/api/v1/capacity/requests", tag = "capacity",
    params(ListParams),
    responses(
        (status = 200, description = "The requests the reader may see (newest first) that the filters keep: its State's own, the open requests offered to its participant, those it offered on, or all (the secretariat). Requests it may not see are neither listed nor counted", body = [RequestBody]),
        (status = 400, description = "`bad_request`: an unknown area, language, date or `show`", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(p): QueryParams<ListParams>,
) -> Result<Json<Vec<RequestBody>>, AppError> {
    let filter = ListFilter::parse(&ListQuery {
        area: p.area,
        language: p.language,
        needed_before: p.needed_before,
        show: p.show,
        done: None,
    })?;
    let participants = Participants::load(state.store.as_ref()).await?;
    let now = state.clock.now();
    Ok(Json(
        steps::visible(&Caller::of(&state, &me), &participants)
            .await?
            .into_iter()
            .filter(|(r, view)| filter.keeps(r, *view))
            .map(|(r, view)| request_body(&r, view, now))
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/capacity/requests/{id}", tag = "capacity",
    params(("id" = i64, Path, description = "Request id")),
    responses(
        (status = 200, description = "The request, its offers and its follow-ups as the reader may see them", body = RequestDetail),
        (status = 404, description = "No such request, or none the reader may see", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn one(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<RequestDetail>, AppError> {
    Ok(Json(detail(&state, &me, id).await?))
}

#[utoipa::path(post, path = "/api/v1/capacity/requests", tag = "capacity",
    request_body = RequestDraft,
    responses(
        (status = 201, description = "Filed (logged); the secretariat acknowledges it within 5 working days", body = RequestDetail),
        (status = 409, description = "`not_allowed_now`: the reader's participant is not a participating State", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: no area or an unknown one, no description or one too long, no UN language, an unknown format, a date missing, past or more than 5 years ahead, an unknown visibility, no or unknown named providers. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn file(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(draft): ApiJson<RequestDraft>,
) -> Result<(StatusCode, Json<RequestDetail>), AppError> {
    let r = steps::file(&Caller::of(&state, &me), &draft).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &me, r.id).await?)))
}

#[utoipa::path(post, path = "/api/v1/capacity/requests/{id}/offers", tag = "capacity",
    params(("id" = i64, Path, description = "Request id")),
    request_body = OfferDraft,
    responses(
        (status = 201, description = "Offered (logged)", body = OfferBody),
        (status = 404, description = "No such request, or none the reader may see", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: the request is closed to offers, is the reader's own, the reader's participant has an open offer on it already or does not take part. Nothing written", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: no description or one too long, no UN language, an unknown format. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn offer(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(draft): ApiJson<OfferDraft>,
) -> Result<(StatusCode, Json<OfferBody>), AppError> {
    let o = steps::offer(&Caller::of(&state, &me), id, &draft).await?;
    Ok((StatusCode::CREATED, Json(o.into())))
}

/// The offer a requester selects.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectRequest {
    pub offer: i64,
}

async fn stepped(
    state: &AppState,
    me: &SignedIn,
    id: i64,
    step: RequestStep,
    offer: Option<i64>,
) -> Result<Json<RequestDetail>, AppError> {
    steps::step(&Caller::of(state, me), id, step, offer).await?;
    Ok(Json(detail(state, me, id).await?))
}

#[utoipa::path(post, path = "/api/v1/capacity/requests/{id}/select", tag = "capacity",
    params(("id" = i64, Path, description = "Request id")),
    request_body = SelectRequest,
    responses(
        (status = 200, description = "Selected (logged): the other open offers are not selected; the secretariat confirms the match", body = RequestDetail),
        (status = 404, description = "No such request of the reader's State", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: an offer is already selected, the request is closed, or the offer is not open on it. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn select(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<SelectRequest>,
) -> Result<Json<RequestDetail>, AppError> {
    stepped(&state, &me, id, RequestStep::Select, Some(req.offer)).await
}

#[utoipa::path(post, path = "/api/v1/capacity/requests/{id}/acknowledge", tag = "capacity",
    params(("id" = i64, Path, description = "Request id")),
    responses(
        (status = 200, description = "Acknowledged (logged)", body = RequestDetail),
        (status = 404, description = "No such request", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: already acknowledged, or past filing. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn acknowledge(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<RequestDetail>, AppError> {
    stepped(&state, &me, id, RequestStep::Acknowledge, None).await
}

#[utoipa::path(post, path = "/api/v1/capacity/requests/{id}/confirm", tag = "capacity",
    params(("id" = i64, Path, description = "Request id")),
    responses(
        (status = 200, description = "The match confirmed (logged); its follow-ups fall due 6 and 12 months after the selection", body = RequestDetail),
        (status = 404, description = "No such request", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: no offer selected yet, or already confirmed or closed. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn confirm(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<RequestDetail>, AppError> {
    stepped(&state, &me, id, RequestStep::Confirm, None).await
}

/// A follow-up's outcome report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpRequest {
    pub milestone: Milestone,
    /// `delivered`, `partly` or `not_delivered`.
    pub outcome: String,
    /// What changed thanks to the help, or why it did not come.
    pub what_changed: String,
}

#[utoipa::path(post, path = "/api/v1/capacity/requests/{id}/follow-ups", tag = "capacity",
    params(("id" = i64, Path, description = "Request id")),
    request_body = FollowUpRequest,
    responses(
        (status = 200, description = "Reported (logged); the twelve-month report closes the request", body = RequestDetail),
        (status = 404, description = "No such request of the reader's State", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: the match is not confirmed, the follow-up is not yet due or already reported. Nothing written", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: no outcome, or no or too long a text. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn follow_up(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<FollowUpRequest>,
) -> Result<Json<RequestDetail>, AppError> {
    let draft = OutcomeDraft {
        outcome: req.outcome,
        what_changed: req.what_changed,
    };
    steps::follow_up(&Caller::of(&state, &me), id, req.milestone.as_str(), &draft).await?;
    Ok(Json(detail(&state, &me, id).await?))
}

/// A donor's funding line.
#[derive(Debug, Serialize, ToSchema)]
pub struct FundingBody {
    pub id: i64,
    /// The request funded; absent for a line to an area.
    pub request: Option<i64>,
    pub area: Option<Area>,
    /// The donor participant's code.
    pub donor: String,
    pub stage: FundingStage,
    /// ISO 4217.
    pub currency: String,
    /// In the currency's decimals, e.g. `25000.50`.
    pub amount: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub at: OffsetDateTime,
}

impl From<CapacityFunding> for FundingBody {
    fn from(f: CapacityFunding) -> Self {
        FundingBody {
            id: f.id,
            request: f.request_id,
            area: f.area,
            amount: format_amount(f.amount_minor, &f.currency),
            donor: f.donor,
            stage: f.stage,
            currency: f.currency,
            at: f.at,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/capacity/funding", tag = "capacity",
    responses(
        (status = 200, description = "The funding lines the reader may see, oldest first: every line (the secretariat); its own as a donor and those to its own State's requests (a participant)", body = [FundingBody]),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn funding(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<FundingBody>>, AppError> {
    let participants = Participants::load(state.store.as_ref()).await?;
    let all = steps::funding_seen(&Caller::of(&state, &me), &participants, None).await?;
    Ok(Json(all.into_iter().map(FundingBody::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/capacity/funding", tag = "capacity",
    request_body = FundingDraft,
    responses(
        (status = 201, description = "A line to an area recorded (logged)", body = FundingBody),
        (status = 409, description = "`not_allowed_now`: the reader's participant does not take part. Nothing written", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: an unknown stage, a currency that is not ISO 4217 money, an amount that is not a positive number with at most the currency's decimals, no or an unknown area. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn fund_area(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(draft): ApiJson<FundingDraft>,
) -> Result<(StatusCode, Json<FundingBody>), AppError> {
    let line = steps::fund(&Caller::of(&state, &me), None, &draft).await?;
    Ok((StatusCode::CREATED, Json(line.into())))
}

#[utoipa::path(post, path = "/api/v1/capacity/requests/{id}/funding", tag = "capacity",
    params(("id" = i64, Path, description = "Request id")),
    request_body = FundingDraft,
    responses(
        (status = 201, description = "A line to the request recorded (logged); the requester sees who funds what", body = FundingBody),
        (status = 404, description = "No such request, or none the reader may see", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: the request is the reader's own, withdrawn or closed, or the reader's participant does not take part. Nothing written", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: an unknown stage, a currency that is not ISO 4217 money, an amount that is not a positive number with at most the currency's decimals. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn fund_request(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(draft): ApiJson<FundingDraft>,
) -> Result<(StatusCode, Json<FundingBody>), AppError> {
    let line = steps::fund(&Caller::of(&state, &me), Some(id), &draft).await?;
    Ok((StatusCode::CREATED, Json(line.into())))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        one,
        file,
        offer,
        select,
        acknowledge,
        confirm,
        follow_up,
        funding,
        fund_area,
        fund_request
    ),
    components(schemas(
        RequestBody,
        RequestDetail,
        OfferBody,
        FollowUpBody,
        ClockBody,
        RequestDraft,
        OfferDraft,
        SelectRequest,
        FollowUpRequest,
        Area,
        Format,
        Visibility,
        RequestStatus,
        OfferStatus,
        Outcome,
        Milestone,
        ClockState,
        FundingBody,
        FundingDraft,
        FundingStage
    ))
)]
struct CapacityApi;

/// The API's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    CapacityApi::openapi()
}
