//! Starting and stopping the whole server: storage, web, background jobs.

use crate::config::{redact_url, Config};
use crate::sealing_keys::FileKeySource;
use crate::secrets::{ensure_private_dir, load_key, load_or_create_key, secrets_dir};
use anyhow::{Context, Result};
use axum::Router;
use pocdir_directory::search::DirectoryIndex;
use pocdir_domain::clock::{Clock, SystemClock};
use pocdir_domain::directory::crisis_pack::PackSigningKey;
use pocdir_domain::entropy::{random_bytes, Entropy, OsEntropy};
use pocdir_domain::outbox::RetryPolicy;
use pocdir_domain::security_key::RelyingParty;
use pocdir_jobs::crisis_packs::PackMailSettings;
use pocdir_jobs::mail::{MailTransport, SmtpMailer};
use pocdir_jobs::{JobContext, JobSettings};
use pocdir_log::feed::{FeedEvent, LogFeed};
use pocdir_log::LogService;
use pocdir_store::{Keys, Store};
use pocdir_web::http::credential_cache::CredentialCache;
use pocdir_web::state::Draining;
use pocdir_web::state::{WebConfig, WebSecrets};
use pocdir_web::{build_router, AppState, RouteSpec};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Time and randomness, injected (tests pass a manual clock).
#[derive(Debug, Clone)]
pub struct Services {
    pub clock: Arc<dyn Clock>,
    pub entropy: Arc<dyn Entropy>,
}

impl Default for Services {
    fn default() -> Self {
        Services {
            clock: Arc::new(SystemClock),
            entropy: Arc::new(OsEntropy),
        }
    }
}

/// Opens the configured database to change it, creating it (and the data
/// folder, when the database lives there) and applying the migrations.
/// For `serve` and the commands that write.
pub async fn open_store(config: &Config) -> Result<Arc<dyn Store>> {
    if config.database_url.is_none() {
        ensure_private_dir(&config.data_dir)?;
    }
    let url = config.database_url();
    pocdir_store::open(&url, sealing_keys(config)?)
        .await
        .map_err(|e| match e.newer_schema() {
            // Checked before any migration runs: nothing was changed.
            Some(version) => anyhow::anyhow!(
                "the database {} was written by a newer version of pocdir: it has migration \
                 {version}, which this version does not know. Nothing was changed; run that \
                 version or a newer one (an upgrade is never undone by starting an older binary)",
                redact_url(&url)
            ),
            None => anyhow::Error::from(e)
                .context(format!("cannot open the database {}", redact_url(&url))),
        })
}

/// Opens the configured database only to read it: creates nothing (no
/// data folder, no database file, no migration), and needs no more than
/// read access. For the commands that only read (`log verify`, `log
/// export`, `log key`, `account totp-code`).
pub async fn open_store_read_only(config: &Config) -> Result<Arc<dyn Store>> {
    let url = config.database_url();
    pocdir_store::open_read_only(&url, existing_sealing_keys(config)?)
        .await
        .with_context(|| {
            format!(
                "cannot open the database {} (nothing was created)",
                redact_url(&url)
            )
        })
}

/// The keys that seal values at rest, from the key file of the data folder
/// (created on first start), read again when `pocdir keys rotate` changes it.
pub fn sealing_keys(config: &Config) -> Result<Keys> {
    ensure_private_dir(&config.data_dir)?;
    let ring = crate::sealing_keys::load_or_create(&config.data_dir)?;
    let source = FileKeySource::new(crate::sealing_keys::key_file(&config.data_dir));
    Ok(Keys::reloading(ring, Box::new(source)))
}

/// The keys of the key file if it is there, creating nothing (for the
/// commands that only read). Without it, a key of its own: the log and
/// everything not sealed still read, and a sealed value says it cannot be
/// opened.
/// A key file that cannot be read (e.g. readable by others) is only
/// warned about here: checking the log needs none of the server's secrets.
pub fn existing_sealing_keys(config: &Config) -> Result<Keys> {
    match crate::sealing_keys::load_existing(&config.data_dir) {
        Ok(Some(ring)) => return Ok(Keys::fixed(ring)),
        Ok(None) => {}
        Err(e) => tracing::warn!("sealed values will not open: {e:#}"),
    }
    Keys::ephemeral(Arc::new(OsEntropy)).map_err(anyhow::Error::from)
}

