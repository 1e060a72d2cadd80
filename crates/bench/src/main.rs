//! `pocdir-bench` — measures the pocdir release binary:
//!
//! 1. time from spawning `pocdir serve` to the first 200 on `/healthz`, on a
//!    fresh data folder (creates the SQLite database, runs the migrations)
//!    and again on the same folder (restart);
//! 2. resident memory (VmRSS) when idle after start and after the load;
//! 3. requests/s and latency of an authenticated `GET /api/v1/me` with N
//!    keep-alive connections for a fixed time after a warm-up, then of
//!    `GET /api/v1/pocs/{id}` (another State's verified PoC, whose read is
//!    logged) with the same token;
//! 4. the same load against a bare axum server that does no work (the
//!    floor), run as a separate process like pocdir; pocdir/bare ratios.
//!
//! Everything listens on 127.0.0.1; every wait is bounded; every child
//! process is stopped at the end, also on error.
//!
//! `pocdir-bench log` measures the tamper-evident log instead (appends/s,
//! Merkle proofs, verification): see [`log_bench`].

mod backup_bench;
mod bare;
mod changes_bench;
mod communications_bench;
mod directory_bench;
mod driver_bench;
mod exercises_bench;
mod http;
mod learning_bench;
mod lexicon_bench;
mod log_bench;
mod ping_bench;
mod proc;
mod stats;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use proc::{ChildGuard, Memory};
use serde::Serialize;
use stats::{Latency, Spread};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BENCH_EMAIL: &str = "bench@example.org";
const LOAD_PATH: &str = "/api/v1/me";
/// The second load: one PoC's details (`{id}` replaced).
const POC_PATH: &str = "/api/v1/pocs/{id}";
const STOP_GRACE: Duration = Duration::from_secs(10);
const CLI_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Parser)]
#[command(
    name = "pocdir-bench",
    version,
    about = "Start time, idle memory and /api/v1/me load of the pocdir release binary, against a bare-server floor (the default, or `http`); `log`: the tamper-evident log's appends/s, proofs and verification",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
    #[command(flatten)]
    bench: BenchArgs,
}

#[derive(Subcommand)]
enum Sub {
    /// The HTTP benchmark (also what runs without a subcommand).
    Http(BenchArgs),
    /// The tamper-evident log: appends/s on SQLite and PostgreSQL, Merkle
    /// proofs at 1M and 10M entries, `pocdir log verify` of 1M entries.
    Log(log_bench::LogArgs),
    /// The directory: list and search requests/s and latency with the demo
    /// data and with 100,000 synthetic PoCs.
    Directory(directory_bench::DirectoryArgs),
    /// Communications: one urgent notification to every PoC (1,000 and
    /// 100,000) until the SMTP peer accepted the last mail; the inbox page
    /// with 100,000 communications stored.
    Communications(communications_bench::CommunicationsArgs),
    /// Ping tests: creating a campaign over 100,000 PoCs, answers recorded
    /// per second at concurrency 32, challenge mails accepted by the SMTP
    /// peer per second.
    Ping(ping_bench::PingArgs),
    /// Backups: `pocdir backup` and `pocdir restore` of 100,000 PoCs and
    /// 1M log entries on each backend, and the move SQLite → PostgreSQL.
    Backup(backup_bench::BackupArgs),
    /// Logged changes per second through the store's group commit: 32
    /// clients each making single changes (an account's language, a log
    /// entry alone) on SQLite and PostgreSQL.
    Changes(changes_bench::ChangesArgs),
    /// Tabletop exercises: 50 injects to every PoC of the demo's
    /// participating States on a fast-forwarded clock, until the SMTP peer
    /// accepted the last mail; the facilitator's console at concurrency 32
    /// meanwhile.
    Exercises(exercises_bench::ExercisesArgs),
    /// E-learning: completion certificates read and checked per second in
    /// process, and `POST /api/v1/certificates/verify` at concurrency 32
    /// (genuine and forged) against the floor.
    Learning(learning_bench::LearningArgs),
    /// The common lexicon: `GET /api/v1/lexicon/concepts?q=…` at
    /// concurrency 32 with 10,000 concepts in the six languages, for
    /// several queries, against the floor.
    Lexicon(lexicon_bench::LexiconArgs),
    /// The floor: serves a fixed small JSON body on every path (used by the benchmark itself).
    #[command(hide = true)]
    BareServer {
        #[arg(long, value_name = "127.0.0.1:PORT")]
        listen: SocketAddr,
    },
}

