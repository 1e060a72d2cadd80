//! Fuzzing of every parser of outside input in the rules, as property tests
//! that run on the stable toolchain (a coverage-guided fuzzer needs nightly).
//!
//! Each parser gets near-valid inputs: a valid value (an export, a key, a
//! phone number…) with a few mutations at random places, plus plain noise.
//! The property is always the same: the parser never panics, and either
//! returns a value that checks out (it round-trips, or parses again to
//! itself) or a typed error with a message id.
//!
//! - The number of cases per test is small enough for CI (a few seconds in
//!   a debug build); `POCDIR_FUZZ_CASES=20000 cargo test -p pocdir-domain
//!   --test parsers` runs that many cases per test for a longer hunt.
//! - A failing case is shrunk and its seed is written to
//!   `tests/proptest-regressions/parsers.txt`, which is committed: it runs
//!   first on every later run.
//! - `tests/corpus/<parser>/` holds real samples and every input that ever
//!   failed (copy the shrunk input there when fixing it); `corpus_replays`
//!   runs each through the same checks on every run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use pocdir_domain::directory::exchange::{
    parse_import, to_csv, to_json, to_vcard, ExportEntry, ImportFormat, MAX_IMPORT_ROWS,
};
use pocdir_domain::directory::openpgp::parse_public_key;
use pocdir_domain::directory::poc::{
    parse_e164, parse_language, parse_time_zone, Availability, PhoneDraft, PhoneUse, PocDetails,
    PocDraft,
};
use pocdir_domain::log::entry::LogEntry;
use pocdir_domain::log::head::{decode_public_key, sign_head, SignedTreeHead};
use pocdir_domain::log::merkle::{
    leaf_hash, verify_consistency, verify_inclusion, Hash, MerkleTree,
};
use pocdir_domain::log::verify::Verifier;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;
use std::path::Path;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2027-01-15 12:00 UTC);
const REGRESSIONS: &str = "tests/proptest-regressions/parsers.txt";

const ED25519: &str = include_str!("fixtures/openpgp/ed25519.asc");
const KEYS: [&str; 9] = [
    ED25519,
    include_str!("fixtures/openpgp/rsa3072.asc"),
    include_str!("fixtures/openpgp/expired.asc"),
    include_str!("fixtures/openpgp/revoked.asc"),
    include_str!("fixtures/openpgp/secret.asc"),
    include_str!("fixtures/openpgp/sign-only.asc"),
    include_str!("fixtures/openpgp/two-blocks.asc"),
    include_str!("fixtures/openpgp/two-keys-one-block.asc"),
    include_str!("fixtures/openpgp/garbage.txt"),
];

/// `default` cases, or `POCDIR_FUZZ_CASES` when set.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("POCDIR_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- the checks

/// CSV or JSON import: a typed error, or rows whose every valid PoC
/// survives an export and a new import unchanged.
fn check_import(format: ImportFormat, bytes: &[u8]) {
    let parsed = match parse_import(format, bytes, NOW) {
        Err(e) => {
            assert!(e.message_id().starts_with("exchange-error-"), "{e:?}");
            return;
        }
        Ok(p) => p,
    };
    assert!(!parsed.rows.is_empty());
    assert!(parsed.rows.len() <= MAX_IMPORT_ROWS);
    let rows: Vec<usize> = parsed.rows.iter().map(|r| r.row).collect();
    for p in &parsed.problems {
        assert!(rows.contains(&p.row), "problem {p:?} names no row");
        assert!(!p.message_id.is_empty());
    }
    let bad = parsed.bad_rows();
    for r in &parsed.rows {
        // A row is valid exactly when it has no problem.
        assert_eq!(
            r.details.is_some() && !bad.contains(&r.row),
            !bad.contains(&r.row)
        );
    }
    let entries: Vec<ExportEntry> = parsed
        .valid()
        .enumerate()
        .map(|(i, (row, details))| ExportEntry {
            id: i as i64 + 1,
            participant: row.participant.clone(),
            participant_name: "Somewhere".into(),
            details: details.clone(),
        })
        .collect();
    if !entries.is_empty() {
        check_round_trip(&entries);
    }
}

