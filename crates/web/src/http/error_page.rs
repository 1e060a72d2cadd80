//! Errors as people see them: a localized page in the frame, or the JSON
//! shape on machine paths, whoever produced the error (a handler or axum).

use crate::http::csrf::CsrfFormToken;
use crate::http::error::{is_machine_path, AppError};
use crate::http::identity::FrameUser;
use crate::http::nav::Nav;
use crate::http::page::PageCtx;
use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use pocdir_i18n::Lang;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: PageCtx,
    pub status: u16,
    pub title: String,
    pub message: String,
}

/// An error as a page, in `lang`, framed for whoever is signed in (`user`,
/// with the browser's form token `csrf` for the sign-out form), so that an
/// error does not look like being signed out.
pub fn render_error_page(
    error: &AppError,
    lang: Lang,
    path: &str,
    nav: &Nav,
    user: Option<&FrameUser>,
    csrf: String,
) -> Response {
    let page = PageCtx::build(lang, csrf, user.map(|u| u.email.clone()), path)
        .with_nav(nav, user.map(|u| &u.actor));
    let title = page.tr.t(title_message(error.status));
    let template = ErrorPage {
        status: error.status.as_u16(),
        message: error.message(lang),
        title,
        page,
    };
    match template.render() {
        Ok(body) => (error.status, Html(body)).into_response(),
        // The error page itself failed: say so plainly, still without a trace.
        Err(_) => (error.status, error.message(lang)).into_response(),
    }
}

fn title_message(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 413 | 415 | 422 => "error-title-bad-request",
        401 => "error-title-unauthorized",
        403 => "error-title-forbidden",
        404 => "error-title-not-found",
        405 => "error-title-method-not-allowed",
        409 => "error-title-conflict",
        429 => "error-title-too-many",
        _ => "error-title-internal",
    }
}

/// Turns every error response into the one shape: JSON for machine paths,
/// a localized page for people. Also catches errors produced by the
/// framework itself (e.g. 405) which carry no [`AppError`].
/// `path` and `lang` are the request's.
pub fn render_errors(response: Response, path: &str, lang: Lang, nav: &Nav) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let error = match response.extensions().get::<AppError>() {
        Some(e) => e.clone(),
        None => {
            // Handlers that render their own error page (a form shown again
            // with a message) set an HTML content type; leave those alone.
            // The framework's own refusals are plain text (or have no body
            // at all): those become the one shape.
            let from_framework = response
                .headers()
                .get(header::CONTENT_TYPE)
                .is_none_or(|ct| ct.as_bytes().starts_with(b"text/plain"));
            if !from_framework {
                return response;
            }
            AppError::from_status(status)
        }
    };
    // A ping test's link carries its token: the log never gets it.
    let logged = if path.starts_with("/ping/") {
        "/ping/…"
    } else {
        path
    };
    if status.is_server_error() {
        tracing::error!(path = %logged, %status, code = error.code, "request failed");
    } else {
        tracing::info!(path = %logged, %status, code = error.code, "request refused");
    }
    let mut out = if is_machine_path(path) {
        error.json_response()
    } else {
        let user = response.extensions().get::<FrameUser>();
        let csrf = response
            .extensions()
            .get::<CsrfFormToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        render_error_page(&error, lang, path, nav, user, csrf)
    };
    // Keep headers such as Retry-After and Allow.
    for name in [header::RETRY_AFTER, header::ALLOW, header::SET_COOKIE] {
        for value in response.headers().get_all(&name) {
            out.headers_mut().append(name.clone(), value.clone());
        }
    }
    out
}
