//! A ping test's results through the real server: the secretariat sees
//! every State and picks one to see its PoCs; a State's PoC or nominator
//! sees its own State's lines and the overall figures, and never another
//! State's name, on the page, in the CSV or in the JSON; the charts are
//! accessible SVG without style attributes, described in the reader's
//! language; the secretariat records a check by another channel, which a
//! nominator may not.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_domain::log::action::LogAction;
use pocdir_domain::log::entry::{LogActor, LogDraft};
use pocdir_domain::ping_test::campaign::{CampaignDraft, PingSettings};
use pocdir_domain::ping_test::challenge::AnswerChannel;
use pocdir_domain::policy::Scopes;
use pocdir_ping_tests::{DirectWriter, PingTests, Settings};
use pocdir_store::{Challenge, ChallengeFilter};
use pocdir_testkit::{TestAccount, TestServer, WebClient};
use serde_json::{json, Value};

/// A PoC entry nominated by `code`'s nominator and approved; its id.
async fn poc(server: &TestServer, code: &str, name: &str, role: &str) -> i64 {
    let http = reqwest::Client::new();
    let nominator = server.account(AccountKind::Nominator, Some(code)).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let body = json!({
        "role": role,
        "name": name,
        "organisation": "National CERT",
        "emails": [format!("{}@{}.example.org", name.len(), code.to_ascii_lowercase())],
        "phones": [{"number": "+44 20 7946 0321", "use": "office"}],
        "languages": ["en"],
        "time_zone": "Europe/London",
        "hours": "Mon-Fri 09:00-17:00"
    });
    let created: Value = http
        .post(server.url(&format!("/api/v1/participants/{code}/pocs")))
        .bearer_auth(server.token(&nominator, "write").await)
        .json(&body)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    http.post(server.url(&format!("/api/v1/pocs/{}/decision", created["id"])))
        .bearer_auth(server.token(&secretariat, "write").await)
        .json(&json!({"version": created["version"], "approve": true}))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
    created["id"].as_i64().unwrap()
}

/// A PoC account that signs in as PoC entry `poc_id`.
async fn poc_account(server: &TestServer, code: &str, poc_id: i64) -> TestAccount {
    let account = server.account(AccountKind::TechnicalPoc, Some(code)).await;
    let now = server.clock.now();
    server
        .store
        .link_poc_account(
            poc_id,
            account.id,
            now,
            LogDraft::new(
                now,
                LogActor::console(),
                LogAction::AccountPocLink,
                String::new(),
            ),
        )
        .await
        .unwrap();
    account
}

fn settings(server: &TestServer) -> Settings {
    Settings {
        ping: PingSettings::default(),
        schedule: false,
        base_url: server.url.clone(),
    }
}

async fn requester(server: &TestServer, a: &TestAccount) -> pocdir_domain::requester::Requester {
    server
        .store
        .account_by_id(a.id)
        .await
        .unwrap()
        .unwrap()
        .requester(Scopes::ALL)
}