#[derive(Args, Clone)]
struct BenchArgs {
    /// The pocdir binary to measure (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Seconds of measured load, per server.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Seconds of load before measuring, per server.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Concurrent workers, each on its own keep-alive connection.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// How many times to measure the start (fresh, then restart on the same data folder).
    #[arg(long, default_value_t = 5)]
    starts: usize,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Where the temporary data folders go (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// Threads of the load generator's runtime (default: one per CPU).
    #[arg(long)]
    client_threads: Option<usize>,
    /// Give up on a server that does not answer /healthz within this many seconds.
    #[arg(long, default_value_t = 30)]
    start_timeout: u64,
    /// A request that takes longer than this counts as an error.
    #[arg(long, default_value_t = 5000)]
    request_timeout_ms: u64,
    /// Quiet time before reading a server's idle memory.
    #[arg(long, default_value_t = 1000)]
    settle_ms: u64,
}

/// The same allocator as `pocdir`, so that the floor (the bare server)
/// runs on the same stack.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Sub::BareServer { listen }) => bare::run(listen).map(|()| true),
        Some(Sub::Http(args)) => run_bench(args),
        Some(Sub::Log(args)) => log_bench::run(args),
        Some(Sub::Directory(args)) => directory_bench::run(args),
        Some(Sub::Communications(args)) => communications_bench::run(args),
        Some(Sub::Ping(args)) => ping_bench::run(args),
        Some(Sub::Backup(args)) => backup_bench::run(args),
        Some(Sub::Changes(args)) => changes_bench::run(args),
        Some(Sub::Exercises(args)) => exercises_bench::run(args),
        Some(Sub::Learning(args)) => learning_bench::run(args),
        Some(Sub::Lexicon(args)) => lexicon_bench::run(args),
        None => run_bench(cli.bench),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("pocdir-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------- report

#[derive(Debug, Serialize)]
struct Report {
    command_line: Vec<String>,
    pocdir: String,
    machine: Machine,
    settings: Settings,
    start: StartReport,
    memory: MemoryReport,
    load: LoadReport,
    ratio: Ratio,
    /// False when any request failed (the run then exits with status 1).
    ok: bool,
}

#[derive(Debug, Serialize)]
struct Machine {
    cpus: usize,
    /// /proc/loadavg when the benchmark began and ended.
    loadavg_before: String,
    loadavg_after: String,
}

#[derive(Debug, Serialize)]
struct Settings {
    concurrency: usize,
    seconds: u64,
    warmup_seconds: u64,
    starts: usize,
    client_threads: usize,
    request_timeout_ms: u64,
    settle_ms: u64,
    work_dir: String,
}

#[derive(Debug, Serialize)]
struct StartReport {
    /// Empty data folder: creates the database and runs the migrations.
    fresh: Spread,
    /// The same folder again, after a graceful stop.
    restart: Spread,
}

#[derive(Debug, Serialize)]
struct MemoryReport {
    pocdir_idle_after_start: Memory,
    pocdir_after_load: Memory,
    bare_idle_after_start: Memory,
    bare_after_load: Memory,
}

#[derive(Debug, Serialize)]
struct LoadReport {
    path: &'static str,
    pocdir: LoadResult,
    /// The PoC read, with its path.
    poc_path: String,
    pocdir_poc: LoadResult,
    bare: LoadResult,
}

#[derive(Debug, Serialize)]
struct Ratio {
    /// pocdir requests/s divided by the bare server's (1.0 = as fast as the floor).
    rps_pocdir_over_bare: f64,
    /// pocdir p99 latency divided by the bare server's.
    p99_pocdir_over_bare: f64,
    /// The same for the PoC read.
    rps_poc_over_bare: f64,
    p99_poc_over_bare: f64,
}

#[derive(Debug, Clone, Serialize)]
struct LoadResult {
    /// 200 responses completed inside the measured window.
    requests: usize,
    requests_per_second: f64,
    /// Failed requests over the whole run, warm-up included.
    errors: u64,
    error_samples: Vec<String>,
    /// Connections opened again after the server closed one.
    reconnects: u64,
    latency: Latency,
}

// ---------------------------------------------------------------- the run

fn run_bench(args: BenchArgs) -> Result<bool> {
    if args.concurrency == 0 || args.concurrency > 10_000 {
        bail!("--concurrency must be between 1 and 10000");
    }
    if args.seconds == 0 || args.starts == 0 {
        bail!("--seconds and --starts must be at least 1");
    }
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let client_threads = args.client_threads.unwrap_or(cpus).max(1);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(client_threads)
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(async {
        // On Ctrl-C or SIGTERM the benchmark is dropped, and with it the
        // guards of its servers (killed) and its temporary folders (removed).
        tokio::select! {
            result = bench(args, cpus, client_threads) => result,
            () = interrupted() => bail!("interrupted; the servers were stopped"),
        }
    })
}

async fn interrupted() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = term => {}
    }
}

