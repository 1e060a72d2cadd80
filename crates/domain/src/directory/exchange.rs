//! Export of the directory (CSV, JSON, vCard 4.0) and import of
//! nominations (CSV, JSON). Plain rendering and parsing, no I/O: the web
//! crate decides who may export what, logs the reads and writes the rows.
//!
//! Every export is marked TLP:AMBER+STRICT (FIRST TLP 2.0: the label, in
//! capitals and without spaces, goes before the information it covers):
//! - CSV, made for spreadsheets: UTF-8 with a byte-order mark (without
//!   it Excel garbles Arabic and Chinese), the header row first, and the
//!   label in the `tlp` column of every row, so that it stays with any
//!   row copied or sorted elsewhere (and in the file's name, given by the
//!   web). Free-text cells that a spreadsheet would run as a formula
//!   (starting with `=`, `+`, `-`, `@`) get a leading `'`, which the
//!   import removes; phones are written use first (`office +41 22 917 1234`)
//!   so they never start like a formula and need no guard. The import
//!   still skips a first line that starts with `TLP:` (exports before the
//!   column) and accepts `+E164 use` as well.
//! - JSON: `{"tlp": "TLP:AMBER+STRICT", "records": [...]}`.
//! - vCard: every card carries `X-TLP:TLP:AMBER+STRICT` and its NOTE starts
//!   with the label (address books drop unknown properties but keep NOTE).
//!
//! Import columns (CSV header names; JSON keys are the same): `participant`
//! (ISO 3166-1 alpha-3 code, or the organisation's code), `role`
//! (`diplomatic` or `technical`), `name`, `title`, `organisation`,
//! `emails`, `phones`, `secure_channels`, `languages`, `time_zone`,
//! `hours`, `notes`. In CSV, list columns hold items separated by `;`, and
//! a phone is `use +E164` (e.g. `office +41 22 917 1234; 24x7 +41 79 123 4567`).
//! In JSON, lists are arrays and phones are `{"number": …, "use": …}`.
//! In CSV, a phone is its use then the number (`office +41 22 917 1234`)
//! or the number then its use (`+41229171234 office`).
//! `tlp` and `participant_name` (written by the export) are accepted and
//! ignored. Rows are numbered from 1, counting data rows only (not a
//! marking line nor the header row), in the order of the file.

use super::poc::{FieldError, PhoneDraft, PhoneUse, PocDetails, PocDraft, PocRole};
use serde::Serialize;
use std::collections::BTreeSet;
use time::OffsetDateTime;

/// The TLP 2.0 label every export carries.
pub const TLP_LABEL: &str = "TLP:AMBER+STRICT";

/// An import larger than this is refused outright.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// At most this many rows per import.
pub const MAX_IMPORT_ROWS: usize = 5_000;

/// Columns of the CSV export, in order: the TLP label, then the participant.
pub const EXPORT_COLUMNS: [&str; 15] = [
    "tlp",
    "participant",
    "participant_name",
    "role",
    "name",
    "title",
    "organisation",
    "emails",
    "phones",
    "secure_channels",
    "languages",
    "time_zone",
    "hours",
    "notes",
    "openpgp_key",
];

const REQUIRED_COLUMNS: [&str; 8] = [
    "participant",
    "role",
    "name",
    "organisation",
    "emails",
    "languages",
    "time_zone",
    "hours",
];

/// One PoC to export, with the participant it belongs to.
#[derive(Debug, Clone)]
pub struct ExportEntry {
    pub id: i64,
    pub participant: String,
    /// In English.
    pub participant_name: String,
    pub details: PocDetails,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    VCard,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "vcard" | "vcf" => Some(ExportFormat::VCard),
            _ => None,
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8; header=present",
            ExportFormat::Json => "application/json",
            ExportFormat::VCard => "text/vcard; charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::VCard => "vcf",
        }
    }

    /// Renders `entries` in this format, marked TLP:AMBER+STRICT.
    pub fn render(self, entries: &[ExportEntry]) -> Result<Vec<u8>, ExportError> {
        match self {
            ExportFormat::Csv => to_csv(entries),
            ExportFormat::Json => to_json(entries),
            ExportFormat::VCard => Ok(to_vcard(entries).into_bytes()),
        }
    }
}

/// Rendering failed (only a broken writer or serialiser can cause it).
#[derive(Debug, thiserror::Error)]
#[error("cannot render the export: {0}")]
pub struct ExportError(String);

