//! The access matrix: every registered route × every kind of account (for
//! participant kinds, of two States) × anonymous, by browser session and by
//! API token. A route that is missing from `EXPECTED` fails the test, so a
//! new route cannot ship without being placed in the policy.

use pocdir_domain::account::AccountKind;
use pocdir_domain::policy::{decide, Action, Actor, Decision, Scopes};
use pocdir_testkit::{TestServer, WebClient};
use std::collections::BTreeSet;

use Action::*;

/// Every route and the action it is. Keep in step with the `routes` function
/// of each capability in `pocdir_web` (put together in `pocdir_web::app`).
const EXPECTED: &[(&str, &str, Action)] = &[
    ("GET", "/", ViewPublic),
    ("GET", "/help", ViewPublic),
    ("GET", "/help/{topic}", ViewPublic),
    ("GET", "/lang/{code}", ViewPublic),
    ("GET", "/static/app.css", ViewPublic),
    ("GET", "/static/favicon.svg", ViewPublic),
    ("GET", "/favicon.ico", ViewPublic),
    ("GET", "/healthz", ViewPublic),
    ("GET", "/healthz/live", ViewPublic),
    ("GET", "/healthz/ready", ViewPublic),
    ("GET", "/metrics", ViewPublic),
    ("GET", "/api/v1/openapi.json", ViewPublic),
    ("GET", "/login", SignIn),
    ("POST", "/login", SignIn),
    ("GET", "/login/mfa", SignIn),
    ("POST", "/login/mfa", SignIn),
    ("POST", "/login/security-key", SignIn),
    ("GET", "/static/security-key.js", ViewPublic),
    ("GET", "/login/enrol", SignIn),
    ("POST", "/login/enrol", SignIn),
    ("POST", "/logout", SignIn),
    ("GET", "/account", ViewOwnAccount),
    ("GET", "/api/v1/me", ViewOwnAccount),
    ("GET", "/api/v1/me/tokens", ViewOwnAccount),
    ("POST", "/api/v1/me/tokens", ManageOwnCredentials),
    ("DELETE", "/api/v1/me/tokens/{id}", ManageOwnCredentials),
    ("POST", "/account/password", ManageOwnCredentials),
    ("POST", "/account/recovery-codes", ManageOwnCredentials),
    (
        "POST",
        "/account/recovery-codes/download",
        ManageOwnCredentials,
    ),
    (
        "POST",
        "/account/sessions/{id}/revoke",
        ManageOwnCredentials,
    ),
    ("POST", "/account/security-keys/new", ManageOwnCredentials),
    ("POST", "/account/security-keys", ManageOwnCredentials),
    (
        "POST",
        "/account/security-keys/{id}/remove",
        ManageOwnCredentials,
    ),
    ("POST", "/account/tokens", ManageOwnCredentials),
    ("POST", "/account/tokens/{id}/revoke", ManageOwnCredentials),
    ("GET", "/.well-known/pocdir-log-key", VerifyLog),
    ("GET", "/api/v1/log/head", VerifyLog),
    ("GET", "/api/v1/log/heads/{size}", VerifyLog),
    ("GET", "/api/v1/log/proofs/inclusion", VerifyLog),
    ("GET", "/api/v1/log/proofs/consistency", VerifyLog),
    ("GET", "/api/v1/log/entries", AuditLog),
    ("GET", "/api/v1/log/own-state", ViewOwnStateLog),
    ("GET", "/audit", AuditLog),
    ("GET", "/audit/own-state", ViewOwnStateLog),
    ("GET", "/participants", ViewPublic),
    ("GET", "/participants/{code}", ViewPublic),
    ("GET", "/api/v1/participants", ViewPublic),
    ("GET", "/api/v1/participants/{code}", ViewPublic),
    ("POST", "/api/v1/participants", ManageParticipants),
    ("GET", "/api/v1/participants/{code}/pocs", ReadDirectory),
    ("POST", "/api/v1/participants/{code}/pocs", NominatePocs),
    ("GET", "/api/v1/pocs/pending", ReviewNominations),
    ("GET", "/api/v1/pocs/export", ExportDirectory),
    // The offline crisis pack: an export in another envelope; its key is public.
    ("GET", "/crisis-pack", ExportDirectory),
    ("POST", "/crisis-pack", ExportDirectory),
    ("POST", "/api/v1/crisis-pack", ExportDirectory),
    ("GET", "/.well-known/pocdir-pack-key.asc", ViewPublic),
    ("POST", "/api/v1/pocs/import", ImportPocs),
    ("GET", "/directory/import", ImportPocs),
    ("GET", "/directory/import/template.csv", ImportPocs),
    ("POST", "/directory/import", ImportPocs),
    ("POST", "/api/v1/pocs/{id}/decision", DecidePocs),
    ("POST", "/api/v1/pocs/{id}/update", NominatePocs),
    ("POST", "/api/v1/pocs/{id}/withdraw", NominatePocs),
    ("POST", "/api/v1/pocs/{id}/confirm", NominatePocs),
    ("GET", "/directory", ReadDirectory),
    ("GET", "/api/v1/pocs", ReadDirectory),
    ("GET", "/api/v1/pocs/{id}", ReadDirectory),
    ("GET", "/pocs/{id}", ReadDirectory),
    ("GET", "/revalidation", ReadDirectory),
    ("GET", "/participants/{code}/nominate", NominatePocs),
    ("POST", "/participants/{code}/nominate", NominatePocs),
    ("GET", "/pocs/{id}/edit", NominatePocs),
    ("POST", "/pocs/{id}/edit", NominatePocs),
    ("GET", "/pocs/{id}/withdraw", NominatePocs),
    ("POST", "/pocs/{id}/withdraw", NominatePocs),
    ("POST", "/pocs/{id}/confirm", NominatePocs),
    ("GET", "/pocs/{id}/reject", DecidePocs),
    ("POST", "/pocs/{id}/decision", DecidePocs),
    ("GET", "/nominations", ReviewNominations),
    ("GET", "/outbox", ViewOutbox),
    ("GET", "/invitations", InviteAccounts),
    ("GET", "/invitations/new", InviteAccounts),
    ("POST", "/invitations", InviteAccounts),
    ("POST", "/invitations/{id}/revoke", InviteAccounts),
    ("GET", "/enrol/{token}", SignIn),
    ("POST", "/enrol/{token}", SignIn),
    ("GET", "/pocs/{id}/access", InviteAccounts),
    ("POST", "/pocs/{id}/access/link", InviteAccounts),
    ("POST", "/pocs/{id}/access/invite", InviteAccounts),
    ("GET", "/accounts", ViewAccounts),
    ("GET", "/accounts/{id}", ViewAccounts),
    ("POST", "/accounts/{id}/disable", ManageAccounts),
    ("POST", "/accounts/{id}/enable", ManageAccounts),
    ("POST", "/accounts/{id}/reset-second-factor", ManageAccounts),
    ("GET", "/login/forgot", SignIn),
    ("POST", "/login/forgot", SignIn),
    ("GET", "/login/reset/{token}", SignIn),
    ("POST", "/login/reset/{token}", SignIn),
    ("GET", "/login/password", SignIn),
    ("POST", "/login/password", SignIn),
    // Communications: the JSON API.
    ("GET", "/api/v1/communications", ReadCommunications),
    ("POST", "/api/v1/communications", SendCommunications),
    ("GET", "/api/v1/communications/unread", ReadCommunications),
    ("GET", "/api/v1/communications/keys", SendCommunications),
    ("GET", "/api/v1/communications/{id}", ReadCommunications),
    (
        "GET",
        "/api/v1/communications/{id}/thread",
        ReadCommunications,
    ),
    (
        "POST",
        "/api/v1/communications/{id}/acknowledge",
        SendCommunications,
    ),
    (
        "POST",
        "/api/v1/communications/{id}/reply",
        SendCommunications,
    ),
    (
        "POST",
        "/api/v1/communications/{id}/forward",
        SendCommunications,
    ),
    (
        "GET",
        "/api/v1/communications/{id}/attachments/{attachment}",
        ReadCommunications,
    ),
    (
        "GET",
        "/api/v1/communications/{id}/export",
        ReadCommunications,
    ),
    // Ping tests: the JSON API (the mailed token is its own credential).
    ("GET", "/api/v1/ping-tests", ReadPingTests),
    ("POST", "/api/v1/ping-tests", ManagePingTests),
    ("GET", "/api/v1/ping-tests/{id}", ReadPingTests),
    ("GET", "/api/v1/ping-tests/{id}/results", ReadPingTests),
    ("POST", "/api/v1/ping-tests/{id}/cancel", ManagePingTests),
    ("POST", "/api/v1/ping-tests/{id}/publish", ManagePingTests),
    ("GET", "/api/v1/ping-tests/challenges", AnswerPingTests),
    (
        "POST",
        "/api/v1/ping-tests/challenges/{id}/answer",
        AnswerPingTests,
    ),
    ("POST", "/api/v1/ping-tests/answer", ViewPublic),
    // Communications: the pages.
    ("GET", "/communications", ReadCommunications),
    ("GET", "/communications/new", SendCommunications),
    ("POST", "/communications/new", SendCommunications),
    ("GET", "/communications/{id}", ReadCommunications),
    (
        "POST",
        "/communications/{id}/acknowledge",
        SendCommunications,
    ),
    ("GET", "/communications/{id}/reply", SendCommunications),
    ("POST", "/communications/{id}/reply", SendCommunications),
    ("GET", "/communications/{id}/forward", SendCommunications),
    ("POST", "/communications/{id}/forward", SendCommunications),
    (
        "GET",
        "/communications/{id}/attachments/{attachment}",
        ReadCommunications,
    ),
    // End to end: the armored ciphertext for the PoC's own OpenPGP tool,
    // and the two scripts that encrypt and decrypt in the browser.
    ("GET", "/communications/{id}/ciphertext", ReadCommunications),
    ("GET", "/static/e2e.js", ViewPublic),
    ("GET", "/static/openpgp.min.js", ViewPublic),
    // Ping tests: results, their files, the trend, a check by another channel.
    ("GET", "/ping-tests/trend", ReadPingTests),
    ("GET", "/ping-tests/{id}/results", ReadPingTests),
    ("GET", "/ping-tests/{id}/results.csv", ReadPingTests),
    ("GET", "/ping-tests/{id}/results.json", ReadPingTests),
    (
        "POST",
        "/ping-tests/{id}/challenges/{challenge}/finding",
        ManagePingTests,
    ),
    // Ping tests: the pages.
    ("GET", "/ping-tests", ReadPingTests),
    ("GET", "/ping-tests/new", ManagePingTests),
    ("POST", "/ping-tests/new", ManagePingTests),
    ("GET", "/ping-tests/about", ViewPublic),
    ("GET", "/ping-tests/published", ViewPublic),
    ("GET", "/ping-tests/{id}", ReadPingTests),
    ("POST", "/ping-tests/{id}/cancel", ManagePingTests),
    ("POST", "/ping-tests/{id}/publish", ManagePingTests),
    ("GET", "/ping/{token}", ViewPublic),
    ("POST", "/ping/{token}", ViewPublic),
    (
        "POST",
        "/ping-tests/challenges/{id}/answer",
        AnswerPingTests,
    ),
    // Tabletop exercises: the facilitator's side, the players', the reports.
    ("GET", "/exercises", RunExercises),
    ("POST", "/exercises", RunExercises),
    ("GET", "/exercises/{id}", RunExercises),
    ("POST", "/exercises/{id}/step", RunExercises),
    ("POST", "/exercises/{id}/injects", RunExercises),
    (
        "POST",
        "/exercises/{id}/expectations/{expectation}/validate",
        RunExercises,
    ),
    ("GET", "/exercises/{id}/scenario.json", RunExercises),
    ("GET", "/exercises/mine", PlayExercises),
    ("GET", "/exercises/injects/{id}", PlayExercises),
    ("POST", "/exercises/injects/{id}/act", PlayExercises),
    ("POST", "/exercises/{id}/feedback", PlayExercises),
    ("GET", "/exercises/{id}/report", ReadExercises),
    ("GET", "/exercises/{id}/report.json", ReadExercises),
    ("POST", "/exercises/{id}/improvements", RunExercises),
    // Capacity building: requests, offers, steps, follow-ups; pages and API.
    ("GET", "/capacity", ReadCapacityBuilding),
    ("GET", "/capacity/requests/new", RequestCapacityBuilding),
    ("POST", "/capacity/requests", RequestCapacityBuilding),
    ("GET", "/capacity/requests/{id}", ReadCapacityBuilding),
    (
        "POST",
        "/capacity/requests/{id}/offers",
        OfferCapacityBuilding,
    ),
    (
        "POST",
        "/capacity/offers/{id}/withdraw",
        OfferCapacityBuilding,
    ),
    (
        "POST",
        "/capacity/requests/{id}/select",
        RequestCapacityBuilding,
    ),
    (
        "POST",
        "/capacity/requests/{id}/withdraw",
        RequestCapacityBuilding,
    ),
    (
        "POST",
        "/capacity/requests/{id}/follow-ups",
        RequestCapacityBuilding,
    ),
    (
        "POST",
        "/capacity/requests/{id}/acknowledge",
        CoordinateCapacityBuilding,
    ),
    (
        "POST",
        "/capacity/requests/{id}/confirm",
        CoordinateCapacityBuilding,
    ),
    ("GET", "/api/v1/capacity/requests", ReadCapacityBuilding),
    ("POST", "/api/v1/capacity/requests", RequestCapacityBuilding),
    (
        "GET",
        "/api/v1/capacity/requests/{id}",
        ReadCapacityBuilding,
    ),
    (
        "POST",
        "/api/v1/capacity/requests/{id}/offers",
        OfferCapacityBuilding,
    ),
    (
        "POST",
        "/api/v1/capacity/requests/{id}/select",
        RequestCapacityBuilding,
    ),
    (
        "POST",
        "/api/v1/capacity/requests/{id}/follow-ups",
        RequestCapacityBuilding,
    ),
    (
        "POST",
        "/api/v1/capacity/requests/{id}/acknowledge",
        CoordinateCapacityBuilding,
    ),
    (
        "POST",
        "/api/v1/capacity/requests/{id}/confirm",
        CoordinateCapacityBuilding,
    ),
    ("GET", "/capacity/funding", ReadCapacityBuilding),
    ("GET", "/capacity/readiness", ReadCapacityBuilding),
    ("GET", "/api/v1/capacity/readiness", ReadCapacityBuilding),
    (
        "POST",
        "/api/v1/capacity/readiness",
        RequestCapacityBuilding,
    ),
    ("POST", "/capacity/readiness", RequestCapacityBuilding),
    (
        "POST",
        "/capacity/readiness/requests",
        RequestCapacityBuilding,
    ),
    ("GET", "/capacity/figures", ReadCapacityFigures),
    ("GET", "/capacity/figures.csv", ReadCapacityFigures),
    ("GET", "/api/v1/capacity/figures", ReadCapacityFigures),
    ("POST", "/capacity/funding", FundCapacityBuilding),
    (
        "POST",
        "/capacity/requests/{id}/funding",
        FundCapacityBuilding,
    ),
    ("GET", "/api/v1/capacity/funding", ReadCapacityBuilding),
    ("POST", "/api/v1/capacity/funding", FundCapacityBuilding),
    (
        "POST",
        "/api/v1/capacity/requests/{id}/funding",
        FundCapacityBuilding,
    ),
    // E-learning: modules, lessons, quizzes, the secretariat's uploads,
    // certificates (public) and their API.
    ("GET", "/learning", ReadLearning),
    ("GET", "/learning/manage", ManageLearning),
    ("POST", "/learning/modules", ManageLearning),
    ("GET", "/learning/{slug}", ReadLearning),
    ("GET", "/learning/{slug}/lessons/{lesson}", ReadLearning),
    (
        "POST",
        "/learning/{slug}/lessons/{lesson}/read",
        TakeLearning,
    ),
    ("POST", "/learning/{slug}/quiz", TakeLearning),
    ("GET", "/learning/attempts/{id}", ReadLearning),
    ("POST", "/learning/attempts/{id}", TakeLearning),
    ("GET", "/certificates/verify", VerifyCertificates),
    ("POST", "/certificates/verify", VerifyCertificates),
    ("GET", "/certificates/{id}", VerifyCertificates),
    ("GET", "/api/v1/learning/modules", ReadLearning),
    ("POST", "/api/v1/learning/modules", ManageLearning),
    ("GET", "/api/v1/learning/statements", ReadLearning),
    ("GET", "/api/v1/certificates/{id}", VerifyCertificates),
    ("POST", "/api/v1/certificates/verify", VerifyCertificates),
    // The common lexicon: search, concepts, history, proposals, comments,
    // the secretariat's decisions and imports, the exports, and the API.
    ("GET", "/lexicon", ReadLexicon),
    ("GET", "/lexicon/export", ReadLexicon),
    ("GET", "/lexicon/import", CurateLexicon),
    ("POST", "/lexicon/import", CurateLexicon),
    ("GET", "/lexicon/concepts/{slug}", ReadLexicon),
    ("GET", "/lexicon/concepts/{slug}/history", ReadLexicon),
    ("GET", "/lexicon/concepts/{slug}/propose", ProposeLexicon),
    ("POST", "/lexicon/concepts/{slug}/proposals", ProposeLexicon),
    ("GET", "/lexicon/proposals", ReadLexicon),
    ("GET", "/lexicon/proposals/new", ProposeLexicon),
    ("POST", "/lexicon/proposals", ProposeLexicon),
    ("GET", "/lexicon/proposals/{id}", ReadLexicon),
    ("POST", "/lexicon/proposals/{id}/comments", ProposeLexicon),
    ("POST", "/lexicon/proposals/{id}/decision", CurateLexicon),
    ("GET", "/api/v1/lexicon/concepts", ReadLexicon),
    ("GET", "/api/v1/lexicon/concepts/{slug}", ReadLexicon),
    ("GET", "/api/v1/lexicon/export", ReadLexicon),
    ("POST", "/api/v1/lexicon/import", CurateLexicon),
    ("GET", "/api/v1/lexicon/proposals", ReadLexicon),
    ("POST", "/api/v1/lexicon/proposals", ProposeLexicon),
    (
        "POST",
        "/api/v1/lexicon/proposals/{id}/comments",
        ProposeLexicon,
    ),
    (
        "POST",
        "/api/v1/lexicon/proposals/{id}/decision",
        CurateLexicon,
    ),
    // The best-practice library: search, a document, its file, publishing
    // and withdrawing, pages and API.
    ("GET", "/library", ReadLibrary),
    ("GET", "/library/new", PublishLibrary),
    ("POST", "/library", PublishLibrary),
    ("GET", "/library/{id}", ReadLibrary),
    ("GET", "/library/{id}/file", ReadLibrary),
    ("POST", "/library/{id}/withdraw", PublishLibrary),
    ("GET", "/api/v1/library/documents", ReadLibrary),
    ("POST", "/api/v1/library/documents", PublishLibrary),
    ("GET", "/api/v1/library/documents/{id}", ReadLibrary),
    ("GET", "/api/v1/library/documents/{id}/file", ReadLibrary),
    (
        "POST",
        "/api/v1/library/documents/{id}/withdraw",
        PublishLibrary,
    ),
    // Reporters: the public form, the secretariat's vetting pages and API.
    ("GET", "/reporters/apply", ApplyAsReporter),
    ("POST", "/reporters/apply", ApplyAsReporter),
    ("GET", "/reporters/apply/thanks", ApplyAsReporter),
    ("GET", "/reporters", ReviewReporters),
    ("GET", "/reporters/{id}", ReviewReporters),
    ("POST", "/reporters/{id}/decide", VetReporters),
    ("GET", "/api/v1/reporters", ReviewReporters),
    ("GET", "/api/v1/reporters/{id}", ReviewReporters),
    ("POST", "/api/v1/reporters/{id}/decision", VetReporters),
    ("GET", "/reports", ReadReports),
    ("GET", "/reports/new", SendReports),
    ("POST", "/reports/new", SendReports),
    ("GET", "/reports/{id}", ReadReports),
    ("POST", "/reports/{id}/acknowledge", AnswerReports),
    ("POST", "/reports/{id}/status", AnswerReports),
    ("POST", "/reports/{id}/messages", AnswerReports),
    ("POST", "/reports/{id}/states/{state}/messages", SendReports),
    ("POST", "/reports/{id}/embargo", SendReports),
    ("GET", "/reports/{id}/attachments/{attachment}", ReadReports),
    ("GET", "/reports/{id}/stix", ReadReports),
    ("GET", "/api/v1/reports", ReadReports),
    ("POST", "/api/v1/reports", SendReports),
    ("GET", "/api/v1/reports/{id}", ReadReports),
    ("POST", "/api/v1/reports/{id}/acknowledge", AnswerReports),
    ("POST", "/api/v1/reports/{id}/status", AnswerReports),
    ("POST", "/api/v1/reports/{id}/messages", AnswerReports),
    (
        "POST",
        "/api/v1/reports/{id}/states/{state}/messages",
        SendReports,
    ),
    ("POST", "/api/v1/reports/{id}/embargo", SendReports),
    (
        "GET",
        "/api/v1/reports/{id}/attachments/{attachment}",
        ReadReports,
    ),
    ("GET", "/taxii2/", ReadThreatData),
    ("GET", "/taxii2/participants/", ReadThreatData),
    ("GET", "/taxii2/participants/collections/", ReadThreatData),
    (
        "GET",
        "/taxii2/participants/collections/{collection}/",
        ReadThreatData,
    ),
    (
        "GET",
        "/taxii2/participants/collections/{collection}/objects/",
        ReadThreatData,
    ),
    (
        "POST",
        "/taxii2/participants/collections/{collection}/objects/",
        ShareThreatData,
    ),
    (
        "GET",
        "/taxii2/participants/collections/{collection}/objects/{object}/",
        ReadThreatData,
    ),
    (
        "DELETE",
        "/taxii2/participants/collections/{collection}/objects/{object}/",
        ShareThreatData,
    ),
    (
        "GET",
        "/taxii2/participants/collections/{collection}/objects/{object}/versions/",
        ReadThreatData,
    ),
    (
        "GET",
        "/taxii2/participants/collections/{collection}/manifest/",
        ReadThreatData,
    ),
    (
        "GET",
        "/taxii2/participants/status/{status}/",
        ReadThreatData,
    ),
];

