//! Public pages, the page frame shared by every template, the language
//! switcher, static assets, health, and error pages.

use crate::auth::SignedIn;
use crate::error::AppError;
use crate::locale::{lang_of, LANG_COOKIE};
use crate::security::{set_cookie, CsrfBrowserValue};
use crate::state::AppState;
use askama::Template;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use pocdir_domain::policy::{decide, Action, Actor, Decision};
use pocdir_i18n::{Lang, Translator};
use serde::Deserialize;

/// Everything the page frame needs: language, CSRF token, who is signed in.
#[derive(Debug, Clone)]
pub struct PageCtx {
    pub tr: Translator,
    pub lang: Lang,
    pub csrf: String,
    pub user_email: Option<String>,
    pub path: String,
    pub langs: Vec<LangLink>,
    /// Links the frame shows, as the access policy allows them.
    pub can_audit: bool,
    pub can_view_own_state_log: bool,
    pub can_read_directory: bool,
    pub can_review_nominations: bool,
    pub can_view_outbox: bool,
}

#[derive(Debug, Clone)]
pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl PageCtx {
    pub fn build(lang: Lang, csrf: String, user_email: Option<String>, path: &str) -> Self {
        let langs = Lang::ALL
            .into_iter()
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                href: format!(
                    "/lang/{}?next={}",
                    l.code(),
                    url::form_urlencoded::byte_serialize(path.as_bytes()).collect::<String>()
                ),
                current: l == lang,
            })
            .collect();
        PageCtx {
            tr: Translator::new(lang),
            lang,
            csrf,
            user_email,
            path: path.to_string(),
            langs,
            can_audit: false,
            can_view_own_state_log: false,
            can_read_directory: false,
            can_review_nominations: false,
            can_view_outbox: false,
        }
    }

    /// Shows the links that the policy allows `actor`.
    pub fn for_actor(mut self, actor: Option<&Actor>) -> Self {
        self.can_audit = decide(actor, Action::AuditLog) == Decision::Allow;
        self.can_view_own_state_log = decide(actor, Action::ViewOwnStateLog) == Decision::Allow;
        self.can_read_directory = decide(actor, Action::ReadDirectory) == Decision::Allow;
        self.can_review_nominations = decide(actor, Action::ReviewNominations) == Decision::Allow;
        self.can_view_outbox = decide(actor, Action::ViewOutbox) == Decision::Allow;
        self
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// A UN M49 region's name in this language (the data keeps English).
    pub fn region(&self, region: &str) -> String {
        match region {
            "Africa" => self.t("region-africa"),
            "Americas" => self.t("region-americas"),
            "Asia" => self.t("region-asia"),
            "Europe" => self.t("region-europe"),
            "Oceania" => self.t("region-oceania"),
            other => other.to_string(),
        }
    }
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = lang_of(&parts.headers);
        let csrf = parts
            .extensions
            .get::<CsrfBrowserValue>()
            .map(|v| v.token(state))
            .unwrap_or_default();
        let signed_in = parts.extensions.get::<SignedIn>();
        let user = signed_in.map(|s| s.account.email.clone());
        let path = parts.uri.path().to_string();
        Ok(PageCtx::build(lang, csrf, user, &path).for_actor(signed_in.map(|s| &s.actor)))
    }
}

/// Renders a template as an HTML response with `status`.
pub fn render<T: Template>(status: StatusCode, template: &T) -> Response {
    match template.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub page: PageCtx,
}

pub async fn home(page: PageCtx) -> Response {
    render(StatusCode::OK, &HomePage { page })
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: PageCtx,
    pub status: u16,
    pub title: String,
    pub message: String,
}

pub fn render_error_page(error: &AppError, lang: Lang, path: &str) -> Response {
    let page = PageCtx::build(lang, String::new(), None, path);
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

#[derive(Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

/// Only local paths, so that `next` cannot send anyone to another site.
pub fn safe_next(next: Option<&str>, default: &str) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => default.to_string(),
    }
}

/// Remembers the chosen language in a cookie and goes back. Signed in, the
/// choice is also the account's: mail to it (re-validation reminders and
/// notices) is then written in that language. (A GET, like the cookie; the
/// session cookie is `SameSite=Strict`, so another site cannot make it.)
pub async fn choose_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
    crate::auth::MaybeSignedIn(me): crate::auth::MaybeSignedIn,
) -> Result<Response, AppError> {
    let lang = Lang::from_tag(&code).ok_or_else(AppError::not_found)?;
    if let Some(me) = me {
        let log = pocdir_domain::log::entry::LogDraft::new(
            state.clock.now(),
            crate::auth::log_actor(&me.account),
            "account.language",
            format!("account:{}", me.account.id),
        )
        .about_participant(me.account.participant.clone())
        .with_content(&serde_json::json!({ "language": lang.code() }));
        state
            .store
            .set_account_language(me.account.id, Some(lang.code()), log)
            .await?;
    }
    let mut response = Redirect::to(&safe_next(q.next.as_deref(), "/")).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            LANG_COOKIE,
            lang.code(),
            state.config.cookie_secure,
            Some(time::Duration::days(365)),
        ),
    );
    Ok(response)
}

/// A file compiled into the binary, cacheable by browsers.
fn asset(content_type: &'static str, max_age: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(max_age)),
        ],
        body,
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    asset(
        "text/css; charset=utf-8",
        "public, max-age=3600",
        include_str!("../static/app.css"),
    )
}

pub async fn favicon() -> Response {
    asset(
        "image/svg+xml",
        "public, max-age=86400",
        include_str!("../static/favicon.svg"),
    )
}

pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            axum::Json(serde_json::json!({"status": "ok"})),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({"error": {"code": "unavailable", "message": "The database cannot be reached."}})),
            )
                .into_response()
        }
    }
}

pub async fn not_found() -> AppError {
    AppError::not_found()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next(Some("/account"), "/"), "/account");
        assert_eq!(safe_next(Some("//evil.example"), "/"), "/");
        assert_eq!(safe_next(Some("https://evil.example"), "/"), "/");
        assert_eq!(safe_next(Some("/\\evil"), "/"), "/");
        assert_eq!(safe_next(None, "/x"), "/x");
    }
}
