//! Ping tests: the secretariat's campaigns (create, cancel, publish,
//! record a check by another channel), each reader's results with charts
//! and exports, a PoC's open challenges, the confirmation page a mailed
//! link opens, the public aggregates and the technical description; the
//! same through the JSON API. The rules are the domain's (`ping_test::`);
//! the service is `pocdir_ping_tests`.

pub mod answer;
pub mod charts;
pub mod export;
pub mod pages;
pub mod results;

use crate::http::error::AppError;
use crate::http::nav::NavLink;
use crate::http::routes::Routes;
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_domain::ping_test::challenge::AnswerRefusal;
use pocdir_ping_tests::{PingError, PingTests, Settings};

/// The service's settings from the web's configuration.
pub fn settings(state: &AppState) -> Settings {
    Settings {
        ping: state.config.ping.clone(),
        schedule: state.config.ping_schedule,
        base_url: state.config.base_url.clone(),
    }
}

/// The service for one request (it borrows the state and `settings`).
pub fn service<'a>(state: &'a AppState, settings: &'a Settings) -> PingTests<'a> {
    PingTests::new(state.store.as_ref(), state.clock.as_ref(), settings)
        .with_entropy(state.entropy.as_ref())
}

/// One mapping for the pages and the API: the status, the stable code and
/// the message each refusal gets.
impl From<PingError> for AppError {
    fn from(e: PingError) -> Self {
        match e {
            PingError::Invalid(errors) => AppError::invalid_fields(
                errors
                    .into_iter()
                    .map(|e| (e.field, e.message_id))
                    .collect(),
            ),
            PingError::EmptyScope => {
                AppError::invalid_fields(vec![("scope".to_string(), "ping-error-scope-empty")])
            }
            PingError::NotFound => AppError::not_found(),
            PingError::Refused(refusal) => AppError::new(
                match refusal {
                    AnswerRefusal::Unknown => StatusCode::NOT_FOUND,
                    AnswerRefusal::Used => StatusCode::CONFLICT,
                    AnswerRefusal::Expired | AnswerRefusal::Cancelled => StatusCode::GONE,
                },
                match refusal {
                    AnswerRefusal::Unknown => "challenge_unknown",
                    AnswerRefusal::Used => "challenge_used",
                    AnswerRefusal::Expired => "challenge_expired",
                    AnswerRefusal::Cancelled => "campaign_cancelled",
                },
                refusal.message(),
            ),
            PingError::NotAllowed(message_id) => {
                AppError::new(StatusCode::CONFLICT, "not_allowed_now", message_id)
            }
            PingError::Store(e) => e.into(),
            PingError::Content(_) => AppError::internal(),
        }
    }
}

pub fn routes(routes: Routes) -> Routes {
    api_routes(pages(routes))
}

/// The pages (server-rendered, no JavaScript needed).
fn pages(routes: Routes) -> Routes {
    use pocdir_domain::policy::Action::{
        AnswerPingTests, ManagePingTests, ReadPingTests, ViewPublic,
    };
    routes
        // The campaigns, the form that creates one, a campaign's page and
        // its steps; the public description and aggregates (pages.rs).
        .nav_page(
            "/ping-tests",
            ReadPingTests,
            NavLink::main(27, "nav-ping-tests"),
            pages::list,
        )
        .get("/ping-tests/new", ManagePingTests, pages::new_form)
        .post("/ping-tests/new", ManagePingTests, pages::new_submit)
        .get("/ping-tests/about", ViewPublic, pages::about)
        .get("/ping-tests/published", ViewPublic, pages::published)
        .get("/ping-tests/{id}", ReadPingTests, pages::campaign)
        .post("/ping-tests/{id}/cancel", ManagePingTests, pages::cancel)
        .post("/ping-tests/{id}/publish", ManagePingTests, pages::publish)
        // Answering: the mailed link's page, and the portal's button (answer.rs).
        .get("/ping/{token}", ViewPublic, answer::confirm_page)
        .post("/ping/{token}", ViewPublic, answer::confirm_submit)
        .post(
            "/ping-tests/challenges/{id}/answer",
            AnswerPingTests,
            answer::answer_in_portal,
        )
        // Results, their exports and charts, the trend (results.rs).
        .get("/ping-tests/trend", ReadPingTests, results::trend)
        .get("/ping-tests/{id}/results", ReadPingTests, results::results)
        .get(
            "/ping-tests/{id}/results.csv",
            ReadPingTests,
            results::results_csv_download,
        )
        .get(
            "/ping-tests/{id}/results.json",
            ReadPingTests,
            results::results_json_download,
        )
        .post(
            "/ping-tests/{id}/challenges/{challenge}/finding",
            ManagePingTests,
            results::record_finding,
        )
}

/// The JSON API.
fn api_routes(routes: Routes) -> Routes {
    routes
}

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
