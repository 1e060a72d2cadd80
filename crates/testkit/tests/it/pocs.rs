//! Points of contact over the API: nomination by the State's own
//! nominator, verification by the secretariat, reciprocity between
//! participating States, and read transparency.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};

pub(crate) fn draft(role: &str, name: &str, zone: &str) -> Value {
    json!({
        "role": role,
        "name": name,
        "title": "Duty officer",
        "organisation": "National CERT",
        "emails": [format!("{}@cert.example.org", name.to_lowercase().replace(' ', "."))],
        "phones": [{"number": "+44 7700 900123", "use": "24x7"}],
        "languages": ["en", "fr"],
        "time_zone": zone,
        "hours": "Mon-Fri 09:00-17:00"
    })
}

pub(crate) struct Api<'a> {
    pub(crate) server: &'a TestServer,
    pub(crate) http: reqwest::Client,
}

impl<'a> Api<'a> {
    pub(crate) fn new(server: &'a TestServer) -> Api<'a> {
        Api {
            server,
            http: reqwest::Client::new(),
        }
    }

    pub(crate) async fn get(&self, who: &TestAccount, path: &str) -> (u16, Value) {
        let token = self.server.token(who, "read").await;
        let r = self
            .http
            .get(self.server.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }

    pub(crate) async fn post(&self, who: &TestAccount, path: &str, body: Value) -> (u16, Value) {
        let token = self.server.token(who, "write").await;
        let r = self
            .http
            .post(self.server.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }

    /// Nominates and has the secretariat approve: the State then takes part.
    pub(crate) async fn verified(
        &self,
        nominator: &TestAccount,
        secretariat: &TestAccount,
        code: &str,
        name: &str,
    ) -> i64 {
        let body = draft("technical", name, "Europe/Paris");
        self.active(nominator, secretariat, code, body).await
    }

    /// Nominates `body` for `code` and has the secretariat verify it.
    pub(crate) async fn active(
        &self,
        nominator: &TestAccount,
        secretariat: &TestAccount,
        code: &str,
        body: Value,
    ) -> i64 {
        let (status, poc) = self
            .post(
                nominator,
                &format!("/api/v1/participants/{code}/pocs"),
                body,
            )
            .await;
        assert_eq!(status, 201, "{poc}");
        let id = poc["id"].as_i64().unwrap();
        let (status, decided) = self
            .post(
                secretariat,
                &format!("/api/v1/pocs/{id}/decision"),
                json!({"version": poc["version"], "approve": true}),
            )
            .await;
        assert_eq!(status, 200, "{decided}");
        id
    }
}

pub(crate) async fn log_actions(
    server: &TestServer,
    action: &str,
) -> Vec<pocdir_domain::log::entry::LogEntry> {
    let filter = pocdir_store::LogFilter {
        action: Some(action.into()),
        ..Default::default()
    };
    server.store.search_log(&filter, None, 100).await.unwrap()
}

#[tokio::test]
async fn nomination_verification_and_participation() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;

    // Another State's nominator is refused, and the attempt is logged.
    let (status, _) = api
        .post(
            &fra,
            "/api/v1/participants/PAK/pocs",
            draft("technical", "Ayesha Malik", "Asia/Karachi"),
        )
        .await;
    assert_eq!(status, 403);
    let refused = log_actions(&server, "access.refused").await;
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].participant.as_deref(), Some("PAK"));

