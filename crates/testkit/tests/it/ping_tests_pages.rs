//! The pages of ping tests: the secretariat creates a campaign through the
//! form (and each refusal comes back on it), the mailed link's page records
//! nothing until its button is pressed, the button records once, a used,
//! forged or cancelled link gets its own page and status, a PoC answers
//! from its home, cancelling stops answers, published figures name no
//! State, and every page renders in English and Arabic.

use pocdir_domain::account::AccountKind;
use pocdir_domain::clock::Clock;
use pocdir_store::{ChallengeFilter, LogFilter};
use pocdir_testkit::{TestAccount, TestServer, WebClient};

/// A verified PoC of `code` (see `homes::poc`). Returns its id.
async fn active_poc(
    server: &TestServer,
    nominator: &TestAccount,
    secretariat: &TestAccount,
    code: &str,
    role: &str,
    name: &str,
    email: &str,
) -> i64 {
    crate::homes::poc(
        server,
        (nominator, secretariat),
        code,
        role,
        name,
        email,
        true,
    )
    .await
}

/// Pakistan with two active PoCs that sign in (each its entry linked to
/// its account); France with one technical PoC.
struct Cast {
    secretariat: TestAccount,
    nominator: TestAccount,
    diplomatic: TestAccount,
    technical: TestAccount,
    /// (PAK diplomatic entry, PAK technical entry)
    pocs: (i64, i64),
}

async fn cast(server: &TestServer) -> Cast {
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let nominator_fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let diplomatic = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let technical = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let d = active_poc(
        server,
        &nominator,
        &secretariat,
        "PAK",
        "diplomatic",
        "Imran Siddiqui",
        &diplomatic.email,
    )
    .await;
    let t = active_poc(
        server,
        &nominator,
        &secretariat,
        "PAK",
        "technical",
        "Ayesha Malik",
        &technical.email,
    )
    .await;
    active_poc(
        server,
        &nominator_fra,
        &secretariat,
        "FRA",
        "technical",
        "Léa Fontaine",
        "lea@cert.fr.example.org",
    )
    .await;
    let web = server.signed_in(&secretariat).await;
    for (poc, account) in [(d, &diplomatic), (t, &technical)] {
        let r = web
            .post_form(
                &format!("/pocs/{poc}/access/link"),
                &[("account", &account.id.to_string())],
            )
            .await;
        assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    }
    Cast {
        secretariat,
        nominator,
        diplomatic,
        technical,
        pocs: (d, t),
    }
}

