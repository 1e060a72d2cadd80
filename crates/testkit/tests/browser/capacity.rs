//! Capacity building in the real browser, by clicking only from each
//! role's home: Pakistan's diplomatic PoC, in Arabic (right to left),
//! files a request; the secretariat, in English, acknowledges it;
//! France's technical PoC, in English, offers; Pakistan selects the offer
//! in Arabic; the secretariat confirms the match; France's nominator
//! pledges the cost; six months on, the follow-up is due and Pakistan
//! reports it in Arabic, seeing who funds its request. Screenshots go to
//! `test-output/screenshots/capacity/`.

use super::{
    click, enter, find, no_csp_violations, text_of, type_into, verified_poc, wait_for_lang,
    wait_for_path, wait_for_path_under, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME, PATIENCE,
};
use anyhow::{bail, ensure, Context, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::Instant;
use time::Duration;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "capacity", name).await
}

/// From the home to request `id`, among every request the reader may see.
/// Waits until the address holds `part` in its query: the filtered page
/// has replaced the one the filter was applied on.
async fn wait_for_query(client: &Client, part: &str) -> Result<()> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let url = client.current_url().await?;
        if url.query().is_some_and(|q| q.contains(part)) {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("expected `{part}` in the address, still on {url}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn open_request(client: &Client, id: i64) -> Result<()> {
    click(client, "#home-capacity").await?;
    wait_for_path(client, "/capacity").await?;
    click(client, "#filter-show option[value=all]").await?;
    click(client, "#capacity-filter-apply").await?;
    wait_for_query(client, "show=all").await?;
    click(client, &format!("#capacity-request-{id}")).await?;
    wait_for_path(client, &format!("/capacity/requests/{id}")).await?;
    Ok(())
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    verified_poc(server, "FRA", "Léa Fontaine", "lea@cert.fr.example.org").await?;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;

    // Pakistan, in Arabic, files a request.
    client.goto(&server.url("/")).await?;
    enter(client, server, &pak, "ar").await?;
    click(client, "#home-capacity").await?;
    wait_for_path(client, "/capacity").await?;
    click(client, "#capacity-new").await?;
    wait_for_path(client, "/capacity/requests/new").await?;
    click(client, "#area-incident_response").await?;
    type_into(
        client,
        "#description",
        "نطلب دورة تدريبية لمدة أسبوع في معالجة الحوادث لمحللي الفريق الوطني.",
    )
    .await?;
    click(client, "#language-en").await?;
    click(client, "#language-ar").await?;
    click(client, "#format-training").await?;
    // A date field's typing depends on the browser's locale: set its value.
    client
        .execute(
            "document.getElementById('needed_by').value = '2030-06-30';",
            vec![],
        )
        .await?;
    click(client, "#funding_needed").await?;
    shot(client, "file-ar").await?;
    click(client, "#capacity-file").await?;
    // The form's own page is under the same prefix (`…/new`): wait for
    // the request's number.
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    let id: i64 = loop {
        let rest = wait_for_path_under(client, "/capacity/requests/").await?;
        match rest.parse() {
            Ok(id) => break id,
            Err(_) if Instant::now() < deadline => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await
            }
            Err(e) => return Err(e).context("the new request's page"),
        }
    };
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#clock-acknowledgement").await?;
    shot(client, "filed-ar").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // The secretariat, in English, acknowledges it within its clock.
    enter(client, server, &secretariat, "en").await?;
    open_request(client, id).await?;
    click(client, "#capacity-acknowledge").await?;
    wait_for_path(client, &format!("/capacity/requests/{id}")).await?;
    let clock = text_of(client, "#clock-acknowledgement").await?;
    ensure!(clock.contains("Met"), "acknowledged in time: {clock}");
    super::sign_out(client).await?;

    // France, in English, offers.
    enter(client, server, &fra, "en").await?;
    open_request(client, id).await?;
    type_into(
        client,
        "#offer-description",
        "Two CERT-FR trainers for five days, funded by France.",
    )
    .await?;
    click(client, "#offer-funded").await?;
    click(client, "#capacity-make-offer").await?;
    wait_for_path(client, &format!("/capacity/requests/{id}")).await?;
    find(client, "#capacity-offers").await?;
    shot(client, "offered-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // Pakistan, in Arabic, selects France's offer.
    enter(client, server, &pak, "ar").await?;
    open_request(client, id).await?;
    let offer = client
        .find(fantoccini::Locator::Css(
            "#capacity-offers button[id^=select-offer-]",
        ))
        .await?
        .attr("id")
        .await?
        .context("France's offer to select")?;
    click(client, &format!("#{offer}")).await?;
    wait_for_path(client, &format!("/capacity/requests/{id}")).await?;
    wait_for_lang(client, "ar", "rtl").await?;
    shot(client, "selected-ar").await?;
    super::sign_out(client).await?;

    // The secretariat confirms the match.
    enter(client, server, &secretariat, "en").await?;
    open_request(client, id).await?;
    click(client, "#capacity-confirm").await?;
    wait_for_path(client, &format!("/capacity/requests/{id}")).await?;
    let status = text_of(client, "#capacity-status").await?;
    ensure!(status.contains("Match confirmed"), "confirmed: {status}");
    let six = text_of(client, "#clock-six_months").await?;
    ensure!(
        six.contains("Running"),
        "the follow-up is not due yet: {six}"
    );
    shot(client, "confirmed-en").await?;
    // The figures count the match.
    click(client, "a.brand").await?;
    wait_for_path(client, "/").await?;
    click(client, "#home-capacity").await?;
    wait_for_path(client, "/capacity").await?;
    click(client, "#capacity-figures-link").await?;
    wait_for_path(client, "/capacity/figures").await?;
    let matches = text_of(client, "#figures-matches").await?;
    ensure!(matches.trim() == "1", "one match confirmed: {matches}");
    find(client, "#figures-by-region").await?;
    shot(client, "figures-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // France's nominator, in English, pledges the course's cost.
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    enter(client, server, &fra_nominator, "en").await?;
    open_request(client, id).await?;
    type_into(client, "#currency", "EUR").await?;
    type_into(client, "#amount", "48000").await?;
    click(client, "#capacity-fund").await?;
    wait_for_path(client, &format!("/capacity/requests/{id}")).await?;
    find(client, "#capacity-funding").await?;
    super::sign_out(client).await?;

    // Six months on, the follow-up is due; Pakistan reports it in Arabic,
    // and sees who funds its request.
    server.clock.advance(Duration::days(184));
    enter(client, server, &pak, "ar").await?;
    open_request(client, id).await?;
    find(client, "#follow-up-form-six_months").await?;
    click(client, "#outcome-six_months-partly").await?;
    type_into(
        client,
        "#what-changed-six_months",
        "يعمل الفريق الوطني خلال ساعات الدوام.",
    )
    .await?;
    click(client, "#report-six_months").await?;
    wait_for_path(client, &format!("/capacity/requests/{id}")).await?;
    wait_for_lang(client, "ar", "rtl").await?;
    let funded = text_of(client, "#capacity-funding").await?;
    ensure!(
        funded.contains("48000.00 EUR"),
        "the requester sees the pledge: {funded}"
    );
    let reported = text_of(client, "#follow-up-six_months").await?;
    ensure!(
        reported.contains("يعمل الفريق الوطني"),
        "the report is shown: {reported}"
    );
    shot(client, "followed-up-ar").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_is_filed_offered_on_selected_confirmed_and_followed_up_from_the_homes() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "capacity", started).await;
}

/// Pakistan's diplomatic PoC, in Arabic, takes the readiness
/// self-assessment from its home and turns a gap into a request; the
/// secretariat, in English, finds the regional totals withheld.
async fn readiness_journey(
    server: &TestServer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    let pak = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    client.goto(&server.url("/")).await?;
    enter(client, server, &pak, "ar").await?;
    click(client, "#home-capacity").await?;
    wait_for_path(client, "/capacity").await?;
    click(client, "#capacity-readiness-link").await?;
    wait_for_path(client, "/capacity/readiness").await?;
    for (point, answer) in [
        ("national_csirt", "no"),
        ("reachable_any_hour", "yes"),
        ("secure_channels", "partly"),
        ("both_pocs", "yes"),
        ("ping_tests", "yes"),
        ("staff_trained", "yes"),
    ] {
        click(client, &format!("#{point}-{answer}")).await?;
    }
    click(client, "#readiness-save").await?;
    wait_for_path(client, "/capacity/readiness").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#readiness-gap-secure_channels").await?;
    let ready = text_of(client, "#readiness-ready").await?;
    ensure!(ready.contains("4 / 6"), "four points met: {ready}");
    shot(client, "readiness-ar").await?;
    no_csp_violations(driver, client).await?;
    click(client, "#readiness-ask-national_csirt").await?;
    wait_for_path_under(client, "/capacity/requests/").await?;
    find(client, "#clock-acknowledgement").await?;
    super::sign_out(client).await?;

    enter(client, server, &secretariat, "en").await?;
    click(client, "#home-capacity").await?;
    wait_for_path(client, "/capacity").await?;
    click(client, "#capacity-readiness-link").await?;
    wait_for_path(client, "/capacity/readiness").await?;
    let withheld = text_of(client, ".readiness-withheld").await?;
    ensure!(
        withheld.contains("Too few"),
        "one State is not shown: {withheld}"
    );
    shot(client, "readiness-secretariat-en").await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_assesses_its_readiness_and_asks_for_help_from_its_home() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = readiness_journey(&server, &browser.client, &browser.driver).await;
    browser
        .finish(server, outcome, "capacity-readiness", started)
        .await;
}
