//! A security key or passkey as the second factor at sign-in, beside a
//! TOTP code or a recovery code: the second-factor page offers the
//! account's keys (`key_challenge.rs`); the browser's answer comes back
//! here in a form post. The small
//! script that asks the browser (`/static/security-key.js`) is served from
//! here; without it the page works for TOTP.

use super::key_challenge::stored;
use super::pages::{
    back_to_sign_in, complete_sign_in, locked_response, mfa_page, record_failure, throttle,
};
use crate::http::error::AppError;
use crate::http::extract::FormData;
use crate::http::identity::PendingSignIn;
use crate::http::page::{safe_next, PageCtx};
use crate::http::security::ClientAddress;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use pocdir_domain::security_key::SecurityKeyError;
use pocdir_domain::throttle::ThrottleDecision;
use pocdir_store::CeremonyPurpose;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct KeyForm {
    /// The browser's answer (JSON), filled in by the script.
    #[serde(default)]
    pub credential: String,
    pub next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    page: PageCtx,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    pending: Option<Extension<PendingSignIn>>,
    FormData(form): FormData<KeyForm>,
) -> Result<Response, AppError> {
    let Some(Extension(pending)) = pending else {
        return Ok(back_to_sign_in());
    };
    let now = state.clock.now();
    let next = safe_next(form.next.as_deref(), "/account");
    let email = pending.account.email.clone();
    let decision = throttle(&state, &email, &address, now).await?;
    if decision != ThrottleDecision::Allow {
        return Ok(locked_response(decision, now));
    }
    let Some(rp) = state.relying_party.as_deref() else {
        return Err(AppError::not_found());
    };
    // Taken whatever the outcome: a challenge is answered once.
    let ceremony = state
        .store
        .take_ceremony(pending.session.id, CeremonyPurpose::SignIn, now)
        .await?;
    let keys = state.store.security_keys_of(pending.account.id).await?;
    let outcome = match ceremony {
        None => Err("security-key-expired"),
        Some(ceremony) => match rp.finish_sign_in(&form.credential, &ceremony, &stored(&keys)) {
            Ok(used) => Ok(used),
            Err(SecurityKeyError::Internal(e)) => {
                tracing::error!(account = pending.account.id, error = %e, "security key sign-in failed");
                return Err(AppError::internal());
            }
            Err(SecurityKeyError::PossibleClone) => {
                tracing::warn!(
                    account = pending.account.id,
                    "security key refused: its counter went backwards (possibly cloned)"
                );
                Err("security-key-clone")
            }
            Err(e) => {
                tracing::info!(account = pending.account.id, reason = %e, "security key refused");
                Err("security-key-refused")
            }
        },
    };
    match outcome {
        Ok(used) => {
            let recorded = state
                .store
                .record_security_key_use(
                    pending.account.id,
                    &used.credential_id,
                    used.updated_credential.as_deref(),
                    now,
                )
                .await?;
            if !recorded {
                // Removed between the check and now.
                return Err(AppError::new(
                    StatusCode::CONFLICT,
                    "security_key_gone",
                    "security-key-refused",
                ));
            }
            complete_sign_in(
                &state,
                &pending.account,
                &pending.session,
                &next,
                "security_key",
            )
            .await
        }
        Err(message_id) => {
            record_failure(&state, &email, &address, now).await?;
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

/// The script that hands the server's options to the browser's WebAuthn
/// and posts its answer back (compiled into the binary, like the styles).
pub async fn script() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        include_str!("../../static/security-key.js"),
    )
        .into_response()
}
