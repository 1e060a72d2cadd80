//! Reporters: companies, research teams and CSIRTs outside the directory
//! that apply through the public form and are vetted by the secretariat.
//!
//! The application's checks (each problem a Fluent message id beside its
//! field) and the status machine a reporter goes through: pending →
//! approved | rejected (with a reason); approved → suspended (with a
//! reason) → approved again. Later steps (notifications, vulnerability
//! reports) ask [`ReporterStatus::may_deliver`] before anything goes out.

use crate::account::Email;
use crate::account_admin::{Reason, ReasonError};
use crate::directory::openpgp::{parse_public_key, OpenPgpKey};
use crate::directory::poc::FieldError;
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;
use time::OffsetDateTime;

/// The six UN languages, the ones an applicant may be written to in.
pub const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

const MAX_NAME_CHARS: usize = 200;
const MAX_URL_CHARS: usize = 300;
const MAX_WHY_CHARS: usize = 4000;

/// An application as typed into the public form or sent to the API,
/// before any check.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ApplicationDraft {
    #[serde(default)]
    pub organisation: String,
    /// ISO 3166-1 alpha-3 code of the country the organisation is in.
    #[serde(default)]
    pub country: String,
    /// `https://…`
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    /// The UN language the applicant is written to in (`ar`, `en`, …).
    #[serde(default)]
    pub language: String,
    /// An ASCII-armored OpenPGP public key; empty for none.
    #[serde(default)]
    pub openpgp_key: String,
    /// Why the organisation wants to notify States.
    #[serde(default)]
    pub why: String,
}

/// A checked application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub organisation: String,
    pub country: String,
    pub website: String,
    pub contact_name: String,
    pub contact_email: Email,
    pub language: String,
    pub openpgp_key: Option<OpenPgpKey>,
    pub why: String,
}

/// Plain text of at most `max` characters, without control characters
/// (new lines allowed only where `multiline`).
fn text(
    value: &str,
    field: &'static str,
    max: usize,
    multiline: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let v = value.trim();
    let mut err = |message_id| {
        errors.push(FieldError {
            field: field.to_string(),
            message_id,
        })
    };
    if v.is_empty() {
        err("reporters-error-required");
    } else if v.chars().count() > max {
        err("reporters-error-too-long");
    } else if v
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
    {
        err("reporters-error-control-characters");
    }
    v.to_string()
}

/// An `https` address of a named host, without credentials in it.
pub fn parse_website(raw: &str) -> Option<String> {
    let v = raw.trim();
    if v.is_empty() || v.chars().count() > MAX_URL_CHARS || v.chars().any(char::is_control) {
        return None;
    }
    let url = url::Url::parse(v).ok()?;
    let host_ok = match url.host() {
        Some(url::Host::Domain(d)) => d.contains('.') && !d.starts_with('.'),
        _ => false,
    };
    let clean = url.to_string();
    // Normalising may percent-encode: the bound holds for what is stored.
    (url.scheme() == "https"
        && host_ok
        && url.username().is_empty()
        && url.password().is_none()
        && clean.chars().count() <= MAX_URL_CHARS)
        .then_some(clean)
}

