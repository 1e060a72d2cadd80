//! TOTP (RFC 6238) as second factor: enrolment secrets, code checks with a
//! small clock-skew allowance, and the time step that feeds the replay guard.

use crate::entropy::{random_bytes, Entropy};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;
use totp_rs::{Algorithm, TOTP};

pub const STEP_SECONDS: u64 = 30;
pub const DIGITS: usize = 6;
/// Codes from one step before or after are accepted (phones drift).
pub const SKEW_STEPS: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TotpError {
    #[error("the stored TOTP secret is not valid base32")]
    BadSecret,
    #[error("the TOTP parameters were refused: {0}")]
    Parameters(String),
}

/// A new 160-bit secret, base32 (what authenticator apps expect).
pub fn generate_secret(entropy: &dyn Entropy) -> String {
    let bytes: [u8; 20] = random_bytes(entropy);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

fn totp(secret_base32: &str, account_label: &str) -> Result<TOTP, TotpError> {
    let secret = data_encoding::BASE32_NOPAD
        .decode(secret_base32.trim_end_matches('=').as_bytes())
        .map_err(|_| TotpError::BadSecret)?;
    // ':' separates issuer and account in otpauth labels.
    let label = account_label.replace(':', " ");
    TOTP::new(
        Algorithm::SHA1,
        DIGITS,
        SKEW_STEPS as u8,
        STEP_SECONDS,
        secret,
        Some("pocdir".to_string()),
        label,
    )
    .map_err(|e| TotpError::Parameters(e.to_string()))
}

/// The `otpauth://` URL shown as a QR code at enrolment.
pub fn provisioning_url(secret_base32: &str, account_label: &str) -> Result<String, TotpError> {
    Ok(totp(secret_base32, account_label)?.get_url())
}

fn unix_seconds(at: OffsetDateTime) -> u64 {
    u64::try_from(at.unix_timestamp()).unwrap_or(0)
}

/// The code an authenticator shows at `at`.
pub fn code_at(secret_base32: &str, at: OffsetDateTime) -> Result<String, TotpError> {
    Ok(totp(secret_base32, "x")?.generate(unix_seconds(at)))
}

/// Checks a typed code. On success returns the time step it belongs to, which
/// the caller must record so that the same code (or an older one) is refused next time.
pub fn verify(
    secret_base32: &str,
    typed: &str,
    at: OffsetDateTime,
) -> Result<Option<u64>, TotpError> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    let t = totp(secret_base32, "x")?;
    if typed.len() != DIGITS || !typed.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let now_step = unix_seconds(at) / STEP_SECONDS;
    let mut matched = None;
    for step in now_step.saturating_sub(SKEW_STEPS)..=now_step + SKEW_STEPS {
        let expected = t.generate(step * STEP_SECONDS);
        // Check every candidate so timing does not reveal which one matched.
        if bool::from(expected.as_bytes().ct_eq(typed.as_bytes())) {
            matched = Some(step);
        }
    }
    Ok(matched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::SeededEntropy;
    use time::macros::datetime;

    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn rfc6238_vectors() {
        let at = OffsetDateTime::from_unix_timestamp(59).unwrap();
        assert_eq!(code_at(RFC_SECRET, at).unwrap(), "287082");
        let at = OffsetDateTime::from_unix_timestamp(1_111_111_109).unwrap();
        assert_eq!(code_at(RFC_SECRET, at).unwrap(), "081804");
        let at = OffsetDateTime::from_unix_timestamp(2_000_000_000).unwrap();
        assert_eq!(code_at(RFC_SECRET, at).unwrap(), "279037");
    }

    #[test]
    fn accepts_one_step_of_skew_and_reports_the_step() {
        let secret = generate_secret(&SeededEntropy::new(9));
        let now = datetime!(2026-03-06 10:00:15 UTC);
        let code = code_at(&secret, now - time::Duration::seconds(30)).unwrap();
        let step = verify(&secret, &code, now).unwrap().unwrap();
        assert_eq!(step, unix_seconds(now) / 30 - 1);
        let old = code_at(&secret, now - time::Duration::seconds(90)).unwrap();
        assert_eq!(verify(&secret, &old, now).unwrap(), None);
        assert_eq!(verify(&secret, "12345", now).unwrap(), None);
        assert_eq!(verify(&secret, "abcdef", now).unwrap(), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(verify(&secret, &spaced, now).unwrap().is_some());
    }

    #[test]
    fn provisioning_url_names_the_issuer() {
        let secret = generate_secret(&SeededEntropy::new(1));
        let url = provisioning_url(&secret, "ana@example.org").unwrap();
        assert!(
            url.starts_with("otpauth://totp/pocdir:ana%40example.org?"),
            "{url}"
        );
        assert!(url.contains(&secret));
        assert!(verify("not base32!", "123456", datetime!(2026-01-01 0:00 UTC)).is_err());
    }
}
