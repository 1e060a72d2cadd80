//! Vetting reporters over the JSON API (the secretariat): the applications
//! and reporters, one of them, and a decision on one. Decisions go the
//! same way as the pages' (`vetting.rs`).

use super::vetting;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, PathParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use pocdir_domain::reporter::{ReporterStatus, VettingDecision};
use pocdir_store::Reporter;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{OpenApi, ToSchema};

/// A decision on an applicant or a reporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionName {
    /// A pending application: its contact is invited to enrol.
    Approve,
    /// A pending application; a reason is required and mailed.
    Reject,
    /// An approved reporter; a reason is required and mailed.
    Suspend,
    /// A suspended reporter.
    Reinstate,
}

impl From<DecisionName> for VettingDecision {
    fn from(d: DecisionName) -> Self {
        match d {
            DecisionName::Approve => VettingDecision::Approve,
            DecisionName::Reject => VettingDecision::Reject,
            DecisionName::Suspend => VettingDecision::Suspend,
            DecisionName::Reinstate => VettingDecision::Reinstate,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    pub decision: DecisionName,
    /// Required to reject or suspend (at most 1000 characters).
    #[serde(default)]
    pub reason: String,
}

/// An applicant or reporter as the secretariat sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReporterBody {
    pub id: i64,
    pub organisation: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub website: String,
    pub contact_name: String,
    pub contact_email: String,
    /// The UN language it is written to in.
    pub language: String,
    pub openpgp_fingerprint: Option<String>,
    pub why: String,
    pub status: ReporterStatus,
    /// Why it was rejected or suspended.
    pub status_reason: Option<String>,
    /// RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub applied_at: OffsetDateTime,
    /// RFC 3339.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub decided_at: Option<OffsetDateTime>,
}

impl From<Reporter> for ReporterBody {
    fn from(r: Reporter) -> Self {
        ReporterBody {
            id: r.id,
            organisation: r.organisation,
            country: r.country,
            website: r.website,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            language: r.language,
            openpgp_fingerprint: r.openpgp_fingerprint,
            why: r.why,
            status: r.status,
            status_reason: r.status_reason,
            applied_at: r.applied_at,
            decided_at: r.decided_at,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/reporters", tag = "reporters",
    responses(
        (status = 200, description = "Every application and reporter: pending first (oldest first), then the others (newest first)", body = [ReporterBody]),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<ReporterBody>>, AppError> {
    let all = state.store.reporters().await?;
    Ok(Json(all.into_iter().map(ReporterBody::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/reporters/{id}", tag = "reporters",
    params(("id" = i64, Path, description = "Reporter id")),
    responses(
        (status = 200, description = "The application or reporter", body = ReporterBody),
        (status = 404, description = "No such reporter", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn one(
    State(state): State<AppState>,
    PathParams(id): PathParams<i64>,
) -> Result<Json<ReporterBody>, AppError> {
    let r = state
        .store
        .reporter(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(r.into()))
}

#[utoipa::path(post, path = "/api/v1/reporters/{id}/decision", tag = "reporters",
    params(("id" = i64, Path, description = "Reporter id")),
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "Decided (logged, and mailed to the contact in its language; approval also invites the contact to enrol as a reporter account); the reporter as it now stands", body = ReporterBody),
        (status = 404, description = "No such reporter", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: the status does not allow the decision (approve and reject a pending application, suspend an approved reporter, reinstate a suspended one); or `address_taken`: the contact's address already has an account or an open invitation. Nothing written", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: `reason` missing (reject, suspend) or longer than 1000 characters. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<DecisionRequest>,
) -> Result<Json<ReporterBody>, AppError> {
    let r = vetting::decide(&state, &me, id, req.decision.into(), &req.reason).await?;
    Ok(Json(r.into()))
}

#[derive(OpenApi)]
#[openapi(
    paths(list, one, decide),
    components(schemas(DecisionName, DecisionRequest, ReporterBody, ReporterStatus))
)]
struct ReportersApi;

/// The API's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ReportersApi::openapi()
}
