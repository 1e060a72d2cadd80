//! End-to-end encrypted communications: the content is encrypted in the
//! sender's browser to the recipients' OpenPGP keys and the sender's own,
//! so the server (and so the operator and the secretariat) only ever holds
//! ciphertext. These are the rules the server can still check without
//! reading anything: which labels take it, that every person who must read
//! it has a usable key, and that what arrived is an OpenPGP message
//! encrypted to each of them and nothing else.

use super::attachment::{
    Attachment, AttachmentDraft, AttachmentType, MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES,
};
use super::tlp::TlpLabel;
use crate::directory::openpgp::{encryption_subkeys, OpenPgpKey, OpenPgpKeyError};
use pgp::armor::{BlockType, Dearmor};
use pgp::composed::{Deserializable, SignedPublicKey};
use pgp::packet::{Packet, PacketParser, PublicKeyEncryptedSessionKey};
use std::io::Read;
use time::OffsetDateTime;

/// The largest armored message taken: the template's longest text, its
/// fields, base64 and the OpenPGP framing, with room to spare.
pub const MAX_CIPHERTEXT_LEN: usize = 256 * 1024;

/// The most accounts one request for keys names: more than any message
/// is sent to by name.
pub const MAX_KEYS_ASKED: usize = 200;

/// What encrypting a file adds to it: a session key per reader and the
/// framing. Room for dozens of readers on top of the file's own limit.
pub const SEALING_ALLOWANCE: usize = 64 * 1024;
/// The largest sealed file taken: a file at the usual limit, encrypted.
pub const MAX_SEALED_FILE_BYTES: usize = MAX_FILE_BYTES + SEALING_ALLOWANCE;
/// All sealed files of one message together.
pub const MAX_SEALED_TOTAL_BYTES: usize = MAX_TOTAL_BYTES + MAX_FILES * SEALING_ALLOWANCE;

/// Whether a communication under `label` may be sent end to end: the two
/// labels whose content never leaves its named readers (RED) or their own
/// organisation (AMBER+STRICT). Anything wider would need a key per reader
/// the sender cannot name.
pub fn may_be_end_to_end(label: TlpLabel) -> bool {
    matches!(label, TlpLabel::Red | TlpLabel::AmberStrict)
}

/// Why one person cannot be sent an end-to-end message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    /// No OpenPGP key on the person's PoC entry.
    NoKey,
    /// The key on file no longer serves (expired, revoked, ...).
    Unusable(OpenPgpKeyError),
}

impl KeyProblem {
    /// Fluent id of the reason, shown beside the person's name.
    pub fn message_id(self) -> &'static str {
        match self {
            KeyProblem::NoKey => "comm-e2e-key-none",
            KeyProblem::Unusable(OpenPgpKeyError::Expired) => "comm-e2e-key-expired",
            KeyProblem::Unusable(OpenPgpKeyError::Revoked) => "comm-e2e-key-revoked",
            KeyProblem::Unusable(_) => "comm-e2e-key-unusable",
        }
    }
}

/// Why an end-to-end message was refused; each names what failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum E2eProblem {
    #[error("only TLP:RED and TLP:AMBER+STRICT are sent end to end")]
    Label,
    #[error("content in clear was sent with the ciphertext")]
    PlaintextAlongside,
    /// More files, or more bytes, than a message takes.
    #[error("too many files, or too large, for one message")]
    FilesTooLarge,
    /// The file at `position` (from 1) is not an OpenPGP message encrypted
    /// to every reader; `missing` names those it does not reach (empty
    /// when it is no encrypted message at all).
    #[error("file {position} is not encrypted to every reader")]
    FileNotSealed {
        position: usize,
        missing: Vec<String>,
    },
    /// Its ciphertext opens only with the keys it was made for.
    #[error("an end-to-end message cannot be forwarded")]
    Forward,
    #[error("no ciphertext")]
    Missing,
    #[error("not an ASCII-armored OpenPGP message")]
    NotAMessage,
    #[error("the message is larger than {MAX_CIPHERTEXT_LEN} bytes")]
    TooLarge,
    #[error("the message holds something besides encrypted data")]
    NotEncrypted,
    /// Named people (display name, reason) without a usable key.
    #[error("some people have no usable OpenPGP key")]
    Keys(Vec<(String, KeyProblem)>),
    /// Named people the ciphertext was not encrypted to.
    #[error("the message is not encrypted to every reader")]
    NotEncryptedTo(Vec<String>),
}

