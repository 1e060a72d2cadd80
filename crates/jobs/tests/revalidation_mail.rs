//! The re-validation job and the mail sender on a real (SQLite) store with
//! a manual clock and a fake transport: what is queued when, only once, and
//! how failures are retried or given up.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use async_trait::async_trait;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::ManualClock;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::directory::poc::{PocDraft, PocRole};
use pocdir_domain::directory::revalidation::RevalidationPolicy;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::outbox::RetryPolicy;
use pocdir_jobs::mail::{send_once, MailTransport, SendError, SendReport};
use pocdir_jobs::revalidation::{revalidation_once, RevalidationReport};
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{Mail, MailStatus, NewAccount, NewParticipant, ParticipantNames, Store};
use std::sync::{Arc, Mutex};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2030-01-01 09:00 UTC);
const BASE: &str = "https://pocdir.example.org/";

fn draft(at: OffsetDateTime, action: LogAction) -> LogDraft {
    LogDraft::new(at, LogActor::console(), action, "x".to_string())
}

async fn account(
    store: &dyn Store,
    email: &str,
    kind: AccountKind,
    participant: Option<&str>,
) -> i64 {
    store
        .create_account(
            NewAccount {
                email: email.to_string(),
                kind,
                participant: participant.map(str::to_string),
                display_name: email.to_string(),
                password_hash: "$argon2id$x".to_string(),
                totp_secret: None,
                totp_enrolled: false,
                demo: false,
                password_change_required: false,
                created_at: T0,
            },
            draft(T0, LogAction::AccountCreate),
        )
        .await
        .unwrap()
        .id
}

/// A store with France, its nominator (in Spanish), the secretariat, and a
/// PoC of France verified at `T0`.
async fn setup() -> (tempfile::TempDir, Arc<dyn Store>, i64) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(std::sync::Arc::new(pocdir_domain::entropy::OsEntropy))
                .unwrap(),
        )
        .await
        .unwrap(),
    );
    store
        .seed_participants(
            &[NewParticipant {
                code: "FRA".to_string(),
                alpha2: Some("FR".to_string()),
                m49: Some("250".to_string()),
                kind: ParticipantKind::MemberState,
                region: "Europe".to_string(),
                subregion: "Western Europe".to_string(),
                names: ParticipantNames {
                    ar: "فرنسا".to_string(),
                    zh: "法国".to_string(),
                    en: "France".to_string(),
                    es: "Francia".to_string(),
                    fr: "France".to_string(),
                    ru: "Франция".to_string(),
                },
                at: T0,
            }],
            draft(T0, LogAction::ParticipantsSeed),
        )
        .await
        .unwrap();
    let nominator = account(
        store.as_ref(),
        "n@fra.example",
        AccountKind::Nominator,
        Some("FRA"),
    )
    .await;
    store
        .set_account_language(nominator, Some("es"), draft(T0, LogAction::AccountLanguage))
        .await
        .unwrap();
    account(
        store.as_ref(),
        "s@un.example",
        AccountKind::Secretariat,
        None,
    )
    .await;
    let details = PocDraft {
        role: "technical".to_string(),
        name: "Ana Ruiz".to_string(),
        organisation: "CERT".to_string(),
        emails: vec!["ana@cert.example".to_string()],
        languages: vec!["es".to_string()],
        time_zone: "Europe/Paris".to_string(),
        hours: "24/7".to_string(),
        ..PocDraft::default()
    }
    .validate(T0)
    .unwrap();
    let poc = store
        .propose_poc(
            "FRA",
            PocRole::Technical,
            &serde_json::to_string(&details).unwrap(),
            Some(nominator),
            T0,
            draft(T0, LogAction::PocPropose),
        )
        .await
        .unwrap();
    let decided = store
        .decide_poc(
            poc.id,
            poc.version,
            true,
            None,
            None,
            T0,
            draft(T0, LogAction::PocApprove),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    (dir, store, decided.poc.id)
}

