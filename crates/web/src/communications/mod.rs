//! Communications between PoCs: the inbox, a thread, the compose form
//! (pages) and the same through the JSON API. The rules are the domain's
//! (`communication::`); the service is `pocdir_communications`.

pub mod api;
pub mod compose;
pub mod e2e;
pub mod inbox;
pub mod thread;
pub mod view;

use crate::http::error::AppError;
use crate::http::identity::SignedIn;
use crate::http::nav::{NavCount, NavLink};
use crate::http::routes::{Route, RouteMethod, Routes};
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_communications::{CommError, Communications, Settings};
use pocdir_domain::policy::Action::{ReadCommunications, SendCommunications, ViewPublic};
use pocdir_i18n::FluentArg;

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
            // Understood, refused: names who lacks a key or cannot open it.
            CommError::E2e(problem) => {
                let position = problem.file_position().unwrap_or(0);
                AppError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "e2e_refused",
                    problem.message_id(),
                )
                .with_arg("names", FluentArg::Text(problem.names().join(", ")))
                .with_arg(
                    "n",
                    FluentArg::Number(i64::try_from(position).unwrap_or(i64::MAX)),
                )
            }
        }
    }
}

/// The nav's count beside "Communications": what a PoC received and has
/// not opened (nothing for the secretariat, which receives none).
fn unread_for_nav<'a>(
    state: &'a AppState,
    who: &'a SignedIn,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<i64>> + Send + 'a>> {
    Box::pin(async move {
        if !who.account.kind.is_poc() {
            return None;
        }
        let settings = settings(state);
        match service(state, &settings).unread(&who.requester()).await {
            Ok(n) => Some(n),
            Err(e) => {
                tracing::warn!(error = %e, "cannot count unread communications");
                None
            }
        }
    })
}

pub fn routes(routes: Routes) -> Routes {
    api_routes(pages(routes))
}

/// The pages (server-rendered, no JavaScript needed but for encrypting and
/// decrypting end to end, which cannot happen on the server).
fn pages(routes: Routes) -> Routes {
    let upload = |path| {
        Route::new(RouteMethod::Post, path, SendCommunications).body_limit(compose::MAX_FORM_BYTES)
    };
    routes
        .nav_page_counted(
            "/communications",
            ReadCommunications,
            NavLink::main(25, "nav-communications"),
            NavCount {
                counter: unread_for_nav,
                label_id: "comm-page-unread-count",
            },
            inbox::inbox,
        )
        .get("/communications/new", SendCommunications, compose::new_form)
        .route(upload("/communications/new"), compose::new_submit)
        .get("/communications/{id}", ReadCommunications, thread::thread)
        .post(
            "/communications/{id}/acknowledge",
            SendCommunications,
            thread::acknowledge,
        )
        .get(
            "/communications/{id}/reply",
            SendCommunications,
            compose::reply_form,
        )
        .route(upload("/communications/{id}/reply"), compose::reply_submit)
        .get(
            "/communications/{id}/forward",
            SendCommunications,
            compose::forward_form,
        )
        .route(
            upload("/communications/{id}/forward"),
            compose::forward_submit,
        )
        .get(
            "/communications/{id}/attachments/{attachment}",
            ReadCommunications,
            thread::attachment,
        )
        .get(
            "/communications/{id}/ciphertext",
            ReadCommunications,
            thread::ciphertext,
        )
        .get("/static/e2e.js", ViewPublic, e2e::script)
        .get("/static/openpgp.min.js", ViewPublic, e2e::openpgp)
}

/// The JSON API (`api.rs`); a send or a reply carries its files.
fn api_routes(routes: Routes) -> Routes {
    routes
        .get("/api/v1/communications", ReadCommunications, api::list)
        .route(
            Route::new(
                RouteMethod::Post,
                "/api/v1/communications",
                SendCommunications,
            )
            .body_limit(api::MAX_BODY_BYTES),
            api::send,
        )
        .get(
            "/api/v1/communications/unread",
            ReadCommunications,
            api::unread,
        )
        .get("/api/v1/communications/keys", SendCommunications, api::keys)
        .get("/api/v1/communications/{id}", ReadCommunications, api::one)
        .get(
            "/api/v1/communications/{id}/thread",
            ReadCommunications,
            api::thread,
        )
        .post(
            "/api/v1/communications/{id}/acknowledge",
            SendCommunications,
            api::acknowledge,
        )
        .route(
            Route::new(
                RouteMethod::Post,
                "/api/v1/communications/{id}/reply",
                SendCommunications,
            )
            .body_limit(api::MAX_BODY_BYTES),
            api::reply,
        )
        .post(
            "/api/v1/communications/{id}/forward",
            SendCommunications,
            api::forward,
        )
        .get(
            "/api/v1/communications/{id}/attachments/{attachment}",
            ReadCommunications,
            api::attachment,
        )
        .get(
            "/api/v1/communications/{id}/export",
            ReadCommunications,
            api::export,
        )
}

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}
