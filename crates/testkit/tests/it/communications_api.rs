//! Communications through the JSON API of the real server: a PoC sends,
//! another reads, acknowledges, replies and downloads; the secretariat sees
//! the metadata only; and every bad input gets a clear error with the right
//! status and leaves nothing half-sent (no communication, recipient, mail
//! or log entry). The request parsers have their property test here.

use base64::Engine as _;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::participant::ParticipationStatus;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_store::{LogFilter, Mailbox};
use pocdir_testkit::{TestAccount, TestServer};
use pocdir_web::communications::api::{parse_files, parse_to, FileBody, ToBody};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A PoC (or another account) and its API token.
pub struct Who {
    pub account: TestAccount,
    pub token: String,
}

/// Makes `codes` take part in the directory (as a verified PoC would).
pub async fn participating(server: &TestServer, codes: &[&str]) {
    for code in codes {
        let changed = server
            .store
            .change_participant_status(
                code,
                ParticipationStatus::NotParticipating,
                ParticipationStatus::Participating,
                server.clock.now(),
                LogDraft::new(
                    server.clock.now(),
                    LogActor::console(),
                    LogAction::ParticipantStatus,
                    String::new(),
                ),
            )
            .await
            .unwrap();
        assert!(changed, "{code} takes part");
    }
}

pub async fn who(server: &TestServer, kind: AccountKind, state: Option<&str>) -> Who {
    let account = server.account(kind, state).await;
    let token = server.token(&account, "write").await;
    Who { account, token }
}

/// The API with a bearer token.
pub struct Api {
    base: String,
    http: reqwest::Client,
}

impl Api {
    pub fn new(server: &TestServer) -> Api {
        Api {
            base: server.url.clone(),
            http: reqwest::Client::new(),
        }
    }

    pub async fn get_raw(&self, who: &Who, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .bearer_auth(&who.token)
            .send()
            .await
            .unwrap()
    }

