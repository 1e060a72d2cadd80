//! The home of each kind of account and the public page: what each shows
//! is what its reader may see, and every page a kind may open is reached
//! from its home by following links (none is orphaned).

use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::policy::{decide, Action, Actor, Decision, Scopes};
use pocdir_testkit::{TestAccount, TestServer, WebClient};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Nominates a PoC of `code` with `email` and, if `verify`, has the
/// secretariat approve it. Returns its id.
pub(crate) async fn poc(
    server: &TestServer,
    // The State's nominator, and the secretariat that verifies.
    (nominator, secretariat): (&TestAccount, &TestAccount),
    code: &str,
    role: &str,
    name: &str,
    email: &str,
    verify: bool,
) -> i64 {
    let http = reqwest::Client::new();
    let body = json!({
        "role": role,
        "name": name,
        "title": "Duty officer",
        "organisation": "Ministry",
        "emails": [email],
        "phones": [{"number": "+44 20 7946 0321", "use": "office"}],
        "languages": ["en"],
        "time_zone": "Europe/London",
        "hours": "Mon-Fri 09:00-17:00"
    });
    let created: Value = http
        .post(server.url(&format!("/api/v1/participants/{code}/pocs")))
        .bearer_auth(server.token(nominator, "write").await)
        .json(&body)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_i64().unwrap();
    if verify {
        http.post(server.url(&format!("/api/v1/pocs/{id}/decision")))
            .bearer_auth(server.token(secretariat, "write").await)
            .json(&json!({"version": created["version"], "approve": true}))
            .send()
            .await
            .unwrap()
            .error_for_status()
            .unwrap();
    }
    id
}

/// The cast: one account of each kind (PoCs and a nominator of Pakistan, a
/// nominator of France), Pakistan and France taking part, each PoC
/// account with an entry of its own, a nomination of each State waiting.
struct Cast {
    secretariat: TestAccount,
    nominator: TestAccount,
    nominator_fra: TestAccount,
    diplomatic: TestAccount,
    technical: TestAccount,
    auditor: TestAccount,
    reporter: TestAccount,
    /// (PAK diplomatic, PAK technical, PAK pending, FRA active, FRA pending)
    ids: [i64; 5],
}

