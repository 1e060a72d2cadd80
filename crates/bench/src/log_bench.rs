//! `pocdir-bench log` — measures the tamper-evident log:
//!
//! 1. durable appends/s through `Store::append_log` on SQLite (a temporary
//!    file, configured by the store: WAL, synchronous=NORMAL) and on
//!    PostgreSQL (a fresh database, created and dropped here): one entry per
//!    transaction from one task and from N concurrent tasks, and batches of
//!    entries per transaction (group commit);
//! 2. the in-memory RFC 9162 Merkle tree at 1M and 10M leaves: build time,
//!    memory, and the time of inclusion proofs, consistency proofs and
//!    past roots (generation and verification);
//! 3. `pocdir log verify` (`verify_store`) over a store filled with 1M
//!    entries and a few signed heads, end to end, and where its time goes
//!    (reading the rows, recomputing the leaves, the tree, the heads).
//!
//! Every temporary file is removed and every database dropped at the end,
//! also on error and on Ctrl-C.

use crate::stats::{percentile, Latency};
use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, ValueEnum};
use ed25519_dalek::{SigningKey, VerifyingKey};
use pocdir::log_commands::{verify_store, HeadKeys, VerifyFailure};
use pocdir_domain::clock::SystemClock;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{content_hash, LogActor, LogDraft, LogEntry, LEAF_VERSION};
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::log::merkle::{
    leaf_hash, verify_consistency, verify_inclusion, Hash, MerkleTree,
};
use pocdir_domain::log::verify::{Verifier, VerifyReport};
use pocdir_log::LogService;
use pocdir_store::{Store, StoredLogEntry};
use serde::Serialize;
use sqlx::{Connection, Executor, PgConnection};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
/// Goals of the issue "Tamper-evident log".
const GOAL_APPENDS_PER_S: f64 = 20_000.0;
const GOAL_PROOF_MS: f64 = 1.0;
const GOAL_VERIFY_S_PER_MILLION: f64 = 3.0;
/// Entries per `log_entries` call, as in `pocdir log verify`.
const READ_CHUNK: u64 = 20_000;
/// Fixed, so that runs are comparable; this key signs nothing real.
const BENCH_KEY: [u8; 32] = [7; 32];
/// Actions of the kinds a busy directory logs most: reads, sign-ins, changes.
const ACTIONS: [LogAction; 6] = [
    LogAction::PocRead,
    LogAction::SessionSignIn,
    LogAction::PocProposeUpdate,
    LogAction::AccountPasswordChange,
    LogAction::TokenCreate,
    LogAction::SessionSignOut,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Appends/s on SQLite and PostgreSQL.
    Appends,
    /// Merkle tree build, inclusion and consistency proofs, past roots.
    Proofs,
    /// Fill a store, sign heads, then time `pocdir log verify`.
    Verify,
    /// The SQLite drivers (sqlx, rusqlite) on one file: appends in
    /// transactions and reading every entry, in rows/s.
    Driver,
}

#[derive(Args, Clone, Debug)]
pub struct LogArgs {
    /// Which parts to run.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "appends,proofs,verify"
    )]
    parts: Vec<Part>,
    /// Entries appended one per transaction (single task, and again split over --tasks).
    #[arg(long, default_value_t = 5_000)]
    single_entries: u64,
    /// Concurrent tasks of the one-entry-per-transaction concurrent mode.
    #[arg(long, default_value_t = 8)]
    tasks: usize,
    /// Entries per transaction in the group-commit modes.
    #[arg(long, value_delimiter = ',', default_value = "100,1000")]
    batch_sizes: Vec<usize>,
    /// Entries appended in each group-commit mode.
    #[arg(long, default_value_t = 50_000)]
    batch_entries: u64,
    /// Leaf counts of the in-memory trees.
    #[arg(long, value_delimiter = ',', default_value = "1000000,10000000")]
    tree_sizes: Vec<u64>,
    /// Proofs (and roots) timed per tree size.
    #[arg(long, default_value_t = 10_000)]
    proofs: usize,
    /// Entries in the store that is verified.
    #[arg(long, default_value_t = 1_000_000)]
    verify_entries: u64,
    /// Entries appended through each SQLite driver by the `driver` part (then all read).
    #[arg(long, default_value_t = 200_000)]
    driver_entries: u64,
    /// Entries per `append_log` transaction while filling that store.
    #[arg(long, default_value_t = 10_000)]
    fill_batch: usize,
    /// Signed heads made along the way while filling (the last at the full size).
    #[arg(long, default_value_t = 4)]
    heads: u64,
    /// How many times `verify_store` runs over the filled store.
    #[arg(long, default_value_t = 2)]
    verify_runs: usize,
    /// Measure SQLite only.
    #[arg(long)]
    skip_postgres: bool,
    /// PostgreSQL server (a database on it is created and dropped per measurement).
    #[arg(
        long,
        env = "POCDIR_TEST_POSTGRES_URL",
        default_value = DEFAULT_POSTGRES_URL,
        value_name = "URL"
    )]
    postgres_url: String,
    /// Seed of the random proof indexes and sizes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Where the temporary SQLite files go (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
}

// ---------------------------------------------------------------- report

#[derive(Debug, Serialize)]
struct Report {
    command_line: Vec<String>,
    machine: Machine,
    settings: Settings,
    appends: Vec<BackendAppends>,
    proofs: Vec<TreeReport>,
    verify: Vec<VerifyRun>,
    driver: Option<crate::driver_bench::DriverReport>,
    goals: Vec<Goal>,
    /// False when an append failed (the run then exits with status 1).
    ok: bool,
}

#[derive(Debug, Serialize)]
struct Machine {
    cpus: usize,
    loadavg_before: String,
    loadavg_after: String,
}

#[derive(Debug, Serialize)]
struct Settings {
    parts: Vec<Part>,
    single_entries: u64,
    tasks: usize,
    batch_sizes: Vec<usize>,
    batch_entries: u64,
    tree_sizes: Vec<u64>,
    proofs: usize,
    verify_entries: u64,
    fill_batch: usize,
    heads: u64,
    verify_runs: usize,
    postgres: Option<String>,
    seed: u64,
    work_dir: String,
}

#[derive(Debug, Serialize)]
struct BackendAppends {
    backend: &'static str,
    /// What a commit guarantees with this configuration.
    durability: String,
    modes: Vec<AppendMode>,
}

