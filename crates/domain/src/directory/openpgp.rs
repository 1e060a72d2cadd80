//! The OpenPGP public key of a PoC: parsed, checked and summarised (its
//! fingerprint, algorithm and expiry), so that others can encrypt to it and
//! tell a stale key before they rely on it.
//!
//! A key is refused when it cannot serve: not a single transferable public
//! key, a secret key (never stored), self-signatures that do not verify,
//! revoked, expired, or without any component usable for encryption.
//! Signatures are checked here rather than with rPGP's `verify_bindings`,
//! which also demands that third-party certifications verify against the
//! key itself and so would refuse most keys exported with their web of trust.

use crate::entropy::{random_bytes, Entropy};
use pgp::armor::{BlockType, Dearmor};
use pgp::composed::{
    ArmorOptions, Deserializable, MessageBuilder, SignedPublicKey, SignedPublicSubKey,
};
use pgp::crypto::public_key::PublicKeyAlgorithm;
use pgp::crypto::sym::SymmetricKeyAlgorithm;
use pgp::packet::{PacketParser, PacketTrait, Signature, SignatureType, SubpacketData};
use pgp::ser::Serialize as _;
use pgp::types::{
    EcdhPublicParams, EcdsaPublicParams, EddsaLegacyPublicParams, KeyDetails, PublicParams, Tag,
    Timestamp,
};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use serde::{Deserialize, Serialize};
use std::io::Read;
use time::OffsetDateTime;

/// The largest armored key accepted. Real keys with a few user IDs and
/// subkeys are a few KiB; this bounds what one form field may store.
pub const MAX_ARMORED_LEN: usize = 64 * 1024;

/// A checked OpenPGP public key, as stored with a PoC's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OpenPgpKey {
    /// Of the primary key, upper-case hexadecimal without spaces.
    pub fingerprint: String,
    /// Of the primary key, for people: e.g. `Ed25519`, `RSA 3072`.
    pub algorithm: String,
    /// RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String)]
    pub created_at: OffsetDateTime,
    /// RFC 3339; absent when the key does not expire.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>)]
    pub expires_at: Option<OffsetDateTime>,
    /// The user IDs with a valid self-signature.
    #[serde(default)]
    pub user_ids: Vec<String>,
    /// The key as rPGP re-armored it: no comments or stray text around it.
    pub armored: String,
}

impl OpenPgpKey {
    /// The fingerprint in groups of four, as people compare them aloud.
    pub fn grouped_fingerprint(&self) -> String {
        let chars: Vec<char> = self.fingerprint.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the key expires within `days` of `now` (and has not yet).
    pub fn expires_within(&self, now: OffsetDateTime, days: i64) -> bool {
        self.expires_at
            .is_some_and(|e| e > now && e - now <= time::Duration::days(days))
    }
}

/// Why a pasted key was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenPgpKeyError {
    #[error("not an ASCII-armored OpenPGP public key")]
    NotAPublicKey,
    #[error("an OpenPGP secret key, which must never be shared")]
    SecretKey,
    #[error("more than one key")]
    MoreThanOneKey,
    #[error("larger than {MAX_ARMORED_LEN} bytes")]
    TooLarge,
    #[error("the key's self-signatures do not verify")]
    BadSignature,
    #[error("the key has expired")]
    Expired,
    #[error("the key has been revoked")]
    Revoked,
    #[error("no part of the key may be used for encryption")]
    NoEncryptionKey,
}

impl OpenPgpKeyError {
    /// The Fluent id of the message shown beside the field.
    pub fn message_id(self) -> &'static str {
        match self {
            OpenPgpKeyError::NotAPublicKey => "poc-error-openpgp-not-a-key",
            OpenPgpKeyError::SecretKey => "poc-error-openpgp-secret-key",
            OpenPgpKeyError::MoreThanOneKey => "poc-error-openpgp-several-keys",
            OpenPgpKeyError::TooLarge => "poc-error-openpgp-too-large",
            OpenPgpKeyError::BadSignature => "poc-error-openpgp-bad-signature",
            OpenPgpKeyError::Expired => "poc-error-openpgp-expired",
            OpenPgpKeyError::Revoked => "poc-error-openpgp-revoked",
            OpenPgpKeyError::NoEncryptionKey => "poc-error-openpgp-no-encryption",
        }
    }
}

const BEGIN: &str = "-----BEGIN PGP ";
const BEGIN_PUBLIC: &str = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
const BEGIN_PRIVATE: &str = "-----BEGIN PGP PRIVATE KEY BLOCK-----";

