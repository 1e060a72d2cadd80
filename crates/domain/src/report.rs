//! Reports: what a vetted reporter sends to the technical PoCs of one,
//! several or all participating States — a threat, a vulnerability under
//! coordinated disclosure, or an ongoing incident.
//!
//! The rules here have no I/O: the draft's checks (each problem a Fluent id
//! beside its field), CVE ids, the embargo and its extensions, each
//! State's status (Unknown until the State answers), the reminders before
//! an embargo ends and the per-reporter rate limit.

use crate::communication::template::ZonedTime;
use crate::communication::tlp::TlpLabel;
use crate::directory::poc::FieldError;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::{Duration, OffsetDateTime};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
pub const MAX_PRODUCTS: usize = 50;
pub const MAX_PRODUCT_CHARS: usize = 200;
pub const MAX_CVES: usize = 100;
pub const MAX_MESSAGE_CHARS: usize = 10_000;
pub const MAX_REASON_CHARS: usize = 2_000;

/// What a report is about.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportCategory {
    Threat,
    Vulnerability,
    OngoingIncident,
}

impl ReportCategory {
    pub const ALL: [ReportCategory; 3] = [
        ReportCategory::Threat,
        ReportCategory::Vulnerability,
        ReportCategory::OngoingIncident,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportCategory::Threat => "threat",
            ReportCategory::Vulnerability => "vulnerability",
            ReportCategory::OngoingIncident => "ongoing_incident",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            ReportCategory::Threat => "report-category-threat",
            ReportCategory::Vulnerability => "report-category-vulnerability",
            ReportCategory::OngoingIncident => "report-category-ongoing-incident",
        }
    }
}

impl FromStr for ReportCategory {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        ReportCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or(())
    }
}

/// Where a State stands on a report: Unknown until it answers.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StateStatus {
    Unknown,
    UnderInvestigation,
    Affected,
    NotAffected,
}

impl StateStatus {
    pub const ALL: [StateStatus; 4] = [
        StateStatus::Unknown,
        StateStatus::UnderInvestigation,
        StateStatus::Affected,
        StateStatus::NotAffected,
    ];

    /// What a State may answer (Unknown is only where it starts).
    pub const ANSWERS: [StateStatus; 3] = [
        StateStatus::UnderInvestigation,
        StateStatus::Affected,
        StateStatus::NotAffected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StateStatus::Unknown => "unknown",
            StateStatus::UnderInvestigation => "under_investigation",
            StateStatus::Affected => "affected",
            StateStatus::NotAffected => "not_affected",
        }
    }

    pub fn label_message(self) -> &'static str {
        match self {
            StateStatus::Unknown => "report-status-unknown",
            StateStatus::UnderInvestigation => "report-status-under-investigation",
            StateStatus::Affected => "report-status-affected",
            StateStatus::NotAffected => "report-status-not-affected",
        }
    }

    /// The stylesheet's badge class.
    pub fn css_class(self) -> &'static str {
        match self {
            StateStatus::Unknown => "badge-muted",
            StateStatus::UnderInvestigation => "badge-warning",
            StateStatus::Affected => "badge-danger",
            StateStatus::NotAffected => "badge-ok",
        }
    }

    /// A State's answer: any of [`StateStatus::ANSWERS`], never back to
    /// Unknown; the same status again is not a change.
    pub fn answer(self, to: StateStatus) -> Result<StateStatus, ReportError> {
        if to == StateStatus::Unknown {
            return Err(ReportError::StatusNotAnAnswer);
        }
        if to == self {
            return Err(ReportError::StatusUnchanged);
        }
        Ok(to)
    }
}

impl FromStr for StateStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        StateStatus::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or(())
    }
}

/// Why a step on a report was refused; each a Fluent id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("a State answers affected, not affected or under investigation")]
    StatusNotAnAnswer,
    #[error("the State is already in that status")]
    StatusUnchanged,
    #[error("the report has no embargo")]
    NoEmbargo,
    #[error("the embargo has ended")]
    EmbargoEnded,
    #[error("an extension must end later than the embargo does now")]
    ExtensionNotLater,
    #[error("the reason is required")]
    ReasonRequired,
    #[error("the reason is too long")]
    ReasonTooLong,
    #[error("the new end is not a valid date, time and zone")]
    EmbargoInvalid,
    #[error("the message is empty")]
    MessageEmpty,
    #[error("the message is too long")]
    MessageTooLong,
}

