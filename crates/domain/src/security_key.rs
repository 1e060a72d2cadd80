//! Security keys and passkeys (WebAuthn) as a second factor beside TOTP.
//!
//! pocdir is the relying party named by its public address: WebAuthn binds
//! each credential to that domain and the browser reports the origin it
//! talked to, so a look-alike site can neither use nor relay a key's
//! answer (phishing-resistant, unlike a typed code).
//!
//! The ceremonies are `webauthn-rs`'s passkey flow: any authenticator (a
//! USB or NFC security key, a phone, the computer's own), with user
//! verification (the key's PIN or a fingerprint) required, so a stolen key
//! alone is not enough either. The half-done state of a ceremony is kept
//! on the server (the store, tied to the browser's session), never in the
//! browser, so an answer cannot be replayed against an old challenge. A
//! key whose signature counter goes backwards may have been cloned: the
//! crate refuses it ([`SecurityKeyError::PossibleClone`]).

use sha2::{Digest, Sha256};
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder, WebauthnError,
};

/// The longest name of a key (shown in lists, so kept short).
pub const MAX_NAME_CHARS: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyNameError {
    #[error("a key's name is required")]
    Empty,
    #[error("a key's name has at most {MAX_NAME_CHARS} characters")]
    TooLong,
    #[error("a key's name cannot hold control characters")]
    Control,
}

/// A key's name as its owner typed it, trimmed.
pub fn check_key_name(name: &str) -> Result<String, KeyNameError> {
    let name = name.trim();
    if name.is_empty() {
        Err(KeyNameError::Empty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(KeyNameError::TooLong)
    } else if name.chars().any(char::is_control) {
        Err(KeyNameError::Control)
    } else {
        Ok(name.to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RelyingPartyError {
    #[error("the public address {0:?} is not a URL")]
    NotAUrl(String),
    #[error(
        "the public address {0} has no domain name; WebAuthn needs one \
         (https://pocdir.example.org, or http://localhost for a trial)"
    )]
    NoDomain(String),
    #[error(
        "the public address {0} is not https; WebAuthn needs a secure origin \
         (only http://localhost is allowed without TLS)"
    )]
    NotSecure(String),
    #[error("WebAuthn refuses the public address {0}")]
    Refused(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecurityKeyError {
    /// What the browser sent is not a WebAuthn answer.
    #[error("the answer is not a WebAuthn credential")]
    Malformed,
    /// The answer does not verify: another site's, an old challenge, a
    /// bad signature, no user verification, a key not offered.
    #[error("the security key's answer was refused: {0}")]
    Refused(String),
    /// The key's signature counter did not grow: it may have been cloned.
    #[error("the security key's counter went backwards; it may have been cloned")]
    PossibleClone,
    /// A stored state or credential cannot be read, or the library failed.
    #[error("security key ceremony failed: {0}")]
    Internal(String),
}

/// One half-done ceremony: `options` go to the browser (JSON for
/// `navigator.credentials`), `state` stays on the server until the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ceremony {
    pub options: String,
    pub state: String,
}

/// A newly registered credential: its id (base64url, unique across
/// accounts) and what the server keeps to check it (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCredential {
    pub credential_id: String,
    pub credential: String,
}

/// A stored credential, as the ceremonies take it.
#[derive(Debug, Clone, Copy)]
pub struct StoredCredential<'a> {
    pub credential_id: &'a str,
    pub credential: &'a str,
}

/// A successful sign-in with a key: which one, and its credential as it
/// must now be stored (the counter moved on) when it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyUse {
    pub credential_id: String,
    pub updated_credential: Option<String>,
}

/// pocdir as a WebAuthn relying party.
pub struct RelyingParty {
    webauthn: Webauthn,
    rp_id: String,
    origin: Url,
}

impl std::fmt::Debug for RelyingParty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelyingParty")
            .field("rp_id", &self.rp_id)
            .field("origin", &self.origin.as_str())
            .finish_non_exhaustive()
    }
}

fn internal(e: impl std::fmt::Display) -> SecurityKeyError {
    SecurityKeyError::Internal(e.to_string())
}

fn encode_id(id: &[u8]) -> String {
    data_encoding::BASE64URL_NOPAD.encode(id)
}