/// Parses and checks one ASCII-armored public key, as valid at `now`.
pub fn parse_public_key(armored: &str, now: OffsetDateTime) -> Result<OpenPgpKey, OpenPgpKeyError> {
    use OpenPgpKeyError as E;
    if armored.len() > MAX_ARMORED_LEN {
        return Err(E::TooLarge);
    }
    // Look at the armor lines first, so that a secret key pasted with a
    // public one is named as such rather than as "two keys".
    if armored.contains(BEGIN_PRIVATE) {
        return Err(E::SecretKey);
    }
    match (
        armored.matches(BEGIN_PUBLIC).count(),
        armored.matches(BEGIN).count(),
    ) {
        (0, _) => return Err(E::NotAPublicKey),
        (n, _) if n > 1 => return Err(E::MoreThanOneKey),
        (_, all) if all > 1 => return Err(E::NotAPublicKey),
        _ => {}
    }

    let mut dearmor = Dearmor::new(armored.trim().as_bytes());
    let mut bytes = Vec::new();
    dearmor
        .read_to_end(&mut bytes)
        .map_err(|_| E::NotAPublicKey)?;
    match dearmor.typ {
        Some(BlockType::PublicKey) => {}
        Some(BlockType::PrivateKey) => return Err(E::SecretKey),
        _ => return Err(E::NotAPublicKey),
    }

    // One public block may still hold several keys, or secret key packets.
    let mut primaries = 0usize;
    for packet in PacketParser::new(bytes.as_slice()) {
        match packet.map_err(|_| E::NotAPublicKey)?.tag() {
            Tag::SecretKey | Tag::SecretSubkey => return Err(E::SecretKey),
            Tag::PublicKey => primaries += 1,
            _ => {}
        }
    }
    match primaries {
        0 => return Err(E::NotAPublicKey),
        1 => {}
        _ => return Err(E::MoreThanOneKey),
    }

    let key = SignedPublicKey::from_bytes(bytes.as_slice()).map_err(|_| E::NotAPublicKey)?;
    check(&key, now)
}

fn to_time(t: Timestamp) -> Result<OffsetDateTime, OpenPgpKeyError> {
    OffsetDateTime::from_unix_timestamp(i64::from(t.as_secs()))
        .map_err(|_| OpenPgpKeyError::NotAPublicKey)
}

/// When a component created at `created` expires, per its newest binding.
fn expiry(created: OffsetDateTime, binding: &Signature) -> Option<OffsetDateTime> {
    let seconds = std::time::Duration::from(binding.key_expiration_time()?).as_secs();
    // Zero means "does not expire" (RFC 9580, 5.2.3.13).
    if seconds == 0 {
        return None;
    }
    created.checked_add(time::Duration::seconds(i64::try_from(seconds).ok()?))
}

fn newest<'a>(sigs: impl Iterator<Item = &'a Signature>) -> Option<&'a Signature> {
    sigs.max_by_key(|s| s.created().map(Timestamp::as_secs).unwrap_or(0))
}

/// Why content could not be encrypted to a key on file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EncryptError {
    /// The key no longer serves (expired, revoked, unreadable) at the time.
    #[error("the key cannot be used: {0}")]
    Unusable(OpenPgpKeyError),
    #[error("OpenPGP encryption failed")]
    Failed,
}

/// Encrypts `plain` to `key` as valid at `now`: to every subkey bound for
/// encryption, or to the primary key when it is itself the encryption key.
/// Returns an ASCII-armored OpenPGP message (SEIPD v1 with AES-256, which
/// every OpenPGP implementation in use reads). The randomness (session key,
/// key agreement) comes from `entropy`.
pub fn encrypt_to(
    key: &OpenPgpKey,
    plain: &[u8],
    now: OffsetDateTime,
    entropy: &dyn Entropy,
) -> Result<String, EncryptError> {
    let (parsed, _) = SignedPublicKey::from_string(&key.armored)
        .map_err(|_| EncryptError::Unusable(OpenPgpKeyError::NotAPublicKey))?;
    check(&parsed, now).map_err(EncryptError::Unusable)?;
    let subkeys: Vec<&SignedPublicSubKey> = parsed
        .public_subkeys
        .iter()
        .filter(|sub| subkey_encrypts(&parsed.primary_key, sub, now))
        .collect();
    let mut rng = ChaCha20Rng::from_seed(random_bytes::<32>(entropy));
    let mut builder = MessageBuilder::from_bytes("", plain.to_vec())
        .seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
    if subkeys.is_empty() {
        // `check` passed without an encryption subkey: the primary encrypts.
        builder
            .encrypt_to_key(&mut rng, &parsed.primary_key)
            .map_err(|_| EncryptError::Failed)?;
    } else {
        for sub in subkeys {
            builder
                .encrypt_to_key(&mut rng, &sub.key)
                .map_err(|_| EncryptError::Failed)?;
        }
    }
    builder
        .to_armored_string(&mut rng, ArmorOptions::default())
        .map_err(|_| EncryptError::Failed)
}

