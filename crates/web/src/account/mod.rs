//! One's own account: its page (password, recovery codes, security keys,
//! sessions, API tokens) and the same over the API (`/api/v1/me`).

pub mod api;
pub mod key_list;
pub mod pages;
pub mod recovery_file;
pub mod security_keys;

use crate::http::routes::Routes;
use pocdir_domain::account::AccountKind;
use pocdir_domain::policy::Action::{ManageOwnCredentials, ViewOwnAccount};
use utoipa::OpenApi;

pub fn routes(routes: Routes) -> Routes {
    routes
        .get("/account", ViewOwnAccount, pages::show)
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
            pages::change_password,
        )
        .post(
            "/account/recovery-codes",
            ManageOwnCredentials,
            pages::regenerate_recovery_codes,
        )
        .post(
            "/account/recovery-codes/download",
            ManageOwnCredentials,
            recovery_file::download,
        )
        .post(
            "/account/sessions/{id}/revoke",
            ManageOwnCredentials,
            pages::revoke_session,
        )
        .post(
            "/account/security-keys/new",
            ManageOwnCredentials,
            security_keys::begin,
        )
        .post(
            "/account/security-keys",
            ManageOwnCredentials,
            security_keys::finish,
        )
        .post(
            "/account/security-keys/{id}/remove",
            ManageOwnCredentials,
            security_keys::remove,
        )
        .post("/account/tokens", ManageOwnCredentials, pages::create_token)
        .post(
            "/account/tokens/{id}/revoke",
            ManageOwnCredentials,
            pages::revoke_token,
        )
}

#[derive(OpenApi)]
#[openapi(
    paths(api::me, api::list_tokens, api::create_token, api::revoke_token),
    components(schemas(
        api::Me,
        AccountKind,
        api::TokenInfo,
        api::NewTokenRequest,
        api::NewTokenResponse,
    ))
)]
struct AccountApi;

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    AccountApi::openapi()
}