fn phone_use(u: PhoneUse) -> &'static str {
    match u {
        PhoneUse::Office => "office",
        PhoneUse::Mobile => "mobile",
        PhoneUse::AroundTheClock => "24x7",
    }
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Cells are typed by nominators and opened in spreadsheets: a leading
/// apostrophe keeps `=cmd(...)` (or a phone's `+`) from being run as a
/// formula (CSV injection). The import removes it again. A value that
/// itself starts with an apostrophe gets one more, so that the import,
/// which removes one, gives it back as it was (`'=x` → `''=x` → `'=x`).
pub fn guard_cell(cell: String) -> String {
    if cell.starts_with(FORMULA_START) || cell.starts_with('\'') {
        format!("'{cell}")
    } else {
        cell
    }
}

fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// The UTF-8 byte-order mark that tells a spreadsheet how the CSV is encoded.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A validated phone as a CSV cell: its use first, so that the cell never
/// starts like a formula and needs no visible guard, then the number in
/// groups (`office +44 20 7946 0204`).
fn phone_cell(number: &str, u: PhoneUse) -> String {
    format!("{} {}", phone_use(u), super::phone::grouped(number))
}

/// The CSV export: the byte-order mark, the header row, one row per PoC,
/// each marked in its `tlp` cell.
pub fn to_csv(entries: &[ExportEntry]) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    out.extend_from_slice(UTF8_BOM);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let err = |e: csv::Error| ExportError(e.to_string());
    w.write_record(EXPORT_COLUMNS).map_err(err)?;
    for e in entries {
        let d = &e.details;
        let phones: Vec<String> = d.phones.iter().map(|(n, u)| phone_cell(n, *u)).collect();
        let g = guard_cell;
        let cells = [
            TLP_LABEL.to_string(),
            g(e.participant.clone()),
            g(e.participant_name.clone()),
            d.role.as_str().to_string(),
            g(d.name.clone()),
            g(d.title.clone()),
            g(d.organisation.clone()),
            g(d.emails.join("; ")),
            // Validated numbers that start with their use: no formula can
            // hide there, so no guard shows.
            phones.join("; "),
            g(d.secure_channels.join("; ")),
            g(d.languages.join("; ")),
            g(d.time_zone.clone()),
            g(d.hours.clone()),
            g(d.notes.clone()),
            g(armored_key(d)),
        ];
        w.write_record(cells).map_err(err)?;
    }
    w.into_inner().map_err(|e| ExportError(e.to_string()))
}

#[derive(Serialize)]
struct JsonPhone<'a> {
    number: &'a str,
    #[serde(rename = "use")]
    phone_use: &'static str,
}

/// One record of the JSON export: the import's keys, plus the name.
#[derive(Serialize)]
struct JsonRecord<'a> {
    id: i64,
    participant: &'a str,
    participant_name: &'a str,
    role: &'static str,
    name: &'a str,
    title: &'a str,
    organisation: &'a str,
    emails: &'a [String],
    phones: Vec<JsonPhone<'a>>,
    secure_channels: &'a [String],
    languages: &'a [String],
    time_zone: &'a str,
    hours: &'a str,
    notes: &'a str,
    /// The armored OpenPGP public key, or empty.
    openpgp_key: &'a str,
}

/// The PoC's OpenPGP public key as armored text, or empty.
fn armored_key(d: &PocDetails) -> String {
    d.openpgp
        .as_ref()
        .map(|k| k.armored.clone())
        .unwrap_or_default()
}

#[derive(Serialize)]
struct JsonExport<'a> {
    tlp: &'static str,
    records: Vec<JsonRecord<'a>>,
}

pub fn to_json(entries: &[ExportEntry]) -> Result<Vec<u8>, ExportError> {
    let records = entries
        .iter()
        .map(|e| {
            let d = &e.details;
            JsonRecord {
                id: e.id,
                participant: &e.participant,
                participant_name: &e.participant_name,
                role: d.role.as_str(),
                name: &d.name,
                title: &d.title,
                organisation: &d.organisation,
                emails: &d.emails,
                phones: d
                    .phones
                    .iter()
                    .map(|(n, u)| JsonPhone {
                        number: n,
                        phone_use: phone_use(*u),
                    })
                    .collect(),
                secure_channels: &d.secure_channels,
                languages: &d.languages,
                time_zone: &d.time_zone,
                hours: &d.hours,
                notes: &d.notes,
                openpgp_key: d.openpgp.as_ref().map_or("", |k| k.armored.as_str()),
            }
        })
        .collect();
    serde_json::to_vec_pretty(&JsonExport {
        tlp: TLP_LABEL,
        records,
    })
    .map_err(|e| ExportError(e.to_string()))
}

