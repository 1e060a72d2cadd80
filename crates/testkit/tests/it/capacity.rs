//! Capacity building on the real server: Pakistan files a request on the
//! page, the secretariat acknowledges it, France offers on the page and
//! Kenya through the API (neither sees the other's offer), Pakistan
//! selects France's, the secretariat confirms, and the follow-up falls due
//! six months on; every refusal (no area, an offer on a closed request,
//! selecting twice, a follow-up before it is due or twice) leaves nothing
//! half-done. And who may know of a request, by kind and State.

use pocdir_domain::account::AccountKind;
use pocdir_testkit::{TestAccount, TestServer};
use serde_json::{json, Value};
use time::Duration;

use crate::entries_of as entries;

/// `states` take part: each has an approved technical PoC.
async fn participating(server: &TestServer, secretariat: &TestAccount, states: &[&str]) {
    for state in states {
        let nominator = server.account(AccountKind::Nominator, Some(state)).await;
        crate::homes::poc(
            server,
            (&nominator, secretariat),
            state,
            "technical",
            "Duty officer",
            &format!("duty@cert.{}.example.org", state.to_lowercase()),
            true,
        )
        .await;
    }
}

async fn api(
    server: &TestServer,
    account: &TestAccount,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let http = reqwest::Client::new();
    let url = server.url(path);
    let token = server.token(account, "write").await;
    let r = match method {
        "GET" => http.get(&url).bearer_auth(&token),
        _ => http
            .post(&url)
            .bearer_auth(&token)
            .json(&body.unwrap_or(json!({}))),
    }
    .send()
    .await
    .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn request_json(visibility: &str, providers: &[&str]) -> Value {
    json!({
        "areas": ["incident_response"],
        "description": "Help to set up a national CSIRT.",
        "languages": ["en", "fr"],
        "format": "advisory_mission",
        "needed_by": "2027-09-30",
        "funding_needed": true,
        "visibility": visibility,
        "providers": providers,
    })
}

#[tokio::test]
async fn a_request_goes_from_filing_to_a_match_followed_up() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    participating(&server, &secretariat, &["PAK", "FRA", "KEN"]).await;
    let pak_diplomat = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let fra_nominator = server.account(AccountKind::Nominator, Some("FRA")).await;
    let ken_technical = server.account(AccountKind::TechnicalPoc, Some("KEN")).await;
    let pak = server.signed_in(&pak_diplomat).await;
    let sec = server.signed_in(&secretariat).await;
    let fra = server.signed_in(&fra_nominator).await;

    // A request with no area is refused on the form, every problem named,
    // nothing filed.
    let refused = pak
        .post_form(
            "/capacity/requests",
            &[("description", "x"), ("needed_by", "2027-09-30")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("id=\"error-areas\""), "{html}");
    assert!(html.contains("id=\"error-languages\""));
    assert_eq!(entries(&server, "capacity.request").await, 0);

    let filed = pak
        .post_form(
            "/capacity/requests",
            &[
                ("areas", "incident_response"),
                ("areas", "technical_training"),
                ("description", "Help to set up a national CSIRT."),
                ("languages", "en"),
                ("languages", "fr"),
                ("format", "advisory_mission"),
                ("needed_by", "2027-09-30"),
                ("funding_needed", "yes"),
                ("visibility", "all_providers"),
            ],
        )
        .await;
    assert_eq!(filed.status(), 303);
    let to = filed.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("done=capacity-filed"), "{to}");
    let page = to.split('?').next().unwrap().to_string();
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();

    // The secretariat's clock runs; it acknowledges, once.
    let sec_page = sec.get(&page).await.text().await.unwrap();
    assert!(sec_page.contains("clock-running"), "{sec_page}");
    assert_eq!(
        sec.post_form(&format!("{page}/acknowledge"), &[])
            .await
            .status(),
        303
    );
    let again = sec.post_form(&format!("{page}/acknowledge"), &[]).await;
    assert_eq!(again.status(), 409);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("already been acknowledged"));

    // France offers on the page, Kenya through the API.
    let offered = fra
        .post_form(
            &format!("{page}/offers"),
            &[
                ("description", "Two CSIRT trainers for a week in Islamabad."),
                ("languages", "en"),
                ("format", "training"),
                ("funded", "yes"),
            ],
        )
        .await;
    assert_eq!(offered.status(), 303);
    let (status, ken_offer) = api(
        &server,
        &ken_technical,
        "POST",
        &format!("/api/v1/capacity/requests/{id}/offers"),
        Some(json!({"description": "A peer review of the CSIRT plan.", "languages": ["en"], "format": "peer_review"})),
    )
    .await;
    assert_eq!(status, 201, "{ken_offer}");
    // A second open offer from Kenya is refused.
    let (status, _) = api(
        &server,
        &ken_technical,
        "POST",
        &format!("/api/v1/capacity/requests/{id}/offers"),
        Some(json!({"description": "Again.", "languages": ["en"], "format": "training"})),
    )
    .await;
    assert_eq!(status, 409);
    // A provider sees its own offer only; the requester sees both.
    let (_, seen_by_ken) = api(
        &server,
        &ken_technical,
        "GET",
        &format!("/api/v1/capacity/requests/{id}"),
        None,
    )
    .await;
    assert_eq!(seen_by_ken["offers"].as_array().unwrap().len(), 1);
    assert_eq!(seen_by_ken["offers"][0]["provider"], "KEN");
    let (_, seen_by_pak) = api(
        &server,
        &pak_diplomat,
        "GET",
        &format!("/api/v1/capacity/requests/{id}"),
        None,
    )
    .await;
    let offers = seen_by_pak["offers"].as_array().unwrap();
    assert_eq!(offers.len(), 2);
    let fra_offer = offers.iter().find(|o| o["provider"] == "FRA").unwrap()["id"]
        .as_i64()
        .unwrap();
    // Pakistan cannot offer on its own request (its diplomat may offer elsewhere).
    let own = pak
        .post_form(
            &format!("{page}/offers"),
            &[
                ("description", "x"),
                ("languages", "en"),
                ("format", "training"),
            ],
        )
        .await;
    assert_eq!(own.status(), 409);

    // Confirming before a selection is refused.
    assert_eq!(
        sec.post_form(&format!("{page}/confirm"), &[])
            .await
            .status(),
        409
    );
    let selected = pak
        .post_form(
            &format!("{page}/select"),
            &[("offer", &fra_offer.to_string())],
        )
        .await;
    assert_eq!(selected.status(), 303);
    // Selecting twice is refused, in words, and changes nothing.
    let twice = pak
        .post_form(
            &format!("{page}/select"),
            &[("offer", &ken_offer["id"].to_string())],
        )
        .await;
    assert_eq!(twice.status(), 409);
    assert!(twice
        .text()
        .await
        .unwrap()
        .contains("already been selected"));
    // An offer on a request that no longer takes offers is refused.
    let late = fra
        .post_form(
            &format!("{page}/offers"),
            &[
                ("description", "x"),
                ("languages", "en"),
                ("format", "training"),
            ],
        )
        .await;
    assert_eq!(late.status(), 409);
    let (_, now) = api(
        &server,
        &pak_diplomat,
        "GET",
        &format!("/api/v1/capacity/requests/{id}"),
        None,
    )
    .await;
    assert_eq!(now["request"]["status"], "selected");
    let statuses: Vec<(String, String)> = now["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["provider"].as_str().unwrap().to_string(),
                o["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(statuses.contains(&("FRA".into(), "selected".into())));
    assert!(statuses.contains(&("KEN".into(), "not_selected".into())));

    assert_eq!(
        sec.post_form(&format!("{page}/confirm"), &[])
            .await
            .status(),
        303
    );
    // The follow-up is not due yet.
    let follow_up = json!({"milestone": "six_months", "outcome": "partly", "what_changed": "A CSIRT runs in office hours."});
    let (status, _) = api(
        &server,
        &pak_diplomat,
        "POST",
        &format!("/api/v1/capacity/requests/{id}/follow-ups"),
        Some(follow_up.clone()),
    )
    .await;
    assert_eq!(status, 409);

    // Six months on, it is due, on every side's page.
    server.clock.advance(Duration::days(184));
    let pak = server.signed_in(&pak_diplomat).await;
    let html = pak.get(&page).await.text().await.unwrap();
    assert!(html.contains("id=\"follow-up-form-six_months\""), "{html}");
    let (_, seen) = api(
        &server,
        &fra_nominator,
        "GET",
        &format!("/api/v1/capacity/requests/{id}"),
        None,
    )
    .await;
    assert_eq!(seen["follow_ups"][0]["clock"]["state"], "overdue");
    assert_eq!(seen["request"]["requester"], "PAK");
    let (status, done) = api(
        &server,
        &pak_diplomat,
        "POST",
        &format!("/api/v1/capacity/requests/{id}/follow-ups"),
        Some(follow_up.clone()),
    )
    .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["follow_ups"][0]["outcome"], "partly");
    assert_eq!(done["follow_ups"][0]["clock"]["state"], "late");
    let (status, _) = api(
        &server,
        &pak_diplomat,
        "POST",
        &format!("/api/v1/capacity/requests/{id}/follow-ups"),
        Some(follow_up),
    )
    .await;
    assert_eq!(status, 409);

    // Every change is in the log, once.
    for (action, n) in [
        ("capacity.request", 1),
        ("capacity.acknowledge", 1),
        ("capacity.offer", 2),
        ("capacity.select", 1),
        ("capacity.confirm", 1),
        ("capacity.follow_up", 1),
    ] {
        assert_eq!(entries(&server, action).await, n, "{action}");
    }
}

