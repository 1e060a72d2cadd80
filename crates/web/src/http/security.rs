//! Security headers on every response, and the client's address (with
//! trusted proxies only).

use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};

/// No inline script or style; forms post only to ourselves; no framing.
/// Scripts may fetch from ourselves only: an end-to-end message's files are
/// fetched as ciphertext to be decrypted in the reader's browser.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub fn add_security_headers(response: &mut Response, hsts: bool) {
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
    if hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        // No cache keeps any answer unless its handler says it may (only
        // the static files do). One rule for all, because nearly every
        // answer can carry personal or confidential data — contact details
        // on pages, in the API and the export, accounts and tokens, the
        // log's reads, even errors that echo what was asked — and a rule by
        // path or by route would miss the next one.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// The address of the client, as far as we can trust it.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

impl ClientAddress {
    /// The client of `request`, believing `X-Forwarded-For` from `trusted` proxies only.
    pub fn of(request: &Request, trusted: &[IpAddr]) -> Self {
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        ClientAddress(resolve_client_address(peer, request.headers(), trusted))
    }
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
}
