//! `pocdir pack verify FILE`: opens an offline crisis pack without the
//! portal's help beyond its public key, checks that the instance's key
//! signed it and that it is still valid, and says what it holds. The rules
//! are the domain's (`directory::crisis_pack`); here, only files and the
//! one optional fetch of the public key.

use anyhow::{bail, Context, Result};
use pocdir_domain::directory::crisis_pack::{self as pack, OpenedPack, Opening, PackError};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// Where the instance's public key comes from.
pub enum KeySource {
    File(PathBuf),
    /// The instance's address: the key is fetched from its well-known URL.
    Url(String),
}

/// How the pack is decrypted.
pub enum Secret {
    /// The holder's OpenPGP secret key and the file holding its passphrase.
    Key {
        key: PathBuf,
        passphrase: Option<PathBuf>,
    },
    /// The file holding the passphrase chosen at download.
    Passphrase(PathBuf),
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// A passphrase file's first line, without its line end.
fn read_passphrase(path: &Path) -> Result<String> {
    let text = read_text(path)?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}

async fn instance_key(source: &KeySource) -> Result<String> {
    match source {
        KeySource::File(path) => read_text(path),
        KeySource::Url(url) => {
            let http = reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()?;
            let url = format!(
                "{}/.well-known/pocdir-pack-key.asc",
                url.trim_end_matches('/')
            );
            let response = http
                .get(&url)
                .send()
                .await
                .with_context(|| format!("cannot fetch {url}"))?;
            if !response.status().is_success() {
                bail!("{url} answered {}", response.status());
            }
            Ok(response.text().await?)
        }
    }
}

/// `Ok(Ok(pack))`: valid at `at`; `Ok(Err(why))`: refused, naming what
/// failed; `Err`: could not be checked (a file missing, no key).
pub async fn verify(
    file: &Path,
    key: &KeySource,
    secret: &Secret,
    at: OffsetDateTime,
) -> Result<std::result::Result<OpenedPack, PackError>> {
    let sealed = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let armored = instance_key(key).await?;
    let instance = pack::parse_instance_key(&armored)
        .map_err(|_| anyhow::anyhow!("the instance key given is not an OpenPGP public key"))?;
    Ok(match secret {
        Secret::Key { key, passphrase } => {
            let bytes =
                std::fs::read(key).with_context(|| format!("cannot read {}", key.display()))?;
            let secret_key = pack::parse_secret_key(&bytes)
                .map_err(|_| anyhow::anyhow!("{} is not an OpenPGP secret key", key.display()))?;
            let pw = match passphrase {
                Some(p) => read_passphrase(p)?,
                None => String::new(),
            };
            pack::open(&sealed, Opening::SecretKey(&secret_key, &pw), &instance, at)
        }
        Secret::Passphrase(p) => {
            let pw = read_passphrase(p)?;
            pack::open(&sealed, Opening::Passphrase(&pw), &instance, at)
        }
    })
}

/// The pack's age for people: days and hours.
pub fn age_text(age: time::Duration) -> String {
    let hours = age.whole_hours();
    format!("{} days {} hours", hours / 24, hours % 24)
}

/// What `verify` prints for a valid pack.
pub fn describe(opened: &OpenedPack, at: OffsetDateTime) -> Vec<String> {
    let m = &opened.manifest;
    vec![
        format!("valid: crisis pack for {} from {}", m.holder, m.instance),
        format!("issued at:   {}", pack::format_utc(m.issued_at)),
        format!("age:         {}", age_text(m.age(at))),
        format!("valid until: {}", pack::format_utc(m.valid_until)),
        format!("holder:      {} (account {})", m.holder, m.holder_account),
        format!("entries:     {}", m.entries),
        format!("serial:      {}", m.serial),
        format!("signed by:   {}", pack::grouped(&m.signing_key)),
    ]
}

/// Writes the HTML and the CSV of a valid pack into `dir`.
pub fn write_out(opened: &OpenedPack, dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let serial = opened.manifest.serial;
    let html = dir.join(format!("pocdir-crisis-pack-{serial}.html"));
    crate::secrets::write_private_file(&html, opened.html.as_bytes())?;
    let mut written = vec![html];
    if let Some(csv) = pack::csv_of(&opened.html) {
        let path = dir.join(format!("pocdir-crisis-pack-{serial}.csv"));
        crate::secrets::write_private_file(&path, &csv)?;
        written.push(path);
    }
    Ok(written)
}
