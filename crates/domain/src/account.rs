//! Account kinds and the facts about an account that the rules need.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Who an account belongs to. Spelled as in the public contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// The operator: a UN or regional secretariat.
    Secretariat,
    /// The nominating authority of one participant (e.g. its mission).
    Nominator,
    /// A diplomatic point of contact of a participant.
    DiplomaticPoc,
    /// A technical point of contact (national CERT/CSIRT) of a participant.
    TechnicalPoc,
    /// A vetted private reporter (company or researcher).
    Reporter,
    /// Reads and verifies the tamper-evident log.
    Auditor,
}

impl AccountKind {
    pub const ALL: [AccountKind; 6] = [
        AccountKind::Secretariat,
        AccountKind::Nominator,
        AccountKind::DiplomaticPoc,
        AccountKind::TechnicalPoc,
        AccountKind::Reporter,
        AccountKind::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Secretariat => "secretariat",
            AccountKind::Nominator => "nominator",
            AccountKind::DiplomaticPoc => "diplomatic_poc",
            AccountKind::TechnicalPoc => "technical_poc",
            AccountKind::Reporter => "reporter",
            AccountKind::Auditor => "auditor",
        }
    }

    /// Fluent id of the kind's name on the pages.
    pub fn label_message(self) -> &'static str {
        match self {
            AccountKind::Secretariat => "kind-secretariat",
            AccountKind::Nominator => "kind-nominator",
            AccountKind::DiplomaticPoc => "kind-diplomatic_poc",
            AccountKind::TechnicalPoc => "kind-technical_poc",
            AccountKind::Reporter => "kind-reporter",
            AccountKind::Auditor => "kind-auditor",
        }
    }

    /// Nominators and PoCs act for one participant; the others for none.
    /// A point of contact of a State (diplomatic or technical).
    pub fn is_poc(self) -> bool {
        matches!(self, AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc)
    }

    pub fn acts_for_participant(self) -> bool {
        matches!(
            self,
            AccountKind::Nominator | AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc
        )
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountRuleError {
    #[error("unknown account kind {0:?}; expected one of secretariat, nominator, diplomatic_poc, technical_poc, reporter, auditor")]
    UnknownKind(String),
    #[error("{0:?} is not an e-mail address")]
    InvalidEmail(String),
    #[error("{0:?} is not an ISO 3166-1 alpha-3 code (three capital letters, e.g. PAK)")]
    InvalidParticipantCode(String),
    #[error("a {0} account must name the participant it acts for (--participant CODE)")]
    ParticipantRequired(AccountKind),
    #[error("a {0} account does not act for a participant")]
    ParticipantNotAllowed(AccountKind),
    #[error("no participant {0}: use an ISO 3166-1 alpha-3 code of a UN Member or Observer State, or an organisation added by the secretariat")]
    UnknownParticipant(String),
}

impl FromStr for AccountKind {
    type Err = AccountRuleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccountKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| AccountRuleError::UnknownKind(s.to_string()))
    }
}

/// An e-mail address, trimmed and lower-cased so that look-ups match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

/// Characters refused in an address (RFC 5322 `specials`, less `@` and `.`).
const EMAIL_SPECIALS: [char; 11] = ['(', ')', '<', '>', '[', ']', ':', ';', ',', '"', '\\'];

impl Email {
    pub fn parse(raw: &str) -> Result<Self, AccountRuleError> {
        let email = raw.trim().to_lowercase();
        let bad = || AccountRuleError::InvalidEmail(raw.to_string());
        // RFC 5322 specials have no place in an unquoted address; `;` and
        // `,` would also split it in two in a CSV list of addresses.
        if email.len() > 254
            || email
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || EMAIL_SPECIALS.contains(&c))
        {
            return Err(bad());
        }
        let (local, domain) = email.split_once('@').ok_or_else(bad)?;
        if local.is_empty()
            || local.len() > 64
            || domain.contains('@')
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains("..")
        {
            return Err(bad());
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ISO 3166-1 alpha-3 code such as `PAK`. Whether it names a known
/// participant is for the directory to say; this only checks the shape.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantCode(String);

impl ParticipantCode {
    pub fn parse(raw: &str) -> Result<Self, AccountRuleError> {
        let code = raw.trim().to_ascii_uppercase();
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(ParticipantCode(code))
        } else {
            Err(AccountRuleError::InvalidParticipantCode(raw.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ParticipantCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks that the kind and the participant go together.
pub fn check_participant(
    kind: AccountKind,
    participant: Option<&ParticipantCode>,
) -> Result<(), AccountRuleError> {
    match (kind.acts_for_participant(), participant) {
        (true, None) => Err(AccountRuleError::ParticipantRequired(kind)),
        (false, Some(_)) => Err(AccountRuleError::ParticipantNotAllowed(kind)),
        _ => Ok(()),
    }
}

/// Checks that the participant an account acts for is one the directory
/// holds (`exists`: whether a State or organisation has that code). An
/// account for a code that names nobody would act for no one the
/// directory knows; every way an account is made checks it.
pub fn check_participant_exists(
    code: &ParticipantCode,
    exists: bool,
) -> Result<(), AccountRuleError> {
    if exists {
        Ok(())
    } else {
        Err(AccountRuleError::UnknownParticipant(
            code.as_str().to_string(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_contract_spelling() {
        for kind in AccountKind::ALL {
            assert_eq!(kind.as_str().parse::<AccountKind>(), Ok(kind));
            let json = serde_json_like(kind);
            assert_eq!(json, kind.as_str());
        }
        assert!("admin".parse::<AccountKind>().is_err());
    }

    fn serde_json_like(kind: AccountKind) -> String {
        // serde's rename must agree with as_str(); checked through Display.
        kind.to_string()
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Ana.Lopez@Example.ORG ").unwrap().as_str(),
            "ana.lopez@example.org"
        );
        for bad in [
            "",
            "no-at",
            "a@b",
            "a@@b.org",
            "a b@c.org",
            "@c.org",
            "a@.org",
            "a@c.org.",
            // Specials: `;` and `,` split a CSV list of addresses in two.
            ";@0.aa",
            "a;b@c.org",
            "a,b@c.org",
            "<a@c.org>",
            "\"q\"@c.org",
            "a\\b@c.org",
            "a@[127.0.0.1]",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn participant_codes_are_three_letters() {
        assert_eq!(ParticipantCode::parse("pak").unwrap().as_str(), "PAK");
        for bad in ["PK", "PAKI", "P4K", ""] {
            assert!(ParticipantCode::parse(bad).is_err());
        }
    }

    #[test]
    fn participant_goes_with_the_kind() {
        let pak = ParticipantCode::parse("PAK").unwrap();
        assert!(check_participant(AccountKind::Nominator, Some(&pak)).is_ok());
        assert!(check_participant(AccountKind::Nominator, None).is_err());
        assert!(check_participant(AccountKind::Secretariat, Some(&pak)).is_err());
        assert!(check_participant(AccountKind::Reporter, None).is_ok());
    }

    #[test]
    fn the_participant_must_exist() {
        let xxx = ParticipantCode::parse("xxx").unwrap();
        assert!(check_participant_exists(&xxx, true).is_ok());
        let err = check_participant_exists(&xxx, false).unwrap_err();
        assert_eq!(err, AccountRuleError::UnknownParticipant("XXX".into()));
        assert!(err
            .to_string()
            .starts_with("no participant XXX: use an ISO 3166-1 alpha-3 code"));
    }
}
