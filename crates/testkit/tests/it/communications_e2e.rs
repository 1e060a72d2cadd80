//! End-to-end messages as the server sees them: it stores and relays an
//! OpenPGP message to every reader's key (the recipients' and the
//! sender's), and refuses, naming what failed, a ciphertext one reader
//! cannot open, something that is not an encrypted message, content in
//! clear beside it, a label that does not take it, a file in clear or
//! sealed short of a reader, and a recipient whose key on file has
//! expired; the same through the JSON API. Whichever backend
//! `POCDIR_TEST_BACKEND` names.

#[path = "../shared/openpgp_keys.rs"]
mod keys;

use crate::pocs::{draft, Api};
use base64::Engine as _;
use keys::{encrypt_to, key_pair, literal, seal_to};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_testkit::{TestAccount, TestServer, WebClient};

const SECRET: &str = "the secret words of the incident";
const SECRET_FILE: &[u8] = b"203.0.113.66,the attacker's staging server\n";
/// Made with GnuPG; expires 2028-11-25 (see its README).
const EXPIRING: &str = include_str!("../../../domain/tests/fixtures/openpgp/rsa3072.asc");

/// An active entry of the account's State with `key`, linked to it.
async fn entry(server: &TestServer, account: &TestAccount, name: &str, key: &str) {
    let api = Api::new(server);
    let code = account.participant.as_deref().unwrap();
    let nominator = server.account(AccountKind::Nominator, Some(code)).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let mut body = draft("technical", name, "Europe/Paris");
    body["openpgp_key"] = key.into();
    let id = api.active(&nominator, &secretariat, code, body).await;
    let now = server.clock.now();
    server
        .store
        .link_poc_account(
            id,
            account.id,
            now,
            LogDraft::new(
                now,
                LogActor::console(),
                LogAction::AccountPocLink,
                String::new(),
            ),
        )
        .await
        .unwrap();
}

/// The new-communication form posted: the status and the page (or where
/// it went).
async fn post(
    web: &WebClient,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> (u16, String) {
    let r = web
        .post_multipart("/communications/new", fields, files)
        .await;
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = r.text().await.unwrap();
    (status, if status == 303 { location } else { body })
}

async fn send(
    web: &WebClient,
    to: i64,
    tlp: &str,
    ciphertext: &str,
    extra: &[(&str, &str)],
) -> (u16, String) {
    let to = to.to_string();
    let mut fields = vec![
        ("kind", "incident_notification"),
        ("urgency", "urgent"),
        ("tlp", tlp),
        ("address", "named"),
        ("accounts", to.as_str()),
        ("text_language", "en"),
        ("e2e", "1"),
        ("ciphertext", ciphertext),
    ];
    fields.extend_from_slice(extra);
    post(web, &fields, &[]).await
}

/// A RED message to `to` with `files`.
async fn send_with_files(
    web: &WebClient,
    to: i64,
    ciphertext: &str,
    files: &[(&str, &str, &[u8])],
) -> (u16, String) {
    let to = to.to_string();
    let fields = [
        ("kind", "general"),
        ("urgency", "routine"),
        ("tlp", "RED"),
        ("address", "named"),
        ("accounts", to.as_str()),
        ("text_language", "en"),
        ("e2e", "1"),
        ("ciphertext", ciphertext),
    ];
    post(web, &fields, files).await
}

/// A label, a ciphertext, fields beside it, and what the refusal must say.
type Refusal<'a> = (&'a str, String, Vec<(&'a str, &'a str)>, String);

/// One character of the first line of the armored data changed: the
/// session key's packet (whom it is for) or the armor's checksum breaks.
fn tampered(armored: &str) -> String {
    let mut lines: Vec<String> = armored.lines().map(str::to_string).collect();
    let first = lines.iter().position(|l| l.is_empty()).unwrap() + 1;
    let line = &mut lines[first];
    let c = if line.as_bytes()[10] == b'A' {
        "B"
    } else {
        "A"
    };
    line.replace_range(10..11, c);
    lines.join("\n")
}

