//! The import's template file and the import page's explanation of its
//! columns, both from the one list of columns the import reads.

use crate::directory::exchange::ImportPage;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use pocdir_domain::directory::import_template::{import_template_csv, TEMPLATE_COLUMNS};

/// One column, as the import page explains it.
pub struct ColumnHelp {
    pub name: &'static str,
    pub required: bool,
    /// What to write, in the reader's language.
    pub help: String,
    pub example: &'static str,
}

impl ImportPage {
    /// The columns of the template, explained in the reader's language.
    pub fn template_columns(&self) -> Vec<ColumnHelp> {
        TEMPLATE_COLUMNS
            .iter()
            .map(|c| ColumnHelp {
                name: c.name,
                required: c.required,
                help: self.page.t(c.help_message()),
                example: c.example,
            })
            .collect()
    }
}

/// The template: a CSV file to fill in and import (UTF-8 with a BOM, the
/// header first, one example row). It holds no one's details.
pub async fn import_template() -> Response {
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"pocdir-import-template.csv\""),
            ),
        ],
        import_template_csv(),
    )
        .into_response()
}
