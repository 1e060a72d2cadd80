//! A TLP:RED message end to end, in the real browser with the vendored
//! OpenPGP.js: France's technical PoC encrypts it in its browser to
//! Pakistan's technical PoC and itself; Pakistan's PoC keeps its private key
//! in its browser under a passphrase and decrypts on the thread. On the way:
//! the form names the PoC without a key; a wrong passphrase, another key
//! and an altered ciphertext are each refused by name; the message is read
//! in Arabic and answered end to end, and the sender reads the answer. Then the operator's
//! own tools are searched for the plaintext: the database's files (or
//! rows), the content as the operator unseals it, the mail the SMTP peer
//! received, and every page and API response of the communication, to
//! every account. Screenshots in `test-output/screenshots/e2e/`.

use super::{
    click, find, no_csp_violations, sign_in, sign_out, text_of, type_into, wait_for_path_under,
    Browser, Chromedriver, ONE_BROWSER_AT_A_TIME, PATIENCE,
};
#[path = "../shared/openpgp_keys.rs"]
mod keys;

use anyhow::{bail, ensure, Context, Result};
use fantoccini::Client;
use keys::key_pair;
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_testkit::{Backend, SmtpPeer, TestAccount, TestServer};
use serde_json::{json, Value};
use sqlx::Connection;
use std::time::Instant;

/// In the subject and the text: must never reach the server in clear.
const MARKER: &str = "CANARY-7f3a-uranium-enrichment-site";
const PASSPHRASE: &str = "correct horse battery staple";

async fn shot(client: &Client, name: &str) -> Result<()> {
    super::checked_shot(client, "e2e", name).await
}

/// An active PoC entry of `code` with `key` (maybe none), linked to `account`.
async fn entry(server: &TestServer, account: &TestAccount, name: &str, key: &str) -> Result<()> {
    let code = account.participant.as_deref().context("a PoC's State")?;
    let http = reqwest::Client::new();
    let nominator = server.account(AccountKind::Nominator, Some(code)).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let mut body = json!({
        "role": "technical",
        "name": name,
        "title": "Duty officer",
        "organisation": "National CERT",
        "emails": [account.email],
        "phones": [{"number": "+44 20 7946 0321", "use": "24x7"}],
        "languages": ["en"],
        "time_zone": "Europe/Paris",
        "hours": "24/7"
    });
    if !key.is_empty() {
        body["openpgp_key"] = key.into();
    }
    let poc: Value = http
        .post(server.url(&format!("/api/v1/participants/{code}/pocs")))
        .bearer_auth(server.token(&nominator, "write").await)
        .json(&body)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let id = poc["id"].as_i64().context("no id")?;
    http.post(server.url(&format!("/api/v1/pocs/{id}/decision")))
        .bearer_auth(server.token(&secretariat, "write").await)
        .json(&json!({"version": poc["version"], "approve": true}))
        .send()
        .await?
        .error_for_status()?;
    let now = server.clock.now();
    server
        .store
        .link_poc_account(
            id,
            account.id,
            now,
            LogDraft::new(
                now,
                LogActor::console(),
                LogAction::AccountPocLink,
                String::new(),
            ),
        )
        .await?;
    Ok(())
}

/// Puts `value` in a text field at once (an armored key is long to type).
async fn set_value(client: &Client, css: &str, value: &str) -> Result<()> {
    let field = find(client, css).await?;
    client
        .execute(
            "arguments[0].value = arguments[1];",
            vec![serde_json::to_value(&field)?, json!(value)],
        )
        .await?;
    Ok(())
}

