//! Reports: sent whole (States, recipients, files, mails, entries) or not at
//! all; reads, acknowledgements and statuses per recipient and per State;
//! the States' threads; the embargo's extensions; reminders and
//! escalations once; suspension withholding the mails not yet sent; the
//! content sealed at rest.

use crate::*;
use pocdir_domain::communication::attachment::{Attachment, AttachmentType};
use pocdir_domain::communication::template::ZonedTime;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::report::{AffectedProduct, ReportCategory, ReportContent, StateStatus};
use pocdir_domain::reporter::{ReporterStatus, VettingDecision};
use pocdir_store::{
    report_mail_key_prefix, MessageSide, NewApplication, NewRecipient, NewReport, NewReportMessage,
    ReportList, ReporterDecision, REPORT_ID_PLACEHOLDER,
};

conformance!(
    cases: [
        a_report_is_read_acknowledged_and_answered_per_state,
        only_an_approved_reporter_sends_and_a_failed_send_writes_nothing,
        reminders_and_escalations_happen_once,
        suspension_withholds_the_mails_not_yet_sent,
    ],
    raw: [content_messages_and_files_are_sealed_at_rest],
);

const DESCRIPTION: &str = "Pre-auth RCE in ExampleVPN via /remote/login";

struct Cast {
    reporter_id: i64,
    reporter_account: i64,
    pak: i64,
    fra: i64,
    fra2: i64,
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

async fn cast(store: &Arc<dyn Store>) -> Cast {
    seed_two(store).await;
    let reporter_account = account(store, "jana@northwind.example.org", AccountKind::Reporter)
        .await
        .id;
    let applied = store
        .apply_as_reporter(
            NewApplication {
                organisation: "Northwind".into(),
                country: "DEU".into(),
                website: "https://northwind.example.org/".into(),
                contact_name: "Jana Weber".into(),
                contact_email: "jana@northwind.example.org".into(),
                language: "en".into(),
                openpgp_key: None,
                openpgp_fingerprint: None,
                why: "Vulnerabilities".into(),
                applied_at: t(10),
            },
            draft("reporter.apply"),
        )
        .await
        .unwrap();
    decide_reporter(
        store,
        applied.id,
        VettingDecision::Approve,
        ReporterStatus::Pending,
        20,
    )
    .await;
    store
        .link_reporter_account(applied.id, reporter_account)
        .await
        .unwrap();
    Cast {
        reporter_id: applied.id,
        reporter_account,
        pak: poc(store, "cert@pak.example", AccountKind::TechnicalPoc, "PAK").await,
        fra: poc(store, "cert@fra.example", AccountKind::TechnicalPoc, "FRA").await,
        fra2: poc(store, "soc@fra.example", AccountKind::TechnicalPoc, "FRA").await,
        fra_dip: poc(store, "mfa@fra.example", AccountKind::DiplomaticPoc, "FRA").await,
    }
}

async fn decide_reporter(
    store: &Arc<dyn Store>,
    id: i64,
    decision: VettingDecision,
    from: ReporterStatus,
    at: i64,
) {
    store
        .decide_reporter(ReporterDecision {
            reporter_id: id,
            decision,
            from,
            reason: decision.needs_reason().then(|| "a reason".to_string()),
            at: t(at),
            decided_by: None,
            invitation: None,
            mail: None,
            log: draft(match decision {
                VettingDecision::Approve => "reporter.approve",
                VettingDecision::Reject => "reporter.reject",
                VettingDecision::Suspend => "reporter.suspend",
                VettingDecision::Reinstate => "reporter.reinstate",
            }),
        })
        .await
        .unwrap();
}

/// An embargo ending `end` seconds after the suite's epoch (`t`).
fn embargo(end: i64) -> ZonedTime {
    ZonedTime {
        local: "2027-01-15T09:00".into(),
        zone: "Europe/Berlin".into(),
        utc: t(end).unix_timestamp(),
    }
}

fn new_report(c: &Cast, at: i64, embargo_end: i64) -> NewReport {
    let recipients = [(c.pak, "PAK"), (c.fra, "FRA"), (c.fra2, "FRA")]
        .into_iter()
        .map(|(account_id, state)| NewRecipient {
            account_id,
            state: state.to_string(),
            kind: AccountKind::TechnicalPoc,
        })
        .collect::<Vec<_>>();
    let mails = recipients
        .iter()
        .map(|r| {
            new_mail(
                &format!(
                    "{}{REPORT_ID_PLACEHOLDER}:new:{}",
                    report_mail_key_prefix(c.reporter_id),
                    r.account_id
                ),
                &format!("poc{}@example.org", r.account_id),
                at,
            )
        })
        .collect();
    NewReport {
        reporter_id: c.reporter_id,
        sender_account: c.reporter_account,
        category: ReportCategory::Vulnerability,
        tlp: TlpLabel::Amber,
        content: ReportContent {
            title: "ExampleVPN".into(),
            description: DESCRIPTION.into(),
            products: vec![AffectedProduct {
                product: "ExampleVPN Gateway".into(),
                versions: "< 9.4.2".into(),
            }],
            cve_ids: vec!["CVE-2026-41234".into()],
            stix_bundle: None,
        },
        content_sha256: "ab".repeat(32),
        embargo: Some(embargo(embargo_end)),
        states: vec!["FRA".into(), "PAK".into()],
        recipients,
        attachments: vec![Attachment {
            name: "advisory-secret-name.txt".into(),
            file_type: AttachmentType::Text,
            bytes: b"Patch to 9.4.2 secret-bytes\n".to_vec(),
        }],
        sent_at: t(at),
        ack_deadline: t(at + 100),
        mails,
        // The store names the report in an entry sent without an object.
        log: vec![raw_draft(
            t(at),
            LogActor::console(),
            "report.send",
            String::new(),
        )],
    }
}

async fn a_report_is_read_acknowledged_and_answered_per_state(store: Arc<dyn Store>) {
    let c = cast(&store).await;
    let id = store
        .send_report(new_report(&c, 100, 10_000))
        .await
        .unwrap();
    let r = store.report(id).await.unwrap().unwrap();
    assert_eq!(r.meta.organisation, "Northwind");
    assert_eq!(r.meta.reporter_status, ReporterStatus::Approved);
    assert_eq!(r.state_codes(), codes(&["FRA", "PAK"]));
    assert!(r.states.iter().all(|s| s.status == StateStatus::Unknown));
    assert_eq!(r.recipients.len(), 3);
    assert_eq!(r.attachments.len(), 1);
    assert_eq!(r.meta.embargo, Some(embargo(10_000)));
    assert_eq!(
        store.report_content(id).await.unwrap().description,
        DESCRIPTION
    );
    let (meta, bytes) = store
        .report_attachment(id, r.attachments[0].id)
        .await
        .unwrap();
    assert_eq!(meta.name, "advisory-secret-name.txt");
    assert_eq!(bytes, b"Patch to 9.4.2 secret-bytes\n");
    // The mails, with the report's id in their keys.
    let keys: Vec<String> = store
        .mails(None, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.dedupe_key)
        .collect();
    assert!(keys.contains(&format!(
        "{}{id}:new:{}",
        report_mail_key_prefix(c.reporter_id),
        c.fra
    )));
    assert!(log_actions(&store)
        .await
        .contains(&("report.send".to_string(), format!("report:{id}"))));

    // The first read counts, once, for the recipient and its State.
    assert!(store
        .record_report_read(id, c.fra, t(110), draft("report.read"))
        .await
        .unwrap());
    assert!(!store
        .record_report_read(id, c.fra, t(111), draft("report.read"))
        .await
        .unwrap());
    assert!(!store
        .record_report_read(id, c.fra_dip, t(111), draft("report.read"))
        .await
        .unwrap());
    // Acknowledging: once per recipient; the State's time is the first.
    store
        .acknowledge_report(id, c.fra2, t(120), draft("report.acknowledge"))
        .await
        .unwrap();
    store
        .acknowledge_report(id, c.fra, t(130), draft("report.acknowledge"))
        .await
        .unwrap();
    assert!(matches!(
        store
            .acknowledge_report(id, c.fra, t(131), draft("report.acknowledge"))
            .await,
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(
        store
            .acknowledge_report(id, c.fra_dip, t(131), draft("report.acknowledge"))
            .await,
        Err(StoreError::NotFound)
    ));
    // The status, only from where it stands.
    store
        .set_report_status(
            id,
            "FRA",
            StateStatus::Unknown,
            StateStatus::Affected,
            t(140),
            draft("report.status"),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .set_report_status(
                id,
                "FRA",
                StateStatus::Unknown,
                StateStatus::NotAffected,
                t(141),
                draft("report.status"),
            )
            .await,
        Err(StoreError::NotAllowed(_))
    ));
    assert!(matches!(
        store
            .set_report_status(
                id,
                "GBR",
                StateStatus::Unknown,
                StateStatus::Affected,
                t(141),
                draft("report.status"),
            )
            .await,
        Err(StoreError::NotFound)
    ));
    // Threads per State: the State's first message answers.
    let message =
        |state: &str, side: MessageSide, author: i64, body: &str, at: i64| NewReportMessage {
            report_id: id,
            state: state.to_string(),
            author_account: author,
            side,
            author_kind: if side == MessageSide::Reporter {
                AccountKind::Reporter
            } else {
                AccountKind::TechnicalPoc
            },
            body: body.to_string(),
            sent_at: t(at),
            mails: Vec::new(),
            log: draft("report.message"),
        };
    store
        .add_report_message(message(
            "FRA",
            MessageSide::State,
            c.fra,
            "Which builds?",
            150,
        ))
        .await
        .unwrap();
    store
        .add_report_message(message(
            "FRA",
            MessageSide::Reporter,
            c.reporter_account,
            "9.4.2-1180",
            160,
        ))
        .await
        .unwrap();
    store
        .add_report_message(message(
            "PAK",
            MessageSide::Reporter,
            c.reporter_account,
            "Anyone there?",
            170,
        ))
        .await
        .unwrap();
    assert!(matches!(
        store
            .add_report_message(message(
                "GBR",
                MessageSide::Reporter,
                c.reporter_account,
                "x",
                171
            ))
            .await,
        Err(StoreError::NotFound)
    ));
    let fra_thread = store.report_messages(id, Some("FRA")).await.unwrap();
    assert_eq!(
        fra_thread
            .iter()
            .map(|m| m.body.as_str())
            .collect::<Vec<_>>(),
        ["Which builds?", "9.4.2-1180"]
    );
    assert_eq!(store.report_messages(id, None).await.unwrap().len(), 3);

    let r = store.report(id).await.unwrap().unwrap();
    let fra = r.state("FRA").unwrap();
    assert_eq!(fra.status, StateStatus::Affected);
    assert_eq!(fra.status_at, Some(t(140)));
    assert_eq!(fra.first_read_at, Some(t(110)));
    assert_eq!(fra.acknowledged_at, Some(t(120)));
    assert_eq!(fra.answered_at, Some(t(150)));
    let pak = r.state("PAK").unwrap();
    assert_eq!(
        (pak.first_read_at, pak.acknowledged_at, pak.answered_at),
        (None, None, None),
        "the reporter's message does not answer for the State"
    );
    assert_eq!(r.recipient(c.fra).unwrap().acknowledged_at, Some(t(130)));

    // The embargo moves only from where it is.
    store
        .extend_report_embargo(
            id,
            t(10_000),
            embargo(20_000),
            "Vendor late",
            t(180),
            Vec::new(),
            draft("report.extend"),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .extend_report_embargo(
                id,
                t(10_000),
                embargo(30_000),
                "Again",
                t(181),
                Vec::new(),
                draft("report.extend"),
            )
            .await,
        Err(StoreError::NotAllowed(_))
    ));
    let r = store.report(id).await.unwrap().unwrap();
    assert_eq!(r.meta.embargo, Some(embargo(20_000)));
    assert_eq!(r.extensions.len(), 1);
    assert_eq!(r.extensions[0].reason, "Vendor late");
    assert_eq!(r.extensions[0].from_end, t(10_000));