#[tokio::test]
async fn bad_requests_and_offers_are_refused_with_nothing_written() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    participating(&server, &secretariat, &["PAK", "FRA"]).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let path = "/api/v1/capacity/requests";
    for (body, field) in [
        (
            json!({"areas": [], "description": "x", "languages": ["en"], "format": "training", "needed_by": "2027-01-01", "visibility": "all_providers"}),
            "areas",
        ),
        (
            json!({"areas": ["espionage"], "description": "x", "languages": ["en"], "format": "training", "needed_by": "2027-01-01", "visibility": "all_providers"}),
            "areas",
        ),
        (
            json!({"areas": ["awareness"], "description": "x", "languages": ["de"], "format": "training", "needed_by": "2027-01-01", "visibility": "all_providers"}),
            "languages",
        ),
        (
            json!({"areas": ["awareness"], "description": "x", "languages": ["en"], "format": "training", "needed_by": "2001-01-01", "visibility": "all_providers"}),
            "needed_by",
        ),
        (
            json!({"areas": ["awareness"], "description": "x", "languages": ["en"], "format": "training", "needed_by": "2027-01-01", "visibility": "named_providers", "providers": ["ZZZ"]}),
            "providers",
        ),
        (
            json!({"areas": ["awareness"], "description": "bell\u{7}", "languages": ["en"], "format": "training", "needed_by": "2027-01-01", "visibility": "all_providers"}),
            "description",
        ),
    ] {
        let (status, err) = api(&server, &pak, "POST", path, Some(body)).await;
        assert_eq!(status, 422, "{err}");
        assert_eq!(err["error"]["fields"][0]["field"], field, "{err}");
    }
    // An unknown field is malformed JSON in our shape.
    let (status, err) = api(
        &server,
        &pak,
        "POST",
        path,
        Some(json!({"areas": ["awareness"], "pledge": -1})),
    )
    .await;
    assert_eq!(status, 400, "{err}");
    assert_eq!(entries(&server, "capacity.request").await, 0);
    let (_, list) = api(
        &server,
        &secretariat,
        "GET",
        &format!("{path}?show=all"),
        None,
    )
    .await;
    assert_eq!(list.as_array().unwrap().len(), 0);
    // A filter that does not parse is a 400, not an empty list.
    let (status, _) = api(&server, &pak, "GET", &format!("{path}?area=nope"), None).await;
    assert_eq!(status, 400);
    // A State that does not take part cannot file.
    let gbr = server.account(AccountKind::Nominator, Some("GBR")).await;
    let (status, _) = api(
        &server,
        &gbr,
        "POST",
        path,
        Some(request_json("all_providers", &[])),
    )
    .await;
    assert_eq!(status, 409);
}

