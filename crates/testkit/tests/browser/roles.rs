//! Each demo role in turn, in one browser: signs in and does its main tasks
//! starting from its home, by clicking only (no URL is typed after the
//! first page). The public page first, with its map; the nominator works in
//! Arabic. A screenshot of each home goes to
//! `test-output/screenshots/roles/`.

use super::{
    choose_language, find, no_csp_violations, sign_in, text_of, type_into, wait_for_lang,
    wait_for_path, wait_for_path_under, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Context, Result};
use fantoccini::{Client, Locator};
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};
use std::time::Instant;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::screenshot_in(client, super::screenshot_dir().join("roles"), name).await
}

/// A PoC of `code` nominated through the API, verified when `verify`.
async fn entry(
    server: &TestServer,
    // The State's nominator, and the secretariat that verifies.
    (nominator, secretariat): (&TestAccount, &TestAccount),
    code: &str,
    role: &str,
    name: &str,
    email: &str,
    verify: bool,
) -> Result<i64> {
    let http = reqwest::Client::new();
    let poc: Value = http
        .post(server.url(&format!("/api/v1/participants/{code}/pocs")))
        .bearer_auth(server.token(nominator, "write").await)
        .json(&json!({
            "role": role,
            "name": name,
            "title": "Duty officer",
            "organisation": "Ministry of Foreign Affairs",
            "emails": [email],
            "phones": [{"number": "+44 20 7946 0456", "use": "office"}],
            "languages": ["en", "fr"],
            "time_zone": "Europe/Paris",
            "hours": "Mon-Fri 09:00-17:00"
        }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let id = poc["id"].as_i64().context("no id")?;
    if verify {
        http.post(server.url(&format!("/api/v1/pocs/{id}/decision")))
            .bearer_auth(server.token(secretariat, "write").await)
            .json(&json!({"version": poc["version"], "approve": true}))
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(id)
}

/// Signs out from any page and opens the sign-in page from the public one.
async fn sign_out(client: &Client) -> Result<()> {
    super::sign_out(client).await?;
    find(client, "#nav-sign-in").await?.click().await?;
    wait_for_path(client, "/login").await?;
    Ok(())
}

/// The language switch, by clicking, and waiting until the page follows.
async fn language(client: &Client, code: &str, dir: &str) -> Result<()> {
    choose_language(client, code).await?;
    wait_for_lang(client, code, dir).await
}

/// The same home in the other language of the walk (Arabic after English,
/// English after Arabic): it follows, mirrors, keeps its heading and does
/// not scroll sideways; then back to `back`.
async fn home_also_in(client: &Client, role: &str, code: &str, back: &str) -> Result<()> {
    let dir = |c: &str| if c == "ar" { "rtl" } else { "ltr" };
    language(client, code, dir(code)).await?;
    wait_for_path(client, "/").await?;
    ensure!(
        !text_of(client, "main h1").await?.trim().is_empty(),
        "{role}'s home in {code} has no heading"
    );
    let sideways = client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth;",
            vec![],
        )
        .await?;
    ensure!(
        sideways == json!(false),
        "{role}'s home in {code} scrolls sideways"
    );
    shot(client, &format!("{role}-home-{code}")).await?;
    language(client, back, dir(back)).await
}

async fn number_in(client: &Client, css: &str) -> Result<i64> {
    let text = text_of(client, css).await?;
    text.trim()
        .parse()
        .with_context(|| format!("{css} holds {text:?}, not a number"))
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let nominator_fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let diplomatic = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let technical = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    let reporter = server.account(AccountKind::Reporter, None).await;
    let (n, s) = (&nominator, &secretariat);
    entry(
        server,
        (n, s),
        "PAK",
        "diplomatic",
        "Imran Siddiqui",
        &diplomatic.email,
        true,
    )
    .await?;
    entry(
        server,
        (n, s),
        "PAK",
        "technical",
        "Ayesha Malik",
        &technical.email,
        true,
    )
    .await?;
    let f = &nominator_fra;
    entry(
        server,
        (f, s),
        "FRA",
        "technical",
        "Léa Fontaine",
        "lea@cert.fr.example.org",
        true,
    )
    .await?;
    entry(
        server,
        (f, s),
        "FRA",
        "diplomatic",
        "Julien Moreau",
        "julien@mfa.fr.example.org",
        false,
    )
    .await?;

    // The public page: Pakistan and France on the map and in the list.
    client.goto(&server.url("/")).await?;
    wait_for_path(client, "/").await?;
    let marked = client
        .find_all(Locator::Css("#world-map path.takes-part"))
        .await?;
    ensure!(
        marked.len() == 2,
        "{} States marked on the map",
        marked.len()
    );
    ensure!(
        text_of(client, "#participants-by-region")
            .await?
            .contains("Pakistan"),
        "Pakistan is not in the list by region"
    );
    shot(client, "public-en").await?;
    // On a phone the map shrinks with the page: nothing scrolls sideways.
    client.set_window_size(390, 844).await?;
    let wide = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await?;
    ensure!(
        wide.as_i64() == Some(0),
        "the public page at 390 px is {wide} px too wide"
    );
    shot(client, "public-390-en").await?;
    client.set_window_size(1280, 900).await?;
    find(client, "#nav-sign-in").await?.click().await?;

    // The secretariat: the queue from its home, one nomination approved.
    sign_in(client, server, &secretariat).await?;
    ensure!(
        number_in(client, "#home-queue strong").await? == 1,
        "queue count"
    );
    shot(client, "secretariat-home-en").await?;
    home_also_in(client, "secretariat", "ar", "en").await?;
    find(client, "#home-queue").await?.click().await?;
    wait_for_path(client, "/nominations").await?;
    find(client, "#queue a.queue-item").await?.click().await?;
    wait_for_path_under(client, "/pocs/").await?;
    find(client, "#poc-approve").await?.click().await?;
    wait_for_path(client, "/nominations").await?;
    find(client, "#queue-empty").await?;
    find(client, "header .brand").await?.click().await?;
    wait_for_path(client, "/").await?;
    ensure!(
        number_in(client, "#home-queue strong").await? == 0,
        "queue after"
    );
    find(client, "#home-help").await?.click().await?;
    wait_for_path(client, "/help/secretariat").await?;
    find(client, "#verify").await?;
    sign_out(client).await?;

    // Pakistan's nominator, in Arabic: its State's entries, the nomination
    // form from the home, and a change proposed to one entry.
    language(client, "ar", "rtl").await?;
    sign_in(client, server, &nominator).await?;
    wait_for_lang(client, "ar", "rtl").await?;
    let pocs = text_of(client, "#home-pocs").await?;
    ensure!(
        pocs.contains("Imran Siddiqui") && pocs.contains("Ayesha Malik"),
        "the nominator's home lists {pocs:?}"
    );
    ensure!(
        !pocs.contains("Fontaine"),
        "another State's PoC on the home"
    );
    ensure!(
        number_in(client, "#home-pending strong").await? == 0,
        "pending"
    );
    shot(client, "nominator-home-ar").await?;
    home_also_in(client, "nominator", "en", "ar").await?;
    // Its help, in Arabic, from the home: the nomination task among others.
    find(client, "#home-help").await?.click().await?;
    wait_for_path(client, "/help/nominator").await?;
    find(client, "#nominate").await?;
    find(client, "#labels").await?;
    shot(client, "nominator-help-ar").await?;
    find(client, "header .brand").await?.click().await?;
    wait_for_path(client, "/").await?;
    find(client, "#home-nominate").await?.click().await?;
    wait_for_path(client, "/participants/PAK/nominate").await?;
    // `nominate-title` (ar), and the form's help beside its heading.
    ensure!(
        text_of(client, "main h1").await?.trim() == "ترشيح جهة اتصال",
        "the Arabic nomination heading"
    );
    find(client, ".heading-help a.help-link").await?;
    find(client, "header .brand").await?.click().await?;
    wait_for_path(client, "/").await?;
    let mut rows = client
        .find_all(Locator::Css("#home-pocs a.home-poc"))
        .await?;
    ensure!(
        rows.len() == 2,
        "{} entries on the nominator's home",
        rows.len()
    );
    rows.remove(0).click().await?;
    wait_for_path_under(client, "/pocs/").await?;
    find(client, "#poc-edit").await?.click().await?;
    let id = wait_for_path_under(client, "/pocs/").await?;
    ensure!(id.ends_with("/edit"), "on /pocs/{id}");
    type_into(client, "#hours", "Mon-Fri 08:00-16:00").await?;
    find(client, "#poc-submit").await?.click().await?;
    let deadline = Instant::now() + super::PATIENCE;
    while client.current_url().await?.path().ends_with("/edit") {
        ensure!(Instant::now() < deadline, "the change was not accepted");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    find(client, "header .brand").await?.click().await?;
    wait_for_path(client, "/").await?;
    ensure!(
        number_in(client, "#home-pending strong").await? == 1,
        "the proposed change awaits the secretariat"
    );
    no_csp_violations(driver, client).await?;
    sign_out(client).await?;
    language(client, "en", "ltr").await?;

    // The diplomatic PoC: its entry, and another State's PoC found from
    // the home's search.
    sign_in(client, server, &diplomatic).await?;
    ensure!(
        text_of(client, "#home-own-entry")
            .await?
            .contains("Imran Siddiqui"),
        "the diplomatic PoC's own entry"
    );
    shot(client, "diplomatic-poc-home-en").await?;
    home_also_in(client, "diplomatic-poc", "ar", "en").await?;
    type_into(client, "#home-search input[name=q]", "fontaine").await?;
    find(client, "#home-search button[type=submit]")
        .await?
        .click()
        .await?;
    wait_for_path(client, "/directory").await?;
    find(client, "#directory-results a.poc-link")
        .await?
        .click()
        .await?;
    wait_for_path_under(client, "/pocs/").await?;
    ensure!(
        text_of(client, "a.poc-email").await?.trim() == "lea@cert.fr.example.org",
        "France's PoC's e-mail"
    );
    sign_out(client).await?;

    // The technical PoC: its entry from its home, then its State's log.
    sign_in(client, server, &technical).await?;
    shot(client, "technical-poc-home-en").await?;
    home_also_in(client, "technical-poc", "ar", "en").await?;
    find(client, "#home-own-entry a.home-poc")
        .await?
        .click()
        .await?;
    wait_for_path_under(client, "/pocs/").await?;
    ensure!(
        text_of(client, "main").await?.contains(&technical.email),
        "the technical PoC's own details"
    );
    find(client, "header .brand").await?.click().await?;
    find(client, "#nav-own-state-log").await?.click().await?;
    wait_for_path(client, "/audit/own-state").await?;
    sign_out(client).await?;

    // The auditor: the log's head, then the whole log.
    sign_in(client, server, &auditor).await?;
    ensure!(number_in(client, "#home-log-size").await? > 0, "log size");
    ensure!(
        !text_of(client, "main").await?.contains("Imran Siddiqui"),
        "a name on the auditor's home"
    );
    shot(client, "auditor-home-en").await?;
    home_also_in(client, "auditor", "ar", "en").await?;
    find(client, "#home-audit").await?.click().await?;
    wait_for_path(client, "/audit").await?;
    sign_out(client).await?;

    // The reporter: what it can do; no way into the directory.
    sign_in(client, server, &reporter).await?;
    find(client, "#home-reporter-can").await?;
    ensure!(
        client.find(Locator::Css("#nav-directory")).await.is_err(),
        "the reporter is offered the directory"
    );
    shot(client, "reporter-home-en").await?;
    home_also_in(client, "reporter", "ar", "en").await?;
    find(client, "#home-help").await?.click().await?;
    wait_for_path(client, "/help/reporter").await?;
    find(client, "#labels").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_works_from_its_home_by_clicking() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "roles", started).await;
}
