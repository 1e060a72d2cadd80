//! What a request for capacity building and an offer hold, and their
//! checks: each problem a Fluent id beside its field, all at once.

use crate::directory::poc::FieldError;
use crate::reporter::LANGUAGES;
use serde::Deserialize;
use time::{Date, OffsetDateTime};

const MAX_DESCRIPTION_CHARS: usize = 4000;
/// How far ahead a request may be needed: beyond that it is a plan, not a
/// request.
const MAX_YEARS_AHEAD: i32 = 5;

macro_rules! labelled_enum {
    ($(#[$m:meta])* $name:ident, $prefix:literal, [$($(#[$vm:meta])* $variant:ident => $text:literal),+ $(,)?]) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.as_str() == s)
            }

            pub fn label_message(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, $text)),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use labelled_enum;

labelled_enum!(
    /// The fixed taxonomy of capacity building, shared by requests, offers,
    /// funding and the library.
    Area, "capacity-area-", [
        StrategyPolicy => "strategy_policy",
        IncidentResponse => "incident_response",
        CriticalInfrastructure => "critical_infrastructure",
        Cybercrime => "cybercrime",
        InternationalLaw => "international_law",
        TechnicalTraining => "technical_training",
        Awareness => "awareness",
        Standards => "standards",
    ]
);

labelled_enum!(
    /// How the help is given.
    Format, "capacity-format-", [
        Training => "training",
        AdvisoryMission => "advisory_mission",
        Equipment => "equipment",
        PeerReview => "peer_review",
    ]
);

labelled_enum!(
    /// Which providers see a request.
    Visibility, "capacity-visibility-", [
        /// Every provider, with the requester's name.
        AllProviders => "all_providers",
        /// Only the providers the requester names.
        NamedProviders => "named_providers",
        /// Every provider, without the requester's name until the
        /// requester selects one of them (its offer's provider then sees it).
        Anonymous => "anonymous",
    ]
);

/// The problems a request, an offer or an outcome report can have.
pub const PROBLEM_IDS: [&str; 11] = [
    "capacity-error-required",
    "capacity-error-too-long",
    "capacity-error-control-characters",
    "capacity-error-area",
    "capacity-error-language",
    "capacity-error-format",
    "capacity-error-date",
    "capacity-error-date-past",
    "capacity-error-date-far",
    "capacity-error-visibility",
    "capacity-error-providers",
];

/// A request as typed into the form or sent to the API, before any check.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestDraft {
    /// At least one of the taxonomy's areas (`strategy_policy`, …).
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// UN languages the help should be given in (`ar`, `en`, …), at least one.
    #[serde(default)]
    pub languages: Vec<String>,
    /// `training`, `advisory_mission`, `equipment` or `peer_review`.
    #[serde(default)]
    pub format: String,
    /// The date by which the help is needed, `YYYY-MM-DD`.
    #[serde(default)]
    pub needed_by: String,
    #[serde(default)]
    pub funding_needed: bool,
    /// `all_providers`, `named_providers` or `anonymous`.
    #[serde(default)]
    pub visibility: String,
    /// The providers (participant codes) that see a `named_providers` request.
    #[serde(default)]
    pub providers: Vec<String>,
}

/// A checked request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub areas: Vec<Area>,
    pub description: String,
    pub languages: Vec<String>,
    pub format: Format,
    pub needed_by: Date,
    pub funding_needed: bool,
    pub visibility: Visibility,
    /// Empty unless `visibility` names them.
    pub providers: Vec<String>,
}

/// An offer as typed or sent, before any check.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferDraft {
    /// What the provider offers to do, by whom and when.
    #[serde(default)]
    pub description: String,
    /// UN languages it can be given in, at least one.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub format: String,
    /// Whether the provider brings the funding itself.
    #[serde(default)]
    pub funded: bool,
}

/// A checked offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOffer {
    pub description: String,
    pub languages: Vec<String>,
    pub format: Format,
    pub funded: bool,
}

/// A follow-up's outcome report as typed or sent.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeDraft {
    /// `delivered`, `partly` or `not_delivered`.
    #[serde(default)]
    pub outcome: String,
    /// What changed thanks to the help (or why it did not come).
    #[serde(default)]
    pub what_changed: String,
}

fn problem(errors: &mut Vec<FieldError>, field: &str, message_id: &'static str) {
    errors.push(FieldError {
        field: field.to_string(),
        message_id,
    });
}

/// Plain text, required, bounded, new lines allowed.
fn description(value: &str, field: &str, errors: &mut Vec<FieldError>) -> String {
    let v = value.trim();
    if v.is_empty() {
        problem(errors, field, "capacity-error-required");
    } else if v.chars().count() > MAX_DESCRIPTION_CHARS {
        problem(errors, field, "capacity-error-too-long");
    } else if v
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        problem(errors, field, "capacity-error-control-characters");
    }
    v.to_string()
}

