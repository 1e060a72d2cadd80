//! A State's own proof, found in the real browser from the homes:
//! Pakistan's nominator, in English, opens its State's log from the
//! account menu, finds the signed head and the `pocdir state-proof`
//! command for this server, and follows the link to make the API token
//! the command needs; Pakistan's technical PoC, in Arabic (right to
//! left), finds the same command, left to right. Screenshots go to
//! `test-output/screenshots/state-proof/`.

use super::{
    click, enter, find, no_csp_violations, sign_out, text_of, verified_poc, wait_for_lang,
    wait_for_path, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::Instant;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "state-proof", name).await
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let command = format!(
        "pocdir state-proof --url {} --participant PAK --key ",
        server.url("").trim_end_matches('/')
    );

    // The nominator, in English: from the home to its State's log.
    client.goto(&server.url("/")).await?;
    enter(client, server, &nominator, "en").await?;
    click(client, "#nav-own-state-log").await?;
    wait_for_path(client, "/audit/own-state").await?;
    // Above the entries, a link down to the proof.
    click(client, "#state-proof-jump").await?;
    let shown = text_of(client, "#state-proof-command").await?;
    ensure!(shown.contains(&command), "the command: {shown}");
    shot(client, "own-state-en").await?;
    no_csp_violations(driver, client).await?;
    click(client, "#state-proof-token-link").await?;
    wait_for_path(client, "/account").await?;
    find(client, "#tokens").await?;
    sign_out(client).await?;

    // The technical PoC, in Arabic: the same command, kept left to right.
    enter(client, server, &poc, "ar").await?;
    click(client, "#nav-own-state-log").await?;
    wait_for_path(client, "/audit/own-state").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    click(client, "#state-proof-jump").await?;
    let shown = text_of(client, "#state-proof-command").await?;
    ensure!(shown.contains(&command), "the command in Arabic: {shown}");
    let dir = find(client, "#state-proof-command")
        .await?
        .attr("dir")
        .await?
        .unwrap_or_default();
    ensure!(dir == "ltr", "the command reads left to right, not {dir:?}");
    shot(client, "own-state-ar").await?;
    no_csp_violations(driver, client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_finds_how_to_prove_its_entries_from_its_home() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser
        .finish(server, outcome, "state-proof", started)
        .await;
}
