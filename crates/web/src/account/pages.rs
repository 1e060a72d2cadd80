//! The account page: who you are, change password, recovery codes,
//! sessions and API tokens (list, create, revoke).

use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams, QueryParams};
use crate::http::identity::{Credential, SignedIn};
use crate::http::page::{render, safe_next, PageCtx};
use crate::sign_in::pages::RecoveryCodesPage;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pocdir_domain::credentials::{
    check_new_password, generate_recovery_codes, hash_password, verify_password, PasswordRuleError,
    SecretToken,
};
use pocdir_domain::log::events;
use pocdir_domain::policy::Scopes;
use pocdir_store::{Account, ApiToken, NewApiToken, Session};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

pub struct SessionRow {
    pub id: i64,
    pub current: bool,
    pub created: String,
    pub last_seen: String,
    pub user_agent: String,
    pub address: String,
}

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub scopes: String,
    pub created: String,
    pub expires: String,
    pub last_used: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "account/account.html")]
pub struct AccountPage {
    pub page: PageCtx,
    pub email: String,
    pub kind: String,
    pub participant: String,
    pub recovery_left: i64,
    pub sessions: Vec<SessionRow>,
    pub tokens: Vec<TokenRow>,
    pub notice: Option<String>,
    pub error: Option<String>,
    pub max_token_days: i64,
    pub security_keys: super::key_list::KeysSection,
    /// Where a TAXII client connects, for accounts that may exchange STIX
    /// (a technical PoC, a reporter): the discovery address.
    pub taxii_url: Option<String>,
    /// A PoC: the section that keeps its private key for end-to-end
    /// messages in this browser.
    pub is_poc: bool,
}

#[derive(Template)]
#[template(path = "account/token_created.html")]
pub struct TokenCreatedPage {
    pub page: PageCtx,
    pub name: String,
    pub token: String,
    pub expires: String,
}

/// A time in the reader's language (in UTC, and said so).
fn show_time(tr: &pocdir_i18n::Translator, t: OffsetDateTime) -> String {
    crate::http::format::local::minute(tr, t)
}

#[derive(Deserialize)]
pub struct AccountQuery {
    pub done: Option<String>,
}

/// Notices after a successful post (post/redirect/get), by a fixed list of keys.
fn notice_id(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "password" => Some("account-password-changed"),
        "session" => Some("account-session-revoked"),
        "token" => Some("account-token-revoked"),
        _ => None,
    }
}

pub(super) async fn account_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let current = me.session().map(|s| s.id);
    let sessions = state
        .store
        .sessions_of(me.account.id, now)
        .await?
        .into_iter()
        .filter(|s: &Session| s.mfa_done)
        .map(|s| SessionRow {
            current: Some(s.id) == current,
            id: s.id,
            created: show_time(&page.tr, s.created_at),
            last_seen: show_time(&page.tr, s.last_seen_at),
            user_agent: s.user_agent,
            address: s.client_address,
        })
        .collect();
    let tokens = state
        .store
        .api_tokens_of(me.account.id)
        .await?
        .into_iter()
        .map(|t: ApiToken| TokenRow {
            active: t.revoked_at.is_none() && t.expires_at > now,
            id: t.id,
            name: t.name,
            scopes: t.scopes,
            created: show_time(&page.tr, t.created_at),
            expires: show_time(&page.tr, t.expires_at),
            last_used: t
                .last_used_at
                .map(|t| show_time(&page.tr, t))
                .unwrap_or_default(),
        })
        .collect();
    let recovery_left = state.store.unused_recovery_codes(me.account.id).await?;
    let kind = page.t(me.account.kind.label_message());
    let security_keys = super::key_list::section(state, me.account.id).await?;
    Ok(render(
        status,
        &AccountPage {
            email: me.account.email.clone(),
            kind,
            participant: me.account.participant.clone().unwrap_or_default(),
            recovery_left,
            sessions,
            tokens,
            notice,
            error,
            max_token_days: state.config.max_token_days,
            security_keys,
            is_poc: me.account.kind.is_poc(),
            taxii_url: (pocdir_domain::policy::decide(
                Some(&me.actor),
                pocdir_domain::policy::Action::ReadThreatData,
            ) == pocdir_domain::policy::Decision::Allow)
                .then(|| format!("{}/taxii2/", state.config.base_url.trim_end_matches('/'))),
            page,
        },
    ))
}

