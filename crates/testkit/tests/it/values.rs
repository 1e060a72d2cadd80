//! Values as people read them, through the real server: the pickers of
//! the PoC form (a language picked or typed by name is stored as its BCP 47
//! tag, a zone as its IANA name, anything else refused in plain words),
//! the PoC page and the State's cards (phones grouped and isolated, their
//! use, the zone's offset and local time, hours in words, languages by
//! name) and the audit page (events as sentences with names and links).

use crate::pocs::Api;
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestServer, WebClient};
use serde_json::json;

fn nomination<'a>(languages: [&'a str; 3], zone: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("role", "technical"),
        ("name", "Sana Qureshi"),
        ("organisation", "National CERT"),
        ("emails", "sana@cert.pk.example.org"),
        ("phone1", "+442079460204"),
        ("phone1_use", "24x7"),
        ("language1", languages[0]),
        ("language2", languages[1]),
        ("language3", languages[2]),
        ("time_zone", zone),
        ("hours", "Mon-Fri 09:00-17:00"),
    ]
}

async fn in_language(web: &WebClient, code: &str) {
    let r = web.get(&format!("/lang/{code}?next=/")).await;
    assert!(r.status().is_redirection(), "{}", r.status());
}

#[tokio::test]
async fn the_form_picks_languages_by_name_and_zones_by_city_and_stores_the_codes() {
    let server = TestServer::start().await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let web = server.signed_in(&pak).await;

    // The pickers, without JavaScript: a datalist of languages by name,
    // a select of zones grouped by region with today's offset.
    let html = web
        .get("/participants/PAK/nominate")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<datalist id=\"language-choices\">"),
        "{html}"
    );
    assert!(
        html.contains("<option value=\"French — français (fr)\">"),
        "{html}"
    );
    assert!(html.contains("list=\"language-choices\""), "{html}");
    assert!(
        html.contains("<select id=\"time_zone\" name=\"time_zone\" required"),
        "{html}"
    );
    assert!(html.contains("<optgroup label=\"Asia\">"), "{html}");
    assert!(
        html.contains("<option value=\"Asia/Karachi\">(UTC+05:00) Karachi</option>"),
        "{html}"
    );
    // In French, names are French and the groups too.
    in_language(&web, "fr").await;
    let html = web
        .get("/participants/PAK/nominate")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<option value=\"anglais — English (en)\">"),
        "{html}"
    );
    assert!(html.contains("<optgroup label=\"Asie\">"), "{html}");
    in_language(&web, "en").await;

    // A bad language or zone: refused in plain words, nothing stored, the values kept.
    let r = web
        .post_form(
            "/participants/PAK/nominate",
            &nomination(["frnch", "", ""], "Karachi"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("A language was not recognised."), "{html}");
    assert!(html.contains("Pick the time zone from the list"), "{html}");
    assert!(!html.contains("BCP 47") && !html.contains("IANA"), "{html}");
    assert!(html.contains("value=\"frnch\""), "{html}");
    assert!(server.store.pending_pocs().await.unwrap().is_empty());

    // Picked from the list, typed by name in English or in the language
    // itself: stored as BCP 47 tags, the zone as its IANA name.
    let r = web
        .post_form(
            "/participants/PAK/nominate",
            &nomination(["Urdu — اردو (ur)", "french", "Deutsch"], "Asia/Karachi"),
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let pending = server.store.pending_pocs().await.unwrap();
    let details = pending[0].pending_details().unwrap().unwrap();
    assert_eq!(details.languages, ["ur", "fr", "de"]);
    assert_eq!(details.time_zone, "Asia/Karachi");

    // Editing shows the stored tags as names, the zone chosen.
    let id = pending[0].id;
    let html = web
        .get(&format!("/pocs/{id}/edit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("value=\"French — français (fr)\""), "{html}");
    assert!(
        html.contains("<option value=\"Asia/Karachi\" selected>"),
        "{html}"
    );
    server.stop().await;
}

#[tokio::test]
async fn pages_show_values_in_the_readers_language_and_the_log_as_sentences() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra_poc = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    let body = json!({
        "role": "technical",
        "name": "Ayesha Malik",
        "organisation": "National CERT",
        "emails": ["ayesha@cert.pk.example.org"],
        "phones": [{"number": "+442079460204", "use": "24x7"}, {"number": "+923001234567", "use": "office"}],
        "languages": ["ur", "en"],
        "time_zone": "Asia/Karachi",
        "hours": "Mon-Fri 09:00-17:00"
    });
    let id = api.active(&pak, &secretariat, "PAK", body).await;
    let mut other = crate::pocs::draft("technical", "Claire Dubois", "Europe/Paris");
    other["hours"] = json!("24/7");
    api.active(&fra, &secretariat, "FRA", other).await;

    // France's PoC reads Pakistan's entry (a logged read).
    let web = server.signed_in(&fra_poc).await;
    let html = web.get(&format!("/pocs/{id}")).await.text().await.unwrap();
    // Phones grouped, isolated left to right, with their use.
    assert!(html.contains("<a href=\"tel:+442079460204\" class=\"phone\"><bdi dir=\"ltr\">+44 20 7946 0204</bdi></a> <span class=\"muted\">(24/7)</span>"), "{html}");
    assert!(html.contains("+92 300 1234567"), "{html}");
    assert!(html.contains("(UTC+05:00) Karachi"), "{html}");
    assert!(html.contains("local time now: "), "{html}");
    assert!(html.contains("Monday to Friday, 09:00–17:00"), "{html}");
    assert!(html.contains("Urdu, English"), "{html}");
    assert!(!html.contains("Mon-Fri"), "{html}");

    // In Arabic: the same digits in the same order, isolated; words in Arabic.
    in_language(&web, "ar").await;
    let html = web.get(&format!("/pocs/{id}")).await.text().await.unwrap();
    assert!(
        html.contains("<bdi dir=\"ltr\">+44 20 7946 0204</bdi>"),
        "{html}"
    );
    assert!(
        html.contains("من الاثنين إلى الجمعة، من 09:00 إلى 17:00"),
        "{html}"
    );
    assert!(html.contains("الأوردية، الإنجليزية"), "{html}");
    // The State's cards: phones with their use, in Chinese.
    in_language(&web, "zh").await;
    let html = web.get("/participants/PAK").await.text().await.unwrap();
    assert!(
        html.contains(
            "<bdi dir=\"ltr\">+44 20 7946 0204</bdi></a> <span class=\"muted\">(全天候)</span>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<bdi dir=\"ltr\">+92 300 1234567</bdi></a> <span class=\"muted\">(办公)</span>"
        ),
        "{html}"
    );
    assert!(html.contains("星期一至星期五 09:00–17:00"), "{html}");
    assert!(html.contains("当地现在时间："), "{html}");

    // The log as sentences: the secretariat sees who read what, linked.
    let html = server
        .signed_in(&secretariat)
        .await
        .get("/audit?action=poc.read")
        .await
        .text()
        .await
        .unwrap();
    let read = format!(
        "<bdi>{}</bdi> read the entry of <a href=\"/pocs/{id}\">the technical PoC of Pakistan</a>.",
        fra_poc.email
    );
    assert!(html.contains(&read), "{html}");
    assert!(
        html.contains("poc.read"),
        "the stored action is still shown: {html}"
    );
    // The auditor sees the directory without people: no PoC's name.
    let html = server
        .signed_in(&auditor)
        .await
        .get("/audit?action=poc.read")
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&fra_poc.email), "{html}");
    assert!(
        html.contains("Technical point of contact of France</bdi> read the entry of"),
        "{html}"
    );
    // Pakistan's own PoC sees who read its entry by name (PoCs of
    // participating States see each other); its nominator, who does not
    // see France's people, sees the reader's role and State.
    let pak_poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let html = own_log(&server, &pak_poc).await;
    assert!(html.contains(&read), "{html}");
    let html = own_log(&server, &pak).await;
    assert!(!html.contains(&fra_poc.email), "{html}");
    assert!(
        html.contains("<bdi>Technical point of contact of France</bdi> read the entry of"),
        "{html}"
    );
    server.stop().await;
}

async fn own_log(server: &TestServer, who: &pocdir_testkit::TestAccount) -> String {
    server
        .signed_in(who)
        .await
        .get("/audit/own-state?action=poc.read")
        .await
        .text()
        .await
        .unwrap()
}
