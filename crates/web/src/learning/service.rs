//! The use case of e-learning, for the pages, the API and the demo: the
//! secretariat's uploads (a new version each), an account's progress,
//! quizzes opened with a deadline and graded once, certificates signed by
//! the instance's key and verified against every key it signed with.

use crate::http::error::AppError;
use axum::http::StatusCode;
use pocdir_domain::clock::Clock;
use pocdir_domain::entropy::Entropy;
use pocdir_domain::learning::certificate::{new_id, Completion};
use pocdir_domain::learning::module::ModuleProblem;
use pocdir_domain::learning::xapi::{self, PassedQuiz};
use pocdir_domain::learning::{quiz, Certificate, CertificateRefusal, Module, QuizRefusal};
use pocdir_domain::log::entry::{ContentError, LogActor};
use pocdir_domain::log::events;
use pocdir_domain::log::head::decode_public_key;
use pocdir_domain::requester::Requester;
use pocdir_log::LogService;
use pocdir_store::{
    LessonRead, QuizAttempt, QuizGrade, Store, StoreError, StoredCertificate, StoredModule,
};
use std::collections::BTreeMap;

/// Why a step of e-learning did not happen.
#[derive(Debug)]
pub enum LearningFailure {
    NotFound,
    /// The upload's problems, each with its file.
    Module(Vec<ModuleProblem>),
    Quiz(QuizRefusal),
    /// Another upload of the same module came first.
    Concurrent,
    Store(StoreError),
    Content(ContentError),
    Signing,
}

impl From<StoreError> for LearningFailure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => LearningFailure::NotFound,
            StoreError::NotAllowed(_) => LearningFailure::Quiz(QuizRefusal::AlreadyGraded),
            StoreError::Duplicate(_) => LearningFailure::Concurrent,
            other => LearningFailure::Store(other),
        }
    }
}

impl From<ContentError> for LearningFailure {
    fn from(e: ContentError) -> Self {
        LearningFailure::Content(e)
    }
}

impl From<LearningFailure> for AppError {
    fn from(e: LearningFailure) -> Self {
        match e {
            LearningFailure::NotFound => AppError::not_found(),
            LearningFailure::Module(problems) => AppError::invalid_fields(
                problems
                    .into_iter()
                    .map(|p| (problem_place(&p), p.message_id))
                    .collect(),
            ),
            LearningFailure::Quiz(r) => {
                let status = match r {
                    QuizRefusal::Incomplete => StatusCode::UNPROCESSABLE_ENTITY,
                    QuizRefusal::PastDeadline | QuizRefusal::AlreadyGraded => StatusCode::CONFLICT,
                };
                AppError::new(status, "not_allowed_now", r.message_id())
            }
            LearningFailure::Concurrent => AppError::new(
                StatusCode::CONFLICT,
                "not_allowed_now",
                "learning-upload-concurrent",
            ),
            LearningFailure::Store(e) => e.into(),
            LearningFailure::Content(_) | LearningFailure::Signing => AppError::internal(),
        }
    }
}

/// Where a problem is: `file` or `file:line`.
pub fn problem_place(p: &ModuleProblem) -> String {
    match p.line {
        Some(line) => format!("{}:{line}", p.file),
        None => p.file.clone(),
    }
}

pub type LearningResult<T> = Result<T, LearningFailure>;

/// A module's newest version, read.
#[derive(Debug, Clone)]
pub struct ModuleVersion {
    pub module: Module,
    pub version: u32,
    pub stored: StoredModule,
}

fn read(stored: StoredModule) -> LearningResult<ModuleVersion> {
    let module: Module = serde_json::from_str(&stored.content).map_err(|e| {
        LearningFailure::Store(StoreError::Corrupt(format!(
            "learning module {} version {}: {e}",
            stored.slug, stored.version
        )))
    })?;
    Ok(ModuleVersion {
        version: stored.version,
        module,
        stored,
    })
}

/// One account's standing in one module.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    pub lessons_read: Vec<String>,
    /// The attempt open now, if one is.
    pub open_attempt: Option<QuizAttempt>,
    pub best_percent: Option<u8>,
    pub certificate: Option<StoredCertificate>,
}

/// Who acts, on which store, clock and key.
pub struct Learning<'a> {
    pub store: &'a dyn Store,
    pub clock: &'a dyn Clock,
    pub entropy: &'a dyn Entropy,
    pub log: &'a LogService,
    /// The installation's base URL (certificates name it as issuer).
    pub base_url: &'a str,
}

/// Installs the shipped modules an installation does not have yet (at
/// every start, and by the demo), as version 1, logged as `actor`'s.
pub async fn install_shipped(
    store: &dyn Store,
    clock: &dyn Clock,
    actor: &LogActor,
) -> LearningResult<usize> {
    let shipped = pocdir_domain::learning::shipped::modules().map_err(LearningFailure::Module)?;
    let mut installed = 0;
    for module in shipped {
        if store.learning_module(&module.slug, None).await?.is_none() {
            keep(store, clock, actor, module, 1).await?;
            installed += 1;
        }
    }
    Ok(installed)
}

