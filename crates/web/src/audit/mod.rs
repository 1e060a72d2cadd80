//! The tamper-evident log: its verification API (signed heads, proofs, the
//! public key), its entries for those allowed to read them, and the audit
//! pages.

pub mod api;
pub mod pages;
pub mod sentences;

use crate::http::nav::NavLink;
use crate::http::routes::Routes;
use pocdir_domain::log::head::SignedTreeHead;
use pocdir_domain::policy::Action::{AuditLog, VerifyLog, ViewOwnStateLog};
use utoipa::OpenApi;

pub fn routes(routes: Routes) -> Routes {
    routes
        .get("/.well-known/pocdir-log-key", VerifyLog, api::public_key)
        .get("/api/v1/log/head", VerifyLog, api::latest_head)
        .get("/api/v1/log/heads/{size}", VerifyLog, api::head_at)
        .get("/api/v1/log/proofs/inclusion", VerifyLog, api::inclusion)
        .get(
            "/api/v1/log/proofs/consistency",
            VerifyLog,
            api::consistency,
        )
        .get("/api/v1/log/entries", AuditLog, api::entries)
        .get("/api/v1/log/own-state", ViewOwnStateLog, api::own_state)
        .nav_page(
            "/audit",
            AuditLog,
            NavLink::account(10, "nav-audit"),
            pages::whole_log,
        )
        .nav_page(
            "/audit/own-state",
            ViewOwnStateLog,
            NavLink::account(20, "nav-own-state-log"),
            pages::own_state,
        )
}

#[derive(OpenApi)]
#[openapi(
    paths(
        api::public_key,
        api::latest_head,
        api::head_at,
        api::inclusion,
        api::consistency,
        api::entries,
        api::own_state,
    ),
    components(schemas(
        api::LogKey,
        api::LogKeyRotation,
        SignedTreeHead,
        api::InclusionProofBody,
        api::ConsistencyProofBody,
        api::LogEntriesBody,
        api::LogEntryBody,
        api::ActorBody,
    ))
)]
struct AuditApi;

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    AuditApi::openapi()
}
