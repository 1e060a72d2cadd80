//! The real `pocdir` binary at the console: account commands, the demo,
//! refusing readable secrets, and graceful shutdown on SIGTERM.
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

#[test]
fn accounts_are_created_and_tokens_minted_at_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = pocdir(
        &data,
        &[
            "account",
            "create",
            "--kind",
            "secretariat",
            "--email",
            "Chief@Secretariat.example.org",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("chief@secretariat.example.org"));
    assert!(stdout.contains("First password (shown once): "));

    let again = pocdir(
        &data,
        &[
            "account",
            "create",
            "--kind",
            "secretariat",
            "--email",
            "chief@secretariat.example.org",
        ],
    );
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already exists"));

    let bad = pocdir(
        &data,
        &[
            "account",
            "create",
            "--kind",
            "nominator",
            "--email",
            "n@mofa.example.org",
        ],
    );
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("--participant"),
        "{}",
        text(&bad.stderr)
    );
    let bad = pocdir(
        &data,
        &[
            "account",
            "create",
            "--kind",
            "admin",
            "--email",
            "n@mofa.example.org",
        ],
    );
    assert!(!bad.status.success());

    let token = pocdir(
        &data,
        &[
            "account",
            "token",
            "--email",
            "chief@secretariat.example.org",
            "--scope",
            "write",
        ],
    );
    assert!(token.status.success(), "{}", text(&token.stderr));
    let token = text(&token.stdout);
    assert!(token.trim().starts_with("pdt_") && token.trim().len() > 40);

    let code = pocdir(
        &data,
        &[
            "account",
            "totp-code",
            "--email",
            "chief@secretariat.example.org",
        ],
    );
    assert!(
        !code.status.success(),
        "codes of real accounts are never printed"
    );
    assert!(text(&code.stderr).contains("not a demo account"));
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `serve` and waits for its "listening" line; returns the server and what it printed.
fn serve(data: &Path, extra: &[&str]) -> (Server, String) {
    let child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .args(extra)
        .env_remove("POCDIR_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Owned by the guard at once, so that a failed start is still reaped.
    let mut server = Server(child);
    let stdout = server.0.stdout.take().unwrap();
    let mut printed = String::new();
    let mut lines = BufReader::new(stdout).lines();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        let Some(Ok(line)) = lines.next() else { break };
        printed.push_str(&line);
        printed.push('\n');
        if line.contains("is listening on") {
            return (server, printed);
        }
    }
    panic!("server did not start: {printed}");
}

fn terminate(mut server: Server) -> std::process::ExitStatus {
    let pid = server.0.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let started = Instant::now();
    loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            return status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test]
async fn the_demo_is_written_once_and_sigterm_stops_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (server, printed) = serve(&data, &["--demo"]);
    let file = data.join("demo-accounts.json");
    let logins: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let logins = logins.as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        logins.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    for kind in [
        "secretariat",
        "nominator",
        "diplomatic_poc",
        "technical_poc",
        "reporter",
        "auditor",
    ] {
        assert!(kinds.contains(kind), "demo has a {kind}");
    }
    let states: std::collections::BTreeSet<&str> = logins
        .iter()
        .filter(|l| l["kind"] == "diplomatic_poc" || l["kind"] == "technical_poc")
        .map(|l| l["participant"].as_str().unwrap())
        .collect();
    assert!(states.len() >= 2, "PoCs of at least two States");
    // Those States take part: their PoCs are verified.
    let keys = pocdir::sealing_keys::load_existing(&data).unwrap().unwrap();
    let store = pocdir_store::open(
        &format!("sqlite://{}", data.join("pocdir.db").display()),
        keys,
    )
    .await
    .unwrap();
    for code in &states {
        let p = store.participant(code).await.unwrap().unwrap();
        assert_eq!(p.status.as_str(), "participating", "{code}");
    }
    // The demo's threads: every demo PoC has something in its inbox, and
    // the printed technical PoCs have the incident thread, the escalated
    // notification and the TLP:RED message between them.
    // (Metadata only: the sealed content is the unit test's, in demo.rs.)
    let mut ids = std::collections::BTreeSet::new();
    let mut replies = 0;
    for l in logins
        .iter()
        .filter(|l| l["kind"] == "diplomatic_poc" || l["kind"] == "technical_poc")
    {
        let email = l["email"].as_str().unwrap();
        let account = store.account_by_email(email).await.unwrap().unwrap();
        let received = pocdir_store::Mailbox::Received {
            account_id: account.id,
        };
        let inbox = store
            .inbox(&received, &pocdir_store::InboxFilter::default(), 50)
            .await
            .unwrap();
        assert!(!inbox.is_empty(), "{email} has communications");
        for item in inbox {
            if ids.insert(item.meta.id) && item.meta.parent_id.is_some() {
                replies += 1;
            }
        }
    }
    assert!(ids.len() >= 5, "the demo's threads: {ids:?}");
    assert_eq!(replies, 1, "one thread has an answer");
    assert!(printed.contains("Communications:"), "{printed}");
    drop(store);
    for l in logins {
        assert!(printed.contains(l["email"].as_str().unwrap()));
        assert!(printed.contains(l["password"].as_str().unwrap()));
        assert!(printed.contains(l["totp_secret"].as_str().unwrap()));
    }
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(terminate(server).success(), "graceful exit on SIGTERM");

    // The demo's TOTP codes can be printed.
    let email = logins[0]["email"].as_str().unwrap();
    let code = pocdir(&data, &["account", "totp-code", "--email", email]);
    assert!(code.status.success());
    assert_eq!(text(&code.stdout).trim().len(), 6);

    // Twice changes nothing.
    let before = std::fs::read(&file).unwrap();
    let (server, printed) = serve(&data, &["--demo"]);
    assert!(printed.contains("nothing was added"), "{printed}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(terminate(server).success());
}

#[test]
fn a_secret_file_readable_by_others_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (server, _) = serve(&data, &[]);
    assert!(terminate(server).success());
    let key = data.join("secrets").join("csrf.key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("chmod 600"), "{err}");
    assert!(
        !err.contains(&std::fs::read_to_string(&key).unwrap()),
        "the secret is never printed"
    );
}

/// An account acts only for a participant the directory knows: a code that
/// names no State or organisation is refused, nothing is created and no
/// password is printed; a real State works on a fresh install too.
#[test]
fn accounts_for_unknown_participants_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for (kind, code) in [
        ("nominator", "XXX"),
        ("technical_poc", "ZZZ"),
        ("diplomatic_poc", "QQQ"),
    ] {
        let email = format!("{kind}@example.org");
        let out = pocdir(
            &data,
            &[
                "account",
                "create",
                "--kind",
                kind,
                "--email",
                &email,
                "--participant",
                code,
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{kind} {code}");
        assert!(!text(&out.stdout).contains("password"), "{kind} {code}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!("no participant {code}"))
                && err.contains("ISO 3166-1 alpha-3")
                && err.contains("organisation added by the secretariat"),
            "{err}"
        );
        // Nothing was created: the same e-mail is still free for a real State.
        let ok = pocdir(
            &data,
            &[
                "account",
                "create",
                "--kind",
                kind,
                "--email",
                &email,
                "--participant",
                "pak",
            ],
        );
        assert!(ok.status.success(), "{}", text(&ok.stderr));
        assert!(text(&ok.stdout).contains("First password"));
    }
}
