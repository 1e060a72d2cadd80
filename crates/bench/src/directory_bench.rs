//! `pocdir-bench directory`: requests/s and latency of the directory's list
//! and search — `GET /api/v1/pocs` unfiltered, filtered, "who is within hours
//! now", and the filtered HTML search page `/directory` — with the demo data
//! and with N synthetic PoCs added (default 100,000), at a fixed concurrency.
//!
//! Each scenario: `pocdir serve --demo` on a fresh SQLite data folder (then
//! stopped); synthetic PoCs nominated through the store in batches (one
//! transaction each, logged like an import) and then activated in bulk with
//! one SQL statement — a shortcut for loading, not a path the server has;
//! a signed-in browser session made for the demo's Pakistani technical PoC
//! (a participating State, so it reads the whole directory); then the
//! server again, measured.

use crate::proc::ChildGuard;
use crate::{
    check_once, clean_command, free_addr, http, run_load, temp_dir, wait_ready, LoadPlan,
    LoadResult, STOP_GRACE,
};
use anyhow::{bail, Context, Result};
use clap::Args;
use pocdir_domain::clock::{Clock, SystemClock};
use pocdir_domain::credentials::SecretToken;
use pocdir_domain::directory::poc::{PhoneDraft, PocDraft};
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_store::{NewNomination, NewSession, Store};
use serde::Serialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct DirectoryArgs {
    /// The pocdir binary to measure (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Synthetic PoCs added to the demo data, one scenario each (0 = the demo alone).
    #[arg(long, value_delimiter = ',', default_value = "0,100000")]
    synthetic: Vec<usize>,
    /// Seconds of measured load, per path.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Seconds of load before measuring, per path.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Concurrent workers, each on its own keep-alive connection.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Where the temporary data folders go (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// A request that takes longer than this counts as an error.
    #[arg(long, default_value_t = 5000)]
    request_timeout_ms: u64,
    /// Give up on a server that does not answer /healthz within this many seconds.
    #[arg(long, default_value_t = 60)]
    start_timeout: u64,
    /// Keep each scenario's data folder (printed) to look into afterwards.
    #[arg(long)]
    keep: bool,
}

/// What is measured, in each scenario.
const PATHS: &[(&str, &str)] = &[
    ("list (API, first page of all)", "/api/v1/pocs"),
    (
        "filtered search (API)",
        "/api/v1/pocs?q=ministry&region=Asia&role=technical&language=en",
    ),
    (
        "who is within hours now (API)",
        "/api/v1/pocs?awake=on&time_zone=Europe",
    ),
    (
        "filtered search page (HTML)",
        "/directory?q=ministry&region=Asia&role=technical&language=en",
    ),
    // The pages a PoC opens first: its home (its own entry, its State's due
    // dates), the directory's first page and its State's page.
    ("the PoC's home (HTML)", "/"),
    ("directory, first page (HTML)", "/directory"),
    ("a State's page (HTML)", "/participants/PAK"),
];

#[derive(Debug, Serialize)]
struct DirectoryReport {
    command_line: Vec<String>,
    cpus: usize,
    concurrency: usize,
    seconds: u64,
    warmup_seconds: u64,
    scenarios: Vec<Scenario>,
    ok: bool,
}

#[derive(Debug, Serialize)]
struct Scenario {
    synthetic_pocs: usize,
    active_pocs: usize,
    participating_states: usize,
    /// Time to nominate and activate the synthetic PoCs.
    load_seconds: f64,
    paths: Vec<PathResult>,
}

#[derive(Debug, Serialize)]
struct PathResult {
    what: &'static str,
    path: &'static str,
    result: LoadResult,
}

