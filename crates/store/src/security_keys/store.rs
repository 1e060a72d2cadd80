//! Security keys and ceremonies, written once for both backends.

use super::rows::{security_key_columns, CeremonyRow, SecurityKeyRow};
use super::{CeremonyPurpose, NewSecurityKey, SecurityKey, SecurityKeyStore};
use crate::sql::{Driver, SqlStore};
use crate::{convert_all, to_db_time, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use std::slice::from_ref;
use time::OffsetDateTime;

const OF_ACCOUNT: &str = concat!(
    "SELECT ",
    security_key_columns!(),
    " FROM security_keys WHERE account_id = $1 ORDER BY created_at, id"
);
const INSERT: &str = concat!(
    "INSERT INTO security_keys (account_id, name, credential_id, credential, created_at) \
     VALUES ($1, $2, $3, $4, $5) RETURNING ",
    security_key_columns!()
);
const DELETE: &str = "DELETE FROM security_keys WHERE id = $1 AND account_id = $2";
const USED: &str = "UPDATE security_keys SET last_used_at = $1, \
     credential = COALESCE($2, credential) WHERE account_id = $3 AND credential_id = $4";
const PUT_CEREMONY: &str = "INSERT INTO webauthn_ceremonies (session_id, purpose, state, \
     expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO UPDATE SET \
     purpose = excluded.purpose, state = excluded.state, expires_at = excluded.expires_at";
const TAKE_CEREMONY: &str = "DELETE FROM webauthn_ceremonies WHERE session_id = $1 \
     RETURNING purpose, state, expires_at";

#[async_trait]
impl<D: Driver> SecurityKeyStore for SqlStore<D> {
    async fn security_keys_of(&self, account_id: i64) -> StoreResult<Vec<SecurityKey>> {
        let rows: Vec<SecurityKeyRow> = self.fetch_all(OF_ACCOUNT, &[account_id.into()]).await?;
        convert_all(rows)
    }

    async fn add_security_key(
        &self,
        new: NewSecurityKey,
        mut log: LogDraft,
    ) -> StoreResult<SecurityKey> {
        let mut tx = self.begin().await?;
        let row: SecurityKeyRow = tx
            .fetch_one(
                INSERT,
                &[
                    new.account_id.into(),
                    (&new.name).into(),
                    (&new.credential_id).into(),
                    (&new.credential).into(),
                    to_db_time(new.created_at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("security key"))?;
        let key = SecurityKey::try_from(row)?;
        log.object = format!("security_key:{}", key.id);
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(key)
    }

    async fn remove_security_key(
        &self,
        account_id: i64,
        id: i64,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let removed = tx.execute(DELETE, &[id.into(), account_id.into()]).await?;
        tx.commit_if_changed(removed, from_ref(&log)).await
    }

    async fn record_security_key_use(
        &self,
        account_id: i64,
        credential_id: &str,
        credential: Option<&str>,
        at: OffsetDateTime,
    ) -> StoreResult<bool> {
        let updated = self
            .execute(
                USED,
                &[
                    to_db_time(at).into(),
                    credential.into(),
                    account_id.into(),
                    credential_id.into(),
                ],
            )
            .await?;
        Ok(updated == 1)
    }

    async fn put_ceremony(
        &self,
        session_id: i64,
        purpose: CeremonyPurpose,
        state: &str,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.execute(
            PUT_CEREMONY,
            &[
                session_id.into(),
                purpose.as_str().into(),
                state.into(),
                to_db_time(expires_at).into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("ceremony"))?;
        Ok(())
    }

    async fn take_ceremony(
        &self,
        session_id: i64,
        purpose: CeremonyPurpose,
        now: OffsetDateTime,
    ) -> StoreResult<Option<String>> {
        let row: Option<CeremonyRow> = self
            .fetch_optional(TAKE_CEREMONY, &[session_id.into()])
            .await?;
        Ok(row
            .filter(|r| r.purpose == purpose.as_str() && r.expires_at > to_db_time(now))
            .map(|r| r.state))
    }
}
