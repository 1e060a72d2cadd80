//! What happens to a communication once sent: to whom it goes, each
//! recipient's receipts (delivered, read, acknowledged, answered), the
//! acknowledgement deadline of its urgency, and escalation to a State's
//! diplomatic PoCs when none of its technical PoCs has acknowledged in time.

use super::template::Urgency;
use super::tlp::{TlpLabel, TlpRefusal};
use crate::account::AccountKind;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::{Duration, OffsetDateTime};

/// Which PoCs of the States addressed receive it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleChoice {
    Diplomatic,
    Technical,
    Both,
}

impl RoleChoice {
    pub const ALL: [RoleChoice; 3] = [
        RoleChoice::Diplomatic,
        RoleChoice::Technical,
        RoleChoice::Both,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RoleChoice::Diplomatic => "diplomatic",
            RoleChoice::Technical => "technical",
            RoleChoice::Both => "both",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            RoleChoice::Diplomatic => "comm-roles-diplomatic",
            RoleChoice::Technical => "comm-roles-technical",
            RoleChoice::Both => "comm-roles-both",
        }
    }

    /// Whether an account of `kind` is among those chosen.
    pub fn includes(self, kind: AccountKind) -> bool {
        match self {
            RoleChoice::Diplomatic => kind == AccountKind::DiplomaticPoc,
            RoleChoice::Technical => kind == AccountKind::TechnicalPoc,
            RoleChoice::Both => {
                matches!(kind, AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc)
            }
        }
    }
}

impl FromStr for RoleChoice {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RoleChoice::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(())
    }
}

/// To whom a new communication goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Addressing {
    /// The PoCs of the chosen roles of one or more participating States.
    States {
        states: Vec<String>,
        roles: RoleChoice,
    },
    /// Named PoC accounts.
    Named { accounts: Vec<i64> },
}

impl Addressing {
    pub fn to_whole_states(&self) -> bool {
        matches!(self, Addressing::States { .. })
    }

    /// RED needs named individuals; and someone must be addressed.
    pub fn check(&self, label: TlpLabel) -> Result<(), AddressingProblem> {
        match self {
            Addressing::States { states, .. } if states.is_empty() => {
                Err(AddressingProblem::NobodyAddressed)
            }
            Addressing::Named { accounts } if accounts.is_empty() => {
                Err(AddressingProblem::NobodyAddressed)
            }
            Addressing::States { .. } if label.needs_named_recipients() => {
                Err(AddressingProblem::Tlp(TlpRefusal::RedNeedsNamedRecipients))
            }
            _ => Ok(()),
        }
    }
}

/// Why a communication cannot be addressed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressingProblem {
    #[error("nobody is addressed")]
    NobodyAddressed,
    #[error("{0} is not a known PoC account")]
    UnknownRecipient(String),
    #[error("{0} does not participate in the directory")]
    NotParticipating(String),
    #[error("{0} has no PoC of the chosen role who can receive communications")]
    NoPocToReceive(String),
    #[error(transparent)]
    Tlp(#[from] TlpRefusal),
}

impl AddressingProblem {
    pub fn message_id(&self) -> &'static str {
        match self {
            AddressingProblem::NobodyAddressed => "comm-error-nobody",
            AddressingProblem::UnknownRecipient(_) => "comm-error-unknown-recipient",
            AddressingProblem::NotParticipating(_) => "comm-error-not-participating",
            AddressingProblem::NoPocToReceive(_) => "comm-error-no-poc",
            AddressingProblem::Tlp(r) => r.message_id(),
        }
    }

    pub const MESSAGE_IDS: [&'static str; 4] = [
        "comm-error-nobody",
        "comm-error-unknown-recipient",
        "comm-error-not-participating",
        "comm-error-no-poc",
    ];
}

/// How long the recipients of each urgency have to acknowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AckDeadlines {
    pub urgent: Duration,
    pub priority: Duration,
    pub routine: Duration,
}

impl Default for AckDeadlines {
    fn default() -> Self {
        AckDeadlines {
            urgent: Duration::hours(2),
            priority: Duration::hours(24),
            routine: Duration::hours(72),
        }
    }
}

impl AckDeadlines {
    pub fn for_urgency(&self, urgency: Urgency) -> Duration {
        match urgency {
            Urgency::Urgent => self.urgent,
            Urgency::Priority => self.priority,
            Urgency::Routine => self.routine,
        }
    }

    /// When a communication sent at `sent` must be acknowledged.
    pub fn deadline(&self, urgency: Urgency, sent: OffsetDateTime) -> OffsetDateTime {
        sent.saturating_add(self.for_urgency(urgency))
    }
}

/// One recipient's receipts. Each step happens once; reading or answering
/// also means delivered, answering does not mean acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipts {
    pub delivered_at: OffsetDateTime,
    pub read_at: Option<OffsetDateTime>,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub answered_at: Option<OffsetDateTime>,
}

/// Where a recipient is, the furthest step first.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RecipientStatus {
    Delivered,
    Read,
    Acknowledged,
    Answered,
}

impl RecipientStatus {
    pub const ALL: [RecipientStatus; 4] = [
        RecipientStatus::Delivered,
        RecipientStatus::Read,
        RecipientStatus::Acknowledged,
        RecipientStatus::Answered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecipientStatus::Delivered => "delivered",
            RecipientStatus::Read => "read",
            RecipientStatus::Acknowledged => "acknowledged",
            RecipientStatus::Answered => "answered",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            RecipientStatus::Delivered => "comm-status-delivered",
            RecipientStatus::Read => "comm-status-read",
            RecipientStatus::Acknowledged => "comm-status-acknowledged",
            RecipientStatus::Answered => "comm-status-answered",
        }
    }
}

