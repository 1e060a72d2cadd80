//! Security headers on every response, CSRF protection of every form,
//! cookies, and the client's address (with trusted proxies only).

use crate::http::error::{is_machine_path, AppError};
use crate::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cookie::{Cookie, SameSite};
use pocdir_domain::credentials::{csrf_token, csrf_token_matches};
use pocdir_domain::entropy::random_bytes;
use std::net::{IpAddr, SocketAddr};

pub const CSRF_COOKIE: &str = "pocdir_csrf";
pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// No inline script or style; forms post only to ourselves; no framing.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let machine = is_machine_path(request.uri().path());
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if state.config.hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !machine && !h.contains_key(header::CACHE_CONTROL) {
        // Pages may show contact details: never keep them in caches.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| Cookie::split_parse(v.to_string()))
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

/// A `Set-Cookie` value with our defaults: HttpOnly, SameSite=Strict, Path=/.
pub fn set_cookie(
    name: &str,
    value: &str,
    secure: bool,
    max_age: Option<time::Duration>,
) -> HeaderValue {
    let mut c = Cookie::new(name.to_string(), value.to_string());
    c.set_http_only(true);
    c.set_same_site(SameSite::Strict);
    c.set_path("/");
    c.set_secure(secure);
    if let Some(age) = max_age {
        c.set_max_age(age);
    }
    HeaderValue::from_str(&c.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn clear_cookie(name: &str, secure: bool) -> HeaderValue {
    set_cookie(name, "", secure, Some(time::Duration::ZERO))
}

/// The browser's CSRF value for this request (set by [`csrf_protect`]).
#[derive(Debug, Clone)]
pub struct CsrfBrowserValue(pub String);

impl CsrfBrowserValue {
    pub fn token(&self, state: &AppState) -> String {
        csrf_token(&state.secrets.csrf_key, &self.0)
    }
}

/// Gives every browser a random CSRF value in a cookie and checks, on every
/// form post outside the API, that the form carries the matching token.
/// The API is protected in `auth` (bearer tokens, or a header with cookies).
pub async fn csrf_protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if is_machine_path(&path) {
        return next.run(request).await;
    }
    let existing = cookie_value(request.headers(), CSRF_COOKIE).filter(|v| v.len() >= 32);
    let (value, fresh) = match existing {
        Some(v) => (v, false),
        None => {
            let bytes: [u8; 32] = random_bytes(state.entropy.as_ref());
            (hex_encode(&bytes), true)
        }
    };

    let request = if request.method() == Method::POST {
        let (parts, body) = request.into_parts();
        // The import page takes a whole file; every other form is small.
        let limit = if path == crate::directory::exchange::IMPORT_PAGE {
            crate::directory::exchange::MAX_UPLOAD_BYTES
        } else {
            state.config.max_body_bytes
        };
        let bytes = match to_bytes(body, limit).await {
            Ok(b) => b,
            Err(_) => return AppError::payload_too_large().into_response(),
        };
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let submitted = match crate::http::multipart::boundary(content_type) {
            // A file upload: the token is one of the parts.
            Some(boundary) => crate::http::multipart::parse(&boundary, &bytes)
                .and_then(|parts| parts.into_iter().find(|p| p.name == CSRF_FIELD))
                .and_then(|p| std::str::from_utf8(p.data).ok().map(str::to_string))
                .unwrap_or_default(),
            None => url::form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default(),
        };
        if fresh || !csrf_token_matches(&state.secrets.csrf_key, &value, &submitted) {
            tracing::warn!(%path, "form refused: missing or wrong CSRF token");
            let mut response = AppError::csrf().into_response();
            if fresh {
                attach_csrf_cookie(&mut response, &value, state.config.cookie_secure);
            }
            return response;
        }
        Request::from_parts(parts, Body::from(bytes))
    } else {
        request
    };

    let mut request = request;
    request
        .extensions_mut()
        .insert(CsrfBrowserValue(value.clone()));
    let mut response = next.run(request).await;
    if fresh {
        attach_csrf_cookie(&mut response, &value, state.config.cookie_secure);
    }
    response
}

fn attach_csrf_cookie(response: &mut Response, value: &str, secure: bool) {
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(CSRF_COOKIE, value, secure, None),
    );
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The address of the client, as far as we can trust it.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

pub async fn client_address(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let address = resolve_client_address(peer, request.headers(), &state.config.trusted_proxies);
    request.extensions_mut().insert(ClientAddress(address));
    next.run(request).await
}

/// Walks `X-Forwarded-For` from the right while the hops are trusted proxies;
/// the first untrusted hop is the client. Without a trusted peer the header is ignored.
pub fn resolve_client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> String {
    let Some(peer) = peer else {
        return "unknown".to_string();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let hops: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    hops.iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .copied()
        .unwrap_or(peer)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.9"),
        );
        assert_eq!(resolve_client_address(Some(proxy), &h, &[]), "10.0.0.1");
        assert_eq!(
            resolve_client_address(Some(proxy), &h, &[proxy]),
            "203.0.113.9"
        );
        let other: IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(
            resolve_client_address(Some(other), &h, &[proxy]),
            "198.51.100.1"
        );
    }

    #[test]
    fn cookies_are_strict_and_http_only() {
        let v = set_cookie("a", "b", true, None);
        let s = v.to_str().unwrap();
        for part in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
            assert!(s.contains(part), "{s}");
        }
    }
}
