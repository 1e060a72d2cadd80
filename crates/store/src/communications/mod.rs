//! Communications between PoCs: threads, recipients with their receipts,
//! attachments, escalations. The content (subject, fields, free text) and
//! attachments are sealed here on the way in and opened on the way out:
//! the database never holds them in clear.
//!
//! The store decides nothing about who may read what: the service
//! (`crates/communications`) asks the TLP rules first.

use crate::outbox::NewMail;
use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::attachment::{Attachment, AttachmentType};
use pocdir_domain::communication::delivery::{Receipts, RoleChoice};
use pocdir_domain::communication::template::{CommunicationKind, Content, Urgency};
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod rows;
mod store;

pub use store::ID_PLACEHOLDER;

/// One recipient account of a new communication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecipient {
    pub account_id: i64,
    pub state: String,
    pub kind: AccountKind,
}

/// A communication to store, with everything that must happen with it in
/// one transaction: its recipients, its mails, its log entries.
#[derive(Debug, Clone)]
pub struct NewCommunication {
    /// The thread it continues (None: it starts one).
    pub thread_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub forwarded_from: Option<i64>,
    pub sender_account: i64,
    pub sender_state: String,
    pub kind: CommunicationKind,
    pub urgency: Urgency,
    pub tlp: TlpLabel,
    /// The roles of the States addressed as a whole; None when named.
    pub addressed_roles: Option<RoleChoice>,
    /// The States addressed as a whole (empty when named).
    pub addressed_states: Vec<String>,
    pub content: Content,
    pub content_sha256: String,
    /// The content's text is an OpenPGP message encrypted in the sender's
    /// browser (`communication::e2e`); the other fields are empty.
    pub e2e: bool,
    pub attachments: Vec<Attachment>,
    pub recipients: Vec<NewRecipient>,
    pub sent_at: OffsetDateTime,
    pub ack_deadline: OffsetDateTime,
    /// Mails to queue with it; each `dedupe_key` may hold `{id}`, replaced
    /// by the new communication's id (mail exactly once per recipient).
    pub mails: Vec<NewMail>,
    /// Entries to append; an empty `object` becomes `communication:<id>`.
    pub log: Vec<LogDraft>,
}

/// What anyone who may know a communication exists may see of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommunicationMeta {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub forwarded_from: Option<i64>,
    pub sender_account: i64,
    pub sender_name: String,
    pub sender_kind: AccountKind,
    pub sender_state: String,
    pub kind: CommunicationKind,
    pub urgency: Urgency,
    pub tlp: TlpLabel,
    pub addressed_roles: Option<RoleChoice>,
    pub text_language: String,
    pub content_sha256: String,
    pub sent_at: OffsetDateTime,
    pub ack_deadline: OffsetDateTime,
    /// Encrypted end to end: the server holds only ciphertext.
    pub e2e: bool,
}

/// One recipient and its receipts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub communication_id: i64,
    pub account_id: i64,
    pub name: String,
    pub state: String,
    pub kind: AccountKind,
    pub receipts: Receipts,
}

/// A communication's metadata with its recipients, the States it concerns
/// and the States already escalated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommunicationRecord {
    pub meta: CommunicationMeta,
    pub recipients: Vec<Recipient>,
    /// (State, addressed as a whole) for the sender's and each recipient's.
    pub states: Vec<(String, bool)>,
    pub escalations: Vec<(String, OffsetDateTime)>,
    pub attachments: Vec<AttachmentMeta>,
}

impl CommunicationRecord {
    /// The recipient row of `account_id`, if it is one.
    pub fn recipient(&self, account_id: i64) -> Option<&Recipient> {
        self.recipients.iter().find(|r| r.account_id == account_id)
    }

    /// The States addressed as a whole.
    pub fn addressed_states(&self) -> Vec<&str> {
        self.states
            .iter()
            .filter(|(_, addressed)| *addressed)
            .map(|(s, _)| s.as_str())
            .collect()
    }
}

/// An attachment without its bytes (its name is opened from the seal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentMeta {
    pub id: i64,
    pub communication_id: i64,
    pub position: i64,
    pub name: String,
    pub file_type: AttachmentType,
    pub size: i64,
    pub sha256: String,
}

/// Which communications a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mailbox {
    /// Those `account_id` received.
    Received { account_id: i64 },
    /// Those `account_id` sent.
    Sent { account_id: i64 },
    /// Those that concern `state` (sent by or to it).
    State { state: String },
    /// Every communication: the secretariat's metadata list.
    All,
}