async fn bench(args: BenchArgs, cpus: usize, client_threads: usize) -> Result<bool> {
    let pocdir = std::fs::canonicalize(&args.pocdir).with_context(|| {
        format!(
            "no pocdir binary at {} (build it: cargo build --release -p pocdir)",
            args.pocdir.display()
        )
    })?;
    let myself = std::env::current_exe().context("cannot find the pocdir-bench binary itself")?;
    let work_dir = match &args.work_dir {
        Some(d) => d.clone(),
        None => std::env::temp_dir(),
    };
    let loadavg_before = loadavg();
    let start_timeout = Duration::from_secs(args.start_timeout);
    let plan_for = |addr: SocketAddr, path: &str, token: &str| LoadPlan {
        addr,
        request: Arc::new(http::get_request(addr, path, Some(token))),
        concurrency: args.concurrency,
        warmup: Duration::from_secs(args.warmup),
        measure: Duration::from_secs(args.seconds),
        request_timeout: Duration::from_millis(args.request_timeout_ms),
    };
    let plan = |addr: SocketAddr, token: &str| plan_for(addr, LOAD_PATH, token);

    // 1. Start time.
    let mut fresh = Vec::new();
    let mut restart = Vec::new();
    for i in 1..=args.starts {
        let tmp = temp_dir(&work_dir)?;
        let data = tmp.path().join("data");
        let took = start_pocdir(&pocdir, tmp.path(), &data, start_timeout).await?;
        let took_again = start_pocdir(&pocdir, tmp.path(), &data, start_timeout).await?;
        eprintln!(
            "start {i}/{}: fresh {:.1} ms, restart {:.1} ms",
            args.starts,
            ms(took),
            ms(took_again)
        );
        fresh.push(took);
        restart.push(took_again);
    }

    // 2–3. pocdir: an account and a token made before the server starts, then the load.
    let tmp = temp_dir(&work_dir)?;
    let data = tmp.path().join("data");
    let token = make_token(&pocdir, tmp.path(), &data).await?;
    let poc_path = POC_PATH.replace("{id}", &one_poc(&data).await?.to_string());
    let addr = free_addr()?;
    let mut server = spawn_pocdir(&pocdir, tmp.path(), &data, addr)?;
    wait_ready(&mut server, addr, Instant::now(), start_timeout).await?;
    let pocdir_plan = plan(addr, &token);
    check_once(&pocdir_plan, "pocdir").await?;
    settle(args.settle_ms).await;
    let pocdir_idle = proc::memory(server.pid())?;
    eprintln!(
        "pocdir: {} workers, {} s warm-up + {} s on GET {LOAD_PATH} …",
        args.concurrency, args.warmup, args.seconds
    );
    let pocdir_load = run_load(&pocdir_plan).await?;
    let poc_plan = plan_for(addr, &poc_path, &token);
    check_once(&poc_plan, "pocdir").await?;
    eprintln!("pocdir: the same load on GET {poc_path} …");
    let poc_load = run_load(&poc_plan).await?;
    settle(args.settle_ms).await;
    if let Some(status) = server.exited()? {
        return Err(server.died(status));
    }
    let pocdir_after = proc::memory(server.pid())?;
    server.stop(STOP_GRACE).await?;

    // 4. The floor: the same requests against a server that does no work.
    let addr = free_addr()?;
    let mut cmd = clean_command(&myself, tmp.path());
    cmd.arg("bare-server").arg("--listen").arg(addr.to_string());
    let mut bare = ChildGuard::spawn(
        "bare-server",
        cmd,
        &tmp.path().join("bare.log"),
        Stdio::piped(),
    )?;
    wait_ready(&mut bare, addr, Instant::now(), start_timeout).await?;
    let bare_plan = plan(addr, &token);
    check_once(&bare_plan, "bare-server").await?;
    settle(args.settle_ms).await;
    let bare_idle = proc::memory(bare.pid())?;
    eprintln!("bare-server: the same load …");
    let bare_load = run_load(&bare_plan).await?;
    settle(args.settle_ms).await;
    if let Some(status) = bare.exited()? {
        return Err(bare.died(status));
    }
    let bare_after = proc::memory(bare.pid())?;
    bare.stop(STOP_GRACE).await?;

    let ok = pocdir_load.errors == 0 && poc_load.errors == 0 && bare_load.errors == 0;
    let report = Report {
        command_line: std::env::args().collect(),
        pocdir: pocdir.display().to_string(),
        machine: Machine {
            cpus,
            loadavg_before,
            loadavg_after: loadavg(),
        },
        settings: Settings {
            concurrency: args.concurrency,
            seconds: args.seconds,
            warmup_seconds: args.warmup,
            starts: args.starts,
            client_threads,
            request_timeout_ms: args.request_timeout_ms,
            settle_ms: args.settle_ms,
            work_dir: work_dir.display().to_string(),
        },
        start: StartReport {
            fresh: Spread::of(&fresh).context("no start samples")?,
            restart: Spread::of(&restart).context("no restart samples")?,
        },
        memory: MemoryReport {
            pocdir_idle_after_start: pocdir_idle,
            pocdir_after_load: pocdir_after,
            bare_idle_after_start: bare_idle,
            bare_after_load: bare_after,
        },
        ratio: Ratio {
            rps_pocdir_over_bare: ratio(
                pocdir_load.requests_per_second,
                bare_load.requests_per_second,
            ),
            p99_pocdir_over_bare: ratio(pocdir_load.latency.p99_ms, bare_load.latency.p99_ms),
            rps_poc_over_bare: ratio(poc_load.requests_per_second, bare_load.requests_per_second),
            p99_poc_over_bare: ratio(poc_load.latency.p99_ms, bare_load.latency.p99_ms),
        },
        load: LoadReport {
            path: LOAD_PATH,
            pocdir: pocdir_load,
            poc_path,
            pocdir_poc: poc_load,
            bare: bare_load,
        },
        ok,
    };
    print!("{}", table(&report));
    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, text + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    if !ok {
        for (name, r) in [
            ("pocdir", &report.load.pocdir),
            ("pocdir (PoC)", &report.load.pocdir_poc),
            ("bare-server", &report.load.bare),
        ] {
            if r.errors > 0 {
                eprintln!(
                    "FAILED: {name}: {} failed requests, e.g. {:?}",
                    r.errors, r.error_samples
                );
            }
        }
    }
    Ok(ok)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        f64::NAN
    }
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map_or_else(|e| format!("unknown ({e})"), |s| s.trim().to_string())
}

