//! `pocdir log verify` on a real database, SQLite and PostgreSQL: intact
//! logs pass; an edited, removed, swapped, truncated-and-regrown row or a
//! head forged with another key makes it exit non-zero naming the entry.
//! An auditor with only the database URL, in an empty folder, gets the same
//! answers and leaves nothing behind; with no key to check the heads
//! against, the answer is "cannot check" (exit 2), never "tampered".
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::{encode_public_key, sign_head};
use sqlx::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pocdir");

fn admin_url() -> String {
    std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

#[derive(Clone, Copy, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

/// One installation: a data folder and a database of either kind.
struct Install {
    backend: Backend,
    _dir: tempfile::TempDir,
    data: PathBuf,
    url: String,
    pg_name: Option<String>,
}

impl Install {
    async fn new(backend: Backend) -> Install {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let (url, pg_name) = match backend {
            Backend::Sqlite => (
                format!("sqlite://{}?mode=rwc", dir.path().join("log.db").display()),
                None,
            ),
            Backend::Postgres => {
                let mut bytes = [0u8; 6];
                pocdir_domain::entropy::Entropy::fill(
                    &pocdir_domain::entropy::OsEntropy,
                    &mut bytes,
                );
                let name = format!("pocdir_logtest_{}", hex::encode(bytes));
                let mut conn = sqlx::PgConnection::connect(&admin_url()).await.unwrap();
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let mut u = url::Url::parse(&admin_url()).unwrap();
                u.set_path(&name);
                (u.to_string(), Some(name))
            }
        };
        Install {
            backend,
            _dir: dir,
            data,
            url,
            pg_name,
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .arg("--data-dir")
            .arg(&self.data)
            .arg("--database-url")
            .arg(&self.url)
            .output()
            .unwrap()
    }

    fn create_account(&self, n: usize) {
        let email = format!("auditor{n}@example.org");
        let out = self.run(&["account", "create", "--kind", "auditor", "--email", &email]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn sign_head(&self) {
        let out = self.run(&["log", "sign-head"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `pocdir …` as an auditor runs it: in `cwd`, with the database URL
    /// and nothing of the server's (no data folder, no configuration).
    fn audit(&self, cwd: &Path, args: &[&str]) -> (i32, String) {
        let out = Command::new(BIN)
            .current_dir(cwd)
            .args(args)
            .arg("--database-url")
            .arg(&self.url)
            .env_remove("POCDIR_DATA_DIR")
            .env_remove("POCDIR_DATABASE_URL")
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), output_text(&out))
    }

    /// The key as `pocdir log key` prints it on the server.
    fn published_key(&self) -> String {
        let out = self.run(&["log", "key"]);
        assert!(out.status.success(), "{}", output_text(&out));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .trim_start_matches("Ed25519 ")
            .to_string()
    }

    /// Removes the public key the log records, as a database from before
    /// keys were recorded would be (the guard lifted first).
    async fn forget_key(&self) {
        match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
                for s in [
                    "DROP TRIGGER IF EXISTS log_keys_no_update",
                    "DROP TRIGGER IF EXISTS log_keys_no_delete",
                    "DELETE FROM log_keys",
                ] {
                    sqlx::query(s).execute(&mut conn).await.unwrap();
                }
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                for s in [
                    "ALTER TABLE log_keys DISABLE TRIGGER log_keys_append_only",
                    "DELETE FROM log_keys",
                ] {
                    sqlx::query(s).execute(&mut conn).await.unwrap();
                }
            }
        }
    }

    /// (exit code, stdout + stderr)
    fn verify(&self) -> (i32, String) {
        let out = self.run(&["log", "verify"]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    /// Runs SQL as the attacker would, with the append-only guard lifted.
    async fn tamper(&self, statements: &[String]) {
        match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
                for guard in ["log_entries_no_update", "log_entries_no_delete"] {
                    sqlx::query(&format!("DROP TRIGGER IF EXISTS {guard}"))
                        .execute(&mut conn)
                        .await
                        .unwrap();
                }
                for s in statements {
                    sqlx::query(s).execute(&mut conn).await.unwrap();
                }
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                sqlx::query("ALTER TABLE log_entries DISABLE TRIGGER log_entries_append_only")
                    .execute(&mut conn)
                    .await
                    .unwrap();
                for s in statements {
                    sqlx::query(s).execute(&mut conn).await.unwrap();
                }
            }
        }
    }

    fn blob(&self, bytes: &[u8]) -> String {
        match self.backend {
            Backend::Sqlite => format!("X'{}'", hex::encode(bytes)),
            Backend::Postgres => format!("'\\x{}'::bytea", hex::encode(bytes)),
        }
    }

    async fn entry(&self, index: u64) -> LogEntry {
        let store = pocdir_store::open(
            &self.url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap();
        store
            .log_entries(index, index + 1)
            .await
            .unwrap()
            .remove(0)
            .entry
    }

    async fn drop_db(&self) {
        if let Some(name) = &self.pg_name {
            let mut conn = sqlx::PgConnection::connect(&admin_url()).await.unwrap();
            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await
                .unwrap();
        }
    }
}

/// Five entries, heads signed at sizes 3 and 5.
async fn five_entries(backend: Backend) -> Install {
    let i = Install::new(backend).await;
    for n in 0..3 {
        i.create_account(n);
    }
    i.sign_head();
    for n in 3..5 {
        i.create_account(n);
    }
    i.sign_head();
    let (code, text) = i.verify();
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("log intact: 5 entries, 2 signed heads"),
        "{text}"
    );
    i
}

fn output_text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every file and folder under `dir`, at any depth.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                todo.push(path.clone());
            }
            found.push(path);
        }
    }
    found
}

