//! Communications between PoCs: the inbox, a thread, the compose form
//! (pages) and the same through the JSON API. The rules are the domain's
//! (`communication::`); the service is `pocdir_communications`.

use crate::http::error::AppError;
use crate::http::routes::Routes;
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_communications::{CommError, Communications, Settings};

/// The service's settings from the web's configuration.
pub fn settings(state: &AppState) -> Settings {
    Settings {
        deadlines: state.config.ack_deadlines,
        base_url: state.config.base_url.clone(),
    }
}

/// The service for one request (it borrows the state and `settings`).
pub fn service<'a>(state: &'a AppState, settings: &'a Settings) -> Communications<'a> {
    Communications::new(state.store.as_ref(), state.clock.as_ref(), settings)
        .with_entropy(state.entropy.as_ref())
}

/// One mapping for the pages and the API: the status, the stable code and
/// the message each refusal gets.
impl From<CommError> for AppError {
    fn from(e: CommError) -> Self {
        match e {
            CommError::Invalid(errors) => AppError::invalid_fields(
                errors
                    .into_iter()
                    .map(|e| (e.field, e.message_id))
                    .collect(),
            ),
            CommError::Addressing(problem) => {
                AppError::invalid_fields(vec![("to".to_string(), problem.message_id())])
            }
            // The label forbids it: understood, refused (and logged).
            CommError::Tlp(refusal) => AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "tlp_refused",
                refusal.message_id(),
            ),
            CommError::NotFound => AppError::not_found(),
            CommError::AlreadyAcknowledged => AppError::new(
                StatusCode::CONFLICT,
                "already_acknowledged",
                "comm-error-already-acknowledged",
            ),
            CommError::NotARecipient => AppError::new(
                StatusCode::CONFLICT,
                "not_a_recipient",
                "comm-error-not-a-recipient",
            ),
            CommError::MayNotSend => AppError::new(
                StatusCode::FORBIDDEN,
                "may_not_send",
                "comm-error-may-not-send",
            ),
            CommError::Store(e) => e.into(),
            CommError::Content(_) => AppError::internal(),
        }
    }
}

pub fn routes(routes: Routes) -> Routes {
    routes
}

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
