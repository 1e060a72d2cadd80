//! Reports over the JSON API: a reporter sends one (its files in base64),
//! lists and reads its reports with every State's status; a State's PoCs
//! read, acknowledge, set their State's status and write in their State's
//! thread; the secretariat reads metadata. Everything goes through
//! `pocdir_communications::reports`; this module reads requests and
//! writes answers.

use super::{service, settings};
use crate::communications::api::{parse_files, FileBody};
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use pocdir_communications::reports::OpenedReport;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::attachment::{AttachmentType, MAX_TOTAL_BYTES};
use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::policy::ReportView;
use pocdir_domain::report::{
    AffectedProduct, ReportCategory, ReportContent, ReportDraft, StateStatus,
};
use pocdir_domain::reporter::ReporterStatus;
use pocdir_store::{MessageSide, ReportMessage, ReportRecord, ReportState};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The most a new report's body may be: its files at their largest in
/// base64, the STIX bundle (1 MiB) and the text.
pub const MAX_BODY_BYTES: usize = MAX_TOTAL_BYTES.div_ceil(3) * 4 + 2 * 1024 * 1024;

const MAX_LIMIT: u32 = 100;
const DEFAULT_LIMIT: u32 = 50;

// ---------------------------------------------------------------- requests

/// A list's query string.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only reports older than this id (`next_before` of the page before).
    pub before: Option<i64>,
    /// Lines on a page, 1 to 100; 50 when absent.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

/// A new report and its files (at most 5, each at most 5 MiB, 10 MiB in all).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendReportRequest {
    pub report: ReportDraft,
    #[serde(default)]
    pub attachments: Vec<FileBody>,
}

/// A State's answer: `under_investigation`, `affected` or `not_affected`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    #[serde(default)]
    pub status: String,
}

/// A message in a State's thread (plain text, at most 10,000 characters).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    #[serde(default)]
    pub body: String,
}

/// A later end of the embargo, in a time zone, with the reason every State
/// is shown.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtendRequest {
    /// `YYYY-MM-DDTHH:MM`.
    #[serde(default)]
    pub local: String,
    /// An IANA time zone, e.g. `Europe/Berlin`.
    #[serde(default)]
    pub zone: String,
    #[serde(default)]
    pub reason: String,
}

// ---------------------------------------------------------------- answers

/// Where one State stands; who at the State did what is never given.
#[derive(Debug, Serialize, ToSchema)]
pub struct StateBody {
    /// ISO 3166-1 alpha-3.
    pub state: String,
    pub status: StateStatus,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub status_at: Option<OffsetDateTime>,
    /// When it reached the State's PoCs (the report's sending).
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub received_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub first_read_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub acknowledged_at: Option<OffsetDateTime>,
    /// The State's first message in its thread.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub answered_at: Option<OffsetDateTime>,
    /// When its diplomatic PoCs were alerted (no technical acknowledgement in time).
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub escalated_at: Option<OffsetDateTime>,
}

impl StateBody {
    fn of(s: &ReportState, sent_at: OffsetDateTime) -> Self {
        StateBody {
            state: s.state.clone(),
            status: s.status,
            status_at: s.status_at,
            received_at: sent_at,
            first_read_at: s.first_read_at,
            acknowledged_at: s.acknowledged_at,
            answered_at: s.answered_at,
            escalated_at: s.escalated_at,
        }
    }
}

/// An extension of the embargo and its reason.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExtensionBody {
    pub to: ZonedTime,
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub at: OffsetDateTime,
}

/// A file of the report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportFileBody {
    pub id: i64,
    pub name: String,
    pub file_type: AttachmentType,
    pub size: i64,
    pub sha256: String,
}

/// A message in a State's thread: `reporter`, or the State's technical or
/// diplomatic PoC — never which person.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageBody {
    pub id: i64,
    /// ISO 3166-1 alpha-3: whose thread.
    pub state: String,
    /// `reporter` or `state`.
    pub side: String,
    /// The writer's kind: `reporter`, `technical_poc` or `diplomatic_poc`.
    pub author_kind: AccountKind,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub sent_at: OffsetDateTime,
}

impl From<&ReportMessage> for MessageBody {
    fn from(m: &ReportMessage) -> Self {
        MessageBody {
            id: m.id,
            state: m.state.clone(),
            side: match m.side {
                MessageSide::Reporter => "reporter".to_string(),
                MessageSide::State => "state".to_string(),
            },
            author_kind: m.author_kind,
            body: m.body.clone(),
            sent_at: m.sent_at,
        }
    }
}