impl ReportError {
    pub const ALL: [ReportError; 10] = [
        ReportError::StatusNotAnAnswer,
        ReportError::StatusUnchanged,
        ReportError::NoEmbargo,
        ReportError::EmbargoEnded,
        ReportError::ExtensionNotLater,
        ReportError::ReasonRequired,
        ReportError::ReasonTooLong,
        ReportError::EmbargoInvalid,
        ReportError::MessageEmpty,
        ReportError::MessageTooLong,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            ReportError::StatusNotAnAnswer => "report-error-status-not-an-answer",
            ReportError::StatusUnchanged => "report-error-status-unchanged",
            ReportError::NoEmbargo => "report-error-no-embargo",
            ReportError::EmbargoEnded => "report-error-embargo-ended",
            ReportError::ExtensionNotLater => "report-error-extension-not-later",
            ReportError::ReasonRequired => "report-error-reason-required",
            ReportError::ReasonTooLong => "report-error-reason-too-long",
            ReportError::EmbargoInvalid => "report-error-embargo-invalid",
            ReportError::MessageEmpty => "report-error-message-empty",
            ReportError::MessageTooLong => "report-error-message-too-long",
        }
    }
}

/// A CVE id as MITRE writes it: `CVE-YYYY-NNNN`, four or more digits,
/// the year from 1999. Case and spaces around it are forgiven.
pub fn parse_cve(raw: &str) -> Option<String> {
    let v = raw.trim().to_ascii_uppercase();
    let rest = v.strip_prefix("CVE-")?;
    let (year, number) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !digits(year) || number.len() < 4 || number.len() > 19 || !digits(number)
    {
        return None;
    }
    let y: u32 = year.parse().ok()?;
    (y >= 1999).then_some(v)
}

/// A product and the versions affected, e.g. `ExampleVPN Gateway` and
/// `< 9.4.2`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AffectedProduct {
    pub product: String,
    pub versions: String,
}

/// The embargo of a vulnerability report: nothing is published before
/// `end`, given in the reporter's zone and shown in each reader's.
pub type Embargo = ZonedTime;

/// A report as typed into the form or sent to the API, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportDraft {
    /// `threat`, `vulnerability` or `ongoing_incident`.
    #[serde(default)]
    pub category: String,
    /// `CLEAR`, `GREEN`, `AMBER` or `AMBER+STRICT` (also with `TLP:`). A
    /// reporter addresses States, not named people, so never `RED`.
    #[serde(default)]
    pub tlp: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// One per line in the form: `product: versions`.
    #[serde(default)]
    pub products: Vec<AffectedProduct>,
    /// CVE ids (`CVE-2026-12345`).
    #[serde(default)]
    pub cve_ids: Vec<String>,
    /// A STIX 2.1 bundle (JSON), or empty.
    #[serde(default)]
    pub stix_bundle: String,
    /// The embargo's end, `YYYY-MM-DDTHH:MM`, or empty for none.
    #[serde(default)]
    pub embargo_local: String,
    /// Its IANA time zone, e.g. `Europe/Berlin`.
    #[serde(default)]
    pub embargo_zone: String,
    /// ISO 3166-1 alpha-3 codes of the States addressed; empty with
    /// `all_states` for every participating State.
    #[serde(default)]
    pub states: Vec<String>,
    #[serde(default)]
    pub all_states: bool,
}

/// Who a report is to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportStates {
    /// Every State taking part at the moment it is sent.
    All,
    /// These States (sorted, no repeats).
    Some(Vec<String>),
}

/// The sealed part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReportContent {
    pub title: String,
    pub description: String,
    pub products: Vec<AffectedProduct>,
    pub cve_ids: Vec<String>,
    /// The STIX 2.1 bundle as sent (checked), if any.
    pub stix_bundle: Option<String>,
}