#[tokio::test]
async fn the_server_keeps_only_ciphertext_to_every_reader_and_names_each_refusal() {
    let server = TestServer::start().await;
    let sender = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let reader = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let late = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let (_, sender_key) = key_pair(11, "CERT-FR <cert@fra.example>").unwrap();
    let (_, reader_key) = key_pair(12, "PK-CERT <cert@pak.example>").unwrap();
    entry(&server, &sender, "Lea Fontaine", &sender_key).await;
    entry(&server, &reader, "Ayesha Malik", &reader_key).await;
    entry(&server, &late, "Bilal Khan", EXPIRING).await;
    let reader_name = server.store.poc_accounts(&[reader.id]).await.unwrap()[0]
        .name
        .clone();
    let late_name = server.store.poc_accounts(&[late.id]).await.unwrap()[0]
        .name
        .clone();
    let sender_name = server.store.poc_accounts(&[sender.id]).await.unwrap()[0]
        .name
        .clone();
    let web = server.signed_in(&sender).await;
    let good = encrypt_to(&[&sender_key, &reader_key], SECRET.as_bytes()).unwrap();

    // The form offers it, and its script.
    let form = web.get("/communications/new").await.text().await.unwrap();
    assert!(form.contains("id=\"e2e-on\""), "{form}");
    assert!(form.contains("src=\"/static/e2e.js\""));

    // Refusals, each naming what failed; nothing stored.
    let cases: Vec<Refusal> = vec![
        (
            "RED",
            encrypt_to(&[&sender_key], SECRET.as_bytes()).unwrap(),
            vec![],
            format!("not encrypted to the key on file of: {reader_name}"),
        ),
        (
            "RED",
            encrypt_to(&[&reader_key], SECRET.as_bytes()).unwrap(),
            vec![],
            format!("not encrypted to the key on file of: {sender_name}"),
        ),
        (
            "RED",
            literal(SECRET.as_bytes()).unwrap(),
            vec![],
            "holds something besides encrypted data".into(),
        ),
        (
            "RED",
            "hello, in clear".into(),
            vec![],
            "not an ASCII-armored OpenPGP message".into(),
        ),
        ("RED", tampered(&good), vec![], "Not sent".into()),
        (
            "RED",
            String::new(),
            vec![],
            "there is no ciphertext".into(),
        ),
        (
            "RED",
            good.clone(),
            vec![("subject", "a subject in clear")],
            "were filled in beside the ciphertext".into(),
        ),
        (
            "GREEN",
            good.clone(),
            vec![],
            "Only TLP:RED and TLP:AMBER+STRICT".into(),
        ),
    ];
    for (tlp, ciphertext, extra, want) in &cases {
        let (status, body) = send(&web, reader.id, tlp, ciphertext, extra).await;
        assert_eq!(status, 422, "{want}: {body}");
        assert!(body.contains(want.as_str()), "{want} not in the page");
        assert!(!body.contains(SECRET));
    }
    // Files: in clear, or sealed short of a reader, refused by position.
    let sealed = seal_to(&[&sender_key, &reader_key], "iocs.csv", SECRET_FILE).unwrap();
    let short = seal_to(&[&sender_key], "iocs.csv", SECRET_FILE).unwrap();
    let files: [(&[u8], String); 2] = [
        (SECRET_FILE, "file 2 is not an OpenPGP message".into()),
        (
            short.as_slice(),
            format!("file 2 is not encrypted to the key on file of: {reader_name}"),
        ),
    ];
    for (second, want) in &files {
        let body = send_with_files(
            &web,
            reader.id,
            &good,
            &[
                ("attachments", "a.pgp", &sealed),
                ("attachments", "b.pgp", second),
            ],
        )
        .await;
        assert_eq!(body.0, 422, "{want}: {}", body.1);
        assert!(body.1.contains(want.as_str()), "{want} not in the page");
    }
    assert_eq!(server.logged("communication.send").await, 0);

    // The good one: kept as sent, flagged, its file under a name that
    // tells nothing; the mail a link only.
    let (status, location) = send_with_files(
        &web,
        reader.id,
        &good,
        &[("attachments", "Staging server IOCs.pgp", &sealed)],
    )
    .await;
    assert_eq!(status, 303, "{location}");
    let id: i64 = location
        .strip_prefix("/communications/")
        .and_then(|r| r.split('?').next())
        .and_then(|i| i.parse().ok())
        .unwrap();
    let record = server.store.communication(id).await.unwrap().unwrap();
    assert!(record.meta.e2e);
    let content = server.store.communication_content(id).await.unwrap();
    assert_eq!(content.text, good.trim());
    assert!(content.subject.is_empty());
    let api = reqwest::Client::new()
        .get(server.url(&format!("/api/v1/communications/{id}")))
        .bearer_auth(server.token(&reader, "read").await)
        .send()
        .await
        .unwrap();
    let api: serde_json::Value = api.json().await.unwrap();
    assert_eq!(api["e2e"], true);
    assert_eq!(api["content"]["text"], good.trim());
    assert_eq!(api["attachments"][0]["name"], "file-1.pgp");
    assert_eq!(api["attachments"][0]["file_type"], "openpgp");
    let file_id = api["attachments"][0]["id"].as_i64().unwrap();
    let reader_web = server.signed_in(&reader).await;
    let download = reader_web
        .get(&format!("/communications/{id}/ciphertext"))
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.text().await.unwrap(), good.trim());
    let file = reader_web
        .get(&format!("/communications/{id}/attachments/{file_id}"))
        .await;
    assert_eq!(file.status(), 200);
    assert_eq!(
        file.headers()["content-type"].to_str().unwrap(),
        "application/octet-stream"
    );
    assert_eq!(file.bytes().await.unwrap().as_ref(), sealed.as_slice());
    let thread = reader_web
        .get(&format!("/communications/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(thread.contains("class=\"e2e-file\""), "{thread}");
    assert!(!thread.contains("Staging server"));
    // Nobody else gets it: the secretariat (metadata only), a PoC of the
    // reader's State not named (RED), a PoC of the sender's State.
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let fra_other = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    for other in [&secretariat, &late, &fra_other] {
        let r = server
            .signed_in(other)
            .await
            .get(&format!("/communications/{id}/ciphertext"))
            .await;
        assert_eq!(r.status(), 404, "{:?}", other.kind);
    }
    assert_eq!(server.logged("communication.send").await, 1);

    // The reader answers end to end: to the sender's key and its own.
    let answer = |ciphertext: String| {
        let reader_web = &reader_web;
        async move {
            let r = reader_web
                .post_multipart(
                    &format!("/communications/{id}/reply"),
                    &[
                        ("kind", "response"),
                        ("urgency", "urgent"),
                        ("tlp", "RED"),
                        ("text_language", "en"),
                        ("e2e", "1"),
                        ("ciphertext", &ciphertext),
                    ],
                    &[],
                )
                .await;
            let status = r.status().as_u16();
            (status, r.text().await.unwrap())
        }
    };
    let (status, body) = answer(encrypt_to(&[&reader_key], SECRET.as_bytes()).unwrap()).await;
    assert_eq!(status, 422);
    assert!(
        body.contains(&format!(
            "not encrypted to the key on file of: {sender_name}"
        )),
        "{body}"
    );
    let (status, _) = answer(encrypt_to(&[&reader_key, &sender_key], b"answered").unwrap()).await;
    assert_eq!(status, 303);
    assert_eq!(server.logged("communication.send").await, 2);

    // Two years on, the late PoC's key has expired: named, with why.
    server.clock.advance(time::Duration::days(2 * 366));
    let web = server.signed_in(&sender).await;
    let form = web.get("/communications/new").await.text().await.unwrap();
    assert!(form.contains("id=\"comm-e2e-unreachable\""));
    assert!(form.contains("the OpenPGP key on file has expired"));
    let (status, body) = send(&web, late.id, "RED", &good, &[]).await;
    assert_eq!(status, 422);
    assert!(
        body.contains(&format!(
            "{late_name} (the OpenPGP key on file has expired)"
        )),
        "{body}"
    );
}

