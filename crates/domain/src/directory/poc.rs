//! Points of contact: their role and duties, and the rules every field
//! must follow. Validation collects every problem at once, field by field,
//! so that a form or an API client can show them all.

use crate::account::{AccountKind, Email};
use crate::directory::openpgp::{parse_public_key, OpenPgpKey};
use chrono::{Datelike, TimeZone, Timelike};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// What a PoC is for, as the OEWG described it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PocRole {
    /// Represents the State in bilateral and multilateral communications
    /// about ICT incidents and facilitates dialogue.
    Diplomatic,
    /// Evaluates technically the information exchanged; shares and
    /// receives threat data.
    Technical,
}

impl PocRole {
    pub const ALL: [PocRole; 2] = [PocRole::Diplomatic, PocRole::Technical];

    pub fn as_str(self) -> &'static str {
        match self {
            PocRole::Diplomatic => "diplomatic",
            PocRole::Technical => "technical",
        }
    }

    /// Fluent id of the duties shown wherever PoCs are shown.
    pub fn duties_message(self) -> &'static str {
        match self {
            PocRole::Diplomatic => "poc-duties-diplomatic",
            PocRole::Technical => "poc-duties-technical",
        }
    }

    /// Fluent id of the role's name (that of the matching account kind).
    pub fn label_message(self) -> &'static str {
        match self {
            PocRole::Diplomatic => AccountKind::DiplomaticPoc.label_message(),
            PocRole::Technical => AccountKind::TechnicalPoc.label_message(),
        }
    }
}

impl FromStr for PocRole {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "diplomatic" => Ok(PocRole::Diplomatic),
            "technical" => Ok(PocRole::Technical),
            _ => Err(()),
        }
    }
}

/// Where a PoC stands in nomination and verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PocStatus {
    /// Nominated, awaiting the secretariat's verification.
    Pending,
    /// Verified: listed in the directory.
    Active,
    /// The nomination was refused by the secretariat.
    Rejected,
    /// No longer a PoC (withdrawn by the nominator, or before verification).
    Withdrawn,
}

impl PocStatus {
    pub const ALL: [PocStatus; 4] = [
        PocStatus::Pending,
        PocStatus::Active,
        PocStatus::Rejected,
        PocStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PocStatus::Pending => "pending",
            PocStatus::Active => "active",
            PocStatus::Rejected => "rejected",
            PocStatus::Withdrawn => "withdrawn",
        }
    }

    /// Fluent id of the status shown on the pages.
    pub fn label_message(self) -> &'static str {
        match self {
            PocStatus::Pending => "poc-status-pending",
            PocStatus::Active => "poc-status-active",
            PocStatus::Rejected => "poc-status-rejected",
            PocStatus::Withdrawn => "poc-status-withdrawn",
        }
    }
}

impl std::fmt::Display for PocStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PocStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pending" => Ok(PocStatus::Pending),
            "active" => Ok(PocStatus::Active),
            "rejected" => Ok(PocStatus::Rejected),
            "withdrawn" => Ok(PocStatus::Withdrawn),
            other => Err(format!("unknown PoC status {other:?}")),
        }
    }
}

/// What a nominator asked for that the secretariat has yet to decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PendingAction {
    /// A new PoC, to be verified.
    Create,
    /// New details for an active PoC.
    Update,
    /// The end of an active PoC.
    Withdraw,
}

impl PendingAction {
    pub const ALL: [PendingAction; 3] = [
        PendingAction::Create,
        PendingAction::Update,
        PendingAction::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PendingAction::Create => "create",
            PendingAction::Update => "update",
            PendingAction::Withdraw => "withdraw",
        }
    }

    /// Fluent id of what awaits the secretariat, shown on the pages.
    pub fn label_message(self) -> &'static str {
        match self {
            PendingAction::Create => "poc-pending-create",
            PendingAction::Update => "poc-pending-update",
            PendingAction::Withdraw => "poc-pending-withdraw",
        }
    }
}

impl std::fmt::Display for PendingAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PendingAction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "create" => Ok(PendingAction::Create),
            "update" => Ok(PendingAction::Update),
            "withdraw" => Ok(PendingAction::Withdraw),
            other => Err(format!("unknown pending action {other:?}")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum PhoneUse {
    #[serde(rename = "office")]
    Office,
    #[serde(rename = "mobile")]
    Mobile,
    /// Answered around the clock.
    #[serde(rename = "24x7")]
    AroundTheClock,
}

impl FromStr for PhoneUse {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "office" => Ok(PhoneUse::Office),
            "mobile" => Ok(PhoneUse::Mobile),
            "24x7" | "24/7" => Ok(PhoneUse::AroundTheClock),
            _ => Err(()),
        }
    }
}

