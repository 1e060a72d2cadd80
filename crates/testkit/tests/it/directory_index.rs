//! The search index follows changes: the instance that makes a change
//! finds it at the very next search (no wait); another instance on the
//! same database finds it within a second (it follows the log); and a
//! reader never finds by name what it may not see.

use crate::pocs::{draft, Api};
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

async fn total(api: &Api<'_>, who: &TestAccount, query: &str) -> i64 {
    let (status, found) = api.get(who, &format!("/api/v1/pocs?{query}")).await;
    assert_eq!(status, 200, "{query}: {found}");
    found["total"].as_i64().unwrap()
}

async fn post_ok(api: &Api<'_>, who: &TestAccount, path: &str, body: Value) -> Value {
    let (status, answer) = api.post(who, path, body).await;
    assert!(status == 200 || status == 201, "{path}: {status} {answer}");
    answer
}

#[tokio::test]
async fn a_change_is_found_by_the_very_next_search() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let reader = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    api.verified(&pak, &secretariat, "PAK", "Ayesha Malik")
        .await;
    // The index is built by this first search.
    assert_eq!(total(&api, &reader, "q=lefebvre").await, 0);

    let id = api
        .verified(&fra, &secretariat, "FRA", "Anne Lefebvre")
        .await;
    assert_eq!(total(&api, &reader, "q=lefebvre").await, 1, "at once");
    assert_eq!(
        total(&api, &reader, "q=france").await,
        1,
        "France takes part"
    );

    let path = |what: &str| format!("/api/v1/pocs/{id}/{what}");
    let mut renamed = draft("technical", "Anne Lefèvre-Martin", "Europe/Paris");
    renamed["organisation"] = json!("Agence nationale de la sécurité");
    post_ok(
        &api,
        &fra,
        &path("update"),
        json!({"version": 2, "details": renamed}),
    )
    .await;
    // Proposed, not verified: the directory still shows the old details.
    assert_eq!(total(&api, &reader, "q=lefebvre").await, 1);
    assert_eq!(total(&api, &reader, "q=martin").await, 0);
    post_ok(
        &api,
        &secretariat,
        &path("decision"),
        json!({"version": 3, "approve": true}),
    )
    .await;
    assert_eq!(total(&api, &reader, "q=lefebvre").await, 0);
    assert_eq!(total(&api, &reader, "q=lefevre-martin").await, 1);
    assert_eq!(
        total(&api, &reader, "q=agence+nationale&language=en").await,
        1
    );
    // The auditor sees the directory without people: never by name.
    assert_eq!(total(&api, &auditor, "q=martin").await, 0);
    assert_eq!(total(&api, &auditor, "q=france").await, 1);

    post_ok(
        &api,
        &fra,
        &path("withdraw"),
        json!({"version": 4, "reason": "Moved on"}),
    )
    .await;
    post_ok(
        &api,
        &secretariat,
        &path("decision"),
        json!({"version": 5, "approve": true}),
    )
    .await;
    assert_eq!(
        total(&api, &reader, "q=martin").await,
        0,
        "withdrawn at once"
    );
    // France's last PoC gone: it no longer takes part, at once.
    assert_eq!(total(&api, &reader, "q=france").await, 0);
    assert_eq!(total(&api, &reader, "").await, 1);
    server.stop().await;
}

/// Polls `total` on `api` until it is `want`, for at most one second.
async fn within_a_second(api: &Api<'_>, who: &TestAccount, query: &str, want: i64) {
    let start = Instant::now();
    loop {
        let got = total(api, who, query).await;
        if got == want {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{query}: still {got} after 1 s, not {want}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn another_instance_finds_a_change_within_a_second() {
    let a = TestServer::start().await;
    let b = a.another_instance().await;
    let (on_a, on_b) = (Api::new(&a), Api::new(&b));
    let secretariat = a.account(AccountKind::Secretariat, None).await;
    let pak = a.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = a.account(AccountKind::Nominator, Some("FRA")).await;
    let reader = a.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    on_a.verified(&pak, &secretariat, "PAK", "Ayesha Malik")
        .await;
    // Both indexes built.
    assert_eq!(total(&on_a, &reader, "q=lefebvre").await, 0);
    within_a_second(&on_b, &reader, "q=malik", 1).await;
    assert_eq!(total(&on_b, &reader, "q=lefebvre").await, 0);

    // Made on A: found on B within a second, with France taking part.
    let id = on_a
        .verified(&fra, &secretariat, "FRA", "Anne Lefebvre")
        .await;
    within_a_second(&on_b, &reader, "q=lefebvre", 1).await;
    within_a_second(&on_b, &reader, "q=france", 1).await;
    // Made on B: found on A.
    let path = format!("/api/v1/pocs/{id}/withdraw");
    post_ok(
        &on_b,
        &fra,
        &path,
        json!({"version": 2, "reason": "Moved on"}),
    )
    .await;
    let decision = format!("/api/v1/pocs/{id}/decision");
    post_ok(
        &on_b,
        &secretariat,
        &decision,
        json!({"version": 3, "approve": true}),
    )
    .await;
    assert_eq!(total(&on_b, &reader, "q=lefebvre").await, 0, "at once on B");
    within_a_second(&on_a, &reader, "q=lefebvre", 0).await;
    within_a_second(&on_a, &reader, "q=france", 0).await;
    b.stop().await;
    a.stop().await;
}
