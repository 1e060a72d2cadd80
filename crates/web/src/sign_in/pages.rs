//! Signing in: password, then the second factor (TOTP enrolment on first
//! sign-in, a TOTP code or a recovery code afterwards), then a fresh
//! session. Signing out.

use crate::http::cookies::{clear_cookie, set_cookie};
use crate::http::error::AppError;
use crate::http::extract::{FormData, QueryParams};
use crate::http::identity::{
    PasswordChangeDue, PendingSignIn, SessionEnded, SignedIn, SESSION_COOKIE,
};
use crate::http::page::{render, safe_next, see_other, see_other_done, PageCtx};
use crate::http::security::ClientAddress;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use pocdir_domain::account::Email;
use pocdir_domain::credentials::{
    generate_recovery_codes, hash_recovery_code, verify_password, verify_password_against_nothing,
    SecretToken,
};
use pocdir_domain::log::events;
use pocdir_domain::redirect::LocalTarget;
use pocdir_domain::throttle::ThrottleDecision;
use pocdir_domain::totp;
use pocdir_i18n::FluentArg;
use pocdir_store::{Account, NewSession, Session};
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Template)]
#[template(path = "sign_in/login.html")]
pub struct LoginPage {
    pub page: PageCtx,
    pub email: String,
    pub next: LocalTarget,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "sign_in/mfa.html")]
pub struct MfaPage {
    pub page: PageCtx,
    pub next: LocalTarget,
    pub error: Option<String>,
    /// Offered when the account has security keys.
    pub security_key: Option<super::key_challenge::KeyPrompt>,
}

/// The second-factor page, with the account's security keys offered
/// (a fresh challenge) beside the TOTP and recovery code forms.
pub(super) async fn mfa_page(
    state: &AppState,
    page: PageCtx,
    pending: &PendingSignIn,
    next: LocalTarget,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let security_key = super::key_challenge::prompt(state, pending).await?;
    Ok(render(
        status,
        &MfaPage {
            page,
            next,
            error,
            security_key,
        },
    ))
}

#[derive(Template)]
#[template(path = "sign_in/enrol.html")]
pub struct EnrolPage {
    pub page: PageCtx,
    pub next: LocalTarget,
    pub secret: String,
    pub qr_svg: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "sign_in/recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub page: PageCtx,
    pub codes: Vec<String>,
    pub next: LocalTarget,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    pub next: Option<String>,
    pub ended: Option<String>,
}

fn account_key(email: &str) -> String {
    format!("{}{email}", SIGN_IN.per_email)
}

