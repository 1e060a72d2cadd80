//! The home page (the account's own, or the public page), the language
//! switch, the static files.

use crate::home::{public, roles};
use crate::http::cookies::set_cookie;
use crate::http::error::AppError;
use crate::http::extract::{PathParams, QueryParams};
use crate::http::identity::MaybeSignedIn;
use crate::http::locale::LANG_COOKIE;
use crate::http::page::{safe_next, see_other, NextQuery, PageCtx};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use pocdir_domain::log::events;
use pocdir_i18n::Lang;

/// Signed in, the account's home; signed out, the public page.
pub async fn home(
    State(state): State<AppState>,
    page: PageCtx,
    MaybeSignedIn(me): MaybeSignedIn,
) -> Result<Response, AppError> {
    match me {
        Some(me) => roles::home(&state, page, &me).await,
        None => public::page(&state, page).await,
    }
}

/// Remembers the chosen language in a cookie and goes back. Signed in, the
/// choice is also the account's: mail to it (re-validation reminders and
/// notices) is then written in that language. (A GET, like the cookie; the
/// session cookie is `SameSite=Strict`, so another site cannot make it.)
pub async fn choose_language(
    State(state): State<AppState>,
    PathParams(code): PathParams<String>,
    QueryParams(q): QueryParams<NextQuery>,
    MaybeSignedIn(me): MaybeSignedIn,
) -> Result<Response, AppError> {
    let lang = Lang::from_tag(&code).ok_or_else(AppError::not_found)?;
    if let Some(me) = me {
        let log = events::language_chosen(state.clock.now(), &me.account.log_actor(), lang.code())
            .map_err(|_| AppError::internal())?;
        state
            .store
            .set_account_language(me.account.id, Some(lang.code()), log)
            .await?;
    }
    let mut response = see_other(&safe_next(q.next.as_deref(), "/"));
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
        include_str!("../../static/app.css"),
    )
}

pub async fn favicon() -> Response {
    asset(
        "image/svg+xml",
        "public, max-age=86400",
        include_str!("../../static/favicon.svg"),
    )
}
