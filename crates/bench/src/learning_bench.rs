//! `pocdir-bench learning`: completion certificates verified per second,
//! reported, never asserted.
//!
//! `pocdir serve --demo` seeds a fresh SQLite data folder (the shipped
//! modules installed) and is stopped; the demo's Pakistani technical PoC
//! then passes the "Ping tests" quiz through the e-learning use case in
//! this process, on the same database and with the installation's own log
//! key, so that the certificate is genuine. Measured:
//! - in this process, one thread: reading the certificate's JSON and
//!   checking its Ed25519 signature (`Certificate::from_json` + `verify`);
//! - the real server, at a fixed concurrency: `POST
//!   /api/v1/certificates/verify` (the keys the log records, the signature,
//!   and the record of certificates issued), genuine and forged, with the
//!   floor (a bare server that does no work) under the same load.

use crate::proc::ChildGuard;
use crate::{
    check_once, clean_command, free_addr, http, run_load, temp_dir, wait_ready, LoadPlan,
    LoadResult, STOP_GRACE,
};
use anyhow::{anyhow, Context, Result};
use clap::Args;
use ed25519_dalek::SigningKey;
use pocdir_domain::clock::SystemClock;
use pocdir_domain::entropy::OsEntropy;
use pocdir_domain::learning::Certificate;
use pocdir_domain::policy::Scopes;
use pocdir_log::LogService;
use pocdir_web::learning::service::Learning;
use serde::Serialize;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct LearningArgs {
    /// The pocdir binary to measure (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Certificates checked in this process.
    #[arg(long, default_value_t = 20_000)]
    iterations: u32,
    /// Seconds of measured load, per path.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Seconds of load before measuring.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    #[arg(long, default_value_t = 30)]
    start_timeout: u64,
    #[arg(long, default_value_t = 5000)]
    request_timeout_ms: u64,
    /// Where the temporary data folder goes (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

#[derive(Serialize)]
struct PathResult {
    what: &'static str,
    result: LoadResult,
    percent_of_floor: f64,
}

#[derive(Serialize)]
struct Report {
    command_line: Vec<String>,
    cpus: usize,
    in_process_iterations: u32,
    in_process_per_second: f64,
    concurrency: usize,
    seconds: u64,
    paths: Vec<PathResult>,
    floor: LoadResult,
}

pub fn run(args: LearningArgs) -> Result<bool> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

/// A genuine certificate, issued by the use case on the demo's database.
async fn issue(data: &std::path::Path) -> Result<Certificate> {
    let url = format!("sqlite://{}?mode=rwc", data.join("pocdir.db").display());
    let keys = pocdir::sealing_keys::load_existing(data)?.context("the demo made no key file")?;
    let store = pocdir_store::open(&url, keys)
        .await
        .with_context(|| format!("cannot open {url}"))?;
    let seed = pocdir::secrets::load_key(&data.join("secrets"), pocdir::log_key::LOG_SIGNING_KEY)?
        .context("the demo made no log key")?;
    let clock = Arc::new(SystemClock);
    let log = LogService::new(store.clone(), clock.clone(), SigningKey::from_bytes(&seed));
    let learning = Learning {
        store: store.as_ref(),
        clock: clock.as_ref(),
        entropy: &OsEntropy,
        log: &log,
        base_url: "http://127.0.0.1",
    };
    let account = store
        .account_by_email("technical.poc@cert.pk.example.org")
        .await?
        .context("the demo's technical PoC of Pakistan")?;
    let answers = pocdir_domain::learning::shipped::modules()
        .map_err(|p| anyhow!("the shipped modules: {p:?}"))?
        .into_iter()
        .find(|m| m.slug == "ping-tests")
        .context("the shipped ping-tests module")?
        .answers;
    let attempt = learning
        .open_quiz(account.id, "ping-tests", "en")
        .await
        .map_err(|e| anyhow!("open the quiz: {e:?}"))?;
    let (_, issued) = learning
        .answer(
            &account.requester(Scopes::ALL),
            &account.display_name,
            attempt.id,
            &answers,
        )
        .await
        .map_err(|e| anyhow!("answer the quiz: {e:?}"))?;
    let issued = issued.context("the right answers passed")?;
    Certificate::from_json(issued.certificate.as_bytes()).map_err(|r| anyhow!("{r}"))
}

async fn bench(args: LearningArgs) -> Result<bool> {
    let pocdir = std::fs::canonicalize(&args.pocdir).with_context(|| {
        format!(
            "no pocdir binary at {} (build it: cargo build --release -p pocdir)",
            args.pocdir.display()
        )
    })?;
    let work_dir = args.work_dir.clone().unwrap_or_else(std::env::temp_dir);
    let timeout = Duration::from_secs(args.start_timeout);
    let tmp = temp_dir(&work_dir)?;
    let data = tmp.path().join("data");
    let serve = |demo: bool| -> Result<(ChildGuard, std::net::SocketAddr)> {
        let addr = free_addr()?;
        let mut cmd = clean_command(&pocdir, tmp.path());
        cmd.arg("serve")
            .arg("--data-dir")
            .arg(&data)
            .arg("--listen")
            .arg(addr.to_string());
        if demo {
            cmd.arg("--demo");
        }
        let child = ChildGuard::spawn(
            "pocdir serve",
            cmd,
            &tmp.path().join("pocdir.log"),
            Stdio::null(),
        )?;
        Ok((child, addr))
    };
    let (mut server, addr) = serve(true)?;
    wait_ready(&mut server, addr, Instant::now(), timeout).await?;
    server.stop(STOP_GRACE).await?;
    let certificate = issue(&data).await?;
    let json = serde_json::to_string(&certificate)?;

    // In this process: read and check, one thread.
    let seed = pocdir::secrets::load_key(&data.join("secrets"), pocdir::log_key::LOG_SIGNING_KEY)?
        .context("the demo made no log key")?;
    let keys = [SigningKey::from_bytes(&seed).verifying_key()];
    let t0 = Instant::now();
    for _ in 0..args.iterations {
        let c = Certificate::from_json(json.as_bytes()).map_err(|r| anyhow!("{r}"))?;
        c.verify(&keys).map_err(|r| anyhow!("{r}"))?;
    }
    let in_process_per_second = f64::from(args.iterations) / t0.elapsed().as_secs_f64();
    eprintln!("in process: {in_process_per_second:.0} certificates read and checked per second (one thread)");

    let mut forged = certificate.clone();
    forged.holder = "Someone Else".into();
    let forged = serde_json::to_string(&forged)?;
    let (mut server, addr) = serve(false)?;
    wait_ready(&mut server, addr, Instant::now(), timeout).await?;
    let mut paths = Vec::new();
    for (what, body) in [("genuine", &json), ("forged", &forged)] {
        let plan = LoadPlan {
            addr,
            request: Arc::new(http::post_json_request(
                addr,
                "/api/v1/certificates/verify",
                body,
            )),
            concurrency: args.concurrency,
            warmup: Duration::from_secs(args.warmup),
            measure: Duration::from_secs(args.seconds),
            request_timeout: Duration::from_millis(args.request_timeout_ms),
        };
        check_once(&plan, what).await?;
        eprintln!(
            "POST /api/v1/certificates/verify ({what}): {} workers, {} s + {} s …",
            args.concurrency, args.warmup, args.seconds
        );
        let result = run_load(&plan).await?;
        eprintln!(
            "  {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, errors {}",
            result.requests_per_second, result.latency.p50_ms, result.latency.p99_ms, result.errors
        );
        paths.push(PathResult {
            what,
            result,
            percent_of_floor: 0.0,
        });
    }
    if let Some(status) = server.exited()? {
        return Err(server.died(status));
    }
    server.stop(STOP_GRACE).await?;

    let myself = std::env::current_exe().context("cannot find the pocdir-bench binary itself")?;
    let addr = free_addr()?;
    let mut cmd = clean_command(&myself, tmp.path());
    cmd.arg("bare-server").arg("--listen").arg(addr.to_string());
    let mut bare = ChildGuard::spawn(
        "bare-server",
        cmd,
        &tmp.path().join("bare.log"),
        Stdio::piped(),
    )?;
    wait_ready(&mut bare, addr, Instant::now(), timeout).await?;
    let plan = LoadPlan {
        addr,
        request: Arc::new(http::post_json_request(addr, "/", &json)),
        concurrency: args.concurrency,
        warmup: Duration::from_secs(args.warmup),
        measure: Duration::from_secs(args.seconds),
        request_timeout: Duration::from_millis(args.request_timeout_ms),
    };
    check_once(&plan, "bare-server").await?;
    let floor = run_load(&plan).await?;
    eprintln!(
        "the floor: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms",
        floor.requests_per_second, floor.latency.p50_ms, floor.latency.p99_ms
    );
    bare.stop(STOP_GRACE).await?;
    for p in &mut paths {
        p.percent_of_floor =
            100.0 * p.result.requests_per_second / floor.requests_per_second.max(f64::MIN_POSITIVE);
    }
    let ok = paths.iter().all(|p| p.result.errors == 0) && floor.errors == 0;
    let report = Report {
        command_line: std::env::args().collect(),
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        in_process_iterations: args.iterations,
        in_process_per_second,
        concurrency: args.concurrency,
        seconds: args.seconds,
        paths,
        floor,
    };
    println!(
        "certificates: {:.0}/s read and checked in process (one thread)",
        report.in_process_per_second
    );
    for p in &report.paths {
        println!(
            "POST /api/v1/certificates/verify {:<8} {:>8.0} req/s  p50 {:>6.2} ms  p99 {:>6.2} ms  {:>5.1} % of the floor ({:.0} req/s)",
            p.what,
            p.result.requests_per_second,
            p.result.latency.p50_ms,
            p.result.latency.p99_ms,
            p.percent_of_floor,
            report.floor.requests_per_second
        );
    }
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ok)
}