/// Valid PoCs survive every export format: CSV and JSON import back to the
/// same details, and the vCard is well formed.
fn check_round_trip(entries: &[ExportEntry]) {
    for (format, bytes) in [
        (ImportFormat::Csv, to_csv(entries).unwrap()),
        (ImportFormat::Json, to_json(entries).unwrap()),
    ] {
        let again = parse_import(format, &bytes, NOW).unwrap_or_else(|e| {
            panic!(
                "{format:?} export does not import again: {e:?}\n{}",
                String::from_utf8_lossy(&bytes)
            )
        });
        assert!(
            again.problems.is_empty(),
            "{format:?} export imports with problems {:?}\n{}",
            again.problems,
            String::from_utf8_lossy(&bytes)
        );
        assert_eq!(again.rows.len(), entries.len());
        for (row, entry) in again.rows.iter().zip(entries) {
            assert_eq!(row.participant, entry.participant);
            assert_eq!(
                row.details.as_ref(),
                Some(&entry.details),
                "{format:?} round trip changed the PoC\n{}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
    check_vcard(entries);
}

/// RFC 6350: CRLF lines of at most 75 octets, one card per PoC, and the
/// formatted name reads back as it was.
fn check_vcard(entries: &[ExportEntry]) {
    let cards = to_vcard(entries);
    assert!(cards.ends_with("\r\n"));
    for line in cards.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
    }
    let unfolded = cards.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VCARD\r\n").count(), entries.len());
    assert_eq!(unfolded.matches("\r\nEND:VCARD\r\n").count(), entries.len());
    let names: Vec<String> = unfolded
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("FN:"))
        .map(vcard_unescape)
        .collect();
    let expected: Vec<&str> = entries.iter().map(|e| e.details.name.as_str()).collect();
    assert_eq!(names, expected);
}

fn vcard_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            assert!(
                c != ',' && c != ';',
                "unescaped {c:?} in a text value {s:?}"
            );
            out.push(c);
        }
    }
    out
}

/// A PoC as JSON (the API's body): refused with named fields, or valid
/// details that validate again to themselves.
fn check_draft_json(bytes: &[u8]) {
    let Ok(draft) = serde_json::from_slice::<PocDraft>(bytes) else {
        return;
    };
    check_draft(&draft);
}

fn check_draft(draft: &PocDraft) {
    match draft.validate(NOW) {
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(!e.field.is_empty());
                assert!(e.message_id.starts_with("poc-error-"), "{e:?}");
            }
        }
        Ok(details) => {
            assert_eq!(to_draft(&details).validate(NOW).as_ref(), Ok(&details));
            check_round_trip(&[ExportEntry {
                id: 1,
                participant: "XYZ".into(),
                participant_name: "Somewhere".into(),
                details,
            }]);
        }
    }
}

/// Details as a form would send them back.
fn to_draft(d: &PocDetails) -> PocDraft {
    PocDraft {
        role: d.role.as_str().into(),
        name: d.name.clone(),
        title: d.title.clone(),
        organisation: d.organisation.clone(),
        emails: d.emails.clone(),
        phones: d
            .phones
            .iter()
            .map(|(n, u)| PhoneDraft {
                number: n.clone(),
                phone_use: match u {
                    PhoneUse::Office => "office",
                    PhoneUse::Mobile => "mobile",
                    PhoneUse::AroundTheClock => "24x7",
                }
                .into(),
            })
            .collect(),
        secure_channels: d.secure_channels.clone(),
        languages: d.languages.clone(),
        time_zone: d.time_zone.clone(),
        hours: d.hours.clone(),
        notes: d.notes.clone(),
        openpgp_key: d
            .openpgp
            .as_ref()
            .map(|k| k.armored.clone())
            .unwrap_or_default(),
    }
}

fn check_phone(raw: &str) {
    if let Some(n) = parse_e164(raw) {
        let digits = n.strip_prefix('+').unwrap();
        assert!((8..=15).contains(&digits.len()), "{raw:?} → {n:?}");
        assert!(
            digits.bytes().all(|b| b.is_ascii_digit()),
            "{raw:?} → {n:?}"
        );
        assert!(!digits.starts_with('0'), "{raw:?} → {n:?}");
        assert_eq!(parse_e164(&n), Some(n.clone()));
    }
}

