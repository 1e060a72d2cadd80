//! Communication rows and their conversion.

use super::{AttachmentMeta, CommunicationMeta, Recipient};
use crate::{corrupt, db_time, opt_db_time, StoreError, StoreResult};
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::attachment::AttachmentType;
use pocdir_domain::communication::delivery::{Receipts, RoleChoice};
use pocdir_domain::communication::tlp::TlpLabel;

/// The metadata columns, `c` being `communications` and `a` the sender's
/// account.
macro_rules! meta_columns {
    () => {
        "c.id, c.thread_id, c.parent_id, c.forwarded_from, c.sender_account, \
         a.display_name AS sender_name, a.kind AS sender_kind, c.sender_state, c.kind, \
         c.urgency, c.tlp, c.addressed_roles, c.text_language, c.content_sha256, c.sent_at, \
         c.ack_deadline, c.e2e"
    };
}
pub(super) use meta_columns;

#[derive(sqlx::FromRow)]
pub(super) struct MetaRow {
    id: i64,
    thread_id: Option<i64>,
    parent_id: Option<i64>,
    forwarded_from: Option<i64>,
    sender_account: i64,
    sender_name: String,
    sender_kind: String,
    sender_state: String,
    kind: String,
    urgency: String,
    tlp: String,
    addressed_roles: Option<String>,
    text_language: String,
    content_sha256: String,
    sent_at: i64,
    ack_deadline: i64,
    e2e: bool,
}

impl TryFrom<MetaRow> for CommunicationMeta {
    type Error = StoreError;