impl E2eProblem {
    /// The people the problem names (`$names` of its message).
    pub fn names(&self) -> Vec<&str> {
        match self {
            E2eProblem::Keys(people) => people.iter().map(|(n, _)| n.as_str()).collect(),
            E2eProblem::NotEncryptedTo(names)
            | E2eProblem::FileNotSealed { missing: names, .. } => {
                names.iter().map(String::as_str).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The file the problem is about (`$n` of its message), from 1.
    pub fn file_position(&self) -> Option<usize> {
        match self {
            E2eProblem::FileNotSealed { position, .. } => Some(*position),
            _ => None,
        }
    }

    /// Fluent id of the message; `Keys`, `NotEncryptedTo` and
    /// `FileNotSealed` take `$names`, `FileNotSealed` also `$n`.
    pub fn message_id(&self) -> &'static str {
        match self {
            E2eProblem::Label => "comm-e2e-error-label",
            E2eProblem::PlaintextAlongside => "comm-e2e-error-plaintext",
            E2eProblem::FilesTooLarge => "comm-e2e-error-files-too-large",
            E2eProblem::FileNotSealed { missing, .. } if missing.is_empty() => {
                "comm-e2e-error-file-not-sealed"
            }
            E2eProblem::FileNotSealed { .. } => "comm-e2e-error-file-not-encrypted-to",
            E2eProblem::Forward => "comm-e2e-error-forward",
            E2eProblem::Missing => "comm-e2e-error-missing",
            E2eProblem::NotAMessage => "comm-e2e-error-not-a-message",
            E2eProblem::TooLarge => "comm-e2e-error-too-large",
            E2eProblem::NotEncrypted => "comm-e2e-error-not-encrypted",
            E2eProblem::Keys(_) => "comm-e2e-error-keys",
            E2eProblem::NotEncryptedTo(_) => "comm-e2e-error-not-encrypted-to",
        }
    }
}

/// The key of `key` that a PKESK may name: the primary and its encryption
/// subkeys at `now`.
fn reached_by(
    pkesk: &PublicKeyEncryptedSessionKey,
    key: &SignedPublicKey,
    now: OffsetDateTime,
) -> bool {
    // An anonymous recipient (wildcard) proves nothing about who can read.
    let anonymous = match pkesk {
        PublicKeyEncryptedSessionKey::V3 { id, .. } => id.is_wildcard(),
        PublicKeyEncryptedSessionKey::V6 { fingerprint, .. } => fingerprint.is_none(),
        PublicKeyEncryptedSessionKey::Other { .. } => true,
    };
    if anonymous {
        return false;
    }
    pkesk.match_identity(&key.primary_key)
        || encryption_subkeys(key, now)
            .into_iter()
            .any(|sub| pkesk.match_identity(&sub.key))
}

/// Checks that `armored` is one OpenPGP message made only of session keys
/// and encrypted data (no literal data or anything else in clear), and
/// that each of `readers` (a name, the key on file) can open it.
pub fn check_ciphertext(
    armored: &str,
    readers: &[(String, OpenPgpKey)],
    now: OffsetDateTime,
) -> Result<(), E2eProblem> {
    let armored = armored.trim();
    if armored.is_empty() {
        return Err(E2eProblem::Missing);
    }
    if armored.len() > MAX_CIPHERTEXT_LEN {
        return Err(E2eProblem::TooLarge);
    }
    if !armored.starts_with("-----BEGIN PGP MESSAGE-----")
        || armored.matches("-----BEGIN PGP ").count() != 1
    {
        return Err(E2eProblem::NotAMessage);
    }
    let mut dearmor = Dearmor::new(armored.as_bytes());
    let mut bytes = Vec::new();
    dearmor
        .read_to_end(&mut bytes)
        .map_err(|_| E2eProblem::NotAMessage)?;
    if dearmor.typ != Some(BlockType::Message) {
        return Err(E2eProblem::NotAMessage);
    }
    let readers = parsed_keys(readers);
    let missing = not_reached(&bytes, &readers, now)?;
    if missing.is_empty() {
        Ok(())
    } else {
        Err(E2eProblem::NotEncryptedTo(missing))
    }
}

/// The files of an end-to-end message, each encrypted in the sender's
/// browser as a binary OpenPGP message (its real name and type are inside,
/// in the literal data). Each must be encrypted to every reader, as the
/// text is. The names they came with are dropped: the server cannot tell
/// a name from a leak, so they are stored as `file-1.pgp`, `file-2.pgp`...
pub fn check_sealed_files(
    drafts: Vec<AttachmentDraft>,
    readers: &[(String, OpenPgpKey)],
    now: OffsetDateTime,
) -> Result<Vec<Attachment>, E2eProblem> {
    if drafts.len() > MAX_FILES
        || drafts.iter().map(|d| d.bytes.len()).sum::<usize>() > MAX_SEALED_TOTAL_BYTES
        || drafts.iter().any(|d| d.bytes.len() > MAX_SEALED_FILE_BYTES)
    {
        return Err(E2eProblem::FilesTooLarge);
    }
    let readers = parsed_keys(readers);
    let mut files = Vec::with_capacity(drafts.len());
    for (i, draft) in drafts.into_iter().enumerate() {
        let position = i + 1;
        let missing =
            not_reached(&draft.bytes, &readers, now).map_err(|_| E2eProblem::FileNotSealed {
                position,
                missing: Vec::new(),
            })?;
        if !missing.is_empty() {
            return Err(E2eProblem::FileNotSealed { position, missing });
        }
        files.push(Attachment {
            name: format!("file-{position}.pgp"),
            file_type: AttachmentType::OpenPgp,
            bytes: draft.bytes,
        });
    }
    Ok(files)
}

/// Each reader's name with its key parsed (None: a key on file that no
/// longer parses, which reaches nobody).
fn parsed_keys(readers: &[(String, OpenPgpKey)]) -> Vec<(&str, Option<SignedPublicKey>)> {
    readers
        .iter()
        .map(|(name, key)| {
            let parsed = SignedPublicKey::from_string(&key.armored)
                .ok()
                .map(|(k, _)| k);
            (name.as_str(), parsed)
        })
        .collect()
}

/// Checks that the binary OpenPGP message `bytes` is made only of session
/// keys and one encrypted-data packet (no literal data or anything else in
/// clear), then names the readers none of its session keys reaches.
fn not_reached(
    bytes: &[u8],
    readers: &[(&str, Option<SignedPublicKey>)],
    now: OffsetDateTime,
) -> Result<Vec<String>, E2eProblem> {
    let mut sessions = Vec::new();
    let mut encrypted = 0usize;
    for packet in PacketParser::new(bytes) {
        match packet.map_err(|_| E2eProblem::NotAMessage)? {
            Packet::PublicKeyEncryptedSessionKey(p) => sessions.push(p),
            Packet::SymEncryptedProtectedData(_) | Packet::GnupgAeadData(_) => encrypted += 1,
            Packet::Padding(_) | Packet::Marker(_) => {}
            // Literal data, a signature, a passphrase-encrypted session key
            // (the operator could hold the passphrase), unprotected data...
            _ => return Err(E2eProblem::NotEncrypted),
        }
    }
    if encrypted != 1 {
        return Err(E2eProblem::NotEncrypted);
    }
    Ok(readers
        .iter()
        .filter(|(_, key)| {
            !key.as_ref()
                .is_some_and(|k| sessions.iter().any(|s| reached_by(s, k, now)))
        })
        .map(|(name, _)| name.to_string())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::openpgp::encrypt_to;
    use crate::directory::openpgp::tests::fixture_pair;
    use crate::entropy::OsEntropy;

    fn now() -> OffsetDateTime {
        crate::directory::openpgp::tests::NOW
    }

    fn to_both(a: &OpenPgpKey, b: &OpenPgpKey) -> String {
        // `encrypt_to` takes one key; the browser encrypts to several.
        use pgp::composed::{ArmorOptions, MessageBuilder};
        use pgp::crypto::sym::SymmetricKeyAlgorithm;
        use rand_chacha::rand_core::SeedableRng;
        let mut rng = rand_chacha::ChaCha20Rng::from_seed([7; 32]);
        let mut builder = MessageBuilder::from_bytes("", b"secret words".to_vec())
            .seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
        for key in [a, b] {
            let (parsed, _) = SignedPublicKey::from_string(&key.armored).unwrap();
            let subs = encryption_subkeys(&parsed, now());
            builder.encrypt_to_key(&mut rng, &subs[0].key).unwrap();
        }
        builder
            .to_armored_string(&mut rng, ArmorOptions::default())
            .unwrap()
    }

    /// `plain` encrypted to each of `keys`, binary, as the browser seals
    /// a file.
    fn sealed(keys: &[&OpenPgpKey], plain: &[u8]) -> Vec<u8> {
        use pgp::composed::MessageBuilder;
        use pgp::crypto::sym::SymmetricKeyAlgorithm;
        use rand_chacha::rand_core::SeedableRng;
        let mut rng = rand_chacha::ChaCha20Rng::from_seed([8; 32]);
        let mut builder = MessageBuilder::from_bytes("report.pdf", plain.to_vec())
            .seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
        for key in keys {
            let (parsed, _) = SignedPublicKey::from_string(&key.armored).unwrap();
            let subs = encryption_subkeys(&parsed, now());
            builder.encrypt_to_key(&mut rng, &subs[0].key).unwrap();
        }
        builder.to_vec(&mut rng).unwrap()
    }

    fn file(name: &str, bytes: Vec<u8>) -> AttachmentDraft {
        AttachmentDraft {
            name: name.into(),
            bytes,
        }
    }

    #[test]
    fn sealed_files_to_every_reader_pass_under_names_that_tell_nothing() {
        let (_, alice) = fixture_pair(1);
        let (_, bob) = fixture_pair(2);
        let readers = vec![
            ("Alice".to_string(), alice.clone()),
            ("Bob".to_string(), bob.clone()),
        ];
        let one = sealed(&[&alice, &bob], b"%PDF-1.7 the incident report");
        let two = sealed(&[&bob, &alice], b"203.0.113.7");
        let files = check_sealed_files(
            vec![file("Secret plan.pdf", one.clone()), file("iocs.csv", two)],
            &readers,
            now(),
        )
        .unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["file-1.pgp", "file-2.pgp"]);
        assert!(files.iter().all(|f| f.file_type == AttachmentType::OpenPgp));
        assert_eq!(files[0].bytes, one);
        assert_eq!(check_sealed_files(Vec::new(), &readers, now()), Ok(vec![]));
    }

    #[test]
    fn a_file_in_clear_or_short_of_a_reader_is_refused_by_position() {
        let (_, alice) = fixture_pair(1);
        let (_, bob) = fixture_pair(2);
        let readers = vec![
            ("Alice".to_string(), alice.clone()),
            ("Bob".to_string(), bob.clone()),
        ];
        let good = sealed(&[&alice, &bob], b"fine");
        assert_eq!(
            check_sealed_files(
                vec![
                    file("a.pgp", good.clone()),
                    file("b.pgp", sealed(&[&alice], b"for Alice only")),
                ],
                &readers,
                now()
            ),
            Err(E2eProblem::FileNotSealed {
                position: 2,
                missing: vec!["Bob".into()]
            })
        );
        for clear in [
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            b"plain words".to_vec(),
            Vec::new(),
            // The same file armored: the browser sends binary.
            to_both(&alice, &bob).into_bytes(),
        ] {
            assert_eq!(
                check_sealed_files(
                    vec![file("a.pgp", good.clone()), file("b.pgp", clear.clone())],
                    &readers,
                    now()
                ),
                Err(E2eProblem::FileNotSealed {
                    position: 2,
                    missing: Vec::new()
                }),
                "{clear:?}"
            );
        }
        let six = vec![file("a.pgp", good.clone()); MAX_FILES + 1];
        assert_eq!(
            check_sealed_files(six, &readers, now()),
            Err(E2eProblem::FilesTooLarge)
        );
        let huge = file("a.pgp", vec![0xc1; MAX_SEALED_FILE_BYTES + 1]);
        assert_eq!(
            check_sealed_files(vec![huge], &readers, now()),
            Err(E2eProblem::FilesTooLarge)
        );
    }

    #[test]
    fn plain_files_are_never_taken_as_sealed_ones() {
        // The ordinary checks never type a file as OpenPGP: a sealed file
        // in a message in clear is refused, not served as bytes unseen.
        let (_, alice) = fixture_pair(1);
        let bytes = sealed(&[&alice], b"x");
        assert_eq!(AttachmentType::of_content(&bytes), None);
        assert!(super::super::attachment::check_attachments(vec![file("x.pgp", bytes)]).is_err());
    }

    #[test]
    fn only_red_and_amber_strict_go_end_to_end() {
        for label in TlpLabel::ALL {
            assert_eq!(
                may_be_end_to_end(label),
                matches!(label, TlpLabel::Red | TlpLabel::AmberStrict),
                "{label:?}"
            );
        }
    }

    #[test]
    fn a_message_to_every_reader_passes_and_a_missing_one_is_named() {
        let (_, alice) = fixture_pair(1);
        let (_, bob) = fixture_pair(2);
        let (_, carol) = fixture_pair(3);
        let both = to_both(&alice, &bob);
        let readers = vec![
            ("Alice".to_string(), alice.clone()),
            ("Bob".to_string(), bob),
        ];
        assert_eq!(check_ciphertext(&both, &readers, now()), Ok(()));
        let mut three = readers.clone();
        three.push(("Carol".to_string(), carol));
        assert_eq!(
            check_ciphertext(&both, &three, now()),
            Err(E2eProblem::NotEncryptedTo(vec!["Carol".into()]))
        );
        let one = encrypt_to(&alice, b"x", now(), &OsEntropy).unwrap();
        assert_eq!(
            check_ciphertext(&one, &readers, now()),
            Err(E2eProblem::NotEncryptedTo(vec!["Bob".into()]))
        );
    }

    #[test]
    fn what_is_not_an_encrypted_message_is_refused_by_name() {
        let (_, alice) = fixture_pair(1);
        let readers = vec![("Alice".to_string(), alice.clone())];
        assert_eq!(
            check_ciphertext("  ", &readers, now()),
            Err(E2eProblem::Missing)
        );
        assert_eq!(
            check_ciphertext("hello in clear", &readers, now()),
            Err(E2eProblem::NotAMessage)
        );
        assert_eq!(
            check_ciphertext(&alice.armored, &readers, now()),
            Err(E2eProblem::NotAMessage)
        );
        // A literal message armored as "PGP MESSAGE": plaintext in disguise.
        let literal = {
            use pgp::composed::{ArmorOptions, MessageBuilder};
            let mut rng = rand_chacha::ChaCha20Rng::from_seed([9; 32]);
            use rand_chacha::rand_core::SeedableRng;
            MessageBuilder::from_bytes("", b"in clear".to_vec())
                .to_armored_string(&mut rng, ArmorOptions::default())
                .unwrap()
        };
        assert_eq!(
            check_ciphertext(&literal, &readers, now()),
            Err(E2eProblem::NotEncrypted)
        );
        let huge = format!(
            "-----BEGIN PGP MESSAGE-----\n{}",
            "A".repeat(MAX_CIPHERTEXT_LEN)
        );
        assert_eq!(
            check_ciphertext(&huge, &readers, now()),
            Err(E2eProblem::TooLarge)
        );
    }

    #[test]
    fn a_tampered_armor_is_refused() {
        let (_, alice) = fixture_pair(1);
        let readers = vec![("Alice".to_string(), alice.clone())];
        let good = encrypt_to(&alice, b"secret", now(), &OsEntropy).unwrap();
        // Cut a line out of the base64: the armor's checksum or the packets break.
        let lines: Vec<&str> = good.lines().collect();
        let mut cut = lines.clone();
        cut.remove(3);
        let cut = cut.join("\n");
        assert!(check_ciphertext(&cut, &readers, now()).is_err(), "{cut}");
    }

    #[test]
    fn message_ids_are_distinct() {
        let all = [
            E2eProblem::Label,
            E2eProblem::PlaintextAlongside,
            E2eProblem::FilesTooLarge,
            E2eProblem::FileNotSealed {
                position: 1,
                missing: Vec::new(),
            },
            E2eProblem::FileNotSealed {
                position: 1,
                missing: vec!["A".into()],
            },
            E2eProblem::Forward,
            E2eProblem::Missing,
            E2eProblem::NotAMessage,
            E2eProblem::TooLarge,
            E2eProblem::NotEncrypted,
            E2eProblem::Keys(Vec::new()),
            E2eProblem::NotEncryptedTo(Vec::new()),
        ];
        let ids: std::collections::BTreeSet<&str> = all.iter().map(|p| p.message_id()).collect();
        assert_eq!(ids.len(), all.len());
        let keys: std::collections::BTreeSet<&str> = [
            KeyProblem::NoKey,
            KeyProblem::Unusable(OpenPgpKeyError::Expired),
            KeyProblem::Unusable(OpenPgpKeyError::Revoked),
            KeyProblem::Unusable(OpenPgpKeyError::BadSignature),
        ]
        .iter()
        .map(|k| k.message_id())
        .collect();
        assert_eq!(keys.len(), 4);
    }
}
