//! End-to-end browser test: the real server, driven through headless Debian
//! Chromium by chromedriver (WebDriver, via `fantoccini`).
//!
//! Two journeys, each with its own server and browser, one after the other:
//! - a new technical PoC account signs in with its password, enrols TOTP
//!   from the secret shown on the page, sees its recovery codes, reaches its
//!   account page, switches the interface to Arabic (checked to be
//!   right-to-left), searches the directory and signs out;
//! - a State's nominator, in Arabic, nominates a PoC through the form
//!   (reached by clicking from the home page), corrects a mistake the form
//!   points out, and the secretariat, in English, verifies the nomination
//!   from its queue (`nomination_journey`).
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver`
//! (`apt-get install chromium chromium-driver`); it fails, not skips, without them,
//! and fails when chromedriver does not hand out the console log (the CSP check reads it).
//! Screenshots go to `<workspace>/test-output/screenshots/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod capacity;
mod communications;
mod crisis_pack;
mod e2e;
mod escalation;
mod exercises;
mod forms;
mod layout;
mod learning;
mod lexicon;
mod library;
mod ping_tests;
mod reporters;
mod reports;
mod roles;
mod state_proof;
mod taxii;

use anyhow::{anyhow, bail, ensure, Context, Result};
use fantoccini::{Client, ClientBuilder, Locator};
use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod accounts;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long to wait for a page, an element or chromedriver itself.
const PATIENCE: Duration = Duration::from_secs(20);

// Values in right-to-left text (phones): crates/testkit/tests/browser/values.rs.
mod values;

/// A running chromedriver, killed when dropped (also when the test panics).
struct Chromedriver {
    child: Child,
    url: String,
}