/// Escapes a vCard TEXT value (RFC 6350 §3.4): backslash, comma,
/// semicolon and newlines.
pub fn vcard_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                // CRLF and a lone CR are one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 6350 §3.2): CRLF then one
/// space, never inside a UTF-8 character. Ends the line with CRLF.
pub fn vcard_fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            // The leading space counts towards the next line's 75 octets.
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn role_label(role: PocRole) -> &'static str {
    match role {
        PocRole::Diplomatic => "Diplomatic PoC",
        PocRole::Technical => "Technical PoC",
    }
}

/// One vCard 4.0 per PoC.
pub fn to_vcard(entries: &[ExportEntry]) -> String {
    let mut out = String::new();
    for e in entries {
        let d = &e.details;
        let mut lines: Vec<String> = vec![
            "BEGIN:VCARD".into(),
            "VERSION:4.0".into(),
            "KIND:individual".into(),
            format!("UID;VALUE=text:pocdir-poc-{}", e.id),
            format!("FN:{}", vcard_escape(&d.name)),
        ];
        // N is structured (family;given;…); names are not split reliably
        // across cultures, so the last word is the family name at best and
        // FN stays the authoritative form.
        let (given, family) = match d.name.trim().rsplit_once(' ') {
            Some((g, f)) => (g.trim(), f),
            None => ("", d.name.trim()),
        };
        lines.push(format!(
            "N:{};{};;;",
            vcard_escape(family),
            vcard_escape(given)
        ));
        lines.push(format!("ORG:{}", vcard_escape(&d.organisation)));
        if !d.title.is_empty() {
            lines.push(format!("TITLE:{}", vcard_escape(&d.title)));
        }
        lines.push(format!("ROLE:{}", role_label(d.role)));
        for (i, email) in d.emails.iter().enumerate() {
            let pref = if i == 0 { ";PREF=1" } else { "" };
            lines.push(format!("EMAIL;TYPE=work{pref}:{}", vcard_escape(email)));
        }
        for (number, u) in &d.phones {
            let params = match u {
                PhoneUse::Office => "TYPE=\"work,voice\"",
                PhoneUse::Mobile => "TYPE=\"work,cell\"",
                // Around the clock: the number to try first.
                PhoneUse::AroundTheClock => "TYPE=\"work,voice\";PREF=1",
            };
            lines.push(format!("TEL;VALUE=uri;{params}:tel:{number}"));
        }
        for (i, lang) in d.languages.iter().enumerate() {
            lines.push(format!("LANG;PREF={}:{lang}", i + 1));
        }
        lines.push(format!("TZ:{}", vcard_escape(&d.time_zone)));
        lines.push(format!(
            "CATEGORIES:{}",
            vcard_escape(&format!("{} ({})", e.participant_name, e.participant))
        ));
        let mut note = vec![
            TLP_LABEL.to_string(),
            format!("{} ({})", d.hours, d.time_zone),
        ];
        note.extend(d.secure_channels.iter().cloned());
        if !d.notes.is_empty() {
            note.push(d.notes.clone());
        }
        lines.push(format!("NOTE:{}", vcard_escape(&note.join("\n"))));
        if let Some(key) = &d.openpgp {
            // RFC 6350 §6.8.1: the key inline as a data URI; the armored text
            // is what mail clients import.
            use base64::Engine;
            lines.push(format!(
                "KEY;MEDIATYPE=application/pgp-keys:data:application/pgp-keys;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(key.armored.as_bytes())
            ));
        }
        lines.push(format!("X-TLP:{TLP_LABEL}"));
        lines.push("END:VCARD".into());
        for line in lines {
            vcard_fold(&line, &mut out);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Csv,
    Json,
}

impl ImportFormat {
    pub fn parse(s: &str) -> Option<ImportFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(ImportFormat::Csv),
            "json" => Some(ImportFormat::Json),
            _ => None,
        }
    }
}

/// A file that cannot be imported at all (as opposed to bad rows).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is larger than {MAX_IMPORT_BYTES} bytes")]
    TooLarge,
    #[error("more than {MAX_IMPORT_ROWS} rows")]
    TooManyRows,
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("the file holds no rows")]
    Empty,
    #[error("the file cannot be read as {0}: {1}")]
    Malformed(&'static str, String),
    #[error("missing column {0:?}")]
    MissingColumn(String),
    #[error("unknown column {0:?}")]
    UnknownColumn(String),
}