/// The campaign id a created form redirects to.
fn created_id(r: &reqwest::Response) -> i64 {
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap();
    assert!(location.ends_with("?done=ping-test-created"), "{location}");
    location
        .trim_start_matches("/ping-tests/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Creates a campaign that starts now through the form.
async fn create(web: &WebClient, title: &str) -> i64 {
    let r = web
        .post_form(
            "/ping-tests/new",
            &[
                ("title", title),
                ("starts_at", ""),
                ("window_hours", "72"),
                ("reminder_hours", "24, 48"),
                ("roles", "both"),
                ("escalate", "yes"),
            ],
        )
        .await;
    created_id(&r)
}

/// The tokens of campaign `id`'s challenges, read from its queued mails.
async fn tokens(server: &TestServer, id: i64) -> Vec<String> {
    let mails = server.store.mails(None, 1000).await.unwrap();
    let mut out: Vec<String> = mails
        .iter()
        .filter(|m| {
            m.dedupe_key.starts_with(&format!("ping:{id}:")) && m.dedupe_key.ends_with(":challenge")
        })
        .filter_map(|m| {
            let at = m.body.find("/ping/")?;
            let rest = m.body.get(at + "/ping/".len()..)?;
            Some(rest.split_whitespace().next()?.to_string())
        })
        .filter(|t| t.starts_with("pdp_"))
        .collect();
    out.sort();
    out.dedup();
    out
}

async fn answered(server: &TestServer, id: i64) -> usize {
    server
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap()
        .iter()
        .filter(|c| c.answered_at.is_some())
        .count()
}

async fn answer_entries(server: &TestServer) -> usize {
    let filter = LogFilter {
        action: Some("ping_test.answer".into()),
        ..LogFilter::default()
    };
    server
        .store
        .search_log(&filter, None, 1000)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_form_creates_a_campaign_and_brings_back_every_refusal() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let web = server.signed_in(&c.secretariat).await;

    let list = web.get("/ping-tests").await;
    assert_eq!(list.status(), 200);
    let html = list.text().await.unwrap();
    assert!(html.contains("id=\"ping-none\"") && html.contains("href=\"/ping-tests/new\""));
    let form = web.get("/ping-tests/new").await.text().await.unwrap();
    assert!(form.contains("value=\"72\""), "the configured window");
    assert!(
        form.contains("value=\"24, 48\""),
        "the configured reminders"
    );
    assert!(form.contains("<option value=\"PAK\"") && form.contains("<option value=\"Asia\""));

    // France's diplomatic PoCs: it has none, so nobody to reach.
    let r = web
        .post_form(
            "/ping-tests/new",
            &[
                ("title", "France only"),
                ("roles", "diplomatic"),
                ("states", "FRA"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"error-scope\""), "{html}");
    assert!(html.contains("No PoC is in this scope"));
    assert!(html.contains("value=\"France only\""), "the input is kept");

    // A start in the past, a window out of range and no title: all at once.
    let r = web
        .post_form(
            "/ping-tests/new",
            &[
                ("title", ""),
                ("starts_at", "2000-01-01T00:00"),
                ("window_hours", "0"),
                ("roles", "both"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for (field, message) in [
        ("title", "Give the campaign a title."),
        ("starts_at", "The start is in the past."),
        ("window_hours", "between 1 hour and 30 days"),
    ] {
        assert!(html.contains(&format!("id=\"error-{field}\"")), "{field}");
        assert!(html.contains(message), "{message}");
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "summary links to {field}"
        );
    }
    // A window of 31 days, and a start that is not a date.
    let r = web
        .post_form(
            "/ping-tests/new",
            &[
                ("title", "Too long"),
                ("starts_at", "next week"),
                ("window_hours", "744"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("between 1 hour and 30 days"));
    assert!(html.contains("Give the start as a date and time (UTC)"));
    assert!(
        server.store.campaigns().await.unwrap().is_empty(),
        "nothing created"
    );

    // Scheduled for later, then one that starts now.
    let later = (server.clock.now() + time::Duration::days(2))
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]"
        ))
        .unwrap();
    let r = web
        .post_form(
            "/ping-tests/new",
            &[
                ("title", "Announced"),
                ("starts_at", &later),
                ("roles", "technical"),
                ("regions", "Asia"),
                ("announced", "yes"),
            ],
        )
        .await;
    let scheduled = created_id(&r);
    let id = create(&web, "Spring check").await;
    let page = web
        .get(&format!("/ping-tests/{id}?done=ping-test-created"))
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("The ping test is created."));
    assert!(html.contains("id=\"figure-total\">3<"), "{html}");
    assert!(html.contains("href=\"/ping-tests/"), "results link");
    assert!(html.contains(&format!("href=\"/ping-tests/{id}/results\"")));
    assert!(html.contains("id=\"ping-cancel\"") && !html.contains("id=\"ping-publish\""));
    assert!(html.contains("UTC"));
    let html = web
        .get(&format!("/ping-tests/{scheduled}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Technical PoCs") && html.contains("in these regions: Asia"));
    let list = web.get("/ping-tests").await.text().await.unwrap();
    assert!(list.contains("Spring check") && list.contains("Announced"));
    let campaigns = server.store.campaigns().await.unwrap();
    assert_eq!(campaigns.len(), 2);
    assert_eq!(tokens(&server, id).await.len(), 3, "one mail per PoC");

    // Who may not manage gets no button and no form.
    let nominator = server.signed_in(&c.nominator).await;
    let html = nominator.get("/ping-tests").await.text().await.unwrap();
    assert!(html.contains("Spring check") && !html.contains("href=\"/ping-tests/new\""));
    assert_eq!(nominator.get("/ping-tests/new").await.status(), 403);
    let html = nominator
        .get(&format!("/ping-tests/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("id=\"ping-cancel\""));
    server.stop().await;
}

#[tokio::test]
async fn the_link_records_nothing_until_the_button_and_then_only_once() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let web = server.signed_in(&c.secretariat).await;
    let id = create(&web, "Link check").await;
    let tokens = tokens(&server, id).await;
    assert_eq!(tokens.len(), 3);
    let token = &tokens[0];
    let link = format!("/ping/{token}");

    // Opened by a mail scanner, twice: nothing recorded, nothing logged.
    let scanner = server.client();
    let before = answer_entries(&server).await;
    for _ in 0..2 {
        let r = scanner.get(&link).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["referrer-policy"], "no-referrer");
        let html = r.text().await.unwrap();
        assert!(html.contains("Link check") && html.contains("id=\"ping-confirm\""));
        assert!(html.contains("id=\"ping-in-time\""));
        assert!(html.contains(&format!("action=\"{link}\"")));
        assert!(html.contains("href=\"/ping-tests/about\""));
    }
    assert_eq!(answered(&server, id).await, 0);
    assert_eq!(answer_entries(&server).await, before);

    // The button: recorded once, logged once.
    let person = server.client();
    let r = person.post_form(&link, &[]).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"ping-answered-in-time\""), "{html}");
    assert_eq!(answered(&server, id).await, 1);
    assert_eq!(answer_entries(&server).await, before + 1);

    // Again: already answered, nothing more recorded.
    let r = person.post_form(&link, &[]).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("id=\"ping-refused-used\""));
    let r = scanner.get(&link).await;
    assert_eq!(r.status(), 409);
    assert_eq!(answered(&server, id).await, 1);
    assert_eq!(answer_entries(&server).await, before + 1);

    // Forged or mangled: not found, and nothing recorded.
    let forged = format!("/ping/pdp_{}", "A".repeat(43));
    for path in [forged.as_str(), "/ping/pdp_short", "/ping/nothing"] {
        let r = person.get(path).await;
        assert_eq!(r.status(), 404, "{path}");
        let html = r.text().await.unwrap();
        assert!(html.contains("id=\"ping-refused-unknown\""), "{path}");
        assert!(html.contains("This ping test link is not valid"));
        assert_eq!(person.post_form(path, &[]).await.status(), 404, "{path}");
    }
    assert_eq!(answered(&server, id).await, 1);

    // No log entry carries a token.
    let all = server
        .store
        .search_log(&LogFilter::default(), None, 10_000)
        .await
        .unwrap();
    for t in &tokens {
        assert!(!format!("{all:?}").contains(t.as_str()));
    }

    // After the window, the page says the answer would be late, and it is.
    server.clock.advance(time::Duration::hours(73));
    let late = format!("/ping/{}", tokens[1]);
    let html = scanner.get(&late).await.text().await.unwrap();
    assert!(html.contains("id=\"ping-late\""));
    let r = person.post_form(&late, &[]).await;
    assert_eq!(r.status(), 200);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("id=\"ping-answered-late\""));
    assert_eq!(answered(&server, id).await, 2);

    // Once closed, a link has expired.
    server.clock.advance(time::Duration::days(8));
    let r = person.get(&format!("/ping/{}", tokens[2])).await;
    assert_eq!(r.status(), 410);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("id=\"ping-refused-expired\""));
    assert_eq!(answered(&server, id).await, 2);
    server.stop().await;
}