#[derive(Debug, Serialize)]
struct AppendMode {
    mode: String,
    tasks: usize,
    entries_per_transaction: usize,
    transactions: usize,
    /// Entries appended (failed transactions excluded).
    entries: u64,
    failed_transactions: u64,
    error_samples: Vec<String>,
    seconds: f64,
    entries_per_second: f64,
    /// Time of one `append_log` call, in milliseconds.
    transaction_latency: Option<Latency>,
    meets_goal: bool,
}

#[derive(Debug, Serialize)]
struct TreeReport {
    leaves: u64,
    /// Leaf hashing (SHA-256 of the index) plus `push_leaf_hash`, all leaves.
    build_seconds: f64,
    build_leaves_per_second: f64,
    /// The leaf hashing alone, measured separately, included in `build_seconds`.
    leaf_hashing_seconds: f64,
    /// Two hashes of 32 bytes per leaf.
    estimated_mib: f64,
    /// VmRSS after the build minus before.
    rss_delta_mib: f64,
    /// `inclusion_proof(random index, leaves)` then `verify_inclusion`.
    inclusion: Micros,
    inclusion_proof_only: Micros,
    inclusion_verify_only: Micros,
    inclusion_path_hashes: f64,
    /// What happened to the measuring thread during the inclusion loop.
    inclusion_disturbance: Disturbance,
    /// `consistency_proof(a, b)` then `verify_consistency`, 1 ≤ a ≤ b ≤ leaves at random.
    consistency: Micros,
    consistency_proof_only: Micros,
    consistency_path_hashes: f64,
    consistency_disturbance: Disturbance,
    /// `root_at(random size)`.
    root_at: Micros,
}

/// Preemptions and page faults of the measuring thread during a timed loop.
#[derive(Debug, Clone, Copy, Serialize)]
struct Disturbance {
    involuntary_switches: u64,
    minor_faults: u64,
}

#[derive(Debug, Clone, Serialize)]
struct Micros {
    count: usize,
    mean_us: f64,
    p50_us: f64,
    p99_us: f64,
    max_us: f64,
}

impl Micros {
    fn of(mut nanos: Vec<u64>) -> Result<Micros> {
        nanos.sort_unstable();
        let us = |v: u64| v as f64 / 1e3;
        let count = nanos.len();
        let sum: u128 = nanos.iter().map(|&v| u128::from(v)).sum();
        Ok(Micros {
            count,
            mean_us: if count == 0 {
                0.0
            } else {
                sum as f64 / count as f64 / 1e3
            },
            p50_us: us(percentile(&nanos, 50.0).context("no samples")?),
            p99_us: us(percentile(&nanos, 99.0).context("no samples")?),
            max_us: us(*nanos.last().context("no samples")?),
        })
    }
}

#[derive(Debug, Serialize)]
struct VerifyRun {
    backend: &'static str,
    entries: u64,
    fill: Fill,
    heads: Vec<HeadSigning>,
    /// Size of the database after the fill.
    database_mib: Option<f64>,
    /// `pocdir::log_commands::verify_store(store, HeadKeys::Pinned(key), false)`, each run.
    verify_store_seconds: Vec<f64>,
    /// What it checked (entries, heads).
    verified_entries: u64,
    verified_heads: u64,
    breakdown: Breakdown,
}

#[derive(Debug, Serialize)]
struct Fill {
    entries_per_transaction: usize,
    transactions: usize,
    /// Time inside `append_log` only.
    seconds: f64,
    entries_per_second: f64,
    /// Including the draft building and the head signing.
    wall_seconds: f64,
}

#[derive(Debug, Serialize)]
struct HeadSigning {
    tree_size: u64,
    /// `LogService::latest_head()`: reads the new leaf hashes, grows its tree, signs, stores.
    milliseconds: f64,
}

/// Where the time of a verification goes, each part measured alone.
#[derive(Debug, Serialize)]
struct Breakdown {
    /// All entries through `log_entries` in chunks of 20,000, each dropped (as verify reads).
    db_read_seconds: f64,
    /// The same, all kept in memory (for the parts below).
    db_read_keep_seconds: f64,
    /// `Verifier::push` for every loaded entry, then `finish` with the heads.
    in_memory_verifier_seconds: f64,
    /// Of which `finish` (head signatures and past roots).
    heads_check_seconds: f64,
    /// `LogEntry::leaf_hash()` for every entry (the json! value, then SHA-256).
    leaf_recompute_seconds: f64,
    /// The same leaf bytes written by serde straight from a tuple (checked equal), then SHA-256.
    leaf_recompute_tuple_seconds: f64,
    /// `MerkleTree::push_leaf_hash` of the stored leaf hashes.
    tree_build_seconds: f64,
    /// A pipelined verify: a task reads chunk k+1 while chunk k is verified on another thread.
    pipelined_verify_seconds: f64,
}

#[derive(Debug, Serialize)]
struct Goal {
    goal: String,
    measured: String,
    met: bool,
}

// ---------------------------------------------------------------- the run

pub fn run(args: LogArgs) -> Result<bool> {
    if args.single_entries == 0 || args.batch_entries == 0 || args.verify_entries == 0 {
        bail!("--single-entries, --batch-entries and --verify-entries must be at least 1");
    }
    if args.tasks == 0 || args.tasks > 1000 {
        bail!("--tasks must be between 1 and 1000");
    }
    if args.batch_sizes.contains(&0) || args.fill_batch == 0 {
        bail!("batch sizes must be at least 1");
    }
    if args.tree_sizes.contains(&0) || args.proofs == 0 {
        bail!("--tree-sizes and --proofs must be at least 1");
    }
    if args.heads == 0 || args.verify_runs == 0 {
        bail!("--heads and --verify-runs must be at least 1");
    }
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cpus.max(2))
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    let result = rt.block_on(async {
        let work_dir = match &args.work_dir {
            Some(d) => d.clone(),
            None => std::env::temp_dir(),
        };
        let tmp = crate::temp_dir(&work_dir)?;
        let pg = Databases::new(args.postgres_url.clone());
        // On Ctrl-C or SIGTERM the measurement is dropped (closing its
        // stores), then the databases are dropped and the files removed.
        let result = tokio::select! {
            r = bench(&args, cpus, &pg, tmp.path(), &work_dir) => r,
            () = crate::interrupted() => Err(anyhow!("interrupted")),
        };
        let mut cleanup_errors = pg.drop_all().await;
        if let Err(e) = tmp.close() {
            cleanup_errors.push(format!("cannot remove the temporary folder: {e}"));
        }
        for e in &cleanup_errors {
            eprintln!("pocdir-bench: cleanup: {e}");
        }
        result
    });
    // A CPU-bound part still running after an interrupt is not waited for.
    rt.shutdown_background();
    result
}

