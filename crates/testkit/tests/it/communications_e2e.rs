//! End-to-end messages as the server sees them: it stores and relays an
//! OpenPGP message to every reader's key (the recipients' and the
//! sender's), and refuses, naming what failed, a ciphertext one reader
//! cannot open, something that is not an encrypted message, content in
//! clear beside it, a label that does not take it, a file, and a recipient
//! whose key on file has expired. Whichever backend `POCDIR_TEST_BACKEND`
//! names.

#[path = "../shared/openpgp_keys.rs"]
mod keys;

use crate::pocs::{draft, Api};
use keys::{encrypt_to, key_pair, literal};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_testkit::{TestAccount, TestServer, WebClient};

const SECRET: &str = "the secret words of the incident";
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
    let r = web
        .post_multipart("/communications/new", &fields, &[])
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
    let r = web
        .post_multipart(
            "/communications/new",
            &[
                ("kind", "general"),
                ("urgency", "routine"),
                ("tlp", "RED"),
                ("address", "named"),
                ("accounts", &reader.id.to_string()),
                ("text_language", "en"),
                ("e2e", "1"),
                ("ciphertext", &good),
            ],
            &[("attachments", "notes.txt", b"in clear")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Files are not sent end to end yet"));
    assert_eq!(server.logged("communication.send").await, 0);

    // The good one: kept as sent, flagged, the mail a link only.
    let (status, location) = send(&web, reader.id, "RED", &good, &[]).await;
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
    let reader_web = server.signed_in(&reader).await;
    let download = reader_web
        .get(&format!("/communications/{id}/ciphertext"))
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.text().await.unwrap(), good.trim());
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