/// The checks of [`encrypt_to`], for other messages made to a key (the crisis pack).
pub(crate) fn check_usable(
    key: &SignedPublicKey,
    now: OffsetDateTime,
) -> Result<OpenPgpKey, OpenPgpKeyError> {
    check(key, now)
}

/// The subkeys of `key` one may encrypt to at `now` (empty: the primary encrypts).
pub(crate) fn encryption_subkeys(
    key: &SignedPublicKey,
    now: OffsetDateTime,
) -> Vec<&SignedPublicSubKey> {
    key.public_subkeys
        .iter()
        .filter(|sub| subkey_encrypts(&key.primary_key, sub, now))
        .collect()
}

/// Whether a component may be encrypted to, per its binding's key flags;
/// bindings from before key flags existed leave it to the algorithm.
fn may_encrypt(binding: &Signature, algorithm: PublicKeyAlgorithm) -> bool {
    let has_flags = binding.config().is_some_and(|c| {
        c.hashed_subpackets()
            .any(|p| matches!(p.data, SubpacketData::KeyFlags(_)))
    });
    if has_flags {
        let flags = binding.key_flags();
        flags.encrypt_comms() || flags.encrypt_storage()
    } else {
        use PublicKeyAlgorithm as A;
        matches!(
            algorithm,
            A::RSA | A::RSAEncrypt | A::Elgamal | A::ElgamalEncrypt | A::ECDH | A::X25519 | A::X448
        )
    }
}

fn check(key: &SignedPublicKey, now: OffsetDateTime) -> Result<OpenPgpKey, OpenPgpKeyError> {
    use OpenPgpKeyError as E;
    let primary = &key.primary_key;

    let revoked =
        key.details.revocation_signatures.iter().any(|s| {
            s.typ() == Some(SignatureType::KeyRevocation) && s.verify_key(primary).is_ok()
        });
    if revoked {
        return Err(E::Revoked);
    }

    let mut user_ids = Vec::new();
    let mut self_sigs: Vec<&Signature> = Vec::new();
    for user in &key.details.users {
        let valid: Vec<&Signature> = user
            .signatures
            .iter()
            .filter(|s| {
                s.verify_certification(primary, Tag::UserId, &user.id)
                    .is_ok()
            })
            .collect();
        // A self-revoked user ID is no longer a name of the key.
        let revoked_uid = valid
            .iter()
            .any(|s| s.typ() == Some(SignatureType::CertRevocation));
        if !valid.is_empty() && !revoked_uid {
            user_ids.push(String::from_utf8_lossy(user.id.id()).into_owned());
            self_sigs.extend(valid);
        }
    }
    self_sigs.extend(
        key.details
            .direct_signatures
            .iter()
            .filter(|s| s.verify_key(primary).is_ok()),
    );
    let Some(binding) = newest(self_sigs.into_iter()) else {
        return Err(E::BadSignature);
    };

    let created_at = to_time(primary.created_at())?;
    let expires_at = expiry(created_at, binding);
    if expires_at.is_some_and(|e| e <= now) {
        return Err(E::Expired);
    }

    let encrypts = may_encrypt(binding, primary.algorithm())
        || key
            .public_subkeys
            .iter()
            .any(|sub| subkey_encrypts(primary, sub, now));
    if !encrypts {
        return Err(E::NoEncryptionKey);
    }

    let armored = key
        .to_armored_string(ArmorOptions::default())
        .map_err(|_| E::NotAPublicKey)?;
    Ok(OpenPgpKey {
        fingerprint: format!("{:X}", primary.fingerprint()),
        algorithm: algorithm(primary.public_params()),
        created_at,
        expires_at,
        user_ids,
        armored,
    })
}

