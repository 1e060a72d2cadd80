//! Phones as people read them: a validated E.164 number (`+442079460204`)
//! grouped the way its country writes it (`+44 20 7946 0204`), from
//! libphonenumber's data (the `phonenumber` crate). Used by the pages and
//! the CSV export; the stored value and the API stay plain E.164.

/// The number in international form with its country's grouping, or the
/// number as given when the data does not know how to group it, or when
/// grouping would change its digits (a number read back from the grouped
/// form must be the same number).
pub fn grouped(e164: &str) -> String {
    let Ok(number) = phonenumber::parse(None, e164) else {
        return e164.to_string();
    };
    let shown = number
        .format()
        .mode(phonenumber::Mode::International)
        .to_string();
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let only_grouping = shown
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-'));
    if only_grouping && shown.starts_with('+') && digits(&shown) == digits(e164) {
        shown
    } else {
        e164.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::poc::parse_e164;

    #[test]
    fn numbers_are_grouped_as_their_country_writes_them() {
        assert_eq!(grouped("+442079460204"), "+44 20 7946 0204");
        assert_eq!(grouped("+41229171234"), "+41 22 917 12 34");
        assert_eq!(grouped("+923001234567"), "+92 300 1234567");
        assert_eq!(grouped("+8610 12345678").replace(' ', ""), "+861012345678");
        assert_eq!(grouped("+33631966543"), "+33 6 31 96 65 43");
    }

    #[test]
    fn a_grouped_number_reads_back_as_the_same_number() {
        for raw in [
            "+442079460204",
            "+12025550143",
            "+966112345678",
            "+861012345678",
            "+74951234567",
            "+330631966543",
            "+999123456789",
        ] {
            let shown = grouped(raw);
            assert_eq!(parse_e164(&shown).as_deref(), Some(raw), "{raw} → {shown}");
        }
    }

    #[test]
    fn numbers_the_data_cannot_group_are_shown_as_given() {
        // A leading zero after the country code would be dropped by the
        // grouping: the digits must not change.
        assert_eq!(grouped("+330631966543"), "+330631966543");
        assert_eq!(grouped("not a number"), "not a number");
    }
}
