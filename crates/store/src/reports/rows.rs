//! Report rows and their conversion.

use super::{EmbargoExtension, MessageSide, ReportMeta, ReportRecipient, ReportState};
use crate::{corrupt, db_time, opt_db_time, StoreError, StoreResult};
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::template::ZonedTime;

/// The metadata columns, `r` being `reports` and `p` its reporter.
macro_rules! meta_columns {
    () => {
        "r.id, r.reporter_id, p.organisation, p.country AS reporter_country, \
         p.status AS reporter_status, r.sender_account, r.category, r.tlp, r.content_sha256, \
         r.embargo_local, r.embargo_zone, r.embargo_end, r.sent_at, r.ack_deadline"
    };
}
pub(super) use meta_columns;

pub(super) const STATE_COLUMNS: &str = "report_id, state, status, status_at, first_read_at, \
     acknowledged_at, answered_at, escalated_at, reminded_for";
pub(super) const RECIPIENT_COLUMNS: &str =
    "report_id, account_id, state, kind, delivered_at, read_at, acknowledged_at";
pub(super) const EXTENSION_COLUMNS: &str =
    "id, report_id, from_end, to_end, to_local, to_zone, reason, at";
pub(super) const ATTACHMENT_COLUMNS: &str =
    "id, report_id, position, name, file_type, size, sha256";
pub(super) const MESSAGE_COLUMNS: &str =
    "id, report_id, state, author_account, author_side, author_kind, body, sent_at";

/// An embargo as stored: the local time and zone the reporter gave, and
/// the moment in UTC.
fn embargo(
    local: Option<String>,
    zone: Option<String>,
    end: Option<i64>,
) -> Result<Option<ZonedTime>, String> {
    match (local, zone, end) {
        (None, None, None) => Ok(None),
        (Some(local), Some(zone), Some(utc)) => Ok(Some(ZonedTime { local, zone, utc })),
        _ => Err("an embargo without its local time, zone or end".to_string()),
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct MetaRow {
    id: i64,
    reporter_id: i64,
    organisation: String,
    reporter_country: String,
    reporter_status: String,
    sender_account: Option<i64>,
    category: String,
    tlp: String,
    content_sha256: String,
    embargo_local: Option<String>,
    embargo_zone: Option<String>,
    embargo_end: Option<i64>,
    sent_at: i64,
    ack_deadline: i64,
}

impl TryFrom<MetaRow> for ReportMeta {
    type Error = StoreError;

    fn try_from(r: MetaRow) -> StoreResult<Self> {
        let bad = corrupt("reports", r.id);
        Ok(ReportMeta {
            id: r.id,
            reporter_id: r.reporter_id,
            organisation: r.organisation,
            reporter_country: r.reporter_country,
            reporter_status: r
                .reporter_status
                .parse()
                .map_err(|_| bad(format!("reporter status {:?}", r.reporter_status)))?,
            sender_account: r.sender_account,
            category: r
                .category
                .parse()
                .map_err(|_| bad(format!("category {:?}", r.category)))?,
            tlp: r.tlp.parse().map_err(|_| bad(format!("tlp {:?}", r.tlp)))?,
            content_sha256: r.content_sha256,
            embargo: embargo(r.embargo_local, r.embargo_zone, r.embargo_end).map_err(&bad)?,
            sent_at: db_time(r.sent_at).map_err(&bad)?,
            ack_deadline: db_time(r.ack_deadline).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct StateRow {
    pub(super) report_id: i64,
    state: String,
    status: String,
    status_at: Option<i64>,
    first_read_at: Option<i64>,
    acknowledged_at: Option<i64>,
    answered_at: Option<i64>,
    escalated_at: Option<i64>,
    reminded_for: Option<i64>,
}

impl TryFrom<StateRow> for ReportState {
    type Error = StoreError;

    fn try_from(r: StateRow) -> StoreResult<Self> {
        let bad = corrupt("report_states", format!("{}/{}", r.report_id, r.state));
        Ok(ReportState {
            status: r
                .status
                .parse()
                .map_err(|_| bad(format!("status {:?}", r.status)))?,
            status_at: opt_db_time(r.status_at).map_err(&bad)?,
            first_read_at: opt_db_time(r.first_read_at).map_err(&bad)?,
            acknowledged_at: opt_db_time(r.acknowledged_at).map_err(&bad)?,
            answered_at: opt_db_time(r.answered_at).map_err(&bad)?,
            escalated_at: opt_db_time(r.escalated_at).map_err(&bad)?,
            reminded_for: opt_db_time(r.reminded_for).map_err(&bad)?,
            state: r.state,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct RecipientRow {
    pub(super) report_id: i64,
    account_id: i64,
    state: String,
    kind: String,
    delivered_at: i64,
    read_at: Option<i64>,
    acknowledged_at: Option<i64>,
}

impl TryFrom<RecipientRow> for ReportRecipient {
    type Error = StoreError;

    fn try_from(r: RecipientRow) -> StoreResult<Self> {
        let bad = corrupt(
            "report_recipients",
            format!("{}/{}", r.report_id, r.account_id),
        );
        Ok(ReportRecipient {
            account_id: r.account_id,
            kind: r
                .kind
                .parse::<AccountKind>()
                .map_err(|_| bad(format!("kind {:?}", r.kind)))?,
            state: r.state,
            delivered_at: db_time(r.delivered_at).map_err(&bad)?,
            read_at: opt_db_time(r.read_at).map_err(&bad)?,
            acknowledged_at: opt_db_time(r.acknowledged_at).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ExtensionRow {
    id: i64,
    pub(super) report_id: i64,
    from_end: i64,
    to_end: i64,
    to_local: String,
    to_zone: String,
    reason: String,
    at: i64,
}

impl TryFrom<ExtensionRow> for EmbargoExtension {
    type Error = StoreError;

    fn try_from(r: ExtensionRow) -> StoreResult<Self> {
        let bad = corrupt("report_extensions", r.id);
        Ok(EmbargoExtension {
            from_end: db_time(r.from_end).map_err(&bad)?,
            to: ZonedTime {
                local: r.to_local,
                zone: r.to_zone,
                utc: r.to_end,
            },
            reason: r.reason,
            at: db_time(r.at).map_err(&bad)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct AttachmentRow {
    pub(super) id: i64,
    pub(super) report_id: i64,
    pub(super) position: i64,
    pub(super) name: String,
    pub(super) file_type: String,
    pub(super) size: i64,
    pub(super) sha256: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct MessageRow {
    pub(super) id: i64,
    pub(super) report_id: i64,
    pub(super) state: String,
    pub(super) author_account: Option<i64>,
    pub(super) author_side: String,
    pub(super) author_kind: String,
    pub(super) body: String,
    pub(super) sent_at: i64,
}

pub(super) fn side(raw: &str) -> Option<MessageSide> {
    match raw {
        "reporter" => Some(MessageSide::Reporter),
        "state" => Some(MessageSide::State),
        _ => None,
    }
}
