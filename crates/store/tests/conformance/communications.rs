//! Communications: threads, receipts, mailboxes, escalation, sealing.

use crate::*;
use pocdir_domain::communication::attachment::{Attachment, AttachmentType};
use pocdir_domain::communication::delivery::RoleChoice;
use pocdir_domain::communication::template::{CommunicationKind, Content, Sector, Urgency};
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_store::{
    InboxFilter, Mailbox, NewCommunication, NewRecipient, PocAccount, ID_PLACEHOLDER,
};

conformance!(
    cases: [
        send_read_acknowledge_and_reply_in_a_thread,
        mailboxes_filter_and_page,
        escalation_once_per_state,
        poc_accounts_are_enabled_pocs_of_the_state,
    ],
    raw: [content_is_sealed_and_a_send_is_whole, a_bulk_send_is_whole_and_in_order],
);

const SUBJECT: &str = "Ransomware at the grid operator";
const TEXT: &str = "Indicators attached; please block 203.0.113.7";

struct People {
    pak_tech: i64,
    fra_tech: i64,
    fra_tech2: i64,
    fra_dip: i64,
}

async fn poc(store: &Arc<dyn Store>, email: &str, kind: AccountKind, state: &str) -> i64 {
    let mut new = new_account(email, kind);
    new.participant = Some(state.to_string());
    store
        .create_account(new, draft("account.create"))
        .await
        .unwrap()
        .id
}

async fn people(store: &Arc<dyn Store>) -> People {
    seed_two(store).await;
    People {
        pak_tech: poc(store, "cert@pak.example", AccountKind::TechnicalPoc, "PAK").await,
        fra_tech: poc(store, "cert@fra.example", AccountKind::TechnicalPoc, "FRA").await,
        fra_tech2: poc(store, "soc@fra.example", AccountKind::TechnicalPoc, "FRA").await,
        fra_dip: poc(store, "mfa@fra.example", AccountKind::DiplomaticPoc, "FRA").await,
    }
}

fn content(subject: &str) -> Content {
    Content {
        subject: subject.to_string(),
        started: None,
        detected: None,
        sectors: vec![Sector::Energy],
        impact: "Two regions without SCADA".to_string(),
        requested_action: "Block the addresses".to_string(),
        respond_by: None,
        text: TEXT.to_string(),
        text_language: "en".to_string(),
    }
}

fn recipient(account_id: i64, state: &str, kind: AccountKind) -> NewRecipient {
    NewRecipient {
        account_id,
        state: state.to_string(),
        kind,
    }
}

/// PAK's technical PoC writes to FRA's PoCs (both roles).
fn to_fra(p: &People, at: i64, tlp: TlpLabel) -> NewCommunication {
    NewCommunication {
        thread_id: None,
        parent_id: None,
        forwarded_from: None,
        sender_account: p.pak_tech,
        sender_state: "PAK".to_string(),
        kind: CommunicationKind::IncidentNotification,
        urgency: Urgency::Urgent,
        tlp,
        addressed_roles: Some(RoleChoice::Both),
        addressed_states: vec!["FRA".to_string()],
        content: content(SUBJECT),
        content_sha256: "ab".repeat(32),
        e2e: false,
        attachments: vec![Attachment {
            name: "iocs.csv".to_string(),
            file_type: AttachmentType::Text,
            bytes: b"ip\n203.0.113.7\n".to_vec(),
        }],
        recipients: vec![
            recipient(p.fra_tech, "FRA", AccountKind::TechnicalPoc),
            recipient(p.fra_tech2, "FRA", AccountKind::TechnicalPoc),
            recipient(p.fra_dip, "FRA", AccountKind::DiplomaticPoc),
        ],
        sent_at: t(at),
        ack_deadline: t(at + 7200),
        mails: [p.fra_tech, p.fra_tech2, p.fra_dip]
            .iter()
            .map(|id| NewMail {
                dedupe_key: format!("communication:{ID_PLACEHOLDER}:to:{id}"),
                recipient: format!("{id}@fra.example"),
                language: "en".to_string(),
                subject: format!("[TLP:AMBER] #{ID_PLACEHOLDER}"),
                body: format!("/communications/{ID_PLACEHOLDER}"),
                participant: Some("FRA".to_string()),
                created_at: t(at),
            })
            .collect(),
        log: vec![LogDraft {
            object: String::new(),
            ..draft("communication.send")
        }],
    }
}