async fn bench(
    args: &LogArgs,
    cpus: usize,
    pg: &Databases,
    tmp: &Path,
    work_dir: &Path,
) -> Result<bool> {
    let loadavg_before = crate::loadavg();
    let postgres = !args.skip_postgres;
    let pg_durability = if postgres && args.parts.contains(&Part::Appends) {
        Some(pg.durability().await?)
    } else {
        None
    };
    let mut seq = 0u32;
    let mut next_sqlite = |tag: &str| {
        seq += 1;
        format!(
            "sqlite://{}?mode=rwc",
            tmp.join(format!("{seq:02}-{tag}.db")).display()
        )
    };

    let mut appends = Vec::new();
    if args.parts.contains(&Part::Appends) {
        let mut backends: Vec<(&'static str, String)> = vec![(
            "sqlite",
            "WAL, synchronous=NORMAL (as the store opens it): a commit survives a crash of the \
             process, not of the machine (fsync at checkpoints only)"
                .to_string(),
        )];
        if let Some(d) = &pg_durability {
            backends.push(("postgres", d.clone()));
        }
        for (backend, durability) in backends {
            let mut modes = Vec::new();
            let mut plans: Vec<(String, usize, usize, u64)> = vec![
                ("1 entry/tx, 1 task".to_string(), 1, 1, args.single_entries),
                (
                    format!("1 entry/tx, {} tasks", args.tasks),
                    args.tasks,
                    1,
                    args.single_entries,
                ),
            ];
            for &b in &args.batch_sizes {
                plans.push((format!("{b} entries/tx, 1 task"), 1, b, args.batch_entries));
            }
            for (name, tasks, per_tx, entries) in plans {
                let url = if backend == "sqlite" {
                    next_sqlite("appends")
                } else {
                    pg.create("appends").await?
                };
                let store = pocdir_store::open(
                    &url,
                    pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy))?,
                )
                .await
                .with_context(|| format!("cannot open the {backend} store"))?;
                eprintln!("appends on {backend}: {name}, {entries} entries …");
                let mode = append_mode(store.clone(), &name, tasks, per_tx, entries).await?;
                let size = store.log_size().await?;
                if size != mode.entries {
                    bail!(
                        "{backend} {name}: the log holds {size} entries, {} were appended",
                        mode.entries
                    );
                }
                eprintln!(
                    "  {:.0} entries/s ({} failed transactions)",
                    mode.entries_per_second, mode.failed_transactions
                );
                modes.push(mode);
                drop(store);
            }
            appends.push(BackendAppends {
                backend,
                durability,
                modes,
            });
        }
    }

    let mut proofs = Vec::new();
    if args.parts.contains(&Part::Proofs) {
        for (i, &n) in args.tree_sizes.iter().enumerate() {
            eprintln!(
                "Merkle tree of {n} leaves: build, then {} proofs …",
                args.proofs
            );
            let samples = args.proofs;
            let seed = args.seed.wrapping_add(i as u64);
            let report = tokio::task::spawn_blocking(move || tree_bench(n, samples, seed))
                .await
                .context("the tree measurement failed")??;
            eprintln!(
                "  build {:.2} s, inclusion p99 {:.1} µs",
                report.build_seconds, report.inclusion.p99_us
            );
            proofs.push(report);
        }
    }

    let mut verify = Vec::new();
    if args.parts.contains(&Part::Verify) {
        let url = next_sqlite("verify");
        let file = url
            .trim_start_matches("sqlite://")
            .trim_end_matches("?mode=rwc")
            .to_string();
        verify.push(
            verify_run(
                args,
                "sqlite",
                &url,
                DbSize::Sqlite(PathBuf::from(file)),
                pg,
            )
            .await?,
        );
        if postgres {
            let url = pg.create("verify").await?;
            let name = pg.last_name()?;
            verify.push(verify_run(args, "postgres", &url, DbSize::Postgres(name), pg).await?);
        }
    }

    let mut driver = None;
    if args.parts.contains(&Part::Driver) {
        let url = next_sqlite("driver");
        let file = PathBuf::from(
            url.trim_start_matches("sqlite://")
                .trim_end_matches("?mode=rwc"),
        );
        let store = pocdir_store::open(
            &url,
            pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy))?,
        )
        .await
        .context("cannot open the sqlite store")?;
        let report = crate::driver_bench::run(
            store.as_ref(),
            &url,
            &file,
            args.driver_entries,
            args.fill_batch,
            drafts,
        )
        .await?;
        eprintln!(
            "  read: sqlx {:.0} rows/s, rusqlite {:.0} rows/s; append: sqlx {:.0}/s, rusqlite {:.0}/s",
            report.sqlx_read_rows_per_second,
            report.rusqlite_read_rows_per_second,
            report.sqlx_append_per_second,
            report.rusqlite_append_per_second
        );
        driver = Some(report);
    }

    let goals = goals(&appends, &proofs, &verify);
    let ok = appends
        .iter()
        .all(|b| b.modes.iter().all(|m| m.failed_transactions == 0));
    let report = Report {
        command_line: std::env::args().collect(),
        machine: Machine {
            cpus,
            loadavg_before,
            loadavg_after: crate::loadavg(),
        },
        settings: Settings {
            parts: args.parts.clone(),
            single_entries: args.single_entries,
            tasks: args.tasks,
            batch_sizes: args.batch_sizes.clone(),
            batch_entries: args.batch_entries,
            tree_sizes: args.tree_sizes.clone(),
            proofs: args.proofs,
            verify_entries: args.verify_entries,
            fill_batch: args.fill_batch,
            heads: args.heads,
            verify_runs: args.verify_runs,
            postgres: postgres.then(|| redact(&args.postgres_url)),
            seed: args.seed,
            work_dir: work_dir.display().to_string(),
        },
        appends,
        proofs,
        verify,
        driver,
        goals,
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
        eprintln!("FAILED: some appends failed (see error_samples in the table or JSON)");
    }
    Ok(ok)
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn rate(count: u64, d: Duration) -> f64 {
    let s = d.as_secs_f64();
    if s > 0.0 {
        count as f64 / s
    } else {
        f64::NAN
    }
}