#[tokio::test]
async fn the_api_sends_and_answers_end_to_end_under_the_same_checks() {
    let server = TestServer::start().await;
    let sender = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let reader = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let (_, sender_key) = key_pair(21, "CERT-FR <cert@fra.example>").unwrap();
    let (_, reader_key) = key_pair(22, "PK-CERT <cert@pak.example>").unwrap();
    entry(&server, &sender, "Lea Fontaine", &sender_key).await;
    entry(&server, &reader, "Ayesha Malik", &reader_key).await;
    let reader_name = server.store.poc_accounts(&[reader.id]).await.unwrap()[0]
        .name
        .clone();
    let good = encrypt_to(&[&sender_key, &reader_key], SECRET.as_bytes()).unwrap();
    let sealed = seal_to(&[&sender_key, &reader_key], "iocs.csv", SECRET_FILE).unwrap();
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let http = reqwest::Client::new();
    let token = server.token(&sender, "write").await;
    let send = |body: serde_json::Value| {
        let http = http.clone();
        let url = server.url("/api/v1/communications");
        let token = token.clone();
        async move {
            let r = http
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            (status, r.json::<serde_json::Value>().await.unwrap())
        }
    };
    let body = |tlp: &str, subject: &str, ciphertext: &str, files: Vec<serde_json::Value>| {
        serde_json::json!({
            "template": {
                "kind": "incident_notification",
                "urgency": "urgent",
                "tlp": tlp,
                "subject": subject,
                "text_language": "en",
            },
            "to": { "pocs": [reader.id] },
            "attachments": files,
            "ciphertext": ciphertext,
        })
    };
    let file = |bytes: &[u8]| serde_json::json!({"name": "x.pgp", "content_base64": b64(bytes)});

    // Refused, each named: content in clear, a label, a reader left out,
    // a file in clear.
    let refusals = [
        (
            body("RED", "in clear", &good, vec![]),
            "filled in beside the ciphertext".to_string(),
        ),
        (
            body("GREEN", "", &good, vec![]),
            "Only TLP:RED and TLP:AMBER+STRICT".to_string(),
        ),
        (
            body(
                "RED",
                "",
                &encrypt_to(&[&sender_key], SECRET.as_bytes()).unwrap(),
                vec![],
            ),
            format!("not encrypted to the key on file of: {reader_name}"),
        ),
        (
            body("RED", "", &good, vec![file(SECRET_FILE)]),
            "file 1 is not an OpenPGP message".to_string(),
        ),
    ];
    for (request, want) in refusals {
        let (status, error) = send(request).await;
        assert_eq!(status, 422, "{want}: {error}");
        assert_eq!(error["error"]["code"], "e2e_refused", "{error}");
        assert!(
            error["error"]["message"].as_str().unwrap().contains(&want),
            "{want}: {error}"
        );
    }
    assert_eq!(server.logged("communication.send").await, 0);

    let (status, sent) = send(body("RED", "", &good, vec![file(&sealed)])).await;
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["e2e"], true);
    assert_eq!(sent["content"]["text"], good.trim());
    assert_eq!(sent["attachments"][0]["name"], "file-1.pgp");
    assert_eq!(sent["attachments"][0]["file_type"], "openpgp");
    let id = sent["id"].as_i64().unwrap();

    // The reader answers through the API, end to end.
    let answer = encrypt_to(&[&reader_key, &sender_key], b"received").unwrap();
    let r = http
        .post(server.url(&format!("/api/v1/communications/{id}/reply")))
        .bearer_auth(server.token(&reader, "write").await)
        .json(&serde_json::json!({
            "template": {
                "kind": "response",
                "urgency": "urgent",
                "tlp": "RED",
                "text_language": "en",
            },
            "ciphertext": answer,
        }))
        .send()
        .await
        .unwrap();
    let status = r.status();
    let reply: serde_json::Value = r.json().await.unwrap();
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply["e2e"], true);
    assert_eq!(server.logged("communication.send").await, 2);
}

