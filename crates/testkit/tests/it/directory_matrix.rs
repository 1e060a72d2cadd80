//! The State-dependent half of the access rules, as a matrix: every route
//! that names a State or a PoC × every account kind × its own State, another
//! participating State and a State that does not take part. Expectations
//! come from the policy module (`decide`, `directory_view`,
//! `may_nominate_for`); the server must agree, refuse with 403 and record
//! the attempt, and record every read of another State's contact details.
//! A directory route missing here fails `every_state_route_is_in_this_matrix`.

use crate::pocs::{draft, Api};
use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::account_admin::may_grant_poc_access;
use pocdir_domain::policy::{
    decide, directory_view, may_nominate_for, Action, Actor, Decision, DirectoryView, Scopes,
};
use pocdir_testkit::{TestServer, WebClient};
use serde_json::json;

/// How each route is exercised. Mutating requests carry a body that passes
/// the State check but fails validation or the version check, so the matrix
/// changes nothing and tells "refused" (403) from "allowed" (anything else).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Probe {
    /// Lists a State's PoCs; contact details when the view allows them.
    ReadState,
    /// Reads one PoC of the State.
    ReadPoc,
    /// A write to the State's PoCs (nominate, update, withdraw, confirm).
    Write,
    /// A page or form that only the State's nominator may open.
    NominatorPage,
    /// A verified entry's access to the portal (page, link, invite): the
    /// secretariat and the State's own nominator.
    PortalAccess,
}

const STATE_ROUTES: &[(&str, &str, Probe)] = &[
    ("GET", "/api/v1/participants/{code}/pocs", Probe::ReadState),
    ("GET", "/participants/{code}", Probe::ReadState),
    ("GET", "/api/v1/pocs/{id}", Probe::ReadPoc),
    ("GET", "/pocs/{id}", Probe::ReadPoc),
    ("POST", "/api/v1/participants/{code}/pocs", Probe::Write),
    ("POST", "/api/v1/pocs/{id}/update", Probe::Write),
    ("POST", "/api/v1/pocs/{id}/withdraw", Probe::Write),
    ("POST", "/api/v1/pocs/{id}/confirm", Probe::Write),
    ("GET", "/participants/{code}/nominate", Probe::NominatorPage),
    ("POST", "/participants/{code}/nominate", Probe::Write),
    ("GET", "/pocs/{id}/edit", Probe::NominatorPage),
    ("POST", "/pocs/{id}/edit", Probe::Write),
    ("GET", "/pocs/{id}/withdraw", Probe::NominatorPage),
    ("POST", "/pocs/{id}/withdraw", Probe::Write),
    ("POST", "/pocs/{id}/confirm", Probe::Write),
    ("GET", "/pocs/{id}/access", Probe::PortalAccess),
    ("POST", "/pocs/{id}/access/link", Probe::PortalAccess),
    ("POST", "/pocs/{id}/access/invite", Probe::PortalAccess),
];

