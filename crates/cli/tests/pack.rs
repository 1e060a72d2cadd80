//! The offline crisis pack end to end, with the real binary: a PoC of a
//! State downloads its pack from the real server (SQLite, or PostgreSQL
//! with `POCDIR_TEST_BACKEND=postgres`); `pocdir pack verify` and the real
//! `gpg` both decrypt it and check the instance's signature offline; and
//! `pocdir pack verify` refuses, naming what failed, a pack checked
//! against another key, an expired one (checked `--at` a later time), one
//! with a byte changed, and a wrong passphrase.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_domain::clock::{Clock, SystemClock};
use pocdir_domain::directory::crisis_pack::PackSigningKey;
use pocdir_domain::entropy::OsEntropy;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_pocdir");
const PASSPHRASE: &str = "correct horse battery staple";

async fn database_url(dir: &Path) -> String {
    if std::env::var("POCDIR_TEST_BACKEND").as_deref() != Ok("postgres") {
        return format!("sqlite://{}?mode=rwc", dir.join("pack.db").display());
    }
    use sqlx::Connection;
    let admin = std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let bytes: [u8; 4] = pocdir_domain::entropy::random_bytes(&OsEntropy);
    let name = format!("pocdir_pack_{}", hex::encode(bytes));
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let _ = conn.close().await;
    let mut url = url::Url::parse(&admin).unwrap();
    url.set_path(&name);
    url.to_string()
}

fn pocdir(args: &[&str], data: &Path, url: &str) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .arg("--database-url")
        .arg(url)
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `pocdir serve` on a free port; its address once it listens.
fn serve(data: &Path, url: &str) -> (Server, String) {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .env("POCDIR_DATABASE_URL", url)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(at) = line.find("http://") {
                let _ = tx.send(line[at..].trim_end_matches('/').to_string());
            }
        }
    });
    let server = Server(child);
    let base = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the server did not start");
    (server, base)
}