/// A path to request: a language for `/lang/`, else the principal's own
/// State (this test checks the route-level half of the policy; the
/// State-dependent half has its own matrix in `directory_matrix`).
fn concrete(path: &str, own: Option<&str>) -> String {
    let code = if path.starts_with("/lang/") {
        "en"
    } else {
        own.unwrap_or("PAK")
    };
    path.replace("{code}", code)
        .replace("{id}", "999999")
        .replace("{attachment}", "1")
        .replace("{challenge}", "1")
        .replace("{expectation}", "1")
        .replace("{size}", "1")
        .replace("{topic}", "nominator")
        .replace("{token}", "pdi_unknown")
        .replace("{attachment}", "1")
        .replace("{collection}", "no-such-collection")
        .replace(
            "{object}",
            "indicator--00000000-0000-4000-8000-000000000000",
        )
        .replace("{status}", "no-such-status")
        .replace("{slug}", "ping-tests")
        .replace("{lesson}", "01-why")
}

#[tokio::test]
async fn every_route_is_in_the_matrix_with_its_action() {
    let server = TestServer::start().await;
    let registered: BTreeSet<(String, String, String)> = server
        .routes
        .iter()
        .map(|r| {
            (
                r.method.to_string(),
                r.path.to_string(),
                format!("{:?}", r.action),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String, String)> = EXPECTED
        .iter()
        .map(|(m, p, a)| (m.to_string(), p.to_string(), format!("{a:?}")))
        .collect();
    let unlisted: Vec<_> = registered.difference(&expected).collect();
    let gone: Vec<_> = expected.difference(&registered).collect();
    assert!(
        unlisted.is_empty(),
        "routes not in the access matrix: {unlisted:?}"
    );
    assert!(gone.is_empty(), "matrix rows without a route: {gone:?}");
    server.stop().await;
}

enum Who {
    Anonymous,
    Browser(WebClient, Actor),
    Token(String, Actor),
}

async fn send(server: &TestServer, who: &Who, method: &str, path: &str) -> reqwest::Response {
    let url = server.url(path);
    match who {
        Who::Anonymous => {
            let web = server.client();
            match method {
                "GET" => web.get(path).await,
                "POST" => web.post_form(path, &[]).await,
                _ => web.http.delete(&url).send().await.unwrap(),
            }
        }
        Who::Browser(web, _) => match method {
            "GET" => web.get(path).await,
            "POST" if path.starts_with("/api/") || path.starts_with("/taxii2/") => {
                let csrf = web.csrf().await;
                web.http
                    .post(&url)
                    .header("x-csrf-token", csrf)
                    .json(&serde_json::json!({}))
                    .send()
                    .await
                    .unwrap()
            }
            "POST" => web.post_form(path, &[]).await,
            _ => {
                let csrf = web.csrf().await;
                web.http
                    .delete(&url)
                    .header("x-csrf-token", csrf)
                    .send()
                    .await
                    .unwrap()
            }
        },
        Who::Token(token, _) => {
            let http = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let rb = match method {
                "GET" => http.get(&url),
                "POST" => http.post(&url).json(&serde_json::json!({})),
                _ => http.delete(&url),
            };
            rb.bearer_auth(token).send().await.unwrap()
        }
    }
}

fn redirects_to_sign_in(r: &reqwest::Response) -> bool {
    r.status() == 303
        && r.headers()
            .get("location")
            .is_some_and(|l| l.to_str().unwrap().starts_with("/login"))
}

#[tokio::test]
async fn the_server_enforces_the_policy_for_every_route_and_kind() {
    let server = TestServer::start().await;
    let mut principals = vec![Who::Anonymous];
    for kind in AccountKind::ALL {
        let states: &[Option<&str>] = if kind.acts_for_participant() {
            &[Some("PAK"), Some("FRA")]
        } else {
            &[None]
        };
        for state in states {
            let account = server.account(kind, *state).await;
            let actor = |scopes| Actor {
                account_id: account.id,
                kind,
                participant: state
                    .map(|s| pocdir_domain::account::ParticipantCode::parse(s).unwrap()),
                scopes,
            };
            principals.push(Who::Browser(
                server.signed_in(&account).await,
                actor(Scopes::ALL),
            ));
            principals.push(Who::Token(
                server.token(&account, "read").await,
                actor(Scopes::READ),
            ));
            principals.push(Who::Token(
                server.token(&account, "write").await,
                actor(Scopes::ALL),
            ));
        }
    }
    // Signing out last, so that each browser stays signed in for the other rows.
    let mut rows: Vec<_> = EXPECTED.to_vec();
    rows.sort_by_key(|(m, p, _)| (*p == "/logout", *m, *p));

    let mut checked = 0;
    for who in &principals {
        for (method, path, action) in &rows {
            // TAXII is an API too: JSON (its own shape), tokens, 401.
            let api = path.starts_with("/api/") || path.starts_with("/taxii2/");
            // Machine paths speak JSON and accept bearer tokens.
            let machine = api
                || *path == "/healthz"
                || path.starts_with("/healthz/")
                || *path == "/metrics"
                || path.starts_with("/.well-known/");
            let actor = match who {
                Who::Anonymous => None,
                Who::Browser(_, a) => Some(a),
                // Tokens are for the API only; elsewhere they are refused outright.
                Who::Token(_, _) if !machine => {
                    let r = send(&server, who, method, &concrete(path, None)).await;
                    // 401 (no session), or 403 when the form's CSRF check refuses it first.
                    let status = r.status().as_u16();
                    assert!(
                        status == 401 || (*method == "POST" && status == 403),
                        "token on {method} {path}: {status}"
                    );
                    continue;
                }
                Who::Token(_, a) => Some(a),
            };
            let own = actor.and_then(|a| a.participant.as_ref().map(|p| p.as_str().to_string()));
            let r = send(&server, who, method, &concrete(path, own.as_deref())).await;
            let status = r.status().as_u16();
            let label = format!(
                "{method} {path} as {:?}",
                actor.map(|a| (a.kind, a.participant.clone(), a.scopes))
            );
            assert!(status < 500, "{label}: {status}");
            match decide(actor, *action) {
                Decision::NeedsSignIn if api => assert_eq!(status, 401, "{label}"),
                Decision::NeedsSignIn => assert!(redirects_to_sign_in(&r), "{label}: {status}"),
                Decision::Forbidden => assert_eq!(status, 403, "{label}"),
                Decision::Allow => {
                    assert!(status != 401 && status != 403, "{label}: {status}");
                    if matches!(action, ViewOwnAccount | ManageOwnCredentials) {
                        assert!(!redirects_to_sign_in(&r), "{label}");
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} cells checked");
    server.stop().await;
}
