//! Dates as pages show them (always UTC, the same in every language).

use time::macros::format_description;
use time::OffsetDateTime;

/// `2025-03-14`.
pub fn format_day(t: OffsetDateTime) -> String {
    t.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// `2025-03-14 09:26 UTC`.
pub fn format_minute(t: OffsetDateTime) -> String {
    t.format(format_description!(
        "[year]-[month]-[day] [hour]:[minute] UTC"
    ))
    .unwrap_or_default()
}

/// `2025-03-14 09:26:53` (the log's own clock, in UTC).
pub fn format_second(t: OffsetDateTime) -> String {
    t.format(format_description!(
        "[year]-[month]-[day] [hour]:[minute]:[second]"
    ))
    .unwrap_or_default()
}

/// Dates and times in the reader's language. The reader's own time zone
/// is not known (accounts do not keep one), so times are given in UTC,
/// and each says so.
pub mod local {
    use pocdir_i18n::{FluentArg, Translator};
    use time::OffsetDateTime;

    fn text(s: String) -> FluentArg {
        FluentArg::Text(s)
    }

    /// `30 November 2026`, `30 ноября 2026 г.`, `2026年11月30日`.
    pub fn day(tr: &Translator, t: OffsetDateTime) -> String {
        let t = t.to_offset(time::UtcOffset::UTC);
        let month = tr.t(&format!("values-month-{}", u8::from(t.month())));
        tr.t_args(
            "values-date",
            &[
                // Text, not numbers: Fluent would group a year's digits.
                ("day", text(t.day().to_string())),
                ("month", text(month)),
                ("year", text(t.year().to_string())),
            ],
        )
    }

    fn at(tr: &Translator, t: OffsetDateTime, clock: String) -> String {
        tr.t_args(
            "values-date-time-utc",
            &[("date", text(day(tr, t))), ("time", text(clock))],
        )
    }

    /// `30 November 2026, 16:16 UTC`.
    pub fn minute(tr: &Translator, t: OffsetDateTime) -> String {
        let u = t.to_offset(time::UtcOffset::UTC);
        at(tr, t, format!("{:02}:{:02}", u.hour(), u.minute()))
    }

    /// `30 November 2026, 16:16:05 UTC` (the log's own clock).
    pub fn second(tr: &Translator, t: OffsetDateTime) -> String {
        let u = t.to_offset(time::UtcOffset::UTC);
        at(
            tr,
            t,
            format!("{:02}:{:02}:{:02}", u.hour(), u.minute(), u.second()),
        )
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use pocdir_i18n::Lang;
        use time::macros::datetime;

        #[test]
        fn dates_in_six_languages() {
            let t = datetime!(2026-11-30 16:16:05 UTC);
            let cases = [
                (Lang::En, "30 November 2026, 16:16 UTC"),
                (Lang::Fr, "30 novembre 2026 à 16:16 UTC"),
                (Lang::Es, "30 de noviembre de 2026, 16:16 UTC"),
                (Lang::Ru, "30 ноября 2026 г., 16:16 UTC"),
                (Lang::Zh, "2026年11月30日 16:16（UTC）"),
                (Lang::Ar, "30 نوفمبر 2026، الساعة 16:16 (UTC)"),
            ];
            for (lang, want) in cases {
                assert_eq!(minute(&Translator::new(lang), t), want, "{lang:?}");
            }
            let en = Translator::new(Lang::En);
            assert_eq!(day(&en, t), "30 November 2026");
            assert_eq!(second(&en, t), "30 November 2026, 16:16:05 UTC");
            // Another offset is given in UTC all the same.
            let paris = datetime!(2026-12-01 00:30 +01:00);
            assert_eq!(minute(&en, paris), "30 November 2026, 23:30 UTC");
        }
    }
}
