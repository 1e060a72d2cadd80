//! E-learning over the JSON API: the modules with the reader's progress,
//! completions as xAPI statements (one's own; the secretariat's, every
//! account's), the secretariat's upload, and certificates, public: one by
//! its number, and the check of any certificate's text.

use super::pages::learning;
use super::service::{ModuleVersion, Progress};
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, MultipartForm, PathParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use pocdir_domain::account::AccountKind;
use pocdir_domain::learning::Certificate;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

#[derive(Debug, Serialize, ToSchema)]
pub struct LessonBody {
    pub key: String,
    pub title: String,
    /// Whether the reader marked it read.
    pub read: bool,
}

/// A module's newest version, in the reader's language (else English),
/// with the reader's progress.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModuleBody {
    pub slug: String,
    pub version: u32,
    /// The language of `title`, `summary` and the lessons' titles.
    pub language: String,
    pub languages: Vec<String>,
    pub title: String,
    pub summary: String,
    pub lessons: Vec<LessonBody>,
    pub questions: usize,
    pub mastery_percent: u8,
    pub quiz_minutes: u32,
    /// The reader's best score, if it took the quiz.
    pub best_percent: Option<u8>,
    /// The number of the reader's certificate, once passed.
    pub certificate: Option<String>,
}

fn module_body(m: &ModuleVersion, language: &str, p: Option<&Progress>) -> ModuleBody {
    let (language, text) = m
        .module
        .text(language)
        .map(|(l, t)| (l.to_owned(), Some(t)))
        .unwrap_or_default();
    ModuleBody {
        slug: m.module.slug.clone(),
        version: m.version,
        language,
        languages: m.module.texts.keys().cloned().collect(),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        summary: text.map(|t| t.summary.clone()).unwrap_or_default(),
        lessons: m
            .module
            .lessons
            .iter()
            .zip(text.map(|t| t.lessons.as_slice()).unwrap_or_default())
            .map(|(key, l)| LessonBody {
                key: key.clone(),
                title: l.title.clone(),
                read: p.is_some_and(|p| p.lessons_read.contains(key)),
            })
            .collect(),
        questions: m.module.answers.len(),
        mastery_percent: m.module.mastery_percent,
        quiz_minutes: m.module.quiz_minutes,
        best_percent: p.and_then(|p| p.best_percent),
        certificate: p.and_then(|p| p.certificate.as_ref()).map(|c| c.id.clone()),
    }
}

fn account_language(me: &SignedIn) -> String {
    me.account
        .language
        .clone()
        .unwrap_or_else(|| pocdir_domain::learning::module::REFERENCE_LANGUAGE.to_owned())
}

#[utoipa::path(get, path = "/api/v1/learning/modules", tag = "learning",
    responses(
        (status = 200, description = "The newest version of every module, in the account's language (else English), with its progress", body = [ModuleBody]),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn modules(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<ModuleBody>>, AppError> {
    let svc = learning(&state);
    let progress = svc.progress(me.account.id).await?;
    let language = account_language(&me);
    Ok(Json(
        svc.modules()
            .await?
            .iter()
            .map(|m| module_body(m, &language, progress.get(&m.module.slug)))
            .collect(),
    ))
}

/// The files of a module, as a folder upload sends them.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// module.toml, `<lesson>.<language>.md` and `quiz.<language>.toml`.
    #[schema(value_type = Vec<String>, format = Binary)]
    files: Vec<Vec<u8>>,
}

#[utoipa::path(post, path = "/api/v1/learning/modules", tag = "learning",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Published as the module's next version (logged)", body = ModuleBody),
        (status = 400, description = "`bad_request`: not a well-formed multipart body", body = ErrorBody),
        (status = 409, description = "`not_allowed_now`: another version of the module was published at the same moment; nothing written", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: more than 2 MiB", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not multipart/form-data", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: each problem with its file (and line): no files, an unknown or missing file, unreadable TOML, a bad slug, mastery or time, quizzes that disagree, raw HTML, images or unsafe links in a lesson. Nothing written", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn upload(
    State(state): State<AppState>,
    me: SignedIn,
    form: MultipartForm,
) -> Result<(StatusCode, Json<ModuleBody>), AppError> {
    let m = learning(&state)
        .upload(&me.requester(), &form.files("files"))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(module_body(&m, &account_language(&me), None)),
    ))
}

#[utoipa::path(get, path = "/api/v1/learning/statements", tag = "learning",
    responses(
        (status = 200, description = "Completions as xAPI 1.0.3 statements (verb `passed`), oldest first: the account's own, or every account's for the secretariat. The actor is the account at this installation, never an e-mail address", body = [Object]),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn statements(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<serde_json::Value>>, AppError> {
    let whose = (me.actor.kind != AccountKind::Secretariat).then_some(me.account.id);
    Ok(Json(learning(&state).statements(whose).await?))
}

#[utoipa::path(get, path = "/api/v1/certificates/{id}", tag = "learning",
    params(("id" = String, Path, description = "Certificate number (a UUID)")),
    responses(
        (status = 200, description = "The certificate as issued, signed by the installation's key", body = Certificate),
        (status = 404, description = "No certificate of that number", body = ErrorBody),
    ))]
pub async fn certificate(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Json<Certificate>, AppError> {
    if !pocdir_domain::learning::certificate::is_id(&id) {
        return Err(AppError::bad_request("error-bad-path"));
    }
    Ok(Json(learning(&state).certificate(&id).await?))
}

/// The outcome of a check.
#[derive(Debug, Serialize, ToSchema)]
pub struct VerifyBody {
    /// True only when the signature matches one of the installation's
    /// keys and the certificate is on record as issued.
    pub valid: bool,
    /// Why not: `unreadable`, `unknown_key` or `forged`.
    pub problem: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/certificates/verify", tag = "learning",
    request_body = Certificate,
    responses(
        (status = 200, description = "Whether the certificate is genuine; any JSON is answered, a body that is not a certificate as `unreadable`", body = VerifyBody),
        (status = 400, description = "`malformed_json`: the body is not JSON", body = ErrorBody),
        (status = 413, description = "`payload_too_large`", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not application/json", body = ErrorBody),
    ))]
pub async fn verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Json<VerifyBody>, AppError> {
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    let checked = match Certificate::from_json(&bytes) {
        Ok(c) => learning(&state).verify(&c).await.map_err(AppError::from)?,
        Err(r) => Err(r),
    };
    Ok(Json(match checked {
        Ok(()) => VerifyBody {
            valid: true,
            problem: None,
        },
        Err(r) => VerifyBody {
            valid: false,
            problem: Some(
                match r {
                    pocdir_domain::learning::CertificateRefusal::Unreadable => "unreadable",
                    pocdir_domain::learning::CertificateRefusal::UnknownKey => "unknown_key",
                    pocdir_domain::learning::CertificateRefusal::Forged => "forged",
                }
                .to_owned(),
            ),
        },
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(modules, upload, statements, certificate, verify),
    components(schemas(ModuleBody, LessonBody, UploadForm, Certificate, VerifyBody))
)]
struct LearningApi;

pub fn openapi() -> utoipa::openapi::OpenApi {
    LearningApi::openapi()
}
