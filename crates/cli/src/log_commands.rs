//! `pocdir log …`: verify the whole log offline (database or export file),
//! export it, print the public key, sign a head, and monitor a server as a
//! participant would.

use anyhow::{anyhow, bail, Context, Result};
use ed25519_dalek::VerifyingKey;
use futures_util::StreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::{decode_public_key, encode_public_key, key_id, SignedTreeHead};
use pocdir_domain::log::merkle::{verify_consistency, Hash};
use pocdir_domain::log::rotation::{KeyRotation, KeySpans, RecordedRotation, Trust};
use pocdir_domain::log::verify::{Tamper, Verifier, VerifyReport};
use pocdir_store::{Store, StoredLogEntry};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

/// Entries read per database round trip.
const CHUNK: u64 = 20_000;
const CHUNK_STEP: usize = CHUNK as usize;
/// Chunks read at the same time by `verify_store`.
const READS_IN_FLIGHT: usize = 3;

/// Why a verification did not succeed.
#[derive(Debug)]
pub enum VerifyFailure {
    /// The log was tampered with.
    Tampered(Tamper),
    /// The check itself could not run (database unreachable, unreadable file…).
    Error(anyhow::Error),
}

impl From<anyhow::Error> for VerifyFailure {
    fn from(e: anyhow::Error) -> Self {
        VerifyFailure::Error(e)
    }
}

impl From<Tamper> for VerifyFailure {
    fn from(t: Tamper) -> Self {
        VerifyFailure::Tampered(t)
    }
}

fn progress(total: u64, show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} verifying {pos}/{len} entries [{bar:40}] {per_sec} eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// What the signed heads are checked against.
#[derive(Debug, Clone, Copy)]
pub enum HeadKeys {
    /// The key given with `--key` (the published one): every head must be
    /// signed by it, whatever keys the database records.
    Pinned(VerifyingKey),
    /// The keys the log records in its database.
    Recorded,
}

/// The keys the log records, each checked against its key id; a record
/// whose key is unreadable or does not match its id is left out (with a
/// warning), as a key nobody can rely on.
pub async fn recorded_keys(store: &dyn Store) -> Result<Vec<VerifyingKey>> {
    let rows = store
        .log_keys()
        .await
        .context("cannot read the log's public keys")?;
    let mut keys = Vec::with_capacity(rows.len());
    for row in rows {
        match decode_public_key(&row.public_key) {
            Ok(k) if key_id(&k) == row.key_id => keys.push(k),
            _ => tracing::warn!(
                key_id = %row.key_id,
                "a recorded log key does not match its key id: left out"
            ),
        }
    }
    Ok(keys)
}

/// Why there is no key to check the heads with.
const NO_KEY: &str = "cannot check the signed heads: the log records no public key \
     (its server has not started since keys began to be recorded). \
     Pass --key with the published key (GET /.well-known/pocdir-log-key, \
     or `pocdir log key` on the server)";

/// Verifies the log in the database: every entry, every kept signed head,
/// every key rotation. Only reads. The heads are read first, so that heads
/// signed while the check runs are not taken for entries removed.
///
/// Reading and checking overlap: this task reads the next chunk while a
/// blocking thread recomputes the leaves and the tree of the one before.
pub async fn verify_store(
    store: &dyn Store,
    keys: HeadKeys,
    show_progress: bool,
) -> Result<VerifyReport, VerifyFailure> {
    let heads = store.tree_heads().await.map_err(|e| anyhow!(e))?;
    let rotations = store
        .log_key_rotations()
        .await
        .context("cannot read the log's key rotations")?;
    let spans = match keys {
        HeadKeys::Pinned(key) => spans(&rotations, Some(&key), &[])?,
        HeadKeys::Recorded => {
            let recorded = recorded_keys(store).await?;
            if recorded.is_empty() && !heads.is_empty() {
                return Err(anyhow!(NO_KEY).into());
            }
            spans(&rotations, None, &recorded)?
        }
    };
    let verifier = Verifier::with_rotations(&rotations)?;
    let size = store.log_size().await.map_err(|e| anyhow!(e))?;
    let bar = progress(size, show_progress);

    let (chunks, mut received) = tokio::sync::mpsc::channel::<Vec<StoredLogEntry>>(2);
    let worker_bar = bar.clone();
    let worker = tokio::task::spawn_blocking(move || -> Result<Verifier, Tamper> {
        let mut verifier = verifier;
        while let Some(rows) = received.blocking_recv() {
            for row in &rows {
                verifier.push(&row.entry, &row.leaf_hash)?;
            }
            worker_bar.set_position(verifier.size());
        }
        Ok(verifier)
    });
    // Several chunks are read at once, each on its own connection (the
    // database decodes and sends one while the next is read here), and
    // handed on in order.
    let mut reads = futures_util::stream::iter((0..size).step_by(CHUNK_STEP))
        .map(|start| store.log_entries(start, start.saturating_add(CHUNK)))
        .buffered(READS_IN_FLIGHT);
    let mut read_error = None;
    while let Some(read) = reads.next().await {
        let rows = match read {
            Ok(rows) => rows,
            Err(e) => {
                read_error = Some(e);
                break;
            }
        };
        if rows.is_empty() {
            // Counted but not there: the worker's size tells the gap.
            break;
        }
        // A closed channel: the worker stopped at tampering; it says which.
        if chunks.send(rows).await.is_err() {
            break;
        }
    }
    drop(reads);
    drop(chunks);
    let verifier = worker
        .await
        .map_err(|e| anyhow!("the verification thread failed: {e}"))??;
    if let Some(e) = read_error {
        return Err(anyhow!(e).into());
    }
    bar.finish_and_clear();
    if verifier.size() < size {
        // The log counts more entries than it holds: some were removed.
        return Err(Tamper::Gap {
            expected: verifier.size(),
            found: size,
        }
        .into());
    }
    Ok(verifier.finish_with_spans(&heads, &spans)?)
}