/// Why a receipt cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    #[error("already acknowledged")]
    AlreadyAcknowledged,
}

impl Receipts {
    pub fn delivered(at: OffsetDateTime) -> Receipts {
        Receipts {
            delivered_at: at,
            read_at: None,
            acknowledged_at: None,
            answered_at: None,
        }
    }

    pub fn status(&self) -> RecipientStatus {
        if self.answered_at.is_some() {
            RecipientStatus::Answered
        } else if self.acknowledged_at.is_some() {
            RecipientStatus::Acknowledged
        } else if self.read_at.is_some() {
            RecipientStatus::Read
        } else {
            RecipientStatus::Delivered
        }
    }

    /// Opening it: the first time counts.
    pub fn read(self, at: OffsetDateTime) -> Receipts {
        Receipts {
            read_at: self.read_at.or(Some(at)),
            ..self
        }
    }

    /// Acknowledging also reads it; twice is an error the person sees.
    pub fn acknowledge(self, at: OffsetDateTime) -> Result<Receipts, ReceiptError> {
        if self.acknowledged_at.is_some() {
            return Err(ReceiptError::AlreadyAcknowledged);
        }
        Ok(Receipts {
            read_at: self.read_at.or(Some(at)),
            acknowledged_at: Some(at),
            ..self
        })
    }

    /// Replying in the thread answers it (and reads it).
    pub fn answer(self, at: OffsetDateTime) -> Receipts {
        Receipts {
            read_at: self.read_at.or(Some(at)),
            answered_at: self.answered_at.or(Some(at)),
            ..self
        }
    }
}

/// A recipient as escalation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateRecipient {
    pub kind: AccountKind,
    pub acknowledged: bool,
}

/// Whether a State's diplomatic PoCs must now be alerted: the deadline has
/// passed, the State's recipients include technical PoCs, and none of them
/// has acknowledged. (A State addressed only through its diplomatic PoCs
/// has no one above them to alert.)
pub fn escalation_due(
    deadline: OffsetDateTime,
    now: OffsetDateTime,
    state_recipients: &[StateRecipient],
    already_escalated: bool,
) -> bool {
    if already_escalated || now < deadline {
        return false;
    }
    let technical: Vec<&StateRecipient> = state_recipients
        .iter()
        .filter(|r| r.kind == AccountKind::TechnicalPoc)
        .collect();
    !technical.is_empty() && technical.iter().all(|r| !r.acknowledged)
}

/// Every Fluent id this module names.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = RoleChoice::ALL.map(RoleChoice::label_message).to_vec();
    ids.extend(RecipientStatus::ALL.map(RecipientStatus::label_message));
    ids.extend(AddressingProblem::MESSAGE_IDS);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> OffsetDateTime {
        OffsetDateTime::UNIX_EPOCH + Duration::hours(h)
    }

    #[test]
    fn receipts_move_forward_once() {
        let r = Receipts::delivered(at(0));
        assert_eq!(r.status(), RecipientStatus::Delivered);
        let r = r.read(at(1)).read(at(2));
        assert_eq!(r.read_at, Some(at(1)));
        let r = r.acknowledge(at(3)).unwrap();
        assert_eq!(r.status(), RecipientStatus::Acknowledged);
        assert_eq!(r.acknowledge(at(4)), Err(ReceiptError::AlreadyAcknowledged));
        let r = r.answer(at(5));
        assert_eq!(r.status(), RecipientStatus::Answered);
        let unread_ack = Receipts::delivered(at(0)).acknowledge(at(1)).unwrap();
        assert_eq!(unread_ack.read_at, Some(at(1)));
    }

    #[test]
    fn deadlines_follow_urgency() {
        let d = AckDeadlines::default();
        assert_eq!(d.deadline(Urgency::Urgent, at(0)), at(2));
        assert_eq!(d.deadline(Urgency::Priority, at(0)), at(24));
        assert_eq!(d.deadline(Urgency::Routine, at(0)), at(72));
    }

    #[test]
    fn escalation_when_no_technical_poc_acknowledged_in_time() {
        use AccountKind::*;
        let tech = |acknowledged| StateRecipient {
            kind: TechnicalPoc,
            acknowledged,
        };
        let dip = StateRecipient {
            kind: DiplomaticPoc,
            acknowledged: true,
        };
        assert!(!escalation_due(at(2), at(1), &[tech(false)], false));
        assert!(escalation_due(
            at(2),
            at(2),
            &[tech(false), tech(false), dip],
            false
        ));
        assert!(!escalation_due(
            at(2),
            at(3),
            &[tech(false), tech(true)],
            false
        ));
        assert!(!escalation_due(at(2), at(3), &[tech(false)], true));
        assert!(!escalation_due(at(2), at(3), &[dip], false));
    }

    #[test]
    fn red_needs_names_and_someone_must_be_addressed() {
        let states = Addressing::States {
            states: vec!["FRA".into()],
            roles: RoleChoice::Technical,
        };
        assert_eq!(
            states.check(TlpLabel::Red),
            Err(AddressingProblem::Tlp(TlpRefusal::RedNeedsNamedRecipients))
        );
        assert_eq!(states.check(TlpLabel::AmberStrict), Ok(()));
        assert_eq!(
            Addressing::Named { accounts: vec![] }.check(TlpLabel::Green),
            Err(AddressingProblem::NobodyAddressed)
        );
        assert_eq!(
            Addressing::Named { accounts: vec![4] }.check(TlpLabel::Red),
            Ok(())
        );
        assert!(RoleChoice::Both.includes(AccountKind::TechnicalPoc));
        assert!(!RoleChoice::Diplomatic.includes(AccountKind::TechnicalPoc));
        assert!(!RoleChoice::Both.includes(AccountKind::Nominator));
    }
}
