//! Offline verification of a whole log: every leaf recomputed from its
//! entry, indexes without gaps, and every signed tree head checked against
//! the recomputed tree. Fed entry by entry, so a log of millions of entries
//! streams through it.

use super::entry::LogEntry;
use super::head::{key_id, HeadError, SignedTreeHead};
use super::merkle::{Hash, MerkleTree};
use super::rotation::{KeySpans, RecordedRotation};
use ed25519_dalek::VerifyingKey;
use std::collections::BTreeMap;

/// The action of a key rotation entry (`LogAction::LogKeyRotate`).
const KEY_ROTATE: &str = super::action::LogAction::LogKeyRotate.as_str();

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Tamper {
    #[error("entry {expected} is missing: the next stored entry is number {found} (a row was removed or inserted)")]
    Gap { expected: u64, found: u64 },
    #[error("entry {index} does not match its leaf hash (the row was edited)")]
    EditedEntry { index: u64 },
    #[error("the signed head at size {size} does not verify with the log's key: {reason}")]
    BadSignature { size: u64, reason: HeadError },
    #[error("the signed head at size {size} is for more entries than the log has ({log_size}): entries were removed from the end")]
    Truncated { size: u64, log_size: u64 },
    #[error("entries below {size} changed since the head at size {size} was signed (first entry in the changed range: {first_bad})")]
    RootMismatch { size: u64, first_bad: u64 },
    #[error("the log key rotation at entry {index} does not match its record: {reason}")]
    BadRotation { index: u64, reason: String },
}

impl Tamper {
    /// The first entry index known to be bad, when one can be named.
    pub fn first_bad_index(&self) -> Option<u64> {
        match self {
            Tamper::Gap { expected, .. } => Some(*expected),
            Tamper::EditedEntry { index } => Some(*index),
            Tamper::RootMismatch { first_bad, .. } => Some(*first_bad),
            Tamper::Truncated { log_size, .. } => Some(*log_size),
            Tamper::BadRotation { index, .. } => Some(*index),
            Tamper::BadSignature { .. } => None,
        }
    }
}

/// What a successful verification checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub entries: u64,
    pub heads: u64,
    pub root: Hash,
}

#[derive(Debug, Default)]
pub struct Verifier {
    tree: MerkleTree,
    /// The recorded key rotations: entry index → the content hash its entry must carry.
    rotations: BTreeMap<u64, String>,
}

impl Verifier {
    pub fn new() -> Self {
        Verifier::default()
    }

    /// A verifier that also checks the recorded key rotations: each must be
    /// the content of a `log.key_rotate` entry at its index, and every such
    /// entry must have its record.
    pub fn with_rotations(rotations: &[RecordedRotation]) -> Result<Self, Tamper> {
        let mut expected = BTreeMap::new();
        for r in rotations {
            let hash = r.rotation.content_hash().map_err(|e| Tamper::BadRotation {
                index: r.index,
                reason: e.to_string(),
            })?;
            expected.insert(r.index, hash);
        }
        Ok(Verifier {
            tree: MerkleTree::new(),
            rotations: expected,
        })
    }

    pub fn size(&self) -> u64 {
        self.tree.size()
    }

    /// Checks the next entry: it must carry the next index, and its stored
    /// leaf hash must be the one recomputed from its fields.
    pub fn push(&mut self, entry: &LogEntry, stored_leaf: &Hash) -> Result<(), Tamper> {
        let expected = self.tree.size();
        if entry.index != expected {
            return Err(Tamper::Gap {
                expected,
                found: entry.index,
            });
        }
        let leaf = entry.leaf_hash();
        if &leaf != stored_leaf {
            return Err(Tamper::EditedEntry { index: entry.index });
        }
        let rotation = self.rotations.get(&entry.index);
        if entry.action == KEY_ROTATE || rotation.is_some() {
            let reason = match rotation {
                _ if entry.action != KEY_ROTATE => Some("a rotation is recorded for another entry"),
                None => Some("the entry has no recorded rotation"),
                Some(hash) if *hash != entry.content_hash => {
                    Some("the recorded key is not the one the entry names")
                }
                Some(_) => None,
            };
            if let Some(reason) = reason {
                return Err(Tamper::BadRotation {
                    index: entry.index,
                    reason: reason.to_string(),
                });
            }
        }
        self.tree.push_leaf_hash(leaf);
        Ok(())
    }

