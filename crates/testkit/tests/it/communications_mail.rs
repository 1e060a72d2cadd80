//! The outbox page shows the secretariat the mails being sent or
//! interrupted mid-send (the one case that can repeat a mail).

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_store::NewMail;
use pocdir_testkit::TestServer;
use time::Duration;

#[tokio::test]
async fn the_outbox_page_shows_mails_in_flight() {
    let server = TestServer::start().await;
    let now = server.clock.now();
    let mail = server
        .store
        .enqueue_mail(
            NewMail {
                dedupe_key: "communication:1:to:2".to_string(),
                recipient: "cert@fra.example".to_string(),
                language: "en".to_string(),
                subject: "[TLP:AMBER] Urgent".to_string(),
                body: "…".to_string(),
                participant: Some("FRA".to_string()),
                created_at: now,
            },
            LogDraft::new(
                now,
                LogActor::console(),
                LogAction::MailQueue,
                String::new(),
            ),
        )
        .await
        .unwrap()
        .unwrap();
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;
    let page = web.get("/outbox").await.text().await.unwrap();
    assert!(page.contains("One mail waiting to be sent."), "{page}");
    assert!(!page.contains("outbox-in-flight"), "{page}");

    // A sender claims it and starts handing it to the relay (then dies).
    let claimed = server
        .store
        .claim_mails_as("sender-1", now, now + Duration::minutes(5), 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    // Another claim token may not start it.
    assert_eq!(
        server
            .store
            .begin_send(mail.id, "sender-2", now, now + Duration::minutes(2))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        server
            .store
            .begin_send(mail.id, "sender-1", now, now + Duration::minutes(2))
            .await
            .unwrap(),
        Some(false)
    );
    let page = web.get("/outbox").await.text().await.unwrap();
    assert!(page.contains("id=\"outbox-in-flight\""), "{page}");
    assert!(
        page.contains("One of them being sent, or interrupted mid-send"),
        "{page}"
    );

    // Reclaimed after its lease: the new sender is told it was interrupted.
    let later = now + Duration::minutes(2);
    let again = server
        .store
        .claim_mails_as("sender-2", later, later + Duration::minutes(5), 10)
        .await
        .unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(
        server
            .store
            .begin_send(mail.id, "sender-2", later, later + Duration::minutes(2))
            .await
            .unwrap(),
        Some(true)
    );
}
