//! Communications and their mail, on real stores (SQLite and PostgreSQL),
//! the real SMTP peer (`crates/testkit/smtp_sink.py`) and a manual clock:
//!
//! - escalation: an urgent message no technical PoC of a State acknowledged
//!   escalates to its diplomatic PoCs after 2 h, once, even with two job
//!   instances running at the same moment; a State that acknowledged in
//!   time is not escalated;
//! - OpenPGP: a RED message is mailed encrypted to a recipient's key on
//!   file (decrypted here with the fixture's secret key) and as a link only
//!   to a recipient without one;
//! - mail exactly once: a sender that dies after the relay accepted a mail
//!   and before recording it; a sender slower than its lease; the relay
//!   down, then back.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use async_trait::async_trait;
use pgp::composed::{
    ArmorOptions, EncryptionCaps, KeyType, Message, SecretKeyParamsBuilder, SignedPublicKey,
    SignedSecretKey, SubkeyParamsBuilder,
};
use pgp::crypto::ecc_curve::ECCCurve;
use pocdir_communications::{Communications, Compose, Settings};
use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_domain::communication::delivery::{AckDeadlines, Addressing, RoleChoice};
use pocdir_domain::communication::template::TemplateDraft;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::directory::poc::{PocDraft, PocRole};
use pocdir_domain::entropy::SeededEntropy;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::outbox::RetryPolicy;
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_jobs::escalation::{escalate_once, EscalationCheck};
use pocdir_jobs::mail::{send_once, MailTransport, SendError, SendReport, SmtpMailer};
use pocdir_jobs::runner::{run_turn, Outcome};
use pocdir_jobs::JobContext;
use pocdir_store::postgres::PostgresStore;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{Mail, MailStatus, NewAccount, NewParticipant, ParticipantNames, Store};
use rand_chacha::rand_core::SeedableRng;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use tokio::sync::Notify;

const T0: OffsetDateTime = datetime!(2030-01-01 09:00 UTC);
const BASE: &str = "https://pocdir.example.org";
const FROM: &str = "pocdir <pocdir@pocdir.example.org>";

fn draft(at: OffsetDateTime, action: LogAction) -> LogDraft {
    LogDraft::new(at, LogActor::console(), action, "x".to_string())
}

fn settings() -> Settings {
    Settings {
        deadlines: AckDeadlines::default(),
        base_url: BASE.to_string(),
    }
}

// ---------------------------------------------------------------- stores

async fn sqlite() -> (Option<tempfile::TempDir>, Arc<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap(),
        )
        .await
        .unwrap(),
    );
    (Some(dir), store)
}

