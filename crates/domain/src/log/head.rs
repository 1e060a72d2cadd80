//! Signed tree heads: the log's size and root at a time, signed with the
//! log's Ed25519 key, so that a State can hold the operator to them.

use super::merkle::Hash;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

pub const HEAD_VERSION: &str = "pocdir-tree-head-v1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SignedTreeHead {
    pub tree_size: u64,
    /// Hex SHA-256 Merkle root (RFC 9162).
    pub root_hash: String,
    /// Unix seconds when it was signed.
    pub timestamp: i64,
    /// Base64 Ed25519 signature over [`signed_message`].
    pub signature: String,
    /// Hex SHA-256 of the public key, to tell keys apart.
    pub key_id: String,
}

/// The exact bytes that are signed.
pub fn signed_message(tree_size: u64, root: &Hash, timestamp: i64) -> Vec<u8> {
    format!(
        "{HEAD_VERSION}\n{tree_size}\n{timestamp}\n{}\n",
        hex::encode(root)
    )
    .into_bytes()
}

pub fn key_id(key: &VerifyingKey) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(key.as_bytes()))
}

pub fn sign_head(key: &SigningKey, tree_size: u64, root: &Hash, timestamp: i64) -> SignedTreeHead {
    let signature = key.sign(&signed_message(tree_size, root, timestamp));
    SignedTreeHead {
        tree_size,
        root_hash: hex::encode(root),
        timestamp,
        signature: STANDARD.encode(signature.to_bytes()),
        key_id: key_id(&key.verifying_key()),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeadError {
    #[error("the root hash is not 32 bytes of hex")]
    BadRoot,
    #[error("the signature is not a base64 Ed25519 signature")]
    BadSignatureEncoding,
    #[error("the signature does not match the log's public key")]
    BadSignature,
    #[error("the public key is not a base64 Ed25519 key")]
    BadKey,
}

impl SignedTreeHead {
    pub fn root(&self) -> Result<Hash, HeadError> {
        let bytes = hex::decode(&self.root_hash).map_err(|_| HeadError::BadRoot)?;
        <Hash>::try_from(bytes.as_slice()).map_err(|_| HeadError::BadRoot)
    }

    /// Checks the signature against `key`.
    pub fn verify(&self, key: &VerifyingKey) -> Result<Hash, HeadError> {
        let root = self.root()?;
        let sig = STANDARD
            .decode(&self.signature)
            .map_err(|_| HeadError::BadSignatureEncoding)?;
        let sig = Signature::from_slice(&sig).map_err(|_| HeadError::BadSignatureEncoding)?;
        key.verify(&signed_message(self.tree_size, &root, self.timestamp), &sig)
            .map_err(|_| HeadError::BadSignature)?;
        Ok(root)
    }
}

/// The public key as published (base64 of the 32 raw bytes).
pub fn encode_public_key(key: &VerifyingKey) -> String {
    STANDARD.encode(key.as_bytes())
}

pub fn decode_public_key(text: &str) -> Result<VerifyingKey, HeadError> {
    let bytes = STANDARD
        .decode(text.trim())
        .map_err(|_| HeadError::BadKey)?;
    let bytes = <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| HeadError::BadKey)?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| HeadError::BadKey)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_verify_only_with_the_right_key_and_content() {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let other = SigningKey::from_bytes(&[8u8; 32]);
        let root = [1u8; 32];
        let head = sign_head(&key, 10, &root, 1_700_000_000);
        assert_eq!(head.verify(&key.verifying_key()), Ok(root));
        assert_eq!(
            head.verify(&other.verifying_key()),
            Err(HeadError::BadSignature)
        );
        let mut bigger = head.clone();
        bigger.tree_size = 11;
        assert_eq!(
            bigger.verify(&key.verifying_key()),
            Err(HeadError::BadSignature)
        );
        let mut moved = head.clone();
        moved.root_hash = hex::encode([2u8; 32]);
        assert_eq!(
            moved.verify(&key.verifying_key()),
            Err(HeadError::BadSignature)
        );
        let text = encode_public_key(&key.verifying_key());
        assert_eq!(decode_public_key(&text).unwrap(), key.verifying_key());
        assert!(decode_public_key("not a key").is_err());
    }
}