/// A report whose every field passed the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedReport {
    pub category: ReportCategory,
    pub tlp: TlpLabel,
    pub content: ReportContent,
    pub embargo: Option<Embargo>,
    pub states: ReportStates,
}

fn field(errors: &mut Vec<FieldError>, field: &str, message_id: &'static str) {
    errors.push(FieldError {
        field: field.to_string(),
        message_id,
    });
}

/// Text without control characters other than line breaks and tabs
/// where `multiline`.
fn clean_text(
    value: &str,
    name: &str,
    max: usize,
    multiline: bool,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let v = value.trim();
    if v.is_empty() {
        if required {
            field(errors, name, "report-error-required");
        }
    } else if v.chars().count() > max {
        field(errors, name, "report-error-too-long");
    } else if v
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
    {
        field(errors, name, "report-error-control-characters");
    }
    v.to_string()
}

/// Parses the form's products box: one product per line, `product:
/// versions` (versions may be left out).
pub fn parse_products(raw: &str) -> Vec<AffectedProduct> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| match l.split_once(':') {
            Some((p, v)) => AffectedProduct {
                product: p.trim().to_string(),
                versions: v.trim().to_string(),
            },
            None => AffectedProduct {
                product: l.to_string(),
                versions: String::new(),
            },
        })
        .collect()
}

/// Parses the form's CVE box: ids separated by spaces, commas or lines.
pub fn split_cves(raw: &str) -> Vec<String> {
    raw.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl ReportDraft {
    /// Checks every field but the STIX bundle (checked by
    /// [`crate::stix`] beside it, so that its message can name the
    /// object) and the States' participation (known to the store): all
    /// problems, or the checked report. `now` refuses an embargo that has
    /// already ended.
    pub fn check(&self, now: OffsetDateTime) -> Result<CheckedReport, Vec<FieldError>> {
        let mut errors = Vec::new();
        let category = match self.category.parse::<ReportCategory>() {
            Ok(c) => Some(c),
            Err(()) => {
                field(&mut errors, "category", "report-error-category");
                None
            }
        };
        let raw_tlp = self.tlp.trim();
        let tlp = if raw_tlp.is_empty() {
            field(&mut errors, "tlp", "report-error-tlp-missing");
            None
        } else {
            match raw_tlp.parse::<TlpLabel>() {
                Ok(TlpLabel::Red) => {
                    field(&mut errors, "tlp", "report-error-tlp-red");
                    None
                }
                Ok(l) => Some(l),
                Err(_) => {
                    field(&mut errors, "tlp", "report-error-tlp-invalid");
                    None
                }
            }
        };
        let title = clean_text(
            &self.title,
            "title",
            MAX_TITLE_CHARS,
            false,
            true,
            &mut errors,
        );
        let description = clean_text(
            &self.description,
            "description",
            MAX_DESCRIPTION_CHARS,
            true,
            true,
            &mut errors,
        );
        if self.products.len() > MAX_PRODUCTS {
            field(&mut errors, "products", "report-error-too-many-products");
        }
        let mut products = Vec::new();
        for (i, p) in self.products.iter().take(MAX_PRODUCTS).enumerate() {
            let name = format!("products[{i}]");
            let product = clean_text(
                &p.product,
                &name,
                MAX_PRODUCT_CHARS,
                false,
                true,
                &mut errors,
            );
            let versions = clean_text(
                &p.versions,
                &name,
                MAX_PRODUCT_CHARS,
                false,
                false,
                &mut errors,
            );
            products.push(AffectedProduct { product, versions });
        }
        if self.cve_ids.len() > MAX_CVES {
            field(&mut errors, "cve_ids", "report-error-too-many-cves");
        }
        let mut cve_ids: Vec<String> = Vec::new();
        for (i, raw) in self.cve_ids.iter().take(MAX_CVES).enumerate() {
            match parse_cve(raw) {
                Some(id) if !cve_ids.contains(&id) => cve_ids.push(id),
                Some(_) => {}
                None => field(&mut errors, &format!("cve_ids[{i}]"), "report-error-cve"),
            }
        }
        if category == Some(ReportCategory::Vulnerability)
            && products.is_empty()
            && cve_ids.is_empty()
        {
            field(
                &mut errors,
                "products",
                "report-error-vulnerability-needs-product",
            );
        }
        let stix = self.stix_bundle.trim();
        let stix_bundle = (!stix.is_empty()).then(|| stix.to_string());
        let embargo = match (self.embargo_local.trim(), self.embargo_zone.trim()) {
            ("", _) => None,
            (local, zone) => match ZonedTime::parse(local, zone) {
                None => {
                    field(&mut errors, "embargo_local", "report-error-embargo-invalid");
                    None
                }
                Some(z) if z.utc <= now.unix_timestamp() => {
                    field(&mut errors, "embargo_local", "report-error-embargo-past");
                    None
                }
                Some(z) => Some(z),
            },
        };
        let states = if self.all_states {
            if !self.states.is_empty() {
                field(&mut errors, "states", "report-error-states-both");
            }
            ReportStates::All
        } else {
            let mut codes: Vec<String> = Vec::new();
            for (i, s) in self.states.iter().enumerate() {
                let code = s.trim().to_ascii_uppercase();
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                    field(&mut errors, &format!("states[{i}]"), "report-error-state");
                } else if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            if codes.is_empty() && errors.iter().all(|e| !e.field.starts_with("states")) {
                field(&mut errors, "states", "report-error-no-state");
            }
            codes.sort();
            ReportStates::Some(codes)
        };
        match (category, tlp, errors.is_empty()) {
            (Some(category), Some(tlp), true) => Ok(CheckedReport {
                category,
                tlp,
                content: ReportContent {
                    title,
                    description,
                    products,
                    cve_ids,
                    stix_bundle,
                },
                embargo,
                states,
            }),
            _ => Err(errors),
        }
    }
}

/// A reporter's extension of the embargo to `new_end`, with the reason
/// every reader is shown: only while the embargo runs, only later.
pub fn extend_embargo(
    current: Option<&Embargo>,
    new_local: &str,
    new_zone: &str,
    reason: &str,
    now: OffsetDateTime,
) -> Result<(Embargo, String), ReportError> {
    let current = current.ok_or(ReportError::NoEmbargo)?;
    if current.utc <= now.unix_timestamp() {
        return Err(ReportError::EmbargoEnded);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ReportError::ReasonRequired);
    }
    if reason.chars().count() > MAX_REASON_CHARS
        || reason
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ReportError::ReasonTooLong);
    }
    let new = ZonedTime::parse(new_local, new_zone).ok_or(ReportError::EmbargoInvalid)?;
    if new.utc <= current.utc {
        return Err(ReportError::ExtensionNotLater);
    }
    Ok((new, reason.to_string()))
}