fn check_language(raw: &str) {
    if let Some(tag) = parse_language(raw) {
        assert_eq!(parse_language(&tag).as_ref(), Some(&tag), "{raw:?}");
        assert!(!tag.chars().any(char::is_whitespace), "{raw:?} → {tag:?}");
    }
}

fn check_time_zone(raw: &str) {
    if let Some(tz) = parse_time_zone(raw) {
        assert_eq!(parse_time_zone(tz.name()), Some(tz), "{raw:?}");
    }
}

fn check_hours(raw: &str) {
    if let Some(a) = Availability::parse(raw) {
        assert!(a.start <= 24 * 60 && a.end <= 24 * 60, "{raw:?} → {a:?}");
        assert_ne!(a.start, a.end, "{raw:?}");
        assert!(a.days.iter().any(|d| *d), "{raw:?}");
        assert_eq!(Availability::parse(raw.trim()), Some(a));
        for tz in [chrono_tz::UTC, chrono_tz::Pacific::Kiritimati] {
            let _ = a.covers(tz, NOW);
        }
    }
}

/// An armored key: refused for a named reason, or a key whose normalised
/// armor parses again to the same key.
fn check_key(text: &str) {
    match parse_public_key(text, NOW) {
        Err(e) => assert!(e.message_id().starts_with("poc-error-openpgp-")),
        Ok(k) => {
            assert_eq!(k.fingerprint.len(), 40, "{k:?}");
            assert!(k.expires_at.is_none_or(|e| e > NOW));
            assert_eq!(parse_public_key(&k.armored, NOW).as_ref(), Ok(&k));
        }
    }
}

/// Tree heads and public keys as a monitor or verifier reads them.
fn check_head_json(bytes: &[u8]) {
    let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]).verifying_key();
    if let Ok(head) = serde_json::from_slice::<SignedTreeHead>(bytes) {
        let _ = head.root();
        let _ = head.verify(&key);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = decode_public_key(text);
    }
}

// ------------------------------------------------------------ the generators

fn names() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z' .,;-]{0,30}",
        // What a spreadsheet would run as a formula, and the quote that guards it.
        "['=+@-]{1,3}[A-Za-z0-9 ()]{0,20}",
        "\\PC{1,25}",
    ]
}

fn emails() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9._+-]{1,12}@[a-z0-9-]{1,10}\\.[a-z]{2,5}",
        1 => "[A-Za-z0-9.;,'=+_-]{1,12}@[a-z0-9-]{1,10}\\.[a-z]{2,5}",
    ]
}

fn phone_numbers() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\+[1-9][0-9]{7,14}",
        "\\+[1-9][0-9]{1,3}[ -][0-9]{2,4}[ .-][0-9]{3,4}[ -][0-9]{2,4}",
        "\\+\\([1-9][0-9]\\) [0-9]{3} [0-9]{4}",
        "[+0-9 ()./-]{0,24}",
    ]
}

const TAGS: [&str; 12] = [
    "en",
    "fr",
    "ar",
    "zh-Hans",
    "ru",
    "es-419",
    "en-GB",
    "ur",
    "fr-ca",
    "sr-Latn-RS",
    "de-CH",
    "pt-BR",
];

fn languages() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(TAGS.to_vec()).prop_map(String::from),
        1 => "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}",
        1 => "[a-z]{2}(-([0-9][a-z0-9]{3}|[a-zA-Z]{4})){1,3}",
        1 => "[a-zA-Z0-9_ -]{0,12}",
    ]
}

fn zone_names() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(chrono_tz::TZ_VARIANTS.to_vec()).prop_map(|z| z.name().to_string()),
        1 => "[A-Za-z_/+-]{0,20}",
    ]
}

const DAY: &str = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun|mon|SUN)";

fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).unwrap()
}

