//! pocdir's HTTP face: server-rendered HTML pages, the JSON API under
//! `/api/v1`, health and metrics.
//!
//! [`http`] is the base that knows no feature: the route registry (every
//! route names an access-policy action; the policy itself lives in
//! `pocdir_domain::policy`), extractors, errors, CSRF, the page frame.
//! Each capability folder holds the pages and API of one thing people do
//! and exports its routes and its part of the OpenAPI document; [`app`]
//! puts them together.

pub mod account;
pub mod app;
pub mod audit;
pub mod directory;
pub mod home;
pub mod http;
pub mod outbox;
pub mod sign_in;
pub mod state;

pub use app::build_router;
pub use http::routes::RouteSpec;
pub use state::{AppState, WebConfig};

#[cfg(test)]
mod tests {
    /// Every message a template, a handler or a nav link asks for by a
    /// literal id exists (in English, and so in every language: the i18n
    /// tests check that).
    #[test]
    fn every_message_id_used_is_defined() {
        let defined = pocdir_i18n::message_ids(&pocdir_i18n::source_ftl(pocdir_i18n::Lang::En));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut used = Vec::new();
        // Every file under templates/ and src/, at any depth.
        let mut dirs = vec![root.join("templates"), root.join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for call in [".t(\"", ".tn(\"", ".t1(\"", ".t_args(\""] {
                    for (at, _) in text.match_indices(call) {
                        let rest = &text[at + call.len()..];
                        let id: String = rest.chars().take_while(|&c| c != '"').collect();
                        used.push((path.display().to_string(), id));
                    }
                }
                // A nav link's label, its second argument.
                for call in ["NavLink::main", "NavLink::account"] {
                    for (at, _) in text.match_indices(call) {
                        let Some(args) = text[at + call.len()..].strip_prefix('(') else {
                            continue;
                        };
                        let args = &args[..args.find(')').unwrap()];
                        if let Some(id) = args.split('"').nth(1) {
                            used.push((path.display().to_string(), id.to_string()));
                        }
                    }
                }
            }
        }
        assert!(used.len() > 200, "only {} uses found", used.len());
        let missing: Vec<_> = used
            .iter()
            .filter(|(_, id)| !defined.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "message ids used but not defined: {missing:?}"
        );
    }
}
