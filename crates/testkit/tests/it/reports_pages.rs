//! The reports' pages through the real server: a vetted reporter sends a
//! vulnerability report from the form with a file, follows each State on
//! the report's page and writes in one State's thread; the States'
//! technical PoCs find it on their home, acknowledge it, answer for their
//! State and ask a question without the reporter learning who; the
//! reporter extends the embargo with a reason every State sees. Bad input
//! comes back beside its field with nothing sent; each reader sees what
//! `policy::report_view` lets it see and no more.

use crate::communications_api::participating;
use crate::reports_api::{approved_reporter, STIX};
use pocdir_domain::account::AccountKind;
use pocdir_store::ReportList;
use pocdir_testkit::{TestServer, WebClient};

/// The fields of a good report to `states`, `extra` replacing some.
fn fields<'a>(states: &[&'a str], extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f: Vec<(&str, &str)> = vec![
        ("category", "vulnerability"),
        ("tlp", "AMBER"),
        ("title", "Pre-authentication RCE in ExampleVPN"),
        (
            "description",
            "A crafted request to /remote/login runs code as root. page-marker-text",
        ),
        ("products", "ExampleVPN Gateway: < 9.4.2\nExampleVPN Cloud"),
        ("cve_ids", "CVE-2026-41234, CVE-2026-41235"),
        ("embargo_local", "2031-01-15T09:00"),
        ("embargo_zone", "Europe/Berlin"),
    ];
    for s in states {
        f.push(("states", s));
    }
    for (k, v) in extra {
        f.retain(|(key, _)| key != k);
        f.push((k, v));
    }
    f
}

/// The id in a `303` to `/reports/{id}?done=…`.
fn sent_id(r: &reqwest::Response) -> i64 {
    assert_eq!(r.status(), 303, "{:?}", r.headers());
    let location = r.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("done=report-sent"), "{location}");
    location
        .strip_prefix("/reports/")
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a report: {location}"))
}

