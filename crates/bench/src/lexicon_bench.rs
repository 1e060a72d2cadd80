//! `pocdir-bench lexicon`: the lexicon's search at a fixed concurrency
//! with 10,000 concepts in the six languages (two terms each), reported,
//! never asserted.
//!
//! A fresh SQLite data folder gets the benchmark's secretariat account and
//! token (`pocdir account create`, `pocdir account token`), then the
//! generated concepts through the store while no server runs, as one
//! version each with its log entry. The real server (`pocdir serve`, the
//! shipped OEWG terms installed at start) is then loaded with `GET
//! /api/v1/lexicon/concepts?q=…` for several queries: a word many terms
//! hold, one exact term, Arabic, Chinese and Russian words, and a query
//! that finds nothing; and the floor (a bare server) under the same load.

use crate::proc::ChildGuard;
use crate::{
    check_once, clean_command, free_addr, http, make_token, run_load, spawn_pocdir, temp_dir,
    wait_ready, LoadPlan, LoadResult, STOP_GRACE,
};
use anyhow::{anyhow, Context, Result};
use clap::Args;
use pocdir_domain::lexicon::concept::{LanguageSection, LexiconDomain, Term, TermStatus};
use pocdir_domain::lexicon::Concept;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_store::ConceptVersion;
use serde::Serialize;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Clone)]
pub struct LexiconArgs {
    /// The pocdir binary to measure (build it with --release).
    #[arg(long, value_name = "PATH", default_value = "target/release/pocdir")]
    pocdir: PathBuf,
    /// Generated concepts, each in the six languages.
    #[arg(long, default_value_t = 10_000)]
    concepts: u32,
    /// Seconds of measured load, per query.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Seconds of load before measuring.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    #[arg(long, default_value_t = 60)]
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
struct QueryResult {
    query: String,
    result: LoadResult,
    percent_of_floor: f64,
}

#[derive(Serialize)]
struct Report {
    command_line: Vec<String>,
    cpus: usize,
    concepts: u32,
    seed_seconds: f64,
    concurrency: usize,
    seconds: u64,
    queries: Vec<QueryResult>,
    floor: LoadResult,
}

pub fn run(args: LexiconArgs) -> Result<bool> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(bench(args))
}

/// Words of each language the generated terms are made of.
const WORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "incident", "network", "critical", "response", "secure", "channel", "report", "notice",
            "threat", "sector", "national", "contact",
        ],
    ),
    (
        "ar",
        &[
            "حادث",
            "شبكة",
            "حرجة",
            "استجابة",
            "آمنة",
            "قناة",
            "تقرير",
            "إشعار",
            "تهديد",
            "قطاع",
            "وطني",
            "اتصال",
        ],
    ),
    (
        "es",
        &[
            "incidente",
            "red",
            "crítica",
            "respuesta",
            "segura",
            "canal",
            "informe",
            "aviso",
            "amenaza",
            "sector",
            "nacional",
            "contacto",
        ],
    ),
    (
        "fr",
        &[
            "incident",
            "réseau",
            "critique",
            "réponse",
            "sécurisé",
            "canal",
            "rapport",
            "avis",
            "menace",
            "secteur",
            "national",
            "contact",
        ],
    ),
    (
        "ru",
        &[
            "инцидент",
            "сеть",
            "критическая",
            "реагирование",
            "защищённый",
            "канал",
            "отчёт",
            "уведомление",
            "угроза",
            "сектор",
            "национальный",
            "контакт",
        ],
    ),
    (
        "zh",
        &[
            "事件", "网络", "关键", "响应", "安全", "渠道", "报告", "通知", "威胁", "部门", "国家",
            "联系",
        ],
    ),
];