fn hours() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("24/7".to_string()),
        Just("24x7".to_string()),
        regex(&format!(
            "{DAY}(-{DAY})?(,{DAY}){{0,2}} [0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]"
        )),
        regex(&format!(
            "{DAY}-{DAY} [0-9+]{{1,3}}:[0-9+]{{1,3}}-[0-9]{{1,2}}:[0-9]{{2}}"
        )),
        "[A-Za-z0-9 :,/-]{0,24}",
    ]
}

/// Drafts with near-valid fields: some pass, most fail for one reason or two.
fn drafts() -> impl Strategy<Value = PocDraft> {
    draft_from(
        (phone_numbers(), languages(), zone_names(), hours()),
        prop_oneof![8 => Just(""), 1 => Just(ED25519)],
    )
}

/// Drafts meant to pass every rule (the generators of the fields that may
/// fail are kept to their valid forms), so that round trips are exercised
/// without throwing most cases away.
fn good_drafts() -> impl Strategy<Value = PocDraft> {
    draft_from(
        (
            prop_oneof![
                "\\+[1-9][0-9]{7,14}",
                "\\+[1-9][0-9]{1,3}[ -][0-9]{2,4}[ .-][0-9]{3,4}[ -][0-9]{2,4}",
            ],
            proptest::sample::select(TAGS.to_vec()).prop_map(String::from),
            proptest::sample::select(chrono_tz::TZ_VARIANTS.to_vec())
                .prop_map(|z| z.name().to_string()),
            prop_oneof![
                Just("24/7".to_string()),
                regex(&format!(
                    "{DAY}(-{DAY})?(,{DAY}){{0,2}} (0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]-(0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]"
                )),
            ],
        ),
        prop_oneof![16 => Just(""), 1 => Just(ED25519)],
    )
}

fn draft_from<P, L, Z, H>(
    fields: (P, L, Z, H),
    key: impl Strategy<Value = &'static str>,
) -> impl Strategy<Value = PocDraft>
where
    P: Strategy<Value = String>,
    L: Strategy<Value = String>,
    Z: Strategy<Value = String>,
    H: Strategy<Value = String>,
{
    let (numbers, languages, zones, hours) = fields;
    let phones = (
        numbers,
        prop_oneof![
            Just("office".to_string()),
            Just("mobile".to_string()),
            Just("24x7".to_string()),
            Just("24/7".to_string()),
        ],
    )
        .prop_map(|(number, phone_use)| PhoneDraft { number, phone_use });
    (
        (
            prop_oneof![Just("technical"), Just("diplomatic"), Just("Technical")],
            names(),
            prop_oneof![Just(String::new()), names()],
            names(),
            proptest::collection::vec(emails(), 1..4),
            proptest::collection::vec(phones, 0..3),
        ),
        (
            proptest::collection::vec(names(), 0..3),
            proptest::collection::vec(languages, 1..3),
            zones,
            hours,
            prop_oneof![Just(String::new()), "[\\PC\n]{0,60}"],
            key,
        ),
    )
        .prop_map(
            |(
                (role, name, title, organisation, emails, phones),
                (secure_channels, languages, time_zone, hours, notes, key),
            )| PocDraft {
                role: role.into(),
                name,
                title,
                organisation,
                emails,
                phones,
                secure_channels,
                languages,
                time_zone,
                hours,
                notes,
                openpgp_key: key.into(),
            },
        )
}

/// A draft that passes every rule, with the participant it is for.
fn valid_entries() -> impl Strategy<Value = Vec<ExportEntry>> {
    proptest::collection::vec(("[A-Z]{3}", good_drafts()), 1..4).prop_filter_map(
        "every draft valid",
        |rows| {
            rows.into_iter()
                .enumerate()
                .map(|(i, (participant, draft))| {
                    draft.validate(NOW).ok().map(|details| ExportEntry {
                        id: i as i64 + 1,
                        participant,
                        participant_name: "Somewhere".into(),
                        details,
                    })
                })
                .collect()
        },
    )
}

