//! The key file: the keys that seal values at rest (`crates/domain/src/seal.rs`),
//! `secrets/sealing.keys` in the data folder, created 0600 on first start.
//! It is never in the database: a copy of the database alone reveals no
//! sealed value, and losing this file loses them all, so it is backed up
//! on its own.
//!
//! One key a line, oldest first, and the line naming the current one:
//!
//! ```text
//! # pocdir sealing keys …
//! current k2
//! key k1 <64 hex digits>
//! key k2 <64 hex digits>
//! ```
//!
//! `pocdir keys rotate` adds a key and makes it current, writing a new
//! file and renaming it over the old one; a running server sees the file
//! change (before sealing, and when it meets a key id it does not know)
//! and reads it again.

use crate::secrets::{check_private, ensure_private_dir, secrets_dir};
use anyhow::{anyhow, bail, Context, Result};
use pocdir_domain::entropy::{Entropy, OsEntropy};
use pocdir_domain::seal::{Keyring, SealKey, KEY_LEN};
use pocdir_store::KeySource;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use zeroize::Zeroizing;

pub const KEY_FILE: &str = "sealing.keys";

const HEADER: &str = "# pocdir sealing keys: they seal TOTP secrets, PoCs' contact details, mail\n\
# and messages in the database. Back this file up apart from the database:\n\
# without it the sealed values cannot be read, and with it a copy of the\n\
# database can. Never edit or remove a key (the first one also indexes\n\
# e-mail addresses); `pocdir keys rotate` adds one.\n";

/// The key file of the data folder `data_dir`.
pub fn key_file(data_dir: &Path) -> PathBuf {
    secrets_dir(data_dir).join(KEY_FILE)
}

fn entropy() -> Arc<dyn Entropy> {
    Arc::new(OsEntropy)
}

/// Reads the key file at `path` (refused if group or others may read it).
pub fn read(path: &Path) -> Result<Keyring> {
    check_private(path)?;
    let text = Zeroizing::new(
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?,
    );
    parse(&text).with_context(|| format!("the key file {} is not valid", path.display()))
}

fn parse(text: &str) -> Result<Keyring> {
    let mut current = None;
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["current", id] => current = Some((*id).to_string()),
            ["key", id, hex_secret] => {
                let bytes = Zeroizing::new(
                    hex::decode(hex_secret)
                        .map_err(|_| anyhow!("line {}: the key is not hex", n + 1))?,
                );
                let secret = <[u8; KEY_LEN]>::try_from(bytes.as_slice())
                    .map_err(|_| anyhow!("line {}: a key is {KEY_LEN} bytes", n + 1))?;
                if keys.iter().any(|k: &SealKey| k.id() == *id) {
                    bail!("line {}: key {id} is there twice", n + 1);
                }
                keys.push(
                    SealKey::from_bytes(id, secret).map_err(|e| anyhow!("line {}: {e}", n + 1))?,
                );
            }
            _ => bail!("line {}: expected `current ID` or `key ID HEX`", n + 1),
        }
    }
    let current = current.ok_or_else(|| anyhow!("no `current` line"))?;
    Keyring::new(keys, &current, entropy()).map_err(|e| anyhow!("{e}"))
}

fn render(ring: &Keyring) -> Zeroizing<String> {
    let mut text = Zeroizing::new(String::from(HEADER));
    text.push_str(&format!("current {}\n", ring.current_id()));
    for key in ring.keys() {
        text.push_str(&format!("key {} {}\n", key.id(), hex::encode(key.secret())));
    }
    text
}

/// Writes `ring` to a new file (0600) beside `path`, synced; its path.
fn write_temporary(path: &Path, ring: &Keyring) -> Result<PathBuf> {
    let dir = path
        .parent()
        .ok_or_else(|| anyhow!("{} has no folder", path.display()))?;
    let nonce: [u8; 8] = pocdir_domain::entropy::random_bytes(&OsEntropy);
    let tmp = dir.join(format!(".{KEY_FILE}.{}", hex::encode(nonce)));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .with_context(|| format!("cannot create {}", tmp.display()))?;
    file.write_all(render(ring).as_bytes())?;
    file.sync_all()?;
    Ok(tmp)
}

fn sync_dir(path: &Path) {
    if let Some(Ok(d)) = path.parent().map(fs::File::open) {
        let _ = d.sync_all();
    }
}

/// Writes `ring` to `path` as a new file renamed over the old one, so that
/// a reader sees the old file or the new, never half of one.
fn write(path: &Path, ring: &Keyring) -> Result<()> {
    let tmp = write_temporary(path, ring)?;
    fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
    sync_dir(path);
    Ok(())
}

