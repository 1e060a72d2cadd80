//! Security keys and passkeys (WebAuthn), driven through the real pages
//! with a software authenticator (webauthn-authenticator-rs) in place of
//! the browser and the key: registering, signing in with one, answers for
//! another site or an old challenge, throttling, removal, and a server
//! whose public address cannot be a relying party.

use pocdir_domain::account::AccountKind;
use pocdir_store::StoredLogEntry;
use pocdir_testkit::{TestAccount, TestServer, WebClient};
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_authenticator_rs::WebauthnAuthenticator;

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// The origin a browser would report: the server's address by name, as
/// WebAuthn needs (the server listens on 127.0.0.1).
fn origin(server: &TestServer) -> url::Url {
    url::Url::parse(&server.url.replace("127.0.0.1", "localhost")).unwrap()
}

/// The options a page hands to the script, unescaped from its attribute.
fn options_in(html: &str) -> String {
    let marker = "data-webauthn-options=\"";
    let at = html.find(marker).expect("the page offers a key") + marker.len();
    let raw = html[at..].split('"').next().unwrap();
    raw.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// Registers a key named `name` from the account page; the response of the last step.
async fn register(
    server: &TestServer,
    web: &WebClient,
    account: &TestAccount,
    key: &mut SoftPasskey,
    name: &str,
) -> reqwest::Response {
    let r = web
        .post_form(
            "/account/security-keys/new",
            &[("name", name), ("current", &account.password)],
        )
        .await;
    assert_eq!(r.status(), 200, "the page that asks the key");
    let page = r.text().await.unwrap();
    assert!(page.contains("/static/security-key.js"));
    let options = serde_json::from_str(&options_in(&page)).unwrap();
    let answer = key.do_registration(origin(server), options).unwrap();
    web.post_form(
        "/account/security-keys",
        &[
            ("name", name),
            ("credential", &serde_json::to_string(&answer).unwrap()),
        ],
    )
    .await
}

/// Password step done: a client at the second-factor page.
async fn after_password(server: &TestServer, account: &TestAccount) -> WebClient {
    let web = server.client();
    let r = web
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login/mfa"), "{}", location(&r));
    web
}

/// The key's answer to the challenge on the second-factor page (JSON).
async fn answer_at_mfa_page(web: &WebClient, key: &mut SoftPasskey, at: url::Url) -> String {
    let page = web.get("/login/mfa").await.text().await.unwrap();
    let options = serde_json::from_str(&options_in(&page)).unwrap();
    let answer = key.do_authentication(at, options).unwrap();
    serde_json::to_string(&answer).unwrap()
}

async fn log_of(server: &TestServer) -> Vec<StoredLogEntry> {
    let size = server.store.log_size().await.unwrap();
    server.store.log_entries(0, size).await.unwrap()
}

#[tokio::test]
async fn a_key_is_registered_then_signs_in_in_place_of_the_code() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let web = server.signed_in(&account).await;
    let page = web.get("/account").await.text().await.unwrap();
    assert!(page.contains("id=\"security-keys-none\""));
    assert!(page.contains("action=\"/account/security-keys/new\""));

    let mut key = SoftPasskey::new(true);
    let r = register(&server, &web, &account, &mut key, "Blue key").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account?done=security-key-added");
    let page = web
        .get("/account?done=security-key-added")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("The security key has been added."));
    assert!(page.contains("<bdi>Blue key</bdi>"));
    let keys = server.store.security_keys_of(account.id).await.unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].last_used_at, None);
    // Logged with the change, naming the key.
    let added = log_of(&server)
        .await
        .into_iter()
        .find(|e| e.entry.action == "security_key.add")
        .expect("logged");
    assert_eq!(added.entry.object, format!("security_key:{}", keys[0].id));
    assert_eq!(added.entry.actor_account_id, Some(account.id));

    // Signing in again: the key is offered, and answers in place of a code.
    let sign_ins = |log: Vec<StoredLogEntry>| {
        log.iter()
            .filter(|e| e.entry.action == "session.sign_in")
            .count()
    };
    let before = sign_ins(log_of(&server).await);
    let web = after_password(&server, &account).await;
    let page = web.get("/login/mfa").await.text().await.unwrap();
    assert!(page.contains("data-webauthn=\"get\""));
    assert!(page.contains("id=\"code\""), "the TOTP form is still there");
    let answer = answer_at_mfa_page(&web, &mut key, origin(&server)).await;
    let r = web
        .post_form(
            "/login/security-key",
            &[("credential", &answer), ("next", "/directory")],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert_eq!(location(&r), "/directory");
    assert_eq!(web.get("/account").await.status(), 200, "signed in");
    assert_eq!(sign_ins(log_of(&server).await), before + 1, "logged");
    let keys = server.store.security_keys_of(account.id).await.unwrap();
    assert!(keys[0].last_used_at.is_some(), "last use recorded");
    let page = web.get("/account").await.text().await.unwrap();
    assert!(!page.contains(">Never<"), "last used shown");
}