    /// Status and the body as text.
    pub async fn get_text(&self, who: &Who, path: &str) -> (u16, String) {
        let r = self.get_raw(who, path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }

    pub async fn get(&self, who: &Who, path: &str) -> (u16, Value) {
        let (status, text) = self.get_text(who, path).await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn post(&self, who: &Who, path: &str, body: Value) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&who.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

/// A template with `marker` in every sealed field.
pub fn template(tlp: Option<&str>, marker: &str) -> Value {
    let mut t = json!({
        "kind": "incident_notification",
        "urgency": "urgent",
        "subject": format!("Wiper at the grid operator {marker}-subject"),
        "started_local": "2026-11-30T06:10",
        "started_zone": "Asia/Karachi",
        "sectors": ["energy"],
        "impact": format!("SCADA down {marker}-impact"),
        "requested_action": format!("Block 203.0.113.7 {marker}-action"),
        "text": format!("We see the same loader {marker}-text"),
        "text_language": "en",
    });
    if let Some(tlp) = tlp {
        t["tlp"] = json!(tlp);
    }
    t
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A text file whose content is `marker`.
pub fn text_file(marker: &str) -> Value {
    json!({"name": "indicators.txt", "content_base64": b64(format!("{marker}-file\n").as_bytes())})
}

/// What a refused request must not have left behind.
#[derive(Debug, PartialEq, Eq)]
struct Traces {
    communications: usize,
    mails: usize,
    log: usize,
}

async fn traces(server: &TestServer) -> Traces {
    Traces {
        communications: server
            .store
            .inbox(&Mailbox::All, &Default::default(), 10_000)
            .await
            .unwrap()
            .len(),
        mails: server.store.mails(None, 100_000).await.unwrap().len(),
        log: server
            .store
            .search_log(&LogFilter::default(), None, 1_000_000)
            .await
            .unwrap()
            .len(),
    }
}

async fn refusals(server: &TestServer) -> usize {
    let filter = LogFilter {
        action: Some("communication.refuse".into()),
        ..Default::default()
    };
    server
        .store
        .search_log(&filter, None, 1_000_000)
        .await
        .unwrap()
        .len()
}

fn field_problems(body: &Value) -> Vec<(String, String)> {
    body["error"]["fields"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_poc_sends_and_another_reads_acknowledges_replies_and_downloads() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA"]).await;
    let api = Api::new(&server);
    let pak = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let fra = who(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let fra_dip = who(&server, AccountKind::DiplomaticPoc, Some("FRA")).await;
    let secretariat = who(&server, AccountKind::Secretariat, None).await;

    let (status, sent) = api
        .post(
            &pak,
            "/api/v1/communications",
            json!({
                "template": template(Some("AMBER"), "m1"),
                "to": {"states": ["fra"], "roles": "technical"},
                "attachments": [text_file("m1")],
            }),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    let id = sent["id"].as_i64().unwrap();
    assert_eq!(sent["tlp"], "TLP:AMBER");
    assert_eq!(sent["sight"], "content");
    assert_eq!(
        sent["content"]["subject"],
        "Wiper at the grid operator m1-subject"
    );
    let recipients: Vec<i64> = sent["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["account_id"].as_i64().unwrap())
        .collect();
    assert_eq!(recipients, vec![fra.account.id], "technical PoCs only");
    let attachment = sent["attachments"][0]["id"].as_i64().unwrap();

    // The recipient: unread, listed, opened (now read), acknowledged once.
    let (_, unread) = api.get(&fra, "/api/v1/communications/unread").await;
    assert_eq!(unread["unread"], 1);
    let (status, inbox) = api.get(&fra, "/api/v1/communications?unread=true").await;
    assert_eq!(status, 200);
    assert_eq!(inbox["items"][0]["id"], id);
    assert_eq!(inbox["items"][0]["mine"]["status"], "delivered");
    assert!(
        inbox["items"][0].get("content").is_none(),
        "lists carry no content"
    );
    let (status, opened) = api.get(&fra, &format!("/api/v1/communications/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(opened["content"]["text"], "We see the same loader m1-text");
    assert_eq!(opened["mine"]["status"], "read");
    let (_, unread) = api.get(&fra, "/api/v1/communications/unread").await;
    assert_eq!(unread["unread"], 0);
    let (_, none) = api.get(&fra, "/api/v1/communications?unread=true").await;
    assert_eq!(none["items"], json!([]));
    let (status, receipts) = api
        .post(
            &fra,
            &format!("/api/v1/communications/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{receipts}");
    assert_eq!(receipts["status"], "acknowledged");

    // The file, typed by its content; the export with its label first.
    let r = api
        .get_raw(
            &fra,
            &format!("/api/v1/communications/{id}/attachments/{attachment}"),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/plain; charset=utf-8");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"indicators.txt\""));
    assert_eq!(r.text().await.unwrap(), "m1-file\n");
    let r = api
        .get_raw(&fra, &format!("/api/v1/communications/{id}/export"))
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("pocdir-communication-{id}-TLP-AMBER.json")));
    assert_eq!(r.headers()["tlp"], "TLP:AMBER");
    let text = r.text().await.unwrap();
    assert!(
        text.starts_with("{\"format\":\"pocdir-communication/1\""),
        "{text}"
    );
    let export: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(export["tlp"], "TLP:AMBER");
    assert_eq!(
        export["communication"]["content"]["impact"],
        "SCADA down m1-impact"
    );

    // A reply goes to the sender, in the thread.
    let (status, reply) = api
        .post(
            &fra,
            &format!("/api/v1/communications/{id}/reply"),
            json!({"template": template(Some("AMBER"), "r1")}),
        )
        .await;
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply["thread_id"], id);
    assert_eq!(reply["parent_id"], id);
    let (status, thread) = api
        .get(&pak, &format!("/api/v1/communications/{id}/thread"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(thread.as_array().unwrap().len(), 2);
    let (_, sent_box) = api.get(&pak, "/api/v1/communications?folder=sent").await;
    assert_eq!(sent_box["items"][0]["id"], id);
    assert_eq!(sent_box["items"][0]["acknowledged_count"], 1);

    // A diplomatic PoC of FRA was not addressed but its State was: it reads
    // (AMBER is for the PoCs of the States taking part) in the State's list.
    let (_, state_box) = api
        .get(&fra_dip, "/api/v1/communications?folder=state")
        .await;
    assert!(state_box["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == id));

    // Filters and paging.
    let (_, amber) = api
        .get(
            &pak,
            "/api/v1/communications?folder=state&tlp=AMBER&kind=incident_notification",
        )
        .await;
    assert_eq!(amber["items"].as_array().unwrap().len(), 2);
    let (_, strict) = api
        .get(
            &pak,
            "/api/v1/communications?folder=state&tlp=AMBER%2BSTRICT",
        )
        .await;
    assert_eq!(strict["items"], json!([]));
    let (_, page1) = api
        .get(&pak, "/api/v1/communications?folder=state&limit=1")
        .await;
    assert_eq!(page1["items"].as_array().unwrap().len(), 1);
    let next = page1["next_before"].as_i64().unwrap();
    let (_, page2) = api
        .get(
            &pak,
            &format!("/api/v1/communications?folder=state&limit=1&before={next}"),
        )
        .await;
    assert_eq!(page2["items"][0]["id"], id);
    for bad in [
        "limit=0",
        "limit=101",
        "tlp=PURPLE",
        "folder=mine",
        "kind=gossip",
    ] {
        let (status, body) = api
            .get(&pak, &format!("/api/v1/communications?{bad}"))
            .await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["error"]["code"], "bad_request");
    }

    // The secretariat: metadata, never content.
    let (status, meta) = api
        .get(&secretariat, &format!("/api/v1/communications/{id}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(meta["sight"], "metadata");
    assert_eq!(meta["content"], Value::Null);
    assert_eq!(meta["attachments"], json!([]));
    assert_eq!(meta["recipients"].as_array().unwrap().len(), 1);
    let (_, all) = api
        .get(&secretariat, "/api/v1/communications?folder=all")
        .await;
    assert!(all["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["sight"] == "metadata"));
    assert!(!all.to_string().contains("m1-"));
    let (status, _) = api
        .get(
            &secretariat,
            &format!("/api/v1/communications/{id}/attachments/{attachment}"),
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = api
        .get(&secretariat, &format!("/api/v1/communications/{id}/export"))
        .await;
    assert_eq!(status, 422);
    server.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_and_leaves_nothing_half_sent() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA", "GBR"]).await;
    let api = Api::new(&server);
    let pak = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let fra = who(&server, AccountKind::TechnicalPoc, Some("FRA")).await;
    let gbr = who(&server, AccountKind::TechnicalPoc, Some("GBR")).await;
    let deu = who(&server, AccountKind::TechnicalPoc, Some("DEU")).await;
    let secretariat = who(&server, AccountKind::Secretariat, None).await;

    let (status, sent) = api
        .post(
            &pak,
            "/api/v1/communications",
            json!({"template": template(Some("AMBER"), "ok"), "to": {"pocs": [fra.account.id]}}),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    let id = sent["id"].as_i64().unwrap();
    let (status, red) = api
        .post(
            &pak,
            "/api/v1/communications",
            json!({"template": template(Some("RED"), "red"), "to": {"pocs": [fra.account.id]}}),
        )
        .await;
    assert_eq!(status, 201, "{red}");
    let red_id = red["id"].as_i64().unwrap();

    let png = {
        let mut b = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
        b.extend([0u8; 32]);
        b
    };
    let big = "x".repeat(5 * 1024 * 1024 + 1);
    let fra_id = fra.account.id;
    // (what, body, status, code, field that must be named)
    let cases: Vec<(&str, Value, u16, &str, Option<&str>)> = vec![
        (
            "missing TLP",
            json!({"template": template(None, "bad"), "to": {"pocs": [fra_id]}}),
            422,
            "invalid_fields",
            Some("tlp"),
        ),
        (
            "unknown TLP",
            json!({"template": template(Some("PURPLE"), "bad"), "to": {"pocs": [fra_id]}}),
            422,
            "invalid_fields",
            Some("tlp"),
        ),
        (
            "unknown recipient",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id, 987_654]}}),
            422,
            "invalid_fields",
            Some("to"),
        ),
        (
            "unknown State",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"states": ["FRA", "QQQ"]}}),
            422,
            "invalid_fields",
            Some("to"),
        ),
        (
            "a State that does not take part",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"states": ["FRA", "DEU"]}}),
            422,
            "invalid_fields",
            Some("to"),
        ),
        (
            "a PoC of a State that does not take part",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id, deu.account.id]}}),
            422,
            "invalid_fields",
            Some("to"),
        ),
        (
            "RED to a whole State",
            json!({"template": template(Some("RED"), "bad"), "to": {"states": ["FRA"]}}),
            422,
            "tlp_refused",
            None,
        ),
        (
            "both States and PoCs",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"states": ["FRA"], "pocs": [fra_id]}}),
            422,
            "invalid_fields",
            Some("to"),
        ),
        (
            "nobody",
            json!({"template": template(Some("GREEN"), "bad"), "to": {}}),
            422,
            "invalid_fields",
            Some("to"),
        ),
        (
            "oversized file",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]},
                   "attachments": [{"name": "big.txt", "content_base64": b64(big.as_bytes())}]}),
            422,
            "invalid_fields",
            Some("attachments"),
        ),
        (
            "a PNG named as a PDF",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]},
                   "attachments": [{"name": "report.pdf", "content_base64": b64(&png)}]}),
            422,
            "invalid_fields",
            Some("attachments"),
        ),
        (
            "a type not allowed (an executable)",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]},
                   "attachments": [{"name": "tool.txt", "content_base64": b64(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00PE\0\0")}]}),
            422,
            "invalid_fields",
            Some("attachments"),
        ),
        (
            "not base64",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]},
                   "attachments": [{"name": "a.txt", "content_base64": "%%%"}]}),
            422,
            "invalid_fields",
            Some("attachments[0]"),
        ),
        (
            "an unknown field",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]}, "attribution": "XYZ"}),
            400,
            "malformed_json",
            None,
        ),
    ];
    for (what, body, status, code, field) in cases {
        let before = traces(&server).await;
        let (got, answer) = api.post(&pak, "/api/v1/communications", body).await;
        assert_eq!(got, status, "{what}: {answer}");
        assert_eq!(answer["error"]["code"], code, "{what}: {answer}");
        assert!(
            !answer["error"]["message"].as_str().unwrap().is_empty(),
            "{what}"
        );
        if let Some(field) = field {
            let problems = field_problems(&answer);
            assert!(
                problems.iter().any(|(f, m)| f == field && !m.is_empty()),
                "{what}: {problems:?}"
            );
        }
        assert_eq!(traces(&server).await, before, "{what}: something was left");
    }
    // The missing label is named as such.
    let (_, answer) = api
        .post(
            &pak,
            "/api/v1/communications",
            json!({"template": template(None, "bad"), "to": {"pocs": [fra_id]}}),
        )
        .await;
    assert!(answer.to_string().contains("TLP label"), "{answer}");

    // Too large for the route at all.
    let huge = "x".repeat(11 * 1024 * 1024);
    let before = traces(&server).await;
    let (status, answer) = api
        .post(
            &pak,
            "/api/v1/communications",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]},
                   "attachments": [{"name": "huge.txt", "content_base64": b64(huge.as_bytes())}]}),
        )
        .await;
    assert_eq!(status, 413, "{answer}");
    assert_eq!(traces(&server).await, before);

    // Only PoCs of a participating State send; the secretariat not at all.
    let (status, answer) = api
        .post(
            &deu,
            "/api/v1/communications",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]}}),
        )
        .await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (403, Some("may_not_send"))
    );
    let (status, _) = api
        .post(
            &secretariat,
            "/api/v1/communications",
            json!({"template": template(Some("GREEN"), "bad"), "to": {"pocs": [fra_id]}}),
        )
        .await;
    assert_eq!(status, 403);

    // A reply to a thread one cannot read: the same 404 as no thread at all.
    let before = traces(&server).await;
    let reply = json!({"template": template(Some("AMBER"), "nosy")});
    let (status, hidden) = api
        .post(
            &gbr,
            &format!("/api/v1/communications/{id}/reply"),
            reply.clone(),
        )
        .await;
    assert_eq!(status, 404);
    let (status, missing) = api
        .post(&gbr, "/api/v1/communications/987654/reply", reply)
        .await;
    assert_eq!(status, 404);
    assert_eq!(hidden, missing, "no hint that it exists");
    for path in ["", "/thread", "/export", "/attachments/1"] {
        let (status, body) = api
            .get(&gbr, &format!("/api/v1/communications/{id}{path}"))
            .await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body, missing, "{path}");
    }
    assert_eq!(traces(&server).await, before);

    // Forwards that break the label: refused with the reason, logged, and
    // nothing else left.
    let forwards = [
        (
            "outside the forwarder's State",
            id,
            json!({"tlp": "AMBER", "to": {"pocs": [gbr.account.id]}}),
            "own State",
        ),
        (
            "a looser label",
            id,
            json!({"tlp": "GREEN", "to": {"pocs": [pak.account.id]}}),
            "loosen",
        ),
        (
            "RED, ever",
            red_id,
            json!({"tlp": "RED", "to": {"pocs": [pak.account.id]}}),
            "never forwarded",
        ),
    ];
    for (what, from, body, says) in forwards {
        let before = traces(&server).await;
        let refused = refusals(&server).await;
        let (status, answer) = api
            .post(
                &fra,
                &format!("/api/v1/communications/{from}/forward"),
                body,
            )
            .await;
        assert_eq!(status, 422, "{what}: {answer}");
        assert_eq!(answer["error"]["code"], "tlp_refused", "{what}");
        assert!(
            answer["error"]["message"].as_str().unwrap().contains(says),
            "{what}: {answer}"
        );
        assert_eq!(refusals(&server).await, refused + 1, "{what}: logged");
        let after = traces(&server).await;
        assert_eq!(
            (after.communications, after.mails, after.log),
            (before.communications, before.mails, before.log + 1),
            "{what}: only the refusal is left"
        );
    }
    let (status, answer) = api
        .post(
            &fra,
            &format!("/api/v1/communications/{id}/forward"),
            json!({"to": {"pocs": [pak.account.id]}}),
        )
        .await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(field_problems(&answer)[0].0, "tlp");

    // Acknowledging twice; acknowledging what one sent.
    let ack = format!("/api/v1/communications/{id}/acknowledge");
    let (status, _) = api.post(&fra, &ack, json!({})).await;
    assert_eq!(status, 200);
    let before = traces(&server).await;
    let (status, answer) = api.post(&fra, &ack, json!({})).await;
    assert_eq!(status, 409);
    assert_eq!(answer["error"]["code"], "already_acknowledged");
    let (status, answer) = api.post(&pak, &ack, json!({})).await;
    assert_eq!(status, 409);
    assert_eq!(answer["error"]["code"], "not_a_recipient");
    assert_eq!(traces(&server).await, before);
    server.stop().await;
}

