//! Where a redirect may send someone. A target that comes from outside
//! (a `next` parameter, a hidden form field) is followed only when it is
//! plainly a local absolute path on this site; anything else, however it
//! might be read by a browser, a proxy or another server, falls back to a
//! default chosen by us.
//!
//! "Plainly local" is deliberately narrow, so that no reading of it can
//! leave the site:
//!
//! - it starts with exactly one `/` (not `//`, not `/\`: both are read as
//!   "another host" by browsers);
//! - every character is visible ASCII: no control character (browsers strip
//!   tabs and newlines, turning `/\t/evil` into `//evil`; CR/LF would split
//!   the header), no space, nothing outside ASCII (no look-alike slashes,
//!   no IDN tricks);
//! - no backslash anywhere (browsers read it as `/`);
//! - in the path (before `?` or `#`): no empty segment (`//`), no `.` or
//!   `..` segment, no `@` (user information);
//! - every `%` starts a well-formed escape, and no escape hides a control
//!   character, `/`, `\`, `.`, `@`, `%` or a byte outside ASCII: a server
//!   that decodes once more must not find a different path;
//! - at most [`MAX_LEN`] bytes.

use std::fmt;

/// The longest target followed; longer ones are not plain.
pub const MAX_LEN: usize = 2048;

/// A redirect target that is plainly a path on this site (see the module).
/// It is visible ASCII only, so it is always a valid `Location` header.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalTarget(String);

impl LocalTarget {
    /// `candidate` if it is plainly local, else `None`.
    pub fn parse(candidate: &str) -> Option<LocalTarget> {
        is_plainly_local(candidate).then(|| LocalTarget(candidate.to_string()))
    }

    /// `candidate` if there is one and it is plainly local, else `default`
    /// (and `/` should `default` itself not be plainly local).
    pub fn or_default(candidate: Option<&str>, default: &str) -> LocalTarget {
        candidate
            .and_then(LocalTarget::parse)
            .or_else(|| LocalTarget::parse(default))
            .unwrap_or_else(LocalTarget::root)
    }

