//! E-learning, written once for both backends.

use super::{LearningStore, LessonRead, QuizAttempt, QuizGrade, StoredCertificate, StoredModule};
use crate::sql::{Driver, SqlStore};
use crate::{corrupt, db_time, to_db_time, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::log::entry::LogDraft;
use std::slice::from_ref;
use time::OffsetDateTime;

const MODULE_COLUMNS: &str = "slug, version, content, content_sha256, uploaded_at, uploaded_by";
const ATTEMPT_COLUMNS: &str = "id, account_id, slug, version, language, opened_at, deadline_at, \
     graded_at, correct, total, percent, passed";
const CERTIFICATE_COLUMNS: &str =
    "id, attempt_id, account_id, slug, version, certificate, issued_at";

#[derive(sqlx::FromRow)]
struct ModuleRow {
    slug: String,
    version: i64,
    content: String,
    content_sha256: String,
    uploaded_at: i64,
    uploaded_by: Option<i64>,
}

fn version_of(v: i64, bad: &impl Fn(String) -> StoreError) -> StoreResult<u32> {
    u32::try_from(v).map_err(|_| bad(format!("version {v}")))
}

impl ModuleRow {
    fn open(self) -> StoreResult<StoredModule> {
        let bad = corrupt("learning_modules", self.slug.clone());
        Ok(StoredModule {
            version: version_of(self.version, &bad)?,
            uploaded_at: db_time(self.uploaded_at).map_err(&bad)?,
            slug: self.slug,
            content: self.content,
            content_sha256: self.content_sha256,
            uploaded_by: self.uploaded_by,
        })
    }
}

#[derive(sqlx::FromRow)]
struct AttemptRow {
    id: i64,
    account_id: i64,
    slug: String,
    version: i64,
    language: String,
    opened_at: i64,
    deadline_at: i64,
    graded_at: Option<i64>,
    correct: Option<i64>,
    total: Option<i64>,
    percent: Option<i64>,
    passed: Option<bool>,
}

impl AttemptRow {
    fn open(self) -> StoreResult<QuizAttempt> {
        let bad = corrupt("learning_attempts", self.id);
        let grade = match (
            self.graded_at,
            self.correct,
            self.total,
            self.percent,
            self.passed,
        ) {
            (Some(at), Some(correct), Some(total), Some(percent), Some(passed)) => {
                Some(QuizGrade {
                    graded_at: db_time(at).map_err(&bad)?,
                    correct: u32::try_from(correct).map_err(|_| bad("correct".into()))?,
                    total: u32::try_from(total).map_err(|_| bad("total".into()))?,
                    percent: u8::try_from(percent).map_err(|_| bad("percent".into()))?,
                    passed,
                })
            }
            (None, None, None, None, None) => None,
            _ => return Err(bad("a grade in part".into())),
        };
        Ok(QuizAttempt {
            id: self.id,
            account_id: self.account_id,
            version: version_of(self.version, &bad)?,
            slug: self.slug,
            language: self.language,
            opened_at: db_time(self.opened_at).map_err(&bad)?,
            deadline_at: db_time(self.deadline_at).map_err(&bad)?,
            grade,
        })
    }
}

#[derive(sqlx::FromRow)]
struct CertificateRow {
    id: String,
    attempt_id: i64,
    account_id: i64,
    slug: String,
    version: i64,
    certificate: String,
    issued_at: i64,
}

impl CertificateRow {
    fn open(self) -> StoreResult<StoredCertificate> {
        let bad = corrupt("learning_certificates", self.id.clone());
        Ok(StoredCertificate {
            version: version_of(self.version, &bad)?,
            issued_at: db_time(self.issued_at).map_err(&bad)?,
            id: self.id,
            attempt_id: self.attempt_id,
            account_id: self.account_id,
            slug: self.slug,
            certificate: self.certificate,
        })
    }
}

#[async_trait]
impl<D: Driver> LearningStore for SqlStore<D> {
    async fn add_learning_module(&self, module: StoredModule, log: LogDraft) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        tx.execute(
            "INSERT INTO learning_modules (slug, version, content, content_sha256, uploaded_at, \
             uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                module.slug.as_str().into(),
                i64::from(module.version).into(),
                module.content.as_str().into(),
                module.content_sha256.as_str().into(),
                to_db_time(module.uploaded_at).into(),
                module.uploaded_by.into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("learning module version"))?;
        tx.log_and_commit(from_ref(&log)).await
    }

    async fn latest_learning_modules(&self) -> StoreResult<Vec<StoredModule>> {
        let rows: Vec<ModuleRow> = self
            .fetch_all(
                &format!(
                    "SELECT {MODULE_COLUMNS} FROM learning_modules m WHERE version = \
                     (SELECT MAX(version) FROM learning_modules n WHERE n.slug = m.slug) \
                     ORDER BY slug"
                ),
                &[],
            )
            .await?;
        rows.into_iter().map(ModuleRow::open).collect()
    }

    async fn learning_module(
        &self,
        slug: &str,
        version: Option<u32>,
    ) -> StoreResult<Option<StoredModule>> {
        let row: Option<ModuleRow> = match version {
            Some(v) => {
                self.fetch_optional(
                    &format!(
                        "SELECT {MODULE_COLUMNS} FROM learning_modules WHERE slug = $1 AND version = $2"
                    ),
                    &[slug.into(), i64::from(v).into()],
                )
                .await?
            }
            None => {
                self.fetch_optional(
                    &format!(
                        "SELECT {MODULE_COLUMNS} FROM learning_modules WHERE slug = $1 \
                         ORDER BY version DESC LIMIT 1"
                    ),
                    &[slug.into()],
                )
                .await?
            }
        };
        row.map(ModuleRow::open).transpose()
    }

    async fn learning_module_versions(&self, slug: &str) -> StoreResult<Vec<StoredModule>> {
        let rows: Vec<ModuleRow> = self
            .fetch_all(
                "SELECT slug, version, '' AS content, content_sha256, uploaded_at, uploaded_by \
                 FROM learning_modules WHERE slug = $1 ORDER BY version",
                &[slug.into()],
            )
            .await?;
        rows.into_iter().map(ModuleRow::open).collect()
    }

    async fn mark_lesson_read(
        &self,
        account_id: i64,
        slug: &str,
        lesson: &str,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        self.execute(
            "INSERT INTO learning_progress (account_id, slug, lesson, read_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            &[
                account_id.into(),
                slug.into(),
                lesson.into(),
                to_db_time(at).into(),
            ],
        )
        .await
        .map_err(|e| e.constraint("lesson"))?;
        Ok(())
    }

    async fn lessons_read(&self, account_id: i64) -> StoreResult<Vec<LessonRead>> {
        let rows: Vec<(String, String, i64)> = self
            .fetch_all(
                "SELECT slug, lesson, read_at FROM learning_progress WHERE account_id = $1 \
                 ORDER BY slug, lesson",
                &[account_id.into()],
            )
            .await?;
        rows.into_iter()
            .map(|(slug, lesson, read_at)| {
                Ok(LessonRead {
                    read_at: db_time(read_at).map_err(corrupt("learning_progress", &slug))?,
                    slug,
                    lesson,
                })
            })
            .collect()
    }

    async fn open_quiz_attempt(&self, attempt: QuizAttempt) -> StoreResult<QuizAttempt> {
        let (id,): (i64,) = self
            .fetch_one(
                "INSERT INTO learning_attempts (account_id, slug, version, language, opened_at, \
                 deadline_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                &[
                    attempt.account_id.into(),
                    attempt.slug.as_str().into(),
                    i64::from(attempt.version).into(),
                    attempt.language.as_str().into(),
                    to_db_time(attempt.opened_at).into(),
                    to_db_time(attempt.deadline_at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("attempt"))?;
        self.quiz_attempt(id).await?.ok_or(StoreError::NotFound)
    }

    async fn quiz_attempts(&self, account_id: i64) -> StoreResult<Vec<QuizAttempt>> {
        let rows: Vec<AttemptRow> = self
            .fetch_all(
                &format!(
                    "SELECT {ATTEMPT_COLUMNS} FROM learning_attempts WHERE account_id = $1 \
                     ORDER BY id DESC"
                ),
                &[account_id.into()],
            )
            .await?;
        rows.into_iter().map(AttemptRow::open).collect()
    }

    async fn quiz_attempt(&self, id: i64) -> StoreResult<Option<QuizAttempt>> {
        let row: Option<AttemptRow> = self
            .fetch_optional(
                &format!("SELECT {ATTEMPT_COLUMNS} FROM learning_attempts WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        row.map(AttemptRow::open).transpose()
    }

    async fn grade_quiz_attempt(
        &self,
        attempt_id: i64,
        grade: QuizGrade,
        certificate: Option<StoredCertificate>,
        log: LogDraft,
    ) -> StoreResult<QuizAttempt> {
        let mut tx = self.begin().await?;
        let changed = tx
            .execute(
                "UPDATE learning_attempts SET graded_at = $2, correct = $3, total = $4, \
                 percent = $5, passed = $6 WHERE id = $1 AND graded_at IS NULL",
                &[
                    attempt_id.into(),
                    to_db_time(grade.graded_at).into(),
                    i64::from(grade.correct).into(),
                    i64::from(grade.total).into(),
                    i64::from(grade.percent).into(),
                    grade.passed.into(),
                ],
            )
            .await?;
        if changed != 1 {
            tx.rollback().await?;
            return Err(StoreError::NotAllowed(format!(
                "quiz attempt {attempt_id} is graded already or does not exist"
            )));
        }
        if let Some(c) = &certificate {
            tx.execute(
                "INSERT INTO learning_certificates (id, attempt_id, account_id, slug, version, \
                 certificate, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    c.id.as_str().into(),
                    attempt_id.into(),
                    c.account_id.into(),
                    c.slug.as_str().into(),
                    i64::from(c.version).into(),
                    c.certificate.as_str().into(),
                    to_db_time(c.issued_at).into(),
                ],
            )
            .await
            .map_err(|e| e.constraint("certificate"))?;
        }
        let row: AttemptRow = tx
            .fetch_one(
                &format!("SELECT {ATTEMPT_COLUMNS} FROM learning_attempts WHERE id = $1"),
                &[attempt_id.into()],
            )
            .await?;
        let attempt = row.open()?;
        tx.log_and_commit(from_ref(&log)).await?;
        Ok(attempt)
    }

    async fn learning_certificate(&self, id: &str) -> StoreResult<Option<StoredCertificate>> {
        let row: Option<CertificateRow> = self
            .fetch_optional(
                &format!("SELECT {CERTIFICATE_COLUMNS} FROM learning_certificates WHERE id = $1"),
                &[id.into()],
            )
            .await?;
        row.map(CertificateRow::open).transpose()
    }

    async fn learning_certificates(
        &self,
        account_id: Option<i64>,
    ) -> StoreResult<Vec<StoredCertificate>> {
        let rows: Vec<CertificateRow> = match account_id {
            Some(a) => {
                self.fetch_all(
                    &format!(
                        "SELECT {CERTIFICATE_COLUMNS} FROM learning_certificates \
                         WHERE account_id = $1 ORDER BY issued_at, id"
                    ),
                    &[a.into()],
                )
                .await?
            }
            None => {
                self.fetch_all(
                    &format!(
                        "SELECT {CERTIFICATE_COLUMNS} FROM learning_certificates \
                         ORDER BY issued_at, id"
                    ),
                    &[],
                )
                .await?
            }
        };
        rows.into_iter().map(CertificateRow::open).collect()
    }
}
