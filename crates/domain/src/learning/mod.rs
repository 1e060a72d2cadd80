//! E-learning: modules of Markdown lessons and a quiz in each language,
//! uploaded by the secretariat as versions (`module.rs`, the lessons'
//! safety in `lesson.rs`), taken by accounts (`quiz.rs`: deadline,
//! grading, mastery), and passed with a signed completion certificate
//! anyone can verify (`certificate.rs`), exported as xAPI (`xapi.rs`).
//! pocdir ships three modules (`shipped.rs`).

pub mod certificate;
pub mod lesson;
pub mod module;
pub mod quiz;
pub mod shipped;
pub mod xapi;

pub use certificate::{Certificate, CertificateRefusal, Completion};
pub use module::{Module, ModuleProblem, ModuleText};
pub use quiz::{QuizRefusal, Score};

/// Every Fluent id the capability's checks name.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    ids.extend(module::MESSAGE_IDS);
    ids.extend(lesson::MESSAGE_IDS);
    ids.extend(quiz::MESSAGE_IDS);
    ids.extend(certificate::MESSAGE_IDS);
    ids
}