pub fn run(args: DirectoryArgs) -> Result<bool> {
    if args.concurrency == 0 || args.concurrency > 10_000 || args.seconds == 0 {
        bail!("--concurrency must be 1..=10000 and --seconds at least 1");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

async fn bench(args: DirectoryArgs) -> Result<bool> {
    let pocdir = std::fs::canonicalize(&args.pocdir).with_context(|| {
        format!(
            "no pocdir binary at {} (build it: cargo build --release -p pocdir)",
            args.pocdir.display()
        )
    })?;
    let work_dir = args.work_dir.clone().unwrap_or_else(std::env::temp_dir);
    let timeout = Duration::from_secs(args.start_timeout);
    let mut scenarios = Vec::new();
    for &synthetic in &args.synthetic {
        let tmp = temp_dir(&work_dir)?;
        let data = tmp.path().join("data");

        // The demo: seeded by the real command, then stopped.
        let addr = free_addr()?;
        let mut server = spawn(&pocdir, tmp.path(), &data, addr, true)?;
        wait_ready(&mut server, addr, Instant::now(), timeout).await?;
        server.stop(STOP_GRACE).await?;

        let url = format!("sqlite://{}?mode=rwc", data.join("pocdir.db").display());
        let keys =
            pocdir::sealing_keys::load_existing(&data)?.context("the demo made no key file")?;
        let store = pocdir_store::open(&url, keys)
            .await
            .with_context(|| format!("cannot open {url}"))?;
        let t0 = Instant::now();
        if synthetic > 0 {
            eprintln!("adding {synthetic} synthetic PoCs …");
            add_synthetic(store.as_ref(), &url, synthetic).await?;
        }
        let load_seconds = t0.elapsed().as_secs_f64();
        let cookie = reader_session(store.as_ref(), &data).await?;
        let active_pocs = store.active_pocs().await?.len();
        let participating_states = store
            .participants()
            .await?
            .iter()
            .filter(|p| p.status.takes_part())
            .count();
        drop(store);

        let addr = free_addr()?;
        let mut server = spawn(&pocdir, tmp.path(), &data, addr, false)?;
        wait_ready(&mut server, addr, Instant::now(), timeout).await?;
        let mut paths = Vec::new();
        for (what, path) in PATHS {
            let plan = LoadPlan {
                addr,
                request: Arc::new(http::get_request_with_cookie(addr, path, &cookie)),
                concurrency: args.concurrency,
                warmup: Duration::from_secs(args.warmup),
                measure: Duration::from_secs(args.seconds),
                request_timeout: Duration::from_millis(args.request_timeout_ms),
            };
            check_once(&plan, what).await?;
            eprintln!(
                "{active_pocs} active PoCs: {what}: {} workers, {} s + {} s …",
                args.concurrency, args.warmup, args.seconds
            );
            let result = run_load(&plan).await?;
            eprintln!(
                "  {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, errors {}",
                result.requests_per_second,
                result.latency.p50_ms,
                result.latency.p99_ms,
                result.errors
            );
            paths.push(PathResult { what, path, result });
        }
        if let Some(status) = server.exited()? {
            return Err(server.died(status));
        }
        server.stop(STOP_GRACE).await?;
        if args.keep {
            eprintln!("kept {}", tmp.keep().display());
        }
        scenarios.push(Scenario {
            synthetic_pocs: synthetic,
            active_pocs,
            participating_states,
            load_seconds,
            paths,
        });
    }
    let ok = scenarios
        .iter()
        .all(|s| s.paths.iter().all(|p| p.result.errors == 0));
    let report = DirectoryReport {
        command_line: std::env::args().collect(),
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        concurrency: args.concurrency,
        seconds: args.seconds,
        warmup_seconds: args.warmup,
        scenarios,
        ok,
    };
    print!("{}", table(&report));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ok)
}

fn spawn(
    pocdir: &Path,
    cwd: &Path,
    data: &Path,
    addr: SocketAddr,
    demo: bool,
) -> Result<ChildGuard> {
    let mut cmd = clean_command(pocdir, cwd);
    cmd.arg("serve")
        .arg("--data-dir")
        .arg(data)
        .arg("--listen")
        .arg(addr.to_string());
    if demo {
        cmd.arg("--demo");
    }
    ChildGuard::spawn("pocdir serve", cmd, &cwd.join("pocdir.log"), Stdio::null())
}

/// A signed-in session (second factor done) for the demo's technical PoC
/// of Pakistan; the `Cookie` header value.
async fn reader_session(store: &dyn Store, data: &Path) -> Result<String> {
    let logins: Vec<serde_json::Value> = serde_json::from_slice(
        &std::fs::read(data.join("demo-accounts.json")).context("no demo-accounts.json")?,
    )?;
    let email = logins
        .iter()
        .find(|l| l["kind"] == "technical_poc" && l["participant"] == "PAK")
        .and_then(|l| l["email"].as_str())
        .context("no technical PoC of PAK among the demo logins")?;
    let account = store
        .account_by_email(email)
        .await?
        .context("demo account missing")?;
    let token = SecretToken::generate("bench_", &pocdir_domain::entropy::OsEntropy);
    let now = SystemClock.now();
    store
        .create_session(NewSession {
            token_hash: token.hash.clone(),
            account_id: account.id,
            mfa_done: true,
            created_at: now,
            expires_at: now + time::Duration::hours(8),
            user_agent: "pocdir-bench".into(),
            client_address: "127.0.0.1".into(),
        })
        .await?;
    Ok(format!("pocdir_session={}", token.secret))
}

/// Nominates `n` synthetic PoCs spread over the Member States (batches of
/// 2,000, each one transaction with its log entries), then activates them
/// and makes their States participating in one statement each.
pub(crate) async fn add_synthetic(store: &dyn Store, url: &str, n: usize) -> Result<()> {
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
        let draft = synthetic_draft(i);
        let details = draft
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
    // The bulk shortcut: verification of each would be 100,000 decisions.
    let pool = sqlx::SqlitePool::connect(url).await?;
    sqlx::query(
        "UPDATE pocs SET status = 'active', active = pending, pending = NULL, \
         pending_action = NULL, pending_at = NULL, confirmed_at = ?1, version = version + 1 \
         WHERE pending_action = 'create'",
    )
    .bind(now.unix_timestamp())
    .execute(&pool)
    .await?;
    sqlx::query(
        "UPDATE participants SET status = 'participating' \
         WHERE code IN (SELECT participant FROM pocs WHERE status = 'active')",
    )
    .execute(&pool)
    .await?;
    pool.close().await;
    Ok(())
}

const GIVEN: &[&str] = &[
    "Amina",
    "Ivan",
    "Mei",
    "Carlos",
    "Fatima",
    "Kenji",
    "Olga",
    "Rahul",
    "Sofia",
    "Youssef",
    "Анна",
    "Дмитрий",
    "李",
    "王芳",
    "محمد",
    "ليلى",
    "Zeynep",
    "Tomás",
    "Nguyễn",
    "Ama",
];
const FAMILY: &[&str] = &[
    "Diallo",
    "Petrov",
    "Chen",
    "García",
    "Haddad",
    "Sato",
    "Ivanova",
    "Sharma",
    "Rossi",
    "Mansour",
    "Смирнова",
    "Кузнецов",
    "明",
    "张",
    "العلي",
    "حداد",
    "Yılmaz",
    "Ferreira",
    "Văn An",
    "Mensah",
];
const ORGS: &[&str] = &[
    "Ministry of Foreign Affairs, Cyber Diplomacy Desk",
    "National CERT",
    "National Cyber Security Centre",
    "Permanent Mission to the United Nations",
    "Ministry of Digital Affairs",
    "Computer Security Incident Response Team",
];
const ZONES: &[&str] = &[
    "Europe/Paris",
    "Asia/Karachi",
    "America/New_York",
    "Africa/Nairobi",
    "Asia/Tokyo",
    "Europe/Moscow",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Asia/Riyadh",
    "Asia/Shanghai",
];
const LANGUAGES: &[&[&str]] = &[
    &["en"],
    &["fr", "en"],
    &["ar", "en"],
    &["ru"],
    &["zh-Hans", "en"],
    &["es", "pt"],
];
const HOURS: &[&str] = &[
    "Mon-Fri 09:00-17:00",
    "24/7",
    "Sun-Thu 08:00-16:00",
    "Mon-Fri 08:30-18:00",
];

fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list.get(i % list.len().max(1)).copied().unwrap_or_default()
}