// ---------------------------------------------------------------- entries

/// A plausible entry: a few actors, participants and actions, a content hash each.
fn draft(i: u64) -> LogDraft {
    let pick = |k: u64| ACTIONS.get(k as usize % ACTIONS.len()).copied();
    let action = pick(i).unwrap_or(LogAction::PocRead);
    LogDraft {
        at: 1_772_800_000 + (i / 10) as i64,
        actor: LogActor {
            account_id: Some((i % 50 + 1) as i64),
            kind: "technical_poc".to_string(),
            participant: Some(format!("P{:02}", i % 40)),
        },
        action: action.as_str().to_string(),
        object: format!("contact:{}", i % 1000),
        participant: Some(format!("P{:02}", (i * 7) % 40)),
        content_hash: content_hash(&serde_json::json!({ "n": i })),
    }
}

pub(crate) fn drafts(from: u64, count: u64) -> Vec<LogDraft> {
    (from..from + count).map(draft).collect()
}

// ---------------------------------------------------------------- appends

#[derive(Default)]
struct TaskResult {
    latencies_ns: Vec<u64>,
    entries: u64,
    failed: u64,
    samples: Vec<String>,
}

async fn append_mode(
    store: Arc<dyn Store>,
    name: &str,
    tasks: usize,
    per_tx: usize,
    entries: u64,
) -> Result<AppendMode> {
    // Task t appends its share [entries·t/tasks, entries·(t+1)/tasks), prepared beforehand.
    let tasks_u = tasks as u64;
    let shares: Vec<Vec<LogDraft>> = (0..tasks_u)
        .map(|t| {
            let from = entries * t / tasks_u;
            let to = entries * (t + 1) / tasks_u;
            drafts(from, to - from)
        })
        .collect();
    let transactions: usize = shares.iter().map(|s| s.len().div_ceil(per_tx)).sum();
    let begin = Instant::now();
    let mut handles = Vec::with_capacity(tasks);
    for share in shares {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            let mut out = TaskResult {
                latencies_ns: Vec::with_capacity(share.len().div_ceil(per_tx)),
                ..TaskResult::default()
            };
            for chunk in share.chunks(per_tx) {
                let t = Instant::now();
                match store.append_log(chunk).await {
                    Ok(indexes) if indexes.len() == chunk.len() => {
                        out.latencies_ns.push(nanos(t.elapsed()));
                        out.entries += chunk.len() as u64;
                    }
                    Ok(indexes) => {
                        out.failed += 1;
                        if out.samples.len() < 3 {
                            out.samples.push(format!(
                                "{} indexes for {} entries",
                                indexes.len(),
                                chunk.len()
                            ));
                        }
                    }
                    Err(e) => {
                        out.failed += 1;
                        if out.samples.len() < 3 {
                            out.samples.push(e.to_string());
                        }
                    }
                }
            }
            out
        }));
    }
    let mut all = TaskResult::default();
    for h in handles {
        let mut r = h.await.context("an append task failed")?;
        all.latencies_ns.append(&mut r.latencies_ns);
        all.entries += r.entries;
        all.failed += r.failed;
        for s in r.samples {
            if all.samples.len() < 5 {
                all.samples.push(s);
            }
        }
    }
    let took = begin.elapsed();
    let entries_per_second = rate(all.entries, took);
    Ok(AppendMode {
        mode: name.to_string(),
        tasks,
        entries_per_transaction: per_tx,
        transactions,
        entries: all.entries,
        failed_transactions: all.failed,
        error_samples: all.samples,
        seconds: secs(took),
        entries_per_second,
        transaction_latency: Latency::of(all.latencies_ns),
        meets_goal: entries_per_second >= GOAL_APPENDS_PER_S && all.failed == 0,
    })
}

// ---------------------------------------------------------------- proofs

/// SplitMix64: reproducible indexes without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when n is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }
}

fn leaf_of(i: u64) -> Hash {
    leaf_hash(&i.to_be_bytes())
}

fn rss_kib() -> Result<u64> {
    Ok(crate::proc::memory(std::process::id())?.rss_kib)
}

/// This thread's involuntary context switches and minor page faults so far
/// (zero when /proc cannot tell), to explain the tail of a timed loop.
fn thread_counters() -> Disturbance {
    let switches = std::fs::read_to_string("/proc/thread-self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("nonvoluntary_ctxt_switches:"))
                .and_then(|v| v.trim().parse().ok())
        })
        .unwrap_or(0);
    // Fields after "(comm)": state is the 3rd field, minflt the 10th.
    let minor_faults = std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(7)?.parse().ok())
        })
        .unwrap_or(0);
    Disturbance {
        involuntary_switches: switches,
        minor_faults,
    }
}

impl Disturbance {
    fn since(self, before: Disturbance) -> Disturbance {
        Disturbance {
            involuntary_switches: self
                .involuntary_switches
                .saturating_sub(before.involuntary_switches),
            minor_faults: self.minor_faults.saturating_sub(before.minor_faults),
        }
    }
}