/// A fresh database on the test PostgreSQL; its URL.
async fn postgres_url() -> String {
    use sqlx::Connection;
    let admin = std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let bytes: [u8; 4] = pocdir_domain::entropy::random_bytes(&pocdir_domain::entropy::OsEntropy);
    let name = format!(
        "pocdir_commmail_{}_{}",
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

async fn postgres() -> (Option<tempfile::TempDir>, Arc<dyn Store>) {
    let url = postgres_url().await;
    (
        None,
        Arc::new(
            PostgresStore::open(
                &url,
                pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap(),
            )
            .await
            .unwrap(),
        ),
    )
}

// ---------------------------------------------------------------- people

/// PAK writes; FRA and DEU receive. FRA's first technical PoC has an
/// OpenPGP key on file when the world is made with one.
struct World {
    _dir: Option<tempfile::TempDir>,
    store: Arc<dyn Store>,
    pak_tech: Requester,
    fra_tech: i64,
    fra_tech2: i64,
    fra_dips: Vec<i64>,
    deu_tech: Requester,
    deu_dip: i64,
}

fn names(en: &str) -> ParticipantNames {
    ParticipantNames {
        ar: en.to_string(),
        zh: en.to_string(),
        en: en.to_string(),
        es: en.to_string(),
        fr: en.to_string(),
        ru: en.to_string(),
    }
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
                created_at: T0,
            },
            draft(T0, LogAction::AccountCreate),
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

/// A verified PoC entry of `state` (which makes the State participating),
/// with `openpgp_key` in its details; linked to `account_id` when given.
async fn poc_entry(store: &dyn Store, state: &str, openpgp_key: &str, account_id: Option<i64>) {
    let details = PocDraft {
        role: "technical".to_string(),
        name: format!("CERT-{state}"),
        organisation: "CERT".to_string(),
        emails: vec![format!("cert@{}.example", state.to_lowercase())],
        languages: vec!["en".to_string()],
        time_zone: "Europe/Paris".to_string(),
        hours: "24/7".to_string(),
        openpgp_key: openpgp_key.to_string(),
        ..PocDraft::default()
    }
    .validate(T0)
    .unwrap();
    let poc = store
        .propose_poc(
            state,
            PocRole::Technical,
            &serde_json::to_string(&details).unwrap(),
            None,
            T0,
            draft(T0, LogAction::PocPropose),
        )
        .await
        .unwrap();
    let decided = store
        .decide_poc(
            poc.id,
            poc.version,
            true,
            None,
            None,
            T0,
            draft(T0, LogAction::PocApprove),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    if let Some(account_id) = account_id {
        store
            .link_poc_account(
                decided.poc.id,
                account_id,
                T0,
                draft(T0, LogAction::AccountPocLink),
            )
            .await
            .unwrap();
    }
}

async fn world((dir, store): (Option<tempfile::TempDir>, Arc<dyn Store>), fra_key: &str) -> World {
    let s = store.as_ref();
    let seed: Vec<NewParticipant> = [("PAK", "Pakistan"), ("FRA", "France"), ("DEU", "Germany")]
        .iter()
        .map(|(code, en)| NewParticipant {
            code: code.to_string(),
            alpha2: None,
            m49: None,
            kind: ParticipantKind::MemberState,
            region: "R".to_string(),
            subregion: "S".to_string(),
            names: names(en),
            at: T0,
        })
        .collect();
    s.seed_participants(&seed, draft(T0, LogAction::ParticipantsSeed))
        .await
        .unwrap();
    let pak_tech = account(s, "cert@pak.example", AccountKind::TechnicalPoc, "PAK").await;
    let fra_tech = account(s, "cert@fra.example", AccountKind::TechnicalPoc, "FRA").await;
    let fra_tech2 = account(s, "soc@fra.example", AccountKind::TechnicalPoc, "FRA").await;
    let mut fra_dips = Vec::new();
    for email in ["mfa@fra.example", "embassy@fra.example"] {
        fra_dips.push(
            account(s, email, AccountKind::DiplomaticPoc, "FRA")
                .await
                .account_id(),
        );
    }
    let deu_tech = account(s, "cert@deu.example", AccountKind::TechnicalPoc, "DEU").await;
    let deu_dip = account(s, "aa@deu.example", AccountKind::DiplomaticPoc, "DEU").await;
    poc_entry(s, "PAK", "", None).await;
    poc_entry(s, "FRA", fra_key, Some(fra_tech.account_id())).await;
    poc_entry(s, "DEU", "", None).await;
    World {
        _dir: dir,
        store,
        pak_tech,
        fra_tech: fra_tech.account_id(),
        fra_tech2: fra_tech2.account_id(),
        fra_dips,
        deu_tech,
        deu_dip: deu_dip.account_id(),
    }
}

fn template(tlp: &str, urgency: &str) -> TemplateDraft {
    TemplateDraft {
        kind: "incident_notification".to_string(),
        urgency: urgency.to_string(),
        tlp: tlp.to_string(),
        subject: "Ransomware at the grid operator".to_string(),
        sectors: vec!["energy".to_string()],
        impact: "Two regions without SCADA".to_string(),
        requested_action: "Block 203.0.113.7".to_string(),
        text: "Indicators: 203.0.113.7, beacon every 60 s.".to_string(),
        text_language: "en".to_string(),
        ..TemplateDraft::default()
    }
}

async fn send(w: &World, clock: &dyn Clock, tlp: &str, to: Addressing) -> i64 {
    let settings = settings();
    let entropy = SeededEntropy::new(42);
    Communications::new(w.store.as_ref(), clock, &settings)
        .with_entropy(&entropy)
        .send(
            &w.pak_tech,
            Compose {
                template: template(tlp, "urgent"),
                to,
                attachments: Vec::new(),
            },
        )
        .await
        .unwrap()
}

fn to_states(states: &[&str]) -> Addressing {
    Addressing::States {
        states: states.iter().map(|s| s.to_string()).collect(),
        roles: RoleChoice::Both,
    }
}

async fn queued(store: &dyn Store) -> Vec<Mail> {
    store.mails(None, 10_000).await.unwrap()
}

// ---------------------------------------------------------------- escalation

async fn escalation_once_with_two_instances(w: World) {
    let clock = ManualClock::new(T0);
    let id = send(&w, &clock, "AMBER", to_states(&["FRA", "DEU"])).await;
    // DEU's technical PoC acknowledges within the 2 h; FRA's do not.
    clock.set(T0 + Duration::minutes(90));
    let settings = settings();
    Communications::new(w.store.as_ref(), &clock, &settings)
        .acknowledge(&w.deu_tech, id)
        .await
        .unwrap();

    // One minute before the deadline: nothing.
    clock.set(T0 + Duration::hours(2) - Duration::minutes(1));
    assert_eq!(
        escalate_once(w.store.as_ref(), &clock, &settings)
            .await
            .unwrap(),
        0
    );

    // At the deadline, two instances run the job at the same moment, each
    // with its own lease holder: FRA is escalated once.
    clock.set(T0 + Duration::hours(2));
    let clock: Arc<dyn Clock> = Arc::new(clock);
    let ctx = JobContext {
        store: w.store.clone(),
        clock: clock.clone(),
        stopping: pocdir_jobs::Stopping::never(),
    };
    let job = EscalationCheck {
        settings: settings.clone(),
        period: StdDuration::from_secs(60),
    };
    let (a, b) = tokio::join!(
        run_turn(&job, &ctx, "instance-a"),
        run_turn(&job, &ctx, "instance-b")
    );
    let escalated = |o: &Outcome| match o {
        Outcome::Ran(r) => r.counts().iter().map(|(_, n)| *n).sum::<u64>(),
        Outcome::Skipped => 0,
        Outcome::Failed(e) => panic!("job failed: {e}"),
    };
    assert_eq!(escalated(&a) + escalated(&b), 1, "{a:?} {b:?}");
    assert!(
        matches!(a, Outcome::Skipped) || matches!(b, Outcome::Skipped),
        "the lease lets one instance run"
    );
    // Even without the lease (two services racing), the store escalates once.
    let (x, y) = tokio::join!(
        escalate_once(w.store.as_ref(), clock.as_ref(), &settings),
        escalate_once(w.store.as_ref(), clock.as_ref(), &settings)
    );
    assert_eq!(x.unwrap() + y.unwrap(), 0);

    let record = w.store.communication(id).await.unwrap().unwrap();
    assert_eq!(
        record.escalations,
        vec![("FRA".to_string(), T0 + Duration::hours(2))]
    );
    // The diplomatic PoCs of FRA each got one alert; DEU's none.
    let mails = queued(w.store.as_ref()).await;
    let alerts: Vec<&Mail> = mails
        .iter()
        .filter(|m| m.dedupe_key.contains(":escalate:"))
        .collect();
    let mut alerted: Vec<String> = alerts.iter().map(|m| m.recipient.clone()).collect();
    alerted.sort();
    assert_eq!(alerted, vec!["embassy@fra.example", "mfa@fra.example"]);
    assert!(alerts.iter().all(|m| m.subject.starts_with("[TLP:AMBER]")));
    assert!(alerts
        .iter()
        .all(|m| m.body.contains(&format!("{BASE}/communications/{id}"))));
    assert!(!mails
        .iter()
        .any(|m| m.recipient == "aa@deu.example" && m.dedupe_key.contains(":escalate:")));
    // The escalation is in the log.
    let _ = (w.fra_dips.len(), w.deu_dip);

    // Later runs, by either instance once the lease is over: nothing more.
    let later = ManualClock::new(T0 + Duration::hours(5));
    assert_eq!(
        escalate_once(w.store.as_ref(), &later, &settings)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        queued(w.store.as_ref())
            .await
            .iter()
            .filter(|m| m.dedupe_key.contains(":escalate:"))
            .count(),
        2
    );
}

#[tokio::test]
async fn urgent_unacknowledged_escalates_once_after_two_hours_sqlite() {
    escalation_once_with_two_instances(world(sqlite().await, "").await).await;
}

#[tokio::test]
async fn urgent_unacknowledged_escalates_once_after_two_hours_postgres() {
    escalation_once_with_two_instances(world(postgres().await, "").await).await;
}

// ---------------------------------------------------------------- the SMTP peer

/// The real SMTP peer (aiosmtpd) on a free port, each message a JSON file.
struct Sink {
    port: u16,
    folder: tempfile::TempDir,
    child: Option<std::process::Child>,
}

impl Sink {
    async fn start() -> Sink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut sink = Sink {
            port,
            folder: tempfile::tempdir().unwrap(),
            child: None,
        };
        sink.restart().await;
        sink
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    async fn restart(&mut self) {
        self.stop();
        let script: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "testkit", "smtp_sink.py"]
            .iter()
            .collect();
        self.child = Some(
            std::process::Command::new("python3")
                .arg(script)
                .arg("--port")
                .arg(self.port.to_string())
                .arg("--folder")
                .arg(self.folder.path())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("python3 runs the SMTP peer (pip install aiosmtpd)"),
        );
        for _ in 0..300 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(StdDuration::from_millis(50)).await;
        }
        panic!("the SMTP peer did not start");
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Every message received, in order of arrival.
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

    async fn wait_for(&self, n: usize) -> Vec<serde_json::Value> {
        for _ in 0..600 {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(StdDuration::from_millis(50)).await;
        }
        panic!("expected {n} messages, got {}", self.messages().len());
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop();
    }
}

fn field<'a>(m: &'a serde_json::Value, k: &str) -> &'a str {
    m.get(k).and_then(|v| v.as_str()).unwrap_or_default()
}

