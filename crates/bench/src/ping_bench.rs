//! `pocdir-bench ping`: numbers for issue 13 (ping tests), reported, never
//! asserted.
//!
//! Per backend (SQLite in a temporary folder, PostgreSQL in a fresh
//! database dropped at the end), after `pocdir serve --demo` once (the demo
//! directory, its accounts and its campaigns) and N synthetic PoCs added
//! (default 100,000, nominated through the store in batches and activated
//! in bulk with one SQL statement, as `pocdir-bench directory` does):
//!
//! 1. **create**: an ad-hoc campaign to everyone, created by the demo
//!    secretariat through the ping test service (`PingTests::create`, the
//!    call the API and the page make): reading the targets, a token, a
//!    sealed challenge and a mail per PoC, one transaction. Goal ≤ 5 s.
//! 2. **answer**: answers by token through the API of the real `pocdir
//!    serve` (`POST /api/v1/ping-tests/answer`, written by its group-commit
//!    writer), at a given concurrency of keep-alive connections; answers
//!    per second and the latency of each. Goal ≥ 5,000/s.
//! 3. **mail**: the real `pocdir serve` with its mail job pointed at a real
//!    SMTP peer (aiosmtpd, started here): from the server ready until the
//!    peer accepted the last of the queued challenge mails.

