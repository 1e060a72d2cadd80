//! The directory through its pages and `/api/v1/pocs`: search and filters,
//! what each account kind sees, the PoC page with its logged reads, the
//! nomination forms (field errors, another State, stale versions), the
//! secretariat's queue and the re-validation dashboard.

use crate::pocs::{draft, log_actions, Api};
use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use serde_json::{json, Value};

fn names(results: &Value) -> Vec<String> {
    let mut names: Vec<String> = results["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap_or("-").to_string())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn search_filters_and_what_each_kind_sees() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let deu_nominator = server.account(AccountKind::Nominator, Some("DEU")).await;
    let pak_poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let deu_poc = server.account(AccountKind::TechnicalPoc, Some("DEU")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    let reporter = server.account(AccountKind::Reporter, None).await;

    let mut ayesha = draft("technical", "Ayesha Malik", "Asia/Karachi");
    ayesha["languages"] = json!(["ur", "en"]);
    ayesha["hours"] = json!("24/7");
    api.active(&pak_nominator, &secretariat, "PAK", ayesha)
        .await;
    let mut claire = draft("diplomatic", "Claire Dubois", "Europe/Paris");
    claire["organisation"] = json!("Ministère de l'Europe et des Affaires étrangères");
    claire["hours"] = json!("Mon-Fri 09:00-17:00");
    api.active(&fra_nominator, &secretariat, "FRA", claire)
        .await;
    let mut li = draft("technical", "李明", "Europe/Paris");
    li["emails"] = json!(["li.ming@cert.fr.example.org"]);
    li["languages"] = json!(["zh-Hans", "fr"]);
    api.active(&fra_nominator, &secretariat, "FRA", li).await;
    // Germany's nomination is still pending: Germany does not take part.
    let (status, _) = api
        .post(
            &deu_nominator,
            "/api/v1/participants/DEU/pocs",
            draft("technical", "Jonas Becker", "Europe/Berlin"),
        )
        .await;
    assert_eq!(status, 201);

    // A PoC of a participating State sees every participating State.
    let (status, all) = api.get(&pak_poc, "/api/v1/pocs").await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all["total"], 3);
    assert_eq!(names(&all), ["Ayesha Malik", "Claire Dubois", "李明"]);
    // Search results carry no contact channels.
    assert!(all["results"][0].get("emails").is_none());

    for (query, expected) in [
        ("role=diplomatic", vec!["Claire Dubois"]),
        ("q=dubois", vec!["Claire Dubois"]),
        ("q=%E6%9D%8E", vec!["李明"]),
        ("q=affaires+etrangeres", vec!["Claire Dubois"]),
        ("language=zh", vec!["李明"]),
        ("language=ur", vec!["Ayesha Malik"]),
        ("time_zone=Asia", vec!["Ayesha Malik"]),
        ("participant=FRA&role=technical", vec!["李明"]),
        // 24/7 is within hours whenever the search runs.
        ("awake=on&participant=PAK", vec!["Ayesha Malik"]),
        ("q=nobody-has-this-name", vec![]),
    ] {
        let (status, found) = api.get(&pak_poc, &format!("/api/v1/pocs?{query}")).await;
        assert_eq!(status, 200, "{query}: {found}");
        assert_eq!(names(&found), expected, "{query}");
    }
    // Paging: one per page, three pages.
    let (_, page2) = api.get(&pak_poc, "/api/v1/pocs?per_page=1&page=2").await;
    assert_eq!(page2["results"].as_array().unwrap().len(), 1);
    assert_eq!(page2["pages"], 3);
    // A filter that is not valid is a clear 422.
    let (status, bad) = api.get(&pak_poc, "/api/v1/pocs?awake=maybe").await;
    assert_eq!(status, 422, "{bad}");
    assert_eq!(bad["error"]["fields"][0]["field"], "awake", "{bad}");
    let (status, _) = api.get(&pak_poc, "/api/v1/pocs?role=admiral").await;
    assert_eq!(status, 422);

    // Reciprocity: a State that does not take part sees nothing.
    let (status, none) = api.get(&deu_poc, "/api/v1/pocs").await;
    assert_eq!(status, 200);
    assert_eq!(none["total"], 0, "{none}");
    // Its nominator sees its own pending entry on its State's page, not here:
    // the directory lists active PoCs only.
    let (_, own) = api.get(&deu_nominator, "/api/v1/pocs").await;
    assert_eq!(own["total"], 0, "{own}");
    // The auditor sees the directory without people.
    let (status, audit) = api.get(&auditor, "/api/v1/pocs").await;
    assert_eq!(status, 200);
    assert_eq!(audit["total"], 3);
    assert!(audit["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["name"].is_null() && r["organisation"].is_null()));
    // The reporter sees nothing of the directory.
    let (status, _) = api.get(&reporter, "/api/v1/pocs").await;
    assert_eq!(status, 403);
    // Searching logs no read: contact details are only on the PoC itself.
    assert!(log_actions(&server, "poc.read").await.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn poc_page_logs_reads_of_other_states_and_refuses_others() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let pak_poc = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let fra_poc = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let deu_poc = server.account(AccountKind::TechnicalPoc, Some("DEU")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;

    api.active(
        &pak_nominator,
        &secretariat,
        "PAK",
        draft("technical", "Ayesha Malik", "Asia/Karachi"),
    )
    .await;
    let fra = api
        .active(
            &fra_nominator,
            &secretariat,
            "FRA",
            draft("technical", "Claire Dubois", "Europe/Paris"),
        )
        .await;

    // Another participating State's PoC: details shown, the read logged.
    let web = server.signed_in(&pak_poc).await;
    let r = web.get(&format!("/pocs/{fra}")).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("claire.dubois@cert.example.org"), "{html}");
    assert!(html.contains("Your reading of these details has been recorded"));
    let reads = log_actions(&server, "poc.read").await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].object, format!("poc:{fra}"));
    assert_eq!(reads[0].actor_participant.as_deref(), Some("PAK"));
    assert_eq!(reads[0].participant.as_deref(), Some("FRA"));

    // The same through the API, logged again.
    let (status, one) = api.get(&pak_poc, &format!("/api/v1/pocs/{fra}")).await;
    assert_eq!(status, 200);
    assert_eq!(one["details"]["name"], "Claire Dubois");
    assert_eq!(log_actions(&server, "poc.read").await.len(), 2);

    // Its own State's PoC reads it without a log entry.
    let own = server.signed_in(&fra_poc).await;
    assert_eq!(own.get(&format!("/pocs/{fra}")).await.status(), 200);
    assert_eq!(log_actions(&server, "poc.read").await.len(), 2);

    // The auditor sees the entry's administration but not its details.
    let audit = server.signed_in(&auditor).await;
    let r = audit.get(&format!("/pocs/{fra}")).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(!html.contains("claire.dubois@cert.example.org"));
    assert_eq!(log_actions(&server, "poc.read").await.len(), 2);

    // A non-participating State: refused, and the attempt is recorded.
    let refused_before = log_actions(&server, "access.refused").await.len();
    let (status, _) = api.get(&deu_poc, &format!("/api/v1/pocs/{fra}")).await;
    assert_eq!(status, 403);
    assert_eq!(
        log_actions(&server, "access.refused").await.len(),
        refused_before + 1
    );
    // An id that does not exist is a 404, not a leak.
    let (status, _) = api.get(&pak_poc, "/api/v1/pocs/999999").await;
    assert_eq!(status, 404);
    server.stop().await;
}

fn form<'a>(name: &'a str, email: &'a str, phone: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("role", "diplomatic"),
        ("name", name),
        ("title", "Counsellor"),
        ("organisation", "Ministry of Foreign Affairs"),
        ("emails", email),
        ("phone1", phone),
        ("phone1_use", "office"),
        ("phone2", ""),
        ("phone2_use", "office"),
        ("phone3", ""),
        ("phone3_use", "office"),
        ("secure_channels", ""),
        ("languages", "ur en"),
        ("time_zone", "Asia/Karachi"),
        ("hours", "Mon-Fri 09:00-17:00"),
        ("notes", ""),
    ]
}