#[tokio::test]
async fn an_answer_for_another_site_or_an_old_challenge_is_refused() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Nominator, Some("PAK")).await;
    let web = server.signed_in(&account).await;
    let mut key = SoftPasskey::new(true);
    assert_eq!(
        register(&server, &web, &account, &mut key, "Key")
            .await
            .status(),
        303
    );

    let web = after_password(&server, &account).await;
    // Another site on the same host relaying our challenge: the browser
    // names its origin in what the key signs.
    let phished = answer_at_mfa_page(
        &web,
        &mut key,
        url::Url::parse("http://localhost:1").unwrap(),
    )
    .await;
    let r = web
        .post_form("/login/security-key", &[("credential", &phished)])
        .await;
    assert_eq!(r.status(), 401);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("The security key was not accepted."),
        "{page}"
    );
    assert_eq!(web.get("/account").await.status(), 303, "not signed in");

    // A good answer is good once: the challenge is gone after it is used,
    // and a later page's challenge is another one.
    let good = answer_at_mfa_page(&web, &mut key, origin(&server)).await;
    let _newer = web.get("/login/mfa").await;
    let r = web
        .post_form("/login/security-key", &[("credential", &good)])
        .await;
    assert_eq!(r.status(), 401, "answer to a replaced challenge");
    // Not JSON at all.
    let r = web
        .post_form("/login/security-key", &[("credential", "{nope")])
        .await;
    assert_eq!(r.status(), 401);
    // The key signed nothing in.
    let keys = server.store.security_keys_of(account.id).await.unwrap();
    assert_eq!(keys[0].last_used_at, None);
    assert_eq!(web.get("/account").await.status(), 303);
}

#[tokio::test]
async fn wrong_answers_are_throttled_like_wrong_codes() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let web = server.signed_in(&account).await;
    let mut key = SoftPasskey::new(true);
    assert_eq!(
        register(&server, &web, &account, &mut key, "Key")
            .await
            .status(),
        303
    );
    let web = after_password(&server, &account).await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let r = web
            .post_form("/login/security-key", &[("credential", "{}")])
            .await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses[..4], [401, 401, 401, 401], "{statuses:?}");
    assert_eq!(statuses[5], 429, "{statuses:?}");
    // Locked: even the right key waits.
    let good = answer_at_mfa_page(&web, &mut key, origin(&server)).await;
    let r = web
        .post_form("/login/security-key", &[("credential", &good)])
        .await;
    assert_eq!(r.status(), 429);
}