fn assert_caught(case: &str, (code, text): (i32, String), first_bad: u64) {
    assert_eq!(code, 1, "{case}: {text}");
    assert!(text.contains("TAMPERED"), "{case}: {text}");
    assert!(
        text.contains(&format!("first bad entry: {first_bad}")),
        "{case}: {text}"
    );
}

async fn tamper_cases(backend: Backend) {
    // An edited row.
    let i = five_entries(backend).await;
    i.tamper(&["UPDATE log_entries SET action = 'account.delete' WHERE idx = 1".into()])
        .await;
    assert_caught("edit", i.verify(), 1);
    i.drop_db().await;

    // An edited row whose leaf hash was recomputed to match: the signed head at 3 catches it.
    let i = five_entries(backend).await;
    let mut e = i.entry(4).await;
    e.object = "account:999".into();
    let leaf = i.blob(&e.leaf_hash());
    i.tamper(&[format!(
        "UPDATE log_entries SET object = 'account:999', leaf_hash = {leaf} WHERE idx = 4"
    )])
    .await;
    assert_caught("edit with leaf", i.verify(), 3);
    i.drop_db().await;

    // A removed row.
    let i = five_entries(backend).await;
    i.tamper(&["DELETE FROM log_entries WHERE idx = 2".into()])
        .await;
    assert_caught("delete", i.verify(), 2);
    i.drop_db().await;

    // Two rows swapped (their contents and leaf hashes trade places).
    let i = five_entries(backend).await;
    let (a, b) = (i.entry(1).await, i.entry(2).await);
    let set = |e: &LogEntry, idx: u64, leaf: &str| {
        format!(
            "UPDATE log_entries SET object = '{}', content_hash = '{}', leaf_hash = {leaf} WHERE idx = {idx}",
            e.object, e.content_hash
        )
    };
    let (la, lb) = (i.blob(&a.leaf_hash()), i.blob(&b.leaf_hash()));
    i.tamper(&[set(&b, 1, &lb), set(&a, 2, &la)]).await;
    assert_caught("swap", i.verify(), 1);
    i.drop_db().await;

    // Truncated to 3, then regrown with other entries.
    let i = five_entries(backend).await;
    i.tamper(&[
        "DELETE FROM log_entries WHERE idx >= 3".into(),
        "UPDATE log_state SET next_index = 3".into(),
    ])
    .await;
    assert_caught("truncate", i.verify(), 3);
    for n in 10..12 {
        i.create_account(n);
    }
    assert_caught("truncate and regrow", i.verify(), 3);
    i.drop_db().await;

    // A head forged with another key.
    let i = five_entries(backend).await;
    let forger = ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]);
    let head = sign_head(&forger, 4, &[0u8; 32], 1_700_000_000);
    i.tamper(&[format!(
        "INSERT INTO tree_heads (tree_size, root_hash, timestamp, signature, key_id) VALUES (4, '{}', {}, '{}', '{}')",
        head.root_hash, head.timestamp, head.signature, head.key_id
    )])
    .await;
    let (code, text) = i.verify();
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("signed head at size 4 does not verify"),
        "{text}"
    );
    i.drop_db().await;

    // An export verifies offline, with the key given separately.
    let i = five_entries(backend).await;
    let out = i.data.join("export.jsonl");
    assert!(i
        .run(&["log", "export", "--out", out.to_str().unwrap()])
        .status
        .success());
    let key = i.published_key();
    let file_verify = |path: &Path| {
        Command::new(BIN)
            .args(["log", "verify", "--file"])
            .arg(path)
            .args(["--key", &key])
            .output()
            .unwrap()
    };
    assert!(file_verify(&out).status.success());
    let text = std::fs::read_to_string(&out)
        .unwrap()
        .replace("account.create", "account.delete");
    std::fs::write(&out, text).unwrap();
    assert_eq!(file_verify(&out).status.code(), Some(1));
    i.drop_db().await;
}

