//! The layering rules of ARCHITECTURE.md, checked on the sources: a
//! dependency that runs the wrong way fails here before it grows roots.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The names in a crate's `[dependencies]` (not dev- or build-dependencies).
fn dependencies(krate: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(crates_dir().join(krate).join("Cargo.toml")).unwrap();
    let mut in_deps = false;
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.', ' ']).next().unwrap().trim();
            found.insert(name.to_string());
        }
    }
    assert!(
        !found.is_empty() || krate == "i18n",
        "no dependencies read for {krate}"
    );
    found
}

fn ours(deps: &BTreeSet<String>) -> BTreeSet<&str> {
    deps.iter()
        .map(String::as_str)
        .filter(|d| d.starts_with("pocdir"))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_rules_depend_on_no_crate_of_ours() {
    assert_eq!(ours(&dependencies("domain")), BTreeSet::new());
    assert_eq!(ours(&dependencies("i18n")), BTreeSet::new());
}

#[test]
fn the_store_depends_only_on_the_rules() {
    assert_eq!(
        ours(&dependencies("store")),
        BTreeSet::from(["pocdir-domain"])
    );
}

#[test]
fn web_and_jobs_reach_storage_only_through_the_store_traits() {
    for krate in [
        "web",
        "jobs",
        "directory",
        "log",
        "communications",
        "ping_tests",
    ] {
        let deps = dependencies(krate);
        assert!(
            !deps.contains("sqlx"),
            "{krate} has a database driver of its own"
        );
        let mut files = Vec::new();
        rust_files(&crates_dir().join(krate).join("src"), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for backend in [
                "SqliteStore",
                "PostgresStore",
                "pocdir_store::sqlite",
                "pocdir_store::postgres",
            ] {
                assert!(
                    !text.contains(backend),
                    "{} names the backend {backend}",
                    file.display()
                );
            }
        }
    }
}

/// `crates/web/src/http/` is the base every capability stands on: it names
/// no capability (only itself and the shared state).
#[test]
fn the_web_base_knows_no_capability() {
    let src = crates_dir().join("web/src");
    let capabilities: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|name| name != "http")
        .collect();
    assert!(
        capabilities.len() >= 5,
        "capabilities found: {capabilities:?}"
    );
    let mut files = Vec::new();
    rust_files(&src.join("http"), &mut files);
    assert!(files.len() >= 5);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // `crate::a::b` paths, and each name of a `crate::{a, b::c}` group.
        let mut named: Vec<&str> = text
            .match_indices("crate::")
            .map(|(at, m)| &text[at + m.len()..])
            .filter(|rest| !rest.starts_with('{'))
            .map(|rest| {
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap()
            })
            .collect();
        for (at, m) in text.match_indices("crate::{") {
            let group = &text[at + m.len()..];
            let group = &group[..group.find('}').unwrap()];
            named.extend(
                group
                    .split(',')
                    .map(|n| n.trim().split("::").next().unwrap()),
            );
        }
        for name in named {
            assert!(
                !capabilities.iter().any(|c| c == name),
                "{} names the capability {name}",
                file.display()
            );
        }
    }
}

/// Handlers take the extractors of `http/extract.rs`, whose refusals are in
/// the one error shape, never axum's own (whose refusals are plain text).
#[test]
fn handlers_take_only_our_extractors() {
    let src = crates_dir().join("web/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() >= 20);
    let axum_extractors = [
        "): Path<",
        "): Query<",
        "): Form<",
        "): Json<",
        "): axum::Form<",
        "): axum::Json<",
        "): axum::extract::Path<",
        "): axum::extract::Query<",
    ];
    for file in files.iter().filter(|f| !f.ends_with("http/extract.rs")) {
        let text = std::fs::read_to_string(file).unwrap();
        for pattern in axum_extractors {
            assert!(
                !text.contains(pattern),
                "{} takes axum's extractor `{pattern}`: use PathParams, QueryParams, FormData or ApiJson",
                file.display()
            );
        }
    }
}
