//! The responses every API route of a kind can give, added to the OpenAPI
//! document from the route list, so that no annotation has to repeat them
//! and no new route can forget them: a bearer token that is not valid (401,
//! on every route), nobody signed in (401), an account the policy refuses
//! (403), a cookie-session write without its CSRF header (403), a path or
//! query parameter that is not of its type (400), nothing at that path
//! parameter (404), a JSON body that does not parse (400), is not JSON (415)
//! or is too large (413), our own failure (500), and a database that could
//! not take the request in time (503). Each route's annotation
//! adds what only it can answer.

use crate::http::error::ErrorBody;
use crate::http::routes::RouteSpec;
use axum::http::Method;
use pocdir_domain::account::{AccountKind, ParticipantCode};
use pocdir_domain::policy::{decide, Action, Actor, Decision, Scopes};
use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::{Content, Header, ObjectBuilder, OpenApi, RefOr, Response, Type};
use utoipa::ToSchema;

/// One response a route of some kind can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommonResponse {
    pub status: u16,
    /// The error codes (`error.code`) it carries.
    pub codes: &'static [&'static str],
    pub description: &'static str,
}

const BAD_TOKEN: CommonResponse = CommonResponse {
    status: 401,
    codes: &["unauthorized"],
    description:
        "`unauthorized`: the `Authorization` header carries no valid bearer token (on every route)",
};
const NOT_SIGNED_IN: CommonResponse = CommonResponse {
    status: 401,
    codes: &["unauthorized"],
    description: "`unauthorized`: nobody is signed in (no valid bearer token or session)",
};
const FORBIDDEN: CommonResponse = CommonResponse {
    status: 403,
    codes: &["forbidden"],
    description: "`forbidden`: this kind of account, or a token of this scope, may not do this",
};
const CSRF: CommonResponse = CommonResponse {
    status: 403,
    codes: &["csrf_failed"],
    description: "`csrf_failed`: signed in by session cookie, and the `X-CSRF-Token` header is missing or wrong",
};
const BAD_PATH: CommonResponse = CommonResponse {
    status: 400,
    codes: &["bad_request"],
    description: "`bad_request`: a path parameter is not of its type",
};
const NOT_FOUND: CommonResponse = CommonResponse {
    status: 404,
    codes: &["not_found"],
    description: "`not_found`: nothing at this path",
};
const BAD_QUERY: CommonResponse = CommonResponse {
    status: 400,
    codes: &["bad_request"],
    description: "`bad_request`: a query parameter is missing or not of its type",
};
const MALFORMED_JSON: CommonResponse = CommonResponse {
    status: 400,
    codes: &["malformed_json"],
    description:
        "`malformed_json`: the body is not JSON of the documented shape (unknown fields included)",
};
const NOT_JSON: CommonResponse = CommonResponse {
    status: 415,
    codes: &["unsupported_media_type"],
    description: "`unsupported_media_type`: the body is not sent as `application/json`",
};
const TOO_LARGE: CommonResponse = CommonResponse {
    status: 413,
    codes: &["payload_too_large"],
    description: "`payload_too_large`: the body is larger than this route takes",
};
const INTERNAL: CommonResponse = CommonResponse {
    status: 500,
    codes: &["internal"],
    description: "`internal`: our failure, never the request's (the server's log says what)",
};

const UNAVAILABLE: CommonResponse = CommonResponse {
    status: 503,
    codes: &["unavailable"],
    description: "`unavailable`: the database could not take the request in time (busy, or unreachable); nothing was saved; try again after `Retry-After` seconds",
};

/// Every account a policy decision can be asked about: each kind, with and
/// without a State, with a read-only and a read-write credential.
fn every_actor() -> Vec<Actor> {
    let states = [None, ParticipantCode::parse("PAK").ok()];
    let mut actors = Vec::new();
    for kind in AccountKind::ALL {
        for participant in &states {
            for scopes in [Scopes::READ, Scopes::ALL] {
                actors.push(Actor {
                    account_id: 1,
                    kind,
                    participant: participant.clone(),
                    scopes,
                });
            }
        }
    }
    actors
}

