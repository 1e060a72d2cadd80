//! The secretariat's accounts pages: every account with its kind, State
//! and status; disabling, re-enabling and resetting the second factor of
//! one, each with a reason that is logged with the change, in the same
//! transaction, and mailed to the account.

use super::mail::{self, Recipient};
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::account_admin::{AccountChange, AccountStatus, Reason};
use pocdir_domain::log::events;
use pocdir_store::Account;
use serde::Deserialize;

/// One account as the list and its page show it.
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub kind: String,
    pub participant: String,
    pub status: String,
    pub disabled: bool,
    pub created: String,
}

impl AccountRow {
    fn of(page: &PageCtx, a: Account) -> Self {
        let status = AccountStatus::of(a.disabled, a.totp_enrolled, a.password_change_required);
        AccountRow {
            id: a.id,
            name: a.display_name,
            email: a.email,
            kind: page.t(a.kind.label_message()),
            participant: a.participant.unwrap_or_default(),
            status: page.t(status.label_message()),
            disabled: a.disabled,
            created: mail::mail_time(a.created_at),
        }
    }
}

#[derive(Template)]
#[template(path = "accounts/accounts.html")]
pub struct AccountsPage {
    pub page: PageCtx,
    pub rows: Vec<AccountRow>,
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
pub struct AccountPage {
    pub page: PageCtx,
    pub account: AccountRow,
    /// Whether this is the reader's own account (it cannot disable or
    /// reset itself here).
    pub own: bool,
    /// The form that was refused (`disable`, `enable`, `reset-second-factor`) and why.
    pub error_for: String,
    pub error: String,
    pub reason: String,
}

pub async fn list(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let rows = state
        .store
        .accounts()
        .await?
        .into_iter()
        .map(|a| AccountRow::of(&page, a))
        .collect();
    Ok(render(StatusCode::OK, &AccountsPage { page, rows }))
}

async fn account_page(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    refused: Option<(AccountChange, &'static str, String)>,
) -> Result<Response, AppError> {
    let account = state
        .store
        .account_by_id(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let (status, error_for, error, reason) = match refused {
        Some((change, id, reason)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            change.as_str().to_string(),
            page.t(id),
            reason,
        ),
        None => (StatusCode::OK, String::new(), String::new(), String::new()),
    };
    Ok(render(
        status,
        &AccountPage {
            own: account.id == me.account.id,
            account: AccountRow::of(&page, account),
            page,
            error_for,
            error,
            reason,
        },
    ))
}

pub async fn page(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    account_page(&state, page, &me, id, None).await
}

#[derive(Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    pub reason: String,
}

async fn apply(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    id: i64,
    change: AccountChange,
    form: ReasonForm,
) -> Result<Response, AppError> {
    let reason = match Reason::parse(&form.reason) {
        Ok(reason) => reason,
        Err(e) => {
            return account_page(
                state,
                page,
                me,
                id,
                Some((change, e.message(), form.reason)),
            )
            .await
        }
    };
    if id == me.account.id && change != AccountChange::Enable {
        return account_page(
            state,
            page,
            me,
            id,
            Some((change, "accounts-not-yourself", form.reason)),
        )
        .await;
    }
    let account = state
        .store
        .account_by_id(id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let actor = me.account.log_actor();
    let to = Recipient {
        email: &account.email,
        lang: mail::lang_of(account.language.as_deref()),
        participant: account.participant.as_deref(),
    };
    let mail = mail::account_changed(state, actor.clone(), &to, id, change, reason.as_str())
        .map_err(|_| AppError::internal())?;
    let log = events::account_changed(
        state.clock.now(),
        actor,
        change,
        id,
        account.participant.as_deref(),
        reason.as_str(),
    )
    .map_err(|_| AppError::internal())?;
    let changed = state
        .store
        .change_account(id, change, state.clock.now(), mail, log)
        .await?;
    if !changed {
        return account_page(
            state,
            page,
            me,
            id,
            Some((change, "accounts-already-so", form.reason)),
        )
        .await;
    }
    tracing::info!(
        account = id,
        by = me.account.id,
        change = change.as_str(),
        "account changed"
    );
    let done = match change {
        AccountChange::Disable => "done-account-disabled",
        AccountChange::Enable => "done-account-enabled",
        AccountChange::ResetSecondFactor => "done-second-factor-reset",
    };
    Ok(see_other_done(
        &safe_next(Some(&format!("/accounts/{id}")), "/accounts"),
        done,
    ))
}

pub async fn disable(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<ReasonForm>,
) -> Result<Response, AppError> {
    apply(&state, page, &me, id, AccountChange::Disable, form).await
}

pub async fn enable(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<ReasonForm>,
) -> Result<Response, AppError> {
    apply(&state, page, &me, id, AccountChange::Enable, form).await
}

pub async fn reset_second_factor(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<ReasonForm>,
) -> Result<Response, AppError> {
    apply(
        &state,
        page,
        &me,
        id,
        AccountChange::ResetSecondFactor,
        form,
    )
    .await
}
