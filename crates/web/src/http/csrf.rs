//! CSRF protection of every form: a random value per browser in a cookie,
//! and in every form a token bound to it.

use crate::http::body_limit::BodyLimits;
use crate::http::cookies::{cookie_value, set_cookie};
use crate::http::error::{is_machine_path, AppError};
use crate::http::multipart;
use crate::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pocdir_domain::credentials::{csrf_token, csrf_token_matches};
use pocdir_domain::entropy::random_bytes;
use std::sync::Arc;

pub const CSRF_COOKIE: &str = "pocdir_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The browser's CSRF value for this request (set by [`csrf_protect`]).
#[derive(Debug, Clone)]
pub struct CsrfBrowserValue(pub String);

impl CsrfBrowserValue {
    pub fn token(&self, state: &AppState) -> String {
        csrf_token(&state.secrets.csrf_key, &self.0)
    }
}

/// The form token of this browser, carried on an error response to
/// [`render_errors`](crate::http::error_page::render_errors), which runs
/// outside this layer, so that an error page's sign-out form works.
#[derive(Debug, Clone)]
pub struct CsrfFormToken(pub String);

/// Gives every browser a random CSRF value in a cookie and checks, on every
/// form post outside the API, that the form carries the matching token.
/// The API is protected in [`authenticate`](crate::http::identity::authenticate)
/// (bearer tokens, or a header with cookies). A form's body is read here, up
/// to its route's limit.
pub async fn csrf_protect(
    State((state, limits)): State<(AppState, Arc<BodyLimits>)>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_string();
    if is_machine_path(&path) {
        return next.run(request).await;
    }
    let existing = cookie_value(request.headers(), CSRF_COOKIE).filter(|v| v.len() >= 32);
    let (value, fresh) = match existing {
        Some(v) => (v, false),
        None => {
            let bytes: [u8; 32] = random_bytes(state.entropy.as_ref());
            (hex_encode(&bytes), true)
        }
    };

    let request = if request.method() == Method::POST {
        let limit = limits.of(&request);
        let (parts, body) = request.into_parts();
        let bytes = match to_bytes(body, limit).await {
            Ok(b) => b,
            Err(_) => return AppError::payload_too_large().into_response(),
        };
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let submitted = match multipart::boundary(content_type) {
            // A file upload: the token is one of the parts.
            Some(boundary) => multipart::parse(&boundary, &bytes)
                .and_then(|parts| parts.into_iter().find(|p| p.name == CSRF_FIELD))
                .and_then(|p| std::str::from_utf8(p.data).ok().map(str::to_string))
                .unwrap_or_default(),
            None => url::form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default(),
        };
        if fresh || !csrf_token_matches(&state.secrets.csrf_key, &value, &submitted) {
            tracing::warn!(%path, "form refused: missing or wrong CSRF token");
            let mut response = AppError::csrf().into_response();
            response
                .extensions_mut()
                .insert(CsrfFormToken(csrf_token(&state.secrets.csrf_key, &value)));
            if fresh {
                attach_csrf_cookie(&mut response, &value, state.config.cookie_secure);
            }
            return response;
        }
        Request::from_parts(parts, Body::from(bytes))
    } else {
        request
    };

    let mut request = request;
    request
        .extensions_mut()
        .insert(CsrfBrowserValue(value.clone()));
    let mut response = next.run(request).await;
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        response
            .extensions_mut()
            .insert(CsrfFormToken(csrf_token(&state.secrets.csrf_key, &value)));
    }
    if fresh {
        attach_csrf_cookie(&mut response, &value, state.config.cookie_secure);
    }
    response
}

fn attach_csrf_cookie(response: &mut Response, value: &str, secure: bool) {
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(CSRF_COOKIE, value, secure, None),
    );
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