/// Whether some signed-in account is refused `action` by the policy.
pub fn may_be_forbidden(action: Action) -> bool {
    every_actor()
        .iter()
        .any(|actor| decide(Some(actor), action) == Decision::Forbidden)
}

/// Whether `action` needs someone signed in.
pub fn needs_sign_in(action: Action) -> bool {
    decide(None, action) == Decision::NeedsSignIn
}

fn has_parameter_in(operation: &Operation, item: &PathItem, place: ParameterIn) -> bool {
    let mut all = operation
        .parameters
        .iter()
        .chain(item.parameters.iter())
        .flatten();
    all.any(|p| p.parameter_in == place)
}

/// Whether the body is read as JSON only (through `ApiJson`).
fn takes_json_body(operation: &Operation) -> bool {
    operation.request_body.as_ref().is_some_and(|body| {
        !body.content.is_empty() && body.content.keys().all(|k| k == "application/json")
    })
}

/// The responses `route` can give whatever its handler does, given its
/// operation in the document.
pub fn common_responses(
    route: &RouteSpec,
    item: &PathItem,
    operation: &Operation,
) -> Vec<CommonResponse> {
    let mut out = vec![
        if needs_sign_in(route.action) {
            NOT_SIGNED_IN
        } else {
            BAD_TOKEN
        },
        INTERNAL,
        UNAVAILABLE,
    ];
    if may_be_forbidden(route.action) {
        out.push(FORBIDDEN);
    }
    let writes = !matches!(route.method, Method::GET | Method::HEAD | Method::OPTIONS);
    if writes {
        out.push(CSRF);
    }
    if route.path.contains('{') || has_parameter_in(operation, item, ParameterIn::Path) {
        out.push(BAD_PATH);
        out.push(NOT_FOUND);
    }
    if has_parameter_in(operation, item, ParameterIn::Query) {
        out.push(BAD_QUERY);
    }
    if takes_json_body(operation) {
        out.push(MALFORMED_JSON);
        out.push(NOT_JSON);
    }
    if matches!(route.method, Method::POST | Method::PUT | Method::PATCH) {
        out.push(TOO_LARGE);
    }
    out
}

fn operation_mut<'a>(item: &'a mut PathItem, method: &Method) -> Option<&'a mut Operation> {
    match *method {
        Method::GET => item.get.as_mut(),
        Method::POST => item.post.as_mut(),
        Method::PUT => item.put.as_mut(),
        Method::PATCH => item.patch.as_mut(),
        Method::DELETE => item.delete.as_mut(),
        _ => None,
    }
}

fn error_content() -> Content {
    Content::new(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
        ErrorBody::name(),
    ))))
}

/// Adds `common` to `response`: its description, the JSON error body, and
/// on a 401 the `WWW-Authenticate` header.
fn add_to(response: &mut Response, common: CommonResponse) {
    if !response.description.contains(common.description) {
        if response.description.is_empty() {
            response.description = common.description.to_string();
        } else {
            response.description = format!("{}; or {}", response.description, common.description);
        }
    }
    response
        .content
        .entry("application/json".to_string())
        .or_insert_with(error_content);
    if common.status == 401 {
        response
            .headers
            .entry("WWW-Authenticate".to_string())
            .or_insert_with(|| {
                let mut header = Header::new(ObjectBuilder::new().schema_type(Type::String));
                header.description = Some("`Bearer realm=\"pocdir\"`".to_string());
                header
            });
    }
}

/// Adds to every documented route of `routes` the responses it can give by
/// its kind (see [`common_responses`]).
pub fn add_common_responses(document: &mut OpenApi, routes: &[RouteSpec]) {
    for route in routes {
        let Some(item) = document.paths.paths.get_mut(route.path) else {
            continue;
        };
        let snapshot = item.clone();
        let Some(operation) = operation_mut(item, &route.method) else {
            continue;
        };
        for common in common_responses(route, &snapshot, operation) {
            let status = common.status.to_string();
            let entry = operation
                .responses
                .responses
                .entry(status)
                .or_insert_with(|| RefOr::T(Response::new("")));
            if let RefOr::T(response) = entry {
                add_to(response, common);
            }
        }
    }
}
