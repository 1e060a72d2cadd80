//! Export of the directory (CSV, JSON, vCard) and the secretariat's import
//! of nominations (API and page).
//!
//! An export holds exactly what the reader may see with contact details
//! (the access policy's `directory_view`), filtered like the directory
//! search, and every exported PoC of another State is logged as a read
//! with path `export`, all in one append. An import is checked row by row;
//! it writes nothing unless every row is good or the operator accepts the
//! valid rows explicitly, and then writes them in one transaction.

use crate::directory::pocs::{access, pocs, refuse};
use crate::directory::search::{shows_people, views_of, DirectoryQuery};
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::QueryParams;
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::body::{to_bytes, Body};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_directory::export;
use pocdir_domain::directory::exchange::{
    parse_import, ExportEntry, ExportFormat, ImportError, ImportFormat, ParsedImport,
    MAX_IMPORT_BYTES, TLP_LABEL,
};
use pocdir_i18n::{FluentArg, Lang, Translator};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::{IntoParams, ToSchema};

/// The largest upload the import page accepts: the file plus the form.
pub const MAX_UPLOAD_BYTES: usize = MAX_IMPORT_BYTES + 64 * 1024;

/// The export's format.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ExportParams {
    /// `csv`, `json` or `vcard`.
    pub format: String,
}

/// Every entry `me` may see with contact details that the search admits,
/// all pages at once, each with its version (for the read's log entry).
pub(crate) async fn entries_to_export(
    state: &AppState,
    me: &SignedIn,
    query: &DirectoryQuery,
) -> Result<Vec<(ExportEntry, i64)>, AppError> {
    let search = query.to_search()?;
    let snapshot = state.directory.snapshot().await?;
    let view = views_of(me, &snapshot);
    // Asking for one State's entries that one may not see is a refusal,
    // logged like the others; without a filter, the export simply holds
    // what one may see.
    let wanted = search.participant.trim().to_ascii_uppercase();
    if let Some(p) = snapshot.participants.get(&wanted) {
        if !shows_people(view(p)) {
            return Err(refuse(state, me, &format!("export:participant:{wanted}"), &wanted).await);
        }
    }
    Ok(export::export_entries(
        &snapshot,
        &me.actor,
        &search,
        state.clock.now(),
    ))
}