    /// The home page.
    pub fn root() -> LocalTarget {
        LocalTarget("/".to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for LocalTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for LocalTarget {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// `candidate` if it is plainly local, else `default` (see [`LocalTarget::or_default`]).
pub fn local_or(candidate: Option<&str>, default: &str) -> String {
    LocalTarget::or_default(candidate, default).into_string()
}

/// The rule itself (see the module's documentation).
pub fn is_plainly_local(candidate: &str) -> bool {
    let bytes = candidate.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_LEN {
        return false;
    }
    // Exactly one leading slash, not followed by another slash or a backslash.
    match (bytes.first(), bytes.get(1)) {
        (Some(b'/'), None) => {}
        (Some(b'/'), Some(b'/' | b'\\')) => return false,
        (Some(b'/'), Some(_)) => {}
        _ => return false,
    }
    // Visible ASCII only, and no backslash.
    if !bytes
        .iter()
        .all(|&b| (0x21..=0x7e).contains(&b) && b != b'\\')
    {
        return false;
    }
    if !escapes_are_plain(bytes) {
        return false;
    }
    let path = candidate
        .split(['?', '#'])
        .next()
        .unwrap_or(candidate)
        .trim_start_matches('/');
    // `/` alone has one empty segment after the leading slash: allowed.
    if path.is_empty() {
        return true;
    }
    !path.contains('@')
        && path
            .split('/')
            .all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

/// Every `%` starts two hex digits, and none decodes to a byte that would
/// change the path's meaning if decoded once more.
fn escapes_are_plain(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some(at) = rest.iter().position(|&b| b == b'%') {
        let (Some(&hi), Some(&lo)) = (rest.get(at + 1), rest.get(at + 2)) else {
            return false;
        };
        let (Some(hi), Some(lo)) = (hex_value(hi), hex_value(lo)) else {
            return false;
        };
        let decoded = hi * 16 + lo;
        let plain = (0x20..=0x7e).contains(&decoded)
            && !matches!(decoded, b'/' | b'\\' | b'.' | b'@' | b'%');
        if !plain {
            return false;
        }
        rest = rest.get(at + 3..).unwrap_or_default();
    }
    true
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DEFAULT: &str = "/account";

    /// Targets that are plainly local, and followed as they are.
    const LOCAL: &[&str] = &[
        "/",
        "/account",
        "/participants/FRA",
        "/participants/FRA/pocs",
        "/login/mfa",
        "/directory?q=Claire&page=2",
        "/directory?q=a%20b",
        "/search?q=x#results",
        "/pocs/12",
        "/account?done=password",
        "/javascript:alert(1)",
        "/a:b",
        "/directory?next=/x",
    ];

    /// Known ways out, and everything ambiguous: each falls back.
    const BYPASSES: &[&str] = &[
        // Empty, relative, schemes.
        "",
        "account",
        "evil.example",
        "https://evil.example/",
        "http://evil.example",
        "HTTPS://evil.example",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "ftp://evil.example",
        "mailto:a@evil.example",
        // Protocol-relative and its look-alikes.
        "//evil.example",
        "//evil.example/",
        "///evil.example",
        "////evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "/a\\b",
        // Control characters that browsers strip or that split headers.
        "/\t/evil.example/",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\r\n/evil.example",
        "/account\r\nSet-Cookie: x=1",
        "/account\nLocation: https://evil.example",
        "/\u{0}/evil.example",
        "/\u{b}/evil.example",
        "/\u{c}/evil.example",
        "/\u{1b}/evil.example",
        "/\u{7f}/evil.example",
        "/\u{85}/evil.example",
        "\t//evil.example",
        " //evil.example",
        "/ /evil.example",
        "/account ",
        // Encoded slashes, backslashes, controls, dots, escapes of escapes.
        "/%2f/evil.example",
        "/%2F%2Fevil.example",
        "/%5c/evil.example",
        "/%5C%5Cevil.example",
        "/%09/evil.example",
        "/%0d%0aSet-Cookie:x=1",
        "/account%0D%0ASet-Cookie:x=1",
        "/%00",
        "/%7f",
        "/%252f%252fevil.example",
        "/%2e%2e/evil.example",
        "/%2E/evil.example",
        "/%40evil.example",
        "/%",
        "/%2",
        "/%zz",
        "/%C3%A9",
        "/%EF%BC%8F%EF%BC%8Fevil.example",
        // User information.
        "/@evil.example",
        "/x@evil.example",
        "/account@evil.example",
        // Dot segments and empty segments.
        "/.",
        "/..",
        "/./evil.example",
        "/../evil.example",
        "/..//evil.example",
        "/a/../..//evil.example",
        "/a/./b",
        "/a//b",
        "/a/",
        // Unicode look-alikes and IDN.
        "/\u{2215}\u{2215}evil.example",
        "/\u{ff0f}\u{ff0f}evil.example",
        "\u{ff0f}\u{ff0f}evil.example",
        "/\u{2044}evil.example",
        "/\u{29f8}evil.example",
        "/\u{200b}/evil.example",
        "/\u{feff}/evil.example",
        "/\u{3000}/evil.example",
        "/\u{2028}/evil.example",
        "/ｅｖｉｌ.example",
        "/xn--evil-9ja.example/é",
    ];

    #[test]
    fn local_paths_are_followed() {
        for &target in LOCAL {
            assert_eq!(local_or(Some(target), DEFAULT), target, "{target:?}");
        }
    }

    #[test]
    fn every_known_bypass_falls_back() {
        for &target in BYPASSES {
            assert_eq!(local_or(Some(target), DEFAULT), DEFAULT, "{target:?}");
        }
    }

    #[test]
    fn every_control_character_falls_back_anywhere_in_the_target() {
        for c in (0u32..=0x9f)
            .filter_map(char::from_u32)
            .filter(|c| c.is_control())
        {
            for target in [
                format!("{c}/evil.example"),
                format!("/{c}/evil.example"),
                format!("/account{c}"),
                format!("/a{c}b?c"),
                format!("/a?b={c}"),
            ] {
                assert_eq!(local_or(Some(&target), DEFAULT), DEFAULT, "{target:?}");
            }
            let escaped = format!("/a%{:02x}", u32::from(c) & 0xff);
            assert_eq!(local_or(Some(&escaped), DEFAULT), DEFAULT, "{escaped:?}");
        }
    }

    #[test]
    fn over_long_targets_fall_back() {
        let at_limit = format!("/{}", "a".repeat(MAX_LEN - 1));
        assert_eq!(local_or(Some(&at_limit), DEFAULT), at_limit);
        let over = format!("/{}", "a".repeat(MAX_LEN));
        assert_eq!(local_or(Some(&over), DEFAULT), DEFAULT);
    }

    #[test]
    fn no_target_or_a_bad_default_is_safe() {
        assert_eq!(local_or(None, "/x"), "/x");
        assert_eq!(local_or(None, "//evil.example"), "/");
        assert_eq!(
            local_or(Some("//evil.example"), "https://evil.example"),
            "/"
        );
    }

    /// What every answer satisfies: the default, or one `/` followed by
    /// something that is neither `/` nor `\`, with no control character and
    /// no backslash anywhere.
    fn plainly_local_shape(out: &str) -> bool {
        let mut chars = out.chars();
        chars.next() == Some('/')
            && !matches!(chars.next(), Some('/' | '\\'))
            && !out.chars().any(|c| c.is_control() || c == '\\')
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_input_gives_the_default_or_a_plain_local_path(input in any::<String>()) {
            let out = local_or(Some(&input), DEFAULT);
            prop_assert!(out == DEFAULT || (out == input && plainly_local_shape(&out)), "{input:?} -> {out:?}");
        }

        #[test]
        fn url_like_input_gives_the_default_or_a_plain_local_path(
            input in r"[/\\]{0,3}[\t\r\n \x00-\x1f\x7f%2fF5cC@.:/\\a-z\u{2215}\u{ff0f}?#]{0,24}"
        ) {
            let out = local_or(Some(&input), DEFAULT);
            prop_assert!(out == DEFAULT || (out == input && plainly_local_shape(&out)), "{input:?} -> {out:?}");
            // What is followed is followed again unchanged, and fits a header.
            if let Some(target) = LocalTarget::parse(&input) {
                prop_assert_eq!(local_or(Some(target.as_str()), DEFAULT), input.clone());
                prop_assert!(target.as_str().bytes().all(|b| b.is_ascii_graphic()));
            }
        }
    }
}
