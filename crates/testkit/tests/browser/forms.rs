//! The confirmation steps in the browser: Pakistan's nominator withdraws
//! one PoC with a reason from its page (after trying without one) and
//! proposes a change to another; the secretariat reviews the change as a
//! difference, tries to reject it without a reason, sees the error beside
//! the reason while still signed in, gives one, and is told it is done.

use super::{
    find, links_with_text, no_csp_violations, screenshot, scroll_to, sign_in, text_of, type_into,
    verified_poc, wait_for_path, wait_for_path_under, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use std::time::Instant;

const LEAVING: &str = "Imran Siddiqui";
const CHANGING: &str = "Ayesha Malik";
const NEW_EMAIL: &str = "ayesha.malik@cert.pk.example.org";
const WITHDRAWAL_REASON: &str = "Left the ministry in March.";
const REJECTION_REASON: &str = "This address is not on the ministry's domain.";

/// Opens a PoC of Pakistan's page by the person's name; its id.
async fn open_poc(client: &Client, name: &str) -> Result<String> {
    find(client, "#nav-account").await?.click().await?;
    wait_for_path(client, "/account").await?;
    find(client, "#account-participant").await?.click().await?;
    wait_for_path(client, "/participants/PAK").await?;
    let mut cards = links_with_text(client, "section.poc h3 a", name).await?;
    ensure!(cards.len() == 1, "expected {name} once on Pakistan's page");
    cards.remove(0).click().await?;
    wait_for_path_under(client, "/pocs/").await
}

async fn flash(client: &Client) -> Result<String> {
    Ok(text_of(client, "#flash").await?.trim().to_string())
}

async fn withdraw_and_reject_journey(
    server: &TestServer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    verified_poc(server, "PAK", LEAVING, "imran@cert.pk.example.org").await?;
    verified_poc(server, "PAK", CHANGING, "ayesha@gmail.example.com").await?;

    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &nominator).await?;

    // Withdraw from the PoC's page: a step that asks why.
    let leaving = open_poc(client, LEAVING).await?;
    find(client, "#poc-withdraw").await?.click().await?;
    wait_for_path(client, &format!("/pocs/{leaving}/withdraw")).await?;
    find(client, "#withdraw-submit").await?.click().await?;
    let error = text_of(client, "#error-reason").await?;
    ensure!(
        error.starts_with("Say why"),
        "withdrawing without a reason says {error:?}"
    );
    find(client, "#sign-out").await?;
    find(client, "#error-message a[href='#reason']").await?;
    screenshot(client, "forms-1-withdraw-no-reason-en").await?;
    type_into(client, "#reason", WITHDRAWAL_REASON).await?;
    find(client, "#withdraw-submit").await?.click().await?;
    wait_for_path(client, &format!("/pocs/{leaving}")).await?;
    let done = flash(client).await?;
    ensure!(
        done.starts_with("The withdrawal was sent for verification"),
        "after withdrawing: {done:?}"
    );
    ensure!(
        text_of(client, "#poc-history")
            .await?
            .contains(WITHDRAWAL_REASON),
        "the history does not keep the reason"
    );
    screenshot(client, "forms-2-withdrawal-requested-en").await?;

    // A change to the other PoC: a new e-mail address.
    open_poc(client, CHANGING).await?;
    find(client, "#poc-edit").await?.click().await?;
    type_into(client, "#emails", NEW_EMAIL).await?;
    find(client, "#poc-submit").await?.click().await?;
    wait_for_path_under(client, "/pocs/").await?;
    let done = flash(client).await?;
    ensure!(
        done.starts_with("The change was sent for verification"),
        "after the change: {done:?}"
    );
    no_csp_violations(driver, client).await?;
    super::sign_out(client).await?;
    find(client, "#nav-sign-in").await?;
    if client.current_url().await?.path() != "/login" {
        find(client, "#nav-sign-in").await?.click().await?;
    }

    // The secretariat: the queue, then the change as a difference.
    sign_in(client, server, &secretariat).await?;
    find(client, "#nav-nominations").await?.click().await?;
    wait_for_path(client, "/nominations").await?;
    let mut items = links_with_text(client, "#queue a.queue-item", CHANGING).await?;
    ensure!(items.len() == 1, "expected {CHANGING} once in the queue");
    items.remove(0).click().await?;
    let changing = wait_for_path_under(client, "/pocs/").await?;
    let row = find(client, "#diff-emails").await?;
    ensure!(
        row.attr("data-change").await?.as_deref() == Some("changed"),
        "the e-mail row is not marked as changed"
    );
    let marked = text_of(client, "#diff-emails .diff-mark").await?;
    ensure!(
        marked.trim() == "changed",
        "the change is marked {marked:?}"
    );
    let unchanged = text_of(client, "#diff-name .diff-mark").await?;
    ensure!(
        unchanged.trim() == "unchanged",
        "the name is marked {unchanged:?}"
    );
    scroll_to(client, "#poc-diff").await?;
    screenshot(client, "forms-3-review-change-en").await?;
    let reject = find(client, "#poc-reject").await?;
    ensure!(
        reject.text().await?.trim() == "Reject change",
        "the reject button does not say what it rejects"
    );
    reject.click().await?;
    wait_for_path(client, &format!("/pocs/{changing}/reject")).await?;

    // No reason: the step again, signed in, the error beside the reason.
    find(client, "#reject-submit").await?.click().await?;
    let error = text_of(client, "#error-reason").await?;
    ensure!(
        error.starts_with("A rejection needs a reason"),
        "rejecting without a reason says {error:?}"
    );
    wait_for_path(client, &format!("/pocs/{changing}/decision")).await?;
    find(client, "#sign-out").await?;
    let invalid = find(client, "#reason").await?.attr("aria-invalid").await?;
    ensure!(
        invalid.as_deref() == Some("true"),
        "the reason is not marked invalid"
    );
    screenshot(client, "forms-4-reject-no-reason-en").await?;

    // With a reason: rejected, to the queue, told so.
    type_into(client, "#reason", REJECTION_REASON).await?;
    find(client, "#reject-submit").await?.click().await?;
    wait_for_path(client, "/nominations").await?;
    let done = flash(client).await?;
    ensure!(
        done == "Rejected. The nominating authority will see your reason.",
        "after rejecting: {done:?}"
    );
    ensure!(
        links_with_text(client, "#queue a.queue-item", CHANGING)
            .await?
            .is_empty(),
        "the rejected change is still in the queue"
    );
    // The withdrawal waits, labelled by what approving it does.
    let mut items = links_with_text(client, "#queue a.queue-item", LEAVING).await?;
    ensure!(
        items.len() == 1,
        "expected {LEAVING}'s withdrawal in the queue"
    );
    items.remove(0).click().await?;
    wait_for_path(client, &format!("/pocs/{leaving}")).await?;
    ensure!(
        text_of(client, "#withdrawal-reason")
            .await?
            .contains(WITHDRAWAL_REASON),
        "the secretariat does not see why the PoC is withdrawn"
    );
    ensure!(
        text_of(client, "#poc-approve").await?.trim() == "Approve withdrawal",
        "the approval does not say what it approves"
    );
    screenshot(client, "forms-5-review-withdrawal-en").await?;
    no_csp_violations(driver, client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_withdrawal_and_a_rejection_each_ask_for_a_reason() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = withdraw_and_reject_journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "forms", started).await;
}
