//! Reports: what vetted reporters send to the technical PoCs of States,
//! each State's status, acknowledgements and thread, and the embargo's
//! extensions. The content, the messages and the attachments are sealed
//! here on the way in and opened on the way out.
//!
//! The store decides nothing about who may read what: the service asks
//! `policy::report_view` first. Everything that goes with a step (its
//! mails, its log entries) is written in the step's one transaction.

use crate::communications::{AttachmentMeta, NewRecipient};
use crate::outbox::NewMail;
use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::attachment::Attachment;
use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::report::{ReportCategory, ReportContent, StateStatus};
use pocdir_domain::reporter::ReporterStatus;
use time::OffsetDateTime;

mod rows;
mod store;

pub use store::report_mail_key_prefix;
pub(crate) use store::withheld_entry;

/// Where a mail's dedupe key, subject and body name the new report's id
/// before it has one.
pub const REPORT_ID_PLACEHOLDER: &str = "{report-id}";

/// A report to store with everything that goes with it, all or nothing.
#[derive(Debug, Clone)]
pub struct NewReport {
    pub reporter_id: i64,
    pub sender_account: i64,
    pub category: ReportCategory,
    pub tlp: TlpLabel,
    pub content: ReportContent,
    pub content_sha256: String,
    pub embargo: Option<ZonedTime>,
    /// The States addressed (each must take part: `NotAllowed` otherwise).
    pub states: Vec<String>,
    pub recipients: Vec<NewRecipient>,
    pub attachments: Vec<Attachment>,
    pub sent_at: OffsetDateTime,
    pub ack_deadline: OffsetDateTime,
    /// Each `dedupe_key`, subject and body may hold [`REPORT_ID_PLACEHOLDER`].
    pub mails: Vec<NewMail>,
    /// An empty `object` becomes `report:<id>`.
    pub log: Vec<LogDraft>,
}

/// What anyone who may know a report exists may see of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportMeta {
    pub id: i64,
    pub reporter_id: i64,
    pub organisation: String,
    pub reporter_country: String,
    pub reporter_status: ReporterStatus,
    /// The reporter's account that sent it.
    pub sender_account: Option<i64>,
    pub category: ReportCategory,
    pub tlp: TlpLabel,
    pub content_sha256: String,
    pub embargo: Option<ZonedTime>,
    pub sent_at: OffsetDateTime,
    pub ack_deadline: OffsetDateTime,
}

/// Where one State stands on a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportState {
    pub state: String,
    pub status: StateStatus,
    pub status_at: Option<OffsetDateTime>,
    pub first_read_at: Option<OffsetDateTime>,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub answered_at: Option<OffsetDateTime>,
    pub escalated_at: Option<OffsetDateTime>,
    pub reminded_for: Option<OffsetDateTime>,
}

/// One PoC account a report reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecipient {
    pub account_id: i64,
    pub state: String,
    pub kind: AccountKind,
    pub delivered_at: OffsetDateTime,
    pub read_at: Option<OffsetDateTime>,
    pub acknowledged_at: Option<OffsetDateTime>,
}

/// An extension of the embargo, with the reason every reader is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbargoExtension {
    pub from_end: OffsetDateTime,
    pub to: ZonedTime,
    pub reason: String,
    pub at: OffsetDateTime,
}

/// A report's metadata with its States, recipients, files and extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecord {
    pub meta: ReportMeta,
    pub states: Vec<ReportState>,
    pub recipients: Vec<ReportRecipient>,
    pub attachments: Vec<AttachmentMeta>,
    pub extensions: Vec<EmbargoExtension>,
}

impl ReportRecord {
    pub fn state_codes(&self) -> Vec<String> {
        self.states.iter().map(|s| s.state.clone()).collect()
    }

    pub fn state(&self, code: &str) -> Option<&ReportState> {
        self.states.iter().find(|s| s.state == code)
    }

    pub fn recipient(&self, account_id: i64) -> Option<&ReportRecipient> {
        self.recipients.iter().find(|r| r.account_id == account_id)
    }
}

/// Who wrote a message in a State's thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageSide {
    Reporter,
    State,
}

impl MessageSide {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageSide::Reporter => "reporter",
            MessageSide::State => "state",
        }
    }
}

/// A message in the thread between the reporter and one State.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportMessage {
    pub id: i64,
    pub report_id: i64,
    pub state: String,
    /// Only for the secretariat's and the author's own eyes: the pages show
    /// the reporter "State X, technical PoC".
    pub author_account: Option<i64>,
    pub side: MessageSide,
    pub author_kind: AccountKind,
    pub body: String,
    pub sent_at: OffsetDateTime,
}