/// The `poc.read` entries logged through `path` (their content is kept
/// as its hash: `{path, version}`), as (participant, object).
async fn reads_through(server: &TestServer, path: &str) -> Vec<(String, String)> {
    let filter = pocdir_store::LogFilter {
        action: Some("poc.read".into()),
        ..Default::default()
    };
    let hashes: Vec<String> = (1..20)
        .map(|version| {
            pocdir_domain::log::entry::content_hash(
                &serde_json::json!({"path": path, "version": version}),
            )
        })
        .collect();
    server
        .store
        .search_log(&filter, None, 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| hashes.contains(&e.content_hash))
        .map(|e| (e.participant.unwrap_or_default(), e.object))
        .collect()
}

#[tokio::test]
async fn keys_are_handed_out_for_the_chosen_recipients_only_and_each_is_a_logged_read() {
    let server = TestServer::start().await;
    let sender = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let colleague = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let reader = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let keyless = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let (_, sender_key) = key_pair(31, "CERT-FR <cert@fra.example>").unwrap();
    let (_, colleague_key) = key_pair(32, "CERT-FR 2 <cert2@fra.example>").unwrap();
    let (_, reader_key) = key_pair(33, "PK-CERT <cert@pak.example>").unwrap();
    entry(&server, &sender, "Lea Fontaine", &sender_key).await;
    entry(&server, &colleague, "Paul Martin", &colleague_key).await;
    entry(&server, &reader, "Ayesha Malik", &reader_key).await;
    entry(&server, &keyless, "Bilal Khan", "").await;

    // The compose page lists everyone but hands out nobody's key.
    let web = server.signed_in(&sender).await;
    let page = web.get("/communications/new").await.text().await.unwrap();
    assert!(page.contains(&format!("id=\"account-{}\"", reader.id)));
    // Only the sender's own key is on it.
    assert_eq!(page.matches("BEGIN PGP PUBLIC KEY").count(), 1, "{page}");
    for key in [&reader_key, &colleague_key] {
        let line = key.lines().find(|l| l.len() > 40).unwrap();
        assert!(!page.contains(line), "{page}");
    }
    assert!(page.contains("data-has-key=\"true\""));
    assert!(page.contains("data-has-key=\"false\""));
    assert!(reads_through(&server, "e2e-key").await.is_empty());
    assert_eq!(server.logged("poc.read").await, 0, "the form reads nobody");

    // Asked for at send time: the chosen ones, each key a read of its
    // entry when it is another State's (a colleague's is not logged).
    let keys = web
        .get(&format!(
            "/api/v1/communications/keys?accounts={},{}",
            reader.id, colleague.id
        ))
        .await;
    assert_eq!(keys.status(), 200);
    let keys: serde_json::Value = keys.json().await.unwrap();
    let handed: Vec<(i64, String)> = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["account"].as_i64().unwrap(),
                k["key"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(handed.len(), 2, "{keys}");
    assert!(
        handed
            .iter()
            .any(|(a, k)| *a == reader.id && k.contains("BEGIN PGP PUBLIC KEY")),
        "{keys}"
    );
    assert!(handed.iter().any(|(a, _)| *a == colleague.id), "{keys}");
    let reads = reads_through(&server, "e2e-key").await;
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0].0, "PAK");
    assert!(reads[0].1.starts_with("poc:"));

    // Refused, named: a recipient without a key; nothing handed out, no read.
    let r = web
        .get(&format!(
            "/api/v1/communications/keys?accounts={},{}",
            reader.id, keyless.id
        ))
        .await;
    assert_eq!(r.status(), 422);
    let error: serde_json::Value = r.json().await.unwrap();
    assert_eq!(error["error"]["code"], "e2e_refused", "{error}");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&server.store.poc_accounts(&[keyless.id]).await.unwrap()[0].name),
        "{error}"
    );
    assert_eq!(reads_through(&server, "e2e-key").await.len(), 1);

    // Whole States (AMBER+STRICT may go to them): every PoC of the roles
    // chosen; one without a key refuses the lot. Own State: no read logged.
    let r = web
        .get("/api/v1/communications/keys?states=PAK&roles=technical")
        .await;
    assert_eq!(r.status(), 422);
    let r = web.get("/api/v1/communications/keys?states=fra").await;
    assert_eq!(r.status(), 200);
    let own: serde_json::Value = r.json().await.unwrap();
    assert_eq!(own["keys"].as_array().unwrap().len(), 2, "{own}");
    assert_eq!(reads_through(&server, "e2e-key").await.len(), 1);
    // ... and a message to a whole State is checked against those keys.
    let http = reqwest::Client::new();
    let to_fra = |ciphertext: String| {
        serde_json::json!({
            "template": {
                "kind": "general",
                "urgency": "routine",
                "tlp": "AMBER+STRICT",
                "text_language": "en",
            },
            "to": { "states": ["FRA"], "roles": "technical" },
            "ciphertext": ciphertext,
        })
    };
    let token = server.token(&sender, "write").await;
    for (ciphertext, status) in [
        (encrypt_to(&[&sender_key], SECRET.as_bytes()).unwrap(), 422),
        (
            encrypt_to(&[&sender_key, &colleague_key], SECRET.as_bytes()).unwrap(),
            201,
        ),
    ] {
        let r = http
            .post(server.url("/api/v1/communications"))
            .bearer_auth(&token)
            .json(&to_fra(ciphertext))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), status, "{}", r.text().await.unwrap());
    }

    // Bad lists, unknown accounts, and who may not send.
    for bad in [
        "accounts=",
        "accounts=x",
        "accounts=1,,y",
        &format!("accounts={}", "1,".repeat(201)),
        &format!("accounts={}&states=FRA", reader.id),
        &format!("accounts={}&roles=technical", reader.id),
    ] {
        let r = web.get(&format!("/api/v1/communications/keys?{bad}")).await;
        assert_eq!(r.status(), 422, "{bad}");
        let error: serde_json::Value = r.json().await.unwrap();
        assert_eq!(error["error"]["fields"][0]["field"], "accounts", "{error}");
    }
    let r = web
        .get(&format!(
            "/api/v1/communications/keys?accounts={}",
            secretariat.id
        ))
        .await;
    assert_eq!(r.status(), 422, "an account that is not a PoC");
    let r = server
        .signed_in(&secretariat)
        .await
        .get(&format!(
            "/api/v1/communications/keys?accounts={}",
            reader.id
        ))
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(reads_through(&server, "e2e-key").await.len(), 1);
}
