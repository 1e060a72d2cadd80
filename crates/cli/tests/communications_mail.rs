//! Mail exactly once with real processes: two `pocdir serve` instances on
//! one PostgreSQL, both sending mail to the real SMTP peer
//! (`crates/testkit/smtp_sink.py`), and one urgent notification to many
//! PoCs: each recipient gets exactly one mail.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_communications::{Communications, Compose, Settings};
use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::clock::{Clock, SystemClock};
use pocdir_domain::communication::delivery::{AckDeadlines, Addressing, RoleChoice};
use pocdir_domain::communication::template::TemplateDraft;
use pocdir_domain::directory::poc::{PocDraft, PocRole};
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_store::postgres::PostgresStore;
use pocdir_store::{NewAccount, Store};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

const BIN: &str = env!("CARGO_BIN_EXE_pocdir");
/// PoCs of France the notification reaches.
const RECIPIENTS: usize = 300;

/// A fresh database on the test PostgreSQL; its URL.
async fn postgres_url() -> String {
    use sqlx::Connection;
    let admin = std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let bytes: [u8; 4] = pocdir_domain::entropy::random_bytes(&pocdir_domain::entropy::OsEntropy);
    let name = format!(
        "pocdir_twoserve_{}_{}",
        std::process::id(),
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
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

/// The real SMTP peer on a free port, each message a JSON file in `folder`.
struct Sink {
    port: u16,
    folder: tempfile::TempDir,
    child: Child,
}

impl Sink {
    fn start() -> Sink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let folder = tempfile::tempdir().unwrap();
        let script: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "testkit", "smtp_sink.py"]
            .iter()
            .collect();
        let child = Command::new("python3")
            .arg(script)
            .arg("--port")
            .arg(port.to_string())
            .arg("--folder")
            .arg(folder.path())
            .stdout(Stdio::null())
            .spawn()
            .expect("python3 runs the SMTP peer (pip install aiosmtpd)");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(15), "no SMTP peer");
            std::thread::sleep(Duration::from_millis(50));
        }
        Sink {
            port,
            folder,
            child,
        }
    }

    /// The recipient of each message received.
    fn recipients(&self) -> Vec<String> {
        std::fs::read_dir(self.folder.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|p| {
                let v: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                v["rcpt_tos"][0].as_str().unwrap().to_string()
            })
            .collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `pocdir serve` process; what it printed is kept for the report.
struct Server {
    child: Child,
    printed: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(data: &Path, database_url: &str, smtp_url: &str) -> Server {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .env("POCDIR_DATABASE_URL", database_url)
        .env("POCDIR_SMTP_URL", smtp_url)
        .env("POCDIR_MAIL_SEND_SECONDS", "1")
        .env("POCDIR_MAIL_FROM", "pocdir <pocdir@pocdir.example.org>")
        .env("POCDIR_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let printed = Arc::new(Mutex::new(Vec::new()));
    // The server's log (stderr), kept to see which instance sent what.
    let keep = printed.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            keep.lock().unwrap().push(line);
        }
    });
    let (tx, rx) = std::sync::mpsc::channel();
    let keep = printed.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.contains("is listening on") {
                let _ = tx.send(());
            }
            keep.lock().unwrap().push(line);
        }
    });
    let server = Server { child, printed };
    if rx.recv_timeout(Duration::from_secs(60)).is_err() {
        panic!("server did not start: {:?}", server.printed.lock().unwrap());
    }
    server
}

