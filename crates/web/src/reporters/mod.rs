//! Reporters: the public application form (no account; throttled like
//! sign-in), the secretariat's vetting pages (the applications, pending
//! first; one application with approve, reject, suspend and reinstate)
//! and the same vetting through the JSON API. Approval invites the
//! reporter's account through the portal's invitation machinery; every
//! decision is logged and mailed in the applicant's language in the same
//! transaction (`vetting.rs`). A reporter's home shows its organisation
//! and status (`home/roles.rs`).

pub mod api;
pub mod apply;
pub mod pages;
pub mod vetting;

use crate::http::routes::Routes;

pub fn routes(routes: Routes) -> Routes {
    use pocdir_domain::policy::Action::{ApplyAsReporter, ReviewReporters, VetReporters};
    routes
        // The public form and its thank-you page (apply.rs).
        .get("/reporters/apply", ApplyAsReporter, apply::form)
        .post("/reporters/apply", ApplyAsReporter, apply::submit)
        .get("/reporters/apply/thanks", ApplyAsReporter, apply::thanks)
        // The secretariat's vetting pages (pages.rs).
        // Reached from the secretariat's home (no nav link: the nav is full).
        .get("/reporters", ReviewReporters, pages::list)
        .get("/reporters/{id}", ReviewReporters, pages::one)
        .post("/reporters/{id}/decide", VetReporters, pages::decide)
        // The JSON API (api.rs).
        .get("/api/v1/reporters", ReviewReporters, api::list)
        .get("/api/v1/reporters/{id}", ReviewReporters, api::one)
        .post("/api/v1/reporters/{id}/decision", VetReporters, api::decide)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}
