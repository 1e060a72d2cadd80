//! The communications service on a real (SQLite) store: who may send to
//! whom, what each reader sees, refusals logged, receipts, escalation, and
//! nothing half-sent.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_communications::{CommError, Communications, Compose, Folder, Settings};
use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::clock::ManualClock;
use pocdir_domain::communication::attachment::AttachmentDraft;
use pocdir_domain::communication::delivery::{
    AckDeadlines, Addressing, AddressingProblem, RoleChoice,
};
use pocdir_domain::communication::template::TemplateDraft;
use pocdir_domain::communication::tlp::{Sight, TlpLabel, TlpRefusal, WayOut};
use pocdir_domain::directory::participant::{ParticipantKind, ParticipationStatus};
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_store::sqlite::SqliteStore;
use pocdir_store::{InboxFilter, NewAccount, NewParticipant, ParticipantNames, Store};
use std::sync::Arc;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2026-11-30 08:00:00 UTC);

struct World {
    store: Arc<dyn Store>,
    clock: ManualClock,
    settings: Settings,
    _dir: tempfile::TempDir,
    pak_tech: Requester,
    pak_dip: Requester,
    fra_tech: Requester,
    fra_tech2: Requester,
    fra_dip: Requester,
    deu_tech: Requester,
    xyz_tech: Requester,
    secretariat: Requester,
    auditor: Requester,
    fra_nominator: Requester,
}

impl World {
    fn service(&self) -> Communications<'_> {
        Communications::new(self.store.as_ref(), &self.clock, &self.settings)
    }
}

fn draft(action: &str) -> LogDraft {
    LogDraft::new(
        T0,
        LogActor::console(),
        action.parse_action(),
        String::new(),
    )
}

trait ParseAction {
    fn parse_action(&self) -> pocdir_domain::log::action::LogAction;
}

impl ParseAction for str {
    fn parse_action(&self) -> pocdir_domain::log::action::LogAction {
        pocdir_domain::log::action::LogAction::from_stored(self).unwrap()
    }
}

fn participant(code: &str) -> NewParticipant {
    NewParticipant {
        code: code.to_string(),
        alpha2: Some(code[..2].to_string()),
        m49: None,
        kind: ParticipantKind::MemberState,
        region: "Europe".to_string(),
        subregion: "Western Europe".to_string(),
        names: ParticipantNames {
            ar: format!("{code}-ar"),
            zh: format!("{code}-zh"),
            en: format!("{code}-en"),
            es: format!("{code}-es"),
            fr: format!("{code}-fr"),
            ru: format!("{code}-ru"),
        },
        at: T0,
    }
}

async fn account(
    store: &Arc<dyn Store>,
    email: &str,
    kind: AccountKind,
    state: Option<&str>,
    language: &str,
) -> Requester {
    let a = store
        .create_account(
            NewAccount {
                email: email.to_string(),
                kind,
                participant: state.map(str::to_string),
                display_name: format!("Name of {email}"),
                password_hash: "$argon2id$x".to_string(),
                totp_secret: None,
                totp_enrolled: false,
                demo: false,
                password_change_required: false,
                created_at: T0,
            },
            draft("account.create"),
        )
        .await
        .unwrap();
    store
        .set_account_language(a.id, Some(language), draft("account.language"))
        .await
        .unwrap();
    let participant = state.map(|s| ParticipantCode::parse(s).unwrap());
    Requester {
        actor: Actor {
            account_id: a.id,
            kind,
            participant: participant.clone(),
            scopes: Scopes::ALL,
        },
        log: LogActor {
            account_id: Some(a.id),
            kind: kind.as_str().to_string(),
            participant: state.map(str::to_string),
        },
    }
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("c.db").display());
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(
            &url,
            pocdir_store::Keys::ephemeral(Arc::new(pocdir_domain::entropy::OsEntropy)).unwrap(),
        )
        .await
        .unwrap(),
    );
    store
        .seed_participants(
            &["PAK", "FRA", "DEU", "XYZ"].map(participant),
            draft("participants.seed"),
        )
        .await
        .unwrap();
    for code in ["PAK", "FRA", "DEU"] {
        assert!(store
            .change_participant_status(
                code,
                ParticipationStatus::NotParticipating,
                ParticipationStatus::Participating,
                T0,
                draft("participant.status"),
            )
            .await
            .unwrap());
    }
    use AccountKind::*;
    World {
        pak_tech: account(&store, "cert@pak", TechnicalPoc, Some("PAK"), "en").await,
        pak_dip: account(&store, "mofa@pak", DiplomaticPoc, Some("PAK"), "en").await,
        fra_tech: account(&store, "cert@fra", TechnicalPoc, Some("FRA"), "fr").await,
        fra_tech2: account(&store, "soc@fra", TechnicalPoc, Some("FRA"), "fr").await,
        fra_dip: account(&store, "mae@fra", DiplomaticPoc, Some("FRA"), "fr").await,
        deu_tech: account(&store, "cert@deu", TechnicalPoc, Some("DEU"), "en").await,
        xyz_tech: account(&store, "cert@xyz", TechnicalPoc, Some("XYZ"), "en").await,
        secretariat: account(&store, "ops@un", Secretariat, None, "en").await,
        auditor: account(&store, "audit@un", Auditor, None, "en").await,
        fra_nominator: account(&store, "nom@fra", Nominator, Some("FRA"), "fr").await,
        store,
        clock: ManualClock::new(T0),
        settings: Settings {
            deadlines: AckDeadlines::default(),
            base_url: "https://pocdir.example.org".to_string(),
        },
        _dir: dir,
    }
}

