//! The base every capability stands on, knowing none of them: the route
//! registry and its policy guard, extractors, errors and error pages, who
//! is signed in, form errors, CSRF, security headers, cookies, the page frame and its
//! nav, formatting, the language, metrics and multipart bodies.

pub mod api_doc;
pub mod body_limit;
pub mod cookies;
pub mod credential_cache;
pub mod csrf;
pub mod error;
pub mod error_page;
pub mod extract;
pub mod form_errors;
pub mod format;
pub mod identity;
pub mod locale;
pub mod metrics;
pub mod multipart;
pub mod nav;
pub mod page;
pub mod routes;
pub mod security;
