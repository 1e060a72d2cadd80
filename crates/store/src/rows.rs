//! Rows as both backends return them, and their conversion into models.
//! The column lists are shared so that every query reads the same shape.

use crate::{
    from_db_time, parse_kind, Account, ApiToken, LogFilter, Session, StoreError, StoreResult,
    StoredLogEntry,
};
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::log::merkle::Hash;
use pocdir_domain::throttle::FailureCount;
use sqlx::{Database, Encode, QueryBuilder, Type};

// Column lists as macros, not consts, so that `concat!` can splice them
// into each query at compile time: no formatting on every call.
macro_rules! account_columns {
    () => {
        "id, email, kind, participant, display_name, password_hash, totp_secret, \
         totp_enrolled, totp_last_step, demo, disabled, created_at"
    };
}

macro_rules! session_columns {
    () => {
        "id, token_hash, account_id, mfa_done, created_at, last_seen_at, expires_at, \
         user_agent, client_address"
    };
}

macro_rules! api_token_columns {
    () => {
        "id, account_id, name, token_hash, scopes, created_at, expires_at, revoked_at, \
         last_used_at"
    };
}

macro_rules! log_entry_columns {
    () => {
        "idx, at, actor_account_id, actor_kind, actor_participant, action, object, \
         participant, content_hash"
    };
}

macro_rules! participant_columns {
    () => {
        "code, alpha2, m49, kind, status, region, subregion, name_ar, name_zh, name_en, \
         name_es, name_fr, name_ru, created_at, status_changed_at"
    };
}

macro_rules! tree_head_columns {
    () => {
        "tree_size, root_hash, timestamp, signature, key_id"
    };
}

macro_rules! poc_columns {
    () => {
        "id, participant, role, status, version, active, pending, pending_action, \
         confirmed_at, created_at, updated_at"
    };
}

macro_rules! poc_history_columns {
    () => {
        "poc_id, version, at, actor_account_id, action, details, reason"
    };
}

macro_rules! mail_columns {
    () => {
        "id, dedupe_key, recipient, language, subject, body, participant, status, attempts, \
         next_attempt_at, last_error, created_at, sent_at"
    };
}

