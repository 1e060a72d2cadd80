//! The tamper-evident log over HTTP: signed heads, inclusion and
//! consistency proofs (RFC 9162), the public key, and entries for those
//! allowed to read them.

use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::{encode_public_key, key_id, SignedTreeHead};
use pocdir_domain::log::merkle::ProofError;
use pocdir_i18n::FluentArg;
use pocdir_log::LogError;
use pocdir_store::{LogFilter, StoredLogEntry};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use utoipa::{IntoParams, ToSchema};

/// Most entries served by one request.
pub const MAX_ENTRIES: u64 = 1000;

impl From<LogError> for AppError {
    fn from(e: LogError) -> Self {
        match e {
            LogError::Store(s) => s.into(),
            LogError::Proof(p) => proof_error(p),
        }
    }
}

fn proof_error(e: ProofError) -> AppError {
    let bad = |id| AppError::new(axum::http::StatusCode::BAD_REQUEST, "bad_proof_request", id);
    let n = |v: u64| FluentArg::Number(i64::try_from(v).unwrap_or(i64::MAX));
    match e {
        ProofError::SizeBeyondLog { size, log_size } => bad("log-error-size-beyond")
            .with_arg("size", n(size))
            .with_arg("log_size", n(log_size)),
        ProofError::IndexOutOfRange { index, size } => bad("log-error-index-out-of-range")
            .with_arg("index", n(index))
            .with_arg("size", n(size)),
        ProofError::FirstAfterSecond { first, second } => bad("log-error-first-after-second")
            .with_arg("first", n(first))
            .with_arg("second", n(second)),
        ProofError::EmptyFirst => bad("log-error-empty-first"),
    }
}

/// The log's public key, to check signed tree heads.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogKey {
    /// Always `Ed25519`.
    pub algorithm: String,
    /// Base64 of the 32-byte public key.
    pub public_key: String,
    /// Hex SHA-256 of the public key.
    pub key_id: String,
    /// Every change of the key (`pocdir log rotate-key`), oldest first, so
    /// that a monitor that trusts an earlier key can follow the change.
    pub rotations: Vec<LogKeyRotation>,
}

/// A change of the log's key, as its log entry records it.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogKeyRotation {
    /// The index of the rotation's log entry: heads for more entries are
    /// signed by the new key, heads for up to this many by the one before.
    pub log_index: u64,
    /// Base64 of the new public key.
    pub public_key: String,
    /// Hex SHA-256 of the new public key.
    pub key_id: String,
    /// Base64 of the key it replaced, when that key was there to sign.
    pub previous_public_key: Option<String>,
    /// Base64 Ed25519 signature by the previous key over
    /// `pocdir-log-key-rotation-v1\n<new public key>\n`; none when the
    /// previous key was lost.
    pub endorsement: Option<String>,
}

#[utoipa::path(get, path = "/.well-known/pocdir-log-key", tag = "log",
    responses((status = 200, description = "The key that signs tree heads, and its changes", body = LogKey)))]
pub async fn public_key(State(state): State<AppState>) -> Result<Json<LogKey>, AppError> {
    let key = state.log.public_key();
    let rotations = state
        .store
        .log_key_rotations()
        .await?
        .into_iter()
        .map(|r| LogKeyRotation {
            log_index: r.index,
            public_key: r.rotation.public_key,
            key_id: r.rotation.key_id,
            previous_public_key: r.rotation.previous_public_key,
            endorsement: r.rotation.endorsement,
        })
        .collect();
    Ok(Json(LogKey {
        algorithm: "Ed25519".to_string(),
        public_key: encode_public_key(&key),
        key_id: key_id(&key),
        rotations,
    }))
}

#[utoipa::path(get, path = "/api/v1/log/head", tag = "log",
    responses((status = 200, description = "The latest signed tree head", body = SignedTreeHead)))]
pub async fn latest_head(State(state): State<AppState>) -> Result<Json<SignedTreeHead>, AppError> {
    Ok(Json(state.log.latest_head().await?))
}

#[utoipa::path(get, path = "/api/v1/log/heads/{size}", tag = "log",
    params(("size" = u64, Path, description = "Tree size")),
    responses(
        (status = 200, description = "The root at that size, signed now", body = SignedTreeHead),
        (status = 400, description = "Size beyond the log", body = ErrorBody),
    ))]
