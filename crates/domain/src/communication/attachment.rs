//! Attachments: a few file types, recognised by their content (never by
//! their name alone), within size limits.

use serde::{Deserialize, Serialize};

/// At most this many files on one communication.
pub const MAX_FILES: usize = 5;
/// Each file at most 5 MiB, all of them at most 10 MiB: enough for a
/// report, logs or screenshots; the compose route's body limit follows.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: usize = 10 * 1024 * 1024;
const MAX_NAME_CHARS: usize = 120;

/// The types a communication may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentType {
    Pdf,
    Png,
    Jpeg,
    /// UTF-8 text: logs, indicators, CSV, JSON (STIX).
    Text,
    /// A file encrypted end to end (`e2e::check_sealed_files`): what it
    /// holds is known only to its readers, so it is never one of the
    /// types above and never served as anything but bytes to save.
    #[serde(rename = "openpgp")]
    OpenPgp,
}

impl AttachmentType {
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentType::Pdf => "pdf",
            AttachmentType::Png => "png",
            AttachmentType::Jpeg => "jpeg",
            AttachmentType::Text => "text",
            AttachmentType::OpenPgp => "openpgp",
        }
    }

    pub fn parse(s: &str) -> Option<AttachmentType> {
        match s {
            "pdf" => Some(AttachmentType::Pdf),
            "png" => Some(AttachmentType::Png),
            "jpeg" => Some(AttachmentType::Jpeg),
            "text" => Some(AttachmentType::Text),
            "openpgp" => Some(AttachmentType::OpenPgp),
            _ => None,
        }
    }

    /// The media type it is served with.
    pub fn media_type(self) -> &'static str {
        match self {
            AttachmentType::Pdf => "application/pdf",
            AttachmentType::Png => "image/png",
            AttachmentType::Jpeg => "image/jpeg",
            AttachmentType::Text => "text/plain; charset=utf-8",
            AttachmentType::OpenPgp => "application/octet-stream",
        }
    }

    /// The file-name endings that may carry this type.
    fn endings(self) -> &'static [&'static str] {
        match self {
            AttachmentType::Pdf => &["pdf"],
            AttachmentType::Png => &["png"],
            AttachmentType::Jpeg => &["jpg", "jpeg"],
            AttachmentType::Text => &["txt", "log", "csv", "json", "xml", "md", "asc"],
            AttachmentType::OpenPgp => &["pgp"],
        }
    }

    /// What the content is, read from its bytes; None when not allowed.
    pub fn of_content(bytes: &[u8]) -> Option<AttachmentType> {
        match infer::get(bytes).map(|t| t.mime_type()) {
            Some("application/pdf") => Some(AttachmentType::Pdf),
            Some("image/png") => Some(AttachmentType::Png),
            Some("image/jpeg") => Some(AttachmentType::Jpeg),
            Some(_) => None,
            None => {
                let text = std::str::from_utf8(bytes).ok()?;
                let plain = text
                    .chars()
                    .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
                plain.then_some(AttachmentType::Text)
            }
        }
    }
}

/// A file as uploaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentDraft {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A file that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub file_type: AttachmentType,
    pub bytes: Vec<u8>,
}

/// What is wrong with the files (a Fluent id each, with the file's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentProblem {
    TooMany,
    TooLargeInAll,
    TooLarge(String),
    Empty(String),
    BadName(String),
    /// The content is none of the allowed types.
    TypeNotAllowed(String),
    /// The content is an allowed type but the name says another.
    NameDisagrees(String),
}

impl AttachmentProblem {
    pub fn message_id(&self) -> &'static str {
        match self {
            AttachmentProblem::TooMany => "comm-error-attachments-too-many",
            AttachmentProblem::TooLargeInAll => "comm-error-attachments-too-large",
            AttachmentProblem::TooLarge(_) => "comm-error-attachment-too-large",
            AttachmentProblem::Empty(_) => "comm-error-attachment-empty",
            AttachmentProblem::BadName(_) => "comm-error-attachment-name",
            AttachmentProblem::TypeNotAllowed(_) => "comm-error-attachment-type",
            AttachmentProblem::NameDisagrees(_) => "comm-error-attachment-mismatch",
        }
    }

    pub const MESSAGE_IDS: [&'static str; 7] = [
        "comm-error-attachments-too-many",
        "comm-error-attachments-too-large",
        "comm-error-attachment-too-large",
        "comm-error-attachment-empty",
        "comm-error-attachment-name",
        "comm-error-attachment-type",
        "comm-error-attachment-mismatch",
    ];

    /// The file the problem is about, if one.
    pub fn file(&self) -> Option<&str> {
        match self {
            AttachmentProblem::TooMany | AttachmentProblem::TooLargeInAll => None,
            AttachmentProblem::TooLarge(n)
            | AttachmentProblem::Empty(n)
            | AttachmentProblem::BadName(n)
            | AttachmentProblem::TypeNotAllowed(n)
            | AttachmentProblem::NameDisagrees(n) => Some(n),
        }
    }
}

