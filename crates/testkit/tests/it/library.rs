//! The best-practice library on the real server: a State publishes from
//! the form, another finds it in any script and downloads it (logged as a
//! read about the publisher; the publisher's own downloads are not), bad
//! input is refused field by field with nothing stored, only the
//! publisher (or the secretariat) withdraws, and what each kind of
//! account sees of each TLP label, from its own State and another, is
//! what `policy::library_view` says, in lists, totals and reads alike.

use crate::communications_api::{participating, who, Api};
use crate::entries_of as entries;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::policy::{library_view, Actor, LibraryView, Scopes};
use pocdir_testkit::TestServer;
use serde_json::{json, Value};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn text(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

fn fields<'a>(tlp: &'a str, title: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("kind", "national_strategy"),
        ("tlp", tlp),
        ("languages", "fr"),
        ("languages", "en"),
        ("areas", "strategy_policy"),
        ("areas", "awareness"),
        ("summary_en", "Our national strategy for ICT security."),
        (
            "summary_fr",
            "Notre stratégie nationale de sécurité des TIC.",
        ),
    ]
}

fn id_of(location: &str) -> i64 {
    location
        .trim_start_matches("/library/")
        .split(['?', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_state_publishes_another_downloads_and_the_read_is_logged() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA"]).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let pak_web = server.signed_in(&pak).await;
    let fra = who(&server, AccountKind::DiplomaticPoc, Some("FRA")).await;
    let fra_web = server.signed_in(&fra.account).await;
    let api = Api::new(&server);
    let size = server.store.log_size().await.unwrap();

    // Bad input: every problem at once, each beside its field; nothing kept.
    let mut bad = fields("RED", " ");
    bad.retain(|(k, _)| *k != "summary_fr" && *k != "areas");
    let (status, page) = text(
        pak_web
            .post_multipart(
                "/library",
                &bad,
                &[("file", "tool.exe", b"MZ\x90\x00\x03\x00")],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422, "{page}");
    for id in [
        "error-title",
        "error-tlp",
        "error-areas",
        "error-summary_fr",
        "error-file",
    ] {
        assert!(page.contains(id), "{id} in {page}");
    }
    let (status, page) = text(
        pak_web
            .post_multipart("/library", &fields("GREEN", "No file"), &[])
            .await,
    )
    .await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("error-file"), "{page}");
    assert_eq!(
        server.store.log_size().await.unwrap(),
        size,
        "nothing logged"
    );
    assert!(server.store.library_documents().await.unwrap().is_empty());

    // Published from the form.
    let published = pak_web
        .post_multipart(
            "/library",
            &fields("GREEN", "Stratégie nationale 2026"),
            &[("file", "strategie.pdf", PDF)],
        )
        .await;
    assert_eq!(published.status(), 303);
    let location = published.headers()["location"].to_str().unwrap().to_owned();
    let id = id_of(&location);
    assert_eq!(entries(&server, "library.publish").await, 1);

    // France finds it in any script, ignoring case and accents, through
    // the pages and the API.
    let (status, page) = text(fra_web.get("/library?q=STRATEGIE+nationale").await).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("library-document-{id}")), "{page}");
    let (status, found) = api
        .get(
            &fra,
            "/api/v1/library/documents?q=strat%C3%A9gie&area=awareness&language=fr",
        )
        .await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["total"], 1);
    assert_eq!(found["documents"][0]["tlp"], "TLP:GREEN");
    assert_eq!(found["documents"][0]["publisher"], "PAK");
    assert_eq!(found["documents"][0]["languages"], json!(["en", "fr"]));
    let (_, none) = api
        .get(
            &fra,
            "/api/v1/library/documents?q=strategie&area=cybercrime",
        )
        .await;
    assert_eq!(none["total"], 0);
    let (status, _) = api
        .get(&fra, "/api/v1/library/documents?area=gardening")
        .await;
    assert_eq!(status, 400);

    // France's downloads are logged as reads about Pakistan, before the
    // file leaves; Pakistan's own are not.
    let (status, page) = text(fra_web.get(&format!("/library/{id}")).await).await;
    assert_eq!(status, 200);
    assert!(page.contains("library-download-logged"), "{page}");
    let file = fra_web.get(&format!("/library/{id}/file")).await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "application/pdf");
    assert_eq!(file.bytes().await.unwrap().as_ref(), PDF);
    let r = api
        .get_raw(&fra, &format!("/api/v1/library/documents/{id}/file"))
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(entries(&server, "library.download").await, 2);
    let filter = pocdir_store::LogFilter {
        action: Some("library.download".into()),
        ..Default::default()
    };
    let logged = server.store.search_log(&filter, None, 10).await.unwrap();
    assert!(logged
        .iter()
        .all(|e| e.participant.as_deref() == Some("PAK")
            && e.object == format!("library_document:{id}")));
    let own = pak_web.get(&format!("/library/{id}/file")).await;
    assert_eq!(own.status(), 200);
    assert_eq!(
        entries(&server, "library.download").await,
        2,
        "own State: not logged"
    );

    // Only the publisher withdraws, with a reason.
    let (status, refused) = api
        .post(
            &fra,
            &format!("/api/v1/library/documents/{id}/withdraw"),
            json!({"reason": "Not ours"}),
        )
        .await;
    assert_eq!(status, 409, "{refused}");
    let (status, page) = text(
        pak_web
            .post_form(&format!("/library/{id}/withdraw"), &[("reason", " ")])
            .await,
    )
    .await;
    assert_eq!(status, 422, "{page}");
    assert_eq!(entries(&server, "library.withdraw").await, 0);
    let withdrawn = pak_web
        .post_form(
            &format!("/library/{id}/withdraw"),
            &[("reason", "Superseded by the 2027 strategy")],
        )
        .await;
    assert_eq!(withdrawn.status(), 303);
    assert_eq!(entries(&server, "library.withdraw").await, 1);
    // Gone for France, in lists, totals and reads; kept for Pakistan.
    let (_, found) = api.get(&fra, "/api/v1/library/documents").await;
    assert_eq!(found["total"], 0);
    let (_, found) = api
        .get(&fra, "/api/v1/library/documents?withdrawn=yes")
        .await;
    assert_eq!(found["total"], 0);
    let (status, _) = api
        .get(&fra, &format!("/api/v1/library/documents/{id}"))
        .await;
    assert_eq!(status, 404);
    let (status, _) = api
        .get_text(&fra, &format!("/api/v1/library/documents/{id}/file"))
        .await;
    assert_eq!(status, 404);
    let (status, page) = text(pak_web.get("/library?withdrawn=yes").await).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("library-document-{id}")), "{page}");
    // Withdrawing twice is refused.
    let (status, page) = text(
        pak_web
            .post_form(&format!("/library/{id}/withdraw"), &[("reason", "Again")])
            .await,
    )
    .await;
    assert_eq!(status, 409, "{page}");
    server.stop().await;
}