/// A message in a State's thread: plain text, not empty, bounded.
pub fn check_message(raw: &str) -> Result<String, ReportError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(ReportError::MessageEmpty);
    }
    if v.chars().count() > MAX_MESSAGE_CHARS
        || v.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ReportError::MessageTooLong);
    }
    Ok(v.to_string())
}

/// How long before an embargo ends the States still Unknown or under
/// investigation are reminded.
pub const REMINDER_LEAD: Duration = Duration::hours(48);

/// Whether a State must now be reminded of an embargo ending at `end`: the
/// end is within `lead`, it has not passed, the State has not settled
/// (affected or not affected), and it was not reminded for this end (an
/// extension arms the reminder again).
pub fn reminder_due(
    end: OffsetDateTime,
    now: OffsetDateTime,
    lead: Duration,
    status: StateStatus,
    reminded_for: Option<OffsetDateTime>,
) -> bool {
    now < end
        && now >= end - lead
        && matches!(
            status,
            StateStatus::Unknown | StateStatus::UnderInvestigation
        )
        && reminded_for != Some(end)
}

/// How much a reporter may send: reports in a sliding hour and the size of
/// one report (text, STIX and attachments together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLimits {
    pub per_hour: u32,
    pub max_bytes: usize,
}

impl Default for ReportLimits {
    fn default() -> Self {
        ReportLimits {
            per_hour: 10,
            max_bytes: 12 * 1024 * 1024,
        }
    }
}