impl Chromedriver {
    async fn start() -> Result<Chromedriver> {
        for needed in [CHROMIUM, CHROMEDRIVER] {
            if !Path::new(needed).exists() {
                bail!(
                    "{needed} is missing: the browser test needs Debian's Chromium and its driver; \
                     run `apt-get install chromium chromium-driver`"
                );
            }
        }
        let port = {
            let listener = TcpListener::bind("127.0.0.1:0").context("find a free port")?;
            listener.local_addr()?.port()
        };
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("start {CHROMEDRIVER}"))?;
        let driver = Chromedriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        driver.wait_until_ready().await?;
        Ok(driver)
    }

    async fn wait_until_ready(&self) -> Result<()> {
        let http = reqwest::Client::new();
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(r) = http.get(format!("{}/status", self.url)).send().await {
                if r.status().is_success() {
                    let status: Value = r.json().await.unwrap_or_default();
                    if status["value"]["ready"] == json!(true) {
                        return Ok(());
                    }
                }
            }
            if Instant::now() > deadline {
                bail!(
                    "chromedriver did not answer on {} within {PATIENCE:?}",
                    self.url
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn screenshot_dir() -> PathBuf {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    root.canonicalize()
        .unwrap_or_else(|_| root.to_path_buf())
        .join("test-output")
        .join("screenshots")
}

async fn screenshot(client: &Client, name: &str) -> Result<()> {
    screenshot_in(client, screenshot_dir(), name).await
}

/// A screenshot of the window as `dir/name.png`.
/// A screenshot of the page into `folder`, and axe-core's check of it (as
/// the layout journey runs it): no serious or critical violation.
async fn checked_shot(client: &Client, folder: &str, name: &str) -> Result<()> {
    screenshot_in(client, screenshot_dir().join(folder), name).await?;
    let axe = layout::axe_source()?;
    let (grave, _) = layout::axe_violations(client, &axe).await?;
    anyhow::ensure!(grave.is_empty(), "axe-core on {name}: {}", grave.join("\n"));
    Ok(())
}

async fn screenshot_in(client: &Client, dir: PathBuf, name: &str) -> Result<()> {
    std::fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
    let png = client.screenshot().await.context("take a screenshot")?;
    ensure!(
        png.starts_with(b"\x89PNG"),
        "the screenshot {name} is not a PNG"
    );
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).with_context(|| format!("write {}", path.display()))?;
    println!("screenshot: {}", path.display());
    Ok(())
}

/// Waits until the browser's location has `path` as its path.
async fn wait_for_path(client: &Client, path: &str) -> Result<url::Url> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let url = client.current_url().await?;
        if url.path() == path {
            return Ok(url);
        }
        if Instant::now() > deadline {
            bail!("expected to be on {path}, still on {url}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn find(client: &Client, css: &str) -> Result<fantoccini::elements::Element> {
    match client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
    {
        Ok(element) => Ok(element),
        Err(e) => {
            let on = client
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            Err(anyhow!(e).context(format!("find `{css}` on {on}")))
        }
    }
}

/// Picks a language from the header's language menu (a disclosure: open
/// it, then follow the language's link).
async fn choose_language(client: &Client, code: &str) -> Result<()> {
    click(client, "nav.langs summary").await?;
    click(client, &format!("nav.langs a[lang={code}]")).await
}

/// Scrolls `css` into view, then clicks it.
async fn click(client: &Client, css: &str) -> Result<()> {
    // A link found on the page that a click or a submit is replacing goes
    // stale under our hands: find it again on the page that follows.
    let deadline = Instant::now() + PATIENCE;
    loop {
        let attempt = async {
            scroll_to(client, css).await?;
            find(client, css).await?.click().await?;
            Ok::<(), anyhow::Error>(())
        }
        .await;
        match attempt {
            Err(e) if is_stale(&e) && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

fn is_stale(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<fantoccini::error::CmdError>(),
            Some(fantoccini::error::CmdError::Standard(w))
                if w.error == fantoccini::error::ErrorStatus::StaleElementReference
        )
    })
}

/// Signs out and waits for the signed-out page, so that a navigation that
/// follows (`goto`) cannot be overtaken by the sign-out's redirect.
async fn sign_out(client: &Client) -> Result<()> {
    click(client, "#sign-out").await?;
    let deadline = Instant::now() + PATIENCE;
    loop {
        let url = client.current_url().await?;
        if url.query().is_some_and(|q| q.contains("done=signed-out")) {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("expected the signed-out page, still on {url}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Signs in as `who` from the public page, in `lang`.
async fn enter(client: &Client, server: &TestServer, who: &TestAccount, lang: &str) -> Result<()> {
    find(client, "#nav-sign-in").await?.click().await?;
    sign_in(client, server, who).await?;
    choose_language(client, lang).await?;
    wait_for_lang(client, lang, if lang == "ar" { "rtl" } else { "ltr" }).await?;
    Ok(())
}

async fn text_of(client: &Client, css: &str) -> Result<String> {
    // Like a click, a text read on the page being replaced is read again
    // on the page that follows.
    let deadline = Instant::now() + PATIENCE;
    loop {
        let attempt = async {
            let text = find(client, css).await?.text().await?;
            Ok::<String, anyhow::Error>(text)
        }
        .await;
        match attempt {
            Err(e) if is_stale(&e) && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

/// The `lang` and `dir` of the page's root element.
async fn lang_and_dir(client: &Client) -> Result<(String, String)> {
    let v = client
        .execute(
            "return [document.documentElement.lang, document.documentElement.dir];",
            vec![],
        )
        .await?;
    let get = |i: usize| {
        v.get(i)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Ok((get(0), get(1)))
}

/// Whether the header is laid out right to left: the site's name to the
/// right of the sign-out button (left of it in a left-to-right page).
async fn header_mirrored(client: &Client) -> Result<bool> {
    let v = client
        .execute(
            "const x = s => document.querySelector(s).getBoundingClientRect().left;\
             return x('header .brand') > x('#sign-out');",
            vec![],
        )
        .await?;
    v.as_bool().ok_or_else(|| anyhow!("unexpected answer {v}"))
}

/// The browser's console messages so far (chromedriver's log extension,
/// which needs the `goog:loggingPrefs` capability set below).
async fn console_log(driver: &Chromedriver, client: &Client) -> Result<Vec<String>> {
    let session = client
        .session_id()
        .await?
        .ok_or_else(|| anyhow!("no WebDriver session to read the console log of"))?;
    let r = reqwest::Client::new()
        .post(format!("{}/session/{session}/se/log", driver.url))
        .json(&json!({"type": "browser"}))
        .send()
        .await
        .context("cannot ask chromedriver for the console log")?;
    let status = r.status();
    let body: Value = r
        .json()
        .await
        .context("chromedriver's console log is not JSON")?;
    ensure!(
        status.is_success(),
        "chromedriver refused the console log ({status}): {body}"
    );
    let entries = body["value"]
        .as_array()
        .ok_or_else(|| anyhow!("chromedriver returned no console log: {body}"))?;
    Ok(entries
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["level"].as_str().unwrap_or("?"),
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect())
}

/// No Content-Security-Policy violation on any page seen since the last
/// call. A message of our own first proves that the console is really read:
/// without it an empty log would pass without checking anything.
async fn no_csp_violations(driver: &Chromedriver, client: &Client) -> Result<()> {
    const PROBE: &str = "pocdir console probe";
    client
        .execute(&format!("console.warn('{PROBE}')"), vec![])
        .await?;
    let lines = console_log(driver, client)
        .await
        .context("the CSP check needs the browser's console log")?;
    for l in &lines {
        println!("console: {l}");
    }
    ensure!(
        lines.iter().any(|l| l.contains(PROBE)),
        "the console log lacks the probe message, so it cannot show CSP violations: {lines:#?}"
    );
    let csp: Vec<_> = lines
        .iter()
        .filter(|l| l.contains("Content Security Policy") || l.contains("Refused to"))
        .collect();
    ensure!(csp.is_empty(), "CSP violations in the console: {csp:#?}");
    Ok(())
}

/// Nominates a PoC through the API and has the secretariat verify it.
async fn verified_poc(server: &TestServer, code: &str, name: &str, email: &str) -> Result<()> {
    let http = reqwest::Client::new();
    let nominator = server.account(AccountKind::Nominator, Some(code)).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let body = json!({
        "role": "technical",
        "name": name,
        "title": "Duty officer",
        "organisation": "National CERT",
        "emails": [email],
        "phones": [{"number": "+44 20 7946 0321", "use": "24x7"}],
        "languages": ["fr", "en"],
        "time_zone": "Europe/Paris",
        "hours": "24/7"
    });
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
    Ok(())
}

/// The first journey; errors rather than panics, so the caller can always
/// close the browser and stop the server first.
async fn enrolment_journey(
    server: &TestServer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    let account = server
        .new_account(AccountKind::TechnicalPoc, Some("PAK"))
        .await;
    ensure!(
        account.totp_secret.is_none(),
        "the account should not be enrolled yet"
    );

    // Password step.
    client.goto(&server.url("/login")).await?;
    wait_for_path(client, "/login").await?;
    find(client, "#email")
        .await?
        .send_keys(&account.email)
        .await?;
    find(client, "#password")
        .await?
        .send_keys(&account.password)
        .await?;
    find(client, "#sign-in").await?.click().await?;

    // TOTP enrolment, from the secret as the page shows it.
    wait_for_path(client, "/login/enrol").await?;
    let shown = text_of(client, "#totp-secret").await?;
    let secret: String = shown.chars().filter(|c| !c.is_whitespace()).collect();
    ensure!(
        secret.len() >= 16 && secret.chars().all(|c| c.is_ascii_alphanumeric()),
        "unexpected TOTP secret on the page: {shown:?}"
    );
    screenshot(client, "enrol").await?;
    let code = pocdir_domain::totp::code_at(&secret, server.clock.now())
        .map_err(|e| anyhow!("TOTP code for the secret shown: {e:?}"))?;
    find(client, "#code").await?.send_keys(&code).await?;
    find(client, "#confirm-enrolment").await?.click().await?;

    // Recovery codes, shown once.
    find(client, "#recovery-codes").await?;
    let codes = client.find_all(Locator::Css("#recovery-codes li")).await?;
    ensure!(
        codes.len() == 10,
        "expected 10 recovery codes, saw {}",
        codes.len()
    );
    for c in &codes {
        ensure!(!c.text().await?.trim().is_empty(), "an empty recovery code");
    }
    find(client, "#continue").await?.click().await?;

    // The home, then the account page from the nav, in English.
    wait_for_path(client, "/").await?;
    find(client, "#nav-account").await?.click().await?;
    wait_for_path(client, "/account").await?;
    let shown_email = text_of(client, "#account-email").await?;
    ensure!(
        shown_email.trim() == account.email,
        "#account-email shows {shown_email:?}, expected {}",
        account.email
    );
    let (lang, dir) = lang_and_dir(client).await?;
    ensure!(
        lang == "en" && dir == "ltr",
        "English page has lang={lang:?} dir={dir:?}"
    );
    ensure!(
        !header_mirrored(client).await?,
        "the English header is laid out right to left"
    );
    screenshot(client, "account-en").await?;

    // Switch to Arabic: same page, right to left.
    choose_language(client, "ar").await?;
    let deadline = Instant::now() + PATIENCE;
    loop {
        let (lang, dir) = lang_and_dir(client).await?;
        if lang == "ar" && dir == "rtl" {
            break;
        }
        if Instant::now() > deadline {
            bail!("after choosing Arabic the page has lang={lang:?} dir={dir:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wait_for_path(client, "/account").await?;
    let heading = text_of(client, "main h1").await?;
    // `account-title` in crates/i18n/locales/ar/main.ftl.
    ensure!(
        heading.trim() == "حسابك",
        "Arabic account heading is {heading:?}"
    );
    let body = text_of(client, "body").await?;
    ensure!(
        body.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "no Arabic text on the Arabic page"
    );
    ensure!(
        text_of(client, "#account-email").await?.trim() == account.email,
        "the e-mail is still shown in Arabic"
    );
    ensure!(
        header_mirrored(client).await?,
        "the Arabic header is not mirrored"
    );
    screenshot(client, "account-ar").await?;

    // The directory, in Arabic: search, then open another State's PoC.
    verified_poc(server, "PAK", "Ayesha Malik", "ayesha@cert.pk.example.org").await?;
    verified_poc(
        server,
        "FRA",
        "Léa Fontaine",
        "lea.fontaine@cert.fr.example.org",
    )
    .await?;
    find(client, "#nav-directory").await?.click().await?;
    wait_for_path(client, "/directory").await?;
    ensure!(
        text_of(client, "main h1").await?.trim() == "دليل جهات الاتصال",
        "Arabic directory heading"
    );
    find(client, "#directory-search input[name=q]")
        .await?
        .send_keys("fontaine")
        .await?;
    find(client, "#directory-search button[type=submit]")
        .await?
        .click()
        .await?;
    let deadline = Instant::now() + PATIENCE;
    while !client.current_url().await?.as_str().contains("q=fontaine") {
        ensure!(Instant::now() < deadline, "the search did not run");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rows = client
        .find_all(Locator::Css("#directory-results tbody tr"))
        .await?;
    ensure!(rows.len() == 1, "expected one result, saw {}", rows.len());
    ensure!(
        text_of(client, "#directory-results")
            .await?
            .contains("Léa Fontaine"),
        "the result names the PoC"
    );
    screenshot(client, "directory-ar").await?;
    find(client, "#directory-results a.poc-link")
        .await?
        .click()
        .await?;
    let email = text_of(client, "a.poc-email").await?;
    ensure!(
        email.trim() == "lea.fontaine@cert.fr.example.org",
        "the PoC page shows the e-mail: {email:?}"
    );
    // The reader is told that the read was recorded (poc-read-logged, ar).
    ensure!(
        text_of(client, "main").await?.contains("سُجّل اطّلاعك"),
        "no notice that the read was recorded"
    );
    screenshot(client, "poc-ar").await?;

    // Sign out.
    sign_out(client).await?;
    find(client, "#nav-sign-in").await?;
    ensure!(
        client.find(Locator::Css("#sign-out")).await.is_err(),
        "a sign-out button is still shown after signing out"
    );
    client.goto(&server.url("/account")).await?;
    let url = wait_for_path(client, "/login").await?;
    println!("after sign-out, /account went to {url}");
    find(client, "#email").await?;

    no_csp_violations(driver, client).await
}

/// Waits until the page's root element has this `lang` and `dir`.
async fn wait_for_lang(client: &Client, lang: &str, dir: &str) -> Result<()> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let (l, d) = lang_and_dir(client).await?;
        if l == lang && d == dir {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("expected lang={lang:?} dir={dir:?}, the page has lang={l:?} dir={d:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the browser's path starts with `prefix`; returns the rest.
async fn wait_for_path_under(client: &Client, prefix: &str) -> Result<String> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let url = client.current_url().await?;
        if let Some(rest) = url.path().strip_prefix(prefix) {
            if !rest.is_empty() {
                return Ok(rest.to_string());
            }
        }
        if Instant::now() > deadline {
            bail!("expected to be under {prefix}, still on {url}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The links matching `css` whose text is `text` (none if there is none).
async fn links_with_text(
    client: &Client,
    css: &str,
    text: &str,
) -> Result<Vec<fantoccini::elements::Element>> {
    let mut found = Vec::new();
    for a in client.find_all(Locator::Css(css)).await? {
        if a.text().await?.trim() == text {
            found.push(a);
        }
    }
    Ok(found)
}

/// The current value of a form field.
async fn value_of(client: &Client, css: &str) -> Result<String> {
    Ok(find(client, css)
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

/// Scrolls the page so that the element is in the middle of the window
/// (for a screenshot that shows it).
async fn scroll_to(client: &Client, css: &str) -> Result<()> {
    let element = find(client, css).await?;
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&element)?],
        )
        .await?;
    Ok(())
}

/// Replaces what a text field holds with `text`, as a user would type it.
async fn type_into(client: &Client, css: &str, text: &str) -> Result<()> {
    let field = find(client, css).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

/// On an enrolment link's page: chooses `password`, then enrols TOTP
/// from the secret the next page shows, as at any first sign-in, and
/// lands signed in on the home. The TOTP secret, to sign in again.
async fn enrol(client: &Client, server: &TestServer, password: &str) -> Result<String> {
    type_into(client, "#new", password).await?;
    type_into(client, "#confirm", password).await?;
    find(client, "#enrol-password-submit")
        .await?
        .click()
        .await?;
    wait_for_path(client, "/login/enrol").await?;
    let secret: String = text_of(client, "#totp-secret")
        .await?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    type_into(client, "#code", &server.totp_now(&secret)).await?;
    find(client, "#confirm-enrolment").await?.click().await?;
    find(client, "#recovery-codes").await?;
    find(client, "#continue").await?.click().await?;
    // Each code is accepted once; the next sign-in gets the next one.
    server.next_totp_step();
    wait_for_path(client, "/").await?;
    Ok(secret)
}

/// Signs in on the login page the browser is on: password, then the TOTP
/// code the account's authenticator shows now. Lands on the home.
async fn sign_in(client: &Client, server: &TestServer, account: &TestAccount) -> Result<()> {
    wait_for_path(client, "/login").await?;
    type_into(client, "#email", &account.email).await?;
    type_into(client, "#password", &account.password).await?;
    find(client, "#sign-in").await?.click().await?;
    wait_for_path(client, "/login/mfa").await?;
    let secret = account
        .totp_secret
        .as_deref()
        .context("the account should be enrolled in TOTP")?;
    type_into(client, "#code", &server.totp_now(secret)).await?;
    find(client, "#verify").await?.click().await?;
    wait_for_path(client, "/").await?;
    // Each code is accepted once; the next sign-in gets the next one.
    server.next_totp_step();
    Ok(())
}

/// The technical PoC the nominator of Pakistan puts forward.
const NOMINEE: &str = "Ayesha Malik";
const NOMINEE_EMAIL: &str = "ayesha.malik@cert.pk.example.org";
const NOMINEE_PHONE: &str = "+92 51 910 0321";
const NOMINEE_ORGANISATION: &str = "Pakistan CERT";
/// Typed by name, in the reader's language (Arabic) and in English: the
/// language picker finds each (stored as `ur`, `en`).
const NOMINEE_LANGUAGES: [&str; 2] = ["الأوردية", "English"];
const NOMINEE_TIME_ZONE: &str = "Asia/Karachi";
/// The zone as the page shows it.
const NOMINEE_ZONE_SHOWN: &str = "(UTC+05:00) Karachi";
/// `Mon-Sat 08:00-20:00` in Arabic words (`values-hours` in values.ftl).
const NOMINEE_HOURS_SHOWN: &str = "من الاثنين إلى السبت، من 08:00 إلى 20:00";
const NOMINEE_HOURS: &str = "Mon-Sat 08:00-20:00";

/// The second journey. Pakistan's nominator, in Arabic, finds its State's
/// page and the nomination form from the home page by clicking only, sends
/// a technical PoC with a wrong e-mail address, sees the form again with the
/// error by the field and its other answers kept, corrects it and lands on
/// the PoC's page, awaiting verification. The secretariat, in English,
/// opens the verification queue from the nav, approves the nomination,
/// sees the queue empty and the PoC active on Pakistan's page; the log has
/// the nomination and the approval.
async fn nomination_journey(
    server: &TestServer,
    client: &Client,
    driver: &Chromedriver,
) -> Result<()> {
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;

    // The nominator signs in, then goes home and switches to Arabic.
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &nominator).await?;
    find(client, "header .brand").await?.click().await?;
    wait_for_path(client, "/").await?;
    choose_language(client, "ar").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    wait_for_path(client, "/").await?;
    ensure!(
        header_mirrored(client).await?,
        "the Arabic header is not mirrored"
    );
    screenshot(client, "nominate-1-home-ar").await?;

    // Home → the account → its State → the nomination form.
    find(client, "#nav-account").await?.click().await?;
    wait_for_path(client, "/account").await?;
    find(client, "#account-participant").await?.click().await?;
    wait_for_path(client, "/participants/PAK").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    // Not yet participating: no PoC verified so far (participant-pocs-none, ar).
    let none = text_of(client, "#pocs-none").await?;
    ensure!(
        none.trim() == "لا توجد حتى الآن جهة اتصال جرى التحقق منها.",
        "Pakistan's page says {none:?} about its PoCs"
    );
    screenshot(client, "nominate-2-state-ar").await?;
    find(client, "#nominate-link").await?.click().await?;
    wait_for_path(client, "/participants/PAK/nominate").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    let heading = text_of(client, "main h1").await?;
    // `nominate-title` in crates/i18n/locales/ar/directory.ftl.
    ensure!(
        heading.trim() == "ترشيح جهة اتصال",
        "Arabic nomination heading is {heading:?}"
    );

    // The form, with a wrong e-mail address.
    find(client, "input[name=role][value=technical]")
        .await?
        .click()
        .await?;
    type_into(client, "#name", NOMINEE).await?;
    type_into(client, "#organisation", NOMINEE_ORGANISATION).await?;
    type_into(client, "#emails", "ayesha.malik at cert.pk").await?;
    type_into(client, "#phone1", NOMINEE_PHONE).await?;
    find(client, "select[name=phone1_use]")
        .await?
        .select_by_value("24x7")
        .await?;
    type_into(client, "#language1", NOMINEE_LANGUAGES[0]).await?;
    type_into(client, "#language2", NOMINEE_LANGUAGES[1]).await?;
    find(client, "#time_zone")
        .await?
        .select_by_value(NOMINEE_TIME_ZONE)
        .await?;
    type_into(client, "#hours", NOMINEE_HOURS).await?;
    screenshot(client, "nominate-3-form-ar").await?;
    find(client, "#poc-submit").await?.click().await?;

    // The form again: the error by the e-mail field, in Arabic, and
    // everything else as typed.
    let error = text_of(client, "#error-emails").await?;
    // `poc-error-email` in crates/i18n/locales/ar/main.ftl.
    ensure!(
        error.trim() == "هذا ليس عنوان بريد إلكتروني.",
        "the e-mail field's error is {error:?}"
    );
    wait_for_path(client, "/participants/PAK/nominate").await?;
    wait_for_lang(client, "ar", "rtl").await?;
    find(client, "#error-message").await?;
    let shown_errors = client.find_all(Locator::Css(".field-error")).await?;
    ensure!(
        shown_errors.len() == 1,
        "expected one field in error, saw {}",
        shown_errors.len()
    );
    for (css, typed) in [
        ("#name", NOMINEE),
        ("#organisation", NOMINEE_ORGANISATION),
        ("#emails", "ayesha.malik at cert.pk"),
        ("#phone1", NOMINEE_PHONE),
        ("select[name=phone1_use]", "24x7"),
        ("#language1", NOMINEE_LANGUAGES[0]),
        ("#language2", NOMINEE_LANGUAGES[1]),
        ("#time_zone", NOMINEE_TIME_ZONE),
        ("#hours", NOMINEE_HOURS),
        ("input[name=role]:checked", "technical"),
    ] {
        let kept = value_of(client, css).await?;
        ensure!(
            kept == typed,
            "{css} holds {kept:?} after the error, {typed:?} was typed"
        );
    }
    scroll_to(client, "#error-emails").await?;
    screenshot(client, "nominate-4-error-ar").await?;

    // Corrected and sent: the PoC's page, awaiting verification.
    type_into(client, "#emails", NOMINEE_EMAIL).await?;
    find(client, "#poc-submit").await?.click().await?;
    let id = wait_for_path_under(client, "/pocs/").await?;
    ensure!(
        id.chars().all(|c| c.is_ascii_digit()),
        "after nominating, the browser is on /pocs/{id}"
    );
    wait_for_lang(client, "ar", "rtl").await?;
    let status = text_of(client, "#poc-status").await?;
    // `poc-status-pending` and `poc-pending-create` (ar).
    ensure!(
        status.contains("بانتظار التحقق") && status.contains("ترشيح جديد"),
        "the new PoC's status reads {status:?}"
    );
    let proposed = text_of(client, "#poc-proposed").await?;
    for part in [
        NOMINEE,
        NOMINEE_EMAIL,
        NOMINEE_ZONE_SHOWN,
        NOMINEE_HOURS_SHOWN,
        "الأوردية، الإنجليزية",
    ] {
        ensure!(
            proposed.contains(part),
            "the nomination's page does not show {part:?}: {proposed:?}"
        );
    }
    screenshot(client, "nominate-5-pending-ar").await?;
    no_csp_violations(driver, client).await?;

    // Signing out leads to the login page, where the secretariat signs in.
    sign_out(client).await?;
    find(client, "#nav-sign-in").await?;
    if client.current_url().await?.path() != "/login" {
        find(client, "#nav-sign-in").await?.click().await?;
    }
    sign_in(client, server, &secretariat).await?;

    // The browser still speaks Arabic: back to English, then home.
    wait_for_lang(client, "ar", "rtl").await?;
    choose_language(client, "en").await?;
    wait_for_lang(client, "en", "ltr").await?;
    find(client, "header .brand").await?.click().await?;
    wait_for_path(client, "/").await?;

    // The verification queue, from the nav: the nomination is there.
    find(client, "#nav-nominations").await?.click().await?;
    wait_for_path(client, "/nominations").await?;
    let queue = text_of(client, "#queue").await?;
    ensure!(
        queue.contains("Pakistan") && queue.contains("new nomination awaiting verification"),
        "the queue does not show Pakistan's new nomination: {queue:?}"
    );
    screenshot(client, "nominate-6-queue-en").await?;
    let mut items = links_with_text(client, "#queue a.queue-item", NOMINEE).await?;
    ensure!(
        items.len() == 1,
        "expected {NOMINEE} once in the queue, saw {}",
        items.len()
    );
    items.remove(0).click().await?;
    wait_for_path(client, &format!("/pocs/{id}")).await?;
    let status = text_of(client, "#poc-status").await?;
    ensure!(
        status.contains("Awaiting verification"),
        "before the decision the status reads {status:?}"
    );
    ensure!(
        text_of(client, "#poc-proposed")
            .await?
            .contains(NOMINEE_EMAIL),
        "the secretariat does not see what was nominated"
    );
    scroll_to(client, "#poc-approve").await?;
    screenshot(client, "nominate-7-decision-en").await?;
    find(client, "#poc-approve").await?.click().await?;

    // Back on the queue, now empty.
    wait_for_path(client, "/nominations").await?;
    find(client, "#queue-empty").await?;
    ensure!(
        links_with_text(client, "a.queue-item", NOMINEE)
            .await?
            .is_empty(),
        "{NOMINEE} is still in the queue after the approval"
    );
    screenshot(client, "nominate-8-queue-empty-en").await?;

    // Pakistan now takes part: listed, with its PoC active.
    find(client, "#nav-participants").await?.click().await?;
    wait_for_path(client, "/participants").await?;
    find(client, "#participants a[href='/participants/PAK']")
        .await?
        .click()
        .await?;
    wait_for_path(client, "/participants/PAK").await?;
    let mut cards = links_with_text(client, "section.poc h3 a", NOMINEE).await?;
    ensure!(
        cards.len() == 1,
        "expected {NOMINEE} once on Pakistan's page, saw {}",
        cards.len()
    );
    ensure!(
        client
            .find(Locator::Css("section.poc .notice"))
            .await
            .is_err(),
        "Pakistan's page still marks a PoC as awaiting verification"
    );
    screenshot(client, "nominate-9-state-en").await?;
    cards.remove(0).click().await?;
    wait_for_path(client, &format!("/pocs/{id}")).await?;
    let status = text_of(client, "#poc-status").await?;
    ensure!(
        status.trim() == "Active",
        "after the approval the status reads {status:?}"
    );
    ensure!(
        text_of(client, "#poc-details")
            .await?
            .contains(NOMINEE_EMAIL),
        "the active PoC's details are not shown"
    );
    screenshot(client, "nominate-10-active-en").await?;
    no_csp_violations(driver, client).await?;
    sign_out(client).await?;
    find(client, "#nav-sign-in").await?;

    // The log has the nomination by Pakistan's nominator and the approval
    // by the secretariat.
    let object = format!("poc:{id}");
    let log: Value = reqwest::Client::new()
        .get(server.url("/api/v1/log/entries?start=0&end=1000"))
        .bearer_auth(server.token(&secretariat, "read").await)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let entries = log["entries"]
        .as_array()
        .context("the log's entries are not a list")?;
    for (action, by) in [
        ("poc.propose", nominator.id),
        ("poc.approve", secretariat.id),
    ] {
        ensure!(
            entries.iter().any(|e| e["action"] == json!(action)
                && e["object"] == json!(object)
                && e["actor"]["account_id"] == json!(by)
                && e["participant"] == json!("PAK")),
            "no {action} of {object} by account {by} in the log: {entries:#?}"
        );
    }
    Ok(())
}

/// A headless Chromium driven through its own chromedriver, with its own
/// profile (so its own cookies).
struct Browser {
    driver: Chromedriver,
    client: Client,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn open() -> Browser {
        // fantoccini's rustls connector asks for rustls' process-wide crypto
        // provider, and this build has two (ring and aws-lc-rs), so pick one.
        let _ = rustls::crypto::ring::default_provider().install_default();

        let driver = Chromedriver::start().await.unwrap();
        let profile = tempfile::tempdir().unwrap();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".to_string(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                // Saved files land where a journey can read them
                // (`Browser::downloads`), without a dialog.
                "prefs": {
                    "download.default_directory": profile.path().join("downloads"),
                    "download.prompt_for_download": false,
                },
            }),
        );
        caps.insert("goog:loggingPrefs".to_string(), json!({"browser": "ALL"}));
        let client = ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .expect("a Chromium session through chromedriver");
        Browser {
            driver,
            client,
            _profile: profile,
        }
    }

    /// Where the files this browser saves go.
    fn downloads(&self) -> PathBuf {
        self._profile.path().join("downloads")
    }

    /// Closes the browser and stops the server whatever the journey's
    /// outcome (a screenshot of the page it failed on first), then fails
    /// the test if the journey did.
    async fn finish(self, server: TestServer, outcome: Result<()>, name: &str, started: Instant) {
        if outcome.is_err() {
            let _ = screenshot(&self.client, &format!("{name}-failure")).await;
            if let Ok(url) = self.client.current_url().await {
                eprintln!("{name} failed on {url}");
            }
        }
        let closed = self.client.close().await;
        server.stop().await;
        drop(self.driver);
        outcome.unwrap();
        closed.unwrap();
        println!("browser journey {name} took {:?}", started.elapsed());
    }
}

// The journeys run one after the other: two Chromiums at once on a small
// machine make each page slow enough to look like a failure.
static ONE_BROWSER_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_with_totp_enrolment_arabic_and_sign_out() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    // Cookies are `Secure`; Chromium takes them from http://127.0.0.1 (a
    // potentially trustworthy origin), so the server runs as configured.
    let server = TestServer::start().await;
    let outcome = enrolment_journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "enrolment", started).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nomination_in_arabic_verified_by_the_secretariat_in_english() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = nomination_journey(&server, &browser.client, &browser.driver).await;
    browser.finish(server, outcome, "nomination", started).await;
}

// Security keys in the real browser (Chromium's virtual authenticator).
mod passkeys;
