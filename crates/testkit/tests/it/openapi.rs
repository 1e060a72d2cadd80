//! The OpenAPI document describes every response the API gives: each API
//! route is in it with the responses every route of its kind can give, and
//! it names no route the server does not have. (The run of schemathesis
//! against the real server, `tests/schemathesis.rs`, checks the rest.)

use pocdir_testkit::TestServer;
use pocdir_web::http::api_doc::{may_be_forbidden, needs_sign_in};
use serde_json::Value;
use std::collections::BTreeSet;

fn documented(path: &str) -> bool {
    (path.starts_with("/api/v1/") && path != "/api/v1/openapi.json")
        || path.starts_with("/.well-known/")
}

async fn document(server: &TestServer) -> Value {
    reqwest::get(server.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Whether `operation` answers `status` with the JSON error shape.
fn has_error(operation: &Value, status: &str) -> bool {
    operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        == "#/components/schemas/ErrorBody"
}

#[tokio::test]
async fn every_api_route_documents_the_responses_of_its_kind() {
    let server = TestServer::start().await;
    let doc = document(&server).await;
    let mut missing = Vec::new();
    for spec in server.routes.iter().filter(|s| documented(s.path)) {
        let method = spec.method.as_str().to_lowercase();
        let operation = &doc["paths"][spec.path][&method];
        let route = format!("{} {}", spec.method, spec.path);
        if !operation.is_object() {
            missing.push(format!("{route}: not in the document"));
            continue;
        }
        let parameters = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let has_query = parameters.iter().any(|p| p["in"] == "query");
        let json_body = operation["requestBody"]["content"]
            .as_object()
            .is_some_and(|c| !c.is_empty() && c.keys().all(|k| k == "application/json"));
        let mut expected = vec!["401", "500"];
        if may_be_forbidden(spec.action) {
            expected.push("403");
        }
        if spec.method != "GET" {
            // A cookie-session write without its CSRF header.
            expected.push("403");
        }
        if spec.path.contains('{') {
            expected.extend(["400", "404"]);
        }
        if has_query {
            expected.push("400");
        }
        if json_body {
            expected.extend(["400", "415"]);
        }
        if spec.method == "POST" {
            expected.push("413");
        }
        for status in expected {
            if !has_error(operation, status) {
                missing.push(format!("{route}: no {status} with the error body"));
            }
        }
        if !needs_sign_in(spec.action) && operation.get("security").is_some() {
            missing.push(format!(
                "{route}: public, but documented as needing sign-in"
            ));
        }
        if needs_sign_in(spec.action) && operation.get("security").is_none() {
            missing.push(format!("{route}: needs sign-in, but documents no security"));
        }
        // Every error the route documents has the one error shape.
        for (status, _) in operation["responses"].as_object().unwrap() {
            if status.as_str() >= "400" && !has_error(operation, status) {
                missing.push(format!("{route}: {status} is not the JSON error shape"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    server.stop().await;
}

#[tokio::test]
async fn the_document_names_only_routes_the_server_has() {
    let server = TestServer::start().await;
    let doc = document(&server).await;
    let routes: BTreeSet<(String, String)> = server
        .routes
        .iter()
        .map(|s| (s.method.as_str().to_lowercase(), s.path.to_string()))
        .collect();
    let mut stale = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, _) in item.as_object().unwrap() {
            if method == "parameters" {
                continue;
            }
            if !routes.contains(&(method.clone(), path.clone())) {
                stale.push(format!("{method} {path}"));
            }
        }
    }
    assert!(stale.is_empty(), "documented, but no such route: {stale:?}");
    server.stop().await;
}
