//! pocdir's HTTP face: server-rendered HTML pages, the JSON API under
//! `/api/v1`, health and metrics. Every route names an access-policy
//! action (see [`routes`]); the policy itself lives in `pocdir_domain::policy`.

pub mod account;
pub mod api;
pub mod audit;
pub mod auth;
pub mod directory;
pub mod error;
pub mod exchange;
pub mod http_metrics;
pub mod locale;
pub mod log_api;
pub mod multipart;
pub mod nominations;
pub mod outbox;
pub mod pages;
pub mod participants;
pub mod pocs;
pub mod routes;
pub mod security;
pub mod state;

pub use routes::{build_router, RouteSpec};
pub use state::{AppState, WebConfig};
