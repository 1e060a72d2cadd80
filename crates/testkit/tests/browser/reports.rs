//! A reporter's whole way through the portal in the real browser, by
//! clicking from each home: a company applies from the public page, the
//! secretariat approves it, the reporter enrols from the mailed link and
//! sends a vulnerability report under embargo to France, Pakistan and the
//! United Kingdom; Pakistan's technical PoC (English) acknowledges it and
//! answers "not affected"; France's (Arabic, right to left) acknowledges,
//! answers "affected" and asks a question; the reporter follows each
//! State's status on its home and the report's page, answers France, and
//! finds the embargo ended with every State where it left it — and never a
//! PoC's name — then reads it in Arabic; the secretariat, in Arabic, finds
//! the report's metadata from its home. Screenshots go to `test-output/screenshots/reports/`.

use super::{
    choose_language, enrol, find, lang_and_dir, no_csp_violations, sign_in, sign_out, text_of,
    type_into, verified_poc, wait_for_lang, wait_for_path, wait_for_path_under, Browser,
    Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{anyhow, ensure, Context, Result};
use fantoccini::{Client, Locator};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::communication::template::ZonedTime;
use pocdir_testkit::{SmtpPeer, TestAccount, TestServer};
use serde_json::json;
use std::time::Instant;

const EMAIL: &str = "jana@northwind.example.org";
const ORGANISATION: &str = "Northwind Security Research";
const PASSWORD: &str = "a passphrase of my own";
const QUESTION: &str = "Which firmware builds carry the fix?";

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "reports", name).await
}

