//! The home page and what any visitor or monitor fetches: the language
//! switch, the static files, health and metrics.

pub mod pages;

use crate::http::metrics;
use crate::http::routes::Routes;
use pocdir_domain::policy::Action::ViewPublic;

pub fn routes(routes: Routes) -> Routes {
    routes
        .get("/", ViewPublic, pages::home)
        .get("/lang/{code}", ViewPublic, pages::choose_language)
        .get("/static/app.css", ViewPublic, pages::stylesheet)
        .get("/static/favicon.svg", ViewPublic, pages::favicon)
        .get("/favicon.ico", ViewPublic, pages::favicon)
        .get("/healthz", ViewPublic, pages::healthz)
        .get("/metrics", ViewPublic, metrics::serve_metrics)
}
