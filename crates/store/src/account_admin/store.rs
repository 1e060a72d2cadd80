//! Accounts managed in the portal, written once for both backends.

use super::rows::{invitation_columns, reset_columns, InvitationRow, ResetRow};
use super::{
    AccountAdminStore, ChangeMail, Invitation, NewInvitation, NewPasswordReset, PasswordReset,
};
use crate::accounts::rows::{account_columns, AccountRow};
use crate::accounts::Account;
use crate::sealing::{open_all, OpenRow, ACCOUNT_EMAIL, INVITATION_EMAIL};
use crate::sql::{Driver, SqlStore, Tx};
use crate::{to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::account_admin::AccountChange;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::log::events;
use std::slice::from_ref;
use time::OffsetDateTime;

/// Closes open invitations to an address that have expired, so that the
/// unique index on open invitations lets a new one in.
const CLOSE_EXPIRED_INVITATIONS: &str = "UPDATE invitations SET revoked_at = $1 \
     WHERE email_index = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at <= $1";
const INSERT_INVITATION: &str = concat!(
    "INSERT INTO invitations (token_hash, email, kind, participant, display_name, language, \
     poc_id, invited_by, created_at, expires_at, email_index) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ",
    invitation_columns!()
);
const ACCOUNT_WITH_EMAIL: &str = "SELECT COUNT(*) FROM accounts WHERE email_index = $1";
const INVITATION_BY_ID: &str = concat!(
    "SELECT ",
    invitation_columns!(),
    " FROM invitations WHERE id = $1"
);
const INVITATION_BY_TOKEN: &str = concat!(
    "SELECT ",
    invitation_columns!(),
    " FROM invitations WHERE token_hash = $1"
);
const OPEN_INVITATIONS: &str = concat!(
    "SELECT ",
    invitation_columns!(),
    " FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > $1 \
     ORDER BY created_at DESC, id DESC"
);
const OPEN_INVITATIONS_OF: &str = concat!(
    "SELECT ",
    invitation_columns!(),
    " FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > $1 \
     AND participant = $2 ORDER BY created_at DESC, id DESC"
);
const REVOKE_INVITATION: &str = "UPDATE invitations SET revoked_at = $1 \
     WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL";
const REVOKE_INVITATION_OF: &str = "UPDATE invitations SET revoked_at = $1 \
     WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL AND participant = $3";
const USE_INVITATION: &str = concat!(
    "UPDATE invitations SET used_at = $1 WHERE token_hash = $2 \
     AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $1 RETURNING ",
    invitation_columns!()
);
const INSERT_INVITED_ACCOUNT: &str = concat!(
    "INSERT INTO accounts (email, kind, participant, display_name, password_hash, \
     totp_enrolled, demo, password_change_required, created_at, language, email_index) \
     VALUES ($1, $2, $3, $4, $5, false, false, false, $6, $7, $8) RETURNING ",
    account_columns!()
);
const SET_INVITATION_ACCOUNT: &str = "UPDATE invitations SET account_id = $1 WHERE id = $2";
/// A PoC entry withdrawn or gone meanwhile is simply not linked.
const LINK_POC: &str = "INSERT INTO poc_accounts (poc_id, account_id, linked_at) \
     SELECT id, $2, $3 FROM pocs WHERE id = $1 \
     ON CONFLICT (poc_id) DO UPDATE SET account_id = excluded.account_id, \
     linked_at = excluded.linked_at";
const POCS_OF_ACCOUNT: &str =
    "SELECT poc_id FROM poc_accounts WHERE account_id = $1 ORDER BY poc_id";
const POC_ACCOUNT: &str = concat!(
    "SELECT ",
    account_columns!(),
    " FROM accounts WHERE id = (SELECT account_id FROM poc_accounts WHERE poc_id = $1)"
);

const VOID_RESETS: &str =
    "UPDATE password_resets SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL";
const INSERT_RESET: &str = concat!(
    "INSERT INTO password_resets (account_id, token_hash, created_at, expires_at) \
     VALUES ($1, $2, $3, $4) RETURNING ",
    reset_columns!()
);
const RESET_BY_TOKEN: &str = concat!(
    "SELECT ",
    reset_columns!(),
    " FROM password_resets WHERE token_hash = $1"
);
const USE_RESET: &str = "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 \
     AND used_at IS NULL AND expires_at > $1 RETURNING account_id";
const SET_PASSWORD_IF_ENABLED: &str = "UPDATE accounts SET password_hash = $1, \
     password_change_required = false WHERE id = $2 AND NOT disabled";
const END_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1";

const ALL_ACCOUNTS: &str = concat!("SELECT ", account_columns!(), " FROM accounts ORDER BY id");
const ACCOUNTS_OF: &str = concat!(
    "SELECT ",
    account_columns!(),
    " FROM accounts WHERE participant = $1 AND NOT disabled ORDER BY id"
);
const DISABLE: &str = "UPDATE accounts SET disabled = true WHERE id = $1 AND NOT disabled";
const ENABLE: &str = "UPDATE accounts SET disabled = false WHERE id = $1 AND disabled";
const RESET_SECOND_FACTOR: &str =
    "UPDATE accounts SET totp_secret = NULL, totp_enrolled = false WHERE id = $1";
const REVOKE_TOKENS: &str =
    "UPDATE api_tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL";
const DELETE_CODES: &str = "DELETE FROM recovery_codes WHERE account_id = $1";
const DELETE_SECURITY_KEYS: &str = "DELETE FROM security_keys WHERE account_id = $1";
const ACCOUNT_EXISTS: &str = "SELECT COUNT(*) FROM accounts WHERE id = $1";

impl<D: Driver> Tx<D> {
    /// Records an invitation (an expired open one to the address closed
    /// first); `Duplicate` when an account has the address or an open
    /// invitation to it is live. Shared with the approval of a reporter,
    /// which invites in its own transaction.
    pub(crate) async fn insert_invitation(
        &mut self,
        new: &NewInvitation,
    ) -> StoreResult<Invitation> {
        let keys = self.keys.clone();
        let sealed_email = keys.seal_str(INVITATION_EMAIL, "invitations", &"(new)", &new.email)?;
        let invitation_index = keys.blind_index(INVITATION_EMAIL, &new.email)?;
        let account_index = keys.blind_index(ACCOUNT_EMAIL, &new.email)?;
        self.execute(
            CLOSE_EXPIRED_INVITATIONS,
            &[
                to_db_time(new.created_at).into(),
                invitation_index.as_str().into(),
            ],
        )
        .await?;
        let row: InvitationRow = self
            .fetch_one(
                INSERT_INVITATION,
                &[
                    (&new.token_hash).into(),
                    sealed_email.as_str().into(),
                    new.kind.as_str().into(),
                    (&new.participant).into(),
                    (&new.display_name).into(),
                    (&new.language).into(),
                    new.poc_id.into(),
                    new.invited_by.into(),
                    to_db_time(new.created_at).into(),
                    to_db_time(new.expires_at).into(),
                    invitation_index.as_str().into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("open invitation"))?;
        let (accounts,): (i64,) = self
            .fetch_one(ACCOUNT_WITH_EMAIL, &[account_index.as_str().into()])
            .await?;
        if accounts > 0 {
            return Err(StoreError::Duplicate("account".into()));
        }
        row.open(&keys)
    }

    /// Queues a change's mail (a sensitive one when it carries a link) and
    /// appends the change's entry and the mail's, then commits.
    pub(crate) async fn mail_log_and_commit(
        mut self,
        mail: ChangeMail,
        sensitive: bool,
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut mail_log = mail.log;
        match self.enqueue(&mail.mail, sensitive).await? {
            Some(queued) => {
                mail_log.object = format!("mail:{}", queued.id);
                self.log_and_commit(&[log, mail_log]).await
            }
            // The same mail was queued before: the change stands alone.
            None => self.log_and_commit(from_ref(&log)).await,
        }
    }
}

#[async_trait]
impl<D: Driver> AccountAdminStore for SqlStore<D> {
    async fn create_invitation(
        &self,
        new: NewInvitation,
        mail: ChangeMail,
        mut log: LogDraft,
    ) -> StoreResult<Invitation> {
        let mut tx = self.begin().await?;
        let invitation = tx.insert_invitation(&new).await?;
        log.object = format!("invitation:{}", invitation.id);
        tx.mail_log_and_commit(mail, true, log).await?;
        Ok(invitation)
    }

    async fn invitation(&self, id: i64) -> StoreResult<Option<Invitation>> {
        let row: Option<InvitationRow> =
            self.fetch_optional(INVITATION_BY_ID, &[id.into()]).await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn invitation_by_token(&self, token_hash: &str) -> StoreResult<Option<Invitation>> {
        let row: Option<InvitationRow> = self
            .fetch_optional(INVITATION_BY_TOKEN, &[token_hash.into()])
            .await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn open_invitations(
        &self,
        participant: Option<&str>,
        now: OffsetDateTime,
    ) -> StoreResult<Vec<Invitation>> {
        let rows: Vec<InvitationRow> = match participant {
            Some(code) => {
                self.fetch_all(OPEN_INVITATIONS_OF, &[to_db_time(now).into(), code.into()])
                    .await?
            }
            None => {
                self.fetch_all(OPEN_INVITATIONS, &[to_db_time(now).into()])
                    .await?
            }
        };
        open_all(rows, &self.keys)
    }

    async fn revoke_invitation(
        &self,
        id: i64,
        participant: Option<&str>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let changed = match participant {
            Some(code) => {
                tx.execute(
                    REVOKE_INVITATION_OF,
                    &[to_db_time(at).into(), id.into(), code.into()],
                )
                .await?
            }
            None => {
                tx.execute(REVOKE_INVITATION, &[to_db_time(at).into(), id.into()])
                    .await?
            }
        };
        tx.commit_if_changed(changed, from_ref(&log)).await
    }

    async fn accept_invitation(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
        password_hash: &str,
        mut log: LogDraft,
    ) -> StoreResult<Account> {
        let mut tx = self.begin().await?;
        let row: Option<InvitationRow> = tx
            .fetch_optional(USE_INVITATION, &[to_db_time(now).into(), token_hash.into()])
            .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed("the invitation is not open".into()));
        };
        let invitation = row.open(&self.keys)?;
        let email = self
            .keys
            .seal_str(ACCOUNT_EMAIL, "accounts", &"(new)", &invitation.email)?;
        let email_index = self.keys.blind_index(ACCOUNT_EMAIL, &invitation.email)?;
        let row: AccountRow = tx
            .fetch_one(
                INSERT_INVITED_ACCOUNT,
                &[
                    email.as_str().into(),
                    invitation.kind.as_str().into(),
                    (&invitation.participant).into(),
                    (&invitation.display_name).into(),
                    password_hash.into(),
                    to_db_time(now).into(),
                    (&invitation.language).into(),
                    email_index.as_str().into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("account"))?;
        let account = row.open(&self.keys)?;
        tx.execute(
            SET_INVITATION_ACCOUNT,
            &[account.id.into(), invitation.id.into()],
        )
        .await?;
        log.object = format!("account:{}", account.id);
        log.actor.account_id = Some(account.id);
        let mut entries = vec![log];
        if let (Some(poc_id), Some(participant)) = (invitation.poc_id, &invitation.participant) {
            let linked = tx
                .execute(
                    LINK_POC,
                    &[poc_id.into(), account.id.into(), to_db_time(now).into()],
                )
                .await?;
            if linked > 0 {
                entries.push(events::poc_account_linked(
                    now,
                    account.log_actor(),
                    participant,
                    poc_id,
                    account.id,
                )?);
            }
        }
        tx.log_and_commit(&entries).await?;
        Ok(account)
    }

    async fn create_password_reset(
        &self,
        new: NewPasswordReset,
        mail: ChangeMail,
        log: LogDraft,
    ) -> StoreResult<PasswordReset> {
        let mut tx = self.begin().await?;
        tx.execute(
            VOID_RESETS,
            &[to_db_time(new.created_at).into(), new.account_id.into()],
        )
        .await?;
        let row: ResetRow = tx
            .fetch_one(
                INSERT_RESET,
                &[
                    new.account_id.into(),
                    (&new.token_hash).into(),
                    to_db_time(new.created_at).into(),
                    to_db_time(new.expires_at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("password reset"))?;
        let reset = PasswordReset::try_from(row)?;
        tx.mail_log_and_commit(mail, true, log).await?;
        Ok(reset)
    }

    async fn password_reset_by_token(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<PasswordReset>> {
        let row: Option<ResetRow> = self
            .fetch_optional(RESET_BY_TOKEN, &[token_hash.into()])
            .await?;
        row.map(PasswordReset::try_from).transpose()
    }

    async fn complete_password_reset(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
        password_hash: &str,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let used: Option<(i64,)> = tx
            .fetch_optional(USE_RESET, &[to_db_time(now).into(), token_hash.into()])
            .await?;
        let Some((account_id,)) = used else {
            tx.rollback().await?;
            return Ok(false);
        };
        let changed = tx
            .execute(
                SET_PASSWORD_IF_ENABLED,
                &[password_hash.into(), account_id.into()],
            )
            .await?;
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.execute(END_SESSIONS, &[account_id.into()]).await?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(true)
    }

    async fn accounts(&self) -> StoreResult<Vec<Account>> {
        let rows: Vec<AccountRow> = self.fetch_all(ALL_ACCOUNTS, &[]).await?;
        open_all(rows, &self.keys)
    }

    async fn accounts_of(&self, participant: &str) -> StoreResult<Vec<Account>> {
        let rows: Vec<AccountRow> = self.fetch_all(ACCOUNTS_OF, &[participant.into()]).await?;
        open_all(rows, &self.keys)
    }

    async fn change_account(
        &self,
        account_id: i64,
        change: AccountChange,
        at: OffsetDateTime,
        mail: ChangeMail,
        log: LogDraft,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let id = account_id.into();
        let changed = match change {
            AccountChange::Disable => tx.execute(DISABLE, &[id]).await?,
            AccountChange::Enable => tx.execute(ENABLE, &[id]).await?,
            AccountChange::ResetSecondFactor => tx.execute(RESET_SECOND_FACTOR, &[id]).await?,
        };
        if changed == 0 {
            let (exists,): (i64,) = tx.fetch_one(ACCOUNT_EXISTS, &[id]).await?;
            tx.rollback().await?;
            return if exists == 0 {
                Err(StoreError::NotFound)
            } else {
                Ok(false)
            };
        }
        match change {
            AccountChange::Disable => {
                tx.execute(END_SESSIONS, &[id]).await?;
                tx.execute(REVOKE_TOKENS, &[to_db_time(at).into(), id])
                    .await?;
                tx.execute(VOID_RESETS, &[to_db_time(at).into(), id])
                    .await?;
            }
            AccountChange::Enable => {}
            AccountChange::ResetSecondFactor => {
                tx.execute(DELETE_CODES, &[id]).await?;
                tx.execute(DELETE_SECURITY_KEYS, &[id]).await?;
                tx.execute(END_SESSIONS, &[id]).await?;
            }
        }
        tx.mail_log_and_commit(mail, false, log).await?;
        Ok(true)
    }

    async fn link_poc_account(
        &self,
        poc_id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        let linked = tx
            .execute(
                LINK_POC,
                &[poc_id.into(), account_id.into(), to_db_time(at).into()],
            )
            .await
            .map_err(|e| e.constraint("PoC account"))?;
        if linked == 0 {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        tx.log_and_commit(from_ref(&log)).await
    }

    async fn poc_account(&self, poc_id: i64) -> StoreResult<Option<Account>> {
        let row: Option<AccountRow> = self.fetch_optional(POC_ACCOUNT, &[poc_id.into()]).await?;
        row.map(|r| r.open(&self.keys)).transpose()
    }

    async fn pocs_of_account(&self, account_id: i64) -> StoreResult<Vec<i64>> {
        let rows: Vec<(i64,)> = self
            .fetch_all(POCS_OF_ACCOUNT, &[account_id.into()])
            .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }
}