/// A message to add, with its mails and entry.
#[derive(Debug, Clone)]
pub struct NewReportMessage {
    pub report_id: i64,
    pub state: String,
    pub author_account: i64,
    pub side: MessageSide,
    pub author_kind: AccountKind,
    pub body: String,
    pub sent_at: OffsetDateTime,
    pub mails: Vec<NewMail>,
    pub log: LogDraft,
}

/// Which reports a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportList {
    /// Those the reporter sent.
    OfReporter(i64),
    /// Those addressed to the State.
    ToState(String),
    /// Every report (the secretariat's metadata list).
    All,
}

/// A State to remind of an embargo's end, or to escalate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportStateDue {
    pub report_id: i64,
    pub state: String,
    pub status: StateStatus,
    pub embargo_end: Option<OffsetDateTime>,
    pub reminded_for: Option<OffsetDateTime>,
    pub ack_deadline: OffsetDateTime,
}

#[async_trait]
pub trait ReportStore: Send + Sync {
    /// Stores a report, seals its content and files, adds its States
    /// (Unknown), recipients (delivered at `sent_at`), mails and entries:
    /// all or nothing. `NotAllowed` when the reporter is not approved or a
    /// State does not take part. Returns its id.
    async fn send_report(&self, new: NewReport) -> StoreResult<i64>;

    async fn report(&self, id: i64) -> StoreResult<Option<ReportRecord>>;

    /// The opened content: only for a reader the policy allowed.
    async fn report_content(&self, id: i64) -> StoreResult<ReportContent>;

    async fn report_attachment(
        &self,
        report_id: i64,
        attachment_id: i64,
    ) -> StoreResult<(AttachmentMeta, Vec<u8>)>;

    /// A page of a list, newest first, before `before_id` when given.
    async fn reports(
        &self,
        list: &ReportList,
        before_id: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<ReportRecord>>;

    /// When the reporter's reports since `since` were sent (rate limit).
    async fn reports_sent_since(
        &self,
        reporter_id: i64,
        since: OffsetDateTime,
    ) -> StoreResult<Vec<OffsetDateTime>>;

    /// Records that `account_id` opened it, the first time only (also the
    /// State's first read): then appends `log` and returns true.
    async fn record_report_read(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<bool>;

    /// Records `account_id`'s acknowledgement (and the State's, the first
    /// time): `NotAllowed` when already acknowledged, `NotFound` when not
    /// a recipient.
    async fn acknowledge_report(
        &self,
        id: i64,
        account_id: i64,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()>;

    /// Sets `state`'s status if it is still `from` (`NotAllowed` otherwise).
    async fn set_report_status(
        &self,
        id: i64,
        state: &str,
        from: StateStatus,
        to: StateStatus,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<()>;

    /// Adds a message to a State's thread (a State's first one answers the
    /// report); returns its id.
    async fn add_report_message(&self, message: NewReportMessage) -> StoreResult<i64>;

    /// The thread of `state`, or of every State, oldest first.
    async fn report_messages(
        &self,
        id: i64,
        state: Option<&str>,
    ) -> StoreResult<Vec<ReportMessage>>;

    /// Moves the embargo's end from `from_end` to `to` (`NotAllowed` if it
    /// no longer ends at `from_end`), with its history row, mails, entry.
    #[allow(clippy::too_many_arguments)]
    async fn extend_report_embargo(
        &self,
        id: i64,
        from_end: OffsetDateTime,
        to: ZonedTime,
        reason: &str,
        at: OffsetDateTime,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<()>;

    /// States of reports of approved reporters whose embargo ends between
    /// `now` and `now + lead`, not settled, not reminded for that end.
    async fn report_reminders_due(
        &self,
        now: OffsetDateTime,
        lead: time::Duration,
        limit: u32,
    ) -> StoreResult<Vec<ReportStateDue>>;

    /// Records the reminder of `state` for `end` with its mails and entry;
    /// false (nothing written) when it was reminded for that end already.
    async fn remind_report_state(
        &self,
        id: i64,
        state: &str,
        end: OffsetDateTime,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<bool>;

    /// States of reports of approved reporters past their deadline with
    /// technical recipients, none of whom acknowledged, not escalated.
    async fn report_escalations_due(
        &self,
        now: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<ReportStateDue>>;

    /// Escalates `state`: adds `alerted` as recipients, queues mails,
    /// appends the entry; false when it was escalated already.
    async fn escalate_report(
        &self,
        id: i64,
        state: &str,
        at: OffsetDateTime,
        alerted: Vec<NewRecipient>,
        mails: Vec<NewMail>,
        log: LogDraft,
    ) -> StoreResult<bool>;
}