fn tree_bench(n: u64, samples: usize, seed: u64) -> Result<TreeReport> {
    let mut rng = Rng(seed);
    let rss_before = rss_kib()?;
    let t = Instant::now();
    let mut tree = MerkleTree::new();
    for i in 0..n {
        tree.push_leaf_hash(leaf_of(i));
    }
    let build = t.elapsed();
    let rss_after = rss_kib()?;
    let t = Instant::now();
    for i in 0..n {
        black_box(leaf_of(black_box(i)));
    }
    let hashing = t.elapsed();

    let root = tree.root_at(n)?;
    let (mut incl, mut incl_proof, mut incl_verify) = (Vec::new(), Vec::new(), Vec::new());
    let before = thread_counters();
    let mut path_hashes = 0usize;
    for _ in 0..samples {
        let index = rng.below(n);
        let leaf = tree.leaf(index).context("no leaf at a random index")?;
        let t0 = Instant::now();
        let proof = tree.inclusion_proof(index, n)?;
        let t1 = Instant::now();
        let ok = verify_inclusion(&leaf, index, n, &proof, &root);
        let t2 = Instant::now();
        if !ok {
            bail!("the inclusion proof of {index} in {n} does not verify");
        }
        path_hashes += proof.len();
        incl.push(nanos(t2 - t0));
        incl_proof.push(nanos(t1 - t0));
        incl_verify.push(nanos(t2 - t1));
    }
    let inclusion_disturbance = thread_counters().since(before);

    let (mut cons, mut cons_proof) = (Vec::new(), Vec::new());
    let mut cons_hashes = 0usize;
    let before = thread_counters();
    for _ in 0..samples {
        let first = 1 + rng.below(n);
        let second = first + rng.below(n - first + 1);
        let (r1, r2) = (tree.root_at(first)?, tree.root_at(second)?);
        let t0 = Instant::now();
        let proof = tree.consistency_proof(first, second)?;
        let t1 = Instant::now();
        let ok = verify_consistency(first, second, &proof, &r1, &r2);
        let t2 = Instant::now();
        if !ok {
            bail!("the consistency proof {first} → {second} does not verify");
        }
        cons_hashes += proof.len();
        cons.push(nanos(t2 - t0));
        cons_proof.push(nanos(t1 - t0));
    }
    let consistency_disturbance = thread_counters().since(before);

    let mut roots = Vec::new();
    for _ in 0..samples {
        let size = 1 + rng.below(n);
        let t0 = Instant::now();
        let r = tree.root_at(size)?;
        roots.push(nanos(t0.elapsed()));
        black_box(r);
    }
    drop(tree);

    Ok(TreeReport {
        leaves: n,
        build_seconds: secs(build),
        build_leaves_per_second: rate(n, build),
        leaf_hashing_seconds: secs(hashing),
        estimated_mib: n as f64 * 64.0 / (1024.0 * 1024.0),
        rss_delta_mib: rss_after.saturating_sub(rss_before) as f64 / 1024.0,
        inclusion: Micros::of(incl)?,
        inclusion_proof_only: Micros::of(incl_proof)?,
        inclusion_verify_only: Micros::of(incl_verify)?,
        inclusion_path_hashes: path_hashes as f64 / samples as f64,
        inclusion_disturbance,
        consistency: Micros::of(cons)?,
        consistency_proof_only: Micros::of(cons_proof)?,
        consistency_path_hashes: cons_hashes as f64 / samples as f64,
        consistency_disturbance,
        root_at: Micros::of(roots)?,
    })
}

// ---------------------------------------------------------------- verify

enum DbSize {
    Sqlite(PathBuf),
    Postgres(String),
}

async fn verify_run(
    args: &LogArgs,
    backend: &'static str,
    url: &str,
    db: DbSize,
    pg: &Databases,
) -> Result<VerifyRun> {
    let n = args.verify_entries;
    let store = pocdir_store::open(
        url,
        pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy))?,
    )
    .await
    .with_context(|| format!("cannot open the {backend} store"))?;
    let key = SigningKey::from_bytes(&BENCH_KEY);
    let public = key.verifying_key();
    let log = LogService::new(store.clone(), Arc::new(SystemClock), key);

    // Fill, signing a head every n/heads entries and at the end.
    eprintln!(
        "verify on {backend}: filling {n} entries, {} per transaction …",
        args.fill_batch
    );
    let batch = args.fill_batch as u64;
    let head_every = (n / args.heads).max(1);
    let mut next_head = head_every;
    let mut done = 0u64;
    let mut in_append = Duration::ZERO;
    let mut transactions = 0usize;
    let mut heads = Vec::new();
    let wall = Instant::now();
    while done < n {
        let count = batch.min(n - done);
        let chunk = drafts(done, count);
        let t = Instant::now();
        let indexes = store.append_log(&chunk).await?;
        in_append += t.elapsed();
        transactions += 1;
        if indexes.first() != Some(&done) || indexes.len() as u64 != count {
            bail!("{backend}: append_log returned unexpected indexes at {done}");
        }
        done += count;
        if done >= next_head || done == n {
            let t = Instant::now();
            let head = log.latest_head().await?;
            heads.push(HeadSigning {
                tree_size: head.tree_size,
                milliseconds: secs(t.elapsed()) * 1e3,
            });
            while next_head <= done {
                next_head += head_every;
            }
        }
    }
    let fill = Fill {
        entries_per_transaction: args.fill_batch,
        transactions,
        seconds: secs(in_append),
        entries_per_second: rate(n, in_append),
        wall_seconds: secs(wall.elapsed()),
    };
    drop(log);
    eprintln!(
        "  filled at {:.0} entries/s; {} heads",
        fill.entries_per_second,
        heads.len()
    );
    let database_mib = match &db {
        DbSize::Sqlite(path) => Some(sqlite_size(path) as f64 / (1024.0 * 1024.0)),
        DbSize::Postgres(name) => pg
            .database_size(name)
            .await
            .ok()
            .map(|b| b as f64 / (1024.0 * 1024.0)),
    };

    // End to end, as `pocdir log verify` runs it.
    let mut verify_store_seconds = Vec::new();
    let mut checked = None;
    for i in 1..=args.verify_runs {
        eprintln!("  verify_store run {i}/{} …", args.verify_runs);
        let t = Instant::now();
        let report = verify_store(store.as_ref(), HeadKeys::Pinned(public), false)
            .await
            .map_err(verify_error)?;
        let took = t.elapsed();
        eprintln!("    {:.2} s", secs(took));
        verify_store_seconds.push(secs(took));
        checked = Some(report);
    }
    let checked = checked.context("no verify run")?;
    if checked.entries != n || checked.heads != heads.len() as u64 {
        bail!(
            "{backend}: verify_store checked {} entries and {} heads, expected {n} and {}",
            checked.entries,
            checked.heads,
            heads.len()
        );
    }

    // The suggested fix: reading and verifying overlapped.
    eprintln!("  pipelined verify …");
    let t = Instant::now();
    let piped = verify_pipelined(store.clone(), public).await?;
    let pipelined = t.elapsed();
    if piped.root != checked.root || piped.entries != n {
        bail!("{backend}: the pipelined verify disagrees with verify_store");
    }

    // Where the time goes.
    eprintln!("  breakdown: reading all entries …");
    // As verify reads: chunk by chunk, each dropped before the next.
    let t = Instant::now();
    let mut read = 0u64;
    let mut start = 0;
    while start < n {
        let chunk = store.log_entries(start, start + READ_CHUNK).await?;
        if chunk.is_empty() {
            break;
        }
        read += chunk.len() as u64;
        start += READ_CHUNK;
    }
    let db_read = t.elapsed();
    if read != n {
        bail!("{backend}: read {read} entries, expected {n}");
    }
    // Then all of them kept, for the in-memory parts.
    let t = Instant::now();
    let mut rows: Vec<StoredLogEntry> = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
    let mut start = 0;
    while start < n {
        let chunk = store.log_entries(start, start + READ_CHUNK).await?;
        if chunk.is_empty() {
            break;
        }
        rows.extend(chunk);
        start += READ_CHUNK;
    }
    let db_read_keep = t.elapsed();
    if rows.len() as u64 != n {
        bail!("{backend}: read {} entries, expected {n}", rows.len());
    }
    let stored_heads = store.tree_heads().await?;
    drop(store);
    eprintln!("  breakdown: in memory …");
    let verified_entries = checked.entries;
    let (breakdown, verified_heads) = tokio::task::spawn_blocking(move || {
        let reads = (db_read, db_read_keep, pipelined);
        in_memory_breakdown(&rows, &stored_heads, &public, reads, &checked)
    })
    .await
    .context("the in-memory measurement failed")??;

    Ok(VerifyRun {
        backend,
        entries: n,
        fill,
        heads,
        database_mib,
        verify_store_seconds,
        verified_entries,
        verified_heads,
        breakdown,
    })
}