async fn send_read_acknowledge_and_reply_in_a_thread(store: Arc<dyn Store>) {
    let p = people(&store).await;
    let id = store
        .send_communication(to_fra(&p, 10, TlpLabel::Amber))
        .await
        .unwrap();
    let rec = store.communication(id).await.unwrap().unwrap();
    assert_eq!(rec.meta.thread_id, id);
    assert_eq!(rec.meta.tlp, TlpLabel::Amber);
    assert_eq!(rec.meta.sender_state, "PAK");
    assert_eq!(rec.meta.sender_kind, AccountKind::TechnicalPoc);
    assert_eq!(rec.meta.ack_deadline, t(7210));
    assert_eq!(rec.recipients.len(), 3);
    assert_eq!(
        rec.states,
        vec![("FRA".to_string(), true), ("PAK".to_string(), false)]
    );
    assert_eq!(rec.addressed_states(), vec!["FRA"]);
    assert_eq!(rec.attachments.len(), 1);
    assert_eq!(rec.attachments[0].name, "iocs.csv");
    assert_eq!(
        store.communication_content(id).await.unwrap(),
        content(SUBJECT)
    );
    // The subjects of a list, opened in one query; unknown ids left out.
    let subjects = store.communication_subjects(&[id, id + 999]).await.unwrap();
    assert_eq!(
        subjects.into_iter().collect::<Vec<_>>(),
        vec![(id, SUBJECT.to_string())]
    );
    assert!(store.communication_subjects(&[]).await.unwrap().is_empty());
    let (meta, bytes) = store.attachment(id, rec.attachments[0].id).await.unwrap();
    assert_eq!(meta.file_type, AttachmentType::Text);
    assert_eq!(bytes, b"ip\n203.0.113.7\n");
    assert!(matches!(
        store.attachment(id + 1, rec.attachments[0].id).await,
        Err(StoreError::NotFound)
    ));
    // The mails went to the outbox with the id filled in, once each.
    let mails = store.mails(None, 10).await.unwrap();
    assert_eq!(mails.len(), 3);
    assert!(mails
        .iter()
        .all(|m| m.subject == format!("[TLP:AMBER] #{id}")
            && m.dedupe_key.starts_with(&format!("communication:{id}:to:"))));

    // Reading: once.
    assert_eq!(store.unread_count(p.fra_tech).await.unwrap(), 1);
    assert!(store
        .record_read(id, p.fra_tech, t(20), draft("communication.read"))
        .await
        .unwrap());
    assert!(!store
        .record_read(id, p.fra_tech, t(30), draft("communication.read"))
        .await
        .unwrap());
    assert_eq!(store.unread_count(p.fra_tech).await.unwrap(), 0);
    // Acknowledging: once, and only by a recipient.
    let r = store
        .acknowledge(id, p.fra_tech, t(40), draft("communication.acknowledge"))
        .await
        .unwrap();
    assert_eq!((r.read_at, r.acknowledged_at), (Some(t(20)), Some(t(40))));
    assert!(matches!(
        store
            .acknowledge(id, p.fra_tech, t(50), draft("communication.acknowledge"))
            .await,
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(
        store
            .acknowledge(id, p.pak_tech, t(50), draft("communication.acknowledge"))
            .await,
        Err(StoreError::NotFound)
    ));
    let r2 = store
        .acknowledge(id, p.fra_dip, t(60), draft("communication.acknowledge"))
        .await
        .unwrap();
    assert_eq!(r2.read_at, Some(t(60)), "acknowledging also reads");

    // A reply continues the thread and answers the parent for its sender.
    let mut reply = to_fra(&p, 100, TlpLabel::Amber);
    reply.thread_id = Some(id);
    reply.parent_id = Some(id);
    reply.sender_account = p.fra_tech;
    reply.sender_state = "FRA".to_string();
    reply.kind = CommunicationKind::Response;
    reply.addressed_roles = None;
    reply.addressed_states = vec![];
    reply.recipients = vec![recipient(p.pak_tech, "PAK", AccountKind::TechnicalPoc)];
    reply.mails = vec![];
    reply.attachments = vec![];
    let reply_id = store.send_communication(reply).await.unwrap();
    let thread = store.thread(id).await.unwrap();
    assert_eq!(
        thread.iter().map(|r| r.meta.id).collect::<Vec<_>>(),
        vec![id, reply_id]
    );
    assert_eq!(thread[1].meta.parent_id, Some(id));
    let mine = thread[0].recipient(p.fra_tech).unwrap();
    assert_eq!(mine.receipts.answered_at, Some(t(100)));
    assert_eq!(
        thread[0]
            .recipient(p.fra_tech2)
            .unwrap()
            .receipts
            .answered_at,
        None
    );
    let actions = log_actions(&store).await;
    let comm: Vec<_> = actions
        .iter()
        .filter(|(a, _)| a.starts_with("communication."))
        .cloned()
        .collect();
    assert_eq!(
        comm,
        pairs(&[
            ("communication.send", format!("communication:{id}")),
            ("communication.read", "x".to_string()),
            ("communication.acknowledge", "x".to_string()),
            ("communication.acknowledge", "x".to_string()),
            ("communication.send", format!("communication:{reply_id}")),
        ])
    );
}

async fn mailboxes_filter_and_page(store: Arc<dyn Store>) {
    let p = people(&store).await;
    let mut ids = Vec::new();
    for (i, tlp) in [TlpLabel::Amber, TlpLabel::Green, TlpLabel::Red]
        .into_iter()
        .enumerate()
    {
        let mut new = to_fra(&p, i64::try_from(i).unwrap() * 10, tlp);
        new.mails = vec![];
        if tlp == TlpLabel::Green {
            new.urgency = Urgency::Routine;
        }
        ids.push(store.send_communication(new).await.unwrap());
    }
    let all = InboxFilter::default();
    let received = Mailbox::Received {
        account_id: p.fra_tech,
    };
    let list = store.inbox(&received, &all, 10).await.unwrap();
    assert_eq!(
        list.iter().map(|i| i.meta.id).collect::<Vec<_>>(),
        vec![ids[2], ids[1], ids[0]],
        "newest first"
    );
    assert!(list.iter().all(|i| i.receipts.is_some()));
    assert_eq!(list[0].recipient_count, 3);
    // Filters and paging.
    let red = InboxFilter {
        tlp: Some(TlpLabel::Red),
        ..InboxFilter::default()
    };
    assert_eq!(store.inbox(&received, &red, 10).await.unwrap().len(), 1);
    let routine = InboxFilter {
        urgency: Some(Urgency::Routine),
        ..InboxFilter::default()
    };
    assert_eq!(
        store.inbox(&received, &routine, 10).await.unwrap()[0]
            .meta
            .id,
        ids[1]
    );
    let page2 = InboxFilter {
        before_id: Some(ids[1]),
        ..InboxFilter::default()
    };
    assert_eq!(
        store
            .inbox(&received, &page2, 10)
            .await
            .unwrap()
            .iter()
            .map(|i| i.meta.id)
            .collect::<Vec<_>>(),
        vec![ids[0]]
    );
    store
        .record_read(ids[0], p.fra_tech, t(90), draft("communication.read"))
        .await
        .unwrap();
    let unread = InboxFilter {
        unread: true,
        ..InboxFilter::default()
    };
    assert_eq!(store.inbox(&received, &unread, 10).await.unwrap().len(), 2);
    store
        .acknowledge(
            ids[1],
            p.fra_tech,
            t(95),
            draft("communication.acknowledge"),
        )
        .await
        .unwrap();
    let unacknowledged = InboxFilter {
        unacknowledged: true,
        ..InboxFilter::default()
    };
    assert_eq!(
        store
            .inbox(&received, &unacknowledged, 10)
            .await
            .unwrap()
            .len(),
        2
    );
    let with_ack = store.inbox(&received, &all, 10).await.unwrap();
    assert_eq!(with_ack[1].acknowledged_count, 1);
    // Sent, State, All.
    let sent = Mailbox::Sent {
        account_id: p.pak_tech,
    };
    assert_eq!(store.inbox(&sent, &all, 2).await.unwrap().len(), 2);
    assert!(store
        .inbox(&sent, &all, 10)
        .await
        .unwrap()
        .iter()
        .all(|i| i.receipts.is_none()));
    for state in ["PAK", "FRA"] {
        let mailbox = Mailbox::State {
            state: state.to_string(),
        };
        assert_eq!(store.inbox(&mailbox, &all, 10).await.unwrap().len(), 3);
    }
    let nobody = Mailbox::Received {
        account_id: p.pak_tech,
    };
    assert!(store.inbox(&nobody, &all, 10).await.unwrap().is_empty());
    assert_eq!(store.inbox(&Mailbox::All, &all, 10).await.unwrap().len(), 3);
}

async fn escalation_once_per_state(store: Arc<dyn Store>) {
    let p = people(&store).await;
    let extra_dip = poc(
        &store,
        "embassy@fra.example",
        AccountKind::DiplomaticPoc,
        "FRA",
    )
    .await;
    let mut new = to_fra(&p, 0, TlpLabel::AmberStrict);
    new.mails = vec![];
    let id = store.send_communication(new).await.unwrap();
    // Before the deadline: nothing.
    assert!(store
        .escalation_candidates(t(7199), 10)
        .await
        .unwrap()
        .is_empty());
    let due = store.escalation_candidates(t(7200), 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].communication_id, due[0].state.as_str()),
        (id, "FRA")
    );
    assert_eq!(due[0].recipients.len(), 3);
    assert_eq!(due[0].tlp, TlpLabel::AmberStrict);
    let alert = NewMail {
        dedupe_key: format!("communication:{ID_PLACEHOLDER}:escalate:FRA:{}", p.fra_dip),
        recipient: "mfa@fra.example".to_string(),
        language: "fr".to_string(),
        subject: "[TLP:AMBER+STRICT] escalation".to_string(),
        body: format!("/communications/{ID_PLACEHOLDER}"),
        participant: Some("FRA".to_string()),
        created_at: t(7200),
    };
    assert!(store
        .escalate(
            id,
            "FRA",
            t(7200),
            vec![
                recipient(p.fra_dip, "FRA", AccountKind::DiplomaticPoc),
                recipient(extra_dip, "FRA", AccountKind::DiplomaticPoc),
            ],
            vec![alert.clone()],
            draft("communication.escalate")
        )
        .await
        .unwrap());
    assert!(!store
        .escalate(
            id,
            "FRA",
            t(7300),
            vec![],
            vec![alert],
            draft("communication.escalate")
        )
        .await
        .unwrap());
    assert_eq!(store.mails(None, 10).await.unwrap().len(), 1);
    assert!(store
        .escalation_candidates(t(9000), 10)
        .await
        .unwrap()
        .is_empty());
    let rec = store.communication(id).await.unwrap().unwrap();
    assert_eq!(rec.escalations, vec![("FRA".to_string(), t(7200))]);
    // The diplomatic PoC who was a recipient already keeps its receipts;
    // the other is now a recipient too (the escalation is in its inbox).
    assert_eq!(rec.recipients.len(), 4);
    assert_eq!(
        rec.recipient(extra_dip).unwrap().receipts.delivered_at,
        t(7200)
    );
    assert_eq!(
        rec.recipient(p.fra_dip).unwrap().receipts.delivered_at,
        t(0)
    );
    assert_eq!(store.unread_count(extra_dip).await.unwrap(), 1);
    // A technical acknowledgement in time means no escalation.
    let mut second = to_fra(&p, 10, TlpLabel::Green);
    second.mails = vec![];
    let second = store.send_communication(second).await.unwrap();
    store
        .acknowledge(
            second,
            p.fra_tech2,
            t(20),
            draft("communication.acknowledge"),
        )
        .await
        .unwrap();
    assert!(store
        .escalation_candidates(t(99_999), 10)
        .await
        .unwrap()
        .is_empty());
}