#[tokio::test]
async fn cancelling_stops_answers_by_link_and_in_the_portal() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let web = server.signed_in(&c.secretariat).await;
    let id = create(&web, "To cancel").await;
    let tokens = tokens(&server, id).await;
    let poc = server.signed_in(&c.technical).await;
    let home = poc.get("/").await.text().await.unwrap();
    assert!(home.contains("id=\"home-ping\"") && home.contains("To cancel"));

    // Without ticking the box: nothing happens.
    let r = web
        .post_form(&format!("/ping-tests/{id}/cancel"), &[])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Tick the box"));
    let r = web
        .post_form(&format!("/ping-tests/{id}/cancel"), &[("confirm", "yes")])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        format!("/ping-tests/{id}?done=ping-test-cancelled").as_str()
    );
    let html = web
        .get(&format!("/ping-tests/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"ping-cancelled\"") && !html.contains("id=\"ping-cancel\""));
    // Cancelling twice is refused.
    let r = web
        .post_form(&format!("/ping-tests/{id}/cancel"), &[("confirm", "yes")])
        .await;
    assert_eq!(r.status(), 409);

    let anyone = server.client();
    let link = format!("/ping/{}", tokens[0]);
    let r = anyone.get(&link).await;
    assert_eq!(r.status(), 410);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"ping-refused-cancelled\""));
    assert!(html.contains("This ping test was cancelled by the secretariat."));
    assert_eq!(anyone.post_form(&link, &[]).await.status(), 410);
    assert_eq!(answered(&server, id).await, 0);

    // The PoC's home no longer offers the button; posting it is refused.
    let home = poc.get("/").await.text().await.unwrap();
    assert!(!home.contains("To cancel"));
    let challenge = server
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap()
        .into_iter()
        .find(|ch| ch.poc_id == c.pocs.1)
        .unwrap();
    let r = poc
        .post_form(
            &format!("/ping-tests/challenges/{}/answer", challenge.id),
            &[],
        )
        .await;
    assert_eq!(r.status(), 410);
    assert_eq!(answered(&server, id).await, 0);
    server.stop().await;
}

