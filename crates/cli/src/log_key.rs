//! The log's signing key (`secrets/log-signing.key`): the server refuses to
//! start without it once the log has been signed, since a new key would
//! make every earlier head unverifiable; `pocdir log rotate-key` changes it
//! deliberately, as a log entry endorsed by the old key where it exists.

use crate::config::Config;
use crate::secrets::{check_private, ensure_private_dir, load_key, secrets_dir};
use anyhow::{bail, Context, Result};
use ed25519_dalek::SigningKey;
use pocdir_domain::clock::Clock;
use pocdir_domain::entropy::{random_bytes, Entropy};
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::head::key_id;
use pocdir_domain::log::rotation::KeyRotation;
use pocdir_store::Store;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

pub const LOG_SIGNING_KEY: &str = "log-signing.key";

/// Where the key file is.
pub fn key_path(config: &Config) -> PathBuf {
    secrets_dir(&config.data_dir).join(LOG_SIGNING_KEY)
}

/// Checks, before the server (or `log sign-head`) loads or creates the
/// key, that doing so keeps the log verifiable: without the key file, the
/// log must never have been signed nor have recorded a key; with it, the
/// file must hold the key of the last rotation, if any.
pub async fn ensure_log_key(config: &Config, store: &dyn Store) -> Result<()> {
    let path = key_path(config);
    let secrets = secrets_dir(&config.data_dir);
    let rotations = store
        .log_key_rotations()
        .await
        .context("cannot read the log's key rotations")?;
    match load_key(&secrets, LOG_SIGNING_KEY)? {
        Some(seed) => {
            let held = key_id(&SigningKey::from_bytes(&seed).verifying_key());
            if let Some(last) = rotations.last() {
                if last.rotation.key_id != held {
                    bail!(
                        "refusing to start: the log's signing key {} (key id {held}) is not the \
                         log's current key: entry {} rotated it to key id {}. Restore the key file \
                         from a backup of the secrets folder made after that rotation.",
                        path.display(),
                        last.index,
                        last.rotation.key_id
                    );
                }
            }
            Ok(())
        }
        None => {
            let head = store
                .latest_tree_head()
                .await
                .context("cannot read the log's signed heads")?;
            let keys = store
                .log_keys()
                .await
                .context("cannot read the log's public keys")?;
            let Some(current) = rotations
                .last()
                .map(|r| r.rotation.key_id.clone())
                .or_else(|| head.map(|h| h.key_id))
                .or_else(|| keys.last().map(|k| k.key_id.clone()))
            else {
                // A fresh install: the key is created now.
                return Ok(());
            };
            bail!(
                "refusing to start: the log's signing key {} is missing, but the log has been \
                 signed with the key id {current}. A new key would make every signed head \
                 unverifiable. Restore the file from the backup of the secrets folder ({}; \
                 mode 0600) and start again. If the key is truly lost, start a new key \
                 deliberately with `pocdir log rotate-key` (it is logged, and auditors are \
                 told that the old key did not endorse it), then start again.",
                path.display(),
                secrets.display()
            )
        }
    }
}

/// What `pocdir log rotate-key` did.
#[derive(Debug)]
pub struct KeyRotated {
    /// The index of the rotation's log entry.
    pub index: u64,
    pub new_key_id: String,
    /// The key that endorsed the new one, if it was there.
    pub previous_key_id: Option<String>,
}

/// Makes a new signing key, logs the change (endorsed by the old key when
/// the key file holds it) and puts the new key in the key file. The new
/// key is written beside the old one first and moved in place only once
/// the change is committed, so a failure leaves the old key in force.
pub async fn rotate_key(
    config: &Config,
    store: &dyn Store,
    clock: &dyn Clock,
    entropy: &dyn Entropy,
) -> Result<KeyRotated> {
    let secrets = secrets_dir(&config.data_dir);
    ensure_private_dir(&config.data_dir)?;
    ensure_private_dir(&secrets)?;
    let old = load_key(&secrets, LOG_SIGNING_KEY)?.map(|seed| SigningKey::from_bytes(&seed));
    if let (Some(old), Some(last)) = (&old, store.log_key_rotations().await?.last()) {
        if key_id(&old.verifying_key()) != last.rotation.key_id {
            bail!(
                "the key file {} does not hold the log's current key (key id {}, since entry {}): \
                 restore it from the backup of the secrets folder, or move it away to start a \
                 new key without endorsement",
                key_path(config).display(),
                last.rotation.key_id,
                last.index
            );
        }
    }
    let new = SigningKey::from_bytes(&random_bytes::<32>(entropy));
    let staged = secrets.join(format!("{LOG_SIGNING_KEY}.new"));
    // A file left by a rotation that failed before its commit is stale.
    match fs::remove_file(&staged) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot remove {}", staged.display())),
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&staged)
        .with_context(|| format!("cannot create {}", staged.display()))?;
    file.write_all(hex::encode(new.to_bytes()).as_bytes())?;
    file.sync_all()?;
    drop(file);
    check_private(&staged)?;

    let rotation = KeyRotation::new(&new.verifying_key(), old.as_ref());
    let now = clock.now();
    let draft = rotation.draft(now, LogActor::console())?;
    let index = store
        .rotate_log_key(&rotation, &draft, now.unix_timestamp())
        .await
        .context("cannot log the key rotation (the old key stays in force)")?;
    let path = key_path(config);
    fs::rename(&staged, &path).with_context(|| {
        format!(
            "the rotation is logged (entry {index}) but the new key could not be moved in place: \
             move {} to {} by hand before starting the server",
            staged.display(),
            path.display()
        )
    })?;
    if let Ok(dir) = fs::File::open(&secrets) {
        // The rename is durable once the folder is synced.
        let _ = dir.sync_all();
    }
    Ok(KeyRotated {
        index,
        new_key_id: rotation.key_id,
        previous_key_id: old.map(|k| key_id(&k.verifying_key())),
    })
}