/// A secret of the server, created on first use in the private data folder.
fn server_secret(config: &Config, name: &str, entropy: &dyn Entropy) -> Result<[u8; 32]> {
    ensure_private_dir(&config.data_dir)?;
    load_or_create_key(&secrets_dir(&config.data_dir), name, entropy)
}

/// The file in the secrets folder that holds the key signing crisis packs.
pub const CRISIS_PACK_KEY: &str = "crisis-pack.key.asc";

/// The instance's OpenPGP key that signs crisis packs, made on first start
/// beside the other secrets (one armored secret key, no passphrase: like
/// the log's key, it is protected by the folder's mode).
fn crisis_pack_key(
    config: &Config,
    services: &Services,
    public_url: &str,
) -> Result<PackSigningKey> {
    ensure_private_dir(&config.data_dir)?;
    let armored = crate::secrets::load_or_create_text(
        &secrets_dir(&config.data_dir),
        CRISIS_PACK_KEY,
        || {
            let user_id = format!("pocdir crisis packs <{public_url}>");
            PackSigningKey::generate(&user_id, services.clock.now(), services.entropy.as_ref())
                .and_then(|k| k.to_armored())
                .map_err(anyhow::Error::from)
        },
    )?;
    PackSigningKey::from_armored(&armored).with_context(|| {
        format!("the secret file {CRISIS_PACK_KEY} does not hold an OpenPGP secret key")
    })
}

/// pocdir as a WebAuthn relying party at its public address, if that can
/// be one; else security keys are off (TOTP still works), and the log says why.
pub fn relying_party(public_url: &str) -> Option<Arc<RelyingParty>> {
    match RelyingParty::for_public_url(public_url) {
        Ok(rp) => {
            tracing::info!(rp_id = rp.rp_id(), origin = %rp.origin(), "security keys are on");
            Some(Arc::new(rp))
        }
        Err(e) => {
            tracing::warn!("security keys are off: {e}; set base_url to the https address users reach pocdir at");
            None
        }
    }
}

/// The application and its state, without a listener; `public_url` is the
/// address users reach it at (see [`Config::base_url`]). Also the cache of
/// credentials, whose last notes are written at shutdown.
/// What a server is built of: the web app, and what its jobs share with it.
pub struct BuiltApp {
    pub router: Router,
    pub routes: Vec<RouteSpec>,
    pub credentials: Arc<CredentialCache>,
    /// What the crisis pack mail needs: the directory the web app keeps up
    /// to date, and the key that signs packs.
    pub packs: PackParts,
}

pub struct PackParts {
    pub directory: Arc<DirectoryIndex>,
    pub signing: Arc<PackSigningKey>,
}

pub async fn build_app(
    config: &Config,
    services: &Services,
    store: Arc<dyn Store>,
    log: Arc<LogService>,
    public_url: &str,
    draining: Draining,
) -> Result<BuiltApp> {
    let csrf_key = server_secret(config, "csrf.key", services.entropy.as_ref())?;
    let pack_key = crisis_pack_key(config, services, public_url)?;
    let changes = LogFeed::spawn(
        store.clone(),
        Duration::from_millis(config.change_poll_ms.clamp(10, 1000)),
    )
    .await
    .context("cannot read the log's size")?;
    let credentials = CredentialCache::start(store.clone(), &changes);
    let directory = Arc::new(DirectoryIndex::new(store.clone()));
    tokio::spawn(follow_changes(changes.subscribe(), directory.clone()));
    let packs = PackParts {
        directory: directory.clone(),
        signing: Arc::new(pack_key.clone()),
    };
    let state = AppState::new(pocdir_web::state::ServerParts {
        credentials: credentials.clone(),
        changes,
        directory,
        ping_answers: pocdir_ping_tests::GroupCommit::start(store.clone()),
        store,
        clock: services.clock.clone(),
        entropy: services.entropy.clone(),
        // Links in mail and the WebAuthn relying party both name the
        // address users reach pocdir at.
        config: Arc::new(WebConfig {
            base_url: public_url.to_string(),
            ..config.web()
        }),
        secrets: Arc::new(WebSecrets { csrf_key, pack_key }),
        log,
        relying_party: relying_party(public_url),
        draining,
        taxii: Default::default(),
        lexicon: Default::default(),
    });
    let (router, routes) = build_router(state);
    Ok(BuiltApp {
        router,
        routes,
        credentials,
        packs,
    })
}

