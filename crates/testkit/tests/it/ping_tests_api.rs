//! Ping tests through the JSON API of the real server: the secretariat
//! creates (201 and `Location`, or 422 with each field's problem), cancels
//! and publishes; each kind of reader gets the results the policy lets it
//! see (a State never another State's lines); a PoC answers with the mailed
//! token without any account (once: then 409; a forged token 404; a
//! cancelled campaign 410) or signed in (never another PoC's challenge),
//! and the results count each answer.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::directory::poc::{PocDraft, PocRole};
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::policy::Scopes;
use pocdir_domain::policy::{decide, ping_test_view, Action, Actor, Decision, PingTestView};
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use time::Duration;

/// An account and its read-write API token.
struct Who {
    account: TestAccount,
    token: String,
}

async fn who(server: &TestServer, kind: AccountKind, state: Option<&str>) -> Who {
    let account = server.account(kind, state).await;
    let token = server.token(&account, "write").await;
    Who { account, token }
}

fn draft(server: &TestServer, action: LogAction) -> LogDraft {
    LogDraft::new(
        server.clock.now(),
        LogActor::console(),
        action,
        "x".to_string(),
    )
}

/// A verified PoC entry of `state` (which makes the State take part) whose
/// mail goes to `email`, linked to `account_id` when given.
async fn poc_entry(
    server: &TestServer,
    state: &str,
    role: PocRole,
    email: &str,
    account_id: Option<i64>,
) -> i64 {
    let now = server.clock.now();
    let details = PocDraft {
        role: role.as_str().to_string(),
        name: format!("PoC {email}"),
        organisation: "CERT".to_string(),
        emails: vec![email.to_string()],
        languages: vec!["en".to_string()],
        time_zone: "Europe/Paris".to_string(),
        hours: "24/7".to_string(),
        ..PocDraft::default()
    }
    .validate(now)
    .unwrap();
    let store = server.store.as_ref();
    let poc = store
        .propose_poc(
            state,
            role,
            &serde_json::to_string(&details).unwrap(),
            None,
            now,
            draft(server, LogAction::PocPropose),
        )
        .await
        .unwrap();
    let decided = store
        .decide_poc(
            poc.id,
            poc.version,
            true,
            None,
            None,
            now,
            draft(server, LogAction::PocApprove),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    if let Some(account_id) = account_id {
        store
            .link_poc_account(
                decided.poc.id,
                account_id,
                now,
                draft(server, LogAction::AccountPocLink),
            )
            .await
            .unwrap();
    }
    decided.poc.id
}

/// The cast: the secretariat; Pakistan's technical and diplomatic PoCs and
/// France's technical PoC, each with an account linked to its entry;
/// Pakistan's nominator; an auditor and a reporter.
struct Cast {
    secretariat: Who,
    pak_tech: Who,
    pak_dip: Who,
    fra_tech: Who,
    pak_nominator: Who,
    auditor: Who,
    reporter: Who,
}

async fn cast(server: &TestServer) -> Cast {
    let secretariat = who(server, AccountKind::Secretariat, None).await;
    let pak_tech = who(server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let pak_dip = who(server, AccountKind::DiplomaticPoc, Some("PAK")).await;
    let fra_tech = who(server, AccountKind::TechnicalPoc, Some("FRA")).await;
    for (w, state, role) in [
        (&pak_tech, "PAK", PocRole::Technical),
        (&pak_dip, "PAK", PocRole::Diplomatic),
        (&fra_tech, "FRA", PocRole::Technical),
    ] {
        poc_entry(server, state, role, &w.account.email, Some(w.account.id)).await;
    }
    Cast {
        secretariat,
        pak_tech,
        pak_dip,
        fra_tech,
        pak_nominator: who(server, AccountKind::Nominator, Some("PAK")).await,
        auditor: who(server, AccountKind::Auditor, None).await,
        reporter: who(server, AccountKind::Reporter, None).await,
    }
}

/// The API: with a bearer token, or with no credential at all.
struct Api {
    base: String,
    http: reqwest::Client,
}

impl Api {
    fn new(server: &TestServer) -> Api {
        Api {
            base: server.url.clone(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        }
    }

    async fn read(r: reqwest::Response) -> (u16, Value) {
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    async fn get(&self, who: &Who, path: &str) -> (u16, Value) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .bearer_auth(&who.token)
            .send()
            .await
            .unwrap();
        Self::read(r).await
    }

    async fn post(&self, who: &Who, path: &str, body: Value) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&who.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        Self::read(r).await
    }

    /// The mailed token's answer: no session, no bearer token, no CSRF header.
    async fn answer(&self, token: &str) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}/api/v1/ping-tests/answer", self.base))
            .json(&json!({ "token": token }))
            .send()
            .await
            .unwrap();
        Self::read(r).await
    }
}