/// Publishes through the API with a bearer token: a multipart body as a
/// client library sends it, with a small text file.
async fn publish_api(server: &TestServer, token: &str, fields: &[(&str, &str)]) -> (u16, Value) {
    let boundary = "----pocdirLibraryTestBoundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"playbook.txt\"\r\nContent-Type: text/plain\r\n\r\nStep one.\n\r\n--{boundary}--\r\n")
            .as_bytes(),
    );
    let r = reqwest::Client::new()
        .post(server.url("/api/v1/library/documents"))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn who_sees_a_document_by_label_kind_and_state() {
    let server = TestServer::start().await;
    participating(&server, &["PAK", "FRA"]).await;
    let publisher = who(&server, AccountKind::TechnicalPoc, Some("PAK")).await;
    let api = Api::new(&server);
    let labels = [
        TlpLabel::Clear,
        TlpLabel::Green,
        TlpLabel::Amber,
        TlpLabel::AmberStrict,
    ];
    let mut ids = Vec::new();
    for tlp in labels {
        let (status, body) = publish_api(
            &server,
            &publisher.token,
            &fields(tlp.code(), &format!("Playbook {}", tlp.code())),
        )
        .await;
        assert_eq!(status, 201, "{body}");
        assert_eq!(body["tlp"], tlp.as_str());
        ids.push(body["id"].as_i64().unwrap());
    }
    // RED is refused through the API as well, beside its field.
    let (status, body) =
        publish_api(&server, &publisher.token, &fields("RED", "Red playbook")).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("tlp"), "{body}");

    for kind in AccountKind::ALL {
        for state in ["PAK", "FRA"] {
            let participant = kind.acts_for_participant().then_some(state);
            let reader = who(&server, kind, participant).await;
            let actor = Actor {
                account_id: reader.account.id,
                kind,
                participant: participant
                    .map(|p| pocdir_domain::account::ParticipantCode::parse(p).unwrap()),
                scopes: Scopes::ALL,
            };
            let may_read = pocdir_domain::policy::decide(
                Some(&actor),
                pocdir_domain::policy::Action::ReadLibrary,
            ) == pocdir_domain::policy::Decision::Allow;
            let mut expected_total = 0;
            for (tlp, id) in labels.iter().zip(&ids) {
                let view = library_view(&actor, Some("PAK"), *tlp, false, true, true);
                let (status, _) = api
                    .get(&reader, &format!("/api/v1/library/documents/{id}"))
                    .await;
                let expected = match (may_read, view) {
                    (false, _) => 403,
                    (true, LibraryView::Nothing) => 404,
                    (true, _) => 200,
                };
                assert_eq!(status, expected, "{kind} of {state} reading {tlp:?}");
                if expected == 200 {
                    expected_total += 1;
                }
            }
            let (status, found) = api.get(&reader, "/api/v1/library/documents").await;
            if may_read {
                assert_eq!(status, 200);
                assert_eq!(found["total"], expected_total, "{kind} of {state}");
                assert_eq!(
                    found["documents"].as_array().unwrap().len(),
                    expected_total,
                    "{kind} of {state}"
                );
            } else {
                assert_eq!(status, 403, "{kind} of {state}");
            }
        }
    }
    server.stop().await;
}
