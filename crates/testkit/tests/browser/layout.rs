//! The layout holds at every width and in every language (issue 11, "Done
//! when"), checked in the real browser on the demo's directory:
//! - the home page, the directory search, a PoC's page, the nomination form
//!   and the secretariat's queue, at 390, 1366 and 1920 px wide, in English,
//!   Arabic and Chinese: a full-page screenshot of each is kept in
//!   `test-output/screenshots/layout/`; the page must not scroll sideways;
//!   axe-core, run in the page, must find no serious or critical violation;
//! - the header keeps to one line at 1366 px in all six languages;
//! - the secretariat's other pages do not scroll sideways at 390 px.
//!
//! axe-core comes from npm, pinned, installed by `scripts/test` into
//! `test-output/axe/` (or the file named by `POCDIR_AXE_JS`). Every failure
//! is collected first and reported together, so one run shows them all.

use super::{find, screenshot_dir, sign_in, wait_for_path, Browser, ONE_BROWSER_AT_A_TIME};
use anyhow::{anyhow, bail, ensure, Context, Result};
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::Client;
use pocdir::demo::{seed, DemoLogin, DemoOutcome};
use pocdir_domain::account::AccountKind;
use pocdir_domain::entropy::OsEntropy;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::json;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const WIDTHS: [u32; 3] = [390, 1366, 1920];
const LANGS: [&str; 3] = ["en", "ar", "zh"];
const ALL_LANGS: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];
/// More of the secretariat's pages, checked for sideways scrolling at 390 px.
const OTHER_PAGES: [&str; 8] = [
    "/account",
    "/communications",
    "/participants",
    "/participants/PAK",
    "/audit",
    "/outbox",
    "/revalidation",
    "/directory/import",
];
/// The height of the window: the screenshots take the whole page anyway.
const HEIGHT: u32 = 900;
/// Screenshots stop this far down (a long table would make huge files).
const MAX_SHOT_HEIGHT: u64 = 6000;

/// Where axe-core's browser bundle is: `POCDIR_AXE_JS`, else where
/// `scripts/test` installs it.
pub(super) fn axe_source() -> Result<String> {
    let path = std::env::var_os("POCDIR_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            screenshot_dir()
                .parent()
                .map(|p| p.join("axe/node_modules/axe-core/axe.min.js"))
                .unwrap_or_default()
        });
    std::fs::read_to_string(&path).with_context(|| {
        format!(
            "axe-core is missing at {}: run scripts/test, which installs it, or \
             `npm install --prefix test-output/axe axe-core@4.14.1`",
            path.display()
        )
    })
}

/// Sets the size of the page's viewport (not of the window around it).
async fn set_viewport(client: &Client, width: u32) -> Result<()> {
    client.set_window_size(width, HEIGHT).await?;
    let inner = client
        .execute("return window.innerWidth;", vec![])
        .await?
        .as_u64()
        .unwrap_or(u64::from(width));
    let inner = u32::try_from(inner).unwrap_or(width);
    if inner != width {
        client
            .set_window_size(width + width.saturating_sub(inner), HEIGHT)
            .await?;
    }
    let inner = client.execute("return window.innerWidth;", vec![]).await?;
    ensure!(
        inner == json!(width),
        "the viewport is {inner} px wide, not {width}"
    );
    Ok(())
}

/// A screenshot of the whole page: the window grows to the page's height
/// for it, then shrinks back (DevTools' own full-page capture shifts
/// right-to-left pages sideways).
async fn full_page_screenshot(client: &Client, name: &str) -> Result<()> {
    let v = client
        .execute(
            "return [document.documentElement.scrollHeight, window.innerHeight];",
            vec![],
        )
        .await?;
    let page = v[0].as_u64().unwrap_or(u64::from(HEIGHT));
    let inner = v[1].as_u64().unwrap_or(u64::from(HEIGHT));
    let (width, outer) = client.get_window_size().await?;
    let chrome = outer.saturating_sub(inner);
    let tall = u32::try_from(page.min(MAX_SHOT_HEIGHT) + chrome).unwrap_or(HEIGHT);
    client.set_window_size(u32::try_from(width)?, tall).await?;
    let png = client.screenshot().await.context("take a screenshot");
    client
        .set_window_size(u32::try_from(width)?, u32::try_from(outer)?)
        .await?;
    let png = png?;
    ensure!(
        png.starts_with(b"\x89PNG"),
        "the screenshot {name} is not a PNG"
    );
    let dir = screenshot_dir().join("layout");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).with_context(|| format!("write {}", path.display()))?;
    Ok(())
}

