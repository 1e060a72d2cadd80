//! Re-validation mail through a real SMTP server (aiosmtpd): reminders to
//! the State's nominators in their language, overdue notices to them and
//! to the secretariat, each sent once, and mail kept queued while the
//! relay is down.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_store::{MailCounts, MailStatus};
use pocdir_testkit::{SmtpPeer, TestAccount, TestServer};
use serde_json::{json, Value};
use time::Duration;

async fn post(server: &TestServer, who: &TestAccount, path: &str, body: Value) -> Value {
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

/// A French technical PoC nominated and verified `days_ago` days ago.
async fn verified_poc(
    server: &TestServer,
    nominator: &TestAccount,
    secretariat: &TestAccount,
    days_ago: i64,
) -> i64 {
    let now = server.clock.now();
    server.clock.set(now - Duration::days(days_ago));
    let poc = post(
        server,
        nominator,
        "/api/v1/participants/FRA/pocs",
        json!({
            "role": "technical",
            "name": "Camille Martin",
            "title": "Duty officer",
            "organisation": "CERT-FR",
            "emails": ["camille.martin@cert.example.org"],
            "languages": ["fr", "en"],
            "time_zone": "Europe/Paris",
            "hours": "Mon-Fri 09:00-17:00"
        }),
    )
    .await;
    let id = poc["id"].as_i64().unwrap();
    post(
        server,
        secretariat,
        &format!("/api/v1/pocs/{id}/decision"),
        json!({"version": poc["version"], "approve": true}),
    )
    .await;
    server.clock.set(now);
    id
}

fn to(mails: &[pocdir_testkit::ReceivedMail], email: &str) -> Vec<pocdir_testkit::ReceivedMail> {
    mails
        .iter()
        .filter(|m| m.rcpt_tos.iter().any(|r| r == email))
        .cloned()
        .collect()
}

#[tokio::test]
async fn reminder_then_overdue_notice_each_sent_once_in_the_recipients_language() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    // Choosing French in the portal makes it the language of their mail.
    let web = server.signed_in(&nominator).await;
    assert_eq!(web.get("/lang/fr").await.status(), 303);
    // Confirmed 160 days ago: due in 20 days, within the 30-day reminder.
    let id = verified_poc(&server, &nominator, &secretariat, 160).await;

    let mails = smtp.wait_for(1).await;
    assert_eq!(mails.len(), 1, "{mails:#?}");
    let reminder = &mails[0];
    assert_eq!(reminder.rcpt_tos, vec![nominator.email.clone()]);
    assert!(
        reminder.from.contains("pocdir@example.org"),
        "{}",
        reminder.from
    );
    assert!(
        reminder
            .subject
            .starts_with("Revalidation à effectuer avant le"),
        "{}",
        reminder.subject
    );
    assert!(reminder.subject.contains("Camille Martin"));
    assert!(reminder.subject.contains("France"));
    assert!(reminder.body.contains("Bonjour"), "{}", reminder.body);
    assert!(reminder.body.contains(&server.url("/revalidation")));
    assert!(reminder.body.contains(&server.url(&format!("/pocs/{id}"))));

    // 25 days later the due date has passed.
    server.clock.advance(Duration::days(25));
    let mails = smtp.wait_for(3).await;
    let to_nominator = to(&mails, &nominator.email);
    assert_eq!(to_nominator.len(), 2);
    assert!(
        to_nominator[1]
            .subject
            .starts_with("Revalidation en retard"),
        "{}",
        to_nominator[1].subject
    );
    let to_secretariat = to(&mails, &secretariat.email);
    assert_eq!(to_secretariat.len(), 1);
    assert!(
        to_secretariat[0]
            .subject
            .starts_with("Re-validation overdue since"),
        "{}",
        to_secretariat[0].subject
    );
    assert!(to_secretariat[0]
        .body
        .contains("secretariat receives this notice"));

    // Several more rounds of both jobs: nothing new is queued or sent.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(smtp.messages().len(), 3);
    assert_eq!(
        server.store.mail_counts().await.unwrap(),
        MailCounts {
            queued: 0,
            sent: 3,
            failed: 0
        }
    );
    // Queuing and sending are in the log, as the State's business.
    let log = server
        .store
        .search_log(
            &pocdir_store::LogFilter {
                action: Some("mail.".to_string()),
                participant: Some("FRA".to_string()),
                ..Default::default()
            },
            None,
            100,
        )
        .await
        .unwrap();
    assert_eq!(log.iter().filter(|e| e.action == "mail.queue").count(), 3);
    assert_eq!(log.iter().filter(|e| e.action == "mail.sent").count(), 3);
    server.stop().await;
}

#[tokio::test]
async fn mail_stays_queued_while_the_relay_is_down_and_goes_once_it_is_back() {
    let mut smtp = SmtpPeer::start().await;
    smtp.stop();
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    verified_poc(&server, &nominator, &secretariat, 200).await;

    // Both overdue notices are tried, fail, and wait for their retry.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let queued = loop {
        let queued = server
            .store
            .mails(Some(MailStatus::Queued), 10)
            .await
            .unwrap();
        if queued.len() == 2 && queued.iter().all(|m| m.attempts >= 1) {
            break queued;
        }
        assert!(std::time::Instant::now() < deadline, "{queued:#?}");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let queued_later = server
        .store
        .mails(Some(MailStatus::Queued), 10)
        .await
        .unwrap();
    for m in queued.iter().chain(&queued_later) {
        // Backed off: not tried again until the test's clock moves.
        assert_eq!(m.attempts, 1, "{m:#?}");
        assert!(m.last_error.is_some());
        assert!(m.next_attempt_at > server.clock.now());
    }
    // The secretariat sees the waiting mails, their attempts and the error.
    let operator = server.signed_in(&secretariat).await;
    let r = operator.get("/outbox").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("2 mails waiting to be sent."), "{html}");
    assert!(html.contains("Re-validation overdue"), "{html}");
    assert!(
        html.contains("outbox-error"),
        "the last error is shown: {html}"
    );
    // Nobody else does.
    let nominator_web = server.signed_in(&nominator).await;
    assert_eq!(nominator_web.get("/outbox").await.status(), 403);

    smtp.restart().await;
    server.clock.advance(Duration::minutes(2));
    let mails = smtp.wait_for(2).await;
    assert_eq!(mails.len(), 2);
    let to_nominator = to(&mails, &nominator.email);
    assert_eq!(to_nominator.len(), 1);
    // No language chosen: English.
    assert!(
        to_nominator[0].subject.starts_with("Re-validation overdue"),
        "{}",
        to_nominator[0].subject
    );
    assert_eq!(to(&mails, &secretariat.email).len(), 1);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let counts = server.store.mail_counts().await.unwrap();
        if counts.sent == 2 {
            assert_eq!(counts.queued, 0);
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{counts:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    server.stop().await;
}