impl ApplicationDraft {
    /// Checks every field; returns all problems, or the clean application.
    /// `country_known` says whether a code is in the directory's reference
    /// list of States; `now` whether an OpenPGP key has expired.
    pub fn validate(
        &self,
        now: OffsetDateTime,
        country_known: &dyn Fn(&str) -> bool,
    ) -> Result<Application, Vec<FieldError>> {
        let mut errors = Vec::new();
        let organisation = text(
            &self.organisation,
            "organisation",
            MAX_NAME_CHARS,
            false,
            &mut errors,
        );
        let contact_name = text(
            &self.contact_name,
            "contact_name",
            MAX_NAME_CHARS,
            false,
            &mut errors,
        );
        let why = text(&self.why, "why", MAX_WHY_CHARS, true, &mut errors);
        let mut err = |field: &str, message_id| {
            errors.push(FieldError {
                field: field.to_string(),
                message_id,
            })
        };

        let country = self.country.trim().to_ascii_uppercase();
        if country.is_empty() {
            err("country", "reporters-error-required");
        } else if country.len() != 3
            || !country.chars().all(|c| c.is_ascii_uppercase())
            || !country_known(&country)
        {
            err("country", "reporters-error-country");
        }

        let website = if self.website.trim().is_empty() {
            err("website", "reporters-error-required");
            None
        } else {
            let w = parse_website(&self.website);
            if w.is_none() {
                err("website", "reporters-error-website");
            }
            w
        };

        let contact_email = if self.contact_email.trim().is_empty() {
            err("contact_email", "reporters-error-required");
            None
        } else {
            let e = Email::parse(&self.contact_email).ok();
            if e.is_none() {
                err("contact_email", "reporters-error-email");
            }
            e
        };

        let language = self.language.trim().to_ascii_lowercase();
        if !LANGUAGES.contains(&language.as_str()) {
            err("language", "reporters-error-language");
        }

        let openpgp_key = if self.openpgp_key.trim().is_empty() {
            None
        } else {
            match parse_public_key(self.openpgp_key.trim(), now) {
                Ok(k) => Some(k),
                Err(e) => {
                    err("openpgp_key", e.message_id());
                    None
                }
            }
        };

        match (website, contact_email, errors.is_empty()) {
            (Some(website), Some(contact_email), true) => Ok(Application {
                organisation,
                country,
                website,
                contact_name,
                contact_email,
                language,
                openpgp_key,
                why,
            }),
            _ => Err(errors),
        }
    }
}

/// Where a reporter stands. Only an approved reporter's notifications go
/// out; a suspended one still signs in and is told why nothing does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReporterStatus {
    Pending,
    Approved,
    Rejected,
    Suspended,
}

impl ReporterStatus {
    pub const ALL: [ReporterStatus; 4] = [
        ReporterStatus::Pending,
        ReporterStatus::Approved,
        ReporterStatus::Rejected,
        ReporterStatus::Suspended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReporterStatus::Pending => "pending",
            ReporterStatus::Approved => "approved",
            ReporterStatus::Rejected => "rejected",
            ReporterStatus::Suspended => "suspended",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            ReporterStatus::Pending => "reporters-status-pending",
            ReporterStatus::Approved => "reporters-status-approved",
            ReporterStatus::Rejected => "reporters-status-rejected",
            ReporterStatus::Suspended => "reporters-status-suspended",
        }
    }

    /// Whether the reporter's notifications may be delivered.
    pub fn may_deliver(self) -> bool {
        self == ReporterStatus::Approved
    }

    /// The decisions the secretariat may take now.
    pub fn decisions(self) -> &'static [VettingDecision] {
        match self {
            ReporterStatus::Pending => &[VettingDecision::Approve, VettingDecision::Reject],
            ReporterStatus::Approved => &[VettingDecision::Suspend],
            ReporterStatus::Suspended => &[VettingDecision::Reinstate],
            ReporterStatus::Rejected => &[],
        }
    }
}

impl fmt::Display for ReporterStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReporterStatus {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        ReporterStatus::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(())
    }
}

/// What the secretariat decides about an applicant or a reporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VettingDecision {
    Approve,
    Reject,
    Suspend,
    Reinstate,
}

impl VettingDecision {
    pub const ALL: [VettingDecision; 4] = [
        VettingDecision::Approve,
        VettingDecision::Reject,
        VettingDecision::Suspend,
        VettingDecision::Reinstate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VettingDecision::Approve => "approve",
            VettingDecision::Reject => "reject",
            VettingDecision::Suspend => "suspend",
            VettingDecision::Reinstate => "reinstate",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            VettingDecision::Approve => "reporters-decision-approve",
            VettingDecision::Reject => "reporters-decision-reject",
            VettingDecision::Suspend => "reporters-decision-suspend",
            VettingDecision::Reinstate => "reporters-decision-reinstate",
        }
    }

    /// Rejecting and suspending say why (mailed to the applicant).
    pub fn needs_reason(self) -> bool {
        matches!(self, VettingDecision::Reject | VettingDecision::Suspend)
    }

    /// The status the decision leads to.
    pub fn outcome(self) -> ReporterStatus {
        match self {
            VettingDecision::Approve | VettingDecision::Reinstate => ReporterStatus::Approved,
            VettingDecision::Reject => ReporterStatus::Rejected,
            VettingDecision::Suspend => ReporterStatus::Suspended,
        }
    }
}

