//! The keyring as the store holds it: the keys of the key file, and a way
//! to read the file again when it changes (`pocdir keys rotate` adds a key
//! while `pocdir serve` runs). The store does no file I/O itself: the
//! binary hands it a [`KeySource`].

use crate::{StoreError, StoreResult};
use hmac::{Hmac, Mac};
use pocdir_domain::entropy::Entropy;
use pocdir_domain::seal::{Keyring, SealError};
use sha2::Sha256;
use std::fmt;
use std::sync::{Arc, RwLock};

type HmacSha256 = Hmac<Sha256>;

/// What the blind-index key is derived with (from the oldest key).
const BLIND_INDEX_LABEL: &[u8] = b"pocdir blind index v1";

/// Where the keyring comes from, to read it again.
pub trait KeySource: Send + Sync + fmt::Debug {
    /// The keyring if the source changed since it was last read (cheap:
    /// asked before each seal, so that new values go under a new current
    /// key soon after a rotation).
    fn reload_if_changed(&self) -> Result<Option<Keyring>, String>;
    /// The keyring as it is now (asked when a value names a key the store
    /// does not know).
    fn reload(&self) -> Result<Keyring, String>;
}

/// The keys the store seals and opens with.
pub struct Keys {
    ring: RwLock<Arc<Keyring>>,
    source: Option<Box<dyn KeySource>>,
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keys")
            .field("ring", &self.ring())
            .field("source", &self.source)
            .finish()
    }
}

impl From<Keyring> for Keys {
    fn from(ring: Keyring) -> Self {
        Keys::fixed(ring)
    }
}

/// A seal or open that failed, named: which table, which row, which key.
fn sealing_error(table: &str, key: &dyn fmt::Display, e: &SealError) -> StoreError {
    StoreError::Corrupt(format!("{table} row {key}: sealed value: {e}"))
}

impl Keys {
    /// Keys that never change (tests, benchmarks, read-only commands).
    pub fn fixed(ring: Keyring) -> Keys {
        Keys {
            ring: RwLock::new(Arc::new(ring)),
            source: None,
        }
    }

    /// One fresh key, for tests and benchmarks whose databases live no
    /// longer than the process.
    pub fn ephemeral(entropy: Arc<dyn Entropy>) -> StoreResult<Keys> {
        Keyring::ephemeral(entropy)
            .map(Keys::fixed)
            .map_err(|e| StoreError::Corrupt(format!("ephemeral keyring: {e}")))
    }

    /// Keys read from `source`, read again when it changes.
    pub fn reloading(ring: Keyring, source: Box<dyn KeySource>) -> Keys {
        Keys {
            ring: RwLock::new(Arc::new(ring)),
            source: Some(source),
        }
    }

