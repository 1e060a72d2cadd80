//! The offline crisis pack over the API and the page: it holds exactly
//! what the export would (the entries the account may see), opens with the
//! passphrase and the instance's published key, puts every entry of
//! another State on record as read, and is refused to accounts that see
//! no contact details. (`crates/cli/tests/pack.rs` checks the file with
//! `pocdir pack verify` and `gpg`.)

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::crisis_pack::{self as pack, Opening};
use pocdir_testkit::TestServer;
use serde_json::{json, Value};

const PASSPHRASE: &str = "correct horse battery staple";

fn draft(role: &str, name: &str) -> Value {
    json!({
        "role": role,
        "name": name,
        "title": "Duty officer",
        "organisation": "National CERT",
        "emails": [format!("{}@cert.example.org", name.to_lowercase().replace(' ', "."))],
        "phones": [{"number": "+44 7700 900123", "use": "24x7"}],
        "languages": ["en", "fr"],
        "time_zone": "Europe/Paris",
        "hours": "Mon-Fri 09:00-17:00",
    })
}

/// The instance's public key, as a PoC fetches it.
async fn instance_key(server: &TestServer) -> String {
    reqwest::get(server.url("/.well-known/pocdir-pack-key.asc"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_pack_holds_what_the_account_may_see_and_logs_each_read() {
    let server = TestServer::start().await;
    let api = crate::pocs::Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let pak_poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    for (nominator, code, role, name) in [
        (&pak_nominator, "PAK", "technical", "Ayesha Malik"),
        (&fra_nominator, "FRA", "technical", "Claire Dubois"),
        (&fra_nominator, "FRA", "diplomatic", "Julien Moreau"),
    ] {
        api.active(nominator, &secretariat, code, draft(role, name))
            .await;
    }
    let http = reqwest::Client::new();
    let key = instance_key(&server).await;
    let instance = pack::parse_instance_key(&key).unwrap();

    let before = server.logged("poc.read").await;
    let token = server.token(&pak_poc, "read").await;
    let r = http
        .post(server.url("/api/v1/crisis-pack"))
        .bearer_auth(&token)
        .json(&json!({ "passphrase": PASSPHRASE }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pgp-encrypted");
    assert_eq!(r.headers()["cache-control"], "no-store");
    let sealed = r.bytes().await.unwrap();
    let opened = pack::open(
        &sealed,
        Opening::Passphrase(PASSPHRASE),
        &instance,
        server.clock.now(),
    )
    .unwrap();
    assert_eq!(opened.manifest.entries, 3, "its own entry and France's two");
    assert_eq!(opened.manifest.holder, pak_poc.email);
    for name in ["Ayesha Malik", "Claire Dubois", "Julien Moreau"] {
        assert!(opened.html.contains(name), "{name}");
    }
    // France's two entries, read by Pakistan, are on record; its own is not a read.
    assert_eq!(server.logged("poc.read").await, before + 2);
    // And the pack itself, about Pakistan, naming its serial.
    let issued = server
        .store
        .search_log(
            &pocdir_store::LogFilter {
                action: Some("crisis_pack.issue".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .unwrap();
    assert_eq!(issued.len(), 1);
    assert_eq!(
        issued[0].object,
        format!("crisis_pack:{}", opened.manifest.serial)
    );
    assert_eq!(issued[0].participant.as_deref(), Some("PAK"));

    // A passphrase too short is refused before anything is read.
    let r = http
        .post(server.url("/api/v1/crisis-pack"))
        .bearer_auth(&token)
        .json(&json!({ "passphrase": "short" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(server.logged("poc.read").await, before + 2);

    // No contact details, no pack.
    let auditor_token = server.token(&auditor, "read").await;
    let r = http
        .post(server.url("/api/v1/crisis-pack"))
        .bearer_auth(&auditor_token)
        .json(&json!({ "passphrase": PASSPHRASE }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);

    // The page: the instance's fingerprint, the passphrase asked twice.
    let browser = server.signed_in(&pak_poc).await;
    let page = browser.get("/crisis-pack").await.text().await.unwrap();
    let fingerprint = pack::grouped(&opened.manifest.signing_key);
    assert!(page.contains(&fingerprint), "{page}");
    assert!(page.contains("id=\"passphrase_again\""));
    let r = browser
        .post_form(
            "/crisis-pack",
            &[
                ("passphrase", PASSPHRASE),
                ("passphrase_again", "something else"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = browser
        .post_form(
            "/crisis-pack",
            &[("passphrase", PASSPHRASE), ("passphrase_again", PASSPHRASE)],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .ends_with(".html.asc\""));
}

#[tokio::test]
async fn a_poc_whose_entry_has_a_key_gets_a_pack_encrypted_to_it() {
    use pocdir_domain::log::action::LogAction;
    use pocdir_domain::log::entry::{LogActor, LogDraft};
    let server = TestServer::start().await;
    let api = crate::pocs::Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let poc = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let mut with_key = draft("technical", "Claire Dubois");
    with_key["openpgp_key"] =
        include_str!("../../../domain/tests/fixtures/openpgp/ed25519.asc").into();
    let id = api.active(&nominator, &secretariat, "FRA", with_key).await;
    let now = server.clock.now();
    server
        .store
        .link_poc_account(
            id,
            poc.id,
            now,
            LogDraft::new(
                now,
                LogActor::console(),
                LogAction::AccountPocLink,
                "x".into(),
            ),
        )
        .await
        .unwrap();

    // The page says so, and asks no passphrase.
    let browser = server.signed_in(&poc).await;
    let page = browser.get("/crisis-pack").await.text().await.unwrap();
    assert!(page.contains("id=\"crisis-pack-to-key\""), "{page}");
    assert!(!page.contains("id=\"passphrase\""));

    let token = server.token(&poc, "read").await;
    let http = reqwest::Client::new();
    let sealed = http
        .post(server.url("/api/v1/crisis-pack"))
        .bearer_auth(&token)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let key = instance_key(&server).await;
    let instance = pack::parse_instance_key(&key).unwrap();
    let secret = pack::parse_secret_key(include_bytes!(
        "../../../domain/tests/fixtures/openpgp/secret.asc"
    ))
    .unwrap();
    let opened = pack::open(&sealed, Opening::SecretKey(&secret, ""), &instance, now).unwrap();
    assert_eq!(opened.manifest.entries, 1);
    // A passphrase does not open what was encrypted to a key.
    assert_eq!(
        pack::open(&sealed, Opening::Passphrase(PASSPHRASE), &instance, now).unwrap_err(),
        pack::PackError::CannotDecrypt
    );
}

/// Waits (real time) until `smtp` holds `count` messages to `to`.
async fn mails_to(
    smtp: &pocdir_testkit::SmtpPeer,
    to: &str,
    count: usize,
) -> Vec<pocdir_testkit::ReceivedMail> {
    for _ in 0..300 {
        let mails: Vec<_> = smtp
            .messages()
            .into_iter()
            .filter(|m| m.rcpt_tos.iter().any(|r| r == to))
            .collect();
        if mails.len() >= count {
            return mails;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("fewer than {count} mails to {to} within 30 s");
}

#[tokio::test]
async fn a_poc_with_a_key_is_mailed_a_pack_once_each_period() {
    use pocdir_domain::log::action::LogAction;
    use pocdir_domain::log::entry::{LogActor, LogDraft};
    let smtp = pocdir_testkit::SmtpPeer::start().await;
    let smtp_url = smtp.url();
    let server = TestServer::start_with(move |c| {
        c.smtp_url = Some(smtp_url);
        c.mail_from = "pocdir <pocdir@example.org>".to_string();
        c.mail_send_seconds = 1;
        c.crisis_pack_check_seconds = 1;
        c.crisis_pack_every_days = 14;
    })
    .await;
    let api = crate::pocs::Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let poc = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    // A PoC of the same State without a key: left out of the mail.
    let keyless = server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    let mut with_key = draft("technical", "Claire Dubois");
    with_key["openpgp_key"] =
        include_str!("../../../domain/tests/fixtures/openpgp/ed25519.asc").into();
    let keyed_id = api
        .active(&fra_nominator, &secretariat, "FRA", with_key)
        .await;
    let keyless_id = api
        .active(
            &fra_nominator,
            &secretariat,
            "FRA",
            draft("diplomatic", "Julien Moreau"),
        )
        .await;
    api.active(
        &pak_nominator,
        &secretariat,
        "PAK",
        draft("technical", "Ayesha Malik"),
    )
    .await;
    let now = server.clock.now();
    for (id, account) in [(keyed_id, &poc), (keyless_id, &keyless)] {
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
                    "x".into(),
                ),
            )
            .await
            .unwrap();
    }

    // The page tells each PoC whether packs come by mail.
    let page = server
        .signed_in(&poc)
        .await
        .get("/crisis-pack")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"crisis-pack-by-mail-you\""), "{page}");
    let page = server
        .signed_in(&keyless)
        .await
        .get("/crisis-pack")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("id=\"crisis-pack-by-mail-not-you\""),
        "{page}"
    );

    let mails = mails_to(&smtp, &poc.email, 1).await;
    let mail = &mails[0];
    assert!(
        mail.subject.starts_with("pocdir crisis pack of "),
        "{}",
        mail.subject
    );
    assert!(mail.body.starts_with("Hello,"), "{}", mail.body);
    assert!(mail.body.contains("-----BEGIN PGP MESSAGE-----"));
    assert!(
        !mail.body.contains("Ayesha Malik"),
        "the mail carries no entry in clear"
    );
    // The mail's whole text opens with the PoC's key, and says it is the
    // instance's, for this PoC, with every entry it may see.
    let instance = pack::parse_instance_key(&instance_key(&server).await).unwrap();
    let secret = pack::parse_secret_key(include_bytes!(
        "../../../domain/tests/fixtures/openpgp/secret.asc"
    ))
    .unwrap();
    let opened = pack::open(
        mail.body.as_bytes(),
        Opening::SecretKey(&secret, ""),
        &instance,
        server.clock.now(),
    )
    .unwrap();
    assert_eq!(opened.manifest.holder, poc.email);
    assert_eq!(opened.manifest.entries, 3);
    assert!(opened.html.contains("Ayesha Malik"));

    // On record as a download is: the issue, and a read of the other
    // State's entry by the PoC (not of its own State's).
    assert_eq!(server.logged("crisis_pack.issue").await, 1);
    let reads = server
        .store
        .search_log(
            &pocdir_store::LogFilter {
                action: Some("poc.read".into()),
                actor_account_id: Some(poc.id),
                ..Default::default()
            },
            None,
            100,
        )
        .await
        .unwrap();
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0].participant.as_deref(), Some("PAK"));

    // The job runs every second: within the same period nothing more is
    // queued, mailed or logged, and the keyless PoC gets nothing.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(mails_to(&smtp, &poc.email, 1).await.len(), 1);
    assert_eq!(server.logged("crisis_pack.issue").await, 1);
    assert!(smtp
        .messages()
        .iter()
        .all(|m| !m.rcpt_tos.contains(&keyless.email)));

    // Fourteen days on, the next pack, with a larger serial.
    server.clock.advance(time::Duration::days(14));
    let mails = mails_to(&smtp, &poc.email, 2).await;
    let newer = mails
        .iter()
        .map(|m| {
            pack::open(
                m.body.as_bytes(),
                Opening::SecretKey(&secret, ""),
                &instance,
                server.clock.now(),
            )
            .unwrap()
            .manifest
        })
        .collect::<Vec<_>>();
    assert!(newer.iter().any(|m| m.supersedes(&opened.manifest)));
    assert_eq!(server.logged("crisis_pack.issue").await, 2);
}
