//! The two scripts of end-to-end messages, served by pocdir itself so that
//! the CSP can stay `script-src 'self'` with no inline script: the vendored
//! OpenPGP.js (`static/vendor/`, its version and licence in the README
//! there) and `static/e2e.js`, which encrypts in the compose form, decrypts
//! on a thread and keeps the PoC's private key on the account page.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

fn javascript(body: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        body,
    )
        .into_response()
}

pub async fn script() -> Response {
    javascript(include_str!("../../static/e2e.js"))
}

pub async fn openpgp() -> Response {
    javascript(include_str!("../../static/vendor/openpgp.min.js"))
}
