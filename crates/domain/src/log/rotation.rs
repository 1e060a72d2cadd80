//! A deliberate change of the log's signing key (`pocdir log rotate-key`).
//!
//! The change is itself a log entry (`log.key_rotate`) whose content names
//! the new key and, when the old key is still there, carries the old key's
//! signature over the new public key (the endorsement). Whoever trusts the
//! old key can then trust the new one, and the heads signed on each side of
//! the rotation verify with the key of their side: heads up to the entry's
//! index with the old key, heads that include the entry with the new one.

use super::action::LogAction;
use super::entry::{ContentError, LogActor, LogDraft};
use super::head::{decode_public_key, encode_public_key, key_id, HeadError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

pub const ROTATION_VERSION: &str = "pocdir-log-key-rotation-v1";

/// The exact bytes the old key signs: the new public key, versioned.
pub fn endorsed_message(new: &VerifyingKey) -> Vec<u8> {
    format!("{ROTATION_VERSION}\n{}\n", encode_public_key(new)).into_bytes()
}

/// A key change as the log entry's content says it and the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRotation {
    /// Base64 of the new Ed25519 public key.
    pub public_key: String,
    /// Hex SHA-256 of the new public key.
    pub key_id: String,
    /// Base64 of the key it replaces, when that key was there to sign.
    pub previous_public_key: Option<String>,
    /// Base64 signature by the previous key over [`endorsed_message`].
    pub endorsement: Option<String>,
}

/// A rotation with the index of its log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRotation {
    pub index: u64,
    pub rotation: KeyRotation,
}

impl KeyRotation {
    /// The change to `new`, endorsed by `previous` when it is there (a lost
    /// key cannot sign: the rotation then only names the new key).
    pub fn new(new: &VerifyingKey, previous: Option<&SigningKey>) -> Self {
        KeyRotation {
            public_key: encode_public_key(new),
            key_id: key_id(new),
            previous_public_key: previous.map(|k| encode_public_key(&k.verifying_key())),
            endorsement: previous
                .map(|k| STANDARD.encode(k.sign(&endorsed_message(new)).to_bytes())),
        }
    }

    /// The new key; its id must be the one named.
    pub fn new_key(&self) -> Result<VerifyingKey, HeadError> {
        let key = decode_public_key(&self.public_key)?;
        if key_id(&key) != self.key_id {
            return Err(HeadError::BadKey);
        }
        Ok(key)
    }

    /// The previous key, if the rotation names one.
    pub fn previous_key(&self) -> Result<Option<VerifyingKey>, HeadError> {
        self.previous_public_key
            .as_deref()
            .map(decode_public_key)
            .transpose()
    }

    /// The previous key when it signed the new one; `Ok(None)` when the
    /// rotation carries no endorsement; an error when it carries one that
    /// does not verify.
    pub fn endorser(&self) -> Result<Option<VerifyingKey>, HeadError> {
        let (Some(previous), Some(endorsement)) = (self.previous_key()?, &self.endorsement) else {
            return if self.previous_public_key.is_some() || self.endorsement.is_some() {
                Err(HeadError::BadSignatureEncoding)
            } else {
                Ok(None)
            };
        };
        let new = self.new_key()?;
        let sig = STANDARD
            .decode(endorsement)
            .map_err(|_| HeadError::BadSignatureEncoding)?;
        let sig = Signature::from_slice(&sig).map_err(|_| HeadError::BadSignatureEncoding)?;
        previous
            .verify(&endorsed_message(&new), &sig)
            .map_err(|_| HeadError::BadSignature)?;
        Ok(Some(previous))
    }

    /// The log entry that records the change; its content is this value.
    pub fn draft(&self, at: OffsetDateTime, actor: LogActor) -> Result<LogDraft, ContentError> {
        LogDraft::new(
            at,
            actor,
            LogAction::LogKeyRotate,
            format!("log_key:{}", self.key_id),
        )
        .try_with_content(self)
    }

