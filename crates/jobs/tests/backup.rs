//! The periodic backup: each run writes a whole backup (mode 0600, in a
//! 0700 folder) that reads back intact, keeps the newest `keep` and removes
//! the older ones, and leaves nothing else behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use pocdir_domain::clock::ManualClock;
use pocdir_jobs::backup::{back_up_once, BackupSettings};
use pocdir_jobs::JobContext;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::Store;
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::macros::datetime;
use time::Duration;

#[tokio::test]
async fn keeps_the_newest_backups_and_removes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap(),
        )
        .await
        .unwrap(),
    );
    let clock = ManualClock::new(datetime!(2030-01-01 09:00 UTC));
    let ctx = JobContext {
        store,
        clock: Arc::new(clock.clone()),
        stopping: pocdir_jobs::Stopping::never(),
    };
    let settings = BackupSettings {
        dir: dir.path().join("backups"),
        every: StdDuration::from_secs(3600),
        keep: 2,
        age_recipient: None,
    };
    let mut written = Vec::new();
    for _ in 0..3 {
        let (path, size, _) = back_up_once(&settings, &ctx).await.unwrap();
        assert!(size > 0);
        written.push(path);
        clock.advance(Duration::hours(1));
    }
    let mode = std::fs::metadata(&settings.dir)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
    let mut left: Vec<_> = std::fs::read_dir(&settings.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    left.sort();
    assert_eq!(
        left,
        written[1..].to_vec(),
        "the oldest is removed, no temporary file is left"
    );
    assert!(left[0]
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("pocdir-20300101T100000Z"));
    for path in &left {
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let verified = pocdir_store::backup::read_backup(path, None).unwrap();
        assert!(verified
            .header
            .tables
            .iter()
            .any(|t| t.name == "log_entries"));
        assert!(verified.secrets.is_empty());
    }
}
