//! Following an invitation's link: the invitee chooses a password, the
//! account is made, and the existing TOTP enrolment follows
//! (`/login/enrol`), after which the invitee lands signed in.

use super::first_password::new_password_problem;
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::page::{render, PageCtx};
use crate::http::security::ClientAddress;
use crate::sign_in::pages::{session_cookie, user_agent};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use pocdir_domain::account_admin::link_live;
use pocdir_domain::credentials::{hash_password, hash_secret, SecretToken};
use pocdir_domain::log::events;
use pocdir_store::{Invitation, NewSession, StoreError};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "accounts/enrol.html")]
pub struct EnrolPasswordPage {
    pub page: PageCtx,
    pub token: String,
    pub email: String,
    pub name: String,
    pub kind: String,
    pub participant: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/link.html")]
pub struct LinkPage {
    pub page: PageCtx,
    pub title: String,
    pub message: String,
}

/// Why a mailed link cannot be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    Unknown,
    Used,
    Revoked,
    Expired,
}

impl LinkProblem {
    fn message(self) -> &'static str {
        match self {
            LinkProblem::Unknown => "link-unknown",
            LinkProblem::Used => "link-used",
            LinkProblem::Revoked => "link-revoked",
            LinkProblem::Expired => "link-expired",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            LinkProblem::Unknown => StatusCode::NOT_FOUND,
            _ => StatusCode::GONE,
        }
    }
}

/// The localized page that says a link cannot be followed, and why.
pub fn link_problem_page(page: PageCtx, problem: LinkProblem) -> Response {
    let title = page.t("link-title");
    let message = page.t(problem.message());
    render(
        problem.status(),
        &LinkPage {
            page,
            title,
            message,
        },
    )
}

/// The open invitation a link's secret names at `now`, or why not.
async fn open_invitation(
    state: &AppState,
    token: &str,
) -> Result<Result<Invitation, LinkProblem>, AppError> {
    let Some(invitation) = state.store.invitation_by_token(&hash_secret(token)).await? else {
        return Ok(Err(LinkProblem::Unknown));
    };
    Ok(if invitation.used_at.is_some() {
        Err(LinkProblem::Used)
    } else if invitation.revoked_at.is_some() {
        Err(LinkProblem::Revoked)
    } else if !link_live(invitation.expires_at, state.clock.now()) {
        Err(LinkProblem::Expired)
    } else {
        Ok(invitation)
    })
}

fn password_page(
    page: PageCtx,
    token: String,
    invitation: Invitation,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let kind = page.t(invitation.kind.label_message());
    render(
        status,
        &EnrolPasswordPage {
            page,
            token,
            email: invitation.email,
            name: invitation.display_name,
            kind,
            participant: invitation.participant.unwrap_or_default(),
            error,
        },
    )
}

pub async fn form(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(token): PathParams<String>,
) -> Result<Response, AppError> {
    Ok(match open_invitation(&state, &token).await? {
        Ok(invitation) => password_page(page, token, invitation, None, StatusCode::OK),
        Err(problem) => link_problem_page(page, problem),
    })
}

#[derive(Deserialize)]
pub struct EnrolPasswordForm {
    #[serde(default)]
    pub new: String,
    #[serde(default)]
    pub confirm: String,
}

pub async fn submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    headers: HeaderMap,
    PathParams(token): PathParams<String>,
    FormData(form): FormData<EnrolPasswordForm>,
) -> Result<Response, AppError> {
    let invitation = match open_invitation(&state, &token).await? {
        Ok(invitation) => invitation,
        Err(problem) => return Ok(link_problem_page(page, problem)),
    };
    if let Some(id) = new_password_problem(&form.new, &form.confirm) {
        let error = Some(page.t(id));
        return Ok(password_page(
            page,
            token,
            invitation,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let now = state.clock.now();
    let hash =
        hash_password(&form.new, state.entropy.as_ref()).map_err(|_| AppError::internal())?;
    let log = events::invitation_accepted(
        now,
        invitation.id,
        &invitation.email,
        invitation.kind,
        invitation.participant.as_deref(),
    )
    .map_err(|_| AppError::internal())?;
    let account = match state
        .store
        .accept_invitation(&hash_secret(&token), now, &hash, log)
        .await
    {
        Ok(account) => account,
        // Used by a second tab or revoked meanwhile.
        Err(StoreError::NotAllowed(_)) => return Ok(link_problem_page(page, LinkProblem::Used)),
        Err(StoreError::Duplicate(_)) => {
            return Err(AppError::new(
                StatusCode::CONFLICT,
                "account_exists",
                "accounts-invite-account-exists",
            ))
        }
        Err(e) => return Err(e.into()),
    };
    tracing::info!(
        account = account.id,
        invitation = invitation.id,
        "invitation accepted"
    );
    // The password is given: the second factor is next, as at any first
    // sign-in, in a pending session.
    let session = SecretToken::generate("", state.entropy.as_ref());
    state
        .store
        .create_session(NewSession {
            token_hash: session.hash.clone(),
            account_id: account.id,
            mfa_done: false,
            created_at: now,
            expires_at: state.config.sessions.absolute_expiry(now, false),
            user_agent: user_agent(&headers),
            client_address: address,
        })
        .await?;
    let mut response = Redirect::to("/login/enrol?next=%2F").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, session_cookie(&state, &session));
    Ok(response)
}
