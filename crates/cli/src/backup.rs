//! `pocdir backup` and `pocdir restore`: one file for the whole database of
//! either backend, made while the server runs, restored into an empty data
//! folder or database of either backend (how an installation moves from
//! SQLite to PostgreSQL, and back), then checked: `log verify` over the
//! restored log and a count of every table against the backup's header.

use crate::config::{redact_url, Config};
use crate::log_commands::{self, HeadKeys, VerifyFailure};
use crate::secrets::{ensure_private_dir, secrets_dir};
use crate::server;
use anyhow::{bail, Context, Result};
use pocdir_domain::clock::Clock;
use pocdir_store::backup::{
    read_backup, restore_file, write_backup, AgeIdentities, AgeRecipient, BackupOptions, Header,
    RestoreReport, SecretFile,
};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The regular files of the secrets folder.
fn secret_files(config: &Config) -> Result<Vec<SecretFile>> {
    let dir = secrets_dir(&config.data_dir);
    let mut files = Vec::new();
    let entries = fs::read_dir(&dir)
        .with_context(|| format!("cannot read the secrets folder {}", dir.display()))?;
    for entry in entries {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let bytes = fs::read(entry.path())
            .with_context(|| format!("cannot read {}", entry.path().display()))?;
        files.push(SecretFile { name, bytes });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// Writes a backup of the configured database to `out`, in one snapshot,
/// while the server may keep running.
pub async fn backup(
    config: &Config,
    out: &Path,
    age_recipient: Option<&str>,
    include_secrets: bool,
    clock: &dyn Clock,
) -> Result<Header> {
    let age_recipient = age_recipient.map(str::parse::<AgeRecipient>).transpose()?;
    let secrets = if include_secrets {
        secret_files(config)?
    } else {
        Vec::new()
    };
    let store = server::open_store_read_only(config).await?;
    let options = BackupOptions {
        age_recipient,
        secrets,
        created_at: clock.now().unix_timestamp(),
    };
    write_backup(store.as_ref(), out, &options)
        .await
        .with_context(|| format!("cannot back up to {}", out.display()))
}

/// What a restore did and found.
#[derive(Debug)]
pub struct Restored {
    pub report: RestoreReport,
    pub secrets_written: Vec<String>,
    /// `log verify` over the restored log: Ok(entries, heads) or what failed.
    pub log: Result<(u64, u64), String>,
}

/// A secret's name as a plain file name, or a refusal.
fn plain_name(name: &str) -> Result<&str> {
    let ok = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains('/')
        && !name.contains('\0');
    if ok {
        Ok(name)
    } else {
        bail!("the backup holds a secret file with an unusable name {name:?}: nothing was restored")
    }
}

/// Restores `file` into the configured data folder and database, which
/// must be empty; nothing is written unless the whole backup reads back
/// intact.
pub async fn restore(
    config: &Config,
    file: &Path,
    age_identity: Option<&Path>,
) -> Result<Restored> {
    let identities = age_identity.map(AgeIdentities::from_file).transpose()?;
    let verified = read_backup(file, identities.as_ref())
        .with_context(|| format!("cannot restore {}", file.display()))?;
    // Secret files are never overwritten: say so before anything is written.
    let dir = secrets_dir(&config.data_dir);
    for s in &verified.secrets {
        let path = dir.join(plain_name(&s.name)?);
        if path.exists() {
            bail!(
                "{} exists already: a restore does not overwrite secret files; \
                 restore into a new data folder (--data-dir); nothing was restored",
                path.display()
            );
        }
    }
    // The data folder takes the secrets, and the SQLite file when the URL
    // names one in it (as `--data-dir NEW --database-url sqlite://NEW/…`).
    ensure_private_dir(&config.data_dir)?;
    let url = config.database_url();
    let report = restore_file(&url, file, identities.as_ref(), &verified)
        .await
        .with_context(|| format!("cannot restore into {}", redact_url(&url)))?;
    let mut secrets_written = Vec::new();
    if !verified.secrets.is_empty() {
        ensure_private_dir(&config.data_dir)?;
        ensure_private_dir(&dir)?;
        for s in &verified.secrets {
            let path = dir.join(plain_name(&s.name)?);
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            f.write_all(&s.bytes)?;
            f.sync_all()?;
            secrets_written.push(s.name.clone());
        }
    }
    let store = server::open_store_read_only(config).await?;
    let log = match log_commands::verify_store(store.as_ref(), HeadKeys::Recorded, false).await {
        Ok(r) => Ok((r.entries, r.heads)),
        Err(VerifyFailure::Tampered(t)) => Err(format!("TAMPERED: {t}")),
        Err(VerifyFailure::Error(e)) => Err(format!("{e:#}")),
    };
    Ok(Restored {
        report,
        secrets_written,
        log,
    })
}

/// The lines `pocdir restore` prints.
pub fn describe(restored: &Restored) -> Vec<String> {
    let h = &restored.report.header;
    let mut lines = vec![format!(
        "restored a {} backup (schema {}, made at {}) of {} tables",
        h.backend,
        h.schema_version,
        time::OffsetDateTime::from_unix_timestamp(h.created_at)
            .map(|t| t.to_string())
            .unwrap_or_else(|_| h.created_at.to_string()),
        h.tables.len()
    )];
    for (table, expected, found) in &restored.report.counts {
        lines.push(format!("  {table}: {found} rows (backup: {expected})"));
    }
    if restored.secrets_written.is_empty() {
        lines.push(
            "the backup holds no secret files: copy the old secrets folder (sealing keys, \
             log signing key, crisis pack key) into the data folder's secrets/ before starting the server"
                .into(),
        );
    } else {
        lines.push(format!(
            "secret files restored: {}",
            restored.secrets_written.join(", ")
        ));
    }
    match &restored.log {
        Ok((entries, heads)) => lines.push(format!(
            "log verify: intact, {entries} entries, {heads} signed heads checked"
        )),
        Err(e) => lines.push(format!("log verify: FAILED: {e}")),
    }
    lines
}
