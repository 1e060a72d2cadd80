//! Reporters: an organisation applies through the public form, the
//! secretariat vets it (pages and API), the applicant's mail reaches the
//! real SMTP peer in its language, the reporter enrols like everyone and
//! its home shows where it stands; bad input writes nothing; a reporter
//! sees nothing of the directory.

use crate::accounts::mails_to;
use pocdir_domain::account::AccountKind;
use pocdir_domain::reporter::ReporterStatus;
use pocdir_store::LogFilter;
use pocdir_testkit::{SmtpPeer, TestServer, WebClient};
use serde_json::{json, Value};

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

const EMAIL: &str = "jana@northwind.example.org";

fn good_form() -> Vec<(&'static str, String)> {
    vec![
        ("organisation", "Northwind Security Research".into()),
        ("country", "DEU".into()),
        ("website", "https://northwind.example.org/".into()),
        ("contact_name", "Jana Weber".into()),
        ("contact_email", EMAIL.into()),
        ("language", "fr".into()),
        ("openpgp_key", String::new()),
        (
            "why",
            "We find vulnerabilities in industrial control systems.".into(),
        ),
    ]
}

async fn apply(web: &WebClient, form: &[(&'static str, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    web.post_form("/reporters/apply", &fields).await
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

#[tokio::test]
async fn an_organisation_applies_is_approved_by_mail_and_enrols() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;

    // Found from the public page and the sign-in page, no URL typed.
    let public = server.client();
    for page in ["/", "/login"] {
        let html = public.get(page).await.text().await.unwrap();
        assert!(html.contains("href=\"/reporters/apply\""), "{page}");
    }
    let form = public.get("/reporters/apply").await;
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    assert!(
        html.contains("value=\"DEU\""),
        "countries from the reference list"
    );
    let r = apply(&public, &good_form()).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/reporters/apply/thanks");
    let thanks = public
        .get("/reporters/apply/thanks")
        .await
        .text()
        .await
        .unwrap();
    assert!(thanks.contains("id=\"reporter-thanks\""));
    assert!(!thanks.contains("Northwind"), "reveals no applicant");

    // The secretariat sees it, pending, and approves it.
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;
    let home = web.get("/").await.text().await.unwrap();
    assert!(home.contains("href=\"/reporters\""), "reachable from home");
    let list = web.get("/reporters").await.text().await.unwrap();
    assert!(list.contains("Northwind Security Research"), "{list}");
    let id = server.store.reporters().await.unwrap()[0].id;
    let page = web
        .get(&format!("/reporters/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(EMAIL) && page.contains("id=\"reporter-approve\""));
    let r = web
        .post_form(
            &format!("/reporters/{id}/decide"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        location(&r),
        format!("/reporters/{id}?done=reporter-approved")
    );
    let reporter = server.store.reporter(id).await.unwrap().unwrap();
    assert_eq!(reporter.status, ReporterStatus::Approved);

    // The mail, in French, with the enrolment link.
    let mail = mails_to(&smtp, EMAIL, 1).await.remove(0);
    assert!(mail.subject.contains("approuvée"), "{}", mail.subject);
    let prefix = server.url("/enrol/");
    let at = mail.body.find(&prefix).expect("enrolment link");
    let link = mail.body[at..].split_whitespace().next().unwrap();
    let path = link.strip_prefix(&server.url).unwrap().to_string();

    // The reporter sets a password and a second factor like everyone.
    let invitee = server.client();
    let pw = "a long enough passphrase";
    let r = invitee
        .post_form(&path, &[("new", pw), ("confirm", pw)])
        .await;
    assert_eq!(r.status(), 303);
    let account = server.store.account_by_email(EMAIL).await.unwrap().unwrap();
    assert_eq!(account.kind, AccountKind::Reporter);
    assert_eq!(invitee.get("/login/enrol").await.status(), 200);
    let secret = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap()
        .totp_secret
        .unwrap();
    let r = invitee
        .post_form("/login/enrol", &[("code", &server.totp_now(&secret))])
        .await;
    assert_eq!(r.status(), 200);
    server.next_totp_step();
    let home = invitee.get("/").await.text().await.unwrap();
    assert!(home.contains("id=\"reporter-organisation\""), "{home}");
    assert!(home.contains("data-status=\"approved\""), "{home}");

    // It sees none of the directory, nor the vetting.
    for path in [
        "/directory",
        "/pocs/1",
        "/api/v1/pocs",
        "/api/v1/participants/PAK/pocs",
        "/reporters",
        &format!("/reporters/{id}"),
        "/api/v1/reporters",
    ] {
        let status = invitee.get(path).await.status().as_u16();
        assert!(status == 403 || status == 404, "{path}: {status}");
    }

    // Suspended through the API: still signs in, told so; mailed the reason.
    let token = server.token(&secretariat, "write").await;
    let http = reqwest::Client::new();
    let r = http
        .post(server.url(&format!("/api/v1/reporters/{id}/decision")))
        .bearer_auth(&token)
        .json(&json!({"decision": "suspend", "reason": "Unsolicited mass mailing"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["status"], "suspended");
    let home = invitee.get("/").await.text().await.unwrap();
    assert!(home.contains("id=\"reporter-suspended\""), "{home}");
    assert!(home.contains("Unsolicited mass mailing"));
    let mails = mails_to(&smtp, EMAIL, 2).await;
    assert!(mails
        .iter()
        .any(|m| m.body.contains("Unsolicited mass mailing")));
    // Reinstated.
    let r = http
        .post(server.url(&format!("/api/v1/reporters/{id}/decision")))
        .bearer_auth(&token)
        .json(&json!({"decision": "reinstate"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let home = invitee.get("/").await.text().await.unwrap();
    assert!(home.contains("data-status=\"approved\""));

    let actions = log_actions(&server).await;
    for action in [
        "reporter.apply",
        "reporter.approve",
        "account.invite",
        "account.invite_accept",
        "reporter.suspend",
        "reporter.reinstate",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn rejection_needs_a_reason_and_mails_it() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let mut form = good_form();
    form[5].1 = "en".into();
    assert_eq!(apply(&server.client(), &form).await.status(), 303);
    let id = server.store.reporters().await.unwrap()[0].id;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;

    let log0 = server.store.log_size().await.unwrap();
    let r = web
        .post_form(
            &format!("/reporters/{id}/decide"),
            &[("decision", "reject"), ("reason", "  ")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"error-reason\""));
    assert_eq!(server.store.log_size().await.unwrap(), log0);
    let r = web
        .post_form(
            &format!("/reporters/{id}/decide"),
            &[
                ("decision", "reject"),
                ("reason", "We could not verify the organisation."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let mail = mails_to(&smtp, EMAIL, 1).await.remove(0);
    assert!(mail.body.contains("We could not verify the organisation."));
    assert!(!mail.body.contains("/enrol/"));
    assert_eq!(
        server.store.reporter(id).await.unwrap().unwrap().status,
        ReporterStatus::Rejected
    );
    // A second decision on a rejected application: refused, nothing written.
    let token = server.token(&secretariat, "write").await;
    let r = reqwest::Client::new()
        .post(server.url(&format!("/api/v1/reporters/{id}/decision")))
        .bearer_auth(&token)
        .json(&json!({"decision": "approve"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let r = reqwest::Client::new()
        .post(server.url("/api/v1/reporters/999999/decision"))
        .bearer_auth(&token)
        .json(&json!({"decision": "approve"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let list: Value = reqwest::Client::new()
        .get(server.url("/api/v1/reporters"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list[0]["status"], "rejected");
    assert_eq!(
        list[0]["status_reason"],
        "We could not verify the organisation."
    );
    server.stop().await;
}

#[tokio::test]
async fn bad_applications_are_refused_beside_each_field_and_write_nothing() {
    let server = TestServer::start().await;
    let web = server.client();
    let log0 = server.store.log_size().await.unwrap();
    let cases: Vec<(&str, &str, String)> = vec![
        ("website", "website", "http://northwind.example.org".into()),
        ("website", "website", "javascript:alert(1)".into()),
        ("country", "country", "XXX".into()),
        (
            "openpgp_key",
            "openpgp_key",
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\nnot a key\n-----END PGP PUBLIC KEY BLOCK-----"
                .into(),
        ),
        ("organisation", "organisation", String::new()),
        ("why", "why", String::new()),
        ("contact_email", "contact_email", "not-an-address".into()),
        ("organisation", "organisation", "x".repeat(201)),
        ("why", "why", "y".repeat(5000)),
    ];
    for (i, (field, error, value)) in cases.into_iter().enumerate() {
        let mut form = good_form();
        for (k, v) in form.iter_mut() {
            // A contact address each: five a window per address is the limit.
            if *k == "contact_email" {
                *v = format!("case{i}@northwind.example.org");
            }
            if *k == field {
                *v = value.clone();
            }
        }
        let r = apply(&web, &form).await;
        assert_eq!(r.status(), 422, "{field}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&format!("id=\"error-{error}\"")),
            "{field}: {html}"
        );
        assert!(html.contains("id=\"error-message\""), "summary at the top");
    }
    // Everything empty: each required field named.
    let r = web.post_form("/reporters/apply", &[]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for field in [
        "organisation",
        "country",
        "website",
        "contact_name",
        "contact_email",
        "why",
    ] {
        assert!(html.contains(&format!("id=\"error-{field}\"")), "{field}");
    }
    assert!(server.store.reporters().await.unwrap().is_empty());
    assert_eq!(server.store.log_size().await.unwrap(), log0);
    server.stop().await;
}

#[tokio::test]
async fn applying_is_throttled_per_contact_address() {
    let server = TestServer::start().await;
    let web = server.client();
    let mut last = 0;
    // The limit per contact address is the sign-in one (5 in the window).
    for _ in 0..6 {
        last = apply(&web, &good_form()).await.status().as_u16();
    }
    assert_eq!(last, 429);
    assert_eq!(server.store.reporters().await.unwrap().len(), 5);
    server.stop().await;
}
