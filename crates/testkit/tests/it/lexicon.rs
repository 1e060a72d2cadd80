//! The common lexicon on the real server: the shipped OEWG terms are there
//! at start and found in any script; a State proposes a change, another
//! comments, the secretariat accepts it and the history shows what
//! changed; a stale proposal, a rejection without a reason and a decision
//! taken twice are refused with nothing changed; a TBX export imports back
//! unchanged and a malformed file changes nothing; the API answers the
//! same.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use serde_json::{json, Value};

use crate::entries_of as entries;

async fn text(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

fn proposal_id(location: &str) -> i64 {
    location
        .trim_start_matches("/lexicon/proposals/")
        .split(['?', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_state_proposes_another_comments_and_the_secretariat_curates() {
    let server = TestServer::start().await;
    let pak = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let fra = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let sec = server.account(AccountKind::Secretariat, None).await;
    let pak_web = server.signed_in(&pak).await;
    let fra_web = server.signed_in(&fra).await;
    let sec_web = server.signed_in(&sec).await;
    let seeded = entries(&server, "lexicon.change").await;
    assert!(seeded >= 25, "{seeded} concepts seeded at start");

    // Search in any script, ignoring case and accents.
    let (status, page) = text(pak_web.get("/lexicon?q=PING+TEST").await).await;
    assert_eq!(status, 200);
    assert!(page.contains("lexicon-concept-ping-test"), "{page}");
    let (_, page) = text(pak_web.get("/lexicon?q=MESURE+DE+CONFIANCE").await).await;
    assert!(
        page.contains("lexicon-concept-confidence-building-measure"),
        "{page}"
    );
    let (_, page) = text(
        pak_web
            .get("/lexicon?q=%E5%BB%BA%E7%AB%8B%E4%BF%A1%E4%BB%BB")
            .await,
    )
    .await;
    assert!(
        page.contains("lexicon-concept-confidence-building-measure"),
        "Chinese: {page}"
    );
    let (_, page) = text(pak_web.get("/lexicon?q=nothing-like-this-term").await).await;
    assert!(page.contains("lexicon-none"));

    // Pakistan proposes a change to the version it read.
    let (status, form) = text(pak_web.get("/lexicon/concepts/ping-test/propose").await).await;
    assert_eq!(status, 200);
    assert!(form.contains("name=\"base\" value=\"1\""), "{form}");
    let mut fields = vec![
        ("base", "1"),
        ("domain", "confidence_building"),
        ("related", "point-of-contact"),
        ("en-term-0", "ping test"),
        ("en-status-0", "preferred"),
        ("en-term-1", "reachability check"),
        ("en-status-1", "admitted"),
        (
            "en-definition",
            "A test of whether a point of contact answers.",
        ),
        ("en-source", "A/78/265 (paraphrase)"),
        ("fr-term-0", "test de joignabilité"),
        ("fr-status-0", "proposed"),
        ("rationale", "The term used in the annual report."),
    ];
    // A proposal with script in it and no rationale: every field named.
    let bad = vec![
        ("base", "1"),
        ("domain", "confidence_building"),
        ("en-term-0", "<script>x</script>"),
        ("en-status-0", "preferred"),
    ];
    let (status, page) = text(
        pak_web
            .post_form("/lexicon/concepts/ping-test/proposals", &bad)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("error-en-term-0"), "{page}");
    assert!(!page.contains("<script>x"), "never echoed as markup");
    assert_eq!(entries(&server, "lexicon.propose").await, 0);

    let r = pak_web
        .post_form("/lexicon/concepts/ping-test/proposals", &fields)
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let id = proposal_id(r.headers()["location"].to_str().unwrap());
    assert_eq!(entries(&server, "lexicon.propose").await, 1);
    // France sees it pending on the concept and comments.
    let (_, concept) = text(fra_web.get("/lexicon/concepts/ping-test").await).await;
    assert!(concept.contains("lexicon-pending"), "{concept}");
    let r = fra_web
        .post_form(
            &format!("/lexicon/proposals/{id}/comments"),
            &[("body", "Agreed; the French term is ours too.")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (status, _) = text(
        fra_web
            .post_form(
                &format!("/lexicon/proposals/{id}/comments"),
                &[("body", "  ")],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(entries(&server, "lexicon.comment").await, 1);
    // A State may not decide.
    let r = fra_web
        .post_form(
            &format!("/lexicon/proposals/{id}/decision"),
            &[("decision", "accept")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);

    // The secretariat reads what changes and accepts.
    let (_, page) = text(sec_web.get(&format!("/lexicon/proposals/{id}")).await).await;
    assert!(page.contains("reachability check"), "{page}");
    assert!(page.contains("Agreed; the French term is ours too."));
    let r = sec_web
        .post_form(
            &format!("/lexicon/proposals/{id}/decision"),
            &[("decision", "accept"), ("note", "")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(entries(&server, "lexicon.decide").await, 1);
    let (_, history) = text(pak_web.get("/lexicon/concepts/ping-test/history").await).await;
    assert!(history.contains("lexicon-version-2"), "{history}");
    assert!(history.contains("reachability check"), "{history}");
    // Deciding twice is refused.
    let (status, _) = text(
        sec_web
            .post_form(
                &format!("/lexicon/proposals/{id}/decision"),
                &[("decision", "reject"), ("note", "again")],
            )
            .await,
    )
    .await;
    assert_eq!(status, 409);

    // A proposal written against version 1 is now stale: refused on
    // filing, and an older pending one cannot be accepted.
    let (status, _) = text(
        pak_web
            .post_form("/lexicon/concepts/ping-test/proposals", &fields)
            .await,
    )
    .await;
    assert_eq!(status, 409);
    fields[0] = ("base", "2");
    let r = pak_web
        .post_form("/lexicon/concepts/ping-test/proposals", &fields)
        .await;
    let second = proposal_id(r.headers()["location"].to_str().unwrap());
    // Rejecting needs a reason.
    let (status, page) = text(
        sec_web
            .post_form(
                &format!("/lexicon/proposals/{second}/decision"),
                &[("decision", "reject"), ("note", " ")],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Say why"), "{page}");
    let r = sec_web
        .post_form(
            &format!("/lexicon/proposals/{second}/decision"),
            &[("decision", "reject"), ("note", "Nothing changes.")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = text(pak_web.get(&format!("/lexicon/proposals/{second}")).await).await;
    assert!(
        page.contains("Nothing changes."),
        "the proposer reads the reason"
    );

    // A new concept proposed; its id may not be taken.
    let new = [
        ("id", "ping-test"),
        ("domain", "technical"),
        ("en-term-0", "ping"),
        ("en-status-0", "proposed"),
        ("rationale", "x"),
    ];
    let (status, page) = text(pak_web.post_form("/lexicon/proposals", &new).await).await;
    assert_eq!(status, 422);
    assert!(page.contains("error-id"), "{page}");

    // A reporter has no access.
    let reporter = server.account(AccountKind::Reporter, None).await;
    let r = server.signed_in(&reporter).await.get("/lexicon").await;
    assert_eq!(r.status().as_u16(), 403);
}

#[tokio::test]
async fn a_tbx_export_imports_back_unchanged_and_a_malformed_file_changes_nothing() {
    let server = TestServer::start().await;
    let sec = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&sec).await;
    let r = web.get("/lexicon/export?format=tbx").await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("tbx"));
    let tbx = r.text().await.unwrap();
    assert!(
        tbx.contains("<conceptEntry id=\"ict-incident\">"),
        "{}",
        &tbx[..500]
    );
    let changes = entries(&server, "lexicon.change").await;

    // The export imports back: nothing differs, so no new version.
    let r = web
        .post_multipart(
            "/lexicon/import",
            &[("format", "tbx")],
            &[("file", "lexicon.tbx", tbx.as_bytes())],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(entries(&server, "lexicon.change").await, changes);
    assert_eq!(entries(&server, "lexicon.import").await, 1);
    let again = text(web.get("/lexicon/export?format=tbx").await).await.1;
    assert_eq!(again, tbx, "the round trip is unchanged");

    // One changed term becomes one new version.
    let changed = tbx.replacen("<term>ping test</term>", "<term>ping test (PoC)</term>", 1);
    assert_ne!(changed, tbx);
    let r = web
        .post_multipart(
            "/lexicon/import",
            &[("format", "tbx")],
            &[("file", "lexicon.tbx", changed.as_bytes())],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(entries(&server, "lexicon.change").await, changes + 1);

    // Malformed: truncated, a DOCTYPE, an unknown status: nothing changes.
    let half = &tbx[..tbx.len() / 2];
    let doctype = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{}",
        tbx.split_once("?>").unwrap().1
    );
    let status = tbx.replacen("preferredTerm-admn-sts", "officialTerm", 1);
    for bad in [half, doctype.as_str(), status.as_str()] {
        let (code, page) = text(
            web.post_multipart(
                "/lexicon/import",
                &[("format", "tbx")],
                &[("file", "bad.tbx", bad.as_bytes())],
            )
            .await,
        )
        .await;
        assert_eq!(code, 422, "{page}");
        assert!(page.contains("lexicon-problems"), "{page}");
    }
    assert_eq!(entries(&server, "lexicon.change").await, changes + 1);
    assert_eq!(entries(&server, "lexicon.import").await, 2);

    // SKOS: Turtle and JSON-LD, and the JSON-LD imports back.
    let r = web.get("/lexicon/export?format=turtle").await;
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/turtle"));
    let turtle = r.text().await.unwrap();
    assert!(turtle.contains("skos:prefLabel"), "{turtle}");
    let r = web.get("/lexicon/export?format=jsonld").await;
    assert_eq!(r.headers()["content-type"], "application/ld+json");
    let jsonld = r.text().await.unwrap();
    let r = web
        .post_multipart(
            "/lexicon/import",
            &[("format", "jsonld")],
            &[("file", "lexicon.jsonld", jsonld.as_bytes())],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        entries(&server, "lexicon.change").await,
        changes + 1,
        "what SKOS cannot say is kept: nothing changed"
    );
    let r = web.get("/lexicon/export?format=rdfxml").await;
    assert_eq!(r.status().as_u16(), 400);
}

#[tokio::test]
async fn the_api_searches_proposes_and_decides() {
    let server = TestServer::start().await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let sec = server.account(AccountKind::Secretariat, None).await;
    let http = reqwest::Client::new();
    let pak_token = server.token(&pak, "write").await;
    let sec_token = server.token(&sec, "write").await;

    let found: Value = http
        .get(server.url("/api/v1/lexicon/concepts?q=tlp&limit=3"))
        .bearer_auth(&pak_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(found["total"].as_u64().unwrap() >= 4, "{found}");
    assert_eq!(found["concepts"].as_array().unwrap().len(), 3);
    let r = http
        .get(server.url("/api/v1/lexicon/concepts?domain=politics"))
        .bearer_auth(&pak_token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);

    let one: Value = http
        .get(server.url("/api/v1/lexicon/concepts/ict-incident"))
        .bearer_auth(&pak_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(one["version"], 1);
    assert_eq!(one["history"][0]["changes"][0]["change"], "related_added");

    let concept = json!({
        "id": "digital-forensics",
        "domain": "technical",
        "language": [
            {"lang": "en", "definition": "The collection and analysis of digital evidence.",
             "source": "ISO/IEC 27037 (paraphrase)",
             "terms": [{"text": "digital forensics", "status": "preferred"}]},
            {"lang": "ar", "terms": [{"text": "التحليل الجنائي الرقمي", "status": "proposed"}]}
        ]
    });
    let r = http
        .post(server.url("/api/v1/lexicon/proposals"))
        .bearer_auth(&pak_token)
        .json(&json!({"concept": concept, "rationale": "Used in requests for assistance."}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let p: Value = r.json().await.unwrap();
    assert_eq!(p["participant"], "PAK");
    let id = p["id"].as_i64().unwrap();
    let r = http
        .post(server.url(&format!("/api/v1/lexicon/proposals/{id}/decision")))
        .bearer_auth(&pak_token)
        .json(&json!({"accept": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let r = http
        .post(server.url(&format!("/api/v1/lexicon/proposals/{id}/decision")))
        .bearer_auth(&sec_token)
        .json(&json!({"accept": true, "note": "Welcome."}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let found: Value = http
        .get(server.url("/api/v1/lexicon/concepts?q=%D8%A7%D9%84%D8%AC%D9%86%D8%A7%D8%A6%D9%8A"))
        .bearer_auth(&pak_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        found["concepts"][0]["concept"]["id"], "digital-forensics",
        "{found}"
    );

    // Invalid fields are named.
    let r = http
        .post(server.url("/api/v1/lexicon/proposals"))
        .bearer_auth(&pak_token)
        .json(&json!({"concept": {"id": "Bad Id", "domain": "x"}, "rationale": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let body: Value = r.json().await.unwrap();
    assert!(body.to_string().contains("\"id\""), "{body}");
}