fn rcpt(m: &serde_json::Value) -> String {
    m["rcpt_tos"][0].as_str().unwrap().to_string()
}

/// How many messages each recipient received.
fn per_recipient(got: &[serde_json::Value]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for m in got {
        *out.entry(rcpt(m)).or_insert(0) += 1;
    }
    out
}

// ---------------------------------------------------------------- OpenPGP

/// A fresh key pair made with rPGP: Ed25519 primary, Curve25519 encryption
/// subkey; the public half armored as a PoC pastes it.
fn key_pair() -> (SignedSecretKey, String) {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(12);
    let mut enc = SubkeyParamsBuilder::default();
    enc.key_type(KeyType::ECDH(ECCCurve::Curve25519Legacy))
        .can_sign(false)
        .can_encrypt(EncryptionCaps::All)
        .can_authenticate(false);
    let mut params = SecretKeyParamsBuilder::default();
    params
        .key_type(KeyType::Ed25519Legacy)
        .can_certify(true)
        .can_sign(true)
        .can_encrypt(EncryptionCaps::None)
        .primary_user_id("CERT-FR <cert@fra.example>".into())
        .subkeys(vec![enc.build().unwrap()]);
    let secret = params.build().unwrap().generate(&mut rng).unwrap();
    let public = SignedPublicKey::from(secret.clone())
        .to_armored_string(ArmorOptions::default())
        .unwrap();
    (secret, public)
}

