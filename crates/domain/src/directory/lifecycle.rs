//! The PoC lifecycle: what each change does to a point of contact, computed
//! from the version the caller saw. Pure rules: the store writes the result
//! with a compare-and-set on that version, so a change computed from a state
//! that no longer holds is never applied.

use crate::directory::participant::{next_status, ParticipationStatus, StatusEvent};
use crate::directory::poc::{PendingAction, PocDetails, PocRole, PocStatus};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

/// A point of contact and its state in nomination and verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poc {
    pub id: i64,
    pub participant: String,
    pub role: PocRole,
    pub status: PocStatus,
    /// Bumped by every change; changes name the version they start from.
    pub version: i64,
    /// JSON of the verified `PocDetails` (kept once withdrawn, for history).
    pub active: Option<String>,
    /// JSON of a proposed version awaiting the secretariat.
    pub pending: Option<String>,
    pub pending_action: Option<PendingAction>,
    /// Last verification or re-validation.
    pub confirmed_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// Details kept with a PoC that cannot be read back: the row is named, the
/// PoC is never silently left out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("PoC {poc}: its {which} details cannot be read: {reason}")]
pub struct UnreadableDetails {
    pub poc: i64,
    /// `verified` or `proposed`.
    pub which: &'static str,
    pub reason: String,
}

impl Poc {
    /// The verified details, read as `T` (`PocDetails`, or a JSON value).
    pub fn active_as<T: DeserializeOwned>(&self) -> Result<Option<T>, UnreadableDetails> {
        self.read(self.active.as_deref(), "verified")
    }

    /// The proposal awaiting the secretariat, read as `T`.
    pub fn pending_as<T: DeserializeOwned>(&self) -> Result<Option<T>, UnreadableDetails> {
        self.read(self.pending.as_deref(), "proposed")
    }

    pub fn active_details(&self) -> Result<Option<PocDetails>, UnreadableDetails> {
        self.active_as()
    }

    pub fn pending_details(&self) -> Result<Option<PocDetails>, UnreadableDetails> {
        self.pending_as()
    }

    fn read<T: DeserializeOwned>(
        &self,
        json: Option<&str>,
        which: &'static str,
    ) -> Result<Option<T>, UnreadableDetails> {
        json.map(|json| {
            serde_json::from_str(json).map_err(|e| UnreadableDetails {
                poc: self.id,
                which,
                reason: e.to_string(),
            })
        })
        .transpose()
    }
}