pub async fn head_at(
    State(state): State<AppState>,
    PathParams(size): PathParams<u64>,
) -> Result<Json<SignedTreeHead>, AppError> {
    Ok(Json(state.log.head_at(size).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InclusionQuery {
    /// Entry index (0-based).
    pub index: u64,
    /// Tree size the proof is for (default: the current size).
    pub tree_size: Option<u64>,
}

/// RFC 9162 inclusion proof; hashes in hex.
#[derive(Debug, Serialize, ToSchema)]
pub struct InclusionProofBody {
    pub index: u64,
    pub tree_size: u64,
    pub leaf_hash: String,
    pub audit_path: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/log/proofs/inclusion", tag = "log", params(InclusionQuery),
    responses(
        (status = 200, description = "Audit path of the entry", body = InclusionProofBody),
        (status = 400, description = "Index or size out of range", body = ErrorBody),
    ))]
pub async fn inclusion(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<InclusionQuery>,
) -> Result<Json<InclusionProofBody>, AppError> {
    let size = match q.tree_size {
        Some(s) => s,
        None => state.log.sync().await?,
    };
    let proof = state.log.inclusion(q.index, size).await?;
    Ok(Json(InclusionProofBody {
        index: proof.index,
        tree_size: proof.tree_size,
        leaf_hash: hex::encode(proof.leaf_hash),
        audit_path: proof.path.iter().map(hex::encode).collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConsistencyQuery {
    /// The earlier tree size (at least 1).
    pub first: u64,
    /// The later tree size.
    pub second: u64,
}

/// RFC 9162 consistency proof; hashes in hex.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsistencyProofBody {
    pub first: u64,
    pub second: u64,
    pub proof: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/log/proofs/consistency", tag = "log", params(ConsistencyQuery),
    responses(
        (status = 200, description = "Proof that the later tree extends the earlier", body = ConsistencyProofBody),
        (status = 400, description = "Sizes out of range or first after second", body = ErrorBody),
    ))]
pub async fn consistency(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<ConsistencyQuery>,
) -> Result<Json<ConsistencyProofBody>, AppError> {
    let proof = state.log.consistency(q.first, q.second).await?;
    Ok(Json(ConsistencyProofBody {
        first: q.first,
        second: q.second,
        proof: proof.iter().map(hex::encode).collect(),
    }))
}

/// Who acted.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActorBody {
    /// None for the console (admin commands).
    pub account_id: Option<i64>,
    pub kind: String,
    pub participant: Option<String>,
}

/// One log entry: actor and action, never confidential content.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogEntryBody {
    pub index: u64,
    /// RFC 3339.
    pub at: String,
    /// Unix seconds, exactly as in the leaf.
    pub at_unix: i64,
    pub actor: ActorBody,
    pub action: String,
    pub object: String,
    pub participant: Option<String>,
    pub content_hash: String,
    pub leaf_hash: String,
}

impl From<&LogEntry> for LogEntryBody {
    fn from(e: &LogEntry) -> Self {
        LogEntryBody {
            index: e.index,
            at: time::OffsetDateTime::from_unix_timestamp(e.at)
                .ok()
                .and_then(|t| t.format(&Rfc3339).ok())
                .unwrap_or_default(),
            at_unix: e.at,
            actor: ActorBody {
                account_id: e.actor_account_id,
                kind: e.actor_kind.clone(),
                participant: e.actor_participant.clone(),
            },
            action: e.action.clone(),
            object: e.object.clone(),
            participant: e.participant.clone(),
            content_hash: e.content_hash.clone(),
            leaf_hash: hex::encode(e.leaf_hash()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LogEntriesBody {
    pub entries: Vec<LogEntryBody>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    /// First index (inclusive).
    pub start: u64,
    /// Last index (exclusive); default start + 100; at most start + 1000.
    pub end: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/log/entries", tag = "log", params(RangeQuery),
    responses(
        (status = 200, description = "Entries in the range, in order", body = LogEntriesBody),
        (status = 400, description = "Bad range", body = ErrorBody),
        (status = 403, description = "Only the auditor and the secretariat read every entry", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn entries(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<RangeQuery>,
) -> Result<Json<LogEntriesBody>, AppError> {
    let end = q.end.unwrap_or(q.start.saturating_add(100));
    if end < q.start {
        return Err(AppError::bad_request("log-error-range-reversed"));
    }
    if end - q.start > MAX_ENTRIES {
        return Err(AppError::bad_request("log-error-range-too-long")
            .with_arg("max", FluentArg::Number(MAX_ENTRIES as i64)));
    }
    let rows = state.store.log_entries(q.start, end).await?;
    Ok(Json(LogEntriesBody {
        entries: rows
            .iter()
            .map(|r: &StoredLogEntry| LogEntryBody::from(&r.entry))
            .collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Only entries with a smaller index (for the next page).
    pub before: Option<u64>,
    /// At most this many (default 100, at most 1000).
    pub limit: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/log/own-state", tag = "log", params(PageQuery),
    responses(
        (status = 200, description = "Entries about the caller's own State, newest first", body = LogEntriesBody),
        (status = 403, description = "Only nominators and PoCs have a State", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn own_state(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<LogEntriesBody>, AppError> {
    let participant = me
        .account
        .participant
        .clone()
        .ok_or_else(AppError::forbidden)?;
    let filter = LogFilter {
        participant: Some(participant),
        ..LogFilter::default()
    };
    let limit = q.limit.unwrap_or(100).clamp(1, MAX_ENTRIES);
    let rows = state.store.search_log(&filter, q.before, limit).await?;
    Ok(Json(LogEntriesBody {
        entries: rows.iter().map(LogEntryBody::from).collect(),
    }))
}
