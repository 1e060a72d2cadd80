//! Pages: security headers, languages, the account page, health and metrics.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use serde_json::Value;

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let server = TestServer::start().await;
    let http = reqwest::Client::new();
    for path in [
        "/",
        "/login",
        "/api/v1/me",
        "/healthz",
        "/nothing-here",
        "/static/app.css",
    ] {
        let r = http.get(server.url(path)).send().await.unwrap();
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS without TLS"
        );
    }
    let r = http.get(server.url("/login")).send().await.unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Secure")
    );
    assert_eq!(r.headers()["cache-control"], "no-store");
    server.stop().await;

    let server = TestServer::start_with(|c| c.hsts = true).await;
    let r = reqwest::get(server.url("/")).await.unwrap();
    assert!(r.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
    server.stop().await;
}

#[tokio::test]
async fn the_language_comes_from_the_choice_then_the_browser() {
    let server = TestServer::start().await;
    let web = server.client();
    let page = web
        .http
        .get(server.url("/"))
        .header("accept-language", "ru, en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"ru\" dir=\"ltr\">"));

    let r = web.get("/lang/ar?next=/login").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login");
    let page = web
        .http
        .get(server.url("/login"))
        .header("accept-language", "ru")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "the explicit choice wins"
    );
    assert!(
        !page.contains(">Sign in<"),
        "the sign-in page is translated"
    );

    for lang in ["zh", "es", "fr", "en"] {
        web.get(&format!("/lang/{lang}")).await;
        let page = web.get("/").await.text().await.unwrap();
        assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
    }
    // The switcher never sends anyone to another site.
    let r = web.get("/lang/fr?next=//evil.example/").await;
    assert_eq!(r.headers()["location"], "/");
    assert_eq!(web.get("/lang/de").await.status(), 404);
    server.stop().await;
}

#[tokio::test]
async fn the_account_page_manages_sessions_and_tokens() {
    let server = TestServer::start().await;
    let account = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let laptop = server.signed_in(&account).await;
    let phone = server.signed_in(&account).await;
    let page = laptop.get("/account").await.text().await.unwrap();
    assert!(page.contains("Diplomatic point of contact"));
    assert_eq!(page.matches("/revoke\"").count(), 2, "two sessions listed");

    // Create a token through the form: shown once.
    let r = laptop
        .post_form(
            "/account/tokens",
            &[
                ("name", "nightly export"),
                ("scope", "read"),
                ("days", "30"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    let token = page
        .split("id=\"new-token\" dir=\"ltr\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    let me: Value = reqwest::Client::new()
        .get(server.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], account.email);
    let page = laptop.get("/account").await.text().await.unwrap();
    assert!(page.contains("nightly export"));
    assert!(!page.contains(&token), "never shown again");

    let r = laptop
        .post_form(
            "/account/tokens",
            &[("name", "x"), ("scope", "read"), ("days", "9999")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("from 1 to 365"));

    // Changing the password ends the other session.
    let r = laptop
        .post_form(
            "/account/password",
            &[
                ("current", &account.password),
                ("new", "another good passphrase"),
                ("confirm", "another good passphrase"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(laptop.get("/account").await.status(), 200);
    assert_eq!(phone.get("/account").await.status(), 303);

    // Mismatched confirmation is refused with a message.
    let r = laptop
        .post_form(
            "/account/password",
            &[
                ("current", "another good passphrase"),
                ("new", "one more passphrase"),
                ("confirm", "one more passphrase!"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("differ"));
    server.stop().await;
}

#[tokio::test]
async fn health_and_metrics_answer() {
    let server = TestServer::start().await;
    let r = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(r.status(), 200);
    for (path, status) in [("/healthz/live", "live"), ("/healthz/ready", "ready")] {
        let r = reqwest::get(server.url(path)).await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["status"], status, "{path}");
    }
    reqwest::get(server.url("/login")).await.unwrap();
    let metrics = reqwest::get(server.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("pocdir_http_requests_total"), "{metrics}");
    assert!(metrics.contains("route=\"/login\""));
    assert!(metrics.contains("pocdir_http_request_duration_seconds_bucket"));
    server.stop().await;
}
