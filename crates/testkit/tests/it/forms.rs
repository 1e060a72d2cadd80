//! Forms that help: required fields marked, errors beside their fields in
//! plain words with a summary, confirmation steps with a reason for reject
//! and withdraw, the review of a change as a difference, a confirmation
//! after every step, and the import template.

use crate::pocs::{draft, log_actions, Api};
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestServer, WebClient};
use serde_json::json;

/// The PoC form, as a nominator fills it in.
fn poc_form<'a>(name: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("role", "technical"),
        ("name", name),
        ("title", "Duty officer"),
        ("organisation", "PKCERT"),
        ("emails", email),
        ("phone1", "+92 51 9204 567"),
        ("phone1_use", "office"),
        ("phone2", ""),
        ("phone2_use", "mobile"),
        ("phone3", ""),
        ("phone3_use", "24x7"),
        ("secure_channels", ""),
        ("languages", "en ur"),
        ("time_zone", "Asia/Karachi"),
        ("hours", "Mon-Fri 09:00-17:00"),
        ("notes", ""),
    ]
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

/// Follows a confirmed redirect and returns the confirmation shown there.
async fn flash(web: &WebClient, r: reqwest::Response) -> String {
    assert_eq!(r.status(), 303, "a step ends with a redirect");
    let html = web.get(&location(&r)).await.text().await.unwrap();
    let at = html
        .find("id=\"flash\">")
        .unwrap_or_else(|| panic!("no confirmation on {}: {html}", location(&r)));
    let rest = &html[at + "id=\"flash\">".len()..];
    rest[..rest.find('<').unwrap()].to_string()
}

/// The rows of the change review: (field, change), as marked on the page.
fn diff_rows(html: &str) -> Vec<(String, String)> {
    html.split("<tr class=\"diff-")
        .skip(1)
        .map(|row| {
            let attr = |name: &str| {
                let at = row.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                row[at..at + row[at..].find('"').unwrap()].to_string()
            };
            (
                attr("id").trim_start_matches("diff-").to_string(),
                attr("data-change"),
            )
        })
        .collect()
}

#[tokio::test]
async fn rejecting_without_a_reason_shows_the_step_again_signed_in() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let (status, poc) = api
        .post(
            &pak,
            "/api/v1/participants/PAK/pocs",
            draft("technical", "Ayesha Malik", "Asia/Karachi"),
        )
        .await;
    assert_eq!(status, 201, "{poc}");
    let id = poc["id"].as_i64().unwrap();
    let web = server.signed_in(&secretariat).await;

    // Each decision says what it does; rejecting is a step of its own.
    let html = web.get(&format!("/pocs/{id}")).await.text().await.unwrap();
    assert!(html.contains(">Approve nomination</button>"), "{html}");
    assert!(!html.contains("Verify and activate"));
    assert!(html.contains(&format!(
        "href=\"/pocs/{id}/reject\" id=\"poc-reject\">Reject nomination<"
    )));
    let step = web.get(&format!("/pocs/{id}/reject")).await;
    assert_eq!(step.status(), 200);
    let html = step.text().await.unwrap();
    assert!(
        html.contains("Reject nomination: <bdi>Ayesha Malik</bdi>"),
        "{html}"
    );
    assert!(html.contains("aria-required=\"true\""));

    // No reason: the step again, signed in, the error beside the reason
    // and in the summary, linked to the field; nothing decided.
    let r = web
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[("version", "1"), ("decision", "reject"), ("reason", "  ")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"sign-out\""),
        "the header shows who is signed in: {html}"
    );
    assert!(html.contains(&secretariat.email));
    assert!(
        html.contains("id=\"error-reason\">A rejection needs a reason"),
        "{html}"
    );
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("aria-describedby=\"reason-hint error-reason\""));
    assert!(
        html.contains("<a href=\"#reason\">"),
        "the summary links to the field"
    );
    assert!(html.contains(&format!("action=\"/pocs/{id}/decision\"")));
    assert!(!html.contains("each is named"));
    assert_eq!(server.store.poc(id).await.unwrap().unwrap().version, 1);

    // A reason too long is refused the same way, and kept as typed.
    let long = "x".repeat(1001);
    let r = web
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[("version", "1"), ("decision", "reject"), ("reason", &long)],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(&long));

    // With a reason: rejected, back to the queue, confirmed.
    let r = web
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[
                ("version", "1"),
                ("decision", "reject"),
                ("reason", "The e-mail address bounces."),
            ],
        )
        .await;
    assert_eq!(location(&r), "/nominations?done=rejected");
    assert_eq!(
        flash(&web, r).await,
        "Rejected. The nominating authority will see your reason."
    );
    let history = server.store.poc_history(id).await.unwrap();
    assert_eq!(
        history.last().unwrap().reason.as_deref(),
        Some("The e-mail address bounces.")
    );
    server.stop().await;
}