/// A field and what is wrong with it (a Fluent message id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// e.g. `emails[1]`, `time_zone`.
    pub field: String,
    pub message_id: &'static str,
}

/// A PoC as typed into a form or sent to the API, before any check.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PocDraft {
    pub role: String,
    pub name: String,
    #[serde(default)]
    pub title: String,
    pub organisation: String,
    pub emails: Vec<String>,
    #[serde(default)]
    pub phones: Vec<PhoneDraft>,
    #[serde(default)]
    pub secure_channels: Vec<String>,
    pub languages: Vec<String>,
    pub time_zone: String,
    /// e.g. `Mon-Fri 09:00-17:30`, or `24/7`.
    pub hours: String,
    #[serde(default)]
    pub notes: String,
    /// An ASCII-armored OpenPGP public key; empty for none.
    #[serde(default)]
    pub openpgp_key: String,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhoneDraft {
    pub number: String,
    #[serde(rename = "use")]
    pub phone_use: String,
}

/// When a PoC can be reached, in its own time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Availability {
    /// Monday first.
    pub days: [bool; 7],
    /// Minutes after local midnight; `end` may be below `start` (overnight).
    pub start: u16,
    pub end: u16,
}

impl Availability {
    pub const ALWAYS: Availability = Availability {
        days: [true; 7],
        start: 0,
        end: 24 * 60,
    };

    /// Parses `24/7`, `Mon-Fri 09:00-17:30`, `Sun-Thu 08:00-16:00`, `Mon,Wed 10:00-12:00`.
    pub fn parse(s: &str) -> Option<Availability> {
        let s = s.trim();
        if s == "24/7" || s.eq_ignore_ascii_case("24x7") {
            return Some(Availability::ALWAYS);
        }
        let (days, times) = s.split_once(' ')?;
        let (from, to) = times.trim().split_once('-')?;
        let start = minutes(from)?;
        let end = minutes(to)?;
        if start == end {
            return None;
        }
        Some(Availability {
            days: parse_days(days)?,
            start,
            end,
        })
    }

    /// Whether the PoC is within its hours at `at`, in time zone `tz`.
    pub fn covers(&self, tz: chrono_tz::Tz, at: time::OffsetDateTime) -> bool {
        let Some(utc) = chrono::Utc.timestamp_opt(at.unix_timestamp(), 0).single() else {
            return false;
        };
        let local = utc.with_timezone(&tz);
        let day = local.weekday().num_days_from_monday() as usize;
        let minute = u16::try_from(local.hour() * 60 + local.minute()).unwrap_or(0);
        self.covers_local(day, minute, day + 6)
    }

    /// Whether the hours cover local weekday `day` (0 = Monday) at `minute`
    /// after midnight; `yesterday` is `day + 6` (taken modulo 7). Lets a
    /// search convert the time once per zone rather than once per PoC.
    pub fn covers_local(&self, day: usize, minute: u16, yesterday: usize) -> bool {
        let on = |d: usize| self.days.get(d % 7).copied().unwrap_or(false);
        if self.start < self.end {
            on(day) && (self.start..self.end).contains(&minute)
        } else {
            // Overnight: the evening part today, the morning part from yesterday's shift.
            (on(day) && minute >= self.start) || (on(yesterday) && minute < self.end)
        }
    }
}

