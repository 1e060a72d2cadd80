//! Sealing at rest: values the database must never hold in clear (message
//! subjects, fields, text and attachments, PoCs' contact details, TOTP
//! secrets, mail bodies) are encrypted with XChaCha20-Poly1305 under a key
//! that lives in a file beside the database, never in it.
//!
//! A sealed value carries the id of the key that sealed it, so that
//! `pocdir keys rotate` can add a key, re-seal row by row while the service
//! runs, and a reader still opens values sealed under the older key until
//! they are all re-sealed. The `purpose` (e.g. `"communications.content"`)
//! is the AEAD's associated data: a value copied into another column does
//! not open there.
//!
//! No I/O here: the key file is read and written by the binary
//! (`crates/cli/src/secrets.rs`); randomness (keys, nonces) is injected.

use crate::entropy::Entropy;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use std::fmt;
use std::sync::Arc;
use zeroize::Zeroizing;

/// Text form: `seal1.<key id>.<base64url(nonce ‖ ciphertext)>`.
const TEXT_PREFIX: &str = "seal1";
/// Binary form: this byte, the key id's length (one byte), the key id,
/// the nonce, the ciphertext.
const BINARY_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
pub const KEY_LEN: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The value names a key the keyring does not hold (a key file from
    /// another installation, or a key retired too early).
    #[error("sealed with key {0:?}, which is not in the key file")]
    UnknownKey(String),
    /// The value is not in the sealed form at all.
    #[error("not a sealed value")]
    Malformed,
    /// The key is right but the value (or its purpose) was changed.
    #[error("sealed value does not open: changed, or moved from another column")]
    Tampered,
    /// A key id must be short, printable and without dots.
    #[error("invalid key id {0:?}")]
    InvalidKeyId(String),
    #[error("the key file holds no key {0:?} to seal with")]
    NoCurrentKey(String),
}

/// One key: its id and its 32 secret bytes (wiped when dropped).
#[derive(Clone)]
pub struct SealKey {
    id: String,
    secret: Zeroizing<[u8; KEY_LEN]>,
}

impl fmt::Debug for SealKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealKey")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl SealKey {
    pub fn from_bytes(id: &str, secret: [u8; KEY_LEN]) -> Result<SealKey, SealError> {
        let valid = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            return Err(SealError::InvalidKeyId(id.to_string()));
        }
        Ok(SealKey {
            id: id.to_string(),
            secret: Zeroizing::new(secret),
        })
    }

    /// A new random key named `id`.
    pub fn generate(id: &str, entropy: &dyn Entropy) -> Result<SealKey, SealError> {
        let mut secret = Zeroizing::new([0u8; KEY_LEN]);
        entropy.fill(secret.as_mut());
        SealKey::from_bytes(id, *secret)
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The secret bytes, to write the key file.
    pub fn secret(&self) -> &[u8; KEY_LEN] {
        &self.secret
    }

    fn cipher(&self) -> Result<XChaCha20Poly1305, SealError> {
        XChaCha20Poly1305::new_from_slice(self.secret.as_ref()).map_err(|_| SealError::Malformed)
    }
}

/// The keys of an installation: one seals, all open.
#[derive(Clone)]
pub struct Keyring {
    keys: Vec<SealKey>,
    current: usize,
    entropy: Arc<dyn Entropy>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("keys", &self.key_ids())
            .field("current", &self.current_id())
            .finish()
    }
}

impl Keyring {
    /// `keys` in any order; `current` names the one that seals new values.
    pub fn new(
        keys: Vec<SealKey>,
        current: &str,
        entropy: Arc<dyn Entropy>,
    ) -> Result<Keyring, SealError> {
        let current = keys
            .iter()
            .position(|k| k.id == current)
            .ok_or_else(|| SealError::NoCurrentKey(current.to_string()))?;
        Ok(Keyring {
            keys,
            current,
            entropy,
        })
    }

    /// A keyring of one fresh key: for tests and benchmarks, whose
    /// databases live no longer than the process.
    pub fn ephemeral(entropy: Arc<dyn Entropy>) -> Result<Keyring, SealError> {
        let key = SealKey::generate("ephemeral", entropy.as_ref())?;
        Keyring::new(vec![key], "ephemeral", entropy)
    }

    pub fn current_id(&self) -> &str {
        self.keys.get(self.current).map_or("", |k| k.id.as_str())
    }

    pub fn key_ids(&self) -> Vec<&str> {
        self.keys.iter().map(|k| k.id.as_str()).collect()
    }

    pub fn keys(&self) -> &[SealKey] {
        &self.keys
    }

    fn current_key(&self) -> Result<&SealKey, SealError> {
        self.keys
            .get(self.current)
            .ok_or_else(|| SealError::NoCurrentKey(String::new()))
    }