/// Waits until `css` holds text containing `want`.
async fn wait_for_text(client: &Client, css: &str, want: &str) -> Result<String> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let got = text_of(client, css).await?;
        if got.contains(want) {
            return Ok(got);
        }
        if Instant::now() > deadline {
            bail!("{css} says {got:?}, not {want:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Keeps `secret` in the browser under `PASSPHRASE`, from the account page
/// (the header's link to it).
async fn import_key(client: &Client, secret: &str) -> Result<()> {
    click(client, "#nav-account").await?;
    super::wait_for_path(client, "/account").await?;
    find(client, "#e2e-key").await?;
    set_value(client, "#e2e-private-key", secret).await?;
    type_into(client, "#e2e-key-passphrase", PASSPHRASE).await?;
    click(client, "#e2e-key-import").await?;
    wait_for_text(client, "#e2e-key-status", "Fingerprint:").await?;
    ensure!(
        value_is_empty(client, "#e2e-private-key").await?,
        "the pasted key is cleared from the page once kept"
    );
    Ok(())
}

async fn value_is_empty(client: &Client, css: &str) -> Result<bool> {
    Ok(super::value_of(client, css).await?.is_empty())
}

/// Opens message `id` as a PoC does: the inbox from the main menu, then
/// the message in it.
async fn open_message(client: &Client, id: i64) -> Result<()> {
    click(client, "#nav-communications").await?;
    super::wait_for_path(client, "/communications").await?;
    click(client, &format!("a.comm-open[href='/communications/{id}']")).await?;
    super::wait_for_path(client, &format!("/communications/{id}")).await?;
    Ok(())
}

/// Tries to decrypt message `id` with `passphrase`; what the status says.
async fn decrypt(client: &Client, id: i64, passphrase: &str, expect: &str) -> Result<()> {
    type_into(client, &format!("#comm-{id}-passphrase"), passphrase).await?;
    click(client, &format!("#comm-{id}-decrypt")).await?;
    wait_for_text(client, &format!("#comm-{id}-e2e-status"), expect).await?;
    Ok(())
}

/// The text of every file under the data folder (SQLite: the database and
/// its WAL, byte for byte) or of every row of the communications, outbox
/// and log tables (PostgreSQL), as an operator with the machine would dump it.
async fn raw_dump(server: &TestServer) -> Result<Vec<u8>> {
    let mut all = Vec::new();
    match server.backend {
        Backend::Sqlite => {
            let mut stack = vec![server.config.data_dir.clone()];
            while let Some(dir) = stack.pop() {
                for e in std::fs::read_dir(&dir)? {
                    let path = e?.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else {
                        all.extend(std::fs::read(&path)?);
                    }
                }
            }
            ensure!(all.len() > 10_000, "the database files were read");
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&server.config.database_url()).await?;
            for table in [
                "communications",
                "communication_recipients",
                "communication_states",
                "communication_attachments",
                "outbox",
                "log_entries",
            ] {
                let rows: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT CAST(t AS TEXT) FROM {table} t"))
                        .fetch_all(&mut conn)
                        .await?;
                for (row,) in rows {
                    all.extend(row.into_bytes());
                }
            }
        }
    }
    Ok(all)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every way the server hands out communication `id`: pages and API, to
/// each account given; none may carry the marker.
async fn no_plaintext_served(server: &TestServer, id: i64, who: &[&TestAccount]) -> Result<()> {
    let paths = [
        "/communications".to_string(),
        "/communications?folder=sent".to_string(),
        "/communications?folder=state".to_string(),
        "/communications?folder=all".to_string(),
        format!("/communications/{id}"),
        format!("/communications/{id}/ciphertext"),
        format!("/communications/{id}/reply"),
        "/api/v1/communications".to_string(),
        format!("/api/v1/communications/{id}"),
        format!("/api/v1/communications/{id}/thread"),
        format!("/api/v1/communications/{id}/export"),
        "/api/v1/log/head".to_string(),
    ];
    let mut served = 0;
    for account in who {
        let web = server.signed_in(account).await;
        for path in &paths {
            let r = web.get(path).await;
            let status = r.status();
            let body = r.text().await?;
            ensure!(
                !body.contains(MARKER),
                "{path} served the plaintext to {:?} ({status})",
                account.kind
            );
            if status.is_success() {
                served += 1;
            }
        }
    }
    ensure!(served >= 20, "only {served} responses were checked");
    Ok(())
}

async fn journey(
    server: &TestServer,
    smtp: &SmtpPeer,
    client: &Client,
    driver: &Chromedriver,
    downloads: &std::path::Path,
) -> Result<()> {
    let sender = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let reader = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let keyless = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let (sender_secret, sender_public) = key_pair(1, "CERT-FR <cert@fra.example>")?;
    let (reader_secret, reader_public) = key_pair(2, "PK-CERT <cert@pak.example>")?;
    let (other_secret, _) = key_pair(3, "Someone else <else@example.org>")?;
    entry(server, &sender, "Léa Fontaine", &sender_public).await?;
    entry(server, &reader, "Ayesha Malik", &reader_public).await?;
    entry(server, &keyless, "Bilal Khan", "").await?;

    // The sender writes a RED message and turns on end-to-end encryption.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &sender).await?;
    click(client, "#home-compose").await?;
    super::wait_for_path(client, "/communications/new").await?;
    find(client, "#comm-e2e-lost-key").await?;
    let unreachable = text_of(client, "#comm-e2e-unreachable").await?;
    ensure!(
        !find(client, "#comm-e2e-nojs").await?.is_displayed().await?,
        "with JavaScript, the no-JavaScript route is not offered first"
    );
    for css in [
        "#kind-incident_notification",
        "#urgency-urgent",
        "#tlp-red",
        "#address-named",
    ] {
        click(client, css).await?;
    }
    click(client, &format!("#account-{}", keyless.id)).await?;
    click(client, &format!("#account-{}", reader.id)).await?;
    type_into(client, "#subject", &format!("Subject {MARKER}")).await?;
    type_into(client, "#impact", &format!("Impact {MARKER}")).await?;
    type_into(client, "#text", &format!("The text: {MARKER}")).await?;
    // A file too: sealed in the browser like the text, its name with it.
    let files = tempfile::tempdir()?;
    let file = files.path().join(format!("indicators-{MARKER}.txt"));
    std::fs::write(&file, format!("198.51.100.7 {MARKER}\n"))?;
    find(client, "#attachments")
        .await?
        .send_keys(&file.display().to_string())
        .await?;
    click(client, "#e2e-on").await?;
    shot(client, "compose-en").await?;
    // A recipient without a key: refused in the browser, named.
    click(client, "#comm-send").await?;
    let refused = wait_for_text(client, "#comm-e2e-status", "no usable OpenPGP key").await?;
    ensure!(
        refused.contains(&keyless_name(server, &keyless).await?),
        "the PoC without a key is named: {refused:?}"
    );
    ensure!(
        unreachable.contains("1 PoC") || unreachable.contains("One PoC"),
        "the form lists who cannot be sent one: {unreachable:?}"
    );
    click(client, &format!("#account-{}", keyless.id)).await?;
    click(client, "#comm-send").await?;
    let id = current_id_other_than(client, 0).await?;
    let shown = text_of(client, &format!("#comm-{id}-ciphertext")).await?;
    ensure!(
        shown.starts_with("-----BEGIN PGP MESSAGE-----") && !shown.contains(MARKER),
        "the sender's page shows the ciphertext: {shown:?}"
    );
    ensure!(
        !client.source().await?.contains(MARKER),
        "the page the server answered the send with has no plaintext"
    );
    shot(client, "sent-en").await?;
    no_csp_violations(driver, client).await?;
    sign_out(client).await?;

    // The reader: first another key, then its own; a wrong passphrase; an
    // altered ciphertext; then the message.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &reader).await?;
    open_message(client, id).await?;
    wait_for_text(
        client,
        &format!("#comm-{id}-e2e-status"),
        "No private key is kept in this browser",
    )
    .await?;
    import_key(client, &other_secret).await?;
    shot(client, "account-key-en").await?;
    open_message(client, id).await?;
    decrypt(client, id, PASSPHRASE, "not encrypted to the key kept").await?;
    import_key(client, &reader_secret).await?;
    open_message(client, id).await?;
    decrypt(client, id, "not the passphrase", "Wrong passphrase").await?;
    let pre = find(client, &format!("#comm-{id}-ciphertext")).await?;
    client
        .execute(
            // One base64 character of the encrypted data changed in place.
            "const p = arguments[0]; const t = p.textContent; const i = t.length - 120; \
             p.textContent = t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);",
            vec![serde_json::to_value(&pre)?],
        )
        .await?;
    decrypt(client, id, PASSPHRASE, "damaged or was altered").await?;
    // The message itself, read in Arabic (right to left): the page around
    // it in the reader's language, the text as the sender wrote it.
    super::choose_language(client, "ar").await?;
    super::wait_for_lang(client, "ar", "rtl").await?;
    super::wait_for_path(client, &format!("/communications/{id}")).await?;
    type_into(client, &format!("#comm-{id}-passphrase"), PASSPHRASE).await?;
    click(client, &format!("#comm-{id}-decrypt")).await?;
    let plain = wait_for_text(client, &format!("#comm-{id}-plain"), MARKER).await?;
    ensure!(
        plain.contains(&format!("Subject {MARKER}"))
            && plain.contains(&format!("Impact {MARKER}"))
            && plain.contains(&format!("The text: {MARKER}")),
        "decrypted in the reader's browser: {plain:?}"
    );
    // The file, decrypted in the browser, offered under its own name.
    let plain_file = find(client, "a.e2e-file-plain").await?;
    let name = plain_file.attr("download").await?;
    ensure!(
        name.as_deref() == Some(format!("indicators-{MARKER}.txt").as_str()),
        "the file keeps its name, from inside the ciphertext: {name:?}"
    );
    // Saved as a reader saves it: the link clicked, the file on disk.
    plain_file.click().await?;
    let saved = downloads.join(format!("indicators-{MARKER}.txt"));
    let deadline = Instant::now() + std::time::Duration::from_secs(15);
    while !saved.exists() && Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let bytes = std::fs::read(&saved).context("the decrypted file was saved")?;
    ensure!(
        bytes == format!("198.51.100.7 {MARKER}\n").as_bytes(),
        "the file decrypts to what was attached: {:?}",
        String::from_utf8_lossy(&bytes)
    );
    shot(client, "decrypted-ar").await?;
    no_csp_violations(driver, client).await?;

    // The reader answers end to end (the reply form starts so), to the
    // sender's key and its own.
    click(client, &format!("#comm-{id}-reply")).await?;
    super::wait_for_path(client, &format!("/communications/{id}/reply")).await?;
    ensure!(
        find(client, "#e2e-on").await?.is_selected().await?,
        "a reply to an end-to-end message is end to end unless unticked"
    );
    type_into(client, "#text", &format!("Reply: {MARKER}")).await?;
    shot(client, "reply-ar").await?;
    click(client, "#comm-send").await?;
    let reply_id = current_id_other_than(client, id).await?;
    super::choose_language(client, "en").await?;
    super::wait_for_lang(client, "en", "ltr").await?;
    sign_out(client).await?;

    // The sender reads the answer with its own key, kept in its browser.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &sender).await?;
    import_key(client, &sender_secret).await?;
    open_message(client, reply_id).await?;
    decrypt(client, reply_id, PASSPHRASE, "Decrypted on this device").await?;
    wait_for_text(
        client,
        &format!("#comm-{reply_id}-plain"),
        &format!("Reply: {MARKER}"),
    )
    .await?;

    // AMBER+STRICT to a whole State, end to end: the State's PoCs' keys
    // are looked up at send time; one of them has none, so nothing leaves.
    click(client, "#nav-communications").await?;
    super::wait_for_path(client, "/communications").await?;
    click(client, "#comm-compose").await?;
    super::wait_for_path(client, "/communications/new").await?;
    for css in [
        "#kind-general",
        "#urgency-routine",
        "#tlp-amber-strict",
        "#address-states",
    ] {
        click(client, css).await?;
    }
    find(client, "#states")
        .await?
        .select_by_value("PAK")
        .await?;
    type_into(client, "#subject", &format!("To Pakistan {MARKER}")).await?;
    click(client, "#e2e-on").await?;
    click(client, "#comm-send").await?;
    wait_for_text(client, "#comm-e2e-status", "could not all be had").await?;
    super::wait_for_path(client, "/communications/new").await?;

    // The operator's tools: the database, a backup, the content it unseals, the mail.
    let dump = raw_dump(server).await?;
    ensure!(
        !contains(&dump, MARKER.as_bytes()),
        "the raw database holds the plaintext"
    );
    // A backup, secrets included, as the operator would take it.
    let folder = tempfile::tempdir()?;
    let file = folder.path().join("backup.pocdir.gz");
    pocdir::backup::backup(&server.config, &file, None, true, &server.clock).await?;
    let mut backup = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&file)?),
        &mut backup,
    )?;
    ensure!(
        backup.len() > 1_000 && !contains(&backup, MARKER.as_bytes()),
        "the backup holds the plaintext"
    );
    let content = server.store.communication_content(id).await?;
    ensure!(
        content.text.starts_with("-----BEGIN PGP MESSAGE-----")
            && content.subject.is_empty()
            && content.impact.is_empty()
            && !format!("{content:?}").contains(MARKER),
        "unsealed by the operator, the content is ciphertext only"
    );
    let mails = smtp.wait_for(1).await;
    ensure!(
        mails.iter().any(|m| m.rcpt_tos.contains(&reader.email)),
        "the reader was told by mail"
    );
    for m in &mails {
        ensure!(
            !m.body.contains(MARKER) && !m.subject.contains(MARKER),
            "mail to {:?} carries the plaintext",
            m.rcpt_tos
        );
        ensure!(
            !m.body.contains("BEGIN PGP MESSAGE"),
            "an end-to-end message's mail is a link only"
        );
    }
    for id in [id, reply_id] {
        no_plaintext_served(server, id, &[&sender, &reader, &keyless, &secretariat]).await?;
    }
    ensure!(
        server.logged("communication.send").await == 2,
        "the message and its reply are logged"
    );
    Ok(())
}

/// Waits until the browser is on `/communications/{id}` for an id other
/// than `not` (a posted form lands there).
async fn current_id_other_than(client: &Client, not: i64) -> Result<i64> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let rest = wait_for_path_under(client, "/communications/").await?;
        if let Ok(id) = rest.parse::<i64>() {
            if id != not {
                return Ok(id);
            }
        }
        if Instant::now() > deadline {
            bail!("expected a new communication's page, still on /communications/{rest}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The name the form shows for `account` (its display name).
async fn keyless_name(server: &TestServer, account: &TestAccount) -> Result<String> {
    server
        .store
        .poc_accounts(&[account.id])
        .await?
        .into_iter()
        .next()
        .map(|a| a.name)
        .context("the keyless PoC's account")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_red_message_is_encrypted_in_the_senders_browser_and_decrypted_in_the_readers() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let downloads = browser.downloads();
    let outcome = journey(&server, &smtp, &browser.client, &browser.driver, &downloads).await;
    browser.finish(server, outcome, "e2e", started).await;
}
