//! The offline crisis pack: a snapshot of the directory entries one account
//! may see, for when the portal is down or a State is cut off.
//!
//! What a pack is (its manifest: holder, issue time, validity, serial), how
//! it renders (one self-contained HTML file that carries the CSV inside it),
//! and how it is sealed and opened (OpenPGP: signed by the instance's key,
//! encrypted to the holder's key or to a passphrase). Plain Rust, no I/O:
//! time and randomness are parameters.
//!
//! Why one HTML file rather than two files or an archive: `gpg --decrypt`
//! writes out exactly one literal data packet, so a pack that is one signed
//! and encrypted message whose literal data is the HTML opens with `gpg`
//! alone, and any browser shows it. The CSV travels inside it as a download
//! link (a `data:` URL, which needs no network); the manifest is a JSON data block that `pocdir pack verify`
//! reads back. Nothing in the file loads anything from outside.

use super::exchange::{to_csv, ExportEntry, ExportError, TLP_LABEL};
use super::poc::PocRole;
use crate::entropy::{random_bytes, Entropy};
use base64::Engine as _;
use pgp::composed::{
    ArmorOptions, Deserializable, KeyType, Message, MessageBuilder, SecretKeyParamsBuilder,
    SignedPublicKey, SignedSecretKey,
};
use pgp::crypto::hash::HashAlgorithm;
use pgp::crypto::sym::SymmetricKeyAlgorithm;
use pgp::types::{KeyDetails, Password, StringToKey, Timestamp};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// How long a pack may be relied on after it is issued.
pub const VALID_DAYS: i64 = 30;

/// The format of the manifest, so that a later change can be told apart.
pub const FORMAT: &str = "pocdir-crisis-pack/1";

/// The name of the file inside the OpenPGP message (what `gpg` may write).
pub const INNER_FILE_NAME: &str = "pocdir-crisis-pack.html";

/// The shortest passphrase a pack without a key may be encrypted to.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

const MANIFEST_ID: &str = "pocdir-pack-manifest";
const CSV_ID: &str = "pocdir-pack-csv";
const CSV_URL: &str = "data:text/csv;charset=utf-8;base64,";

/// What a pack says about itself: who it is for, when it was made, until
/// when it may be relied on, and which of two packs is the newer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackManifest {
    pub format: String,
    /// The instance's address, for people to know where it came from.
    pub instance: String,
    /// The account the pack was made for, and its e-mail.
    pub holder_account: i64,
    pub holder: String,
    /// The issue time in milliseconds since 1970: of two packs for one
    /// holder, the one with the larger serial supersedes the other.
    pub serial: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub issued_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub valid_until: OffsetDateTime,
    pub entries: usize,
    /// The fingerprint of the key that signs packs.
    pub signing_key: String,
    pub tlp: String,
}

impl PackManifest {
    pub fn new(
        instance: &str,
        holder_account: i64,
        holder: &str,
        entries: usize,
        signing_key: &str,
        now: OffsetDateTime,
    ) -> PackManifest {
        let serial = i64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX);
        PackManifest {
            format: FORMAT.to_string(),
            instance: instance.to_string(),
            holder_account,
            holder: holder.to_string(),
            serial,
            issued_at: now,
            valid_until: now + Duration::days(VALID_DAYS),
            entries,
            signing_key: signing_key.to_string(),
            tlp: TLP_LABEL.to_string(),
        }
    }

    /// How old the pack is at `now` (never negative).
    pub fn age(&self, now: OffsetDateTime) -> Duration {
        (now - self.issued_at).max(Duration::ZERO)
    }

    /// Whether the pack may still be relied on at `now`.
    pub fn check(&self, now: OffsetDateTime) -> Result<(), PackError> {
        if now >= self.valid_until {
            return Err(PackError::Expired {
                valid_until: self.valid_until,
            });
        }
        if self.issued_at > now + Duration::minutes(5) {
            return Err(PackError::FromTheFuture {
                issued_at: self.issued_at,
            });
        }
        Ok(())
    }

    /// Whether this pack supersedes `other` (same holder, newer).
    pub fn supersedes(&self, other: &PackManifest) -> bool {
        self.holder_account == other.holder_account && self.serial > other.serial
    }
}

