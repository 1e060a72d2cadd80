//! The best-practice library over the JSON API: search, one document, its
//! file (another State's logged as read), publishing and withdrawal.

use super::pages::{draft_of, file_response, library, SearchParams};
use super::service::Shown;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, MultipartForm, PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// A document of the library, without its file.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentBody {
    pub id: i64,
    pub title: String,
    /// `national_strategy`, `policy`, `playbook`, `exercise_lessons` or
    /// `guidance`.
    pub kind: String,
    /// As TLP 2.0 writes it, e.g. `TLP:GREEN`.
    pub tlp: String,
    /// The UN languages the document is written in.
    pub languages: Vec<String>,
    /// Areas of the capacity-building taxonomy.
    pub areas: Vec<String>,
    /// A summary per language.
    pub summaries: BTreeMap<String, String>,
    /// The publishing participant's code; absent for the secretariat.
    pub publisher: Option<String>,
    pub file_name: String,
    /// `pdf`, `png`, `jpeg` or `text`, read from the content.
    pub file_type: String,
    pub size: i64,
    pub sha256: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub published_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub withdrawn_at: Option<time::OffsetDateTime>,
    pub withdrawal_reason: Option<String>,
    /// Where the file is; a download of another State's document is
    /// written to the log as a read.
    pub file: String,
}