fn minutes(hhmm: &str) -> Option<u16> {
    let (h, m) = hhmm.trim().split_once(':')?;
    if h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    // 24:00 may end a day's hours.
    let valid = (h < 24 && m < 60) || (h == 24 && m == 0);
    valid.then_some(h * 60 + m)
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn parse_days(s: &str) -> Option<[bool; 7]> {
    let mut out = [false; 7];
    for part in s.split(',') {
        let part = part.trim().to_ascii_lowercase();
        let index = |d: &str| DAYS.iter().position(|x| *x == d);
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (index(a)?, index(b)?);
                let mut d = a;
                loop {
                    *out.get_mut(d)? = true;
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => *out.get_mut(index(&part)?)? = true,
        }
    }
    out.iter().any(|d| *d).then_some(out)
}

/// E.164: a plus sign, then 8 to 15 digits, the first not zero. Spaces and
/// dashes typed for readability are dropped.
pub fn parse_e164(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let digits = compact.strip_prefix('+')?;
    let ok = (8..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0');
    ok.then_some(compact)
}

/// A BCP 47 language tag, canonicalised (e.g. `fr-ca` → `fr-CA`).
/// A tag whose canonical form reads back as another tag is refused: the
/// parser takes a four-letter variant (`de-e0a0-abcd`) and sorts it first
/// (`de-abcd-e0a0`), where it reads as a script (`de-Abcd-e0a0`), so the
/// stored value would not be what a form or an import sends back.
pub fn parse_language(raw: &str) -> Option<String> {
    // The parser reads a tag with spaces inside ("dw- plk") as well-formed
    // and keeps the spaces: only letters, digits and separators may pass.
    let raw = raw.trim();
    if !raw
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let tag: unic_langid::LanguageIdentifier = raw.parse().ok()?;
    let s = tag.to_string();
    let again: unic_langid::LanguageIdentifier = s.parse().ok()?;
    (s != "und" && !raw.trim().is_empty() && again == tag).then_some(s)
}

pub fn parse_time_zone(raw: &str) -> Option<chrono_tz::Tz> {
    raw.trim().parse().ok()
}

/// A PoC whose every field passed the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PocDetails {
    pub role: PocRole,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub emails: Vec<String>,
    pub phones: Vec<(String, PhoneUse)>,
    pub secure_channels: Vec<String>,
    pub languages: Vec<String>,
    pub time_zone: String,
    pub hours: String,
    pub availability: Availability,
    pub notes: String,
    /// Details stored before keys were asked for have none.
    #[serde(default)]
    pub openpgp: Option<OpenPgpKey>,
}

const MAX_ITEMS: usize = 5;

impl PocDraft {
    /// Checks every field; returns all problems, or the clean PoC. `now`
    /// decides whether an OpenPGP key has expired.
    pub fn validate(&self, now: time::OffsetDateTime) -> Result<PocDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err =
            |field: String, message_id: &'static str| errors.push(FieldError { field, message_id });

        let role = self.role.parse::<PocRole>().map_err(|_| ()).ok();
        if role.is_none() {
            err("role".into(), "poc-error-role");
        }
        let text = |value: &str,
                    field: &str,
                    max: usize,
                    required: bool,
                    err: &mut dyn FnMut(String, &'static str)| {
            let v = value.trim();
            if required && v.is_empty() {
                err(field.into(), "poc-error-required");
            } else if v.chars().count() > max {
                err(field.into(), "poc-error-too-long");
            } else if v.chars().any(|c| c.is_control() && c != '\n') {
                err(field.into(), "poc-error-control-characters");
            }
            v.to_string()
        };
        let name = text(&self.name, "name", 200, true, &mut err);
        let title = text(&self.title, "title", 200, false, &mut err);
        let organisation = text(&self.organisation, "organisation", 200, true, &mut err);
        let notes = text(&self.notes, "notes", 2000, false, &mut err);

        if self.emails.is_empty() {
            err("emails".into(), "poc-error-email-required");
        }
        if self.emails.len() > MAX_ITEMS {
            err("emails".into(), "poc-error-too-many");
        }
        let emails: Vec<String> = self
            .emails
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match Email::parse(e) {
                Ok(e) => Some(e.as_str().to_string()),
                Err(_) => {
                    err(format!("emails[{i}]"), "poc-error-email");
                    None
                }
            })
            .collect();

        if self.phones.len() > MAX_ITEMS {
            err("phones".into(), "poc-error-too-many");
        }
        let mut phones = Vec::new();
        for (i, p) in self.phones.iter().enumerate() {
            match (parse_e164(&p.number), p.phone_use.parse::<PhoneUse>()) {
                (Some(n), Ok(u)) => phones.push((n, u)),
                (None, _) => err(format!("phones[{i}].number"), "poc-error-phone"),
                (_, Err(())) => err(format!("phones[{i}].use"), "poc-error-phone-use"),
            }
        }

        if self.secure_channels.len() > MAX_ITEMS {
            err("secure_channels".into(), "poc-error-too-many");
        }
        let secure_channels: Vec<String> = self
            .secure_channels
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let field = format!("secure_channels[{i}]");
                // `;` separates the channels of a CSV cell: one in a channel
                // would make two of it on the way back in.
                if c.contains(';') {
                    err(field.clone(), "poc-error-semicolon");
                }
                text(c, &field, 300, true, &mut err)
            })
            .collect();

        if self.languages.is_empty() {
            err("languages".into(), "poc-error-language-required");
        }
        if self.languages.len() > 10 {
            err("languages".into(), "poc-error-too-many");
        }
        let languages: Vec<String> = self
            .languages
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let parsed = parse_language(l);
                if parsed.is_none() {
                    err(format!("languages[{i}]"), "poc-error-language");
                }
                parsed
            })
            .collect();

        let tz = parse_time_zone(&self.time_zone);
        if tz.is_none() {
            err("time_zone".into(), "poc-error-time-zone");
        }
        let availability = Availability::parse(&self.hours);
        if availability.is_none() {
            err("hours".into(), "poc-error-hours");
        }

        let openpgp = match self.openpgp_key.trim() {
            "" => None,
            armored => match parse_public_key(armored, now) {
                Ok(key) => Some(key),
                Err(e) => {
                    err("openpgp_key".into(), e.message_id());
                    None
                }
            },
        };

        match (role, tz, availability) {
            (Some(role), Some(tz), Some(availability)) if errors.is_empty() => Ok(PocDetails {
                role,
                name,
                title,
                organisation,
                emails,
                phones,
                secure_channels,
                languages,
                time_zone: tz.name().to_string(),
                hours: self.hours.trim().to_string(),
                availability,
                notes,
                openpgp,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn good() -> PocDraft {
        PocDraft {
            role: "technical".into(),
            name: "Ayesha Malik".into(),
            title: "Head of incident response".into(),
            organisation: "National CERT".into(),
            emails: vec!["Duty@CERT.example.org".into()],
            phones: vec![PhoneDraft {
                number: "+44 7700 900123".into(),
                phone_use: "24x7".into(),
            }],
            secure_channels: vec!["Signal: +447700900123".into()],
            languages: vec!["ur".into(), "en-gb".into()],
            time_zone: "Asia/Karachi".into(),
            hours: "Mon-Fri 09:00-17:00".into(),
            notes: String::new(),
            openpgp_key: String::new(),
        }
    }

    const NOW: time::OffsetDateTime = datetime!(2027-01-15 12:00 UTC);

    #[test]
    fn a_good_poc_is_cleaned_up() {
        let p = good().validate(NOW).unwrap();
        assert_eq!(p.role, PocRole::Technical);
        assert_eq!(p.emails, ["duty@cert.example.org"]);
        assert_eq!(
            p.phones,
            [("+447700900123".to_string(), PhoneUse::AroundTheClock)]
        );
        assert_eq!(p.languages, ["ur", "en-GB"]);
        assert_eq!(p.time_zone, "Asia/Karachi");
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut d = good();
        d.role = "military".into();
        d.name = " ".into();
        d.emails = vec!["ok@example.org".into(), "not-an-email".into()];
        d.phones = vec![
            PhoneDraft {
                number: "0300 1234567".into(),
                phone_use: "office".into(),
            },
            PhoneDraft {
                number: "+923001234567".into(),
                phone_use: "pager".into(),
            },
        ];
        d.languages = vec!["".into()];
        d.time_zone = "Mars/Olympus".into();
        d.hours = "whenever".into();
        let errors = d.validate(NOW).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "role",
                "name",
                "emails[1]",
                "phones[0].number",
                "phones[1].use",
                "languages[0]",
                "time_zone",
                "hours"
            ]
        );
    }

    #[test]
    fn language_tags_are_stored_in_a_form_that_reads_back_the_same() {
        // Found by the property tests: `aa-e0a0-aaaa` was stored as
        // `aa-aaaa-e0a0`, which reads back as `aa-Aaaa-e0a0`.
        for raw in ["aa-e0a0-aaaa", "de-E0A0-ABCD"] {
            assert_eq!(parse_language(raw), None, "{raw}");
        }
        for raw in [
            "sl-rozaj-biske",
            "en-Latn-1994",
            "zh-hans-cn",
            "fr-CA",
            "de-1996-abcd",
        ] {
            let tag = parse_language(raw).unwrap();
            assert_eq!(parse_language(&tag).as_ref(), Some(&tag), "{raw}");
        }
    }

    #[test]
    fn a_secure_channel_may_not_hold_the_csv_list_separator() {
        // Found by the property tests: "a;" was exported to CSV and came
        // back as the channel "a".
        let mut d = good();
        d.secure_channels = vec!["Signal: +447700900123; Threema: ABCD1234".into()];
        let errors = d.validate(NOW).unwrap_err();
        assert_eq!(
            errors,
            [FieldError {
                field: "secure_channels[0]".into(),
                message_id: "poc-error-semicolon"
            }]
        );
    }

    #[test]
    fn an_openpgp_key_is_checked_and_kept() {
        let mut d = good();
        d.openpgp_key = include_str!("../../tests/fixtures/openpgp/ed25519.asc").into();
        let p = d.validate(NOW).unwrap();
        let key = p.openpgp.unwrap();
        assert_eq!(key.fingerprint, "C13411A68760C81000298C20EB92C10FD5AF8661");

        d.openpgp_key = include_str!("../../tests/fixtures/openpgp/expired.asc").into();
        let errors = d.validate(NOW).unwrap_err();
        assert_eq!(
            errors,
            [FieldError {
                field: "openpgp_key".into(),
                message_id: "poc-error-openpgp-expired"
            }]
        );

        d.openpgp_key = "  \n ".into();
        assert_eq!(d.validate(NOW).unwrap().openpgp, None);
    }

    #[test]
    fn details_stored_before_keys_still_read() {
        let mut stored = serde_json::to_value(good().validate(NOW).unwrap()).unwrap();
        stored.as_object_mut().unwrap().remove("openpgp");
        let back: PocDetails = serde_json::from_value(stored).unwrap();
        assert_eq!(back.openpgp, None);
        let draft: PocDraft = serde_json::from_value(serde_json::json!({
            "role": "technical", "name": "A", "organisation": "B",
            "emails": ["a@example.org"], "languages": ["en"],
            "time_zone": "UTC", "hours": "24/7"
        }))
        .unwrap();
        assert_eq!(draft.openpgp_key, "");
    }

    #[test]
    fn e164_numbers() {
        assert_eq!(parse_e164("+1 (202) 555-0143"), Some("+12025550143".into()));
        for bad in [
            "12025550143",
            "+0123456789",
            "+12",
            "+1234567890123456",
            "+12a4567890",
        ] {
            assert_eq!(parse_e164(bad), None, "{bad}");
        }
    }

    #[test]
    fn hours_and_who_is_awake() {
        let office = Availability::parse("Mon-Fri 09:00-17:00").unwrap();
        let karachi: chrono_tz::Tz = "Asia/Karachi".parse().unwrap();
        // Wednesday 06:00 UTC is 11:00 in Karachi (UTC+5).
        assert!(office.covers(karachi, datetime!(2026-11-25 06:00 UTC)));
        // Wednesday 13:00 UTC is 18:00 there: gone home.
        assert!(!office.covers(karachi, datetime!(2026-11-25 13:00 UTC)));
        // Saturday.
        assert!(!office.covers(karachi, datetime!(2026-11-28 06:00 UTC)));
        let gulf = Availability::parse("Sun-Thu 08:00-16:00").unwrap();
        assert!(gulf.covers(
            "Asia/Riyadh".parse().unwrap(),
            datetime!(2026-11-29 06:00 UTC)
        ));
        let night = Availability::parse("Mon-Fri 22:00-06:00").unwrap();
        let paris: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
        // Saturday 02:00 in Paris: Friday night's shift.
        assert!(night.covers(paris, datetime!(2026-11-28 01:00 UTC)));
        assert!(!night.covers(paris, datetime!(2026-11-28 12:00 UTC)));
        assert!(Availability::ALWAYS.covers(paris, datetime!(2026-11-28 12:00 UTC)));
        for bad in [
            "",
            "Mon-Fri",
            "Mon-Fri 9-5",
            "Xyz 09:00-10:00",
            "Mon 10:00-10:00",
            "Mon 25:00-26:00",
        ] {
            assert_eq!(Availability::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn status_and_pending_action_spellings_round_trip() {
        for s in [
            PocStatus::Pending,
            PocStatus::Active,
            PocStatus::Rejected,
            PocStatus::Withdrawn,
        ] {
            assert_eq!(s.as_str().parse::<PocStatus>(), Ok(s));
            assert_eq!(s.to_string(), s.as_str());
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.as_str().into())
            );
        }
        for a in [
            PendingAction::Create,
            PendingAction::Update,
            PendingAction::Withdraw,
        ] {
            assert_eq!(a.as_str().parse::<PendingAction>(), Ok(a));
            assert_eq!(a.to_string(), a.as_str());
            assert_eq!(
                serde_json::to_value(a).unwrap(),
                serde_json::Value::String(a.as_str().into())
            );
        }
        assert!("Active".parse::<PocStatus>().is_err());
        assert!("".parse::<PendingAction>().is_err());
    }

    #[test]
    fn languages_and_zones() {
        assert_eq!(parse_language("zh-hans-cn"), Some("zh-Hans-CN".into()));
        assert_eq!(parse_language("not a tag"), None);
        assert!(parse_time_zone("America/New_York").is_some());
        assert!(parse_time_zone("EST5EDT").is_some());
        assert!(parse_time_zone("Europe/Atlantis").is_none());
    }
}
