//! A PoC's values as the reader reads them: languages by name, time
//! zones by city and UTC offset with the local time now, hours and
//! weekdays in words, phones grouped and with their use. Plain functions
//! of the values, the reader's language and the time, without I/O, so
//! that each rule is tested alone; the pages and the pickers of the PoC
//! form call them.

use chrono::{Datelike, Offset, TimeZone, Timelike};
use pocdir_domain::directory::phone::grouped;
use pocdir_domain::directory::poc::{parse_language, Availability, PhoneUse};
use pocdir_i18n::{FluentArg, Lang, Translator};
use time::OffsetDateTime;

/// The languages the picker offers, with each one's name in itself: the
/// six UN languages and the official languages of UN Member States that
/// foreign ministries and CERTs work in. Any other BCP 47 tag may still
/// be typed.
pub const LANGUAGES: [(&str, &str); 78] = [
    ("af", "Afrikaans"),
    ("am", "አማርኛ"),
    ("ar", "العربية"),
    ("az", "azərbaycan"),
    ("be", "беларуская"),
    ("bg", "български"),
    ("bn", "বাংলা"),
    ("bs", "bosanski"),
    ("ca", "català"),
    ("cs", "čeština"),
    ("da", "dansk"),
    ("de", "Deutsch"),
    ("dv", "ދިވެހި"),
    ("dz", "རྫོང་ཁ"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "español"),
    ("et", "eesti"),
    ("fa", "فارسی"),
    ("fi", "suomi"),
    ("fil", "Filipino"),
    ("fr", "français"),
    ("ga", "Gaeilge"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("hr", "hrvatski"),
    ("ht", "kreyòl ayisyen"),
    ("hu", "magyar"),
    ("hy", "հայերեն"),
    ("id", "Bahasa Indonesia"),
    ("is", "íslenska"),
    ("it", "italiano"),
    ("ja", "日本語"),
    ("ka", "ქართული"),
    ("kk", "қазақ тілі"),
    ("km", "ខ្មែរ"),
    ("ko", "한국어"),
    ("ku", "Kurdî"),
    ("ky", "кыргызча"),
    ("lb", "Lëtzebuergesch"),
    ("lo", "ລາວ"),
    ("lt", "lietuvių"),
    ("lv", "latviešu"),
    ("mg", "Malagasy"),
    ("mk", "македонски"),
    ("mn", "монгол"),
    ("ms", "Bahasa Melayu"),
    ("mt", "Malti"),
    ("my", "မြန်မာ"),
    ("ne", "नेपाली"),
    ("nl", "Nederlands"),
    ("no", "norsk"),
    ("pl", "polski"),
    ("ps", "پښتو"),
    ("pt", "português"),
    ("rn", "Ikirundi"),
    ("ro", "română"),
    ("ru", "русский"),
    ("rw", "Kinyarwanda"),
    ("si", "සිංහල"),
    ("sk", "slovenčina"),
    ("sl", "slovenščina"),
    ("so", "Soomaali"),
    ("sq", "shqip"),
    ("sr", "српски"),
    ("sv", "svenska"),
    ("sw", "Kiswahili"),
    ("ta", "தமிழ்"),
    ("tg", "тоҷикӣ"),
    ("th", "ไทย"),
    ("ti", "ትግርኛ"),
    ("tk", "türkmen dili"),
    ("tr", "Türkçe"),
    ("uk", "українська"),
    ("ur", "اردو"),
    ("uz", "oʻzbek"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
];

fn arg(s: impl Into<String>) -> FluentArg {
    FluentArg::Text(s.into())
}

/// The Fluent id of a language's name, if the picker knows the language.
fn name_id(primary: &str) -> Option<String> {
    let primary = primary.to_ascii_lowercase();
    LANGUAGES
        .iter()
        .any(|(code, _)| *code == primary)
        .then(|| format!("language-name-{primary}"))
}

/// A stored BCP 47 tag as a name in the reader's language: `fr` →
/// "French"; a tag with more than a language keeps it in brackets
/// (`en-GB` → "English (en-GB)"); a language the list does not know shows
/// its tag.
pub fn language_name(tr: &Translator, tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag);
    match name_id(primary) {
        Some(id) if primary.len() == tag.len() => tr.t(&id),
        Some(id) => format!("{} ({tag})", tr.t(&id)),
        None => tag.to_string(),
    }
}

/// Several tags as names, in the reader's way of listing.
pub fn language_names(tr: &Translator, tags: &[String]) -> String {
    tags.iter()
        .map(|t| language_name(tr, t))
        .collect::<Vec<_>>()
        .join(&tr.t("values-days-separator"))
}

/// What the language picker puts in its box: the name in the reader's
/// language, the language's own name when it differs (so "français" finds
/// French for every reader), and the tag in brackets that the form reads
/// back.
pub fn language_choice(tr: &Translator, code: &str) -> String {
    let own = LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, own)| *own);
    let name = language_name(tr, code);
    match own {
        Some(own) if !own.eq_ignore_ascii_case(&name) => format!("{name} — {own} ({code})"),
        Some(_) => format!("{name} ({code})"),
        // A tag with a region or script already ends with it: "English (en-GB)".
        None => name,
    }
}

