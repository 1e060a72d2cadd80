//! Communications between PoCs: the inbox, a thread, the compose form
//! (pages) and the same through the JSON API. The rules are the domain's
//! (`communication::`); the service is `pocdir_communications`.

use crate::http::routes::Routes;
use crate::state::AppState;
use pocdir_communications::{Communications, Settings};

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
}

pub fn routes(routes: Routes) -> Routes {
    routes
}

/// This capability's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
