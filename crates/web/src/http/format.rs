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