/// Routes with `{code}` or `{id}` whose answer does not depend on the State
/// (the secretariat's decision; a language; the caller's own tokens,
/// sessions and security keys; the secretariat's accounts pages), or whose
/// `{id}` names no PoC (an invitation: its State rule is tested in
/// `accounts.rs`).
const NOT_STATE_DEPENDENT: &[&str] = &[
    "/accounts/{id}",
    "/accounts/{id}/disable",
    "/accounts/{id}/enable",
    "/accounts/{id}/reset-second-factor",
    "/invitations/{id}/revoke",
    "/api/v1/pocs/{id}/decision",
    "/pocs/{id}/decision",
    "/pocs/{id}/reject",
    "/lang/{code}",
    "/api/v1/me/tokens/{id}",
    "/account/sessions/{id}/revoke",
    "/account/tokens/{id}/revoke",
    "/account/security-keys/{id}/remove",
    "/api/v1/log/heads/{size}",
    "/api/v1/participants/{code}",
    // A communication's `{id}`: who may see what of it is TLP's rule, tested
    // for every kind of account of a party, another and a non-participating
    // State by `tlp_ways_out.rs`.
    "/api/v1/communications/{id}",
    "/api/v1/communications/{id}/thread",
    "/api/v1/communications/{id}/acknowledge",
    "/api/v1/communications/{id}/reply",
    "/api/v1/communications/{id}/forward",
    "/api/v1/communications/{id}/attachments/{attachment}",
    "/api/v1/communications/{id}/export",
    // A communication's `{id}`: who may know of it and read it follows its
    // TLP label and its parties, not the directory's State rules; that
    // matrix is `communications_pages::who_sees_a_communication_by_kind_and_state`.
    "/communications/{id}",
    "/communications/{id}/acknowledge",
    "/communications/{id}/reply",
    "/communications/{id}/forward",
    "/communications/{id}/attachments/{attachment}",
    // An end-to-end message's ciphertext follows the same rules (through
    // the service's `open`); who gets it and who does not is
    // `communications_e2e.rs`.
    "/communications/{id}/ciphertext",
    // A ping test's results: what each reader sees of them (every State,
    // or its own State's lines and the overall figures) is
    // `ping_test_view`, tested for the page, the CSV and the JSON by
    // `ping_tests_results`; a check by another channel is the secretariat's.
    // A capacity request's `{id}`: who may know of it follows its
    // visibility, its requester and its offers (`policy::capacity_view`),
    // not the directory's State rules; that matrix is
    // `capacity::who_sees_a_request_by_kind_and_state`.
    "/capacity/requests/{id}",
    "/capacity/requests/{id}/offers",
    "/capacity/offers/{id}/withdraw",
    "/capacity/requests/{id}/select",
    "/capacity/requests/{id}/withdraw",
    "/capacity/requests/{id}/follow-ups",
    "/capacity/requests/{id}/acknowledge",
    "/capacity/requests/{id}/confirm",
    "/capacity/requests/{id}/funding",
    "/api/v1/capacity/requests/{id}/funding",
    "/api/v1/capacity/requests/{id}",
    "/api/v1/capacity/requests/{id}/offers",
    "/api/v1/capacity/requests/{id}/select",
    "/api/v1/capacity/requests/{id}/follow-ups",
    "/api/v1/capacity/requests/{id}/acknowledge",
    "/api/v1/capacity/requests/{id}/confirm",
    // E-learning: an attempt's `{id}` is its account's alone (another
    // account gets 404, `learning::a_poc_passes_a_module_and_its_certificate_verifies`);
    // a certificate's number is public, as certificates are.
    // A lexicon proposal's `{id}`: every reader of the lexicon sees every
    // proposal (the curation is open between States); who may comment or
    // decide is the policy's, tested by `access_matrix`.
    "/lexicon/proposals/{id}",
    "/lexicon/proposals/{id}/comments",
    "/lexicon/proposals/{id}/decision",
    "/api/v1/lexicon/proposals/{id}/comments",
    "/api/v1/lexicon/proposals/{id}/decision",
    // A library document's `{id}`: who may know of it follows its TLP
    // label, its publisher and its withdrawal (`policy::library_view`),
    // tested for each kind × own and other State by
    // `library::who_sees_a_document_by_label_kind_and_state`.
    "/library/{id}",
    "/library/{id}/file",
    "/library/{id}/withdraw",
    "/api/v1/library/documents/{id}",
    "/api/v1/library/documents/{id}/file",
    "/api/v1/library/documents/{id}/withdraw",
    "/learning/attempts/{id}",
    "/certificates/{id}",
    "/api/v1/certificates/{id}",
    "/exercises/{id}",
    "/exercises/{id}/step",
    "/exercises/{id}/injects",
    "/exercises/{id}/expectations/{expectation}/validate",
    "/exercises/{id}/scenario.json",
    "/exercises/injects/{id}",
    "/exercises/injects/{id}/act",
    "/exercises/{id}/feedback",
    "/exercises/{id}/report",
    "/exercises/{id}/report.json",
    "/exercises/{id}/improvements",
    "/ping-tests/{id}/results",
    "/ping-tests/{id}/results.csv",
    "/ping-tests/{id}/results.json",
    "/ping-tests/{id}/challenges/{challenge}/finding",
    // A ping test's `{id}` names a campaign, which every reader of ping
    // tests may know; what each sees of its results is `ping_test_view`
    // (the service's). A challenge's `{id}` is answered by its own PoC
    // only: another PoC of the State or of another State gets 404
    // (`ping_tests_pages::a_poc_answers_from_its_home_and_only_its_own_challenge`).
    "/ping-tests/{id}",
    "/ping-tests/{id}/cancel",
    "/ping-tests/{id}/publish",
    "/ping-tests/challenges/{id}/answer",
    // A ping test's `{id}` (a campaign) and a challenge's: what each reader
    // sees of results and which challenges it answers follow the policy's
    // `ping_test_view`, tested for every kind × its own and another State by
    // `ping_tests_api::results_follow_the_readers_kind_and_state`.
    "/api/v1/ping-tests/{id}",
    "/api/v1/ping-tests/{id}/results",
    "/api/v1/ping-tests/{id}/cancel",
    "/api/v1/ping-tests/{id}/publish",
    "/api/v1/ping-tests/challenges/{id}/answer",
    // A reporter's application: `{id}` names no State; only the
    // secretariat reads and decides them, whatever the State (the access
    // matrix of every route × every kind, `access_matrix.rs`).
    "/reporters/{id}",
    "/reporters/{id}/decide",
    "/api/v1/reporters/{id}",
    "/api/v1/reporters/{id}/decision",
    // A report's `{id}` and `{state}`: what each reader sees of a report,
    // and which State's thread and status it acts in, is the policy's
    // `report_view`, tested for every kind × the State it went to and
    // another State × the reporter that sent it and another by
    // `reports_api::what_each_reader_sees_follows_kind_and_state`.
    "/reports/{id}",
    "/reports/{id}/acknowledge",
    "/reports/{id}/status",
    "/reports/{id}/messages",
    "/reports/{id}/states/{state}/messages",
    "/reports/{id}/embargo",
    "/reports/{id}/attachments/{attachment}",
    "/reports/{id}/stix",
    "/api/v1/reports/{id}",
    "/api/v1/reports/{id}/acknowledge",
    "/api/v1/reports/{id}/status",
    "/api/v1/reports/{id}/messages",
    "/api/v1/reports/{id}/states/{state}/messages",
    "/api/v1/reports/{id}/embargo",
    "/api/v1/reports/{id}/attachments/{attachment}",
];