/// Checks the files; all problems, or the files with their types.
pub fn check_attachments(
    drafts: Vec<AttachmentDraft>,
) -> Result<Vec<Attachment>, Vec<AttachmentProblem>> {
    let mut problems = Vec::new();
    if drafts.len() > MAX_FILES {
        problems.push(AttachmentProblem::TooMany);
    }
    if drafts.iter().map(|d| d.bytes.len()).sum::<usize>() > MAX_TOTAL_BYTES {
        problems.push(AttachmentProblem::TooLargeInAll);
    }
    let mut files = Vec::new();
    for draft in drafts {
        // Only the last part of a path a browser might send, and no
        // characters that would confuse a header or a file system.
        let name = draft
            .name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        let name_ok = !name.is_empty()
            && name.chars().count() <= MAX_NAME_CHARS
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'));
        if !name_ok {
            problems.push(AttachmentProblem::BadName(draft.name.clone()));
            continue;
        }
        if draft.bytes.is_empty() {
            problems.push(AttachmentProblem::Empty(name));
            continue;
        }
        if draft.bytes.len() > MAX_FILE_BYTES {
            problems.push(AttachmentProblem::TooLarge(name));
            continue;
        }
        let Some(file_type) = AttachmentType::of_content(&draft.bytes) else {
            problems.push(AttachmentProblem::TypeNotAllowed(name));
            continue;
        };
        let ending = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !file_type.endings().contains(&ending.as_str()) {
            problems.push(AttachmentProblem::NameDisagrees(name));
            continue;
        }
        files.push(Attachment {
            name,
            file_type,
            bytes: draft.bytes,
        });
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn draft(name: &str, bytes: &[u8]) -> AttachmentDraft {
        AttachmentDraft {
            name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff";

    #[test]
    fn types_come_from_the_content() {
        let files = check_attachments(vec![
            draft("C:\\Users\\x\\report.pdf", PDF),
            draft("screen.PNG", PNG),
            draft("iocs.csv", b"ip,first_seen\n203.0.113.7,2026-11-30\n"),
        ])
        .unwrap();
        assert_eq!(files[0].name, "report.pdf");
        assert_eq!(files[0].file_type, AttachmentType::Pdf);
        assert_eq!(files[1].file_type, AttachmentType::Png);
        assert_eq!(files[2].file_type, AttachmentType::Text);
    }

    #[test]
    fn mistyped_oversized_and_too_many_are_refused() {
        let problems = check_attachments(vec![
            draft("report.pdf", EXE),
            draft("report.pdf", PNG),
            draft("notes.txt", b"binary\0inside"),
            draft("big.txt", &vec![b'a'; MAX_FILE_BYTES + 1]),
            draft("", b"x"),
            draft("empty.txt", b""),
        ])
        .unwrap_err();
        assert_eq!(
            problems,
            vec![
                AttachmentProblem::TooMany,
                AttachmentProblem::TypeNotAllowed("report.pdf".into()),
                AttachmentProblem::NameDisagrees("report.pdf".into()),
                AttachmentProblem::TypeNotAllowed("notes.txt".into()),
                AttachmentProblem::TooLarge("big.txt".into()),
                AttachmentProblem::BadName(String::new()),
                AttachmentProblem::Empty("empty.txt".into()),
            ]
        );
        for p in &problems {
            assert!(AttachmentProblem::MESSAGE_IDS.contains(&p.message_id()));
        }
    }

    proptest! {
        #[test]
        fn any_upload_is_checked_without_panicking(
            name in ".{0,200}",
            bytes in proptest::collection::vec(any::<u8>(), 0..256),
        ) {
            if let Ok(files) = check_attachments(vec![AttachmentDraft { name, bytes }]) {
                for f in files {
                    prop_assert_eq!(AttachmentType::of_content(&f.bytes), Some(f.file_type));
                }
            }
        }
    }
}
