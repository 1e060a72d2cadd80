//! The common lexicon over the JSON API: search, a concept with its
//! history, the exports (TBX, SKOS Turtle and JSON-LD), the secretariat's
//! import, proposals, comments and decisions.

use super::pages::{download, export_body, lexicon, read_import, sha256_hex, ExchangeFormat};
use super::service::Proposal;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, MultipartForm, PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use pocdir_domain::lexicon::diff::{diff, Change};
use pocdir_domain::lexicon::{Concept, ConceptDraft, LexiconDomain};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

/// A concept at its newest version.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConceptBody {
    pub version: u32,
    pub concept: Concept,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchBody {
    /// How many concepts match in all.
    pub total: usize,
    pub offset: usize,
    /// The exact terms first, then those that start with the query, then
    /// those that hold it.
    pub concepts: Vec<ConceptBody>,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Words of a term in any of the six languages; case, accents and
    /// Arabic vowel marks are ignored. Empty: every concept.
    #[serde(default)]
    pub q: String,
    /// One of the domains (`threats`, `norms`, `international_law`,
    /// `confidence_building`, `capacity_building`, `incident_response`,
    /// `technical`).
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub offset: Option<usize>,
    /// At most 200; 50 when not given.
    #[serde(default)]
    pub limit: Option<usize>,
}