#[tokio::test]
async fn every_state_route_is_in_this_matrix() {
    let server = TestServer::start().await;
    for route in &server.routes {
        let path = route.path;
        if (path.contains("{code}") || path.contains("{id}"))
            && !NOT_STATE_DEPENDENT.contains(&path)
        {
            assert!(
                STATE_ROUTES
                    .iter()
                    .any(|(m, p, _)| *m == route.method.as_str() && *p == path),
                "{} {path} names a State or a PoC but is not in the State matrix",
                route.method
            );
        }
    }
    server.stop().await;
}

/// Participating: PAK and FRA (a verified PoC each). DEU: a pending
/// nomination only, so it does not take part.
async fn count(server: &TestServer, action: &str) -> usize {
    let filter = pocdir_store::LogFilter {
        action: Some(action.into()),
        ..Default::default()
    };
    server
        .store
        .search_log(&filter, None, 1_000_000)
        .await
        .unwrap()
        .len()
}

const STATES: [&str; 3] = ["PAK", "FRA", "DEU"];

fn takes_part(code: &str) -> bool {
    code != "DEU"
}

struct Target {
    code: &'static str,
    poc: i64,
    email: String,
    active: bool,
}

fn action_of(probe: Probe, method: &str) -> Action {
    match (probe, method) {
        (Probe::ReadState | Probe::ReadPoc, _) => Action::ReadDirectory,
        (Probe::PortalAccess, _) => Action::InviteAccounts,
        _ => Action::NominatePocs,
    }
}