/// Filters of the inbox; None/false shows all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    pub kind: Option<CommunicationKind>,
    pub urgency: Option<Urgency>,
    pub tlp: Option<TlpLabel>,
    /// Only those the reader (the `Received` account) has not opened.
    pub unread: bool,
    /// Only those the reader has not acknowledged.
    pub unacknowledged: bool,
    /// Only those before this id (the next page).
    pub before_id: Option<i64>,
}

/// One line of a list: the metadata, and the reader's receipts when the
/// list is their received mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxItem {
    pub meta: CommunicationMeta,
    pub receipts: Option<Receipts>,
    pub recipient_count: i64,
    pub acknowledged_count: i64,
}

/// A communication whose deadline passed with a State not escalated yet:
/// the escalation job decides with `escalation_due`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationCandidate {
    pub communication_id: i64,
    pub state: String,
    pub ack_deadline: OffsetDateTime,
    pub tlp: TlpLabel,
    pub urgency: Urgency,
    pub kind: CommunicationKind,
    pub sender_state: String,
    /// The State's recipients: kind and whether they acknowledged.
    pub recipients: Vec<(AccountKind, bool)>,
}

#[async_trait]
pub trait CommunicationStore: Send + Sync {
    /// Stores a communication, seals its content and attachments, adds
    /// its recipients (delivered at `sent_at`) and States, marks the
    /// parent answered by the sender when it was a recipient, queues its
    /// mails and appends its log entries: all or nothing. Returns its id.
    async fn send_communication(&self, new: NewCommunication) -> StoreResult<i64>;

    /// Several communications as [`send_communication`] stores one, all in
    /// one transaction (all or none): for imports and the benchmark's
    /// setup. Their ids, in order.
    ///
    /// [`send_communication`]: CommunicationStore::send_communication
    async fn send_communications(&self, news: Vec<NewCommunication>) -> StoreResult<Vec<i64>>;

    /// Metadata, recipients, States, escalations and attachment names.
    async fn communication(&self, id: i64) -> StoreResult<Option<CommunicationRecord>>;

    /// The opened content: only for a reader the TLP rules allowed.
    async fn communication_content(&self, id: i64) -> StoreResult<Content>;

    /// An attachment's metadata and opened bytes.
    async fn attachment(
        &self,
        communication_id: i64,
        attachment_id: i64,
    ) -> StoreResult<(AttachmentMeta, Vec<u8>)>;

    /// Every communication of the thread, oldest first.
    async fn thread(&self, thread_id: i64) -> StoreResult<Vec<CommunicationRecord>>;

    /// A page of a mailbox, newest first.
    async fn inbox(
        &self,
        mailbox: &Mailbox,
        filter: &InboxFilter,
        limit: u32,
    ) -> StoreResult<Vec<InboxItem>>;

    /// The subjects of these communications, opened, in one query: only
    /// for lines whose reader the TLP rules allowed the content.
    async fn communication_subjects(
        &self,
        ids: &[i64],
    ) -> StoreResult<std::collections::BTreeMap<i64, String>>;

    /// How many communications `account_id` received and has not opened.
    async fn unread_count(&self, account_id: i64) -> StoreResult<i64>;

    /// Records that `account_id` opened it, the first time only: then
    /// appends `log` and returns true.
    async fn record_read(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;

    /// Records the acknowledgement of `account_id` (also a read) and
    /// appends `log`. `StoreError::NotAllowed` when already acknowledged,
    /// `NotFound` when not a recipient.
    async fn acknowledge(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Receipts>;

    /// Communications whose deadline is at or before `now` with a State
    /// that has technical recipients and no escalation yet, oldest
    /// deadline first.
    async fn escalation_candidates(
        &self,
        now: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<EscalationCandidate>>;

    /// Records the escalation of `state` with its mails and log entry, and
    /// adds `alerted` as recipients (delivered at `at`; those already
    /// recipients are left as they are), so that it is in their inbox;
    /// false (nothing added, queued or logged) when it was escalated already.
    async fn escalate(
        &self,
        id: i64,
        state: &str,
        at: OffsetDateTime,
        alerted: Vec<NewRecipient>,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<bool>;

    /// The PoC accounts (diplomatic and technical, enabled) of `state`
    /// of the chosen roles: whom a communication to the State reaches.
    async fn poc_accounts_of(&self, state: &str, roles: RoleChoice)
        -> StoreResult<Vec<PocAccount>>;

    /// The PoC accounts with these ids (enabled ones only).
    async fn poc_accounts(&self, ids: &[i64]) -> StoreResult<Vec<PocAccount>>;
}

/// A PoC account a communication can reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PocAccount {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub kind: AccountKind,
    pub state: String,
    pub language: Option<String>,
}