fn verify_error(e: VerifyFailure) -> anyhow::Error {
    match e {
        VerifyFailure::Tampered(t) => anyhow!("verify_store reports tampering: {t}"),
        VerifyFailure::Error(e) => e.context("verify_store failed"),
    }
}

fn sqlite_size(db: &Path) -> u64 {
    let mut total = 0;
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        total += std::fs::metadata(PathBuf::from(p)).map_or(0, |m| m.len());
    }
    total
}

fn in_memory_breakdown(
    rows: &[StoredLogEntry],
    heads: &[SignedTreeHead],
    key: &VerifyingKey,
    (db_read, db_read_keep, pipelined): (Duration, Duration, Duration),
    expected: &VerifyReport,
) -> Result<(Breakdown, u64)> {
    let t = Instant::now();
    let mut verifier = Verifier::new();
    for row in rows {
        verifier.push(&row.entry, &row.leaf_hash)?;
    }
    let t_finish = Instant::now();
    let report = verifier.finish(heads, key)?;
    let heads_check = t_finish.elapsed();
    let in_memory = t.elapsed();
    if report != *expected {
        bail!("the in-memory Verifier disagrees with verify_store");
    }

    let t = Instant::now();
    for row in rows {
        black_box(row.entry.leaf_hash());
    }
    let leaf_recompute = t.elapsed();

    // The same bytes without the intermediate serde_json::Value.
    for row in rows.iter().take(1000) {
        if tuple_leaf_bytes(&row.entry)? != row.entry.leaf_bytes() {
            bail!("the tuple serialisation differs from the leaf bytes");
        }
    }
    let t = Instant::now();
    for row in rows {
        black_box(leaf_hash(&tuple_leaf_bytes(&row.entry)?));
    }
    let leaf_tuple = t.elapsed();

    let t = Instant::now();
    let mut tree = MerkleTree::new();
    for row in rows {
        tree.push_leaf_hash(row.leaf_hash);
    }
    let tree_build = t.elapsed();
    if tree.root() != expected.root {
        bail!("the rebuilt tree disagrees with verify_store");
    }

    Ok((
        Breakdown {
            db_read_seconds: secs(db_read),
            db_read_keep_seconds: secs(db_read_keep),
            in_memory_verifier_seconds: secs(in_memory),
            heads_check_seconds: secs(heads_check),
            leaf_recompute_seconds: secs(leaf_recompute),
            leaf_recompute_tuple_seconds: secs(leaf_tuple),
            tree_build_seconds: secs(tree_build),
            pipelined_verify_seconds: secs(pipelined),
        },
        report.heads,
    ))
}

fn tuple_leaf_bytes(e: &LogEntry) -> Result<Vec<u8>> {
    Ok(serde_json::to_vec(&(
        LEAF_VERSION,
        e.index,
        e.at,
        e.actor_account_id,
        &e.actor_kind,
        &e.actor_participant,
        &e.action,
        &e.object,
        &e.participant,
        &e.content_hash,
    ))?)
}

/// `verify_store` with the reading of chunk k+1 overlapped with the checking of chunk k.
async fn verify_pipelined(store: Arc<dyn Store>, key: VerifyingKey) -> Result<VerifyReport> {
    let size = store.log_size().await?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<StoredLogEntry>>(2);
    let reader = {
        let store = store.clone();
        tokio::spawn(async move {
            let mut start = 0;
            while start < size {
                let rows = store.log_entries(start, start + READ_CHUNK).await?;
                if rows.is_empty() {
                    break;
                }
                start += READ_CHUNK;
                if tx.send(rows).await.is_err() {
                    break;
                }
            }
            Ok::<(), anyhow::Error>(())
        })
    };
    let checker = tokio::task::spawn_blocking(move || {
        let mut verifier = Verifier::new();
        while let Some(rows) = rx.blocking_recv() {
            for row in &rows {
                verifier.push(&row.entry, &row.leaf_hash)?;
            }
        }
        Ok::<Verifier, anyhow::Error>(verifier)
    });
    reader.await.context("the reader task failed")??;
    let verifier = checker.await.context("the checker task failed")??;
    if verifier.size() < size {
        bail!("entries missing: read {}, counted {size}", verifier.size());
    }
    let heads = store.tree_heads().await?;
    Ok(verifier.finish(&heads, &key)?)
}

// ---------------------------------------------------------------- PostgreSQL

/// The databases made on the PostgreSQL server, all dropped by `drop_all`.
struct Databases {
    admin_url: String,
    created: Mutex<Vec<String>>,
    counter: AtomicU64,
}

impl Databases {
    fn new(admin_url: String) -> Self {
        Databases {
            admin_url,
            created: Mutex::new(Vec::new()),
            counter: AtomicU64::new(0),
        }
    }

