//! The common lexicon in the real browser, by clicking only from each
//! role's home: Pakistan's diplomatic PoC, in Arabic (right to left),
//! searches a term in Arabic script, opens the concept and proposes a
//! change to it; France's technical PoC, in English, finds the proposal
//! on the concept and comments; the secretariat, in English, reads what
//! changes, accepts it and sees the new version in the history, then
//! downloads the TBX and imports it back with nothing changed.
//! Screenshots go to `test-output/screenshots/lexicon/`.

use super::{
    click, enter, find, no_csp_violations, text_of, wait_for_lang, wait_for_path,
    wait_for_path_under, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::Instant;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "lexicon", name).await
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    let pak = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;

    // Pakistan, in Arabic: search in Arabic script, open, propose.
    client.goto(&server.url("/")).await?;
    enter(client, server, &pak, "ar").await?;
    click(client, "#home-lexicon").await?;
    wait_for_path(client, "/lexicon").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#lexicon-q")
        .await?
        .send_keys("اختبار")
        .await?;
    click(client, "#lexicon-search").await?;
    find(client, "#lexicon-concept-ping-test").await?;
    shot(client, "search-ar").await?;
    click(client, "#lexicon-concept-ping-test .lexicon-open").await?;
    wait_for_path(client, "/lexicon/concepts/ping-test").await?;
    shot(client, "concept-ar").await?;
    click(client, "#lexicon-propose-change").await?;
    wait_for_path(client, "/lexicon/concepts/ping-test/propose").await?;
    find(client, "#en-term-1")
        .await?
        .send_keys("reachability check")
        .await?;
    client
        .execute(
            "document.getElementById('en-status-3').value = 'admitted';",
            vec![],
        )
        .await?;
    find(client, "#rationale")
        .await?
        .send_keys("المصطلح المستخدم في التقرير المرحلي السنوي")
        .await?;
    shot(client, "form-ar").await?;
    click(client, "#lexicon-submit").await?;
    wait_for_path_under(client, "/lexicon/proposals/").await?;
    find(client, "#lexicon-changes").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // France, in English: the proposal is on the concept; a comment.
    enter(client, server, &fra, "en").await?;
    click(client, "#home-lexicon").await?;
    wait_for_path(client, "/lexicon").await?;
    find(client, "#lexicon-q").await?.send_keys("ping").await?;
    click(client, "#lexicon-search").await?;
    click(client, "#lexicon-concept-ping-test .lexicon-open").await?;
    wait_for_path(client, "/lexicon/concepts/ping-test").await?;
    click(client, "#lexicon-pending .lexicon-pending-link").await?;
    wait_for_path_under(client, "/lexicon/proposals/").await?;
    find(client, "#lexicon-comment")
        .await?
        .send_keys("Agreed; it matches our usage.")
        .await?;
    click(client, "#lexicon-comment-send").await?;
    find(client, "#flash").await?;
    let comments = text_of(client, "#lexicon-comments").await?;
    ensure!(
        comments.contains("Agreed; it matches our usage."),
        "{comments}"
    );
    super::sign_out(client).await?;

    // The secretariat, in English: accept, then the history.
    enter(client, server, &secretariat, "en").await?;
    click(client, "#home-lexicon").await?;
    wait_for_path(client, "/lexicon").await?;
    click(client, "#lexicon-proposals").await?;
    wait_for_path(client, "/lexicon/proposals").await?;
    click(client, "#lexicon-pending-list .lexicon-proposal-link").await?;
    wait_for_path_under(client, "/lexicon/proposals/").await?;
    let changes = text_of(client, "#lexicon-changes").await?;
    ensure!(changes.contains("reachability check"), "{changes}");
    shot(client, "proposal-en").await?;
    click(client, "#lexicon-accept").await?;
    wait_for_path(client, "/lexicon/concepts/ping-test").await?;
    let version = text_of(client, "#lexicon-version").await?;
    ensure!(version.trim() == "2", "version {version}");
    click(client, "#lexicon-history").await?;
    wait_for_path(client, "/lexicon/concepts/ping-test/history").await?;
    find(client, "#lexicon-version-2").await?;
    shot(client, "history-en").await?;
    no_csp_violations(driver, client).await?;

    // The TBX export, imported back: nothing changes.
    let tbx = reqwest_tbx(server, client).await?;
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("lexicon.tbx");
    std::fs::write(&path, &tbx)?;
    click(client, "#lexicon-back").await?;
    click(client, "#lexicon-back").await?;
    wait_for_path(client, "/lexicon").await?;
    click(client, "#lexicon-import").await?;
    wait_for_path(client, "/lexicon/import").await?;
    find(client, "#lexicon-file")
        .await?
        .send_keys(&path.display().to_string())
        .await?;
    click(client, "#lexicon-import-send").await?;
    wait_for_path(client, "/lexicon").await?;
    find(client, "#flash").await?;
    let after = reqwest_tbx(server, client).await?;
    ensure!(after == tbx, "the TBX round trip changed the lexicon");
    super::sign_out(client).await?;
    Ok(())
}

/// The TBX export with the browser's session (its cookies), as the link
/// downloads it.
async fn reqwest_tbx(server: &TestServer, client: &Client) -> Result<String> {
    let cookies = client.get_all_cookies().await?;
    let header = cookies
        .iter()
        .map(|c| format!("{}={}", c.name(), c.value()))
        .collect::<Vec<_>>()
        .join("; ");
    let body = reqwest::Client::new()
        .get(server.url("/lexicon/export?format=tbx"))
        .header("cookie", header)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    ensure!(body.contains("<conceptEntry"), "a TBX file");
    Ok(body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_proposes_a_term_another_comments_and_the_secretariat_accepts_from_the_homes() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "lexicon", started).await;
}