#[tokio::test]
async fn the_server_applies_the_state_rules_for_every_kind() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    let mut targets = Vec::new();
    for code in STATES {
        let nominator = server.account(AccountKind::Nominator, Some(code)).await;
        let name = format!("Contact {code}");
        let (status, poc) = api
            .post(
                &nominator,
                &format!("/api/v1/participants/{code}/pocs"),
                draft("technical", &name, "Europe/Paris"),
            )
            .await;
        assert_eq!(status, 201, "{poc}");
        let id = poc["id"].as_i64().unwrap();
        if takes_part(code) {
            let (status, _) = api
                .post(
                    &secretariat,
                    &format!("/api/v1/pocs/{id}/decision"),
                    json!({"version": poc["version"], "approve": true}),
                )
                .await;
            assert_eq!(status, 200);
        }
        targets.push(Target {
            code,
            poc: id,
            email: format!("contact.{}@cert.example.org", code.to_lowercase()),
            active: takes_part(code),
        });
    }

    let mut principals: Vec<(Actor, String, WebClient)> = Vec::new();
    for kind in AccountKind::ALL {
        let states: &[Option<&str>] = if kind.acts_for_participant() {
            &[Some("PAK"), Some("DEU")]
        } else {
            &[None]
        };
        for state in states {
            let account = server.account(kind, *state).await;
            let actor = Actor {
                account_id: account.id,
                kind,
                participant: state.map(|s| ParticipantCode::parse(s).unwrap()),
                scopes: Scopes::ALL,
            };
            let token = server.token(&account, "write").await;
            principals.push((actor, token, server.signed_in(&account).await));
        }
    }

    let http = reqwest::Client::new();
    let mut checked = 0;
    for (actor, token, web) in &principals {
        let own = actor.participant.as_ref().map(|p| p.as_str().to_string());
        let actor_takes_part = own.as_deref().is_some_and(takes_part);
        for target in &targets {
            let view = directory_view(
                actor,
                target.code,
                actor_takes_part,
                takes_part(target.code),
            );
            let nominates = may_nominate_for(actor, target.code);
            for (method, route, probe) in STATE_ROUTES {
                let path = route
                    .replace("{code}", target.code)
                    .replace("{id}", &target.poc.to_string());
                let label = format!(
                    "{method} {path} as {:?} of {own:?} (view {view:?})",
                    actor.kind
                );
                let reads_before = count(&server, "poc.read").await;
                let refused_before = count(&server, "access.refused").await;

                let r = if route.starts_with("/api/") {
                    let url = server.url(&path);
                    let rb = if *method == "GET" {
                        http.get(&url)
                    } else if route.ends_with("/pocs") {
                        let mut bad = draft("technical", "Matrix Probe", "Europe/Paris");
                        bad["emails"] = json!(["not-an-address"]);
                        http.post(&url).json(&bad)
                    } else {
                        http.post(&url).json(&json!({
                            "version": 0,
                            "details": draft("technical", "Matrix Probe", "Europe/Paris"),
                        }))
                    };
                    rb.bearer_auth(token).send().await.unwrap()
                } else if *method == "GET" {
                    web.get(&path).await
                } else {
                    web.post_form(
                        &path,
                        &[
                            ("version", "0"),
                            ("role", "technical"),
                            ("name", "Matrix Probe"),
                            ("organisation", "CERT"),
                            ("emails", "not-an-address"),
                            ("languages", "en"),
                            ("time_zone", "Europe/Paris"),
                            ("hours", "24/7"),
                        ],
                    )
                    .await
                };
                let status = r.status().as_u16();
                let body = r.text().await.unwrap_or_default();
                assert!(status < 500, "{label}: {status} {body}");
                let shows_contacts = body.contains(&target.email);

                let route_allows =
                    decide(Some(actor), action_of(*probe, method)) == Decision::Allow;
                // What the State rules say, given the route is allowed at all.
                let state_allows = match probe {
                    Probe::ReadState => {
                        view != DirectoryView::Nothing || *route == "/participants/{code}"
                    }
                    Probe::ReadPoc => view != DirectoryView::Nothing,
                    Probe::Write | Probe::NominatorPage => nominates,
                    Probe::PortalAccess => may_grant_poc_access(actor, target.code),
                };
                let public_page = *route == "/participants/{code}";
                if !public_page && !route_allows {
                    assert_eq!(status, 403, "{label}");
                } else if !state_allows {
                    assert_eq!(status, 403, "{label}");
                    assert_eq!(
                        count(&server, "access.refused").await,
                        refused_before + 1,
                        "{label}: the refusal is recorded"
                    );
                } else {
                    assert!(status != 401 && status != 403, "{label}: {status}");
                    if *probe == Probe::NominatorPage {
                        assert_eq!(status, 200, "{label}");
                    }
                    // Only a verified entry is given access to the portal.
                    if *probe == Probe::PortalAccess && !target.active {
                        assert_eq!(status, 409, "{label}");
                    }
                    if *probe == Probe::PortalAccess && target.active && *method == "GET" {
                        assert_eq!(status, 200, "{label}");
                    }
                }

                // Contact details: shown exactly when the view allows them.
                if matches!(probe, Probe::ReadState | Probe::ReadPoc) {
                    let may_see = match view {
                        DirectoryView::Administer => true,
                        DirectoryView::Contacts => target.active,
                        DirectoryView::WithoutContacts | DirectoryView::Nothing => false,
                    };
                    let expect_contacts = may_see && (public_page || route_allows);
                    assert_eq!(shows_contacts, expect_contacts, "{label}: {status}");
                    // Every read of another State's verified details is recorded.
                    let reads = count(&server, "poc.read").await;
                    let other_state = own.as_deref() != Some(target.code);
                    let logged = expect_contacts && other_state && target.active;
                    assert_eq!(
                        reads,
                        reads_before + usize::from(logged),
                        "{label}: read recorded"
                    );
                }
                checked += 1;
            }
        }
    }
    // 9 principals × 3 States × every route.
    assert_eq!(checked, 9 * 3 * STATE_ROUTES.len());
    server.stop().await;
}

