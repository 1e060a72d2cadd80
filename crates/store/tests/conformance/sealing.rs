//! Sealing at rest: what is sealed is nowhere in the raw database (every
//! byte of SQLite's files, every row of every PostgreSQL table as text),
//! a rotation re-seals every value under the new key, values an earlier
//! version kept in clear are sealed at open, and a store meeting a key it
//! does not know reads its key source again.
//!
//! [`assert_no_plaintext`] is for any capability that seals: plant known
//! plaintexts through the store, then grep the raw database for them.

use crate::*;
use pocdir_domain::communication::attachment::{Attachment, AttachmentType};
use pocdir_domain::communication::delivery::RoleChoice;
use pocdir_domain::communication::template::{CommunicationKind, Content, Urgency};
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::seal::SealKey;
use pocdir_store::{ChangeMail, NewCommunication, NewInvitation, NewRecipient};
use pocdir_store::{KeySource, SealedCounts};
use std::sync::Mutex;

conformance!(
    cases: [],
    raw: [sealed_values_are_not_in_the_raw_database],
);

/// Sealed values `plant` leaves: 2 accounts' e-mails, a TOTP secret, PoC
/// active + pending, 3 history rows, 4 mails × (recipient, subject, body),
/// an invitation's e-mail, a communication's content, its attachment's name
/// and bytes, a ping test challenge's token, address and note.
const PLANTED: u64 = 27;

/// Every planted value, in clear, as the tests look for it.
const TOTP: &str = "JBSWY3DPEHPK3PXPSEALTEST";
const POC_EMAIL: &str = "focal.point.sealed@mofa.example";
const POC_PHONE: &str = "+447700900777";
const POC_NEW_EMAIL: &str = "pending.change.sealed@mofa.example";
const MAIL_SUBJECT: &str = "Subject-that-must-be-sealed";
const MAIL_BODY: &str = "Body-that-must-be-sealed: call +447700900777";
const ACCOUNT_EMAIL: &str = "sealed@example.org";
const SENDER_EMAIL: &str = "cert.sealed@fra.example";
const INVITED_EMAIL: &str = "invited.sealed@mofa.example";
const MESSAGE_SUBJECT: &str = "Message-subject-that-must-be-sealed";
const ATTACHMENT: &str = "Attachment-line-that-must-be-sealed";
/// Not sealed (a display name): proves the grep finds what is there.
const CANARY: &str = "Canary-display-name-in-clear";

fn needles() -> Vec<&'static str> {
    let mut all = vec![
        ACCOUNT_EMAIL,
        SENDER_EMAIL,
        INVITED_EMAIL,
        MESSAGE_SUBJECT,
        ATTACHMENT,
        TOTP,
        POC_EMAIL,
        POC_PHONE,
        POC_NEW_EMAIL,
        MAIL_SUBJECT,
        MAIL_BODY,
    ];
    all.extend(crate::ping_tests::sealed_needles());
    all
}

/// Which of `needles` the raw database holds anywhere: for SQLite every
/// byte of the database file, its `-wal` and `-shm`; for PostgreSQL every
/// row of every table of the schema as text (bytea as hex, so a needle is
/// also looked for in hex).
pub(crate) async fn plaintexts_found(raw: &Raw, needles: &[&str]) -> Vec<String> {
    let mut haystacks: Vec<Vec<u8>> = Vec::new();
    match raw {
        Raw::Sqlite(pool) => {
            let db = pool.connect_options().get_filename().to_path_buf();
            for suffix in ["", "-wal", "-shm"] {
                let path = format!("{}{suffix}", db.display());
                if let Ok(bytes) = std::fs::read(&path) {
                    haystacks.push(bytes);
                }
            }
            assert!(
                !haystacks.is_empty(),
                "no database file at {}",
                db.display()
            );
        }
        Raw::Postgres(pool) => {
            let tables: Vec<(String,)> = sqlx::query_as(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            assert!(tables.len() > 5, "tables: {tables:?}");
            for (table,) in tables {
                let rows: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT t::text FROM \"{table}\" t"))
                        .fetch_all(pool)
                        .await
                        .unwrap();
                for (row,) in rows {
                    haystacks.push(row.into_bytes());
                }
            }
        }
    }
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    needles
        .iter()
        .filter(|needle| {
            let hex = hex_of(needle.as_bytes());
            haystacks.iter().any(|hay| {
                contains(hay, needle.as_bytes())
                    || (matches!(raw, Raw::Postgres(_)) && contains(hay, hex.as_bytes()))
            })
        })
        .map(|n| n.to_string())
        .collect()
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Fails naming every one of `needles` the raw database holds in clear.
pub(crate) async fn assert_no_plaintext(raw: &Raw, needles: &[&str]) {
    let found = plaintexts_found(raw, needles).await;
    assert!(
        found.is_empty(),
        "the raw database holds these in clear: {found:?}"
    );
}