/// Why a pack could not be made or cannot be relied on. The messages name
/// what failed, for the command line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("not an OpenPGP message this tool can read")]
    Unreadable,
    #[error("cannot decrypt the pack: wrong passphrase or key, or not encrypted to it")]
    CannotDecrypt,
    #[error(
        "the pack has been altered: its content does not match its integrity check or signature"
    )]
    Tampered,
    #[error("the pack is not signed")]
    NotSigned,
    #[error("the pack is signed by another key ({found}), not by the instance's key ({expected})")]
    SignedByAnotherKey { found: String, expected: String },
    #[error("the pack holds no manifest: not a pocdir crisis pack")]
    NoManifest,
    #[error("the pack expired at {valid_until}")]
    Expired { valid_until: OffsetDateTime },
    #[error("the pack claims to be issued in the future ({issued_at}): check the clock")]
    FromTheFuture { issued_at: OffsetDateTime },
    #[error("the passphrase must have at least {MIN_PASSPHRASE_CHARS} characters")]
    PassphraseTooShort,
    #[error("the holder's OpenPGP key cannot be used")]
    UnusableKey,
    #[error("the instance's signing key cannot be read")]
    BadSigningKey,
    #[error("cannot render the pack: {0}")]
    Render(String),
    #[error("OpenPGP failed")]
    Failed,
}

impl From<ExportError> for PackError {
    fn from(e: ExportError) -> Self {
        PackError::Render(e.to_string())
    }
}

/// The instance's key that signs packs: an Ed25519 key that `gpg` reads.
#[derive(Debug, Clone)]
pub struct PackSigningKey {
    secret: SignedSecretKey,
}

impl PackSigningKey {
    /// A new key, made at `now` with randomness from `entropy`; `user_id`
    /// names the instance (e.g. `pocdir crisis packs <https://…>`).
    pub fn generate(
        user_id: &str,
        now: OffsetDateTime,
        entropy: &dyn Entropy,
    ) -> Result<PackSigningKey, PackError> {
        let created = u32::try_from(now.unix_timestamp()).map_err(|_| PackError::Failed)?;
        let mut params = SecretKeyParamsBuilder::default();
        params
            .key_type(KeyType::Ed25519Legacy)
            .can_certify(true)
            .can_sign(true)
            .created_at(Timestamp::from_secs(created))
            .primary_user_id(user_id.to_string());
        let params = params.build().map_err(|_| PackError::Failed)?;
        let rng = ChaCha20Rng::from_seed(random_bytes::<32>(entropy));
        let secret = params.generate(rng).map_err(|_| PackError::Failed)?;
        Ok(PackSigningKey { secret })
    }

    /// Reads a key written by [`PackSigningKey::to_armored`].
    pub fn from_armored(armored: &str) -> Result<PackSigningKey, PackError> {
        let (secret, _) =
            SignedSecretKey::from_string(armored).map_err(|_| PackError::BadSigningKey)?;
        Ok(PackSigningKey { secret })
    }

    /// The secret key, armored: what the secrets folder keeps.
    pub fn to_armored(&self) -> Result<String, PackError> {
        self.secret
            .to_armored_string(ArmorOptions::default())
            .map_err(|_| PackError::Failed)
    }

    /// The public key, armored: what the instance publishes.
    pub fn public_armored(&self) -> Result<String, PackError> {
        SignedPublicKey::from(self.secret.clone())
            .to_armored_string(ArmorOptions::default())
            .map_err(|_| PackError::Failed)
    }

    /// Upper-case hexadecimal, no spaces.
    pub fn fingerprint(&self) -> String {
        format!("{:X}", self.secret.fingerprint())
    }
}

/// Reads the instance's public key (from the well-known URL or a file).
pub fn parse_instance_key(armored: &str) -> Result<SignedPublicKey, PackError> {
    let (key, _) = SignedPublicKey::from_string(armored).map_err(|_| PackError::BadSigningKey)?;
    Ok(key)
}

