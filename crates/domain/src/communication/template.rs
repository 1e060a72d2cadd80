//! The template every communication follows: the structured form of the
//! "Template for Communication" the UN adopted for the directory in 2025.
//!
//! There is deliberately no field for attribution: the directory is not a
//! tool to determine attribution, and the form says so.

use crate::directory::poc::{parse_language, parse_time_zone, FieldError};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use time::OffsetDateTime;

macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, [$($variant:ident => $code:literal),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored code, the form's value and the API's word.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Fluent id of its name in the reader's language.
            pub fn label_message(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, $code)),+ }
            }
        }

        impl FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim() { $($code => Ok($name::$variant),)+ _ => Err(()) }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

coded_enum!(
    /// What a communication is.
    CommunicationKind, "comm-kind-", [
        IncidentNotification => "incident_notification",
        InformationRequest => "information_request",
        AssistanceRequest => "assistance_request",
        Response => "response",
        General => "general",
    ]
);

coded_enum!(
    /// How fast an answer is needed; sets the acknowledgement deadline.
    Urgency, "comm-urgency-", [
        Routine => "routine",
        Priority => "priority",
        Urgent => "urgent",
    ]
);

coded_enum!(
    /// The affected sectors, from a fixed list.
    Sector, "comm-sector-", [
        Energy => "energy",
        Health => "health",
        Water => "water",
        Transport => "transport",
        Finance => "finance",
        Telecommunications => "telecommunications",
        Government => "government",
        Other => "other",
    ]
);

/// A moment as the writer gave it: a local date and time with its zone,
/// shown back in that zone and compared in UTC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ZonedTime {
    /// `YYYY-MM-DDTHH:MM`, as the browser's date-time field sends it.
    pub local: String,
    /// An IANA time zone, e.g. `Asia/Karachi`.
    pub zone: String,
    /// The same moment in UTC (seconds since the epoch).
    pub utc: i64,
}

impl ZonedTime {
    /// None when the local time or the zone is not valid, or the local
    /// time does not exist in the zone (skipped by a clock change).
    pub fn parse(local: &str, zone: &str) -> Option<ZonedTime> {
        use chrono::TimeZone as _;
        let tz = parse_time_zone(zone)?;
        let naive = chrono::NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M")
            .or_else(|_| chrono::NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M:%S"))
            .ok()?;
        let at = tz.from_local_datetime(&naive).earliest()?;
        Some(ZonedTime {
            local: naive.format("%Y-%m-%dT%H:%M").to_string(),
            zone: tz.name().to_string(),
            utc: at.timestamp(),
        })
    }

    /// The moment `at` as local time in `zone` (minutes, seconds dropped):
    /// what a writer in that zone would type. None for an unknown zone.
    pub fn at(at: OffsetDateTime, zone: &str) -> Option<ZonedTime> {
        let tz = parse_time_zone(zone)?;
        let utc = chrono::DateTime::from_timestamp(at.unix_timestamp(), 0)?;
        let local = utc.with_timezone(&tz).naive_local();
        ZonedTime::parse(&local.format("%Y-%m-%dT%H:%M").to_string(), zone)
    }

    pub fn utc(&self) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp(self.utc).ok()
    }
}

/// The sealed part of a communication: everything but its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Content {
    pub subject: String,
    pub started: Option<ZonedTime>,
    pub detected: Option<ZonedTime>,
    pub sectors: Vec<Sector>,
    pub impact: String,
    pub requested_action: String,
    pub respond_by: Option<ZonedTime>,
    /// Free text, shown as written.
    pub text: String,
    /// The language the free text is written in (a BCP 47 tag).
    pub text_language: String,
}

const MAX_SUBJECT: usize = 200;
const MAX_FIELD: usize = 4_000;
const MAX_TEXT: usize = 50_000;

/// The template's fields as typed into the form or sent to the API, before
/// any check. Metadata (kind, urgency, label) is checked with them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateDraft {
    pub kind: String,
    pub urgency: String,
    /// `CLEAR`, `GREEN`, `AMBER`, `AMBER+STRICT` or `RED` (also with `TLP:`).
    /// Absent is a field error (`comm-error-tlp-missing`), not a body that
    /// does not parse: a form with no label chosen sends none.
    #[serde(default)]
    pub tlp: String,
    /// Required, but absent is a field error rather than a body that does
    /// not parse; an end-to-end message leaves it out (it is encrypted).
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub started_local: String,
    #[serde(default)]
    pub started_zone: String,
    #[serde(default)]
    pub detected_local: String,
    #[serde(default)]
    pub detected_zone: String,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub impact: String,
    #[serde(default)]
    pub requested_action: String,
    #[serde(default)]
    pub respond_by_local: String,
    #[serde(default)]
    pub respond_by_zone: String,
    #[serde(default)]
    pub text: String,
    pub text_language: String,
}

