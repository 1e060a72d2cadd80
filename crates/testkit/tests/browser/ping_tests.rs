//! A ping test from start to chart, by clicking only from each role's
//! home, against the real SMTP peer: the secretariat, in English, creates
//! an ad-hoc campaign; the challenge mail reaches Pakistan's PoC, whose
//! link is followed in the browser (in Arabic, right to left) — opening it
//! records nothing — and the button answers; France's PoC answers from its
//! home; the secretariat finds both in the results and the chart;
//! Pakistan's nominator, in Arabic, sees its own State only.
//! Screenshots go to `test-output/screenshots/ping_tests/`.

use super::{
    choose_language, find, no_csp_violations, scroll_to, sign_in, text_of, type_into, verified_poc,
    wait_for_lang, wait_for_path, wait_for_path_under, Browser, Chromedriver,
    ONE_BROWSER_AT_A_TIME,
};
use anyhow::{bail, ensure, Context, Result};
use fantoccini::{Client, Locator};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_store::ChallengeFilter;
use pocdir_testkit::{SmtpPeer, TestServer};
use std::time::Instant;

const TITLE: &str = "Reachability check, December";

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "ping_tests", name).await
}

/// The id of the campaign the browser is on (`/ping-tests/{id}`).
async fn current_campaign(client: &Client) -> Result<i64> {
    let deadline = Instant::now() + super::PATIENCE;
    loop {
        let rest = wait_for_path_under(client, "/ping-tests/").await?;
        if let Ok(id) = rest.parse::<i64>() {
            return Ok(id);
        }
        if Instant::now() > deadline {
            bail!("expected a campaign's page, still on /ping-tests/{rest}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The one-time link in a mail's text.
fn link_in(body: &str) -> Option<String> {
    let at = body.find("/ping/pdp_")?;
    let start = body[..at].rfind("http")?;
    let end = body[at..]
        .find(|c: char| c.is_whitespace())
        .map_or(body.len(), |n| at + n);
    Some(body[start..end].to_string())
}

async fn answered(server: &TestServer, campaign: i64) -> Result<usize> {
    Ok(server
        .store
        .challenges(campaign, &ChallengeFilter::default())
        .await?
        .iter()
        .filter(|c| c.answered_at.is_some())
        .count())
}

async fn journey(
    server: &TestServer,
    smtp: &SmtpPeer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    verified_poc(server, "FRA", "Léa Fontaine", "lea@cert.fr.example.org").await?;
    // France's PoC entry signs in as this account (as the secretariat's
    // "portal access" page would link it).
    let fra_poc = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let entry = server
        .store
        .pocs_of("FRA")
        .await?
        .first()
        .context("France's PoC")?
        .id;
    let now = server.clock.now();
    server
        .store
        .link_poc_account(
            entry,
            fra_poc.id,
            now,
            events::poc_account_linked(now, LogActor::console(), "FRA", entry, fra_poc.id)?,
        )
        .await?;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;

    // The secretariat, in English, from its home to a new campaign.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &secretariat).await?;
    find(client, "#nav-ping-tests").await?.click().await?;
    wait_for_path(client, "/ping-tests").await?;
    find(client, "#ping-new").await?.click().await?;
    wait_for_path(client, "/ping-tests/new").await?;
    type_into(client, "#title", TITLE).await?;
    shot(client, "new-en").await?;
    scroll_to(client, "#ping-create").await?;
    find(client, "#ping-create").await?.click().await?;
    let id = current_campaign(client).await?;
    ensure!(
        text_of(client, "#ping-status").await?.contains("Running"),
        "an ad-hoc campaign runs at once"
    );
    shot(client, "campaign-en").await?;
    no_csp_violations(driver, client).await?;
    // Signed out for good before the mailed link is opened.
    super::sign_out(client).await?;

    // The challenge mails reach the real SMTP peer.
    let mails = smtp.wait_for(2).await;
    let to_pak = mails
        .iter()
        .find(|m| m.rcpt_tos.iter().any(|r| r == "ayesha@cert.pk.example.org"))
        .context("the challenge mail to Pakistan's PoC")?;
    let link = link_in(&to_pak.body).context("a one-time link in the mail")?;

    // Pakistan's PoC follows the link: the page asks, and records nothing.
    client.goto(&link).await?;
    find(client, "#ping-confirm").await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#ping-confirm").await?;
    ensure!(
        answered(server, id).await? == 0,
        "opening the link (twice) recorded nothing"
    );
    shot(client, "confirm-ar").await?;
    find(client, "#ping-confirm").await?.click().await?;
    find(client, "#ping-answered-in-time").await?;
    ensure!(answered(server, id).await? == 1, "the button answered");
    shot(client, "answered-ar").await?;
    // The link works once.
    client.goto(&link).await?;
    find(client, "#ping-refused-used").await?;
    choose_language(client, "en").await?;
    wait_for_lang(client, "en", "ltr").await?;

    // France's PoC answers from its home.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &fra_poc).await?;
    wait_for_path(client, "/").await?;
    let button = client
        .find(Locator::Css(
            "#home-ping button[id^=home-challenge-answer-]",
        ))
        .await?;
    shot(client, "poc-home-en").await?;
    button.click().await?;
    wait_for_path(client, "/").await?;
    find(client, "#home-ping [id^=home-challenge-done-]").await?;
    ensure!(answered(server, id).await? == 2, "answered from the portal");
    super::sign_out(client).await?;

    // The secretariat finds both answers in the results and the chart.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &secretariat).await?;
    find(client, "#nav-ping-tests").await?.click().await?;
    wait_for_path(client, "/ping-tests").await?;
    find(client, &format!("#ping-row-{id} a"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/ping-tests/{id}")).await?;
    find(client, "#ping-results").await?.click().await?;
    wait_for_path(client, &format!("/ping-tests/{id}/results")).await?;
    let pak = text_of(client, "#ping-state-PAK").await?;
    let fra = text_of(client, "#ping-state-FRA").await?;
    ensure!(
        pak.contains("All PoCs reached") && fra.contains("All PoCs reached"),
        "both States reached: {pak:?} / {fra:?}"
    );
    let charts = client
        .find_all(Locator::Css("figure.chart-figure svg"))
        .await?;
    ensure!(!charts.is_empty(), "the results have charts");
    shot(client, "results-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // Pakistan's nominator, in Arabic: its own State, never France.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &nominator).await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#nav-ping-tests").await?.click().await?;
    wait_for_path(client, "/ping-tests").await?;
    find(client, &format!("#ping-row-{id} a"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/ping-tests/{id}")).await?;
    find(client, "#ping-results").await?.click().await?;
    wait_for_path(client, &format!("/ping-tests/{id}/results")).await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#ping-state-PAK").await?;
    ensure!(
        client
            .find_all(Locator::Css("#ping-state-FRA"))
            .await?
            .is_empty(),
        "another State's line is never shown to a State"
    );
    let page = client.source().await?;
    ensure!(
        !page.contains("Léa Fontaine"),
        "another State's PoC is never named"
    );
    shot(client, "results-ar").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ping_test_is_answered_by_link_and_portal_and_charted() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let outcome = journey(&server, &smtp, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "ping_tests", started).await;
}