async fn settle(settle_ms: u64) {
    tokio::time::sleep(Duration::from_millis(settle_ms)).await;
}

fn temp_dir(work_dir: &Path) -> Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix("pocdir-bench-")
        .tempdir_in(work_dir)
        .with_context(|| format!("cannot make a temporary folder in {}", work_dir.display()))
}

/// A free loopback port (the tiny race until the child binds it is acceptable here).
fn free_addr() -> Result<SocketAddr> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).context("no free loopback port")?;
    Ok(listener.local_addr()?)
}

/// A command that ignores the caller's `POCDIR_*` and `RUST_LOG` settings
/// (they could point at another database) and runs in `cwd` (so that no
/// stray `pocdir.toml` is read).
fn clean_command(program: &Path, cwd: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(cwd);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("POCDIR_") || key == "RUST_LOG" {
            cmd.env_remove(key);
        }
    }
    cmd
}

fn spawn_pocdir(pocdir: &Path, cwd: &Path, data: &Path, addr: SocketAddr) -> Result<ChildGuard> {
    let mut cmd = clean_command(pocdir, cwd);
    cmd.arg("serve")
        .arg("--data-dir")
        .arg(data)
        .arg("--listen")
        .arg(addr.to_string());
    ChildGuard::spawn("pocdir serve", cmd, &cwd.join("pocdir.log"), Stdio::null())
}

