//! Security key and ceremony rows and their conversion.

use super::SecurityKey;
use crate::{corrupt, db_time, opt_db_time, StoreError, StoreResult};

macro_rules! security_key_columns {
    () => {
        "id, account_id, name, credential_id, credential, created_at, last_used_at"
    };
}
pub(super) use security_key_columns;

#[derive(sqlx::FromRow)]
pub(super) struct SecurityKeyRow {
    id: i64,
    account_id: i64,
    name: String,
    credential_id: String,
    credential: String,
    created_at: i64,
    last_used_at: Option<i64>,
}

impl TryFrom<SecurityKeyRow> for SecurityKey {
    type Error = StoreError;

    fn try_from(r: SecurityKeyRow) -> StoreResult<Self> {
        let bad = corrupt("security_keys", r.id);
        Ok(SecurityKey {
            id: r.id,
            account_id: r.account_id,
            name: r.name,
            credential_id: r.credential_id,
            credential: r.credential,
            created_at: db_time(r.created_at).map_err(&bad)?,
            last_used_at: opt_db_time(r.last_used_at).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct CeremonyRow {
    pub(super) purpose: String,
    pub(super) state: String,
    pub(super) expires_at: i64,
}
