//! Hostile input: redirect targets that try to leave the site or split
//! headers, path and query values that do not parse, and personal data
//! that must never be kept in a cache. Each finding is reproduced as it was
//! reported, then every route is walked for its kind.

use pocdir_domain::account::AccountKind;
use pocdir_domain::policy::{decide, Actor, Decision, Scopes};
use pocdir_testkit::{TestAccount, TestServer, WebClient};
use serde_json::{json, Value};

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap_or("<not text>").to_string())
        .unwrap_or_default()
}

/// The `next` parameter of a redirect's target, decoded.
fn next_of(location: &str) -> Option<String> {
    let url = url::Url::parse("http://x.invalid")
        .unwrap()
        .join(location)
        .ok()?;
    url.query_pairs()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v.into_owned())
}

/// A `next` as the address bar would carry it.
fn encoded(next: &str) -> String {
    url::form_urlencoded::byte_serialize(next.as_bytes()).collect()
}

/// Targets that must never be followed, as they would be sent (raw query text).
const HOSTILE_NEXT: &[&str] = &[
    "/%09/evil.example/",
    "/%0A/evil.example/",
    "/%0D/evil.example/",
    "%09//evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/%5Cevil.example",
    "/%5C/evil.example",
    "%5C%5Cevil.example",
    "https://evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "/%252F%252Fevil.example",
    "/%252f/evil.example",
    "/%255C/evil.example",
    "/%40evil.example",
    "/..//evil.example",
    "/%2E%2E//evil.example",
    "/%E2%88%95%E2%88%95evil.example",
    "/%EF%BC%8F%EF%BC%8Fevil.example",
    "%EF%BC%8F%EF%BC%8Fevil.example",
    "/account%0D%0ASet-Cookie:%20pwned=1",
    "/account%00",
    "/account%7F",
];

async fn signed_in_browser(server: &TestServer) -> (TestAccount, WebClient) {
    let account = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&account).await;
    (account, web)
}

/// Finding 1, as reported: a tab in `next` became `//evil.example/` in browsers.
#[tokio::test]
async fn a_next_with_a_tab_does_not_leave_the_site() {
    let server = TestServer::start().await;
    let anonymous = server.client();
    let r = anonymous.get("/lang/fr?next=/%09/evil.example/").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");

    let (_, web) = signed_in_browser(&server).await;
    let r = web.get("/login?next=/%09/evil.example/").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");

    // Every other known way out, through both.
    for next in HOSTILE_NEXT {
        let r = anonymous.get(&format!("/lang/en?next={next}")).await;
        assert_eq!(
            (r.status().as_u16(), location(&r)),
            (303, "/".into()),
            "{next}"
        );
        let r = web.get(&format!("/login?next={next}")).await;
        assert_eq!(
            (r.status().as_u16(), location(&r)),
            (303, "/".into()),
            "{next}"
        );
    }
    // A local path is still followed.
    let r = anonymous.get("/lang/en?next=/participants/PAK").await;
    assert_eq!(location(&r), "/participants/PAK");
    let r = web.get("/login?next=%2Fdirectory").await;
    assert_eq!(location(&r), "/directory");
    server.stop().await;
}

/// Finding 2, as reported: CR/LF in `next` gave a 500 with a text body.
#[tokio::test]
async fn a_next_with_cr_lf_is_not_a_500() {
    let server = TestServer::start().await;
    let anonymous = server.client();
    let r = anonymous
        .get("/lang/fr?next=/account%0D%0ASet-Cookie:%20pwned=1")
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");
    assert!(!header(&r, "set-cookie").contains("pwned"));

    let (_, web) = signed_in_browser(&server).await;
    let r = web
        .get("/login?next=/account%0D%0ASet-Cookie:%20pwned=1")
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");
    server.stop().await;
}