/// One line of an export file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ExportLine {
    Key {
        algorithm: String,
        public_key: String,
    },
    Entry {
        #[serde(flatten)]
        entry: LogEntry,
        leaf_hash: String,
    },
    Rotation {
        log_index: u64,
        #[serde(flatten)]
        rotation: KeyRotation,
    },
    Head(SignedTreeHead),
}

/// The key spans for `rotations` under the given key, or the keys recorded.
fn spans(
    rotations: &[RecordedRotation],
    pinned: Option<&VerifyingKey>,
    recorded: &[VerifyingKey],
) -> Result<KeySpans, Tamper> {
    let trust = match pinned {
        Some(key) => Trust::Pinned(key),
        None => Trust::Recorded(recorded),
    };
    KeySpans::new(rotations, trust).map_err(|e| Tamper::BadRotation {
        index: e.index,
        reason: e.reason.to_string(),
    })
}

/// Writes the whole log (the keys it records, entries with their stored
/// leaf hashes, heads) as JSON lines. Reads the store only.
pub async fn export(store: &dyn Store, keys: &[VerifyingKey], out: &Path) -> Result<u64> {
    let file =
        std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut w = BufWriter::new(file);
    for key in keys {
        let line = ExportLine::Key {
            algorithm: "Ed25519".into(),
            public_key: encode_public_key(key),
        };
        writeln!(w, "{}", serde_json::to_string(&line)?)?;
    }
    for r in store.log_key_rotations().await? {
        let line = ExportLine::Rotation {
            log_index: r.index,
            rotation: r.rotation,
        };
        writeln!(w, "{}", serde_json::to_string(&line)?)?;
    }
    let size = store.log_size().await?;
    let mut start = 0;
    let mut written = 0;
    while start < size {
        for row in store.log_entries(start, start + CHUNK).await? {
            let line = ExportLine::Entry {
                entry: row.entry,
                leaf_hash: hex::encode(row.leaf_hash),
            };
            writeln!(w, "{}", serde_json::to_string(&line)?)?;
            written += 1;
        }
        start += CHUNK;
    }
    for head in store.tree_heads().await? {
        writeln!(w, "{}", serde_json::to_string(&ExportLine::Head(head))?)?;
    }
    w.flush()?;
    Ok(written)
}

pub(crate) fn parse_hash(s: &str) -> Option<Hash> {
    hex::decode(s)
        .ok()
        .and_then(|b| <Hash>::try_from(b.as_slice()).ok())
}