/// How far the page is wider than its viewport less its scroll bar (0 when
/// it does not scroll sideways), and the first elements that stick out, to
/// say what to fix.
async fn sideways_overflow(client: &Client) -> Result<(i64, Vec<String>)> {
    let v = client
        .execute(
            "const w = document.documentElement.clientWidth;\
             const over = document.documentElement.scrollWidth - w;\
             const out = [];\
             if (over > 0) {\
               for (const e of document.querySelectorAll('body *')) {\
                 const r = e.getBoundingClientRect();\
                 if (r.right > w + 1 || r.left < -1) {\
                   const id = e.id ? '#' + e.id : '';\
                   const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '';\
                   out.push(e.tagName.toLowerCase() + id + cls + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']');\
                   if (out.length >= 8) break;\
                 }\
               }\
             }\
             return [over, out];",
            vec![],
        )
        .await?;
    let over = v[0].as_i64().unwrap_or_default();
    let culprits = v[1]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    Ok((over, culprits))
}

/// axe-core's serious and critical violations on the page, one line each,
/// and the number of all its violations (of any impact).
pub(super) async fn axe_violations(client: &Client, axe: &str) -> Result<(Vec<String>, usize)> {
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if loaded != json!(true) {
        client.execute(axe, vec![]).await.context("load axe-core")?;
    }
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, {resultTypes: ['violations']})\
               .then(r => done(r.violations.map(v => ({\
                 id: v.id, impact: v.impact, help: v.help,\
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '))\
               }))))\
               .catch(e => done({error: String(e)}));",
            vec![],
        )
        .await
        .context("run axe-core")?;
    if let Some(e) = result.get("error") {
        bail!("axe-core failed: {e}");
    }
    let all = result
        .as_array()
        .ok_or_else(|| anyhow!("axe-core answered {result}"))?;
    let grave = all
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .map(|n| {
                    n.iter()
                        .filter_map(|x| x.as_str().map(|s| format!("      {s}")))
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "{} ({}): {}\n{}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                nodes.join("\n")
            )
        })
        .collect();
    Ok((grave, all.len()))
}

/// axe-core really checks this page: an image without a text alternative,
/// added for the check and removed after it, must be reported (as
/// `image-alt`, critical). Without this, a checker that never ran would pass.
async fn axe_sees_a_planted_fault(client: &Client, axe: &str) -> Result<()> {
    client
        .execute(
            "const i = document.createElement('img'); i.id = 'axe-probe'; i.src = '/static/favicon.svg';\
             document.querySelector('main').appendChild(i);",
            vec![],
        )
        .await?;
    let (grave, _) = axe_violations(client, axe).await?;
    client
        .execute("document.getElementById('axe-probe').remove();", vec![])
        .await?;
    ensure!(
        grave
            .iter()
            .any(|v| v.starts_with("image-alt") && v.contains("axe-probe")),
        "axe-core did not report an image without alt text: {grave:#?}"
    );
    Ok(())
}

/// Whether the header's parts sit on one line: every direct child's box
/// overlaps every other's vertically, and nothing in it overflows.
async fn header_on_one_line(client: &Client) -> Result<std::result::Result<(), String>> {
    let v = client
        .execute(
            "const top = document.querySelector('header.top');\
             const boxes = [...top.children].filter(e => e.offsetParent !== null || e.getClientRects().length)\
               .map(e => [e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''), e.getBoundingClientRect()])\
               .filter(([_, r]) => r.width > 1 && r.height > 1);\
             const lowestTop = Math.max(...boxes.map(([_, r]) => r.top));\
             const highestBottom = Math.min(...boxes.map(([_, r]) => r.bottom));\
             const links = [...top.querySelectorAll('nav a, nav button, summary')].filter(e => e.getClientRects().length > 1).map(e => e.textContent.trim());\
             return {one: lowestTop < highestBottom && top.scrollWidth <= top.clientWidth && links.length === 0,\
                     height: top.getBoundingClientRect().height, scroll: top.scrollWidth, client: top.clientWidth,\
                     wrapped: links,\
                     parts: boxes.map(([n, r]) => n + ' ' + Math.round(r.left) + ',' + Math.round(r.top) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))};",
            vec![],
        )
        .await?;
    if v["one"] == json!(true) {
        Ok(Ok(()))
    } else {
        Ok(Err(v.to_string()))
    }
}

/// Opens `path` in `lang` (the language link of the frame, as a person
/// would pick it) and waits for it.
async fn open_in(client: &Client, server: &TestServer, lang: &str, path: &str) -> Result<()> {
    let next: String = url::form_urlencoded::byte_serialize(path.as_bytes()).collect();
    client
        .goto(&server.url(&format!("/lang/{lang}?next={next}")))
        .await?;
    wait_for_path(client, path.split('?').next().unwrap_or(path)).await?;
    let lang_now = client
        .execute("return document.documentElement.lang;", vec![])
        .await?;
    ensure!(
        lang_now == json!(lang),
        "{path} is in {lang_now}, not {lang}"
    );
    find(client, "main h1").await?;
    Ok(())
}

fn account_of(login: &DemoLogin) -> TestAccount {
    TestAccount {
        id: 0,
        email: login.email.clone(),
        password: login.password.clone(),
        kind: login.kind,
        participant: login.participant.clone(),
        totp_secret: Some(login.totp_secret.clone()),
    }
}

async fn sign_in_as(client: &Client, server: &TestServer, account: &TestAccount) -> Result<()> {
    client.delete_all_cookies().await?;
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, account).await
}

/// The pages of the "Done when" list: (name, path, who looks at it).
fn pages(poc_id: i64) -> Vec<(&'static str, String, AccountKind)> {
    vec![
        ("home", "/".to_string(), AccountKind::Secretariat),
        (
            "directory",
            "/directory".to_string(),
            AccountKind::Secretariat,
        ),
        ("poc", format!("/pocs/{poc_id}"), AccountKind::Secretariat),
        (
            "queue",
            "/nominations".to_string(),
            AccountKind::Secretariat,
        ),
        (
            "nominate",
            "/participants/PAK/nominate".to_string(),
            AccountKind::Nominator,
        ),
    ]
}

async fn layout_checks(server: &TestServer, client: &Client) -> Result<()> {
    let axe = axe_source()?;
    client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(120)),
            Some(Duration::from_secs(60)),
            None,
        ))
        .await?;
    let logins = match seed(
        server.store.as_ref(),
        &server.clock,
        &OsEntropy,
        server.data_dir.path(),
    )
    .await?
    {
        DemoOutcome::Created(logins) => logins,
        DemoOutcome::AlreadyThere(_) => bail!("the test server's database is not empty"),
    };
    let login = |kind: AccountKind, participant: Option<&str>| {
        logins
            .iter()
            .find(|l| l.kind == kind && l.participant.as_deref() == participant)
            .map(account_of)
            .ok_or_else(|| anyhow!("the demo has no {kind:?} of {participant:?}"))
    };
    let secretariat = login(AccountKind::Secretariat, None)?;
    let nominator = login(AccountKind::Nominator, Some("PAK"))?;
    // A PoC page with the most to show: one that publishes an OpenPGP key.
    let active = server.store.active_pocs().await?;
    let poc_id = active
        .iter()
        .find(|p| {
            p.active_details()
                .ok()
                .flatten()
                .is_some_and(|d| d.openpgp.is_some())
        })
        .or(active.first())
        .map(|p| p.id)
        .context("the demo has active PoCs")?;

    let mut failures: Vec<String> = Vec::new();
    let mut checked = 0;
    let mut violations_seen = 0;
    let mut signed_in_as = None;
    for (name, path, kind) in pages(poc_id) {
        if signed_in_as != Some(kind) {
            let account = if kind == AccountKind::Nominator {
                &nominator
            } else {
                &secretariat
            };
            sign_in_as(client, server, account).await?;
            signed_in_as = Some(kind);
        }
        for lang in LANGS {
            for width in WIDTHS {
                set_viewport(client, width).await?;
                open_in(client, server, lang, &path).await?;
                let shot = format!("{name}-{width}-{lang}");
                full_page_screenshot(client, &shot).await?;
                let (over, culprits) = sideways_overflow(client).await?;
                if over > 0 {
                    failures.push(format!(
                        "{shot}: the page scrolls sideways by {over} px; sticking out: {culprits:?}"
                    ));
                }
                if checked == 0 {
                    axe_sees_a_planted_fault(client, &axe).await?;
                }
                let (grave, all) = axe_violations(client, &axe).await?;
                violations_seen += all;
                for v in grave {
                    failures.push(format!("{shot}: axe: {v}"));
                }
                checked += 1;
            }
        }
    }

    // The header on one line at 1366 px, in all six languages, for the
    // secretariat, who has the most links.
    sign_in_as(client, server, &secretariat).await?;
    set_viewport(client, 1366).await?;
    for lang in ALL_LANGS {
        open_in(client, server, lang, "/directory").await?;
        if let Err(detail) = header_on_one_line(client).await? {
            full_page_screenshot(client, &format!("header-1366-{lang}")).await?;
            failures.push(format!(
                "header-1366-{lang}: the header takes more than one line: {detail}"
            ));
        }
    }

    // The secretariat's other pages hold at 390 px too (no screenshots:
    // sideways scrolling only, left to right and right to left).
    set_viewport(client, 390).await?;
    for path in OTHER_PAGES {
        for lang in ["en", "ar"] {
            open_in(client, server, lang, path).await?;
            let (over, culprits) = sideways_overflow(client).await?;
            if over > 0 {
                failures.push(format!(
                    "{path} at 390 px in {lang}: the page scrolls sideways by {over} px; sticking out: {culprits:?}"
                ));
            }
        }
    }

    println!(
        "layout: {checked} page views checked (5 pages × 3 widths × 3 languages), \
         {violations_seen} axe violations of any impact, {} failures",
        failures.len()
    );
    ensure!(
        failures.is_empty(),
        "{} layout failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn layout_holds_at_every_width_in_every_language_without_accessibility_faults() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = layout_checks(&server, &browser.client).await;
    browser.finish(server, outcome, "layout", started).await;
}