/// Finding 2 in a real sign-in: the hostile `next` is carried through the
/// password step and posted again with the second factor, which used to
/// answer 500 after the session had been created.
#[tokio::test]
async fn a_sign_in_with_a_cr_lf_next_ends_at_a_safe_place() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let hostile = "/account\r\nSet-Cookie: pwned=1";
    let web = server.client();

    // The sign-in page opened from a hostile link keeps only a safe target.
    let r = web.get(&format!("/login?next={}", encoded(hostile))).await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(
        page.contains(r#"name="next" value="/""#),
        "the form carries a safe next"
    );

    // Posted as is anyway (a forged form).
    let r = web
        .post_form(
            "/login",
            &[
                ("email", &account.email),
                ("password", &account.password),
                ("next", hostile),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    assert!(to.starts_with("/login/mfa"), "{to}");
    assert_eq!(next_of(&to).as_deref(), Some("/"), "{to}");

    // The second factor, with the hostile `next` posted once more.
    let code = server.totp_now(account.totp_secret.as_ref().unwrap());
    let r = web
        .post_form("/login/mfa", &[("code", &code), ("next", hostile)])
        .await;
    assert_eq!(r.status(), 303, "the second-factor step");
    assert_eq!(location(&r), "/");
    assert!(!header(&r, "set-cookie").contains("pwned"));
    let r = web.get("/account").await;
    assert_eq!(r.status(), 200, "signed in");
    server.stop().await;
}

/// The same through first enrolment: the recovery codes page links on to a safe place.
#[tokio::test]
async fn an_enrolment_with_a_hostile_next_links_on_to_a_safe_place() {
    let server = TestServer::start().await;
    let account = server
        .new_account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let web = server.client();
    let hostile = "/%09/evil.example/\r\n";
    let r = web
        .post_form(
            "/login",
            &[
                ("email", &account.email),
                ("password", &account.password),
                ("next", hostile),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    assert!(to.starts_with("/login/enrol"), "{to}");
    assert_eq!(next_of(&to).as_deref(), Some("/"), "{to}");
    let r = web
        .get(&format!("/login/enrol?next={}", encoded(hostile)))
        .await;
    assert!(r.text().await.unwrap().contains(r#"name="next" value="/""#));
    let secret = server
        .store
        .account_by_id(account.id)
        .await
        .unwrap()
        .unwrap()
        .totp_secret
        .unwrap();
    let code = server.totp_now(&secret);
    let r = web
        .post_form("/login/enrol", &[("code", &code), ("next", hostile)])
        .await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(
        body.contains(r#"href="/" id="continue""#),
        "recovery codes page links on to the home"
    );
    server.stop().await;
}

async fn assert_json_error(r: reqwest::Response, status: u16, code: &str, label: &str) {
    assert_eq!(r.status(), status, "{label}");
    assert!(
        header(&r, "content-type").starts_with("application/json"),
        "{label}: {}",
        header(&r, "content-type")
    );
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], code, "{label}: {body}");
    assert!(!body["error"]["message"].as_str().unwrap().is_empty());
}

/// Finding 3, as reported: path parameters that do not parse answered 400
/// in plain text from the framework.
#[tokio::test]
async fn path_parameters_that_do_not_parse_get_the_error_shape() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let token = server.token(&account, "read").await;
    let http = reqwest::Client::new();
    for path in [
        "/api/v1/pocs/abc",
        "/api/v1/pocs/99999999999999999999999",
        "/api/v1/log/heads/abc",
    ] {
        let r = http
            .get(server.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_json_error(r, 400, "bad_request", path).await;
    }
    // Without signing in where the log is public.
    let r = http
        .get(server.url("/api/v1/log/heads/-1"))
        .send()
        .await
        .unwrap();
    assert_json_error(r, 400, "bad_request", "heads/-1").await;

    // On pages, the localized error page.
    let web = server.signed_in(&account).await;
    let r = web
        .http
        .get(server.url("/pocs/abc"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(header(&r, "content-type").starts_with("text/html"));
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"lang="fr""#) && page.contains(r#"id="error-message""#));
    let r = server.client().get("/participants/%FF").await;
    assert_eq!(r.status(), 400);
    assert!(header(&r, "content-type").starts_with("text/html"));
    server.stop().await;
}

/// The concrete path of a route with each parameter replaced by `bad`.
fn with_params(path: &str, bad: &str) -> String {
    path.replace("{id}", bad)
        .replace("{size}", bad)
        .replace("{code}", bad)
        .replace("{topic}", bad)
        .replace("{token}", bad)
        .replace("{collection}", bad)
        .replace("{object}", bad)
        .replace("{status}", bad)
        .replace("{expectation}", bad)
        .replace("{slug}", bad)
        .replace("{lesson}", bad)
}

fn is_machine(path: &str) -> bool {
    path.starts_with("/api/")
        || path.starts_with("/taxii2/")
        || path == "/healthz"
        || path.starts_with("/healthz/")
        || path == "/metrics"
        || path.starts_with("/.well-known/")
}

/// pocdir's JSON, or TAXII's (under `/taxii2/`, in TAXII's error shape).
fn is_json(content_type: &str) -> bool {
    content_type.starts_with("application/json")
        || content_type.starts_with("application/taxii+json")
}

/// Every route with a path parameter, given values that do not parse:
/// never a 500, never the framework's text, the refusal in our shape, and
/// a 400 wherever the policy lets the caller in.
#[tokio::test]
async fn every_route_answers_unparseable_path_parameters_in_the_error_shape() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let token = server.token(&account, "write").await;
    let web = server.signed_in(&account).await;
    let actor = Actor {
        account_id: account.id,
        kind: AccountKind::Secretariat,
        participant: None,
        scopes: Scopes::ALL,
    };
    let csrf = web.csrf().await;
    let http = reqwest::Client::new();
    let mut checked = 0;
    for route in server.routes.iter().filter(|r| r.path.contains('{')) {
        let numeric = route.path.contains("{id}") || route.path.contains("{size}");
        let bad_values: &[&str] = if numeric {
            &["abc", "99999999999999999999999", "1.5", "%FF", "0x10"]
        } else {
            &["%FF", "%C3%28"]
        };
        for bad in bad_values {
            let path = with_params(route.path, bad);
            let url = server.url(&path);
            let machine = is_machine(&path);
            let method = route.method.to_string();
            let request = match (method.as_str(), machine) {
                ("GET", true) => http.get(&url).bearer_auth(&token),
                ("GET", false) => web.http.get(&url),
                ("POST", true) => http.post(&url).bearer_auth(&token).json(&json!({})),
                ("POST", false) => web.http.post(&url).form(&[("csrf", csrf.as_str())]),
                ("DELETE", true) => http.delete(&url).bearer_auth(&token),
                (other, _) => panic!("a method this test does not know: {other}"),
            };
            let r = request.send().await.unwrap();
            let label = format!("{method} {path}");
            let status = r.status().as_u16();
            assert!(status < 500, "{label}: {status}");
            let ct = header(&r, "content-type");
            if machine {
                assert!(is_json(&ct), "{label}: {ct}");
            } else {
                assert!(ct.starts_with("text/html"), "{label}: {ct}");
            }
            if decide(Some(&actor), route.action) == Decision::Allow {
                assert_eq!(status, 400, "{label}");
                if machine {
                    let body: Value = r.json().await.unwrap();
                    assert_eq!(body["error"]["code"], "bad_request", "{label}: {body}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked} requests");
    server.stop().await;
}

/// Query strings that do not deserialise (a repeated field) get the error
/// shape too, on every GET route; never the framework's text.
#[tokio::test]
async fn query_strings_that_do_not_parse_get_the_error_shape() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::Secretariat, None).await;
    let token = server.token(&account, "read").await;
    let web = server.signed_in(&account).await;
    let anonymous = server.client();
    let query = "?next=/a&next=/b&done=x&done=y&ended=1&ended=2&page=1&page=x&q=a&q=b\
                 &before=x&before=y&size=x&index=x&first=x&second=x&limit=x&state=x&state=y";
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for route in server.routes.iter().filter(|r| r.method == "GET") {
        let code = if route.path.starts_with("/lang/") {
            "en"
        } else {
            "PAK"
        };
        let path = route
            .path
            .replace("{id}", "1")
            .replace("{size}", "1")
            .replace("{code}", code);
        let url = server.url(&format!("{path}{query}"));
        let signed_in = if is_machine(&path) {
            http.get(&url).bearer_auth(&token)
        } else {
            web.http.get(&url)
        };
        for (who, request) in [
            ("anonymous", anonymous.http.get(&url)),
            ("signed in", signed_in),
        ] {
            let r = request.send().await.unwrap();
            let label = format!("GET {path}{query} ({who})");
            let status = r.status().as_u16();
            assert!(status < 500, "{label}: {status}");
            if status >= 400 {
                let ct = header(&r, "content-type");
                if is_machine(&path) {
                    assert!(is_json(&ct), "{label}: {ct}");
                } else {
                    assert!(ct.starts_with("text/html"), "{label}: {ct}");
                }
            }
        }
    }
    // The reported kind of route, by name.
    let r = anonymous.get("/lang/fr?next=/a&next=/b").await;
    assert!(r.status() == 303 || r.status() == 400, "{}", r.status());
    if r.status() == 400 {
        assert!(header(&r, "content-type").starts_with("text/html"));
    }
    server.stop().await;
}

/// Finding 5, as reported, and every route: a response that may carry
/// personal or confidential data is never kept by a cache. The rule: every
/// response says `no-store` unless its handler declares it cacheable, and
/// only the static files do.
#[tokio::test]
async fn no_response_with_data_is_cached() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let nominator = server.account(AccountKind::Nominator, Some("PAK")).await;
    let api = crate::pocs::Api::new(&server);
    let id = api
        .verified(&nominator, &secretariat, "PAK", "Claire Dubois")
        .await;
    let token = server.token(&secretariat, "read").await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // As reported: the PoC over the API.
    let r = http
        .get(server.url(&format!("/api/v1/pocs/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "cache-control"), "no-store");

    let web = server.signed_in(&secretariat).await;
    let anonymous = server.client();
    let mut checked = 0;
    for route in server.routes.iter() {
        let path = route
            .path
            .replace("{id}", &id.to_string())
            .replace("{size}", "1")
            .replace(
                "{code}",
                if route.path.starts_with("/lang/") {
                    "en"
                } else {
                    "PAK"
                },
            );
        let method = route.method.to_string();
        if method != "GET" || path == "/logout" {
            continue;
        }
        let url = server.url(&path);
        let responses = [
            ("anonymous", anonymous.get(&path).await),
            ("session", web.get(&path).await),
            (
                "token",
                http.get(&url).bearer_auth(&token).send().await.unwrap(),
            ),
        ];
        for (who, r) in responses {
            let label = format!("GET {path} ({who}): {}", r.status());
            let cache = header(&r, "cache-control");
            let asset = path.starts_with("/static/") || path == "/favicon.ico";
            if asset && r.status() == 200 {
                assert!(cache.starts_with("public"), "{label}: {cache}");
            } else {
                assert_eq!(cache, "no-store", "{label}");
            }
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked} responses");

    // Those that carry contact details, by name, as they succeed.
    for path in [
        format!("/api/v1/pocs/{id}"),
        "/api/v1/participants/PAK/pocs".to_string(),
        "/api/v1/me".to_string(),
        "/api/v1/pocs/export?format=json".to_string(),
        "/api/v1/pocs".to_string(),
    ] {
        let r = http
            .get(server.url(&path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(header(&r, "cache-control"), "no-store", "{path}");
    }
    for path in [
        format!("/pocs/{id}"),
        "/directory".into(),
        "/account".into(),
    ] {
        let r = web.get(&path).await;
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(header(&r, "cache-control"), "no-store", "{path}");
    }
    // Errors, too (they may echo what was asked).
    let r = http
        .get(server.url("/api/v1/pocs/999999"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(header(&r, "cache-control"), "no-store");
    server.stop().await;
}
