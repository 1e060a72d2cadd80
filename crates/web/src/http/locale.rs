//! Which of the six languages a request is answered in: an explicit choice
//! (the `pocdir_lang` cookie) wins, else `Accept-Language`, else English.

use crate::http::cookies::cookie_value;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use pocdir_i18n::Lang;
use std::convert::Infallible;

pub const LANG_COOKIE: &str = "pocdir_lang";

pub fn lang_of(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookie_value(headers, LANG_COOKIE).and_then(|v| Lang::from_tag(&v)) {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::negotiate)
        .unwrap_or(Lang::En)
}

/// Extracts the request's language.
#[derive(Debug, Clone, Copy)]
pub struct PageLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(PageLang(lang_of(&parts.headers)))
    }
}