/// The search index follows what the log says changed, whichever instance
/// changed it; missed changes rebuild it. Ends with the feed.
async fn follow_changes(
    mut changes: tokio::sync::broadcast::Receiver<FeedEvent>,
    directory: Arc<DirectoryIndex>,
) {
    use tokio::sync::broadcast::error::RecvError;
    loop {
        match changes.recv().await {
            Ok(FeedEvent::Entries(entries)) => directory.follow(&entries).await,
            Ok(FeedEvent::Resync) | Err(RecvError::Lagged(_)) => {
                if let Err(error) = directory.rebuild().await {
                    tracing::warn!(%error, "the directory could not be rebuilt; it is at the next search");
                }
            }
            Err(RecvError::Closed) => return,
        }
    }
}

use crate::log_key::LOG_SIGNING_KEY;

/// The log's Ed25519 signing key, created on first start beside the other secrets.
pub fn log_signing_key(config: &Config, services: &Services) -> Result<ed25519_dalek::SigningKey> {
    let seed = server_secret(config, LOG_SIGNING_KEY, services.entropy.as_ref())?;
    Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
}

/// The log's public key from this installation's secrets, if they are
/// here; creates nothing.
pub fn existing_log_key(config: &Config) -> Result<Option<ed25519_dalek::VerifyingKey>> {
    Ok(load_key(&secrets_dir(&config.data_dir), LOG_SIGNING_KEY)?
        .map(|seed| ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key()))
}

pub fn log_service(
    config: &Config,
    services: &Services,
    store: Arc<dyn Store>,
) -> Result<Arc<LogService>> {
    let key = log_signing_key(config, services)?;
    Ok(Arc::new(LogService::new(
        store,
        services.clock.clone(),
        key,
    )))
}

pub struct RunningServer {
    pub addr: SocketAddr,
    pub store: Arc<dyn Store>,
    pub routes: Vec<RouteSpec>,
    draining: Draining,
    drain: Duration,
    grace: Duration,
    stop_http: watch::Sender<bool>,
    stop_jobs: watch::Sender<bool>,
    http: JoinHandle<std::io::Result<()>>,
    jobs: JoinHandle<()>,
}

impl RunningServer {
    /// Stops in order: `/healthz/ready` says 503 at once and the jobs stop
    /// at their next safe point; after `drain_seconds` (time for a load
    /// balancer to notice) the listener closes and the requests in flight
    /// finish. What has not finished `shutdown_grace_seconds` later is
    /// abandoned (an error): the process can always be stopped.
    pub async fn shutdown(self) -> Result<()> {
        self.draining.start();
        let _ = self.stop_jobs.send(true);
        if !self.drain.is_zero() {
            tokio::time::sleep(self.drain).await;
        }
        let _ = self.stop_http.send(true);
        let both = async {
            let http = self.http.await;
            let _ = self.jobs.await;
            http
        };
        match tokio::time::timeout(self.grace, both).await {
            Ok(http) => http.context("the HTTP task failed")??,
            Err(_) => anyhow::bail!(
                "requests or jobs still running {} s after the stop began; abandoned \
                 (the jobs pick their work up again at the next start)",
                self.grace.as_secs()
            ),
        }
        Ok(())
    }
}

pub async fn start(config: &Config, services: Services) -> Result<RunningServer> {
    let store = open_store(config).await?;
    start_with_store(config, services, store).await
}