/// Who may know of a request: a named-providers request naming Kenya and
/// an anonymous one, read by every kind of account of Pakistan (the
/// requester), Kenya (named), France (not named) and Britain (not taking
/// part), in the list, its count, the page and the API.
#[tokio::test]
async fn who_sees_a_request_by_kind_and_state() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    participating(&server, &secretariat, &["PAK", "FRA", "KEN"]).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let (s, named) = api(
        &server,
        &pak,
        "POST",
        "/api/v1/capacity/requests",
        Some(request_json("named_providers", &["KEN"])),
    )
    .await;
    assert_eq!(s, 201, "{named}");
    let (_, anonymous) = api(
        &server,
        &pak,
        "POST",
        "/api/v1/capacity/requests",
        Some(request_json("anonymous", &[])),
    )
    .await;
    let named = named["request"]["id"].as_i64().unwrap();
    let anonymous = anonymous["request"]["id"].as_i64().unwrap();

    for kind in AccountKind::ALL {
        for state in [Some("PAK"), Some("KEN"), Some("FRA"), Some("GBR")] {
            let state = if kind.acts_for_participant() {
                state
            } else if state == Some("PAK") {
                None
            } else {
                continue;
            };
            let account = server.account(kind, state).await;
            let label = format!("{kind} of {state:?}");
            // (sees the named one, sees the anonymous one, the anonymous one's requester shown)
            let expected = match (kind, state) {
                (AccountKind::Secretariat, _) => Some((true, true, true)),
                (AccountKind::Reporter | AccountKind::Auditor, _) => None,
                (_, Some("PAK")) => Some((true, true, true)),
                (_, Some("KEN")) => Some((true, true, false)),
                (_, Some("FRA")) => Some((false, true, false)),
                _ => Some((false, false, false)),
            };
            let (status, list) = api(
                &server,
                &account,
                "GET",
                "/api/v1/capacity/requests?show=all",
                None,
            )
            .await;
            let Some((sees_named, sees_anonymous, requester_shown)) = expected else {
                assert_eq!(status, 403, "{label}");
                continue;
            };
            assert_eq!(status, 200, "{label}");
            let ids: Vec<i64> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_i64().unwrap())
                .collect();
            assert_eq!(ids.contains(&named), sees_named, "{label}");
            assert_eq!(ids.contains(&anonymous), sees_anonymous, "{label}");
            assert_eq!(
                ids.len(),
                usize::from(sees_named) + usize::from(sees_anonymous),
                "{label}: nothing else counted"
            );
            for (id, sees) in [(named, sees_named), (anonymous, sees_anonymous)] {
                let (status, one) = api(
                    &server,
                    &account,
                    "GET",
                    &format!("/api/v1/capacity/requests/{id}"),
                    None,
                )
                .await;
                assert_eq!(status, if sees { 200 } else { 404 }, "{label} #{id}");
                let web = server.signed_in(&account).await;
                let page = web.get(&format!("/capacity/requests/{id}")).await;
                assert_eq!(page.status(), if sees { 200 } else { 404 }, "{label} #{id}");
                if id == anonymous && sees {
                    let html = page.text().await.unwrap();
                    assert_eq!(
                        one["request"]["requester"] == "PAK",
                        requester_shown,
                        "{label}"
                    );
                    assert_eq!(
                        html.contains(">Pakistan<"),
                        requester_shown,
                        "{label}: {html}"
                    );
                }
            }
        }
    }
}

