//! Account rows and their conversion.

use super::Account;
use crate::sealing::{Keys, OpenRow, ACCOUNT_EMAIL, TOTP_SECRET};
use crate::{corrupt, db_time, StoreResult};

macro_rules! account_columns {
    () => {
        "id, email, kind, participant, display_name, password_hash, totp_secret, \
         totp_enrolled, totp_last_step, demo, disabled, password_change_required, language, created_at"
    };
}
pub(crate) use account_columns;

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
    password_change_required: bool,
    language: Option<String>,
    created_at: i64,
}

impl OpenRow for AccountRow {
    type Out = Account;

    fn open(self, keys: &Keys) -> StoreResult<Account> {
        let r = self;
        let bad = corrupt("accounts", r.id);
        let totp_secret = keys.open_opt(TOTP_SECRET, "accounts", &r.id, r.totp_secret)?;
        let email = keys.open_str(ACCOUNT_EMAIL, "accounts", &r.id, &r.email)?;
        Ok(Account {
            id: r.id,
            kind: r
                .kind
                .parse()
                .map_err(|_| bad(format!("account kind {:?}", r.kind)))?,
            email,
            participant: r.participant,
            display_name: r.display_name,
            password_hash: r.password_hash,
            totp_secret,
            totp_enrolled: r.totp_enrolled,
            totp_last_step: r.totp_last_step,
            demo: r.demo,
            disabled: r.disabled,
            password_change_required: r.password_change_required,
            language: r.language,
            created_at: db_time(r.created_at).map_err(&bad)?,
        })
    }
}