async fn poc_accounts_are_enabled_pocs_of_the_state(store: Arc<dyn Store>) {
    let p = people(&store).await;
    let nominator = poc(&store, "nom@fra.example", AccountKind::Nominator, "FRA").await;
    let of = |r: Vec<PocAccount>| r.iter().map(|a| a.account_id).collect::<Vec<_>>();
    assert_eq!(
        of(store
            .poc_accounts_of("FRA", RoleChoice::Technical)
            .await
            .unwrap()),
        vec![p.fra_tech, p.fra_tech2]
    );
    assert_eq!(
        of(store
            .poc_accounts_of("FRA", RoleChoice::Both)
            .await
            .unwrap()),
        vec![p.fra_tech, p.fra_tech2, p.fra_dip]
    );
    assert_eq!(
        of(store
            .poc_accounts(&[p.fra_dip, nominator, p.pak_tech, 999])
            .await
            .unwrap()),
        vec![p.pak_tech, p.fra_dip]
    );
    let first = &store.poc_accounts(&[p.fra_dip]).await.unwrap()[0];
    assert_eq!(first.state, "FRA");
    assert_eq!(first.kind, AccountKind::DiplomaticPoc);
}

async fn content_is_sealed_and_a_send_is_whole(store: Arc<dyn Store>, raw: Raw) {
    let p = people(&store).await;
    let id = store
        .send_communication(to_fra(&p, 0, TlpLabel::Red))
        .await
        .unwrap();
    let sealed = raw
        .texts("SELECT content FROM communications")
        .await
        .join("\n");
    assert!(sealed.starts_with("seal1."), "{sealed}");
    for needle in [SUBJECT, "203.0.113.7", "Block the addresses", "energy"] {
        assert!(!sealed.contains(needle), "{needle} in clear");
    }
    let names = raw
        .texts("SELECT name FROM communication_attachments")
        .await
        .join("\n");
    assert!(!names.contains("iocs"));
    assert_eq!(
        store.communication_content(id).await.unwrap().subject,
        SUBJECT
    );

    // A log that fails leaves no communication, recipient or mail behind.
    let mails_before = store.mails(None, 100).await.unwrap().len();
    arm_boom(&raw).await;
    let mut broken = to_fra(&p, 10, TlpLabel::Amber);
    broken.log = vec![draft("boom")];
    assert!(store.send_communication(broken).await.is_err());
    assert_eq!(
        raw.texts("SELECT CAST(COUNT(*) AS TEXT) FROM communications")
            .await,
        vec!["1".to_string()]
    );
    assert_eq!(
        raw.texts("SELECT CAST(COUNT(*) AS TEXT) FROM communication_recipients")
            .await,
        vec!["3".to_string()]
    );
    assert_eq!(store.mails(None, 100).await.unwrap().len(), mails_before);
}