/// Plants every kind of sealed value through the store: a TOTP secret
/// (at creation and at enrolment), a PoC's e-mail and phone (active, in its
/// history, and a pending change), a mail's subject and body. Returns the
/// account, the PoC and the communication.
async fn plant(store: &Arc<dyn Store>) -> Planted {
    seed_two(store).await;
    let mut new = new_account(ACCOUNT_EMAIL, AccountKind::Reporter);
    new.display_name = CANARY.to_string();
    new.totp_secret = Some(format!("{TOTP}0"));
    let a = store
        .create_account(new, draft("account.create"))
        .await
        .unwrap();
    store.begin_totp_enrolment(a.id, TOTP).await.unwrap();

    let details = format!(r#"{{"name":"Focal","email":"{POC_EMAIL}","phone":"{POC_PHONE}"}}"#);
    let p = store
        .propose_poc(
            "PAK",
            PocRole::Technical,
            &details,
            Some(7),
            t(10),
            draft("poc.propose"),
        )
        .await
        .unwrap();
    let p = decide(store, &p, true, 20).await.poc;
    let update = format!(r#"{{"name":"Focal","email":"{POC_NEW_EMAIL}","phone":"{POC_PHONE}"}}"#);
    let p = store
        .propose_poc_update(
            p.id,
            p.version,
            &update,
            Some(7),
            t(30),
            draft("poc.propose_update"),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();

    let mut mail = new_mail("sealed-1", "sealed@example.org", 40);
    mail.subject = MAIL_SUBJECT.to_string();
    mail.body = MAIL_BODY.to_string();
    store
        .enqueue_mail(mail, draft("mail.queue"))
        .await
        .unwrap()
        .unwrap();
    let communication = send_communication(store, a.id).await;
    crate::ping_tests::plant_sealed_challenge(store, (p.id, "PAK", PocRole::Technical)).await;
    store
        .create_invitation(
            NewInvitation {
                token_hash: "sealed-token".to_string(),
                email: INVITED_EMAIL.to_string(),
                kind: AccountKind::TechnicalPoc,
                participant: Some("PAK".to_string()),
                display_name: "Invited".to_string(),
                language: "en".to_string(),
                poc_id: None,
                invited_by: None,
                created_at: t(70),
                expires_at: t(70 + 86_400),
            },
            ChangeMail {
                mail: new_mail("sealed-invitation", INVITED_EMAIL, 70),
                log: draft("mail.queue"),
            },
            draft("account.invite"),
        )
        .await
        .unwrap();
    // Sign-in throttling keeps its keys as blind indexes too.
    let throttled = format!("account:{INVITED_EMAIL}");
    store.record_login_failure(&throttled, t(80)).await.unwrap();
    assert_eq!(
        store
            .login_failures_since(&throttled, t(0))
            .await
            .unwrap()
            .count,
        1
    );
    Planted {
        account: a.id,
        poc: p.id,
        communication,
    }
}

/// The ids of what [`plant`] planted.
#[derive(Debug, Clone, Copy)]
struct Planted {
    account: i64,
    poc: i64,
    communication: i64,
}

/// A PoC of FRA writes to one of PAK, with an attachment and its mail.
async fn send_communication(store: &Arc<dyn Store>, to: i64) -> i64 {
    let mut from = new_account(SENDER_EMAIL, AccountKind::TechnicalPoc);
    from.participant = Some("FRA".to_string());
    from.display_name = "FRA CERT".to_string();
    let from = store
        .create_account(from, draft("account.create"))
        .await
        .unwrap();
    let new = NewCommunication {
        thread_id: None,
        parent_id: None,
        forwarded_from: None,
        sender_account: from.id,
        sender_state: "FRA".to_string(),
        kind: CommunicationKind::IncidentNotification,
        urgency: Urgency::Urgent,
        tlp: TlpLabel::Red,
        addressed_roles: Some(RoleChoice::Technical),
        addressed_states: vec!["PAK".to_string()],
        content: Content {
            subject: MESSAGE_SUBJECT.to_string(),
            started: None,
            detected: None,
            sectors: vec![],
            impact: String::new(),
            requested_action: String::new(),
            respond_by: None,
            text: MAIL_BODY.to_string(),
            text_language: "en".to_string(),
        },
        content_sha256: "ab".repeat(32),
        e2e: false,
        attachments: vec![Attachment {
            name: "sealed.txt".to_string(),
            file_type: AttachmentType::Text,
            bytes: ATTACHMENT.as_bytes().to_vec(),
        }],
        recipients: vec![NewRecipient {
            account_id: to,
            state: "PAK".to_string(),
            kind: AccountKind::TechnicalPoc,
        }],
        sent_at: t(60),
        ack_deadline: t(60 + 7200),
        mails: vec![NewMail {
            subject: format!("[TLP:RED] {MESSAGE_SUBJECT}"),
            body: MAIL_BODY.to_string(),
            ..new_mail("sealed-communication", "sealed@example.org", 60)
        }],
        log: vec![LogDraft {
            object: String::new(),
            ..draft("communication.send")
        }],
    };
    store.send_communication(new).await.unwrap()
}

/// What the store gives back is what was planted.
async fn assert_readable(store: &Arc<dyn Store>, planted: Planted) {
    let (account_id, poc_id, id) = (planted.account, planted.poc, planted.communication);
    let a = store.account_by_id(account_id).await.unwrap().unwrap();
    assert_eq!(a.email, ACCOUNT_EMAIL);
    // Found by its e-mail (through the blind index), and taken.
    let found = store
        .account_by_email(ACCOUNT_EMAIL)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, account_id);
    assert!(store
        .account_by_email("other@example.org")
        .await
        .unwrap()
        .is_none());
    let again = store
        .create_account(
            new_account(ACCOUNT_EMAIL, AccountKind::Auditor),
            draft("account.create"),
        )
        .await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))), "{again:?}");
    let invitation = store
        .invitation_by_token("sealed-token")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(invitation.email, INVITED_EMAIL);
    let recipients = store
        .mail_recipients(AccountKind::TechnicalPoc, Some("FRA"))
        .await
        .unwrap();
    assert_eq!(recipients[0].email, SENDER_EMAIL);
    assert_eq!(a.totp_secret.as_deref(), Some(TOTP));
    let p = store.poc(poc_id).await.unwrap().unwrap();
    assert!(p.active.as_deref().unwrap().contains(POC_EMAIL));
    assert!(p.pending.as_deref().unwrap().contains(POC_NEW_EMAIL));
    let history = store.poc_history(poc_id).await.unwrap();
    assert!(history
        .iter()
        .any(|h| h.details.as_deref().is_some_and(|d| d.contains(POC_EMAIL))));
    let mails = store.mails(None, 10).await.unwrap();
    let communication = mails
        .iter()
        .find(|m| m.dedupe_key == "sealed-communication")
        .unwrap();
    assert!(communication.subject.contains(MESSAGE_SUBJECT));
    let record = store.communication(id).await.unwrap().unwrap();
    assert_eq!(
        store.communication_content(id).await.unwrap().subject,
        MESSAGE_SUBJECT
    );
    let attachment = &record.attachments[0];
    assert_eq!(attachment.name, "sealed.txt");
    let (_, bytes) = store.attachment(id, attachment.id).await.unwrap();
    assert_eq!(bytes, ATTACHMENT.as_bytes());
    let mail = mails.iter().find(|m| m.dedupe_key == "sealed-1").unwrap();
    assert_eq!(
        (
            mail.subject.as_str(),
            mail.body.as_str(),
            mail.recipient.as_str()
        ),
        (MAIL_SUBJECT, MAIL_BODY, "sealed@example.org")
    );
}