impl ReportLimits {
    /// None when one more report may be sent now, else how long until it
    /// may (at least a second). `recent` are the reporter's sending times
    /// in the last hour, in any order.
    pub fn retry_after(&self, recent: &[OffsetDateTime], now: OffsetDateTime) -> Option<Duration> {
        let window = Duration::hours(1);
        let mut inside: Vec<OffsetDateTime> = recent
            .iter()
            .copied()
            .filter(|t| *t > now - window && *t <= now)
            .collect();
        if inside.len() < self.per_hour as usize {
            return None;
        }
        inside.sort();
        // The oldest one that must leave the window before another fits.
        let k = inside.len() - self.per_hour as usize;
        let frees_at = inside.get(k).copied().unwrap_or(now) + window;
        Some((frees_at - now).max(Duration::seconds(1)))
    }
}

/// Every Fluent id this module names.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = ReportCategory::ALL
        .map(ReportCategory::label_message)
        .to_vec();
    ids.extend(StateStatus::ALL.map(StateStatus::label_message));
    ids.extend(ReportError::ALL.map(ReportError::message_id));
    ids.extend([
        "report-error-required",
        "report-error-too-long",
        "report-error-control-characters",
        "report-error-category",
        "report-error-tlp-missing",
        "report-error-tlp-red",
        "report-error-tlp-invalid",
        "report-error-too-many-products",
        "report-error-too-many-cves",
        "report-error-cve",
        "report-error-vulnerability-needs-product",
        "report-error-embargo-past",
        "report-error-states-both",
        "report-error-state",
        "report-error-no-state",
    ]);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(s: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(s).unwrap()
    }

    fn now() -> OffsetDateTime {
        // 2026-12-01T10:00:00Z
        at(1_796_119_200)
    }

    fn draft() -> ReportDraft {
        ReportDraft {
            category: "vulnerability".into(),
            tlp: "AMBER".into(),
            title: "Remote code execution in ExampleVPN".into(),
            description: "An unauthenticated request to /remote/login runs code.".into(),
            products: vec![AffectedProduct {
                product: "ExampleVPN Gateway".into(),
                versions: "< 9.4.2".into(),
            }],
            cve_ids: vec!["cve-2026-41234".into()],
            stix_bundle: String::new(),
            embargo_local: "2027-01-15T09:00".into(),
            embargo_zone: "Europe/Berlin".into(),
            states: vec!["ken".into(), "FRA".into(), "KEN".into()],
            all_states: false,
        }
    }

    fn ids(errors: Vec<FieldError>) -> Vec<(String, &'static str)> {
        errors
            .into_iter()
            .map(|e| (e.field, e.message_id))
            .collect()
    }

    #[test]
    fn a_good_draft_is_checked_and_cleaned() {
        let r = draft().check(now()).unwrap();
        assert_eq!(r.category, ReportCategory::Vulnerability);
        assert_eq!(r.tlp, TlpLabel::Amber);
        assert_eq!(r.content.cve_ids, vec!["CVE-2026-41234"]);
        assert_eq!(
            r.states,
            ReportStates::Some(vec!["FRA".into(), "KEN".into()])
        );
        let e = r.embargo.unwrap();
        assert_eq!(e.zone, "Europe/Berlin");
        // 09:00 in Berlin in January is 08:00 UTC.
        assert_eq!(e.utc, 1_800_000_000);
    }

    #[test]
    fn cve_ids_follow_mitres_format() {
        for good in ["CVE-2026-1234", "cve-1999-0001", " CVE-2024-1234567 "] {
            assert!(parse_cve(good).is_some(), "{good}");
        }
        for bad in [
            "CVE-2026-123",
            "CVE-26-1234",
            "CVE-1998-1234",
            "CVE-2026-12a4",
            "2026-1234",
            "CVE-2026-",
            "CVE--1234",
            "CVE-2026-1234-1",
            "",
        ] {
            assert!(parse_cve(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn every_bad_field_is_named() {
        let d = ReportDraft {
            category: "rumour".into(),
            tlp: "RED".into(),
            title: String::new(),
            description: "x".repeat(MAX_DESCRIPTION_CHARS + 1),
            cve_ids: vec!["CVE-2026-1".into()],
            embargo_local: "2020-01-01T00:00".into(),
            embargo_zone: "UTC".into(),
            states: vec![],
            ..draft()
        };
        let got = ids(d.check(now()).unwrap_err());
        for want in [
            ("category", "report-error-category"),
            ("tlp", "report-error-tlp-red"),
            ("title", "report-error-required"),
            ("description", "report-error-too-long"),
            ("cve_ids[0]", "report-error-cve"),
            ("embargo_local", "report-error-embargo-past"),
            ("states", "report-error-no-state"),
        ] {
            assert!(
                got.contains(&(want.0.to_string(), want.1)),
                "{want:?} in {got:?}"
            );
        }
    }

    #[test]
    fn an_unknown_zone_or_a_skipped_hour_is_refused() {
        for (local, zone) in [
            ("2027-01-15T09:00", "Mars/Olympus"),
            ("2027-03-28T02:30", "Europe/Berlin"),
            ("tomorrow", "UTC"),
        ] {
            let d = ReportDraft {
                embargo_local: local.into(),
                embargo_zone: zone.into(),
                ..draft()
            };
            assert_eq!(
                ids(d.check(now()).unwrap_err()),
                vec![("embargo_local".into(), "report-error-embargo-invalid")]
            );
        }
    }

    #[test]
    fn a_vulnerability_names_what_it_affects() {
        let d = ReportDraft {
            products: vec![],
            cve_ids: vec![],
            ..draft()
        };
        assert_eq!(
            ids(d.check(now()).unwrap_err()),
            vec![(
                "products".into(),
                "report-error-vulnerability-needs-product"
            )]
        );
        let threat = ReportDraft {
            category: "threat".into(),
            products: vec![],
            cve_ids: vec![],
            ..draft()
        };
        assert!(threat.check(now()).is_ok());
    }

    #[test]
    fn all_states_and_a_list_are_not_both_given() {
        let d = ReportDraft {
            all_states: true,
            ..draft()
        };
        assert_eq!(
            ids(d.check(now()).unwrap_err()),
            vec![("states".into(), "report-error-states-both")]
        );
        let all = ReportDraft {
            all_states: true,
            states: vec![],
            ..draft()
        };
        assert_eq!(all.check(now()).unwrap().states, ReportStates::All);
    }

    #[test]
    fn the_forms_boxes_are_split() {
        assert_eq!(
            parse_products("ExampleVPN: < 9.4.2\n\n  Router X \n"),
            vec![
                AffectedProduct {
                    product: "ExampleVPN".into(),
                    versions: "< 9.4.2".into()
                },
                AffectedProduct {
                    product: "Router X".into(),
                    versions: String::new()
                }
            ]
        );
        assert_eq!(
            split_cves("CVE-2026-1234, CVE-2026-5678\nCVE-2025-0001"),
            vec!["CVE-2026-1234", "CVE-2026-5678", "CVE-2025-0001"]
        );
    }

    #[test]
    fn a_state_answers_and_never_goes_back_to_unknown() {
        let s = StateStatus::Unknown;
        assert_eq!(
            s.answer(StateStatus::UnderInvestigation),
            Ok(StateStatus::UnderInvestigation)
        );
        assert_eq!(
            StateStatus::Affected.answer(StateStatus::Unknown),
            Err(ReportError::StatusNotAnAnswer)
        );
        assert_eq!(
            StateStatus::Affected.answer(StateStatus::Affected),
            Err(ReportError::StatusUnchanged)
        );
        assert_eq!(
            StateStatus::Affected.answer(StateStatus::NotAffected),
            Ok(StateStatus::NotAffected)
        );
    }

    #[test]
    fn an_embargo_is_extended_only_later_with_a_reason_while_it_runs() {
        let e = ZonedTime::parse("2027-01-15T09:00", "Europe/Berlin").unwrap();
        let (new, reason) = extend_embargo(
            Some(&e),
            "2027-02-01T09:00",
            "Asia/Tokyo",
            " patch late ",
            now(),
        )
        .unwrap();
        assert_eq!(new.zone, "Asia/Tokyo");
        assert_eq!(reason, "patch late");
        assert_eq!(
            extend_embargo(Some(&e), "2027-01-10T09:00", "UTC", "why", now()),
            Err(ReportError::ExtensionNotLater)
        );
        assert_eq!(
            extend_embargo(Some(&e), "2027-02-01T09:00", "UTC", "  ", now()),
            Err(ReportError::ReasonRequired)
        );
        assert_eq!(
            extend_embargo(None, "2027-02-01T09:00", "UTC", "why", now()),
            Err(ReportError::NoEmbargo)
        );
        let later = at(e.utc + 1);
        assert_eq!(
            extend_embargo(Some(&e), "2027-02-01T09:00", "UTC", "why", later),
            Err(ReportError::EmbargoEnded)
        );
    }

    #[test]
    fn reminders_come_once_per_end_to_states_that_have_not_settled() {
        let end = now() + Duration::hours(24);
        let lead = REMINDER_LEAD;
        assert!(reminder_due(end, now(), lead, StateStatus::Unknown, None));
        assert!(reminder_due(
            end,
            now(),
            lead,
            StateStatus::UnderInvestigation,
            Some(end - Duration::days(7))
        ));
        assert!(!reminder_due(
            end,
            now(),
            lead,
            StateStatus::Unknown,
            Some(end)
        ));
        assert!(!reminder_due(end, now(), lead, StateStatus::Affected, None));
        assert!(!reminder_due(
            now() + Duration::hours(49),
            now(),
            lead,
            StateStatus::Unknown,
            None
        ));
        assert!(!reminder_due(
            now(),
            now(),
            lead,
            StateStatus::Unknown,
            None
        ));
    }

    #[test]
    fn the_rate_limit_says_when_the_next_report_fits() {
        let limits = ReportLimits {
            per_hour: 3,
            max_bytes: 1,
        };
        let n = now();
        let sent = [
            n - Duration::minutes(50),
            n - Duration::minutes(10),
            n - Duration::minutes(5),
        ];
        assert_eq!(limits.retry_after(&sent[..2], n), None);
        assert_eq!(limits.retry_after(&sent, n), Some(Duration::minutes(10)));
        // One outside the window does not count.
        let old = [n - Duration::minutes(70), sent[1], sent[2]];
        assert_eq!(limits.retry_after(&old, n), None);
    }

    proptest! {
        #[test]
        fn hostile_drafts_never_panic(
            category in ".{0,20}",
            tlp in ".{0,20}",
            title in ".{0,300}",
            cves in proptest::collection::vec(".{0,30}", 0..5),
            states in proptest::collection::vec(".{0,5}", 0..5),
            local in ".{0,20}",
            zone in ".{0,30}",
        ) {
            let d = ReportDraft {
                category, tlp, title, cve_ids: cves, states,
                embargo_local: local, embargo_zone: zone,
                ..draft()
            };
            if let Ok(r) = d.check(now()) {
                prop_assert!(r.tlp != TlpLabel::Red);
                for c in &r.content.cve_ids {
                    prop_assert!(parse_cve(c).as_deref() == Some(c.as_str()));
                }
                if let Some(e) = r.embargo {
                    prop_assert!(e.utc > now().unix_timestamp());
                }
            }
        }

        #[test]
        fn the_rate_limit_never_lets_more_than_the_limit_in_an_hour(
            offsets in proptest::collection::vec(0i64..7200, 0..30),
            per_hour in 1u32..10,
        ) {
            let limits = ReportLimits { per_hour, max_bytes: 1 };
            let n = now();
            let sent: Vec<OffsetDateTime> =
                offsets.iter().map(|o| n - Duration::seconds(*o)).collect();
            let inside = sent.iter().filter(|t| **t > n - Duration::hours(1)).count();
            match limits.retry_after(&sent, n) {
                None => prop_assert!(inside < per_hour as usize),
                Some(wait) => {
                    prop_assert!(inside >= per_hour as usize);
                    prop_assert!(wait >= Duration::seconds(1));
                    prop_assert!(wait <= Duration::hours(1));
                    let later = n + wait;
                    let after = sent.iter().filter(|t| **t > later - Duration::hours(1)).count();
                    prop_assert!(after < per_hour as usize);
                }
            }
        }
    }
}