async fn cast(server: &TestServer) -> Cast {
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let nominator_fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let diplomatic = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let technical = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    // A vetted reporter (its report is sent below, once Pakistan has PoCs).
    let (vetted, _) = crate::reports_api::approved_reporter(server, "Eastwind Labs").await;
    let reporter = vetted.account.clone();
    // An application waiting for the secretariat's vetting.
    let applied = server
        .client()
        .post_form(
            "/reporters/apply",
            &[
                ("organisation", "Northwind Security Research"),
                ("country", "DEU"),
                ("website", "https://northwind.example.org/"),
                ("contact_name", "Jana Weber"),
                ("contact_email", "jana@northwind.example.org"),
                ("language", "en"),
                (
                    "why",
                    "We find vulnerabilities in industrial control systems.",
                ),
            ],
        )
        .await;
    assert_eq!(applied.status(), 303);
    let (n, s) = (&nominator, &secretariat);
    let d = poc(
        server,
        (n, s),
        "PAK",
        "diplomatic",
        "Imran Siddiqui",
        &diplomatic.email,
        true,
    )
    .await;
    let t = poc(
        server,
        (n, s),
        "PAK",
        "technical",
        "Ayesha Malik",
        &technical.email,
        true,
    )
    .await;
    let p = poc(
        server,
        (n, s),
        "PAK",
        "technical",
        "Bilal Khan",
        "bilal@cert.pk.example.org",
        false,
    )
    .await;
    let f = &nominator_fra;
    let fa = poc(
        server,
        (f, s),
        "FRA",
        "technical",
        "Léa Fontaine",
        "lea@cert.fr.example.org",
        true,
    )
    .await;
    let fp = poc(
        server,
        (f, s),
        "FRA",
        "diplomatic",
        "Julien Moreau",
        "julien@mfa.fr.example.org",
        false,
    )
    .await;
    // A communication from France's technical PoC to Pakistan's PoCs, with
    // a file, so that the inbox, the thread and its forms have one to show.
    let fra_technical = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let sent = server
        .signed_in(&fra_technical)
        .await
        .post_multipart(
            "/communications/new",
            &[
                ("kind", "incident_notification"),
                ("urgency", "urgent"),
                ("tlp", "AMBER"),
                ("address", "states"),
                ("states", "PAK"),
                ("roles", "both"),
                ("subject", "Ransomware at a grid operator"),
                ("text", "Indicators attached."),
                ("text_language", "en"),
            ],
            &[("attachments", "indicators.txt", b"203.0.113.7\n")],
        )
        .await;
    assert_eq!(sent.status(), 303, "{}", sent.text().await.unwrap());
    // A ping test that starts now, so that its pages have one to show.
    let ping = server
        .signed_in(&secretariat)
        .await
        .post_form(
            "/ping-tests/new",
            &[("title", "Reachability check"), ("roles", "both")],
        )
        .await;
    assert_eq!(ping.status(), 303, "{}", ping.text().await.unwrap());
    // A report from the vetted reporter to Pakistan, so that the reports'
    // pages have one to show.
    let report = server
        .signed_in(&reporter)
        .await
        .post_multipart(
            "/reports/new",
            &[
                ("category", "vulnerability"),
                ("tlp", "AMBER"),
                ("title", "RCE in ExampleVPN"),
                ("description", "A crafted request runs code as root."),
                ("products", "ExampleVPN Gateway: < 9.4.2"),
                ("states", "PAK"),
                ("stix_bundle", crate::reports_api::STIX),
            ],
            &[],
        )
        .await;
    assert_eq!(report.status(), 303, "{}", report.text().await.unwrap());
    // An exercise of Pakistan and France, started: its first inject (at
    // minute 0, to both roles) is in the PoCs' exercise inbox, and its
    // console and report have something to show.
    let facilitator = server.signed_in(&secretariat).await;
    let prepared = facilitator
        .post_multipart(
            "/exercises",
            &[
                ("example", "grid-ransomware"),
                ("states", "PAK"),
                ("states", "FRA"),
            ],
            &[],
        )
        .await;
    assert_eq!(prepared.status(), 303, "{}", prepared.text().await.unwrap());
    let console = prepared.headers()["location"].to_str().unwrap().to_string();
    let console = console.split('?').next().unwrap().to_string();
    let started = facilitator
        .post_form(&format!("{console}/step"), &[("step", "start")])
        .await;
    assert_eq!(started.status(), 303, "{}", started.text().await.unwrap());
    // A request for capacity building from Pakistan with France's offer,
    // so that the requests' pages and their forms have one to show.
    let filed = server
        .signed_in(&diplomatic)
        .await
        .post_form(
            "/capacity/requests",
            &[
                ("areas", "incident_response"),
                ("description", "Help to set up a national CSIRT."),
                ("languages", "en"),
                ("format", "training"),
                ("needed_by", "2030-06-30"),
                ("visibility", "all_providers"),
            ],
        )
        .await;
    assert_eq!(filed.status(), 303, "{}", filed.text().await.unwrap());
    let request = filed.headers()["location"].to_str().unwrap().to_string();
    let request = request.split('?').next().unwrap().to_string();
    let offered = server
        .signed_in(&fra_technical)
        .await
        .post_form(
            &format!("{request}/offers"),
            &[
                ("description", "Two trainers for a week."),
                ("languages", "en"),
                ("format", "training"),
            ],
        )
        .await;
    assert_eq!(offered.status(), 303, "{}", offered.text().await.unwrap());
    // Each kind that takes e-learning has a quiz open, so that the
    // attempt's page has one to show.
    for account in [&secretariat, &nominator, &diplomatic, &technical] {
        let opened = server
            .signed_in(account)
            .await
            .post_form("/learning/ping-tests/quiz", &[])
            .await;
        assert_eq!(opened.status(), 303, "{}", opened.text().await.unwrap());
    }
    // A lexicon proposal waits, so that the proposals' page links to one.
    let proposed = server
        .signed_in(&diplomatic)
        .await
        .post_form(
            "/lexicon/proposals",
            &[
                ("id", "homes-term"),
                ("domain", "technical"),
                ("en-term-0", "homes term"),
                ("en-status-0", "proposed"),
                ("rationale", "So that the page has one."),
            ],
        )
        .await;
    assert_eq!(proposed.status(), 303, "{}", proposed.text().await.unwrap());
    // A library document, so that the library links to one and its file.
    let published = server
        .signed_in(&nominator)
        .await
        .post_multipart(
            "/library",
            &[
                ("title", "Homes playbook"),
                ("kind", "playbook"),
                ("tlp", "GREEN"),
                ("languages", "en"),
                ("areas", "incident_response"),
                ("summary_en", "So that the page has one."),
            ],
            &[("file", "playbook.txt", b"Step one: call the CERT.\n")],
        )
        .await;
    assert_eq!(
        published.status(),
        303,
        "{}",
        published.text().await.unwrap()
    );
    Cast {
        secretariat,
        nominator,
        nominator_fra,
        diplomatic,
        technical,
        auditor,
        reporter,
        ids: [d, t, p, fa, fp],
    }
}

