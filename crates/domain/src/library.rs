//! The best-practice library: documents States and the secretariat
//! publish for each other (national strategies, policies, incident-response
//! playbooks, lessons from exercises), each with a TLP label, the languages
//! it is written in, areas of the capacity-building taxonomy and a summary
//! in each UN language it is provided in. This module holds what a
//! document is and its checks; who sees one is `policy::library_view`.

use crate::capacity::request::{labelled_enum, Area};
use crate::communication::attachment::{check_attachments, AttachmentDraft, AttachmentType};
use crate::communication::tlp::TlpLabel;
use crate::directory::poc::FieldError;
use crate::folding::fold;
use crate::reporter::LANGUAGES;
use std::collections::BTreeMap;

const MAX_TITLE_CHARS: usize = 200;
const MIN_TITLE_CHARS: usize = 3;
pub const MAX_SUMMARY_CHARS: usize = 2000;
const MAX_REASON_CHARS: usize = 1000;

labelled_enum!(
    /// What a document is.
    DocumentKind, "library-kind-", [
        NationalStrategy => "national_strategy",
        Policy => "policy",
        Playbook => "playbook",
        ExerciseLessons => "exercise_lessons",
        Guidance => "guidance",
    ]
);

/// A document as typed into the form or sent to the API, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentDraft {
    pub title: String,
    pub kind: String,
    /// `CLEAR`, `GREEN`, `AMBER` or `AMBER+STRICT` (with or without `TLP:`).
    pub tlp: String,
    /// The UN languages the document is written in.
    pub languages: Vec<String>,
    pub areas: Vec<String>,
    /// A summary per UN language (empty ones are ignored).
    pub summaries: BTreeMap<String, String>,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A document that passed its checks, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub title: String,
    pub kind: DocumentKind,
    pub tlp: TlpLabel,
    /// In the order of [`LANGUAGES`], no repeats.
    pub languages: Vec<String>,
    /// Sorted, no repeats.
    pub areas: Vec<Area>,
    /// One per language given, in the order of [`LANGUAGES`].
    pub summaries: BTreeMap<String, String>,
    pub file_name: String,
    pub file_type: AttachmentType,
    pub bytes: Vec<u8>,
}

/// Every message id a document's check may name.
pub const PROBLEM_IDS: [&str; 10] = [
    "library-error-title",
    "library-error-file",
    "library-error-kind",
    "library-error-tlp",
    "library-error-tlp-red",
    "library-error-languages",
    "library-error-areas",
    "library-error-summary",
    "library-error-summary-missing",
    "library-error-reason",
];

/// Every message id this module names: the problems and the kinds' labels.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = PROBLEM_IDS.to_vec();
    ids.extend(DocumentKind::ALL.map(DocumentKind::label_message));
    ids
}

fn problem(field: impl Into<String>, message_id: &'static str) -> FieldError {
    FieldError {
        field: field.into(),
        message_id,
    }
}

/// Text of one line or paragraph: trimmed, with no control characters but
/// line breaks, within `max` characters; None when empty or not so.
fn clean(text: &str, min: usize, max: usize, multiline: bool) -> Option<String> {
    let text = text.trim();
    let count = text.chars().count();
    let plain = text
        .chars()
        .all(|c| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t')));
    (count >= min.max(1) && count <= max && plain).then(|| text.replace("\r\n", "\n"))
}

/// Reads a TLP label for the library: RED is for named recipients and so
/// never in a library.
pub fn parse_tlp(value: &str) -> Result<TlpLabel, &'static str> {
    let value = value.trim();
    let code = value.strip_prefix("TLP:").unwrap_or(value);
    match code.parse::<TlpLabel>() {
        Ok(TlpLabel::Red) => Err("library-error-tlp-red"),
        Ok(label) => Ok(label),
        Err(_) => Err("library-error-tlp"),
    }
}