#[utoipa::path(get, path = "/api/v1/lexicon/concepts", tag = "lexicon",
    params(SearchQuery),
    responses(
        (status = 200, description = "The matching concepts, newest versions", body = SearchBody),
        (status = 400, description = "`bad_request`: an unknown domain or a query string that cannot be read", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn concepts(
    State(state): State<AppState>,
    _me: SignedIn,
    QueryParams(q): QueryParams<SearchQuery>,
) -> Result<Json<SearchBody>, AppError> {
    let domain = match q.domain.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(
            LexiconDomain::parse(d).ok_or_else(|| AppError::bad_request("lexicon-error-domain"))?,
        ),
        None => None,
    };
    let offset = q.offset.unwrap_or(0);
    let (snapshot, found) = lexicon(&state)
        .search(&q.q, domain, offset, q.limit.unwrap_or(50))
        .await?;
    Ok(Json(SearchBody {
        total: found.total,
        offset,
        concepts: found
            .ids
            .iter()
            .filter_map(|id| snapshot.concepts.get(id))
            .map(|(version, concept)| ConceptBody {
                version: *version,
                concept: concept.clone(),
            })
            .collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VersionBody {
    pub version: u32,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub changed_at: time::OffsetDateTime,
    pub summary: String,
    pub proposal: Option<i64>,
    /// What this version changed from the one before.
    pub changes: Vec<Change>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConceptHistoryBody {
    pub version: u32,
    pub concept: Concept,
    /// Every version, oldest first.
    pub history: Vec<VersionBody>,
}

#[utoipa::path(get, path = "/api/v1/lexicon/concepts/{slug}", tag = "lexicon",
    params(("slug" = String, Path, description = "The concept's id, e.g. `ict-incident`")),
    responses(
        (status = 200, description = "The concept at its newest version, with its history", body = ConceptHistoryBody),
        (status = 404, description = "No concept of that id", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn concept(
    State(state): State<AppState>,
    _me: SignedIn,
    PathParams(id): PathParams<String>,
) -> Result<Json<ConceptHistoryBody>, AppError> {
    let versions = lexicon(&state).history(&id).await?;
    let mut history = Vec::with_capacity(versions.len());
    let mut before: Option<&Concept> = None;
    for (v, c) in &versions {
        history.push(VersionBody {
            version: v.version,
            changed_at: v.changed_at,
            summary: v.summary.clone(),
            proposal: v.proposal_id,
            changes: diff(before, c),
        });
        before = Some(c);
    }
    let (v, c) = versions.last().ok_or_else(AppError::not_found)?;
    Ok(Json(ConceptHistoryBody {
        version: v.version,
        concept: c.clone(),
        history,
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ExportQuery {
    /// `tbx` (TBX-Basic, ISO 30042, lossless), `turtle` or `jsonld` (SKOS).
    pub format: String,
}

#[utoipa::path(get, path = "/api/v1/lexicon/export", tag = "lexicon",
    params(ExportQuery),
    responses(
        (status = 200, description = "Every concept at its newest version, as a file", content(
            (String = "application/x-tbx+xml"),
            (String = "text/turtle"),
            (Object = "application/ld+json"),
        )),
        (status = 400, description = "`bad_request`: no format or an unknown one", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn export(
    State(state): State<AppState>,
    _me: SignedIn,
    QueryParams(q): QueryParams<ExportQuery>,
) -> Result<Response, AppError> {
    let format = ExchangeFormat::parse(&q.format)
        .ok_or_else(|| AppError::bad_request("lexicon-error-format"))?;
    let (content_type, file, body) = export_body(&state, format).await?;
    Ok(download(content_type, file, body))
}

/// A file to import.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ImportForm {
    /// `tbx` or `jsonld`.
    format: String,
    /// The TBX or SKOS JSON-LD file.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportBody {
    /// How many concepts the import added or changed (a new version
    /// each); the others were the same already.
    pub changed: usize,
}

#[utoipa::path(post, path = "/api/v1/lexicon/import", tag = "lexicon",
    request_body(content = ImportForm, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "Imported, all in one transaction, each change logged", body = ImportBody),
        (status = 400, description = "`bad_request`: no file, an unknown format, or not a well-formed multipart body", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: a concept changed while the file was read; nothing written", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: more than 16 MiB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not multipart/form-data", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: the file is malformed (field `file`, with the line) or a concept is invalid (`concept[i].…`); nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn import(
    State(state): State<AppState>,
    me: SignedIn,
    form: MultipartForm,
) -> Result<Json<ImportBody>, AppError> {
    let format = ExchangeFormat::parse(&form.text("format"))
        .filter(|f| *f != ExchangeFormat::Turtle)
        .ok_or_else(|| AppError::bad_request("lexicon-error-format"))?;
    let files = form.files("file");
    let (_, bytes) = files
        .first()
        .ok_or_else(|| AppError::bad_request("lexicon-error-no-file"))?;
    let drafts = read_import(format, bytes)?;
    let changed = lexicon(&state)
        .import(&me.requester(), drafts, format.as_str(), &sha256_hex(bytes))
        .await?;
    Ok(Json(ImportBody { changed }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalBody {
    pub id: i64,
    pub concept_id: String,
    /// The version it was written against; none for a new concept.
    pub base_version: Option<u32>,
    pub concept: Concept,
    pub rationale: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub proposed_at: time::OffsetDateTime,
    /// The proposing State's code; none for the secretariat.
    pub participant: Option<String>,
    /// `pending`, `accepted` or `rejected`.
    pub status: String,
    pub decision_note: String,
}

fn proposal_body(p: Proposal) -> ProposalBody {
    ProposalBody {
        id: p.stored.id,
        concept_id: p.stored.concept_id,
        base_version: p.stored.base_version,
        concept: p.concept,
        rationale: p.stored.rationale,
        proposed_at: p.stored.proposed_at,
        participant: p.stored.participant,
        status: p.status.as_str().to_owned(),
        decision_note: p.stored.decision_note,
    }
}

#[utoipa::path(get, path = "/api/v1/lexicon/proposals", tag = "lexicon",
    responses(
        (status = 200, description = "Every proposal, newest first", body = [ProposalBody]),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn proposals(
    State(state): State<AppState>,
    _me: SignedIn,
) -> Result<Json<Vec<ProposalBody>>, AppError> {
    Ok(Json(
        lexicon(&state)
            .proposals(None, None)
            .await?
            .into_iter()
            .map(proposal_body)
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeRequest {
    pub concept: ConceptDraft,
    /// The version the change was written against; none (or absent) to
    /// propose a new concept.
    #[serde(default)]
    pub base_version: Option<u32>,
    /// Why: what it answers, where the term comes from.
    pub rationale: String,
}

#[utoipa::path(post, path = "/api/v1/lexicon/proposals", tag = "lexicon",
    request_body = ProposeRequest,
    responses(
        (status = 201, description = "Filed, pending the secretariat's decision (logged)", body = ProposalBody),
        (status = 400, description = "`malformed_json`: the body is not JSON of this shape", body = ErrorBody),
        (status = 404, description = "A change to a concept that does not exist", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: the concept changed since `base_version`, or a new concept's id is taken", body = ErrorBody),
        (status = 413, description = "`payload_too_large`", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not application/json", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: each invalid field of the concept, or an empty rationale", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn propose(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(body): ApiJson<ProposeRequest>,
) -> Result<(StatusCode, Json<ProposalBody>), AppError> {
    let svc = lexicon(&state);
    let stored = svc
        .propose(
            &me.requester(),
            &body.concept,
            body.base_version,
            &body.rationale,
        )
        .await?;
    let p = svc.proposal(stored.id).await?;
    Ok((StatusCode::CREATED, Json(proposal_body(p))))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentRequest {
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CommentBody {
    pub id: i64,
    pub proposal_id: i64,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub written_at: time::OffsetDateTime,
    pub participant: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/lexicon/proposals/{id}/comments", tag = "lexicon",
    params(("id" = i64, Path, description = "Proposal number")),
    request_body = CommentRequest,
    responses(
        (status = 201, description = "Added (logged)", body = CommentBody),
        (status = 400, description = "`malformed_json` or a path that is not a number", body = ErrorBody),
        (status = 404, description = "No proposal of that number", body = ErrorBody),
        (status = 413, description = "`payload_too_large`", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not application/json", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: an empty comment or one over 4,000 characters", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn comment(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(body): ApiJson<CommentRequest>,
) -> Result<(StatusCode, Json<CommentBody>), AppError> {
    let c = lexicon(&state)
        .comment(&me.requester(), id, &body.body)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CommentBody {
            id: c.id,
            proposal_id: c.proposal_id,
            body: c.body,
            written_at: c.written_at,
            participant: c.participant,
        }),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// True: the proposal becomes the concept's next version.
    pub accept: bool,
    /// The reason; needed to reject.
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/api/v1/lexicon/proposals/{id}/decision", tag = "lexicon",
    params(("id" = i64, Path, description = "Proposal number")),
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "Decided (logged); accepted, the concept's new version is written in the same transaction", body = ProposalBody),
        (status = 400, description = "`malformed_json` or a path that is not a number", body = ErrorBody),
        (status = 404, description = "No proposal of that number", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: decided already, or the concept changed since the proposal was written", body = ErrorBody),
        (status = 413, description = "`payload_too_large`", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not application/json", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: a rejection with no reason", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn decide(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(body): ApiJson<DecisionRequest>,
) -> Result<Json<ProposalBody>, AppError> {
    let svc = lexicon(&state);
    svc.decide(&me.requester(), id, body.accept, &body.note)
        .await?;
    Ok(Json(proposal_body(svc.proposal(id).await?)))
}

#[derive(OpenApi)]
#[openapi(
    paths(concepts, concept, export, import, proposals, propose, comment, decide),
    components(schemas(
        ConceptBody,
        SearchBody,
        VersionBody,
        ConceptHistoryBody,
        ImportForm,
        ImportBody,
        ProposalBody,
        ProposeRequest,
        CommentRequest,
        CommentBody,
        DecisionRequest,
        Concept,
        ConceptDraft,
        Change
    ))
)]
struct LexiconApi;

pub fn openapi() -> utoipa::openapi::OpenApi {
    LexiconApi::openapi()
}