const ARMOR_BEGIN: &str = "-----BEGIN PGP MESSAGE-----";
const ARMOR_END: &str = "-----END PGP MESSAGE-----";

fn decrypt(secret: &SignedSecretKey, armored: &str) -> String {
    let (msg, _) = Message::from_string(armored).unwrap();
    let mut msg = msg.decrypt(&"".into(), secret).unwrap();
    if msg.is_compressed() {
        msg = msg.decompress().unwrap();
    }
    String::from_utf8(msg.as_data_vec().unwrap()).unwrap()
}

#[tokio::test]
async fn red_and_amber_strict_mail_is_encrypted_to_the_key_on_file_else_a_link() {
    let (secret, public) = key_pair();
    let w = world(sqlite().await, &public).await;
    let clock = ManualClock::new(T0);
    let sink = Sink::start().await;
    let mailer = SmtpMailer::new(&sink.url(), FROM).unwrap();
    let red = send(
        &w,
        &clock,
        "RED",
        Addressing::Named {
            accounts: vec![w.fra_tech, w.fra_tech2],
        },
    )
    .await;
    let report = send_once(w.store.as_ref(), &clock, &mailer, &RetryPolicy::default())
        .await
        .unwrap();
    assert_eq!(report.sent, 2, "{report:?}");
    let got = sink.wait_for(2).await;
    let link = format!("{BASE}/communications/{red}");

    // The PoC with a key: the content encrypted to it, the link outside.
    let keyed = got.iter().find(|m| rcpt(m) == "cert@fra.example").unwrap();
    let body = field(keyed, "body");
    let subject = field(keyed, "subject");
    assert!(subject.starts_with("[TLP:RED]"), "{subject}");
    assert!(!subject.contains("Ransomware"), "{subject}");
    let start = body.find(ARMOR_BEGIN).expect("an OpenPGP message");
    let end = body.find(ARMOR_END).unwrap() + ARMOR_END.len();
    let (outside, armored) = (
        format!("{}{}", &body[..start], &body[end..]),
        &body[start..end],
    );
    assert!(outside.contains(&link), "{outside}");
    for secret_word in ["Ransomware", "203.0.113.7", "SCADA"] {
        assert!(
            !body.contains(secret_word),
            "{secret_word} in clear: {body}"
        );
    }
    let plain = decrypt(&secret, armored);
    assert!(plain.contains("Ransomware at the grid operator"), "{plain}");
    assert!(plain.contains("Two regions without SCADA"), "{plain}");
    assert!(
        plain.contains("Indicators: 203.0.113.7, beacon every 60 s."),
        "{plain}"
    );
    // Another key cannot open it.
    let (other, _) = {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(99);
        let mut p = SecretKeyParamsBuilder::default();
        let mut enc = SubkeyParamsBuilder::default();
        enc.key_type(KeyType::ECDH(ECCCurve::Curve25519Legacy))
            .can_encrypt(EncryptionCaps::All);
        p.key_type(KeyType::Ed25519Legacy)
            .can_certify(true)
            .primary_user_id("x <x@x.example>".into())
            .subkeys(vec![enc.build().unwrap()]);
        (p.build().unwrap().generate(&mut rng).unwrap(), ())
    };
    let (msg, _) = Message::from_string(armored).unwrap();
    assert!(msg.decrypt(&"".into(), &other).is_err());

    // The PoC without a key: the link only, no content, no ciphertext.
    let bare = got.iter().find(|m| rcpt(m) == "soc@fra.example").unwrap();
    let body = field(bare, "body");
    assert!(body.contains(&link), "{body}");
    assert!(!body.contains(ARMOR_BEGIN));
    for secret_word in ["Ransomware", "203.0.113.7", "SCADA"] {
        assert!(
            !body.contains(secret_word),
            "{secret_word} in clear: {body}"
        );
    }

    // AMBER+STRICT to FRA as a whole: the keyed PoC gets ciphertext, the
    // others links; the outbox holds no content in clear.
    send(&w, &clock, "AMBER+STRICT", to_states(&["FRA"])).await;
    let mails = queued(w.store.as_ref()).await;
    let strict: Vec<&Mail> = mails
        .iter()
        .filter(|m| m.subject.starts_with("[TLP:AMBER+STRICT]"))
        .collect();
    assert_eq!(strict.len(), 4);
    for m in &strict {
        assert!(!m.body.contains("203.0.113.7") && !m.subject.contains("Ransomware"));
        assert_eq!(
            m.body.contains(ARMOR_BEGIN),
            m.recipient == "cert@fra.example"
        );
    }
    let keyed = strict
        .iter()
        .find(|m| m.recipient == "cert@fra.example")
        .unwrap();
    let start = keyed.body.find(ARMOR_BEGIN).unwrap();
    let end = keyed.body.find(ARMOR_END).unwrap() + ARMOR_END.len();
    assert!(decrypt(&secret, &keyed.body[start..end]).contains("203.0.113.7"));

    // GREEN goes in clear to everyone, key or not.
    send(&w, &clock, "GREEN", to_states(&["FRA"])).await;
    let mails = queued(w.store.as_ref()).await;
    let green: Vec<&Mail> = mails
        .iter()
        .filter(|m| m.subject.starts_with("[TLP:GREEN]"))
        .collect();
    assert_eq!(green.len(), 4);
    assert!(green
        .iter()
        .all(|m| m.body.contains("203.0.113.7") && !m.body.contains(ARMOR_BEGIN)));
}

