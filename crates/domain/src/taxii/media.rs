//! The media types of TAXII 2.1 (section 1.6.8 of the OASIS standard):
//! every answer is `application/taxii+json;version=2.1`; a request says
//! what it accepts (`Accept`, else 406) and what it sends (`Content-Type`
//! of a POST, else 415).

/// What every TAXII answer is, and what a client sends.
pub const TAXII_MEDIA_TYPE: &str = "application/taxii+json;version=2.1";

/// A STIX bundle or object as a download.
pub const STIX_MEDIA_TYPE: &str = "application/stix+json;version=2.1";

/// One media range of a header: type, subtype and parameters, lower case
/// but for the parameters' values.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MediaRange {
    kind: String,
    subtype: String,
    params: Vec<(String, String)>,
}

impl MediaRange {
    fn parse(raw: &str) -> Option<MediaRange> {
        let mut parts = raw.split(';');
        let (kind, subtype) = parts.next()?.trim().split_once('/')?;
        let (kind, subtype) = (kind.trim(), subtype.trim());
        let token = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+*".contains(&b))
        };
        if !token(kind) || !token(subtype) {
            return None;
        }
        let mut params = Vec::new();
        for p in parts {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            let (name, value) = p.split_once('=')?;
            let value = value.trim().trim_matches('"');
            params.push((name.trim().to_ascii_lowercase(), value.to_string()));
        }
        Some(MediaRange {
            kind: kind.to_ascii_lowercase(),
            subtype: subtype.to_ascii_lowercase(),
            params,
        })
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// TAXII 2.1 JSON: `application/taxii+json` with `version=2.1` or no
    /// version (the standard's latest).
    fn is_taxii_21(&self) -> bool {
        self.kind == "application"
            && self.subtype == "taxii+json"
            && self.param("version").is_none_or(|v| v == "2.1")
    }

    /// `q=0` says "not this one".
    fn refused(&self) -> bool {
        self.param("q")
            .and_then(|q| q.parse::<f32>().ok())
            .is_some_and(|q| q <= 0.0)
    }
}

/// Whether an `Accept` header lets the answer be TAXII 2.1 JSON. No header
/// accepts anything (RFC 9110); so do `*/*` and `application/*`, which
/// generic HTTP tools send.
pub fn accepts_taxii(accept: Option<&str>) -> bool {
    let Some(accept) = accept else {
        return true;
    };
    if accept.trim().is_empty() {
        return true;
    }
    accept
        .split(',')
        .filter_map(MediaRange::parse)
        .filter(|r| !r.refused())
        .any(|r| {
            r.is_taxii_21()
                || (r.kind == "*" && r.subtype == "*")
                || (r.kind == "application" && r.subtype == "*")
        })
}

/// Whether a POST's `Content-Type` is TAXII 2.1 JSON.
pub fn is_taxii_content(content_type: Option<&str>) -> bool {
    content_type
        .and_then(MediaRange::parse)
        .is_some_and(|r| r.is_taxii_21())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn what_taxii_clients_and_tools_send_is_accepted() {
        for accept in [
            "application/taxii+json;version=2.1",
            "application/taxii+json; version=2.1",
            "Application/TAXII+JSON;Version=\"2.1\"",
            "application/taxii+json",
            "text/html, application/taxii+json;version=2.1;q=0.9",
            "*/*",
            "application/*",
            "",
        ] {
            assert!(accepts_taxii(Some(accept)), "{accept}");
        }
        assert!(accepts_taxii(None));
    }

    #[test]
    fn other_versions_and_types_are_not_acceptable() {
        for accept in [
            "application/taxii+json;version=2.0",
            "application/vnd.oasis.taxii+json; version=2.0",
            "application/json",
            "text/html",
            "application/taxii+json;version=2.1;q=0",
            "not a media type",
            "application/",
        ] {
            assert!(!accepts_taxii(Some(accept)), "{accept}");
        }
    }

    #[test]
    fn a_post_must_say_it_sends_taxii_21() {
        assert!(is_taxii_content(Some("application/taxii+json;version=2.1")));
        assert!(is_taxii_content(Some("application/taxii+json")));
        assert!(!is_taxii_content(Some("application/json")));
        assert!(!is_taxii_content(Some("application/stix+json;version=2.1")));
        assert!(!is_taxii_content(Some(
            "application/taxii+json;version=2.0"
        )));
        assert!(!is_taxii_content(None));
    }

    proptest! {
        #[test]
        fn any_header_is_read_without_panicking(raw in "\\PC{0,200}") {
            let _ = accepts_taxii(Some(&raw));
            let _ = is_taxii_content(Some(&raw));
        }
    }
}