async fn a_bulk_send_is_whole_and_in_order(store: Arc<dyn Store>, raw: Raw) {
    let p = people(&store).await;
    assert!(store
        .send_communications(Vec::new())
        .await
        .unwrap()
        .is_empty());
    let ids = store
        .send_communications(vec![
            to_fra(&p, 0, TlpLabel::Amber),
            to_fra(&p, 10, TlpLabel::Green),
            to_fra(&p, 20, TlpLabel::Red),
        ])
        .await
        .unwrap();
    assert_eq!(ids.len(), 3);
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    for (id, label) in ids
        .iter()
        .zip([TlpLabel::Amber, TlpLabel::Green, TlpLabel::Red])
    {
        let record = store.communication(*id).await.unwrap().unwrap();
        assert_eq!(record.meta.thread_id, *id, "each starts its own thread");
        assert_eq!(record.meta.tlp, label);
        assert_eq!(record.recipients.len(), 3);
        assert_eq!(record.attachments.len(), 1);
        assert_eq!(
            store.communication_content(*id).await.unwrap().subject,
            SUBJECT
        );
    }
    // Each one's mails name it.
    let mails = store.mails(None, 100).await.unwrap();
    for id in &ids {
        let mine = mails
            .iter()
            .filter(|m| m.dedupe_key.starts_with(&format!("communication:{id}:")))
            .count();
        assert_eq!(mine, 3, "mails of {id}");
    }
    let inbox = store
        .inbox(
            &Mailbox::Received {
                account_id: p.fra_tech,
            },
            &InboxFilter::default(),
            10,
        )
        .await
        .unwrap();
    assert_eq!(inbox.len(), 3);

    // One bad log entry anywhere: none of them is stored.
    arm_boom(&raw).await;
    let mut broken = to_fra(&p, 40, TlpLabel::Amber);
    broken.log = vec![draft("boom")];
    assert!(store
        .send_communications(vec![to_fra(&p, 30, TlpLabel::Amber), broken])
        .await
        .is_err());
    assert_eq!(
        raw.texts("SELECT CAST(COUNT(*) AS TEXT) FROM communications")
            .await,
        vec!["3".to_string()]
    );
    assert_eq!(store.mails(None, 100).await.unwrap().len(), mails.len());
}