// ---------------------------------------------------------------- exactly once

/// Hands each mail to the real relay; after the relay accepted the mail to
/// `stall_on`, it never returns: a sender that dies (its task dropped)
/// after the relay accepted the mail and before the database recorded it,
/// or, when released, one whose exchange took longer than its lease.
#[derive(Debug)]
struct Stalling {
    inner: SmtpMailer,
    stall_on: String,
    accepted: Arc<Notify>,
    release: Arc<Notify>,
}

#[async_trait]
impl MailTransport for Stalling {
    async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        self.inner.send(mail).await?;
        if mail.recipient == self.stall_on {
            self.accepted.notify_one();
            self.release.notified().await;
        }
        Ok(())
    }
}

/// Six recipients (FRA and DEU, both roles) of one GREEN notification.
async fn six_queued(w: &World, clock: &ManualClock) -> Vec<Mail> {
    send(w, clock, "GREEN", to_states(&["FRA", "DEU"])).await;
    let mut mails = queued(w.store.as_ref()).await;
    mails.sort_by_key(|m| m.id);
    assert_eq!(mails.len(), 6);
    mails
}

fn stalling(sink: &Sink, stall_on: &str) -> (Arc<Stalling>, Arc<Notify>, Arc<Notify>) {
    let accepted = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    (
        Arc::new(Stalling {
            inner: SmtpMailer::new(&sink.url(), FROM).unwrap(),
            stall_on: stall_on.to_string(),
            accepted: accepted.clone(),
            release: release.clone(),
        }),
        accepted,
        release,
    )
}

