//! The page frame shared by every template (language, CSRF token, who is
//! signed in, the nav) and rendering a page.

use crate::http::csrf::CsrfBrowserValue;
use crate::http::error::AppError;
use crate::http::identity::SignedIn;
use crate::http::locale::lang_of;
use crate::http::nav::{Nav, NavArea, ShownLink};
use crate::state::AppState;
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use pocdir_domain::policy::Actor;
use pocdir_domain::redirect::LocalTarget;
use pocdir_i18n::{Lang, Translator};
use serde::Deserialize;
use std::sync::Arc;

/// Everything the page frame needs: language, CSRF token, who is signed in.
#[derive(Debug, Clone)]
pub struct PageCtx {
    pub tr: Translator,
    pub lang: Lang,
    pub csrf: String,
    pub user_email: Option<String>,
    pub path: String,
    pub langs: Vec<LangLink>,
    /// The nav's links in the main bar and in the account corner, as the
    /// access policy allows them (none until [`PageCtx::with_nav`]).
    pub nav_main: Vec<ShownLink>,
    pub nav_account: Vec<ShownLink>,
    /// The confirmation of the step that led here ([`see_other_done`]), in
    /// the reader's language; none when the query names no known message.
    pub done: Option<String>,
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
            nav_main: Vec::new(),
            nav_account: Vec::new(),
            done: None,
        }
    }

    /// Shows the confirmation named by a `done` query value, if it names a
    /// `done-…` message (anything else, typed or forged, shows nothing).
    pub fn with_done(mut self, query: Option<&str>) -> Self {
        self.done = query.and_then(done_key).and_then(|key| {
            let id = format!("{DONE_PREFIX}{key}");
            let text = self.tr.t(&id);
            (text != id).then_some(text)
        });
        self
    }

    /// Shows the nav's links that the policy allows `actor`.
    pub fn with_nav(mut self, nav: &Nav, actor: Option<&Actor>) -> Self {
        self.nav_main = nav.shown(NavArea::Main, actor, &self.tr);
        self.nav_account = nav.shown(NavArea::Account, actor, &self.tr);
        self
    }

    /// Whether a nav link leads to this page or one beneath it (the nav
    /// marks it `aria-current`).
    pub fn is_current(&self, href: &str) -> bool {
        self.path == href
            || (href != "/"
                && self
                    .path
                    .strip_prefix(href)
                    .is_some_and(|rest| rest.starts_with('/')))
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
        let nav = parts
            .extensions
            .get::<Arc<Nav>>()
            .cloned()
            .unwrap_or_default();
        let mut ctx = PageCtx::build(lang, csrf, user, &path)
            .with_nav(&nav, signed_in.map(|s| &s.actor))
            .with_done(parts.uri.query());
        if let Some(who) = signed_in {
            nav.count(&mut ctx.nav_main, state, who, &ctx.tr).await;
        }
        Ok(ctx)
    }
}

/// Renders a template as an HTML response with `status`.
pub fn render<T: Template>(status: StatusCode, template: &T) -> Response {
    match template.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

/// Where to go after a step: `next` if it is plainly a local path (the one
/// rule, [`LocalTarget`]), else `default`. Every target that comes from
/// outside (a query, a form field) goes through here.
pub fn safe_next(next: Option<&str>, default: &str) -> LocalTarget {
    LocalTarget::or_default(next, default)
}

/// A `303 See Other` to a local target. Unlike a redirect to any string,
/// it cannot fail: a [`LocalTarget`] is visible ASCII, a valid header.
pub fn see_other(to: &LocalTarget) -> Response {
    match HeaderValue::from_str(to.as_str()) {
        Ok(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
        Err(_) => (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, HeaderValue::from_static("/"))],
        )
            .into_response(),
    }
}

/// Message ids of confirmations start with this; the query carries the rest.
const DONE_PREFIX: &str = "done-";
const DONE_PARAM: &str = "done";

/// The `done` value of a query, if it is a plausible message key.
fn done_key(query: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == DONE_PARAM)
        .map(|(_, v)| v.into_owned())
        .filter(|v| {
            (1..=64).contains(&v.len())
                && v.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// A `303 See Other` to `to` that confirms the step just taken: the page
/// there shows the message `message_id` (a `done-…` id, so the message-id
/// check finds it) above its content. Stateless, so a reload shows it
/// again rather than losing it, and nothing is stored per session.
pub fn see_other_done(to: &LocalTarget, message_id: &'static str) -> Response {
    let key = message_id.strip_prefix(DONE_PREFIX).unwrap_or(message_id);
    let target = to.as_str();
    let sep = if target.contains('?') { '&' } else { '?' };
    let with = format!("{target}{sep}{DONE_PARAM}={key}");
    see_other(&LocalTarget::or_default(Some(&with), target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next(Some("/account"), "/").as_str(), "/account");
        assert_eq!(safe_next(Some("//evil.example"), "/").as_str(), "/");
        assert_eq!(safe_next(Some("https://evil.example"), "/").as_str(), "/");
        assert_eq!(safe_next(Some("/\\evil"), "/").as_str(), "/");
        assert_eq!(safe_next(Some("/\t/evil.example/"), "/").as_str(), "/");
        assert_eq!(safe_next(Some("/a\r\nSet-Cookie: x"), "/").as_str(), "/");
        assert_eq!(safe_next(None, "/x").as_str(), "/x");
    }

    #[test]
    fn a_confirmation_rides_on_the_redirect_and_shows_only_known_messages() {
        let r = see_other_done(&safe_next(Some("/pocs/7"), "/"), "done-signed-out");
        assert_eq!(r.headers()[header::LOCATION], "/pocs/7?done=signed-out");
        let r = see_other_done(&safe_next(Some("/pocs?q=a"), "/"), "done-signed-out");
        assert_eq!(r.headers()[header::LOCATION], "/pocs?q=a&done=signed-out");

        let page = |q: &str| PageCtx::build(Lang::En, String::new(), None, "/").with_done(Some(q));
        assert!(page("done=signed-out").done.is_some());
        assert_eq!(page("done=no-such-step").done, None);
        assert_eq!(page("done=%3Cscript%3E").done, None);
        assert_eq!(page("q=x").done, None);
    }

    #[test]
    fn a_redirect_to_a_local_target_never_fails() {
        let r = see_other(&safe_next(Some("/a\r\nb"), "/account"));
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[header::LOCATION], "/account");
    }
}