/// Whether a subkey is bound, not revoked, not expired, and flagged for encryption.
fn subkey_encrypts(
    primary: &pgp::packet::PublicKey,
    sub: &SignedPublicSubKey,
    now: OffsetDateTime,
) -> bool {
    let valid: Vec<&Signature> = sub
        .signatures
        .iter()
        .filter(|s| s.verify_subkey_binding(primary, &sub.key).is_ok())
        .collect();
    if valid
        .iter()
        .any(|s| s.typ() == Some(SignatureType::SubkeyRevocation))
    {
        return false;
    }
    let bindings = valid
        .into_iter()
        .filter(|s| s.typ() == Some(SignatureType::SubkeyBinding));
    let Some(binding) = newest(bindings) else {
        return false;
    };
    let Ok(created) = to_time(sub.key.created_at()) else {
        return false;
    };
    let alive = expiry(created, binding).is_none_or(|e| e > now);
    alive && may_encrypt(binding, sub.key.algorithm())
}

/// The algorithm and size, as people name them.
fn algorithm(params: &PublicParams) -> String {
    match params {
        PublicParams::RSA(rsa) => match rsa.to_bytes() {
            // An MPI starts with its length in bits, two bytes big-endian.
            Ok(b) => match (b.first(), b.get(1)) {
                (Some(hi), Some(lo)) => format!("RSA {}", u16::from_be_bytes([*hi, *lo])),
                _ => "RSA".into(),
            },
            Err(_) => "RSA".into(),
        },
        PublicParams::DSA(_) => "DSA".into(),
        PublicParams::Elgamal(_) => "ElGamal".into(),
        PublicParams::ECDSA(p) => match p {
            EcdsaPublicParams::P256 { .. } => "ECDSA P-256".into(),
            EcdsaPublicParams::P384 { .. } => "ECDSA P-384".into(),
            EcdsaPublicParams::P521 { .. } => "ECDSA P-521".into(),
            EcdsaPublicParams::Secp256k1 { .. } => "ECDSA secp256k1".into(),
            _ => "ECDSA".into(),
        },
        PublicParams::ECDH(p) => match p {
            EcdhPublicParams::Curve25519Legacy { .. } => "Curve25519".into(),
            EcdhPublicParams::P256 { .. } => "ECDH P-256".into(),
            EcdhPublicParams::P384 { .. } => "ECDH P-384".into(),
            EcdhPublicParams::P521 { .. } => "ECDH P-521".into(),
            _ => "ECDH".into(),
        },
        PublicParams::EdDSALegacy(EddsaLegacyPublicParams::Ed25519 { .. })
        | PublicParams::Ed25519(_) => "Ed25519".into(),
        PublicParams::EdDSALegacy(_) => "EdDSA".into(),
        PublicParams::X25519(_) => "X25519".into(),
        PublicParams::X448(_) => "X448".into(),
        PublicParams::Ed448(_) => "Ed448".into(),
        _ => "unknown".into(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::datetime;

    // Made with GnuPG 2.2 (see tests/fixtures/openpgp/README.md); the
    // fingerprints are those `gpg --with-colons --import-options show-only
    // --import` prints.
    const ED25519: &str = include_str!("../../tests/fixtures/openpgp/ed25519.asc");
    const RSA: &str = include_str!("../../tests/fixtures/openpgp/rsa3072.asc");
    const EXPIRED: &str = include_str!("../../tests/fixtures/openpgp/expired.asc");
    const REVOKED: &str = include_str!("../../tests/fixtures/openpgp/revoked.asc");
    const SECRET: &str = include_str!("../../tests/fixtures/openpgp/secret.asc");
    const SIGN_ONLY: &str = include_str!("../../tests/fixtures/openpgp/sign-only.asc");
    const TWO_BLOCKS: &str = include_str!("../../tests/fixtures/openpgp/two-blocks.asc");
    const TWO_IN_ONE: &str = include_str!("../../tests/fixtures/openpgp/two-keys-one-block.asc");
    const GARBAGE: &str = include_str!("../../tests/fixtures/openpgp/garbage.txt");

    pub(crate) const NOW: OffsetDateTime = datetime!(2027-01-15 12:00 UTC);

    #[test]
    fn an_ed25519_key_is_summarised() {
        let k = parse_public_key(ED25519, NOW).unwrap();
        assert_eq!(k.fingerprint, "C13411A68760C81000298C20EB92C10FD5AF8661");
        assert_eq!(
            k.grouped_fingerprint(),
            "C134 11A6 8760 C810 0029 8C20 EB92 C10F D5AF 8661"
        );
        assert_eq!(k.algorithm, "Ed25519");
        assert_eq!(k.created_at.unix_timestamp(), 1_795_658_606);
        assert_eq!(k.expires_at, None);
        assert_eq!(
            k.user_ids,
            ["Ayesha Malik (National CERT) <duty@cert.example.org>"]
        );
        assert!(k.armored.starts_with(BEGIN_PUBLIC));
        // The normalised form parses to the same key.
        assert_eq!(parse_public_key(&k.armored, NOW).unwrap(), k);
    }

    #[test]
    fn an_rsa_key_with_an_expiry() {
        let k = parse_public_key(RSA, NOW).unwrap();
        assert_eq!(k.fingerprint, "7D6D58304BD979D89DD779DFE5E42A5B7E96157F");
        assert_eq!(k.algorithm, "RSA 3072");
        assert_eq!(
            k.expires_at.map(|e| e.unix_timestamp()),
            Some(1_858_730_606)
        );
        assert_eq!(k.user_ids, ["Jean Dupont <jean.dupont@mfa.example.fr>"]);
        assert!(!k.expires_within(NOW, 30));
        let nearly = datetime!(2028-11-10 00:00 UTC);
        assert!(k.expires_within(nearly, 30));
        assert_eq!(
            parse_public_key(RSA, datetime!(2028-11-26 00:00 UTC)),
            Err(OpenPgpKeyError::Expired)
        );
    }

    #[test]
    fn text_around_the_armor_is_dropped() {
        let pasted = format!("Here is my key:\n\n{ED25519}\nRegards\n");
        let k = parse_public_key(&pasted, NOW).unwrap();
        assert_eq!(k.fingerprint, "C13411A68760C81000298C20EB92C10FD5AF8661");
        assert!(!k.armored.contains("Regards"));
    }

    #[test]
    fn bad_keys_are_refused_each_for_its_reason() {
        use OpenPgpKeyError as E;
        for (input, expected) in [
            (EXPIRED, E::Expired),
            (REVOKED, E::Revoked),
            (SECRET, E::SecretKey),
            (SIGN_ONLY, E::NoEncryptionKey),
            (TWO_BLOCKS, E::MoreThanOneKey),
            (TWO_IN_ONE, E::MoreThanOneKey),
            (GARBAGE, E::NotAPublicKey),
            ("", E::NotAPublicKey),
        ] {
            assert_eq!(parse_public_key(input, NOW), Err(expected), "{expected:?}");
        }
        let secret_and_public = format!("{ED25519}\n{SECRET}");
        assert_eq!(parse_public_key(&secret_and_public, NOW), Err(E::SecretKey));
        let huge = format!("{ED25519}{}", " ".repeat(MAX_ARMORED_LEN));
        assert_eq!(parse_public_key(&huge, NOW), Err(E::TooLarge));
    }

    #[test]
    fn a_damaged_armor_is_refused() {
        // One character changed in the base64 body: rPGP does not insist on
        // the armor checksum, but the damaged signature no longer verifies.
        let mut lines: Vec<String> = ED25519.lines().map(str::to_string).collect();
        let i = lines.len() / 2;
        let c = if lines[i].starts_with('A') { "B" } else { "A" };
        lines[i].replace_range(0..1, c);
        assert!(matches!(
            parse_public_key(&lines.join("\n"), NOW),
            Err(OpenPgpKeyError::NotAPublicKey | OpenPgpKeyError::BadSignature)
        ));
    }

    #[test]
    fn a_user_id_not_signed_by_the_key_is_refused() {
        let (mut key, _) = SignedPublicKey::from_string(ED25519).unwrap();
        key.details.users[0].id = pgp::packet::UserId::from_str(
            pgp::types::PacketHeaderVersion::New,
            "Mallory <mallory@example.org>",
        )
        .unwrap();
        let forged = key.to_armored_string(ArmorOptions::default()).unwrap();
        assert_eq!(
            parse_public_key(&forged, NOW),
            Err(OpenPgpKeyError::BadSignature)
        );
    }

    #[test]
    fn the_expired_key_was_valid_in_its_year() {
        let k = parse_public_key(EXPIRED, datetime!(2020-06-01 00:00 UTC));
        // Valid then, but it never had an encryption subkey.
        assert_eq!(k, Err(OpenPgpKeyError::NoEncryptionKey));
    }

    #[test]
    fn message_ids_are_distinct() {
        use OpenPgpKeyError as E;
        let all = [
            E::NotAPublicKey,
            E::SecretKey,
            E::MoreThanOneKey,
            E::TooLarge,
            E::BadSignature,
            E::Expired,
            E::Revoked,
            E::NoEncryptionKey,
        ];
        let ids: std::collections::BTreeSet<&str> = all.iter().map(|e| e.message_id()).collect();
        assert_eq!(ids.len(), all.len());
        assert!(ids.iter().all(|id| id.starts_with("poc-error-openpgp-")));
    }

    #[test]
    fn stored_form_round_trips() {
        let k = parse_public_key(ED25519, NOW).unwrap();
        let json = serde_json::to_string(&k).unwrap();
        assert!(json.contains("\"expires_at\":null"));
        let back: OpenPgpKey = serde_json::from_str(&json).unwrap();
        assert_eq!(back, k);
    }

    /// A fresh key pair (Ed25519 primary, Curve25519 encryption subkey) made
    /// with rPGP, and its public half as the directory stores it.
    pub(crate) fn fixture_pair(seed: u64) -> (pgp::composed::SignedSecretKey, OpenPgpKey) {
        use pgp::composed::{EncryptionCaps, KeyType, SecretKeyParamsBuilder, SubkeyParamsBuilder};
        use pgp::crypto::ecc_curve::ECCCurve;
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let mut enc = SubkeyParamsBuilder::default();
        enc.key_type(KeyType::ECDH(ECCCurve::Curve25519Legacy))
            .can_sign(false)
            .can_encrypt(EncryptionCaps::All)
            .can_authenticate(false);
        let mut params = SecretKeyParamsBuilder::default();
        params
            .key_type(KeyType::Ed25519Legacy)
            .can_certify(true)
            .can_sign(true)
            .can_encrypt(EncryptionCaps::None)
            .primary_user_id("CERT-FR <cert@fra.example>".into())
            .subkeys(vec![enc.build().unwrap()]);
        let secret = params.build().unwrap().generate(&mut rng).unwrap();
        let public = SignedPublicKey::from(secret.clone())
            .to_armored_string(ArmorOptions::default())
            .unwrap();
        let key = parse_public_key(&public, NOW).unwrap();
        (secret, key)
    }

    pub(crate) fn decrypt(secret: &pgp::composed::SignedSecretKey, armored: &str) -> Vec<u8> {
        let (msg, _) = pgp::composed::Message::from_string(armored).unwrap();
        let mut msg = msg.decrypt(&"".into(), secret).unwrap();
        if msg.is_compressed() {
            msg = msg.decompress().unwrap();
        }
        msg.as_data_vec().unwrap()
    }

    #[test]
    fn content_encrypted_to_a_key_opens_with_its_secret_key_only() {
        let (secret, key) = fixture_pair(7);
        let entropy = crate::entropy::SeededEntropy::new(1);
        let text = "Objet : rançongiciel — 203.0.113.7";
        let armored = encrypt_to(&key, text.as_bytes(), NOW, &entropy).unwrap();
        assert!(armored.starts_with("-----BEGIN PGP MESSAGE-----"));
        assert!(!armored.contains("203.0.113.7"));
        assert_eq!(decrypt(&secret, &armored), text.as_bytes());
        // Another key's secret cannot open it.
        let (other, _) = fixture_pair(8);
        let (msg, _) = pgp::composed::Message::from_string(&armored).unwrap();
        assert!(msg.decrypt(&"".into(), &other).is_err());
        // The same entropy gives the same message; other entropy another.
        let again = encrypt_to(
            &key,
            text.as_bytes(),
            NOW,
            &crate::entropy::SeededEntropy::new(1),
        );
        assert_eq!(again.unwrap(), armored);
        let other_run = encrypt_to(
            &key,
            text.as_bytes(),
            NOW,
            &crate::entropy::SeededEntropy::new(2),
        );
        assert_ne!(other_run.unwrap(), armored);
    }

    #[test]
    fn a_key_that_no_longer_serves_is_not_encrypted_to() {
        let (_, mut key) = fixture_pair(7);
        let entropy = crate::entropy::SeededEntropy::new(1);
        key.armored = SIGN_ONLY.to_string();
        assert_eq!(
            encrypt_to(&key, b"x", NOW, &entropy),
            Err(EncryptError::Unusable(OpenPgpKeyError::NoEncryptionKey))
        );
        key.armored = GARBAGE.to_string();
        assert_eq!(
            encrypt_to(&key, b"x", NOW, &entropy),
            Err(EncryptError::Unusable(OpenPgpKeyError::NotAPublicKey))
        );
    }
}