#[tokio::test]
async fn withdrawing_is_a_step_with_a_reason_that_is_logged() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let id = api
        .verified(&pak, &secretariat, "PAK", "Ayesha Malik")
        .await;
    let web = server.signed_in(&pak).await;

    // The PoC's page leads to the step; the step asks why.
    let html = web.get(&format!("/pocs/{id}")).await.text().await.unwrap();
    assert!(
        html.contains(&format!("href=\"/pocs/{id}/withdraw\"")),
        "{html}"
    );
    let html = web
        .get(&format!("/pocs/{id}/withdraw"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("name=\"reason\""), "{html}");
    assert!(html.contains("until the secretariat approves the withdrawal"));

    // Without a reason: nothing changes, the step again with the error.
    let r = web
        .post_form(&format!("/pocs/{id}/withdraw"), &[("version", "2")])
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"error-reason\">Say why"), "{html}");
    assert!(html.contains("id=\"sign-out\""));
    assert!(log_actions(&server, "poc.propose_withdrawal")
        .await
        .is_empty());

    // With one: requested, confirmed, and the reason logged and kept.
    let reason = "Left the ministry; replaced by Sana Qureshi.";
    let r = web
        .post_form(
            &format!("/pocs/{id}/withdraw"),
            &[("version", "2"), ("reason", reason)],
        )
        .await;
    assert_eq!(
        location(&r),
        format!("/pocs/{id}?done=withdrawal-requested")
    );
    let shown = flash(&web, r).await;
    assert!(shown.starts_with("The withdrawal was sent"), "{shown}");
    let entries = log_actions(&server, "poc.propose_withdrawal").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].object, format!("poc:{id}"));
    assert_eq!(
        entries[0].content_hash,
        pocdir_domain::log::entry::content_hash(&json!({ "reason": reason })),
        "the log entry covers the reason"
    );

    // The secretariat sees the reason, and approves the withdrawal by its name.
    let office = server.signed_in(&secretariat).await;
    let html = office
        .get(&format!("/pocs/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(reason), "{html}");
    assert!(html.contains(">Approve withdrawal</button>"));
    let r = office
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[("version", "3"), ("decision", "approve")],
        )
        .await;
    assert_eq!(
        flash(&office, r).await,
        "Withdrawal approved: the point of contact is no longer in the directory."
    );
    server.stop().await;
}

