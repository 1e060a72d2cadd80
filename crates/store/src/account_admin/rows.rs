//! Invitation and password reset rows and their conversion.

use super::{Invitation, PasswordReset};
use crate::sealing::{Keys, OpenRow, INVITATION_EMAIL};
use crate::{corrupt, db_time, opt_db_time, StoreError, StoreResult};

macro_rules! invitation_columns {
    () => {
        "id, email, kind, participant, display_name, language, poc_id, invited_by, \
         created_at, expires_at, used_at, revoked_at, account_id"
    };
}
pub(super) use invitation_columns;

macro_rules! reset_columns {
    () => {
        "id, account_id, created_at, expires_at, used_at"
    };
}
pub(super) use reset_columns;

#[derive(sqlx::FromRow)]
pub(super) struct InvitationRow {
    id: i64,
    email: String,
    kind: String,
    participant: Option<String>,
    display_name: String,
    language: String,
    poc_id: Option<i64>,
    invited_by: Option<i64>,
    created_at: i64,
    expires_at: i64,
    used_at: Option<i64>,
    revoked_at: Option<i64>,
    account_id: Option<i64>,
}

impl OpenRow for InvitationRow {
    type Out = Invitation;

    fn open(self, keys: &Keys) -> StoreResult<Invitation> {
        let r = self;
        let bad = corrupt("invitations", r.id);
        let email = keys.open_str(INVITATION_EMAIL, "invitations", &r.id, &r.email)?;
        Ok(Invitation {
            id: r.id,
            kind: r
                .kind
                .parse()
                .map_err(|_| bad(format!("account kind {:?}", r.kind)))?,
            email,
            participant: r.participant,
            display_name: r.display_name,
            language: r.language,
            poc_id: r.poc_id,
            invited_by: r.invited_by,
            created_at: db_time(r.created_at).map_err(&bad)?,
            expires_at: db_time(r.expires_at).map_err(&bad)?,
            used_at: opt_db_time(r.used_at).map_err(&bad)?,
            revoked_at: opt_db_time(r.revoked_at).map_err(&bad)?,
            account_id: r.account_id,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ResetRow {
    id: i64,
    account_id: i64,
    created_at: i64,
    expires_at: i64,
    used_at: Option<i64>,
}

impl TryFrom<ResetRow> for PasswordReset {
    type Error = StoreError;

    fn try_from(r: ResetRow) -> StoreResult<Self> {
        let bad = corrupt("password_resets", r.id);
        Ok(PasswordReset {
            id: r.id,
            account_id: r.account_id,
            created_at: db_time(r.created_at).map_err(&bad)?,
            expires_at: db_time(r.expires_at).map_err(&bad)?,
            used_at: opt_db_time(r.used_at).map_err(&bad)?,
        })
    }
}