    fn names(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        self.created
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    async fn admin(&self) -> Result<PgConnection> {
        PgConnection::connect(&self.admin_url)
            .await
            .with_context(|| {
                format!(
                    "cannot reach PostgreSQL at {} (--skip-postgres measures SQLite only)",
                    redact(&self.admin_url)
                )
            })
    }

    /// A new empty database; its URL.
    async fn create(&self, tag: &str) -> Result<String> {
        let n = self.counter.fetch_add(1, Ordering::SeqCst);
        let name = format!("pocdir_bench_{tag}_{}_{n}", std::process::id());
        let mut admin = self.admin().await?;
        // Recorded first, so that an interrupt during the CREATE still drops it.
        self.names().push(name.clone());
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .with_context(|| format!("cannot create the database {name}"))?;
        let _ = admin.close().await;
        let mut url = url::Url::parse(&self.admin_url).context("bad PostgreSQL URL")?;
        url.set_path(&format!("/{name}"));
        Ok(url.to_string())
    }

    fn last_name(&self) -> Result<String> {
        self.names().last().cloned().context("no database made")
    }

    async fn database_size(&self, name: &str) -> Result<i64> {
        let mut admin = self.admin().await?;
        let size: i64 = sqlx::query_scalar("SELECT pg_database_size($1)")
            .bind(name)
            .fetch_one(&mut admin)
            .await?;
        let _ = admin.close().await;
        Ok(size)
    }

    /// The server settings that decide what a commit guarantees.
    async fn durability(&self) -> Result<String> {
        let mut admin = self.admin().await?;
        let mut parts = Vec::new();
        for setting in [
            "server_version",
            "fsync",
            "synchronous_commit",
            "wal_sync_method",
            "commit_delay",
        ] {
            let value: String = sqlx::query_scalar(&format!("SHOW {setting}"))
                .fetch_one(&mut admin)
                .await
                .with_context(|| format!("SHOW {setting}"))?;
            parts.push(format!("{setting}={value}"));
        }
        let _ = admin.close().await;
        Ok(parts.join(", "))
    }

    /// Drops every database made; the errors, if any.
    async fn drop_all(&self) -> Vec<String> {
        let names: Vec<String> = std::mem::take(&mut *self.names());
        if names.is_empty() {
            return Vec::new();
        }
        let mut errors = Vec::new();
        let mut admin = match self.admin().await {
            Ok(a) => a,
            Err(e) => {
                return vec![format!(
                    "{e:#}; drop these databases by hand: {}",
                    names.join(", ")
                )]
            }
        };
        for name in names {
            // FORCE ends the connections a dropped pool may still hold.
            let dropped = admin
                .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await;
            if let Err(e) = dropped {
                errors.push(format!("cannot drop the database {name}: {e}"));
            }
        }
        let _ = admin.close().await;
        errors
    }
}

/// The URL without its password.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            u.to_string()
        }
        Err(_) => "(unparsable URL)".to_string(),
    }
}

// ---------------------------------------------------------------- goals

fn goals(appends: &[BackendAppends], proofs: &[TreeReport], verify: &[VerifyRun]) -> Vec<Goal> {
    let mut out = Vec::new();
    for b in appends {
        let best = b
            .modes
            .iter()
            .max_by(|x, y| x.entries_per_second.total_cmp(&y.entries_per_second));
        let meeting: Vec<&str> = b
            .modes
            .iter()
            .filter(|m| m.meets_goal)
            .map(|m| m.mode.as_str())
            .collect();
        if let Some(best) = best {
            out.push(Goal {
                goal: format!("{}: appends ≥ 20,000 entries/s", b.backend),
                measured: format!(
                    "best {:.0}/s ({}); reached by: {}",
                    best.entries_per_second,
                    best.mode,
                    if meeting.is_empty() {
                        "none".to_string()
                    } else {
                        meeting.join("; ")
                    }
                ),
                met: !meeting.is_empty(),
            });
        }
    }
    for t in proofs {
        let worst = t.inclusion.p99_us.max(t.consistency.p99_us);
        out.push(Goal {
            goal: format!("inclusion/consistency proof ≤ 1 ms at {} leaves", t.leaves),
            measured: format!(
                "p99 inclusion {:.1} µs, consistency {:.1} µs (proof + verify)",
                t.inclusion.p99_us, t.consistency.p99_us
            ),
            met: worst <= GOAL_PROOF_MS * 1e3,
        });
    }
    for v in verify {
        let best = v
            .verify_store_seconds
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min);
        let limit = GOAL_VERIFY_S_PER_MILLION * v.entries as f64 / 1e6;
        out.push(Goal {
            goal: format!(
                "{}: verify of {} entries ≤ {limit:.2} s (3 s per million)",
                v.backend, v.entries
            ),
            measured: format!(
                "verify_store best {best:.2} s; pipelined {:.2} s",
                v.breakdown.pipelined_verify_seconds
            ),
            met: best <= limit,
        });
    }
    out
}

// ---------------------------------------------------------------- table