    // Lists: the reporter's, a State's, all; newest first, paged.
    let second = store
        .send_report(new_report(&c, 200, 10_000))
        .await
        .unwrap();
    let ids = |list: Vec<pocdir_store::ReportRecord>| -> Vec<i64> {
        list.into_iter().map(|r| r.meta.id).collect()
    };
    assert_eq!(
        ids(store
            .reports(&ReportList::OfReporter(c.reporter_id), None, 10)
            .await
            .unwrap()),
        [second, id]
    );
    assert_eq!(
        ids(store
            .reports(&ReportList::ToState("PAK".into()), Some(second), 10)
            .await
            .unwrap()),
        [id]
    );
    assert!(store
        .reports(&ReportList::ToState("GBR".into()), None, 10)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        ids(store.reports(&ReportList::All, None, 1).await.unwrap()),
        [second]
    );
    assert_eq!(
        store
            .reports_sent_since(c.reporter_id, t(150))
            .await
            .unwrap(),
        [t(200)]
    );
}

async fn only_an_approved_reporter_sends_and_a_failed_send_writes_nothing(store: Arc<dyn Store>) {
    let c = cast(&store).await;
    let mails_before = store.mails(None, 100).await.unwrap().len();
    // A State the directory does not know.
    let mut unknown = new_report(&c, 100, 10_000);
    unknown.states.push("ZZZ".into());
    assert!(store.send_report(unknown).await.is_err());
    // A reporter that is not approved.
    decide_reporter(
        &store,
        c.reporter_id,
        VettingDecision::Suspend,
        ReporterStatus::Approved,
        90,
    )
    .await;
    let log_before = whole_log(&store).await.len();
    assert!(matches!(
        store.send_report(new_report(&c, 100, 10_000)).await,
        Err(StoreError::NotAllowed(_))
    ));
    assert_eq!(whole_log(&store).await.len(), log_before);
    assert_eq!(store.mails(None, 100).await.unwrap().len(), mails_before);
    assert!(store
        .reports(&ReportList::All, None, 10)
        .await
        .unwrap()
        .is_empty());
}