#[tokio::test]
async fn nomination_forms_queue_and_revalidation_pages() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak_nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let nominator = server.signed_in(&pak_nominator).await;

    // The nominator finds the form: its account page links to its State's
    // page, which links to the form; no one else is offered the form.
    let html = nominator.get("/account").await.text().await.unwrap();
    assert!(html.contains("href=\"/participants/PAK\""), "{html}");
    let link = "href=\"/participants/PAK/nominate\"";
    let html = nominator
        .get("/participants/PAK")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(link), "{html}");
    let html = nominator
        .get("/participants/FRA")
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("/nominate\""), "{html}");
    let html = server
        .signed_in(&secretariat)
        .await
        .get("/participants/PAK")
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(link), "{html}");

    // Bad fields: the form comes back with a message beside each field.
    let r = nominator
        .post_form(
            "/participants/PAK/nominate",
            &form("Sana Qureshi", "not-an-address", "0301 1234567"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("This is not an e-mail address."), "{html}");
    // In plain words, without the standard's name.
    assert!(
        html.contains("Write the number in international form"),
        "{html}"
    );
    assert!(
        html.contains("Sana Qureshi"),
        "the form keeps what was typed"
    );
    assert!(server.store.pending_pocs().await.unwrap().is_empty());

    // Another State's nomination form: 403, and the attempt is recorded.
    let refused_before = log_actions(&server, "access.refused").await.len();
    let r = nominator
        .post_form(
            "/participants/FRA/nominate",
            &form(
                "Sana Qureshi",
                "sana@mofa.pk.example.org",
                "+44 20 7946 0123",
            ),
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        log_actions(&server, "access.refused").await.len(),
        refused_before + 1
    );

    // A good nomination goes to the secretariat's queue.
    let r = nominator
        .post_form(
            "/participants/PAK/nominate",
            &form(
                "Sana Qureshi",
                "sana@mofa.pk.example.org",
                "+44 20 7946 0123",
            ),
        )
        .await;
    assert_eq!(r.status(), 303);
    let at = r.headers()["location"].to_str().unwrap().to_string();
    // To the new PoC's page, with the confirmation.
    let (at, done) = at.split_once('?').unwrap();
    assert_eq!(done, "done=nominated");
    let id: i64 = at.trim_start_matches("/pocs/").parse().unwrap();
    let secretariat_web = server.signed_in(&secretariat).await;
    let queue = secretariat_web.get("/nominations").await;
    assert_eq!(queue.status(), 200);
    let html = queue.text().await.unwrap();
    assert!(html.contains("Sana Qureshi"), "{html}");
    // The nominator has no queue.
    assert_eq!(nominator.get("/nominations").await.status(), 403);

    // Rejecting needs a reason.
    let r = secretariat_web
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[("version", "1"), ("decision", "reject"), ("reason", "")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = secretariat_web
        .post_form(
            &format!("/pocs/{id}/decision"),
            &[("version", "1"), ("decision", "approve"), ("reason", "")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let poc = server.store.poc(id).await.unwrap().unwrap();
    assert!(poc.active.is_some());
    let version = poc.version.to_string();

    // An edit against an old version is refused with the current version.
    let mut stale = form(
        "Sana Qureshi",
        "sana.q@mofa.pk.example.org",
        "+44 20 7946 0123",
    );
    stale.push(("version", "1"));
    let r = nominator
        .post_form(&format!("/pocs/{id}/edit"), &stale)
        .await;
    assert_eq!(r.status(), 409);
    let html = r.text().await.unwrap();
    assert!(html.contains(&format!("version {version}")), "{html}");
    // The current version goes through, pending verification.
    let mut fresh = form(
        "Sana Qureshi",
        "sana.q@mofa.pk.example.org",
        "+44 20 7946 0123",
    );
    fresh.push(("version", &version));
    let r = nominator
        .post_form(&format!("/pocs/{id}/edit"), &fresh)
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(server.store.pending_pocs().await.unwrap().len(), 1);

    // The re-validation dashboard lists the State's own entries.
    let r = nominator.get("/revalidation").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Sana Qureshi"), "{html}");
    assert!(html.contains("every 180 days"), "{html}");
    // In Arabic, right to left.
    let r = nominator.get("/lang/ar?next=/revalidation").await;
    assert_eq!(r.status(), 303);
    let html = nominator.get("/revalidation").await.text().await.unwrap();
    assert!(html.contains("dir=\"rtl\""));
    assert!(html.contains("إعادة تأكيد جهات الاتصال"), "{html}");
    server.stop().await;
}