async fn page(web: &WebClient, path: &str) -> String {
    let r = web.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

const PAK_POCS: [&str; 3] = ["Amina Qureshi", "Bilal Siddiqui", "Chaudhry Rafiq"];
const FRA_POCS: [&str; 2] = ["Delphine Moreau", "Étienne Garnier"];

/// Nothing of France on a page, file or body meant for Pakistan.
fn nothing_of_france(what: &str, text: &str) {
    for s in ["France", "FRA", FRA_POCS[0], FRA_POCS[1]] {
        assert!(!text.contains(s), "{what} names {s}:\n{text}");
    }
}

struct World {
    server: TestServer,
    id: i64,
    cancelled: i64,
    secretariat: TestAccount,
    pak_poc: TestAccount,
    pak_nominator: TestAccount,
    challenges: Vec<Challenge>,
}

impl World {
    fn challenge_of(&self, poc_id_name: usize, pocs: &[i64]) -> i64 {
        self.challenges
            .iter()
            .find(|c| c.poc_id == pocs[poc_id_name])
            .map(|c| c.id)
            .unwrap()
    }
}

/// Two States, five PoCs; one campaign in which Pakistan's first PoC
/// answers at once (in time) and France's first after five hours (in time
/// too), and a second campaign, cancelled.
async fn world() -> (World, Vec<i64>, Vec<i64>) {
    let server = TestServer::start().await;
    let mut pak = Vec::new();
    for (i, name) in PAK_POCS.iter().enumerate() {
        let role = if i == 1 { "diplomatic" } else { "technical" };
        pak.push(poc(&server, "PAK", name, role).await);
    }
    let mut fra = Vec::new();
    for name in FRA_POCS {
        fra.push(poc(&server, "FRA", name, "technical").await);
    }
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_poc = poc_account(&server, "PAK", pak[0]).await;
    let fra_poc = poc_account(&server, "FRA", fra[0]).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let settings = settings(&server);
    let service = PingTests::new(server.store.as_ref(), &server.clock, &settings);
    let draft = |title: &str| CampaignDraft {
        title: title.to_string(),
        starts_at: None,
        window_hours: None,
        reminder_hours: None,
        scope: Default::default(),
        announced: false,
        escalate: false,
    };
    let sec = requester(&server, &secretariat).await;
    let id = service.create(&sec, &draft("Autumn round")).await.unwrap();
    let challenges = server
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap();
    assert_eq!(challenges.len(), 5);
    let of = |poc_id: i64| challenges.iter().find(|c| c.poc_id == poc_id).unwrap().id;
    let writer = DirectWriter(server.store.as_ref());
    server.clock.advance(time::Duration::minutes(30));
    service
        .answer_signed_in(
            &writer,
            &requester(&server, &pak_poc).await,
            of(pak[0]),
            AnswerChannel::Portal,
        )
        .await
        .unwrap();
    server.clock.advance(time::Duration::hours(5));
    service
        .answer_signed_in(
            &writer,
            &requester(&server, &fra_poc).await,
            of(fra[0]),
            AnswerChannel::Api,
        )
        .await
        .unwrap();
    let cancelled = service.create(&sec, &draft("Called off")).await.unwrap();
    service.cancel(&sec, cancelled).await.unwrap();
    (
        World {
            server,
            id,
            cancelled,
            secretariat,
            pak_poc,
            pak_nominator,
            challenges,
        },
        pak,
        fra,
    )
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The PoC lines of a CSV as (challenge id, outcome, channel).
fn csv_pocs(rows: &[Vec<String>]) -> Vec<(i64, String, String)> {
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    rows[1..]
        .iter()
        .filter(|r| r[col("line")] == "poc")
        .map(|r| {
            (
                r[col("challenge_id")].parse().unwrap(),
                r[col("outcome")].clone(),
                r[col("channel")].clone(),
            )
        })
        .collect()
}

fn json_pocs(v: &Value) -> Vec<(i64, String, String)> {
    v["pocs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["challenge_id"].as_i64().unwrap(),
                p["outcome"].as_str().unwrap().to_string(),
                p["channel"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

async fn download(web: &WebClient, path: &str, content_type: &str, name: &str) -> String {
    let r = web.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    let h = r.headers();
    assert!(
        h["content-type"]
            .to_str()
            .unwrap()
            .starts_with(content_type),
        "{path}"
    );
    assert_eq!(
        h["content-disposition"].to_str().unwrap(),
        format!("attachment; filename=\"{name}\"")
    );
    r.text().await.unwrap()
}

/// The SVG charts of a page: present, accessible, without style.
fn charts_of(html: &str) -> Vec<&str> {
    assert!(!html.contains("style="), "a style attribute on the page");
    let charts: Vec<&str> = html
        .split("<svg ")
        .skip(1)
        .filter(|s| s.contains("class=\"chart\""))
        .map(|s| s.split("</svg>").next().unwrap())
        .collect();
    for c in &charts {
        assert!(c.contains("role=\"img\""), "{c}");
        assert!(c.contains("aria-labelledby="), "{c}");
        assert!(c.contains("<title id="), "{c}");
        assert!(c.contains("<desc id="), "{c}");
    }
    charts
}

#[tokio::test]
async fn each_reader_sees_what_it_may_and_the_files_match_the_page() {
    let (w, pak, fra) = world().await;
    let server = &w.server;
    let results = format!("/ping-tests/{}/results", w.id);

    // The secretariat: every State, no PoC line until it picks one.
    let sec = server.signed_in(&w.secretariat).await;
    let html = page(&sec, &results).await;
    assert!(html.contains("id=\"ping-state-PAK\"") && html.contains("id=\"ping-state-FRA\""));
    assert!(html.contains("Pakistan") && html.contains("France"));
    assert!(!html.contains("id=\"ping-pocs\""));
    assert!(html.contains("id=\"ping-state-form\""));
    // Outcomes and response times, each a figure with its data table.
    let charts = charts_of(&html);
    assert_eq!(charts.len(), 2, "{html}");
    assert!(html.contains("<figure") && html.contains("<figcaption"));
    assert!(html.contains("id=\"chart-outcomes-data\""));
    assert!(html.contains("id=\"chart-distribution-data\""));
    assert!(
        html.contains("Of 5 PoCs: 2 answered in time, 0 late, 0 did not answer, 0 could not be mailed, 3 not yet answered."),
        "{html}"
    );
    assert!(html.contains("Of 2 answers:"));

    let html = page(&sec, &format!("{results}?state=PAK")).await;
    for name in PAK_POCS {
        assert!(html.contains(name), "{name}");
    }
    for name in FRA_POCS {
        assert!(!html.contains(name), "{name}");
    }
    assert_eq!(charts_of(&html).len(), 3, "the State's own outcomes too");
    // A form for each PoC line without an answer, none for the answered.
    let finding_of = |i: usize| w.challenge_of(i, &pak);
    assert!(!html.contains(&format!("id=\"ping-finding-{}\"", finding_of(0))));
    assert!(html.contains(&format!("id=\"ping-finding-{}\"", finding_of(1))));
    assert!(html.contains(&format!("id=\"ping-finding-{}\"", finding_of(2))));
    assert!(html.contains(&format!("{results}.csv?state=PAK")));

    // The secretariat's files: every State, and Pakistan's PoCs when picked.
    let csv = download(
        &sec,
        &format!("{results}.csv?state=PAK"),
        "text/csv",
        &format!("ping-test-{}-results-PAK.csv", w.id),
    )
    .await;
    let rows = parse_csv(&csv);
    assert_eq!(rows[0][0], "line");
    assert!(rows.iter().any(|r| r[0] == "state" && r[2] == "FRA"));
    assert_eq!(csv_pocs(&rows).len(), 3);

    // A PoC of Pakistan: its State, its PoCs and the overall figures only.
    let pak_web = server.signed_in(&w.pak_poc).await;
    for path in [results.clone(), format!("{results}?state=FRA")] {
        let html = page(&pak_web, &path).await;
        nothing_of_france(&path, &html);
        assert!(html.contains("id=\"ping-state-PAK\""));
        assert!(!html.contains("id=\"ping-state-form\""));
        assert!(!html.contains("class=\"finding\""), "no form for a State");
        for name in PAK_POCS {
            assert!(html.contains(name), "{name}");
        }
        assert_eq!(charts_of(&html).len(), 3);
        // The overall figures count France's PoCs, without naming them.
        assert!(html.contains("Of 5 PoCs: 2 answered in time"));
        assert!(html.contains("Of 3 PoCs: 1 answered in time"));
    }
    let csv = download(
        &pak_web,
        &format!("{results}.csv?state=FRA"),
        "text/csv",
        &format!("ping-test-{}-results.csv", w.id),
    )
    .await;
    nothing_of_france("CSV", &csv);
    let json_text = download(
        &pak_web,
        &format!("{results}.json"),
        "application/json",
        &format!("ping-test-{}-results.json", w.id),
    )
    .await;
    nothing_of_france("JSON", &json_text);
    let json: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(json["campaign"]["id"], w.id);
    assert_eq!(json["overall"]["tally"]["pocs"], 5);
    assert_eq!(json["overall"]["tally"]["in_time"], 2);
    assert_eq!(json["states"].as_array().unwrap().len(), 1);
    assert_eq!(json["states"][0]["participant"], "PAK");
    assert_eq!(json["states"][0]["reach"], "partly");
    // The CSV and the JSON hold the same lines.
    let rows = parse_csv(&csv);
    let mut from_csv = csv_pocs(&rows);
    let mut from_json = json_pocs(&json);
    from_csv.sort();
    from_json.sort();
    assert_eq!(from_csv, from_json);
    assert_eq!(from_json.len(), 3);
    assert!(from_json.contains(&(finding_of(0), "in_time".to_string(), "portal".to_string())));
    assert_eq!(
        rows.iter().filter(|r| r[0] == "state").count(),
        1,
        "one State line"
    );
    let overall = rows.iter().find(|r| r[0] == "overall").unwrap();
    assert_eq!(overall[12], "5");

    // The trend: Pakistan's and the overall, nothing of France.
    let html = page(&pak_web, "/ping-tests/trend").await;
    nothing_of_france("trend", &html);
    assert_eq!(charts_of(&html).len(), 2);
    assert!(html.contains("All States: "), "{html}");
    assert!(html.contains("Pakistan: "), "{html}");
    let html = page(&sec, "/ping-tests/trend?state=FRA").await;
    assert_eq!(charts_of(&html).len(), 2);
    assert!(html.contains("France: "), "{html}");
    assert!(html.contains(&format!("id=\"ping-trend-{}\"", w.cancelled)));

    // In Arabic: the charts say their figures in Arabic.
    let r = pak_web.get(&format!("/lang/ar?next={results}")).await;
    assert_eq!(r.status(), 303);
    let html = page(&pak_web, &results).await;
    assert!(html.contains("dir=\"rtl\""));
    let charts = charts_of(&html);
    assert!(charts.iter().all(|c| c.contains("direction=\"rtl\"")));
    assert!(
        html.contains("من أصل 5 من جهات الاتصال: ردّ 2 في الوقت المحدد"),
        "{html}"
    );
    nothing_of_france("Arabic page", &html);
    let _ = fra;
    server_stop(w).await;
}

async fn server_stop(w: World) {
    w.server.stop().await;
}

#[tokio::test]
async fn the_secretariat_records_a_check_by_another_channel_and_others_may_not() {
    let (w, pak, _fra) = world().await;
    let server = &w.server;
    let results = format!("/ping-tests/{}/results", w.id);
    let silent = w.challenge_of(2, &pak);
    let action = format!("/ping-tests/{}/challenges/{silent}/finding", w.id);

    // A nominator or a PoC of the State may not record one.
    for who in [&w.pak_nominator, &w.pak_poc] {
        let web = server.signed_in(who).await;
        let r = web
            .post_form(&action, &[("finding", "reached"), ("note", "x")])
            .await;
        assert_eq!(r.status(), 403);
    }

    let sec = server.signed_in(&w.secretariat).await;
    // No choice made: the page again, the message beside that PoC's form.
    let r = sec
        .post_form(&action, &[("note", "Rang twice"), ("state", "PAK")])
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(&format!("id=\"ping-finding-error-{silent}\"")));
    assert!(html.contains("Choose whether the PoC was reached or not."));
    assert!(html.contains(">Rang twice</textarea>"));
    // A note that is too long: said plainly.
    let long = "x".repeat(2001);
    let r = sec
        .post_form(&action, &[("finding", "reached"), ("note", &long)])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("The note must be at most 2,000 characters."));
    // A challenge of another campaign under this one's path: not found.
    let r = sec
        .post_form(
            &format!("/ping-tests/{}/challenges/{silent}/finding", w.cancelled),
            &[("finding", "reached")],
        )
        .await;
    assert_eq!(r.status(), 404);

    // Recorded: back to the results of that State, confirmed.
    let r = sec
        .post_form(
            &action,
            &[
                ("finding", "not_reached"),
                ("note", "Phone number out of service"),
                ("state", "PAK"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(
        to,
        format!("{results}?state=PAK&done=ping-finding-recorded")
    );
    let html = page(&sec, &to).await;
    assert!(html.contains("The check by another channel is recorded."));
    let row = html
        .split(&format!("id=\"ping-poc-{silent}\""))
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(row.contains("Not reached"), "{row}");
    assert!(row.contains("Phone number out of service"));
    assert!(
        row.contains("class=\"finding\""),
        "a later check may reach it"
    );
    // Its outcome counts: no answer, and the CSV says so (the note is the
    // secretariat's, not the State's).
    let csv = sec
        .get(&format!("{results}.csv?state=PAK"))
        .await
        .text()
        .await
        .unwrap();
    let line = parse_csv(&csv)
        .into_iter()
        .find(|r| r[3] == silent.to_string())
        .unwrap();
    assert_eq!(line[6], "no_answer");
    assert_eq!(line[11], "not_reached");
    assert_eq!(line[19], "Phone number out of service");
    let pak_web = server.signed_in(&w.pak_poc).await;
    let csv = pak_web
        .get(&format!("{results}.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!csv.contains("Phone number out of service"));
    assert!(csv.contains("not_reached"));
    // A later call reaches the PoC: it counts as answered by that channel.
    let r = sec
        .post_form(&action, &[("finding", "reached"), ("state", "PAK")])
        .await;
    assert_eq!(r.status(), 303);
    let html = page(&sec, &format!("{results}?state=PAK")).await;
    let row = html
        .split(&format!("id=\"ping-poc-{silent}\""))
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(
        row.contains("Another channel (recorded by the secretariat)"),
        "{row}"
    );
    assert!(row.contains("Answered in time"), "{row}");
    assert!(!row.contains("class=\"finding\""));
    // Once answered, another check is refused, and said so on the page.
    let r = sec
        .post_form(&action, &[("finding", "not_reached"), ("state", "PAK")])
        .await;
    assert_eq!(r.status(), 409);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("This ping test challenge was already answered."),
        "{html}"
    );

    // A cancelled campaign: results shown, no form.
    let html = page(
        &sec,
        &format!("/ping-tests/{}/results?state=PAK", w.cancelled),
    )
    .await;
    assert!(!html.contains("class=\"finding\""));
    assert!(html.contains("Cancelled"));
    w.server.stop().await;
}
