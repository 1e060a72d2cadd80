//! A ping test's challenge mail through the real server's mail sender and
//! a real SMTP peer that refuses one address for good: the other PoC gets
//! its one-time link in its language, the refused challenge shows as
//! undeliverable in the results.

use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::poc::{PocDraft, PocRole};
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::ping_test::campaign::{CampaignDraft, PingSettings, Scope};
use pocdir_domain::ping_test::challenge::Outcome;
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_ping_tests::{PingTests, Settings};
use pocdir_testkit::{SmtpPeer, TestServer};

const REFUSED: &str = "nobody@deu.example";

async fn approved_poc(server: &TestServer, state: &str, email: &str, languages: &[&str]) {
    let now = pocdir_domain::clock::Clock::now(&server.clock);
    let draft = |action| LogDraft::new(now, LogActor::console(), action, "x".to_string());
    let details = PocDraft {
        role: "technical".to_string(),
        name: format!("CERT {state}"),
        organisation: "CERT".to_string(),
        emails: vec![email.to_string()],
        languages: languages.iter().map(|l| l.to_string()).collect(),
        time_zone: "Europe/Paris".to_string(),
        hours: "24/7".to_string(),
        ..PocDraft::default()
    }
    .validate(now)
    .unwrap();
    let p = server
        .store
        .propose_poc(
            state,
            PocRole::Technical,
            &serde_json::to_string(&details).unwrap(),
            None,
            now,
            draft(LogAction::PocPropose),
        )
        .await
        .unwrap();
    server
        .store
        .decide_poc(
            p.id,
            p.version,
            true,
            None,
            None,
            now,
            draft(LogAction::PocApprove),
        )
        .await
        .unwrap()
        .applied()
        .unwrap();
}

#[tokio::test]
async fn a_refused_challenge_is_undeliverable_and_the_other_arrives_in_its_language() {
    let smtp = SmtpPeer::start_rejecting(&[REFUSED]).await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    approved_poc(&server, "FRA", "cert@fra.example", &["fr"]).await;
    approved_poc(&server, "DEU", REFUSED, &["en"]).await;
    let who = Requester {
        actor: Actor {
            account_id: secretariat.id,
            kind: AccountKind::Secretariat,
            participant: None,
            scopes: Scopes::ALL,
        },
        log: LogActor {
            account_id: Some(secretariat.id),
            kind: "secretariat".to_string(),
            participant: None,
        },
    };
    let settings = Settings {
        ping: PingSettings::default(),
        schedule: false,
        base_url: server.url.clone(),
    };
    let svc = PingTests::new(server.store.as_ref(), &server.clock, &settings);
    let id = svc
        .create(
            &who,
            &CampaignDraft {
                title: "Reachability".to_string(),
                scope: Scope {
                    states: vec!["DEU".to_string(), "FRA".to_string()],
                    ..Scope::default()
                },
                ..CampaignDraft::default()
            },
        )
        .await
        .unwrap();

    // The server's sender (every second) delivers one and gives up on the
    // other at the peer's 550.
    let got = smtp.wait_for(1).await;
    let mut failed = 0;
    for _ in 0..300 {
        failed = server.store.mail_counts().await.unwrap().failed;
        if failed == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(failed, 1, "the refused mail is given up");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(smtp.messages().len(), 1);
    let fra = &got[0];
    assert_eq!(fra.rcpt_tos, vec!["cert@fra.example".to_string()]);
    assert!(
        fra.body.contains(&format!("{}/ping/pdp_", server.url)),
        "{}",
        fra.body
    );
    assert!(fra.subject.contains("joignabilité"), "{}", fra.subject);

    let deu = svc.results(&who, id, Some("DEU")).await.unwrap();
    assert_eq!(deu.pocs.len(), 1);
    assert_eq!(deu.pocs[0].outcome, Outcome::Undeliverable);
    let fra = svc.results(&who, id, Some("FRA")).await.unwrap();
    assert_eq!(fra.pocs[0].outcome, Outcome::Awaiting);
}
