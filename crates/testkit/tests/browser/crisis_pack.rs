//! The offline crisis pack in the real browser, from the homes: France's
//! technical PoC, in Arabic (right to left), opens the pack's page, sees
//! its validity and the instance key's fingerprint, and downloads a pack
//! encrypted to a passphrase it types twice (the issue is logged);
//! Pakistan's nominator, in English, mistypes the second passphrase, is
//! told so beside the form, and then downloads. Screenshots go to
//! `test-output/screenshots/crisis-pack/`.

use super::{
    click, enter, find, no_csp_violations, sign_out, type_into, verified_poc, wait_for_lang,
    wait_for_path, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::{Duration, Instant};

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "crisis-pack", name).await
}

/// Clicks the download and waits until the server has logged one more pack.
async fn download(server: &TestServer, client: &Client) -> Result<()> {
    let before = server.logged("crisis_pack.issue").await;
    click(client, "#crisis-pack-download").await?;
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.logged("crisis_pack.issue").await == before && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    ensure!(
        server.logged("crisis_pack.issue").await == before + 1,
        "the pack's issue is logged"
    );
    Ok(())
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    verified_poc(server, "FRA", "Léa Fontaine", "lea@cert.fr.example.org").await?;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;

    // France's technical PoC, in Arabic.
    client.goto(&server.url("/")).await?;
    enter(client, server, &fra, "ar").await?;
    click(client, "#home-crisis-pack").await?;
    wait_for_path(client, "/crisis-pack").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#crisis-pack-validity").await?;
    find(client, "#crisis-pack-instance-key").await?;
    find(client, "#crisis-pack-to-passphrase").await?;
    shot(client, "page-ar").await?;
    type_into(client, "#passphrase", "correct horse battery staple").await?;
    type_into(client, "#passphrase_again", "correct horse battery staple").await?;
    download(server, client).await?;
    no_csp_violations(driver, client).await?;
    sign_out(client).await?;

    // Pakistan's nominator, in English: a mistyped passphrase, then the pack.
    enter(client, server, &pak, "en").await?;
    click(client, "#home-crisis-pack").await?;
    wait_for_path(client, "/crisis-pack").await?;
    type_into(client, "#passphrase", "a long passphrase for the pack").await?;
    type_into(client, "#passphrase_again", "a long passphrase for the pak").await?;
    click(client, "#crisis-pack-download").await?;
    find(client, "#error-message").await?;
    shot(client, "mistyped-en").await?;
    type_into(client, "#passphrase", "a long passphrase for the pack").await?;
    type_into(
        client,
        "#passphrase_again",
        "a long passphrase for the pack",
    )
    .await?;
    download(server, client).await?;
    no_csp_violations(driver, client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poc_in_arabic_and_a_nominator_in_english_download_a_crisis_pack_from_their_homes() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser
        .finish(server, outcome, "crisis-pack", started)
        .await;
}
