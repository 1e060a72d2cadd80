//! `pocdir backup` and `pocdir restore` on real databases: a demo
//! installation backed up while its server runs, restored SQLite → SQLite,
//! PostgreSQL → PostgreSQL, SQLite → PostgreSQL and PostgreSQL → SQLite,
//! each checked by `log verify`, the count of every table, the same log
//! root as the source, sealed values that open with the restored keys and a
//! new account after the restore. And the refusals: a truncated or corrupt
//! file, the wrong age key, a non-empty target, a newer schema or format, a
//! load that fails half-way; nothing is left half-restored.
//!
//! Runs on both backends in one run (PostgreSQL at $POCDIR_TEST_POSTGRES_URL).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use age::secrecy::ExposeSecret;
use sha2::Digest;
use sqlx::Connection;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_pocdir");

fn admin_url() -> String {
    std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Backend {
    Sqlite,
    Postgres,
}

/// One installation: a data folder and a database (SQLite in the data
/// folder, or a new PostgreSQL database).
struct Install {
    backend: Backend,
    dir: tempfile::TempDir,
    data: PathBuf,
    pg: Option<(String, String)>,
}

impl Install {
    async fn new(backend: Backend) -> Install {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let pg = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let mut bytes = [0u8; 6];
                pocdir_domain::entropy::Entropy::fill(
                    &pocdir_domain::entropy::OsEntropy,
                    &mut bytes,
                );
                let name = format!("pocdir_backuptest_{}", hex::encode(bytes));
                let mut conn = sqlx::PgConnection::connect(&admin_url()).await.unwrap();
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let mut u = url::Url::parse(&admin_url()).unwrap();
                u.set_path(&name);
                Some((name, u.to_string()))
            }
        };
        Install {
            backend,
            dir,
            data,
            pg,
        }
    }

    fn args(&self) -> Vec<String> {
        let mut a = vec!["--data-dir".to_string(), self.data.display().to_string()];
        if let Some((_, url)) = &self.pg {
            a.push("--database-url".into());
            a.push(url.clone());
        }
        a
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .args(self.args())
            .env_remove("POCDIR_DATA_DIR")
            .env_remove("POCDIR_DATABASE_URL")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        text(&out)
    }

    /// `pocdir serve --demo` on this installation, until it listens.
    fn serve_demo(&self) -> Child {
        let mut child = Command::new(BIN)
            .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
            .args(self.args())
            .env("POCDIR_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        loop {
            let line = lines
                .next()
                .expect("the server stopped before listening")
                .unwrap();
            if line.contains("listening on") {
                break;
            }
        }
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        child
    }

    /// Rows of every table, straight from the database.
    async fn counts(&self) -> Vec<(String, i64)> {
        let tables_sql = match self.backend {
            Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_sqlx%' ESCAPE '\\' ORDER BY name",
            Backend::Postgres => "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx%' ORDER BY 1",
        };
        let mut out = Vec::new();
        match self.backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}", self.data.join("pocdir.db").display());
                let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
                let tables: Vec<(String,)> = sqlx::query_as(tables_sql)
                    .fetch_all(&mut conn)
                    .await
                    .unwrap();
                for (t,) in tables {
                    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM \"{t}\""))
                        .fetch_one(&mut conn)
                        .await
                        .unwrap();
                    out.push((t, n));
                }
            }
            Backend::Postgres => {
                let url = &self.pg.as_ref().unwrap().1;
                let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
                let tables: Vec<(String,)> = sqlx::query_as(tables_sql)
                    .fetch_all(&mut conn)
                    .await
                    .unwrap();
                for (t,) in tables {
                    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM \"{t}\""))
                        .fetch_one(&mut conn)
                        .await
                        .unwrap();
                    out.push((t, n));
                }
            }
        }
        out
    }

    fn db_exists(&self) -> bool {
        match self.backend {
            Backend::Sqlite => self.data.join("pocdir.db").exists(),
            Backend::Postgres => true,
        }
    }

    async fn drop_db(&self) {
        if let Some((name, _)) = &self.pg {
            let mut conn = sqlx::PgConnection::connect(&admin_url()).await.unwrap();
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await;
        }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn demo_email(data: &Path, kind: &str) -> String {
    let json = std::fs::read_to_string(data.join("demo-accounts.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == kind)
        .unwrap()["email"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A demo installation on `backend`, backed up (with its secrets) while its
/// server runs.
async fn demo_backup(backend: Backend) -> (Install, PathBuf) {
    let source = Install::new(backend).await;
    let mut server = source.serve_demo();
    let file = source.file("demo.pocdir-backup");
    let out = source.run(&[
        "backup",
        "--out",
        file.to_str().unwrap(),
        "--include-secrets",
    ]);
    let _ = server.kill();
    let _ = server.wait();
    assert!(out.status.success(), "{}", text(&out));
    // The sealing keys, the CSRF key, the log's signing key and the crisis packs' key.
    assert!(text(&out).contains("4 secret files"), "{}", text(&out));
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&file).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
    (source, file)
}

/// Restores `file` into a new installation on `target` and checks it
/// against `source`.
async fn restore_and_check(source: &Install, file: &Path, target: Backend) {
    let restored = Install::new(target).await;
    let out = restored.ok(&["restore", file.to_str().unwrap()]);
    assert!(out.contains("log verify: intact"), "{out}");
    assert!(out.contains("secret files restored"), "{out}");
    assert!(out.contains("crisis-pack.key.asc"), "{out}");
    // Every table in the database as restored has the backup's count.
    let restored_counts = restored.counts().await;
    for (table, n) in &restored_counts {
        assert!(
            out.contains(&format!("  {table}: {n} rows (backup: {n})")),
            "{table}: {n} not in {out}"
        );
    }
    let names: Vec<&str> = restored_counts.iter().map(|(t, _)| t.as_str()).collect();
    for t in [
        "accounts",
        "participants",
        "pocs",
        "communications",
        "ping_challenges",
        "log_entries",
    ] {
        let n = restored_counts
            .iter()
            .find(|(x, _)| x == t)
            .map(|(_, n)| *n);
        assert!(n.unwrap_or(0) > 0, "{t} is empty after restore ({names:?})");
    }
    // The restored log verifies on its own, with every entry of the backup.
    let verified = restored.ok(&["log", "verify"]);
    let entries: u64 = out
        .split("log_entries: ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        verified.contains(&format!("log intact: {entries} entries")),
        "{verified}"
    );
    // Sealed values open with the restored keys: a demo account's TOTP
    // secret is sealed.
    let email = demo_email(&source.data, "secretariat");
    restored.ok(&["account", "totp-code", "--email", &email]);
    // New rows get new ids (PostgreSQL's sequences moved past the restored ids).
    restored.ok(&[
        "account",
        "create",
        "--kind",
        "auditor",
        "--email",
        "after-restore@example.org",
    ]);
    restored.drop_db().await;
}

#[tokio::test]
async fn sqlite_backup_restores_into_sqlite_and_postgres() {
    let (source, file) = demo_backup(Backend::Sqlite).await;
    restore_and_check(&source, &file, Backend::Sqlite).await;
    restore_and_check(&source, &file, Backend::Postgres).await;
}

#[tokio::test]
async fn postgres_backup_restores_into_postgres_and_sqlite() {
    let (source, file) = demo_backup(Backend::Postgres).await;
    restore_and_check(&source, &file, Backend::Postgres).await;
    restore_and_check(&source, &file, Backend::Sqlite).await;
    source.drop_db().await;
}

/// A small installation (one account, the reference list of States, their
/// log entries) and its backup.
async fn small_backup(backend: Backend, extra: &[&str]) -> (Install, PathBuf) {
    let source = Install::new(backend).await;
    source.ok(&[
        "account",
        "create",
        "--kind",
        "secretariat",
        "--email",
        "sec@example.org",
    ]);
    let file = source.file("small.pocdir-backup");
    let mut args = vec!["backup", "--out", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    source.ok(&args);
    (source, file)
}

/// A restore that must be refused: its message says `why`, and the target
/// is left with no database (SQLite) or no table (PostgreSQL).
async fn refused(file: &Path, target: Backend, extra: &[&str], why: &str) {
    let t = Install::new(target).await;
    let mut args = vec!["restore", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = t.run(&args);
    assert!(!out.status.success(), "restore accepted: {}", text(&out));
    assert!(
        text(&out).to_lowercase().contains(why),
        "expected {why:?} in: {}",
        text(&out)
    );
    if target == Backend::Postgres || t.db_exists() {
        let left: Vec<(String, i64)> = t
            .counts()
            .await
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .collect();
        assert!(
            left.is_empty()
                || left
                    .iter()
                    .all(|(tb, _)| ["log_state", "directory_state", "seal_state"]
                        .contains(&tb.as_str())),
            "half-restored: {left:?}"
        );
    }
    assert!(
        !t.data.join("secrets").exists()
            || t.data.join("secrets").read_dir().unwrap().next().is_none()
    );
    t.drop_db().await;
}

#[tokio::test]
async fn truncated_and_corrupt_backups_are_refused() {
    let (_source, file) = small_backup(Backend::Sqlite, &[]).await;
    let bytes = std::fs::read(&file).unwrap();
    let cut = file.with_extension("cut");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    refused(&cut, Backend::Sqlite, &[], "truncated").await;
    let nearly = file.with_extension("nearly");
    std::fs::write(&nearly, &bytes[..bytes.len() - 1]).unwrap();
    refused(&nearly, Backend::Postgres, &[], "truncated").await;
    let mut flipped = bytes.clone();
    let i = flipped.len() / 2;
    flipped[i] ^= 0x20;
    let bad = file.with_extension("bad");
    std::fs::write(&bad, &flipped).unwrap();
    refused(&bad, Backend::Sqlite, &[], "corrupt").await;
    let junk = file.with_extension("junk");
    std::fs::write(&junk, b"not a backup at all").unwrap();
    refused(&junk, Backend::Sqlite, &[], "corrupt").await;
}

#[tokio::test]
async fn encrypted_backups_need_the_right_age_key() {
    let right = age::x25519::Identity::generate();
    let wrong = age::x25519::Identity::generate();
    let recipient = right.to_public().to_string();
    let (source, file) = small_backup(Backend::Sqlite, &["--age-recipient", &recipient]).await;
    let head = std::fs::read(&file).unwrap();
    assert!(head.starts_with(b"age-encryption.org/"));
    let right_file = source.file("right.key");
    std::fs::write(&right_file, right.to_string().expose_secret()).unwrap();
    let wrong_file = source.file("wrong.key");
    std::fs::write(&wrong_file, wrong.to_string().expose_secret()).unwrap();
    refused(&file, Backend::Sqlite, &[], "--age-identity").await;
    refused(
        &file,
        Backend::Sqlite,
        &["--age-identity", wrong_file.to_str().unwrap()],
        "not one the backup was encrypted to",
    )
    .await;
    let ok = Install::new(Backend::Sqlite).await;
    let out = ok.ok(&[
        "restore",
        file.to_str().unwrap(),
        "--age-identity",
        right_file.to_str().unwrap(),
    ]);
    assert!(out.contains("log verify: intact"), "{out}");
    // A recipient that is not one is refused before anything is written.
    let out = source.run(&[
        "backup",
        "--out",
        source.file("x").to_str().unwrap(),
        "--age-recipient",
        "age1nope",
    ]);
    assert!(!out.status.success());
    assert!(text(&out).contains("age recipient"), "{}", text(&out));
    assert!(!source.file("x").exists());
}

#[tokio::test]
async fn a_non_empty_target_is_refused_and_left_alone() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let (source, file) = small_backup(backend, &[]).await;
        let before = source.counts().await;
        let out = source.run(&["restore", file.to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(text(&out).contains("not empty"), "{}", text(&out));
        assert_eq!(source.counts().await, before);
        source.drop_db().await;
    }
}

#[tokio::test]
async fn secret_files_are_never_overwritten() {
    let (source, file) = small_backup(Backend::Sqlite, &["--include-secrets"]).await;
    let target = Install::new(Backend::Sqlite).await;
    std::fs::create_dir_all(target.data.join("secrets")).unwrap();
    std::fs::write(target.data.join("secrets/sealing.keys"), b"mine").unwrap();
    let out = target.run(&["restore", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out).contains("does not overwrite"), "{}", text(&out));
    assert_eq!(
        std::fs::read(target.data.join("secrets/sealing.keys")).unwrap(),
        b"mine"
    );
    assert!(!target.db_exists());
    drop(source);
}

/// A backup made by hand: the format with `header` and `body`, checksummed
/// and compressed as `pocdir backup` does.
fn crafted(path: &Path, header: serde_json::Value, body: &[u8]) {
    let json = serde_json::to_vec(&header).unwrap();
    let mut content = b"POCDIR-BACKUP\n".to_vec();
    content.extend_from_slice(&(json.len() as u32).to_be_bytes());
    content.extend_from_slice(&json);
    content.extend_from_slice(body);
    let digest = sha2::Sha256::digest(&content);
    content.extend_from_slice(&digest);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&content).unwrap();
    std::fs::write(path, gz.finish().unwrap()).unwrap();
}

fn text_value(s: &str) -> Vec<u8> {
    let mut v = vec![2u8];
    v.extend_from_slice(&(s.len() as u32).to_be_bytes());
    v.extend_from_slice(s.as_bytes());
    v
}

fn int_value(n: i64) -> Vec<u8> {
    let mut v = vec![1u8];
    v.extend_from_slice(&n.to_be_bytes());
    v
}

#[tokio::test]
async fn newer_schemas_and_formats_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer");
    crafted(
        &newer,
        serde_json::json!({"format": 1, "schema_version": 9999, "backend": "sqlite",
            "created_at": 0, "tables": [], "secrets": []}),
        b"",
    );
    refused(&newer, Backend::Sqlite, &[], "schema version 9999 is newer").await;
    refused(
        &newer,
        Backend::Postgres,
        &[],
        "schema version 9999 is newer",
    )
    .await;
    let format = dir.path().join("format");
    crafted(
        &format,
        serde_json::json!({"format": 2, "schema_version": 1, "backend": "sqlite",
            "created_at": 0, "tables": [], "secrets": []}),
        b"",
    );
    refused(&format, Backend::Sqlite, &[], "format 2 is newer").await;
}

#[tokio::test]
async fn a_load_that_fails_half_way_leaves_nothing() {
    // An intact file whose second table refers to an account that is not
    // there: the first table's row is loaded, then the load fails.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dangling");
    let mut body = Vec::new();
    body.extend(int_value(1));
    body.extend(text_value("a@example.org"));
    body.extend(text_value("auditor"));
    body.extend(text_value("A"));
    body.extend(text_value("x"));
    body.extend(int_value(0));
    body.extend(int_value(1));
    body.extend(int_value(999));
    body.extend(text_value("hash"));
    crafted(
        &file,
        serde_json::json!({"format": 1, "schema_version": 13, "backend": "sqlite",
            "created_at": 0, "secrets": [], "tables": [
            {"name": "accounts", "rows": 1, "columns": [
                {"name": "id", "type": "int"}, {"name": "email", "type": "text"},
                {"name": "kind", "type": "text"}, {"name": "display_name", "type": "text"},
                {"name": "password_hash", "type": "text"}, {"name": "created_at", "type": "int"}]},
            {"name": "recovery_codes", "rows": 1, "columns": [
                {"name": "id", "type": "int"}, {"name": "account_id", "type": "int"},
                {"name": "code_hash", "type": "text"}]}
        ]}),
        &body,
    );
    for backend in [Backend::Sqlite, Backend::Postgres] {
        refused(&file, backend, &[], "cannot restore").await;
    }
}

#[tokio::test]
async fn a_restore_makes_the_new_data_folder_its_sqlite_url_names() {
    // `--data-dir NEW --database-url sqlite://NEW/pocdir.db`, NEW not made
    // yet: what the README says for a move back from PostgreSQL.
    let (source, file) = small_backup(Backend::Sqlite, &["--include-secrets"]).await;
    let new = source.dir.path().join("new-folder");
    let url = format!("sqlite://{}?mode=rwc", new.join("pocdir.db").display());
    let out = Command::new(BIN)
        .args(["restore", file.to_str().unwrap(), "--data-dir"])
        .arg(&new)
        .args(["--database-url", &url])
        .env_remove("POCDIR_DATA_DIR")
        .env_remove("POCDIR_DATABASE_URL")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("log verify: intact"), "{}", text(&out));
    assert!(new.join("pocdir.db").exists());
    assert!(new.join("secrets").is_dir());
}
