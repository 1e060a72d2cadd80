//! `pocdir-bench communications`: numbers for issue 12, reported, never
//! asserted.
//!
//! 1. **mail**: one urgent notification to every PoC of every participating
//!    State, from the demo's Pakistani technical PoC: the time from the
//!    send until a real SMTP peer (aiosmtpd, started here on a free port)
//!    has accepted the last mail, for N recipients (default 1,000 and
//!    100,000; synthetic PoC accounts are added to the demo's). The server
//!    is the real `pocdir serve` with its mail job pointed at the peer.
//!    The send is the communications service's `send` (the call
//!    `POST /api/v1/communications` makes) on the same database, from this
//!    process; the server's mail job does the rest.
//! 2. **report**: the same with a reporter's report instead (issue 15):
//!    the demo's vetted reporter sends a report to every participating
//!    State (`Reports::send`, what `POST /api/v1/reports` calls), which
//!    reaches their technical PoCs; the time until the peer has accepted
//!    the last mail.
//! 3. **inbox**: with M communications in the store (default 100,000; half
//!    of them received by the reader), the latency of one inbox page
//!    (`Communications::list` of 50 lines plus the unread count, what the
//!    page and `GET /api/v1/communications` ask the service) at a given
//!    concurrency, through the store in this process. The communications
//!    are stored with the store's bulk path (`send_communications`).
//!
//! On SQLite (a file in a temporary folder) and on PostgreSQL (a fresh
//! database, dropped at the end).

