//! A security key in the real browser: Chromium's virtual authenticator
//! (WebDriver's WebAuthn extension, CTAP2 over USB, with user verification)
//! stands in for the key. A technical PoC signs in with its password and
//! TOTP, adds the key on its account page (naming it, giving its password
//! again, touching it), signs out, and signs in again
//! with its password and the key alone. WebAuthn needs a secure context
//! and a domain, so the browser reaches the server as http://localhost.

use super::{
    find, no_csp_violations, screenshot, scroll_to, sign_in, text_of, type_into, wait_for_path,
    Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{anyhow, ensure, Context, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use serde_json::{json, Value};
use std::time::Instant;

/// Sends a command of WebDriver's WebAuthn extension to chromedriver.
async fn webauthn_command(
    driver: &Chromedriver,
    client: &Client,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Result<Value> {
    let session = client
        .session_id()
        .await?
        .ok_or_else(|| anyhow!("no WebDriver session"))?;
    let mut request = reqwest::Client::new().request(
        method,
        format!("{}/session/{session}/webauthn/{path}", driver.url),
    );
    if let Some(body) = body {
        request = request.json(&body);
    }
    let r = request
        .send()
        .await
        .context("chromedriver's WebAuthn extension")?;
    let status = r.status();
    let body: Value = r
        .json()
        .await
        .context("chromedriver's answer is not JSON")?;
    ensure!(
        status.is_success(),
        "chromedriver refused webauthn/{path} ({status}): {body}"
    );
    Ok(body["value"].clone())
}

/// Plugs a virtual security key into the browser: a CTAP2 USB key that
/// verifies its user (as with a PIN) and consents at once.
async fn plug_in_virtual_key(driver: &Chromedriver, client: &Client) -> Result<String> {
    let id = webauthn_command(
        driver,
        client,
        reqwest::Method::POST,
        "authenticator",
        Some(json!({
            "protocol": "ctap2",
            "transport": "usb",
            "hasResidentKey": true,
            "hasUserVerification": true,
            "isUserConsenting": true,
            "isUserVerified": true,
        })),
    )
    .await?;
    id.as_str()
        .map(str::to_string)
        .ok_or_else(|| anyhow!("no authenticator id in {id}"))
}

/// The credentials the virtual key holds, with their sign counts.
async fn credentials_on_key(
    driver: &Chromedriver,
    client: &Client,
    key: &str,
) -> Result<Vec<Value>> {
    let list = webauthn_command(
        driver,
        client,
        reqwest::Method::GET,
        &format!("authenticator/{key}/credentials"),
        None,
    )
    .await?;
    list.as_array()
        .cloned()
        .ok_or_else(|| anyhow!("no credential list: {list}"))
}

async fn passkey_journey(
    server: &TestServer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    let account = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let site = server.url.replace("127.0.0.1", "localhost");

    // Signed in with password and TOTP, then to the account page from the home.
    client.goto(&format!("{site}/login")).await?;
    sign_in(client, server, &account).await?;
    find(client, "#nav-account").await?.click().await?;
    wait_for_path(client, "/account").await?;
    ensure!(
        text_of(client, "#security-keys-none")
            .await?
            .contains("no security key"),
        "a new account has no key"
    );

    // A key plugged in; it is named, then touched when the browser asks.
    let key = plug_in_virtual_key(driver, client).await?;
    type_into(client, "#security-key-name", "Blue key on my key ring").await?;
    type_into(client, "#sk-add-current", &account.password).await?;
    find(client, "#security-key-begin").await?.click().await?;
    wait_for_path(client, "/account/security-keys/new").await?;
    ensure!(
        text_of(client, "#security-key-new-name").await?.trim() == "Blue key on my key ring",
        "the name is shown before the key is touched"
    );
    screenshot(client, "security-key-add").await?;
    // Shown only once the script has found WebAuthn in the browser.
    let register = find(client, "#security-key-register").await?;
    ensure!(
        register.is_displayed().await?,
        "the register button stays hidden: the script did not run"
    );
    register.click().await?;
    wait_for_path(client, "/account").await?;
    let flash = text_of(client, "#flash").await?;
    ensure!(
        flash.contains("The security key has been added"),
        "confirmation after adding: {flash:?}"
    );
    let listed = text_of(client, "#security-keys-list").await?;
    ensure!(
        listed.contains("Blue key on my key ring") && listed.contains("Never"),
        "the key is listed, never used yet: {listed:?}"
    );
    let on_key = credentials_on_key(driver, client, &key).await?;
    ensure!(
        on_key.len() == 1,
        "the key holds one credential: {on_key:?}"
    );
    ensure!(
        on_key[0]["rpId"] == "localhost",
        "the credential is bound to the site: {}",
        on_key[0]
    );
    scroll_to(client, "#security-keys").await?;
    screenshot(client, "security-key-listed").await?;

    // Signed out, then in again with the password and the key alone.
    super::sign_out(client).await?;
    wait_for_path(client, "/").await?;
    client.goto(&format!("{site}/login")).await?;
    wait_for_path(client, "/login").await?;
    type_into(client, "#email", &account.email).await?;
    type_into(client, "#password", &account.password).await?;
    find(client, "#sign-in").await?.click().await?;
    wait_for_path(client, "/login/mfa").await?;
    ensure!(
        find(client, "#code").await?.is_displayed().await?,
        "the TOTP code is still offered beside the key"
    );
    screenshot(client, "security-key-sign-in").await?;
    find(client, "#use-security-key").await?.click().await?;
    // Signed in with the key: the home, then the account page a click away.
    wait_for_path(client, "/").await?;
    find(client, "#nav-account").await?.click().await?;
    wait_for_path(client, "/account").await?;
    ensure!(
        text_of(client, "#account-email").await?.trim() == account.email,
        "signed in as the account"
    );
    let keys = server.store.security_keys_of(account.id).await?;
    ensure!(
        keys.len() == 1 && keys[0].last_used_at.is_some(),
        "the key's use is recorded: {keys:?}"
    );
    ensure!(
        !text_of(client, "#security-keys-list")
            .await?
            .contains("Never"),
        "the list shows when the key was last used"
    );
    no_csp_violations(driver, client).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_security_key_is_added_then_signs_in_with_the_password() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = passkey_journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "passkeys", started).await;
}