fn to_body() -> impl Strategy<Value = ToBody> {
    (
        proptest::option::of(proptest::collection::vec("[A-Za-z ]{0,4}", 0..4)),
        proptest::option::of(prop_oneof![
            Just(pocdir_domain::communication::delivery::RoleChoice::Both),
            Just(pocdir_domain::communication::delivery::RoleChoice::Technical),
            Just(pocdir_domain::communication::delivery::RoleChoice::Diplomatic),
        ]),
        proptest::option::of(proptest::collection::vec(any::<i64>(), 0..4)),
    )
        .prop_map(|(states, roles, pocs)| ToBody {
            states,
            roles,
            pocs,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// `to` names States or PoCs, never both, never neither; roles go
    /// with States only.
    #[test]
    fn recipients_are_states_or_pocs(to in to_body()) {
        let parsed = parse_to(&to);
        let expected_ok = match (&to.states, &to.pocs) {
            (Some(_), None) => true,
            (None, Some(_)) => to.roles.is_none(),
            _ => false,
        };
        prop_assert_eq!(parsed.is_ok(), expected_ok);
        if let Err(problems) = parsed {
            prop_assert!(problems.iter().all(|(f, _)| f == "to"));
        }
    }

    /// Files come back as their bytes whatever the padding and line
    /// breaks; anything else that is not base64 is named by its index.
    #[test]
    fn files_decode_or_say_which_one(
        contents in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 0..7),
        wrap in any::<bool>(),
        junk in proptest::option::of((0usize..7, "[^A-Za-z0-9+/=\\s]{1,3}")),
    ) {
        let mut files: Vec<FileBody> = contents
            .iter()
            .enumerate()
            .map(|(i, bytes)| {
                let mut encoded = b64(bytes);
                if wrap && encoded.len() > 8 {
                    encoded.insert(8, '\n');
                }
                FileBody { name: format!("f{i}.txt"), content_base64: encoded }
            })
            .collect();
        let mut broken = None;
        if let Some((at, junk)) = junk {
            if let Some(f) = files.get_mut(at) {
                f.content_base64.push_str(&junk);
                broken = Some(at);
            }
        }
        match parse_files(&files) {
            Ok(drafts) => {
                prop_assert!(files.len() <= 5 && broken.is_none());
                let bytes: Vec<Vec<u8>> = drafts.into_iter().map(|d| d.bytes).collect();
                prop_assert_eq!(bytes, contents);
            }
            Err(problems) => {
                if files.len() > 5 {
                    prop_assert_eq!(problems[0].0.as_str(), "attachments");
                } else {
                    let name = format!("attachments[{}]", broken.unwrap());
                    prop_assert!(problems.iter().any(|(f, _)| *f == name));
                }
            }
        }
    }
}
