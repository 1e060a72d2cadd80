//! Participants: UN Member and Observer States, and intergovernmental
//! organisations added by the secretariat. Participation is voluntary and
//! incremental: a State takes part once its first PoC is verified.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantKind {
    MemberState,
    ObserverState,
    Organisation,
}

impl ParticipantKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantKind::MemberState => "member_state",
            ParticipantKind::ObserverState => "observer_state",
            ParticipantKind::Organisation => "organisation",
        }
    }
}

impl FromStr for ParticipantKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "member_state" => Ok(ParticipantKind::MemberState),
            "observer_state" => Ok(ParticipantKind::ObserverState),
            "organisation" => Ok(ParticipantKind::Organisation),
            other => Err(format!("unknown participant kind {other:?}")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationStatus {
    NotParticipating,
    Participating,
    Suspended,
    Withdrawn,
}

impl ParticipationStatus {
    pub const ALL: [ParticipationStatus; 4] = [
        ParticipationStatus::NotParticipating,
        ParticipationStatus::Participating,
        ParticipationStatus::Suspended,
        ParticipationStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ParticipationStatus::NotParticipating => "not_participating",
            ParticipationStatus::Participating => "participating",
            ParticipationStatus::Suspended => "suspended",
            ParticipationStatus::Withdrawn => "withdrawn",
        }
    }

    /// Fluent id of the status shown on the pages.
    pub fn label_message(self) -> &'static str {
        match self {
            ParticipationStatus::NotParticipating => "participant-status-not_participating",
            ParticipationStatus::Participating => "participant-status-participating",
            ParticipationStatus::Suspended => "participant-status-suspended",
            ParticipationStatus::Withdrawn => "participant-status-withdrawn",
        }
    }

    /// Only participating States see the directory and are seen in it (reciprocity).
    pub fn takes_part(self) -> bool {
        self == ParticipationStatus::Participating
    }
}

impl fmt::Display for ParticipationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ParticipationStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "not_participating" => Ok(ParticipationStatus::NotParticipating),
            "participating" => Ok(ParticipationStatus::Participating),
            "suspended" => Ok(ParticipationStatus::Suspended),
            "withdrawn" => Ok(ParticipationStatus::Withdrawn),
            other => Err(format!("unknown participation status {other:?}")),
        }
    }
}

/// Why the status of a participant changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusEvent {
    /// The secretariat verified a PoC of the participant.
    PocVerified,
    /// The participant's last active PoC was withdrawn.
    LastPocWithdrawn,
    /// The secretariat suspends participation (e.g. on the State's request).
    Suspend,
    /// The secretariat lifts a suspension.
    Reinstate,
    /// The State leaves the directory.
    Withdraw,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a participant that is {from} cannot {event:?}")]
pub struct StatusTransitionError {
    pub from: ParticipationStatus,
    pub event: StatusEvent,
}

/// The participation state machine.
pub fn next_status(
    from: ParticipationStatus,
    event: StatusEvent,
) -> Result<ParticipationStatus, StatusTransitionError> {
    use ParticipationStatus::*;
    use StatusEvent::*;
    match (from, event) {
        // One verified PoC is enough to take part (incremental approach);
        // a State that left comes back the same way.
        (NotParticipating | Withdrawn | Participating, PocVerified) => Ok(Participating),
        (Suspended, PocVerified) => Ok(Suspended),
        (Participating, LastPocWithdrawn) => Ok(NotParticipating),
        (Suspended, LastPocWithdrawn) => Ok(Suspended),
        (Participating, Suspend) => Ok(Suspended),
        (Suspended, Reinstate) => Ok(Participating),
        (Participating | Suspended | NotParticipating, Withdraw) => Ok(Withdrawn),
        _ => Err(StatusTransitionError { from, event }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParticipationStatus::*;
    use StatusEvent::*;

    #[test]
    fn one_verified_poc_is_enough_to_take_part() {
        assert_eq!(
            next_status(NotParticipating, PocVerified),
            Ok(Participating)
        );
        assert_eq!(
            next_status(Participating, LastPocWithdrawn),
            Ok(NotParticipating)
        );
        assert_eq!(next_status(Withdrawn, PocVerified), Ok(Participating));
    }

    #[test]
    fn suspension_holds_until_reinstated() {
        assert_eq!(next_status(Participating, Suspend), Ok(Suspended));
        assert_eq!(next_status(Suspended, PocVerified), Ok(Suspended));
        assert_eq!(next_status(Suspended, Reinstate), Ok(Participating));
        assert!(next_status(NotParticipating, Suspend).is_err());
        assert!(next_status(Participating, Reinstate).is_err());
        assert!(next_status(Withdrawn, Withdraw).is_err());
    }

    #[test]
    fn spellings_round_trip() {
        for s in [NotParticipating, Participating, Suspended, Withdrawn] {
            assert_eq!(s.as_str().parse::<ParticipationStatus>(), Ok(s));
        }
        for k in [
            ParticipantKind::MemberState,
            ParticipantKind::ObserverState,
            ParticipantKind::Organisation,
        ] {
            assert_eq!(k.as_str().parse::<ParticipantKind>(), Ok(k));
        }
        assert!(Participating.takes_part());
        assert!(!Suspended.takes_part());
    }
}