impl DocumentDraft {
    /// Checks every field; all problems at once, each beside its field.
    pub fn check(self) -> Result<NewDocument, Vec<FieldError>> {
        let mut problems = Vec::new();
        let title = clean(&self.title, MIN_TITLE_CHARS, MAX_TITLE_CHARS, false);
        if title.is_none() {
            problems.push(problem("title", "library-error-title"));
        }
        let kind = DocumentKind::parse(self.kind.trim());
        if kind.is_none() {
            problems.push(problem("kind", "library-error-kind"));
        }
        let tlp = parse_tlp(&self.tlp)
            .map_err(|id| problems.push(problem("tlp", id)))
            .ok();
        let wanted: Vec<&str> = self.languages.iter().map(|l| l.trim()).collect();
        if wanted.is_empty() || wanted.iter().any(|l| !LANGUAGES.contains(l)) {
            problems.push(problem("languages", "library-error-languages"));
        }
        let languages: Vec<String> = LANGUAGES
            .iter()
            .filter(|l| wanted.contains(l))
            .map(|l| (*l).to_owned())
            .collect();
        let mut areas = Vec::new();
        for a in &self.areas {
            match Area::parse(a.trim()) {
                Some(area) if !areas.contains(&area) => areas.push(area),
                Some(_) => {}
                None => {
                    areas.clear();
                    break;
                }
            }
        }
        areas.sort();
        if areas.is_empty() {
            problems.push(problem("areas", "library-error-areas"));
        }
        let mut summaries = BTreeMap::new();
        for (lang, text) in &self.summaries {
            let lang = lang.trim();
            if text.trim().is_empty() {
                continue;
            }
            if !LANGUAGES.contains(&lang) {
                problems.push(problem(format!("summary_{lang}"), "library-error-summary"));
                continue;
            }
            match clean(text, 1, MAX_SUMMARY_CHARS, true) {
                Some(t) => {
                    summaries.insert(lang.to_owned(), t);
                }
                None => problems.push(problem(format!("summary_{lang}"), "library-error-summary")),
            }
        }
        // A summary in each language the document is provided in.
        for lang in &languages {
            let refused = problems
                .iter()
                .any(|p| p.field == format!("summary_{lang}"));
            if !summaries.contains_key(lang) && !refused {
                problems.push(problem(
                    format!("summary_{lang}"),
                    "library-error-summary-missing",
                ));
            }
        }
        let file = if self.file_name.trim().is_empty() && self.bytes.is_empty() {
            problems.push(problem("file", "library-error-file"));
            None
        } else {
            match check_attachments(vec![AttachmentDraft {
                name: self.file_name,
                bytes: self.bytes,
            }]) {
                Ok(mut files) => files.pop(),
                Err(file_problems) => {
                    for p in file_problems {
                        problems.push(problem("file", p.message_id()));
                    }
                    None
                }
            }
        };
        match (title, kind, tlp, file) {
            (Some(title), Some(kind), Some(tlp), Some(file)) if problems.is_empty() => {
                Ok(NewDocument {
                    title,
                    kind,
                    tlp,
                    languages,
                    areas,
                    summaries,
                    file_name: file.name,
                    file_type: file.file_type,
                    bytes: file.bytes,
                })
            }
            _ => Err(problems),
        }
    }
}

/// Why a document is withdrawn: a line of text, required.
pub fn withdrawal_reason(text: &str) -> Result<String, FieldError> {
    clean(text, 1, MAX_REASON_CHARS, true).ok_or_else(|| problem("reason", "library-error-reason"))
}

/// What a search of the library asks, each filter optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryQuery {
    /// Words of the title or of a summary, in any script.
    pub text: String,
    pub area: Option<Area>,
    pub language: Option<String>,
    pub kind: Option<DocumentKind>,
    /// The publishing participant's code (the secretariat's documents
    /// have none).
    pub publisher: Option<String>,
}

/// The searchable side of a document, as the library's search reads it.
pub struct Searchable<'a> {
    pub title: &'a str,
    pub summaries: &'a BTreeMap<String, String>,
    pub kind: DocumentKind,
    pub areas: &'a [Area],
    pub languages: &'a [String],
    pub publisher: Option<&'a str>,
}

impl LibraryQuery {
    /// Whether a document answers the query: every word of the text in its
    /// title or one of its summaries (case, accents and vowel marks
    /// ignored), and every filter.
    pub fn matches(&self, doc: &Searchable<'_>) -> bool {
        if self.area.is_some_and(|a| !doc.areas.contains(&a))
            || self.kind.is_some_and(|k| k != doc.kind)
            || self
                .language
                .as_deref()
                .is_some_and(|l| !doc.languages.iter().any(|d| d == l))
            || self
                .publisher
                .as_deref()
                .is_some_and(|p| doc.publisher != Some(p))
        {
            return false;
        }
        let words: Vec<String> = fold(&self.text)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        if words.is_empty() {
            return true;
        }
        let mut haystack = fold(doc.title);
        for s in doc.summaries.values() {
            haystack.push('\n');
            haystack.push_str(&fold(s));
        }
        words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PDF: &[u8] =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    fn draft() -> DocumentDraft {
        DocumentDraft {
            title: "National cybersecurity strategy 2025-2030".into(),
            kind: "national_strategy".into(),
            tlp: "GREEN".into(),
            languages: vec!["fr".into(), "en".into()],
            areas: vec!["strategy_policy".into(), "awareness".into()],
            summaries: [
                ("en".to_string(), "Our strategy.".to_string()),
                ("fr".to_string(), "Notre stratégie.".to_string()),
            ]
            .into(),
            file_name: "strategy.pdf".into(),
            bytes: PDF.to_vec(),
        }
    }

    fn fields(d: DocumentDraft) -> Vec<(String, &'static str)> {
        match d.check() {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| (e.field, e.message_id))
                .collect(),
        }
    }

