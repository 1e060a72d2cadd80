//! `pocdir state-proof`: a State's own proof of its entries, run by the
//! State against the server with its own API token and nothing from the
//! operator but the log's public key.
//!
//! It fetches the signed head (checked as `log monitor` does: the key, the
//! signature, consistency with the head seen last time), every entry about
//! the State, an inclusion proof of each in that head, and the State's
//! PoCs as the directory serves them. The checks themselves are
//! `pocdir_domain::log::state_proof`; what a run saw is kept in a state
//! file, so that the next run also catches an entry that vanished or
//! changed, and details that were once served and never logged.

use crate::log_commands::{
    check_head, parse_hash, read_state, write_state, MonitorAlarm, MonitorOutcome, MonitorState,
};
use anyhow::{anyhow, bail, Context, Result};
use futures_util::{StreamExt, TryStreamExt};
use pocdir_domain::log::entry::{content_hash, LogEntry};
use pocdir_domain::log::merkle::Hash;
use pocdir_domain::log::state_proof::{
    check_details, check_entry, check_seen, report, DetailsSource, Discrepancy, StateReport,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Entries asked for per page (the server's most).
const PAGE: u64 = 1000;
/// Inclusion proofs fetched at the same time.
const PROOFS_IN_FLIGHT: usize = 8;

/// What the command was asked.
#[derive(Debug, Clone)]
pub struct StateProofRequest {
    pub url: String,
    pub participant: String,
    pub token: String,
    /// The log's public key (base64), obtained out of band.
    pub key: Option<String>,
    /// Where what this run saw is kept for the next.
    pub state_file: PathBuf,
    /// The State's own record of its PoCs: a saved body of
    /// `GET /api/v1/participants/{code}/pocs`.
    pub record: Option<PathBuf>,
}

/// What a run remembers for the next.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProofState {
    pub participant: String,
    pub monitor: Option<MonitorState>,
    /// Index → hex leaf hash of every entry about the State seen so far.
    #[serde(default)]
    pub seen: BTreeMap<u64, String>,
    /// PoC id → content hashes of the details served for it so far.
    #[serde(default)]
    pub details: BTreeMap<i64, Vec<String>>,
}

/// Why the proof does not hold.
#[derive(Debug, thiserror::Error)]
pub enum ProofFailure {
    #[error(transparent)]
    Log(#[from] MonitorAlarm),
    #[error(transparent)]
    Entry(#[from] Discrepancy),
}

/// What held.
#[derive(Debug)]
pub struct Proven {
    pub participant: String,
    pub tree_size: u64,
    pub root: String,
    pub key_id: String,
    pub history: MonitorOutcome,
    /// Entries after the head, left for the next run.
    pub newer: u64,
    pub pocs_checked: usize,
    pub report: StateReport,
}

#[derive(Debug, Deserialize)]
struct MeBody {
    participant: Option<String>,
}

/// An entry as `/api/v1/log/own-state` serves it.
#[derive(Debug, Deserialize)]
struct EntryBody {
    index: u64,
    at_unix: i64,
    actor: ActorBody,
    action: String,
    object: String,
    participant: Option<String>,
    content_hash: String,
    leaf_hash: String,
}

#[derive(Debug, Deserialize)]
struct ActorBody {
    account_id: Option<i64>,
    kind: String,
    participant: Option<String>,
}

#[derive(Debug, Deserialize)]
struct EntriesBody {
    entries: Vec<EntryBody>,
}

#[derive(Debug, Deserialize)]
struct InclusionBody {
    audit_path: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PocListBody {
    pocs: Vec<PocBody>,
}

#[derive(Debug, Deserialize)]
struct PocBody {
    id: i64,
    details: Option<serde_json::Value>,
    pending: Option<serde_json::Value>,
}

impl EntryBody {
    fn entry(&self) -> LogEntry {
        LogEntry {
            index: self.index,
            at: self.at_unix,
            actor_account_id: self.actor.account_id,
            actor_kind: self.actor.kind.clone(),
            actor_participant: self.actor.participant.clone(),
            action: self.action.clone(),
            object: self.object.clone(),
            participant: self.participant.clone(),
            content_hash: self.content_hash.clone(),
        }
    }
}

/// The content hashes of the PoCs' details (and pending proposals) in a
/// body of `GET /api/v1/participants/{code}/pocs`.
fn details_hashes(body: &PocListBody) -> Vec<(i64, String)> {
    body.pocs
        .iter()
        .flat_map(|p| {
            [&p.details, &p.pending]
                .into_iter()
                .flatten()
                .map(|d| (p.id, content_hash(d)))
        })
        .collect()
}

fn read_record(path: &Path) -> Result<Vec<(i64, String)>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let body: PocListBody = serde_json::from_slice(&bytes).with_context(|| {
        format!(
            "{} is not a saved body of GET /api/v1/participants/{{code}}/pocs",
            path.display()
        )
    })?;
    Ok(details_hashes(&body))
}

struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Client {
    async fn get<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T> {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .with_context(|| format!("GET {path}"))?;
        let status = response.status();
        if !status.is_success() {
            let text = response.text().await.unwrap_or_default();
            bail!("GET {path}: {status} {}", text.trim());
        }
        response
            .json()
            .await
            .with_context(|| format!("GET {path}: not the expected JSON"))
    }

    /// Every entry about the caller's State, oldest first.
    async fn own_entries(&self) -> Result<Vec<EntryBody>> {
        let mut all = Vec::new();
        let mut before: Option<u64> = None;
        loop {
            let path = match before {
                Some(b) => format!("/api/v1/log/own-state?limit={PAGE}&before={b}"),
                None => format!("/api/v1/log/own-state?limit={PAGE}"),
            };
            let page: EntriesBody = self.get(&path).await?;
            let Some(last) = page.entries.last().map(|e| e.index) else {
                break;
            };
            if before.is_some_and(|b| last >= b) {
                bail!("the server's pages of entries do not go back in time");
            }
            all.extend(page.entries);
            before = Some(last);
            if last == 0 {
                break;
            }
        }
        all.reverse();
        Ok(all)
    }

    async fn inclusion(&self, index: u64, size: u64) -> Result<Vec<Hash>> {
        let body: InclusionBody = self
            .get(&format!(
                "/api/v1/log/proofs/inclusion?index={index}&tree_size={size}"
            ))
            .await?;
        body.audit_path
            .iter()
            .map(|h| parse_hash(h).ok_or_else(|| anyhow!("the proof of entry {index} is not hex")))
            .collect()
    }
}

/// Runs the proof. `Ok(Err(..))` names what does not hold; `Err` means the
/// check could not run (server unreachable, bad token, unreadable files).
pub async fn state_proof(
    req: &StateProofRequest,
) -> Result<std::result::Result<Proven, ProofFailure>> {
    let code = req.participant.trim().to_ascii_uppercase();
    let base = req.url.trim_end_matches('/').to_string();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()?;
    let previous: Option<ProofState> = read_state(&req.state_file, "state-proof")?;
    if let Some(p) = &previous {
        if p.participant != code {
            bail!(
                "{} holds what a proof for {} saw, not {code}: give another --state file",
                req.state_file.display(),
                p.participant
            );
        }
    }
    let record = req.record.as_deref().map(read_record).transpose()?;
    let client = Client {
        http: http.clone(),
        base: base.clone(),
        token: req.token.clone(),
    };
    let me: MeBody = client.get("/api/v1/me").await?;
    if me.participant.as_deref() != Some(code.as_str()) {
        bail!(
            "the token is an account of {}, not of {code}: a State proves only its own entries",
            me.participant.as_deref().unwrap_or("no State")
        );
    }

    let checked = match check_head(
        &http,
        &base,
        previous.as_ref().and_then(|p| p.monitor.as_ref()),
        req.key.as_deref(),
    )
    .await?
    {
        Ok(checked) => checked,
        Err(alarm) => return Ok(Err(alarm.into())),
    };
    let size = checked.state.head.as_ref().map_or(0, |h| h.tree_size);

    let served = client.own_entries().await?;
    let newer = served.iter().filter(|e| e.index >= size).count() as u64;
    let served: Vec<EntryBody> = served.into_iter().filter(|e| e.index < size).collect();
    let entries: Vec<LogEntry> = served.iter().map(EntryBody::entry).collect();

    let seen = previous
        .as_ref()
        .map(|p| p.seen.clone())
        .unwrap_or_default();
    if let Err(d) = check_seen(&seen, &entries, size) {
        return Ok(Err(d.into()));
    }

    // Each entry in the signed head, in index order: the first that fails is named.
    let root = checked.root;
    let proofs: Vec<Vec<Hash>> = futures_util::stream::iter(served.iter())
        .map(|e| client.inclusion(e.index, size))
        .buffered(PROOFS_IN_FLIGHT)
        .try_collect()
        .await?;
    let mut leaves = BTreeMap::new();
    for ((body, entry), proof) in served.iter().zip(&entries).zip(&proofs) {
        match check_entry(&code, entry, &body.leaf_hash, proof, size, &root) {
            Ok(leaf) => {
                leaves.insert(entry.index, hex::encode(leaf));
            }
            Err(d) => return Ok(Err(d.into())),
        }
    }

    // The PoCs' details as served now, as served at earlier runs, and as
    // the State's own record holds them: each proposed in a logged entry.
    let pocs: PocListBody = client
        .get(&format!("/api/v1/participants/{code}/pocs"))
        .await?;
    let now = details_hashes(&pocs);
    let mut details: Vec<(i64, String, DetailsSource)> = now
        .iter()
        .map(|(id, hash)| (*id, hash.clone(), DetailsSource::Served))
        .collect();
    let remembered = previous
        .as_ref()
        .map(|p| p.details.clone())
        .unwrap_or_default();
    for (id, hashes) in &remembered {
        details.extend(
            hashes
                .iter()
                .map(|h| (*id, h.clone(), DetailsSource::Record)),
        );
    }
    for (id, hash) in record.iter().flatten() {
        details.push((*id, hash.clone(), DetailsSource::Record));
    }
    if let Err(d) = check_details(&code, &details, &entries) {
        return Ok(Err(d.into()));
    }

    let mut remembered = remembered;
    for (id, hash) in now {
        let hashes = remembered.entry(id).or_default();
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
    let key_id = pocdir_domain::log::head::decode_public_key(&checked.state.public_key)
        .map(|k| pocdir_domain::log::head::key_id(&k))
        .unwrap_or_default();
    let mut seen = seen;
    seen.extend(leaves);
    write_state(
        &req.state_file,
        &ProofState {
            participant: code.clone(),
            monitor: Some(checked.state),
            seen,
            details: remembered,
        },
    )?;
    Ok(Ok(Proven {
        participant: code.clone(),
        tree_size: size,
        root: hex::encode(root),
        key_id,
        history: checked.outcome,
        newer,
        pocs_checked: details.len(),
        report: report(&code, &entries),
    }))
}

fn when(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| at.to_string())
}

/// The report printed when the proof holds.
pub fn print_report(p: &Proven) -> String {
    let r = &p.report;
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!(
        "the log: {} entries, root {}, signed by key {}",
        p.tree_size, p.root, p.key_id
    ));
    line(match &p.history {
        MonitorOutcome::Started { .. } => {
            "history: first check; the head is remembered, and later checks prove the log only grows from it".to_string()
        }
        MonitorOutcome::Consistent { from, to } if from == to => {
            format!("history: unchanged since the last check ({to} entries, the same root)")
        }
        MonitorOutcome::Consistent { from, to } => {
            format!("history: only appended to since the last check (from {from} to {to} entries)")
        }
        MonitorOutcome::KeyFollowed { from, to, key_id } => format!(
            "history: only appended to since the last check (from {from} to {to} entries); the key changed to {key_id}, endorsed by the one before"
        ),
    });
    line(format!(
        "entries about {}: {}, each in the signed log, none changed or removed since an earlier check",
        p.participant, r.entries
    ));
    if let (Some(first), Some(last)) = (r.first_at, r.last_at) {
        line(format!("  from {} to {}", when(first), when(last)));
    }
    line(format!(
        "  nominations and proposals {}, decisions {}, reads of its PoCs' details {}, other {}",
        r.nominations, r.decisions, r.reads, r.other
    ));
    if r.readers.is_empty() {
        line("who read its PoCs' details: nobody outside the State".to_string());
    } else {
        line("who read its PoCs' details:".to_string());
        for (reader, reads) in &r.readers {
            line(format!(
                "  {reader}: {} reads, the last at {}",
                reads.count,
                when(reads.last_at)
            ));
        }
    }
    line(format!(
        "PoC details compared with the logged proposals: {} (as served now, at earlier checks and in the record), all proposed in the log",
        p.pocs_checked
    ));
    if p.newer > 0 {
        line(format!(
            "{} newer entries came after the signed head: the next check covers them",
            p.newer
        ));
    }
    line("all holds".to_string());
    out
}
