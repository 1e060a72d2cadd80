//! The route table. Every route is registered through [`Routes`], which
//! attaches the access-policy guard for the route's [`Action`] and records
//! a [`RouteSpec`], so that tests can walk every route that exists.

use crate::account::api;
use crate::account::pages as account;
use crate::audit::api as log_api;
use crate::audit::pages as audit;
use crate::directory::{exchange, nominations, participants, pocs, search as directory};
use crate::http::error::{is_machine_path, render_errors, AppError};
use crate::http::identity::SignedIn;
use crate::http::{identity as auth, metrics as http_metrics, page as pages, security};
use crate::state::AppState;
use axum::extract::rejection::FormRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::handler::Handler;
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{on, MethodFilter};
use axum::Router;
use pocdir_domain::policy::{decide, Action, Decision};
use serde::de::DeserializeOwned;

/// One registered route: what the access-matrix test iterates over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub action: Action,
}

struct Routes {
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
    state: AppState,
}

impl Routes {
    fn add<H, T>(mut self, method: Method, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = match method {
            Method::POST => MethodFilter::POST,
            Method::DELETE => MethodFilter::DELETE,
            _ => MethodFilter::GET,
        };
        let guarded = on(filter, handler).route_layer(middleware::from_fn_with_state(
            (self.state.clone(), action),
            guard,
        ));
        self.router = self.router.route(path, guarded);
        self.specs.push(RouteSpec {
            method,
            path,
            action,
        });
        self
    }

    fn get<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::GET, path, action, handler)
    }

    fn delete<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::DELETE, path, action, handler)
    }

    fn post<H, T>(self, path: &'static str, action: Action, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::POST, path, action, handler)
    }
}

/// Asks the policy before the handler runs.
async fn guard(
    State((_state, action)): State<(AppState, Action)>,
    request: Request,
    next: Next,
) -> Response {
    let actor = request.extensions().get::<SignedIn>().map(|s| &s.actor);
    match decide(actor, action) {
        Decision::Allow => next.run(request).await,
        Decision::NeedsSignIn => {
            let path = request.uri().path();
            if is_machine_path(path) {
                AppError::unauthorized().into_response()
            } else {
                let ended = request.extensions().get::<auth::SessionEnded>().is_some();
                let next =
                    url::form_urlencoded::byte_serialize(path.as_bytes()).collect::<String>();
                let to = if ended {
                    format!("/login?ended=1&next={next}")
                } else {
                    format!("/login?next={next}")
                };
                Redirect::to(&to).into_response()
            }
        }
        Decision::Forbidden => {
            tracing::warn!(path = %request.uri().path(), ?action, "access refused by policy");
            AppError::forbidden().into_response()
        }
    }
}