#[tokio::test]
async fn a_change_is_reviewed_as_a_difference_from_the_current_entry() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let office = server.signed_in(&secretariat).await;

    // A first nomination: a new entry, its heading names the person, its
    // status says "awaiting verification" once.
    let (_, poc) = api
        .post(
            &pak,
            "/api/v1/participants/PAK/pocs",
            draft("technical", "Ayesha Malik", "Asia/Karachi"),
        )
        .await;
    let id = poc["id"].as_i64().unwrap();
    let html = office
        .get(&format!("/pocs/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<h1><bdi>Ayesha Malik</bdi> — "), "{html}");
    assert!(html.contains("New entry (first nomination)"));
    assert!(!html.contains("Proposed change"));
    assert!(!html.contains("id=\"poc-diff\""));
    let status = &html[html.find("id=\"poc-status\">").unwrap()..];
    let status = &status[..status.find("</dd>").unwrap()];
    assert_eq!(
        status,
        "id=\"poc-status\">Awaiting verification — <strong>new nomination</strong>"
    );

    // Verified, then changed: e-mail changed, title removed, notes added.
    let (status, _) = api
        .post(
            &secretariat,
            &format!("/api/v1/pocs/{id}/decision"),
            json!({"version": 1, "approve": true}),
        )
        .await;
    assert_eq!(status, 200);
    let mut new = draft("technical", "Ayesha Malik", "Asia/Karachi");
    new["emails"] = json!(["ayesha.malik@cert.pk.example.org"]);
    new["title"] = json!("");
    new["notes"] = json!("Prefers Signal after hours");
    let (status, body) = api
        .post(
            &pak,
            &format!("/api/v1/pocs/{id}/update"),
            json!({"version": 2, "details": new}),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let html = office
        .get(&format!("/pocs/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"poc-diff\""), "{html}");
    // One table, not two copies.
    assert!(!html.contains("id=\"poc-proposed\""));
    assert!(!html.contains("id=\"poc-details\""));
    let rows = diff_rows(&html);
    let changed: Vec<(&str, &str)> = rows
        .iter()
        .filter(|(_, c)| c != "unchanged")
        .map(|(f, c)| (f.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            ("title", "removed"),
            ("emails", "changed"),
            ("notes", "added")
        ]
    );
    for field in [
        "name",
        "organisation",
        "phones",
        "languages",
        "time_zone",
        "hours",
    ] {
        assert!(
            rows.iter().any(|(f, c)| f == field && c == "unchanged"),
            "{field} is shown unchanged: {rows:?}"
        );
    }
    // Marked in words, not by colour alone.
    for words in [
        "<strong>changed</strong>",
        "<strong>added</strong>",
        "<strong>removed</strong>",
    ] {
        assert!(html.contains(words), "{words}");
    }
    assert!(html.contains("<del><bdi>ayesha.malik@cert.example.org</bdi></del>"));
    assert!(html.contains("<ins><bdi>ayesha.malik@cert.pk.example.org</bdi></ins>"));
    assert!(html.contains(">Approve change</button>"));
    assert!(html.contains(">Reject change</a>"));
    server.stop().await;
}

#[tokio::test]
async fn every_step_of_the_forms_is_confirmed() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let web = server.signed_in(&pak).await;
    let office = server.signed_in(&secretariat).await;

    let r = web
        .post_form(
            "/participants/PAK/nominate",
            &poc_form("Ayesha Malik", "ayesha@cert.example.org"),
        )
        .await;
    let at = location(&r);
    let id: i64 = at
        .trim_start_matches("/pocs/")
        .trim_end_matches("?done=nominated")
        .parse()
        .unwrap();
    assert!(flash(&web, r).await.starts_with("The nomination was sent."));

    let mut amended = poc_form("Ayesha Malik", "ayesha.malik@cert.example.org");
    amended.push(("version", "1"));
    let r = web.post_form(&format!("/pocs/{id}/edit"), &amended).await;
    assert!(flash(&web, r)
        .await
        .starts_with("The nomination was updated."));

    let r = office
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[("version", "2"), ("decision", "approve")],
        )
        .await;
    assert_eq!(location(&r), "/nominations?done=approved-create");
    assert!(flash(&office, r).await.starts_with("Nomination approved"));

    let r = web
        .post_form(&format!("/pocs/{id}/confirm"), &[("version", "3")])
        .await;
    assert!(flash(&web, r)
        .await
        .starts_with("Confirmed: the details still hold."));

    let mut changed = poc_form("Ayesha Malik", "a.malik@cert.example.org");
    changed.push(("version", "4"));
    let r = web.post_form(&format!("/pocs/{id}/edit"), &changed).await;
    assert!(flash(&web, r)
        .await
        .starts_with("The change was sent for verification."));

    let r = office
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[("version", "5"), ("decision", "approve")],
        )
        .await;
    assert!(flash(&office, r).await.starts_with("Change approved"));

    // A nomination withdrawn before verification ends at once.
    let r = web
        .post_form(
            "/participants/PAK/nominate",
            &poc_form("Sana Qureshi", "sana@cert.example.org"),
        )
        .await;
    let second: i64 = location(&r)
        .trim_start_matches("/pocs/")
        .trim_end_matches("?done=nominated")
        .parse()
        .unwrap();
    let r = web
        .post_form(
            &format!("/pocs/{second}/withdraw"),
            &[("version", "1"), ("reason", "Nominated by mistake.")],
        )
        .await;
    assert_eq!(flash(&web, r).await, "The nomination was withdrawn.");

    // The import's confirmation is a known message in every language.
    let html = office
        .get("/nominations?done=imported")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("The nominations were imported."), "{html}");
    server.stop().await;
}

