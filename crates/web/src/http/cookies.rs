//! Cookies: reading one from a request, and setting ours with safe defaults.

use axum::http::{header, HeaderMap, HeaderValue};
use cookie::{Cookie, SameSite};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_strict_and_http_only() {
        let v = set_cookie("a", "b", true, None);
        let s = v.to_str().unwrap();
        for part in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
            assert!(s.contains(part), "{s}");
        }
    }
}
