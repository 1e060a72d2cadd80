//! The first password: an account whose password was set by someone else
//! (the console) chooses its own after the second factor, before any other
//! page opens (the route guard sends it here; see `PasswordChangeDue`).

use crate::http::error::AppError;
use crate::http::extract::{FormData, QueryParams};
use crate::http::identity::{PasswordChangeDue, SignedIn};
use crate::http::page::{render, safe_next, see_other, see_other_done, PageCtx};
use crate::http::routes::FIRST_PASSWORD_PATH;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use pocdir_domain::credentials::{
    check_new_password, hash_password, verify_password, PasswordRuleError,
};
use pocdir_domain::log::events;
use pocdir_domain::redirect::LocalTarget;
use pocdir_store::Account;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "accounts/first_password.html")]
pub struct FirstPasswordPage {
    pub page: PageCtx,
    pub email: String,
    pub next: LocalTarget,
    pub error: Option<String>,
}

/// The first-password page, then `next`.
pub fn go_there(next: &LocalTarget) -> Response {
    let to = format!(
        "{FIRST_PASSWORD_PATH}?next={}",
        url::form_urlencoded::byte_serialize(next.as_str().as_bytes()).collect::<String>()
    );
    Redirect::to(&to).into_response()
}

/// Where a completed sign-in goes: `next`, unless the account must first
/// choose its password.
pub fn after_sign_in(account: &Account, next: &LocalTarget) -> Response {
    if account.password_change_required {
        go_there(next)
    } else {
        see_other(next)
    }
}

/// The message id of what is wrong with a new password and its repetition.
pub fn new_password_problem(new: &str, confirm: &str) -> Option<&'static str> {
    if new != confirm {
        Some("account-password-mismatch")
    } else {
        match check_new_password(new) {
            Err(PasswordRuleError::TooShort) => Some("account-password-too-short"),
            Err(_) => Some("account-password-too-long"),
            Ok(()) => None,
        }
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

pub async fn form(
    page: PageCtx,
    signed_in: Option<Extension<SignedIn>>,
    due: Option<Extension<PasswordChangeDue>>,
    QueryParams(q): QueryParams<NextQuery>,
) -> Response {
    let next = safe_next(q.next.as_deref(), "/");
    let Some(Extension(due)) = due else {
        return if signed_in.is_some() {
            see_other(&next)
        } else {
            Redirect::to("/login").into_response()
        };
    };
    render(
        StatusCode::OK,
        &FirstPasswordPage {
            page,
            email: due.account.email,
            next,
            error: None,
        },
    )
}

#[derive(Deserialize)]
pub struct FirstPasswordForm {
    #[serde(default)]
    pub new: String,
    #[serde(default)]
    pub confirm: String,
    pub next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    page: PageCtx,
    due: Option<Extension<PasswordChangeDue>>,
    FormData(form): FormData<FirstPasswordForm>,
) -> Result<Response, AppError> {
    let next = safe_next(form.next.as_deref(), "/");
    let Some(Extension(due)) = due else {
        return Ok(Redirect::to("/login").into_response());
    };
    let problem = new_password_problem(&form.new, &form.confirm).or_else(|| {
        verify_password(&form.new, &due.account.password_hash)
            .then_some("first-password-same-as-before")
    });
    if let Some(id) = problem {
        let error = Some(page.t(id));
        return Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FirstPasswordPage {
                page,
                email: due.account.email,
                next,
                error,
            },
        ));
    }
    let hash =
        hash_password(&form.new, state.entropy.as_ref()).map_err(|_| AppError::internal())?;
    state
        .store
        .change_password(
            due.account.id,
            &hash,
            Some(due.session.id),
            events::password_changed(state.clock.now(), &due.account.log_actor()),
        )
        .await?;
    tracing::info!(account = due.account.id, "first password chosen");
    Ok(see_other_done(&next, "done-password-chosen"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_follows_the_same_rules_as_everywhere() {
        assert_eq!(
            new_password_problem("a", "b"),
            Some("account-password-mismatch")
        );
        assert_eq!(
            new_password_problem("short", "short"),
            Some("account-password-too-short")
        );
        let long = "x".repeat(300);
        assert_eq!(
            new_password_problem(&long, &long),
            Some("account-password-too-long")
        );
        assert_eq!(
            new_password_problem("long enough pass", "long enough pass"),
            None
        );
        let next = safe_next(Some("/audit"), "/");
        let to = go_there(&next);
        assert_eq!(
            to.headers()[axum::http::header::LOCATION],
            "/login/password?next=%2Faudit"
        );
    }
}