/// Characters that break CSV, JSON, armor and the like.
const NASTY: [&str; 16] = [
    "\"", ",", ";", "\n", "\r\n", "\r", "'", "=", "+", "\\", "\u{feff}", "\0", "{", "]", "TLP:",
    "é",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, usize),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Truncate(Index),
    Swap(Index, Index),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<Index>(), 0..NASTY.len()).prop_map(|(i, c)| Edit::Insert(i, c)),
        (any::<Index>(), 1usize..12).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<Index>(), 1usize..64).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        any::<Index>().prop_map(Edit::Truncate),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ];
    proptest::collection::vec(edit, 0..5)
}

/// Applies the edits to bytes (which may stop being UTF-8: that is a case too).
fn mutate(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len();
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len + 1) };
        match e {
            Edit::Insert(i, c) => {
                let p = at(i);
                let s = NASTY[*c].as_bytes();
                bytes.splice(p..p, s.iter().copied());
            }
            Edit::Delete(i, n) => {
                let p = at(i);
                let end = (p + n).min(len);
                bytes.drain(p..end);
            }
            Edit::Duplicate(i, n) => {
                let p = at(i);
                let end = (p + n).min(len);
                let copy = bytes[p..end].to_vec();
                bytes.splice(p..p, copy);
            }
            Edit::Truncate(i) => bytes.truncate(at(i)),
            Edit::Swap(a, b) => {
                if len > 0 {
                    bytes.swap(a.index(len), b.index(len));
                }
            }
        }
    }
    bytes
}

/// CRC-24 of RFC 4880 §6.1, so a mutated key body still carries a good checksum.
fn crc24(data: &[u8]) -> u32 {
    let mut crc: u32 = 0xB7_04CE;
    for b in data {
        crc ^= u32::from(*b) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x100_0000 != 0 {
                crc ^= 0x186_4CFB;
            }
        }
    }
    crc & 0xFF_FFFF
}

fn armor(body: &[u8]) -> String {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    let text = STANDARD.encode(body);
    let lines: Vec<&str> = text
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let crc = crc24(body).to_be_bytes();
    format!(
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n{}\n={}\n-----END PGP PUBLIC KEY BLOCK-----\n",
        lines.join("\n"),
        STANDARD.encode(&crc[1..])
    )
}

fn dearmor(text: &str) -> Vec<u8> {
    use std::io::Read;
    let mut d = pgp::armor::Dearmor::new(text.as_bytes());
    let mut out = Vec::new();
    let _ = d.read_to_end(&mut out);
    out
}

/// Armored keys with a damaged armor, or with damaged packets inside a good armor.
fn keys() -> impl Strategy<Value = String> {
    let fixture = proptest::sample::select(KEYS.to_vec());
    prop_oneof![
        (fixture.clone(), edits()).prop_map(|(k, e)| String::from_utf8_lossy(&mutate(
            k.as_bytes().to_vec(),
            &e
        ))
        .into_owned()),
        (
            proptest::sample::select(KEYS[..6].to_vec()),
            edits(),
            any::<Index>(),
            any::<u8>()
        )
            .prop_map(|(k, e, i, byte)| {
                let mut body = mutate(dearmor(k), &e);
                if !body.is_empty() {
                    let p = i.index(body.len());
                    body[p] ^= byte;
                }
                armor(&body)
            }),
    ]
}

fn csv_files() -> impl Strategy<Value = Vec<u8>> {
    (valid_entries(), edits()).prop_map(|(entries, e)| mutate(to_csv(&entries).unwrap(), &e))
}

fn json_files() -> impl Strategy<Value = Vec<u8>> {
    (valid_entries(), edits()).prop_map(|(entries, e)| mutate(to_json(&entries).unwrap(), &e))
}