/// The keyring of the data folder, creating the key file (one new key) on
/// first start.
pub fn load_or_create(data_dir: &Path) -> Result<Keyring> {
    let dir = secrets_dir(data_dir);
    ensure_private_dir(&dir)?;
    let path = dir.join(KEY_FILE);
    if !path.exists() {
        let key = SealKey::generate("k1", &OsEntropy).map_err(|e| anyhow!("{e}"))?;
        let ring = Keyring::new(vec![key], "k1", entropy()).map_err(|e| anyhow!("{e}"))?;
        // Linked into place whole, and only if no other instance starting
        // at the same moment was first: then its key file is the one.
        let tmp = write_temporary(&path, &ring)?;
        let linked = fs::hard_link(&tmp, &path);
        let _ = fs::remove_file(&tmp);
        match linked {
            Ok(()) => {
                sync_dir(&path);
                tracing::info!(path = %path.display(), "created the sealing key file; back it up apart from the database");
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
        }
    }
    read(&path)
}

/// The keyring of the data folder if its key file is there; creates nothing.
pub fn load_existing(data_dir: &Path) -> Result<Option<Keyring>> {
    let path = key_file(data_dir);
    if !path.exists() {
        return Ok(None);
    }
    read(&path).map(Some)
}

/// Adds a new key to the key file and makes it current; returns the new
/// keyring and the id of the key it replaces as current.
pub fn rotate(data_dir: &Path) -> Result<(Keyring, String)> {
    let path = key_file(data_dir);
    let old = read(&path)?;
    let next = (1..)
        .map(|n: u64| format!("k{n}"))
        .find(|id| !old.key_ids().contains(&id.as_str()))
        .ok_or_else(|| anyhow!("no free key id"))?;
    let mut keys = old.keys().to_vec();
    keys.push(SealKey::generate(&next, &OsEntropy).map_err(|e| anyhow!("{e}"))?);
    let ring = Keyring::new(keys, &next, entropy()).map_err(|e| anyhow!("{e}"))?;
    write(&path, &ring)?;
    Ok((ring, old.current_id().to_string()))
}

/// What a file is now, to notice it was replaced.
fn stamp(path: &Path) -> Option<(u64, u64, SystemTime)> {
    let meta = fs::metadata(path).ok()?;
    Some((meta.ino(), meta.len(), meta.modified().ok()?))
}

/// The key file as the store's [`KeySource`]: read again when it changed.
#[derive(Debug)]
pub struct FileKeySource {
    path: PathBuf,
    seen: Mutex<Option<(u64, u64, SystemTime)>>,
}

impl FileKeySource {
    pub fn new(path: PathBuf) -> FileKeySource {
        let seen = Mutex::new(stamp(&path));
        FileKeySource { path, seen }
    }

    fn remember(&self, now: Option<(u64, u64, SystemTime)>) {
        match self.seen.lock() {
            Ok(mut seen) => *seen = now,
            Err(poisoned) => *poisoned.into_inner() = now,
        }
    }
}

impl KeySource for FileKeySource {
    fn reload_if_changed(&self) -> Result<Option<Keyring>, String> {
        let now = stamp(&self.path);
        let changed = match self.seen.lock() {
            Ok(seen) => *seen != now,
            Err(poisoned) => *poisoned.into_inner() != now,
        };
        if !changed {
            return Ok(None);
        }
        let ring = read(&self.path).map_err(|e| format!("{e:#}"))?;
        self.remember(now);
        Ok(Some(ring))
    }

    fn reload(&self) -> Result<Keyring, String> {
        let now = stamp(&self.path);
        let ring = read(&self.path).map_err(|e| format!("{e:#}"))?;
        self.remember(now);
        Ok(ring)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn created_private_then_rotated_keeping_the_old_keys() {
        let dir = tempfile::tempdir().unwrap();
        let ring = load_or_create(dir.path()).unwrap();
        assert_eq!(ring.key_ids(), ["k1"]);
        let path = key_file(dir.path());
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let sealed = ring.seal_str("p", "secret").unwrap();
        // Loading again reads the same key.
        assert_eq!(
            load_or_create(dir.path())
                .unwrap()
                .open_str("p", &sealed)
                .unwrap(),
            "secret"
        );

        let source = FileKeySource::new(path.clone());
        assert!(source.reload_if_changed().unwrap().is_none());
        let (rotated, previous) = rotate(dir.path()).unwrap();
        assert_eq!(previous, "k1");
        assert_eq!(rotated.current_id(), "k2");
        assert_eq!(rotated.key_ids(), ["k1", "k2"]);
        assert_eq!(rotated.open_str("p", &sealed).unwrap(), "secret");
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let seen = source.reload_if_changed().unwrap().unwrap();
        assert_eq!(seen.current_id(), "k2");
        assert!(source.reload_if_changed().unwrap().is_none());
    }

    #[test]
    fn instances_starting_together_share_one_key_file() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().to_path_buf();
        let rings: Vec<Keyring> = (0..8)
            .map(|_| {
                let data = data.clone();
                std::thread::spawn(move || load_or_create(&data).unwrap())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let sealed = rings[0].seal_str("p", "one key").unwrap();
        for ring in &rings {
            assert_eq!(ring.open_str("p", &sealed).unwrap(), "one key");
        }
        let left: Vec<_> = fs::read_dir(secrets_dir(&data)).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_key_file_others_can_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        load_or_create(dir.path()).unwrap();
        let path = key_file(dir.path());
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let err = format!("{:#}", load_or_create(dir.path()).unwrap_err());
        assert!(err.contains("chmod 600"), "{err}");
        assert!(load_existing(dir.path()).is_err());
    }

    #[test]
    fn a_broken_key_file_says_what_is_wrong() {
        assert!(parse("key k1 00\ncurrent k1\n").is_err());
        assert!(parse(&format!("key k1 {}\n", "00".repeat(32))).is_err());
        assert!(parse(&format!("current k2\nkey k1 {}\n", "00".repeat(32))).is_err());
        let two = format!("current k1\nkey k1 {0}\nkey k1 {0}\n", "00".repeat(32));
        assert!(parse(&two).is_err());
        assert!(parse(&format!("current k1\nkey k1 {}\n", "00".repeat(32))).is_ok());
    }
}
