//! Passwords (Argon2id), opaque secret tokens stored only as hashes,
//! recovery codes and CSRF tokens.

use crate::entropy::{random_bytes, Entropy};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordRuleError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password must have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password could not be hashed")]
    Hashing,
}

/// Checks a new password against the policy (length only, as NIST SP 800-63B advises).
pub fn check_new_password(password: &str) -> Result<(), PasswordRuleError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(PasswordRuleError::TooShort)
    } else if chars > MAX_PASSWORD_CHARS {
        Err(PasswordRuleError::TooLong)
    } else {
        Ok(())
    }
}

/// Hashes a password with Argon2id and a fresh salt (PHC string format).
pub fn hash_password(password: &str, entropy: &dyn Entropy) -> Result<String, PasswordRuleError> {
    check_new_password(password)?;
    let salt_bytes: [u8; 16] = random_bytes(entropy);
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|_| PasswordRuleError::Hashing)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| PasswordRuleError::Hashing)
}

/// True when `password` matches the stored PHC hash.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the same time as a real verification, so that an unknown e-mail
/// cannot be told from a wrong password by timing.
pub fn verify_password_against_nothing(password: &str) {
    // A fixed, valid Argon2id hash of a random string nobody knows.
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2UZeL6yUVk0bZ7qDXpyz5hzJxMdwX5Hh1n2rX5JfB1Q";
    let _ = verify_password(password, DUMMY);
}

/// A freshly drawn secret (session id, API token) and the hash that is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken {
    /// Shown once to its holder; never stored.
    pub secret: String,
    /// What the database keeps.
    pub hash: String,
}

impl std::fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretToken")
            .field("secret", &"<redacted>")
            .field("hash", &self.hash)
            .finish()
    }
}

impl SecretToken {
    /// 256 random bits, base64url, with a readable prefix (e.g. `pdt_` for API tokens).
    pub fn generate(prefix: &str, entropy: &dyn Entropy) -> Self {
        let bytes: [u8; 32] = random_bytes(entropy);
        let secret = format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes));
        let hash = hash_secret(&secret);
        SecretToken { secret, hash }
    }
}

/// SHA-256 of a high-entropy secret, hex. (Not for passwords: those use Argon2id.)
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Ten recovery codes such as `k3m9q-x7tp2`, each usable once.
pub fn generate_recovery_codes(entropy: &dyn Entropy) -> Vec<SecretToken> {
    (0..10)
        .map(|_| {
            let bytes: [u8; 7] = random_bytes(entropy);
            let encoded = data_encoding::BASE32_NOPAD.encode(&bytes).to_lowercase();
            let code: String = encoded.chars().take(10).collect();
            let (a, b) = code.split_at(5);
            let secret = format!("{a}-{b}");
            SecretToken {
                hash: hash_secret(&normalise_recovery_code(&secret)),
                secret,
            }
        })
        .collect()
}

/// Recovery codes are typed by hand: ignore case, spaces and dashes.
pub fn normalise_recovery_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub fn hash_recovery_code(typed: &str) -> String {
    hash_secret(&normalise_recovery_code(typed))
}

