//! pocdir's HTTP face: server-rendered HTML pages, the JSON API under
//! `/api/v1`, health and metrics. Every route names an access-policy
//! action (see [`http::routes`]); the policy itself lives in `pocdir_domain::policy`.

pub mod account;
pub mod audit;
pub mod directory;
pub mod http;
pub mod outbox;
pub mod sign_in;
pub mod state;

pub use http::routes::{build_router, RouteSpec};
pub use state::{AppState, WebConfig};
