//! Accounts managed in the portal, through the real pages and a real SMTP
//! peer: invitations whose mailed link sets the password and leads to the
//! TOTP enrolment, the secretariat's disable / re-enable / second-factor
//! reset with a reason, "forgot password" with the second factor, the
//! first password chosen at first sign-in, and a verified PoC's access.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::entropy::OsEntropy;
use pocdir_domain::totp;
use pocdir_store::{LogFilter, MailStatus};
use pocdir_testkit::{ReceivedMail, SmtpPeer, TestAccount, TestServer, WebClient};
use serde_json::{json, Value};
use time::Duration;

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// The first link in a mail that starts with `prefix` (a whole URL).
fn link_in(mail: &ReceivedMail, prefix: &str) -> String {
    let at = mail
        .body
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} in {}", mail.body));
    mail.body[at..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

/// The path of a link to this server.
fn path_of(server: &TestServer, link: &str) -> String {
    link.strip_prefix(&server.url).unwrap().to_string()
}

pub(crate) async fn mails_to(smtp: &SmtpPeer, email: &str, n: usize) -> Vec<ReceivedMail> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let got: Vec<_> = smtp
            .messages()
            .into_iter()
            .filter(|m| m.rcpt_tos.iter().any(|r| r == email))
            .collect();
        if got.len() >= n {
            return got;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "expected {n} mails to {email}, got {got:#?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn log_actions(server: &TestServer) -> Vec<String> {
    server
        .store
        .search_log(&LogFilter::default(), None, 500)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// Enrols TOTP on the page the browser is sent to, as an app would.
async fn enrol_totp(server: &TestServer, web: &WebClient, account_id: i64) -> String {
    let page = web.get("/login/enrol").await;
    assert_eq!(page.status(), 200);
    let secret = server
        .store
        .account_by_id(account_id)
        .await
        .unwrap()
        .unwrap()
        .totp_secret
        .unwrap();
    let r = web
        .post_form("/login/enrol", &[("code", &server.totp_now(&secret))])
        .await;
    assert_eq!(r.status(), 200, "recovery codes shown");
    assert!(r.text().await.unwrap().contains("recovery-codes"));
    server.next_totp_step();
    secret
}

#[tokio::test]
async fn the_secretariat_invites_and_the_invitee_enrols_through_the_mailed_link() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;

    let form = web.get("/invitations/new").await.text().await.unwrap();
    assert!(
        form.contains("value=\"technical_poc\""),
        "every kind offered"
    );
    assert!(form.contains("value=\"auditor\""));
    // A PoC account must say which State it acts for.
    let r = web
        .post_form(
            "/invitations",
            &[
                ("kind", "technical_poc"),
                ("name", "Ayesha Malik"),
                ("email", "ayesha@cert.pk.example.org"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("id=\"error-participant\""), "{page}");
    assert!(page.contains("Ayesha Malik"), "values kept");

    let r = web
        .post_form(
            "/invitations",
            &[
                ("kind", "technical_poc"),
                ("participant", "PAK"),
                ("name", "Ayesha Malik"),
                ("email", "Ayesha@CERT.pk.example.org"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/invitations?done=invitation-sent");
    let list = web
        .get("/invitations?done=invitation-sent")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("id=\"flash\""));
    assert!(list.contains("ayesha@cert.pk.example.org"));

    // A second invitation to the same address waits for the first.
    let r = web
        .post_form(
            "/invitations",
            &[
                ("kind", "technical_poc"),
                ("participant", "PAK"),
                ("name", "Ayesha Malik"),
                ("email", "ayesha@cert.pk.example.org"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);

    let mail = mails_to(&smtp, "ayesha@cert.pk.example.org", 1)
        .await
        .remove(0);
    assert!(mail.subject.contains("invitation"), "{}", mail.subject);
    assert!(
        mail.body.contains("Bonjour"),
        "in the chosen language: {}",
        mail.body
    );
    assert!(mail.body.contains("Pakistan"), "{}", mail.body);
    let link = link_in(&mail, &server.url("/enrol/"));
    let path = path_of(&server, &link);
    // Only the link's hash is kept: the outbox no longer holds it once sent.
    // The relay has it before the sender records it sent: wait for that.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let sent = loop {
        let mails = server.store.mails(None, 10).await.unwrap();
        let recorded = mails
            .iter()
            .any(|m| m.recipient == "ayesha@cert.pk.example.org" && m.status == MailStatus::Sent);
        if recorded || std::time::Instant::now() > deadline {
            break mails;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(
        sent.iter().all(|m| !m.body.contains(&path)),
        "secret kept in the outbox"
    );

    let invitee = server.client();
    let page = invitee.get(&path).await;
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("ayesha@cert.pk.example.org"));
    let r = invitee
        .post_form(&path, &[("new", "short"), ("confirm", "short")])
        .await;
    assert_eq!(r.status(), 422);
    let password = "a long enough passphrase";
    let r = invitee
        .post_form(&path, &[("new", password), ("confirm", password)])
        .await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login/enrol"), "{}", location(&r));
    let account = server
        .store
        .account_by_email("ayesha@cert.pk.example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.kind, AccountKind::TechnicalPoc);
    assert_eq!(account.participant.as_deref(), Some("PAK"));
    assert_eq!(account.language.as_deref(), Some("fr"));
    // Nothing opens before the second factor.
    assert_eq!(invitee.get("/account").await.status(), 303);
    enrol_totp(&server, &invitee, account.id).await;
    let me = invitee.get("/account").await;
    assert_eq!(me.status(), 200, "signed in");

    // The link worked once.
    let again = server.client().get(&path).await;
    assert_eq!(again.status(), 410);
    assert!(again.text().await.unwrap().contains("id=\"link-problem\""));
    let actions = log_actions(&server).await;
    for action in [
        "account.invite",
        "account.invite_accept",
        "account.mfa_enrol",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    assert!(web
        .get("/invitations")
        .await
        .text()
        .await
        .unwrap()
        .contains("id=\"invitations-empty\""));
    server.stop().await;
}

#[tokio::test]
async fn a_nominator_invites_only_its_own_states_poc_accounts() {
    let server = TestServer::start().await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let other = server.account(AccountKind::Nominator, Some("FRA")).await;
    let web = server.signed_in(&nominator).await;
    let form = web.get("/invitations/new").await.text().await.unwrap();
    assert!(form.contains("value=\"technical_poc\""));
    assert!(!form.contains("value=\"nominator\""));
    assert!(!form.contains("value=\"secretariat\""));

    for kind in ["nominator", "secretariat", "auditor"] {
        let r = web
            .post_form(
                "/invitations",
                &[("kind", kind), ("name", "X"), ("email", "x@example.org")],
            )
            .await;
        assert_eq!(r.status(), 403, "{kind}");
    }
    // Whatever State the form names, a nominator invites for its own.
    let r = web
        .post_form(
            "/invitations",
            &[
                ("kind", "diplomatic_poc"),
                ("participant", "FRA"),
                ("name", "Omar Khan"),
                ("email", "omar@mofa.pk.example.org"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let open = server
        .store
        .open_invitations(None, server.clock.now())
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].participant.as_deref(), Some("PAK"));
    assert_eq!(open[0].kind, AccountKind::DiplomaticPoc);

    // Another State's nominator neither sees nor revokes it.
    let fra = server.signed_in(&other).await;
    assert!(!fra
        .get("/invitations")
        .await
        .text()
        .await
        .unwrap()
        .contains("omar@"));
    let revoke = format!("/invitations/{}/revoke", open[0].id);
    assert_eq!(fra.post_form(&revoke, &[]).await.status(), 404);
    let r = web.post_form(&revoke, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/invitations?done=invitation-revoked");
    assert!(log_actions(&server)
        .await
        .iter()
        .any(|a| a == "account.invite_revoke"));
    server.stop().await;
}

#[tokio::test]
async fn unknown_expired_and_revoked_links_get_a_clear_page() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;
    let r = server.client().get("/enrol/pdi_nothing").await;
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap().contains("id=\"link-problem\""));

    // Revoked first: eight days later the secretariat's session has ended too.
    for (email, revoke) in [("gone@example.org", true), ("late@example.org", false)] {
        let r = web
            .post_form(
                "/invitations",
                &[("kind", "auditor"), ("name", "A. Uditor"), ("email", email)],
            )
            .await;
        assert_eq!(location(&r), "/invitations?done=invitation-sent");
        let link = link_in(&mails_to(&smtp, email, 1).await[0], &server.url("/enrol/"));
        if revoke {
            let id = server
                .store
                .open_invitations(None, server.clock.now())
                .await
                .unwrap()[0]
                .id;
            assert_eq!(
                web.post_form(&format!("/invitations/{id}/revoke"), &[])
                    .await
                    .status(),
                303
            );
        } else {
            server.clock.advance(Duration::days(8));
        }
        let path = path_of(&server, &link);
        let page = server.client().get(&path).await;
        assert_eq!(page.status(), 410, "{email}");
        let text = page.text().await.unwrap();
        let expected = if revoke { "withdrawn" } else { "expired" };
        assert!(text.contains(expected), "{email}: {text}");
        let post = server
            .client()
            .post_form(
                &path,
                &[
                    ("new", "a long enough passphrase"),
                    ("confirm", "a long enough passphrase"),
                ],
            )
            .await;
        assert_eq!(post.status(), 410);
        assert!(server
            .store
            .account_by_email(email)
            .await
            .unwrap()
            .is_none());
    }
    server.stop().await;
}

#[tokio::test]
async fn forgot_password_mails_a_link_that_still_needs_the_second_factor() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let account = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let web = server.client();
    assert!(web
        .get("/login")
        .await
        .text()
        .await
        .unwrap()
        .contains("href=\"/login/forgot\""));

    // The same answer whether or not the address has an account.
    let known = web
        .post_form("/login/forgot", &[("email", &account.email)])
        .await;
    assert_eq!(known.status(), 200);
    let known = known.text().await.unwrap();
    let unknown = web
        .post_form("/login/forgot", &[("email", "nobody@example.org")])
        .await;
    assert_eq!(unknown.status(), 200);
    assert_eq!(known, unknown.text().await.unwrap());
    assert!(known.contains("id=\"forgot-sent\""));

    let mail = mails_to(&smtp, &account.email, 1).await.remove(0);
    let path = path_of(&server, &link_in(&mail, &server.url("/login/reset/")));
    assert!(smtp
        .messages()
        .iter()
        .all(|m| !m.rcpt_tos.contains(&"nobody@example.org".to_string())));

    let new = "my brand new passphrase";
    fn fields<'a>(new: &'a str, code: &'a str) -> [(&'a str, &'a str); 3] {
        [("new", new), ("confirm", new), ("code", code)]
    }
    let r = web.post_form(&path, &fields(new, "000000")).await;
    assert_eq!(r.status(), 401, "the second factor is still required");
    let secret = account.totp_secret.clone().unwrap();
    let code = server.totp_now(&secret);
    let r = web.post_form(&path, &fields(new, &code)).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login?done=password-reset");
    server.next_totp_step();

    // The old password is gone, the new one signs in; the link is spent.
    let old = server
        .client()
        .post_form(
            "/login",
            &[("email", &account.email), ("password", &account.password)],
        )
        .await;
    assert_eq!(old.status(), 401);
    let renewed = TestAccount {
        password: new.to_string(),
        ..account.clone()
    };
    server.signed_in(&renewed).await;
    assert_eq!(server.client().get(&path).await.status(), 410);
    let actions = log_actions(&server).await;
    assert!(actions
        .iter()
        .any(|a| a == "account.password_reset_request"));
    assert!(actions.iter().any(|a| a == "account.password_reset"));

    // A recovery code does instead of the TOTP code.
    web.post_form("/login/forgot", &[("email", &account.email)])
        .await;
    let mail = mails_to(&smtp, &account.email, 2).await.remove(1);
    let path = path_of(&server, &link_in(&mail, &server.url("/login/reset/")));
    let codes = pocdir_domain::credentials::generate_recovery_codes(&OsEntropy);
    let hashes: Vec<String> = codes.iter().map(|c| c.hash.clone()).collect();
    server
        .store
        .replace_recovery_codes(
            account.id,
            &hashes,
            pocdir_domain::log::events::recovery_codes_replaced(
                server.clock.now(),
                &pocdir_domain::log::entry::LogActor::console(),
            ),
        )
        .await
        .unwrap();
    let again = "yet another passphrase";
    let r = web
        .post_form(
            &path,
            &[
                ("new", again),
                ("confirm", again),
                ("recovery_code", &codes[0].secret),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);

    // Requests are throttled like sign-in: the same answer for any address.
    let mut last = 200;
    for _ in 0..6 {
        last = web
            .post_form("/login/forgot", &[("email", "nobody@example.org")])
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 429);
    server.stop().await;
}

#[tokio::test]
async fn the_secretariat_disables_enables_and_resets_a_second_factor_with_a_reason() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let target = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let admin = server.signed_in(&secretariat).await;
    let theirs = server.signed_in(&target).await;
    let token = server.token(&target, "read").await;
    let me = |token: String| {
        let url = server.url("/api/v1/me");
        async move {
            reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(me(token.clone()).await, 200);

    let list = admin.get("/accounts").await.text().await.unwrap();
    assert!(list.contains(&target.email));
    let page = format!("/accounts/{}", target.id);
    assert_eq!(admin.get(&page).await.status(), 200);
    let disable = format!("{page}/disable");
    let r = admin.post_form(&disable, &[("reason", "  ")]).await;
    assert_eq!(r.status(), 422, "a reason is required");
    assert!(r.text().await.unwrap().contains("id=\"error-reason\""));
    assert!(
        !server
            .store
            .account_by_id(target.id)
            .await
            .unwrap()
            .unwrap()
            .disabled
    );

    let r = admin
        .post_form(&disable, &[("reason", "Left the CERT in May")])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("{page}?done=account-disabled"));
    // Sessions end, tokens stop, sign-in is refused.
    let r = theirs.get("/account").await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"));
    assert_eq!(me(token.clone()).await, 401);
    let r = server
        .client()
        .post_form(
            "/login",
            &[("email", &target.email), ("password", &target.password)],
        )
        .await;
    assert_eq!(r.status(), 403);
    let mail = mails_to(&smtp, &target.email, 1).await.remove(0);
    assert!(mail.body.contains("Left the CERT in May"), "{}", mail.body);
    let entry = server
        .store
        .search_log(
            &LogFilter {
                action: Some("account.disable".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .unwrap();
    assert_eq!(entry.len(), 1);
    assert_eq!(entry[0].object, format!("account:{}", target.id));
    assert_eq!(entry[0].actor_account_id, Some(secretariat.id));

    let r = admin
        .post_form(&format!("{page}/enable"), &[("reason", "Back on duty")])
        .await;
    assert_eq!(r.status(), 303);
    server.signed_in(&target).await;
    assert_eq!(me(token).await, 401, "old tokens stay revoked");
    mails_to(&smtp, &target.email, 2).await;

    let r = admin
        .post_form(
            &format!("{page}/reset-second-factor"),
            &[("reason", "Phone lost")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let web = server.client();
    let r = web
        .post_form(
            "/login",
            &[("email", &target.email), ("password", &target.password)],
        )
        .await;
    assert!(
        location(&r).starts_with("/login/enrol"),
        "enrols again: {}",
        location(&r)
    );
    let mail = mails_to(&smtp, &target.email, 3).await.remove(2);
    assert!(mail.body.contains("Phone lost"));

    // Not on oneself; and only the secretariat.
    let own = format!("/accounts/{}/disable", secretariat.id);
    assert_eq!(
        admin.post_form(&own, &[("reason", "x")]).await.status(),
        422
    );
    let nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let nom = server.signed_in(&nominator).await;
    assert_eq!(nom.get("/accounts").await.status(), 403);
    assert_eq!(
        nom.post_form(&disable, &[("reason", "x")]).await.status(),
        403
    );
    server.stop().await;
}

/// Posts the first-password form with the CSRF token of its own page (the
/// only page that has one before the password is chosen).
async fn choose(web: &WebClient, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = web.get("/login/password").await.text().await.unwrap();
    let csrf = pocdir_testkit::csrf_in(&page).expect("a CSRF field");
    let mut all = fields.to_vec();
    all.push(("csrf", &csrf));
    web.post_raw("/login/password", &all).await
}

#[tokio::test]
async fn a_password_set_at_the_console_is_changed_at_first_sign_in() {
    let server = TestServer::start().await;
    let created = pocdir::accounts::create_account(
        server.store.as_ref(),
        &server.clock,
        &OsEntropy,
        pocdir::accounts::AccountRequest {
            kind: AccountKind::Auditor,
            email: "console@example.org",
            participant: None,
            display_name: None,
            demo_totp_secret: None,
            password: None,
            must_change_password: true,
        },
    )
    .await
    .unwrap();
    assert!(created.account.password_change_required);
    let web = server.client();
    let r = web
        .post_form(
            "/login",
            &[
                ("email", "console@example.org"),
                ("password", &created.password),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    enrol_totp(&server, &web, created.account.id).await;
    // The recovery codes page's "continue" leads to the first password.
    let r = web.get("/account").await;
    assert_eq!(r.status(), 303);
    assert!(
        location(&r).starts_with("/login/password"),
        "{}",
        location(&r)
    );
    for path in ["/audit", "/directory"] {
        let r = web.get(path).await;
        assert!(
            location(&r).starts_with("/login/password"),
            "{path}: {}",
            location(&r)
        );
    }
    assert_eq!(web.get("/api/v1/me").await.status(), 401);
    assert_eq!(web.get("/login/password").await.status(), 200);

    let same = created.password.as_str();
    let r = choose(&web, &[("new", same), ("confirm", same)]).await;
    assert_eq!(r.status(), 422, "the given password again");
    let r = choose(
        &web,
        &[("new", "my own passphrase"), ("confirm", "not the same")],
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = choose(
        &web,
        &[
            ("new", "my own passphrase"),
            ("confirm", "my own passphrase"),
            ("next", "/account"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account?done=password-chosen");
    assert_eq!(web.get("/account").await.status(), 200);
    let stored = server
        .store
        .account_by_email("console@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.password_change_required);

    // Later sign-ins go straight on.
    let secret = stored.totp_secret.unwrap();
    let again = server.client();
    again
        .post_form(
            "/login",
            &[
                ("email", "console@example.org"),
                ("password", "my own passphrase"),
            ],
        )
        .await;
    let r = again
        .post_form(
            "/login/mfa",
            &[
                ("code", &totp::code_at(&secret, server.clock.now()).unwrap()),
                ("next", "/account"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/account");
    server.stop().await;
}

async fn post_api(server: &TestServer, who: &TestAccount, path: &str, body: Value) -> Value {
    let token = server.token(who, "write").await;
    let r = reqwest::Client::new()
        .post(server.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let body: Value = r.json().await.unwrap_or(Value::Null);
    assert!(status == 200 || status == 201, "{path}: {status} {body}");
    body
}

#[tokio::test]
async fn a_verified_poc_is_given_access_from_its_page() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let poc = post_api(
        &server,
        &nominator,
        "/api/v1/participants/PAK/pocs",
        json!({
            "role": "technical",
            "name": "Ayesha Malik",
            "organisation": "PKCERT",
            "emails": ["ayesha@cert.pk.example.org"],
            "languages": ["ur", "en"],
            "time_zone": "Asia/Karachi",
            "hours": "Mon-Fri 09:00-17:00"
        }),
    )
    .await;
    let id = poc["id"].as_i64().unwrap();
    let web = server.signed_in(&nominator).await;
    // Not before it is verified.
    assert_eq!(web.get(&format!("/pocs/{id}/access")).await.status(), 409);
    post_api(
        &server,
        &secretariat,
        &format!("/api/v1/pocs/{id}/decision"),
        json!({"version": poc["version"], "approve": true}),
    )
    .await;
    let page = web.get(&format!("/pocs/{id}")).await.text().await.unwrap();
    assert!(
        page.contains(&format!("href=\"/pocs/{id}/access\"")),
        "linked from the PoC's page"
    );
    let access = format!("/pocs/{id}/access");
    assert!(web
        .get(&access)
        .await
        .text()
        .await
        .unwrap()
        .contains("id=\"poc-not-linked\""));

    // Only an address of the entry.
    let r = web
        .post_form(
            &format!("{access}/invite"),
            &[("email", "someone@else.example.org")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = web
        .post_form(
            &format!("{access}/invite"),
            &[("email", "ayesha@cert.pk.example.org"), ("language", "en")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(web
        .get(&access)
        .await
        .text()
        .await
        .unwrap()
        .contains("id=\"poc-invited\""));
    let mail = mails_to(&smtp, "ayesha@cert.pk.example.org", 1)
        .await
        .remove(0);
    let path = path_of(&server, &link_in(&mail, &server.url("/enrol/")));
    let invitee = server.client();
    let pw = "a long enough passphrase";
    assert_eq!(
        invitee
            .post_form(&path, &[("new", pw), ("confirm", pw)])
            .await
            .status(),
        303
    );
    let linked = server.store.poc_account(id).await.unwrap().unwrap();
    assert_eq!(linked.email, "ayesha@cert.pk.example.org");
    assert_eq!(linked.kind, AccountKind::TechnicalPoc);
    assert!(web
        .get(&access)
        .await
        .text()
        .await
        .unwrap()
        .contains("id=\"poc-linked\""));

    // Linked to another account of the State and role instead.
    let other = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let wrong = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let r = web
        .post_form(
            &format!("{access}/link"),
            &[("account", &wrong.id.to_string())],
        )
        .await;
    assert_eq!(r.status(), 422, "a diplomatic account for a technical PoC");
    let r = web
        .post_form(
            &format!("{access}/link"),
            &[("account", &other.id.to_string())],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        server.store.poc_account(id).await.unwrap().unwrap().id,
        other.id
    );
    assert!(
        log_actions(&server)
            .await
            .iter()
            .filter(|a| *a == "account.poc_link")
            .count()
            >= 2
    );

    // Another State's nominator, and a PoC, get nothing; the attempt is logged.
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    assert_eq!(
        server.signed_in(&fra).await.get(&access).await.status(),
        403
    );
    assert!(log_actions(&server)
        .await
        .iter()
        .any(|a| a == "access.refused"));
    let pak_poc = server.signed_in(&other).await;
    assert_eq!(pak_poc.get(&access).await.status(), 403);
    server.stop().await;
}
