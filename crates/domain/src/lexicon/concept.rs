//! A concept of the lexicon, on IATE's three levels: the concept (its
//! domain and cross-references), each language (a definition with its
//! source, a note) and the terms (each with a status). What a form, the
//! API or an import sends is a [`ConceptDraft`]; [`check`] turns it into
//! a [`Concept`] or refuses it with every problem.

use crate::capacity::request::labelled_enum;
use crate::directory::poc::FieldError;
use serde::{Deserialize, Serialize};

/// The six UN languages, in the order a concept keeps them.
pub const LANGUAGES: [&str; 6] = ["en", "ar", "es", "fr", "ru", "zh"];
pub const MAX_ID: usize = 64;
pub const MAX_TERM: usize = 200;
pub const MAX_TERMS: usize = 12;
pub const MAX_DEFINITION: usize = 4000;
pub const MAX_SOURCE: usize = 500;
pub const MAX_NOTE: usize = 2000;
pub const MAX_RELATED: usize = 20;

labelled_enum!(
    /// The standing of a term (IATE's reliability and TBX's
    /// administrative status, as the curators use them).
    TermStatus, "lexicon-status-", [
        /// Put forward, not yet agreed (every translation not checked
        /// against an official text).
        Proposed => "proposed",
        /// The term to use.
        Preferred => "preferred",
        /// Acceptable beside the preferred term.
        Admitted => "admitted",
        /// To avoid.
        Deprecated => "deprecated",
        /// No longer in use.
        Obsolete => "obsolete",
    ]
);

labelled_enum!(
    /// The subject field of a concept.
    LexiconDomain, "lexicon-domain-", [
        Threats => "threats",
        Norms => "norms",
        InternationalLaw => "international_law",
        ConfidenceBuilding => "confidence_building",
        CapacityBuilding => "capacity_building",
        IncidentResponse => "incident_response",
        Technical => "technical",
    ]
);