/// Creates a campaign reaching everyone that starts now; its id.
async fn running(api: &Api, secretariat: &Who, title: &str) -> i64 {
    let (status, body) = api
        .post(secretariat, "/api/v1/ping-tests", json!({ "title": title }))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["status"], "running", "{body}");
    body["id"].as_i64().unwrap()
}

/// The tokens mailed for campaign `id`, by recipient.
async fn tokens(server: &TestServer, id: i64) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for mail in server.store.mails(None, 10_000).await.unwrap() {
        if !(mail.dedupe_key.starts_with(&format!("ping:{id}:poc:"))
            && mail.dedupe_key.ends_with(":challenge"))
        {
            continue;
        }
        let Some(at) = mail.body.find("/ping/pdp_") else {
            continue;
        };
        let token: String = mail.body[at + "/ping/".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        out.insert(mail.recipient.clone(), token);
    }
    out
}

fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

fn fields(body: &Value) -> Vec<String> {
    body["error"]["fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| f["field"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn states_of(results: &Value) -> Vec<String> {
    results["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap().to_string())
        .collect()
}

fn poc_states(results: &Value) -> Vec<String> {
    results["pocs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_secretariat_creates_with_a_location_or_is_told_each_problem() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let api = Api::new(&server);

    let start = (server.clock.now() + Duration::days(2))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let r = api
        .http
        .post(server.url("/api/v1/ping-tests"))
        .bearer_auth(&c.secretariat.token)
        .json(&json!({
            "title": "First half 2027",
            "starts_at": start,
            "window_hours": 48,
            "reminder_hours": [24],
            "scope": {"roles": "technical", "regions": [], "states": ["PAK"]},
            "announced": true,
            "escalate": true
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let location = r
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let (_, created) = Api::read(r).await;
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/ping-tests/{id}"));
    assert_eq!(created["status"], "scheduled");
    assert_eq!(created["kind"], "scheduled");
    assert_eq!(created["scope"]["roles"], "technical");
    assert_eq!(created["scope"]["states"], json!(["PAK"]));
    assert_eq!(created["reminder_hours"], json!([24]));
    assert_eq!(created["announced"], true);
    let (status, one) = api.get(&c.secretariat, &location).await;
    assert_eq!(status, 200);
    assert_eq!(one, created);
    let (status, _) = api.get(&c.secretariat, "/api/v1/ping-tests/999999").await;
    assert_eq!(status, 404);

    // Each problem named by field, in the one error shape; nothing created.
    let past = (server.clock.now() - Duration::hours(3))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let cases = [
        // France has no diplomatic PoC.
        (
            json!({"title": "Empty", "scope": {"roles": "diplomatic", "states": ["FRA"]}}),
            vec!["scope"],
        ),
        (
            json!({"title": "Past", "starts_at": past}),
            vec!["starts_at"],
        ),
        (
            json!({"title": "Short", "window_hours": 0}),
            vec!["window_hours"],
        ),
        (
            json!({"title": "Long", "window_hours": 721}),
            vec!["window_hours"],
        ),
        (
            json!({"title": "Huge", "window_hours": i64::MAX, "reminder_hours": [i64::MAX, -1]}),
            vec!["window_hours", "reminder_hours", "reminder_hours"],
        ),
        (
            json!({"title": "Reminders", "window_hours": 24, "reminder_hours": [24, 1, 2, 3, 4, 5]}),
            vec!["reminder_hours", "reminder_hours"],
        ),
        (
            json!({"title": "", "window_hours": -5, "scope": {"states": ["XXX"]}}),
            vec!["title", "window_hours", "scope.states"],
        ),
        (
            json!({"title": "Announced now", "announced": true}),
            vec!["announced"],
        ),
    ];
    let (_, before) = api.get(&c.secretariat, "/api/v1/ping-tests").await;
    let mails_before = server.store.mails(None, 10_000).await.unwrap().len();
    for (body, expected) in cases {
        let (status, answer) = api
            .post(&c.secretariat, "/api/v1/ping-tests", body.clone())
            .await;
        assert_eq!(status, 422, "{body}: {answer}");
        assert_eq!(error_code(&answer), "invalid_fields", "{answer}");
        assert!(!answer["error"]["message"].as_str().unwrap().is_empty());
        let mut got = fields(&answer);
        got.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{body}: {answer}");
    }
    // Not JSON of the shape: 400, and nothing created either.
    for body in [
        json!({"title": "Bad date", "starts_at": "tomorrow"}),
        json!({"title": "Unknown field", "colour": "red"}),
    ] {
        let (status, answer) = api.post(&c.secretariat, "/api/v1/ping-tests", body).await;
        assert_eq!(status, 400);
        assert_eq!(error_code(&answer), "malformed_json");
    }
    let (_, after) = api.get(&c.secretariat, "/api/v1/ping-tests").await;
    assert_eq!(before, after);
    assert_eq!(
        server.store.mails(None, 10_000).await.unwrap().len(),
        mails_before
    );

    // Only the secretariat creates, cancels and publishes.
    for w in [&c.pak_tech, &c.pak_nominator, &c.auditor, &c.reporter] {
        let (status, _) = api
            .post(w, "/api/v1/ping-tests", json!({"title": "Mine"}))
            .await;
        assert_eq!(status, 403);
        let (status, _) = api
            .post(w, &format!("/api/v1/ping-tests/{id}/cancel"), json!({}))
            .await;
        assert_eq!(status, 403);
    }
    let read_only = server.token(&c.secretariat.account, "read").await;
    let read_only = Who {
        account: c.secretariat.account.clone(),
        token: read_only,
    };
    let (status, _) = api
        .post(
            &read_only,
            "/api/v1/ping-tests",
            json!({"title": "Read only"}),
        )
        .await;
    assert_eq!(status, 403);

    // Cancel a scheduled campaign, once.
    let (status, cancelled) = api
        .post(
            &c.secretariat,
            &format!("/api/v1/ping-tests/{id}/cancel"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    assert!(cancelled["cancelled_at"].is_string());
    let (status, again) = api
        .post(
            &c.secretariat,
            &format!("/api/v1/ping-tests/{id}/cancel"),
            json!({}),
        )
        .await;
    assert_eq!(status, 409);
    assert_eq!(error_code(&again), "not_allowed_now");

    // Publish only once finished, and once.
    let run = running(&api, &c.secretariat, "Publish me").await;
    let publish = format!("/api/v1/ping-tests/{run}/publish");
    let (status, early) = api.post(&c.secretariat, &publish, json!({})).await;
    assert_eq!(status, 409, "{early}");
    server
        .clock
        .advance(Duration::hours(72) + Duration::days(8));
    let (status, published) = api.post(&c.secretariat, &publish, json!({})).await;
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["status"], "finished");
    assert!(published["published_at"].is_string());
    let (status, again) = api.post(&c.secretariat, &publish, json!({})).await;
    assert_eq!(status, 409);
    assert_eq!(error_code(&again), "not_allowed_now");
    let (status, _) = api
        .post(
            &c.secretariat,
            "/api/v1/ping-tests/999999/publish",
            json!({}),
        )
        .await;
    assert_eq!(status, 404);
    server.stop().await;
}

#[tokio::test]
async fn each_reader_gets_the_results_the_policy_lets_it_see() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let api = Api::new(&server);
    let id = running(&api, &c.secretariat, "Everyone").await;
    let tokens = tokens(&server, id).await;
    assert_eq!(tokens.len(), 3, "{tokens:?}");
    let results = format!("/api/v1/ping-tests/{id}/results");

    // Nothing answered yet.
    let (status, before) = api.get(&c.secretariat, &results).await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(before["overall"]["tally"]["awaiting"], 3);
    assert_eq!(before["overall"]["tally"]["in_time"], 0);

    // Pakistan's technical PoC answers with its token.
    let (status, answered) = api.answer(&tokens[&c.pak_tech.account.email]).await;
    assert_eq!(status, 200, "{answered}");

    // The secretariat: every State; PoC lines of the State it names.
    let (_, all) = api.get(&c.secretariat, &results).await;
    assert_eq!(states_of(&all), vec!["FRA", "PAK"]);
    assert!(poc_states(&all).is_empty());
    assert_eq!(all["overall"]["tally"]["in_time"], 1);
    assert_eq!(all["overall"]["tally"]["awaiting"], 2);
    assert_eq!(all["overall"]["tally"]["total"], 3);
    assert_eq!(all["overall"]["states"]["partly"], 1);
    assert_eq!(all["overall"]["states"]["awaiting"], 1);
    assert_eq!(all["overall"]["distribution"]["answers"], 1);
    let (_, fra) = api
        .get(&c.secretariat, &format!("{results}?state=FRA"))
        .await;
    assert_eq!(poc_states(&fra), vec!["FRA"]);
    assert_eq!(fra["pocs"][0]["outcome"], "awaiting");
    let (_, pak) = api
        .get(&c.secretariat, &format!("{results}?state=pak"))
        .await;
    assert_eq!(poc_states(&pak), vec!["PAK", "PAK"]);
    let tech = pak["pocs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["role"] == "technical")
        .unwrap();
    assert_eq!(tech["outcome"], "in_time");
    assert_eq!(tech["channel"], "api");
    assert!(tech["answered_at"].is_string());
    assert!(tech["response_seconds"].as_i64().unwrap() >= 0);

    // A State (PoC or nominator): its own line and PoCs, the overall
    // figures, never another State's lines, whatever it asks.
    for w in [&c.pak_tech, &c.pak_dip, &c.pak_nominator] {
        for path in [results.clone(), format!("{results}?state=FRA")] {
            let (status, mine) = api.get(w, &path).await;
            assert_eq!(status, 200, "{mine}");
            assert_eq!(states_of(&mine), vec!["PAK"], "{path}");
            assert_eq!(poc_states(&mine), vec!["PAK", "PAK"], "{path}");
            assert_eq!(mine["overall"], all["overall"]);
            assert!(!mine.to_string().contains(&c.fra_tech.account.email));
        }
    }
    let (_, fra_own) = api.get(&c.fra_tech, &results).await;
    assert_eq!(states_of(&fra_own), vec!["FRA"]);
    assert_eq!(poc_states(&fra_own), vec!["FRA"]);
    assert_eq!(fra_own["states"][0]["reach"], "awaiting");
    assert!(!fra_own.to_string().contains(&c.pak_tech.account.email));

    // The list and one campaign, for each reader who may read.
    for w in [&c.secretariat, &c.pak_tech, &c.pak_nominator, &c.fra_tech] {
        let (status, list) = api.get(w, "/api/v1/ping-tests").await;
        assert_eq!(status, 200);
        assert!(list.as_array().unwrap().iter().any(|x| x["id"] == id));
        let (status, one) = api.get(w, &format!("/api/v1/ping-tests/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(one["title"], "Everyone");
    }
    // The auditor and the reporter read no ping tests.
    for w in [&c.auditor, &c.reporter] {
        for path in [
            "/api/v1/ping-tests".to_string(),
            format!("/api/v1/ping-tests/{id}"),
            results.clone(),
        ] {
            let (status, body) = api.get(w, &path).await;
            assert_eq!(status, 403, "{path}");
            assert_eq!(error_code(&body), "forbidden");
        }
    }
    let (status, _) = api
        .get(&c.secretariat, "/api/v1/ping-tests/999999/results")
        .await;
    assert_eq!(status, 404);

    // Late answers count as late; the reach follows.
    server.clock.advance(Duration::hours(73));
    let (status, late) = api.answer(&tokens[&c.fra_tech.account.email]).await;
    assert_eq!(status, 200, "{late}");
    assert_eq!(late["outcome"], "late");
    let (_, after) = api.get(&c.secretariat, &results).await;
    assert_eq!(after["overall"]["tally"]["late"], 1);
    assert_eq!(after["overall"]["tally"]["in_time"], 1);
    assert_eq!(after["overall"]["states"]["all"], 1);
    server.stop().await;
}

#[tokio::test]
async fn the_mailed_token_answers_once_without_any_account() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let api = Api::new(&server);
    let id = running(&api, &c.secretariat, "Token").await;
    let tokens = tokens(&server, id).await;
    let mine = &tokens[&c.pak_tech.account.email];

    let (status, answered) = api.answer(mine).await;
    assert_eq!(status, 200, "{answered}");
    assert_eq!(answered["campaign_id"], id);
    assert_eq!(answered["outcome"], "in_time");
    assert!(answered["answered_at"].is_string());

    let (status, again) = api.answer(mine).await;
    assert_eq!(status, 409, "{again}");
    assert_eq!(error_code(&again), "challenge_used");
    assert!(again["error"]["message"]
        .as_str()
        .unwrap()
        .contains("already answered"));

    // Forged: well-formed but no challenge has it, or not a token at all.
    let forged = format!("pdp_{}", "A".repeat(43));
    for bad in [forged.as_str(), "pdp_short", "", "../../etc/passwd"] {
        let (status, body) = api.answer(bad).await;
        assert_eq!(status, 404, "{bad}: {body}");
        assert_eq!(error_code(&body), "challenge_unknown");
    }
    // Not the documented shape, or not JSON.
    let r = api
        .http
        .post(server.url("/api/v1/ping-tests/answer"))
        .json(&json!({"token": mine, "extra": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = api
        .http
        .post(server.url("/api/v1/ping-tests/answer"))
        .form(&[("token", mine.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 415);

    // Cancelled: 410, nothing recorded.
    let (status, _) = api
        .post(
            &c.secretariat,
            &format!("/api/v1/ping-tests/{id}/cancel"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, body) = api.answer(&tokens[&c.fra_tech.account.email]).await;
    assert_eq!(status, 410, "{body}");
    assert_eq!(error_code(&body), "campaign_cancelled");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cancelled"));
    let (_, results) = api
        .get(
            &c.secretariat,
            &format!("/api/v1/ping-tests/{id}/results?state=FRA"),
        )
        .await;
    assert_eq!(results["pocs"][0]["answered_at"], Value::Null);

    // Closed: 410 as expired.
    let later = running(&api, &c.secretariat, "Expires").await;
    let later_tokens = self::tokens(&server, later).await;
    server
        .clock
        .advance(Duration::hours(72) + Duration::days(7));
    let (status, body) = api.answer(&later_tokens[&c.pak_dip.account.email]).await;
    assert_eq!(status, 410, "{body}");
    assert_eq!(error_code(&body), "challenge_expired");

    // A browser-like client with a form CSRF cookie but no session is
    // served the same: the token is the credential.
    let fresh = running(&api, &c.secretariat, "Browser").await;
    let fresh_tokens = self::tokens(&server, fresh).await;
    let web = server.client();
    web.get("/").await;
    let r = web
        .http
        .post(server.url("/api/v1/ping-tests/answer"))
        .json(&json!({"token": fresh_tokens[&c.pak_dip.account.email]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    // With a session cookie, an API write repeats the CSRF token in its
    // header, this one too (as the document says); without the cookie,
    // nothing is asked.
    let signed_in = server.signed_in(&c.pak_tech.account).await;
    let r = signed_in
        .http
        .post(server.url("/api/v1/ping-tests/answer"))
        .json(&json!({"token": fresh_tokens[&c.pak_tech.account.email]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(error_code(&Api::read(r).await.1), "csrf_failed");
    let csrf = signed_in.csrf().await;
    let r = signed_in
        .http
        .post(server.url("/api/v1/ping-tests/answer"))
        .header("x-csrf-token", csrf)
        .json(&json!({"token": fresh_tokens[&c.pak_tech.account.email]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    server.stop().await;
}

#[tokio::test]
async fn a_signed_in_poc_answers_only_its_own_challenges() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let api = Api::new(&server);
    let id = running(&api, &c.secretariat, "Signed in").await;

    let (status, mine) = api.get(&c.pak_tech, "/api/v1/ping-tests/challenges").await;
    assert_eq!(status, 200, "{mine}");
    let mine = mine.as_array().unwrap().clone();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0]["campaign_id"], id);
    assert_eq!(mine[0]["state"], "PAK");
    assert_eq!(mine[0]["role"], "technical");
    assert_eq!(mine[0]["outcome"], "awaiting");
    assert_eq!(mine[0]["answered_at"], Value::Null);
    let own = mine[0]["id"].as_i64().unwrap();

    let (_, fra) = api.get(&c.fra_tech, "/api/v1/ping-tests/challenges").await;
    let theirs = fra[0]["id"].as_i64().unwrap();
    assert_ne!(own, theirs);

    // Another PoC's challenge, or none: not found, nothing recorded.
    for other in [theirs, 999_999] {
        let (status, body) = api
            .post(
                &c.pak_tech,
                &format!("/api/v1/ping-tests/challenges/{other}/answer"),
                json!({}),
            )
            .await;
        assert_eq!(status, 404, "{body}");
        assert_eq!(error_code(&body), "not_found");
    }
    let (_, fra_after) = api.get(&c.fra_tech, "/api/v1/ping-tests/challenges").await;
    assert_eq!(fra_after[0]["answered_at"], Value::Null);

    let answer = format!("/api/v1/ping-tests/challenges/{own}/answer");
    let (status, body) = api.post(&c.pak_tech, &answer, json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["campaign_id"], id);
    assert_eq!(body["outcome"], "in_time");
    let (status, body) = api.post(&c.pak_tech, &answer, json!({})).await;
    assert_eq!(status, 409);
    assert_eq!(error_code(&body), "challenge_used");

    let (_, mine) = api.get(&c.pak_tech, "/api/v1/ping-tests/challenges").await;
    assert_eq!(mine[0]["outcome"], "in_time");
    assert!(mine[0]["answered_at"].is_string());

    // Only PoCs answer; a State's nominator and the secretariat have no
    // challenges of their own.
    for w in [&c.secretariat, &c.pak_nominator, &c.auditor] {
        let (status, _) = api.get(w, "/api/v1/ping-tests/challenges").await;
        assert_eq!(status, 403);
        let (status, _) = api.post(w, &answer, json!({})).await;
        assert_eq!(status, 403);
    }

    // The results say who answered, and how.
    let (_, results) = api
        .get(
            &c.pak_nominator,
            &format!("/api/v1/ping-tests/{id}/results"),
        )
        .await;
    let line = results["pocs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["challenge_id"] == own)
        .unwrap()
        .clone();
    assert_eq!(line["outcome"], "in_time");
    assert_eq!(line["channel"], "api");
    assert_eq!(results["overall"]["tally"]["in_time"], 1);
    server.stop().await;
}

/// Every kind of account, of its own State and of another (PAK and FRA),
/// with a read-write token: the list, one campaign, its results (with and without
/// `?state=` naming the other State), its challenges and answering another
/// PoC's, as `decide` and `ping_test_view` say.
#[tokio::test]
async fn results_follow_the_readers_kind_and_state() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let api = Api::new(&server);
    let id = running(&api, &c.secretariat, "Matrix").await;
    // Pakistan's technical PoC answered; France's has not.
    let tokens = tokens(&server, id).await;
    assert_eq!(api.answer(&tokens[&c.pak_tech.account.email]).await.0, 200);
    let (_, fra_challenges) = api.get(&c.fra_tech, "/api/v1/ping-tests/challenges").await;
    let fra_challenge = fra_challenges[0]["id"].as_i64().unwrap();
    let (_, overall) = api
        .get(&c.secretariat, &format!("/api/v1/ping-tests/{id}/results"))
        .await;
    let overall = overall["overall"].clone();

    let mut checked = 0;
    for kind in AccountKind::ALL {
        let states: &[Option<&str>] = if kind.acts_for_participant() {
            &[Some("PAK"), Some("FRA")]
        } else {
            &[None]
        };
        for state in states {
            let w = who(&server, kind, *state).await;
            let actor = Actor {
                account_id: w.account.id,
                kind,
                participant: state
                    .map(|s| pocdir_domain::account::ParticipantCode::parse(s).unwrap()),
                scopes: Scopes::ALL,
            };
            let label = format!("{kind:?} of {state:?}");
            let other = if *state == Some("PAK") { "FRA" } else { "PAK" };
            for path in [
                format!("/api/v1/ping-tests/{id}/results"),
                format!("/api/v1/ping-tests/{id}/results?state={other}"),
            ] {
                let (status, body) = api.get(&w, &path).await;
                if decide(Some(&actor), Action::ReadPingTests) != Decision::Allow {
                    assert_eq!(status, 403, "{label} {path}");
                    continue;
                }
                assert_eq!(status, 200, "{label} {path}: {body}");
                assert_eq!(body["overall"], overall, "{label}");
                match ping_test_view(&actor) {
                    PingTestView::All => {
                        assert_eq!(states_of(&body), vec!["FRA", "PAK"], "{label}");
                        let want: Vec<String> = if path.contains("?state=") {
                            let n = if other == "PAK" { 2 } else { 1 };
                            vec![other.to_string(); n]
                        } else {
                            Vec::new()
                        };
                        assert_eq!(poc_states(&body), want, "{label} {path}");
                    }
                    PingTestView::OwnState(own) => {
                        assert_eq!(states_of(&body), vec![own.clone()], "{label} {path}");
                        let pocs = poc_states(&body);
                        assert!(!pocs.is_empty(), "{label}");
                        assert!(pocs.iter().all(|s| *s == own), "{label} {path}: {pocs:?}");
                    }
                    PingTestView::Public => panic!("{label}: reads, but sees as the public"),
                }
                checked += 1;
            }
            let (status, _) = api.get(&w, "/api/v1/ping-tests").await;
            let reads = decide(Some(&actor), Action::ReadPingTests) == Decision::Allow;
            assert_eq!(status == 200, reads, "{label}: list {status}");
            let (status, _) = api.get(&w, &format!("/api/v1/ping-tests/{id}")).await;
            assert_eq!(status == 200, reads, "{label}: one {status}");

            let answers = decide(Some(&actor), Action::AnswerPingTests) == Decision::Allow;
            let (status, mine) = api.get(&w, "/api/v1/ping-tests/challenges").await;
            if answers {
                assert_eq!(status, 200, "{label}");
                // A new account has no PoC entry, so no challenge.
                assert_eq!(mine, json!([]), "{label}");
            } else {
                assert_eq!(status, 403, "{label}");
            }
            let (status, _) = api
                .post(
                    &w,
                    &format!("/api/v1/ping-tests/challenges/{fra_challenge}/answer"),
                    json!({}),
                )
                .await;
            assert_eq!(status, if answers { 404 } else { 403 }, "{label}");
        }
    }
    assert_eq!(checked, 7 * 2, "every reader's results checked");
    // Nobody answered France's challenge on another's behalf.
    let (_, fra) = api.get(&c.fra_tech, "/api/v1/ping-tests/challenges").await;
    assert_eq!(fra[0]["answered_at"], Value::Null);
    server.stop().await;
}
