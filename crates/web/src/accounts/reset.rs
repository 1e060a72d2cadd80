//! "Forgot password": a mailed, single-use, expiring link. The answer is
//! the same whether or not the address has an account, and requests are
//! throttled like sign-in. Setting the new password still takes the second
//! factor (a TOTP code or a recovery code) when the account has one.

use super::enrol::{link_problem_page, LinkProblem};
use super::first_password::new_password_problem;
use super::mail::{self, Recipient};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::http::security::ClientAddress;
use crate::sign_in::pages::{locked_response, record_failure, throttle, Attempts};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use pocdir_domain::account::Email;
use pocdir_domain::account_admin::{link_live, password_reset_token};
use pocdir_domain::credentials::{hash_password, hash_recovery_code, hash_secret};
use pocdir_domain::log::events;
use pocdir_domain::throttle::ThrottleDecision;
use pocdir_domain::totp;
use pocdir_store::{Account, NewPasswordReset};
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
pub struct ForgotPage {
    pub page: PageCtx,
    pub email: String,
    /// After a request: the same words whatever the address.
    pub sent: bool,
}

#[derive(Template)]
#[template(path = "accounts/reset.html")]
pub struct ResetPage {
    pub page: PageCtx,
    pub token: String,
    pub email: String,
    /// Whether the second factor is asked for (the account has one).
    pub second_factor: bool,
    pub error: Option<String>,
}

pub async fn forgot_form(page: PageCtx) -> Response {
    render(
        StatusCode::OK,
        &ForgotPage {
            page,
            email: String::new(),
            sent: false,
        },
    )
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    pub email: String,
}

/// Reset requests are counted apart from sign-in failures, by the same rule.
const RESET_REQUESTS: Attempts = Attempts {
    per_email: "reset-account:",
    per_address: "reset-address:",
};

pub async fn forgot_submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    FormData(form): FormData<ForgotForm>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let email = Email::parse(&form.email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|_| form.email.trim().to_lowercase());
    let decision = RESET_REQUESTS.decide(&state, &email, &address, now).await?;
    if decision != ThrottleDecision::Allow {
        tracing::warn!(%address, "password reset refused: too many requests");
        return Ok(locked_response(decision, now));
    }
    RESET_REQUESTS.count(&state, &email, &address, now).await?;
    match state.store.account_by_email(&email).await? {
        Some(account) if !account.disabled => send_reset(&state, &account, &address).await?,
        _ => tracing::info!(%address, "password reset asked for no usable account"),
    }
    Ok(render(
        StatusCode::OK,
        &ForgotPage {
            page,
            email: form.email,
            sent: true,
        },
    ))
}

async fn send_reset(state: &AppState, account: &Account, address: &str) -> Result<(), AppError> {
    let now = state.clock.now();
    let expires_at = now + state.config.links.password_reset;
    let token = password_reset_token(state.entropy.as_ref());
    let to = Recipient {
        email: &account.email,
        lang: mail::lang_of(account.language.as_deref()),
        participant: account.participant.as_deref(),
    };
    let mail = mail::password_reset(state, &to, &token.hash, &token.secret, expires_at)
        .map_err(|_| AppError::internal())?;
    let log =
        events::password_reset_requested(now, account.id, account.participant.as_deref(), address)
            .map_err(|_| AppError::internal())?;
    state
        .store
        .create_password_reset(
            NewPasswordReset {
                account_id: account.id,
                token_hash: token.hash.clone(),
                created_at: now,
                expires_at,
            },
            mail,
            log,
        )
        .await?;
    tracing::info!(account = account.id, "password reset link mailed");
    Ok(())
}

/// The account a reset link's secret opens at `now`, or why not.
async fn reset_account(
    state: &AppState,
    token: &str,
) -> Result<Result<Account, LinkProblem>, AppError> {
    let Some(reset) = state
        .store
        .password_reset_by_token(&hash_secret(token))
        .await?
    else {
        return Ok(Err(LinkProblem::Unknown));
    };
    if reset.used_at.is_some() {
        return Ok(Err(LinkProblem::Used));
    }
    if !link_live(reset.expires_at, state.clock.now()) {
        return Ok(Err(LinkProblem::Expired));
    }
    Ok(match state.store.account_by_id(reset.account_id).await? {
        Some(account) if !account.disabled => Ok(account),
        _ => Err(LinkProblem::Unknown),
    })
}