/// Search never matches, counts or hints at a PoC the reader may not see:
/// every kind × own, another participating and a non-participating State,
/// searching for the PoC's own name, through the API and the page.
#[tokio::test]
async fn search_finds_only_the_people_each_kind_may_see() {
    let server = TestServer::start().await;
    let api = Api::new(&server);
    let secretariat = server.account(AccountKind::Secretariat, None).await;
    for code in STATES {
        let nominator = server.account(AccountKind::Nominator, Some(code)).await;
        let (status, poc) = api
            .post(
                &nominator,
                &format!("/api/v1/participants/{code}/pocs"),
                draft("technical", &format!("Qx{code} Person"), "Europe/Paris"),
            )
            .await;
        assert_eq!(status, 201, "{poc}");
        if takes_part(code) {
            let (status, _) = api
                .post(
                    &secretariat,
                    &format!("/api/v1/pocs/{}/decision", poc["id"]),
                    json!({"version": poc["version"], "approve": true}),
                )
                .await;
            assert_eq!(status, 200);
        }
    }
    let search_action = server
        .routes
        .iter()
        .find(|r| r.method == "GET" && r.path == "/api/v1/pocs")
        .map(|r| r.action)
        .unwrap();
    let http = reqwest::Client::new();
    let mut checked = 0;
    for kind in AccountKind::ALL {
        let states: &[Option<&str>] = if kind.acts_for_participant() {
            &[Some("PAK"), Some("DEU")]
        } else {
            &[None]
        };
        for state in states {
            let account = server.account(kind, *state).await;
            let actor = Actor {
                account_id: account.id,
                kind,
                participant: state.map(|s| ParticipantCode::parse(s).unwrap()),
                scopes: Scopes::ALL,
            };
            let token = server.token(&account, "read").await;
            let web = server.signed_in(&account).await;
            let actor_takes_part = state.is_some_and(takes_part);
            for code in STATES {
                let view = directory_view(&actor, code, actor_takes_part, takes_part(code));
                let label = format!("{kind:?} of {state:?} searching a PoC of {code} ({view:?})");
                // One word, found in this PoC's name only.
                let name = format!("qx{}", code.to_lowercase());
                // Only verified PoCs are in the directory.
                let may_find = takes_part(code)
                    && matches!(view, DirectoryView::Administer | DirectoryView::Contacts);
                let r = http
                    .get(server.url("/api/v1/pocs"))
                    .query(&[("q", name.as_str())])
                    .bearer_auth(&token)
                    .send()
                    .await
                    .unwrap();
                if decide(Some(&actor), search_action) != Decision::Allow {
                    assert_eq!(r.status().as_u16(), 403, "{label}");
                } else {
                    assert_eq!(r.status().as_u16(), 200, "{label}");
                    let body: serde_json::Value = r.json().await.unwrap();
                    assert_eq!(
                        body["total"],
                        json!(usize::from(may_find)),
                        "{label}: {body}"
                    );
                    assert_eq!(
                        body["results"].as_array().unwrap().len(),
                        usize::from(may_find),
                        "{label}"
                    );
                    let page = web
                        .get(&format!("/directory?q={name}"))
                        .await
                        .text()
                        .await
                        .unwrap();
                    // A result is a row linking to its PoC.
                    assert_eq!(
                        page.contains("href=\"/pocs/"),
                        may_find,
                        "{label}: the page"
                    );
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 9 * 3);
    server.stop().await;
}
