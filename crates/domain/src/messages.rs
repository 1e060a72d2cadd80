//! The Fluent message ids the domain's enums name (their labels on the
//! pages and in mail). The domain knows no messages itself: the i18n tests
//! check that each of these exists in every language.

use crate::account::AccountKind;
use crate::directory::diff::{DetailField, FieldChange};
use crate::account_admin::{AccountChange, AccountStatus};
use crate::directory::participant::ParticipationStatus;
use crate::directory::poc::{PendingAction, PocRole, PocStatus};

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
    ids
}
