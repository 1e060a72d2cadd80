//! Accounts managed in the portal: who may invite whom, how long a mailed
//! link lives, what a reason must be, and what an account's status is.
//!
//! Invitations and password resets are links with a secret drawn from the
//! injected entropy; only the secret's hash is stored, and the expiry comes
//! from the injected clock.

use crate::account::{AccountKind, ParticipantCode};
use crate::credentials::SecretToken;
use crate::directory::poc::PocRole;
use crate::entropy::Entropy;
use crate::policy::Actor;
use time::{Duration, OffsetDateTime};

/// How long a mailed link may be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkPolicy {
    /// An invitation: long enough for a week-end and a holiday.
    pub invitation: Duration,
    /// A password reset: short, since the mailbox alone opens it.
    pub password_reset: Duration,
}

impl Default for LinkPolicy {
    fn default() -> Self {
        LinkPolicy {
            invitation: Duration::days(7),
            password_reset: Duration::hours(1),
        }
    }
}

/// The secret of a new link: `pdi_` for invitations, `pdr_` for resets.
pub fn invitation_token(entropy: &dyn Entropy) -> SecretToken {
    SecretToken::generate("pdi_", entropy)
}

pub fn password_reset_token(entropy: &dyn Entropy) -> SecretToken {
    SecretToken::generate("pdr_", entropy)
}

/// Whether a link issued with `expires_at` may still be followed at `now`.
pub fn link_live(expires_at: OffsetDateTime, now: OffsetDateTime) -> bool {
    now < expires_at
}

/// Whether `actor` may invite an account of `kind` for `participant`:
/// the secretariat any kind (State-bound kinds with their State), a
/// nominator only PoC accounts of its own State.
pub fn may_invite(actor: &Actor, kind: AccountKind, participant: Option<&ParticipantCode>) -> bool {
    if !actor.scopes.write {
        return false;
    }
    match actor.kind {
        AccountKind::Secretariat => true,
        AccountKind::Nominator => {
            matches!(kind, AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc)
                && participant.is_some()
                && actor.participant.as_ref() == participant
        }
        _ => false,
    }
}

/// Whether `actor` may give a PoC entry of `participant` access to the
/// portal (link it to an account, or invite its address): the secretariat
/// or that State's own nominator.
pub fn may_grant_poc_access(actor: &Actor, participant: &str) -> bool {
    actor.scopes.write
        && match actor.kind {
            AccountKind::Secretariat => true,
            AccountKind::Nominator => actor
                .participant
                .as_ref()
                .is_some_and(|p| p.as_str() == participant),
            _ => false,
        }
}

/// The kind of account a PoC of `role` signs in with.
pub fn kind_for_role(role: PocRole) -> AccountKind {
    match role {
        PocRole::Diplomatic => AccountKind::DiplomaticPoc,
        PocRole::Technical => AccountKind::TechnicalPoc,
    }
}

/// Longest reason accepted, in characters.
pub const MAX_REASON_CHARS: usize = 1000;

/// Why the secretariat disables, re-enables or resets an account: said in
/// words, logged and mailed to the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReasonError {
    #[error("a reason is required")]
    Missing,
    #[error("the reason is longer than {MAX_REASON_CHARS} characters")]
    TooLong,
}

impl ReasonError {
    pub fn message(self) -> &'static str {
        match self {
            ReasonError::Missing => "accounts-reason-missing",
            ReasonError::TooLong => "accounts-reason-too-long",
        }
    }
}

