//! The mail sender empties a large queue in one run (rounds side by side,
//! repeated while they come back full), each mail once; a run that finds
//! the relay refusing everything tries each mail once instead of spinning;
//! a run told to stop stops between two mails, and the rest goes out later,
//! each mail still once.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use async_trait::async_trait;
use pocdir_domain::clock::{Clock, ManualClock};
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::outbox::RetryPolicy;
use pocdir_jobs::mail::{MailSender, MailTransport, SendError, BATCH};
use pocdir_jobs::runner::{JobContext, PeriodicJob};
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{Mail, MailStatus, NewMail, Store};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use time::macros::datetime;

#[derive(Debug, Default)]
struct Counting {
    refuse: bool,
    delivered: Mutex<BTreeMap<String, u32>>,
    /// Told after this many mails that the server stops.
    stop_after: Option<(usize, tokio::sync::watch::Sender<bool>)>,
}

#[async_trait]
impl MailTransport for Counting {
    async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        if self.refuse {
            return Err(SendError {
                permanent: false,
                message: "421 try later".into(),
            });
        }
        // Let the other rounds run meanwhile, as a network send would.
        tokio::task::yield_now().await;
        let mut delivered = self.delivered.lock().unwrap();
        *delivered.entry(mail.recipient.clone()).or_default() += 1;
        if let Some((after, stop)) = &self.stop_after {
            if delivered.values().map(|n| *n as usize).sum::<usize>() >= *after {
                let _ = stop.send(true);
            }
        }
        Ok(())
    }
}

async fn queued(n: usize) -> (tempfile::TempDir, Arc<dyn Store>, Arc<ManualClock>) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("mail.db").display());
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap(),
        )
        .await
        .unwrap(),
    );
    let clock = Arc::new(ManualClock::new(datetime!(2030-01-01 09:00 UTC)));
    for i in 0..n {
        store
            .enqueue_mail(
                NewMail {
                    dedupe_key: format!("drain:{i}"),
                    recipient: format!("poc{i}@example.org"),
                    language: "en".into(),
                    subject: "[TLP:AMBER] notification".into(),
                    body: "link".into(),
                    participant: None,
                    created_at: clock.now(),
                },
                LogDraft::new(
                    clock.now(),
                    LogActor::console(),
                    LogAction::MailQueue,
                    "x".into(),
                ),
            )
            .await
            .unwrap();
    }
    (dir, store, clock)
}

fn sender(transport: Arc<Counting>) -> MailSender {
    MailSender {
        transport,
        retry: RetryPolicy::default(),
        period: std::time::Duration::from_secs(30),
    }
}

#[tokio::test]
async fn one_run_sends_a_large_queue_each_mail_once() {
    let n = usize::try_from(BATCH).unwrap() * 9 + 7;
    let (_dir, store, clock) = queued(n).await;
    let transport = Arc::new(Counting::default());
    let ctx = JobContext {
        store: store.clone(),
        clock,
        stopping: pocdir_jobs::Stopping::never(),
    };
    sender(transport.clone()).run(&ctx).await.unwrap();
    let delivered = transport.delivered.lock().unwrap().clone();
    assert_eq!(delivered.len(), n, "every mail in one run");
    assert!(delivered.values().all(|c| *c == 1), "each once");
    let counts = store.mail_counts().await.unwrap();
    assert_eq!(
        store
            .mails(Some(MailStatus::Sent), 10_000)
            .await
            .unwrap()
            .len(),
        n,
        "{counts:?}"
    );
}

#[tokio::test]
async fn a_refusing_relay_gets_each_mail_tried_once_per_run() {
    let n = usize::try_from(BATCH).unwrap() * 6 + 3;
    let (_dir, store, clock) = queued(n).await;
    let transport = Arc::new(Counting {
        refuse: true,
        ..Counting::default()
    });
    let ctx = JobContext {
        store: store.clone(),
        clock,
        stopping: pocdir_jobs::Stopping::never(),
    };
    sender(transport).run(&ctx).await.unwrap();
    // Each mail was tried once and waits for its retry: the run did not
    // spin on the same mails.
    let queued = store.mails(Some(MailStatus::Queued), 10_000).await.unwrap();
    assert_eq!(queued.len(), n);
    assert!(queued.iter().all(|m| m.attempts == 1));
}

#[tokio::test]
async fn a_run_told_to_stop_stops_between_two_mails_and_the_rest_goes_out_later() {
    let n = usize::try_from(BATCH).unwrap() * 20;
    let (_dir, store, clock) = queued(n).await;
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let transport = Arc::new(Counting {
        stop_after: Some((30, stop)),
        ..Counting::default()
    });
    let ctx = JobContext {
        stopping: pocdir_jobs::Stopping::on(stopping),
        ..JobContext::new(store.clone(), clock.clone())
    };
    sender(transport.clone()).run(&ctx).await.unwrap();
    let sent = transport.delivered.lock().unwrap().len();
    // The rounds side by side each finish the mail they are sending.
    assert!(
        (30..30 + pocdir_jobs::mail::ROUNDS_SIDE_BY_SIDE).contains(&sent),
        "{sent} of {n} sent before stopping"
    );
    let queued_now = store.mails(Some(MailStatus::Queued), 10_000).await.unwrap();
    assert_eq!(queued_now.len(), n - sent, "the rest is kept");

    // The stopped run gave its unsent claims back: the next run (after a
    // restart, or on another instance) sends the rest at once, nothing twice.
    let rest = Arc::new(Counting::default());
    sender(rest.clone())
        .run(&JobContext::new(store.clone(), clock.clone()))
        .await
        .unwrap();
    let mut all = transport.delivered.lock().unwrap().clone();
    for (to, count) in rest.delivered.lock().unwrap().iter() {
        *all.entry(to.clone()).or_default() += count;
    }
    assert_eq!(all.len(), n);
    assert!(all.values().all(|c| *c == 1), "each once");
}
