//! `pocdir-bench changes`: logged changes per second through the store's
//! group commit, reported, never asserted (issue 14, goal 2).
//!
//! Per backend (SQLite in a temporary folder, PostgreSQL in a fresh
//! database dropped at the end): `--clients` tasks (32) each make single
//! logged changes, one after the other, for `--seconds`:
//!
//! - **language**: an account's language set (`set_account_language`: an
//!   UPDATE and its log entry, the shape of most changes), each client on
//!   its own account;
//! - **entry**: a log entry alone (`append_log` of one entry, as a read of
//!   contact details is recorded).
//!
//! A change counts once its call returned `Ok`: the store acknowledges only
//! what its batch committed. At the end, the log must hold exactly one
//! entry per acknowledged change, and every account the language its last
//! acknowledged change set. Goals: ≥ 10,000 changes/s on SQLite, ≥ 5,000/s
//! on PostgreSQL.

use crate::communications_bench::Db;
use crate::stats::Latency;
use crate::{loadavg, temp_dir};
use anyhow::{bail, Context, Result};
use clap::Args;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::{Clock, SystemClock};
use pocdir_domain::entropy::OsEntropy;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_store::NewAccount;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct ChangesArgs {
    /// Backends: sqlite, postgres.
    #[arg(long, value_delimiter = ',', default_value = "sqlite,postgres")]
    backends: Vec<String>,
    /// Kinds of change: language, entry.
    #[arg(long, value_delimiter = ',', default_value = "language,entry")]
    kinds: Vec<String>,
    /// PostgreSQL to make the temporary databases in (default:
    /// POCDIR_TEST_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres).
    #[arg(long)]
    postgres_url: Option<String>,
    /// Concurrent clients, each making one change after the other.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// Seconds of measured changes per kind and backend.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Where the temporary SQLite files go (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
struct Report {
    command_line: Vec<String>,
    cpus: usize,
    loadavg_before: String,
    loadavg_after: String,
    clients: usize,
    seconds: u64,
    results: Vec<KindResult>,
    ok: bool,
}

#[derive(Debug, Serialize)]
struct KindResult {
    backend: String,
    kind: String,
    changes: u64,
    failed: u64,
    error_samples: Vec<String>,
    changes_per_second: f64,
    latency: Option<Latency>,
    goal_per_second: f64,
    meets_goal: bool,
}

pub fn run(args: ChangesArgs) -> Result<bool> {
    if args.clients == 0 || args.seconds == 0 {
        bail!("--clients and --seconds must be at least 1");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

async fn bench(args: ChangesArgs) -> Result<bool> {
    let admin = args
        .postgres_url
        .clone()
        .or_else(|| std::env::var("POCDIR_TEST_POSTGRES_URL").ok())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
    let work_dir = args.work_dir.clone().unwrap_or_else(std::env::temp_dir);
    let loadavg_before = loadavg();
    let mut results = Vec::new();
    for backend in &args.backends {
        for kind in &args.kinds {
            let tmp = temp_dir(&work_dir)?;
            let db = Db::make(backend, tmp.path(), &admin, &format!("changes_{kind}")).await?;
            let outcome = measure(&db.url()?, backend, kind, &args).await;
            db.drop_it().await;
            let result = outcome?;
            eprintln!(
                "{backend} {kind}: {:.0} changes/s ({} failed), p99 {:.2} ms",
                result.changes_per_second,
                result.failed,
                result.latency.as_ref().map_or(0.0, |l| l.p99_ms)
            );
            results.push(result);
        }
    }
    let ok = results.iter().all(|r| r.failed == 0);
    let report = Report {
        command_line: std::env::args().collect(),
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        loadavg_before,
        loadavg_after: loadavg(),
        clients: args.clients,
        seconds: args.seconds,
        results,
        ok,
    };
    println!("{}", table(&report));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_vec_pretty(&report)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ok)
}

fn table(r: &Report) -> String {
    let mut out = format!(
        "\n{} clients, {} s per row, {} CPUs, load {} → {}\n\n| backend | change | changes/s | goal | p50 ms | p99 ms | failed |\n|---|---|---|---|---|---|---|\n",
        r.clients, r.seconds, r.cpus, r.loadavg_before, r.loadavg_after
    );
    for k in &r.results {
        let (p50, p99) = k
            .latency
            .as_ref()
            .map_or((0.0, 0.0), |l| (l.p50_ms, l.p99_ms));
        out.push_str(&format!(
            "| {} | {} | {:.0} | {:.0} {} | {:.2} | {:.2} | {} |\n",
            k.backend,
            k.kind,
            k.changes_per_second,
            k.goal_per_second,
            if k.meets_goal { "✓" } else { "✗" },
            p50,
            p99,
            k.failed
        ));
    }
    out
}

fn draft(action: LogAction, object: String) -> LogDraft {
    LogDraft::new(SystemClock.now(), LogActor::console(), action, object)
}

/// What one client did.
#[derive(Default)]
struct Client {
    latencies: Vec<u64>,
    failed: u64,
    samples: Vec<String>,
    /// The language its last acknowledged change set.
    last_language: Option<&'static str>,
}

async fn measure(url: &str, backend: &str, kind: &str, args: &ChangesArgs) -> Result<KindResult> {
    let store = pocdir_store::open(url, pocdir_store::Keys::ephemeral(Arc::new(OsEntropy))?)
        .await
        .with_context(|| format!("cannot open the {backend} store"))?;
    let mut accounts = Vec::with_capacity(args.clients);
    for i in 0..args.clients {
        let account = store
            .create_account(
                NewAccount {
                    email: format!("client{i}@bench.example.org"),
                    kind: AccountKind::Reporter,
                    participant: None,
                    display_name: format!("Client {i}"),
                    password_hash: "$argon2id$bench".to_string(),
                    totp_secret: None,
                    totp_enrolled: false,
                    demo: false,
                    password_change_required: false,
                    created_at: SystemClock.now(),
                },
                draft(LogAction::AccountCreate, format!("account:{i}")),
            )
            .await?;
        accounts.push(account.id);
    }
    let size_before = store.log_size().await?;
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let begin = Instant::now();
    let mut handles = Vec::with_capacity(args.clients);
    for &account in &accounts {
        let store = store.clone();
        let kind = kind.to_string();
        handles.push(tokio::spawn(async move {
            let mut client = Client::default();
            let mut n = 0u64;
            while Instant::now() < deadline {
                n += 1;
                let language = if n.is_multiple_of(2) { "fr" } else { "es" };
                let t = Instant::now();
                let done = match kind.as_str() {
                    "language" => {
                        store
                            .set_account_language(
                                account,
                                Some(language),
                                draft(LogAction::AccountLanguage, format!("account:{account}")),
                            )
                            .await
                    }
                    _ => store
                        .append_log(&[draft(LogAction::PocRead, format!("poc:{account}"))])
                        .await
                        .map(|_| ()),
                };
                match done {
                    Ok(()) => {
                        client
                            .latencies
                            .push(u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX));
                        client.last_language = Some(language);
                    }
                    Err(e) => {
                        client.failed += 1;
                        if client.samples.len() < 3 {
                            client.samples.push(e.to_string());
                        }
                    }
                }
            }
            client
        }));
    }
    let mut latencies = Vec::new();
    let mut failed = 0;
    let mut samples = Vec::new();
    let mut last = Vec::with_capacity(accounts.len());
    for (handle, &account) in handles.into_iter().zip(&accounts) {
        let mut c = handle.await.context("a client task failed")?;
        latencies.append(&mut c.latencies);
        failed += c.failed;
        samples.extend(
            c.samples
                .into_iter()
                .take(5usize.saturating_sub(samples.len())),
        );
        last.push((account, c.last_language));
    }
    let took = begin.elapsed();
    let changes = latencies.len() as u64;
    // Every acknowledged change is there, with its entry, and nothing else.
    let size = store.log_size().await?;
    if size != size_before + changes {
        bail!(
            "{backend} {kind}: the log grew by {} entries for {changes} acknowledged changes",
            size - size_before
        );
    }
    if kind == "language" {
        for (account, language) in last {
            let stored = store.account_by_id(account).await?.and_then(|a| a.language);
            if stored.as_deref() != language {
                bail!(
                    "{backend}: account {account} has {stored:?}, its last change set {language:?}"
                );
            }
        }
    }
    let per_second = changes as f64 / took.as_secs_f64().max(1e-9);
    let goal = if backend == "sqlite" {
        10_000.0
    } else {
        5_000.0
    };
    Ok(KindResult {
        backend: backend.to_string(),
        kind: kind.to_string(),
        changes,
        failed,
        error_samples: samples,
        changes_per_second: per_second,
        latency: Latency::of(latencies),
        goal_per_second: goal,
        meets_goal: per_second >= goal && failed == 0,
    })
}
