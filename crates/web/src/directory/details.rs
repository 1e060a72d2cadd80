//! A PoC's details as the pages show them (the PoC page, the review of a
//! change, the forms): shared by the directory's pages, so none of them
//! imports another for it.

use crate::directory::values;
use crate::http::format::local;
use crate::http::page::PageCtx;
use pocdir_domain::directory::openpgp::OpenPgpKey;
use pocdir_domain::directory::poc::{parse_time_zone, PocDetails, PocRole};

/// Role names for the pages.
pub fn role_label(page: &PageCtx, role: PocRole) -> String {
    page.t(role.label_message())
}

/// A PoC's details, as the page shows them.
pub struct DetailsView {
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub emails: Vec<String>,
    /// Grouped, with their use.
    pub phones: Vec<crate::directory::values::PhoneShown>,
    pub secure_channels: Vec<String>,
    /// Names in the reader's language.
    pub languages: String,
    /// `(UTC+05:00) Karachi`.
    pub time_zone: String,
    /// "local time now: Monday 21:16".
    pub local_now: String,
    /// In words: "Monday to Friday, 09:00–17:00".
    pub hours: String,
    pub within_hours: bool,
    pub notes: String,
    pub openpgp: Option<KeyView>,
}

/// Warn this many days before a PoC's key expires, so that the State can
/// send a new one before others can no longer encrypt to it.
pub const KEY_EXPIRY_WARNING_DAYS: i64 = 30;

/// A PoC's OpenPGP key, as the page shows it.
pub struct KeyView {
    /// In groups of four.
    pub fingerprint: String,
    pub algorithm: String,
    pub created: String,
    /// A day, or the words for "does not expire".
    pub expires: String,
    /// Shown when the key expires soon or has expired since it was given.
    pub warning: Option<String>,
    pub user_ids: Vec<String>,
    pub armored: String,
}

impl KeyView {
    pub fn new(page: &PageCtx, k: OpenPgpKey, now: time::OffsetDateTime) -> KeyView {
        let warning = match k.expires_at {
            Some(e) if e <= now => Some(page.t("poc-openpgp-expired-warning")),
            Some(e) if k.expires_within(now, KEY_EXPIRY_WARNING_DAYS) => Some(page.tr.tn(
                "poc-openpgp-expires-soon",
                "days",
                (e - now).whole_days(),
            )),
            _ => None,
        };
        KeyView {
            fingerprint: k.grouped_fingerprint(),
            algorithm: k.algorithm,
            created: local::day(&page.tr, k.created_at),
            expires: k
                .expires_at
                .map(|t| local::day(&page.tr, t))
                .unwrap_or_else(|| page.t("poc-openpgp-no-expiry")),
            warning,
            user_ids: k.user_ids,
            armored: k.armored,
        }
    }
}

impl DetailsView {
    pub fn new(page: &PageCtx, d: PocDetails, now: time::OffsetDateTime) -> DetailsView {
        let tz = parse_time_zone(&d.time_zone);
        let within_hours = tz.is_some_and(|tz| d.availability.covers(tz, now));
        DetailsView {
            within_hours,
            phones: d
                .phones
                .into_iter()
                .map(|(n, u)| values::phone_shown(&page.tr, &n, u))
                .collect(),
            name: d.name,
            title: d.title,
            organisation: d.organisation,
            emails: d.emails,
            secure_channels: d.secure_channels,
            languages: values::language_names(&page.tr, &d.languages),
            time_zone: tz
                .map(|tz| values::zone_label(tz, now))
                .unwrap_or_else(|| d.time_zone.clone()),
            local_now: tz
                .map(|tz| values::local_now(&page.tr, tz, now))
                .unwrap_or_default(),
            hours: values::hours_in_words(&page.tr, &d.hours),
            notes: d.notes,
            openpgp: d.openpgp.map(|k| KeyView::new(page, k, now)),
        }
    }
}
