//! The frame and the tables as people use them: an error page keeps the
//! signed-in frame; recovery codes come as a text file; the directory
//! table sorts by a column and takes a page size, and the order never
//! hints at what the reader may not see.

use crate::pocs::{draft, Api};
use pocdir_domain::account::AccountKind;
use pocdir_testkit::{csrf_in, TestServer};
use serde_json::{json, Value};

#[tokio::test]
async fn an_error_page_shows_the_signed_in_frame() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let web = server.signed_in(&secretariat).await;

    // A page that does not exist, a PoC that does not exist, a refused form.
    let not_found = web.get("/no-such-page").await;
    assert_eq!(not_found.status(), 404);
    let missing_poc = web.get("/pocs/999999").await;
    assert_eq!(missing_poc.status(), 404);
    let no_token = web.post_raw("/account/tokens", &[("name", "x")]).await;
    assert_eq!(no_token.status(), 403);
    for r in [not_found, missing_poc, no_token] {
        let page = r.text().await.unwrap();
        assert!(page.contains(r#"id="error-message""#), "{page}");
        assert!(
            page.contains(&secretariat.email),
            "the frame names who is signed in: {page}"
        );
        assert!(page.contains(r#"id="sign-out""#), "and lets them sign out");
        assert!(
            !page.contains(r#"id="nav-sign-in""#),
            "not signed out: {page}"
        );
        assert!(
            page.contains(r#"id="nav-nominations""#),
            "the secretariat's nav"
        );
        // The sign-out form carries this browser's token: it works.
        assert!(csrf_in(&page).is_some_and(|t| !t.is_empty()));
    }
    let error_page = web.get("/pocs/999999").await.text().await.unwrap();
    let token = csrf_in(&error_page).unwrap();
    let out = web.post_raw("/logout", &[("csrf", &token)]).await;
    assert_eq!(out.status(), 303, "signing out from an error page works");

    // Signed out, the same page shows the frame signed out.
    let page = server
        .client()
        .get("/no-such-page")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"id="nav-sign-in""#));
    assert!(!page.contains(r#"id="sign-out""#));
}

#[tokio::test]
async fn recovery_codes_download_as_a_text_file() {
    let server = TestServer::start().await;
    let account = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;
    let web = server.signed_in(&account).await;
    let r = web
        .post_form("/account/recovery-codes", &[("current", &account.password)])
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    let codes: Vec<String> = page
        .split("<li><code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .map(str::to_string)
        .collect();
    assert_eq!(codes.len(), 10);
    assert!(page.contains(r#"action="/account/recovery-codes/download""#));

    let joined = codes.join(" ");
    let r = web
        .post_form("/account/recovery-codes/download", &[("codes", &joined)])
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    assert_eq!(
        r.headers()["content-disposition"],
        "attachment; filename=\"pocdir-recovery-codes.txt\""
    );
    assert_eq!(r.headers()["cache-control"], "no-store");
    let file = r.text().await.unwrap();
    assert!(file.contains(&account.email));
    for c in &codes {
        assert!(file.lines().any(|l| l == c), "{c} in {file}");
    }

    // Anything but codes as made is refused; so is a post without the
    // form's token, and one by nobody signed in.
    let r = web
        .post_form(
            "/account/recovery-codes/download",
            &[("codes", "<script>alert(1)</script>")],
        )
        .await;
    assert_eq!(r.status(), 400);
    let r = web
        .post_raw("/account/recovery-codes/download", &[("codes", &joined)])
        .await;
    assert_eq!(r.status(), 403);
    let anonymous = server.client();
    let r = anonymous
        .post_form("/account/recovery-codes/download", &[("codes", &joined)])
        .await;
    assert_ne!(r.status(), 200);
}

fn ids(results: &Value) -> Vec<i64> {
    results["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn the_directory_sorts_by_a_column_and_takes_a_page_size() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let auditor = server.account(AccountKind::Auditor, None).await;
    for (who, code, role, name) in [
        (&pak, "PAK", "technical", "Zainab Ahmed"),
        (&pak, "PAK", "diplomatic", "Bilal Khan"),
        (&fra, "FRA", "technical", "Yves Martin"),
        (&fra, "FRA", "diplomatic", "Amélie Roux"),
    ] {
        api.active(who, &secretariat, code, draft(role, name, "Europe/Paris"))
            .await;
    }
    let names = |v: &Value| -> Vec<String> {
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let (status, by_name) = api.get(&secretariat, "/api/v1/pocs?sort=name").await;
    assert_eq!(status, 200, "{by_name}");
    assert_eq!(
        names(&by_name),
        ["Amélie Roux", "Bilal Khan", "Yves Martin", "Zainab Ahmed"]
    );
    let (_, down) = api
        .get(
            &secretariat,
            "/api/v1/pocs?sort=name&order=desc&per_page=2&page=1",
        )
        .await;
    assert_eq!(names(&down), ["Zainab Ahmed", "Yves Martin"]);
    assert_eq!(
        (down["total"].clone(), down["pages"].clone()),
        (json!(4), json!(2))
    );
    let (_, default) = api.get(&secretariat, "/api/v1/pocs").await;
    assert_eq!(
        names(&default),
        ["Amélie Roux", "Yves Martin", "Bilal Khan", "Zainab Ahmed"],
        "the directory's own order: State, then role, then name"
    );

    // The auditor does not see who the PoCs are: ordering by name or by
    // organisation gives the directory's own order, never a hint.
    let (_, plain) = api.get(&auditor, "/api/v1/pocs").await;
    for sort in ["name", "organisation"] {
        for order in ["asc", "desc"] {
            let (status, sorted) = api
                .get(&auditor, &format!("/api/v1/pocs?sort={sort}&order={order}"))
                .await;
            assert_eq!(status, 200);
            assert_eq!(ids(&sorted), ids(&plain), "{sort} {order}");
        }
    }

    // Bad values are named, as for the other filters.
    for bad in ["sort=email", "order=sideways", "per_page=0", "per_page=201"] {
        let (status, body) = api.get(&secretariat, &format!("/api/v1/pocs?{bad}")).await;
        assert_eq!(status, 422, "{bad}: {body}");
    }

    // The page: heads link to the order, keep the filters, and mark the
    // column the table is ordered by; the page sizes keep the order.
    let web = server.signed_in(&secretariat).await;
    let page = web
        .get("/directory?role=technical&sort=name")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"aria-sort="ascending""#), "{page}");
    assert!(
        page.contains(
            r#"href="/directory?role=technical&#38;sort=name&#38;order=desc&#38;page=1""#
        ),
        "{page}"
    );
    assert!(page
        .contains(r#"href="/directory?role=technical&#38;per_page=50&#38;sort=name&#38;page=1""#));
    let r = web.get("/directory?sort=email").await;
    assert_eq!(r.status(), 200, "the page shows the error above the form");
    assert!(r.text().await.unwrap().contains(r#"id="error-message""#));
}
