//! Who is making a request: a browser session (cookie) or an API token
//! (bearer), checked once per request by [`authenticate`].

use crate::http::cookies::cookie_value;
use crate::http::credential_cache::{Cached, CachedCredential};
use crate::http::csrf::{CSRF_COOKIE, CSRF_HEADER};
use crate::http::error::{is_machine_path, AppError};
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pocdir_domain::credentials::{csrf_token_matches, hash_secret, parse_basic};
use pocdir_domain::policy::{Actor, Scopes};
use pocdir_domain::requester::Requester;
use pocdir_domain::session::SessionState;
use pocdir_store::{Account, ApiToken, Session};
use time::Duration;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::Modify;

pub const SESSION_COOKIE: &str = "pocdir_session";

/// How the request proved who it is.
#[derive(Debug, Clone)]
pub enum Credential {
    Session(Session),
    Token(ApiToken),
}

/// A fully signed-in account (password and second factor).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub account: Account,
    pub actor: Actor,
    pub credential: Credential,
}

impl SignedIn {
    /// Who asks, for the use cases: as the policy sees it, as the log names it.
    pub fn requester(&self) -> Requester {
        Requester {
            actor: self.actor.clone(),
            log: self.account.log_actor(),
        }
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.credential {
            Credential::Session(s) => Some(s),
            Credential::Token(_) => None,
        }
    }
}

/// Who the page frame shows as signed in, carried on an error response to
/// [`render_errors`](crate::http::error_page::render_errors): that layer
/// runs outside this one, so it cannot see the request's extensions.
#[derive(Debug, Clone)]
pub struct FrameUser {
    pub email: String,
    pub actor: Actor,
}

/// Password accepted, second factor still to come.
#[derive(Debug, Clone)]
pub struct PendingSignIn {
    pub account: Account,
    pub session: Session,
}

/// Both factors given, but the password was set by someone else (the
/// console): until the account chooses its own, this is all it is, and
/// every page that needs someone signed in sends it to choose one.
#[derive(Debug, Clone)]
pub struct PasswordChangeDue {
    pub account: Account,
    pub session: Session,
}

/// Set when the browser presented a session that has ended.
#[derive(Debug, Clone, Copy)]
pub struct SessionEnded;

fn actor_of(account: &Account, scopes: Scopes) -> Actor {
    account.requester(scopes).actor
}

/// "Last seen" is not noted again when the last time is this recent (the
/// notes are written in batches: `credential_cache`).
const TOUCH_GRANULARITY: Duration = Duration::seconds(30);

pub async fn authenticate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_string();
    let machine = is_machine_path(&path);
    let now = state.clock.now();

    if let Some(auth) = request.headers().get(header::AUTHORIZATION) {
        // Bearer tokens are for scripts and only on the API. Where clients
        // speak only Basic (TAXII), the token is the password and the user
        // the account's e-mail.
        let value = auth.to_str().unwrap_or_default();
        let bearer = value
            .strip_prefix("Bearer ")
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| (None, t.to_string()));
        let basic = || {
            takes_basic(&path)
                .then(|| parse_basic(value))
                .flatten()
                .map(|(user, token)| (Some(user), token))
        };
        let Some((user, token)) = bearer.or_else(basic).filter(|_| machine) else {
            return AppError::unauthorized().into_response();
        };
        match token_sign_in(&state, &token, now).await {
            Ok(Some(signed_in))
                if user
                    .as_deref()
                    .is_none_or(|u| u.trim().eq_ignore_ascii_case(&signed_in.account.email)) =>
            {
                request.extensions_mut().insert(signed_in);
            }
            Ok(_) => {
                tracing::info!(%path, "API token refused");
                return AppError::unauthorized().into_response();
            }
            Err(e) => return e.into_response(),
        }
        return next.run(request).await;
    }

    if let Some(cookie) = cookie_value(request.headers(), SESSION_COOKIE) {
        match session_sign_in(&state, &cookie, now).await {
            Ok(SessionLookup::Full(signed_in)) => {
                let unsafe_method = !matches!(
                    *request.method(),
                    Method::GET | Method::HEAD | Method::OPTIONS
                );
                if machine && unsafe_method && !api_csrf_ok(&state, request.headers()) {
                    return AppError::csrf().into_response();
                }
                let frame = FrameUser {
                    email: signed_in.account.email.clone(),
                    actor: signed_in.actor.clone(),
                };
                request.extensions_mut().insert(*signed_in);
                let mut response = next.run(request).await;
                let status = response.status();
                if status.is_client_error() || status.is_server_error() {
                    response.extensions_mut().insert(frame);
                }
                return response;
            }
            Ok(SessionLookup::Pending(pending)) => {
                request.extensions_mut().insert(*pending);
            }
            Ok(SessionLookup::PasswordDue(due)) => {
                request.extensions_mut().insert(*due);
            }
            Ok(SessionLookup::Ended) => {
                request.extensions_mut().insert(SessionEnded);
            }
            Ok(SessionLookup::Unknown) => {}
            Err(e) => return e.into_response(),
        }
    }
    next.run(request).await
}

/// Paths whose clients may present an API token as HTTP Basic's password:
/// TAXII's, whose clients mostly speak nothing else.
pub fn takes_basic(path: &str) -> bool {
    path.starts_with("/taxii2/")
}