/// The link starting with `prefix` in a mail to `email`, once one comes.
async fn mailed_link(smtp: &SmtpPeer, email: &str, prefix: &str) -> Result<String> {
    let deadline = Instant::now() + super::PATIENCE;
    loop {
        let found = smtp.messages().into_iter().find_map(|m| {
            let to = m.rcpt_tos.iter().any(|r| r == email);
            let at = m.body.find(prefix)?;
            to.then(|| {
                m.body[at..]
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
        });
        if let Some(link) = found {
            return Ok(link);
        }
        ensure!(
            Instant::now() < deadline,
            "no mail to {email} with {prefix}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn sign_in_from_public(
    client: &Client,
    server: &TestServer,
    who: &TestAccount,
) -> Result<()> {
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, who).await
}

/// The statuses the States' badges on the page show, as `data-status`.
async fn statuses(client: &Client, css: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for e in client.find_all(Locator::Css(css)).await? {
        out.push(e.attr("data-status").await?.unwrap_or_default());
    }
    Ok(out)
}

/// A State's PoC opens the report from its home, acknowledges it, answers
/// for its State and, if given, asks a question.
async fn a_state_answers(
    client: &Client,
    id: i64,
    answer: &str,
    question: Option<&str>,
) -> Result<()> {
    find(client, &format!("#home-report-{id} .home-report-link"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/reports/{id}")).await?;
    find(client, "#report-acknowledge").await?.click().await?;
    find(client, "#report-acknowledged").await?;
    find(client, &format!("#status-{answer}"))
        .await?
        .click()
        .await?;
    find(client, "#report-set-status").await?.click().await?;
    let deadline = Instant::now() + super::PATIENCE;
    // A page being replaced answers with an error: read it again.
    while statuses(client, "#report-states [data-status]")
        .await
        .unwrap_or_default()
        != [answer]
    {
        ensure!(
            Instant::now() < deadline,
            "the status did not become {answer}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    if let Some(q) = question {
        type_into(client, "#body", q).await?;
        find(client, "#send-message").await?.click().await?;
        let deadline = Instant::now() + super::PATIENCE;
        while !text_of(client, "#thread-FRA")
            .await
            .unwrap_or_default()
            .contains(q)
        {
            ensure!(Instant::now() < deadline, "the question is not shown");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    Ok(())
}

async fn journey(
    server: &TestServer,
    smtp: &SmtpPeer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    // Three States take part, each with a technical PoC who has an account.
    let mut pocs = Vec::new();
    for (code, name) in [
        ("FRA", "Léa Fontaine"),
        ("PAK", "Ayesha Malik"),
        ("GBR", "Oliver Hughes"),
    ] {
        let account = server.account(AccountKind::TechnicalPoc, Some(code)).await;
        verified_poc(server, code, name, &account.email).await?;
        pocs.push((account, name));
    }
    let [(fra, fra_name), (pak, _), (_gbr, _)] =
        <[_; 3]>::try_from(pocs).map_err(|_| anyhow!("three PoCs"))?;

    // The company applies from the public page.
    client.goto(&server.url("/")).await?;
    find(client, "#public-reporter-apply")
        .await?
        .click()
        .await?;
    wait_for_path(client, "/reporters/apply").await?;
    type_into(client, "#organisation", ORGANISATION).await?;
    find(client, "#country")
        .await?
        .select_by_value("DEU")
        .await?;
    type_into(client, "#website", "https://northwind.example.org/").await?;
    type_into(client, "#contact_name", "Jana Weber").await?;
    type_into(client, "#contact_email", EMAIL).await?;
    find(client, "#language")
        .await?
        .select_by_value("en")
        .await?;
    type_into(client, "#why", "We find vulnerabilities in VPN gateways.").await?;
    find(client, "#reporter-apply-submit")
        .await?
        .click()
        .await?;
    wait_for_path(client, "/reporters/apply/thanks").await?;

    // The secretariat approves it from its home.
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    sign_in_from_public(client, server, &secretariat).await?;
    find(client, "#home-reporters").await?.click().await?;
    wait_for_path(client, "/reporters").await?;
    find(client, ".reporter-pending .reporter-link")
        .await?
        .click()
        .await?;
    wait_for_path_under(client, "/reporters/").await?;
    find(client, "#reporter-approve").await?.click().await?;
    find(client, "#reporter-suspend").await?;
    sign_out(client).await?;

    // The reporter enrols from the mailed link: a password, then TOTP.
    let link = mailed_link(smtp, EMAIL, &server.url("/enrol/")).await?;
    client.goto(&link).await?;
    let secret = enrol(client, server, PASSWORD).await?;
    let reporter = TestAccount {
        id: 0,
        email: EMAIL.into(),
        password: PASSWORD.into(),
        kind: AccountKind::Reporter,
        participant: None,
        totp_secret: Some(secret),
    };

    // From its home, the reporter sends a vulnerability report under
    // embargo (ten days on, in Berlin) to the three States.
    find(client, "#home-report-new").await?.click().await?;
    wait_for_path(client, "/reports/new").await?;
    find(client, "#category-vulnerability")
        .await?
        .click()
        .await?;
    find(client, "#tlp-amber").await?.click().await?;
    for code in ["FRA", "PAK", "GBR"] {
        find(client, &format!("#state-{code}"))
            .await?
            .click()
            .await?;
    }
    type_into(client, "#title", "Pre-authentication RCE in ExampleVPN").await?;
    type_into(
        client,
        "#description",
        "A crafted request to /remote/login runs code as root.",
    )
    .await?;
    type_into(client, "#products", "ExampleVPN Gateway: < 9.4.2").await?;
    type_into(client, "#cve_ids", "CVE-2026-41234").await?;
    let end = server.clock.now() + time::Duration::days(10);
    let local = ZonedTime::at(end, "Europe/Berlin").context("Berlin")?.local;
    // The date-time field's own widget differs by locale; its value is
    // what the browser sends.
    client
        .execute(
            "document.getElementById('embargo_local').value = arguments[0]; return true;",
            vec![json!(local)],
        )
        .await?;
    find(client, "#embargo_zone")
        .await?
        .select_by_value("Europe/Berlin")
        .await?;
    shot(client, "1-form").await?;
    find(client, "#report-send").await?.click().await?;
    // From /reports/new to the report's own page.
    let deadline = Instant::now() + super::PATIENCE;
    let id: i64 = loop {
        if let Ok(id) = wait_for_path_under(client, "/reports/").await?.parse() {
            break id;
        }
        ensure!(Instant::now() < deadline, "the report was not sent");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    ensure!(
        statuses(client, "#report-states [data-status]").await? == ["unknown"; 3],
        "three States, unknown"
    );
    shot(client, "2-sent").await?;
    no_csp_violations(driver, client).await?;
    sign_out(client).await?;

    // Pakistan's technical PoC, in English: not affected.
    sign_in_from_public(client, server, &pak).await?;
    a_state_answers(client, id, "not_affected", None).await?;
    sign_out(client).await?;

    // France's technical PoC, in Arabic: affected, with a question.
    sign_in_from_public(client, server, &fra).await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    a_state_answers(client, id, "affected", Some(QUESTION)).await?;
    let (lang, dir) = lang_and_dir(client).await?;
    ensure!(lang == "ar" && dir == "rtl", "{lang} {dir}");
    let badge = text_of(client, "#report-state-FRA-status").await?;
    ensure!(badge.trim() == "متأثرة", "the status in Arabic: {badge}");
    shot(client, "3-france-ar").await?;
    no_csp_violations(driver, client).await?;
    choose_language(client, "en").await?;
    wait_for_lang(client, "en", "ltr").await?;
    sign_out(client).await?;

    // The reporter follows each State from its home and the report's page.
    sign_in_from_public(client, server, &reporter).await?;
    let mut home = statuses(client, &format!("#home-report-{id} [data-status]")).await?;
    home.sort();
    ensure!(
        home == ["affected", "not_affected", "unknown"],
        "the home shows {home:?}"
    );
    find(client, &format!("#home-report-{id} .home-report-link"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/reports/{id}")).await?;
    for (code, status) in [
        ("FRA", "affected"),
        ("PAK", "not_affected"),
        ("GBR", "unknown"),
    ] {
        let got = find(client, &format!("#report-state-{code}-status"))
            .await?
            .attr("data-status")
            .await?;
        ensure!(got.as_deref() == Some(status), "{code}: {got:?}");
    }
    let thread = text_of(client, "#thread-FRA").await?;
    ensure!(
        thread.contains(QUESTION) && thread.contains("France, Technical point of contact"),
        "France's thread: {thread}"
    );
    let page = text_of(client, "main").await?;
    ensure!(
        !page.contains(fra_name) && !page.contains(&fra.email),
        "a PoC's name or address is shown to the reporter"
    );
    type_into(client, "#body-FRA", "Builds 9.4.2 and later.").await?;
    find(client, "#send-FRA").await?.click().await?;
    let deadline = Instant::now() + super::PATIENCE;
    while !text_of(client, "#thread-FRA")
        .await
        .unwrap_or_default()
        .contains("Builds 9.4.2 and later.")
    {
        ensure!(Instant::now() < deadline, "the answer is not shown");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    find(client, "#report-extend").await?;
    shot(client, "4-reporter-follows").await?;
    sign_out(client).await?;

    // Eleven days on, the embargo has ended: each State where it left it.
    server.clock.advance(time::Duration::days(11));
    sign_in_from_public(client, server, &reporter).await?;
    find(client, &format!("#home-report-{id} .home-report-link"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/reports/{id}")).await?;
    find(client, "#report-embargo-ended").await?;
    ensure!(
        client
            .find_all(Locator::Css("#report-extend"))
            .await?
            .is_empty(),
        "an ended embargo cannot be extended"
    );
    let mut end = statuses(client, "#report-states [data-status]").await?;
    end.sort();
    ensure!(end == ["affected", "not_affected", "unknown"], "{end:?}");
    shot(client, "5-embargo-ended").await?;
    no_csp_violations(driver, client).await?;

    // The same page in Arabic, right to left, the statuses in Arabic.
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    let badge = text_of(client, "#report-state-PAK-status").await?;
    ensure!(
        badge.trim() == "غير متأثرة",
        "Pakistan's status in Arabic: {badge}"
    );
    shot(client, "6-reporter-ar").await?;
    sign_out(client).await?;

    // The secretariat, in Arabic, finds the report from its home: who sent
    // it, to which States and where they stand — never its content.
    sign_in_from_public(client, server, &secretariat).await?;
    find(client, "#home-reports-link").await?.click().await?;
    wait_for_path(client, "/reports").await?;
    find(client, &format!("#report-link-{id}"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/reports/{id}")).await?;
    find(client, "#report-metadata-only").await?;
    let page = text_of(client, "main").await?;
    ensure!(
        page.contains(ORGANISATION) && !page.contains("/remote/login"),
        "the secretariat sees metadata only"
    );
    let mut seen = statuses(client, "#report-states [data-status]").await?;
    seen.sort();
    ensure!(seen == ["affected", "not_affected", "unknown"], "{seen:?}");
    let (lang, dir) = lang_and_dir(client).await?;
    ensure!(lang == "ar" && dir == "rtl", "{lang} {dir}");
    shot(client, "7-secretariat-ar").await?;
    no_csp_violations(driver, client).await?;
    choose_language(client, "en").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reporter_is_vetted_sends_a_report_and_follows_each_state_to_the_end_of_the_embargo() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let outcome = journey(&server, &smtp, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "reports", started).await;
}
