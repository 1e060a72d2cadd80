//! PoC and history rows and their conversion.

use super::PocHistoryEntry;
use crate::{corrupt, db_time, opt_db_time, Poc, StoreError, StoreResult};

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
pub(super) use {poc_columns, poc_history_columns};

#[derive(sqlx::FromRow)]
pub(super) struct PocRow {
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

impl TryFrom<PocRow> for Poc {
    type Error = StoreError;

    fn try_from(r: PocRow) -> StoreResult<Self> {
        let bad = corrupt("pocs", r.id);
        Ok(Poc {
            role: r
                .role
                .parse()
                .map_err(|()| bad(format!("PoC role {:?}", r.role)))?,
            status: r.status.parse().map_err(&bad)?,
            pending_action: r
                .pending_action
                .map(|a| a.parse())
                .transpose()
                .map_err(&bad)?,
            id: r.id,
            participant: r.participant,
            version: r.version,
            active: r.active,
            pending: r.pending,
            confirmed_at: opt_db_time(r.confirmed_at).map_err(&bad)?,
            created_at: db_time(r.created_at).map_err(&bad)?,
            updated_at: db_time(r.updated_at).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct PocHistoryRow {
    poc_id: i64,
    version: i64,
    at: i64,
    actor_account_id: Option<i64>,
    action: String,
    details: Option<String>,
    reason: Option<String>,
}

impl TryFrom<PocHistoryRow> for PocHistoryEntry {
    type Error = StoreError;

    fn try_from(r: PocHistoryRow) -> StoreResult<Self> {
        let bad = corrupt("poc_history", format!("{} v{}", r.poc_id, r.version));
        Ok(PocHistoryEntry {
            poc_id: r.poc_id,
            version: r.version,
            at: db_time(r.at).map_err(&bad)?,
            actor_account_id: r.actor_account_id,
            action: r.action,
            details: r.details,
            reason: r.reason,
        })
    }
}