    /// The content hash its entry must carry.
    pub fn content_hash(&self) -> Result<String, ContentError> {
        Ok(LogDraft::new(
            OffsetDateTime::UNIX_EPOCH,
            LogActor::system(),
            LogAction::LogKeyRotate,
            String::new(),
        )
        .try_with_content(self)?
        .content_hash)
    }
}

/// The keys a head may be signed with, per span of the log between
/// rotations: span `i` holds the heads whose tree includes exactly the
/// first `i` rotation entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySpans {
    /// Indexes of the rotation entries, ascending.
    bounds: Vec<u64>,
    /// The keys of each span (`bounds.len() + 1` spans).
    keys: Vec<Vec<VerifyingKey>>,
}

/// What the heads are trusted against.
#[derive(Debug, Clone, Copy)]
pub enum Trust<'a> {
    /// One key known out of band: the keys before and after it are trusted
    /// only through endorsements that link them to it.
    Pinned(&'a VerifyingKey),
    /// The keys the database records (its word only).
    Recorded(&'a [VerifyingKey]),
}

/// Why the recorded rotations cannot be followed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the key rotation at entry {index} is not valid: {reason}")]
pub struct BadRotation {
    pub index: u64,
    pub reason: HeadError,
}

impl KeySpans {
    /// The spans of keys for `rotations` (sorted by index) under `trust`.
    /// An endorsement that does not verify is refused whatever the trust.
    pub fn new(rotations: &[RecordedRotation], trust: Trust<'_>) -> Result<Self, BadRotation> {
        let mut news = Vec::with_capacity(rotations.len());
        let mut endorsers = Vec::with_capacity(rotations.len());
        for r in rotations {
            let bad = |reason| BadRotation {
                index: r.index,
                reason,
            };
            news.push(r.rotation.new_key().map_err(bad)?);
            endorsers.push(r.rotation.endorser().map_err(bad)?);
        }
        let bounds: Vec<u64> = rotations.iter().map(|r| r.index).collect();
        let keys = match trust {
            Trust::Recorded(recorded) => {
                // Span 0: the recorded keys no rotation brought in (the
                // first key, and keys of versions before rotations).
                let first: Vec<VerifyingKey> = recorded
                    .iter()
                    .filter(|k| !news.contains(k))
                    .copied()
                    .collect();
                std::iter::once(first)
                    .chain(news.iter().map(|k| vec![*k]))
                    .collect()
            }
            Trust::Pinned(pinned) => {
                let n = news.len();
                let mut keys: Vec<Vec<VerifyingKey>> = vec![Vec::new(); n + 1];
                // The span of the pinned key: the last rotation to it, else the first.
                let at = news.iter().rposition(|k| k == pinned).map_or(0, |i| i + 1);
                let mut current = Some(*pinned);
                if let Some(slot) = keys.get_mut(at) {
                    slot.push(*pinned);
                }
                // Forward: each new key endorsed by the key before it.
                for i in at..n {
                    current = match (current, endorsers.get(i).copied().flatten()) {
                        (Some(c), Some(e)) if c == e => news.get(i).copied(),
                        _ => None,
                    };
                    if let (Some(k), Some(slot)) = (current, keys.get_mut(i + 1)) {
                        slot.push(k);
                    }
                }
                // Backward: the key that endorsed a trusted key.
                let mut current = Some(*pinned);
                for i in (0..at).rev() {
                    current = match (current, endorsers.get(i).copied().flatten()) {
                        (Some(c), Some(e)) if news.get(i) == Some(&c) => Some(e),
                        _ => None,
                    };
                    if let (Some(k), Some(slot)) = (current, keys.get_mut(i)) {
                        slot.push(k);
                    }
                }
                keys
            }
        };
        Ok(KeySpans { bounds, keys })
    }

    /// No rotation: every head verifies with any of `keys`.
    pub fn fixed(keys: &[VerifyingKey]) -> Self {
        KeySpans {
            bounds: Vec::new(),
            keys: vec![keys.to_vec()],
        }
    }

    /// The keys that may sign a head for `tree_size` entries.
    pub fn for_size(&self, tree_size: u64) -> &[VerifyingKey] {
        let span = self.bounds.iter().filter(|&&b| b < tree_size).count();
        self.keys.get(span).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    fn at(index: u64, rotation: KeyRotation) -> RecordedRotation {
        RecordedRotation { index, rotation }
    }

    #[test]
    fn an_endorsed_rotation_names_its_endorser_and_a_forged_one_fails() {
        let r = KeyRotation::new(&key(2).verifying_key(), Some(&key(1)));
        assert_eq!(r.endorser(), Ok(Some(key(1).verifying_key())));
        assert_eq!(r.new_key(), Ok(key(2).verifying_key()));
        let lost = KeyRotation::new(&key(2).verifying_key(), None);
        assert_eq!(lost.endorser(), Ok(None));
        // The endorsement over another key does not carry over.
        let mut moved = r.clone();
        moved.public_key = encode_public_key(&key(3).verifying_key());
        moved.key_id = key_id(&key(3).verifying_key());
        assert_eq!(moved.endorser(), Err(HeadError::BadSignature));
        // A key id that is not the key's.
        let mut renamed = r.clone();
        renamed.key_id = "00".into();
        assert_eq!(renamed.new_key(), Err(HeadError::BadKey));
        // The content hash follows the content.
        assert_ne!(r.content_hash().unwrap(), lost.content_hash().unwrap());
        let d = r
            .draft(OffsetDateTime::UNIX_EPOCH, LogActor::console())
            .unwrap();
        assert_eq!(d.content_hash, r.content_hash().unwrap());
        assert_eq!(d.action, "log.key_rotate");
    }

    #[test]
    fn spans_follow_the_chain_from_a_pinned_key_both_ways() {
        let (k1, k2, k3) = (key(1), key(2), key(3));
        let rotations = vec![
            at(5, KeyRotation::new(&k2.verifying_key(), Some(&k1))),
            at(9, KeyRotation::new(&k3.verifying_key(), Some(&k2))),
        ];
        let want = |spans: &KeySpans, size: u64, k: &SigningKey| {
            assert_eq!(spans.for_size(size), &[k.verifying_key()], "size {size}");
        };
        for pinned in [&k1, &k2, &k3] {
            let spans = KeySpans::new(&rotations, Trust::Pinned(&pinned.verifying_key())).unwrap();
            want(&spans, 5, &k1);
            want(&spans, 6, &k2);
            want(&spans, 9, &k2);
            want(&spans, 10, &k3);
        }
        // A key outside the chain trusts only itself, before any rotation.
        let other = key(4).verifying_key();
        let spans = KeySpans::new(&rotations, Trust::Pinned(&other)).unwrap();
        assert_eq!(spans.for_size(3), &[other]);
        assert!(spans.for_size(7).is_empty());
        // A rotation nobody endorsed (the key was lost) breaks the chain.
        let lost = vec![at(5, KeyRotation::new(&k2.verifying_key(), None))];
        let spans = KeySpans::new(&lost, Trust::Pinned(&k1.verifying_key())).unwrap();
        assert!(spans.for_size(6).is_empty());
        let spans = KeySpans::new(&lost, Trust::Pinned(&k2.verifying_key())).unwrap();
        assert!(spans.for_size(5).is_empty());
        want(&spans, 6, &k2);
        // The database's word: the recorded first key, then each new key.
        let recorded = [k1.verifying_key(), k2.verifying_key()];
        let spans = KeySpans::new(&lost, Trust::Recorded(&recorded)).unwrap();
        want(&spans, 5, &k1);
        want(&spans, 6, &k2);
        // A forged endorsement is refused outright.
        let mut forged = rotations.clone();
        if let Some(r) = forged.get_mut(1) {
            r.rotation.endorsement = rotations[0].rotation.endorsement.clone();
        }
        assert_eq!(
            KeySpans::new(&forged, Trust::Recorded(&recorded)).map_err(|e| e.index),
            Err(9)
        );
    }
}