/// How the reader sees the report: `author`, `state` (a recipient PoC),
/// `state_metadata` (a PoC of a State it did not reach yet) or `metadata`
/// (the secretariat).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ViewBody {
    Author,
    State,
    StateMetadata,
    Metadata,
}

fn view_body(view: &ReportView) -> ViewBody {
    match view {
        ReportView::Author => ViewBody::Author,
        ReportView::State(_) => ViewBody::State,
        ReportView::StateMetadata(_) => ViewBody::StateMetadata,
        ReportView::Metadata | ReportView::Nothing => ViewBody::Metadata,
    }
}

/// A report as the reader may see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportBody {
    pub id: i64,
    pub view: ViewBody,
    /// The reporter's organisation and country (ISO 3166-1 alpha-3).
    pub organisation: String,
    pub reporter_country: String,
    pub reporter_status: ReporterStatus,
    pub category: ReportCategory,
    pub tlp: TlpLabel,
    pub content_sha256: String,
    /// The embargo's end as the reporter gave it (local time, zone, UTC).
    pub embargo: Option<ZonedTime>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub sent_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub ack_deadline: OffsetDateTime,
    /// Only for the reporter and the recipients.
    pub content: Option<ReportContent>,
    /// The States the reader may see: all for the reporter and the
    /// secretariat, its own for a State's PoC.
    pub states: Vec<StateBody>,
    pub extensions: Vec<ExtensionBody>,
    pub attachments: Vec<ReportFileBody>,
    /// The threads the reader may read.
    pub messages: Vec<MessageBody>,
    /// The reader's acknowledgement, when a recipient.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub acknowledged_at: Option<OffsetDateTime>,
}

fn extensions(record: &ReportRecord) -> Vec<ExtensionBody> {
    record
        .extensions
        .iter()
        .map(|e| ExtensionBody {
            to: e.to.clone(),
            reason: e.reason.clone(),
            at: e.at,
        })
        .collect()
}

impl From<OpenedReport> for ReportBody {
    fn from(o: OpenedReport) -> Self {
        let meta = &o.record.meta;
        let readable = o.content.is_some();
        ReportBody {
            id: meta.id,
            view: view_body(&o.view),
            organisation: meta.organisation.clone(),
            reporter_country: meta.reporter_country.clone(),
            reporter_status: meta.reporter_status,
            category: meta.category,
            tlp: meta.tlp,
            content_sha256: meta.content_sha256.clone(),
            embargo: meta.embargo.clone(),
            sent_at: meta.sent_at,
            ack_deadline: meta.ack_deadline,
            states: o
                .visible_states
                .iter()
                .map(|s| StateBody::of(s, meta.sent_at))
                .collect(),
            extensions: extensions(&o.record),
            attachments: if readable {
                o.record
                    .attachments
                    .iter()
                    .map(|a| ReportFileBody {
                        id: a.id,
                        name: a.name.clone(),
                        file_type: a.file_type,
                        size: a.size,
                        sha256: a.sha256.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            messages: o.messages.iter().map(MessageBody::from).collect(),
            acknowledged_at: o.mine.as_ref().and_then(|m| m.acknowledged_at),
            content: o.content,
        }
    }
}

/// One line of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListedReportBody {
    pub id: i64,
    pub view: ViewBody,
    pub organisation: String,
    pub category: ReportCategory,
    pub tlp: TlpLabel,
    /// Only for those who may read the content.
    pub title: Option<String>,
    pub embargo: Option<ZonedTime>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub sent_at: OffsetDateTime,
    /// The States the reader may see, with their status.
    pub states: Vec<StateBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportListBody {
    pub reports: Vec<ListedReportBody>,
    /// Pass as `before` for the next page; absent on the last.
    pub next_before: Option<i64>,
}

// ---------------------------------------------------------------- handlers

#[utoipa::path(get, path = "/api/v1/reports", tag = "reports",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of the reports the reader may know of, newest first: a reporter's own, those to a PoC's State, every one for the secretariat (metadata)", body = ReportListBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(query): QueryParams<ListQuery>,
) -> Result<Json<ReportListBody>, AppError> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::bad_request("error-bad-query"));
    }
    let settings = settings(&state);
    let listed = service(&state, &settings)
        .list(&me.requester(), query.before, limit)
        .await?;
    let next_before = (listed.len() >= usize::try_from(limit).unwrap_or(usize::MAX))
        .then(|| listed.last().map(|l| l.record.meta.id))
        .flatten();
    let reports = listed
        .into_iter()
        .map(|l| {
            let meta = &l.record.meta;
            let states = match &l.view {
                ReportView::State(s) | ReportView::StateMetadata(s) => l
                    .record
                    .states
                    .iter()
                    .filter(|x| &x.state == s)
                    .map(|x| StateBody::of(x, meta.sent_at))
                    .collect(),
                _ => l
                    .record
                    .states
                    .iter()
                    .map(|x| StateBody::of(x, meta.sent_at))
                    .collect(),
            };
            ListedReportBody {
                id: meta.id,
                view: view_body(&l.view),
                organisation: meta.organisation.clone(),
                category: meta.category,
                tlp: meta.tlp,
                title: l.title,
                embargo: meta.embargo.clone(),
                sent_at: meta.sent_at,
                states,
            }
        })
        .collect();
    Ok(Json(ReportListBody {
        reports,
        next_before,
    }))
}

