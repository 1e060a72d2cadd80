//! What a proposed change does to a PoC's entry, field by field, so that
//! the secretariat reviews the difference rather than two whole copies.

use crate::directory::poc::PocDetails;

/// A field of a PoC's entry as a reviewer reads it (the role is fixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailField {
    Name,
    Title,
    Organisation,
    Emails,
    Phones,
    SecureChannels,
    Languages,
    TimeZone,
    Hours,
    Notes,
    OpenPgpKey,
}

impl DetailField {
    /// Every field, in the order of the form.
    pub const ALL: [DetailField; 11] = [
        DetailField::Name,
        DetailField::Title,
        DetailField::Organisation,
        DetailField::Emails,
        DetailField::Phones,
        DetailField::SecureChannels,
        DetailField::Languages,
        DetailField::TimeZone,
        DetailField::Hours,
        DetailField::Notes,
        DetailField::OpenPgpKey,
    ];

    /// The message that names the field.
    pub fn label_message(self) -> &'static str {
        match self {
            DetailField::Name => "poc-field-name",
            DetailField::Title => "poc-field-title",
            DetailField::Organisation => "poc-field-organisation",
            DetailField::Emails => "poc-field-emails",
            DetailField::Phones => "poc-field-phones",
            DetailField::SecureChannels => "poc-field-secure-channels",
            DetailField::Languages => "poc-field-languages",
            DetailField::TimeZone => "poc-field-time-zone",
            DetailField::Hours => "poc-field-hours",
            DetailField::Notes => "poc-field-notes",
            DetailField::OpenPgpKey => "poc-field-openpgp-key",
        }
    }

    /// The form field of the same name (for ids and anchors).
    pub fn form_name(self) -> &'static str {
        match self {
            DetailField::Name => "name",
            DetailField::Title => "title",
            DetailField::Organisation => "organisation",
            DetailField::Emails => "emails",
            DetailField::Phones => "phones",
            DetailField::SecureChannels => "secure_channels",
            DetailField::Languages => "languages",
            DetailField::TimeZone => "time_zone",
            DetailField::Hours => "hours",
            DetailField::Notes => "notes",
            DetailField::OpenPgpKey => "openpgp_key",
        }
    }

    /// The field's value as compared: one string per item, none when empty.
    /// Phones compare with their use; a key by its fingerprint.
    fn values(self, d: &PocDetails) -> Vec<String> {
        let one = |s: &str| {
            let s = s.trim();
            if s.is_empty() {
                Vec::new()
            } else {
                vec![s.to_string()]
            }
        };
        match self {
            DetailField::Name => one(&d.name),
            DetailField::Title => one(&d.title),
            DetailField::Organisation => one(&d.organisation),
            DetailField::Emails => d.emails.clone(),
            DetailField::Phones => d.phones.iter().map(|(n, u)| format!("{n} {u:?}")).collect(),
            DetailField::SecureChannels => d.secure_channels.clone(),
            DetailField::Languages => d.languages.clone(),
            DetailField::TimeZone => one(&d.time_zone),
            DetailField::Hours => one(&d.hours),
            DetailField::Notes => one(&d.notes),
            DetailField::OpenPgpKey => d
                .openpgp
                .as_ref()
                .map(|k| vec![k.fingerprint.clone()])
                .unwrap_or_default(),
        }
    }
}

/// What a proposal does to one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldChange {
    Unchanged,
    /// Empty before, filled in now.
    Added,
    /// Filled in before, empty now.
    Removed,
    Changed,
}

impl FieldChange {
    /// Between two values of a field (each item trimmed, none when empty).
    pub fn between(before: &[String], after: &[String]) -> FieldChange {
        match (before.is_empty(), after.is_empty()) {
            (true, true) => FieldChange::Unchanged,
            (true, false) => FieldChange::Added,
            (false, true) => FieldChange::Removed,
            _ if before == after => FieldChange::Unchanged,
            _ => FieldChange::Changed,
        }
    }

    /// The words that say it (a mark that does not rely on colour).
    pub fn label_message(self) -> &'static str {
        match self {
            FieldChange::Unchanged => "diff-unchanged",
            FieldChange::Added => "diff-added",
            FieldChange::Removed => "diff-removed",
            FieldChange::Changed => "diff-changed",
        }
    }

    /// Every kind of change.
    pub const ALL: [FieldChange; 4] = [
        FieldChange::Unchanged,
        FieldChange::Added,
        FieldChange::Removed,
        FieldChange::Changed,
    ];

    /// For styling only; the words above carry the meaning.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldChange::Unchanged => "unchanged",
            FieldChange::Added => "added",
            FieldChange::Removed => "removed",
            FieldChange::Changed => "changed",
        }
    }
}

/// Every field of the entry and what `proposed` does to it, in form order;
/// fields empty on both sides are left out.
pub fn diff(current: &PocDetails, proposed: &PocDetails) -> Vec<(DetailField, FieldChange)> {
    DetailField::ALL
        .into_iter()
        .filter_map(|f| {
            let (before, after) = (f.values(current), f.values(proposed));
            if before.is_empty() && after.is_empty() {
                return None;
            }
            Some((f, FieldChange::between(&before, &after)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::directory::poc::PocDraft;
    use time::macros::datetime;

    fn details(edit: impl FnOnce(&mut PocDraft)) -> PocDetails {
        let mut d = PocDraft {
            role: "technical".into(),
            name: "Ayesha Malik".into(),
            title: "Head of incident response".into(),
            organisation: "PKCERT".into(),
            emails: vec!["ayesha@cert.example.org".into()],
            time_zone: "Asia/Karachi".into(),
            hours: "Mon-Fri 09:00-17:00".into(),
            languages: vec!["en".into(), "ur".into()],
            ..PocDraft::default()
        };
        edit(&mut d);
        d.validate(datetime!(2030-01-01 0:00 UTC)).unwrap()
    }

    fn changes(current: &PocDetails, proposed: &PocDetails) -> Vec<(&'static str, FieldChange)> {
        diff(current, proposed)
            .into_iter()
            .filter(|(_, c)| *c != FieldChange::Unchanged)
            .map(|(f, c)| (f.form_name(), c))
            .collect()
    }

    #[test]
    fn the_same_entry_changes_nothing() {
        let d = details(|_| {});
        assert_eq!(changes(&d, &d), vec![]);
        // Empty on both sides: not shown at all.
        assert!(diff(&d, &d).iter().all(|(f, _)| *f != DetailField::Notes));
    }

    #[test]
    fn each_field_is_marked_by_what_happened_to_it() {
        let current = details(|_| {});
        let proposed = details(|d| {
            d.emails = vec!["ayesha.malik@cert.example.org".into()];
            d.title = String::new();
            d.notes = "Prefers e-mail".into();
        });
        assert_eq!(
            changes(&current, &proposed),
            vec![
                ("title", FieldChange::Removed),
                ("emails", FieldChange::Changed),
                ("notes", FieldChange::Added),
            ]
        );
    }

    #[test]
    fn lists_differ_by_any_item_or_its_order() {
        let a = vec!["en".to_string(), "fr".to_string()];
        let b = vec!["fr".to_string(), "en".to_string()];
        assert_eq!(FieldChange::between(&a, &a), FieldChange::Unchanged);
        assert_eq!(FieldChange::between(&a, &b), FieldChange::Changed);
        assert_eq!(FieldChange::between(&[], &a), FieldChange::Added);
        assert_eq!(FieldChange::between(&a, &[]), FieldChange::Removed);
    }
}
