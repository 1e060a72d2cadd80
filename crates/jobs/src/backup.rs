//! The periodic backup: every `backup_every_hours`, one instance writes a
//! backup of the whole database (the same file `pocdir backup` writes,
//! never with the secrets) into the backup folder, keeps the newest
//! `backup_keep` and removes older ones. The time of the last success is a
//! metric, so that monitoring notices when backups stop.

use crate::runner::{JobContext, JobError, JobReport, PeriodicJob};
use async_trait::async_trait;
use pocdir_store::backup::{write_backup, AgeRecipient, BackupOptions};
use std::path::{Path, PathBuf};
use std::time::Duration as StdDuration;

pub const BACKUP_LEASE: &str = "backup";
/// Names of the files this job writes: `pocdir-<UTC time>.pocdir-backup`.
const PREFIX: &str = "pocdir-";
const SUFFIX: &str = ".pocdir-backup";

#[derive(Debug, Clone)]
pub struct BackupSettings {
    pub dir: PathBuf,
    pub every: StdDuration,
    /// How many backups to keep (at least one).
    pub keep: usize,
    pub age_recipient: Option<AgeRecipient>,
}

#[derive(Debug, Clone)]
pub struct PeriodicBackup {
    pub settings: BackupSettings,
}

/// The backups this job wrote in `dir`, oldest first (their names sort by time).
fn backups_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    found.sort();
    Ok(found)
}

fn io(e: std::io::Error) -> JobError {
    JobError::Backup(e.to_string())
}

/// Writes one backup into the folder and removes those beyond `keep`.
pub async fn back_up_once(
    settings: &BackupSettings,
    ctx: &JobContext,
) -> Result<(PathBuf, u64, u64), JobError> {
    use std::os::unix::fs::PermissionsExt;
    if !settings.dir.exists() {
        std::fs::create_dir_all(&settings.dir).map_err(io)?;
        std::fs::set_permissions(&settings.dir, std::fs::Permissions::from_mode(0o700))
            .map_err(io)?;
    }
    let now = ctx.clock.now();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let path = settings.dir.join(format!("{PREFIX}{stamp}{SUFFIX}"));
    let options = BackupOptions {
        age_recipient: settings.age_recipient.clone(),
        secrets: Vec::new(),
        created_at: now.unix_timestamp(),
    };
    write_backup(ctx.store.as_ref(), &path, &options)
        .await
        .map_err(|e| JobError::Backup(e.to_string()))?;
    let size = std::fs::metadata(&path).map_err(io)?.len();
    let all = backups_in(&settings.dir).map_err(io)?;
    let extra = all.len().saturating_sub(settings.keep.max(1));
    let mut removed = 0u64;
    for old in all.iter().take(extra) {
        std::fs::remove_file(old).map_err(io)?;
        removed += 1;
    }
    metrics::gauge!("pocdir_backup_last_success_timestamp_seconds")
        .set(now.unix_timestamp() as f64);
    metrics::gauge!("pocdir_backup_last_size_bytes").set(size as f64);
    Ok((path, size, removed))
}

#[async_trait]
impl PeriodicJob for PeriodicBackup {
    fn name(&self) -> &'static str {
        BACKUP_LEASE
    }

    fn period(&self) -> StdDuration {
        self.settings.every
    }

    async fn run(&self, ctx: &JobContext) -> Result<JobReport, JobError> {
        let (path, size, removed) = back_up_once(&self.settings, ctx).await?;
        tracing::info!(path = %path.display(), size, removed, "backup written");
        Ok(JobReport::default()
            .with("bytes", size)
            .with("backups_removed", removed))
    }
}
