//! A tabletop exercise end to end on the real server: the secretariat
//! prepares an example scenario for Pakistan and France and starts it; the
//! clock is fast-forwarded and the exercise job's rounds play the injects
//! to the exercise inbox and, through the real SMTP peer, by mail with the
//! `EXERCISE` prefix; Pakistan's technical PoC acknowledges, escalates and
//! replies in time, France's does nothing until late; the conditional
//! reminder reaches France only; the facilitator judges a manual
//! expectation; the end marks what is left missed; the after-action
//! report says so per State (each State sees its own part); nothing of it
//! shows in the real inboxes. And every bad input is refused with nothing
//! half-done.

use pocdir_communications::Settings;
use pocdir_domain::account::AccountKind;
use pocdir_jobs::exercises::exercise_round;
use pocdir_testkit::{SmtpPeer, TestAccount, TestServer, WebClient};
use serde_json::Value;
use time::Duration;

async fn round(server: &TestServer) -> (u64, u64) {
    let settings = Settings {
        deadlines: server.config.ack_deadlines(),
        base_url: server.url.clone(),
    };
    exercise_round(server.store.as_ref(), &server.clock, &settings)
        .await
        .unwrap()
}

use crate::entries_of as entries;

/// Prepares the example for `states`; the console's path.
async fn prepare(web: &WebClient, example: &str, states: &[&str]) -> String {
    let mut fields = vec![("example", example)];
    fields.extend(states.iter().map(|s| ("states", *s)));
    let r = web.post_multipart("/exercises", &fields, &[]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let to = r.headers()["location"].to_str().unwrap();
    to.split('?').next().unwrap().to_string()
}

/// The inject `subject_part` in `web`'s exercise inbox: its page's path.
async fn inject_link(web: &WebClient, subject_part: &str) -> String {
    let html = web.get("/exercises/mine").await.text().await.unwrap();
    let row = html
        .split("<tr id=\"exercise-inject-row-")
        .skip(1)
        .find(|row| row.contains(subject_part))
        .unwrap_or_else(|| panic!("{subject_part} in the exercise inbox:\n{html}"));
    let id: String = row.chars().take_while(|c| c.is_ascii_digit()).collect();
    format!("/exercises/injects/{id}")
}

/// A facilitator's step, done: back on the console with its confirmation.
async fn step(web: &WebClient, console: &str, step: &str) {
    let r = web
        .post_form(&format!("{console}/step"), &[("step", step)])
        .await;
    assert_eq!(r.status(), 303, "{step}");
    let to = r.headers()["location"].to_str().unwrap();
    assert!(
        to.starts_with(console) && to.contains("done="),
        "{step}: {to}"
    );
}

async fn act(web: &WebClient, inject: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    web.post_form(&format!("{inject}/act"), fields).await
}

async fn report(web: &WebClient, console: &str) -> Value {
    let r = web.get(&format!("{console}/report.json")).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

fn outcome(report: &Value, state: &str, inject: &str, kind: &str) -> String {
    report["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["state"] == state)
        .unwrap_or_else(|| panic!("{state} in {report:#}"))["expectations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["inject"] == inject && x["kind"] == kind)
        .unwrap_or_else(|| panic!("{state} {inject} {kind}"))["outcome"]
        .as_str()
        .unwrap()
        .to_string()
}

struct Players {
    pak_technical: TestAccount,
    pak_diplomatic: TestAccount,
    fra_technical: TestAccount,
}

/// Pakistan and France take part: each has an approved PoC entry.
async fn participating(server: &TestServer, secretariat: &TestAccount) {
    for (state, email) in [
        ("PAK", "duty@cert.pk.example.org"),
        ("FRA", "duty@cert.fr.example.org"),
    ] {
        let nominator = server.account(AccountKind::Nominator, Some(state)).await;
        crate::homes::poc(
            server,
            (&nominator, secretariat),
            state,
            "technical",
            "Duty officer",
            email,
            true,
        )
        .await;
    }
}

async fn players(server: &TestServer) -> Players {
    // France's diplomat plays too (the start notice reaches both roles).
    server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    Players {
        pak_technical: server.account(AccountKind::TechnicalPoc, Some("PAK")).await,
        pak_diplomatic: server
            .account(AccountKind::DiplomaticPoc, Some("PAK"))
            .await,
        fra_technical: server.account(AccountKind::TechnicalPoc, Some("FRA")).await,
    }
}

#[tokio::test]
async fn an_example_scenario_runs_end_to_end_through_the_inbox_and_real_mail() {
    let smtp = SmtpPeer::start().await;
    let server = TestServer::start_with_smtp(&smtp).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    participating(&server, &secretariat).await;
    let p = players(&server).await;
    let facilitator = server.signed_in(&secretariat).await;
    let pak_t = server.signed_in(&p.pak_technical).await;
    let pak_d = server.signed_in(&p.pak_diplomatic).await;
    let fra_t = server.signed_in(&p.fra_technical).await;

    let console = prepare(&facilitator, "grid-ransomware", &["PAK", "FRA"]).await;
    // Prepared, nothing sent; the players' inbox is empty.
    assert_eq!(round(&server).await, (0, 0));
    assert!(pak_t
        .get("/exercises/mine")
        .await
        .text()
        .await
        .unwrap()
        .contains("id=\"exercise-inbox-none\""));
    step(&facilitator, &console, "start").await;
    // Starting twice is refused, on the console, in words.
    let again = facilitator
        .post_form(&format!("{console}/step"), &[("step", "start")])
        .await;
    assert_eq!(again.status(), 409);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("This exercise has already been started."));
    // Minute 0: the start notice reached all four players (a notice: no mail).
    let startex = inject_link(&pak_d, "Exercise start").await;
    assert!(pak_d
        .get(&startex)
        .await
        .text()
        .await
        .unwrap()
        .contains("id=\"exercise-banner\""));

    // Minute 5: NorCERT's alert to the technical PoCs, by mail too.
    server.clock.advance(Duration::minutes(5));
    assert_eq!(round(&server).await, (1, 0));
    smtp.wait_for(2).await;
    let mails: Vec<_> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.subject.starts_with("EXERCISE"))
        .collect();
    assert_eq!(mails.len(), 2, "{mails:#?}");
    for m in &mails {
        assert!(m.subject.starts_with("EXERCISE"), "{}", m.subject);
        assert!(m.body.contains("this is an exercise, not a real incident"));
        assert!(m.body.contains("/exercises/mine"));
    }
    let mut to: Vec<_> = mails.iter().flat_map(|m| m.rcpt_tos.clone()).collect();
    to.sort();
    let mut expected = vec![p.pak_technical.email.clone(), p.fra_technical.email.clone()];
    expected.sort();
    assert_eq!(to, expected);

    // Pakistan's technical PoC acts in time: acknowledge, escalate, reply.
    let alert = inject_link(&pak_t, "Ransomware at Baltic").await;
    let page = pak_t.get(&alert).await.text().await.unwrap();
    assert!(page.contains("id=\"exercise-acknowledge\"") && page.contains("TLP:AMBER"));
    assert_eq!(
        act(&pak_t, &alert, &[("act", "acknowledge")])
            .await
            .status(),
        303
    );
    // Twice is refused in words, nothing changes.
    let twice = act(&pak_t, &alert, &[("act", "acknowledge")]).await;
    assert_eq!(twice.status(), 409);
    assert_eq!(
        act(&pak_t, &alert, &[("act", "escalate")]).await.status(),
        303
    );
    // An empty reply is refused and changes nothing.
    let empty = act(&pak_t, &alert, &[("act", "reply"), ("reply", "  ")]).await;
    assert_eq!(empty.status(), 422);
    let replied = act(
        &pak_t,
        &alert,
        &[
            ("act", "reply"),
            (
                "reply",
                "Isolated the interconnector's SCADA VLAN; no spread seen.",
            ),
        ],
    )
    .await;
    assert_eq!(replied.status(), 303);
    // The escalation reached Pakistan's diplomat in the portal and by mail.
    inject_link(&pak_d, "Ransomware at Baltic").await;
    let mails = smtp.wait_for(3).await;
    assert!(
        mails
            .iter()
            .any(|m| m.rcpt_tos.contains(&p.pak_diplomatic.email)
                && m.subject.starts_with("EXERCISE"))
    );
    // A diplomat may not escalate further.
    let diplomat_alert = inject_link(&pak_d, "Ransomware at Baltic").await;
    assert_eq!(
        act(&pak_d, &diplomat_alert, &[("act", "escalate")])
            .await
            .status(),
        409
    );
    let fra_alert = inject_link(&fra_t, "Ransomware at Baltic").await;

    // Minute 30: France never acknowledged: its alert expectations are
    // missed, and the conditional reminder goes to France only.
    server.clock.advance(Duration::minutes(25));
    let (played, missed) = round(&server).await;
    assert_eq!(played, 2, "bio-indicators and the reminder");
    assert!(missed >= 2, "France's acknowledgement, reply, escalation");
    let r = report(&facilitator, &console).await;
    let reminder = r["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["inject"] == "norcert-reminder")
        .unwrap();
    assert_eq!(reminder["states"], serde_json::json!(["FRA"]));
    assert_eq!(outcome(&r, "FRA", "norcert-alert", "acknowledge"), "missed");
    assert_eq!(outcome(&r, "PAK", "norcert-alert", "acknowledge"), "met");
    // An inject that did not reach a player is not found, not refused.
    let indicators = inject_link(&pak_t, "First indicators").await;
    assert_eq!(pak_d.get(&indicators).await.status(), 404);
    // France acknowledges now: late, which is still better than missed.
    assert_eq!(
        act(&fra_t, &fra_alert, &[("act", "acknowledge")])
            .await
            .status(),
        303
    );

    // The facilitator judges Pakistan's manual expectation from the queue.
    let html = facilitator.get(&console).await.text().await.unwrap();
    assert!(html.contains("id=\"exercise-banner\""));
    let manual = html
        .split("id=\"validate-")
        .skip(1)
        .find(|s| s.contains("Pakistan"))
        .map(|s| {
            s.chars()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
        })
        .expect("a manual expectation of Pakistan to judge");
    let no_comment = facilitator
        .post_form(
            &format!("{console}/expectations/{manual}/validate"),
            &[("outcome", "met"), ("comment", "")],
        )
        .await;
    assert_eq!(no_comment.status(), 422);
    let judged = facilitator
        .post_form(
            &format!("{console}/expectations/{manual}/validate"),
            &[
                ("outcome", "met"),
                ("comment", "Called FRA's CERT at 07:12."),
            ],
        )
        .await;
    assert_eq!(judged.status(), 303);

    // An ad-hoc inject: a minute already passed is refused; now, it is
    // played at once to the States' technical PoCs.
    let past = facilitator
        .post_form(
            &format!("{console}/injects"),
            &[
                ("subject", "Control: status check"),
                ("text", "Please confirm your CERT's duty officer."),
                ("roles", "technical"),
                ("tlp", "GREEN"),
                ("minute", "3"),
            ],
        )
        .await;
    assert_eq!(past.status(), 409);
    assert!(past.text().await.unwrap().contains("already passed"));
    let added = facilitator
        .post_form(
            &format!("{console}/injects"),
            &[
                ("subject", "Control: status check"),
                ("text", "Please confirm your CERT's duty officer."),
                ("roles", "technical"),
                ("tlp", "GREEN"),
                ("acknowledge_within", "10"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    inject_link(&fra_t, "Control: status check").await;
    let none = pak_d.get("/exercises/mine").await.text().await.unwrap();
    assert!(
        !none.contains("Control: status check"),
        "technical PoCs only"
    );

    // A pause stops the clock: nothing is played however long it lasts.
    step(&facilitator, &console, "pause").await;
    server.clock.advance(Duration::hours(3));
    assert_eq!(round(&server).await, (0, 0));
    // (Three hours idle end the sessions: sign in again.)
    let facilitator = server.signed_in(&secretariat).await;
    let pak_t = server.signed_in(&p.pak_technical).await;
    let pak_d = server.signed_in(&p.pak_diplomatic).await;
    let fra_t = server.signed_in(&p.fra_technical).await;
    let paused_act = act(&pak_d, &startex, &[("act", "acknowledge")]).await;
    assert_eq!(paused_act.status(), 409);
    step(&facilitator, &console, "resume").await;

    // The end: what is left pending is missed; players can no longer act.
    step(&facilitator, &console, "end").await;
    let after = act(&pak_d, &startex, &[("act", "acknowledge")]).await;
    assert_eq!(after.status(), 409);
    assert!(after
        .text()
        .await
        .unwrap()
        .contains("This exercise has ended"));

    // The report: per State, met, late and missed as they happened.
    let r = report(&facilitator, &console).await;
    assert_eq!(outcome(&r, "PAK", "norcert-alert", "acknowledge"), "met");
    assert_eq!(outcome(&r, "PAK", "norcert-alert", "escalate"), "met");
    assert_eq!(outcome(&r, "PAK", "norcert-alert", "reply"), "met");
    assert_eq!(outcome(&r, "PAK", "norcert-alert", "manual"), "met");
    assert_eq!(outcome(&r, "FRA", "norcert-alert", "acknowledge"), "late");
    assert_eq!(outcome(&r, "FRA", "norcert-alert", "reply"), "missed");
    assert_eq!(outcome(&r, "FRA", "norcert-alert", "escalate"), "missed");
    assert_eq!(outcome(&r, "PAK", "startex", "acknowledge"), "missed");
    assert!(r["overall"]["met"].as_u64().unwrap() >= 4);
    assert_eq!(r["status"], "ended");
    // The printable page, in the reader's language, each State's figures.
    let page = facilitator
        .get(&format!("{console}/report"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"state-PAK\"") && page.contains("id=\"state-FRA\""));
    assert!(page.contains("CERT at 07:12."), "{page}");
    // Pakistan's PoCs see Pakistan's part only.
    let own = report(&pak_t, &console).await;
    let states: Vec<_> = own["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(states, ["PAK"]);
    assert!(own["overall"].is_null());
    let own_page = pak_t
        .get(&format!("{console}/report"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!own_page.contains("id=\"state-FRA\""));
    // The improvement plan: one line for Pakistan, one for every State; a
    // bad date is refused and adds nothing.
    let bad_date = facilitator
        .post_form(
            &format!("{console}/improvements"),
            &[
                ("state", "PAK"),
                ("issue", "x"),
                ("recommendation", "y"),
                ("owner", "z"),
                ("due_date", "next spring"),
            ],
        )
        .await;
    assert_eq!(bad_date.status(), 422);
    for (state, issue) in [
        ("PAK", "The diplomat learned of the alert from the news."),
        ("", "No agreed public line before the news items."),
    ] {
        let added = facilitator
            .post_form(
                &format!("{console}/improvements"),
                &[
                    ("state", state),
                    ("issue", issue),
                    (
                        "recommendation",
                        "Write the escalation rota into the national plan.",
                    ),
                    ("owner", "National CERT"),
                    ("due_date", "2027-03-31"),
                ],
            )
            .await;
        assert_eq!(added.status(), 303);
    }
    let r = report(&facilitator, &console).await;
    assert_eq!(r["improvements"].as_array().unwrap().len(), 2);
    // France sees the line for every State, not Pakistan's.
    let fra_report = report(&fra_t, &console).await;
    let lines = fra_report["improvements"].as_array().unwrap();
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["state"].is_null());

    // The survey, once, after the end.
    let survey = pak_t
        .post_form(
            &format!("{console}/feedback"),
            &[
                ("rating", "4"),
                ("went_well", "The escalation path worked."),
                ("to_improve", "Agree the public line earlier."),
            ],
        )
        .await;
    assert_eq!(survey.status(), 303);
    let twice = pak_t
        .post_form(
            &format!("{console}/feedback"),
            &[("rating", "4"), ("went_well", "x"), ("to_improve", "y")],
        )
        .await;
    assert_eq!(twice.status(), 409);
    let r = report(&facilitator, &console).await;
    assert_eq!(
        r["states"][1]["survey"][0]["went_well"], "The escalation path worked.",
        "{r:#}"
    );

    // Nothing of the exercise in the real inboxes.
    for web in [&pak_t, &pak_d, &fra_t] {
        let inbox = web.get("/communications").await.text().await.unwrap();
        assert!(inbox.contains("<h1"), "{inbox}");
        assert!(!inbox.contains("Ransomware at Baltic") && !inbox.contains("Exercise start"));
    }
    // Every step is in the tamper-evident log.
    for (action, at_least) in [
        ("exercise.create", 1),
        ("exercise.start", 1),
        ("exercise.inject", 5),
        ("exercise.add_inject", 1),
        ("exercise.act", 4),
        ("exercise.miss", 2),
        ("exercise.validate", 1),
        ("exercise.pause", 1),
        ("exercise.resume", 1),
        ("exercise.end", 1),
        ("exercise.feedback", 1),
        ("exercise.improve", 2),
    ] {
        let n = entries(&server, action).await;
        assert!(n >= at_least, "{action}: {n}");
    }
    server.stop().await;
}

#[tokio::test]
async fn bad_scenarios_and_states_are_refused_and_nothing_is_prepared() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    participating(&server, &secretariat).await;
    let web = server.signed_in(&secretariat).await;
    let example = pocdir_domain::exercise::examples::find("election-ddos").unwrap();
    let upload = |bytes: Vec<u8>| {
        let web = &web;
        async move {
            web.post_multipart(
                "/exercises",
                &[("states", "PAK")],
                &[("scenario", "scenario.json", bytes.as_slice())],
            )
            .await
        }
    };
    // Not JSON of the format: serde's words, with the line.
    let r = upload(b"{\"format\": 1".to_vec()).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("cannot be read"));
    // Each problem with its place, all at once.
    let bad = example
        .replacen("\"tlp\": \"AMBER\"", "\"tlp\": \"RED\"", 1)
        .replacen("\"from\": \"valcert\"", "\"from\": \"nobody\"", 1);
    let r = upload(bad.into_bytes()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("TLP:RED is not played"), "{html}");
    assert!(html.contains("no actor has this key"), "{html}");
    // A recipient outside the exercise.
    let outside = example.replacen(
        "\"roles\": \"technical\"",
        "\"roles\": \"technical\", \"states\": [\"DEU\"]",
        1,
    );
    let r = upload(outside.into_bytes()).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("DEU"));
    // No State, or one that does not take part.
    let r = web
        .post_multipart("/exercises", &[("example", "election-ddos")], &[])
        .await;
    assert_eq!(r.status(), 422);
    let r = web
        .post_multipart(
            "/exercises",
            &[("example", "election-ddos"), ("states", "ZZZ")],
            &[],
        )
        .await;
    assert_eq!(r.status(), 422);
    // Too large.
    let r = upload(vec![b' '; 600 * 1024]).await;
    assert!(r.status() == 413, "{}", r.status());
    // Nothing was prepared, nothing logged.
    let list = web.get("/exercises").await.text().await.unwrap();
    assert!(list.contains("id=\"exercise-none\""), "{list}");
    assert_eq!(entries(&server, "exercise.").await, 0);
    // An unknown step or exercise.
    assert_eq!(
        web.post_form("/exercises/999/step", &[("step", "start")])
            .await
            .status(),
        404
    );
    server.stop().await;
}