impl FromStr for VettingDecision {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        VettingDecision::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VettingError {
    #[error("a {0} reporter cannot be decided on that way")]
    NotNow(ReporterStatus),
    #[error("{0}")]
    Reason(ReasonError),
}

impl VettingError {
    pub fn message_id(self) -> &'static str {
        match self {
            VettingError::NotNow(_) => "reporters-error-not-now",
            VettingError::Reason(ReasonError::Missing) => "reporters-error-reason-missing",
            VettingError::Reason(ReasonError::TooLong) => "reporters-error-reason-too-long",
        }
    }
}

/// A decision checked against the current status: the new status and the
/// reason (required for reject and suspend, optional otherwise).
pub fn transition(
    current: ReporterStatus,
    decision: VettingDecision,
    reason: &str,
) -> Result<(ReporterStatus, Option<Reason>), VettingError> {
    if !current.decisions().contains(&decision) {
        return Err(VettingError::NotNow(current));
    }
    let reason = if decision.needs_reason() || !reason.trim().is_empty() {
        Some(Reason::parse(reason).map_err(VettingError::Reason)?)
    } else {
        None
    };
    Ok((decision.outcome(), reason))
}

/// Every message id this module names, for the i18n tests.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = vec![
        "reporters-error-required",
        "reporters-error-too-long",
        "reporters-error-control-characters",
        "reporters-error-country",
        "reporters-error-website",
        "reporters-error-email",
        "reporters-error-language",
        "reporters-error-not-now",
        "reporters-error-reason-missing",
        "reporters-error-reason-too-long",
    ];
    ids.extend(ReporterStatus::ALL.map(ReporterStatus::label_message));
    ids.extend(VettingDecision::ALL.map(VettingDecision::label_message));
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn known(code: &str) -> bool {
        matches!(code, "PAK" | "FRA" | "DEU")
    }

    fn good() -> ApplicationDraft {
        ApplicationDraft {
            organisation: "Northwind Security Research".into(),
            country: "deu".into(),
            website: "https://northwind.example.org/".into(),
            contact_name: "Jana Weber".into(),
            contact_email: " Jana@Northwind.example.org ".into(),
            language: "en".into(),
            openpgp_key: String::new(),
            why: "We find vulnerabilities in industrial control systems.\nWe report them.".into(),
        }
    }

    fn fields(e: Vec<FieldError>) -> Vec<(String, &'static str)> {
        e.into_iter().map(|e| (e.field, e.message_id)).collect()
    }

    #[test]
    fn a_good_application_is_cleaned() {
        let app = good().validate(OffsetDateTime::UNIX_EPOCH, &known).unwrap();
        assert_eq!(app.country, "DEU");
        assert_eq!(app.contact_email.as_str(), "jana@northwind.example.org");
        assert_eq!(app.website, "https://northwind.example.org/");
        assert!(app.openpgp_key.is_none());
    }

    #[test]
    fn each_bad_field_is_named() {
        let now = OffsetDateTime::UNIX_EPOCH;
        let empty = ApplicationDraft::default()
            .validate(now, &known)
            .unwrap_err();
        let f = fields(empty);
        for field in [
            "organisation",
            "contact_name",
            "why",
            "country",
            "website",
            "contact_email",
        ] {
            assert!(
                f.contains(&(field.to_string(), "reporters-error-required")),
                "{field}: {f:?}"
            );
        }
        assert!(f.contains(&("language".into(), "reporters-error-language")));

        type Case = (fn(&mut ApplicationDraft), &'static str, &'static str);
        let cases: Vec<Case> = vec![
            (
                |d| d.country = "XXX".into(),
                "country",
                "reporters-error-country",
            ),
            (
                |d| d.country = "DE".into(),
                "country",
                "reporters-error-country",
            ),
            (
                |d| d.website = "http://northwind.example.org".into(),
                "website",
                "reporters-error-website",
            ),
            (
                |d| d.website = "javascript:alert(1)".into(),
                "website",
                "reporters-error-website",
            ),
            (
                |d| d.website = "https://user:pw@northwind.example.org".into(),
                "website",
                "reporters-error-website",
            ),
            (
                |d| d.website = "https://10.0.0.1/".into(),
                "website",
                "reporters-error-website",
            ),
            (
                |d| d.contact_email = "not-an-address".into(),
                "contact_email",
                "reporters-error-email",
            ),
            (
                |d| d.language = "de".into(),
                "language",
                "reporters-error-language",
            ),
            (
                |d| d.organisation = "x".repeat(201),
                "organisation",
                "reporters-error-too-long",
            ),
            (
                |d| d.organisation = "a\u{0}b".into(),
                "organisation",
                "reporters-error-control-characters",
            ),
            (
                |d| d.openpgp_key = "not a key".into(),
                "openpgp_key",
                "poc-error-openpgp-not-a-key",
            ),
        ];
        for (change, field, message) in cases {
            let mut d = good();
            change(&mut d);
            let f = fields(d.validate(now, &known).unwrap_err());
            assert_eq!(f, vec![(field.to_string(), message)], "{field}");
        }
    }

    #[test]
    fn the_status_machine() {
        use ReporterStatus::*;
        use VettingDecision::*;
        assert_eq!(transition(Pending, Approve, "").unwrap(), (Approved, None));
        assert_eq!(
            transition(Pending, Reject, "").unwrap_err(),
            VettingError::Reason(ReasonError::Missing)
        );
        let (s, r) = transition(Pending, Reject, " no track record ").unwrap();
        assert_eq!((s, r.unwrap().as_str()), (Rejected, "no track record"));
        assert_eq!(transition(Approved, Suspend, "abuse").unwrap().0, Suspended);
        assert!(transition(Approved, Suspend, " ").is_err());
        assert_eq!(transition(Suspended, Reinstate, "").unwrap().0, Approved);
        for (from, d) in [
            (Pending, Suspend),
            (Pending, Reinstate),
            (Approved, Approve),
            (Approved, Reject),
            (Rejected, Approve),
            (Rejected, Reinstate),
            (Suspended, Suspend),
            (Suspended, Approve),
        ] {
            assert_eq!(
                transition(from, d, "why").unwrap_err(),
                VettingError::NotNow(from)
            );
        }
        assert!(Approved.may_deliver());
        for s in [Pending, Rejected, Suspended] {
            assert!(!s.may_deliver());
        }
        for s in ReporterStatus::ALL {
            assert_eq!(s.as_str().parse::<ReporterStatus>(), Ok(s));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever is typed, the checks answer (never panic), and what
        /// they accept is clean: trimmed, bounded, an https website, a
        /// known country, no control characters outside the text.
        #[test]
        fn hostile_input_is_refused_or_clean(
            organisation in ".{0,260}",
            country in "[a-zA-Z0-9 ]{0,5}|.{0,5}",
            website in "(https?://)?[^ ]{0,40}|.{0,320}",
            contact_name in ".{0,220}",
            contact_email in "[a-z.@;<>\"]{0,30}|.{0,40}",
            language in "[a-z]{0,3}|.{0,4}",
            why in "(?s).{0,300}",
        ) {
            let d = ApplicationDraft {
                organisation, country, website, contact_name, contact_email,
                language, openpgp_key: String::new(), why,
            };
            if let Ok(a) = d.validate(OffsetDateTime::UNIX_EPOCH, &known) {
                prop_assert!(known(&a.country));
                prop_assert!(a.website.starts_with("https://"));
                prop_assert!(a.website.chars().count() <= MAX_URL_CHARS);
                prop_assert!(LANGUAGES.contains(&a.language.as_str()));
                for t in [&a.organisation, &a.contact_name] {
                    prop_assert!(!t.is_empty() && t.chars().count() <= MAX_NAME_CHARS);
                    prop_assert!(!t.chars().any(char::is_control));
                    prop_assert_eq!(t.trim(), t.as_str());
                }
                prop_assert!(!a.why.is_empty() && a.why.chars().count() <= MAX_WHY_CHARS);
            }
        }
    }
}
