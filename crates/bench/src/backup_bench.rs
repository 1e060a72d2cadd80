//! `pocdir-bench backup`: an installation of N PoCs and M log entries on
//! each backend (the demo, then synthetic PoCs nominated and activated as
//! `pocdir-bench ping` does, then log entries appended up to M), then
//! `pocdir backup` (time and size), `pocdir restore` into a new empty
//! database of the same backend (time, which includes its `log verify`,
//! also timed alone), and the move: the SQLite backup restored into
//! PostgreSQL (backup + restore). Every step is the release binary, as an
//! operator runs it.

use crate::communications_bench::{serve, Db};
use crate::log_bench::drafts;
use crate::ping_bench::add_synthetic;
use crate::{clean_command, free_addr, temp_dir, wait_ready, STOP_GRACE};
use anyhow::{bail, Context, Result};
use clap::Args;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct BackupArgs {
    /// The pocdir binary to measure (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Backends to measure.
    #[arg(long, value_delimiter = ',', default_value = "sqlite,postgres")]
    backends: Vec<String>,
    /// Synthetic PoCs added to the demo.
    #[arg(long, default_value_t = 100_000)]
    pocs: usize,
    /// Log entries in all (the demo's and the PoCs' included).
    #[arg(long, default_value_t = 1_000_000)]
    log_entries: u64,
    /// PostgreSQL to make databases on (default: $POCDIR_TEST_POSTGRES_URL).
    #[arg(long, value_name = "URL")]
    postgres_url: Option<String>,
    /// Where the temporary data folders go (default: the system temp folder).
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    #[arg(long, default_value_t = 120)]
    start_timeout: u64,
    /// Also write the numbers to this JSON file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

#[derive(Serialize, Default, Debug)]
struct BackendResult {
    backend: String,
    pocs: u64,
    log_entries: u64,
    fill_seconds: f64,
    backup_seconds: f64,
    backup_mib: f64,
    restore_seconds: f64,
    /// The restore's own `log verify`, timed alone on the restored database.
    verify_seconds: f64,
}

#[derive(Serialize, Debug)]
struct Move {
    from: String,
    to: String,
    backup_seconds: f64,
    restore_seconds: f64,
    total_seconds: f64,
}

#[derive(Serialize, Debug)]
struct Report {
    command_line: Vec<String>,
    cpus: usize,
    results: Vec<BackendResult>,
    moves: Vec<Move>,
}

pub fn run(args: BackupArgs) -> Result<bool> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

/// Runs the release binary with `args`; its output, or why it failed.
fn pocdir(bin: &Path, cwd: &Path, args: &[&str]) -> Result<(Duration, String)> {
    let t = Instant::now();
    let out = clean_command(bin, cwd)
        .args(args)
        .output()
        .with_context(|| format!("cannot run pocdir {args:?}"))?;
    let took = t.elapsed();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if !out.status.success() {
        bail!("pocdir {args:?} failed: {text}");
    }
    Ok((took, text))
}

async fn bench(args: BackupArgs) -> Result<bool> {
    let bin = std::fs::canonicalize(&args.pocdir).with_context(|| {
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
        moves: Vec::new(),
    };
    for backend in &args.backends {
        let tmp = temp_dir(&work_dir)?;
        let src = Db::make(backend, &tmp.path().join("data"), &admin, "backup_src").await?;
        let result = scenario(&args, &bin, tmp.path(), &src, backend, &admin, &mut report).await;
        src.drop_it().await;
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

/// Restores `file` into a new database of `backend`: (restore, verify) times.
async fn restore_into(
    bin: &Path,
    cwd: &Path,
    file: &Path,
    backend: &str,
    admin: &str,
    tag: &str,
) -> Result<(Duration, Duration)> {
    let data = cwd.join(format!("restored-{tag}"));
    let db = Db::make(backend, &data, admin, tag).await?;
    let result = async {
        let url = db.url()?;
        let data_arg = data.display().to_string();
        let file_arg = file.display().to_string();
        let (restore, out) = pocdir(
            bin,
            cwd,
            &[
                "restore",
                &file_arg,
                "--data-dir",
                &data_arg,
                "--database-url",
                &url,
            ],
        )?;
        if !out.contains("log verify: intact") {
            bail!("the restore did not verify: {out}");
        }
        let (verify, _) = pocdir(
            bin,
            cwd,
            &[
                "log",
                "verify",
                "--data-dir",
                &data_arg,
                "--database-url",
                &url,
            ],
        )?;
        Ok((restore, verify))
    }
    .await;
    db.drop_it().await;
    let _ = std::fs::remove_dir_all(&data);
    result
}

async fn scenario(
    args: &BackupArgs,
    bin: &Path,
    cwd: &Path,
    src: &Db,
    backend: &str,
    admin: &str,
    report: &mut Report,
) -> Result<BackendResult> {
    let url = src.url()?;
    let mut r = BackendResult {
        backend: backend.to_string(),
        ..BackendResult::default()
    };
    eprintln!("{backend}: seeding the demo …");
    let t0 = Instant::now();
    let addr = free_addr()?;
    let mut server = serve(bin, cwd, &url, addr, true, &[])?;
    wait_ready(
        &mut server,
        addr,
        Instant::now(),
        Duration::from_secs(args.start_timeout),
    )
    .await?;
    server.stop(STOP_GRACE).await?;
    let keys = pocdir::sealing_keys::load_existing(&cwd.join("data"))?
        .context("the demo made no sealing key file")?;
    let store: Arc<dyn pocdir_store::Store> = pocdir_store::open(&url, keys).await?;
    eprintln!("{backend}: adding {} synthetic PoCs …", args.pocs);
    add_synthetic(store.as_ref(), backend, &url, args.pocs).await?;
    let mut size = store.log_size().await?;
    eprintln!(
        "{backend}: appending log entries from {size} to {} …",
        args.log_entries
    );
    while size < args.log_entries {
        let n = (args.log_entries - size).min(10_000);
        store.append_log(&drafts(size, n)).await?;
        size = store.log_size().await?;
    }
    drop(store);
    r.fill_seconds = t0.elapsed().as_secs_f64();
    r.pocs = args.pocs as u64;
    r.log_entries = size;

    let file = cwd.join(format!("{backend}.pocdir-backup"));
    let data_arg = cwd.join("data").display().to_string();
    let file_arg = file.display().to_string();
    eprintln!("{backend}: pocdir backup …");
    let (backup, _) = pocdir(
        bin,
        cwd,
        &[
            "backup",
            "--out",
            &file_arg,
            "--data-dir",
            &data_arg,
            "--database-url",
            &url,
        ],
    )?;
    r.backup_seconds = backup.as_secs_f64();
    r.backup_mib = std::fs::metadata(&file)?.len() as f64 / (1024.0 * 1024.0);
    eprintln!("{backend}: pocdir restore into {backend} …");
    let (restore, verify) = restore_into(bin, cwd, &file, backend, admin, "backup_same").await?;
    r.restore_seconds = restore.as_secs_f64();
    r.verify_seconds = verify.as_secs_f64();
    let other = if backend == "sqlite" {
        "postgres"
    } else {
        "sqlite"
    };
    if args.backends.iter().any(|b| b == other) {
        eprintln!("{backend}: pocdir restore into {other} (the move) …");
        let (restore, _) = restore_into(bin, cwd, &file, other, admin, "backup_move").await?;
        report.moves.push(Move {
            from: backend.to_string(),
            to: other.to_string(),
            backup_seconds: r.backup_seconds,
            restore_seconds: restore.as_secs_f64(),
            total_seconds: r.backup_seconds + restore.as_secs_f64(),
        });
    }
    let _ = std::fs::remove_file(&file);
    Ok(r)
}

fn line(r: &BackendResult) -> String {
    format!(
        "{}: {} PoCs, {} log entries: backup {:.1} s ({:.1} MiB), restore {:.1} s (of which log verify {:.1} s)",
        r.backend, r.pocs, r.log_entries, r.backup_seconds, r.backup_mib, r.restore_seconds, r.verify_seconds
    )
}

fn table(report: &Report) -> String {
    let mut s = String::from(
        "\n| backend | PoCs | log entries | backup (s) | size (MiB) | restore (s) | of which log verify (s) |\n| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for r in &report.results {
        s.push_str(&format!(
            "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} |\n",
            r.backend,
            r.pocs,
            r.log_entries,
            r.backup_seconds,
            r.backup_mib,
            r.restore_seconds,
            r.verify_seconds
        ));
    }
    if !report.moves.is_empty() {
        s.push_str(
            "\n| move | backup (s) | restore (s) | total (s) |\n| --- | --- | --- | --- |\n",
        );
        for m in &report.moves {
            s.push_str(&format!(
                "| {} → {} | {:.1} | {:.1} | {:.1} |\n",
                m.from, m.to, m.backup_seconds, m.restore_seconds, m.total_seconds
            ));
        }
    }
    s
}
