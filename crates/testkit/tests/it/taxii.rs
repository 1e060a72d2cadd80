//! TAXII 2.1 over HTTP on the real server: discovery, the API root, the
//! collections each account is told of, an envelope posted and its status,
//! pages with `next` and the date-added headers, versions, the manifest,
//! one object, deletion; every bad input of the standard with its status
//! in TAXII's error shape and nothing stored; Basic and bearer sign-in; and
//! what each State's technical PoC sees of the objects, through every
//! endpoint. (The OASIS client's suite is `taxii_interop.rs`.)

use crate::communications_api::participating;
use crate::reports_api::approved_reporter;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub const TAXII: &str = "application/taxii+json;version=2.1";
pub const ROOT: &str = "/taxii2/participants/";

/// An account and its API token, speaking TAXII with Basic.
pub struct Client {
    pub account: TestAccount,
    pub token: String,
    base: String,
    http: reqwest::Client,
}

pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    }
}

impl Client {
    pub async fn new(server: &TestServer, kind: AccountKind, state: Option<&str>) -> Client {
        let account = server.account(kind, state).await;
        let token = server.token(&account, "write").await;
        Client::of(server, account, token)
    }

    pub fn of(server: &TestServer, account: TestAccount, token: String) -> Client {
        Client {
            account,
            token,
            base: server.url.clone(),
            http: reqwest::Client::new(),
        }
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Answer {
        let r = request.send().await.unwrap();
        Answer {
            status: r.status().as_u16(),
            headers: r.headers().clone(),
            text: r.text().await.unwrap(),
        }
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base))
            .basic_auth(&self.account.email, Some(&self.token))
            .header("accept", TAXII)
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send(self.request(reqwest::Method::GET, path)).await
    }

    pub async fn post(&self, path: &str, body: String) -> Answer {
        self.send(
            self.request(reqwest::Method::POST, path)
                .header("content-type", TAXII)
                .body(body),
        )
        .await
    }

    pub async fn delete(&self, path: &str) -> Answer {
        self.send(self.request(reqwest::Method::DELETE, path)).await
    }

    /// The collections this account is told of: id by title's first word.
    pub async fn collections(&self) -> Vec<Value> {
        let a = self.get(&format!("{ROOT}collections/")).await;
        assert_eq!(a.status, 200, "{}", a.text);
        a.json()["collections"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub async fn collection_id(&self, title_start: &str) -> String {
        self.collections()
            .await
            .iter()
            .find(|c| c["title"].as_str().unwrap().starts_with(title_start))
            .unwrap_or_else(|| panic!("no collection {title_start}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

/// A STIX 2.1 indicator, spaced and ordered as a client might send it.
pub fn indicator(n: u32, modified: &str, marking: Option<&str>) -> String {
    let markings = marking
        .map(|m| format!(r#", "object_marking_refs": ["{m}"]"#))
        .unwrap_or_default();
    format!(
        r#"{{"type": "indicator", "spec_version": "2.1",
  "id": "indicator--{n:08x}-0000-4000-8000-000000000000", "created": "2026-11-01T10:00:00.000Z",
  "modified": "{modified}", "name": "C2 {n}", "pattern_type": "stix",
  "pattern": "[ipv4-addr:value = '203.0.113.{}']", "valid_from": "2026-11-01T10:00:00Z"{markings}}}"#,
        n % 250
    )
}

pub const TLP_AMBER: &str = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
pub const TLP_RED: &str = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
pub const TLP_GREEN: &str = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

pub fn envelope(objects: &[String]) -> String {
    format!(r#"{{"objects": [{}]}}"#, objects.join(","))
}

/// The ids in an envelope.
fn ids(envelope: &Value) -> BTreeSet<String> {
    envelope["objects"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|o| o["id"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn assert_taxii_error(a: &Answer, status: u16, label: &str) {
    assert_eq!(a.status, status, "{label}: {}", a.text);
    assert_eq!(a.header("content-type").as_deref(), Some(TAXII), "{label}");
    let e = a.json();
    assert_eq!(e["http_status"], status.to_string(), "{label}: {e}");
    assert!(
        e["title"].as_str().is_some_and(|t| !t.is_empty()),
        "{label}: {e}"
    );
}

#[tokio::test]
async fn taxii_over_http_as_the_standard_says() {
    let server = TestServer::start().await;
    participating(&server, &["FRA", "PAK"]).await;
    let fra = Client::new(&server, AccountKind::TechnicalPoc, Some("FRA")).await;

    // Discovery and the API root.
    let d = fra.get("/taxii2/").await;
    assert_eq!(d.status, 200, "{}", d.text);
    assert_eq!(d.header("content-type").as_deref(), Some(TAXII));
    let roots = d.json()["api_roots"].clone();
    assert!(roots[0].as_str().unwrap().ends_with(ROOT), "{}", d.json());
    let r = fra.get(ROOT).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["versions"], json!([TAXII]));
    assert_eq!(r.json()["max_content_length"], 10 * 1024 * 1024);

    // The shared collection and both inboxes (its own to read, the other
    // to write); not the reporters' intake.
    let seen = fra.collections().await;
    let by_title = |start: &str| {
        seen.iter()
            .find(|c| c["title"].as_str().unwrap().starts_with(start))
            .cloned()
    };
    let shared = by_title("Shared").unwrap();
    assert_eq!(
        (shared["can_read"].clone(), shared["can_write"].clone()),
        (json!(true), json!(true))
    );
    let own = by_title("Inbox of FRA").unwrap();
    assert_eq!(own["can_read"], json!(true));
    let other = by_title("Inbox of PAK").unwrap();
    assert_eq!(
        (other["can_read"].clone(), other["can_write"].clone()),
        (json!(false), json!(true))
    );
    assert!(by_title("Intake").is_none());
    let shared_id = shared["id"].as_str().unwrap().to_string();
    let objects = format!("{ROOT}collections/{shared_id}/objects/");
    let one = fra.get(&format!("{ROOT}collections/{shared_id}/")).await;
    assert_eq!(
        one.json()["media_types"],
        json!(["application/stix+json;version=2.1"])
    );

    // An envelope: two versions of an indicator, another object, one not
    // STIX 2.1 (no `created`) and one TLP:RED: three kept, two refused.
    let v1 = indicator(1, "2026-11-01T10:00:00.000Z", None);
    let v2 = indicator(1, "2026-11-02T10:00:00.000Z", Some(TLP_AMBER));
    let other_object = indicator(2, "2026-11-01T11:00:00.000Z", Some(TLP_GREEN));
    let broken = r#"{"type": "indicator", "spec_version": "2.1", "id": "indicator--00000003-0000-4000-8000-000000000000", "modified": "2026-11-01T10:00:00.000Z"}"#.to_string();
    let red = indicator(4, "2026-11-01T10:00:00.000Z", Some(TLP_RED));
    let posted = fra
        .post(
            &objects,
            envelope(&[v1.clone(), v2.clone(), other_object.clone(), broken, red]),
        )
        .await;
    assert_eq!(posted.status, 202, "{}", posted.text);
    assert_eq!(posted.header("content-type").as_deref(), Some(TAXII));
    let status = posted.json();
    assert_eq!(status["status"], "complete");
    assert_eq!(status["total_count"], 5);
    assert_eq!(status["success_count"], 3);
    assert_eq!(status["failure_count"], 2);
    assert_eq!(status["pending_count"], 0);
    let failed: BTreeSet<&str> = status["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(failed.contains("indicator--00000003-0000-4000-8000-000000000000"));
    assert!(failed.contains("indicator--00000004-0000-4000-8000-000000000000"));
    let status_path = format!("{ROOT}status/{}/", status["id"].as_str().unwrap());
    let again = fra.get(&status_path).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["success_count"], 3);
    // Another account is not told of it.
    let pak = Client::new(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    assert_taxii_error(&pak.get(&status_path).await, 404, "another's status");

    // The last version of each object, one a page, with `next`, and the
    // objects byte for byte as posted.
    let first = fra.get(&format!("{objects}?limit=1")).await;
    assert_eq!(first.status, 200, "{}", first.text);
    let page = first.json();
    assert_eq!(page["more"], true);
    assert!(first.header("x-taxii-date-added-first").is_some());
    assert!(first.header("x-taxii-date-added-last").is_some());
    let next = page["next"].as_str().unwrap().to_string();
    let second = fra.get(&format!("{objects}?limit=1&next={next}")).await;
    assert_eq!(second.status, 200, "{}", second.text);
    assert_eq!(second.json()["more"], false);
    assert!(second.json().get("next").is_none());
    let all = fra.get(&objects).await;
    assert!(all.text.contains(&v2), "byte for byte: {}", all.text);
    assert!(all.text.contains(&other_object));
    assert!(!all.text.contains(&v1), "only the last version by default");
    assert_eq!(ids(&all.json()).len(), 2);
    let every = fra.get(&format!("{objects}?match[version]=all")).await;
    assert_eq!(every.json()["objects"].as_array().unwrap().len(), 3);
    let typed = fra
        .get(&format!(
            "{objects}?match[id]=indicator--00000002-0000-4000-8000-000000000000"
        ))
        .await;
    assert_eq!(typed.json()["objects"].as_array().unwrap().len(), 1);

    // One object, its versions, the manifest.
    let id1 = "indicator--00000001-0000-4000-8000-000000000000";
    let object = fra.get(&format!("{objects}{id1}/")).await;
    assert_eq!(object.status, 200);
    assert!(object.text.contains(&v2));
    let versions = fra.get(&format!("{objects}{id1}/versions/")).await;
    assert_eq!(versions.status, 200, "{}", versions.text);
    assert_eq!(
        versions.json()["versions"],
        json!(["2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z"])
    );
    let manifest = fra
        .get(&format!("{ROOT}collections/{shared_id}/manifest/"))
        .await;
    assert_eq!(manifest.status, 200);
    let records = manifest.json()["objects"].as_array().unwrap().clone();
    assert_eq!(records.len(), 2);
    assert!(records
        .iter()
        .all(|r| r["media_type"] == "application/stix+json;version=2.1"
            && r["date_added"].is_string()
            && r["version"].is_string()));

    // Bad input: the status the standard gives, TAXII's shape, nothing stored.
    let before = fra.get(&format!("{objects}?match[version]=all")).await.text;
    let html = fra
        .send(
            fra.http
                .get(format!("{}{objects}", server.url))
                .basic_auth(&fra.account.email, Some(&fra.token))
                .header("accept", "text/html"),
        )
        .await;
    assert_taxii_error(&html, 406, "Accept: text/html");
    let json_body = fra
        .send(
            fra.request(reqwest::Method::POST, &objects)
                .header("content-type", "application/json")
                .body(envelope(&[indicator(9, "2026-11-01T10:00:00.000Z", None)])),
        )
        .await;
    assert_taxii_error(&json_body, 415, "Content-Type: application/json");
    assert_taxii_error(
        &fra.get(&format!("{objects}?match[colour]=red")).await,
        400,
        "unknown filter",
    );
    assert_taxii_error(
        &fra.get(&format!("{objects}?limit=1&limit=2")).await,
        400,
        "repeated",
    );
    assert_taxii_error(
        &fra.get(&format!("{objects}?added_after=yesterday")).await,
        400,
        "bad time",
    );
    assert_taxii_error(
        &fra.get(&format!("{objects}?next=AAAA")).await,
        400,
        "forged next",
    );
    assert_taxii_error(
        &fra.get(&format!("{objects}?match[type]=malware&next={next}"))
            .await,
        400,
        "next with other filters",
    );
    assert_taxii_error(
        &fra.post(&objects, "{not json".into()).await,
        400,
        "not JSON",
    );
    assert_taxii_error(
        &fra.post(&objects, r#"{"objects": []}"#.into()).await,
        422,
        "empty",
    );
    let huge = format!(
        r#"{{"objects": [{{"type": "note", "content": "{}"}}]}}"#,
        "x".repeat(10 * 1024 * 1024)
    );
    assert_taxii_error(&fra.post(&objects, huge).await, 413, "too large");
    assert_taxii_error(
        &fra.get(&format!("{ROOT}collections/no-such/objects/"))
            .await,
        404,
        "unknown collection",
    );
    assert_taxii_error(
        &fra.get(&format!("{ROOT}collections/{shared_id}/objects"))
            .await,
        404,
        "no trailing slash",
    );
    assert_eq!(
        fra.get(&format!("{objects}?match[version]=all")).await.text,
        before
    );

    // Sign-in: Basic with another account's e-mail, or none, is refused.
    let wrong = fra
        .send(
            fra.http
                .get(format!("{}{ROOT}", server.url))
                .basic_auth(&pak.account.email, Some(&fra.token)),
        )
        .await;
    assert_taxii_error(&wrong, 401, "Basic with another e-mail");
    let none = fra
        .send(fra.http.get(format!("{}{ROOT}", server.url)))
        .await;
    assert_taxii_error(&none, 401, "no credentials");
    assert!(none.header("www-authenticate").unwrap().contains("Basic"));
    let bearer = fra
        .send(
            fra.http
                .get(format!("{}{ROOT}", server.url))
                .bearer_auth(&fra.token),
        )
        .await;
    assert_eq!(bearer.status, 200, "Bearer works too");
    // Basic is for TAXII only: elsewhere on the API it is refused.
    let elsewhere = fra
        .send(
            fra.http
                .get(format!("{}/api/v1/me", server.url))
                .basic_auth(&fra.account.email, Some(&fra.token)),
        )
        .await;
    assert_eq!(elsewhere.status, 401);

    // Delete: every version, then it is gone.
    let deleted = fra.delete(&format!("{objects}{id1}/")).await;
    assert_eq!(deleted.status, 200, "{}", deleted.text);
    assert_taxii_error(&fra.get(&format!("{objects}{id1}/")).await, 404, "deleted");
    server.stop().await;
}

/// Who sees which object, through every endpoint: what a reader may not
/// see is never returned, counted, paged or dated in a header.
#[tokio::test]
async fn each_state_sees_only_what_tlp_and_its_collections_allow() {
    let server = TestServer::start().await;
    participating(&server, &["FRA", "PAK"]).await;
    let fra = Client::new(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let pak = Client::new(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let (vetted, _) = approved_reporter(&server, "Northwind Security").await;
    let reporter = Client::of(&server, vetted.account, vetted.token);
    let unvetted = Client::new(&server, AccountKind::Reporter, None).await;
    let shared = fra.collection_id("Shared").await;
    let fra_inbox = fra.collection_id("Inbox of FRA").await;

    // In the shared collection: GREEN and AMBER for every participating
    // State; RED refused. In France's inbox: AMBER from Pakistan, for
    // France alone.
    let green = indicator(10, "2026-11-01T10:00:00.000Z", Some(TLP_GREEN));
    let amber = indicator(11, "2026-11-01T10:00:00.000Z", Some(TLP_AMBER));
    let red = indicator(12, "2026-11-01T10:00:00.000Z", Some(TLP_RED));
    let s = fra
        .post(
            &format!("{ROOT}collections/{shared}/objects/"),
            envelope(&[green, amber, red.clone()]),
        )
        .await;
    assert_eq!(s.json()["success_count"], 2, "{}", s.text);
    let to_france = indicator(13, "2026-11-01T10:00:00.000Z", Some(TLP_AMBER));
    let s = pak
        .post(
            &format!("{ROOT}collections/{fra_inbox}/objects/"),
            envelope(std::slice::from_ref(&to_france)),
        )
        .await;
    assert_eq!(s.json()["success_count"], 1, "{}", s.text);
    let s = pak
        .post(
            &format!("{ROOT}collections/{fra_inbox}/objects/"),
            envelope(&[indicator(14, "2026-11-01T10:00:00.000Z", Some(TLP_RED))]),
        )
        .await;
    assert_eq!(
        s.json()["failure_count"],
        1,
        "RED even to an inbox: {}",
        s.text
    );

    let secret = "indicator--0000000d-0000-4000-8000-000000000000";
    let red_id = "indicator--0000000c-0000-4000-8000-000000000000";
    // France reads its inbox through every endpoint.
    let inbox = format!("{ROOT}collections/{fra_inbox}/");
    for path in [
        format!("{inbox}objects/"),
        format!("{inbox}objects/{secret}/"),
        format!("{inbox}manifest/"),
    ] {
        let a = fra.get(&path).await;
        assert_eq!(a.status, 200, "{path}: {}", a.text);
        assert!(a.text.contains(secret), "{path}");
    }
    assert_eq!(
        fra.get(&format!("{inbox}objects/{secret}/versions/"))
            .await
            .status,
        200
    );

    // Pakistan wrote there, and reads nothing of it: every endpoint refuses
    // alike, and nothing of France's inbox appears in what it may read.
    for path in [
        format!("{inbox}objects/"),
        format!("{inbox}objects/{secret}/"),
        format!("{inbox}objects/{secret}/versions/"),
        format!("{inbox}manifest/"),
        format!("{inbox}objects/indicator--ffffffff-0000-4000-8000-000000000000/"),
    ] {
        let a = pak.get(&path).await;
        assert_taxii_error(&a, 403, &path);
        assert!(!a.text.contains(secret));
    }
    let shared_path = format!("{ROOT}collections/{shared}/");
    for (who, name) in [(&fra, "France"), (&pak, "Pakistan")] {
        let all = who
            .get(&format!("{shared_path}objects/?match[version]=all"))
            .await;
        assert_eq!(ids(&all.json()).len(), 2, "{name}: {}", all.text);
        assert!(
            !all.text.contains(secret) && !all.text.contains(red_id),
            "{name}"
        );
        assert_eq!(all.json()["more"], false, "{name}");
        let manifest = who.get(&format!("{shared_path}manifest/")).await;
        assert_eq!(
            manifest.json()["objects"].as_array().unwrap().len(),
            2,
            "{name}"
        );
        for id in [secret, red_id] {
            assert_taxii_error(
                &who.get(&format!("{shared_path}objects/{id}/")).await,
                404,
                &format!("{name} {id}"),
            );
            assert_taxii_error(
                &who.get(&format!("{shared_path}objects/{id}/versions/"))
                    .await,
                404,
                &format!("{name} versions of {id}"),
            );
        }
        // Pages of one: two pages, whatever else exists elsewhere.
        let first = who.get(&format!("{shared_path}objects/?limit=1")).await;
        let next = first.json()["next"].as_str().unwrap().to_string();
        let second = who
            .get(&format!("{shared_path}objects/?limit=1&next={next}"))
            .await;
        assert_eq!(second.json()["more"], false, "{name}");
    }
    // Pakistan's own inbox is told to France as writable, never readable.
    let pak_inbox = pak.collection_id("Inbox of PAK").await;
    assert_taxii_error(
        &fra.get(&format!("{ROOT}collections/{pak_inbox}/objects/"))
            .await,
        403,
        "France reading Pakistan's inbox",
    );

    // The reporter is told of the intake only, writes to it, reads nothing.
    let told = reporter.collections().await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["can_read"], false);
    assert_eq!(told[0]["can_write"], true);
    let intake = told[0]["id"].as_str().unwrap().to_string();
    let s = reporter
        .post(
            &format!("{ROOT}collections/{intake}/objects/"),
            envelope(&[indicator(20, "2026-11-01T10:00:00.000Z", None)]),
        )
        .await;
    assert_eq!(s.json()["success_count"], 1, "{}", s.text);
    // A reporter the secretariat has not approved delivers nothing.
    let refused = unvetted
        .post(
            &format!("{ROOT}collections/{intake}/objects/"),
            envelope(&[indicator(21, "2026-11-01T10:00:00.000Z", None)]),
        )
        .await;
    assert_taxii_error(&refused, 403, "an unvetted reporter writing to the intake");
    assert_taxii_error(
        &reporter
            .get(&format!("{ROOT}collections/{intake}/objects/"))
            .await,
        403,
        "the reporter reading the intake",
    );
    assert_taxii_error(
        &reporter.get(&format!("{shared_path}objects/")).await,
        404,
        "the reporter reading the shared collection",
    );
    // Nobody reads the intake through TAXII.
    for who in [&fra, &pak] {
        assert!(who
            .collections()
            .await
            .iter()
            .all(|c| c["id"] != json!(intake)));
    }

    // Accounts the policy keeps out: a diplomatic PoC, the secretariat.
    for (kind, state) in [
        (AccountKind::DiplomaticPoc, Some("FRA")),
        (AccountKind::Secretariat, None),
        (AccountKind::Nominator, Some("FRA")),
    ] {
        let c = Client::new(&server, kind, state).await;
        assert_taxii_error(
            &c.get(&format!("{ROOT}collections/")).await,
            403,
            kind.as_str(),
        );
    }
    server.stop().await;
}