/// Keeps `module` as `version`, with its entry.
async fn keep(
    store: &dyn Store,
    clock: &dyn Clock,
    actor: &LogActor,
    module: Module,
    version: u32,
) -> LearningResult<()> {
    use sha2::{Digest, Sha256};
    let content = serde_json::to_string(&module)
        .map_err(|e| LearningFailure::Store(StoreError::Corrupt(format!("module to JSON: {e}"))))?;
    let sha = hex::encode(Sha256::digest(content.as_bytes()));
    let at = clock.now();
    let log = events::learning_uploaded(at, actor, &module, version, &sha)?;
    store
        .add_learning_module(
            StoredModule {
                slug: module.slug.clone(),
                version,
                content,
                content_sha256: sha,
                uploaded_at: at,
                uploaded_by: actor.account_id,
            },
            log,
        )
        .await?;
    Ok(())
}

impl Learning<'_> {
    /// Reads an upload and keeps it as the module's next version.
    pub async fn upload(
        &self,
        who: &Requester,
        files: &[(String, Vec<u8>)],
    ) -> LearningResult<ModuleVersion> {
        let module = Module::from_files(files).map_err(LearningFailure::Module)?;
        let next = self
            .store
            .learning_module(&module.slug, None)
            .await?
            .map_or(1, |m| m.version.saturating_add(1));
        let slug = module.slug.clone();
        keep(self.store, self.clock, &who.log, module, next).await?;
        self.module(&slug, Some(next)).await
    }

    /// The newest version of every module.
    pub async fn modules(&self) -> LearningResult<Vec<ModuleVersion>> {
        self.store
            .latest_learning_modules()
            .await?
            .into_iter()
            .map(read)
            .collect()
    }

    pub async fn module(&self, slug: &str, version: Option<u32>) -> LearningResult<ModuleVersion> {
        let stored = self
            .store
            .learning_module(slug, version)
            .await?
            .ok_or(LearningFailure::NotFound)?;
        read(stored)
    }

    /// Every account's standing in every module it touched.
    pub async fn progress(&self, account_id: i64) -> LearningResult<BTreeMap<String, Progress>> {
        let mut out: BTreeMap<String, Progress> = BTreeMap::new();
        for LessonRead { slug, lesson, .. } in self.store.lessons_read(account_id).await? {
            out.entry(slug).or_default().lessons_read.push(lesson);
        }
        let now = self.clock.now();
        for attempt in self.store.quiz_attempts(account_id).await? {
            let p = out.entry(attempt.slug.clone()).or_default();
            match attempt.grade {
                Some(g) => p.best_percent = Some(p.best_percent.unwrap_or(0).max(g.percent)),
                None if attempt.deadline_at >= now && p.open_attempt.is_none() => {
                    p.open_attempt = Some(attempt)
                }
                None => {}
            }
        }
        for c in self.store.learning_certificates(Some(account_id)).await? {
            let slug = c.slug.clone();
            out.entry(slug).or_default().certificate = Some(c);
        }
        Ok(out)
    }

    pub async fn mark_read(&self, account_id: i64, slug: &str, lesson: &str) -> LearningResult<()> {
        let m = self.module(slug, None).await?;
        if !m.module.lessons.iter().any(|l| l == lesson) {
            return Err(LearningFailure::NotFound);
        }
        self.store
            .mark_lesson_read(account_id, slug, lesson, self.clock.now())
            .await?;
        Ok(())
    }

    /// The attempt open now on the module's newest version, else a new one.
    pub async fn open_quiz(
        &self,
        account_id: i64,
        slug: &str,
        language: &str,
    ) -> LearningResult<QuizAttempt> {
        let m = self.module(slug, None).await?;
        if let Some(open) = self
            .progress(account_id)
            .await?
            .remove(slug)
            .and_then(|p| p.open_attempt)
            .filter(|a| a.version == m.version)
        {
            return Ok(open);
        }
        let language = m
            .module
            .text(language)
            .map(|(l, _)| l.to_owned())
            .ok_or(LearningFailure::NotFound)?;
        let now = self.clock.now();
        Ok(self
            .store
            .open_quiz_attempt(QuizAttempt {
                id: 0,
                account_id,
                slug: slug.to_owned(),
                version: m.version,
                language,
                opened_at: now,
                deadline_at: quiz::deadline(now, m.module.quiz_minutes),
                grade: None,
            })
            .await?)
    }

    /// Grades an account's attempt; a pass issues the certificate in the
    /// same transaction.
    pub async fn answer(
        &self,
        who: &Requester,
        holder: &str,
        attempt_id: i64,
        given: &[u8],
    ) -> LearningResult<(QuizAttempt, Option<StoredCertificate>)> {
        let account_id = who.actor.account_id;
        let attempt = self
            .store
            .quiz_attempt(attempt_id)
            .await?
            .filter(|a| a.account_id == account_id)
            .ok_or(LearningFailure::NotFound)?;
        if attempt.grade.is_some() {
            return Err(LearningFailure::Quiz(QuizRefusal::AlreadyGraded));
        }
        let m = self.module(&attempt.slug, Some(attempt.version)).await?;
        let (_, text) = m
            .module
            .text(&attempt.language)
            .ok_or(LearningFailure::NotFound)?;
        let shape: Vec<usize> = text.questions.iter().map(|q| q.choices.len()).collect();
        let now = self.clock.now();
        let score = quiz::grade(
            &m.module.answers,
            &shape,
            given,
            m.module.mastery_percent,
            now,
            attempt.deadline_at,
        )
        .map_err(LearningFailure::Quiz)?;
        let certificate = if score.passed {
            let signed = self
                .log
                .sign_certificate(Completion {
                    id: new_id(self.entropy_bytes()),
                    holder: holder.to_owned(),
                    module: m.module.slug.clone(),
                    module_title: text.title.clone(),
                    version: m.version,
                    issued_on: now.date(),
                    score_percent: score.percent,
                    issuer: self.base_url.trim_end_matches('/').to_owned(),
                })
                .await
                .map_err(|_| LearningFailure::Signing)?;
            Some(signed)
        } else {
            None
        };
        let log = events::learning_graded(
            now,
            &who.log,
            &m.module.slug,
            m.version,
            score,
            certificate.as_ref(),
        )?;
        let stored = certificate.map(|c| StoredCertificate {
            id: c.id.clone(),
            attempt_id,
            account_id,
            slug: m.module.slug.clone(),
            version: m.version,
            certificate: c.to_json(),
            issued_at: now,
        });
        let graded = self
            .store
            .grade_quiz_attempt(
                attempt_id,
                QuizGrade {
                    graded_at: now,
                    correct: score.correct,
                    total: score.total,
                    percent: score.percent,
                    passed: score.passed,
                },
                stored.clone(),
                log,
            )
            .await?;
        Ok((graded, stored))
    }

    fn entropy_bytes(&self) -> [u8; 16] {
        let mut bytes = [0u8; 16];
        self.entropy.fill(&mut bytes);
        bytes
    }

    /// A certificate on record, by id (`NotFound` for a number of the
    /// right shape that was never issued; the handlers refuse other text
    /// as a bad request first).
    pub async fn certificate(&self, id: &str) -> LearningResult<Certificate> {
        if !pocdir_domain::learning::certificate::is_id(id) {
            return Err(LearningFailure::NotFound);
        }
        let stored = self
            .store
            .learning_certificate(id)
            .await?
            .ok_or(LearningFailure::NotFound)?;
        Certificate::from_json(stored.certificate.as_bytes())
            .map_err(|_| LearningFailure::Store(StoreError::Corrupt(format!("certificate {id}"))))
    }

    /// Checks a certificate's signature against every key this
    /// installation has signed with, and that it is on record.
    pub async fn verify(
        &self,
        certificate: &Certificate,
    ) -> LearningResult<Result<(), CertificateRefusal>> {
        let keys: Vec<_> = self
            .store
            .log_keys()
            .await?
            .iter()
            .filter_map(|k| decode_public_key(&k.public_key).ok())
            .chain(std::iter::once(self.log.public_key()))
            .collect();
        if let Err(refusal) = certificate.verify(&keys) {
            return Ok(Err(refusal));
        }
        // A valid signature on an id never issued cannot happen without the
        // key; refused all the same, as forged.
        match self.certificate(&certificate.id).await {
            Ok(on_record) if on_record == *certificate => Ok(Ok(())),
            Ok(_) | Err(LearningFailure::NotFound) => Ok(Err(CertificateRefusal::Forged)),
            Err(e) => Err(e),
        }
    }

    /// Completions as xAPI statements: one account's, or everyone's.
    pub async fn statements(
        &self,
        account_id: Option<i64>,
    ) -> LearningResult<Vec<serde_json::Value>> {
        let base = self.base_url.trim_end_matches('/');
        let mut modules: BTreeMap<(String, u32), ModuleVersion> = BTreeMap::new();
        let mut out = Vec::new();
        for stored in self.store.learning_certificates(account_id).await? {
            let key = (stored.slug.clone(), stored.version);
            if !modules.contains_key(&key) {
                let m = self.module(&stored.slug, Some(stored.version)).await?;
                modules.insert(key.clone(), m);
            }
            let Some(m) = modules.get(&key) else { continue };
            let Ok(c) = Certificate::from_json(stored.certificate.as_bytes()) else {
                continue;
            };
            let attempt = self.store.quiz_attempt(stored.attempt_id).await?;
            let grade = attempt.and_then(|a| a.grade);
            out.push(xapi::statement(
                base,
                &PassedQuiz {
                    id: &c.id,
                    account_id: stored.account_id,
                    holder: &c.holder,
                    module: &c.module,
                    version: c.version,
                    titles: m
                        .module
                        .texts
                        .iter()
                        .map(|(l, t)| (l.clone(), t.title.clone()))
                        .collect(),
                    correct: grade.map_or(0, |g| g.correct),
                    total: grade.map_or(0, |g| g.total),
                    at: grade.map_or(stored.issued_at, |g| g.graded_at),
                },
            ));
        }
        Ok(out)
    }
}