async fn a_crash_mid_send_duplicates_at_most_the_mail_in_flight(w: World) {
    let clock = Arc::new(ManualClock::new(T0));
    let mails = six_queued(&w, &clock).await;
    let sink = Sink::start().await;
    let victim = mails[2].recipient.clone();
    let (dying, accepted, _release) = stalling(&sink, &victim);

    // The sender dies right after the relay accepted the third mail.
    let (store, c, t) = (w.store.clone(), clock.clone(), dying.clone());
    let task = tokio::spawn(async move {
        send_once(
            store.as_ref(),
            c.as_ref(),
            t.as_ref(),
            &RetryPolicy::default(),
        )
        .await
    });
    accepted.notified().await;
    task.abort();
    assert!(task.await.unwrap_err().is_cancelled());
    assert_eq!(sink.wait_for(3).await.len(), 3);
    let counts = w.store.mail_counts().await.unwrap();
    assert_eq!((counts.sent, counts.queued), (2, 4));
    assert_eq!(
        w.store.mails_in_flight().await.unwrap(),
        1,
        "the interrupted send is visible"
    );

    // Another instance right away, then within the leases: nothing is sent
    // twice meanwhile.
    let mailer = SmtpMailer::new(&sink.url(), FROM).unwrap();
    let retry = RetryPolicy::default();
    let round = |at: Duration| {
        clock.set(T0 + at);
        send_once(w.store.as_ref(), clock.as_ref(), &mailer, &retry)
    };
    assert_eq!(round(Duration::ZERO).await.unwrap(), SendReport::default());
    assert_eq!(
        round(Duration::minutes(2) - Duration::seconds(1))
            .await
            .unwrap(),
        SendReport::default()
    );
    // Once its send lease (2 min) is over, the mail in flight goes again,
    // counted, with the same Message-ID.
    let r = round(Duration::minutes(2)).await.unwrap();
    assert_eq!((r.sent, r.resent, r.left), (1, 1, 0), "{r:?}");
    // Once the dead sender's claim (5 min) is over, the rest go, once.
    let r = round(Duration::minutes(5) + Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!((r.sent, r.resent, r.left), (3, 0, 0), "{r:?}");
    let got = sink.wait_for(7).await;
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    let got_all = sink.messages();
    assert_eq!(got_all.len(), 7, "{got:?}");
    for (who, n) in per_recipient(&got_all) {
        assert_eq!(n, if who == victim { 2 } else { 1 }, "{who}");
    }
    let ids: Vec<&str> = got_all
        .iter()
        .filter(|m| rcpt(m) == victim)
        .map(|m| field(m, "message_id"))
        .collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0], ids[1], "the copy carries the same Message-ID");
    assert!(ids[0].starts_with("<pocdir.") && ids[0].ends_with("@pocdir.example.org>"));
    let all_ids: std::collections::BTreeSet<&str> =
        got_all.iter().map(|m| field(m, "message_id")).collect();
    assert_eq!(all_ids.len(), 6, "one Message-ID per outbox mail");
    assert_eq!(w.store.mail_counts().await.unwrap().sent, 6);
    assert_eq!(w.store.mails_in_flight().await.unwrap(), 0);
}