fn word(words: &[&'static str], n: u32) -> &'static str {
    let i = usize::try_from(n).unwrap_or(0) % words.len().max(1);
    words.get(i).copied().unwrap_or("")
}

/// The n-th generated concept: two terms in each language, numbered so
/// that one exact term is findable.
fn concept(n: u32) -> Concept {
    let domains = LexiconDomain::ALL;
    let domain = domains
        .get(usize::try_from(n).unwrap_or(0) % domains.len())
        .copied()
        .unwrap_or(LexiconDomain::Technical);
    Concept {
        id: format!("bench-{n:05}"),
        domain,
        related: Vec::new(),
        languages: WORDS
            .iter()
            .map(|(lang, words)| LanguageSection {
                lang: (*lang).to_owned(),
                definition: format!("{} {} {}", word(words, n), word(words, n / 7), n),
                source: "pocdir-bench".to_owned(),
                note: String::new(),
                terms: vec![
                    Term {
                        text: format!("{} {} {n}", word(words, n), word(words, n / 12)),
                        status: if *lang == "en" {
                            TermStatus::Preferred
                        } else {
                            TermStatus::Proposed
                        },
                    },
                    Term {
                        text: format!("{} {} {n}", word(words, n / 3), word(words, n / 5)),
                        status: TermStatus::Admitted,
                    },
                ],
            })
            .collect(),
    }
}

/// Writes the generated concepts through the store, a thousand per
/// transaction, each with its log entry; the seconds it took.
async fn seed(data: &std::path::Path, count: u32) -> Result<f64> {
    let url = format!("sqlite://{}?mode=rwc", data.join("pocdir.db").display());
    let keys = pocdir::sealing_keys::load_existing(data)?.context("no key file")?;
    let store = pocdir_store::open(&url, keys)
        .await
        .with_context(|| format!("cannot open {url}"))?;
    let t0 = Instant::now();
    let at = pocdir_domain::clock::Clock::now(&pocdir_domain::clock::SystemClock);
    let actor = LogActor::system();
    let mut n = 0;
    while n < count {
        let mut versions = Vec::new();
        let mut log = Vec::new();
        for i in n..count.min(n + 1000) {
            let c = concept(i);
            let content = serde_json::to_string(&c)?;
            log.push(
                events::lexicon_changed(at, &actor, &c.id, 1, "pocdir-bench", None, "bench")
                    .map_err(|e| anyhow!("{e:?}"))?,
            );
            versions.push(ConceptVersion {
                concept_id: c.id,
                version: 1,
                content,
                summary: "pocdir-bench".into(),
                changed_at: at,
                changed_by: None,
                proposal_id: None,
            });
        }
        store.add_concept_versions(versions, log).await?;
        n = count.min(n + 1000);
    }
    Ok(t0.elapsed().as_secs_f64())
}

fn encode(q: &str) -> String {
    url::form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

async fn bench(args: LexiconArgs) -> Result<bool> {
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
    std::fs::create_dir_all(&data)?;
    let token = make_token(&pocdir, tmp.path(), &data).await?;
    let seed_seconds = seed(&data, args.concepts).await?;
    eprintln!(
        "{} concepts × 6 languages written in {seed_seconds:.1} s",
        args.concepts
    );
    let addr = free_addr()?;
    let mut server = spawn_pocdir(&pocdir, tmp.path(), &data, addr)?;
    wait_ready(&mut server, addr, Instant::now(), timeout).await?;

    let exact = concept(4711)
        .languages
        .first()
        .and_then(|l| l.terms.first())
        .map(|t| t.text.clone())
        .unwrap_or_default();
    let queries = [
        "incident".to_owned(),
        exact,
        "حادث".to_owned(),
        "事件".to_owned(),
        "уведомление".to_owned(),
        "no such term anywhere".to_owned(),
    ];
    let plan_for = |addr, path: &str| LoadPlan {
        addr,
        request: Arc::new(http::get_request(addr, path, Some(&token))),
        concurrency: args.concurrency,
        warmup: Duration::from_secs(args.warmup),
        measure: Duration::from_secs(args.seconds),
        request_timeout: Duration::from_millis(args.request_timeout_ms),
    };
    let mut results = Vec::new();
    for q in queries {
        let path = format!("/api/v1/lexicon/concepts?q={}&limit=50", encode(&q));
        let plan = plan_for(addr, &path);
        check_once(&plan, &q).await?;
        eprintln!(
            "GET {path}: {} workers, {} s + {} s …",
            args.concurrency, args.warmup, args.seconds
        );
        let result = run_load(&plan).await?;
        eprintln!(
            "  {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, errors {}",
            result.requests_per_second, result.latency.p50_ms, result.latency.p99_ms, result.errors
        );
        results.push(QueryResult {
            query: q,
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
    let plan = plan_for(addr, "/");
    check_once(&plan, "bare-server").await?;
    let floor = run_load(&plan).await?;
    bare.stop(STOP_GRACE).await?;
    for r in &mut results {
        r.percent_of_floor =
            100.0 * r.result.requests_per_second / floor.requests_per_second.max(f64::MIN_POSITIVE);
    }
    let ok = results.iter().all(|r| r.result.errors == 0) && floor.errors == 0;
    let report = Report {
        command_line: std::env::args().collect(),
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        concepts: args.concepts,
        seed_seconds,
        concurrency: args.concurrency,
        seconds: args.seconds,
        queries: results,
        floor,
    };
    println!(
        "lexicon search, {} concepts × 6 languages, concurrency {}:",
        report.concepts, report.concurrency
    );
    for r in &report.queries {
        println!(
            "  q={:<28} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  {:>5.1} % of the floor",
            format!("{:?}", r.query),
            r.result.requests_per_second,
            r.result.latency.p50_ms,
            r.result.latency.p99_ms,
            r.percent_of_floor
        );
    }
    println!(
        "  the floor: {:.0} req/s, p99 {:.2} ms",
        report.floor.requests_per_second, report.floor.latency.p99_ms
    );
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ok)
}