async fn reminders_and_escalations_happen_once(store: Arc<dyn Store>) {
    let c = cast(&store).await;
    // Sent at 100, deadline 200, embargo ends at 1,000.
    let id = store.send_report(new_report(&c, 100, 1_000)).await.unwrap();
    let lead = time::Duration::seconds(500);
    assert!(store
        .report_reminders_due(t(400), lead, 10)
        .await
        .unwrap()
        .is_empty());
    let due = store.report_reminders_due(t(600), lead, 10).await.unwrap();
    assert_eq!(
        due.iter().map(|d| d.state.as_str()).collect::<Vec<_>>(),
        ["FRA", "PAK"]
    );
    assert!(store
        .remind_report_state(id, "FRA", t(1_000), Vec::new(), draft("report.remind"))
        .await
        .unwrap());
    assert!(!store
        .remind_report_state(id, "FRA", t(1_000), Vec::new(), draft("report.remind"))
        .await
        .unwrap());
    // Pakistan settles: no reminder for it.
    store
        .set_report_status(
            id,
            "PAK",
            StateStatus::Unknown,
            StateStatus::NotAffected,
            t(601),
            draft("report.status"),
        )
        .await
        .unwrap();
    assert!(store
        .report_reminders_due(t(602), lead, 10)
        .await
        .unwrap()
        .is_empty());
    // After the end, nothing.
    assert!(store
        .report_reminders_due(t(1_001), lead, 10)
        .await
        .unwrap()
        .is_empty());

    // Escalation: past the deadline, Pakistan acknowledged, France did not.
    store
        .acknowledge_report(id, c.pak, t(150), draft("report.acknowledge"))
        .await
        .unwrap();
    assert!(store
        .report_escalations_due(t(199), 10)
        .await
        .unwrap()
        .is_empty());
    let due = store.report_escalations_due(t(200), 10).await.unwrap();
    assert_eq!(
        due.iter().map(|d| d.state.as_str()).collect::<Vec<_>>(),
        ["FRA"]
    );
    let alerted = vec![NewRecipient {
        account_id: c.fra_dip,
        state: "FRA".into(),
        kind: AccountKind::DiplomaticPoc,
    }];
    assert!(store
        .escalate_report(
            id,
            "FRA",
            t(201),
            alerted.clone(),
            Vec::new(),
            draft("report.escalate")
        )
        .await
        .unwrap());
    assert!(!store
        .escalate_report(
            id,
            "FRA",
            t(202),
            alerted,
            Vec::new(),
            draft("report.escalate")
        )
        .await
        .unwrap());
    let r = store.report(id).await.unwrap().unwrap();
    assert_eq!(r.state("FRA").unwrap().escalated_at, Some(t(201)));
    assert_eq!(
        r.recipient(c.fra_dip).unwrap().kind,
        AccountKind::DiplomaticPoc
    );
    assert!(store
        .report_escalations_due(t(300), 10)
        .await
        .unwrap()
        .is_empty());
}

