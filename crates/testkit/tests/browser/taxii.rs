//! How a technical PoC connects its TAXII client, found in the real browser
//! by clicking from its home: France's technical PoC, in Arabic (right to
//! left), follows "Threat exchange (TAXII 2.1)" to its account page, reads
//! the server's address and its user name there, makes a write token, and
//! its TAXII client (Basic, the e-mail and the token) shares an indicator;
//! Pakistan's technical PoC, in English, does the same with a read token
//! and receives it. A diplomatic PoC's home has no such link. Screenshots
//! go to `test-output/screenshots/taxii/`.

use super::{
    choose_language, find, lang_and_dir, no_csp_violations, sign_in, text_of, type_into,
    verified_poc, wait_for_lang, wait_for_path, Browser, Chromedriver, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Context, Result};
use fantoccini::Client;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::Value;
use std::time::Instant;

const TAXII: &str = "application/taxii+json;version=2.1";
const INDICATOR: &str = r#"{"type": "indicator", "spec_version": "2.1", "id": "indicator--5f0c1d2e-0000-4000-8000-00000000beef", "created": "2026-11-30T06:10:00.000Z", "modified": "2026-11-30T06:10:00.000Z", "name": "Wiper loader C2", "pattern_type": "stix", "pattern": "[ipv4-addr:value = '203.0.113.7']", "valid_from": "2026-11-30T06:10:00Z"}"#;

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "taxii", name).await
}

/// From the home to the account page's TAXII settings; a new token of
/// `scope`. The server's address, as the page shows it, and the token.
async fn connect_from_home(
    client: &Client,
    who: &TestAccount,
    scope: &str,
    shot_name: &str,
) -> Result<(String, String)> {
    find(client, "#home-taxii").await?.click().await?;
    wait_for_path(client, "/account").await?;
    let url = text_of(client, "#taxii-url").await?;
    ensure!(url.ends_with("/taxii2/"), "{url}");
    ensure!(
        text_of(client, "#taxii").await?.contains(&who.email),
        "the user name is the account's e-mail"
    );
    shot(client, shot_name).await?;
    type_into(client, "#token-name", "TAXII client").await?;
    find(client, &format!("#token-scope option[value={scope}]"))
        .await?
        .click()
        .await?;
    find(client, "form[action='/account/tokens'] button[type=submit]")
        .await?
        .click()
        .await?;
    let token = text_of(client, "#new-token").await?;
    ensure!(!token.is_empty(), "no token shown");
    Ok((url, token))
}

/// The shared collection's objects URL, as a TAXII client finds it from
/// the discovery address.
async fn shared_objects(
    http: &reqwest::Client,
    discovery: &str,
    who: &TestAccount,
    token: &str,
) -> Result<String> {
    let get = |url: String| {
        http.get(url)
            .basic_auth(&who.email, Some(token))
            .header("accept", TAXII)
            .send()
    };
    let d: Value = get(discovery.to_string())
        .await?
        .error_for_status()?
        .json()
        .await?;
    let root = d["api_roots"][0]
        .as_str()
        .context("no API root")?
        .to_string();
    let c: Value = get(format!("{root}collections/"))
        .await?
        .error_for_status()?
        .json()
        .await?;
    let shared = c["collections"]
        .as_array()
        .context("no collections")?
        .iter()
        .find(|c| c["title"].as_str().is_some_and(|t| t.starts_with("Shared")))
        .context("no shared collection")?;
    Ok(format!(
        "{root}collections/{}/objects/",
        shared["id"].as_str().context("no id")?
    ))
}

async fn journey(server: &TestServer, client: &Client, driver: &Chromedriver) -> Result<()> {
    // France and Pakistan take part once a PoC of each is verified.
    verified_poc(
        server,
        "FRA",
        "Léa Martin",
        "lea.martin@cert.fr.example.org",
    )
    .await?;
    verified_poc(
        server,
        "PAK",
        "Ayesha Malik",
        "ayesha.malik@cert.pk.example.org",
    )
    .await?;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let pak = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let diplomat = server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    let http = reqwest::Client::new();

    // France's technical PoC, in Arabic.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &fra).await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    let (discovery, token) = connect_from_home(client, &fra, "write", "1-account-ar").await?;
    let (lang, dir) = lang_and_dir(client).await?;
    ensure!(lang == "ar" && dir == "rtl", "{lang} {dir}");
    no_csp_violations(driver, client).await?;
    let objects = shared_objects(&http, &discovery, &fra, &token).await?;
    let posted: Value = http
        .post(&objects)
        .basic_auth(&fra.email, Some(&token))
        .header("accept", TAXII)
        .header("content-type", TAXII)
        .body(format!(r#"{{"objects": [{INDICATOR}]}}"#))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    ensure!(posted["success_count"] == 1, "{posted}");
    choose_language(client, "en").await?;
    super::sign_out(client).await?;
    wait_for_path(client, "/").await?;

    // Pakistan's technical PoC, in English, receives it.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &pak).await?;
    let (discovery, token) = connect_from_home(client, &pak, "read", "2-account-en").await?;
    let objects = shared_objects(&http, &discovery, &pak, &token).await?;
    let page = http
        .get(&objects)
        .basic_auth(&pak.email, Some(&token))
        .header("accept", TAXII)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    ensure!(page.contains(INDICATOR), "received byte for byte: {page}");
    // A read token shares nothing.
    let refused = http
        .post(&objects)
        .basic_auth(&pak.email, Some(&token))
        .header("accept", TAXII)
        .header("content-type", TAXII)
        .body(format!(r#"{{"objects": [{INDICATOR}]}}"#))
        .send()
        .await?;
    ensure!(refused.status() == 403, "{}", refused.status());
    super::sign_out(client).await?;
    wait_for_path(client, "/").await?;

    // A diplomatic PoC exchanges no STIX: no link on its home, no settings.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &diplomat).await?;
    find(client, "#home-ping-tests").await?;
    ensure!(
        client
            .find(fantoccini::Locator::Css("#home-taxii"))
            .await
            .is_err(),
        "a diplomatic PoC is shown the TAXII link"
    );
    shot(client, "3-diplomatic-home").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_technical_poc_finds_how_to_connect_its_taxii_client_and_shares_an_indicator() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "taxii", started).await;
}
