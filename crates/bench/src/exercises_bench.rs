//! `pocdir-bench exercises`: numbers for issue 17, reported, never
//! asserted.
//!
//! An exercise of 50 injects (one a minute, each a message to both roles
//! of every participating State of the demo, with an acknowledgement
//! expected) is prepared and started through the exercise service on the
//! demo's database, and its clock is fast-forwarded a minute at a time
//! (the job's round, `Exercises::tick`, after each minute) while the real
//! `pocdir serve` mails the injects to a real SMTP peer (aiosmtpd, started
//! here). Reported: the time from the start until the peer accepted the
//! last inject's last mail, and the facilitator console's latency
//! (`Exercises::console`, what `GET /exercises/{id}` asks the service) at
//! concurrency 32 while it runs. PoC accounts are added to the demo's so
//! that every active PoC entry of the demo has one.
//!
//! On SQLite (a file in a temporary folder) and on PostgreSQL (a fresh
//! database, dropped at the end).

use crate::communications_bench::{
    add_accounts, poc_accounts, seed_demo_within, serve_mailing, unix_nanos, Db, Sink,
};
use crate::stats::Latency;
use crate::{temp_dir, STOP_GRACE};
use anyhow::{bail, Context, Result};
use clap::Args;
use pocdir_communications::exercises::Exercises;
use pocdir_communications::Settings;
use pocdir_domain::clock::{Clock, ManualClock, SystemClock};
use pocdir_domain::communication::delivery::{AckDeadlines, RoleChoice};
use pocdir_domain::communication::template::Urgency;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::exercise::run::ExerciseStep;
use pocdir_domain::exercise::scenario::{
    Actor, ActorKind, Channel, ExpectationKind, ExpectationPlan, InjectPlan, Level, Recipients,
    Scenario, FORMAT,
};
use pocdir_domain::policy::Scopes;
use pocdir_store::Store;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct ExercisesArgs {
    /// The pocdir binary to measure (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Backends: sqlite, postgres.
    #[arg(long, value_delimiter = ',', default_value = "sqlite,postgres")]
    backends: Vec<String>,
    /// PostgreSQL to make the temporary databases in (default:
    /// POCDIR_TEST_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres).
    #[arg(long)]
    postgres_url: Option<String>,
    /// Injects in the exercise (one a minute of exercise time).
    #[arg(long, default_value_t = 50)]
    injects: u32,
    /// Concurrent readers of the facilitator's console.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Each reader's pause between two reads (a console refreshed every
    /// second by each of 32 facilitators); 0 reads back to back, which on 2
    /// CPUs starves the rounds and the mail job instead of measuring them.
    #[arg(long, default_value_t = 1000)]
    console_pause_ms: u64,
    /// Give up waiting for the last mail after this many seconds.
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
    #[arg(long, default_value_t = 60)]
    start_timeout: u64,
}

#[derive(Debug, Serialize)]
struct Report {
    command_line: Vec<String>,
    cpus: usize,
    runs: Vec<RunResult>,
}

#[derive(Debug, Serialize)]
struct RunResult {
    backend: String,
    injects: u32,
    states: usize,
    players: usize,
    /// Mails the injects cause (injects × players).
    mails: usize,
    /// Playing all injects on the fast-forwarded clock (the rounds only).
    play_seconds: f64,
    /// From the start until the peer accepted the last mail.
    last_mail_seconds: Option<f64>,
    accepted: usize,
    mails_per_second: f64,
    console_concurrency: usize,
    console_pause_ms: u64,
    console_per_second: f64,
    console: Latency,
}

