//! The Fluent message ids the domain's enums name (their labels on the
//! pages and in mail). The domain knows no messages itself: the i18n tests
//! check that each of these exists in every language.

use crate::account::AccountKind;
use crate::account_admin::{AccountChange, AccountStatus};
use crate::communication::attachment::AttachmentProblem;
use crate::communication::delivery;
use crate::communication::template::{CommunicationKind, Sector, Urgency, TEMPLATE_MESSAGE_IDS};
use crate::communication::tlp::{TlpLabel, TlpRefusal};
use crate::directory::diff::{DetailField, FieldChange};
use crate::directory::participant::ParticipationStatus;
use crate::directory::poc::{PendingAction, PocRole, PocStatus};
use crate::ping_test;

/// Every message id any variant of any of the domain's enums names.
pub fn enum_message_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    ids.extend(AccountKind::ALL.map(AccountKind::label_message));
    ids.extend(PocRole::ALL.map(PocRole::label_message));
    ids.extend(PocRole::ALL.map(PocRole::duties_message));
    ids.extend(PocStatus::ALL.map(PocStatus::label_message));
    ids.extend(PendingAction::ALL.map(PendingAction::label_message));
    ids.extend(ParticipationStatus::ALL.map(ParticipationStatus::label_message));
    ids.extend(FieldChange::ALL.map(FieldChange::label_message));
    ids.extend(DetailField::ALL.map(DetailField::label_message));
    ids.extend(AccountStatus::ALL.map(AccountStatus::label_message));
    for change in AccountChange::ALL {
        let (subject, body) = change.mail_messages();
        ids.extend([subject, body]);
    }
    ids.extend(CommunicationKind::ALL.iter().map(|k| k.label_message()));
    ids.extend(Urgency::ALL.iter().map(|u| u.label_message()));
    ids.extend(Sector::ALL.iter().map(|s| s.label_message()));
    ids.extend(TlpLabel::ALL.map(TlpLabel::meaning_message));
    ids.extend(TlpRefusal::ALL.map(TlpRefusal::message_id));
    ids.extend(TEMPLATE_MESSAGE_IDS);
    ids.extend(AttachmentProblem::MESSAGE_IDS);
    ids.extend(delivery::message_ids());
    ids.extend(ping_test::message_ids());
    ids.extend(crate::exercise::message_ids());
    ids.extend(crate::capacity::message_ids());
    ids.extend(crate::learning::message_ids());
    ids.extend(crate::library::message_ids());
    ids.extend(crate::reporter::message_ids());
    ids.extend(crate::report::message_ids());
    ids.extend(crate::stix::message_ids());
    ids
}
