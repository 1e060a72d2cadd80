//! The account page's list of one's security keys (name, added, last
//! used), apart from the steps that change them (`security_keys.rs`),
//! which render the account page again.

use crate::http::error::AppError;
use crate::state::AppState;
use pocdir_domain::security_key::MAX_NAME_CHARS;
use pocdir_store::SecurityKey;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

pub struct KeyRow {
    pub id: i64,
    pub name: String,
    pub added: String,
    pub last_used: String,
}

/// The account page's part about security keys.
pub struct KeysSection {
    /// False when the server's public address cannot be a WebAuthn
    /// relying party: the page says keys are not available.
    pub available: bool,
    pub keys: Vec<KeyRow>,
    pub max_name: usize,
}

fn show_time(t: OffsetDateTime) -> String {
    let t = t.replace_nanosecond(0).unwrap_or(t);
    t.format(&Rfc3339).unwrap_or_default()
}

pub async fn section(state: &AppState, account_id: i64) -> Result<KeysSection, AppError> {
    let keys = state
        .store
        .security_keys_of(account_id)
        .await?
        .into_iter()
        .map(|k: SecurityKey| KeyRow {
            id: k.id,
            name: k.name,
            added: show_time(k.created_at),
            last_used: k.last_used_at.map(show_time).unwrap_or_default(),
        })
        .collect();
    Ok(KeysSection {
        available: state.relying_party.is_some(),
        keys,
        max_name: MAX_NAME_CHARS,
    })
}
