//! PoC and history rows and their conversion.

use super::PocHistoryEntry;
use crate::sealing::{Keys, OpenRow, POC_DETAILS, POC_HISTORY_DETAILS};
use crate::{corrupt, db_time, opt_db_time, Poc, StoreResult};

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

impl OpenRow for PocRow {
    type Out = Poc;

    fn open(self, keys: &Keys) -> StoreResult<Poc> {
        let r = self;
        let bad = corrupt("pocs", r.id);
        let active = keys.open_opt(POC_DETAILS, "pocs", &r.id, r.active)?;
        let pending = keys.open_opt(POC_DETAILS, "pocs", &r.id, r.pending)?;
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
            active,
            pending,
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

impl OpenRow for PocHistoryRow {
    type Out = PocHistoryEntry;

    fn open(self, keys: &Keys) -> StoreResult<PocHistoryEntry> {
        let r = self;
        let name = format!("{} v{}", r.poc_id, r.version);
        let bad = corrupt("poc_history", name.clone());
        let details = keys.open_opt(POC_HISTORY_DETAILS, "poc_history", &name, r.details)?;
        Ok(PocHistoryEntry {
            poc_id: r.poc_id,
            version: r.version,
            at: db_time(r.at).map_err(&bad)?,
            actor_account_id: r.actor_account_id,
            action: r.action,
            details,
            reason: r.reason,
        })
    }
}
