//! E-learning: the shipped and uploaded modules (Markdown lessons and a
//! quiz in each language), one's progress, quizzes with a deadline and a
//! mastery score, and completion certificates signed by the instance's
//! key that anyone can check at `/certificates/verify`. The use case is
//! `service.rs`; the pages `pages.rs`; the rules the domain's
//! (`learning::`).

pub mod api;
pub mod pages;
pub mod service;

use crate::http::routes::{Route, RouteMethod, Routes};

/// An upload is at most the domain's limit, and a little for the form.
pub const MAX_UPLOAD_BYTES: usize = pocdir_domain::learning::module::MAX_TOTAL_BYTES + 64 * 1024;

pub fn routes(routes: Routes) -> Routes {
    use pocdir_domain::policy::Action::{
        ManageLearning, ReadLearning, TakeLearning, VerifyCertificates,
    };
    routes
        // Reached from each home (`#home-learning`): the main navigation
        // is full at 1366 pixels in French, Spanish and Russian.
        .get("/learning", ReadLearning, pages::list)
        .get("/learning/manage", ManageLearning, pages::manage)
        .route(
            Route::new(RouteMethod::Post, "/learning/modules", ManageLearning)
                .body_limit(MAX_UPLOAD_BYTES),
            pages::upload,
        )
        .get("/learning/{slug}", ReadLearning, pages::module)
        .get(
            "/learning/{slug}/lessons/{lesson}",
            ReadLearning,
            pages::lesson_page,
        )
        .post(
            "/learning/{slug}/lessons/{lesson}/read",
            TakeLearning,
            pages::mark_read,
        )
        .post("/learning/{slug}/quiz", TakeLearning, pages::open_quiz)
        .get("/learning/attempts/{id}", ReadLearning, pages::attempt)
        .post("/learning/attempts/{id}", TakeLearning, pages::answer)
        .get(
            "/certificates/verify",
            VerifyCertificates,
            pages::verify_form,
        )
        .post("/certificates/verify", VerifyCertificates, pages::verify)
        .get("/certificates/{id}", VerifyCertificates, pages::certificate)
        // The JSON API (api.rs).
        .get("/api/v1/learning/modules", ReadLearning, api::modules)
        .route(
            Route::new(
                RouteMethod::Post,
                "/api/v1/learning/modules",
                ManageLearning,
            )
            .body_limit(MAX_UPLOAD_BYTES),
            api::upload,
        )
        .get("/api/v1/learning/statements", ReadLearning, api::statements)
        .get(
            "/api/v1/certificates/{id}",
            VerifyCertificates,
            api::certificate,
        )
        .post(
            "/api/v1/certificates/verify",
            VerifyCertificates,
            api::verify,
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}
