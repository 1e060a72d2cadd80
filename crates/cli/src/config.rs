//! Configuration: defaults, then `pocdir.toml`, then `POCDIR_*` environment
//! variables, then command-line flags.

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use pocdir_domain::communication::delivery::AckDeadlines;
use pocdir_domain::directory::revalidation::RevalidationPolicy;
use pocdir_domain::report::ReportLimits;
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
    /// Days after which an active PoC must be confirmed again by its nominator.
    pub revalidation_days: i64,
    /// Days before the due date at which reminders go out (each once).
    pub revalidation_reminder_days: Vec<i64>,
    /// Seconds between checks for re-validation reminders and overdue notices.
    pub revalidation_check_seconds: u64,
    /// The SMTP relay, e.g. `smtp://127.0.0.1:2525`, `smtps://user:pass@relay:465`
    /// or `smtp://relay:587?tls=required`. None: mail stays queued.
    pub smtp_url: Option<String>,
    /// The sender of every mail.
    pub mail_from: String,
    /// Seconds between rounds of the mail sender.
    pub mail_send_seconds: u64,
    /// The address users reach pocdir at, for links in mail; default:
    /// `http://` and the listening address.
    pub base_url: Option<String>,
    /// Minutes the recipients of an urgent, priority and routine
    /// communication have to acknowledge it before escalation.
    pub ack_urgent_minutes: i64,
    pub ack_priority_minutes: i64,
    pub ack_routine_minutes: i64,
    /// Seconds between checks for communications to escalate.
    pub escalation_check_seconds: u64,
    /// Ping tests: hours PoCs have to answer in time, hours after the start
    /// at which those who have not are reminded, days after the window a
    /// late answer is still recorded.
    pub ping_window_hours: i64,
    pub ping_reminder_hours: Vec<i64>,
    pub ping_late_days: i64,
    /// Whether the schedule creates a campaign by itself, every
    /// `ping_every_days` (to everyone, unannounced, escalating).
    pub ping_schedule: bool,
    pub ping_every_days: i64,
    /// Reports a reporter may send in any hour, and the most one report
    /// with its STIX bundle and files may weigh (MiB).
    pub report_per_hour: u32,
    pub report_max_mib: usize,
    /// Seconds between checks for campaigns to start, reminders and escalations.
    pub ping_check_seconds: u64,
    /// Milliseconds between reads of the log for changes made by other
    /// instances (their effect on this one's caches waits at most this long).
    pub change_poll_ms: u64,
    /// The periodic backup: every `backup_every_hours` (0: off, the
    /// default), into `backup_dir` (default: `DATA_DIR/backups`), keeping
    /// the newest `backup_keep`, encrypted to `backup_age_recipient` when set.
    pub backup_dir: Option<PathBuf>,
    pub backup_every_hours: u64,
    pub backup_keep: usize,
    pub backup_age_recipient: Option<String>,
    /// Crisis packs by mail: every `crisis_pack_every_days` (0: never) each
    /// PoC whose entry carries an OpenPGP key is mailed a fresh pack sealed
    /// to it; the job looks for PoCs due one every `crisis_pack_check_seconds`.
    pub crisis_pack_every_days: i64,
    pub crisis_pack_check_seconds: u64,
    /// Seconds between a stop signal and closing the listener, while
    /// `/healthz/ready` already says 503: time for a load balancer to
    /// send new requests elsewhere (0 for a single instance).
    pub drain_seconds: u64,
    /// Seconds the requests in flight and the jobs have to finish once
    /// the listener is closed; then the process exits anyway.
    pub shutdown_grace_seconds: u64,
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
            revalidation_days: web.revalidation_days,
            revalidation_reminder_days: RevalidationPolicy::default().remind_days_before,
            revalidation_check_seconds: 3600,
            smtp_url: None,
            mail_from: "pocdir <pocdir@localhost>".to_string(),
            mail_send_seconds: 30,
            base_url: None,
            ack_urgent_minutes: AckDeadlines::default().urgent.whole_minutes(),
            ack_priority_minutes: AckDeadlines::default().priority.whole_minutes(),
            ack_routine_minutes: AckDeadlines::default().routine.whole_minutes(),
            escalation_check_seconds: 60,
            ping_window_hours: 72,
            ping_reminder_hours: vec![24, 48],
            ping_late_days: 7,
            ping_schedule: true,
            report_per_hour: ReportLimits::default().per_hour,
            report_max_mib: ReportLimits::default().max_bytes / (1024 * 1024),
            ping_every_days: 182,
            ping_check_seconds: 60,
            change_poll_ms: 250,
            backup_dir: None,
            backup_every_hours: 0,
            backup_keep: 7,
            backup_age_recipient: None,
            // A pack is valid 30 days: one every 14 keeps a valid one at
            // hand even when a mail is late.
            crisis_pack_every_days: 14,
            crisis_pack_check_seconds: 3600,
            drain_seconds: 0,
            shutdown_grace_seconds: 8,
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
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("base_url", &self.base_url)
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