async fn page(web: &WebClient, path: &str) -> String {
    let r = web.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

fn done(r: &reqwest::Response, what: &str) {
    assert_eq!(r.status(), 303, "{what}");
    let location = r.headers()["location"].to_str().unwrap();
    assert!(location.contains(&format!("done={what}")), "{location}");
}

async fn report_count(server: &TestServer) -> usize {
    server
        .store
        .reports(&ReportList::All, None, 100)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_reporter_sends_from_the_form_and_follows_each_state_on_the_page() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA", "GBR"]).await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let pak = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let gbr = server.account(AccountKind::TechnicalPoc, Some("GBR")).await;
    let (reporter, _) = approved_reporter(&server, "Northwind Security").await;
    let rweb = server.signed_in(&reporter.account).await;

    // From the reporter's home to the form: every participating State offered, no TLP:RED.
    let home = page(&rweb, "/").await;
    assert!(home.contains("href=\"/reports/new\""), "{home}");
    let form = page(&rweb, "/reports/new").await;
    for name in ["France", "Pakistan", "United Kingdom"] {
        assert!(form.contains(name), "{name} missing from the form");
    }
    assert!(form.contains("value=\"AMBER+STRICT\""));
    assert!(!form.contains("value=\"RED\""));

    let r = rweb
        .post_multipart(
            "/reports/new",
            &fields(&["FRA", "PAK", "GBR"], &[("stix_bundle", STIX)]),
            &[("attachments", "advisory.txt", b"Patch to 9.4.2\n")],
        )
        .await;
    let id = sent_id(&r);
    let mine = page(&rweb, &format!("/reports/{id}")).await;
    assert!(mine.contains("Pre-authentication RCE in ExampleVPN"));
    assert!(mine.contains("TLP:AMBER"));
    assert!(mine.contains("CVE-2026-41235"));
    assert!(mine.contains("advisory.txt"));
    assert!(mine.contains(&format!("/reports/{id}/stix")));
    for code in ["FRA", "PAK", "GBR"] {
        assert!(
            mine.contains(&format!("id=\"report-state-{code}-status\"")),
            "{code}"
        );
    }
    assert_eq!(mine.matches("data-status=\"unknown\"").count(), 3);
    assert!(
        mine.contains("15/01/2031") || mine.contains("2031-01-15 09:00"),
        "{mine}"
    );

    // France's technical PoC: on its home, to acknowledge; the page; each step.
    let fweb = server.signed_in(&fra).await;
    let fhome = page(&fweb, "/").await;
    assert!(
        fhome.contains(&format!("id=\"home-report-{id}\"")),
        "{fhome}"
    );
    assert!(fhome.contains("To acknowledge"));
    let theirs = page(&fweb, &format!("/reports/{id}")).await;
    assert!(theirs.contains("page-marker-text"));
    assert!(theirs.contains("Northwind Security"));
    // Its own State only.
    assert!(theirs.contains("id=\"report-state-FRA-status\""));
    assert!(!theirs.contains("id=\"report-state-PAK-status\""));
    done(
        &fweb
            .post_form(&format!("/reports/{id}/acknowledge"), &[])
            .await,
        "report-acknowledged",
    );
    // Twice is refused, on the page, with the reason.
    let again = fweb
        .post_form(&format!("/reports/{id}/acknowledge"), &[])
        .await;
    assert_eq!(again.status(), 409);
    done(
        &fweb
            .post_form(&format!("/reports/{id}/status"), &[("status", "affected")])
            .await,
        "report-status",
    );
    done(
        &fweb
            .post_form(
                &format!("/reports/{id}/messages"),
                &[("body", "Which firmware builds carry the fix?")],
            )
            .await,
        "report-message",
    );
    let fhome = page(&fweb, "/").await;
    assert!(!fhome.contains("To acknowledge"), "{fhome}");

    // The reporter sees France affected and the question from "France,
    // Technical point of contact" — never who.
    let mine = page(&rweb, &format!("/reports/{id}")).await;
    assert!(mine.contains("Which firmware builds carry the fix?"));
    assert!(
        mine.contains("France, Technical point of contact"),
        "{mine}"
    );
    assert!(!mine.contains(&fra.email));
    assert_eq!(mine.matches("data-status=\"affected\"").count(), 1);
    let list = page(&rweb, "/reports").await;
    assert!(list.contains("data-status=\"affected\""));

    // The reporter answers in France's thread; Pakistan does not see it.
    done(
        &rweb
            .post_form(
                &format!("/reports/{id}/states/FRA/messages"),
                &[("body", "Builds 9.4.2 and later.")],
            )
            .await,
        "report-message",
    );
    let pweb = server.signed_in(&pak).await;
    let ptheirs = page(&pweb, &format!("/reports/{id}")).await;
    assert!(!ptheirs.contains("Builds 9.4.2 and later."));
    assert!(!ptheirs.contains("Which firmware builds"));
    assert!(page(&fweb, &format!("/reports/{id}"))
        .await
        .contains("Builds 9.4.2 and later."));

    // The embargo extended: every State sees the reason.
    done(
        &rweb
            .post_form(
                &format!("/reports/{id}/embargo"),
                &[
                    ("local", "2031-02-15T09:00"),
                    ("zone", "Europe/Berlin"),
                    (
                        "reason",
                        "The vendor needs four more weeks for the cloud fix.",
                    ),
                ],
            )
            .await,
        "report-extended",
    );
    let gweb = server.signed_in(&gbr).await;
    assert!(page(&gweb, &format!("/reports/{id}"))
        .await
        .contains("The vendor needs four more weeks"));
    // The STIX bundle and the file download for a recipient.
    let stix = gweb.get(&format!("/reports/{id}/stix")).await;
    assert_eq!(stix.status(), 200);
    assert!(stix.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/stix+json"));
    server.stop().await;
}

/// A form, the id of the error it must show, and words of its message.
type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);

#[tokio::test]
async fn bad_input_is_told_beside_its_field_and_nothing_is_sent() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA"]).await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let _pak = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let (reporter, _) = approved_reporter(&server, "Northwind Security").await;
    let rweb = server.signed_in(&reporter.account).await;

    let cases: Vec<Case> = vec![
        (
            fields(&["FRA"], &[("cve_ids", "CVE-26-1")]),
            "error-cve_ids",
            "A CVE id looks like",
        ),
        (
            fields(&["FRA"], &[("stix_bundle", "{\"type\": \"bundle\"")]),
            "error-stix_bundle",
            "",
        ),
        (
            fields(&["FRA", "DEU"], &[]),
            "error-states",
            "does not take part",
        ),
        (
            fields(&["FRA"], &[("embargo_local", "2020-01-01T00:00")]),
            "error-embargo_local",
            "already past",
        ),
        (
            fields(&["FRA"], &[("tlp", "RED")]),
            "error-tlp",
            "cannot be TLP:RED",
        ),
        (
            fields(&[], &[]),
            "error-states",
            "Choose at least one State",
        ),
    ];
    for (form, id, message) in cases {
        let r = rweb.post_multipart("/reports/new", &form, &[]).await;
        assert_eq!(r.status(), 422, "{id}");
        let html = r.text().await.unwrap();
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}: {html}");
        assert!(html.contains(message), "{id}: {message}");
        assert!(html.contains("Nothing went to any State"));
        // What was typed is kept.
        assert!(html.contains("Pre-authentication RCE in ExampleVPN"));
    }
    // A file too large for the limits.
    let big = vec![b'a'; 6 * 1024 * 1024];
    let r = rweb
        .post_multipart(
            "/reports/new",
            &fields(&["FRA"], &[]),
            &[("attachments", "dump.txt", &big)],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"error-attachments\""));
    assert_eq!(report_count(&server).await, 0);

    // A good one, then bad steps on it: each refused beside its form.
    let id = sent_id(
        &rweb
            .post_multipart("/reports/new", &fields(&["FRA"], &[]), &[])
            .await,
    );
    let fweb = server.signed_in(&fra).await;
    let r = fweb
        .post_form(&format!("/reports/{id}/status"), &[("status", "unknown")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"error-status\""));
    let r = fweb
        .post_form(&format!("/reports/{id}/messages"), &[("body", "   ")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Write a message."));
    let r = rweb
        .post_form(
            &format!("/reports/{id}/embargo"),
            &[
                ("local", "2030-01-01T09:00"),
                ("zone", "Europe/Berlin"),
                ("reason", "Earlier"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"error-extend\""));
    // The reason typed is kept.
    assert!(html.contains("Earlier"));
    server.stop().await;
}

#[tokio::test]
async fn each_reader_sees_what_the_policy_lets_it_see() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA", "GBR"]).await;
    let _fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let _gbr = server.account(AccountKind::TechnicalPoc, Some("GBR")).await;
    let fra_dip = server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    let pak = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let (reporter, _) = approved_reporter(&server, "Northwind Security").await;
    let (other, _) = approved_reporter(&server, "Southwind Research").await;
    let rweb = server.signed_in(&reporter.account).await;
    let id = sent_id(
        &rweb
            .post_multipart("/reports/new", &fields(&["FRA", "GBR"], &[]), &[])
            .await,
    );

    // A State it did not go to: not found, not listed, not counted.
    let pweb = server.signed_in(&pak).await;
    assert_eq!(pweb.get(&format!("/reports/{id}")).await.status(), 404);
    let list = page(&pweb, "/reports").await;
    assert!(!list.contains(&format!("report-row-{id}")));
    assert!(list.contains("id=\"reports-none\""));
    // Another reporter: the same.
    let oweb = server.signed_in(&other.account).await;
    assert_eq!(oweb.get(&format!("/reports/{id}")).await.status(), 404);
    assert_eq!(oweb.get(&format!("/reports/{id}/stix")).await.status(), 404);
    // The diplomatic PoC of a State it went to: its State's status, no content.
    let dweb = server.signed_in(&fra_dip).await;
    // On its home, where France stands, but nothing to acknowledge.
    let dhome = page(&dweb, "/").await;
    assert!(dhome.contains(&format!("id=\"home-report-{id}\"")));
    assert!(!dhome.contains("To acknowledge"), "{dhome}");
    let d = page(&dweb, &format!("/reports/{id}")).await;
    assert!(d.contains("id=\"report-not-recipient\""));
    assert!(!d.contains("page-marker-text"));
    assert!(!d.contains("id=\"form-acknowledge\""));
    // The secretariat: metadata of every State, no content, no steps.
    let sweb = server.signed_in(&secretariat).await;
    let s = page(&sweb, &format!("/reports/{id}")).await;
    assert!(s.contains("id=\"report-metadata-only\""));
    assert!(!s.contains("page-marker-text"));
    assert!(!s.contains("Pre-authentication RCE"));
    assert!(s.contains("id=\"report-state-FRA-status\""));
    assert!(s.contains("id=\"report-state-GBR-status\""));
    assert!(!s.contains("<form method=\"post\" action=\"/reports/"));
    let list = page(&sweb, "/reports").await;
    assert!(list.contains(&format!("report-row-{id}")));
    assert!(!list.contains("Pre-authentication RCE"));
    // The secretariat's home leads there.
    assert!(page(&sweb, "/").await.contains("href=\"/reports\""));
    server.stop().await;
}
