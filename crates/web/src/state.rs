//! What every request handler can reach.

use pocdir_domain::clock::Clock;
use pocdir_domain::entropy::Entropy;
use pocdir_domain::session::SessionPolicy;
use pocdir_domain::throttle::ThrottlePolicy;
use pocdir_log::LogService;
use pocdir_store::Store;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Settings of the web layer (a part of the server's configuration).
#[derive(Debug, Clone)]
pub struct WebConfig {
    pub sessions: SessionPolicy,
    pub throttle: ThrottlePolicy,
    /// Mark cookies `Secure` (on by default; browsers accept it on loopback too).
    pub cookie_secure: bool,
    /// Send `Strict-Transport-Security` (only when served behind TLS).
    pub hsts: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Longest lifetime of an API token, in days.
    pub max_token_days: i64,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Days after which an active PoC must be re-confirmed by its nominator.
    pub revalidation_days: i64,
    /// The server's public address (e.g. `https://pocdir.example.org`), for
    /// the links in mail: configured, never taken from a request's `Host`.
    pub base_url: String,
    /// How long invitation and password reset links live.
    pub links: pocdir_domain::account_admin::LinkPolicy,
    /// How long the recipients of a communication have to acknowledge it,
    /// by urgency.
    pub ack_deadlines: pocdir_domain::communication::delivery::AckDeadlines,
    /// Ping tests: the window, reminders, late answers and the schedule's period.
    pub ping: pocdir_domain::ping_test::campaign::PingSettings,
    /// Whether the schedule creates ping test campaigns by itself.
    pub ping_schedule: bool,
    /// How many reports a reporter may send in an hour, and how large.
    pub report_limits: pocdir_domain::report::ReportLimits,
    /// Days between two crisis packs mailed to a PoC (0: none are mailed).
    pub crisis_pack_every_days: i64,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            sessions: SessionPolicy::default(),
            throttle: ThrottlePolicy::default(),
            cookie_secure: true,
            hsts: false,
            trusted_proxies: Vec::new(),
            max_token_days: 365,
            max_body_bytes: 64 * 1024,
            revalidation_days: 180,
            base_url: "http://127.0.0.1:8080".to_string(),
            links: pocdir_domain::account_admin::LinkPolicy::default(),
            ack_deadlines: Default::default(),
            ping: Default::default(),
            ping_schedule: false,
            report_limits: Default::default(),
            crisis_pack_every_days: 0,
        }
    }
}

impl WebConfig {
    /// The re-validation rules with this N, so pages and the reminder job agree on due dates.
    pub fn revalidation_policy(
        &self,
    ) -> pocdir_domain::directory::revalidation::RevalidationPolicy {
        pocdir_domain::directory::revalidation::RevalidationPolicy {
            every_days: self.revalidation_days,
            ..Default::default()
        }
    }
}

/// Secret keys the web layer needs (loaded from files by the binary).
pub struct WebSecrets {
    /// Keys the HMAC that binds CSRF tokens to a browser.
    pub csrf_key: [u8; 32],
    /// Signs the offline crisis packs (`secrets/crisis-pack.key.asc`).
    pub pack_key: pocdir_domain::directory::crisis_pack::PackSigningKey,
}

impl std::fmt::Debug for WebSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebSecrets { <redacted> }")
    }
}

/// What every handler and middleware is given. Cloned for each of them on
/// every request, so it is one shared pointer rather than a dozen.
#[derive(Clone, Debug)]
pub struct AppState(Arc<ServerParts>);

impl AppState {
    pub fn new(parts: ServerParts) -> AppState {
        AppState(Arc::new(parts))
    }
}

impl std::ops::Deref for AppState {
    type Target = ServerParts;

    fn deref(&self) -> &ServerParts {
        &self.0
    }
}

/// The server's parts, shared by every request through [`AppState`].
#[derive(Debug)]
pub struct ServerParts {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub entropy: Arc<dyn Entropy>,
    pub config: Arc<WebConfig>,
    pub secrets: Arc<WebSecrets>,
    pub log: Arc<LogService>,
    /// The active directory in memory, for search.
    pub directory: Arc<pocdir_directory::search::DirectoryIndex>,
    /// pocdir as a WebAuthn relying party (security keys); None when its
    /// public address cannot be one (no domain name, or plain http).
    pub relying_party: Option<Arc<pocdir_domain::security_key::RelyingParty>>,
    /// Writes ping test answers, many per transaction under load.
    pub ping_answers: pocdir_ping_tests::GroupCommit,
    /// Changes made by any instance, read from the log: how this
    /// instance's caches follow the others.
    pub changes: pocdir_log::feed::LogFeed,
    /// Verified sessions and tokens, so that a signed-in request needs no
    /// database round trip (`http/credential_cache.rs`).
    pub credentials: Arc<crate::http::credential_cache::CredentialCache>,
    /// Set when the server stops: `/healthz/ready` then says 503.
    pub draining: Draining,
    /// What TAXII requests ask again and again (participations,
    /// collections), kept for a second.
    pub taxii: Arc<pocdir_communications::taxii::TaxiiCache>,
    /// The lexicon's concepts and index at the newest revision read.
    pub lexicon: Arc<crate::lexicon::service::LexiconCache>,
}

/// Set when the server was asked to stop: from then on `/healthz/ready`
/// says 503 so that a load balancer sends new requests elsewhere, while the
/// requests in flight finish.
#[derive(Debug, Clone, Default)]
pub struct Draining(Arc<AtomicBool>);

impl Draining {
    pub fn start(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_draining(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}