use crate::proc::ChildGuard;
use crate::stats::Latency;
use crate::{clean_command, free_addr, temp_dir, wait_ready, STOP_GRACE};
use anyhow::{bail, Context, Result};
use clap::Args;
use pocdir_communications::reports::Reports;
use pocdir_communications::{Communications, Compose, Folder, Settings};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::{Clock, SystemClock};
use pocdir_domain::communication::delivery::{AckDeadlines, Addressing, RoleChoice};
use pocdir_domain::communication::template::{
    CommunicationKind, Content, Sector, TemplateDraft, Urgency,
};
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events::{self, CommunicationFacts};
use pocdir_domain::policy::Scopes;
use pocdir_domain::report::ReportDraft;
use pocdir_store::{InboxFilter, NewAccount, NewCommunication, NewRecipient, Store};
use serde::Serialize;
use sqlx::Connection;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct CommunicationsArgs {
    /// The pocdir binary to measure (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Parts to run: mail, report, inbox.
    #[arg(long, value_delimiter = ',', default_value = "mail,report,inbox")]
    parts: Vec<String>,
    /// Backends: sqlite, postgres.
    #[arg(long, value_delimiter = ',', default_value = "sqlite,postgres")]
    backends: Vec<String>,
    /// PostgreSQL to make the temporary databases in (default:
    /// POCDIR_TEST_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres).
    #[arg(long)]
    postgres_url: Option<String>,
    /// Recipients of the notification, one scenario each.
    #[arg(long, value_delimiter = ',', default_value = "1000,100000")]
    recipients: Vec<usize>,
    /// Give up waiting for the last mail after this many seconds (what was
    /// accepted by then is reported, with the rate).
    #[arg(long, default_value_t = 300)]
    mail_timeout: u64,
    /// The server's mail job period (`mail_send_seconds`).
    #[arg(long, default_value_t = 1)]
    mail_send_seconds: u64,
    /// Communications in the store for the inbox part.
    #[arg(long, default_value_t = 100_000)]
    messages: usize,
    /// Seconds of measured inbox load (after one second of warm-up).
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Concurrent inbox readers.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Where the temporary data folders go (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// Give up on a server that does not answer /healthz within this many seconds.
    #[arg(long, default_value_t = 60)]
    start_timeout: u64,
}

#[derive(Debug, Serialize)]
struct Report {
    command_line: Vec<String>,
    cpus: usize,
    mail: Vec<MailResult>,
    inbox: Vec<InboxResult>,
}

#[derive(Debug, Serialize)]
struct MailResult {
    backend: String,
    recipients: usize,
    /// How the send was made.
    trigger: &'static str,
    /// Adding the synthetic PoC accounts (setup, not measured).
    accounts_added: usize,
    accounts_seconds: f64,
    /// The send call: checks, one transaction with every recipient, mail
    /// and log entry.
    send_seconds: f64,
    /// From the send call to the peer's acceptance of the last mail.
    last_mail_seconds: Option<f64>,
    /// Mails accepted by the peer (all of them unless timed out).
    accepted: usize,
    mails_per_second: f64,
    goal_seconds: f64,
}

#[derive(Debug, Serialize)]
struct InboxResult {
    backend: String,
    messages: usize,
    in_reader_inbox: usize,
    fill_seconds: f64,
    concurrency: usize,
    pages_per_second: f64,
    latency: Latency,
    goal_p99_ms: f64,
}

pub fn run(args: CommunicationsArgs) -> Result<bool> {
    if args.concurrency == 0 || args.seconds == 0 {
        bail!("--concurrency and --seconds must be at least 1");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

/// Where a scenario's database lives.
pub(crate) enum Db {
    Sqlite(String),
    Postgres { admin: String, name: String },
}

impl Db {
    pub(crate) async fn make(backend: &str, data: &Path, admin: &str, tag: &str) -> Result<Db> {
        match backend {
            "sqlite" => Ok(Db::Sqlite(format!(
                "sqlite://{}?mode=rwc",
                data.join("pocdir.db").display()
            ))),
            "postgres" => {
                let name = format!("pocdir_bench_comm_{}_{tag}", std::process::id());
                let mut conn = sqlx::PgConnection::connect(admin)
                    .await
                    .context("cannot reach PostgreSQL (or pass --backends sqlite)")?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await?;
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .with_context(|| format!("cannot create the database {name}"))?;
                let _ = conn.close().await;
                Ok(Db::Postgres {
                    admin: admin.to_string(),
                    name,
                })
            }
            other => bail!("unknown backend {other} (sqlite or postgres)"),
        }
    }

    pub(crate) fn url(&self) -> Result<String> {
        match self {
            Db::Sqlite(url) => Ok(url.clone()),
            Db::Postgres { admin, name } => {
                let mut url = url::Url::parse(admin).context("bad PostgreSQL URL")?;
                url.set_path(&format!("/{name}"));
                Ok(url.to_string())
            }
        }
    }

    pub(crate) async fn drop_it(self) {
        if let Db::Postgres { admin, name } = self {
            if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                let dropped = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
                if let Err(e) = dropped {
                    eprintln!("cannot drop the database {name}: {e}");
                }
                let _ = conn.close().await;
            }
        }
    }
}

async fn bench(args: CommunicationsArgs) -> Result<bool> {
    let pocdir = std::fs::canonicalize(&args.pocdir).with_context(|| {
        format!(
            "no pocdir binary at {} (build it: cargo build --release -p pocdir)",
            args.pocdir.display()
        )
    })?;
    let admin = args
        .postgres_url
        .clone()
        .or_else(|| std::env::var("POCDIR_TEST_POSTGRES_URL").ok())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let work_dir = args.work_dir.clone().unwrap_or_else(std::env::temp_dir);
    let mut report = Report {
        command_line: std::env::args().collect(),
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        mail: Vec::new(),
        inbox: Vec::new(),
    };
    for backend in &args.backends {
        for (part, sent) in [("mail", Sent::Communication), ("report", Sent::Report)] {
            if !args.parts.iter().any(|p| p == part) {
                continue;
            }
            for &n in &args.recipients {
                let tmp = temp_dir(&work_dir)?;
                let db =
                    Db::make(backend, &tmp.path().join("data"), &admin, &format!("m{n}")).await?;
                let result = mail_scenario(&args, &pocdir, tmp.path(), &db, backend, n, sent).await;
                db.drop_it().await;
                let result = result?;
                eprintln!("{}", mail_line(&result));
                report.mail.push(result);
            }
        }
        if args.parts.iter().any(|p| p == "inbox") {
            let tmp = temp_dir(&work_dir)?;
            let db = Db::make(backend, &tmp.path().join("data"), &admin, "inbox").await?;
            let result = inbox_scenario(&args, &pocdir, tmp.path(), &db, backend).await;
            db.drop_it().await;
            let result = result?;
            eprintln!("{}", inbox_line(&result));
            report.inbox.push(result);
        }
    }
    print!("{}", table(&report));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(true)
}

pub(crate) fn serve(
    pocdir: &Path,
    cwd: &Path,
    url: &str,
    addr: SocketAddr,
    demo: bool,
    env: &[(&str, String)],
) -> Result<ChildGuard> {
    let mut cmd = clean_command(pocdir, cwd);
    cmd.arg("serve")
        .arg("--data-dir")
        .arg(cwd.join("data"))
        .arg("--database-url")
        .arg(url)
        .arg("--listen")
        .arg(addr.to_string());
    if demo {
        cmd.arg("--demo");
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    ChildGuard::spawn("pocdir serve", cmd, &cwd.join("pocdir.log"), Stdio::null())
}

/// `pocdir serve --demo` once, then stopped: the demo directory and accounts.
async fn seed_demo(args: &CommunicationsArgs, pocdir: &Path, cwd: &Path, url: &str) -> Result<()> {
    seed_demo_within(pocdir, cwd, url, args.start_timeout).await
}

/// The same, for any benchmark: giving up after `start_timeout` seconds.
pub(crate) async fn seed_demo_within(
    pocdir: &Path,
    cwd: &Path,
    url: &str,
    start_timeout: u64,
) -> Result<()> {
    let addr = free_addr()?;
    let mut server = serve(pocdir, cwd, url, addr, true, &[])?;
    wait_ready(
        &mut server,
        addr,
        Instant::now(),
        Duration::from_secs(start_timeout),
    )
    .await?;
    server.stop(STOP_GRACE).await?;
    Ok(())
}

/// A real `pocdir serve` (no demo) whose mail job sends to `sink` every
/// `mail_send_seconds`, once it answers `/healthz`.
pub(crate) async fn serve_mailing(
    pocdir: &Path,
    cwd: &Path,
    url: &str,
    sink: &Sink,
    mail_send_seconds: u64,
    start_timeout: u64,
) -> Result<(ChildGuard, SocketAddr)> {
    let addr = free_addr()?;
    let env = [
        ("POCDIR_SMTP_URL", format!("smtp://{}", sink.addr)),
        ("POCDIR_MAIL_SEND_SECONDS", mail_send_seconds.to_string()),
    ];
    let mut server = serve(pocdir, cwd, url, addr, false, &env)?;
    wait_ready(
        &mut server,
        addr,
        Instant::now(),
        Duration::from_secs(start_timeout),
    )
    .await?;
    Ok((server, addr))
}

fn settings(addr: SocketAddr) -> Settings {
    Settings {
        deadlines: AckDeadlines::default(),
        base_url: format!("http://{addr}"),
    }
}

async fn account(store: &dyn Store, email: &str) -> Result<pocdir_store::Account> {
    store
        .account_by_email(email)
        .await?
        .with_context(|| format!("no account {email}"))
}

/// The PoC accounts of the participating States, per State.
pub(crate) async fn poc_accounts(store: &dyn Store) -> Result<(Vec<String>, usize)> {
    let states: Vec<String> = store
        .participants()
        .await?
        .into_iter()
        .filter(|p| p.status.takes_part())
        .map(|p| p.code)
        .collect();
    let mut count = 0;
    for s in &states {
        count += store.poc_accounts_of(s, RoleChoice::Both).await?.len();
    }
    Ok((states, count))
}

/// Adds PoC accounts spread over `states` until they hold `target` (setup:
/// one store call per account, as the console makes them, 8 at a time).
pub(crate) async fn add_accounts(
    store: Arc<dyn Store>,
    states: &[String],
    have: usize,
    target: usize,
) -> Result<usize> {
    let now = SystemClock.now();
    let need = target.saturating_sub(have);
    let tasks = 8;
    let mut handles = Vec::new();
    for t in 0..tasks {
        let store = store.clone();
        let states = states.to_vec();
        handles.push(tokio::spawn(async move {
            let mut i = t;
            while i < need {
                let state = states
                    .get(i % states.len().max(1))
                    .cloned()
                    .unwrap_or_default();
                let kind = if i.is_multiple_of(2) {
                    AccountKind::TechnicalPoc
                } else {
                    AccountKind::DiplomaticPoc
                };
                let email = format!("poc{i}@{}.bench.example.org", state.to_lowercase());
                let log =
                    events::account_created(now, LogActor::console(), &email, kind, Some(&state))?;
                store
                    .create_account(
                        NewAccount {
                            email: email.clone(),
                            kind,
                            participant: Some(state),
                            display_name: format!("Synthetic PoC {i}"),
                            // Nobody signs in as them.
                            password_hash: "!".into(),
                            totp_secret: None,
                            totp_enrolled: false,
                            demo: false,
                            password_change_required: true,
                            created_at: now,
                        },
                        log,
                    )
                    .await?;
                i += tasks;
            }
            anyhow::Ok(())
        }));
    }
    for h in handles {
        h.await??;
    }
    Ok(need)
}

/// The SMTP peer: aiosmtpd that accepts every mail and keeps, in a state
/// file rewritten every 10 ms, how many it accepted and when the last one.
const SINK: &str = r#"
import asyncio, os, sys, time
from aiosmtpd.smtp import SMTP

class Count:
    def __init__(self):
        self.n = 0
        self.last = 0
    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        self.last = time.time_ns()
        return "250 Message accepted for delivery"

async def main():
    host, port, state = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    count = Count()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(count, hostname="bench-sink"), host, port)
    written = None
    while True:
        if (count.n, count.last) != written:
            written = (count.n, count.last)
            with open(state + ".tmp", "w") as f:
                f.write("%d %d\n" % written)
            os.replace(state + ".tmp", state)
        await asyncio.sleep(0.01)

asyncio.run(main())
"#;

pub(crate) struct Sink {
    pub(crate) child: ChildGuard,
    state: PathBuf,
    pub(crate) addr: SocketAddr,
}

impl Sink {
    pub(crate) async fn start(dir: &Path) -> Result<Sink> {
        let script = dir.join("sink.py");
        std::fs::write(&script, SINK)?;
        let state = dir.join("sink.state");
        let addr = free_addr()?;
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(&script)
            .arg(addr.ip().to_string())
            .arg(addr.port().to_string())
            .arg(&state)
            .current_dir(dir);
        let mut child = ChildGuard::spawn("SMTP peer", cmd, &dir.join("sink.log"), Stdio::null())?;
        let t0 = Instant::now();
        while !state.exists() {
            if let Some(status) = child.exited()? {
                return Err(child.died(status));
            }
            if t0.elapsed() > Duration::from_secs(20) {
                bail!("the SMTP peer (python3 with aiosmtpd) did not start");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(Sink { child, state, addr })
    }

    /// Mails accepted so far and the time of the last (ns since the epoch).
    pub(crate) fn read(&self) -> (usize, u128) {
        let text = std::fs::read_to_string(&self.state).unwrap_or_default();
        let mut parts = text.split_whitespace();
        let n = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let last = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        (n, last)
    }

    /// Waits until `expected` mails beyond the first `base` were accepted,
    /// or `timeout` passed; fails when `server` dies meanwhile. Returns how
    /// many were accepted beyond `base` and when the last one (ns since the
    /// epoch).
    pub(crate) async fn wait_for(
        &self,
        base: usize,
        expected: usize,
        timeout: Duration,
        server: &mut ChildGuard,
    ) -> Result<(usize, u128)> {
        let deadline = Instant::now() + timeout;
        loop {
            let (n, last) = self.read();
            let accepted = n.saturating_sub(base);
            if accepted >= expected || Instant::now() >= deadline {
                return Ok((accepted, last));
            }
            if let Some(status) = server.exited()? {
                return Err(server.died(status));
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Waits until the count has not moved for `quiet`.
    pub(crate) async fn settle(&self, quiet: Duration) -> usize {
        let mut seen = self.read().0;
        let mut since = Instant::now();
        loop {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = self.read().0;
            if now != seen {
                seen = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return seen;
            }
        }
    }
}

/// Now, in ns since the epoch (the SMTP peer's clock is the same machine's).
pub(crate) fn unix_nanos() -> u128 {
    u128::try_from(SystemClock.now().unix_timestamp_nanos()).unwrap_or(0)
}

/// What the mail scenario sends to every participating State.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sent {
    /// An urgent notification from the demo's Pakistani technical PoC to
    /// every PoC.
    Communication,
    /// A report from the demo's vetted reporter to the technical PoCs.
    Report,
}

async fn mail_scenario(
    args: &CommunicationsArgs,
    pocdir: &Path,
    cwd: &Path,
    db: &Db,
    backend: &str,
    recipients: usize,
    sent: Sent,
) -> Result<MailResult> {
    let url = db.url()?;
    eprintln!("{backend}, {recipients} recipients: seeding the demo …");
    seed_demo(args, pocdir, cwd, &url).await?;
    let keys = pocdir::sealing_keys::load_existing(&cwd.join("data"))?
        .context("the demo made no sealing key file")?;
    let store: Arc<dyn Store> = pocdir_store::open(&url, keys).await?;
    let (states, have) = poc_accounts(store.as_ref()).await?;
    let sender = account(store.as_ref(), "technical.poc@cert.pk.example.org").await?;
    // The sender is a PoC too and gets no mail: one more account.
    let t0 = Instant::now();
    eprintln!("adding PoC accounts to reach {} …", recipients + 1);
    let added = add_accounts(store.clone(), &states, have, recipients + 1).await?;
    let accounts_seconds = t0.elapsed().as_secs_f64();

    let sink = Sink::start(cwd).await?;
    let (mut server, addr) = serve_mailing(
        pocdir,
        cwd,
        &url,
        &sink,
        args.mail_send_seconds,
        args.start_timeout,
    )
    .await?;
    // The demo's own mails go first.
    let base = sink
        .settle(Duration::from_secs(args.mail_send_seconds.max(1) * 3))
        .await;
    eprintln!("{base} demo mails delivered; sending the notification …");

    let clock = SystemClock;
    let settings = settings(addr);
    let started = unix_nanos();
    let t0 = Instant::now();
    let (expected, trigger) = match sent {
        Sent::Communication => {
            let service = Communications::new(store.as_ref(), &clock, &settings);
            let id = service
                .send(&sender.requester(Scopes::ALL), notification(states.clone()))
                .await
                .map_err(|e| anyhow::anyhow!("the notification was not sent: {e:?}"))?;
            let n = store
                .communication(id)
                .await?
                .map_or(0, |r| r.recipients.len());
            (
                n,
                "Communications::send in the bench (the API route's call)",
            )
        }
        Sent::Report => {
            let reporter = account(store.as_ref(), "reporter@vendor.example.com").await?;
            let service = Reports::new(store.as_ref(), &clock, &settings);
            let id = service
                .send(
                    &reporter.requester(Scopes::ALL),
                    report_to_all(),
                    Vec::new(),
                )
                .await
                .map_err(|e| anyhow::anyhow!("the report was not sent: {e:?}"))?;
            let n = store.report(id).await?.map_or(0, |r| r.recipients.len());
            (n, "Reports::send in the bench (the API route's call)")
        }
    };
    let send_seconds = t0.elapsed().as_secs_f64();
    eprintln!("sent to {expected} recipients in {send_seconds:.2} s; waiting for the peer …");
    let (accepted, last) = sink
        .wait_for(
            base,
            expected,
            Duration::from_secs(args.mail_timeout),
            &mut server,
        )
        .await?;
    let done = accepted >= expected;
    let elapsed = if done {
        Some(last.saturating_sub(started) as f64 / 1e9)
    } else {
        None
    };
    let span = elapsed.unwrap_or(args.mail_timeout as f64);
    server.stop(STOP_GRACE).await?;
    sink.child.stop(STOP_GRACE).await.ok();
    drop(store);
    Ok(MailResult {
        backend: backend.to_string(),
        recipients: expected,
        trigger,
        accounts_added: added,
        accounts_seconds,
        send_seconds,
        last_mail_seconds: elapsed,
        accepted,
        mails_per_second: accepted as f64 / span.max(1e-9),
        goal_seconds: if recipients <= 1000 { 2.0 } else { 60.0 },
    })
}

/// A report to every participating State, as the demo's reporter sends it.
fn report_to_all() -> ReportDraft {
    ReportDraft {
        category: "threat".into(),
        tlp: "GREEN".into(),
        title: "Benchmark: scanning for a remote-access gateway's console".into(),
        description: "Synthetic report sent by pocdir-bench.".into(),
        all_states: true,
        ..ReportDraft::default()
    }
}

/// The urgent notification to every PoC of every participating State.
fn notification(states: Vec<String>) -> Compose {
    Compose {
        template: TemplateDraft {
            kind: "incident_notification".into(),
            urgency: "urgent".into(),
            tlp: "AMBER".into(),
            subject: "Benchmark: widespread exploitation of a remote-access gateway".into(),
            sectors: vec!["energy".into(), "telecommunications".into()],
            impact: "Outages at several operators.".into(),
            requested_action: "Check for the indicators and acknowledge.".into(),
            text: "Synthetic notification sent by pocdir-bench.".into(),
            text_language: "en".into(),
            ..TemplateDraft::default()
        },
        to: Addressing::States {
            states,
            roles: RoleChoice::Both,
        },
        attachments: Vec::new(),
    }
}

async fn inbox_scenario(
    args: &CommunicationsArgs,
    pocdir: &Path,
    cwd: &Path,
    db: &Db,
    backend: &str,
) -> Result<InboxResult> {
    let url = db.url()?;
    eprintln!("{backend}, inbox: seeding the demo …");
    seed_demo(args, pocdir, cwd, &url).await?;
    let keys = pocdir::sealing_keys::load_existing(&cwd.join("data"))?
        .context("the demo made no sealing key file")?;
    let store: Arc<dyn Store> = pocdir_store::open(&url, keys).await?;
    let reader = account(store.as_ref(), "technical.poc@cert.pk.example.org").await?;
    let (states, have) = poc_accounts(store.as_ref()).await?;
    add_accounts(store.clone(), &states, have, 1000).await?;
    let mut others = Vec::new();
    for s in &states {
        others.extend(store.poc_accounts_of(s, RoleChoice::Both).await?);
    }
    others.retain(|a| a.account_id != reader.id);
    if others.len() < 2 {
        bail!("too few PoC accounts");
    }
    eprintln!("storing {} communications …", args.messages);
    let t0 = Instant::now();
    let others = Arc::new(others);
    // SQLite has one writer: several big transactions only wait for it.
    let tasks = if backend == "sqlite" { 1 } else { 4 };
    let mut handles = Vec::new();
    for t in 0..tasks {
        let store = store.clone();
        let others = others.clone();
        let reader_id = reader.id;
        let n = args.messages;
        handles.push(tokio::spawn(async move {
            // Batches of 1,000 in one transaction each (the store's bulk path).
            let mut batch = Vec::with_capacity(1000);
            let mut i = t;
            while i < n {
                batch.push(synthetic_message(i, reader_id, &others)?);
                i += tasks;
                if batch.len() == 1000 || i >= n {
                    store
                        .send_communications(std::mem::take(&mut batch))
                        .await?;
                }
            }
            anyhow::Ok(())
        }));
    }
    for h in handles {
        h.await??;
    }
    let fill_seconds = t0.elapsed().as_secs_f64();
    eprintln!(
        "stored in {fill_seconds:.1} s ({:.0}/s); measuring the inbox …",
        args.messages as f64 / fill_seconds.max(1e-9)
    );
    let in_reader_inbox = args.messages.div_ceil(2);

    let who = Arc::new(reader.requester(Scopes::ALL));
    let warmup = Instant::now() + Duration::from_secs(1);
    let end = warmup + Duration::from_secs(args.seconds);
    let mut handles = Vec::new();
    for _ in 0..args.concurrency {
        let store = store.clone();
        let who = who.clone();
        handles.push(tokio::spawn(async move {
            let clock = SystemClock;
            let settings = settings(SocketAddr::from(([127, 0, 0, 1], 8080)));
            let service = Communications::new(store.as_ref(), &clock, &settings);
            let mut nanos = Vec::new();
            loop {
                let t = Instant::now();
                if t >= end {
                    break;
                }
                let page = service
                    .list(&who, Folder::Inbox, &InboxFilter::default(), 50)
                    .await
                    .map_err(|e| anyhow::anyhow!("list: {e:?}"))?;
                let _unread = service
                    .unread(&who)
                    .await
                    .map_err(|e| anyhow::anyhow!("unread: {e:?}"))?;
                if page.len() != 50 {
                    bail!("the inbox page has {} lines", page.len());
                }
                if t >= warmup {
                    nanos.push(u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX));
                }
            }
            anyhow::Ok(nanos)
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await??);
    }
    let count = all.len();
    let latency = Latency::of(all).context("no inbox page measured")?;
    drop(store);
    Ok(InboxResult {
        backend: backend.to_string(),
        messages: args.messages,
        in_reader_inbox,
        fill_seconds,
        concurrency: args.concurrency,
        pages_per_second: count as f64 / args.seconds as f64,
        latency,
        goal_p99_ms: 20.0,
    })
}

/// Communication `i`: every other one to the reader (and another PoC),
/// the rest between other PoCs; labels, kinds and urgencies in turn.
fn synthetic_message(
    i: usize,
    reader: i64,
    others: &[pocdir_store::PocAccount],
) -> Result<NewCommunication> {
    let pick = |k: usize| others.get(k % others.len()).context("no PoC");
    let sender = pick(i)?;
    let mut to = vec![pick(i + 1)?.clone()];
    let reader_gets_it = i.is_multiple_of(2);
    let now = SystemClock.now() - time::Duration::seconds(i64::try_from(i).unwrap_or(0));
    let labels = [
        TlpLabel::Green,
        TlpLabel::Amber,
        TlpLabel::AmberStrict,
        TlpLabel::Clear,
    ];
    let kinds = CommunicationKind::ALL;
    let urgencies = Urgency::ALL;
    let tlp = labels
        .get(i % labels.len())
        .copied()
        .unwrap_or(TlpLabel::Green);
    let kind = kinds
        .get(i % kinds.len())
        .copied()
        .unwrap_or(CommunicationKind::General);
    let urgency = urgencies
        .get(i % urgencies.len())
        .copied()
        .unwrap_or(Urgency::Routine);
    let mut recipients: Vec<NewRecipient> = to
        .drain(..)
        .filter(|r| r.account_id != sender.account_id)
        .map(|r| NewRecipient {
            account_id: r.account_id,
            state: r.state,
            kind: r.kind,
        })
        .collect();
    if reader_gets_it {
        recipients.push(NewRecipient {
            account_id: reader,
            state: "PAK".into(),
            kind: AccountKind::TechnicalPoc,
        });
    }
    let content = Content {
        subject: format!("Synthetic communication {i}"),
        started: None,
        detected: None,
        sectors: vec![Sector::Energy],
        impact: "None.".into(),
        requested_action: "None.".into(),
        respond_by: None,
        text: "Synthetic text for the inbox benchmark.".into(),
        text_language: "en".into(),
    };
    let ids: Vec<i64> = recipients.iter().map(|r| r.account_id).collect();
    let actor = LogActor {
        account_id: Some(sender.account_id),
        kind: sender.kind.as_str().to_string(),
        participant: Some(sender.state.clone()),
    };
    let log = events::communication_sent(
        now,
        &actor,
        &CommunicationFacts {
            kind: kind.as_str(),
            urgency: urgency.as_str(),
            tlp: tlp.code(),
            thread: None,
            parent: None,
            forwarded_from: None,
            recipients: &ids,
            content_sha256: "0000",
            attachments_sha256: &[],
            e2e: false,
        },
    )?;
    Ok(NewCommunication {
        thread_id: None,
        parent_id: None,
        forwarded_from: None,
        sender_account: sender.account_id,
        sender_state: sender.state.clone(),
        kind,
        urgency,
        tlp,
        addressed_roles: None,
        addressed_states: Vec::new(),
        content,
        content_sha256: "0000".into(),
        e2e: false,
        attachments: Vec::new(),
        recipients,
        sent_at: now,
        ack_deadline: AckDeadlines::default().deadline(urgency, now),
        mails: Vec::new(),
        log: vec![log],
    })
}

fn mail_line(r: &MailResult) -> String {
    format!(
        "  {:<9} {:>7} recipients: send {:>7.2} s, last mail {:>9}, {:>7} accepted, {:>8.0} mails/s (goal ≤ {} s)",
        r.backend,
        r.recipients,
        r.send_seconds,
        r.last_mail_seconds
            .map_or_else(|| "timed out".to_string(), |s| format!("{s:.2} s")),
        r.accepted,
        r.mails_per_second,
        r.goal_seconds
    )
}

fn inbox_line(r: &InboxResult) -> String {
    format!(
        "  {:<9} {:>7} messages ({} to the reader, stored in {:.1} s): {:.0} pages/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms at {} readers (goal p99 ≤ {} ms)",
        r.backend,
        r.messages,
        r.in_reader_inbox,
        r.fill_seconds,
        r.pages_per_second,
        r.latency.p50_ms,
        r.latency.p99_ms,
        r.latency.max_ms,
        r.concurrency,
        r.goal_p99_ms
    )
}

fn table(r: &Report) -> String {
    let mut out = format!("\npocdir communications benchmark — {} CPUs\n", r.cpus);
    if !r.mail.is_empty() {
        out.push_str(
            "\nOne urgent notification to every PoC: send → last mail accepted by the SMTP peer\n",
        );
        for m in &r.mail {
            out.push_str(&mail_line(m));
            out.push('\n');
        }
    }
    if !r.inbox.is_empty() {
        out.push_str(
            "\nInbox page (list of 50 + unread count, through the service and the store)\n",
        );
        for i in &r.inbox {
            out.push_str(&inbox_line(i));
            out.push('\n');
        }
    }
    out
}
