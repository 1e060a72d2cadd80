//! Account administration at the console.

use anyhow::{anyhow, bail, Result};
use pocdir_domain::account::{
    check_participant, check_participant_exists, AccountKind, Email, ParticipantCode,
};
use pocdir_domain::clock::Clock;
use pocdir_domain::credentials::{hash_password, SecretToken};
use pocdir_domain::entropy::{random_bytes, Entropy};
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_domain::policy::Scopes;
use pocdir_domain::totp;
use pocdir_store::{Account, NewAccount, NewApiToken, Store, StoreError};
use time::Duration;

/// A password of 20 characters from an alphabet without look-alikes.
pub fn generate_password(entropy: &dyn Entropy) -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let bytes: [u8; 20] = random_bytes(entropy);
    bytes
        .iter()
        .map(|b| {
            let i = usize::from(*b) % ALPHABET.len();
            char::from(ALPHABET.get(i).copied().unwrap_or(b'x'))
        })
        .collect()
}

pub struct CreatedAccount {
    pub account: Account,
    pub password: String,
}

pub struct AccountRequest<'a> {
    pub kind: AccountKind,
    pub email: &'a str,
    pub participant: Option<&'a str>,
    pub display_name: Option<&'a str>,
    /// Demo accounts come enrolled with a known TOTP secret.
    pub demo_totp_secret: Option<String>,
    pub password: Option<String>,
    /// The password is chosen here, not by the account's holder: it must
    /// be changed at the first sign-in (true for `pocdir account create`).
    pub must_change_password: bool,
}

/// Creates an account: the one way in for the console, the demo and the
/// tests' accounts. An account that acts for a participant must name one
/// the directory holds.
pub async fn create_account(
    store: &dyn Store,
    clock: &dyn Clock,
    entropy: &dyn Entropy,
    req: AccountRequest<'_>,
) -> Result<CreatedAccount> {
    let email = Email::parse(req.email)?;
    let participant = req.participant.map(ParticipantCode::parse).transpose()?;
    check_participant(req.kind, participant.as_ref())?;
    if let Some(code) = &participant {
        let exists = pocdir_directory::participant_exists(store, clock, code.as_str()).await?;
        check_participant_exists(code, exists)?;
    }
    let password = req.password.unwrap_or_else(|| generate_password(entropy));
    let password_hash = hash_password(&password, entropy)?;
    let demo = req.demo_totp_secret.is_some();
    let account = store
        .create_account(
            NewAccount {
                email: email.as_str().to_string(),
                kind: req.kind,
                participant: participant.as_ref().map(|p| p.as_str().to_string()),
                display_name: req.display_name.unwrap_or(email.as_str()).to_string(),
                password_hash,
                totp_enrolled: demo,
                totp_secret: req.demo_totp_secret,
                demo,
                password_change_required: req.must_change_password,
                created_at: clock.now(),
            },
            // The store names the object (`account:<id>`); the content hash covers the e-mail.
            events::account_created(
                clock.now(),
                LogActor::console(),
                email.as_str(),
                req.kind,
                participant.as_ref().map(|p| p.as_str()),
            )?,
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate(_) => {
                anyhow!("an account with the e-mail {email} already exists")
            }
            other => anyhow!(other),
        })?;
    Ok(CreatedAccount { account, password })
}

async fn find(store: &dyn Store, email: &str) -> Result<Account> {
    let email = Email::parse(email)?;
    store
        .account_by_email(email.as_str())
        .await?
        .ok_or_else(|| anyhow!("no account has the e-mail {email}"))
}

/// Mints an API token; the secret is returned to be printed once.
pub async fn mint_token(
    store: &dyn Store,
    clock: &dyn Clock,
    entropy: &dyn Entropy,
    email: &str,
    name: &str,
    scope: &str,
    days: i64,
) -> Result<(String, time::OffsetDateTime)> {
    let account = find(store, email).await?;
    if account.disabled {
        bail!("the account {email} is disabled");
    }
    let scopes = Scopes::parse(scope).ok_or_else(|| anyhow!("the scope must be read or write"))?;
    if !(1..=3650).contains(&days) {
        bail!("--days must be between 1 and 3650");
    }
    let now = clock.now();
    let secret = SecretToken::generate("pdt_", entropy);
    let log = events::token_issued_at_console(
        now,
        account.id,
        account.participant.as_deref(),
        name,
        scopes.as_str(),
    )?;
    let token = store
        .create_api_token(
            NewApiToken {
                account_id: account.id,
                name: name.to_string(),
                token_hash: secret.hash.clone(),
                scopes: scopes.as_str().to_string(),
                created_at: now,
                expires_at: now + Duration::days(days),
            },
            log,
        )
        .await?;
    Ok((secret.secret, token.expires_at))
}

/// The current TOTP code of a demo account (refused for real accounts).
pub async fn demo_totp_code(store: &dyn Store, clock: &dyn Clock, email: &str) -> Result<String> {
    let account = find(store, email).await?;
    if !account.demo {
        bail!("{email} is not a demo account: its codes come only from its owner's authenticator");
    }
    let secret = account
        .totp_secret
        .ok_or_else(|| anyhow!("{email} has no TOTP secret"))?;
    Ok(totp::code_at(&secret, clock.now())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::entropy::SeededEntropy;

    #[test]
    fn generated_passwords_pass_the_policy() {
        let p = generate_password(&SeededEntropy::new(1));
        assert_eq!(p.chars().count(), 20);
        assert!(pocdir_domain::credentials::check_new_password(&p).is_ok());
    }
}