pub async fn show(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(q): QueryParams<AccountQuery>,
) -> Result<Response, AppError> {
    let notice = notice_id(q.done.as_deref()).map(|id| page.t(id));
    account_page(&state, page, &me, notice, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    pub current: String,
    pub new: String,
    pub confirm: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<PasswordForm>,
) -> Result<Response, AppError> {
    let refuse = |id: &str| Some(page.t(id));
    let error = if !verify_password(&form.current, &me.account.password_hash) {
        refuse("account-password-current-wrong")
    } else if form.new != form.confirm {
        refuse("account-password-mismatch")
    } else {
        match check_new_password(&form.new) {
            Err(PasswordRuleError::TooShort) => refuse("account-password-too-short"),
            Err(_) => refuse("account-password-too-long"),
            Ok(()) => None,
        }
    };
    if let Some(error) = error {
        return account_page(
            &state,
            page,
            &me,
            None,
            Some(error),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let hash =
        hash_password(&form.new, state.entropy.as_ref()).map_err(|_| AppError::internal())?;
    state
        .store
        .change_password(
            me.account.id,
            &hash,
            me.session().map(|s| s.id),
            events::password_changed(state.clock.now(), &me.account.log_actor()),
        )
        .await?;
    tracing::info!(
        account = me.account.id,
        "password changed; other sessions ended"
    );
    Ok(Redirect::to("/account?done=password").into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    pub current: String,
}

pub async fn regenerate_recovery_codes(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<ConfirmForm>,
) -> Result<Response, AppError> {
    if !verify_password(&form.current, &me.account.password_hash) {
        let error = Some(page.t("account-password-current-wrong"));
        return account_page(
            &state,
            page,
            &me,
            None,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let codes = generate_recovery_codes(state.entropy.as_ref());
    let hashes: Vec<String> = codes.iter().map(|c| c.hash.clone()).collect();
    state
        .store
        .replace_recovery_codes(
            me.account.id,
            &hashes,
            events::recovery_codes_replaced(state.clock.now(), &me.account.log_actor()),
        )
        .await?;
    tracing::info!(account = me.account.id, "recovery codes replaced");
    Ok(render(
        StatusCode::OK,
        &RecoveryCodesPage {
            page,
            codes: codes.into_iter().map(|c| c.secret).collect(),
            next: safe_next(None, "/account"),
        },
    ))
}

pub async fn revoke_session(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    if !state
        .store
        .delete_account_session(
            me.account.id,
            id,
            events::session_revoked(state.clock.now(), &me.account.log_actor(), id),
        )
        .await?
    {
        return Err(AppError::not_found());
    }
    tracing::info!(account = me.account.id, session = id, "session revoked");
    // Revoking the current session signs this browser out.
    let to = if matches!(&me.credential, Credential::Session(s) if s.id == id) {
        "/login?ended=1"
    } else {
        "/account?done=session"
    };
    Ok(Redirect::to(to).into_response())
}

#[derive(Deserialize)]
pub struct TokenForm {
    pub name: String,
    pub scope: String,
    pub days: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<TokenForm>,
) -> Result<Response, AppError> {
    let name = form.name.trim().to_string();
    let days = form.days.trim().parse::<i64>().ok();
    let scopes = Scopes::parse(form.scope.trim());
    let error = if name.is_empty() || name.chars().count() > 100 {
        Some("account-token-name-invalid")
    } else if !days.is_some_and(|d| (1..=state.config.max_token_days).contains(&d)) {
        Some("account-token-days-invalid")
    } else if scopes.is_none() {
        Some("account-token-scope-invalid")
    } else {
        None
    };
    let (Some(days), Some(scopes), None) = (days, scopes, error) else {
        let error = page.t_max(
            error.unwrap_or("account-token-name-invalid"),
            state.config.max_token_days,
        );
        return account_page(
            &state,
            page,
            &me,
            None,
            Some(error),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let token = mint_token(&state, &me.account, &name, scopes, days).await?;
    tracing::info!(
        account = me.account.id,
        token = token.1.id,
        "API token created"
    );
    Ok(render(
        StatusCode::OK,
        &TokenCreatedPage {
            expires: show_time(&page.tr, token.1.expires_at),
            page,
            name,
            token: token.0.secret,
        },
    ))
}

/// Creates an API token and returns its secret (to show once) and its record.
pub async fn mint_token(
    state: &AppState,
    account: &Account,
    name: &str,
    scopes: Scopes,
    days: i64,
) -> Result<(SecretToken, ApiToken), AppError> {
    let now = state.clock.now();
    let secret = SecretToken::generate("pdt_", state.entropy.as_ref());
    let expires_at = now + Duration::days(days);
    // The store names the object (`token:<id>`) once the token has its id.
    let log = events::token_created(now, &account.log_actor(), name, scopes.as_str(), expires_at)
        .map_err(|_| AppError::internal())?;
    let record = state
        .store
        .create_api_token(
            NewApiToken {
                account_id: account.id,
                name: name.to_string(),
                token_hash: secret.hash.clone(),
                scopes: scopes.as_str().to_string(),
                created_at: now,
                expires_at,
            },
            log,
        )
        .await?;
    Ok((secret, record))
}

pub async fn revoke_token(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let log = events::token_revoked(state.clock.now(), &me.account.log_actor(), id);
    if !state
        .store
        .revoke_api_token(me.account.id, id, now, log)
        .await?
    {
        return Err(AppError::not_found());
    }
    tracing::info!(account = me.account.id, token = id, "API token revoked");
    Ok(Redirect::to("/account?done=token").into_response())
}

impl PageCtx {
    /// A message that may mention the longest token lifetime.
    fn t_max(&self, id: &str, max: i64) -> String {
        self.tr.tn(id, "max", max)
    }
}
