//! Ping tests and their mail, end to end, on real stores, the real SMTP
//! peer (`crates/testkit/smtp_sink.py`, aiosmtpd) and a manual clock:
//!
//! - an ad hoc campaign's challenges reach the peer once each, with the
//!   one-time link in the recipient's language; the reminder after 24 h;
//!   an address the peer refuses for good makes the challenge
//!   undeliverable in the results (SQLite and PostgreSQL);
//! - two instances on one PostgreSQL database run the ping rounds and the
//!   mail sender at the same moments: every challenge and reminder reaches
//!   the peer exactly once (PostgreSQL only: two instances share a server
//!   database, not a SQLite file).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::directory::poc::{PocDraft, PocRole};
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::outbox::RetryPolicy;
use pocdir_domain::ping_test::campaign::{CampaignDraft, PingSettings};
use pocdir_domain::ping_test::challenge::{AnswerChannel, Outcome};
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_domain::seal::Keyring;
use pocdir_i18n::Lang;
use pocdir_jobs::mail::{send_once, MailSender, SmtpMailer};
use pocdir_jobs::ping_tests::{ping_round, PingTestRounds};
use pocdir_jobs::runner::{run_turn, Outcome as TurnOutcome};
use pocdir_jobs::JobContext;
use pocdir_ping_tests::mail::{
    challenge as challenge_mail, reminder as reminder_mail, ChallengeFacts,
};
use pocdir_ping_tests::{DirectWriter, PingTests, Settings};
use pocdir_store::postgres::PostgresStore;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{ChallengeFilter, NewAccount, NewParticipant, ParticipantNames, Store};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2030-05-06 07:00 UTC);
const BASE: &str = "https://pocdir.example.org";
const FROM: &str = "pocdir <pocdir@pocdir.example.org>";
/// The address the peer refuses for good.
const BOUNCE: &str = "nobody@deu.example";

fn draft(action: LogAction) -> LogDraft {
    LogDraft::new(T0, LogActor::console(), action, "x".to_string())
}

fn settings() -> Settings {
    Settings {
        ping: PingSettings::default(),
        schedule: false,
        base_url: BASE.to_string(),
    }
}

fn keyring() -> Keyring {
    Keyring::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap()
}

// ---------------------------------------------------------------- stores

async fn sqlite() -> (Option<Place>, Arc<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url, keyring()).await.unwrap());
    (Some(Place::Dir(dir)), store)
}

/// Drops a test's PostgreSQL database when the test ends, even by a panic.
struct PgDatabase(String);

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let name = std::mem::take(&mut self.0);
        let _ = std::thread::spawn(move || {
            use sqlx::Connection;
            let admin = std::env::var("POCDIR_TEST_POSTGRES_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                rt.block_on(async {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut conn)
                                .await;
                        let _ = conn.close().await;
                    }
                });
            }
        })
        .join();
    }
}