// -------------------------------------------------------------- the properties

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn valid_pocs_survive_every_export_format(entries in valid_entries()) {
        check_round_trip(&entries);
    }

    #[test]
    fn mutated_csv_imports_never_panic(bytes in csv_files()) {
        check_import(ImportFormat::Csv, &bytes);
    }

    #[test]
    fn mutated_json_imports_never_panic(bytes in json_files()) {
        check_import(ImportFormat::Json, &bytes);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_import_as_a_typed_error_or_rows(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        json in any::<bool>(),
    ) {
        let format = if json { ImportFormat::Json } else { ImportFormat::Csv };
        check_import(format, &bytes);
    }

    #[test]
    fn drafts_validate_to_details_that_validate_again(draft in drafts()) {
        check_draft(&draft);
    }

    #[test]
    fn drafts_as_json_bodies(draft in drafts(), e in edits()) {
        let json = serde_json::json!({
            "role": draft.role, "name": draft.name, "title": draft.title,
            "organisation": draft.organisation, "emails": draft.emails,
            "phones": draft.phones.iter().map(|p| serde_json::json!({"number": p.number, "use": p.phone_use})).collect::<Vec<_>>(),
            "secure_channels": draft.secure_channels, "languages": draft.languages,
            "time_zone": draft.time_zone, "hours": draft.hours, "notes": draft.notes,
        });
        check_draft_json(&mutate(json.to_string().into_bytes(), &e));
    }

    #[test]
    fn phone_numbers_parse_to_e164_or_nothing(raw in prop_oneof![phone_numbers(), "\\PC{0,20}"]) {
        check_phone(&raw);
    }

    #[test]
    fn language_tags_canonicalise_once(raw in prop_oneof![languages(), "\\PC{0,16}"]) {
        check_language(&raw);
    }

    #[test]
    fn time_zones_are_iana_names(raw in prop_oneof![zone_names(), "\\PC{0,16}"]) {
        check_time_zone(&raw);
    }

    #[test]
    fn hours_parse_to_a_window_or_nothing(raw in prop_oneof![hours(), "\\PC{0,24}"]) {
        check_hours(&raw);
    }

    #[test]
    fn tree_heads_and_keys_never_panic(bytes in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        (any::<u64>(), "[0-9a-fA-F]{0,70}", any::<i64>(), "[A-Za-z0-9+/=]{0,90}").prop_map(
            |(s, r, t, sig)| serde_json::json!({"tree_size": s, "root_hash": r, "timestamp": t,
                "signature": sig, "key_id": ""}).to_string().into_bytes()),
    ]) {
        check_head_json(&bytes);
    }
}