#[tokio::test]
async fn a_poc_answers_from_its_home_and_only_its_own_challenge() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let web = server.signed_in(&c.secretariat).await;
    let id = create(&web, "Portal check").await;
    let challenges = server
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap();
    let mine = challenges.iter().find(|ch| ch.poc_id == c.pocs.1).unwrap();
    let other = challenges.iter().find(|ch| ch.poc_id == c.pocs.0).unwrap();

    let poc = server.signed_in(&c.technical).await;
    let home = poc.get("/").await.text().await.unwrap();
    assert!(home.contains(&format!("id=\"home-challenge-answer-{}\"", mine.id)));
    assert!(
        !home.contains(&format!("home-challenge-answer-{}\"", other.id)),
        "another PoC's challenge is not on this home"
    );
    assert!(home.contains("Ayesha Malik"));

    // Another PoC's challenge, of its own State or asked by another
    // State's PoC: not found, nothing recorded.
    let r = poc
        .post_form(&format!("/ping-tests/challenges/{}/answer", other.id), &[])
        .await;
    assert_eq!(r.status(), 404);
    let france = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let france = server.signed_in(&france).await;
    let r = france
        .post_form(&format!("/ping-tests/challenges/{}/answer", mine.id), &[])
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(answered(&server, id).await, 0);

    let r = poc
        .post_form(&format!("/ping-tests/challenges/{}/answer", mine.id), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/?done=ping-test-answered");
    let home = poc
        .get("/?done=ping-test-answered")
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains("Thank you: your answer is recorded in time."));
    assert!(home.contains(&format!("id=\"home-challenge-done-{}\"", mine.id)));
    assert!(!home.contains(&format!("id=\"home-challenge-answer-{}\"", mine.id)));
    assert_eq!(answered(&server, id).await, 1);
    let stored = server.store.challenge(mine.id).await.unwrap().unwrap();
    assert_eq!(stored.channel.map(|ch| ch.as_str()), Some("portal"));
    // Twice: already answered.
    let r = poc
        .post_form(&format!("/ping-tests/challenges/{}/answer", mine.id), &[])
        .await;
    assert_eq!(r.status(), 409);

    // The secretariat's card and the nominator's line count it.
    let home = web.get("/").await.text().await.unwrap();
    assert!(home.contains("id=\"home-ping-tests\""), "{home}");
    assert!(home.contains("1 of 3 PoCs answered"), "{home}");
    let home = server
        .signed_in(&c.nominator)
        .await
        .get("/")
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains("id=\"home-ping-latest\"") && home.contains("Portal check"));
    assert!(
        home.contains("1 of 2 of your State&#39;s PoCs answered"),
        "{home}"
    );
    // France's nominator: its own State's line, never Pakistan's.
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let home = server
        .signed_in(&fra)
        .await
        .get("/")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        home.contains("0 of 1 of your State&#39;s PoCs answered"),
        "{home}"
    );
    // The diplomatic PoC still has its own to answer.
    let home = server
        .signed_in(&c.diplomatic)
        .await
        .get("/")
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains(&format!("id=\"home-challenge-answer-{}\"", other.id)));
    server.stop().await;
}