fn body(s: &Shown) -> DocumentBody {
    let d = &s.document;
    DocumentBody {
        id: d.id,
        title: d.title.clone(),
        kind: s.kind.as_str().to_owned(),
        tlp: s.tlp.as_str().to_owned(),
        languages: d.languages.clone(),
        areas: d.areas.clone(),
        summaries: d.summaries.clone(),
        publisher: d.participant.clone(),
        file_name: d.file_name.clone(),
        file_type: d.file_type.clone(),
        size: d.size,
        sha256: d.sha256.clone(),
        published_at: d.published_at,
        withdrawn_at: d.withdrawn_at,
        withdrawal_reason: d.withdrawn_at.map(|_| d.withdrawal_reason.clone()),
        file: format!("/api/v1/library/documents/{}/file", d.id),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentsBody {
    /// How many documents the caller may see match in all.
    pub total: usize,
    pub offset: usize,
    /// Newest first.
    pub documents: Vec<DocumentBody>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[allow(dead_code)]
pub struct DocumentsQuery {
    /// Words of the title or a summary, in any script; case, accents and
    /// Arabic vowel marks are ignored.
    q: Option<String>,
    /// An area (`strategy_policy`, `incident_response`, ...).
    area: Option<String>,
    /// A UN language the document is written in (`ar`, `en`, `es`, `fr`,
    /// `ru`, `zh`).
    language: Option<String>,
    kind: Option<String>,
    /// A publishing participant's code.
    publisher: Option<String>,
    /// `yes`: the withdrawn documents the caller may see (its own State's,
    /// or all for the secretariat) instead of the published ones.
    withdrawn: Option<String>,
    offset: Option<usize>,
    /// At most 100; 20 when not given.
    limit: Option<usize>,
}

#[utoipa::path(get, path = "/api/v1/library/documents", tag = "library",
    params(DocumentsQuery),
    responses(
        (status = 200, description = "The documents the caller may see that match; what it may not see is neither listed nor counted", body = DocumentsBody),
        (status = 400, description = "`bad_request`: an unknown area, language or kind, or a query string that cannot be read", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn documents(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(q): QueryParams<SearchParams>,
) -> Result<Json<DocumentsBody>, AppError> {
    let query = q.query()?;
    let offset = q.offset;
    let (_, found) = library(&state)
        .search(
            &me.requester(),
            &query,
            q.withdrawn == "yes",
            offset,
            q.limit.unwrap_or(20),
        )
        .await?;
    Ok(Json(DocumentsBody {
        total: found.total,
        offset,
        documents: found.documents.iter().map(body).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/library/documents/{id}", tag = "library",
    params(("id" = i64, Path, description = "The document's number")),
    responses(
        (status = 200, description = "The document", body = DocumentBody),
        (status = 404, description = "No such document, or one the caller may not see", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn document(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<DocumentBody>, AppError> {
    let (_, shown) = library(&state).document(&me.requester(), id).await?;
    Ok(Json(body(&shown)))
}

#[utoipa::path(get, path = "/api/v1/library/documents/{id}/file", tag = "library",
    params(("id" = i64, Path, description = "The document's number")),
    responses(
        (status = 200, description = "The file, of the type its content was checked to be; another State's document is logged as read before it is sent", content(
            (String = "application/pdf"),
            (String = "image/png"),
            (String = "image/jpeg"),
            (String = "text/plain; charset=utf-8"),
        )),
        (status = 404, description = "No such document, one the caller may not see, or one withdrawn", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn file(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    file_response(&state, &me, id, "api").await
}

/// A document to publish.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct PublishForm {
    title: String,
    /// `national_strategy`, `policy`, `playbook`, `exercise_lessons` or
    /// `guidance`.
    kind: String,
    /// `CLEAR`, `GREEN`, `AMBER` or `AMBER+STRICT`; RED is refused.
    tlp: String,
    /// Repeated: each UN language the document is written in.
    languages: Vec<String>,
    /// Repeated: each area.
    areas: Vec<String>,
    /// One field per language, `summary_en` ... `summary_zh`: required for
    /// each language the document is written in.
    summary_en: Option<String>,
    summary_ar: Option<String>,
    summary_es: Option<String>,
    summary_fr: Option<String>,
    summary_ru: Option<String>,
    summary_zh: Option<String>,
    /// The document: PDF, PNG, JPEG or UTF-8 text, at most 5 MiB.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

#[utoipa::path(post, path = "/api/v1/library/documents", tag = "library",
    request_body(content = PublishForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Published, and logged", body = DocumentBody),
        (status = 400, description = "`bad_request`: not a well-formed multipart body", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: the caller's participant does not take part, or is not a State", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: more than the file's 5 MiB and the form", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not multipart/form-data", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: each field with its problem; nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn publish(
    State(state): State<AppState>,
    me: SignedIn,
    form: MultipartForm,
) -> Result<(StatusCode, Json<DocumentBody>), AppError> {
    let svc = library(&state);
    let who = me.requester();
    let doc = svc.publish(&who, draft_of(&form)).await?;
    let (_, shown) = svc.document(&who, doc.id).await?;
    Ok((StatusCode::CREATED, Json(body(&shown))))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRequest {
    /// Why, for the readers and the log.
    pub reason: String,
}

#[utoipa::path(post, path = "/api/v1/library/documents/{id}/withdraw", tag = "library",
    params(("id" = i64, Path, description = "The document's number")),
    request_body = WithdrawRequest,
    responses(
        (status = 200, description = "Withdrawn, and logged", body = DocumentBody),
        (status = 400, description = "`malformed_json`", body = ErrorBody),
        (status = 404, description = "No such document, or one the caller may not see", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: withdrawn already, or another participant's document", body = ErrorBody),
        (status = 413, description = "`payload_too_large`", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not application/json", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: no reason", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn withdraw(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(request): ApiJson<WithdrawRequest>,
) -> Result<Json<DocumentBody>, AppError> {
    let svc = library(&state);
    let who = me.requester();
    svc.withdraw(&who, id, &request.reason).await?;
    let (_, shown) = svc.document(&who, id).await?;
    Ok(Json(body(&shown)))
}

#[derive(OpenApi)]
#[openapi(
    paths(documents, document, file, publish, withdraw),
    components(schemas(DocumentBody, DocumentsBody, PublishForm, WithdrawRequest))
)]
struct LibraryApi;

pub fn openapi() -> utoipa::openapi::OpenApi {
    LibraryApi::openapi()
}