/// What a box shows for a stored tag: its choice when the list knows the
/// language ("French — français (fr)", "English (en-GB)"), else the tag.
pub fn shown_in_box(tr: &Translator, tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag);
    match (name_id(primary), parse_language(tag)) {
        (Some(_), Some(tag)) => language_choice(tr, &tag),
        _ => tag.to_string(),
    }
}

/// Every choice of the picker, sorted by the name in the reader's language.
pub fn language_choices(tr: &Translator) -> Vec<String> {
    let mut named: Vec<(String, String)> = LANGUAGES
        .iter()
        .map(|(code, _)| {
            (
                language_name(tr, code).to_lowercase(),
                language_choice(tr, code),
            )
        })
        .collect();
    named.sort();
    named.into_iter().map(|(_, choice)| choice).collect()
}

/// What was typed or picked in one language box, as a BCP 47 tag: a
/// picked choice (its tag in brackets), a language's name in any of the
/// six languages or in itself ("french", "Français", "法语"), or a tag
/// whose language is of two or three letters (`fr-CA`). None when it is
/// none of these: the form says so in plain words, rather than storing a
/// word that merely looks like a tag ("frnch").
pub fn resolve_language(typed: &str) -> Option<String> {
    let typed = typed.trim();
    if let Some(inner) = typed
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, inner)| inner.trim())
    {
        if let Some(tag) = parse_language(inner) {
            return Some(tag);
        }
    }
    let folded = typed.to_lowercase();
    for (code, own) in LANGUAGES {
        let id = format!("language-name-{code}");
        let names = Lang::ALL
            .into_iter()
            .map(|l| Translator::new(l).t(&id))
            .chain(std::iter::once(own.to_string()));
        if names.into_iter().any(|n| n.to_lowercase() == folded) {
            return Some(code.to_string());
        }
    }
    let tag = parse_language(typed)?;
    let primary = tag.split('-').next().unwrap_or_default();
    (2..=3).contains(&primary.len()).then_some(tag)
}

/// `(UTC+05:00)`, `(UTC−03:30)`: the offset of `tz` at `at`.
pub fn utc_offset(tz: chrono_tz::Tz, at: OffsetDateTime) -> String {
    let seconds = chrono::Utc
        .timestamp_opt(at.unix_timestamp(), 0)
        .single()
        .map(|utc| utc.with_timezone(&tz).offset().fix().local_minus_utc())
        .unwrap_or(0);
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("(UTC{sign}{:02}:{:02})", minutes / 60, minutes % 60)
}

/// The city of an IANA name: `America/Argentina/Buenos_Aires` →
/// "Buenos Aires (Argentina)", `Asia/Karachi` → "Karachi".
pub fn zone_city(name: &str) -> String {
    let parts: Vec<String> = name.split('/').map(|p| p.replace('_', " ")).collect();
    match parts.as_slice() {
        [_, middle, city] => format!("{city} ({middle})"),
        [_, city] => city.clone(),
        _ => name.to_string(),
    }
}

/// `(UTC+05:00) Karachi`: a zone as the picker and the pages show it.
pub fn zone_label(tz: chrono_tz::Tz, at: OffsetDateTime) -> String {
    format!("{} {}", utc_offset(tz, at), zone_city(tz.name()))
}