fn template(tlp: &str) -> TemplateDraft {
    TemplateDraft {
        kind: "incident_notification".into(),
        urgency: "urgent".into(),
        tlp: tlp.into(),
        subject: "Wiper at the grid operator".into(),
        started_local: "2026-11-30T06:10".into(),
        started_zone: "Asia/Karachi".into(),
        sectors: vec!["energy".into()],
        impact: "SCADA down in two regions".into(),
        requested_action: "Block 203.0.113.7".into(),
        text: "We see the same loader as in your advisory.".into(),
        text_language: "en".into(),
        ..TemplateDraft::default()
    }
}

fn to_states(states: &[&str], roles: RoleChoice) -> Addressing {
    Addressing::States {
        states: states.iter().map(|s| s.to_string()).collect(),
        roles,
    }
}

fn compose(tlp: &str, to: Addressing) -> Compose {
    Compose {
        template: template(tlp),
        to,
        attachments: vec![AttachmentDraft {
            name: "iocs.txt".into(),
            bytes: b"203.0.113.7\n".to_vec(),
        }],
    }
}

async fn counts(w: &World) -> (usize, usize) {
    let all = w
        .store
        .inbox(&pocdir_store::Mailbox::All, &InboxFilter::default(), 1000)
        .await
        .unwrap()
        .len();
    let mails = w.store.mails(None, 1000).await.unwrap().len();
    (all, mails)
}

async fn log_actions(w: &World) -> Vec<String> {
    let size = w.store.log_size().await.unwrap();
    w.store
        .log_entries(0, size)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.entry.action)
        .collect()
}