fn table(r: &Report) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s);
    let _ = writeln!(s, "pocdir-bench log");
    if let Some(d) = &r.driver {
        let _ = writeln!(
            s,
            "SQLite drivers on one file ({} entries, {} per append transaction):",
            d.entries, d.entries_per_transaction
        );
        let _ = writeln!(
            s,
            "  read every entry: sqlx {:.0} rows/s, rusqlite {:.0} rows/s, the store's log_entries {:.0} rows/s",
            d.sqlx_read_rows_per_second, d.rusqlite_read_rows_per_second, d.store_read_rows_per_second
        );
        let _ = writeln!(
            s,
            "  append in transactions: sqlx {:.0} entries/s, rusqlite {:.0} entries/s",
            d.sqlx_append_per_second, d.rusqlite_append_per_second
        );
    }
    let _ = writeln!(
        s,
        "{} CPUs; load average before {}, after {}",
        r.machine.cpus, r.machine.loadavg_before, r.machine.loadavg_after
    );
    for b in &r.appends {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "Appends on {} through append_log (goal ≥ 20,000 entries/s)",
            b.backend
        );
        let _ = writeln!(s, "  durability: {}", b.durability);
        let _ = writeln!(
            s,
            "  {:<26}{:>9}{:>8}{:>8}{:>9}{:>12}{:>10}{:>10}{:>6}",
            "mode", "entries", "tx", "failed", "seconds", "entries/s", "tx p50", "tx p99", "goal"
        );
        for m in &b.modes {
            let (p50, p99) = m
                .transaction_latency
                .as_ref()
                .map_or((f64::NAN, f64::NAN), |l| (l.p50_ms, l.p99_ms));
            let _ = writeln!(
                s,
                "  {:<26}{:>9}{:>8}{:>8}{:>9.2}{:>12.0}{:>7.2} ms{:>7.2} ms{:>6}",
                m.mode,
                m.entries,
                m.transactions,
                m.failed_transactions,
                m.seconds,
                m.entries_per_second,
                p50,
                p99,
                yes(m.meets_goal)
            );
            for e in &m.error_samples {
                let _ = writeln!(s, "      error: {e}");
            }
        }
    }
    if !r.proofs.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "Merkle tree in memory (goal: proof ≤ 1 ms); {} random samples each",
            r.settings.proofs
        );
        for t in &r.proofs {
            let _ = writeln!(
                s,
                "  {} leaves: build {:.2} s ({:.0} leaves/s, of which leaf hashing {:.2} s); memory ≈ {:.0} MiB (64 B/leaf), VmRSS +{:.0} MiB",
                t.leaves,
                t.build_seconds,
                t.build_leaves_per_second,
                t.leaf_hashing_seconds,
                t.estimated_mib,
                t.rss_delta_mib
            );
            let _ = writeln!(
                s,
                "    {:<40}{:>10}{:>10}{:>10}{:>10}",
                "µs", "mean", "p50", "p99", "max"
            );
            for (name, m) in [
                (
                    format!(
                        "inclusion proof + verify ({:.1} hashes)",
                        t.inclusion_path_hashes
                    ),
                    &t.inclusion,
                ),
                (
                    "  inclusion_proof only".to_string(),
                    &t.inclusion_proof_only,
                ),
                (
                    "  verify_inclusion only".to_string(),
                    &t.inclusion_verify_only,
                ),
                (
                    format!(
                        "consistency proof + verify ({:.1} hashes)",
                        t.consistency_path_hashes
                    ),
                    &t.consistency,
                ),
                (
                    "  consistency_proof only".to_string(),
                    &t.consistency_proof_only,
                ),
                ("root_at(random size)".to_string(), &t.root_at),
            ] {
                let _ = writeln!(
                    s,
                    "    {name:<40}{:>10.2}{:>10.2}{:>10.2}{:>10.2}",
                    m.mean_us, m.p50_us, m.p99_us, m.max_us
                );
            }
            let _ = writeln!(
                s,
                "    measuring thread preempted {} times (inclusion loop) and {} times (consistency loop); minor page faults {} and {}",
                t.inclusion_disturbance.involuntary_switches,
                t.consistency_disturbance.involuntary_switches,
                t.inclusion_disturbance.minor_faults,
                t.consistency_disturbance.minor_faults
            );
        }
    }
    for v in &r.verify {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "Verify on {} of {} entries (goal ≤ 3 s per million)",
            v.backend, v.entries
        );
        let _ = writeln!(
            s,
            "  fill: {} transactions of {} entries: {:.1} s in append_log = {:.0} entries/s (wall {:.1} s); database {}",
            v.fill.transactions,
            v.fill.entries_per_transaction,
            v.fill.seconds,
            v.fill.entries_per_second,
            v.fill.wall_seconds,
            v.database_mib
                .map_or_else(|| "size unknown".to_string(), |m| format!("{m:.0} MiB"))
        );
        let heads: Vec<String> = v
            .heads
            .iter()
            .map(|h| format!("{} ({:.0} ms)", h.tree_size, h.milliseconds))
            .collect();
        let _ = writeln!(
            s,
            "  heads signed by LogService::latest_head at: {}",
            heads.join(", ")
        );
        let runs: Vec<String> = v
            .verify_store_seconds
            .iter()
            .map(|x| format!("{x:.2} s"))
            .collect();
        let _ = writeln!(
            s,
            "  verify_store (pocdir log verify), end to end: {}  ({} entries, {} heads checked)",
            runs.join(", "),
            v.verified_entries,
            v.verified_heads
        );
        let b = &v.breakdown;
        for (name, x) in [
            (
                "  read all entries (log_entries, chunks of 20,000)",
                b.db_read_seconds,
            ),
            ("    the same, all kept in memory", b.db_read_keep_seconds),
            (
                "  in-memory Verifier (push all + finish)",
                b.in_memory_verifier_seconds,
            ),
            ("    of which finish (heads)", b.heads_check_seconds),
            (
                "  leaf recomputation alone (LogEntry::leaf_hash)",
                b.leaf_recompute_seconds,
            ),
            (
                "  same leaves serialised from a tuple (no Value)",
                b.leaf_recompute_tuple_seconds,
            ),
            ("  tree build alone (push_leaf_hash)", b.tree_build_seconds),
            (
                "  pipelined verify (read k+1 while checking k)",
                b.pipelined_verify_seconds,
            ),
        ] {
            let _ = writeln!(s, "  {name:<54}{x:>8.2} s");
        }
    }
    if !r.goals.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Goals");
        for g in &r.goals {
            let _ = writeln!(
                s,
                "  [{}] {}: {}",
                if g.met { "met" } else { "MISSED" },
                g.goal,
                g.measured
            );
        }
    }
    s
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_serialisation_matches_the_leaf_bytes() {
        for i in [0u64, 1, 999, 123_456] {
            let mut e = draft(i).at_index(i);
            assert_eq!(tuple_leaf_bytes(&e).unwrap(), e.leaf_bytes());
            e.actor_participant = None;
            e.object = "quote \" and \\ and é and \u{1}".to_string();
            assert_eq!(tuple_leaf_bytes(&e).unwrap(), e.leaf_bytes());
        }
    }

    #[test]
    fn random_indexes_stay_in_range() {
        let mut rng = Rng(1);
        for n in [1u64, 2, 3, 1_000_000] {
            for _ in 0..1000 {
                assert!(rng.below(n) < n);
            }
        }
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn password_is_not_reported() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact(DEFAULT_POSTGRES_URL), DEFAULT_POSTGRES_URL);
    }
}