#[tokio::test]
async fn a_crash_mid_send_duplicates_at_most_the_mail_in_flight_sqlite() {
    a_crash_mid_send_duplicates_at_most_the_mail_in_flight(world(sqlite().await, "").await).await;
}

#[tokio::test]
async fn a_crash_mid_send_duplicates_at_most_the_mail_in_flight_postgres() {
    a_crash_mid_send_duplicates_at_most_the_mail_in_flight(world(postgres().await, "").await).await;
}

/// A sender stuck past its lease on its first mail: another claims the
/// batch; when the first wakes, it leaves every mail the other claimed
/// (before the claim token, it sent them all a second time).
async fn a_sender_slower_than_its_lease_leaves_the_rest_to_the_next(w: World) {
    let clock = Arc::new(ManualClock::new(T0));
    let mails = six_queued(&w, &clock).await;
    let sink = Sink::start().await;
    let first = mails[0].recipient.clone();
    let (slow, accepted, release) = stalling(&sink, &first);
    let (store, c, t) = (w.store.clone(), clock.clone(), slow.clone());
    let task = tokio::spawn(async move {
        send_once(
            store.as_ref(),
            c.as_ref(),
            t.as_ref(),
            &RetryPolicy::default(),
        )
        .await
    });
    accepted.notified().await;

    // Past the first sender's leases, a second claims the batch (all six:
    // the first looks dead) and is itself in the middle of the first mail
    // when the first sender wakes up.
    clock.set(T0 + Duration::minutes(5) + Duration::seconds(1));
    let (second, second_accepted, second_release) = stalling(&sink, &first);
    let (store, c, t) = (w.store.clone(), clock.clone(), second.clone());
    let second_task = tokio::spawn(async move {
        send_once(
            store.as_ref(),
            c.as_ref(),
            t.as_ref(),
            &RetryPolicy::default(),
        )
        .await
    });
    second_accepted.notified().await;

    // The first wakes: the claim is no longer its own, it sends no more.
    release.notify_one();
    let slow_report = task.await.unwrap().unwrap();
    assert_eq!(slow_report.left, 5, "{slow_report:?}");
    second_release.notify_one();
    let other = second_task.await.unwrap().unwrap();
    assert_eq!(
        (other.sent, other.resent, other.left),
        (6, 1, 0),
        "{other:?}"
    );
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    let got = sink.messages();
    assert_eq!(got.len(), 7);
    for (who, n) in per_recipient(&got) {
        assert_eq!(n, if who == first { 2 } else { 1 }, "{who}");
    }
    let statuses: Vec<MailStatus> = queued(w.store.as_ref())
        .await
        .iter()
        .map(|m| m.status)
        .collect();
    assert!(statuses.iter().all(|s| *s == MailStatus::Sent));
}