pub fn run(args: ExercisesArgs) -> Result<bool> {
    if args.concurrency == 0 || args.injects == 0 {
        bail!("--concurrency and --injects must be at least 1");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

async fn bench(args: ExercisesArgs) -> Result<bool> {
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
        runs: Vec::new(),
    };
    for backend in &args.backends {
        let tmp = temp_dir(&work_dir)?;
        let db = Db::make(backend, &tmp.path().join("data"), &admin, "exercise").await?;
        let result = scenario(&args, &pocdir, tmp.path(), &db, backend).await;
        db.drop_it().await;
        let result = result?;
        eprintln!("{}", line(&result));
        report.runs.push(result);
    }
    print!("{}", table(&report));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(true)
}

/// `injects` messages, one a minute, to both roles of every State.
fn synthetic_scenario(injects: u32) -> Scenario {
    let text = |s: String| BTreeMap::from([("en".to_string(), s)]);
    Scenario {
        format: FORMAT.to_string(),
        title: format!("Benchmark: {injects} injects"),
        level: Level::Communication,
        language: "en".into(),
        objectives: vec!["Acknowledge every inject within 30 minutes.".into()],
        actors: vec![Actor {
            key: "control".into(),
            name: "Exercise control".into(),
            kind: ActorKind::Control,
        }],
        injects: (0..injects)
            .map(|i| InjectPlan {
                key: format!("inject-{i}"),
                at_minutes: i,
                channel: Channel::Message,
                from: "control".into(),
                to: Recipients {
                    roles: RoleChoice::Both,
                    states: None,
                },
                tlp: TlpLabel::Green,
                urgency: Urgency::Priority,
                subject: text(format!("Situation update {i}")),
                text: text(format!(
                    "Update {i}: the interconnector runs at reduced capacity; please acknowledge."
                )),
                expect: vec![ExpectationPlan {
                    kind: ExpectationKind::Acknowledge,
                    within_minutes: 30,
                    score: 5,
                    description: None,
                }],
                condition: None,
            })
            .collect(),
    }
}

async fn scenario(
    args: &ExercisesArgs,
    pocdir: &Path,
    cwd: &Path,
    db: &Db,
    backend: &str,
) -> Result<RunResult> {
    let url = db.url()?;
    eprintln!("{backend}: seeding the demo …");
    seed_demo_within(pocdir, cwd, &url, args.start_timeout).await?;
    let keys = pocdir::sealing_keys::load_existing(&cwd.join("data"))?
        .context("the demo made no sealing key file")?;
    let store: Arc<dyn Store> = pocdir_store::open(&url, keys).await?;
    let (states, have) = poc_accounts(store.as_ref()).await?;
    let entries = store.active_pocs().await?.len();
    add_accounts(store.clone(), &states, have, entries.max(have)).await?;
    let (_, players) = poc_accounts(store.as_ref()).await?;
    let secretariat = store
        .account_by_email("secretariat@secretariat.example.org")
        .await?
        .context("the demo's secretariat")?
        .requester(Scopes::ALL);

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
    let base = sink
        .settle(Duration::from_secs(args.mail_send_seconds.max(1) * 3))
        .await;
    eprintln!(
        "{base} demo mails delivered; {} States, {players} players: playing {} injects …",
        states.len(),
        args.injects
    );
    let settings = Settings {
        deadlines: AckDeadlines::default(),
        base_url: format!("http://{addr}"),
    };
    // The exercise clock starts as many minutes ago as the exercise lasts
    // and is fast-forwarded to now: the mails it queues are due at once
    // for the real server's mail job (whose clock is the real one).
    let clock =
        ManualClock::new(SystemClock.now() - time::Duration::minutes(i64::from(args.injects)));
    let service = Exercises::new(store.as_ref(), &clock, &settings);
    let file = synthetic_scenario(args.injects).to_json();
    let id = service
        .prepare(&secretariat, file.as_bytes(), &states)
        .await
        .map_err(|e| anyhow::anyhow!("prepare: {e:?}"))?;

    // The facilitator's console, read at `concurrency` until the last mail.
    let running = Arc::new(AtomicBool::new(true));
    let mut readers = Vec::new();
    for _ in 0..args.concurrency {
        let store = store.clone();
        let running = running.clone();
        let settings = settings.clone();
        let pause = Duration::from_millis(args.console_pause_ms);
        readers.push(tokio::spawn(async move {
            let clock = SystemClock;
            let service = Exercises::new(store.as_ref(), &clock, &settings);
            let mut nanos = Vec::new();
            while running.load(Ordering::Relaxed) {
                let t = Instant::now();
                service
                    .console(id)
                    .await
                    .map_err(|e| anyhow::anyhow!("console: {e:?}"))?;
                nanos.push(u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX));
                tokio::time::sleep(pause).await;
            }
            anyhow::Ok(nanos)
        }));
    }
    let console_started = Instant::now();
    let started = unix_nanos();
    let t0 = Instant::now();
    service
        .step(&secretariat, id, ExerciseStep::Start)
        .await
        .map_err(|e| anyhow::anyhow!("start: {e:?}"))?;
    for _ in 1..args.injects {
        clock.advance(time::Duration::minutes(1));
        service
            .tick()
            .await
            .map_err(|e| anyhow::anyhow!("round: {e:?}"))?;
    }
    let play_seconds = t0.elapsed().as_secs_f64();
    let expected = store.exercise_deliveries(id).await?.len();
    eprintln!("played in {play_seconds:.2} s: {expected} mails; waiting for the peer …");
    let (accepted, last) = sink
        .wait_for(
            base,
            expected,
            Duration::from_secs(args.mail_timeout),
            &mut server,
        )
        .await?;
    running.store(false, Ordering::Relaxed);
    let console_seconds = console_started.elapsed().as_secs_f64();
    let mut all = Vec::new();
    for r in readers {
        all.extend(r.await??);
    }
    let console_count = all.len();
    let console = Latency::of(all).context("no console read measured")?;
    let done = accepted >= expected;
    let last_mail_seconds = done.then(|| last.saturating_sub(started) as f64 / 1e9);
    let span = last_mail_seconds.unwrap_or(args.mail_timeout as f64);
    server.stop(STOP_GRACE).await?;
    sink.child.stop(STOP_GRACE).await.ok();
    drop(store);
    Ok(RunResult {
        backend: backend.to_string(),
        injects: args.injects,
        states: states.len(),
        players,
        mails: expected,
        play_seconds,
        last_mail_seconds,
        accepted,
        mails_per_second: accepted as f64 / span.max(1e-9),
        console_concurrency: args.concurrency,
        console_pause_ms: args.console_pause_ms,
        console_per_second: console_count as f64 / console_seconds.max(1e-9),
        console,
    })
}

fn line(r: &RunResult) -> String {
    format!(
        "  {:<9} {} injects × {} players ({} States) = {} mails: played in {:.2} s, last mail {} ({:.0} mails/s); console at {} (pause {} ms): {:.0}/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        r.backend,
        r.injects,
        r.players,
        r.states,
        r.mails,
        r.play_seconds,
        r.last_mail_seconds
            .map_or_else(|| "timed out".to_string(), |s| format!("{s:.2} s")),
        r.mails_per_second,
        r.console_concurrency,
        r.console_pause_ms,
        r.console_per_second,
        r.console.p50_ms,
        r.console.p99_ms,
        r.console.max_ms
    )
}

fn table(r: &Report) -> String {
    let mut out = format!("\npocdir exercises benchmark — {} CPUs\n", r.cpus);
    out.push_str(
        "\nA fast-forwarded exercise: start → last inject mail accepted by the SMTP peer; the facilitator's console meanwhile\n",
    );
    for run in &r.runs {
        out.push_str(&line(run));
        out.push('\n');
    }
    out
}
