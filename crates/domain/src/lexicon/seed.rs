//! The lexicon pocdir ships (`data/lexicon/oewg.toml`): terms from the
//! OEWG's work with English definitions quoting their public source, and
//! the other five languages marked proposed where no official translation
//! was checked. Installed as version 1 of each concept an installation
//! does not have.

use super::concept::{check, Concept, ConceptDraft};
use serde::Deserialize;

const SHIPPED: &str = include_str!("../../data/lexicon/oewg.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    concept: Vec<ConceptDraft>,
}

/// Reads a seed file: every concept checked, every cross-reference
/// pointing at a concept of the file.
pub fn read(text: &str) -> Result<Vec<Concept>, String> {
    let file: SeedFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut concepts = Vec::with_capacity(file.concept.len());
    for draft in &file.concept {
        let concept = check(draft).map_err(|errors| {
            let problems: Vec<String> = errors
                .iter()
                .map(|e| format!("{} ({})", e.field, e.message_id))
                .collect();
            format!("concept {}: {}", draft.id, problems.join(", "))
        })?;
        concepts.push(concept);
    }
    for c in &concepts {
        if concepts.iter().filter(|o| o.id == c.id).count() > 1 {
            return Err(format!("concept {} is there twice", c.id));
        }
        if let Some(r) = c
            .related
            .iter()
            .find(|r| !concepts.iter().any(|o| &o.id == *r))
        {
            return Err(format!(
                "concept {} refers to {r}, which is not there",
                c.id
            ));
        }
    }
    Ok(concepts)
}

/// The shipped concepts.
pub fn shipped() -> Result<Vec<Concept>, String> {
    read(SHIPPED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::concept::{TermStatus, LANGUAGES};

    #[test]
    fn the_shipped_lexicon_is_whole() {
        let concepts = shipped().unwrap();
        assert!(concepts.len() >= 25, "{} concepts", concepts.len());
        for c in &concepts {
            let en = c.language("en").unwrap();
            assert!(
                !en.definition.is_empty() && !en.source.is_empty(),
                "{}",
                c.id
            );
            assert!(
                en.terms.iter().any(|t| t.status == TermStatus::Preferred),
                "{}",
                c.id
            );
            for lang in LANGUAGES {
                assert!(c.language(lang).is_some(), "{} has no {lang}", c.id);
            }
            for section in c.languages.iter().filter(|l| l.lang != "en") {
                assert!(
                    section
                        .terms
                        .iter()
                        .all(|t| t.status == TermStatus::Proposed),
                    "{} {} is not marked proposed",
                    c.id,
                    section.lang
                );
            }
        }
        for id in [
            "ict-incident",
            "point-of-contact",
            "confidence-building-measure",
            "ping-test",
        ] {
            assert!(concepts.iter().any(|c| c.id == id), "{id} is missing");
        }
    }

    #[test]
    fn a_dangling_cross_reference_is_refused() {
        let text = r#"
[[concept]]
id = "a"
domain = "norms"
related = ["b"]
[[concept.language]]
lang = "en"
terms = [{ text = "a", status = "preferred" }]
"#;
        assert!(read(text).unwrap_err().contains("refers to b"));
    }
}