    // Every bad field is named.
    let mut bad = draft("military", "Ayesha Malik", "Mars/Olympus");
    bad["emails"] = json!(["not-an-email"]);
    bad["phones"] = json!([{"number": "0300 1234567", "use": "office"}]);
    let (status, body) = api.post(&pak, "/api/v1/participants/PAK/pocs", bad).await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["code"], "invalid_fields");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["role", "emails[0]", "phones[0].number", "time_zone"]
    );

    let (status, poc) = api
        .post(
            &pak,
            "/api/v1/participants/PAK/pocs",
            draft("technical", "Ayesha Malik", "Asia/Karachi"),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(poc["status"], "pending");
    assert_eq!(poc["pending_action"], "create");
    let id = poc["id"].as_i64().unwrap();

    let (status, queue) = api.get(&secretariat, "/api/v1/pocs/pending").await;
    assert_eq!(status, 200);
    assert_eq!(queue.as_array().unwrap().len(), 1);
    let (status, _) = api.get(&pak, "/api/v1/pocs/pending").await;
    assert_eq!(status, 403);

    let decision_path = format!("/api/v1/pocs/{id}/decision");
    let decision = |body: Value| api.post(&secretariat, &decision_path, body);
    let (status, body) = decision(json!({"version": 1, "approve": false})).await;
    assert_eq!(status, 422, "a rejection needs a reason: {body}");
    let (status, body) = decision(json!({"version": 7, "approve": true})).await;
    assert_eq!(status, 409);
    assert_eq!(body["error"]["code"], "stale_version");
    let (status, body) = decision(json!({"version": 1, "approve": true})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "active");
    let (status, body) = decision(json!({"version": 2, "approve": true})).await;
    assert_eq!(status, 409);
    assert_eq!(body["error"]["code"], "nothing_pending");

    // One verified PoC is enough to take part.
    let (_, p) = api.get(&pak, "/api/v1/participants/PAK").await;
    assert_eq!(p["status"], "participating");
    assert_eq!(log_actions(&server, "participant.status").await.len(), 1);
    let (_, mine) = api.get(&pak, "/api/v1/participants/PAK/pocs").await;
    assert_eq!(mine["view"], "administer");
    assert_eq!(mine["pocs"][0]["details"]["name"], "Ayesha Malik");
    server.stop().await;
}