/// A template whose every field passed the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedTemplate {
    pub kind: CommunicationKind,
    pub urgency: Urgency,
    pub tlp: super::tlp::TlpLabel,
    pub content: Content,
}

impl TemplateDraft {
    /// Checks every field; all problems (field and Fluent id), or the
    /// checked template.
    pub fn check(&self) -> Result<CheckedTemplate, Vec<FieldError>> {
        let mut errors: Vec<FieldError> = Vec::new();
        let err = |errors: &mut Vec<FieldError>, field: &str, message_id: &'static str| {
            errors.push(FieldError {
                field: field.to_string(),
                message_id,
            })
        };
        let kind = self.kind.parse::<CommunicationKind>().ok();
        if kind.is_none() {
            err(&mut errors, "kind", "comm-error-kind");
        }
        let urgency = self.urgency.parse::<Urgency>().ok();
        if urgency.is_none() {
            err(&mut errors, "urgency", "comm-error-urgency");
        }
        let tlp = self.tlp.parse::<super::tlp::TlpLabel>().ok();
        if tlp.is_none() {
            let id = if self.tlp.trim().is_empty() {
                "comm-error-tlp-missing"
            } else {
                "comm-error-tlp-unknown"
            };
            err(&mut errors, "tlp", id);
        }
        let text =
            |errors: &mut Vec<FieldError>, value: &str, field: &str, max: usize, required: bool| {
                let v = value.trim();
                if required && v.is_empty() {
                    err(errors, field, "comm-error-required");
                } else if v.chars().count() > max {
                    err(errors, field, "comm-error-too-long");
                } else if v
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                {
                    err(errors, field, "comm-error-control-characters");
                }
                v.replace("\r\n", "\n")
            };
        let subject = text(&mut errors, &self.subject, "subject", MAX_SUBJECT, true);
        if subject.contains('\n') {
            err(&mut errors, "subject", "comm-error-control-characters");
        }
        let impact = text(&mut errors, &self.impact, "impact", MAX_FIELD, false);
        let requested_action = text(
            &mut errors,
            &self.requested_action,
            "requested_action",
            MAX_FIELD,
            false,
        );
        let body = text(&mut errors, &self.text, "text", MAX_TEXT, false);
        let text_language = parse_language(&self.text_language);
        if text_language.is_none() {
            err(&mut errors, "text_language", "comm-error-language");
        }
        let when = |errors: &mut Vec<FieldError>, local: &str, zone: &str, field: &str| {
            if local.trim().is_empty() && zone.trim().is_empty() {
                return None;
            }
            if parse_time_zone(zone).is_none() {
                err(errors, &format!("{field}_zone"), "comm-error-zone");
                return None;
            }
            let parsed = ZonedTime::parse(local, zone);
            if parsed.is_none() {
                err(errors, &format!("{field}_local"), "comm-error-time");
            }
            parsed
        };
        let started = when(
            &mut errors,
            &self.started_local,
            &self.started_zone,
            "started",
        );
        let detected = when(
            &mut errors,
            &self.detected_local,
            &self.detected_zone,
            "detected",
        );
        let respond_by = when(
            &mut errors,
            &self.respond_by_local,
            &self.respond_by_zone,
            "respond_by",
        );
        if let (Some(s), Some(d)) = (&started, &detected) {
            if d.utc < s.utc {
                err(
                    &mut errors,
                    "detected_local",
                    "comm-error-detected-before-started",
                );
            }
        }
        let mut sectors = Vec::new();
        for raw in &self.sectors {
            match raw.parse::<Sector>() {
                Ok(sector) if !sectors.contains(&sector) => sectors.push(sector),
                Ok(_) => {}
                Err(()) => err(&mut errors, "sectors", "comm-error-sector"),
            }
        }
        sectors.sort();
        match (kind, urgency, tlp, text_language) {
            (Some(kind), Some(urgency), Some(tlp), Some(text_language)) if errors.is_empty() => {
                Ok(CheckedTemplate {
                    kind,
                    urgency,
                    tlp,
                    content: Content {
                        subject,
                        started,
                        detected,
                        sectors,
                        impact,
                        requested_action,
                        respond_by,
                        text: body,
                        text_language,
                    },
                })
            }
            _ => Err(errors),
        }
    }
}

