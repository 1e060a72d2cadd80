//! The one place where the capabilities come together: the router with its
//! app-wide layers, the list of routes, the nav and the OpenAPI document.

use crate::http::api_doc::add_common_responses;
use crate::http::csrf::csrf_protect;
use crate::http::error::{method_not_allowed, not_found, ErrorBody, ErrorDetail, FieldProblem};
use crate::http::error_page::render_errors;
use crate::http::identity::{authenticate, SecuritySchemes};
use crate::http::locale::lang_of;
use crate::http::metrics;
use crate::http::nav::Nav;
use crate::http::routes::{BuiltRoutes, RouteSpec, Routes};
use crate::http::security::{add_security_headers, ClientAddress};
use crate::state::AppState;
use crate::{
    account, accounts, audit, capacity, communications, crisis_pack, directory, exercises, home,
    learning, lexicon, library, outbox, ping_tests, reporters, reports, sign_in, taxii,
};
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::{Extension, Json, Router};
use pocdir_domain::policy::Action::ViewPublic;
use std::sync::Arc;
use tower::ServiceBuilder;
use utoipa::OpenApi;

/// Builds the whole application and the list of its routes.
pub fn build_router(state: AppState) -> (Router, Vec<RouteSpec>) {
    // The recorder must exist before the first request is counted, not be
    // made by the first scrape of /metrics.
    let _ = metrics::recorder();
    let routes = home::routes(Routes::new(&state)).get(
        "/api/v1/openapi.json",
        ViewPublic,
        |Extension(document): Extension<Arc<utoipa::openapi::OpenApi>>| async move {
            Json(document.as_ref().clone())
        },
    );
    let routes = [
        sign_in::routes,
        account::routes,
        audit::routes,
        directory::routes,
        crisis_pack::routes,
        outbox::routes,
        accounts::routes,
        communications::routes,
        ping_tests::routes,
        exercises::routes,
        capacity::routes,
        learning::routes,
        lexicon::routes,
        library::routes,
        reporters::routes,
        reports::routes,
        taxii::routes,
    ]
    .into_iter()
    .fold(routes, |routes, add| add(routes));
    let BuiltRoutes {
        router,
        specs,
        limits,
        nav,
    } = routes.build();
    // The document follows the routes: each is documented with what every
    // route of its kind can answer.
    let document = Arc::new(openapi(&specs));

    let router = router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // One layer on each route, whose parts run top-down on the way in
        // (each layer of its own would cost every request a boxed clone of
        // its route's service).
        .layer(
            ServiceBuilder::new()
                // Everything else every answer goes through, in one part.
                .layer(middleware::from_fn_with_state(
                    Arc::new(Frame {
                        state: state.clone(),
                        nav: Arc::new(nav),
                        document,
                    }),
                    frame,
                ))
                // Outside the CSRF check, so that even a refused form's
                // error page knows who is signed in (the session hands it
                // `FrameUser`).
                .layer(middleware::from_fn_with_state(state.clone(), authenticate))
                .layer(middleware::from_fn_with_state(
                    (state.clone(), Arc::new(limits)),
                    csrf_protect,
                )),
        )
        .with_state(state);
    (router, specs)
}

/// What the frame layer hands every request.
struct Frame {
    state: AppState,
    nav: Arc<Nav>,
    document: Arc<utoipa::openapi::OpenApi>,
}

/// Every request's frame, outermost first: its count and latency; the
/// security headers; TAXII's error shape under `/taxii2/`; the one error
/// shape (JSON, or a localized page); the nav and the OpenAPI document for
/// pages and error pages; the client's address.
async fn frame(State(frame): State<Arc<Frame>>, mut request: Request, next: Next) -> Response {
    let timing = metrics::Timing::start(&request);
    let path = request.uri().path().to_string();
    let lang = lang_of(request.headers());
    let client = ClientAddress::of(&request, &frame.state.config.trusted_proxies);
    let extensions = request.extensions_mut();
    extensions.insert(frame.nav.clone());
    extensions.insert(frame.document.clone());
    extensions.insert(client);
    let response = next.run(request).await;
    let response = render_errors(response, &path, lang, &frame.nav);
    let mut response = taxii::errors::taxii_errors(response, &path);
    add_security_headers(&mut response, frame.state.config.hsts);
    timing.record(&response);
    response
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "pocdir API",
        description = "Points-of-Contact Directory for cyber confidence-building between States. \
Errors are always `{\"error\": {\"code\": \"…\", \"message\": \"…\"}}`."
    ),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem)),
    modifiers(&SecuritySchemes)
)]
struct ApiDoc;

/// The OpenAPI document of `/api/v1`: every capability's part in one, each
/// of `routes` with the responses every route of its kind can give.
pub fn openapi(routes: &[RouteSpec]) -> utoipa::openapi::OpenApi {
    let mut document = ApiDoc::openapi();
    for part in [
        account::openapi(),
        audit::openapi(),
        directory::openapi(),
        crisis_pack::openapi(),
        communications::openapi(),
        ping_tests::openapi(),
        capacity::openapi(),
        learning::openapi(),
        lexicon::openapi(),
        library::openapi(),
        reporters::openapi(),
        reports::openapi(),
    ] {
        document.merge(part);
    }
    add_common_responses(&mut document, routes);
    document
}