/// Verifies an export file. The key comes from `key` if given, else from
/// the file (any of the keys it holds).
pub fn verify_file(path: &Path, key: Option<&VerifyingKey>) -> Result<VerifyReport, VerifyFailure> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    // Made at the first entry, once the rotations (written before the entries) are known.
    let mut verifier: Option<Verifier> = None;
    let mut rotations = Vec::new();
    let mut heads = Vec::new();
    let mut file_keys = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: ExportLine = serde_json::from_str(&line)
            .with_context(|| format!("{} line {}: not a log export line", path.display(), n + 1))?;
        match parsed {
            ExportLine::Key { public_key, .. } => {
                file_keys.push(decode_public_key(&public_key).map_err(|e| anyhow!(e))?)
            }
            ExportLine::Rotation {
                log_index,
                rotation,
            } => {
                if verifier.is_some() {
                    return Err(anyhow!(
                        "{} line {}: a key rotation after the entries",
                        path.display(),
                        n + 1
                    )
                    .into());
                }
                rotations.push(RecordedRotation {
                    index: log_index,
                    rotation,
                });
            }
            ExportLine::Entry { entry, leaf_hash } => {
                let leaf =
                    parse_hash(&leaf_hash).ok_or(Tamper::EditedEntry { index: entry.index })?;
                let v = match &mut verifier {
                    Some(v) => v,
                    None => verifier.insert(Verifier::with_rotations(&rotations)?),
                };
                v.push(&entry, &leaf)?;
            }
            ExportLine::Head(h) => heads.push(h),
        }
    }
    heads.sort_by_key(|h| h.tree_size);
    if key.is_none() && file_keys.is_empty() && !heads.is_empty() {
        return Err(anyhow!(
            "cannot check the signed heads: the export holds no public key: pass --key"
        )
        .into());
    }
    let spans = spans(&rotations, key, &file_keys)?;
    let verifier = match verifier {
        Some(v) => v,
        None => Verifier::with_rotations(&rotations)?,
    };
    Ok(verifier.finish_with_spans(&heads, &spans)?)
}

pub fn describe_key(key: &VerifyingKey) -> String {
    format!("Ed25519 {}\nkey id {}", encode_public_key(key), key_id(key))
}

/// What a monitor remembers between runs.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct MonitorState {
    pub url: String,
    pub public_key: String,
    pub head: Option<SignedTreeHead>,
}

/// What a monitor run concluded.
#[derive(Debug, PartialEq, Eq)]
pub enum MonitorOutcome {
    /// First run: the key and head are now remembered.
    Started { tree_size: u64 },
    /// The log grew (or stayed) consistently.
    Consistent { from: u64, to: u64 },
    /// The log grew consistently and its key changed by rotations that the
    /// remembered key endorsed; the new key is remembered.
    KeyFollowed { from: u64, to: u64, key_id: String },
}

#[derive(Debug, thiserror::Error)]
pub enum MonitorAlarm {
    #[error("the log's public key changed (remembered {remembered}, served {served}): heads are signed by another key")]
    KeyChanged { remembered: String, served: String },
    #[error("the signed tree head does not verify with the log's key: it is forged")]
    BadSignature,
    #[error("the log shrank from {before} to {after} entries: history was rolled back")]
    Shrank { before: u64, after: u64 },
    #[error("the log forked: at size {size} it now has a different root than before")]
    Forked { size: u64 },
    #[error("the log at size {after} is not an extension of the log at size {before}: history was rewritten")]
    Rewritten { before: u64, after: u64 },
}

#[derive(Debug, Deserialize)]
struct KeyBody {
    public_key: String,
    /// Servers before key rotations send none.
    #[serde(default)]
    rotations: Vec<RotationBody>,
}

#[derive(Debug, Deserialize)]
struct RotationBody {
    #[serde(flatten)]
    rotation: KeyRotation,
}

/// Whether the served key follows from `remembered` through rotations,
/// each endorsed by the key before it.
fn follows_rotations(remembered: &str, served: &KeyBody) -> bool {
    let mut current = remembered.trim().to_string();
    for r in &served.rotations {
        let endorsed_by_current = matches!(
            r.rotation.endorser(),
            Ok(Some(k)) if encode_public_key(&k) == current
        );
        if endorsed_by_current && r.rotation.new_key().is_ok() {
            current = r.rotation.public_key.clone();
        }
    }
    current == served.public_key.trim()
}

#[derive(Debug, Deserialize)]
struct ConsistencyBody {
    proof: Vec<String>,
}

/// Fetches the signed head, checks it against what was seen before, and
/// stores the new head. `Err(Ok(alarm))` means tampering; `Err(Err(e))` an error.
pub async fn monitor(
    url: &str,
    state_file: &Path,
    pinned_key: Option<&str>,
) -> Result<std::result::Result<MonitorOutcome, MonitorAlarm>> {
    let base = url.trim_end_matches('/');
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()?;
    let previous: Option<MonitorState> = read_state(state_file, "monitor")?;
    let checked = match check_head(&http, base, previous.as_ref(), pinned_key).await? {
        Ok(checked) => checked,
        Err(alarm) => return Ok(Err(alarm)),
    };
    write_state(state_file, &checked.state)?;
    Ok(Ok(checked.outcome))
}

