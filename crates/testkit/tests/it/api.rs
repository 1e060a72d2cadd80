//! The JSON API: tokens (scoped, expiring, revocable), sessions with CSRF
//! header, the OpenAPI document.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use serde_json::{json, Value};
use time::Duration;

async fn me_with(server: &TestServer, token: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(server.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn me_answers_for_a_token_and_refuses_bad_ones() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Nominator, Some("PAK")).await;
    let token = server.token(&account, "read").await;
    let r = me_with(&server, &token).await;
    assert_eq!(r.status(), 200);
    let me: Value = r.json().await.unwrap();
    assert_eq!(me["email"], account.email);
    assert_eq!(me["kind"], "nominator");
    assert_eq!(me["participant"], "PAK");
    assert_eq!(me["authenticated_by"], "token");
    assert_eq!(me["scopes"], "read");

    for bad in ["pdt_nope", "", "Basic abc"] {
        let r = me_with(&server, bad).await;
        assert_eq!(r.status(), 401, "{bad:?}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], "unauthorized");
    }
    // Only the hash is stored.
    let stored = server.store.api_tokens_of(account.id).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].token_hash, token);
    // Its use is written with the next batch of "last seen" times.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while server.store.api_tokens_of(account.id).await.unwrap()[0]
        .last_used_at
        .is_none()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the token's use was never written"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Tokens expire.
    server.clock.advance(Duration::days(31));
    assert_eq!(me_with(&server, &token).await.status(), 401);
    server.stop().await;
}

#[tokio::test]
async fn tokens_are_scoped_and_revocable() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let other = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let read = server.token(&account, "read").await;
    let write = server.token(&account, "write").await;
    let http = reqwest::Client::new();
    let new = json!({"name": "ci script", "scope": "read", "days": 7});

    let r = http
        .post(server.url("/api/v1/me/tokens"))
        .bearer_auth(&read)
        .json(&new)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "read scope cannot write");
    let r = http
        .post(server.url("/api/v1/me/tokens"))
        .bearer_auth(&write)
        .json(&new)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await.unwrap();
    let minted = created["token"].as_str().unwrap().to_string();
    assert!(minted.starts_with("pdt_"));
    assert_eq!(me_with(&server, &minted).await.status(), 200);

    let list: Value = http
        .get(server.url("/api/v1/me/tokens"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert!(
        !list.to_string().contains(&minted),
        "secrets are never listed"
    );

    // Another account cannot revoke it; its owner can.
    let other_write = server.token(&other, "write").await;
    let id = created["id"].as_i64().unwrap();
    let url = server.url(&format!("/api/v1/me/tokens/{id}"));
    let r = http
        .delete(&url)
        .bearer_auth(&other_write)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = http.delete(&url).bearer_auth(&write).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(me_with(&server, &minted).await.status(), 401);
    let r = http.delete(&url).bearer_auth(&write).send().await.unwrap();
    assert_eq!(r.status(), 404, "already revoked");
    server.stop().await;
}

#[tokio::test]
async fn token_requests_are_validated() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let write = server.token(&account, "write").await;
    let http = reqwest::Client::new();
    for (body, why) in [
        (
            json!({"name": "", "scope": "read", "days": 7}),
            "empty name",
        ),
        (
            json!({"name": "x", "scope": "admin", "days": 7}),
            "unknown scope",
        ),
        (
            json!({"name": "x", "scope": "read", "days": 0}),
            "zero days",
        ),
        (
            json!({"name": "x", "scope": "read", "days": 100000}),
            "too many days",
        ),
        (json!({"name": "x", "scope": "read"}), "missing days"),
        (
            json!({"name": "x", "scope": "read", "days": 7, "admin": true}),
            "unknown field",
        ),
    ] {
        let r = http
            .post(server.url("/api/v1/me/tokens"))
            .bearer_auth(&write)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{why}");
        let e: Value = r.json().await.unwrap();
        assert!(
            e["error"]["message"].as_str().unwrap().len() > 10,
            "{why}: {e}"
        );
    }
    assert_eq!(
        server.store.api_tokens_of(account.id).await.unwrap().len(),
        1,
        "nothing created"
    );
    server.stop().await;
}

#[tokio::test]
async fn browser_sessions_need_the_csrf_header_to_write() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Auditor, None).await;
    let web = server.signed_in(&account).await;
    let me: Value = web.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["authenticated_by"], "session");

    let body = json!({"name": "from the browser", "scope": "read", "days": 7});
    let url = server.url("/api/v1/me/tokens");
    let r = web.http.post(&url).json(&body).send().await.unwrap();
    assert_eq!(r.status(), 403);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "csrf_failed");

    let csrf = web.csrf().await;
    let r = web
        .http
        .post(&url)
        .header("x-csrf-token", csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    server.stop().await;
}

#[tokio::test]
async fn openapi_document_describes_the_api() {
    let server = TestServer::start().await;
    let doc: Value = reqwest::get(server.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/v1/me", "/api/v1/me/tokens", "/api/v1/me/tokens/{id}"] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    // Every API route the server has is in the document.
    for spec in &server.routes {
        if spec.path.starts_with("/api/v1/") && spec.path != "/api/v1/openapi.json" {
            let method = spec.method.as_str().to_lowercase();
            assert!(
                doc["paths"][spec.path][&method].is_object(),
                "{} {} missing",
                spec.method,
                spec.path
            );
        }
    }
    server.stop().await;
}