    #[test]
    fn a_good_document_is_kept_in_order() {
        let doc = draft().check().unwrap();
        assert_eq!(doc.languages, vec!["en", "fr"]);
        assert_eq!(doc.areas, vec![Area::StrategyPolicy, Area::Awareness]);
        assert_eq!(doc.tlp, TlpLabel::Green);
        assert_eq!(doc.file_type, AttachmentType::Pdf);
        assert_eq!(parse_tlp("TLP:AMBER+STRICT"), Ok(TlpLabel::AmberStrict));
    }

    #[test]
    fn each_problem_is_named_beside_its_field() {
        let mut d = draft();
        d.title = "  ".into();
        d.kind = "poem".into();
        d.tlp = "RED".into();
        d.languages = vec![];
        d.areas = vec!["strategy_policy".into(), "gardening".into()];
        d.file_name = "strategy.exe".into();
        d.bytes = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
        let got = fields(d);
        for (field, id) in [
            ("title", "library-error-title"),
            ("kind", "library-error-kind"),
            ("tlp", "library-error-tlp-red"),
            ("languages", "library-error-languages"),
            ("areas", "library-error-areas"),
            ("file", "comm-error-attachment-type"),
        ] {
            assert!(
                got.contains(&(field.to_string(), id)),
                "{field} {id} in {got:?}"
            );
        }
    }

    #[test]
    fn a_language_provided_needs_its_summary() {
        let mut d = draft();
        d.summaries.remove("fr");
        assert_eq!(
            fields(d),
            vec![("summary_fr".to_string(), "library-error-summary-missing")]
        );
        let mut d = draft();
        d.summaries.insert("de".into(), "Unsere Strategie".into());
        assert_eq!(
            fields(d),
            vec![("summary_de".to_string(), "library-error-summary")]
        );
        // A summary in a language the document is not written in is welcome.
        let mut d = draft();
        d.summaries.insert("ar".into(), "استراتيجيتنا".into());
        assert!(d.check().is_ok());
    }

    #[test]
    fn search_ignores_case_accents_and_needs_every_filter() {
        let doc = draft().check().unwrap();
        let s = Searchable {
            title: &doc.title,
            summaries: &doc.summaries,
            kind: doc.kind,
            areas: &doc.areas,
            languages: &doc.languages,
            publisher: Some("FRA"),
        };
        let q = |text: &str| LibraryQuery {
            text: text.into(),
            ..LibraryQuery::default()
        };
        assert!(q("STRATEGIE notre").matches(&s));
        assert!(q("").matches(&s));
        assert!(!q("playbook").matches(&s));
        let mut filtered = q("strategy");
        filtered.area = Some(Area::Awareness);
        filtered.language = Some("fr".into());
        filtered.publisher = Some("FRA".into());
        assert!(filtered.matches(&s));
        filtered.publisher = Some("PAK".into());
        assert!(!filtered.matches(&s));
        filtered.publisher = None;
        filtered.kind = Some(DocumentKind::Playbook);
        assert!(!filtered.matches(&s));
    }

    proptest! {
        /// Whatever is typed, the check answers (never panics) and what it
        /// keeps is within its limits.
        #[test]
        fn hostile_input_is_refused_or_kept_within_limits(
            title in ".{0,300}",
            kind in ".{0,20}",
            tlp in ".{0,20}",
            langs in proptest::collection::vec(".{0,4}", 0..8),
            areas in proptest::collection::vec(".{0,30}", 0..10),
            summary in ".{0,2100}",
            name in ".{0,130}",
            bytes in proptest::collection::vec(any::<u8>(), 0..64),
        ) {
            let d = DocumentDraft {
                title, kind, tlp, languages: langs, areas,
                summaries: [("en".to_string(), summary)].into(),
                file_name: name, bytes,
            };
            if let Ok(doc) = d.check() {
                prop_assert!(doc.title.chars().count() <= MAX_TITLE_CHARS);
                prop_assert!(doc.tlp != TlpLabel::Red);
                prop_assert!(!doc.areas.is_empty() && !doc.languages.is_empty());
                prop_assert!(doc.summaries.values().all(|s| s.chars().count() <= MAX_SUMMARY_CHARS));
                prop_assert!(doc.title.chars().all(|c| !c.is_control()));
            }
        }
    }
}
