//! Values in right-to-left text, as Chromium lays them out: on the Arabic
//! page of a State, a PoC's phone keeps its digit groups in their order
//! (`+44` to the left of the last group), because the page isolates it
//! left to right; its use and the hours read in Arabic.

use super::{
    find, screenshot, sign_in, verified_poc, wait_for_lang, AccountKind, Browser, Client, Result,
    TestServer, ONE_BROWSER_AT_A_TIME,
};
use anyhow::{ensure, Context};
use std::time::Instant;

/// Where, in the page, the first phone's digit groups are drawn.
const PHONE_LAYOUT: &str = r#"
const bdi = document.querySelector('a.phone bdi');
if (!bdi) { return null; }
const text = bdi.firstChild;
const s = text.textContent;
const left = (part) => {
  const i = s.indexOf(part);
  const r = document.createRange();
  r.setStart(text, i);
  r.setEnd(text, i + part.length);
  return r.getBoundingClientRect().left;
};
const use = bdi.parentElement.nextElementSibling;
return [document.documentElement.dir, s, left('+44'), left('0321'), use ? use.textContent : ''];
"#;

async fn phone_journey(server: &TestServer, client: &Client) -> Result<()> {
    // A verified PoC of France with an around-the-clock phone.
    verified_poc(
        server,
        "FRA",
        "Claire Dubois",
        "claire.dubois@cert.fr.example.org",
    )
    .await?;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    client.goto(&server.url("/login")).await?;
    sign_in(client, server, &secretariat).await?;
    client
        .goto(&server.url("/lang/ar?next=/participants/FRA"))
        .await?;
    wait_for_lang(client, "ar", "rtl").await?;
    let layout = client.execute(PHONE_LAYOUT, vec![]).await?;
    let layout = layout.as_array().context("no phone on France's page")?;
    let text = |i: usize| layout.get(i).and_then(|v| v.as_str()).unwrap_or_default();
    let x = |i: usize| layout.get(i).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    ensure!(text(0) == "rtl", "the page is not right to left");
    ensure!(
        text(1) == "+44 20 7946 0321",
        "the phone is shown as {:?}",
        text(1)
    );
    ensure!(
        x(2) < x(3),
        "the digit groups are reversed: +44 at {}, 0321 at {}",
        x(2),
        x(3)
    );
    // `poc-phone-24x7` in Arabic, beside the number.
    ensure!(
        text(4) == "(على مدار الساعة)",
        "the phone's use reads {:?}",
        text(4)
    );
    screenshot(client, "values-phone-ar").await?;

    // The nomination form's example phone, in the legend of the phones.
    super::sign_out(client).await?;
    // Signed out once the page offers to sign in again.
    find(client, "#nav-sign-in").await?;
    client.goto(&server.url("/login")).await?;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    sign_in(client, server, &nominator).await?;
    client
        .goto(&server.url("/participants/PAK/nominate"))
        .await?;
    wait_for_lang(client, "ar", "rtl").await?;
    let layout = client.execute(EXAMPLE_LAYOUT, vec![]).await?;
    let layout = layout.as_array().context("no example phone on the form")?;
    let text = |i: usize| layout.get(i).and_then(|v| v.as_str()).unwrap_or_default();
    let x = |i: usize| layout.get(i).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    ensure!(
        text(0) == "+41 22 917 12 34",
        "the example reads {:?}",
        text(0)
    );
    ensure!(
        x(1) < x(2) && x(2) < x(3),
        "the example's groups are reversed: +41 at {}, 917 at {}, 34 at {}",
        x(1),
        x(2),
        x(3)
    );
    Ok(())
}

/// Where the form's example phone (`+41 22 917 12 34`) draws its groups.
const EXAMPLE_LAYOUT: &str = r#"
const bdi = document.querySelector('fieldset legend bdi[dir=ltr]');
if (!bdi) { return null; }
const text = bdi.firstChild;
const s = text.textContent;
const left = (at, len) => {
  const r = document.createRange();
  r.setStart(text, at);
  r.setEnd(text, at + len);
  return r.getBoundingClientRect().left;
};
return [s, left(s.indexOf('+41'), 3), left(s.indexOf('917'), 3), left(s.lastIndexOf('34'), 2)];
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phones_keep_their_digit_order_on_arabic_pages() {
    let _turn = ONE_BROWSER_AT_A_TIME.lock().await;
    let started = Instant::now();
    let browser = Browser::open().await;
    let server = TestServer::start().await;
    let outcome = phone_journey(&server, &browser.client).await;
    browser
        .finish(server, outcome, "values-phone", started)
        .await;
}
