//! The common lexicon: concepts of ICT security in the six UN languages
//! with their versions, States' proposals and comments, the secretariat's
//! decisions and imports, search in any script and the TBX and SKOS
//! exchanges. The use case is `service.rs`; the pages `pages.rs`; the API
//! `api.rs`; the rules the domain's (`lexicon::`).

pub mod api;
pub mod pages;
pub mod service;

use crate::http::routes::{Route, RouteMethod, Routes};

/// An import is at most the domain's TBX limit, and a little for the form.
pub const MAX_IMPORT_BYTES: usize = pocdir_domain::lexicon::tbx::MAX_TBX_BYTES + 64 * 1024;

pub fn routes(routes: Routes) -> Routes {
    use pocdir_domain::policy::Action::{CurateLexicon, ProposeLexicon, ReadLexicon};
    routes
        // Reached from each home (`#home-lexicon`), like e-learning.
        .get("/lexicon", ReadLexicon, pages::list)
        .get("/lexicon/export", ReadLexicon, pages::export)
        .get("/lexicon/import", CurateLexicon, pages::import_form)
        .route(
            Route::new(RouteMethod::Post, "/lexicon/import", CurateLexicon)
                .body_limit(MAX_IMPORT_BYTES),
            pages::import,
        )
        .get("/lexicon/concepts/{slug}", ReadLexicon, pages::concept)
        .get(
            "/lexicon/concepts/{slug}/history",
            ReadLexicon,
            pages::history,
        )
        .get(
            "/lexicon/concepts/{slug}/propose",
            ProposeLexicon,
            pages::change_form,
        )
        .post(
            "/lexicon/concepts/{slug}/proposals",
            ProposeLexicon,
            pages::propose_change,
        )
        .get("/lexicon/proposals", ReadLexicon, pages::proposals)
        .get("/lexicon/proposals/new", ProposeLexicon, pages::new_form)
        .post("/lexicon/proposals", ProposeLexicon, pages::propose_new)
        .get("/lexicon/proposals/{id}", ReadLexicon, pages::proposal)
        .post(
            "/lexicon/proposals/{id}/comments",
            ProposeLexicon,
            pages::comment,
        )
        .post(
            "/lexicon/proposals/{id}/decision",
            CurateLexicon,
            pages::decide,
        )
        // The JSON API (api.rs).
        .get("/api/v1/lexicon/concepts", ReadLexicon, api::concepts)
        .get("/api/v1/lexicon/concepts/{slug}", ReadLexicon, api::concept)
        .get("/api/v1/lexicon/export", ReadLexicon, api::export)
        .route(
            Route::new(RouteMethod::Post, "/api/v1/lexicon/import", CurateLexicon)
                .body_limit(MAX_IMPORT_BYTES),
            api::import,
        )
        .get("/api/v1/lexicon/proposals", ReadLexicon, api::proposals)
        .post("/api/v1/lexicon/proposals", ProposeLexicon, api::propose)
        .post(
            "/api/v1/lexicon/proposals/{id}/comments",
            ProposeLexicon,
            api::comment,
        )
        .post(
            "/api/v1/lexicon/proposals/{id}/decision",
            CurateLexicon,
            api::decide,
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}