#[tokio::test]
async fn tampering_is_caught_on_sqlite() {
    tamper_cases(Backend::Sqlite).await;
}

#[tokio::test]
async fn tampering_is_caught_on_postgres() {
    tamper_cases(Backend::Postgres).await;
}

/// An auditor with read access to the database only: no data folder, no
/// secrets, an empty working folder that must stay empty.
async fn auditor_cases(backend: Backend) {
    let i = five_entries(backend).await;
    let key = i.published_key();
    let cwd = tempfile::tempdir().unwrap();
    let empty = |when: &str| {
        let found = files_under(cwd.path());
        assert!(found.is_empty(), "{when}: {backend:?} wrote {found:?}");
    };

    // An intact log verifies with the key the log records.
    let (code, text) = i.audit(cwd.path(), &["log", "verify"]);
    assert_eq!(code, 0, "{backend:?}: {text}");
    assert!(
        text.contains("log intact: 5 entries, 2 signed heads"),
        "{text}"
    );
    empty("verify");

    // Pinned to the published key: the same answer.
    let (code, text) = i.audit(cwd.path(), &["log", "verify", "--key", &key]);
    assert_eq!(code, 0, "{text}");
    empty("verify --key");

    // Pinned to another key: the pinned key wins over what the database says.
    let other =
        encode_public_key(&ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]).verifying_key());
    let (code, text) = i.audit(cwd.path(), &["log", "verify", "--key", &other]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("TAMPERED"), "{text}");
    assert!(text.contains("does not verify"), "{text}");
    empty("verify --key other");

    // The key and the export come from the database too, read-only.
    let (code, text) = i.audit(cwd.path(), &["log", "key"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(&key), "{text}");
    empty("key");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("export.jsonl");
    let (code, text) = i.audit(
        cwd.path(),
        &["log", "export", "--out", file.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{text}");
    assert!(std::fs::read_to_string(&file).unwrap().contains(&key));
    empty("export");

    // No database at the default place: cannot check, and nothing created.
    let plain = Command::new(BIN)
        .current_dir(cwd.path())
        .args(["log", "verify"])
        .env_remove("POCDIR_DATA_DIR")
        .env_remove("POCDIR_DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(2), "{}", output_text(&plain));
    empty("verify without a database");

    // A head signed by another key is still tampering.
    let forger = ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]);
    let head = sign_head(&forger, 4, &[0u8; 32], 1_700_000_000);
    i.tamper(&[format!(
        "INSERT INTO tree_heads (tree_size, root_hash, timestamp, signature, key_id) VALUES (4, '{}', {}, '{}', '{}')",
        head.root_hash, head.timestamp, head.signature, head.key_id
    )])
    .await;
    let (code, text) = i.audit(cwd.path(), &["log", "verify"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("signed head at size 4 does not verify"),
        "{text}"
    );
    empty("verify of a forged head");
    i.drop_db().await;

    // No key to be found: cannot check (2), not tampered; --key still works.
    let i = five_entries(backend).await;
    let key = i.published_key();
    i.forget_key().await;
    let (code, text) = i.audit(cwd.path(), &["log", "verify"]);
    assert_eq!(code, 2, "{text}");
    assert!(!text.contains("TAMPERED"), "{text}");
    assert!(
        text.contains("cannot check") && text.contains("--key"),
        "{text}"
    );
    let (code, text) = i.audit(cwd.path(), &["log", "verify", "--key", &key]);
    assert_eq!(code, 0, "{text}");
    empty("verify without a recorded key");
    i.drop_db().await;
}

#[tokio::test]
async fn an_auditor_needs_only_the_database_on_sqlite() {
    auditor_cases(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_auditor_needs_only_the_database_on_postgres() {
    auditor_cases(Backend::Postgres).await;
}

impl Install {
    fn key_file(&self) -> PathBuf {
        self.data.join("secrets").join("log-signing.key")
    }

    /// Starts `serve`: `(true, …)` once it listens (then stopped), `(false,
    /// what it printed)` when it exits first.
    fn try_serve(&self) -> (bool, String) {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(&self.data)
            .arg("--database-url")
            .arg(&self.url)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut listening = false;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.contains("is listening on") {
                listening = true;
                break;
            }
        }
        if listening {
            let _ = child.kill();
            let _ = child.wait();
            return (true, String::new());
        }
        // stdout closed: the process has exited.
        let out = child.wait_with_output().unwrap();
        (false, output_text(&out))
    }

    /// Keeps a head for `size` entries signed by `key`, with the true root.
    async fn keep_head(&self, key: &ed25519_dalek::SigningKey, size: u64) {
        let store = pocdir_store::open(
            &self.url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap();
        let mut tree = pocdir_domain::log::merkle::MerkleTree::new();
        for h in store.log_leaf_hashes(0, size).await.unwrap() {
            tree.push_leaf_hash(h);
        }
        let head = sign_head(key, size, &tree.root_at(size).unwrap(), 1_700_000_000);
        store.store_tree_head(&head).await.unwrap();
    }
}

/// A fresh install starts (and makes its key); a log signed before whose
/// key file is gone stops `serve` and `log sign-head`, saying how to
/// restore the key or start a new one; `log rotate-key` then starts a new
/// key deliberately, and the log verifies with the keys it records.
async fn lost_key_cases(backend: Backend) {
    let fresh = Install::new(backend).await;
    let (started, text) = fresh.try_serve();
    assert!(started, "a fresh install starts: {text}");
    assert!(fresh.key_file().exists());
    fresh.drop_db().await;

    let i = five_entries(backend).await;
    let old = i.published_key();
    std::fs::remove_file(i.key_file()).unwrap();
    let (started, text) = i.try_serve();
    assert!(!started, "refused without the key");
    for needle in [
        "log-signing.key",
        "backup of the secrets folder",
        "pocdir log rotate-key",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    let out = i.run(&["log", "sign-head"]);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("rotate-key"),
        "{}",
        output_text(&out)
    );
    assert!(!i.key_file().exists(), "no key was made");

    let out = i.run(&["log", "rotate-key"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("No old key"),
        "{}",
        output_text(&out)
    );
    let (started, text) = i.try_serve();
    assert!(started, "starts with the new key: {text}");
    i.create_account(5);
    i.sign_head();
    let (code, text) = i.verify();
    assert_eq!(code, 0, "{text}");
    // The server may have signed a head of its own: the count varies.
    assert!(text.contains("log intact:"), "{text}");
    // Pinned to the old key, nothing links it to the new one: not trusted.
    let (code, text) = i.audit(Path::new("/"), &["log", "verify", "--key", &old]);
    assert_eq!(code, 1, "{text}");
    i.drop_db().await;
}

#[tokio::test]
async fn a_lost_log_key_stops_the_start_on_sqlite() {
    lost_key_cases(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_lost_log_key_stops_the_start_on_postgres() {
    lost_key_cases(Backend::Postgres).await;
}

/// `log rotate-key` with the old key there: heads before verify with the
/// old key, after with the new, whichever of them the auditor pins; the
/// rotation is an entry of the log; a head by an unknown key still fails.
async fn rotation_cases(backend: Backend) {
    let i = five_entries(backend).await;
    let old = i.published_key();
    let out = i.run(&["log", "rotate-key"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("endorsed by the old key"),
        "{}",
        output_text(&out)
    );
    let new = i.published_key();
    assert_ne!(old, new);
    assert_eq!(i.entry(5).await.action, "log.key_rotate");
    i.create_account(5);
    i.sign_head();
    let (code, text) = i.verify();
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("log intact: 7 entries, 3 signed heads"),
        "{text}"
    );
    for key in [&old, &new] {
        let (code, text) = i.audit(Path::new("/"), &["log", "verify", "--key", key]);
        assert_eq!(code, 0, "{text}");
    }
    // An export carries the rotation and verifies offline with either key.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("log.jsonl");
    let out = i.run(&["log", "export", "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", output_text(&out));
    for key in [&old, &new] {
        let out = Command::new(BIN)
            .args(["log", "verify", "--file"])
            .arg(&file)
            .args(["--key", key])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", output_text(&out));
    }
    let (started, text) = i.try_serve();
    assert!(started, "starts with the rotated key: {text}");

    // A head signed by a key the log never had.
    let unknown = ed25519_dalek::SigningKey::from_bytes(&[11u8; 32]);
    i.keep_head(&unknown, 6).await;
    let (code, text) = i.verify();
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("signed head at size 6 does not verify"),
        "{text}"
    );
    i.drop_db().await;
}

#[tokio::test]
async fn rotate_key_then_verify_passes_on_sqlite() {
    rotation_cases(Backend::Sqlite).await;
}

#[tokio::test]
async fn rotate_key_then_verify_passes_on_postgres() {
    rotation_cases(Backend::Postgres).await;
}

/// A `pocdir serve --demo` process, killed on drop.
struct Demo {
    child: std::process::Child,
    url: String,
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Install {
    /// Starts the demo on this installation and waits until it listens.
    fn serve_demo(&self) -> Demo {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(BIN)
            .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(&self.data)
            .arg("--database-url")
            .arg(&self.url)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        // Read on until the end, so that the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(at) = line.find("is listening on http://") {
                    let addr = line[at + "is listening on http://".len()..]
                        .trim_end_matches('/')
                        .to_string();
                    let _ = tx.send(addr);
                }
            }
        });
        let addr = rx
            .recv_timeout(std::time::Duration::from_secs(120))
            .expect("the demo did not start");
        Demo {
            child,
            url: format!("http://{addr}"),
        }
    }

    /// `pocdir state-proof` for Pakistan, as its nominator runs it: in
    /// `cwd`, with an API token and nothing of the server's.
    fn state_proof(&self, demo: &Demo, cwd: &Path, token: &str) -> (i32, String) {
        let out = Command::new(BIN)
            .current_dir(cwd)
            .env("POCDIR_TOKEN", token)
            .args(["state-proof", "--url", &demo.url, "--participant", "PAK"])
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), output_text(&out))
    }
}

/// `pocdir state-proof` on the demo: exit 0 and the report on the intact
/// log; after one row about Pakistan is edited in the database, exit 1
/// naming that entry.
async fn state_proof_cases(backend: Backend) {
    let i = Install::new(backend).await;
    let demo = i.serve_demo();
    let out = i.run(&[
        "account",
        "token",
        "--email",
        "nominator@mofa.pk.example.org",
        "--scope",
        "read",
    ]);
    assert!(out.status.success(), "{}", output_text(&out));
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let cwd = tempfile::tempdir().unwrap();

    let (code, text) = i.state_proof(&demo, cwd.path(), &token);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("all holds"), "{text}");
    assert!(
        text.contains("who read its PoCs' details:\n  FRA: "),
        "{text}"
    );
    assert!(cwd.path().join("state-proof-PAK.json").exists());

    let approved: i64 = match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&i.url).await.unwrap();
            sqlx::query_scalar("SELECT min(idx) FROM log_entries WHERE action = 'poc.approve' AND participant = 'PAK'")
                .fetch_one(&mut conn)
                .await
                .unwrap()
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&i.url).await.unwrap();
            sqlx::query_scalar("SELECT min(idx) FROM log_entries WHERE action = 'poc.approve' AND participant = 'PAK'")
                .fetch_one(&mut conn)
                .await
                .unwrap()
        }
    };
    i.tamper(&[format!(
        "UPDATE log_entries SET object = 'poc:999' WHERE idx = {approved}"
    )])
    .await;
    let (code, text) = i.state_proof(&demo, cwd.path(), &token);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!(
            "DISCREPANCY: entry {approved} (poc.approve poc:999 at "
        )),
        "{text}"
    );
    drop(demo);
    i.drop_db().await;
}

#[tokio::test]
async fn a_state_proves_the_demo_and_names_an_edited_row_on_sqlite() {
    state_proof_cases(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_state_proves_the_demo_and_names_an_edited_row_on_postgres() {
    state_proof_cases(Backend::Postgres).await;
}
