//! Search of the lexicon's terms in any script, ignoring case, accents
//! and Arabic vowel marks: every term folded once into one text, which a
//! query scans with a vectorised substring search (`memchr::memmem`)
//! without folding again. Exact terms rank first, then terms that start
//! with the query, then those that contain it; within a rank, by id.

use super::concept::{Concept, LexiconDomain};
use crate::folding::fold;
use memchr::memmem;

/// Every term of a set of concepts, folded, in one text.
#[derive(Debug, Clone, Default)]
pub struct LexiconIndex {
    /// The folded terms, each followed by a line break (folded terms and
    /// queries hold none, so no match runs from one term into the next).
    text: String,
    /// Each term's (start, end) in `text` and its concept in `ids`, in
    /// the order of `text`.
    terms: Vec<(usize, usize, usize)>,
    /// The concepts, by id.
    ids: Vec<(String, LexiconDomain)>,
}

/// One page of results: the ids in order and how many matched in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub total: usize,
    pub ids: Vec<String>,
}

/// A term as it is searched: folded, one line.
fn searchable(text: &str) -> String {
    fold(text).replace(['\n', '\r'], " ")
}

impl LexiconIndex {
    pub fn new<'a>(concepts: impl IntoIterator<Item = &'a Concept>) -> Self {
        let mut concepts: Vec<&Concept> = concepts.into_iter().collect();
        // By id, so that a rank's concepts come in order without sorting
        // at each search.
        concepts.sort_by(|a, b| a.id.cmp(&b.id));
        let mut index = LexiconIndex::default();
        for concept in concepts {
            let at = index.ids.len();
            index.ids.push((concept.id.clone(), concept.domain));
            let names = std::iter::once(concept.id.replace('-', " ")).chain(
                concept
                    .languages
                    .iter()
                    .flat_map(|s| s.terms.iter().map(|t| searchable(&t.text))),
            );
            for name in names {
                let start = index.text.len();
                index.text.push_str(&name);
                index.terms.push((start, index.text.len(), at));
                index.text.push('\n');
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
        let query = searchable(query.trim());
        // The best rank of each concept: 0 exact, 1 prefix, 2 inside.
        let mut best: Vec<u8> = vec![u8::MAX; self.ids.len()];
        if query.is_empty() {
            best.fill(0);
        } else {
            let haystack = self.text.as_bytes();
            for at in memmem::find_iter(haystack, query.as_bytes()) {
                // The term the match starts in: the last that starts at or
                // before it.
                let Some(&(start, end, concept)) = self
                    .terms
                    .partition_point(|(s, _, _)| *s <= at)
                    .checked_sub(1)
                    .and_then(|i| self.terms.get(i))
                else {
                    continue;
                };
                if at + query.len() > end {
                    continue;
                }
                let rank = match (at == start, at + query.len() == end) {
                    (true, true) => 0,
                    (true, false) => 1,
                    _ => 2,
                };
                if let Some(slot) = best.get_mut(concept) {
                    *slot = (*slot).min(rank);
                }
            }
        }
        // Three buckets in the order of the ids: no sort of every hit.
        let mut buckets: [Vec<&str>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for (rank, (id, d)) in best.iter().zip(&self.ids) {
            if let Some(bucket) = buckets.get_mut(usize::from(*rank)) {
                if domain.is_none_or(|want| want == *d) {
                    bucket.push(id.as_str());
                }
            }
        }
        Found {
            total: buckets.iter().map(Vec::len).sum(),
            ids: buckets
                .iter()
                .flatten()
                .skip(offset)
                .take(limit)
                .map(|id| (*id).to_owned())
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

    /// The plain scan the index replaces: every term folded, ranked.
    fn model(concepts: &[Concept], query: &str) -> Vec<String> {
        let q = fold(query.trim());
        let mut hits: Vec<(u8, String)> = Vec::new();
        for c in concepts {
            let names = std::iter::once(c.id.replace('-', " ")).chain(
                c.languages
                    .iter()
                    .flat_map(|s| s.terms.iter().map(|t| fold(&t.text))),
            );
            let rank = names
                .filter_map(|n| {
                    if q.is_empty() || n == q {
                        Some(0)
                    } else if n.starts_with(&q) {
                        Some(1)
                    } else if n.contains(&q) {
                        Some(2)
                    } else {
                        None
                    }
                })
                .min();
            if let Some(r) = rank {
                hits.push((r, c.id.clone()));
            }
        }
        hits.sort();
        hits.into_iter().map(|(_, id)| id).collect()
    }

    proptest::proptest! {
        /// The index finds what the plain scan finds, in the same order.
        #[test]
        fn the_index_agrees_with_a_plain_scan(
            terms in proptest::collection::vec(
                proptest::collection::vec("[a-cé ]{1,6}", 1..4), 1..12),
            query in "[a-cé ]{0,4}",
        ) {
            let concepts: Vec<Concept> = terms
                .iter()
                .enumerate()
                .map(|(i, ts)| {
                    let pairs: Vec<(&str, &str)> = ts.iter().map(|t| ("en", t.as_str())).collect();
                    concept(&format!("c{i:02}"), LexiconDomain::Technical, &pairs)
                })
                .collect();
            let index = LexiconIndex::new(concepts.iter().rev());
            let found = index.search(&query, None, 0, 1000);
            let expected = model(&concepts, &query);
            proptest::prop_assert_eq!(found.total, expected.len());
            proptest::prop_assert_eq!(found.ids, expected);
        }
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