/// Reads a state file kept between runs (`what` names it in errors); none
/// on the first run.
pub(crate) fn read_state<T: serde::de::DeserializeOwned>(
    state_file: &Path,
    what: &str,
) -> Result<Option<T>> {
    match std::fs::read(state_file) {
        Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes).with_context(|| {
            format!("{} is not a {what} state file", state_file.display())
        })?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", state_file.display())),
    }
}

/// Writes a state file: write then rename, so a crash never leaves half a
/// state file.
pub(crate) fn write_state<T: Serialize>(state_file: &Path, state: &T) -> Result<()> {
    let tmp = state_file.with_extension("tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(state)?)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, state_file)
        .with_context(|| format!("cannot write {}", state_file.display()))?;
    Ok(())
}

/// A signed head a participant has checked: what to remember, and how it
/// relates to the head seen before.
pub(crate) struct CheckedHead {
    pub(crate) state: MonitorState,
    pub(crate) root: Hash,
    pub(crate) outcome: MonitorOutcome,
}

/// Fetches the log's key and signed head and checks them as a participant
/// does: the key is the pinned one, the remembered one or one they
/// endorsed; the head is signed by it and extends the head seen before.
pub(crate) async fn check_head(
    http: &reqwest::Client,
    base: &str,
    previous: Option<&MonitorState>,
    pinned_key: Option<&str>,
) -> Result<std::result::Result<CheckedHead, MonitorAlarm>> {
    let served: KeyBody = http
        .get(format!("{base}/.well-known/pocdir-log-key"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let remembered = pinned_key
        .map(str::to_string)
        .or_else(|| previous.map(|p| p.public_key.clone()))
        .unwrap_or_else(|| served.public_key.clone());
    let rotated = remembered.trim() != served.public_key.trim();
    if rotated && !follows_rotations(&remembered, &served) {
        return Ok(Err(MonitorAlarm::KeyChanged {
            remembered,
            served: served.public_key,
        }));
    }
    // From here on the served key is trusted: the remembered one, or one it endorsed.
    let remembered = served.public_key.trim().to_string();
    let key = decode_public_key(&remembered).map_err(|e| anyhow!("the log key: {e}"))?;
    let head: SignedTreeHead = http
        .get(format!("{base}/api/v1/log/head"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let Ok(root) = head.verify(&key) else {
        return Ok(Err(MonitorAlarm::BadSignature));
    };
    let outcome = match previous.and_then(|p| p.head.clone()) {
        None => MonitorOutcome::Started {
            tree_size: head.tree_size,
        },
        Some(old) => {
            let old_root = old.root().map_err(|e| anyhow!("stored head: {e}"))?;
            if head.tree_size < old.tree_size {
                return Ok(Err(MonitorAlarm::Shrank {
                    before: old.tree_size,
                    after: head.tree_size,
                }));
            }
            if head.tree_size == old.tree_size {
                if root != old_root {
                    return Ok(Err(MonitorAlarm::Forked {
                        size: head.tree_size,
                    }));
                }
            } else if old.tree_size > 0 {
                let body: ConsistencyBody = http
                    .get(format!(
                        "{base}/api/v1/log/proofs/consistency?first={}&second={}",
                        old.tree_size, head.tree_size
                    ))
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                let proof: Option<Vec<Hash>> = body.proof.iter().map(|h| parse_hash(h)).collect();
                let ok = proof.is_some_and(|p| {
                    verify_consistency(old.tree_size, head.tree_size, &p, &old_root, &root)
                });
                if !ok {
                    return Ok(Err(MonitorAlarm::Rewritten {
                        before: old.tree_size,
                        after: head.tree_size,
                    }));
                }
            }
            if rotated {
                MonitorOutcome::KeyFollowed {
                    from: old.tree_size,
                    to: head.tree_size,
                    key_id: key_id(&key),
                }
            } else {
                MonitorOutcome::Consistent {
                    from: old.tree_size,
                    to: head.tree_size,
                }
            }
        }
    };
    Ok(Ok(CheckedHead {
        state: MonitorState {
            url: base.to_string(),
            public_key: remembered,
            head: Some(head),
        },
        root,
        outcome,
    }))
}

/// Reads a public key given on the command line.
pub fn parse_key(text: &str) -> Result<VerifyingKey> {
    decode_public_key(text).map_err(|e| anyhow!("--key: {e}"))
}

pub fn ensure_consistent_args(file: Option<&Path>, db_given: bool) -> Result<()> {
    if file.is_some() && db_given {
        bail!("give either --file or a database (--data-dir / --database-url), not both");
    }
    Ok(())
}