#[utoipa::path(get, path = "/api/v1/pocs/export", tag = "pocs",
    params(ExportParams, DirectoryQuery),
    responses(
        (status = 200, description = "Every active PoC this account may see with contact details that the filters admit (paging ignored), marked TLP:AMBER+STRICT in the file (CSV: UTF-8 with a byte-order mark, the header row first, the label in the `tlp` column of every row), in its name and in the `TLP` header; every exported PoC of another State is logged as a read with path `export`",
            content((String = "text/csv"), (String = "application/json"), (String = "text/vcard"))),
        (status = 403, description = "No contact details for this account (auditor, reporter), or a State it may not see (logged)", body = ErrorBody),
        (status = 422, description = "Unknown format, or a filter is not valid", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn export(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(params): QueryParams<ExportParams>,
    QueryParams(query): QueryParams<DirectoryQuery>,
) -> Result<Response, AppError> {
    let format = ExportFormat::parse(&params.format).ok_or_else(|| {
        AppError::invalid_fields(vec![("format".into(), "exchange-error-format")])
    })?;
    let found = entries_to_export(&state, &me, &query).await?;
    let now = state.clock.now();
    let read: Vec<(String, i64, i64)> = found
        .iter()
        .map(|(e, version)| (e.participant.clone(), e.id, *version))
        .collect();
    let entries: Vec<ExportEntry> = found.into_iter().map(|(e, _)| e).collect();
    let body = format.render(&entries).map_err(|e| {
        tracing::error!(error = %e, "export failed");
        AppError::internal()
    })?;
    // The reads are on record before anything leaves: one append, one transaction.
    access(&state)
        .record_export(
            &me.requester(),
            read.iter()
                .map(|(code, id, version)| (code.as_str(), *id, *version)),
        )
        .await?;
    tracing::info!(
        account = me.account.id,
        entries = entries.len(),
        format = format.extension(),
        "directory exported"
    );
    let day = crate::http::format::format_day(now);
    // The marking travels with the file's name too (`:` is not allowed in
    // file names on every system, hence `TLP-AMBER+STRICT`).
    let marking = TLP_LABEL.replace(':', "-");
    let filename = format!("pocdir-directory-{day}-{marking}.{}", format.extension());
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert("tlp", HeaderValue::from_static(TLP_LABEL));
    // Contact details: never kept in caches on the way.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok((StatusCode::OK, headers, body).into_response())
}

/// How an import is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Check every row, write nothing.
    DryRun,
    /// Write every row, or nothing if any row is bad.
    Commit,
    /// Write the valid rows, leaving out the bad ones (the operator's explicit choice).
    AcceptValid,
}

impl ImportMode {
    pub fn parse(s: &str) -> Option<ImportMode> {
        match s.trim() {
            "dry_run" | "" => Some(ImportMode::DryRun),
            "commit" => Some(ImportMode::Commit),
            "accept_valid" => Some(ImportMode::AcceptValid),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ImportMode::DryRun => "dry_run",
            ImportMode::Commit => "commit",
            ImportMode::AcceptValid => "accept_valid",
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ImportParams {
    /// `csv` or `json`.
    pub format: String,
    /// `dry_run` (the default: check, write nothing), `commit` (all rows or
    /// nothing) or `accept_valid` (the valid rows, leaving out the bad ones).
    pub mode: String,
}

/// One problem of one row.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProblemBody {
    /// 1-based, data rows only (not the marking line nor the header row).
    pub row: usize,
    /// A column, or a field within one (`emails[1]`).
    pub field: String,
    /// Stable message id, e.g. `poc-error-email`.
    pub code: String,
    /// In English.
    pub message: String,
}

/// What an import found and did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReport {
    /// `dry_run`, `commit` or `accept_valid`.
    pub mode: String,
    /// Rows read.
    pub rows: usize,
    pub valid_rows: usize,
    /// Numbers of the rows with at least one problem.
    pub bad_rows: Vec<usize>,
    /// Nominations written (awaiting verification); 0 on a dry run or a refusal.
    pub imported: usize,
    /// Ids of the nominations written.
    pub ids: Vec<i64>,
    pub problems: Vec<ImportProblemBody>,
}

/// An import checked, and perhaps written.
struct Outcome {
    parsed: ParsedImport,
    mode: ImportMode,
    ids: Vec<i64>,
    /// Nothing written because bad rows were not accepted (or none was valid).
    refused: bool,
}

impl Outcome {
    fn report(&self) -> ImportReport {
        let en = Translator::new(Lang::En);
        ImportReport {
            mode: self.mode.as_str().to_string(),
            rows: self.parsed.rows.len(),
            valid_rows: self.parsed.valid().count(),
            bad_rows: self.parsed.bad_rows().into_iter().collect(),
            imported: self.ids.len(),
            ids: self.ids.clone(),
            problems: self
                .parsed
                .problems
                .iter()
                .map(|p| ImportProblemBody {
                    row: p.row,
                    field: p.field.clone(),
                    code: p.message_id.to_string(),
                    message: en.t(p.message_id),
                })
                .collect(),
        }
    }
}

fn import_error(e: &ImportError) -> AppError {
    let error = match e {
        ImportError::TooLarge => AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            e.message_id(),
        ),
        _ => AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "import_unreadable",
            e.message_id(),
        ),
    };
    error
        .with_arg(
            "max_rows",
            FluentArg::Number(
                i64::try_from(pocdir_domain::directory::exchange::MAX_IMPORT_ROWS)
                    .unwrap_or(i64::MAX),
            ),
        )
        .with_arg(
            "max_mib",
            FluentArg::Number(i64::try_from(MAX_IMPORT_BYTES / (1024 * 1024)).unwrap_or(0)),
        )
        .with_arg(
            "column",
            FluentArg::Text(e.column().unwrap_or_default().to_string()),
        )
}