#[tokio::test]
async fn a_state_addressed_notification_reaches_its_pocs_in_their_language() {
    let w = world().await;
    let svc = w.service();
    let id = svc
        .send(
            &w.pak_tech,
            compose("AMBER", to_states(&["fra"], RoleChoice::Technical)),
        )
        .await
        .unwrap();
    let opened = svc.open(&w.fra_tech, id, WayOut::Page).await.unwrap();
    assert_eq!(opened.sight, Sight::Content);
    let content = opened.content.unwrap();
    assert_eq!(content.subject, "Wiper at the grid operator");
    assert_eq!(
        opened.record.recipients.len(),
        2,
        "FRA's two technical PoCs"
    );
    assert!(opened.mine.unwrap().read_at.is_some(), "opening reads it");
    // One mail per recipient, in French, the label first, content in clear
    // (AMBER may be mailed in clear).
    let mails = w.store.mails(None, 10).await.unwrap();
    assert_eq!(mails.len(), 2);
    for m in &mails {
        assert_eq!(m.language, "fr");
        assert!(
            m.subject.starts_with("[TLP:AMBER] Urgente"),
            "{}",
            m.subject
        );
        assert!(m.body.contains("SCADA down in two regions"));
        assert!(m
            .body
            .contains(&format!("https://pocdir.example.org/communications/{id}")));
    }
    // FRA's diplomatic PoC (a colleague, not addressed) may read AMBER.
    let colleague = svc.open(&w.fra_dip, id, WayOut::Page).await.unwrap();
    assert_eq!(colleague.sight, Sight::Content);
    assert!(colleague.mine.is_none());
    // The secretariat sees metadata only; an outsider nothing at all.
    let operator = svc.open(&w.secretariat, id, WayOut::Page).await.unwrap();
    assert_eq!(operator.sight, Sight::Metadata);
    assert!(operator.content.is_none());
    for outsider in [&w.deu_tech, &w.auditor, &w.fra_nominator] {
        assert!(matches!(
            svc.open(outsider, id, WayOut::Page).await,
            Err(CommError::NotFound)
        ));
    }
    // Lists: the recipient's inbox, the sender's sent folder, FRA's State folder.
    let f = InboxFilter::default();
    assert_eq!(
        svc.list(&w.fra_tech, Folder::Inbox, &f, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        svc.list(&w.pak_tech, Folder::Sent, &f, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        svc.list(&w.fra_dip, Folder::State, &f, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(svc
        .list(&w.deu_tech, Folder::State, &f, 10)
        .await
        .unwrap()
        .is_empty());
    assert!(svc
        .list(&w.deu_tech, Folder::All, &f, 10)
        .await
        .unwrap()
        .is_empty());
    let all = svc.list(&w.secretariat, Folder::All, &f, 10).await.unwrap();
    assert_eq!(all[0].sight, Sight::Metadata);
    assert_eq!(svc.unread(&w.fra_tech2).await.unwrap(), 1);
}

#[tokio::test]
async fn bad_addressing_is_refused_and_nothing_is_sent() {
    let w = world().await;
    let svc = w.service();
    let before = counts(&w).await;
    let cases: Vec<(Compose, &str)> = vec![
        (
            compose("RED", to_states(&["FRA"], RoleChoice::Both)),
            "red-to-state",
        ),
        (
            compose("AMBER", to_states(&["XYZ"], RoleChoice::Both)),
            "not-participating",
        ),
        (
            compose("AMBER", to_states(&["QQQ"], RoleChoice::Both)),
            "unknown-state",
        ),
        (
            compose(
                "AMBER",
                Addressing::Named {
                    accounts: vec![w.fra_nominator.account_id()],
                },
            ),
            "nominator-named",
        ),
        (
            compose(
                "AMBER",
                Addressing::Named {
                    accounts: vec![w.xyz_tech.account_id()],
                },
            ),
            "named-non-participating",
        ),
        (compose("", to_states(&["FRA"], RoleChoice::Both)), "no-tlp"),
    ];
    for (c, what) in cases {
        let err = svc.send(&w.pak_tech, c).await.unwrap_err();
        let ok = match what {
            "red-to-state" => matches!(err, CommError::Tlp(TlpRefusal::RedNeedsNamedRecipients)),
            "not-participating" | "named-non-participating" => {
                matches!(
                    err,
                    CommError::Addressing(AddressingProblem::NotParticipating(_))
                )
            }
            "unknown-state" | "nominator-named" => {
                matches!(
                    err,
                    CommError::Addressing(AddressingProblem::UnknownRecipient(_))
                )
            }
            "no-tlp" => {
                matches!(&err, CommError::Invalid(f) if f[0].message_id == "comm-error-tlp-missing")
            }
            _ => false,
        };
        assert!(ok, "{what}: {err:?}");
    }
    // A mistyped attachment, with the template's problems at once.
    let mut bad = compose("AMBER", to_states(&["FRA"], RoleChoice::Both));
    bad.template.subject = String::new();
    bad.attachments = vec![AttachmentDraft {
        name: "report.pdf".into(),
        bytes: b"MZ\x90\0not a pdf".to_vec(),
    }];
    match svc.send(&w.pak_tech, bad).await.unwrap_err() {
        CommError::Invalid(fields) => {
            let ids: Vec<&str> = fields.iter().map(|f| f.message_id).collect();
            assert_eq!(ids, ["comm-error-required", "comm-error-attachment-type"]);
        }
        other => panic!("{other:?}"),
    }
    // Only PoCs of participating States send.
    for who in [&w.xyz_tech, &w.secretariat, &w.fra_nominator] {
        assert!(matches!(
            svc.send(who, compose("GREEN", to_states(&["FRA"], RoleChoice::Both)))
                .await,
            Err(CommError::MayNotSend)
        ));
    }
    assert_eq!(counts(&w).await, before, "nothing half-sent");
}

#[tokio::test]
async fn red_goes_to_named_people_only_and_is_never_forwarded_or_exported() {
    let w = world().await;
    let svc = w.service();
    let id = svc
        .send(
            &w.pak_tech,
            compose(
                "RED",
                Addressing::Named {
                    accounts: vec![w.fra_tech.account_id()],
                },
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        svc.open(&w.fra_tech, id, WayOut::Page).await.unwrap().sight,
        Sight::Content
    );
    // A colleague of the recipient's State sees that it exists, never what it says.
    let colleague = svc.open(&w.fra_tech2, id, WayOut::Api).await.unwrap();
    assert_eq!(colleague.sight, Sight::Metadata);
    assert!(colleague.content.is_none());
    assert!(matches!(
        svc.attachment(
            &w.fra_tech2,
            id,
            colleague.record.attachments[0].id,
            WayOut::Page
        )
        .await,
        Err(CommError::Tlp(TlpRefusal::NotAReader))
    ));
    // The mail carries no content.
    let mails = w.store.mails(None, 10).await.unwrap();
    assert_eq!(mails.len(), 1);
    assert!(!mails[0].body.contains("SCADA") && !mails[0].subject.contains("Wiper"));
    assert!(mails[0].subject.starts_with("[TLP:RED]"));
    // Never forwarded (even to a colleague, even as RED), never exported.
    let own = Addressing::Named {
        accounts: vec![w.fra_dip.account_id()],
    };
    assert!(matches!(
        svc.forward(&w.fra_tech, id, TlpLabel::Red, own).await,
        Err(CommError::Tlp(TlpRefusal::RedNeverForwarded))
    ));
    assert!(matches!(
        svc.export(&w.fra_tech, id).await,
        Err(CommError::Tlp(TlpRefusal::RedNeverExported))
    ));
    let refusals = log_actions(&w)
        .await
        .into_iter()
        .filter(|a| a == "communication.refuse")
        .count();
    assert_eq!(
        refusals, 3,
        "attachment, forward and export refusals are logged"
    );
}

#[tokio::test]
async fn forwards_keep_the_label_within_its_audience() {
    let w = world().await;
    let svc = w.service();
    let amber = svc
        .send(
            &w.pak_tech,
            compose("AMBER", to_states(&["FRA"], RoleChoice::Technical)),
        )
        .await
        .unwrap();
    let own_colleague = Addressing::Named {
        accounts: vec![w.fra_dip.account_id()],
    };
    let other_state = to_states(&["DEU"], RoleChoice::Technical);
    assert!(matches!(
        svc.forward(&w.fra_tech, amber, TlpLabel::Green, own_colleague.clone())
            .await,
        Err(CommError::Tlp(TlpRefusal::Loosens))
    ));
    assert!(matches!(
        svc.forward(&w.fra_tech, amber, TlpLabel::Amber, other_state.clone())
            .await,
        Err(CommError::Tlp(TlpRefusal::OutsideOwnState))
    ));
    let fwd = svc
        .forward(&w.fra_tech, amber, TlpLabel::AmberStrict, own_colleague)
        .await
        .unwrap();
    let opened = svc.open(&w.fra_dip, fwd, WayOut::Page).await.unwrap();
    assert_eq!(opened.record.meta.forwarded_from, Some(amber));
    assert_eq!(opened.record.meta.tlp, TlpLabel::AmberStrict);
    assert_eq!(opened.record.attachments.len(), 1, "files go with it");
    assert_eq!(
        opened.content.unwrap().subject,
        "Wiper at the grid operator"
    );
    // GREEN may go to any participating State.
    let green = svc
        .send(
            &w.pak_tech,
            compose("GREEN", to_states(&["FRA"], RoleChoice::Technical)),
        )
        .await
        .unwrap();
    svc.forward(&w.fra_tech, green, TlpLabel::Green, other_state)
        .await
        .unwrap();
    // AMBER+STRICT mail is a link only.
    let strict_mail = w
        .store
        .mails(None, 100)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.subject.starts_with("[TLP:AMBER+STRICT]"))
        .unwrap();
    assert!(!strict_mail.body.contains("SCADA"));
    assert!(log_actions(&w)
        .await
        .contains(&"communication.forward".to_string()));
}

#[tokio::test]
async fn replies_acknowledgements_and_escalation() {
    let w = world().await;
    let svc = w.service();
    let id = svc
        .send(
            &w.pak_tech,
            compose("AMBER+STRICT", to_states(&["FRA"], RoleChoice::Both)),
        )
        .await
        .unwrap();
    // Acknowledged by FRA's diplomatic PoC only: escalation still follows,
    // since no technical PoC acknowledged.
    svc.acknowledge(&w.fra_dip, id).await.unwrap();
    assert!(matches!(
        svc.acknowledge(&w.fra_dip, id).await,
        Err(CommError::AlreadyAcknowledged)
    ));
    assert!(matches!(
        svc.acknowledge(&w.pak_dip, id).await,
        Err(CommError::NotARecipient)
    ));
    assert!(matches!(
        svc.acknowledge(&w.deu_tech, id).await,
        Err(CommError::NotFound)
    ));
    w.clock.advance(Duration::minutes(119));
    assert_eq!(svc.escalate_due(100).await.unwrap(), 0);
    w.clock.advance(Duration::minutes(1));
    let mails_before = w.store.mails(None, 100).await.unwrap().len();
    assert_eq!(svc.escalate_due(100).await.unwrap(), 1);
    assert_eq!(svc.escalate_due(100).await.unwrap(), 0, "once");
    let mails = w.store.mails(None, 100).await.unwrap();
    assert_eq!(mails.len(), mails_before + 1, "FRA's one diplomatic PoC");
    assert!(mails.iter().any(|m| m.recipient == "mae@fra"
        && m.subject.starts_with("[TLP:AMBER+STRICT]")
        && m.body.contains(&format!("/communications/{id}"))));
    let opened = svc.open(&w.pak_tech, id, WayOut::Page).await.unwrap();
    assert_eq!(opened.record.escalations.len(), 1, "the sender sees it");
    // The diplomatic PoC was a recipient already: its receipts stay.
    assert!(svc
        .list(&w.fra_dip, Folder::Inbox, &InboxFilter::default(), 10)
        .await
        .unwrap()[0]
        .item
        .receipts
        .unwrap()
        .acknowledged_at
        .is_some());

    // A reply goes to everyone of the parent but the replier, and answers it.
    let mut t = template("AMBER");
    t.kind = "response".into();
    t.subject = "Re: wiper".into();
    let reply = svc.reply(&w.fra_tech, id, t, vec![]).await.unwrap();
    let thread = svc.thread(&w.pak_tech, reply, WayOut::Page).await.unwrap();
    assert_eq!(thread.len(), 2);
    let r = &thread[1].record;
    let mut to: Vec<i64> = r.recipients.iter().map(|x| x.account_id).collect();
    to.sort_unstable();
    let mut expected = vec![
        w.pak_tech.account_id(),
        w.fra_tech2.account_id(),
        w.fra_dip.account_id(),
    ];
    expected.sort_unstable();
    assert_eq!(to, expected);
    assert!(thread[0]
        .record
        .recipient(w.fra_tech.account_id())
        .unwrap()
        .receipts
        .answered_at
        .is_some());
    // Replying to a thread one cannot read: as if it did not exist.
    assert!(matches!(
        svc.reply(&w.deu_tech, id, template("GREEN"), vec![]).await,
        Err(CommError::NotFound)
    ));
    // The sender sees every recipient's status; FRA's PoCs only FRA's.
    let seen_by_sender = svc.open(&w.pak_tech, id, WayOut::Page).await.unwrap();
    assert_eq!(seen_by_sender.visible_recipients.len(), 3);
    let actions = log_actions(&w).await;
    for a in [
        "communication.send",
        "communication.acknowledge",
        "communication.escalate",
        "communication.read",
    ] {
        assert!(actions.contains(&a.to_string()), "{a} logged");
    }
}

#[tokio::test]
async fn a_technical_acknowledgement_in_time_means_no_escalation() {
    let w = world().await;
    let svc = w.service();
    let id = svc
        .send(
            &w.pak_tech,
            compose("GREEN", to_states(&["FRA", "DEU"], RoleChoice::Technical)),
        )
        .await
        .unwrap();
    svc.acknowledge(&w.fra_tech2, id).await.unwrap();
    w.clock.advance(Duration::hours(3));
    // DEU did not acknowledge, but DEU has no diplomatic PoC: escalated
    // all the same (recorded), with no one to mail.
    assert_eq!(svc.escalate_due(100).await.unwrap(), 1);
    let rec = w.store.communication(id).await.unwrap().unwrap();
    assert_eq!(rec.escalations.len(), 1);
    assert_eq!(rec.escalations[0].0, "DEU");
}

#[tokio::test]
async fn escalation_puts_it_in_the_diplomats_inbox_except_red() {
    let w = world().await;
    let svc = w.service();
    let amber = svc
        .send(
            &w.pak_tech,
            compose("AMBER", to_states(&["FRA"], RoleChoice::Technical)),
        )
        .await
        .unwrap();
    let red = svc
        .send(
            &w.pak_tech,
            compose(
                "RED",
                Addressing::Named {
                    accounts: vec![w.fra_tech.account_id()],
                },
            ),
        )
        .await
        .unwrap();
    assert_eq!(svc.unread(&w.fra_dip).await.unwrap(), 0);
    w.clock.advance(Duration::hours(2));
    assert_eq!(svc.escalate_due(100).await.unwrap(), 2);
    let inbox = svc
        .list(&w.fra_dip, Folder::Inbox, &InboxFilter::default(), 10)
        .await
        .unwrap();
    assert_eq!(
        inbox.iter().map(|l| l.item.meta.id).collect::<Vec<_>>(),
        vec![amber],
        "AMBER is now in the diplomat's inbox; RED is not"
    );
    assert_eq!(svc.unread(&w.fra_dip).await.unwrap(), 1);
    svc.acknowledge(&w.fra_dip, amber).await.unwrap();
    // RED: the diplomat was alerted by mail and sees that it exists, not
    // what it says.
    let seen = svc.open(&w.fra_dip, red, WayOut::Page).await.unwrap();
    assert_eq!(seen.sight, Sight::Metadata);
    assert_eq!(seen.record.escalations.len(), 1);
    let alerts: Vec<_> = w
        .store
        .mails(None, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.recipient == "mae@fra")
        .collect();
    assert_eq!(alerts.len(), 2);
    assert!(alerts
        .iter()
        .all(|m| !m.body.contains("SCADA") && !m.subject.contains("Wiper")));
}

#[tokio::test]
async fn a_reply_reaches_the_others_when_one_of_them_was_disabled_since() {
    let w = world().await;
    let svc = w.service();
    let id = svc
        .send(
            &w.pak_tech,
            compose("GREEN", to_states(&["FRA"], RoleChoice::Technical)),
        )
        .await
        .unwrap();
    let change_mail = pocdir_store::ChangeMail {
        mail: pocdir_store::NewMail {
            dedupe_key: "disable-soc".into(),
            recipient: "soc@fra".into(),
            language: "fr".into(),
            subject: "s".into(),
            body: "b".into(),
            participant: Some("FRA".into()),
            created_at: T0,
        },
        log: draft("mail.queue"),
    };
    assert!(w
        .store
        .change_account(
            w.fra_tech2.account_id(),
            pocdir_domain::account_admin::AccountChange::Disable,
            T0,
            change_mail,
            draft("account.disable"),
        )
        .await
        .unwrap());
    let mut t = template("GREEN");
    t.kind = "response".into();
    let reply = svc.reply(&w.fra_tech, id, t, vec![]).await.unwrap();
    let rec = w.store.communication(reply).await.unwrap().unwrap();
    assert_eq!(
        rec.recipients
            .iter()
            .map(|r| r.account_id)
            .collect::<Vec<_>>(),
        vec![w.pak_tech.account_id()]
    );
}
