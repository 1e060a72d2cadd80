pub mod error;
pub mod identity;
pub mod locale;
pub mod metrics;
pub mod multipart;
pub mod page;
pub mod routes;
pub mod security;