    fn key(&self, id: &str) -> Result<&SealKey, SealError> {
        self.keys
            .iter()
            .find(|k| k.id == id)
            .ok_or_else(|| SealError::UnknownKey(id.to_string()))
    }

    fn encrypt(
        &self,
        key: &SealKey,
        purpose: &str,
        plaintext: &[u8],
    ) -> Result<([u8; NONCE_LEN], Vec<u8>), SealError> {
        let mut nonce = [0u8; NONCE_LEN];
        self.entropy.fill(&mut nonce);
        let ciphertext = key
            .cipher()?
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: purpose.as_bytes(),
                },
            )
            .map_err(|_| SealError::Malformed)?;
        Ok((nonce, ciphertext))
    }

    fn decrypt(
        key: &SealKey,
        purpose: &str,
        nonce: &[u8],
        ciphertext: &[u8],
    ) -> Result<Vec<u8>, SealError> {
        let nonce = XNonce::try_from(nonce).map_err(|_| SealError::Malformed)?;
        key.cipher()?
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad: purpose.as_bytes(),
                },
            )
            .map_err(|_| SealError::Tampered)
    }

    /// Seals text into text, for a TEXT column.
    pub fn seal_str(&self, purpose: &str, plaintext: &str) -> Result<String, SealError> {
        let key = self.current_key()?;
        let (nonce, ciphertext) = self.encrypt(key, purpose, plaintext.as_bytes())?;
        let mut raw = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        raw.extend_from_slice(&nonce);
        raw.extend_from_slice(&ciphertext);
        let body = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
        Ok(format!("{TEXT_PREFIX}.{}.{body}", key.id))
    }

    /// Opens what [`Keyring::seal_str`] sealed for the same `purpose`.
    pub fn open_str(&self, purpose: &str, sealed: &str) -> Result<String, SealError> {
        let (key_id, body) = split_text(sealed)?;
        let key = self.key(key_id)?;
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| SealError::Malformed)?;
        let (nonce, ciphertext) = raw
            .split_at_checked(NONCE_LEN)
            .ok_or(SealError::Malformed)?;
        let plain = Keyring::decrypt(key, purpose, nonce, ciphertext)?;
        String::from_utf8(plain).map_err(|_| SealError::Tampered)
    }

    /// Seals bytes into bytes, for a BLOB/BYTEA column (attachments).
    pub fn seal_bytes(&self, purpose: &str, plaintext: &[u8]) -> Result<Vec<u8>, SealError> {
        let key = self.current_key()?;
        let (nonce, ciphertext) = self.encrypt(key, purpose, plaintext)?;
        let id = key.id.as_bytes();
        let id_len = u8::try_from(id.len()).map_err(|_| SealError::InvalidKeyId(key.id.clone()))?;
        let mut out = Vec::with_capacity(2 + id.len() + NONCE_LEN + ciphertext.len());
        out.push(BINARY_VERSION);
        out.push(id_len);
        out.extend_from_slice(id);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        Ok(out)
    }

    /// Opens what [`Keyring::seal_bytes`] sealed for the same `purpose`.
    pub fn open_bytes(&self, purpose: &str, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        let (key_id, rest) = split_binary(sealed)?;
        let key = self.key(key_id)?;
        let (nonce, ciphertext) = rest
            .split_at_checked(NONCE_LEN)
            .ok_or(SealError::Malformed)?;
        Keyring::decrypt(key, purpose, nonce, ciphertext)
    }

    /// Whether a sealed value (either form) was sealed under another key
    /// than the current one: what `pocdir keys rotate` re-seals.
    pub fn needs_reseal_str(&self, sealed: &str) -> Result<bool, SealError> {
        Ok(split_text(sealed)?.0 != self.current_id())
    }

    pub fn needs_reseal_bytes(&self, sealed: &[u8]) -> Result<bool, SealError> {
        Ok(split_binary(sealed)?.0 != self.current_id())
    }
}

/// The key id a text value was sealed under.
pub fn key_id_of_str(sealed: &str) -> Result<&str, SealError> {
    Ok(split_text(sealed)?.0)
}

fn split_text(sealed: &str) -> Result<(&str, &str), SealError> {
    let mut parts = sealed.splitn(3, '.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(TEXT_PREFIX), Some(id), Some(body)) if !id.is_empty() => Ok((id, body)),
        _ => Err(SealError::Malformed),
    }
}