/// Checks every row and, if the mode allows it, writes the valid ones in
/// one transaction (the API and the page).
async fn run_import(
    state: &AppState,
    me: &SignedIn,
    format: ImportFormat,
    mode: ImportMode,
    bytes: &[u8],
) -> Result<Outcome, AppError> {
    let mut parsed =
        parse_import(format, bytes, state.clock.now()).map_err(|e| import_error(&e))?;
    let known: HashSet<String> = state
        .store
        .participants()
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let unknown: Vec<usize> = parsed
        .rows
        .iter()
        .filter(|r| !r.participant.is_empty() && !known.contains(&r.participant))
        .map(|r| r.row)
        .collect();
    for row in unknown {
        let already = parsed
            .problems
            .iter()
            .any(|p| p.row == row && p.field == "participant");
        if !already {
            parsed.add_problem(row, "participant", "exchange-error-unknown-participant");
        }
    }
    let has_bad = !parsed.bad_rows().is_empty();
    let valid = parsed.valid().count();
    let refused = match mode {
        ImportMode::DryRun => false,
        ImportMode::Commit => has_bad,
        ImportMode::AcceptValid => valid == 0,
    };
    let mut ids = Vec::new();
    if mode != ImportMode::DryRun && !refused {
        let nominations: Vec<_> = parsed
            .valid()
            .map(|(row, details)| (row.participant.clone(), details.clone()))
            .collect();
        let written = pocs(state).import(&me.requester(), &nominations).await?;
        ids = written.iter().map(|p| p.id).collect();
        tracing::info!(
            account = me.account.id,
            imported = ids.len(),
            left_out = parsed.bad_rows().len(),
            "nominations imported"
        );
    }
    Ok(Outcome {
        parsed,
        mode,
        ids,
        refused,
    })
}

fn parse_mode(s: &str) -> Result<ImportMode, AppError> {
    ImportMode::parse(s)
        .ok_or_else(|| AppError::invalid_fields(vec![("mode".into(), "exchange-error-mode")]))
}

fn parse_format(s: &str) -> Result<ImportFormat, AppError> {
    ImportFormat::parse(s).ok_or_else(|| {
        AppError::invalid_fields(vec![("format".into(), "exchange-error-import-format")])
    })
}

/// The body of a request, up to the import's limit.
async fn read_body(body: Body) -> Result<axum::body::Bytes, AppError> {
    to_bytes(body, MAX_UPLOAD_BYTES)
        .await
        .map_err(|_| import_error(&ImportError::TooLarge))
}

#[utoipa::path(post, path = "/api/v1/pocs/import", tag = "pocs",
    params(ImportParams),
    request_body(description = "The file: CSV (UTF-8, a byte-order mark and a first `TLP:` line are skipped; columns tlp (ignored), participant, role, name, title, organisation, emails, phones, secure_channels, languages, time_zone, hours, notes; lists separated by `;`, phones as `use +E164` or `+E164 use`) or JSON (a list of records, or the export's `{\"tlp\", \"records\"}`)",
        content((String = "text/csv"), (String = "application/json"))),
    responses(
        (status = 200, description = "Dry run: every row's problems; nothing written", body = ImportReport),
        (status = 201, description = "Written: the valid rows are nominations awaiting verification, all in one transaction", body = ImportReport),
        (status = 403, description = "The secretariat only", body = ErrorBody),
        (status = 409, description = "`participant_missing`: a participant of the file was removed while it was written; nothing written", body = ErrorBody),
        (status = 413, description = "Larger than 5 MiB", body = ErrorBody),
        (status = 422, description = "The file cannot be read, or (commit) some rows are bad: nothing written; the error carries `report`", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn import_api(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(params): QueryParams<ImportParams>,
    body: Body,
) -> Result<Response, AppError> {
    let format = parse_format(&params.format)?;
    let mode = parse_mode(&params.mode)?;
    let bytes = read_body(body).await?;
    let outcome = run_import(&state, &me, format, mode, &bytes).await?;
    let report = outcome.report();
    if outcome.refused {
        let en = Translator::new(Lang::En);
        let message_id = if mode == ImportMode::AcceptValid {
            "exchange-error-nothing-valid"
        } else {
            "exchange-error-bad-rows"
        };
        // The error shape, with the whole report alongside.
        let body = serde_json::json!({
            "error": {
                "code": "import_has_bad_rows",
                "message": en.t(message_id),
                "fields": report.problems.iter().map(|p| serde_json::json!({
                    "field": format!("rows[{}].{}", p.row, p.field),
                    "message": p.message,
                })).collect::<Vec<_>>(),
            },
            "report": report,
        });
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response());
    }
    let status = if mode == ImportMode::DryRun {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, axum::Json(report)).into_response())
}

