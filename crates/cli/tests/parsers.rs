//! Fuzzing of the binary's parsers of outside input, as property tests on
//! the stable toolchain: the configuration (`pocdir.toml` and `POCDIR_*`
//! variables) and log export files (`pocdir log verify --file`).
//!
//! The property: never a panic; either a typed error, or a value that
//! holds up (a configuration whose every duration can be used without
//! overflow, a verification report that counts the file's entries).
//! `POCDIR_FUZZ_CASES` raises the number of cases; failing seeds go to
//! `tests/proptest-regressions/parsers.txt` (committed) and the inputs to
//! `tests/corpus/<parser>/`, replayed by `corpus_replays`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::result_large_err // figment's Jail API returns its own error type
)]

use ed25519_dalek::SigningKey;
use pocdir::config::{Config, Overrides};
use pocdir::log_commands::{verify_file, VerifyFailure};
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::{encode_public_key, sign_head};
use pocdir_domain::log::merkle::MerkleTree;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;
use std::path::Path;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2027-01-15 12:00 UTC);
// Absolute: figment's jail moves the working directory.
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/proptest-regressions/parsers.txt"
);

fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("POCDIR_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..ProptestConfig::default()
    }
}

// ------------------------------------------------------------ configuration

/// Loads `toml` as `pocdir.toml` with `env` set, in a jail. A configuration
/// that loads must be usable: every duration in it is added to a date the
/// way the server does.
fn check_config(toml: &str, env: &[(String, String)]) {
    figment::Jail::expect_with(|jail| {
        jail.create_file("pocdir.toml", toml)?;
        for (k, v) in env {
            jail.set_env(k, v);
        }
        match Config::load(None, Overrides::default()) {
            Err(e) => assert!(!e.to_string().is_empty()),
            Ok(c) => {
                let web = c.web();
                let exp = web.sessions.absolute_expiry(NOW, true);
                let _ = web.sessions.absolute_expiry(NOW, false);
                let _ = web.sessions.state(exp, NOW, NOW);
                let _ = web.throttle.window_start(NOW);
                // The longest token a user may ask for.
                let _ = NOW + time::Duration::days(c.max_token_days);
                let policy = c.revalidation_policy();
                let due = policy.due_date(NOW);
                for d in &policy.remind_days_before {
                    let _ = due - time::Duration::days(*d);
                }
                let _ = c.database_url();
                let _ = c.base_url(c.listen);
                let debug = format!("{c:?}");
                assert!(!debug.contains("hunter2"), "a password in {debug}");
            }
        }
        Ok(())
    });
}

const KEYS: [&str; 28] = [
    "data_dir",
    "listen",
    "database_url",
    "cookie_secure",
    "hsts",
    "trusted_proxies",
    "max_token_days",
    "max_body_bytes",
    "session_idle_minutes",
    "session_absolute_hours",
    "login_max_failures_per_account",
    "login_max_failures_per_address",
    "login_window_minutes",
    "sweep_seconds",
    "log_sign_seconds",
    "log",
    "revalidation_days",
    "revalidation_reminder_days",
    "revalidation_check_seconds",
    "smtp_url",
    "mail_from",
    "mail_send_seconds",
    "base_url",
    // Typos and near misses.
    "lsten",
    "Listen",
    "\"listen\"",
    "trusted_proxies.0",
    "[server]",
];

fn toml_values() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (-3i64..3).prop_map(|n| n.to_string()),
        proptest::sample::select(vec![
            "9223372036854775807",
            "-9223372036854775808",
            "18446744073709551615",
            "106751991167301",
            "153722867280912930",
            "0",
            "1e309",
            "nan",
            "true",
            "\"true\"",
            "1979-05-27T07:32:00Z",
            "\"127.0.0.1:8080\"",
            "\"[::1]:0\"",
            "\"localhost\"",
            "\"\"",
            "\"postgres://u:hunter2@db/x\"",
            "\"sqlite://:memory:\"",
            "\"smtps://user:hunter2@relay:465\"",
            "\"https://pocdir.example.org/\"",
            "\"pocdir=debug,[\"",
            "[]",
            "[1, 2]",
            "[-1]",
            "[\"10.0.0.1\", \"::1\"]",
            "[\"10.0.0.0/8\"]",
            "{ a = 1 }",
            "\"\\u0000\"",
            "'''\nmulti\n'''",
        ])
        .prop_map(String::from),
        "\"[\\PC]{0,20}\"",
    ]
}

fn toml_files() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(
            (proptest::sample::select(KEYS.to_vec()), toml_values()),
            0..6,
        ),
        proptest::option::of(("[=\\[\\]\"#\n ]", any::<Index>())),
    )
        .prop_map(|(pairs, junk)| {
            let mut text: String = pairs.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
            if let Some((c, at)) = junk {
                let chars: Vec<char> = text.chars().collect();
                let p = at.index(chars.len() + 1);
                text = chars[..p].iter().collect::<String>()
                    + &c
                    + &chars[p..].iter().collect::<String>();
            }
            text
        })
}

fn env_vars() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec(
        (
            proptest::sample::select(KEYS[..23].to_vec())
                .prop_map(|k| format!("POCDIR_{}", k.to_ascii_uppercase())),
            prop_oneof![toml_values(), "[\\PC]{0,12}",],
        ),
        0..3,
    )
}

// ------------------------------------------------------------- log exports

