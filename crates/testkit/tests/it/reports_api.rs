//! Reports through the JSON API of the real server: a vetted reporter sends
//! a vulnerability report under embargo to States, their technical PoCs
//! get it by mail from the real SMTP peer, acknowledge it, answer for
//! their State and ask questions; the reporter follows each State's status
//! and never learns who. Every bad input gets a clear error and leaves
//! nothing half-sent; the rate limit answers 429 with `Retry-After`;
//! suspension withholds what has not gone out; and what each kind of
//! account sees of a report follows `policy::report_view`.

use crate::accounts::mails_to;
use crate::communications_api::{b64, participating, who, Api, Who};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_domain::reporter::{ReporterStatus, VettingDecision};
use pocdir_store::{LogFilter, MailStatus, NewApplication, ReporterDecision};
use pocdir_testkit::{SmtpPeer, TestServer};
use serde_json::{json, Value};

pub const STIX: &str = include_str!("../data/stix/valid-realistic.json");

/// A reporter approved by the secretariat, with its account and token.
pub async fn approved_reporter(server: &TestServer, organisation: &str) -> (Who, i64) {
    let reporter = who(server, AccountKind::Reporter, None).await;
    let now = server.clock.now();
    let applied = server
        .store
        .apply_as_reporter(
            NewApplication {
                organisation: organisation.to_string(),
                country: "DEU".into(),
                website: "https://northwind.example.org/".into(),
                contact_name: "Jana Weber".into(),
                contact_email: reporter.account.email.clone(),
                language: "en".into(),
                openpgp_key: None,
                openpgp_fingerprint: None,
                why: "We find vulnerabilities in VPN gateways.".into(),
                applied_at: now,
            },
            events::reporter_applied(
                now,
                organisation,
                "DEU",
                "https://northwind.example.org/",
                &reporter.account.email,
                None,
            )
            .unwrap(),
        )
        .await
        .unwrap();
    server
        .store
        .decide_reporter(ReporterDecision {
            reporter_id: applied.id,
            decision: VettingDecision::Approve,
            from: ReporterStatus::Pending,
            reason: None,
            at: now,
            decided_by: None,
            invitation: None,
            mail: None,
            log: events::reporter_decided(
                now,
                LogActor::console(),
                applied.id,
                VettingDecision::Approve,
                None,
            )
            .unwrap(),
        })
        .await
        .unwrap();
    server
        .store
        .link_reporter_account(applied.id, reporter.account.id)
        .await
        .unwrap();
    (reporter, applied.id)
}

/// A vulnerability report to `states` with `marker` in its text.
pub fn report(states: &[&str], marker: &str) -> Value {
    json!({
        "category": "vulnerability",
        "tlp": "AMBER",
        "title": format!("Pre-authentication RCE in ExampleVPN {marker}"),
        "description": format!("A crafted request to /remote/login runs code as root. {marker}-text"),
        "products": [{"product": "ExampleVPN Gateway", "versions": "< 9.4.2"}],
        "cve_ids": ["CVE-2026-41234"],
        "stix_bundle": STIX,
        "embargo_local": "2027-01-15T09:00",
        "embargo_zone": "Europe/Berlin",
        "states": states,
    })
}

async fn log_actions(server: &TestServer) -> Vec<String> {
    server
        .store
        .search_log(&LogFilter::default(), None, 1000)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// How many mails are in the outbox, whatever their status.
async fn outbox_size(server: &TestServer) -> usize {
    let mut n = 0;
    for status in [MailStatus::Queued, MailStatus::Sent, MailStatus::Failed] {
        n += server
            .store
            .mails(Some(status), 10_000)
            .await
            .unwrap()
            .len();
    }
    n
}

fn state_of<'a>(body: &'a Value, code: &str) -> &'a Value {
    body["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["state"] == code)
        .unwrap_or_else(|| panic!("{code} in {body}"))
}

