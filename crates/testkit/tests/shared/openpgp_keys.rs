//! OpenPGP key pairs and messages as a PoC's own tool would make them, for
//! the end-to-end tests (the browser journey and the server's refusals);
//! included by both test binaries with `#[path]`.

use anyhow::{anyhow, Result};
use pgp::composed::{
    ArmorOptions, Deserializable, EncryptionCaps, KeyType, MessageBuilder, SecretKeyParamsBuilder,
    SignedPublicKey, SignedSecretKey, SubkeyParamsBuilder,
};
use pgp::crypto::ecc_curve::ECCCurve;
use pgp::crypto::sym::SymmetricKeyAlgorithm;
use rand_chacha::rand_core::SeedableRng;

/// Ed25519 primary, Curve25519 encryption subkey, no passphrase: the
/// secret key armored (as pasted into the account page) and the public key
/// armored (as put on the PoC's entry).
pub fn key_pair(seed: u64, uid: &str) -> Result<(String, String)> {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(seed);
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
        .primary_user_id(uid.into())
        .subkeys(vec![enc.build().map_err(|e| anyhow!("{e}"))?]);
    let secret: SignedSecretKey = params
        .build()
        .map_err(|e| anyhow!("{e}"))?
        .generate(&mut rng)?;
    let public = SignedPublicKey::from(secret.clone()).to_armored_string(ArmorOptions::default())?;
    Ok((secret.to_armored_string(ArmorOptions::default())?, public))
}

/// A message named `name` holding `plain`, encrypted to the encryption
/// subkey of each armored public key.
fn sealed<'a>(
    publics: &[&str],
    name: &str,
    plain: &[u8],
    rng: &mut rand_chacha::ChaCha20Rng,
) -> Result<MessageBuilder<'a, pgp::composed::DummyReader, pgp::composed::EncryptionSeipdV1>> {
    let mut builder = MessageBuilder::from_bytes(name.to_string(), plain.to_vec())
        .seipd_v1(&mut *rng, SymmetricKeyAlgorithm::AES256);
    for armored in publics {
        let (key, _) = SignedPublicKey::from_string(armored)?;
        let sub = key
            .public_subkeys
            .first()
            .ok_or_else(|| anyhow!("no subkey"))?;
        builder.encrypt_to_key(&mut *rng, &sub.key)?;
    }
    Ok(builder)
}

/// `plain` encrypted to the encryption subkeys of each armored public key.
#[allow(dead_code)] // the browser journey encrypts with OpenPGP.js instead
pub fn encrypt_to(publics: &[&str], plain: &[u8]) -> Result<String> {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(99);
    let builder = sealed(publics, "", plain, &mut rng)?;
    Ok(builder.to_armored_string(&mut rng, ArmorOptions::default())?)
}

/// `plain` encrypted to each armored public key as a binary message named
/// `name` inside, as the browser seals a file of an end-to-end message.
#[allow(dead_code)] // the browser journey seals with OpenPGP.js instead
pub fn seal_to(publics: &[&str], name: &str, plain: &[u8]) -> Result<Vec<u8>> {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(97);
    let builder = sealed(publics, name, plain, &mut rng)?;
    Ok(builder.to_vec(&mut rng)?)
}

/// `plain` as a literal message, armored as a "PGP MESSAGE" but not
/// encrypted: plaintext in disguise.
#[allow(dead_code)]
pub fn literal(plain: &[u8]) -> Result<String> {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(98);
    Ok(MessageBuilder::from_bytes("", plain.to_vec())
        .to_armored_string(&mut rng, ArmorOptions::default())?)
}