/// One problem, as the page shows it.
pub struct ProblemRow {
    pub row: usize,
    pub field: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "directory/import.html")]
pub struct ImportPage {
    pub page: PageCtx,
    /// The file as text, carried to the confirming buttons after a dry run.
    pub content: String,
    pub format: String,
    pub checked: bool,
    pub rows: i64,
    pub valid_rows: i64,
    pub bad_rows: i64,
    pub problems: Vec<ProblemRow>,
    pub refused: bool,
    pub error: Option<String>,
}

impl ImportPage {
    fn empty(page: PageCtx) -> ImportPage {
        ImportPage {
            page,
            content: String::new(),
            format: "csv".into(),
            checked: false,
            rows: 0,
            valid_rows: 0,
            bad_rows: 0,
            problems: Vec::new(),
            refused: false,
            error: None,
        }
    }
}

pub async fn import_form(page: PageCtx) -> Response {
    render(StatusCode::OK, &ImportPage::empty(page))
}

/// The form as posted (a file upload).
struct ImportForm {
    format: String,
    mode: String,
    /// The uploaded file, or the text carried from the dry run.
    data: Vec<u8>,
    filename: String,
}

fn read_form(headers: &HeaderMap, bytes: &[u8]) -> Option<ImportForm> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())?;
    let boundary = crate::http::multipart::boundary(content_type)?;
    let parts = crate::http::multipart::parse(&boundary, bytes)?;
    let text = |name: &str| {
        parts
            .iter()
            .find(|p| p.name == name)
            .map(|p| String::from_utf8_lossy(p.data).into_owned())
            .unwrap_or_default()
    };
    let file = parts
        .iter()
        .find(|p| p.name == "file" && !p.data.is_empty());
    let (data, filename) = match file {
        Some(f) => (f.data.to_vec(), f.filename.clone().unwrap_or_default()),
        None => (text("content").into_bytes(), String::new()),
    };
    Some(ImportForm {
        format: text("format"),
        mode: text("mode"),
        data,
        filename,
    })
}

pub async fn import_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    let bytes = read_body(body).await?;
    let form =
        read_form(&headers, &bytes).ok_or_else(|| AppError::bad_request("error-bad-form"))?;
    // The file's name decides when the operator left the format to us.
    let format_name = match form.format.trim() {
        "" | "auto" if form.filename.to_ascii_lowercase().ends_with(".json") => "json",
        "" | "auto" => "csv",
        f => f,
    }
    .to_string();
    let format = parse_format(&format_name)?;
    let mode = parse_mode(&form.mode)?;
    let mut view = ImportPage::empty(page);
    view.format = format_name;
    if form.data.is_empty() {
        view.error = Some(view.page.t("exchange-error-no-file"));
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
    }
    let outcome = match run_import(&state, &me, format, mode, &form.data).await {
        Ok(o) => o,
        Err(e) if e.status.is_client_error() => {
            view.error = Some(e.message(view.page.lang));
            return Ok(render(e.status, &view));
        }
        Err(e) => return Err(e),
    };
    view.checked = true;
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    view.rows = count(outcome.parsed.rows.len());
    view.valid_rows = count(outcome.parsed.valid().count());
    view.bad_rows = count(outcome.parsed.bad_rows().len());
    view.problems = outcome
        .parsed
        .problems
        .iter()
        .map(|p| ProblemRow {
            row: p.row,
            field: p.field.clone(),
            message: view.page.t(p.message_id),
        })
        .collect();
    view.refused = outcome.refused;
    let status = if outcome.refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    if mode == ImportMode::DryRun || outcome.refused {
        // Carried to the buttons; the file was UTF-8 or parsing would have failed.
        view.content = String::from_utf8_lossy(&form.data).into_owned();
        Ok(render(status, &view))
    } else {
        // Written: to the queue, where the nominations now wait, confirmed
        // (a reload of the queue cannot send the file again).
        Ok(crate::http::page::see_other_done(
            &crate::http::page::safe_next(Some("/nominations"), "/nominations"),
            "done-imported",
        ))
    }
}
