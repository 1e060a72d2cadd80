//! Reporters: applications from the public form, the secretariat's
//! decisions (each with its history row, its log entry and, where it tells
//! the applicant, its mail, in one transaction) and the profile a
//! reporter's account reads. Approving also records the invitation that
//! lets the reporter enrol, in the same transaction.

use crate::account_admin::{ChangeMail, Invitation, NewInvitation};
use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::reporter::{ReporterStatus, VettingDecision};
use time::OffsetDateTime;

mod rows;
mod store;

/// A reporter: an application, and once approved the profile of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporter {
    pub id: i64,
    pub organisation: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub website: String,
    pub contact_name: String,
    pub contact_email: String,
    /// The UN language mail to the applicant is written in.
    pub language: String,
    /// ASCII-armored, as checked when it applied.
    pub openpgp_key: Option<String>,
    pub openpgp_fingerprint: Option<String>,
    pub why: String,
    pub status: ReporterStatus,
    /// The reason of the last rejection or suspension.
    pub status_reason: Option<String>,
    pub applied_at: OffsetDateTime,
    pub decided_at: Option<OffsetDateTime>,
    pub invitation_id: Option<i64>,
    /// The account it signs in with, once it has one.
    pub account_id: Option<i64>,
}

/// A checked application, as the store records it.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub organisation: String,
    pub country: String,
    pub website: String,
    pub contact_name: String,
    pub contact_email: String,
    pub language: String,
    pub openpgp_key: Option<String>,
    pub openpgp_fingerprint: Option<String>,
    pub why: String,
    pub applied_at: OffsetDateTime,
}

/// One of the secretariat's decisions, with what goes with it.
#[derive(Debug, Clone)]
pub struct ReporterDecision {
    pub reporter_id: i64,
    pub decision: VettingDecision,
    /// The status the decision was taken on: the change is made only if
    /// the reporter is still so (`NotAllowed` otherwise).
    pub from: ReporterStatus,
    pub reason: Option<String>,
    pub at: OffsetDateTime,
    pub decided_by: Option<i64>,
    /// Approval's invitation to enrol (its log entry's object is set to
    /// `invitation:<id>` by the store).
    pub invitation: Option<(NewInvitation, LogDraft)>,
    /// The mail that tells the applicant.
    pub mail: Option<ChangeMail>,
    /// The decision's entry (its object is set to `reporter:<id>`).
    pub log: LogDraft,
}

/// A decision in a reporter's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReporterChange {
    pub at: OffsetDateTime,
    pub decided_by: Option<i64>,
    pub decision: VettingDecision,
    pub from: ReporterStatus,
    pub to: ReporterStatus,
    pub reason: Option<String>,
}

#[async_trait]
pub trait ReporterStore: Send + Sync {
    /// Records an application (pending) with its entry, whose object is
    /// set to `reporter:<id>`.
    async fn apply_as_reporter(&self, new: NewApplication, log: LogDraft) -> StoreResult<Reporter>;
    async fn reporter(&self, id: i64) -> StoreResult<Option<Reporter>>;
    /// Every reporter and application: pending first (oldest first, as
    /// they wait), then the others, newest first.
    async fn reporters(&self) -> StoreResult<Vec<Reporter>>;
    /// The reporter `account_id` signs in as: linked directly, or through
    /// the invitation approval sent once it is accepted.
    async fn reporter_of_account(&self, account_id: i64) -> StoreResult<Option<Reporter>>;
    /// Applies a decision: `NotFound` for no such reporter, `NotAllowed`
    /// when it is no longer in `from`, `Duplicate` when approval's
    /// invitation is refused (the address has an account or an open
    /// invitation). Nothing is written unless everything is. Returns the
    /// reporter as it now stands, and approval's invitation.
    async fn decide_reporter(
        &self,
        decision: ReporterDecision,
    ) -> StoreResult<(Reporter, Option<Invitation>)>;
    /// The reporter's decisions, oldest first.
    async fn reporter_changes(&self, id: i64) -> StoreResult<Vec<ReporterChange>>;
    /// Links `account_id` to the reporter (the demo's ready-made account).
    async fn link_reporter_account(&self, id: i64, account_id: i64) -> StoreResult<()>;
}
