//! pocdir's HTTP face: server-rendered HTML pages, the JSON API under
//! `/api/v1`, TAXII 2.1 under `/taxii2/`, health and metrics.
//!
//! [`http`] is the base that knows no feature: the route registry (every
//! route names an access-policy action; the policy itself lives in
//! `pocdir_domain::policy`), extractors, errors, CSRF, the page frame.
//! Each capability folder holds the pages and API of one thing people do
//! and exports its routes and its part of the OpenAPI document; [`app`]
//! puts them together.

pub mod account;
pub mod accounts;
pub mod app;
pub mod audit;
pub mod capacity;
pub mod communications;
pub mod crisis_pack;
pub mod directory;
pub mod exercises;
pub mod home;
pub mod http;
pub mod learning;
pub mod lexicon;
pub mod library;
pub mod outbox;
pub mod ping_tests;
pub mod reporters;
pub mod reports;
pub mod sign_in;
pub mod state;
pub mod taxii;

pub use app::build_router;
pub use http::routes::RouteSpec;
pub use state::{AppState, WebConfig};
