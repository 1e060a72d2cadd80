//! Every refusal under `/taxii2/` in TAXII's error shape (section 3.6.1 of
//! TAXII 2.1) and media type, whichever layer refused: the sign-in (401,
//! which also offers Basic, the scheme TAXII clients speak), the policy
//! (403), an unknown path (404), the handler (400, 406, 413, 415, 422) or
//! the store (503). The same refusal elsewhere keeps pocdir's own shape.

use crate::http::error::AppError;
use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use pocdir_domain::taxii::media::TAXII_MEDIA_TYPE;
use pocdir_i18n::Lang;
use serde::Serialize;

/// TAXII's error message.
#[derive(Debug, Serialize)]
struct TaxiiError {
    title: String,
    description: String,
    error_code: &'static str,
    http_status: String,
}

/// `path` is the request's.
pub fn taxii_errors(response: Response, path: &str) -> Response {
    if !path.starts_with("/taxii2") {
        return response;
    }
    if !(response.status().is_client_error() || response.status().is_server_error()) {
        return response;
    }
    let error = response
        .extensions()
        .get::<AppError>()
        .cloned()
        .unwrap_or_else(|| AppError::from_status(response.status()));
    let status = response.status();
    let message = error.message(Lang::En);
    let body = TaxiiError {
        title: message.clone(),
        description: message,
        error_code: error.code,
        http_status: status.as_u16().to_string(),
    };
    let text = serde_json::to_string(&body).unwrap_or_default();
    let (mut parts, _) = response.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(TAXII_MEDIA_TYPE),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    if status == StatusCode::UNAUTHORIZED {
        parts.headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"pocdir TAXII\", Bearer realm=\"pocdir\""),
        );
    }
    parts.extensions.insert(error);
    Response::from_parts(parts, Body::from(text))
}