#[tokio::test]
async fn a_sender_slower_than_its_lease_leaves_the_rest_to_the_next_sqlite() {
    a_sender_slower_than_its_lease_leaves_the_rest_to_the_next(world(sqlite().await, "").await)
        .await;
}

#[tokio::test]
async fn a_sender_slower_than_its_lease_leaves_the_rest_to_the_next_postgres() {
    a_sender_slower_than_its_lease_leaves_the_rest_to_the_next(world(postgres().await, "").await)
        .await;
}

#[tokio::test]
async fn the_relay_down_then_back_every_mail_arrives_once() {
    let w = world(postgres().await, "").await;
    let clock = ManualClock::new(T0);
    six_queued(&w, &clock).await;
    let mut sink = Sink::start().await;
    let mailer = SmtpMailer::new(&sink.url(), FROM).unwrap();
    sink.stop();
    let down = send_once(w.store.as_ref(), &clock, &mailer, &RetryPolicy::default())
        .await
        .unwrap();
    assert_eq!((down.sent, down.retried), (0, 6), "{down:?}");
    assert_eq!(w.store.mails_in_flight().await.unwrap(), 0);
    // Still down at the first retry.
    clock.set(T0 + Duration::minutes(1));
    let still = send_once(w.store.as_ref(), &clock, &mailer, &RetryPolicy::default())
        .await
        .unwrap();
    assert_eq!(still.retried, 6);
    sink.restart().await;
    // Not before the backoff (2 min after the second failure).
    clock.set(T0 + Duration::minutes(2));
    let early = send_once(w.store.as_ref(), &clock, &mailer, &RetryPolicy::default())
        .await
        .unwrap();
    assert_eq!(early, SendReport::default());
    clock.set(T0 + Duration::minutes(3));
    let back = send_once(w.store.as_ref(), &clock, &mailer, &RetryPolicy::default())
        .await
        .unwrap();
    assert_eq!((back.sent, back.resent), (6, 0), "{back:?}");
    clock.set(T0 + Duration::hours(1));
    let after = send_once(w.store.as_ref(), &clock, &mailer, &RetryPolicy::default())
        .await
        .unwrap();
    assert_eq!(after, SendReport::default());
    let got = sink.wait_for(6).await;
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 6, "{got:?}");
    assert!(per_recipient(&sink.messages()).values().all(|n| *n == 1));
}
