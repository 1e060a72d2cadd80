//! A communication from start to answer, by clicking only from each
//! role's home: France's technical PoC, in English, writes an urgent
//! TLP:AMBER incident notification with a file to Pakistan's technical
//! PoCs; Pakistan's technical PoC, in Arabic (right to left), finds it from
//! the nav, reads it (structured parts in Arabic, the free text as written,
//! in English), acknowledges and replies; the sender sees the statuses.
//! Screenshots go to `test-output/screenshots/communications/`.

use super::{
    choose_language, find, no_csp_violations, scroll_to, sign_in, text_of, type_into, verified_poc,
    wait_for_lang, wait_for_path, wait_for_path_under, Browser, Chromedriver,
    ONE_BROWSER_AT_A_TIME,
};
use anyhow::{bail, ensure, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::Instant;

const SUBJECT: &str = "Ransomware at a grid operator";
const TEXT: &str = "The operator isolated its network at 08:00; indicators attached.";
const REPLY: &str = "تم حظر المؤشرات الساعة 09:10.";

/// A screenshot of the page and axe-core's check of it; the escalation
/// journey keeps its screenshots beside these.
pub(super) async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "communications", name).await
}

/// The id of the communication the browser is on (`/communications/{id}`).
/// Waits until the browser is on `/communications/{id}` (a form posted
/// from `/communications/new` or `…/reply` lands there).
async fn current_id(client: &Client) -> Result<i64> {
    let deadline = Instant::now() + super::PATIENCE;
    loop {
        let rest = wait_for_path_under(client, "/communications/").await?;
        if let Ok(id) = rest.parse::<i64>() {
            return Ok(id);
        }
        if Instant::now() > deadline {
            bail!("expected a communication's page, still on /communications/{rest}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    verified_poc(server, "FRA", "Léa Fontaine", "lea@cert.fr.example.org").await?;
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    let sender = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let reader = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("indicators.txt");
    std::fs::write(&file, "203.0.113.7\n198.51.100.23\n")?;

    // The sender, in English, from its home to the compose form.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &sender).await?;
    find(client, "#home-compose").await?.click().await?;
    wait_for_path(client, "/communications/new").await?;
    find(client, "#comm-attribution-why").await?;
    for css in [
        "#kind-incident_notification",
        "#urgency-urgent",
        "#tlp-amber",
        "#address-states",
        "#states option[value=PAK]",
        "#roles-technical",
        "#sector-energy",
    ] {
        scroll_to(client, css).await?;
        find(client, css).await?.click().await?;
    }
    type_into(client, "#subject", SUBJECT).await?;
    type_into(client, "#impact", "Two regional control centres offline.").await?;
    type_into(
        client,
        "#requested_action",
        "Block the indicators attached.",
    )
    .await?;
    type_into(client, "#text", TEXT).await?;
    let language = find(client, "#text_language").await?.prop("value").await?;
    ensure!(
        language.as_deref() == Some("en"),
        "the text's language starts as the page's: {language:?}"
    );
    find(client, "#attachments")
        .await?
        .send_keys(&file.display().to_string())
        .await?;
    shot(client, "compose-en").await?;
    scroll_to(client, "#comm-send").await?;
    find(client, "#comm-send").await?.click().await?;
    let id = current_id(client).await?;
    find(client, "#flash").await?;
    ensure!(
        text_of(client, &format!("#comm-{id}-tlp")).await? == "TLP:AMBER",
        "the label as TLP 2.0 writes it"
    );
    shot(client, "sent-en").await?;
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // The recipient, in Arabic: the count in the nav, the inbox, the thread.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &reader).await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    wait_for_path(client, "/").await?;
    find(client, "#nav-communications .nav-count").await?;
    ensure!(
        text_of(client, "#home-communications strong").await?.trim() == "1",
        "the home counts one unread communication"
    );
    find(client, "#nav-communications").await?.click().await?;
    wait_for_path(client, "/communications").await?;
    find(client, &format!("#comm-row-{id}.unread")).await?;
    shot(client, "inbox-ar").await?;
    find(client, &format!("#comm-row-{id} a.comm-open"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/communications/{id}")).await?;
    wait_for_lang(client, "ar", "rtl").await?;
    ensure!(
        text_of(client, &format!("#comm-{id}-tlp")).await? == "TLP:AMBER",
        "the label is never translated"
    );
    let kind = text_of(client, &format!("#comm-{id}-kind")).await?;
    // `comm-kind-incident_notification` in ar/communications.ftl.
    ensure!(
        kind.contains("إخطار بحادث"),
        "the kind in Arabic, not {kind:?}"
    );
    let sectors = text_of(client, &format!("#comm-{id}-field-sectors")).await?;
    ensure!(sectors.contains("الطاقة"), "sectors in Arabic: {sectors:?}");
    let text = find(client, &format!("#comm-{id}-text")).await?;
    ensure!(
        text.text().await?.trim() == TEXT,
        "the free text as written"
    );
    ensure!(
        text.attr("lang").await?.as_deref() == Some("en"),
        "the free text is marked as English"
    );
    find(client, &format!("#comm-{id}-amber")).await?;
    shot(client, "thread-ar").await?;

    // Acknowledge, then reply in Arabic.
    find(client, &format!("#comm-{id}-acknowledge"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/communications/{id}")).await?;
    find(client, "#flash").await?;
    ensure!(
        client
            .find_all(fantoccini::Locator::Css(&format!("#comm-{id}-acknowledge")))
            .await?
            .is_empty(),
        "acknowledged once, the button is gone"
    );
    find(client, &format!("#comm-{id}-reply"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/communications/{id}/reply")).await?;
    type_into(client, "#text", REPLY).await?;
    shot(client, "reply-ar").await?;
    scroll_to(client, "#comm-send").await?;
    find(client, "#comm-send").await?.click().await?;
    let reply_id = current_id(client).await?;
    ensure!(reply_id != id, "the reply is a new message of the thread");
    let written = find(client, &format!("#comm-{reply_id}-text")).await?;
    ensure!(written.text().await?.trim() == REPLY);
    ensure!(written.attr("lang").await?.as_deref() == Some("ar"));
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;

    // The sender, in English again, sees the reply and the statuses.
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, &sender).await?;
    choose_language(client, "en").await?;
    wait_for_lang(client, "en", "ltr").await?;
    wait_for_path(client, "/").await?;
    find(client, "#nav-communications").await?.click().await?;
    wait_for_path(client, "/communications").await?;
    find(client, &format!("#comm-row-{reply_id} a.comm-open"))
        .await?
        .click()
        .await?;
    wait_for_path(client, &format!("/communications/{reply_id}")).await?;
    let summary = format!("#comm-{id} details.comm-recipients summary");
    scroll_to(client, &summary).await?;
    find(client, &summary).await?.click().await?;
    let statuses = text_of(client, &format!("#comm-{id}-recipients")).await?;
    ensure!(
        statuses.contains("Answered"),
        "the sender sees the recipient answered: {statuses:?}"
    );
    let reply_text = text_of(client, &format!("#comm-{reply_id}-text")).await?;
    ensure!(reply_text.trim() == REPLY, "the reply as written");
    shot(client, "statuses-en").await?;
    super::sign_out(client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_communication_is_sent_read_in_arabic_acknowledged_and_answered() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser
        .finish(server, outcome, "communications", started)
        .await;
}