pub(crate) fn synthetic_draft(i: usize) -> PocDraft {
    let name = format!("{} {}", pick(GIVEN, i), pick(FAMILY, i / GIVEN.len()));
    PocDraft {
        role: if i.is_multiple_of(2) {
            "technical"
        } else {
            "diplomatic"
        }
        .into(),
        name,
        title: "Duty officer".into(),
        organisation: pick(ORGS, i / 7).into(),
        emails: vec![format!("poc{i}@synthetic.example.org")],
        phones: vec![PhoneDraft {
            number: format!("+44 7700 900{:03}", i % 1000),
            phone_use: "24x7".into(),
        }],
        secure_channels: Vec::new(),
        languages: LANGUAGES
            .get(i % LANGUAGES.len())
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        time_zone: pick(ZONES, i / 3).into(),
        hours: pick(HOURS, i / 5).into(),
        notes: String::new(),
        openpgp_key: String::new(),
    }
}

fn table(r: &DirectoryReport) -> String {
    let mut out = format!(
        "\npocdir directory benchmark — {} CPUs, {} workers, {} s per path after {} s warm-up\n",
        r.cpus, r.concurrency, r.seconds, r.warmup_seconds
    );
    for s in &r.scenarios {
        out.push_str(&format!(
            "\n{} active PoCs of {} participating States ({} synthetic, loaded in {:.1} s)\n",
            s.active_pocs, s.participating_states, s.synthetic_pocs, s.load_seconds
        ));
        out.push_str(&format!(
            "  {:<32} {:>10} {:>9} {:>9} {:>9} {:>7}\n",
            "", "req/s", "p50 ms", "p99 ms", "max ms", "errors"
        ));
        for p in &s.paths {
            out.push_str(&format!(
                "  {:<32} {:>10.0} {:>9.2} {:>9.2} {:>9.2} {:>7}\n",
                p.what,
                p.result.requests_per_second,
                p.result.latency.p50_ms,
                p.result.latency.p99_ms,
                p.result.latency.max_ms,
                p.result.errors
            ));
        }
    }
    out.push_str(&format!("\nok: {}\n", r.ok));
    out
}