/// Every Fluent id the template's checks name.
pub const TEMPLATE_MESSAGE_IDS: [&str; 13] = [
    "comm-error-kind",
    "comm-error-urgency",
    "comm-error-tlp-missing",
    "comm-error-tlp-unknown",
    "comm-error-required",
    "comm-error-too-long",
    "comm-error-control-characters",
    "comm-error-language",
    "comm-error-zone",
    "comm-error-time",
    "comm-error-detected-before-started",
    "comm-error-sector",
    "comm-field-attribution-why",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::communication::tlp::TlpLabel;
    use proptest::prelude::*;

    fn draft() -> TemplateDraft {
        TemplateDraft {
            kind: "incident_notification".into(),
            urgency: "urgent".into(),
            tlp: "AMBER+STRICT".into(),
            subject: "Ransomware at the national grid operator".into(),
            started_local: "2026-11-29T22:40".into(),
            started_zone: "Asia/Karachi".into(),
            detected_local: "2026-11-30T01:15".into(),
            detected_zone: "Asia/Karachi".into(),
            sectors: vec!["energy".into(), "government".into(), "energy".into()],
            impact: "SCADA HMIs encrypted in two regions".into(),
            requested_action: "Block the listed C2 addresses".into(),
            respond_by_local: "2026-11-30T12:00".into(),
            respond_by_zone: "UTC".into(),
            text: "Details follow.\r\nIndicators attached.".into(),
            text_language: "en".into(),
        }
    }

    #[test]
    fn a_full_template_checks() {
        let t = draft().check().unwrap();
        assert_eq!(t.kind, CommunicationKind::IncidentNotification);
        assert_eq!(t.urgency, Urgency::Urgent);
        assert_eq!(t.tlp, TlpLabel::AmberStrict);
        assert_eq!(t.content.sectors, vec![Sector::Energy, Sector::Government]);
        assert_eq!(t.content.text, "Details follow.\nIndicators attached.");
        let started = t.content.started.unwrap();
        assert_eq!(started.zone, "Asia/Karachi");
        // 22:40 in Karachi (UTC+5) is 17:40 UTC.
        assert_eq!(started.utc, 1_795_974_000);
    }

    #[test]
    fn problems_name_their_fields() {
        let mut d = draft();
        d.tlp = String::new();
        d.kind = "attribution".into();
        d.subject = " ".into();
        d.detected_local = "2026-11-29T20:00".into();
        d.started_zone = "Mars/Olympus".into();
        d.sectors.push("mining".into());
        d.text_language = "??".into();
        let errors = d.check().unwrap_err();
        let got: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message_id))
            .collect();
        assert_eq!(
            got,
            vec![
                ("kind", "comm-error-kind"),
                ("tlp", "comm-error-tlp-missing"),
                ("subject", "comm-error-required"),
                ("text_language", "comm-error-language"),
                ("started_zone", "comm-error-zone"),
                ("sectors", "comm-error-sector"),
            ]
        );
        let mut d = draft();
        d.detected_local = "2026-11-29T20:00".into();
        let errors = d.check().unwrap_err();
        assert_eq!(errors[0].message_id, "comm-error-detected-before-started");
        for e in errors {
            assert!(TEMPLATE_MESSAGE_IDS.contains(&e.message_id));
        }
    }

    #[test]
    fn a_time_skipped_by_a_clock_change_is_refused() {
        // 02:30 on 29 March 2026 does not exist in Paris.
        assert!(ZonedTime::parse("2026-03-29T02:30", "Europe/Paris").is_none());
        let at = time::macros::datetime!(2026-11-30 07:45:30 UTC);
        let karachi = ZonedTime::at(at, "Asia/Karachi").unwrap();
        assert_eq!(karachi.local, "2026-11-30T12:45");
        assert_eq!(karachi.utc, at.unix_timestamp() - 30);
        assert!(ZonedTime::at(at, "Mars/Olympus").is_none());
        assert!(ZonedTime::parse("2026-03-29T03:30", "Europe/Paris").is_some());
    }

    #[test]
    fn codes_round_trip() {
        for k in CommunicationKind::ALL {
            assert_eq!(k.as_str().parse(), Ok(*k));
            assert!(k.label_message().starts_with("comm-kind-"));
        }
        for s in Sector::ALL {
            assert_eq!(s.as_str().parse(), Ok(*s));
        }
        assert_eq!(Urgency::Urgent.label_message(), "comm-urgency-urgent");
    }

    proptest! {
        #[test]
        fn any_input_is_checked_without_panicking(
            kind in ".{0,30}", urgency in ".{0,12}", tlp in ".{0,20}",
            subject in ".{0,300}", local in ".{0,20}", zone in ".{0,30}",
            sectors in proptest::collection::vec(".{0,12}", 0..10),
            language in ".{0,12}",
        ) {
            let d = TemplateDraft {
                kind, urgency, tlp, subject,
                started_local: local.clone(), started_zone: zone.clone(),
                detected_local: local.clone(), detected_zone: zone.clone(),
                respond_by_local: local, respond_by_zone: zone,
                sectors, text_language: language, ..TemplateDraft::default()
            };
            if let Ok(t) = d.check() {
                prop_assert!(!t.content.subject.is_empty());
                prop_assert!(t.content.subject.chars().count() <= MAX_SUBJECT);
            }
        }
    }
}