/// With a session cookie, an API write must repeat the CSRF token in a header.
fn api_csrf_ok(state: &AppState, headers: &axum::http::HeaderMap) -> bool {
    let browser = cookie_value(headers, CSRF_COOKIE).unwrap_or_default();
    let submitted = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    csrf_token_matches(&state.secrets.csrf_key, &browser, submitted)
}

async fn token_sign_in(
    state: &AppState,
    token: &str,
    now: time::OffsetDateTime,
) -> Result<Option<SignedIn>, AppError> {
    let hash = hash_secret(token);
    let cache = &state.credentials;
    if let Some(Cached {
        credential: CachedCredential::Token(api_token),
        account,
    }) = cache.get(&hash, now)
    {
        if api_token.expires_at > now {
            return Ok(token_signed_in(state, &hash, api_token, account, now));
        }
        cache.forget_hash(&hash);
    }
    let epoch = cache.epoch();
    let Some(api_token) = state.store.api_token_by_hash(&hash).await? else {
        return Ok(None);
    };
    if api_token.revoked_at.is_some() || api_token.expires_at <= now {
        return Ok(None);
    }
    let Some(account) = state.store.account_by_id(api_token.account_id).await? else {
        return Ok(None);
    };
    if account.disabled || Scopes::parse(&api_token.scopes).is_none() {
        return Ok(None);
    }
    cache.put(
        hash.clone(),
        Cached {
            credential: CachedCredential::Token(api_token.clone()),
            account: account.clone(),
        },
        now,
        epoch,
    );
    Ok(token_signed_in(state, &hash, api_token, account, now))
}

/// A live token of an enabled account: who it signs in, its use noted.
fn token_signed_in(
    state: &AppState,
    hash: &str,
    api_token: ApiToken,
    account: Account,
    now: time::OffsetDateTime,
) -> Option<SignedIn> {
    let scopes = Scopes::parse(&api_token.scopes)?;
    if api_token
        .last_used_at
        .is_none_or(|t| now - t >= TOUCH_GRANULARITY)
    {
        state.credentials.token_seen(hash, api_token.id, now);
    }
    Some(SignedIn {
        actor: actor_of(&account, scopes),
        account,
        credential: Credential::Token(api_token),
    })
}

enum SessionLookup {
    Full(Box<SignedIn>),
    Pending(Box<PendingSignIn>),
    PasswordDue(Box<PasswordChangeDue>),
    Ended,
    Unknown,
}

async fn session_sign_in(
    state: &AppState,
    cookie: &str,
    now: time::OffsetDateTime,
) -> Result<SessionLookup, AppError> {
    let hash = hash_secret(cookie);
    let cache = &state.credentials;
    let policy = state.config.sessions;
    if let Some(Cached {
        credential: CachedCredential::Session(session),
        account,
    }) = cache.get(&hash, now)
    {
        if policy.state(session.expires_at, session.last_seen_at, now) == SessionState::Live {
            return Ok(signed_in_session(state, &hash, session, account, now));
        }
        // It looks expired here; another instance may have seen it since:
        // the store decides.
        cache.forget_hash(&hash);
    }
    let epoch = cache.epoch();
    let Some(mut session) = state.store.session_by_token_hash(&hash).await? else {
        return Ok(SessionLookup::Unknown);
    };
    if let Some(seen) = cache.unwritten_session_touch(session.id) {
        session.last_seen_at = session.last_seen_at.max(seen);
    }
    if policy.state(session.expires_at, session.last_seen_at, now) != SessionState::Live {
        state.store.delete_session(session.id, None).await?;
        return Ok(SessionLookup::Ended);
    }
    let Some(account) = state.store.account_by_id(session.account_id).await? else {
        return Ok(SessionLookup::Unknown);
    };
    if account.disabled {
        state.store.delete_session(session.id, None).await?;
        return Ok(SessionLookup::Ended);
    }
    if !session.mfa_done {
        // Not cached: the second-factor steps change the account unlogged
        // (a TOTP secret to enrol), and they are few.
        return Ok(SessionLookup::Pending(Box::new(PendingSignIn {
            account,
            session,
        })));
    }
    cache.put(
        hash.clone(),
        Cached {
            credential: CachedCredential::Session(session.clone()),
            account: account.clone(),
        },
        now,
        epoch,
    );
    Ok(signed_in_session(state, &hash, session, account, now))
}

/// A live session with both factors given: who it signs in, its use noted.
fn signed_in_session(
    state: &AppState,
    hash: &str,
    mut session: Session,
    account: Account,
    now: time::OffsetDateTime,
) -> SessionLookup {
    if now - session.last_seen_at >= TOUCH_GRANULARITY {
        state.credentials.session_seen(hash, session.id, now);
        session.last_seen_at = now;
    }
    if account.password_change_required {
        return SessionLookup::PasswordDue(Box::new(PasswordChangeDue { account, session }));
    }
    SessionLookup::Full(Box::new(SignedIn {
        actor: actor_of(&account, Scopes::ALL),
        account,
        credential: Credential::Session(session),
    }))
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .ok_or_else(AppError::unauthorized)
    }
}

/// The signed-in account, if any (for pages that anyone may see).
#[derive(Debug, Clone)]
pub struct MaybeSignedIn(pub Option<SignedIn>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeSignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeSignedIn(parts.extensions.get::<SignedIn>().cloned()))
    }
}

/// How the API's callers prove who they are, for the OpenAPI document.
pub struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API token from `pocdir account token` or the account page",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Cookie(
                utoipa::openapi::security::ApiKeyValue::new(SESSION_COOKIE),
            )),
        );
    }
}