pub(crate) use {
    account_columns, api_token_columns, log_entry_columns, mail_columns, participant_columns,
    poc_columns, poc_history_columns, session_columns, tree_head_columns,
};

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: i64,
    email: String,
    kind: String,
    participant: Option<String>,
    display_name: String,
    password_hash: String,
    totp_secret: Option<String>,
    totp_enrolled: bool,
    totp_last_step: Option<i64>,
    demo: bool,
    disabled: bool,
    created_at: i64,
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;

    fn try_from(r: AccountRow) -> StoreResult<Self> {
        Ok(Account {
            id: r.id,
            email: r.email,
            kind: parse_kind(&r.kind)?,
            participant: r.participant,
            display_name: r.display_name,
            password_hash: r.password_hash,
            totp_secret: r.totp_secret,
            totp_enrolled: r.totp_enrolled,
            totp_last_step: r.totp_last_step,
            demo: r.demo,
            disabled: r.disabled,
            created_at: from_db_time(r.created_at)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    id: i64,
    token_hash: String,
    account_id: i64,
    mfa_done: bool,
    created_at: i64,
    last_seen_at: i64,
    expires_at: i64,
    user_agent: String,
    client_address: String,
}

impl TryFrom<SessionRow> for Session {
    type Error = StoreError;

    fn try_from(r: SessionRow) -> StoreResult<Self> {
        Ok(Session {
            id: r.id,
            token_hash: r.token_hash,
            account_id: r.account_id,
            mfa_done: r.mfa_done,
            created_at: from_db_time(r.created_at)?,
            last_seen_at: from_db_time(r.last_seen_at)?,
            expires_at: from_db_time(r.expires_at)?,
            user_agent: r.user_agent,
            client_address: r.client_address,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ApiTokenRow {
    id: i64,
    account_id: i64,
    name: String,
    token_hash: String,
    scopes: String,
    created_at: i64,
    expires_at: i64,
    revoked_at: Option<i64>,
    last_used_at: Option<i64>,
}

impl TryFrom<ApiTokenRow> for ApiToken {
    type Error = StoreError;

    fn try_from(r: ApiTokenRow) -> StoreResult<Self> {
        Ok(ApiToken {
            id: r.id,
            account_id: r.account_id,
            name: r.name,
            token_hash: r.token_hash,
            scopes: r.scopes,
            created_at: from_db_time(r.created_at)?,
            expires_at: from_db_time(r.expires_at)?,
            revoked_at: r.revoked_at.map(from_db_time).transpose()?,
            last_used_at: r.last_used_at.map(from_db_time).transpose()?,
        })
    }
}

/// `COUNT(*)` and `MIN(at)` of the failures of one key.
#[derive(sqlx::FromRow)]
pub(crate) struct FailureRow {
    count: i64,
    oldest: Option<i64>,
}

impl TryFrom<FailureRow> for FailureCount {
    type Error = StoreError;

    fn try_from(r: FailureRow) -> StoreResult<Self> {
        Ok(FailureCount {
            // More than u32::MAX failures still means "over any limit".
            count: u32::try_from(r.count.max(0)).unwrap_or(u32::MAX),
            oldest: r.oldest.map(from_db_time).transpose()?,
        })
    }
}

/// A log entry's columns, without its leaf hash.
#[derive(sqlx::FromRow)]
pub(crate) struct LogEntryRow {
    idx: i64,
    at: i64,
    actor_account_id: Option<i64>,
    actor_kind: String,
    actor_participant: Option<String>,
    action: String,
    object: String,
    participant: Option<String>,
    content_hash: String,
}

impl TryFrom<LogEntryRow> for LogEntry {
    type Error = StoreError;

    fn try_from(r: LogEntryRow) -> StoreResult<Self> {
        Ok(LogEntry {
            index: log_index(r.idx)?,
            at: r.at,
            actor_account_id: r.actor_account_id,
            actor_kind: r.actor_kind,
            actor_participant: r.actor_participant,
            action: r.action,
            object: r.object,
            participant: r.participant,
            content_hash: r.content_hash,
        })
    }
}

/// A log entry's columns followed by `leaf_hash`.
#[derive(sqlx::FromRow)]
pub(crate) struct StoredLogEntryRow {
    #[sqlx(flatten)]
    entry: LogEntryRow,
    leaf_hash: Vec<u8>,
}

impl TryFrom<StoredLogEntryRow> for StoredLogEntry {
    type Error = StoreError;

    fn try_from(r: StoredLogEntryRow) -> StoreResult<Self> {
        let entry = LogEntry::try_from(r.entry)?;
        let leaf_hash = to_hash(&r.leaf_hash).map_err(|len| {
            StoreError::Corrupt(format!("leaf hash of entry {}: {len} bytes", entry.index))
        })?;
        Ok(StoredLogEntry { entry, leaf_hash })
    }
}

/// One `leaf_hash` column.
#[derive(sqlx::FromRow)]
pub(crate) struct LeafHashRow {
    idx: i64,
    leaf_hash: Vec<u8>,
}

impl TryFrom<LeafHashRow> for Hash {
    type Error = StoreError;

    fn try_from(r: LeafHashRow) -> StoreResult<Self> {
        to_hash(&r.leaf_hash).map_err(|len| {
            StoreError::Corrupt(format!("leaf hash of entry {}: {len} bytes", r.idx))
        })
    }
}

/// A 32-byte hash, or the length it has instead.
fn to_hash(bytes: &[u8]) -> Result<Hash, usize> {
    Hash::try_from(bytes).map_err(|_| bytes.len())
}

#[derive(sqlx::FromRow)]
pub(crate) struct TreeHeadRow {
    tree_size: i64,
    root_hash: String,
    timestamp: i64,
    signature: String,
    key_id: String,
}

impl TryFrom<TreeHeadRow> for SignedTreeHead {
    type Error = StoreError;

    fn try_from(r: TreeHeadRow) -> StoreResult<Self> {
        Ok(SignedTreeHead {
            tree_size: u64::try_from(r.tree_size)
                .map_err(|_| StoreError::Corrupt(format!("tree size {}", r.tree_size)))?,
            root_hash: r.root_hash,
            timestamp: r.timestamp,
            signature: r.signature,
            key_id: r.key_id,
        })
    }
}

/// A stored log index (BIGINT) as the log's `u64`.
pub(crate) fn log_index(idx: i64) -> StoreResult<u64> {
    u64::try_from(idx).map_err(|_| StoreError::Corrupt(format!("log index {idx}")))
}

/// A log index or size as stored (BIGINT). Beyond `i64::MAX` cannot be
/// stored, and no log gets there.
pub(crate) fn db_index(index: u64) -> StoreResult<i64> {
    i64::try_from(index)
        .map_err(|_| StoreError::Corrupt(format!("log index {index} does not fit in BIGINT")))
}

/// A bound for a query (`end`, `limit`, `before`): values past `i64::MAX`
/// mean "no bound", which `i64::MAX` says just as well.
pub(crate) fn db_bound(bound: u64) -> i64 {
    i64::try_from(bound).unwrap_or(i64::MAX)
}

/// The indexes handed out to `count` entries by a bump of the counter that
/// returned `next_index`, the counter's new value.
pub(crate) fn appended_indexes(next_index: i64, count: usize) -> StoreResult<Vec<u64>> {
    let end = log_index(next_index)?;
    let start = u64::try_from(count)
        .ok()
        .and_then(|n| end.checked_sub(n))
        .ok_or_else(|| {
            StoreError::Corrupt(format!("log counter {next_index} after {count} entries"))
        })?;
    Ok((start..end).collect())
}

/// The number of entries to append, as the counter's increment.
pub(crate) fn entry_count(count: usize) -> StoreResult<i64> {
    i64::try_from(count).map_err(|_| StoreError::Corrupt(format!("{count} log entries at once")))
}

/// Builds the audit search: `SELECT … FROM log_entries WHERE … ORDER BY idx
/// DESC LIMIT …`, with placeholders in the syntax of `DB`. The shape of the
/// query depends only on which filter fields are set, so each backend keeps
/// a handful of prepared statements, each able to use its index.
pub(crate) fn log_search_query<'a, DB>(
    filter: &LogFilter,
    before: Option<u64>,
    limit: u64,
) -> QueryBuilder<'a, DB>
where
    DB: Database,
    DB::Arguments<'a>: Default,
    i64: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
{
    let mut q = QueryBuilder::new(concat!(
        "SELECT ",
        log_entry_columns!(),
        " FROM log_entries WHERE true"
    ));
    if let Some(actor) = filter.actor_account_id {
        q.push(" AND actor_account_id = ").push_bind(actor);
    }
    match &filter.action {
        Some(prefix) if prefix.ends_with('.') => {
            // substr/length count characters on both backends; LIKE would
            // need escaping and is case-insensitive on SQLite.
            q.push(" AND substr(action, 1, length(")
                .push_bind(prefix.clone())
                .push(")) = ")
                .push_bind(prefix.clone());
        }
        Some(action) => {
            q.push(" AND action = ").push_bind(action.clone());
        }
        None => {}
    }
    if let Some(participant) = &filter.participant {
        q.push(" AND (participant = ")
            .push_bind(participant.clone())
            .push(" OR actor_participant = ")
            .push_bind(participant.clone())
            .push(")");
    }
    if let Some(since) = filter.since {
        q.push(" AND at >= ").push_bind(since);
    }
    if let Some(until) = filter.until {
        q.push(" AND at < ").push_bind(until);
    }
    if let Some(before) = before {
        q.push(" AND idx < ").push_bind(db_bound(before));
    }
    q.push(" ORDER BY idx DESC LIMIT ")
        .push_bind(db_bound(limit));
    q
}

/// Converts a list of rows, failing on the first invalid one.
pub(crate) fn convert_all<R, T>(rows: Vec<R>) -> StoreResult<Vec<T>>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}

/// Maps constraint violations to the store's own errors: a taken unique
/// value is a `Conflict`, a missing referenced row is `NotFound`.
pub(crate) fn map_constraint(e: sqlx::Error, what: &str) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            StoreError::Conflict(what.to_string())
        }
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
        _ => StoreError::Database(e),
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ParticipantRow {
    code: String,
    alpha2: Option<String>,
    m49: Option<String>,
    kind: String,
    status: String,
    region: String,
    subregion: String,
    name_ar: String,
    name_zh: String,
    name_en: String,
    name_es: String,
    name_fr: String,
    name_ru: String,
    created_at: i64,
    status_changed_at: i64,
}

impl TryFrom<ParticipantRow> for crate::Participant {
    type Error = StoreError;

    fn try_from(r: ParticipantRow) -> StoreResult<Self> {
        Ok(crate::Participant {
            kind: r.kind.parse().map_err(StoreError::Corrupt)?,
            status: r.status.parse().map_err(StoreError::Corrupt)?,
            code: r.code,
            alpha2: r.alpha2,
            m49: r.m49,
            region: r.region,
            subregion: r.subregion,
            names: crate::ParticipantNames {
                ar: r.name_ar,
                zh: r.name_zh,
                en: r.name_en,
                es: r.name_es,
                fr: r.name_fr,
                ru: r.name_ru,
            },
            created_at: from_db_time(r.created_at)?,
            status_changed_at: from_db_time(r.status_changed_at)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PocRow {
    id: i64,
    participant: String,
    role: String,
    status: String,
    version: i64,
    active: Option<String>,
    pending: Option<String>,
    pending_action: Option<String>,
    confirmed_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<PocRow> for crate::Poc {
    type Error = StoreError;

    fn try_from(r: PocRow) -> StoreResult<Self> {
        Ok(crate::Poc {
            role: r
                .role
                .parse()
                .map_err(|()| StoreError::Corrupt(format!("PoC role {:?}", r.role)))?,
            status: r.status.parse().map_err(StoreError::Corrupt)?,
            pending_action: r
                .pending_action
                .map(|a| a.parse())
                .transpose()
                .map_err(StoreError::Corrupt)?,
            id: r.id,
            participant: r.participant,
            version: r.version,
            active: r.active,
            pending: r.pending,
            confirmed_at: r.confirmed_at.map(from_db_time).transpose()?,
            created_at: from_db_time(r.created_at)?,
            updated_at: from_db_time(r.updated_at)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PocHistoryRow {
    poc_id: i64,
    version: i64,
    at: i64,
    actor_account_id: Option<i64>,
    action: String,
    details: Option<String>,
    reason: Option<String>,
}

impl TryFrom<PocHistoryRow> for crate::PocHistoryEntry {
    type Error = StoreError;

    fn try_from(r: PocHistoryRow) -> StoreResult<Self> {
        Ok(crate::PocHistoryEntry {
            poc_id: r.poc_id,
            version: r.version,
            at: from_db_time(r.at)?,
            actor_account_id: r.actor_account_id,
            action: r.action,
            details: r.details,
            reason: r.reason,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MailRow {
    id: i64,
    dedupe_key: String,
    recipient: String,
    language: String,
    subject: String,
    body: String,
    participant: Option<String>,
    status: String,
    attempts: i64,
    next_attempt_at: i64,
    last_error: Option<String>,
    created_at: i64,
    sent_at: Option<i64>,
}

impl TryFrom<MailRow> for crate::Mail {
    type Error = StoreError;
    fn try_from(r: MailRow) -> StoreResult<Self> {
        Ok(crate::Mail {
            id: r.id,
            dedupe_key: r.dedupe_key,
            recipient: r.recipient,
            language: r.language,
            subject: r.subject,
            body: r.body,
            participant: r.participant,
            status: r.status.parse().map_err(StoreError::Corrupt)?,
            attempts: r.attempts,
            next_attempt_at: from_db_time(r.next_attempt_at)?,
            last_error: r.last_error,
            created_at: from_db_time(r.created_at)?,
            sent_at: r.sent_at.map(from_db_time).transpose()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MailRecipientRow {
    id: i64,
    email: String,
    language: Option<String>,
}

impl From<MailRecipientRow> for crate::MailRecipient {
    fn from(r: MailRecipientRow) -> Self {
        crate::MailRecipient {
            account_id: r.id,
            email: r.email,
            language: r.language,
        }
    }
}

/// Mail counts from `(status, count)` rows.
pub(crate) fn mail_counts(rows: Vec<(String, i64)>) -> StoreResult<crate::MailCounts> {
    let mut counts = crate::MailCounts::default();
    for (status, n) in rows {
        match status.parse().map_err(StoreError::Corrupt)? {
            crate::MailStatus::Queued => counts.queued = n,
            crate::MailStatus::Sent => counts.sent = n,
            crate::MailStatus::Failed => counts.failed = n,
        }
    }
    Ok(counts)
}