/// Same-site links of a page (`href="/…"`), without their fragment.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| h.starts_with('/') && !h.starts_with("//"))
        .map(|h| {
            let h = h.replace("&amp;", "&");
            h.split('#').next().unwrap_or_default().to_string()
        })
        .collect()
}

/// Whether `path` is an instance of the route `pattern` (`{x}` is one segment).
fn matches(pattern: &str, path: &str) -> bool {
    let p: Vec<_> = pattern.split('/').collect();
    let q: Vec<_> = path.split('/').collect();
    p.len() == q.len()
        && p.iter()
            .zip(&q)
            .all(|(a, b)| (a.starts_with('{') && !b.is_empty()) || a == b)
}

/// Not pages to reach: machine paths, files, the language switch (a link
/// on every page that only sets a cookie), and the sign-in steps a form
/// leads through (reached by posting, not by a link).
fn is_page(path: &str, action: Action) -> bool {
    let machine = [
        "/api/",
        "/taxii2/",
        "/static/",
        "/.well-known/",
        "/lang/",
        "/healthz/",
    ]
        .iter()
        .any(|p| path.starts_with(p))
        || matches!(path, "/healthz" | "/metrics" | "/favicon.ico")
        // A communication's files: downloads for its readers, not pages
        // (the secretariat may open the route but is never a reader).
        || path.contains("/attachments/")
        // An end-to-end message's ciphertext: a download for its readers'
        // own OpenPGP tool, likewise.
        || path.ends_with("/ciphertext")
        // A report's STIX bundle: a download for its readers, likewise.
        || (path.starts_with("/reports/") && path.ends_with("/stix"))
        // A ping test's confirmation page: opened from a mailed link only.
        || path.starts_with("/ping/")
        // A certificate's page: opened from its holder's link or the
        // address it is shared by (the holder's own link is checked by
        // `learning.rs`).
        || (path.starts_with("/certificates/") && path != "/certificates/verify")
        // The thank-you page of a reporter's application: reached by sending the form.
        || path == "/reporters/apply/thanks";
    !machine && (action != Action::SignIn || path == "/login")
}

/// Follows same-site GET links from `/` (at most `LIMIT` pages, a few
/// instances of each route); the route patterns of the pages that opened.
async fn crawl(server: &TestServer, web: &WebClient) -> (BTreeSet<&'static str>, Vec<String>) {
    const LIMIT: usize = 300;
    const PER_ROUTE: usize = 4;
    let pages: Vec<&'static str> = server
        .routes
        .iter()
        .filter(|r| r.method == "GET")
        .map(|r| r.path)
        .collect();
    let mut reached = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut per_route: HashMap<&str, usize> = HashMap::new();
    let mut queue = VecDeque::from(["/".to_string()]);
    let mut visited = Vec::new();
    while let Some(url) = queue.pop_front() {
        if visited.len() >= LIMIT {
            break;
        }
        let path = url.split('?').next().unwrap_or_default().to_string();
        // A path that is a route as written (`/ping-tests/trend`) is that
        // route, as the router has it, before any pattern that also matches
        // it (`/ping-tests/{id}`).
        let Some(route) = pages
            .iter()
            .find(|p| **p == path)
            .or_else(|| pages.iter().find(|p| matches(p, &path)))
            .copied()
        else {
            continue;
        };
        if !is_page(&path, Action::ViewPublic) || !seen.insert(path.clone()) {
            continue;
        }
        let n = per_route.entry(route).or_default();
        if *n >= PER_ROUTE {
            continue;
        }
        *n += 1;
        let r = web.get(&url).await;
        visited.push(url.clone());
        if r.status() != 200 {
            continue;
        }
        reached.insert(route);
        let html = r.text().await.unwrap();
        queue.extend(links(&html));
    }
    (reached, visited)
}

