//! Boots the real pocdir server on a free loopback port for each test, on
//! the backend named by `POCDIR_TEST_BACKEND` (`sqlite`, the default, or
//! `postgres`), with a manual clock the test controls. Each server has its
//! own data folder and, on PostgreSQL, its own database, dropped at the end.
// The kit is test code: failing loudly is what it is for.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use pocdir::config::Config;
use pocdir::server::{self, RunningServer, Services};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::{Clock, ManualClock, SystemClock};
use pocdir_domain::entropy::OsEntropy;
use pocdir_domain::totp;
use pocdir_store::Store;
use pocdir_web::RouteSpec;
use sqlx::Connection;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tempfile::TempDir;

static COUNTER: AtomicU64 = AtomicU64::new(0);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend_from_env() -> Backend {
    match std::env::var("POCDIR_TEST_BACKEND").as_deref() {
        Ok("postgres") | Ok("postgresql") | Ok("pg") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// Where the test PostgreSQL is (trust auth on the machines of this project).
pub fn postgres_admin_url() -> String {
    std::env::var("POCDIR_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let mut bytes = [0u8; 4];
    pocdir_domain::entropy::Entropy::fill(&OsEntropy, &mut bytes);
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        n,
        hex::encode(bytes)
    )
}

/// A signed-up account a test can sign in with.
#[derive(Debug, Clone)]
pub struct TestAccount {
    pub id: i64,
    pub email: String,
    pub password: String,
    pub kind: AccountKind,
    pub participant: Option<String>,
    /// Set when the account is already enrolled in TOTP.
    pub totp_secret: Option<String>,
}

pub struct TestServer {
    pub url: String,
    pub store: Arc<dyn Store>,
    pub clock: ManualClock,
    pub routes: Vec<RouteSpec>,
    pub backend: Backend,
    pub config: Config,
    pub data_dir: TempDir,
    running: Option<RunningServer>,
    pg_database: Option<String>,
}

impl TestServer {
    pub async fn start() -> TestServer {
        Self::start_with(|_| {}).await
    }

    /// Starts a server after letting the test adjust the configuration.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestServer {
        let backend = backend_from_env();
        let data_dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config {
            data_dir: data_dir.path().join("data"),
            listen: "127.0.0.1:0".parse().unwrap(),
            // Tests start campaigns themselves; one that enables the schedule says so.
            ping_schedule: false,
            ..Config::default()
        };
        let pg_database = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let name = unique("pocdir_it");
                let admin = postgres_admin_url();
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .expect("connect to PostgreSQL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let _ = conn.close().await;
                let mut url = url::Url::parse(&admin).unwrap();
                url.set_path(&name);
                config.database_url = Some(url.to_string());
                Some(name)
            }
        };
        adjust(&mut config);
        // Start at the real time so cookies and TOTP codes look ordinary.
        let start = SystemClock.now().replace_nanosecond(0).unwrap();
        let clock = ManualClock::new(start);
        let services = Services {
            clock: Arc::new(clock.clone()),
            entropy: Arc::new(OsEntropy),
        };
        let running = server::start(&config, services)
            .await
            .expect("server starts");
        TestServer {
            url: format!("http://{}", running.addr),
            store: running.store.clone(),
            routes: running.routes.clone(),
            clock,
            backend,
            config,
            data_dir,
            running: Some(running),
            pg_database,
        }
    }

    /// Starts a server that sends mail to `smtp`, with the re-validation
    /// check and the mail sender running every second (of real time; the
    /// dates they act on follow the test's clock).
    pub async fn start_with_smtp(smtp: &SmtpPeer) -> TestServer {
        let url = smtp.url();
        Self::start_with(move |c| {
            c.smtp_url = Some(url);
            c.mail_from = "pocdir <pocdir@example.org>".to_string();
            c.revalidation_check_seconds = 1;
            c.mail_send_seconds = 1;
        })
        .await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.url, path)
    }

    /// Creates an account already enrolled in TOTP.
    pub async fn account(&self, kind: AccountKind, participant: Option<&str>) -> TestAccount {
        self.account_with(kind, participant, true).await
    }

    /// Creates an account that will enrol its second factor at first sign-in.
    pub async fn new_account(&self, kind: AccountKind, participant: Option<&str>) -> TestAccount {
        self.account_with(kind, participant, false).await
    }

    async fn account_with(
        &self,
        kind: AccountKind,
        participant: Option<&str>,
        enrolled: bool,
    ) -> TestAccount {
        let email = format!("{}@example.org", unique(kind.as_str()).to_lowercase());
        let secret = enrolled.then(|| totp::generate_secret(&OsEntropy));
        let created = pocdir::accounts::create_account(
            self.store.as_ref(),
            &self.clock,
            &OsEntropy,
            pocdir::accounts::AccountRequest {
                kind,
                email: &email,
                participant,
                display_name: None,
                demo_totp_secret: secret.clone(),
                password: None,
                // Tests of other features sign in straight away; the
                // first-password rule has its own tests.
                must_change_password: false,
            },
        )
        .await
        .expect("create account");
        TestAccount {
            id: created.account.id,
            email,
            password: created.password,
            kind,
            participant: participant.map(str::to_string),
            totp_secret: secret,
        }
    }

    /// The code an authenticator would show now (by the server's clock).
    pub fn totp_now(&self, secret: &str) -> String {
        totp::code_at(secret, self.clock.now()).unwrap()
    }

    /// Moves the server's clock to the next TOTP step, so a fresh code is valid.
    pub fn next_totp_step(&self) {
        self.clock.advance(time::Duration::seconds(30));
    }

    /// How many log entries of `action` the log holds (at most 10,000).
    pub async fn logged(&self, action: &str) -> usize {
        let filter = pocdir_store::LogFilter {
            action: Some(action.into()),
            ..Default::default()
        };
        self.store
            .search_log(&filter, None, 10_000)
            .await
            .map(|e| e.len())
            .unwrap_or(0)
    }

    /// An API token for the account.
    pub async fn token(&self, account: &TestAccount, scope: &str) -> String {
        let (token, _) = pocdir::accounts::mint_token(
            self.store.as_ref(),
            &self.clock,
            &OsEntropy,
            &account.email,
            "test",
            scope,
            30,
        )
        .await
        .unwrap();
        token
    }

    /// A client that keeps cookies and does not follow redirects.
    pub fn client(&self) -> WebClient {
        WebClient {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: self.url.clone(),
        }
    }

    /// A client signed in through the real pages (password, then TOTP).
    pub async fn signed_in(&self, account: &TestAccount) -> WebClient {
        let client = self.client();
        let r = client
            .post_form(
                "/login",
                &[("email", &account.email), ("password", &account.password)],
            )
            .await;
        assert_eq!(r.status(), 303, "password step");
        let secret = account.totp_secret.as_ref().expect("enrolled account");
        let code = self.totp_now(secret);
        let r = client.post_form("/login/mfa", &[("code", &code)]).await;
        assert_eq!(r.status(), 303, "TOTP step");
        // Each code is accepted once; move on so the next sign-in gets a new one.
        self.next_totp_step();
        client
    }

    pub async fn stop(mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown().await.expect("clean shutdown");
        }
        if let Some(name) = self.pg_database.take() {
            drop_database(&name).await;
        }
    }

    /// A second server on this one's database and data folder (the same
    /// secrets) and clock, as a second instance behind a load balancer: its
    /// own listener, caches and jobs. The database stays this one's: stop
    /// the other instance first.
    pub async fn another_instance(&self) -> TestServer {
        let services = Services {
            clock: Arc::new(self.clock.clone()),
            entropy: Arc::new(OsEntropy),
        };
        let running = server::start(&self.config, services)
            .await
            .expect("another instance starts");
        TestServer {
            url: format!("http://{}", running.addr),
            store: running.store.clone(),
            routes: running.routes.clone(),
            clock: self.clock.clone(),
            backend: self.backend,
            config: self.config.clone(),
            data_dir: tempfile::tempdir().expect("temp dir"),
            running: Some(running),
            pg_database: None,
        }
    }
}