use crate::communications_bench::{serve, serve_mailing, unix_nanos, Db, Sink};
use crate::directory_bench::synthetic_draft;
use crate::stats::Latency;
use crate::{free_addr, http, temp_dir, wait_ready, STOP_GRACE};
use anyhow::{bail, Context, Result};
use clap::Args;
use pocdir_domain::clock::{Clock, SystemClock};
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_domain::ping_test::campaign::{CampaignDraft, PingSettings};
use pocdir_domain::policy::Scopes;
use pocdir_ping_tests::{PingTests, Settings};
use pocdir_store::{NewNomination, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct PingArgs {
    /// The pocdir binary (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Parts to run: create, answer, mail (answer and mail need create).
    #[arg(long, value_delimiter = ',', default_value = "create,answer,mail")]
    parts: Vec<String>,
    /// Backends: sqlite, postgres.
    #[arg(long, value_delimiter = ',', default_value = "sqlite,postgres")]
    backends: Vec<String>,
    /// PostgreSQL to make the temporary databases in (default:
    /// POCDIR_TEST_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres).
    #[arg(long)]
    postgres_url: Option<String>,
    /// Synthetic active PoCs added to the demo's.
    #[arg(long, default_value_t = 100_000)]
    pocs: usize,
    /// Answers to record (at most one per challenge).
    #[arg(long, default_value_t = 50_000)]
    answers: usize,
    /// Concurrent answerers.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Give up waiting for the last mail after this many seconds (what was
    /// accepted by then is reported, with the rate).
    #[arg(long, default_value_t = 600)]
    mail_timeout: u64,
    /// The server's mail job period (`mail_send_seconds`).
    #[arg(long, default_value_t = 1)]
    mail_send_seconds: u64,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Where the temporary data folders go (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// Give up on a server that does not answer /healthz within this many seconds.
    #[arg(long, default_value_t = 120)]
    start_timeout: u64,
}

#[derive(Debug, Default, Serialize)]
struct PingResult {
    backend: String,
    /// `pocdir serve --demo` on an empty database until /healthz answers.
    demo_start_seconds: f64,
    synthetic_pocs: usize,
    seed_seconds: f64,
    /// Challenges of the measured campaign (every active PoC).
    challenges: usize,
    /// Reading and opening the targets alone (part of the create).
    targets_seconds: f64,
    create_seconds: f64,
    create_goal_seconds: f64,
    answers: usize,
    answer_errors: usize,
    concurrency: usize,
    answers_per_second: f64,
    answer_latency: Option<Latency>,
    answer_goal_per_second: f64,
    mails_expected: usize,
    mails_accepted: usize,
    last_mail_seconds: Option<f64>,
    mails_per_second: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    command_line: Vec<String>,
    cpus: usize,
    results: Vec<PingResult>,
}

pub fn run(args: PingArgs) -> Result<bool> {
    if args.concurrency == 0 {
        bail!("--concurrency must be at least 1");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

async fn bench(args: PingArgs) -> Result<bool> {
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
        results: Vec::new(),
    };
    for backend in &args.backends {
        let tmp = temp_dir(&work_dir)?;
        let db = Db::make(backend, &tmp.path().join("data"), &admin, "ping").await?;
        let result = scenario(&args, &pocdir, tmp.path(), &db, backend).await;
        db.drop_it().await;
        let result = result?;
        eprintln!("{}", line(&result));
        report.results.push(result);
    }
    print!("{}", table(&report));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(true)
}

async fn scenario(
    args: &PingArgs,
    pocdir: &Path,
    cwd: &Path,
    db: &Db,
    backend: &str,
) -> Result<PingResult> {
    let url = db.url()?;
    let mut r = PingResult {
        backend: backend.to_string(),
        concurrency: args.concurrency,
        create_goal_seconds: 5.0,
        answer_goal_per_second: 5000.0,
        ..PingResult::default()
    };
    eprintln!("{backend}: seeding the demo …");
    let addr = free_addr()?;
    let t0 = Instant::now();
    let mut server = serve(pocdir, cwd, &url, addr, true, &[])?;
    wait_ready(
        &mut server,
        addr,
        Instant::now(),
        Duration::from_secs(args.start_timeout),
    )
    .await?;
    r.demo_start_seconds = t0.elapsed().as_secs_f64();
    server.stop(STOP_GRACE).await?;

    let keys = pocdir::sealing_keys::load_existing(&cwd.join("data"))?
        .context("the demo made no sealing key file")?;
    let store: Arc<dyn Store> = pocdir_store::open(&url, keys).await?;
    eprintln!("{backend}: adding {} synthetic PoCs …", args.pocs);
    let t0 = Instant::now();
    add_synthetic(store.as_ref(), backend, &url, args.pocs).await?;
    r.synthetic_pocs = args.pocs;
    r.seed_seconds = t0.elapsed().as_secs_f64();

    if !args.parts.iter().any(|p| p == "create") {
        return Ok(r);
    }
    let secretariat = store
        .account_by_email("secretariat@secretariat.example.org")
        .await?
        .context("the demo has no secretariat")?
        .requester(Scopes::ALL);
    let settings = Settings {
        ping: PingSettings::default(),
        schedule: false,
        base_url: format!("http://{addr}"),
    };
    let clock = SystemClock;
    let service = PingTests::new(store.as_ref(), &clock, &settings);
    let t0 = Instant::now();
    let targets = store.ping_targets().await?.len();
    r.targets_seconds = t0.elapsed().as_secs_f64();
    let before = store.mail_counts().await?.queued;
    eprintln!("{backend}: creating a campaign over {targets} PoCs …");
    let t0 = Instant::now();
    let id = service
        .create(
            &secretariat,
            &CampaignDraft {
                title: "Benchmark".into(),
                ..CampaignDraft::default()
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("the campaign was not created: {e:?}"))?;
    r.create_seconds = t0.elapsed().as_secs_f64();
    r.challenges = usize::try_from(store.mail_counts().await?.queued - before).unwrap_or(0);
    eprintln!(
        "{backend}: {} challenges in {:.2} s",
        r.challenges, r.create_seconds
    );

    if args.parts.iter().any(|p| p == "answer") {
        answer_part(args, pocdir, cwd, &url, &store, id, &mut r).await?;
    }
    if args.parts.iter().any(|p| p == "mail") {
        mail_part(args, pocdir, cwd, &url, store.as_ref(), &mut r).await?;
    }
    Ok(r)
}

/// Answers by token through the API (`POST /api/v1/ping-tests/answer`)
/// of a real `pocdir serve`, `concurrency` keep-alive connections at once:
/// what a burst of PoCs pressing the button costs, HTTP, the token's
/// lookup and the group commit included.
async fn answer_part(
    args: &PingArgs,
    pocdir: &Path,
    cwd: &Path,
    url: &str,
    store: &Arc<dyn Store>,
    campaign: i64,
    r: &mut PingResult,
) -> Result<()> {
    // The tokens, opened as the reminders read them (setup, not measured).
    let mut tokens: Vec<String> = store
        .reminder_targets(campaign, 1, u32::MAX)
        .await?
        .into_iter()
        .map(|t| t.token)
        .collect();
    tokens.truncate(args.answers);
    let addr = free_addr()?;
    let mut server = serve(pocdir, cwd, url, addr, false, &[])?;
    wait_ready(
        &mut server,
        addr,
        Instant::now(),
        Duration::from_secs(args.start_timeout),
    )
    .await?;
    let requests: Arc<Vec<Vec<u8>>> = Arc::new(
        tokens
            .iter()
            .map(|t| {
                http::post_json_request(
                    addr,
                    "/api/v1/ping-tests/answer",
                    &format!("{{\"token\":\"{t}\"}}"),
                )
            })
            .collect(),
    );
    let next = Arc::new(AtomicUsize::new(0));
    eprintln!(
        "{}: {} answers through the API at concurrency {} …",
        r.backend,
        requests.len(),
        args.concurrency
    );
    let t0 = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..args.concurrency {
        let requests = requests.clone();
        let next = next.clone();
        tasks.spawn(async move {
            let mut nanos = Vec::new();
            let mut errors = 0usize;
            let mut conn = match http::Conn::connect(addr).await {
                Ok(c) => c,
                Err(_) => return (nanos, usize::MAX),
            };
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(request) = requests.get(i) else {
                    break;
                };
                let t = Instant::now();
                match conn.send(request).await {
                    Ok(resp) if resp.status == 200 => {
                        nanos.push(u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX))
                    }
                    Ok(resp) => {
                        errors += 1;
                        if resp.close {
                            match http::Conn::connect(addr).await {
                                Ok(c) => conn = c,
                                Err(_) => break,
                            }
                        }
                    }
                    Err(_) => {
                        errors += 1;
                        match http::Conn::connect(addr).await {
                            Ok(c) => conn = c,
                            Err(_) => break,
                        }
                    }
                }
            }
            (nanos, errors)
        });
    }
    let results = tasks.join_all().await;
    let seconds = t0.elapsed().as_secs_f64();
    let mut nanos = Vec::new();
    for (n, e) in results {
        nanos.extend(n);
        r.answer_errors = r.answer_errors.saturating_add(e);
    }
    r.answers = nanos.len();
    r.answers_per_second = r.answers as f64 / seconds.max(1e-9);
    r.answer_latency = Latency::of(nanos);
    server.stop(STOP_GRACE).await?;
    Ok(())
}

async fn mail_part(
    args: &PingArgs,
    pocdir: &Path,
    cwd: &Path,
    url: &str,
    store: &dyn Store,
    r: &mut PingResult,
) -> Result<()> {
    r.mails_expected = usize::try_from(store.mail_counts().await?.queued).unwrap_or(0);
    let sink = Sink::start(cwd).await?;
    eprintln!(
        "{}: serving {} queued mails to the SMTP peer …",
        r.backend, r.mails_expected
    );
    let (mut server, _) = serve_mailing(
        pocdir,
        cwd,
        url,
        &sink,
        args.mail_send_seconds,
        args.start_timeout,
    )
    .await?;
    let started = unix_nanos();
    let (accepted, last) = sink
        .wait_for(
            0,
            r.mails_expected,
            Duration::from_secs(args.mail_timeout),
            &mut server,
        )
        .await?;
    r.mails_accepted = accepted;
    let span = if accepted >= r.mails_expected {
        let s = last.saturating_sub(started) as f64 / 1e9;
        r.last_mail_seconds = Some(s);
        s
    } else {
        args.mail_timeout as f64
    };
    r.mails_per_second = accepted as f64 / span.max(1e-9);
    server.stop(STOP_GRACE).await?;
    sink.child.stop(STOP_GRACE).await.ok();
    Ok(())
}

/// Nominates `n` synthetic PoCs spread over the Member States (batches of
/// 2,000, each one transaction with its log entries), then activates them
/// and makes their States participating in one statement each (the bulk
/// shortcut of `pocdir-bench directory`, for both backends).
pub(crate) async fn add_synthetic(
    store: &dyn Store,
    backend: &str,
    url: &str,
    n: usize,
) -> Result<()> {
    let states: Vec<String> = store
        .participants()
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    if states.is_empty() {
        bail!("no participants seeded");
    }
    let now = SystemClock.now();
    let actor = LogActor {
        account_id: None,
        kind: "console".into(),
        participant: None,
    };
    let mut batch = Vec::with_capacity(2000);
    for i in 0..n {
        let participant = states
            .get(i % states.len())
            .cloned()
            .context("no participant")?;
        let details = synthetic_draft(i)
            .validate(now)
            .map_err(|e| anyhow::anyhow!("synthetic PoC {i} does not validate: {e:?}"))?;
        batch.push(NewNomination {
            log: events::poc_proposed(now, actor.clone(), &participant, &details)?,
            participant,
            role: details.role,
            details_json: serde_json::to_string(&details)?,
        });
        if batch.len() == 2000 || i + 1 == n {
            store.propose_pocs(&batch, None, now).await?;
            batch.clear();
        }
    }
    const ACTIVATE: &str = "UPDATE pocs SET status = 'active', active = pending, pending = NULL, \
         pending_action = NULL, pending_at = NULL, confirmed_at = {now}, version = version + 1 \
         WHERE pending_action = 'create'";
    const PARTICIPATE: &str = "UPDATE participants SET status = 'participating' \
         WHERE code IN (SELECT participant FROM pocs WHERE status = 'active')";
    let activate = ACTIVATE.replace("{now}", &now.unix_timestamp().to_string());
    if backend == "sqlite" {
        let pool = sqlx::SqlitePool::connect(url).await?;
        sqlx::query(&activate).execute(&pool).await?;
        sqlx::query(PARTICIPATE).execute(&pool).await?;
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await?;
        sqlx::query(&activate).execute(&pool).await?;
        sqlx::query(PARTICIPATE).execute(&pool).await?;
        pool.close().await;
    }
    Ok(())
}

fn line(r: &PingResult) -> String {
    format!(
        "{}: create over {} PoCs {:.2} s (targets {:.2} s); {} answers at c={} {:.0}/s \
         (p50 {:.1} ms, p99 {:.1} ms, {} errors); {}/{} mails accepted, {:.0}/s",
        r.backend,
        r.challenges,
        r.create_seconds,
        r.targets_seconds,
        r.answers,
        r.concurrency,
        r.answers_per_second,
        r.answer_latency.as_ref().map_or(0.0, |l| l.p50_ms),
        r.answer_latency.as_ref().map_or(0.0, |l| l.p99_ms),
        r.answer_errors,
        r.mails_accepted,
        r.mails_expected,
        r.mails_per_second,
    )
}

fn table(report: &Report) -> String {
    let mut out = format!(
        "pocdir-bench ping ({} CPUs)\n{:<9} {:>8} {:>9} {:>9} {:>9} {:>10} {:>8} {:>8} {:>9} {:>9}\n",
        report.cpus,
        "backend",
        "PoCs",
        "demo s",
        "create s",
        "answers",
        "answers/s",
        "p50 ms",
        "p99 ms",
        "mails",
        "mails/s"
    );
    for r in &report.results {
        out.push_str(&format!(
            "{:<9} {:>8} {:>9.2} {:>9.2} {:>9} {:>10.0} {:>8.1} {:>8.1} {:>9} {:>9.0}\n",
            r.backend,
            r.challenges,
            r.demo_start_seconds,
            r.create_seconds,
            r.answers,
            r.answers_per_second,
            r.answer_latency.as_ref().map_or(0.0, |l| l.p50_ms),
            r.answer_latency.as_ref().map_or(0.0, |l| l.p99_ms),
            r.mails_accepted,
            r.mails_per_second
        ));
    }
    out.push_str("goals: create ≤ 5 s over 100,000 PoCs; ≥ 5,000 answers/s at concurrency 32\n");
    out
}
