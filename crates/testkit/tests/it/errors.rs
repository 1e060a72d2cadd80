//! Bad input: the right status, one error shape, a localized page, and no change.

use pocdir_domain::account::AccountKind;
use pocdir_domain::credentials::verify_password;
use pocdir_testkit::TestServer;
use serde_json::Value;

async fn assert_json_error(r: reqwest::Response, status: u16, code: &str) {
    assert_eq!(r.status(), status);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(!body["error"]["message"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn api_errors_have_one_shape_and_the_right_status() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let token = server.token(&account, "write").await;
    let http = reqwest::Client::new();

    assert_json_error(
        http.get(server.url("/api/v1/nothing"))
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    assert_json_error(
        http.put(server.url("/api/v1/me")).send().await.unwrap(),
        405,
        "method_not_allowed",
    )
    .await;
    assert_json_error(
        http.get(server.url("/api/v1/me")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;

    let url = server.url("/api/v1/me/tokens");
    let post = |body: &'static str, ct: &'static str| {
        http.post(&url)
            .bearer_auth(&token)
            .header("content-type", ct)
            .body(body)
            .send()
    };
    assert_json_error(
        post("{not json", "application/json").await.unwrap(),
        400,
        "malformed_json",
    )
    .await;
    assert_json_error(
        post("[1,2,3]", "application/json").await.unwrap(),
        400,
        "malformed_json",
    )
    .await;
    assert_json_error(
        post("name=x", "text/plain").await.unwrap(),
        415,
        "unsupported_media_type",
    )
    .await;
    let huge = format!(
        "{{\"name\": \"{}\", \"scope\": \"read\", \"days\": 1}}",
        "x".repeat(200_000)
    );
    let r = http
        .post(&url)
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_json_error(r, 413, "payload_too_large").await;
    assert_eq!(
        server.store.api_tokens_of(account.id).await.unwrap().len(),
        1,
        "nothing created"
    );
    server.stop().await;
}

#[tokio::test]
async fn pages_show_errors_in_the_readers_language() {
    let server = TestServer::start().await;
    let http = reqwest::Client::new();
    let r = http
        .get(server.url("/no/such/page"))
        .header("accept-language", "fr-FR,fr;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = r.text().await.unwrap();
    assert!(page.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(page.contains("id=\"error-message\""));

    let r = http
        .get(server.url("/no/such/page"))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap();
    let page = r.text().await.unwrap();
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));

    let r = http.delete(server.url("/login")).send().await.unwrap();
    assert_eq!(r.status(), 405);
    assert!(r.text().await.unwrap().contains("id=\"error-message\""));
    server.stop().await;
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_change_nothing() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Nominator, Some("PAK")).await;
    let web = server.signed_in(&account).await;
    let new_password = "a brand new passphrase";
    let fields = [
        ("current", account.password.as_str()),
        ("new", new_password),
        ("confirm", new_password),
    ];

    let r = web.post_raw("/account/password", &fields).await;
    assert_eq!(r.status(), 403);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("did not come from this site"));
    let mut forged = fields.to_vec();
    forged.push(("csrf", "forged-token"));
    let r = web.post_raw("/account/password", &forged).await;
    assert_eq!(r.status(), 403);
    // A token from another browser does not work either.
    let stranger = server.client().csrf().await;
    let mut foreign = fields.to_vec();
    foreign.push(("csrf", &stranger));
    assert_eq!(
        web.post_raw("/account/password", &foreign).await.status(),
        403
    );

    let stored = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        verify_password(&account.password, &stored.password_hash),
        "password unchanged"
    );

    // With the token, it works.
    let r = web.post_form("/account/password", &fields).await;
    assert_eq!(r.status(), 303);
    let stored = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap();
    assert!(verify_password(new_password, &stored.password_hash));
    server.stop().await;
}

#[tokio::test]
async fn malformed_forms_get_a_clear_page_not_a_crash() {
    let server = TestServer::start().await;
    let web = server.client();
    // Missing the password field.
    let r = web.post_form("/login", &[("email", "a@example.org")]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("id=\"error-message\""));
    // Oversized form.
    let big = "x".repeat(100_000);
    let r = web
        .post_form("/login", &[("email", &big), ("password", "y")])
        .await;
    assert_eq!(r.status(), 413);
    // Garbage of every kind never yields a 500.
    for (path, body) in [
        ("/login", "%%%"),
        ("/login/mfa", "code=%ZZ"),
        ("/account/tokens", "name=&days=abc"),
        ("/lang/xx", ""),
    ] {
        let r = web
            .http
            .post(server.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_client_error(), "{path}: {}", r.status());
    }
    server.stop().await;
}
