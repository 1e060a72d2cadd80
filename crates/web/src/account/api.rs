//! The account over the API: who is signed in, and its API tokens.

use crate::account::pages::mint_token;
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, PathParams};
use crate::http::identity::{Credential, SignedIn};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use pocdir_domain::account::AccountKind;
use pocdir_domain::log::events;
use pocdir_domain::policy::Scopes;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// The account making the request.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub kind: AccountKind,
    /// ISO 3166-1 alpha-3 code of the participant the account acts for.
    pub participant: Option<String>,
    pub display_name: String,
    /// `session` (browser) or `token` (script).
    pub authenticated_by: String,
    /// `read`, or `read write`.
    pub scopes: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    responses(
        (status = 200, description = "The signed-in account", body = Me),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn me(me: SignedIn) -> Json<Me> {
    let authenticated_by = match me.credential {
        Credential::Session(_) => "session",
        Credential::Token(_) => "token",
    };
    Json(Me {
        id: me.account.id,
        email: me.account.email,
        kind: me.account.kind,
        participant: me.account.participant,
        display_name: me.account.display_name,
        authenticated_by: authenticated_by.to_string(),
        scopes: me.actor.scopes.as_str().to_string(),
    })
}

/// An API token as listed (its secret is never shown again).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenInfo {
    pub id: i64,
    pub name: String,
    pub scopes: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub revoked_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<OffsetDateTime>,
}

impl From<pocdir_store::ApiToken> for TokenInfo {
    fn from(t: pocdir_store::ApiToken) -> Self {
        TokenInfo {
            id: t.id,
            name: t.name,
            scopes: t.scopes,
            created_at: t.created_at,
            expires_at: t.expires_at,
            revoked_at: t.revoked_at,
            last_used_at: t.last_used_at,
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/me/tokens",
    tag = "accounts",
    responses(
        (status = 200, description = "The account's API tokens, newest first", body = [TokenInfo]),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn list_tokens(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<TokenInfo>>, AppError> {
    let tokens = state.store.api_tokens_of(me.account.id).await?;
    Ok(Json(tokens.into_iter().map(TokenInfo::from).collect()))
}

/// What a new token should be.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenRequest {
    /// A name to recognise the token by (1–100 characters).
    pub name: String,
    /// `read` or `write` (write includes read).
    pub scope: String,
    /// Days until it expires (1 to the configured maximum, 365 by default).
    pub days: i64,
}

/// A new token: `token` is shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewTokenResponse {
    pub token: String,
    #[serde(flatten)]
    pub info: TokenInfo,
}

#[utoipa::path(
    post,
    path = "/api/v1/me/tokens",
    tag = "accounts",
    request_body = NewTokenRequest,
    responses(
        (status = 201, description = "Created; the secret is in `token` and is not shown again", body = NewTokenResponse),
        (status = 400, description = "Malformed JSON or invalid field", body = ErrorBody),
        (status = 403, description = "The token used lacks the write scope", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn create_token(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(req): ApiJson<NewTokenRequest>,
) -> Result<(StatusCode, Json<NewTokenResponse>), AppError> {
    let name = req.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::bad_request("account-token-name-invalid"));
    }
    let max = state.config.max_token_days;
    if !(1..=max).contains(&req.days) {
        return Err(AppError::bad_request("account-token-days-invalid")
            .with_arg("max", pocdir_i18n::FluentArg::Number(max)));
    }
    let scopes = Scopes::parse(req.scope.trim())
        .ok_or_else(|| AppError::bad_request("account-token-scope-invalid"))?;
    // A read-only token cannot mint a token stronger than itself.
    if scopes.write && !me.actor.scopes.write {
        return Err(AppError::forbidden());
    }
    let (secret, record) = mint_token(&state, &me.account, name, scopes, req.days).await?;
    tracing::info!(
        account = me.account.id,
        token = record.id,
        "API token created"
    );
    Ok((
        StatusCode::CREATED,
        Json(NewTokenResponse {
            token: secret.secret,
            info: record.into(),
        }),
    ))
}

#[utoipa::path(
    delete,
    path = "/api/v1/me/tokens/{id}",
    tag = "accounts",
    params(("id" = i64, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "No such active token of this account", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = []))
)]
pub async fn revoke_token(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<StatusCode, AppError> {
    if !state
        .store
        .revoke_api_token(
            me.account.id,
            id,
            state.clock.now(),
            events::token_revoked(state.clock.now(), &me.account.log_actor(), id),
        )
        .await?
    {
        return Err(AppError::not_found());
    }
    tracing::info!(account = me.account.id, token = id, "API token revoked");
    Ok(StatusCode::NO_CONTENT)
}
