//! The challenge a security key answers at sign-in: made when the
//! second-factor page is shown, kept on the server with the pending
//! session. Shared with the account page's registration.

use crate::http::error::AppError;
use crate::http::identity::PendingSignIn;
use crate::state::AppState;
use pocdir_domain::security_key::StoredCredential;
use pocdir_store::{CeremonyPurpose, SecurityKey};
use time::Duration;

/// How long a challenge stays good: the browser's own timeout (five
/// minutes by default) and a little more.
pub const CEREMONY_LIFETIME: Duration = Duration::minutes(6);

/// The options of a sign-in with a key, for the page's `data-` attribute.
#[derive(Debug, Clone)]
pub struct KeyPrompt {
    pub options: String,
}

/// The account's keys as the ceremonies take them.
pub fn stored(keys: &[SecurityKey]) -> Vec<StoredCredential<'_>> {
    keys.iter()
        .map(|k| StoredCredential {
            credential_id: &k.credential_id,
            credential: &k.credential,
        })
        .collect()
}

/// Starts a sign-in with the account's keys when it has any (and
/// WebAuthn is configured): the challenge replaces any earlier one of this
/// pending session.
pub async fn prompt(
    state: &AppState,
    pending: &PendingSignIn,
) -> Result<Option<KeyPrompt>, AppError> {
    let Some(rp) = state.relying_party.as_deref() else {
        return Ok(None);
    };
    let keys = state.store.security_keys_of(pending.account.id).await?;
    if keys.is_empty() {
        return Ok(None);
    }
    let ceremony = match rp.start_sign_in(&stored(&keys)) {
        Ok(c) => c,
        Err(e) => {
            // A key that cannot be read must not block the TOTP code.
            tracing::error!(account = pending.account.id, error = %e, "cannot start a security key sign-in");
            return Ok(None);
        }
    };
    let expires = state.clock.now() + CEREMONY_LIFETIME;
    state
        .store
        .put_ceremony(
            pending.session.id,
            CeremonyPurpose::SignIn,
            &ceremony.state,
            expires,
        )
        .await?;
    Ok(Some(KeyPrompt {
        options: ceremony.options,
    }))
}