/// A change to an existing PoC.
#[derive(Debug, Clone, Copy)]
pub enum PocChange<'a> {
    /// New details proposed by the nominator.
    Update(&'a str),
    /// The nominator asks for the PoC's end, saying why (kept in its history).
    Withdraw { reason: Option<&'a str> },
    /// The secretariat's decision on the pending action.
    Decide {
        approve: bool,
        reason: Option<&'a str>,
    },
    /// Re-validation by the nominator.
    Confirm,
}

/// What a change does: the PoC afterwards, its history row, and the event
/// it may cause for the participant.
#[derive(Debug, Clone)]
pub struct Transition {
    /// The PoC as it becomes (version bumped, `updated_at` = the change's time).
    pub next: Poc,
    pub history_action: &'static str,
    pub history_details: Option<String>,
    pub history_reason: Option<String>,
    /// `PocVerified`, or `LastPocWithdrawn` (which applies only if no
    /// active PoC of the participant is left).
    pub event: Option<StatusEvent>,
}

/// Why a change cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    /// The PoC's state does not allow the change (e.g. deciding when nothing is pending).
    #[error("PoC {id} is {state}: cannot {what}")]
    NotAllowed {
        id: i64,
        /// The status, and the pending action if any.
        state: String,
        what: &'static str,
    },
    /// The PoC breaks the lifecycle's own invariants (never written by it).
    #[error("PoC {id}: {problem}")]
    Inconsistent { id: i64, problem: &'static str },
}

fn not_allowed(poc: &Poc, what: &'static str) -> LifecycleError {
    LifecycleError::NotAllowed {
        id: poc.id,
        state: format!(
            "{}{}",
            poc.status,
            poc.pending_action
                .map(|a| format!(" with a pending {a}"))
                .unwrap_or_default()
        ),
        what,
    }
}

/// Computes `change` on `current`; `NotAllowed` when its state does not allow it.
pub fn transition(
    current: &Poc,
    change: PocChange<'_>,
    at: OffsetDateTime,
) -> Result<Transition, LifecycleError> {
    let version = current
        .version
        .checked_add(1)
        .ok_or(LifecycleError::Inconsistent {
            id: current.id,
            problem: "its version cannot grow",
        })?;
    let mut next = Poc {
        version,
        updated_at: at,
        ..current.clone()
    };
    let mut history_details = None;
    let mut history_reason = None;
    let mut event = None;
    use PendingAction as A;
    use PocStatus as S;
    let history_action = match change {
        PocChange::Update(details) => {
            match (current.status, current.pending_action) {
                // Amending a nomination not yet verified.
                (S::Pending, Some(A::Create)) => {}
                (S::Active, None | Some(A::Update)) => next.pending_action = Some(A::Update),
                _ => return Err(not_allowed(current, "propose an update")),
            }
            next.pending = Some(details.to_string());
            history_details = Some(details.to_string());
            "propose_update"
        }
        PocChange::Withdraw { reason } => {
            history_reason = reason.map(str::to_string);
            match (current.status, current.pending_action) {
                // Never verified: nothing for the secretariat to decide.
                (S::Pending, Some(A::Create)) => {
                    next.status = S::Withdrawn;
                    next.pending = None;
                    next.pending_action = None;
                }
                (S::Active, None | Some(A::Update)) => {
                    next.pending = None;
                    next.pending_action = Some(A::Withdraw);
                }
                _ => return Err(not_allowed(current, "propose a withdrawal")),
            }
            "propose_withdrawal"
        }
        PocChange::Decide { approve, reason } => {
            let Some(action) = current.pending_action else {
                return Err(not_allowed(current, "decide: nothing is pending"));
            };
            history_reason = reason.map(str::to_string);
            history_details = current.pending.clone();
            next.pending = None;
            next.pending_action = None;
            match (action, approve) {
                (A::Create | A::Update, true) => {
                    let details = current
                        .pending
                        .clone()
                        .ok_or(LifecycleError::Inconsistent {
                            id: current.id,
                            problem: "it has no pending details",
                        })?;
                    if action == A::Create {
                        next.status = S::Active;
                        event = Some(StatusEvent::PocVerified);
                    }
                    next.active = Some(details);
                    next.confirmed_at = Some(at);
                }
                (A::Withdraw, true) => {
                    next.status = S::Withdrawn;
                    event = Some(StatusEvent::LastPocWithdrawn);
                }
                (A::Create, false) => next.status = S::Rejected,
                (A::Update | A::Withdraw, false) => {}
            }
            if approve {
                "approve"
            } else {
                "reject"
            }
        }
        PocChange::Confirm => {
            if current.status != S::Active {
                return Err(not_allowed(current, "confirm"));
            }
            next.confirmed_at = Some(at);
            "confirm"
        }
    };
    Ok(Transition {
        next,
        history_action,
        history_details,
        history_reason,
        event,
    })
}

/// The participant's new status after `event`, if it changes. A transition
/// the state machine refuses leaves the status as it is: the PoC decision
/// stands on its own (e.g. the last PoC of a participant that left).
pub fn status_after(from: ParticipationStatus, event: StatusEvent) -> Option<ParticipationStatus> {
    next_status(from, event).ok().filter(|to| *to != from)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use time::macros::datetime;

    fn poc(status: PocStatus, action: Option<PendingAction>) -> Poc {
        let t = datetime!(2030-01-01 0:00 UTC);
        Poc {
            id: 7,
            participant: "PAK".into(),
            role: PocRole::Technical,
            status,
            version: 3,
            active: (status != PocStatus::Pending).then(|| "{\"v\":1}".into()),
            pending: matches!(action, Some(PendingAction::Create | PendingAction::Update))
                .then(|| "{\"v\":2}".into()),
            pending_action: action,
            confirmed_at: (status != PocStatus::Pending).then_some(t),
            created_at: t,
            updated_at: t,
        }
    }

    #[test]
    fn unreadable_details_are_an_error_that_names_the_poc() {
        let p = poc(PocStatus::Active, Some(PendingAction::Update));
        // Valid JSON, but not the details of a PoC.
        let err = p.active_details().unwrap_err();
        assert_eq!((err.poc, err.which), (7, "verified"));
        assert!(
            err.to_string().starts_with("PoC 7: its verified details"),
            "{err}"
        );
        assert_eq!(
            p.pending_as::<serde_json::Value>().unwrap(),
            Some(serde_json::json!({"v": 2}))
        );
        let broken = Poc {
            pending: Some("{not json".into()),
            ..p
        };
        assert_eq!(broken.pending_details().unwrap_err().which, "proposed");
        let none = Poc {
            pending: None,
            ..broken
        };
        assert_eq!(none.pending_details().unwrap(), None);
    }

    #[test]
    fn each_change_bumps_the_version_once() {
        let at = datetime!(2030-02-01 0:00 UTC);
        let tr = transition(&poc(PocStatus::Active, None), PocChange::Update("{}"), at).unwrap();
        assert_eq!(tr.next.version, 4);
        assert_eq!(tr.next.updated_at, at);
        assert_eq!(tr.next.pending_action, Some(PendingAction::Update));
        assert_eq!(tr.history_action, "propose_update");
    }

    #[test]
    fn what_each_state_allows() {
        use PendingAction as A;
        use PocStatus as S;
        let at = datetime!(2030-02-01 0:00 UTC);
        let refused = |p: Poc, c: PocChange<'_>| {
            assert!(
                matches!(
                    transition(&p, c, at),
                    Err(LifecycleError::NotAllowed { .. })
                ),
                "{p:?} {c:?}"
            );
        };
        refused(poc(S::Rejected, None), PocChange::Update("{}"));
        refused(
            poc(S::Withdrawn, None),
            PocChange::Withdraw { reason: None },
        );
        refused(poc(S::Active, Some(A::Withdraw)), PocChange::Update("{}"));
        refused(
            poc(S::Active, Some(A::Withdraw)),
            PocChange::Withdraw { reason: None },
        );
        refused(poc(S::Pending, Some(A::Create)), PocChange::Confirm);
        refused(
            poc(S::Active, None),
            PocChange::Decide {
                approve: true,
                reason: None,
            },
        );
        // A nomination withdrawn before verification ends at once.
        let reason = Some("She left the ministry");
        let tr = transition(
            &poc(S::Pending, Some(A::Create)),
            PocChange::Withdraw { reason },
            at,
        )
        .unwrap();
        assert_eq!(tr.next.status, S::Withdrawn);
        assert_eq!(tr.history_reason.as_deref(), reason, "the reason is kept");
        assert_eq!(tr.next.pending_action, None);
        assert_eq!(tr.event, None);
        // Approving a withdrawal keeps the last active details.
        let tr = transition(
            &poc(S::Active, Some(A::Withdraw)),
            PocChange::Decide {
                approve: true,
                reason: None,
            },
            at,
        )
        .unwrap();
        assert_eq!(tr.next.status, S::Withdrawn);
        assert_eq!(tr.next.active.as_deref(), Some("{\"v\":1}"));
        assert_eq!(tr.event, Some(StatusEvent::LastPocWithdrawn));
        // Rejecting an update keeps the PoC active as it was.
        let tr = transition(
            &poc(S::Active, Some(A::Update)),
            PocChange::Decide {
                approve: false,
                reason: Some("no"),
            },
            at,
        )
        .unwrap();
        assert_eq!(tr.next.status, S::Active);
        assert_eq!(tr.next.pending, None);
        assert_eq!(tr.history_details.as_deref(), Some("{\"v\":2}"));
        assert_eq!(tr.history_reason.as_deref(), Some("no"));
    }

    #[test]
    fn refusals_name_the_poc_and_its_state() {
        let at = datetime!(2030-02-01 0:00 UTC);
        let err = transition(
            &poc(PocStatus::Active, Some(PendingAction::Withdraw)),
            PocChange::Withdraw { reason: None },
            at,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "PoC 7 is active with a pending withdraw: cannot propose a withdrawal"
        );
    }

    #[test]
    fn refused_participant_transitions_change_nothing() {
        use ParticipationStatus::*;
        assert_eq!(
            status_after(NotParticipating, StatusEvent::PocVerified),
            Some(Participating)
        );
        assert_eq!(status_after(Participating, StatusEvent::PocVerified), None);
        assert_eq!(status_after(Withdrawn, StatusEvent::LastPocWithdrawn), None);
    }
}