#[tokio::test]
async fn a_key_is_removed_with_the_password_and_is_no_longer_offered() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let other = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&account).await;
    let mut key = SoftPasskey::new(true);
    assert_eq!(
        register(&server, &web, &account, &mut key, "Key")
            .await
            .status(),
        303
    );
    let id = server.store.security_keys_of(account.id).await.unwrap()[0].id;
    let path = format!("/account/security-keys/{id}/remove");

    // Another account cannot remove it, even with its own password.
    let intruder = server.signed_in(&other).await;
    let r = intruder
        .post_form(&path, &[("current", &other.password)])
        .await;
    assert_eq!(r.status(), 404);
    // The owner with a wrong password: refused, the key stays.
    let r = web
        .post_form(&path, &[("current", "wrong password!")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("The current password is wrong."));
    assert_eq!(
        server
            .store
            .security_keys_of(account.id)
            .await
            .unwrap()
            .len(),
        1
    );

    let r = web
        .post_form(&path, &[("current", &account.password)])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account?done=security-key-removed");
    assert!(server
        .store
        .security_keys_of(account.id)
        .await
        .unwrap()
        .is_empty());
    let removed = log_of(&server)
        .await
        .into_iter()
        .find(|e| e.entry.action == "security_key.remove")
        .expect("logged");
    assert_eq!(removed.entry.object, format!("security_key:{id}"));

    // The next sign-in offers no key, only the code.
    let web = after_password(&server, &account).await;
    let page = web.get("/login/mfa").await.text().await.unwrap();
    assert!(!page.contains("data-webauthn"));
    assert!(page.contains("id=\"code\""));
}

#[tokio::test]
async fn a_bad_name_or_a_stale_answer_registers_nothing() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Reporter, None).await;
    let web = server.signed_in(&account).await;
    let r = web
        .post_form("/account/security-keys/new", &[("name", "   ")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Give the key a name."));
    let long = "k".repeat(61);
    let r = web
        .post_form("/account/security-keys/new", &[("name", &long)])
        .await;
    assert_eq!(r.status(), 422);

    // Without the password, no challenge is handed out.
    let r = web
        .post_form(
            "/account/security-keys/new",
            &[("name", "Key"), ("current", "not the password")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("The current password is wrong."));
    assert!(!page.contains("data-webauthn-options"));

    // An answer posted without a challenge (or a second time) is refused.
    let mut key = SoftPasskey::new(true);
    let r = web
        .post_form(
            "/account/security-keys/new",
            &[("name", "Key"), ("current", &account.password)],
        )
        .await;
    let options = serde_json::from_str(&options_in(&r.text().await.unwrap())).unwrap();
    let answer =
        serde_json::to_string(&key.do_registration(origin(&server), options).unwrap()).unwrap();
    let fields = [("name", "Key"), ("credential", answer.as_str())];
    assert_eq!(
        web.post_form("/account/security-keys", &fields)
            .await
            .status(),
        303
    );
    let r = web.post_form("/account/security-keys", &fields).await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("The request to your key has expired."));
    assert_eq!(
        server
            .store
            .security_keys_of(account.id)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn without_a_domain_name_keys_are_off_and_totp_still_works() {
    let server = TestServer::start_with(|c| {
        c.base_url = Some("http://pocdir.example.org".to_string());
    })
    .await;
    let account = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let web = server.signed_in(&account).await;
    let page = web.get("/account").await.text().await.unwrap();
    assert!(page.contains("id=\"security-keys-unavailable\""));
    assert!(!page.contains("action=\"/account/security-keys/new\""));
    let r = web
        .post_form("/account/security-keys/new", &[("name", "Key")])
        .await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn the_script_is_served_from_the_site_and_the_pages_stay_strict() {
    let server = TestServer::start().await;
    let r = server.client().get("/static/security-key.js").await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert!(r.text().await.unwrap().contains("navigator.credentials"));
    let account = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let web = server.signed_in(&account).await;
    let r = web
        .post_form(
            "/account/security-keys/new",
            &[("name", "Key"), ("current", &account.password)],
        )
        .await;
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let page = r.text().await.unwrap();
    // The one script is the file; no inline code or handlers.
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains("<script src=\"/static/security-key.js\" defer></script>"));
    assert!(!page.contains(" onclick=") && !page.contains(" style="));
}
