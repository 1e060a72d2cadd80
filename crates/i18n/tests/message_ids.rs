//! Every message id the code asks for is defined, so that a typo cannot
//! reach a page or a mail as a bare id. Reads the sources of the crates
//! that ask for messages (the pages, the domain, the jobs, the directory)
//! and the ids the domain's enums name.

// Test code: a failed unwrap is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_i18n::{message_ids, source_ftl, Lang, Translator};
use std::path::{Path, PathBuf};

/// The folders, relative to `crates/`, whose files ask for messages.
const SOURCES: [&str; 6] = [
    "web/templates",
    "web/src",
    "domain/src",
    "jobs/src",
    "directory/src",
    "communications/src",
];

/// Every file under `dir`, at any depth.
fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in SOURCES {
        files_under(&crates.join(dir), &mut files);
    }
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs" || e == "html"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect()
}

fn english() -> Vec<String> {
    message_ids(&source_ftl(Lang::En))
}

/// Every message a template, a handler or a nav link asks for by a
/// literal id exists (in English, and so in every language: the i18n unit
/// tests check that).
#[test]
fn every_message_id_asked_for_by_name_is_defined() {
    let defined = english();
    let mut used = Vec::new();
    for (path, text) in sources() {
        for call in [".t(\"", ".tn(\"", ".t1(\"", ".t_args(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let id: String = rest.chars().take_while(|&c| c != '"').collect();
                used.push((path.clone(), id));
            }
        }
        // A nav link's label: the string among its arguments.
        for call in ["NavLink::main(", "NavLink::account("] {
            for (at, _) in text.match_indices(call) {
                let args = &text[at + call.len()..];
                let args = &args[..args.find(')').unwrap()];
                if let Some(id) = args.split('"').nth(1) {
                    used.push((path.clone(), id.to_string()));
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

/// The family of an id: all but its last part (`poc-error` of `poc-error-email`).
fn family(id: &str) -> Option<&str> {
    id.rsplit_once('-').map(|(family, _)| family)
}

/// The string literals of Rust code shaped like message ids (`a-b`, lower case).
fn id_shaped_literals(code: &str) -> Vec<&str> {
    code.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.contains('-')
                && s.starts_with(|c: char| c.is_ascii_lowercase())
                && s.split('-').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                })
        })
        .collect()
}

/// Ids not passed straight to the translator (field errors in the domain,
/// the mail texts of the jobs, labels chosen in a `match`) are caught by
/// their family: a literal of the family of some message (`poc-error-…`,
/// `revalidation-mail-…`) must itself be a message.
#[test]
fn every_literal_of_a_message_family_is_defined() {
    let defined = english();
    let families: Vec<&str> = defined.iter().filter_map(|id| family(id)).collect();
    let mut checked = 0;
    let mut missing = Vec::new();
    for (path, text) in sources() {
        if !path.ends_with(".rs") {
            continue;
        }
        // Tests name made-up ids on purpose.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for literal in id_shaped_literals(code) {
            if !family(literal).is_some_and(|f| families.contains(&f)) {
                continue;
            }
            checked += 1;
            if !defined.iter().any(|id| id == literal) {
                missing.push((path.clone(), literal.to_string()));
            }
        }
    }
    assert!(checked > 100, "only {checked} literals checked");
    assert!(
        missing.is_empty(),
        "message ids named but not defined: {missing:?}"
    );
}

/// Ids built from enums: every variant's id, in every language.
#[test]
fn every_id_an_enum_names_exists_in_every_language() {
    let ids = pocdir_domain::messages::enum_message_ids();
    assert!(ids.len() > 20, "only {} ids", ids.len());
    for lang in Lang::ALL {
        let tr = Translator::new(lang);
        for id in &ids {
            assert!(tr.has_own(id), "{} has no message {id}", lang.code());
        }
    }
}

#[test]
fn the_family_check_sees_a_typo() {
    let code = r#"FieldError::new("email", "poc-error-emial"); let lease = "log-signer";"#;
    let defined = english();
    let families: Vec<&str> = defined.iter().filter_map(|id| family(id)).collect();
    let flagged: Vec<&str> = id_shaped_literals(code)
        .into_iter()
        .filter(|l| family(l).is_some_and(|f| families.contains(&f)))
        .filter(|l| !defined.iter().any(|id| id == l))
        .collect();
    assert_eq!(flagged, ["poc-error-emial"]);
}