impl ImportError {
    /// Fluent message id.
    pub fn message_id(&self) -> &'static str {
        match self {
            ImportError::TooLarge => "exchange-error-too-large",
            ImportError::TooManyRows => "exchange-error-too-many-rows",
            ImportError::NotText => "exchange-error-not-text",
            ImportError::Empty => "exchange-error-empty",
            ImportError::Malformed(_, _) => "exchange-error-malformed",
            ImportError::MissingColumn(_) => "exchange-error-missing-column",
            ImportError::UnknownColumn(_) => "exchange-error-unknown-column",
        }
    }

    /// The column concerned, if any.
    pub fn column(&self) -> Option<&str> {
        match self {
            ImportError::MissingColumn(c) | ImportError::UnknownColumn(c) => Some(c),
            _ => None,
        }
    }
}

/// One row of an import, as read.
#[derive(Debug, Clone)]
pub struct ImportRow {
    /// 1-based, data rows only.
    pub row: usize,
    /// Upper-cased code.
    pub participant: String,
    pub draft: PocDraft,
    /// The validated PoC, when the draft passed every rule.
    pub details: Option<PocDetails>,
}

/// Something wrong in one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowProblem {
    pub row: usize,
    /// A column, or a field within one (`emails[1]`, `phones[0].use`).
    pub field: String,
    /// Fluent message id.
    pub message_id: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct ParsedImport {
    pub rows: Vec<ImportRow>,
    /// Every problem of every row, in row order.
    pub problems: Vec<RowProblem>,
}

impl ParsedImport {
    /// Rows with at least one problem.
    pub fn bad_rows(&self) -> BTreeSet<usize> {
        self.problems.iter().map(|p| p.row).collect()
    }

    /// Adds a problem found later (e.g. an unknown participant).
    pub fn add_problem(&mut self, row: usize, field: &str, message_id: &'static str) {
        self.problems.push(RowProblem {
            row,
            field: field.to_string(),
            message_id,
        });
        self.problems.sort_by_key(|p| p.row);
    }

    /// The rows without any problem, ready to be nominated.
    pub fn valid(&self) -> impl Iterator<Item = (&ImportRow, &PocDetails)> {
        let bad = self.bad_rows();
        self.rows
            .iter()
            .filter(move |r| !bad.contains(&r.row))
            .filter_map(|r| r.details.as_ref().map(|d| (r, d)))
    }
}

/// Reads an import file; every bad row is reported, not only the first.
/// `now` is the time keys are checked against (expiry).
pub fn parse_import(
    format: ImportFormat,
    bytes: &[u8],
    now: OffsetDateTime,
) -> Result<ParsedImport, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // Spreadsheets like to start UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw = match format {
        ImportFormat::Csv => csv_records(text)?,
        ImportFormat::Json => json_records(text)?,
    };
    if raw.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut parsed = ParsedImport::default();
    for (row, record) in raw {
        let mut problems = record.problems;
        let participant = record.participant.trim().to_ascii_uppercase();
        if participant.is_empty() {
            problems.push(("participant".into(), "poc-error-required"));
        } else if participant.chars().count() > 16
            || !participant.chars().all(|c| c.is_ascii_alphanumeric())
        {
            problems.push(("participant".into(), "exchange-error-participant"));
        }
        let details = match record.draft.validate(now) {
            Ok(d) => Some(d),
            Err(errors) => {
                problems.extend(
                    errors
                        .into_iter()
                        .map(|FieldError { field, message_id }| (field, message_id)),
                );
                None
            }
        };
        parsed
            .problems
            .extend(problems.into_iter().map(|(field, message_id)| RowProblem {
                row,
                field,
                message_id,
            }));
        parsed.rows.push(ImportRow {
            row,
            participant,
            draft: record.draft,
            details,
        });
    }
    Ok(parsed)
}

