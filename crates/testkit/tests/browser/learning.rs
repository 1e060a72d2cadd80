//! E-learning in the real browser, by clicking only from each role's
//! home: Pakistan's technical PoC, in Arabic (right to left), reads the
//! three lessons of "Ping tests", passes the quiz and opens its
//! certificate; anyone, signed out, in English, finds the verification
//! page from the public home, where a forged copy is refused and the
//! genuine one accepted; the secretariat, in English, uploads a module
//! whose lesson carries a script and is told which file and line.
//! Screenshots go to `test-output/screenshots/learning/`.

use super::{
    choose_language, click, enter, find, no_csp_violations, text_of, wait_for_lang, wait_for_path,
    wait_for_path_under, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Context, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::Instant;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "learning", name).await
}

/// Sets a textarea's value (a certificate is long: typing it is slow).
async fn paste(client: &Client, css: &str, text: &str) -> Result<()> {
    client
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1];",
            vec![css.into(), text.into()],
        )
        .await?;
    Ok(())
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    let poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;

    // Pakistan's technical PoC, in Arabic: the lessons, then the quiz.
    client.goto(&server.url("/")).await?;
    enter(client, server, &poc, "ar").await?;
    click(client, "#home-learning").await?;
    wait_for_path(client, "/learning").await?;
    click(client, "#learning-module-ping-tests .learning-open").await?;
    wait_for_path(client, "/learning/ping-tests").await?;
    click(client, "#learning-lesson-01-why").await?;
    wait_for_path(client, "/learning/ping-tests/lessons/01-why").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    shot(client, "lesson-ar").await?;
    for next in ["02-answering", "03-results"] {
        click(client, "#learning-next").await?;
        wait_for_path(client, &format!("/learning/ping-tests/lessons/{next}")).await?;
    }
    click(client, "#learning-next").await?;
    wait_for_path(client, "/learning/ping-tests").await?;
    for lesson in ["01-why", "02-answering", "03-results"] {
        find(client, &format!("#learning-read-{lesson}")).await?;
    }
    click(client, "#learning-quiz-start").await?;
    wait_for_path_under(client, "/learning/attempts/").await?;
    for (question, choice) in [(1, 1), (2, 3), (3, 2), (4, 2), (5, 1)] {
        click(client, &format!("#q{question}-{choice}")).await?;
    }
    shot(client, "quiz-ar").await?;
    click(client, "#learning-quiz-submit").await?;
    find(client, "#learning-result").await?;
    let score = text_of(client, "#learning-score").await?;
    ensure!(score.contains("5 / 5"), "all right: {score}");
    no_csp_violations(driver, client).await?;
    click(client, "#learning-certificate").await?;
    let id = wait_for_path_under(client, "/certificates/").await?;
    find(client, "#certificate-valid").await?;
    let holder = text_of(client, "#certificate-holder").await?;
    ensure!(holder.contains(&poc.email), "the holder: {holder}");
    shot(client, "certificate-ar").await?;
    let json: String = client
        .execute(
            "return document.getElementById('certificate-json').textContent;",
            vec![],
        )
        .await?
        .as_str()
        .context("the certificate's text")?
        .to_string();
    ensure!(json.contains(&id), "the certificate's text names it");
    super::sign_out(client).await?;

    // Anyone, in English, from the public home: a forged copy is refused,
    // the genuine one accepted.
    choose_language(client, "en").await?;
    wait_for_lang(client, "en", "ltr").await?;
    click(client, "#public-certificate-verify").await?;
    wait_for_path(client, "/certificates/verify").await?;
    let forged = json.replace(&poc.email, "Someone Else");
    ensure!(forged != json, "the forgery changes the holder");
    paste(client, "#certificate-text", &forged).await?;
    click(client, "#certificate-verify").await?;
    let refused = text_of(client, "#certificate-refused").await?;
    ensure!(refused.contains("not genuine"), "refused: {refused}");
    shot(client, "forged-en").await?;
    paste(client, "#certificate-text", &json).await?;
    click(client, "#certificate-verify").await?;
    let verified = text_of(client, "#certificate-verified").await?;
    ensure!(verified.contains("genuine"), "accepted: {verified}");

    // The secretariat, in English, uploads a module with a script in a
    // lesson: refused, with the file and line.
    let folder = tempfile::tempdir()?;
    let files = [
        (
            "module.toml",
            "format = \"pocdir-learning-module/1\"\nslug = \"drills\"\nmastery_percent = 80\nquiz_minutes = 20\nlessons = [\"01-drill\"]\nanswers = [1]\n",
        ),
        ("01-drill.en.md", "# Drill\n\nRun it.\n<script>alert(1)</script>\n"),
        (
            "quiz.en.toml",
            "title = \"Drills\"\nsummary = \"S\"\n[[question]]\ntext = \"Q?\"\nchoices = [\"x\", \"y\"]\n",
        ),
    ];
    let mut paths = Vec::new();
    for (name, text) in files {
        let path = folder.path().join(name);
        std::fs::write(&path, text)?;
        paths.push(path.display().to_string());
    }
    enter(client, server, &secretariat, "en").await?;
    click(client, "#home-learning").await?;
    wait_for_path(client, "/learning").await?;
    click(client, "#learning-manage").await?;
    wait_for_path(client, "/learning/manage").await?;
    find(client, "#learning-files")
        .await?
        .send_keys(&paths.join("\n"))
        .await?;
    click(client, "#learning-upload").await?;
    let problems = text_of(client, "#learning-problems").await?;
    ensure!(
        problems.contains("01-drill.en.md:4"),
        "the file and line: {problems}"
    );
    shot(client, "refused-upload-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poc_passes_a_module_and_anyone_checks_the_certificate_from_the_homes() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "learning", started).await;
}