async fn suspension_withholds_the_mails_not_yet_sent(store: Arc<dyn Store>) {
    let c = cast(&store).await;
    store
        .send_report(new_report(&c, 100, 10_000))
        .await
        .unwrap();
    // Another reporter's mail and an unrelated one are left alone.
    store
        .enqueue_mail(
            new_mail("account:1:reset", "x@example.org", 100),
            draft("mail.queue"),
        )
        .await
        .unwrap();
    decide_reporter(
        &store,
        c.reporter_id,
        VettingDecision::Suspend,
        ReporterStatus::Approved,
        110,
    )
    .await;
    let failed = store.mails(Some(MailStatus::Failed), 100).await.unwrap();
    assert_eq!(failed.len(), 3, "the report's three mails");
    assert!(failed.iter().all(|m| m
        .last_error
        .as_deref()
        .unwrap_or_default()
        .contains("withheld")));
    let queued = store.mails(Some(MailStatus::Queued), 100).await.unwrap();
    assert_eq!(queued.len(), 1);
    assert!(log_actions(&store).await.contains(&(
        "report.withhold".to_string(),
        format!("reporter:{}", c.reporter_id)
    )));
}

async fn content_messages_and_files_are_sealed_at_rest(store: Arc<dyn Store>, raw: Raw) {
    let c = cast(&store).await;
    let id = store
        .send_report(new_report(&c, 100, 10_000))
        .await
        .unwrap();
    store
        .add_report_message(NewReportMessage {
            report_id: id,
            state: "FRA".into(),
            author_account: c.fra,
            side: MessageSide::State,
            author_kind: AccountKind::TechnicalPoc,
            body: "secret-question".into(),
            sent_at: t(120),
            mails: Vec::new(),
            log: draft("report.message"),
        })
        .await
        .unwrap();
    for (sql, needle) in [
        ("SELECT content FROM reports", "ExampleVPN"),
        ("SELECT body FROM report_messages", "secret-question"),
        ("SELECT name FROM report_attachments", "secret-name"),
    ] {
        let values = raw.texts(sql).await.join("\n");
        assert!(values.starts_with("seal1."), "{sql}: {values}");
        assert!(!values.contains(needle), "{needle} in clear");
    }
    assert_eq!(
        store.report_messages(id, Some("FRA")).await.unwrap()[0].body,
        "secret-question"
    );
}