async fn run(store: &dyn Store, at: OffsetDateTime, holder: &str) -> RevalidationReport {
    let clock = ManualClock::new(at);
    revalidation_once(
        store,
        &clock,
        &RevalidationPolicy::default(),
        BASE,
        holder,
        Duration::minutes(1),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn reminders_and_overdue_notices_are_queued_once_per_stage() {
    let (_dir, store, poc) = setup().await;
    let store = store.as_ref();
    let report = |reminders, overdue_notices| RevalidationReport {
        ran: true,
        reminders,
        overdue_notices,
    };
    // Due at T0 + 180 days; nothing before the 30-day window.
    assert_eq!(
        run(store, T0 + Duration::days(149), "a").await,
        report(0, 0)
    );
    assert_eq!(
        run(store, T0 + Duration::days(150), "a").await,
        report(1, 0)
    );
    assert_eq!(
        run(store, T0 + Duration::days(151), "a").await,
        report(0, 0)
    );
    // Another instance while the lease runs: skipped.
    assert!(!run(store, T0 + Duration::days(151), "b").await.ran);
    assert_eq!(
        run(store, T0 + Duration::days(173), "a").await,
        report(1, 0)
    );
    assert_eq!(
        run(store, T0 + Duration::days(180), "a").await,
        report(0, 0)
    );
    assert_eq!(
        run(store, T0 + Duration::days(181), "a").await,
        report(0, 2)
    );
    assert_eq!(
        run(store, T0 + Duration::days(200), "a").await,
        report(0, 0)
    );

    let mails = store.mails(None, 10).await.unwrap();
    assert_eq!(mails.len(), 4);
    // Oldest first: the two reminders in Spanish, then the notices.
    let first = &mails[3];
    assert_eq!(first.recipient, "n@fra.example");
    assert_eq!(first.language, "es");
    assert!(
        first.subject.starts_with("Revalidación pendiente"),
        "{}",
        first.subject
    );
    assert!(first.subject.contains("Ana Ruiz") && first.subject.contains("Francia"));
    assert!(first
        .body
        .contains("https://pocdir.example.org/revalidation"));
    assert!(first
        .body
        .contains(&format!("https://pocdir.example.org/pocs/{poc}")));
    assert!(
        first.body.contains("2030-06-30"),
        "the due date: {}",
        first.body
    );
    let to_secretariat: Vec<&Mail> = mails
        .iter()
        .filter(|m| m.recipient == "s@un.example")
        .collect();
    assert_eq!(to_secretariat.len(), 1);
    assert_eq!(to_secretariat[0].language, "en");
    assert!(to_secretariat[0]
        .subject
        .starts_with("Re-validation overdue since 2030-06-30"));

    // Confirming starts a new series with the new due date.
    let current = store.poc(poc).await.unwrap().unwrap();
    let at = T0 + Duration::days(201);
    store
        .confirm_poc(
            poc,
            current.version,
            None,
            at,
            draft(at, LogAction::PocConfirm),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
    assert_eq!(
        run(store, at + Duration::days(150), "a").await,
        report(1, 0)
    );
}

/// Fails the first `failures` sends (permanently when `permanent`), then delivers.
#[derive(Debug)]
struct Fake {
    failures: Mutex<u32>,
    permanent: bool,
    delivered: Mutex<Vec<String>>,
}

#[async_trait]
impl MailTransport for Fake {
    async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let mut failures = self.failures.lock().unwrap();
        if *failures > 0 {
            *failures -= 1;
            return Err(SendError {
                permanent: self.permanent,
                message: "421 try later".to_string(),
            });
        }
        self.delivered.lock().unwrap().push(mail.recipient.clone());
        Ok(())
    }
}

#[tokio::test]
async fn failed_sends_back_off_then_go_or_are_given_up() {
    let (_dir, store, _) = setup().await;
    let store = store.as_ref();
    run(store, T0 + Duration::days(181), "a").await;
    let clock = ManualClock::new(T0 + Duration::days(181));
    let fake = Fake {
        failures: Mutex::new(3),
        permanent: false,
        delivered: Mutex::new(Vec::new()),
    };
    let retry = RetryPolicy::default();
    let send = || send_once(store, &clock, &fake, &retry);
    let r = send().await.unwrap();
    assert_eq!(
        r,
        SendReport {
            sent: 0,
            retried: 2,
            given_up: 0,
            ..SendReport::default()
        }
    );
    // Backing off: nothing is due a moment later.
    clock.advance(Duration::seconds(59));
    assert_eq!(send().await.unwrap(), SendReport::default());
    clock.advance(Duration::seconds(1));
    // One more failure (doubling the wait to two minutes), one success.
    let r = send().await.unwrap();
    assert_eq!(
        r,
        SendReport {
            sent: 1,
            retried: 1,
            given_up: 0,
            ..SendReport::default()
        }
    );
    clock.advance(Duration::seconds(119));
    assert_eq!(send().await.unwrap(), SendReport::default());
    clock.advance(Duration::seconds(1));
    assert_eq!(send().await.unwrap().sent, 1);
    assert_eq!(fake.delivered.lock().unwrap().len(), 2);
    let sent = store.mails(Some(MailStatus::Sent), 10).await.unwrap();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent.iter().map(|m| m.attempts).max(), Some(2));
    clock.advance(Duration::days(1));
    assert_eq!(
        send().await.unwrap(),
        SendReport::default(),
        "sent mail is not sent again"
    );
}

#[tokio::test]
async fn a_permanent_refusal_is_given_up_and_logged() {
    let (_dir, store, _) = setup().await;
    let store = store.as_ref();
    run(store, T0 + Duration::days(181), "a").await;
    let clock = ManualClock::new(T0 + Duration::days(181));
    let fake = Fake {
        failures: Mutex::new(1),
        permanent: true,
        delivered: Mutex::new(Vec::new()),
    };
    let size = store.log_size().await.unwrap();
    let r = send_once(store, &clock, &fake, &RetryPolicy::default())
        .await
        .unwrap();
    assert_eq!(
        r,
        SendReport {
            sent: 1,
            retried: 0,
            given_up: 1,
            ..SendReport::default()
        }
    );
    let failed = store.mails(Some(MailStatus::Failed), 10).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].last_error.as_deref(), Some("421 try later"));
    // One entry for the mail sent, one for the mail given up.
    assert_eq!(store.log_size().await.unwrap(), size + 2);
    clock.advance(Duration::days(10));
    assert_eq!(
        send_once(store, &clock, &fake, &RetryPolicy::default())
            .await
            .unwrap(),
        SendReport::default()
    );
}
