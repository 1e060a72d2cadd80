//! E-learning: module versions (written once, never changed), lessons
//! read, quiz attempts graded once (`NotAllowed` the second time) and the
//! certificates issued with the grade and its log entry in one
//! transaction.

use crate::StoreResult;
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use time::OffsetDateTime;

mod store;

/// One version of a module as kept: the checked module as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredModule {
    pub slug: String,
    pub version: u32,
    pub content: String,
    pub content_sha256: String,
    pub uploaded_at: OffsetDateTime,
    pub uploaded_by: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonRead {
    pub slug: String,
    pub lesson: String,
    pub read_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizAttempt {
    pub id: i64,
    pub account_id: i64,
    pub slug: String,
    pub version: u32,
    pub language: String,
    pub opened_at: OffsetDateTime,
    pub deadline_at: OffsetDateTime,
    pub grade: Option<QuizGrade>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizGrade {
    pub graded_at: OffsetDateTime,
    pub correct: u32,
    pub total: u32,
    pub percent: u8,
    pub passed: bool,
}

/// A certificate as issued: the signed JSON as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCertificate {
    pub id: String,
    pub attempt_id: i64,
    pub account_id: i64,
    pub slug: String,
    pub version: u32,
    pub certificate: String,
    pub issued_at: OffsetDateTime,
}

#[async_trait]
pub trait LearningStore: Send + Sync {
    /// Keeps a module's version `module.version` with its entry:
    /// `Duplicate` when that version exists (another upload came first).
    async fn add_learning_module(&self, module: StoredModule, log: LogDraft) -> StoreResult<()>;
    /// The newest version of every module, by slug.
    async fn latest_learning_modules(&self) -> StoreResult<Vec<StoredModule>>;
    /// One version, or the newest when `version` is None.
    async fn learning_module(
        &self,
        slug: &str,
        version: Option<u32>,
    ) -> StoreResult<Option<StoredModule>>;
    /// Every version of a module, oldest first, without their content.
    async fn learning_module_versions(&self, slug: &str) -> StoreResult<Vec<StoredModule>>;
    /// Notes a lesson read (the first time only).
    async fn mark_lesson_read(
        &self,
        account_id: i64,
        slug: &str,
        lesson: &str,
        at: OffsetDateTime,
    ) -> StoreResult<()>;
    async fn lessons_read(&self, account_id: i64) -> StoreResult<Vec<LessonRead>>;
    /// Opens an attempt (`NotFound` for no such module version).
    async fn open_quiz_attempt(&self, attempt: QuizAttempt) -> StoreResult<QuizAttempt>;
    /// An account's attempts, newest first.
    async fn quiz_attempts(&self, account_id: i64) -> StoreResult<Vec<QuizAttempt>>;
    async fn quiz_attempt(&self, id: i64) -> StoreResult<Option<QuizAttempt>>;
    /// Grades an ungraded attempt, with its certificate when passed, and
    /// the entry, at once: `NotAllowed` when it was graded already.
    async fn grade_quiz_attempt(
        &self,
        attempt_id: i64,
        grade: QuizGrade,
        certificate: Option<StoredCertificate>,
        log: LogDraft,
    ) -> StoreResult<QuizAttempt>;
    async fn learning_certificate(&self, id: &str) -> StoreResult<Option<StoredCertificate>>;
    /// An account's certificates, or everyone's, oldest first.
    async fn learning_certificates(
        &self,
        account_id: Option<i64>,
    ) -> StoreResult<Vec<StoredCertificate>>;
}