pub async fn login_form(
    page: PageCtx,
    signed_in: Option<Extension<SignedIn>>,
    password_due: Option<Extension<PasswordChangeDue>>,
    ended: Option<Extension<SessionEnded>>,
    QueryParams(q): QueryParams<LoginQuery>,
) -> Response {
    let next = safe_next(q.next.as_deref(), "/");
    if signed_in.is_some() {
        return see_other(&next);
    }
    if password_due.is_some() {
        return crate::accounts::first_password::go_there(&next);
    }
    let notice = (ended.is_some() || q.ended.is_some()).then(|| page.t("login-session-ended"));
    render(
        StatusCode::OK,
        &LoginPage {
            page,
            email: String::new(),
            next,
            error: None,
            notice,
        },
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub next: Option<String>,
}

/// Attempts counted against abuse per e-mail address and per client
/// address, under the sign-in rule (`ThrottlePolicy`): failed sign-ins,
/// reset requests and applications, each kind under its own names (the
/// prefixes of the keys counted, e.g. `account:`).
pub(crate) struct Attempts {
    pub(crate) per_email: &'static str,
    pub(crate) per_address: &'static str,
}

/// Failed sign-ins: passwords, second factors, security keys.
const SIGN_IN: Attempts = Attempts {
    per_email: "account:",
    per_address: "address:",
};

impl Attempts {
    fn keys(&self, email: &str, address: &str) -> [String; 2] {
        [
            format!("{}{email}", self.per_email),
            format!("{}{address}", self.per_address),
        ]
    }

    /// Whether one more attempt from `email` and `address` may be made now.
    pub(crate) async fn decide(
        &self,
        state: &AppState,
        email: &str,
        address: &str,
        now: OffsetDateTime,
    ) -> Result<ThrottleDecision, AppError> {
        let since = state.config.throttle.window_start(now);
        let [by_email, by_address] = self.keys(email, address);
        let by_email = state.store.login_failures_since(&by_email, since).await?;
        let by_address = state.store.login_failures_since(&by_address, since).await?;
        Ok(state.config.throttle.decide(by_email, by_address))
    }

    /// Counts one attempt from `email` and `address`.
    pub(crate) async fn count(
        &self,
        state: &AppState,
        email: &str,
        address: &str,
        now: OffsetDateTime,
    ) -> Result<(), AppError> {
        for key in self.keys(email, address) {
            state.store.record_login_failure(&key, now).await?;
        }
        Ok(())
    }
}

pub(crate) async fn throttle(
    state: &AppState,
    email: &str,
    address: &str,
    now: OffsetDateTime,
) -> Result<ThrottleDecision, AppError> {
    SIGN_IN.decide(state, email, address, now).await
}

pub(crate) async fn record_failure(
    state: &AppState,
    email: &str,
    address: &str,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    SIGN_IN.count(state, email, address, now).await
}

pub(crate) fn locked_response(decision: ThrottleDecision, now: OffsetDateTime) -> Response {
    let minutes = decision.minutes_left(now);
    let mut response = AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
        "login-locked",
    )
    .with_arg("minutes", FluentArg::Number(minutes))
    .into_response();
    if let Ok(v) = HeaderValue::from_str(&(minutes * 60).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

pub(crate) fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}

pub(crate) fn session_cookie(state: &AppState, token: &SecretToken) -> HeaderValue {
    set_cookie(
        SESSION_COOKIE,
        &token.secret,
        state.config.cookie_secure,
        None,
    )
}

pub async fn login_submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    existing: Option<Extension<SignedIn>>,
    pending: Option<Extension<PendingSignIn>>,
    headers: HeaderMap,
    FormData(form): FormData<LoginForm>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let next = safe_next(form.next.as_deref(), "/");
    let email = Email::parse(&form.email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|_| form.email.trim().to_lowercase());

    let decision = throttle(&state, &email, &address, now).await?;
    if decision != ThrottleDecision::Allow {
        tracing::warn!(%address, "sign-in refused: too many failures");
        return Ok(locked_response(decision, now));
    }

    let account = state.store.account_by_email(&email).await?;
    let password_ok = match &account {
        Some(a) => verify_password(&form.password, &a.password_hash),
        None => {
            verify_password_against_nothing(&form.password);
            false
        }
    };
    let account = match account {
        Some(a) if password_ok && !a.disabled => a,
        Some(a) if password_ok && a.disabled => {
            return Err(AppError::new(
                StatusCode::FORBIDDEN,
                "account_disabled",
                "login-disabled",
            ));
        }
        _ => {
            record_failure(&state, &email, &address, now).await?;
            tracing::info!(%address, "sign-in failed: wrong e-mail or password");
            let decision = throttle(&state, &email, &address, now).await?;
            if decision != ThrottleDecision::Allow {
                return Ok(locked_response(decision, now));
            }
            let error = Some(page.t("login-wrong"));
            return Ok(render(
                StatusCode::UNAUTHORIZED,
                &LoginPage {
                    page,
                    email: form.email,
                    next,
                    error,
                    notice: None,
                },
            ));
        }
    };

    // A new pending session replaces whatever this browser had (fixation).
    let token = SecretToken::generate("", state.entropy.as_ref());
    let new = NewSession {
        token_hash: token.hash.clone(),
        account_id: account.id,
        mfa_done: false,
        created_at: now,
        expires_at: state.config.sessions.absolute_expiry(now, false),
        user_agent: user_agent(&headers),
        client_address: address,
    };
    let old_id = existing
        .map(|Extension(s)| s.session().map(|s| s.id))
        .and_then(|id| id)
        .or(pending.map(|Extension(p)| p.session.id));
    match old_id {
        Some(old) => {
            state.store.rotate_session(old, new, None).await?;
            // Ended without a log entry (nothing happened to the account):
            // the cache is told here. Other instances keep it for at most
            // the cache's TTL; the browser no longer has its cookie.
            state
                .credentials
                .forget(&[crate::http::credential_cache::Stale::Session(old)]);
        }
        None => {
            state.store.create_session(new).await?;
        }
    };
    let step = if account.totp_enrolled {
        "/login/mfa"
    } else {
        "/login/enrol"
    };
    let to = format!(
        "{step}?next={}",
        url::form_urlencoded::byte_serialize(next.as_str().as_bytes()).collect::<String>()
    );
    let mut response = Redirect::to(&to).into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, session_cookie(&state, &token));
    Ok(response)
}

#[derive(Deserialize)]
pub struct StepQuery {
    pub next: Option<String>,
}

/// Second-factor pages without a pending sign-in send the browser back to the start.
pub(super) fn back_to_sign_in() -> Response {
    Redirect::to("/login?ended=1").into_response()
}

