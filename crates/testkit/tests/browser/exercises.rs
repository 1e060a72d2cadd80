//! A tabletop exercise played in the real browser, by clicking only from
//! each role's home, against the real SMTP peer and a fast-forwarded
//! clock: the secretariat, in English, prepares the grid ransomware
//! example for Pakistan and France and starts it; NorCERT's alert reaches
//! both technical PoCs by mail (`EXERCISE` first in the subject) and in
//! their exercise inbox; Pakistan's PoC, in Arabic (right to left),
//! acknowledges, escalates and replies in time; France's, in English,
//! acknowledges late; the secretariat judges a manual expectation, ends
//! the exercise and reads the report, Pakistan met and France late;
//! Pakistan's PoC, in Arabic, reads its own State's part only; nothing of
//! it is in the real inbox. Screenshots go to
//! `test-output/screenshots/exercises/`.

use super::{
    choose_language, click, find, no_csp_violations, sign_in, text_of, type_into, verified_poc,
    wait_for_lang, wait_for_path, wait_for_path_under, Browser, Chromedriver,
    ONE_BROWSER_AT_A_TIME,
};
use anyhow::{bail, ensure, Context, Result};
use fantoccini::{Client, Locator};
use pocdir_communications::Settings;
use pocdir_domain::account::AccountKind;
use pocdir_jobs::exercises::exercise_round;
use pocdir_testkit::{SmtpPeer, TestServer};
use std::time::Instant;
use time::Duration;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "exercises", name).await
}

/// The exercise job's round, as the server runs it every period.
async fn round(server: &TestServer) -> Result<(u64, u64)> {
    let settings = Settings {
        deadlines: server.config.ack_deadlines(),
        base_url: server.url.clone(),
    };
    Ok(exercise_round(server.store.as_ref(), &server.clock, &settings).await?)
}