    /// Checks every signed head (smallest first) against the recomputed tree.
    /// When a root differs, the previous good head bounds where the change is.
    pub fn finish(
        self,
        heads: &[SignedTreeHead],
        key: &VerifyingKey,
    ) -> Result<VerifyReport, Tamper> {
        self.finish_with_keys(heads, std::slice::from_ref(key))
    }

    /// As [`Verifier::finish`], where a head may be signed by any of `keys`
    /// (the log's keys over time). A head verifies with the key it names by
    /// its key id; the id is not signed, so a head naming no key of `keys`
    /// still verifies if one of them signed it. A head that none of `keys`
    /// signed (none at all when `keys` is empty) is tampering.
    pub fn finish_with_keys(
        self,
        heads: &[SignedTreeHead],
        keys: &[VerifyingKey],
    ) -> Result<VerifyReport, Tamper> {
        self.finish_with_spans(heads, &KeySpans::fixed(keys))
    }

    /// As [`Verifier::finish_with_keys`], where each head must be signed by
    /// a key of its span (the keys in force between two rotations).
    pub fn finish_with_spans(
        self,
        heads: &[SignedTreeHead],
        spans: &KeySpans,
    ) -> Result<VerifyReport, Tamper> {
        if let Some((&index, _)) = self.rotations.range(self.tree.size()..).next() {
            return Err(Tamper::BadRotation {
                index,
                reason: "the log has no entry there".to_string(),
            });
        }
        let mut last_good = 0;
        for head in heads {
            let keys = spans.for_size(head.tree_size);
            let root = verify_head(head, keys).map_err(|reason| Tamper::BadSignature {
                size: head.tree_size,
                reason,
            })?;
            if head.tree_size > self.tree.size() {
                return Err(Tamper::Truncated {
                    size: head.tree_size,
                    log_size: self.tree.size(),
                });
            }
            let recomputed = self
                .tree
                .root_at(head.tree_size)
                .map_err(|_| Tamper::Truncated {
                    size: head.tree_size,
                    log_size: self.tree.size(),
                })?;
            if recomputed != root {
                return Err(Tamper::RootMismatch {
                    size: head.tree_size,
                    first_bad: last_good,
                });
            }
            last_good = head.tree_size;
        }
        Ok(VerifyReport {
            entries: self.tree.size(),
            heads: heads.len() as u64,
            root: self.tree.root(),
        })
    }
}