#[utoipa::path(post, path = "/api/v1/reports", tag = "reports",
    request_body = SendReportRequest,
    responses(
        (status = 201, description = "Sent to the technical PoCs of every State named (mails queued, the sending logged); the report as its reporter sees it", body = ReportBody),
        (status = 403, description = "`reporter_not_approved`: the reporter is pending, rejected or suspended", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: the report with its files is larger than a reporter may send", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: each field's problem (category, label — never `RED` —, title, description, products, CVE ids, the STIX bundle naming the object at fault, the embargo (past, or a time that does not exist in its zone), States unknown, not taking part or without a PoC, files too large, too many, a type not allowed or not base64)", body = ErrorBody),
        (status = 429, description = "`rate_limited`: as many reports as an hour allows; `Retry-After` says when the next one fits", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn send(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(req): ApiJson<SendReportRequest>,
) -> Result<(StatusCode, Json<ReportBody>), AppError> {
    let files = parse_files(&req.attachments).map_err(AppError::invalid_fields)?;
    let settings = settings(&state);
    let reports = service(&state, &settings);
    let who = me.requester();
    let id = reports.send(&who, req.report, files).await?;
    let opened = reports.open(&who, id).await?;
    Ok((StatusCode::CREATED, Json(opened.into())))
}

#[utoipa::path(get, path = "/api/v1/reports/{id}", tag = "reports",
    params(("id" = i64, Path, description = "Report id")),
    responses(
        (status = 200, description = "The report as the reader may see it (a recipient's first read is recorded and logged)", body = ReportBody),
        (status = 404, description = "No such report, or one the reader may not know of", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn one(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<ReportBody>, AppError> {
    let settings = settings(&state);
    let opened = service(&state, &settings).open(&me.requester(), id).await?;
    Ok(Json(opened.into()))
}

#[utoipa::path(post, path = "/api/v1/reports/{id}/acknowledge", tag = "reports",
    params(("id" = i64, Path, description = "Report id")),
    responses(
        (status = 200, description = "Acknowledged for the reader's State (logged); the report as the reader sees it", body = ReportBody),
        (status = 403, description = "`not_allowed`: only a recipient acknowledges", body = ErrorBody),
        (status = 404, description = "No such report, or one the reader may not know of", body = ErrorBody),
        (status = 409, description = "`already_acknowledged`", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn acknowledge(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<ReportBody>, AppError> {
    let settings = settings(&state);
    let reports = service(&state, &settings);
    let who = me.requester();
    reports.acknowledge(&who, id).await?;
    Ok(Json(reports.open(&who, id).await?.into()))
}

#[utoipa::path(post, path = "/api/v1/reports/{id}/status", tag = "reports",
    params(("id" = i64, Path, description = "Report id")),
    request_body = StatusRequest,
    responses(
        (status = 200, description = "The State's status set (logged); the report as the reader sees it", body = ReportBody),
        (status = 403, description = "`not_allowed`: only a recipient sets its State's status", body = ErrorBody),
        (status = 404, description = "No such report, or one the reader may not know of", body = ErrorBody),
        (status = 409, description = "`stale`: another PoC of the State changed it meanwhile", body = ErrorBody),
        (status = 422, description = "`invalid_step`: not an answer (unknown, or an unknown word), or the status it already has", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn set_status(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<StatusRequest>,
) -> Result<Json<ReportBody>, AppError> {
    let settings = settings(&state);
    let reports = service(&state, &settings);
    let who = me.requester();
    reports.set_status(&who, id, &req.status).await?;
    Ok(Json(reports.open(&who, id).await?.into()))
}

#[utoipa::path(post, path = "/api/v1/reports/{id}/messages", tag = "reports",
    params(("id" = i64, Path, description = "Report id")),
    request_body = MessageRequest,
    responses(
        (status = 201, description = "Written in the reader's State's thread (the reporter sees \"State X, technical PoC\", never who; mailed to the reporter; logged); the report as the reader sees it", body = ReportBody),
        (status = 403, description = "`not_allowed`: only a recipient writes in its State's thread", body = ErrorBody),
        (status = 404, description = "No such report, or one the reader may not know of", body = ErrorBody),
        (status = 422, description = "`invalid_step`: the message is empty or too long", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn state_message(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<MessageRequest>,
) -> Result<(StatusCode, Json<ReportBody>), AppError> {
    let settings = settings(&state);
    let reports = service(&state, &settings);
    let who = me.requester();
    reports.post_message(&who, id, None, &req.body).await?;
    Ok((
        StatusCode::CREATED,
        Json(reports.open(&who, id).await?.into()),
    ))
}

#[utoipa::path(post, path = "/api/v1/reports/{id}/states/{state}/messages", tag = "reports",
    params(
        ("id" = i64, Path, description = "Report id"),
        ("state" = String, Path, description = "ISO 3166-1 alpha-3 of a State the report went to"),
    ),
    request_body = MessageRequest,
    responses(
        (status = 201, description = "Written in that State's thread (mailed to the State's recipients; logged); the report as the reporter sees it", body = ReportBody),
        (status = 403, description = "`not_allowed`: only the reporter that sent it writes here", body = ErrorBody),
        (status = 404, description = "No such report or State of the report, or a report the reader may not know of", body = ErrorBody),
        (status = 422, description = "`invalid_step`: the message is empty or too long", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn reporter_message(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams((id, code)): PathParams<(i64, String)>,
    ApiJson(req): ApiJson<MessageRequest>,
) -> Result<(StatusCode, Json<ReportBody>), AppError> {
    let settings = settings(&state);
    let reports = service(&state, &settings);
    let who = me.requester();
    reports
        .post_message(&who, id, Some(&code), &req.body)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(reports.open(&who, id).await?.into()),
    ))
}

#[utoipa::path(post, path = "/api/v1/reports/{id}/embargo", tag = "reports",
    params(("id" = i64, Path, description = "Report id")),
    request_body = ExtendRequest,
    responses(
        (status = 200, description = "The embargo extended, the reason shown to every State (mailed to every recipient; logged); the report as the reporter sees it", body = ReportBody),
        (status = 403, description = "`not_allowed`: only the reporter that sent it; or `reporter_not_approved`", body = ErrorBody),
        (status = 404, description = "No such report, or one the reader may not know of", body = ErrorBody),
        (status = 409, description = "`stale`: the embargo changed meanwhile", body = ErrorBody),
        (status = 422, description = "`invalid_step`: no embargo, already ended, not later, no reason, or a time that does not exist in its zone", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn extend(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<ExtendRequest>,
) -> Result<Json<ReportBody>, AppError> {
    let settings = settings(&state);
    let reports = service(&state, &settings);
    let who = me.requester();
    reports
        .extend_embargo(&who, id, &req.local, &req.zone, &req.reason)
        .await?;
    Ok(Json(reports.open(&who, id).await?.into()))
}

/// `attachment; filename=…` with a plain ASCII name and the exact one.
pub fn disposition(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

#[utoipa::path(get, path = "/api/v1/reports/{id}/attachments/{attachment}", tag = "reports",
    params(
        ("id" = i64, Path, description = "Report id"),
        ("attachment" = i64, Path, description = "File id"),
    ),
    responses(
        (status = 200, description = "The file, for the reporter and the recipients", content_type = "application/octet-stream"),
        (status = 404, description = "No such file, or a report the reader may not read", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn attachment(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams((id, attachment_id)): PathParams<(i64, i64)>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let (meta, bytes) = service(&state, &settings)
        .attachment(&me.requester(), id, attachment_id)
        .await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(meta.file_type.media_type()),
    );
    headers.insert(header::CONTENT_DISPOSITION, disposition(&meta.name));
    Ok(response)
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        send,
        one,
        acknowledge,
        set_status,
        state_message,
        reporter_message,
        extend,
        attachment
    ),
    components(schemas(
        SendReportRequest,
        StatusRequest,
        MessageRequest,
        ExtendRequest,
        ReportDraft,
        AffectedProduct,
        ReportContent,
        ReportCategory,
        StateStatus,
        StateBody,
        ExtensionBody,
        ReportFileBody,
        MessageBody,
        ViewBody,
        ReportBody,
        ListedReportBody,
        ReportListBody,
        ReporterStatus,
        ZonedTime,
        TlpLabel,
        AttachmentType,
        AccountKind,
    ))
)]
struct ReportsApi;

/// The API's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ReportsApi::openapi()
}