/// UN language codes, at least one, each once, in the UN's order.
fn languages(values: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let code = v.trim().to_ascii_lowercase();
        if !LANGUAGES.contains(&code.as_str()) {
            problem(errors, "languages", "capacity-error-language");
            return Vec::new();
        }
        if !out.contains(&code) {
            out.push(code);
        }
    }
    if out.is_empty() {
        problem(errors, "languages", "capacity-error-language");
    }
    out.sort_by_key(|c| LANGUAGES.iter().position(|l| l == c));
    out
}

fn format(value: &str, errors: &mut Vec<FieldError>) -> Option<Format> {
    let f = Format::parse(value.trim());
    if f.is_none() {
        problem(errors, "format", "capacity-error-format");
    }
    f
}

/// `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(value.trim(), &format).ok()
}

impl RequestDraft {
    /// Checks every field; `provider_known` says whether a code names a
    /// participant that may provide.
    pub fn check(
        &self,
        now: OffsetDateTime,
        provider_known: &dyn Fn(&str) -> bool,
    ) -> Result<NewRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut areas = Vec::new();
        for a in &self.areas {
            match Area::parse(a.trim()) {
                Some(area) if !areas.contains(&area) => areas.push(area),
                Some(_) => {}
                None => {
                    problem(&mut errors, "areas", "capacity-error-area");
                    break;
                }
            }
        }
        if areas.is_empty() && !errors.iter().any(|e| e.field == "areas") {
            problem(&mut errors, "areas", "capacity-error-area");
        }
        areas.sort();
        let description = description(&self.description, "description", &mut errors);
        let languages = languages(&self.languages, &mut errors);
        let format = format(&self.format, &mut errors);
        let today = now.date();
        let needed_by = match parse_date(&self.needed_by) {
            None if self.needed_by.trim().is_empty() => {
                problem(&mut errors, "needed_by", "capacity-error-required");
                None
            }
            None => {
                problem(&mut errors, "needed_by", "capacity-error-date");
                None
            }
            Some(d) if d <= today => {
                problem(&mut errors, "needed_by", "capacity-error-date-past");
                None
            }
            Some(d) if d.year() > today.year() + MAX_YEARS_AHEAD => {
                problem(&mut errors, "needed_by", "capacity-error-date-far");
                None
            }
            Some(d) => Some(d),
        };
        let visibility = Visibility::parse(self.visibility.trim());
        let mut providers: Vec<String> = Vec::new();
        match visibility {
            None => problem(&mut errors, "visibility", "capacity-error-visibility"),
            Some(Visibility::NamedProviders) => {
                for p in &self.providers {
                    let code = p.trim().to_ascii_uppercase();
                    if code.is_empty() || code.len() > 16 || !provider_known(&code) {
                        problem(&mut errors, "providers", "capacity-error-providers");
                        break;
                    }
                    if !providers.contains(&code) {
                        providers.push(code);
                    }
                }
                if providers.is_empty() && !errors.iter().any(|e| e.field == "providers") {
                    problem(&mut errors, "providers", "capacity-error-providers");
                }
                providers.sort();
            }
            Some(_) => {}
        }
        match (format, needed_by, visibility, errors.is_empty()) {
            (Some(format), Some(needed_by), Some(visibility), true) => Ok(NewRequest {
                areas,
                description,
                languages,
                format,
                needed_by,
                funding_needed: self.funding_needed,
                visibility,
                providers,
            }),
            _ => Err(errors),
        }
    }
}

impl OfferDraft {
    pub fn check(&self) -> Result<NewOffer, Vec<FieldError>> {
        let mut errors = Vec::new();
        let description = description(&self.description, "description", &mut errors);
        let languages = languages(&self.languages, &mut errors);
        let format = format(&self.format, &mut errors);
        match (format, errors.is_empty()) {
            (Some(format), true) => Ok(NewOffer {
                description,
                languages,
                format,
                funded: self.funded,
            }),
            _ => Err(errors),
        }
    }
}

