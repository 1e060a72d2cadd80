//! The file a secretariat fills in to import nominations: the columns the
//! import reads, which of them it requires, and one example row, as CSV
//! that spreadsheets open as UTF-8 (a byte-order mark, the header first).

/// One column of the import, as the template and the import page name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateColumn {
    /// The header, as the import reads it.
    pub name: &'static str,
    /// The import refuses a file without this column.
    pub required: bool,
    /// The example row's cell.
    pub example: &'static str,
}

impl TemplateColumn {
    /// The message that explains what to write in the column.
    pub fn help_message(self) -> &'static str {
        match self.name {
            "participant" => "forms-import-col-participant",
            "role" => "forms-import-col-role",
            "name" => "forms-import-col-name",
            "title" => "forms-import-col-title",
            "organisation" => "forms-import-col-organisation",
            "emails" => "forms-import-col-emails",
            "phones" => "forms-import-col-phones",
            "secure_channels" => "forms-import-col-secure-channels",
            "languages" => "forms-import-col-languages",
            "time_zone" => "forms-import-col-time-zone",
            "hours" => "forms-import-col-hours",
            "notes" => "forms-import-col-notes",
            _ => "forms-import-col-openpgp-key",
        }
    }
}

const fn col(name: &'static str, required: bool, example: &'static str) -> TemplateColumn {
    TemplateColumn {
        name,
        required,
        example,
    }
}

/// The columns of the template, in order, with the example row.
pub const TEMPLATE_COLUMNS: [TemplateColumn; 13] = [
    col("participant", true, "PAK"),
    col("role", true, "technical"),
    col("name", true, "Ayesha Malik"),
    col("title", false, "Head of incident response"),
    col("organisation", true, "PKCERT"),
    col(
        "emails",
        true,
        "ayesha.malik@cert.example.org;incident@cert.example.org",
    ),
    col(
        "phones",
        false,
        "+92 51 9204 567 office;+92 300 123 4567 24x7",
    ),
    col("secure_channels", false, "Signal: +92 300 123 4567"),
    col("languages", true, "en;ur"),
    col("time_zone", true, "Asia/Karachi"),
    col("hours", true, "Mon-Fri 09:00-17:00"),
    col("notes", false, "Example row: replace it with your own."),
    col("openpgp_key", false, ""),
];

/// The template: UTF-8 with a byte-order mark (so that spreadsheets read
/// Arabic and Chinese names right), the header on the first line, one
/// example row, lines ended by CRLF as RFC 4180 has them.
pub fn import_template_csv() -> Vec<u8> {
    let line = |cells: Vec<&str>| cells.into_iter().map(quote).collect::<Vec<_>>().join(",");
    let header = line(TEMPLATE_COLUMNS.iter().map(|c| c.name).collect());
    let example = line(TEMPLATE_COLUMNS.iter().map(|c| c.example).collect());
    format!("\u{feff}{header}\r\n{example}\r\n").into_bytes()
}

/// A CSV cell, quoted when it holds a separator, a quote or a line break.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
    use super::*;
    use crate::directory::exchange::{parse_import, ImportError, ImportFormat};
    use time::macros::datetime;

    const NOW: time::OffsetDateTime = datetime!(2027-01-15 12:00 UTC);

    #[test]
    fn the_template_is_utf8_with_a_bom_and_its_header_first() {
        let t = import_template_csv();
        assert!(t.starts_with("\u{feff}participant,role,name,".as_bytes()));
        let text = String::from_utf8(t).unwrap();
        assert_eq!(text.lines().count(), 2, "a header and one example row");
    }

    #[test]
    fn the_example_row_imports_without_a_problem() {
        let parsed = parse_import(ImportFormat::Csv, &import_template_csv(), NOW).unwrap();
        assert_eq!(parsed.problems, vec![], "the template's own row is valid");
        assert_eq!(parsed.rows.len(), 1);
        let (row, details) = parsed.valid().next().unwrap();
        assert_eq!(row.participant, "PAK");
        assert_eq!(details.name, "Ayesha Malik");
        assert_eq!(details.phones.len(), 2);
        assert_eq!(details.emails.len(), 2);
    }

    /// What the template calls required is what the import requires.
    #[test]
    fn required_columns_are_those_the_import_requires() {
        for (i, column) in TEMPLATE_COLUMNS.iter().enumerate() {
            let keep = |cells: Vec<&'static str>| {
                cells
                    .into_iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, c)| quote(c))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let file = format!(
                "{}\n{}\n",
                keep(TEMPLATE_COLUMNS.iter().map(|c| c.name).collect()),
                keep(TEMPLATE_COLUMNS.iter().map(|c| c.example).collect()),
            );
            match parse_import(ImportFormat::Csv, file.as_bytes(), NOW) {
                Err(ImportError::MissingColumn(c)) => {
                    assert!(column.required, "{c} is required by the import");
                    assert_eq!(c, column.name);
                }
                Ok(parsed) => {
                    assert!(!column.required, "{} is not required", column.name);
                    assert_eq!(parsed.problems, vec![], "without {}", column.name);
                }
                Err(e) => panic!("without {}: {e:?}", column.name),
            }
        }
    }
}
