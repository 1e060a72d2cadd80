//! Accounts managed in the portal: invitations, password resets, the
//! secretariat's changes to an account (disable, re-enable, reset the
//! second factor) and the link between a PoC entry and its account. Each
//! change, the mail that tells of it and their log entries are written in
//! one transaction.

use crate::accounts::Account;
use crate::outbox::NewMail;
use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::account_admin::AccountChange;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod rows;
mod store;

/// An invitation to the portal. Its secret is never stored, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub email: String,
    pub kind: AccountKind,
    pub participant: Option<String>,
    pub display_name: String,
    /// The language it was mailed in; the new account's.
    pub language: String,
    /// The PoC entry the account is linked to on acceptance.
    pub poc_id: Option<i64>,
    pub invited_by: Option<i64>,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
    /// The account made when it was accepted.
    pub account_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub token_hash: String,
    pub email: String,
    pub kind: AccountKind,
    pub participant: Option<String>,
    pub display_name: String,
    pub language: String,
    pub poc_id: Option<i64>,
    pub invited_by: Option<i64>,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

/// A password reset link. Its secret is never stored, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordReset {
    pub id: i64,
    pub account_id: i64,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone)]
pub struct NewPasswordReset {
    pub account_id: i64,
    pub token_hash: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

/// A mail that goes out with a change, and the entry that logs its
/// queueing (its object is set to `mail:<id>` by the store).
#[derive(Debug, Clone)]
pub struct ChangeMail {
    pub mail: NewMail,
    pub log: LogDraft,
}

#[async_trait]
pub trait AccountAdminStore: Send + Sync {
    /// Records an invitation and queues its mail (whose body holds the
    /// link: blanked once sent). `Duplicate` when an account has the
    /// address or an invitation to it is still open and live at
    /// `new.created_at` (an expired open one is closed first). The log
    /// entry's object is set to `invitation:<id>`.
    async fn create_invitation(
        &self,
        new: NewInvitation,
        mail: ChangeMail,
        log: LogDraft,
    ) -> StoreResult<Invitation>;
    async fn invitation(&self, id: i64) -> StoreResult<Option<Invitation>>;
    async fn invitation_by_token(&self, token_hash: &str) -> StoreResult<Option<Invitation>>;
    /// Invitations neither used, revoked nor expired at `now`, of
    /// `participant` only when given; newest first.
    async fn open_invitations(
        &self,
        participant: Option<&str>,
        now: OffsetDateTime,
    ) -> StoreResult<Vec<Invitation>>;
    /// Revokes an open invitation (of `participant` only, when given);
    /// false (and nothing logged) when there is none such.
    async fn revoke_invitation(
        &self,
        id: i64,
        participant: Option<&str>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;
    /// Uses the invitation and makes its account with `password_hash`
    /// (second factor still to enrol), linking its PoC entry if it names
    /// one. `NotAllowed` when the invitation is not open or has expired at
    /// `now`; `Duplicate` when an account took the address meanwhile.
    /// `log`'s object and actor are set to the new account.
    async fn accept_invitation(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
        password_hash: &str,
        log: LogDraft,
    ) -> StoreResult<Account>;
    /// Records a reset link for an account (earlier open ones of the
    /// account stop working) and queues its mail, with both entries.
    async fn create_password_reset(
        &self,
        new: NewPasswordReset,
        mail: ChangeMail,
        log: LogDraft,
    ) -> StoreResult<PasswordReset>;
    async fn password_reset_by_token(&self, token_hash: &str)
        -> StoreResult<Option<PasswordReset>>;
    /// Uses the reset link and sets the password (no change required any
    /// more); ends every session of the account. False (nothing changed or
    /// logged) when the link is used, expired at `now`, or its account is
    /// disabled.
    async fn complete_password_reset(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
        password_hash: &str,
        log: LogDraft,
    ) -> StoreResult<bool>;
    /// Every account, by id.
    async fn accounts(&self) -> StoreResult<Vec<Account>>;
    /// Enabled accounts acting for `participant`, by id.
    async fn accounts_of(&self, participant: &str) -> StoreResult<Vec<Account>>;
    /// Applies the secretariat's `change` at `at` and queues its mail:
    /// disabling ends the sessions, revokes the API tokens and voids open
    /// reset links; resetting the second factor removes the TOTP secret and
    /// recovery codes and ends the sessions. False (nothing changed, mailed
    /// or logged) when the account is already so, `NotFound` when there is
    /// no such account.
    async fn change_account(
        &self,
        account_id: i64,
        change: AccountChange,
        at: OffsetDateTime,
        mail: ChangeMail,
        log: LogDraft,
    ) -> StoreResult<bool>;
    /// Links PoC entry `poc_id` to `account_id` (replacing an earlier link).
    async fn link_poc_account(
        &self,
        poc_id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()>;
    /// The account PoC entry `poc_id` signs in with, if any.
    async fn poc_account(&self, poc_id: i64) -> StoreResult<Option<Account>>;
}
