//! The real `pocdir` binary and its key file: `keys rotate` while `serve`
//! runs (what is sealed reads the same before and after, through the
//! running server and through a new process), `keys status`, and a key
//! file that others can read stops the start.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_pocdir");
const SECRETARIAT: &str = "secretariat@secretariat.example.org";

fn pocdir(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("POCDIR_DATABASE_URL")
        .output()
        .unwrap()
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).to_string()
}

/// `pocdir` at the console, which must succeed; its standard output.
fn ok(data: &Path, args: &[&str]) -> String {
    let out = pocdir(data, args);
    assert!(
        out.status.success(),
        "pocdir {args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `serve --demo` and waits for it; returns it and its address.
fn serve(data: &Path) -> (Server, String) {
    let child = Command::new(BIN)
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .env_remove("POCDIR_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let stdout = server.0.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some(at) = line.split("is listening on ").nth(1) {
            // Keep reading (and dropping) what it prints, so it never blocks.
            std::thread::spawn(move || for _ in lines {});
            return (server, at.trim().trim_end_matches('/').to_string());
        }
    }
    panic!("server did not start");
}

/// The counts `keys status` prints, as `(key, values)`.
fn status(data: &Path) -> Vec<(String, u64)> {
    ok(data, &["keys", "status"])
        .lines()
        .filter_map(|l| {
            let (id, rest) = l.split_once(": ")?;
            let n = rest.split_whitespace().next()?.parse().ok()?;
            Some((id.to_string(), n))
        })
        .collect()
}

/// The e-mail addresses in `text`.
fn emails(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "._+-@".contains(c)))
        .filter(|w| {
            w.split_once('@')
                .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
        })
        .map(str::to_string)
        .collect()
}

/// Which of `needles` the SQLite files of `data` hold, byte for byte.
fn in_database_files(data: &Path, needles: &std::collections::BTreeSet<String>) -> Vec<String> {
    let files: Vec<Vec<u8>> = ["pocdir.db", "pocdir.db-wal", "pocdir.db-shm"]
        .iter()
        .filter_map(|f| std::fs::read(data.join(f)).ok())
        .collect();
    needles
        .iter()
        .filter(|n| {
            files
                .iter()
                .any(|f| f.windows(n.len()).any(|w| w == n.as_bytes()))
        })
        .cloned()
        .collect()
}

/// Every PoC the secretariat exports, through the running server.
async fn export(base: &str, token: &str) -> String {
    let response = reqwest::Client::new()
        .get(format!("{base}/api/v1/pocs/export?format=json"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_rotate_while_the_server_runs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (server, base) = serve(&data);
    let key_file = data.join("secrets").join("sealing.keys");
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // The demo's PoCs, TOTP secrets and mail are sealed under k1.
    let before = status(&data);
    let k1 = before.iter().find(|(id, _)| id == "k1").unwrap().1;
    assert!(k1 > 10, "{before:?}");
    let token = ok(
        &data,
        &[
            "account",
            "token",
            "--email",
            SECRETARIAT,
            "--scope",
            "read",
        ],
    );
    let token = token.trim();
    let pocs = export(&base, token).await;
    // The demo's PoC and account addresses are nowhere in the database files.
    let mut addresses = emails(&pocs);
    let poc_addresses = addresses.len();
    addresses.extend(emails(
        &std::fs::read_to_string(data.join("demo-accounts.json")).unwrap(),
    ));
    assert!(
        poc_addresses > 5 && addresses.len() > poc_addresses,
        "{addresses:?}"
    );
    assert_eq!(in_database_files(&data, &addresses), Vec::<String>::new());
    // The check finds what is there: States' names are in clear.
    let control = std::collections::BTreeSet::from(["Pakistan".to_string()]);
    assert_eq!(in_database_files(&data, &control), ["Pakistan"]);
    let totp = ok(&data, &["account", "totp-code", "--email", SECRETARIAT]);
    assert_eq!(totp.trim().len(), 6);

    let rotated = ok(&data, &["keys", "rotate", "--batch", "7"]);
    assert!(
        rotated.contains("k2 is now the current key (was k1)"),
        "{rotated}"
    );
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // Everything is under k2, none under k1.
    let after = status(&data);
    assert_eq!(after.iter().find(|(id, _)| id == "k1").unwrap().1, 0);
    let k2 = after.iter().find(|(id, _)| id == "k2").unwrap().1;
    assert!(k2 >= k1, "{before:?} → {after:?}");
    assert_eq!(
        after.len(),
        2,
        "nothing in clear or under another key: {after:?}"
    );

    // The running server reads them (it reads the key file again), and
    // so does a new process.
    assert_eq!(export(&base, token).await, pocs);
    let totp = ok(&data, &["account", "totp-code", "--email", SECRETARIAT]);
    assert_eq!(totp.trim().len(), 6);

    // The rotation is in the log, and the log verifies.
    let verify = pocdir(&data, &["log", "verify"]);
    assert!(verify.status.success(), "{}", text(&verify.stderr));
    let exported = dir.path().join("log.jsonl");
    ok(
        &data,
        &["log", "export", "--out", exported.to_str().unwrap()],
    );
    let log = std::fs::read_to_string(&exported).unwrap();
    assert!(
        log.lines()
            .any(|l| l.contains("\"keys.rotate\"") && l.contains("sealing_key:k2")),
        "no rotation in the log"
    );
    drop(server);

    // The server starts again with the rotated file; a second rotation adds k3.
    let (server, base) = serve(&data);
    assert_eq!(export(&base, token).await, pocs);
    let rotated = ok(&data, &["keys", "rotate"]);
    assert!(
        rotated.contains("k3 is now the current key (was k2)"),
        "{rotated}"
    );
    assert_eq!(export(&base, token).await, pocs);
    drop(server);
}

#[test]
fn a_key_file_readable_by_others_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (server, _) = serve(&data);
    drop(server);
    let key_file = data.join("secrets").join("sealing.keys");
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    for args in [
        &["serve", "--listen", "127.0.0.1:0"][..],
        &["keys", "rotate"][..],
        &["keys", "status"][..],
    ] {
        let out = pocdir(&data, args);
        assert!(!out.status.success(), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains("chmod 600") && err.contains("sealing.keys"),
            "{args:?}: {err}"
        );
        let file = std::fs::read_to_string(&key_file).unwrap();
        let secret = file.lines().find(|l| l.starts_with("key ")).unwrap();
        assert!(
            !err.contains(secret.split(' ').nth(2).unwrap()),
            "never printed"
        );
    }
    // Nothing was changed: the file still has its one key.
    let file = std::fs::read_to_string(&key_file).unwrap();
    assert_eq!(file.lines().filter(|l| l.starts_with("key ")).count(), 1);
}