    fn try_from(r: MetaRow) -> StoreResult<Self> {
        let bad = corrupt("communications", r.id);
        let word = |what: &str, v: &str| format!("{what} {v:?}");
        Ok(CommunicationMeta {
            id: r.id,
            thread_id: r.thread_id.unwrap_or(r.id),
            parent_id: r.parent_id,
            forwarded_from: r.forwarded_from,
            sender_account: r.sender_account,
            sender_name: r.sender_name,
            sender_kind: r
                .sender_kind
                .parse::<AccountKind>()
                .map_err(|_| bad(word("sender kind", &r.sender_kind)))?,
            sender_state: r.sender_state,
            kind: r.kind.parse().map_err(|_| bad(word("kind", &r.kind)))?,
            urgency: r
                .urgency
                .parse()
                .map_err(|_| bad(word("urgency", &r.urgency)))?,
            tlp: r
                .tlp
                .parse::<TlpLabel>()
                .map_err(|_| bad(word("tlp", &r.tlp)))?,
            addressed_roles: r
                .addressed_roles
                .as_deref()
                .map(|v| {
                    v.parse::<RoleChoice>()
                        .map_err(|_| bad(word("addressed roles", v)))
                })
                .transpose()?,
            text_language: r.text_language,
            content_sha256: r.content_sha256,
            sent_at: db_time(r.sent_at).map_err(&bad)?,
            ack_deadline: db_time(r.ack_deadline).map_err(&bad)?,
            e2e: r.e2e,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct RecipientRow {
    pub(super) communication_id: i64,
    account_id: i64,
    name: String,
    state: String,
    kind: String,
    delivered_at: i64,
    read_at: Option<i64>,
    acknowledged_at: Option<i64>,
    answered_at: Option<i64>,
}

pub(super) const RECIPIENT_COLUMNS: &str = "r.communication_id, r.account_id, \
     a.display_name AS name, r.state, r.kind, r.delivered_at, r.read_at, r.acknowledged_at, \
     r.answered_at";

impl TryFrom<RecipientRow> for Recipient {
    type Error = StoreError;

    fn try_from(r: RecipientRow) -> StoreResult<Self> {
        let bad = corrupt(
            "communication_recipients",
            format!("{}/{}", r.communication_id, r.account_id),
        );
        Ok(Recipient {
            communication_id: r.communication_id,
            account_id: r.account_id,
            name: r.name,
            state: r.state,
            kind: r
                .kind
                .parse::<AccountKind>()
                .map_err(|_| bad(format!("kind {:?}", r.kind)))?,
            receipts: Receipts {
                delivered_at: db_time(r.delivered_at).map_err(&bad)?,
                read_at: opt_db_time(r.read_at).map_err(&bad)?,
                acknowledged_at: opt_db_time(r.acknowledged_at).map_err(&bad)?,
                answered_at: opt_db_time(r.answered_at).map_err(&bad)?,
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ReceiptsRow {
    pub(super) delivered_at: i64,
    pub(super) read_at: Option<i64>,
    pub(super) acknowledged_at: Option<i64>,
    pub(super) answered_at: Option<i64>,
}

impl ReceiptsRow {
    pub(super) fn receipts(self, key: impl std::fmt::Display) -> StoreResult<Receipts> {
        let bad = corrupt("communication_recipients", key);
        Ok(Receipts {
            delivered_at: db_time(self.delivered_at).map_err(&bad)?,
            read_at: opt_db_time(self.read_at).map_err(&bad)?,
            acknowledged_at: opt_db_time(self.acknowledged_at).map_err(&bad)?,
            answered_at: opt_db_time(self.answered_at).map_err(&bad)?,
        })
    }
}

/// An inbox line: the metadata, the reader's receipts (NULL delivered_at
/// when the list is not the reader's received mail) and the counts.
#[derive(sqlx::FromRow)]
pub(super) struct InboxRow {
    #[sqlx(flatten)]
    pub(super) meta: MetaRow,
    pub(super) my_delivered_at: Option<i64>,
    pub(super) my_read_at: Option<i64>,
    pub(super) my_acknowledged_at: Option<i64>,
    pub(super) my_answered_at: Option<i64>,
    pub(super) recipient_count: i64,
    pub(super) acknowledged_count: i64,
}

#[derive(sqlx::FromRow)]
pub(super) struct AttachmentRow {
    pub(super) id: i64,
    pub(super) communication_id: i64,
    pub(super) position: i64,
    pub(super) name: String,
    pub(super) file_type: String,
    pub(super) size: i64,
    pub(super) sha256: String,
}

pub(super) const ATTACHMENT_COLUMNS: &str =
    "id, communication_id, position, name, file_type, size, sha256";

impl AttachmentRow {
    /// With its name opened by `open_name`.
    pub(super) fn into_meta(
        self,
        open_name: impl Fn(i64, &str) -> StoreResult<String>,
    ) -> StoreResult<AttachmentMeta> {
        let bad = corrupt("communication_attachments", self.id);
        Ok(AttachmentMeta {
            id: self.id,
            communication_id: self.communication_id,
            position: self.position,
            name: open_name(self.id, &self.name)?,
            file_type: AttachmentType::parse(&self.file_type)
                .ok_or_else(|| bad(format!("file type {:?}", self.file_type)))?,
            size: self.size,
            sha256: self.sha256,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct EscalationRow {
    pub(super) communication_id: i64,
    pub(super) state: String,
    pub(super) escalated_at: i64,
}

#[derive(sqlx::FromRow)]
pub(super) struct StateRow {
    pub(super) communication_id: i64,
    pub(super) state: String,
    pub(super) addressed: bool,
}

#[derive(sqlx::FromRow)]
pub(super) struct CandidateRow {
    pub(super) communication_id: i64,
    pub(super) state: String,
    pub(super) ack_deadline: i64,
    pub(super) tlp: String,
    pub(super) urgency: String,
    pub(super) kind: String,
    pub(super) sender_state: String,
    pub(super) recipient_kind: String,
    pub(super) acknowledged: bool,
}

#[derive(sqlx::FromRow)]
pub(super) struct PocAccountRow {
    pub(super) id: i64,
    pub(super) display_name: String,
    pub(super) email: String,
    pub(super) kind: String,
    pub(super) participant: Option<String>,
    pub(super) language: Option<String>,
}

impl TryFrom<PocAccountRow> for super::PocAccount {
    type Error = StoreError;

    fn try_from(r: PocAccountRow) -> StoreResult<Self> {
        let bad = corrupt("accounts", r.id);
        Ok(super::PocAccount {
            account_id: r.id,
            name: r.display_name,
            email: r.email,
            kind: r
                .kind
                .parse::<AccountKind>()
                .map_err(|_| bad(format!("kind {:?}", r.kind)))?,
            state: r
                .participant
                .ok_or_else(|| bad("a PoC account without a State".into()))?,
            language: r.language,
        })
    }
}