fn actor(account: &TestAccount) -> Actor {
    Actor {
        account_id: account.id,
        kind: account.kind,
        participant: account
            .participant
            .as_deref()
            .map(|p| ParticipantCode::parse(p).unwrap()),
        scopes: Scopes::ALL,
    }
}

#[test]
fn the_crawler_matches_routes_and_reads_links() {
    assert!(matches("/pocs/{id}/edit", "/pocs/7/edit"));
    assert!(!matches("/pocs/{id}", "/pocs/7/edit"));
    assert!(!matches("/pocs/{id}", "/pocs/"));
    assert_eq!(
        links(
            r#"<a href="/a?x=1&amp;y=2#top">a</a> <a href="https://x.example/">b</a> <a href="//evil">c</a>"#
        ),
        ["/a?x=1&y=2"]
    );
}

#[tokio::test]
async fn every_page_a_kind_may_open_is_reached_from_its_home() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let mut who: Vec<(String, Option<Actor>, WebClient)> =
        vec![("anonymous".into(), None, server.client())];
    for account in [
        &c.secretariat,
        &c.nominator,
        &c.diplomatic,
        &c.technical,
        &c.auditor,
        &c.reporter,
    ] {
        who.push((
            account.kind.to_string(),
            Some(actor(account)),
            server.signed_in(account).await,
        ));
    }
    for (label, actor, web) in &who {
        let (reached, visited) = crawl(&server, web).await;
        let must: BTreeSet<&str> = server
            .routes
            .iter()
            .filter(|r| r.method == "GET" && is_page(r.path, r.action))
            // Signed in, the sign-in page only sends one home.
            .filter(|r| actor.is_none() || r.action != Action::SignIn)
            .filter(|r| decide(actor.as_ref(), r.action) == Decision::Allow)
            .map(|r| r.path)
            .collect();
        let orphaned: Vec<_> = must.difference(&reached).collect();
        assert!(
            orphaned.is_empty(),
            "{label}: pages it may open but no link from its home leads to: {orphaned:?}\nvisited: {visited:#?}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn each_home_shows_the_work_of_its_reader_and_nothing_more() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let [pak_dip, pak_tech, pak_pending, fra_active, fra_pending] = c.ids;
    let page = |web: WebClient| async move {
        let r = web.get("/").await;
        assert_eq!(r.status(), 200);
        r.text().await.unwrap()
    };
    let poc_link = |id: i64| format!("href=\"/pocs/{id}\"");

    // The secretariat: both States' nominations wait.
    let home = page(server.signed_in(&c.secretariat).await).await;
    assert!(
        home.contains("id=\"home-queue\"><strong>2</strong>"),
        "{home}"
    );
    assert!(home.contains("href=\"/directory/import\""));
    assert!(home.contains("href=\"/help/secretariat\""));

    // Pakistan's nominator: its three entries, one pending; none of France's.
    let home = page(server.signed_in(&c.nominator).await).await;
    for id in [pak_dip, pak_tech, pak_pending] {
        assert!(home.contains(&poc_link(id)), "PAK entry {id} on its home");
    }
    for id in [fra_active, fra_pending] {
        assert!(
            !home.contains(&poc_link(id)),
            "FRA entry {id} on PAK's home"
        );
    }
    assert!(!home.contains("Julien Moreau") && !home.contains("Léa Fontaine"));
    assert!(home.contains("id=\"home-pending\"><strong>1</strong>"));
    assert!(home.contains("href=\"/participants/PAK/nominate\""));

    // France's nominator: its own two only.
    let home = page(server.signed_in(&c.nominator_fra).await).await;
    assert!(home.contains(&poc_link(fra_active)) && home.contains(&poc_link(fra_pending)));
    assert!(!home.contains("Bilal Khan") && !home.contains(&poc_link(pak_pending)));

    // Each PoC: its own entry and the search; never the pending nomination.
    for (account, own, other) in [
        (&c.diplomatic, pak_dip, pak_tech),
        (&c.technical, pak_tech, pak_dip),
    ] {
        let home = page(server.signed_in(account).await).await;
        assert!(home.contains(&poc_link(own)), "{}", account.kind);
        assert!(!home.contains(&poc_link(other)), "{}", account.kind);
        assert!(!home.contains("Bilal Khan"));
        assert!(home.contains("id=\"home-search\""));
    }

    // The auditor: the log's head and its latest entries.
    let size = server.store.log_size().await.unwrap();
    let home = page(server.signed_in(&c.auditor).await).await;
    let shown: u64 = home
        .split("id=\"home-log-size\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(shown > 0 && shown <= size + 2, "{shown} of {size}");
    assert!(home.contains("id=\"home-recent\""));
    assert!(!home.contains("Imran Siddiqui"), "no names for the auditor");

    // The reporter: what it can do, and no way into the directory.
    let home = page(server.signed_in(&c.reporter).await).await;
    assert!(home.contains("id=\"home-reporter-can\""));
    assert!(!home.contains("href=\"/directory\"") && !home.contains("Imran Siddiqui"));

    // A request the policy refused shows on the secretariat's home.
    let france = server.signed_in(&c.nominator_fra).await;
    assert_eq!(france.get("/participants/PAK/nominate").await.status(), 403);
    let home = page(server.signed_in(&c.secretariat).await).await;
    assert!(home.contains("id=\"home-refusals\""), "{home}");
    assert!(home.contains("participant:PAK/nominate"), "{home}");

    // Two hundred days on, every verified entry is past its date: the
    // secretariat counts all three, each nominator its own State's.
    server.clock.advance(time::Duration::days(200));
    let home = page(server.signed_in(&c.secretariat).await).await;
    assert!(
        home.contains("id=\"home-overdue\"><strong>3</strong>"),
        "{home}"
    );
    assert!(home.contains("id=\"home-overdue-list\""));
    let home = page(server.signed_in(&c.nominator).await).await;
    assert!(
        home.contains("id=\"home-overdue\"><strong>2</strong>"),
        "{home}"
    );
    let home = page(server.signed_in(&c.nominator_fra).await).await;
    assert!(
        home.contains("id=\"home-overdue\"><strong>1</strong>"),
        "{home}"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_public_page_maps_the_participating_states_in_the_readers_language() {
    let server = TestServer::start().await;
    let anonymous = server.client();
    let home = anonymous.get("/").await.text().await.unwrap();
    assert!(home.contains("id=\"world-map\""));
    assert_eq!(
        home.matches("class=\"takes-part\"").count(),
        1,
        "only the key's swatch"
    );
    assert!(home.contains("id=\"participants-none\""));

    let c = cast(&server).await;
    drop(c);
    let home = anonymous.get("/").await.text().await.unwrap();
    // Pakistan and France, plus the key's swatch.
    assert_eq!(home.matches("class=\"takes-part\"").count(), 3);
    assert!(home.contains("class=\"takes-part\"><title>Pakistan</title>"));
    assert!(
        home.contains("<title>India</title>"),
        "other countries drawn too"
    );
    assert!(home.contains("href=\"/participants/FRA\""));
    assert!(home.contains("id=\"how-to-join\""));
    assert!(
        !home.contains("Ayesha Malik"),
        "nothing personal on the public page"
    );

    let r = anonymous.get("/lang/ar?next=/").await;
    assert_eq!(r.status(), 303);
    let home = anonymous.get("/").await.text().await.unwrap();
    assert!(home.contains("class=\"takes-part\"><title>باكستان</title>"));

    for topic in [
        "secretariat",
        "nominator",
        "poc",
        "auditor",
        "reporter",
        "account",
    ] {
        let r = anonymous.get(&format!("/help/{topic}")).await;
        assert_eq!(r.status(), 200, "{topic}");
    }
    assert_eq!(anonymous.get("/help/nobody").await.status(), 404);
    let help = anonymous.get("/help").await.text().await.unwrap();
    assert!(help.contains("id=\"join\"") && help.contains("TLP:AMBER+STRICT"));
    server.stop().await;
}
