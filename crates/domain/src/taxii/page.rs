//! The `next` of a TAXII page: opaque to the client, and to anyone who
//! would forge one. It carries where the next page starts (the position of
//! the last object given, in the order objects were added), the collection
//! and a fingerprint of the filters it was made for, and when it stops
//! being good; an HMAC-SHA256 under the server's key seals all of it. A
//! token changed, made up, for another collection or other filters, or
//! expired is refused (400), never read as a position.

use super::filter::{ObjectFilter, VersionChoice};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

/// How long a `next` stays good.
pub const NEXT_LIFETIME: Duration = Duration::hours(24);

const FORMAT: u8 = 1;

/// The key that seals `next`, derived from a server secret that every
/// instance shares (so a page begun on one instance goes on on another),
/// and apart from that secret's other uses by its own label.
pub fn next_key_from(secret: &[u8]) -> [u8; 32] {
    let mut key = [0u8; 32];
    if let Ok(mut m) = <Hmac<Sha256> as Mac>::new_from_slice(secret) {
        m.update(b"pocdir taxii next v1");
        key.copy_from_slice(&m.finalize().into_bytes());
    }
    key
}
const MAC_BYTES: usize = 16;

/// Where the next page starts, and what it is good for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextToken {
    /// The position (in the order objects were added) of the last object
    /// of the page before; the next page starts after it.
    pub after: i64,
    pub expires: OffsetDateTime,
}

/// Why a `next` was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NextProblem {
    #[error("the next token is not one this server made, or was made for another request")]
    Forged,
    #[error("the next token has expired")]
    Expired,
}

/// The filters a token is good for, as bytes: a token made for one query
/// does not page through another.
fn fingerprint(collection: &str, filter: &ObjectFilter) -> [u8; 8] {
    let mut h = Sha256::new();
    let mut field = |s: &str| {
        h.update((s.len() as u64).to_be_bytes());
        h.update(s.as_bytes());
    };
    field(collection);
    field(
        &filter
            .added_after
            .map(|t| t.unix_timestamp_nanos().to_string())
            .unwrap_or_default(),
    );
    for list in [&filter.ids, &filter.types, &filter.spec_versions] {
        field(&list.len().to_string());
        for v in list {
            field(v);
        }
    }
    field(&filter.versions.len().to_string());
    for v in &filter.versions {
        field(&match v {
            VersionChoice::Last => "last".to_string(),
            VersionChoice::First => "first".to_string(),
            VersionChoice::All => "all".to_string(),
            VersionChoice::At(t) => t.unix_timestamp_nanos().to_string(),
        });
    }
    let digest = h.finalize();
    let mut out = [0u8; 8];
    for (o, d) in out.iter_mut().zip(digest.iter()) {
        *o = *d;
    }
    out
}

fn mac(key: &[u8], payload: &[u8]) -> Option<Hmac<Sha256>> {
    let mut m = Hmac::<Sha256>::new_from_slice(key).ok()?;
    m.update(payload);
    Some(m)
}

fn payload(after: i64, expires: i64, print: [u8; 8]) -> Vec<u8> {
    let mut p = Vec::with_capacity(25);
    p.push(FORMAT);
    p.extend_from_slice(&after.to_be_bytes());
    p.extend_from_slice(&expires.to_be_bytes());
    p.extend_from_slice(&print);
    p
}

impl NextToken {
    /// The token for the page after position `after`, made `now`.
    pub fn new(after: i64, now: OffsetDateTime) -> NextToken {
        NextToken {
            after,
            expires: now + NEXT_LIFETIME,
        }
    }

    /// The token as the client gets it, for `collection` and `filter`.
    pub fn seal(&self, key: &[u8], collection: &str, filter: &ObjectFilter) -> String {
        let body = payload(
            self.after,
            self.expires.unix_timestamp(),
            fingerprint(collection, filter),
        );
        let tag = mac(key, &body)
            .map(|m| m.finalize().into_bytes().to_vec())
            .unwrap_or_default();
        let mut out = body;
        out.extend_from_slice(tag.get(..MAC_BYTES).unwrap_or_default());
        URL_SAFE_NO_PAD.encode(out)
    }