fn verify(file: &Path, extra: &[&str]) -> (i32, String) {
    let out = Command::new(BIN)
        .args(["pack", "verify"])
        .arg(file)
        .args(extra)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), text(&out))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pack_from_the_server_verifies_with_pocdir_and_gpg_and_refusals_name_what_failed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let url = database_url(dir.path()).await;
    let email = "cert@example.fr";
    let created = pocdir(
        &[
            "account",
            "create",
            "--kind",
            "technical_poc",
            "--email",
            email,
            "--participant",
            "FRA",
        ],
        &data,
        &url,
    );
    assert!(created.status.success(), "{}", text(&created));
    let token = pocdir(&["account", "token", "--email", email], &data, &url);
    assert!(token.status.success(), "{}", text(&token));
    let token = String::from_utf8_lossy(&token.stdout).trim().to_string();

    let (_server, base) = serve(&data, &url);
    let http = reqwest::Client::new();
    // Without a key on file, a passphrase is required.
    let refused = http
        .post(format!("{base}/api/v1/crisis-pack"))
        .bearer_auth(&token)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let response = http
        .post(format!("{base}/api/v1/crisis-pack"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "passphrase": PASSPHRASE, "lang": "ar" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("pocdir-pack-valid-until"));
    let sealed = response.text().await.unwrap();
    assert!(
        sealed.starts_with("-----BEGIN PGP MESSAGE-----"),
        "{sealed}"
    );
    let key = http
        .get(format!("{base}/.well-known/pocdir-pack-key.asc"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("pack.html.asc");
    let key_file = work.path().join("pocdir-pack-key.asc");
    let pass_file = work.path().join("passphrase");
    std::fs::write(&file, &sealed).unwrap();
    std::fs::write(&key_file, &key).unwrap();
    std::fs::write(&pass_file, format!("{PASSPHRASE}\n")).unwrap();
    let key_arg = key_file.to_str().unwrap();
    let pass_arg = pass_file.to_str().unwrap();
    let out_dir = work.path().join("out");

    // pocdir pack verify: valid, with what it holds.
    let (code, said) = verify(
        &file,
        &[
            "--key",
            key_arg,
            "--pack-passphrase-file",
            pass_arg,
            "--out-dir",
            out_dir.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{said}");
    for part in [
        "valid: crisis pack for cert@example.fr",
        "issued at:",
        "age:         0 days",
        "valid until:",
        "entries:",
    ] {
        assert!(said.contains(part), "{part}: {said}");
    }
    let html: Vec<_> = std::fs::read_dir(&out_dir).unwrap().collect();
    assert_eq!(html.len(), 2, "the HTML and the CSV");

    // The key fetched from the instance's address works alike.
    let (code, said) = verify(&file, &["--url", &base, "--pack-passphrase-file", pass_arg]);
    assert_eq!(code, 0, "{said}");

    // Standard gpg, offline, in a keyring of its own.
    let home = tempfile::tempdir().unwrap();
    let gpg = |args: &[&str]| {
        Command::new("gpg")
            .env("GNUPGHOME", home.path())
            .args(["--batch", "--no-tty"])
            .args(args)
            .output()
            .expect("gpg is installed (apt-get install gnupg)")
    };
    let imported = gpg(&["--import", key_arg]);
    assert!(imported.status.success(), "{}", text(&imported));
    let decrypted = gpg(&[
        "--pinentry-mode",
        "loopback",
        "--passphrase-file",
        pass_arg,
        "--status-fd",
        "2",
        "--decrypt",
        file.to_str().unwrap(),
    ]);
    let status = String::from_utf8_lossy(&decrypted.stderr).to_string();
    assert!(decrypted.status.success(), "{status}");
    assert!(status.contains("[GNUPG:] GOODSIG"), "{status}");
    assert!(status.contains("[GNUPG:] DECRYPTION_OKAY"), "{status}");
    let html = String::from_utf8_lossy(&decrypted.stdout);
    assert!(
        html.contains("dir=\"rtl\""),
        "the holder's language: Arabic"
    );
    assert!(html.contains("pocdir-pack-manifest"));

    // Refusals, each naming what failed.
    let other =
        PackSigningKey::generate("another instance", SystemClock.now(), &OsEntropy).unwrap();
    let other_file = work.path().join("other.asc");
    std::fs::write(&other_file, other.public_armored().unwrap()).unwrap();
    let (code, said) = verify(
        &file,
        &[
            "--key",
            other_file.to_str().unwrap(),
            "--pack-passphrase-file",
            pass_arg,
        ],
    );
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("signed by another key"), "{said}");

    let later = (SystemClock.now() + time::Duration::days(31))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let (code, said) = verify(
        &file,
        &[
            "--key",
            key_arg,
            "--pack-passphrase-file",
            pass_arg,
            "--at",
            &later,
        ],
    );
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("expired"), "{said}");

    let wrong = work.path().join("wrong");
    std::fs::write(&wrong, "not the passphrase at all").unwrap();
    let (code, said) = verify(
        &file,
        &[
            "--key",
            key_arg,
            "--pack-passphrase-file",
            wrong.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("cannot decrypt"), "{said}");

    // One byte of the encrypted body changed (binary, so that the armor's
    // checksum is no excuse): refused as tampered or undecryptable.
    let binary = gpg(&["--dearmor", "--output", "-", file.to_str().unwrap()]);
    assert!(binary.status.success(), "{}", text(&binary));
    let mut bytes = binary.stdout.clone();
    let at = bytes.len() - 40;
    bytes[at] ^= 0x01;
    let tampered = work.path().join("tampered.gpg");
    std::fs::write(&tampered, &bytes).unwrap();
    let (code, said) = verify(
        &tampered,
        &["--key", key_arg, "--pack-passphrase-file", pass_arg],
    );
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("NOT valid"), "{said}");
}
