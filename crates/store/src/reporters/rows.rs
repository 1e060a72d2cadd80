//! Reporter rows and their conversion; the contact's address and key are
//! opened here.

use super::{Reporter, ReporterChange};
use crate::sealing::{Keys, OpenRow, REPORTER_EMAIL, REPORTER_OPENPGP_KEY};
use crate::{corrupt, db_time, opt_db_time, StoreResult};

macro_rules! reporter_columns {
    () => {
        "id, organisation, country, website, contact_name, contact_email, language, \
         openpgp_key, openpgp_fingerprint, why, status, status_reason, applied_at, \
         decided_at, invitation_id, account_id"
    };
}
pub(super) use reporter_columns;

macro_rules! change_columns {
    () => {
        "id, at, decided_by, decision, from_status, to_status, reason"
    };
}
pub(super) use change_columns;

#[derive(sqlx::FromRow)]
pub(super) struct ReporterRow {
    id: i64,
    organisation: String,
    country: String,
    website: String,
    contact_name: String,
    contact_email: String,
    language: String,
    openpgp_key: Option<String>,
    openpgp_fingerprint: Option<String>,
    why: String,
    status: String,
    status_reason: Option<String>,
    applied_at: i64,
    decided_at: Option<i64>,
    invitation_id: Option<i64>,
    account_id: Option<i64>,
}

impl OpenRow for ReporterRow {
    type Out = Reporter;

    fn open(self, keys: &Keys) -> StoreResult<Reporter> {
        let r = self;
        let bad = corrupt("reporters", r.id);
        let contact_email = keys.open_str(REPORTER_EMAIL, "reporters", &r.id, &r.contact_email)?;
        let openpgp_key = r
            .openpgp_key
            .map(|k| keys.open_str(REPORTER_OPENPGP_KEY, "reporters", &r.id, &k))
            .transpose()?;
        Ok(Reporter {
            id: r.id,
            organisation: r.organisation,
            country: r.country,
            website: r.website,
            contact_name: r.contact_name,
            contact_email,
            language: r.language,
            openpgp_key,
            openpgp_fingerprint: r.openpgp_fingerprint,
            why: r.why,
            status: r
                .status
                .parse()
                .map_err(|_| bad(format!("status {:?}", r.status)))?,
            status_reason: r.status_reason,
            applied_at: db_time(r.applied_at).map_err(&bad)?,
            decided_at: opt_db_time(r.decided_at).map_err(&bad)?,
            invitation_id: r.invitation_id,
            account_id: r.account_id,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ChangeRow {
    id: i64,
    at: i64,
    decided_by: Option<i64>,
    decision: String,
    from_status: String,
    to_status: String,
    reason: Option<String>,
}

impl TryFrom<ChangeRow> for ReporterChange {
    type Error = crate::StoreError;

    fn try_from(r: ChangeRow) -> StoreResult<Self> {
        let bad = corrupt("reporter_changes", r.id);
        Ok(ReporterChange {
            at: db_time(r.at).map_err(&bad)?,
            decided_by: r.decided_by,
            decision: r
                .decision
                .parse()
                .map_err(|_| bad(format!("decision {:?}", r.decision)))?,
            from: r
                .from_status
                .parse()
                .map_err(|_| bad(format!("status {:?}", r.from_status)))?,
            to: r
                .to_status
                .parse()
                .map_err(|_| bad(format!("status {:?}", r.to_status)))?,
            reason: r.reason,
        })
    }
}