async fn sealed_values_are_not_in_the_raw_database(store: Arc<dyn Store>, raw: Raw) {
    let planted = plant(&store).await;
    assert_readable(&store, planted).await;
    // The grep finds what is there in clear …
    assert_eq!(plaintexts_found(&raw, &[CANARY]).await, vec![CANARY]);
    // … and none of what is sealed.
    assert_no_plaintext(&raw, &needles()).await;
    // Every sealed value is under the one current key.
    let counts = store.sealed_counts().await.unwrap();
    let current = store.current_key_id();
    assert_eq!(counts.keys().collect::<Vec<_>>(), [&Some(current)]);
    assert_eq!(counts.values().sum::<u64>(), PLANTED, "{counts:?}");
}

// --- with a URL: rotation, values in clear, reloading ---

fn ring_of(keys: &[&SealKey], current: &str) -> Keyring {
    let keys = keys.iter().map(|k| (*k).clone()).collect();
    Keyring::new(keys, current, Arc::new(OsEntropy)).unwrap()
}

async fn open_raw(url: &str, keys: impl Into<Keys>) -> (Arc<dyn Store>, Raw) {
    if url.starts_with("sqlite:") {
        let store = SqliteStore::open(url, keys).await.unwrap();
        let raw = Raw::Sqlite(store.pool().clone());
        (Arc::new(store), raw)
    } else {
        let store = PostgresStore::open(url, keys).await.unwrap();
        let raw = Raw::Postgres(store.pool().clone());
        (Arc::new(store), raw)
    }
}

