//! Signing in: enrolment, second factor, replay guard, recovery codes,
//! throttling, session expiry and rotation, signing out.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::credentials::hash_secret;
use pocdir_testkit::TestServer;
use time::Duration;

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("pocdir_session="))
        .map(|c| {
            c.split(';')
                .next()
                .unwrap()
                .trim_start_matches("pocdir_session=")
                .to_string()
        })
}

#[tokio::test]
async fn first_sign_in_enrols_totp_and_shows_recovery_codes_once() {
    let server = TestServer::start().await;
    let account = server
        .new_account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let web = server.client();

    let r = web
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login/enrol"), "{}", location(&r));
    let pending_cookie = session_cookie(&r).expect("pending session cookie");

    // Until the second factor is done, nothing behind sign-in opens.
    let r = web.get("/account").await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"));

    let page = web.get("/login/enrol").await.text().await.unwrap();
    assert!(page.contains("<svg"), "QR code drawn inline");
    let stored = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap();
    let secret = stored.totp_secret.clone().expect("enrolment secret stored");
    assert!(!stored.totp_enrolled);
    let grouped: String = secret
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(page.contains(&grouped), "secret shown as text");
    // A reload keeps the same secret (a scanned code stays valid).
    web.get("/login/enrol").await;
    let again = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.totp_secret.as_deref(), Some(secret.as_str()));

    let r = web.post_form("/login/enrol", &[("code", "000000")]).await;
    assert_eq!(r.status(), 401);
    assert!(r.text().await.unwrap().contains("not valid"));

    let code = server.totp_now(&secret);
    let r = web.post_form("/login/enrol", &[("code", &code)]).await;
    assert_eq!(r.status(), 200);
    let full_cookie = session_cookie(&r).expect("new session cookie");
    assert_ne!(full_cookie, pending_cookie, "session id rotated at sign-in");
    let body = r.text().await.unwrap();
    assert_eq!(body.matches("<li><code>").count(), 10, "ten recovery codes");
    assert_eq!(
        server
            .store
            .unused_recovery_codes(account.id)
            .await
            .unwrap(),
        10
    );
    // The pending session is gone; only the hash of the new one is stored.
    assert!(server
        .store
        .session_by_token_hash(&hash_secret(&pending_cookie))
        .await
        .unwrap()
        .is_none());
    assert!(server
        .store
        .session_by_token_hash(&hash_secret(&full_cookie))
        .await
        .unwrap()
        .is_some());

    let r = web.get("/account").await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains(&account.email));
    let stored = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.totp_enrolled);
    server.stop().await;
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Nominator, Some("FRA")).await;
    let web = server.client();
    let r = web
        .post_form(
            "/login",
            &[("email", &account.email), ("password", "wrong password!!")],
        )
        .await;
    assert_eq!(r.status(), 401);
    let a = r.text().await.unwrap();
    let r = web
        .post_form(
            "/login",
            &[
                ("email", "nobody@example.org"),
                ("password", "wrong password!!"),
            ],
        )
        .await;
    assert_eq!(r.status(), 401);
    let b = r.text().await.unwrap();
    assert!(a.contains("e-mail address or the password is wrong"));
    assert!(b.contains("e-mail address or the password is wrong"));
    assert!(session_cookie_count(&server, account.id).await == 0);
    server.stop().await;
}

async fn session_cookie_count(server: &TestServer, account_id: i64) -> usize {
    server
        .store
        .sessions_of(account_id, server.clock.now())
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let web = server.client();
    for _ in 0..5 {
        web.post_form(
            "/login",
            &[("email", &account.email), ("password", "not the password")],
        )
        .await;
    }
    // Even the right password is refused while locked, with a clear message.
    let r = web
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers().get("retry-after").unwrap(), "900");
    let body = r.text().await.unwrap();
    assert!(body.contains("try again in 15 minutes"), "{body}");

    server.clock.advance(Duration::minutes(16));
    let r = web
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    assert_eq!(r.status(), 303);
    server.stop().await;
}