async fn drop_database(name: &str) {
    if let Ok(mut conn) = sqlx::PgConnection::connect(&postgres_admin_url()).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn)
            .await;
        let _ = conn.close().await;
    }
}

impl Drop for TestServer {
    /// A test that panicked before `stop` still drops its database.
    fn drop(&mut self) {
        if let Some(name) = self.pg_database.take() {
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    rt.block_on(drop_database(&name));
                }
            })
            .join();
        }
    }
}

/// A browser-like HTTP client: cookies kept, redirects not followed, CSRF
/// tokens taken from the pages it has seen.
#[derive(Clone)]
pub struct WebClient {
    pub http: reqwest::Client,
    pub base: String,
}

impl WebClient {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .unwrap()
    }

    /// The CSRF token of this browser, read from a page's form.
    pub async fn csrf(&self) -> String {
        // Signed in, the frame's sign-out form has it; signed out, the sign-in form.
        for page in ["/", "/login"] {
            let html = self.get(page).await.text().await.unwrap();
            if let Some(token) = csrf_in(&html) {
                return token;
            }
        }
        panic!("no page with a CSRF field")
    }

    /// Posts a form with this browser's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let csrf = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &csrf));
        self.http
            .post(format!("{}{}", self.base, path))
            .form(&all)
            .send()
            .await
            .unwrap()
    }

    /// Posts a `multipart/form-data` form (fields, then files as
    /// `(field, file name, bytes)`) with this browser's CSRF token, as a
    /// browser sends a form with a file input.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> reqwest::Response {
        let csrf = self.csrf().await;
        let boundary = "----pocdirTestBoundary7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        let mut fields: Vec<(&str, &str)> = fields.to_vec();
        fields.push(("csrf", &csrf));
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, filename, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.http
            .post(format!("{}{}", self.base, path))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Posts a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{}", self.base, path))
            .form(fields)
            .send()
            .await
            .unwrap()
    }
}