/// A record as read, before validation.
struct RawRecord {
    participant: String,
    draft: PocDraft,
    /// Problems of shape (a list where text was expected, a bad phone cell).
    problems: Vec<(String, &'static str)>,
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `office +41 22 917 1234` (the export's form: the use is the first
/// word) or `+41 22 917 1234 office` (the use is the last word).
fn split_phone(cell: &str) -> PhoneDraft {
    if let Some((u, number)) = cell.trim().split_once(' ') {
        if u.parse::<PhoneUse>().is_ok() {
            return PhoneDraft {
                number: number.trim().to_string(),
                phone_use: u.to_string(),
            };
        }
    }
    match cell.trim().rsplit_once(' ') {
        // A last word without digits is the use (validation checks it).
        Some((number, u))
            if u.parse::<PhoneUse>().is_ok() || !u.chars().any(|c| c.is_ascii_digit()) =>
        {
            PhoneDraft {
                number: number.trim().to_string(),
                phone_use: u.to_string(),
            }
        }
        // No use given: validation names the missing use.
        _ => PhoneDraft {
            number: cell.trim().to_string(),
            phone_use: String::new(),
        },
    }
}

fn csv_records(text: &str) -> Result<Vec<(usize, RawRecord)>, ImportError> {
    // The export's marking line is not part of the table.
    let body = match text.split_once('\n') {
        Some((first, rest)) if first.trim_start().starts_with("TLP:") => rest,
        None if text.trim_start().starts_with("TLP:") => "",
        _ => text,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let malformed = |e: csv::Error| ImportError::Malformed("CSV", e.to_string());
    let headers: Vec<String> = reader
        .headers()
        .map_err(malformed)?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(ImportError::Empty);
    }
    for h in &headers {
        if !EXPORT_COLUMNS.contains(&h.as_str()) {
            return Err(ImportError::UnknownColumn(h.clone()));
        }
    }
    for c in REQUIRED_COLUMNS {
        if !headers.iter().any(|h| h == c) {
            return Err(ImportError::MissingColumn(c.to_string()));
        }
    }
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 1;
        if row > MAX_IMPORT_ROWS {
            return Err(ImportError::TooManyRows);
        }
        let record = record.map_err(malformed)?;
        // A blank line in a spreadsheet export is not a row.
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut problems = Vec::new();
        if record.len() != headers.len() {
            problems.push(("row".to_string(), "exchange-error-cell-count"));
        }
        let cell = |name: &str| -> String {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .map(unguard_cell)
                .unwrap_or_default()
                .to_string()
        };
        let draft = PocDraft {
            role: cell("role"),
            name: cell("name"),
            title: cell("title"),
            organisation: cell("organisation"),
            emails: split_list(&cell("emails")),
            phones: split_list(&cell("phones"))
                .iter()
                .map(|p| split_phone(p))
                .collect(),
            secure_channels: split_list(&cell("secure_channels")),
            languages: split_list(&cell("languages")),
            time_zone: cell("time_zone"),
            hours: cell("hours"),
            notes: cell("notes"),
            openpgp_key: cell("openpgp_key"),
        };
        out.push((
            row,
            RawRecord {
                participant: cell("participant"),
                draft,
                problems,
            },
        ));
    }
    Ok(out)
}

fn json_records(text: &str) -> Result<Vec<(usize, RawRecord)>, ImportError> {
    use serde_json::Value;
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::Malformed("JSON", e.to_string()))?;
    // The export's shape (`{"tlp", "records"}`) or a bare list of records.
    let records = match value {
        Value::Array(a) => a,
        Value::Object(mut o) => match o.remove("records") {
            Some(Value::Array(a)) => a,
            _ => return Err(ImportError::MissingColumn("records".into())),
        },
        _ => {
            return Err(ImportError::Malformed(
                "JSON",
                "expected a list of records".into(),
            ))
        }
    };
    if records.len() > MAX_IMPORT_ROWS {
        return Err(ImportError::TooManyRows);
    }
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(i, v)| (i + 1, json_record(v)))
        .collect())
}

