//! STIX 2.1 bundles: `pocdir_domain::stix::check_bundle` and the OASIS
//! reference validator (`stix2-validator`, pinned in `scripts/test`) agree
//! on a corpus in `tests/data/stix/`: every `valid-*.json` passes both,
//! every `invalid-*.json` is refused by both.
//!
//! The validator runs with its defaults (`ValidationOptions()`, strict off):
//! its "best practice" checks (SHOULD, such as an indicator's name and
//! description both present) are warnings, not failures. Where the two
//! knowingly differ the corpus holds no file, and the domain's unit tests
//! hold the case instead:
//! - an empty `objects` (the validator 3.3.2 does not apply the bundle
//!   schema's `minItems`) and a bundle without `objects`: we refuse both;
//! - a top-level `type` other than "bundle": the validator reads it as some
//!   custom object, we want a bundle;
//! - two objects with one id: the validator does not look, we refuse it;
//! - a STIX pattern that balances but breaks the grammar: the validator
//!   parses patterns fully, we only check their brackets and quotes.

use pocdir_domain::stix::check_bundle;
use std::path::{Path, PathBuf};

/// The corpus, sorted by name.
fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stix");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The OASIS validator's verdict on each file, in the same order: one
/// python3 for them all. Input it cannot even read (not JSON, no `type`)
/// raises instead of returning a result: that is a refusal too.
fn oasis_verdicts(files: &[PathBuf]) -> Vec<bool> {
    let script = r#"
import sys
from stix2validator import validate_string, ValidationOptions
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        valid = validate_string(text, ValidationOptions()).is_valid
    except Exception:
        valid = False
    print("valid" if valid else "invalid")
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .expect("python3 runs");
    // scripts/test installs it; a missing peer is a failure, not a skip.
    assert!(
        out.status.success(),
        "python3 with stix2-validator is needed (pip install stix2-validator): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| line == "valid")
        .collect()
}

#[test]
fn stix_corpus_agrees_with_the_oasis_validator() {
    let files = corpus();
    let valid = files
        .iter()
        .filter(|p| file_name(p).starts_with("valid-"))
        .count();
    let invalid = files
        .iter()
        .filter(|p| file_name(p).starts_with("invalid-"))
        .count();
    assert_eq!(
        valid + invalid,
        files.len(),
        "every file is valid-* or invalid-*"
    );
    assert!(
        valid >= 8 && invalid >= 12,
        "{valid} valid, {invalid} invalid"
    );

    let oasis = oasis_verdicts(&files);
    assert_eq!(oasis.len(), files.len());
    let mut disagreements = Vec::new();
    for (path, oasis_valid) in files.iter().zip(oasis) {
        let name = file_name(path);
        let expected = name.starts_with("valid-");
        let ours = check_bundle(&std::fs::read_to_string(path).unwrap());
        if oasis_valid != expected {
            disagreements.push(format!(
                "{name}: the OASIS validator says valid = {oasis_valid}"
            ));
        }
        match (&ours, expected) {
            (Ok(_), true) | (Err(_), false) => {}
            (Ok(_), false) => disagreements.push(format!("{name}: check_bundle passes it")),
            (Err(problem), true) => disagreements.push(format!(
                "{name}: check_bundle refuses it: {} {:?}",
                problem.message_id(),
                problem.args()
            )),
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// The refusals say what they should: each invalid file's message, so that
/// a file refused for the wrong reason is noticed.
#[test]
fn stix_corpus_refusals_name_their_reason() {
    let expected = [
        ("invalid-bundle-id.json", "stix-error-bundle-id", None),
        (
            "invalid-created-without-millis.json",
            "stix-error-invalid",
            Some("created"),
        ),
        (
            "invalid-cve-external-id.json",
            "stix-error-external-id",
            None,
        ),
        ("invalid-id-type-mismatch.json", "stix-error-id", None),
        (
            "invalid-identity-without-name.json",
            "stix-error-missing",
            Some("name"),
        ),
        (
            "invalid-impossible-date.json",
            "stix-error-invalid",
            Some("modified"),
        ),
        (
            "invalid-indicator-without-valid-from.json",
            "stix-error-missing",
            Some("valid_from"),
        ),
        (
            "invalid-ipv4-value.json",
            "stix-error-invalid",
            Some("value"),
        ),
        (
            "invalid-malware-without-is-family.json",
            "stix-error-missing",
            Some("is_family"),
        ),
        (
            "invalid-modified-before-created.json",
            "stix-error-modified-before-created",
            None,
        ),
        (
            "invalid-pattern-unbalanced.json",
            "stix-error-pattern",
            None,
        ),
        (
            "invalid-relationship-bad-target.json",
            "stix-error-invalid",
            Some("target_ref"),
        ),
        (
            "invalid-report-without-object-refs.json",
            "stix-error-missing",
            Some("object_refs"),
        ),
        (
            "invalid-spec-version.json",
            "stix-error-invalid",
            Some("spec_version"),
        ),
        ("invalid-truncated.json", "stix-error-not-json", None),
        ("invalid-type-uppercase.json", "stix-error-type", None),
    ];
    let invalid: Vec<String> = corpus()
        .iter()
        .map(|p| file_name(p))
        .filter(|n| n.starts_with("invalid-"))
        .collect();
    let listed: Vec<&str> = expected.iter().map(|(name, ..)| *name).collect();
    assert_eq!(
        invalid, listed,
        "each invalid file has its expected reason here"
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stix");
    for (name, message, property) in expected {
        let raw = std::fs::read_to_string(dir.join(name)).unwrap();
        let problem = check_bundle(&raw).unwrap_err();
        assert_eq!(
            (problem.message_id(), problem.property()),
            (message, property),
            "{name}"
        );
    }
}
