//! TAXII 2.1 over HTTP (OASIS, 2021): discovery at `/taxii2/`, one API
//! root for participants, its collections, their objects, manifests and
//! versions, and the status of each request that added objects. Every
//! path ends in `/`, as the standard says. Clients sign in with HTTP Basic
//! (the account's e-mail and an API token as the password) or a bearer
//! token (`http/identity.rs`); the policy lets in technical PoCs and
//! reporters (`ReadThreatData`, `ShareThreatData`), and the service
//! (`pocdir_communications::taxii`) decides per collection and per object.
//!
//! `api.rs` reads requests and writes answers; `errors.rs` gives every
//! refusal under `/taxii2/` TAXII's error shape and media type.

pub mod api;
pub mod errors;

use crate::http::error::AppError;
use crate::http::routes::{Route, RouteMethod, Routes};
use crate::state::AppState;
use axum::http::StatusCode;
use pocdir_communications::taxii::{Taxii, TaxiiFailure};
use pocdir_domain::policy::Action::{ReadThreatData, ShareThreatData};
use pocdir_domain::taxii::collection::TaxiiRefusal;
use pocdir_domain::taxii::envelope::{EnvelopeProblem, MAX_ENVELOPE_OBJECTS};
use pocdir_domain::taxii::filter::FilterProblem;
use pocdir_domain::taxii::page::{next_key_from, NextProblem};
use pocdir_i18n::FluentArg;

/// The one API root: where participants exchange STIX.
pub const API_ROOT: &str = "/taxii2/participants/";

/// The largest envelope one request may post (`max_content_length`).
pub const MAX_CONTENT_LENGTH: usize = 10 * 1024 * 1024;

pub fn routes(routes: Routes) -> Routes {
    const COLLECTION: &str = "/taxii2/participants/collections/{collection}/";
    const OBJECTS: &str = "/taxii2/participants/collections/{collection}/objects/";
    const OBJECT: &str = "/taxii2/participants/collections/{collection}/objects/{object}/";
    routes
        .get("/taxii2/", ReadThreatData, api::discovery)
        .get(API_ROOT, ReadThreatData, api::api_root)
        .get(
            "/taxii2/participants/collections/",
            ReadThreatData,
            api::collections,
        )
        .get(COLLECTION, ReadThreatData, api::collection)
        .get(OBJECTS, ReadThreatData, api::objects)
        .route(
            Route::new(RouteMethod::Post, OBJECTS, ShareThreatData).body_limit(MAX_CONTENT_LENGTH),
            api::add_objects,
        )
        .get(OBJECT, ReadThreatData, api::object)
        .delete(OBJECT, ShareThreatData, api::delete_object)
        .get(
            "/taxii2/participants/collections/{collection}/objects/{object}/versions/",
            ReadThreatData,
            api::versions,
        )
        .get(
            "/taxii2/participants/collections/{collection}/manifest/",
            ReadThreatData,
            api::manifest,
        )
        .get(
            "/taxii2/participants/status/{status}/",
            ReadThreatData,
            api::status,
        )
}

/// The key that seals `next`: derived from the secret every instance
/// shares, so that a page begun on one instance goes on on another.
fn next_key(state: &AppState) -> [u8; 32] {
    next_key_from(&state.secrets.csrf_key)
}

fn service<'a>(state: &'a AppState, key: &'a [u8; 32]) -> Taxii<'a> {
    Taxii::new(
        state.store.as_ref(),
        state.clock.as_ref(),
        state.entropy.as_ref(),
        key,
    )
    .with_cache(&state.taxii)
}

fn refusal(status: StatusCode, code: &'static str, message_id: &'static str) -> AppError {
    AppError::new(status, code, message_id)
}

/// What a failure of the service is to a TAXII client: the status the
/// standard gives, and a message that says which parameter or what.
impl From<TaxiiFailure> for AppError {
    fn from(failure: TaxiiFailure) -> Self {
        match failure {
            TaxiiFailure::NotFound => AppError::not_found(),
            TaxiiFailure::Refused(TaxiiRefusal::MayNotRead) => refusal(
                StatusCode::FORBIDDEN,
                "forbidden",
                "taxii-error-may-not-read",
            ),
            TaxiiFailure::Refused(_) => refusal(
                StatusCode::FORBIDDEN,
                "forbidden",
                "taxii-error-may-not-write",
            ),
            TaxiiFailure::Filter(problem) => {
                let message_id = match &problem {
                    FilterProblem::Unknown(_) => "taxii-error-filter-unknown",
                    FilterProblem::Repeated(_) => "taxii-error-filter-repeated",
                    FilterProblem::Invalid(_) => "taxii-error-filter-invalid",
                };
                refusal(StatusCode::BAD_REQUEST, "bad_filter", message_id).with_arg(
                    "parameter",
                    FluentArg::Text(problem.parameter().to_string()),
                )
            }
            TaxiiFailure::Next(NextProblem::Expired) => refusal(
                StatusCode::BAD_REQUEST,
                "next_expired",
                "taxii-error-next-expired",
            ),
            TaxiiFailure::Next(_) => refusal(
                StatusCode::BAD_REQUEST,
                "next_forged",
                "taxii-error-next-forged",
            ),
            TaxiiFailure::Envelope(EnvelopeProblem::NotAnEnvelope) => refusal(
                StatusCode::BAD_REQUEST,
                "not_an_envelope",
                "taxii-error-not-envelope",
            ),
            TaxiiFailure::Envelope(EnvelopeProblem::Empty) => refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                "empty_envelope",
                "taxii-error-empty-envelope",
            ),
            TaxiiFailure::Envelope(EnvelopeProblem::TooManyObjects) => refusal(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_many_objects",
                "taxii-error-too-many-objects",
            )
            .with_arg(
                "max",
                FluentArg::Number(i64::try_from(MAX_ENVELOPE_OBJECTS).unwrap_or(i64::MAX)),
            ),
            TaxiiFailure::Store(e) => AppError::from(e),
            TaxiiFailure::Content(e) => {
                tracing::error!(error = %e, "a TAXII log entry could not be made");
                AppError::internal()
            }
        }
    }
}
