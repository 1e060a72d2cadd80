//! Accounts, written once for both backends.

use super::rows::{account_columns, AccountRow};
use super::{Account, AccountStore, NewAccount};
use crate::sealing::{OpenRow, ACCOUNT_EMAIL, TOTP_SECRET};
use crate::sql::{Driver, SqlStore, Tx};
use crate::{to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use std::slice::from_ref;
use time::OffsetDateTime;

const COUNT: &str = "SELECT COUNT(*) FROM accounts";
const INSERT: &str = concat!(
    "INSERT INTO accounts (email, kind, participant, display_name, password_hash, \
     totp_secret, totp_enrolled, demo, password_change_required, created_at, email_index) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
     RETURNING ",
    account_columns!()
);
const BY_ID: &str = concat!(
    "SELECT ",
    account_columns!(),
    " FROM accounts WHERE id = $1"
);
const BY_EMAIL: &str = concat!(
    "SELECT ",
    account_columns!(),
    " FROM accounts WHERE email_index = $1"
);
const SET_PASSWORD: &str =
    "UPDATE accounts SET password_hash = $1, password_change_required = false WHERE id = $2";
const END_SESSIONS_BUT: &str = "DELETE FROM sessions WHERE account_id = $1 AND id <> $2";
const END_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1";
const BEGIN_TOTP: &str =
    "UPDATE accounts SET totp_secret = $1, totp_enrolled = false WHERE id = $2";
const COMPLETE_TOTP: &str = "UPDATE accounts SET totp_enrolled = true, totp_last_step = $1 \
     WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)";
const ACCEPT_STEP: &str = "UPDATE accounts SET totp_last_step = $1 \
     WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)";
const DELETE_CODES: &str = "DELETE FROM recovery_codes WHERE account_id = $1";
// A repeated hash is the same code: keep one.
const INSERT_CODE: &str = "INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2) \
     ON CONFLICT (account_id, code_hash) DO NOTHING";
const USE_CODE: &str = "UPDATE recovery_codes SET used_at = $1 \
     WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL";
const UNUSED_CODES: &str =
    "SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL";
const SET_LANGUAGE: &str = "UPDATE accounts SET language = $1 WHERE id = $2";

/// Replaces the account's recovery codes, inside the caller's transaction.
async fn replace_codes<D: Driver>(
    tx: &mut Tx<D>,
    account_id: i64,
    hashes: &[String],
) -> StoreResult<()> {
    tx.execute(DELETE_CODES, &[account_id.into()]).await?;
    for hash in hashes {
        tx.execute(INSERT_CODE, &[account_id.into(), hash.into()])
            .await
            .map_err(|e| e.constraint("recovery code"))?;
    }
    Ok(())
}

#[async_trait]
impl<D: Driver> AccountStore for SqlStore<D> {
    async fn count_accounts(&self) -> StoreResult<i64> {
        let (n,): (i64,) = self.fetch_one(COUNT, &[]).await?;
        Ok(n)
    }

    async fn create_account(&self, new: NewAccount, mut log: LogDraft) -> StoreResult<Account> {
        let totp_secret = self.keys.seal_opt(
            TOTP_SECRET,
            "accounts",
            &"(new)",
            new.totp_secret.as_deref(),
        )?;
        let email = self
            .keys
            .seal_str(ACCOUNT_EMAIL, "accounts", &"(new)", &new.email)?;
        let email_index = self.keys.blind_index(ACCOUNT_EMAIL, &new.email)?;
        let mut tx = self.begin().await?;
        let row: AccountRow = tx
            .fetch_one(
                INSERT,
                &[
                    email.as_str().into(),
                    new.kind.as_str().into(),
                    (&new.participant).into(),
                    (&new.display_name).into(),
                    (&new.password_hash).into(),
                    (&totp_secret).into(),
                    new.totp_enrolled.into(),
                    new.demo.into(),
                    new.password_change_required.into(),
                    to_db_time(new.created_at).into(),
                    email_index.as_str().into(),
                ],
            )
            .await
            .map_err(|e| e.constraint(&format!("account with e-mail {}", new.email)))?;
        let account = row.open(&self.keys)?;
        log.object = format!("account:{}", account.id);
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(account)
    }

    async fn account_by_id(&self, id: i64) -> StoreResult<Option<Account>> {
        let row: Option<AccountRow> = self.fetch_optional(BY_ID, &[id.into()]).await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn account_by_email(&self, email: &str) -> StoreResult<Option<Account>> {
        let index = self.keys.blind_index(ACCOUNT_EMAIL, email)?;
        let row: Option<AccountRow> = self
            .fetch_optional(BY_EMAIL, &[index.as_str().into()])
            .await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep_session_id: Option<i64>,
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let updated = tx
            .execute(SET_PASSWORD, &[password_hash.into(), account_id.into()])
            .await?;
        if updated == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        match keep_session_id {
            Some(keep) => {
                tx.execute(END_SESSIONS_BUT, &[account_id.into(), keep.into()])
                    .await?
            }
            None => tx.execute(END_SESSIONS, &[account_id.into()]).await?,
        };
        tx.log_and_commit(from_ref(&log)).await
    }

    async fn begin_totp_enrolment(&self, account_id: i64, secret: &str) -> StoreResult<()> {
        let sealed = self
            .keys
            .seal_str(TOTP_SECRET, "accounts", &account_id, secret)?;
        let updated = self
            .execute(BEGIN_TOTP, &[sealed.as_str().into(), account_id.into()])
            .await?;
        if updated == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn complete_totp_enrolment(
        &self,
        account_id: i64,
        step: i64,
        recovery_code_hashes: &[String],
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        // Compare-and-set on the step first: of two concurrent calls with the
        // same code, only one can win, and the loser changes nothing.
        let updated = tx
            .execute(COMPLETE_TOTP, &[step.into(), account_id.into()])
            .await?;
        if updated == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        replace_codes(&mut tx, account_id, recovery_code_hashes).await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(true)
    }

    async fn accept_totp_step(&self, account_id: i64, step: i64) -> StoreResult<bool> {
        // One conditional UPDATE: atomic across connections and instances.
        let updated = self
            .execute(ACCEPT_STEP, &[step.into(), account_id.into()])
            .await?;
        Ok(updated == 1)
    }

    async fn replace_recovery_codes(
        &self,
        account_id: i64,
        hashes: &[String],
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        replace_codes(&mut tx, account_id, hashes).await?;
        tx.log_and_commit(from_ref(&log)).await
    }

    async fn use_recovery_code(
        &self,
        account_id: i64,
        hash: &str,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let updated = tx
            .execute(
                USE_CODE,
                &[to_db_time(at).into(), account_id.into(), hash.into()],
            )
            .await?;
        tx.commit_if_changed(updated, from_ref(&log)).await
    }

    async fn unused_recovery_codes(&self, account_id: i64) -> StoreResult<i64> {
        let (n,): (i64,) = self.fetch_one(UNUSED_CODES, &[account_id.into()]).await?;
        Ok(n)
    }

    async fn set_account_language(
        &self,
        account_id: i64,
        language: Option<&str>,
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(SET_LANGUAGE, &[language.into(), account_id.into()])
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        tx.log_and_commit(from_ref(&log)).await
    }
}
