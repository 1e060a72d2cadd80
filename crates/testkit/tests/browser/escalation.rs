//! The two other roles a communication touches, by clicking only from
//! their homes: Pakistan's diplomatic PoC, in Arabic, finds an urgent
//! notification that no technical PoC of Pakistan acknowledged in time
//! (escalated to it), reads it and acknowledges it; the secretariat, in
//! English, sees the list of all communications and one of them as
//! metadata only, never its content. Screenshots go to
//! `test-output/screenshots/communications/`.

use super::communications::shot;
use super::{
    choose_language, find, no_csp_violations, sign_in, text_of, verified_poc, wait_for_lang,
    wait_for_path, Browser, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Context, Result};
use fantoccini::Client;
use pocdir_communications::{Communications, Compose, Settings};
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::delivery::{AckDeadlines, Addressing, RoleChoice};
use pocdir_domain::communication::template::TemplateDraft;
use pocdir_domain::policy::Scopes;
use pocdir_testkit::TestServer;
use std::time::Instant;

const SUBJECT: &str = "Wiper on the national payment switch";
const TEXT: &str = "Settlement halted since 05:40 UTC; samples available on request.";

async fn journey(server: &TestServer, client: &Client, driver: &super::Chromedriver) -> Result<()> {
    verified_poc(server, "FRA", "Léa Fontaine", "lea@cert.fr.example.org").await?;
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    let sender = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let diplomat = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;

    // France writes to Pakistan's technical PoCs (the pages of that are the
    // other journey's); nobody there acknowledges within the 2 hours.
    let settings = Settings {
        deadlines: AckDeadlines::default(),
        base_url: server.url(""),
    };
    let service = Communications::new(server.store.as_ref(), &server.clock, &settings);
    let who = server
        .store
        .account_by_id(sender.id)
        .await?
        .context("the sender")?
        .requester(Scopes::ALL);
    let id = service
        .send(
            &who,
            Compose {
                template: TemplateDraft {
                    kind: "incident_notification".into(),
                    urgency: "urgent".into(),
                    tlp: "AMBER+STRICT".into(),
                    subject: SUBJECT.into(),
                    sectors: vec!["finance".into()],
                    text: TEXT.into(),
                    text_language: "en".into(),
                    ..TemplateDraft::default()
                },
                to: Addressing::States {
                    states: vec!["PAK".into()],
                    roles: RoleChoice::Technical,
                },
                attachments: vec![],
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("send: {e:?}"))?;
    server.clock.advance(time::Duration::hours(2));
    let escalated = service
        .escalate_due(10)
        .await
        .map_err(|e| anyhow::anyhow!("escalate: {e:?}"))?;
    ensure!(escalated == 1, "Pakistan escalated once, not {escalated}");

    // Pakistan's diplomatic PoC, in Arabic: its home counts it, the inbox
    // lists it, the thread says it was escalated; it acknowledges.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &diplomat).await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    wait_for_path(client, "/").await?;
    ensure!(
        text_of(client, "#home-communications strong").await?.trim() == "1",
        "the diplomat's home counts the escalated communication"
    );
    find(client, "#home-communications").await?.click().await?;
    find(client, &format!("#comm-row-{id}.unread")).await?;
    shot(client, "escalated-inbox-ar").await?;
    find(client, &format!("#comm-row-{id} a.comm-open"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/communications/{id}")).await?;
    ensure!(
        text_of(client, &format!("#comm-{id}-tlp")).await? == "TLP:AMBER+STRICT",
        "the label as TLP 2.0 writes it, never translated"
    );
    find(client, &format!("#comm-{id}-escalations")).await?;
    let text = find(client, &format!("#comm-{id}-text")).await?;
    ensure!(text.text().await?.trim() == TEXT, "the text as written");
    shot(client, "escalated-thread-ar").await?;
    find(client, &format!("#comm-{id}-acknowledge"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/communications/{id}")).await?;
    find(client, "#flash").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // The secretariat, in English: all communications, as metadata only.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &secretariat).await?;
    choose_language(client, "en").await?;
    wait_for_lang(client, "en", "ltr").await?;
    wait_for_path(client, "/").await?;
    find(client, "#home-communications").await?.click().await?;
    find(client, &format!("#comm-row-{id}")).await?;
    let listed = text_of(client, "main").await?;
    ensure!(
        !listed.contains(SUBJECT),
        "the secretariat's list shows no subject"
    );
    shot(client, "secretariat-list-en").await?;
    find(client, &format!("#comm-row-{id} a.comm-open"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/communications/{id}")).await?;
    find(client, "#comm-metadata-only").await?;
    let page = text_of(client, "main").await?;
    ensure!(
        !page.contains(SUBJECT) && !page.contains(TEXT),
        "the operator never sees the content"
    );
    ensure!(
        text_of(client, &format!("#comm-{id}-tlp")).await? == "TLP:AMBER+STRICT",
        "but it sees the label"
    );
    find(client, &format!("#comm-{id}-escalations")).await?;
    shot(client, "secretariat-thread-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_escalation_reaches_the_diplomat_and_the_secretariat_sees_metadata_only() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "escalation", started).await;
}
