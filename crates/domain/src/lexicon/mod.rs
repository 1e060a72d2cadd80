//! The common lexicon: concepts of ICT security in the six UN languages
//! (IATE's concept, language and term levels), their versions and the
//! differences between two, States' proposals and the curators' decisions,
//! search in any script, and the exchange formats TBX (ISO 30042) and
//! SKOS. Plain rules: the store keeps versions, the web shows them.

pub mod concept;
pub mod diff;
pub mod proposal;
pub mod search;
pub mod seed;
pub mod skos;
pub mod tbx;

pub use concept::{check, Concept, ConceptDraft, LanguageSection, LexiconDomain, Term, TermStatus};