/// Donors fund a request and an area: France pledges and disburses to
/// Pakistan's request, Kenya pledges to an area; Pakistan sees who funds
/// its request, Kenya sees only its own line, the secretariat all with
/// totals per currency; a line in an unknown currency, below zero or with
/// too many decimals, and Pakistan funding its own request, are refused
/// with nothing written.
#[tokio::test]
async fn donors_fund_requests_and_areas_and_each_side_sees_its_part() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    participating(&server, &secretariat, &["PAK", "FRA", "KEN"]).await;
    let pak = server
        .account(AccountKind::DiplomaticPoc, Some("PAK"))
        .await;
    let fra = server.account(AccountKind::Nominator, Some("FRA")).await;
    let ken = server
        .account(AccountKind::DiplomaticPoc, Some("KEN"))
        .await;
    let (_, filed) = api(
        &server,
        &pak,
        "POST",
        "/api/v1/capacity/requests",
        Some(request_json("all_providers", &[])),
    )
    .await;
    let id = filed["request"]["id"].as_i64().unwrap();
    let to_request = format!("/api/v1/capacity/requests/{id}/funding");
    for (body, field) in [
        (
            json!({"stage": "pledge", "currency": "ZZZ", "amount": "100"}),
            "currency",
        ),
        (
            json!({"stage": "pledge", "currency": "XAU", "amount": "1"}),
            "currency",
        ),
        (
            json!({"stage": "pledge", "currency": "EUR", "amount": "-100"}),
            "amount",
        ),
        (
            json!({"stage": "pledge", "currency": "JPY", "amount": "10.5"}),
            "amount",
        ),
        (
            json!({"stage": "promise", "currency": "EUR", "amount": "100"}),
            "stage",
        ),
    ] {
        let (status, err) = api(&server, &fra, "POST", &to_request, Some(body)).await;
        assert_eq!(status, 422, "{err}");
        assert_eq!(err["error"]["fields"][0]["field"], field, "{err}");
    }
    let (status, _) = api(
        &server,
        &pak,
        "POST",
        &to_request,
        Some(json!({"stage": "pledge", "currency": "EUR", "amount": "100"})),
    )
    .await;
    assert_eq!(status, 409, "a State does not fund its own request");
    assert_eq!(entries(&server, "capacity.fund").await, 0);

    for (stage, amount) in [("pledge", "25000.50"), ("disbursement", "10000")] {
        let (status, line) = api(
            &server,
            &fra,
            "POST",
            &to_request,
            Some(json!({"stage": stage, "currency": "eur", "amount": amount})),
        )
        .await;
        assert_eq!(status, 201, "{line}");
        assert_eq!(line["currency"], "EUR");
    }
    let (status, area) = api(
        &server,
        &ken,
        "POST",
        "/api/v1/capacity/funding",
        Some(json!({"stage": "commitment", "currency": "USD", "amount": "5000", "area": "awareness"})),
    )
    .await;
    assert_eq!(status, 201, "{area}");
    assert_eq!(entries(&server, "capacity.fund").await, 3);

    let donors = |lines: &Value| -> Vec<String> {
        lines
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["donor"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, seen) = api(&server, &pak, "GET", "/api/v1/capacity/funding", None).await;
    assert_eq!(
        donors(&seen),
        ["FRA", "FRA"],
        "the requester sees who funds its request"
    );
    let (_, seen) = api(&server, &ken, "GET", "/api/v1/capacity/funding", None).await;
    assert_eq!(donors(&seen), ["KEN"], "a donor sees its own lines only");
    let (_, seen) = api(
        &server,
        &secretariat,
        "GET",
        "/api/v1/capacity/funding",
        None,
    )
    .await;
    assert_eq!(donors(&seen), ["FRA", "FRA", "KEN"]);
    // The request's page shows its lines and totals to the requester.
    let web = server.signed_in(&pak).await;
    let html = web
        .get(&format!("/capacity/requests/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("25000.50 EUR"), "{html}");
    let totals = html.split("id=\"capacity-funding-totals\"").nth(1).unwrap();
    assert!(
        totals.contains("25000.50") && totals.contains("10000.00"),
        "{totals}"
    );
    // Funding a withdrawn request is refused (the store's refusal is in
    // its conformance suite).
    let (status, _) = api(
        &server,
        &pak,
        "POST",
        &format!("/api/v1/capacity/requests/{id}/select"),
        Some(json!({"offer": 999_999})),
    )
    .await;
    assert_eq!(status, 409);
    let web_pak = server.signed_in(&pak).await;
    assert_eq!(
        web_pak
            .post_form(&format!("/capacity/requests/{id}/withdraw"), &[])
            .await
            .status(),
        303
    );
    let (status, _) = api(
        &server,
        &fra,
        "POST",
        &to_request,
        Some(json!({"stage": "pledge", "currency": "EUR", "amount": "1"})),
    )
    .await;
    // A withdrawn request is no longer shown to a donor that did not offer.
    assert_eq!(status, 404);
    assert_eq!(entries(&server, "capacity.fund").await, 3);

    // The secretariat's figures say the same on the page, in CSV and JSON;
    // no State reads them.
    let (status, figures) = api(
        &server,
        &secretariat,
        "GET",
        "/api/v1/capacity/figures",
        None,
    )
    .await;
    assert_eq!(status, 200, "{figures}");
    assert_eq!(figures["requests"], 1);
    let ir = figures["by_area"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "incident_response")
        .unwrap();
    assert_eq!(
        (ir["total"].as_u64(), ir["withdrawn"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(figures["by_region"][0]["key"], "Asia");
    let eur = figures["funding"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["currency"] == "EUR")
        .unwrap();
    assert_eq!(
        (eur["pledged"].as_str(), eur["disbursed"].as_str()),
        (Some("25000.50"), Some("10000.00"))
    );
    let web_secretariat = server.signed_in(&secretariat).await;
    let r = web_secretariat.get("/capacity/figures.csv").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = r.text().await.unwrap();
    assert!(csv.contains("figure,key,measure,value\r\n"), "{csv}");
    assert!(csv.contains("funding,EUR,pledged,25000.50\r\n"), "{csv}");
    assert!(
        csv.contains("by_area,incident_response,withdrawn,1\r\n"),
        "{csv}"
    );
    assert!(csv.contains("funding,USD,committed,5000.00\r\n"), "{csv}");
    let page = web_secretariat.get("/capacity/figures").await;
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("id=\"figures-by-region\""));
    for who in [&pak, &fra, &ken] {
        let (status, _) = api(&server, who, "GET", "/api/v1/capacity/figures", None).await;
        assert_eq!(status, 403);
    }
    assert_eq!(web_pak.get("/capacity/figures.csv").await.status(), 403);
}

fn answers(gaps: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        "national_csirt",
        "reachable_any_hour",
        "secure_channels",
        "both_pocs",
        "ping_tests",
        "staff_trained",
    ]
    .iter()
    .map(|p| {
        let answer = gaps.iter().find(|(g, _)| g == p).map_or("yes", |(_, a)| *a);
        ((*p).to_string(), answer.to_string())
    })
    .collect();
    out.sort();
    out
}

async fn assess(
    server: &TestServer,
    who: &TestAccount,
    gaps: &[(&str, &str)],
    shared: bool,
) -> reqwest::Response {
    let mut owned = answers(gaps);
    if shared {
        owned.push(("shared".into(), "on".into()));
    }
    let fields: Vec<(&str, &str)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    server
        .signed_in(who)
        .await
        .post_form("/capacity/readiness", &fields)
        .await
}

#[tokio::test]
async fn a_state_assesses_its_readiness_and_turns_a_gap_into_a_request() {
    let server = TestServer::start().await;
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    participating(&server, &secretariat, &["PAK", "IND", "JPN", "FRA"]).await;
    let pak = server.account(AccountKind::Nominator, Some("PAK")).await;
    let pak_technical = server.account(AccountKind::TechnicalPoc, Some("PAK")).await;

    // Not every point answered: refused, nothing logged.
    let mut partial = answers(&[]);
    partial.pop();
    let fields: Vec<(&str, &str)> = partial
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = server
        .signed_in(&pak)
        .await
        .post_form("/capacity/readiness", &fields)
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Answer every point"));
    assert_eq!(entries(&server, "capacity.assess").await, 0);

    let r = assess(
        &server,
        &pak,
        &[("national_csirt", "no"), ("ping_tests", "partly")],
        false,
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(entries(&server, "capacity.assess").await, 1);
    let web = server.signed_in(&pak).await;
    let page = web.get("/capacity/readiness").await.text().await.unwrap();
    assert!(
        page.contains("id=\"readiness-gap-national_csirt\""),
        "{page}"
    );
    assert!(page.contains("id=\"readiness-gap-ping_tests\""));
    assert!(!page.contains("id=\"readiness-gap-both_pocs\""));
    assert!(page.contains("4 / 6"));

    // A gap becomes a request in one step; a point met does not.
    let r = web
        .post_form(
            "/capacity/readiness/requests",
            &[("point", "national_csirt")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/capacity/requests/"), "{to}");
    let (_, filed) = api(
        &server,
        &pak,
        "GET",
        to.split('?')
            .next()
            .unwrap()
            .replace("/capacity/", "/api/v1/capacity/")
            .as_str(),
        None,
    )
    .await;
    assert_eq!(filed["request"]["areas"], json!(["incident_response"]));
    assert_eq!(filed["request"]["format"], "advisory_mission");
    let r = web
        .post_form("/capacity/readiness/requests", &[("point", "both_pocs")])
        .await;
    assert_eq!(r.status(), 409);
    assert_eq!(entries(&server, "capacity.request").await, 1);

    // The technical PoC reads the plan but does not change it.
    let tech = server.signed_in(&pak_technical).await;
    let page = tech.get("/capacity/readiness").await.text().await.unwrap();
    assert!(page.contains("readiness-gap-national_csirt"));
    assert!(!page.contains("readiness-ask-national_csirt"));
    assert_eq!(
        tech.post_form("/capacity/readiness", &[("national_csirt", "yes")])
            .await
            .status(),
        403
    );

    // The secretariat: Asia withheld while fewer than three States
    // answered; Pakistan's answers unseen until it shares them.
    let sec = server.signed_in(&secretariat).await;
    let page = sec.get("/capacity/readiness").await.text().await.unwrap();
    assert!(page.contains("readiness-withheld"), "{page}");
    assert!(!page.contains("readiness-shared\""), "nothing shared yet");
    for state in ["IND", "JPN"] {
        let nominator = server.account(AccountKind::Nominator, Some(state)).await;
        assert_eq!(assess(&server, &nominator, &[], false).await.status(), 303);
    }
    let page = sec.get("/capacity/readiness").await.text().await.unwrap();
    assert!(page.contains("3 States answered"), "{page}");
    assert!(!page.contains("class=\"card readiness-shared\""));
    assert_eq!(
        assess(&server, &pak, &[("national_csirt", "no")], true)
            .await
            .status(),
        303
    );
    let page = sec.get("/capacity/readiness").await.text().await.unwrap();
    assert!(page.contains("class=\"card readiness-shared\""), "{page}");
    assert!(page.contains("Pakistan"));

    // The same over the API: a State its own, the secretariat the totals
    // and the shared answers.
    let (status, own) = api(&server, &pak, "GET", "/api/v1/capacity/readiness", None).await;
    assert_eq!(status, 200);
    assert_eq!(own["own"]["plan"][0]["point"], "national_csirt");
    assert_eq!(own["own"]["plan"][0]["area"], "incident_response");
    assert_eq!(own["regions"], json!([]));
    let (_, all) = api(
        &server,
        &secretariat,
        "GET",
        "/api/v1/capacity/readiness",
        None,
    )
    .await;
    assert_eq!(all["own"], Value::Null);
    let asia = all["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "Asia")
        .unwrap();
    assert_eq!(
        (asia["withheld"].as_bool(), asia["states"].as_u64()),
        (Some(false), Some(3))
    );
    assert_eq!(all["shared"][0]["participant"], "PAK");
    let fra = server
        .account(AccountKind::DiplomaticPoc, Some("FRA"))
        .await;
    let (status, err) = api(
        &server,
        &fra,
        "POST",
        "/api/v1/capacity/readiness",
        Some(json!({"answers": [{"point": "national_csirt", "answer": "yes"}]})),
    )
    .await;
    assert_eq!(status, 422, "{err}");
    let every: Vec<Value> = answers(&[("staff_trained", "no")])
        .into_iter()
        .map(|(p, a)| json!({"point": p, "answer": a}))
        .collect();
    let (status, kept) = api(
        &server,
        &fra,
        "POST",
        "/api/v1/capacity/readiness",
        Some(json!({"answers": every, "shared": false})),
    )
    .await;
    assert_eq!(status, 201, "{kept}");
    assert_eq!(kept["own"]["plan"][0]["point"], "staff_trained");
    assert_eq!(entries(&server, "capacity.assess").await, 5);
}
