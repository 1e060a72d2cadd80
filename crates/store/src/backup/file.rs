//! A backup as a file: the format, compressed (deflate, in gzip's frame),
//! optionally encrypted to an age recipient; written to a temporary file
//! (mode 0600) and renamed into place, so a file under the final name is
//! always whole.

use super::format::{read_error, FormatReader, Header};
use super::{BackupError, BackupStore, RestoreReport, SecretFile};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The first bytes of an age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";

/// An age recipient (`age1…`) to encrypt backups to.
#[derive(Clone)]
pub struct AgeRecipient(age::x25519::Recipient);

impl std::fmt::Debug for AgeRecipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AgeRecipient({})", self.0)
    }
}

impl FromStr for AgeRecipient {
    type Err = BackupError;
    fn from_str(s: &str) -> Result<Self, BackupError> {
        age::x25519::Recipient::from_str(s.trim())
            .map(AgeRecipient)
            .map_err(|e| BackupError::Age(format!("{s:?}: {e}")))
    }
}

/// The identities of an age identity file (`AGE-SECRET-KEY-1…` lines).
pub struct AgeIdentities(Vec<Box<dyn age::Identity + Send + Sync>>);

impl std::fmt::Debug for AgeIdentities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AgeIdentities({} keys)", self.0.len())
    }
}

impl AgeIdentities {
    pub fn from_file(path: &Path) -> Result<Self, BackupError> {
        let file = File::open(path)?;
        let ids = age::IdentityFile::from_buffer(BufReader::new(file))
            .map_err(|e| BackupError::Age(format!("{}: {e}", path.display())))?
            .into_identities()
            .map_err(|e| BackupError::Age(format!("{}: {e}", path.display())))?;
        Ok(AgeIdentities(ids))
    }

    /// From the text of an identity file.
    pub fn from_text(text: &str) -> Result<Self, BackupError> {
        let ids = age::IdentityFile::from_buffer(text.as_bytes())
            .map_err(|e| BackupError::Age(e.to_string()))?
            .into_identities()
            .map_err(|e| BackupError::Age(e.to_string()))?;
        Ok(AgeIdentities(ids))
    }
}

/// How to write a backup.
#[derive(Debug, Default)]
pub struct BackupOptions {
    pub age_recipient: Option<AgeRecipient>,
    /// Files of the secrets folder to carry (only when asked).
    pub secrets: Vec<SecretFile>,
    /// Unix seconds, for the header.
    pub created_at: i64,
}

/// The temporary name beside `path`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".into());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Writes a backup of `store` to `path` (replacing it only once whole).
pub async fn write_backup<S: BackupStore + Sync + ?Sized>(
    store: &S,
    path: &Path,
    options: &BackupOptions,
) -> Result<Header, BackupError> {
    let tmp = temp_path(path);
    let result = write_to(store, &tmp, options).await;
    match result {
        Ok(header) => {
            std::fs::rename(&tmp, path)?;
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                // The rename itself survives a crash once the folder is synced.
                File::open(dir)?.sync_all()?;
            }
            Ok(header)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

async fn write_to<S: BackupStore + Sync + ?Sized>(
    store: &S,
    tmp: &Path,
    options: &BackupOptions,
) -> Result<Header, BackupError> {
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(tmp)?;
    let out = BufWriter::with_capacity(1 << 20, file);
    let (header, out) = match &options.age_recipient {
        None => {
            let mut gz = GzEncoder::new(out, Compression::fast());
            let header = store
                .dump(&mut gz, options.created_at, &options.secrets)
                .await?;
            (header, gz.finish()?)
        }
        Some(recipient) => {
            let encryptor = age::Encryptor::with_recipients(std::iter::once(
                &recipient.0 as &dyn age::Recipient,
            ))
            .map_err(|e| BackupError::Age(e.to_string()))?;
            let sealed = encryptor.wrap_output(out)?;
            let mut gz = GzEncoder::new(sealed, Compression::fast());
            let header = store
                .dump(&mut gz, options.created_at, &options.secrets)
                .await?;
            (header, gz.finish()?.finish()?)
        }
    };
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(header)
}

/// The decompressed (and decrypted) content of the backup at `path`.
fn open_content(
    path: &Path,
    identities: Option<&AgeIdentities>,
) -> Result<Box<dyn Read + Send>, BackupError> {
    let mut input = BufReader::with_capacity(1 << 20, File::open(path)?);
    let encrypted = input.fill_buf()?.starts_with(AGE_MAGIC);
    if !encrypted {
        return Ok(Box::new(GzDecoder::new(input)));
    }
    let ids = identities.ok_or(BackupError::Encrypted)?;
    let decryptor = age::Decryptor::new_buffered(input).map_err(|e| match e {
        age::DecryptError::Io(io) => read_error(io),
        other => BackupError::Corrupt(other.to_string()),
    })?;
    let plain = decryptor
        .decrypt(ids.0.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => BackupError::Decrypt(
                "the age identity given is not one the backup was encrypted to".into(),
            ),
            age::DecryptError::Io(io) => read_error(io),
            other => BackupError::Decrypt(other.to_string()),
        })?;
    Ok(Box::new(GzDecoder::new(plain)))
}

/// A backup read through and found whole: its header and secret files.
#[derive(Debug)]
pub struct Verified {
    pub header: Header,
    pub secrets: Vec<SecretFile>,
}

/// Reads the whole backup at `path`, checking it (format, every row
/// against the header, the checksum), without writing anything.
pub fn read_backup(
    path: &Path,
    identities: Option<&AgeIdentities>,
) -> Result<Verified, BackupError> {
    let (mut reader, header) = FormatReader::start(open_content(path, identities)?)?;
    for table in &header.tables {
        let types = table.types();
        for _ in 0..table.rows {
            reader.row(&types)?;
        }
    }
    let mut secrets = Vec::with_capacity(header.secrets.len());
    for s in &header.secrets {
        secrets.push(SecretFile {
            name: s.name.clone(),
            bytes: reader.secret(s.size)?,
        });
    }
    reader.finish()?;
    Ok(Verified { header, secrets })
}

/// Restores the backup at `path`, already read through by [`read_backup`]
/// (`verified`), into the empty database at `url`, in one transaction.
pub async fn restore_file(
    url: &str,
    path: &Path,
    identities: Option<&AgeIdentities>,
    verified: &Verified,
) -> Result<RestoreReport, BackupError> {
    let known = super::known_schema_version(url)?;
    if verified.header.schema_version > known {
        return Err(BackupError::NewerSchema {
            backup: verified.header.schema_version,
            known,
        });
    }
    super::restore(url, open_content(path, identities)?).await
}