fn split_binary(sealed: &[u8]) -> Result<(&str, &[u8]), SealError> {
    let (&version, rest) = sealed.split_first().ok_or(SealError::Malformed)?;
    let (&id_len, rest) = rest.split_first().ok_or(SealError::Malformed)?;
    if version != BINARY_VERSION {
        return Err(SealError::Malformed);
    }
    let (id, rest) = rest
        .split_at_checked(usize::from(id_len))
        .ok_or(SealError::Malformed)?;
    let id = std::str::from_utf8(id).map_err(|_| SealError::Malformed)?;
    Ok((id, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::SeededEntropy;
    use proptest::prelude::*;

    fn entropy() -> Arc<dyn Entropy> {
        Arc::new(SeededEntropy::new(7))
    }

    fn ring(ids: &[&str], current: &str) -> Keyring {
        let e = entropy();
        let keys = ids
            .iter()
            .map(|id| SealKey::generate(id, e.as_ref()).unwrap())
            .collect();
        Keyring::new(keys, current, e).unwrap()
    }

    #[test]
    fn text_round_trip_hides_the_plaintext_and_names_the_key() {
        let ring = ring(&["k1"], "k1");
        let sealed = ring
            .seal_str("pocs.email", "focal.point@mofa.gov.pk")
            .unwrap();
        assert!(sealed.starts_with("seal1.k1."));
        assert!(!sealed.contains("focal"));
        assert_eq!(key_id_of_str(&sealed).unwrap(), "k1");
        assert_eq!(
            ring.open_str("pocs.email", &sealed).unwrap(),
            "focal.point@mofa.gov.pk"
        );
        // Two seals of one value differ (random nonce): equal values are not
        // visible as equal in the database.
        assert_ne!(
            sealed,
            ring.seal_str("pocs.email", "focal.point@mofa.gov.pk")
                .unwrap()
        );
    }

    #[test]
    fn another_purpose_or_a_changed_value_does_not_open() {
        let ring = ring(&["k1"], "k1");
        let sealed = ring.seal_str("pocs.email", "a@b.example").unwrap();
        assert_eq!(
            ring.open_str("pocs.phone", &sealed),
            Err(SealError::Tampered)
        );
        let mut changed = sealed.clone().into_bytes();
        let last = changed.len() - 1;
        changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert!(ring.open_str("pocs.email", &changed).is_err());
        assert_eq!(
            ring.open_str("pocs.email", "plain text"),
            Err(SealError::Malformed)
        );
    }

    #[test]
    fn rotation_opens_old_values_and_seals_under_the_new_key() {
        let old = ring(&["k1"], "k1");
        let sealed = old.seal_str("x", "secret").unwrap();
        let bytes = old.seal_bytes("y", b"\x00\x01attachment").unwrap();
        let mut keys = old.keys().to_vec();
        keys.push(SealKey::generate("k2", entropy().as_ref()).unwrap());
        let new = Keyring::new(keys, "k2", entropy()).unwrap();
        assert!(new.needs_reseal_str(&sealed).unwrap());
        assert!(new.needs_reseal_bytes(&bytes).unwrap());
        assert_eq!(new.open_str("x", &sealed).unwrap(), "secret");
        assert_eq!(new.open_bytes("y", &bytes).unwrap(), b"\x00\x01attachment");
        let resealed = new.seal_str("x", "secret").unwrap();
        assert!(!new.needs_reseal_str(&resealed).unwrap());
        // A keyring without the old key cannot open the old value.
        let only_new = Keyring::new(vec![new.keys()[1].clone()], "k2", entropy()).unwrap();
        assert_eq!(
            only_new.open_str("x", &sealed),
            Err(SealError::UnknownKey("k1".into()))
        );
    }

    #[test]
    fn key_ids_are_checked() {
        assert!(SealKey::from_bytes("a.b", [0; 32]).is_err());
        assert!(SealKey::from_bytes("", [0; 32]).is_err());
        assert!(Keyring::new(vec![], "k", entropy()).is_err());
        let debug = format!("{:?}", SealKey::from_bytes("k", [9; 32]).unwrap());
        assert!(!debug.contains('9'));
    }

    proptest! {
        #[test]
        fn any_value_round_trips_and_garbage_never_panics(
            text in ".*",
            bytes in proptest::collection::vec(any::<u8>(), 0..512),
            garbage in ".*",
            garbage_bytes in proptest::collection::vec(any::<u8>(), 0..64),
        ) {
            let ring = ring(&["k1"], "k1");
            let sealed = ring.seal_str("p", &text).unwrap();
            prop_assert_eq!(ring.open_str("p", &sealed).unwrap(), text);
            let sealed = ring.seal_bytes("p", &bytes).unwrap();
            prop_assert_eq!(ring.open_bytes("p", &sealed).unwrap(), bytes);
            let _ = ring.open_str("p", &garbage);
            let _ = ring.open_bytes("p", &garbage_bytes);
        }
    }
}
