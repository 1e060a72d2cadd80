//! What changed between two versions of a concept, as the history page
//! and a proposal's review show it: field by field, language by language,
//! term by term, so a curator reads the change instead of two texts.

use super::concept::{Concept, LanguageSection, LexiconDomain, TermStatus};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    Domain {
        from: LexiconDomain,
        to: LexiconDomain,
    },
    RelatedAdded {
        id: String,
    },
    RelatedRemoved {
        id: String,
    },
    LanguageAdded {
        lang: String,
    },
    LanguageRemoved {
        lang: String,
    },
    Definition {
        lang: String,
        from: String,
        to: String,
    },
    Source {
        lang: String,
        from: String,
        to: String,
    },
    Note {
        lang: String,
        from: String,
        to: String,
    },
    TermAdded {
        lang: String,
        text: String,
        status: TermStatus,
    },
    TermRemoved {
        lang: String,
        text: String,
    },
    TermStatus {
        lang: String,
        text: String,
        from: TermStatus,
        to: TermStatus,
    },
}

/// The changes from `old` (None: the concept is new) to `new`.
pub fn diff(old: Option<&Concept>, new: &Concept) -> Vec<Change> {
    let mut changes = Vec::new();
    let empty: Vec<LanguageSection> = Vec::new();
    let (old_related, old_languages) = match old {
        Some(o) => {
            if o.domain != new.domain {
                changes.push(Change::Domain {
                    from: o.domain,
                    to: new.domain,
                });
            }
            (o.related.as_slice(), o.languages.as_slice())
        }
        None => (&[][..], empty.as_slice()),
    };
    for id in &new.related {
        if !old_related.contains(id) {
            changes.push(Change::RelatedAdded { id: id.clone() });
        }
    }
    for id in old_related {
        if !new.related.contains(id) {
            changes.push(Change::RelatedRemoved { id: id.clone() });
        }
    }
    for section in &new.languages {
        let lang = section.lang.clone();
        let before = old_languages.iter().find(|l| l.lang == section.lang);
        if before.is_none() && old.is_some() {
            changes.push(Change::LanguageAdded { lang: lang.clone() });
        }
        let blank = LanguageSection {
            lang: lang.clone(),
            definition: String::new(),
            source: String::new(),
            note: String::new(),
            terms: Vec::new(),
        };
        let before = before.unwrap_or(&blank);
        let texts = [
            (&before.definition, &section.definition, 0),
            (&before.source, &section.source, 1),
            (&before.note, &section.note, 2),
        ];
        for (from, to, which) in texts {
            if from != to {
                let (lang, from, to) = (lang.clone(), from.clone(), to.clone());
                changes.push(match which {
                    0 => Change::Definition { lang, from, to },
                    1 => Change::Source { lang, from, to },
                    _ => Change::Note { lang, from, to },
                });
            }
        }
        for term in &section.terms {
            match before.terms.iter().find(|t| t.text == term.text) {
                None => changes.push(Change::TermAdded {
                    lang: lang.clone(),
                    text: term.text.clone(),
                    status: term.status,
                }),
                Some(t) if t.status != term.status => changes.push(Change::TermStatus {
                    lang: lang.clone(),
                    text: term.text.clone(),
                    from: t.status,
                    to: term.status,
                }),
                Some(_) => {}
            }
        }
        for term in &before.terms {
            if !section.terms.iter().any(|t| t.text == term.text) {
                changes.push(Change::TermRemoved {
                    lang: lang.clone(),
                    text: term.text.clone(),
                });
            }
        }
    }
    for section in old_languages {
        if new.language(&section.lang).is_none() {
            changes.push(Change::LanguageRemoved {
                lang: section.lang.clone(),
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::concept::Term;

    fn concept() -> Concept {
        Concept {
            id: "ping-test".into(),
            domain: LexiconDomain::ConfidenceBuilding,
            related: vec!["point-of-contact".into()],
            languages: vec![LanguageSection {
                lang: "en".into(),
                definition: "A test.".into(),
                source: "A/78/265".into(),
                note: String::new(),
                terms: vec![Term {
                    text: "ping test".into(),
                    status: TermStatus::Preferred,
                }],
            }],
        }
    }

    #[test]
    fn the_same_concept_has_no_change() {
        assert!(diff(Some(&concept()), &concept()).is_empty());
    }

    #[test]
    fn each_kind_of_change_is_named() {
        let old = concept();
        let mut new = concept();
        new.domain = LexiconDomain::Technical;
        new.related = vec!["tlp".into()];
        new.languages[0].definition = "A reachability test.".into();
        new.languages[0].terms[0].status = TermStatus::Admitted;
        new.languages[0].terms.push(Term {
            text: "reachability test".into(),
            status: TermStatus::Preferred,
        });
        new.languages.push(LanguageSection {
            lang: "fr".into(),
            definition: String::new(),
            source: String::new(),
            note: String::new(),
            terms: vec![Term {
                text: "test de joignabilité".into(),
                status: TermStatus::Proposed,
            }],
        });
        let changes = diff(Some(&old), &new);
        assert_eq!(
            changes,
            vec![
                Change::Domain {
                    from: LexiconDomain::ConfidenceBuilding,
                    to: LexiconDomain::Technical
                },
                Change::RelatedAdded { id: "tlp".into() },
                Change::RelatedRemoved {
                    id: "point-of-contact".into()
                },
                Change::Definition {
                    lang: "en".into(),
                    from: "A test.".into(),
                    to: "A reachability test.".into()
                },
                Change::TermStatus {
                    lang: "en".into(),
                    text: "ping test".into(),
                    from: TermStatus::Preferred,
                    to: TermStatus::Admitted
                },
                Change::TermAdded {
                    lang: "en".into(),
                    text: "reachability test".into(),
                    status: TermStatus::Preferred
                },
                Change::LanguageAdded { lang: "fr".into() },
                Change::TermAdded {
                    lang: "fr".into(),
                    text: "test de joignabilité".into(),
                    status: TermStatus::Proposed
                },
            ]
        );
        let back = diff(Some(&new), &old);
        assert!(back.contains(&Change::LanguageRemoved { lang: "fr".into() }));
    }
}
