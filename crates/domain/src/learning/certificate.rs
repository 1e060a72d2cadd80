//! Completion certificates: what was passed, by whom, signed with the
//! instance's log key, so that anyone holding the instance's public key
//! (`/.well-known/pocdir-log-key`) can tell a real one from a forgery,
//! online or with `pocdir certificate verify`.

use crate::log::head::key_id;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "pocdir-certificate/1";
/// A certificate file is small; anything larger is not one.
pub const MAX_BYTES: usize = 16 * 1024;

/// A certificate as issued, printed and exported (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// Always `pocdir-certificate/1`.
    pub format: String,
    /// A UUID, also the id of the xAPI statement of the completion.
    pub id: String,
    /// The holder's name as the account gives it.
    pub holder: String,
    /// The module's slug.
    pub module: String,
    /// The module's title in the language the holder took it in.
    pub module_title: String,
    pub version: u32,
    /// The day it was passed, `YYYY-MM-DD` (UTC).
    pub issued_on: String,
    pub score_percent: u8,
    /// The installation that issued it (its base URL).
    pub issuer: String,
    /// Hex SHA-256 of the signing public key.
    pub key_id: String,
    /// Base64 Ed25519 signature over the fields above.
    pub signature: String,
}

/// What a certificate says, before it is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub id: String,
    pub holder: String,
    pub module: String,
    pub module_title: String,
    pub version: u32,
    pub issued_on: time::Date,
    pub score_percent: u8,
    pub issuer: String,
}

/// Why a certificate does not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CertificateRefusal {
    #[error("not a pocdir certificate")]
    Unreadable,
    #[error("signed by a key this installation never used")]
    UnknownKey,
    #[error("the signature does not match what the certificate says")]
    Forged,
}

impl CertificateRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            CertificateRefusal::Unreadable => "certificate-unreadable",
            CertificateRefusal::UnknownKey => "certificate-unknown-key",
            CertificateRefusal::Forged => "certificate-forged",
        }
    }
}

pub const MESSAGE_IDS: [&str; 3] = [
    "certificate-unreadable",
    "certificate-unknown-key",
    "certificate-forged",
];

/// A UUID (version 4) from 16 random bytes.
pub fn new_id(mut bytes: [u8; 16]) -> String {
    if let Some(b) = bytes.get_mut(6) {
        *b = (*b & 0x0f) | 0x40;
    }
    if let Some(b) = bytes.get_mut(8) {
        *b = (*b & 0x3f) | 0x80;
    }
    let hex = hex::encode(bytes);
    let part = |from: usize, to: usize| hex.get(from..to).unwrap_or_default();
    format!(
        "{}-{}-{}-{}-{}",
        part(0, 8),
        part(8, 12),
        part(12, 16),
        part(16, 20),
        part(20, 32)
    )
}

/// Whether `id` is the shape `new_id` makes (looked up only then).
pub fn is_id(id: &str) -> bool {
    id.len() == 36
        && id.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit() && !c.is_ascii_uppercase(),
        })
}

fn field(out: &mut String, name: &str, value: &str) {
    // JSON strings: a newline in a name cannot forge a field.
    out.push_str(name);
    out.push('=');
    out.push_str(&serde_json::Value::from(value).to_string());
    out.push('\n');
}

/// The exact bytes that are signed.
fn signed_message(c: &Certificate) -> Vec<u8> {
    let mut out = String::from(FORMAT);
    out.push('\n');
    field(&mut out, "id", &c.id);
    field(&mut out, "holder", &c.holder);
    field(&mut out, "module", &c.module);
    field(&mut out, "module_title", &c.module_title);
    field(&mut out, "version", &c.version.to_string());
    field(&mut out, "issued_on", &c.issued_on);
    field(&mut out, "score_percent", &c.score_percent.to_string());
    field(&mut out, "issuer", &c.issuer);
    field(&mut out, "key_id", &c.key_id);
    out.into_bytes()
}

impl Completion {
    pub fn sign(self, key: &SigningKey) -> Certificate {
        let mut certificate = Certificate {
            format: FORMAT.to_owned(),
            id: self.id,
            holder: self.holder,
            module: self.module,
            module_title: self.module_title,
            version: self.version,
            issued_on: self.issued_on.to_string(),
            score_percent: self.score_percent,
            issuer: self.issuer,
            key_id: key_id(&key.verifying_key()),
            signature: String::new(),
        };
        certificate.signature = STANDARD.encode(key.sign(&signed_message(&certificate)).to_bytes());
        certificate
    }
}

