//! The home page and what any visitor or monitor fetches: the home of each
//! kind of account (or, signed out, the public page with the map), help,
//! the language switch, the static files, health and metrics.

pub mod health;
pub mod help;
pub mod map;
pub mod pages;
pub mod public;
pub mod roles;

use crate::http::metrics;
use crate::http::routes::Routes;
use pocdir_domain::policy::Action::ViewPublic;

pub fn routes(routes: Routes) -> Routes {
    routes
        .get("/", ViewPublic, pages::home)
        .get("/help", ViewPublic, help::index)
        .get("/help/{topic}", ViewPublic, help::topic)
        .get("/lang/{code}", ViewPublic, pages::choose_language)
        .get("/static/app.css", ViewPublic, pages::stylesheet)
        .get("/static/favicon.svg", ViewPublic, pages::favicon)
        .get("/favicon.ico", ViewPublic, pages::favicon)
        .get("/healthz", ViewPublic, health::healthz)
        .get("/healthz/live", ViewPublic, health::live)
        .get("/healthz/ready", ViewPublic, health::ready)
        .get("/metrics", ViewPublic, metrics::serve_metrics)
}