fn reset_page(
    page: PageCtx,
    token: String,
    account: &Account,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    render(
        status,
        &ResetPage {
            page,
            token,
            email: account.email.clone(),
            second_factor: account.totp_enrolled,
            error,
        },
    )
}

pub async fn reset_form(
    State(state): State<AppState>,
    page: PageCtx,
    PathParams(token): PathParams<String>,
) -> Result<Response, AppError> {
    Ok(match reset_account(&state, &token).await? {
        Ok(account) => reset_page(page, token, &account, None, StatusCode::OK),
        Err(problem) => link_problem_page(page, problem),
    })
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    pub new: String,
    #[serde(default)]
    pub confirm: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub recovery_code: String,
}

/// Checks the second factor as the sign-in does (the replay guard, a
/// recovery code used once): which one was given, or the message id of
/// the refusal.
async fn check_second_factor(
    state: &AppState,
    account: &Account,
    form: &ResetForm,
    now: OffsetDateTime,
) -> Result<Result<&'static str, &'static str>, AppError> {
    if !account.totp_enrolled {
        // Nothing to give yet: it is set up at the next sign-in.
        return Ok(Ok("none"));
    }
    if !form.recovery_code.trim().is_empty() {
        let used = state
            .store
            .use_recovery_code(
                account.id,
                &hash_recovery_code(&form.recovery_code),
                now,
                events::recovery_code_used(now, &account.log_actor()),
            )
            .await?;
        return Ok(if used {
            Ok("recovery_code")
        } else {
            Err("mfa-wrong-recovery")
        });
    }
    let secret = account.totp_secret.clone().unwrap_or_default();
    match totp::verify(&secret, &form.code, now) {
        Ok(Some(step)) => {
            let step = i64::try_from(step).unwrap_or(i64::MAX);
            Ok(if state.store.accept_totp_step(account.id, step).await? {
                Ok("totp")
            } else {
                Err("mfa-replayed")
            })
        }
        Ok(None) => Ok(Err("mfa-wrong")),
        Err(e) => {
            tracing::error!(account = account.id, error = %e, "stored TOTP secret unusable");
            Err(AppError::internal())
        }
    }
}

pub async fn reset_submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    PathParams(token): PathParams<String>,
    FormData(form): FormData<ResetForm>,
) -> Result<Response, AppError> {
    let account = match reset_account(&state, &token).await? {
        Ok(account) => account,
        Err(problem) => return Ok(link_problem_page(page, problem)),
    };
    let now = state.clock.now();
    // A wrong code here counts as a failed sign-in: the same lock applies.
    let decision = throttle(&state, &account.email, &address, now).await?;
    if decision != ThrottleDecision::Allow {
        return Ok(locked_response(decision, now));
    }
    if let Some(id) = new_password_problem(&form.new, &form.confirm) {
        let error = Some(page.t(id));
        return Ok(reset_page(
            page,
            token,
            &account,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let method = match check_second_factor(&state, &account, &form, now).await? {
        Ok(method) => method,
        Err(id) => {
            record_failure(&state, &account.email, &address, now).await?;
            let decision = throttle(&state, &account.email, &address, now).await?;
            if decision != ThrottleDecision::Allow {
                return Ok(locked_response(decision, now));
            }
            let error = Some(page.t(id));
            return Ok(reset_page(
                page,
                token,
                &account,
                error,
                StatusCode::UNAUTHORIZED,
            ));
        }
    };
    let hash =
        hash_password(&form.new, state.entropy.as_ref()).map_err(|_| AppError::internal())?;
    let log = events::password_reset(now, &account.log_actor(), method)
        .map_err(|_| AppError::internal())?;
    if !state
        .store
        .complete_password_reset(&hash_secret(&token), now, &hash, log)
        .await?
    {
        return Ok(link_problem_page(page, LinkProblem::Used));
    }
    tracing::info!(account = account.id, "password reset");
    Ok(see_other_done(
        &safe_next(None, "/login"),
        "done-password-reset",
    ))
}
