//! A posted TAXII envelope read object by object (section 3.7.2 of the
//! standard): each object is checked as STIX 2.1 on its own; the good ones
//! are kept byte for byte as they were sent (read back exactly), the bad
//! ones become the status resource's failures with their reason. Only an
//! envelope that is not one at all is refused whole (422).

use super::marking::object_label;
use crate::communication::tlp::TlpLabel;
use crate::stix::{check_one, StixProblem};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// At most this many objects in one envelope.
pub const MAX_ENVELOPE_OBJECTS: usize = 10_000;

/// One object of an envelope that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostedObject {
    pub id: String,
    pub kind: String,
    pub spec_version: String,
    /// `modified`, else `created`; None for an object without either (a
    /// cyber-observable), whose version is when it is added.
    pub version: Option<OffsetDateTime>,
    /// Its own TLP marking, if it has one.
    pub label: Option<TlpLabel>,
    /// Exactly as sent.
    pub json: String,
}

/// One object of an envelope that did not pass, for the status resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedObject {
    /// Its id as sent, when it has one that can be read.
    pub id: Option<String>,
    pub version: Option<String>,
    pub problem: StixProblem,
}

/// Why a body is not an envelope at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeProblem {
    #[error("the body is not a TAXII envelope (a JSON object with an array \"objects\")")]
    NotAnEnvelope,
    #[error("the envelope has no objects")]
    Empty,
    #[error("the envelope has more objects than one request may add")]
    TooManyObjects,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    objects: Option<Vec<&'a RawValue>>,
}

/// The objects of an envelope, each kept or refused.
pub fn read_envelope(
    body: &str,
) -> Result<Vec<Result<PostedObject, RefusedObject>>, EnvelopeProblem> {
    let envelope: Envelope =
        serde_json::from_str(body).map_err(|_| EnvelopeProblem::NotAnEnvelope)?;
    let objects = envelope.objects.ok_or(EnvelopeProblem::NotAnEnvelope)?;
    if objects.is_empty() {
        return Err(EnvelopeProblem::Empty);
    }
    if objects.len() > MAX_ENVELOPE_OBJECTS {
        return Err(EnvelopeProblem::TooManyObjects);
    }
    Ok(objects
        .into_iter()
        .enumerate()
        .map(|(index, raw)| read_object(index, raw))
        .collect())
}

fn read_object(index: usize, raw: &RawValue) -> Result<PostedObject, RefusedObject> {
    // Each object is a JSON value already: the envelope parsed.
    let value: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
    let text = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
    let version_text = text("modified").or_else(|| text("created"));
    let checked = check_one(&value, index).map_err(|problem| RefusedObject {
        id: text("id"),
        version: version_text.clone(),
        problem,
    })?;
    let version = version_text
        .as_deref()
        .and_then(|t| OffsetDateTime::parse(t, &Rfc3339).ok());
    Ok(PostedObject {
        id: checked.id,
        kind: checked.kind,
        // A cyber-observable may leave it out; it is STIX 2.1 here.
        spec_version: text("spec_version").unwrap_or_else(|| "2.1".to_string()),
        version,
        label: object_label(&value),
        json: raw.get().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const INDICATOR: &str = r#"{"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2026-11-30T09:00:00.000Z","modified":"2026-11-30T10:00:00.000Z","name":"C2 of the grid campaign","pattern":"[ipv4-addr:value = '203.0.113.7']","pattern_type":"stix","valid_from":"2026-11-30T09:00:00Z","object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}"#;

    #[test]
    fn good_objects_are_kept_as_sent_and_bad_ones_say_why() {
        let body = format!(
            r#"{{"objects": [{INDICATOR}, {{"type":"indicator","id":"indicator--nope"}}, 7,
              {{"type":"ipv4-addr","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"203.0.113.7"}}]}}"#
        );
        let read = read_envelope(&body).unwrap();
        assert_eq!(read.len(), 4);
        let first = read[0].as_ref().unwrap();
        assert_eq!(first.json, INDICATOR);
        assert_eq!(first.kind, "indicator");
        assert_eq!(first.label, Some(TlpLabel::Green));
        assert_eq!(
            first.version,
            Some(time::macros::datetime!(2026-11-30 10:00 UTC))
        );
        let second = read[1].as_ref().unwrap_err();
        assert_eq!(second.id.as_deref(), Some("indicator--nope"));
        assert_eq!(second.problem.message_id(), "stix-error-id");
        assert_eq!(read[2].as_ref().unwrap_err().id, None);
        let sco = read[3].as_ref().unwrap();
        assert_eq!((sco.version, sco.label), (None, None));
    }

    #[test]
    fn what_is_not_an_envelope_is_refused_whole() {
        for body in [
            "",
            "[]",
            "{}",
            r#"{"objects": {}}"#,
            "{\"objects\": [1,",
            "null",
        ] {
            assert_eq!(
                read_envelope(body),
                Err(EnvelopeProblem::NotAnEnvelope),
                "{body}"
            );
        }
        assert_eq!(
            read_envelope(r#"{"objects": []}"#),
            Err(EnvelopeProblem::Empty)
        );
        // Other members of an envelope (more, next) are allowed.
        let with_more = format!(r#"{{"more": false, "objects": [{INDICATOR}]}}"#);
        assert_eq!(read_envelope(&with_more).unwrap().len(), 1);
    }

    proptest! {
        #[test]
        fn any_body_is_read_or_refused_without_panicking(body in "\\PC{0,300}") {
            let _ = read_envelope(&body);
        }

        #[test]
        fn any_object_in_an_envelope_is_kept_or_refused(object in "\\PC{0,200}") {
            let body = format!("{{\"objects\": [{object}]}}");
            if let Ok(read) = read_envelope(&body) {
                prop_assert_eq!(read.len(), 1);
            }
        }
    }
}