/// The head's root, if one of `keys` signed it (the one it names first).
fn verify_head(head: &SignedTreeHead, keys: &[VerifyingKey]) -> Result<Hash, HeadError> {
    let named = keys.iter().find(|k| key_id(k) == head.key_id);
    let mut error = HeadError::BadSignature;
    for key in named.into_iter().chain(keys.iter()) {
        match head.verify(key) {
            Ok(root) => return Ok(root),
            // A malformed head fails alike with every key: say why.
            Err(e @ (HeadError::BadRoot | HeadError::BadSignatureEncoding)) => return Err(e),
            Err(e) => error = e,
        }
    }
    Err(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::entry::{LogActor, LogDraft};
    use crate::log::head::sign_head;
    use ed25519_dalek::SigningKey;

    fn entries(n: u64) -> Vec<LogEntry> {
        (0..n)
            .map(|i| {
                LogDraft::new(
                    time::macros::datetime!(2026-03-06 10:00 UTC),
                    LogActor::console(),
                    crate::log::action::LogAction::AccountCreate,
                    format!("account:{i}"),
                )
                .at_index(i)
            })
            .collect()
    }

    fn heads(entries: &[LogEntry], key: &SigningKey, sizes: &[u64]) -> Vec<SignedTreeHead> {
        let mut t = MerkleTree::new();
        for e in entries {
            t.push_leaf_hash(e.leaf_hash());
        }
        sizes
            .iter()
            .map(|s| sign_head(key, *s, &t.root_at(*s).unwrap(), 1_700_000_000))
            .collect()
    }

    fn run(
        entries: &[(LogEntry, Hash)],
        heads: &[SignedTreeHead],
        key: &SigningKey,
    ) -> Result<VerifyReport, Tamper> {
        let mut v = Verifier::new();
        for (e, h) in entries {
            v.push(e, h)?;
        }
        v.finish(heads, &key.verifying_key())
    }

    fn stored(entries: &[LogEntry]) -> Vec<(LogEntry, Hash)> {
        entries.iter().map(|e| (e.clone(), e.leaf_hash())).collect()
    }

    #[test]
    fn an_intact_log_verifies() {
        let key = SigningKey::from_bytes(&[1; 32]);
        let e = entries(20);
        let h = heads(&e, &key, &[1, 5, 20]);
        let report = run(&stored(&e), &h, &key).unwrap();
        assert_eq!(report.entries, 20);
        assert_eq!(report.heads, 3);
    }

    #[test]
    fn each_kind_of_tampering_is_caught_and_placed() {
        let key = SigningKey::from_bytes(&[1; 32]);
        let e = entries(20);
        let h = heads(&e, &key, &[4, 8, 20]);

        // An edited row (leaf hash not updated).
        let mut s = stored(&e);
        s[7].0.action = "account.delete".into();
        assert_eq!(run(&s, &h, &key), Err(Tamper::EditedEntry { index: 7 }));

        // An edited row whose leaf hash was recomputed too: the signed heads catch it.
        let mut s = stored(&e);
        s[7].0.object = "account:99".into();
        s[7].1 = s[7].0.leaf_hash();
        assert_eq!(
            run(&s, &h, &key),
            Err(Tamper::RootMismatch {
                size: 8,
                first_bad: 4
            })
        );

        // A removed row.
        let mut s = stored(&e);
        s.remove(3);
        assert_eq!(run(&s, &h, &key).unwrap_err().first_bad_index(), Some(3));

        // Two rows swapped.
        let mut s = stored(&e);
        s.swap(10, 11);
        assert_eq!(run(&s, &h, &key).unwrap_err().first_bad_index(), Some(10));

        // Swapped and renumbered, leaf hashes recomputed.
        let mut s = stored(&e);
        s.swap(10, 11);
        s[10].0.index = 10;
        s[11].0.index = 11;
        s[10].1 = s[10].0.leaf_hash();
        s[11].1 = s[11].0.leaf_hash();
        assert_eq!(
            run(&s, &h, &key),
            Err(Tamper::RootMismatch {
                size: 20,
                first_bad: 8
            })
        );

        // Truncated, then regrown with other entries.
        let mut s = stored(&e);
        s.truncate(6);
        assert_eq!(
            run(&s, &h, &key),
            Err(Tamper::Truncated {
                size: 8,
                log_size: 6
            })
        );
        let mut other = entries(20);
        for x in other.iter_mut().skip(6) {
            x.action = "rewritten".into();
        }
        assert_eq!(
            run(&stored(&other), &h, &key),
            Err(Tamper::RootMismatch {
                size: 8,
                first_bad: 4
            })
        );

        // A head forged with another key.
        let forger = SigningKey::from_bytes(&[2; 32]);
        let mut forged = h.clone();
        forged[1] = heads(&e, &forger, &[8])[0].clone();
        assert!(matches!(
            run(&stored(&e), &forged, &key),
            Err(Tamper::BadSignature { size: 8, .. })
        ));
    }

    #[test]
    fn heads_follow_a_rotation_and_the_rotation_is_bound_to_its_entry() {
        use crate::log::rotation::{KeyRotation, KeySpans, RecordedRotation, Trust};
        let old = SigningKey::from_bytes(&[1; 32]);
        let new = SigningKey::from_bytes(&[3; 32]);
        let rotation = KeyRotation::new(&new.verifying_key(), Some(&old));
        // Entry 4 is the rotation; heads at 4 (old key) and 8 (new key).
        let mut e = entries(8);
        e[4] = rotation
            .draft(
                time::macros::datetime!(2026-03-06 10:00 UTC),
                LogActor::console(),
            )
            .unwrap()
            .at_index(4);
        let mut h = heads(&e, &old, &[4]);
        h.extend(heads(&e, &new, &[8]));
        let recorded = [RecordedRotation {
            index: 4,
            rotation: rotation.clone(),
        }];
        let check =
            |e: &[LogEntry], h: &[SignedTreeHead], r: &[RecordedRotation], pinned: &SigningKey| {
                let mut v = Verifier::with_rotations(r)?;
                for (x, leaf) in stored(e) {
                    v.push(&x, &leaf)?;
                }
                let spans = KeySpans::new(r, Trust::Pinned(&pinned.verifying_key())).unwrap();
                v.finish_with_spans(h, &spans)
            };
        assert_eq!(check(&e, &h, &recorded, &old).unwrap().heads, 2);
        assert_eq!(check(&e, &h, &recorded, &new).unwrap().heads, 2);
        // A head after the rotation signed by the old key is refused.
        let stale = heads(&e, &old, &[8]);
        assert!(matches!(
            check(&e, &stale, &recorded, &old),
            Err(Tamper::BadSignature { size: 8, .. })
        ));
        // A record that names another key than its entry.
        let mut other = recorded.clone();
        other[0].rotation = KeyRotation::new(
            &SigningKey::from_bytes(&[5; 32]).verifying_key(),
            Some(&old),
        );
        assert!(matches!(
            check(&e, &h, &other, &old),
            Err(Tamper::BadRotation { index: 4, .. })
        ));
        // A rotation entry without its record, a record without its entry.
        assert!(matches!(
            check(&e, &h, &[], &old),
            Err(Tamper::BadRotation { index: 4, .. })
        ));
        let mut moved = recorded.clone();
        moved[0].index = 20;
        assert!(matches!(
            check(&e, &[], &moved, &old),
            Err(Tamper::BadRotation { .. })
        ));
    }

    #[test]
    fn heads_verify_with_any_of_the_log_keys_and_no_other() {
        let old = SigningKey::from_bytes(&[1; 32]);
        let new = SigningKey::from_bytes(&[3; 32]);
        let e = entries(10);
        let mut h = heads(&e, &old, &[4]);
        h.extend(heads(&e, &new, &[10]));
        let both = [old.verifying_key(), new.verifying_key()];
        let check = |h: &[SignedTreeHead], keys: &[VerifyingKey]| {
            let mut v = Verifier::new();
            for (x, leaf) in stored(&e) {
                v.push(&x, &leaf)?;
            }
            v.finish_with_keys(h, keys)
        };
        assert_eq!(check(&h, &both).unwrap().heads, 2);
        // The key id is a hint, not signed: a wrong one does not matter.
        let mut renamed = h.clone();
        renamed[0].key_id = "00".into();
        assert!(check(&renamed, &both).is_ok());
        // Pinned to one key: a head by the other is tampering.
        assert!(matches!(
            check(&h, &[new.verifying_key()]),
            Err(Tamper::BadSignature { size: 4, .. })
        ));
        // No key at all: no head verifies.
        assert!(matches!(
            check(&h, &[]),
            Err(Tamper::BadSignature { size: 4, .. })
        ));
        // An intact log without heads needs no key.
        assert_eq!(check(&[], &[]).unwrap().entries, 10);
    }
}