impl Certificate {
    /// Reads a certificate file (JSON, at most `MAX_BYTES`).
    pub fn from_json(bytes: &[u8]) -> Result<Certificate, CertificateRefusal> {
        if bytes.len() > MAX_BYTES {
            return Err(CertificateRefusal::Unreadable);
        }
        let c: Certificate =
            serde_json::from_slice(bytes).map_err(|_| CertificateRefusal::Unreadable)?;
        if c.format != FORMAT {
            return Err(CertificateRefusal::Unreadable);
        }
        Ok(c)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks the signature with the key it names, among `keys` (every key
    /// the installation signed with).
    pub fn verify(&self, keys: &[VerifyingKey]) -> Result<(), CertificateRefusal> {
        if self.format != FORMAT {
            return Err(CertificateRefusal::Unreadable);
        }
        let key = keys
            .iter()
            .find(|k| key_id(k) == self.key_id)
            .ok_or(CertificateRefusal::UnknownKey)?;
        let signature = STANDARD
            .decode(&self.signature)
            .ok()
            .and_then(|s| Signature::from_slice(&s).ok())
            .ok_or(CertificateRefusal::Forged)?;
        key.verify(&signed_message(self), &signature)
            .map_err(|_| CertificateRefusal::Forged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn issued() -> (SigningKey, Certificate) {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let c = Completion {
            id: new_id([9u8; 16]),
            holder: "Amina Haddad".into(),
            module: "ping-tests".into(),
            module_title: "Ping tests".into(),
            version: 1,
            issued_on: date!(2026 - 12 - 01),
            score_percent: 80,
            issuer: "https://pocdir.example.org".into(),
        }
        .sign(&key);
        (key, c)
    }

    #[test]
    fn a_certificate_verifies_and_reads_back() {
        let (key, c) = issued();
        assert!(is_id(&c.id), "{}", c.id);
        assert_eq!(c.verify(&[key.verifying_key()]), Ok(()));
        let again = Certificate::from_json(c.to_json().as_bytes()).unwrap();
        assert_eq!(again, c);
        assert_eq!(again.verify(&[key.verifying_key()]), Ok(()));
    }

    #[test]
    fn a_changed_field_or_another_key_is_refused() {
        let (key, c) = issued();
        let keys = [key.verifying_key()];
        let mut forged = c.clone();
        forged.holder = "Someone Else".into();
        assert_eq!(forged.verify(&keys), Err(CertificateRefusal::Forged));
        let mut forged = c.clone();
        forged.score_percent = 100;
        assert_eq!(forged.verify(&keys), Err(CertificateRefusal::Forged));
        let other = SigningKey::from_bytes(&[8u8; 32]);
        assert_eq!(
            c.verify(&[other.verifying_key()]),
            Err(CertificateRefusal::UnknownKey)
        );
        let mut forged = c.clone();
        forged.signature = "AAAA".into();
        assert_eq!(forged.verify(&keys), Err(CertificateRefusal::Forged));
        assert_eq!(
            Certificate::from_json(b"{}"),
            Err(CertificateRefusal::Unreadable)
        );
        assert!(!is_id("../../etc/passwd"));
    }

    proptest! {
        /// Any change to any field of a signed certificate is caught.
        #[test]
        fn any_edit_is_caught(which in 0usize..8, text in "\\PC{0,20}") {
            let (key, c) = issued();
            let mut f = c.clone();
            match which {
                0 => f.id = text.clone(),
                1 => f.holder = text.clone(),
                2 => f.module = text.clone(),
                3 => f.module_title = text.clone(),
                4 => f.issued_on = text.clone(),
                5 => f.issuer = text.clone(),
                6 => f.version = c.version + 1 + u32::try_from(text.len()).unwrap_or(0),
                _ => f.score_percent = c.score_percent.wrapping_add(1),
            }
            prop_assume!(f != c);
            prop_assert_eq!(f.verify(&[key.verifying_key()]), Err(CertificateRefusal::Forged));
        }

        #[test]
        fn hostile_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = Certificate::from_json(&bytes);
        }
    }
}