impl RelyingParty {
    /// The relying party at `public_url`, the address users reach pocdir
    /// at. A loopback IP (a local server's default address) is reached by
    /// the name `localhost` instead: WebAuthn needs a domain, and browsers
    /// treat `http://localhost` as secure.
    pub fn for_public_url(public_url: &str) -> Result<RelyingParty, RelyingPartyError> {
        let mut url =
            Url::parse(public_url).map_err(|_| RelyingPartyError::NotAUrl(public_url.into()))?;
        let loopback = match url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            _ => false,
        };
        if loopback {
            url.set_host(Some("localhost"))
                .map_err(|_| RelyingPartyError::NotAUrl(public_url.into()))?;
        }
        let domain = url
            .domain()
            .ok_or_else(|| RelyingPartyError::NoDomain(public_url.into()))?
            .to_ascii_lowercase();
        let secure = url.scheme() == "https" || (url.scheme() == "http" && domain == "localhost");
        if !secure {
            return Err(RelyingPartyError::NotSecure(public_url.into()));
        }
        let origin = Url::parse(&url.origin().ascii_serialization())
            .map_err(|_| RelyingPartyError::NotAUrl(public_url.into()))?;
        let webauthn = WebauthnBuilder::new(&domain, &origin)
            .and_then(|b| b.rp_name("pocdir").build())
            .map_err(|_| RelyingPartyError::Refused(public_url.into()))?;
        Ok(RelyingParty {
            webauthn,
            rp_id: domain,
            origin,
        })
    }

    /// The domain credentials are bound to.
    pub fn rp_id(&self) -> &str {
        &self.rp_id
    }

    /// The only origin whose answers are accepted (scheme, host, port).
    pub fn origin(&self) -> &Url {
        &self.origin
    }

    /// Starts registering a key for `account_id`; `existing` are the
    /// account's keys, which the browser will not register twice.
    pub fn start_registration(
        &self,
        account_id: i64,
        email: &str,
        display_name: &str,
        existing: &[StoredCredential<'_>],
    ) -> Result<Ceremony, SecurityKeyError> {
        let exclude = existing
            .iter()
            .map(|c| read_credential(c.credential).map(|p| p.cred_id().clone()))
            .collect::<Result<Vec<_>, _>>()?;
        let (options, state) = self
            .webauthn
            .start_passkey_registration(user_handle(account_id), email, display_name, Some(exclude))
            .map_err(internal)?;
        Ok(Ceremony {
            options: serde_json::to_string(&options).map_err(internal)?,
            state: serde_json::to_string(&state).map_err(internal)?,
        })
    }

    /// Checks the browser's answer to a registration against its state.
    pub fn finish_registration(
        &self,
        answer: &str,
        state: &str,
    ) -> Result<NewCredential, SecurityKeyError> {
        let answer: RegisterPublicKeyCredential =
            serde_json::from_str(answer).map_err(|_| SecurityKeyError::Malformed)?;
        let state: PasskeyRegistration = serde_json::from_str(state).map_err(internal)?;
        let passkey = self
            .webauthn
            .finish_passkey_registration(&answer, &state)
            .map_err(refused)?;
        Ok(NewCredential {
            credential_id: encode_id(passkey.cred_id().as_ref()),
            credential: serde_json::to_string(&passkey).map_err(internal)?,
        })
    }

    /// Starts a sign-in with one of `keys` (the account's; at least one).
    pub fn start_sign_in(
        &self,
        keys: &[StoredCredential<'_>],
    ) -> Result<Ceremony, SecurityKeyError> {
        let passkeys = keys
            .iter()
            .map(|c| read_credential(c.credential))
            .collect::<Result<Vec<_>, _>>()?;
        let (options, state) = self
            .webauthn
            .start_passkey_authentication(&passkeys)
            .map_err(internal)?;
        Ok(Ceremony {
            options: serde_json::to_string(&options).map_err(internal)?,
            state: serde_json::to_string(&state).map_err(internal)?,
        })
    }

    /// Checks the browser's answer to a sign-in against its state; `keys`
    /// are the account's keys now (one removed meanwhile is refused).
    pub fn finish_sign_in(
        &self,
        answer: &str,
        state: &str,
        keys: &[StoredCredential<'_>],
    ) -> Result<KeyUse, SecurityKeyError> {
        let answer: PublicKeyCredential =
            serde_json::from_str(answer).map_err(|_| SecurityKeyError::Malformed)?;
        let state: PasskeyAuthentication = serde_json::from_str(state).map_err(internal)?;
        let result = self
            .webauthn
            .finish_passkey_authentication(&answer, &state)
            .map_err(refused)?;
        let used = encode_id(result.cred_id().as_ref());
        let stored = keys
            .iter()
            .find(|k| k.credential_id == used)
            .ok_or_else(|| SecurityKeyError::Refused("the key is no longer registered".into()))?;
        let mut passkey = read_credential(stored.credential)?;
        let updated_credential = match passkey.update_credential(&result) {
            Some(true) => Some(serde_json::to_string(&passkey).map_err(internal)?),
            _ => None,
        };
        Ok(KeyUse {
            credential_id: used,
            updated_credential,
        })
    }
}

fn read_credential(json: &str) -> Result<Passkey, SecurityKeyError> {
    serde_json::from_str(json).map_err(|e| internal(format!("stored credential: {e}")))
}

fn refused(e: WebauthnError) -> SecurityKeyError {
    match e {
        WebauthnError::CredentialPossibleCompromise => SecurityKeyError::PossibleClone,
        WebauthnError::ParseNOMFailure
        | WebauthnError::ParseBase64Failure(_)
        | WebauthnError::ParseCBORFailure(_)
        | WebauthnError::ParseJSONFailure(_)
        | WebauthnError::ParseInsufficientBytesAvailable => SecurityKeyError::Malformed,
        other => SecurityKeyError::Refused(other.to_string()),
    }
}

/// The WebAuthn user handle of an account: stable (a new key for the same
/// account replaces an older one on the same authenticator) and free of
/// personal data (authenticators may show or sync it).
fn user_handle(account_id: i64) -> Uuid {
    let digest = Sha256::new()
        .chain_update(b"pocdir webauthn user handle\0")
        .chain_update(account_id.to_be_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    for (b, d) in bytes.iter_mut().zip(digest.iter()) {
        *b = *d;
    }
    Uuid::from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use webauthn_authenticator_rs::softpasskey::SoftPasskey;
    use webauthn_authenticator_rs::WebauthnAuthenticator;

    /// A software passkey that says it verified its user (as a PIN would).
    fn authenticator() -> SoftPasskey {
        SoftPasskey::new(true)
    }

    fn register(
        rp: &RelyingParty,
        key: &mut SoftPasskey,
        origin: &str,
    ) -> Result<NewCredential, SecurityKeyError> {
        let ceremony = rp.start_registration(7, "a@example.org", "A", &[]).unwrap();
        let options = serde_json::from_str(&ceremony.options).unwrap();
        let answer = key
            .do_registration(Url::parse(origin).unwrap(), options)
            .unwrap();
        rp.finish_registration(&serde_json::to_string(&answer).unwrap(), &ceremony.state)
    }

    fn sign_in(
        rp: &RelyingParty,
        key: &mut SoftPasskey,
        stored: &NewCredential,
        origin: &str,
    ) -> Result<KeyUse, SecurityKeyError> {
        let keys = [StoredCredential {
            credential_id: &stored.credential_id,
            credential: &stored.credential,
        }];
        let ceremony = rp.start_sign_in(&keys).unwrap();
        let options = serde_json::from_str(&ceremony.options).unwrap();
        let answer = key
            .do_authentication(Url::parse(origin).unwrap(), options)
            .unwrap();
        rp.finish_sign_in(
            &serde_json::to_string(&answer).unwrap(),
            &ceremony.state,
            &keys,
        )
    }

    #[test]
    fn the_relying_party_is_the_public_address() {
        let rp = RelyingParty::for_public_url("https://pocdir.example.org/").unwrap();
        assert_eq!(rp.rp_id(), "pocdir.example.org");
        assert_eq!(rp.origin().as_str(), "https://pocdir.example.org/");
        // A local server's default address is reached by name.
        let rp = RelyingParty::for_public_url("http://127.0.0.1:8080").unwrap();
        assert_eq!(rp.rp_id(), "localhost");
        assert_eq!(rp.origin().as_str(), "http://localhost:8080/");
        assert!(matches!(
            RelyingParty::for_public_url("http://pocdir.example.org"),
            Err(RelyingPartyError::NotSecure(_))
        ));
        assert!(matches!(
            RelyingParty::for_public_url("https://10.0.0.1"),
            Err(RelyingPartyError::NoDomain(_))
        ));
        assert!(matches!(
            RelyingParty::for_public_url("not a url"),
            Err(RelyingPartyError::NotAUrl(_))
        ));
    }

    #[test]
    fn a_key_registers_then_signs_in_and_its_counter_moves_on() {
        let rp = RelyingParty::for_public_url("http://localhost:8080").unwrap();
        let mut key = authenticator();
        let stored = register(&rp, &mut key, "http://localhost:8080").unwrap();
        assert!(!stored.credential_id.is_empty());
        let used = sign_in(&rp, &mut key, &stored, "http://localhost:8080").unwrap();
        assert_eq!(used.credential_id, stored.credential_id);
        assert!(used.updated_credential.is_some(), "the counter was stored");
    }

    #[test]
    fn another_origin_is_refused() {
        let rp = RelyingParty::for_public_url("https://pocdir.example.org").unwrap();
        let mut key = authenticator();
        // A page elsewhere relaying the challenge (the browser only lets a
        // subdomain ask for this domain's keys, and reports its origin).
        assert!(matches!(
            register(&rp, &mut key, "https://evil.pocdir.example.org"),
            Err(SecurityKeyError::Refused(_))
        ));
        let stored = register(&rp, &mut key, "https://pocdir.example.org").unwrap();
        assert!(matches!(
            sign_in(&rp, &mut key, &stored, "https://evil.pocdir.example.org"),
            Err(SecurityKeyError::Refused(_))
        ));
        assert!(matches!(
            sign_in(&rp, &mut key, &stored, "https://pocdir.example.org:8443"),
            Err(SecurityKeyError::Refused(_))
        ));
        assert!(sign_in(&rp, &mut key, &stored, "https://pocdir.example.org").is_ok());
    }

    #[test]
    fn an_answer_is_good_for_its_own_challenge_only() {
        let rp = RelyingParty::for_public_url("http://localhost:8080").unwrap();
        let mut key = authenticator();
        let stored = register(&rp, &mut key, "http://localhost:8080").unwrap();
        let keys = [StoredCredential {
            credential_id: &stored.credential_id,
            credential: &stored.credential,
        }];
        let first = rp.start_sign_in(&keys).unwrap();
        let second = rp.start_sign_in(&keys).unwrap();
        let answer = key
            .do_authentication(
                Url::parse("http://localhost:8080").unwrap(),
                serde_json::from_str(&first.options).unwrap(),
            )
            .unwrap();
        let answer = serde_json::to_string(&answer).unwrap();
        assert!(matches!(
            rp.finish_sign_in(&answer, &second.state, &keys),
            Err(SecurityKeyError::Refused(_))
        ));
        assert!(rp.finish_sign_in(&answer, &first.state, &keys).is_ok());
        assert_eq!(
            rp.finish_sign_in("{not json", &first.state, &keys),
            Err(SecurityKeyError::Malformed)
        );
    }

    #[test]
    fn a_key_whose_counter_goes_back_is_refused_as_a_possible_clone() {
        let rp = RelyingParty::for_public_url("http://localhost:8080").unwrap();
        let mut key = authenticator();
        let stored = register(&rp, &mut key, "http://localhost:8080").unwrap();
        // The server has seen this key count further than it now does: the
        // answer comes from a copy of the key taken earlier.
        let mut seen: serde_json::Value = serde_json::from_str(&stored.credential).unwrap();
        seen["cred"]["counter"] = serde_json::json!(1000);
        let seen = NewCredential {
            credential: seen.to_string(),
            ..stored.clone()
        };
        assert_eq!(
            sign_in(&rp, &mut key, &seen, "http://localhost:8080"),
            Err(SecurityKeyError::PossibleClone)
        );
        assert!(sign_in(&rp, &mut key, &stored, "http://localhost:8080").is_ok());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(check_key_name("  YubiKey 5 "), Ok("YubiKey 5".into()));
        assert_eq!(check_key_name("   "), Err(KeyNameError::Empty));
        assert_eq!(
            check_key_name(&"k".repeat(MAX_NAME_CHARS + 1)),
            Err(KeyNameError::TooLong)
        );
        assert_eq!(check_key_name("a\u{7}b"), Err(KeyNameError::Control));
        assert!(check_key_name(&"é".repeat(MAX_NAME_CHARS)).is_ok());
    }

    #[test]
    fn the_user_handle_is_stable_per_account() {
        assert_eq!(user_handle(1), user_handle(1));
        assert_ne!(user_handle(1), user_handle(2));
    }
}
