//! Configuration: defaults, then `pocdir.toml`, then `POCDIR_*` environment
//! variables, then command-line flags.

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use pocdir_domain::session::SessionPolicy;
use pocdir_domain::throttle::ThrottlePolicy;
use pocdir_web::WebConfig;
use serde::{Deserialize, Serialize};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where the embedded database, secrets and demo logins live.
    pub data_dir: PathBuf,
    pub listen: SocketAddr,
    /// `sqlite://…` or `postgres://…`; default: SQLite in `data_dir`.
    pub database_url: Option<String>,
    pub cookie_secure: bool,
    pub hsts: bool,
    pub trusted_proxies: Vec<IpAddr>,
    pub max_token_days: i64,
    pub max_body_bytes: usize,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    pub login_max_failures_per_account: u32,
    pub login_max_failures_per_address: u32,
    pub login_window_minutes: i64,
    /// Seconds between sweeps of expired sessions.
    pub sweep_seconds: u64,
    /// Seconds between signed tree heads of the log (when it has grown).
    pub log_sign_seconds: u64,
    /// A `tracing` filter, e.g. `info` or `pocdir=debug`.
    pub log: String,
}

impl Default for Config {
    fn default() -> Self {
        let web = WebConfig::default();
        Config {
            data_dir: PathBuf::from("pocdir-data"),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: None,
            cookie_secure: web.cookie_secure,
            hsts: web.hsts,
            trusted_proxies: Vec::new(),
            max_token_days: web.max_token_days,
            max_body_bytes: web.max_body_bytes,
            session_idle_minutes: web.sessions.idle_minutes,
            session_absolute_hours: web.sessions.absolute_hours,
            login_max_failures_per_account: web.throttle.max_failures_per_account,
            login_max_failures_per_address: web.throttle.max_failures_per_address,
            login_window_minutes: web.throttle.window_minutes,
            sweep_seconds: 300,
            log_sign_seconds: 60,
            log: "info".to_string(),
        }
    }
}

/// Passwords in database URLs never reach logs.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("listen", &self.listen)
            .field(
                "database_url",
                &self.database_url.as_deref().map(redact_url),
            )
            .field("cookie_secure", &self.cookie_secure)
            .field("hsts", &self.hsts)
            .field("trusted_proxies", &self.trusted_proxies)
            .finish_non_exhaustive()
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        Ok(u) => u.to_string(),
        Err(_) => "<unparsable URL>".to_string(),
    }
}

/// Flags that override the rest when given.
#[derive(Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
}

impl Config {
    /// Loads the layers. `file` is the TOML file (default `./pocdir.toml`, if it exists).
    pub fn load(file: Option<&Path>, overrides: Overrides) -> Result<Config, Box<figment::Error>> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None => figment = figment.merge(Toml::file("pocdir.toml")),
        }
        figment
            .merge(Env::prefixed("POCDIR_").ignore(&["test_backend", "test_postgres_url"]))
            .merge(Serialized::defaults(overrides))
            .extract()
            .map_err(Box::new)
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("pocdir.db").display()
            ),
        }
    }

    pub fn web(&self) -> WebConfig {
        WebConfig {
            sessions: SessionPolicy {
                idle_minutes: self.session_idle_minutes,
                absolute_hours: self.session_absolute_hours,
                ..SessionPolicy::default()
            },
            throttle: ThrottlePolicy {
                max_failures_per_account: self.login_max_failures_per_account,
                max_failures_per_address: self.login_max_failures_per_address,
                window_minutes: self.login_window_minutes,
            },
            cookie_secure: self.cookie_secure,
            hsts: self.hsts,
            trusted_proxies: self.trusted_proxies.clone(),
            max_token_days: self.max_token_days,
            max_body_bytes: self.max_body_bytes,
            ..WebConfig::default()
        }
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment's Jail API returns its own error type
mod tests {
    use super::*;

    #[test]
    fn layers_apply_in_order_and_debug_hides_passwords() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("pocdir.toml", "listen = \"127.0.0.1:9000\"\nhsts = true\n")?;
            jail.set_env("POCDIR_LISTEN", "127.0.0.1:9100");
            let c = Config::load(None, Overrides::default()).map_err(|e| *e)?;
            assert_eq!(c.listen.port(), 9100);
            assert!(c.hsts);
            let c = Config::load(
                None,
                Overrides {
                    listen: Some("127.0.0.1:9200".parse().unwrap()),
                    database_url: Some("postgres://u:hunter2@db/x".into()),
                    ..Overrides::default()
                },
            )
            .map_err(|e| *e)?;
            assert_eq!(c.listen.port(), 9200);
            let debug = format!("{c:?}");
            assert!(!debug.contains("hunter2"), "{debug}");
            assert!(debug.contains("***"));
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_are_refused() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("pocdir.toml", "lsten = \"127.0.0.1:9000\"\n")?;
            assert!(Config::load(None, Overrides::default()).is_err());
            Ok(())
        });
    }

    #[test]
    fn default_database_is_sqlite_in_the_data_dir() {
        let c = Config::default();
        assert_eq!(c.database_url(), "sqlite://pocdir-data/pocdir.db?mode=rwc");
    }
}
