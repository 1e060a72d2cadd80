//! Points of contact: a State's nominator nominates, updates, withdraws
//! and re-validates its own State's PoCs; the secretariat imports
//! nominations and decides on each pending request.
//!
//! The state machine is the domain's (`domain::directory::lifecycle`); the
//! log entry of each event is the domain's builder; the store writes the
//! change and its entry in one transaction.

use crate::access::{DirectoryAccess, Refused};
use crate::search::DirectoryIndex;
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::lifecycle::Poc;
use pocdir_domain::directory::poc::{FieldError, PocDetails, PocDraft};
use pocdir_domain::log::entry::ContentError;
use pocdir_domain::log::events;
use pocdir_domain::policy::may_nominate_for;
use pocdir_domain::requester::Requester;
use pocdir_store::{ChangeOutcome, DecidedPoc, LogStore, NewNomination, PocStore, StoreError};

/// Why a change to a PoC was not made. Nothing was changed; only a
/// refusal is logged.
#[derive(Debug, thiserror::Error)]
pub enum PocError {
    #[error(transparent)]
    Refused(#[from] Refused),
    #[error("no such PoC or participant")]
    NotFound,
    /// Each field that failed, with the message id that says why.
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    /// The PoC changed since the version the request was made on.
    #[error("PoC changed since that version")]
    Stale(Box<Poc>),
    /// The PoC's state does not allow this change now.
    #[error("not possible in the PoC's state")]
    NotAllowed,
    /// A decision, but no request awaits one.
    #[error("nothing is pending")]
    NothingPending,
    /// An import names a participant that no longer exists.
    #[error("a participant of the import does not exist")]
    ParticipantGone,
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Content(#[from] ContentError),
}

impl From<StoreError> for PocError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PocError::NotFound,
            StoreError::NotAllowed(_) => PocError::NotAllowed,
            other => PocError::Store(other),
        }
    }
}

fn invalid(field: &str, message_id: &'static str) -> PocError {
    PocError::Invalid(vec![FieldError {
        field: field.to_string(),
        message_id,
    }])
}

/// The longest reason kept for a decision or a withdrawal.
pub const MAX_REASON_CHARS: usize = 1000;

/// A reason that must be given: trimmed, not empty (`missing` says why it
/// is needed), not longer than [`MAX_REASON_CHARS`].
fn given_reason<'r>(reason: Option<&'r str>, missing: &'static str) -> Result<&'r str, PocError> {
    let reason = reason.map(str::trim).unwrap_or_default();
    if reason.is_empty() {
        return Err(invalid("reason", missing));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(invalid("reason", "forms-error-reason-too-long"));
    }
    Ok(reason)
}

fn applied<T>(outcome: ChangeOutcome<T>) -> Result<T, PocError> {
    match outcome {
        ChangeOutcome::Applied(t) => Ok(t),
        ChangeOutcome::Stale(current) => Err(PocError::Stale(Box::new(current))),
    }
}

fn details_json(details: &PocDetails) -> Result<String, PocError> {
    serde_json::to_string(details).map_err(|e| {
        PocError::Store(StoreError::Corrupt(format!(
            "PoC details cannot be written: {e}"
        )))
    })
}

/// What a State's nominator asks for an existing PoC.
#[derive(Debug, Clone, Copy)]
pub enum NominatorChange<'d> {
    /// New details (required: None is a field error).
    Update(Option<&'d PocDraft>),
    /// With the nominator's reason (required; logged and kept in the history).
    Withdraw(Option<&'d str>),
    /// Re-validation: the verified details still hold.
    Confirm,
}

/// The PoC service.
#[derive(Clone, Copy)]
pub struct Pocs<'a> {
    store: &'a dyn PocStore,
    access: DirectoryAccess<'a>,
    clock: &'a dyn Clock,
    /// This instance's search index, told of each change at once.
    index: Option<&'a DirectoryIndex>,
}

impl<'a> Pocs<'a> {
    pub fn new(store: &'a dyn PocStore, log: &'a dyn LogStore, clock: &'a dyn Clock) -> Self {
        Pocs {
            store,
            access: DirectoryAccess::new(log, clock),
            clock,
            index: None,
        }
    }

    /// Applies each change to `index` as soon as it is written, so that
    /// the next search on this instance sees it (the other instances
    /// follow the log).
    pub fn following(self, index: &'a DirectoryIndex) -> Self {
        Pocs {
            index: Some(index),
            ..self
        }
    }

    fn changed(&self, poc: &Poc) {
        if let Some(index) = self.index {
            index.poc_changed(poc);
        }
    }