async fn close_raw(raw: Raw) {
    match raw {
        Raw::Sqlite(pool) => close(pool).await,
        Raw::Postgres(pool) => close(pool).await,
    }
}

fn only(counts: &SealedCounts, key: &str) -> bool {
    counts.len() == 1 && counts.contains_key(&Some(key.to_string()))
}

/// A rotation: a keyring with a second key, current; every value is
/// re-sealed under it in small batches; a keyring with only the new key
/// opens everything, one with only the old key opens nothing and says why.
async fn rotation_reseals_every_value(url: String) {
    let k1 = SealKey::generate("k1", &OsEntropy).unwrap();
    let k2 = SealKey::generate("k2", &OsEntropy).unwrap();
    let (old, raw) = open_raw(&url, ring_of(&[&k1], "k1")).await;
    let planted = plant(&old).await;
    assert!(only(&old.sealed_counts().await.unwrap(), "k1"));

    let (rotating, raw2) = open_raw(&url, ring_of(&[&k1, &k2], "k2")).await;
    assert_eq!(rotating.reseal_all(2).await.unwrap(), PLANTED);
    assert!(only(&rotating.sealed_counts().await.unwrap(), "k2"));
    // Nothing left to do: a second pass changes nothing.
    assert_eq!(rotating.reseal_all(2).await.unwrap(), 0);
    assert_no_plaintext(&raw, &needles()).await;

    assert_readable(&rotating, planted).await;
    // The new key alone opens every value (look-ups by e-mail need the
    // oldest key too: their index key is derived from it).
    let (new_only, raw3) = open_raw(&url, ring_of(&[&k2], "k2")).await;
    let a = new_only
        .account_by_id(planted.account)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (a.email.as_str(), a.totp_secret.as_deref()),
        (ACCOUNT_EMAIL, Some(TOTP))
    );
    let p = new_only.poc(planted.poc).await.unwrap().unwrap();
    assert!(p.active.unwrap().contains(POC_EMAIL));
    let content = new_only
        .communication_content(planted.communication)
        .await
        .unwrap();
    assert_eq!(content.subject, MESSAGE_SUBJECT);
    // The old keyring alone (no source to read again) cannot open them.
    let err = old.account_by_id(planted.account).await.unwrap_err();
    let said = err.to_string();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    assert!(
        said.contains("accounts row") && said.contains("k2"),
        "{said}"
    );
    let err = old.poc(planted.poc).await.unwrap_err().to_string();
    assert!(err.contains("pocs row") && err.contains("k2"), "{err}");
    for r in [raw, raw2, raw3] {
        close_raw(r).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotation_reseals_every_value_sqlite() {
    with_sqlite_url(rotation_reseals_every_value).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotation_reseals_every_value_postgres() {
    with_postgres_url(rotation_reseals_every_value).await;
}

/// A database written by an earlier version, with these values in clear,
/// is sealed when this version opens it (once: the pass is recorded).
async fn values_in_clear_are_sealed_at_open(url: String) {
    let ring = ring_of(&[&SealKey::generate("k1", &OsEntropy).unwrap()], "k1");
    let (store, raw) = open_raw(&url, ring.clone()).await;
    let planted = plant(&store).await;
    // As an earlier version wrote them: in clear, and the pass not done.
    let active = format!(r#"{{"name":"Focal","email":"{POC_EMAIL}","phone":"{POC_PHONE}"}}"#);
    let pending = format!(r#"{{"name":"Focal","email":"{POC_NEW_EMAIL}"}}"#);
    let in_clear = format!(
        "UPDATE accounts SET totp_secret = '{TOTP}' WHERE totp_secret IS NOT NULL; \
         UPDATE pocs SET active = '{active}', pending = '{pending}'; \
         UPDATE poc_history SET details = '{active}' WHERE details IS NOT NULL; \
         UPDATE outbox SET subject = '{MAIL_SUBJECT}', body = '{MAIL_BODY}', \
         recipient = 'sealed@example.org' WHERE dedupe_key = 'sealed-1'; \
         UPDATE accounts SET email = '{ACCOUNT_EMAIL}', email_index = NULL \
         WHERE totp_secret IS NOT NULL; \
         UPDATE seal_state SET clear_values_sealed = false;"
    );
    raw.exec(&in_clear, &in_clear).await.unwrap();
    let counts = store.sealed_counts().await.unwrap();
    assert_eq!(counts.get(&None), Some(&10), "{counts:?}");
    // The old handle cannot read them: a value in clear is not accepted.
    assert!(matches!(
        store.account_by_id(planted.account).await,
        Err(StoreError::Corrupt(_))
    ));
    close_raw(raw).await;
    drop(store);

    let (store, raw) = open_raw(&url, ring).await;
    assert!(only(&store.sealed_counts().await.unwrap(), "k1"));
    assert_readable(&store, planted).await;
    // Not even in SQLite's free pages or PostgreSQL's dead row versions:
    // the upgrade rewrote the tables.
    assert_no_plaintext(&raw, &needles()).await;
    close_raw(raw).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_in_clear_are_sealed_at_open_sqlite() {
    with_sqlite_url(values_in_clear_are_sealed_at_open).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_in_clear_are_sealed_at_open_postgres() {
    with_postgres_url(values_in_clear_are_sealed_at_open).await;
}

/// A key source the test changes, as `pocdir keys rotate` changes the file.
#[derive(Debug)]
struct TestSource {
    ring: Mutex<Keyring>,
    changed: Mutex<bool>,
    reads: Mutex<u32>,
}

impl KeySource for TestSource {
    fn reload_if_changed(&self) -> Result<Option<Keyring>, String> {
        let mut changed = self.changed.lock().unwrap();
        if !*changed {
            return Ok(None);
        }
        *changed = false;
        *self.reads.lock().unwrap() += 1;
        Ok(Some(self.ring.lock().unwrap().clone()))
    }

    fn reload(&self) -> Result<Keyring, String> {
        *self.reads.lock().unwrap() += 1;
        Ok(self.ring.lock().unwrap().clone())
    }
}

/// A serving store meets a value under a key it does not know (another
/// process rotated): it reads its source once more and opens it; and once
/// the source changed, it seals new values under the new key.
async fn a_store_reads_its_keys_again(url: String) {
    let k1 = SealKey::generate("k1", &OsEntropy).unwrap();
    let k2 = SealKey::generate("k2", &OsEntropy).unwrap();
    let source = Arc::new(TestSource {
        ring: Mutex::new(ring_of(&[&k1], "k1")),
        changed: Mutex::new(false),
        reads: Mutex::new(0),
    });
    #[derive(Debug)]
    struct Shared(Arc<TestSource>);
    impl KeySource for Shared {
        fn reload_if_changed(&self) -> Result<Option<Keyring>, String> {
            self.0.reload_if_changed()
        }
        fn reload(&self) -> Result<Keyring, String> {
            self.0.reload()
        }
    }
    let keys = Keys::reloading(ring_of(&[&k1], "k1"), Box::new(Shared(source.clone())));
    let (serving, raw) = open_raw(&url, keys).await;
    let planted = plant(&serving).await;

    // Another process rotates: the key file now has k2, current.
    *source.ring.lock().unwrap() = ring_of(&[&k1, &k2], "k2");
    let (rotating, raw2) = open_raw(&url, ring_of(&[&k1, &k2], "k2")).await;
    assert_eq!(rotating.reseal_all(100).await.unwrap(), PLANTED);
    assert_eq!(*source.reads.lock().unwrap(), 0);
    // The serving store reads the source again, once, and opens them.
    assert_readable(&serving, planted).await;
    assert_eq!(*source.reads.lock().unwrap(), 1);
    // It now seals under k2.
    let mut mail = new_mail("sealed-2", "sealed@example.org", 50);
    mail.body = MAIL_BODY.to_string();
    serving
        .enqueue_mail(mail, draft("mail.queue"))
        .await
        .unwrap()
        .unwrap();
    assert!(only(&serving.sealed_counts().await.unwrap(), "k2"));
    for r in [raw, raw2] {
        close_raw(r).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_reads_its_keys_again_sqlite() {
    with_sqlite_url(a_store_reads_its_keys_again).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_reads_its_keys_again_postgres() {
    with_postgres_url(a_store_reads_its_keys_again).await;
}

/// Re-sealing while another instance writes loses no write: each row is
/// re-sealed only if it is still what was read. The writer here keeps
/// sealing under the old key (the worst case: an instance that has not
/// seen the new key file yet), so the two race on the same rows.
async fn resealing_never_loses_a_concurrent_write(url: String) {
    let k1 = SealKey::generate("k1", &OsEntropy).unwrap();
    let k2 = SealKey::generate("k2", &OsEntropy).unwrap();
    let (writer, raw) = open_raw(&url, ring_of(&[&k1, &k2], "k1")).await;
    let (rotating, raw2) = open_raw(&url, ring_of(&[&k1, &k2], "k2")).await;
    let mut ids = Vec::new();
    for i in 0..12 {
        let a = account(
            &writer,
            &format!("race{i}@example.org"),
            AccountKind::Auditor,
        )
        .await;
        writer.begin_totp_enrolment(a.id, "START").await.unwrap();
        ids.push(a.id);
    }
    const ROUNDS: usize = 25;
    let writes = {
        let (writer, ids) = (writer.clone(), ids.clone());
        tokio::spawn(async move {
            for round in 0..ROUNDS {
                for id in &ids {
                    let secret = format!("R{round}A{id}");
                    writer.begin_totp_enrolment(*id, &secret).await.unwrap();
                }
            }
        })
    };
    let mut passes = 0;
    while !writes.is_finished() {
        rotating.reseal_all(3).await.unwrap();
        passes += 1;
    }
    writes.await.unwrap();
    rotating.reseal_all(3).await.unwrap();
    assert!(passes > 0);
    for id in &ids {
        let a = rotating.account_by_id(*id).await.unwrap().unwrap();
        let last = format!("R{}A{id}", ROUNDS - 1);
        assert_eq!(
            a.totp_secret.as_deref(),
            Some(last.as_str()),
            "account {id}"
        );
    }
    assert!(only(&rotating.sealed_counts().await.unwrap(), "k2"));
    for r in [raw, raw2] {
        close_raw(r).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resealing_never_loses_a_concurrent_write_sqlite() {
    with_sqlite_url(resealing_never_loses_a_concurrent_write).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resealing_never_loses_a_concurrent_write_postgres() {
    with_postgres_url(resealing_never_loses_a_concurrent_write).await;
}