    /// The keyring now.
    pub fn ring(&self) -> Arc<Keyring> {
        match self.ring.read() {
            Ok(ring) => ring.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace(&self, ring: Keyring) -> Arc<Keyring> {
        let ring = Arc::new(ring);
        match self.ring.write() {
            Ok(mut slot) => *slot = ring.clone(),
            Err(poisoned) => *poisoned.into_inner() = ring.clone(),
        }
        tracing::info!(current = ring.current_id(), keys = ?ring.key_ids(), "read the key file again");
        ring
    }

    /// The keyring to seal with: the source's newest, if it changed.
    fn for_sealing(&self) -> Arc<Keyring> {
        if let Some(source) = &self.source {
            match source.reload_if_changed() {
                Ok(Some(ring)) => return self.replace(ring),
                Ok(None) => {}
                Err(e) => tracing::warn!("cannot read the key file again: {e}"),
            }
        }
        self.ring()
    }

    /// Opens with the keyring; on a key it does not know, reads the source
    /// once more and tries again.
    fn opening<T>(&self, open: impl Fn(&Keyring) -> Result<T, SealError>) -> Result<T, SealError> {
        let ring = self.ring();
        match open(&ring) {
            Err(SealError::UnknownKey(id)) => {
                let Some(source) = &self.source else {
                    return Err(SealError::UnknownKey(id));
                };
                match source.reload() {
                    Ok(ring) => open(&self.replace(ring)),
                    Err(e) => {
                        tracing::warn!("cannot read the key file again: {e}");
                        Err(SealError::UnknownKey(id))
                    }
                }
            }
            other => other,
        }
    }

    /// Seals `plain` for `purpose` (the column, e.g. `accounts.totp_secret`).
    /// The empty text stays empty (a blanked value).
    pub fn seal_str(
        &self,
        purpose: &str,
        table: &str,
        key: &dyn fmt::Display,
        plain: &str,
    ) -> StoreResult<String> {
        if plain.is_empty() {
            return Ok(String::new());
        }
        self.for_sealing()
            .seal_str(purpose, plain)
            .map_err(|e| sealing_error(table, key, &e))
    }

    pub fn seal_opt(
        &self,
        purpose: &str,
        table: &str,
        key: &dyn fmt::Display,
        plain: Option<&str>,
    ) -> StoreResult<Option<String>> {
        plain
            .map(|p| self.seal_str(purpose, table, key, p))
            .transpose()
    }

    /// Opens what [`Keys::seal_str`] sealed; a wrong or missing key, or a
    /// value in clear, is `Corrupt` naming the table and row.
    pub fn open_str(
        &self,
        purpose: &str,
        table: &str,
        key: &dyn fmt::Display,
        sealed: &str,
    ) -> StoreResult<String> {
        if sealed.is_empty() {
            return Ok(String::new());
        }
        self.opening(|ring| ring.open_str(purpose, sealed))
            .map_err(|e| sealing_error(table, key, &e))
    }

    pub fn open_opt(
        &self,
        purpose: &str,
        table: &str,
        key: &dyn fmt::Display,
        sealed: Option<String>,
    ) -> StoreResult<Option<String>> {
        sealed
            .map(|s| self.open_str(purpose, table, key, &s))
            .transpose()
    }

    /// A keyed blind index of `value` for the column `purpose`: what SQL
    /// looks a sealed value up by (an account by its e-mail). HMAC-SHA256
    /// under a key derived from the key file's oldest key, which a rotation
    /// keeps, so an index never changes; without the key file it reveals
    /// nothing, not even which rows of two tables hold the same value.
    pub fn blind_index(&self, purpose: &str, value: &str) -> StoreResult<String> {
        let ring = self.ring();
        let oldest = ring
            .keys()
            .first()
            .ok_or_else(|| StoreError::Corrupt("the keyring holds no key".into()))?;
        let bad = |_| StoreError::Corrupt("blind index key".into());
        let mut derive = HmacSha256::new_from_slice(oldest.secret()).map_err(bad)?;
        derive.update(BLIND_INDEX_LABEL);
        let index_key = derive.finalize().into_bytes();
        let mut mac = HmacSha256::new_from_slice(&index_key).map_err(bad)?;
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        Ok(hex::encode(mac.finalize().into_bytes()))
    }

    /// Seals bytes for a BLOB/BYTEA column.
    pub fn seal_bytes(
        &self,
        purpose: &str,
        table: &str,
        key: &dyn fmt::Display,
        plain: &[u8],
    ) -> StoreResult<Vec<u8>> {
        self.for_sealing()
            .seal_bytes(purpose, plain)
            .map_err(|e| sealing_error(table, key, &e))
    }

    pub fn open_bytes(
        &self,
        purpose: &str,
        table: &str,
        key: &dyn fmt::Display,
        sealed: &[u8],
    ) -> StoreResult<Vec<u8>> {
        self.opening(|ring| ring.open_bytes(purpose, sealed))
            .map_err(|e| sealing_error(table, key, &e))
    }
}