#[tokio::test]
async fn the_form_marks_required_fields_and_explains_errors_in_plain_words() {
    let server = TestServer::start().await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let web = server.signed_in(&pak).await;
    let html = web
        .get("/participants/PAK/nominate")
        .await
        .text()
        .await
        .unwrap();
    for field in [
        "name",
        "organisation",
        "emails",
        "languages",
        "time_zone",
        "hours",
    ] {
        assert!(
            html.contains(&format!("id=\"{field}\"")) && html.contains("(required)"),
            "{field}"
        );
    }
    assert_eq!(html.matches("aria-required=\"true\"").count(), 6, "{html}");

    let mut bad = poc_form("", "ayesha@cert.example.org");
    bad[5] = ("phone1", "0300 1234567");
    let r = web.post_form("/participants/PAK/nominate", &bad).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    // The summary, in the order of the form, linking to each field.
    let summary =
        &html[html.find("id=\"error-message\"").unwrap()..html.find("id=\"poc-form\"").unwrap()];
    assert!(
        summary.contains("2 fields need your attention"),
        "{summary}"
    );
    let name_at = summary.find("<a href=\"#name\">").unwrap();
    let phone_at = summary.find("<a href=\"#phone1\">").unwrap();
    assert!(name_at < phone_at);
    // Each field tied to its error, in plain words.
    assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"error-name\""));
    assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"error-phone1\""));
    assert!(html.contains("id=\"error-phone1\">Write the number in international form"));
    assert!(
        !html.contains("E.164"),
        "no standard's name for people: {html}"
    );
    // What was typed is kept.
    assert!(html.contains("value=\"0300 1234567\""));
    assert!(html.contains("ayesha@cert.example.org"));
    server.stop().await;
}

#[tokio::test]
async fn the_import_template_imports_as_it_is_and_is_explained() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;
    let html = web.get("/directory/import").await.text().await.unwrap();
    assert!(
        html.contains("href=\"/directory/import/template.csv\""),
        "{html}"
    );
    for column in [
        "participant",
        "emails",
        "phones",
        "time_zone",
        "openpgp_key",
    ] {
        assert!(
            html.contains(&format!("id=\"import-column-{column}\"")),
            "{column}"
        );
    }

    let r = web.get("/directory/import/template.csv").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("pocdir-import-template.csv"));
    let file = r.bytes().await.unwrap();
    assert!(file.starts_with("\u{feff}participant,role,name,".as_bytes()));

    // As downloaded, it is a file the import takes: one good row.
    let token = server.token(&secretariat, "write").await;
    let report: serde_json::Value = reqwest::Client::new()
        .post(server.url("/api/v1/pocs/import?format=csv&mode=dry_run"))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(file.to_vec())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["rows"], 1, "{report}");
    assert_eq!(report["valid_rows"], 1, "{report}");
    assert_eq!(report["problems"], json!([]));
    server.stop().await;
}
