//! The largest body each route accepts. Routes declare theirs (an upload
//! takes more than a form); middleware that reads a body before the
//! handler, such as the CSRF check, looks it up by the route matched.

use axum::extract::{MatchedPath, Request};
use axum::http::Method;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct BodyLimits {
    /// For every route that declares no other, and for unmatched requests.
    standard: usize,
    by_path: HashMap<&'static str, Vec<(Method, usize)>>,
}

impl BodyLimits {
    pub fn new(standard: usize) -> Self {
        BodyLimits {
            standard,
            by_path: HashMap::new(),
        }
    }

    pub fn standard(&self) -> usize {
        self.standard
    }

    pub fn add(&mut self, path: &'static str, method: Method, limit: usize) {
        self.by_path.entry(path).or_default().push((method, limit));
    }

    /// The limit of the route `request` matched; the standard one if none did.
    pub fn of(&self, request: &Request) -> usize {
        request
            .extensions()
            .get::<MatchedPath>()
            .and_then(|path| self.by_path.get(path.as_str()))
            .and_then(|routes| {
                routes
                    .iter()
                    .find(|(method, _)| method == request.method())
                    .map(|(_, limit)| *limit)
            })
            .unwrap_or(self.standard)
    }
}
