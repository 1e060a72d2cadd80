//! Points of contact: nomination, verification by the secretariat,
//! updates, withdrawal and re-validation, each change a version with its
//! history row. The rules of each change are the domain's
//! ([`pocdir_domain::directory::lifecycle`]); this writes them.

use crate::{Poc, PocRole, StoreResult};
use async_trait::async_trait;
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod rows;
mod store;

/// What became of a change made on the version the caller last saw.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum ChangeOutcome<T> {
    /// Made and logged.
    Applied(T),
    /// The PoC changed since that version: nothing was changed or logged.
    /// Here is what it is now.
    Stale(Poc),
}

impl<T> ChangeOutcome<T> {
    /// What the change made, or, when stale, the PoC as it is now.
    // Both sides are PoCs of the same size: boxing one would not help.
    #[allow(clippy::result_large_err)]
    pub fn applied(self) -> Result<T, Poc> {
        match self {
            ChangeOutcome::Applied(done) => Ok(done),
            ChangeOutcome::Stale(current) => Err(current),
        }
    }
}

/// The outcome of a decision: the PoC, and the participant's status change
/// (from, to) it caused, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecidedPoc {
    pub poc: Poc,
    pub participant_status_changed: Option<(ParticipationStatus, ParticipationStatus)>,
}

/// One nomination of an import.
#[derive(Debug, Clone)]
pub struct NewNomination {
    pub participant: String,
    pub role: PocRole,
    /// JSON of a validated `PocDetails`.
    pub details_json: String,
    pub log: LogDraft,
}

/// One version of a PoC: who did what, when, with what details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PocHistoryEntry {
    pub poc_id: i64,
    pub version: i64,
    pub at: OffsetDateTime,
    pub actor_account_id: Option<i64>,
    /// `propose`, `propose_update`, `propose_withdrawal`, `approve`, `reject` or `confirm`.
    pub action: String,
    /// JSON of the details proposed, approved or rejected, if any.
    pub details: Option<String>,
    pub reason: Option<String>,
}

// Every change below bumps the PoC's `version`, writes one `poc_history`
// row and appends `log`, all in one transaction. Changes to an existing
// PoC take the version the caller last saw: when it is stale they return
// `ChangeOutcome::Stale(current)` and change and log nothing (optimistic
// concurrency). A change the PoC's state does not allow is
// `StoreError::NotAllowed`; an unknown id is `StoreError::NotFound`.
// `details_json` is the JSON of a validated `PocDetails`, stored as given.
#[async_trait]
pub trait PocStore: Send + Sync {
    /// Nominates a PoC: status `pending`, `pending` = the details, pending
    /// action `create`, version 1. `NotFound` if the participant does not
    /// exist. The log entry's `object` is set to `poc:<new id>`.
    async fn propose_poc(
        &self,
        participant: &str,
        role: PocRole,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<Poc>;
    /// Proposes new details for an active PoC (pending action `update`,
    /// replacing an update already pending), or amends a nomination still
    /// pending (the action stays `create`). `NotAllowed` for a rejected or
    /// withdrawn PoC, or while a withdrawal is pending.
    async fn propose_poc_update(
        &self,
        id: i64,
        expected_version: i64,
        details_json: &str,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<Poc>>;
    /// Asks for the withdrawal of an active PoC (pending action `withdraw`,
    /// replacing an update proposal); a nomination still pending is
    /// withdrawn at once. `NotAllowed` for a rejected or withdrawn PoC, or
    /// when a withdrawal is already pending. `reason` is kept in its history row.
    async fn propose_poc_withdrawal(
        &self,
        id: i64,
        expected_version: i64,
        reason: Option<&str>,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<Poc>>;
    /// The secretariat's decision on the pending action. Approving a
    /// `create` makes the PoC active (`active` = `pending`, `confirmed_at` =
    /// `at`); an `update` replaces `active` and sets `confirmed_at`; a
    /// `withdraw` makes it withdrawn (keeping `active` for history).
    /// Rejecting clears `pending` (a rejected `create` makes it rejected).
    /// In the same transaction the participant's status follows
    /// [`next_status`](pocdir_domain::directory::participant::next_status)
    /// (`PocVerified` on an approved creation, `LastPocWithdrawn` when an
    /// approved withdrawal leaves it no active PoC); when it changes, a
    /// second entry `participant.status` (object `participant:<code>`, by
    /// `log.actor`) is appended after `log`. A transition the state machine
    /// refuses (e.g. a participant that left) leaves the status as it is.
    /// `NotAllowed` when nothing is pending.
    #[allow(clippy::too_many_arguments)]
    async fn decide_poc(
        &self,
        id: i64,
        expected_version: i64,
        approve: bool,
        reason: Option<&str>,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<DecidedPoc>>;
    /// Re-validation by the nominator: the active details still hold
    /// (`confirmed_at` = `at`). `NotAllowed` unless the PoC is active.
    async fn confirm_poc(
        &self,
        id: i64,
        expected_version: i64,
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
        log: LogDraft,
    ) -> StoreResult<ChangeOutcome<Poc>>;
    async fn poc(&self, id: i64) -> StoreResult<Option<Poc>>;
    /// Every PoC of the participant, whatever its status, by id.
    async fn pocs_of(&self, participant: &str) -> StoreResult<Vec<Poc>>;
    /// The secretariat's queue: PoCs with a pending action, the oldest
    /// request first (an amended request keeps its place).
    async fn pending_pocs(&self) -> StoreResult<Vec<Poc>>;
    /// Active PoCs last confirmed before `before`, the longest unconfirmed first.
    async fn pocs_due_for_revalidation(&self, before: OffsetDateTime) -> StoreResult<Vec<Poc>>;
    /// Every version of the PoC, in order (empty for an unknown id).
    async fn poc_history(&self, id: i64) -> StoreResult<Vec<PocHistoryEntry>>;
    /// Active PoCs per participant: (participant, diplomatic, technical), by
    /// participant; participants without an active PoC are left out.
    async fn active_poc_counts(&self) -> StoreResult<Vec<(String, i64, i64)>>;
    /// Nominates several PoCs in one transaction (an import): all or none.
    /// Each nomination is as [`PocStore::propose_poc`], its log entry's
    /// `object` set to `poc:<new id>`. `NotFound` if a participant does not
    /// exist (and nothing is written).
    async fn propose_pocs(
        &self,
        nominations: &[NewNomination],
        actor_account_id: Option<i64>,
        at: OffsetDateTime,
    ) -> StoreResult<Vec<Poc>>;
    /// Every active PoC, by id.
    async fn active_pocs(&self) -> StoreResult<Vec<Poc>>;
    /// A counter that moves whenever a PoC or a participant changes (bumped
    /// in the changing transaction): caches of the directory compare it.
    async fn directory_revision(&self) -> StoreResult<i64>;
}
