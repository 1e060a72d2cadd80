//! Participants: the reference States seeded at start, the public list and
//! page, organisations added by the secretariat only.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::TestServer;
use serde_json::{json, Value};

#[tokio::test]
async fn every_member_and_observer_state_is_listed_publicly() {
    let server = TestServer::start().await;
    let list: Value = reqwest::get(server.url("/api/v1/participants"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 195);
    let pak = list.iter().find(|p| p["code"] == "PAK").unwrap();
    assert_eq!(pak["kind"], "member_state");
    assert_eq!(pak["status"], "not_participating");
    assert_eq!(pak["names"]["fr"], "Pakistan");
    assert_eq!(pak["region"], "Asia");
    // Nothing personal, nothing beyond the public facts.
    let keys: Vec<&String> = pak.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "alpha2",
            "code",
            "kind",
            "names",
            "region",
            "status",
            "subregion"
        ]
    );

    let one: Value = reqwest::get(server.url("/api/v1/participants/pak"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(one["code"], "PAK");
    let r = reqwest::get(server.url("/api/v1/participants/XXX"))
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = reqwest::get(server.url("/api/v1/participants/p-k"))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let africa: Value = reqwest::get(server.url("/api/v1/participants?region=africa"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(africa.as_array().unwrap().len(), 54);
    let none: Value = reqwest::get(server.url("/api/v1/participants?status=participating"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(none.as_array().unwrap().is_empty());
    let r = reqwest::get(server.url("/api/v1/participants?status=everyone"))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    // Seeding happened once and is in the log.
    let filter = pocdir_store::LogFilter {
        action: Some("participants.seed".into()),
        ..Default::default()
    };
    let seeds = server.store.search_log(&filter, None, 10).await.unwrap();
    assert_eq!(seeds.len(), 1);

    let page = reqwest::Client::new()
        .get(server.url("/participants"))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"participants-none\""));
    assert!(page.contains("dir=\"rtl\""));
    server.stop().await;
}

#[tokio::test]
async fn the_secretariat_adds_organisations_and_others_cannot() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let names = json!({"ar": "منظمة", "zh": "组织", "en": "Regional Organisation", "es": "Organización", "fr": "Organisation", "ru": "Организация"});
    let http = reqwest::Client::new();
    let post = |token: String, body: Value| {
        http.post(server.url("/api/v1/participants"))
            .bearer_auth(token)
            .json(&body)
            .send()
    };

    let r = post(
        server.token(&nominator, "write").await,
        json!({"code": "RO", "names": names}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 403);
    let r = post(
        server.token(&secretariat, "read").await,
        json!({"code": "RO", "names": names}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 403, "read-only token");
    let write = server.token(&secretariat, "write").await;
    let r = post(write.clone(), json!({"code": "RO", "names": names}))
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["kind"], "organisation");
    assert_eq!(body["status"], "not_participating");
    let r = post(write.clone(), json!({"code": "ro", "names": names}))
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let r = post(write.clone(), json!({"code": "PAK", "names": names}))
        .await
        .unwrap();
    assert_eq!(r.status(), 409, "a State's code");
    let mut missing = names.clone();
    missing["zh"] = json!(" ");
    let r = post(write.clone(), json!({"code": "RO2", "names": missing}))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = post(write.clone(), json!({"code": "R O", "names": names}))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let logged = server
        .store
        .search_log(
            &pocdir_store::LogFilter {
                action: Some("participant.create".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].object, "participant:RO");
    server.stop().await;
}
