//! The cache of signed-in credentials: a verified session or token is
//! served from memory, and every change that ends it (sign-out, revocation,
//! password change, disable) is refused by the very next request on the
//! same instance, and within a second on another instance.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::{Backend, TestAccount, TestServer, WebClient};
use serde_json::{json, Value};
use sqlx::Connection;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The status of `GET /api/v1/me` with a bearer token.
async fn me_token(server: &TestServer, token: &str) -> u16 {
    reqwest::Client::new()
        .get(server.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The status of `GET /api/v1/me` with a browser's cookies as they were.
async fn me_cookie(server: &TestServer, cookie: &str) -> u16 {
    reqwest::Client::new()
        .get(server.url("/api/v1/me"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// A token minted through the API; its id and secret.
async fn mint(server: &TestServer, write: &str, name: &str) -> (i64, String) {
    let r = reqwest::Client::new()
        .post(server.url("/api/v1/me/tokens"))
        .bearer_auth(write)
        .json(&json!({"name": name, "scope": "read", "days": 7}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let body: Value = r.json().await.unwrap();
    (
        body["id"].as_i64().unwrap(),
        body["token"].as_str().unwrap().to_string(),
    )
}

async fn revoke(server: &TestServer, write: &str, id: i64) {
    let r = reqwest::Client::new()
        .delete(server.url(&format!("/api/v1/me/tokens/{id}")))
        .bearer_auth(write)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
}

/// A browser signed in through the real pages, and its cookie jar (to
/// replay its session cookie after the browser itself has moved on).
async fn browser(
    server: &TestServer,
    account: &TestAccount,
) -> (WebClient, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let web = WebClient {
        http: reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        base: server.url.clone(),
    };
    let r = web
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    assert_eq!(r.status(), 303, "password step");
    let code = server.totp_now(account.totp_secret.as_ref().unwrap());
    let r = web.post_form("/login/mfa", &[("code", &code)]).await;
    assert_eq!(r.status(), 303, "TOTP step");
    server.next_totp_step();
    (web, jar)
}

fn cookies(server: &TestServer, jar: &reqwest::cookie::Jar) -> String {
    use reqwest::cookie::CookieStore;
    let url = server.url.parse().unwrap();
    let header = jar.cookies(&url).expect("cookies");
    let text = header.to_str().unwrap().to_string();
    assert!(text.contains("pocdir_session="), "{text}");
    text
}

/// Runs `sql` on the server's database behind its back (no log entry).
async fn behind_the_back(server: &TestServer, sql: &str) {
    let url = server.config.database_url();
    match server.backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&url).await.unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
            c.close().await.unwrap();
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
            c.close().await.unwrap();
        }
    }
}

#[tokio::test]
async fn a_verified_token_is_served_from_memory_until_its_entry_is_old() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Nominator, Some("PAK")).await;
    let token = server.token(&account, "read").await;
    assert_eq!(me_token(&server, &token).await, 200);
    // A change nobody logged (never done by pocdir itself) is not seen:
    // proof that the request did not read the database…
    behind_the_back(&server, "UPDATE api_tokens SET revoked_at = 1").await;
    assert_eq!(
        me_token(&server, &token).await,
        200,
        "served from the cache"
    );
    // …until the entry is older than the safety net's age.
    server.clock.advance(time::Duration::seconds(61));
    assert_eq!(me_token(&server, &token).await, 401);
    server.stop().await;
}

#[tokio::test]
async fn a_revoked_token_is_refused_by_the_very_next_request() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Nominator, Some("PAK")).await;
    let write = server.token(&account, "write").await;
    let (id, token) = mint(&server, &write, "script").await;
    assert_eq!(me_token(&server, &token).await, 200);
    assert_eq!(me_token(&server, &token).await, 200);
    revoke(&server, &write, id).await;
    assert_eq!(me_token(&server, &token).await, 401);
    assert_eq!(
        me_token(&server, &write).await,
        200,
        "the other token lives"
    );
    server.stop().await;
}

#[tokio::test]
async fn sign_out_password_change_and_disable_end_credentials_at_once() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;

    // Sign-out: the cookie the browser had is refused by the next request.
    let (web, jar) = browser(&server, &account).await;
    let old = cookies(&server, &jar);
    assert_eq!(me_cookie(&server, &old).await, 200);
    assert_eq!(me_cookie(&server, &old).await, 200);
    assert_eq!(web.post_form("/logout", &[]).await.status(), 303);
    assert_eq!(me_cookie(&server, &old).await, 401, "signed out");

    // A password change ends the account's other sessions.
    let (laptop, _) = browser(&server, &account).await;
    let (_phone, phone_jar) = browser(&server, &account).await;
    let phone = cookies(&server, &phone_jar);
    assert_eq!(me_cookie(&server, &phone).await, 200);
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
    assert_eq!(me_cookie(&server, &phone).await, 401, "password changed");
    assert_eq!(laptop.get("/account").await.status(), 200, "kept");

    // Disabling the account ends its sessions and tokens.
    let account = TestAccount {
        password: "another good passphrase".into(),
        ..account
    };
    let token = server.token(&account, "read").await;
    let (_, jar) = browser(&server, &account).await;
    let session = cookies(&server, &jar);
    assert_eq!(me_token(&server, &token).await, 200);
    assert_eq!(me_cookie(&server, &session).await, 200);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let admin = server.signed_in(&secretariat).await;
    let r = admin
        .post_form(
            &format!("/accounts/{}/disable", account.id),
            &[("reason", "Left the CERT")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(me_token(&server, &token).await, 401, "disabled: token");
    assert_eq!(me_cookie(&server, &session).await, 401, "disabled: session");
    server.stop().await;
}

/// Polls `status` until it is 401, for at most a second.
async fn refused_within_a_second<F, Fut>(what: &str, status: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = u16>,
{
    let deadline = Instant::now() + Duration::from_secs(1);
    loop {
        let got = status().await;
        if got == 401 {
            return;
        }
        assert_eq!(got, 200, "{what}");
        assert!(
            Instant::now() < deadline,
            "{what}: still accepted by the other instance after a second"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn another_instance_follows_revocations_within_a_second() {
    let a = TestServer::start().await;
    let b = a.another_instance().await;
    let account = a.account(AccountKind::Nominator, Some("PAK")).await;
    let write = a.token(&account, "write").await;
    let (id, token) = mint(&a, &write, "script").await;
    let (web, jar) = browser(&a, &account).await;
    let session = cookies(&a, &jar);
    // Both credentials are cached by the other instance too.
    for _ in 0..2 {
        assert_eq!(me_token(&b, &token).await, 200);
        assert_eq!(me_cookie(&b, &session).await, 200);
    }

    revoke(&a, &write, id).await;
    assert_eq!(me_token(&a, &token).await, 401);
    refused_within_a_second("revoked token", || me_token(&b, &token)).await;

    assert_eq!(web.post_form("/logout", &[]).await.status(), 303);
    refused_within_a_second("signed-out session", || me_cookie(&b, &session)).await;

    // And the other way round: a token revoked on b, refused by a.
    let (id, token) = mint(&b, &write, "other").await;
    assert_eq!(me_token(&a, &token).await, 200);
    revoke(&b, &write, id).await;
    refused_within_a_second("revoked on b", || me_token(&a, &token)).await;
    b.stop().await;
    a.stop().await;
}
