//! Search of the lexicon's terms in any script, ignoring case, accents
//! and Arabic vowel marks: an index of every term folded once, which a
//! query scans without folding again. Exact terms rank first, then terms
//! that start with the query, then those that contain it.

use super::concept::{Concept, LexiconDomain};
use crate::folding::fold;

/// Every term of a set of concepts, folded.
#[derive(Debug, Clone, Default)]
pub struct LexiconIndex {
    /// (folded term, index of its concept in `ids`).
    terms: Vec<(String, usize)>,
    ids: Vec<(String, LexiconDomain)>,
}

/// One page of results: the ids in order and how many matched in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub total: usize,
    pub ids: Vec<String>,
}

impl LexiconIndex {
    pub fn new<'a>(concepts: impl IntoIterator<Item = &'a Concept>) -> Self {
        let mut index = LexiconIndex::default();
        for concept in concepts {
            let at = index.ids.len();
            index.ids.push((concept.id.clone(), concept.domain));
            index.terms.push((concept.id.replace('-', " "), at));
            for section in &concept.languages {
                for term in &section.terms {
                    index.terms.push((fold(&term.text), at));
                }
            }
        }
        index
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The concepts whose terms match `query` (every concept when it is
    /// blank), in `domain` when given, `limit` of them from `offset`.
    pub fn search(
        &self,
        query: &str,
        domain: Option<LexiconDomain>,
        offset: usize,
        limit: usize,
    ) -> Found {
        let query = fold(query.trim());
        // The best rank of each concept: 0 exact, 1 prefix, 2 inside.
        let mut best: Vec<Option<u8>> = vec![None; self.ids.len()];
        for (text, at) in &self.terms {
            let rank = if query.is_empty() || *text == query {
                0
            } else if text.starts_with(&query) {
                1
            } else if text.contains(&query) {
                2
            } else {
                continue;
            };
            if let Some(slot) = best.get_mut(*at) {
                if slot.is_none_or(|r| rank < r) {
                    *slot = Some(rank);
                }
            }
        }
        let mut hits: Vec<(u8, &str)> = best
            .iter()
            .zip(&self.ids)
            .filter_map(|(rank, (id, d))| {
                let rank = (*rank)?;
                domain
                    .is_none_or(|want| want == *d)
                    .then_some((rank, id.as_str()))
            })
            .collect();
        hits.sort_unstable();
        Found {
            total: hits.len(),
            ids: hits
                .into_iter()
                .skip(offset)
                .take(limit)
                .map(|(_, id)| id.to_owned())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::concept::{LanguageSection, Term, TermStatus};

    fn concept(id: &str, domain: LexiconDomain, terms: &[(&str, &str)]) -> Concept {
        let mut languages: Vec<LanguageSection> = Vec::new();
        for (lang, text) in terms {
            let term = Term {
                text: (*text).into(),
                status: TermStatus::Preferred,
            };
            match languages.iter_mut().find(|l| l.lang == *lang) {
                Some(l) => l.terms.push(term),
                None => languages.push(LanguageSection {
                    lang: (*lang).into(),
                    definition: String::new(),
                    source: String::new(),
                    note: String::new(),
                    terms: vec![term],
                }),
            }
        }
        Concept {
            id: id.into(),
            domain,
            related: Vec::new(),
            languages,
        }
    }

    fn index() -> LexiconIndex {
        let concepts = [
            concept(
                "ict-incident",
                LexiconDomain::IncidentResponse,
                &[
                    ("en", "ICT incident"),
                    ("fr", "incident lié aux TIC"),
                    ("ar", "حادث يتعلق بتكنولوجيا المعلومات"),
                ],
            ),
            concept(
                "incident-notification",
                LexiconDomain::IncidentResponse,
                &[
                    ("en", "incident notification"),
                    ("ru", "Уведомление об инциденте"),
                ],
            ),
            concept(
                "critical-infrastructure",
                LexiconDomain::Norms,
                &[("en", "critical infrastructure"), ("zh", "关键基础设施")],
            ),
        ];
        LexiconIndex::new(&concepts)
    }

    #[test]
    fn any_script_case_and_accents_are_ignored() {
        let i = index();
        assert_eq!(
            i.search("LIE AUX tic", None, 0, 10).ids,
            vec!["ict-incident"]
        );
        assert_eq!(
            i.search("уведомление", None, 0, 10).ids,
            vec!["incident-notification"]
        );
        assert_eq!(
            i.search("基础设施", None, 0, 10).ids,
            vec!["critical-infrastructure"]
        );
        // The query with harakat finds the term written without them.
        assert_eq!(i.search("حَادِث", None, 0, 10).ids, vec!["ict-incident"]);
    }

    #[test]
    fn exact_then_prefix_then_inside_and_domain_filters() {
        let i = index();
        let found = i.search("incident", None, 0, 10);
        assert_eq!(found.total, 2);
        // "incident notification" starts with it; "ICT incident" holds it,
        // but "incident lié aux TIC" also starts with it: both rank 1.
        assert_eq!(found.ids, vec!["ict-incident", "incident-notification"]);
        assert_eq!(
            i.search("incident notification", None, 0, 10).ids,
            vec!["incident-notification"]
        );
        assert_eq!(
            i.search("", Some(LexiconDomain::Norms), 0, 10).ids,
            vec!["critical-infrastructure"]
        );
        let page = i.search("", None, 1, 1);
        assert_eq!((page.total, page.ids.len()), (3, 1));
        assert_eq!(i.search("nothing like it", None, 0, 10).total, 0);
    }
}