fn json_record(value: serde_json::Value) -> RawRecord {
    use serde_json::Value;
    let mut problems: Vec<(String, &'static str)> = Vec::new();
    let Value::Object(map) = value else {
        problems.push(("row".into(), "exchange-error-not-an-object"));
        return RawRecord {
            participant: String::new(),
            draft: PocDraft::default(),
            problems,
        };
    };
    for key in map.keys() {
        if !EXPORT_COLUMNS.contains(&key.as_str()) && key != "id" {
            problems.push((key.clone(), "exchange-error-unknown-field"));
        }
    }
    let mut text = |key: &str| -> String {
        match map.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => {
                problems.push((key.to_string(), "exchange-error-expected-text"));
                String::new()
            }
        }
    };
    let participant = text("participant");
    let role = text("role");
    let name = text("name");
    let title = text("title");
    let organisation = text("organisation");
    let time_zone = text("time_zone");
    let hours = text("hours");
    let notes = text("notes");
    let openpgp_key = text("openpgp_key");
    let mut list = |key: &str| -> Vec<String> {
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(s) => s.clone(),
                    _ => {
                        problems.push((format!("{key}[{i}]"), "exchange-error-expected-text"));
                        String::new()
                    }
                })
                .collect(),
            // One item given without brackets: accepted as a list of one.
            Some(Value::String(s)) => split_list(s),
            Some(_) => {
                problems.push((key.to_string(), "exchange-error-expected-list"));
                Vec::new()
            }
        }
    };
    let emails = list("emails");
    let secure_channels = list("secure_channels");
    let languages = list("languages");
    let phones = match map.get("phones") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(p) => {
                    let get = |k: &str| {
                        p.get(k)
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string()
                    };
                    PhoneDraft {
                        number: get("number"),
                        phone_use: get("use"),
                    }
                }
                Value::String(s) => split_phone(s),
                _ => {
                    problems.push((format!("phones[{i}]"), "exchange-error-expected-phone"));
                    PhoneDraft::default()
                }
            })
            .collect(),
        Some(_) => {
            problems.push(("phones".into(), "exchange-error-expected-list"));
            Vec::new()
        }
    };
    RawRecord {
        participant,
        draft: PocDraft {
            role,
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
            openpgp_key,
        },
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2027-01-15 12:00 UTC);
    const KEY: &str = include_str!("../../tests/fixtures/openpgp/ed25519.asc");

    fn entry(id: i64, code: &str, name: &str) -> ExportEntry {
        let draft = PocDraft {
            role: "technical".into(),
            name: name.into(),
            title: "Head, incident response; duty desk".into(),
            organisation: "CERT\\PK, National".into(),
            emails: vec![
                "duty@cert.example.org".into(),
                "alt@cert.example.org".into(),
            ],
            phones: vec![
                PhoneDraft {
                    number: "+92 51 9999 000".into(),
                    phone_use: "office".into(),
                },
                PhoneDraft {
                    number: "+923001234567".into(),
                    phone_use: "24x7".into(),
                },
            ],
            secure_channels: vec!["Signal: +923001234567".into()],
            languages: vec!["ur".into(), "en".into()],
            time_zone: "Asia/Karachi".into(),
            hours: "Mon-Fri 09:00-17:00".into(),
            notes: "Call first;\nthen e-mail, please".into(),
            openpgp_key: KEY.into(),
        };
        ExportEntry {
            id,
            participant: code.into(),
            participant_name: "Pakistan".into(),
            details: draft.validate(NOW).unwrap(),
        }
    }

    /// Undoes folding (RFC 6350 §3.2).
    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn vcard_text_is_escaped() {
        assert_eq!(vcard_escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        let card = to_vcard(&[entry(7, "PAK", "Ayesha Malik")]);
        let card = unfold(&card);
        assert!(
            card.contains("\r\nORG:CERT\\\\PK\\, National\r\n"),
            "{card}"
        );
        assert!(card.contains("\r\nTITLE:Head\\, incident response\\; duty desk\r\n"));
        assert!(card.contains("\r\nN:Malik;Ayesha;;;\r\n"));
        assert!(card.contains("\r\nTEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+923001234567\r\n"));
        assert!(card.contains("\r\nX-TLP:TLP:AMBER+STRICT\r\n"));
        // The OpenPGP key travels inline (RFC 6350 KEY, a data URI).
        let key_line = card
            .lines()
            .find_map(|l| {
                l.strip_prefix(
                    "KEY;MEDIATYPE=application/pgp-keys:data:application/pgp-keys;base64,",
                )
            })
            .expect("a KEY line");
        use base64::Engine;
        let armored = base64::engine::general_purpose::STANDARD
            .decode(key_line)
            .unwrap();
        assert!(String::from_utf8(armored)
            .unwrap()
            .starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
        assert!(card.contains("\r\nNOTE:TLP:AMBER+STRICT\\nMon-Fri"));
        assert!(card.contains("Call first\\;\\nthen e-mail\\, please"));
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
        assert!(card.ends_with("END:VCARD\r\n"));
    }

    #[test]
    fn vcard_lines_fold_at_75_octets_without_splitting_characters() {
        let long = "Ж".repeat(100) + &"x".repeat(100);
        let mut out = String::new();
        vcard_fold(&format!("FN:{long}"), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(out
            .split("\r\n")
            .skip(1)
            .filter(|l| !l.is_empty())
            .all(|l| l.starts_with(' ')));
        assert_eq!(unfold(&out), format!("FN:{long}\r\n"));
        // Every line of a whole card, too.
        let mut e = entry(1, "PAK", &"Long Name ".repeat(15));
        e.details.notes = "ü".repeat(300);
        let card = to_vcard(&[e]);
        assert!(card.split("\r\n").all(|l| l.len() <= 75));
        assert!(!card.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn csv_export_is_marked_and_imports_again_with_no_problem() {
        let entries = [
            entry(1, "PAK", "Ayesha Malik"),
            entry(2, "FRA", "Jean Dupont"),
        ];
        let csv = to_csv(&entries).unwrap();
        // For spreadsheets: the byte-order mark, then the header row.
        let text = String::from_utf8(csv.strip_prefix(UTF8_BOM).unwrap().to_vec()).unwrap();
        assert!(
            text.starts_with("tlp,participant,participant_name,role,"),
            "{text}"
        );
        // Every row carries the marking in its first cell.
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        for row in &rows {
            assert_eq!(&row[0], "TLP:AMBER+STRICT");
            assert_eq!(row.len(), EXPORT_COLUMNS.len());
        }
        let parsed = parse_import(ImportFormat::Csv, &csv, NOW).unwrap();
        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.rows.len(), 2);
        let back: Vec<&PocDetails> = parsed.valid().map(|(_, d)| d).collect();
        assert_eq!(back, [&entries[0].details, &entries[1].details]);
        assert_eq!(parsed.rows[1].participant, "FRA");
        // Validated phones: their use first, grouped, and no visible guard.
        assert!(
            text.contains(",office +92 51 9999000; 24x7 +92 300 1234567,"),
            "{text}"
        );
        assert!(!text.contains("'+"), "{text}");
        // An armored key starts like a formula (`-----BEGIN`): it keeps its guard.
        assert!(
            text.contains(",\"'-----BEGIN PGP PUBLIC KEY BLOCK-----"),
            "{text}"
        );
        let mut evil = entry(3, "PAK", "=HYPERLINK(\"http://x\")");
        evil.details.name = "=HYPERLINK(\"http://x\")".into();
        evil.details.notes = "+1 234".into();
        let csv = to_csv(&[evil.clone()]).unwrap();
        let text = String::from_utf8_lossy(&csv);
        // Free text that could be a formula keeps its guard.
        assert!(text.contains("\"'=HYPERLINK("), "{text}");
        assert!(text.contains(",'+1 234,"), "{text}");
        let parsed = parse_import(ImportFormat::Csv, &csv, NOW).unwrap();
        assert_eq!(parsed.rows[0].draft.name, evil.details.name);
        assert_eq!(parsed.rows[0].draft.notes, "+1 234");
    }

    #[test]
    fn arabic_and_chinese_names_survive_the_csv() {
        let mut e = entry(1, "SAU", "عائشة مالك");
        e.details.organisation = "国家计算机网络应急技术处理协调中心".into();
        let csv = to_csv(&[e.clone()]).unwrap();
        assert!(csv.starts_with(b"\xEF\xBB\xBFtlp,"));
        let parsed = parse_import(ImportFormat::Csv, &csv, NOW).unwrap();
        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.valid().next().unwrap().1, &e.details);
    }

    #[test]
    fn phones_are_read_with_their_use_first_or_last() {
        for (cell, number, phone_use) in [
            ("office +44 20 7946 0204", "+44 20 7946 0204", "office"),
            ("+442079460204 24x7", "+442079460204", "24x7"),
            ("24x7 +442079460204", "+442079460204", "24x7"),
            ("+44 20 7946 0204", "+44 20 7946 0204", ""),
        ] {
            let p = split_phone(cell);
            assert_eq!(
                (p.number.as_str(), p.phone_use.as_str()),
                (number, phone_use),
                "{cell}"
            );
        }
    }

    #[test]
    fn an_export_with_the_old_marking_line_still_imports() {
        let old = "TLP:AMBER+STRICT\r\nparticipant,role,name,organisation,emails,phones,languages,time_zone,hours\r\n\
PAK,technical,Ayesha Malik,CERT,a@example.org,'+923001234567 24x7,en,Asia/Karachi,24/7\r\n";
        let parsed = parse_import(ImportFormat::Csv, old.as_bytes(), NOW).unwrap();
        assert_eq!(parsed.problems, []);
        let d = parsed.valid().next().unwrap().1;
        assert_eq!(
            d.phones,
            [("+923001234567".to_string(), PhoneUse::AroundTheClock)]
        );
    }

    #[test]
    fn values_that_start_with_an_apostrophe_survive_the_formula_guard() {
        // Found by the property tests: the organisation `'-` came back as `-`.
        for value in ["'-", "'@", "'=1+1", "''", "'t Hooft", "'"] {
            let mut e = entry(1, "NLD", "Gerard Smit");
            e.details.organisation = value.into();
            let csv = to_csv(&[e]).unwrap();
            let parsed = parse_import(ImportFormat::Csv, &csv, NOW).unwrap();
            assert_eq!(parsed.rows[0].draft.organisation, value);
        }
    }

    #[test]
    fn json_export_is_marked_and_imports_again_with_no_problem() {
        let entries = [entry(1, "PAK", "Ayesha Malik")];
        let json = to_json(&entries).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["tlp"], "TLP:AMBER+STRICT");
        assert_eq!(v["records"][0]["phones"][1]["use"], "24x7");
        let parsed = parse_import(ImportFormat::Json, &json, NOW).unwrap();
        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.valid().next().unwrap().1, &entries[0].details);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_number_and_field() {
        let csv = "participant,role,name,organisation,emails,phones,languages,time_zone,hours\n\
PAK,technical,Ayesha Malik,CERT,a@example.org,+923001234567 24x7,en,Asia/Karachi,Mon-Fri 09:00-17:00\n\
FRA,military,Jean Dupont,ANSSI,not-an-email,,fr,Europe/Paris,Mon-Fri 09:00-17:00\n\
,technical,X,Y,x@example.org,+33 1 23 45 67 89 pager,fr,Mars/Base,always\n\
DEU,diplomatic,Anna,AA,anna@example.org,,de,Europe/Berlin,24/7\n";
        let parsed = parse_import(ImportFormat::Csv, csv.as_bytes(), NOW).unwrap();
        let got: Vec<(usize, &str)> = parsed
            .problems
            .iter()
            .map(|p| (p.row, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (2, "role"),
                (2, "emails[0]"),
                (3, "participant"),
                (3, "phones[0].use"),
                (3, "time_zone"),
                (3, "hours"),
            ]
        );
        assert_eq!(parsed.bad_rows().into_iter().collect::<Vec<_>>(), [2, 3]);
        let valid: Vec<usize> = parsed.valid().map(|(r, _)| r.row).collect();
        assert_eq!(valid, [1, 4]);
    }

    #[test]
    fn json_rows_with_the_wrong_shape_are_reported() {
        let json =
            r#"[{"participant": "PAK", "role": "technical", "name": 5, "colour": "red"}, 3]"#;
        let parsed = parse_import(ImportFormat::Json, json.as_bytes(), NOW).unwrap();
        let fields: Vec<(usize, &str)> = parsed
            .problems
            .iter()
            .map(|p| (p.row, p.field.as_str()))
            .collect();
        assert!(fields.contains(&(1, "colour")));
        assert!(fields.contains(&(1, "name")));
        assert!(fields.contains(&(2, "row")));
    }

    #[test]
    fn files_that_cannot_be_imported() {
        assert_eq!(
            parse_import(ImportFormat::Csv, &vec![b'a'; MAX_IMPORT_BYTES + 1], NOW).unwrap_err(),
            ImportError::TooLarge
        );
        let mut many =
            String::from("participant,role,name,organisation,emails,languages,time_zone,hours\n");
        for _ in 0..=MAX_IMPORT_ROWS {
            many.push_str("PAK,technical,A,B,a@example.org,en,UTC,24/7\n");
        }
        assert_eq!(
            parse_import(ImportFormat::Csv, many.as_bytes(), NOW).unwrap_err(),
            ImportError::TooManyRows
        );
        assert_eq!(
            parse_import(ImportFormat::Csv, b"participant,role\nPAK,technical\n", NOW).unwrap_err(),
            ImportError::MissingColumn("name".into())
        );
        assert!(matches!(
            parse_import(ImportFormat::Csv, b"participant,rank\n", NOW).unwrap_err(),
            ImportError::UnknownColumn(c) if c == "rank"
        ));
        assert_eq!(
            parse_import(ImportFormat::Csv, &[0xff, 0xfe], NOW).unwrap_err(),
            ImportError::NotText
        );
        assert_eq!(
            parse_import(ImportFormat::Json, b"[]", NOW).unwrap_err(),
            ImportError::Empty
        );
        assert!(matches!(
            parse_import(ImportFormat::Json, b"{", NOW).unwrap_err(),
            ImportError::Malformed("JSON", _)
        ));
    }
}