    /// Reads a client's token for `collection` and `filter` at `now`.
    pub fn open(
        raw: &str,
        key: &[u8],
        collection: &str,
        filter: &ObjectFilter,
        now: OffsetDateTime,
    ) -> Result<NextToken, NextProblem> {
        let bytes = URL_SAFE_NO_PAD
            .decode(raw.trim())
            .map_err(|_| NextProblem::Forged)?;
        if bytes.len() != 25 + MAC_BYTES || bytes.first() != Some(&FORMAT) {
            return Err(NextProblem::Forged);
        }
        let (body, tag) = bytes.split_at(25);
        mac(key, body)
            .ok_or(NextProblem::Forged)?
            .verify_truncated_left(tag)
            .map_err(|_| NextProblem::Forged)?;
        if body.get(17..25) != Some(&fingerprint(collection, filter)[..]) {
            return Err(NextProblem::Forged);
        }
        let int = |range: std::ops::Range<usize>| -> Result<i64, NextProblem> {
            let mut b = [0u8; 8];
            b.copy_from_slice(body.get(range).ok_or(NextProblem::Forged)?);
            Ok(i64::from_be_bytes(b))
        };
        let after = int(1..9)?;
        let expires =
            OffsetDateTime::from_unix_timestamp(int(9..17)?).map_err(|_| NextProblem::Forged)?;
        if now >= expires {
            return Err(NextProblem::Expired);
        }
        Ok(NextToken { after, expires })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxii::filter::{parse_filter, Endpoint};
    use proptest::prelude::*;
    use time::macros::datetime;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";
    const NOW: OffsetDateTime = datetime!(2026-12-01 12:00 UTC);

    fn filter(raw: &[(&str, &str)]) -> ObjectFilter {
        let pairs: Vec<(String, String)> = raw
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse_filter(&pairs, Endpoint::Objects).unwrap()
    }

    #[test]
    fn a_token_reads_back_for_its_collection_and_filters_only() {
        let f = filter(&[("match[type]", "indicator")]);
        let raw = NextToken::new(41, NOW).seal(KEY, "shared", &f);
        let back = NextToken::open(&raw, KEY, "shared", &f, NOW).unwrap();
        assert_eq!(back.after, 41);
        // The page size may change between pages; the filters may not.
        let bigger = filter(&[("match[type]", "indicator"), ("limit", "5")]);
        assert!(NextToken::open(&raw, KEY, "shared", &bigger, NOW).is_ok());
        for (collection, other) in [
            ("inbox-fra", f.clone()),
            ("shared", filter(&[("match[type]", "malware")])),
            ("shared", filter(&[])),
        ] {
            assert_eq!(
                NextToken::open(&raw, KEY, collection, &other, NOW),
                Err(NextProblem::Forged)
            );
        }
        assert_eq!(
            NextToken::open(&raw, b"another key of thirty-two bytes!", "shared", &f, NOW),
            Err(NextProblem::Forged)
        );
    }

    #[test]
    fn a_token_expires() {
        let f = filter(&[]);
        let raw = NextToken::new(1, NOW).seal(KEY, "shared", &f);
        let later = NOW + NEXT_LIFETIME;
        assert_eq!(
            NextToken::open(&raw, KEY, "shared", &f, later),
            Err(NextProblem::Expired)
        );
    }

    #[test]
    fn a_changed_token_is_refused() {
        let f = filter(&[]);
        let raw = NextToken::new(7, NOW).seal(KEY, "shared", &f);
        let mut bytes = URL_SAFE_NO_PAD.decode(&raw).unwrap();
        for i in 0..bytes.len() {
            bytes[i] ^= 1;
            let changed = URL_SAFE_NO_PAD.encode(&bytes);
            assert_eq!(
                NextToken::open(&changed, KEY, "shared", &f, NOW),
                Err(NextProblem::Forged),
                "byte {i}"
            );
            bytes[i] ^= 1;
        }
    }

    proptest! {
        #[test]
        fn made_up_tokens_are_refused_without_panicking(raw in "\\PC{0,80}") {
            prop_assert!(NextToken::open(&raw, KEY, "shared", &ObjectFilter::default(), NOW).is_err());
        }

        #[test]
        fn any_position_round_trips(after in any::<i64>()) {
            let f = ObjectFilter::default();
            let raw = NextToken::new(after, NOW).seal(KEY, "c", &f);
            prop_assert_eq!(NextToken::open(&raw, KEY, "c", &f, NOW).unwrap().after, after);
        }
    }
}
