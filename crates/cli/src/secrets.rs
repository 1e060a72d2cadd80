//! Secret files: created on first start with mode 0600 in a 0700 folder;
//! pocdir refuses to start when one is readable by group or others.

use anyhow::{bail, Context, Result};
use pocdir_domain::entropy::{random_bytes, Entropy};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub fn secrets_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("secrets")
}

/// Creates `dir` (and parents) with mode 0700 if missing.
pub fn ensure_private_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .with_context(|| format!("cannot set the mode of {}", dir.display()))?;
    }
    Ok(())
}

/// Refuses a secret file that group or others can read or write.
pub fn check_private(path: &Path) -> Result<()> {
    let mode = fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        bail!(
            "refusing to start: the secret file {} has mode {:o} and can be read by other users; \
             fix it with `chmod 600 {}`",
            path.display(),
            mode & 0o777,
            path.display()
        );
    }
    Ok(())
}

/// Loads a 32-byte key stored as hex in `dir/name`, creating it on first start.
pub fn load_or_create_key(dir: &Path, name: &str, entropy: &dyn Entropy) -> Result<[u8; 32]> {
    ensure_private_dir(dir)?;
    let path = dir.join(name);
    if !path.exists() {
        let key: [u8; 32] = random_bytes(entropy);
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(hex::encode(key).as_bytes())?;
        file.sync_all()?;
        tracing::info!(path = %path.display(), "created a new secret key");
    }
    read_key(&path)
}

/// Loads a secret kept as text in `dir/name` (e.g. an armored OpenPGP key),
/// creating it with `make` on first use; refused when others can read it.
pub fn load_or_create_text(
    dir: &Path,
    name: &str,
    make: impl FnOnce() -> Result<String>,
) -> Result<String> {
    ensure_private_dir(dir)?;
    let path = dir.join(name);
    if !path.exists() {
        let text = make()?;
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        tracing::info!(path = %path.display(), "created a new secret key");
    }
    check_private(&path)?;
    fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))
}

/// Reads a key stored as hex in `dir/name` if it is there, creating
/// nothing (for the commands that only read).
pub fn load_key(dir: &Path, name: &str) -> Result<Option<[u8; 32]>> {
    let path = dir.join(name);
    if !path.exists() {
        return Ok(None);
    }
    read_key(&path).map(Some)
}

fn read_key(path: &Path) -> Result<[u8; 32]> {
    check_private(path)?;
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = hex::decode(text.trim())
        .with_context(|| format!("{} does not hold a hex key", path.display()))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        anyhow::anyhow!(
            "{} must hold exactly 32 bytes (64 hex digits)",
            path.display()
        )
    })
}

/// Writes a file only its owner can read (e.g. the demo logins).
pub fn write_private_file(path: &Path, contents: &[u8]) -> Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(contents)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::entropy::SeededEntropy;

    #[test]
    fn keys_are_created_private_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = dir.path().join("secrets");
        let e = SeededEntropy::new(5);
        let a = load_or_create_key(&secrets, "csrf.key", &e).unwrap();
        let b = load_or_create_key(&secrets, "csrf.key", &e).unwrap();
        assert_eq!(a, b);
        let mode = fs::metadata(secrets.join("csrf.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = fs::metadata(&secrets).unwrap().permissions().mode();
        assert_eq!(dir_mode & 0o777, 0o700);
    }

    #[test]
    fn a_text_secret_is_made_once_and_kept_private() {
        let dir = tempfile::tempdir().unwrap();
        let a = load_or_create_text(dir.path(), "k.asc", || Ok("one".into())).unwrap();
        let b = load_or_create_text(dir.path(), "k.asc", || Ok("two".into())).unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("one", "one"));
        let path = dir.path().join("k.asc");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(load_or_create_text(dir.path(), "k.asc", || Ok("x".into())).is_err());
    }

    #[test]
    fn reading_a_key_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = dir.path().join("data").join("secrets");
        assert_eq!(load_key(&secrets, "log-signing.key").unwrap(), None);
        assert!(!dir.path().join("data").exists());
        let e = SeededEntropy::new(5);
        let made = load_or_create_key(&secrets, "log-signing.key", &e).unwrap();
        assert_eq!(load_key(&secrets, "log-signing.key").unwrap(), Some(made));
    }

    #[test]
    fn a_readable_secret_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let e = SeededEntropy::new(5);
        load_or_create_key(dir.path(), "csrf.key", &e).unwrap();
        let path = dir.path().join("csrf.key");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let err = load_or_create_key(dir.path(), "csrf.key", &e)
            .unwrap_err()
            .to_string();
        assert!(err.contains("chmod 600"), "{err}");
    }
}
