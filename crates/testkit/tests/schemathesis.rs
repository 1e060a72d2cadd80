// Test code: failing loudly on the unexpected is the point.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! Schemathesis against the real server: the demo's accounts, a token of
//! each kind and no token at all, every API operation of the OpenAPI
//! document with generated requests (valid and not), and every check it
//! has: no 5xx, and no status code, content type, header or body outside
//! the document. Bounded: a fixed number of examples per operation, a fixed
//! seed, and a deadline for each run.
//!
//! Needs schemathesis importable by `python3` (`scripts/test` installs the
//! pinned version); `PYTHON` names another interpreter.

use pocdir::demo::{seed, DemoOutcome};
use pocdir_domain::entropy::OsEntropy;
use pocdir_testkit::TestServer;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;
use tokio::process::Command;

/// Test cases per API operation and phase.
const MAX_EXAMPLES: &str = "20";
/// The longest one run (one credential) may take.
const DEADLINE: Duration = Duration::from_secs(120);
/// The same requests on every run, so that CI is repeatable.
const SEED: &str = "10";

struct Outcome {
    passed: bool,
    output: String,
    took: Duration,
}

async fn run_schemathesis(
    server: &TestServer,
    workdir: &Path,
    who: &str,
    token: Option<&str>,
) -> Outcome {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let mut command = Command::new(&python);
    command
        .args(["-m", "schemathesis.cli", "run"])
        .arg(server.url("/api/v1/openapi.json"))
        .args(["--checks", "all"])
        // These two ask the request schemas to repeat every rule of the
        // domain (codes trimmed and upper-cased, ranges whose end follows
        // their start, sizes within the log as it is now, the configured
        // token lifetime); the API answers a breach with a documented 400 or
        // 422, which the other checks hold it to.
        .args([
            "--exclude-checks",
            "positive_data_acceptance,negative_data_rejection",
        ])
        .args(["--max-examples", MAX_EXAMPLES])
        .args(["--seed", SEED])
        .args(["--workers", "1"])
        .args(["--generation-database", "none"])
        .args(["--request-timeout", "10"])
        .args(["--max-failures", "20"])
        .arg("--no-color")
        .args(["--output-truncate", "false"])
        // Its caches (earlier failures, replayed first) stay out of the
        // tree and out of the next run.
        .current_dir(workdir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    if let Some(token) = token {
        command.args(["--header", &format!("Authorization: Bearer {token}")]);
    }
    let started = Instant::now();
    let mut child = command.spawn().unwrap_or_else(|e| {
        panic!("cannot run {python} ({e}): schemathesis runs as `{python} -m schemathesis.cli` (scripts/test installs it)")
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let read_out = tokio::spawn(async move {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s).await;
        s
    });
    let read_err = tokio::spawn(async move {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s).await;
        s
    });
    let status = match tokio::time::timeout(DEADLINE, child.wait()).await {
        Ok(status) => Some(status.unwrap()),
        Err(_) => {
            let _ = child.kill().await;
            None
        }
    };
    let took = started.elapsed();
    let mut output = format!(
        "--- schemathesis as {who}\n{}{}",
        read_out.await.unwrap(),
        read_err.await.unwrap()
    );
    let passed = match status {
        Some(status) => status.success(),
        None => {
            output.push_str(&format!("\nstopped: over the deadline of {DEADLINE:?}\n"));
            false
        }
    };
    Outcome {
        passed,
        output,
        took,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_answers_only_what_its_document_says() {
    let server = TestServer::start().await;
    let logins = match seed(
        server.store.as_ref(),
        &server.clock,
        &OsEntropy,
        server.data_dir.path(),
    )
    .await
    .unwrap()
    {
        DemoOutcome::Created(logins) => logins,
        DemoOutcome::AlreadyThere(_) => panic!("a fresh server has no accounts"),
    };
    // One account of each kind (the first the demo has), then nobody.
    let mut runs: Vec<(String, Option<String>)> = Vec::new();
    for login in &logins {
        let who = login.kind.as_str().to_string();
        if runs.iter().any(|(w, _)| *w == who) {
            continue;
        }
        let (token, _) = pocdir::accounts::mint_token(
            server.store.as_ref(),
            &server.clock,
            &OsEntropy,
            &login.email,
            "schemathesis",
            "write",
            30,
        )
        .await
        .unwrap();
        runs.push((who, Some(token)));
    }
    runs.push(("nobody".to_string(), None));

    let mut failed = Vec::new();
    for (who, token) in &runs {
        let workdir = tempfile::tempdir().unwrap();
        let outcome = run_schemathesis(&server, workdir.path(), who, token.as_deref()).await;
        // The run's last line: how many cases, failures and warnings.
        let summary = outcome
            .output
            .lines()
            .rev()
            .find(|l| l.contains(" in ") && l.contains('='))
            .unwrap_or_default()
            .trim_matches(|c: char| c == '=' || c.is_whitespace())
            .to_string();
        println!(
            "schemathesis as {who}: {} in {:.0?} ({summary})",
            if outcome.passed { "passed" } else { "FAILED" },
            outcome.took
        );
        if !outcome.passed {
            failed.push(outcome.output);
        }
    }
    server.stop().await;
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