impl OutcomeDraft {
    pub fn check(&self) -> Result<(super::Outcome, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        let outcome = super::Outcome::parse(self.outcome.trim());
        if outcome.is_none() {
            problem(&mut errors, "outcome", "capacity-error-required");
        }
        let what = description(&self.what_changed, "what_changed", &mut errors);
        match (outcome, errors.is_empty()) {
            (Some(o), true) => Ok((o, what)),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-12-02 10:00 UTC);

    fn draft() -> RequestDraft {
        RequestDraft {
            areas: vec!["incident_response".into(), "awareness".into()],
            description: "Help us set up a national CSIRT.".into(),
            languages: vec!["fr".into(), "en".into()],
            format: "advisory_mission".into(),
            needed_by: "2027-06-30".into(),
            funding_needed: true,
            visibility: "all_providers".into(),
            providers: vec![],
        }
    }

    fn ids(r: Result<NewRequest, Vec<FieldError>>) -> Vec<(String, &'static str)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.message_id))
            .collect()
    }

    #[test]
    fn a_good_request_is_cleaned() {
        let r = draft().check(NOW, &|_| true).unwrap();
        assert_eq!(r.areas, vec![Area::IncidentResponse, Area::Awareness]);
        assert_eq!(r.languages, vec!["en", "fr"]);
        assert_eq!(r.format, Format::AdvisoryMission);
        assert_eq!(r.needed_by, time::macros::date!(2027 - 06 - 30));
        assert!(r.providers.is_empty());
    }

    #[test]
    fn a_request_with_no_area_is_refused() {
        let mut d = draft();
        d.areas.clear();
        assert_eq!(
            ids(d.check(NOW, &|_| true)),
            vec![("areas".into(), "capacity-error-area")]
        );
        d.areas = vec!["espionage".into()];
        assert_eq!(
            ids(d.check(NOW, &|_| true)),
            vec![("areas".into(), "capacity-error-area")]
        );
    }

    #[test]
    fn every_problem_is_said_at_once() {
        let d = RequestDraft {
            needed_by: "2026-12-01".into(),
            languages: vec!["de".into()],
            visibility: "named_providers".into(),
            providers: vec!["XXX".into()],
            ..RequestDraft::default()
        };
        let got = ids(d.check(NOW, &|c| c == "FRA"));
        assert_eq!(
            got,
            vec![
                ("areas".into(), "capacity-error-area"),
                ("description".into(), "capacity-error-required"),
                ("languages".into(), "capacity-error-language"),
                ("format".into(), "capacity-error-format"),
                ("needed_by".into(), "capacity-error-date-past"),
                ("providers".into(), "capacity-error-providers"),
            ]
        );
    }

    #[test]
    fn named_providers_must_be_named_and_known() {
        let mut d = draft();
        d.visibility = "named_providers".into();
        assert_eq!(
            ids(d.check(NOW, &|_| true)),
            vec![("providers".into(), "capacity-error-providers")]
        );
        d.providers = vec!["fra".into(), "DEU".into(), "FRA".into()];
        let r = d.check(NOW, &|c| c == "FRA" || c == "DEU").unwrap();
        assert_eq!(r.providers, vec!["DEU", "FRA"]);
    }

    #[test]
    fn dates_are_checked() {
        let mut d = draft();
        d.needed_by = "30/06/2027".into();
        assert_eq!(
            ids(d.check(NOW, &|_| true)),
            vec![("needed_by".into(), "capacity-error-date")]
        );
        d.needed_by = "2040-01-01".into();
        assert_eq!(
            ids(d.check(NOW, &|_| true)),
            vec![("needed_by".into(), "capacity-error-date-far")]
        );
    }

    #[test]
    fn offers_and_outcomes_are_checked() {
        let o = OfferDraft {
            description: "  Two trainers for a week.\n".into(),
            languages: vec!["es".into()],
            format: "training".into(),
            funded: true,
        };
        let checked = o.check().unwrap();
        assert_eq!(checked.description, "Two trainers for a week.");
        let bad = OfferDraft {
            description: "bell \u{7}".into(),
            ..o
        };
        assert_eq!(
            bad.check().unwrap_err()[0].message_id,
            "capacity-error-control-characters"
        );
        let outcome = OutcomeDraft {
            outcome: "partly".into(),
            what_changed: "A CSIRT runs office hours.".into(),
        };
        assert_eq!(outcome.check().unwrap().0, super::super::Outcome::Partly);
        assert!(OutcomeDraft::default().check().is_err());
    }

    proptest! {
        #[test]
        fn hostile_requests_are_refused_or_clean(
            areas in proptest::collection::vec(".{0,20}", 0..4),
            description in "\\PC{0,50}|.{0,50}",
            languages in proptest::collection::vec("[a-z]{0,3}|.{0,4}", 0..4),
            format in ".{0,20}",
            needed_by in "[0-9]{4}-[0-9]{2}-[0-9]{2}|.{0,12}",
            visibility in ".{0,16}|anonymous|named_providers",
            providers in proptest::collection::vec(".{0,5}", 0..3),
        ) {
            let d = RequestDraft { areas, description, languages, format, needed_by, funding_needed: false, visibility, providers };
            match d.check(NOW, &|c| c == "FRA") {
                Ok(r) => {
                    prop_assert!(!r.areas.is_empty());
                    prop_assert!(!r.description.is_empty());
                    prop_assert!(!r.description.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
                    prop_assert!(r.languages.iter().all(|l| LANGUAGES.contains(&l.as_str())));
                    prop_assert!(r.needed_by > NOW.date());
                    prop_assert!(r.providers.iter().all(|p| p == "FRA"));
                }
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    prop_assert!(errors.iter().all(|e| PROBLEM_IDS.contains(&e.message_id)));
                }
            }
        }
    }
}