/// figment (0.10.19) reads the escapes of an environment value by counting
/// characters but cuts the text at byte offsets, so a value with a
/// backslash after a non-ASCII character (`"é\\n"`) makes it panic. Such a
/// value is refused here, with its name, before figment sees it.
fn refuse_unreadable_env() -> Result<(), String> {
    for (key, value) in std::env::vars_os() {
        let (Some(key), Some(value)) = (key.to_str(), value.to_str()) else {
            continue;
        };
        if key.starts_with("POCDIR_") && value.contains('\\') && !value.is_ascii() {
            return Err(format!(
                "{key}: a value with a backslash and non-ASCII characters cannot be read \
                 from the environment; set it in pocdir.toml instead"
            ));
        }
    }
    Ok(())
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
        refuse_unreadable_env().map_err(|e| Box::new(figment::Error::from(e)))?;
        figment
            .merge(Env::prefixed("POCDIR_").ignore(&["test_backend", "test_postgres_url"]))
            .merge(Serialized::defaults(overrides))
            .extract::<Config>()
            .map_err(Box::new)?
            .checked()
            .map_err(|e| Box::new(figment::Error::from(e)))
    }

    /// Refuses durations that no deployment means and that would overflow
    /// the date arithmetic later (a sign-in or a token would then fail
    /// instead of start-up): each must lie within its range.
    pub fn checked(self) -> Result<Config, String> {
        let ranges: [(&str, i64, i64, i64); 12] = [
            ("max_token_days", self.max_token_days, 1, 3_650),
            (
                "session_idle_minutes",
                self.session_idle_minutes,
                1,
                525_600,
            ),
            (
                "session_absolute_hours",
                self.session_absolute_hours,
                1,
                8_760,
            ),
            (
                "login_window_minutes",
                self.login_window_minutes,
                1,
                525_600,
            ),
            ("revalidation_days", self.revalidation_days, 1, 3_650),
            // Up to a month: an acknowledgement deadline, not an archive.
            ("ack_urgent_minutes", self.ack_urgent_minutes, 1, 43_200),
            ("ack_priority_minutes", self.ack_priority_minutes, 1, 43_200),
            ("ack_routine_minutes", self.ack_routine_minutes, 1, 43_200),
            (
                "ping_window_hours",
                self.ping_window_hours,
                1,
                pocdir_domain::ping_test::campaign::MAX_WINDOW_HOURS,
            ),
            ("ping_late_days", self.ping_late_days, 0, 90),
            ("ping_every_days", self.ping_every_days, 1, 3_650),
            (
                "crisis_pack_every_days",
                self.crisis_pack_every_days,
                0,
                365,
            ),
        ];
        for (key, value, min, max) in ranges {
            if !(min..=max).contains(&value) {
                return Err(format!("{key} = {value} is out of range: {min} to {max}"));
            }
        }
        // A stop that waits longer than this is no longer a stop.
        if self.drain_seconds > 600 || self.shutdown_grace_seconds > 600 {
            return Err(format!(
                "drain_seconds = {} and shutdown_grace_seconds = {} must each be at most 600",
                self.drain_seconds, self.shutdown_grace_seconds
            ));
        }
        if let Some(d) = self
            .revalidation_reminder_days
            .iter()
            .find(|d| !(1..=3_650).contains(*d))
        {
            return Err(format!(
                "revalidation_reminder_days holds {d}, out of range: 1 to 3650"
            ));
        }
        if let Some(h) = self
            .ping_reminder_hours
            .iter()
            .find(|h| !(1..self.ping_window_hours).contains(*h))
        {
            return Err(format!(
                "ping_reminder_hours holds {h}, outside the window of {} hours",
                self.ping_window_hours
            ));
        }
        if self.backup_every_hours > 87_600 {
            return Err(format!(
                "backup_every_hours = {} is out of range: 0 (off) to 87600",
                self.backup_every_hours
            ));
        }
        if self.backup_keep == 0 {
            return Err("backup_keep = 0: keep at least one backup".to_string());
        }
        if let Some(r) = &self.backup_age_recipient {
            r.parse::<pocdir_store::backup::AgeRecipient>()
                .map_err(|e| format!("backup_age_recipient: {e}"))?;
        }
        Ok(self)
    }

    /// The periodic backup's settings, or `None` when it is off.
    pub fn backup_settings(&self) -> Option<pocdir_jobs::backup::BackupSettings> {
        if self.backup_every_hours == 0 {
            return None;
        }
        Some(pocdir_jobs::backup::BackupSettings {
            dir: self
                .backup_dir
                .clone()
                .unwrap_or_else(|| self.data_dir.join("backups")),
            every: std::time::Duration::from_secs(self.backup_every_hours.saturating_mul(3600)),
            keep: self.backup_keep,
            // Checked when the configuration was loaded.
            age_recipient: self
                .backup_age_recipient
                .as_deref()
                .and_then(|r| r.parse().ok()),
        })
    }

    /// The ping test defaults, shared by the pages, the API and the job.
    pub fn ping_settings(&self) -> pocdir_domain::ping_test::campaign::PingSettings {
        pocdir_domain::ping_test::campaign::PingSettings {
            window: time::Duration::hours(self.ping_window_hours),
            reminders: self
                .ping_reminder_hours
                .iter()
                .map(|h| time::Duration::hours(*h))
                .collect(),
            late_grace: time::Duration::days(self.ping_late_days),
            every: time::Duration::days(self.ping_every_days),
        }
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
            revalidation_days: self.revalidation_days,
            base_url: self.base_url(self.listen),
            links: Default::default(),
            ack_deadlines: self.ack_deadlines(),
            ping: self.ping_settings(),
            ping_schedule: self.ping_schedule,
            report_limits: ReportLimits {
                per_hour: self.report_per_hour,
                max_bytes: self.report_max_mib.saturating_mul(1024 * 1024),
            },
            crisis_pack_every_days: self.crisis_pack_every_days,
        }
    }

    /// The acknowledgement deadlines, shared by the pages, the API and the
    /// escalation job.
    pub fn ack_deadlines(&self) -> AckDeadlines {
        AckDeadlines {
            urgent: time::Duration::minutes(self.ack_urgent_minutes),
            priority: time::Duration::minutes(self.ack_priority_minutes),
            routine: time::Duration::minutes(self.ack_routine_minutes),
        }
    }

    /// The re-validation rules, shared by the pages and the reminder job.
    pub fn revalidation_policy(&self) -> RevalidationPolicy {
        RevalidationPolicy {
            every_days: self.revalidation_days,
            remind_days_before: self.revalidation_reminder_days.clone(),
        }
    }

    /// The public address for links in mail, without a trailing `/`.
    pub fn base_url(&self, listening: SocketAddr) -> String {
        match &self.base_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => format!("http://{listening}"),
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
    fn mail_and_revalidation_keys_from_file_and_environment() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "pocdir.toml",
                "revalidation_days = 90\nrevalidation_reminder_days = [14, 2]\n\
                 smtp_url = \"smtp://mailer:s3cret@relay:2525\"\n",
            )?;
            jail.set_env("POCDIR_MAIL_FROM", "Directory <dir@example.org>");
            jail.set_env("POCDIR_REVALIDATION_CHECK_SECONDS", "60");
            jail.set_env("POCDIR_BASE_URL", "https://pocdir.example.org/");
            let c = Config::load(None, Overrides::default()).map_err(|e| *e)?;
            assert_eq!(c.web().revalidation_days, 90);
            assert_eq!(c.revalidation_policy().remind_days_before, vec![14, 2]);
            assert_eq!(c.revalidation_check_seconds, 60);
            assert_eq!(c.mail_from, "Directory <dir@example.org>");
            assert_eq!(
                c.base_url("127.0.0.1:1".parse().unwrap()),
                "https://pocdir.example.org"
            );
            assert!(!format!("{c:?}").contains("s3cret"));
            // A list from the environment, as the README shows.
            jail.set_env("POCDIR_REVALIDATION_REMINDER_DAYS", "[21, 1]");
            let c = Config::load(None, Overrides::default()).map_err(|e| *e)?;
            assert_eq!(c.revalidation_reminder_days, vec![21, 1]);
            let d = Config::default();
            assert_eq!(d.revalidation_days, 180);
            assert_eq!(d.smtp_url, None);
            assert_eq!(
                d.base_url("127.0.0.1:8080".parse().unwrap()),
                "http://127.0.0.1:8080"
            );
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
    fn durations_out_of_range_are_refused_at_load() {
        // Found by the property tests: a huge session_absolute_hours loaded
        // fine and then made every sign-in panic in the date arithmetic.
        for (key, value) in [
            ("session_absolute_hours", "9223372036854775807"),
            ("session_idle_minutes", "0"),
            ("login_window_minutes", "-5"),
            ("max_token_days", "106751991167301"),
            ("revalidation_days", "0"),
            ("revalidation_reminder_days", "[30, -1]"),
        ] {
            figment::Jail::expect_with(|jail| {
                jail.create_file("pocdir.toml", &format!("{key} = {value}\n"))?;
                let err = Config::load(None, Overrides::default()).unwrap_err();
                assert!(err.to_string().contains(key), "{key}: {err}");
                Ok(())
            });
        }
        assert!(Config::default().checked().is_ok());
    }

    #[test]
    fn environment_values_figment_cannot_read_are_refused_not_a_panic() {
        // Found by the property tests: figment panicked on this value.
        figment::Jail::expect_with(|jail| {
            jail.set_env("POCDIR_DATA_DIR", "\"𖫀𖫐ਓ¡0\\ \"");
            let err = Config::load(None, Overrides::default()).unwrap_err();
            assert!(err.to_string().contains("POCDIR_DATA_DIR"), "{err}");
            jail.set_env("POCDIR_DATA_DIR", "/srv/pocdir-données");
            let c = Config::load(None, Overrides::default()).map_err(|e| *e)?;
            assert_eq!(c.data_dir, PathBuf::from("/srv/pocdir-données"));
            Ok(())
        });
    }

    #[test]
    fn default_database_is_sqlite_in_the_data_dir() {
        let c = Config::default();
        assert_eq!(c.database_url(), "sqlite://pocdir-data/pocdir.db?mode=rwc");
    }
}