#[tokio::test]
async fn a_reporter_notifies_states_and_follows_each_states_status() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    participating(&server, &["PAK", "FRA", "GBR"]).await;
    let api = Api::new(&server);
    let pak = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let fra = who(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let fra2 = who(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let fra_dip = who(&server, AccountKind::DiplomaticPoc, Some("FRA")).await;
    let gbr = who(&server, AccountKind::TechnicalPoc, Some("GBR")).await;
    let secretariat = who(&server, AccountKind::Secretariat, None).await;
    let (reporter, _) = approved_reporter(&server, "Northwind Security Research").await;

    let (status, sent) = api
        .post(
            &reporter,
            "/api/v1/reports",
            json!({
                "report": report(&["PAK", "FRA"], "m1"),
                "attachments": [{"name": "advisory.txt", "content_base64": b64(b"Patch to 9.4.2\n")}],
            }),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    let id = sent["id"].as_i64().unwrap();
    assert_eq!(sent["view"], "author");
    assert_eq!(sent["content"]["cve_ids"], json!(["CVE-2026-41234"]));
    assert_eq!(sent["embargo"]["zone"], "Europe/Berlin");
    for code in ["PAK", "FRA"] {
        assert_eq!(state_of(&sent, code)["status"], "unknown");
    }

    // The technical PoCs of both States get it by mail, label first; a
    // diplomatic PoC and another State do not.
    for poc in [&pak, &fra, &fra2] {
        let mails = mails_to(&smtp, &poc.account.email, 1).await;
        assert!(mails[0].subject.starts_with("[TLP:AMBER]"), "{mails:?}");
        assert!(mails[0].body.contains("m1-text"), "AMBER goes in clear");
        assert!(mails[0].body.contains(&format!("/reports/{id}")));
    }
    assert!(smtp
        .messages()
        .iter()
        .all(|m| !m.rcpt_tos.contains(&fra_dip.account.email)
            && !m.rcpt_tos.contains(&gbr.account.email)));

    // A French technical PoC reads, acknowledges, answers and asks.
    let (status, seen) = api.get(&fra, &format!("/api/v1/reports/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(seen["view"], "state");
    assert_eq!(
        seen["states"].as_array().unwrap().len(),
        1,
        "its own State only"
    );
    assert!(seen["content"]["description"]
        .as_str()
        .unwrap()
        .contains("m1-text"));
    let (status, _) = api
        .post(
            &fra,
            &format!("/api/v1/reports/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, again) = api
        .post(
            &fra,
            &format!("/api/v1/reports/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(status, 409, "{again}");
    let (status, body) = api
        .post(
            &fra,
            &format!("/api/v1/reports/{id}/status"),
            json!({"status": "affected"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = api
        .post(
            &fra2,
            &format!("/api/v1/reports/{id}/status"),
            json!({"status": "unknown"}),
        )
        .await;
    assert_eq!(status, 422, "never back to unknown: {body}");
    let (status, body) = api
        .post(
            &fra,
            &format!("/api/v1/reports/{id}/messages"),
            json!({"body": "Which build numbers of 9.4 are fixed?"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");

    // The other French PoC sees the same thread; Pakistan does not.
    let (_, fra2_view) = api.get(&fra2, &format!("/api/v1/reports/{id}")).await;
    assert_eq!(fra2_view["messages"].as_array().unwrap().len(), 1);
    assert_eq!(state_of(&fra2_view, "FRA")["status"], "affected");
    let (_, pak_view) = api.get(&pak, &format!("/api/v1/reports/{id}")).await;
    assert!(pak_view["messages"].as_array().unwrap().is_empty());
    assert_eq!(pak_view["states"].as_array().unwrap().len(), 1);
    assert_eq!(state_of(&pak_view, "PAK")["status"], "unknown");

    // The reporter follows each State, and is told of the question by
    // mail, never by whom.
    let (_, mine) = api.get(&reporter, &format!("/api/v1/reports/{id}")).await;
    let france = state_of(&mine, "FRA");
    assert_eq!(france["status"], "affected");
    for field in [
        "acknowledged_at",
        "answered_at",
        "first_read_at",
        "status_at",
    ] {
        assert!(france[field].is_string(), "{field}: {france}");
    }
    assert_eq!(state_of(&mine, "PAK")["status"], "unknown");
    let messages = mine["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["state"], "FRA");
    assert_eq!(messages[0]["side"], "state");
    assert_eq!(messages[0]["author_kind"], "technical_poc");
    let text = mine.to_string();
    for poc in [&pak, &fra, &fra2] {
        assert!(!text.contains(&poc.account.email));
        assert!(!text.contains(&format!("\"account_id\":{}", poc.account.id)));
    }
    let told = mails_to(&smtp, &reporter.account.email, 1).await;
    assert!(told[0].body.contains("France") || told[0].body.contains("FRA"));
    assert!(!told[0].body.contains(&fra.account.email));

    // The reporter answers in France's thread; the French PoCs are told.
    let (status, body) = api
        .post(
            &reporter,
            &format!("/api/v1/reports/{id}/states/FRA/messages"),
            json!({"body": "Builds 9.4.2-1180 and later."}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    mails_to(&smtp, &fra2.account.email, 2).await;
    let (status, _) = api
        .post(
            &reporter,
            &format!("/api/v1/reports/{id}/states/GBR/messages"),
            json!({"body": "Not addressed"}),
        )
        .await;
    assert_eq!(status, 404);

    // The embargo is extended with a reason every State is shown.
    let (status, body) = api
        .post(
            &reporter,
            &format!("/api/v1/reports/{id}/embargo"),
            json!({"local": "2027-02-01T09:00", "zone": "Asia/Tokyo", "reason": "The vendor needs two more weeks"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, pak_view) = api.get(&pak, &format!("/api/v1/reports/{id}")).await;
    assert_eq!(pak_view["embargo"]["zone"], "Asia/Tokyo");
    assert_eq!(
        pak_view["extensions"][0]["reason"],
        "The vendor needs two more weeks"
    );

    // Another State, a diplomatic PoC and the secretariat.
    let (status, _) = api.get(&gbr, &format!("/api/v1/reports/{id}")).await;
    assert_eq!(status, 404);
    let (_, dip) = api.get(&fra_dip, &format!("/api/v1/reports/{id}")).await;
    assert_eq!(dip["view"], "state_metadata");
    assert!(dip["content"].is_null() && dip["messages"].as_array().unwrap().is_empty());
    let (_, sec) = api
        .get(&secretariat, &format!("/api/v1/reports/{id}"))
        .await;
    assert_eq!(sec["view"], "metadata");
    assert!(sec["content"].is_null());
    assert_eq!(sec["states"].as_array().unwrap().len(), 2);
    let (_, listed) = api.get(&secretariat, "/api/v1/reports").await;
    assert!(listed["reports"][0]["title"].is_null());

    // The file, for the author and a recipient only.
    let file = mine["attachments"][0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/reports/{id}/attachments/{file}");
    let (status, body) = api.get_text(&fra, &path).await;
    assert_eq!((status, body.as_str()), (200, "Patch to 9.4.2\n"));
    assert_eq!(api.get_text(&secretariat, &path).await.0, 404);
    assert_eq!(api.get_text(&gbr, &path).await.0, 404);

    let actions = log_actions(&server).await;
    for action in [
        "report.send",
        "report.read",
        "report.acknowledge",
        "report.status",
        "report.message",
        "report.extend",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
}

#[tokio::test]
async fn bad_reports_are_refused_clearly_and_nothing_is_sent() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA"]).await;
    let _pak = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let api = Api::new(&server);
    let (reporter, reporter_id) = approved_reporter(&server, "Northwind").await;
    let before_mail = outbox_size(&server).await;

    let with = |change: &dyn Fn(&mut Value)| {
        let mut r = report(&["PAK"], "bad");
        change(&mut r);
        json!({"report": r})
    };
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "invalid CVE",
            with(&|r| r["cve_ids"] = json!(["CVE-26-1"])),
            "cve_ids[0]",
        ),
        (
            "malformed STIX",
            with(&|r| r["stix_bundle"] = json!("{\"type\": \"bundle\", \"id\": \"nope\"}")),
            "stix_bundle",
        ),
        (
            "embargo in the past",
            with(&|r| r["embargo_local"] = json!("2020-01-01T00:00")),
            "embargo_local",
        ),
        ("TLP:RED", with(&|r| r["tlp"] = json!("RED")), "tlp"),
        (
            "a State that does not take part",
            with(&|r| r["states"] = json!(["DEU"])),
            "states[DEU]",
        ),
        (
            "a State without PoCs",
            with(&|r| r["states"] = json!(["FRA"])),
            "states[FRA]",
        ),
        (
            "an attachment over 5 MiB",
            json!({
                "report": report(&["PAK"], "big"),
                "attachments": [{"name": "dump.txt", "content_base64": b64(&vec![b'a'; 5 * 1024 * 1024 + 1])}],
            }),
            "attachments[dump.txt]",
        ),
    ];
    for (what, body, field) in cases {
        let (status, answer) = api.post(&reporter, "/api/v1/reports", body).await;
        assert_eq!(status, 422, "{what}: {answer}");
        assert_eq!(answer["error"]["code"], "invalid_fields", "{what}");
        let fields = answer["error"]["fields"].as_array().unwrap();
        assert!(
            fields.iter().any(|f| f["field"] == field
                && !f["message"].as_str().unwrap().is_empty()
                && !f["message"].as_str().unwrap().contains('{')),
            "{what}: {field} in {answer}"
        );
    }
    // The STIX problem names where it is.
    let (_, answer) = api
        .post(
            &reporter,
            "/api/v1/reports",
            with(&|r| {
                let mut bundle: Value = serde_json::from_str(STIX).unwrap();
                bundle["objects"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("valid_from");
                r["stix_bundle"] = json!(bundle.to_string());
            }),
        )
        .await;
    let message = answer["error"]["fields"][0]["message"].as_str().unwrap();
    assert!(message.contains('2'), "the object's place: {message}");

    // A suspended reporter sends nothing.
    let secretariat = who(&server, AccountKind::Secretariat, None).await;
    let (status, body) = api
        .post(
            &secretariat,
            &format!("/api/v1/reporters/{reporter_id}/decision"),
            json!({"decision": "suspend", "reason": "Abusive reports"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let before_log = log_actions(&server).await.len();
    let (status, answer) = api
        .post(
            &reporter,
            "/api/v1/reports",
            json!({"report": report(&["PAK"], "suspended")}),
        )
        .await;
    assert_eq!(status, 403, "{answer}");
    assert_eq!(answer["error"]["code"], "reporter_not_approved");

    assert_eq!(
        log_actions(&server).await.len(),
        before_log,
        "nothing logged"
    );
    assert_eq!(
        outbox_size(&server).await,
        before_mail + 1,
        "the suspension's mail only"
    );
    let (_, listed) = api.get(&reporter, "/api/v1/reports").await;
    assert!(listed["reports"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn too_many_reports_in_an_hour_get_429_with_retry_after() {
    let server = TestServer::start_with(|c| c.report_per_hour = 2).await;
    participating(&server, &["PAK"]).await;
    let _pak = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let (reporter, _) = approved_reporter(&server, "Northwind").await;
    let api = Api::new(&server);
    for n in 0..2 {
        let (status, body) = api
            .post(
                &reporter,
                "/api/v1/reports",
                json!({"report": report(&["PAK"], &format!("n{n}"))}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let r = reqwest::Client::new()
        .post(server.url("/api/v1/reports"))
        .bearer_auth(&reporter.token)
        .json(&json!({"report": report(&["PAK"], "n3")}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let retry: u64 = r
        .headers()
        .get("retry-after")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&retry), "{retry}");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("minutes"));

    // An hour later it fits again.
    server.clock.advance(time::Duration::seconds(3601));
    let (status, _) = api
        .post(
            &reporter,
            "/api/v1/reports",
            json!({"report": report(&["PAK"], "n4")}),
        )
        .await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn suspension_withholds_the_mails_not_yet_sent() {
    // No SMTP peer: the report's mails stay queued.
    let server = TestServer::start().await;
    participating(&server, &["PAK"]).await;
    let pak = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let (reporter, reporter_id) = approved_reporter(&server, "Northwind").await;
    let secretariat = who(&server, AccountKind::Secretariat, None).await;
    let api = Api::new(&server);
    let (status, _) = api
        .post(
            &reporter,
            "/api/v1/reports",
            json!({"report": report(&["PAK"], "w")}),
        )
        .await;
    assert_eq!(status, 201);
    let queued_for_pak = |mails: Vec<pocdir_store::Mail>| {
        mails
            .into_iter()
            .filter(|m| m.recipient == pak.account.email)
            .collect::<Vec<_>>()
    };
    let queued = queued_for_pak(
        server
            .store
            .mails(Some(MailStatus::Queued), 100)
            .await
            .unwrap(),
    );
    assert_eq!(queued.len(), 1);
    let (status, _) = api
        .post(
            &secretariat,
            &format!("/api/v1/reporters/{reporter_id}/decision"),
            json!({"decision": "suspend", "reason": "Under review"}),
        )
        .await;
    assert_eq!(status, 200);
    assert!(queued_for_pak(
        server
            .store
            .mails(Some(MailStatus::Queued), 100)
            .await
            .unwrap()
    )
    .is_empty());
    let failed = queued_for_pak(
        server
            .store
            .mails(Some(MailStatus::Failed), 100)
            .await
            .unwrap(),
    );
    assert_eq!(failed.len(), 1);
    assert!(failed[0]
        .last_error
        .as_deref()
        .unwrap_or_default()
        .contains("withheld"));
    assert!(log_actions(&server)
        .await
        .iter()
        .any(|a| a == "report.withhold"));
    // The report stays readable by its recipients, marked.
    let (_, seen) = api.get(&pak, "/api/v1/reports").await;
    assert_eq!(seen["reports"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn what_each_reader_sees_follows_kind_and_state() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA"]).await;
    let api = Api::new(&server);
    let pak_tech = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let pak_dip = who(&server, AccountKind::DiplomaticPoc, Some("PAK")).await;
    let fra_tech = who(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let fra_dip = who(&server, AccountKind::DiplomaticPoc, Some("FRA")).await;
    let pak_nominator = who(&server, AccountKind::Nominator, Some("PAK")).await;
    let auditor = who(&server, AccountKind::Auditor, None).await;
    let secretariat = who(&server, AccountKind::Secretariat, None).await;
    let (author, _) = approved_reporter(&server, "Northwind").await;
    let (other_reporter, _) = approved_reporter(&server, "Southwind").await;
    let (status, sent) = api
        .post(
            &author,
            "/api/v1/reports",
            json!({"report": report(&["PAK"], "v")}),
        )
        .await;
    assert_eq!(status, 201);
    let id = sent["id"].as_i64().unwrap();
    let path = format!("/api/v1/reports/{id}");
    // (who, GET status, view, may acknowledge)
    let cases: Vec<(&str, &Who, u16, Option<&str>, u16)> = vec![
        ("author", &author, 200, Some("author"), 403),
        ("another reporter", &other_reporter, 404, None, 403),
        (
            "technical PoC of the State",
            &pak_tech,
            200,
            Some("state"),
            200,
        ),
        (
            "diplomatic PoC of the State",
            &pak_dip,
            200,
            Some("state_metadata"),
            403,
        ),
        ("technical PoC of another State", &fra_tech, 404, None, 404),
        ("diplomatic PoC of another State", &fra_dip, 404, None, 404),
        ("nominator of the State", &pak_nominator, 403, None, 403),
        ("auditor", &auditor, 403, None, 403),
        ("secretariat", &secretariat, 200, Some("metadata"), 403),
    ];
    for (what, w, get, view, ack) in cases {
        let (status, body) = api.get(w, &path).await;
        assert_eq!(status, get, "{what}: {body}");
        if let Some(view) = view {
            assert_eq!(body["view"], view, "{what}");
        }
        let (_, list) = api.get(w, "/api/v1/reports").await;
        let listed = list["reports"]
            .as_array()
            .map(|l| l.iter().any(|r| r["id"] == id))
            .unwrap_or(false);
        assert_eq!(listed, view.is_some(), "{what} lists it: {list}");
        let (status, body) = api.post(w, &format!("{path}/acknowledge"), json!({})).await;
        assert_eq!(status, ack, "{what} acknowledges: {body}");
    }
    // Nobody signed in.
    let r = reqwest::Client::new()
        .get(server.url(&path))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

/// `t` as the form's local time in UTC (minutes).
fn utc_local(t: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[tokio::test]
async fn states_are_reminded_before_the_embargo_ends_and_escalated_once() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA"]).await;
    let api = Api::new(&server);
    let pak = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let _fra = who(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let fra_dip = who(&server, AccountKind::DiplomaticPoc, Some("FRA")).await;
    let (reporter, _) = approved_reporter(&server, "Northwind").await;
    let settings = pocdir_communications::Settings {
        deadlines: Default::default(),
        base_url: server.url(""),
    };
    let rounds = || async {
        pocdir_jobs::reports::report_rounds_once(server.store.as_ref(), &server.clock, &settings)
            .await
            .unwrap()
    };
    let t0 = server.clock.now();
    let mut r = report(&["PAK", "FRA"], "e");
    r["embargo_local"] = json!(utc_local(t0 + time::Duration::hours(60)));
    r["embargo_zone"] = json!("UTC");
    let (status, sent) = api
        .post(&reporter, "/api/v1/reports", json!({"report": r}))
        .await;
    assert_eq!(status, 201, "{sent}");
    let id = sent["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &pak,
            &format!("/api/v1/reports/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(rounds().await, (0, 0), "60 h before the end: nothing yet");

    server.clock.advance(time::Duration::hours(13));
    assert_eq!(rounds().await, (2, 0), "47 h before: both States reminded");
    assert_eq!(rounds().await, (0, 0), "once");
    let (status, _) = api
        .post(
            &pak,
            &format!("/api/v1/reports/{id}/status"),
            json!({"status": "not_affected"}),
        )
        .await;
    assert_eq!(status, 200);

    // Past the acknowledgement deadline: France acknowledged nothing.
    server.clock.advance(time::Duration::hours(12));
    assert_eq!(rounds().await, (0, 1));
    assert_eq!(rounds().await, (0, 0));
    let (status, dip) = api.get(&fra_dip, &format!("/api/v1/reports/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        dip["view"], "state",
        "the alerted diplomatic PoC now reads it"
    );
    assert!(state_of(&dip, "FRA")["escalated_at"].is_string());

    // An extension arms the reminder again, for States not settled only.
    let (status, body) = api
        .post(
            &reporter,
            &format!("/api/v1/reports/{id}/embargo"),
            json!({"local": utc_local(t0 + time::Duration::hours(80)), "zone": "UTC", "reason": "Patch slips"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    server.clock.advance(time::Duration::hours(8));
    assert_eq!(
        rounds().await,
        (1, 0),
        "France only; Pakistan is not affected"
    );

    let actions = log_actions(&server).await;
    assert_eq!(actions.iter().filter(|a| *a == "report.remind").count(), 3);
    assert_eq!(
        actions.iter().filter(|a| *a == "report.escalate").count(),
        1
    );
}