/// The fingerprint in groups of four, as people compare them aloud.
pub fn grouped(fingerprint: &str) -> String {
    fingerprint
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// To whom a pack is encrypted.
pub enum Recipient<'a> {
    /// The holder's OpenPGP key, checked at the issue time.
    Key(&'a super::openpgp::OpenPgpKey),
    /// A passphrase the holder chose at download.
    Passphrase(&'a str),
}

/// Checks a passphrase chosen at download.
pub fn check_passphrase(passphrase: &str) -> Result<(), PackError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(PackError::PassphraseTooShort);
    }
    Ok(())
}

/// The words of the HTML file, in the holder's language (the web looks
/// them up in Fluent; the domain knows no language).
#[derive(Debug, Clone, Default)]
pub struct PackText {
    /// BCP 47 tag, e.g. `ar`.
    pub lang: String,
    pub right_to_left: bool,
    pub title: String,
    /// e.g. "Issued on {date}"; the values are filled in here.
    pub issued: String,
    pub valid_until: String,
    pub holder: String,
    pub entries: String,
    pub serial: String,
    pub signing_key: String,
    /// What to do with the pack: keep it safe, a newer one supersedes it.
    pub explanation: String,
    /// Shown (by a line of script) once the validity has passed.
    pub expired: String,
    /// "This pack is {days} days old", `{days}` filled in by the script.
    pub age: String,
    pub download_csv: String,
    pub role_diplomatic: String,
    pub role_technical: String,
    /// Column headings: State, role, name, title, organisation, e-mail,
    /// telephone, secure channels, languages, time zone, hours, OpenPGP key.
    pub columns: [String; 12],
}

