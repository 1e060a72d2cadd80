//! `pocdir certificate verify FILE --key KEY`, the real binary, offline:
//! a certificate signed by the key is genuine (exit 0); one whose holder
//! was changed, or signed by another key, is not (exit 1); a file that is
//! no certificate cannot be checked (exit 2). The check against a
//! database's keys and record is the web's (`testkit/tests/it/learning.rs`)
//! and shares the domain's `Certificate::verify`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use ed25519_dalek::SigningKey;
use pocdir_domain::learning::certificate::{new_id, Completion};
use pocdir_domain::log::head::encode_public_key;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_pocdir");

fn verify(file: &std::path::Path, key: &SigningKey) -> (i32, String) {
    let out = Command::new(BIN)
        .args(["certificate", "verify"])
        .arg(file)
        .args(["--key", &encode_public_key(&key.verifying_key())])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn genuine_forged_and_unreadable_certificates() {
    let key = SigningKey::from_bytes(&[3u8; 32]);
    let certificate = Completion {
        id: new_id([5u8; 16]),
        holder: "Ayesha Malik".into(),
        module: "ping-tests".into(),
        module_title: "اختبارات الاتصال".into(),
        version: 1,
        issued_on: time::macros::date!(2026 - 12 - 02),
        score_percent: 100,
        issuer: "https://pocdir.example.org".into(),
    }
    .sign(&key);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("certificate.json");

    std::fs::write(&file, certificate.to_json()).unwrap();
    let (code, said) = verify(&file, &key);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("genuine: Ayesha Malik passed"), "{said}");

    let mut forged = certificate.clone();
    forged.holder = "Someone Else".into();
    std::fs::write(&file, forged.to_json()).unwrap();
    let (code, said) = verify(&file, &key);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("NOT genuine"), "{said}");

    std::fs::write(&file, certificate.to_json()).unwrap();
    let (code, said) = verify(&file, &SigningKey::from_bytes(&[4u8; 32]));
    assert_eq!(code, 1, "another key: {said}");

    std::fs::write(&file, "{\"format\": \"something else\"}").unwrap();
    let (code, said) = verify(&file, &key);
    assert_eq!(code, 2, "{said}");
}
