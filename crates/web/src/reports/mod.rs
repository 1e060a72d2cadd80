//! Reports from vetted reporters to the States' technical PoCs: the
//! reporter's form and list, a report's page for each kind of reader
//! (`pages.rs`), and the same through the JSON API (`api.rs`). The rules
//! are the domain's (`report.rs`, `stix.rs`, `policy::report_view`); the
//! service is `pocdir_communications::reports`.

pub mod api;
pub mod pages;

use crate::http::error::AppError;
use crate::http::nav::NavLink;
use crate::http::routes::{Route, RouteMethod, Routes};
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_communications::reports::{ReportFailure, ReportProblem, Reports};
use pocdir_communications::Settings;
use pocdir_domain::account::AccountKind;
use pocdir_domain::policy::Action::{AnswerReports, ReadReports, SendReports};
use pocdir_i18n::FluentArg;

/// The service's settings from the web's configuration.
pub fn settings(state: &AppState) -> Settings {
    Settings {
        deadlines: state.config.ack_deadlines,
        base_url: state.config.base_url.clone(),
    }
}

/// The service for one request.
pub fn service<'a>(state: &'a AppState, settings: &'a Settings) -> Reports<'a> {
    Reports::new(state.store.as_ref(), state.clock.as_ref(), settings)
        .with_limits(state.config.report_limits)
}

/// A problem's field as the page and the API name it: the State or file it
/// is about is part of it (`states[KEN]`), so that two problems of one
/// kind stay apart.
pub fn problem_field(p: &ReportProblem) -> String {
    match p.args.iter().find(|(n, _)| *n == "state" || *n == "file") {
        Some((_, v)) if !v.is_empty() => format!("{}[{v}]", p.field),
        _ => p.field.clone(),
    }
}

/// One mapping for the pages and the API.
impl From<ReportFailure> for AppError {
    fn from(e: ReportFailure) -> Self {
        match e {
            ReportFailure::Invalid(problems) => {
                let mut err = AppError::invalid_fields(
                    problems
                        .iter()
                        .map(|p| (problem_field(p), p.message_id))
                        .collect(),
                );
                for p in problems {
                    if !p.args.is_empty() {
                        let field = problem_field(&p);
                        err = err.with_field_args(
                            field,
                            p.args
                                .into_iter()
                                .map(|(n, v)| (n, FluentArg::Text(v)))
                                .collect(),
                        );
                    }
                }
                err
            }
            ReportFailure::RateLimited { retry_after } => {
                let seconds = u64::try_from(retry_after.whole_seconds()).unwrap_or(1);
                AppError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate_limited",
                    "report-error-rate-limited",
                )
                .with_arg(
                    "minutes",
                    FluentArg::Number(i64::try_from(seconds.div_ceil(60)).unwrap_or(60)),
                )
                .retry_after(seconds)
            }
            ReportFailure::TooLarge { max_bytes } => AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "report-error-too-large",
            )
            .with_arg(
                "megabytes",
                FluentArg::Number(i64::try_from(max_bytes / (1024 * 1024)).unwrap_or(0)),
            ),
            ReportFailure::NotApproved(_) => AppError::new(
                StatusCode::FORBIDDEN,
                "reporter_not_approved",
                "report-error-not-approved",
            ),
            ReportFailure::NotFound => AppError::not_found(),
            ReportFailure::NotAllowed => AppError::new(
                StatusCode::FORBIDDEN,
                "not_allowed",
                "report-error-not-allowed",
            ),
            ReportFailure::Step(step) => AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_step",
                step.message_id(),
            ),
            ReportFailure::AlreadyAcknowledged => AppError::new(
                StatusCode::CONFLICT,
                "already_acknowledged",
                "report-error-already-acknowledged",
            ),
            ReportFailure::Stale => {
                AppError::new(StatusCode::CONFLICT, "stale", "report-error-stale")
            }
            ReportFailure::Store(e) => e.into(),
            ReportFailure::Content(_) => AppError::internal(),
        }
    }
}

pub fn routes(routes: Routes) -> Routes {
    api_routes(page_routes(routes))
}

/// The pages (`pages.rs`): server-rendered, no JavaScript needed.
fn page_routes(routes: Routes) -> Routes {
    routes
        .nav_page(
            "/reports",
            ReadReports,
            // The secretariat's header is full: its home links here.
            NavLink::main(26, "nav-reports").not_for(&[AccountKind::Secretariat]),
            pages::list,
        )
        .get("/reports/new", SendReports, pages::new_form)
        .route(
            Route::new(RouteMethod::Post, "/reports/new", SendReports)
                .body_limit(pages::MAX_FORM_BYTES),
            pages::new_submit,
        )
        .get("/reports/{id}", ReadReports, pages::one)
        .post(
            "/reports/{id}/acknowledge",
            AnswerReports,
            pages::acknowledge,
        )
        .post("/reports/{id}/status", AnswerReports, pages::set_status)
        .post(
            "/reports/{id}/messages",
            AnswerReports,
            pages::state_message,
        )
        .post(
            "/reports/{id}/states/{state}/messages",
            SendReports,
            pages::reporter_message,
        )
        .post("/reports/{id}/embargo", SendReports, pages::extend)
        .get(
            "/reports/{id}/attachments/{attachment}",
            ReadReports,
            api::attachment,
        )
        .get("/reports/{id}/stix", ReadReports, pages::stix)
}

/// The JSON API (`api.rs`); a new report carries its files.
fn api_routes(routes: Routes) -> Routes {
    routes
        .get("/api/v1/reports", ReadReports, api::list)
        .route(
            Route::new(RouteMethod::Post, "/api/v1/reports", SendReports)
                .body_limit(api::MAX_BODY_BYTES),
            api::send,
        )
        .get("/api/v1/reports/{id}", ReadReports, api::one)
        .post(
            "/api/v1/reports/{id}/acknowledge",
            AnswerReports,
            api::acknowledge,
        )
        .post(
            "/api/v1/reports/{id}/status",
            AnswerReports,
            api::set_status,
        )
        .post(
            "/api/v1/reports/{id}/messages",
            AnswerReports,
            api::state_message,
        )
        .post(
            "/api/v1/reports/{id}/states/{state}/messages",
            SendReports,
            api::reporter_message,
        )
        .post("/api/v1/reports/{id}/embargo", SendReports, api::extend)
        .get(
            "/api/v1/reports/{id}/attachments/{attachment}",
            ReadReports,
            api::attachment,
        )
}

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}
