//! Completions as xAPI statements (IEEE 9274.1.1), for an organisation's
//! learning record store. The actor is the account at this installation
//! (its home page and number), never an e-mail address.

use serde_json::{json, Value};
use std::collections::BTreeMap;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
pub const ACTIVITY_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";

/// One passed quiz, as the statement tells it.
#[derive(Debug, Clone)]
pub struct PassedQuiz<'a> {
    /// The certificate's id (a UUID), reused as the statement's.
    pub id: &'a str,
    pub account_id: i64,
    pub holder: &'a str,
    pub module: &'a str,
    pub version: u32,
    /// The module's title by language.
    pub titles: BTreeMap<String, String>,
    pub correct: u32,
    pub total: u32,
    pub at: OffsetDateTime,
}

/// The statement; `base_url` is the installation's, without a trailing `/`.
pub fn statement(base_url: &str, passed: &PassedQuiz<'_>) -> Value {
    let scaled = if passed.total == 0 {
        0.0
    } else {
        f64::from(passed.correct) / f64::from(passed.total)
    };
    json!({
        "id": passed.id,
        "actor": {
            "objectType": "Agent",
            "name": passed.holder,
            "account": { "homePage": base_url, "name": passed.account_id.to_string() },
        },
        "verb": { "id": VERB_PASSED, "display": { "en": "passed" } },
        "object": {
            "objectType": "Activity",
            "id": format!("{base_url}/learning/{}", passed.module),
            "definition": {
                "type": ACTIVITY_ASSESSMENT,
                "name": passed.titles,
            },
        },
        "result": {
            "score": { "scaled": scaled, "raw": passed.correct, "min": 0, "max": passed.total },
            "success": true,
            "completion": true,
        },
        "context": {
            "revision": passed.version.to_string(),
            "platform": "pocdir",
            "extensions": {
                format!("{base_url}/xapi/certificate"): format!("{base_url}/certificates/{}", passed.id),
            },
        },
        "timestamp": passed.at.format(&Rfc3339).unwrap_or_default(),
        "version": "1.0.3",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_statement_has_the_required_parts() {
        let s = statement(
            "https://pocdir.example.org",
            &PassedQuiz {
                id: "0b2c6a5e-8d6f-4c1e-9a7b-1c2d3e4f5a6b",
                account_id: 12,
                holder: "Amina Haddad",
                module: "ping-tests",
                version: 2,
                titles: BTreeMap::from([("en".into(), "Ping tests".into())]),
                correct: 4,
                total: 5,
                at: datetime!(2026-12-01 10:00 UTC),
            },
        );
        assert_eq!(s["verb"]["id"], VERB_PASSED);
        assert_eq!(s["actor"]["account"]["name"], "12");
        assert_eq!(
            s["object"]["id"],
            "https://pocdir.example.org/learning/ping-tests"
        );
        assert_eq!(s["result"]["score"]["scaled"], 0.8);
        assert_eq!(s["timestamp"], "2026-12-01T10:00:00Z");
        assert!(s["actor"].get("mbox").is_none());
    }
}