proptest! {
    // rPGP checks signatures (RSA 3072 among them): slower per case.
    #![proptest_config(config(48))]

    #[test]
    fn mutated_openpgp_keys_are_refused_for_a_reason(text in keys()) {
        check_key(&text);
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Proofs served for a tree verify; any other proof, index or size does
    /// not, and nothing panics whatever the numbers.
    #[test]
    fn merkle_proofs_verify_exactly_when_genuine(
        n in 1u64..70,
        i in any::<Index>(),
        j in any::<Index>(),
        flip in any::<Index>(),
        bogus in (any::<u64>(), any::<u64>()),
    ) {
        let mut tree = MerkleTree::new();
        for k in 0..n {
            tree.push_leaf_hash(leaf_hash(&k.to_be_bytes()));
        }
        let size = 1 + j.index(n as usize) as u64;
        let index = i.index(size as usize) as u64;
        let root = tree.root_at(size).unwrap();
        let leaf = tree.leaf(index).unwrap();
        let proof = tree.inclusion_proof(index, size).unwrap();
        prop_assert!(verify_inclusion(&leaf, index, size, &proof, &root));
        let first = 1 + i.index(size as usize) as u64;
        let cproof = tree.consistency_proof(first, size).unwrap();
        let first_root = tree.root_at(first).unwrap();
        prop_assert!(verify_consistency(first, size, &cproof, &first_root, &root));

        // A damaged proof, or one for other numbers, does not verify.
        if !proof.is_empty() {
            let mut bad = proof.clone();
            let k = flip.index(bad.len());
            bad[k][0] ^= 1;
            prop_assert!(!verify_inclusion(&leaf, index, size, &bad, &root));
            let mut longer = proof.clone();
            longer.push([0u8; 32]);
            prop_assert!(!verify_inclusion(&leaf, index, size, &longer, &root));
        }
        if !cproof.is_empty() {
            let mut bad = cproof.clone();
            let k = flip.index(bad.len());
            bad[k][31] ^= 0x80;
            prop_assert!(!verify_consistency(first, size, &bad, &first_root, &root));
        }
        // Requests for any numbers: a typed error or a proof, never a panic.
        let (a, b) = bogus;
        for (x, y) in [(a, b), (a % (n + 2), b % (n + 2)), (index, a), (0, b % (n + 2))] {
            let _ = tree.inclusion_proof(x, y);
            let _ = tree.consistency_proof(x, y);
            let _ = tree.root_at(y);
            let _ = verify_inclusion(&leaf, x, y, &proof, &root);
            let _ = verify_consistency(x, y, &cproof, &first_root, &root);
        }
    }

    /// The offline verifier: a genuine log passes; an edited, moved or
    /// missing entry, or a head for another root, is named as tampering.
    #[test]
    fn the_verifier_catches_every_edit(
        n in 1u64..40,
        at in any::<Index>(),
        edit in 0u8..4,
        text in "\\PC{0,12}",
    ) {
        let key = ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]);
        let entries: Vec<LogEntry> = (0..n)
            .map(|i| LogEntry {
                index: i,
                at: 1_700_000_000 + i as i64,
                actor_account_id: Some(i as i64),
                actor_kind: "secretariat".into(),
                actor_participant: None,
                action: "account.create".into(),
                object: format!("account:{i}"),
                participant: None,
                content_hash: String::new(),
            })
            .collect();
        let mut tree = MerkleTree::new();
        let leaves: Vec<Hash> = entries.iter().map(LogEntry::leaf_hash).collect();
        for l in &leaves {
            tree.push_leaf_hash(*l);
        }
        let head = sign_head(&key, n, &tree.root(), 1_700_000_100);
        let mut v = Verifier::new();
        for (e, l) in entries.iter().zip(&leaves) {
            v.push(e, l).unwrap();
        }
        prop_assert!(v.finish(std::slice::from_ref(&head), &key.verifying_key()).is_ok());

        let k = at.index(n as usize);
        let mut entries = entries;
        let mut leaves = leaves;
        let mut heads = vec![head];
        match edit {
            0 => entries[k].object.push_str(&format!("{text}x")),
            1 => {
                entries.remove(k);
                leaves.remove(k);
            }
            2 => heads[0].tree_size += 1,
            _ => heads[0].root_hash = hex::encode(leaf_hash(text.as_bytes())),
        }
        let mut v = Verifier::new();
        let mut result = Ok(());
        for (e, l) in entries.iter().zip(&leaves) {
            result = v.push(e, l);
            if result.is_err() {
                break;
            }
        }
        let outcome = result.and_then(|()| v.finish(&heads, &key.verifying_key()).map(|_| ()));
        prop_assert!(outcome.is_err(), "edit {edit} at {k} went unnoticed");
    }
}

// ------------------------------------------------------------------ the corpus

/// Every file under `tests/corpus/<parser>/` runs through its parser's check.
/// Line-oriented parsers (`phone`, `language`, `time_zone`, `hours`) take
/// each line of a file as one input.
#[test]
fn corpus_replays() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = 0;
    let mut failed = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let parser = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|f| f.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let text = || String::from_utf8_lossy(&bytes).into_owned();
            let run = std::panic::catch_unwind(|| match parser.as_str() {
                "csv" => check_import(ImportFormat::Csv, &bytes),
                "json" => check_import(ImportFormat::Json, &bytes),
                "draft" => check_draft_json(&bytes),
                "openpgp" => check_key(&text()),
                "tree_head" => check_head_json(&bytes),
                "phone" => text().lines().for_each(check_phone),
                "language" => text().lines().for_each(check_language),
                "time_zone" => text().lines().for_each(check_time_zone),
                "hours" => text().lines().for_each(check_hours),
                other => panic!("no parser called {other:?} (tests/corpus/{other})"),
            });
            if run.is_err() {
                failed.push(file.display().to_string());
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "the corpus is empty");
    assert!(failed.is_empty(), "corpus files that fail: {failed:#?}");
}

/// Found by `language_tags_canonicalise_once`: the parser took spaces
/// inside a tag.
#[test]
fn a_language_tag_with_spaces_inside_is_refused() {
    assert_eq!(parse_language("DdW- PLK"), None);
    assert_eq!(parse_language(" fr-ca "), Some("fr-CA".to_string()));
}