/// CSRF token bound to a per-browser random value, keyed with the server's secret.
pub fn csrf_token(key: &[u8], browser_value: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mac) => mac,
        // HMAC accepts keys of any length; this arm cannot be reached.
        Err(_) => return String::new(),
    };
    mac.update(b"pocdir-csrf\0");
    mac.update(browser_value.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// Constant-time check of a submitted CSRF token.
pub fn csrf_token_matches(key: &[u8], browser_value: &str, submitted: &str) -> bool {
    if browser_value.is_empty() || submitted.is_empty() {
        return false;
    }
    let expected = csrf_token(key, browser_value);
    !expected.is_empty() && bool::from(expected.as_bytes().ct_eq(submitted.as_bytes()))
}

/// The user and password of an `Authorization: Basic …` header (RFC 7617):
/// how TAXII clients, most of which speak nothing else, present the
/// account's e-mail and an API token. `None` for anything that is not
/// exactly that: another scheme, bad base64, not UTF-8, no colon, an empty
/// user or password.
pub fn parse_basic(header: &str) -> Option<(String, String)> {
    let (scheme, rest) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(rest.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    if user.is_empty() || password.is_empty() {
        return None;
    }
    Some((user.to_string(), password.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::SeededEntropy;
    use proptest::prelude::*;

    #[test]
    fn basic_credentials_are_read_as_rfc_7617_says() {
        use base64::engine::general_purpose::STANDARD;
        let header = format!("Basic {}", STANDARD.encode("pk@example.org:pdt_abc:def"));
        assert_eq!(
            parse_basic(&header),
            Some(("pk@example.org".into(), "pdt_abc:def".into()))
        );
        let lower = format!("basic {}", STANDARD.encode("a:b"));
        assert_eq!(parse_basic(&lower), Some(("a".into(), "b".into())));
        for bad in [
            "Bearer abc".to_string(),
            "Basic".to_string(),
            "Basic !!!".to_string(),
            format!("Basic {}", STANDARD.encode("no colon")),
            format!("Basic {}", STANDARD.encode(":password")),
            format!("Basic {}", STANDARD.encode("user:")),
            format!("Basic {}", STANDARD.encode([0xff, b':', b'a'])),
        ] {
            assert_eq!(parse_basic(&bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_authorization_header_is_read_without_panicking(raw in "\\PC{0,200}") {
            let _ = parse_basic(&raw);
            let _ = parse_basic(&format!("Basic {raw}"));
        }

        #[test]
        fn basic_round_trips(user in "[^:\\x00]{1,40}", password in "\\PC{1,60}") {
            use base64::engine::general_purpose::STANDARD;
            let header = format!("Basic {}", STANDARD.encode(format!("{user}:{password}")));
            prop_assert_eq!(parse_basic(&header), Some((user, password)));
        }
    }

    #[test]
    fn passwords_hash_and_verify() {
        let e = SeededEntropy::new(1);
        let hash = hash_password("correct horse battery", &e).unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a hash"));
        verify_password_against_nothing("x");
    }

    #[test]
    fn password_policy_counts_characters() {
        assert_eq!(
            check_new_password("short"),
            Err(PasswordRuleError::TooShort)
        );
        assert!(check_new_password("كلمة مرور طويلة").is_ok());
        assert_eq!(
            check_new_password(&"a".repeat(257)),
            Err(PasswordRuleError::TooLong)
        );
    }

    #[test]
    fn tokens_are_random_and_stored_as_hashes() {
        let e = SeededEntropy::new(2);
        let a = SecretToken::generate("pdt_", &e);
        let b = SecretToken::generate("pdt_", &e);
        assert_ne!(a.secret, b.secret);
        assert!(a.secret.starts_with("pdt_"));
        assert_eq!(a.hash, hash_secret(&a.secret));
        assert!(!format!("{a:?}").contains(&a.secret));
    }

    #[test]
    fn recovery_codes_forgive_typing() {
        let codes = generate_recovery_codes(&SeededEntropy::new(3));
        assert_eq!(codes.len(), 10);
        let first = &codes[0];
        assert_eq!(first.secret.len(), 11);
        let typed = format!(" {} ", first.secret.to_uppercase().replace('-', " "));
        assert_eq!(hash_recovery_code(&typed), first.hash);
    }

    #[test]
    fn csrf_tokens_bind_to_the_browser_and_key() {
        let t = csrf_token(b"key", "browser-1");
        assert!(csrf_token_matches(b"key", "browser-1", &t));
        assert!(!csrf_token_matches(b"key", "browser-2", &t));
        assert!(!csrf_token_matches(b"other", "browser-1", &t));
        assert!(!csrf_token_matches(b"key", "", ""));
    }
}
