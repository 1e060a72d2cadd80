//! E-learning on the real server: the shipped modules are there at start;
//! a PoC reads a lesson, fails the quiz, passes it and receives a
//! certificate anyone can check (on its public page, through the API and
//! the verify page), while a forged one, a late answer, an incomplete
//! sheet and a lesson with script in it are refused with nothing changed;
//! the secretariat publishes a new version; completions export as xAPI.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestServer, WebClient};
use serde_json::{json, Value};
use time::Duration;

use crate::entries_of as entries;

const PING_TESTS_ANSWERS: [&str; 5] = ["1", "3", "2", "2", "1"];

async fn text(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

/// Opens an attempt on the ping-tests module; its page's path.
async fn open_attempt(web: &WebClient) -> String {
    let r = web.post_form("/learning/ping-tests/quiz", &[]).await;
    assert_eq!(r.status().as_u16(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/learning/attempts/"), "{to}");
    to
}

fn sheet(answers: &[&str]) -> Vec<(String, String)> {
    answers
        .iter()
        .enumerate()
        .map(|(i, a)| (format!("q{}", i + 1), (*a).to_string()))
        .collect()
}

async fn answer(web: &WebClient, attempt: &str, answers: &[&str]) -> reqwest::Response {
    let owned = sheet(answers);
    let fields: Vec<(&str, &str)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    web.post_form(attempt, &fields).await
}

#[tokio::test]
async fn a_poc_passes_a_module_and_its_certificate_verifies() {
    let server = TestServer::start().await;
    let poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let web = server.signed_in(&poc).await;

    // The shipped modules, in the reader's language.
    let (status, list) = text(web.get("/learning").await).await;
    assert_eq!(status, 200);
    for slug in ["what-a-poc-does", "ping-tests", "requests-for-assistance"] {
        assert!(list.contains(&format!("learning-module-{slug}")), "{slug}");
    }
    let (_, arabic) = text(web.get("/learning/ping-tests?lang=ar").await).await;
    assert!(arabic.contains("lang=\"ar\""), "the Arabic text is served");

    // A lesson, rendered from Markdown, then marked read.
    let (status, lesson) = text(web.get("/learning/ping-tests/lessons/02-answering").await).await;
    assert_eq!(status, 200);
    assert!(
        lesson.contains("<strong>Open the link</strong>"),
        "{lesson}"
    );
    let r = web
        .post_form("/learning/ping-tests/lessons/02-answering/read", &[])
        .await;
    assert_eq!(
        r.headers()["location"],
        "/learning/ping-tests/lessons/03-results"
    );
    let (_, module) = text(web.get("/learning/ping-tests").await).await;
    assert!(module.contains("learning-read-02-answering"));

    // An incomplete sheet is refused and grades nothing.
    let attempt = open_attempt(&web).await;
    let (status, page) = text(answer(&web, &attempt, &["1", "3"]).await).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Choose one answer for every question"),
        "{page}"
    );
    assert_eq!(entries(&server, "learning.grade").await, 0);
    // Reopening gives back the open attempt.
    assert_eq!(open_attempt(&web).await, attempt);

    // Three right of five: not passed, no certificate.
    let r = answer(&web, &attempt, &["1", "3", "2", "1", "2"]).await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, result) = text(web.get(&attempt).await).await;
    assert!(result.contains("3 / 5 (60 %)"), "{result}");
    assert!(!result.contains("id=\"learning-certificate\""));
    // Graded once.
    let (status, _) = text(answer(&web, &attempt, &PING_TESTS_ANSWERS).await).await;
    assert_eq!(status, 409);

    // A late sheet is refused.
    let late = open_attempt(&web).await;
    assert_ne!(late, attempt);
    server.clock.advance(Duration::minutes(31));
    let (status, page) = text(answer(&web, &late, &PING_TESTS_ANSWERS).await).await;
    assert_eq!(status, 409);
    assert!(page.contains("run out"), "{page}");
    assert_eq!(entries(&server, "learning.grade").await, 1);

    // An attempt is its account's alone.
    let other = server.account(AccountKind::TechnicalPoc, Some("FRA")).await;
    let (status, _) = text(server.signed_in(&other).await.get(&late).await).await;
    assert_eq!(status, 404);

    // Passed: a certificate.
    let attempt = open_attempt(&web).await;
    answer(&web, &attempt, &PING_TESTS_ANSWERS).await;
    let (_, result) = text(web.get(&attempt).await).await;
    assert!(result.contains("5 / 5 (100 %)"), "{result}");
    let id = result
        .split("/certificates/")
        .nth(1)
        .and_then(|rest| rest.get(..36))
        .unwrap()
        .to_string();
    assert_eq!(entries(&server, "learning.grade").await, 2);

    // Anyone can see and check it.
    let anyone = server.client();
    let (status, page) = text(anyone.get(&format!("/certificates/{id}")).await).await;
    assert_eq!(status, 200);
    assert!(page.contains("certificate-valid"), "{page}");
    assert!(page.contains(&poc.email), "the holder's name");
    let http = reqwest::Client::new();
    let certificate: Value = http
        .get(server.url(&format!("/api/v1/certificates/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(certificate["module"], "ping-tests");
    let check = |body: Value| {
        let http = http.clone();
        let url = server.url("/api/v1/certificates/verify");
        async move {
            let r = http.post(url).json(&body).send().await.unwrap();
            assert_eq!(r.status().as_u16(), 200);
            r.json::<Value>().await.unwrap()
        }
    };
    assert_eq!(
        check(certificate.clone()).await,
        json!({"valid": true, "problem": null})
    );
    let mut forged = certificate.clone();
    forged["holder"] = json!("Someone Else");
    assert_eq!(check(forged.clone()).await["problem"], "forged");
    assert_eq!(check(json!({"hello": 1})).await["problem"], "unreadable");
    // The verify page says so too, in words.
    let (status, page) = text(
        anyone
            .post_form(
                "/certificates/verify",
                &[("certificate", &forged.to_string())],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("not genuine"), "{page}");
    let (status, page) = text(
        anyone
            .post_form(
                "/certificates/verify",
                &[("certificate", &certificate.to_string())],
            )
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("certificate-verified"), "{page}");
    let (status, _) = text(anyone.get("/certificates/not-a-certificate").await).await;
    assert_eq!(status, 400);
    let never = "00000000-0000-4000-8000-000000000000";
    let (status, _) = text(anyone.get(&format!("/certificates/{never}")).await).await;
    assert_eq!(status, 404);

    // xAPI: the PoC's own; the secretariat's, everyone's.
    let token = server.token(&poc, "read").await;
    let statements: Value = http
        .get(server.url("/api/v1/learning/statements"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(statements.as_array().unwrap().len(), 1);
    assert_eq!(statements[0]["id"], id.as_str());
    assert_eq!(
        statements[0]["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/passed"
    );
    assert_eq!(statements[0]["result"]["score"]["scaled"], 1.0);
}

const MANIFEST: &str = "format = \"pocdir-learning-module/1\"\nslug = \"ping-tests\"\nmastery_percent = 60\nquiz_minutes = 20\nlessons = [\"01-only\"]\nanswers = [2]\n";
const QUIZ: &str = "title = \"Ping tests, revised\"\nsummary = \"S\"\n[[question]]\ntext = \"Q?\"\nchoices = [\"x\", \"y\"]\n";

#[tokio::test]
async fn the_secretariat_publishes_versions_and_script_is_refused() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;
    let (status, page) = text(web.get("/learning/manage").await).await;
    assert_eq!(status, 200);
    assert!(page.contains("learning-managed-ping-tests"));
    let uploads = entries(&server, "learning.upload").await;
    assert_eq!(uploads, 3, "the shipped modules, at start");

    // A lesson with script: every problem, with its file and line.
    let (status, page) = text(
        web.post_multipart(
            "/learning/modules",
            &[],
            &[
                ("files", "module.toml", MANIFEST.as_bytes()),
                (
                    "files",
                    "01-only.en.md",
                    b"# Only\n\nText\n<script>alert(1)</script>\n",
                ),
                ("files", "quiz.en.toml", QUIZ.as_bytes()),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("01-only.en.md:4"), "{page}");
    assert!(!page.contains("<script>alert(1)"), "never echoed as markup");
    assert_eq!(entries(&server, "learning.upload").await, uploads);

    // A good upload is version 2.
    let r = web
        .post_multipart(
            "/learning/modules",
            &[],
            &[
                ("files", "ping/module.toml", MANIFEST.as_bytes()),
                ("files", "ping/01-only.en.md", b"# Only\n\nText\n"),
                ("files", "ping/quiz.en.toml", QUIZ.as_bytes()),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(entries(&server, "learning.upload").await, uploads + 1);
    let (_, module) = text(web.get("/learning/ping-tests").await).await;
    assert!(module.contains("Ping tests, revised"), "{module}");

    // Only the secretariat publishes.
    let poc = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let other = server.signed_in(&poc).await;
    let r = other
        .post_multipart(
            "/learning/modules",
            &[],
            &[("files", "module.toml", MANIFEST.as_bytes())],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
}
