//! `pocdir certificate verify FILE`: checks a completion certificate (the
//! JSON its page shows) without the server: against a public key given
//! on the command line, or against the keys the installation's log
//! records and its record of certificates issued.

use pocdir_domain::learning::{Certificate, CertificateRefusal};
use pocdir_domain::log::head::decode_public_key;
use pocdir_store::Store;
use std::path::Path;

/// Reads a certificate file; `Err` says why it is not one.
pub fn read(path: &Path) -> Result<Certificate, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Certificate::from_json(&bytes).map_err(|r| format!("{}: {r}", path.display()))
}

/// Checks against one key the caller trusts (as published at
/// `/.well-known/pocdir-log-key`).
pub fn verify_with_key(
    c: &Certificate,
    key: &str,
) -> Result<Result<(), CertificateRefusal>, String> {
    let key = decode_public_key(key).map_err(|e| format!("--key: {e}"))?;
    Ok(c.verify(&[key]))
}

/// Checks against every key the log records, then that the installation
/// issued a certificate of that number with exactly these contents.
pub async fn verify_with_store(
    store: &dyn Store,
    c: &Certificate,
) -> Result<Result<(), CertificateRefusal>, String> {
    let keys: Vec<_> = store
        .log_keys()
        .await
        .map_err(|e| e.to_string())?
        .iter()
        .filter_map(|k| decode_public_key(&k.public_key).ok())
        .collect();
    if let Err(r) = c.verify(&keys) {
        return Ok(Err(r));
    }
    let on_record = store
        .learning_certificate(&c.id)
        .await
        .map_err(|e| e.to_string())?
        .and_then(|s| Certificate::from_json(s.certificate.as_bytes()).ok());
    Ok(match on_record {
        Some(issued) if issued == *c => Ok(()),
        _ => Err(CertificateRefusal::Forged),
    })
}