/// Verifies an export file's bytes. A file that verifies has every entry
/// line counted; nothing panics.
fn check_export(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.jsonl");
    std::fs::write(&path, bytes).unwrap();
    match verify_file(&path, None) {
        Ok(report) => {
            let text = String::from_utf8_lossy(bytes);
            let entries = text
                .lines()
                .filter(|l| l.contains("\"type\":\"entry\""))
                .count() as u64;
            assert_eq!(report.entries, entries);
        }
        Err(VerifyFailure::Tampered(t)) => {
            let _ = t.first_bad_index();
            assert!(!t.to_string().is_empty());
        }
        Err(VerifyFailure::Error(e)) => assert!(!e.to_string().is_empty()),
    }
}

/// A genuine export of `n` entries with a head every few entries, as
/// `pocdir log export` writes it.
fn export_file(n: u64, heads_every: u64) -> Vec<u8> {
    let key = SigningKey::from_bytes(&[5u8; 32]);
    let mut lines = vec![serde_json::json!({
        "type": "key",
        "algorithm": "Ed25519",
        "public_key": encode_public_key(&key.verifying_key()),
    })];
    let mut tree = MerkleTree::new();
    let mut heads = Vec::new();
    for i in 0..n {
        let entry = LogEntry {
            index: i,
            at: 1_700_000_000 + i as i64,
            actor_account_id: Some(1),
            actor_kind: "secretariat".into(),
            actor_participant: None,
            action: "poc.read".into(),
            object: format!("poc:{i}"),
            participant: Some("PAK".into()),
            content_hash: String::new(),
        };
        let leaf = entry.leaf_hash();
        tree.push_leaf_hash(leaf);
        let mut line = serde_json::to_value(&entry).unwrap();
        line["type"] = "entry".into();
        line["leaf_hash"] = hex::encode(leaf).into();
        lines.push(line);
        if (i + 1) % heads_every == 0 {
            heads.push(sign_head(&key, i + 1, &tree.root(), 1_700_000_500));
        }
    }
    for h in heads {
        let mut line = serde_json::to_value(&h).unwrap();
        line["type"] = "head".into();
        lines.push(line);
    }
    lines
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect::<String>()
        .into_bytes()
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, &'static str),
    Delete(Index, usize),
    SwapLines(Index, Index),
    DropLine(Index),
    Truncate(Index),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let nasty = proptest::sample::select(vec![
        "\"",
        ",",
        "}",
        "{",
        "\n",
        "0",
        "9",
        "-",
        "null",
        "\"type\":\"head\",",
        "\u{feff}",
        "\0",
    ]);
    proptest::collection::vec(
        prop_oneof![
            (any::<Index>(), nasty).prop_map(|(i, s)| Edit::Insert(i, s)),
            (any::<Index>(), 1usize..8).prop_map(|(i, n)| Edit::Delete(i, n)),
            (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
            any::<Index>().prop_map(Edit::DropLine),
            any::<Index>().prop_map(Edit::Truncate),
        ],
        0..4,
    )
}

fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect()
}

fn mutate(bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = bytes;
    for e in edits {
        let len = bytes.len();
        let at = |i: &Index| i.index(len + 1);
        match e {
            Edit::Insert(i, s) => {
                let p = at(i);
                bytes.splice(p..p, s.bytes());
            }
            Edit::Delete(i, n) => {
                let p = at(i);
                bytes.drain(p..(p + n).min(len));
            }
            Edit::Truncate(i) => bytes.truncate(at(i)),
            Edit::SwapLines(a, b) => {
                let mut lines = split_lines(&bytes);
                let (x, y) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(x, y);
                bytes = lines.join(&b'\n');
            }
            Edit::DropLine(a) => {
                let mut lines = split_lines(&bytes);
                lines.remove(a.index(lines.len()));
                bytes = lines.join(&b'\n');
            }
        }
    }
    bytes
}

// -------------------------------------------------------------- properties

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn configuration_files_load_to_a_usable_config_or_an_error(
        toml in toml_files(),
        env in env_vars(),
    ) {
        check_config(&toml, &env);
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn log_export_files_verify_or_fail_with_a_reason(
        n in 0u64..20,
        every in 1u64..6,
        e in edits(),
    ) {
        let genuine = export_file(n, every);
        if e.is_empty() {
            let path = tempfile::NamedTempFile::new().unwrap();
            std::fs::write(path.path(), &genuine).unwrap();
            prop_assert_eq!(verify_file(path.path(), None).map(|r| r.entries).ok(), Some(n));
        }
        check_export(&mutate(genuine, &e));
    }

    #[test]
    fn arbitrary_bytes_as_a_log_export(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check_export(&bytes);
    }
}

// ------------------------------------------------------------------ corpus

/// `tests/corpus/config/*.toml` (with `POCDIR_…=…` lines after a line
/// `# env`) and `tests/corpus/log_export/*` run through the same checks.
#[test]
fn corpus_replays() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut failed = Vec::new();
    let mut seen = 0;
    for parser in ["config", "log_export"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(parser))
            .unwrap()
            .map(|f| f.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let run = std::panic::catch_unwind(|| match parser {
                "config" => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let (toml, env) = text.split_once("# env\n").unwrap_or((&text, ""));
                    let env: Vec<(String, String)> = env
                        .lines()
                        .filter_map(|l| l.split_once('='))
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect();
                    check_config(toml, &env);
                }
                _ => check_export(&bytes),
            });
            if run.is_err() {
                failed.push(file.display().to_string());
            }
            seen += 1;
        }
    }
    assert!(seen > 0);
    assert!(failed.is_empty(), "corpus files that fail: {failed:#?}");
}