impl Reason {
    pub fn parse(raw: &str) -> Result<Reason, ReasonError> {
        let text = raw.trim();
        if text.is_empty() {
            Err(ReasonError::Missing)
        } else if text.chars().count() > MAX_REASON_CHARS {
            Err(ReasonError::TooLong)
        } else {
            Ok(Reason(text.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where an account stands, as the accounts page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountStatus {
    Active,
    /// Signs in and then sets up its second factor.
    EnrolmentDue,
    /// Signs in and then must choose its own password.
    PasswordChangeDue,
    Disabled,
}

impl AccountStatus {
    pub const ALL: [AccountStatus; 4] = [
        AccountStatus::Active,
        AccountStatus::EnrolmentDue,
        AccountStatus::PasswordChangeDue,
        AccountStatus::Disabled,
    ];

    pub fn of(disabled: bool, totp_enrolled: bool, password_change_required: bool) -> Self {
        if disabled {
            AccountStatus::Disabled
        } else if !totp_enrolled {
            AccountStatus::EnrolmentDue
        } else if password_change_required {
            AccountStatus::PasswordChangeDue
        } else {
            AccountStatus::Active
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            AccountStatus::Active => "accounts-status-active",
            AccountStatus::EnrolmentDue => "accounts-status-enrolment-due",
            AccountStatus::PasswordChangeDue => "accounts-status-password-due",
            AccountStatus::Disabled => "accounts-status-disabled",
        }
    }
}

/// What the secretariat does to an account, each with a reason and a mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChange {
    Disable,
    Enable,
    ResetSecondFactor,
}

impl AccountChange {
    pub const ALL: [AccountChange; 3] = [
        AccountChange::Disable,
        AccountChange::Enable,
        AccountChange::ResetSecondFactor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountChange::Disable => "disable",
            AccountChange::Enable => "enable",
            AccountChange::ResetSecondFactor => "reset-second-factor",
        }
    }

    /// Fluent ids of the mail's subject and body.
    pub fn mail_messages(self) -> (&'static str, &'static str) {
        match self {
            AccountChange::Disable => (
                "accounts-mail-disabled-subject",
                "accounts-mail-disabled-body",
            ),
            AccountChange::Enable => (
                "accounts-mail-enabled-subject",
                "accounts-mail-enabled-body",
            ),
            AccountChange::ResetSecondFactor => (
                "accounts-mail-mfa-reset-subject",
                "accounts-mail-mfa-reset-body",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Scopes;

    fn actor(kind: AccountKind, state: Option<&str>, scopes: Scopes) -> Actor {
        Actor {
            account_id: 1,
            kind,
            participant: state.map(|s| ParticipantCode::parse(s).unwrap()),
            scopes,
        }
    }

    #[test]
    fn the_secretariat_invites_anyone_a_nominator_its_own_pocs() {
        let pak = ParticipantCode::parse("PAK").unwrap();
        let fra = ParticipantCode::parse("FRA").unwrap();
        let sec = actor(AccountKind::Secretariat, None, Scopes::ALL);
        for kind in AccountKind::ALL {
            assert!(may_invite(&sec, kind, Some(&pak)));
        }
        let nom = actor(AccountKind::Nominator, Some("PAK"), Scopes::ALL);
        assert!(may_invite(&nom, AccountKind::TechnicalPoc, Some(&pak)));
        assert!(may_invite(&nom, AccountKind::DiplomaticPoc, Some(&pak)));
        assert!(!may_invite(&nom, AccountKind::TechnicalPoc, Some(&fra)));
        assert!(!may_invite(&nom, AccountKind::TechnicalPoc, None));
        assert!(!may_invite(&nom, AccountKind::Nominator, Some(&pak)));
        assert!(!may_invite(&nom, AccountKind::Secretariat, None));
        let read_only = actor(AccountKind::Nominator, Some("PAK"), Scopes::READ);
        assert!(!may_invite(
            &read_only,
            AccountKind::TechnicalPoc,
            Some(&pak)
        ));
        for kind in [
            AccountKind::DiplomaticPoc,
            AccountKind::TechnicalPoc,
            AccountKind::Reporter,
            AccountKind::Auditor,
        ] {
            let a = actor(
                kind,
                kind.acts_for_participant().then_some("PAK"),
                Scopes::ALL,
            );
            assert!(
                !may_invite(&a, AccountKind::TechnicalPoc, Some(&pak)),
                "{kind}"
            );
        }
    }

    #[test]
    fn poc_access_is_for_the_secretariat_and_the_own_nominator() {
        assert!(may_grant_poc_access(
            &actor(AccountKind::Secretariat, None, Scopes::ALL),
            "FRA"
        ));
        let nom = actor(AccountKind::Nominator, Some("PAK"), Scopes::ALL);
        assert!(may_grant_poc_access(&nom, "PAK"));
        assert!(!may_grant_poc_access(&nom, "FRA"));
        assert!(!may_grant_poc_access(
            &actor(AccountKind::TechnicalPoc, Some("PAK"), Scopes::ALL),
            "PAK"
        ));
        assert_eq!(kind_for_role(PocRole::Technical), AccountKind::TechnicalPoc);
    }

    #[test]
    fn links_expire_and_reasons_are_required() {
        let p = LinkPolicy::default();
        let t0 = time::macros::datetime!(2026-05-01 08:00 UTC);
        assert!(link_live(t0 + p.password_reset, t0));
        assert!(!link_live(t0 + p.password_reset, t0 + p.password_reset));
        assert_eq!(Reason::parse("  "), Err(ReasonError::Missing));
        assert_eq!(Reason::parse(&"x".repeat(1001)), Err(ReasonError::TooLong));
        assert_eq!(
            Reason::parse(" left the mission ").unwrap().as_str(),
            "left the mission"
        );
        let e = crate::entropy::SeededEntropy::new(4);
        assert!(invitation_token(&e).secret.starts_with("pdi_"));
        assert!(password_reset_token(&e).secret.starts_with("pdr_"));
    }

    #[test]
    fn status_says_what_the_account_must_do_next() {
        assert_eq!(
            AccountStatus::of(true, true, false),
            AccountStatus::Disabled
        );
        assert_eq!(
            AccountStatus::of(false, false, true),
            AccountStatus::EnrolmentDue
        );
        assert_eq!(
            AccountStatus::of(false, true, true),
            AccountStatus::PasswordChangeDue
        );
        assert_eq!(AccountStatus::of(false, true, false), AccountStatus::Active);
    }
}