/// A concept, checked: what the store keeps as one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Concept {
    /// Lower-case letters, digits and `-`, e.g. `ict-incident`.
    pub id: String,
    pub domain: LexiconDomain,
    /// Other concepts' ids, sorted, without repeats.
    pub related: Vec<String>,
    /// At most one per language, in the order of [`LANGUAGES`].
    pub languages: Vec<LanguageSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LanguageSection {
    /// `en`, `ar`, `es`, `fr`, `ru` or `zh`.
    pub lang: String,
    pub definition: String,
    /// Where the definition comes from (a document and paragraph).
    pub source: String,
    pub note: String,
    /// In the order the curators put them, the preferred term first.
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Term {
    pub text: String,
    pub status: TermStatus,
}

impl Concept {
    pub fn language(&self, lang: &str) -> Option<&LanguageSection> {
        self.languages.iter().find(|l| l.lang == lang)
    }

    /// The language to show a reader of `lang`: theirs, else English, else
    /// the first there is.
    pub fn shown_in(&self, lang: &str) -> Option<&LanguageSection> {
        self.language(lang)
            .or_else(|| self.language("en"))
            .or_else(|| self.languages.first())
    }

    /// The term that names the concept in a language: the first preferred
    /// one, else the first term.
    pub fn heading(section: &LanguageSection) -> &str {
        section
            .terms
            .iter()
            .find(|t| t.status == TermStatus::Preferred)
            .or_else(|| section.terms.first())
            .map_or("", |t| t.text.as_str())
    }
}

/// A concept as typed or sent, before any check.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConceptDraft {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default, rename = "language")]
    pub languages: Vec<LanguageDraft>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageDraft {
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub terms: Vec<TermDraft>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermDraft {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub status: String,
}

impl From<&Concept> for ConceptDraft {
    fn from(c: &Concept) -> Self {
        ConceptDraft {
            id: c.id.clone(),
            domain: c.domain.as_str().to_owned(),
            related: c.related.clone(),
            languages: c
                .languages
                .iter()
                .map(|l| LanguageDraft {
                    lang: l.lang.clone(),
                    definition: l.definition.clone(),
                    source: l.source.clone(),
                    note: l.note.clone(),
                    terms: l
                        .terms
                        .iter()
                        .map(|t| TermDraft {
                            text: t.text.clone(),
                            status: t.status.as_str().to_owned(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Text of a field: trimmed, within `max` characters, with no control
/// characters but line breaks (when `lines`), and no angle brackets, which
/// no term or definition needs and which keep markup out of every export.
fn clean(
    field: String,
    value: &str,
    max: usize,
    lines: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let value = value.trim();
    if value.chars().count() > max {
        errors.push(FieldError {
            field,
            message_id: "lexicon-error-too-long",
        });
    } else if value.chars().any(|c| {
        (c.is_control() && !(lines && (c == '\n' || c == '\r' || c == '\t')))
            || c == '<'
            || c == '>'
    }) {
        errors.push(FieldError {
            field,
            message_id: "lexicon-error-characters",
        });
    }
    value.replace("\r\n", "\n").replace('\r', "\n")
}

fn error(errors: &mut Vec<FieldError>, field: String, message_id: &'static str) {
    errors.push(FieldError { field, message_id });
}

/// Checks a draft: every problem at once, with the field it is in.
pub fn check(draft: &ConceptDraft) -> Result<Concept, Vec<FieldError>> {
    let mut errors = Vec::new();
    let id = draft.id.trim().to_owned();
    if !valid_id(&id) {
        error(&mut errors, "id".into(), "lexicon-error-id");
    }
    let domain = LexiconDomain::parse(draft.domain.trim());
    if domain.is_none() {
        error(&mut errors, "domain".into(), "lexicon-error-domain");
    }
    let mut related: Vec<String> = Vec::new();
    for (i, r) in draft.related.iter().enumerate() {
        let r = r.trim();
        if r.is_empty() {
            continue;
        }
        if !valid_id(r) || r == id {
            error(
                &mut errors,
                format!("related[{i}]"),
                "lexicon-error-related",
            );
        } else if !related.iter().any(|x| x == r) {
            related.push(r.to_owned());
        }
    }
    related.sort();
    if related.len() > MAX_RELATED {
        error(&mut errors, "related".into(), "lexicon-error-too-many");
    }
    let mut languages: Vec<LanguageSection> = Vec::new();
    for (i, l) in draft.languages.iter().enumerate() {
        let lang = l.lang.trim();
        let at = |f: &str| format!("language[{i}].{f}");
        let blank = l.definition.trim().is_empty()
            && l.source.trim().is_empty()
            && l.note.trim().is_empty()
            && l.terms.iter().all(|t| t.text.trim().is_empty());
        if lang.is_empty() && blank {
            // An empty row of a form or an import: not there.
            continue;
        }
        if !LANGUAGES.contains(&lang) {
            error(&mut errors, at("lang"), "lexicon-error-language");
            continue;
        }
        if languages.iter().any(|s| s.lang == lang) {
            error(&mut errors, at("lang"), "lexicon-error-language-twice");
            continue;
        }
        let mut terms: Vec<Term> = Vec::new();
        for (j, t) in l.terms.iter().enumerate() {
            let field = format!("language[{i}].terms[{j}]");
            let text = clean(field.clone(), &t.text, MAX_TERM, false, &mut errors);
            if text.is_empty() {
                continue;
            }
            let Some(status) = TermStatus::parse(t.status.trim()) else {
                error(
                    &mut errors,
                    format!("{field}.status"),
                    "lexicon-error-status",
                );
                continue;
            };
            if terms.iter().any(|x| x.text == text) {
                error(&mut errors, field, "lexicon-error-term-twice");
                continue;
            }
            terms.push(Term { text, status });
        }
        let definition = clean(
            at("definition"),
            &l.definition,
            MAX_DEFINITION,
            true,
            &mut errors,
        );
        let source = clean(at("source"), &l.source, MAX_SOURCE, false, &mut errors);
        let note = clean(at("note"), &l.note, MAX_NOTE, true, &mut errors);
        if terms.is_empty() {
            if definition.is_empty() && source.is_empty() && note.is_empty() {
                // A language left blank in the form: not there.
                continue;
            }
            error(&mut errors, at("terms"), "lexicon-error-no-term");
        }
        if terms.len() > MAX_TERMS {
            error(&mut errors, at("terms"), "lexicon-error-too-many");
        }
        languages.push(LanguageSection {
            lang: lang.to_owned(),
            definition,
            source,
            note,
            terms,
        });
    }
    if languages.is_empty() {
        error(&mut errors, "language".into(), "lexicon-error-no-language");
    }
    languages.sort_by_key(|l| LANGUAGES.iter().position(|x| *x == l.lang));
    match domain {
        Some(domain) if errors.is_empty() => Ok(Concept {
            id,
            domain,
            related,
            languages,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn draft() -> ConceptDraft {
        ConceptDraft {
            id: "ict-incident".into(),
            domain: "incident_response".into(),
            related: vec!["point-of-contact".into(), "point-of-contact".into()],
            languages: vec![
                LanguageDraft {
                    lang: "fr".into(),
                    definition: "Un incident.".into(),
                    source: "".into(),
                    note: "".into(),
                    terms: vec![TermDraft {
                        text: "incident lié aux TIC".into(),
                        status: "proposed".into(),
                    }],
                },
                LanguageDraft {
                    lang: "en".into(),
                    definition: " An incident. ".into(),
                    source: "A/75/816".into(),
                    note: "".into(),
                    terms: vec![TermDraft {
                        text: "ICT incident".into(),
                        status: "preferred".into(),
                    }],
                },
                LanguageDraft::default(),
            ],
        }
    }

    #[test]
    fn a_draft_is_trimmed_ordered_and_deduplicated() {
        let mut d = draft();
        // The blank third language (a form's empty row) is not there.
        d.languages.truncate(3);
        d.languages[2].lang = "ru".into();
        let c = check(&d).unwrap();
        assert_eq!(c.related, vec!["point-of-contact"]);
        assert_eq!(c.languages.len(), 2);
        assert_eq!(c.languages[0].lang, "en");
        assert_eq!(c.languages[0].definition, "An incident.");
        assert_eq!(Concept::heading(&c.languages[1]), "incident lié aux TIC");
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        let mut d = draft();
        d.id = "ICT incident".into();
        d.domain = "politics".into();
        d.related.push("ict-incident".into());
        d.languages[0].terms[0].status = "official".into();
        d.languages[1].definition = "<script>alert(1)</script>".into();
        d.languages.push(LanguageDraft {
            lang: "en".into(),
            ..LanguageDraft::default()
        });
        d.languages.push(LanguageDraft {
            lang: "de".into(),
            ..LanguageDraft::default()
        });
        let errors = check(&d).unwrap_err();
        let fields: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message_id))
            .collect();
        assert!(fields.contains(&("id", "lexicon-error-id")), "{fields:?}");
        assert!(fields.contains(&("domain", "lexicon-error-domain")));
        assert!(fields.contains(&("language[0].terms[0].status", "lexicon-error-status")));
        assert!(fields.contains(&("language[0].terms", "lexicon-error-no-term")));
        assert!(fields.contains(&("language[1].definition", "lexicon-error-characters")));
        assert!(fields.contains(&("language[3].lang", "lexicon-error-language-twice")));
        assert!(fields.contains(&("language[4].lang", "lexicon-error-language")));
    }

    #[test]
    fn a_concept_with_no_term_is_refused() {
        let d = ConceptDraft {
            id: "x".into(),
            domain: "norms".into(),
            ..ConceptDraft::default()
        };
        let errors = check(&d).unwrap_err();
        assert_eq!(errors[0].message_id, "lexicon-error-no-language");
    }

    #[test]
    fn a_checked_concept_checks_again_unchanged() {
        let c = check(&draft()).unwrap();
        assert_eq!(check(&ConceptDraft::from(&c)).unwrap(), c);
    }
}
