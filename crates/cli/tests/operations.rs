//! Operations with the real `pocdir serve` process: a SIGKILL in the middle
//! of a burst of logged writes loses none that was acknowledged and leaves
//! a log that verifies (SQLite and PostgreSQL); SIGTERM drains (ready turns
//! 503, requests in flight finish, exit 0); two instances on one PostgreSQL
//! share sessions and run each periodic job once; a database of a newer
//! schema than the binary knows is refused at start.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use sqlx::Connection;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BIN: &str = env!("CARGO_BIN_EXE_pocdir");
const EMAIL: &str = "chief@secretariat.example.org";

fn admin_url() -> String {
    std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Backend {
    Sqlite,
    Postgres,
}

/// One installation: a data folder (the secrets, and the SQLite database)
/// and, on PostgreSQL, a database of its own, dropped at the end.
struct Install {
    _dir: tempfile::TempDir,
    data: PathBuf,
    database_url: Option<String>,
    pg_name: Option<String>,
}

impl Install {
    async fn new(backend: Backend) -> Install {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let (database_url, pg_name) = match backend {
            Backend::Sqlite => (None, None),
            Backend::Postgres => {
                let bytes: [u8; 4] =
                    pocdir_domain::entropy::random_bytes(&pocdir_domain::entropy::OsEntropy);
                let name = format!("pocdir_ops_{}_{}", std::process::id(), hex::encode(bytes));
                let mut conn = sqlx::PgConnection::connect(&admin_url()).await.unwrap();
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let _ = conn.close().await;
                let mut url = url::Url::parse(&admin_url()).unwrap();
                url.set_path(&name);
                (Some(url.to_string()), Some(name))
            }
        };
        Install {
            _dir: dir,
            data,
            database_url,
            pg_name,
        }
    }

    fn command(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env_remove("POCDIR_DATABASE_URL")
            .env("NO_COLOR", "1")
            .env("POCDIR_LOG", "info");
        if let Some(url) = &self.database_url {
            c.env("POCDIR_DATABASE_URL", url);
        }
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command()
            .args(args)
            .arg("--data-dir")
            .arg(&self.data)
            .output()
            .unwrap()
    }

    /// The secretariat account and a write token for it, at the console.
    fn token(&self) -> String {
        let out = self.run(&[
            "account",
            "create",
            "--kind",
            "secretariat",
            "--email",
            EMAIL,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let out = self.run(&["account", "token", "--email", EMAIL, "--scope", "write"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout).trim().to_string()
    }

    fn serve(&self, env: &[(&str, &str)]) -> Server {
        let mut c = self.command();
        c.args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(&self.data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            c.env(k, v);
        }
        Server::spawn(c)
    }

    fn verify(&self) {
        let out = self.run(&["log", "verify"]);
        assert!(
            out.status.success(),
            "log verify: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains("log intact"));
    }

    async fn drop_db(&self) {
        if let Some(name) = &self.pg_name {
            let mut conn = sqlx::PgConnection::connect(&admin_url()).await.unwrap();
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await;
            let _ = conn.close().await;
        }
    }
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).to_string()
}

/// A `pocdir serve` process, killed on drop; what it printed is kept.
struct Server {
    child: Child,
    addr: String,
    printed: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn spawn(mut command: Command) -> Server {
        let mut child = command.spawn().unwrap();
        let printed = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let keep = printed.clone();
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    if let Some(at) = line.find("is listening on http://") {
                        let addr = line[at + "is listening on http://".len()..]
                            .trim_end_matches('/')
                            .to_string();
                        let _ = tx.send(addr);
                    }
                    keep.lock().unwrap().push(line);
                }
            });
        }
        let mut server = Server {
            child,
            addr: String::new(),
            printed,
        };
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(addr) => server.addr = addr,
            Err(_) => panic!("server did not start: {:?}", server.printed()),
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    fn printed(&self) -> Vec<String> {
        self.printed.lock().unwrap().clone()
    }

    fn signal(&self, name: &str) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill")
            .args([name, &pid])
            .status()
            .unwrap()
            .success());
    }

    /// Waits (up to 30 s) for the process to exit.
    fn wait_exit(&mut self) -> ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no exit: {:?}",
                self.printed()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn terminate(mut self) -> ExitStatus {
        self.signal("-TERM");
        self.wait_exit()
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// The tokens the account has, by name → id, as the API lists them.
async fn tokens(server: &Server, token: &str) -> BTreeMap<String, i64> {
    let r = client()
        .get(server.url("/api/v1/me/tokens"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let list: serde_json::Value = r.json().await.unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_string(),
                t["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// Acknowledged writes: token name → id, as the server answered them.
type Acked = Arc<Mutex<BTreeMap<String, i64>>>;

/// `clients` tasks each creating API tokens (a logged write) one after
/// the other until a request fails or `stop` is set; every 201 is
/// recorded in `acked`, any other answer in `refused`.
fn burst(
    server: &Server,
    token: &str,
    clients: usize,
    acked: Acked,
    refused: Arc<Mutex<Vec<u16>>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
) -> tokio::task::JoinSet<()> {
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..clients {
        let url = server.url("/api/v1/me/tokens");
        let token = token.to_string();
        let (acked, refused, stop) = (acked.clone(), refused.clone(), stop.clone());
        tasks.spawn(async move {
            let http = client();
            for i in 0.. {
                if stop.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let name = format!("burst-{c}-{i}");
                let sent = http
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&serde_json::json!({"name": name, "scope": "read", "days": 30}))
                    .send()
                    .await;
                let Ok(r) = sent else { break };
                let status = r.status().as_u16();
                if status != 201 {
                    refused.lock().unwrap().push(status);
                    break;
                }
                let Ok(body) = r.json::<serde_json::Value>().await else {
                    break;
                };
                acked
                    .lock()
                    .unwrap()
                    .insert(name, body["id"].as_i64().unwrap());
            }
        });
    }
    tasks
}

async fn wait_acked(acked: &Acked, n: usize) {
    let started = Instant::now();
    while acked.lock().unwrap().len() < n {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "only {} writes acknowledged",
            acked.lock().unwrap().len()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn join_all(mut tasks: tokio::task::JoinSet<()>) {
    tokio::time::timeout(Duration::from_secs(60), async {
        while let Some(done) = tasks.join_next().await {
            done.unwrap();
        }
    })
    .await
    .expect("the clients stop");
}

async fn killed_mid_burst(backend: Backend) {
    let install = Install::new(backend).await;
    let token = install.token();
    let mut server = install.serve(&[]);
    let acked: Acked = Arc::default();
    let refused = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let tasks = burst(
        &server,
        &token,
        32,
        acked.clone(),
        refused.clone(),
        stop.clone(),
    );
    // Well into the burst, with 32 writes in flight.
    wait_acked(&acked, 150).await;
    server.signal("-KILL");
    let status = server.wait_exit();
    assert!(!status.success(), "killed: {status:?}");
    join_all(tasks).await;
    drop(server);
    let acked = acked.lock().unwrap().clone();
    assert!(
        refused.lock().unwrap().is_empty(),
        "answers other than 201: {:?}",
        refused.lock().unwrap()
    );

    let again = install.serve(&[]);
    let present = tokens(&again, &token).await;
    let lost: Vec<_> = acked
        .iter()
        .filter(|(name, id)| present.get(*name) != Some(id))
        .collect();
    assert!(
        lost.is_empty(),
        "{backend:?}: {} of {} acknowledged writes lost: {lost:?}",
        lost.len(),
        acked.len()
    );
    // The restarted server takes writes again.
    let r = client()
        .post(again.url("/api/v1/me/tokens"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "after", "scope": "read", "days": 30}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    assert!(again.terminate().success());
    install.verify();
    eprintln!(
        "{backend:?}: {} acknowledged writes before SIGKILL, all present; log intact",
        acked.len()
    );
    install.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_mid_burst_loses_no_acknowledged_write_on_sqlite() {
    killed_mid_burst(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_mid_burst_loses_no_acknowledged_write_on_postgres() {
    killed_mid_burst(Backend::Postgres).await;
}

/// A request whose headers and half its body are sent: the server has
/// accepted it and waits for the rest.
async fn half_sent(addr: &str, token: &str, name: &str) -> (tokio::net::TcpStream, Vec<u8>) {
    let body = serde_json::json!({"name": name, "scope": "read", "days": 30}).to_string();
    let head = format!(
        "POST /api/v1/me/tokens HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let (first, rest) = body.as_bytes().split_at(body.len() / 2);
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first).await.unwrap();
    stream.flush().await.unwrap();
    (stream, rest.to_vec())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_drains_requests_in_flight_and_exits_0() {
    let install = Install::new(Backend::Sqlite).await;
    let token = install.token();
    let mut server = install.serve(&[("POCDIR_DRAIN_SECONDS", "2")]);
    let http = client();
    for path in ["/healthz", "/healthz/live", "/healthz/ready"] {
        assert_eq!(
            http.get(server.url(path)).send().await.unwrap().status(),
            200
        );
    }
    let mut pending = Vec::new();
    for i in 0..4 {
        pending.push(half_sent(&server.addr, &token, &format!("slow-{i}")).await);
    }
    let acked: Acked = Arc::default();
    let refused = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let tasks = burst(
        &server,
        &token,
        16,
        acked.clone(),
        refused.clone(),
        stop.clone(),
    );
    wait_acked(&acked, 50).await;
    // The half-sent requests' heads have long been read by now.
    server.signal("-TERM");

    // Draining: not ready, still live, still answering.
    let started = Instant::now();
    loop {
        let r = http.get(server.url("/healthz/ready")).send().await.unwrap();
        if r.status() == 503 {
            let body: serde_json::Value = r.json().await.unwrap();
            assert_eq!(body["error"]["code"], "draining");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "still ready");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let live = http.get(server.url("/healthz/live")).send().await.unwrap();
    assert_eq!(live.status(), 200);

    // Then the listener closes: new connections are refused ...
    let started = Instant::now();
    while tokio::net::TcpStream::connect(&server.addr).await.is_ok() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still listening"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // ... while the requests accepted before the signal finish, and are answered.
    for (mut stream, rest) in pending {
        stream.write_all(&rest).await.unwrap();
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut answer))
            .await
            .expect("an answer")
            .expect("no reset");
        let answer = text(&answer);
        assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    join_all(tasks).await;
    assert!(
        refused.lock().unwrap().is_empty(),
        "answers other than 201 while draining: {:?}",
        refused.lock().unwrap()
    );
    let status = server.wait_exit();
    assert!(status.success(), "exit {status:?}: {:?}", server.printed());
    drop(server);

    let again = install.serve(&[]);
    let present = tokens(&again, &token).await;
    for i in 0..4 {
        assert!(present.contains_key(&format!("slow-{i}")));
    }
    for (name, id) in acked.lock().unwrap().iter() {
        assert_eq!(present.get(name), Some(id), "{name}");
    }
    assert!(again.terminate().success());
    install.verify();
}

/// A browser: keeps cookies (for 127.0.0.1 whatever the port, as browsers
/// do: so a cookie set by one instance goes to the other), follows no redirect.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

async fn csrf(http: &reqwest::Client, server: &Server) -> String {
    for page in ["/", "/login"] {
        let html = http
            .get(server.url(page))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let marker = "name=\"csrf\" value=\"";
        if let Some(at) = html.find(marker) {
            return html[at + marker.len()..]
                .split('"')
                .next()
                .unwrap()
                .to_string();
        }
    }
    panic!("no CSRF field")
}

/// Signs in on `server` through the pages (password, then TOTP).
async fn sign_in(server: &Server, email: &str, password: &str, secret: &str) -> reqwest::Client {
    let http = browser();
    let token = csrf(&http, server).await;
    let r = http
        .post(server.url("/login"))
        .form(&[("email", email), ("password", password), ("csrf", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "password step");
    let code = pocdir_domain::totp::code_at(
        secret,
        pocdir_domain::clock::Clock::now(&pocdir_domain::clock::SystemClock),
    )
    .unwrap();
    let token = csrf(&http, server).await;
    let r = http
        .post(server.url("/login/mfa"))
        .form(&[("code", code.as_str()), ("csrf", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "TOTP step");
    http
}

async fn signed_in_on(http: &reqwest::Client, server: &Server) -> bool {
    let r = http.get(server.url("/account")).send().await.unwrap();
    match r.status().as_u16() {
        200 => true,
        303 => false,
        s => panic!("GET /account: {s}"),
    }
}

/// `pocdir_job_runs_total{job=…, outcome=…}` of an instance.
async fn job_runs(server: &Server, job: &str, outcome: &str) -> u64 {
    let metrics = client()
        .get(server.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    metrics
        .lines()
        .filter(|l| {
            l.starts_with("pocdir_job_runs_total{")
                && l.contains(&format!("job=\"{job}\""))
                && l.contains(&format!("outcome=\"{outcome}\""))
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .map(|v| v as u64)
        .sum()
}

/// The servers' clock (the system's), in whole seconds as leases keep it.
fn unix_now() -> u64 {
    u64::try_from(
        pocdir_domain::clock::Clock::now(&pocdir_domain::clock::SystemClock).unix_timestamp(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgres_share_sessions_and_run_each_job_once() {
    let install = Install::new(Backend::Postgres).await;
    // Two accounts enrolled in TOTP, made through the library as the
    // console would (the same data folder, so the same keys).
    let config = pocdir::config::Config {
        data_dir: install.data.clone(),
        database_url: install.database_url.clone(),
        ..pocdir::config::Config::default()
    };
    let store = pocdir::server::open_store(&config).await.unwrap();
    let mut people = Vec::new();
    for who in ["alice", "bob"] {
        let secret = pocdir_domain::totp::generate_secret(&pocdir_domain::entropy::OsEntropy);
        let email = format!("{who}@secretariat.example.org");
        let created = pocdir::accounts::create_account(
            store.as_ref(),
            &pocdir_domain::clock::SystemClock,
            &pocdir_domain::entropy::OsEntropy,
            pocdir::accounts::AccountRequest {
                kind: pocdir_domain::account::AccountKind::Secretariat,
                email: &email,
                participant: None,
                display_name: None,
                demo_totp_secret: Some(secret.clone()),
                password: None,
                must_change_password: false,
            },
        )
        .await
        .unwrap();
        people.push((email, created.password, secret));
    }
    drop(store);

    // Both instances: the same secrets folder and database; the sweeper
    // and the re-validation check every 2 s, each under its lease.
    const PERIOD: u64 = 2;
    let env = [
        ("POCDIR_SWEEP_SECONDS", "2"),
        ("POCDIR_REVALIDATION_CHECK_SECONDS", "2"),
    ];
    let t0 = unix_now();
    let a = install.serve(&env);
    let b = install.serve(&env);
    for server in [&a, &b] {
        let r = client()
            .get(server.url("/healthz/ready"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", server.addr);
    }
    // One log key: the one the two instances sign with.
    let key_a = client()
        .get(a.url("/.well-known/pocdir-log-key"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let key_b = client()
        .get(b.url("/.well-known/pocdir-log-key"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(key_a, key_b);

    // Signed in on one, signed in on the other; a form with the CSRF
    // token of one page is taken by the other instance.
    for (i, (from, to)) in [(&a, &b), (&b, &a)].into_iter().enumerate() {
        let (email, password, secret) = &people[i];
        let http = sign_in(from, email, password, secret).await;
        assert!(signed_in_on(&http, from).await);
        assert!(
            signed_in_on(&http, to).await,
            "the session of {} on {}",
            from.addr,
            to.addr
        );
        let token = csrf(&http, from).await;
        let r = http
            .post(to.url("/account/tokens"))
            .form(&[
                ("name", "made-on-the-other"),
                ("scope", "read"),
                ("days", "30"),
                ("csrf", &token),
            ])
            .send()
            .await
            .unwrap();
        assert!(
            r.status().is_success() || r.status() == 303,
            "{}",
            r.status()
        );
        // Signed out on one: the other refuses the session too (at once,
        // or as soon as its caches follow the change).
        let token = csrf(&http, to).await;
        let r = http
            .post(to.url("/logout"))
            .form(&[("csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let started = Instant::now();
        while signed_in_on(&http, from).await {
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "signed out on {} but still signed in on {}",
                to.addr,
                from.addr
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    // Each periodic job once across the two: a lease lasts a period, so
    // two runs of one job are a period apart (in whole seconds, as the
    // database keeps them) whoever makes them. Without the lease, both
    // instances would run it every period, twice as often.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(4 * PERIOD) {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for job in ["sweeper", "revalidation"] {
        let ran = job_runs(&a, job, "ran").await + job_runs(&b, job, "ran").await;
        let skipped = job_runs(&a, job, "skipped").await + job_runs(&b, job, "skipped").await;
        let most = (unix_now() - t0) / PERIOD + 1;
        assert!(ran >= 2, "{job} ran {ran} times");
        assert!(
            ran <= most,
            "{job} ran {ran} times in {} s: more than once a period",
            unix_now() - t0
        );
        assert!(skipped >= 1, "{job}: the other instance never had to skip");
        eprintln!("{job}: ran {ran} times (at most {most} allowed), skipped {skipped}");
    }
    assert!(a.terminate().success());
    assert!(b.terminate().success());
    install.verify();
    install.drop_db().await;
}

/// A migration this binary does not know, as a newer version would leave.
async fn add_unknown_migration(install: &Install) {
    let sql = "INSERT INTO _sqlx_migrations \
               (version, description, success, checksum, execution_time) \
               VALUES (99990101, 'from a newer pocdir', TRUE, $1, 1)";
    match &install.database_url {
        Some(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query(sql)
                .bind(vec![0u8; 48])
                .execute(&mut conn)
                .await
                .unwrap();
            let _ = conn.close().await;
        }
        None => {
            let url = format!("sqlite://{}", install.data.join("pocdir.db").display());
            let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
            sqlx::query(sql)
                .bind(vec![0u8; 48])
                .execute(&mut conn)
                .await
                .unwrap();
            let _ = conn.close().await;
        }
    }
}

async fn newer_schema_is_refused(backend: Backend) {
    let install = Install::new(backend).await;
    install.token();
    add_unknown_migration(&install).await;
    let out = install
        .command()
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&install.data)
        .stdout(Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(
        said.contains("newer version of pocdir") && said.contains("99990101"),
        "{said}"
    );
    // The commands that write refuse too; nothing was changed.
    let out = install.run(&["account", "token", "--email", EMAIL]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("newer version of pocdir"));
    install.drop_db().await;
}

#[tokio::test]
async fn a_database_of_a_newer_schema_is_refused_on_sqlite() {
    newer_schema_is_refused(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_database_of_a_newer_schema_is_refused_on_postgres() {
    newer_schema_is_refused(Backend::Postgres).await;
}
