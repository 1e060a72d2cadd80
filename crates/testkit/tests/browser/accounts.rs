//! Accounts in the portal, in the real browser: the secretariat invites a
//! technical PoC of Pakistan from its pages by clicking; the invitee opens
//! the mailed link, chooses a password, enrols TOTP from the secret the
//! page shows and lands signed in; then one "forgot password" round, with
//! the link from the mail and the second factor.

use super::{
    enrol, find, screenshot, sign_in, text_of, type_into, wait_for_path, Browser,
    ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Context, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{ReceivedMail, SmtpPeer, TestAccount, TestServer};
use std::time::{Duration, Instant};

const INVITEE: &str = "Bilal Ahmed";
const INVITEE_EMAIL: &str = "bilal.ahmed@cert.pk.example.org";

/// Waits for the `n`-th mail to `email` and returns the link in it that
/// starts with `prefix`.
async fn mailed_link(smtp: &SmtpPeer, email: &str, n: usize, prefix: &str) -> Result<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let got: Vec<ReceivedMail> = smtp
            .messages()
            .into_iter()
            .filter(|m| m.rcpt_tos.iter().any(|r| r == email))
            .collect();
        if let Some(mail) = got.get(n - 1) {
            let at = mail
                .body
                .find(prefix)
                .with_context(|| format!("no {prefix} in the mail: {}", mail.body))?;
            let link = mail.body[at..]
                .split_whitespace()
                .next()
                .unwrap_or_default();
            return Ok(link.to_string());
        }
        ensure!(Instant::now() < deadline, "no mail {n} to {email}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Picks `value` in the `<select>` `select` by clicking its option.
async fn choose(client: &Client, select: &str, value: &str) -> Result<()> {
    find(client, select).await?.click().await?;
    find(client, &format!("{select} option[value=\"{value}\"]"))
        .await?
        .click()
        .await?;
    Ok(())
}

async fn journey(server: &TestServer, smtp: &SmtpPeer, client: &Client) -> Result<()> {
    let secretariat = server.account(AccountKind::Secretariat, None).await;

    // The secretariat, from its pages: accounts, invite, the form.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &secretariat).await?;
    find(client, "#nav-accounts").await?.click().await?;
    wait_for_path(client, "/accounts").await?;
    find(client, "#accounts-invite").await?.click().await?;
    wait_for_path(client, "/invitations/new").await?;
    choose(client, "#kind", "technical_poc").await?;
    choose(client, "#participant", "PAK").await?;
    type_into(client, "#name", INVITEE).await?;
    type_into(client, "#email", INVITEE_EMAIL).await?;
    choose(client, "#language", "en").await?;
    screenshot(client, "accounts-invite-form").await?;
    find(client, "#invite-send").await?.click().await?;
    wait_for_path(client, "/invitations").await?;
    let flash = text_of(client, "#flash").await?;
    ensure!(flash.contains("invitation"), "no confirmation: {flash:?}");
    let listed = text_of(client, "#invitations").await?;
    ensure!(listed.contains(INVITEE_EMAIL), "not listed: {listed}");
    super::sign_out(client).await?;
    wait_for_path(client, "/").await?;

    // The invitee opens the mailed link and chooses a password.
    let link = mailed_link(smtp, INVITEE_EMAIL, 1, &server.url("/enrol/")).await?;
    client.goto(&link).await?;
    let shown = text_of(client, "#enrol-email").await?;
    ensure!(shown.trim() == INVITEE_EMAIL, "the page shows {shown:?}");
    let password = "a passphrase of my own";
    let secret = enrol(client, server, password).await?;

    // Signed in as the new technical PoC.
    let me = text_of(client, "#nav-account").await?;
    ensure!(me.trim() == INVITEE_EMAIL, "signed in as {me:?}");
    screenshot(client, "accounts-invitee-signed-in").await?;
    super::sign_out(client).await?;
    wait_for_path(client, "/").await?;

    // Forgot password: the link from the mail, and the second factor.
    find(client, "#nav-sign-in").await?.click().await?;
    wait_for_path(client, "/login").await?;
    find(client, "#forgot-password").await?.click().await?;
    wait_for_path(client, "/login/forgot").await?;
    type_into(client, "#email", INVITEE_EMAIL).await?;
    find(client, "#forgot-send").await?.click().await?;
    find(client, "#forgot-sent").await?;
    let link = mailed_link(smtp, INVITEE_EMAIL, 2, &server.url("/login/reset/")).await?;
    client.goto(&link).await?;
    let renewed = "another passphrase of mine";
    type_into(client, "#new", renewed).await?;
    type_into(client, "#confirm", renewed).await?;
    type_into(client, "#code", &server.totp_now(&secret)).await?;
    server.next_totp_step();
    screenshot(client, "accounts-reset").await?;
    find(client, "#reset-submit").await?.click().await?;
    wait_for_path(client, "/login").await?;
    let flash = text_of(client, "#flash").await?;
    ensure!(!flash.trim().is_empty(), "no confirmation after the reset");

    // And the new password signs in.
    let account = server
        .store
        .account_by_email(INVITEE_EMAIL)
        .await?
        .context("the invitee's account")?;
    let invitee = TestAccount {
        id: account.id,
        email: INVITEE_EMAIL.to_string(),
        password: renewed.to_string(),
        kind: AccountKind::TechnicalPoc,
        participant: Some("PAK".to_string()),
        totp_secret: Some(secret),
    };
    sign_in(client, server, &invitee).await?;
    // Signed in, the home; the account page is a click away.
    find(client, "#nav-account").await?.click().await?;
    wait_for_path(client, "/account").await?;
    let kind = text_of(client, "#account-kind").await?;
    ensure!(!kind.trim().is_empty(), "the account page shows no kind");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretariat_invites_a_technical_poc_who_enrols_then_resets_a_password() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let outcome = journey(&server, &smtp, &browser.client).await;
    browser.finish(server, outcome, "accounts", started).await;
}
