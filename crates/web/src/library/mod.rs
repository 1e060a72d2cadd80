//! The best-practice library: documents States and the secretariat
//! publish for each other, with a TLP label, languages, areas and
//! summaries; searched in any script; each download of another State's
//! document logged as a read. The use case is `service.rs`; the pages
//! `pages.rs`; the API `api.rs`; the rules the domain's (`library`,
//! `policy::library_view`).

pub mod api;
pub mod pages;
pub mod service;

use crate::http::routes::{Route, RouteMethod, Routes};

/// A document is at most one attachment's size, and a little for the form.
pub const MAX_PUBLISH_BYTES: usize =
    pocdir_domain::communication::attachment::MAX_FILE_BYTES + 64 * 1024;

pub fn routes(routes: Routes) -> Routes {
    use pocdir_domain::policy::Action::{PublishLibrary, ReadLibrary};
    routes
        // Reached from each home (`#home-library`).
        .get("/library", ReadLibrary, pages::list)
        .get("/library/new", PublishLibrary, pages::new_form)
        .route(
            Route::new(RouteMethod::Post, "/library", PublishLibrary).body_limit(MAX_PUBLISH_BYTES),
            pages::publish,
        )
        .get("/library/{id}", ReadLibrary, pages::document)
        .get("/library/{id}/file", ReadLibrary, pages::file)
        .post("/library/{id}/withdraw", PublishLibrary, pages::withdraw)
        // The JSON API (api.rs).
        .get("/api/v1/library/documents", ReadLibrary, api::documents)
        .route(
            Route::new(
                RouteMethod::Post,
                "/api/v1/library/documents",
                PublishLibrary,
            )
            .body_limit(MAX_PUBLISH_BYTES),
            api::publish,
        )
        .get("/api/v1/library/documents/{id}", ReadLibrary, api::document)
        .get(
            "/api/v1/library/documents/{id}/file",
            ReadLibrary,
            api::file,
        )
        .post(
            "/api/v1/library/documents/{id}/withdraw",
            PublishLibrary,
            api::withdraw,
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}