/// The regions of the IANA database that the picker groups zones by, with
/// the id of each one's name.
const REGIONS: [(&str, &str); 10] = [
    ("Africa", "values-tz-region-africa"),
    ("America", "values-tz-region-america"),
    ("Antarctica", "values-tz-region-antarctica"),
    ("Arctic", "values-tz-region-arctic"),
    ("Asia", "values-tz-region-asia"),
    ("Atlantic", "values-tz-region-atlantic"),
    ("Australia", "values-tz-region-australia"),
    ("Europe", "values-tz-region-europe"),
    ("Indian", "values-tz-region-indian"),
    ("Pacific", "values-tz-region-pacific"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneChoice {
    /// The IANA name, which the form sends.
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneGroup {
    pub label: String,
    pub zones: Vec<ZoneChoice>,
}

/// The time-zone picker: a group per region of the world, each zone by
/// its offset at `at` then its city; UTC and any other zone already
/// chosen (`selected`, which the list may lack) under "other".
pub fn zone_groups(tr: &Translator, at: OffsetDateTime, selected: &str) -> Vec<ZoneGroup> {
    let selected = selected.trim();
    let offset_of = |tz: chrono_tz::Tz| {
        chrono::Utc
            .timestamp_opt(at.unix_timestamp(), 0)
            .single()
            .map(|utc| utc.with_timezone(&tz).offset().fix().local_minus_utc())
            .unwrap_or(0)
    };
    let mut found = false;
    let mut groups: Vec<ZoneGroup> = REGIONS
        .iter()
        .map(|(region, id)| {
            let mut zones: Vec<(i32, String, ZoneChoice)> = chrono_tz::TZ_VARIANTS
                .iter()
                .filter(|tz| tz.name().split_once('/').is_some_and(|(r, _)| r == *region))
                .map(|tz| {
                    let is = tz.name() == selected;
                    found |= is;
                    let city = zone_city(tz.name());
                    (
                        offset_of(*tz),
                        city.clone(),
                        ZoneChoice {
                            value: tz.name().to_string(),
                            label: format!("{} {city}", utc_offset(*tz, at)),
                            selected: is,
                        },
                    )
                })
                .collect();
            zones.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            ZoneGroup {
                label: tr.t(id),
                zones: zones.into_iter().map(|(_, _, z)| z).collect(),
            }
        })
        .collect();
    let mut other = vec![ZoneChoice {
        value: "UTC".into(),
        label: "(UTC+00:00) UTC".into(),
        selected: selected == "UTC",
    }];
    if !found && !selected.is_empty() && selected != "UTC" {
        if let Ok(tz) = selected.parse::<chrono_tz::Tz>() {
            other.push(ZoneChoice {
                value: tz.name().to_string(),
                label: format!("{} {}", utc_offset(tz, at), tz.name()),
                selected: true,
            });
        }
    }
    groups.push(ZoneGroup {
        label: tr.t("values-tz-region-other"),
        zones: other,
    });
    groups
}

const DAY_IDS: [&str; 7] = [
    "values-day-mon",
    "values-day-tue",
    "values-day-wed",
    "values-day-thu",
    "values-day-fri",
    "values-day-sat",
    "values-day-sun",
];

fn day_name(tr: &Translator, day: usize) -> String {
    DAY_IDS.get(day % 7).map(|id| tr.t(id)).unwrap_or_default()
}

/// `21:16`.
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// "local time now: Monday 21:16" for a PoC in `tz`.
pub fn local_now(tr: &Translator, tz: chrono_tz::Tz, at: OffsetDateTime) -> String {
    let Some(local) = chrono::Utc
        .timestamp_opt(at.unix_timestamp(), 0)
        .single()
        .map(|utc| utc.with_timezone(&tz))
    else {
        return String::new();
    };
    let day = local.weekday().num_days_from_monday() as usize;
    tr.t_args(
        "values-local-now",
        &[
            ("weekday", arg(day_name(tr, day))),
            ("time", arg(clock(local.hour() * 60 + local.minute()))),
        ],
    )
}

/// The days of the week in words: runs of three days or more as a range
/// ("Monday to Friday", "Sunday to Thursday"), others listed.
pub fn days_in_words(tr: &Translator, days: &[bool; 7]) -> String {
    let on = |d: usize| days.get(d % 7).copied().unwrap_or(false);
    if (0..7).all(on) {
        return tr.t("values-days-every-day");
    }
    // Runs start on a day that is on after a day that is off (the week wraps).
    let mut parts = Vec::new();
    for start in (0..7).filter(|&d| on(d) && !on(d + 6)) {
        let len = (0..7).take_while(|&i| on(start + i)).count();
        if len >= 3 {
            parts.push(tr.t_args(
                "values-days-range",
                &[
                    ("from", arg(day_name(tr, start))),
                    ("to", arg(day_name(tr, start + len - 1))),
                ],
            ));
        } else {
            parts.extend((0..len).map(|i| day_name(tr, start + i)));
        }
    }
    parts.join(&tr.t("values-days-separator"))
}

/// A PoC's hours in words: "Monday to Friday, 09:00–17:00"; what cannot
/// be read as hours is shown as typed.
pub fn hours_in_words(tr: &Translator, hours: &str) -> String {
    let Some(a) = Availability::parse(hours) else {
        return hours.to_string();
    };
    if a == Availability::ALWAYS {
        return tr.t("values-hours-always");
    }
    let id = if a.end < a.start {
        "values-hours-overnight"
    } else {
        "values-hours"
    };
    tr.t_args(
        id,
        &[
            ("days", arg(days_in_words(tr, &a.days))),
            ("from", arg(clock(u32::from(a.start)))),
            ("to", arg(clock(u32::from(a.end)))),
        ],
    )
}

/// The Fluent id of a phone's use.
pub fn phone_use_message(u: PhoneUse) -> &'static str {
    match u {
        PhoneUse::Office => "poc-phone-office",
        PhoneUse::Mobile => "poc-phone-mobile",
        PhoneUse::AroundTheClock => "poc-phone-24x7",
    }
}

/// A phone as the pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneShown {
    /// The E.164 number, for the `tel:` link.
    pub e164: String,
    /// In its country's groups: `+44 20 7946 0204`.
    pub grouped: String,
    /// Its use in the reader's language.
    pub use_label: String,
}

pub fn phone_shown(tr: &Translator, e164: &str, u: PhoneUse) -> PhoneShown {
    PhoneShown {
        e164: e164.to_string(),
        grouped: grouped(e164),
        use_label: tr.t(phone_use_message(u)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn tr(lang: Lang) -> Translator {
        Translator::new(lang)
    }

    #[test]
    fn every_language_of_the_picker_has_a_name_in_six_languages() {
        for lang in Lang::ALL {
            let t = tr(lang);
            for (code, _) in LANGUAGES {
                let id = format!("language-name-{code}");
                assert!(t.has_own(&id), "{id} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn language_codes_are_shown_as_names() {
        assert_eq!(language_name(&tr(Lang::En), "fr"), "French");
        assert_eq!(language_name(&tr(Lang::Fr), "fr"), "français");
        assert_eq!(language_name(&tr(Lang::Zh), "ur"), "乌尔都语");
        assert_eq!(language_name(&tr(Lang::Ar), "en"), "الإنجليزية");
        assert_eq!(language_name(&tr(Lang::En), "en-GB"), "English (en-GB)");
        // A language the list does not know keeps its tag.
        assert_eq!(language_name(&tr(Lang::En), "tlh"), "tlh");
        assert_eq!(
            language_names(&tr(Lang::Zh), &["zh".into(), "en".into()]),
            "中文、英语"
        );
    }

    #[test]
    fn a_language_is_found_by_its_name_in_any_of_the_six_or_its_own() {
        for typed in [
            "french",
            "French",
            "français",
            "FRANÇAIS",
            "francés",
            "французский",
            "法语",
            "الفرنسية",
        ] {
            assert_eq!(resolve_language(typed).as_deref(), Some("fr"), "{typed}");
        }
        assert_eq!(resolve_language("Deutsch").as_deref(), Some("de"));
        assert_eq!(resolve_language("中文").as_deref(), Some("zh"));
        // What the picker puts in the box reads back as its tag.
        for lang in Lang::ALL {
            for choice in language_choices(&tr(lang)) {
                let code = choice.rsplit_once('(').unwrap().1.trim_end_matches(')');
                assert_eq!(resolve_language(&choice).as_deref(), Some(code), "{choice}");
            }
        }
        // A tag is still accepted; a word that only looks like one is not.
        assert_eq!(resolve_language("fr-ca").as_deref(), Some("fr-CA"));
        assert_eq!(resolve_language("frnch"), None);
        assert_eq!(resolve_language("not a language"), None);
        assert_eq!(resolve_language(""), None);
    }

    #[test]
    fn choices_are_sorted_by_name_in_the_readers_language() {
        let en = language_choices(&tr(Lang::En));
        assert!(en.first().unwrap().starts_with("Afrikaans"));
        assert!(en.contains(&"French — français (fr)".to_string()));
        assert!(en.contains(&"English (en)".to_string()));
        let fr = language_choices(&tr(Lang::Fr));
        assert!(fr.contains(&"français (fr)".to_string()));
        assert!(fr.contains(&"anglais — English (en)".to_string()));
        assert_eq!(en.len(), LANGUAGES.len());
    }

    #[test]
    fn a_stored_tag_shows_in_its_box_as_a_choice_that_reads_back() {
        let en = tr(Lang::En);
        for (tag, shown) in [
            ("fr", "French — français (fr)"),
            ("en-GB", "English (en-GB)"),
            ("tlh", "tlh"),
            ("frnch", "frnch"),
        ] {
            assert_eq!(shown_in_box(&en, tag), shown);
        }
        assert_eq!(
            resolve_language("English (en-GB)").as_deref(),
            Some("en-GB")
        );
    }

    #[test]
    fn offsets_follow_daylight_saving_time() {
        let paris: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
        // The last Sunday of March 2026 (29th), at 01:00 UTC, Paris moves to summer time.
        assert_eq!(
            utc_offset(paris, datetime!(2026-03-29 00:59 UTC)),
            "(UTC+01:00)"
        );
        assert_eq!(
            utc_offset(paris, datetime!(2026-03-29 01:00 UTC)),
            "(UTC+02:00)"
        );
        let new_york: chrono_tz::Tz = "America/New_York".parse().unwrap();
        assert_eq!(
            utc_offset(new_york, datetime!(2026-11-01 05:59 UTC)),
            "(UTC-04:00)"
        );
        assert_eq!(
            utc_offset(new_york, datetime!(2026-11-01 06:00 UTC)),
            "(UTC-05:00)"
        );
        let kolkata: chrono_tz::Tz = "Asia/Kolkata".parse().unwrap();
        assert_eq!(
            zone_label(kolkata, datetime!(2026-07-01 0:00 UTC)),
            "(UTC+05:30) Kolkata"
        );
        let karachi: chrono_tz::Tz = "Asia/Karachi".parse().unwrap();
        assert_eq!(
            zone_label(karachi, datetime!(2026-07-01 0:00 UTC)),
            "(UTC+05:00) Karachi"
        );
        assert_eq!(
            zone_city("America/Argentina/Buenos_Aires"),
            "Buenos Aires (Argentina)"
        );
    }

    #[test]
    fn the_local_time_now_is_in_the_readers_language() {
        let karachi: chrono_tz::Tz = "Asia/Karachi".parse().unwrap();
        // Monday 16:16 UTC is Monday 21:16 in Karachi.
        let at = datetime!(2026-11-30 16:16 UTC);
        assert_eq!(
            local_now(&tr(Lang::En), karachi, at),
            "local time now: Monday 21:16"
        );
        assert_eq!(
            local_now(&tr(Lang::Ru), karachi, at),
            "местное время сейчас: понедельник, 21:16"
        );
        let auckland: chrono_tz::Tz = "Pacific/Auckland".parse().unwrap();
        // Already Tuesday in Auckland (UTC+13 in summer).
        assert_eq!(
            local_now(&tr(Lang::Zh), auckland, at),
            "当地现在时间：星期二 05:16"
        );
    }

    #[test]
    fn the_picker_groups_zones_by_region_and_keeps_the_chosen_one() {
        let at = datetime!(2026-11-30 12:00 UTC);
        let groups = zone_groups(&tr(Lang::En), at, "Asia/Karachi");
        let asia = groups.iter().find(|g| g.label == "Asia").unwrap();
        let karachi = asia
            .zones
            .iter()
            .find(|z| z.value == "Asia/Karachi")
            .unwrap();
        assert_eq!(karachi.label, "(UTC+05:00) Karachi");
        assert!(karachi.selected);
        assert_eq!(
            groups
                .iter()
                .flat_map(|g| &g.zones)
                .filter(|z| z.selected)
                .count(),
            1
        );
        // Sorted by offset within a region: Kabul (+04:30) before Karachi (+05:00).
        let pos = |v: &str| asia.zones.iter().position(|z| z.value == v).unwrap();
        assert!(pos("Asia/Kabul") < pos("Asia/Karachi"));
        // A zone stored before the picker, outside the list, is kept.
        let groups = zone_groups(&tr(Lang::Fr), at, "EST5EDT");
        let other = groups.last().unwrap();
        assert_eq!(other.label, "Autres");
        assert!(other
            .zones
            .iter()
            .any(|z| z.value == "EST5EDT" && z.selected));
        assert!(groups.iter().any(|g| g.label == "Europe"));
    }

    #[test]
    fn weekdays_and_hours_in_words() {
        let en = tr(Lang::En);
        assert_eq!(
            hours_in_words(&en, "Mon-Fri 09:00-17:30"),
            "Monday to Friday, 09:00–17:30"
        );
        assert_eq!(
            hours_in_words(&en, "Sun-Thu 08:00-16:00"),
            "Sunday to Thursday, 08:00–16:00"
        );
        assert_eq!(
            hours_in_words(&en, "Mon,Wed 10:00-12:00"),
            "Monday, Wednesday, 10:00–12:00"
        );
        assert_eq!(
            hours_in_words(&en, "Sat-Sun 10:00-12:00"),
            "Saturday, Sunday, 10:00–12:00"
        );
        assert_eq!(
            hours_in_words(&en, "Mon-Fri 22:00-06:00"),
            "Monday to Friday, 22:00–06:00 (ends the next day)"
        );
        assert_eq!(hours_in_words(&en, "24/7"), "around the clock, every day");
        assert_eq!(
            hours_in_words(&en, "Mon-Sun 08:00-20:00"),
            "every day, 08:00–20:00"
        );
        assert_eq!(
            hours_in_words(&tr(Lang::Fr), "Mon-Fri 09:00-17:00"),
            "du lundi au vendredi, de 09:00 à 17:00"
        );
        assert_eq!(
            hours_in_words(&tr(Lang::Es), "Mon-Fri 09:00-17:00"),
            "de lunes a viernes, de 09:00 a 17:00"
        );
        assert_eq!(
            hours_in_words(&tr(Lang::Zh), "Mon-Fri 09:00-17:00"),
            "星期一至星期五 09:00–17:00"
        );
        assert_eq!(
            hours_in_words(&tr(Lang::Ar), "Sun-Thu 08:00-16:00"),
            "من الأحد إلى الخميس، من 08:00 إلى 16:00"
        );
        assert_eq!(
            hours_in_words(&tr(Lang::Ru), "Mon,Fri-Sat 09:00-24:00"),
            "понедельник, пятница, суббота, 09:00–24:00"
        );
        // What is not hours is shown as typed.
        assert_eq!(hours_in_words(&en, "whenever"), "whenever");
    }

    #[test]
    fn phones_are_grouped_with_their_use_in_every_language() {
        let shown = phone_shown(&tr(Lang::Ar), "+442079460204", PhoneUse::AroundTheClock);
        assert_eq!(shown.grouped, "+44 20 7946 0204");
        assert_eq!(shown.e164, "+442079460204");
        assert_eq!(shown.use_label, "على مدار الساعة");
        let shown = phone_shown(&tr(Lang::Zh), "+861012345678", PhoneUse::Office);
        assert_eq!(shown.grouped, "+86 10 1234 5678");
        assert_eq!(shown.use_label, "办公");
        let shown = phone_shown(&tr(Lang::En), "+12025550143", PhoneUse::Mobile);
        assert_eq!(shown.grouped, "+1 202-555-0143");
        assert_eq!(shown.use_label, "mobile");
    }
}