#[tokio::test]
async fn reciprocity_and_read_transparency() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let pak_poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let reporter = server.account(AccountKind::Reporter, None).await;
    let auditor = server.account(AccountKind::Auditor, None).await;

    api.verified(&pak_nominator, &secretariat, "PAK", "Ayesha Malik")
        .await;
    // France does not take part yet: Pakistan's PoC sees nothing of it.
    let (status, _) = api.get(&pak_poc, "/api/v1/participants/FRA/pocs").await;
    assert_eq!(status, 403);
    let fra_poc_id = api
        .verified(&fra_nominator, &secretariat, "FRA", "Claire Dubois")
        .await;
    // A pending nomination of France is not shown to other States.
    let (status, _) = api
        .post(
            &fra_nominator,
            "/api/v1/participants/FRA/pocs",
            draft("diplomatic", "Julien Moreau", "Europe/Paris"),
        )
        .await;
    assert_eq!(status, 201);

    let reads_before = log_actions(&server, "poc.read").await.len();
    let (status, list) = api.get(&pak_poc, "/api/v1/participants/FRA/pocs").await;
    assert_eq!(status, 200);
    assert_eq!(list["view"], "contacts");
    let pocs = list["pocs"].as_array().unwrap();
    assert_eq!(pocs.len(), 1, "only active PoCs: {list}");
    assert_eq!(pocs[0]["details"]["name"], "Claire Dubois");
    assert!(pocs[0]["pending"].is_null());
    assert!(pocs[0]["duties"].as_str().unwrap().contains("threats"));

    // The read is recorded, and France sees who read its entry.
    let reads = log_actions(&server, "poc.read").await;
    assert_eq!(reads.len(), reads_before + 1);
    assert_eq!(reads[0].object, format!("poc:{fra_poc_id}"));
    assert_eq!(reads[0].actor_participant.as_deref(), Some("PAK"));
    let (_, own) = api.get(&fra_nominator, "/api/v1/log/own-state").await;
    assert!(own["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "poc.read"));

    // Others: the reporter sees nothing; the auditor sees no contact details;
    // Pakistan's nominator administers Pakistan, not France.
    let (status, _) = api.get(&reporter, "/api/v1/participants/FRA/pocs").await;
    assert_eq!(status, 403);
    let (status, list) = api.get(&auditor, "/api/v1/participants/FRA/pocs").await;
    assert_eq!(status, 200);
    assert_eq!(list["view"], "without_contacts");
    assert!(list["pocs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["details"].is_null()));
    let (status, _) = api
        .get(&pak_nominator, "/api/v1/participants/FRA/pocs")
        .await;
    assert_eq!(status, 403);
    let (status, _) = api.get(&pak_poc, "/api/v1/participants/XXX/pocs").await;
    assert_eq!(status, 404);
    server.stop().await;
}

#[tokio::test]
async fn a_read_of_another_states_poc_follows_each_change_at_once() {
    // `GET /api/v1/pocs/{id}` answers another State's active PoC from the
    // in-memory directory: it must show what the store holds after every
    // change, as the store's own answer does, and log every read.
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let fra_poc = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    let id = api
        .verified(&pak, &secretariat, "PAK", "Ayesha Malik")
        .await;
    api.verified(&fra, &secretariat, "FRA", "Claire Dubois")
        .await;
    let one = format!("/api/v1/pocs/{id}");

    let reads = log_actions(&server, "poc.read").await.len();
    let (status, read) = api.get(&fra_poc, &one).await;
    assert_eq!(status, 200, "{read}");
    // The same body as the list of Pakistan's PoCs, read from the store.
    let (_, list) = api.get(&fra_poc, "/api/v1/participants/PAK/pocs").await;
    assert_eq!(read, list["pocs"][0]);
    assert_eq!(read["version"], 2);
    assert_eq!(read["details"]["name"], "Ayesha Malik");
    let logged = log_actions(&server, "poc.read").await;
    assert_eq!(logged.len(), reads + 2, "both reads are logged");
    assert_eq!(logged[1].object, format!("poc:{id}"));
    assert_eq!(logged[1].participant.as_deref(), Some("PAK"));
    assert_eq!(logged[1].actor_participant.as_deref(), Some("FRA"));

    // A proposed update: still the verified details, the pending action shown.
    let mut new = draft("technical", "Ayesha Malik", "Asia/Karachi");
    new["emails"] = json!(["ayesha.malik@cert.pk.example.org"]);
    let (status, _) = api
        .post(
            &pak,
            &format!("{one}/update"),
            json!({"version": 2, "details": new}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, read) = api.get(&fra_poc, &one).await;
    assert_eq!(read["version"], 3);
    assert_eq!(read["pending_action"], "update");
    assert!(
        read["pending"].is_null(),
        "a proposal is not another State's"
    );
    assert_eq!(
        read["details"]["emails"][0],
        "ayesha.malik@cert.example.org"
    );
    // Verified: the new details at once.
    let (status, _) = api
        .post(
            &secretariat,
            &format!("{one}/decision"),
            json!({"version": 3, "approve": true}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, read) = api.get(&fra_poc, &one).await;
    assert_eq!(read["version"], 4);
    assert!(read["pending_action"].is_null());
    assert_eq!(
        read["details"]["emails"][0],
        "ayesha.malik@cert.pk.example.org"
    );
    // The auditor: the entry without contact details, and no read logged.
    let reads = log_actions(&server, "poc.read").await.len();
    let (status, read) = api.get(&auditor, &one).await;
    assert_eq!(status, 200);
    assert!(read["details"].is_null());
    assert_eq!(log_actions(&server, "poc.read").await.len(), reads);

    // Withdrawn: gone for other States at once, nothing logged (Pakistan
    // keeps another PoC, so it still takes part).
    api.verified(&pak, &secretariat, "PAK", "Imran Qureshi")
        .await;
    let (status, _) = api
        .post(
            &pak,
            &format!("{one}/withdraw"),
            json!({"version": 4, "reason": "Left the ministry"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = api
        .post(
            &secretariat,
            &format!("{one}/decision"),
            json!({"version": 5, "approve": true}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = api.get(&fra_poc, &one).await;
    assert_eq!(status, 404);
    assert_eq!(log_actions(&server, "poc.read").await.len(), reads);
    server.stop().await;
}

#[tokio::test]
async fn updates_withdrawals_and_revalidation_by_the_states_nominator() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let id = api
        .verified(&pak, &secretariat, "PAK", "Ayesha Malik")
        .await;
    let path = |what: &str| format!("/api/v1/pocs/{id}/{what}");

    // Another State's nominator may not touch it (and the attempt is logged).
    let before = log_actions(&server, "access.refused").await.len();
    let (status, _) = api
        .post(&fra, &path("withdraw"), json!({"version": 2}))
        .await;
    assert_eq!(status, 403);
    assert_eq!(
        log_actions(&server, "access.refused").await.len(),
        before + 1
    );

    let mut new = draft("technical", "Ayesha Malik", "Asia/Karachi");
    new["emails"] = json!(["ayesha.malik@cert.pk.example.org"]);
    let (status, body) = api
        .post(&pak, &path("update"), json!({"version": 1, "details": new}))
        .await;
    assert_eq!(status, 409, "stale version: {body}");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("version 2"));
    let (status, body) = api
        .post(&pak, &path("update"), json!({"version": 2, "details": new}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["pending_action"], "update");
    // Until verified, the directory still shows the old details.
    assert_eq!(
        body["details"]["emails"][0],
        "ayesha.malik@cert.example.org"
    );
    assert_eq!(
        body["pending"]["emails"][0],
        "ayesha.malik@cert.pk.example.org"
    );
    let mut changed_role = new.clone();
    changed_role["role"] = json!("diplomatic");
    let (status, _) = api
        .post(
            &pak,
            &path("update"),
            json!({"version": 3, "details": changed_role}),
        )
        .await;
    assert_eq!(status, 422);
    let (status, body) = api
        .post(
            &secretariat,
            &path("decision"),
            json!({"version": 3, "approve": true}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["details"]["emails"][0],
        "ayesha.malik@cert.pk.example.org"
    );

    let (status, body) = api
        .post(&pak, &path("confirm"), json!({"version": 4}))
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = api
        .post(&pak, &path("withdraw"), json!({"version": 5}))
        .await;
    assert_eq!(status, 422, "a withdrawal needs a reason: {body}");
    assert_eq!(body["error"]["fields"][0]["field"], "reason");
    let (status, body) = api
        .post(
            &pak,
            &path("withdraw"),
            json!({"version": 5, "reason": "Left the ministry"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["pending_action"], "withdraw");
    let (status, body) = api
        .post(&pak, &path("update"), json!({"version": 6, "details": new}))
        .await;
    assert_eq!(
        status, 409,
        "not while a withdrawal awaits a decision: {body}"
    );
    assert_eq!(body["error"]["code"], "not_allowed_now");
    let (status, _) = api
        .post(
            &secretariat,
            &path("decision"),
            json!({"version": 6, "approve": true}),
        )
        .await;
    assert_eq!(status, 200);
    // Its last PoC gone, Pakistan no longer takes part.
    let (_, p) = api.get(&pak, "/api/v1/participants/PAK").await;
    assert_eq!(p["status"], "not_participating");
    server.stop().await;
}

#[tokio::test]
async fn a_states_page_shows_its_pocs_only_to_those_allowed_and_logs_reads() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let fra_poc = server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    api.verified(&pak_nominator, &secretariat, "PAK", "Ayesha Malik")
        .await;

    // The public sees the facts and the counts, not the people.
    let page = reqwest::get(server.url("/participants/PAK"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"pocs-hidden\""));
    assert!(!page.contains("Ayesha Malik"));
    assert!(page.contains("Participating"));
    let list = reqwest::get(server.url("/participants"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("href=\"/participants/PAK\""));

    // France's PoC, before France takes part: nothing.
    let web = server.signed_in(&fra_poc).await;
    let page = web.get("/participants/PAK").await.text().await.unwrap();
    assert!(page.contains("id=\"pocs-hidden\""));
    // Once France takes part: the PoC, with duties and hours, and the read is logged.
    api.verified(&fra_nominator, &secretariat, "FRA", "Claire Dubois")
        .await;
    let reads = log_actions(&server, "poc.read").await.len();
    let page = web.get("/participants/PAK").await.text().await.unwrap();
    assert!(page.contains("Ayesha Malik"), "{page}");
    assert!(page.contains("mailto:ayesha.malik@cert.example.org"));
    assert!(page.contains("working hours now"));
    assert_eq!(log_actions(&server, "poc.read").await.len(), reads + 1);
    // In Arabic, right to left.
    web.get("/lang/ar").await;
    let page = web.get("/participants/PAK").await.text().await.unwrap();
    assert!(page.contains("dir=\"rtl\""));
    assert!(page.contains("Ayesha Malik"));
    assert_eq!(
        reqwest::get(server.url("/participants/XXX"))
            .await
            .unwrap()
            .status(),
        404
    );
    server.stop().await;
}

const KEY_FIXTURES: &str = "../domain/tests/fixtures/openpgp";

fn key_fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(KEY_FIXTURES)
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[tokio::test]
async fn openpgp_keys_are_checked_and_shown() {
    let server = TestServer::start().await;
    // The fixture keys have fixed dates (the RSA key expires 2028-11-25):
    // pin the clock so this test does not age.
    server
        .clock
        .set(time::macros::datetime!(2027-01-15 12:00 UTC));
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let nominate = |key: String| {
        let mut body = draft("technical", "Ayesha Malik", "Asia/Karachi");
        body["openpgp_key"] = Value::String(key);
        api.post(&pak, "/api/v1/participants/PAK/pocs", body)
    };
    let field_errors = |body: &Value| -> Vec<String> {
        body["error"]["fields"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|f| f["field"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };

    // Expired, secret or not a key at all: a field error, nothing stored.
    for bad in ["expired.asc", "secret.asc", "garbage.txt", "two-blocks.asc"] {
        let (status, body) = nominate(key_fixture(bad)).await;
        assert_eq!(status, 422, "{bad}: {body}");
        assert_eq!(field_errors(&body), ["openpgp_key"], "{bad}");
    }
    let (_, body) = nominate(key_fixture("expired.asc")).await;
    assert!(
        body["error"]["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{body}"
    );
    let (_, queue) = api.get(&secretariat, "/api/v1/pocs/pending").await;
    assert_eq!(queue.as_array().unwrap().len(), 0);

    // A good key is summarised and served with the details.
    let (status, poc) = nominate(key_fixture("rsa3072.asc")).await;
    assert_eq!(status, 201, "{poc}");
    let id = poc["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &secretariat,
            &format!("/api/v1/pocs/{id}/decision"),
            json!({"version": poc["version"], "approve": true}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, read) = api.get(&secretariat, &format!("/api/v1/pocs/{id}")).await;
    assert_eq!(status, 200);
    let key = &read["details"]["openpgp"];
    assert_eq!(
        key["fingerprint"],
        "7D6D58304BD979D89DD779DFE5E42A5B7E96157F"
    );
    assert_eq!(key["algorithm"], "RSA 3072");
    assert_eq!(key["expires_at"], "2028-11-25T02:03:26Z");
    assert!(key["armored"]
        .as_str()
        .unwrap()
        .starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));

    // The page shows it grouped, and warns once expiry is near.
    let browser = server.signed_in(&secretariat).await;
    let page = browser
        .get(&format!("/pocs/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("7D6D 5830 4BD9 79D8 9DD7 79DF E5E4 2A5B 7E96 157F"));
    // Dates in the reader's language.
    assert!(page.contains("25 November 2028"), "{page}");
    // The State's page shows the fingerprint on the PoC's card too.
    let state_page = browser.get("/participants/PAK").await.text().await.unwrap();
    assert!(
        state_page.contains("7D6D 5830 4BD9 79D8 9DD7 79DF E5E4 2A5B 7E96 157F"),
        "{state_page}"
    );
    assert!(!page.contains("key-warning"));
    server
        .clock
        .set(time::macros::datetime!(2028-11-10 00:00 UTC));
    let browser = server.signed_in(&secretariat).await;
    let page = browser
        .get(&format!("/pocs/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("key-warning"), "{page}");
    assert!(page.contains("This key expires in 15 days"), "{page}");

    // The form names the field, and editing keeps the key.
    let nominator = server.signed_in(&pak).await;
    let r = nominator
        .post_form(
            "/participants/PAK/nominate",
            &[
                ("role", "diplomatic"),
                ("name", "Imran Qureshi"),
                ("organisation", "Ministry of Foreign Affairs"),
                ("emails", "imran@mofa.example.org"),
                ("languages", "ur, en"),
                ("time_zone", "Asia/Karachi"),
                ("hours", "Mon-Fri 09:00-17:00"),
                ("openpgp_key", &key_fixture("revoked.asc")),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("id=\"error-openpgp_key\""), "{page}");
    assert!(page.contains("revoked"), "{page}");
    let edit = nominator
        .get(&format!("/pocs/{id}/edit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(edit.contains("BEGIN PGP PUBLIC KEY BLOCK"), "{edit}");
    server.stop().await;
}