pub async fn mfa_form(
    State(state): State<AppState>,
    page: PageCtx,
    pending: Option<Extension<PendingSignIn>>,
    QueryParams(q): QueryParams<StepQuery>,
) -> Result<Response, AppError> {
    let Some(Extension(pending)) = pending else {
        return Ok(back_to_sign_in());
    };
    if !pending.account.totp_enrolled {
        return Ok(Redirect::to("/login/enrol").into_response());
    }
    let next = safe_next(q.next.as_deref(), "/");
    mfa_page(&state, page, &pending, next, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct MfaForm {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub recovery_code: String,
    pub next: Option<String>,
}

/// Ends the pending session and opens the real one under a new id.
pub(super) async fn complete_sign_in(
    state: &AppState,
    account: &Account,
    pending: &Session,
    next: &LocalTarget,
    method: &str,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    state
        .store
        .clear_login_failures(&account_key(&account.email))
        .await?;
    let token = SecretToken::generate("", state.entropy.as_ref());
    state
        .store
        .rotate_session(
            pending.id,
            NewSession {
                token_hash: token.hash.clone(),
                account_id: account.id,
                mfa_done: true,
                created_at: now,
                expires_at: state.config.sessions.absolute_expiry(now, true),
                user_agent: pending.user_agent.clone(),
                client_address: pending.client_address.clone(),
            },
            Some(
                events::signed_in(
                    state.clock.now(),
                    &account.log_actor(),
                    method,
                    &pending.client_address,
                )
                .map_err(|_| AppError::internal())?,
            ),
        )
        .await?;
    tracing::info!(account = account.id, "signed in");
    let mut response = crate::accounts::first_password::after_sign_in(account, next);
    response
        .headers_mut()
        .append(header::SET_COOKIE, session_cookie(state, &token));
    Ok(response)
}

pub async fn mfa_submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    pending: Option<Extension<PendingSignIn>>,
    FormData(form): FormData<MfaForm>,
) -> Result<Response, AppError> {
    let Some(Extension(pending)) = pending else {
        return Ok(back_to_sign_in());
    };
    let now = state.clock.now();
    let next = safe_next(form.next.as_deref(), "/");
    let email = pending.account.email.clone();
    let decision = throttle(&state, &email, &address, now).await?;
    if decision != ThrottleDecision::Allow {
        return Ok(locked_response(decision, now));
    }
    let secret = pending.account.totp_secret.clone().unwrap_or_default();

    let outcome = if !form.recovery_code.trim().is_empty() {
        let used = state
            .store
            .use_recovery_code(
                pending.account.id,
                &hash_recovery_code(&form.recovery_code),
                now,
                events::recovery_code_used(state.clock.now(), &pending.account.log_actor()),
            )
            .await?;
        if used {
            Ok("recovery_code")
        } else {
            Err("mfa-wrong-recovery")
        }
    } else {
        match totp::verify(&secret, &form.code, now) {
            Ok(Some(step)) => {
                let step = i64::try_from(step).unwrap_or(i64::MAX);
                if state
                    .store
                    .accept_totp_step(pending.account.id, step)
                    .await?
                {
                    Ok("totp")
                } else {
                    Err("mfa-replayed")
                }
            }
            Ok(None) => Err("mfa-wrong"),
            Err(e) => {
                tracing::error!(account = pending.account.id, error = %e, "stored TOTP secret unusable");
                return Err(AppError::internal());
            }
        }
    };

    match outcome {
        Ok(method) => {
            complete_sign_in(&state, &pending.account, &pending.session, &next, method).await
        }
        Err(message_id) => {
            record_failure(&state, &email, &address, now).await?;
            tracing::info!(
                account = pending.account.id,
                reason = message_id,
                "second factor refused"
            );
            let decision = throttle(&state, &email, &address, now).await?;
            if decision != ThrottleDecision::Allow {
                return Ok(locked_response(decision, now));
            }
            let error = Some(page.t(message_id));
            mfa_page(
                &state,
                page,
                &pending,
                next,
                error,
                StatusCode::UNAUTHORIZED,
            )
            .await
        }
    }
}

async fn enrol_page(
    state: &AppState,
    page: PageCtx,
    account: &Account,
    next: LocalTarget,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    // Keep the unconfirmed secret across reloads so a scanned code stays valid.
    let secret = match &account.totp_secret {
        Some(s) if !account.totp_enrolled => s.clone(),
        _ => {
            let s = totp::generate_secret(state.entropy.as_ref());
            state.store.begin_totp_enrolment(account.id, &s).await?;
            s
        }
    };
    let url = totp::provisioning_url(&secret, &account.email).map_err(|e| {
        tracing::error!(error = %e, "cannot build TOTP URL");
        AppError::internal()
    })?;
    let qr_svg = super::totp_qr::qr_svg(&url).unwrap_or_default();
    Ok(render(
        status,
        &EnrolPage {
            page,
            next,
            secret: group_secret(&secret),
            qr_svg,
            error,
        },
    ))
}

/// `ABCDEFGH…` → `ABCD EFGH …`, easier to type into an app.
fn group_secret(secret: &str) -> String {
    secret
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

pub async fn enrol_form(
    State(state): State<AppState>,
    page: PageCtx,
    pending: Option<Extension<PendingSignIn>>,
    QueryParams(q): QueryParams<StepQuery>,
) -> Result<Response, AppError> {
    let Some(Extension(pending)) = pending else {
        return Ok(back_to_sign_in());
    };
    if pending.account.totp_enrolled {
        return Ok(Redirect::to("/login/mfa").into_response());
    }
    let next = safe_next(q.next.as_deref(), "/");
    enrol_page(&state, page, &pending.account, next, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct EnrolForm {
    #[serde(default)]
    pub code: String,
    pub next: Option<String>,
}

pub async fn enrol_submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    pending: Option<Extension<PendingSignIn>>,
    FormData(form): FormData<EnrolForm>,
) -> Result<Response, AppError> {
    let Some(Extension(pending)) = pending else {
        return Ok(back_to_sign_in());
    };
    let account = &pending.account;
    let next = safe_next(form.next.as_deref(), "/");
    if account.totp_enrolled {
        return Ok(Redirect::to("/login/mfa").into_response());
    }
    let now = state.clock.now();
    let decision = throttle(&state, &account.email, &address, now).await?;
    if decision != ThrottleDecision::Allow {
        return Ok(locked_response(decision, now));
    }
    let Some(secret) = account.totp_secret.clone() else {
        return enrol_page(&state, page, account, next, None, StatusCode::OK).await;
    };
    let step = match totp::verify(&secret, &form.code, now) {
        Ok(Some(step)) => i64::try_from(step).unwrap_or(i64::MAX),
        Ok(None) | Err(_) => {
            record_failure(&state, &account.email, &address, now).await?;
            let error = Some(page.t("mfa-wrong"));
            return enrol_page(&state, page, account, next, error, StatusCode::UNAUTHORIZED).await;
        }
    };
    let codes = generate_recovery_codes(state.entropy.as_ref());
    let hashes: Vec<String> = codes.iter().map(|c| c.hash.clone()).collect();
    if !state
        .store
        .complete_totp_enrolment(
            account.id,
            step,
            &hashes,
            events::mfa_enrolled(state.clock.now(), &account.log_actor()),
        )
        .await?
    {
        let error = Some(page.t("mfa-replayed"));
        return enrol_page(&state, page, account, next, error, StatusCode::UNAUTHORIZED).await;
    }
    tracing::info!(account = account.id, "second factor enrolled");
    // Open the real session now, and show the recovery codes once.
    let signed = complete_sign_in(&state, account, &pending.session, &next, "totp").await?;
    let mut response = render(
        StatusCode::OK,
        &RecoveryCodesPage {
            page,
            codes: codes.into_iter().map(|c| c.secret).collect(),
            next,
        },
    );
    for cookie in signed.headers().get_all(header::SET_COOKIE) {
        response
            .headers_mut()
            .append(header::SET_COOKIE, cookie.clone());
    }
    Ok(response)
}

pub async fn logout(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    pending: Option<Extension<PendingSignIn>>,
    password_due: Option<Extension<PasswordChangeDue>>,
) -> Result<Response, AppError> {
    if let Some(Extension(s)) = signed_in {
        if let Some(session) = s.session() {
            let log = events::signed_out(state.clock.now(), &s.account.log_actor(), session.id);
            state.store.delete_session(session.id, Some(log)).await?;
            tracing::info!(account = s.account.id, "signed out");
        }
    }
    if let Some(Extension(p)) = pending {
        state.store.delete_session(p.session.id, None).await?;
    }
    if let Some(Extension(due)) = password_due {
        let log = events::signed_out(state.clock.now(), &due.account.log_actor(), due.session.id);
        state
            .store
            .delete_session(due.session.id, Some(log))
            .await?;
    }
    let mut response = see_other_done(&safe_next(None, "/"), "done-signed-out");
    response.headers_mut().append(
        header::SET_COOKIE,
        clear_cookie(SESSION_COOKIE, state.config.cookie_secure),
    );
    Ok(response)
}
