//! One's own security keys and passkeys (WebAuthn): listed on the account
//! page (name, added, last used), registered in two steps (name it and
//! give the password, then touch it: the browser answers a challenge kept
//! with the session), and removed with the password. Each registration and removal is logged
//! with the change.

use super::pages::account_page;
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::sign_in::key_challenge::{stored, CEREMONY_LIFETIME};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::credentials::verify_password;
use pocdir_domain::log::events;
use pocdir_domain::security_key::{check_key_name, KeyNameError, RelyingParty, SecurityKeyError};
use pocdir_store::{CeremonyPurpose, NewSecurityKey, StoreError};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account/security_key_add.html")]
pub struct AddKeyPage {
    pub page: PageCtx,
    pub name: String,
    /// The browser's options (JSON), for the script.
    pub options: String,
}

fn name_error(e: KeyNameError) -> &'static str {
    match e {
        KeyNameError::Empty => "security-key-name-empty",
        KeyNameError::TooLong => "security-key-name-too-long",
        KeyNameError::Control => "security-key-name-invalid",
    }
}

async fn refuse(
    state: &AppState,
    page: PageCtx,
    me: &SignedIn,
    message_id: &str,
) -> Result<Response, AppError> {
    let error = Some(page.t(message_id));
    account_page(
        state,
        page,
        me,
        None,
        error,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

fn relying_party(state: &AppState) -> Result<&RelyingParty, AppError> {
    // The page offers no key without it; a post anyway finds nothing here.
    state
        .relying_party
        .as_deref()
        .ok_or_else(AppError::not_found)
}

/// The browser session the ceremony is kept with (pages only: an API
/// token has none).
fn session_id(me: &SignedIn) -> Result<i64, AppError> {
    me.session().map(|s| s.id).ok_or_else(AppError::not_found)
}

#[derive(Deserialize)]
pub struct BeginForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub current: String,
}

/// Step one: the key's name and the password (a browser left signed in
/// is not enough to add a second factor); the answer is the page that
/// asks the browser.
pub async fn begin(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<BeginForm>,
) -> Result<Response, AppError> {
    let rp = relying_party(&state)?;
    let session = session_id(&me)?;
    let name = match check_key_name(&form.name) {
        Ok(name) => name,
        Err(e) => return refuse(&state, page, &me, name_error(e)).await,
    };
    if !verify_password(&form.current, &me.account.password_hash) {
        return refuse(&state, page, &me, "account-password-current-wrong").await;
    }
    let keys = state.store.security_keys_of(me.account.id).await?;
    let ceremony = rp
        .start_registration(
            me.account.id,
            &me.account.email,
            &me.account.display_name,
            &stored(&keys),
        )
        .map_err(|e| {
            tracing::error!(account = me.account.id, error = %e, "cannot start a security key registration");
            AppError::internal()
        })?;
    state
        .store
        .put_ceremony(
            session,
            CeremonyPurpose::Register,
            &ceremony.state,
            state.clock.now() + CEREMONY_LIFETIME,
        )
        .await?;
    Ok(render(
        StatusCode::OK,
        &AddKeyPage {
            page,
            name,
            options: ceremony.options,
        },
    ))
}

#[derive(Deserialize)]
pub struct FinishForm {
    #[serde(default)]
    pub name: String,
    /// The browser's answer (JSON), filled in by the script.
    #[serde(default)]
    pub credential: String,
}

/// Step two: the browser's answer; the key is registered and logged.
pub async fn finish(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<FinishForm>,
) -> Result<Response, AppError> {
    let rp = relying_party(&state)?;
    let session = session_id(&me)?;
    let now = state.clock.now();
    let name = match check_key_name(&form.name) {
        Ok(name) => name,
        Err(e) => return refuse(&state, page, &me, name_error(e)).await,
    };
    // Taken whatever the outcome: a challenge is answered once.
    let Some(ceremony) = state
        .store
        .take_ceremony(session, CeremonyPurpose::Register, now)
        .await?
    else {
        return refuse(&state, page, &me, "security-key-expired").await;
    };
    let credential = match rp.finish_registration(&form.credential, &ceremony) {
        Ok(c) => c,
        Err(SecurityKeyError::Internal(e)) => {
            tracing::error!(account = me.account.id, error = %e, "security key registration failed");
            return Err(AppError::internal());
        }
        Err(e) => {
            tracing::info!(account = me.account.id, reason = %e, "security key not registered");
            return refuse(&state, page, &me, "security-key-not-registered").await;
        }
    };
    let log = events::security_key_added(
        now,
        &me.account.log_actor(),
        &name,
        &credential.credential_id,
    )
    .map_err(|_| AppError::internal())?;
    let added = state
        .store
        .add_security_key(
            NewSecurityKey {
                account_id: me.account.id,
                name,
                credential_id: credential.credential_id,
                credential: credential.credential,
                created_at: now,
            },
            log,
        )
        .await;
    match added {
        Ok(key) => {
            tracing::info!(account = me.account.id, key = key.id, "security key added");
            Ok(see_other_done(
                &safe_next(None, "/account"),
                "done-security-key-added",
            ))
        }
        Err(StoreError::Duplicate(_)) => {
            refuse(&state, page, &me, "security-key-already-registered").await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    pub current: String,
}

/// Removes one of one's keys, with the password given again.
pub async fn remove(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<RemoveForm>,
) -> Result<Response, AppError> {
    let keys = state.store.security_keys_of(me.account.id).await?;
    let Some(key) = keys.into_iter().find(|k| k.id == id) else {
        return Err(AppError::not_found());
    };
    if !verify_password(&form.current, &me.account.password_hash) {
        return refuse(&state, page, &me, "account-password-current-wrong").await;
    }
    let log =
        events::security_key_removed(state.clock.now(), &me.account.log_actor(), id, &key.name)
            .map_err(|_| AppError::internal())?;
    if !state
        .store
        .remove_security_key(me.account.id, id, log)
        .await?
    {
        return Err(AppError::not_found());
    }
    tracing::info!(account = me.account.id, key = id, "security key removed");
    Ok(see_other_done(
        &safe_next(None, "/account"),
        "done-security-key-removed",
    ))
}
