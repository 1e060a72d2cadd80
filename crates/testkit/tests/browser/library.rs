//! The best-practice library in the real browser, by clicking only from
//! each role's home: Pakistan's nominator, in Arabic (right to left),
//! publishes a playbook with summaries in Arabic and English; France's
//! technical PoC, in English, finds it by a word of the Arabic summary,
//! opens it, is told its download is logged, downloads it (one read in
//! the log, about Pakistan); Pakistan's nominator, in English, then
//! withdraws it and France no longer finds it; the secretariat, in Arabic,
//! still sees it among the withdrawn documents. Screenshots go to
//! `test-output/screenshots/library/`.

use super::{
    click, enter, find, no_csp_violations, text_of, type_into, verified_poc, wait_for_lang,
    wait_for_path, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::Instant;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "library", name).await
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    verified_poc(server, "FRA", "Léa Fontaine", "lea@cert.fr.example.org").await?;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("playbook.txt");
    std::fs::write(
        &file,
        "Step one: isolate.\nStep two: call the national CERT.\n",
    )?;

    // Pakistan, in Arabic: publish from the home.
    client.goto(&server.url("/")).await?;
    enter(client, server, &pak, "ar").await?;
    click(client, "#home-library").await?;
    wait_for_path(client, "/library").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    click(client, "#library-publish-new").await?;
    wait_for_path(client, "/library/new").await?;
    type_into(client, "#title", "Ransomware playbook for hospitals").await?;
    click(client, "#kind option[value=playbook]").await?;
    for css in [
        "#tlp-green",
        "#language-en",
        "#language-ar",
        "#area-incident_response",
        "#area-critical_infrastructure",
    ] {
        click(client, css).await?;
    }
    type_into(
        client,
        "#summary_ar",
        "دليل إجرائي للاستجابة لبرمجيات الفدية في المستشفيات",
    )
    .await?;
    type_into(
        client,
        "#summary_en",
        "The first twelve hours of ransomware at a hospital.",
    )
    .await?;
    find(client, "#file")
        .await?
        .send_keys(&file.display().to_string())
        .await?;
    shot(client, "publish-ar").await?;
    click(client, "#library-publish").await?;
    // The document's page (not the form's `/library/new` again).
    find(client, "#library-document-title").await?;
    let id = client
        .current_url()
        .await?
        .path()
        .trim_start_matches("/library/")
        .to_owned();
    ensure!(id.parse::<i64>().is_ok(), "a document's page: {id}");
    ensure!(
        text_of(client, "#library-document-title")
            .await?
            .contains("Ransomware playbook"),
        "the published document's page"
    );
    find(client, "#library-summary-ar").await?;
    shot(client, "published-ar").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // France, in English: find it by a word of the Arabic summary, open
    // it, download it; the download is one read in the log.
    enter(client, server, &fra, "en").await?;
    click(client, "#home-library").await?;
    wait_for_path(client, "/library").await?;
    type_into(client, "#library-q", "الفدية").await?;
    click(client, "#library-search").await?;
    let card = format!("#library-document-{id}");
    find(client, &card).await?;
    shot(client, "found-en").await?;
    click(client, &format!("{card} .library-open")).await?;
    wait_for_path(client, &format!("/library/{id}")).await?;
    find(client, "#library-download-logged").await?;
    shot(client, "document-en").await?;
    let before = server.logged("library.download").await;
    // The browser downloads the file (to its download folder); the server
    // logs the read before the file leaves.
    click(client, "#library-download").await?;
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    while server.logged("library.download").await == before && Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    ensure!(
        server.logged("library.download").await == before + 1,
        "the download is logged"
    );
    wait_for_path(client, &format!("/library/{id}")).await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // Pakistan's nominator, now in English, withdraws it with a reason.
    enter(client, server, &pak, "en").await?;
    click(client, "#home-library").await?;
    wait_for_path(client, "/library").await?;
    click(client, &format!("{card} .library-open")).await?;
    wait_for_path(client, &format!("/library/{id}")).await?;
    type_into(client, "#library-reason", "Superseded by the 2027 edition").await?;
    click(client, "#library-withdraw").await?;
    find(client, "#library-withdrawn-note").await?;
    shot(client, "withdrawn-en").await?;
    super::sign_out(client).await?;

    // France no longer finds it; the secretariat sees it among the
    // withdrawn documents.
    enter(client, server, &fra, "en").await?;
    click(client, "#home-library").await?;
    wait_for_path(client, "/library").await?;
    find(client, "#library-none").await?;
    super::sign_out(client).await?;
    enter(client, server, &secretariat, "ar").await?;
    click(client, "#home-library").await?;
    wait_for_path(client, "/library").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    click(client, "#library-withdrawn").await?;
    click(client, "#library-search").await?;
    find(client, &card).await?;
    shot(client, "withdrawn-secretariat-ar").await?;
    no_csp_violations(driver, client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_publishes_another_finds_and_downloads_and_the_publisher_withdraws_from_the_homes()
{
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "library", started).await;
}