/// Without terminal colour codes.
fn plain(line: &str) -> String {
    let mut out = String::new();
    let mut in_escape = false;
    for c in line.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

/// How many mails a server's log says it sent (`job=mail-sender … done=sent=N …`).
fn sent_by(server: &Server) -> u64 {
    let mut total = 0;
    for line in server.printed.lock().unwrap().iter().map(|l| plain(l)) {
        if !line.contains("mail-sender") {
            continue;
        }
        for (at, _) in line.match_indices("sent=") {
            if at > 0 && !matches!(line.as_bytes()[at - 1], b'=' | b' ') {
                continue; // "resent="
            }
            let digits: String = line[at + "sent=".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            total += digits.parse::<u64>().unwrap_or(0);
        }
    }
    total
}

/// The servers run on the system clock; so does the set-up.
fn now() -> OffsetDateTime {
    SystemClock.now()
}

fn draft(action: LogAction) -> LogDraft {
    LogDraft::new(now(), LogActor::console(), action, "x".to_string())
}

async fn account(store: &dyn Store, email: &str, kind: AccountKind, state: &str) -> Requester {
    let a = store
        .create_account(
            NewAccount {
                email: email.to_string(),
                kind,
                participant: Some(state.to_string()),
                display_name: email.to_string(),
                password_hash: "$argon2id$x".to_string(),
                totp_secret: None,
                totp_enrolled: false,
                demo: false,
                password_change_required: false,
                created_at: now(),
            },
            draft(LogAction::AccountCreate),
        )
        .await
        .unwrap();
    Requester {
        actor: Actor {
            account_id: a.id,
            kind,
            participant: Some(ParticipantCode::parse(state).unwrap()),
            scopes: Scopes {
                read: true,
                write: true,
            },
        },
        log: a.log_actor(),
    }
}

/// A verified PoC entry: the State takes part from then on.
async fn participating(store: &dyn Store, state: &str) {
    let now = now();
    let details = PocDraft {
        role: "technical".to_string(),
        name: format!("CERT-{state}"),
        organisation: "CERT".to_string(),
        emails: vec![format!("cert@{}.example", state.to_lowercase())],
        languages: vec!["en".to_string()],
        time_zone: "UTC".to_string(),
        hours: "24/7".to_string(),
        ..PocDraft::default()
    }
    .validate(now)
    .unwrap();
    let poc = store
        .propose_poc(
            state,
            PocRole::Technical,
            &serde_json::to_string(&details).unwrap(),
            None,
            now,
            draft(LogAction::PocPropose),
        )
        .await
        .unwrap();
    store
        .decide_poc(
            poc.id,
            poc.version,
            true,
            None,
            None,
            now,
            draft(LogAction::PocApprove),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_mail_each_recipient_once() {
    let database_url = postgres_url().await;
    let sink = Sink::start();
    let smtp_url = format!("smtp://127.0.0.1:{}", sink.port);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // One deployment, two instances: the same secrets, the same database.
    let a = serve(&data, &database_url, &smtp_url);
    let b = serve(&data, &database_url, &smtp_url);

    // The key file the two instances share (made by the first).
    let keys = pocdir::sealing_keys::load_existing(&data).unwrap().unwrap();
    let store = PostgresStore::open(&database_url, keys).await.unwrap();
    participating(&store, "PAK").await;
    participating(&store, "FRA").await;
    let sender = account(&store, "cert@pak.example", AccountKind::TechnicalPoc, "PAK").await;
    for i in 0..RECIPIENTS {
        let kind = if i % 3 == 0 {
            AccountKind::DiplomaticPoc
        } else {
            AccountKind::TechnicalPoc
        };
        account(&store, &format!("poc{i:03}@fra.example"), kind, "FRA").await;
    }
    let settings = Settings {
        deadlines: AckDeadlines::default(),
        base_url: "https://pocdir.example.org".to_string(),
    };
    let clock = SystemClock;
    Communications::new(&store, &clock, &settings)
        .send(
            &sender,
            Compose {
                template: TemplateDraft {
                    kind: "incident_notification".to_string(),
                    urgency: "urgent".to_string(),
                    tlp: "AMBER".to_string(),
                    subject: "Ransomware at the grid operator".to_string(),
                    sectors: vec!["energy".to_string()],
                    text: "Indicators follow.".to_string(),
                    text_language: "en".to_string(),
                    ..TemplateDraft::default()
                },
                to: Addressing::States {
                    states: vec!["FRA".to_string()],
                    roles: RoleChoice::Both,
                },
                attachments: Vec::new(),
            },
        )
        .await
        .unwrap();

    // Every mail arrives ...
    let started = Instant::now();
    while sink.recipients().len() < RECIPIENTS {
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "{} of {RECIPIENTS} mails arrived",
            sink.recipients().len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let took = started.elapsed();
    // ... and no second copy, however many more rounds both instances run.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    for r in sink.recipients() {
        *per.entry(r).or_insert(0) += 1;
    }
    assert_eq!(per.len(), RECIPIENTS);
    let twice: Vec<_> = per.iter().filter(|(_, n)| **n != 1).collect();
    assert!(twice.is_empty(), "received more than once: {twice:?}");
    let counts = pocdir_store::OutboxStore::mail_counts(&store)
        .await
        .unwrap();
    assert_eq!(counts.sent, i64::try_from(RECIPIENTS).unwrap());
    assert_eq!(counts.queued, 0);
    let (sent_a, sent_b) = (sent_by(&a), sent_by(&b));
    eprintln!("{RECIPIENTS} mails in {took:?}: instance a sent {sent_a}, instance b sent {sent_b}");
    assert_eq!(sent_a + sent_b, u64::try_from(RECIPIENTS).unwrap());
    assert!(sent_a > 0 && sent_b > 0, "both instances took part");
}