pub async fn start_with_store(
    config: &Config,
    services: Services,
    store: Arc<dyn Store>,
) -> Result<RunningServer> {
    // Before anything is logged: a lost key must stop the start, not be replaced.
    crate::log_key::ensure_log_key(config, store.as_ref()).await?;
    let added = pocdir_directory::seed_reference(store.as_ref(), services.clock.as_ref())
        .await
        .context("cannot seed the reference list of participants")?;
    if added > 0 {
        tracing::info!(added, "reference participants added");
    }
    let log = log_service(config, &services, store.clone())?;
    // Published in the database at once, so that auditors can check the
    // heads with read access alone.
    log.record_key()
        .await
        .context("cannot record the log's public key")?;
    let installed = pocdir_web::learning::service::install_shipped(
        store.as_ref(),
        services.clock.as_ref(),
        &pocdir_domain::log::entry::LogActor::system(),
    )
    .await
    .map_err(|e| anyhow::anyhow!("cannot install the shipped e-learning modules: {e:?}"))?;
    if installed > 0 {
        tracing::info!(installed, "shipped e-learning modules installed");
    }
    let seeded = pocdir_web::lexicon::service::install_shipped(
        store.as_ref(),
        services.clock.as_ref(),
        &pocdir_domain::log::entry::LogActor::system(),
    )
    .await
    .map_err(|e| anyhow::anyhow!("cannot install the shipped lexicon: {e:?}"))?;
    if seeded > 0 {
        tracing::info!(seeded, "shipped lexicon concepts installed");
    }
    // A bad relay URL or sender is a configuration error: refuse to start
    // rather than queue mail that can never leave.
    let mailer: Option<Arc<dyn MailTransport>> = match &config.smtp_url {
        Some(url) => Some(Arc::new(
            SmtpMailer::new(url, &config.mail_from).map_err(anyhow::Error::msg)?,
        )),
        None => {
            tracing::warn!("no smtp_url configured: mail (re-validation reminders, notices) stays queued until one is");
            None
        }
    };
    let draining = Draining::default();
    // Bound first: the public address defaults to the one listened on.
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let addr = listener.local_addr()?;
    let BuiltApp {
        router,
        routes,
        credentials,
        packs,
    } = build_app(
        config,
        &services,
        store.clone(),
        log.clone(),
        &config.base_url(addr),
        draining.clone(),
    )
    .await?;
    let (stop_http, mut rx) = watch::channel(false);

    let touches = store.clone();
    let http = tokio::spawn(async move {
        let served = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = rx.wait_for(|stop| *stop).await;
        })
        .await;
        // The "last seen" times noted since the last batch.
        credentials.flush(touches.as_ref()).await;
        served
    });

    let holder = format!(
        "{}-{}",
        std::process::id(),
        hex::encode(random_bytes::<6>(services.entropy.as_ref()))
    );
    let jobs = pocdir_jobs::registry(JobSettings {
        log,
        revalidation: config.revalidation_policy(),
        base_url: config.base_url(addr),
        mailer,
        retry: RetryPolicy::default(),
        sweep_every: Duration::from_secs(config.sweep_seconds.max(1)),
        log_sign_every: Duration::from_secs(config.log_sign_seconds.max(1)),
        revalidation_every: Duration::from_secs(config.revalidation_check_seconds.max(1)),
        mail_send_every: Duration::from_secs(config.mail_send_seconds.max(1)),
        deadlines: config.ack_deadlines(),
        escalation_every: Duration::from_secs(config.escalation_check_seconds.max(1)),
        ping: config.ping_settings(),
        ping_schedule: config.ping_schedule,
        ping_every: Duration::from_secs(config.ping_check_seconds.max(1)),
        backup: config.backup_settings(),
        crisis_packs: (config.crisis_pack_every_days > 0).then(|| PackMailSettings {
            every_days: config.crisis_pack_every_days,
            base_url: config.base_url(addr),
            signing: packs.signing,
            entropy: services.entropy.clone(),
            directory: packs.directory,
            period: Duration::from_secs(config.crisis_pack_check_seconds.max(1)),
        }),
    });
    let context = JobContext {
        store: store.clone(),
        clock: services.clock.clone(),
        stopping: pocdir_jobs::Stopping::never(),
    };
    let (stop_jobs, jobs_rx) = watch::channel(false);
    let jobs = tokio::spawn(pocdir_jobs::run_jobs(jobs, context, holder, jobs_rx));
    tracing::info!(%addr, backend = ?store.backend(), "pocdir is listening");
    Ok(RunningServer {
        addr,
        store,
        routes,
        draining,
        drain: Duration::from_secs(config.drain_seconds),
        grace: Duration::from_secs(config.shutdown_grace_seconds.max(1)),
        stop_http,
        stop_jobs,
        http,
        jobs,
    })
}

/// Installs the SIGTERM and SIGINT handlers now (so that a signal that comes
/// right after start-up is not fatal) and resolves when one arrives.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let term = signal(SignalKind::terminate());
    let int = signal(SignalKind::interrupt());
    async move {
        match (term, int) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = int.recv() => {}
                }
            }
            _ => {
                tracing::warn!("cannot install signal handlers; stop pocdir with SIGKILL");
                std::future::pending::<()>().await
            }
        }
    }
}