    /// A nomination by `who` for participant `code` (any case): only that
    /// State's nominator may (a refusal is logged). Awaits the
    /// secretariat's verification.
    pub async fn nominate(
        &self,
        who: &Requester,
        code: &str,
        draft: &PocDraft,
    ) -> Result<Poc, PocError> {
        let code = code.trim().to_ascii_uppercase();
        if !may_nominate_for(&who.actor, &code) {
            let what = format!("participant:{code}/pocs");
            return Err(self.access.refuse(who, &what, &code).await.into());
        }
        let now = self.clock.now();
        let details = draft.validate(now).map_err(PocError::Invalid)?;
        let json = details_json(&details)?;
        let log = events::poc_proposed(now, who.log.clone(), &code, &details)?;
        let poc = self
            .store
            .propose_poc(&code, details.role, &json, Some(who.account_id()), now, log)
            .await?;
        self.changed(&poc);
        Ok(poc)
    }

    /// Nominations already validated, all written or none (an import, the
    /// demo, the benchmark). Who may import is the caller's route's policy.
    pub async fn import(
        &self,
        who: &Requester,
        nominations: &[(String, PocDetails)],
    ) -> Result<Vec<Poc>, PocError> {
        let now = self.clock.now();
        let rows = nominations
            .iter()
            .map(|(participant, details)| {
                Ok(NewNomination {
                    participant: participant.clone(),
                    role: details.role,
                    details_json: details_json(details)?,
                    log: events::poc_proposed(now, who.log.clone(), participant, details)?,
                })
            })
            .collect::<Result<Vec<_>, PocError>>()?;
        let pocs = self
            .store
            .propose_pocs(&rows, Some(who.account_id()), now)
            .await
            .map_err(|e| match e {
                // A participant removed between the caller's check and the write.
                StoreError::NotFound => PocError::ParticipantGone,
                other => other.into(),
            })?;
        pocs.iter().for_each(|poc| self.changed(poc));
        Ok(pocs)
    }

    /// A change by the State's nominator on `version` of PoC `id`.
    pub async fn change(
        &self,
        who: &Requester,
        id: i64,
        version: i64,
        change: NominatorChange<'_>,
    ) -> Result<Poc, PocError> {
        let poc = self.store.poc(id).await?.ok_or(PocError::NotFound)?;
        if !may_nominate_for(&who.actor, &poc.participant) {
            let what = format!("poc:{id}");
            return Err(self
                .access
                .refuse(who, &what, &poc.participant)
                .await
                .into());
        }
        let now = self.clock.now();
        let actor = Some(who.account_id());
        let code = poc.participant.as_str();
        let outcome = match change {
            NominatorChange::Update(draft) => {
                let details = draft
                    .ok_or_else(|| invalid("details", "poc-error-required"))?
                    .validate(now)
                    .map_err(PocError::Invalid)?;
                if details.role != poc.role {
                    return Err(invalid("role", "poc-error-role-fixed"));
                }
                let json = details_json(&details)?;
                let log = events::poc_update_proposed(now, who.log.clone(), code, id, &details)?;
                self.store
                    .propose_poc_update(id, version, &json, actor, now, log)
                    .await?
            }
            NominatorChange::Withdraw(reason) => {
                let reason = given_reason(reason, "forms-error-withdraw-reason")?;
                let log = events::poc_withdrawal_proposed(now, who.log.clone(), code, id, reason)?;
                self.store
                    .propose_poc_withdrawal(id, version, Some(reason), actor, now, log)
                    .await?
            }
            NominatorChange::Confirm => {
                let log = events::poc_confirmed(now, who.log.clone(), code, id);
                self.store.confirm_poc(id, version, actor, now, log).await?
            }
        };
        let poc = applied(outcome)?;
        self.changed(&poc);
        Ok(poc)
    }

    /// The secretariat's decision on the request pending on `version` of
    /// PoC `id`. A rejection needs a reason, which the nominator sees.
    pub async fn decide(
        &self,
        who: &Requester,
        id: i64,
        version: i64,
        approve: bool,
        reason: Option<&str>,
    ) -> Result<DecidedPoc, PocError> {
        let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
            None if approve => None,
            reason => Some(given_reason(reason, "poc-error-reason-required")?),
        };
        let poc = self.store.poc(id).await?.ok_or(PocError::NotFound)?;
        let now = self.clock.now();
        let log = events::poc_decided(
            now,
            who.log.clone(),
            &poc.participant,
            id,
            version,
            approve,
            reason,
        )?;
        let outcome = self
            .store
            .decide_poc(
                id,
                version,
                approve,
                reason,
                Some(who.account_id()),
                now,
                log,
            )
            .await
            .map_err(|e| match e {
                StoreError::NotAllowed(_) => PocError::NothingPending,
                other => other.into(),
            })?;
        let decided = applied(outcome)?;
        self.changed(&decided.poc);
        if let (Some(index), Some(_)) = (self.index, decided.participant_status_changed) {
            // Written and logged: if it cannot be read back now, the log
            // feed brings it within a poll.
            if let Err(error) = index.refresh_participant(&decided.poc.participant).await {
                tracing::warn!(%error, "the directory could not read a participant back");
            }
        }
        Ok(decided)
    }
}