/// One start: spawn, first 200 on /healthz, graceful stop. Returns the time to the 200.
async fn start_pocdir(
    pocdir: &Path,
    cwd: &Path,
    data: &Path,
    timeout: Duration,
) -> Result<Duration> {
    let addr = free_addr()?;
    let t0 = Instant::now();
    let mut server = spawn_pocdir(pocdir, cwd, data, addr)?;
    let took = wait_ready(&mut server, addr, t0, timeout).await?;
    server.stop(STOP_GRACE).await?;
    Ok(took)
}

/// Polls `GET /healthz` every 2 ms until it answers 200; the time since `t0`.
async fn wait_ready(
    child: &mut ChildGuard,
    addr: SocketAddr,
    t0: Instant,
    timeout: Duration,
) -> Result<Duration> {
    let request = http::get_request(addr, "/healthz", None);
    let deadline = t0 + timeout;
    loop {
        if let Some(status) = child.exited()? {
            return Err(child.died(status));
        }
        let probe = async {
            let mut conn = http::Conn::connect(addr).await?;
            conn.send(&request).await
        };
        if let Ok(Ok(response)) = tokio::time::timeout(Duration::from_millis(500), probe).await {
            if response.status == 200 {
                return Ok(t0.elapsed());
            }
        }
        if Instant::now() >= deadline {
            bail!("no 200 on http://{addr}/healthz within {timeout:?}");
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// One verified PoC of a participating State, added through the store
/// while no server runs (as the directory benchmark adds its own); its id.
/// The benchmark's secretariat account is of no State, so each read of its
/// details is logged (read transparency): the realistic cost of the path.
async fn one_poc(data: &Path) -> Result<i64> {
    let url = format!("sqlite://{}?mode=rwc", data.join("pocdir.db").display());
    let keys = pocdir::sealing_keys::load_existing(data)?.context("no key file")?;
    let store = pocdir_store::open(&url, keys)
        .await
        .with_context(|| format!("cannot open {url}"))?;
    // The reference list of States is seeded by the server at start; the
    // PoC needs its State now.
    pocdir_directory::seed_reference(store.as_ref(), &pocdir_domain::clock::SystemClock).await?;
    directory_bench::add_synthetic(store.as_ref(), &url, 1).await?;
    let id = store
        .active_pocs()
        .await?
        .first()
        .map(|p| p.id)
        .context("the PoC added is not active")?;
    Ok(id)
}

/// `pocdir account create` then `pocdir account token`, on the data folder; the token.
async fn make_token(pocdir: &Path, cwd: &Path, data: &Path) -> Result<String> {
    let data = data.to_string_lossy();
    let created = run_cli(
        pocdir,
        cwd,
        &[
            "account",
            "create",
            "--kind",
            "secretariat",
            "--email",
            BENCH_EMAIL,
            "--data-dir",
            &data,
        ],
    )
    .await?;
    if !created.contains("First password (shown once):") {
        bail!("unexpected output of pocdir account create: {created}");
    }
    let out = run_cli(
        pocdir,
        cwd,
        &[
            "account",
            "token",
            "--email",
            BENCH_EMAIL,
            "--scope",
            "read",
            "--days",
            "30",
            "--data-dir",
            &data,
        ],
    )
    .await?;
    let token = out.trim();
    if token.is_empty() || token.contains(char::is_whitespace) {
        bail!("unexpected output of pocdir account token: {out:?}");
    }
    Ok(token.to_string())
}

async fn run_cli(pocdir: &Path, cwd: &Path, args: &[&str]) -> Result<String> {
    let mut cmd = tokio::process::Command::from(clean_command(pocdir, cwd));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let out = tokio::time::timeout(CLI_TIMEOUT, cmd.output())
        .await
        .with_context(|| format!("pocdir {} took more than {CLI_TIMEOUT:?}", args.join(" ")))?
        .with_context(|| format!("cannot run pocdir {}", args.join(" ")))?;
    if !out.status.success() {
        bail!(
            "pocdir {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

// ---------------------------------------------------------------- load

struct LoadPlan {
    addr: SocketAddr,
    request: Arc<Vec<u8>>,
    concurrency: usize,
    warmup: Duration,
    measure: Duration,
    request_timeout: Duration,
}

/// One request before the load, so that a wrong token fails clearly.
async fn check_once(plan: &LoadPlan, name: &str) -> Result<()> {
    let probe = async {
        let mut conn = http::Conn::connect(plan.addr).await?;
        conn.send(&plan.request).await
    };
    let response = tokio::time::timeout(plan.request_timeout, probe)
        .await
        .with_context(|| format!("{name}: GET {LOAD_PATH} timed out"))??;
    if response.status != 200 {
        bail!(
            "{name}: GET {LOAD_PATH} answered {} instead of 200",
            response.status
        );
    }
    Ok(())
}

#[derive(Default)]
struct WorkerResult {
    latencies_ns: Vec<u64>,
    errors: u64,
    error_samples: Vec<String>,
    reconnects: u64,
}

impl WorkerResult {
    fn error(&mut self, what: String) {
        self.errors += 1;
        if self.error_samples.len() < 3 {
            self.error_samples.push(what);
        }
    }
}

async fn run_load(plan: &LoadPlan) -> Result<LoadResult> {
    let begin = Instant::now();
    let measure_from = begin + plan.warmup;
    let end = measure_from + plan.measure;
    let mut workers = Vec::with_capacity(plan.concurrency);
    for _ in 0..plan.concurrency {
        let addr = plan.addr;
        let request = plan.request.clone();
        let timeout = plan.request_timeout;
        workers.push(tokio::spawn(worker(
            addr,
            request,
            timeout,
            measure_from,
            end,
        )));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut error_samples = Vec::new();
    let mut reconnects = 0;
    for w in workers {
        let mut r = w.await.context("a load worker failed")?;
        latencies.append(&mut r.latencies_ns);
        errors += r.errors;
        reconnects += r.reconnects;
        for s in r.error_samples {
            if error_samples.len() < 5 {
                error_samples.push(s);
            }
        }
    }
    let requests = latencies.len();
    let latency = Latency::of(latencies).context("no request completed in the measured window")?;
    Ok(LoadResult {
        requests,
        requests_per_second: requests as f64 / plan.measure.as_secs_f64(),
        errors,
        error_samples,
        reconnects,
        latency,
    })
}

/// One connection, one request at a time, until `end`; records the
/// latencies of the requests that complete in `[measure_from, end]`.
async fn worker(
    addr: SocketAddr,
    request: Arc<Vec<u8>>,
    timeout: Duration,
    measure_from: Instant,
    end: Instant,
) -> WorkerResult {
    let mut out = WorkerResult {
        latencies_ns: Vec::with_capacity(64 * 1024),
        ..WorkerResult::default()
    };
    let mut conn: Option<http::Conn> = None;
    let mut connected_once = false;
    while Instant::now() < end {
        if conn.is_none() {
            match tokio::time::timeout(timeout, http::Conn::connect(addr)).await {
                Ok(Ok(c)) => {
                    if connected_once {
                        out.reconnects += 1;
                    }
                    connected_once = true;
                    conn = Some(c);
                }
                Ok(Err(e)) => {
                    out.error(format!("connect: {e:#}"));
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
                Err(_) => {
                    out.error("connect: timed out".to_string());
                    continue;
                }
            }
        }
        let Some(c) = conn.as_mut() else {
            continue;
        };
        let sent = Instant::now();
        let result = tokio::time::timeout(timeout, c.send(&request)).await;
        let done = Instant::now();
        match result {
            Ok(Ok(response)) => {
                if response.status == 200 {
                    if done >= measure_from && done <= end {
                        let ns =
                            u64::try_from(done.duration_since(sent).as_nanos()).unwrap_or(u64::MAX);
                        out.latencies_ns.push(ns);
                    }
                } else {
                    out.error(format!("status {}", response.status));
                }
                if response.close {
                    conn = None;
                }
            }
            Ok(Err(e)) => {
                out.error(format!("{e:#}"));
                conn = None;
            }
            Err(_) => {
                out.error(format!("no response within {timeout:?}"));
                conn = None;
            }
        }
    }
    out
}

// ---------------------------------------------------------------- table

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

fn table(r: &Report) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s);
    let _ = writeln!(s, "pocdir-bench: {}", r.pocdir);
    let _ = writeln!(
        s,
        "{} CPUs; load average before {}, after {}",
        r.machine.cpus, r.machine.loadavg_before, r.machine.loadavg_after
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<52}{:>10}{:>10}{:>10}",
        format!(
            "Start to first 200 on /healthz ({} runs)",
            r.settings.starts
        ),
        "min",
        "median",
        "max"
    );
    for (name, sp) in [
        (
            "  fresh data folder (creates DB, migrations)",
            &r.start.fresh,
        ),
        ("  restart on the existing data folder", &r.start.restart),
    ] {
        let _ = writeln!(
            s,
            "{name:<52}{:>7.1} ms{:>7.1} ms{:>7.1} ms",
            sp.min_ms, sp.median_ms, sp.max_ms
        );
    }
    let _ = writeln!(s);
    let m = &r.memory;
    let _ = writeln!(
        s,
        "{:<52}{:>14}{:>14}",
        "Memory (VmRSS)", "pocdir", "bare-server"
    );
    let _ = writeln!(
        s,
        "{:<52}{:>14}{:>14}",
        "  idle, after start",
        mib(m.pocdir_idle_after_start.rss_kib),
        mib(m.bare_idle_after_start.rss_kib)
    );
    let _ = writeln!(
        s,
        "{:<52}{:>14}{:>14}",
        "  idle, after the load",
        mib(m.pocdir_after_load.rss_kib),
        mib(m.bare_after_load.rss_kib)
    );
    let _ = writeln!(
        s,
        "{:<52}{:>14}{:>14}",
        "  peak (VmHWM)",
        mib(m.pocdir_after_load.peak_rss_kib),
        mib(m.bare_after_load.peak_rss_kib)
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Load: GET {} with a Bearer token, {} keep-alive connections, {} s after {} s warm-up, {} client threads",
        r.load.path, r.settings.concurrency, r.settings.seconds, r.settings.warmup_seconds, r.settings.client_threads
    );
    let _ = writeln!(
        s,
        "{:<14}{:>10}{:>8}{:>11}{:>9}{:>9}{:>9}{:>9}",
        "", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms"
    );
    for (name, l) in [
        ("  pocdir", &r.load.pocdir),
        ("  pocdir PoC", &r.load.pocdir_poc),
        ("  bare-server", &r.load.bare),
    ] {
        let _ = writeln!(
            s,
            "{name:<14}{:>10}{:>8}{:>11.0}{:>9.2}{:>9.2}{:>9.2}{:>9.2}",
            l.requests,
            l.errors,
            l.requests_per_second,
            l.latency.p50_ms,
            l.latency.p90_ms,
            l.latency.p99_ms,
            l.latency.max_ms
        );
    }
    let _ = writeln!(
        s,
        "  pocdir/bare: req/s x{:.2}, p99 x{:.2}",
        r.ratio.rps_pocdir_over_bare, r.ratio.p99_pocdir_over_bare
    );
    let _ = writeln!(
        s,
        "  pocdir PoC (GET {})/bare: req/s x{:.2}, p99 x{:.2}",
        r.load.poc_path, r.ratio.rps_poc_over_bare, r.ratio.p99_poc_over_bare
    );
    s
}