#[tokio::test]
async fn published_figures_are_aggregates_only() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let web = server.signed_in(&c.secretariat).await;
    let id = create(&web, "Autumn check").await;
    // Pakistan's technical PoC answers from its home: Pakistan partly
    // reached, France not at all.
    let mine = server
        .store
        .challenges(id, &ChallengeFilter::default())
        .await
        .unwrap()
        .into_iter()
        .find(|ch| ch.poc_id == c.pocs.1)
        .unwrap();
    let poc = server.signed_in(&c.technical).await;
    let r = poc
        .post_form(&format!("/ping-tests/challenges/{}/answer", mine.id), &[])
        .await;
    assert_eq!(r.status(), 303);
    // Not finished yet: no button, and publishing is refused.
    let r = web
        .post_form(&format!("/ping-tests/{id}/publish"), &[])
        .await;
    assert_eq!(r.status(), 409);
    let public = server.client();
    let html = public
        .get("/ping-tests/published")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"ping-published-none\"") && !html.contains("Autumn check"));

    server.clock.advance(time::Duration::days(11));
    // Sessions end after so long: sign in again.
    let web = server.signed_in(&c.secretariat).await;
    let html = web
        .get(&format!("/ping-tests/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("id=\"ping-publish\"") && !html.contains("id=\"ping-cancel\""),
        "{html}"
    );
    let r = web
        .post_form(&format!("/ping-tests/{id}/publish"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        format!("/ping-tests/{id}?done=ping-test-published").as_str()
    );
    let html = public
        .get("/ping-tests/published")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Autumn check"));
    assert!(html.contains("class=\"figure-total\">3<"), "{html}");
    assert!(html.contains("class=\"figure-in_time\">1<"));
    assert!(html.contains("class=\"figure-no_answer\">2<"));
    assert!(html.contains("class=\"figure-states-partly\">1<"));
    assert!(html.contains("class=\"figure-states-none\">1<"));
    for named in [
        "Pakistan",
        "PAK",
        "France",
        "FRA",
        "Imran Siddiqui",
        "Ayesha Malik",
    ] {
        assert!(!html.contains(named), "{named} on the public page");
    }
    // The public home and the help lead to it and to the description.
    let home = public.get("/").await.text().await.unwrap();
    assert!(
        home.contains("href=\"/ping-tests/published\"")
            && home.contains("href=\"/ping-tests/about\"")
    );
    let help = public.get("/help").await.text().await.unwrap();
    assert!(help.contains("href=\"/ping-tests/about\""));
    server.stop().await;
}

#[tokio::test]
async fn every_page_renders_in_english_and_arabic() {
    let server = TestServer::start().await;
    let c = cast(&server).await;
    let web = server.signed_in(&c.secretariat).await;
    let id = create(&web, "Languages").await;
    let token = tokens(&server, id).await.remove(0);
    let anonymous = server.client();
    let poc = server.signed_in(&c.technical).await;
    let nominator = server.signed_in(&c.nominator).await;
    for lang in ["en", "ar"] {
        for client in [&web, &anonymous, &poc, &nominator] {
            assert_eq!(
                client.get(&format!("/lang/{lang}?next=/")).await.status(),
                303
            );
        }
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        let pages: Vec<(&WebClient, String)> = vec![
            (&web, "/ping-tests".into()),
            (&web, "/ping-tests/new".into()),
            (&web, format!("/ping-tests/{id}")),
            (&web, "/".into()),
            (&nominator, "/".into()),
            (&nominator, format!("/ping-tests/{id}")),
            (&poc, "/".into()),
            (&anonymous, "/ping-tests/about".into()),
            (&anonymous, "/ping-tests/published".into()),
            (&anonymous, format!("/ping/{token}")),
        ];
        for (client, path) in pages {
            let r = client.get(&path).await;
            assert_eq!(r.status(), 200, "{lang} {path}");
            let html = r.text().await.unwrap();
            assert!(
                html.contains(&format!("lang=\"{lang}\" dir=\"{dir}\"")),
                "{lang} {path}"
            );
        }
        let about = anonymous
            .get("/ping-tests/about")
            .await
            .text()
            .await
            .unwrap();
        if lang == "ar" {
            assert!(about.contains("اختبارات الاتصال"));
        } else {
            assert!(about.contains("Opening the link alone does not count"));
            assert!(about.contains("within 72 hours"));
            assert!(about.contains("24, 48 hours after the start"));
        }
    }
    // The confirmation page recorded nothing in either language.
    assert_eq!(answered(&server, id).await, 0);
    server.stop().await;
}