#[tokio::test]
async fn a_totp_code_is_accepted_once() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let secret = account.totp_secret.clone().unwrap();
    let code = server.totp_now(&secret);

    let first = server.client();
    first
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    let r = first.post_form("/login/mfa", &[("code", &code)]).await;
    assert_eq!(r.status(), 303);

    // Someone who saw the code over the shoulder, in the same 30 seconds:
    let second = server.client();
    second
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    let r = second.post_form("/login/mfa", &[("code", &code)]).await;
    assert_eq!(r.status(), 401);
    assert!(r.text().await.unwrap().contains("already been used"));

    // The next code works.
    server.next_totp_step();
    let r = second
        .post_form("/login/mfa", &[("code", &server.totp_now(&secret))])
        .await;
    assert_eq!(r.status(), 303);
    server.stop().await;
}

#[tokio::test]
async fn recovery_codes_sign_in_once_each() {
    let server = TestServer::start().await;
    let account = server.new_account(AccountKind::Auditor, None).await;
    let web = server.client();
    web.post_form(
        "/login",
        &[("email", &account.email), ("password", &account.password)],
    )
    .await;
    web.get("/login/enrol").await;
    let secret = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap()
        .totp_secret
        .unwrap();
    let page = web
        .post_form("/login/enrol", &[("code", &server.totp_now(&secret))])
        .await
        .text()
        .await
        .unwrap();
    let first_code = page
        .split("<li><code>")
        .nth(1)
        .unwrap()
        .split("</code>")
        .next()
        .unwrap()
        .to_string();

    let other = server.client();
    other
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    let r = other
        .post_form(
            "/login/mfa",
            &[("recovery_code", &first_code.to_uppercase())],
        )
        .await;
    assert_eq!(r.status(), 303, "recovery code accepted, typed in capitals");
    assert_eq!(
        server
            .store
            .unused_recovery_codes(account.id)
            .await
            .unwrap(),
        9
    );

    let third = server.client();
    third
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    let r = third
        .post_form("/login/mfa", &[("recovery_code", &first_code)])
        .await;
    assert_eq!(r.status(), 401, "a used recovery code is refused");
    server.stop().await;
}

#[tokio::test]
async fn sessions_end_when_idle_or_too_old() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Reporter, None).await;
    let web = server.signed_in(&account).await;
    assert_eq!(web.get("/account").await.status(), 200);

    server.clock.advance(Duration::minutes(61));
    let r = web.get("/account").await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).contains("ended=1"), "{}", location(&r));
    let page = web.get(&location(&r)).await.text().await.unwrap();
    assert!(page.contains("Your session has ended"));

    // Active all day long still ends at the absolute limit (12 h).
    let web = server.signed_in(&account).await;
    for _ in 0..13 {
        server.clock.advance(Duration::minutes(55));
        assert_eq!(web.get("/account").await.status(), 200);
    }
    server.clock.advance(Duration::minutes(10));
    assert_eq!(web.get("/account").await.status(), 303);
    server.stop().await;
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let server = TestServer::start().await;
    let account = server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    let web = server.signed_in(&account).await;
    assert_eq!(session_cookie_count(&server, account.id).await, 1);
    let r = web.post_form("/logout", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/?done=signed-out");
    let home = web.get("/?done=signed-out").await.text().await.unwrap();
    assert!(home.contains(r#"id="flash">You are signed out.</p>"#), "{home}");
    assert!(home.contains(r#"id="nav-sign-in""#));
    assert_eq!(session_cookie_count(&server, account.id).await, 0);
    assert_eq!(web.get("/account").await.status(), 303);
    assert_eq!(web.get("/api/v1/me").await.status(), 401);
    server.stop().await;
}

#[tokio::test]
async fn the_password_alone_opens_nothing() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let web = server.client();
    web.post_form(
        "/login",
        &[("email", &account.email), ("password", &account.password)],
    )
    .await;
    assert_eq!(web.get("/api/v1/me").await.status(), 401);
    assert_eq!(web.get("/account").await.status(), 303);
    // The pending session lives ten minutes only.
    server.clock.advance(Duration::minutes(11));
    let r = web
        .post_form(
            "/login/mfa",
            &[(
                "code",
                &server.totp_now(account.totp_secret.as_ref().unwrap()),
            )],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"), "{}", location(&r));
    assert_eq!(web.get("/account").await.status(), 303);
    server.stop().await;
}
