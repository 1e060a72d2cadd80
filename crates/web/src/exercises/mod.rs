//! Tabletop exercises: the secretariat's list, the form that prepares an
//! exercise from a scenario (an example or a JSON file), the facilitator's
//! console (start, pause, resume, end, the timeline, every expectation,
//! the queue to judge by hand) and the scenario's export (`console.rs`);
//! the players' exercise inbox, one inject with acknowledge, reply and
//! escalate, the survey (`player.rs`); the after-action report as a page
//! to print and as JSON (`report.rs`). Every page of an exercise carries
//! the exercise banner. The rules are the domain's (`exercise::`); the
//! service is `pocdir_communications::exercises`.

pub mod console;
pub mod player;
pub mod report;

use crate::http::error::AppError;
use crate::http::nav::NavLink;
use crate::http::page::PageCtx;
use crate::http::routes::{Route, RouteMethod, Routes};
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_communications::exercises::{ExerciseFailure, Exercises};
use pocdir_communications::Settings;
use pocdir_domain::exercise::scenario::ScenarioRefusal;
use pocdir_i18n::FluentArg;

/// The service's settings from the web's configuration.
pub fn settings(state: &AppState) -> Settings {
    crate::communications::settings(state)
}

pub fn service<'a>(state: &'a AppState, settings: &'a Settings) -> Exercises<'a> {
    Exercises::new(state.store.as_ref(), state.clock.as_ref(), settings)
}

impl From<ExerciseFailure> for AppError {
    fn from(e: ExerciseFailure) -> Self {
        match e {
            ExerciseFailure::Scenario(ScenarioRefusal::TooLarge) => AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "scenario_too_large",
                "exercise-scenario-too-large",
            ),
            ExerciseFailure::Scenario(ScenarioRefusal::Unreadable(why)) => AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "scenario_unreadable",
                "exercise-scenario-unreadable",
            )
            .with_arg("why", FluentArg::Text(why)),
            ExerciseFailure::Scenario(ScenarioRefusal::Invalid(problems)) => {
                AppError::invalid_fields(
                    problems
                        .into_iter()
                        .map(|p| (p.field, p.message_id))
                        .collect(),
                )
            }
            ExerciseFailure::States(codes) => AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "states_cannot_play",
                "exercise-refused-states",
            )
            .with_arg("states", FluentArg::Text(codes.join(", "))),
            ExerciseFailure::Outside(codes) => AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "recipients_outside",
                "exercise-refused-outside",
            )
            .with_arg("states", FluentArg::Text(codes.join(", "))),
            ExerciseFailure::Refused(message_id) => {
                AppError::new(StatusCode::CONFLICT, "not_allowed_now", message_id)
            }
            ExerciseFailure::NotFound => AppError::not_found(),
            ExerciseFailure::Invalid(fields) => AppError::invalid_fields(
                fields
                    .into_iter()
                    .map(|f| (f.field, f.message_id))
                    .collect(),
            ),
            ExerciseFailure::Store(e) => e.into(),
            ExerciseFailure::Content(_) => AppError::internal(),
        }
    }
}

/// A refusal that a page shows on itself, in the reader's words, with its
/// status (a step the exercise's state refuses: 409; fields: 422); None
/// for the failures that get the error page.
pub fn shown_refusal(page: &PageCtx, e: &ExerciseFailure) -> Option<(StatusCode, String)> {
    match e {
        ExerciseFailure::Refused(message_id) => Some((StatusCode::CONFLICT, page.t(message_id))),
        ExerciseFailure::Invalid(fields) => Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            fields
                .iter()
                .map(|f| page.t(f.message_id))
                .collect::<Vec<_>>()
                .join(" "),
        )),
        _ => None,
    }
}

/// A scenario file is at most this large; the form around it a little more.
pub const MAX_FORM_BYTES: usize = pocdir_domain::exercise::scenario::MAX_BYTES + 64 * 1024;

pub fn routes(routes: Routes) -> Routes {
    use pocdir_domain::policy::Action::{PlayExercises, ReadExercises, RunExercises};
    routes
        // The secretariat's side (console.rs).
        .get("/exercises", RunExercises, console::list)
        .route(
            Route::new(RouteMethod::Post, "/exercises", RunExercises).body_limit(MAX_FORM_BYTES),
            console::prepare,
        )
        .get("/exercises/{id}", RunExercises, console::console)
        .post("/exercises/{id}/step", RunExercises, console::step)
        .post("/exercises/{id}/injects", RunExercises, console::add_inject)
        .post(
            "/exercises/{id}/expectations/{expectation}/validate",
            RunExercises,
            console::validate,
        )
        .get(
            "/exercises/{id}/scenario.json",
            RunExercises,
            console::export_scenario,
        )
        // The players' side (player.rs).
        .nav_page(
            "/exercises/mine",
            PlayExercises,
            NavLink::main(28, "nav-exercises"),
            player::inbox,
        )
        .get("/exercises/injects/{id}", PlayExercises, player::inject)
        .post("/exercises/injects/{id}/act", PlayExercises, player::act)
        .post("/exercises/{id}/feedback", PlayExercises, player::feedback)
        // After-action reports (report.rs).
        .get("/exercises/{id}/report", ReadExercises, report::page)
        .get("/exercises/{id}/report.json", ReadExercises, report::json)
        .post(
            "/exercises/{id}/improvements",
            RunExercises,
            report::add_improvement,
        )
}