/// The console's exercise id (`/exercises/{id}`).
async fn current_exercise(client: &Client) -> Result<i64> {
    let deadline = Instant::now() + super::PATIENCE;
    loop {
        let rest = wait_for_path_under(client, "/exercises/").await?;
        if let Ok(id) = rest.parse::<i64>() {
            return Ok(id);
        }
        if Instant::now() > deadline {
            bail!("expected an exercise's console, still on /exercises/{rest}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// From the home to the newest inject of the exercise inbox.
async fn open_newest_inject(client: &Client) -> Result<()> {
    find(client, "#home-exercises").await?.click().await?;
    wait_for_path(client, "/exercises/mine").await?;
    find(client, "#exercise-inbox a.exercise-inject-open")
        .await?
        .click()
        .await?;
    wait_for_path_under(client, "/exercises/injects/").await?;
    find(client, "#exercise-banner").await?;
    Ok(())
}

async fn journey(
    server: &TestServer,
    smtp: &SmtpPeer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    verified_poc(server, "FRA", "Léa Fontaine", "lea@cert.fr.example.org").await?;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;

    // The secretariat, in English, prepares and starts the exercise.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &secretariat).await?;
    click(client, "#home-exercises").await?;
    wait_for_path(client, "/exercises").await?;
    click(client, "#example-grid-ransomware").await?;
    for state in ["PAK", "FRA"] {
        click(client, &format!("#states option[value={state}]")).await?;
    }
    shot(client, "prepare-en").await?;
    click(client, "#exercise-prepare").await?;
    let id = current_exercise(client).await?;
    find(client, "#exercise-banner").await?;
    click(client, "#exercise-step-start").await?;
    wait_for_path(client, &format!("/exercises/{id}")).await?;
    ensure!(
        text_of(client, "#exercise-status")
            .await?
            .contains("Running"),
        "the exercise runs"
    );
    shot(client, "console-started-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // Five minutes on: NorCERT's alert, by mail and in the exercise inbox.
    server.clock.advance(Duration::minutes(5));
    ensure!(round(server).await?.0 == 1, "the alert is played");
    let mails = smtp.wait_for(2).await;
    ensure!(
        mails
            .iter()
            .filter(|m| m.subject.starts_with("EXERCISE"))
            .count()
            == 2,
        "both technical PoCs are mailed: {mails:#?}"
    );

    // Pakistan's PoC, in Arabic: acknowledge, escalate, reply.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &pak).await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    open_newest_inject(client).await?;
    wait_for_lang(client, "ar", "rtl").await?;
    shot(client, "inject-ar").await?;
    click(client, "#exercise-acknowledge").await?;
    find(client, "#exercise-acknowledged-at").await?;
    click(client, "#exercise-escalate").await?;
    find(client, "#exercise-escalated-at").await?;
    type_into(
        client,
        "#reply",
        "عزلنا شبكة التحكم في خط الربط؛ لا انتشار حتى الآن.",
    )
    .await?;
    click(client, "#exercise-reply").await?;
    find(client, "#exercise-reply-text").await?;
    shot(client, "inject-answered-ar").await?;
    no_csp_violations(driver, client).await?;
    // Nothing of it in the real inbox.
    click(client, "#nav-communications").await?;
    wait_for_path(client, "/communications").await?;
    let inbox = client.source().await?;
    ensure!(
        !inbox.contains("Ransomware at Baltic"),
        "exercise traffic never shows in the real inbox"
    );
    super::sign_out(client).await?;

    // Thirty minutes on: France had not acknowledged: missed, then late.
    server.clock.advance(Duration::minutes(25));
    round(server).await?;
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &fra).await?;
    choose_language(client, "en").await?;
    wait_for_lang(client, "en", "ltr").await?;
    find(client, "#home-exercises").await?.click().await?;
    wait_for_path(client, "/exercises/mine").await?;
    // The newest is the reminder sent to France only; the alert is below.
    let links = client
        .find_all(Locator::Css("#exercise-inbox a.exercise-inject-open"))
        .await?;
    let mut alert = None;
    for link in links {
        if link.text().await?.contains("Ransomware at Baltic") {
            alert = Some(link);
        }
    }
    alert
        .context("the alert in France's inbox")?
        .click()
        .await?;
    wait_for_path_under(client, "/exercises/injects/").await?;
    click(client, "#exercise-acknowledge").await?;
    find(client, "#exercise-acknowledged-at").await?;
    let expected = text_of(client, "#exercise-expected").await?;
    ensure!(expected.contains("Late"), "France is late: {expected}");
    shot(client, "inject-late-en").await?;
    super::sign_out(client).await?;

    // The secretariat judges, ends, and reads the report.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &secretariat).await?;
    click(client, "#home-exercises").await?;
    wait_for_path(client, "/exercises").await?;
    click(client, &format!("#exercise-row-{id} a")).await?;
    wait_for_path(client, &format!("/exercises/{id}")).await?;
    let section = client
        .find(Locator::Css("section[id^=validate-]"))
        .await?
        .attr("id")
        .await?
        .context("a manual expectation to judge")?;
    click(client, &format!("#{section}-met")).await?;
    type_into(
        client,
        &format!("#{section}-comment"),
        "Phoned the other CERT.",
    )
    .await?;
    click(client, &format!("#{section}-submit")).await?;
    wait_for_path(client, &format!("/exercises/{id}")).await?;
    click(client, "#exercise-step-end").await?;
    wait_for_path(client, &format!("/exercises/{id}")).await?;
    ensure!(text_of(client, "#exercise-status").await?.contains("Ended"));
    click(client, "#exercise-report-link").await?;
    wait_for_path(client, &format!("/exercises/{id}/report")).await?;
    let pak_part = text_of(client, "#state-PAK").await?;
    let fra_part = text_of(client, "#state-FRA").await?;
    ensure!(pak_part.contains("Met"), "Pakistan met: {pak_part}");
    ensure!(
        fra_part.contains("Late") && fra_part.contains("Missed"),
        "France late and missed: {fra_part}"
    );
    shot(client, "report-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // Pakistan's PoC, in Arabic, reads its own State's part only.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &pak).await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    click(client, "#home-exercises").await?;
    wait_for_path(client, "/exercises/mine").await?;
    click(client, &format!("#exercise-report-{id}")).await?;
    wait_for_path(client, &format!("/exercises/{id}/report")).await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#state-PAK").await?;
    ensure!(
        client
            .find_all(Locator::Css("#state-FRA"))
            .await?
            .is_empty(),
        "another State's part is never shown to a State"
    );
    find(client, "#exercise-survey").await?;
    shot(client, "report-ar").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exercise_is_played_from_the_homes_in_english_and_arabic() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let outcome = journey(&server, &smtp, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "exercises", started).await;
}
