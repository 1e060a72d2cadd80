//! A reporter applies and is vetted, by clicking only: from the public
//! page, a company fills in the application form, is told beside the field
//! that its website must be https, corrects it and lands on the thank-you
//! page; the secretariat, from its home, opens the application and approves
//! it; the approval mail with its enrolment link reaches the real SMTP peer.
//! Screenshots go to `test-output/screenshots/reporters/`.

use super::{
    find, no_csp_violations, sign_in, type_into, wait_for_path, wait_for_path_under, Browser,
    Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Context, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_domain::reporter::ReporterStatus;
use pocdir_testkit::{SmtpPeer, TestServer};
use std::time::Instant;

const EMAIL: &str = "jana@northwind.example.org";

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "reporters", name).await
}

async fn journey(
    server: &TestServer,
    smtp: &SmtpPeer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    // The company finds the form from the public page.
    client.goto(&server.url("/")).await?;
    find(client, "#public-reporter-apply")
        .await?
        .click()
        .await?;
    wait_for_path(client, "/reporters/apply").await?;
    type_into(client, "#organisation", "Northwind Security Research").await?;
    find(client, "#country")
        .await?
        .select_by_value("DEU")
        .await?;
    type_into(client, "#website", "http://northwind.example.org").await?;
    type_into(client, "#contact_name", "Jana Weber").await?;
    type_into(client, "#contact_email", EMAIL).await?;
    find(client, "#language")
        .await?
        .select_by_value("fr")
        .await?;
    type_into(
        client,
        "#why",
        "We find vulnerabilities in industrial control systems.",
    )
    .await?;
    shot(client, "1-apply").await?;
    find(client, "#reporter-apply-submit")
        .await?
        .click()
        .await?;
    // Refused beside the field; the other answers kept.
    find(client, "#error-website").await?;
    let kept = find(client, "#organisation").await?.prop("value").await?;
    ensure!(
        kept.as_deref() == Some("Northwind Security Research"),
        "answers kept: {kept:?}"
    );
    shot(client, "2-refused").await?;
    type_into(client, "#website", "https://northwind.example.org/").await?;
    find(client, "#reporter-apply-submit")
        .await?
        .click()
        .await?;
    wait_for_path(client, "/reporters/apply/thanks").await?;
    find(client, "#reporter-thanks").await?;
    no_csp_violations(driver, client).await?;

    // The secretariat vets it from its home.
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &secretariat).await?;
    find(client, "#home-reporters").await?.click().await?;
    wait_for_path(client, "/reporters").await?;
    find(client, ".reporter-pending .reporter-link")
        .await?
        .click()
        .await?;
    wait_for_path_under(client, "/reporters/").await?;
    shot(client, "3-application").await?;
    find(client, "#reporter-approve").await?.click().await?;
    find(client, "#reporter-suspend").await?;
    shot(client, "4-approved").await?;
    let reporters = server.store.reporters().await?;
    let r = reporters.first().context("the application")?;
    ensure!(r.status == ReporterStatus::Approved, "{:?}", r.status);

    // The mail with the enrolment link.
    let deadline = Instant::now() + super::PATIENCE;
    loop {
        let mails = smtp.messages();
        if let Some(m) = mails.iter().find(|m| m.rcpt_tos.iter().any(|t| t == EMAIL)) {
            ensure!(m.body.contains("/enrol/pdi_"), "{}", m.body);
            break;
        }
        ensure!(Instant::now() < deadline, "no approval mail");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    no_csp_violations(driver, client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_applies_and_the_secretariat_approves_it() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let outcome = journey(&server, &smtp, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "reporters", started).await;
}
