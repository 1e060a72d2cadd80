//! Recovery codes as a text file. The codes are stored hashed and shown
//! once, so the server cannot produce them again: the page that shows them
//! posts them back (CSRF-protected, for the signed-in account only) and gets
//! them as an attachment. Only well-formed codes are echoed, so the file
//! carries nothing else a page could have slipped into the form.

use crate::http::error::AppError;
use crate::http::extract::FormData;
use crate::http::identity::SignedIn;
use crate::http::page::PageCtx;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// How many codes one file may carry (ten are made at a time).
const MAX_CODES: usize = 16;

#[derive(Deserialize)]
pub struct CodesForm {
    /// The codes the page showed, separated by spaces.
    #[serde(default)]
    pub codes: String,
}

/// A recovery code as [`generate_recovery_codes`] writes it: two groups of
/// five base-32 letters and digits, joined by a dash.
///
/// [`generate_recovery_codes`]: pocdir_domain::credentials::generate_recovery_codes
fn well_formed(code: &str) -> bool {
    let base32 = |c: u8| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c);
    let bytes = code.as_bytes();
    bytes.len() == 11
        && bytes.iter().enumerate().all(|(i, &c)| match i {
            5 => c == b'-',
            _ => base32(c),
        })
}

/// The codes of the form, if every one is well formed and there are some.
pub fn parse_codes(text: &str) -> Option<Vec<&str>> {
    let codes: Vec<&str> = text.split_whitespace().collect();
    (!codes.is_empty() && codes.len() <= MAX_CODES && codes.iter().all(|c| well_formed(c)))
        .then_some(codes)
}

pub async fn download(
    page: PageCtx,
    me: SignedIn,
    FormData(form): FormData<CodesForm>,
) -> Result<Response, AppError> {
    let codes =
        parse_codes(&form.codes).ok_or_else(|| AppError::bad_request("recovery-error-codes"))?;
    let mut text = page
        .tr
        .t1("recovery-file-heading", "email", &me.account.email);
    text.push_str("\n\n");
    for code in codes {
        text.push_str(code);
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&page.t("recovery-file-note"));
    text.push('\n');
    Ok((
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"pocdir-recovery-codes.txt\""),
            ),
        ],
        text,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_codes_as_made_are_taken() {
        assert_eq!(
            parse_codes("abcde-fgh23  q7r2x-zzzzz\n"),
            Some(vec!["abcde-fgh23", "q7r2x-zzzzz"])
        );
        assert_eq!(parse_codes(""), None);
        assert_eq!(parse_codes("abcde-fgh21"), None, "1 is not base 32");
        assert_eq!(parse_codes("ABCDE-FGH23"), None);
        assert_eq!(parse_codes("abcdefgh23x"), None);
        assert_eq!(parse_codes("abcde-fgh23 <script>"), None);
        assert_eq!(parse_codes(&"abcde-fgh23 ".repeat(MAX_CODES + 1)), None);
        let made = pocdir_domain::credentials::generate_recovery_codes(
            &pocdir_domain::entropy::SeededEntropy::new(7),
        );
        let joined: Vec<String> = made.into_iter().map(|c| c.secret).collect();
        assert_eq!(parse_codes(&joined.join(" ")).map(|c| c.len()), Some(10));
    }
}