/// Finds `name="csrf" value="…"` in a page.
pub fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")?;
    let rest = html.get(at + "name=\"csrf\" value=\"".len()..)?;
    rest.split('"').next().map(str::to_string)
}

/// A real SMTP server (aiosmtpd, `smtp_sink.py` beside this crate) on a free
/// loopback port, writing each message it receives into a folder. Killed
/// on drop; `stop` and `restart` simulate a relay that goes away.
pub struct SmtpPeer {
    pub port: u16,
    folder: TempDir,
    child: Option<std::process::Child>,
    /// Addresses refused for good at RCPT TO (550).
    reject: Vec<String>,
}

/// A message as the SMTP peer received it (subject and body decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    pub rcpt_tos: Vec<String>,
    pub from: String,
    pub subject: String,
    pub body: String,
}

impl SmtpPeer {
    pub async fn start() -> SmtpPeer {
        Self::start_rejecting(&[]).await
    }

    /// Starts a peer that refuses mail to `addresses` for good (550 at
    /// RCPT TO), as a relay refuses an unknown mailbox.
    pub async fn start_rejecting(addresses: &[&str]) -> SmtpPeer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut peer = SmtpPeer {
            port,
            folder: tempfile::tempdir().expect("temp dir"),
            child: None,
            reject: addresses.iter().map(|a| a.to_string()).collect(),
        };
        peer.restart().await;
        peer
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Starts the server again on the same port (after `stop`).
    pub async fn restart(&mut self) {
        self.stop();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/smtp_sink.py");
        let mut command = std::process::Command::new("python3");
        command
            .arg(script)
            .arg("--port")
            .arg(self.port.to_string())
            .arg("--folder")
            .arg(self.folder.path());
        for address in &self.reject {
            command.arg("--reject").arg(address);
        }
        let child = command
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("python3 runs the SMTP peer (pip install aiosmtpd)");
        self.child = Some(child);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            if let Some(Ok(Some(status))) = self.child.as_mut().map(|c| c.try_wait()) {
                panic!("the SMTP peer exited ({status}); is aiosmtpd installed?");
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the SMTP peer did not start listening"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// Kills the server: connections to its port are refused until `restart`.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Every message received so far, in order of arrival.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        let mut names: Vec<_> = std::fs::read_dir(self.folder.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|path| {
                let v: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
                let text = |k: &str| {
                    v.get(k)
                        .and_then(|x| x.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                ReceivedMail {
                    rcpt_tos: v
                        .get("rcpt_tos")
                        .and_then(|x| x.as_array())
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default(),
                    from: text("from"),
                    subject: text("subject"),
                    body: text("body"),
                }
            })
            .collect()
    }

    /// Waits (up to 30 s) until at least `n` messages have arrived; returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<ReceivedMail> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "expected {n} messages, got {}: {got:#?}",
                got.len()
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
}

impl Drop for SmtpPeer {
    fn drop(&mut self) {
        self.stop();
    }
}