/// Builds the whole application and the list of its routes.
pub fn build_router(state: AppState) -> (Router, Vec<RouteSpec>) {
    use Action::*;
    // The recorder must exist before the first request is counted, not be
    // made by the first scrape of /metrics.
    let _ = crate::http::metrics::recorder();
    let routes = Routes {
        router: Router::new(),
        specs: Vec::new(),
        state: state.clone(),
    }
    // Public
    .get("/", ViewPublic, pages::home)
    .get("/lang/{code}", ViewPublic, pages::choose_language)
    .get("/static/app.css", ViewPublic, pages::stylesheet)
    .get("/static/favicon.svg", ViewPublic, pages::favicon)
    .get("/favicon.ico", ViewPublic, pages::favicon)
    .get("/healthz", ViewPublic, pages::healthz)
    .get("/metrics", ViewPublic, http_metrics::serve_metrics)
    .get("/api/v1/openapi.json", ViewPublic, api::openapi)
    // Signing in and out
    .get("/login", SignIn, crate::sign_in::pages::login_form)
    .post("/login", SignIn, crate::sign_in::pages::login_submit)
    .get("/login/mfa", SignIn, crate::sign_in::pages::mfa_form)
    .post("/login/mfa", SignIn, crate::sign_in::pages::mfa_submit)
    .get("/login/enrol", SignIn, crate::sign_in::pages::enrol_form)
    .post("/login/enrol", SignIn, crate::sign_in::pages::enrol_submit)
    .post("/logout", SignIn, crate::sign_in::pages::logout)
    // One's own account
    .get("/account", ViewOwnAccount, account::show)
    .get("/api/v1/me", ViewOwnAccount, api::me)
    .get("/api/v1/me/tokens", ViewOwnAccount, api::list_tokens)
    .post("/api/v1/me/tokens", ManageOwnCredentials, api::create_token)
    .delete(
        "/api/v1/me/tokens/{id}",
        ManageOwnCredentials,
        api::revoke_token,
    )
    .post(
        "/account/password",
        ManageOwnCredentials,
        account::change_password,
    )
    .post(
        "/account/recovery-codes",
        ManageOwnCredentials,
        account::regenerate_recovery_codes,
    )
    .post(
        "/account/sessions/{id}/revoke",
        ManageOwnCredentials,
        account::revoke_session,
    )
    .post(
        "/account/tokens",
        ManageOwnCredentials,
        account::create_token,
    )
    .post(
        "/account/tokens/{id}/revoke",
        ManageOwnCredentials,
        account::revoke_token,
    )
    // The tamper-evident log
    .get(
        "/.well-known/pocdir-log-key",
        VerifyLog,
        log_api::public_key,
    )
    .get("/api/v1/log/head", VerifyLog, log_api::latest_head)
    .get("/api/v1/log/heads/{size}", VerifyLog, log_api::head_at)
    .get(
        "/api/v1/log/proofs/inclusion",
        VerifyLog,
        log_api::inclusion,
    )
    .get(
        "/api/v1/log/proofs/consistency",
        VerifyLog,
        log_api::consistency,
    )
    .get("/api/v1/log/entries", AuditLog, log_api::entries)
    .get("/api/v1/log/own-state", ViewOwnStateLog, log_api::own_state)
    .get("/audit", AuditLog, audit::whole_log)
    .get("/audit/own-state", ViewOwnStateLog, audit::own_state)
    // Participants
    .get("/participants", ViewPublic, participants::page)
    .get("/api/v1/participants", ViewPublic, participants::list)
    .get("/api/v1/participants/{code}", ViewPublic, participants::one)
    .post(
        "/api/v1/participants",
        ManageParticipants,
        participants::create_organisation,
    )
    // Points of contact
    .get("/participants/{code}", ViewPublic, pocs::participant_page)
    .get(
        "/api/v1/participants/{code}/pocs",
        ReadDirectory,
        pocs::list,
    )
    .post(
        "/api/v1/participants/{code}/pocs",
        NominatePocs,
        pocs::nominate,
    )
    .get("/api/v1/pocs/pending", ReviewNominations, pocs::pending)
    // Export and import (literal segments win over `/api/v1/pocs/{id}`)
    .get("/api/v1/pocs/export", ExportDirectory, exchange::export)
    .post("/api/v1/pocs/import", ImportPocs, exchange::import_api)
    .get("/directory/import", ImportPocs, exchange::import_form)
    .post("/directory/import", ImportPocs, exchange::import_submit)
    .post("/api/v1/pocs/{id}/decision", DecidePocs, pocs::decide)
    .post(
        "/api/v1/pocs/{id}/update",
        NominatePocs,
        pocs::propose_update,
    )
    .post(
        "/api/v1/pocs/{id}/withdraw",
        NominatePocs,
        pocs::propose_withdrawal,
    )
    .post("/api/v1/pocs/{id}/confirm", NominatePocs, pocs::confirm)
    // Directory: browse and search, one PoC
    .get("/directory", ReadDirectory, directory::search_page)
    .get("/api/v1/pocs", ReadDirectory, directory::search_api)
    .get("/api/v1/pocs/{id}", ReadDirectory, directory::one_api)
    .get("/pocs/{id}", ReadDirectory, directory::poc_page)
    .get("/revalidation", ReadDirectory, nominations::revalidation)
    // Nomination and verification pages
    .get(
        "/participants/{code}/nominate",
        NominatePocs,
        nominations::nominate_form,
    )
    .post(
        "/participants/{code}/nominate",
        NominatePocs,
        nominations::nominate_submit,
    )
    .get("/pocs/{id}/edit", NominatePocs, nominations::edit_form)
    .post("/pocs/{id}/edit", NominatePocs, nominations::edit_submit)
    .post(
        "/pocs/{id}/withdraw",
        NominatePocs,
        nominations::withdraw_submit,
    )
    .post(
        "/pocs/{id}/confirm",
        NominatePocs,
        nominations::confirm_submit,
    )
    .post(
        "/pocs/{id}/decision",
        DecidePocs,
        nominations::decision_submit,
    )
    .get("/nominations", ReviewNominations, nominations::queue)
    .get("/outbox", ViewOutbox, crate::outbox::page::page);

    let max_body = state.config.max_body_bytes;
    let router = routes
        .router
        .fallback(pages::not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Layers run bottom-up on the way in: the last added is the outermost.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::csrf_protect,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::client_address,
        ))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn(render_errors))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::security_headers,
        ))
        .layer(middleware::from_fn(http_metrics::track))
        .with_state(state);
    (router, routes.specs)
}

async fn method_not_allowed() -> AppError {
    AppError::method_not_allowed()
}

/// A urlencoded form whose rejections become our error shape.
pub struct FormData<T>(pub T);

impl<S, T> FromRequest<S> for FormData<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(FormData(v)),
            Err(FormRejection::InvalidFormContentType(_)) => {
                Err(AppError::unsupported_media_type())
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::payload_too_large())
            }
            Err(e) => {
                tracing::info!(error = %e.body_text(), "form refused");
                Err(AppError::bad_request("error-bad-form"))
            }
        }
    }
}

/// A JSON body whose rejections become our error shape.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::JsonRejection;
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(AppError::unsupported_media_type())
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::payload_too_large())
            }
            Err(_) => Err(AppError::malformed_json()),
        }
    }
}
