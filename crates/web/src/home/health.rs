//! Health checks for load balancers and supervisors: `/healthz/live` (the
//! process answers), `/healthz/ready` (this instance should get traffic:
//! the database answers and the instance is not draining), and `/healthz`,
//! kept as it was (the database answers) for the monitors that use it.
//! The migrations ran before the server listened, so an instance that
//! answers at all has its schema.

use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

fn status(code: StatusCode, status: &str) -> Response {
    (code, axum::Json(serde_json::json!({ "status": status }))).into_response()
}

fn unavailable(code: &str, message: &str) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        axum::Json(serde_json::json!({"error": {"code": code, "message": message}})),
    )
        .into_response()
}

/// The database answers (what `/healthz` always said).
pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => status(StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            unavailable("unavailable", "The database cannot be reached.")
        }
    }
}

/// The process answers: nothing else is asked, so that a supervisor does
/// not restart an instance whose database is away for a moment.
pub async fn live() -> Response {
    status(StatusCode::OK, "live")
}

/// Ready for traffic: not draining, and the database answers.
pub async fn ready(State(state): State<AppState>) -> Response {
    if state.draining.is_draining() {
        return unavailable("draining", "This instance is stopping.");
    }
    match state.store.ping().await {
        Ok(()) => status(StatusCode::OK, "ready"),
        Err(e) => {
            tracing::error!(error = %e, "readiness check: database unreachable");
            unavailable("unavailable", "The database cannot be reached.")
        }
    }
}
