//! One error type for every route. It becomes `{"error":{"code","message"}}`
//! on the API and a localized page in HTML (see
//! [`render_errors`](crate::http::error_page::render_errors)).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_i18n::{FluentArg, Lang, Translator};
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct AppError {
    pub status: StatusCode,
    /// Stable, machine-readable code (part of the API contract).
    pub code: &'static str,
    /// Fluent message id; the JSON message is its English text.
    pub message_id: &'static str,
    pub args: Vec<(&'static str, FluentArg)>,
    /// Field-by-field problems of a submitted form or JSON body.
    pub fields: Vec<(String, &'static str)>,
    /// What few errors carry (boxed: every handler returns this type).
    pub extra: Option<Box<ErrorExtra>>,
}

/// What few errors carry beside the rest.
#[derive(Debug, Clone, Default)]
pub struct ErrorExtra {
    /// The arguments of a field's message, when it names something (a
    /// State, a file, a STIX object), by the field's name.
    pub field_args: Vec<(String, Vec<(&'static str, FluentArg)>)>,
    /// When the client may try again (`Retry-After`), for a 429 or a 503.
    pub retry_after_seconds: Option<u64>,
}

/// The JSON error shape.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `unauthorized`.
    pub code: String,
    /// A sentence for people (English).
    pub message: String,
    /// For invalid input: each field and what is wrong with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
}

/// One invalid field.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// e.g. `emails[1]`.
    pub field: String,
    pub message: String,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message_id: &'static str) -> Self {
        AppError {
            status,
            code,
            message_id,
            args: Vec::new(),
            fields: Vec::new(),
            extra: None,
        }
    }

    /// 422 with every invalid field named.
    pub fn invalid_fields(fields: Vec<(String, &'static str)>) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_fields",
            "error-invalid-fields",
        );
        e.fields = fields;
        e
    }

    /// Tells the client when it may try again (`Retry-After`, at least 1 s).
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.extra
            .get_or_insert_with(Default::default)
            .retry_after_seconds = Some(seconds.max(1));
        self
    }

    /// Gives the message of `field` its arguments.
    pub fn with_field_args(
        mut self,
        field: impl Into<String>,
        args: Vec<(&'static str, FluentArg)>,
    ) -> Self {
        self.extra
            .get_or_insert_with(Default::default)
            .field_args
            .push((field.into(), args));
        self
    }

    /// The message of `field`'s problem `message_id` in `lang`, with its
    /// arguments when it has some.
    pub fn field_message(&self, lang: Lang, field: &str, message_id: &str) -> String {
        let tr = Translator::new(lang);
        let args = self
            .extra
            .as_ref()
            .and_then(|e| e.field_args.iter().find(|(f, _)| f == field));
        match args {
            Some((_, args)) => tr.t_args(message_id, args),
            None => tr.t(message_id),
        }
    }

    pub fn with_arg(mut self, name: &'static str, value: FluentArg) -> Self {
        self.args.push((name, value));
        self
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "error-not-found")
    }
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "error-method-not-allowed",
        )
    }
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "error-unauthorized",
        )
    }
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "error-forbidden")
    }
    pub fn csrf() -> Self {
        Self::new(StatusCode::FORBIDDEN, "csrf_failed", "error-csrf")
    }
    pub fn bad_request(message_id: &'static str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message_id)
    }
    pub fn malformed_json() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "error-malformed-json",
        )
    }
    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "error-unsupported-media-type",
        )
    }
    pub fn payload_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "error-payload-too-large",
        )
    }
    /// The store could not take the change in time (or is unreachable):
    /// nothing was saved, and trying again later may work.
    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "error-unavailable",
        )
    }
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "error-internal",
        )
    }

    /// What an arbitrary error status means when nothing more is known.
    pub fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => Self::not_found(),
            StatusCode::METHOD_NOT_ALLOWED => Self::method_not_allowed(),
            StatusCode::UNAUTHORIZED => Self::unauthorized(),
            StatusCode::FORBIDDEN => Self::forbidden(),
            StatusCode::PAYLOAD_TOO_LARGE => Self::payload_too_large(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::unsupported_media_type(),
            s if s.is_client_error() => Self::new(s, "bad_request", "error-bad-request"),
            _ => Self::internal(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        Translator::new(lang).t_args(self.message_id, &self.args)
    }

    /// The JSON error shape, whatever the path.
    pub fn json_response(&self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message(Lang::En),
                fields: self
                    .fields
                    .iter()
                    .map(|(field, id)| FieldProblem {
                        field: field.clone(),
                        message: self.field_message(Lang::En, field, id),
                    })
                    .collect(),
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"pocdir\""),
            );
        }
        if let Some(seconds) = self.extra.as_ref().and_then(|e| e.retry_after_seconds) {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        } else if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.json_response();
        // Kept so that `render_errors` can turn it into a localized page.
        response.extensions_mut().insert(self);
        response
    }
}

/// What a store error means to a client when the handler says nothing more
/// precise: a missing row is a 404, a taken value or a change the state does
/// not allow a 409; anything else is our failure.
impl From<pocdir_store::StoreError> for AppError {
    fn from(e: pocdir_store::StoreError) -> Self {
        use pocdir_store::StoreError;
        match e {
            StoreError::NotFound => AppError::not_found(),
            StoreError::Duplicate(_) => {
                AppError::new(StatusCode::CONFLICT, "duplicate", "error-duplicate")
            }
            StoreError::NotAllowed(_) => AppError::new(
                StatusCode::CONFLICT,
                "not_allowed_now",
                "error-not-allowed-now",
            ),
            StoreError::Unavailable(reason) => {
                tracing::warn!(%reason, "the store could not take a change");
                AppError::unavailable()
            }
            e => {
                tracing::error!(error = %e, "storage failure");
                AppError::internal()
            }
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        tracing::error!(error = %e, "template failure");
        AppError::internal()
    }
}

/// Paths that speak JSON rather than HTML.
pub fn is_machine_path(path: &str) -> bool {
    path.starts_with("/api/")
        || path == "/api"
        || path.starts_with("/taxii2")
        || path == "/healthz"
        || path.starts_with("/healthz/")
        || path == "/metrics"
        || path.starts_with("/.well-known/")
}

/// The answer to a path that no route has.
pub async fn not_found() -> AppError {
    AppError::not_found()
}

/// The answer to a method that a path's routes do not take.
pub async fn method_not_allowed() -> AppError {
    AppError::method_not_allowed()
}