/// A fresh database on the test PostgreSQL; its URL, and the guard that
/// drops it.
async fn postgres_url() -> (String, PgDatabase) {
    use sqlx::Connection;
    let admin = std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let bytes: [u8; 4] = pocdir_domain::entropy::random_bytes(&pocdir_domain::entropy::OsEntropy);
    let name = format!(
        "pocdir_pingmail_{}_{}",
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
    (url.to_string(), PgDatabase(name))
}

/// A temporary SQLite directory or PostgreSQL database, removed at the end.
enum Place {
    Dir(#[allow(dead_code)] tempfile::TempDir),
    Pg(#[allow(dead_code)] PgDatabase),
}

async fn postgres() -> (Option<Place>, Arc<dyn Store>) {
    let (url, guard) = postgres_url().await;
    (
        Some(Place::Pg(guard)),
        Arc::new(PostgresStore::open(&url, keyring()).await.unwrap()),
    )
}

// ---------------------------------------------------------------- people

struct World {
    _dir: Option<Place>,
    store: Arc<dyn Store>,
    secretariat: Requester,
    /// PoC id and State by address.
    pocs: BTreeMap<String, (i64, &'static str)>,
}

async fn account(
    store: &dyn Store,
    email: &str,
    kind: AccountKind,
    state: Option<&str>,
    language: &str,
) -> Requester {
    let a = store
        .create_account(
            NewAccount {
                email: email.to_string(),
                kind,
                participant: state.map(str::to_string),
                display_name: email.to_string(),
                password_hash: "$argon2id$x".to_string(),
                totp_secret: None,
                totp_enrolled: false,
                demo: false,
                password_change_required: false,
                created_at: T0,
            },
            draft(LogAction::AccountCreate),
        )
        .await
        .unwrap();
    store
        .set_account_language(a.id, Some(language), draft(LogAction::AccountLanguage))
        .await
        .unwrap();
    Requester {
        actor: Actor {
            account_id: a.id,
            kind,
            participant: state.map(|s| ParticipantCode::parse(s).unwrap()),
            scopes: Scopes::ALL,
        },
        log: a.log_actor(),
    }
}

async fn poc(
    store: &dyn Store,
    state: &str,
    role: PocRole,
    email: &str,
    languages: &[&str],
    account: Option<i64>,
) -> i64 {
    let details = PocDraft {
        role: role.as_str().to_string(),
        name: format!("PoC {email}"),
        organisation: "Org".to_string(),
        emails: vec![email.to_string()],
        languages: languages.iter().map(|l| l.to_string()).collect(),
        time_zone: "Europe/Paris".to_string(),
        hours: "24/7".to_string(),
        ..PocDraft::default()
    }
    .validate(T0)
    .unwrap();
    let p = store
        .propose_poc(
            state,
            role,
            &serde_json::to_string(&details).unwrap(),
            None,
            T0,
            draft(LogAction::PocPropose),
        )
        .await
        .unwrap();
    let d = store
        .decide_poc(
            p.id,
            p.version,
            true,
            None,
            None,
            T0,
            draft(LogAction::PocApprove),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    if let Some(account) = account {
        store
            .link_poc_account(d.poc.id, account, T0, draft(LogAction::AccountPocLink))
            .await
            .unwrap();
    }
    d.poc.id
}

/// PAK, FRA and DEU with four PoCs: PAK's CERT (English), FRA's CERT
/// (signs in, in French), FRA's ministry (works in Arabic), and DEU's,
/// whose address the peer refuses; `extra` more PoCs of PAK.
async fn world((dir, store): (Option<Place>, Arc<dyn Store>), extra: usize) -> World {
    let s = store.as_ref();
    let seed: Vec<NewParticipant> = ["PAK", "FRA", "DEU"]
        .iter()
        .map(|code| NewParticipant {
            code: code.to_string(),
            alpha2: None,
            m49: None,
            kind: ParticipantKind::MemberState,
            region: "R".to_string(),
            subregion: "S".to_string(),
            names: ParticipantNames {
                ar: code.to_string(),
                zh: code.to_string(),
                en: code.to_string(),
                es: code.to_string(),
                fr: code.to_string(),
                ru: code.to_string(),
            },
            at: T0,
        })
        .collect();
    s.seed_participants(&seed, draft(LogAction::ParticipantsSeed))
        .await
        .unwrap();
    let secretariat = account(s, "ops@un.example", AccountKind::Secretariat, None, "en").await;
    let fra_cert = account(
        s,
        "cert@fra.example",
        AccountKind::TechnicalPoc,
        Some("FRA"),
        "fr",
    )
    .await;
    let mut pocs = BTreeMap::new();
    let t = PocRole::Technical;
    for (state, role, email, langs, acc) in [
        ("PAK", t, "cert@pak.example", &["en"][..], None),
        (
            "FRA",
            t,
            "cert@fra.example",
            &["en"][..],
            Some(fra_cert.account_id()),
        ),
        (
            "FRA",
            PocRole::Diplomatic,
            "mae@fra.example",
            &["ar"][..],
            None,
        ),
        ("DEU", t, BOUNCE, &["en"][..], None),
    ] {
        let id = poc(s, state, role, email, langs, acc).await;
        pocs.insert(email.to_string(), (id, state));
    }
    for i in 0..extra {
        let email = format!("poc{i}@pak.example");
        let id = poc(s, "PAK", t, &email, &["es"], None).await;
        pocs.insert(email, (id, "PAK"));
    }
    World {
        _dir: dir,
        store,
        secretariat,
        pocs,
    }
}

// ---------------------------------------------------------------- the SMTP peer

/// The real SMTP peer (aiosmtpd) on a free port, each message a JSON file;
/// it refuses the addresses given for good (550 at RCPT TO).
struct Sink {
    port: u16,
    folder: tempfile::TempDir,
    child: std::process::Child,
}

impl Sink {
    async fn start(reject: &[&str]) -> Sink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let folder = tempfile::tempdir().unwrap();
        let script: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "testkit", "smtp_sink.py"]
            .iter()
            .collect();
        let mut command = std::process::Command::new("python3");
        command
            .arg(script)
            .arg("--port")
            .arg(port.to_string())
            .arg("--folder")
            .arg(folder.path())
            .stdout(std::process::Stdio::null());
        for address in reject {
            command.arg("--reject").arg(address);
        }
        let child = command
            .spawn()
            .expect("python3 runs the SMTP peer (pip install aiosmtpd)");
        let sink = Sink {
            port,
            folder,
            child,
        };
        for _ in 0..300 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return sink;
            }
            tokio::time::sleep(StdDuration::from_millis(50)).await;
        }
        panic!("the SMTP peer did not start");
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn messages(&self) -> Vec<serde_json::Value> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.folder.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// Waits for `n` messages, then a little longer to see that no more come.
    async fn exactly(&self, n: usize) -> Vec<serde_json::Value> {
        for _ in 0..600 {
            if self.messages().len() >= n {
                break;
            }
            tokio::time::sleep(StdDuration::from_millis(50)).await;
        }
        tokio::time::sleep(StdDuration::from_millis(300)).await;
        let got = self.messages();
        assert_eq!(got.len(), n, "{got:#?}");
        got
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn field<'a>(m: &'a serde_json::Value, k: &str) -> &'a str {
    m.get(k).and_then(|v| v.as_str()).unwrap_or_default()
}

fn rcpt(m: &serde_json::Value) -> String {
    m["rcpt_tos"][0].as_str().unwrap().to_string()
}

/// The text as a reader sees it: line ends and the final newline aside.
fn text(s: &str) -> String {
    s.replace("\r\n", "\n").trim_end().to_string()
}

fn token_in(body: &str) -> String {
    let at = body.find(&format!("{BASE}/ping/pdp_")).expect("a link") + BASE.len() + 6;
    body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

/// Sends until the outbox has nothing more to send now.
async fn drain(store: &dyn Store, clock: &dyn Clock, mailer: &SmtpMailer) {
    for _ in 0..10 {
        let r = send_once(store, clock, mailer, &RetryPolicy::default())
            .await
            .unwrap();
        if r.sent + r.given_up + r.retried == 0 {
            return;
        }
    }
}

// ---------------------------------------------------------------- end to end

async fn challenges_and_reminders_reach_the_peer_in_each_language(w: World) {
    let clock = ManualClock::new(T0);
    let settings = settings();
    let sink = Sink::start(&[BOUNCE]).await;
    let mailer = SmtpMailer::new(&sink.url(), FROM).unwrap();
    let svc = PingTests::new(w.store.as_ref(), &clock, &settings);
    let id = svc
        .create(
            &w.secretariat,
            &CampaignDraft {
                title: "May test".to_string(),
                ..CampaignDraft::default()
            },
        )
        .await
        .unwrap();
    drain(w.store.as_ref(), &clock, &mailer).await;
    // Three arrive; the fourth address is refused for good.
    let got = sink.exactly(3).await;
    let campaign = w.store.campaign(id).await.unwrap().unwrap();
    let facts = ChallengeFacts {
        base_url: BASE,
        title: "May test",
        answer_by: campaign.times.answer_by,
        now: T0,
    };
    let mut tokens = BTreeMap::new();
    for (to, lang) in [
        ("cert@pak.example", Lang::En),
        ("cert@fra.example", Lang::Fr),
        ("mae@fra.example", Lang::Ar),
    ] {
        let m = got.iter().find(|m| rcpt(m) == to).unwrap();
        let body = field(m, "body");
        assert!(body.contains(&format!("{BASE}/ping/pdp_")), "{body}");
        let token = token_in(body);
        assert_eq!(token.len(), 4 + 43, "{token}");
        let (poc_id, state) = w.pocs[to];
        let expected = challenge_mail(&facts, Some(id), poc_id, state, to, lang, &token);
        assert_eq!(field(m, "subject"), expected.subject, "{to}");
        assert_eq!(text(body), text(&expected.body), "{to}");
        assert!(field(m, "message_id").ends_with("@pocdir.example.org>"));
        tokens.insert(to, token);
    }
    // Each in its own language: the French and Arabic subjects differ from
    // the English one.
    let subjects: BTreeSet<&str> = got.iter().map(|m| field(m, "subject")).collect();
    assert_eq!(subjects.len(), 3);
    // The refused address: given up at once, undeliverable in the results.
    let counts = w.store.mail_counts().await.unwrap();
    assert_eq!((counts.sent, counts.failed, counts.queued), (3, 1, 0));
    let results = svc.results(&w.secretariat, id, Some("DEU")).await.unwrap();
    assert_eq!(results.pocs.len(), 1);
    assert_eq!(results.pocs[0].outcome, Outcome::Undeliverable);
    assert_eq!(results.overall.tally.undeliverable, 1);
    assert_eq!(results.overall.tally.awaiting, 3);

    // PAK's CERT answers by its link; 24 h later the others are reminded.
    clock.set(T0 + Duration::hours(3));
    svc.answer_with_token(
        &DirectWriter(w.store.as_ref()),
        &tokens["cert@pak.example"],
        AnswerChannel::Link,
    )
    .await
    .unwrap();
    clock.set(T0 + Duration::hours(24));
    let round = ping_round(w.store.as_ref(), &clock, &settings)
        .await
        .unwrap();
    // Reminded: FRA's two and the refused address (which may have been
    // mended meanwhile); the peer refuses it again.
    assert_eq!(round.reminders, 3, "{round:?}");
    drain(w.store.as_ref(), &clock, &mailer).await;
    let got = sink.exactly(5).await;
    let facts = ChallengeFacts {
        now: T0 + Duration::hours(24),
        ..facts
    };
    for (to, lang) in [
        ("cert@fra.example", Lang::Fr),
        ("mae@fra.example", Lang::Ar),
    ] {
        let mine: Vec<&serde_json::Value> = got.iter().filter(|m| rcpt(m) == to).collect();
        assert_eq!(mine.len(), 2, "{to}");
        let reminder = mine[1];
        let (poc_id, state) = w.pocs[to];
        let expected = reminder_mail(&facts, id, 1, poc_id, state, to, lang, &tokens[to]);
        assert_eq!(field(reminder, "subject"), expected.subject);
        assert_eq!(text(field(reminder, "body")), text(&expected.body));
        assert_eq!(token_in(field(reminder, "body")), tokens[to]);
        assert_ne!(field(mine[0], "message_id"), field(reminder, "message_id"));
    }
    assert!(got.iter().all(|m| rcpt(m) != BOUNCE));
    assert_eq!(
        got.iter().filter(|m| rcpt(m) == "cert@pak.example").count(),
        1,
        "who answered is not reminded"
    );
    // Nothing more that day.
    clock.set(T0 + Duration::hours(30));
    let round = ping_round(w.store.as_ref(), &clock, &settings)
        .await
        .unwrap();
    assert_eq!(round.reminders, 0);
    drain(w.store.as_ref(), &clock, &mailer).await;
    sink.exactly(5).await;
    // The refused challenge is still undeliverable.
    let results = svc.results(&w.secretariat, id, Some("DEU")).await.unwrap();
    assert_eq!(results.pocs[0].outcome, Outcome::Undeliverable);
}

#[tokio::test]
async fn challenges_and_reminders_reach_the_peer_in_each_language_sqlite() {
    challenges_and_reminders_reach_the_peer_in_each_language(world(sqlite().await, 0).await).await;
}

#[tokio::test]
async fn challenges_and_reminders_reach_the_peer_in_each_language_postgres() {
    challenges_and_reminders_reach_the_peer_in_each_language(world(postgres().await, 0).await)
        .await;
}

// ---------------------------------------------------------------- exactly once

/// Two instances (two stores, each its own pool, on one PostgreSQL
/// database) run the ping rounds and the mail sender at the same moments,
/// through their runners (distinct lease holders) and, to be sure the
/// store alone keeps it once, the ping round also without the lease.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_postgres_send_each_challenge_and_reminder_once() {
    const EXTRA: usize = 40;
    let (url, _guard) = postgres_url().await;
    let ring = keyring();
    let a: Arc<dyn Store> = Arc::new(PostgresStore::open(&url, ring.clone()).await.unwrap());
    let b: Arc<dyn Store> = Arc::new(PostgresStore::open(&url, ring).await.unwrap());
    let w = world((None, a.clone()), EXTRA).await;
    let sink = Sink::start(&[]).await;
    let clock = ManualClock::new(T0);
    let settings = settings();
    // A scheduled campaign, to start at 08:00.
    let starts = T0 + Duration::hours(1);
    let id = PingTests::new(a.as_ref(), &clock, &settings)
        .create(
            &w.secretariat,
            &CampaignDraft {
                title: "Scheduled".to_string(),
                starts_at: Some(starts),
                ..CampaignDraft::default()
            },
        )
        .await
        .unwrap();
    let shared: Arc<dyn Clock> = Arc::new(clock.clone());
    let ctx_a = JobContext {
        store: a.clone(),
        clock: shared.clone(),
        stopping: pocdir_jobs::Stopping::never(),
    };
    let ctx_b = JobContext {
        store: b.clone(),
        clock: shared.clone(),
        stopping: pocdir_jobs::Stopping::never(),
    };
    let rounds = PingTestRounds {
        settings: settings.clone(),
        period: StdDuration::from_secs(60),
    };
    let mail_a = MailSender {
        transport: Arc::new(SmtpMailer::new(&sink.url(), FROM).unwrap()),
        retry: RetryPolicy::default(),
        period: StdDuration::from_secs(1),
    };
    let mail_b = mail_a.clone();
    let pocs = w.pocs.len();
    let mut expected = 0;
    for at in [
        starts,
        starts + Duration::hours(24),
        starts + Duration::hours(48),
    ] {
        clock.set(at);
        // Everything at once: both runners, both bare rounds, both senders.
        let (ra, rb, xa, xb, ma, mb) = tokio::join!(
            run_turn(&rounds, &ctx_a, "instance-a"),
            run_turn(&rounds, &ctx_b, "instance-b"),
            ping_round(a.as_ref(), shared.as_ref(), &settings),
            ping_round(b.as_ref(), shared.as_ref(), &settings),
            run_turn(&mail_a, &ctx_a, "instance-a"),
            run_turn(&mail_b, &ctx_b, "instance-b"),
        );
        for o in [&ra, &rb, &ma, &mb] {
            assert!(!matches!(o, TurnOutcome::Failed(_)), "{o:?}");
        }
        // The rounds' lease lets one runner through; the senders share.
        assert_eq!(
            [&ra, &rb]
                .iter()
                .filter(|o| matches!(o, TurnOutcome::Skipped))
                .count(),
            1,
            "{ra:?} {rb:?}"
        );
        xa.unwrap();
        xb.unwrap();
        // Then the senders of both until the outbox is empty.
        for _ in 0..20 {
            let (ma, mb) = tokio::join!(
                run_turn(&mail_a, &ctx_a, "instance-a"),
                run_turn(&mail_b, &ctx_b, "instance-b"),
            );
            for o in [&ma, &mb] {
                assert!(!matches!(o, TurnOutcome::Failed(_)), "{o:?}");
            }
            let counts = a.mail_counts().await.unwrap();
            if counts.queued == 0 && a.mails_in_flight().await.unwrap() == 0 {
                break;
            }
        }
        expected += pocs;
        sink.exactly(expected).await;
    }
    let got = sink.messages();
    assert_eq!(got.len(), 3 * pocs);
    // One Message-ID per mail, none twice; per PoC one challenge and two
    // reminders, each with the same one-time link.
    let ids: BTreeSet<&str> = got.iter().map(|m| field(m, "message_id")).collect();
    assert_eq!(ids.len(), got.len(), "no Message-ID twice");
    let mut per: BTreeMap<String, Vec<&serde_json::Value>> = BTreeMap::new();
    for m in &got {
        per.entry(rcpt(m)).or_default().push(m);
    }
    assert_eq!(per.len(), pocs);
    for (to, mails) in &per {
        assert_eq!(mails.len(), 3, "{to}");
        let links: BTreeSet<String> = mails.iter().map(|m| token_in(field(m, "body"))).collect();
        assert_eq!(
            links.len(),
            1,
            "{to}: one token for the challenge and its reminders"
        );
    }
    let c = a.campaign(id).await.unwrap().unwrap();
    assert_eq!(c.started_at, Some(starts));
    let challenges = a.challenges(id, &ChallengeFilter::default()).await.unwrap();
    assert_eq!(challenges.len(), pocs);
    assert!(challenges.iter().all(|c| c.reminders_sent == 2));
    let counts = a.mail_counts().await.unwrap();
    assert_eq!(
        (counts.sent, counts.queued, counts.failed),
        (3 * pocs as i64, 0, 0)
    );
}