/// Text and attribute values in the HTML file: `&`, `<`, `>`, quotes.
fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// JSON inside `<script type="application/json">`: no `<` can end the block.
fn json_block(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The date and time people read, in UTC.
pub fn format_utc(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:1rem;color:#111}\
.age{border:3px solid #b45309;background:#fef3c7;padding:1rem;margin-block-end:1rem}\
.age strong{font-size:1.5rem;display:block}\
.age.expired{border-color:#b91c1c;background:#fee2e2}\
.tlp{background:#000;color:#ffc000;font-weight:bold;padding:.2rem .5rem;display:inline-block}\
table{border-collapse:collapse;width:100%;font-size:.9rem}\
th,td{border:1px solid #999;padding:.3rem;text-align:start;vertical-align:top}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dd{margin:0}\
@media print{.age{border-width:2px}}";

/// The pack as one self-contained HTML file: inline style, the CSV and the
/// manifest as data blocks, one short inline script that shows the age at
/// the time it is opened (the static text says the issue date regardless).
pub fn render_html(
    manifest: &PackManifest,
    entries: &[ExportEntry],
    text: &PackText,
) -> Result<String, PackError> {
    let csv = to_csv(entries)?;
    let csv_b64 = base64::engine::general_purpose::STANDARD.encode(&csv);
    let manifest_json =
        serde_json::to_string(manifest).map_err(|e| PackError::Render(e.to_string()))?;
    let issued_ms = manifest.serial;
    let until_ms =
        i64::try_from(manifest.valid_until.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX);
    let dir = if text.right_to_left { "rtl" } else { "ltr" };
    let e = escape;
    let mut h = String::with_capacity(4096 + entries.len() * 512);
    h.push_str("<!DOCTYPE html>\n");
    h.push_str(&format!(
        "<html lang=\"{}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{} — {}</title><style>{STYLE}</style></head><body>\n",
        e(&text.lang),
        e(&text.title),
        e(&format_utc(manifest.issued_at))
    ));
    h.push_str(&format!(
        "<p class=\"tlp\">{}</p>\n<h1>{}</h1>\n",
        e(TLP_LABEL),
        e(&text.title)
    ));
    h.push_str(&format!(
        "<div class=\"age\" id=\"age\" data-issued=\"{issued_ms}\" data-until=\"{until_ms}\">\
<strong>{}</strong><strong>{}</strong><span id=\"age-now\" data-text=\"{}\" data-expired=\"{}\"></span></div>\n",
        e(&text.issued.replace("{date}", &format_utc(manifest.issued_at))),
        e(&text.valid_until.replace("{date}", &format_utc(manifest.valid_until))),
        e(&text.age),
        e(&text.expired),
    ));
    h.push_str(&format!("<p>{}</p>\n<dl>", e(&text.explanation)));
    for (label, value) in [
        (&text.holder, manifest.holder.clone()),
        (&text.entries, manifest.entries.to_string()),
        (&text.serial, manifest.serial.to_string()),
        (&text.signing_key, grouped(&manifest.signing_key)),
    ] {
        h.push_str(&format!("<dt>{}</dt><dd>{}</dd>", e(label), e(&value)));
    }
    h.push_str("</dl>\n");
    h.push_str(&format!(
        "<p><a id=\"{CSV_ID}\" download=\"pocdir-crisis-pack-{}.csv\" href=\"{CSV_URL}{csv_b64}\">{}</a></p>\n",
        manifest.serial,
        e(&text.download_csv)
    ));
    h.push_str("<table><thead><tr>");
    for c in &text.columns {
        h.push_str(&format!("<th scope=\"col\">{}</th>", e(c)));
    }
    h.push_str("</tr></thead><tbody>\n");
    for entry in entries {
        let d = &entry.details;
        let role = match d.role {
            PocRole::Diplomatic => &text.role_diplomatic,
            PocRole::Technical => &text.role_technical,
        };
        let phones: Vec<String> = d
            .phones
            .iter()
            .map(|(n, _)| super::phone::grouped(n))
            .collect();
        let key = d
            .openpgp
            .as_ref()
            .map(|k| grouped(&k.fingerprint))
            .unwrap_or_default();
        let cells = [
            format!("{} ({})", entry.participant_name, entry.participant),
            role.clone(),
            d.name.clone(),
            d.title.clone(),
            d.organisation.clone(),
            d.emails.join("\n"),
            phones.join("\n"),
            d.secure_channels.join("\n"),
            d.languages.join(", "),
            d.time_zone.clone(),
            d.hours.clone(),
            key,
        ];
        h.push_str("<tr>");
        for c in cells {
            h.push_str(&format!("<td>{}</td>", e(&c).replace('\n', "<br>")));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
    h.push_str(&format!(
        "<script type=\"application/json\" id=\"{MANIFEST_ID}\">{}</script>\n",
        json_block(&manifest_json)
    ));
    // The age at the time the file is opened: the one thing a static file
    // cannot say by itself. Without script the dates above still stand.
    h.push_str(
        "<script>(function(){var a=document.getElementById('age'),n=document.getElementById('age-now');\
var now=Date.now(),d=Math.floor((now-Number(a.dataset.issued))/86400000);\
n.textContent=' '+n.dataset.text.replace('{days}',String(Math.max(d,0)));\
if(now>=Number(a.dataset.until)){a.className='age expired';n.textContent+=' '+n.dataset.expired;}})();</script>\n",
    );
    h.push_str("</body></html>\n");
    Ok(h)
}

/// Reads the manifest back out of a pack's HTML.
pub fn manifest_of(html: &str) -> Result<PackManifest, PackError> {
    let open = format!("<script type=\"application/json\" id=\"{MANIFEST_ID}\">");
    let start = html.find(&open).ok_or(PackError::NoManifest)? + open.len();
    let rest = html.get(start..).ok_or(PackError::NoManifest)?;
    let end = rest.find("</script>").ok_or(PackError::NoManifest)?;
    let json = rest.get(..end).ok_or(PackError::NoManifest)?;
    let manifest: PackManifest = serde_json::from_str(json).map_err(|_| PackError::NoManifest)?;
    if manifest.format != FORMAT {
        return Err(PackError::NoManifest);
    }
    Ok(manifest)
}

/// Reads the CSV back out of a pack's HTML (from its download link).
pub fn csv_of(html: &str) -> Option<Vec<u8>> {
    let open = format!("id=\"{CSV_ID}\"");
    let at = html.find(&open)?;
    let rest = html.get(at..)?;
    let start = rest.find(CSV_URL)? + CSV_URL.len();
    let rest = rest.get(start..)?;
    let end = rest.find('"')?;
    base64::engine::general_purpose::STANDARD
        .decode(rest.get(..end)?)
        .ok()
}

/// Signs `html` with the instance's key and encrypts it to `to`: an
/// ASCII-armored OpenPGP message (SEIPD v1, AES-256: what every `gpg` in
/// use reads; a passphrase through iterated and salted S2K, which `gpg`
/// has always read, unlike Argon2).
pub fn seal(
    html: &str,
    key: &PackSigningKey,
    to: Recipient<'_>,
    now: OffsetDateTime,
    entropy: &dyn Entropy,
) -> Result<String, PackError> {
    let mut rng = ChaCha20Rng::from_seed(random_bytes::<32>(entropy));
    let mut builder = MessageBuilder::from_bytes(INNER_FILE_NAME, html.as_bytes().to_vec())
        .seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
    builder.sign(
        &key.secret.primary_key,
        Password::empty(),
        HashAlgorithm::Sha256,
    );
    match to {
        Recipient::Key(holder) => {
            let (parsed, _) = SignedPublicKey::from_string(&holder.armored)
                .map_err(|_| PackError::UnusableKey)?;
            // Reuse the checks of mail encryption: the usable components at `now`.
            super::openpgp::check_usable(&parsed, now).map_err(|_| PackError::UnusableKey)?;
            let subkeys = super::openpgp::encryption_subkeys(&parsed, now);
            if subkeys.is_empty() {
                builder
                    .encrypt_to_key(&mut rng, &parsed.primary_key)
                    .map_err(|_| PackError::UnusableKey)?;
            } else {
                for sub in subkeys {
                    builder
                        .encrypt_to_key(&mut rng, &sub.key)
                        .map_err(|_| PackError::UnusableKey)?;
                }
            }
        }
        Recipient::Passphrase(p) => {
            check_passphrase(p)?;
            let s2k = StringToKey::new_iterated(&mut rng, HashAlgorithm::Sha256, 224);
            builder
                .encrypt_with_password(s2k, &p.into())
                .map_err(|_| PackError::Failed)?;
        }
    }
    builder
        .to_armored_string(&mut rng, ArmorOptions::default())
        .map_err(|_| PackError::Failed)
}

/// How the holder opens a pack.
pub enum Opening<'a> {
    /// The holder's secret key and its passphrase.
    SecretKey(&'a SignedSecretKey, &'a str),
    Passphrase(&'a str),
}

/// Reads a holder's secret key (armored or binary) for [`Opening::SecretKey`].
pub fn parse_secret_key(bytes: &[u8]) -> Result<SignedSecretKey, PackError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok((k, _)) = SignedSecretKey::from_string(text) {
            return Ok(k);
        }
    }
    SignedSecretKey::from_bytes(bytes).map_err(|_| PackError::UnusableKey)
}

/// A pack opened and checked: its manifest and its HTML.
#[derive(Debug, Clone)]
pub struct OpenedPack {
    pub manifest: PackManifest,
    pub html: String,
}

/// Decrypts a pack, checks that the instance's key signed it and that it
/// is still valid at `now`; each refusal names what failed.
/// The first line of an armored OpenPGP message.
const ARMOR_BEGIN: &str = "-----BEGIN PGP MESSAGE-----";

pub fn open(
    sealed: &[u8],
    opening: Opening<'_>,
    instance_key: &SignedPublicKey,
    now: OffsetDateTime,
) -> Result<OpenedPack, PackError> {
    // A mailed pack comes with the mail's text above the armor: whatever
    // precedes the armor's first line is not part of the message.
    let message = match std::str::from_utf8(sealed)
        .ok()
        .and_then(|text| text.find(ARMOR_BEGIN).map(|at| &text[at..]))
    {
        Some(armored) => Message::from_string(armored).map(|(m, _)| m),
        None => Message::from_bytes(sealed),
    }
    .map_err(|_| PackError::Unreadable)?;
    if !message.is_encrypted() {
        return Err(PackError::Unreadable);
    }
    let mut message = match opening {
        Opening::SecretKey(key, pw) => message.decrypt(&pw.into(), key),
        Opening::Passphrase(pw) => message.decrypt_with_password(&pw.into()),
    }
    .map_err(|_| PackError::CannotDecrypt)?;
    if message.is_compressed() {
        message = message.decompress().map_err(|_| PackError::Tampered)?;
    }
    // Reading to the end checks the integrity (MDC) and hashes for the signature.
    let data = message.as_data_vec().map_err(|_| PackError::Tampered)?;
    if !message.is_signed() {
        return Err(PackError::NotSigned);
    }
    let expected = format!("{:X}", instance_key.fingerprint());
    if message.verify(&instance_key.primary_key).is_err() {
        let found = signer_of(&message).unwrap_or_default();
        if !found.is_empty() && found != expected {
            return Err(PackError::SignedByAnotherKey { found, expected });
        }
        return Err(PackError::Tampered);
    }
    let html = String::from_utf8(data).map_err(|_| PackError::Tampered)?;
    let manifest = manifest_of(&html)?;
    manifest.check(now)?;
    Ok(OpenedPack { manifest, html })
}

/// Who says they signed: the issuer fingerprint (or key id) of the first signature.
fn signer_of(message: &Message<'_>) -> Option<String> {
    let Message::Signed { reader, .. } = message else {
        return None;
    };
    let sig = reader.signature(0)?;
    if let Some(fp) = sig.issuer_fingerprint().first() {
        return Some(format!("{fp:X}"));
    }
    sig.issuer_key_id()
        .first()
        .map(|id| hex::encode_upper(id.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::poc::PocDetails;
    use crate::entropy::SeededEntropy;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-12-03 10:00 UTC);

    fn entry(id: i64, name: &str) -> ExportEntry {
        ExportEntry {
            id,
            participant: "FRA".into(),
            participant_name: "France".into(),
            details: PocDetails {
                role: PocRole::Technical,
                name: name.into(),
                title: String::new(),
                organisation: "CERT-FR".into(),
                emails: vec!["cert@example.fr".into()],
                phones: vec![],
                secure_channels: vec![],
                languages: vec!["fr".into()],
                time_zone: "Europe/Paris".into(),
                hours: String::new(),
                availability: crate::directory::poc::Availability::ALWAYS,
                notes: String::new(),
                openpgp: None,
            },
        }
    }

    fn text() -> PackText {
        PackText {
            lang: "ar".into(),
            right_to_left: true,
            title: "Crisis pack".into(),
            issued: "Issued on {date}".into(),
            valid_until: "Valid until {date}".into(),
            age: "{days} days old".into(),
            ..PackText::default()
        }
    }

    fn pack(key: &PackSigningKey, entries: &[ExportEntry]) -> (PackManifest, String) {
        let m = PackManifest::new(
            "https://pocdir.example",
            7,
            "poc@example.fr",
            entries.len(),
            &key.fingerprint(),
            NOW,
        );
        let html = render_html(&m, entries, &text()).unwrap();
        (m, html)
    }

    #[test]
    fn the_html_is_self_contained_and_carries_its_manifest_and_csv() {
        let key = PackSigningKey::generate("pocdir test", NOW, &SeededEntropy::new(1)).unwrap();
        let (m, html) = pack(&key, &[entry(1, "<script>alert(1)</script>")]);
        assert!(html.contains("dir=\"rtl\""));
        assert!(html.contains("Issued on 2026-12-03 10:00 UTC"));
        assert!(html.contains("Valid until 2027-01-02 10:00 UTC"));
        assert!(!html.contains("<script>alert"), "names are escaped");
        assert!(
            !html.contains("http://") && !html.contains("src="),
            "nothing from outside"
        );
        assert_eq!(manifest_of(&html).unwrap(), m);
        let csv = String::from_utf8(csv_of(&html).unwrap()).unwrap();
        assert!(csv.contains("cert@example.fr"));
    }

    #[test]
    fn validity_and_supersession() {
        let m = PackManifest::new("x", 7, "h", 0, "F", NOW);
        assert!(m.check(NOW + Duration::days(29)).is_ok());
        assert!(matches!(
            m.check(NOW + Duration::days(VALID_DAYS)),
            Err(PackError::Expired { .. })
        ));
        assert_eq!(m.age(NOW + Duration::days(3)), Duration::days(3));
        let newer = PackManifest::new("x", 7, "h", 0, "F", NOW + Duration::seconds(1));
        assert!(newer.supersedes(&m));
        assert!(!m.supersedes(&newer));
        let other = PackManifest::new("x", 8, "h", 0, "F", NOW + Duration::days(1));
        assert!(
            !other.supersedes(&m),
            "another holder's pack supersedes nothing"
        );
    }

    #[test]
    fn sealed_to_a_passphrase_opens_and_refuses_what_fails() {
        let e = SeededEntropy::new(2);
        let key = PackSigningKey::generate("pocdir test", NOW, &e).unwrap();
        let public = parse_instance_key(&key.public_armored().unwrap()).unwrap();
        let (m, html) = pack(&key, &[entry(1, "Ada")]);
        let sealed = seal(
            &html,
            &key,
            Recipient::Passphrase("correct horse battery"),
            NOW,
            &e,
        )
        .unwrap();
        let opened = open(
            sealed.as_bytes(),
            Opening::Passphrase("correct horse battery"),
            &public,
            NOW + Duration::days(1),
        )
        .unwrap();
        assert_eq!(opened.manifest, m);

        let wrong = open(
            sealed.as_bytes(),
            Opening::Passphrase("wrong passphrase!"),
            &public,
            NOW,
        );
        assert_eq!(wrong.unwrap_err(), PackError::CannotDecrypt);

        let expired = open(
            sealed.as_bytes(),
            Opening::Passphrase("correct horse battery"),
            &public,
            NOW + Duration::days(31),
        );
        assert!(matches!(expired, Err(PackError::Expired { .. })));

        let other = PackSigningKey::generate("another", NOW, &e).unwrap();
        let other_public = parse_instance_key(&other.public_armored().unwrap()).unwrap();
        let by_other = open(
            sealed.as_bytes(),
            Opening::Passphrase("correct horse battery"),
            &other_public,
            NOW,
        );
        assert!(
            matches!(by_other, Err(PackError::SignedByAnotherKey { ref found, .. }) if *found == key.fingerprint()),
            "{by_other:?}"
        );

        assert_eq!(
            seal(&html, &key, Recipient::Passphrase("short"), NOW, &e).unwrap_err(),
            PackError::PassphraseTooShort
        );
    }

    #[test]
    fn sealed_to_the_holders_key_opens_with_its_secret_key() {
        let e = SeededEntropy::new(4);
        let key = PackSigningKey::generate("pocdir test", NOW, &e).unwrap();
        let public = parse_instance_key(&key.public_armored().unwrap()).unwrap();
        let holder = crate::directory::openpgp::parse_public_key(
            include_str!("../../tests/fixtures/openpgp/ed25519.asc"),
            NOW,
        )
        .unwrap();
        let secret =
            parse_secret_key(include_bytes!("../../tests/fixtures/openpgp/secret.asc")).unwrap();
        let (m, html) = pack(&key, &[entry(1, "Ada")]);
        let sealed = seal(&html, &key, Recipient::Key(&holder), NOW, &e).unwrap();
        let opened = open(
            sealed.as_bytes(),
            Opening::SecretKey(&secret, ""),
            &public,
            NOW,
        )
        .unwrap();
        assert_eq!(opened.manifest, m);
        // One byte changed inside the armor: refused, never read as valid.
        let mut bytes = sealed.into_bytes();
        let at = bytes.len() / 2;
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        assert!(open(&bytes, Opening::SecretKey(&secret, ""), &public, NOW).is_err());
    }

    #[test]
    fn a_signing_key_survives_its_file() {
        let key = PackSigningKey::generate("pocdir test", NOW, &SeededEntropy::new(3)).unwrap();
        let again = PackSigningKey::from_armored(&key.to_armored().unwrap()).unwrap();
        assert_eq!(again.fingerprint(), key.fingerprint());
        assert_eq!(key.fingerprint().len(), 40);
    }
}
